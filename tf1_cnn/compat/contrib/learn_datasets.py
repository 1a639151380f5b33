"""``tf.contrib.learn.datasets`` (TF 1.3's learn/python/learn/datasets: base, mnist), never downloading."""
import collections
import csv

import numpy as np

from ... import input_data
from ._common import module

Dataset = collections.namedtuple("Dataset", ["data", "target"])
Datasets = input_data.Datasets  # namedtuple('Datasets', ['train', 'validation', 'test']), as TF 1.x's


def load_csv_with_header(filename, target_dtype, features_dtype, target_column=-1):
    """TF 1.3's ``datasets.base.load_csv_with_header``: the header row is ``n_samples,n_features,...``.

    Returns Dataset(data (n_samples, n_features) of features_dtype, target (n_samples,) of target_dtype).
    """
    with open(filename, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        n_samples, n_features = int(header[0]), int(header[1])
        data = np.zeros((n_samples, n_features), dtype=features_dtype)
        target = np.zeros((n_samples,), dtype=target_dtype)
        for i, row in enumerate(rows):
            target[i] = np.asarray(row.pop(target_column), dtype=target_dtype)
            data[i] = np.asarray(row, dtype=features_dtype)
    return Dataset(data=data, target=target)


def load_csv_without_header(filename, target_dtype, features_dtype, target_column=-1):
    """TF 1.3's ``datasets.base.load_csv_without_header``: Dataset(data, target) from every row."""
    with open(filename, newline="") as f:
        data, target = [], []
        for row in csv.reader(f):
            target.append(row.pop(target_column))
            data.append(np.asarray(row, dtype=features_dtype))
    return Dataset(data=np.array(data), target=np.array(target, dtype=target_dtype))


def _shipped_csv(name, filename):
    def load(data_path=None):
        if data_path is None:
            raise FileNotFoundError(
                f"tf.contrib.learn.datasets.{name}: {filename} shipped inside TensorFlow 1.x and is not part of "
                f"tf1_cnn; pass data_path= a copy (header row: n_samples,n_features,...)")
        return load_csv_with_header(data_path, target_dtype=int if name == "load_iris" else float,
                                    features_dtype=float)

    load.__name__ = name
    load.__doc__ = f"TF 1.3's datasets.{name}(data_path): Dataset from {filename} (no copy ships here)."
    return load


def maybe_download(filename, work_directory, source_url):
    """TF 1.3's ``base.maybe_download``, without the download: the path when the file is there."""
    import os

    path = os.path.join(work_directory, filename)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{path}: not found, and nothing is downloaded under tf1_cnn legacy; "
                                f"put {filename} (from {source_url}) there")
    return path


def load_mnist(train_dir="MNIST-data"):
    """TF 1.3's ``datasets.mnist.load_mnist``: read_data_sets(train_dir) (the files must be there)."""
    return input_data.read_data_sets(train_dir)


def load_dataset(name, size="small", test_with_fake_data=False):
    """TF 1.3's ``datasets.load_dataset(name)``: DATASETS[name]()."""
    if name not in DATASETS:
        raise ValueError(f"Name of dataset is not found: {name}")
    return DATASETS[name]()


load_iris = _shipped_csv("load_iris", "iris.csv")
load_boston = _shipped_csv("load_boston", "boston_house_prices.csv")
DATASETS = {"iris": load_iris, "boston": load_boston, "mnist": load_mnist}  # dbpedia downloads: not here

base = module("tf.contrib.learn.datasets.base", {
    "Dataset": Dataset, "Datasets": Datasets, "load_csv_with_header": load_csv_with_header,
    "load_csv_without_header": load_csv_without_header, "load_iris": load_iris, "load_boston": load_boston,
    "maybe_download": maybe_download})
mnist = module("tf.contrib.learn.datasets.mnist", {
    **{k: v for k, v in vars(input_data).items() if not k.startswith("_")}, "load_mnist": load_mnist})


