"""TF 1.x-shaped ops: the functions whose TensorFlow 2.21 versions build other operations.

Under TF 1.x's seed rule (``seed_rule.py``) an unseeded random op draws with the
number of operations created before it, so every op a layer builds shifts the
numbers of every later unseeded draw. Where TF 2.21 (or tf_keras / tf_slim)
builds the same operations as TF 1.x, the runtime uses the library; the
functions here exist only because the library builds other operations. Each
one follows the TF 1.x source of the version(s) named beside it.

``OP_COUNTS`` is the table (family, version) -> (ops before the random draw,
ops in all, where the structure comes from); ``tests/test_op_structure.py``
builds each entry and counts. Families that TF 2.21 builds as TF 1.x did
(checked by the same test) are listed with source "TF 2.21 as TF 1.x".

The course's fully connected layer, counted in the course graph (a graph seed,
reference variables as TF 1.x had):
  28 ops (2 placeholders; W1 and W2 with their initializers, VariableV2, Assign,
  read; conv2d, relu, max_pool twice) + 14 (contrib flatten, 1.2-1.4)
  + 3 (xavier's shape, min and max constants) = 45 when its weights draw.
With 1.5-1.15's 8-op flatten the same cells draw with op seed 39: those are the
numbers learners with a later TF 1.x got (Z3 [[1.4416984 -0.24909666 ...]]).
"""
from contextlib import contextmanager

import tensorflow as tf
from tensorflow.python.framework import random_seed
from tensorflow.python import tf2
from tensorflow.python.ops import gen_random_ops, resource_variables_toggle

from . import settings

_v1 = tf.compat.v1

OP_COUNTS = {
    # family: {version: (before draw, total, source)}
    "contrib.layers.flatten": {
        "1.3": (None, 14, "contrib/layers/layers.py flatten (1.2-1.4): Shape; Slice+2 Const, twice; "
                          "Prod+axis Const; ExpandDims+dim Const; ConcatV2+axis Const; Reshape"),
        "1.15": (None, 8, "contrib flatten = core_layers.flatten (1.5-1.15): Flatten.call's "
                          "reshape(x, (shape(x)[0], -1)): Shape; StridedSlice+3 Const; Const -1; Pack; Reshape"),
    },
    "layers.flatten": {
        "1.3": (None, 8, "core Flatten layer (from 1.4): as contrib's 1.15 flatten"),
        "1.15": (None, 8, "core Flatten layer: as contrib's 1.15 flatten"),
    },
    "nn.dropout(keep_prob tensor)": {
        "1.3": (3, 11, "nn_ops.py dropout (1.0-1.12): Shape; min, max Const; RandomUniform; Sub, Mul, Add "
                       "(random_uniform's scaling); Add keep_prob; Floor; RealDiv; Mul"),
    },
    "xavier / glorot uniform initializer": {
        "1.3": (3, 7, "TF 2.21 as TF 1.x: shape, min, max Const; RandomUniform; Sub, Mul, Add"),
        "1.15": (3, 7, "TF 2.21 as TF 1.x"),
    },
    "truncated_normal / random_normal": {
        "1.3": (3, 6, "TF 2.21 as TF 1.x: shape, mean, stddev Const; the draw; Mul, Add"),
        "1.15": (3, 6, "TF 2.21 as TF 1.x"),
    },
    "layers.dense (2-D input)": {
        "1.3": (3, 16, "TF 2.21 (tf_keras legacy layer) as TF 1.x: kernel 7 init + VariableV2, Assign, read; "
                       "bias Const + VariableV2, Assign, read; MatMul; BiasAdd"),
        "1.15": (3, 16, "TF 2.21 as TF 1.x"),
    },
    "layers.conv2d": {
        "1.3": (3, 16, "TF 2.21 (tf_keras legacy layer) as TF 1.x: as dense, with Conv2D"),
        "1.15": (3, 16, "TF 2.21 as TF 1.x"),
    },
}
# Not mirrored (TF 2.21's structure is used; numbers after them may differ from TF 1.x):
# nn.dropout under 1.15 (1.13+ rebuilt it on dropout_v2, whose 1.x op list the sources
# consulted here do not pin down), batch normalization's moving-average updates.


@contextmanager
def v1_behavior():
    """Build a graph as after ``disable_v2_behavior()``, for this block only.

    Two of its switches decide what a TF1 graph draws: reference variables
    (VariableV2, Assign, read: TF 1.x's op counts) and the v1 defaults of the layers
    (tf_keras gives an unseeded layer the v1 ``glorot_uniform_initializer``, which
    draws through get_seed, instead of its stateless TF2 class). ``install()`` sets
    them for the whole process; the project's own graphs use this block, so
    nothing global stays changed.
    """
    previous = resource_variables_toggle._DEFAULT_USE_RESOURCE, tf2.enabled()
    resource_variables_toggle._DEFAULT_USE_RESOURCE = False
    tf2.disable()
    try:
        yield
    finally:
        resource_variables_toggle._DEFAULT_USE_RESOURCE = previous[0]
        if previous[1]:
            tf2.enable()


