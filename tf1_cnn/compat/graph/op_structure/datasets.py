"""TF 1.15.5's ``Dataset.make_initializable_iterator``: the default options applied first; tf.data's seed pair.

TF 1.15.5 (oracle) applied a dataset's options when it made an initializable iterator:
``Const optimizations`` (the default static optimizations of 1.15's ``tf.data.Options``:
``map_and_batch_fusion``, ``noop_elimination``, ``shuffle_and_repeat_fusion``, named in the
order 1.15 listed them), ``OptimizeDataset``, then ``ModelDataset`` (autotuning, on by default),
then ``IteratorV2`` and ``MakeIterator``. TF 1.3.0/1.4.1 had no options and ``Iterator.make_initializer``
and the one-shot iterator (built in a function) applied none in 1.15 either; TF 2.21's v1 method
applies only debug options, so under 1.15 the two datasets are put in front of it here.

tf.data's seed of a tensor or unseeded op (``Dataset.shuffle`` without a seed under a graph seed): TF 1.15.5
picked the replacement of seed pair (0, 0) with ``array_ops.where`` (a ``Select`` named ``seed2``, op-table case
``data_parallel_map``); TF 2.21 with ``where_v2`` (``SelectV2``). Same inputs, same value.
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.framework import constant_op

from ... import settings
from ._wrapping import wrap

# 1.15's tf.data.experimental.OptimizationOptions: the static optimizations on by default
DEFAULT_OPTIMIZATIONS_1_15 = ("map_and_batch_fusion", "noop_elimination", "shuffle_and_repeat_fusion")


def _optimized_1_15(dataset):
    """dataset -> OptimizeDataset(ModelDataset) over it, as a DatasetV1 (same element structure)."""
    from tensorflow.python.data.ops import dataset_ops
    from tensorflow.python.ops import gen_dataset_ops

    structure = dataset._flat_structure
    optimizations = constant_op.constant(list(DEFAULT_OPTIMIZATIONS_1_15), name="optimizations")
    variant = gen_dataset_ops.optimize_dataset(dataset._variant_tensor, optimizations, optimization_configs=[],
                                               **structure)
    variant = gen_dataset_ops.model_dataset(variant, algorithm=0, cpu_budget=0, **structure)
    return dataset_ops.DatasetV1Adapter(dataset_ops.UnaryUnchangedStructureDataset(dataset, variant))


def make_initializable_iterator_1_15(original):
    @functools.wraps(original)
    def make_initializable_iterator(self, shared_name=None):
        if settings.current("tf1_version") != "1.15" or context.executing_eagerly() \
                or getattr(self, "_tf1_cnn_optimized", False):
            return original(self, shared_name)
        optimized = _optimized_1_15(self)
        optimized._tf1_cnn_optimized = True
        return original(optimized, shared_name)

    make_initializable_iterator._tf1_cnn_original = original
    return make_initializable_iterator


def _where_1_15(condition, x=None, y=None, name=None):
    """tf.data random_seed's ``array_ops.where_v2``: TF 1.15's ``where`` (Select) of its scalars under 1.15."""
    from tensorflow.python.ops import array_ops, gen_math_ops

    if settings.current("tf1_version") == "1.15" and not context.executing_eagerly() and x is not None:
        return gen_math_ops.select(condition=condition, x=x, y=y, name=name)
    return array_ops.where_v2(condition, x, y, name=name)


def install():
    from tensorflow.python.data.ops import dataset_ops
    from tensorflow.python.data.util import random_seed

    from .array import ModuleWith

    wrap(dataset_ops.DatasetV1, "_make_initializable_iterator", make_initializable_iterator_1_15)
    if not isinstance(random_seed.array_ops, ModuleWith):
        random_seed.array_ops = ModuleWith(random_seed.array_ops, where_v2=_where_1_15)
