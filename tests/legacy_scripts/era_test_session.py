"""A tf.test.TestCase with one test: TF 1.3/1.4 also ran (and passed) the inherited test_session; 1.15 skips it."""
import tensorflow as tf


class T(tf.test.TestCase):
    def test_a(self):
        pass


if __name__ == "__main__":
    tf.test.main()
