"""Run one side of ``compare``: the probe (``probe.py``) in its own process and its own copy of the folder.

Each side gets a fresh copy of the script's (or notebook's) folder in a temporary folder
and runs there, as ``cd FOLDER && python SCRIPT ARGS`` would: what one side writes
(checkpoints, logs, summaries) is never seen by the other, and nothing is written into the
user's folder. Absolute paths the code writes (``/tmp/model``) are shared: the sides run one
after the other, TF 1.x first, so the runtime's side can find what TF 1.x's left there.

The TF 1.x side runs the oracle's interpreter on ``probe.py`` with a clean environment
(no PYTHONPATH: nothing of Python 3.11 leaks in); the runtime's side runs this interpreter
with the project on PYTHONPATH and ``TF1_CNN_PROBE_RUNTIME`` set. Both get
``PYTHONHASHSEED=0`` (the same set and dict order of strings), ``MPLBACKEND=Agg``,
``TF_CPP_MIN_LOG_LEVEL=3``, their own ``TMPDIR``. A side still running after ``timeout``
seconds is ended (its process group: SIGTERM, then SIGKILL), and what it recorded so far
is compared.
"""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..errors import UserError
from . import envs

PROBE = Path(__file__).with_name("probe.py")
PROJECT = Path(__file__).resolve().parent.parent.parent
COMMON_ENV = {"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "3",
              "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}
DROPPED_FOR_ORACLE = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")


class Side:
    """What one side did: exit status, wall time, output, records (filled by ``run_side``)."""

    def __init__(self, label, python):
        self.label, self.python = label, str(python)
        self.status = None
        self.wall = None
        self.timed_out = False
        self.stdout = ""
        self.stderr = ""
        self.records_path = None
        self.exact_folder = None  # compare --exact: the probe's digests and dump (exact_probe.py)


MAX_FILES = 20000  # a script's folder, not a home directory: each side gets a copy
MAX_BYTES = 4 << 30
SKIPPED = ("__pycache__", ".ipynb_checkpoints", ".git")


def check_folder(folder, workroot):
    """UserError when ``folder`` is too large to copy for each side, or holds ``workroot``'s parent chain badly."""
    files = size = 0
    work = os.path.realpath(workroot)
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in SKIPPED and os.path.realpath(os.path.join(top, d)) != work]
        files += len(names)
        size += sum(_size(os.path.join(top, n)) for n in names)
        if files > MAX_FILES or size > MAX_BYTES:
            raise UserError(f"{folder}: more than {MAX_FILES} files or {MAX_BYTES >> 30} GB; compare runs each "
                            f"side in a copy of the code's folder: put the script and its data in a folder of their own")


def _size(path):
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0


def copy_folder(folder, dest, workroot):
    """A copy of ``folder`` at ``dest`` (symlinks kept as links; caches and ``workroot`` itself left out)."""
    work = os.path.realpath(workroot)

    def ignore(top, names):
        return [n for n in names if n in SKIPPED or os.path.realpath(os.path.join(top, n)) == work]

    shutil.copytree(folder, dest, symlinks=True, ignore=ignore)
    return dest


def side_env(runtime_version, records, tmp, numpy_print=None):
    env = envs.oracle_environ()  # without what importing TensorFlow 2 set in this process (TF2_BEHAVIOR)
    env["TF1_CNN_PROBE_NUMPY_PRINT"] = numpy_print or ""
    if runtime_version:
        env["PYTHONPATH"] = os.pathsep.join([str(PROJECT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        env["TF1_CNN_PROBE_RUNTIME"] = runtime_version
    else:
        for key in DROPPED_FOR_ORACLE:
            env.pop(key, None)
        env["PYTHONNOUSERSITE"] = "1"
        env.pop("TF1_CNN_PROBE_RUNTIME", None)
    env.update(COMMON_ENV)
    env["TF1_CNN_PROBE_RECORDS"] = str(records)
    env["TMPDIR"] = str(tmp)
    return env


def run_side(side, source, args, workroot, runtime_version=None, timeout=None, max_runs=0, numpy_print=None,
             exact=None):
    """Run ``source`` (a script or notebook) on ``side`` in a copy of its folder under ``workroot``.

    ``exact``: None, or compare --exact's pass: 0 for every run's digests, k to dump run k's tensors.
    """
    source = Path(source).resolve()
    base = Path(workroot).resolve() / side.label
    work = copy_folder(source.parent, base / source.parent.name, workroot)
    tmp = base / "tmp"
    tmp.mkdir()
    side.records_path = base / "records.jsonl"
    env = side_env(runtime_version, side.records_path, tmp, numpy_print)
    if max_runs:
        env["TF1_CNN_PROBE_MAX_RUNS"] = str(max_runs)
    if exact is not None:
        from .exact import ENV_DUMP_RUN, ENV_FOLDER

        side.exact_folder = base / "exact"
        side.exact_folder.mkdir()
        env[ENV_FOLDER] = str(side.exact_folder)
        if exact:
            env[ENV_DUMP_RUN] = str(exact)
    out_path, err_path = base / "stdout.txt", base / "stderr.txt"
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen([side.python, str(PROBE), source.name, *args], cwd=work, env=env,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
        try:
            side.status = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            side.timed_out = True
            _end(proc)
            side.status = proc.returncode
        except BaseException:  # Ctrl-C: end the side's process group too, then stop
            _end(proc)
            raise
    side.wall = time.monotonic() - start
    side.stdout = out_path.read_text(errors="replace")
    side.stderr = err_path.read_text(errors="replace")
    return side


def _end(proc):
    """SIGTERM to the process group this module started, SIGKILL after 10 s."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def this_python():
    return sys.executable
