"""SIGTERM ends a ``legacy`` run at once, also while the main thread is blocked in C++ (errors.default_sigterm)."""
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.helpers import ROOT

PS = """
import sys
import tensorflow as tf
cluster = tf.train.ClusterSpec({"ps": ["localhost:%d"], "worker": ["localhost:%d"]})
server = tf.train.Server(cluster, job_name="ps", task_index=0)
print("ps ready", flush=True)
server.join()
"""

# a Session.run blocked in C++: dequeue from an empty queue
BLOCKED_RUN = """
import tensorflow as tf
queue = tf.FIFOQueue(1, tf.float32)
with tf.Session() as sess:
    print("run ready", flush=True)
    sess.run(queue.dequeue())
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


def _legacy(script_path, *args):
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONPATH=path)
    return subprocess.Popen([sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", str(script_path), *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_ready(proc, marker):
    line = proc.stdout.readline()
    assert marker in line, (line, proc.stderr.read() if proc.poll() is not None else "")


@pytest.mark.parametrize("case", ["ps", "run"])
def test_sigterm_ends_code_blocked_in_cpp(tmp_path, case):
    """A real ps on localhost in server.join(), or a Session.run waiting on an empty queue."""
    script = tmp_path / f"{case}.py"
    script.write_text(PS % (_free_port(), _free_port()) if case == "ps" else BLOCKED_RUN)
    proc = _legacy(script)
    try:
        _wait_ready(proc, f"{case} ready")
        time.sleep(1.0)  # inside server.join() / Session.run (C++)
        start = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        status = proc.wait(timeout=10)
        assert time.monotonic() - start < 5
        assert status == -signal.SIGTERM  # the default action, as `python ps.py` ends
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_project_commands_keep_their_own_handler():
    """run_cli's handler is still what the project's own commands get (their temporary files are removed)."""
    from tf1_cnn import errors

    previous = signal.getsignal(signal.SIGTERM)
    try:
        errors.run_cli(lambda argv: None)
        assert callable(signal.getsignal(signal.SIGTERM))
        errors.default_sigterm()
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)
