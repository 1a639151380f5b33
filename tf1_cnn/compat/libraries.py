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
  3. Every other TF-internal name tf_slim reaches as ``module.attr`` and TF 2.21
     moved (``MOVED``, found by reading tf_slim's sources; tests/test_libraries.py
     re-reads them and fails on any name still missing): the old attribute is set to
     the object at its new home, the same function or class, so behaviour is TF's own.
"""
import importlib
import sys

_cache = {}

# (module tf_slim imports, attribute it uses) -> (TF 2.21 module, attribute): where TF moved it.
# The users in tf_slim 1.1 are named beside each, so a reader sees what breaks without it.
MOVED = {
    # batch_norm with a tensor `is_training` (layers/utils.py smart_cond), streaming metrics,
    # the image decoder (data/tfexample_decoder.py): cond moved to ops/cond.py in TF 2.13
    ("tensorflow.python.ops.control_flow_ops", "cond"): ("tensorflow.python.ops.cond", "cond"),
    # tfexample_decoder.Image's format switch (every slim dataset pipeline)
    ("tensorflow.python.ops.control_flow_ops", "case"): ("tensorflow.python.ops.control_flow_case", "case"),
    # metrics/histogram_ops.py
    ("tensorflow.python.ops.control_flow_ops", "Assert"): ("tensorflow.python.ops.control_flow_assert", "Assert"),
    # losses/metric_learning.py
    ("tensorflow.python.ops.control_flow_ops", "while_loop"): ("tensorflow.python.ops.while_loop", "while_loop"),
    # layers.py (unit_norm, ...), tfexample_decoder, metric_ops
    ("tensorflow.python.ops.array_ops", "stack"): ("tensorflow.python.ops.array_ops_stack", "stack"),
    ("tensorflow.python.ops.array_ops", "unstack"): ("tensorflow.python.ops.array_ops_stack", "unstack"),
    # optimize_loss / learning.py / training.py clip and summarize sparse gradients
    ("tensorflow.python.framework.ops", "IndexedSlices"): ("tensorflow.python.framework.indexed_slices",
                                                           "IndexedSlices"),
    # ops/variables.py local_variable / global_variable: TF 1.15's variable_scope.variable built a
    # VariableV1 through the creator stack, which is what VariableV1(...) does in 2.21
    ("tensorflow.python.ops.variable_scope", "variable"): ("tensorflow.python.ops.variable_v1", "VariableV1"),
}


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
    for (old, attr), (new, new_attr) in MOVED.items():
        module = importlib.import_module(old)
        if not hasattr(module, attr):
            setattr(module, attr, getattr(importlib.import_module(new), new_attr))
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
