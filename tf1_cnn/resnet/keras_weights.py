"""Load Keras HDF5 weight files into a graph built from ``tf1_cnn.resnet.layers``, by layer name.

Two layouts (both Keras 2 / TF 1.x era):
- a whole model file (``model.save``, as the course's ResNet50.h5):
  ``model_weights/<layer>/<layer>/kernel:0``, ``bias:0``, ``gamma:0``, ``beta:0``,
  ``moving_mean:0``, ``moving_variance:0``;
- a weights-only file (``save_weights``, as keras.applications' downloads):
  the same groups at the top level.
The file's ``layer_names`` / ``weight_names`` attributes are used when present
(their order is Keras' weight order), otherwise the groups are walked.
"""

import numpy as np

from ..errors import UserError
from ..fileio import open_h5
from .layers import assign_all

# Keras' weight order per layer type; the file's names end with these (":0" and a scope may precede).
WEIGHT_ORDER = {"Conv2D": ("kernel", "bias"), "Dense": ("kernel", "bias"),
                "BatchNormalization": ("gamma", "beta", "moving_mean", "moving_variance")}


def _decode(x):
    return x.decode("utf8") if isinstance(x, bytes) else str(x)


def read_keras_h5(path):
    """{layer name: [(weight name, array), ...]} from a Keras 2 HDF5 file, in the file's order."""
    with open_h5(path, "weight file") as f:
        root = f["model_weights"] if "model_weights" in f else f
        if "layer_names" in root.attrs:
            layer_names = [_decode(n) for n in root.attrs["layer_names"]]
        else:
            layer_names = [k for k in root.keys() if hasattr(root[k], "keys")]
        unknown = UserError(f"{path}: unknown weight-file layout (top-level keys {sorted(root.keys())}); expected a "
                            f"Keras 2 HDF5 model or weights file (model_weights/<layer>/<layer>/kernel:0 or "
                            f"<layer>/<layer>/kernel:0)")
        if "layer_names" not in root.attrs and ("layers" in root or "vars" in root):
            raise unknown  # Keras 3's .weights.h5 (layers/<name>/vars/0): no layer-name weights
        out = {}
        for name in layer_names:
            if name not in root:
                raise UserError(f"{path}: layer_names lists {name!r} but the file has no group for it")
            g = root[name]
            if "weight_names" in g.attrs:
                wnames = [_decode(n) for n in g.attrs["weight_names"]]
            else:
                wnames = []
                g.visit(lambda k: wnames.append(k) if hasattr(g[k], "shape") else None)
            if wnames:
                out[name] = [(w, np.array(g[w])) for w in wnames]
    if not out:
        raise unknown
    return out


def _short(weight_name):
    """'res2a_branch2a/kernel:0' -> 'kernel'."""
    return weight_name.split("/")[-1].split(":")[0]


def assignments(records, weights, path="weights file"):
    """[(variable, array)] for every layer with variables, checked by name and shape."""
    pairs = []
    for r in records:
        if not r.variables:
            continue
        if r.name not in weights:
            raise UserError(f"{path}: no weights for layer {r.name!r} ({r.kind}); the file has "
                            f"{len(weights)} layers, e.g. {', '.join(list(weights)[:5])}")
        found = weights[r.name]
        by_short = {_short(n): a for n, a in found}
        order = WEIGHT_ORDER[r.kind]
        if all(k in by_short for k in order):
            arrays = [by_short[k] for k in order]
        elif len(found) == len(order):  # older files name weights otherwise (conv1_W:0): use Keras' order
            arrays = [a for _, a in found]
        else:
            raise UserError(f"{path}: layer {r.name!r} holds {[n for n, _ in found]}, expected {list(order)}")
        for var, arr, wname in zip(r.variables, arrays, order):
            want = tuple(var.shape.as_list())
            if tuple(arr.shape) != want:
                raise UserError(f"{path}: layer {r.name!r} {wname} has shape {tuple(arr.shape)}, "
                                f"the model needs {want}")
            pairs.append((var, arr))
    return pairs


def load_keras_weights(sess, records, path):
    """Assign every layer's weights from the Keras file at ``path``; returns how many arrays were loaded."""
    pairs = assignments(records, read_keras_h5(path), str(path))
    assign_all(sess, pairs)
    return len(pairs)


def write_keras_h5(path, layers, model_file=True):
    """Write {layer: [(weight name, array)]} in the Keras 2 layout (for tests and conversions)."""
    import h5py

    with h5py.File(path, "w") as f:
        root = f.create_group("model_weights") if model_file else f
        root.attrs["layer_names"] = [n.encode() for n in layers]
        for name, ws in layers.items():
            g = root.create_group(name)
            g.attrs["weight_names"] = [f"{name}/{w}:0".encode() for w, _ in ws]
            for w, a in ws:
                g.create_dataset(f"{name}/{w}:0", data=a)
