"""Run a TF1 workload on plain TensorFlow 2.21, without tf1_cnn: the do-it-yourself setup (as
bench/legacy_overhead.py's "plain"), for what the runtime itself adds (bench/vs_tf1.py's tf2.21 row).

    python _plain_tf2.py WORKLOAD [ARGS...]

``import tensorflow as tf`` in the workload gets the real module with every ``tf.compat.v1`` name
set on it (copied from the module's own dict: lazily loaded ones, Keras, stay unloaded), graph mode
(``disable_v2_behavior``), ``tf.contrib.layers`` from tf_slim. TensorFlow is imported here, before the
workload's first line: its start-up figures are not comparable, only its steps and memory.
"""
import os
import runpy
import sys
import types

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
import tensorflow as tf  # noqa: E402

v1 = tf.compat.v1
v1.disable_v2_behavior()
for name, value in list(vars(v1).items()):
    if not name.startswith("_") and name != "compat":
        setattr(tf, name, value)
import tf_slim  # noqa: E402

tf.contrib = types.SimpleNamespace(layers=tf_slim)
script = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
runpy.run_path(script, run_name="__main__")
