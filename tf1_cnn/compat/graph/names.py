"""Op names as TF 1.x made them, on TensorFlow 2.21.

Two naming rules of TF 1.x that TF 2.21 changed; both only rename operations (no
op is added or removed, so op counts and seeds stay as they are):

1. **Unique names, case-sensitively (TF 1.0-1.8).** ``Graph.unique_name`` of
   TF 1.3.0 / 1.4.1 (``tensorflow/python/framework/ops.py``) keyed ``_names_in_use``
   on the name itself; TF 1.9 onwards (checked: 1.15.5, and 2.21) keys it on
   ``name.lower()``. So four placeholders ``X``, ``x``, ``x``, ``X`` are named
   ``X, x, x_1, X_1`` on TF 1.3/1.4 and ``X, x_1, x_2, X_3`` on 1.15 and 2.21
   (oracle: ``tests/test_names.py``).
2. **tf.layers' auxiliary name scopes (TF 1.3, 1.4).** A TF 1.3/1.4 ``tf.layers``
   layer (``tensorflow/python/layers/base.py``) re-entered its variable scope with
   ``vs.variable_scope(self._scope)`` at every ``__call__`` and every
   ``add_variable``, and that opened (and used up) a name scope named after the
   scope's last component, in the name scope current at that moment; the ops then
   went to ``scope.original_name_scope``. So a second unnamed ``conv2d`` keeps its
   variables in ``conv2d_1/`` but its ops land in ``conv2d_2/`` (``conv2d_1`` was
   used up by the first layer's call). From 1.5 the layer passes
   ``auxiliary_name_scope=False`` (tf_keras's legacy layers do too): ops and
   variables share ``conv2d_1/``. Under 1.3/1.4 the runtime uses the same names up
   (``Graph.unique_name``, which marks them as TF 1.x's name scope did).

Both follow the selected TF 1.x version (``settings.current("tf1_version")``) and
apply only to graphs built under the runtime's TF1 behaviour (seed rule "tf1":
``install()``, ``legacy``, ``using(seed_rule="tf1")``); under "tf2" TensorFlow 2's
own naming stays. Keras 2 layers (tf_keras's ``Layer``) name as on 1.15 and are
left alone.
"""
import functools
import weakref

from tensorflow.python.client import pywrap_tf_session
from tensorflow.python.framework import ops

from .. import post_import, settings

LAST_CASE_SENSITIVE = (1, 8)  # TF 1.9 made unique_name case-insensitive
LAST_AUXILIARY_SCOPES = (1, 4)  # TF 1.5 gave tf.layers auxiliary_name_scope=False

_tf2_unique_name = ops.Graph.unique_name
_tf2_create_op_from_tf_operation = ops.Graph._create_op_from_tf_operation


def version_tuple(version=None):
    """``"1.15"`` -> (1, 15); the selected TF 1.x version by default."""
    version = version or settings.current("tf1_version")
    return tuple(int(part) for part in version.split("."))


def tf1_graphs():
    """Is the runtime's TF1 behaviour selected (seed rule "tf1")? Otherwise TF 2's names and types stay."""
    return settings.current("seed_rule") == "tf1"


def case_sensitive():
    """Are names made unique case-sensitively now (TF 1.0-1.8 under the runtime)?"""
    return tf1_graphs() and version_tuple() <= LAST_CASE_SENSITIVE


def auxiliary_scopes():
    """Do tf.layers use up TF 1.3/1.4's auxiliary name scopes now?"""
    return tf1_graphs() and version_tuple() <= LAST_AUXILIARY_SCOPES


def _exact_names(graph):
    """The names in use in ``graph``, case kept: {name: next suffix to try}.

    TF 2.21 keeps ``Graph._names_in_use`` by lower-cased name. The case-sensitive rule needs the
    names as they are; both rules may build ops in one graph (the project's own graphs build part
    of a graph under ``using("tf1")``), so every name made is recorded in both: the TF 2 rule then
    never picks a name the TF 1.x rule made, nor the other way round.
    """
    exact = _EXACT.get(graph)
    if exact is None:
        exact = _EXACT[graph] = {op.name: 1 for op in graph.get_operations()}
    return exact


