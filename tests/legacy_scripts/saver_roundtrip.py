# tf.train.Saver: save, then restore into a fresh graph.
import sys

import numpy as np
import tensorflow as tf

path = sys.argv[1]
w = tf.get_variable("w", [3], initializer=tf.random_normal_initializer(seed=1))
saver = tf.train.Saver()
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    saved = sess.run(w)
    print("saved to", saver.save(sess, path))
tf.reset_default_graph()
w2 = tf.get_variable("w", [3])
with tf.Session() as sess:
    tf.train.Saver().restore(sess, path)
    print("restored equal:", bool(np.array_equal(sess.run(w2), saved)))
