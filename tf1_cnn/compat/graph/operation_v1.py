"""TF 1.x's ``tf.Operation(node_def, g, inputs, ...)`` constructor on TensorFlow 2.21's C-API graphs.

TF 1.x code builds ops by hand with the public constructor
``tf.Operation(node_def, g, inputs=None, output_types=None, control_inputs=None, input_types=None,
original_op=None, op_def=None)`` (Edward's ``ed.copy``, graph-surgery helpers). TF 2.21 keeps that
constructor only as ``Operation.from_node_def``: calling the class itself fails ("function takes
exactly 2 arguments"), since its instances are made from a finished ``TF_Operation``.

TF 1.0-1.4 (``--tf1-version 1.3`` / ``1.4``) built ops in Python (``_USE_C_API = False``): an op could
be made with *fewer inputs than its OpDef declares* and be given them afterwards with
``op._add_input(tensor, dtype=None)`` (its NodeDef's inputs recomputed; ``import_graph_def`` and
Edward relied on it), its output shapes set when ``ops.set_shapes_for_outputs(op)`` ran its shape
function. TF 1.5-1.15 made ops through the C API: inputs complete at construction, no ``_add_input``
(checked against TF 1.4.1 and 1.15.5).

On 2.21 an op object's ``TF_Operation`` is fixed when the object is made, so the missing inputs of a
TF 1.0-1.4 op are *stand-ins*: one Placeholder of unknown shape per dtype and graph
(``tf1_cnn_pending_input/<dtype>``; a ref dtype's an unused ``VariableV2``), never run (a session
prunes them: nothing consumes them once the op is complete), and not counted by the op-seed rule
(``standins(graph)``: TF 1.4 made no such op, so later random ops keep TF 1.4's op seeds).
``_add_input`` moves the next missing input's edge to the given tensor (the C API's ``UpdateEdge``, as
2.21's own ``_update_input``), and
``set_shapes_for_outputs`` runs the op's shape function with the real inputs as TF 1.4 did: the
same op is made in a scratch graph whose inputs carry what TF 1.4's ``call_cpp_shape_fn`` gave the
C++ shape function (each input's static shape, its ``constant_value``, or ``constant_value_as_shape``
for a shape vector), and its output shapes are merged into the op's.

``install()`` (legacy only) gives ``ops.Operation`` a ``__new__`` that takes both forms (2.21's own
``Operation(c_op, tensor_class)`` unchanged) and ``_add_input``, and makes ``Graph._add_op`` of an op
the constructor already added (as 2.21 adds every op it makes) return its id instead of listing it
twice (TF 1.4's constructor left adding to the caller; Edward does so).

Known differences from TF 1.4: the stand-ins are listed by ``get_operations()`` and written in the
GraphDef (unconsumed); a moved edge's NodeDef input reads ``name:0`` where TF 1.4 wrote ``name``; an
``_add_input`` beyond the OpDef's inputs is a ValueError here (TF 1.4 appended it, and the graph then
failed to run); a copied while loop keeps its frame name, which TF 2.21's executor refuses for two
loops ("more than one LoopCond"), where TF 1.4 ran both.
"""
import weakref

_STANDINS = weakref.WeakKeyDictionary()  # graph -> {dtype: stand-in Tensor}
_PENDING = "_tf1_cnn_pending"  # op attribute: the flat input indices still stand-ins (a list)
_V1 = "_tf1_cnn_v1"  # op attribute: made through the TF 1.x constructor


def flat_input_types(op_def, attrs):
    """The flat list of input DTypes an op of ``op_def`` with NodeDef attrs ``attrs`` takes.

    A ``number_attr`` arg is N inputs of its type, a ``type_list_attr`` arg one per listed type, a
    ref arg a ref dtype: what TF 1.x's op_def_library and ``_reconstruct_sequence_inputs`` read.
    """
    from tensorflow.python.framework import dtypes

    types = []
    for arg in op_def.input_arg:
        if arg.type_list_attr:
            arg_types = list(attrs[arg.type_list_attr].list.type)
        else:
            one = arg.type if arg.type else attrs[arg.type_attr].type
            arg_types = [one] * (attrs[arg.number_attr].i if arg.number_attr else 1)
        for t in arg_types:
            dtype = dtypes.as_dtype(t)
            types.append(dtype._as_ref if arg.is_ref else dtype)
    return types


def standins(graph):
    """How many stand-in ops ``graph`` has (the op-seed rule leaves them out of TF 1.x's op count)."""
    cache = _STANDINS.get(graph)
    return len(cache) if cache else 0


