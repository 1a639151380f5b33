"""TFP's distributions in control flow and gradients as TF 1.x's ``contrib.distributions`` were there: values.

TF 1.x had no CompositeTensor for distributions (TF 1.3/1.4 had no CompositeTensor at all; TF 1.15's
covered SparseTensor and RaggedTensor). An object ``tf.cond``'s branch returned, a ``tf.while_loop``
carried or ``tf.gradients`` was given as ``ys``/``xs`` was converted to a Tensor with its registered
conversion function (``ops.convert_to_tensor``). TF 1.x-era libraries rely on that: Edward 1.3.5's
random variables are subclasses of the ``contrib.distributions`` classes with a conversion function to
their sample, written ``tf.cond(c, lambda: x, lambda: y)`` and ``tf.gradients(2 * x, x)``.

TensorFlow Probability's distributions (what ``contrib.distributions`` serves) are CompositeTensors
(TFP's ``AutoCompositeTensor``, since TFP 0.12), so TF 2.21 takes them apart instead: ``tf.cond`` and
``while_loop`` rebuild them from their ``TypeSpec`` (which a subclass with an ``__init__(*args, **kwargs)``
cannot give: "*args and **kwargs are not supported"), and ``tf.gradients`` refuses them ("Type Normal is
not supported as a gradient source or gradient target").

Here, once ``contrib.distributions`` is loaded, an instance of a TFP ``AutoCompositeTensor`` class that has
a tensor conversion function registered for it (the era's way to make an object a value) is a value
again where TF 2.21 tests for CompositeTensors and TF 1.x converted:
- ``variable_utils.convert_variables_to_tensors`` (cond's branches, while_loop's loop variables and body,
  ``tf.gradients``' ``ys``: TF 2.21's one place for them) converts it, as TF 1.x's control flow did;
- ``gradients_util`` (``tf.gradients``' ``xs``) and ``array_ops`` (``tf.identity``, ``tf.stop_gradient``) see
  a view of ``composite_tensor`` whose ``CompositeTensor`` leaves it out of ``isinstance``, so they
  convert it themselves as TF 1.x did (``xs`` with ``as_ref=True``, inside the ``gradients`` name scope).
Objects without a conversion function of their own, and every other CompositeTensor (SparseTensor,
RaggedTensor, variables), go TF 2.21's way unchanged.
"""
import abc
import sys
import types

_MARK = "_tf1_cnn_distribution_values"
_ACT_MODULE = "tensorflow_probability.python.internal.auto_composite_tensor"


def converted_as_value(x):
    """Whether TF 1.x would have converted ``x`` to a Tensor where TF 2.21 handles it as a CompositeTensor:
    a TFP ``AutoCompositeTensor`` (no such thing in TF 1.x) whose type has a registered conversion function."""
    act = sys.modules.get(_ACT_MODULE)
    if act is None or act.AutoCompositeTensor not in type(x).__mro__:
        return False
    from tensorflow.python.framework import tensor_conversion_registry

    # every type gets the constant conversion registered for ``object``: only a function of its own counts
    return any(base is not object for base, _ in tensor_conversion_registry.get(type(x)))


def _wrap_convert_variables(variable_utils):
    from tensorflow.python.framework import ops
    from tensorflow.python.util import nest

    convert = variable_utils.convert_variables_to_tensors

    def convert_variables_to_tensors(values):
        values = nest.map_structure(lambda x: ops.convert_to_tensor(x) if converted_as_value(x) else x, values)
        return convert(values)

    convert_variables_to_tensors.__doc__ = convert.__doc__
    setattr(convert_variables_to_tensors, _MARK, True)
    variable_utils.convert_variables_to_tensors = convert_variables_to_tensors


class _ValueAwareCheck(abc.ABCMeta):
    def __instancecheck__(cls, x):
        return isinstance(x, cls.composite_tensor) and not converted_as_value(x)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, cls.composite_tensor)


def _composite_tensor_view(composite_tensor):
    """``composite_tensor`` as a module whose ``CompositeTensor`` leaves converted TFP objects out of
    ``isinstance`` (for modules that only test with it: never subclassed, so no metaclass conflict)."""
    view = types.ModuleType(composite_tensor.__name__, composite_tensor.__doc__)
    view.__dict__.update(composite_tensor.__dict__)
    view.CompositeTensor = _ValueAwareCheck("CompositeTensor", (),
                                            {"composite_tensor": composite_tensor.CompositeTensor})
    setattr(view, _MARK, True)
    return view


def install():
    """Make converted TFP distributions values in control flow, gradients, identity (idempotent)."""
    from tensorflow.python.framework import composite_tensor
    from tensorflow.python.ops import array_ops, gradients_util
    from tensorflow.python.util import variable_utils

    if getattr(variable_utils.convert_variables_to_tensors, _MARK, False):
        return
    _wrap_convert_variables(variable_utils)
    view = _composite_tensor_view(composite_tensor)
    for module in (gradients_util, array_ops):  # tf.gradients' xs/ys; tf.identity, tf.stop_gradient
        module.composite_tensor = view
