"""The TF1 layer functions that TensorFlow 2.21 with Keras 3 no longer has.

``tf.compat.v1.layers.*`` raises "not available with Keras 3" and
``tf.contrib`` is gone, so these are rebuilt on ``tf.compat.v1.get_variable``:
the variables live in the current graph, under the names TF 1.x gave them
(``fully_connected/weights``, ``fully_connected_1/weights``, ``dense/kernel``,
``conv2d/bias``, ...), take explicit initializers and seeds, and respect
``variable_scope`` reuse. Shapes: inputs (batch, ..., n_in) -> (batch, ..., units).

Default initializers are TF 1.x's: contrib's ``xavier_initializer()`` and
``tf.layers``' ``glorot_uniform`` through get_variable, both *unseeded*. An
unseeded op draws its seed from the graph: TF 1.x used the graph's op count,
which TF 2 graphs do not reproduce, so code that must match published numbers
passes a seeded initializer (see tf1_cnn/signs/convnet.py).
"""
import numpy as np
import tensorflow as tf

from .initializers import xavier_initializer

_v1 = tf.compat.v1


def _static_size(x, name):
    dims = x.shape.as_list()[1:]
    if any(d is None for d in dims):
        return None
    return int(np.prod(dims)) if dims else 1


def flatten(inputs, outputs_collections=None, scope=None, name=None, data_format="channels_last"):
    """(batch, d1, d2, ...) -> (batch, d1*d2*...): ``tf.contrib.layers.flatten`` / ``tf.layers.flatten``."""
    with _v1.name_scope(scope or name, "Flatten", [inputs]):
        x = tf.convert_to_tensor(inputs)
        if x.shape.rank is not None and x.shape.rank < 2:
            raise ValueError(f"flatten needs inputs of rank >= 2 (batch first), got shape {x.shape}")
        if data_format == "channels_first" and x.shape.rank and x.shape.rank > 2:
            x = tf.transpose(x, [0] + list(range(2, x.shape.rank)) + [1])
        size = _static_size(x, "inputs")
        return tf.reshape(x, [-1, size if size is not None else tf.reduce_prod(tf.shape(x)[1:])])


def _linear(x, units, kernel_name, bias_name, kernel_initializer, bias_initializer, kernel_regularizer,
            bias_regularizer, trainable, use_bias):
    x = tf.convert_to_tensor(x)
    n_in = x.shape[-1]
    if n_in is None:
        raise ValueError(f"the last dimension of the inputs must be known, got shape {x.shape}")
    kernel = _v1.get_variable(kernel_name, [int(n_in), units], dtype=x.dtype, initializer=kernel_initializer,
                              regularizer=kernel_regularizer, trainable=trainable)
    if x.shape.rank == 2:
        out = tf.matmul(x, kernel)
    else:  # as TF1's core Dense: contract the last axis only
        out = tf.tensordot(x, kernel, [[x.shape.rank - 1], [0]])
    if use_bias:
        bias = _v1.get_variable(bias_name, [units], dtype=x.dtype, initializer=bias_initializer,
                                regularizer=bias_regularizer, trainable=trainable)
        out = tf.nn.bias_add(out, bias)
    return out


def fully_connected(inputs, num_outputs, activation_fn=tf.nn.relu, normalizer_fn=None, normalizer_params=None,
                    weights_initializer=None, weights_regularizer=None, biases_initializer=None,
                    biases_regularizer=None, reuse=None, variables_collections=None, outputs_collections=None,
                    trainable=True, scope=None):
    """``tf.contrib.layers.fully_connected``: relu(inputs @ weights + biases) unless activation_fn=None.

    Variables ``<scope>/weights`` (n_in, num_outputs) and ``<scope>/biases`` (num_outputs,),
    scope ``fully_connected``, ``fully_connected_1``, ... by default. Defaults as TF 1.x:
    weights from an unseeded ``xavier_initializer()``, biases zeros; with a
    normalizer_fn there are no biases.
    """
    if weights_initializer is None:
        weights_initializer = xavier_initializer()
    if biases_initializer is None and normalizer_fn is None:
        biases_initializer = _v1.zeros_initializer()
    with _v1.variable_scope(scope, default_name="fully_connected", values=[inputs], reuse=reuse):
        out = _linear(inputs, num_outputs, "weights", "biases", weights_initializer, biases_initializer,
                      weights_regularizer, biases_regularizer, trainable, use_bias=normalizer_fn is None)
        if normalizer_fn is not None:
            out = normalizer_fn(out, **(normalizer_params or {}))
        if activation_fn is not None:
            out = activation_fn(out)
        return out