def _standin(graph, dtype):
    """A Placeholder (a ref dtype: an unused VariableV2) of ``dtype`` in ``graph``, made once."""
    from tensorflow.python.framework import ops

    cache = _STANDINS.setdefault(graph, {})
    if dtype not in cache:
        context = graph._get_control_flow_context()
        graph._set_control_flow_context(None)
        try:
            with graph.as_default(), ops.control_dependencies(None), ops.device(None), ops.name_scope(None):
                cache[dtype] = _source(graph, dtype, None, f"tf1_cnn_pending_input/{dtype.name}")
        finally:
            graph._set_control_flow_context(context)
    return cache[dtype]


def _source(graph, dtype, shape, name):
    """A Placeholder of ``dtype`` and ``shape`` (None: unknown), or for a ref dtype a VariableV2 (never run)."""
    from tensorflow.python.framework import tensor_shape

    ref = dtype._is_ref_dtype
    attrs = {"dtype": _attr(type=dtype.base_dtype.as_datatype_enum),
             "shape": _attr(shape=tensor_shape.TensorShape([] if ref and shape is None else shape).as_proto())}
    if ref:
        attrs.update(container=_attr(s=b""), shared_name=_attr(s=b""))
    op = graph._create_op_internal("VariableV2" if ref else "Placeholder", [], [dtype], name=name, attrs=attrs,
                                   compute_device=False)
    return op.outputs[0]


def _attr(**kwargs):
    from tensorflow.core.framework import attr_value_pb2

    return attr_value_pb2.AttrValue(**kwargs)


def construct(cls, node_def, g, inputs=None, output_types=None, control_inputs=None, input_types=None,
              original_op=None, op_def=None):
    """``tf.Operation(node_def, g, inputs, ...)`` as the selected TF 1.x version made it (module doc).

    Under 1.15 (and for complete inputs under every version) this is 2.21's ``from_node_def``; under
    1.3/1.4 inputs the OpDef declares beyond ``inputs`` are stand-ins until ``_add_input``.
    """
    from tensorflow.python.client import _pywrap_tf_session as pywrap
    from tensorflow.python.framework import ops, tensor as tensor_lib
    from tensorflow.core.framework import node_def_pb2

    from ..settings import current

    if not isinstance(node_def, node_def_pb2.NodeDef):
        raise TypeError(f"node_def needs to be a NodeDef: {node_def}")
    if not isinstance(g, ops.Graph):
        raise TypeError(f"g needs to be a Graph: {g}")
    if op_def is None:
        op_def = g.op_def_for_type(node_def.op)
    inputs = [] if inputs is None else inputs
    if not isinstance(inputs, list):
        raise TypeError(f"inputs needs to be a list of Tensors: {inputs}")
    wanted = flat_input_types(op_def, node_def.attr)
    if current("tf1_version") == "1.15" or len(inputs) >= len(wanted):
        op = ops.Operation.from_node_def(node_def, g, inputs, output_types, control_inputs, input_types,
                                         original_op, op_def)
        setattr(op, _V1, True)
        return op
    for a in inputs:
        if not isinstance(a, tensor_lib.Tensor):
            raise TypeError(f"input needs to be a Tensor: {a}")
    if input_types and not all(x.is_compatible_with(i.dtype) for i, x in zip(inputs, input_types)):
        raise TypeError("In op '%s', input types (%s) are not compatible with expected types (%s)"
                        % (node_def.name, [i.dtype for i in inputs], input_types))
    controls = []
    for c in control_inputs or []:
        if isinstance(c, ops.Operation):
            controls.append(c)
        elif isinstance(c, (tensor_lib.Tensor, ops.IndexedSlices)):
            controls.append(c.op)
        else:
            raise TypeError(f"Control input must be an Operation, a Tensor, or IndexedSlices: {c}")
    missing = list(range(len(inputs), len(wanted)))
    full = list(inputs) + [_standin(g, wanted[i]) for i in missing]
    if not ops._VALID_OP_NAME_REGEX.match(node_def.name):
        raise ValueError(f"'{node_def.name}' is not a valid node name")
    c_op = ops._create_c_op(g, node_def, full, controls, op_def=op_def)
    op = pywrap.PyOperation.__new__(cls, c_op, ops.SymbolicTensor)
    op._init(g)
    op._original_op = original_op
    setattr(op, _V1, True)
    setattr(op, _PENDING, missing)
    # TF 1.4 added the op to its control-flow context when made, with the inputs it had then
    if op._control_flow_context is not None:
        op._control_flow_context.AddOp(op)
    return op


