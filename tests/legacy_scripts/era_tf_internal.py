"""TF-internal names the era's libraries import (tflearn, Edward, tf_slim, tensor2tensor, tensorlayer).
Runs on TF 1.4 (the oracle) and under ``legacy``; each line is checked by tests/test_era_tf_internal.py."""
import collections

import numpy as np
import tensorflow as tf
from tensorflow.python.framework import ops
from tensorflow.python.framework.ops import set_shapes_for_outputs
from tensorflow.python.util.nest import is_sequence
from tensorflow.python.training import training_ops
from tensorflow.python.ops import control_flow_ops, array_ops, variable_scope

Point = collections.namedtuple("Point", "x y")
cases = [[1], (), (1, 2), {"a": 1}, collections.OrderedDict(b=1), Point(1, 2), "ab", b"ab", 3, None,
         np.zeros(2), set([1]), {"a": 1}.keys()]
print("is_sequence", [is_sequence(c) for c in cases])
print("operators", sorted(op for op in tf.Tensor.OVERLOADABLE_OPERATORS if "eq" in op), len(tf.Tensor.OVERLOADABLE_OPERATORS))

with tf.Graph().as_default():
    x = tf.placeholder(tf.float32, [None, 3])
    y = tf.matmul(x, tf.ones([3, 4]))
    print("set_shapes_for_outputs", set_shapes_for_outputs(y.op), y.shape.as_list())
    try:
        set_shapes_for_outputs(y)
    except Exception as exc:
        print("set_shapes_for_outputs tensor", type(exc).__name__)


def shape_fn(op):
    return [op.inputs[0].get_shape()]


print("RegisterShape", ops.RegisterShape("TF1CnnEraOp")(shape_fn) is shape_fn)
print("training_ops", callable(training_ops.apply_adam), callable(training_ops.resource_apply_adam))
with tf.Graph().as_default():
    p = tf.placeholder(tf.bool, [])
    out = control_flow_ops.cond(p, lambda: tf.constant(1), lambda: tf.constant(2))
    st = array_ops.stack([tf.constant(1), tf.constant(2)])
    v = variable_scope.variable(3.0, name="v")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print("moved", sess.run([out, st, v], {p: False})[0], sess.run(st).tolist(), isinstance(st, ops.Tensor))
with tf.Graph().as_default():
    r = tf.get_variable("r", [1], use_resource=True)
    print("resource_variable", isinstance(r, tf.Variable), issubclass(type(r), tf.Variable),
          isinstance(tf.placeholder(tf.float32), tf.Variable), r.initialized_value().dtype)
from tensorflow.python.estimator.canned import prediction_keys  # noqa: E402

print("estimator", prediction_keys.PredictionKeys.CLASSES, prediction_keys.PredictionKeys.PROBABILITIES)
