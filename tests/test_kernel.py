"""The tf1 Jupyter kernel (tf1_cnn/kernel/): kernelspec install / list / remove, the kernel, %load_ext."""
import json
import os
import sys

import nbformat
import pytest

from .helpers import ROOT, run_cli


def kernel(*args, **kw):
    return run_cli("-m", "tf1_cnn", "kernel", *args, **kw)


def test_help_and_the_extension_import_no_tensorflow():
    proc = run_cli("-c", "import sys, tf1_cnn; from tf1_cnn.__main__ import build_parser; build_parser(); "
                         "import tf1_cnn.kernel, tf1_cnn.kernel.spec, tf1_cnn.pytest_plugin; "
                         "tf1_cnn.load_ipython_extension; print('tensorflow' in sys.modules)")
    assert proc.returncode == 0 and proc.stdout.strip() == "False", proc.stderr
    proc = kernel("install", "--help")
    assert proc.returncode == 0 and "--sys-prefix" in proc.stdout and "--tf1-version" in proc.stdout


def test_install_list_remove_in_a_prefix(tmp_path):
    proc = kernel("install", "--prefix", str(tmp_path), "--name", "tf1x", "--tf1-version", "1.15",
                  "--seed-rule", "tf2")
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / "share" / "jupyter" / "kernels" / "tf1x"
    spec = json.loads((folder / "kernel.json").read_text())
    # ipykernel's own kernelspec (logos, language, protocol), launching our module with the settings
    assert spec["argv"][:3] == [sys.executable, "-m", "tf1_cnn.kernel"] and "{connection_file}" in spec["argv"]
    assert spec["argv"][-4:] == ["--seed-rule", "tf2", "--tf1-version", "1.15"]
    assert spec["display_name"].startswith("TensorFlow 1.x (tf1-cnn") and spec["language"] == "python"
    assert (folder / "logo-64x64.png").is_file()
    # run from a checkout: the kernel finds tf1_cnn through PYTHONPATH (the user's own kept after it)
    assert spec["env"]["PYTHONPATH"] == f"{ROOT}{os.pathsep}${{PYTHONPATH}}"
    assert f"JUPYTER_PATH={tmp_path / 'share' / 'jupyter'}" in proc.stdout
    listed = kernel("list", "--prefix", str(tmp_path))
    assert "tf1x" in listed.stdout and "seed rule tf2, TF 1.15" in listed.stdout
    removed = kernel("remove", "tf1x", "--prefix", str(tmp_path))
    assert removed.returncode == 0 and not folder.exists()
    assert "tf1x" not in kernel("list", "--prefix", str(tmp_path)).stdout


def test_bad_input_is_one_line(tmp_path):
    kernels = tmp_path / "share" / "jupyter" / "kernels"
    other = kernels / "py"
    other.mkdir(parents=True)
    (other / "kernel.json").write_text(json.dumps({"argv": ["python", "-m", "ipykernel_launcher", "-f", "{c}"],
                                                   "display_name": "Python 3", "language": "python"}))
    cases = [
        (("install", "--prefix", str(tmp_path), "--name", "py"), "holds another kernel (Python 3); pass --force"),
        (("install", "--prefix", str(tmp_path), "--name", "bad name!"), "a kernel name is letters"),
        (("install", "--prefix", str(other / "kernel.json")), "not a folder"),
        (("remove", "py", "--prefix", str(tmp_path)), "is not a tf1-cnn kernel"),
        (("remove", "nothing-here", "--prefix", str(tmp_path)), "no kernel named 'nothing-here'"),
    ]
    for args, message in cases:
        proc = kernel(*args)
        assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr, (args, proc.stderr)
    assert json.loads((other / "kernel.json").read_text())["display_name"] == "Python 3"  # left alone


def test_install_creates_a_missing_prefix_as_ipykernel_does(tmp_path):
    proc = kernel("install", "--prefix", str(tmp_path / "new" / "env"), "--numpy-print", "1.13")
    assert proc.returncode == 0, proc.stderr
    spec = json.loads((tmp_path / "new" / "env" / "share" / "jupyter" / "kernels" / "tf1" / "kernel.json").read_text())
    assert spec["argv"][-2:] == ["--numpy-print", "1.13"] and spec["metadata"]["tf1_cnn"]["numpy_print"] == "1.13"


def _run(cells, kernel_name, cwd):
    """Execute the cells through nbclient on ``kernel_name``; the executed cells."""
    import nbclient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nbclient.NotebookClient(nb, kernel_name=kernel_name, timeout=300, startup_timeout=600, allow_errors=True,
                            resources={"metadata": {"path": str(cwd)}}).execute()
    return nb.cells


def _text(cell, name="stdout"):
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream" and o["name"] == name)


def _result(cell):
    return next(o["data"]["text/plain"] for o in cell.outputs if o.get("output_type") == "execute_result")


