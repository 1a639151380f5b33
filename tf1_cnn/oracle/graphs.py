"""``compare``'s graph rule: the probe's records of both sides, record by record, op by op.

A record (``probe.py``) is what a graph gained since the last record, taken at a session run:
``{"record", "run", "cell", "graph", "start", "ops": [[name, type, "file:line", seed, seed2], ...]}``.
The graphs are identical when both sides made the same records: the same graph, graph seed,
starting at the same op, with the same ops (name and type, in creation order). The source lines are
not compared (they are the same code); they are shown beside a difference.

Random ops (the ops with a ``seed2`` attribute: draws, shuffles) are compared apart from the
structure: the k-th random op of one side against the k-th of the other, by (seed, seed2).
That count says whether draws get TF 1.x's seeds even where the structure differs elsewhere.
"""
import json

CONTEXT = 3  # ops shown before and after a difference
MAX_BLOCKS = 200  # differing runs of ops listed in the JSON


def read_records(path):
    """(records, end) from a probe's JSON-lines file; end is None when the probe did not finish."""
    records, end = [], None
    try:
        with open(path) as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except ValueError:  # a line cut by a kill: the run ended there
                    break
                if "end" in item:
                    end = item
                else:
                    records.append(item)
    except FileNotFoundError:
        pass
    return records, end


def op_counts(records):
    """Ops per graph at the last record: {graph: count}."""
    counts = {}
    for r in records:
        counts[r["graph"]] = max(counts.get(r["graph"], 0), r["start"] + len(r["ops"]))
    return counts


def _where(record):
    cell = f" (cell {record['cell']})" if record.get("cell") is not None else ""
    return f"session run {record['run']}{cell}, graph {record['graph']}"


def _op(entry, index):
    name, op_type, source = entry[0], entry[1], entry[2]
    return {"index": index, "name": name, "type": op_type, "source": source}


def _context(record, j):
    lo, hi = max(0, j - CONTEXT), min(len(record["ops"]), j + CONTEXT + 1)
    return [_op(record["ops"][k], record["start"] + k) for k in range(lo, hi)]


def first_difference(tf1_records, runtime_records):
    """The first difference of the two sides' records, or None when identical.

    A dict: ``record`` (1-based), ``where`` (session run, cell, graph), ``index`` (the op's
    position in its graph), ``tf1`` / ``runtime`` (the op there, or None past a side's end)
    and ``context`` of each side (a few ops around it, with their source lines).
    """
    for i in range(max(len(tf1_records), len(runtime_records))):
        a = tf1_records[i] if i < len(tf1_records) else None
        b = runtime_records[i] if i < len(runtime_records) else None
        if a is None or b is None:
            have = a or b
            return {"record": i + 1, "where": _where(have), "index": have["start"],
                    "kind": "no such record on " + ("TF 1.x" if a is None else "the runtime"),
                    "tf1": _op(a["ops"][0], a["start"]) if a else None,
                    "runtime": _op(b["ops"][0], b["start"]) if b else None,
                    "context": {"tf1": _context(a, 0) if a else [], "runtime": _context(b, 0) if b else []}}
        if a["graph"] != b["graph"] or a["start"] != b["start"]:
            return {"record": i + 1, "where": _where(a), "index": min(a["start"], b["start"]),
                    "kind": f"recorded at another point (TF 1.x: graph {a['graph']} from op {a['start']}, "
                            f"runtime: graph {b['graph']} from op {b['start']})",
                    "tf1": _op(a["ops"][0], a["start"]), "runtime": _op(b["ops"][0], b["start"]),
                    "context": {"tf1": _context(a, 0), "runtime": _context(b, 0)}}
        if a.get("graph_seed") != b.get("graph_seed"):  # Estimator on TF 1.3 set graph seed 1 by default
            return {"record": i + 1, "where": _where(a), "index": a["start"],
                    "kind": f"graph seed {a.get('graph_seed')} on TF 1.x, {b.get('graph_seed')} on the runtime",
                    "tf1": _op(a["ops"][0], a["start"]), "runtime": _op(b["ops"][0], b["start"]),
                    "context": {"tf1": _context(a, 0), "runtime": _context(b, 0)}}
        for j in range(max(len(a["ops"]), len(b["ops"]))):
            oa = a["ops"][j] if j < len(a["ops"]) else None
            ob = b["ops"][j] if j < len(b["ops"]) else None
            if oa is None or ob is None or oa[0] != ob[0] or oa[1] != ob[1]:
                kind = ("another name" if oa and ob and oa[1] == ob[1] else "another type" if oa and ob and oa[0] == ob[0]
                        else "another op" if oa and ob else "an extra op on " + ("TF 1.x" if ob is None else "the runtime"))
                return {"record": i + 1, "where": _where(a), "index": a["start"] + j, "kind": kind,
                        "tf1": _op(oa, a["start"] + j) if oa else None,
                        "runtime": _op(ob, b["start"] + j) if ob else None,
                        "context": {"tf1": _context(a, j), "runtime": _context(b, j)}}
    return None


def random_ops(records):
    return [op for r in records for op in r["ops"] if op[4] is not None]


def seed_differences(tf1_records, runtime_records):
    """Random ops of each side, how many of the k-th pairs differ in (seed, seed2), and the first."""
    a, b = random_ops(tf1_records), random_ops(runtime_records)
    differ = [(x, y) for x, y in zip(a, b) if (x[3], x[4]) != (y[3], y[4])]
    first = None
    if differ:
        x, y = differ[0]
        first = {"tf1": {"name": x[0], "type": x[1], "source": x[2], "seed": x[3], "seed2": x[4]},
                 "runtime": {"name": y[0], "type": y[1], "source": y[2], "seed": y[3], "seed2": y[4]}}
    return {"random_ops": [len(a), len(b)], "seeds_differ": len(differ), "first": first}


