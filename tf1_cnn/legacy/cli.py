"""``python -m tf1_cnn legacy SCRIPT.py|NOTEBOOK.ipynb [ARGS...]``: run unmodified TF1 code.
``python -m tf1_cnn legacy -m MODULE [ARGS...]``: run a module, as ``python -m MODULE`` would.

A script runs as ``__main__`` with ``sys.argv = [SCRIPT, ARGS...]`` in the current
directory, its own folder first on ``sys.path``; a notebook runs through Jupyter's
executor (nbclient) on the ``tf1`` kernel, started in the notebook's folder, so its
outputs are what Jupyter stores (``notebook.py``). Both run on the TF1 runtime
(``tf1_cnn.compat.install``): TF 1.x's seed rule and op structures, all of
``tf.compat.v1`` under its TF1 names, ``tf.layers`` (tf_keras), ``tf.contrib``
(tf_slim), Keras 2 under ``import keras``, SciPy's old image helpers.

``--seed-rule tf1`` (default): an unseeded random op under a graph seed takes the
graph's operation count as its op seed, as on TF 1.x. ``--seed-rule tf2``:
TensorFlow 2's per-graph counter (for code written against tf.compat.v1 on TF 2).
``--tf1-version 1.3`` (default; TF 1.3.0), ``1.4`` (TF 1.4.1) or ``1.15`` (TF 1.15.5): whose op structures.
``--tf1-floats`` (or ``TF1_CNN_TF1_FLOATS=1``): TF 1.15.5's CPU float results, bit for bit, for Exp, Log,
Reciprocal, Sum, Mean, softmax cross-entropy and ApplyAdam, with oneDNN off (``compat/floats``).
``--numpy-print auto`` (default): NumPy prints as on that version's day (1.13's printing under 1.3 / 1.4:
``[ 0.5  1. ]``, ``0.333333333333``; 1.16's under 1.15); ``1.13``, ``1.16`` or ``current`` choose.
With ``--check`` and ``auto``, a notebook's stored outputs choose when they show one style.

``-m MODULE [ARGS...]`` runs ``MODULE`` as ``__main__`` the way ``python -m`` does: the
current directory first on ``sys.path``, ``sys.argv[0]`` the module's file, relative imports
inside its package working, so a library's test module runs as its authors ran it
(``legacy -m mylib.layers_test``, ``tf.test.main()``). Everything after ``-m MODULE`` is the
module's. Test runners are modules too: ``legacy -m pytest tests/ -q`` and
``legacy -m unittest discover -s tests -p '*_test.py'`` run a library's whole suite in one
process on the runtime, and the exit status is the runner's.

``--check`` (notebooks): compare each code cell's text output with the output
stored in the notebook, numbers within ``--atol``/``--rtol``, object addresses
masked; one line per cell, a summary, exit status 1 if a cell differs or fails.
``--timeout S``: a cell still running after S seconds is interrupted and fails.

At the end a migration report lists every TF1-only name used, how often, where
(file:line, or cell and line), and its TF2 replacement: on stderr, or as JSON
with ``--report-json PATH``. The exit status is the code's.
"""
import argparse
import json
import runpy
import sys
import traceback
from pathlib import Path

from ..errors import UserError, default_sigterm

from ..compat.floats import requested as floats_requested
from ..compat.settings import DEFAULTS, NUMPY_PRINTS, SEED_RULES, TF1_VERSIONS

