import tensorflow as tf

slim = tf.contrib.slim
