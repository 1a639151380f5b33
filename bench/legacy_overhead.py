"""Benchmark: what the TF1 runtime costs. The same TF1 work through ``python -m tf1_cnn legacy``
and on plain ``tf.compat.v1`` without the runtime, side by side in one run.

    python bench/legacy_overhead.py [--steps 300] [--repeats 3]

Three workloads, each a TF1 script run in a fresh process per contender:
  cells    the course's ConvNet cells (placeholders, xavier, conv2d, contrib flatten and
           fully_connected, Z3 and cost): graph building, so start-up dominates
  convnet  the course's ConvNet trained on random 64x64x3 minibatches of 64 (Session.run steps)
  layers   a tf.layers dense + dropout network on random MNIST-sized batches of 100
"plain" gets ``tf`` from ``import tensorflow.compat.v1 as tf; tf.disable_v2_behavior()``, its
``tf.contrib.layers`` from tf_slim and ``tf.layers`` from tf_keras (TF_USE_LEGACY_KERAS=1): the
do-it-yourself setup. Reported: steady-state milliseconds per step (the median of ``--repeats``
runs, after warm-up steps), ratio legacy / plain (goal at most 1.05), and start-up (process
start to the first step) apart.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRELUDE_PLAIN = """
import os, types
os.environ["TF_USE_LEGACY_KERAS"] = "1"
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
import tf_slim
tf.contrib = types.SimpleNamespace(layers=tf_slim)
"""
PRELUDE_LEGACY = """
import tensorflow as tf
"""

WORK = {
    "cells": """
def forward(X, W1, W2):
    Z1 = tf.nn.conv2d(X, W1, strides=[1, 1, 1, 1], padding="SAME")
    P1 = tf.nn.max_pool(tf.nn.relu(Z1), ksize=[1, 8, 8, 1], strides=[1, 8, 8, 1], padding="SAME")
    Z2 = tf.nn.conv2d(P1, W2, strides=[1, 1, 1, 1], padding="SAME")
    P2 = tf.nn.max_pool(tf.nn.relu(Z2), ksize=[1, 4, 4, 1], strides=[1, 4, 4, 1], padding="SAME")
    return tf.contrib.layers.fully_connected(tf.contrib.layers.flatten(P2), 6, activation_fn=None)

def step():
    tf.reset_default_graph()
    tf.set_random_seed(1)
    X = tf.placeholder(tf.float32, [None, 64, 64, 3]); Y = tf.placeholder(tf.float32, [None, 6])
    W1 = tf.get_variable("W1", [4, 4, 3, 8], initializer=tf.contrib.layers.xavier_initializer(seed=0))
    W2 = tf.get_variable("W2", [2, 2, 8, 16], initializer=tf.contrib.layers.xavier_initializer(seed=0))
    cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=forward(X, W1, W2), labels=Y))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(cost, {X: np.random.randn(4, 64, 64, 3), Y: np.random.randn(4, 6)})
""",
    "convnet": """
tf.set_random_seed(1)
X = tf.placeholder(tf.float32, [None, 64, 64, 3]); Y = tf.placeholder(tf.float32, [None, 6])
W1 = tf.get_variable("W1", [4, 4, 3, 8], initializer=tf.contrib.layers.xavier_initializer(seed=0))
W2 = tf.get_variable("W2", [2, 2, 8, 16], initializer=tf.contrib.layers.xavier_initializer(seed=0))
Z1 = tf.nn.conv2d(X, W1, strides=[1, 1, 1, 1], padding="SAME")
P1 = tf.nn.max_pool(tf.nn.relu(Z1), ksize=[1, 8, 8, 1], strides=[1, 8, 8, 1], padding="SAME")
Z2 = tf.nn.conv2d(P1, W2, strides=[1, 1, 1, 1], padding="SAME")
P2 = tf.nn.max_pool(tf.nn.relu(Z2), ksize=[1, 4, 4, 1], strides=[1, 4, 4, 1], padding="SAME")
Z3 = tf.contrib.layers.fully_connected(tf.contrib.layers.flatten(P2), 6, activation_fn=None)
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=Z3, labels=Y))
train = tf.train.AdamOptimizer(0.009).minimize(cost)
sess = tf.Session(); sess.run(tf.global_variables_initializer())
xs = np.random.rand(64, 64, 64, 3).astype(np.float32); ys = np.eye(6)[np.random.randint(0, 6, 64)]
def step():
    sess.run([train, cost], {X: xs, Y: ys})
