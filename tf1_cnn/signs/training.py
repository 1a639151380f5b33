"""Session-based minibatch training of the SIGNS ConvNet, as the course runs it.

The course's loop, kept step for step where it decides the numbers:
- ``tf.set_random_seed(1)`` (in initialize_parameters), numpy minibatch seed 3,
  incremented before each epoch's ``random_mini_batches``;
- Adam with TF1's defaults; one ``sess.run([optimizer, cost])`` per minibatch;
- the epoch cost is ``sum(minibatch costs) / int(m / minibatch_size)``: the
  course divides by the number of *full* batches although it also runs the
  remainder batch, and its published costs include that;
- that sum is accumulated in float64. The published costs were printed by
  numpy 1.x, where ``0. + np.float32 / int`` is float64; numpy 2 would keep
  float32 (NEP 50), so we convert each float32 cost to a Python float first.

Two changes that leave every number as it was, for speed (see bench/signs_train.py):
the inputs are cast to float32 once, not at every feed (TF casts a float64 feed
with the same ``np.asarray(x, float32)``), and the parameters are not fetched at
every step (seed 002 fetched them each time).
"""
import time
from dataclasses import dataclass, field

import numpy as np

from ..compat import tf1 as tf
from ..errors import UserError
from . import convnet
from .helpers import random_mini_batches


@dataclass
class History:
    costs: list = field(default_factory=list)  # one float64 cost per epoch
    train_accuracy: float = float("nan")
    test_accuracy: float = float("nan")
    parameters: dict = field(default_factory=dict)
    seconds: float = 0.0


def check_training_arrays(X_train, Y_train, X_test, Y_test):
    for name, X, Y in (("train", X_train, Y_train), ("test", X_test, Y_test)):
        if X.ndim != 4 or Y.ndim != 2 or X.shape[0] != Y.shape[0]:
            raise UserError(f"{name} set: X must be (m, H, W, C) and Y (m, n_y), got {X.shape} and {Y.shape}")
        if X.shape[0] == 0:
            raise UserError(f"{name} set is empty")
    if X_train.shape[1:] != X_test.shape[1:]:
        raise UserError(f"train images are {X_train.shape[1:]} but test images are {X_test.shape[1:]}")
    if Y_train.shape[1] != Y_test.shape[1]:
        raise UserError(f"train labels have {Y_train.shape[1]} classes, test labels {Y_test.shape[1]}")


def train(X_train, Y_train, X_test, Y_test, variant="course", learning_rate=None, num_epochs=None,
          minibatch_size=64, on_epoch=None):
    """Train the ConvNet, then measure its train and test accuracy.

    X_* (m, 64, 64, 3) floats in [0, 1], Y_* (m, 6) one-hot. ``on_epoch(epoch, cost,
    elapsed)`` is called after each epoch.
    Returns a :class:`History`.
    """
    v = convnet.get_variant(variant)
    learning_rate = v.learning_rate if learning_rate is None else learning_rate
    num_epochs = v.num_epochs if num_epochs is None else num_epochs
    check_training_arrays(X_train, Y_train, X_test, Y_test)
    if minibatch_size < 1:
        raise UserError(f"--minibatch-size must be >= 1, got {minibatch_size}")
    X_train32, Y_train32 = np.asarray(X_train, np.float32), np.asarray(Y_train, np.float32)
    (m, n_H0, n_W0, n_C0) = X_train.shape
    n_y = Y_train.shape[1]
    hist = History()
    t0 = time.perf_counter()
    g = tf.Graph()
    with g.as_default():
        X, Y, parameters, Z3, cost = convnet.build(n_H0, n_W0, n_C0, n_y, v)
        optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate).minimize(cost)
        accuracy = convnet.accuracy_op(Z3, Y)
        init = tf.global_variables_initializer()
        with tf.Session(graph=g) as sess:
            sess.run(init)
            seed = 3
            num_minibatches = int(m / minibatch_size)  # full batches only, as the course
            for epoch in range(num_epochs):
                minibatch_cost = 0.0
                seed = seed + 1
                for minibatch_X, minibatch_Y in random_mini_batches(X_train32, Y_train32, minibatch_size, seed):
                    _, temp_cost = sess.run([optimizer, cost], feed_dict={X: minibatch_X, Y: minibatch_Y})
                    minibatch_cost += float(temp_cost) / max(num_minibatches, 1)
                hist.costs.append(minibatch_cost)
                if on_epoch is not None:
                    on_epoch(epoch, minibatch_cost, time.perf_counter() - t0)
            hist.train_accuracy = float(sess.run(accuracy, {X: X_train32, Y: Y_train32}))
            hist.test_accuracy = float(sess.run(accuracy, {X: np.asarray(X_test, np.float32), Y: Y_test}))
            hist.parameters = convnet.parameter_values(sess, v)
    hist.seconds = time.perf_counter() - t0
    return hist


def model(X_train, Y_train, X_test, Y_test, learning_rate=None, num_epochs=None, minibatch_size=64,
          print_cost=True, variant="course", plot=None):
    """The course's ``model``: train, print, plot; returns (train_accuracy, test_accuracy, parameters).

    learning_rate / num_epochs default to the variant's (course: 0.009, 100; tf2-port:
    0.005, 150). Prints ``Cost after epoch i: c`` every 5 epochs as the course does;
    ``plot`` is a PNG path for the cost curve (the course showed it on screen).
    """
    v = convnet.get_variant(variant)

    def on_epoch(epoch, cost, elapsed):
        if print_cost and epoch % 5 == 0:
            print("Cost after epoch %i: %f" % (epoch, cost))

    hist = train(X_train, Y_train, X_test, Y_test, v, learning_rate, num_epochs, minibatch_size, on_epoch)
    if plot:
        from ..plots import plot_costs

        plot_costs(hist.costs, v.learning_rate if learning_rate is None else learning_rate, plot)
    print("Train Accuracy:", np.float32(hist.train_accuracy))
    print("Test Accuracy:", np.float32(hist.test_accuracy))
    return hist.train_accuracy, hist.test_accuracy, hist.parameters
