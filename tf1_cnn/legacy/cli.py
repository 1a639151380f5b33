"""``python -m tf1_cnn legacy SCRIPT [ARGS...]``: run an unmodified TensorFlow 1 script.

The script runs as ``__main__`` with ``sys.argv = [SCRIPT, ARGS...]``, in the
current directory (its relative paths resolve as it expects), its own folder
first on ``sys.path``, and the TF1 shims installed (``tf1_cnn.compat.install``).
At the end a migration report lists every TF1-only name it used, how often, and
the TF2 replacement: on stderr, or as JSON with ``--report-json PATH``. The exit
status is the script's.

``--coverage`` prints the table of covered TF1 names (the README's table).
"""
import argparse
import json
import runpy
import sys
import traceback
from pathlib import Path

from ..errors import UserError


def add_parser(sub):
    p = sub.add_parser("legacy", help="run an unmodified TF1 script with the shims installed",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--report-json", metavar="PATH", help="write the migration report as JSON to PATH")
    p.add_argument("--no-report", action="store_true", help="do not print the migration report")
    p.add_argument("--coverage", action="store_true", help="print the covered TF1 names (markdown) and exit")
    p.add_argument("script", nargs="?", metavar="SCRIPT")
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS")
    p.set_defaults(func=main)
    return p


def coverage_table():
    """The README's coverage table, generated from migration.REPLACEMENTS."""
    from ..compat import migration

    shims = ("tf.layers.", "tf.contrib.", "tf.compat.v1.layers.", "tensorflow.examples.")
    lines = ["| TF1 name | provided by | TF2 replacement |", "| --- | --- | --- |"]
    for name, repl in migration.REPLACEMENTS.items():
        by = "tf1_cnn shim" if name.startswith(shims) else "tf.compat.v1"
        lines.append(f"| `{name}` | {by} | {repl} |")
    return "\n".join(lines)


def run_script(script, args):
    """Run ``script`` as __main__; returns its exit status (1 when it raised)."""
    path = Path(script)
    if not path.is_file():
        raise UserError(f"{script}: no such script")
    from ..compat import install, migration

    install()
    migration.usage.clear()
    old_argv, old_path0 = sys.argv, sys.path[0]
    sys.argv = [str(path), *args]
    sys.path[0] = str(path.resolve().parent)
    try:
        runpy.run_path(str(path), run_name="__main__")
        return 0
    except SystemExit as exc:
        code = exc.code
        if code is None or isinstance(code, int):
            return code or 0
        print(code, file=sys.stderr)
        return 1
    except Exception:  # the script's own error: show its traceback, as python SCRIPT would
        traceback.print_exc()
        return 1
    finally:
        sys.argv, sys.path[0] = old_argv, old_path0


def main(args):
    if args.coverage:
        print(coverage_table())
        return 0
    if not args.script:
        raise UserError("give the SCRIPT to run (python -m tf1_cnn legacy SCRIPT [ARGS...])")
    if args.report_json:
        from ..fileio import check_writable

        check_writable(args.report_json, force=True)
    status = run_script(args.script, args.args)
    from ..compat import migration

    rows = migration.report()
    if args.report_json:
        from ..fileio import atomic_write_text

        atomic_write_text(args.report_json, json.dumps(
            {"script": args.script, "exit_status": status,
             "used": [{"name": n, "count": c, "replacement": r} for n, c, r in rows]}, indent=2), force=True)
    elif not args.no_report:
        print(migration.format_report(rows), file=sys.stderr)
    return status
