"""tf.contrib.nn (compat/contrib/nn.py): values and names per --tf1-version. Its graphs (ops, names, seeds) are
checked against TF 1.3.0 / 1.4.1 / 1.15.5 by tests/test_op_tables.py (cases contrib_nn_*)."""
import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn.compat import migration, settings
from tf1_cnn.compat.contrib import nn

v1 = tf.compat.v1


@pytest.fixture
def version():
    def select(v):
        previous.update(settings.configure(tf1_version=v))

    previous = {}
    yield select
    if previous:
        settings.configure(tf1_version=previous["tf1_version"])


def _run(*fetches):
    with v1.Session() as sess:
        return sess.run(list(fetches))


def test_flipped_losses_take_logits_first():
    logits = np.array([[2.0, -1.0, 0.5], [0.1, 0.2, 3.0]], np.float32)
    onehot = np.eye(3, dtype=np.float32)[[0, 2]]
    with tf.Graph().as_default():
        got = _run(nn.deprecated_flipped_sparse_softmax_cross_entropy_with_logits(logits, np.array([0, 2])),
                   nn.deprecated_flipped_softmax_cross_entropy_with_logits(logits, onehot),
                   nn.deprecated_flipped_sigmoid_cross_entropy_with_logits(logits, onehot))
    shifted = logits - logits.max(1, keepdims=True)
    xent = -(shifted - np.log(np.exp(shifted).sum(1, keepdims=True)))[[0, 1], [0, 2]]
    np.testing.assert_allclose(got[0], xent, rtol=1e-6)
    np.testing.assert_allclose(got[1], xent, rtol=1e-6)
    np.testing.assert_allclose(got[2], np.maximum(logits, 0) - logits * onehot + np.log1p(np.exp(-abs(logits))),
                               rtol=1e-6)


def test_alpha_dropout_keeps_mean_and_variance():
    with tf.Graph().as_default():
        x = v1.random_normal([200000], seed=1)
        same = v1.placeholder(tf.float32, [3])
        assert nn.alpha_dropout(same, 1.0) is not None and nn.alpha_dropout(same, 1.0).op.type == "Placeholder"
        out, = _run(nn.alpha_dropout(x, 0.7, seed=2))
    assert abs(out.mean()) < 0.01 and abs(out.std() - 1) < 0.01
    with tf.Graph().as_default(), pytest.raises(ValueError, match=r"range \(0, 1\], got 1.5"):
        nn.alpha_dropout(v1.zeros([2]), 1.5)


def test_nth_element_and_sampled_loss_shapes():
    with tf.Graph().as_default():
        largest, = _run(nn.nth_element(np.array([[3.0, 1.0, 2.0]], np.float32), 0, reverse=True))
        loss = nn.sampled_sparse_softmax_loss(v1.zeros([10, 4]), v1.zeros([10]), v1.zeros([5, 1], tf.int64),
                                              v1.zeros([5, 4]), num_sampled=3, num_classes=10)
    assert largest.tolist() == [3.0] and loss.shape.as_list() == [5]


def test_names_by_version(version):
    module = nn.load()
    version("1.3")
    assert hasattr(module, "deprecated_flipped_softmax_cross_entropy_with_logits")
    assert not hasattr(module, "alpha_dropout") and not hasattr(module, "nth_element")
    version("1.4")
    assert hasattr(module, "alpha_dropout") and not hasattr(module, "sampled_sparse_softmax_loss")
    version("1.15")
    assert module.conv1d_transpose is tf.nn.conv1d_transpose and module.nth_element is nn.nth_element


def test_not_provided_names_their_replacement():
    assert "tf.nn.softplus" in migration.missing_message("tf.contrib.nn.scaled_softplus")
    assert "sampled_softmax_loss" in migration.missing_message("tf.contrib.nn.rank_sampled_softmax_loss")
