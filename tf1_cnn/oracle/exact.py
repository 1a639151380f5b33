"""``compare --exact``: the first session run where a training leaves TF 1.x bit for bit, and the op that did it.

Printed numbers hide the last bits, and a training that parts from TF 1.x in one weight's last
bit prints the same losses for a while. So ``--exact`` compares bits, in two passes:

1. Both sides run with digests (``exact_probe.py``): after every session run, the SHA-1 of each
   fetched value and of every global variable. The first run whose digests differ is where the
   two trainings part (every run before it was bit-identical on both sides).
2. Both sides run again up to that run and, instead of it, fetch every tensor it would compute
   (outside loops and conds; update ops left out). Walking the ops in the graph's order, each
   tensor that differs although every input of its op that was dumped is identical names an op
   that computes otherwise than TF 1.x: its type (``Exp``, ``Conv2DBackpropFilter``, ...), how many
   elements differ, by how much, and in ULPs. One of them caused the difference; which, the
   report does not decide (an op may differ in a branch whose result the update does not use, as
   the labels' gradient of a cross-entropy). When every dumped tensor agrees but variables differ after
   the run, either the ops that updated them (``ApplyAdam``, ...) or the graph optimizer's rewrites
   of the real run are the cause: TF 1.15's and TF 2.21's grappler reassociate a chain of products
   with constants differently (measured: ``(a * c1) * b * c2`` became ``(a * c2) * (b * c1)`` on
   TF 1.15.5 and ``a * (b * (c1 * c2))`` on TF 2.21), which only the real run sees (the float mode
   runs TF 2.21's optimizers in TF 1.15's order, which removes that one: floats/grappler.py).
The graphs must be identical for the comparison to mean anything (op names pair the tensors);
the report says so when they are not.
"""
import json
from pathlib import Path

import numpy as np

ENV_FOLDER = "TF1_CNN_PROBE_EXACT"
ENV_DUMP_RUN = "TF1_CNN_PROBE_DUMP_RUN"
CAUSES_SHOWN = 5  # on the console (all of them in --json)


def read_digests(folder):
    """[{"run", "fetched", "variables"}] of one side, in run order ([] when it wrote none)."""
    path = Path(folder) / "digests.jsonl"
    if not path.is_file():
        return []
    out = []
    for line in path.read_text().splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:  # a line cut by a kill: the run ended there
            break
    return out


def first_difference(tf1, runtime):
    """The first run whose digests differ: {"run", "fetched": [paths], "variables": [names]}, or None."""
    for a, b in zip(tf1, runtime):
        fetched = [p for (p, x), (_, y) in zip(a["fetched"], b["fetched"]) if x != y]
        if len(a["fetched"]) != len(b["fetched"]):
            fetched.append("(the number of fetched values: {} / {})".format(len(a["fetched"]), len(b["fetched"])))
        va, vb = a["variables"] or {}, b["variables"] or {}
        variables = sorted(n for n in set(va) | set(vb) if va.get(n) != vb.get(n))
        if fetched or variables:
            return {"run": a["run"], "fetched": fetched, "variables": variables}
    if len(tf1) != len(runtime):
        return {"run": min(len(tf1), len(runtime)) + 1, "fetched": [], "variables": [],
                "missing": "tf1" if len(tf1) < len(runtime) else "runtime"}
    return None


def read_dump(folder):
    """(meta, {tensor name: array}) of one side's dump; meta holds "tensors", "updates", "error"."""
    folder = Path(folder)
    meta_path = folder / "dump.json"
    if not meta_path.is_file():
        return None, {}
    meta = json.loads(meta_path.read_text())
    arrays = {}
    with np.load(folder / "dump.npz") as npz:
        for t in meta["tensors"]:
            if "key" in t:
                arrays[t["tensor"]] = npz[t["key"]]
    return meta, arrays


def ulp_distance(a, b):
    """Largest distance in units in the last place between two float arrays of one shape and dtype."""
    if a.dtype.kind != "f" or a.size == 0:
        return None
    ints = {2: np.int16, 4: np.int32, 8: np.int64}[a.dtype.itemsize]

    def ordered(x):  # the float's bits as an integer that counts up through every representable value
        i = x.view(ints).astype(np.int64)
        return np.where(i < 0, np.iinfo(ints).min - i, i)

    return int(np.max(np.abs(ordered(a) - ordered(b))))


