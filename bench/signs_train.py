"""Benchmark: time per epoch of the SIGNS ConvNet (course variant), measured side by side:

  ours   tf1_cnn.signs.training.train (float32 cast once, no parameter fetches)
  (a)    the course's plain feed_dict loop, written as the seeds write it
         (float64 minibatches converted at every feed, seed 002's parameter fetch)
  (b)    the same network in Keras 3, model.fit, batch 64, CPU

    python bench/signs_train.py [--epochs 5] [--data DIR]

Ours and (a) must give the same epoch costs (to 1e-6): the script checks it.
Data: the 1080 SIGNS photos from DIR/signs-jpeg if given (or $TF1_CNN_SHARED),
otherwise 1080 random images (timing does not depend on the pixels).
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

from tf1_cnn.signs import convnet  # noqa: E402
from tf1_cnn.signs.helpers import convert_to_one_hot, random_mini_batches  # noqa: E402
from tf1_cnn.signs.training import train  # noqa: E402

v1 = tf.compat.v1


def course_loop(X_train, Y_train, num_epochs, learning_rate=0.009, minibatch_size=64):
    """(a): the seeds' model() training loop, step for step (seed 002 also fetched the parameters)."""
    costs, times = [], []
    (m, n_H0, n_W0, n_C0) = X_train.shape
    with tf.Graph().as_default() as g:
        X, Y, parameters, Z3, cost = convnet.build(n_H0, n_W0, n_C0, Y_train.shape[1], "course")
        optimizer = v1.train.AdamOptimizer(learning_rate=learning_rate).minimize(cost)
        init = v1.global_variables_initializer()
        with v1.Session(graph=g) as sess:
            sess.run(init)
            seed = 3
            for epoch in range(num_epochs):
                t0 = time.perf_counter()
                minibatch_cost = 0.
                num_minibatches = int(m / minibatch_size)
                seed = seed + 1
                minibatches = random_mini_batches(X_train, Y_train, minibatch_size, seed)
                for minibatch in minibatches:
                    (minibatch_X, minibatch_Y) = minibatch
                    _, temp_cost, temp_parameters = sess.run([optimizer, cost, parameters],
                                                             feed_dict={X: minibatch_X, Y: minibatch_Y})
                    minibatch_cost += float(temp_cost) / num_minibatches  # float64, as numpy 1.x did
                costs.append(minibatch_cost)
                times.append(time.perf_counter() - t0)
    return costs, times


def keras_fit(X_train, Y_train, num_epochs):
    """(b): the same network in Keras 3 (no biases in the convs, as W1/W2), model.fit batch 64."""
    import keras

    keras.utils.set_random_seed(1)
    model = keras.Sequential([
        keras.Input((64, 64, 3)),
        keras.layers.Conv2D(8, 4, padding="same", use_bias=False, activation="relu"),
        keras.layers.MaxPooling2D(8, 8, padding="same"),
        keras.layers.Conv2D(16, 2, padding="same", use_bias=False, activation="relu"),
        keras.layers.MaxPooling2D(4, 4, padding="same"),
        keras.layers.Flatten(),
        keras.layers.Dense(6),
    ])
    model.compile(keras.optimizers.Adam(0.009), keras.losses.CategoricalCrossentropy(from_logits=True))
    times = []

    class Timer(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.t0 = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            times.append(time.perf_counter() - self.t0)

    model.fit(X_train.astype(np.float32), Y_train.astype(np.float32), batch_size=64, epochs=num_epochs,
              shuffle=True, verbose=0, callbacks=[Timer()])
    return times


def load(data):
    if data and (Path(data) / "signs-jpeg").is_dir():
        from tf1_cnn.signs.data import load_sources, shuffled

        j = Path(data) / "signs-jpeg"
        X, y = shuffled(*load_sources([j / "train_signs", j / "val_signs"], (64, 64))[:2], seed=0)
        return X / 255., convert_to_one_hot(y, 6).T, "the 1080 SIGNS photos"
    rng = np.random.default_rng(0)
    y = rng.integers(0, 6, 1080)
    return rng.random((1080, 64, 64, 3)), convert_to_one_hot(y, 6).T, "1080 random images"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--epochs", type=int, default=5, help="epochs per contender (the first is warm-up)")
    p.add_argument("--data", default=os.environ.get("TF1_CNN_SHARED"), help="the shared datasets folder")
    args = p.parse_args(argv)
    X, Y, what = load(args.data)
    print(f"{what}, course variant, {args.epochs} epochs each (median of epochs 2..N)")
    times = {}
    t = []
    hist = train(X, Y, X[:64], Y[:64], "course", num_epochs=args.epochs,
                 on_epoch=lambda e, c, el: t.append(el))
    times["ours"] = np.diff([0.0] + t)
    ours_costs = hist.costs
    a_costs, times["(a) course loop"] = course_loop(X, Y, args.epochs)
    times["(b) Keras 3 fit"] = keras_fit(X, Y, args.epochs)
    med = {k: float(np.median(v[1:])) for k, v in times.items()}
    for k, v in med.items():
        print(f"  {k:18} {v * 1e3:8.1f} ms/epoch")
    print(f"ratio (a)/ours = {med['(a) course loop'] / med['ours']:.2f}x, "
          f"(b)/ours = {med['(b) Keras 3 fit'] / med['ours']:.2f}x  (above 1: ours is faster)")
    diff = max(abs(a - b) for a, b in zip(ours_costs, a_costs))
    print(f"epoch costs ours vs (a): max |diff| = {diff:.2e} ({'identical within 1e-6' if diff <= 1e-6 else 'DIFFER'})")


if __name__ == "__main__":
    main()
