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


def data_fingerprint(X, Y):
    """A checksum of the training arrays: a resumed run must see the same data."""
    import zlib

    return f"{X.shape}:{zlib.crc32(np.ascontiguousarray(X).tobytes()):08x}:{zlib.crc32(np.ascontiguousarray(Y).tobytes()):08x}"


def train(X_train, Y_train, X_test, Y_test, variant="course", learning_rate=None, num_epochs=None,
          minibatch_size=64, on_epoch=None, checkpoint=None, checkpoint_every=None, resume_from=None):
    """Train the ConvNet, then measure its train and test accuracy.

    X_* (m, 64, 64, 3) floats in [0, 1], Y_* (m, 6) one-hot. ``on_epoch(epoch, cost,
    elapsed)`` is called after each epoch.
    ``checkpoint`` (a folder) is written every ``checkpoint_every`` epochs and on Ctrl-C
    (then :class:`resume.Interrupted` is raised); ``resume_from`` continues such a run:
    variables, Adam's slots, the epoch and minibatch reached and the partial epoch cost
    (the minibatch order is the course's seed sequence, 3 + epoch + 1), so the costs
    and parameters end bit for bit as without the interruption.
    Returns a :class:`History`.
    """
    from .. import resume

    v = convnet.get_variant(variant)
    learning_rate = v.learning_rate if learning_rate is None else learning_rate
    num_epochs = v.num_epochs if num_epochs is None else num_epochs
    check_training_arrays(X_train, Y_train, X_test, Y_test)
    if minibatch_size < 1:
        raise UserError(f"--minibatch-size must be >= 1, got {minibatch_size}")
    X_train32, Y_train32 = np.asarray(X_train, np.float32), np.asarray(Y_train, np.float32)
    (m, n_H0, n_W0, n_C0) = X_train.shape
    n_y = Y_train.shape[1]
    settings = {"variant": v.name, "learning_rate": learning_rate, "minibatch_size": minibatch_size,
                "data": data_fingerprint(X_train32, Y_train32)}
    hist = History()
    t0 = time.perf_counter()
    g = tf.Graph()
    with g.as_default():
        X, Y, parameters, Z3, cost = convnet.build(n_H0, n_W0, n_C0, n_y, v)
        optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate).minimize(cost)
        accuracy = convnet.accuracy_op(Z3, Y)
        init = tf.global_variables_initializer()
        saver = tf.train.Saver(max_to_keep=1)
        with tf.Session(graph=g) as sess, resume.Interrupt() as stop:
            sess.run(init)
            start_epoch, start_batch, partial = 0, 0, 0.0
            if resume_from:
                state, _ = resume.load(resume_from, "run_signs")
                resume.check_same(state, resume_from, **settings)
                resume.restore_variables(sess, saver, resume_from)
                start_epoch, start_batch, partial = state["epoch"], state["batch"], state["partial_cost"]
                hist.costs = list(state["costs"])

            def save(epoch, batch, partial_cost):
                state = {"kind": "run_signs", **settings, "epoch": epoch, "batch": batch,
                         "partial_cost": partial_cost, "costs": hist.costs}
                return resume.save(resume.interrupted_path(checkpoint, "run_signs"), sess, saver, state)

            num_minibatches = int(m / minibatch_size)  # full batches only, as the course
            for epoch in range(start_epoch, num_epochs):
                seed = 3 + epoch + 1  # the course's seed, incremented before each epoch's minibatches
                minibatches = random_mini_batches(X_train32, Y_train32, minibatch_size, seed)
                first = start_batch if epoch == start_epoch else 0
                minibatch_cost = partial if epoch == start_epoch else 0.0
                for b in range(first, len(minibatches)):
                    if stop.requested:
                        raise resume.Interrupted(save(epoch, b, minibatch_cost))
                    minibatch_X, minibatch_Y = minibatches[b]
                    _, temp_cost = sess.run([optimizer, cost], feed_dict={X: minibatch_X, Y: minibatch_Y})
                    minibatch_cost += float(temp_cost) / max(num_minibatches, 1)
                hist.costs.append(minibatch_cost)
                if on_epoch is not None:
                    on_epoch(epoch, minibatch_cost, time.perf_counter() - t0)
                if checkpoint and checkpoint_every and (epoch + 1) % checkpoint_every == 0:
                    save(epoch + 1, 0, 0.0)  # the last one too: --resume with more epochs continues
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
