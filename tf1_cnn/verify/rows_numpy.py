"""Rows A1-A8: the numpy convolution step by step, as seed 002 prints it.

Every setup starts from ``np.random.seed(1)`` and draws its arrays in the
seed's order. A2-A4 use seed 002's ``bias_mode="per_element"``; the course
formula gives other values there.
"""
import numpy as np

from .. import conv_numpy as cn
from .registry import EXACT, PRINTED_8, REL_NUMPY, Part, Row, parse_array

SRC = "seed 002"


def _a1(ctx):
    np.random.seed(1)
    x = np.random.randn(4, 3, 3, 2)
    x_pad = cn.zero_pad(x, 2)
    return {"x_pad.shape": x_pad.shape, "x[1,1]": x[1, 1], "x_pad[1,1]": x_pad[1, 1]}


def _a2(ctx):
    np.random.seed(1)
    a_slice_prev = np.random.randn(4, 4, 3)
    W = np.random.randn(4, 4, 3)
    b = np.random.randn(1, 1, 1)
    return {"Z": cn.conv_single_step(a_slice_prev, W, b, bias_mode="per_element")}


def _a3_setup():
    np.random.seed(1)
    A_prev = np.random.randn(10, 4, 4, 3)
    W = np.random.randn(2, 2, 3, 8)
    b = np.random.randn(1, 1, 1, 8)
    return cn.conv_forward(A_prev, W, b, {"pad": 2, "stride": 1}, bias_mode="per_element")


def _a3(ctx):
    Z, cache_conv = _a3_setup()
    return {"mean(Z)": np.mean(Z), "cache_conv[0][1][2][3]": cache_conv[0][1][2][3]}


def _a4(ctx):
    Z, cache_conv = _a3_setup()
    dA, dW, db = cn.conv_backward(Z, cache_conv)
    return {"dA_mean": np.mean(dA), "dW_mean": np.mean(dW), "db_mean": np.mean(db)}


def _a5(ctx):
    np.random.seed(1)
    A_prev = np.random.randn(2, 4, 4, 3)
    hp = {"f": 4, "stride": 1}
    return {mode: cn.pool_forward(A_prev, hp, mode=mode)[0] for mode in ("max", "average")}


def _a6(ctx):
    np.random.seed(1)
    return {"mask": cn.create_mask_from_window(np.random.randn(2, 3))}


def _a7(ctx):
    return {"a": cn.distribute_value(2, (2, 2))}


def _a8(ctx):
    np.random.seed(1)
    A_prev = np.random.randn(5, 5, 3, 2)
    _, cache = cn.pool_forward(A_prev, {"stride": 1, "f": 2})
    dA = np.random.randn(5, 4, 2, 2)
    return {"mean(dA)": np.mean(dA),
            "max dA_prev[1,1]": cn.pool_backward(dA, cache, mode="max")[1, 1],
            "average dA_prev[1,1]": cn.pool_backward(dA, cache, mode="average")[1, 1]}


A5_MAX = "[[[[1.74481176 1.6924546 2.10025514]]] [[[1.19891788 1.51981682 2.18557541]]]]"
A5_AVG = "[[[[-0.09498456 0.11180064 -0.14263511]]] [[[-0.09525108 0.28325018 0.33035185]]]]"
A8_MAX = "[[0 0] [5.05844394 -1.68282702] [0 0]]"
A8_AVG = "[[0.08485462 0.2787552] [1.26461098 -0.25749373] [1.17975636 -0.53624893]]"

ROWS = (
    Row("A1", SRC, "zero_pad(randn(4,3,3,2), 2)", "shape (4,7,7,2); x[1,1]; x_pad[1,1]=0",
        (Part("x_pad.shape", (4, 7, 7, 2), EXACT),
         Part("x[1,1]", parse_array("[[0.90085595 -0.68372786] [-0.12289023 -0.93576943] [-0.26788808 0.53035547]]"), PRINTED_8),
         Part("x_pad[1,1]", np.zeros((7, 2)), EXACT)), _a1),
    Row("A2", SRC, "conv_single_step, bias per element", "-23.16021220252078",
        (Part("Z", -23.16021220252078, REL_NUMPY),), _a2),
    Row("A3", SRC, "conv_forward (10,4,4,3)*(2,2,3,8) pad 2, bias per element",
        "mean(Z)=0.15585932488906465",
        (Part("mean(Z)", 0.15585932488906465, REL_NUMPY),
         Part("cache_conv[0][1][2][3]", parse_array("[-0.20075807 0.18656139 0.41005165]"), PRINTED_8)), _a3),
    Row("A4", SRC, "conv_backward of A3 with dZ = Z", "dA 9.6089906..., dW 10.581741..., db 76.371069...",
        (Part("dA_mean", 9.608990675868995, REL_NUMPY),
         Part("dW_mean", 10.581741275547566, REL_NUMPY),
         Part("db_mean", 76.37106919563735, REL_NUMPY)), _a4),
    Row("A5", SRC, "pool_forward randn(2,4,4,3), f 4, stride 1", "max / average arrays",
        (Part("max", parse_array(A5_MAX), PRINTED_8), Part("average", parse_array(A5_AVG), PRINTED_8)), _a5),
    Row("A6", SRC, "create_mask_from_window(randn(2,3))", "[[T F F] [F F F]]",
        (Part("mask", parse_array("[[True False False] [False False False]]"), EXACT),), _a6),
    Row("A7", SRC, "distribute_value(2, (2,2))", "[[0.5 0.5] [0.5 0.5]]",
        (Part("a", parse_array("[[0.5 0.5] [0.5 0.5]]"), REL_NUMPY),), _a7),
    Row("A8", SRC, "pool_backward, A_prev randn(5,5,3,2), f 2, stride 1", "mean(dA)=0.14571390272918056; dA_prev[1,1]",
        (Part("mean(dA)", 0.14571390272918056, REL_NUMPY),
         Part("max dA_prev[1,1]", parse_array(A8_MAX), PRINTED_8),
         Part("average dA_prev[1,1]", parse_array(A8_AVG), PRINTED_8)), _a8),
)
