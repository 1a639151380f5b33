# Seed 004's residual blocks as written there (variable_scope, InteractiveSession,
# Tensor.eval(feed_dict=...), Operation.run(...)), with fewer steps.
import sys

from tensorflow.examples.tutorials.mnist import input_data
import tensorflow as tf

mnist = input_data.read_data_sets(sys.argv[1], one_hot=True, validation_size=10)
x = tf.placeholder(tf.float32, [None, 784])
y = tf.placeholder(tf.float32, [None, 10])
sess = tf.InteractiveSession()


def weight_variable(shape):
    initial = tf.truncated_normal(shape, mean=0, stddev=0.1)
    return tf.Variable(initial)


def bias_variable(shape):
    initial = tf.constant(0.1, shape=shape)
    return tf.Variable(initial)


def identity_block(X_input, kernel_size, in_filter, out_filters, stage, block):
    block_name = 'res' + str(stage) + block
    f1, f2, f3 = out_filters
    with tf.variable_scope(block_name):
        X_shortcut = X_input
        W_conv1 = weight_variable([1, 1, in_filter, f1])
        X = tf.nn.conv2d(X_input, W_conv1, strides=[1, 1, 1, 1], padding='SAME')
        b_conv1 = bias_variable([f1])
        X = tf.nn.relu(X + b_conv1)
        W_conv2 = weight_variable([kernel_size, kernel_size, f1, f2])
        X = tf.nn.conv2d(X, W_conv2, strides=[1, 1, 1, 1], padding='SAME')
        b_conv2 = bias_variable([f2])
        X = tf.nn.relu(X + b_conv2)
        W_conv3 = weight_variable([1, 1, f2, f3])
        X = tf.nn.conv2d(X, W_conv3, strides=[1, 1, 1, 1], padding='SAME')
        b_conv3 = bias_variable([f3])
        X = tf.nn.relu(X + b_conv3)
        add = tf.add(X, X_shortcut)
        b_conv_fin = bias_variable([f3])
        add_result = tf.nn.relu(add + b_conv_fin)
    return add_result


x1 = tf.reshape(x, [-1, 28, 28, 1])
w_conv1 = weight_variable([2, 2, 1, 16])
x1 = tf.nn.conv2d(x1, w_conv1, strides=[1, 2, 2, 1], padding='SAME')
b_conv1 = bias_variable([16])
x1 = tf.nn.relu(x1 + b_conv1)
x1 = tf.nn.max_pool(x1, ksize=[1, 3, 3, 1], strides=[1, 1, 1, 1], padding='SAME')
x1 = identity_block(x1, 3, 16, [8, 8, 16], stage=2, block='b')
x1 = tf.nn.max_pool(x1, [1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
flat = tf.reshape(x1, [-1, 7 * 7 * 16])
w_fc1 = weight_variable([7 * 7 * 16, 32])
b_fc1 = bias_variable([32])
h_fc1 = tf.nn.relu(tf.matmul(flat, w_fc1) + b_fc1)
keep_prob = tf.placeholder(tf.float32)
h_fc1_drop = tf.nn.dropout(h_fc1, keep_prob)
w_fc2 = weight_variable([32, 10])
b_fc2 = bias_variable([10])
y_conv = tf.matmul(h_fc1_drop, w_fc2) + b_fc2
cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=y_conv))
train_step = tf.train.AdamOptimizer(1e-3).minimize(cross_entropy)
correct_prediction = tf.equal(tf.argmax(y_conv, 1), tf.argmax(y, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
sess.run(tf.global_variables_initializer())
print("scopes", sorted({v.op.name.split("/")[0] for v in tf.trainable_variables() if "/" in v.op.name}))
for i in range(int(sys.argv[2])):
    batch = mnist.train.next_batch(10)
    if i % 100 == 0:
        train_accuracy = accuracy.eval(feed_dict={x: batch[0], y: batch[1], keep_prob: 1.0})
        print("step %d, training accuracy %g" % (i, train_accuracy))
    train_step.run(feed_dict={x: batch[0], y: batch[1], keep_prob: 0.5})
