"""``tensorflow.examples.tutorials.mnist.mnist``: the TF 1.x tutorial's model functions.

``fully_connected_feed.py``-style scripts import it beside ``input_data``. As in TF 1.x
(1.0-1.4's text): two ReLU layers and a linear layer on tf.Variable weights drawn
from truncated normals with stddev 1/sqrt(fan_in) (unseeded, so TF 1.x's seed rule
applies), the mean sparse softmax cross-entropy, plain gradient descent with a
global step, and the count of top-1 hits.
    images (batch, IMAGE_PIXELS) float32, labels (batch,) int -> logits (batch, NUM_CLASSES)
"""
import math

import tensorflow as tf

_v1 = tf.compat.v1

NUM_CLASSES = 10
IMAGE_SIZE = 28
IMAGE_PIXELS = IMAGE_SIZE * IMAGE_SIZE


def _layer(scope, inputs, n_in, n_out, relu):
    with _v1.name_scope(scope):
        weights = _v1.Variable(_v1.truncated_normal([n_in, n_out], stddev=1.0 / math.sqrt(float(n_in))),
                               name="weights")
        biases = _v1.Variable(_v1.zeros([n_out]), name="biases")
        out = tf.matmul(inputs, weights) + biases
        return tf.nn.relu(out) if relu else out


def inference(images, hidden1_units, hidden2_units):
    """Logits (batch, NUM_CLASSES) of the tutorial's two-hidden-layer network."""
    hidden1 = _layer("hidden1", images, IMAGE_PIXELS, hidden1_units, True)
    hidden2 = _layer("hidden2", hidden1, hidden1_units, hidden2_units, True)
    return _layer("softmax_linear", hidden2, hidden2_units, NUM_CLASSES, False)


def loss(logits, labels):
    """Mean cross-entropy of ``logits`` against integer ``labels`` (a scalar)."""
    labels = _v1.to_int64(labels)
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits, name="xentropy")
    return tf.reduce_mean(cross_entropy, name="xentropy_mean")


def training(loss, learning_rate):
    """The train op: a loss summary, gradient descent, a global step counted in a Variable."""
    _v1.summary.scalar("loss", loss)
    optimizer = _v1.train.GradientDescentOptimizer(learning_rate)
    global_step = _v1.Variable(0, name="global_step", trainable=False)
    return optimizer.minimize(loss, global_step=global_step)


def evaluation(logits, labels):
    """How many examples of the batch have the right class on top (an int32 scalar)."""
    correct = _v1.nn.in_top_k(logits, labels, 1)
    return tf.reduce_sum(tf.cast(correct, tf.int32))
