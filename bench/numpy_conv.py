"""Benchmark: the course's loop convolution against the vectorized one, and the
vectorized one against TensorFlow's CPU conv2d, measured side by side in one run.

    python bench/numpy_conv.py [--quick]

Prints loop/fast for conv forward, conv backward, pool forward and pool
backward on A_prev (16, 32, 32, 16) with 3x3x16x32 filters, pad 1, stride 1,
and a stride-2 case, then fast-numpy / tf.nn.conv2d (float32, same data) for
the conv forward.
"""
import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

from _timing import best_time, row  # noqa: E402
from tf1_cnn import conv_numpy as cn  # noqa: E402


def numpy_rows(A, W, b, stride, repeat):
    hp = {"stride": stride, "pad": 1}
    php = {"stride": stride, "f": 2 if stride == 2 else 3}
    Z, cache = cn.conv_forward(A, W, b, hp)
    P, pcache = cn.pool_forward(A, php)
    dZ, dP = np.ones_like(Z), np.ones_like(P)
    cases = [
        ("conv forward", lambda impl: cn.conv_forward(A, W, b, hp, impl=impl)),
        ("conv backward", lambda impl: cn.conv_backward(dZ, cache, impl=impl)),
        ("pool forward (max)", lambda impl: cn.pool_forward(A, php, impl=impl)),
        ("pool backward (max)", lambda impl: cn.pool_backward(dP, pcache, impl=impl)),
        ("pool backward (average)", lambda impl: cn.pool_backward(dP, pcache, mode="average", impl=impl)),
    ]
    for name, fn in cases:
        loop_t = best_time(lambda: fn("loop"), repeat=1)
        fast_t = best_time(lambda: fn("fast"), repeat=repeat)
        print(row(f"{name}, stride {stride}", "loop", loop_t, "fast", fast_t))


def tf_row(A, W, repeat):
    import tensorflow as tf

    A32, W32 = A.astype(np.float32), W.astype(np.float32)
    b0 = np.zeros((1, 1, 1, W.shape[3]), np.float32)
    At, Wt = tf.constant(A32), tf.constant(W32)
    conv = tf.function(lambda: tf.nn.conv2d(At, Wt, strides=1, padding="SAME"))
    conv()
    ours = best_time(lambda: cn.conv_forward(A32, W32, b0, {"stride": 1, "pad": 1}), repeat=repeat)
    theirs = best_time(lambda: conv().numpy(), repeat=repeat)
    # same data, same arithmetic: check they agree before comparing their speed
    diff = np.abs(cn.conv_forward(A32, W32, b0, {"stride": 1, "pad": 1})[0] - conv().numpy()).max()
    print(row("conv forward float32 vs tf.nn.conv2d", "fast", ours, "  tf", theirs) + f"   (max |diff| {diff:.1e})")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="smaller batch (m=4), for a smoke run")
    p.add_argument("--repeat", type=int, default=7, help="rounds for the fast versions (best is kept)")
    args = p.parse_args(argv)
    m = 4 if args.quick else 16
    rng = np.random.default_rng(0)
    A = rng.standard_normal((m, 32, 32, 16))
    W = rng.standard_normal((3, 3, 16, 32))
    b = rng.standard_normal((1, 1, 1, 32))
    print(f"A_prev {A.shape}, W {W.shape}, pad 1; loop timed once, fast best of {args.repeat}")
    for stride in (1, 2):
        numpy_rows(A, W, b, stride, args.repeat)
    tf_row(A, W, args.repeat)


if __name__ == "__main__":
    main()
