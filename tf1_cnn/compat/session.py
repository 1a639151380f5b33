"""A ``Session.run`` fast path: a training loop's repeated ``sess.run(fetches, feed_dict)`` skips
TF 2.21's Python feed / fetch handling around ``TF_SessionRun``.

Every TF1 training loop calls ``sess.run`` with the same fetch structure and the same feed keys
step after step. TF 2.21's ``BaseSession._run`` rebuilds the same things on every call: it
resolves each feed key to a graph tensor (``Graph.as_graph_element`` under the graph's lock),
builds a ``_FetchHandler`` (the fetch mappers, ``is_fetchable`` checks, the unique fetch list),
looks for TensorHandle movers, makes fresh ``TF_Output`` objects and extends the C session. For a
small step (a batch of 10, a ``tf.data`` step) that is ~150 us of a ~200 us call: more than
TF 1.15's whole call. ``bench/session_run_overhead.py`` measures it.

``install()`` wraps ``BaseSession._run`` (what ``run`` calls with its options and run_metadata
buffers; ``partial_run`` passes a handle and is left to TensorFlow). A call is keyed by its fetch
structure (containers' types and layout, dict keys, the identity of each tensor, op, variable,
sparse tensor, or the name string) and its feed keys in order. The first call with a key goes
through TensorFlow's own ``_run``; when that succeeds, what it resolved is kept per session
(``_Entry``): the fed tensors, TensorFlow's own ``_FetchHandler`` (its fetch mapper rebuilds
the result structure: lists, tuples, namedtuples, dicts, nested, ops as None, exactly as
``run`` does), the ``TF_Output`` fetches and target ops. Later calls with the key only convert
the feed values (as ``_run`` does: ``numpy_compat.np_asarray`` to the tensor's dtype) and call
``TF_SessionRun_wrapper`` through TensorFlow's ``_do_call`` (the same executors, cached by
DirectSession per signature, and the same OpError rewriting: results and op errors are those of
the normal path). Like ``make_callable``, the resolution is done once; unlike the C++
``MakeCallable``, no second set of executors is built (the memory a callable would add is not
added).

Anything the fast path would not do exactly as ``_run`` does goes through ``_run`` itself, which
then raises its own error or does its own work: a closed session, a feed value that is a Tensor,
a TensorHandle, an int out of the dtype's range, a shape the placeholder does not accept, a
tensor made unfeedable, a value that does not convert, a feed structure that expands otherwise
(a SparseTensor fed a tuple of another length), nested tuple feed keys, fetch types outside the
list above (attrs classes, registered conversions), TensorHandle fetches. The feeds' shapes and
feedability are checked on every call against the tensor's current static shape (``set_shape``
may refine a placeholder between calls). ``TF1_CNN_SESSION_CACHE=0`` turns the fast path off.

Sessions with a target (``tf.Session("grpc://...")``, distributed training, MonitoredTrainingSession
under TF_CONFIG) are left to TensorFlow's path: tests/test_estimator.py's asynchronous parameter-server
training reached a lower accuracy at step 60 with the fast path (0.76, 0.73 against > 0.8 without it,
twice each on a loaded machine); whether that is the faster steps changing the asynchronous
interleaving or a difference in the remote call is not settled, so remote sessions are not served.
"""
import os

import numpy as np

_MAX_ENTRIES = 256  # per session: code that builds a new fetch every step does not grow it without end
_installed = []


def install():
    """Wrap ``BaseSession._run`` with the fast path (idempotent; off under TF1_CNN_SESSION_CACHE=0)."""
    if _installed or os.environ.get("TF1_CNN_SESSION_CACHE", "1") == "0":
        return
    from tensorflow.python.client import session as session_lib

    _LEAVES.extend(_leaf_types())
    original = session_lib.BaseSession._run

    def _run(self, handle, fetches, feed_dict, options, run_metadata):
        if handle is not None or self._target:  # partial_run, a remote master (grpc://): TensorFlow's own path
            return original(self, handle, fetches, feed_dict, options, run_metadata)
        try:
            cache = self.__dict__["_tf1_cnn_run_cache"]
        except KeyError:
            cache = self.__dict__["_tf1_cnn_run_cache"] = {}
        key, keep = _call_key(fetches, feed_dict)
        entry = cache.get(key) if key is not None else None
        if entry is not None:
            result = entry.run(self, feed_dict, options, run_metadata)
            if result is not _SLOW:
                return result
        result = original(self, handle, fetches, feed_dict, options, run_metadata)
        if key is not None and entry is None:
            try:
                made = _Entry.make(self, fetches, feed_dict, keep)
            except Exception:  # whatever the entry could not resolve, the call itself succeeded
                made = None
            if made is not None:
                if len(cache) >= _MAX_ENTRIES:
                    del cache[next(iter(cache))]
                cache[key] = made
        return result

    _run._tf1_cnn_original = original
    session_lib.BaseSession._run = _run
    _installed.append(original)


