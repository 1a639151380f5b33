"""Graphs written under the runtime load in the real TF 1.x of the selected version.

TF 2.21 gave many ops attributes TF 1.x lacked (``Conv2D.explicit_paddings``,
``ResizeBilinear.half_pixel_centers``, ``MatMul.grad_a``, ...); TF 1.x refuses a
NodeDef naming an attribute its op does not have. TF's own answer is to leave out
attributes that hold their default value (``strip_default_attrs``, the
``producer_op_list`` of ``import_graph_def``). The runtime does that, but only for the
attributes the selected TF 1.x did not know (``op_attrs.py``'s table, taken from the
oracle), so a written graph keeps every attribute TF 1.x itself wrote:

- ``tf.train.write_graph`` / ``tf.io.write_graph`` (a Graph or a GraphDef);
- every ``.meta`` (``Saver.save``, ``tf.train.export_meta_graph``,
  ``Saver.export_meta_graph``: they write through ``graph_io.write_graph``);
- the GraphDef of ``tf.graph_util.convert_variables_to_constants`` (a frozen ``.pb``
  is usually written with ``SerializeToString()`` by the user's own code).

An attribute TF 1.x lacked that holds a non-default value, or an op type it lacked,
stays (TF 1.x will name it when loading). Op types are TF 1.x's already where the
runtime builds them so (``op_types.py``: no ``AddV2`` under 1.3/1.4).

Only under the runtime's TF1 behaviour (seed rule "tf1"); otherwise TF 2.21's writers
are used as they are.
"""
import functools

from tensorflow.core.framework import graph_pb2
from tensorflow.core.protobuf import meta_graph_pb2
from tensorflow.python.framework import convert_to_constants, graph_io, op_def_registry, ops

from . import op_attrs
from .. import settings
from .names import tf1_graphs

_tf2 = {"write_graph": graph_io.write_graph,
        "convert_variables_to_constants": convert_to_constants.convert_variables_to_constants}


def _strip_node(node, known):
    """Remove from ``node`` the attributes its op lacked in TF 1.x that hold TF 2.21's default."""
    attrs = known.get(node.op)
    op_def = op_def_registry.get(node.op)
    if attrs is None or op_def is None:  # an op TF 1.x lacked, or one TF 2.21 does not know: as it is
        return
    for attr_def in op_def.attr:
        name = attr_def.name
        if name not in attrs and name in node.attr and attr_def.HasField("default_value") \
                and node.attr[name] == attr_def.default_value:
            del node.attr[name]


def for_tf1(graph_def, version=None):
    """A copy of ``graph_def`` (a GraphDef) without the default-valued attributes TF ``version``
    (the selected one by default) did not have; the GraphDef itself when the table lacks the version."""
    known = op_attrs.known(version or settings.current("tf1_version"))
    if known is None:
        return graph_def
    result = graph_pb2.GraphDef()
    result.CopyFrom(graph_def)
    for node in result.node:
        _strip_node(node, known)
    for function in result.library.function:
        for node in function.node_def:
            _strip_node(node, known)
    return result


def write_graph(graph_or_graph_def, logdir, name, as_text=True):
    """``tf.train.write_graph``: TF 2.21's, the graph (or a MetaGraphDef's graph) made loadable by TF 1.x."""
    proto = graph_or_graph_def
    if tf1_graphs():
        if isinstance(proto, ops.Graph):
            proto = for_tf1(proto.as_graph_def())
        elif isinstance(proto, graph_pb2.GraphDef):
            proto = for_tf1(proto)
        elif isinstance(proto, meta_graph_pb2.MetaGraphDef):
            meta = meta_graph_pb2.MetaGraphDef()
            meta.CopyFrom(proto)
            meta.graph_def.CopyFrom(for_tf1(proto.graph_def))
            proto = meta
    return _tf2["write_graph"](proto, logdir, name, as_text=as_text)


@functools.wraps(_tf2["convert_variables_to_constants"])
def convert_variables_to_constants(*args, **kwargs):
    """TF 2.21's freezing (variables -> Const), its GraphDef made loadable by TF 1.x (see ``for_tf1``)."""
    frozen = _tf2["convert_variables_to_constants"](*args, **kwargs)
    return for_tf1(frozen) if tf1_graphs() else frozen


def patch():
    """Route the writers through the functions above (idempotent): the modules TensorFlow's own code
    calls through, and the exported names TF1 code reaches."""
    import tensorflow as tf

    graph_io.write_graph = write_graph  # meta_graph.export_scoped_meta_graph writes through it
    convert_to_constants.convert_variables_to_constants = convert_variables_to_constants
    for module in (tf.compat.v1.train, tf.compat.v1.io, tf.io):
        module.write_graph = write_graph
    tf.compat.v1.graph_util.convert_variables_to_constants = convert_variables_to_constants
