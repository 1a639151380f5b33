"""``tf.contrib.eager`` (TF 1.15's ``contrib/eager/python/tfe.py``) as graph-mode TF1 libraries use it.

TF 1.15's tfe module was mostly re-exports of core functions, which TF 2.21 still has under the same
``tensorflow.python`` modules (``REEXPORTS``: the same objects): ``in_eager_mode`` (``executing_eagerly``),
``Variable`` (``ResourceVariable``), ``implicit_gradients`` / ``implicit_value_and_gradients`` /
``gradients_function`` / ``value_and_gradients_function`` (``backprop``), ``Checkpoint``, ``GradientTape``,
... Written here from TF 1.15's documented behaviour:
``defun`` (TF 2.21 removed it: traced as ``tf.function`` traces, but once per signature and with variables lifted
out as TF 1.15 did), ``run_all_tests_in_graph_and_eager_modes`` / ``run_test_in_graph_and_eager_modes``
(``era/tf_test_util.py``: TF 1.15's, one test per method), ``in_graph_mode`` (TF 1.4-1.5's), ``Saver`` (the
eager ``tf.train.Saver`` adapter), ``get_optimizer_variables``, ``run``. Not provided (TF 1.15 had deprecated
them): ``Network``, ``Sequential``, ``metrics``, the execution callbacks (``seterr``, ``errstate``,
``*_callback``), ``restore_variables_on_create``. ``tensorflow.contrib.eager.python.tfe`` is this module.
"""
from ._common import module

REEXPORTS = {
    "in_eager_mode": ("tensorflow.python.eager.context", "executing_eagerly"),
    "executing_eagerly": ("tensorflow.python.eager.context", "executing_eagerly"),
    "num_gpus": ("tensorflow.python.eager.context", "num_gpus"),
    "ASYNC": ("tensorflow.python.eager.context", "ASYNC"),
    "SYNC": ("tensorflow.python.eager.context", "SYNC"),
    "execution_mode": ("tensorflow.python.eager.context", "execution_mode"),
    "set_execution_mode": ("tensorflow.python.eager.context", "set_execution_mode"),
    "async_wait": ("tensorflow.python.eager.context", "async_wait"),
    "async_clear_error": ("tensorflow.python.eager.context", "async_clear_error"),
    "set_server_def": ("tensorflow.python.eager.context", "set_server_def"),
    "DEVICE_PLACEMENT_EXPLICIT": ("tensorflow.python.eager.context", "DEVICE_PLACEMENT_EXPLICIT"),
    "DEVICE_PLACEMENT_WARN": ("tensorflow.python.eager.context", "DEVICE_PLACEMENT_WARN"),
    "DEVICE_PLACEMENT_SILENT": ("tensorflow.python.eager.context", "DEVICE_PLACEMENT_SILENT"),
    "connect_to_remote_host": ("tensorflow.python.eager.remote", "connect_to_remote_host"),
    "implicit_gradients": ("tensorflow.python.eager.backprop", "implicit_grad"),
    "implicit_value_and_gradients": ("tensorflow.python.eager.backprop", "implicit_val_and_grad"),
    "gradients_function": ("tensorflow.python.eager.backprop", "gradients_function"),
    "value_and_gradients_function": ("tensorflow.python.eager.backprop", "val_and_grad_function"),
    "GradientTape": ("tensorflow.python.eager.backprop", "GradientTape"),
    "Variable": ("tensorflow.python.ops.resource_variable_ops", "ResourceVariable"),
    "EagerVariableStore": ("tensorflow.python.ops.variable_scope", "EagerVariableStore"),
    "make_template": ("tensorflow.python.ops.template", "make_template"),
    "custom_gradient": ("tensorflow.python.ops.custom_gradient", "custom_gradient"),
    "py_func": ("tensorflow.python.ops.script_ops", "eager_py_func"),
    "Checkpoint": ("tensorflow.python.checkpoint.checkpoint", "CheckpointV1"),
    "Checkpointable": ("tensorflow.python.trackable.autotrackable", "AutoTrackable"),
    "TensorSpec": ("tensorflow.python.framework.tensor_spec", "TensorSpec"),
    "Iterator": ("tensorflow.python.data.ops.iterator_ops", "OwnedIterator"),
    "function": ("tensorflow.python.eager.def_function", "function"),
    "enable_eager_execution": ("tensorflow.python.framework.ops", "enable_eager_execution"),
    "enable_remote_eager_execution": ("tensorflow.python.framework.ops", "enable_eager_execution"),
    # TF 1.15's test decorators (one test per method, not TF 2.21's two sub-tests): era/tf_test_util.py
    "run_all_tests_in_graph_and_eager_modes": ("tf1_cnn.compat.era.tf_test_util", "run_all_in_graph_and_eager_modes"),
    "run_test_in_graph_and_eager_modes": ("tf1_cnn.compat.era.tf_test_util", "run_in_graph_and_eager_modes"),
}


def in_graph_mode():
    """TF 1.4-1.5's ``tfe.in_graph_mode()``: True when ops build a graph (not executing eagerly)."""
    from tensorflow.python.eager import context

    return not context.executing_eagerly()


