"""The TF1 runtime: TF 1.x's namespace, seed rule and op structures on TensorFlow 2.21.

One module per concern, a folder per family:
- ``settings``: the seed rule ("tf1" / "tf2") and TF 1.x version ("1.3" / "1.4" / "1.15") in force;
- ``graph/``: TF 1.x's op-seed rule, op structures (and the oracle's op tables), op types, names;
- ``contrib/``: ``tf.contrib``, one module per contrib package as TF 1.15's tree had;
- ``era/``: NumPy's, SciPy's, Python's and TensorFlow-internal names of the era;
- ``printing/``: what Keras 2.0.8 / TF 1.15's tf.keras, TF 1.x's logging and NumPy 1.13 / 1.16 printed;
- ``libraries``: tf_keras's TF1 layers and tf_slim (contrib), with tf_slim's fixes;
- ``estimator``: tensorflow_estimator 2.15 behind ``tf.estimator``, its import shim, TF 1.3's seed default;
- ``facade``: ``tf1``, TF 1.x's ``tensorflow`` namespace, patching nothing global;
- ``migration``: the name tables (TF1-only names, their TF2 replacements, where used);
- ``install``: patch the process for unmodified TF1 code (``legacy`` calls it);
- ``keras2``: Keras 2 under ``import keras``.

``from tf1_cnn.compat import tf1 as tf`` patches nothing global: build graphs inside
``with tf.Graph().as_default():`` (as the project's own code does), or call
``install()`` first to switch the whole process to TF1 graph mode.
"""
from ..lazy import lazy_exports
from .install import install  # noqa: F401  (binds the name over the submodule; imports no TensorFlow)
from .settings import configure, using  # noqa: F401

# the facade imports TensorFlow: loaded on first use, so the command line can read settings' choices
__getattr__ = lazy_exports(__name__, {"tf1": "facade"})