""",
    "layers": """
tf.set_random_seed(0)
x = tf.placeholder(tf.float32, [None, 784]); y = tf.placeholder(tf.int64, [None])
training = tf.placeholder(tf.bool)
h = tf.layers.dense(x, 256, activation=tf.nn.relu)
h = tf.layers.dropout(h, 0.5, training=training)
logits = tf.layers.dense(h, 10)
loss = tf.losses.sparse_softmax_cross_entropy(labels=y, logits=logits)
train = tf.train.AdamOptimizer(1e-3).minimize(loss)
sess = tf.Session(); sess.run(tf.global_variables_initializer())
xs = np.random.rand(100, 784).astype(np.float32); ys = np.random.randint(0, 10, 100)
def step():
    sess.run([train, loss], {x: xs, y: ys, training: True})
""",
}

TIMING = """
import json, time
t_first = time.perf_counter()
for _ in range(WARMUP):
    step()
t0 = time.perf_counter()
for _ in range(STEPS):
    step()
print("BENCH " + json.dumps({"ms_per_step": (time.perf_counter() - t0) / STEPS * 1e3,
                             "startup_s": t_first - T_START}))
"""


def script(kind, work, steps, warmup):
    head = "import time\nT_START = time.perf_counter()\nimport numpy as np\nnp.random.seed(0)\n"
    prelude = PRELUDE_PLAIN if kind == "plain" else PRELUDE_LEGACY
    return (head + textwrap.dedent(prelude) + textwrap.dedent(WORK[work])
            + f"STEPS, WARMUP = {steps}, {warmup}\n" + TIMING)


def run(kind, work, steps, warmup, folder):
    path = Path(folder) / f"{work}_{kind}.py"
    path.write_text(script(kind, work, steps, warmup))
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    t0 = __import__("time").perf_counter()
    cmd = [sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", str(path)] if kind == "legacy" \
        else [sys.executable, str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=folder)
    wall = __import__("time").perf_counter() - t0
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if out.returncode != 0 or line is None:
        raise SystemExit(f"{kind} {work} failed:\n{out.stderr[-2000:]}")
    res = json.loads(line[6:])
    res["process_start_s"] = wall - res["ms_per_step"] * steps / 1e3  # everything but the timed steps
    return res


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--only", nargs="+", choices=tuple(WORK), help="run only these workloads")
    args = p.parse_args(argv)
    plan = {"cells": (10, 2), "convnet": (args.steps, 20), "layers": (args.steps, 20)}
    plan = {k: v for k, v in plan.items() if not args.only or k in args.only}
    with tempfile.TemporaryDirectory() as folder:
        for work, (steps, warmup) in plan.items():
            res = {k: [] for k in ("plain", "legacy")}
            for _ in range(args.repeats):
                for kind in ("plain", "legacy"):  # interleaved: load drift hits both alike
                    res[kind].append(run(kind, work, steps, warmup, folder))
            ms = {k: statistics.median(r["ms_per_step"] for r in v) for k, v in res.items()}
            start = {k: statistics.median(r["process_start_s"] for r in v) for k, v in res.items()}
            print(f"{work:8} plain {ms['plain']:8.2f} ms/step  legacy {ms['legacy']:8.2f} ms/step  "
                  f"legacy/plain {ms['legacy'] / ms['plain']:.3f}   start-up: plain {start['plain']:.1f} s, "
                  f"legacy {start['legacy']:.1f} s", flush=True)


if __name__ == "__main__":
    main()
