"""tf.contrib.seq2seq (compat/contrib/seq2seq/): its import forms, gather_tree's kernel values, and
the numbers and variables of real TF 1.3.0 / 1.15.5 on the same scripts (op structures: test_op_tables.py)."""
import json
import os
import re
import subprocess

import numpy as np
import pytest

from tf1_cnn.compat import migration
from tf1_cnn.compat.contrib.seq2seq.beam_search_ops import gather_tree_numpy

from .helpers import ROOT, oracle_env, run_cli

SCRIPTS = ROOT / "tests" / "legacy_scripts"
TRAIN = SCRIPTS / "seq2seq_attention_train.py"
FUNCTIONS = SCRIPTS / "seq2seq_functions.py"
LINE = re.compile(r"^(var|step|greedy|beam|loss\w*|gather_tree\w*|hardmax|safe_cumprod|monotonic_\w+|tile_batch) ")


def _lines(stdout):
    return [line for line in stdout.splitlines() if LINE.match(line)]


def _numbers(line):
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", line.split(" ", 1)[1])]


def _same(ours, real, atol=1e-5):
    """Same lines, the same names, numbers within atol (the printed values are TF 1.x's float32 results)."""
    assert [line.split(" ", 1)[0] for line in ours] == [line.split(" ", 1)[0] for line in real]
    for a, b in zip(ours, real):
        x, y = _numbers(a), _numbers(b)
        assert len(x) == len(y) and np.allclose(x, y, rtol=0, atol=atol), (a, b)


def test_gather_tree_backtracks_and_ends_beams_at_end_token():
    # [max_time=3, batch=1, beam=2]; beam 0 ends at t=2 with id 6 from parent 0, which came from beam 1 at t=0
    step = np.array([[[2, 3]], [[4, 5]], [[6, 7]]], np.int32)
    parent = np.array([[[0, 0]], [[1, 0]], [[0, 1]]], np.int32)
    assert gather_tree_numpy(step, parent, [3], 10)[:, 0].T.tolist() == [[3, 4, 6], [2, 5, 7]]
    assert gather_tree_numpy(step, parent, [3], 4)[:, 0, 0].tolist() == [3, 4, 4]  # after end_token: end_token
    assert gather_tree_numpy(step, parent, [2], 10)[:, 0, 0].tolist() == [3, 4, 10]  # past the length: end_token
    with pytest.raises(ValueError, match="invalid parent id 5"):
        gather_tree_numpy(step, np.full_like(parent, 5), [3], 10)


def _gather_tree_graph(v1):
    """A GatherTree op on placeholders: (graph, op output, its four inputs)."""
    from tf1_cnn.compat.contrib.seq2seq.beam_search_ops import gather_tree

    graph = v1.Graph()
    with graph.as_default():
        inputs = [v1.placeholder(v1.int32, name=n) for n in ("step_ids", "parent_ids", "lengths", "end_token")]
        out = gather_tree(*inputs)
    return graph, out, inputs


