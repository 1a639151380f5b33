# TF1 slim code (contrib era): arg_scope, conv2d + batch_norm, UPDATE_OPS, a few training steps.
import numpy as np
import tensorflow as tf
from tensorflow.contrib import slim

tf.set_random_seed(0)
x = tf.placeholder(tf.float32, [None, 8, 8, 1])
y = tf.placeholder(tf.int64, [None])
is_training = tf.placeholder(tf.bool)
with slim.arg_scope([slim.conv2d], normalizer_fn=slim.batch_norm,
                    normalizer_params={"is_training": is_training, "decay": 0.9},
                    weights_regularizer=slim.l2_regularizer(1e-4)):
    net = slim.conv2d(x, 4, [3, 3], scope="conv1")
    net = slim.max_pool2d(net, [2, 2], scope="pool1")
    net = slim.flatten(net)
    logits = slim.fully_connected(net, 2, activation_fn=None, scope="logits")
loss = tf.losses.sparse_softmax_cross_entropy(labels=y, logits=logits) + tf.add_n(tf.losses.get_regularization_losses())
update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
with tf.control_dependencies(update_ops):
    train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
moving_mean = [v for v in tf.global_variables() if v.name == "conv1/BatchNorm/moving_mean:0"][0]
rng = np.random.RandomState(0)
xs = rng.rand(32, 8, 8, 1).astype(np.float32)
ys = (xs.mean(axis=(1, 2, 3)) > 0.5).astype(np.int64)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    first = sess.run(loss, {x: xs, y: ys, is_training: False})
    for _ in range(30):
        sess.run(train_op, {x: xs, y: ys, is_training: True})
    last = sess.run(loss, {x: xs, y: ys, is_training: False})
    print("loss %.4f -> %.4f" % (first, last))
    print("moving mean moved", float(np.abs(sess.run(moving_mean)).max()) > 0)
