"""Run a TF1-era Jupyter notebook's code cells in order, as Jupyter would, without Jupyter.

The notebook is read with nbformat (formats 3 and 4; 3 is converted to 4). Its
code cells run in one namespace (``__name__ == "__main__"``), in the notebook's
folder, with that folder first on ``sys.path`` (``from cnn_utils import *``).
IPython syntax goes through IPython's own input transformer, so ``%magic`` lines
become ``get_ipython().run_line_magic(...)`` calls and ``!cmd`` lines
``get_ipython().system(...)`` calls, answered by ``_Shell`` below:
``%matplotlib`` and other display magics do nothing (figures are saved as
files), ``%%time``-style cell magics run their body, anything else is skipped
with a note on that cell. A cell whose last statement is an expression has an
``execute_result`` (its repr), as in Jupyter. ``plt.show()`` and any figure left
open at the end of a cell are saved as PNG files beside the output
(``<stem>_files/cell<N>_<k>.png``) and recorded as image outputs.

Each code cell's source is compiled under the file name ``<notebook>:cell <N>``,
so tracebacks and the migration report name the cell and line.
"""
import ast
import base64
import contextlib
import io
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError


@dataclass
class CellRun:
    """What one code cell did: its number (1-based among all cells), source, outputs and notes."""
    index: int
    source: str
    stdout: str = ""
    result: str = None          # text/plain of the execute_result, if any
    images: list = field(default_factory=list)  # PNG files written for this cell
    error: str = None           # the formatted traceback, if the cell raised
    notes: list = field(default_factory=list)   # skipped magics / shell lines
    ran: bool = False

    @property
    def text(self):
        """The text a reader sees: stdout, then the execute_result's text/plain."""
        return self.stdout + (self.result + "\n" if self.result is not None else "")


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


class _Shell:
    """The part of IPython's shell that transformed cell code calls: ``get_ipython()``."""

    DISPLAY_MAGICS = {"matplotlib", "pylab", "config", "load_ext", "autoreload", "reload_ext", "aimport"}

    def __init__(self, runner):
        self.runner = runner

    def run_line_magic(self, name, line):
        if name not in self.DISPLAY_MAGICS:
            self.runner.note(f"%{name} {line}".strip() + ": line magic skipped")
        return None

    def run_cell_magic(self, name, line, body):
        if name in ("time", "timeit", "capture"):
            self.runner.exec_source(body)
        else:
            self.runner.note(f"%%{name}: cell magic skipped (its body did not run)")

    def system(self, cmd):
        self.runner.note(f"!{cmd}: shell line skipped")

    getoutput = system

    def __getattr__(self, name):  # anything else an old notebook pokes at: harmless no-op
        return lambda *a, **k: None


class NotebookRunner:
    """Runs the code cells of one notebook (see the module docstring)."""

    def __init__(self, path, figures_dir, echo=True):
        self.path = Path(path)
        self.figures_dir = Path(figures_dir)
        self.echo = echo
        self.namespace = {"__name__": "__main__", "__file__": str(self.path), "__builtins__": __builtins__}
        self.namespace["get_ipython"] = lambda shell=_Shell(self): shell
        self.namespace["display"] = self._display
        self.current = None

    def note(self, text):
        self.current.notes.append(text)

    def _display(self, *objs, **kwargs):
        for obj in objs:
            print(repr(obj))

    def exec_source(self, source):
        """Run ``source`` in the namespace; returns repr of its last expression's value (or None)."""
        tree = ast.parse(source, filename=self._filename())
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, self._filename(), "exec"), self.namespace)
        if last is None:
            return None
        value = eval(compile(ast.Expression(last.value), self._filename(), "eval"), self.namespace)
        return None if value is None else repr(value)

    def _filename(self):
        return f"{self.path}:cell {self.current.index}"

    def _save_figures(self):
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is None:
            return
        for num in plt.get_fignums():
            self.figures_dir.mkdir(parents=True, exist_ok=True)
            target = self.figures_dir / f"cell{self.current.index}_{len(self.current.images) + 1}.png"
            plt.figure(num).savefig(target)
            self.current.images.append(target)
        plt.close("all")

    def _patch_show(self):
        os.environ.setdefault("MPLBACKEND", "Agg")  # no window: figures become files
        with contextlib.suppress(ImportError):
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt

            plt.show = lambda *a, **k: self._save_figures()

    def run_cell(self, index, source):
        """Run one code cell; returns its CellRun (the cell's exception is recorded, not raised)."""
        from IPython.core.inputtransformer2 import TransformerManager

        self.current = cell = CellRun(index, source)
        out = _Tee(sys.stdout if self.echo else None)
        try:
            code = TransformerManager().transform_cell(source)
            with contextlib.redirect_stdout(out):
                cell.result = self.exec_source(code)
                self._save_figures()
            cell.ran = True
        except SystemExit as exc:
            cell.error = f"SystemExit: {exc.code}"
        except UserError as exc:  # the project's own one-line message (a missing data file, ...)
            cell.error = f"cell {index}: error: {exc}\n"
        except BaseException as exc:  # the notebook's own error: its traceback, from the cell down
            if isinstance(exc, KeyboardInterrupt):
                raise
            cell.error = _cell_traceback(exc)
        cell.stdout = out.getvalue()
        return cell

    def run(self, nb, keep_going=False, on_cell=None):
        """Run every code cell in order; stops after a failing cell unless ``keep_going``."""
        self._patch_show()
        runs = []
        cwd = os.getcwd()
        folder = str(self.path.resolve().parent)
        sys.path.insert(0, folder)
        os.chdir(folder)
        try:
            for i, cell in enumerate(nb.cells, start=1):
                if cell.cell_type != "code":
                    continue
                run = self.run_cell(i, cell.source)
                runs.append(run)
                if on_cell:
                    on_cell(run)
                if run.error and not keep_going:
                    break
        finally:
            os.chdir(cwd)
            with contextlib.suppress(ValueError):
                sys.path.remove(folder)
        return runs


class _Tee(io.StringIO):
    def __init__(self, echo):
        super().__init__()
        self.echo = echo

    def write(self, s):
        if self.echo is not None:
            self.echo.write(s)
        return super().write(s)


def _cell_traceback(exc):
    """The traceback from the first frame in a notebook cell on (the runner's frames left out)."""
    tb = exc.__traceback__
    while tb is not None and ":cell " not in tb.tb_frame.f_code.co_filename:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))


def executed_notebook(nb, runs):
    """A copy of ``nb`` whose code cells carry the new outputs (stream, execute_result, images, error)."""
    import copy

    import nbformat

    new = copy.deepcopy(nb)
    by_index = {r.index: r for r in runs}
    count = 0
    for i, cell in enumerate(new.cells, start=1):
        if cell.cell_type != "code":
            continue
        run = by_index.get(i)
        cell.outputs = []
        cell.execution_count = None
        if run is None:
            continue
        count += 1
        cell.execution_count = count
        if run.stdout:
            cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=run.stdout))
        for image in run.images:
            data = {"image/png": base64.b64encode(Path(image).read_bytes()).decode("ascii"), "text/plain": "<Figure>"}
            cell.outputs.append(nbformat.v4.new_output("display_data", data=data))
        if run.result is not None:
            cell.outputs.append(nbformat.v4.new_output("execute_result", data={"text/plain": run.result},
                                                       execution_count=count))
        if run.error:
            lines = run.error.rstrip("\n").splitlines()
            name, _, value = lines[-1].partition(": ")
            cell.outputs.append(nbformat.v4.new_output("error", ename=name, evalue=value, traceback=lines))
    return new
