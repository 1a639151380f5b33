"""``tensorflow.examples.tutorials.mnist.input_data``, which TensorFlow 2 no longer ships.

``read_data_sets(train_dir, one_hot=False, dtype=float32, reshape=True,
validation_size=5000, seed=None)`` reads the four standard MNIST IDX gzip files
from ``train_dir`` and returns ``Datasets(train, validation, test)``, with TF 1.x's
semantics kept where they decide the numbers:
- images (n, 784) (or (n, 28, 28, 1) with reshape=False); float32 pixels are
  ``uint8 * (1 / 255)`` in [0, 1], uint8 stays 0..255; labels int (n,) or one-hot (n, 10);
- the first ``validation_size`` training examples form the validation set;
- ``next_batch(batch_size, shuffle=True)`` shuffles with numpy's global generator at
  the start, reshuffles at each epoch's end, and stitches a batch that spans two
  epochs from the end of one and the start of the next;
- each DataSet seeds numpy's global generator as TF 1.x did: with ``seed`` given,
  ``np.random.seed(seed)``; without, from the graph seed (``tf.set_random_seed``)
  if one is set, else from fresh entropy.
It never downloads: the files must be there (Fashion-MNIST has the same format).

TF 1.x printed ``Extracting MNIST_data/train-images-idx3-ubyte.gz`` (``print('Extracting', f.name)``
in extract_images / extract_labels, the name ``os.path.join(train_dir, file)``; 1.0-1.15 alike) for
each of the four files. Inside ``announcing()`` (what ``legacy``'s ``tensorflow.examples...input_data``
uses) this module prints the same lines; the project's own commands stay quiet.
"""
import gzip
import os
import zlib
import struct
from collections import namedtuple
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from .errors import UserError

FILES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
         "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
IMAGES_MAGIC, LABELS_MAGIC = 2051, 2049

Datasets = namedtuple("Datasets", ["train", "validation", "test"])


class MnistFormatError(UserError, ValueError):
    """A malformed MNIST IDX file, or files that do not fit the request (a ValueError, as in TF 1.x)."""


_announce = []  # non-empty inside announcing()


@contextmanager
def announcing():
    """Print TF 1.x's ``Extracting <path>`` line for each file read inside the block."""
    _announce.append(True)
    try:
        yield
    finally:
        _announce.pop()


def _extracting(path):
    if _announce:
        print("Extracting", path)


def _read_gz(path):
    try:
        with gzip.open(path, "rb") as f:
            return f.read()
    except (OSError, EOFError, zlib.error) as exc:
        raise MnistFormatError(f"{path}: not a readable gzip file ({exc})") from None


def extract_images(path):
    """uint8 (n, rows, cols, 1) from an IDX3 image file (gzip)."""
    _extracting(path)
    data = _read_gz(path)
    if len(data) < 16:
        raise MnistFormatError(f"{path}: truncated header ({len(data)} bytes)")
    magic, n, rows, cols = struct.unpack(">IIII", data[:16])
    if magic != IMAGES_MAGIC:
        raise MnistFormatError(f"{path}: invalid magic number {magic} in MNIST image file (expected {IMAGES_MAGIC})")
    need = n * rows * cols
    if len(data) - 16 < need:
        raise MnistFormatError(f"{path}: truncated: header says {n} images of {rows}x{cols} "
                               f"({need} bytes), the file holds {len(data) - 16}")
    return np.frombuffer(data, np.uint8, need, 16).reshape(n, rows, cols, 1)


def extract_labels(path, one_hot=False, num_classes=10):
    """Labels uint8 (n,), or one-hot float (n, num_classes), from an IDX1 label file (gzip)."""
    _extracting(path)
    data = _read_gz(path)
    if len(data) < 8:
        raise MnistFormatError(f"{path}: truncated header ({len(data)} bytes)")
    magic, n = struct.unpack(">II", data[:8])
    if magic != LABELS_MAGIC:
        raise MnistFormatError(f"{path}: invalid magic number {magic} in MNIST label file (expected {LABELS_MAGIC})")
    if len(data) - 8 < n:
        raise MnistFormatError(f"{path}: truncated: header says {n} labels, the file holds {len(data) - 8}")
    labels = np.frombuffer(data, np.uint8, n, 8).copy()
    if labels.size and labels.max() >= num_classes:
        raise MnistFormatError(f"{path}: label {labels.max()} is outside 0..{num_classes - 1}")
    return dense_to_one_hot(labels, num_classes) if one_hot else labels


def dense_to_one_hot(labels_dense, num_classes):
    """(n,) class indices -> (n, num_classes) one-hot, as TF 1.x (float64)."""
    out = np.zeros((labels_dense.shape[0], num_classes))
    out[np.arange(labels_dense.shape[0]), labels_dense.ravel()] = 1
    return out


def _numpy_seed(seed):
    """TF 1.x's DataSet seeding: (graph seed, op seed) -> np.random.seed(seed1 if seed is None else seed2)."""
    import tensorflow as tf

    seed1, seed2 = tf.compat.v1.random.get_seed(seed)
    np.random.seed(seed1 if seed is None else seed2)


