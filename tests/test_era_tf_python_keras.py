"""``tensorflow.python.keras`` under ``legacy`` (compat/era/tf_python_keras.py): Keras 2 as TF 1.4 tutorials
imported it, with the era's version, optimizer classes, reprs and HDF5 saving."""
import pytest

from tf1_cnn.compat.era import tf_python_keras

from .helpers import ROOT, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "era_tf_python_keras.py"

# what the script printed on real TF 1.4.1 (oracle env tf1.4, Python 3.6); 1.15.5 printed the same facts (but its
# K.function flattens [[x]] and fails there) as
# version 2.2.4-tf, TFOptimizer among the optimizers and reprs under tensorflow.python.keras.engine.sequential,
# tensorflow.python.keras.layers.core, tensorflow.python.keras.callbacks
ON_TF_1_4 = """\
version 2.0.8-tf
optimizers ['Adadelta', 'Adagrad', 'Adam', 'Adamax', 'Nadam', 'Optimizer', 'RMSprop', 'SGD']
reprs <tensorflow.python.keras._impl.keras.models.Sequential object \
<tensorflow.python.keras._impl.keras.layers.core.Dense object <tensorflow.python.keras._impl.keras.callbacks.History object
saved hdf5 True same predictions True
backend function (2, 3) (1, 3)
"""


def test_tensorflow_python_keras_prints_as_on_tf_1_4(tmp_path):
    """The script's facts as on TF 1.4.1; then TensorFlow's own imports under the package (its legacy RNN
    cells, its TF1 layers) still find its files, in the same run."""
    report, script = tmp_path / "report.json", tmp_path / "script.py"
    script.write_text(SCRIPT.read_text() + "\n"
                      "from tensorflow.python.keras.layers.legacy_rnn import rnn_cell_impl\n"
                      "from tensorflow.python.keras.legacy_tf_layers import convolutional\n"
                      "import tensorflow.python.keras.layers as package_layers\n"
                      "print(type(package_layers).__name__, rnn_cell_impl.BasicLSTMCell.__name__, "
                      "convolutional.Conv2D.__name__)\n"
                      # tf_slim's layers import TensorFlow's TF1 layers lazily: they subclass its own Keras copy
                      "print(tf.contrib.layers.fully_connected(tf.zeros([1, 4]), 2).shape)\n")
    proc = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.4", "--report-json", str(report), str(script),
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == ON_TF_1_4 + "_EraView BasicLSTMCell Conv2D\n(1, 2)\n"
    assert "HDF5" not in proc.stderr  # tf_keras's notice that HDF5 is legacy: TF 1.x printed none
    used = report.read_text()
    assert "tensorflow.python.keras.optimizers.Adam" in used and "tf.keras.optimizers.Adam" in used


@pytest.mark.parametrize("name, expected", [
    ("tensorflow.python.keras.optimizers.Adam", "tf.keras.optimizers.Adam"),
    ("tensorflow.python.keras.__version__", "tf.keras.__version__"),
    ("tensorflow.python.keras.engine.training", None),  # not a public module of the era
])
def test_replacement(name, expected):
    assert tf_python_keras.replacement(name) == expected
