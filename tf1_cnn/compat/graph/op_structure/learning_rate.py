"""TF 1.3.0 / 1.4.1's ``tf.train.exponential_decay``.

TF 1.3.0/1.4.1 (oracle) built it in place: the rate as ``learning_rate``, then casts of the
global step (``Cast``), ``decay_steps`` (``Cast_1``) and ``decay_rate`` (``Cast_2``) in that
order, ``truediv``, ``Floor`` (staircase), ``Pow`` and the ``Mul`` named by the scope. From
1.10 (and in TF 2.21) it is a ``LearningRateSchedule``: ``initial_learning_rate`` and the
casts in another order; under ``--tf1-version 1.15`` TensorFlow's own is used.
"""
import functools

import tensorflow as tf
from tensorflow.python.framework import ops
from tensorflow.python.ops import math_ops

from ... import settings


def exponential_decay_1_3(original):
    """``exponential_decay(learning_rate, global_step, decay_steps, decay_rate, staircase, name)`` -> scalar."""
    @functools.wraps(original)
    def exponential_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False, name=None):
        if settings.current("tf1_version") not in ("1.3", "1.4") or tf.executing_eagerly():
            return original(learning_rate, global_step, decay_steps, decay_rate, staircase=staircase, name=name)
        if global_step is None:
            raise ValueError("global_step is required for exponential_decay.")
        with ops.name_scope(name, "ExponentialDecay", [learning_rate, global_step, decay_steps, decay_rate]) as name:
            learning_rate = ops.convert_to_tensor(learning_rate, name="learning_rate")
            dtype = learning_rate.dtype
            global_step = math_ops.cast(global_step, dtype)
            decay_steps = math_ops.cast(decay_steps, dtype)
            decay_rate = math_ops.cast(decay_rate, dtype)
            p = global_step / decay_steps
            if staircase:
                p = math_ops.floor(p)
            return math_ops.multiply(learning_rate, math_ops.pow(decay_rate, p), name=name)

    exponential_decay._tf1_cnn_original = original
    return exponential_decay


def install():
    from tensorflow.python.training import learning_rate_decay

    for module in (tf.compat.v1.train, learning_rate_decay):
        current = getattr(module, "exponential_decay", None)
        if current is not None and not hasattr(current, "_tf1_cnn_original"):
            module.exponential_decay = exponential_decay_1_3(current)
