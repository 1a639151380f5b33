"""Op-table cases of broadcasting gradients of static shapes met twice in one graph (a reused tower; a second
tf.gradients call): TF 1.15.5 built BroadcastGradientArgs once per pair of shapes; SquaredDifference of static
shapes (tf.nn.moments of a static batch) and of equal ones. Python 3.6-compatible, TF
1.x API only (see op_cases.py)."""


def cases(base):
    def towers(tf, p):
        w = tf.Variable(tf.ones([1]), name="w")
        x = tf.ones([4, 1])
        first = tf.reduce_sum(x + w)
        second = tf.reduce_sum(x * 2.0 + w) + tf.reduce_sum((x - w) * w)
        return tf.gradients(first + second, [w]), tf.gradients(second, [w])

    return [("grad_add_static_twice", towers), ("grad_moments_static", _moments_grad)]


def _moments_grad(tf, p):
    """tf.nn.moments of a static batch (its SquaredDifference of two static shapes) and its gradient."""
    x = tf.Variable(tf.ones([4, 3]), name="x")
    mean, variance = tf.nn.moments(x, [0])
    return tf.gradients(tf.reduce_sum(variance) + tf.reduce_sum(tf.squared_difference(x, x)), [x])
