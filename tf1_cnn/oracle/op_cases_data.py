"""Op-table cases: tf.data iterators (Python 3.6-compatible, TF 1.x API only; TF 1.3.0 has no tf.data)."""


def cases(base):
    def initializable(tf, p):
        it = tf.data.Dataset.from_tensor_slices(p["f"]).map(lambda v: v * 2.0).batch(2).make_initializable_iterator()
        return it.get_next()

    def reinitializable(tf, p):
        ds = tf.data.Dataset.from_tensor_slices(p["f"]).batch(2)
        it = tf.data.Iterator.from_structure(ds.output_types, ds.output_shapes)
        return it.make_initializer(ds), it.get_next()

    def parallel_map(tf, p):
        ds = tf.data.Dataset.from_tensor_slices(p["f"]).shuffle(10).map(lambda v: v * 2.0, num_parallel_calls=4)
        return ds.repeat().batch(2).make_initializable_iterator().get_next()

    return [("data_initializable_iterator", initializable), ("data_reinitializable_iterator", reinitializable),
            ("data_parallel_map", parallel_map)]
