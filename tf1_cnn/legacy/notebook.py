"""Run a TF1-era Jupyter notebook through Jupyter's own executor, on the ``tf1`` kernel.

The notebook is read with nbformat (formats 3 and 4; 3 is converted to 4) and executed
by nbclient (the executor behind ``jupyter nbconvert --execute``) on the project's
kernel (``tf1_cnn/kernel/``: ipykernel with the TF1 runtime installed before the first
cell), started in the notebook's folder as Jupyter starts kernels. So every output is
what Jupyter stores: stream text with ``\\r`` and ``\\b`` applied and streams merged
(nbclient's ``coalesce_streams``), a last expression's value through IPython's display
formatter (``<matplotlib.image.AxesImage at 0x...>``), ``display_data`` and inline
matplotlib figures (``%matplotlib inline`` is ipykernel's), magics and ``!shell`` lines run
for real, errors as IPython's traceback. Each figure (``image/png`` output) is also saved
as ``<name>_files/cell<N>_<k>.png``.

The kernel is launched from an in-memory kernelspec (nothing is installed): a
KernelSpecManager that knows only it, over IPC sockets in a temporary folder. After the
last cell the kernel's migration report is fetched (a silent request's
``user_expressions``), its places turned from IPython's cell files into ``cell N``.
"""
import ast
import asyncio
import base64
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError

# seconds for the kernel to answer (it imports TensorFlow first: ~5 s alone, minutes on a loaded machine)
STARTUP_TIMEOUT = 600
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass
class Result:
    """What a run did: the executed notebook (a copy), which cells ran, the migration report rows."""
    nb: object
    ran: list = field(default_factory=list)        # 0-based indices of the code cells executed
    failed: dict = field(default_factory=dict)     # 0-based index -> "Name: value" of a failing cell
    report: list = field(default_factory=list)     # (name, count, replacement, places)
    settings: dict = field(default_factory=dict)
    kernel_died: bool = False


def read_notebook(path):
    """The notebook at ``path`` as an nbformat v4 node; UserError for a missing or broken file."""
    import nbformat

    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such notebook")
    try:
        with open(path, encoding="utf-8") as f:
            nb = nbformat.read(f, as_version=4)
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not a Jupyter notebook (not UTF-8 text: {exc.reason})") from None
    except Exception as exc:  # nbformat raises JSON, validation and version errors of several kinds
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UserError(f"{path}: not a readable Jupyter notebook ({first})") from None
    if "cells" not in nb:
        raise UserError(f"{path}: not a Jupyter notebook (no cells)")
    return nb


def error_of(cell):
    """"Name: value" of a cell's error output (as Jupyter stored it), or None."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return f"{out.get('ename', '')}: {out.get('evalue', '')}".rstrip(": ")
    return None


def traceback_text(cell):
    """The error output's traceback as plain text (IPython colours it with ANSI codes)."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return _ANSI.sub("", "\n".join(out.get("traceback", []))) + "\n"
    return ""


def _client_class():
    from nbclient import NotebookClient

    class EchoClient(NotebookClient):
        """nbclient's executor, echoing stream output as it arrives (``legacy NB`` without --check)."""

        echo = False

        def output(self, outs, msg, display_id, cell_index):
            out = super().output(outs, msg, display_id, cell_index)
            if self.echo and out is not None and out.get("output_type") == "stream":
                stream = sys.stderr if out.get("name") == "stderr" else sys.stdout
                stream.write(out.get("text", ""))
                stream.flush()
            return out

    return EchoClient


