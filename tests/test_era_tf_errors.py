"""TF 1.x's error texts that 2.21 reworded (compat/era/tf_errors.py)."""
import types

import pytest
import tensorflow as tf

from tf1_cnn.compat.era import tf_errors


def test_initializer_dtype_check_has_tf1_words():
    module = types.SimpleNamespace()
    tf_errors._tf1_float_check(module)
    assert module._assert_float_dtype(tf.float16) is tf.float16
    with pytest.raises(ValueError, match=r"^Expected floating point type, got <dtype: 'int32'>\.$"):
        module._assert_float_dtype(tf.int32)
