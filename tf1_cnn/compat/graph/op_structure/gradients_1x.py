"""TF 1.x's ``tf.gradients``: the initial gradients and the gradient functions whose ops differ.

Each structure below was read off real TF 1.3.0 / 1.4.1 / 1.15.5 graphs (the ``grad_*`` /
``min_*`` cases of ``tf1_cnn/oracle/op_cases_gradients.py``, recorded in the op tables),
not from TensorFlow's source. Every function builds, in this order and under these names,
what that TF release built inside ``gradients/<op>_grad``; outside graph mode, or for a
case TF 1.x built like TF 2.21, TensorFlow 2.21's own function runs.

- ``default_grad_ys`` (``gradients_util._DefaultGradYs``): the gradient of each ``y`` without
  ``grad_ys``: ``Shape``, a Const 1 (1.3.0/1.4.1: ``gradients/Const``; 1.15.5:
  ``gradients/grad_ys_<i>``), ``Fill`` named ``gradients/Fill``; TF 2.21 builds ``ones``
  (``grad_ys_0/Const`` and a Fill named ``grad_ys_0``). A given ``grad_ys`` tensor: an
  ``Identity`` ``grad_ys_<i>`` in 1.15.5 and 2.21, nothing in 1.3.0/1.4.1.
- Broadcasting binary ops (Add, Sub, Mul, Pow, RealDiv, Maximum, Minimum): both inputs' shapes,
  ``BroadcastGradientArgs``, then x's gradient (compute, Sum, Reshape) before y's; TF 2.21
  computes both products or the negation first. The shapes: ``shape()`` (a Const when
  static) in 1.3.0/1.4.1; in 1.15.5 Add/Sub/Mul took ``Shape`` ops always, except that two
  fully known equal shapes return the products without reducing, and two static shapes that
  differ give a BroadcastGradientArgs of Consts and reduce only the broadcast side (``_broadcast``).
  Maximum/Minimum: 1.3.0 selected y's gradient through LogicalNot; 1.4.1 made both selects before
  reducing; 1.15.5 reduced x's before selecting y's.
- ``Sum`` / ``Mean`` over some axes (not a full reduction of a known rank): TF 1.x's
  ``reduced_shape`` (Size, add, mod, range, Fill, DynamicStitch), ``Maximum``/``floordiv``
  and ``Tile``; TF 2.21 builds ``ones`` and ``BroadcastTo``. ``math_ops.reduced_shape`` itself
  (Max's, Min's, Prod's gradients) builds TF 1.x's ops in graphs.
- ``DivNoNan`` (1.15.5, tf.losses' mean): as RealDiv's. ``SquaredDifference``: ``2 * grad *
  (x - y)`` (1.15.5: before the shapes), the reductions, then y's ``Neg``.
- ``Reshape``: ``Reshape(grad, shape(input))``, the input's shape made first under ``<op>_grad/Shape``
  (a Shape op, or a Const when static); TF 2.21 hands a partly known shape to the Reshape
  (``Reshape/shape``).
- ``StridedSlice``: StridedSliceGrad of the forward op's begin/end/strides. ``GatherV2`` (1.15.5,
  axis 0): a ``Cast`` of the params' int64 shape.
- ``Square`` (1.3.0/1.4.1): ``grad * (2.0 * x)``, the 2.0 under a control dependency on grad.
- ``Conv2D`` (1.3.0): ``Shape`` of the input, Conv2DBackpropInput, ``Shape_1`` of the filter,
  Conv2DBackpropFilter; 1.4.1, 1.15.5 and 2.21 one ``ShapeN``.
- The traversal (``_MarkReachedOps``, 1.3.0/1.4.1): integer outputs followed too, so ops reached
  only through a ``Shape`` (tf.losses' ``num_present``) got gradient ops. ``ones_like`` of a static
  shape: one Const ``ones_like/Shape`` (every TF 1.x; 2.21 ``Shape/shape_as_tensor``).
- ``Softplus`` (1.3.0/1.4.1): one SoftplusGrad.
- ``TensorArrayWriteV3`` / ``ScatterV3`` / ``SplitV3`` (every TF 1.x): the gradient array opened on the
  gradient flow itself, without TF 2.21's ``flow_out`` / ``write_barrier`` (``tensor_array_grads.py``).
- ``SoftmaxCrossEntropyWithLogits`` (1.3.0/1.4.1): no gradient for the labels (ExpandDims,
  mul only); ``SparseSoftmaxCrossEntropyWithLogits`` (every TF 1.x): a ``PreventGradient``
  on the backprop output before ExpandDims, mul.
"""
import functools
import weakref

