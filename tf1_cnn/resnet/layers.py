"""Keras-equivalent layers from raw TF1 graph ops, recorded for a Keras-like summary.

Each function creates its variables with ``tf.compat.v1.get_variable`` under the
layer's Keras name (``res2a_branch2a/kernel``, ``bn2a_branch2a/moving_mean``, ...)
and appends a :class:`LayerRecord` to the graph's ``RECORDS`` collection.

Initial values as seed 001's Keras layers:
- Conv2D / Dense kernels: glorot uniform with op seed 0 and no graph seed (so every
  kernel of one shape starts equal, as Keras' ``glorot_uniform(seed=0)`` does);
  measured on TF 2.21, the blocks then match the Keras blocks' outputs;
- biases zero;
- BatchNormalization over channels, Keras defaults: momentum 0.99, epsilon 1e-3,
  gamma 1, beta 0, moving mean 0, moving variance 1.
"""
from dataclasses import dataclass

import numpy as np
import tensorflow as tf

_v1 = tf.compat.v1
RECORDS = "tf1_cnn_layer_records"
BN_MOMENTUM = 0.99
BN_EPSILON = 1e-3


@dataclass
class LayerRecord:
    name: str
    kind: str  # Keras class name, for the summary
    output: tf.Tensor
    params: int = 0
    non_trainable: int = 0
    variables: tuple = ()  # (variable, ...) in Keras weight order


def record(name, kind, output, variables=(), non_trainable=0):
    params = int(sum(np.prod(v.shape.as_list()) for v in variables))
    _v1.add_to_collection(RECORDS, LayerRecord(name, kind, output, params, non_trainable, tuple(variables)))
    return output


def records(graph=None):
    return (graph or _v1.get_default_graph()).get_collection(RECORDS)


def auto_name(kind):
    """Keras-style names for unnamed layers: activation, activation_1, ... (counted per graph).

    The counts live in the graph's own collection, so a new graph starts from zero.
    """
    counts = _v1.get_default_graph().get_collection_ref("tf1_cnn_layer_name_counts")
    if not counts:
        counts.append({})
    n = counts[0].get(kind, 0)
    counts[0][kind] = n + 1
    return kind if n == 0 else f"{kind}_{n}"


def reset_layer_names():
    """Start auto_name's counts again (a second tower with the same layer names)."""
    _v1.get_default_graph().get_collection_ref("tf1_cnn_layer_name_counts")[:] = []


def kernel_initializer():
    # op seed 0, no graph seed: get_seed(0) pairs it with TF's default graph seed
    return _v1.glorot_uniform_initializer(seed=0)


def conv2d(X, filters, kernel_size, strides=1, padding="valid", name=None):
    """Conv2D: X (m, H, W, C) -> (m, H', W', filters); variables <name>/kernel (k, k, C, filters), <name>/bias."""
    name = name or auto_name("conv2d")
    with _v1.variable_scope(name):
        kernel = _v1.get_variable("kernel", [kernel_size, kernel_size, int(X.shape[-1]), filters],
                                  initializer=kernel_initializer())
        bias = _v1.get_variable("bias", [filters], initializer=_v1.zeros_initializer())
        out = tf.nn.bias_add(tf.nn.conv2d(X, kernel, strides=[1, strides, strides, 1], padding=padding.upper()), bias)
    return record(name, "Conv2D", out, (kernel, bias))


