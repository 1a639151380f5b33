"""``install()``: run unmodified TF1 code (``import tensorflow as tf``) on TensorFlow 2.21.

Idempotent for the process. It
- asks for Keras 2 (``TF_USE_LEGACY_KERAS=1``: ``tf.keras`` is tf_keras; set before
  TensorFlow is imported by ``legacy``, which starts before the user's code);
- switches to TF1 graph mode (``disable_v2_behavior``: graphs, reference variables,
  v1 control flow) and selects the seed rule and TF 1.x version (``settings.py``);
- gives the real ``tensorflow`` module every name of the ``tf1`` facade (all of
  ``tf.compat.v1`` under its TF1 spelling, ``tf.layers``, ``tf.contrib``, the TF1-shaped
  ops) and counts each lookup of a TF1-only name (``migration.py``);
- makes the TF1 import forms work: ``from tensorflow.contrib import slim``,
  ``from tensorflow.contrib.layers import flatten``, ``import tensorflow.contrib.rnn``,
  ``from tensorflow.contrib.learn.python.learn.datasets import mnist`` (``contrib.py``; a name
  not provided fails with its TF 2 replacement whichever form imports it),
  ``from tensorflow.examples.tutorials.mnist import input_data``;
- gives ``Session.run`` a fast path for repeated calls with the same fetches and feed keys
  (``session.py``; results and errors as TensorFlow's own path), and local sessions' thread pools
  wait without spinning and oneDNN kernels run a shard on their calling thread (``session_threads.py``;
  the same values, less CPU and fewer context switches per small step);
- gives NumPy back the aliases 1.24 removed (``np.float``, ``np.int``, ...; ``era/numpy_aliases.py``)
  and the printing of the version's day (NumPy 1.13's under 1.3 / 1.4; ``printing/numpy.py``);
- the era's other names: TF-internal names 2.21 moved or removed (``nest.is_sequence``,
  ``ops.set_shapes_for_outputs``; ``era/tf_internal.py``), Python 3.8-3.11's removals
  (``inspect.getargspec``, ``collections.Mapping``; ``era/python.py``) and protoc-3 ``*_pb2.py``
  modules on protobuf 5+ (``era/protobuf.py``), each installed lazily (import hooks);
- under ``keras2=True`` (the default): ``import keras`` is Keras 2 (``keras2.py``), and
  ``scipy.misc`` has its image helpers back (``era/scipy_paths.py``).
"""
import os
import sys
import types

from . import migration, settings
from .era import numpy_aliases, numpy_issubdtype, numpy_ragged

INPUT_DATA = "tensorflow.examples.tutorials.mnist.input_data"
_installed = []


class _TrackingModule(types.ModuleType):
    """The real ``tensorflow`` module's class under install(): lookups are reported to migration."""

    def __getattribute__(self, name):
        value = super().__getattribute__(name)
        if not name.startswith("_") and not isinstance(value, types.ModuleType):
            migration.record(f"tf.{name}")
        return value

    def __getattr__(self, name):  # only reached when the module has no such attribute
        raise AttributeError(migration.missing_message(f"tf.{name}"))


def _quiet_lookup(namespace, name):
    with migration.not_recording():
        return getattr(namespace, name)


def _register(name, module):
    """Make ``import name`` / ``from name import x`` find ``module`` (and attach it to its parent)."""
    sys.modules[name] = module
    parent, _, attr = name.rpartition(".")
    if parent and parent in sys.modules:
        try:
            setattr(sys.modules[parent], attr, module)
        except AttributeError:
            pass


def _graph_mode_context_switches():
    """Give the eager context the context-switch stack of a process that never executed eagerly, as TF 1.x.

    ``init_scope`` (used by ResourceVariable, ``defun``, optimizers' slot creation) leaves a function graph for
    the outermost context on that stack. TensorFlow 2.21 creates its context at import, eagerly, so the
    stack starts with an entry that enters eager mode, and ``disable_v2_behavior()`` does not remove it: a
    variable made inside a ``tfe.defun`` traced in the global default graph would be created eagerly and
    its handle be an EagerTensor the graph cannot capture ("Attempting to capture an EagerTensor without
    building a function"). A stack made in graph mode starts empty, so ``init_scope`` reaches the global
    default graph, as in TF 1.x (the stack is thread-local: a fresh one serves every thread).
    """
    from tensorflow.python.eager import context

    ctx = context.context()
    if not ctx.executing_eagerly() and isinstance(getattr(ctx, "_context_switches", None),
                                                  context._ContextSwitchStack):  # noqa: SLF001
        ctx._context_switches = context._ContextSwitchStack(False)  # noqa: SLF001


