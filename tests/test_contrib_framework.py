"""tf.contrib.framework (compat/contrib/framework.py): TF 1.15's __all__, name by name, provided or listed as not
(with why); get_name_scope, list_variables, load_variable against real TF 1.15 (tests/test_contrib_eager.py's
script prints them)."""
import subprocess

from .helpers import oracle_env

# TF 1.15's contrib.framework names the runtime does not provide: contrib-only ops and initializers that no
# maintained library carries (tf_slim has not them; TF 2.21 dropped them)
NOT_PROVIDED = {"assert_scalar_int", "convolutional_delta_orthogonal", "convolutional_orthogonal_1d",
                "convolutional_orthogonal_2d", "convolutional_orthogonal_3d", "fuse_op", "get_placeholders",
                "load_and_remap_matrix_initializer", "load_embedding_initializer",
                "load_linear_multiclass_bias_initializer", "load_variable_slot_initializer", "reduce_sum_n",
                "remove_squeezable_dimensions", "with_same_shape", "with_shape", "zero_initializer"}


def test_every_tf115_name_is_provided_or_listed(tf1_oracle, tmp_path):
    code = ("import tensorflow as tf\n"
            "print(' '.join(n for n in dir(tf.contrib.framework) if not n.startswith('_')))\n")
    real = subprocess.run([tf1_oracle("1.15"), "-c", code], cwd=tmp_path, env=oracle_env(), capture_output=True,
                          text=True, timeout=300)
    assert real.returncode == 0, real.stderr[-2000:]
    tf115 = set(real.stdout.split()) - {"absolute_import", "division", "print_function"}
    from tf1_cnn.compat.contrib import framework

    provided = set(dir(framework.load()))
    assert tf115 - provided == NOT_PROVIDED
    assert NOT_PROVIDED <= tf115


def test_get_name_scope_in_a_graph():
    import tensorflow as tf

    from tf1_cnn.compat.contrib import framework

    with tf.Graph().as_default():
        assert framework.get_name_scope() == ""
        with tf.name_scope("a"), tf.name_scope("b"):
            assert framework.get_name_scope() == "a/b"


def test_nest_has_tf115_names(tf1_oracle, tmp_path):
    code = ("import tensorflow as tf\n"
            "print(' '.join(n for n in dir(tf.contrib.framework.nest) if not n.startswith('_')))\n")
    real = subprocess.run([tf1_oracle("1.15"), "-c", code], cwd=tmp_path, env=oracle_env(), capture_output=True,
                          text=True, timeout=300)
    assert real.returncode == 0, real.stderr[-2000:]
    from tf1_cnn.compat.contrib import framework

    nest = framework.nest_module()
    assert set(real.stdout.split()) - {"absolute_import", "division", "print_function"} <= set(dir(nest))
    assert nest.is_sequence([1]) and not nest.is_sequence(1) and nest.flatten({"a": (1, 2)}) == [1, 2]


def test_nest_pack_sequence_as_has_tf115_errors():
    """The texts printed by real TF 1.15.5 for the same calls (recorded; the packing itself is TF 2.21's)."""
    import pytest

    from tf1_cnn.compat.contrib import framework

    nest = framework.nest_module()
    assert nest.pack_sequence_as({"a": 1, "b": (2, 3)}, [4, 5, 6]) == {"a": 4, "b": (5, 6)}
    assert nest.pack_sequence_as("x", [7]) == 7
    with pytest.raises(TypeError, match="^flat_sequence must be a sequence$"):
        nest.pack_sequence_as(["a", "b"], "bye")
    with pytest.raises(ValueError, match=r"^Structure is a scalar but len\(flat_sequence\) == 2 > 1$"):
        nest.pack_sequence_as("x", [1, 2])
    with pytest.raises(ValueError, match=r"^Could not pack sequence\. Structure had 2 elements, but flat_sequence "
                                         r"had 3 elements\.  Structure: \[1, \[2\]\], flat_sequence: \[1, 2, 3\]\.$"):
        nest.pack_sequence_as([1, [2]], [1, 2, 3])
