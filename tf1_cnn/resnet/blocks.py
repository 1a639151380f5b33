"""The residual blocks of seed 001 (the course), from raw graph ops.

identity block:       X -> conv 1x1 valid -> BN -> relu -> conv fxf same -> BN -> relu
                        -> conv 1x1 valid -> BN -> (+ X) -> relu
convolutional block:  the same main path with stride s on its first conv, and a
                      shortcut conv 1x1 stride s valid -> BN, added before the last relu

Layer names follow the course (``res2a_branch2a``, ``bn2a_branch2a``, ...) or seed
003 (``2a_identity_block_conv1``, ``2a_conv_block_res_conv``, ...).
"""
from . import layers as L

NAMES = ("course", "seed003")


def _names(stage, block, kind, names):
    """{branch: (conv name, bn name)} for branches 2a, 2b, 2c and the shortcut 1."""
    if names == "course":
        conv, bn = f"res{stage}{block}_branch", f"bn{stage}{block}_branch"
        return {b: (conv + b, bn + b) for b in ("2a", "2b", "2c", "1")}, None
    base = f"{stage}{block}_{kind}_block_"
    out = {b: (f"{base}conv{i}", f"{base}bn{i}") for i, b in ((1, "2a"), (2, "2b"), (3, "2c"))}
    out["1"] = (f"{base}res_conv", f"{base}res_bn")
    return out, base


def _main_path(X, f, filters, n, base, training, s):
    F1, F2, F3 = filters
    relu = (lambda x, i: L.activation(x, f"{base}relu{i}" if base else None))
    X = relu(L.batch_norm(L.conv2d(X, F1, 1, s, "valid", n["2a"][0]), n["2a"][1], training), 1)
    X = relu(L.batch_norm(L.conv2d(X, F2, f, 1, "same", n["2b"][0]), n["2b"][1], training), 2)
    return L.batch_norm(L.conv2d(X, F3, 1, 1, "valid", n["2c"][0]), n["2c"][1], training)


def identity_block(X, f, filters, stage, block, training=False, names="course"):
    """Identity block: X (m, H, W, F3) -> (m, H, W, F3). filters = [F1, F2, F3]; f the middle kernel."""
    n, base = _names(stage, block, "identity", names)
    if int(X.shape[-1]) != filters[2]:
        raise ValueError(f"identity_block {stage}{block}: input has {X.shape[-1]} channels, F3 is {filters[2]}")
    out = L.add(_main_path(X, f, filters, n, base, training, 1), X, f"{base}add" if base else None)
    return L.activation(out, f"{base}relu4" if base else None)


def convolutional_block(X, f, filters, stage, block, s=2, training=False, names="course"):
    """Convolutional block: X (m, H, W, C) -> (m, ceil(H / s), ceil(W / s), F3)."""
    n, base = _names(stage, block, "conv", names)
    main = _main_path(X, f, filters, n, base, training, s)
    shortcut = L.batch_norm(L.conv2d(X, filters[2], 1, s, "valid", n["1"][0]), n["1"][1], training)
    out = L.add(main, shortcut, f"{base}add" if base else None)
    return L.activation(out, f"{base}relu4" if base else None)
