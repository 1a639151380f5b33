"""The course helpers (``cnn_utils`` / ``tf_utils``) with the course signatures."""
import math

import numpy as np

from .data import load_dataset  # noqa: F401  (course name, re-exported)


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """The course's minibatches: ``np.random.seed(seed)``, one permutation, full batches, then the rest.

    X (m, n_H, n_W, n_C), Y (m, n_y) -> list of (mini_batch_X, mini_batch_Y).
    Seeds numpy's global generator, as the course does (its numbers depend on it).
    """
    m = X.shape[0]
    np.random.seed(seed)
    permutation = list(np.random.permutation(m))
    shuffled_X = X[permutation]
    shuffled_Y = Y[permutation]
    num_complete = math.floor(m / mini_batch_size)
    batches = [(shuffled_X[k * mini_batch_size:(k + 1) * mini_batch_size],
                shuffled_Y[k * mini_batch_size:(k + 1) * mini_batch_size]) for k in range(num_complete)]
    if m % mini_batch_size != 0:
        batches.append((shuffled_X[num_complete * mini_batch_size:m], shuffled_Y[num_complete * mini_batch_size:m]))
    return batches


def convert_to_one_hot(Y, C):
    """Labels Y (1, m) or (m,) -> one-hot (C, m), as the course (``.T`` gives (m, C))."""
    Y = np.asarray(Y)
    if Y.size and (Y.min() < 0 or Y.max() >= C):
        raise ValueError(f"convert_to_one_hot: labels must be in 0..{C - 1}, got {Y.min()}..{Y.max()}")
    return np.eye(C)[Y.reshape(-1)].T


def predict(X, parameters):
    """Class predictions for X with trained ``parameters`` (numpy arrays).

    - The ConvNet's parameters (W1, W2 and the FC layer, as ``model`` returns them):
      X (m, 64, 64, 3) scaled to [0, 1] -> (m,) class indices.
    - The course's ``tf_utils`` 3-layer net (W1..W3 2-D, b1..b3): X (12288, m) -> (m,).
    """
    if "W3" in parameters:
        return _predict_fc(X, parameters)
    from .convnet import predict_convnet

    return predict_convnet(X, parameters)


def _predict_fc(X, parameters):
    import tensorflow as tf

    g = tf.Graph()
    with g.as_default():
        x = tf.compat.v1.placeholder(tf.float32, [parameters["W1"].shape[1], None])
        a = x
        for i in (1, 2, 3):
            z = tf.matmul(tf.constant(parameters[f"W{i}"], tf.float32), a) + tf.constant(parameters[f"b{i}"], tf.float32)
            a = tf.nn.relu(z) if i < 3 else z
        p = tf.argmax(a)
        with tf.compat.v1.Session(graph=g) as sess:
            return sess.run(p, {x: X})
