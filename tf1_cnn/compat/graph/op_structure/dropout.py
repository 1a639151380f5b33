"""TF 1.x's dropout: ``tf.nn.dropout`` and the dropout of ``tf.layers`` / contrib / slim.

Two structures, by ``--tf1-version``:

- 1.3, 1.4 (``nn_ops.dropout`` of TF 1.0-1.12): keep_prob + U[0, 1), floored, times
  x / keep_prob: 11 ops for a placeholder keep_prob, draw after 3 (Shape, min, max).
- 1.15 (TF 1.13-1.15: the v1 ``nn.dropout`` computes ``rate = 1. - keep_prob`` and calls
  ``dropout_v2``): U[0, 1) >= rate, times x * (1 / (1 - rate)): 17 ops for a placeholder
  keep_prob (its Sub outside the scope), draw after 5.

TensorFlow 2.21 builds neither (a SelectV2 mask, 8-10 ops). ``tf.layers.dropout``,
``tf.contrib.layers.dropout`` and ``slim.dropout`` reach TF 2.21's dropout through
tf_keras's ``RandomGenerator.dropout``; ``keras_dropout`` wraps that method so the
layers build the same TF 1.x ops as their TF 1.x versions did (the 1.3/1.4 layer
passed ``keep_prob = 1 - rate``, the 1.15 layer ``rate``).
"""
import functools
import numbers

import tensorflow as tf
from tensorflow.python.eager import context
from tensorflow.python.framework import random_seed, tensor_shape

from ... import settings

_v1 = tf.compat.v1


def random_uniform_1x(shape, seed, dtype):
    """U[0, 1) as TF 1.x's random_ops.random_uniform built it (7 ops: shape, min, max, draw, Sub, Mul, Add)."""
    with _v1.name_scope(None, "random_uniform", [shape]) as scope:
        minval = tf.constant(0, dtype, name="min")
        maxval = tf.constant(1, dtype, name="max")
        seed1, seed2 = random_seed.get_seed(seed)  # after the constants, as in TF 1.x
        rnd = tf.raw_ops.RandomUniform(shape=shape, dtype=dtype, seed=seed1, seed2=seed2)
        return tf.add(rnd * (maxval - minval), minval, name=scope)


def _check_float(x):
    if not x.dtype.is_floating:
        raise ValueError(f"x has to be a floating point tensor since it's going to be scaled. Got a {x.dtype} tensor instead.")


def dropout_1_0(x, keep_prob, noise_shape=None, seed=None, name=None):
    """TF 1.0-1.12's ``nn_ops.dropout`` (x: any shape; keep_prob: scalar): shape of x."""
    with _v1.name_scope(name, "dropout", [x]):
        x = tf.convert_to_tensor(x, name="x")
        if isinstance(keep_prob, numbers.Real) and not 0 < keep_prob <= 1:
            raise ValueError(f"keep_prob must be a scalar tensor or a float in the range (0, 1], got {keep_prob}")
        keep_prob = tf.convert_to_tensor(keep_prob, dtype=x.dtype, name="keep_prob")
        keep_prob.shape.assert_is_compatible_with(tensor_shape.TensorShape([]))
        if tf.get_static_value(keep_prob) == 1:
            return x
        noise_shape = noise_shape if noise_shape is not None else tf.shape(x)
        random_tensor = keep_prob + random_uniform_1x(noise_shape, seed, x.dtype)
        binary_tensor = tf.floor(random_tensor)  # 0. if [keep_prob, 1.0), 1. if [1.0, 1.0 + keep_prob)
        ret = tf.raw_ops.RealDiv(x=x, y=keep_prob, name="div") * binary_tensor  # math_ops.div
        ret.set_shape(x.shape)
        return ret


def _noise_shape_1_15(x, noise_shape):
    """TF 1.15's ``nn_ops._get_noise_shape``."""
    if noise_shape is None:
        return tf.shape(x)
    try:
        given = tensor_shape.as_shape(noise_shape)
    except (TypeError, ValueError):
        return noise_shape
    if x.shape.dims is not None and len(x.shape.dims) == len(given.dims):
        return tensor_shape.TensorShape([d if n is None and d is not None else n
                                         for d, n in zip(x.shape.as_list(), given.as_list())])
    return noise_shape


def dropout_v2_1_15(x, rate, noise_shape=None, seed=None, name=None):
    """TF 1.13-1.15's ``nn_ops.dropout_v2`` (x: any float shape; rate: scalar): shape of x."""
    with _v1.name_scope(name, "dropout", [x]):
        x = tf.convert_to_tensor(x, name="x")
        _check_float(x)
        if isinstance(rate, numbers.Real):
            if not 0 <= rate < 1:
                raise ValueError(f"rate must be a scalar tensor or a float in the range [0, 1), got {rate}")
            if rate == 0:
                return x
        rate = tf.convert_to_tensor(rate, dtype=x.dtype, name="rate")
        rate.shape.assert_has_rank(0)
        if tf.get_static_value(rate) == 0:
            return x
        noise_shape = _noise_shape_1_15(x, noise_shape)
        if isinstance(noise_shape, tensor_shape.TensorShape):
            noise_shape = noise_shape.as_list()
        random_tensor = random_uniform_1x(noise_shape, seed, x.dtype)
        keep_prob = 1 - rate
        scale = 1 / keep_prob
        keep_mask = random_tensor >= rate
        ret = x * scale * tf.cast(keep_mask, x.dtype)
        ret.set_shape(x.shape)
        return ret


def dropout(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None):
    """``tf.nn.dropout(x, keep_prob)``: x / keep_prob on a kept element, 0 elsewhere; shape of x.

    TF 1.0-1.12's ops under 1.3 and 1.4, TF 1.13-1.15's under 1.15 (module docstring).
    ``rate`` (TF 1.13+) is accepted under every version, as 1 - keep_prob.
    """
    if keep_prob is not None and rate is not None:
        raise ValueError("give keep_prob or rate, not both")
    if keep_prob is None and rate is None:
        raise ValueError("dropout needs keep_prob (or rate)")
    if context.executing_eagerly():
        return _v1.nn.dropout(x, keep_prob, noise_shape=noise_shape, seed=seed, name=name, rate=rate)
    if settings.current("tf1_version") in ("1.3", "1.4"):
        return dropout_1_0(x, 1 - rate if keep_prob is None else keep_prob, noise_shape, seed, name)
    if keep_prob is not None:  # TF 1.15's v1 wrapper: outside the dropout scope
        rate = 1. - keep_prob
    return dropout_v2_1_15(x, rate, noise_shape, seed, name)


def keras_dropout(original):
    """tf_keras's ``RandomGenerator.dropout`` (what the TF1 Dropout layers call), TF 1.x's ops.

    TF 1.0-1.12's Dropout layer called ``nn.dropout(inputs, 1 - self.rate, ...)``,
    1.13-1.15's ``nn.dropout(inputs, rate=self.rate, ...)``.
    """
    @functools.wraps(original)
    def method(self, inputs, rate, noise_shape=None):
        self._maybe_init()
        if self._rng_type in (self.RNG_STATEFUL, self.RNG_STATELESS) or context.executing_eagerly():
            return original(self, inputs, rate, noise_shape)
        seed = self.make_legacy_seed()
        if settings.current("tf1_version") in ("1.3", "1.4"):
            return dropout_1_0(inputs, 1 - rate, noise_shape, seed)
        return dropout_v2_1_15(inputs, rate, noise_shape, seed)

    method._tf1_cnn_original = original
    return method
