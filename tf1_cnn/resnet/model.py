"""ResNet-50 (seed 001, the course; or seed 003's names) as a TF1 graph.

    input (m, H, W, C) -> zero pad 3 -> conv1 7x7/2 -> bn_conv1 -> relu -> max pool 3x3/2
    -> stage 2: conv block [64, 64, 256] s=1, 2 identity blocks
    -> stage 3: conv block [128, 128, 512], 3 identity blocks
    -> stage 4: conv block [256, 256, 1024], 5 identity blocks
    -> stage 5: conv block [512, 512, 2048], 2 identity blocks
    -> average pool (2x2 "avg_pool" course; 7x7 "avg_pooling" seed 003) -> flatten
    -> dense softmax fc{classes}
"""
from dataclasses import dataclass

import tensorflow as tf

from . import layers as L
from .blocks import NAMES, convolutional_block, identity_block

_v1 = tf.compat.v1

STAGES = ((2, [64, 64, 256], 1, "bc"), (3, [128, 128, 512], 2, "bcd"),
          (4, [256, 256, 1024], 2, "bcdef"), (5, [512, 512, 2048], 2, "bc"))


@dataclass
class ResNetGraph:
    """What a caller needs: X placeholder (None, H, W, C), training flag (bool tensor,
    default False), logits and probabilities (None, classes), and the layer records."""

    X: tf.Tensor
    training: tf.Tensor
    logits: tf.Tensor
    probs: tf.Tensor
    records: list
    input_shape: tuple
    classes: int
    names: str


def ResNet50(input_shape=(64, 64, 3), classes=6, names="course", training=None):
    """Build ResNet-50 in the current graph; returns a :class:`ResNetGraph`.

    ``training`` None: a boolean placeholder (default False) switches batch norm; True or
    False: a static mode, built with the fused batch-norm kernel (``Trainer`` builds one
    tower of each, sharing their variables).
    """
    if names not in NAMES:
        raise ValueError(f"names must be one of {NAMES}, got {names!r}")
    input_shape = tuple(int(d) for d in input_shape)
    X_input = _v1.placeholder(tf.float32, (None, *input_shape), name="input_1")
    if training is None:
        training = _v1.placeholder_with_default(False, [], name="training")
    L.record("input_1", "InputLayer", X_input)
    X = L.zero_padding(X_input, 3)
    X = L.conv2d(X, 64, 7, 2, "valid", "conv1")
    X = L.activation(L.batch_norm(X, "bn_conv1", training))
    X = L.max_pool(X, 3, 2)
    for stage, filters, s, ids in STAGES:
        X = convolutional_block(X, 3, filters, stage, "a", s, training, names)
        for block in ids:
            X = identity_block(X, 3, filters, stage, block, training, names)
    pool, pool_name = (2, "avg_pool") if names == "course" else (7, "avg_pooling")
    if X.shape[1] < pool or X.shape[2] < pool:
        raise ValueError(f"input {input_shape} is too small: stage 5 gives {X.shape[1]}x{X.shape[2]}, "
                         f"the {pool}x{pool} average pool needs at least that")
    X = L.flatten(L.avg_pool(X, pool, pool_name))
    fc = "fc1000" if names == "seed003" else f"fc{classes}"
    logits = L.dense(X, classes, fc)
    probs = tf.nn.softmax(logits, name="probabilities")
    return ResNetGraph(X_input, training, logits, probs, L.records(), input_shape, classes, names)
