"""keras2_print: what Keras 2.0.8 (TF 1.3/1.4) and TF 1.15's tf.keras printed, printed under ``legacy``.

The expected texts are written from Keras 2.0.8's sources (``keras/utils/layer_utils.py``
print_summary: 65 columns at .45/.85/1. for sequential-like models, 100 at .33/.55/.67/1. with
``Connected to`` otherwise, ``_``/``=`` rules, ``Total params: {:,}``; ``keras/utils/generic_utils.py``
Progbar: ``\\b`` * last width, ``\\r``, ``'%2d/%2d ['`` bar, `` - ETA: %ds`` / `` - %ds``, `` - k: %.4f``,
padding spaces, ``\\n`` at the target; ``keras/callbacks.py`` ProgbarLogger: ``Epoch %d/%d``;
``keras/engine/training.py`` _fit_loop: ``Train on %d samples, validate on %d samples`` with
validation arrays only; ``keras/engine/topology.py``: ``_to_snake_case(cls) + '_' + K.get_uid(cls)``)
and TF 1.15.5's ``tensorflow/python/keras/utils/layer_utils.py`` (``Model: "..."`` header, 98 columns),
``generic_utils.py`` Progbar and ``engine/training_arrays.py`` (a bar in every loop).
Where the oracles exist (Keras 2.0.8 on TF 1.4.1; TF 1.15.5), the same scripts run there and must
print the same bytes.
"""
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import ROOT, oracle_env

MODELS = textwrap.dedent("""\
    import sys
    if sys.argv[1] == "keras":
        import keras
        from keras.models import Sequential, Model
        from keras.layers import Input, Dense, Conv2D, Flatten, Activation, ZeroPadding2D, MaxPooling2D
        from keras.layers import BatchNormalization, Add
    else:
        import tensorflow as tf
        from tensorflow.keras.models import Sequential, Model
        from tensorflow.keras.layers import Input, Dense, Conv2D, Flatten, Activation, ZeroPadding2D, MaxPooling2D
        from tensorflow.keras.layers import BatchNormalization, Add
    X = Input((8, 8, 3))
    x = ZeroPadding2D((1, 1))(X)
    x = Conv2D(4, (3, 3), strides=(1, 1))(x)
    x = BatchNormalization(axis=3)(x)
    a = Activation('relu')(x)
    y = Add()([Conv2D(4, (1, 1))(a), a])
    y = Dense(1, activation='sigmoid')(Flatten()(MaxPooling2D((2, 2))(y)))
    m = Model(inputs=X, outputs=y)
    print(repr(m).split(" at ")[0], m.name)
    m.summary()
    s = Sequential()
    s.add(Dense(5, input_shape=(4,), activation='relu'))
    s.add(Dense(3))
    s.add(Activation('softmax'))
    print(repr(s).split(" at ")[0], s.name, [l.name for l in s.layers])
    s.summary()
""")

# after MODELS, in the same process: the same fit on both sides, weights from a fixed RandomState, no
# shuffling, and the bars' clock stopped (Keras 2.0.8 and 1.15 redraw at most every 0.05 s: with
# no time passing only the first batch and the end are drawn, whatever the machine's speed)
FIT = textwrap.dedent("""\
    import numpy as np
    class Clock:  # a stopped clock: every bar starts and ends at t=1000 (0s, ETA: 0s, 0s/sample)
        @staticmethod
        def time():
            return 1000.0
    if "tf1_cnn" in sys.modules:  # under legacy: the runtime's bars
        from tf1_cnn.compat.printing import keras2 as keras2_print
        keras2_print._now = Clock.time
    elif sys.argv[1] == "keras":  # the oracles
        from keras.utils import generic_utils
        generic_utils.time = Clock
    else:
        from tensorflow.python.keras.utils import generic_utils
        generic_utils.time = Clock
    for v in (1, 2):
        print("=== verbose %d" % v)
        rng = np.random.RandomState(1)
        s = Sequential()
        s.add(Dense(5, input_shape=(4,), activation='relu'))
        s.add(Dense(3))
        s.add(Activation('softmax'))
        s.set_weights([rng.uniform(-1, 1, w.shape) for w in s.get_weights()])
        s.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['accuracy'])
        xs = rng.rand(20, 4); ys = np.eye(3)[rng.randint(0, 3, 20)]
        h = s.fit(xs, ys, epochs=2, batch_size=8, verbose=v, shuffle=False)
        s.fit(xs, ys, epochs=1, batch_size=8, verbose=v, shuffle=False, validation_data=(xs[:5], ys[:5]))
        r = s.evaluate(xs, ys, batch_size=8, verbose=v)
        print('')
        print(['%.4f' % x for x in r], sorted(h.history), repr(h).split(" at ")[0])
""")