class DataSet:
    """Images (n, 784) or (n, 28, 28, 1) and labels, with TF 1.x's ``next_batch``."""

    def __init__(self, images, labels, dtype=np.float32, reshape=True, seed=None):
        _numpy_seed(seed)
        dtype = np.dtype(getattr(dtype, "as_numpy_dtype", dtype))
        if dtype not in (np.uint8, np.float32):
            raise TypeError(f"Invalid image dtype {dtype}, expected uint8 or float32")
        if images.shape[0] != labels.shape[0]:
            raise MnistFormatError(f"images.shape: {images.shape} labels.shape: {labels.shape}: "
                                   f"{images.shape[0]} images but {labels.shape[0]} labels")
        self._num_examples = images.shape[0]
        if reshape:
            images = images.reshape(images.shape[0], images.shape[1] * images.shape[2])
        if dtype == np.float32:
            images = np.multiply(images.astype(np.float32), 1.0 / 255.0)
        self._images, self._labels = images, labels
        self._order = np.arange(self._num_examples)  # where each row came from (for get_state)
        self._epochs_completed = 0
        self._index_in_epoch = 0

    images = property(lambda self: self._images)
    labels = property(lambda self: self._labels)
    num_examples = property(lambda self: self._num_examples)
    epochs_completed = property(lambda self: self._epochs_completed)

    def _shuffle(self):
        perm = np.arange(self._num_examples)
        np.random.shuffle(perm)
        self._images, self._labels = self._images[perm], self._labels[perm]
        self._order = self._order[perm]

    def get_state(self):
        """(order of the rows, {index, epochs}): with numpy's generator state, what next_batch depends on."""
        return self._order.copy(), {"index_in_epoch": self._index_in_epoch, "epochs_completed": self._epochs_completed}

    def set_state(self, order, counters):
        """Put a fresh DataSet where ``get_state`` was taken (its rows are still in file order)."""
        if order.shape != (self._num_examples,) or not np.array_equal(self._order, np.arange(self._num_examples)):
            raise ValueError("set_state needs a fresh DataSet of the same size")
        self._images, self._labels, self._order = self._images[order], self._labels[order], order.copy()
        self._index_in_epoch = counters["index_in_epoch"]
        self._epochs_completed = counters["epochs_completed"]

    def next_batch(self, batch_size, fake_data=False, shuffle=True):
        """The next ``batch_size`` examples: (images, labels)."""
        if fake_data:
            raise NotImplementedError("fake_data is not supported")
        start = self._index_in_epoch
        if self._epochs_completed == 0 and start == 0 and shuffle:
            self._shuffle()
        if start + batch_size > self._num_examples:
            self._epochs_completed += 1
            rest = self._num_examples - start
            images_rest, labels_rest = self._images[start:], self._labels[start:]
            if shuffle:
                self._shuffle()
            self._index_in_epoch = batch_size - rest
            end = self._index_in_epoch
            return (np.concatenate((images_rest, self._images[:end]), axis=0),
                    np.concatenate((labels_rest, self._labels[:end]), axis=0))
        self._index_in_epoch += batch_size
        return self._images[start:self._index_in_epoch], self._labels[start:self._index_in_epoch]


def read_data_sets(train_dir, fake_data=False, one_hot=False, dtype=np.float32, reshape=True,
                   validation_size=5000, seed=None, source_url=None):
    """Datasets(train, validation, test) from the four MNIST files in ``train_dir`` (never downloads)."""
    if fake_data:
        raise NotImplementedError("fake_data is not supported")
    d = Path(train_dir)
    missing = [name for name in FILES if not (d / name).is_file()]
    if missing:
        raise UserError(f"MNIST files missing in {d.resolve()}: {', '.join(missing)} (expected the four files "
                        f"{', '.join(FILES)}; this reader never downloads)")
    paths = [os.path.join(os.fspath(train_dir), name) for name in FILES]  # as TF 1.x named them
    train_images = extract_images(paths[0])
    train_labels = extract_labels(paths[1], one_hot=one_hot)
    test_images = extract_images(paths[2])
    test_labels = extract_labels(paths[3], one_hot=one_hot)
    for imgs, labels, a, b in ((train_images, train_labels, FILES[0], FILES[1]),
                               (test_images, test_labels, FILES[2], FILES[3])):
        if imgs.shape[0] != labels.shape[0]:
            raise MnistFormatError(f"{d / a} holds {imgs.shape[0]} images but {d / b} holds {labels.shape[0]} labels")
    if not 0 <= validation_size <= len(train_images):
        raise MnistFormatError(f"Validation size should be between 0 and {len(train_images)}. Received: {validation_size}.")
    if train_images.shape[1:] != test_images.shape[1:]:
        raise MnistFormatError(f"{d / FILES[2]} holds {test_images.shape[1]}x{test_images.shape[2]} images, "
                               f"{d / FILES[0]} {train_images.shape[1]}x{train_images.shape[2]}")
    options = dict(dtype=dtype, reshape=reshape, seed=seed)
    train = DataSet(train_images[validation_size:], train_labels[validation_size:], **options)
    validation = DataSet(train_images[:validation_size], train_labels[:validation_size], **options)
    test = DataSet(test_images, test_labels, **options)
    return Datasets(train=train, validation=validation, test=test)