_EXACT = weakref.WeakKeyDictionary()  # graph -> its exact names (a Graph takes no new attributes)


def unique_name(self, name, mark_as_used=True):
    """``Graph.unique_name``: TF 1.4.1's (case-sensitive) under 1.3/1.4, TF 2.21's otherwise.

    ``name`` gets the current name scope as prefix; if that is in use, ``_1``,
    ``_2``, ... is appended (the first suffix not in use). ``mark_as_used`` records
    the result so that the next call gets another one.
    """
    exact = _exact_names(self)
    if not case_sensitive():
        name = _tf2_unique_name(self, name, mark_as_used)
        if mark_as_used:
            exact.setdefault(name, 1)
        return name
    if self._name_stack:
        name = self._name_stack + "/" + name
    i = exact.get(name, 0)
    if mark_as_used:
        exact[name] = i + 1
    if i > 0:
        base_name = name
        while name in exact:
            name = "%s_%d" % (base_name, i)
            i += 1
        if mark_as_used:  # so that a later unique_name("name_1") does not clash
            exact[name] = 1
    if mark_as_used:  # TF 2's own bookkeeping (lower-cased), for the TF 2 rule in the same graph
        self._names_in_use[name.lower()] = max(self._names_in_use.get(name.lower(), 0), 1)
    return name


def _create_op_from_tf_operation(self, c_op, compute_device=True):
    """TF 2.21's, and an op made by the C API (import_graph_def, control flow) is recorded under
    its own name too (``_exact_names``)."""
    exact = _exact_names(self)
    op = _tf2_create_op_from_tf_operation(self, c_op, compute_device)
    exact.setdefault(pywrap_tf_session.TF_OperationName(c_op), 1)
    return op


def _use_up_scope_name(layer):
    """Use up the name scope TF 1.3/1.4's ``vs.variable_scope(layer._scope)`` opened: the scope's
    last component, unique in the current name scope (variable_scope.py ``__enter__``, 1.3/1.4)."""
    base = layer._scope.name.split("/")[-1] if layer._scope is not None else ""
    if base:
        ops.get_default_graph().unique_name(base)


def _wrap_call(call):
    @functools.wraps(call)
    def __call__(self, inputs, *args, **kwargs):
        if auxiliary_scopes() and not self._keras_style and not ops.executing_eagerly_outside_functions():
            self._set_scope(kwargs.get("scope"))  # as call does first; it sets the scope once
            _use_up_scope_name(self)
        return call(self, inputs, *args, **kwargs)

    __call__._tf1_cnn_names = True
    return __call__


def _wrap_add_weight(add_weight):
    @functools.wraps(add_weight)
    def wrapped(self, *args, **kwargs):
        if auxiliary_scopes() and not self._keras_style and not ops.executing_eagerly_outside_functions():
            self._set_scope(None)  # as add_weight does first
            _use_up_scope_name(self)
        return add_weight(self, *args, **kwargs)

    wrapped._tf1_cnn_names = True
    return wrapped


LEGACY_BASE = "tf_keras.src.legacy_tf_layers.base"  # tf.layers' Layer (tf_keras's TF1 layers)


def _patch_layers(base):
    if getattr(base.Layer.__call__, "_tf1_cnn_names", False):
        return
    base.Layer.__call__ = _wrap_call(base.Layer.__call__)
    base.Layer.add_weight = _wrap_add_weight(base.Layer.add_weight)


def patch():
    """Install both rules (idempotent); they act only as described in the module docstring."""
    if ops.Graph.unique_name is unique_name:
        return
    ops.Graph.unique_name = unique_name
    ops.Graph._create_op_from_tf_operation = _create_op_from_tf_operation
    # when tf_keras first loads it, so that install() does not load Keras itself (post_import.py)
    post_import.when_imported(LEGACY_BASE, _patch_layers)
