"""``compare --exact``'s half of the probe: the bits of every session run, and one run's tensors.

Runs inside ``probe.py`` on both sides, so it is Python 3.6 code on the TF 1.x API and imports
nothing of this project (``probe.py`` loads it by its path). Two modes, set by ``compare``:

- ``TF1_CNN_PROBE_EXACT=FOLDER``: after every counted session run, one line in
  ``FOLDER/digests.jsonl``: ``{"run": n, "fetched": [[path, digest], ...], "variables":
  {name: digest}}``, the digest of each fetched value and of every global variable of the
  session's graph after the run (read by one more run of the variables themselves, which adds no
  op to the graph: op counts are seeds). A digest is dtype, shape and the SHA-1 of the bytes.
- ``TF1_CNN_PROBE_DUMP_RUN=k`` as well: instead of the k-th session run, one run of the same
  feeds that fetches every tensor the k-th run would compute outside a loop or cond (the ops
  that update variables or queues left out, and every op that runs after one, so nothing is changed), written to ``FOLDER/dump.npz`` with
  ``FOLDER/dump.json``: per tensor its op, type, inputs and graph position; and the ops that
  update each variable. Then the probe stops. Fetching intermediate tensors can keep TF 2.21's
  graph optimizer from fusing the ops around them: the dump shows each op's own result.
"""
import hashlib
import json
import os

import numpy as np

# ops whose output is a variable's value: fetched although they are stateful
VARIABLE_OPS = ("Variable", "VariableV2", "ReadVariableOp")
MAX_DUMP_BYTES = 1 << 30  # the dump of one run, both sides kept in memory by compare


def digest(value):
    """``"<f4[2, 3]:sha1"`` of a fetched value (None for an op's None)."""
    if value is None:
        return None
    array = np.asarray(value)
    if array.dtype == object:  # strings, a SparseTensorValue's parts
        data = repr(array.tolist()).encode("utf-8")
    else:
        data = np.ascontiguousarray(array).tobytes()
    return "{}{}:{}".format(array.dtype.str, list(array.shape), hashlib.sha1(data).hexdigest()[:20])


def leaves(value, path=""):
    """[(path, leaf)] of a fetch result (lists, tuples, namedtuples, dicts), in a fixed order."""
    if isinstance(value, dict):
        out = []
        for key in sorted(value, key=str):
            out.extend(leaves(value[key], "{}[{!r}]".format(path, key)))
        return out
    if isinstance(value, (list, tuple)) and not hasattr(value, "indices"):  # not a SparseTensorValue
        out = []
        for i, item in enumerate(value):
            out.extend(leaves(item, "{}[{}]".format(path, i)))
        return out
    return [(path or "[]", value)]


def _changes_state(op):
    """True for an op that changes a variable or a queue (Assign, ApplyAdam, a dequeue, ...).

    TF 1.x marks a ref variable's updates by their ``Ref(T)`` inputs, not as stateful ops; a resource
    variable's or queue's by a resource input to a stateful op. A random op is stateful too, but only
    its own generator moves: it is fetched (the dumped run draws what the run itself would have drawn).
    """
    if op.type in VARIABLE_OPS:
        return False
    op_def = op.op_def
    if op_def is None or any(arg.is_ref for arg in op_def.input_arg):
        return True
    return op_def.is_stateful and any(t.dtype.base_dtype.name == "resource" for t in op.inputs)


class Exact(object):
    def __init__(self, folder, dump_run=0):
        self.folder = folder
        self.dump_run = dump_run
        self.out = open(os.path.join(folder, "digests.jsonl"), "a")

    def after_run(self, run, session, result, original_run):
        """One digest line for session run ``run`` (``result`` what it returned)."""
        names, values = [], []
        for v in session.graph.get_collection("variables"):
            names.append(v.op.name)
            values.append(v)
        try:
            read = original_run(session, values) if values else []
            variables = dict(zip(names, [digest(x) for x in read]))
        except Exception:  # not initialized yet (the run that initializes comes later)
            variables = None
        fetched = [[p, digest(x)] for p, x in leaves(result)]
        self.out.write(json.dumps({"run": run, "fetched": fetched, "variables": variables}) + "\n")
        self.out.flush()

    def dump(self, session, fetches, feed_dict, original_run):
        """Fetch every tensor run ``self.dump_run`` computes (the update ops left out); write the dump."""
        from tensorflow.python.client import session as session_module

        graph = session.graph
        handler = session_module._FetchHandler(graph, fetches, {})
        order = {op.name: i for i, op in enumerate(graph.get_operations())}
        seen, stack = set(), [t.op for t in handler.fetches()] + list(handler.targets())
        while stack:
            op = stack.pop()
            if op.name in seen:
                continue
            seen.add(op.name)
            stack.extend(t.op for t in op.inputs)
            stack.extend(op.control_inputs)
        ops = sorted((graph.get_operation_by_name(n) for n in seen), key=lambda op: order[op.name])
        tensors, meta, updates = [], [], []
        # an op that runs after a state change (a data or control input on an update, as Adam's beta
        # power products under control_dependencies(update_ops)) would run the update: not fetched
        after_update = set()
        for op in ops:
            variable_inputs = [t.op.name for t in op.inputs if t.op.type in VARIABLE_OPS + ("VarHandleOp",)]
            if _changes_state(op):
                if variable_inputs:
                    updates.append({"op": op.name, "type": op.type, "variables": variable_inputs})
                after_update.add(op.name)
                continue
            if any(t.op.name in after_update for t in op.inputs) or any(
                    c.name in after_update for c in op.control_inputs):
                after_update.add(op.name)
                continue
            if op._get_control_flow_context() is not None:  # inside a while loop or cond: not fetchable
                continue
            for t in op.outputs:
                dtype = t.dtype.base_dtype
                if not (dtype.is_floating or dtype.is_integer or dtype.is_bool) or not graph.is_fetchable(t):
                    continue
                tensors.append(t)
                meta.append({"tensor": t.name, "op": op.name, "type": op.type, "index": order[op.name],
                             "inputs": [x.name for x in op.inputs]})
        error = None
        arrays = {}
        try:
            values = original_run(session, tensors, feed_dict=feed_dict)
            size = 0
            for i, value in enumerate(values):
                value = np.asarray(value)
                size += value.nbytes
                if size > MAX_DUMP_BYTES:
                    error = "the dump stopped at {} MB".format(MAX_DUMP_BYTES >> 20)
                    meta = meta[:i]
                    break
                arrays["t{}".format(i)] = value
                meta[i]["key"] = "t{}".format(i)
        except Exception as exc:
            error = "{}: {}".format(type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
            meta = []
        np.savez(os.path.join(self.folder, "dump.npz"), **arrays)
        with open(os.path.join(self.folder, "dump.json"), "w") as f:
            json.dump({"run": self.dump_run, "tensors": meta, "updates": updates, "error": error}, f)


def from_environ():
    """The Exact of this probe run, or None when compare did not ask for one."""
    folder = os.environ.get("TF1_CNN_PROBE_EXACT")
    if not folder:
        return None
    return Exact(folder, int(os.environ.get("TF1_CNN_PROBE_DUMP_RUN") or 0))
