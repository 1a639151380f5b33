# A canned estimator as TF 1.4-1.15 tutorials used it: DNNClassifier on numeric feature columns,
# numpy_input_fn, train / evaluate / export_savedmodel / predict. Usage: estimator_canned.py MODEL_DIR EXPORT_DIR
import sys

import numpy as np
import tensorflow as tf

rng = np.random.RandomState(0)
x = rng.rand(200, 4).astype(np.float32)
y = (x[:, 0] + x[:, 1] > x[:, 2] + x[:, 3]).astype(np.int32)
columns = [tf.feature_column.numeric_column("x", shape=[4])]
classifier = tf.estimator.DNNClassifier(hidden_units=[16, 8], feature_columns=columns, n_classes=2,
                                        model_dir=sys.argv[1], config=tf.estimator.RunConfig(tf_random_seed=3),
                                        optimizer=tf.train.AdamOptimizer(0.05))
classifier.train(tf.estimator.inputs.numpy_input_fn({"x": x}, y, batch_size=20, num_epochs=None, shuffle=True),
                 steps=200)
metrics = classifier.evaluate(tf.estimator.inputs.numpy_input_fn({"x": x}, y, shuffle=False))
print("accuracy %.4f global_step %d" % (metrics["accuracy"], metrics["global_step"]))
receiver = tf.estimator.export.build_parsing_serving_input_receiver_fn(
    tf.feature_column.make_parse_example_spec(columns))
print("exported", classifier.export_savedmodel(sys.argv[2], receiver).decode())
predictions = list(classifier.predict(tf.estimator.inputs.numpy_input_fn({"x": x[:10]}, shuffle=False)))
print("predicted", len(predictions), " ".join(str(int(p["class_ids"][0])) for p in predictions))
print("labels   ", len(predictions), " ".join(str(v) for v in y[:10]))
