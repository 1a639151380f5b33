"""legacy --warm (tf1_cnn/legacy/warm.py): runs forked from a warm process behave as cold runs."""
import os
import signal
import subprocess
import sys
import time

import pytest

from .helpers import ROOT

SCRIPT = """
import os, sys
import numpy as np
import tensorflow as tf
print("pid", os.getpid(), "cwd", os.getcwd(), "argv", sys.argv[1:], "env", os.environ.get("WARM_TEST"))
print("numpy", np.random.rand())
tf.set_random_seed(1)
with tf.Session() as sess:
    print("draw", sess.run(tf.random_normal([3])))
data = sys.stdin.read()
print("stdin", repr(data))
sys.exit(int(sys.argv[1]))
"""


@pytest.fixture
def warm_env(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF1_CNN_WARM_DIR=str(tmp_path / "warm"), TF1_CNN_WARM_IDLE="120")
    yield env
    subprocess.run([sys.executable, "-m", "tf1_cnn", "legacy", "--warm-stop"], env=env, capture_output=True,
                   timeout=60)


def _legacy(script, env, cwd, *args, stdin=""):
    proc = subprocess.Popen([sys.executable, "-m", "tf1_cnn", "legacy", "--warm", "--no-report", str(script), *args],
                            env=env, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(stdin, timeout=300)
    fields = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    return proc, fields, err


def _wait_for_server(env, timeout=180):
    folder = env["TF1_CNN_WARM_DIR"]
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.isdir(folder) and any(n.endswith(".sock") for n in os.listdir(folder)):
            return
        time.sleep(0.5)
    pytest.fail("the warm server did not start")


def test_warm_run_is_a_cold_run_forked(tmp_path, warm_env):
    script = tmp_path / "script.py"
    script.write_text(SCRIPT)
    warm_env["WARM_TEST"] = "first"
    cold, first, _ = _legacy(script, warm_env, tmp_path, "0", stdin="abc")
    assert cold.returncode == 0, first
    assert first["pid"].split()[0] == str(cold.pid)  # no server yet: this run was cold, and started one
    _wait_for_server(warm_env)
    warm_env["WARM_TEST"] = "second"
    sub = tmp_path / "sub"
    sub.mkdir()
    warm, second, err = _legacy(script, warm_env, sub, "3", "x y", stdin="line\n")
    assert warm.returncode == 3, err  # the script's exit status
    assert second["pid"].split()[0] != str(warm.pid)  # ran in a forked child
    assert f"cwd {sub}" in f"pid {second['pid']}" and "argv ['3', 'x y']" in second["pid"]
    assert second["pid"].endswith("env second")  # the client's environment, not the server's
    assert second["draw"] == first["draw"]  # the same graph-seeded numbers as cold
    assert second["numpy"] != first["numpy"]  # numpy's global generator reseeded, not the server's state
    assert second["stdin"] == repr("line\n")

    # `-m MODULE` (a test suite's file per process) is served too: run as python -m runs it, in the child
    pkg = sub / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "helper.py").write_text("VALUE = 'relative import'\n")
    (pkg / "mod.py").write_text("import os, sys\nfrom .helper import VALUE\nimport tensorflow as tf\n"
                                "print('pid', os.getpid(), __name__, VALUE, sys.argv[1:], os.getcwd())\n"
                                "sys.exit(4)\n")
    proc = subprocess.Popen([sys.executable, "-m", "tf1_cnn", "legacy", "--warm", "--no-report", "-m", "pkg.mod", "a"],
                            env=warm_env, cwd=sub, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 4, err
    pid, rest = out.split(" ", 2)[1:]
    assert pid != str(proc.pid) and rest.strip() == f"__main__ relative import ['a'] {sub}"


def test_warm_child_traceback_and_signals(tmp_path, warm_env):
    boom = tmp_path / "boom.py"
    boom.write_text("import tensorflow as tf\nraise ValueError('from the script')\n")
    _legacy(boom, warm_env, tmp_path)  # cold; starts the server
    _wait_for_server(warm_env)
    proc, _, err = _legacy(boom, warm_env, tmp_path)
    assert proc.returncode == 1
    assert 'boom.py", line 2' in err and "ValueError: from the script" in err

    sleeper = tmp_path / "sleeper.py"
    sleeper.write_text("import time, tensorflow as tf\nprint('started', flush=True)\ntime.sleep(120)\n")
    proc = subprocess.Popen([sys.executable, "-m", "tf1_cnn", "legacy", "--warm", "--no-report", str(sleeper)],
                            env=warm_env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "started"
    t0 = time.time()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert time.time() - t0 < 10
    # the child ends as a cold run would (the runtime's handler: 143; the default action: -SIGTERM)
    assert proc.returncode in (143, -signal.SIGTERM)


def test_warm_stop_without_servers(tmp_path, warm_env):
    out = subprocess.run([sys.executable, "-m", "tf1_cnn", "legacy", "--warm-stop"], env=warm_env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "stopped 0 warm process(es)"
    assert "tensorflow" not in out.stderr
