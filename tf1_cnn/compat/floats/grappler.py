"""The graph optimizers in TF 1.15's order, so the executed graph does TF 1.15's arithmetic.

Grappler rewrites the graph a session runs (never the user's graph: names, op counts and seeds stay)
and some of its rewrites reassociate products, which changes the last bits. Measured on a chain
``((backprop * c1) * exp) * 0.3`` (a sparse cross-entropy's gradient through ``exp(0.3 * z)``, c1
the mean's run-time 1/batch), from the partition graphs (``RunOptions(output_partition_graphs=True)``)
of both versions:

- constant folding alone, or the arithmetic optimizer alone, or one meta-optimizer iteration: TF
  2.21 and TF 1.15.5 give the same graph;
- the default two iterations: TF 1.15.5 ``(backprop * 0.3) * (exp * c1)``, TF 2.21
  ``backprop * (exp * (c1 * 0.3))``.

The difference is where common-subexpression elimination runs. In TF 1.15 it was the arithmetic
optimizer's first stage (deduplication), after constant folding; TF 2.21 made it a pass of its own
that runs before constant folding, so the second iteration's constant push-down meets another graph.
TF 2.21 running its optimizers by name in TF 1.15's order (``RewriterConfig.optimizers``, with
``common_subgraph_elimination`` just before ``arithmetic``) gives TF 1.15.5's graph: this module
gives local sessions that list. It honours the user's own toggles as TF 1.15 read them (an optimizer
turned off is left out; with the arithmetic optimizer off there is no deduplication either, as in
TF 1.15); a config that names its own optimizers, or turns the meta-optimizer off, is left as it is.
"""
from tensorflow.core.protobuf import config_pb2
from tensorflow.core.protobuf import rewriter_config_pb2

_installed = []
_RC = rewriter_config_pb2.RewriterConfig


def _on(toggle):
    return toggle != _RC.OFF


def optimizers(ro):
    """TF 1.15's default optimizer pipeline, by TF 2.21's names, for a ``RewriterConfig`` ``ro``."""
    steps = [
        ("pruning", not ro.disable_model_pruning),
        ("implementation_selector", _on(ro.implementation_selector)),
        ("function", _on(ro.function_optimization)),
        ("debug_stripper", ro.debug_stripper == _RC.ON),
        ("constfold", _on(ro.constant_folding)),
        ("shape", _on(ro.shape_optimization)),
        ("remap", _on(ro.remapping)),
        ("pin_to_host", ro.pin_to_host_optimization == _RC.ON),
        # TF 1.15: the arithmetic optimizer's first stage (dedup), so only with it and right before it
        ("common_subgraph_elimination", _on(ro.arithmetic_optimization) and _on(ro.common_subgraph_elimination)),
        ("arithmetic", _on(ro.arithmetic_optimization)),
        ("loop", _on(ro.loop_optimization)),
        ("dependency", _on(ro.dependency_optimization)),
        ("layout", _on(ro.layout_optimizer)),
        ("memory", ro.memory_optimization != _RC.NO_MEM_OPT),
        ("autoparallel", ro.auto_parallel.enable),
        ("scoped_allocator", ro.scoped_allocator_optimization == _RC.ON),
    ]
    return [name for name, on in steps if on]


def config_for(target, config):
    """A local session's config with TF 1.15's optimizer order (a copy; anything else as given)."""
    if target or not (config is None or isinstance(config, config_pb2.ConfigProto)):
        return config
    if config is None:  # what TensorFlow would use
        from tensorflow.python.eager import context

        config = context.context().config
    ro = config.graph_options.rewrite_options
    if ro.optimizers or ro.disable_meta_optimizer:
        return config
    new = config_pb2.ConfigProto()
    new.CopyFrom(config)
    new.graph_options.rewrite_options.optimizers.extend(optimizers(ro))
    return new


def install():
    """Wrap ``BaseSession.__init__`` (idempotent)."""
    if _installed:
        return
    from tensorflow.python.client import session as session_lib

    original = session_lib.BaseSession.__init__

    def __init__(self, target="", graph=None, config=None):
        original(self, target, graph, config_for(target, config))

    session_lib.BaseSession.__init__ = __init__
    _installed.append(original)
