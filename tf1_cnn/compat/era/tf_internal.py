"""TF-internal names of the era (``tensorflow.python...``) that TensorFlow 2.21 moved or removed.

TF1-era libraries reach past the public API: tflearn ``from tensorflow.python.util.nest import
is_sequence``, Edward ``from tensorflow.python.framework.ops import set_shapes_for_outputs``,
tf_slim ``control_flow_ops.cond``, tensor2tensor ``training_ops.apply_adam``. Which names they
use is read from their sources by ``tools/scan_tf_internal.py``; its table,
``tf_internal_names.json`` (name, where it went, what provides it, which libraries use it), is
checked by tests/test_tf_internal.py, which re-scans and fails on a name that is neither in
TensorFlow 2.21 nor provided here.

What is provided, under ``legacy`` only:
- ``MOVED``: a name TF moved keeps working at its old path as the *same object* at its new home
  (``control_flow_ops.cond`` is ``tensorflow.python.ops.cond.cond``): behaviour is TF's own.
- ``MODULES``: a module TF moved or renamed (``tensorflow.python.estimator`` is
  tensorflow_estimator's, as TF 1.15's ``tensorflow/python/estimator`` forwarded to it;
  ``training.training_ops`` is ``ops.gen_training_ops``, which TF 1.x's wrapper re-exported).
- ``REMOVED``: a name TF removed, written here from TF 1.x's documented behaviour (each says which
  version and why it is right on 2.21's C-API graphs).

Installed lazily: ``install()`` only registers a module ``__getattr__`` (asked for names a module
lacks, so nothing else changes or slows) through post_import hooks, and an import finder for the
moved modules; the new homes are imported on first use of an old name. Each use of an old name is
counted for the migration report with its TF 2 spelling (``replacement()``).
"""
import importlib
import importlib.abc
import importlib.machinery
import sys
import types

from . import module_getattr

# old name -> new name (a module attribute): TF moved the object, the same function or class.
MOVED = {
    # TF 2.13 split control flow out of control_flow_ops (tf_slim's batch_norm, metrics, decoders)
    "tensorflow.python.ops.control_flow_ops.cond": "tensorflow.python.ops.cond.cond",
    "tensorflow.python.ops.control_flow_ops.case": "tensorflow.python.ops.control_flow_case.case",
    "tensorflow.python.ops.control_flow_ops.Assert": "tensorflow.python.ops.control_flow_assert.Assert",
    "tensorflow.python.ops.control_flow_ops.while_loop": "tensorflow.python.ops.while_loop.while_loop",
    "tensorflow.python.ops.array_ops.stack": "tensorflow.python.ops.array_ops_stack.stack",
    "tensorflow.python.ops.array_ops.unstack": "tensorflow.python.ops.array_ops_stack.unstack",
    # TF 2.13-2.16 moved the tensor classes out of framework/ops.py
    "tensorflow.python.framework.ops.Tensor": "tensorflow.python.framework.tensor.Tensor",
    "tensorflow.python.framework.ops.IndexedSlices": "tensorflow.python.framework.indexed_slices.IndexedSlices",
    "tensorflow.python.framework.ops.convert_to_tensor_or_indexed_slices":
        "tensorflow.python.framework.indexed_slices.convert_to_tensor_or_indexed_slices",
    "tensorflow.python.framework.ops.convert_n_to_tensor_or_indexed_slices":
        "tensorflow.python.framework.indexed_slices.convert_n_to_tensor_or_indexed_slices",
    "tensorflow.python.framework.ops.register_tensor_conversion_function":
        "tensorflow.python.framework.tensor_conversion_registry.register_tensor_conversion_function",
    # TF 1.x's variable_scope.variable made a VariableV1 through the creator stack, as VariableV1(...) does
    "tensorflow.python.ops.variable_scope.variable": "tensorflow.python.ops.variable_v1.VariableV1",
    "tensorflow.python.ops.variables.VariableV1": "tensorflow.python.ops.variable_v1.VariableV1",
    "tensorflow.python.ops.variable_scope.enable_resource_variables":
        "tensorflow.python.ops.resource_variables_toggle.enable_resource_variables",
    "tensorflow.python.ops.variable_scope.disable_resource_variables":
        "tensorflow.python.ops.resource_variables_toggle.disable_resource_variables",
    "tensorflow.python.ops.variable_scope.resource_variables_enabled":
        "tensorflow.python.ops.resource_variables_toggle.resource_variables_enabled",
    # tf.compat.v1.graph_util.convert_variables_to_constants(sess, graph_def, output_node_names)
    "tensorflow.python.framework.graph_util.convert_variables_to_constants":
        "tensorflow.python.framework.convert_to_constants.convert_variables_to_constants",
    # the checkpoint reader moved out of the SWIG module in TF 2.2
    "tensorflow.python.pywrap_tensorflow.NewCheckpointReader":
        "tensorflow.python.training.py_checkpoint_reader.NewCheckpointReader",
    # tf.compat.v1.layers' classes live in tf_keras now (TF 2.21's stub forwards to a path tf_keras renamed)
    "tensorflow.python.layers.normalization.BatchNormalization":
        "tf_keras.src.legacy_tf_layers.normalization.BatchNormalization",
    "tensorflow.python.layers.normalization.batch_normalization":
        "tf_keras.src.legacy_tf_layers.normalization.batch_normalization",
}

