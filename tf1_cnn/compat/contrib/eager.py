"""``tf.contrib.eager`` (TF 1.15's ``contrib/eager/python/tfe.py``) as graph-mode TF1 libraries use it.

TF 1.15's tfe module was mostly re-exports of core functions, which TF 2.21 still has under the same
``tensorflow.python`` modules (``REEXPORTS``: the same objects): ``in_eager_mode`` (``executing_eagerly``),
``Variable`` (``ResourceVariable``), ``implicit_gradients`` / ``implicit_value_and_gradients`` /
``gradients_function`` / ``value_and_gradients_function`` (``backprop``), ``Checkpoint``, ``GradientTape``,
``run_all_tests_in_graph_and_eager_modes`` (``test_util``), ... Written here from TF 1.15's documented behaviour:
``defun`` (TF 2.21 removed it: ``tf.function`` with defun's arguments, ``experimental_relax_shapes`` being
``reduce_retracing``), ``in_graph_mode`` (TF 1.4-1.5's), ``Saver`` (the eager ``tf.train.Saver`` adapter),
``get_optimizer_variables``, ``run``. Not provided (TF 1.15 had deprecated them): ``Network``, ``Sequential``,
``metrics``, the execution callbacks (``seterr``, ``errstate``, ``*_callback``), ``restore_variables_on_create``.
``tensorflow.contrib.eager.python.tfe`` is this module.
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
    "run_all_tests_in_graph_and_eager_modes": ("tensorflow.python.framework.test_util",
                                               "run_all_in_graph_and_eager_modes"),
    "run_test_in_graph_and_eager_modes": ("tensorflow.python.framework.test_util", "run_in_graph_and_eager_modes"),
}


def in_graph_mode():
    """TF 1.4-1.5's ``tfe.in_graph_mode()``: True when ops build a graph (not executing eagerly)."""
    from tensorflow.python.eager import context

    return not context.executing_eagerly()


def defun(func=None, input_signature=None, autograph=True, experimental_autograph_options=None,
          experimental_relax_shapes=False):
    """TF 1.15's ``tfe.defun``: ``func`` traced into a graph function per input signature, called as one op
    (``PartitionedCall`` in a graph, as TF 1.15 built it); usable as ``@defun`` or ``defun(f)``."""
    from tensorflow.python.eager import def_function

    def wrap(f):
        return def_function.function(f, input_signature=input_signature, autograph=autograph,
                                     experimental_autograph_options=experimental_autograph_options,
                                     reduce_retracing=experimental_relax_shapes)

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
