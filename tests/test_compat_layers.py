"""The TF1 layer shims and the tf1 facade."""
import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn.compat import migration, tf1


def _run(fetch, feed=None):
    with tf1.Session() as sess:
        sess.run(tf1.global_variables_initializer())
        return sess.run(fetch, feed)


def test_fully_connected_names_defaults_and_suffixes():
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, [None, 4, 4, 2])
        f = tf1.contrib.layers.flatten(x)
        assert f.shape.as_list() == [None, 32]
        h = tf1.contrib.layers.fully_connected(f, 3)
        out = tf1.contrib.layers.fully_connected(h, 2, activation_fn=None)
        names = [(v.op.name, v.shape.as_list()) for v in tf1.global_variables()]
        assert names == [("fully_connected/weights", [32, 3]), ("fully_connected/biases", [3]),
                         ("fully_connected_1/weights", [3, 2]), ("fully_connected_1/biases", [2])]
        xv = np.random.default_rng(0).standard_normal((5, 4, 4, 2)).astype(np.float32)
        hv, ov, w1, w2 = _run([h, out] + [v for v in tf1.global_variables() if "weights" in v.op.name], {x: xv})
        np.testing.assert_allclose(hv, np.maximum(xv.reshape(5, 32) @ w1, 0), rtol=1e-5, atol=1e-6)  # relu default
        np.testing.assert_allclose(ov, hv @ w2, rtol=1e-5, atol=1e-6)  # activation_fn=None: linear


def test_dense_and_flatten_names_and_reuse():
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, [None, 2, 3])
        p = tf1.layers.flatten(x)
        d = tf1.layers.dense(p, 4, activation=tf.nn.relu, name="fc")
        d2 = tf1.layers.dense(p, 4, name="fc", reuse=True)  # same variables
        tf1.layers.dense(p, 2)
        assert [v.op.name for v in tf1.global_variables()] == ["fc/kernel", "fc/bias", "dense/kernel", "dense/bias"]
        a, b = _run([d, d2], {x: np.ones((1, 2, 3), np.float32)})
        np.testing.assert_allclose(a, np.maximum(b, 0))


def test_seeded_xavier_is_tf1s_glorot_uniform_and_bounded():
    with tf.Graph().as_default():
        tf1.set_random_seed(1)
        a = tf1.get_variable("a", [4, 4, 3, 8], initializer=tf1.contrib.layers.xavier_initializer(seed=0))
        b = tf1.get_variable("b", [4, 4, 3, 8], initializer=tf1.glorot_uniform_initializer(seed=0))
        n = tf1.get_variable("n", [200, 300], initializer=tf1.contrib.layers.xavier_initializer(uniform=False, seed=1))
        av, bv, nv = _run([a, b, n])
    np.testing.assert_array_equal(av, bv)
    limit = np.sqrt(6.0 / (4 * 4 * 3 + 4 * 4 * 8))
    assert np.abs(av).max() <= limit
    # contrib's truncated normal: stddev sqrt(1.3 / fan_avg) before truncation at 2 sigma
    sigma = np.sqrt(1.3 / 250.0)
    assert np.abs(nv).max() <= 2 * sigma + 1e-7
    assert 0.8 * sigma < nv.std() < 0.95 * sigma  # a 2-sigma truncated normal has std 0.88 sigma


def test_conv2d_pool_and_dropout_shims():
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, [None, 8, 8, 1])
        c = tf1.layers.conv2d(x, 4, 3, padding="same", activation=tf.nn.relu)
        p = tf1.layers.max_pooling2d(c, 2, 2)
        training = tf1.placeholder(tf.bool, [])
        d = tf1.layers.dropout(p, rate=0.5, training=training)
        assert [v.op.name for v in tf1.global_variables()] == ["conv2d/kernel", "conv2d/bias"]
        assert p.shape.as_list() == [None, 4, 4, 4]
        xv = np.ones((2, 8, 8, 1), np.float32)
        with tf1.Session() as sess:
            sess.run(tf1.global_variables_initializer())
            pv, dv_eval = sess.run([p, d], {x: xv, training: False})
            dv_train = sess.run(d, {x: xv, training: True})
        np.testing.assert_array_equal(pv, dv_eval)
        assert set(np.unique(dv_train[pv > 0] / pv[pv > 0])) <= {0.0, 2.0}


def test_facade_passes_v1_through_and_names_what_is_missing():
    assert tf1.placeholder is tf.compat.v1.placeholder
    assert tf1.train.AdamOptimizer is tf.compat.v1.train.AdamOptimizer
    with pytest.raises(AttributeError, match=r"tf\.contrib\.slim is TF1-only .* tf\.keras"):
        tf1.contrib.slim
    with pytest.raises(AttributeError, match=r"tf\.layers\.batch_normalization .*BatchNormalization"):
        tf1.layers.batch_normalization
    with pytest.raises(AttributeError, match=r"tf\.no_such_thing does not exist"):
        tf1.no_such_thing


def test_facade_counts_tf1_only_names():
    migration.usage.clear()
    tf1.placeholder, tf1.placeholder, tf1.contrib.layers.flatten, tf1.nn.relu
    assert migration.usage == {"tf.placeholder": 2, "tf.contrib.layers.flatten": 1}
