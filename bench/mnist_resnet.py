"""Benchmark: training steps per second of seed 004's MNIST ResNet, our TF1 graph against
the same network written in Keras 3 (same batch of 10, CPU), measured one after the other
in this one run, after warm-up, on the same batches.

    python bench/mnist_resnet.py [--steps 200] [--warmup 20]
"""
import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

v1 = tf.compat.v1


def batches(n, rng):
    return [(rng.random((10, 784), dtype=np.float32), np.eye(10, dtype=np.float32)[rng.integers(0, 10, 10)])
            for _ in range(n)]


def ours(data, warmup):
    from tf1_cnn.mnist_resnet import build

    with tf.Graph().as_default() as g:
        v1.set_random_seed(0)
        net = build()
        with v1.Session(graph=g) as sess:
            sess.run(v1.global_variables_initializer())
            for i, (x, y) in enumerate(data):
                if i == warmup:
                    t0 = time.perf_counter()
                sess.run(net.train_step, {net.x: x, net.y: y, net.keep_prob: 0.5})
    return (len(data) - warmup) / (time.perf_counter() - t0)


def keras_net():
    import keras
    from keras import layers as K

    init = keras.initializers.TruncatedNormal(stddev=0.1)
    bias = keras.initializers.Constant(0.1)

    def conv(x, f, k, s=1, padding="same"):
        return K.Conv2D(f, k, strides=s, padding=padding, kernel_initializer=init, bias_initializer=bias)(x)

    inp = keras.Input((784,))
    x = K.Reshape((28, 28, 1))(inp)
    x = K.ReLU()(conv(x, 64, 2, 2))
    x = K.MaxPooling2D(3, 1, padding="same")(x)
    for shortcut_conv in (True, False, False):  # res2a (conv block, stride 1), res2b, res2c
        x = _block(K, conv, init, bias, x, [64, 64, 256], 1, shortcut_conv)
    x = K.MaxPooling2D(2, 2, padding="same")(x)
    x = K.Flatten()(x)
    x = K.Dense(1024, activation="relu", kernel_initializer=init, bias_initializer=bias)(x)
    x = K.Dropout(0.5)(x)
    out = K.Dense(10, kernel_initializer=init, bias_initializer=bias)(x)
    model = keras.Model(inp, out)
    model.compile(keras.optimizers.Adam(1e-3), keras.losses.CategoricalCrossentropy(from_logits=True))
    return model


def _block(K, conv, init, bias, x, filters, stride, shortcut_conv):
    """Seed 004's block: three convs with biases and relus, shortcut, sum + a final bias, relu."""
    import keras

    f1, f2, f3 = filters
    h = K.ReLU()(conv(x, f1, 1, stride))
    h = K.ReLU()(conv(h, f2, 3))
    h = K.ReLU()(conv(h, f3, 1))
    sc = K.Conv2D(f3, 1, strides=stride, padding="valid", use_bias=False, kernel_initializer=init)(x) \
        if shortcut_conv else x
    s = K.Add()([h, sc])

    class FinalBias(K.Layer):
        def build(self, shape):
            self.b = self.add_weight(shape=(shape[-1],), initializer=keras.initializers.Constant(0.1))

        def call(self, t):
            return t + self.b

    return K.ReLU()(FinalBias()(s))


def keras_run(data, warmup):
    model = keras_net()
    for i, (x, y) in enumerate(data):
        if i == warmup:
            t0 = time.perf_counter()
        model.train_on_batch(x, y)
    return (len(data) - warmup) / (time.perf_counter() - t0)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--warmup", type=int, default=20)
    args = p.parse_args(argv)
    data = batches(args.steps + args.warmup, np.random.default_rng(0))
    a = ours(data, args.warmup)
    b = keras_run(data, args.warmup)
    print(f"  ours   {a:7.2f} steps/s\n  keras  {b:7.2f} steps/s")
    print(f"MNIST ResNet (seed 004), batch 10, {args.steps} steps after {args.warmup} warm-up: "
          f"ours/keras = {a / b:.2f}x (above 1: ours is faster)")


if __name__ == "__main__":
    main()
