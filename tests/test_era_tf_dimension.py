"""``tf.Dimension`` of floats, strings and NumPy numbers under ``legacy`` as in TF 1.x (compat/era/tf_dimension.py).

tests/legacy_scripts/era_tf_dimension.py prints Dimensions, a TensorShape and ``tf.zeros`` of float-written
shapes; its lines under ``legacy`` must be TF 1.4.1's (TF 1.15.5 prints the same lines).
"""

import pytest

from .helpers import ROOT, legacy_prints_as_the_oracle

SCRIPT = ROOT / "tests" / "legacy_scripts" / "era_tf_dimension.py"


def test_as_tf_1_4(tf1_oracle):
    ours = legacy_prints_as_the_oracle(tf1_oracle, SCRIPT, "1.4")
    assert "zeros [10000, 2] float32" in ours


@pytest.mark.parametrize("value, want", [(3.0, 3), ("12", 12), (True, 1)])
def test_tf1_int(value, want):
    from tf1_cnn.compat.era.tf_dimension import tf1_int

    assert tf1_int(value) == want and type(tf1_int(value)) is int


def test_tf1_int_refuses_what_tf1_refused():
    from tf1_cnn.compat.era.tf_dimension import tf1_int

    with pytest.raises(ValueError, match="^Ambiguous dimension: 2.5$"):
        tf1_int(2.5)
    with pytest.raises(TypeError):
        tf1_int([3])
