"""``legacy --warm``: a warm process that forks one child per run, for repeated runs.

Importing TensorFlow 2.21 takes most of a ``legacy`` run's start-up (3-4 s here, against
TF 1.15's 1.5-2 s; see the README's performance table). A warm server imports TensorFlow,
installs the runtime and loads tf_keras / tf_slim once, then forks a child for each run:
the child takes the client's standard streams (passed over a Unix socket), working
directory, environment, ``sys.path`` and arguments, and runs exactly what a cold run runs
(``tf1_cnn.__main__.main``). The client waits for the child's exit status and exits with it.

- **When**: ``python -m tf1_cnn legacy --warm SCRIPT`` or ``legacy --warm -m MODULE`` (a test
  suite run one process per file: ``legacy -m pytest tests/test_x.py``), or ``TF1_CNN_WARM=1``. The first
  such run finds no server: it starts one in the background and runs cold itself; later
  runs with the same settings are warm. Notebooks run through Jupyter and are never warm.
- **Which server**: one per *key*: the interpreter, the project's source files (their
  modification times), and every environment variable read at TensorFlow's import
  (``TF_*``, ``ONEDNN_*``, ``OMP_*``, ``KMP_*``, ``MKL_*``, ``CUDA_*``, ``PYTHONPATH``,
  ``PYTHONHASHSEED``, ``TF1_CNN_VERBOSE``), so ``--portable`` or an edited checkout gets a
  server of its own. A server exits after ``TF1_CNN_WARM_IDLE`` seconds without a run
  (default 900); ``legacy --warm-stop`` stops them all.
- **What differs from a cold run**: nothing a script computes. The child reseeds NumPy's and
  Python's global generators from the OS (a fork would otherwise repeat the server's
  state), starts with TensorFlow's default graph empty, and its ``sys.stdin`` is a pipe the
  client feeds when the client's stdin is a terminal (a forked child is not in the
  terminal's foreground process group, so reading the terminal itself would stop it).
  Ctrl-C and SIGTERM/SIGHUP/SIGQUIT sent to the client are passed on to the child; a child
  killed by a signal makes the client die of the same signal.
- **Safety**: the socket lives in a folder only the user can enter (mode 700); a stale socket
  (a killed server) is removed and the run goes cold.
"""
import hashlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
from pathlib import Path

ENV_PREFIXES = ("TF_", "ONEDNN_", "OMP_", "KMP_", "MKL_", "CUDA_", "TF1_CNN_VERBOSE", "PYTHONPATH",
                "PYTHONHASHSEED")
PACKAGE = Path(__file__).resolve().parent.parent
IDLE_DEFAULT = 900
MAX_CHILDREN = 8  # more runs at once than this go cold: a bound on what one server can fork


_in_child = []  # set in a forked child: its own run is the warm one


def requested(args):
    if _in_child:
        return False
    return bool(getattr(args, "warm", False) or os.environ.get("TF1_CNN_WARM") == "1")


