"""The era's libraries and language under ``legacy``: what NumPy, SciPy, Python, protobuf and
TensorFlow's internal modules had when TF1 code was written and no longer have.

- ``numpy_aliases``: ``np.float``, ``np.int``, ... (removed in NumPy 1.24);
- ``numpy_ragged``: ``np.array`` of ragged sequences as an object array (NumPy 1.24 raises);
- ``scipy_paths``: ``scipy.misc``'s image helpers and module paths SciPy removed;
- ``python``: ``inspect.getargspec``, ``collections.Mapping``, ``time.clock``, ... (Python 3.7-3.11);
- ``h5py2``: HDF5 string attributes read as ``bytes``, as h5py 2.x read them (h5py 3 gives ``str``);
- ``pillow``: ``Image.ANTIALIAS``, ``LINEAR``, ``CUBIC`` (Pillow 10);
- ``protobuf``: protoc 3.0-3.11 ``*_pb2.py`` modules, built from their descriptors on protobuf 5+;
- ``tf_internal``: ``tensorflow.python...`` names TF 2.21 moved or removed, by the table
  ``tf_internal_names.json`` that ``tools/scan_tf_internal.py`` generates from era libraries' sources;
- ``tf_python_keras``: ``tensorflow.python.keras``'s public modules as tutorials imported them (Keras 2);
- ``tf_test_util``: TF 1.15's graph-and-eager test decorators (one test per method, not 2.21's sub-tests);
- ``tf_errors``: TF 1.x's texts of errors 2.21 reworded (the initializers' "Expected floating point type");
- ``tf_dimension``: ``tf.Dimension(3.0)`` is ``Dimension(3)``, as TF 1.x's ``int(value)`` made it.
Each restored name is counted in the migration report (``h5py2`` and the last three restore behaviour,
not names).
"""
