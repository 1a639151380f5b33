"""Op-table cases of broadcasting gradients of static shapes met twice in one graph (a reused tower; a second
tf.gradients call): TF 1.15.5 built BroadcastGradientArgs once per pair of shapes. Python 3.6-compatible, TF
1.x API only (see op_cases.py)."""


def cases(base):
    def towers(tf, p):
        w = tf.Variable(tf.ones([1]), name="w")
        x = tf.ones([4, 1])
        first = tf.reduce_sum(x + w)
        second = tf.reduce_sum(x * 2.0 + w) + tf.reduce_sum((x - w) * w)
        return tf.gradients(first + second, [w]), tf.gradients(second, [w])

    return [("grad_add_static_twice", towers)]
