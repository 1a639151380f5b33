"""The helper module written beside migrated code (``tf1_migrated_helpers.py``), only when needed.

Plain TensorFlow 2 / NumPy, no tf1_cnn: the migrated code must run where only the
maintained packages are installed. Its parts, each written only when a migrated file
uses it:
- the fixes tf_slim 1.1 needs on TF 2.21 (``compat/libraries.py``'s, copied in), run on import;
- ``tf1_seed(site, seeds)``: a call site that drew several times with different op seeds
  under TF 1.x (a helper function called in a loop) gets its seeds as a list, consumed in order;
- ``dropout_tf1(x, keep_prob, ...)``: TF 1.0-1.12's dropout math (floor(keep_prob + U)),
  which TF 2's ``U >= rate`` equals only up to float rounding;
- ``load_dataset``, ``DATASETS``, ``load_csv_with_header``, ...: ``tf.contrib.learn.datasets`` (TF 1.3's);
- ``tf_estimator``: ``tf.estimator`` (tensorflow_estimator 2.15, with the stubs it needs on TF 2.21);
- ``inference``, ``loss``, ``training``, ``evaluation``: the tutorials' ``mnist`` module (gone from TF 2);
- ``read_data_sets``: ``tensorflow.examples.tutorials.mnist.input_data`` (gone from TF 2),
  the project's own reader (``tf1_cnn/input_data.py``) copied in, without downloads.
"""
import inspect
import re
from pathlib import Path

NAME = "tf1_migrated_helpers"

_HEADER = '''"""Helpers for code migrated from TensorFlow 1.x by `python -m tf1_cnn migrate`.

Plain TensorFlow 2 and NumPy; safe to edit or inline. What each function keeps of TF 1.x
is said beside it; MIGRATION.md lists where the migrated code uses them.
"""
'''

TF1_SEED = '''
import warnings as _warnings

_draws = {}


def tf1_seed(site, seeds):
    """The op seed TF 1.x gave the next draw at ``site``: ``seeds`` in order, one per call.

    Under TF 1.x an unseeded random op drew with the number of operations built before it,
    so one call site in a loop drew with a different op seed each time; these are those
    seeds, as recorded when the original code was migrated; None where the graph had no seed
    (TF 1.x drew at random there, as TensorFlow 2 does unseeded). Past the end of the list the
    draw is unseeded (TensorFlow 2's rule: numbers differ from TF 1.x), with a warning.
    """
    i = _draws.get(site, 0)
    _draws[site] = i + 1
    if i < len(seeds):
        return seeds[i]
    if i == len(seeds):
        _warnings.warn(f"{site}: more draws than recorded under TF 1.x ({len(seeds)}); "
                       f"later ones are unseeded and differ from TF 1.x")
    return None
'''

DROPOUT_TF1 = '''
import tensorflow.compat.v1 as _tf


def dropout_tf1(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None):
    """``tf.nn.dropout(x, keep_prob)`` with TF 1.0-1.12's math (nn_ops.dropout): x / keep_prob
    where floor(keep_prob + U[0, 1)) is 1, else 0; shape of x.

    TF 2's dropout keeps an element where U >= 1 - keep_prob and multiplies by 1 / keep_prob:
    the same draw, but rounding can differ in the last float32 digit.
    """
    if rate is not None:
        keep_prob = 1 - rate
    with _tf.name_scope(name, "dropout", [x]):
        x = _tf.convert_to_tensor(x, name="x")
        keep_prob = _tf.convert_to_tensor(keep_prob, dtype=x.dtype, name="keep_prob")
        if _tf.get_static_value(keep_prob) == 1:
            return x
        noise_shape = noise_shape if noise_shape is not None else _tf.shape(x)
        random_tensor = keep_prob + _tf.random_uniform(noise_shape, seed=seed, dtype=x.dtype)
        ret = _tf.div(x, keep_prob) * _tf.floor(random_tensor)
        ret.set_shape(x.get_shape())
        return ret
'''


def _tf_slim_source():
    """compat/libraries.py's fixes of tf_slim 1.1 for TF 2.21 (MOVED and _fix_slim_imports), copied in."""
    from ..compat import libraries

    moved = "".join(f"    {old!r}: {new!r},\n" for old, new in libraries.MOVED.items())
    return ('''

# --- tf_slim 1.1 on TensorFlow 2.21, as shipped, fails in batch_norm (a lazy import of
# tf_keras.legacy_tf_layers, which tf_keras 2.21 ships under tf_keras.src), in its Tensor checks
# (ops.Tensor moved to framework.tensor) and wherever it reaches a TF-internal name that TF 2.21
# moved (MOVED: old module and name -> where it is now; the same function or class).
import importlib
import sys

MOVED = {
''' + moved + "}\n\n\n" + inspect.getsource(libraries._fix_slim_imports) + '''

_fix_slim_imports()  # on import of this module: the migrated code imports it before using tf_slim
''')


