"""The maintained libraries behind the runtime, loaded once, with the fixes TF 2.21 needs.

- ``legacy_layers()``: tf_keras's ``tf.compat.v1.layers`` (the real TF1 layer
  functions, variables through get_variable). Reached directly, so the project's
  own graphs need no ``TF_USE_LEGACY_KERAS``.
- ``slim()``: tf_slim 1.1, the maintained copy of ``tf.contrib.layers`` /
  ``tf.contrib.slim`` / ``tf.contrib.framework`` (TF 1.15's code). Two defects as
  shipped are fixed here, before its batch_norm is used:
  1. ``tensorflow.python.layers.normalization`` lazy-loads
     ``tf_keras.legacy_tf_layers.normalization``; tf_keras 2.21 ships it as
     ``tf_keras.src.legacy_tf_layers.normalization``: the old path is registered
     as an alias of the new one.
  2. tf_slim tests ``isinstance(x, ops.Tensor)``; TF 2.21 moved the class to
     ``tensorflow.python.framework.tensor.Tensor`` and dropped the alias: it is
     restored (the same class, so nothing else changes).
"""
import sys

_cache = {}


def legacy_layers():
    """tf_keras's TF1 layers module (dense, conv2d, batch_normalization, ...)."""
    if "layers" not in _cache:
        from tf_keras.api._v1.keras.__internal__.legacy import layers

        _cache["layers"] = layers
    return _cache["layers"]


def _fix_slim_imports():
    from tensorflow.python.framework import ops, tensor

    if not hasattr(ops, "Tensor"):
        ops.Tensor = tensor.Tensor
    import tf_keras.src.legacy_tf_layers as new_layers
    from tf_keras.src.legacy_tf_layers import normalization

    sys.modules.setdefault("tf_keras.legacy_tf_layers", new_layers)
    sys.modules.setdefault("tf_keras.legacy_tf_layers.normalization", normalization)


def slim():
    """The tf_slim package, its batch_norm working on TF 2.21."""
    if "slim" not in _cache:
        _fix_slim_imports()
        import tf_slim

        _cache["slim"] = tf_slim
    return _cache["slim"]
