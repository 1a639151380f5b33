"""compat/session.py: repeated Session.run calls through the cached fast path give what TensorFlow's own
``BaseSession._run`` gives (values, types, structures, errors), and fall back to it whenever they must."""
import collections
import os
import subprocess
import sys

import numpy as np
import pytest
import tensorflow as tf
from tensorflow.python.client import session as session_lib

from tf1_cnn.compat import session as fast

from .helpers import ROOT
from .test_kernel import _run, _text, tf1_prefix  # noqa: F401 (the fixture)

v1 = tf.compat.v1
P = collections.namedtuple("P", "loss acc")


@pytest.fixture(scope="module", autouse=True)
def installed():
    already = bool(fast._installed)
    fast.install()
    yield
    if not already:
        fast.uninstall()


def original(sess, fetches, feed_dict=None):
    """TensorFlow's own path for the same call."""
    return session_lib.BaseSession._run._tf1_cnn_original(sess, None, fetches, feed_dict, None, None)


def same(a, b):
    assert type(a) is type(b), (a, b)
    if isinstance(a, dict):
        assert list(a) == list(b)
        for k in a:
            same(a[k], b[k])
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            same(x, y)
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b), (a, b)
    else:
        assert a == b or (a is None and b is None), (a, b)


def hits(sess):
    return sum(e.hits for e in sess.__dict__.get("_tf1_cnn_run_cache", {}).values())


@pytest.fixture()
def graph():
    g = tf.Graph()
    with g.as_default():
        x = v1.placeholder(tf.float32, [None, 2], name="x")
        y = v1.placeholder(tf.float32, [None, 1], name="y")
        w = v1.Variable(tf.ones([2, 1]), name="w", use_resource=False)
        r = v1.Variable(tf.ones([1]), name="r", use_resource=True)
        out = tf.matmul(x, w)
        loss = tf.reduce_mean(tf.square(out - y), name="loss")
        acc = tf.reduce_mean(tf.abs(out - y), name="acc")
        train = v1.train.GradientDescentOptimizer(0.1).minimize(loss, name="train")
        sess = v1.Session(graph=g)
        sess.run(v1.global_variables_initializer())
        yield g, sess, dict(x=x, y=y, w=w, r=r, out=out, loss=loss, acc=acc, train=train)
        sess.close()


def test_fetch_structures_give_what_tensorflows_path_gives(graph):
    g, sess, t = graph
    feed = {t["x"]: np.ones([3, 2], np.float32), t["y"]: np.zeros([3, 1], np.float32)}
    structures = [t["loss"], [t["loss"], t["acc"]], (t["loss"], t["out"]), {"a": t["loss"], "b": t["w"]},
                  P(t["loss"], t["acc"]), {"n": [t["acc"], (t["out"], {"l": "loss:0"})], "p": P("acc:0", t["r"])},
                  "loss:0", [t["x"], t["loss"]], t["w"], t["r"], [t["w"].initializer, t["loss"]]]
    for fetches in structures:
        before = hits(sess)
        first = sess.run(fetches, feed)  # the normal path, then cached
        same(first, original(sess, fetches, feed))
        same(sess.run(fetches, feed), original(sess, fetches, feed))
        assert hits(sess) == before + 1, fetches
    # an op alone, an op by name: None, as run gives
    assert sess.run(t["w"].initializer) is None and sess.run(t["w"].initializer) is None
    assert sess.run("train", feed) is None and sess.run("train", feed) is None


