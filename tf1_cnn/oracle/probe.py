"""The graph probe of ``compare``: run a script or notebook and record its graph at every session run.

This file runs on both sides of ``compare``, unchanged: under real TF 1.x (Python 3.6 / 3.7,
the oracle environments of ``envs.py``) and under TensorFlow 2.21 on the TF1 runtime. So it is
Python 3.6 code on the TF 1.x API, and it imports nothing of this project on the TF 1.x side.

    python probe.py SCRIPT [ARGS...]        # run SCRIPT as __main__ (as `python SCRIPT`)
    python probe.py NOTEBOOK.ipynb          # run its code cells in order, in one namespace

Settings come from the environment (``compare`` sets them):
- ``TF1_CNN_PROBE_RECORDS``: the JSON-lines file the records go to (required);
- ``TF1_CNN_PROBE_RUNTIME``: a TF 1.x version ("1.3", "1.15", ...): run on this project's
  runtime, ``tf1_cnn.compat.install(tf1_version=...)`` first; empty: on the TensorFlow at hand;
- ``TF1_CNN_PROBE_MAX_RUNS``: stop (exit status 0, ``"stopped": true``) before the session
  run after this many; 0 or unset: no limit;
- ``TF1_CNN_PROBE_EXACT`` / ``TF1_CNN_PROBE_DUMP_RUN``: ``compare --exact``'s digests of every
  run and its dump of one run's tensors (``exact_probe.py``).

What is recorded: each time a session runs (``BaseSession.run``, which ``Tensor.eval``,
``MonitoredSession`` / ``MonitoredTrainingSession`` and standalone Keras 2 go through, and
the callables of ``make_callable`` / ``_make_callable_from_options``, which tf.keras's
backend uses) and its graph has operations it did not have at the last record, one line:
``{"record": k, "run": n, "cell": c, "graph": g, "graph_seed": s, "start": i, "ops": [...]}``,
each new op as ``[name, type, "file:line", seed, seed2]`` in creation order. ``file:line`` is
the innermost frame of the op's creation traceback in the user's code (a file under the
working directory, relative to it, or ``<cell N>``), ``null`` when none; ``seed``/``seed2`` the
op's attributes where it has them (random ops, shuffles), else ``null``. At the end one
``{"end": ...}`` line: exit status, the error (last traceback line) if the code raised, the
number of session runs, whether --max-runs stopped it.

A notebook (nbformat 3 or 4, read as JSON: the oracle has no nbformat) runs its code cells
in order, numbered as in the file (every cell counts, as ``legacy`` numbers them); before
each cell a line ``<<tf1-cnn cell N>>`` goes to stdout so the outputs can be split per cell.
``%`` and ``!`` lines are dropped (``%matplotlib`` included; MPLBACKEND is Agg), a ``%%time``
/ ``%%capture`` cell runs its body, other ``%%`` cells are skipped; the value of a cell's last
expression is printed (its repr), as a notebook shows it. The first failing cell ends the run.
"""
import ast
import builtins
import json
import linecache
import os
import runpy
import sys
import threading
import traceback

CELL_MARKER = "<<tf1-cnn cell {}>>"
RUNNING_CELL_MAGICS = ("%%time", "%%capture")
_CELL_CODE = []


class Stopped(BaseException):
    """Raised at the session run after TF1_CNN_PROBE_MAX_RUNS (a BaseException: scripts catch Exception)."""