# The README's coverage table, by family: (family, TF1 names, what runs them here).
FAMILIES = (
    ("graph, session, variables", "`tf.placeholder`, `tf.Session`, `tf.get_variable`, `tf.variable_scope`, "
     "`tf.global_variables_initializer`, every other `tf.X` of `tf.compat.v1`", "tf.compat.v1"),
    ("seed rule", "`tf.set_random_seed` + unseeded initializers, dropout, shuffles", "tf1_cnn (TF 1.x's rule)"),
    ("layers", "`tf.layers.*`, `tf.compat.v1.layers.*` (dense, conv2d, conv2d_transpose, pooling, "
     "batch_normalization, dropout)", "tf_keras legacy layers; `flatten` TF1-shaped by tf1_cnn"),
    ("contrib / slim", "`tf.contrib.layers.*`, `tf.contrib.slim`, `tf.contrib.framework` (arg_scope, ...), "
     "`tf.contrib.metrics` (streaming_*), `tf.contrib.losses`, `tf.contrib.training` (create_train_op, train)",
     "tf_slim (its TF 2.21 breakages fixed); `flatten` TF1-shaped by tf1_cnn"),
    ("contrib / rnn", "`tf.contrib.rnn` (BasicLSTMCell, LSTMCell, GRUCell, MultiRNNCell, DropoutWrapper, "
     "LSTMStateTuple, static_rnn, static_bidirectional_rnn), `from tensorflow.contrib import rnn`",
     "tf.compat.v1.nn.rnn_cell (tf_keras's legacy cells), tf.compat.v1.nn"),
    ("contrib / other", "`tf.contrib.data` (Dataset, TFRecordDataset, map_and_batch, ...), `tf.contrib.keras`, "
     "`tf.contrib.distributions`, `tf.contrib.util`, `tf.contrib.lookup`, `tf.contrib.factorization.KMeans`",
     "tf.compat.v1 and tf_upgrade_v2's renames; tf_keras; TensorFlow Probability"),
    ("contrib / TF 1.15 packages", "`tf.contrib.tpu` (`TPUEstimator(use_tpu=False)`, `TPUEstimatorSpec`, `RunConfig`, "
     "`TPUConfig`, `tpu_ops`, `tpu_function`), `tf.contrib.cluster_resolver`, `tf.contrib.training.HParams`, "
     "`tf.contrib.eager` (`tfe.defun`, `Variable`, `implicit_gradients`, ...), `tf.contrib.rnn`'s block cells "
     "(`LSTMBlockCell`, `GRUBlockCell`, `LSTMBlockFusedCell`), `tf.contrib.learn.ModeKeys`",
     "tensorflow_estimator 2.15's tpu package and TF 2.21's tpu modules; the block kernels; tf1_cnn (HParams)"),
    ("nn, losses, metrics", "`tf.nn.dropout(x, keep_prob)`, `tf.losses.*`, `tf.metrics.*`, "
     "`reduction_indices=`, `keep_dims=`", "tf.compat.v1; `tf.nn.dropout` TF1-shaped by tf1_cnn"),
    ("training, savers", "`tf.train.*Optimizer`, `tf.train.Saver`, `tf.train.exponential_decay`", "tf.compat.v1"),
    ("summaries", "`tf.summary.scalar`, `histogram`, `merge_all`, `FileWriter`", "tf.compat.v1 + TensorBoard"),
    ("queues, tf.data", "`tf.train.string_input_producer`, `shuffle_batch`, `start_queue_runners`, "
     "`Dataset.make_one_shot_iterator`", "tf.compat.v1"),
    ("flags, gfile, logging", "`tf.app.run`, `tf.app.flags`, `tf.flags` (1.2-1.4: argparse's, `_parse_flags`, "
     "`__flags`; 1.15: absl's), `tf.gfile`, `tf.logging`", "tf1_cnn (1.2-1.4 flags); tf.compat.v1"),
    ("MNIST tutorials", "`tensorflow.examples.tutorials.mnist.input_data` and `.mnist` (inference, loss, "
     "training, evaluation), `tf.contrib.learn.datasets` (mnist, DATASETS, base.load_csv_with_header, "
     "`...learn.python.learn.datasets.mnist`)", "tf1_cnn.input_data (no downloads)"),
    ("Keras 2", "`import keras`, `keras.backend.set_learning_phase`, `keras.utils.vis_utils`, "
     "`keras.applications.imagenet_utils`, `keras.preprocessing.image`, Keras 2.0-2.2's `keras.layers.recurrent`, "
     "`convolutional_recurrent`, `merge`, `engine.topology`, `Sequential.predict_classes`, `__version__`, "
     "`get_file` / `datasets` offline", "tf_keras (v1 API, TF1 initializers)"),
    ("NumPy 1.x", "`np.float`, `np.int`, `np.bool`, `np.object`, `np.str`, `np.complex`, `np.long`, `np.unicode`, "
     "`float()` of a 1-element array, uint8 value-based casting, `newshape=`", "NumPy 1.26.4 + tf1_cnn (aliases)"),
    ("SciPy-era images", "`scipy.misc.imread`, `imresize`, `imsave`, `toimage`, `scipy.ndimage.imread`",
     "tf1_cnn on Pillow"),
    ("estimator", "`tf.estimator.*` (and `tf.compat.v1.estimator.*`): `Estimator` (model_fn, EstimatorSpec, "
     "train / evaluate / predict, `export_savedmodel`), canned estimators (`DNNClassifier`, `LinearClassifier`, "
     "`DNNLinearCombinedClassifier`, regressors), `train_and_evaluate`, `TrainSpec`, `EvalSpec`, exporters, "
     "`inputs.numpy_input_fn`, `RunConfig` with `TF_CONFIG` (ps, chief, worker, evaluator)",
     "tensorflow_estimator 2.15 (v1 API), imported on first use; TF 1.3's seed default under 1.3"),
    ("contrib / research", "`tf.contrib.seq2seq` (helpers, `BasicDecoder`, `dynamic_decode`, `AttentionWrapper` "
     "with Bahdanau / Luong / monotonic attention, `BeamSearchDecoder`, `sequence_loss`), `tf.contrib.legacy_seq2seq`, "
     "`tf.contrib.crf`, `tf.contrib.learn.preprocessing` (`VocabularyProcessor`), `tf.contrib.learn.RunConfig`, "
     "`tf.contrib.rnn`'s `NASCell`, `LayerNormBasicLSTMCell`, projection wrappers, `stack_bidirectional_*`",
     "tf1_cnn (compat/contrib/: written from TF 1.x's documented behaviour, checked against the oracle)"),
    ("the era's libraries", "`tensorflow.python.*` names TF 2.21 moved or removed (`nest.is_sequence`, "
     "`ops.set_shapes_for_outputs`, `control_flow_ops.cond`, ...), protoc-3 `*_pb2.py` modules, "
     "`inspect.getargspec`, `collections.Mapping`, `time.clock`, `Image.ANTIALIAS`, SciPy's removed paths "
     "(`scipy.sparse.linalg.eigen.arpack`, `scipy.misc.logsumexp`, ...)",
     "tf1_cnn (compat/era/; the TF-internal table generated by tools/scan_tf_internal.py)"),
    ("not provided", "`tf.contrib.image`, "
     "`tf.contrib.cudnn_rnn`, `tf.contrib.opt`, "
     "`tf.contrib.estimator`, `tf.contrib.learn`'s estimators (`DNNClassifier.fit`, `Experiment`, `learn_runner`), "
     "`tf.estimator.BoostedTrees*`, `pandas_input_fn` without pandas, TPU and distribution strategies under the "
     "estimator", "an error naming the TF2 replacement, for attribute and import forms alike"),
)


