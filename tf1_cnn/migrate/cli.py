"""``python -m tf1_cnn migrate SOURCE -o OUT [--verify] [--tf1-version V] [--run FILE] [--json PATH] [--force]``.

Rewrite TF1 code (a script, a notebook, or a folder: every .py / .ipynb under it, same layout
under OUT) into code for stock TensorFlow 2.21 with only maintained packages (tf.compat.v1
in graph mode, tf_keras, tf_slim, tensorflow_estimator) and no tf1_cnn import, keeping TF
1.x's numbers: SOURCE is first run on the TF1 runtime (in a copy of its folder) up to its
graphs, to record the op seed TF 1.x's rule gave each unseeded random op, and that seed is
written at the user's call site. For a folder, --run names the script to run (default: every
script no other file imports).

The recording must work: when the run fails (the script's own exception, e.g. a data file it
reads relative to another folder), or stops before any of its graphs drew, migrate writes
nothing and exits 1 with one line naming the exception and the folder it ran in. Run migrate
from the folder the script expects, give its arguments with --args, or pass --no-seeds to
migrate without TF 1.x's seeds (the only way to get unseeded output; the report says so:
unseeded random ops then draw TF 2's numbers, not TF 1.x's).

Comments and layout are kept (libcst); a notebook is migrated cell by cell, its stored outputs
kept. Beside OUT: MIGRATION.md (every change with its line and why, every seed and where TF 1.x
took it from, what a human must still do) and, when needed, tf1_migrated_helpers.py.

--verify runs SOURCE under `legacy` and OUT under plain Python (tf1_cnn not importable), each
in a copy of the current folder, and compares the numbers they print; exit status 1 and the
first differing value when they differ. The script's arguments come last:
`migrate s.py -o o.py --args DATA 100`. Nothing is written over SOURCE, nor over an existing
file without --force; missing output folders are made.
"""
import argparse
import os
import re
import sys
from pathlib import Path

from ..errors import UserError

from ..compat.settings import DEFAULTS, TF1_VERSIONS  # plain data: --help imports no TensorFlow


def add_parser(sub):
    p = sub.add_parser("migrate", help="rewrite TF1 code for stock TensorFlow 2, keeping TF 1.x's numbers",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="SOURCE", help="a .py script, a .ipynb notebook, or a folder")
    p.add_argument("-o", "--output", metavar="OUT", required=True,
                   help="the migrated script / notebook / folder (MIGRATION.md is written beside it)")
    p.add_argument("--verify", action="store_true", help="run SOURCE under legacy and OUT under plain Python "
                   "and compare their printed numbers (exit 1 when they differ)")
    p.add_argument("--tf1-version", choices=tuple(TF1_VERSIONS), default=DEFAULTS["tf1_version"],
                   help=f"whose op structures and seeds to keep: {', '.join(TF1_VERSIONS)} "
                        f"(default {DEFAULTS['tf1_version']}), as for legacy")
    p.add_argument("--run", action="append", default=[], metavar="FILE",
                   help="for a folder: the script (path in SOURCE) run to record seeds, repeatable "
                        "(default: every script no other file of the folder imports)")
    p.add_argument("--no-seeds", action="store_true",
                   help="do not run SOURCE to record TF 1.x's seeds: the output's unseeded random ops draw TF 2's "
                        "numbers, not TF 1.x's (the report says so); without it a failed recording is an error")
    p.add_argument("--json", metavar="PATH", help="also write the report as JSON")
    p.add_argument("--budget", type=float, default=120, metavar="S",
                   help="seconds SOURCE may run while its seeds are recorded (default 120)")
    p.add_argument("--timeout", type=float, default=600, metavar="S", help="seconds per --verify run (default 600)")
    p.add_argument("--force", action="store_true", help="replace existing output files")
    p.add_argument("--args", nargs=argparse.REMAINDER, default=[], metavar="ARGS",
                   help="the rest of the line: arguments for the script (its sys.argv[1:]), for recording and --verify")
    p.set_defaults(func=main)
    return p


def _pairs(source, out):
    """[(source file, output file)] and the report's folder."""
    if source.is_dir():
        if out.resolve() == source.resolve() or source.resolve() in out.resolve().parents:
            raise UserError(f"-o {out}: inside SOURCE {source}; choose a folder outside it")
        files = sorted(p for p in source.rglob("*") if p.suffix in (".py", ".ipynb") and p.is_file()
                       and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts)
        if not files:
            raise UserError(f"{source}: no .py or .ipynb file under it")
        if out.exists() and not out.is_dir():
            raise UserError(f"-o {out}: exists and is not a folder")
        return [(f, out / f.relative_to(source)) for f in files], out
    if not source.is_file():
        raise UserError(f"{source}: no such file or folder")
    if source.suffix not in (".py", ".ipynb"):
        raise UserError(f"{source}: not a .py script, .ipynb notebook or folder")
    if out.suffix != source.suffix:
        raise UserError(f"-o {out}: give a {source.suffix} file for a {source.suffix} source")
    if out.resolve() == source.resolve():
        raise UserError(f"-o {out}: that is SOURCE itself; migrate never writes over SOURCE")
    return [(source, out)], out.parent


