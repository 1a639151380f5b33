"""``tf.contrib.framework``: tf_slim's framework, with TF's renames."""
from .. import libraries
from ._common import module, renamed

def load():
    """``tf.contrib.framework``: tf_slim's (arg_scope, variables, ...), with TF's renames (nest, sort, ...)."""
    import tensorflow as tf

    slim = libraries.slim()
    members = {n: getattr(slim, n) for n in dir(slim) if not n.startswith("_")}
    members.update(renamed("framework"))
    members["nest"] = tf.nest  # tf.contrib.framework.nest.* -> tf.nest.* (all_renames_v2)
    return module("tf.contrib.framework", members)
