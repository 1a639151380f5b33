"""The era's libraries and language under ``legacy``: what NumPy, SciPy, Python, protobuf and
TensorFlow's internal modules had when TF1 code was written and no longer have.

- ``numpy_aliases``: ``np.float``, ``np.int``, ... (removed in NumPy 1.24);
- ``numpy_ragged``: ``np.array`` of ragged sequences as an object array (NumPy 1.24 raises);
- ``scipy_paths``: ``scipy.misc``'s image helpers and module paths SciPy removed.
Each restored name is counted in the migration report.
"""