def test_feeds_by_tensor_and_by_name_with_new_values_each_call(graph):
    g, sess, t = graph
    for step in range(4):
        xs = np.full([2, 2], step, np.float32)
        by_tensor = sess.run([t["out"], t["loss"]], {t["x"]: xs, t["y"]: [[1.0], [2.0]]})
        by_name = sess.run([t["out"], t["loss"]], {"x:0": xs.tolist(), "y:0": [[1.0], [2.0]]})
        same(by_tensor, original(sess, [t["out"], t["loss"]], {t["x"]: xs, t["y"]: [[1.0], [2.0]]}))
        same(by_name, by_tensor)
    assert hits(sess) == 6
    # a fetched tensor that is also fed comes back as the fed value (converted to its dtype)
    fed = sess.run([t["out"], t["loss"]], {t["out"]: [[5]], t["y"]: [[1.0]]})
    fed = sess.run([t["out"], t["loss"]], {t["out"]: [[5]], t["y"]: [[1.0]]})
    same(fed, original(sess, [t["out"], t["loss"]], {t["out"]: [[5]], t["y"]: [[1.0]]}))
    assert fed[0].dtype == np.float32 and fed[1] == 16.0


def test_training_steps_match_tensorflows_path_step_by_step(graph):
    g, sess, t = graph
    rng = np.random.RandomState(0)
    batches = [(rng.rand(4, 2).astype(np.float32), rng.rand(4, 1).astype(np.float32)) for _ in range(5)]
    fast_losses = [sess.run([t["train"], t["loss"]], {t["x"]: a, t["y"]: b})[1] for a, b in batches]
    sess.run(v1.global_variables_initializer())
    slow_losses = [original(sess, [t["train"], t["loss"]], {t["x"]: a, t["y"]: b})[1] for a, b in batches]
    assert fast_losses == slow_losses and hits(sess) == 4


def test_sparse_and_string_feeds():
    g = tf.Graph()
    with g.as_default():
        sp = v1.sparse_placeholder(tf.float32, name="sp")
        total = v1.sparse_reduce_sum(sp)
        s = v1.placeholder(tf.string, [None])
        n = tf.strings.length(s)
        st = tf.SparseTensor([[0, 0]], [1.0], [2, 2])
        with v1.Session(graph=g) as sess:
            for values in ([1.0, 2.0], [3.0, 4.0]):
                value = v1.SparseTensorValue([[0, 0], [1, 1]], values, [2, 2])
                same(sess.run(total, {sp: value}), original(sess, total, {sp: value}))
                as_tuple = ([[0, 0], [1, 1]], values, [2, 2])
                same(sess.run(total, {sp: as_tuple}), original(sess, total, {sp: as_tuple}))
            for words in (["a", "bcd"], [b"xy", b""]):
                same(sess.run([n], {s: words}), original(sess, [n], {s: words}))
            fetched = [sess.run(st), sess.run(st)]
            assert all(type(f).__name__ == "SparseTensorValue" for f in fetched)
            np.testing.assert_array_equal(fetched[1].values, [1.0])
            assert hits(sess) == 5
            # a sparse feed of another structure: TensorFlow's own path and its own error
            with pytest.raises(Exception) as fast_error:
                sess.run(total, {sp: ([[0, 0]], [1.0])})
            with pytest.raises(type(fast_error.value)) as slow_error:
                original(sess, total, {sp: ([[0, 0]], [1.0])})
            assert str(fast_error.value) == str(slow_error.value)


def _errors_alike(call, slow):
    with pytest.raises(Exception) as a:
        call()
    with pytest.raises(Exception) as b:
        slow()
    assert type(a.value) is type(b.value) and str(a.value) == str(b.value)
    return a.value


