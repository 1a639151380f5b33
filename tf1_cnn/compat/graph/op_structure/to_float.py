"""``math_ops.to_float`` where TF 1.x's libraries called it: the Cast named ``ToFloat``.

TF 1.x's ``to_float(x)`` was ``cast(x, float32, name="ToFloat")``; the libraries that replaced it by
``cast(x, float32)`` build the same op named ``Cast``. Where the TF 1.x version's module called ``to_float``
for every unnamed cast to float32, that module's ``math_ops`` is given a ``cast`` naming those ``ToFloat`` under
that version (read from the oracles' sources, observed on their graphs):

- ``tensorflow.python.training.input`` (the input producers' and batch queues' fill fractions): TF 1.4.1
  (op-table case ``slice_input_producer``); TF 1.3.0 and 1.15.5 called ``cast``;
- ``tf_slim.data.parallel_reader`` (slim's ``parallel_read`` queue fill): TF 1.3.0 and 1.4.1 (corpus script
  10); TF 1.15.5 called ``cast``.
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.framework import dtypes
from tensorflow.python.ops import math_ops

from ... import settings
from .array import ModuleWith

# module -> the TF 1.x versions whose module named its float32 casts ToFloat
MODULES = {"tensorflow.python.training.input": ("1.4",), "tf_slim.data.parallel_reader": ("1.3", "1.4")}


def cast_to_float_named(versions):
    """A ``cast(x, dtype, name=None)`` naming an unnamed float32 cast ``ToFloat`` under ``versions``."""
    @functools.wraps(math_ops.cast)
    def cast(x, dtype, name=None):
        if name is None and dtypes.as_dtype(dtype) == dtypes.float32 and not context.executing_eagerly() \
                and settings.current("tf1_version") in versions:
            name = "ToFloat"
        return math_ops.cast(x, dtype, name=name)

    return cast


def mend(module):
    """Give ``module`` (one of MODULES, imported) its TF 1.x casts (idempotent)."""
    if not isinstance(module.math_ops, ModuleWith):
        module.math_ops = ModuleWith(module.math_ops, cast=cast_to_float_named(MODULES[module.__name__]))


def install():
    """Mend each module when it is first imported (now, if it is already)."""
    from ... import post_import

    for name in MODULES:
        post_import.when_imported(name, mend)