def test_gather_tree_is_tf1s_op_with_its_shapes_values_and_messages():
    """The project's GatherTree op (gather_tree.cc, built on first use): TF 1.15.5's op type, static shapes,
    values and errors (the messages as TF 1.15.5 gave them, read off the oracle)."""
    import tensorflow.compat.v1 as v1

    from tf1_cnn.compat.contrib.seq2seq import beam_search_ops

    if beam_search_ops.op_library() is None:
        pytest.fail("the GatherTree op library could not be built (see stderr)") if os.environ.get(
            "CI", "").lower() == "true" else pytest.skip("no C++ compiler: gather_tree runs as a py_func")
    graph, out, inputs = _gather_tree_graph(v1)
    assert (out.op.type, out.op.name, out.op.get_attr("T")) == ("GatherTree", "GatherTree", v1.int32)
    with graph.as_default():
        shaped = beam_search_ops.gather_tree(v1.placeholder(v1.int32, [5, None, 3]),
                                             v1.placeholder(v1.int32, [None, 4, None]),
                                             v1.placeholder(v1.int32, [None]), 2)
        assert shaped.shape.as_list() == [5, 4, 3]
        for args, message in [
                (([2, 3], [2, 3, 1], [3], []), "Shape must be rank 3 but is rank 2"),
                (([2, 3, 1], [2, 3, 1], [3, 1], []), "Shape must be rank 1 but is rank 2"),
                (([2, 3, 1], [2, 3, 1], [3], [1]), "Shape must be rank 0 but is rank 1"),
                (([2, 3, 1], [2, 3, 2], [3], []), "Dimension 2 in both shapes must be equal, but are 1 and 2"),
                (([2, 3, 1], [2, 3, 1], [4], []), "Dimensions must be equal, but are 3 and 4")]:
            with pytest.raises(ValueError, match=re.escape(message)):
                beam_search_ops.gather_tree(*[v1.zeros(shape, v1.int32) for shape in args])
    step = np.array([[[2, 3]], [[4, 5]], [[6, 7]]], np.int32)
    parent = np.array([[[0, 0]], [[1, 0]], [[0, 1]]], np.int32)
    rng = np.random.RandomState(0)
    with v1.Session(graph=graph) as sess:
        def run(*values):
            return sess.run(out, dict(zip(inputs, values)))

        assert run(step, parent, [3], 10)[:, 0].T.tolist() == [[3, 4, 6], [2, 5, 7]]
        assert run(step, parent, [3], 4)[:, 0, 0].tolist() == [3, 4, 4]
        assert run(step, parent, [-1], 10).tolist() == np.full_like(step, 10).tolist()
        for _ in range(20):  # the kernel and the py_func's computation agree
            t, b, k = rng.randint(1, 6, size=3)
            s, p = rng.randint(0, 6, size=(t, b, k)), rng.randint(0, k, size=(t, b, k))
            lengths = rng.randint(0, t + 2, size=b)
            assert run(s, p, lengths, 3).tolist() == gather_tree_numpy(s, p, lengths, 3).tolist()
        for values, message in [
                ((step, np.full_like(parent, 5), [3], 10),
                 "Saw invalid parent id 5 at (batch, time, beam) == (0, 1, 0)"),
                ((step, parent[:2], [3], 10), "step_ids.shape must match parent_ids.shape.  but shapes are: "
                                              "[3,1,2] and [2,1,2]"),
                ((step, parent, [3, 3], 10), "batch size dimensions step_ids.shape[1] and max_sequence_lengths."
                                             "shape[0] must match.  but shapes are: [3,1,2] and [2]"),
                ((step, parent, [3], [10]), "end_token must be a scalar, saw shape: [1]"),
                ((step, parent, [[3]], 10), "max_sequence_lengths must be a vector, saw shape: [1,1]"),
                ((step[0], parent[0], [3], 10), "step_ids must be a 3-tensor, saw shape: [1,2]")]:
            with pytest.raises(v1.errors.InvalidArgumentError, match=re.escape(message)):
                run(*values)


