"""run_signs.py, the main script: its output, files and errors."""
import numpy as np
import pytest

from .helpers import ROOT, run_cli, write_jpegs, write_signs_h5


@pytest.fixture(scope="module")
def small_data(tmp_path_factory):
    d = tmp_path_factory.mktemp("signs")
    write_signs_h5(d / "train_signs.h5", 70, "train")
    write_signs_h5(d / "test_signs.h5", 12, "test", seed=1)
    return d


def run_signs(*args, **kw):
    return run_cli(str(ROOT / "run_signs.py"), *args, **kw)


def test_help_documents_the_options():
    out = run_signs("--help").stdout
    for flag in ("--variant", "--data-dir", "--train", "--test", "--epochs", "--learning-rate", "--minibatch-size",
                 "--plot", "--save", "--restore", "--force"):
        assert flag in out


def test_no_data_is_a_clear_error(tmp_path):
    proc = run_signs(cwd=tmp_path, env={"TF1_CNN_DATA": ""})
    assert proc.returncode == 2
    assert "train_signs.h5" in proc.stderr and str(tmp_path / "datasets") in proc.stderr
    assert "Traceback" not in proc.stderr


def test_train_plot_save_restore(small_data, tmp_path):
    plot, save = tmp_path / "cost.png", tmp_path / "params.npz"
    proc = run_signs("--data-dir", str(small_data), "--epochs", "6", "--plot", str(plot), "--save", str(save))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Cost after epoch 0: ") and lines[1].startswith("Cost after epoch 5: ")
    assert "  epoch 6/6  cost " in proc.stderr  # progress per epoch
    train_acc = [ln for ln in lines if ln.startswith("Train Accuracy: ")]
    test_acc = [ln for ln in lines if ln.startswith("Test Accuracy: ")]
    assert train_acc and test_acc
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with np.load(save) as f:
        assert str(f["variant"]) == "course" and f["W1"].shape == (4, 4, 3, 8)
    again = run_signs("--data-dir", str(small_data), "--restore", str(save))
    assert again.returncode == 0, again.stderr
    assert [ln for ln in again.stdout.splitlines() if "Accuracy" in ln] == train_acc + test_acc


def test_save_never_overwrites_without_force(small_data, tmp_path):
    save = tmp_path / "params.npz"
    save.write_bytes(b"precious")
    proc = run_signs("--data-dir", str(small_data), "--epochs", "1", "--save", str(save))
    assert proc.returncode == 2 and "--force" in proc.stderr and save.read_bytes() == b"precious"
    proc = run_signs("--data-dir", str(small_data), "--epochs", "1", "--save", str(save), "--force")
    assert proc.returncode == 0 and save.read_bytes()[:2] == b"PK"


def test_train_and_test_sources_image_folder_and_h5(small_data, tmp_path):
    write_jpegs(tmp_path / "photos", [i % 6 for i in range(20)], size=(80, 80))  # resized to 64x64
    proc = run_signs("--train", str(tmp_path / "photos"), str(small_data / "train_signs.h5"),
                     "--test", str(small_data / "test_signs.h5"), "--epochs", "1", "--variant", "tf2-port")
    assert proc.returncode == 0, proc.stderr
    assert "variant tf2-port: 90 training and 12 test images" in proc.stderr


@pytest.mark.parametrize("args,words", [
    (["--train", "nowhere.h5", "--test", "nowhere.h5"], ["nowhere.h5: no such file or folder"]),
    (["--train", "X"], ["--train", "--test"]),
    (["--epochs", "-1"], ["--epochs must be >= 0"]),
    (["--learning-rate", "0"], ["--learning-rate must be a positive number"]),
    (["--restore", "missing.npz"], ["--restore: missing.npz: no such file"]),
])
def test_bad_arguments(small_data, args, words):
    proc = run_signs("--data-dir", str(small_data), *args) if "--train" not in args else run_signs(*args)
    assert proc.returncode == 2, proc.stdout
    assert "Traceback" not in proc.stderr
    for w in words:
        assert w in proc.stderr


def test_corrupt_and_wrong_shape_files(tmp_path):
    (tmp_path / "train_signs.h5").write_bytes(b"junk")
    write_signs_h5(tmp_path / "test_signs.h5", 4, "test")
    proc = run_signs("--data-dir", str(tmp_path))
    assert proc.returncode == 2 and "train_signs.h5: not a readable HDF5 file" in proc.stderr
    write_signs_h5(tmp_path / "train_signs.h5", 4, "train", size=32)
    proc = run_signs("--data-dir", str(tmp_path), "--epochs", "1")
    assert proc.returncode == 2 and "train images are (32, 32, 3) but test images are (64, 64, 3)" in proc.stderr