def install(seed_rule=None, tf1_version=None, keras2=True, numpy_print=None):
    """Patch TensorFlow for TF1 code (see the module docstring). Returns the tensorflow module.

    ``seed_rule`` "tf1" (default) or "tf2"; ``tf1_version`` "1.3" (default), "1.4" or "1.15";
    ``numpy_print`` "auto" (default: NumPy's printing of the version's day), "1.13", "1.16", "current".
    Called again, it only changes the seed rule, version and NumPy printing.
    """
    if not _installed:  # before anything imports TensorFlow (settings does)
        os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
    from . import session_threads

    session_threads.prepare_environment()  # oneDNN kernels use their calling thread: before any session runs
    settings.configure(seed_rule or settings.DEFAULTS["seed_rule"],
                       tf1_version or settings.DEFAULTS["tf1_version"],
                       numpy_print or settings.DEFAULTS["numpy_print"])
    if _installed:
        if "tf1_cnn.compat.keras2" in sys.modules:  # the era's keras.__version__ follows the version
            sys.modules["tf1_cnn.compat.keras2"].set_versions(_quiet_lookup(sys.modules["tensorflow"], "keras"))
        return sys.modules["tensorflow"]
    import tensorflow as tf

    from .facade import tf1

    _quiet_library_chatter(tf)
    numpy_aliases.install()  # np.float, np.int, ... as NumPy 1.16-1.23 had them (counted)
    numpy_ragged.install()  # np.array of ragged sequences: an object array, as NumPy 1.16-1.23 (counted)
    numpy_issubdtype.install()  # np.issubdtype(a, int): int's abstract parent, as NumPy 1.16-1.19 (counted)
    from .era import tf_internal

    tf_internal.install()  # tensorflow.python.* names of the era (lazy: module __getattr__, import finder)
    from .era import h5py2, pillow, protobuf, python

    python.install()  # inspect.getargspec, collections.Mapping, ... (Python 3.7-3.11 removed them; counted)
    pillow.install()  # Image.ANTIALIAS, ... (Pillow 10 removed them; counted)
    h5py2.install()  # string attributes read as h5py 2.x read them (bytes; the era's code decodes)
    protobuf.install()  # protoc-3 *_pb2.py modules import on protobuf 5+ (built from their descriptors)
    from .printing import tf1_logging

    tf1_logging.install()  # in Jupyter / IPython: TF 1.x's INFO lines on stdout (tf1_logging.py)
    from .printing import estimator_lines

    estimator_lines.install()  # an Estimator's INFO lines as the TF 1.x version logged them
    from . import checkpoint_saver_hook

    checkpoint_saver_hook.install()  # 1.3 / 1.4: the first checkpoint after the first step (checkpoint_saver_hook.py)
    tf.compat.v1.disable_v2_behavior()
    _graph_mode_context_switches()  # init_scope leaves a function for the graph, not for eager mode
    from .graph import interchange, names, op_structure, op_types, operation_v1

    op_structure.install()  # TF 1.x's ops inside library functions, before the names are copied
    names.patch()  # TF 1.x's name rules (names.py)
    op_types.patch()  # TF 1.x's op types: Add, BatchMatMul, FusedBatchNorm (op_types.py)
    operation_v1.install()  # tf.Operation(node_def, g, inputs, ...) as TF 1.x; 1.3/1.4's _add_input
    interchange.patch()  # written graphs load in TF 1.x (interchange.py)
    from . import session

    session.install()  # repeated Session.run calls skip TF 2.21's Python feed/fetch handling (session.py)
    from . import session_threads

    session_threads.install()  # idle pool workers sleep instead of spinning (same values; session_threads.py)
    for name in dir(tf1):
        if name.startswith("_") or name == "compat":
            continue
        setattr(tf, name, _quiet_lookup(tf1, name))
    tf.compat.v1.layers = _quiet_lookup(tf1.compat.v1, "layers")
    tf.compat.v1.estimator = _quiet_lookup(tf1.compat.v1, "estimator")  # loaded on first use
    # `import tensorflow.compat.v1` must find these module objects (with the names set on them),
    # not run the API file again into a fresh module that would replace tf.compat.v1 (importing
    # tf_keras used to register them as a side effect; Keras now loads on first use)
    for name, module in (("tensorflow.compat", tf.compat), ("tensorflow.compat.v1", tf.compat.v1),
                         ("tensorflow.compat.v2", tf.compat.v2)):
        sys.modules.setdefault(name, module)
    for path in ("contrib", "contrib.layers", "contrib.slim", "contrib.framework", "contrib.learn",
                 "contrib.learn.datasets", "layers", "estimator"):
        obj = tf1
        for part in path.split("."):
            obj = _quiet_lookup(obj, part)
        _register(f"tensorflow.{path}", obj)
    from . import contrib

    contrib.install(_quiet_lookup(tf1, "contrib"))  # every other `import tensorflow.contrib.X` form
    _register_input_data()
    datasets = _quiet_lookup(_quiet_lookup(tf1.contrib, "learn"), "datasets")  # TF 1.x's contrib reader prints too
    datasets._overrides.update(mnist=sys.modules[INPUT_DATA],
                               load_dataset=_announcing(datasets._overrides["load_dataset"]))
    if keras2:
        from . import keras2 as _keras2
        from .era import scipy_paths, tf_python_keras

        _keras2.install()
        tf_python_keras.install()  # tensorflow.python.keras's public modules: Keras 2 as tf.keras is
        _keras2.set_versions(_quiet_lookup(tf1, "keras"))  # keras.__version__, tf.keras.__version__ of the era
        scipy_paths.install()
    tf.__class__ = _TrackingModule
    _installed.append(True)
    return tf


