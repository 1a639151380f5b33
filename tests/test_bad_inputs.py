"""Bad input and faults: one line on stderr, exit status 2, before any training is spent, nothing lost."""
import gzip

import numpy as np
import pytest

from .helpers import run_cli, write_signs_h5
from .test_input_data import write_idx

READ_ONLY = "/sys"  # even root cannot create files there (a real write is what check_writable tries)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    write_signs_h5(d / "train.h5", 12, "train")
    write_signs_h5(d / "test.h5", 6, "test", seed=1)
    X = np.zeros((4, 64, 64, 3), np.float32)
    write_signs_h5(d / "nan.h5", 4, "train", train_set_x=np.where(np.arange(4)[:, None, None, None] == 1, np.nan, X))
    write_signs_h5(d / "unit.h5", 4, "train", train_set_x=X + 0.5)
    write_signs_h5(d / "scalar_classes.h5", 4, "train", list_classes=np.int64(6))
    rng = np.random.default_rng(0)
    params = {"variant": np.array("course"), "W1": rng.random((4, 4, 3, 8)), "W2": rng.random((2, 2, 8, 16)),
              "fully_connected__weights": rng.random((64, 6)), "fully_connected__biases": rng.random(6)}
    np.savez(d / "good.npz", **params)
    np.savez(d / "w1_gray.npz", **{**params, "W1": rng.random((4, 4, 1, 8))})
    np.savez(d / "w1_3x3.npz", **{**params, "W1": rng.random((3, 3, 3, 8))})
    np.savez(d / "fc10.npz", **{**params, "fully_connected__weights": rng.random((64, 10)),
                                "fully_connected__biases": rng.random(10)})
    (d / "ck_text").mkdir()
    (d / "ck_text" / "meta.json").write_text("{not json")
    (d / "ck_list").mkdir()
    (d / "ck_list" / "meta.json").write_text("[1, 2]")
    (d / "folder").mkdir()
    (d / "existing.json").write_text("keep me")
    (d / "x.py").write_text("print('never run')\n")
    from .helpers import write_jpegs

    write_jpegs(d / "photos", [0, 1, 2, 3])
    write_idx(d / "idx")
    write_idx(d / "gz")
    whole = (d / "gz" / "train-images-idx3-ubyte.gz").read_bytes()
    (d / "gz" / "train-images-idx3-ubyte.gz").write_bytes(whole[:len(whole) // 2])  # a cut-off gzip stream
    write_idx(d / "small_test", n_test=4)
    import struct

    small = struct.pack(">IIII", 2051, 4, 14, 14) + bytes(4 * 14 * 14)
    (d / "small_test" / "t10k-images-idx3-ubyte.gz").write_bytes(gzip.compress(small))
    return d


def signs(d, *args):
    return ["run_signs.py", "--train", str(d / "train.h5"), "--test", str(d / "test.h5"), "--epochs", "1", *args]


CASES = {
    "shuffle seed -1": (lambda d: signs(d, "--shuffle-seed", "-1"), "--shuffle-seed must be between"),
    "shuffle seed too big": (lambda d: signs(d, "--shuffle-seed", "99999999999"), "--shuffle-seed must be between"),
    "save into read-only folder": (lambda d: signs(d, "--save", f"{READ_ONLY}/p.npz"), "cannot write"),
    "plot into read-only folder": (lambda d: signs(d, "--plot", f"{READ_ONLY}/c.png"), "cannot write"),
    "save onto a folder with force": (lambda d: signs(d, "--save", str(d / "folder"), "--force"), "never replaced"),
    "plot onto a device with force": (lambda d: signs(d, "--plot", "/dev/full", "--force"), "never replaced"),
    "plot and save the same file": (lambda d: signs(d, "--plot", str(d / "x"), "--save", str(d / "x")), "same file"),
    "learning rate inf": (lambda d: signs(d, "--learning-rate", "inf"), "--learning-rate must be a positive"),
    "learning rate nan": (lambda d: signs(d, "--learning-rate", "nan"), "--learning-rate must be a positive"),
    "restore gray W1": (lambda d: signs(d, "--restore", str(d / "w1_gray.npz")), "W1 has shape (4, 4, 1, 8)"),
    "restore 3x3 W1": (lambda d: signs(d, "--restore", str(d / "w1_3x3.npz")), "W1 has shape (3, 3, 3, 8)"),
    "restore 10-class FC": (lambda d: signs(d, "--restore", str(d / "fc10.npz")), "predicts 10 classes"),
    "NaN pixels": (lambda d: ["run_signs.py", "--train", str(d / "nan.h5"), "--test", str(d / "test.h5")],
                   "NaN or infinite pixels"),
    "pixels already in 0..1": (lambda d: ["run_signs.py", "--train", str(d / "unit.h5"), "--test", str(d / "test.h5")],
                               "floats in 0..1"),
    "scalar list_classes": (lambda d: ["run_signs.py", "--train", str(d / "scalar_classes.h5"), "--test",
                                       str(d / "test.h5")], "list_classes must be a 1-D array"),
    "checkpoint-every without checkpoint": (lambda d: signs(d, "--checkpoint-every", "1"), "needs --checkpoint"),
    "resnet50 seed -1": (lambda d: ["-m", "tf1_cnn", "resnet50", "--seed", "-1", "--test", str(d / "test.h5")],
                         "--seed must be between"),
    "resnet50 learning rate nan": (lambda d: ["-m", "tf1_cnn", "resnet50", "--learning-rate", "nan", "--test",
                                              str(d / "test.h5")], "--learning-rate must be a positive"),
    "resnet50 learning rate -1": (lambda d: ["-m", "tf1_cnn", "resnet50", "--learning-rate", "-1", "--test",
                                             str(d / "test.h5")], "--learning-rate must be a positive"),
    "resnet50 input too small to train": (lambda d: ["-m", "tf1_cnn", "resnet50", "--input-shape", "8", "8", "3",
                                                     "--train", str(d / "photos"), "--test", str(d / "photos")],
                                          "--input-shape 8 8 3"),
    "resnet50 corrupt meta.json": (lambda d: ["-m", "tf1_cnn", "resnet50", "--test", str(d / "test.h5"), "--restore",
                                              str(d / "ck_text")], "is not readable JSON"),
    "resnet50 meta.json not an object": (lambda d: ["-m", "tf1_cnn", "resnet50", "--test", str(d / "test.h5"),
                                                    "--restore", str(d / "ck_list")], "must hold a JSON object"),
    "resnet50 save into read-only folder": (lambda d: ["-m", "tf1_cnn", "resnet50", "--test", str(d / "test.h5"),
                                                       "--save", f"{READ_ONLY}/ck"], "cannot write"),
    "resnet50 save onto someone's folder": (lambda d: ["-m", "tf1_cnn", "resnet50", "--test", str(d / "test.h5"),
                                                       "--save", str(d / "folder"), "--force"], "never replaced"),
    "mnist corrupt gzip": (lambda d: ["-m", "tf1_cnn", "mnist-resnet", "--data-dir", str(d / "gz"), "--steps", "1",
                                      "--validation-size", "0"], "not a readable gzip file"),
    "mnist 14x14 test images": (lambda d: ["-m", "tf1_cnn", "mnist-resnet", "--data-dir", str(d / "small_test"),
                                           "--steps", "1", "--validation-size", "0"], "14x14 images"),
    "mnist validation takes everything": (lambda d: ["-m", "tf1_cnn", "mnist-resnet", "--data-dir", str(d / "idx"),
                                                     "--validation-size", "30"], "leaves no training examples"),
    "mnist save into read-only folder": (lambda d: ["-m", "tf1_cnn", "mnist-resnet", "--data-dir", str(d / "idx"),
                                                    "--save", f"{READ_ONLY}/ck"], "cannot write"),
    "legacy report over a file": (lambda d: ["-m", "tf1_cnn", "legacy", "--report-json", str(d / "existing.json"),
                                             str(d / "x.py")], "exists; pass --force"),
    "legacy report into read-only folder": (lambda d: ["-m", "tf1_cnn", "legacy", "--report-json",
                                                       f"{READ_ONLY}/r.json", str(d / "x.py")], "cannot write"),
    "verify json onto a folder": (lambda d: ["-m", "tf1_cnn", "verify", "--only", "A1", "--json", str(d / "folder"),
                                             "--force"], "never replaced"),
    "verify json over a file": (lambda d: ["-m", "tf1_cnn", "verify", "--only", "A1", "--json",
                                           str(d / "existing.json")], "exists; pass --force"),
    "verify missing weights": (lambda d: ["-m", "tf1_cnn", "verify", "--only", "C3", "--weights",
                                          str(d / "MISSING.h5")], "MISSING.h5: no such file"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_and_exit_2(data, case, tmp_path):
    make, message = CASES[case]
    proc = run_cli(*make(data))
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and message in lines[0], proc.stderr
    assert "never run" not in proc.stdout
    assert (data / "existing.json").read_text() == "keep me"


def test_hidden_folders_are_not_classes(tmp_path):
    from tf1_cnn.signs.data import read_image_folder

    from .helpers import write_jpegs

    write_jpegs(tmp_path, [0, 1, 2])
    (tmp_path / ".ipynb_checkpoints").mkdir()
    write_jpegs(tmp_path / ".ipynb_checkpoints", [0])
    X, y, classes = read_image_folder(tmp_path)
    assert X.shape[0] == 3 and list(y) == [0, 1, 2] and len(classes) == 6


def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path):
    import errno

    from tf1_cnn.errors import UserError
    from tf1_cnn.fileio import atomic_path

    target = tmp_path / "cost.png"
    with pytest.raises(UserError, match="No space left on device"):
        with atomic_path(target):
            raise OSError(errno.ENOSPC, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_killed_save_leaves_no_temp_folder_behind(tmp_path):
    from tf1_cnn.fileio import atomic_dir

    (tmp_path / ".ck.abc123").mkdir()  # what a SIGKILL during an earlier --save leaves
    (tmp_path / ".ck.abc123" / "model.ckpt.data").write_bytes(b"0" * 100)
    with atomic_dir(tmp_path / "ck") as tmp:
        (tmp / "meta.json").write_text("{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ck"]