def test_errors_on_a_cached_call_are_tensorflows(graph):
    g, sess, t = graph
    fetches = [t["loss"], t["acc"]]
    good = {t["x"]: np.ones([1, 2], np.float32), t["y"]: np.ones([1, 1], np.float32)}
    sess.run(fetches, good)
    for bad in ({t["x"]: np.ones([1, 3], np.float32), t["y"]: np.ones([1, 1], np.float32)},  # shape
                {t["x"]: t["out"], t["y"]: np.ones([1, 1], np.float32)},  # a Tensor as value
                {t["x"]: [[1, "a"]], t["y"]: [[1.0]]}):  # a value that does not convert
        _errors_alike(lambda: sess.run(fetches, bad), lambda: original(sess, fetches, bad))
    with g.as_default():
        i = v1.placeholder(tf.int32, [])
        checked = tf.debugging.check_numerics(t["loss"] / tf.cast(i, tf.float32), "divided")
    sess.run(checked, {**good, i: 1})
    assert isinstance(_errors_alike(lambda: sess.run(checked, {**good, i: 0}),
                                    lambda: original(sess, checked, {**good, i: 0})), tf.errors.InvalidArgumentError)
    _errors_alike(lambda: sess.run(checked, {**good, i: 2 ** 40}), lambda: original(sess, checked, {**good, i: 2 ** 40}))
    # a placeholder's shape refined after the call was cached: the new shape is checked
    t["y"].set_shape([1, 1])
    _errors_alike(lambda: sess.run(fetches, {t["x"]: np.ones([2, 2]), t["y"]: np.ones([2, 1])}),
                  lambda: original(sess, fetches, {t["x"]: np.ones([2, 2]), t["y"]: np.ones([2, 1])}))
    sess.close()
    with pytest.raises(RuntimeError, match="Attempted to use a closed Session"):
        sess.run(fetches, good)


def test_a_tensor_made_unfeedable_after_the_call_was_cached_is_refused_as_tensorflow_refuses(graph):
    g, sess, t = graph
    fetches = [t["loss"], t["acc"]]
    good = {t["x"]: np.ones([1, 2], np.float32), t["y"]: np.ones([1, 1], np.float32)}
    sess.run(fetches, good)
    sess.run(fetches, good)
    assert hits(sess) == 1
    g.prevent_feeding(t["y"])
    _errors_alike(lambda: sess.run(fetches, good), lambda: original(sess, fetches, good))


def test_the_shape_check_is_tensorshapes():
    """fast._shape_accepts(static, numpy shape) answers as TensorShape.is_compatible_with."""
    shapes = ((), (3,), (2,), (3, 2), (2, 2), (3, 2, 1), (0, 2))
    for static in (None, [], [None], [3], [None, 2], [3, None], [3, 2], [None, None, 1]):
        static = tf.TensorShape(static)
        for shape in shapes:
            assert fast._shape_accepts(static, shape) == static.is_compatible_with(shape), (static, shape)


def test_options_and_run_metadata_are_honoured(graph):
    g, sess, t = graph
    feed = {t["x"]: np.ones([1, 2], np.float32), t["y"]: np.ones([1, 1], np.float32)}
    options = v1.RunOptions(trace_level=v1.RunOptions.FULL_TRACE)
    for _ in range(2):
        metadata = v1.RunMetadata()
        sess.run(t["loss"], feed, options=options, run_metadata=metadata)
        assert metadata.step_stats.dev_stats, "no trace on the cached call"
    assert hits(sess) == 1


def test_structure_and_feed_key_changes_and_graph_growth(graph):
    g, sess, t = graph
    feed = {t["x"]: np.ones([1, 2], np.float32), t["y"]: np.ones([1, 1], np.float32)}
    a = sess.run([t["loss"], t["acc"]], feed)
    b = sess.run([t["acc"], t["loss"]], feed)
    assert [a[1], a[0]] == b
    c = sess.run({"acc": t["acc"]}, {t["y"]: np.ones([1, 1], np.float32), t["x"]: np.ones([1, 2], np.float32)})
    assert c == {"acc": a[1]}
    with g.as_default():
        doubled = t["loss"] * 2  # the graph grows after the calls were cached
    assert sess.run([t["loss"], t["acc"]], feed) == a and sess.run(doubled, feed) == 2 * a[0]
    assert len(sess._tf1_cnn_run_cache) == 5 and hits(sess) == 1  # with the initializer's run
    # partial_run is TensorFlow's own
    h = sess.partial_run_setup([t["out"], t["loss"]], [t["x"], t["y"]])
    out = sess.partial_run(h, t["out"], {t["x"]: np.ones([1, 2], np.float32)})
    assert out.tolist() == [[2.0]]


