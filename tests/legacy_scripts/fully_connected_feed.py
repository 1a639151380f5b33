# The TF1 tutorial's fully_connected_feed.py, condensed: input_data + the tutorial's mnist module.
import argparse
import sys

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
from tensorflow.examples.tutorials.mnist import mnist

FLAGS = None


def placeholder_inputs(batch_size):
    images_placeholder = tf.placeholder(tf.float32, shape=(batch_size, mnist.IMAGE_PIXELS))
    labels_placeholder = tf.placeholder(tf.int32, shape=(batch_size))
    return images_placeholder, labels_placeholder


def do_eval(sess, eval_correct, images_placeholder, labels_placeholder, data_set):
    true_count = 0
    steps_per_epoch = data_set.num_examples // FLAGS.batch_size
    num_examples = steps_per_epoch * FLAGS.batch_size
    for step in range(steps_per_epoch):
        images, labels = data_set.next_batch(FLAGS.batch_size)
        true_count += sess.run(eval_correct, feed_dict={images_placeholder: images, labels_placeholder: labels})
    print('Num examples: %d  Num correct: %d  Precision @ 1: %0.04f' % (num_examples, true_count,
                                                                      float(true_count) / num_examples))


def run_training():
    data_sets = input_data.read_data_sets(FLAGS.input_data_dir, validation_size=0)
    with tf.Graph().as_default():
        tf.set_random_seed(0)
        images_placeholder, labels_placeholder = placeholder_inputs(FLAGS.batch_size)
        logits = mnist.inference(images_placeholder, 32, 16)
        loss = mnist.loss(logits, labels_placeholder)
        train_op = mnist.training(loss, FLAGS.learning_rate)
        eval_correct = mnist.evaluation(logits, labels_placeholder)
        summary = tf.summary.merge_all()
        init = tf.global_variables_initializer()
        saver = tf.train.Saver()
        sess = tf.Session()
        summary_writer = tf.summary.FileWriter(FLAGS.log_dir, sess.graph)
        sess.run(init)
        for step in range(FLAGS.max_steps):
            images, labels = data_sets.train.next_batch(FLAGS.batch_size)
            _, loss_value = sess.run([train_op, loss], feed_dict={images_placeholder: images,
                                                                  labels_placeholder: labels})
            if step % 20 == 0:
                print('Step %d: loss = %.2f' % (step, loss_value))
                summary_writer.add_summary(sess.run(summary, feed_dict={images_placeholder: images,
                                                                        labels_placeholder: labels}), step)
        saver.save(sess, FLAGS.log_dir + '/model.ckpt', global_step=step)
        do_eval(sess, eval_correct, images_placeholder, labels_placeholder, data_sets.train)


def main(_):
    if tf.gfile.Exists(FLAGS.log_dir):
        tf.gfile.DeleteRecursively(FLAGS.log_dir)
    tf.gfile.MakeDirs(FLAGS.log_dir)
    run_training()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--learning_rate', type=float, default=0.05)
    parser.add_argument('--max_steps', type=int, default=100)
    parser.add_argument('--batch_size', type=int, default=10)
    parser.add_argument('--input_data_dir', type=str, default='MNIST_data')
    parser.add_argument('--log_dir', type=str, default='logs')
    FLAGS, unparsed = parser.parse_known_args()
    tf.app.run(main=main, argv=[sys.argv[0]] + unparsed)
