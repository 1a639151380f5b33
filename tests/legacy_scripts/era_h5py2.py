"""h5py as TF1-era code used it (h5py 2.7-2.10): string attributes' types, File's default mode.

Runs unchanged on the TF 1.4 and 1.15 oracles' h5py (2.7.1, 2.10.0) and under ``legacy``
(h5py 3); tests/test_era_h5py2.py compares the lines. No TensorFlow: only h5py and NumPy.
"""
import os
import shutil
import tempfile

import h5py
import numpy as np


def show(kind, key, value):
    """One line: the Python types and values of ``value`` (elementwise for an array)."""
    items = list(np.ravel(value)) if isinstance(value, np.ndarray) else [value]
    shown = ["%s %r" % ("bytes" if isinstance(x, bytes) else "str" if isinstance(x, str) else type(x).__name__,
                        bytes(x) if isinstance(x, bytes) else x) for x in items]
    shape = np.shape(value) if isinstance(value, np.ndarray) else "scalar"
    print(kind, key, shape, "; ".join(shown))


folder = tempfile.mkdtemp()
try:
    path = os.path.join(folder, "model.h5")
    with h5py.File(path, "w") as f:
        f.attrs["training_config"] = '{"loss": "mse"}'.encode("utf8")  # as Keras 2 saved its configs
        f.attrs["text"] = u"caf\u00e9"
        f.attrs["layer_names"] = [b"dense_1", b"dense_2"]
        f.attrs["fixed"] = np.array([b"ab", b"c"], dtype="S2")
        f.attrs["vlen_bytes"] = np.array([[b"a", b"b"], [b"c", b"\xffz"]], dtype=h5py.special_dtype(vlen=bytes))
        f.attrs["vlen_text"] = np.array([u"x", u"\u00e9"], dtype=h5py.special_dtype(vlen=str))
        f.attrs["number"] = 3
        group = f.create_group("model_weights")
        group.attrs["weight_names"] = [b"dense_1/kernel:0"]
    with h5py.File(path, "r") as f:
        for key in sorted(f.attrs):
            show("attr", key, f.attrs[key])
        show("get", "training_config", f.attrs.get("training_config"))
        show("get", "absent", f.attrs.get("absent"))
        show("items", "model_weights", dict(f["model_weights"].attrs.items())["weight_names"])
        print("decoded", [n.decode("utf8") for n in f["model_weights"].attrs["weight_names"]])

    # no mode: h5py 2.x opened read/write, creating a missing file
    created = os.path.join(folder, "created.h5")
    with h5py.File(created) as f:
        f.attrs["x"] = 1
        print("default mode, new file:", f.mode)
    with h5py.File(created) as f:
        f.attrs["y"] = 2
        print("default mode, existing file:", f.mode, sorted(f.attrs))
    with h5py.File("in_memory", driver="core", backing_store=False) as f:
        f.create_dataset("d", data=np.arange(3))
        print("default mode, core driver:", f.mode, list(f["d"][:]))
    print("exists after core driver:", os.path.exists("in_memory"))
    with h5py.File(created, mode="r") as f:
        print("explicit mode r:", f.mode)
finally:
    shutil.rmtree(folder)
