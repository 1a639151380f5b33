"""TF 1.x's tf.Operation(node_def, g, inputs, ...) with the inputs given afterwards (TF 1.0-1.4's _add_input),
as graph-copying libraries of the era used it: run on real TF 1.4 and under legacy --tf1-version 1.4."""
import copy

import tensorflow as tf
from tensorflow.python.framework.ops import set_shapes_for_outputs


def clone(op, name, graph):
    node_def = copy.deepcopy(op.node_def)
    node_def.name = name
    new = tf.Operation(node_def, graph, [], op._output_types[:], [], [], None, copy.deepcopy(op.op_def))
    graph._add_op(new)
    return new


g = tf.Graph()
with g.as_default():
    tf.set_random_seed(7)
    a = tf.constant([[1.0, 2.0], [3.0, 4.0]], name="a")
    b = tf.constant([2.0, 1.0], name="b")
    n = tf.placeholder(tf.int32, [], name="n")
    c = tf.add(a, b, name="c")
    d = tf.reshape(c, tf.stack([n, 1]), name="d")
    c2 = clone(c.op, "c2", g)
    print("same object", g.get_operation_by_name("c2") is c2)
    for t in (a, b):
        c2._add_input(t)
    set_shapes_for_outputs(c2)
    print("c2 shape", c2.outputs[0].get_shape())
    d2 = clone(d.op, "d2", g)
    d2._add_input(c2.outputs[0])
    d2._add_input(d.op.inputs[1])
    set_shapes_for_outputs(d2)
    print("d2 shape", d2.outputs[0].get_shape(), "inputs", [t.name for t in d2.inputs])
    e = tf.identity(d2.outputs[0], name="e")
    r = tf.random_uniform([], name="r")
    print("op seed", g.get_operation_by_name("r/RandomUniform").get_attr("seed2"))
    with tf.Session() as sess:
        print("e", sess.run(e, {n: 4}).ravel().tolist())