# old module TensorFlow 2.21 imports itself (so no import hook sees it) -> the module that is it under legacy.
# TF 1.4-1.15's tf.keras *was* tensorflow.python.keras: its backend (Keras's session, learning phase and the
# variables fit() initializes) is tf_keras's here, the Keras tf.keras is; TF 2.21's own copy of the old package
# would keep a second, unused state (K-FAC's optimizer tracks its variables through it).
IMPORTED = {
    "tensorflow.python.keras.backend": "tf_keras.src.backend",
}

# old module -> its 2.21 module (and every submodule below it)
MODULES = {
    "tensorflow.python.estimator": "tensorflow_estimator.python.estimator",
    "tensorflow.python.training.training_ops": "tensorflow.python.ops.gen_training_ops",
}


def _set_shapes_for_outputs(op):
    """TF 1.0-1.4 ``ops.set_shapes_for_outputs(op)``: run op's shape function, set its outputs' shapes.

    TF 1.4 called the op's registered shape function (C++ through ``call_cpp_shape_fn``) and set
    each output's static shape. On 2.21 every op is created through the C API, which runs that same
    C++ shape function when the op is finished (TF 1.5+ does the same, and TF 1.15 left only the
    no-op ``set_shape_and_handle_data_for_outputs``): the shapes are already set, so nothing remains,
    except for an op ``tf.Operation(node_def, g, [], ...)`` made without its inputs and given them by
    ``_add_input`` (``graph/operation_v1.py``), whose shape function runs now on its real inputs.
    ``op``: a ``tf.Operation``; returns None as TF 1.4 did.
    """
    for _ in op.outputs:  # what TF 1.4 read first: anything but an Operation fails here, as it did there
        pass
    from ..graph import operation_v1

    operation_v1.set_shapes(op)  # an op TF 1.4's constructor made without its inputs: its shapes now


class _RegisterShape:
    """TF 1.x ``ops.RegisterShape(op_type)``: decorator of a Python shape function, no longer used.

    TF 1.x documented it as "No longer used": shape functions are the C++ ``SetShapeFn`` of the
    op's registration, so the decorated function is accepted and returned unchanged (1.15:
    ``__call__(f)`` returns ``f``); ``op_type`` must be a string, as TF 1.x asserted.
    """

    def __init__(self, op_type):
        if not isinstance(op_type, str):
            raise TypeError("op_type must be a string")
        self._op_type = op_type

    def __call__(self, f):
        return f


def _set_shape_and_handle_data_for_outputs(_):
    """TF 1.5-1.15 ``ops.set_shape_and_handle_data_for_outputs(op)``: a no-op there (the C API sets them)."""


def _is_sequence(seq):
    """``nest.is_sequence(seq)``: is ``seq`` a structure nest recurses into (not a leaf)?

    TF 1.5-1.15 (``--tf1-version 1.15``): sequences except strings and bytes, every Mapping and
    mapping view, attrs classes: 2.21's ``is_nested``, the same C++ check renamed.
    TF 1.0-1.4 (``--tf1-version 1.3`` / ``1.4``): a ``dict`` (subclasses included), or a
    ``collections.Sequence`` that is not a ``str``: so ``bytes``, ``bytearray`` and ``memoryview``
    are sequences there, and mapping views and non-dict Mappings are not (both checked against
    TF 1.3.0 / 1.4.1). A ``set`` is a leaf in every version (TF 1.x logged that this may change).
    """
    from ..settings import current

    if current("tf1_version") == "1.15":
        from tensorflow.python.util import nest

        return nest.is_nested(seq)
    import collections.abc

    if isinstance(seq, dict):
        return True
    return isinstance(seq, collections.abc.Sequence) and not isinstance(seq, str)


