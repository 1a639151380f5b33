"""The TF1 runtime inside IPython: the ``tf1`` Jupyter kernel and ``%load_ext tf1_cnn``.

- ``spec.py``: the kernelspec (ipykernel's own, launching ``python -m tf1_cnn.kernel``),
  installed, listed and removed through jupyter_client's KernelSpecManager;
- ``__main__.py``: the kernel process: ipykernel's IPKernelApp, with the runtime
  activated on its shell before the first cell runs;
- ``cli.py``: ``python -m tf1_cnn kernel install|list|remove``.

``activate(shell)`` is what both the kernel and ``%load_ext tf1_cnn`` do: import
TensorFlow quietly, ``tf1_cnn.compat.install(seed_rule, tf1_version)`` (graph mode,
TF 1.x's seed rule and op structures, Keras 2), and keep the migration report by cell
(``%tf1_report`` prints it; ``legacy NB`` fetches it with ``report_json()``); Colab's
``%tensorflow_version 1.x`` is accepted (a no-op), ``2.x`` refused. Nothing
here imports TensorFlow at import time.
"""
import json
import os
import sys

# the kernelspec passes the runtime's two choices to the kernel process in these
ENV_SEED_RULE = "TF1_CNN_SEED_RULE"
ENV_TF1_VERSION = "TF1_CNN_TF1_VERSION"
ENV_NUMPY_PRINT = "TF1_CNN_NUMPY_PRINT"

_cells = {}  # compiled cell file name -> the execution count it ran as (In [N])
_state = {}


def _settings():
    from ..compat.settings import DEFAULTS

    return (os.environ.get(ENV_SEED_RULE) or DEFAULTS["seed_rule"],
            os.environ.get(ENV_TF1_VERSION) or DEFAULTS["tf1_version"])


def tf2_already_message():
    """The one message when TensorFlow came before the runtime (None when it did not)."""
    from ..compat.install import _installed  # (compat's `install` name is the function)

    if "tensorflow" not in sys.modules or _installed:
        return None
    tf = sys.modules["tensorflow"]
    mode = "TF2 mode, eager execution already on" if getattr(tf, "executing_eagerly", lambda: True)() \
        else "TF2 mode"
    return (f"tf1_cnn: TensorFlow was already imported in this kernel ({mode}), so the TF1 runtime "
            "was not installed. Restart the kernel and run `%load_ext tf1_cnn` before anything imports "
            "TensorFlow, or choose the kernel \"TensorFlow 1.x (tf1-cnn)\" "
            "(python -m tf1_cnn kernel install).")


def activate(shell, seed_rule=None, tf1_version=None, numpy_print=None):
    """Install the TF1 runtime in ``shell``'s process; returns False (after one message) when too late."""
    if _state:  # already active here (the tf1 kernel, then `%load_ext tf1_cnn`): keep its report and hooks
        return True
    message = tf2_already_message()
    if message:
        print(message, file=sys.stderr)
        return False
    default_rule, default_version = _settings()
    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # Keras 2 as tf.keras: before TensorFlow
    from .. import console
    from ..compat import floats, install, migration

    if floats.requested():  # TF1_CNN_TF1_FLOATS=1 (legacy --tf1-floats NOTEBOOK sets it for its kernel)
        floats.prepare()
    console.import_tensorflow()
    numpy_print = numpy_print or os.environ.get(ENV_NUMPY_PRINT) or None
    install(seed_rule=seed_rule or default_rule, tf1_version=tf1_version or default_version, numpy_print=numpy_print)
    if floats.requested():
        floats.enable()
    migration.clear()
    _cells.clear()
    _state.update(seed_rule=seed_rule or default_rule, tf1_version=tf1_version or default_version,
                  numpy_print=numpy_print or "auto")
    if shell is not None:
        shell.events.register("post_run_cell", lambda result, shell=shell: _remember_cell(shell, result))
        shell.register_magic_function(_tf1_report_magic, "line", "tf1_report")
        shell.register_magic_function(_tensorflow_version_magic, "line", "tensorflow_version")
        from ..errors import UserError

        shell.set_custom_exc((UserError,), _user_error)
    return True


def _remember_cell(shell, result):
    """Which compiled file name this cell ran under, so the report can say In [N] (IPython names
    a cell's code by its source and number: ``shell.compile.get_code_name``)."""
    info = result.info
    if info is None or result.execution_count is None:
        return
    try:
        name = shell.compile.get_code_name(info.raw_cell, shell.transform_cell(info.raw_cell),
                                           result.execution_count)
    except Exception:  # a cell that does not parse compiled nothing
        return
    _cells[name] = result.execution_count


def _user_error(shell, etype, value, tb, tb_offset=None):
    """The project's own bad-input error (a missing data file, ...): one line, as on the command line."""
    stb = [f"error: {value}"]
    shell._showtraceback(etype, value, stb)
    return stb


def report():
    """The migration report's rows: name, count, replacement, places [{"file", "line", "execution_count"}]."""
    from ..compat import migration

    rows = []
    for name, count, replacement, places in migration.report():
        spots = []
        for place in places:
            file, _, line = place.rpartition(":")
            spots.append({"file": file, "line": int(line) if line.isdigit() else None,
                          "execution_count": _cells.get(file)})
        rows.append({"name": name, "count": count, "replacement": replacement, "places": spots})
    return rows


def report_json():
    """``report()`` as JSON text, with the runtime's settings (``legacy NB`` reads it after the last cell)."""
    return json.dumps({"settings": dict(_state), "used": report()})


def _tf1_report_magic(line=""):
    """``%tf1_report``: the TF1-only names this kernel's cells used, by In [N] and line."""
    from ..compat import migration

    rows = [(r["name"], r["count"], r["replacement"],
             [(f"In [{p['execution_count']}] line {p['line']}" if p["execution_count"] else f"{p['file']}:{p['line']}")
              for p in r["places"]]) for r in report()]
    print(migration.format_report(rows))


def _tensorflow_version_magic(line=""):
    """``%tensorflow_version 1.x``, as Colab-era notebooks open: this kernel is TF 1.x already, so nothing
    to do; the one line Colab printed (``TensorFlow 1.x selected.``), which their stored outputs hold.
    ``2.x`` (or anything else) is a one-line error: this kernel runs TF 1.x code only."""
    from ..errors import UserError

    wanted = line.strip()
    if wanted in ("1.x", "1") or wanted.startswith("1."):
        print("TensorFlow 1.x selected.")
        return
    if wanted == "2.x" or wanted == "2" or wanted.startswith("2."):
        raise UserError(f"%tensorflow_version {wanted}: this kernel runs TF 1.x code on the TF1 runtime; "
                        "for TensorFlow 2 choose a plain Python 3 kernel")
    raise UserError(f"%tensorflow_version {wanted or '(nothing)'}: give 1.x (this kernel is TF 1.x already)")


def load_ipython_extension(ipython):
    """``%load_ext tf1_cnn``: the TF1 runtime in this kernel (settings from TF1_CNN_SEED_RULE /
    TF1_CNN_TF1_VERSION, else the defaults), or one message when TensorFlow came first."""
    activate(ipython)
