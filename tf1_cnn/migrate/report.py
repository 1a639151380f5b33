"""The migration report: MIGRATION.md beside the output, and the same as JSON (``--json``).

Per file: each change (line, what, why), each seed written (line, the op seeds TF 1.x gave
the draws there: the graph's operation count at each draw, and how the seed reaches the op),
what could not be migrated (line, what a human must do); then the recording's and
--verify's outcome.
"""
import json


def as_dict(source, out, tf1_version, results, recording, verify=None):
    return {"source": str(source), "output": str(out), "tf1_version": tf1_version,
            "recording": recording, "verify": verify,
            "files": [{"file": r.path, "output": r.output, "changes": r.changes, "seeds": r.seeds,
                       "not_migrated": r.problems, "helpers": sorted(r.needs)} for r in results]}


def markdown(data):
    unseeded = any(rec["status"].startswith("not run") for rec in data["recording"].values())
    lines = [f"# Migration report: {data['source']} -> {data['output']}", "",
             "Rewritten by `python -m tf1_cnn migrate` for stock TensorFlow 2 (tf.compat.v1 in graph mode, "
             "tf_keras, tf_slim), no tf1_cnn needed. " + (
                 "**Migrated with --no-seeds: TF 1.x's seeds were not recorded nor written.** Random ops without "
                 "a seed of their own draw TF 2's numbers, not TF 1.x's: the output's results differ from TF "
                 "1.x's wherever they depend on such draws." if unseeded else
                 f"Seeds are TF {data['tf1_version']}'s: each unseeded random op under a graph seed drew, in TF "
                 "1.x, with the number of operations built before it as its op seed; that number is now written "
                 "at the call site, so TF 2 draws the same values."), ""]
    for name, rec in data["recording"].items():
        if rec["status"].startswith("not run"):
            lines.append(f"`{name}` was not run (--no-seeds): no seeds recorded.")
            continue
        lines.append(f"Seeds recorded by running `{name}` on the TF1 runtime: {rec['status']}"
                     + (f" ({rec['detail']})" if rec.get("detail") else "") + f", {rec.get('draws', 0)} draws.")
    if data["recording"]:
        lines.append("")
    if data.get("verify"):
        for name, v in data["verify"].items():
            lines.append(f"--verify `{name}`: **{v['status']}** ({v['numbers']} printed numbers compared)"
                         + (f": {v['detail']}" if v.get("detail") else ""))
        lines.append("")
    total = {"changes": 0, "seeds": 0, "not_migrated": 0}
    for f in data["files"]:
        for k in total:
            total[k] += len(f[k])
    lines.append(f"Summary: {len(data['files'])} file(s), {total['changes']} changes, {total['seeds']} seed sites "
                 f"written, {total['not_migrated']} places a human must finish.")
    for f in data["files"]:
        lines += ["", f"## {f['file']} -> {f['output']}", ""]
        if f["not_migrated"]:
            lines += ["### Not migrated: what a human must do", "", "| line | what | to do |", "| --- | --- | --- |"]
            lines += [f"| {p['line']} | {p['what']} | {p['todo']} |" for p in f["not_migrated"]]
            lines.append("")
        if f["seeds"]:
            lines += ["### Seeds written (TF 1.x's op seed = operations in the graph at the draw)", "",
                      "| line:col | API | op seeds under TF 1.x | written as |", "| --- | --- | --- | --- |"]
            for s in f["seeds"]:
                seeds = s["op_seeds"]
                shown = ", ".join(map(str, seeds[:8])) + (f", ... ({len(seeds)} draws)" if len(seeds) > 8 else "")
                lines.append(f"| {s['line']}:{s['col'] + 1} | {s['api']} | {shown} | {s['how']} |")
            lines.append("")
        if f["changes"]:
            lines += ["### Changes", "", "| line | change | why |", "| --- | --- | --- |"]
            lines += [f"| {c['line']} | `{c['what']}` | {c['why']} |" for c in f["changes"]]
        if f["helpers"]:
            lines += ["", f"Uses tf1_migrated_helpers.py: {', '.join(f['helpers'])}."]
    return "\n".join(lines) + "\n"


def as_json(data):
    return json.dumps(data, indent=2, default=str)
