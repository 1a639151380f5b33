"""Dimensions and shapes written with floats, strings and NumPy numbers, as TF1-era code wrote them.
Runs unchanged on TF 1.4.1 and 1.15.5; tests/test_era_tf_dimension.py compares the lines."""
from __future__ import print_function

import numpy as np
import tensorflow as tf

for value in [3.0, np.float32(3.0), np.float64(1e4), np.int64(7), "3", True, 2.5, [3], None]:
    try:
        d = tf.Dimension(value)
        print("Dimension", repr(value), repr(d), type(d.value).__name__)
    except (TypeError, ValueError) as e:
        print("Dimension", repr(value), type(e).__name__, str(e) if isinstance(e, ValueError) else "")
print("TensorShape", tf.TensorShape([1e4, 2.0]).as_list())
z = tf.zeros([1e4] + tf.TensorShape([2]).as_list())
print("zeros", z.shape.as_list(), z.dtype.name)
print("ones", tf.ones([2.0]).shape.as_list())
