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
  3. the Keras 2.0 - 2.2 modules tf_keras dropped (``keras.layers.convolutional_recurrent``,
     ``keras.layers.recurrent``, ``keras.engine.topology``, ... : ``OLD_MODULES``), made of
     the same classes from the v1 API.
Also what Keras 2.0 - 2.2 had and tf_keras removed: ``Sequential.predict_classes`` /
``predict_proba`` (Keras 2.0.8's, counted in the migration report), ``keras.__version__``
and ``tf.keras.__version__`` of the selected TF era (``VERSIONS``); ``get_file`` (and so every
``keras.datasets.*.load_data``) never downloads (``_offline_get_file``).
``plot_model`` is tf_keras's own (it needs Graphviz's ``dot``: Debian's ``graphviz``); without
``dot`` it prints one line instead of raising.
Keras 3 stays what ``import keras`` means outside ``legacy``.
"""
import importlib
import importlib.abc
import importlib.util
import os
import sys
import types

from . import migration, post_import, settings

_BASES = ("tf_keras.api._v1.keras", "tf_keras.src")

# Keras 2.0 - 2.2 module -> (v1 API module its classes are now in, the names it had): the names are
# Keras 2.0.8's (read in the tf1.4 oracle's keras package) plus 2.1-2.2's RNN cells and ReLU / Softmax;
# tf_keras either dropped the module or keeps it as a package that does not export them
OLD_MODULES = {
    "layers.core": ("layers", ("Activation", "ActivityRegularization", "Dense", "Dropout", "Flatten", "Lambda",
                               "Masking", "Permute", "RepeatVector", "Reshape", "SpatialDropout1D",
                               "SpatialDropout2D", "SpatialDropout3D")),
    "layers.convolutional": ("layers", (
        "Conv1D", "Conv2D", "Conv2DTranspose", "Conv3D", "Conv3DTranspose", "Convolution1D", "Convolution2D",
        "Convolution2DTranspose", "Convolution3D", "Cropping1D", "Cropping2D", "Cropping3D", "Deconv2D", "Deconv3D",
        "Deconvolution2D", "Deconvolution3D", "SeparableConv2D", "SeparableConvolution2D", "UpSampling1D",
        "UpSampling2D", "UpSampling3D", "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D")),
    "layers.pooling": ("layers", (
        "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "AvgPool1D", "AvgPool2D", "AvgPool3D",
        "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D", "GlobalAvgPool1D",
        "GlobalAvgPool2D", "GlobalAvgPool3D", "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D",
        "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D", "MaxPool1D", "MaxPool2D", "MaxPool3D",
        "MaxPooling1D", "MaxPooling2D", "MaxPooling3D")),
    "layers.normalization": ("layers", ("BatchNormalization",)),
    "layers.noise": ("layers", ("AlphaDropout", "GaussianDropout", "GaussianNoise")),
    "layers.convolutional_recurrent": ("layers", ("ConvLSTM2D",)),
    "layers.recurrent": ("layers", ("RNN", "SimpleRNN", "GRU", "LSTM", "SimpleRNNCell", "GRUCell", "LSTMCell",
                                    "StackedRNNCells")),
    "layers.merge": ("layers", ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot",
                                "add", "subtract", "multiply", "average", "maximum", "minimum", "concatenate", "dot")),
    "layers.embeddings": ("layers", ("Embedding",)),
    "layers.advanced_activations": ("layers", ("LeakyReLU", "PReLU", "ELU", "ThresholdedReLU", "Softmax", "ReLU")),
    "layers.wrappers": ("layers", ("Wrapper", "TimeDistributed", "Bidirectional")),
    "layers.local": ("layers", ("LocallyConnected1D", "LocallyConnected2D")),
    "engine.topology": ("layers", ("Layer", "InputSpec", "Input", "InputLayer")),
    "objectives": ("losses", None),  # Keras 2's alias of keras.losses
}
# Keras 2.0 - 2.2's lowercase optimizer aliases (keras/optimizers.py: `rmsprop = RMSprop`, ...)
OPTIMIZER_ALIASES = {"sgd": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad", "adadelta": "Adadelta",
                     "adam": "Adam", "adamax": "Adamax", "nadam": "Nadam"}

# keras.__version__ / tf.keras.__version__ by TF 1.x version: the tf1.4 oracle's standalone Keras is
# 2.0.8 and its tf.keras says 2.0.8-tf; TF 1.15's tf.keras says 2.2.4-tf (standalone Keras 2.2.4).
# TF 1.3 had no tf.keras (tf.contrib.keras): it is given 1.4's.
VERSIONS = {"1.15": ("2.2.4", "2.2.4-tf")}
DEFAULT_VERSIONS = ("2.0.8", "2.0.8-tf")


class _Keras2Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Maps ``keras[.X]`` to the first of _BASES that has X; the module object is shared."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "keras" and not fullname.startswith("keras."):
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        migration.record(spec.name)  # Keras 2 imports are TF1-era names too
        rest = spec.name[len("keras"):]
        if rest[1:] in OLD_MODULES:
            return _old_module(spec.name, *OLD_MODULES[rest[1:]])
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


def _old_module(name, home, names):
    """A Keras 2.0 - 2.2 module path, made of the v1 API's classes (the same objects)."""
    source = importlib.import_module(f"tf_keras.api._v1.keras.{home}")
    members = {n: getattr(source, n) for n in (names or dir(source)) if not n.startswith("_") and hasattr(source, n)}
    module = types.ModuleType(name, f"Keras 2's {name} (tf_keras.api._v1.keras.{home})")
    module.__dict__.update(members)
    return module


def keras_versions():
    """(keras.__version__, tf.keras.__version__) of the TF 1.x era in force."""
    return VERSIONS.get(settings.current("tf1_version"), DEFAULT_VERSIONS)


def set_versions(tf_keras_namespace=None):
    """Give Keras 2's module (and the facade's ``tf.keras``) the era's ``__version__``.

    Keras 2's module gets it once tf_keras is imported (``post_import``), read from the
    version in force then."""
    if tf_keras_namespace is not None:
        object.__setattr__(tf_keras_namespace, "__version__", keras_versions()[1])
    post_import.when_imported("tf_keras", _set_standalone_version)


def _set_standalone_version(_module):
    from tf_keras.api._v1 import keras

    keras.__version__ = keras_versions()[0]


def _predict_classes(self, x, batch_size=32, verbose=None):
    """Keras 2.0.8's ``Sequential.predict_classes``: argmax of predict, or ``> 0.5`` for one unit.

    x (n, ...) -> int array (n,) (or (n, 1) int32 for a single sigmoid unit). verbose defaults to
    1 as in Keras 2.0.8 (TF 1.15's tf.keras: 0).
    """
    if verbose is None:
        verbose = 0 if settings.current("tf1_version") == "1.15" else 1
    proba = self.predict(x, batch_size=batch_size, verbose=verbose)
    if proba.shape[-1] > 1:
        return proba.argmax(axis=-1)
    return (proba > 0.5).astype("int32")


def _predict_proba(self, x, batch_size=32, verbose=None):
    """Keras 2.0.8's ``Sequential.predict_proba``: predict, warning when outputs are not in [0, 1]."""
    import warnings

    if verbose is None:
        verbose = 0 if settings.current("tf1_version") == "1.15" else 1
    preds = self.predict(x, batch_size=batch_size, verbose=verbose)
    if preds.min() < 0.0 or preds.max() > 1.0:
        warnings.warn("Network returning invalid probability values. The last layer might not normalize "
                      "predictions into probabilities (like softmax or sigmoid would).")
    return preds


def _offline_get_file(get_file):
    """Keras' ``get_file`` that never downloads (under ``legacy``).

    The file where Keras would cache it (``~/.keras/<cache_subdir>/<fname>``, or
    ``/tmp/.keras`` when that is not writable) is used: when its hash differs from the
    published one (a substitute, a newer copy) with a one-line warning instead of a new
    download. A missing file is one line naming where to put it (``errors.DataNotFound``).
    """
    import functools

    from ..errors import DataNotFound

    @functools.wraps(get_file)
    def wrapper(fname=None, origin=None, untar=False, md5_hash=None, file_hash=None, cache_subdir="datasets",
                hash_algorithm="auto", extract=False, archive_format="auto", cache_dir=None, **kwargs):
        from tf_keras.src.utils import data_utils

        base = os.path.expanduser(cache_dir or os.path.join("~", ".keras"))
        if not os.access(base, os.W_OK):
            base = os.path.join("/tmp", ".keras")
        datadir = os.path.join(base, cache_subdir)
        os.makedirs(datadir, exist_ok=True)  # as Keras does: the folder to put the file in is there
        name = os.fspath(fname) if fname else os.path.basename(origin or "")
        if untar:
            name = name[:-len(".tar.gz")] if name.endswith(".tar.gz") else name
            fpath = os.path.join(datadir, name) + ".tar.gz"
        else:
            fpath = os.path.join(datadir, name)
        if not os.path.exists(fpath):
            raise DataNotFound(f"{fpath}: not found, and nothing is downloaded under tf1_cnn legacy; put the "
                               f"file there (Keras would fetch it from {origin})")
        expected = file_hash or md5_hash
        if expected is not None:
            algorithm = "md5" if md5_hash is not None and file_hash is None else hash_algorithm
            if not data_utils.validate_file(fpath, expected, algorithm=algorithm):
                print(f"keras get_file: {fpath} does not match the published file's hash (a substitute?); "
                      f"used as it is", file=sys.stderr)
        return get_file(fname, origin, untar=untar, cache_subdir=cache_subdir, extract=extract,
                        archive_format=archive_format, cache_dir=cache_dir, **kwargs)

    return wrapper


def _install_offline_get_file(keras):
    """Every ``get_file`` Keras code reaches: data_utils', the v1 API's, each datasets module's own import."""
    import pkgutil

    import tf_keras.src.datasets as datasets
    from tf_keras.src.utils import data_utils

    if getattr(data_utils.get_file, "_tf1_cnn_offline", False):
        return
    offline = _offline_get_file(data_utils.get_file)
    offline._tf1_cnn_offline = True
    data_utils.get_file = offline
    keras.utils.get_file = offline
    for info in pkgutil.walk_packages(datasets.__path__, datasets.__name__ + "."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        if hasattr(module, "get_file"):
            module.get_file = offline


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


def _hdf5_by_default(save_model):
    """``Model.save`` / ``save_model`` writing HDF5 whatever the file is called, as TF 1.x's Keras did.

    Keras 2.0-2.2 and TF 1.4's tf.keras only wrote HDF5; TF 1.15's ``save_format`` "Defaults to 'tf' in
    TF 2.X, and 'h5' in TF 1.X" (its docstring, read in the oracle). tf_keras writes its zip format for
    a ``.keras`` name, which a TF1 tutorial's ``model.save('model.keras')`` meant as HDF5 (and whose
    writer needs eager execution). ``load_model`` reads such a file as HDF5 already (not a zip)."""
    import functools

    import warnings

    @functools.wraps(save_model)
    def wrapper(model, filepath, overwrite=True, save_format=None, **kwargs):
        with warnings.catch_warnings():  # tf_keras's notice that HDF5 is "legacy": TF 1.x's format, no notice
            warnings.filterwarnings("ignore", message="You are saving your model as an HDF5 file", category=UserWarning)
            return save_model(model, filepath, overwrite=overwrite, save_format=save_format or "h5", **kwargs)

    return wrapper


def _function_inputs_as_fed(call):
    """``K.function(...)(inputs)`` as Keras 2.0.8 / TF 1.4's tf.keras called it under 1.3 / 1.4.

    There ``inputs`` had to be a list or tuple (else TypeError) and each element was fed as it was, one per
    input: ``f([[image]])`` feeds the batch ``[image]`` (shape (1, 784)) to the one input, as the Session's
    feed converts it. TF 1.15's and tf_keras's ``GraphExecutionFunction`` flatten ``inputs`` first, which
    would feed the bare ``image`` (784,). Under 1.3 / 1.4 each element that is a list or tuple becomes the
    array the feed would have made; under 1.15 the call is tf_keras's own (1.15's rule)."""
    import functools

    import numpy as np

    @functools.wraps(call)
    def wrapper(self, inputs):
        if settings.current("tf1_version") != "1.15":
            if not isinstance(inputs, (list, tuple)):
                raise TypeError("`inputs` should be a list or tuple.")
            inputs = [np.asarray(value) if isinstance(value, (list, tuple)) else value for value in inputs]
        return call(self, inputs)

    return wrapper


def install():
    """Route ``keras`` imports to Keras 2 (idempotent)."""
    if any(isinstance(f, _Keras2Finder) for f in sys.meta_path):
        return
    for name in [n for n in sys.modules if n == "keras" or n.startswith("keras.")]:
        del sys.modules[name]  # Keras 3, if something imported it already
    sys.meta_path.insert(0, _Keras2Finder())
    # the rest mends tf_keras itself: when it is first imported (`import keras`, tf.layers, tf.keras),
    # not here, so that a TF1 script that never uses Keras does not load it (post_import.py)
    post_import.when_imported("tf_keras", _mend_tf_keras)


def _mend_tf_keras(_module):
    """Keras 2.0 - 2.2's names, modules and printing on tf_keras (see the module docstring)."""
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
    from tf_keras.src.engine.sequential import Sequential

    # Keras 2.0 - 2.2's Sequential methods (removed in TF 2.6's tf.keras), counted as TF1-era names
    Sequential.predict_classes = migration.counted("keras.Sequential.predict_classes", _predict_classes)
    Sequential.predict_proba = migration.counted("keras.Sequential.predict_proba", _predict_proba)
    _install_offline_get_file(keras)
    from tf_keras.src.saving import saving_api

    if not hasattr(saving_api.save_model, "__wrapped__"):
        saving_api.save_model = _hdf5_by_default(saving_api.save_model)
    from tf_keras.src import backend as keras_backend

    function_class = keras_backend.GraphExecutionFunction
    if not hasattr(function_class.__call__, "__wrapped__"):
        function_class.__call__ = _function_inputs_as_fed(function_class.__call__)
    for alias, name in OPTIMIZER_ALIASES.items():
        if not hasattr(keras.optimizers, alias):
            setattr(keras.optimizers, alias, getattr(keras.optimizers, name))
    _set_standalone_version(None)
    from .printing import keras2 as keras2_print

    keras2_print.install()  # what Keras 2.0.8 / TF 1.15's tf.keras printed (keras2_print.py)
    wrapped = _plot_model_wrapper(vis_utils.plot_model)
    vis_utils.plot_model = wrapped
    keras.utils.plot_model = wrapped
