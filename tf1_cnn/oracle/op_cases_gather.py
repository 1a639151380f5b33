"""Op-table cases of tf.gather and tf.nn.embedding_lookup's forward ops: along axis 0 and 1, of a variable,
an embedding table (a variable, a list of one) followed by a draw, embedding_lookup_sparse (without weights,
weighted sum), and slice_input_producer's gathers.
Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def _table(tf):
    return tf.Variable(tf.random_uniform([10, 4], -1.0, 1.0), name="embedding")


def cases(base):
    return [
        ("gather_axis0", lambda tf, p: tf.gather(p["f"], p["labels"])),
        ("gather_axis1", lambda tf, p: tf.gather(p["f"], p["labels"], axis=1)),
        ("gather_variable_validate", lambda tf, p: tf.gather(_table(tf), p["labels"], validate_indices=True)),
        ("embedding_lookup_draw", lambda tf, p: (tf.nn.embedding_lookup(_table(tf), p["labels"]),
                                                 tf.truncated_normal([4, 3], stddev=0.1))),
        ("embedding_lookup_list_named", lambda tf, p: tf.nn.embedding_lookup([_table(tf)], p["labels"],
                                                                             name="embed")),
        ("embedding_lookup_sparse", lambda tf, p: tf.nn.embedding_lookup_sparse(
            _table(tf), tf.SparseTensor([[0, 0], [0, 1], [1, 0]], tf.constant([1, 3, 1], tf.int64), [2, 2]), None)),
        ("embedding_lookup_sparse_weighted_sum", lambda tf, p: tf.nn.embedding_lookup_sparse(
            _table(tf), tf.SparseTensor([[0, 0], [1, 0]], tf.constant([2, 5], tf.int64), [2, 1]),
            tf.SparseTensor([[0, 0], [1, 0]], [0.5, 2.0], [2, 1]), combiner="sum")),
        ("slice_input_producer", lambda tf, p: tf.train.slice_input_producer(
            [tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), tf.constant([0, 1, 2])], shuffle=False)),
    ]