SUMMARY_208 = """\
<keras.engine.training.Model object model_1
____________________________________________________________________________________________________
Layer (type)                     Output Shape          Param #     Connected to                     
====================================================================================================
input_1 (InputLayer)             (None, 8, 8, 3)       0                                            
____________________________________________________________________________________________________
zero_padding2d_1 (ZeroPadding2D) (None, 10, 10, 3)     0           input_1[0][0]                    
____________________________________________________________________________________________________
conv2d_1 (Conv2D)                (None, 8, 8, 4)       112         zero_padding2d_1[0][0]           
____________________________________________________________________________________________________
batch_normalization_1 (BatchNorm (None, 8, 8, 4)       16          conv2d_1[0][0]                   
____________________________________________________________________________________________________
activation_1 (Activation)        (None, 8, 8, 4)       0           batch_normalization_1[0][0]      
____________________________________________________________________________________________________
conv2d_2 (Conv2D)                (None, 8, 8, 4)       20          activation_1[0][0]               
____________________________________________________________________________________________________
add_1 (Add)                      (None, 8, 8, 4)       0           conv2d_2[0][0]                   
                                                                   activation_1[0][0]               
____________________________________________________________________________________________________
max_pooling2d_1 (MaxPooling2D)   (None, 4, 4, 4)       0           add_1[0][0]                      
____________________________________________________________________________________________________
flatten_1 (Flatten)              (None, 64)            0           max_pooling2d_1[0][0]            
____________________________________________________________________________________________________
dense_1 (Dense)                  (None, 1)             65          flatten_1[0][0]                  
====================================================================================================
Total params: 213
Trainable params: 205
Non-trainable params: 8
____________________________________________________________________________________________________
<keras.models.Sequential object sequential_1 ['dense_2', 'dense_3', 'activation_2']
_________________________________________________________________
Layer (type)                 Output Shape              Param #   
=================================================================
dense_2 (Dense)              (None, 5)                 25        
_________________________________________________________________
dense_3 (Dense)              (None, 3)                 18        
_________________________________________________________________
activation_2 (Activation)    (None, 3)                 0         
=================================================================
Total params: 43
Trainable params: 43
Non-trainable params: 0
_________________________________________________________________
"""

# TF 1.15.5's tf.keras 2.2.4-tf: a `Model: "..."` header, 98 columns, names from no suffix, and
# an InputLayer's shape as the list [(None, 8, 8, 3)]
SUMMARY_115_HEAD = """\
<tensorflow.python.keras.engine.training.Model object model
Model: "model"
__________________________________________________________________________________________________
Layer (type)                    Output Shape         Param #     Connected to                     
==================================================================================================
input_1 (InputLayer)            [(None, 8, 8, 3)]    0                                            
__________________________________________________________________________________________________
zero_padding2d (ZeroPadding2D)  (None, 10, 10, 3)    0           input_1[0][0]                    
__________________________________________________________________________________________________
"""


def _bar(first, last):
    """One epoch of Keras 2.0.8's verbose=1 bar drawn twice: after the first batch, then forced at the end."""
    return ("\r" + first + "\b" * len(first) + "\r" + last + " " * max(0, len(first) - len(last)) + "\n")


FIT_208_V1 = (
    "=== verbose 1\nEpoch 1/2\n"
    + _bar(" 8/20 [===========>..................] - ETA: 0s - loss: 1.1231 - acc: 0.5000",
           "20/20 [==============================] - 0s - loss: 1.3655 - acc: 0.3500")
    + "Epoch 2/2\n"
    + _bar(" 8/20 [===========>..................] - ETA: 0s - loss: 1.1137 - acc: 0.5000",
           "20/20 [==============================] - 0s - loss: 1.3577 - acc: 0.3500")
    + "Train on 20 samples, validate on 5 samples\n"
    + "Epoch 1/1\n"
    + _bar(" 8/20 [===========>..................] - ETA: 0s - loss: 1.1051 - acc: 0.5000",
           "20/20 [==============================] - 0s - loss: 1.3499 - acc: 0.3500 - val_loss: 0.8173 - val_acc: 0.4000")
    # evaluate: the bar without values, never forced, so no newline either
    + "\r 8/20 [===========>..................] - ETA: 0s"
    + "\n['1.3395', '0.3500'] ['acc', 'loss'] <keras.callbacks.History object\n")

FIT_208_V2 = ("=== verbose 2\nEpoch 1/2\n0s - loss: 1.3655 - acc: 0.3500\n"
              "Epoch 2/2\n0s - loss: 1.3577 - acc: 0.3500\n"
              "Train on 20 samples, validate on 5 samples\n"
              "Epoch 1/1\n0s - loss: 1.3499 - acc: 0.3500 - val_loss: 0.8173 - val_acc: 0.4000\n"
              "\n['1.3395', '0.3500'] ['acc', 'loss'] <keras.callbacks.History object\n")


