"""The course's SIGNS ConvNet in TF1 graph mode, with the course's function names.

    X (m, 64, 64, 3) -> CONV2D W1 (4, 4, 3, 8), stride 1, SAME -> RELU -> MAXPOOL 8x8, stride 8, SAME
      -> (m, 8, 8, 8) -> CONV2D W2 (2, 2, 8, 16), stride 1, SAME -> RELU -> MAXPOOL 4x4, stride 4, SAME
      -> (m, 2, 2, 16) -> FLATTEN (m, 64) -> FC 6, no activation -> Z3 (m, 6)

Two variants, as published:
- ``course`` (seed 000, the course notebook): W1, W2 from
  ``tf.contrib.layers.xavier_initializer(seed=0)``, the FC layer from
  ``tf.contrib.layers.fully_connected(P, 6, activation_fn=None)``; lr 0.009, 100 epochs.
- ``tf2-port`` (seed 002): W1, W2 from ``tf.keras.initializers.glorot_normal(seed=0)``,
  the FC layer from ``tf.compat.v1.layers.flatten`` + ``dense``; lr 0.005, 150 epochs.

Every graph is built by the caller inside ``tf.Graph().as_default()`` (``model``
does so itself), so nothing global is switched.
"""
from dataclasses import dataclass

import numpy as np

from ..compat.graph import op_structure
from ..compat import settings
from ..compat import tf1 as tf
from ..errors import UserError


@dataclass(frozen=True)
class Variant:
    name: str
    learning_rate: float
    num_epochs: int
    seed_rule: str    # the op-seed rule the published numbers were drawn under (compat/settings.py)
    tf1_version: str  # whose op structures (compat/graph/op_structure.py)
    fc_names: tuple   # (weights, biases) variable names of the FC layer


# The FC layer's weights are drawn by an *unseeded* initializer under graph seed 1, in both
# variants, as published; what differs is the rule that turns "unseeded" into an op seed:
# - course (TF 1.2/1.3): the graph's operation count when the weights draw, 45 in this graph
#   (28 ops, contrib's 14-op flatten, xavier's 3 constants: see compat/graph/op_structure.py).
#   Built with reference variables and TF 1.x's flatten, the runtime derives it; nothing is pinned.
# - tf2-port (seed 002, TF 2.x): TensorFlow 2's per-graph counter, 0 for the first unseeded draw.
VARIANTS = {
    "course": Variant("course", 0.009, 100, "tf1", "1.3", ("fully_connected/weights", "fully_connected/biases")),
    "tf2-port": Variant("tf2-port", 0.005, 150, "tf2", "1.3", ("dense/kernel", "dense/bias")),
}


def get_variant(variant):
    if isinstance(variant, Variant):
        return variant
    if variant not in VARIANTS:
        raise UserError(f"unknown variant {variant!r}; choose one of {', '.join(VARIANTS)}")
    return VARIANTS[variant]


def create_placeholders(n_H0, n_W0, n_C0, n_y):
    """X float32 [None, n_H0, n_W0, n_C0] and Y float32 [None, n_y]."""
    X = tf.placeholder(tf.float32, [None, n_H0, n_W0, n_C0])
    Y = tf.placeholder(tf.float32, [None, n_y])
    return X, Y


def initialize_parameters(variant="course"):
    """{"W1": (4, 4, 3, 8), "W2": (2, 2, 8, 16)} variables, under graph seed 1 as the course sets it."""
    v = get_variant(variant)
    tf.set_random_seed(1)  # so that your "random" numbers match ours (the course)
    if v.name == "course":
        init = tf.contrib.layers.xavier_initializer(seed=0)  # op seed 0 under graph seed 1
    else:
        import tensorflow

        init = tensorflow.keras.initializers.glorot_normal(seed=0)  # Keras draws statelessly from seed 0
    W1 = tf.get_variable("W1", [4, 4, 3, 8], initializer=init)
    W2 = tf.get_variable("W2", [2, 2, 8, 16], initializer=init)
    return {"W1": W1, "W2": W2}


