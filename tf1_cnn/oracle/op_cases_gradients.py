"""Op-table cases: ``tf.gradients`` / ``minimize`` of every op family the tables cover, and ``tf.losses``.

Python 3.6-compatible, TF 1.x API only (run inside the oracle environments too). Each
``grad_*`` case builds a small forward graph on variables and the prefix's placeholders
and then ``tf.gradients`` of a scalar with respect to the variables (what the recorded
ops show is the traversal order, the grad_ys constants, every gradient function's ops and
the AddN aggregation); ``min_*`` cases do the same through ``Optimizer.minimize``, which
gates the gradients (``gate_gradients=GATE_OP``: the ``tuple/group_deps`` and
``control_dependency`` identities) and adds the update ops. ``losses_*`` cases are the
``tf.losses`` functions the base file does not cover, each with and without a minimize.
"""


def _v(tf, shape, name="v"):
    return tf.Variable(tf.ones(shape), name=name)


def _grad(forward):
    """tf.gradients(forward(tf, p, v) reduced to a scalar, [v]); v a (6,) variable."""
    def build(tf, p):
        v = _v(tf, [6])
        out = forward(tf, p, v)
        return tf.gradients(tf.reduce_sum(out), [v])
    return build


def _min(loss, opt=None):
    def build(tf, p):
        make = opt or (lambda tf: tf.train.GradientDescentOptimizer(0.1))
        return make(tf).minimize(loss(tf, p))
    return build


def _gradients_of(loss):
    def build(tf, p):
        return tf.gradients(loss(tf, p), tf.trainable_variables())
    return build


def _dense(tf, p, inputs, n_in, n_out, name):
    w = tf.Variable(tf.ones([n_in, n_out]) * 0.1, name=name + "_w")
    b = tf.Variable(tf.zeros([n_out]), name=name + "_b")
    return tf.matmul(inputs, w) + b


def _cnn_logits(tf, p):
    w = tf.Variable(tf.ones([3, 3, 3, 4]) * 0.1, name="W1")
    c = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(p["x"], w, [1, 1, 1, 1], "SAME"), tf.zeros([4])))
    c = tf.nn.max_pool(c, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    flat = tf.reshape(c, [-1, 4 * 4 * 4])
    return _dense(tf, p, flat, 64, 4, "fc")


def _xent(tf, p):
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=p["y"], logits=_cnn_logits(tf, p)))


def _sparse_xent(tf, p):
    logits = _dense(tf, p, p["f"], 6, 4, "fc")
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=p["labels"], logits=logits))


def _layers_net(tf, p):
    h = tf.layers.conv2d(p["x"], 4, 3, activation=tf.nn.relu)
    h = tf.layers.max_pooling2d(h, 2, 2)
    h = tf.layers.batch_normalization(h, training=True)
    h = tf.reshape(h, [-1, 3 * 3 * 4])
    h = tf.layers.dropout(tf.layers.dense(h, 8, activation=tf.nn.relu), 0.5, training=True)
    return tf.losses.softmax_cross_entropy(p["y"], tf.layers.dense(h, 4))


def _rnn_loss(cell, static=False):
    def loss(tf, p):
        c = cell(tf)
        if static:
            outputs, _ = tf.nn.static_rnn(c, tf.unstack(p["seq"], axis=1), dtype=tf.float32)
            last = outputs[-1]
        else:
            outputs, _ = tf.nn.dynamic_rnn(c, p["seq"], dtype=tf.float32)
            last = outputs[:, -1]
        return tf.reduce_mean(tf.square(last - p["y"]))
    return loss


def _loss_fn(name):
    """(labels, predictions) -> the tf.losses function ``name``'s scalar loss."""
    def loss(tf, p):
        logits = _dense(tf, p, p["f"], 6, 4, "fc")
        fn = getattr(tf.losses, name)
        if name == "sparse_softmax_cross_entropy":
            return fn(p["labels"], logits)
        if name == "log_loss":
            return fn(p["y"], tf.sigmoid(logits))
        if name == "cosine_distance":
            return fn(tf.nn.l2_normalize(p["y"], 1), tf.nn.l2_normalize(logits, 1), 1)
        if name == "compute_weighted_loss":
            return fn(tf.square(logits - p["y"]))
        return fn(p["y"], logits)
    return loss


