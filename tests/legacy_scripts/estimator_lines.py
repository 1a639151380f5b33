"""An Estimator trained, evaluated and used for prediction with TF 1.x's INFO logging on: the lines it logs.

python estimator_lines.py MODEL_DIR (runs on TF 1.3-1.15 and under legacy)."""
import sys

import numpy as np
import tensorflow as tf

tf.logging.set_verbosity(tf.logging.INFO)
x = np.random.RandomState(0).rand(64, 4).astype(np.float32)
y = (np.arange(64) % 3).astype(np.int32)


def model_fn(features, labels, mode):
    logits = tf.layers.dense(features["x"], 3)
    pred = tf.argmax(logits, 1)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions=pred)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels))
    train = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=tf.train.get_global_step())
    acc = tf.metrics.accuracy(labels=labels, predictions=pred)
    return tf.estimator.EstimatorSpec(mode=mode, predictions=pred, loss=loss, train_op=train,
                                      eval_metric_ops={"accuracy": acc})


model = tf.estimator.Estimator(model_fn, model_dir=sys.argv[1])
model.train(tf.estimator.inputs.numpy_input_fn(x={"x": x}, y=y, batch_size=16, num_epochs=None, shuffle=True),
            steps=150)
print(sorted(model.evaluate(tf.estimator.inputs.numpy_input_fn(x={"x": x}, y=y, batch_size=16, shuffle=False))))
print(len(list(model.predict(tf.estimator.inputs.numpy_input_fn(x={"x": x[:2]}, shuffle=False)))))
print(repr(model).split(" at ")[0])
