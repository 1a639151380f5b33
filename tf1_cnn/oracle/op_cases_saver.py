"""Op-table cases of tf.train.Saver's save and restore ops: the default Saver, a sharded one (the Estimator's
and MonitoredTrainingSession's Scaffold), a var_list dict with reshape and sequential restores, a scoped name,
and a sharded Saver of a partitioned resource variable; each followed by a draw, so the op count shows in
its seed. Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def _variables(tf):
    w = tf.Variable(tf.zeros([3, 2]), name="w")
    step = tf.Variable(0, name="global_step", trainable=False)
    return w, step


def _then_draw(make_saver):
    def build(tf, p):
        saver = make_saver(tf)
        return saver, tf.random_normal([2])
    return build


def _partitioned_resource(tf):
    tf.get_variable("part", [4, 3], partitioner=tf.fixed_size_partitioner(2), use_resource=True)
    return tf.train.Saver(sharded=True)


def cases(base):
    return [
        ("saver_default_draw", _then_draw(lambda tf: (_variables(tf), tf.train.Saver())[1])),
        ("saver_sharded", _then_draw(lambda tf: (_variables(tf), tf.train.Saver(sharded=True, max_to_keep=2))[1])),
        ("saver_var_list_reshape", _then_draw(lambda tf: tf.train.Saver(
            {"weights": _variables(tf)[0], "step": tf.Variable(1.0, name="s")}, reshape=True,
            restore_sequentially=True))),
        ("saver_named", _then_draw(lambda tf: (_variables(tf), tf.train.Saver(name="ckpt"))[1])),
        ("saver_partitioned_resource_sharded", _then_draw(_partitioned_resource)),
    ]
