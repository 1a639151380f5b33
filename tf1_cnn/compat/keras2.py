"""``import keras`` as Keras 2 on a TF1 backend: tf_keras's v1 API, under its old module paths.

Old Keras code (the course's week-2 notebook) writes ``import keras``,
``from keras.layers import ...``, ``from keras.utils.vis_utils import plot_model``,
``from keras.applications.imagenet_utils import preprocess_input``,
``keras.backend.set_learning_phase(1)``. Under ``legacy`` every ``keras[.X]`` import
resolves, in this order, to:
  1. ``tf_keras.api._v1.keras[.X]``: Keras 2's TF1 API. Its initializers are TF1's
     (``init_ops.GlorotUniform``...), which is what Keras 2 on TF 1.x drew with:
     tf_keras's v2 API gives its stateless TF2 classes, other weights;
  2. ``tf_keras.src[.X]``: old internal paths (``keras.utils.vis_utils``,
     ``keras.utils.layer_utils``, ``keras.utils.data_utils``).
``plot_model`` without Graphviz prints one line instead of raising.
Keras 3 stays what ``import keras`` means outside ``legacy``.
"""
import importlib
import importlib.abc
import importlib.util
import sys

from . import migration

_BASES = ("tf_keras.api._v1.keras", "tf_keras.src")


class _Keras2Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Maps ``keras[.X]`` to the first of _BASES that has X; the module object is shared."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "keras" and not fullname.startswith("keras."):
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        migration.record(spec.name)  # Keras 2 imports are TF1-era names too
        rest = spec.name[len("keras"):]
        for base in _BASES:
            try:
                module = importlib.import_module(base + rest)
            except ImportError:
                continue
            self._specs = getattr(self, "_specs", {})
            self._specs[spec.name] = getattr(module, "__spec__", None)
            return module
        raise ModuleNotFoundError(f"No module named {spec.name!r} (Keras 2 as tf_keras has no {rest[1:] or 'keras'})",
                                  name=spec.name)

    def exec_module(self, module):
        # importlib set the alias's spec on the shared module: give it back its own
        original = self._specs.pop(module.__spec__.name, None)
        if original is not None:
            module.__spec__ = original


def _plot_model_wrapper(plot_model):
    def wrapper(model, to_file="model.png", *args, **kwargs):
        migration.record("keras.utils.plot_model")
        try:
            return plot_model(model, to_file, *args, **kwargs)
        except ImportError as exc:
            print(f"plot_model: {to_file} not written: {str(exc).splitlines()[0]}", file=sys.stderr)
            return None

    wrapper.__name__ = "plot_model"
    return wrapper


def install():
    """Route ``keras`` imports to Keras 2 (idempotent)."""
    if any(isinstance(f, _Keras2Finder) for f in sys.meta_path):
        return
    for name in [n for n in sys.modules if n == "keras" or n.startswith("keras.")]:
        del sys.modules[name]  # Keras 3, if something imported it already
    sys.meta_path.insert(0, _Keras2Finder())
    from tf_keras.api._v1 import keras
    from tf_keras.src.utils import vis_utils

    # `from keras.utils import layer_utils` looks for an attribute (then a submodule under the
    # module's real name, tf_keras.api...): attach Keras 2's old utility modules by name
    for sub in ("layer_utils", "data_utils", "vis_utils", "generic_utils", "np_utils", "io_utils", "conv_utils"):
        try:
            module = importlib.import_module(f"tf_keras.src.utils.{sub}")
        except ImportError:
            continue
        if not hasattr(keras.utils, sub):
            setattr(keras.utils, sub, module)
    for name in ("set_learning_phase", "learning_phase"):  # TF1-graph-only ideas, counted
        setattr(keras.backend, name, migration.counted(f"keras.backend.{name}", getattr(keras.backend, name)))
    from . import keras2_print

    keras2_print.install()  # what Keras 2.0.8 / TF 1.15's tf.keras printed (keras2_print.py)
    wrapped = _plot_model_wrapper(vis_utils.plot_model)
    vis_utils.plot_model = wrapped
    keras.utils.plot_model = wrapped
