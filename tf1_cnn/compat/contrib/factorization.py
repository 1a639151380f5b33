"""``tf.contrib.factorization``: KMeans (clustering_ops)."""
from ._common import module

def load():
    """``tf.contrib.factorization``' KMeans: the same clustering_ops class, moved into TF core (training_graph()
    returns the 6-tuple of TF 1.3 - 1.15)."""
    from tensorflow.python.ops import clustering_ops

    return module("tf.contrib.factorization", {n: getattr(clustering_ops, n) for n in (
        "KMeans", "COSINE_DISTANCE", "SQUARED_EUCLIDEAN_DISTANCE", "RANDOM_INIT", "KMEANS_PLUS_PLUS_INIT",
        "KMC2_INIT")})
