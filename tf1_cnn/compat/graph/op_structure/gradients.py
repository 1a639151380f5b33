"""TF 1.x's gradient ops for broadcasting binary ops and ``reduce_mean``.

- Broadcasting (Add, Sub, Mul, RealDiv, Maximum, ... : ``math_grad.SmartBroadcastGradientArgs``):
  TF 1.0-1.15 always built Shape, Shape, BroadcastGradientArgs and reduced both arguments'
  gradients (Sum, Reshape each); TF 2.21 infers the reduction axes from static shapes and
  skips those ops. ``no_static_reduction_axes`` makes TF 2.21 take its dynamic path, which
  builds TF 1.x's ops (the same values).
- ``reduce_mean`` (``_MeanGrad``): with a dynamic shape TF 1.x divided by
  ``reduce_prod(shape(input)) // max(reduce_prod(shape(output)), 1)`` (Prod, Prod, Maximum,
  FloorDiv); TF 2.21 gathers the reduced dimensions (Size, Add, FloorMod, GatherV2). TF 1.3.0
  and 1.4.1 took that path for static shapes too; 1.15.5 used a constant factor, as TF 2.21 does.

Not mirrored: TF 1.3.0/1.4.1's Add/Sub/Mul gradients had no shortcut for two fully known,
equal shapes (TF 1.15.5 and 2.21 return the gradient itself there).
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.ops import array_ops, math_grad, math_ops

from ... import settings


def no_static_reduction_axes(original):
    """``math_grad._InferGradientReductionAxes``: (None, None) in graphs, as TF 1.x never inferred them."""
    @functools.wraps(original)
    def infer(x_shape, y_shape):
        if context.executing_eagerly():
            return original(x_shape, y_shape)
        return None, None

    infer._tf1_cnn_original = original
    return infer


def mean_grad_1x(original):
    """The gradient of Mean (op: the Mean op; grad: d loss / d its output) as TF 1.x built it."""
    @functools.wraps(original)
    def mean_grad(op, grad):
        if context.executing_eagerly():
            return original(op, grad)
        inputs, outputs = op.inputs[0]._shape_tuple(), op.outputs[0]._shape_tuple()
        static = inputs is not None and outputs is not None and None not in inputs and None not in outputs
        if static and settings.current("tf1_version") not in ("1.3", "1.4"):
            return original(op, grad)  # 1.15.5: a constant factor for static shapes, as TF 2.21
        from .gradients_1x import sum_grad

        sum_grad = (sum_grad(op, grad) or math_grad._SumGrad(op, grad))[0]
        input_shape = array_ops.shape(op.inputs[0])
        output_shape = array_ops.shape(op.outputs[0])
        factor = math_grad._SafeShapeDiv(math_ops.reduce_prod(input_shape), math_ops.reduce_prod(output_shape))
        return math_ops.truediv(sum_grad, math_ops.cast(factor, sum_grad.dtype)), None

    mean_grad._tf1_cnn_original = original
    return mean_grad