def _in_graph_mode():
    """TF 1.5-1.13 ``context.in_graph_mode()``: True when not executing eagerly."""
    from tensorflow.python.eager import context

    return not context.executing_eagerly()


def _list_devices():
    """TF 1.x ``context.list_devices()``: the eager context's device names (``/job:localhost/...``)."""
    from tensorflow.python.eager import context

    return context.context().devices()


def _tensor_shape_function(method):
    """TF 1.x ``tensor_shape.as_list(shape)`` / ``is_fully_defined``: module functions over a shape."""

    def function(shape):
        from tensorflow.python.framework import tensor_shape

        return getattr(tensor_shape.as_shape(shape), method)()

    function.__name__ = method
    function.__doc__ = f"TF 1.x's tensor_shape.{method}(shape): TensorShape(shape).{method}()."
    return function


# old name -> (TF 2 replacement for the migration report, factory of the object)
REMOVED = {
    "tensorflow.python.util.nest.is_sequence": ("tf.nest.is_nested", lambda: _is_sequence),
    "tensorflow.python.framework.ops.set_shapes_for_outputs":
        ("nothing: TF 2 sets output shapes when an op is created", lambda: _set_shapes_for_outputs),
    "tensorflow.python.framework.ops.set_shape_and_handle_data_for_outputs":
        ("nothing: TF 2 sets output shapes when an op is created", lambda: _set_shape_and_handle_data_for_outputs),
    "tensorflow.python.framework.ops.RegisterShape":
        ("nothing: shape functions are the C++ op registration's SetShapeFn", lambda: _RegisterShape),
    "tensorflow.python.eager.context.in_graph_mode":
        ("not tf.executing_eagerly()", lambda: _in_graph_mode),
    "tensorflow.python.eager.context.list_devices":
        ("tf.config.list_logical_devices()", lambda: _list_devices),
    "tensorflow.python.framework.tensor_shape.as_list":
        ("tf.TensorShape(shape).as_list()", lambda: _tensor_shape_function("as_list")),
    "tensorflow.python.framework.tensor_shape.is_fully_defined":
        ("tf.TensorShape(shape).is_fully_defined()", lambda: _tensor_shape_function("is_fully_defined")),
}
# the old names of a 2.21 public API, for the migration report
_PUBLIC = {
    "tensorflow.python.util.nest.is_sequence": "tf.nest.is_nested",
    "tensorflow.python.framework.ops.Tensor": "tf.Tensor",
    "tensorflow.python.framework.ops.IndexedSlices": "tf.IndexedSlices",
    "tensorflow.python.ops.control_flow_ops.cond": "tf.cond",
    "tensorflow.python.ops.control_flow_ops.case": "tf.case",
    "tensorflow.python.ops.control_flow_ops.while_loop": "tf.while_loop",
    "tensorflow.python.ops.control_flow_ops.Assert": "tf.debugging.Assert",
    "tensorflow.python.ops.array_ops.stack": "tf.stack",
    "tensorflow.python.ops.array_ops.unstack": "tf.unstack",
    "tensorflow.python.pywrap_tensorflow.NewCheckpointReader": "tf.train.load_checkpoint",
    "tensorflow.python.estimator": "tf.keras Model.fit (tensorflow_estimator 2.15 runs it here)",
    "tensorflow.python.keras.backend": "tf.keras.backend",
}


class _OverloadableOperators:
    """``Tensor.OVERLOADABLE_OPERATORS`` as the selected TF 1.x version had it.

    Libraries of the era overload "every operator a Tensor has" on their own classes by iterating
    this set (Edward's RandomVariable, ZhuSuan's StochasticTensor). TF 1.0-1.13's set had no
    ``__eq__`` / ``__ne__`` (TF 1.14 added them with tensor equality; checked against TF 1.3.0,
    1.4.1 and 1.15.5), so under ``--tf1-version 1.3`` / ``1.4`` such a class keeps Python's identity
    comparison, as there (Edward's graph walk relies on ``node != x`` being identity). Under
    ``1.15``, TF 2.21's own set (the same as 1.15's). TF's own classes read it when they are defined,
    in TF1 graph mode, where tensor equality is off and a Tensor's ``==`` is identity either way.
    """

    def __init__(self, own):
        self._own = own
        self._tf1_13 = type(own)(op for op in own if op not in ("__eq__", "__ne__"))

    def __get__(self, obj, owner=None):
        from ..settings import current

        return self._own if current("tf1_version") == "1.15" else self._tf1_13


