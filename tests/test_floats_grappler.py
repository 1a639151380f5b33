"""The float mode's graph optimizers in TF 1.15's order (tf1_cnn/compat/floats/grappler.py).

The executed graph of a product chain that TF 2.21's default pipeline reassociates otherwise than
TF 1.15.5 did: the expected wiring was recorded from TF 1.15.5's partition graphs
(``RunOptions(output_partition_graphs=True)``) of the same script, by default and with constant
folding off; the runtime's partition graphs under ``--tf1-floats`` must wire the products the same way.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = '''
import numpy as np
import tensorflow as tf
rs = np.random.RandomState(0)
X = rs.rand(32, 20).astype(np.float32); L = rs.randint(0, 5, 32).astype(np.int64)
x = tf.placeholder(tf.float32, [None, 20]); y = tf.placeholder(tf.int64, [None])
W = tf.Variable(np.full((20, 5), 0.01, np.float32), name='W')
logits = tf.exp(0.3 * tf.matmul(x, W))
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
for variant in ('default', 'noconst'):
    cfg = tf.ConfigProto(intra_op_parallelism_threads=1, inter_op_parallelism_threads=1)
    if variant == 'noconst':
        cfg.graph_options.rewrite_options.constant_folding = 2  # OFF
    with tf.Session(config=cfg) as sess:
        sess.run(tf.global_variables_initializer())
        md = tf.RunMetadata()
        sess.run(train, {x: X, y: L}, options=tf.RunOptions(output_partition_graphs=True), run_metadata=md)
        for g in md.partition_graphs:
            for n in g.node:
                if n.op == 'Mul' and n.name.startswith('gradients/'):
                    print(variant, n.name, ' '.join(n.input))
'''
SX = "gradients/SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits_grad/"
BACKPROP = "SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits:1"
# TF 1.15.5's partition graphs of SCRIPT (recorded): ((backprop * c1) * exp) * 0.3 executed as
# (backprop * 0.3) * (exp * c1) by default (TF 2.21's own pipeline: backprop * (exp * (c1 * 0.3))), and
# as (backprop * (exp * c1)) * 0.3 without constant folding.
TF1_15 = {
    "default": {
        "gradients/Exp_grad/mul": f"{BACKPROP} mul/x",
        SX + "mul": f"Exp {SX}ExpandDims",
        "gradients/mul_grad/Mul_1": f"gradients/Exp_grad/mul {SX}mul",
    },
    "noconst": {
        SX + "mul": f"Exp {SX}ExpandDims",
        "gradients/Exp_grad/mul": f"{BACKPROP} {SX}mul",
        "gradients/mul_grad/Mul_1": "gradients/Exp_grad/mul mul/x",
    },
}


def test_tf1_15_order_and_the_users_toggles():
    from tensorflow.core.protobuf import rewriter_config_pb2

    from tf1_cnn.compat.floats import grappler

    rc = rewriter_config_pb2.RewriterConfig
    names = grappler.optimizers(rc())
    assert names.index("constfold") < names.index("common_subgraph_elimination") == names.index("arithmetic") - 1
    off = grappler.optimizers(rc(arithmetic_optimization=rc.OFF, constant_folding=rc.OFF))
    assert "arithmetic" not in off and "common_subgraph_elimination" not in off and "constfold" not in off
    from tensorflow.core.protobuf import config_pb2

    own = config_pb2.ConfigProto()
    own.graph_options.rewrite_options.optimizers.append("constfold")
    assert grappler.config_for("", own) is own  # a config naming its own optimizers is left as it is
    plain = config_pb2.ConfigProto(intra_op_parallelism_threads=1)
    new = grappler.config_for("", plain)
    assert list(new.graph_options.rewrite_options.optimizers) == names
    assert not plain.graph_options.rewrite_options.optimizers  # the caller's config is not changed
    assert grappler.config_for("grpc://x:1", plain) is plain


def test_executed_products_as_tf1_15(tf1_floats_library, tmp_path):
    script = tmp_path / "chain.py"
    script.write_text(SCRIPT)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, "-m", "tf1_cnn", "legacy", "--tf1-version", "1.15", "--tf1-floats",
                          "--no-report", str(script)], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, timeout=300, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    got = {}
    for line in res.stdout.strip().splitlines():
        variant, name, inputs = line.split(" ", 2)
        got.setdefault(variant, {})[name] = inputs
    assert got == TF1_15