def uninstall():
    """TensorFlow's own ``_run`` back (for the benchmark's before/after and tests)."""
    if _installed:
        from tensorflow.python.client import session as session_lib

        session_lib.BaseSession._run = _installed.pop()


_SLOW = object()  # the fast path declines: TensorFlow's _run handles the call


def _leaf_types():
    """[the tuple of fetch / feed key types keyed by identity, the Tensor class, the TensorHandle class,
    Graph.is_feedable]"""
    from tensorflow.python.framework import ops, sparse_tensor, tensor
    from tensorflow.python.ops import session_ops, variables

    return [(tensor.Tensor, ops.Operation, variables.Variable, sparse_tensor.SparseTensor), tensor.Tensor,
            session_ops.TensorHandle, ops.Graph.is_feedable]


_LEAVES = []  # _leaf_types(), filled by install()


def _fetch_key(fetch, keep):
    """A hashable key for a fetch structure, or None when the fast path does not take it.

    Containers by exact type (a namedtuple's class rebuilds it), dict keys with their types and
    order (the result dict is built from them), strings by value, graph objects by identity (kept
    alive in ``keep`` so their ids are not reused while an entry holds them)."""
    t = type(fetch)
    if t is str or t is bytes:
        return (t, fetch)
    if isinstance(fetch, (list, tuple)):
        parts = []
        for f in fetch:
            k = _fetch_key(f, keep)
            if k is None:
                return None
            parts.append(k)
        return (t, tuple(parts))
    if isinstance(fetch, dict):
        parts = []
        for name, f in fetch.items():
            k = _fetch_key(f, keep)
            if k is None:
                return None
            parts.append((type(name), name, k))
        return (t, tuple(parts))
    if t in _LEAVES or isinstance(fetch, _LEAVES[0]):
        keep.append(fetch)
        return id(fetch)
    return None


def _call_key(fetches, feed_dict):
    """(key, objects to keep alive) for one call, or (None, None)."""
    keep = []
    fetch_key = _fetch_key(fetches, keep)
    if fetch_key is None:
        return None, None
    if not feed_dict:
        return (fetch_key, ()), keep
    if type(feed_dict) is not dict:
        return None, None
    feeds = []
    for feed in feed_dict:
        t = type(feed)
        if t is str or t is bytes:
            feeds.append((t, feed))
        elif isinstance(feed, tuple) or not isinstance(feed, _LEAVES[0]):
            return None, None  # nested feed keys (flatten_dict_items), other types: TensorFlow's path
        else:
            keep.append(feed)
            feeds.append(id(feed))
    return (fetch_key, tuple(feeds)), keep


