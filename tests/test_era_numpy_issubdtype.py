"""``np.issubdtype(a, b)`` with a non-NumPy ``b`` as NumPy 1.16-1.19 read it (compat/era/numpy_issubdtype.py)."""
import warnings

import numpy as np
import pytest

from tf1_cnn.compat.era import numpy_issubdtype

# (arg1, arg2) -> what NumPy 1.16.6 (the TF 1.4 oracle's) and 1.18.5 (TF 1.15's) answered
CASES = [(np.int32, int, True), (np.float32, float, True), (np.int32, float, False), (np.str_, str, True),
         (np.int32, "i8", True), (np.bool_, bool, True), (np.uint8, int, False), (np.float16, np.float64, False),
         (np.float64, np.floating, True)]


@pytest.mark.parametrize("arg1,arg2,want", CASES)
def test_as_numpy_1_16(arg1, arg2, want, monkeypatch):
    monkeypatch.setattr(np, "issubdtype", numpy_issubdtype.issubdtype)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert np.issubdtype(arg1, arg2) is want
    assert bool(caught) == (not isinstance(arg2, type) or not issubclass(arg2, np.generic))


def test_warning_text_as_numpy_1_16(monkeypatch):
    monkeypatch.setattr(np, "issubdtype", numpy_issubdtype.issubdtype)
    with pytest.warns(FutureWarning) as caught:
        np.issubdtype(np.int32, int)
    assert str(caught[0].message) == ("Conversion of the second argument of issubdtype from `int` to "
                                      "`np.signedinteger` is deprecated. In future, it will be treated as "
                                      "`np.int64 == np.dtype(int).type`.")
