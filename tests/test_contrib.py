"""tf.contrib under legacy (compat/contrib/): what maintained libraries carry, every import form."""
import re

import pytest

from tf1_cnn.compat import migration

from .helpers import ROOT, oracle_env, run_cli
from .test_input_data import write_idx


SCRIPT = ROOT / "tests" / "legacy_scripts" / "contrib_names.py"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("contrib")
    write_idx(d / "mnist", n_train=5010, n_test=6)  # DATASETS["mnist"] keeps 5000 for validation
    csv = d / "iris.csv"
    csv.write_text("3,2,a,b\n1.5,2.5,0\n3.0,4.0,1\n5.0,6.5,2\n")  # TF 1.x's header row: n_samples,n_features
    return str(d / "mnist"), str(csv)


FACTS = re.compile(r"^(same module|state|var|rnn learns|streaming_accuracy|constant_value|kmeans|mnist|DATASETS|"
                   r"load_csv_with_header|tfprof|Datasets) ")


def _facts(stdout):  # the script's own lines (not TensorFlow's C++ ones)
    return [line for line in stdout.splitlines() if FACTS.match(line)]


@pytest.fixture(scope="module")
def legacy_run(inputs, tmp_path_factory):
    proc = run_cli("-m", "tf1_cnn", "legacy", str(SCRIPT), *inputs, cwd=tmp_path_factory.mktemp("run"))
    assert proc.returncode == 0, proc.stderr
    return proc


def test_contrib_names_run_and_are_reported(legacy_run):
    facts = _facts(legacy_run.stdout)
    assert "same module True" in facts and "rnn learns True" in facts
    assert "streaming_accuracy 0.5" in facts and "kmeans training_graph 6" in facts
    assert "load_csv_with_header Dataset (3, 2) float32 [0, 1, 2]" in facts and len(facts) == 21
    report = dict(re.findall(r"^  (\S+)\s+x\d+\s+-> (.*?)(?:  \[|$)", legacy_run.stderr, re.M))
    assert report["tf.contrib.rnn.BasicLSTMCell"] == "tf.compat.v1.nn.rnn_cell.BasicLSTMCell"  # tf_upgrade_v2's
    assert report["tf.contrib.metrics.streaming_accuracy"].startswith("tf.compat.v1.metrics")


def test_same_graph_and_numbers_as_real_tf13(legacy_run, inputs, tf1_oracle, tmp_path):
    """Variable names and shapes, the state type, the metric, the readers: as TF 1.3 printed them."""
    import subprocess

    env = oracle_env()
    real = subprocess.run([tf1_oracle("1.3"), str(SCRIPT), *inputs], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert real.returncode == 0, real.stderr[-2000:]
    assert _facts(legacy_run.stdout) == _facts(real.stdout)


MISSING_FORMS = [
    ("from tensorflow.contrib import opt", "tf.contrib.opt is TF1-only and not provided"),
    ("import tensorflow.contrib.cudnn_rnn", "tf.contrib.cudnn_rnn is TF1-only and not provided"),
    ("from tensorflow.contrib.rnn import CudnnCompatibleGRUCell", "tf.contrib.rnn.CudnnCompatibleGRUCell is TF1-only"),
    ("tf.contrib.image.rotate", "tf.contrib.image is TF1-only and not provided"),
    ("from tensorflow.contrib import no_such_thing", "tf.contrib.no_such_thing is not in TensorFlow 2's"),
    ("from tensorflow.contrib.factorization import GMM", "tf.contrib.factorization.GMM is TF1-only"),
]


def test_missing_names_get_the_same_clear_message_in_every_import_form(tmp_path):
    lines = ["import tensorflow as tf"]
    for stmt, _ in MISSING_FORMS:
        lines += ["try:", f"    {stmt}", "except Exception as e:", "    print(type(e).__name__, '|', e)"]
    lines.append("import tensorflow.contrib.learn.datasets.base as b\nprint('deep', b.load_csv_with_header.__name__)")
    script = tmp_path / "forms.py"
    script.write_text("\n".join(lines) + "\n")
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(script))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    for (stmt, expected), line in zip(MISSING_FORMS, out):
        assert expected in line and "unknown location" not in line, (stmt, line)
        assert "in TF2 use" in line or "migration guide" in line
    assert out[-1] == "deep load_csv_with_header"


def test_nothing_downloads_for_the_shipped_csvs_or_maybe_download(tmp_path):
    from tf1_cnn.compat.contrib import learn_datasets as contrib

    with pytest.raises(FileNotFoundError, match="iris.csv shipped inside TensorFlow 1.x"):
        contrib.load_iris()
    with pytest.raises(FileNotFoundError, match="nothing is downloaded"):
        contrib.maybe_download("x.gz", str(tmp_path), "http://example.invalid/x.gz")
    (tmp_path / "x.gz").write_bytes(b"")
    assert contrib.maybe_download("x.gz", str(tmp_path), "http://example.invalid/x.gz") == str(tmp_path / "x.gz")


def test_every_provided_family_has_a_replacement_text():
    for name in ("tf.contrib.rnn.DropoutWrapper", "tf.contrib.data.TFRecordDataset", "tf.contrib.keras.layers.Dense",
                 "tf.contrib.distributions.Normal", "tf.contrib.factorization.KMeans", "tf.contrib.lookup.HashTable"):
        assert migration.replacement(name), name
