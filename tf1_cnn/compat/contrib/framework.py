"""``tf.contrib.framework``: tf_slim's framework, TF's renames, and the rest of TF 1.15's ``__all__`` that TF 2.21
still has under another path (TF 1.15's contrib/framework re-exported those core functions: the same objects)."""
from .. import libraries
from ._common import module, renamed

# tf.contrib.framework.<name> -> (module of TF 2.21, attribute): TF 1.15's contrib.framework re-exports
CORE = {
    "list_variables": ("tensorflow.python.training.checkpoint_utils", "list_variables"),
    "load_checkpoint": ("tensorflow.python.training.checkpoint_utils", "load_checkpoint"),
    "load_variable": ("tensorflow.python.training.checkpoint_utils", "load_variable"),
    "init_from_checkpoint": ("tensorflow.python.training.checkpoint_utils", "init_from_checkpoint"),
    "deprecated": ("tensorflow.python.util.deprecation", "deprecated"),
    "deprecated_args": ("tensorflow.python.util.deprecation", "deprecated_args"),
    "deprecated_arg_values": ("tensorflow.python.util.deprecation", "deprecated_arg_values"),
    "assert_scalar": ("tensorflow.python.ops.check_ops", "assert_scalar"),
    "assert_same_float_dtype": ("tensorflow.python.ops.check_ops", "assert_same_float_dtype"),
    "smart_cond": ("tensorflow.python.framework.smart_cond", "smart_cond"),
    "smart_case": ("tensorflow.python.framework.smart_cond", "smart_case"),
    "smart_constant_value": ("tensorflow.python.framework.smart_cond", "smart_constant_value"),
    "py_func": ("tensorflow.python.ops.script_ops", "py_func"),
    "TensorSpec": ("tensorflow.python.framework.tensor_spec", "TensorSpec"),
    "BoundedTensorSpec": ("tensorflow.python.framework.tensor_spec", "BoundedTensorSpec"),
    "RecordInput": ("tensorflow.python.ops.data_flow_ops", "RecordInput"),
    "convert_to_tensor_or_sparse_tensor": ("tensorflow.python.framework.sparse_tensor",
                                           "convert_to_tensor_or_sparse_tensor"),
    "prepend_name_scope": ("tensorflow.python.framework.ops", "prepend_name_scope"),
    "strip_name_scope": ("tensorflow.python.framework.ops", "strip_name_scope"),
    "get_graph_from_inputs": ("tensorflow.python.framework.ops", "_get_graph_from_inputs"),
}


# TF 1.15's contrib.framework.nest: tensorflow.python.util.nest's public names of the day
NEST_NAMES = ("assert_same_structure", "assert_shallow_structure", "flatten", "flatten_dict_items", "flatten_up_to",
              "flatten_with_joined_string_paths", "flatten_with_tuple_paths", "flatten_with_tuple_paths_up_to",
              "get_traverse_shallow_structure", "is_nested", "is_sequence", "is_sequence_or_composite",
              "map_structure", "map_structure_up_to", "map_structure_with_paths", "map_structure_with_tuple_paths",
              "map_structure_with_tuple_paths_up_to", "pack_sequence_as", "yield_flat_paths")


def pack_sequence_as(structure, flat_sequence, expand_composites=False):
    """TF 1.15's ``nest.pack_sequence_as``: ``flat_sequence`` (a list) packed into ``structure``'s nesting.

    TF 2.21's function packs the same way; TF 1.15 checked three cases first, with the words era code
    matches in ``assertRaisesRegexp`` (2.21 says "atoms" / "items", "into a structure", or names the
    target's type instead), all read from TF 1.15.5: ``flat_sequence`` not a sequence (TypeError
    "flat_sequence must be a sequence"), a scalar ``structure`` with another number of values than one,
    and a count that differs from ``structure``'s leaves ("Structure had N elements, ...").
    """
    from tensorflow.python.util import nest

    if not nest.is_nested(flat_sequence):
        raise TypeError("flat_sequence must be a sequence")
    if not nest.is_nested(structure):
        if len(flat_sequence) != 1:
            raise ValueError("Structure is a scalar but len(flat_sequence) == %d > 1" % len(flat_sequence))
        return flat_sequence[0]
    leaves = len(nest.flatten(structure, expand_composites=expand_composites))
    if leaves != len(flat_sequence):
        raise ValueError("Could not pack sequence. Structure had %d elements, but flat_sequence had %d elements.  "
                         "Structure: %s, flat_sequence: %s." % (leaves, len(flat_sequence), structure, flat_sequence))
    return nest.pack_sequence_as(structure, flat_sequence, expand_composites=expand_composites)


def nest_module():
    """``tf.contrib.framework.nest`` as TF 1.15 had it: TF 2.21's ``tensorflow.python.util.nest`` (the same
    functions), with ``is_sequence`` (TF 2 renamed it ``is_nested``; the same test) and TF 1.15's error
    texts of ``pack_sequence_as``."""
    from tensorflow.python.util import nest

    members = {name: getattr(nest, name) for name in NEST_NAMES if hasattr(nest, name)}
    members.setdefault("is_sequence", nest.is_nested)
    members["pack_sequence_as"] = pack_sequence_as
    return module("tf.contrib.framework.nest", members)


def get_name_scope():
    """TF 1.15's ``tf.contrib.framework.get_name_scope()``: the default graph's current name scope ("" at the top)."""
    import tensorflow as tf

    return tf.compat.v1.get_default_graph().get_name_scope()


def load():
    """``tf.contrib.framework``: tf_slim's (arg_scope, variables, ...), with TF's renames (nest, sort, ...) and
    TF 1.15's re-exports of core functions (``CORE``), get_name_scope."""
    import importlib

    slim = libraries.slim()
    members = {n: getattr(slim, n) for n in dir(slim) if not n.startswith("_")}
    members.update(renamed("framework"))
    members["nest"] = nest_module()
    for name, (where, attr) in CORE.items():
        value = getattr(importlib.import_module(where), attr, None)
        if value is not None:
            members[name] = value
    members["get_name_scope"] = get_name_scope
    return module("tf.contrib.framework", members)
