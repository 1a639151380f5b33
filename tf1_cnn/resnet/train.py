"""Training, evaluation and checkpoints of the raw-op ResNet-50, as the course's Keras calls do.

``model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])``,
``model.fit(X, Y, epochs, batch_size)`` and ``model.evaluate(X_test, Y_test)``:
Adam with Keras' defaults (lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7), the
loss computed from the softmax output as Keras 2 did (probabilities clipped to
[1e-7, 1 - 1e-7]), batch norm in training mode during fit (its moving averages
updated through UPDATE_OPS) and in inference mode for evaluation and prediction.
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
import tensorflow as tf

from ..errors import UserError
from . import layers as L
from .model import ResNet50

_v1 = tf.compat.v1
KERAS_EPSILON = 1e-7


def keras_categorical_crossentropy(Y, probs):
    """Keras 2's categorical_crossentropy on probabilities: per-example loss (m,)."""
    p = probs / tf.reduce_sum(probs, axis=-1, keepdims=True)
    p = tf.clip_by_value(p, KERAS_EPSILON, 1.0 - KERAS_EPSILON)
    return -tf.reduce_sum(Y * tf.math.log(p), axis=-1)


class Trainer:
    """A ResNet-50 graph with its loss, accuracy, Adam step and a Session."""

    def __init__(self, input_shape=(64, 64, 3), classes=6, names="course", learning_rate=0.001):
        self.graph = tf.Graph()
        with self.graph.as_default():
            # Two towers sharing their variables: one in training mode (fit), one in inference mode
            # (evaluate, predict), each with the fused batch-norm kernel. A single tower switched by a
            # boolean tensor cannot use it, and keeps full-size batch-norm intermediates per layer.
            self.model = ResNet50(input_shape, classes, names, training=True)
            self.train_records = list(L.records(self.graph))
            with _v1.variable_scope(_v1.get_variable_scope(), reuse=True), _v1.name_scope("inference"):
                L.reset_layer_names()  # the same layer (and variable) names again
                self.eval_model = ResNet50(input_shape, classes, names, training=False)
            self.graph.get_collection_ref(L.RECORDS)[:] = self.train_records  # one record per layer
            self.Y = _v1.placeholder(tf.float32, [None, classes], name="labels")
            self.loss_sum, self.loss, self.correct = self._metrics(self.model.probs)
            self.eval_loss_sum, _, self.eval_correct = self._metrics(self.eval_model.probs)
            self.global_step = _v1.train.get_or_create_global_step()
            with tf.control_dependencies(_v1.get_collection(_v1.GraphKeys.UPDATE_OPS)):
                self.train_op = _v1.train.AdamOptimizer(learning_rate, epsilon=KERAS_EPSILON).minimize(
                    self.loss, global_step=self.global_step)
            self.saver = _v1.train.Saver(max_to_keep=1)
            self.sess = _v1.Session(graph=self.graph)
            self.sess.run(_v1.global_variables_initializer())

    def _metrics(self, probs):
        per_example = keras_categorical_crossentropy(self.Y, probs)
        correct = tf.equal(tf.argmax(probs, 1), tf.argmax(self.Y, 1))
        return tf.reduce_sum(per_example), tf.reduce_mean(per_example), tf.reduce_sum(tf.cast(correct, tf.float32))

    def close(self):
        self.sess.close()

    def fit_epoch(self, X, Y, batch_size, rng, progress=None, resume_at=None, stop=None, on_stop=None):
        """One epoch over X, Y in a shuffled order; returns (mean loss, accuracy).

        ``resume_at`` {"order", "batch", "sums"} continues an epoch where ``on_stop(order, batch,
        sums)`` was called (when ``stop.requested`` turned true at a batch boundary).
        """
        m = X.shape[0]
        if resume_at is None:
            order, first, (loss_sum, correct, seen) = rng.permutation(m), 0, (0.0, 0.0, 0)
        else:
            order, first, (loss_sum, correct, seen) = resume_at["order"], resume_at["batch"], resume_at["sums"]
        t0 = time.perf_counter()
        n_batches = -(-m // batch_size)
        for b in range(first, n_batches):
            if stop is not None and stop.requested:
                on_stop(order, b, (loss_sum, correct, seen))
            idx = order[b * batch_size:(b + 1) * batch_size]
            feed = {self.model.X: X[idx], self.Y: Y[idx]}
            _, ls, c = self.sess.run([self.train_op, self.loss_sum, self.correct], feed)
            loss_sum, correct, seen = loss_sum + float(ls), correct + float(c), seen + len(idx)
            if progress:
                progress(b + 1, n_batches, loss_sum / seen, correct / seen, time.perf_counter() - t0)
        return loss_sum / seen, correct / seen

    def evaluate(self, X, Y, batch_size=32):
        """(mean loss, accuracy) in inference mode, in batches so memory stays flat."""
        if X.shape[0] == 0:
            raise UserError("the test set is empty")
        loss_sum, correct = 0.0, 0.0
        for b in range(0, X.shape[0], batch_size):
            ls, c = self.sess.run([self.eval_loss_sum, self.eval_correct],
                                  {self.eval_model.X: X[b:b + batch_size], self.Y: Y[b:b + batch_size]})
            loss_sum, correct = loss_sum + float(ls), correct + float(c)
        return loss_sum / X.shape[0], correct / X.shape[0]

    def predict(self, X, batch_size=32):
        return np.concatenate([self.sess.run(self.eval_model.probs, {self.eval_model.X: X[b:b + batch_size]})
                               for b in range(0, X.shape[0], batch_size)])

    # checkpoints: a folder with a tf.train.Saver checkpoint (variables and Adam's state) and meta.json
    def meta(self):
        m = self.model
        return {"input_shape": list(m.input_shape), "classes": m.classes, "names": m.names,
                "step": int(self.sess.run(self.global_step))}

    def save(self, path, force=False):
        """Write the checkpoint folder atomically: a temporary folder renamed into place."""
        from ..fileio import atomic_dir
        from ..resume import save_variables

        with atomic_dir(path, force) as tmp:
            save_variables(self.sess, self.saver, tmp)
            (tmp / "meta.json").write_text(json.dumps(self.meta(), indent=1))

    def restore(self, path):
        path = Path(path)
        meta = read_meta(path)
        mine = self.meta()
        for key in ("input_shape", "classes", "names"):
            if meta.get(key) != mine[key]:
                raise UserError(f"--restore: {path} holds a model with {key} {meta.get(key)}, this one has {mine[key]}")
        try:
            with self.graph.as_default():
                self.saver.restore(self.sess, str(path / "model.ckpt"))
        except (tf.errors.OpError, ValueError) as exc:
            raise UserError(f"--restore: {path}: cannot read the checkpoint ({str(exc).splitlines()[0]})") from None
        return meta


def read_meta(path):
    """The meta.json of a checkpoint folder written by --save (UserError if it is not one)."""
    from ..fileio import read_json_object

    meta_file = Path(path) / "meta.json"
    if not meta_file.is_file():
        raise UserError(f"--restore: {path} is not a checkpoint folder written by --save (no meta.json)")
    return read_json_object(meta_file, "--restore")


def progress_printer(epoch, epochs, stream=sys.stderr):
    """A Keras-like progress line per batch (rewritten in place on a terminal)."""
    tty = stream.isatty()

    def show(b, n, loss, acc, elapsed):
        bar = "=" * int(28 * b / n)
        line = f"{b:>4}/{n} [{bar:<28}] - {elapsed:.0f}s - loss: {loss:.4f} - accuracy: {acc:.4f}"
        if tty:
            print("\r" + line, end="" if b < n else "\n", file=stream, flush=True)
        elif b == n or b % 10 == 0:
            print(line, file=stream, flush=True)

    print(f"Epoch {epoch}/{epochs}", file=stream, flush=True)
    return show
