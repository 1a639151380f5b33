"""TF 1.x's ``tf.Operation(node_def, g, inputs, ...)`` constructor and TF 1.0-1.4's ``_add_input``
(compat/graph/operation_v1.py): an op made without its inputs, given them afterwards, as Edward's ``ed.copy``
does, against real TF 1.4; TF 1.15's refusal of ``_add_input``."""
import copy

import pytest

from tf1_cnn.compat import settings
from tf1_cnn.compat.graph import operation_v1, seed_rule

from .helpers import ROOT, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "operation_v1.py"


# what real TF 1.4.1 printed for SCRIPT (~/.cache/tf1-cnn/oracle/tf1.4/bin/python tests/legacy_scripts/operation_v1.py)
TF_1_4 = """same object True
c2 shape (2, 2)
d2 shape (4, 1) inputs ['c2:0', 'stack:0']
op seed 13
e [3.0, 3.0, 5.0, 5.0]"""


def test_as_on_tf_1_4():
    """Same op object by name, shapes from the real inputs (a Pack-built shape too), values, later op seeds."""
    got = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.4", "--no-report", str(SCRIPT))
    assert got.returncode == 0, got.stderr
    assert got.stdout.splitlines() == TF_1_4.splitlines()


@pytest.fixture
def graph_14():
    import tensorflow as tf

    operation_v1.install()
    previous = settings.configure(tf1_version="1.4")
    with tf.Graph().as_default() as g:
        yield tf, g
    settings.configure(**previous)


def _clone(tf, op, name, g):
    node_def = copy.deepcopy(op.node_def)
    node_def.name = name
    return tf.Operation(node_def, g, [], None, [], [], None, op.op_def)


def test_stand_ins_until_added_then_not_counted(graph_14):
    tf, g = graph_14
    a = tf.constant([1.0, 2.0], name="a")
    s = tf.add(a, a, name="s")
    count = seed_rule.op_count(g)
    s2 = _clone(tf, s.op, "s2", g)
    assert g._add_op(s2) == s2._id and g.get_operations().count(s2) == 1  # added once, as TF 1.4's create_op
    assert seed_rule.op_count(g) == count + 1  # the stand-in Placeholder is not an op TF 1.4 made
    assert [t.op.type for t in s2.inputs] == ["Placeholder", "Placeholder"]
    s2._add_input(a)
    s2._add_input(a, dtype=tf.float32)
    assert list(s2.inputs) == [a, a]
    with pytest.raises(ValueError, match="already has all 2 inputs"):
        s2._add_input(a)
    with pytest.raises(TypeError, match="Cannot convert a tensor of type float32 to an input of type int32"):
        _clone(tf, s.op, "s3", g)._add_input(a, dtype=tf.int32)


def test_complete_inputs_and_1_15(graph_14):
    tf, g = graph_14
    a = tf.constant([1.0, 2.0], name="a")
    s = tf.add(a, a, name="s")
    node_def = copy.deepcopy(s.op.node_def)
    node_def.name = "full"
    full = tf.Operation(node_def, g, [a, a])
    assert full.outputs[0].shape == (2,) and isinstance(full, tf.Operation)
    settings.configure(tf1_version="1.15")
    with pytest.raises(IndexError):  # TF 1.15 too: the C API needs every input when the op is made
        _clone(tf, s.op, "s4", g)
    with pytest.raises(AttributeError, match="_add_input"):
        full._add_input(a)
