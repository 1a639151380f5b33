"""tf.contrib.rnn's block cells (compat/contrib/rnn/block_cells.py) against real TF 1.15: a TF 1.15 checkpoint
restores (same variable names and shapes), and from its values the outputs, final states and gradients agree.
Their ops, names and seeds: the contrib_* op-table cases (tests/test_op_tables.py, oracle/op_cases_contrib.py)."""
import ast
import subprocess

import numpy as np

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "contrib_block_cells.py"


def _parse(stdout):
    out = {}
    for line in stdout.splitlines():
        kind, _, rest = line.partition(" ")
        if kind in ("var", "out", "grad", "loss"):
            name, _, value = rest.partition(" ")
            out[(kind, name)] = ast.literal_eval(value) if value else float(name)
    return out


def test_tf115_checkpoint_restores_and_cells_compute_the_same(tf1_oracle, tmp_path):
    real = subprocess.run([tf1_oracle("1.15"), str(SCRIPT), "save", str(tmp_path / "ckpt" / "model")], cwd=tmp_path,
                          env=oracle_env(), capture_output=True, text=True, timeout=600)
    assert real.returncode == 0, real.stderr[-3000:]
    ours = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(SCRIPT), "restore", str(tmp_path / "ckpt" / "model"),
                   cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr[-3000:]
    want, got = _parse(real.stdout), _parse(ours.stdout)
    assert set(want) == set(got) and len([k for k in want if k[0] == "var"]) == 22
    assert ("var", "gru_v2/rnn/gru_cell/gates/kernel") in want and ("var", "fused/lstm_fused_cell/kernel") in want
    for key in want:
        if key[0] == "var":
            assert got[key] == want[key], key
        else:  # values printed rounded (5 decimals; gradients 4): a last-digit flip at most
            a = np.array(want[key], dtype=object if key[0] == "out" else float)
            b = np.array(got[key], dtype=object if key[0] == "out" else float)
            for x, y in zip(np.atleast_1d(a), np.atleast_1d(b)):
                np.testing.assert_allclose(np.asarray(y, float), np.asarray(x, float), atol=2e-4, err_msg=str(key))


def test_gradients_are_the_kernels_derivatives():
    """The two gradients the runtime registers (TF 2.21 has none for LSTMBlockCell / GRUBlockCell) against finite
    differences, in a plain TF 2.21 graph."""
    import tensorflow as tf

    from tf1_cnn.compat.contrib.rnn import block_cells

    classes = block_cells.build_classes()
    for make in (lambda: classes["LSTMBlockCell"](3, use_peephole=True),
                 lambda: classes["GRUBlockCell"](3)):
        with tf.Graph().as_default():
            x = tf.constant(np.random.RandomState(0).randn(2, 4).astype(np.float32))
            cell = make()
            with tf.compat.v1.variable_scope("ref", use_resource=False):  # TF 1.x's variables: a /read to perturb
                out, _ = cell(x, cell.zero_state(2, tf.float32))
            graph = tf.compat.v1.get_default_graph()
            with tf.compat.v1.Session() as sess:
                sess.run(tf.compat.v1.global_variables_initializer())
                for var in cell.trainable_variables + [x]:
                    t = x if var is x else graph.get_tensor_by_name(var.op.name + "/read:0")
                    error = tf.compat.v1.test.compute_gradient_error(t, var.shape.as_list(), out, [2, 3])
                    assert error < 1e-3, (type(cell).__name__, var.name, error)
