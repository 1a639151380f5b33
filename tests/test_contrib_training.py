"""tf.contrib.training (compat/contrib/training/): HParams and parse_values against real TF 1.15, case by case;
tf_slim's training and evaluation members; every import form under legacy."""
import json
import subprocess
import sys

import pytest

from .helpers import ROOT, oracle_env, run_cli

CASES = ROOT / "tests" / "legacy_scripts" / "hparams_cases.py"


def _cases_module():
    sys.path.insert(0, str(CASES.parent))
    try:
        import hparams_cases
    finally:
        sys.path.remove(str(CASES.parent))
    return hparams_cases


def test_hparams_match_real_tf115_case_by_case(tf1_oracle, tmp_path):
    """Every parse / set / add / get / JSON case: the same values and types, or the same exception and message."""
    from tf1_cnn.compat.contrib.training.hparam import HParams, parse_values

    real = subprocess.run([tf1_oracle("1.15"), str(CASES)], cwd=tmp_path, env=oracle_env(), capture_output=True,
                          text=True, timeout=300)
    assert real.returncode == 0, real.stderr[-2000:]
    expected = json.loads(real.stdout)
    got = json.loads(json.dumps(_cases_module().run(HParams, parse_values)))
    assert len(expected) > 300 and set(got) == set(expected)
    differing = {k: (expected[k], got[k]) for k in expected if expected[k] != got[k]}
    assert not differing


def test_hparams_basics_without_the_oracle():
    """A few of TF 1.15's documented rules, readable here (the oracle test above holds all of them)."""
    from tf1_cnn.compat.contrib.training.hparam import HParams, parse_values

    h = HParams(learning_rate=0.1, layers=[64, 32], activation="relu", tied=False)
    assert h.parse("learning_rate=1,layers=[8 16],tied=true").values() == {
        "learning_rate": 1.0, "layers": [8, 16], "activation": "relu", "tied": True}
    assert type(h.learning_rate) is float
    with pytest.raises(ValueError, match="Could not cast hparam 'layers' of type '<class 'int'>' from value 0.5"):
        h.set_hparam("layers", [0.5])
    with pytest.raises(ValueError, match="Hyperparameter name is reserved: values"):
        h.add_hparam("values", 1)
    assert parse_values("x=5,L=[1,2],arr[1]=3", {"x": int, "L": int, "arr": int}) == {
        "x": 5, "L": [1, 2], "arr": {1: 3}}
    assert HParams(a=0).parse_json(HParams(a=1).to_json()).values() == {"a": 1}
    with pytest.raises(KeyError):  # parse_json sets, never adds
        HParams().parse_json('{"a": 1}')


def test_import_forms_and_slim_members_under_legacy(tmp_path):
    script = tmp_path / "forms.py"
    script.write_text(
        "import tensorflow as tf\n"
        "from tensorflow.contrib.training import HParams, checkpoints_iterator, wait_for_new_checkpoint\n"
        "from tensorflow.contrib.training.python.training import hparam\n"
        "import tensorflow.contrib.training as tr\n"
        "h = tf.contrib.training.HParams(batch_size=2, units=[3])\n"
        "print('same', HParams is hparam.HParams is tr.HParams, h.parse('units=[4,5]'))\n"
        "print('members', all(callable(getattr(tr, n)) for n in ('create_train_op', 'train', 'evaluate_once',\n"
        "      'evaluate_repeatedly', 'StopAfterNEvalsHook', 'SummaryAtEndHook', 'get_or_create_eval_step',\n"
        "      'parse_values', 'checkpoints_iterator', 'wait_for_new_checkpoint')))\n"
        "print('timeout', wait_for_new_checkpoint('" + str(tmp_path / "none") + "', timeout=0.01))\n")
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(script))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.splitlines()[-3:] == ["same True batch_size=2,units=[4, 5]", "members True", "timeout None"]