def forward_propagation(X, parameters, variant="course"):
    """Z3 (m, 6), the last linear unit, from X (m, 64, 64, 3)."""
    v = get_variant(variant)
    W1, W2 = parameters["W1"], parameters["W2"]
    Z1 = tf.nn.conv2d(X, W1, strides=[1, 1, 1, 1], padding="SAME")
    A1 = tf.nn.relu(Z1)
    P1 = tf.nn.max_pool(A1, ksize=[1, 8, 8, 1], strides=[1, 8, 8, 1], padding="SAME")
    Z2 = tf.nn.conv2d(P1, W2, strides=[1, 1, 1, 1], padding="SAME")
    A2 = tf.nn.relu(Z2)
    P2 = tf.nn.max_pool(A2, ksize=[1, 4, 4, 1], strides=[1, 4, 4, 1], padding="SAME")
    if v.name == "course":  # the FC weights' op seed: see VARIANTS
        P2 = tf.contrib.layers.flatten(P2)
        return tf.contrib.layers.fully_connected(P2, 6, activation_fn=None)
    P = tf.layers.flatten(P2)
    return tf.layers.dense(P, 6, activation=None)


def compute_cost(Z3, Y):
    """Mean softmax cross-entropy of logits Z3 (m, 6) against one-hot Y (m, 6); a scalar."""
    # The v2 op computes the same loss as TF1's softmax_cross_entropy_with_logits; Y is a
    # placeholder, so the v1 op's stop_gradient on the labels changes nothing here.
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=Z3, labels=Y))


def parameter_values(sess, variant):
    """The trained parameters as numpy arrays, keyed by variable name (W1, W2, FC layer)."""
    return sess.run(variables_by_name(variant))


def variables_by_name(variant, names=None):
    """{name: variable} of the ConvNet's parameters in the current graph.

    Variables are looked up as objects: in a TF2-built graph they are resource
    variables, whose ``name:0`` tensor is the handle, not the value.
    """
    found = {v.op.name: v for v in tf.global_variables()}
    return {n: found[n] for n in names or ("W1", "W2") + get_variant(variant).fc_names}


def build(n_H0, n_W0, n_C0, n_y, variant):
    """Placeholders, parameters, Z3 and cost in the current graph, in the course's order.

    Both variants ran after ``disable_v2_behavior()`` (seed 002 calls it; TF 1.x had
    nothing else), under their own seed rule: the same here, for this graph only.
    """
    v = get_variant(variant)
    with settings.using(v.seed_rule, v.tf1_version), op_structure.v1_behavior():
        X, Y = create_placeholders(n_H0, n_W0, n_C0, n_y)
        parameters = initialize_parameters(v)
        Z3 = forward_propagation(X, parameters, v)
        cost = compute_cost(Z3, Y)
    return X, Y, parameters, Z3, cost


def accuracy_op(Z3, Y):
    correct = tf.equal(tf.argmax(Z3, 1), tf.argmax(Y, 1))
    return tf.reduce_mean(tf.cast(correct, "float"))


def predict_convnet(X, parameters):
    """Class indices (m,) for X (m, 64, 64, 3) in [0, 1], from numpy parameters (W1, W2, FC)."""
    variant = "course" if "fully_connected/weights" in parameters else "tf2-port"
    g = tf.Graph()
    with g.as_default():
        Xp = tf.placeholder(tf.float32, [None, *np.shape(X)[1:]])
        params = {k: tf.constant(parameters[k], tf.float32) for k in ("W1", "W2")}
        Z3 = forward_propagation(Xp, params, variant)
        with tf.Session(graph=g) as sess:
            sess.run(tf.global_variables_initializer())
            fc_names = get_variant(variant).fc_names
            for name, var in variables_by_name(variant, fc_names).items():  # the trained FC weights
                var.load(parameters[name], sess)
            return sess.run(tf.argmax(Z3, 1), {Xp: X})