def _same(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _difference(entry, a, b):
    """How two dumps of one tensor differ: elements whose bits differ, and by how much where both are numbers."""
    out = {"tensor": entry["tensor"], "op": entry["op"], "type": entry["type"]}
    if a.shape != b.shape or a.dtype != b.dtype:
        out["shapes"] = [list(a.shape), list(b.shape)]
        return out
    if a.dtype.kind == "f":  # bits, so a NaN of another sign or payload counts (it is another result)
        ints = {2: np.int16, 4: np.int32, 8: np.int64}[a.dtype.itemsize]
        differ = a.view(ints) != b.view(ints)
        numbers = differ & ~np.isnan(a) & ~np.isnan(b)
    else:
        differ = numbers = a != b
    out["elements"] = [int(differ.sum()), int(a.size)]
    if numbers.any():
        x, y = a[numbers], b[numbers]
        finite = np.isfinite(x) & np.isfinite(y)
        if finite.any():
            out["max_abs"] = float(np.max(np.abs(x[finite].astype(np.float64) - y[finite].astype(np.float64))))
        out["ulp"] = ulp_distance(x, y)
    if a.dtype.kind == "f" and (differ & ~numbers).any():
        out["nan_bits"] = int((differ & ~numbers).sum())  # NaN on either side, bits unequal
    return out


def cause(tf1_dump, runtime_dump, variables=()):
    """Where the dumped run parts: the first op whose output differs from identical inputs.

    ``tf1_dump`` / ``runtime_dump``: ``read_dump``'s pairs; ``variables``: the variables that
    differ after the run (pass 1), for when every dumped tensor agrees.
    """
    (meta_a, arrays_a), (meta_b, arrays_b) = tf1_dump, runtime_dump
    out = {"dumped": [len(arrays_a), len(arrays_b)], "errors": [meta_a.get("error"), meta_b.get("error")]}
    equal = {name: _same(arrays_a[name], arrays_b[name]) for name in arrays_a if name in arrays_b}
    out["compared"] = len(equal)
    out["differ"] = sum(1 for same in equal.values() if not same)
    out["causes"] = []  # every op whose output differs from identical inputs, in graph order
    for entry in meta_a["tensors"]:
        name = entry["tensor"]
        if equal.get(name, True):
            continue
        inputs = [i for i in entry["inputs"] if i in equal]
        if all(equal[i] for i in inputs):
            found = _difference(entry, arrays_a[name], arrays_b[name])
            found["inputs_dumped"] = [len(inputs), len(entry["inputs"])]
            out["causes"].append(found)
    out["first_cause"] = out["causes"][0] if out["causes"] else None
    if out["differ"] == 0 and variables:
        names = set(variables)
        out["updates"] = sorted({(u["type"], u["op"]) for u in meta_a["updates"] if names & set(u["variables"])})
    return out


def format_exact(exact, labels):
    """The lines --exact adds to compare's report."""
    t, r = labels["tf1"], labels["runtime"]
    runs = exact["runs"]
    first = exact["first"]
    if first is None:
        return [f"exact: all {runs[0]} session runs bit-identical (every fetched value, and every global "
                f"variable after each run)"]
    n = first["run"]
    if first.get("missing"):
        side = t if first["missing"] == "tf1" else r
        return [f"exact: session runs 1-{n - 1} bit-identical; {side} made no session run {n}"]
    lines = [f"exact: session run {n} is the first that differs (runs before it bit-identical; "
             f"{runs[0]} / {runs[1]} runs)"]
    if first["fetched"]:
        lines.append(f"  fetched values that differ: {', '.join(first['fetched'][:6])}"
                     + (" ..." if len(first["fetched"]) > 6 else ""))
    if first["variables"]:
        lines.append(f"  variables that differ after it: {', '.join(first['variables'][:6])}"
                     + (f" (+{len(first['variables']) - 6})" if len(first["variables"]) > 6 else ""))
    c = exact.get("cause")
    if c is None:
        return lines
    for label, error in zip((t, r), c["errors"]):
        if error:
            lines.append(f"  {label}'s dump of run {n}: {error}")
    lines.append(f"  run {n}'s tensors: {c['compared']} compared, {c['differ']} differ")
    if c["causes"]:
        shown = c["causes"][:CAUSES_SHOWN]
        more = f", the first {len(shown)} shown" if len(shown) < len(c["causes"]) else ""
        lines.append(f"  ops that differ from identical inputs ({len(c['causes'])} in the graph's order{more}):")
        for f in shown:
            size = (f"shapes {f['shapes'][0]} / {f['shapes'][1]}" if "shapes" in f else
                    f"{f['elements'][0]} of {f['elements'][1]} elements"
                    + (f", max |difference| {f['max_abs']:.3g}" if "max_abs" in f else "")
                    + (f", {f['ulp']} ULP" if f.get("ulp") is not None else "")
                    + (f", {f['nan_bits']} NaN of other bits" if f.get("nan_bits") else ""))
            inputs = f["inputs_dumped"]
            lines.append(f"    {f['op']} ({f['type']}): {size}"
                         + ("" if inputs[0] == inputs[1] else f" ({inputs[0]} of its {inputs[1]} inputs dumped)"))
    elif c.get("updates"):
        ops = ", ".join(f"{name} ({op_type})" for op_type, name in c["updates"][:6])
        lines.append(f"  every dumped tensor agrees, the variables do not: the updates computed otherwise, or the "
                     f"graph optimizer rewrote the run otherwise (the dump fetches intermediates, so it rewrites "
                     f"less): {ops}")
    elif c["differ"]:
        lines.append("  no differing tensor has all its inputs dumped (they differ inside a loop or cond)")
    return lines
