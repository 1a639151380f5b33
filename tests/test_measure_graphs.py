"""tools/measure_graphs.py's own rules (the corpus run itself is a measurement, not a test)."""
import importlib.util
import json

from .helpers import ROOT

spec = importlib.util.spec_from_file_location("measure_graphs", ROOT / "tools" / "measure_graphs.py")
measure = importlib.util.module_from_spec(spec)
spec.loader.exec_module(measure)


def _report(tmp_path, graphs, sides=None):
    path = tmp_path / "01-1.3.json"
    path.write_text(json.dumps({"graphs": graphs, "sides": sides or {}}))
    return path


def test_summary_says_identical_with_the_op_count(tmp_path):
    path = _report(tmp_path, {"identical": True, "records": [2, 2], "ops": [120, 120]})
    assert measure.summary(path) == "identical (120 ops)"


def test_summary_names_the_first_differing_op_on_each_side(tmp_path):
    diff = {"index": 7, "kind": "another name", "tf1": {"type": "Const", "name": "gradients/Const"},
            "runtime": {"type": "Const", "name": "gradients/grad_ys_0/Const"}}
    path = _report(tmp_path, {"identical": False, "records": [1, 1], "ops": [9, 9], "first_difference": diff})
    assert measure.summary(path) == "differs at op 7 (another name): Const gradients/Const / Const gradients/grad_ys_0/Const"


def test_summary_without_a_tf1_graph_or_a_result(tmp_path):
    path = _report(tmp_path, {"identical": False, "records": [0, 3]}, {"tf1": {"exit_status": 1}})
    assert measure.summary(path).startswith("no graph recorded on TF 1.x")
    assert measure.summary(tmp_path / "missing.json") == "no result"
