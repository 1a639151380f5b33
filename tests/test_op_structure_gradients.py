"""TF 1.x's gradient functions (tf1_cnn/compat/graph/op_structure/gradients_1x.py, losses.py): the values.

Their op structures are checked against real TF 1.x in tests/test_op_tables.py (the grad_* / min_* /
losses_fn_* cases); here every rewritten gradient must compute what TensorFlow 2.21's own computes
(eager GradientTape runs TF 2.21's functions), under each --tf1-version, for broadcast and
same-shape inputs, static and dynamic shapes.
"""
import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn.compat import settings
from tf1_cnn.compat.graph import op_structure

v1 = tf.compat.v1
RNG = np.random.RandomState(0)
A = RNG.uniform(0.5, 2.0, (3, 4)).astype(np.float32)
B = RNG.uniform(0.5, 2.0, (4,)).astype(np.float32)
C = RNG.uniform(0.5, 2.0, (3, 4)).astype(np.float32)
IMG = RNG.uniform(-1, 1, (2, 5, 5, 3)).astype(np.float32)
FILT = RNG.uniform(-1, 1, (3, 3, 3, 2)).astype(np.float32)
LABELS = np.eye(4, dtype=np.float32)[[0, 2, 3]]

# name: (function of (a, b) tensors, a's value, b's value)
CASES = {
    "add_broadcast": (lambda a, b: a + b, A, B),
    "sub_broadcast": (lambda a, b: a - b, A, B),
    "mul_broadcast": (lambda a, b: a * b, A, B),
    "div_broadcast": (lambda a, b: a / b, A, B),
    "mul_same_shape": (lambda a, b: a * b, A, C),
    "sub_scalar": (lambda a, b: a - 2.0 * b, A, np.float32(1.5)),
    "pow": (lambda a, b: tf.pow(a, b), A, B),
    "maximum": (lambda a, b: tf.maximum(a, b), A, B),
    "minimum": (lambda a, b: tf.minimum(a, b), A, B),
    "squared_difference": (lambda a, b: tf.math.squared_difference(a, b), A, B),
    "sum_axis": (lambda a, b: tf.reduce_sum(a * b, 1) + tf.reduce_max(a, 0)[0], A, B),
    "mean_axis": (lambda a, b: tf.reduce_mean(a * b, 0), A, B),
    "sum_all": (lambda a, b: tf.reduce_sum(tf.square(a) * b), A, B),
    "reshape_slice": (lambda a, b: tf.reshape(a * b, [2, 6])[:, 1:4], A, B),
    "gather": (lambda a, b: tf.gather(a * b, [2, 0, 2]), A, B),
    "softmax": (lambda a, b: tf.nn.softmax(a * b), A, B),
    "softplus": (lambda a, b: tf.nn.softplus(a - b), A, B),
    "softmax_xent": (lambda a, b: v1.nn.softmax_cross_entropy_with_logits_v2(labels=LABELS, logits=a * b), A, B),
    "sparse_xent": (lambda a, b: tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[0, 2, 3], logits=a * b),
                    A, B),
    "conv2d": (lambda a, b: tf.nn.conv2d(a, b, [1, 1, 1, 1], "SAME"), IMG, FILT),
}


def _eager(fn, a, b):
    a, b = tf.constant(a), tf.constant(b)
    with tf.GradientTape() as tape:
        tape.watch([a, b])
        y = fn(a, b)
    return [g.numpy() for g in tape.gradient(y, [a, b])]


def _graph(fn, a, b, version, dynamic):
    with tf.Graph().as_default(), settings.using("tf1", version), op_structure.v1_behavior():
        pa = v1.placeholder(tf.float32, [None] + list(a.shape[1:]) if dynamic and a.ndim else a.shape)
        pb = v1.placeholder(tf.float32, np.shape(b))
        grads = v1.gradients(fn(pa, pb), [pa, pb])
        with v1.Session() as sess:
            return sess.run([tf.convert_to_tensor(g) for g in grads], {pa: a, pb: b})


@pytest.fixture(scope="module", autouse=True)
def installed():
    op_structure.install()  # idempotent; eager use keeps TensorFlow's own functions


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
@pytest.mark.parametrize("version", settings.TF1_VERSIONS)
@pytest.mark.parametrize("case", CASES)
def test_gradient_values_are_tensorflows(case, version, dynamic):
    fn, a, b = CASES[case]
    want = _eager(fn, a, b)
    got = _graph(fn, a, b, version, dynamic)
    for w, g in zip(want, got):
        np.testing.assert_allclose(g, w, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("version", settings.TF1_VERSIONS)
@pytest.mark.parametrize("loss", ["mean_squared_error", "absolute_difference", "huber_loss", "log_loss",
                                  "softmax_cross_entropy", "hinge_loss"])
def test_tf_losses_values_and_gradients_are_tensorflows(loss, version):
    labels = LABELS
    preds = 1.0 / (1.0 + np.exp(-A))

    def build():
        p = v1.placeholder(tf.float32, [None, 4])
        value = getattr(v1.losses, loss)(labels, p)
        return p, value, v1.gradients(value, [p])[0]

    results = {}
    for key, ctx in (("tf2", settings.using("tf1", "1.15")), ("tf1", settings.using("tf1", version))):
        with tf.Graph().as_default(), ctx, op_structure.v1_behavior():
            p, value, grad = build()
            with v1.Session() as sess:
                results[key] = sess.run([value, grad], {p: preds})
    np.testing.assert_allclose(results["tf1"][0], results["tf2"][0], rtol=1e-6)
    np.testing.assert_allclose(results["tf1"][1], results["tf2"][1], rtol=1e-5, atol=1e-7)


def test_default_grad_ys_named_per_version():
    for version, names in (("1.3", ["gradients/Const", "gradients/Fill"]),
                           ("1.15", ["gradients/grad_ys_0", "gradients/Fill"])):
        with tf.Graph().as_default() as g, settings.using("tf1", version), op_structure.v1_behavior():
            x = v1.placeholder(tf.float32, [])
            y = x * 3.0
            before = len(g.get_operations())
            v1.gradients(y, [x])
            assert [op.name for op in g.get_operations()[before:]][1:3] == names