def _entries(pairs, source, chosen=()):
    """The files to run for seeds: ``chosen`` (--run), else notebooks and scripts no other file imports."""
    if chosen:
        files = {s.resolve(): s for s, _ in pairs}
        picked = []
        for name in chosen:
            path = (source / name).resolve() if source.is_dir() else Path(name).resolve()
            if path not in files:
                raise UserError(f"--run {name}: not a .py or .ipynb file of {source}")
            picked.append(files[path])
        return picked
    if len(pairs) == 1:
        return [pairs[0][0]]
    py = [s for s, _ in pairs if s.suffix == ".py"]
    texts = {s: s.read_text(encoding="utf-8", errors="replace") for s in py}
    imported = {s for s in py if any(re.search(rf"^\s*(from\s+\S*\b{re.escape(s.stem)}\b\s+import|import\s+.*\b"
                                               rf"{re.escape(s.stem)}\b)", t, re.M)
                                     for o, t in texts.items() if o != s)}
    return [s for s, _ in pairs if s.suffix == ".ipynb" or (s in texts and s not in imported
                                                              and re.search(r"\btensorflow\b", texts[s]))]


def _sites(draws):
    """{realpath: {(cell, line, col): {"api", "executions": [[draw, ...], ...]}}}"""
    sites = {}
    for d in draws:
        if any("_numpy_seed" in c for c in d.get("chain") or ()):
            continue  # input_data's DataSet seeds NumPy with the graph seed; its op seed is never used
        key = (d["cell"], d["line"], d["col"])
        site = sites.setdefault(os.path.realpath(d["file"]), {}).setdefault(key, {"api": d["api"], "executions": []})
        ex = site["executions"]
        if ex and ex[-1][-1]["execution"] == d["execution"]:
            ex[-1].append(d)
        else:
            ex.append([d])
    return sites


_MAGIC = "#\x00tf1-migrate-magic:"


def _hide_magics(source):
    return "\n".join(_MAGIC + line if line.lstrip().startswith(("%", "!")) else line
                     for line in source.split("\n"))


def _show_magics(source):
    return "\n".join(line.replace(_MAGIC, "", 1) if _MAGIC in line else line for line in source.split("\n"))


def migrate_file(src, rel, sites, names, tf1_version):
    from . import rewrite

    result = rewrite.FileResult(path=str(rel))
    if src.suffix == ".py":
        text = src.read_text(encoding="utf-8")
        try:
            new = rewrite.migrate_module(text, names, result, sites, tf1_version)
        except Exception as exc:  # libcst's ParserSyntaxError (Python 2 code, ...)
            result.problems.append({"line": getattr(exc, "raw_line", "?"), "what": "the file does not parse as "
                                    "Python 3", "todo": f"fix the syntax ({str(exc).splitlines()[0]}) and migrate again"})
            new = text
        return result, new
    import nbformat

    nb = nbformat.read(str(src), as_version=4)
    state = {}
    first = True
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        try:
            code = rewrite.migrate_module(_hide_magics(cell.source), names, result, sites, tf1_version,
                                          cell=i, header=first, state=state)
            cell.source = _show_magics(code)
        except Exception as exc:
            result.problems.append({"line": f"cell {i}", "what": "the cell does not parse as Python 3",
                                    "todo": f"fix it ({str(exc).splitlines()[0]}) and migrate again"})
        first = False
    return result, nbformat.writes(nb)


def _sibling_imports(src, dst, text, result):
    """A script's own modules beside it (``from cnn_utils import *``) are not migrated with it: say so."""
    for m in re.finditer(r"^\s*(?:from\s+(\w+)\s+import|import\s+(\w+))", text, re.M):
        name = m.group(1) or m.group(2)
        if (src.parent / f"{name}.py").is_file() and not (dst.parent / f"{name}.py").exists():
            result.problems.append({"line": text[:m.start()].count("\n") + 1, "what": f"imports {name}.py from "
                                    "beside the source, which was not migrated",
                                    "todo": f"migrate the folder (migrate {src.parent} -o DIR), or put a migrated "
                                            f"{name}.py beside the output"})


class RecordingFailed(UserError):
    """The seed recording did not run the source through its graphs: no output may claim TF 1.x's seeds."""

    exit_status = 1


