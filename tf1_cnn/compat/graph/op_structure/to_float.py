"""``math_ops.to_float`` / ``to_int64`` where TF 1.x's libraries called them: the Cast named ``ToFloat`` /
``ToInt64``.

TF 1.x's ``to_float(x)`` was ``cast(x, float32, name="ToFloat")`` (``to_int64``: ``ToInt64``); the libraries
that replaced it by ``cast(x, float32)`` build the same op named ``Cast``. TF 1.3.0 / 1.4.1 took the name
scope before testing the dtype, so a ``to_float`` of a float32 tensor (no op) still used the name
(the next is ``ToFloat_1``). Where the TF 1.x version's module
called ``to_float`` (``to_int64``) for every unnamed cast to float32 (int64), that module's ``math_ops`` (or
``tf``) is given a ``cast`` naming those so under that version (read from the oracles' sources, observed on
their graphs):

- ``tensorflow.python.training.input`` (the input producers' and batch queues' fill fractions): TF 1.4.1
  (op-table case ``slice_input_producer``); TF 1.3.0 and 1.15.5 called ``cast``;
- ``tf_slim.data.parallel_reader`` (slim's ``parallel_read`` queue fill): TF 1.3.0 and 1.4.1 (corpus script
  10); TF 1.15.5 called ``cast``;
- ``tensorflow_estimator.python.estimator.canned.linear`` (the linear model's zero fraction, its SDCA ids):
  TF 1.15.5's estimator (corpus script 19, op-table case ``estimator_linear_zero_fraction``).
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.framework import dtypes, ops, tensor
from tensorflow.python.ops import math_ops

from ... import settings
from .array import ModuleWith

# module -> (its binding of cast's module, the TF 1.x versions whose module named its casts by to_*)
MODULES = {"tensorflow.python.training.input": ("math_ops", ("1.4",)),
           "tf_slim.data.parallel_reader": ("math_ops", ("1.3", "1.4")),
           "tensorflow_estimator.python.estimator.canned.linear": ("tf", ("1.15",))}
TO_NAMES = {dtypes.float32: "ToFloat", dtypes.int64: "ToInt64"}


def cast_to_named(versions):
    """A ``cast(x, dtype, name=None)`` naming an unnamed float32 / int64 cast as ``to_float`` / ``to_int64`` did,
    under ``versions``."""
    @functools.wraps(math_ops.cast)
    def cast(x, dtype, name=None):
        version = settings.current("tf1_version")
        if name is None and not context.executing_eagerly() and version in versions:
            name = TO_NAMES.get(dtypes.as_dtype(dtype).base_dtype)
            if name is not None and version in ("1.3", "1.4") and isinstance(x, tensor.Tensor) \
                    and x.dtype.base_dtype == dtypes.as_dtype(dtype).base_dtype:
                with ops.name_scope(name, "Cast", [x]):  # TF 1.3.0/1.4.1 took the scope before the dtype test
                    return x
        return math_ops.cast(x, dtype, name=name)

    return cast


def mend(module):
    """Give ``module`` (one of MODULES, imported) its TF 1.x casts (idempotent)."""
    binding, versions = MODULES[module.__name__]
    if not isinstance(getattr(module, binding), ModuleWith):
        setattr(module, binding, ModuleWith(getattr(module, binding), cast=cast_to_named(versions)))


def install():
    """Mend each module when it is first imported (now, if it is already)."""
    from ... import post_import

    for name in MODULES:
        post_import.when_imported(name, mend)