def _folder():
    folder = Path(os.environ.get("TF1_CNN_WARM_DIR") or Path.home() / ".cache" / "tf1-cnn" / "warm")
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def key(env):
    """What a server's state depends on (see the module docstring), as a short hash."""
    h = hashlib.sha256(sys.executable.encode())
    for name in sorted(env):
        if name.startswith(ENV_PREFIXES):
            h.update(f"{name}={env[name]}\0".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(f"{path}:{path.stat().st_mtime_ns}\0".encode())
    return h.hexdigest()[:16]


def socket_path(env):
    return _folder() / f"legacy-{key(env)}.sock"


# ---- the client ------------------------------------------------------------------------

def run(argv):
    """Run ``python -m tf1_cnn ARGV`` in a warm child; its exit status, or None (no server yet: one is started)."""
    env = dict(os.environ)
    path = socket_path(env)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(str(path))
    except OSError:
        conn.close()
        _start_server(path, env)
        return None
    with conn:
        stdin_fd, feeder = _stdin_for_child()
        request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": env, "path": sys.path}).encode()
        socket.send_fds(conn, [struct.pack("!I", len(request)) + request], [stdin_fd, 1, 2])
        if feeder:
            os.close(stdin_fd)
            feeder.start()
        reader = conn.makefile("r")
        first = reader.readline()
        if not first:  # the server went away before forking (it is being replaced): run cold
            return None
        pid = int(first)
        forwarded = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
        for sig in forwarded:
            signal.signal(sig, lambda signum, frame: _kill(pid, signum))
        status = int(reader.readline() or -signal.SIGKILL)
    if status < 0:  # killed by a signal: die of it too, as the shell expects
        signal.signal(-status, signal.SIG_DFL)
        os.kill(os.getpid(), -status)
    return status


def _kill(pid, signum):
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _stdin_for_child():
    """The client's stdin, or a pipe fed from it when it is a terminal (see the module docstring)."""
    try:
        is_tty = os.isatty(0)
    except OSError:
        is_tty = False
    if not is_tty:
        return 0, None
    read_end, write_end = os.pipe()

    def feed():
        try:
            while True:
                data = os.read(0, 65536)
                if not data:
                    break
                os.write(write_end, data)
        except OSError:
            pass
        finally:
            os.close(write_end)

    return read_end, threading.Thread(target=feed, daemon=True)


def _start_server(path, env):
    log = path.with_suffix(".log")
    with open(log, "ab") as out:
        subprocess.Popen([sys.executable, "-m", "tf1_cnn.legacy.warm", str(path)], env=env, stdin=subprocess.DEVNULL,
                         stdout=out, stderr=out, start_new_session=True, cwd=str(PACKAGE.parent))


def stop_all():
    """``legacy --warm-stop``: stop every warm server of this user; returns how many were asked."""
    n = 0
    for sock in _folder().glob("legacy-*.sock"):
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.connect(str(sock))
                request = b'{"stop": true}'
                conn.sendall(struct.pack("!I", len(request)) + request)
                n += 1
        except OSError:
            sock.unlink(missing_ok=True)
    return n


# ---- the server ------------------------------------------------------------------------

def serve(path, idle=None):
    """Import and install everything once, then fork a child per connection until idle."""
    idle = float(os.environ.get("TF1_CNN_WARM_IDLE", IDLE_DEFAULT) if idle is None else idle)
    from .. import console
    from ..compat import install, libraries

    console.import_tensorflow()
    install()
    libraries.legacy_layers(), libraries.slim()  # what most TF1 scripts reach first
    path = Path(path)
    path.unlink(missing_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    os.chmod(path, 0o600)
    listener.listen(16)
    listener.settimeout(idle)
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except socket.timeout:
                return
            request, fds = _receive(conn)
            if request.get("stop"):
                conn.close()
                return
            if len(_children) >= MAX_CHILDREN:
                for fd in fds:
                    os.close(fd)
                conn.close()  # the client reads no pid and runs cold
                continue
            pid = os.fork()
            if pid == 0:
                listener.close()
                _child(conn, request, fds)  # never returns
            for fd in fds:
                os.close(fd)
            conn.sendall(f"{pid}\n".encode())
            _children.add(pid)
            threading.Thread(target=_report_exit, args=(conn, pid), daemon=True).start()
    finally:
        listener.close()
        path.unlink(missing_ok=True)


def _receive(conn):
    head, fds, _, _ = socket.recv_fds(conn, 4, 3)
    (size,) = struct.unpack("!I", head)
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            break
        data += chunk
    return json.loads(data), list(fds)


_children = set()


def _report_exit(conn, pid):
    _, status = os.waitpid(pid, 0)
    _children.discard(pid)
    code = os.waitstatus_to_exitcode(status)
    try:
        conn.sendall(f"{code}\n".encode())
    except OSError:
        pass
    conn.close()


def _child(conn, request, fds):
    """In the forked child: become the client's run, then exit with its status."""
    import io
    import random

    status = 1
    try:
        conn.close()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), line_buffering=False)
        for name, fd in (("stdout", 1), ("stderr", 2)):
            line = os.isatty(fd) or name == "stderr"
            setattr(sys, name, io.TextIOWrapper(io.FileIO(fd, "w", closefd=False), line_buffering=line,
                                                write_through=name == "stderr"))
        sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        sys.path[:] = request["path"]
        _in_child.append(True)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        random.seed()
        import numpy as np

        np.random.seed()
        from ..__main__ import main

        status = main(request["argv"])
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status if isinstance(status, int) else 1)


if __name__ == "__main__":
    # through the package's module, not this __main__ copy: the child's run reads
    # tf1_cnn.legacy.warm._in_child, which must be the flag the child sets
    from tf1_cnn.legacy.warm import serve as _serve

    _serve(sys.argv[1])
