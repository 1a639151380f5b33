"""TF 1.2-1.4's tf.app.flags (argparse) as TF1-era scripts used them; runs on real TF 1.x too (tests/test_flags.py)."""
import numpy as np
import tensorflow as tf

flags = tf.app.flags
flags.DEFINE_integer("batch_size", np.power(2, 9), "a numpy-int default")
flags.DEFINE_string("name", "x", "a name")
flags.DEFINE_boolean("verbose", True, "a boolean")
flags.DEFINE_boolean("shuffle", False, "a boolean")
flags.DEFINE_float("lr", 0.1, "a float")
flags.DEFINE_integer("steps", "7", "a string default of an integer flag")
FLAGS = flags.FLAGS
print("rest", FLAGS._parse_flags())
for key, value in sorted(FLAGS.__flags.items()):
    print(key, repr(value), type(value).__name__)
print("same module", tf.flags is tf.app.flags, tf.flags.FLAGS is FLAGS)
FLAGS.name = "set"
print("set", FLAGS.name)


def main(argv):
    print("main", argv[1:], FLAGS.lr)
    return 3


tf.app.run()
