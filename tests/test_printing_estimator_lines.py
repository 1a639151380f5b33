"""An Estimator's INFO lines under ``legacy`` as the TF 1.x version logged them (printing/estimator_lines.py)."""
import logging
import re

import pytest

from tf1_cnn.compat import settings
from tf1_cnn.compat.printing import estimator_lines

from .helpers import ROOT, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "estimator_lines.py"

# the INFO lines tests/legacy_scripts/estimator_lines.py logged on real TF 1.4.1 (oracle env tf1.4; TF 1.3.0's
# were the same), numbers and paths masked as _masked() does; the config dict is cut (see the test)
ON_TF_1_4 = [
    "Using default config.", "Using config: ", "Create CheckpointSaverHook.", "Saving checkpoints for # into #",
    "loss = #, step = #", "global_step# #", "loss = #, step = # (# sec)", "Saving checkpoints for # into #",
    "Loss for final step: #", "Starting evaluation at #", "Restoring parameters from #", "Finished evaluation at #",
    "Saving dict for global step # accuracy = #, global_step = #, loss = #", "Restoring parameters from #",
]


# TF 1.4.1's config line for the script (oracle), its model_dir and the ClusterSpec's address replaced
CONFIG_1_4 = ("INFO:tensorflow:Using config: {'_model_dir': 'MODEL', '_tf_random_seed': None, '_save_summary_steps': 100, "
              "'_save_checkpoints_steps': None, '_save_checkpoints_secs': 600, '_session_config': None, "
              "'_keep_checkpoint_max': 5, '_keep_checkpoint_every_n_hours': 10000, '_log_step_count_steps': 100, "
              "'_service': None, '_cluster_spec': <tensorflow.python.training.server_lib.ClusterSpec object at 0x...>, "
              "'_task_type': 'worker', '_task_id': 0, '_master': '', '_is_chief': True, '_num_ps_replicas': 0, "
              "'_num_worker_replicas': 1}")


def _masked(text):
    return [re.sub(r"\d[-\d.:eT]*Z?|/\S+", "#", line[len("INFO:tensorflow:"):].split("{")[0])
            for line in text.splitlines() if line.startswith("INFO:tensorflow:")]


def test_estimator_logs_the_lines_tf_1_4_logged(tmp_path):
    """TF 2's extra lines (Calling model_fn, Graph was finalized, local_init_op, checkpoint listeners, Inference
    Time, the checkpoint_path summary) are gone, and the evaluation starts at 1.4's '%Y-%m-%d-%H:%M:%S'. What
    stays different is not compared: the config dict (tensorflow_estimator 2.15's RunConfig has more keys and a
    default session config)."""
    proc = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.4", "--no-report", str(SCRIPT),
                   str(tmp_path / "model"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _masked(proc.stderr) == ON_TF_1_4
    # TF 1.3.0 / 1.4.1 saved the first checkpoint after the first step, TF 1.15.5 before it (oracles)
    assert re.findall(r"Saving checkpoints for (\d+) ", proc.stderr) == ["1", "150"]
    assert sorted(p.name for p in (tmp_path / "model").glob("model.ckpt-*.index")) == ["model.ckpt-1.index",
                                                                                      "model.ckpt-150.index"]
    assert re.search(r"^INFO:tensorflow:Starting evaluation at \d{4}-\d\d-\d\d-\d\d:\d\d:\d\d$", proc.stderr, re.M)
    assert "has not been increased" not in proc.stderr
    config = next(line for line in proc.stderr.splitlines() if line.startswith("INFO:tensorflow:Using config: "))
    assert re.sub(r"0x[0-9a-f]+", "0x...", config.replace(str(tmp_path / "model"), "MODEL")) == CONFIG_1_4
    # the Estimator's repr in TF 1.4.1's module (oracle), as IPython's display shows it too
    assert proc.stdout == "['accuracy', 'global_step', 'loss']\n2\n<tensorflow.python.estimator.estimator.Estimator object\n"


def _record(msg):
    return logging.LogRecord("tensorflow", logging.INFO, __file__, 1, msg, (), None)


@pytest.mark.parametrize("version, message, kept", [
    ("1.4", "Calling model_fn.", None), ("1.15", "Calling model_fn.", "Calling model_fn."),
    ("1.15", "Inference Time : 0.49987s", None), ("1.3", "Calling checkpoint listeners before saving checkpoint 0...", None),
    ("1.3", "Starting evaluation at 2026-12-07T19:32:03", "Starting evaluation at 2026-12-07-19:32:03"),
    ("1.15", "Starting evaluation at 2026-12-07T19:32:03", "Starting evaluation at 2026-12-07T19:32:03Z"),
    ("1.3", "loss = 1.1, step = 1", "loss = 1.1, step = 1"),
])
def test_filter_by_version(version, message, kept):
    record = _record(message)
    with settings.using(tf1_version=version):
        passed = estimator_lines.EraLines().filter(record)
    assert (record.getMessage() if passed else None) == kept