def add_parser(sub):
    p = sub.add_parser("legacy", help="run an unmodified TF1 script or notebook on the TF1 runtime",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed-rule", choices=tuple(SEED_RULES), default=DEFAULTS["seed_rule"],
                   help=f"op-seed rule (default {DEFAULTS['seed_rule']})")
    p.add_argument("--tf1-version", choices=tuple(TF1_VERSIONS), default=DEFAULTS["tf1_version"],
                   help=f"whose TF 1.x op structures the runtime mirrors (default {DEFAULTS['tf1_version']})")
    p.add_argument("--tf1-floats", action="store_true",
                   help="TF 1.15.5's CPU float arithmetic, bit for bit, for Exp, Log, Reciprocal, Sum, Mean, "
                        "softmax cross-entropy and ApplyAdam; oneDNN off (also: TF1_CNN_TF1_FLOATS=1)")
    p.add_argument("--numpy-print", choices=NUMPY_PRINTS, default=DEFAULTS["numpy_print"],
                   help="how NumPy prints: as NumPy 1.13 or 1.16 did, or as it does now (default auto: "
                        "1.13 under --tf1-version 1.3/1.4, 1.16 under 1.15; --check: the stored outputs' style)")
    p.add_argument("--report-json", metavar="PATH", help="write the migration report (and --check's table) as JSON")
    p.add_argument("--no-report", action="store_true", help="do not print the migration report")
    p.add_argument("--coverage", action="store_true", help="print what the runtime covers (markdown) and exit")
    p.add_argument("--scan", action="store_true", help="read the script or notebook without running it: list its "
                   "TF1-only names (file:line, replacement) and any name the runtime does not provide (exit 1)")
    nb = p.add_argument_group("notebooks")
    nb.add_argument("--check", action="store_true", help="compare each cell's output with the stored one")
    nb.add_argument("--atol", type=float, default=1e-5, help="absolute tolerance of --check (default 1e-5)")
    nb.add_argument("--rtol", type=float, default=1e-5, help="relative tolerance of --check (default 1e-5)")
    nb.add_argument("--keep-going", action="store_true", help="run the cells after a failing cell too "
                    "(nbclient's allow_errors)")
    nb.add_argument("--timeout", type=float, metavar="S", help="interrupt and fail a cell still running after "
                    "S seconds (default: no limit)")
    nb.add_argument("--json", metavar="PATH", help="write --check's per-cell table as JSON")
    nb.add_argument("--output", metavar="NEW.ipynb", help="write the executed notebook")
    p.add_argument("--force", action="store_true", help="replace an existing --output / --json / --report-json file")
    p.add_argument("--warm", action="store_true", help="run in a child forked from a warm process that has "
                   "TensorFlow imported (also TF1_CNN_WARM=1); the first run starts it (see legacy/warm.py)")
    p.add_argument("--warm-stop", action="store_true", help="stop the warm processes and exit")
    p.add_argument("-m", dest="module", nargs=argparse.REMAINDER, metavar="MODULE [ARGS]",
                   help="run a module as `python -m MODULE ARGS` would (the cwd on sys.path; relative imports; "
                        "`-m pytest tests/`, `-m unittest discover`); the rest of the line is the module's")
    p.add_argument("script", nargs="?", metavar="SCRIPT|NOTEBOOK")
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS")
    p.set_defaults(func=main, parser=p, early=early)
    return p


