"""The numpy convolution: fast == loop, gradients, course names, bad input."""
import inspect

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import cnn_utils
from tf1_cnn import conv_numpy as cn

COURSE_SIGNATURES = {
    "zero_pad": ["X", "pad"],
    "conv_single_step": ["a_slice_prev", "W", "b"],
    "conv_forward": ["A_prev", "W", "b", "hparameters"],
    "conv_backward": ["dZ", "cache"],
    "pool_forward": ["A_prev", "hparameters", "mode"],
    "create_mask_from_window": ["x"],
    "distribute_value": ["dz", "shape"],
    "pool_backward": ["dA", "cache", "mode"],
}


def test_cnn_utils_exports_the_course_functions_with_their_signatures():
    for name, params in COURSE_SIGNATURES.items():
        fn = getattr(cnn_utils, name)
        got = list(inspect.signature(fn).parameters)
        assert got[:len(params)] == params, name
        # anything we add comes after the course's parameters and has a default
        extra = list(inspect.signature(fn).parameters.values())[len(params):]
        assert all(p.default is not inspect.Parameter.empty for p in extra), name
    assert inspect.signature(cnn_utils.pool_forward).parameters["mode"].default == "max"


conv_cases = st.tuples(
    st.integers(1, 3),  # m
    st.integers(1, 7), st.integers(1, 7),  # H, W
    st.integers(1, 4), st.integers(1, 4),  # C_prev, C
    st.integers(1, 4),  # f
    st.integers(1, 3),  # stride
    st.integers(0, 2),  # pad
    st.sampled_from(["course", "per_element"]),
    st.integers(0, 2**31 - 1),
).filter(lambda t: t[5] <= min(t[1], t[2]) + 2 * t[7])


def _close(a, b):
    np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12 * max(1.0, np.abs(b).max(initial=0)))


@settings(max_examples=60, deadline=None)
@given(conv_cases)
def test_conv_fast_agrees_with_loop(case):
    m, H, W_, C, K, f, s, p, bias_mode, seed = case
    rng = np.random.default_rng(seed)
    A, W, b = rng.standard_normal((m, H, W_, C)), rng.standard_normal((f, f, C, K)), rng.standard_normal((1, 1, 1, K))
    hp = {"stride": s, "pad": p}
    Zf, cache = cn.conv_forward(A, W, b, hp, bias_mode=bias_mode)
    Zl, _ = cn.conv_forward(A, W, b, hp, bias_mode=bias_mode, impl="loop")
    _close(Zf, Zl)
    dZ = rng.standard_normal(Zf.shape)
    for got, want in zip(cn.conv_backward(dZ, cache), cn.conv_backward(dZ, cache, impl="loop")):
        assert got.shape == want.shape
        _close(got, want)


pool_cases = st.tuples(
    st.integers(1, 3), st.integers(1, 7), st.integers(1, 7), st.integers(1, 3),
    st.integers(1, 4), st.integers(1, 3), st.sampled_from(["max", "average"]), st.integers(0, 2**31 - 1),
    st.booleans(),
).filter(lambda t: t[4] <= min(t[1], t[2]))


@settings(max_examples=60, deadline=None)
@given(pool_cases)
def test_pool_fast_agrees_with_loop(case):
    m, H, W_, C, f, s, mode, seed, ties = case
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((m, H, W_, C))
    if ties:  # few distinct values: windows with several maxima, where every tie gets the gradient
        A = np.round(A)
    hp = {"f": f, "stride": s}
    Af, cache = cn.pool_forward(A, hp, mode=mode)
    Al, _ = cn.pool_forward(A, hp, mode=mode, impl="loop")
    _close(Af, Al)
    dA = rng.standard_normal(Af.shape)
    _close(cn.pool_backward(dA, cache, mode=mode), cn.pool_backward(dA, cache, mode=mode, impl="loop"))


def _numeric_grad(fn, x, eps=1e-6):
    g = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        old = x[idx]
        x[idx] = old + eps
        up = fn()
        x[idx] = old - eps
        down = fn()
        x[idx] = old
        g[idx] = (up - down) / (2 * eps)
    return g


