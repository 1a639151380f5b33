"""``python -m tf1_cnn compare [--tf1 1.3|1.4|1.15] SCRIPT|NOTEBOOK [ARGS...]``: real TF 1.x beside the runtime.

Runs the code twice, each time in its own process and its own copy of the code's folder:
on real TensorFlow 1.x (the oracle environment of ``--tf1``, see ``--setup``) and on this
project's TF1 runtime (``legacy --tf1-version``, the same version). Reports:

- the graphs: at every session run (``Session.run``, ``Tensor.eval``, ``MonitoredSession``,
  Keras 2's session) the ops the graph gained, name and type in creation order; the first
  difference with the ops around it and the source line that made each; the op counts; the
  random ops whose seeds differ;
- the printed output: line by line, numbers within ``--atol``/``--rtol``; the first value
  that differs. Long training drifts apart by design (TF 1.x's Eigen kernels, TF 2.21's
  oneDNN): with identical graphs, numbers that differ only after ``--strict-lines`` lines
  agreed are reported as drift, not as a difference (tf1_cnn/oracle/outputs.py);
- the wall time of both.

compare's options go before SCRIPT; everything after it is the script's (a notebook takes
none). Exit status 0 when they agree, 1 when they differ (or either side failed or timed out),
2 for bad input. A notebook is compared cell by cell. ``--setup`` creates the oracle
environments (Python 3.6 / 3.7 with TensorFlow 1.x from PyPI), or reuses them.
"""
import argparse
import json
import re
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ..errors import UserError

RUNTIME_FALLBACK = {"1.4": "1.3"}  # when the runtime has no "1.4": its 1.3 (TF 1.2-1.4's structures)
DEFAULT_TF1 = "1.3"
BLOCKS_SHOWN = 8  # runs of differing ops on the console (all of them in --json)


