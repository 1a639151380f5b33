"""Op types as TF 1.x built them, on TensorFlow 2.21: same inputs, same attrs, same count.

TF 2.21 builds a few operations under newer types than TF 1.x did. Where the older
type still has a kernel in 2.21 and takes the same inputs, the runtime builds the
older one under the runtime's TF1 behaviour (seed rule "tf1"), per the selected
version. Found by building typical TF1 graphs on real TF 1.3.0, 1.4.1 and 1.15.5
and under the runtime and comparing the types of same-named ops
(``tests/test_op_types.py`` checks each row against the oracle):

| TF 2.21 | TF 1.3 / 1.4 | TF 1.15 |
| --- | --- | --- |
| ``AddV2`` | ``Add`` everywhere (1.3/1.4 have no ``AddV2``: they cannot load a graph with it) | ``Add`` for ``tf.add`` / ``math_ops.add`` (initializers, ``random_*``, losses, control-flow gradients); ``AddV2`` for ``+`` (``_add_dispatch``, under 1.15's forward-compatibility horizon 2019-08-21) |
| ``BatchMatMulV2`` | ``BatchMatMul`` (no broadcasting: only when the batch dimensions agree) | ``BatchMatMulV2`` |
| ``FusedBatchNormV3`` (and its gradient) | ``FusedBatchNorm`` (float32; its gradient ``FusedBatchNormGrad`` follows from TF 2.21's own gradient of ``FusedBatchNorm``) | ``FusedBatchNormV3`` |
| ``IteratorV2`` (``Iterator.from_structure``, ``make_initializable_iterator``) | ``Iterator`` (same attrs, no inputs) | ``IteratorV2`` |

Types that differ only with another structure (another op count) are op
structures, not types (``op_structure.py``): e.g. ``DivNoNan`` in the losses (TF
1.3/1.4: ``Greater``, ``Select``, ``RealDiv``), resource variables of Keras 2
layers under 1.3/1.4, ``SelectV2`` in 1.15's dropout.

``patch()`` replaces the generated wrappers ``gen_math_ops.add_v2``,
``gen_math_ops.batch_mat_mul_v2``, ``gen_nn_ops.fused_batch_norm_v3`` and
``gen_dataset_ops.iterator_v2`` (the module attributes every caller looks up at call time:
``math_ops.add``, ``_add_dispatch``, ``math_ops.matmul``, ``nn_impl.fused_batch_norm``,
``iterator_ops.Iterator.from_structure``, ``dataset_ops`` initializable iterators).
``BatchDatasetV2`` (TF 1.3/1.4: ``BatchDataset``) has another input (``drop_remainder``): a
structure, left as it is.
"""
import collections
import inspect
import sys

from tensorflow.python.framework import dtypes
from tensorflow.python.ops import gen_dataset_ops, gen_math_ops, gen_nn_ops, math_ops

from .names import tf1_graphs, version_tuple

_tf2 = {"add_v2": gen_math_ops.add_v2, "batch_mat_mul_v2": gen_math_ops.batch_mat_mul_v2,
        "fused_batch_norm_v3": gen_nn_ops.fused_batch_norm_v3, "iterator_v2": gen_dataset_ops.iterator_v2}
LAST_WITHOUT_V2 = (1, 4)  # TF 1.3.0 and 1.4.1 have none of the three (oracle); 1.15.5 builds all three
_ADD_DISPATCH = inspect.unwrap(math_ops._add_dispatch).__code__  # `x + y` (under its dispatch decorator)

FusedBatchNormV3 = collections.namedtuple(
    "FusedBatchNormV3", ["y", "batch_mean", "batch_variance", "reserve_space_1", "reserve_space_2",
                         "reserve_space_3"])


def _older_types():
    """Build the types of TF 1.3/1.4 (before the V2/V3 ops)?"""
    return tf1_graphs() and version_tuple() <= LAST_WITHOUT_V2


def add_v2(x, y, name=None):
    """x + y (elementwise, broadcasting): ``Add`` where the selected TF 1.x built it, else ``AddV2``."""
    if tf1_graphs():
        if version_tuple() <= LAST_WITHOUT_V2 or sys._getframe(1).f_code is not _ADD_DISPATCH:
            return gen_math_ops.add(x, y, name=name)
    return _tf2["add_v2"](x, y, name=name)


def _same_batch_dims(x, y):
    """Do x (..., m, k) and y (..., k, n) have the same rank and batch dimensions (no broadcasting)?"""
    xs, ys = x.shape, y.shape
    if xs.rank is None or ys.rank is None or xs.rank != ys.rank:
        return False
    return all(a is None or b is None or a == b for a, b in zip(xs[:-2].as_list(), ys[:-2].as_list()))


def batch_mat_mul_v2(x, y, adj_x=False, adj_y=False, grad_x=False, grad_y=False, name=None):
    """(..., m, k) @ (..., k, n): ``BatchMatMul`` under 1.3/1.4 (no broadcasting there), else ``BatchMatMulV2``."""
    if _older_types() and hasattr(x, "shape") and hasattr(y, "shape") and _same_batch_dims(x, y):
        return gen_math_ops.batch_mat_mul(x, y, adj_x=adj_x, adj_y=adj_y, grad_x=grad_x, grad_y=grad_y,
                                          name=name)
    return _tf2["batch_mat_mul_v2"](x, y, adj_x=adj_x, adj_y=adj_y, grad_x=grad_x, grad_y=grad_y, name=name)


def fused_batch_norm_v3(x, scale, offset, mean, variance, epsilon=0.0001, exponential_avg_factor=1,
                        data_format="NHWC", is_training=True, name=None):
    """Fused batch normalization of x (NHWC or NCHW) by per-channel scale/offset (C,).

    ``FusedBatchNorm`` (TF 1.0-1.4's op; float32 only, no exponential average, 4-D only) under
    1.3/1.4, with its five outputs and None for V3's ``reserve_space_3``; else
    ``FusedBatchNormV3`` (also for the 5-D NDHWC / NCDHW formats, which only V3 has).
    """
    if (_older_types() and exponential_avg_factor == 1 and data_format in (b"NHWC", "NHWC", b"NCHW", "NCHW")
            and getattr(x, "dtype", None) == dtypes.float32
            and getattr(scale, "dtype", None) == dtypes.float32):
        outputs = gen_nn_ops._fused_batch_norm(x, scale, offset, mean, variance, epsilon=epsilon,
                                               data_format=data_format, is_training=is_training, name=name)
        return FusedBatchNormV3(*outputs, None)
    return _tf2["fused_batch_norm_v3"](x, scale, offset, mean, variance, epsilon=epsilon,
                                       exponential_avg_factor=exponential_avg_factor,
                                       data_format=data_format, is_training=is_training, name=name)


def iterator_v2(shared_name, container, output_types, output_shapes, name=None):
    """A tf.data iterator resource (no inputs): ``Iterator`` under 1.3/1.4 (TF 1.3's contrib.data and
    1.4's tf.data built it), else ``IteratorV2``."""
    build = gen_dataset_ops.iterator if _older_types() else _tf2["iterator_v2"]
    return build(shared_name=shared_name, container=container, output_types=output_types,
                 output_shapes=output_shapes, name=name)


def patch():
    """Route the four generated wrappers through the functions above (idempotent)."""
    gen_math_ops.add_v2 = add_v2
    gen_math_ops.batch_mat_mul_v2 = batch_mat_mul_v2
    gen_nn_ops.fused_batch_norm_v3 = fused_batch_norm_v3
    gen_dataset_ops.iterator_v2 = iterator_v2