def test_without_a_compiler_gather_tree_is_a_py_func_with_a_reason(tmp_path):
    code = ("import tensorflow.compat.v1 as v1\n"
            "from tests.test_contrib_seq2seq import _gather_tree_graph\n"
            "graph, out, inputs = _gather_tree_graph(v1)\n"
            "with v1.Session(graph=graph) as sess:\n"
            "    ids = sess.run(out, dict(zip(inputs, ([[[2, 3]], [[4, 5]]], [[[0, 0]], [[1, 0]]], [2], 9))))\n"
            "print(out.op.type, out.op.name, ids[:, 0].T.tolist())\n")
    proc = run_cli("-c", code, env={"CXX": "no-such-compiler-x", "TF1_CNN_CACHE": str(tmp_path),
                                    "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split("\n")[-2] == "PyFuncStateless GatherTree [[3, 4], [2, 5]]"
    notes = [line for line in proc.stderr.splitlines() if line.startswith("tf1-cnn:")]
    assert notes == ["tf1-cnn: contrib.seq2seq.gather_tree runs as a py_func op (type PyFuncStateless, not "
                     "GatherTree): no C++ compiler ('no-such-compiler-x' not found; install g++ or set CXX)"]


def test_import_forms_and_migration_text(tmp_path):
    script = tmp_path / "forms.py"
    script.write_text(
        "import tensorflow as tf\n"
        "from tensorflow.contrib import seq2seq\n"
        "from tensorflow.contrib.seq2seq.python.ops import attention_wrapper, beam_search_decoder\n"
        "import tensorflow.contrib.seq2seq as s2s\n"
        "print('same', seq2seq.AttentionWrapper is attention_wrapper.AttentionWrapper is tf.contrib.seq2seq."
        "AttentionWrapper is s2s.AttentionWrapper, beam_search_decoder.tile_batch is seq2seq.tile_batch)\n"
        "print('names', sorted(n for n in dir(seq2seq) if not n.startswith('_') and n != 'python'))\n"
        "try:\n    tf.contrib.seq2seq.NoSuchDecoder\nexcept AttributeError as e:\n    print('missing', e)\n")
    proc = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.15", str(script), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "same True True" in proc.stdout
    names = re.search(r"^names (.*)$", proc.stdout, re.M).group(1)
    for name in ("BahdanauMonotonicAttention", "FinalBeamSearchDecoderOutput", "InferenceHelper", "gather_tree",
                 "hardmax", "monotonic_attention", "safe_cumprod", "sequence_loss", "tile_batch", "dynamic_decode"):
        assert f"'{name}'" in names
    assert "missing tf.contrib.seq2seq.NoSuchDecoder is TF1-only" in proc.stdout
    # the run's migration report: each use, and that a human ports it (never silently)
    assert re.search(r"tf\.contrib\.seq2seq\.AttentionWrapper\s+x\d+\s+-> tf\.keras\.layers\.AdditiveAttention.*"
                     r"tensorflow_addons.*port by hand; tf1_cnn's own copy runs it here", proc.stderr)


def test_migrate_reports_each_seq2seq_use_for_a_human():
    from tf1_cnn.migrate import rewrite

    todo = rewrite._contrib_todo("tf.contrib.seq2seq.BeamSearchDecoder")
    assert todo.startswith("not in TF 2 nor its maintained libraries (legacy runs tf1_cnn's copy): port it to "
                           "tf.keras.layers.AdditiveAttention")
    assert "TFA's last release" in migration.missing_message("tf.contrib.seq2seq.NoSuch")


@pytest.fixture(scope="module")
def compared_train(tf1_oracle, tmp_path_factory):
    """``compare --tf1 1.15`` on the training script: its JSON report, and each side's printed lines
    (one run of TF 1.15.5 and one of the runtime serve every test below)."""
    tf1_oracle("1.15")
    work = tmp_path_factory.mktemp("train")
    proc = run_cli("-m", "tf1_cnn", "compare", "--tf1", "1.15", "--keep", str(work / "keep"), "--json",
                   str(work / "report.json"), str(TRAIN), cwd=work, timeout=900)
    report = json.loads((work / "report.json").read_text())
    lines = {side: _lines((work / "keep" / side / "stdout.txt").read_text()) for side in ("tf1", "runtime")}
    return proc, report, lines


def test_training_script_runs_and_learns(compared_train):
    runtime = compared_train[2]["runtime"]
    losses = [float(line.split()[-1]) for line in runtime if line.startswith("step ")]
    assert len(losses) == 5 and losses[-1] < losses[0]
    assert "var decoder/memory_layer/kernel [10, 10]" in runtime
    assert "var decoder/decoder/attention_wrapper/bahdanau_attention/attention_g []" in runtime


def test_training_script_matches_real_tf115(compared_train):
    """TF 1.15.5's graph op for op (the decoder's while loop, its gradient through the loop's TensorArrays,
    the beam search's GatherTree op), its op seeds (graph seed only: every op seed from the op count),
    variables, losses after each SGD step, greedy and beam-search ids."""
    proc, report, lines = compared_train
    assert proc.returncode == 0 and report["verdict"] == "agree", proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "graphs: identical at every session run" in proc.stdout
    assert "random ops: 8 / 8, seeds differ in 0" in proc.stdout
    assert len(lines["tf1"]) == 19
    _same(lines["runtime"], lines["tf1"])


@pytest.mark.parametrize("version,args", [("1.15", ["--gather-tree"]), ("1.3", [])])
def test_functions_match_real_tf1(version, args, tf1_oracle, tmp_path):
    """sequence_loss in each reduction (1.3.0: + 1e-12, 1.15.5: div_no_nan), gather_tree, hardmax,
    safe_cumprod, the three monotonic attention modes and tile_batch: TF 1.x's values."""
    ours = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", version, "--no-report", str(FUNCTIONS), *args,
                   cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr[-2000:]
    real = subprocess.run([tf1_oracle(version), str(FUNCTIONS), *args], cwd=tmp_path, env=oracle_env(),
                          capture_output=True, text=True, timeout=300)
    assert real.returncode == 0, real.stderr[-2000:]
    assert len(_lines(real.stdout)) == (13 if args else 11)
    _same(_lines(ours.stdout), _lines(real.stdout))
