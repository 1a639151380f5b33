"""Op-table cases of tf.cond and tf.while_loop: ops inside a branch or a loop body reading tensors from
outside (each through a Switch / an Enter), nested contexts, a draw inside them, and their gradients; the
zero gradient of an unused op output (a cross-entropy's backprop); a fixed-size TensorArray's size and stack.
Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def _cond_outside(tf, p):
    # one op reading two outside tensors (a Switch each), another reading one of them again
    w = tf.Variable(tf.zeros([6, 4]), name="w")
    return tf.cond(p["training"], lambda: tf.matmul(p["f"], w) * p["keep_prob"], lambda: tf.matmul(p["f"], w))


def _cond_nested(tf, p):
    def inner():
        return tf.cond(p["keep_prob"] > 0.5, lambda: p["f"] * 2.0, lambda: p["f"] + p["keep_prob"])
    return tf.cond(p["training"], inner, lambda: tf.nn.relu(p["f"]))


def _cond_draw(tf, p):
    # an unseeded draw inside a branch, after ops reading outside tensors
    return tf.cond(p["training"], lambda: p["f"] + tf.random_normal(tf.shape(p["f"])), lambda: p["f"])


def _while_outside(tf, p):
    # the body reads an outside tensor (an Enter) and an outside variable
    w = tf.Variable(tf.ones([6]), name="w")

    def body(i, acc):
        return i + 1, acc + tf.reduce_sum(p["f"] * w, axis=1) * p["keep_prob"]
    return tf.while_loop(lambda i, acc: i < 3, body, [tf.constant(0), tf.zeros_like(p["f"][:, 0])])


def _while_cond_inside(tf, p):
    def body(i, acc):
        step = tf.cond(p["training"], lambda: acc * p["keep_prob"], lambda: acc + 1.0)
        return i + 1, step
    return tf.while_loop(lambda i, acc: i < 2, body, [tf.constant(0), p["f"]])


def _grads(build):
    def case(tf, p):
        out = build(tf, p)
        out = out[-1] if isinstance(out, (list, tuple)) else out
        return tf.gradients(tf.reduce_sum(out), [p["f"]] + tf.trainable_variables())
    return case


def cases(base):
    return [
        ("cond_outside_tensors", _cond_outside),
        ("cond_nested", _cond_nested),
        ("cond_draw", _cond_draw),
        ("cond_outside_tensors_grads", _grads(_cond_outside)),
        ("while_outside_tensors", _while_outside),
        ("while_cond_inside", _while_cond_inside),
        ("while_outside_tensors_grads", _grads(_while_outside)),
        ("tensor_array_stack", lambda tf, p: tf.TensorArray(tf.float32, size=3).unstack(
            tf.ones([3, 2])).stack()),
        ("tensor_array_size_dynamic", lambda tf, p: tf.TensorArray(tf.float32, size=tf.shape(p["f"])[0]).size()),
        ("grad_sparse_xent_zeros_like", lambda tf, p: tf.gradients(tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.placeholder(tf.int32, [5], name="ids"),
                                                           logits=tf.placeholder(tf.float32, [5, 4], name="z"))),
            tf.get_default_graph().get_tensor_by_name("z:0"))),
    ]