class Recorder(object):
    def __init__(self, path, root, max_runs=0):
        self.out = open(path, "a")
        self.root = os.path.realpath(root) + os.sep
        self.max_runs = max_runs
        self.graphs = []  # graphs seen, kept alive so that id() stays theirs
        self.seen = {}  # id(graph) -> number of ops recorded
        self.records = 0
        self.runs = 0
        self.cell = None
        self.depth = threading.local()
        self.lock = threading.RLock()
        self._places = {}  # filename -> relative name or None (not user code)

    def _place(self, filename):
        if filename not in self._places:
            if filename.startswith("<cell "):
                self._places[filename] = filename
            else:
                real = os.path.realpath(filename)
                self._places[filename] = real[len(self.root):] if real.startswith(self.root) else None
        return self._places[filename]

    def source(self, op):
        """``file:line`` of the innermost user frame that created ``op`` (None: none)."""
        try:
            frames = op.traceback
        except Exception:
            return None
        for frame in reversed(list(frames)):
            # TF 1.x: (file, line, func, code) tuples; TF 2.21: StackFrame objects (.filename, .lineno)
            filename = getattr(frame, "filename", None) or frame[0]
            lineno = getattr(frame, "lineno", None) or frame[1]
            place = self._place(filename)
            if place is not None:
                return "{}:{}".format(place, lineno)
        return None

    @staticmethod
    def seeds(op):
        try:
            return op.get_attr("seed"), op.get_attr("seed2")
        except Exception:  # ValueError on TF 1.x and 2.21: the op has no such attribute
            return None, None

    def record(self, graph):
        ops = graph.get_operations()
        key = id(graph)
        if key not in self.seen:
            self.graphs.append(graph)
            self.seen[key] = 0
        start = self.seen[key]
        if len(ops) <= start:
            return
        new = []
        for op in ops[start:]:
            seed, seed2 = self.seeds(op)
            new.append([op.name, op.type, self.source(op), seed, seed2])
        self.seen[key] = len(ops)
        self.records += 1
        line = {"record": self.records, "run": self.runs, "cell": self.cell,
                "graph": self.graphs.index(graph) + 1, "graph_seed": graph.seed, "start": start, "ops": new}
        self.out.write(json.dumps(line) + "\n")
        self.out.flush()

    def before_run(self, graph):
        """Called before every session run: count it (outermost, main thread only), stop or record.
        True when this run was counted (``self.runs`` is its number).

        Queue runners run the session in threads of their own: their runs are recorded (under a
        lock) but neither counted nor stopped, or --max-runs would end a feeding thread and leave
        the main thread waiting on its queue.
        """
        main = threading.current_thread() is threading.main_thread()
        counted = False
        with self.lock:
            if main and getattr(self.depth, "n", 0) == 0:
                if self.max_runs and self.runs >= self.max_runs:
                    raise Stopped()
                self.runs += 1
                counted = True
            self.record(graph)
        return counted

    def end(self, status, error=None, stopped=False):
        self.lock.acquire()  # held to the end: a queue runner's record after this line would be lost anyway
        self.out.write(json.dumps({"end": status, "error": error, "runs": self.runs, "records": self.records,
                                   "stopped": stopped, "cell": self.cell}) + "\n")
        self.out.flush()


def patch_sessions(recorder, exact=None):
    """Wrap BaseSession.run and the callable makers of real TF 1.x or TF 2.21 (same module path).

    ``exact`` (``exact_probe.Exact``, compare --exact): each counted run's digests after it, and the
    dump instead of the run it names.
    """
    from tensorflow.python.client import session as session_module

    base = session_module.BaseSession

    def nested(call):
        def inner(*args, **kwargs):
            recorder.depth.n = getattr(recorder.depth, "n", 0) + 1
            try:
                return call(*args, **kwargs)
            finally:
                recorder.depth.n -= 1
        return inner

    original_run = base.run

    def run(self, *args, **kwargs):
        counted = recorder.before_run(self.graph)
        if exact is None or not counted:
            return nested(original_run)(self, *args, **kwargs)
        if recorder.runs == exact.dump_run:
            fetches = args[0] if args else kwargs.get("fetches")
            feed_dict = args[1] if len(args) > 1 else kwargs.get("feed_dict")
            nested(exact.dump)(self, fetches, feed_dict, original_run)
            raise Stopped()
        result = nested(original_run)(self, *args, **kwargs)
        nested(exact.after_run)(recorder.runs, self, result, original_run)
        return result

    base.run = run
    for maker_name in ("make_callable", "_make_callable_from_options"):
        maker = getattr(base, maker_name, None)
        if maker is None:  # TF 1.3 / 1.4 have no _make_callable_from_options
            continue

        def make_maker(maker):
            def make(self, *args, **kwargs):
                made = nested(maker)(self, *args, **kwargs)
                graph = self.graph

                def call(*cargs, **ckwargs):
                    counted = recorder.before_run(graph)
                    result = nested(made)(*cargs, **ckwargs)
                    if exact is not None and counted:  # a callable's run is digested, never dumped
                        nested(exact.after_run)(recorder.runs, self, result, original_run)
                    return result
                return call
            return make

        setattr(base, maker_name, make_maker(maker))


def _last_line(exc):
    lines = traceback.format_exception_only(type(exc), exc)
    return lines[-1].strip() if lines else type(exc).__name__


def run_script(path, args):
    """Run ``path`` as __main__; returns (status, error)."""
    sys.argv = [path] + list(args)
    sys.path[0] = os.path.dirname(os.path.abspath(path))  # as `python SCRIPT`: its folder first
    try:
        runpy.run_path(path, run_name="__main__")
        return 0, None
    except SystemExit as exc:
        code = exc.code
        if code is None or isinstance(code, int):
            return code or 0, None
        print(code, file=sys.stderr)
        return 1, None
    except Stopped:
        raise
    except Exception as exc:  # the code's own error: its traceback, as python SCRIPT would show
        traceback.print_exc()
        return 1, _last_line(exc)


