"""SIGNS loaders: the course's .h5 layout, image folders, and their errors."""
import hashlib

import numpy as np
import pytest

from tf1_cnn.errors import UserError
from tf1_cnn.signs.data import load_dataset, load_source, load_sources, read_h5, read_image_folder

from .helpers import write_jpegs, write_signs_h5


def test_load_dataset_course_shapes(tmp_path):
    write_signs_h5(tmp_path / "train_signs.h5", 10, "train")
    write_signs_h5(tmp_path / "test_signs.h5", 4, "test")
    X_train, Y_train, X_test, Y_test, classes = load_dataset(tmp_path)
    assert X_train.shape == (10, 64, 64, 3) and X_train.dtype == np.uint8
    assert Y_train.shape == (1, 10) and Y_test.shape == (1, 4) and list(classes) == list(range(6))


def test_load_dataset_uses_env_then_default(tmp_path, monkeypatch):
    write_signs_h5(tmp_path / "train_signs.h5", 6, "train")
    write_signs_h5(tmp_path / "test_signs.h5", 6, "test")
    monkeypatch.setenv("TF1_CNN_DATA", str(tmp_path))
    assert load_dataset()[0].shape[0] == 6
    monkeypatch.delenv("TF1_CNN_DATA")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError, match=r"not found in .*datasets .*default"):
        load_dataset()


def test_missing_data_dir_names_where_it_looked_and_where_files_come_from(tmp_path):
    with pytest.raises(UserError) as err:
        load_dataset(tmp_path / "nowhere")
    msg = str(err.value)
    assert "train_signs.h5" in msg and str(tmp_path / "nowhere") in msg and "course" in msg


@pytest.mark.parametrize("override,words", [
    ({"train_set_y": None}, ["missing key 'train_set_y'"]),
    ({"train_set_x": np.zeros((4, 64, 64), np.uint8)}, ["train_set_x", "(m, height, width, 3)", "(4, 64, 64)"]),
    ({"train_set_y": np.arange(5)}, ["train_set_y", "(4,)"]),
    ({"train_set_y": np.array([0, 1, 2, 9])}, ["labels outside 0..5"]),
    ({"train_set_x": np.full((4, 64, 64, 3), b"x")}, ["dtype"]),
    ({"train_set_y": np.array([0.5, 1, 2, 3])}, ["integer labels"]),
])
def test_bad_h5_files_are_named_with_what_is_wrong(tmp_path, override, words):
    path = tmp_path / "train_signs.h5"
    write_signs_h5(path, 4, "train", **override)
    with pytest.raises(UserError) as err:
        read_h5(path, "train")
    assert str(path) in str(err.value)
    for w in words:
        assert w in str(err.value)


def test_corrupt_h5(tmp_path):
    path = tmp_path / "train_signs.h5"
    path.write_bytes(b"not an hdf5 file at all")
    with pytest.raises(UserError, match="not a readable HDF5 file"):
        read_h5(path)


def test_image_folder_flat_and_subfolder_layouts(tmp_path):
    write_jpegs(tmp_path / "flat", [3, 0, 5])
    X, y, classes = read_image_folder(tmp_path / "flat")
    assert X.shape == (3, 64, 64, 3) and sorted(y) == [0, 3, 5] and len(classes) == 6
    write_jpegs(tmp_path / "sub", [0, 1, 1], subfolders=True, size=(32, 40))
    X, y, classes = read_image_folder(tmp_path / "sub", size=(64, 64))
    assert X.shape == (3, 64, 64, 3) and list(y) == [0, 1, 1] and list(classes) == ["class_0", "class_1"]


def test_image_folder_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no images"):
        read_image_folder(tmp_path / "empty")
    write_jpegs(tmp_path / "bad", [1])
    (tmp_path / "bad" / "2_broken.jpg").write_bytes(b"\xff\xd8 garbage")
    with pytest.raises(UserError, match=r"2_broken\.jpg: unreadable image"):
        read_image_folder(tmp_path / "bad")
    write_jpegs(tmp_path / "mixed", [1], size=(64, 64))
    write_jpegs(tmp_path / "mixed", [2], size=(32, 32), seed=1)
    with pytest.raises(UserError, match="differs from"):
        read_image_folder(tmp_path / "mixed")
    write_jpegs(tmp_path / "nolabel", [1])
    (tmp_path / "nolabel" / "1_IMG_0.jpg").rename(tmp_path / "nolabel" / "photo.jpg")
    with pytest.raises(UserError, match="cannot read a label"):
        read_image_folder(tmp_path / "nolabel")


def test_sources_concatenate_in_order_and_refuse_mismatched_sizes(tmp_path):
    write_signs_h5(tmp_path / "a.h5", 3, "train")
    write_signs_h5(tmp_path / "b.h5", 2, "test", seed=1)
    X, y, _ = load_sources([tmp_path / "a.h5", tmp_path / "b.h5"])
    assert X.shape[0] == 5 and list(y) == [0, 1, 2, 0, 1]
    write_signs_h5(tmp_path / "small.h5", 2, "test", size=32)
    with pytest.raises(UserError, match=r"small\.h5: images are 32x32, the model expects 64x64"):
        load_source(tmp_path / "small.h5", (64, 64))


def test_the_original_test_set(shared_data):
    path = shared_data / "signs" / "test_signs.h5"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == \
        "539fb746ed9e947eb244cfca73f4d1b03f9bf5524d609eeed2cd76ddb1b179be"
    X, y, classes = read_h5(path, "test")
    assert X.shape == (120, 64, 64, 3) and y.shape == (120,) and list(classes) == list(range(6))
    assert np.bincount(y).tolist() == [20] * 6


def test_the_jpeg_photos_are_the_same_photos(shared_data):
    X, y, _ = read_image_folder(shared_data / "signs-jpeg" / "test_signs")
    Xh, yh, _ = read_h5(shared_data / "signs" / "test_signs.h5", "test")
    assert X.shape == Xh.shape and sorted(y) == sorted(yh)
    # same photos, other pixels (resized by another tool, JPEG): close but not equal
    assert abs(X.astype(float).mean() - Xh.astype(float).mean()) < 5
    assert not np.array_equal(np.sort(X, axis=None), np.sort(Xh, axis=None))