import numpy as np
from tensorflow.python.eager import context
from tensorflow.python.framework import constant_op, ops, tensor_util
from tensorflow.python.ops import (array_ops, gen_array_ops, gen_data_flow_ops, gen_math_ops, gen_nn_ops, math_grad,
                                   math_ops)

from ... import settings
from . import tensor_array_grads


def _old():
    """TF 1.3.0 / 1.4.1 (not 1.15.5)."""
    return settings.current("tf1_version") in ("1.3", "1.4")


def _oldest():
    """TF 1.3.0 (1.4.1 built these as 1.15.5 did)."""
    return settings.current("tf1_version") == "1.3"


def _tensor(t):
    return isinstance(t, ops.Tensor) if hasattr(ops, "Tensor") else tensor_util.is_tf_type(t)


def _keeps(original, build):
    """A gradient function: ``build(op, grad)`` in graphs (None: TF 2.21's), ``original`` eagerly."""
    @functools.wraps(original)
    def grad_fn(op, *grads):
        if not context.executing_eagerly():
            out = build(op, *grads)
            if out is not None:
                return out
        return original(op, *grads)

    grad_fn._tf1_cnn_original = original
    return grad_fn


# --- the initial gradients


def default_grad_ys(original):
    """``_DefaultGradYs(grad_ys, ys, colocate, gradient_uid)`` as TF 1.x: one Fill per y (see above)."""
    @functools.wraps(original)
    def grad_ys_fn(grad_ys, ys, colocate_gradients_with_ops, gradient_uid="__unsupported__"):
        if context.executing_eagerly() or len(grad_ys) != len(ys) or any(
                g is not None and not _tensor(g) for g in grad_ys) or any(y.dtype.is_complex for y in ys):
            return original(grad_ys, ys, colocate_gradients_with_ops, gradient_uid)
        from tensorflow.python.ops import gradients_util

        old = _old()
        out = []
        for i, (y, grad_y) in enumerate(zip(ys, grad_ys)):
            with gradients_util._maybe_colocate_with(y.op, gradient_uid, colocate_gradients_with_ops):
                if grad_y is None:
                    shape = array_ops.shape(y)
                    one = constant_op.constant(1, dtype=y.dtype, name=None if old else "grad_ys_%d" % i)
                    out.append(gen_array_ops.fill(shape, one))
                elif old:
                    out.append(ops.convert_to_tensor(grad_y))
                else:
                    out.append(array_ops.identity(grad_y, name="grad_ys_%d" % i))
        return out

    grad_ys_fn._tf1_cnn_original = original
    return grad_ys_fn


# --- broadcasting binary ops


def _shapes(x, y, always_ops):
    if always_ops:
        return gen_array_ops.shape(x), gen_array_ops.shape(y)
    return array_ops.shape(x), array_ops.shape(y)


def _fully_equal(x, y, grad):
    shapes = [t.shape for t in (x, y, grad)]
    return all(s.is_fully_defined() for s in shapes) and shapes[0] == shapes[1] == shapes[2]


def _reduce_to(value, axes, shape):
    return array_ops.reshape(math_ops.reduce_sum(value, axes), shape)


def _int_list(values, name):
    """A Const of int32 ``values`` named as the list converted inside the op's scope would be."""
    return constant_op.constant(values, dtype="int32", name=name)


_BROADCAST_SHAPES_SEEN = weakref.WeakKeyDictionary()  # graph -> pairs of static shapes given BroadcastGradientArgs


def _static_axes(shape, out_rank, out):
    """The axes BroadcastGradientArgs gives for ``shape`` broadcast to ``out`` (both static)."""
    pad = out_rank - len(shape)
    return [i for i in range(out_rank) if i < pad or (shape[i - pad] == 1 and out[i] != 1)]


