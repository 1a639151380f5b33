"""The TF1 snippets whose graphs the op tables record (run by real TF 1.x and by the runtime).

Python 3.6-compatible and written against TF 1.x's API only: ``op_probe.py`` runs this
file inside the oracle environments (TF 1.3.0 / 1.4.1 / 1.15.5) and, with the same code,
under ``tf1_cnn.compat.install()`` on TensorFlow 2.21.

Every case is ``(name, build)``; ``build(tf, p)`` adds the snippet's ops to a fresh graph
that already holds the graph seed 1 and the prefix ``PREFIX`` (placeholders ``p[name]``).
What is recorded is everything the snippet adds after the prefix. Cases that TF 1.x's
version lacks (``tf.layers.flatten`` before 1.4, ...) are recorded as errors and skipped.
"""

# name: (dtype, shape); created in this order, so the prefix is 7 ops
PREFIX = (
    ("x", "float32", [None, 8, 8, 3]),   # images, NHWC
    ("f", "float32", [None, 6]),         # features
    ("y", "float32", [None, 4]),         # one-hot labels / regression targets
    ("labels", "int32", [None]),         # class ids
    ("seq", "float32", [None, 5, 3]),    # (batch, time, features)
    ("training", "bool", []),
    ("keep_prob", "float32", []),
)
GRAPH_SEED = 1


def _var(tf, shape, initializer, name="v"):
    return tf.get_variable(name, shape, initializer=initializer)


def _logits(tf, p):
    w = tf.Variable(tf.zeros([6, 4]), name="w")
    b = tf.Variable(tf.zeros([4]), name="b")
    return tf.matmul(p["f"], w) + b


def _mse(tf, p):
    return tf.reduce_mean(tf.square(_logits(tf, p) - p["y"]))


def _opt(make):
    return lambda tf, p: make(tf).minimize(_mse(tf, p))


def _rnn(cell, static=False):
    def build(tf, p):
        c = cell(tf)
        if static:
            return tf.nn.static_rnn(c, tf.unstack(p["seq"], axis=1), dtype=tf.float32)
        return tf.nn.dynamic_rnn(c, p["seq"], dtype=tf.float32)
    return build


