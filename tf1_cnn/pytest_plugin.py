"""``pytest -p tf1_cnn.pytest_plugin --tf1-check NOTEBOOK.ipynb ...``: the numeric checker as pytest items.

nbval compares a rerun cell's text with the stored text exactly (``--nbval``) or not at
all (``--nbval-lax`` passes any output of a cell that did not raise). This plugin gives
``legacy NB --check``'s comparison instead: each notebook runs once on the ``tf1``
kernel through nbclient (``tf1_cnn/legacy/notebook.py``, every cell even after a failing
one), and each code cell that stored an output is one test item, passing when the text
matches after whitespace normalisation, object addresses masked, and every number is
within ``--tf1-atol`` / ``--tf1-rtol`` (default 1e-5, as ``--check``). A cell that raised
fails its item with the error. Also registered as the ``pytest11`` entry point
``tf1_cnn.pytest_plugin`` for an installed project (then ``-p`` is not needed, and is harmless).
"""
import pytest


def pytest_addoption(parser):
    group = parser.getgroup("tf1-cnn", "TF1 notebooks on the tf1 kernel (tf1_cnn)")
    group.addoption("--tf1-check", action="store_true",
                    help="collect .ipynb files: one item per stored code-cell output, compared as legacy --check")
    group.addoption("--tf1-atol", type=float, default=1e-5, help="absolute tolerance (default 1e-5)")
    group.addoption("--tf1-rtol", type=float, default=1e-5, help="relative tolerance (default 1e-5)")
    group.addoption("--tf1-seed-rule", default=None, help="the kernel's seed rule (tf1 or tf2; default tf1)")
    group.addoption("--tf1-version", default=None, help="the kernel's TF 1.x version (1.3 or 1.15; default 1.3)")
    group.addoption("--tf1-timeout", type=float, default=None, help="seconds per cell (default: no limit)")


def pytest_collect_file(file_path, parent):
    if parent.config.getoption("tf1_check") and file_path.suffix == ".ipynb":
        return NotebookFile.from_parent(parent, path=file_path)
    return None


class NotebookFile(pytest.File):
    """One notebook: executed once, on the first of its items."""

    def collect(self):
        from .errors import UserError
        from .legacy import notebook

        try:
            self.nb = notebook.read_notebook(self.path)
        except UserError as exc:
            raise self.CollectError(str(exc)) from None
        self.result = None
        from .legacy.check import stored_text

        for index, cell in enumerate(self.nb.cells):
            if cell.cell_type == "code" and stored_text(cell) is not None:
                yield CellItem.from_parent(self, name=f"cell {index + 1}", index=index)

    def run_once(self):
        if self.result is None:
            from .compat.settings import DEFAULTS
            from .legacy import notebook

            opt = self.config.getoption
            self.result = notebook.execute(
                self.path, self.nb, seed_rule=opt("tf1_seed_rule") or DEFAULTS["seed_rule"],
                tf1_version=opt("tf1_version") or DEFAULTS["tf1_version"], timeout=opt("tf1_timeout"),
                keep_going=True)
        return self.result


class CellFailure(Exception):
    pass


class CellItem(pytest.Item):
    def __init__(self, *, index, **kwargs):
        super().__init__(**kwargs)
        self.index = index

    def runtest(self):
        from .legacy import check

        result = self.parent.run_once()
        new = result.nb.cells[self.index] if self.index in result.ran else None
        opt = self.config.getoption
        cmp = check.compare_cell(new, self.parent.nb.cells[self.index], opt("tf1_atol"), opt("tf1_rtol"),
                                 result.failed.get(self.index))
        if cmp.status != "match":
            raise CellFailure(f"{cmp.status}" + (f": {cmp.detail}" if cmp.detail else ""))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CellFailure):
            source = next((line for line in self.parent.nb.cells[self.index].source.splitlines() if line.strip()), "")
            return f"{self.path.name} {self.name} ({source[:60]}): {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.path.name}::{self.name}"