def _broadcast(x, y):
    """(reduce_x, reduce_y): functions taking a gradient of the broadcast result to x's and y's shapes,
    after building what TF 1.x built first: the shapes and ``BroadcastGradientArgs``.

    1.3.0/1.4.1: ``shape()`` of each (a Const when static). 1.15.5 (Add, Sub, Mul, Pow): two static
    shapes give ``BroadcastGradientArgs`` of two Consts (``s0``, ``s1``), the first time in a graph only
    (op-table case ``grad_add_static_twice``), and each side is reduced only where it was broadcast (``Sum``
    over Const axes, ``Reshape`` to a Const shape); otherwise ``Shape`` ops, also for a static side.
    """
    if not _old() and x.shape.is_fully_defined() and y.shape.is_fully_defined():
        sx, sy = x.shape.as_list(), y.shape.as_list()
        # TF 1.15.5 evaluated BroadcastGradientArgs once per graph and pair of static shapes and kept the
        # axes: a later gradient of the same shapes (a reused tower) built no BroadcastGradientArgs
        seen = _BROADCAST_SHAPES_SEEN.setdefault(ops.get_default_graph(), set())
        if (tuple(sx), tuple(sy)) not in seen:
            seen.add((tuple(sx), tuple(sy)))
            # Consts made here: TF 2.21 converts an empty list to two Consts
            gen_array_ops.broadcast_gradient_args(_int_list(sx, "BroadcastGradientArgs/s0"),
                                                  _int_list(sy, "BroadcastGradientArgs/s1"))
        rank = max(len(sx), len(sy))
        out = [max(a, b) for a, b in zip([1] * (rank - len(sx)) + sx, [1] * (rank - len(sy)) + sy)]

        def static(shape):
            axes = _static_axes(shape, rank, out)
            return (lambda g: array_ops.reshape(math_ops.reduce_sum(g, axes), _int_list(shape, "Reshape/shape"))
                    ) if axes else (lambda g: g)

        return static(sx), static(sy)
    sx, sy = _shapes(x, y, not _old())
    rx, ry = gen_array_ops.broadcast_gradient_args(sx, sy)
    return (lambda g: _reduce_to(g, rx, sx)), (lambda g: _reduce_to(g, ry, sy))


def add_grad(op, grad):
    """Add / AddV2 (x, y: broadcastable) -> (dx shaped as x, dy shaped as y)."""
    if not _tensor(grad):
        return None
    x, y = op.inputs[0], op.inputs[1]
    if not _old() and _fully_equal(x, y, grad):
        return grad, grad
    reduce_x, reduce_y = _broadcast(x, y)
    return reduce_x(grad), reduce_y(grad)


def sub_grad(op, grad):
    """Sub: 1.3.0/1.4.1 negate y's reduced gradient, 1.15.5 the gradient before reducing it."""
    if not _tensor(grad):
        return None
    x, y = op.inputs[0], op.inputs[1]
    old = _old()
    if not old and _fully_equal(x, y, grad):
        return grad, -grad
    if old:
        sx, sy = _shapes(x, y, False)
        rx, ry = gen_array_ops.broadcast_gradient_args(sx, sy)
        return _reduce_to(grad, rx, sx), array_ops.reshape(-math_ops.reduce_sum(grad, ry), sy)
    reduce_x, reduce_y = _broadcast(x, y)
    dx = reduce_x(grad)
    return dx, reduce_y(-grad)


def mul_grad(op, grad):
    """Mul: grad * y reduced, then x * grad reduced (1.3.0/1.4.1: ``mul``, ``mul_1``; 1.15.5 ``Mul``...)."""
    if not _tensor(grad):
        return None
    x, y = op.inputs[0], op.inputs[1]
    old = _old()
    if not old and _fully_equal(x, y, grad) and grad.dtype in (np.int32, np.float32):
        return gen_math_ops.mul(grad, y), gen_math_ops.mul(grad, x)
    reduce_x, reduce_y = _broadcast(x, y)
    if old:
        dx = reduce_x(grad * y)
        return dx, reduce_y(x * grad)
    dx = reduce_x(gen_math_ops.mul(grad, y))
    return dx, reduce_y(gen_math_ops.mul(x, grad))


