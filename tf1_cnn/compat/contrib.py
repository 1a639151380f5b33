"""``tf.contrib`` on TensorFlow 2.21: every name a maintained library still carries, and nothing else.

TF 2 deleted ``tf.contrib``. What survived did so in three places, and each name here
is the same function or class as in TF 1.x, taken from there:
1. TensorFlow itself: its upgrade tool (``tf_upgrade_v2``'s ``all_renames_v2``) renames
   ``tf.contrib.rnn.BasicLSTMCell`` to ``tf.compat.v1.nn.rnn_cell.BasicLSTMCell``,
   ``tf.contrib.data.map_and_batch`` to ``tf.data.experimental.map_and_batch``, ... :
   those renames are followed (``RENAMED``), plus the members of a module TF kept
   whole (``tf.compat.v1.nn.rnn_cell``'s wrappers, ``clustering_ops.KMeans``,
   ``lookup_ops``, ``tensor_util``);
2. tf_slim 1.1 (TF 1.15's ``contrib.layers`` / ``slim`` / ``framework`` / ``metrics`` /
   ``losses`` / ``training``), tf_keras (``contrib.keras``), TensorFlow Probability 0.25
   (``contrib.distributions``; loaded only when used);
3. the MNIST reader of ``tf1_cnn.input_data`` and ``datasets.base`` below (TF 1.3's
   ``tf.contrib.learn.datasets``: never downloads).
A name none of these gives raises an AttributeError (or, imported, a ModuleNotFoundError)
naming it and its TF 2 replacement (``migration.NOT_PROVIDED``); ``ContribFinder`` makes
every import form (``from tensorflow.contrib import rnn``, ``import tensorflow.contrib.x``,
``from tensorflow.contrib.learn.python.learn.datasets import mnist``) resolve the same way.
"""
import collections
import csv
import importlib
import importlib.abc
import importlib.util
import types

import numpy as np

from .. import input_data
from . import libraries, migration

PREFIX = "tensorflow.contrib"


def _resolve(dotted):
    """``tf.a.b`` -> the object on TensorFlow's public API (or None)."""
    import tensorflow as tf

    obj = tf
    for part in dotted.split(".")[1:]:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def renamed(family):
    """{attr: object} for each ``tf.contrib.<family>.<attr>`` TF's upgrade tool renames to a name TF 2.21 has."""
    prefix = f"tf.contrib.{family}."
    out = {}
    for old, new in migration.renames().items():
        attr = old[len(prefix):]
        if old.startswith(prefix) and "." not in attr:
            obj = _resolve(new)
            if obj is None and new.startswith("tf.") and not new.startswith("tf.compat."):
                obj = _resolve("tf.compat.v1." + new[3:])  # tf.data.experimental.X of TF1's v1 API
            if obj is not None:
                out[attr] = obj
    return out


def _module(name, members):
    module = types.ModuleType(name)
    module.__dict__.update(members)
    return module


def rnn():
    """``tf.contrib.rnn``: TF 1.x's core cells and static RNNs (TF 2.21's tf.compat.v1, tf_keras's legacy cells)."""
    import tensorflow as tf

    cells = tf.compat.v1.nn.rnn_cell
    members = {n: getattr(cells, n) for n in dir(cells) if not n.startswith("_")}
    members.update(renamed("rnn"))
    return _module("tf.contrib.rnn", members)


def data():
    """``tf.contrib.data``: TF 1.3's Dataset classes (tf.compat.v1.data) and TF 1.4+'s transformations."""
    import tensorflow as tf

    v1 = tf.compat.v1.data
    members = {n: getattr(v1, n) for n in ("Dataset", "FixedLengthRecordDataset", "Iterator", "TFRecordDataset",
                                           "TextLineDataset")}
    members.update(renamed("data"))
    return _module("tf.contrib.data", members)


def framework():
    """``tf.contrib.framework``: tf_slim's (arg_scope, variables, ...), with TF's renames (nest, sort, ...)."""
    import tensorflow as tf

    slim = libraries.slim()
    members = {n: getattr(slim, n) for n in dir(slim) if not n.startswith("_")}
    members.update(renamed("framework"))
    members["nest"] = tf.nest  # tf.contrib.framework.nest.* -> tf.nest.* (all_renames_v2)
    return _module("tf.contrib.framework", members)


