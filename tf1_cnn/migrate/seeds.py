"""Find the op seed TF 1.x gave each unseeded random op, and the user's call site that drew it.

TF 1.x (1.0-1.15, ``random_seed.get_seed``) gave a random op without a seed of its own,
under a graph seed, the graph's operation count as op seed; stock TensorFlow 2 uses a
per-graph counter instead, so the same unseeded code draws other numbers. Written
explicitly (``seed=N``) the op seed is the same under both rules: (graph seed, N).

``record()`` runs the source in a subprocess (``python -m tf1_cnn.migrate.seeds``) on the
TF1 runtime (``tf1_cnn.compat.install``, whose ``seed_rule.get_seed`` computes TF 1.x's
rule) with ``random_seed.get_seed`` wrapped: each call without an op seed records the seed
the rule gave (None without a graph seed: TF 1.x drew at random there) and where the user's code was (file, line, column of
the call expression being executed in the innermost frame of a migrated file). Drawing
happens while graphs are built; ``Session.run`` runs as usual until 20 runs in a row drew
nothing new (a training loop) or the time budget is spent, then recording stops.

A draw record: {"file", "line", "col", "op_seed", "graph_seed", "api" (the library function
the user's line called), "chain" (initializer classes / functions on the way), "execution"
(draws with the same number came from one execution of the call)}.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

QUIET_RUNS = 20        # Session.run calls in a row without a new draw: the graphs are built
DEFAULT_BUDGET = 120   # seconds of the source's own running before recording stops


class _StopRecording(BaseException):
    """Raised from Session.run to end the source's run (a BaseException: the user's ``except Exception`` lets it by)."""


def record(source, user_files, tf1_version, budget=DEFAULT_BUDGET, args=()):
    """Draws of ``source`` (a script or notebook) as dicts (see the module docstring), and a status dict."""
    import tempfile

    from .verify import in_copy, project_root

    with tempfile.TemporaryDirectory(prefix="tf1-migrate-") as tmp:
        out = os.path.join(tmp, "draws.json")
        # in a copy of the folder it runs in (verify.in_copy): what the source writes (checkpoints,
        # logs) must not land in the user's folder, nor be found by --verify's runs after it;
        # the original file (its draws are keyed by its path), the copy as its folder
        cwd = in_copy(source, tmp, "run")[1]
        cmd = [sys.executable, "-m", "tf1_cnn.migrate.seeds", str(Path(source).resolve()), "--out", out,
               "--tf1-version", tf1_version, "--budget", str(budget)]
        for f in user_files:
            cmd += ["--user-file", str(Path(f).resolve())]
        if args:
            cmd += ["--args", *args]
        env = dict(os.environ, MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="3", TF_USE_LEGACY_KERAS="1")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (project_root(), env.get("PYTHONPATH")) if p)
        try:
            proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True, timeout=budget + 300)
        except subprocess.TimeoutExpired:
            return [], {"status": "failed", "detail": f"the recording run did not stop within {budget + 300:.0f} s"}
        if not os.path.exists(out):
            tail = proc.stderr.strip().splitlines()[-1:] or ["(no output)"]
            return [], {"status": "failed", "detail": tail[0]}
        with open(out) as fh:
            data = json.load(fh)
        return data["draws"], data["status"]


def _user_frame(frame, user_files):
    """(innermost frame in a user file, the frame it called) from ``frame`` outwards, or (None, None)."""
    callee = None
    while frame is not None:
        name = frame.f_code.co_filename
        key = name.rsplit(":cell ", 1)[0] if ":cell " in name else name
        if os.path.realpath(key) in user_files:
            return frame, callee
        callee, frame = frame, frame.f_back
    return None, None


def _position(frame):
    """(line, col) of the expression ``frame`` executes (Python 3.11's co_positions; col 0-based)."""
    try:
        positions = list(frame.f_code.co_positions())
        line, _, col, _ = positions[frame.f_lasti // 2]
        if line is not None and col is not None:
            return line, col
    except (AttributeError, IndexError):
        pass
    return frame.f_lineno, None


def _chain(frame, stop):
    """Names of the functions (and initializer classes) between the user frame and get_seed, outermost first."""
    names = []
    while frame is not None and frame is not stop:
        self = frame.f_locals.get("self")
        cls = type(self).__name__ if self is not None else None
        names.append(f"{cls}.{frame.f_code.co_name}" if cls else frame.f_code.co_name)
        frame = frame.f_back
    return names[::-1]


def _slim_initializer(frame, stop):
    """tf_slim's variance_scaling closure (xavier is one) on the stack: its factor, mode, uniform; else None.

    The layer's default (xavier_initializer()) is 1.0, FAN_AVG, uniform; an arg_scope may give another.
    """
    while frame is not None and frame is not stop:
        if frame.f_code.co_name == "_initializer" and "tf_slim" in frame.f_code.co_filename:
            local = frame.f_locals
            return {k: local.get(k) for k in ("factor", "mode", "uniform")}
        frame = frame.f_back
    return None


class Recorder:
    def __init__(self, user_files, budget):
        self.user_files = {os.path.realpath(f) for f in user_files}
        self.draws = []
        self.budget = budget
        self.start = time.monotonic()
        self.quiet_runs = 0
        self.runs = 0
        self.stopped = None
        self._last_callee = None   # kept alive so that `is` tells one execution of a call from the next
        self._execution = 0

    def wrap_get_seed(self, inner):
        from tensorflow.python.eager import context
        from tensorflow.python.framework import ops

        from ..compat import settings

        def get_seed(op_seed):
            seeds = inner(op_seed)
            # draws without a graph seed too (op seed None): a call site in a loop may draw under
            # one graph with a seed and under another without, and its seed list keeps both in order
            if op_seed is None and not context.executing_eagerly() and settings.current("seed_rule") == "tf1":
                self._note(seeds if ops.get_default_graph().seed is not None else (None, None),
                           sys._getframe(1))
            return seeds

        return get_seed

    def _note(self, seeds, frame):
        user, callee = _user_frame(frame, self.user_files)
        if user is None:
            return
        if callee is None or callee is not self._last_callee:
            self._execution += 1
        self._last_callee = callee
        line, col = _position(user)
        name = user.f_code.co_filename
        self.draws.append({
            "file": name.rsplit(":cell ", 1)[0] if ":cell " in name else name,
            "cell": int(name.rsplit(":cell ", 1)[1]) if ":cell " in name else None,
            "line": line, "col": col, "graph_seed": seeds[0], "op_seed": seeds[1],
            "api": callee.f_code.co_name if callee is not None else None,
            "chain": _chain(frame, user)[:80], "execution": self._execution,
            "initializer": _slim_initializer(frame, user)})
        self.quiet_runs = 0

    def wrap_run(self, run):
        recorder = self

        def session_run(session, *args, **kwargs):
            recorder.runs += 1
            recorder.quiet_runs += 1
            elapsed = time.monotonic() - recorder.start
            if recorder.quiet_runs > QUIET_RUNS or elapsed > recorder.budget:
                recorder.stopped = (f"Session.run #{recorder.runs}: {QUIET_RUNS} runs in a row drew nothing new"
                                    if recorder.quiet_runs > QUIET_RUNS else
                                    f"Session.run #{recorder.runs}: the {recorder.budget:.0f} s budget was spent")
                raise _StopRecording()
            return run(session, *args, **kwargs)

        return session_run


def _run_cells(path):
    """Run a notebook's code cells in order in one namespace, each compiled as ``<path>:cell <N>`` (N
    among all cells, as the migration report counts them), so a draw's call site names its cell and
    line. Magic and shell lines become blank lines (the line numbers stay): only the graph matters
    here. Returns "cell N: <error>" for the first cell that raised, or None."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    namespace = {"__name__": "__main__"}
    # the cwd record() chose: a copy of the notebook's folder, where Jupyter would run it
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in cell.source.splitlines()]
        try:
            exec(compile("\n".join(lines), f"{path}:cell {index}", "exec"), namespace)
        except _StopRecording:
            raise
        except Exception as exc:
            return f"cell {index}: {type(exc).__name__}: {exc}"
    return None


def main(argv=None):
    import argparse

    p = argparse.ArgumentParser(prog="python -m tf1_cnn.migrate.seeds")
    p.add_argument("source")
    p.add_argument("--out", required=True)
    p.add_argument("--tf1-version", default="1.3")
    p.add_argument("--budget", type=float, default=DEFAULT_BUDGET)
    p.add_argument("--user-file", action="append", default=[])
    p.add_argument("--args", nargs=argparse.REMAINDER, default=[])
    a = p.parse_args(argv)
    from ..compat import install
    from tensorflow.python.client import session as session_lib
    from tensorflow.python.framework import random_seed

    import tensorflow as tf

    install(seed_rule="tf1", tf1_version=a.tf1_version)
    rec = Recorder(a.user_file or [a.source], a.budget)
    wrapped = rec.wrap_get_seed(random_seed.get_seed)  # the runtime's seed_rule.get_seed, after install
    random_seed.get_seed = wrapped
    for module in (tf.compat.v1, tf.compat.v1.random):
        module.get_seed = wrapped
    session_lib.BaseSession.run = rec.wrap_run(session_lib.BaseSession.run)
    # the budget also holds for code that trains without Session.run (Keras 2's fit runs callables)
    import signal

    def out_of_time(signum, frame):
        rec.stopped = f"the {a.budget:.0f} s budget was spent (after {rec.runs} Session.run calls)"
        raise _StopRecording()

    signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, a.budget + 5)
    status = {"status": "completed", "detail": ""}
    try:
        if a.source.endswith(".ipynb"):
            failed = _run_cells(a.source)
            if rec.stopped:
                status = {"status": "stopped", "detail": rec.stopped}
            elif failed:
                status = {"status": "failed", "detail": failed}
        else:
            import runpy

            sys.argv = [a.source, *a.args]
            sys.path.insert(0, os.path.dirname(os.path.abspath(a.source)))
            runpy.run_path(a.source, run_name="__main__")
    except _StopRecording:
        status = {"status": "stopped", "detail": rec.stopped}
    except SystemExit as exc:
        status = {"status": "completed" if not exc.code else "failed", "detail": f"SystemExit({exc.code})"}
    except Exception as exc:  # the source's own error: the draws before it are still good
        status = {"status": "failed", "detail": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
    status["runs"] = rec.runs  # Session.run calls before it stopped (0: it stopped before any)
    with open(a.out, "w") as fh:
        json.dump({"draws": rec.draws, "status": status}, fh)
    os._exit(0)  # the source's threads (queue runners) must not keep the recorder alive


if __name__ == "__main__":
    main()
