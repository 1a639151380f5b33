"""Op-table cases of tf.parse_single_example: dense features without defaults (a TFRecord reader's image
and label), dense ones with defaults and a sparse one under a name, a record of unknown rank (a queue's
dequeue), and a draw after them.
Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def _record(tf):
    return tf.placeholder(tf.string, [], name="record")


def cases(base):
    return [
        ("parse_single_example", lambda tf, p: tf.parse_single_example(_record(tf), features={
            "image_raw": tf.FixedLenFeature([], tf.string), "label": tf.FixedLenFeature([], tf.int64)})),
        ("parse_single_example_defaults_sparse", lambda tf, p: tf.parse_single_example(_record(tf), features={
            "xy": tf.FixedLenFeature([2], tf.float32, default_value=[0.0, 1.0]),
            "tag ids": tf.VarLenFeature(tf.int64), "age": tf.FixedLenFeature([], tf.int64, default_value=-1)},
            name="features")),
        ("parse_single_example_draw", lambda tf, p: (tf.parse_single_example(_record(tf), features={
            "x": tf.FixedLenFeature([3], tf.float32)})["x"] + tf.random_uniform([3]))),
        ("parse_single_example_unknown_rank", lambda tf, p: (tf.parse_single_example(
            tf.placeholder(tf.string, None, name="record"), features={
                "image": tf.FixedLenFeature((), tf.string, default_value=""),
                "label": tf.FixedLenFeature([], tf.int64)}), tf.random_uniform([3]))),
    ]