CASES = [
    # tf.random_*: every default and explicit arguments
    ("random_uniform", lambda tf, p: tf.random_uniform([3, 4])),
    ("random_uniform_range", lambda tf, p: tf.random_uniform([3, 4], -1.0, 1.0)),
    ("random_uniform_seeded", lambda tf, p: tf.random_uniform([3, 4], seed=5)),
    ("random_uniform_int", lambda tf, p: tf.random_uniform([3], 0, 10, dtype=tf.int32)),
    ("random_uniform_dynamic_shape", lambda tf, p: tf.random_uniform(tf.shape(p["f"]))),
    ("random_normal", lambda tf, p: tf.random_normal([3, 4])),
    ("random_normal_args", lambda tf, p: tf.random_normal([3, 4], mean=1.0, stddev=2.0, seed=3)),
    ("truncated_normal", lambda tf, p: tf.truncated_normal([3, 4])),
    ("truncated_normal_stddev", lambda tf, p: tf.truncated_normal([3, 4], stddev=0.1)),
    ("random_shuffle", lambda tf, p: tf.random_shuffle(p["f"])),
    # tensors and variables the course-era code makes
    ("zeros_small", lambda tf, p: tf.zeros([3, 4])),
    ("zeros_large", lambda tf, p: tf.zeros([40, 50])),
    ("ones_large", lambda tf, p: tf.ones([40, 50])),
    ("variable_truncated_normal", lambda tf, p: tf.Variable(tf.truncated_normal([3, 4], stddev=0.1))),
    ("variable_zeros_large", lambda tf, p: tf.Variable(tf.zeros([40, 50]))),
    ("variable_constant", lambda tf, p: tf.Variable(tf.constant(0.1, shape=[4]))),
    # initializers through get_variable
    ("get_variable_default", lambda tf, p: _var(tf, [3, 4], None)),
    ("init_zeros_small", lambda tf, p: _var(tf, [3, 4], tf.zeros_initializer())),
    ("init_zeros_large", lambda tf, p: _var(tf, [40, 50], tf.zeros_initializer())),
    ("init_ones_large", lambda tf, p: _var(tf, [40, 50], tf.ones_initializer())),
    ("init_constant", lambda tf, p: _var(tf, [3, 4], tf.constant_initializer(0.1))),
    ("init_constant_large", lambda tf, p: _var(tf, [40, 50], tf.constant_initializer(0.1))),
    ("init_glorot_uniform", lambda tf, p: _var(tf, [3, 4], tf.glorot_uniform_initializer())),
    ("init_glorot_normal", lambda tf, p: _var(tf, [3, 4], tf.glorot_normal_initializer())),
    ("init_xavier", lambda tf, p: _var(tf, [3, 4], tf.contrib.layers.xavier_initializer())),
    ("init_xavier_normal", lambda tf, p: _var(tf, [3, 4], tf.contrib.layers.xavier_initializer(uniform=False))),
    ("init_xavier_seeded", lambda tf, p: _var(tf, [3, 4], tf.contrib.layers.xavier_initializer(seed=0))),
    ("init_variance_scaling", lambda tf, p: _var(tf, [3, 4], tf.variance_scaling_initializer())),
    ("init_contrib_variance_scaling",
     lambda tf, p: _var(tf, [3, 4], tf.contrib.layers.variance_scaling_initializer())),
    ("init_truncated_normal", lambda tf, p: _var(tf, [3, 4], tf.truncated_normal_initializer(stddev=0.1))),
    ("init_random_normal", lambda tf, p: _var(tf, [3, 4], tf.random_normal_initializer())),
    ("init_random_uniform", lambda tf, p: _var(tf, [3, 4], tf.random_uniform_initializer())),
    ("init_random_uniform_range", lambda tf, p: _var(tf, [3, 4], tf.random_uniform_initializer(-0.1, 0.1))),
    ("init_orthogonal", lambda tf, p: _var(tf, [3, 4], tf.orthogonal_initializer())),
    # dropout
    ("nn_dropout_placeholder", lambda tf, p: tf.nn.dropout(p["f"], p["keep_prob"])),
    ("nn_dropout_float", lambda tf, p: tf.nn.dropout(p["f"], 0.5)),
    ("nn_dropout_image", lambda tf, p: tf.nn.dropout(p["x"], p["keep_prob"])),
    ("layers_dropout_true", lambda tf, p: tf.layers.dropout(p["f"], 0.5, training=True)),
    ("layers_dropout_false", lambda tf, p: tf.layers.dropout(p["f"], 0.5, training=False)),
    ("layers_dropout_tensor", lambda tf, p: tf.layers.dropout(p["f"], 0.5, training=p["training"])),
    ("contrib_dropout", lambda tf, p: tf.contrib.layers.dropout(p["f"], 0.5)),
    ("contrib_dropout_tensor", lambda tf, p: tf.contrib.layers.dropout(p["f"], 0.5, is_training=p["training"])),
    # losses
    ("nn_softmax_xent", lambda tf, p: tf.nn.softmax_cross_entropy_with_logits(labels=p["y"], logits=_logits(tf, p))),
    ("nn_sigmoid_xent", lambda tf, p: tf.nn.sigmoid_cross_entropy_with_logits(labels=p["y"], logits=_logits(tf, p))),
    ("nn_sparse_softmax_xent",
     lambda tf, p: tf.nn.sparse_softmax_cross_entropy_with_logits(labels=p["labels"], logits=_logits(tf, p))),
    ("reduce_mean_softmax_xent", lambda tf, p: tf.reduce_mean(
        tf.nn.softmax_cross_entropy_with_logits(labels=p["y"], logits=_logits(tf, p)))),
    ("nn_l2_loss", lambda tf, p: tf.nn.l2_loss(p["f"])),
    ("losses_mean_squared_error", lambda tf, p: tf.losses.mean_squared_error(p["y"], _logits(tf, p))),
    ("losses_absolute_difference", lambda tf, p: tf.losses.absolute_difference(p["y"], _logits(tf, p))),
    ("losses_huber", lambda tf, p: tf.losses.huber_loss(p["y"], _logits(tf, p))),
    ("losses_log_loss", lambda tf, p: tf.losses.log_loss(p["y"], tf.sigmoid(_logits(tf, p)))),
    ("losses_softmax_xent", lambda tf, p: tf.losses.softmax_cross_entropy(p["y"], _logits(tf, p))),
    ("losses_sigmoid_xent", lambda tf, p: tf.losses.sigmoid_cross_entropy(p["y"], _logits(tf, p))),
    ("losses_sparse_softmax_xent", lambda tf, p: tf.losses.sparse_softmax_cross_entropy(p["labels"], _logits(tf, p))),
    # tf.train optimizers' minimize (slots, update ops) and tf.gradients
    ("gradients", lambda tf, p: tf.gradients(_mse(tf, p), tf.trainable_variables())),
    ("opt_gradient_descent", _opt(lambda tf: tf.train.GradientDescentOptimizer(0.1))),
    ("opt_momentum", _opt(lambda tf: tf.train.MomentumOptimizer(0.1, 0.9))),
    ("opt_adam", _opt(lambda tf: tf.train.AdamOptimizer())),
    ("opt_rmsprop", _opt(lambda tf: tf.train.RMSPropOptimizer(0.01))),
    ("opt_adagrad", _opt(lambda tf: tf.train.AdagradOptimizer(0.1))),
    ("opt_adadelta", _opt(lambda tf: tf.train.AdadeltaOptimizer())),
    ("opt_adam_global_step", lambda tf, p: tf.train.AdamOptimizer(1e-3).minimize(
        _mse(tf, p), global_step=tf.train.get_or_create_global_step())),
    # tf.layers
    ("layers_dense", lambda tf, p: tf.layers.dense(p["f"], 5)),
    ("layers_dense_relu", lambda tf, p: tf.layers.dense(p["f"], 5, activation=tf.nn.relu)),
    ("layers_conv2d", lambda tf, p: tf.layers.conv2d(p["x"], 4, 3)),
    ("layers_conv2d_same_relu", lambda tf, p: tf.layers.conv2d(p["x"], 4, [5, 5], padding="same",
                                                               activation=tf.nn.relu)),
    ("layers_conv2d_transpose", lambda tf, p: tf.layers.conv2d_transpose(p["x"], 4, 3, strides=2)),
    ("layers_max_pooling2d", lambda tf, p: tf.layers.max_pooling2d(p["x"], 2, 2)),
    ("layers_batch_norm", lambda tf, p: tf.layers.batch_normalization(p["x"], training=True)),
    ("layers_batch_norm_tensor", lambda tf, p: tf.layers.batch_normalization(p["x"], training=p["training"])),
    ("layers_flatten", lambda tf, p: tf.layers.flatten(p["x"])),
    # contrib.layers / slim
    ("slim_conv2d", lambda tf, p: tf.contrib.slim.conv2d(p["x"], 4, [3, 3])),
    ("contrib_conv2d", lambda tf, p: tf.contrib.layers.conv2d(p["x"], 4, 3)),
    ("slim_fully_connected", lambda tf, p: tf.contrib.slim.fully_connected(p["f"], 5)),
    ("contrib_fully_connected_none", lambda tf, p: tf.contrib.layers.fully_connected(p["f"], 5, activation_fn=None)),
    ("slim_max_pool2d", lambda tf, p: tf.contrib.slim.max_pool2d(p["x"], [2, 2])),
    ("slim_batch_norm", lambda tf, p: tf.contrib.slim.batch_norm(p["x"])),
    ("contrib_batch_norm_tensor", lambda tf, p: tf.contrib.layers.batch_norm(p["x"], is_training=p["training"])),
    ("contrib_flatten", lambda tf, p: tf.contrib.layers.flatten(p["x"])),
    ("slim_dropout", lambda tf, p: tf.contrib.slim.dropout(p["f"], 0.5)),
    # tf.nn
    ("nn_conv_relu_pool", lambda tf, p: tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(
        p["x"], tf.get_variable("W1", [3, 3, 3, 4]), [1, 1, 1, 1], "SAME")), [1, 2, 2, 1], [1, 2, 2, 1], "SAME")),
    ("nn_moments", lambda tf, p: tf.nn.moments(p["x"], [0, 1, 2])),
    ("nn_batch_normalization", lambda tf, p: tf.nn.batch_normalization(
        p["f"], tf.zeros([6]), tf.ones([6]), None, None, 1e-3)),
    ("nn_softmax_argmax_accuracy", lambda tf, p: tf.reduce_mean(tf.cast(tf.equal(
        tf.argmax(tf.nn.softmax(p["y"]), 1), tf.argmax(p["y"], 1)), tf.float32))),
    # recurrent networks
    ("dynamic_rnn_basic", _rnn(lambda tf: tf.nn.rnn_cell.BasicRNNCell(4))),
    ("dynamic_rnn_basic_lstm", _rnn(lambda tf: tf.nn.rnn_cell.BasicLSTMCell(4))),
    ("dynamic_rnn_lstm", _rnn(lambda tf: tf.nn.rnn_cell.LSTMCell(4))),
    ("dynamic_rnn_gru", _rnn(lambda tf: tf.nn.rnn_cell.GRUCell(4))),
    ("static_rnn_basic_lstm", _rnn(lambda tf: tf.nn.rnn_cell.BasicLSTMCell(4), static=True)),
    # metrics, saver, summaries
    ("metrics_accuracy", lambda tf, p: tf.metrics.accuracy(tf.argmax(p["y"], 1), tf.argmax(_logits(tf, p), 1))),
    ("saver", lambda tf, p: (tf.Variable(tf.zeros([3]), name="v"), tf.train.Saver())),
    ("summaries", lambda tf, p: (tf.summary.scalar("mean", tf.reduce_mean(p["f"])),
                                 tf.summary.histogram("f", p["f"]), tf.summary.image("x", p["x"]),
                                 tf.summary.merge_all())),
    # tf.transpose, tf.image
    ("transpose_no_perm", lambda tf, p: tf.transpose(p["f"])),
    ("transpose_perm", lambda tf, p: tf.transpose(p["x"], [0, 3, 1, 2])),
    ("image_resize", lambda tf, p: tf.image.resize_images(p["x"], [4, 4])),
    ("image_random_flip", lambda tf, p: tf.image.random_flip_left_right(p["x"][0])),
    ("image_random_brightness", lambda tf, p: tf.image.random_brightness(p["x"][0], 0.2)),
    ("image_random_contrast", lambda tf, p: tf.image.random_contrast(p["x"][0], 0.5, 1.5)),
    ("image_random_crop", lambda tf, p: tf.random_crop(p["x"][0], [4, 4, 3])),
    ("image_per_image_standardization", lambda tf, p: tf.image.per_image_standardization(p["x"][0])),
    ("image_central_crop", lambda tf, p: tf.image.central_crop(p["x"][0], 0.5)),
]


def _family_cases():
    """The cases of each family file ``op_cases_<family>.py`` beside this one (``cases(base)`` -> [(name,
    build)], ``base`` this module, for its helpers), in file-name order: a family adds cases without
    touching this list."""
    import glob
    import importlib.util
    import os
    import sys

    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    for path in sorted(glob.glob(os.path.join(here, "op_cases_*.py"))):
        name = "_tf1_cnn_" + os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(name, path)
        family = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(family)
        out.extend(family.cases(sys.modules[__name__]))
    return out


CASES += _family_cases()
