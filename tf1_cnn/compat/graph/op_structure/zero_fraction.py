"""TF 1.3.0 / 1.4.1's ``tf.nn.zero_fraction``.

TF 1.0-1.4 compared the value with a zero of its dtype and averaged the result (``zero_fraction/``:
the Const ``zero``, Equal, Cast to float32, the reduction axes, Mean: 5 ops). From 1.5 (and in TF
2.21) it counts the non-zeros in a ``tf.cond`` on the size (int32 or int64 counts), 26 ops. Scripts
call it for every activation summary (``tf.summary.scalar('sparsity', tf.nn.zero_fraction(x))``),
so each summary shifted the op seeds of the draws after it (observed on TF 1.3.0 / 1.4.1 / 1.15.5:
op-table cases ``zero_fraction*``).
"""
import functools

import tensorflow as tf

from ... import settings

_v1 = tf.compat.v1


def zero_fraction_1x(original):
    """``tf.nn.zero_fraction(value, name=None)`` -> a float32 scalar: the fraction of ``value``'s elements
    (any shape) equal to zero; TF 1.3.0/1.4.1's ops under ``--tf1-version`` 1.3 / 1.4."""
    @functools.wraps(original)
    def zero_fraction(value, name=None):
        if settings.current("tf1_version") not in ("1.3", "1.4") or tf.executing_eagerly():
            return original(value, name=name)
        with _v1.name_scope(name, "zero_fraction", [value]):
            value = tf.convert_to_tensor(value, name="value")
            zero = tf.constant(0, dtype=value.dtype, name="zero")
            return tf.reduce_mean(tf.cast(tf.equal(value, zero), tf.float32))

    zero_fraction._tf1_cnn_original = original
    return zero_fraction


def install():
    """Wrap ``nn_impl.zero_fraction`` and its exports (tf.nn, tf.math; tf_slim and contrib reach it as
    ``nn.zero_fraction``) for the process (idempotent)."""
    from tensorflow.python.ops import nn, nn_impl

    if hasattr(nn_impl.zero_fraction, "_tf1_cnn_original"):
        return
    wrapped = zero_fraction_1x(nn_impl.zero_fraction)
    nn_impl.zero_fraction = nn.zero_fraction = wrapped
    for module in (tf.compat.v1.nn, tf.compat.v1.math, tf.nn, tf.math):
        if hasattr(module, "zero_fraction"):
            setattr(module, "zero_fraction", wrapped)
