"""What every ``tf.contrib`` package module here uses: a module object from members, and the names
TensorFlow's own upgrade tool (``tf_upgrade_v2``'s ``all_renames_v2``) renames out of a contrib package."""
import types

from .. import migration


def _resolve(dotted):
    """``tf.a.b`` -> the object on TensorFlow's public API (or None)."""
    import tensorflow as tf

    obj = tf
    for part in dotted.split(".")[1:]:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def renamed(family):
    """{attr: object} for each ``tf.contrib.<family>.<attr>`` TF's upgrade tool renames to a name TF 2.21 has."""
    prefix = f"tf.contrib.{family}."
    out = {}
    for old, new in migration.renames().items():
        attr = old[len(prefix):]
        if old.startswith(prefix) and "." not in attr:
            obj = _resolve(new)
            if obj is None and new.startswith("tf.") and not new.startswith("tf.compat."):
                obj = _resolve("tf.compat.v1." + new[3:])  # tf.data.experimental.X of TF1's v1 API
            if obj is not None:
                out[attr] = obj
    return out


def module(name, members):
    module = types.ModuleType(name)
    module.__dict__.update(members)
    return module


