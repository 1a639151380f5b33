# One task of a between-graph estimator cluster (TF 1.4-1.15's pattern): RunConfig reads TF_CONFIG
# (cluster ps / chief / worker, this task's type and index; the evaluator outside the cluster) and
# train_and_evaluate runs the task: the ps serves, chief and worker train to max_steps, the
# evaluator evaluates each new checkpoint until the final step's. Usage: estimator_cluster.py MODEL_DIR
import sys

import numpy as np
import tensorflow as tf

rng = np.random.RandomState(0)
x = rng.rand(256, 4).astype(np.float32)
y = (x.sum(axis=1) > 2).astype(np.int32)
columns = [tf.feature_column.numeric_column("x", shape=[4])]
config = tf.estimator.RunConfig(model_dir=sys.argv[1], save_checkpoints_steps=20)
print("task %s %d chief=%s ps=%d workers=%d" % (config.task_type, config.task_id, config.is_chief,
                                                config.num_ps_replicas, config.num_worker_replicas))
sys.stdout.flush()
classifier = tf.estimator.LinearClassifier(columns, config=config)
train_spec = tf.estimator.TrainSpec(
    tf.estimator.inputs.numpy_input_fn({"x": x}, y, batch_size=32, num_epochs=None, shuffle=True), max_steps=60)
eval_input_fn = tf.estimator.inputs.numpy_input_fn({"x": x}, y, shuffle=False)
eval_spec = tf.estimator.EvalSpec(eval_input_fn, steps=None, start_delay_secs=0, throttle_secs=1)
tf.estimator.train_and_evaluate(classifier, train_spec, eval_spec)  # returns once the final step is evaluated
if config.task_type == "evaluator":
    metrics = classifier.evaluate(eval_input_fn)
    print("evaluated global_step %d accuracy %.3f" % (metrics["global_step"], metrics["accuracy"]))
print("done", config.task_type, tf.train.latest_checkpoint(sys.argv[1]))