def test_out_of_range_at_the_end_of_a_dataset():
    g = tf.Graph()
    with g.as_default():
        nxt = v1.data.make_one_shot_iterator(tf.data.Dataset.range(3)).get_next()
        with v1.Session(graph=g) as sess:
            assert [sess.run(nxt) for _ in range(3)] == [0, 1, 2]
            with pytest.raises(tf.errors.OutOfRangeError):
                sess.run(nxt)
            assert hits(sess) == 3


def test_a_session_with_a_target_is_left_to_tensorflow():
    server = v1.train.Server.create_local_server()
    g = tf.Graph()
    with g.as_default():
        x = v1.placeholder(tf.float32, [])
        with v1.Session(server.target, graph=g) as sess:
            assert [sess.run(x * 2, {x: v}) for v in (1.0, 2.0)] == [2.0, 4.0]
            assert "_tf1_cnn_run_cache" not in sess.__dict__


LEGACY_SCRIPT = """
import collections
import numpy as np
import tensorflow as tf
from tensorflow.python.client import session as session_lib
x = tf.placeholder(tf.float32, [None, 2])
w = tf.Variable(tf.ones([2, 1]))
loss = tf.reduce_mean(tf.matmul(x, w))
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(3):
    print(sess.run([train, loss], feed_dict={x: np.full([2, 2], i, np.float32)})[1])
print(sum(e.hits for e in getattr(sess, "_tf1_cnn_run_cache", {}).values()))
"""


def test_under_legacy_and_off_under_the_switch(tmp_path):
    (tmp_path / "s.py").write_text(LEGACY_SCRIPT)
    outs = []
    for switch in ("1", "0"):
        env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", TF1_CNN_SESSION_CACHE=switch)
        proc = subprocess.run([sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", "s.py"], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout.split())
    assert outs[0][:3] == outs[1][:3] == ["0.0", "2.0", "3.6"]
    assert outs[0][3] == "2" and outs[1][3] == "0"  # two calls served by the fast path; none when off


def test_in_the_tf1_kernel(tf1_prefix):
    cells = _run([
        "import numpy as np\nimport tensorflow as tf\nfrom tensorflow.python.client import session as session_lib\n"
        "x = tf.placeholder(tf.float32, [None, 2])\nloss = tf.reduce_sum(x * 2)\nsess = tf.Session()",
        "runs = [sess.run({'l': loss}, {x: [[i, 1.0]]}) for i in range(3)]\n"
        "slow = session_lib.BaseSession._run._tf1_cnn_original(sess, None, {'l': loss}, {x: [[2, 1.0]]}, None, None)\n"
        "print(runs, slow, sum(e.hits for e in sess._tf1_cnn_run_cache.values()))",
    ], "tf1", tf1_prefix)
    assert _text(cells[1]) == "[{'l': 2.0}, {'l': 4.0}, {'l': 6.0}] {'l': 6.0} 2\n", cells[1].outputs


def test_feed_conversion_is_numpy_compats():
    """The fast path converts a feed value as ``_run`` does (numpy_compat.np_asarray to the dtype)."""
    from tensorflow.python.util import numpy_compat

    for value, dtype in ((0.5, np.float32), ([[1, 2]], np.int32), (np.arange(3.0), np.float32), ([True], np.bool_),
                         (np.float64(1e40), np.float32), ([b"ab", "c"], np.object_), (7, np.int64)):
        got, want = fast._convert(value, dtype), numpy_compat.np_asarray(value, dtype)
        assert type(got) is type(want) and got.dtype == want.dtype and got.shape == want.shape, value
        assert got.tolist() == want.tolist() if dtype is np.object_ else got.tobytes() == want.tobytes(), value
