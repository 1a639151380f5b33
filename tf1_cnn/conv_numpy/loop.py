"""The course's loop implementations, kept as the reference.

Written as the course (seed 000) writes them: a Python loop over examples,
output positions and channels. Two departures, both deliberate:
- the backward passes slide their windows by ``stride`` (seed 002's slide by
  1 whatever the stride; with stride 1, as in its tests, nothing changes);
- ``dA_prev`` is cut out of the padded gradient with explicit bounds, so
  ``pad = 0`` works (the course's ``[pad:-pad]`` gives an empty slice there).
Arguments are checked by the public functions in ``tf1_cnn.conv_numpy``.
"""
import numpy as np


def zero_pad(X, pad):
    """Pad the height and width of X (m, n_H, n_W, n_C) with ``pad`` zeros."""
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)


def conv_single_step(a_slice_prev, W, b, bias_mode="course"):
    """One filter on one window: a_slice_prev and W (f, f, n_C_prev), b of size 1.

    ``course``: ``np.sum(a * W) + float(b)`` (seed 000 and the course).
    ``per_element``: ``np.sum(a * W + b)``, seed 002's formula, which adds the
    bias f*f*n_C_prev times; its published A2-A4 values come from it.
    """
    s = np.multiply(a_slice_prev, W)
    if bias_mode == "per_element":
        return np.sum(s + b)
    return np.sum(s) + float(np.asarray(b).reshape(-1)[0])


def conv_forward(A_prev, W, b, stride, pad, n_H, n_W, bias_mode):
    """Z (m, n_H, n_W, n_C) from A_prev (m, H, W, C), W (f, f, C, n_C), b (1, 1, 1, n_C)."""
    m = A_prev.shape[0]
    f, _, _, n_C = W.shape
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                a_slice_prev = a_prev_pad[vert_start:vert_start + f, horiz_start:horiz_start + f, :]
                for c in range(n_C):
                    # seed 002 passes b[0, 0, 0, c], the course b[:, :, :, c]: same value.
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[0, 0, 0, c], bias_mode)
    return Z


def conv_backward(dZ, A_prev, W, b, stride, pad):
    """(dA_prev, dW, db) with the shapes of (A_prev, W, b), from dZ (m, n_H, n_W, n_C)."""
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f = W.shape[0]
    _, n_H, n_W, n_C = dZ.shape
    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                a_slice = a_prev_pad[vert_start:vert_start + f, horiz_start:horiz_start + f, :]
                for c in range(n_C):
                    da_prev_pad[vert_start:vert_start + f, horiz_start:horiz_start + f, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        dA_prev[i] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]
    return dA_prev, dW, db


def create_mask_from_window(x):
    """True where x (f, f) holds its maximum (every tie is marked, as in the course)."""
    return x == np.max(x)


def distribute_value(dz, shape):
    """A (n_H, n_W) array holding dz / (n_H * n_W) everywhere."""
    (n_H, n_W) = shape
    average = dz / (n_H * n_W)
    return np.zeros(shape) + average


def pool_forward(A_prev, f, stride, n_H, n_W, mode):
    """A (m, n_H, n_W, n_C): max or mean of each f x f window of A_prev."""
    m, _, _, n_C = A_prev.shape
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                for c in range(n_C):
                    a_prev_slice = A_prev[i, vert_start:vert_start + f, horiz_start:horiz_start + f, c]
                    if mode == "max":
                        A[i, h, w, c] = np.max(a_prev_slice)
                    else:
                        A[i, h, w, c] = np.mean(a_prev_slice)
    return A


def pool_backward(dA, A_prev, f, stride, mode):
    """dA_prev (shape of A_prev) from dA (m, n_H, n_W, n_C)."""
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                for c in range(n_C):
                    rows = slice(vert_start, vert_start + f)
                    cols = slice(horiz_start, horiz_start + f)
                    if mode == "max":
                        mask = create_mask_from_window(a_prev[rows, cols, c])
                        dA_prev[i, rows, cols, c] += mask * dA[i, h, w, c]
                    else:
                        dA_prev[i, rows, cols, c] += distribute_value(dA[i, h, w, c], (f, f))
    return dA_prev
