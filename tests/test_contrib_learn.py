"""tf.contrib.learn.ModeKeys (compat/contrib/learn/mode_keys.py) against real TF 1.15: its keys and validate()."""
import subprocess

from .helpers import oracle_env

CODE = """
import tensorflow as tf
M = tf.contrib.learn.ModeKeys
print(M.TRAIN, M.EVAL, M.INFER, M.validate("eval"))
try:
    M.validate("predict")
except ValueError as e:
    print(e)
"""


def test_mode_keys_as_real_tf115(tf1_oracle, tmp_path):
    real = subprocess.run([tf1_oracle("1.15"), "-c", CODE], cwd=tmp_path, env=oracle_env(), capture_output=True,
                          text=True, timeout=300)
    assert real.returncode == 0, real.stderr[-2000:]
    from tf1_cnn.compat.contrib.learn.mode_keys import ModeKeys

    lines = [" ".join(map(str, (ModeKeys.TRAIN, ModeKeys.EVAL, ModeKeys.INFER, ModeKeys.validate("eval"))))]
    try:
        ModeKeys.validate("predict")
    except ValueError as e:
        lines.append(str(e))
    assert real.stdout.splitlines()[-2:] == lines
