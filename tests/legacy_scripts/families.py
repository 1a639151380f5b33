# TF1 script families: tf.app.flags/run, tf.gfile, tf.data one-shot iterator, tf.layers with
# batch_normalization + UPDATE_OPS, tf.losses/tf.metrics, summaries + FileWriter, conv2d_transpose,
# a queue pipeline, Saver.
import numpy as np
import tensorflow as tf
flags = tf.app.flags
flags.DEFINE_integer("steps", 20, "training steps")
flags.DEFINE_string("logdir", "logs", "where")
FLAGS = flags.FLAGS

def main(_):
    tf.logging.set_verbosity(tf.logging.ERROR)
    if tf.gfile.Exists(FLAGS.logdir):
        tf.gfile.DeleteRecursively(FLAGS.logdir)
    tf.gfile.MakeDirs(FLAGS.logdir)
    tf.set_random_seed(0)
    xs = np.random.RandomState(0).rand(64, 4).astype(np.float32)
    ys = xs.sum(1, keepdims=True)
    ds = tf.data.Dataset.from_tensor_slices((xs, ys)).repeat().batch(16)
    x, y = ds.make_one_shot_iterator().get_next()
    is_training = tf.placeholder_with_default(True, [])
    h = tf.layers.dense(x, 8, activation=tf.nn.relu)
    h = tf.layers.batch_normalization(h, training=is_training)
    pred = tf.layers.dense(h, 1)
    loss = tf.losses.mean_squared_error(y, pred)
    m = tf.reduce_mean(tf.square(y - pred), reduction_indices=[1], keep_dims=True)
    acc, acc_op = tf.metrics.accuracy(tf.to_int32(y > 2), tf.to_int32(pred > 2))
    tf.summary.scalar("loss", loss)
    tf.summary.histogram("pred", pred)
    merged = tf.summary.merge_all()
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train = tf.train.AdamOptimizer(0.01).minimize(loss)
    img = tf.placeholder(tf.float32, [None, 4, 4, 3])
    up = tf.layers.conv2d_transpose(img, 2, 3, strides=2, padding="same")
    q = tf.train.string_input_producer(["a", "b"], shuffle=False)
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
        coord = tf.train.Coordinator(); threads = tf.train.start_queue_runners(sess, coord)
        writer = tf.summary.FileWriter(FLAGS.logdir, sess.graph)
        first = sess.run(loss)
        for i in range(FLAGS.steps):
            _, s, _ = sess.run([train, merged, acc_op]); writer.add_summary(s, i)
        print("loss", first, "->", sess.run(loss), "acc", sess.run(acc))
        print("up", sess.run(up, {img: np.zeros((1, 4, 4, 3))}).shape, "deq", sess.run(q.dequeue()))
        mm = [v for v in tf.global_variables() if "moving_mean" in v.name][0]
        print("moving mean moved", np.abs(sess.run(mm)).max() > 0)
        path = saver.save(sess, FLAGS.logdir + "/model.ckpt")
        coord.request_stop(); coord.join(threads); writer.close()
    print("events", [f for f in tf.gfile.ListDirectory(FLAGS.logdir) if "events" in f][:1] != [])

if __name__ == "__main__":
    tf.app.run()
