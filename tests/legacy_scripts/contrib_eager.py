"""tf.contrib.eager in a TF1 graph, as graph-mode libraries use it, and contrib.framework's checkpoint readers and
get_name_scope: prints facts to compare with real TF 1.15. Argument: a folder for a checkpoint."""
import os
import sys
import unittest

import numpy as np
import tensorflow as tf
import tensorflow.contrib.eager as tfe_import
from tensorflow.contrib.eager.python import tfe

print("same module", tfe is tf.contrib.eager is tfe_import)
print("modes", tfe.in_eager_mode(), tfe.executing_eagerly())
double = tfe.defun(lambda x: x * 2.0)
y = double(tf.constant([1.5, 2.0]))
print("defun", [op.type for op in tf.get_default_graph().get_operations()][-1], y.shape.as_list())
traces = []


def scaled(x):  # a variable made inside: lifted into the graph, traced once per input signature
    traces.append(x.shape.as_list())
    with tf.variable_scope("defun_scope", reuse=tf.AUTO_REUSE):
        return x * tf.get_variable("scale", [1], initializer=tf.ones_initializer())


scaled_fn = tfe.defun(scaled)
for rows in (2, 2, 3):
    scaled_fn(tf.zeros([rows, 1]))
print("defun variables", traces, [v.op.name for v in tf.trainable_variables()], [v.op.name for v in
                                                                                tf.global_variables()])
v = tfe.Variable(2.0, name="v")
print("variable", type(v).__name__, v.name)
grads = tfe.implicit_gradients(lambda: v * v * 3.0)()
value, grads_and_vars = tfe.implicit_value_and_gradients(lambda: v * 5.0)()
dx = tfe.gradients_function(lambda x: x * x)(tf.constant(3.0))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print("values", sess.run(y).tolist(), sess.run(grads[0][0]), grads[0][1] is v, sess.run(value),
          sess.run(grads_and_vars[0][0]), [sess.run(d) for d in dx])
    try:
        tfe.Saver([v])
    except RuntimeError as e:
        print("saver", e)
    path = tf.train.Saver([v]).save(sess, os.path.join(sys.argv[1], "ckpt"))
    print("checkpoint", tf.contrib.framework.list_variables(path), tf.contrib.framework.load_variable(path, "v"))
opt = tf.train.AdamOptimizer(0.1)
opt.minimize(v * v)
with tf.name_scope("outer"):
    with tf.name_scope("inner"):
        print("name scope", tf.contrib.framework.get_name_scope())
print("optimizer variables", sorted(x.op.name for x in tfe.get_optimizer_variables(opt)))


@tfe.run_all_tests_in_graph_and_eager_modes
class Both(tf.test.TestCase):
    def test_add(self):
        self.assertAllEqual(self.evaluate(tf.constant(1) + 1), 2)


@tfe.run_all_tests_in_graph_and_eager_modes
class OneMode(tf.test.TestCase):
    def test_graph_only(self):
        if tf.executing_eagerly():
            self.skipTest("graph only")

    def test_eager_only(self):
        if not tf.executing_eagerly():
            self.skipTest("eager only")

    def test_fails_in_both(self):
        self.fail("always")


for case in (Both, OneMode):
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(case)
    result = unittest.TextTestRunner(stream=open(os.devnull, "w")).run(suite)
    print("graph and eager", result.testsRun, len(result.failures) + len(result.errors), len(result.skipped))
