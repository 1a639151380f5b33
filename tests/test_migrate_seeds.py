"""What migrate's seeds rest on, against real TF 1.x: with the op seed written explicitly, stock
TF 2.21 (tf.compat.v1, graph mode) draws TF 1.x's values, and dropout_tf1 keeps TF 1.x's dropout."""
import os
import subprocess
import sys

import numpy as np

from tf1_cnn.migrate import helpers, verify

DRAWS = """
import numpy as np
{imports}
tf.set_random_seed(3)
ops = [tf.random_uniform([5], seed=45), tf.truncated_normal([5], stddev=0.1, seed=7),
       tf.random_normal([5], seed=9), {xavier}([2, 3]),
       tf.glorot_uniform_initializer(seed=12)([3, 2]),
       {dropout}(tf.ones([8]) * 2.0, tf.constant(0.6), seed=99)]
with tf.Session() as s:
    for v in s.run(ops):
        print(" ".join(repr(float(x)) for x in np.ravel(v)))
"""


def _run(exe, code, env, cwd):
    proc = subprocess.run([exe, "-c", code], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return [[float(x) for x in line.split()] for line in proc.stdout.splitlines()]


def test_explicit_op_seeds_draw_tf1s_values_on_plain_tf2(tf1_oracle, tmp_path):
    tf1 = _run(tf1_oracle("1.4"), DRAWS.format(imports="import tensorflow as tf",
                                               xavier="tf.contrib.layers.xavier_initializer(seed=45)",
                                               dropout="tf.nn.dropout"),
               dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"), tmp_path)
    (tmp_path / f"{helpers.NAME}.py").write_text(helpers.module_text({"dropout_tf1"}))
    tf2 = _run(sys.executable, DRAWS.format(
        imports="import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\nimport tf_slim\n"
                f"from {helpers.NAME} import dropout_tf1",
        xavier="tf_slim.xavier_initializer(seed=45)", dropout="dropout_tf1"), verify.plain_env(), tmp_path)
    assert len(tf1) == len(tf2) == 6
    for a, b in zip(tf1, tf2):
        np.testing.assert_allclose(b, a, rtol=0, atol=1e-7)
    assert tf1[5] != [tf1[5][0]] * 8  # dropout kept some and dropped some: the test can tell


def test_seed004_migrated_prints_tf1_4s_own_training_lines(tf1_oracle, tmp_path):
    """Seed 004's MNIST ResNet (with a graph seed: as published it has none, and TF 1.x drew at random),
    on real TF 1.4.1 and, migrated, on plain TF 2.21: the same scopes and training-accuracy lines."""
    from tf1_cnn.oracle import envs

    from .helpers import ROOT, run_cli
    from .test_input_data import write_idx

    write_idx(tmp_path / "mnist", n_train=60, n_test=20)
    text = (ROOT / "tests" / "legacy_scripts" / "seed004_resnet.py").read_text().replace(
        "import tensorflow as tf\n", "import tensorflow as tf\ntf.set_random_seed(0)\n", 1)
    (tmp_path / "s.py").write_text(text)
    args = [str(tmp_path / "mnist"), "201"]
    tf1 = subprocess.run([tf1_oracle("1.4"), "s.py", *args], cwd=tmp_path, capture_output=True, text=True,
                         timeout=600, env=dict(envs.oracle_environ(), TF_CPP_MIN_LOG_LEVEL="3"))
    assert tf1.returncode == 0, tf1.stderr
    proc = run_cli("-m", "tf1_cnn", "migrate", "s.py", "-o", "m.py", "--tf1-version", "1.4", "--args", *args,
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    code, out, err = verify.run_plain(tmp_path / "m.py", args, timeout=600, cwd=tmp_path)
    assert code == 0, err
    lines = lambda text: [l for l in text.splitlines() if l.startswith(("scopes", "step"))]  # noqa: E731
    assert len(lines(tf1.stdout)) == 4 and lines(out) == lines(tf1.stdout), (tf1.stdout, out)