def _kernel_manager(seed_rule, tf1_version, ipc_dir, numpy_print=None):
    """An AsyncKernelManager for the tf1 kernel from an in-memory spec, over IPC sockets."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    from jupyter_client.manager import AsyncKernelManager

    from ..kernel import spec as kernel_spec

    # inline figures as in Jupyter, whatever MPLBACKEND the shell that runs `legacy` has
    spec = kernel_spec.kernel_spec(seed_rule, tf1_version,
                                   env={"MPLBACKEND": "module://matplotlib_inline.backend_inline"},
                                   numpy_print=numpy_print)

    class OneSpec(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            if kernel_name != "tf1":
                raise NoSuchKernel(kernel_name)
            return spec

    return AsyncKernelManager(kernel_name="tf1", kernel_spec_manager=OneSpec(), transport="ipc",
                              ip=str(Path(ipc_dir) / "kernel"))


def execute(path, nb, *, seed_rule, tf1_version, timeout=None, keep_going=False, echo=False,
            figures_dir=None, on_cell=None, numpy_print=None):
    """Execute a copy of ``nb`` (read from ``path``); ``on_cell(index, new_cell, failure)`` after each code
    cell (``failure``: "Name: value" when it raised or timed out, else None).

    Stops after a failing cell unless ``keep_going`` (nbclient's ``allow_errors``). Returns a Result.
    """
    return asyncio.run(_execute(Path(path), nb, seed_rule, tf1_version, timeout, keep_going, echo,
                                figures_dir, on_cell, numpy_print))


async def _execute(path, nb, seed_rule, tf1_version, timeout, keep_going, echo, figures_dir, on_cell,
                   numpy_print=None):
    import copy

    from ..kernel import spec as kernel_spec

    new = copy.deepcopy(nb)
    for cell in new.cells:  # a cell that does not run keeps no stale output
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    new.metadata["kernelspec"] = {"name": kernel_spec.DEFAULT_NAME, "language": "python",
                                  "display_name": kernel_spec.display_name(seed_rule, tf1_version)}
    result = Result(new)
    with tempfile.TemporaryDirectory(prefix="tf1-cnn-kernel-") as ipc_dir:
        client = _client_class()(
            new, km=_kernel_manager(seed_rule, tf1_version, ipc_dir, numpy_print), timeout=timeout, allow_errors=keep_going,
            coalesce_streams=True, interrupt_on_timeout=True, startup_timeout=STARTUP_TIMEOUT,
            error_on_timeout={"ename": "CellTimeoutError",
                              "evalue": f"the cell ran longer than --timeout {timeout} s and was interrupted",
                              "traceback": [f"CellTimeoutError: the cell ran longer than --timeout {timeout} s"]},
            resources={"metadata": {"path": str(path.resolve().parent)}})
        client.echo = echo
        try:
            async with client.async_setup_kernel(cleanup_kc=True):
                await _cells(client, new, result, path, echo, figures_dir, on_cell)
                if not result.kernel_died:
                    await _fetch_report(client, result, path)
        except RuntimeError as exc:  # nbclient: "Kernel died before replying to kernel_info", ...
            import atexit

            atexit.unregister(client._cleanup_kernel)  # nbclient cleaned up already; not again at exit
            if result.ran:
                raise
            raise UserError(f"{path}: the tf1 kernel did not start ({exc}); what it printed is above") from None
    return result


async def _cells(client, nb, result, path, echo, figures_dir, on_cell):
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    info = await client.async_wait_for_reply(await _ensure(client.kc.kernel_info()))
    if info is not None and "language_info" in info["content"]:
        nb.metadata["language_info"] = info["content"]["language_info"]
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        stop, replies = None, []
        client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.append(execute_reply)
        try:
            await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        except DeadKernelError as exc:
            cell.outputs.append(_error_output("DeadKernelError", f"the kernel died while this cell ran ({exc})"))
            stop = "dead"
        except CellExecutionError:  # the cell raised and --keep-going was not given
            stop = "error"
        result.ran.append(index)
        failure = error_of(cell)
        content = replies[-1].get("content", {}) if replies and replies[-1] else {}
        if content.get("ename") == "CellTimeoutError":  # the cell's own output is the interrupt's
            failure = f"CellTimeoutError: {content.get('evalue', '')}"
        if failure:
            result.failed[index] = failure
        _save_figures(cell, index + 1, figures_dir)
        if echo:
            _echo(cell, index + 1, path)
        if on_cell:
            on_cell(index, cell, failure)
        if stop:
            result.kernel_died = stop == "dead"
            return


async def _ensure(value):
    return await value if asyncio.iscoroutine(value) or asyncio.isfuture(value) else value


def _error_output(ename, evalue):
    import nbformat

    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _echo(cell, number, path):
    """What Jupyter would show below the cell, after it ran (streams were echoed as they came)."""
    for out in cell.outputs:
        kind = out.get("output_type")
        if kind == "execute_result":
            print(out.get("data", {}).get("text/plain", ""), flush=True)
        elif kind == "error":
            print(f"{path}:cell {number}:\n{traceback_text(cell)}", file=sys.stderr, end="", flush=True)


def _save_figures(cell, number, figures_dir):
    """Each image/png output as ``<figures_dir>/cell<N>_<k>.png`` (N: the cell's number among all cells)."""
    if figures_dir is None:
        return
    k = 0
    for out in cell.outputs:
        png = out.get("data", {}).get("image/png") if out.get("output_type") in ("display_data", "execute_result") \
            else None
        if png:
            k += 1
            Path(figures_dir).mkdir(parents=True, exist_ok=True)
            (Path(figures_dir) / f"cell{number}_{k}.png").write_bytes(base64.b64decode(png))


async def _fetch_report(client, result, path):
    """The kernel's migration report, its places named ``NOTEBOOK:cell N:LINE``."""
    import json

    expr = "__import__('tf1_cnn.kernel', fromlist=['report_json']).report_json()"
    reply = await _ensure(client.kc.execute("", silent=True, store_history=False, user_expressions={"r": expr},
                                            reply=True, timeout=60))
    value = reply["content"].get("user_expressions", {}).get("r", {})
    if value.get("status") != "ok":
        print(f"{path}: the kernel's migration report could not be read ({value.get('ename', 'no reply')})",
              file=sys.stderr)
        return
    data = json.loads(ast.literal_eval(value["data"]["text/plain"]))
    by_count = {result.nb.cells[i].execution_count: i + 1 for i in result.ran
                if result.nb.cells[i].execution_count is not None}
    for row in data["used"]:
        places = []
        for p in row["places"]:
            cell = by_count.get(p["execution_count"])
            places.append(f"{path}:cell {cell}:{p['line']}" if cell else f"{p['file']}:{p['line']}")
        result.report.append((row["name"], row["count"], row["replacement"], places))
    result.settings = data["settings"]
