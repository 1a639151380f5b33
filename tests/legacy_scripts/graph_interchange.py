"""A tiny TF1 graph that writes itself out, or restores a checkpoint (TF 1.3-1.15 API; Python 3.6).

    python graph_interchange.py write DIR     # graph.pbtxt, model.ckpt(.meta), frozen.pb in DIR
    python graph_interchange.py restore CKPT  # the same graph, its variables from CKPT

Both print one JSON line: {"out": the output on a fixed input, "variables": the variable names}.
Run by tests/test_graph_interchange.py on real TF 1.x and under `legacy`.
"""
import json
import os
import sys

import numpy as np
import tensorflow as tf

mode, where = sys.argv[1], sys.argv[2]
tf.set_random_seed(3)
x = tf.placeholder(tf.float32, [None, 4, 4, 2], name="x")
W = tf.get_variable("W", [3, 3, 2, 3], initializer=tf.contrib.layers.xavier_initializer())
w = tf.get_variable("w", [3], initializer=tf.constant_initializer(0.1))  # same name but for its case
h = tf.nn.relu(tf.nn.conv2d(x, W, [1, 1, 1, 1], "SAME") + w)
h = tf.image.resize_bilinear(h, [8, 8])
h = tf.nn.max_pool(h, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
h = tf.reshape(h, [-1, 4 * 4 * 3])
h = tf.layers.dense(h, 5, activation=tf.nn.tanh)
h = tf.layers.dense(h, 4)
m = tf.matmul(tf.reshape(h, [-1, 2, 2]), tf.reshape(h, [-1, 2, 2]))
out = tf.identity(tf.add(tf.reshape(m, [-1, 4]), h), name="out")
saver = tf.train.Saver()
feed = {x: np.linspace(-1, 1, 2 * 4 * 4 * 2).reshape(2, 4, 4, 2).astype(np.float32)}

with tf.Session() as sess:
    if mode == "write":
        sess.run(tf.global_variables_initializer())
        tf.train.write_graph(sess.graph, where, "graph.pbtxt")
        saver.save(sess, os.path.join(where, "model.ckpt"))
        frozen = tf.graph_util.convert_variables_to_constants(sess, sess.graph.as_graph_def(), ["out"])
        with open(os.path.join(where, "frozen.pb"), "wb") as f:
            f.write(frozen.SerializeToString())
    else:
        saver.restore(sess, where)
    print(json.dumps({"out": sess.run(out, feed).tolist(),
                      "variables": [v.op.name for v in tf.global_variables()]}))
