# A custom model_fn with unseeded initializers, trained one step by tf.estimator.Estimator: prints the
# RunConfig's default tf_random_seed, the graph's op count when model_fn starts, each initializer
# draw's (seed, seed2) and the initial values (the train_op changes no variable but the step).
# Runs on real TF 1.3 / 1.4 / 1.15 (Python 3.6) and under `legacy`. Usage: estimator_seeds.py DIR
import os
import sys

import numpy as np
import tensorflow as tf

seen = []


def model_fn(features, labels, mode):
    graph = tf.get_default_graph()
    seen.append((graph, len(graph.get_operations())))
    hidden = tf.layers.dense(features["x"], 3, name="d1")
    w = tf.get_variable("w", [3, 2])
    loss = tf.reduce_mean(tf.square(tf.matmul(hidden, w)))
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=tf.assign_add(tf.train.get_global_step(), 1))


def const_input_fn():
    return {"x": tf.constant(np.arange(8, dtype=np.float32).reshape(2, 4))}, tf.constant([0, 1])


numpy_input_fn = tf.estimator.inputs.numpy_input_fn(
    {"x": np.arange(8, dtype=np.float32).reshape(2, 4)}, np.array([0, 1]), batch_size=2, num_epochs=1, shuffle=False)

print("default_seed", tf.estimator.RunConfig().tf_random_seed)
for seed in (None, 7):
    for source, input_fn in (("const", const_input_fn), ("numpy", numpy_input_fn)):
        model_dir = os.path.join(sys.argv[1], "%s_%s" % (seed, source))
        config = tf.estimator.RunConfig()
        if seed is not None:
            config = config.replace(tf_random_seed=seed)
        del seen[:]
        est = tf.estimator.Estimator(model_fn, model_dir=model_dir, config=config)
        est.train(input_fn, steps=1)
        case = "case seed=%s input=%s" % (seed, source)
        graph, n_before = seen[0]
        print(case, "ops_before_model_fn", n_before)
        for op in graph.get_operations():
            if op.type == "RandomUniform":
                print(case, "draw", op.name, op.get_attr("seed"), op.get_attr("seed2"))
        reader = tf.train.NewCheckpointReader(tf.train.latest_checkpoint(model_dir))
        for name in ("d1/kernel", "w"):
            print(case, "value", name, " ".join("%.9g" % v for v in reader.get_tensor(name).ravel()))
