"""TF 1.x's op-seed rule on TensorFlow 2.21.

Every stateful random op (random_uniform, truncated_normal, dropout, shuffle,
the initializers, ...) asks ``random_seed.get_seed(op_seed)`` for its two seeds.
The rule for an op without a seed of its own, under a graph seed, changed:

- TF 1.x (``tensorflow/python/framework/random_seed.py``, 1.0-1.15):
  ``op_seed = ops.get_default_graph()._last_id``: the number of operations
  created in the graph so far. So an unseeded op's numbers depend on every op
  built before it (the course's fully connected layer drew with op seed 45
  because 45 ops preceded its draw; see ``op_structure.py``).
- TF 2.x: a per-graph counter of such calls, 0, 1, 2, ...

Everything else is the same in both: graph seed and op seed both None gives
(None, None) (nondeterministic); an op seed without a graph seed pairs with
DEFAULT_GRAPH_SEED 87654321; (0, 0) becomes (0, 2**31 - 1); both seeds are
taken modulo 2**31 - 1. Eager execution keeps TensorFlow's own rule (TF 1.x
code ran in graphs).

``patch()`` replaces ``random_seed.get_seed`` (the module attribute every random op
calls) with ``get_seed`` below, which follows ``settings.current("seed_rule")``.
"""
from tensorflow.python.eager import context
from tensorflow.python.framework import ops, random_seed

from .. import settings
from . import operation_v1

_tf2_get_seed = random_seed.get_seed  # TensorFlow 2.21's own function, kept for the "tf2" rule
DEFAULT_GRAPH_SEED = random_seed.DEFAULT_GRAPH_SEED
_MAXINT32 = 2**31 - 1


def op_count(graph):
    """The operations created in ``graph`` so far: TF 1.x's ``Graph._last_id``.

    TF 2.21 numbers operations 1, 2, ... as TF 1.x did and never removes one, so
    the count of registered ids is the last id, less the stand-in inputs of ops TF 1.4's
    ``tf.Operation`` made without their inputs (``operation_v1.py``; TF 1.4 made no such op).
    """
    return len(graph._nodes_by_id) - operation_v1.standins(graph)


def get_seed(op_seed):
    """(graph seed, op seed) for a random op, by the selected rule (see the module docstring)."""
    if settings.current("seed_rule") != "tf1" or context.executing_eagerly():
        return _tf2_get_seed(op_seed)
    graph = ops.get_default_graph()
    global_seed = graph.seed
    if global_seed is not None:
        if op_seed is None:
            op_seed = op_count(graph)
        seeds = global_seed % _MAXINT32, op_seed % _MAXINT32
    elif op_seed is not None:
        seeds = DEFAULT_GRAPH_SEED, op_seed % _MAXINT32
    else:
        seeds = None, None
    if seeds == (0, 0):  # the C++ kernels read (0, 0) as "nondeterministic"
        return 0, _MAXINT32
    return seeds


def patch():
    """Route every random op's seed through ``get_seed`` (idempotent)."""
    if random_seed.get_seed is get_seed:
        return
    random_seed.get_seed = get_seed
    import tensorflow as tf

    # the exported names tf.compat.v1.get_seed / tf.compat.v1.random.get_seed are bound to the original
    for module in (tf.compat.v1, tf.compat.v1.random):
        module.get_seed = get_seed
