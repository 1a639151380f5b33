"""Argument checks shared by the loop and the fast implementations.

Each check raises ``ValueError`` naming the argument and the shapes, so a
mistake is reported where it is made and never as a broadcasting error from
deep inside numpy.
"""
import numbers

import numpy as np


def as_4d(name, x, layout="(m, n_H, n_W, n_C)"):
    """Return ``x`` as a float ndarray after checking that it is 4-D."""
    x = np.asarray(x)
    if x.ndim != 4:
        raise ValueError(f"{name} must be a 4-D array {layout}, got shape {x.shape}")
    return x


def hparam(hparameters, key, minimum):
    """Read ``hparameters[key]`` as an int >= ``minimum``."""
    if not isinstance(hparameters, dict) or key not in hparameters:
        raise ValueError(f"hparameters must be a dict with key {key!r}, got {hparameters!r}")
    value = hparameters[key]
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"hparameters[{key!r}] must be an integer, got {value!r}")
    if value < minimum:
        raise ValueError(f"hparameters[{key!r}] must be >= {minimum}, got {value}")
    return int(value)


def conv_args(A_prev, W, b, hparameters):
    """Check conv_forward's arguments; return (A_prev, W, b, stride, pad, n_H, n_W)."""
    A_prev = as_4d("A_prev", A_prev, "(m, n_H_prev, n_W_prev, n_C_prev)")
    W = as_4d("W", W, "(f, f, n_C_prev, n_C)")
    b = np.asarray(b)
    stride = hparam(hparameters, "stride", 1)
    pad = hparam(hparameters, "pad", 0)
    f, f2, n_C_prev_w, n_C = W.shape
    if f != f2 or f < 1:
        raise ValueError(f"W must hold square filters (f, f, n_C_prev, n_C), got shape {W.shape}")
    if A_prev.shape[3] != n_C_prev_w:
        raise ValueError(
            f"channel mismatch: A_prev has n_C_prev={A_prev.shape[3]} (shape {A_prev.shape}) "
            f"but W expects {n_C_prev_w} (shape {W.shape})")
    if b.shape != (1, 1, 1, n_C):
        raise ValueError(f"b must have shape (1, 1, 1, {n_C}) to match W {W.shape}, got {b.shape}")
    n_H, n_W = out_size(A_prev.shape, f, stride, pad, "filter W", W.shape)
    return A_prev, W, b, stride, pad, n_H, n_W


def pool_args(A_prev, hparameters, mode):
    """Check pool_forward's arguments; return (A_prev, f, stride, n_H, n_W)."""
    A_prev = as_4d("A_prev", A_prev, "(m, n_H_prev, n_W_prev, n_C_prev)")
    f = hparam(hparameters, "f", 1)
    stride = hparam(hparameters, "stride", 1)
    check_mode(mode)
    n_H, n_W = out_size(A_prev.shape, f, stride, 0, "pooling window f", (f, f))
    return A_prev, f, stride, n_H, n_W


def out_size(a_shape, f, stride, pad, what, w_shape):
    """Output height and width, the course's ``int((n - f + 2 pad) / stride) + 1``."""
    h, w = a_shape[1] + 2 * pad, a_shape[2] + 2 * pad
    if f > h or f > w:
        raise ValueError(
            f"{what} {tuple(w_shape)} is larger than the padded input "
            f"({h}, {w}) from A_prev {tuple(a_shape)} with pad {pad}")
    return (h - f) // stride + 1, (w - f) // stride + 1


def check_mode(mode):
    if mode not in ("max", "average"):
        raise ValueError(f"mode must be 'max' or 'average', got {mode!r}")


def check_bias_mode(bias_mode):
    if bias_mode not in ("course", "per_element"):
        raise ValueError(f"bias_mode must be 'course' or 'per_element', got {bias_mode!r}")


def check_impl(impl):
    if impl not in ("fast", "loop"):
        raise ValueError(f"impl must be 'fast' or 'loop', got {impl!r}")


def grad_fits(name, grad, expected_shape, cache_what):
    """Check that a backward pass's incoming gradient fits the forward cache."""
    grad = as_4d(name, grad)
    if grad.shape != tuple(expected_shape):
        raise ValueError(
            f"{name} has shape {grad.shape} but the cache ({cache_what}) "
            f"produces outputs of shape {tuple(expected_shape)}")
    return grad


def unpack_cache(cache, n, layout):
    try:
        parts = tuple(cache)
    except TypeError:
        parts = ()
    if len(parts) != n:
        raise ValueError(f"cache must be the tuple {layout} returned by the forward pass")
    return parts
