"""Op-table cases of the queue-based input pipeline: string_input_producer, tf.train.batch and shuffle_batch
(their fill-fraction casts and summaries), and slim's parallel_read. Python 3.6-compatible, TF 1.x API only
(see op_cases.py)."""


def cases(base):
    def batch(tf, p):
        x = tf.constant([1.0, 2.0, 3.0])
        return tf.train.batch([x], batch_size=2), tf.train.shuffle_batch([x], 2, capacity=10, min_after_dequeue=2)

    def parallel_read(tf, p):
        slim = tf.contrib.slim
        return slim.parallel_reader.parallel_read(["a.tfrecord"], tf.TFRecordReader, num_readers=2)

    return [
        ("string_input_producer", lambda tf, p: tf.train.string_input_producer(["a", "b"], shuffle=False)),
        ("train_batch_and_shuffle_batch", batch),
        ("slim_parallel_read", parallel_read),
    ]
