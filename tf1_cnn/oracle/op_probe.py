"""Record the ops each case of ``op_cases.py`` builds: run by real TF 1.x and by the runtime.

Python 3.6-compatible (it runs inside the oracle environments). Two ways to run it:

  ORACLE_PYTHON op_probe.py --out FILE [--cases a,b]
      real TF 1.x (``import tensorflow``), one run labelled "oracle";
  python -m tf1_cnn.oracle.op_probe --runtime 1.3,1.4,1.15 --out FILE [--cases a,b]
      TensorFlow 2.21 under ``tf1_cnn.compat.install()``, one run per ``--tf1-version``.

Per case, in a fresh graph with graph seed ``GRAPH_SEED`` and the placeholders of
``PREFIX``: the ops the snippet adds, in creation order, as "Type name" strings, and
each random op (an op with a ``seed2`` attribute) as [index, seed, seed2]. Under the
graph seed an unseeded op's seed2 is TF 1.x's op count at its draw, so the draws say
where every later unseeded draw starts. A case that raises is recorded as
{"error": "..."} (the version lacks the function).
"""
import argparse
import json
import os
import platform
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import op_cases  # noqa: E402  (beside this file, also inside the oracle)


def record_case(tf, build):
    graph = tf.Graph()
    with graph.as_default():
        tf.set_random_seed(op_cases.GRAPH_SEED)
        p = {}
        for name, dtype, shape in op_cases.PREFIX:
            p[name] = tf.placeholder(getattr(tf, dtype), shape, name=name)
        start = len(graph.get_operations())
        try:
            build(tf, p)
        except Exception as exc:  # the version lacks it: recorded, compared as such
            return {"error": "%s: %s" % (type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")}
        ops = graph.get_operations()[start:]
        out = {"ops": ["%s %s" % (op.type, op.name) for op in ops], "draws": []}
        for i, op in enumerate(ops):
            attrs = op.node_def.attr
            if "seed2" in attrs and "seed" in attrs:
                out["draws"].append([i, attrs["seed"].i, attrs["seed2"].i])
        return out


def record(tf, names=None):
    return {name: record_case(tf, build) for name, build in op_cases.CASES if not names or name in names}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="JSON file to write")
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--runtime", help="comma-separated --tf1-version values: record the runtime, not TF 1.x")
    args = parser.parse_args(argv)
    names = set(args.cases.split(",")) if args.cases else None
    runs = {}
    if args.runtime:
        from tf1_cnn.compat import install, settings

        versions = args.runtime.split(",")
        tf = install(tf1_version=versions[0])
        for version in versions:
            settings.configure(tf1_version=version)
            runs[version] = record(tf, names)
    else:
        import tensorflow as tf

        runs["oracle"] = record(tf, names)
    result = {"tensorflow": tf.__version__, "python": platform.python_version(), "runs": runs}
    with open(args.out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
