"""tf.contrib.tpu and tf.contrib.cluster_resolver (compat/contrib/tpu.py, cluster_resolver.py): TPUEstimator on
the CPU (use_tpu=False) against real TF 1.15, TF 1.15's deep import paths, use_tpu=True a one-line error."""
import subprocess

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "contrib_tpu.py"


def _facts(stdout):
    keys = ("context", "same", "resolver", "bfloat16_scope", "evaluate", "predict", "export")
    return [line for line in stdout.splitlines() if line.startswith(keys)]


def test_tpu_estimator_on_the_cpu_as_real_tf115(tf1_oracle, tmp_path):
    """Training, evaluation, prediction and export: the same numbers and files as TF 1.15's TPUEstimator."""
    ours = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(SCRIPT), str(tmp_path / "ours"), cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr[-3000:]
    facts = _facts(ours.stdout)
    assert len(facts) == 7 and facts[1] == "same True True True True" and facts[0] == "context None True True"
    real = subprocess.run([tf1_oracle("1.15"), str(SCRIPT), str(tmp_path / "real")], cwd=tmp_path, env=oracle_env(),
                          capture_output=True, text=True, timeout=600)
    assert real.returncode == 0, real.stderr[-3000:]
    assert facts == _facts(real.stdout)


def test_use_tpu_true_is_one_line_and_status_2(tmp_path):
    script = tmp_path / "tpu_true.py"
    script.write_text("import tensorflow as tf\n"
                      "tf.contrib.tpu.TPUEstimator(model_fn=lambda features, labels, mode, params: None,\n"
                      "                            config=tf.contrib.tpu.RunConfig(), train_batch_size=8)\n")
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(script))
    assert proc.returncode == 2
    assert "TPUEstimator(use_tpu=True): there is no TPU here" in proc.stderr and "Traceback" not in proc.stderr


def test_what_tf115_had_and_tf2_lost_is_a_named_error():
    from tf1_cnn.compat.contrib import tpu

    module = tpu.load()
    assert {"TPUEstimator", "TPUEstimatorSpec", "RunConfig", "TPUConfig", "CrossShardOptimizer", "bfloat16_scope",
            "shard", "rewrite", "cross_replica_sum", "infeed_dequeue"} <= set(dir(module))
    assert "keras_to_tpu_model" not in dir(module)