def _flatten_dynamic_batch(inputs):
    """reshape(x, (shape(x)[0], -1)): the core Flatten layer's call (tf.layers from 1.4; contrib's from 1.5), 8 ops."""
    return tf.reshape(inputs, (tf.shape(inputs)[0], -1))


def _check_rank(inputs):
    rank = inputs.shape.rank
    if rank is None or rank < 2:
        raise ValueError(f"Inputs must have a least 2 dimensions, got shape {inputs.shape}")
    return rank


def _static_flat_shape(inputs):
    """(batch, d1*d2*...) as far as the static shape knows it (None where it does not)."""
    return [inputs.shape[0], inputs.shape[1:].num_elements()]


def contrib_flatten(inputs, outputs_collections=None, scope=None):
    """``tf.contrib.layers.flatten``: (batch, d1, d2, ...) -> (batch, d1*d2*...), TF 1.x's ops.

    1.3 (1.2-1.4): the reshape target is built from the dynamic shape, 14 ops.
    1.15 (1.5-1.15): delegates to the core Flatten layer, 8 ops.
    """
    with _v1.name_scope(scope, "Flatten", [inputs]):
        inputs = tf.convert_to_tensor(inputs)
        rank = _check_rank(inputs)
        if settings.current("tf1_version") == "1.3":
            inputs_shape = tf.shape(inputs)
            batch_dim = tf.slice(inputs_shape, [0], [1])
            spatial_dims = tf.slice(inputs_shape, [1], [rank - 1])
            flat_spatial_dim = _v1.reduce_prod(spatial_dims)
            flat_spatial_dim = tf.expand_dims(flat_spatial_dim, 0)
            flat_shape = tf.concat([batch_dim, flat_spatial_dim], 0)
            outputs = tf.reshape(inputs, flat_shape)
        else:
            with _v1.name_scope("flatten"):
                outputs = _flatten_dynamic_batch(inputs)
        outputs.set_shape(_static_flat_shape(inputs))
        if outputs_collections:
            _v1.add_to_collections(outputs_collections, outputs)
        return outputs


def layers_flatten(inputs, name=None, data_format="channels_last"):
    """``tf.layers.flatten``: the core Flatten layer's 8 ops (channels_first transposes first, 1.4+)."""
    with _v1.name_scope(name, "flatten", [inputs]):
        inputs = tf.convert_to_tensor(inputs)
        rank = _check_rank(inputs)
        if data_format == "channels_first" and rank > 2:
            inputs = tf.transpose(inputs, [0, *range(2, rank), 1])
        outputs = _flatten_dynamic_batch(inputs)
        outputs.set_shape(_static_flat_shape(inputs))
        return outputs


def _random_uniform_1x(shape, seed, dtype):
    """U[0, 1) as TF 1.x's random_ops.random_uniform built it: min and max constants, then the draw.

    TF 2.21 skips the two constants and the scaling for U[0, 1); the values are the same.
    """
    with _v1.name_scope(None, "random_uniform", [shape]):
        minval = tf.constant(0, dtype, name="min")
        maxval = tf.constant(1, dtype, name="max")
        seed1, seed2 = random_seed.get_seed(seed)  # after the constants, as in TF 1.x
        rnd = gen_random_ops.random_uniform(shape, dtype, seed=seed1, seed2=seed2)
        return tf.add(rnd * (maxval - minval), minval)


def dropout(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None):
    """``tf.nn.dropout(x, keep_prob)``: x / keep_prob on a kept element, 0 elsewhere; shape of x.

    Under 1.3 the ops of TF 1.0-1.12's nn_ops.dropout (the uniform draw shifted by
    keep_prob, floored); under 1.15, TensorFlow 2.21's v1 dropout (not mirrored).
    ``rate`` (TF 1.13+) is accepted as 1 - keep_prob.
    """
    if rate is not None:
        if keep_prob is not None:
            raise ValueError("give keep_prob or rate, not both")
        keep_prob = 1 - rate
    if keep_prob is None:
        raise ValueError("dropout needs keep_prob (or rate)")
    if settings.current("tf1_version") != "1.3":
        return _v1.nn.dropout(x, rate=1 - keep_prob, noise_shape=noise_shape, seed=seed, name=name)
    with _v1.name_scope(name, "dropout", [x]):
        x = tf.convert_to_tensor(x, name="x")
        if isinstance(keep_prob, (int, float)) and not 0 < keep_prob <= 1:
            raise ValueError(f"keep_prob must be a scalar tensor or a float in the range (0, 1], got {keep_prob}")
        keep_prob = tf.convert_to_tensor(keep_prob, dtype=x.dtype, name="keep_prob")
        keep_prob.shape.assert_is_compatible_with(tf.TensorShape([]))
        if tf.get_static_value(keep_prob) == 1:
            return x
        noise_shape = noise_shape if noise_shape is not None else tf.shape(x)
        random_tensor = keep_prob + _random_uniform_1x(noise_shape, seed, x.dtype)
        binary_tensor = tf.floor(random_tensor)  # 0. if [keep_prob, 1.0), 1. if [1.0, 1.0 + keep_prob)
        ret = tf.math.divide(x, keep_prob) * binary_tensor
        ret.set_shape(x.shape)
        return ret
