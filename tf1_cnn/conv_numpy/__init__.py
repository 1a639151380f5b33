"""Convolution and pooling step by step in numpy, with the course's names.

Each function checks its arguments (``ValueError`` naming the argument and
the shapes) and then runs one of two implementations:
``impl="fast"`` (the default, vectorized, ``fast.py``) or ``impl="loop"``
(the course's loops, ``loop.py``). They agree to a relative 1e-12.

``bias_mode="course"`` (default) computes ``sum(a * W) + b`` as the course
and seed 000 do; ``bias_mode="per_element"`` computes seed 002's
``sum(a * W + b)``, which its published values A2-A4 come from.

Shapes: A_prev (m, n_H_prev, n_W_prev, n_C_prev); W (f, f, n_C_prev, n_C);
b (1, 1, 1, n_C); Z, dZ (m, n_H, n_W, n_C) with
n_H = int((n_H_prev - f + 2 pad) / stride) + 1; pooling keeps n_C.
"""
import numpy as np

from . import _checks, fast, loop

_IMPLS = {"fast": fast, "loop": loop}


def _impl(impl):
    _checks.check_impl(impl)
    return _IMPLS[impl]


def zero_pad(X, pad):
    """Pad X (m, n_H, n_W, n_C) with zeros to (m, n_H + 2 pad, n_W + 2 pad, n_C)."""
    X = _checks.as_4d("X", X)
    _checks.hparam({"pad": pad}, "pad", 0)
    return loop.zero_pad(X, pad)


def conv_single_step(a_slice_prev, W, b, bias_mode="course"):
    """Apply one filter W (f, f, n_C_prev) to one slice of the same shape; returns a scalar.

    b holds one value, shape (1, 1, 1) in the course.
    """
    _checks.check_bias_mode(bias_mode)
    a_slice_prev, W, b = np.asarray(a_slice_prev), np.asarray(W), np.asarray(b)
    if a_slice_prev.shape != W.shape:
        raise ValueError(f"a_slice_prev {a_slice_prev.shape} and W {W.shape} must have the same shape")
    if b.size != 1:
        raise ValueError(f"b must hold a single value (shape (1, 1, 1)), got shape {b.shape}")
    return loop.conv_single_step(a_slice_prev, W, b, bias_mode)


def conv_forward(A_prev, W, b, hparameters, bias_mode="course", impl="fast"):
    """Forward convolution. hparameters: {"stride": int >= 1, "pad": int >= 0}.

    Returns (Z, cache) with Z (m, n_H, n_W, n_C) float64 and
    cache = (A_prev, W, b, hparameters) for conv_backward.
    """
    _checks.check_bias_mode(bias_mode)
    mod = _impl(impl)
    A_prev, W, b, stride, pad, n_H, n_W = _checks.conv_args(A_prev, W, b, hparameters)
    Z = mod.conv_forward(A_prev, W, b, stride, pad, n_H, n_W, bias_mode)
    return Z, (A_prev, W, b, hparameters)


def conv_backward(dZ, cache, impl="fast"):
    """Backward convolution: (dA_prev, dW, db) shaped like (A_prev, W, b).

    The bias gradient is the course's (sum of dZ) whatever bias_mode the
    forward pass used, as in seed 002.
    """
    mod = _impl(impl)
    A_prev, W, b, hparameters = _checks.unpack_cache(cache, 4, "(A_prev, W, b, hparameters)")
    A_prev, W, b, stride, pad, n_H, n_W = _checks.conv_args(A_prev, W, b, hparameters)
    dZ = _checks.grad_fits("dZ", dZ, (A_prev.shape[0], n_H, n_W, W.shape[3]),
                           f"A_prev {A_prev.shape}, W {W.shape}, stride {stride}, pad {pad}")
    return mod.conv_backward(dZ, A_prev, W, b, stride, pad)


def pool_forward(A_prev, hparameters, mode="max", impl="fast"):
    """Max or average pooling. hparameters: {"f": int >= 1, "stride": int >= 1}.

    Returns (A, cache): A (m, n_H, n_W, n_C) with n_H = int((n_H_prev - f) / stride) + 1,
    cache = (A_prev, hparameters).
    """
    mod = _impl(impl)
    A_prev, f, stride, n_H, n_W = _checks.pool_args(A_prev, hparameters, mode)
    return mod.pool_forward(A_prev, f, stride, n_H, n_W, mode), (A_prev, hparameters)


def create_mask_from_window(x):
    """Boolean (f, f) mask, True at the maximum of x (every tie is True)."""
    return loop.create_mask_from_window(np.asarray(x))


def distribute_value(dz, shape):
    """An array of ``shape`` (n_H, n_W) holding dz / (n_H * n_W) in every entry."""
    return loop.distribute_value(dz, tuple(shape))


def pool_backward(dA, cache, mode="max", impl="fast"):
    """Backward pooling: dA_prev shaped like A_prev, from dA (m, n_H, n_W, n_C)."""
    mod = _impl(impl)
    A_prev, hparameters = _checks.unpack_cache(cache, 2, "(A_prev, hparameters)")
    A_prev, f, stride, n_H, n_W = _checks.pool_args(A_prev, hparameters, mode)
    dA = _checks.grad_fits("dA", dA, (A_prev.shape[0], n_H, n_W, A_prev.shape[3]),
                           f"A_prev {A_prev.shape}, f {f}, stride {stride}")
    return mod.pool_backward(dA, A_prev, f, stride, mode)


__all__ = ["zero_pad", "conv_single_step", "conv_forward", "conv_backward", "pool_forward",
           "create_mask_from_window", "distribute_value", "pool_backward"]
