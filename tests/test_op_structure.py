"""TF 1.x's op structures and seed rule (tf1_cnn/compat/op_structure.py, seed_rule.py, settings.py)."""
import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn.compat import op_structure, settings, tf1
from tf1_cnn.compat.seed_rule import op_count

v1 = tf.compat.v1


def _new_ops(fn, version="1.3", rule="tf1"):
    """Types of the ops ``fn(x, keep_prob)`` adds to a fresh TF1-behaviour graph."""
    with tf.Graph().as_default() as g, settings.using(rule, version), op_structure.v1_behavior():
        x = v1.placeholder(tf.float32, [None, 2, 2, 16])
        kp = v1.placeholder(tf.float32)
        n = op_count(g)
        fn(x, kp)
        return [op.type for op in g.get_operations()[n:]]


FAMILIES = {
    "contrib.layers.flatten": lambda x, kp: tf1.contrib.layers.flatten(x),
    "layers.flatten": lambda x, kp: tf1.layers.flatten(x),
    "nn.dropout(keep_prob tensor)": lambda x, kp: tf1.nn.dropout(x, kp),
    "xavier / glorot uniform initializer": lambda x, kp: tf1.contrib.layers.xavier_initializer()([3, 4], tf.float32),
    "truncated_normal / random_normal": lambda x, kp: tf1.truncated_normal([3], stddev=0.1),
    "layers.dense (2-D input)": lambda x, kp: tf1.layers.dense(v1.placeholder(tf.float32, [None, 5]), 6),
    "layers.conv2d": lambda x, kp: tf1.layers.conv2d(x, 4, 2),
}


@pytest.mark.parametrize("family,version", [(f, v) for f in op_structure.OP_COUNTS for v in op_structure.OP_COUNTS[f]])
def test_each_family_builds_its_tf1_op_count(family, version):
    before, total, _source = op_structure.OP_COUNTS[family][version]
    types = _new_ops(FAMILIES[family], version)
    if family.startswith("layers.dense"):
        types = types[1:]  # the extra placeholder
    assert len(types) == total, types
    if before is not None:
        assert types.index(next(t for t in types if t in ("RandomUniform", "TruncatedNormal"))) == before, types


def _course_graph(version, rule="tf1"):
    """The course's graph (project code); returns the FC weights' draw op's (seed, seed2)."""
    from tf1_cnn.signs import convnet

    v = convnet.Variant("course", 0.009, 100, rule, version, ("fully_connected/weights", "fully_connected/biases"))
    with tf.Graph().as_default() as g:
        convnet.build(64, 64, 3, 6, v)
        op = g.get_operation_by_name("fully_connected/weights/Initializer/random_uniform/RandomUniform")
        return op.get_attr("seed"), op.get_attr("seed2")


def test_course_fc_draws_with_op_seed_45_as_on_tf_1_3():
    # 28 ops + contrib's 14-op flatten + xavier's 3 constants
    assert _course_graph("1.3") == (1, 45)


def test_later_tf1_flatten_gives_op_seed_39():
    # 1.5-1.15: contrib flatten through the core Flatten layer, 8 ops
    assert _course_graph("1.15") == (1, 39)


def test_tf2_rule_counts_unseeded_draws_from_zero():
    # W1 and W2 are seeded (seed=0); the FC initializer is the graph's first unseeded draw
    assert _course_graph("1.3", rule="tf2") == (1, 0)


def test_unseeded_dropout_and_random_normal_draw_the_op_count():
    with tf.Graph().as_default() as g, settings.using("tf1", "1.3"), op_structure.v1_behavior():
        v1.set_random_seed(7)
        x = v1.placeholder(tf.float32, [None, 4])
        n = op_count(g)
        r = tf1.random_normal([3])  # shape, mean, stddev constants, then the draw
        assert r.op.inputs[0].op.inputs[0].op.get_attr("seed2") == n + 3
        kp = v1.placeholder(tf.float32)
        n = op_count(g)
        d = tf1.nn.dropout(x, kp)  # Shape, min, max, then the draw
        draw = next(op for op in g.get_operations() if op.type == "RandomUniform" and op.name.startswith("dropout"))
        assert (draw.get_attr("seed"), draw.get_attr("seed2")) == (7, n + 3)
        assert d.shape.as_list() == [None, 4]


def test_tf1_dropout_keeps_x_over_keep_prob_or_zero():
    with tf.Graph().as_default(), settings.using("tf1", "1.3"), op_structure.v1_behavior():
        v1.set_random_seed(0)
        x = tf.ones([1000])
        d = tf1.nn.dropout(x, 0.25)
        with v1.Session() as s:
            out = s.run(d)
    assert set(np.unique(out)) <= {0.0, 4.0} and 0.15 < (out > 0).mean() < 0.35


def test_settings_reject_unknown_choices_and_restore():
    with pytest.raises(ValueError, match="seed rule"):
        settings.configure(seed_rule="tf3")
    with pytest.raises(ValueError, match="TF 1.x version"):
        settings.configure(tf1_version="1.7")
    before = settings.current("seed_rule")
    with settings.using("tf1"):
        assert settings.current("seed_rule") == "tf1"
    assert settings.current("seed_rule") == before
