"""``python -m tf1_cnn verify``: run every published number's setup and compare.

Prints one table row per published number (id, source, published, ours,
difference, status PASS / FAIL / NEEDS <file>); ``--json PATH`` writes the
same rows; ``--only ID ...`` runs a subset; exit status 1 on any FAIL.
"""
import json
import sys
import time
import traceback

import numpy as np

from ..errors import UserError
from .context import Context


def all_rows():
    """Every registry row, in the reference file's order."""
    from . import rows_course_cells, rows_numpy, rows_resnet, rows_signs

    return [*rows_numpy.ROWS, *rows_signs.ROWS, *rows_course_cells.ROWS, *rows_resnet.ROWS]


def _short(value, width=44):
    if isinstance(value, (tuple, list)) and not isinstance(value, np.ndarray):
        text = str(tuple(value))
    else:
        arr = np.asarray(value)
        if arr.dtype.kind == "f" and arr.ndim == 0:
            text = repr(float(arr))
        else:
            text = np.array2string(arr, precision=8, separator=" ", threshold=8).replace("\n", "")
            text = " ".join(text.split())
    return _clip(text, width)


def run_row(row, ctx):
    """Run one row; return a dict with status, ours, difference and per-part details."""
    missing = [name for name in row.needs if ctx.find(name) is None]
    base = {"id": row.id, "source": row.source, "setup": row.setup, "published": row.shown}
    if missing:
        return {**base, "status": "NEEDS " + ", ".join(missing), "ours": None, "difference": None, "parts": []}
    t0 = time.perf_counter()
    try:
        ours = row.compute(ctx)
    except UserError:
        raise
    except Exception as exc:  # a row that crashes is a FAIL, reported with its cause
        return {**base, "status": "FAIL", "ours": f"error: {type(exc).__name__}: {exc}", "difference": None,
                "parts": [], "traceback": traceback.format_exc()}
    parts = []
    for part in row.parts:
        mine = ours.get(part.label, "missing")
        d = float("inf") if part.label not in ours else part.tol.diff(mine, part.value)
        parts.append({"label": part.label, "published": _short(part.value, 60), "ours": _short(mine, 60),
                      "difference": d, "tolerance": str(part.tol), "ok": part.tol.ok(d),
                      "of_tolerance": d / part.tol.value if part.tol.value else d})
    # the table shows the part furthest outside (or least inside) its tolerance
    worst = max(parts, key=lambda p: (not p["ok"], p["of_tolerance"]))
    status = "PASS" if all(p["ok"] for p in parts) else "FAIL"
    ours_text = worst["ours"] if len(parts) == 1 else f"{worst['label']}={worst['ours']}"
    return {**base, "status": status, "ours": ours_text, "difference": f"{worst['difference']:.3g} ({worst['tolerance']})",
            "parts": parts, "seconds": round(time.perf_counter() - t0, 3)}


def print_table(results, rows_by_id, verbose, out=sys.stdout):
    cols = ("id", "source", "published", "ours", "difference", "status")
    table = [[r["id"], r["source"], _clip(r["published"]), _clip(r["ours"] or "-"), r["difference"] or "-", r["status"]]
             for r in results]
    widths = [max(len(c), *(len(str(t[i])) for t in table)) for i, c in enumerate(cols)]
    line = "  ".join(c.ljust(w) for c, w in zip(cols, widths))
    print(line, file=out)
    print("-" * len(line), file=out)
    for r, t in zip(results, table):
        print("  ".join(str(v).ljust(w) for v, w in zip(t, widths)), file=out)
        if r["parts"] and (verbose or r["status"] == "FAIL" or rows_by_id[r["id"]].show_parts):
            for p in r["parts"]:
                mark = "ok" if p["ok"] else "OFF"
                print(f"      {p['label']}: published {p['published']}  ours {p['ours']}  "
                      f"diff {p['difference']:.3g} ({p['tolerance']}) {mark}", file=out)
        if "traceback" in r and verbose:
            print(r["traceback"], file=out)


def _clip(text, width=46):
    text = str(text)
    return text if len(text) <= width else text[:width - 3] + "..."


def add_parser(sub):
    p = sub.add_parser("verify", help="reproduce every published number and compare",
                       description=__doc__)
    p.add_argument("--only", nargs="+", metavar="ID", help="run only these rows (e.g. A1 B2)")
    p.add_argument("--json", metavar="PATH", help="also write the rows as JSON to PATH")
    p.add_argument("--data-dir", metavar="DIR",
                   help="folder holding train_signs.h5 / test_signs.h5 (default $TF1_CNN_DATA, else ./datasets)")
    p.add_argument("--weights", metavar="PATH", help="the course's ResNet50.h5, for C3")
    p.add_argument("-v", "--verbose", action="store_true", help="print every part of every row")
    p.add_argument("--list", action="store_true", help="list the rows and what they need, run nothing")
    p.add_argument("--force", action="store_true", help="allow --json to replace an existing file")
    p.set_defaults(func=main)
    return p


def main(args):
    rows = all_rows()
    by_id = {r.id: r for r in rows}
    if args.only:
        unknown = [i for i in args.only if i not in by_id]
        if unknown:
            raise UserError(f"--only: unknown row id(s) {', '.join(unknown)}; known: {', '.join(by_id)}")
        rows = [by_id[i] for i in args.only]
    if args.list:
        for r in rows:
            needs = f"  needs {', '.join(r.needs)}" if r.needs else ""
            print(f"{r.id:4} {r.source:10} {r.setup}{needs}")
        return 0
    if args.json:
        from ..fileio import check_writable

        check_writable(args.json, args.force)
    if args.weights and not __import__("pathlib").Path(args.weights).is_file():
        raise UserError(f"--weights {args.weights}: no such file")
    ctx = Context.from_args(args.data_dir, args.weights)
    results = []
    for row in rows:
        results.append(run_row(row, ctx))
    print_table(results, by_id, args.verbose)
    counts = {}
    for r in results:
        key = r["status"].split()[0]
        counts[key] = counts.get(key, 0) + 1
    print("\n" + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    if args.json:
        from ..fileio import atomic_write_text

        atomic_write_text(args.json, json.dumps(results, indent=2, default=str), force=args.force)
    return 1 if counts.get("FAIL") else 0
