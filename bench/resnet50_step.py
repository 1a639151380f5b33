"""Benchmark: one ResNet-50 training step, our raw-op graph against Keras 3's own model,
at 64x64x3, 6 classes, batch 32, CPU; step time after warm-up and peak memory.

    python bench/resnet50_step.py [--steps 10] [--warmup 3]

Each contender runs in a fresh subprocess of this script (so their peak
resident memory can be compared), one after the other, in this one run:
  ours   tf1_cnn.resnet.train.Trainer: Adam, batch norm in training mode
  keras  keras.applications.ResNet50(weights=None) with the same input and classes,
         compiled with Adam and categorical cross-entropy, train_on_batch
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def _batch():
    import numpy as np

    rng = np.random.default_rng(0)
    return rng.random((32, 64, 64, 3)).astype(np.float32), np.eye(6, dtype=np.float32)[rng.integers(0, 6, 32)]


PHASES = {}  # phase -> peak RSS (MiB) when it ended


def phase(name):
    PHASES[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(steps, warmup):
    import tensorflow  # noqa: F401

    phase("import")
    from tf1_cnn.resnet.train import Trainer

    X, Y = _batch()
    t = Trainer((64, 64, 3), 6, "course")
    phase("built")
    feed = {t.model.X: X, t.Y: Y}  # the training tower
    t.sess.run(t.train_op, feed)
    phase("first step")
    for _ in range(warmup - 1):
        t.sess.run(t.train_op, feed)
    t0 = time.perf_counter()
    for _ in range(steps):
        t.sess.run(t.train_op, feed)
    return (time.perf_counter() - t0) / steps


def run_keras(steps, warmup):
    import keras

    phase("import")
    X, Y = _batch()
    model = keras.applications.ResNet50(weights=None, input_shape=(64, 64, 3), classes=6)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    phase("built")
    model.train_on_batch(X, Y)
    phase("first step")
    for _ in range(warmup - 1):
        model.train_on_batch(X, Y)
    t0 = time.perf_counter()
    for _ in range(steps):
        model.train_on_batch(X, Y)
    return (time.perf_counter() - t0) / steps


def child(which, steps, warmup):
    seconds = {"ours": run_ours, "keras": run_keras}[which](steps, warmup)
    phase("all steps")
    print(json.dumps({"seconds": seconds, "peak_mib": PHASES["all steps"], "phases": PHASES}))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--child", choices=("ours", "keras"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return child(args.child, args.steps, args.warmup)
    res = {}
    for which in ("ours", "keras"):
        out = subprocess.run([sys.executable, __file__, "--child", which, "--steps", str(args.steps),
                              "--warmup", str(args.warmup)], capture_output=True, text=True, check=True)
        res[which] = json.loads(out.stdout.strip().splitlines()[-1])
        phases = ", ".join(f"{k} {v:.0f}" for k, v in res[which]["phases"].items())
        print(f"  {which:6} {res[which]['seconds'] * 1e3:8.0f} ms/step   peak RSS {res[which]['peak_mib']:7.0f} MiB"
              f"   (peak after each phase, MiB: {phases})")
    print(f"ResNet-50 64x64x3 batch 32 ({args.steps} steps after {args.warmup} warm-up): "
          f"time keras/ours = {res['keras']['seconds'] / res['ours']['seconds']:.2f}x, "
          f"peak memory keras/ours = {res['keras']['peak_mib'] / res['ours']['peak_mib']:.2f}x (above 1: ours is better)")


if __name__ == "__main__":
    main()
