"""Seed 004's residual network for MNIST, from raw ``tf.nn`` ops, with its names.

    x (m, 784) -> reshape (m, 28, 28, 1) -> conv 2x2x1x64 stride 2 SAME + b -> relu (m, 14, 14, 64)
    -> max pool 3x3 stride 1 SAME -> convolutional_block res2a [64, 64, 256] stride 1 (m, 14, 14, 256)
    -> identity_block res2b -> identity_block res2c -> max pool 2x2 stride 2 SAME (m, 7, 7, 256)
    -> FC 1024 relu -> dropout(keep_prob) -> FC 10 = y_conv (m, 10)

Weights ``tf.Variable(tf.truncated_normal(shape, stddev=0.1))``, biases
``tf.constant(0.1)``; softmax cross-entropy; Adam 1e-3. Seed 004's blocks add a
bias after every conv *and* after the residual sum (``b_conv_fin``), and use SAME
padding on the 1x1 convs: kept as written.

Reproducibility: the caller sets the graph seed (``tf.set_random_seed``) before
building; every unseeded random op (initializers, dropout) then draws its op seed
from the graph's op count, which is the same in every run of the same code, so two
runs with the same seeds give the same numbers bit for bit (tests check it).
"""
from dataclasses import dataclass

import tensorflow as tf

from ..compat import tf1

_v1 = tf.compat.v1


def weight_variable(shape):
    """A weight tf.Variable, truncated normal with stddev 0.1 (seed 004)."""
    return tf1.Variable(tf1.truncated_normal(shape, mean=0, stddev=0.1))


def bias_variable(shape):
    """A bias tf.Variable, all 0.1 (seed 004)."""
    return tf1.Variable(tf1.constant(0.1, shape=shape))


def _main_path(X_input, kernel_size, in_filter, out_filters, stride):
    """Seed 004's three convs, each + bias -> relu: 1x1 (stride), kxk, 1x1 (all SAME)."""
    f1, f2, f3 = out_filters
    X = X_input
    for shape, s, f in (([1, 1, in_filter, f1], stride, f1), ([kernel_size, kernel_size, f1, f2], 1, f2),
                        ([1, 1, f2, f3], 1, f3)):
        X = tf.nn.conv2d(X, weight_variable(shape), strides=[1, s, s, 1], padding="SAME")
        X = tf.nn.relu(X + bias_variable([f]))
    return X


def identity_block(X_input, kernel_size, in_filter, out_filters, stage, block):
    """Identity block: X (m, H, W, in_filter) -> (m, H, W, f3); in_filter must equal f3."""
    with tf1.variable_scope("res" + str(stage) + block):
        X = _main_path(X_input, kernel_size, in_filter, out_filters, 1)
        add = tf.add(X, X_input)
        return tf.nn.relu(add + bias_variable([out_filters[2]]))  # seed 004's b_conv_fin


def convolutional_block(X_input, kernel_size, in_filter, out_filters, stage, block, stride=2):
    """Convolutional block: X (m, H, W, in_filter) -> (m, ceil(H / stride), ceil(W / stride), f3)."""
    with tf1.variable_scope("res" + str(stage) + block):
        X = _main_path(X_input, kernel_size, in_filter, out_filters, stride)
        W_shortcut = weight_variable([1, 1, in_filter, out_filters[2]])
        x_shortcut = tf.nn.conv2d(X_input, W_shortcut, strides=[1, stride, stride, 1], padding="VALID")
        add = tf.add(x_shortcut, X)
        return tf.nn.relu(add + bias_variable([out_filters[2]]))  # seed 004's b_conv_fin


@dataclass
class MnistResNet:
    x: tf.Tensor  # (None, 784) float32 in [0, 1]
    y: tf.Tensor  # (None, 10) one-hot
    keep_prob: tf.Tensor  # scalar: 0.5 in training, 1.0 in evaluation
    y_conv: tf.Tensor  # (None, 10) logits
    cross_entropy: tf.Tensor
    train_step: tf.Operation
    accuracy: tf.Tensor
    correct_count: tf.Tensor


def build(learning_rate=1e-3):
    """Seed 004's graph in the current graph, in its order (set the graph seed first)."""
    x_in = tf1.placeholder(tf.float32, [None, 784])
    y = tf1.placeholder(tf.float32, [None, 10])
    x = tf.reshape(x_in, [-1, 28, 28, 1])
    w_conv1 = weight_variable([2, 2, 1, 64])
    x = tf.nn.conv2d(x, w_conv1, strides=[1, 2, 2, 1], padding="SAME")
    x = tf.nn.relu(x + bias_variable([64]))  # 14x14x64
    x = tf.nn.max_pool2d(x, ksize=[1, 3, 3, 1], strides=[1, 1, 1, 1], padding="SAME")
    x = convolutional_block(X_input=x, kernel_size=3, in_filter=64, out_filters=[64, 64, 256], stage=2, block="a",
                            stride=1)  # 14x14x256
    x = identity_block(x, 3, 256, [64, 64, 256], stage=2, block="b")
    x = identity_block(x, 3, 256, [64, 64, 256], stage=2, block="c")
    x = tf.nn.max_pool2d(x, [1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")  # 7x7x256
    flat = tf.reshape(x, [-1, 7 * 7 * 256])
    h_fc1 = tf.nn.relu(tf.matmul(flat, weight_variable([7 * 7 * 256, 1024])) + bias_variable([1024]))
    keep_prob = tf1.placeholder(tf.float32)
    h_fc1_drop = tf1.nn.dropout(h_fc1, keep_prob)  # TF1 signature: keep_prob, not rate
    y_conv = tf.matmul(h_fc1_drop, weight_variable([1024, 10])) + bias_variable([10])
    cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=y_conv))
    train_step = tf1.train.AdamOptimizer(learning_rate).minimize(cross_entropy)
    correct = tf.equal(tf.argmax(y_conv, 1), tf.argmax(y, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
    correct_count = tf.reduce_sum(tf.cast(correct, tf.float32))
    return MnistResNet(x_in, y, keep_prob, y_conv, cross_entropy, train_step, accuracy, correct_count)
