"""TPUEstimator with use_tpu=False on the CPU (train, evaluate, predict, export), tf.contrib.tpu's import forms and
tf.contrib.cluster_resolver: prints facts to compare with real TF 1.15. Argument: a model folder."""
import os
import sys

import numpy as np
import tensorflow as tf
from tensorflow.contrib import tpu as contrib_tpu
from tensorflow.contrib.cluster_resolver import SimpleClusterResolver, TPUClusterResolver
from tensorflow.contrib.tpu.python.ops import tpu_ops
from tensorflow.contrib.tpu.python.tpu import tpu_config, tpu_estimator, tpu_function
import tensorflow.contrib.tpu.python.tpu.tpu_optimizer as tpu_optimizer

print("context", tpu_function.get_tpu_context().number_of_shards, callable(tpu_ops.tpu_replicated_input),
      callable(tpu_ops.cross_replica_sum))
print("same", contrib_tpu.TPUEstimatorSpec is tpu_estimator.TPUEstimatorSpec, contrib_tpu.RunConfig is
      tpu_config.RunConfig, contrib_tpu.CrossShardOptimizer is tpu_optimizer.CrossShardOptimizer,
      tf.contrib.cluster_resolver.TPUClusterResolver is TPUClusterResolver)
resolver = SimpleClusterResolver(tf.train.ClusterSpec({"worker": ["a:1", "b:2"]}), master="grpc://a:1")
print("resolver", resolver.master(), resolver.cluster_spec().as_dict())
with contrib_tpu.bfloat16_scope():
    print("bfloat16_scope", tf.get_variable("v", [2]).dtype.name)


def input_fn(params):
    x = np.random.RandomState(0).rand(64, 4).astype(np.float32)
    y = (x.sum(1) > 2).astype(np.int32)
    return tf.data.Dataset.from_tensor_slices(({"x": x}, y)).repeat().batch(params["batch_size"],
                                                                             drop_remainder=True)


def model_fn(features, labels, mode, params):
    logits = tf.layers.dense(features["x"], 2, kernel_initializer=tf.ones_initializer())
    if mode == tf.estimator.ModeKeys.PREDICT:
        return contrib_tpu.TPUEstimatorSpec(mode, predictions={"c": tf.argmax(logits, 1), "l": logits})
    loss = tf.losses.sparse_softmax_cross_entropy(labels, logits)
    train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, tf.train.get_global_step())

    def metric_fn(labels, logits):
        return {"acc": tf.metrics.accuracy(labels, tf.argmax(logits, 1))}

    return contrib_tpu.TPUEstimatorSpec(mode, loss=loss, train_op=train_op, eval_metrics=(metric_fn, [labels, logits]))


model_dir = sys.argv[1]
config = contrib_tpu.RunConfig(model_dir=model_dir, tpu_config=contrib_tpu.TPUConfig(iterations_per_loop=5))
estimator = contrib_tpu.TPUEstimator(model_fn=model_fn, config=config, use_tpu=False, train_batch_size=8,
                                     eval_batch_size=8, predict_batch_size=8)
estimator.train(input_fn, max_steps=10)
print("evaluate", sorted((k, round(float(v), 5)) for k, v in estimator.evaluate(input_fn, steps=2).items()))
ones = np.ones((8, 4), np.float32)
first = next(iter(estimator.predict(lambda params: tf.data.Dataset.from_tensor_slices({"x": ones}).batch(
    params["batch_size"]))))
print("predict", sorted((k, np.round(v, 5).tolist()) for k, v in first.items()))


def serving_input_fn():
    x = tf.placeholder(tf.float32, [None, 4])
    return tf.estimator.export.ServingInputReceiver({"x": x}, {"x": x})


print("export", sorted(os.listdir(estimator.export_savedmodel(os.path.join(model_dir, "export"), serving_input_fn))))