def early(args, argv):
    """Before TensorFlow is imported: ``--warm-stop``, and a run in a warm child (warm.py)."""
    from . import warm
    from ..compat import floats

    tf1_floats = args.tf1_floats or floats.requested()
    if tf1_floats:
        floats.prepare()  # TF_ENABLE_ONEDNN_OPTS=0 must precede TensorFlow's import
    if args.warm_stop:
        print(f"stopped {warm.stop_all()} warm process(es)")
        return 0
    notebook = bool(args.script) and args.script.endswith(".ipynb") and not (args.coverage or args.scan)
    if notebook:  # it runs in the tf1 kernel's own process: this one needs no TensorFlow
        args.needs_tensorflow = False
    elif warm.requested(args) and not tf1_floats and (args.script or args.module) \
            and not (args.coverage or args.scan):
        # a script or `-m MODULE` (a test suite's file, one process each): the child runs main() as a cold
        # run would. (A warm process has TensorFlow loaded with oneDNN on: the float mode runs cold.)
        return warm.run(argv)
    return None


def coverage_table():
    """The README's coverage table, by family."""
    lines = ["| family | TF1 names | run here by |", "| --- | --- | --- |"]
    lines += [f"| {family} | {names} | {by} |" for family, names, by in FAMILIES]
    return "\n".join(lines)


def run_script(script, args):
    """Run ``script`` as __main__; returns its exit status (1 when it raised)."""
    path = Path(script)
    if not path.is_file():
        raise UserError(f"{script}: no such script")
    old_argv, old_path = sys.argv, list(sys.path)
    sys.argv = [str(path), *args]
    sys.path.insert(0, str(path.resolve().parent))  # as `python SCRIPT`: its folder first
    try:
        runpy.run_path(str(path), run_name="__main__")
        return 0
    except SystemExit as exc:
        return _exit_status(exc)
    except UserError as exc:  # the runtime's own (a data file it would have downloaded): one line
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
    except Exception:  # the script's own error: its traceback, as python SCRIPT would
        traceback.print_exc()
        return 1
    finally:
        sys.argv, sys.path[:] = old_argv, old_path


