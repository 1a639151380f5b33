"""Interrupted-and-resumed training ends bit for bit as uninterrupted training (tf1_cnn/resume.py)."""
import json
import signal
import subprocess
import sys

import numpy as np
import pytest

from .helpers import ROOT, run_cli, write_signs_h5
from .test_input_data import write_idx


def _cli(*args, **kw):
    proc = run_cli(*args, **kw)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def signs_h5(tmp_path_factory):
    d = tmp_path_factory.mktemp("signs")
    write_signs_h5(d / "train.h5", 96, "train")
    write_signs_h5(d / "test.h5", 12, "test", seed=1)
    return d


def _npz(path):
    with np.load(path) as f:
        return {k: f[k] for k in f.files}


def test_run_signs_resume_is_bit_identical(signs_h5, tmp_path):
    data = ["--train", str(signs_h5 / "train.h5"), "--test", str(signs_h5 / "test.h5"), "--quiet"]
    straight = _cli("run_signs.py", *data, "--epochs", "6", "--save", str(tmp_path / "a.npz"))
    _cli("run_signs.py", *data, "--epochs", "3", "--checkpoint", str(tmp_path / "ck"), "--checkpoint-every", "3")
    state = json.loads((tmp_path / "ck" / "state.json").read_text())
    assert state["epoch"] == 3 and len(state["costs"]) == 3
    resumed = _cli("run_signs.py", *data, "--epochs", "6", "--resume", str(tmp_path / "ck"),
                   "--save", str(tmp_path / "b.npz"))
    a, b = _npz(tmp_path / "a.npz"), _npz(tmp_path / "b.npz")
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert resumed.stdout.splitlines()[-2:] == straight.stdout.splitlines()[-2:]  # Train / Test Accuracy lines


def test_run_signs_ctrl_c_saves_and_resumes_bit_identically(signs_h5, tmp_path):
    data = ["--train", str(signs_h5 / "train.h5"), "--test", str(signs_h5 / "test.h5"), "--epochs", "40"]
    _cli("run_signs.py", *data, "--quiet", "--save", str(tmp_path / "a.npz"))
    env = dict(__import__("os").environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.Popen([sys.executable, "run_signs.py", *data, "--checkpoint", str(tmp_path / "ck")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:  # the per-epoch progress lines: interrupt during training
        if "epoch 3/40" in line:
            proc.send_signal(signal.SIGINT)
            break
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130 and "--resume" in err
    state = json.loads((tmp_path / "ck" / "state.json").read_text())
    assert 3 <= state["epoch"] < 40
    _cli("run_signs.py", *data, "--quiet", "--resume", str(tmp_path / "ck"), "--save", str(tmp_path / "b.npz"))
    a, b = _npz(tmp_path / "a.npz"), _npz(tmp_path / "b.npz")
    assert all(np.array_equal(a[k], b[k]) for k in a)


def test_checkpoint_folder_is_found_by_latest_checkpoint(signs_h5, tmp_path):
    import tensorflow as tf

    _cli("run_signs.py", "--train", str(signs_h5 / "train.h5"), "--test", str(signs_h5 / "test.h5"), "--quiet",
         "--epochs", "1", "--checkpoint", str(tmp_path / "ck"), "--checkpoint-every", "1")
    (tmp_path / "ck").rename(tmp_path / "moved")
    assert tf.compat.v1.train.latest_checkpoint(str(tmp_path / "moved")) == str(tmp_path / "moved" / "model.ckpt")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_resume_refuses_other_data_or_settings(signs_h5, tmp_path):
    data = ["--train", str(signs_h5 / "train.h5"), "--test", str(signs_h5 / "test.h5"), "--quiet"]
    _cli("run_signs.py", *data, "--epochs", "1", "--checkpoint", str(tmp_path / "ck"), "--checkpoint-every", "1")
    proc = run_cli("run_signs.py", *data, "--epochs", "2", "--resume", str(tmp_path / "ck"), "--learning-rate", "0.1")
    assert proc.returncode == 2 and "was started with learning_rate" in proc.stderr


def test_mnist_resnet_resume_replays_dropout_and_batch_order(tmp_path):
    write_idx(tmp_path / "m", n_train=200, n_test=20)
    common = ["-m", "tf1_cnn", "mnist-resnet", "--data-dir", str(tmp_path / "m"), "--validation-size", "10"]
    # 190 training images in batches of 10: 19 steps an epoch; stopped at step 40, inside the third epoch,
    # and resumed to 70, inside the fourth: the reshuffles and dropout draws of both sides of a stop
    straight = _cli(*common, "--steps", "70", "--save", str(tmp_path / "a"))
    _cli(*common, "--steps", "40", "--checkpoint", str(tmp_path / "ck"), "--checkpoint-every", "40")
    resumed = _cli(*common, "--steps", "70", "--resume", str(tmp_path / "ck"), "--save", str(tmp_path / "b"))
    import tensorflow as tf

    ra, rb = (tf.train.load_checkpoint(str(tmp_path / d / "model.ckpt")) for d in ("a", "b"))
    names = ra.get_variable_to_shape_map()
    assert names and all(np.array_equal(ra.get_tensor(n), rb.get_tensor(n)) for n in names)
    assert resumed.stdout.splitlines()[-1] == straight.stdout.splitlines()[-1]  # test accuracy


def test_resnet50_resume_is_bit_identical(tmp_path):
    write_signs_h5(tmp_path / "train.h5", 16, "train")
    write_signs_h5(tmp_path / "test.h5", 4, "test", seed=1)
    common = ["-m", "tf1_cnn", "resnet50", "--train", str(tmp_path / "train.h5"), "--test", str(tmp_path / "test.h5"),
              "--batch-size", "4", "--max-batches", "2"]
    straight = _cli(*common, "--epochs", "2", "--save", str(tmp_path / "a"))
    _cli(*common, "--epochs", "1", "--checkpoint", str(tmp_path / "ck"), "--checkpoint-every", "1")
    resumed = _cli(*common, "--epochs", "2", "--resume", str(tmp_path / "ck"), "--save", str(tmp_path / "b"))
    import tensorflow as tf

    ra, rb = (tf.train.load_checkpoint(str(tmp_path / d / "model.ckpt")) for d in ("a", "b"))
    names = ra.get_variable_to_shape_map()
    assert len(names) > 300 and all(np.array_equal(ra.get_tensor(n), rb.get_tensor(n)) for n in names)
    assert resumed.stdout == straight.stdout  # Loss = ..., Test Accuracy = ...
