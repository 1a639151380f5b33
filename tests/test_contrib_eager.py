"""tf.contrib.eager (compat/contrib/eager.py) in a TF1 graph against real TF 1.15: in_eager_mode, defun (its
traces and the variables made inside), Variable, the implicit / function gradients, Saver's graph-mode refusal,
the graph-and-eager test decorators (era/tf_test_util.py: what a test skipped or failing in one mode counts as),
get_optimizer_variables; the deep import tensorflow.contrib.eager.python.tfe."""
import subprocess

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "contrib_eager.py"


def test_graph_mode_uses_as_real_tf115(tf1_oracle, tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "ours").mkdir()
    real = subprocess.run([tf1_oracle("1.15"), str(SCRIPT), str(tmp_path / "real")], cwd=tmp_path, env=oracle_env(),
                          capture_output=True, text=True, timeout=300)
    assert real.returncode == 0, real.stderr[-3000:]
    ours = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.15", "--no-report", str(SCRIPT),
                   str(tmp_path / "ours"), cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr[-3000:]
    assert len(ours.stdout.splitlines()) == 12 and ours.stdout == real.stdout


def test_tf115_names_and_what_is_not_provided():
    from tf1_cnn.compat.contrib import eager

    import tensorflow as tf

    tfe = eager.load()
    assert tfe.python.tfe is tfe
    assert tfe.in_graph_mode() is not tfe.in_eager_mode()
    with tf.Graph().as_default():
        assert tfe.in_graph_mode() is True and tfe.in_eager_mode() is False
    for name in ("defun", "Variable", "implicit_gradients", "implicit_value_and_gradients", "gradients_function",
                 "value_and_gradients_function", "Iterator", "Checkpoint", "GradientTape", "Saver",
                 "run_all_tests_in_graph_and_eager_modes", "in_eager_mode", "py_func", "make_template"):
        assert hasattr(tfe, name), name
    for name in ("Network", "metrics", "seterr"):  # deprecated in TF 1.15, gone in TF 2: a missing-name error
        assert not hasattr(tfe, name), name