def _versioned_operators():
    from tensorflow.python.framework import tensor

    own = tensor.Tensor.__dict__.get("OVERLOADABLE_OPERATORS")
    if not isinstance(own, _OverloadableOperators):
        tensor.Tensor.OVERLOADABLE_OPERATORS = _OverloadableOperators(own)


def _resource_variables_are_v1(variable_v1):
    """``isinstance(resource_variable, tf.Variable)`` is True, as in every TF 1.x.

    TF 1.x's ``tf.Variable`` (2.21's ``tf.compat.v1.Variable``, ``VariableV1``) was the base of
    ``ResourceVariable`` (TF 1.15: ``BaseResourceVariable(VariableV1)``; TF 1.3/1.4: ``(Variable)``, then
    tf.Variable), so era code that filters collections or arguments with ``isinstance(x, tf.Variable)``
    kept resource variables (``use_resource=True``, variables made in a ``defun``). TF 2.21 derives them
    from ``tf.Variable`` (V2) only. ``VariableV1``'s metaclass is an ABCMeta: registering the resource
    variables' base as a virtual subclass restores the check without changing either class.
    With the base went ``initialized_value()`` (the value once initialized: a cond in ``init_scope`` on
    ``is_variable_initialized``, TF 1.x's for every variable; Sonnet's VQ-VAE seeds a variable with it):
    2.21's resource variables raise NotImplementedError, so they get VariableV1's method, the same code.
    """
    from tensorflow.python.ops import resource_variable_ops, variables

    base = resource_variable_ops.BaseResourceVariable
    variable_v1.VariableV1.register(base)
    if base.initialized_value is variables.Variable.initialized_value:
        base.initialized_value = variable_v1.VariableV1.initialized_value


def _tf1_13_test_session(test_util):
    """``tf.test.TestCase``'s inherited ``test_session`` as the selected TF 1.x version counted it.

    unittest collects ``test_session`` (TF 1.x's deprecated session helper) as a test of every
    ``tf.test.TestCase`` class. TF 1.0-1.10 ran it, and it passed (calling it returns a context
    manager, not entered); TF 1.15 and 2.21 skip it in ``setUp`` ("Not a test."). So a suite of the
    TF 1.3/1.4 era reports one more passing test per class there (checked against TF 1.3.0, 1.4.1 and
    1.15.5): under ``--tf1-version 1.3`` / ``1.4`` the skip is dropped, after ``setUp``'s own work.
    """
    import unittest

    case = test_util.TensorFlowTestCase
    original = case.setUp
    if getattr(original, "_tf1_cnn_versioned", False):
        return

    def setUp(self):  # noqa: N802 (unittest's name)
        try:
            original(self)
        except unittest.SkipTest:
            from ..settings import current

            if current("tf1_version") == "1.15" or not self.id().endswith(".test_session"):
                raise
            import warnings

            # run as the test it returns its context manager unentered, as there; Python 3.11's unittest
            # warns of a test returning a value, which Python 3.6 did not: that one notice is hidden
            warnings.filterwarnings("ignore", category=DeprecationWarning, message=(
                r"It is deprecated to return a value that is not None from a test case "
                r"\(<bound method TensorFlowTestCase\.test_session"))

    setUp.__doc__ = original.__doc__
    setUp._tf1_cnn_versioned = True
    case.setUp = setUp


def _module_of(name):
    """The MODULES entry ``name`` falls under: (old prefix, new prefix), or None."""
    for old, new in MODULES.items():
        if name == old or name.startswith(old + "."):
            return old, new
    return None


def describe(name):
    """(status, what provides it) of a name TF 2.21 lacks: "moved", "removed" or "missing"."""
    if name in MOVED:
        return "moved", MOVED[name]
    under = _module_of(name)
    if under:
        return "moved", under[1] + name[len(under[0]):]
    if name in IMPORTED:
        return "moved", IMPORTED[name]
    if name in REMOVED:
        return "removed", f"tf1_cnn.compat.era.tf_internal (TF 1.x's behaviour; in TF 2: {REMOVED[name][0]})"
    return "missing", None


