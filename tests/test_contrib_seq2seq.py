"""tf.contrib.seq2seq (compat/contrib/seq2seq/): its import forms, gather_tree's kernel values, and
the numbers and variables of real TF 1.3.0 / 1.15.5 on the same scripts (op structures: test_op_tables.py)."""
import re
import subprocess

import numpy as np
import pytest

from tf1_cnn.compat import migration
from tf1_cnn.compat.contrib.seq2seq.beam_search_ops import gather_tree_numpy

from .helpers import ROOT, oracle_env, run_cli

SCRIPTS = ROOT / "tests" / "legacy_scripts"
TRAIN = SCRIPTS / "seq2seq_attention_train.py"
FUNCTIONS = SCRIPTS / "seq2seq_functions.py"
LINE = re.compile(r"^(var|step|greedy|beam|loss\w*|gather_tree\w*|hardmax|safe_cumprod|monotonic_\w+|tile_batch) ")


def _lines(stdout):
    return [line for line in stdout.splitlines() if LINE.match(line)]


def _numbers(line):
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", line.split(" ", 1)[1])]


def _same(ours, real, atol=1e-5):
    """Same lines, the same names, numbers within atol (the printed values are TF 1.x's float32 results)."""
    assert [line.split(" ", 1)[0] for line in ours] == [line.split(" ", 1)[0] for line in real]
    for a, b in zip(ours, real):
        x, y = _numbers(a), _numbers(b)
        assert len(x) == len(y) and np.allclose(x, y, rtol=0, atol=atol), (a, b)


def test_gather_tree_backtracks_and_ends_beams_at_end_token():
    # [max_time=3, batch=1, beam=2]; beam 0 ends at t=2 with id 6 from parent 0, which came from beam 1 at t=0
    step = np.array([[[2, 3]], [[4, 5]], [[6, 7]]], np.int32)
    parent = np.array([[[0, 0]], [[1, 0]], [[0, 1]]], np.int32)
    assert gather_tree_numpy(step, parent, [3], 10)[:, 0].T.tolist() == [[3, 4, 6], [2, 5, 7]]
    assert gather_tree_numpy(step, parent, [3], 4)[:, 0, 0].tolist() == [3, 4, 4]  # after end_token: end_token
    assert gather_tree_numpy(step, parent, [2], 10)[:, 0, 0].tolist() == [3, 4, 10]  # past the length: end_token
    with pytest.raises(ValueError, match="invalid parent id 5"):
        gather_tree_numpy(step, np.full_like(parent, 5), [3], 10)


def test_import_forms_and_migration_text(tmp_path):
    script = tmp_path / "forms.py"
    script.write_text(
        "import tensorflow as tf\n"
        "from tensorflow.contrib import seq2seq\n"
        "from tensorflow.contrib.seq2seq.python.ops import attention_wrapper, beam_search_decoder\n"
        "import tensorflow.contrib.seq2seq as s2s\n"
        "print('same', seq2seq.AttentionWrapper is attention_wrapper.AttentionWrapper is tf.contrib.seq2seq."
        "AttentionWrapper is s2s.AttentionWrapper, beam_search_decoder.tile_batch is seq2seq.tile_batch)\n"
        "print('names', sorted(n for n in dir(seq2seq) if not n.startswith('_') and n != 'python'))\n"
        "try:\n    tf.contrib.seq2seq.NoSuchDecoder\nexcept AttributeError as e:\n    print('missing', e)\n")
    proc = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.15", str(script), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "same True True" in proc.stdout
    names = re.search(r"^names (.*)$", proc.stdout, re.M).group(1)
    for name in ("BahdanauMonotonicAttention", "FinalBeamSearchDecoderOutput", "InferenceHelper", "gather_tree",
                 "hardmax", "monotonic_attention", "safe_cumprod", "sequence_loss", "tile_batch", "dynamic_decode"):
        assert f"'{name}'" in names
    assert "missing tf.contrib.seq2seq.NoSuchDecoder is TF1-only" in proc.stdout
    # the run's migration report: each use, and that a human ports it (never silently)
    assert re.search(r"tf\.contrib\.seq2seq\.AttentionWrapper\s+x\d+\s+-> tf\.keras\.layers\.AdditiveAttention.*"
                     r"tensorflow_addons.*port by hand; tf1_cnn's own copy runs it here", proc.stderr)


def test_migrate_reports_each_seq2seq_use_for_a_human():
    from tf1_cnn.migrate import rewrite

    todo = rewrite._contrib_todo("tf.contrib.seq2seq.BeamSearchDecoder")
    assert todo.startswith("not in TF 2 nor its maintained libraries (legacy runs tf1_cnn's copy): port it to "
                           "tf.keras.layers.AdditiveAttention")
    assert "TFA's last release" in migration.missing_message("tf.contrib.seq2seq.NoSuch")


@pytest.fixture(scope="module")
def runtime_train(tmp_path_factory):
    proc = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.15", "--no-report", str(TRAIN),
                   cwd=tmp_path_factory.mktemp("train"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return _lines(proc.stdout)


def test_training_script_runs_and_learns(runtime_train):
    losses = [float(line.split()[-1]) for line in runtime_train if line.startswith("step ")]
    assert len(losses) == 5 and losses[-1] < losses[0]
    assert "var decoder/memory_layer/kernel [10, 10]" in runtime_train
    assert "var decoder/decoder/attention_wrapper/bahdanau_attention/attention_g []" in runtime_train


def test_training_script_matches_real_tf115(runtime_train, tf1_oracle, tmp_path):
    """TF 1.15.5's variables, losses after each SGD step (graph seed only: every op seed from the op
    count), greedy and beam-search ids."""
    real = subprocess.run([tf1_oracle("1.15"), str(TRAIN)], cwd=tmp_path, env=oracle_env(), capture_output=True,
                          text=True, timeout=600)
    assert real.returncode == 0, real.stderr[-2000:]
    _same(runtime_train, _lines(real.stdout))


@pytest.mark.parametrize("version,args", [("1.15", ["--gather-tree"]), ("1.3", [])])
def test_functions_match_real_tf1(version, args, tf1_oracle, tmp_path):
    """sequence_loss in each reduction (1.3.0: + 1e-12, 1.15.5: div_no_nan), gather_tree, hardmax,
    safe_cumprod, the three monotonic attention modes and tile_batch: TF 1.x's values."""
    ours = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", version, "--no-report", str(FUNCTIONS), *args,
                   cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr[-2000:]
    real = subprocess.run([tf1_oracle(version), str(FUNCTIONS), *args], cwd=tmp_path, env=oracle_env(),
                          capture_output=True, text=True, timeout=300)
    assert real.returncode == 0, real.stderr[-2000:]
    assert len(_lines(real.stdout)) == (13 if args else 11)
    _same(_lines(ours.stdout), _lines(real.stdout))
