"""tf.contrib names by use, each import form; runs unmodified on real TF 1.x too (Python 3.6).

Usage: contrib_names.py MNIST_DIR CSV_FILE. Prints one line per fact (tests/test_contrib.py
compares them with real TF 1.3's).
"""
import sys

import numpy as np
import tensorflow as tf
import tensorflow.contrib.rnn as rnn_module
from tensorflow.contrib import rnn
from tensorflow.contrib.factorization import KMeans
from tensorflow.contrib.learn.python.learn.datasets import base, mnist

mnist_dir, csv_file = sys.argv[1], sys.argv[2]
print("same module", rnn is rnn_module is tf.contrib.rnn)

tf.set_random_seed(0)
x = tf.placeholder(tf.float32, [None, 4, 3])
y = tf.placeholder(tf.float32, [None, 2])
cell = rnn.MultiRNNCell([rnn.BasicLSTMCell(5), rnn.GRUCell(5)])
outputs, state = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
with tf.variable_scope("static"):
    steps = tf.unstack(x, 4, 1)
    s_out, s_state = rnn.static_rnn(rnn.DropoutWrapper(rnn.LSTMCell(3), output_keep_prob=1.0), steps,
                                    dtype=tf.float32)
logits = tf.layers.dense(outputs[:, -1], 2)
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
train = tf.train.AdamOptimizer(0.05).minimize(loss)
print("state", type(state[0]).__name__, [v.get_shape().as_list() for v in state[0]])
for v in tf.trainable_variables():
    print("var", v.op.name, v.get_shape().as_list())

labels = tf.placeholder(tf.int64, [None])
predictions = tf.placeholder(tf.int64, [None])
acc, acc_update = tf.contrib.metrics.streaming_accuracy(predictions, labels)
xs = np.random.RandomState(0).rand(16, 4, 3).astype(np.float32)
ys = np.eye(2, dtype=np.float32)[(xs.sum((1, 2)) > 6).astype(int)]
with tf.Session() as sess:
    sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
    first = sess.run(loss, {x: xs, y: ys})
    for _ in range(30):
        sess.run(train, {x: xs, y: ys})
    print("rnn learns", sess.run(loss, {x: xs, y: ys}) < first)
    sess.run(acc_update, {labels: [1, 0, 1, 1], predictions: [1, 1, 1, 0]})
    print("streaming_accuracy", sess.run(acc))
    print("constant_value", tf.contrib.util.constant_value(tf.constant([2, 3])))

points = tf.constant(np.array([[0, 0], [0, 1], [9, 9], [9, 8]], np.float32))
kmeans = KMeans(inputs=points, num_clusters=2, use_mini_batch=False)
print("kmeans training_graph", len(kmeans.training_graph()))

data = mnist.read_data_sets(mnist_dir, one_hot=True, validation_size=5)
print("mnist", data.train.images.shape, data.validation.labels.shape, data.test.num_examples)
by_name = tf.contrib.learn.datasets.DATASETS["mnist"](mnist_dir)
print("DATASETS mnist", by_name.train.images.shape)
iris = base.load_csv_with_header(csv_file, target_dtype=np.int32, features_dtype=np.float32)
print("load_csv_with_header", type(iris).__name__, iris.data.shape, iris.data.dtype, iris.target.tolist())
options = dict(tf.contrib.tfprof.model_analyzer.TRAINABLE_VARS_PARAMS_STAT_OPTIONS, output="none")
stats = tf.contrib.tfprof.model_analyzer.print_model_analysis(tf.get_default_graph(), tfprof_options=options)
print("\ntfprof params", stats.total_parameters)  # after TensorFlow's own C++ lines
print("Datasets fields", base.Datasets._fields, base.Dataset._fields)
