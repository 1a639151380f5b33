"""``tf.contrib.distributions.bijectors`` under TF 1.3/1.4 (contrib/bijectors.py): TF 1.x's constructors with
``event_ndims`` and TF 1.x's log-det-Jacobians, compared with TF 1.4.1
(tests/legacy_scripts/contrib_bijectors_era.py)."""
import pytest

from .helpers import ROOT, legacy_prints_as_the_oracle

SCRIPT = ROOT / "tests" / "legacy_scripts" / "contrib_bijectors_era.py"


def test_as_tf_1_4(tf1_oracle):
    legacy_prints_as_the_oracle(tf1_oracle, SCRIPT, "1.4")


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
