"""Benchmark: what the TF 1.x float mode (``legacy --tf1-floats``) costs per training step.

    python bench/tf1_floats_cost.py [--steps 200] [--threads 1]

A TF1 CNN (28x28x1 input, conv 5x5x8 + max-pool, conv 5x5x16 + max-pool, dense 10, softmax
cross-entropy, Adam; batch 32; seeded random data) trained under ``legacy --tf1-version 1.15``,
each configuration in a fresh process, side by side in one run:
  default      TF 2.21's kernels, oneDNN on
  onednn-off   TF_ENABLE_ONEDNN_OPTS=0 (Eigen's conv and matmul, as TF 1.15 ran them)
  tf1-floats   --tf1-floats (oneDNN off, and TF 1.15's Exp/Log/Reciprocal/Sum/Mean/xent/Adam)
Prints the median step time (ms) of each after 20 warm-up steps, and the ratios to the default.
The first use of the mode builds its kernels (once per TensorFlow version): run once before timing.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = '''
import os, sys, time
import numpy as np
import tensorflow as tf
rs = np.random.RandomState(0)
X = rs.rand(512, 28, 28, 1).astype(np.float32)
Y = np.eye(10, dtype=np.float32)[rs.randint(0, 10, 512)]
tf.set_random_seed(1)
x = tf.placeholder(tf.float32, [None, 28, 28, 1]); y = tf.placeholder(tf.float32, [None, 10])
h = tf.layers.max_pooling2d(tf.layers.conv2d(x, 8, 5, padding="same", activation=tf.nn.relu), 2, 2)
h = tf.layers.max_pooling2d(tf.layers.conv2d(h, 16, 5, padding="same", activation=tf.nn.relu), 2, 2)
logits = tf.layers.dense(tf.reshape(h, [-1, 7 * 7 * 16]), 10)
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
train = tf.train.AdamOptimizer(1e-3).minimize(loss)
threads = int(sys.argv[2])
cfg = tf.ConfigProto(intra_op_parallelism_threads=threads, inter_op_parallelism_threads=threads)
times = []
with tf.Session(config=cfg) as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(int(sys.argv[1]) + 20):
        i = (step * 32) % 480
        t0 = time.perf_counter()
        sess.run([train, loss], {x: X[i:i + 32], y: Y[i:i + 32]})
        times.append(time.perf_counter() - t0)
print("step_ms", " ".join("%.4f" % (t * 1e3) for t in times[20:]))
'''

CONFIGS = (("default", [], {}), ("onednn-off", [], {"TF_ENABLE_ONEDNN_OPTS": "0"}),
           ("tf1-floats", ["--tf1-floats"], {}))


def run(script, flags, extra_env, steps, threads):
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", **extra_env)
    env.pop("TF1_CNN_TF1_FLOATS", None)
    cmd = [sys.executable, "-m", "tf1_cnn", "legacy", "--tf1-version", "1.15", "--no-report", *flags,
           script, str(steps), str(threads)]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    m = re.search(r"^step_ms (.*)$", out.stdout, re.M)
    if out.returncode != 0 or not m:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr[-1500:]}")
    return statistics.median(float(t) for t in m.group(1).split())


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "cnn.py")
        Path(script).write_text(SCRIPT)
        got = {name: run(script, flags, env, args.steps, args.threads) for name, flags, env in CONFIGS}
    base = got["default"]
    for name, ms in got.items():
        print(f"{name:12} {ms:8.2f} ms/step   x{ms / base:5.2f} of default")


if __name__ == "__main__":
    main()