def pow_grad(op, grad):
    """Pow (x ** y): x's gradient grad * y * x ** (y - 1), then y's grad * z * log(x) where x > 0 (1.15.5:
    log of where(x > 0, x, 1) first)."""
    if not _tensor(grad) or op.inputs[0].dtype.is_complex:
        return None
    x, y, z = op.inputs[0], op.inputs[1], op.outputs[0]
    reduce_x, reduce_y = _broadcast(x, y)
    dx = reduce_x(grad * y * math_ops.pow(x, y - 1))
    positive = x > 0
    if _old():
        log_x = array_ops.where(positive, math_ops.log(x), array_ops.zeros_like(x))
    else:
        safe_x = array_ops.where(positive, x, array_ops.ones_like(x))
        log_x = array_ops.where(positive, math_ops.log(safe_x), array_ops.zeros_like(x))
    return dx, reduce_y(grad * z * log_x)


def real_div_grad(op, grad):
    """RealDiv (every TF 1.x): grad / y reduced, then grad * (-x / y / y) reduced."""
    if not _tensor(grad):
        return None
    x, y = op.inputs[0], op.inputs[1]
    sx, sy = _shapes(x, y, False)
    rx, ry = gen_array_ops.broadcast_gradient_args(sx, sy)
    dx = _reduce_to(gen_math_ops.real_div(grad, y), rx, sx)
    neg = -x
    return dx, _reduce_to(grad * gen_math_ops.real_div(gen_math_ops.real_div(neg, y), y), ry, sy)


def div_no_nan_grad(op, grad):
    """DivNoNan (1.15.5; 1.3.0/1.4.1 had no DivNoNan): as RealDiv's, with div_no_nan ops."""
    if not _tensor(grad):
        return None
    x, y = op.inputs[0], op.inputs[1]
    sx, sy = _shapes(x, y, False)
    rx, ry = gen_array_ops.broadcast_gradient_args(sx, sy)
    div = functools.partial(gen_math_ops.div_no_nan, name="div_no_nan")
    dx = _reduce_to(div(grad, y), rx, sx)
    return dx, _reduce_to(grad * div(div(-x, y), y), ry, sy)


def squared_difference_grad(op, grad):
    """SquaredDifference: 2 * grad * (x - y) (1.15.5 before the shapes), reduced to x, then -(y's)."""
    if not _tensor(grad):
        return None
    x, y = op.inputs[0], op.inputs[1]
    old = _old()

    def x_grad():
        with ops.control_dependencies([grad]):
            scalar = constant_op.constant(2.0, dtype=grad.dtype, name="scalar")
            scaled = scalar * grad if old else gen_math_ops.mul(scalar, grad)
            return scaled * (x - y)

    if not old:  # 1.15.5: equal static shapes unreduced; two static shapes through _broadcast's Consts
        dxy = x_grad()
        if _fully_equal(x, y, grad):
            return dxy, -dxy
        reduce_x, reduce_y = _broadcast(x, y)
        return reduce_x(dxy), -reduce_y(dxy)
    sx, sy = _shapes(x, y, False)
    rx, ry = gen_array_ops.broadcast_gradient_args(sx, sy)
    dxy = x_grad()
    return _reduce_to(dxy, rx, sx), -_reduce_to(dxy, ry, sy)


def _max_min_grad(compare):
    def grad_fn(op, grad):
        """Maximum / Minimum: the mask, both selects (1.3.0/1.4.1 through LogicalNot) and reductions."""
        if not _tensor(grad):
            return None
        x, y = op.inputs[0], op.inputs[1]
        sx, sy, sg = array_ops.shape(x), array_ops.shape(y), array_ops.shape(grad)
        zeros = array_ops.zeros(sg, grad.dtype)
        mask = compare(x, y)
        rx, ry = gen_array_ops.broadcast_gradient_args(sx, sy)
        if _oldest():
            gx = array_ops.where(mask, grad, zeros)
            gy = array_ops.where(math_ops.logical_not(mask), grad, zeros)
            return _reduce_to(gx, rx, sx), _reduce_to(gy, ry, sy)
        if _old():  # 1.4.1: both selects, then the reductions
            gx, gy = array_ops.where(mask, grad, zeros), array_ops.where(mask, zeros, grad)
            return _reduce_to(gx, rx, sx), _reduce_to(gy, ry, sy)
        dx = _reduce_to(array_ops.where(mask, grad, zeros), rx, sx)
        return dx, _reduce_to(array_ops.where(mask, zeros, grad), ry, sy)
    return grad_fn