def dense(inputs, units, activation=None, use_bias=True, kernel_initializer=None,
          bias_initializer=None, kernel_regularizer=None, bias_regularizer=None,
          activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
          trainable=True, name=None, reuse=None):
    """``tf.layers.dense``: activation(inputs @ kernel + bias), variables ``<name>/kernel``, ``<name>/bias``.

    kernel_initializer None is get_variable's default, an unseeded glorot uniform, as in TF 1.x.
    """
    if kernel_constraint is not None or bias_constraint is not None or activity_regularizer is not None:
        raise NotImplementedError("tf.layers.dense: constraints and activity_regularizer are not supported by the shim")
    with _v1.variable_scope(name, default_name="dense", values=[inputs], reuse=reuse):
        out = _linear(inputs, units, "kernel", "bias", kernel_initializer,
                      bias_initializer or _v1.zeros_initializer(), kernel_regularizer, bias_regularizer,
                      trainable, use_bias)
        return activation(out) if activation is not None else out


def _pair(v, what):
    if isinstance(v, int):
        return (v, v)
    v = tuple(v)
    if len(v) != 2:
        raise ValueError(f"{what} must be an int or a pair, got {v!r}")
    return v


def conv2d(inputs, filters, kernel_size, strides=(1, 1), padding="valid", data_format="channels_last",
           dilation_rate=(1, 1), activation=None, use_bias=True, kernel_initializer=None,
           bias_initializer=None, kernel_regularizer=None, bias_regularizer=None,
           trainable=True, name=None, reuse=None, **unsupported):
    """``tf.layers.conv2d`` on NHWC inputs: variables ``<name>/kernel`` (kh, kw, C_in, filters), ``<name>/bias``."""
    if unsupported:
        raise NotImplementedError(f"tf.layers.conv2d: {sorted(unsupported)} not supported by the shim")
    if data_format != "channels_last":
        raise NotImplementedError("tf.layers.conv2d shim: only data_format='channels_last' (NHWC)")
    kh, kw = _pair(kernel_size, "kernel_size")
    sh, sw = _pair(strides, "strides")
    with _v1.variable_scope(name, default_name="conv2d", values=[inputs], reuse=reuse):
        x = tf.convert_to_tensor(inputs)
        kernel = _v1.get_variable("kernel", [kh, kw, int(x.shape[-1]), filters], dtype=x.dtype,
                                  initializer=kernel_initializer, regularizer=kernel_regularizer, trainable=trainable)
        out = tf.nn.conv2d(x, kernel, strides=[1, sh, sw, 1], padding=padding.upper(),
                           dilations=[1, *_pair(dilation_rate, "dilation_rate"), 1])
        if use_bias:
            bias = _v1.get_variable("bias", [filters], dtype=x.dtype,
                                    initializer=bias_initializer or _v1.zeros_initializer(),
                                    regularizer=bias_regularizer, trainable=trainable)
            out = tf.nn.bias_add(out, bias)
        return activation(out) if activation is not None else out


def _pool(op, default_name):
    def pool(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
        if data_format != "channels_last":
            raise NotImplementedError(f"tf.layers.{default_name} shim: only data_format='channels_last'")
        with _v1.name_scope(name, default_name, [inputs]):
            return op(inputs, ksize=[1, *_pair(pool_size, "pool_size"), 1],
                      strides=[1, *_pair(strides, "strides"), 1], padding=padding.upper())
    pool.__name__ = default_name
    pool.__doc__ = f"``tf.layers.{default_name}`` on NHWC inputs (no variables)."
    return pool


max_pooling2d = _pool(tf.nn.max_pool2d, "max_pooling2d")
average_pooling2d = _pool(tf.nn.avg_pool2d, "average_pooling2d")


def dropout(inputs, rate=0.5, noise_shape=None, seed=None, training=False, name=None):
    """``tf.layers.dropout``: drop with probability ``rate`` when ``training`` (a bool or a bool tensor)."""
    with _v1.name_scope(name, "dropout", [inputs]):
        if isinstance(training, bool):
            return _v1.nn.dropout(inputs, rate=rate, noise_shape=noise_shape, seed=seed) if training else tf.identity(inputs)
        return tf.cond(training, lambda: _v1.nn.dropout(inputs, rate=rate, noise_shape=noise_shape, seed=seed),
                       lambda: tf.identity(inputs))
