"""``tf.saturate_cast`` as TF 1.3.0 / 1.4.1 / 1.15.5 built it for real dtypes.

TF 1.x (oracle, op-table case ``image_adjust_brightness_uint8``: ``convert_image_dtype`` back to uint8 with
``saturate=True``) clamped with ``Maximum`` of a Const ``min`` and ``Minimum`` of a Const ``max`` (each only
where the input dtype's range exceeds the output's), then the Cast named by the scope. TF 2.21 builds two
Consts and one ``ClipByValue`` named ``clamp`` (one op fewer), with bounds nudged to representable values.
Complex inputs and eager execution keep TensorFlow's own.
"""
import functools

import tensorflow as tf
from tensorflow.python.framework import dtypes, ops
from tensorflow.python.ops import gen_math_ops


def saturate_cast_1x(original):
    """Wrap ``math_ops.saturate_cast(value, dtype, name=None)`` -> ``value`` clamped to ``dtype``'s range, cast."""
    @functools.wraps(original)
    def saturate_cast(value, dtype, name=None):
        if tf.executing_eagerly():
            return original(value, dtype, name=name)
        with ops.name_scope(name, "saturate_cast", [value]) as scope:
            value = ops.convert_to_tensor(value, name="value")
            dtype = dtypes.as_dtype(dtype).base_dtype
            if value.dtype.is_complex or dtype.is_complex:
                return original(value, dtype, name=scope)
            if value.dtype.min < dtype.min:
                value = gen_math_ops.maximum(value, ops.convert_to_tensor(dtype.min, dtype=value.dtype, name="min"))
            if value.dtype.max > dtype.max:
                value = gen_math_ops.minimum(value, ops.convert_to_tensor(dtype.max, dtype=value.dtype, name="max"))
            return tf.cast(value, dtype, name=scope)

    saturate_cast._tf1_cnn_original = original
    return saturate_cast


def install():
    """Wrap ``math_ops.saturate_cast`` and its exports for the process (idempotent)."""
    from tensorflow.python.ops import math_ops  # convert_image_dtype calls math_ops.saturate_cast

    from ._wrapping import wrap_exported

    wrap_exported(math_ops, "saturate_cast", saturate_cast_1x,
                  (tf.compat.v1, tf.compat.v2, tf, tf.dtypes, tf.compat.v1.dtypes))