def _run(cmd, cwd):
    """stdout as bytes decoded, so the progress bar's \\r and \\b stay as written."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = oracle_env(PYTHONPATH=path)  # without TF2_BEHAVIOR, which TF 2.21 set in this process
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=900, env=env)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return proc.stdout.decode()


def _legacy(folder, source, *args, version="1.3"):
    script = folder / "script.py"
    script.write_text(source)
    return _run([sys.executable, "-m", "tf1_cnn", "legacy", "--tf1-version", version, str(script), *args], folder)


@pytest.fixture(scope="module")
def legacy_208(tmp_path_factory):
    """One legacy run (TF 1.3's era) of MODELS then FIT: (summary part, verbose=1 part, verbose=2 part)."""
    out = _legacy(tmp_path_factory.mktemp("k208"), MODELS + FIT, "keras")
    summary, rest = out.split("=== verbose 1\n")
    v1, v2 = rest.split("=== verbose 2\n")
    return summary, "=== verbose 1\n" + v1, "=== verbose 2\n" + v2


def test_summary_names_and_reprs_are_keras_208s(legacy_208):
    assert legacy_208[0] == SUMMARY_208


def test_fit_and_evaluate_print_keras_208s_bytes(legacy_208):
    assert legacy_208[1] == FIT_208_V1
    assert legacy_208[2] == FIT_208_V2


@pytest.fixture(scope="module")
def legacy_115(tmp_path_factory):
    """One legacy run under ``--tf1-version 1.15`` of MODELS then FIT, through ``tf.keras``."""
    return _legacy(tmp_path_factory.mktemp("k115"), MODELS + FIT, "tf", version="1.15")


FIT_115_V2 = (  # TF 1.15's ProgbarLogger: no `Epoch 1/1`, stateful `acc` as-is, evaluate drawn too
    "=== verbose 2\nTrain on 20 samples\nEpoch 1/2\n20/20 - 0s - loss: 1.3655 - acc: 0.3500\n"
    "Epoch 2/2\n20/20 - 0s - loss: 1.3577 - acc: 0.3500\n"
    "Train on 20 samples, validate on 5 samples\n"
    "20/20 - 0s - loss: 1.3499 - acc: 0.3500 - val_loss: 0.8173 - val_acc: 0.4000\n"
    "20/20 - 0s - loss: 1.3395 - acc: 0.3500\n"
    "\n['1.3395', '0.3500'] ['acc', 'loss'] <tensorflow.python.keras.callbacks.History object\n")


def test_tf115_summary_and_fit_are_tf_keras_224s(legacy_115):
    summary, rest = legacy_115.split("=== verbose 1\n")
    assert summary.startswith(SUMMARY_115_HEAD)
    assert "Total params: 213\nTrainable params: 205\nNon-trainable params: 8\n" in summary
    assert "sequential ['dense_1', 'dense_2', 'activation_1']" in summary
    v1, v2 = rest.split("=== verbose 2\n")
    assert "=== verbose 2\n" + v2 == FIT_115_V2
    assert v1.startswith("Train on 20 samples\nEpoch 1/2\n\r 8/20 [===========>..................] - ETA: 0s"
                                " - loss: 1.1231 - acc: 0.5000" + "\b" * 77 + "\r20/20 [==============================]"
                                " - 0s 0s/sample - loss: 1.3655 - acc: 0.3500\n")


def test_progbar_redraws_as_keras_208(monkeypatch, capsys):
    """Every redraw (a clock that moves 1 s a call): \\b over the last width, \\r, ETA before the end."""
    from tf1_cnn.compat.printing import keras2 as keras2_print

    clock = iter(range(100))
    monkeypatch.setattr(keras2_print, "_now", lambda: float(next(clock)))
    bar = keras2_print.Progbar(target=3)  # started at t=0
    bar.update(1, [("loss", 0.5)])  # t=1: 1 s per unit, 2 left
    bar.update(3, [("loss", 0.0001)], force=True)  # t=2: the end; (0.5 * 1 + 1e-4 * 2) / 3
    first = "1/3 [=========>....................] - ETA: 2s - loss: 0.5000"  # int(30 * 1/3) = 10 wide
    last = "3/3 [==============================] - 2s - loss: 0.1667"
    assert capsys.readouterr().out == "\r" + first + "\b" * len(first) + "\r" + last + " " * (len(first) - len(last)) + "\n"
    small = keras2_print.Progbar(target=2, verbose=2)
    small.update(2, [("loss", -0.5), ("acc", 0.0005)])
    assert capsys.readouterr().out.endswith("s - loss: -5.0000e-01 - acc: 5.0000e-04\n")  # 2.0.8's `avg > 1e-3`


def test_input_data_prints_tf1s_extracting_lines_under_legacy_only(tmp_path, capsys):
    from tests.test_input_data import write_idx
    from tf1_cnn.input_data import read_data_sets

    write_idx(tmp_path / "MNIST_data")
    read_data_sets(tmp_path / "MNIST_data", validation_size=5)  # the project's own use: quiet
    assert capsys.readouterr().out == ""
    source = ("from tensorflow.examples.tutorials.mnist import input_data\n"
              "import tensorflow as tf\n"
              "input_data.read_data_sets('MNIST_data/', one_hot=True, validation_size=5)\n"
              "tf.contrib.learn.datasets.mnist.read_data_sets('./MNIST_data', validation_size=5)\n")
    out = _legacy(tmp_path, source)
    names = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
             "t10k-labels-idx1-ubyte.gz")
    # TF 1.3 and 1.15 printed exactly these (the oracles, on the same four files)
    assert out == "".join(f"Extracting {d}/{n}\n" for d in ("MNIST_data", "./MNIST_data") for n in names)


