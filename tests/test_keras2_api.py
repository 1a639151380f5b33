"""Keras 2.0-2.2 API tf_keras dropped (compat/keras2.py): old modules, predict_classes, versions, offline get_file."""
import subprocess

import numpy as np

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "keras2_era_api.py"


def _facts(out):
    return [line for line in out.splitlines() if line.startswith(("versions", "same", "predict", "binary"))]


def test_old_api_as_keras_2_0_8_on_real_tf_1_4(tmp_path, tf1_oracle):
    ours = run_cli("-m", "tf1_cnn", "legacy", str(SCRIPT), cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr
    assert _facts(ours.stdout) == ["versions 2.0.8 2.0.8-tf", "same classes True True True True True True True",
                                   "predict_classes True", "predict_proba True", "binary classes int32 (6, 1)"]
    assert "keras.Sequential.predict_classes" in ours.stderr and "np.argmax(model.predict(x)" in ours.stderr
    assert "state_updates" not in ours.stderr  # tf_keras's own notice, hidden
    real = subprocess.run([tf1_oracle("1.4"), str(SCRIPT)], cwd=tmp_path, capture_output=True, text=True,
                          env=oracle_env(), timeout=300)
    assert real.returncode == 0, real.stderr[-1500:]
    assert _facts(ours.stdout) == _facts(real.stdout)


def test_versions_under_1_15_as_real_tf_1_15(tmp_path, tf1_oracle):
    ours = run_cli("-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", "1.15", str(SCRIPT),
                   cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr
    assert _facts(ours.stdout)[0] == "versions 2.2.4 2.2.4-tf"
    real = subprocess.run([tf1_oracle("1.15"), "-c", "import tensorflow as tf; print(tf.keras.__version__)"],
                          capture_output=True, text=True, env=oracle_env(), timeout=300)
    assert real.stdout.strip() == "2.2.4-tf"


LOAD = """
import keras
(x, y), _ = keras.datasets.mnist.load_data()
print("loaded", x.shape, y.tolist())
"""


def test_get_file_uses_a_local_file_and_never_downloads(tmp_path):
    script = tmp_path / "load.py"
    script.write_text(LOAD)
    home = tmp_path / "home"
    env = {"HOME": str(home)}
    missing = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(script), cwd=tmp_path, env=env)
    target = home / ".keras" / "datasets" / "mnist.npz"
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines()[-1] == (
        f"error: {target}: not found, and nothing is downloaded under tf1_cnn legacy; put the file there "
        f"(Keras would fetch it from https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz)")
    assert "Traceback" not in missing.stderr and "Downloading" not in missing.stdout and target.parent.is_dir()
    # a substitute file (its hash differs from the published one): used, with one line saying so
    np.savez(target, x_train=np.zeros((2, 28, 28), np.uint8), y_train=np.array([3, 4]),
             x_test=np.zeros((1, 28, 28), np.uint8), y_test=np.array([5]))
    found = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(script), cwd=tmp_path, env=env)
    assert found.returncode == 0, found.stderr
    assert "loaded (2, 28, 28) [3, 4]" in found.stdout
    assert f"keras get_file: {target} does not match the published file's hash (a substitute?); used as it is" \
        in found.stderr


def test_plot_model_with_graphviz_writes_the_file_or_says_why(tmp_path):
    import shutil

    script = tmp_path / "plot.py"
    script.write_text("import keras\nfrom keras.utils import plot_model\nfrom keras.utils.vis_utils import model_to_dot\n"
                      "m = keras.models.Sequential([keras.layers.Dense(2, input_shape=(3,))])\n"
                      "plot_model(m, to_file='m.png')\n"
                      "print('svg', model_to_dot(m).create(prog='dot', format='svg')[:4] if "
                      "__import__('shutil').which('dot') else None)\n")
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(script), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    if shutil.which("dot"):  # Debian's graphviz (README setup, .ci/run)
        assert (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG" and "svg b'<?xm'" in proc.stdout
    else:
        assert "m.png not written" in proc.stderr and "Traceback" not in proc.stderr