def run_module(module, args):
    """Run ``module`` as __main__ like ``python -m module args``; returns its exit status (1 when it raised)."""
    import importlib.util
    import os

    old_argv, old_path = sys.argv, list(sys.path)
    sys.argv = [module, *args]
    sys.path.insert(0, os.getcwd())  # as `python -m`: the current directory first, not tf1_cnn's
    try:
        if module.startswith("."):
            raise UserError(f"-m {module}: relative module names are not supported (as python -m)")
        try:
            found = importlib.util.find_spec(module)  # imports its parent packages, as python -m does
        except ModuleNotFoundError as exc:
            if not (exc.name and (module + ".").startswith(exc.name + ".")):
                raise  # a missing import inside a parent package: that package's own error
            found = None
        if found is None:
            raise UserError(f"-m {module}: no module named {module!r} (current directory {os.getcwd()})")
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    except SystemExit as exc:
        return _exit_status(exc)
    except UserError:
        raise
    except Exception:  # the module's own error: its traceback, as python -m would
        traceback.print_exc()
        return 1
    finally:
        sys.argv, sys.path[:] = old_argv, old_path


def _exit_status(exc):
    code = exc.code
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


def _check_outputs(args):
    from ..fileio import check_distinct, check_writable

    for flag in ("report_json", "json", "output"):
        path = getattr(args, flag)
        if path:
            check_writable(path, force=args.force, flag="--force")
    if args.output and Path(args.output).resolve() == Path(args.script).resolve():
        raise UserError(f"--output {args.output}: that is the notebook being run; choose another file")
    check_distinct(report_json=args.report_json, json=args.json, output=args.output)