class _Defun(object):
    """TF 1.15's ``tfe.defun`` function (``eager/function.py``'s ``Function``): ``python_function`` traced into a
    graph function once per input signature (TensorFlow 2.21's tracing compilation, on which ``tf.function``
    itself is built) and called as one ``StatefulPartitionedCall`` op.

    Unlike ``tf.function``, TF 1.15's defun put no variable creator around the trace: a variable made inside
    (``tf.get_variable`` makes a ResourceVariable inside a function) is created once, lifted into the outer
    graph by ResourceVariable's own ``init_scope`` with its initializer and collections (GLOBAL_VARIABLES,
    TRAINABLE_VARIABLES) there, and the function is traced once, not twice, on its first call
    (checked against real TF 1.15). A new input signature traces again and, like there, runs the Python
    body again (a second ``get_variable`` of the same name needs reuse).
    """

    def __init__(self, python_function, input_signature, autograph, autograph_options, relax_shapes):
        import threading

        from tensorflow.core.function.capture import capture_container
        from tensorflow.core.function.polymorphism import function_cache
        from tensorflow.python.eager.polymorphic_function import function_type_utils, tracing_compilation

        function_type, defaults = function_type_utils.make_function_type(python_function, input_signature)
        self._options = tracing_compilation.TracingOptions(
            python_function, getattr(python_function, "__name__", "function"), polymorphic_type=function_type,
            default_values=defaults, autograph=autograph, autograph_options=autograph_options,
            reduce_retracing=relax_shapes, function_cache=function_cache.FunctionCache(),
            function_captures=capture_container.FunctionCaptures(), lock=threading.RLock())
        self._tracing = tracing_compilation
        self.python_function = python_function
        self.input_signature = None if input_signature is None else tuple(input_signature)
        self.__name__ = getattr(python_function, "__name__", "function")
        self.__doc__ = getattr(python_function, "__doc__", None)
        self.__wrapped__ = python_function

    def __call__(self, *args, **kwargs):
        return self._tracing.call_function(args, kwargs, self._options)

    def get_concrete_function(self, *args, **kwargs):
        """The graph function for these arguments (``tf.Tensor`` / ``tf.TensorSpec`` / Python values)."""
        return self._tracing.trace_function(args, kwargs, self._options)

    def __get__(self, instance, owner):
        # ``@defun`` on a method: one traced function per instance, bound to it (as TF 1.15's method wrapper)
        if instance is None:
            return self
        import functools
        import weakref

        cache = self.__dict__.setdefault("_bound", weakref.WeakKeyDictionary())
        if instance not in cache:
            o = self._options
            cache[instance] = _Defun(functools.partial(self.python_function, instance), None if
                                     self.input_signature is None else self.input_signature[1:], o.autograph,
                                     o.autograph_options, o.reduce_retracing)
        return cache[instance]


def defun(func=None, input_signature=None, autograph=True, experimental_autograph_options=None,
          experimental_relax_shapes=False):
    """TF 1.15's ``tfe.defun``: ``func`` traced into a graph function per input signature, called as one op
    (``StatefulPartitionedCall`` in a graph, as TF 1.15 built it); usable as ``@defun``, ``@defun(...)`` or
    ``defun(f)``. ``input_signature``: a sequence of ``tf.TensorSpec`` fixing the arguments' shapes and dtypes."""

    def wrap(f):
        return _Defun(f, input_signature, autograph, experimental_autograph_options, experimental_relax_shapes)

    return wrap if func is None else wrap(func)


class Saver(object):
    """TF 1.15's ``tfe.Saver(var_list)``: ``tf.train.Saver`` for a list of variables under eager execution only
    (building a graph, TF 1.15 refused it with this RuntimeError)."""

    def __init__(self, var_list):
        import tensorflow as tf

        if not tf.executing_eagerly():
            raise RuntimeError("tfe.Saver can only be used when eager execution is enabled. Use tf.train.Saver when "
                               "building graphs.")
        self._saver = tf.compat.v1.train.Saver(var_list=var_list)

    def save(self, file_prefix, global_step=None, sess=None):
        """Writes the variables to ``file_prefix`` (-``global_step``); returns the checkpoint path."""
        return self._saver.save(sess, file_prefix, write_meta_graph=False, global_step=global_step)

    def restore(self, file_prefix, sess=None):
        """Reads the variables back from ``file_prefix``."""
        self._saver.restore(sess, file_prefix)


def get_optimizer_variables(optimizer):
    """TF 1.15's ``tfe.get_optimizer_variables``: the optimizer's own variables (slots, beta powers)."""
    return optimizer.variables()


def run(main=None, argv=None):
    """TF 1.15's ``tfe.run``: eager execution on, then ``tf.app.run(main, argv)``."""
    import tensorflow as tf

    tf.compat.v1.enable_eager_execution()
    tf.compat.v1.app.run(main, argv)


def list_devices():
    """TF 1.15's ``tfe.list_devices()``: the names of the devices the eager context sees."""
    from tensorflow.python.eager import context

    context.ensure_initialized()
    return context.context().devices()


def load():
    """``tf.contrib.eager``, also ``tensorflow.contrib.eager.python.tfe``."""
    import importlib

    members = {}
    for name, (where, attr) in REEXPORTS.items():
        value = getattr(importlib.import_module(where), attr, None)
        if value is not None:
            members[name] = value
    members.update(in_graph_mode=in_graph_mode, defun=defun, Saver=Saver, run=run, list_devices=list_devices,
                   get_optimizer_variables=get_optimizer_variables)
    tfe = module("tf.contrib.eager", members)
    tfe.python = module("tf.contrib.eager.python", {"tfe": tfe})
    return tfe
