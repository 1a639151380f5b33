"""names.py: unique names and tf.layers scopes as TF 1.3.0 / 1.4.1 / 1.15.5 made them (oracle)."""
import pytest
import tensorflow as tf

from tf1_cnn.compat import settings
from tf1_cnn.compat.graph import names, op_structure
from tf1_cnn.compat.facade import tf1

from .oracle_graphs import VERSIONS, oracle_ops, runtime_ops

SNIPPETS = {
    # case: a course notebook creating X and x; name scopes differing by case
    "case": "a = tf.placeholder(tf.float32, [None, 3], name='X')\n"
            "for n in ('x', 'x', 'X'):\n"
            "    tf.placeholder(tf.float32, [None, 3], name=n)\n"
            "tf.constant(1.0, name='Foo'); tf.constant(2.0, name='foo'); tf.constant(3.0, name='FOO')\n"
            "with tf.name_scope('Scope'):\n    tf.constant(1.0, name='c')\n"
            "with tf.name_scope('scope'):\n    tf.constant(1.0, name='c')\n"
            "with tf.variable_scope('Net'):\n    tf.get_variable('v', [2])\n"
            "with tf.variable_scope('net'):\n    tf.get_variable('v', [2])\n",
    # tf.layers: unnamed layers, variables vs ops, names used up, explicit names and reuse
    "layers": "x = tf.placeholder(tf.float32, [None, 4, 4, 2], name='x')\n"
              "h = tf.layers.max_pooling2d(x, 2, 2)\n"
              "h = tf.layers.max_pooling2d(h, 2, 2)\n"
              "h = tf.reshape(h, [-1, 2])\n"
              "for i in range(3):\n    h = tf.layers.dense(h, 2)\n"
              "tf.identity(h, name='dense_1'); tf.identity(h, name='dense_3')\n"
              "with tf.name_scope('dense/'):\n    tf.identity(h, name='dense')\n"
              "a = tf.layers.dense(h, 2, name='fc')\n"
              "b = tf.layers.dense(h, 2, name='fc', reuse=True)\n"
              "with tf.variable_scope('net'):\n"
              "    c = tf.layers.dense(h, 2)\n    c = tf.layers.dense(c, 2, activation=tf.nn.relu)\n"
              "with tf.variable_scope('net', reuse=True):\n    tf.layers.dense(h, 2, name='dense')\n"
              "tf.identity(c, name='fc_1'); tf.identity(c, name='net_1')\n",
}


@pytest.fixture(scope="module")
def oracle(tf1_oracle):
    return {v: oracle_ops(tf1_oracle(v), SNIPPETS) for v in VERSIONS}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("snippet", sorted(SNIPPETS))
def test_op_names_are_tf1s(oracle, version, snippet):
    expected = [name for name, _ in oracle[version][snippet]]
    got = [name for name, _ in runtime_ops(version, {snippet: SNIPPETS[snippet]})[snippet]]
    assert got == expected


def test_the_oracle_tells_the_versions_apart(oracle):
    """The rules are per version: 1.3/1.4 case-sensitive with tf.layers' extra scopes, 1.15 not."""
    case = {v: [n for n, t in oracle[v]["case"] if t == "Placeholder"] for v in oracle}
    for v in ("1.3", "1.4"):
        if v in case:
            assert case[v] == ["X", "x", "x_1", "X_1"]
    assert case["1.15"] == ["X", "x_1", "x_2", "X_3"]
    matmuls = {v: [n for n, t in oracle[v]["layers"] if t == "MatMul"][:3] for v in oracle}
    assert matmuls["1.3"] == ["dense/MatMul", "dense_2/MatMul", "dense_3/MatMul"]
    assert matmuls["1.15"] == ["dense/MatMul", "dense_1/MatMul", "dense_2/MatMul"]


def test_tf2_rule_keeps_tensorflow_2s_names():
    """Under the "tf2" seed rule (TensorFlow 2's behaviour) names stay TF 2.21's: case-insensitive."""
    names.patch()
    with tf.Graph().as_default(), settings.using("tf2", "1.3"), op_structure.v1_behavior():
        got = [tf1.placeholder(tf.float32, name=n).op.name for n in ("X", "x", "x", "X")]
    assert got == ["X", "x_1", "x_2", "X_3"]


def test_case_sensitive_names_without_the_oracle():
    """TF 1.4.1's unique_name: the rule itself, independent of the oracle environments."""
    names.patch()
    with tf.Graph().as_default() as g, settings.using("tf1", "1.3"):
        assert [g.unique_name(n) for n in ("X", "x", "x", "X", "x_1")] == ["X", "x", "x_1", "X_1", "x_1_1"]
        assert g.unique_name("y", mark_as_used=False) == "y" and g.unique_name("y") == "y"


def test_imported_ops_are_recorded_case_sensitively():
    """Ops made by the C API (import_graph_def) take their exact names under 1.3/1.4, not lowered ones."""
    names.patch()
    with tf.Graph().as_default() as source:
        tf.compat.v1.placeholder(tf.float32, name="A")
    with tf.Graph().as_default(), settings.using("tf1", "1.3"), op_structure.v1_behavior():
        tf1.import_graph_def(source.as_graph_def(), name="")
        got = [tf1.placeholder(tf.float32, name=n).op.name for n in ("a", "A")]
    assert got == ["a", "A_1"]


def test_both_rules_in_one_graph_never_repeat_a_name():
    """The project's own graphs build part of a graph under using("tf1") and the rest under TF 2's
    rule (signs/training.py): neither rule may pick a name the other made."""
    names.patch()
    with tf.Graph().as_default() as g, op_structure.v1_behavior():
        with settings.using("tf1", "1.3"):
            tf.constant(1.0), tf.constant(2.0, name="const")
        with settings.using("tf2", "1.3"):
            tf.constant(3.0), tf.constant(4.0, name="Const")
        with settings.using("tf1", "1.3"):
            tf.constant(5.0)
    got = [op.name for op in g.get_operations()]
    assert len(set(got)) == len(got), got
    assert got[:2] == ["Const", "const"]  # TF 1.3's case-sensitive rule where it was selected
