# A tf.layers model on MNIST, fed by input_data as TF 1.x tutorials did.
import sys

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets(sys.argv[1], one_hot=True)
tf.set_random_seed(0)
x = tf.placeholder(tf.float32, [None, 784])
y_ = tf.placeholder(tf.float32, [None, 10])
training = tf.placeholder(tf.bool)
net = tf.reshape(x, [-1, 28, 28, 1])
net = tf.layers.conv2d(net, 8, 5, padding="same", activation=tf.nn.relu)
net = tf.layers.max_pooling2d(net, 2, 2)
net = tf.layers.flatten(net)
net = tf.layers.dense(net, 32, activation=tf.nn.relu)
net = tf.layers.dropout(net, rate=0.4, training=training)
logits = tf.layers.dense(net, 10)
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=logits))
train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
accuracy = tf.reduce_mean(tf.to_float(tf.equal(tf.arg_max(logits, 1), tf.argmax(y_, 1))))
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(20):
    batch_xs, batch_ys = mnist.train.next_batch(16)
    sess.run(train_op, feed_dict={x: batch_xs, y_: batch_ys, training: True})
print("epochs completed", mnist.train.epochs_completed)
print("test accuracy", sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels, training: False}))
print("variables", sorted(v.op.name for v in tf.trainable_variables()))
