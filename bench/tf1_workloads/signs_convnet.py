# The course's SIGNS ConvNet (placeholders, get_variable + xavier, contrib flatten and
# fully_connected, Adam at 0.009) trained on the SIGNS photos of test_signs.h5 in minibatches
# of 64, as the course's model() did. TF 1.x API only.
import time; T_FIRST = time.time()
import sys
import h5py
import numpy as np
import tensorflow as tf
T_IMPORTED = time.time()
from _clock import Steps

path, epochs, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with h5py.File(path, "r") as f:
    X_train = np.array(f["test_set_x"][:]) / 255.
    Y_train = np.eye(6)[np.array(f["test_set_y"][:]).reshape(-1)]
tf.set_random_seed(1)
X = tf.placeholder(tf.float32, [None, 64, 64, 3]); Y = tf.placeholder(tf.float32, [None, 6])
W1 = tf.get_variable("W1", [4, 4, 3, 8], initializer=tf.contrib.layers.xavier_initializer(seed=0))
W2 = tf.get_variable("W2", [2, 2, 8, 16], initializer=tf.contrib.layers.xavier_initializer(seed=0))
P1 = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(X, W1, [1, 1, 1, 1], "SAME")), [1, 8, 8, 1], [1, 8, 8, 1], "SAME")
P2 = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(P1, W2, [1, 1, 1, 1], "SAME")), [1, 4, 4, 1], [1, 4, 4, 1], "SAME")
Z3 = tf.contrib.layers.fully_connected(tf.contrib.layers.flatten(P2), 6, activation_fn=None)
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=Z3, labels=Y))
optimizer = tf.train.AdamOptimizer(learning_rate=0.009).minimize(cost)
steps = Steps(warmup)
rng = np.random.RandomState(0)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(epochs):
        order = rng.permutation(X_train.shape[0])
        for k in range(0, X_train.shape[0], 64):
            idx = order[k:k + 64]
            with steps.timed():
                _, c = sess.run([optimizer, cost], {X: X_train[idx], Y: Y_train[idx]})
steps.report(T_IMPORTED, first_line=T_FIRST, last_cost=float(c))