def replacement(name):
    """The TF 2 spelling of an old TF-internal name (for the migration report), or None."""
    from . import tf_python_keras

    keras_name = tf_python_keras.replacement(name)
    if keras_name is not None:
        return keras_name
    if name in _PUBLIC:
        return _PUBLIC[name]
    if name in REMOVED:
        return REMOVED[name][0]
    if name in MOVED:
        return MOVED[name] + " (TF-internal)"
    if name in IMPORTED:
        return IMPORTED[name]
    under = _module_of(name)
    if under:
        return _PUBLIC.get(under[0], under[1] + name[len(under[0]):])
    return None


def _lookup(dotted):
    module, _, attr = dotted.rpartition(".")
    return getattr(importlib.import_module(module), attr)


def _by_module():
    table = {}
    for old in list(MOVED) + list(REMOVED):
        module, _, attr = old.rpartition(".")
        table.setdefault(module, []).append(attr)
    return table


def _add_getattr(module):
    """Give ``module`` a ``__getattr__`` for its old names (chained to any it already has)."""
    prefix = module.__name__ + "."

    def old_name(attr):
        name = prefix + attr
        if name not in MOVED and name not in REMOVED:
            return module_getattr.MISSING
        from .. import migration

        migration.record(name)
        return _lookup(MOVED[name]) if name in MOVED else REMOVED[name][1]()

    module_getattr.chain(module, "tf_internal", old_name)


class _AliasLoader(importlib.abc.Loader):
    """Loads a moved module as the module at its new home (the same module object)."""

    def __init__(self, target):
        self._target = target

    def create_module(self, spec):
        if self._target.startswith("tensorflow_estimator."):
            from .. import estimator  # tensorflow_estimator imports on 2.21 only after its shims

            estimator.load()
        from .. import migration

        migration.record(spec.name)
        return importlib.import_module(self._target)

    def exec_module(self, module):
        pass


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        under = _module_of(name)
        if under is None:
            return None
        # the new module is imported by the loader (tensorflow_estimator only after its shims)
        return importlib.machinery.ModuleSpec(name, _AliasLoader(under[1] + name[len(under[0]):]))


_FINDER = _AliasFinder()


class _ImportedAlias(types.ModuleType):
    """An IMPORTED module: its names are the new module's, imported on first use (counted)."""

    def __init__(self, old, new):
        super().__init__(old)
        object.__setattr__(self, "_tf1_cnn_target", new)

    def _target(self):
        target = object.__getattribute__(self, "_tf1_cnn_target")
        if isinstance(target, str):  # the first use: counted once, the module imported
            from .. import migration

            migration.record(self.__name__)
            target = importlib.import_module(target)
            object.__setattr__(self, "_tf1_cnn_target", target)
        return target

    def __getattr__(self, attr):
        if attr.startswith("__"):  # the import system's and tools' probes (__path__, __file__) import nothing
            raise AttributeError(attr)
        return getattr(self._target(), attr)

    def __setattr__(self, attr, value):  # tests and libraries set Keras state on the module (K._SESSION)
        setattr(self._target(), attr, value)

    def __dir__(self):
        return dir(self._target())


def _alias_imported(_tensorflow=None):
    """Put an alias of each IMPORTED module at its old name (sys.modules and its package's attribute), once
    ``import tensorflow`` has finished (TensorFlow's own import of the old module must find its own)."""
    for old, new in IMPORTED.items():
        if isinstance(sys.modules.get(old), _ImportedAlias):
            continue
        alias = _ImportedAlias(old, new)
        sys.modules[old] = alias
        parent, _, leaf = old.rpartition(".")
        if parent in sys.modules:
            setattr(sys.modules[parent], leaf, alias)


def install():
    """Provide the old names (idempotent; costs nothing until a module with old names is imported)."""
    from .. import post_import
    from . import tf_dimension, tf_errors, tf_test_util

    if _FINDER in sys.meta_path:
        return
    # first: a submodule of a moved package (tensorflow.python.estimator.canned) must not be found by
    # the path finder in the new package's folder and run a second time under the old name
    sys.meta_path.insert(0, _FINDER)
    post_import.when_imported("tensorflow", _alias_imported)
    _versioned_operators()
    post_import.when_imported("tensorflow.python.framework.test_util", _tf1_13_test_session)
    post_import.when_imported("tensorflow.python.framework.test_util", tf_test_util.install)
    post_import.when_imported("tensorflow.python.ops.variable_v1", _resource_variables_are_v1)
    tf_errors.install()  # TF 1.x's texts of the errors 2.21 reworded
    tf_dimension.install()  # Dimension(3.0) is Dimension(3), as in TF 1.x
    for module in _by_module():
        post_import.when_imported(module, _add_getattr)