def training():
    """``tf.contrib.training``: tf_slim's training (create_train_op, train, ...) and TF's renames."""
    slim = libraries.slim()
    members = {n: getattr(slim.training, n) for n in dir(slim.training) if not n.startswith("_")}
    members.update(renamed("training"))
    return _module("tf.contrib.training", members)


def util():
    """``tf.contrib.util``: tensor_util's constant_value / make_tensor_proto / make_ndarray (TF 1.x's own)."""
    from tensorflow.python.framework import tensor_util

    return _module("tf.contrib.util", {"constant_value": tensor_util.constant_value,
                                       "make_tensor_proto": tensor_util.make_tensor_proto,
                                       "make_ndarray": tensor_util.MakeNdarray})


def factorization():
    """``tf.contrib.factorization``' KMeans: the same clustering_ops class, moved into TF core (training_graph()
    returns the 6-tuple of TF 1.3 - 1.15)."""
    from tensorflow.python.ops import clustering_ops

    return _module("tf.contrib.factorization", {n: getattr(clustering_ops, n) for n in (
        "KMeans", "COSINE_DISTANCE", "SQUARED_EUCLIDEAN_DISTANCE", "RANDOM_INIT", "KMEANS_PLUS_PLUS_INIT",
        "KMC2_INIT")})


def lookup():
    """``tf.contrib.lookup``: lookup_ops, where TF 1.x's contrib.lookup came from (HashTable, index_table_*)."""
    from tensorflow.python.ops import lookup_ops

    names = ("HashTable", "KeyValueTensorInitializer", "IdTableWithHashBuckets", "MutableHashTable",
             "MutableDenseHashTable", "TextFileInitializer", "TextFileIndex", "index_table_from_file",
             "index_table_from_tensor", "index_to_string_table_from_file", "index_to_string_table_from_tensor",
             "LookupInterface", "InitializableLookupTableBase", "HasherSpec", "FastHashSpec", "StrongHashSpec",
             "TextFileIdTableInitializer", "TextFileStringTableInitializer")
    return _module("tf.contrib.lookup", {n: getattr(lookup_ops, n) for n in names if hasattr(lookup_ops, n)})


def tfprof():
    """``tf.contrib.tfprof`` (TF 1.3): model_analyzer over tensorflow.python.profiler, which TF 2.21 still has.

    TF 1.3's ``print_model_analysis(graph, run_meta, op_log, tfprof_cmd, tfprof_options)`` returned
    ``model_analyzer.profile(graph, run_meta, op_log, tfprof_cmd, tfprof_options)``; its option dicts are
    ProfileOptionBuilder's (the same keys, plus ``step`` / ``min_occurrence`` that later TF added).
    """
    from tensorflow.python.profiler import model_analyzer, option_builder, tfprof_logger

    def print_model_analysis(graph, run_meta=None, op_log=None, tfprof_cmd="scope", tfprof_options=0):
        return model_analyzer.profile(graph, run_meta, op_log, tfprof_cmd, tfprof_options)

    builder = option_builder.ProfileOptionBuilder
    analyzer = _module("tf.contrib.tfprof.model_analyzer", {
        "print_model_analysis": print_model_analysis, "advise": model_analyzer.advise,
        "ALL_ADVICE": model_analyzer.ALL_ADVICE, "Profiler": model_analyzer.Profiler,
        "TRAINABLE_VARS_PARAMS_STAT_OPTIONS": builder.trainable_variables_parameter(),
        "FLOAT_OPS_OPTIONS": builder.float_operation(), "PRINT_ALL_TIMING_MEMORY": builder.time_and_memory()})
    return _module("tf.contrib.tfprof", {"model_analyzer": analyzer, "tfprof_logger": tfprof_logger})


def keras():
    """``tf.contrib.keras`` (TF 1.2 - 1.4): Keras 2 on TF1, tf_keras's v1 API."""
    from tf_keras.api._v1 import keras as k

    return k


def distributions():
    """``tf.contrib.distributions``: TensorFlow Probability's distributions (imported on first use: 2 s)."""
    import tensorflow_probability as tfp

    return tfp.distributions


# ---- tf.contrib.learn.datasets (TF 1.3's learn/python/learn/datasets), never downloading ----

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