def batch_norm(X, name, training):
    """BatchNormalization over the last axis.

    ``training`` (a Python bool or a boolean tensor): True normalizes with the batch's
    mean and variance and adds the moving-average updates to ``UPDATE_OPS``; False
    uses the moving averages (inference). The moving variance is updated with the
    unbiased batch variance, as Keras 2 (fused) and TF's fused batch norm do.
    """
    C = int(X.shape[-1])
    with _v1.variable_scope(name):
        gamma = _v1.get_variable("gamma", [C], initializer=_v1.ones_initializer())
        beta = _v1.get_variable("beta", [C], initializer=_v1.zeros_initializer())
        moving_mean = _v1.get_variable("moving_mean", [C], initializer=_v1.zeros_initializer(), trainable=False)
        moving_var = _v1.get_variable("moving_variance", [C], initializer=_v1.ones_initializer(), trainable=False)

        def normalize(mean, var):
            return tf.nn.batch_normalization(X, mean, var, beta, gamma, BN_EPSILON)

        def batch_moments():
            mean, var = tf.nn.moments(X, axes=[0, 1, 2])
            n = tf.cast(tf.reduce_prod(tf.shape(X)[:-1]), X.dtype)
            unbiased = var * n / tf.maximum(n - 1.0, 1.0)
            for v, value in ((moving_mean, mean), (moving_var, unbiased)):
                _v1.add_to_collection(_v1.GraphKeys.UPDATE_OPS,
                                      _v1.assign_sub(v, (v - value) * (1.0 - BN_MOMENTUM)))
            return mean, var

        if isinstance(training, bool):
            # A static flag: TensorFlow's fused kernel (FusedBatchNormV3), as Keras 2 used. In training
            # it keeps only (C,) statistics for the gradient instead of the unfused ops' full-size
            # intermediates, and returns the batch variance already Bessel-corrected for the update.
            out, mean, var = _v1.nn.fused_batch_norm(
                X, gamma, beta, None if training else moving_mean, None if training else moving_var,
                epsilon=BN_EPSILON, is_training=training)
            if training:
                for v, value in ((moving_mean, mean), (moving_var, var)):
                    _v1.add_to_collection(_v1.GraphKeys.UPDATE_OPS,
                                          _v1.assign_sub(v, (v - value) * (1.0 - BN_MOMENTUM)))
        else:
            # Select the (C,) statistics, not the normalized tensors: no control flow, one
            # normalization, and the update ops (built from the batch moments) stay reachable.
            mean, var = batch_moments()
            out = normalize(tf.where(training, mean, moving_mean), tf.where(training, var, moving_var))
    return record(name, "BatchNormalization", out, (gamma, beta, moving_mean, moving_var), non_trainable=2 * C)


def activation(X, name=None):
    name = name or auto_name("activation")
    return record(name, "Activation", tf.nn.relu(X, name=name))


def add(a, b, name=None):
    name = name or auto_name("add")
    return record(name, "Add", tf.add(a, b, name=name))


def zero_padding(X, pad, name=None):
    name = name or auto_name("zero_padding2d")
    return record(name, "ZeroPadding2D", tf.pad(X, [[0, 0], [pad, pad], [pad, pad], [0, 0]], name=name))


def max_pool(X, size, stride, name=None):
    name = name or auto_name("max_pooling2d")
    return record(name, "MaxPooling2D", tf.nn.max_pool2d(X, size, stride, "VALID", name=name))


def avg_pool(X, size, name=None):
    name = name or auto_name("average_pooling2d")
    return record(name, "AveragePooling2D", tf.nn.avg_pool2d(X, size, size, "VALID", name=name))


def flatten(X, name=None):
    name = name or auto_name("flatten")
    size = int(np.prod(X.shape.as_list()[1:]))
    return record(name, "Flatten", tf.reshape(X, [-1, size], name=name))


def dense(X, units, name):
    """Dense: X (m, n) -> logits (m, units); variables <name>/kernel (n, units), <name>/bias."""
    with _v1.variable_scope(name):
        kernel = _v1.get_variable("kernel", [int(X.shape[-1]), units], initializer=kernel_initializer())
        bias = _v1.get_variable("bias", [units], initializer=_v1.zeros_initializer())
        logits = tf.nn.bias_add(tf.matmul(X, kernel), bias)
    return record(name, "Dense", logits, (kernel, bias))


def assign_all(sess, pairs):
    """Give each variable of [(variable, array)] its value in ONE session run.

    A session run per variable (``Variable.load``) re-prunes the whole ResNet graph
    each time: about 0.35 s a variable, a minute for ResNet-50's 320 arrays.
    """
    with sess.graph.as_default():
        feeds, ops = {}, []
        for var, arr in pairs:
            ph = _v1.placeholder(var.dtype.base_dtype, var.shape)
            feeds[ph] = arr
            ops.append(_v1.assign(var, ph))
        sess.run(ops, feeds)


def values(sess, records):
    """{layer name: [array, ...]} of every layer's variables, fetched in one session run."""
    layers = [r for r in records if r.variables]
    with sess.graph.as_default():
        fetched = sess.run([list(r.variables) for r in layers])
    return {r.name: arrs for r, arrs in zip(layers, fetched)}
