"""The course helpers: random_mini_batches, convert_to_one_hot, predict."""
import math

import numpy as np

import cnn_utils
import tf_utils


def _course_random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """The course's code, as written in its cnn_utils.py."""
    m = X.shape[0]
    mini_batches = []
    np.random.seed(seed)
    permutation = list(np.random.permutation(m))
    shuffled_X = X[permutation, :, :, :]
    shuffled_Y = Y[permutation, :]
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batches.append((shuffled_X[k * mini_batch_size: k * mini_batch_size + mini_batch_size, :, :, :],
                             shuffled_Y[k * mini_batch_size: k * mini_batch_size + mini_batch_size, :]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[num_complete_minibatches * mini_batch_size: m, :, :, :],
                             shuffled_Y[num_complete_minibatches * mini_batch_size: m, :]))
    return mini_batches


def test_random_mini_batches_is_the_courses():
    X = np.random.default_rng(0).standard_normal((150, 2, 2, 1))
    Y = np.eye(6)[np.arange(150) % 6]
    for seed in (0, 4, 17):
        ours = cnn_utils.random_mini_batches(X, Y, 64, seed)
        theirs = _course_random_mini_batches(X, Y, 64, seed)
        assert [b[0].shape[0] for b in ours] == [64, 64, 22]
        for (a, b), (c, d) in zip(ours, theirs):
            np.testing.assert_array_equal(a, c)
            np.testing.assert_array_equal(b, d)
    assert tf_utils.random_mini_batches is cnn_utils.random_mini_batches


def test_convert_to_one_hot():
    Y = np.array([[1, 0, 5]])
    np.testing.assert_array_equal(cnn_utils.convert_to_one_hot(Y, 6).T, np.eye(6)[[1, 0, 5]])


def test_predict_fc_net_of_tf_utils():
    rng = np.random.default_rng(0)
    p = {"W1": rng.standard_normal((5, 12)), "b1": rng.standard_normal((5, 1)), "W2": rng.standard_normal((4, 5)),
         "b2": rng.standard_normal((4, 1)), "W3": rng.standard_normal((6, 4)), "b3": rng.standard_normal((6, 1))}
    X = rng.standard_normal((12, 7))
    a1 = np.maximum(p["W1"] @ X + p["b1"], 0)
    a2 = np.maximum(p["W2"] @ a1 + p["b2"], 0)
    np.testing.assert_array_equal(tf_utils.predict(X, p), np.argmax(p["W3"] @ a2 + p["b3"], axis=0))
