# A 15-line TF1 CNN (raw tf.nn, unseeded truncated_normal under a graph seed, dropout, Adam),
# trained with feed_dict minibatches of 32 on MNIST-shaped random data. TF 1.x API only.
import time; T_FIRST = time.time()
import sys
import numpy as np
import tensorflow as tf
T_IMPORTED = time.time()
from _clock import Steps

steps_n, warmup = int(sys.argv[1]), int(sys.argv[2])
np.random.seed(0)
tf.set_random_seed(1)
x = tf.placeholder(tf.float32, [None, 28, 28, 1]); y = tf.placeholder(tf.float32, [None, 10])
keep = tf.placeholder(tf.float32)
init = tf.truncated_normal_initializer(stddev=0.1)
W1 = tf.get_variable("W1", [5, 5, 1, 32], initializer=init); W2 = tf.get_variable("W2", [5, 5, 32, 64], initializer=init)
h = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(x, W1, [1, 1, 1, 1], "SAME")), [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
h = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(h, W2, [1, 1, 1, 1], "SAME")), [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
W3 = tf.get_variable("W3", [7 * 7 * 64, 256], initializer=init); W4 = tf.get_variable("W4", [256, 10], initializer=init)
h = tf.nn.dropout(tf.nn.relu(tf.matmul(tf.reshape(h, [-1, 7 * 7 * 64]), W3)), keep)
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=tf.matmul(h, W4), labels=y))
train = tf.train.AdamOptimizer(1e-3).minimize(loss)
xs = np.random.rand(1024, 28, 28, 1).astype(np.float32); ys = np.eye(10)[np.random.randint(0, 10, 1024)]
steps = Steps(warmup)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(steps_n):
        j = (i * 32) % 1024
        with steps.timed():
            _, l = sess.run([train, loss], {x: xs[j:j + 32], y: ys[j:j + 32], keep: 0.5})
steps.report(T_IMPORTED, first_line=T_FIRST, last_loss=float(l))