# ---------------------------------------------------------------------------- the oracles


@pytest.fixture(scope="session")
def keras208_oracle():
    """The python of real Keras 2.0.8 on TF 1.4.1 (Python 3.6): ``$TF1_CNN_KERAS208_PYTHON``, the
    ``keras2.0.8`` env beside the TF oracles, or the tf1.4 env when it holds keras (``envs.setup("1.4",
    keras=True)``). Skipped outside CI when missing; under CI, made with envs.setup."""
    from tf1_cnn.errors import UserError
    from tf1_cnn.oracle import envs

    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    candidates = [os.environ.get("TF1_CNN_KERAS208_PYTHON"), envs.root() / "keras2.0.8" / "bin" / "python",
                  envs.python("1.4")]
    for exe in candidates:
        if exe and Path(exe).exists() and subprocess.run([str(exe), "-c", "import keras"], env=env,
                                                         capture_output=True).returncode == 0:
            return str(exe)
    if os.environ.get("CI", "").lower() != "true":
        pytest.skip("no Keras 2.0.8 oracle (python -c \"from tf1_cnn.oracle import envs; envs.setup('1.4', keras=True)\")")
    try:
        return str(envs.setup("1.4", keras=True))
    except UserError as exc:
        pytest.fail(f"Keras 2.0.8 oracle environment: {exc}")


def _oracle_run(exe, folder, source, *args):
    script = folder / "oracle_script.py"
    script.write_text(source)
    return _run([exe, str(script), *args], folder)


def test_keras208_oracle_prints_the_same(keras208_oracle, legacy_208, tmp_path):
    theirs = _oracle_run(keras208_oracle, tmp_path, MODELS + FIT, "keras")
    _same_print(theirs, "".join(legacy_208))


def _same_print(theirs, ours):
    """Keras's text byte for byte with the numbers masked, and the numbers within the drift of a
    few training steps (TF 1.4's Eigen kernels against TF 2.21's oneDNN ones: the README's compare rule)."""
    import numpy as np

    from tf1_cnn.oracle.outputs import NUMBER

    assert NUMBER.sub("#", ours) == NUMBER.sub("#", theirs)
    np.testing.assert_allclose([float(m.group()) for m in NUMBER.finditer(ours)],
                               [float(m.group()) for m in NUMBER.finditer(theirs)], rtol=1e-3, atol=1e-3)


def test_tf115_oracle_prints_the_same(tf1_oracle, legacy_115, tmp_path):
    theirs = _oracle_run(tf1_oracle("1.15"), tmp_path, MODELS + FIT, "tf")
    assert theirs == legacy_115


def test_a_course_style_notebook_with_a_stored_keras_208_summary_matches(tmp_path):
    """A Keras 2.0 notebook cell whose stored output is Keras 2.0.8's summary (the text above) passes
    ``legacy NB --check``; the cell's first lines, the `repr` line, are left out of it."""
    import nbformat

    functional = MODELS[:MODELS.index("s = Sequential()")].replace('print(repr(m).split(" at ")[0], m.name)\n', "")
    stored = SUMMARY_208[SUMMARY_208.index("\n") + 1:SUMMARY_208.index("<keras.models.Sequential")]
    nb = nbformat.v4.new_notebook()
    build = nbformat.v4.new_code_cell(functional.replace("import sys\nif sys.argv[1] == \"keras\":", "if True:")
                                      .replace("m.summary()\n", ""))
    summary = nbformat.v4.new_code_cell("m.summary()")
    summary.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
    nb.cells = [build, summary]
    path = tmp_path / "Keras - Tutorial - Happy House.ipynb"
    path.write_text(nbformat.writes(nb))
    proc = subprocess.run([sys.executable, "-m", "tf1_cnn", "legacy", str(path), "--check"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=900,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3"))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