# --- reductions, reshape


def _full_reduction(op):
    """Did TF 1.x take its full-reduction path: every axis of a known rank, given as constants (1.3.0:
    a Const op; ``reduce_sum(variable)``'s Range was not one; 1.4.1 on evaluated the Range)?"""
    if _oldest() and op.inputs[1].op.type != "Const":
        return False
    axes = tensor_util.constant_value(op.inputs[1])
    rank = op.inputs[0].shape.rank
    return axes is not None and rank is not None and np.array_equal(np.sort(np.ravel(axes)), np.arange(rank))


def _reduced_shape(input_shape, axes):
    """TF 1.x's ``reduced_shape``: input_shape with the reduced axes set to 1 (int32 vector)."""
    input_shape = math_ops.cast(input_shape, "int32")
    axes = math_ops.cast(axes, "int32")
    rank = array_ops.size(input_shape)
    axes = (axes + rank) % rank  # `+`: Add under 1.3/1.4, AddV2 under 1.15 (op_types.add_v2)
    axes_shape = array_ops.shape(axes)
    return gen_data_flow_ops.dynamic_stitch([math_ops.range(rank), axes],
                                            [input_shape, array_ops.fill(axes_shape, 1)])


def sum_grad_1x(op, grad):
    """Sum over some axes (x: any shape) -> grad reshaped to the kept dims and tiled to x's shape."""
    input_shape = array_ops.shape(op.inputs[0])
    kept = _reduced_shape(input_shape, op.inputs[1])
    scaling = math_grad._SafeShapeDiv(input_shape, kept)
    return gen_array_ops.tile(array_ops.reshape(grad, kept), scaling), None


def sum_grad(op, grad):
    """Sum: TF 1.x's general path for some axes; a full reduction of a static shape in 1.3.0/1.4.1
    tiles with the shape as a list (``Tile/multiples``; 1.15.5 and 2.21 a ``Const`` first)."""
    if not _full_reduction(op):
        return sum_grad_1x(op, grad)
    shape = op.inputs[0].shape
    if not shape.is_fully_defined():
        return None
    grad = array_ops.reshape(grad, constant_op.constant([1] * shape.rank, dtype="int32", name="Reshape/shape")
                             if shape.rank == 0 else [1] * shape.rank)
    if _old():  # the list converted inside Tile's scope (an empty one made here: Tile/multiples, once)
        multiples = shape.as_list() if shape.rank else constant_op.constant([], "int32", name="Tile/multiples")
    else:
        multiples = constant_op.constant(shape.as_list(), dtype="int32")
    return gen_array_ops.tile(grad, multiples), None


def softmax_grad(op, grad):
    """Softmax (1.3.0/1.4.1): (grad - reshape(sum(grad * softmax, [1]), [-1, 1])) * softmax."""
    if not _old():
        return None
    softmax = op.outputs[0]
    summed = array_ops.reshape(math_ops.reduce_sum(grad * softmax, [1]), [-1, 1])
    return (grad - summed) * softmax


def reshape_grad(op, grad):
    """Reshape (every TF 1.x): the gradient reshaped to ``shape(input)``."""
    return array_ops.reshape(grad, array_ops.shape(op.inputs[0])), None


def square_grad(op, grad):
    """Square (1.3.0/1.4.1): grad * (2.0 * x), 2.0 made under a control dependency on grad."""
    if not _old():
        return None
    x = op.inputs[0]
    with ops.control_dependencies([grad]):
        two_x = 2.0 * x
    return grad * two_x


def strided_slice_grad(op, grad):
    """StridedSlice (every TF 1.x): StridedSliceGrad takes the forward op's begin/end/strides tensors
    (TF 2.21 makes three new Consts)."""
    x, begin, end, strides = op.inputs
    masks = {k: op.get_attr(k) for k in ("begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask",
                                         "shrink_axis_mask")}
    return (gen_array_ops.strided_slice_grad(array_ops.shape(x, out_type=begin.dtype), begin, end, strides, grad,
                                             **masks), None, None, None)