base = _module("tf.contrib.learn.datasets.base", {
    "Dataset": Dataset, "Datasets": Datasets, "load_csv_with_header": load_csv_with_header,
    "load_csv_without_header": load_csv_without_header, "load_iris": load_iris, "load_boston": load_boston,
    "maybe_download": maybe_download})
mnist = _module("tf.contrib.learn.datasets.mnist", {
    **{k: v for k, v in vars(input_data).items() if not k.startswith("_")}, "load_mnist": load_mnist})


def build(namespace):
    """The ``tf.contrib`` namespace, with ``namespace`` the facade's Namespace class."""

    def package(path, base_=None, overrides=None):
        ns = namespace(path, base_, overrides)
        # a package under its import name: `import tensorflow.contrib.<x>` and `from tensorflow.contrib
        # import <x>` (which imports "<__name__>.<x>" when the attribute is missing) ask ContribFinder
        ns.__path__ = []
        ns.__name__ = "tensorflow." + path[3:]
        return ns

    def slim_view(path):
        # contrib.layers / slim: tf_slim, with TF 1.x's flatten and batch_norm structure (op_structure)
        from . import op_structure
        from .facade import Lazy

        return package(path, libraries.slim, {"flatten": op_structure.contrib_flatten, "batch_norm": Lazy(
            lambda: op_structure.contrib_batch_norm(libraries.slim().batch_norm))})

    datasets = package("tf.contrib.learn.datasets", None, {
        "mnist": mnist, "base": base, "DATASETS": DATASETS, "load_dataset": load_dataset,
        "load_iris": load_iris, "load_boston": load_boston})
    learn_python = package("tf.contrib.learn.python", None, {
        "learn": package("tf.contrib.learn.python.learn", None, {"datasets": datasets})})
    return package("tf.contrib", None, {
        "layers": slim_view("tf.contrib.layers"),
        "slim": slim_view("tf.contrib.slim"),
        "framework": package("tf.contrib.framework", framework),
        "rnn": package("tf.contrib.rnn", rnn),
        "learn": package("tf.contrib.learn", None, {"datasets": datasets, "python": learn_python}),
        "metrics": package("tf.contrib.metrics", lambda: libraries.slim().metrics),
        "losses": package("tf.contrib.losses", lambda: libraries.slim().losses),
        "training": package("tf.contrib.training", training),
        "data": package("tf.contrib.data", data),
        "keras": package("tf.contrib.keras", keras),
        "distributions": package("tf.contrib.distributions", distributions),
        "util": package("tf.contrib.util", util),
        "factorization": package("tf.contrib.factorization", factorization),
        "lookup": package("tf.contrib.lookup", lookup),
        "tfprof": package("tf.contrib.tfprof", tfprof),
    })


class ContribFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import tensorflow.contrib.X[.Y]`` and ``from tensorflow.contrib[.X] import Y``: the facade's objects.

    A name the runtime does not provide is a ModuleNotFoundError with the same text as the
    attribute lookup (its TF 2 replacement), not "cannot import name ... (unknown location)".
    """

    def __init__(self, contrib):
        self._contrib = contrib
        self._found = {}

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith(PREFIX + "."):
            return None
        name = "tf" + fullname[len("tensorflow"):]
        obj = self._contrib
        with migration.not_recording():
            for part in name.split(".")[2:]:
                try:
                    obj = getattr(obj, part)
                except AttributeError as exc:
                    # name=None: the import system passes a ModuleNotFoundError for the very name it
                    # asked on as "cannot import name"; this one's text must reach the user
                    raise ModuleNotFoundError(str(exc)) from None
        if not isinstance(obj, types.ModuleType):
            raise ModuleNotFoundError(f"No module named {fullname!r} ({name} is a {type(obj).__name__}, not a module)")
        self._found[fullname] = obj, getattr(obj, "__spec__", None)
        return importlib.util.spec_from_loader(fullname, self, is_package=True)

    def create_module(self, spec):
        return self._found[spec.name][0]

    def exec_module(self, module):
        # the import system set this alias's spec on a shared module (tf_slim's, tfp's): give its own back
        original = self._found.pop(module.__spec__.name, (None, None))[1]
        if original is not None:
            module.__spec__ = original


def install(contrib):
    """Put ContribFinder first on sys.meta_path (idempotent)."""
    import sys

    if not any(isinstance(f, ContribFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, ContribFinder(contrib))
