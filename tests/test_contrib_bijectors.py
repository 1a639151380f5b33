"""``tf.contrib.distributions.bijectors`` under TF 1.3/1.4 (contrib/bijectors.py): TF 1.x's constructors with
``event_ndims`` and TF 1.x's log-det-Jacobians, compared with TF 1.4.1
(tests/legacy_scripts/contrib_bijectors_era.py)."""
import subprocess

import pytest

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "contrib_bijectors_era.py"


def test_as_tf_1_4(tf1_oracle):
    ours = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.4", "--no-report", str(SCRIPT))
    assert ours.returncode == 0, ours.stderr
    real = subprocess.run([tf1_oracle("1.4"), str(SCRIPT)], env=oracle_env(), capture_output=True, text=True,
                          timeout=300)
    assert real.returncode == 0, real.stderr
    assert ours.stdout.splitlines() == real.stdout.splitlines()


def test_signatures_read_from_the_oracles():
    from tf1_cnn.compat.contrib import bijectors

    assert bijectors.signatures("1.4")["Softplus"][0] == ["event_ndims", 0]
    assert "AbsoluteValue" in bijectors.signatures("1.4") and "AbsoluteValue" not in bijectors.signatures("1.3")
    assert bijectors.signatures("1.15") == {}


def test_what_tfp_cannot_do_is_one_clear_error():
    import tensorflow_probability as tfp

    from tf1_cnn.compat.contrib import bijectors

    era = bijectors.module("1.4")
    assert bijectors.module("1.15") is tfp.bijectors and era.Chain is tfp.bijectors.Chain
    with pytest.raises(NotImplementedError, match=r"^SoftmaxCentered\(event_ndims=0\): TF 1.4's map"):
        era.SoftmaxCentered(event_ndims=0)
    with pytest.raises(TypeError, match=r"^Exp\(\): .*TF 1.4's signature"):
        era.Exp(0, False, "exp", "extra")
