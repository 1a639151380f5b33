"""h5py as h5py 2.x behaved for TF1-era code: string attributes read as ``bytes``, ``File``'s default mode.

TF1-era code used h5py 2.7-2.10 (TF 1.3/1.4 with Keras 2.0: h5py 2.7.1; TF 1.15: h5py 2.10.0, the
oracle environments' versions). h5py 3.0 changed two things such code relies on; under ``legacy``
both are as h5py 2.x had them (checked against 2.7.1 and 2.10.0):

- **String attributes.** Writing ``bytes`` (``f.attrs['training_config'] = json.dumps(c).encode('utf8')``,
  as Keras 2 and tf.keras 1.x saved models) stores a variable-length string of the ASCII character set.
  h5py 2.x read it back as ``bytes`` (a UTF-8 one as ``str``), so the era's readers call ``.decode``
  on it (K-FAC's Keras ``load_model``; Keras 2.0's ``n.decode('utf8') for n in f.attrs['layer_names']``).
  h5py 3 reads every variable-length string attribute as ``str``, and that ``.decode`` raises. Here
  ``attrs[k]`` (so ``attrs.get``, ``attrs.items()``) gives an ASCII one as ``bytes`` (an object array
  of ``bytes`` for an array attribute), the file's own bytes (h5py 3's ``surrogateescape`` undone).
  UTF-8 strings stay ``str`` and fixed-length strings ``numpy.bytes_``, as in both versions. tf_keras
  reads either form (``hasattr(v, 'decode')``), so the runtime's own Keras saving is unchanged.
  Datasets are left as h5py 3 reads them.
- **``h5py.File(name)`` without a mode** opened the file read/write, creating it if missing (h5py 2.x's
  documented default ``'a'``; read-only when it could not be written; ``'r'`` if the environment sets
  ``H5PY_DEFAULT_READONLY``, as 2.10 allowed). h5py 3's default is ``'r'``: code that made an in-memory
  file with ``h5py.File('x', driver='core', backing_store=False)`` and wrote to it fails to open.

Changes of behaviour, not of names: not counted in the migration report.
"""
import os

import numpy as np

_MARK = "_tf1_cnn_h5py2"
_MODE_NOT_GIVEN = object()


def _as_bytes(value):
    """``value`` (a ``str``, or an object array of ``str``, as h5py 3 decoded it) as the file's bytes."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape")
    out = np.empty(value.shape, dtype=object)
    out.flat[:] = [s.encode("utf-8", "surrogateescape") if isinstance(s, str) else s for s in value.flat]
    return out


def _mend_attrs(manager, h5py):
    read = manager.__getitem__

    def __getitem__(self, name):
        value = read(self, name)
        if isinstance(value, str) or (isinstance(value, np.ndarray) and value.dtype == object):
            info = h5py.check_string_dtype(self.get_id(name).dtype)
            if info is not None and info.length is None and info.encoding == "ascii":
                return _as_bytes(value)
        return value

    __getitem__.__doc__ = read.__doc__
    setattr(__getitem__, _MARK, True)
    manager.__getitem__ = __getitem__


def _mend_file(file_class):
    init = file_class.__init__

    def __init__(self, name, mode=_MODE_NOT_GIVEN, *args, **kwargs):
        if mode is not _MODE_NOT_GIVEN and mode is not None:
            return init(self, name, mode, *args, **kwargs)
        if os.environ.get("H5PY_DEFAULT_READONLY"):
            return init(self, name, "r", *args, **kwargs)
        try:
            return init(self, name, "a", *args, **kwargs)
        except OSError:
            # h5py 2.x fell back to read-only for a file it could open but not write
            if isinstance(name, (str, bytes, os.PathLike)) and os.path.exists(name):
                return init(self, name, "r", *args, **kwargs)
            raise

    __init__.__doc__ = init.__doc__
    __init__.__wrapped__ = init
    setattr(__init__, _MARK, True)
    file_class.__init__ = __init__


def _mend(h5py):
    if getattr(h5py.File.__init__, _MARK, False):
        return
    from h5py._hl.attrs import AttributeManager

    if not getattr(AttributeManager.__getitem__, _MARK, False):
        _mend_attrs(AttributeManager, h5py)
    _mend_file(h5py.File)


def install():
    """Give ``h5py`` h5py 2.x's string attributes and default mode once it is imported (idempotent; lazy)."""
    from .. import post_import

    post_import.when_imported("h5py", _mend)
