"""``compare --exact`` (tf1_cnn/oracle/exact.py, exact_probe.py): the first bit that leaves TF 1.15, and its op.

The rules (digests, the first differing run, the op that differs from identical inputs, ULPs) are
tested on made-up records; two oracle runs check the whole: a small training's first difference is
its Exp op, and in the TF 1.x float mode the same training is bit-identical at every session run.
"""
import ast
import os

import numpy as np
import pytest

from tf1_cnn.oracle import exact, exact_probe

from .test_oracle_compare import compare, write

# Exp of a product into softmax cross-entropy and GradientDescent: the product is TF 1.15's bit for bit in
# every mode, Exp is not (../shared/drift); the float mode has TF 1.15's Exp, Sum, Mean and cross-entropy.
# No MatMul: under ONEDNN_MAX_CPU_ISA=AVX2 TF 2.21's Eigen MatMul reaches oneDNN's ISA-chosen kernels.
EXP_TRAINING = """\
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(1)
x = tf.constant((rng.randn(64, 4) * 3).astype(np.float32))
y = tf.constant(np.eye(4, dtype=np.float32)[rng.randint(0, 4, 64)])
w = tf.Variable(rng.randn(4).astype(np.float32) * 0.5, name="w")
h = tf.exp(x * w)
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=h))
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(3):
        _, l = sess.run([train, loss])
        print(step, l)
"""


def test_digest_is_dtype_shape_and_bits():
    a = np.array([1.0, 2.0], np.float32)
    assert exact_probe.digest(a).startswith("<f4[2]:")
    assert exact_probe.digest(a) == exact_probe.digest(a.copy())
    assert exact_probe.digest(a) != exact_probe.digest(np.nextafter(a, 3).astype(np.float32))
    assert exact_probe.digest(a) != exact_probe.digest(a.astype(np.float64))
    assert exact_probe.digest(None) is None
    assert exact_probe.digest(np.array([b"a", b"b"], dtype=object)) != exact_probe.digest(np.array([b"a"], dtype=object))


def test_leaves_flatten_fetch_results_in_a_fixed_order():
    assert exact_probe.leaves([None, (1, 2), {"b": 3, "a": 4}]) == [
        ("[0]", None), ("[1][0]", 1), ("[1][1]", 2), ("[2]['a']", 4), ("[2]['b']", 3)]
    assert exact_probe.leaves(5) == [("[]", 5)]


def test_exact_probe_is_python36_code():
    with open(exact_probe.__file__) as f:
        ast.parse(f.read(), feature_version=(3, 6))


def _run(n, fetched, variables):
    return {"run": n, "fetched": [[f"[{i}]", d] for i, d in enumerate(fetched)], "variables": variables}


def test_first_difference_names_the_run_its_fetches_and_variables():
    a = [_run(1, [None], None), _run(2, [None, "x"], {"w": "1", "b": "1"}), _run(3, [None, "y"], {"w": "2", "b": "2"})]
    b = [_run(1, [None], None), _run(2, [None, "x"], {"w": "1", "b": "9"}), _run(3, [None, "z"], {"w": "3", "b": "3"})]
    assert exact.first_difference(a, b) == {"run": 2, "fetched": [], "variables": ["b"]}
    assert exact.first_difference(a, a) is None
    assert exact.first_difference(a, a[:2]) == {"run": 3, "fetched": [], "variables": [], "missing": "runtime"}
    assert exact.first_difference(a[2:], b[2:])["fetched"] == ["[1]"]


def test_ulp_distance_counts_representable_floats_across_zero():
    one = np.array([1.0], np.float32)
    assert exact.ulp_distance(one, np.nextafter(one, 2, dtype=np.float32)) == 1
    tiny = np.array([np.float32(1e-45)], np.float32)  # the smallest subnormal: -tiny, -0, +0, tiny
    assert exact.ulp_distance(tiny, -tiny) == 2
    assert exact.ulp_distance(np.array([3], np.int32), np.array([4], np.int32)) is None


def _dump(tensors, arrays, updates=()):
    meta = {"tensors": [dict(t, key=t["tensor"]) for t in tensors], "updates": list(updates), "error": None}
    return meta, arrays