def read_cells(path):
    """[(number, source)] of the notebook's code cells (nbformat 3 or 4), numbered among all cells."""
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    cells = nb.get("cells")
    if cells is None:  # nbformat 3: worksheets of cells, code in "input"
        cells = [c for ws in nb.get("worksheets", []) for c in ws.get("cells", [])]
    out = []
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", cell.get("input", ""))
        out.append((number, "".join(source) if isinstance(source, list) else source))
    return out


def cell_code(source):
    """The Python of a cell: IPython's ``%`` / ``!`` lines dropped; None for a cell magic we do not run."""
    lines = source.splitlines()
    first = next((l.strip() for l in lines if l.strip()), "")
    if first.startswith("%%"):
        if first.split()[0] not in RUNNING_CELL_MAGICS:
            return None
        lines = lines[[l.strip() for l in lines].index(first) + 1:]
    kept = []
    for line in lines:
        stripped = line.strip()
        # `%magic`, `!shell`, `x = !ls`: blank lines keep the line numbers of the cell
        kept.append("" if stripped.startswith(("%", "!")) or "= !" in stripped else line)
    return "\n".join(kept) + "\n"


def run_cell(number, code, namespace):
    """Exec one cell; the value of its last expression is printed, as a notebook shows it."""
    filename = "<cell {}>".format(number)
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)  # tracebacks show the code
    tree = ast.parse(code, filename)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    body = compile(tree, filename, "exec")
    # kept alive: TF 2.21's op tracebacks point at the code objects that made the ops, without
    # owning them; freed with the cell, an op's traceback from an earlier cell would read garbage
    _CELL_CODE.append(body)
    exec(body, namespace)
    if last is not None:
        expression = compile(last, filename, "eval")
        _CELL_CODE.append(expression)
        value = eval(expression, namespace)
        if value is not None:
            print(repr(value))


def run_notebook(path, recorder):
    """Run the code cells in order; returns (status, error) at the first failing cell."""
    sys.argv = [path]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    for number, source in read_cells(path):
        recorder.cell = number
        sys.stdout.flush()
        print(CELL_MARKER.format(number))
        sys.stdout.flush()
        code = cell_code(source)
        if code is None:
            print("cell {}: cell magic {} skipped".format(number, source.split()[0]), file=sys.stderr)
            continue
        try:
            run_cell(number, code, namespace)
        except SystemExit as exc:
            if exc.code:
                return exc.code if isinstance(exc.code, int) else 1, None
        except Stopped:
            raise
        except Exception as exc:
            traceback.print_exc()
            return 1, "cell {}: {}".format(number, _last_line(exc))
    return 0, None


def _load(name, *parts):
    """A module of this project loaded by its path (the oracle's Python has no tf1_cnn)."""
    import importlib.util

    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), *parts)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _numpy_printing(era):
    _load("tf1_cnn_numpy_printing", "compat", "printing", "numpy.py").apply(era)


def main(argv):
    if not argv:
        print("usage: probe.py SCRIPT|NOTEBOOK [ARGS...]", file=sys.stderr)
        return 2
    records = os.environ.get("TF1_CNN_PROBE_RECORDS")
    if not records:
        print("probe.py: set TF1_CNN_PROBE_RECORDS to the records file", file=sys.stderr)
        return 2
    runtime = os.environ.get("TF1_CNN_PROBE_RUNTIME")
    numpy_print = os.environ.get("TF1_CNN_PROBE_NUMPY_PRINT") or None
    if runtime:  # this project's TF1 runtime, as `legacy --tf1-version` runs it
        os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
        from tf1_cnn import console
        from tf1_cnn.compat import floats, install

        if floats.requested():  # TF1_CNN_TF1_FLOATS=1: the runtime side in the TF 1.x float mode
            floats.prepare()
        console.import_tensorflow()
        install(tf1_version=runtime, numpy_print=numpy_print)
        if floats.requested():
            floats.enable()
    elif numpy_print in ("1.13", "1.16"):  # the oracle's NumPy (1.16 / 1.18) prints as the runtime side does
        _numpy_printing(numpy_print)
    recorder = Recorder(records, os.getcwd(), int(os.environ.get("TF1_CNN_PROBE_MAX_RUNS") or 0))
    exact = _load("tf1_cnn_exact_probe", "oracle", "exact_probe.py").from_environ()
    if exact is not None and exact.dump_run and not recorder.max_runs:
        recorder.max_runs = exact.dump_run  # nothing after the dumped run
    patch_sessions(recorder, exact)
    path, args = argv[0], argv[1:]
    try:
        if path.endswith(".ipynb"):
            status, error = run_notebook(path, recorder)
        else:
            status, error = run_script(path, args)
        stopped = False
    except Stopped:
        status, error, stopped = 0, None, True
    sys.stdout.flush()
    recorder.end(status, error, stopped)
    return status


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else 1)  # no interpreter teardown: TF 1.x's threads may hang it
