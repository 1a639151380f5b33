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
again at those two doors: ``variable_utils.convert_variables_to_tensors`` (cond's branches, while_loop's
loop variables and body, ``tf.gradients``' ``ys``: TF 2.21's one place for them) converts it as TF 1.x's
control flow did, and the gradients' flattening of ``xs`` converts it as TF 1.x's
``convert_n_to_tensor_or_indexed_slices(xs, as_ref=True)`` did. (TF 1.x converted inside the
``gradients`` name scope; a conversion function that makes new ops names them outside it here.) Objects without a conversion function, and every
other CompositeTensor (SparseTensor, variables, ...), go TF 2.21's way unchanged.
"""
import sys

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


def _wrap_gradient_sources(ctg):
    from tensorflow.python.framework import indexed_slices

    get, replace = ctg._get_tensors_for_gradient, ctg._replace_tensors_for_gradient  # noqa: SLF001

    def _get_tensors_for_gradient(x):
        # converted as TF 1.x's tf.gradients converted its xs (as_ref: a variable's ref, not a read)
        if converted_as_value(x):
            return indexed_slices.internal_convert_to_tensor_or_indexed_slices(x, name="x", as_ref=True)
        return get(x)

    def _replace_tensors_for_gradient(x, grad):
        return grad if converted_as_value(x) else replace(x, grad)

    ctg._get_tensors_for_gradient = _get_tensors_for_gradient  # noqa: SLF001
    ctg._replace_tensors_for_gradient = _replace_tensors_for_gradient  # noqa: SLF001


def install():
    """Make converted TFP distributions values in control flow and gradients (idempotent)."""
    from tensorflow.python.framework import composite_tensor_gradient
    from tensorflow.python.util import variable_utils

    if getattr(variable_utils.convert_variables_to_tensors, _MARK, False):
        return
    _wrap_convert_variables(variable_utils)
    _wrap_gradient_sources(composite_tensor_gradient)