def test_cause_is_the_first_op_differing_from_identical_inputs():
    tensors = [{"tensor": "x:0", "op": "x", "type": "Const", "inputs": [], "index": 0},
               {"tensor": "Exp:0", "op": "Exp", "type": "Exp", "inputs": ["x:0"], "index": 1},
               {"tensor": "Sum:0", "op": "Sum", "type": "Sum", "inputs": ["Exp:0", "c:0"], "index": 2}]
    x = np.linspace(0, 1, 8, dtype=np.float32)
    e = np.exp(x)
    e2 = e.copy()
    e2[3] = np.nextafter(e2[3], 9, dtype=np.float32)
    a = _dump(tensors, {"x:0": x, "Exp:0": e, "Sum:0": e.sum(keepdims=True)})
    b = _dump(tensors, {"x:0": x, "Exp:0": e2, "Sum:0": e2.sum(keepdims=True) + 1})
    c = exact.cause(a, b)
    assert c["compared"] == 3 and c["differ"] == 2
    assert c["first_cause"]["op"] == "Exp" and c["first_cause"]["elements"] == [1, 8]
    assert c["first_cause"]["ulp"] == 1 and c["first_cause"]["inputs_dumped"] == [1, 1]


def test_when_every_tensor_agrees_the_updates_are_the_cause():
    tensors = [{"tensor": "g:0", "op": "g", "type": "Const", "inputs": [], "index": 0}]
    updates = [{"op": "Adam/update_w/ApplyAdam", "type": "ApplyAdam", "variables": ["w"]},
               {"op": "Adam/update_b/ApplyAdam", "type": "ApplyAdam", "variables": ["b"]}]
    a = _dump(tensors, {"g:0": np.ones(2)}, updates)
    c = exact.cause(a, a, variables=["w"])
    assert c["differ"] == 0 and c["first_cause"] is None
    assert c["updates"] == [("ApplyAdam", "Adam/update_w/ApplyAdam")]
    lines = exact.format_exact({"runs": [5, 5], "first": {"run": 3, "fetched": [], "variables": ["w"]}, "cause": c},
                               {"tf1": "TF 1.15.5", "runtime": "runtime 1.15"})
    assert lines[0].startswith("exact: session run 3 is the first that differs")
    assert lines[-1].endswith("rewrites less): Adam/update_w/ApplyAdam (ApplyAdam)")


# --- with the oracle ---------------------------------------------------------------------------

def test_exact_finds_the_exp_that_leaves_tf1_15(tf1_oracle, tmp_path, capsys, monkeypatch):
    tf1_oracle("1.15")
    monkeypatch.delenv("TF1_CNN_TF1_FLOATS", raising=False)
    script = write(tmp_path / "code", "exp_training.py", EXP_TRAINING)
    status, out, _ = compare(["--tf1", "1.15", "--exact", str(script)], capsys)
    assert status == 1, out
    assert "graphs: identical at every session run" in out
    # run 1 initializes, run 2's step computes the same bits (TF 2.21's Exp agrees on those 256 values);
    # the step of run 3 is the first whose Exp does not
    assert "exact: session run 3 is the first that differs" in out, out
    assert "variables that differ after it: w" in out
    causes = out.split("ops that differ from identical inputs (")[1].splitlines()
    assert causes[1].strip().startswith("Exp (Exp): "), out  # the first in the graph's order


def test_exact_finds_the_float_mode_bit_identical(tf1_oracle, tf1_floats_library, tmp_path, capsys, monkeypatch):
    tf1_oracle("1.15")
    monkeypatch.setenv("TF1_CNN_TF1_FLOATS", "1")
    script = write(tmp_path / "code", "exp_training.py", EXP_TRAINING)
    status, out, _ = compare(["--tf1", "1.15", "--exact", str(script)], capsys)
    assert "exact: all 4 session runs bit-identical" in out, out
    assert status == 0, out


def test_a_nan_of_other_bits_is_a_difference_reported_apart():
    entry = {"tensor": "t:0", "op": "t", "type": "Op"}
    nan = np.float32(np.nan)
    a = np.array([1, nan, 2], np.float32)
    b = np.array([1, -nan, np.nextafter(np.float32(2), np.float32(3))], np.float32)
    d = exact._difference(entry, a, b)
    assert d["elements"] == [2, 3] and d["nan_bits"] == 1 and d["ulp"] == 1
    assert exact._difference(entry, a, a.copy())["elements"] == [0, 3]
