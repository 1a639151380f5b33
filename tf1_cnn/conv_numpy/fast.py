"""Vectorized convolution and pooling: im2col views, one GEMM, col2im.

No Python loop over examples, positions or channels. The only loops run over
the f*f offsets inside a window (col2im's scatter-add), so their count does
not grow with the data. Results agree with ``loop.py`` to a relative 1e-12:
the sums are the same, only their order differs.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided

from .loop import zero_pad


def windows(A, f, stride, n_H, n_W):
    """Read-only view (m, n_H, n_W, f, f, n_C) of every f x f window of A (m, H, W, n_C)."""
    s0, s1, s2, s3 = A.strides
    m, _, _, n_C = A.shape
    return as_strided(A, shape=(m, n_H, n_W, f, f, n_C),
                      strides=(s0, s1 * stride, s2 * stride, s1, s2, s3), writeable=False)


def scatter_windows(cols, out_shape, f, stride, n_H, n_W):
    """col2im: add cols (m, n_H, n_W, f, f, n_C) back into an array of out_shape.

    Overlapping windows add up, as the course's ``+=`` does.
    """
    out = np.zeros(out_shape)
    for p in range(f):
        for q in range(f):
            shifted(out, p, q, stride, n_H, n_W)[...] += cols[:, :, :, p, q, :]
    return out


def conv_forward(A_prev, W, b, stride, pad, n_H, n_W, bias_mode):
    """Z (m, n_H, n_W, n_C) as one matrix product of the im2col matrix and W."""
    m = A_prev.shape[0]
    f, _, n_C_prev, n_C = W.shape
    cols = windows(zero_pad(A_prev, pad), f, stride, n_H, n_W).reshape(m * n_H * n_W, f * f * n_C_prev)
    Z = cols @ W.reshape(f * f * n_C_prev, n_C)
    bias = b.reshape(n_C)
    if bias_mode == "per_element":
        # seed 002 adds b to each of the f*f*n_C_prev products before summing
        bias = bias * (f * f * n_C_prev)
    return (Z + bias).reshape(m, n_H, n_W, n_C)


def conv_backward(dZ, A_prev, W, b, stride, pad):
    """(dA_prev, dW, db): dW and dA through GEMMs, dA scattered back by col2im."""
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f = W.shape[0]
    _, n_H, n_W, n_C = dZ.shape
    A_pad = zero_pad(A_prev, pad)
    cols = windows(A_pad, f, stride, n_H, n_W).reshape(m * n_H * n_W, f * f * n_C_prev)
    dZ2 = dZ.reshape(m * n_H * n_W, n_C)
    dW = (cols.T @ dZ2).reshape(W.shape)
    db = dZ2.sum(axis=0).reshape(b.shape)
    dcols = (dZ2 @ W.reshape(f * f * n_C_prev, n_C).T).reshape(m, n_H, n_W, f, f, n_C_prev)
    dA_pad = scatter_windows(dcols, A_pad.shape, f, stride, n_H, n_W)
    return dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :], dW, db


def shifted(A, p, q, stride, n_H, n_W):
    """View (m, n_H, n_W, n_C) of the entry at offset (p, q) of every window of A."""
    return A[:, p:p + stride * (n_H - 1) + 1:stride, q:q + stride * (n_W - 1) + 1:stride, :]


def pool_forward(A_prev, f, stride, n_H, n_W, mode):
    """A (m, n_H, n_W, n_C): max or mean of each window, accumulated over its f*f offsets.

    Reducing f*f shifted views elementwise is several times faster than reducing
    the (f, f) axes of the 6-D window view, whose strides defeat numpy's loops.
    """
    out = shifted(A_prev, 0, 0, stride, n_H, n_W).copy()
    for p in range(f):
        for q in range(f):
            if p or q:
                view = shifted(A_prev, p, q, stride, n_H, n_W)
                if mode == "max":
                    np.maximum(out, view, out=out)
                else:
                    out += view
    return out if mode == "max" else out / (f * f)


def pool_backward(dA, A_prev, f, stride, mode):
    """dA_prev: dA routed to each window's maxima (every tie, as the course) or spread evenly."""
    _, n_H, n_W, _ = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    if mode == "max":
        A = pool_forward(A_prev, f, stride, n_H, n_W, "max")
    else:
        share = dA / (f * f)
    for p in range(f):
        for q in range(f):
            target = shifted(dA_prev, p, q, stride, n_H, n_W)
            if mode == "max":
                target += (shifted(A_prev, p, q, stride, n_H, n_W) == A) * dA
            else:
                target += share
    return dA_prev
