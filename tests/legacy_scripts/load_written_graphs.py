"""Load what graph_interchange.py wrote and run it (TF 1.3-1.15 API; Python 3.6).

    python load_written_graphs.py DIR

Prints one JSON line: {"pbtxt": out after the graph's own initializers, "meta": out after
import_meta_graph + restore, "frozen": out of frozen.pb}, each on graph_interchange.py's input.
"""
import json
import os
import sys

import numpy as np
import tensorflow as tf
from google.protobuf import text_format

where = sys.argv[1]
x = np.linspace(-1, 1, 2 * 4 * 4 * 2).reshape(2, 4, 4, 2).astype(np.float32)
result = {}

graph_def = tf.GraphDef()
with open(os.path.join(where, "graph.pbtxt")) as f:
    text_format.Merge(f.read(), graph_def)
with tf.Graph().as_default() as g, tf.Session() as sess:
    tf.import_graph_def(graph_def, name="")
    sess.run([g.get_operation_by_name(v.name.split(":")[0] + "/Assign") for v in graph_def.node
              if v.op == "VariableV2"])
    result["pbtxt"] = sess.run("out:0", {"x:0": x}).tolist()

with tf.Graph().as_default(), tf.Session() as sess:
    saver = tf.train.import_meta_graph(os.path.join(where, "model.ckpt.meta"))
    saver.restore(sess, os.path.join(where, "model.ckpt"))
    result["meta"] = sess.run("out:0", {"x:0": x}).tolist()

graph_def = tf.GraphDef()
with open(os.path.join(where, "frozen.pb"), "rb") as f:
    graph_def.ParseFromString(f.read())
with tf.Graph().as_default(), tf.Session() as sess:
    tf.import_graph_def(graph_def, name="")
    result["frozen"] = sess.run("out:0", {"x:0": x}).tolist()
print(json.dumps(result))