def add_parser(sub):
    p = sub.add_parser("compare", help="run a TF1 script or notebook on real TF 1.x and on the runtime; "
                       "show where graphs and printed numbers differ", description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--setup", action="store_true", help="create (or reuse) the TF 1.x environment(s) and exit")
    p.add_argument("--tf1", metavar="1.3|1.4|1.15", default=None,
                   help=f"which real TF 1.x (default {DEFAULT_TF1}; with --setup also 'all')")
    p.add_argument("--tf1-python", metavar="PATH", help="with --setup: the Python 3.6 / 3.7 interpreter to build "
                   "the environment from (default $TF1_CNN_TF1_PYTHON, else pyenv's)")
    p.add_argument("--keras", action="store_true", help="with --setup: also Keras 2.0.8 there (`import keras`, for standalone-Keras scripts)")
    p.add_argument("--atol", type=float, default=None, help="absolute tolerance for printed numbers (default 1e-6)")
    p.add_argument("--rtol", type=float, default=None, help="relative tolerance for printed numbers (default 1e-5)")
    p.add_argument("--strict-lines", type=int, default=None, metavar="N",
                   help="with identical graphs, numbers differing after N agreeing numeric lines are drift (default 1)")
    p.add_argument("--ignore", action="append", default=[], metavar="REGEX",
                   help="drop printed lines matching REGEX on both sides (timings, progress bars); repeatable")
    p.add_argument("--numpy-print", choices=("1.13", "1.16", "current"), default="1.16",
                   help="how NumPy prints on both sides (default 1.16: what the oracles' NumPy 1.16 / 1.18 print; "
                        "1.13: NumPy 1.13's printing, the course's era, on both; current: each side's own NumPy)")
    p.add_argument("--timeout", type=float, default=900, metavar="S", help="seconds per side (default 900)")
    p.add_argument("--max-runs", type=int, default=0, metavar="N",
                   help="stop each side at its (N+1)-th session run (long trainings: compare the first N steps)")
    p.add_argument("--exact", action="store_true",
                   help="compare bits, not printed numbers: the first session run whose fetched values or variables "
                        "differ, then that run's tensors on both sides and the first op that differs from identical "
                        "inputs (runs each side twice; with TF1_CNN_TF1_FLOATS=1 the runtime side in the TF 1.x float mode)")
    p.add_argument("--keep", metavar="DIR", help="keep both sides' folders (their outputs, stdout.txt, stderr.txt, "
                   "records.jsonl) in DIR, a new folder")
    p.add_argument("--json", metavar="PATH", help="write everything compare found as JSON")
    p.add_argument("--force", action="store_true", help="replace an existing --json file")
    p.add_argument("script", nargs="?", metavar="SCRIPT|NOTEBOOK")
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS")
    p.set_defaults(func=main, parser=p, needs_tensorflow=False)
    return p


def runtime_version(tf1):
    """The runtime's --tf1-version for real TF ``tf1``, and a note when it stands in for another."""
    from ..compat.settings import TF1_VERSIONS

    if tf1 in TF1_VERSIONS:
        return tf1, None
    fallback = RUNTIME_FALLBACK[tf1]
    return fallback, (f"the runtime has no --tf1-version {tf1}: compared with its {fallback} "
                      f"({TF1_VERSIONS[fallback]})")


def setup(args):
    from . import envs

    versions = list(envs.VERSIONS) if args.tf1 == "all" else [envs.check_version(args.tf1 or DEFAULT_TF1)]
    failed = []
    for version in versions:
        try:
            exe = envs.setup(version, interpreter=args.tf1_python, keras=args.keras)
            print(f"TF {envs.VERSIONS[version][1]}: {exe}")
        except UserError as exc:
            failed.append(str(exc))
    if args.tf1 == "all":  # NumPy 1.13 itself, the oracle of TF 1.3 / 1.4's printing (printing/numpy.py)
        try:
            print(f"NumPy 1.13.3: {envs.numpy_python('1.13', create=True, interpreter=args.tf1_python)}")
        except UserError as exc:
            failed.append(str(exc))
    if failed:
        if len(failed) > 1:
            for line in failed[:-1]:
                print(f"error: {line}", file=sys.stderr)
        raise UserError(failed[-1])
    return 0


def _validate(args):
    from . import envs, outputs

    if args.script.endswith(".ipynb") and args.args:  # `compare NB.ipynb --json x`: options, not ARGS
        script, rest = args.script, args.args
        args.parser.parse_args(rest, namespace=args)
        if args.script is not None:
            raise UserError(f"unexpected argument {args.script!r} after the notebook {script} (a notebook takes no ARGS)")
        args.script, args.args = script, []
    tf1 = envs.check_version(args.tf1 or DEFAULT_TF1)
    path = Path(args.script)
    if not path.is_file():
        raise UserError(f"{args.script}: no such {'notebook' if args.script.endswith('.ipynb') else 'script'}")
    if path.suffix == ".ipynb":
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError(f"{args.script}: not a notebook (invalid JSON: {exc})") from None
    for flag in ("atol", "rtol"):
        value = getattr(args, flag)
        if value is not None and not value >= 0:
            raise UserError(f"--{flag} must be >= 0, got {value}")
    if args.timeout <= 0:
        raise UserError(f"--timeout must be > 0, got {args.timeout}")
    if args.max_runs < 0 or (args.strict_lines is not None and args.strict_lines < 0):
        raise UserError("--max-runs and --strict-lines must be >= 0")
    try:
        ignore = [re.compile(p) for p in args.ignore]
    except re.error as exc:
        raise UserError(f"--ignore {exc.pattern!r}: not a regular expression ({exc})") from None
    if args.json:
        from ..fileio import check_writable

        check_writable(args.json, force=args.force)
        if Path(args.json).resolve() == path.resolve():
            raise UserError(f"--json {args.json}: that is the code being compared; choose another file")
    if args.keep:
        keep = Path(args.keep)
        if keep.exists():
            raise UserError(f"--keep {args.keep}: exists; give a new folder")
        if not keep.parent.resolve().is_dir():
            raise UserError(f"--keep {args.keep}: folder {keep.parent} does not exist")
        if keep.parent.resolve().is_relative_to(path.resolve().parent):
            raise UserError(f"--keep {args.keep}: inside the folder being copied ({path.resolve().parent}); "
                            f"give a folder outside it")
    exe = envs.python(tf1)
    if exe is None:
        raise UserError(f"no TF {tf1} environment in {envs.env_dir(tf1)}: run python -m tf1_cnn compare --setup --tf1 {tf1}")
    tolerances = {"atol": outputs.ATOL if args.atol is None else args.atol,
                  "rtol": outputs.RTOL if args.rtol is None else args.rtol,
                  "strict_lines": outputs.STRICT_LINES if args.strict_lines is None else args.strict_lines}
    return tf1, exe, ignore, tolerances


def split_cells(text, ignore):
    """[(cell or None, line)] of a side's stdout (the probe's cell markers taken out)."""
    from .probe import CELL_MARKER

    from .outputs import lines_of

    marker = re.compile("^" + re.escape(CELL_MARKER).replace(r"\{\}", r"(\d+)") + "$")
    out, cell, raw = [], None, []
    for line in text.splitlines() + [CELL_MARKER.format(0)]:  # a last marker flushes the last cell
        m = marker.match(line.strip())
        if m:
            out.extend((cell, l) for l in lines_of("\n".join(raw), ignore))
            cell, raw = int(m.group(1)), []
        else:
            raw.append(line)
    return out


def compare_outputs(tf1_text, runtime_text, ignore, tol, graphs_identical, notebook):
    from . import outputs

    a, b = split_cells(tf1_text, ignore), split_cells(runtime_text, ignore)
    result = outputs.compare_lines([l for _, l in a], [l for _, l in b], tol["atol"], tol["rtol"])
    result["verdict"] = outputs.classify(result, graphs_identical, tol["strict_lines"])
    if result["first"] is not None:
        k = result["first"]["line"] - 1
        result["first"]["cell"] = (a[k] if k < len(a) else b[k])[0]
    if notebook:
        cells = []
        for c in sorted({c for c, _ in a} | {c for c, _ in b}):
            r = outputs.compare_lines([l for x, l in a if x == c], [l for x, l in b if x == c], tol["atol"], tol["rtol"])
            cells.append({"cell": c, "verdict": outputs.classify(r, graphs_identical, tol["strict_lines"]),
                          "lines": r["lines"], "first": r["first"]})
        result["cells"] = cells
    return result


def _cell_sources(script):
    """{"<cell N>": code} of a notebook (as the probe ran it), {} for a script."""
    if not script.endswith(".ipynb"):
        return {}
    from .probe import cell_code, read_cells

    return {f"<cell {n}>": cell_code(src) or "" for n, src in read_cells(script)}


def _side_summary(side, records, end):
    from .graphs import op_counts

    error = end.get("error") if end else None
    if end is None:
        last = [l for l in side.stderr.splitlines() if l.strip()]
        error = (f"timed out" if side.timed_out else f"exit status {side.status}") + (
            f" ({last[-1].strip()[:200]})" if last and not side.timed_out else "")
    return {"python": side.python, "wall_s": round(side.wall, 2), "exit_status": end["end"] if end else side.status,
            "finished": end is not None, "timed_out": side.timed_out, "error": error,
            "stopped_at_max_runs": bool(end and end.get("stopped")),
            "session_runs": end["runs"] if end else max([r["run"] for r in records] or [0]),
            "records": len(records), "ops": op_counts(records)}


def verdict(report):
    a, b = report["sides"]["tf1"], report["sides"]["runtime"]
    if not a["finished"] or not b["finished"]:
        return "incomplete"
    if a["error"] or b["error"] or a["exit_status"] != b["exit_status"]:
        return "failed"
    if not report["graphs"]["identical"] or report["output"]["verdict"] == "differ":
        return "differ"
    return "agree"


def format_report(report):
    from .graphs import format_difference

    t, r = report["labels"]["tf1"], report["labels"]["runtime"]
    g, o, sides = report["graphs"], report["output"], report["sides"]
    lines = [f"compare {report['script']}: {t} vs {r}"]
    if report.get("note"):
        lines.append(f"note: {report['note']}")
    ops = f"{g['ops'][0]} / {g['ops'][1]} ops, {g['records'][0]} / {g['records'][1]} records"
    if g["identical"]:
        lines.append(f"graphs: identical at every session run ({ops})" if g["records"][0]
                     else "graphs: no session run on either side")
    else:
        lines.append(f"graphs: differ ({ops})")
        lines += ["  " + l for l in format_difference(g["first_difference"], t, r)]
        shown = g["blocks"][:BLOCKS_SHOWN]
        more = len(g["blocks"]) - len(shown)
        lines.append(f"  {len(g['blocks'])}{'+' if g['more_blocks'] else ''} runs of differing ops"
                     + (f"; the first {len(shown)}:" if more else ":"))
        for b in shown:
            n_a, n_b = b["tf1"][1] - b["tf1"][0], b["runtime"][1] - b["runtime"][0]
            lines.append(f"    {b['scope'] or '(top)'}: {n_a} op{'s' * (n_a != 1)} on {t}, {n_b} on {r} "
                         f"({', '.join(b['sources'][:3]) or 'no source line'})")
    seeds = f"random ops: {g['random_ops'][0]} / {g['random_ops'][1]}, seeds differ in {g['seeds_differ']}"
    if g["first"]:
        x, y = g["first"]["tf1"], g["first"]["runtime"]
        seeds += (f" (first: {x['name']} seed {x['seed']}/{x['seed2']} at {x['source']} vs "
                  f"{y['name']} seed {y['seed']}/{y['seed2']} at {y['source']})")
    lines.append(seeds)
    n = o["lines"]
    if o["verdict"] == "agree":
        lines.append(f"output: {n[0]} lines agree")
    else:
        f = o["first"]
        where = f"line {f['line']}" + (f" (cell {f['cell']})" if f.get("cell") is not None else "")
        what = (f"value {f['values'][0]!r} vs {f['values'][1]!r}" if f["kind"] == "number" else
                "a line only one side printed" if f["kind"] == "missing" else "the text differs")
        head = (f"output: drift after {o['agreed']} agreeing lines (largest relative difference after: "
                f"{o['max_rel_after']:.3g})" if o["verdict"] == "drift" else
                f"output: differs at {where} ({n[0]} / {n[1]} lines, {o['agreed']} agreed first): {what}")
        lines.append(head)
        if o["verdict"] != "drift":
            lines.append(f"  {t}: {f['tf1'] if f['tf1'] is not None else '(no such line)'}"[:300])
            lines.append(f"  {r}: {f['runtime'] if f['runtime'] is not None else '(no such line)'}"[:300])
    for cell in o.get("cells", []):
        if cell["verdict"] != "agree":
            lines.append(f"  cell {cell['cell']}: {cell['verdict']} ({cell['lines'][0]} / {cell['lines'][1]} lines)")
    for key, label in (("tf1", t), ("runtime", r)):
        s = sides[key]
        state = ("stopped at --max-runs" if s["stopped_at_max_runs"] else s["error"] or
                 f"exit status {s['exit_status']}")
        lines.append(f"{label}: {s['wall_s']:.1f} s, {s['session_runs']} session runs, {state}")
    if "exact" in report:
        from .exact import format_exact

        lines += format_exact(report["exact"], report["labels"])
    lines.append(f"result: {report['verdict']}")
    return "\n".join(lines)


def _exact(args, exe, version, work, a, b):
    """compare --exact's second pass: both sides again, dumping the first run whose digests differ."""
    from . import exact, runner

    da, db = exact.read_digests(a.exact_folder), exact.read_digests(b.exact_folder)
    out = {"runs": [len(da), len(db)], "first": exact.first_difference(da, db), "cause": None}
    first = out["first"]
    if first is None or first.get("missing"):
        return out
    print(f"compare --exact: session run {first['run']} differs; running both sides again to dump its tensors",
          file=sys.stderr)
    dumps = []
    for label, python, runtime in (("tf1-dump", exe, None), ("runtime-dump", runner.this_python(), version)):
        side = runner.run_side(runner.Side(label, python), args.script, args.args, work, runtime_version=runtime,
                               timeout=args.timeout, numpy_print=args.numpy_print, exact=first["run"])
        meta, arrays = exact.read_dump(side.exact_folder)
        if meta is None:
            last = [l for l in side.stderr.splitlines() if l.strip()]
            meta = {"tensors": [], "updates": [], "error": "no dump (" + (last[-1].strip()[:200] if last else
                                                                           f"exit status {side.status}") + ")"}
        dumps.append((meta, arrays))
    out["cause"] = exact.cause(dumps[0], dumps[1], first["variables"])
    return out


@contextmanager
def _workroot(keep):
    if keep:
        Path(keep).mkdir()
        yield keep
    else:
        with tempfile.TemporaryDirectory(prefix="tf1-cnn-compare.") as work:
            yield work


def main(args):
    if args.setup:
        if args.script:
            raise UserError("--setup takes no SCRIPT (python -m tf1_cnn compare --setup [--tf1 VERSION|all])")
        return setup(args)
    if args.keras or args.tf1_python:
        raise UserError("--keras and --tf1-python are for --setup")
    if not args.script:
        raise UserError("give the SCRIPT or NOTEBOOK to compare (python -m tf1_cnn compare [--tf1 1.4] SCRIPT [ARGS...])")
    if args.tf1 == "all":
        raise UserError("--tf1 all is for --setup; compare takes one of 1.3, 1.4, 1.15")
    tf1, exe, ignore, tol = _validate(args)
    from . import envs, graphs, runner

    version, note = runtime_version(tf1)
    labels = {"tf1": f"TF {envs.VERSIONS[tf1][1]}", "runtime": f"runtime {version}"}
    with _workroot(args.keep) as work:
        runner.check_folder(Path(args.script).resolve().parent, work)
        pass_ = 0 if args.exact else None
        a = runner.run_side(runner.Side("tf1", exe), args.script, args.args, work, timeout=args.timeout,
                            max_runs=args.max_runs, numpy_print=args.numpy_print, exact=pass_)
        b = runner.run_side(runner.Side("runtime", runner.this_python()), args.script, args.args, work,
                            runtime_version=version, timeout=args.timeout, max_runs=args.max_runs,
                            numpy_print=args.numpy_print, exact=pass_)
        ra, ea = graphs.read_records(a.records_path)
        rb, eb = graphs.read_records(b.records_path)
        exact_report = _exact(args, exe, version, work, a, b) if args.exact else None
    lines = graphs.StatementLines(str(Path(args.script).resolve().parent), _cell_sources(args.script))
    lines.apply(ra)
    lines.apply(rb)
    g = graphs.compare(ra, rb)
    notebook = args.script.endswith(".ipynb")
    o = compare_outputs(a.stdout, b.stdout, ignore, tol, g["identical"] and bool(ra), notebook)
    report = {"script": args.script, "args": args.args, "tf1": tf1, "runtime_tf1_version": version, "note": note,
              "labels": labels, "tolerances": tol, "ignore": args.ignore, "max_runs": args.max_runs,
              "graphs": g, "output": o,
              "sides": {"tf1": _side_summary(a, ra, ea), "runtime": _side_summary(b, rb, eb)}}
    report["verdict"] = verdict(report)
    if exact_report is not None:
        report["exact"] = exact_report
        if report["verdict"] == "agree" and exact_report["first"] is not None:
            report["verdict"] = "differ"
    report["exit_status"] = 0 if report["verdict"] == "agree" else 1
    print(format_report(report))
    if args.json:
        from ..fileio import atomic_write_text

        atomic_write_text(args.json, json.dumps(report, indent=2), force=args.force)
    return report["exit_status"]
