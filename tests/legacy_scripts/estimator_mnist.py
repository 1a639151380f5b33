# The TF1 tutorial's Estimator pattern (cnn_mnist.py style), on small synthetic images.
import sys

import numpy as np
import tensorflow as tf

tf.logging.set_verbosity(tf.logging.ERROR)


def cnn_model_fn(features, labels, mode):
    input_layer = tf.reshape(features["x"], [-1, 8, 8, 1])
    conv1 = tf.layers.conv2d(inputs=input_layer, filters=4, kernel_size=[3, 3], padding="same", activation=tf.nn.relu)
    pool1 = tf.layers.max_pooling2d(inputs=conv1, pool_size=[2, 2], strides=2)
    pool1_flat = tf.reshape(pool1, [-1, 4 * 4 * 4])
    dense = tf.layers.dense(inputs=pool1_flat, units=16, activation=tf.nn.relu)
    dropout = tf.layers.dropout(inputs=dense, rate=0.1, training=mode == tf.estimator.ModeKeys.TRAIN)
    logits = tf.layers.dense(inputs=dropout, units=2)
    predictions = {"classes": tf.argmax(input=logits, axis=1),
                   "probabilities": tf.nn.softmax(logits, name="softmax_tensor")}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)
    loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    if mode == tf.estimator.ModeKeys.TRAIN:
        optimizer = tf.train.GradientDescentOptimizer(learning_rate=0.1)
        train_op = optimizer.minimize(loss=loss, global_step=tf.train.get_global_step())
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op)
    eval_metric_ops = {"accuracy": tf.metrics.accuracy(labels=labels, predictions=predictions["classes"])}
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, eval_metric_ops=eval_metric_ops)


def main(unused_argv):
    rng = np.random.RandomState(0)
    train_data = rng.rand(256, 64).astype(np.float32)
    train_labels = (train_data[:, :32].mean(1) > train_data[:, 32:].mean(1)).astype(np.int32)
    model_dir = sys.argv[1]
    classifier = tf.estimator.Estimator(model_fn=cnn_model_fn, model_dir=model_dir,
                                        config=tf.estimator.RunConfig(tf_random_seed=0))
    tensors_to_log = {"probabilities": "softmax_tensor"}
    logging_hook = tf.train.LoggingTensorHook(tensors=tensors_to_log, every_n_iter=50)
    eval_input_fn = tf.estimator.inputs.numpy_input_fn(x={"x": train_data}, y=train_labels, num_epochs=1, shuffle=False)
    before = classifier.evaluate(input_fn=eval_input_fn) if tf.train.latest_checkpoint(model_dir) else None
    train_input_fn = tf.estimator.inputs.numpy_input_fn(x={"x": train_data}, y=train_labels, batch_size=32,
                                                        num_epochs=None, shuffle=True)
    classifier.train(input_fn=train_input_fn, steps=150, hooks=[logging_hook])
    eval_results = classifier.evaluate(input_fn=eval_input_fn)
    print("before", before)
    print("eval", eval_results)
    preds = list(classifier.predict(input_fn=tf.estimator.inputs.numpy_input_fn(
        x={"x": train_data[:5]}, num_epochs=1, shuffle=False)))
    print("predictions", len(preds), sorted(preds[0]))
    if len(sys.argv) > 2:  # TF 1.x's spelling (export_saved_model from 1.13 on)
        receiver = tf.estimator.export.build_raw_serving_input_receiver_fn(
            {"x": tf.placeholder(tf.float32, [None, 64])})
        print("exported", classifier.export_savedmodel(sys.argv[2], receiver).decode())


if __name__ == "__main__":
    tf.app.run()
