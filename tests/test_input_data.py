"""input_data: TF 1.x's MNIST reader, on small IDX files the tests write and on the real files."""
import gzip
import hashlib
import struct

import numpy as np
import pytest

from tf1_cnn.errors import UserError
from tf1_cnn.input_data import FILES, DataSet, extract_images, extract_labels, read_data_sets


def write_idx(folder, n_train=30, n_test=8, seed=0, **broken):
    """The four MNIST files in IDX gzip format, with 28x28 images; ``broken`` overrides a file's bytes."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    data = {}
    for prefix, n in (("train", n_train), ("t10k", n_test)):
        imgs = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        labels = (np.arange(n) % 10).astype(np.uint8)
        data[f"{prefix}-images-idx3-ubyte.gz"] = struct.pack(">IIII", 2051, n, 28, 28) + imgs.tobytes()
        data[f"{prefix}-labels-idx1-ubyte.gz"] = struct.pack(">II", 2049, n) + labels.tobytes()
    data.update(broken)
    for name, raw in data.items():
        if raw is not None:
            with gzip.open(folder / name, "wb") as f:
                f.write(raw)
    return data


def test_read_data_sets_shapes_scaling_and_validation_split(tmp_path):
    raw = write_idx(tmp_path)
    ds = read_data_sets(tmp_path, one_hot=True, validation_size=10, seed=1)
    assert ds.train.images.shape == (20, 784) and ds.validation.num_examples == 10 and ds.test.num_examples == 8
    assert ds.train.images.dtype == np.float32 and 0.0 <= ds.train.images.min() and ds.train.images.max() <= 1.0
    first = np.frombuffer(raw["train-images-idx3-ubyte.gz"], np.uint8, 784, 16)
    np.testing.assert_array_equal(ds.validation.images[0], first.astype(np.float32) * (1.0 / 255.0))
    assert ds.train.labels.shape == (20, 10) and (ds.train.labels.sum(1) == 1).all()
    ds8 = read_data_sets(tmp_path, dtype=np.uint8, reshape=False, validation_size=0)
    assert ds8.train.images.shape == (30, 28, 28, 1) and ds8.train.images.dtype == np.uint8
    assert ds8.train.labels.tolist() == [i % 10 for i in range(30)]
    with pytest.raises(ValueError, match="Validation size should be between 0 and 30"):
        read_data_sets(tmp_path, validation_size=31)


def test_next_batch_follows_tf1(tmp_path):
    """Shuffle at the start, reshuffle at each epoch's end, stitch a batch across two epochs."""
    images = np.arange(10, dtype=np.uint8).reshape(10, 1, 1, 1)
    labels = np.arange(10)
    np.random.seed(5)  # what TF 1.x's DataSet did with seed=5, then the same shuffles
    perm0 = np.arange(10)
    np.random.shuffle(perm0)
    perm1 = np.arange(10)
    np.random.shuffle(perm1)
    ds = DataSet(images, labels, dtype=np.uint8, seed=5)
    a = ds.next_batch(4)[1]
    b = ds.next_batch(4)[1]
    c = ds.next_batch(4)[1]  # 2 from the end of epoch 1, 2 from the start of epoch 2
    assert a.tolist() == perm0[:4].tolist() and b.tolist() == perm0[4:8].tolist()
    assert c.tolist() == perm0[8:].tolist() + perm0[perm1][:2].tolist()
    assert ds.epochs_completed == 1
    unshuffled = DataSet(images, labels, dtype=np.uint8, seed=5)
    assert unshuffled.next_batch(3, shuffle=False)[1].tolist() == [0, 1, 2]


def test_missing_files_are_named(tmp_path):
    write_idx(tmp_path, **{"t10k-labels-idx1-ubyte.gz": None})
    with pytest.raises(UserError) as err:
        read_data_sets(tmp_path)
    assert "t10k-labels-idx1-ubyte.gz" in str(err.value) and str(tmp_path) in str(err.value)
    assert all(name in str(err.value) for name in FILES) and "never downloads" in str(err.value)


@pytest.mark.parametrize("broken,words", [
    ({"train-images-idx3-ubyte.gz": struct.pack(">IIII", 2049, 1, 28, 28) + bytes(784)}, ["invalid magic number 2049"]),
    ({"train-labels-idx1-ubyte.gz": struct.pack(">II", 2051, 30) + bytes(30)}, ["invalid magic number 2051"]),
    ({"t10k-images-idx3-ubyte.gz": struct.pack(">IIII", 2051, 8, 28, 28) + bytes(100)}, ["truncated", "8 images"]),
    ({"t10k-labels-idx1-ubyte.gz": struct.pack(">II", 2049, 9) + bytes(9)}, ["holds 8 images but", "holds 9 labels"]),
])
def test_malformed_files(tmp_path, broken, words):
    write_idx(tmp_path, **broken)
    with pytest.raises(UserError) as err:
        read_data_sets(tmp_path)
    for w in words:
        assert w in str(err.value)


def test_not_gzip(tmp_path):
    write_idx(tmp_path)
    (tmp_path / FILES[0]).write_bytes(b"plain bytes")
    with pytest.raises(UserError, match="not a readable gzip file"):
        read_data_sets(tmp_path)


def test_the_real_mnist_test_files(shared_data):
    d = shared_data / "mnist"
    images = extract_images(d / "t10k-images-idx3-ubyte.gz")
    labels = extract_labels(d / "t10k-labels-idx1-ubyte.gz")
    assert images.shape == (10000, 28, 28, 1) and labels.shape == (10000,)
    assert labels[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]  # MNIST's well-known first test labels
    # the first image, parsed independently of the reader: same bytes
    raw = gzip.open(d / "t10k-images-idx3-ubyte.gz").read()[16:16 + 784]
    assert hashlib.sha256(images[0].tobytes()).hexdigest() == hashlib.sha256(raw).hexdigest()
    assert int(images[0].sum()) == sum(raw) and images[0].max() == 255
    assert extract_labels(d / "train-labels-idx1-ubyte.gz").shape == (60000,)
