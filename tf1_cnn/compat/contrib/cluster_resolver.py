"""``tf.contrib.cluster_resolver`` (TF 1.15): TF 2.21's ``tf.distribute.cluster_resolver``, the same classes.

TF 1.15's contrib package re-exported ``tensorflow.python.distribute.cluster_resolver``; TF 2.21 still has
it. TF 1.15's ``UnionClusterResolver`` is TF 2's ``UnionResolver`` (the same class, exported under both
names then). ``tensorflow.contrib.cluster_resolver.python.training`` (TF 1.12-1.15's deep path) forwards to
the same module.
"""
from ._common import module

NAMES = ("ClusterResolver", "GCEClusterResolver", "KubernetesClusterResolver", "SimpleClusterResolver",
         "SlurmClusterResolver", "TFConfigClusterResolver", "TPUClusterResolver", "UnionClusterResolver")


def load():
    """``tf.contrib.cluster_resolver``: TF 1.15's eight resolvers."""
    from tensorflow.python.distribute import cluster_resolver

    members = {name: getattr(cluster_resolver, name) for name in NAMES}
    members["python"] = module("tf.contrib.cluster_resolver.python", {"training": cluster_resolver})
    return module("tf.contrib.cluster_resolver", members)
