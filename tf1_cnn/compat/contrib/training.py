"""``tf.contrib.training``: tf_slim's training, with TF's renames."""
from .. import libraries
from ._common import module, renamed

def load():
    """``tf.contrib.training``: tf_slim's training (create_train_op, train, ...) and TF's renames."""
    slim = libraries.slim()
    members = {n: getattr(slim.training, n) for n in dir(slim.training) if not n.startswith("_")}
    members.update(renamed("training"))
    return module("tf.contrib.training", members)