def _check_recording(entry, status, budget):
    """RecordingFailed when ``entry``'s recording failed, or stopped before any draw or Session.run.

    Code written from a failed recording would carry no seeds (or some of them) and print numbers
    unrelated to TF 1.x's while migrate reported success; --no-seeds is the explicit way to that."""
    if status["status"] == "failed":
        what = f"the seed recording run of {entry} failed: {status['detail'] or 'no message'}"
    elif status["status"] == "stopped" and not status["draws"] and not status.get("runs"):
        what = f"the seed recording run of {entry} stopped before any of its graphs drew ({status['detail']})"
    else:
        return
    # a notebook runs in (a copy of) its own folder, as Jupyter runs it; a script in the current folder's copy
    folder = Path(entry).resolve().parent if Path(entry).suffix == ".ipynb" else Path.cwd().resolve()
    hint = ("run migrate from the folder the script expects" if Path(entry).suffix == ".py" else
            "put the files the notebook reads beside it")
    more = f"--budget more than {budget:.0f} s, " if status["status"] == "stopped" else ""
    raise RecordingFailed(f"{what} (run in a copy of {folder}); nothing written: {hint}, give its arguments "
                          f"with --args, {more}or pass --no-seeds to migrate without TF 1.x's seeds")


def main(args):
    from ..fileio import atomic_write_text, check_writable

    source, out = Path(args.source), Path(args.output)
    pairs, report_dir = _pairs(source, out)
    script_args = list(args.args)
    source_files = {p.resolve() for p, _ in pairs}
    # every file this run writes, checked before anything is run or written
    report_md = report_dir / "MIGRATION.md"
    planned = [o for _, o in pairs] + [report_md] + ([Path(args.json)] if args.json else [])
    for path in planned:
        if path.resolve() in source_files:
            raise UserError(f"{path}: that is a SOURCE file; migrate never writes over SOURCE")
        if path.exists():
            check_writable(path, args.force)
    for _, o in pairs:  # missing folders are made; a file where a folder must go is an error
        parent = next((q for q in [o.parent, *o.parent.parents] if q.exists()), None)
        if parent is not None and not parent.is_dir():
            raise UserError(f"cannot write {o}: {parent} is a file, not a folder")

    from . import seeds
    from .rewrite import Names

    recording, all_draws = {}, []
    user_files = [p for p, _ in pairs]
    for entry in _entries(pairs, source, args.run):
        if args.no_seeds:
            recording[str(entry)] = {"status": "not run (--no-seeds)", "draws": 0,
                                     "detail": "TF 1.x's seeds were not recorded: unseeded random ops draw TF 2's "
                                               "numbers, not TF 1.x's"}
            continue
        draws, status = seeds.record(entry, user_files, args.tf1_version, budget=args.budget, args=script_args)
        status["draws"] = len(draws)
        _check_recording(entry, status, args.budget)
        recording[str(entry)] = status
        all_draws += draws
        print(f"recorded {len(draws)} draws from {entry} ({status['status']})", file=sys.stderr)
    sites = _sites(all_draws)
    names = Names()
    results, texts, helper_dirs = [], [], {}
    for src, dst in pairs:
        result, text = migrate_file(src, src.relative_to(source) if source.is_dir() else Path(src.name),
                                    sites.get(os.path.realpath(src), {}), names, args.tf1_version)
        result.output = str(dst)
        if not source.is_dir():
            _sibling_imports(src, dst, text, result)
        results.append(result)
        texts.append((dst, text))
        if result.needs:
            helper_dirs.setdefault(dst.parent, set()).update(result.needs)
    from . import helpers

    for folder, needs in helper_dirs.items():
        path = folder / f"{helpers.NAME}.py"
        if path.resolve() in source_files:
            raise UserError(f"{path}: that is a SOURCE file; migrate never writes over SOURCE")
        if path.exists():
            check_writable(path, args.force)
        texts.append((path, helpers.module_text(needs)))
    for dst, text in texts:
        dst.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(dst, text, force=args.force)
    status = 0
    verified = None
    if args.verify:
        from . import verify

        verified = {}
        for src, dst in pairs:
            if str(src) not in recording:
                continue
            v = verify.verify(src, dst, script_args, timeout=args.timeout, tf1_version=args.tf1_version)
            verified[str(src)] = v
            print(f"verify {src}: {v['status']} ({v['numbers']} numbers)" + (f": {v['detail']}" if v["detail"] else ""))
            if v["status"] != "equal":
                status = 1
    from . import report

    data = report.as_dict(source, out, args.tf1_version, results, recording, verified)
    atomic_write_text(report_md, report.markdown(data), force=args.force)
    if args.json:
        atomic_write_text(args.json, report.as_json(data), force=args.force)
    n_problems = sum(len(r.problems) for r in results)
    n_seeds = sum(len(r.seeds) for r in results)
    print(f"migrated {len(results)} file(s) to {out}: {n_seeds} seed sites written, "
          f"{n_problems} places to finish by hand (see {report_md})"
          + ("; --no-seeds: without TF 1.x's seeds, unseeded random ops draw other numbers" if args.no_seeds else ""),
          file=sys.stderr)
    return status