def _input_data_source():
    """tf1_cnn/input_data.py without its module docstring and package import (a UserError of its own)."""
    from .. import input_data

    text = inspect.getsource(input_data)
    body = text.split('"""', 2)[2]  # after the module docstring
    body = body.replace("from .errors import UserError\n",
                        "\n\nclass UserError(ValueError):\n    \"\"\"A missing or malformed MNIST file.\"\"\"\n")
    return ('\n# --- tensorflow.examples.tutorials.mnist.input_data (TF 1.x semantics: validation split,\n'
            '# next_batch shuffling with NumPy\'s global generator, seeding from the graph seed) ---\n' + body
            + "\n_announce.append(True)  # TF 1.x's reader printed `Extracting <path>` for every file it read\n")


def _tutorials_mnist_source():
    """tf1_cnn/compat/tutorials_mnist.py (plain TensorFlow) without its module docstring."""
    from ..compat import tutorials_mnist

    body = inspect.getsource(tutorials_mnist).split('"""', 2)[2]
    return ("\n# --- tensorflow.examples.tutorials.mnist.mnist: the TF 1.x tutorial's model functions "
            "(1.0-1.4's text) ---\n" + body)


def _estimator_source():
    """tensorflow_estimator 2.15 on TF 2.21: compat/estimator.py's five stubs (copied in, plain
    TensorFlow), then its v1 API (TF 1.x's ``tf.estimator``) imported without the end-of-life notice."""
    from ..compat import estimator

    parts = [estimator.RemovedError, estimator._Removed, estimator._removed_class, estimator._add_module,
             estimator._shim_tensorflow]
    body = "\n\n".join(inspect.getsource(obj) for obj in parts).replace("; not provided by tf1_cnn", "")
    return ('''
# --- tf.estimator: tensorflow_estimator 2.15.0 (the last release; TF 1.x's v1 API) on TensorFlow 2.21.
# It imports five TF-internal names at module level that TF 2.16+ removed; the stubs below put them
# back. Each is used only for TPUs or TF 2 distribution strategies, and says so if reached.
import sys
import types


''' + body + '''

def _estimator_v1():
    """tensorflow_estimator's v1 API (``tf.estimator`` of TF 1.x: Estimator with export_savedmodel,
    the canned estimators, train_and_evaluate, inputs, RunConfig reading TF_CONFIG)."""
    import importlib
    import os

    from tensorflow.python.util import deprecation

    if os.environ.get("TF_USE_LEGACY_KERAS") != "1":
        raise ImportError("tf_estimator needs Keras 2: set os.environ['TF_USE_LEGACY_KERAS'] = '1' "
                          "before TensorFlow is imported (the migrated file does this at its top)")
    _shim_tensorflow()
    deprecated = deprecation.deprecated

    def export_notice_skipped(date, instructions, *args, **kwargs):
        # estimator_export wraps every exported symbol, TF's own hooks too, in this notice, which
        # would print "Use tf.keras instead." at each construction: TF 1.x printed nothing
        if date is None and instructions == "Use tf.keras instead.":
            return lambda symbol: symbol
        return deprecated(date, instructions, *args, **kwargs)

    deprecation.deprecated = export_notice_skipped
    try:
        return importlib.import_module("tensorflow_estimator.python.estimator.api._v1.estimator")
    finally:
        deprecation.deprecated = deprecated


tf_estimator = _estimator_v1()
''')


def _learn_datasets_source():
    """``tf.contrib.learn.datasets`` (TF 1.3's: mnist, base, DATASETS, load_dataset) from compat/contrib/,
    copied in; its mnist reader is this module's ``read_data_sets`` (the input_data part)."""
    from ..compat.contrib import learn_datasets as contrib

    body = "\n\n".join(inspect.getsource(f) for f in (
        contrib.load_csv_with_header, contrib.load_csv_without_header, contrib._shipped_csv,
        contrib.maybe_download, contrib.load_mnist, contrib.load_dataset))
    body = body.replace("input_data.read_data_sets", "read_data_sets").replace(
        " and is not part of \"\n                f\"tf1_cnn;", " and is not\"\n                f\" here;").replace(
        ", and nothing is downloaded under tf1_cnn legacy;", ", and nothing is downloaded;")
    return ('''
# --- tf.contrib.learn.datasets (TF 1.3's learn/python/learn/datasets: base, mnist), never downloading;
# migrated code calls these as tf1_migrated_helpers.NAME, and imports of its mnist / base are this module
import collections as _collections
import csv

import numpy as np

Dataset = _collections.namedtuple("Dataset", ["data", "target"])


''' + body + '''


load_iris = _shipped_csv("load_iris", "iris.csv")
load_boston = _shipped_csv("load_boston", "boston_house_prices.csv")
DATASETS = {"iris": load_iris, "boston": load_boston, "mnist": load_mnist}  # dbpedia downloads: not here
''')


PARTS = {"tf_slim": _tf_slim_source, "tutorials_mnist": _tutorials_mnist_source,
         "tf1_seed": lambda: TF1_SEED, "dropout_tf1": lambda: DROPOUT_TF1, "input_data": _input_data_source,
         "learn_datasets": _learn_datasets_source, "estimator": _estimator_source}


def module_text(needs):
    """The helper module with the parts in ``needs`` (names of PARTS)."""
    return _HEADER + "".join(PARTS[name]() for name in PARTS if name in needs)
