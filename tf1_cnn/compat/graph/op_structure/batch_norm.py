"""``tf.layers.batch_normalization`` / ``BatchNormalization`` (and slim's / contrib's batch_norm through it) as
TF 1.3.0 and TF 1.15.5 built them, where tf_keras's TF1 layer builds other ops.

- TF 1.3.0 (oracle, op-table case ``layers_batch_norm``): the layer created ``beta`` before ``gamma``
  (then the moving mean and variance); tf_keras creates gamma first. Same ops, other names at each index.
- TF 1.15.5 (op-table cases ``layers_batch_norm*``, ``slim_batch_norm``, ``grad_batch_norm``): the fused training step called
  ``fused_batch_norm`` without the moving statistics, so it made its two empty ``Const`` (mean, variance)
  before ``FusedBatchNormV3``; tf_keras passes the moving mean and variance in graph mode (ignored by the
  kernel in training: the exponential-average factor is 1), so it has two Consts fewer and, under a
  tensor ``training``, two more Switches into the cond. The values are the same. A fused layer without
  gamma (slim's and contrib's default ``scale=False``) or beta made their constant (``Const``) in build,
  before beta (TF 1.4.1 too); tf_keras makes it at each call. (TF 1.4.1 built its moving-average updates otherwise too:
  not mirrored.)

Only the TF1 layer class is changed (``tf_keras.src.legacy_tf_layers.normalization``), for the versions
named; Keras 2's layers keep theirs.
"""
import functools
import threading

import tensorflow as tf

from ... import settings
from ._wrapping import wrap

_local = threading.local()


def build_1x(original):
    """Wrap ``BatchNormalization.build(self, input_shape)``: TF 1.3.0's beta before gamma; TF 1.15.5's constant
    scale (offset) of a fused layer without gamma (beta) made in build (TF 1.4.1 too), before beta (the moving mean)."""
    @functools.wraps(original)
    def build(self, input_shape):
        version = settings.current("tf1_version")
        if version not in ("1.3", "1.4", "1.15") or tf.executing_eagerly():
            return original(self, input_shape)
        add_weight = self.add_weight
        made, consts = {}, {}

        def add_weight_1x(name=None, **kwargs):
            if version == "1.3" and self.center and self.scale:
                if name == "gamma":  # tf_keras asks for gamma, then beta, with the same shape and dtype
                    made["beta"] = add_weight(name="beta", **dict(
                        kwargs, initializer=self.beta_initializer, regularizer=self.beta_regularizer,
                        constraint=self.beta_constraint))
                elif name == "beta" and "beta" in made:
                    return made.pop("beta")
            if version in ("1.4", "1.15") and self.fused:
                dtype, shape = kwargs.get("dtype"), kwargs.get("shape")
                if name in ("beta", "moving_mean") and not self.scale and "gamma" not in consts:
                    consts["gamma"] = tf.constant(1.0, dtype=dtype, shape=shape)
                if name == "moving_mean" and not self.center and "beta" not in consts:
                    consts["beta"] = tf.constant(0.0, dtype=dtype, shape=shape)
            return add_weight(name=name, **kwargs)

        object.__setattr__(self, "add_weight", add_weight_1x)  # this build only, not tracked
        try:
            return original(self, input_shape)
        finally:
            object.__delattr__(self, "add_weight")
            object.__setattr__(self, "_tf1_cnn_consts", consts)

    build._tf1_cnn_original = original
    return build


def fused_without_moving_stats(original):
    """Wrap ``BatchNormalization._fused_batch_norm``: under 1.15 its training call omits the moving statistics;
    under 1.4 and 1.15 the constant scale / offset made in build (above) are used, not made again."""
    @functools.wraps(original)
    def _fused_batch_norm(self, inputs, *args, **kwargs):
        version = settings.current("tf1_version")
        if version not in ("1.4", "1.15") or tf.executing_eagerly():
            return original(self, inputs, *args, **kwargs)
        consts = getattr(self, "_tf1_cnn_consts", {})
        saved = {attr: self.__dict__.get(attr) for attr in ("scale", "gamma", "center", "beta")}
        if "gamma" in consts:
            object.__setattr__(self, "scale", True)
            object.__setattr__(self, "gamma", consts["gamma"])
        if "beta" in consts:
            object.__setattr__(self, "center", True)
            object.__setattr__(self, "beta", consts["beta"])
        previous, _local.omit = getattr(_local, "omit", False), version == "1.15"
        try:
            return original(self, inputs, *args, **kwargs)
        finally:
            _local.omit = previous
            for attr, value in saved.items():
                object.__setattr__(self, attr, value)

    _fused_batch_norm._tf1_cnn_original = original
    return _fused_batch_norm


def fused_batch_norm_1x(original):
    """Wrap ``tf.compat.v1.nn.fused_batch_norm``: inside the TF1 layer's fused call (above), a training step
    with the exponential-average factor 1 (or None: graph mode) gets no mean / variance, as TF 1.15.5's layer
    gave it; every other call is TensorFlow's."""
    @functools.wraps(original)
    def fused_batch_norm(x, scale, offset, mean=None, variance=None, epsilon=0.001, data_format="NHWC",
                         is_training=True, name=None, exponential_avg_factor=1.0):
        if getattr(_local, "omit", False) and is_training and exponential_avg_factor in (None, 1.0):
            mean = variance = None
            exponential_avg_factor = 1.0
        return original(x, scale, offset, mean=mean, variance=variance, epsilon=epsilon, data_format=data_format,
                        is_training=is_training, name=name, exponential_avg_factor=exponential_avg_factor)

    fused_batch_norm._tf1_cnn_original = original
    return fused_batch_norm


def mend_tf_keras():
    """Wrap the TF1 BatchNormalization layer and the v1 fused_batch_norm it calls (idempotent)."""
    from tf_keras.src.legacy_tf_layers import normalization

    cls = normalization.BatchNormalization
    for attr, wrapper in (("build", build_1x), ("_fused_batch_norm", fused_without_moving_stats)):
        if attr not in vars(cls):
            setattr(cls, attr, wrapper(getattr(cls, attr)))
    wrap(tf.compat.v1.nn, "fused_batch_norm", fused_batch_norm_1x)
