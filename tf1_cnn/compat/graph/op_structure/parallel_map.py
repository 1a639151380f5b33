"""``Dataset.map(f, num_parallel_calls=n)`` as TF 1.15.5 built it: the v1 ``ParallelMapDataset`` op.

TF 1.15.5 (oracle: corpus script 21, op-table case ``data_parallel_map``) converted ``num_parallel_calls`` to
an int32 Const and built ``ParallelMapDataset`` (its ``sloppy`` attribute from the deterministic option);
TF 2.21 builds ``ParallelMapDatasetV2`` of an int64 count (and a ``deterministic`` string). The v1 kernel is
still registered in TF 2.21 and maps the same way. TF 1.3.0 had no tf.data; TF 1.4.1's map is not mirrored.
"""
import functools
import threading

from tensorflow.python.eager import context
from tensorflow.python.framework import dtypes, ops
from tensorflow.python.ops import gen_dataset_ops

from ... import settings
from .array import ModuleWith

_local = threading.local()


def _building_1_15():
    return getattr(_local, "active", False)


def _convert_to_tensor(value, dtype=None, name=None, **kwargs):
    """map_op's ``ops.convert_to_tensor``: TF 1.15's int32 ``num_parallel_calls``."""
    if _building_1_15() and name == "num_parallel_calls" and dtype == dtypes.int64:
        dtype = dtypes.int32
    return ops.convert_to_tensor(value, dtype=dtype, name=name, **kwargs)


def _parallel_map_dataset_v2(input_dataset, other_arguments, num_parallel_calls, f, output_types, output_shapes,
                             use_inter_op_parallelism=True, deterministic="default", preserve_cardinality=False,
                             use_unbounded_threadpool=False, metadata="", name=None):
    """map_op's ``parallel_map_dataset_v2``: the v1 op while TF 1.15's map is built (its int32 count)."""
    if not _building_1_15() or num_parallel_calls.dtype != dtypes.int32:
        return gen_dataset_ops.parallel_map_dataset_v2(
            input_dataset, other_arguments, num_parallel_calls, f=f, output_types=output_types,
            output_shapes=output_shapes, use_inter_op_parallelism=use_inter_op_parallelism,
            deterministic=deterministic, preserve_cardinality=preserve_cardinality,
            use_unbounded_threadpool=use_unbounded_threadpool, metadata=metadata, name=name)
    return gen_dataset_ops.parallel_map_dataset(
        input_dataset, other_arguments, num_parallel_calls, f=f, output_types=output_types,
        output_shapes=output_shapes, use_inter_op_parallelism=use_inter_op_parallelism,
        sloppy=deterministic == "false", preserve_cardinality=preserve_cardinality, metadata=metadata, name=name)


def parallel_map_init_1_15(original):
    """Wrap ``_ParallelMapDataset.__init__``: under 1.15, in graph mode, TF 1.15.5's op and count."""
    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        active = settings.current("tf1_version") == "1.15" and not context.executing_eagerly()
        previous, _local.active = _building_1_15(), active
        try:
            original(self, *args, **kwargs)
        finally:
            _local.active = previous

    __init__._tf1_cnn_original = original
    return __init__


def install():
    """Wrap the parallel map dataset and give its module the two names above (idempotent)."""
    from tensorflow.python.data.ops import map_op

    from ._wrapping import wrap

    if wrap(map_op._ParallelMapDataset, "__init__", parallel_map_init_1_15):
        map_op.ops = ModuleWith(map_op.ops, convert_to_tensor=_convert_to_tensor)
        map_op.gen_dataset_ops = ModuleWith(map_op.gen_dataset_ops, parallel_map_dataset_v2=_parallel_map_dataset_v2)
