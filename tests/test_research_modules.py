"""TF 1.x research-code modules under legacy, against real TF 1.x: tf.contrib.learn.preprocessing (and its
pickles), legacy_seq2seq, crf, the contrib rnn cells (compat/contrib/), the era's SciPy paths (compat/era/)."""
import subprocess

import pytest

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "research_modules.py"
# what does not depend on op seeds (TF 1.3.0's GRUCell and Gather build other op counts: test_op_tables.py)
SEEDLESS = ("vocab", "bytes", "modekeys", "var ")


def _facts(stdout):
    return [line for line in stdout.splitlines() if line.split(" ")[0] in (
        "vocab", "bytes", "modekeys", "var", "ops", "loss", "per", "decoder", "bucket", "nas", "layer", "crf",
        "viterbi")]


def _legacy(version, tmp_path):
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", version, str(SCRIPT), str(tmp_path),
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return _facts(proc.stdout)


def _oracle(exe, tmp_path):
    proc = subprocess.run([exe, str(SCRIPT), str(tmp_path)], cwd=tmp_path, env=oracle_env(), capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return _facts(proc.stdout)


def test_tf115_builds_and_computes_the_same(tf1_oracle, tmp_path):
    """Vocabulary ids, variable names and shapes, the op count, seq2seq / NAS / layer-norm outputs, CRF
    likelihoods and decodes: line for line as TF 1.15.5 printed them (same graph seed, same op seeds)."""
    (tmp_path / "real").mkdir()
    (tmp_path / "here").mkdir()
    real = _oracle(tf1_oracle("1.15"), tmp_path / "real")
    here = _legacy("1.15", tmp_path / "here")
    assert len(real) > 60 and any(line.startswith("crf decode") for line in real)
    assert here == real


def test_tf13_same_variables_and_preprocessing(tf1_oracle, tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "here").mkdir()
    real = [line for line in _oracle(tf1_oracle("1.3"), tmp_path / "real") if line.startswith(SEEDLESS)]
    here = [line for line in _legacy("1.3", tmp_path / "here") if line.startswith(SEEDLESS)]
    assert len(real) > 50 and here == real


def test_a_vocabulary_tf1_pickled_restores(tf1_oracle, tmp_path):
    """TF 1.x's save() pickles the processor with its classes' TF module paths; restore() reads them."""
    code = ("import sys\nfrom tensorflow.contrib import learn\n"
            "vp = learn.preprocessing.VocabularyProcessor(4, min_frequency=0)\n"
            "list(vp.fit_transform(['a b c', 'b c d e']))\nvp.save(sys.argv[1])\n")
    proc = subprocess.run([tf1_oracle("1.15"), "-c", code, str(tmp_path / "vocab")], env=oracle_env(),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    from tf1_cnn.compat.contrib.learn.text import VocabularyProcessor

    vp = VocabularyProcessor.restore(str(tmp_path / "vocab"))
    assert [row.tolist() for row in vp.transform(["e d c b a z"])] == [[5, 4, 3, 2]]
    assert vp.vocabulary_.reverse(4) == "d" and vp.max_document_length == 4


def test_every_import_form_and_the_report(tmp_path):
    script = tmp_path / "forms.py"
    script.write_text(
        "from tensorflow.contrib import learn, legacy_seq2seq, crf\n"
        "from tensorflow.contrib.learn.python.learn.preprocessing import text\n"
        "from tensorflow.contrib.learn.python.learn.datasets import mnist\n"
        "import tensorflow.contrib.learn.python.learn.preprocessing as pp\n"
        "from tensorflow.contrib.rnn import NASCell, LayerNormBasicLSTMCell, stack_bidirectional_rnn\n"
        "from scipy.sparse.linalg.eigen.arpack import eigsh\n"
        "import scipy.sparse as sp\n"
        "assert text.VocabularyProcessor is pp.VocabularyProcessor is learn.preprocessing.VocabularyProcessor\n"
        "print('eigsh', eigsh(sp.diags([1., 2., 3.]).tocsr(), 1)[0])\n"
        "print('mode', learn.ModeKeys.INFER, legacy_seq2seq.sequence_loss.__name__, crf.viterbi_decode.__name__)\n"
        "learn.preprocessing.VocabularyProcessor(3)\n"
        "import numpy as np\n"
        "pairs = np.array(list(zip([np.arange(5)] * 3, [np.arange(2)] * 3)))  # a text CNN's batch_iter\n"
        "print('ragged', pairs.shape, pairs.dtype)\n")
    proc = run_cli("-m", "tf1_cnn", "legacy", str(script), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    # NumPy 1.13's printing: the default under --tf1-version 1.3
    assert "eigsh [ 3.]" in proc.stdout and "mode infer sequence_loss viterbi_decode" in proc.stdout
    out = proc.stdout + proc.stderr
    report = out[out.index("migration report"):]
    assert "scipy.sparse.linalg.eigen.arpack.eigsh" in report and "-> scipy.sparse.linalg.eigsh" in report
    assert "tf.contrib.learn.preprocessing.VocabularyProcessor" in report
    assert "TextVectorization" in report
    # NumPy 1.16-1.23 made ragged sequences an object array (1.24 raises)
    assert "ragged (3, 2) object" in proc.stdout and "numpy.array(ragged)" in report


def test_simps_is_scipy_14s(tf1_oracle, tmp_path):
    """scipy.integrate.simps's even-length 'avg' rule (SciPy 1.11 changed simpson's): SciPy 1.4.1's numbers."""
    import numpy as np

    from tf1_cnn.compat.era.scipy_paths import simps

    code = ("import numpy as np, scipy.integrate as i\n"
            "y = np.arange(24.).reshape(4, 6) ** 2; x = np.arange(6.) ** 1.5\n"
            "for args in ((y,), (y, x), (y[:, :5],)):\n"
            "    for even in ('avg', 'first', 'last'):\n"
            "        print(repr(i.simps(*args, even=even).tolist()))\n")
    proc = subprocess.run([tf1_oracle("1.15"), "-c", code], env=oracle_env(), capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    y = np.arange(24.).reshape(4, 6) ** 2
    x = np.arange(6.) ** 1.5
    ours = [simps(*args, even=even).tolist() for args in ((y,), (y, x), (y[:, :5],))
            for even in ("avg", "first", "last")]
    np.testing.assert_allclose(ours, [eval(line) for line in proc.stdout.splitlines()], rtol=1e-13)


def test_migrate_says_per_line_what_replaces_them(tmp_path):
    """Run here, but not in stock TF 2.21: migrate leaves each use and says what a human should port it to."""
    src = tmp_path / "model.py"
    src.write_text("import tensorflow as tf\n"
                   "from tensorflow.contrib import legacy_seq2seq\n"
                   "cell = tf.contrib.rnn.NASCell(4)\n"
                   "ll, t = tf.contrib.crf.crf_log_likelihood(tf.zeros([2, 3, 4]), tf.zeros([2, 3], tf.int32), "
                   "tf.ones([2], tf.int32) * 3)\n")
    proc = run_cli("-m", "tf1_cnn", "migrate", str(src), "-o", str(tmp_path / "out.py"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = [line for line in (tmp_path / "MIGRATION.md").read_text().splitlines() if line.startswith("| ")]
    want = {2: ("`from tensorflow.contrib import legacy_seq2seq`", "tf.keras encoder-decoder"),
            3: ("`tf.contrib.rnn.NASCell`", "custom cell with NASCell's equations"),
            4: ("`tf.contrib.crf.crf_log_likelihood`", "tensorflow_addons.text.crf_log_likelihood")}
    for line, (what, successor) in want.items():
        assert any(r.startswith(f"| {line} | {what} |") and successor in r and "legacy runs tf1_cnn's copy" in r
                   for r in rows), (line, rows)