@pytest.fixture()
def tf1_prefix(tmp_path, monkeypatch):
    """The tf1 kernel installed in a temporary prefix, found through JUPYTER_PATH."""
    (tmp_path / "prefix").mkdir()
    proc = kernel("install", "--prefix", str(tmp_path / "prefix"), "--tf1-version", "1.15")
    assert proc.returncode == 0, proc.stderr
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "prefix" / "share" / "jupyter"))
    monkeypatch.delenv("PYTHONPATH", raising=False)  # the kernelspec alone must make tf1_cnn importable
    return tmp_path


def test_the_tf1_kernel_runs_cells_on_the_runtime_in_the_notebook_folder(tf1_prefix, monkeypatch):
    # a user's level below 3: TensorFlow 2.21 would log its failed cuInit (no GPU here) at ERROR level
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "2")
    folder = tf1_prefix / "course"
    (folder / "logs").mkdir(parents=True)
    from .test_browser import _free_port

    port = _free_port()
    cells = _run([
        "import os, sys\nimport tensorflow as tf\nfrom tf1_cnn.compat import settings\n"
        "print(tf.executing_eagerly(), settings.current('seed_rule'), settings.current('tf1_version'))",
        "X = tf.placeholder(tf.float32, [None, 64, 64, 3], name='X')\nX",
        "os.getcwd()",
        "from cnn_utils import load_dataset\nload_dataset()",
        "%tf1_report",
        "%tensorflow_version 1.x",
        "%tensorflow_version 2.x",
        "import numpy as np\nsess = tf.Session()\nprint(sess.run(tf.constant([0.5, 1.0])), np.float64(1) / 3)",
        "%load_ext tensorboard",
        f"%tensorboard --logdir logs --host 127.0.0.1 --port {port}",
        # stop the TensorBoard this kernel started (by its process id, from TensorBoard's own records)
        f"from tensorboard import manager\nimport signal\nfor info in manager.get_all():\n"
        f"    if info.port == {port}:\n        os.kill(info.pid, signal.SIGTERM)\n        print('stopped', info.logdir)",
    ], "tf1", folder)
    assert _text(cells[0]) == "False tf1 1.15\n"  # graph mode from the first cell on; the spec's settings
    assert _result(cells[1]) == "<tf.Tensor 'X:0' shape=(?, 64, 64, 3) dtype=float32>"
    assert _result(cells[2]) == repr(str(folder))  # Jupyter's cwd: the notebook's folder
    error = next(o for o in cells[3].outputs if o["output_type"] == "error")
    # the project's bad-input error is one line in the notebook too, not a traceback
    assert error["ename"] == "UserError" and error["traceback"] == [f"error: {error['evalue']}"]
    assert "train_signs.h5" in error["evalue"]
    assert "tf.placeholder" in _text(cells[4]) and "In [2] line 1" in _text(cells[4])
    assert _text(cells[5]) == "TensorFlow 1.x selected.\n" and not cells[5].outputs[1:]  # Colab's one line
    error = next(o for o in cells[6].outputs if o["output_type"] == "error")
    assert error["traceback"] == [f"error: {error['evalue']}"] and "runs TF 1.x code" in error["evalue"]
    # NumPy 1.16's printing under TF 1.15; no C++ line (stderr) in the cell that made the first Session
    assert _text(cells[7]) == "[0.5 1. ] 0.3333333333333333\n" and _text(cells[7], "stderr") == ""
    assert [o for o in cells[8].outputs if o["output_type"] in ("error", "stream")] == []
    # %tensorboard started TensorBoard on the logs and shows it in the cell (its frame)
    assert not [o for o in cells[9].outputs if o["output_type"] == "error"], cells[9].outputs
    assert any(f"{port}" in json.dumps(o.get("data", {})) for o in cells[9].outputs), cells[9].outputs
    assert _text(cells[10]) == "stopped logs\n"


@pytest.fixture()
def plain_kernel_env(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # an ordinary python3 kernel that can import tf1_cnn
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "3")


def test_load_ext_in_an_ordinary_kernel(plain_kernel_env, tmp_path):
    cells = _run(["%load_ext tf1_cnn",
                  "import tensorflow as tf\nprint(tf.executing_eagerly(), tf.placeholder(tf.float32, [2]).name)"],
                 "python3", tmp_path)
    assert not _text(cells[0], "stderr") and _text(cells[1]) == "False Placeholder:0\n"


def test_load_ext_after_tensorflow_says_so_once_and_installs_nothing(plain_kernel_env, tmp_path):
    cells = _run(["import tensorflow as tf", "%load_ext tf1_cnn", "print(tf.executing_eagerly())"],
                 "python3", tmp_path)
    message = _text(cells[1], "stderr")
    assert message.count("\n") == 1 and "already imported" in message and "eager execution already on" in message
    assert "%load_ext tf1_cnn` before anything imports TensorFlow" in message
    assert _text(cells[2]) == "True\n"


def test_load_ext_in_the_tf1_kernel_keeps_its_report(tf1_prefix):
    cells = _run(["import tensorflow as tf\nx = tf.placeholder(tf.float32)", "%load_ext tf1_cnn", "%tf1_report"],
                 "tf1", tf1_prefix)
    assert not _text(cells[1], "stderr") and "tf.placeholder" in _text(cells[2])