@pytest.mark.parametrize("impl", ["fast", "loop"])
@pytest.mark.parametrize("stride,pad", [(1, 0), (2, 1), (3, 2)])
def test_conv_backward_matches_finite_differences(impl, stride, pad):
    rng = np.random.default_rng(7)
    A, W, b = rng.standard_normal((2, 5, 6, 2)), rng.standard_normal((3, 3, 2, 3)), rng.standard_normal((1, 1, 1, 3))
    hp = {"stride": stride, "pad": pad}
    Z, cache = cn.conv_forward(A, W, b, hp, impl=impl)
    G = rng.standard_normal(Z.shape)  # loss = sum(Z * G), so dZ = G

    def loss():
        return float(np.sum(cn.conv_forward(A, W, b, hp, impl=impl)[0] * G))

    dA, dW, db = cn.conv_backward(G, cache, impl=impl)
    for analytic, x in ((dA, A), (dW, W), (db, b)):
        np.testing.assert_allclose(analytic, _numeric_grad(loss, x), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("impl", ["fast", "loop"])
@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("f,stride", [(2, 1), (2, 2), (3, 2)])
def test_pool_backward_matches_finite_differences(impl, mode, f, stride):
    rng = np.random.default_rng(3)
    A = rng.standard_normal((2, 6, 5, 2))  # continuous values: no ties, max is differentiable
    hp = {"f": f, "stride": stride}
    P, cache = cn.pool_forward(A, hp, mode=mode, impl=impl)
    G = rng.standard_normal(P.shape)

    def loss():
        return float(np.sum(cn.pool_forward(A, hp, mode=mode, impl=impl)[0] * G))

    np.testing.assert_allclose(cn.pool_backward(G, cache, mode=mode, impl=impl), _numeric_grad(loss, A),
                               rtol=1e-6, atol=1e-7)


def test_backward_honours_the_stride():
    # Seed 002's backward slid windows by 1 whatever the stride: with stride 2 that
    # sends gradient to positions the forward pass never read together.
    A = np.arange(16.0).reshape(1, 4, 4, 1)
    _, cache = cn.pool_forward(A, {"f": 2, "stride": 2})
    dA_prev = cn.pool_backward(np.ones((1, 2, 2, 1)), cache)
    expected = np.zeros((4, 4))
    expected[1::2, 1::2] = 1  # the max of each 2x2 block is its bottom-right corner
    np.testing.assert_array_equal(dA_prev[0, :, :, 0], expected)


def test_course_and_per_element_bias_differ_by_the_window_size():
    rng = np.random.default_rng(0)
    a, W, b = rng.standard_normal((2, 2, 3)), rng.standard_normal((2, 2, 3)), np.array([[[0.5]]])
    course = cn.conv_single_step(a, W, b)
    assert course == pytest.approx(np.sum(a * W) + 0.5)
    assert cn.conv_single_step(a, W, b, bias_mode="per_element") == pytest.approx(course + 11 * 0.5)


def test_pad_zero_keeps_dA_prev():  # the course's [pad:-pad] would give an empty array here
    rng = np.random.default_rng(1)
    A, W, b = rng.standard_normal((1, 3, 3, 1)), rng.standard_normal((2, 2, 1, 1)), np.zeros((1, 1, 1, 1))
    Z, cache = cn.conv_forward(A, W, b, {"stride": 1, "pad": 0})
    assert cn.conv_backward(np.ones_like(Z), cache)[0].shape == A.shape


A = np.zeros((2, 5, 5, 3))
W = np.zeros((3, 3, 3, 4))
B = np.zeros((1, 1, 1, 4))


@pytest.mark.parametrize("call,words", [
    (lambda: cn.conv_forward(A, np.zeros((3, 3, 2, 4)), B, {"stride": 1, "pad": 0}), ["channel mismatch", "(2, 5, 5, 3)", "(3, 3, 2, 4)"]),
    (lambda: cn.conv_forward(A, np.zeros((9, 9, 3, 4)), B, {"stride": 1, "pad": 1}), ["larger than the padded input", "(7, 7)"]),
    (lambda: cn.conv_forward(A, W, B, {"stride": 0, "pad": 0}), ["hparameters['stride']", ">= 1"]),
    (lambda: cn.conv_forward(A, W, B, {"stride": 1, "pad": -1}), ["hparameters['pad']", ">= 0"]),
    (lambda: cn.conv_forward(A, W, B, {"stride": 1}), ["'pad'"]),
    (lambda: cn.conv_forward(A[0], W, B, {"stride": 1, "pad": 0}), ["A_prev", "4-D", "(5, 5, 3)"]),
    (lambda: cn.conv_forward(A, W, np.zeros(4), {"stride": 1, "pad": 0}), ["b must have shape (1, 1, 1, 4)"]),
    (lambda: cn.pool_forward(A, {"stride": 1, "f": 0}), ["hparameters['f']", ">= 1"]),
    (lambda: cn.pool_forward(A, {"stride": 1, "f": 2}, mode="min"), ["mode", "'min'"]),
    (lambda: cn.pool_forward(A, {"stride": 1, "f": 6}), ["larger than the padded input"]),
    (lambda: cn.conv_backward(np.zeros((2, 3, 3, 5)), cn.conv_forward(A, W, B, {"stride": 1, "pad": 0})[1]),
     ["dZ has shape (2, 3, 3, 5)", "(2, 3, 3, 4)"]),
    (lambda: cn.pool_backward(np.zeros((2, 1, 1, 3)), cn.pool_forward(A, {"stride": 1, "f": 2})[1]),
     ["dA has shape (2, 1, 1, 3)", "(2, 4, 4, 3)"]),
    (lambda: cn.conv_backward(np.zeros((2, 3, 3, 4)), (A, W)), ["cache"]),
    (lambda: cn.conv_forward(A, W, B, {"stride": 1, "pad": 0}, impl="gpu"), ["impl"]),
    (lambda: cn.conv_forward(A, W, B, {"stride": 1, "pad": 0}, bias_mode="x"), ["bias_mode"]),
])
def test_bad_input_names_the_argument_and_shapes(call, words):
    with pytest.raises(ValueError) as err:
        call()
    for w in words:
        assert w in str(err.value)
