"""``migrate --verify``: the source under ``legacy``, the output under plain Python, numbers compared.

The output runs in a subprocess whose ``sys.path`` holds no tf1_cnn (asserted before the
script starts: the project's folder is not on PYTHONPATH, the script's folder is first on
the path as under ``python SCRIPT``) and without TF_USE_LEGACY_KERAS in its environment
(the migrated code sets what it needs itself). Both get the same arguments and run one after
the other, each in its own copy of the current folder (``compare``'s ``runner.copy_folder``):
what the first writes there (an estimator's checkpoints, which the second would restore
from, logs) is never seen by the second. Absolute paths (``/tmp/model``) are shared.

The numbers each printed (stdout) are compared in order with ``compare``'s rules
(``oracle/outputs.py``: what a number is, arrays as one line, float32's tolerance, nan
equal to nan), after durations (``3s``, ``12ms/step``: no two runs agree on them) and
TensorFlow's own log records (in a notebook TF logs to stdout) are dropped; the first one
that differs is reported. Both sides run on TF 2.21's kernels, so there is no drift to allow
for: a difference is a different graph or different seeds.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

from ..oracle.outputs import ATOL, RTOL

TF_LOG = re.compile(r"^(?:WARNING|INFO|ERROR|DEBUG):tensorflow:")
DURATION = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?(?:s|ms|us|µs|sec|secs|seconds)(?:/step|/sample|/epoch)?\b")

_PLAIN = r"""
import importlib.util, os, runpy, sys
script = sys.argv[1]
sys.path[0] = os.path.dirname(os.path.abspath(script))  # as `python SCRIPT`: its folder first, not the cwd
assert importlib.util.find_spec("tf1_cnn") is None, "tf1_cnn is importable: the check is void"
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
"""

_PLAIN_NOTEBOOK = r"""
import importlib.util, sys
assert importlib.util.find_spec("tf1_cnn") is None, "tf1_cnn is importable: the check is void"
import nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
import os
try:
    NotebookClient(nb, timeout=int(sys.argv[2]), resources={"metadata": {"path": os.getcwd()}}).execute()
finally:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                sys.stdout.write(out["text"])
            elif out.get("output_type") == "execute_result":
                sys.stdout.write(out["data"].get("text/plain", "") + "\n")
"""


def project_root():
    return str(Path(__file__).resolve().parents[2])


def plain_env():
    """The environment of the output's run: no project on PYTHONPATH, no Keras switch inherited."""
    env = dict(os.environ, MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("TF_USE_LEGACY_KERAS", None)
    root = os.path.realpath(project_root())
    keep = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and os.path.realpath(p) != root]
    env["PYTHONPATH"] = os.pathsep.join(keep)
    if not keep:
        env.pop("PYTHONPATH")
    return env


def run_legacy(source, args=(), timeout=600, tf1_version="1.3", cwd=None):
    env = dict(os.environ, MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (project_root(), env.get("PYTHONPATH")) if p)
    cmd = [sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", tf1_version,
           str(Path(source).resolve())]
    return _run(cmd + list(args), env, timeout, cwd=cwd)


def run_plain(out, args=(), timeout=600, cwd=None):
    out = Path(out).resolve()
    if out.suffix == ".ipynb":
        cmd = [sys.executable, "-c", _PLAIN_NOTEBOOK, str(out), str(timeout)]
    else:
        cmd = [sys.executable, "-c", _PLAIN, str(out), *args]
    return _run(cmd, dict(plain_env(), PYTHONHASHSEED="0"), timeout, cwd=cwd)


def _run(cmd, env, timeout, cwd=None):
    try:
        proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=timeout)
        return proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        return "timeout", exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or ""), ""


def _without_tf_logging(text):
    """``text`` without TensorFlow's log records: in a notebook (IPython) TF logs to stdout, and a
    deprecation notice (``WARNING:tensorflow:From FILE:LINE: ...``, ``Instructions for updating:``
    and the line after it) names files and lines of the installed TensorFlow, not the program's numbers."""
    out, skip_next = [], False
    for line in text.splitlines():
        if skip_next:
            skip_next = False
        elif TF_LOG.match(line):
            pass
        elif line.startswith("Instructions for updating:"):
            skip_next = True
        else:
            out.append(line)
    return "\n".join(out)


def numbers(text):
    """(value, line number, line) of every number printed, in order (``compare``'s rule; durations and
    TensorFlow's own log records left out)."""
    from ..oracle.outputs import NUMBER, lines_of

    found = []
    for i, line in enumerate(lines_of(_without_tf_logging(text)), start=1):
        for m in NUMBER.finditer(DURATION.sub("", line)):
            found.append((float(m.group()), i, line.strip()))
    return found


def compare_numbers(expected, actual, rtol=RTOL, atol=ATOL):
    """None when the printed numbers agree, else a one-line description of the first difference."""
    from ..oracle.outputs import close

    a, b = numbers(expected), numbers(actual)
    for (x, i, line_x), (y, j, line_y) in zip(a, b):
        if not close(x, y, atol, rtol):
            return f"TF 1.x (legacy) printed {x!r} on its line {i} ({line_x[:80]!r}), the migrated code {y!r} " \
                   f"on its line {j} ({line_y[:80]!r})"
    if len(a) != len(b):
        more, n = ("TF 1.x (legacy)", len(a)) if len(a) > len(b) else ("the migrated code", len(b))
        return f"{more} printed more numbers ({n} against {min(len(a), len(b))})"
    return None


def in_copy(path, tmp, label):
    """(``path`` as seen in a fresh copy of the folder it runs in, that folder) for one side.

    A script runs in the current folder, as ``python SCRIPT`` does; a notebook in its own folder,
    as Jupyter (and ``legacy``) run it. The file itself is the copy's when it lies in that folder."""
    from ..oracle import runner

    path = Path(path).resolve()
    folder = path.parent if path.suffix == ".ipynb" else Path.cwd().resolve()
    runner.check_folder(folder, tmp)
    copy = Path(runner.copy_folder(folder, os.path.join(tmp, label), tmp))
    inside = folder in path.parents
    return (copy / path.relative_to(folder) if inside else path), copy


def verify(source, out, args=(), timeout=600, tf1_version="1.3"):
    """A dict: status ("equal", "differs", "failed"), detail, and the numbers compared."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tf1-verify-") as tmp:
        src, folder = in_copy(source, tmp, "legacy")
        code_a, out_a, err_a = run_legacy(src, args, timeout, tf1_version, cwd=folder)
        dst, folder = in_copy(out, tmp, "migrated")
        code_b, out_b, err_b = run_plain(dst, args, timeout, cwd=folder)
    if code_b not in (0,) and code_a in (0,):
        tail = (err_b.strip().splitlines() or ["(no message)"])[-1]
        return {"status": "failed", "detail": f"the migrated code exited with {code_b}: {tail}",
                "numbers": len(numbers(out_a))}
    diff = compare_numbers(out_a, out_b)
    if diff is None and code_a != code_b:
        diff = f"exit status: legacy {code_a}, migrated {code_b}"
    return {"status": "differs" if diff else "equal", "detail": diff or "", "numbers": len(numbers(out_a)),
            "legacy_exit": code_a, "migrated_exit": code_b}
