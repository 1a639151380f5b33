"""``tf.contrib.layers`` initializers as TF 1.x defined them.

``xavier_initializer(uniform=True, seed=None)`` was
``variance_scaling_initializer(factor=1.0, mode='FAN_AVG', uniform=uniform)``:
- uniform: U(-sqrt(3 / n), sqrt(3 / n)) with n = (fan_in + fan_out) / 2, which is
  exactly ``tf.compat.v1.glorot_uniform_initializer(seed)``: on TF 2.21, under
  ``set_random_seed(1)`` and seed 0 it gives the course's W1/W2 to the last digit;
- normal: a truncated normal with stddev sqrt(1.3 / n) (contrib's own constant,
  not the 0.8796 correction of the core initializers), built here as contrib did.
A ``seed`` pairs with the graph seed (``set_random_seed``) as in TF 1.x.
"""
import math

import tensorflow as tf

_v1 = tf.compat.v1


def _fans(shape):
    """(fan_in, fan_out) as contrib computed them: receptive field times in/out channels."""
    if len(shape) < 1:
        return 1.0, 1.0
    if len(shape) == 1:
        return float(shape[0]), float(shape[0])
    receptive = 1.0
    for d in shape[:-2]:
        receptive *= float(d)
    return float(shape[-2]) * receptive, float(shape[-1]) * receptive


class _XavierNormal:
    """contrib's truncated-normal Xavier: stddev sqrt(1.3 * factor / n), n = fan average."""

    def __init__(self, seed=None, dtype=tf.float32):
        self.seed, self.dtype = seed, dtype

    def __call__(self, shape, dtype=None, partition_info=None):
        fan_in, fan_out = _fans(list(shape))
        stddev = math.sqrt(1.3 / ((fan_in + fan_out) / 2.0))
        return _v1.random.truncated_normal(shape, 0.0, stddev, dtype or self.dtype, seed=self.seed)

    def get_config(self):
        return {"seed": self.seed, "dtype": self.dtype.name}


def xavier_initializer(uniform=True, seed=None, dtype=tf.float32):
    """``tf.contrib.layers.xavier_initializer``: Glorot uniform (default) or contrib's truncated normal."""
    if uniform:  # the dtype comes with each call (get_variable passes it)
        return _v1.glorot_uniform_initializer(seed=seed)
    return _XavierNormal(seed=seed, dtype=dtype)


xavier_initializer_conv2d = xavier_initializer


def variance_scaling_initializer(factor=2.0, mode="FAN_IN", uniform=False, seed=None, dtype=tf.float32):
    """``tf.contrib.layers.variance_scaling_initializer`` (He initialization by default)."""
    if mode not in ("FAN_IN", "FAN_OUT", "FAN_AVG"):
        raise ValueError(f"mode must be FAN_IN, FAN_OUT or FAN_AVG, got {mode!r}")
    if uniform:
        return _v1.variance_scaling_initializer(scale=factor, mode=mode.lower(), distribution="uniform", seed=seed)

    def init(shape, dtype_=None, partition_info=None):
        fan_in, fan_out = _fans(list(shape))
        n = {"FAN_IN": fan_in, "FAN_OUT": fan_out, "FAN_AVG": (fan_in + fan_out) / 2.0}[mode]
        return _v1.random.truncated_normal(shape, 0.0, math.sqrt(1.3 * factor / n), dtype_ or dtype, seed=seed)

    return init