class _Entry:
    """What ``_run`` resolved for one fetch structure and feed keys, kept for the next calls."""

    __slots__ = ("feeds", "n_sub", "handler", "fetch_outputs", "targets", "plan", "keep", "version", "hits",
                 "own_feedable")

    @classmethod
    def make(cls, session, fetches, feed_dict, keep):
        """After a successful ``_run``: the entry, or None when the call is not one to cache."""
        from tensorflow.python.client import session as session_lib

        graph = session.graph
        feeds, fed = [], {}
        for feed, value in (feed_dict or {}).items():
            expand = _expansion(session_lib, feed)
            subs = expand(feed, value)
            tensors = []
            for sub, sub_value in subs:
                t = graph.as_graph_element(sub, allow_tensor=True, allow_operation=False)
                if not isinstance(t, _LEAVES[1]) or t.ref() in fed:
                    return None  # the same tensor fed twice: the last value wins in _run; not cached
                if isinstance(sub_value, _LEAVES[2]):
                    return None  # handle feeds may need movers: TensorFlow's path
                try:
                    dtype = t.dtype.as_numpy_dtype
                except Exception:  # dtypes without a NumPy type (resource, variant): TensorFlow's path
                    return None
                fed[t.ref()] = len(fed)
                tensors.append((t, t._as_tf_output(), dtype))
            feeds.append((expand, tensors))
        handler = session_lib._FetchHandler(graph, fetches, dict.fromkeys(fed))
        if handler._fetch_handles or not isinstance(handler._fetch_mapper, _MAPPERS(session_lib)):
            return None  # TensorHandle fetches, attrs classes: TensorFlow's path
        plan, j = [], 0
        fetched = iter(handler._fetches)
        for is_op in handler._ops:
            if is_op:
                plan.append(None)
            else:
                ref = next(fetched).ref()
                if ref in fed:
                    plan.append(("fed", fed[ref]))
                else:
                    plan.append(("run", j))
                    j += 1
        entry = cls()
        entry.feeds = feeds
        entry.n_sub = len(fed)
        entry.handler = handler
        entry.fetch_outputs = [t._as_tf_output() for t in handler.fetches()]
        entry.targets = [op._c_op for op in handler.targets()]
        entry.plan = plan
        entry.keep = keep  # the key's objects: alive as long as the entry
        entry.version = graph.version
        entry.hits = 0  # calls the fast path served (the tests and the benchmark read it)
        entry.own_feedable = type(graph).is_feedable is not _LEAVES[3]  # a Graph subclass's own rule
        if not entry.fetch_outputs and not entry.targets:
            return None  # _run makes no call at all then
        return entry

    def run(self, session, feed_dict, options, run_metadata):
        """The results of ``session._run(None, ...)``, or _SLOW when TensorFlow's path must take it."""
        if session._closed:
            return _SLOW
        graph = session._graph
        feeds, values = {}, []
        if feed_dict:
            # Graph.is_feedable asks an identity set: asked only when the graph has unfeedable tensors
            # (prevent_feeding) or a subclass answers otherwise
            feedable = graph.is_feedable if graph._unfeedable_tensors or self.own_feedable else None
            for (expand, tensors), (feed, value) in zip(self.feeds, feed_dict.items()):
                if expand is _PLAIN[0]:
                    subs = ((feed, value),)
                else:
                    try:
                        subs = expand(feed, value)
                    except Exception:
                        return _SLOW
                    if len(subs) != len(tensors):
                        return _SLOW
                for (t, output, dtype), (_, v) in zip(tensors, subs):
                    np_val = _convert(v, dtype)
                    if np_val is _SLOW or not _shape_accepts(t.get_shape(), np_val.shape) \
                            or (feedable is not None and not feedable(t)):
                        return _SLOW
                    feeds[output] = np_val
                    values.append(np_val)
        if graph.version != self.version:  # ops added since: as _run, the C session learns them first
            session._extend_graph()
            self.version = graph.version
        self.hits += 1
        results = session._do_call(session._call_tf_sessionrun, options, feeds, self.fetch_outputs,
                                   self.targets, run_metadata)
        full = [None if step is None else (results[step[1]] if step[0] == "run" else values[step[1]])
                for step in self.plan]
        return self.handler._fetch_mapper.build_results(full)


_PLAIN = []  # the default feed expansion (a plain tensor or name key: [(feed, value)])


def _expansion(session_lib, feed):
    """The feed function ``_run`` uses for this key's type (the first registered type it is an instance of)."""
    if not _PLAIN:
        _PLAIN.append(session_lib._REGISTERED_EXPANSIONS[-1][2])
    for tensor_type, _, feed_fn, _ in session_lib._REGISTERED_EXPANSIONS:
        if isinstance(feed, tensor_type):
            return feed_fn
    raise TypeError(f"{feed} in argument `feed_dict` has invalid type")  # not reached: _run raised it first


def _MAPPERS(session_lib):
    return (session_lib._ListFetchMapper, session_lib._DictFetchMapper, session_lib._ElementFetchMapper)


def _convert(value, dtype):
    """``_run``'s conversion of a feed value (numpy_compat.np_asarray to the tensor's dtype), or _SLOW
    for the values ``_run`` treats otherwise or rejects (Tensors, TensorHandles, ints out of range,
    values that do not convert): it then raises its own error."""
    if type(value) is np.ndarray and value.dtype == dtype:
        return value  # np.asarray returns the array itself
    if isinstance(value, (_LEAVES[1], _LEAVES[2])):
        return _SLOW
    if not _CONVERT:  # filled once: an import statement per feed value costs as much as the conversion
        from tensorflow.python.client import session as session_lib
        from tensorflow.python.util import numpy_compat

        # np_asarray compares NumPy's version on every call; once is enough (NumPy 1.x: np.asarray)
        numpy_1 = np.lib.NumpyVersion(np.__version__) < "2.0.0.dev0"
        _CONVERT.extend([session_lib._convert_to_numpy_obj,
                         (lambda v, d: np.asarray(v, dtype=d)) if numpy_1 else numpy_compat.np_asarray])
    to_numpy_obj, asarray = _CONVERT
    try:
        if isinstance(value, int) and to_numpy_obj(dtype, value) != value:
            return _SLOW
        return asarray(value, dtype)
    except Exception:
        return _SLOW


_CONVERT = []  # [session._convert_to_numpy_obj, numpy_compat.np_asarray or NumPy 1.x's np.asarray]


def _shape_accepts(static, shape):
    """``TensorShape.is_compatible_with(shape)`` for a NumPy shape tuple, without building a TensorShape
    (nor the Dimension objects ``TensorShape.dims`` makes: TF 2.21 keeps ``_dims``, ints and Nones)."""
    dims = static._dims
    if dims is None:
        return True
    if len(dims) != len(shape):
        return False
    for d, n in zip(dims, shape):
        if d is not None and d != n:
            return False
    return True