def run_notebook(args):
    """Run (and with --check, compare) a notebook; returns (exit status, migration report rows)."""
    from . import check, notebook

    nb = notebook.read_notebook(args.script)
    out_base = Path(args.output or args.script)
    rows = []

    def on_cell(index, cell, failure):
        if args.check:
            cmp = check.compare_cell(cell, nb.cells[index], args.atol, args.rtol, failure)
            rows.append(_row(index + 1, cell.source, cmp))
            print(_format_row(rows[-1]), flush=True)

    numpy_print = args.numpy_print
    if args.check and numpy_print == "auto":
        from . import numpy_style

        inferred, counts = numpy_style.infer(nb)
        if inferred:
            numpy_print = inferred
            print(f"NumPy printing: {inferred}, as the stored outputs show ({numpy_style.describe(counts)})",
                  flush=True)
    result = notebook.execute(args.script, nb, seed_rule=args.seed_rule, tf1_version=args.tf1_version,
                              numpy_print=numpy_print,
                              timeout=args.timeout, keep_going=args.keep_going, echo=not args.check,
                              figures_dir=out_base.with_name(out_base.stem + "_files"), on_cell=on_cell)
    status = 1 if result.failed else 0
    if args.check:
        ran = set(result.ran)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and i not in ran:
                rows.append({"cell": i + 1, "source": _first_line(cell.source), "status": "not run",
                             "max_diff": None, "detail": ""})
                print(_format_row(rows[-1]))
        counts = {}
        for row in rows:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        print(f"{len(rows)} code cells: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
        status = 1 if counts.get("differs") or counts.get("error") else 0
        if args.json:
            from ..fileio import atomic_write_text

            atomic_write_text(args.json, json.dumps({"notebook": args.script, "atol": args.atol, "rtol": args.rtol,
                                                     "cells": rows, "summary": counts}, indent=2), force=args.force)
    if args.output:
        import nbformat

        from ..fileio import atomic_write_text

        atomic_write_text(args.output, nbformat.writes(result.nb), force=args.force)
    return status, result.report


def _first_line(source):
    return next((line for line in source.splitlines() if line.strip()), "")[:60]


def _row(number, source, cmp):
    import math

    diff = None if cmp.status in ("error", "no stored output", "not run") else (
        "inf" if math.isinf(cmp.max_diff) else cmp.max_diff)
    return {"cell": number, "source": _first_line(source), "status": cmp.status, "max_diff": diff,
            "detail": cmp.detail}


def _format_row(row):
    diff = "" if row["max_diff"] is None else (
        f"max diff {row['max_diff']}" if isinstance(row["max_diff"], str) else f"max diff {row['max_diff']:.3g}")
    detail = f"; {row['detail']}" if row["detail"] else ""
    return f"cell {row['cell']:>3}  {row['status']:<16} {diff:<18} {row['source']}{detail}"


def scan(path, is_notebook):
    """``--scan``: the static report of scan.py; exit status 1 when a name is not provided."""
    from . import scan as scanner

    if is_notebook:
        from IPython.core.inputtransformer2 import TransformerManager

        from .notebook import read_notebook

        nb = read_notebook(path)
        sources = [(f"{path}:cell {i}", TransformerManager().transform_cell(c.source))
                   for i, c in enumerate(nb.cells, start=1) if c.cell_type == "code"]
    else:
        sources = [(path, Path(path).read_text(encoding="utf-8", errors="replace"))]
    used, missing = scanner.scan_sources(sources)
    print(scanner.format_scan(used, missing))
    return 1 if missing else 0


def main(args):
    if args.coverage:
        print(coverage_table())
        return 0
    if args.module is not None:
        return _main_module(args)
    if not args.script:
        raise UserError("give the SCRIPT or NOTEBOOK to run (python -m tf1_cnn legacy SCRIPT [ARGS...])")
    is_notebook = args.script.endswith(".ipynb")
    if is_notebook and args.args:  # `legacy NB.ipynb --check ...`: a notebook takes no ARGS, only options
        script, rest = args.script, args.args
        args.parser.parse_args(rest, namespace=args)
        if args.script is not None:
            raise UserError(f"unexpected argument {args.script!r} after the notebook {script}")
        args.script, args.args = script, []
    if not is_notebook and (args.check or args.output or args.json or args.keep_going or args.timeout):
        raise UserError("--check, --output, --json, --keep-going and --timeout are for notebooks (.ipynb)")
    if args.timeout is not None and not args.timeout > 0:
        raise UserError(f"--timeout must be > 0 seconds, got {args.timeout}")
    if not Path(args.script).is_file():
        raise UserError(f"{args.script}: no such {'notebook' if is_notebook else 'script'}")
    if args.scan:
        return scan(args.script, is_notebook)
    _check_outputs(args)
    from ..compat import migration

    if is_notebook:  # the runtime is the kernel's (its own process): not installed here
        status, rows = run_notebook(args)
    else:
        from ..compat import install

        install(seed_rule=args.seed_rule, tf1_version=args.tf1_version, numpy_print=args.numpy_print)
        if args.tf1_floats or floats_requested():
            from ..compat import floats

            floats.enable()
        migration.clear()
        default_sigterm()  # the user's code ends on SIGTERM as under plain Python, even inside C++
        status = run_script(args.script, args.args)
        rows = migration.report()
    return _report(args, status, rows)


def _main_module(args):
    """``legacy -m MODULE ARGS``: the runtime installed, the module run, the migration report."""
    if not args.module:
        raise UserError("-m needs a MODULE (python -m tf1_cnn legacy -m MODULE [ARGS...])")
    if args.script is not None:  # not reached by argparse (-m takes the rest), kept for callers
        raise UserError(f"give either SCRIPT or -m MODULE, not both ({args.script!r})")
    if args.scan or args.check or args.output or args.json or args.keep_going or args.timeout:
        raise UserError("--scan, --check, --output, --json, --keep-going and --timeout are not for -m MODULE")
    module, module_args = args.module[0], args.module[1:]
    if args.report_json:
        from ..fileio import check_writable

        check_writable(args.report_json, force=args.force, flag="--force")
    from ..compat import install, migration

    install(seed_rule=args.seed_rule, tf1_version=args.tf1_version)
    migration.clear()
    default_sigterm()
    status = run_module(module, module_args)
    args.script = f"-m {module}"
    return _report(args, status, migration.report())


def _report(args, status, rows):
    from ..compat import migration

    if args.report_json:
        from ..fileio import atomic_write_text

        atomic_write_text(args.report_json, json.dumps(
            {"script": args.script, "exit_status": status, "seed_rule": args.seed_rule,
             "tf1_version": args.tf1_version,
             "used": [{"name": n, "count": c, "replacement": r, "places": p} for n, c, r, p in rows]},
            indent=2), force=args.force)
    elif not args.no_report:
        print(migration.format_report(rows), file=sys.stderr)
    return status
