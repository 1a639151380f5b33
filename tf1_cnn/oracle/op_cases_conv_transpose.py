"""Op-table cases of tf.nn.conv2d_transpose: a Python output shape (DCGAN's deconv2d) followed by a draw, and
a tensor one. Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def _filter(tf):
    return tf.Variable(tf.random_normal([5, 5, 2, 3], stddev=0.02), name="w")


def cases(base):
    return [
        ("conv2d_transpose_list_shape", lambda tf, p: (tf.nn.conv2d_transpose(
            p["x"][:2], _filter(tf), output_shape=[2, 16, 16, 2], strides=[1, 2, 2, 1]), tf.random_uniform([2]))),
        ("conv2d_transpose_tensor_shape", lambda tf, p: tf.nn.conv2d_transpose(
            p["x"], _filter(tf), output_shape=tf.stack([tf.shape(p["x"])[0], 16, 16, 2]), strides=[1, 2, 2, 1])),
    ]