def _graph_ops(records):
    """{graph: [op, ...]} in creation order, from the records."""
    ops = {}
    for r in records:
        ops.setdefault(r["graph"], []).extend(r["ops"])
    return ops


def _scope(names):
    """The longest common name scope of op names ("" when none)."""
    parts = [n.split("/") for n in names]
    common = []
    for level in zip(*parts):
        if len(set(level)) != 1:
            break
        common.append(level[0])
    return "/".join(common)


def blocks(tf1_records, runtime_records, limit=MAX_BLOCKS):
    """Every run of differing ops of each graph (difflib's alignment of (name, type) sequences).

    One dict a block: graph, TF 1.x's op range and the runtime's, the ops' common name scope,
    the source lines, TF 1.x's and the runtime's op types. This is the list to group by TF1
    function: after the first difference, first_difference's positions no longer line up.
    """
    import difflib

    a_ops, b_ops = _graph_ops(tf1_records), _graph_ops(runtime_records)
    out = []
    for graph in sorted(set(a_ops) | set(b_ops)):
        a, b = a_ops.get(graph, []), b_ops.get(graph, [])
        matcher = difflib.SequenceMatcher(None, [(o[0], o[1]) for o in a], [(o[0], o[1]) for o in b], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if len(out) >= limit:
                return out, True
            sa, sb = a[i1:i2], b[j1:j2]
            out.append({"graph": graph, "tf1": [i1, i2], "runtime": [j1, j2],
                        "scope": _scope([o[0] for o in sa + sb]),
                        "sources": sorted({o[2] for o in sa + sb if o[2]}),
                        "tf1_types": [o[1] for o in sa][:40], "runtime_types": [o[1] for o in sb][:40],
                        "tf1_names": [o[0] for o in sa][:40], "runtime_names": [o[0] for o in sb][:40]})
    return out, False


def compare(tf1_records, runtime_records):
    """Everything ``compare`` reports about the graphs (a JSON-ready dict)."""
    diff = first_difference(tf1_records, runtime_records)
    found, more = blocks(tf1_records, runtime_records) if diff else ([], False)
    return {"identical": diff is None, "blocks": found, "more_blocks": more,
            "records": [len(tf1_records), len(runtime_records)],
            "ops": [sum(op_counts(tf1_records).values()), sum(op_counts(runtime_records).values())],
            "first_difference": diff, **seed_differences(tf1_records, runtime_records)}


def format_difference(diff, tf1_label="TF 1.x", runtime_label="runtime"):
    """The lines shown for a first difference: where, then both sides' context in two columns."""
    lines = [f"first difference at op {diff['index']} ({diff['kind']}), {diff['where']}"]

    def cell(op):
        return f"{op['index']:>5} {op['type']:<14} {op['name']:<34} {op['source'] or '-'}" if op else ""

    a, b = diff["context"]["tf1"], diff["context"]["runtime"]
    width = max([len(cell(op)) for op in a] + [len(tf1_label)])
    lines.append(f"    {tf1_label:<{width}}  | {runtime_label}")
    at = diff["index"]
    for k in range(max(len(a), len(b))):
        oa = a[k] if k < len(a) else None
        ob = b[k] if k < len(b) else None
        mark = ">" if (oa and oa["index"] == at) or (ob and ob["index"] == at) else " "
        lines.append(f"  {mark} {cell(oa):<{width}}  | {cell(ob)}")
    return lines


class StatementLines:
    """``file:line`` -> ``file:first line of the innermost statement holding it``, for both sides alike.

    Python 3.6 / 3.7 (TF 1.x's side) number a frame of a call that spans lines by the line
    being evaluated (often the last argument's); Python 3.8+ by the call's first line. The same
    code would show two line numbers for one op; mapped to the statement's first line, it shows
    one. ``folder`` holds the code's files (the user's folder: the sides ran on copies of it);
    ``cells`` maps ``<cell N>`` to that cell's code (a notebook).
    """

    def __init__(self, folder, cells=None):
        self.folder, self.cells, self._maps = folder, cells or {}, {}

    def _map(self, name):
        if name not in self._maps:
            import ast
            import os

            source = self.cells.get(name)
            if source is None:
                try:
                    with open(os.path.join(self.folder, name), encoding="utf-8", errors="replace") as f:
                        source = f.read()
                except OSError:
                    source = ""
            spans = {}
            try:
                for node in ast.walk(ast.parse(source)):
                    if isinstance(node, ast.stmt) and node.end_lineno:
                        for line in range(node.lineno, node.end_lineno + 1):
                            old = spans.get(line)
                            if old is None or node.end_lineno - node.lineno < old[1] - old[0]:
                                spans[line] = (node.lineno, node.end_lineno)
            except (SyntaxError, ValueError):  # Python 2 code, say: lines as recorded
                spans = {}
            self._maps[name] = {line: span[0] for line, span in spans.items()}
        return self._maps[name]

    def __call__(self, place):
        if not place:
            return place
        name, _, line = place.rpartition(":")
        if not line.isdigit():
            return place
        return f"{name}:{self._map(name).get(int(line), int(line))}"

    def apply(self, records):
        for r in records:
            for op in r["ops"]:
                op[2] = self(op[2])
        return records