LOSSES = ("mean_squared_error", "absolute_difference", "huber_loss", "log_loss", "softmax_cross_entropy",
          "sigmoid_cross_entropy", "sparse_softmax_cross_entropy", "hinge_loss", "cosine_distance",
          "mean_pairwise_squared_error", "compute_weighted_loss")


def cases(base):
    out = [
        # math binary ops (broadcasting gradients), unary ops, aggregation of several consumers (AddN)
        ("grad_add", _grad(lambda tf, p, v: p["f"] + v)),
        ("grad_sub", _grad(lambda tf, p, v: p["f"] - v)),
        ("grad_mul", _grad(lambda tf, p, v: p["f"] * v)),
        ("grad_div", _grad(lambda tf, p, v: p["f"] / v)),
        ("grad_max_min", _grad(lambda tf, p, v: tf.maximum(p["f"], v) + tf.minimum(p["f"], v))),
        ("grad_pow_sqrt", _grad(lambda tf, p, v: tf.pow(v, 3.0) + tf.sqrt(v) + tf.square(v))),
        ("grad_exp_log", _grad(lambda tf, p, v: tf.log(tf.exp(v) + 1.0) * tf.abs(v) - tf.negative(v))),
        ("grad_activations", _grad(lambda tf, p, v: tf.nn.relu(v) + tf.sigmoid(v) + tf.tanh(v) + tf.nn.elu(v)
                                   + tf.nn.relu6(v) + tf.nn.softplus(v))),
        ("grad_scalar_mul", _grad(lambda tf, p, v: 2.0 * v - 1.0)),
        ("grad_add_n_l2", _grad(lambda tf, p, v: tf.add_n([v, v * 2.0, tf.nn.l2_loss(v)]))),
        # reductions
        ("grad_reduce_axis", _grad(lambda tf, p, v: tf.reduce_sum(p["f"] * v, 1) + tf.reduce_mean(p["f"] * v, 1))),
        ("grad_reduce_max", _grad(lambda tf, p, v: tf.reduce_max(p["f"] * v, 1))),
        ("grad_reduce_mean_all", lambda tf, p: tf.gradients(tf.reduce_mean(p["f"] * _v(tf, [6])),
                                                             tf.trainable_variables())),
        # matmul, conv2d, pooling
        ("grad_matmul", _gradients_of(lambda tf, p: tf.reduce_sum(_dense(tf, p, p["f"], 6, 4, "fc")))),
        ("grad_matmul_transpose", lambda tf, p: tf.gradients(tf.reduce_sum((lambda h: tf.matmul(
            h, h, transpose_a=True))(tf.matmul(p["f"], _v(tf, [4, 6]), transpose_b=True))), tf.trainable_variables())),
        ("grad_conv2d", lambda tf, p: tf.gradients(tf.reduce_sum(tf.nn.conv2d(
            p["x"], _v(tf, [3, 3, 3, 4]), [1, 1, 1, 1], "SAME")), tf.trainable_variables() + [p["x"]])),
        ("grad_conv_pool", _gradients_of(lambda tf, p: tf.reduce_sum(_cnn_logits(tf, p)))),
        ("grad_avg_pool", lambda tf, p: tf.gradients(tf.reduce_sum(tf.nn.avg_pool(
            p["x"] * _v(tf, [3]), [1, 2, 2, 1], [1, 2, 2, 1], "VALID")), tf.trainable_variables())),
        # softmax and cross-entropies
        ("grad_softmax_xent", _gradients_of(_xent)),
        ("grad_sparse_softmax_xent", _gradients_of(_sparse_xent)),
        ("grad_sigmoid_xent", _gradients_of(lambda tf, p: tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(
            labels=p["y"], logits=_dense(tf, p, p["f"], 6, 4, "fc"))))),
        ("grad_softmax_log", _gradients_of(lambda tf, p: -tf.reduce_sum(p["y"] * tf.log(
            tf.nn.softmax(_dense(tf, p, p["f"], 6, 4, "fc")))))),
        # array ops
        ("grad_reshape_transpose", _grad(lambda tf, p, v: tf.transpose(tf.reshape(p["f"] * v, [-1, 2, 3]),
                                                                        [0, 2, 1]))),
        ("grad_concat_slice", _grad(lambda tf, p, v: tf.slice(tf.concat([p["f"] * v, p["f"]], 1), [0, 1], [-1, 4]))),
        ("grad_strided_slice", _grad(lambda tf, p, v: (p["f"] * v)[:, 1:4])),
        ("grad_stack_unstack", _grad(lambda tf, p, v: tf.stack(tf.unstack(tf.expand_dims(v, 0) * p["f"], axis=1),
                                                               axis=1))),
        ("grad_gather", _grad(lambda tf, p, v: tf.gather(v, p["labels"]))),
        ("grad_embedding_lookup", lambda tf, p: tf.gradients(tf.reduce_sum(tf.nn.embedding_lookup(
            _v(tf, [10, 3]), p["labels"])), tf.trainable_variables())),
        # batch norm, dropout
        ("grad_batch_norm", _gradients_of(lambda tf, p: tf.reduce_sum(
            tf.layers.batch_normalization(p["x"], training=True)))),
        ("grad_moments_batch_normalization", _grad(lambda tf, p, v: tf.nn.batch_normalization(
            p["f"] * v, *tf.nn.moments(p["f"] * v, [0]), offset=None, scale=None, variance_epsilon=1e-3))),
        ("grad_dropout", _grad(lambda tf, p, v: tf.nn.dropout(p["f"] * v, p["keep_prob"]))),
        # recurrent networks (while_loop gradients), tf.cond
        ("grad_dynamic_rnn", _gradients_of(_rnn_loss(lambda tf: tf.nn.rnn_cell.BasicRNNCell(4)))),
        ("grad_static_rnn", _gradients_of(_rnn_loss(lambda tf: tf.nn.rnn_cell.BasicRNNCell(4), static=True))),
        ("grad_cond", _grad(lambda tf, p, v: tf.cond(p["training"], lambda: v * 2.0, lambda: v))),
        # tf.gradients' own arguments
        ("grad_several_ys", lambda tf, p: tf.gradients([tf.reduce_sum(_v(tf, [6]) * 2.0),
                                                        tf.reduce_mean(tf.trainable_variables()[0])],
                                                       tf.trainable_variables())),
        ("grad_given_grad_ys", lambda tf, p: tf.gradients(tf.reduce_sum(_v(tf, [6])), tf.trainable_variables(),
                                                          grad_ys=tf.constant(2.0))),
        ("grad_mul_same_shape", _grad(lambda tf, p, v: v * _v(tf, [6], "u"))),
        ("grad_stop_gradient", _grad(lambda tf, p, v: v * tf.stop_gradient(v))),
        # through an optimizer: gated gradients, update ops
        ("min_cnn_adam", _min(_xent, lambda tf: tf.train.AdamOptimizer(1e-3))),
        ("min_cnn_sgd", _min(_xent)),
        ("min_sparse_xent_momentum", _min(_sparse_xent, lambda tf: tf.train.MomentumOptimizer(0.1, 0.9))),
        ("min_layers_net", lambda tf, p: tf.train.AdamOptimizer().minimize(_layers_net(tf, p))),
        ("min_compute_apply", lambda tf, p: (lambda opt, loss: opt.apply_gradients(
            opt.compute_gradients(loss)))(tf.train.GradientDescentOptimizer(0.1), _xent(tf, p))),
        ("min_exponential_decay", lambda tf, p: tf.train.GradientDescentOptimizer(tf.train.exponential_decay(
            0.1, tf.train.get_or_create_global_step(), 100, 0.96, staircase=True)).minimize(
            _sparse_xent(tf, p), global_step=tf.train.get_global_step())),
        ("min_dynamic_rnn", _min(_rnn_loss(lambda tf: tf.nn.rnn_cell.BasicLSTMCell(4)),
                                 lambda tf: tf.train.AdamOptimizer())),
    ]
    # every tf.losses function: its reduction, and its gradients through minimize
    for name in LOSSES:
        out.append(("losses_fn_" + name, _loss_fn(name)))
        out.append(("min_losses_" + name, _min(_loss_fn(name))))
    out.append(("losses_weighted_total", lambda tf, p: (
        tf.losses.mean_squared_error(p["y"], _dense(tf, p, p["f"], 6, 4, "fc"), weights=0.5),
        tf.losses.absolute_difference(p["y"], tf.zeros_like(p["y"]), weights=p["y"]),
        tf.losses.get_total_loss(add_regularization_losses=False))))
    return out