def add_input(op, tensor, dtype=None):
    """TF 1.0-1.4 ``Operation._add_input(tensor, dtype=None)``: the op's next input is ``tensor``.

    ``dtype`` (default the tensor's) must be compatible with the tensor's, as there. On 2.21 the next
    stand-in input's edge moves to ``tensor``; an op with all its inputs has no next input (TF 1.4
    appended one its OpDef did not declare, which failed when the graph ran): a ValueError here.
    """
    from tensorflow.python.framework import dtypes, ops, tensor as tensor_lib

    from ..settings import current

    if current("tf1_version") == "1.15":  # TF 1.5-1.15 had no _add_input (the C API's inputs are fixed)
        raise AttributeError("'Operation' object has no attribute '_add_input'")
    if not isinstance(tensor, tensor_lib.Tensor):
        raise TypeError("tensor must be a Tensor: %s" % tensor)
    ops._assert_same_graph(op, tensor)
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
        if not dtype.is_compatible_with(tensor.dtype):
            raise TypeError("Cannot convert a tensor of type %s to an input of type %s"
                            % (tensor.dtype.name, dtype.name))
    missing = getattr(op, _PENDING, None)
    if not missing:
        raise ValueError(f"Operation {op.name!r} ({op.type}) already has all {len(op.inputs)} inputs its "
                         "OpDef declares; _add_input has no input left to set")
    op._update_input(missing.pop(0), tensor)


def set_shapes(op):
    """TF 1.0-1.4 ``set_shapes_for_outputs(op)`` of an op made with stand-in inputs (module doc).

    The op's shape function is run again on its real inputs in a scratch graph: an input is a Const
    there if TF 1.4's ``constant_value`` knows its value, a Pack of known dims and unknown scalars if
    it is a shape vector ``constant_value_as_shape`` partly knows, else a Placeholder of its static
    shape (a resource: with its handle data). The outputs' shapes merge into the op's.
    """
    if not getattr(op, _V1, False) or getattr(op, _PENDING, None) is None:
        return
    from tensorflow.python.framework import ops

    scratch = ops.Graph()
    with scratch.as_default():
        types = flat_input_types(op.op_def, op.node_def.attr)
        inputs = [_scratch_input(t, dtype) for t, dtype in zip(op.inputs, types)]
        node_def = op.node_def
        del node_def.input[:]
        node_def.ClearField("device")
        twin = ops.Operation.from_node_def(node_def, scratch, inputs, op_def=op.op_def)
    for mine, its in zip(op.outputs, twin.outputs):
        mine.set_shape(its.shape)


def _scratch_input(t, dtype):
    from tensorflow.python.framework import constant_op, dtypes, ops, tensor_shape, tensor_util
    from tensorflow.python.ops import array_ops, array_ops_stack, handle_data_util

    if dtype._is_ref_dtype:
        return _source(ops.get_default_graph(), dtype, t.shape, "ref")
    value = tensor_util.constant_value(t)
    if value is not None:
        return constant_op.constant(value, dtype=t.dtype)
    if t.dtype in (dtypes.int32, dtypes.int64) and t.shape.rank == 1:
        shape = tensor_util.constant_value_as_shape(t)
        if shape.rank is not None and any(d is not None for d in shape.as_list()):
            return array_ops_stack.stack([
                constant_op.constant(d, t.dtype) if d is not None else array_ops.placeholder(t.dtype, [])
                for d in shape.as_list()])
    ph = array_ops.placeholder(t.dtype.base_dtype, tensor_shape.TensorShape(t.shape))
    if t.dtype == dtypes.resource:
        handle_data = handle_data_util.get_resource_handle_data(t)
        if handle_data is not None:
            handle_data_util.set_handle_data(ph, handle_data)
    return ph


def install():
    """Give ``ops.Operation`` TF 1.x's constructor and ``_add_input`` (idempotent; legacy only)."""
    from tensorflow.python.client import _pywrap_tf_session as pywrap
    from tensorflow.python.framework import ops

    if ops.Operation.__dict__.get("__new__") is not None:
        return
    new = pywrap.PyOperation.__new__
    node_def_type = None

    def __new__(cls, *args, **kwargs):  # noqa: N807
        """``Operation(c_op, tensor_class)`` as 2.21 makes it, or TF 1.x's ``Operation(node_def, g, ...)``."""
        nonlocal node_def_type
        if node_def_type is None:
            from tensorflow.core.framework import node_def_pb2

            node_def_type = node_def_pb2.NodeDef
        if kwargs or (args and isinstance(args[0], node_def_type)):
            return construct(cls, *args, **kwargs)
        return new(cls, *args)

    ops.Operation.__new__ = __new__

    def _add_input(self, tensor, dtype=None):
        add_input(self, tensor, dtype)

    _add_input.__doc__ = add_input.__doc__
    ops.Operation._add_input = _add_input
    add_op = ops.Graph._add_op

    def _add_op(self, op):
        """2.21's ``_add_op``; an op the TF 1.x constructor already added keeps its id (listed once)."""
        if getattr(op, _V1, False) and getattr(op, "_id_value", None) is not None:
            return op._id_value
        return add_op(self, op)

    ops.Graph._add_op = _add_op