def gather_v2_grad(op, grad):
    """GatherV2 on axis 0 (1.15.5): the params' shape as int64 then ``Cast`` to int32 (TF 2.21: no Cast),
    the indices' size, the values' shape, two Reshapes -> IndexedSlices."""
    from tensorflow.python.framework import indexed_slices

    params, indices, axis = op.inputs
    if _old() or tensor_util.constant_value(axis) != 0 or op.get_attr("batch_dims") != 0 \
            or params.dtype == "resource":
        return None
    with ops.colocate_with(params):
        params_shape = array_ops.shape(params, out_type="int64")
    params_shape = math_ops.cast(params_shape, "int32")
    size = array_ops.expand_dims(array_ops.size(indices), 0)
    values_shape = array_ops.concat([size, params_shape[1:]], 0)
    values = array_ops.reshape(grad, values_shape)
    return indexed_slices.IndexedSlices(values, array_ops.reshape(indices, size), params_shape), None, None


# --- nn


def conv2d_grad(op, grad):
    """Conv2D (1.3.0): Shape(input), Conv2DBackpropInput, Shape_1(filter), Conv2DBackpropFilter."""
    if not _oldest():
        return None
    attrs = {k: op.get_attr(k) for k in ("strides", "padding", "use_cudnn_on_gpu", "data_format", "dilations",
                                          "explicit_paddings")}
    dx = gen_nn_ops.conv2d_backprop_input(array_ops.shape(op.inputs[0]), op.inputs[1], grad, **attrs)
    dw = gen_nn_ops.conv2d_backprop_filter(op.inputs[0], array_ops.shape(op.inputs[1]), grad, **attrs)
    return dx, dw


def softplus_grad(op, grad):
    """Softplus (1.3.0/1.4.1): one SoftplusGrad op (TF 2.21: Sigmoid, mul)."""
    if not _old():
        return None
    return gen_nn_ops.softplus_grad(grad, op.inputs[0])


def _broadcast_mul(vec, mat):
    return array_ops.expand_dims(vec, -1) * mat


def softmax_xent_grad(op, grad_loss, grad_grad):
    """SoftmaxCrossEntropyWithLogits (1.3.0/1.4.1): the logits' gradient only."""
    if not _old():
        return None
    return _broadcast_mul(grad_loss, op.outputs[1]), None


def sparse_softmax_xent_grad(op, grad_loss, grad_grad):
    """SparseSoftmaxCrossEntropyWithLogits (every TF 1.x): PreventGradient on the backprop output first."""
    backprop = gen_array_ops.prevent_gradient(
        op.outputs[1], message="Currently there is no way to take the second derivative of "
        "sparse_softmax_cross_entropy_with_logits due to the fused implementation's interaction with tf.gradients()")
    return _broadcast_mul(grad_loss, backprop), None


def fused_batch_norm_v3_grad(op, grad_y, *unused):
    """FusedBatchNormV3's gradient in training as TF 1.3.0-1.15.5 returned it: the five outputs of
    FusedBatchNormGradV3, the last two standing for the mean and variance inputs (TF 1.x's layers fed them
    empty Consts), so ``tf.gradients`` grouped five: ``tuple/control_dependency`` to ``_4``. TF 2.21 returns
    None for those two (three in the group). Inference, and a training step given a mean and variance (TF
    2.21 checks a gradient's shape against its input's), keep TF 2.21's gradient."""
    if not op.get_attr("is_training") or any(t.shape.as_list() != [0] for t in op.inputs[3:5]):
        return None
    return gen_nn_ops.fused_batch_norm_grad_v3(
        y_backprop=grad_y, x=op.inputs[0], scale=op.inputs[1], reserve_space_1=op.outputs[3],
        reserve_space_2=op.outputs[4], reserve_space_3=op.outputs[5], epsilon=op.get_attr("epsilon"),
        data_format=op.get_attr("data_format"), is_training=True)


