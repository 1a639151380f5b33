"""NumPy 1.x behaviour TF1-era code relies on, and the aliases NumPy 1.24 removed (tests/test_era_numpy_aliases.py)."""
import numpy as np
import tensorflow as tf
from numpy import float as F

b = np.ones((1, 1, 1)) * 0.5
z = np.zeros(2) + float(b)
labels = np.array([0, 3, 9], dtype=np.uint8)
target_size = np.max(labels) + 1
w = tf.zeros([4, target_size])
r = np.reshape(np.arange(6), newshape=(2, 3))
print("float", z.tolist())
print("promotion", type(target_size).__name__, w.shape.as_list())
print("newshape", r.shape)
print("aliases", [t.__name__ for t in (np.float, np.int, np.bool, np.object, np.str, np.complex, np.long, np.unicode, F)])
print("astype", np.arange(3).astype(np.float).dtype, np.zeros(2, dtype=np.int).dtype)
