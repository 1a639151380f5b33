# An input pipeline with tf.data (from_tensor_slices, map, shuffle, repeat, batch,
# make_one_shot_iterator) feeding a small tf.layers network; no feed_dict. TF 1.4+ API.
import time; T_FIRST = time.time()
import sys
import numpy as np
import tensorflow as tf
T_IMPORTED = time.time()
from _clock import Steps

steps_n, warmup = int(sys.argv[1]), int(sys.argv[2])
np.random.seed(0)
tf.set_random_seed(0)
images = np.random.randint(0, 255, (4096, 28, 28)).astype(np.uint8)
labels = np.random.randint(0, 10, 4096).astype(np.int64)
ds = tf.data.Dataset.from_tensor_slices((images, labels))
ds = ds.map(lambda im, lb: (tf.reshape(tf.cast(im, tf.float32) / 255.0, [784]), lb))
ds = ds.shuffle(1024, seed=0).repeat().batch(128)
x, y = ds.make_one_shot_iterator().get_next()
h = tf.layers.dense(x, 256, activation=tf.nn.relu)
logits = tf.layers.dense(h, 10)
loss = tf.losses.sparse_softmax_cross_entropy(labels=y, logits=logits)
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
steps = Steps(warmup)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(steps_n):
        with steps.timed():
            _, l = sess.run([train, loss])
steps.report(T_IMPORTED, first_line=T_FIRST, last_loss=float(l))
