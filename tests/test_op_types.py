"""op_types.py: Add / BatchMatMul / FusedBatchNorm where TF 1.3.0, 1.4.1, 1.15.5 built them (oracle)."""
import collections

import pytest
import tensorflow as tf

from tf1_cnn.compat import settings
from tf1_cnn.compat.graph import op_structure, op_types
from tf1_cnn.compat.facade import tf1

from .oracle_graphs import VERSIONS, oracle_ops, runtime_ops

SNIPPETS = {
    "add": "a = tf.placeholder(tf.float32, [None, 3], name='a')\n"
           "b = a + 1.0\n"                      # `+`: Add on 1.3/1.4, AddV2 on 1.15
           "c = tf.add(a, b)\n"                  # tf.add: Add everywhere
           "d = tf.random_uniform([3], -1.0, 1.0) + tf.truncated_normal([3])\n"  # math_ops.add inside both
           "e = tf.nn.sigmoid_cross_entropy_with_logits(labels=a, logits=b)\n"
           "g = tf.gradients(tf.reduce_sum(c * d + e), [a])\n",
    "matmul": "a = tf.placeholder(tf.float32, [None, 3, 4], name='a')\n"
              "b = tf.placeholder(tf.float32, [None, 4, 2], name='b')\n"
              "tf.matmul(a, b); tf.matmul(a, a, transpose_b=True)\n",
    "fused_batch_norm": "x = tf.placeholder(tf.float32, [2, 4, 4, 3], name='x')\n"
                        "y, m, v = tf.nn.fused_batch_norm(x, tf.ones([3]), tf.zeros([3]), is_training=True)\n",
    "iterator": "data = tf.data if hasattr(tf, 'data') else tf.contrib.data\n"  # TF 1.3: contrib.data
                "ds = data.Dataset.from_tensor_slices(tf.zeros([4, 2]))\n"
                "it = data.Iterator.from_structure(ds.output_types, ds.output_shapes)\n"
                "it.make_initializer(ds); it.get_next()\n",
}
# The types op_types.py decides. Other types differ only with another structure (the gradients'
# static shapes: Shape vs Const; grad_ys: Const vs Fill): op_structure.py's part.
MAPPED = {"Add", "AddV2", "BatchMatMul", "BatchMatMulV2", "FusedBatchNorm", "FusedBatchNormV3",
          "FusedBatchNormGrad", "FusedBatchNormGradV3", "Iterator", "IteratorV2"}


@pytest.fixture(scope="module")
def oracle(tf1_oracle):
    return {v: oracle_ops(tf1_oracle(v), SNIPPETS) for v in VERSIONS}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("snippet", sorted(SNIPPETS))
def test_op_types_are_tf1s(oracle, version, snippet):
    expected = dict(oracle[version][snippet])
    got = dict(runtime_ops(version, {snippet: SNIPPETS[snippet]})[snippet])
    mapped = [n for n in expected if expected[n] in MAPPED]
    assert mapped
    assert {n: got.get(n) for n in mapped} == {n: expected[n] for n in mapped}
    assert sorted(n for n in got if got[n] in MAPPED and n not in expected) == []


def test_the_oracle_tells_the_versions_apart(oracle):
    types = {v: collections.Counter(t for _, t in oracle[v]["add"]) for v in oracle}
    assert types["1.3"]["AddV2"] == 0 and types["1.3"]["Add"] > 0
    assert types["1.15"]["AddV2"] > 0 and types["1.15"]["Add"] > 0  # `+` AddV2, tf.add Add
    assert dict(oracle["1.15"]["add"])["add"] == "AddV2" and dict(oracle["1.15"]["add"])["Add_1"] == "Add"
    assert dict(oracle["1.3"]["matmul"])["MatMul"] == "BatchMatMul"
    assert dict(oracle["1.15"]["matmul"])["MatMul"] == "BatchMatMulV2"
    assert dict(oracle["1.15"]["fused_batch_norm"])["FusedBatchNormV3"] == "FusedBatchNormV3"
    assert "Iterator" in dict(oracle["1.3"]["iterator"]) and "IteratorV2" in dict(oracle["1.15"]["iterator"])


def _types(seed_rule, version, build):
    op_types.patch()
    with tf.Graph().as_default() as g, settings.using(seed_rule, version), op_structure.v1_behavior():
        build()
    return [op.type for op in g.get_operations()]


def test_same_count_and_inputs_only_the_type_changes():
    def build():
        a = tf1.placeholder(tf.float32, [2, 3, 3])
        tf1.matmul(a, a) + a

    tf1_types, tf2_types = _types("tf1", "1.3", build), _types("tf2", "1.3", build)
    assert tf2_types == ["Placeholder", "BatchMatMulV2", "AddV2"]  # TF 2's behaviour untouched under "tf2"
    assert tf1_types == ["Placeholder", "BatchMatMul", "Add"]


def test_broadcasting_batch_matmul_stays_v2():
    """BatchMatMul (TF 1.3/1.4) cannot broadcast: a broadcasting product keeps TF 2.21's op."""
    def build():
        tf1.matmul(tf1.placeholder(tf.float32, [2, 3, 3]), tf1.placeholder(tf.float32, [1, 3, 3]))

    assert _types("tf1", "1.3", build)[-1] == "BatchMatMulV2"


def test_fused_batch_norm_v1_computes_as_v3():
    import numpy as np

    x = np.random.default_rng(0).normal(size=(2, 4, 4, 3)).astype(np.float32)
    results = []
    for version in ("1.3", "1.15"):
        op_types.patch()
        with tf.Graph().as_default(), settings.using("tf1", version), op_structure.v1_behavior():
            inp = tf1.constant(x)
            y, mean, var = tf1.nn.fused_batch_norm(inp, tf1.ones([3]), tf1.zeros([3]), is_training=True)
            grad = tf1.gradients(tf1.reduce_sum(y * y), inp)[0]
            with tf1.Session() as sess:
                results.append((y.op.type, *sess.run([y, mean, var, grad])))
    assert [r[0] for r in results] == ["FusedBatchNorm", "FusedBatchNormV3"]
    for a, b in zip(results[0][1:], results[1][1:]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5)


def test_five_dimensional_fused_batch_norm_stays_v3():
    """FusedBatchNorm (TF 1.3/1.4) has only the 4-D formats: a Conv3D's NDHWC batch norm keeps V3."""
    from tensorflow.python.ops import gen_nn_ops

    def build():
        x = tf1.placeholder(tf.float32, [2, 4, 4, 4, 3])
        gen_nn_ops.fused_batch_norm_v3(x, tf1.ones([3]), tf1.zeros([3]), tf1.zeros([0]), tf1.zeros([0]),
                                       data_format="NDHWC", is_training=True)

    assert "FusedBatchNormV3" in _types("tf1", "1.3", build)
