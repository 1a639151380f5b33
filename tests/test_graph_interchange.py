"""interchange.py, op_attrs.py: graphs written under `legacy` run on real TF 1.x; TF 1.x checkpoints restore.

tests/legacy_scripts/graph_interchange.py writes a tiny graph three ways (write_graph, a Saver's
.meta + checkpoint, a frozen .pb); load_written_graphs.py loads each on the oracle and runs it.
"""
import json

import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn.compat import settings
from tf1_cnn.compat.graph import interchange, op_attrs

from .helpers import ROOT, run_cli
from .oracle_graphs import VERSIONS, oracle_env

SCRIPTS = ROOT / "tests" / "legacy_scripts"
WRITER, LOADER = SCRIPTS / "graph_interchange.py", SCRIPTS / "load_written_graphs.py"


def _last_json(proc):
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _legacy(version, *args):
    return _last_json(run_cli("-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", version, *map(str, args)))


def _oracle(exe, *args):
    import subprocess

    return _last_json(subprocess.run([exe, *map(str, args)], capture_output=True, text=True, env=oracle_env(),
                                     timeout=300))


@pytest.mark.parametrize("version", VERSIONS)
def test_graphs_written_under_legacy_run_on_tf1(tf1_oracle, tmp_path, version):
    exe = tf1_oracle(version)
    written = _legacy(version, WRITER, "write", tmp_path)
    loaded = _oracle(exe, LOADER, tmp_path)
    for form in ("pbtxt", "meta", "frozen"):
        np.testing.assert_allclose(loaded[form], written["out"], rtol=1e-5, atol=1e-6, err_msg=form)


@pytest.mark.parametrize("version", VERSIONS)
def test_tf1_checkpoints_restore_under_legacy(tf1_oracle, tmp_path, version):
    exe = tf1_oracle(version)
    on_tf1 = _oracle(exe, WRITER, "write", tmp_path)
    restored = _legacy(version, WRITER, "restore", tmp_path / "model.ckpt")
    assert restored["variables"] == on_tf1["variables"]  # "W" and "w" are "W" and "w_1" on 1.15
    np.testing.assert_allclose(restored["out"], on_tf1["out"], rtol=1e-5, atol=1e-6)


def test_the_table_comes_from_each_oracle():
    table = op_attrs.table()
    assert {v: table[v]["tensorflow"] for v in ("1.3", "1.4", "1.15")} == {
        "1.3": "1.3.0", "1.4": "1.4.1", "1.15": "1.15.5"}
    assert "explicit_paddings" not in op_attrs.known("1.3")["Conv2D"]
    assert "explicit_paddings" in op_attrs.known("1.15")["Conv2D"]
    assert "AddV2" not in op_attrs.known("1.4") and "AddV2" in op_attrs.known("1.15")


def _conv_graph_def(paddings="SAME"):
    with tf.Graph().as_default() as g:
        x = tf.compat.v1.placeholder(tf.float32, [1, 4, 4, 1])
        tf.nn.conv2d(x, tf.ones([3, 3, 1, 1]), 1, paddings)
        tf.compat.v1.image.resize_bilinear(x, [8, 8], half_pixel_centers=True)
    return g.as_graph_def()


def test_for_tf1_strips_only_default_attrs_the_version_lacked():
    graph_def = _conv_graph_def()
    stripped = interchange.for_tf1(graph_def, "1.3")
    before = {n.op: set(n.attr) for n in graph_def.node}
    after = {n.op: set(n.attr) for n in stripped.node}
    assert before["Conv2D"] - after["Conv2D"] == {"explicit_paddings", "dilations"}  # 1.3 had neither
    assert {"use_cudnn_on_gpu", "data_format", "padding", "strides", "T"} <= after["Conv2D"]  # TF 1.3 wrote these
    assert "half_pixel_centers" in after["ResizeBilinear"]  # not the default (False): TF 1.3 will say so
    assert {n.op: set(n.attr) for n in interchange.for_tf1(graph_def, "1.15").node} == before  # 1.15 had all
    assert "explicit_paddings" in before["Conv2D"]  # the argument is left as it was


def test_writers_change_nothing_under_tf2_rule(tmp_path):
    interchange.patch()
    graph_def = _conv_graph_def()
    with settings.using("tf2", "1.3"):
        tf.compat.v1.train.write_graph(graph_def, str(tmp_path), "g.pbtxt")
    with settings.using("tf1", "1.3"):
        tf.compat.v1.train.write_graph(graph_def, str(tmp_path), "g1.pbtxt")
    assert "explicit_paddings" in (tmp_path / "g.pbtxt").read_text()
    assert "explicit_paddings" not in (tmp_path / "g1.pbtxt").read_text()
