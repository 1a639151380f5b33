"""The published-number registry and `python -m tf1_cnn verify`."""
import json
import subprocess
import sys

import numpy as np
import pytest

from tf1_cnn import conv_numpy
from tf1_cnn.verify import all_rows, run_row
from tf1_cnn.verify.context import Context
from tf1_cnn.verify.registry import parse_array

from .helpers import ROOT


def _ctx(tmp_path):
    return Context(data_dir=tmp_path)


@pytest.mark.parametrize("row_id", ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "B2", "B3", "B5", "B6", "B7", "C1", "C2"])
def test_rows_that_need_no_data_pass(row_id, tmp_path):
    row = {r.id: r for r in all_rows()}[row_id]
    result = run_row(row, _ctx(tmp_path))
    assert result["status"] == "PASS", result


def test_a_row_fails_when_our_code_is_off(monkeypatch, tmp_path):
    # The registry compares what our code computes now: nudge the code, the row fails.
    real = conv_numpy.loop.conv_single_step
    monkeypatch.setattr(conv_numpy.loop, "conv_single_step", lambda *a: real(*a) * (1 + 1e-11))
    row = {r.id: r for r in all_rows()}["A2"]
    assert run_row(row, _ctx(tmp_path))["status"] == "FAIL"


def test_row_ids_are_unique_and_every_part_has_a_tolerance():
    rows = all_rows()
    assert len({r.id for r in rows}) == len(rows)
    for r in rows:
        assert r.parts and all(p.tol.kind in ("rel", "abs", "exact") for p in r.parts)


def test_parse_array_reads_numpy_printing():
    np.testing.assert_array_equal(parse_array("[[True False] [False True]]"), np.eye(2, dtype=bool))
    np.testing.assert_array_equal(parse_array("[[0 0] [5.5 -1.25]]"), [[0, 0], [5.5, -1.25]])


def test_cli_json_only_and_exit_status(tmp_path):
    out = tmp_path / "rows.json"
    proc = subprocess.run([sys.executable, "-m", "tf1_cnn", "verify", "--only", "A2", "A7", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "A2" in proc.stdout and "PASS" in proc.stdout
    rows = json.loads(out.read_text())
    assert [r["id"] for r in rows] == ["A2", "A7"] and all(r["status"] == "PASS" for r in rows)


def test_cli_unknown_row_is_a_clear_error():
    proc = subprocess.run([sys.executable, "-m", "tf1_cnn", "verify", "--only", "Z9"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Z9" in proc.stderr and "Traceback" not in proc.stderr


def test_rows_that_need_train_signs_report_needs_without_it(tmp_path):
    rows = {r.id: r for r in all_rows()}
    for row_id in ("B0", "B4", "B8"):
        assert run_row(rows[row_id], _ctx(tmp_path))["status"].startswith("NEEDS train_signs.h5")


def test_b4c_runs_the_course_model_cell_and_agrees_with_our_b4_on_course_format_files(tmp_path):
    """B4/B4c need the course's train_signs.h5: their code paths run on small files in its format."""
    from tf1_cnn.verify import rows_course_cells, rows_signs

    from .helpers import write_signs_h5

    write_signs_h5(tmp_path / "train_signs.h5", 70, "train")  # >= 64: the course divides by int(m / 64)
    write_signs_h5(tmp_path / "test_signs.h5", 6, "test", seed=1)
    ctx = _ctx(tmp_path)
    course = rows_course_cells._training(ctx)  # the course's own model() through legacy
    ours = rows_signs._training("course", (0, 5))(ctx)  # the project's trainer
    assert set(course) == set(ours) == {"cost epoch 0", "cost epoch 5", "Train Accuracy", "Test Accuracy"}
    for key in ("cost epoch 0", "cost epoch 5"):  # printed with 6 decimals by the course
        assert abs(course[key] - ours[key]) <= 5e-6, (key, course[key], ours[key])
    assert abs(course["Train Accuracy"] - ours["Train Accuracy"]) <= 1e-6
    assert abs(course["Test Accuracy"] - ours["Test Accuracy"]) <= 1e-6
