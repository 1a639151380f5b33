"""compat/session_threads.py: local sessions get ``experimental.disable_thread_spinning`` on a copy of
their config (the caller's config and the tf.config defaults kept), remote ones and wrong configs are
TensorFlow's, ``TF1_CNN_THREAD_SPINNING=1`` keeps spinning, oneDNN kernels run a shard on their calling
thread unless the user's environment says otherwise, and training computes the same values bit for bit
with TensorFlow's own pools."""
import os
import subprocess
import sys

import pytest
import tensorflow as tf

from tf1_cnn.compat import session_threads

from .helpers import ROOT

v1 = tf.compat.v1


@pytest.fixture(scope="module", autouse=True)
def installed():
    already = bool(session_threads._installed)
    session_threads.install()
    yield
    if not already:
        session_threads.uninstall()


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def test_a_local_session_waits_without_spinning_on_a_copy_of_its_config(graph):
    config = v1.ConfigProto(intra_op_parallelism_threads=2, allow_soft_placement=True)
    config.graph_options.rewrite_options.constant_folding = 2  # OFF
    with v1.Session(config=config) as sess:
        assert sess._config.experimental.disable_thread_spinning
        assert sess._config.intra_op_parallelism_threads == 2 and sess._config.allow_soft_placement
        assert sess._config.graph_options.rewrite_options.constant_folding == 2
        assert sess.run(tf.constant(3.0) * 2) == 6.0
    assert not config.experimental.disable_thread_spinning  # the caller's object is not changed
    sess = v1.InteractiveSession()
    try:
        assert sess._config.experimental.disable_thread_spinning
    finally:
        sess.close()


def test_without_a_config_the_tf_config_defaults_are_kept(graph, monkeypatch):
    from tensorflow.python.eager import context

    default = context.context().config
    default.inter_op_parallelism_threads = 3
    monkeypatch.setattr(type(context.context()), "config", property(lambda self: default))
    sess = v1.Session()
    try:
        assert sess._config.inter_op_parallelism_threads == 3
        assert sess._config.experimental.disable_thread_spinning
        assert not default.experimental.disable_thread_spinning
    finally:
        sess.close()


def test_the_switch_keeps_spinning(graph, monkeypatch):
    monkeypatch.setenv(session_threads.ENV, "1")
    config = v1.ConfigProto(inter_op_parallelism_threads=1)
    with v1.Session(config=config) as sess:
        assert sess._config is config  # TensorFlow's own handling: the caller's object itself
        assert not sess._config.experimental.disable_thread_spinning


def test_remote_and_wrong_configs_are_tensorflows(graph):
    config = v1.ConfigProto()
    assert session_threads.config_for("grpc://localhost:2222", config) is config  # the server's pools
    assert session_threads.config_for(b"grpc://localhost:2222", None) is None
    with pytest.raises(TypeError, match="must be a tf.ConfigProto"):
        v1.Session(config={"intra_op_parallelism_threads": 1})
    with pytest.raises(TypeError, match="Did you do"):
        v1.Session(v1.ConfigProto())  # the config passed as the target: TensorFlow's message


def test_onednn_caller_thread_is_set_unless_the_user_chose():
    env = {}
    session_threads.prepare_environment(env)
    assert env == {"TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD": "1"}
    env = {"TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD": "0"}
    session_threads.prepare_environment(env)
    assert env == {"TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD": "0"}


SCRIPT = """
import os
import numpy as np
import tensorflow as tf
rs = np.random.RandomState(0)
tf.set_random_seed(1)
x = tf.placeholder(tf.float32, [None, 28, 28, 1]); y = tf.placeholder(tf.int64, [None])
h = tf.layers.conv2d(x, 8, 3, padding="same", activation=tf.nn.relu)
h = tf.layers.conv2d(h, 8, 1, strides=2, padding="same") + tf.layers.conv2d(h, 8, 3, strides=2, padding="same")
h = tf.layers.max_pooling2d(h, 2, 2)
logits = tf.layers.dense(tf.reshape(h, [-1, 7 * 7 * 8]), 10)
loss = tf.losses.sparse_softmax_cross_entropy(labels=y, logits=logits)
train = tf.train.AdamOptimizer(1e-2).minimize(loss)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(15):
    _, l = sess.run([train, loss], {x: rs.rand(10, 28, 28, 1), y: rs.randint(0, 10, 10)})
    print(repr(float(l)))
print(repr(sess.run(tf.reduce_sum(tf.trainable_variables()[0]))))
print(os.environ.get("TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD"))
print(sess._config.experimental.disable_thread_spinning)
"""


def test_training_computes_the_same_values_as_with_tensorflows_own_pools(tmp_path):
    """legacy's pools (no spinning, oneDNN's calling thread working: set by legacy itself) against
    TensorFlow's own (spinning, the calling thread waiting): conv (3x3, strided, 1x1), pooling, dense and
    Adam on batches of 10, every loss and a variable's sum equal bit for bit."""
    (tmp_path / "s.py").write_text(SCRIPT)
    procs = []
    for spinning in ("0", "1"):  # both at once: the two start-ups overlap
        env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", TF1_CNN_THREAD_SPINNING=spinning)
        env.pop("TF_NUM_INTRAOP_THREADS", None)
        env.pop("TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD", None)
        if spinning == "1":
            env["TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD"] = "0"  # TensorFlow's default
        procs.append(subprocess.Popen([sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", "s.py"],
                                      cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True))
    outs = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        outs.append(out.split())
    assert outs[0][-2:] == ["1", "True"] and outs[1][-2:] == ["0", "False"]
    assert len(outs[0]) == 18 and outs[0][:-2] == outs[1][:-2]
