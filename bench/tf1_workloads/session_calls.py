# Per-call cost of Session.run on a step with next to no work: TF1 code (TF 1.x API only, Python 3.6+).
# Prints one "CALL <case> <microseconds>" line per case: the best of ROUNDS rounds of N calls.
import collections
import sys
import time

import numpy as np
import tensorflow as tf

if not hasattr(tf, "placeholder"):  # plain TF 2.21: its compat.v1 in graph mode, the do-it-yourself way
    tf = tf.compat.v1
    tf.disable_v2_behavior()
N, ROUNDS = (int(a) for a in sys.argv[1:3])
x = tf.placeholder(tf.float32, [None, 4], name="x")
y = tf.placeholder(tf.float32, [None, 1], name="y")
w = tf.Variable(tf.zeros([4, 1]))
loss = tf.reduce_mean(tf.square(tf.matmul(x, w) - y))
train = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
acc = tf.reduce_mean(tf.abs(tf.matmul(x, w) - y))
sess = tf.Session()
sess.run(tf.global_variables_initializer())
xb, yb = np.ones([8, 4], np.float32), np.ones([8, 1], np.float32)
P = collections.namedtuple("P", "loss acc")
cases = [
    ("[train, loss] 2 feeds", lambda: sess.run([train, loss], feed_dict={x: xb, y: yb})),
    ("tensor, 2 feeds", lambda: sess.run(acc, feed_dict={x: xb, y: yb})),
    ("dict by name", lambda: sess.run({"l": loss.name, "t": train}, feed_dict={"x:0": xb, "y:0": yb})),
    ("namedtuple", lambda: sess.run(P(loss, acc), feed_dict={x: xb, y: yb})),
    ("variable, no feed", lambda: sess.run(w)),
]
best = dict((name, float("inf")) for name, _ in cases)
for name, f in cases:
    for _ in range(20):
        f()
for _ in range(ROUNDS):  # cases interleaved: load on the machine hits them alike
    for name, f in cases:
        t0 = time.perf_counter()
        for _ in range(N):
            f()
        best[name] = min(best[name], (time.perf_counter() - t0) / N)
for name, _ in cases:
    sys.stdout.write("CALL %s|%.1f\n" % (name, best[name] * 1e6))