GRADIENTS = {
    "Add": add_grad, "AddV2": add_grad, "Sub": sub_grad, "Mul": mul_grad, "Pow": pow_grad, "RealDiv": real_div_grad, "DivNoNan": div_no_nan_grad,
    "SquaredDifference": squared_difference_grad,
    "Maximum": _max_min_grad(math_ops.greater_equal), "Minimum": _max_min_grad(math_ops.less_equal),
    "Sum": sum_grad, "StridedSlice": strided_slice_grad, "GatherV2": gather_v2_grad, "Softmax": softmax_grad, "Reshape": reshape_grad, "Square": square_grad, "Conv2D": conv2d_grad, "Softplus": softplus_grad,
    "SoftmaxCrossEntropyWithLogits": softmax_xent_grad,
    "SparseSoftmaxCrossEntropyWithLogits": sparse_softmax_xent_grad,
    "FusedBatchNormV3": fused_batch_norm_v3_grad,
}
GRADIENTS.update(tensor_array_grads.GRADIENTS)  # TensorArrayWrite/Scatter/Split: no write barrier (every TF 1.x)


def ones_like_1x(original):
    """``array_ops.ones_like_impl``: TF 1.x's static shape is one Const ``ones_like/Shape`` (TF 2.21:
    ``ones_like/Shape/shape_as_tensor``), then ``ones_like/Const`` and the Fill ``ones_like``
    (``tf.losses``' ``num_present`` builds it)."""
    @functools.wraps(original)
    def ones_like_impl(tensor, dtype, name, optimize=True, **kwargs):
        if context.executing_eagerly() or kwargs.get("layout") is not None:
            return original(tensor, dtype, name, optimize, **kwargs)
        with ops.name_scope(name, "ones_like", [tensor]) as scope:
            tensor = ops.convert_to_tensor(tensor, name="tensor")
            shape = tensor.shape
            if optimize and shape.is_fully_defined():
                ones_shape = constant_op.constant(shape.as_list(), dtype="int32", name="Shape")
            else:
                ones_shape = gen_array_ops.shape(tensor)
            ret = array_ops.ones(ones_shape, dtype=dtype or tensor.dtype, name=scope)
            ret.set_shape(shape)
            return ret

    ones_like_impl._tf1_cnn_original = original
    return ones_like_impl


def mark_reached_ops_1x(original):
    """``gradients_util._MarkReachedOps(from_ops, reached_ops, func_graphs)``: TF 1.3.0/1.4.1 followed
    every output from the xs, integer ones too (``Shape`` into ``Fill``: tf.losses' ``num_present``
    got gradient ops, ``num_present_grad/...``); 1.15.5 and 2.21 stop at outputs that cannot carry a
    gradient."""
    import collections

    @functools.wraps(original)
    def mark_reached_ops(from_ops, reached_ops, func_graphs):
        if not _old() or func_graphs:
            return original(from_ops, reached_ops, func_graphs)
        queue = collections.deque(from_ops)
        while queue:
            op = queue.popleft()
            if op not in reached_ops:
                reached_ops.add(op)
                for output in op.outputs:
                    queue.extend(output.consumers())

    mark_reached_ops._tf1_cnn_original = original
    return mark_reached_ops


def install():
    """Put the functions above in TensorFlow's gradient registry (each keeps TF 2.21's for eager use)."""
    from tensorflow.python.ops import gradients_util

    registry = ops._gradient_registry._registry
    for op_type, build in GRADIENTS.items():
        entry = registry.get(op_type)
        if entry is not None and not hasattr(entry["type"], "_tf1_cnn_original"):
            entry["type"] = _keeps(entry["type"], build)
    if not hasattr(math_ops.reduced_shape, "_tf1_cnn_original"):  # Max / Min / Prod gradients call it
        original = math_ops.reduced_shape

        @functools.wraps(original)
        def reduced_shape(input_shape, axes):
            return original(input_shape, axes) if context.executing_eagerly() else _reduced_shape(input_shape, axes)

        reduced_shape._tf1_cnn_original = original
        math_ops.reduced_shape = reduced_shape
    if not hasattr(array_ops.ones_like_impl, "_tf1_cnn_original"):
        array_ops.ones_like_impl = ones_like_1x(array_ops.ones_like_impl)
    if not hasattr(gradients_util._MarkReachedOps, "_tf1_cnn_original"):
        gradients_util._MarkReachedOps = mark_reached_ops_1x(gradients_util._MarkReachedOps)
    if not hasattr(gradients_util._DefaultGradYs, "_tf1_cnn_original"):
        gradients_util._DefaultGradYs = default_grad_ys(gradients_util._DefaultGradYs)