def _quiet_library_chatter(tf):
    """TensorFlow's and tf_keras's own deprecation notices, not the user's: hidden (TF1 code is all
    deprecated names; the migration report lists them once). The user's warnings stay as they are.
    Set TF1_CNN_VERBOSE=1 to see them."""
    if os.environ.get("TF1_CNN_VERBOSE"):
        return
    import warnings

    tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)
    warnings.filterwarnings("ignore", message=r".*is deprecated and will be removed", category=UserWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"(tensorflow|tf_keras|tf_slim|keras)\b")
    # tf_keras's own notice from inside Model.predict / fit in graph mode (training_v1.py), not the user's
    warnings.filterwarnings("ignore", message=r"`Model.state_updates` will be removed", category=UserWarning)


def _register_input_data():
    from .. import input_data

    proxy = _InputDataModule(INPUT_DATA, input_data.__doc__)
    proxy.__dict__.update({k: v for k, v in vars(input_data).items() if not k.startswith("__")})
    for name in ("read_data_sets", "extract_images", "extract_labels"):  # TF 1.x's `Extracting ...` lines
        proxy.__dict__[name] = _announcing(getattr(input_data, name))
    for i in range(2, INPUT_DATA.count(".") + 1):
        name = ".".join(INPUT_DATA.split(".")[:i])
        if name not in sys.modules:
            _register(name, types.ModuleType(name))
    _register(INPUT_DATA, proxy)
    from . import tutorials_mnist

    _register(INPUT_DATA.rpartition(".")[0] + ".mnist", tutorials_mnist)


def _announcing(function):
    import functools

    from .. import input_data

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with input_data.announcing():
            return function(*args, **kwargs)

    return wrapper


class _InputDataModule(types.ModuleType):
    """``tensorflow.examples.tutorials.mnist.input_data`` (tf1_cnn.input_data); uses are reported."""

    def __getattribute__(self, name):
        if not name.startswith("_"):
            migration.record(INPUT_DATA)
        return super().__getattribute__(name)
