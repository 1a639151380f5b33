"""The name tables: which TF1 names a run used, where, and what replaces each in TF2.

A name is "TF1-only" when TensorFlow 2's own upgrade tool knows a replacement for
it (``tensorflow/tools/compatibility/all_renames_v2.symbol_renames``, shipped with
TensorFlow: ``tf.placeholder`` -> ``tf.compat.v1.placeholder``, ``tf.log`` ->
``tf.math.log``, ...), or when it is one of the names that tool leaves to a human
(``EXTRA``: tf.layers, tf.contrib, the TF1 meaning of ``tf.nn.dropout``, Keras 2 and
SciPy-era names, NumPy's removed aliases). Every such lookup is counted with the file and line of the user
code that made it (for a notebook, the cell), for the migration report.
"""
import re
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager

from .era.numpy_aliases import REPLACEMENTS as NUMPY_ALIASES
from .era import numpy_issubdtype, numpy_ragged
from .era.scipy_paths import REPLACEMENTS as SCIPY_PATHS
from .era.pillow import REPLACEMENTS as PILLOW_NAMES
from .era.python import REPLACEMENTS as PYTHON_NAMES

EXTRA = {
    "tf.layers": "tf.keras.layers (tf_keras's legacy layers run it here)",
    "tf.compat.v1.layers": "tf.keras.layers (tf_keras's legacy layers run it here)",
    "tf.contrib.layers": "tf.keras.layers / tf_slim (tf_slim runs it here)",
    "tf.contrib.slim": "tf_slim (runs it here)",
    "tf.contrib.framework": "tf_slim (runs it here)",
    "tf.contrib.learn": "tf.keras.datasets / tensorflow_datasets",
    "tf.estimator": "tf.keras Model.fit (tensorflow_estimator 2.15 runs it here)",
    "tf.compat.v1.estimator": "tf.keras Model.fit (tensorflow_estimator 2.15 runs it here)",
    "tf.nn.dropout": "tf.nn.dropout(x, rate=1 - keep_prob)",
    "tf.nn.softmax_cross_entropy_with_logits": "tf.nn.softmax_cross_entropy_with_logits (in TF2 labels get gradients)",
    "tensorflow.examples.tutorials.mnist.input_data": "tf.keras.datasets.mnist / tensorflow_datasets",
    "keras": "tf.keras (Keras 3); standalone Keras 2 is tf_keras",
    "keras.backend.set_learning_phase": "the `training` argument of a Keras call",
    "keras.backend.learning_phase": "the `training` argument of a Keras call",
    "keras.Sequential.predict_classes": "np.argmax(model.predict(x), axis=-1) (one sigmoid unit: "
                                        "(model.predict(x) > 0.5).astype('int32'))",
    "keras.Sequential.predict_proba": "model.predict(x)",
    "scipy.misc.imread": "imageio.v3.imread / PIL.Image.open",
    "scipy.misc.imresize": "PIL.Image.resize / tf.image.resize",
    "scipy.misc.imsave": "imageio.v3.imwrite / PIL.Image.save",
    "scipy.misc.toimage": "PIL.Image.fromarray",
    "scipy.ndimage.imread": "imageio.v3.imread / PIL.Image.open",
}
EXTRA.update(NUMPY_ALIASES)  # numpy.float -> "float (builtin), or numpy.float64", ... (removed in NumPy 1.24)
EXTRA[numpy_ragged.NAME] = numpy_ragged.REPLACEMENT
EXTRA[numpy_issubdtype.NAME] = numpy_issubdtype.REPLACEMENT
EXTRA.update(SCIPY_PATHS)  # scipy.sparse.linalg.eigen.arpack.eigsh -> scipy.sparse.linalg.eigsh, ...
EXTRA.update(PYTHON_NAMES)  # inspect.getargspec -> inspect.getfullargspec, ... (removed in Python 3.7-3.11)
EXTRA.update(PILLOW_NAMES)  # PIL.Image.ANTIALIAS -> PIL.Image.Resampling.LANCZOS (removed in Pillow 10)

# tf.contrib.seq2seq in TF 2 (BY_HAND below; NOT_PROVIDED for its names the runtime lacks)
SEQ2SEQ_PORT = ("tf.keras.layers.AdditiveAttention (Bahdanau) / tf.keras.layers.Attention (Luong) in a Keras "
                "decoder loop, or TF <= 2.15 with tensorflow_addons.seq2seq (TFA's last release); sequence_loss: "
                "tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True) with sample_weight=mask")

# tf.contrib families the runtime provides (contrib.py), for their names tf_upgrade_v2 has no
# rename of (consulted after its table: tf.contrib.rnn.BasicLSTMCell -> its own rename)
CONTRIB = {
    "tf.contrib.rnn": "tf.compat.v1.nn.rnn_cell / tf.keras.layers.RNN (tf.compat.v1's cells run it here)",
    "tf.contrib.metrics": "tf.compat.v1.metrics / tf.keras.metrics (tf_slim runs it here)",
    "tf.contrib.losses": "tf.compat.v1.losses / tf.keras.losses (tf_slim runs it here)",
    "tf.contrib.training": "tf_slim.training / tf.keras Model.fit (tf_slim runs it here)",
    "tf.contrib.data": "tf.data (tf.compat.v1.data runs it here)",
    "tf.contrib.keras": "tf.keras (tf_keras runs it here)",
    "tf.contrib.distributions": "tensorflow_probability.distributions (runs it here)",
    "tf.contrib.util": "tf.get_static_value / tf.make_tensor_proto / tf.make_ndarray",
    "tf.contrib.factorization": "tf.compat.v1.estimator.experimental.KMeans (TF's clustering_ops.KMeans runs it here)",
    "tf.contrib.lookup": "tf.lookup (TF's lookup_ops run it here)",
    "tf.contrib.tfprof": "tf.compat.v1.profiler.profile(graph, options=ProfileOptionBuilder...) (runs it here)",
    "tf.contrib.tpu": "tf.distribute.TPUStrategy / tf.compat.v1.estimator.tpu (TPUEstimator(use_tpu=False) runs "
                      "it here on the CPU)",
    "tf.contrib.cluster_resolver": "tf.distribute.cluster_resolver",
    "tf.contrib.training.HParams": "a dict or dataclass (tensorboard.plugins.hparams to tune; tf1_cnn runs "
                                   "TF 1.15's here)",
    "tf.contrib.rnn.LSTMBlockCell": "tf.keras.layers.LSTM (the block kernels run it here)",
    "tf.contrib.rnn.GRUBlockCell": "tf.keras.layers.GRU (the block kernels run it here)",
    "tf.contrib.rnn.LSTMBlockFusedCell": "tf.keras.layers.LSTM (the BlockLSTM kernel runs it here)",
}

# Known TF1 names that nothing here provides, with where to go instead (the first matching prefix wins).
NOT_PROVIDED = {
    "tf.contrib.rnn": "tf.keras.layers.RNN / LSTM / GRU (TF 2 kept tf.compat.v1.nn.rnn_cell's core cells only; "
                      "those are provided)",
    "tf.contrib.seq2seq": SEQ2SEQ_PORT,
    "tf.contrib.image": "tf.image / tf.keras.layers.RandomRotation, RandomTranslation "
                        "(tensorflow_addons.image: TF <= 2.15 only)",
    "tf.contrib.cudnn_rnn": "tf.keras.layers.LSTM / GRU (cuDNN kernels on a GPU)",
    "tf.contrib.training": "tf_slim.training / tf.keras Model.fit",
    "tf.contrib.opt": "tf.keras.optimizers (tensorflow_addons.optimizers: TF <= 2.15 only)",
    "tf.contrib.factorization": "tf.compat.v1.estimator.experimental.KMeans (only KMeans is provided)",
    "tf.contrib.distributions": "tensorflow_probability.distributions",
    "tf.contrib.summary": "tf.summary (TF 2)",
    "tf.contrib.nn.scaled_softplus": "alpha * tf.nn.softplus(x / alpha), then tf.minimum(y, clip)",
    "tf.contrib.nn.rank_sampled_softmax_loss": "tf.nn.sampled_softmax_loss (no rank-based resampling in TF 2)",
    "tf.contrib.predictor": "tf.saved_model.load",
    "tf.contrib.quantize": "tensorflow_model_optimization",
    "tf.contrib.tpu": "tf.distribute.TPUStrategy",
    "tf.contrib.estimator": "tf.distribute.MirroredStrategy with tf.keras Model.fit",
    "tf.estimator.BoostedTreesClassifier": "tensorflow_decision_forests (tensorflow_estimator 2.15 dropped it)",
    "tf.estimator.BoostedTreesRegressor": "tensorflow_decision_forests (tensorflow_estimator 2.15 dropped it)",
    "tf.estimator.BoostedTreesEstimator": "tensorflow_decision_forests (tensorflow_estimator 2.15 dropped it)",
}
# tf.contrib.learn's own estimators (fit(x, y), monitors; deprecated from TF 1.3 on): tensorflow_estimator
# 2.15 has none of them, only their tf.estimator successors.
_CONTRIB_LEARN_ESTIMATORS = "(runs here, on tensorflow_estimator 2.15; tf.contrib.learn's fit(x, y) API does not)"
NOT_PROVIDED.update({f"tf.contrib.learn.{name}": f"{successor} {_CONTRIB_LEARN_ESTIMATORS}" for name, successor in (
    ("Estimator", "tf.estimator.Estimator with an input_fn"),
    ("DNNClassifier", "tf.estimator.DNNClassifier with an input_fn"),
    ("DNNRegressor", "tf.estimator.DNNRegressor with an input_fn"),
    ("LinearClassifier", "tf.estimator.LinearClassifier with an input_fn"),
    ("LinearRegressor", "tf.estimator.LinearRegressor with an input_fn"),
    ("Experiment", "tf.estimator.train_and_evaluate"),
    ("learn_runner", "tf.estimator.train_and_evaluate"),
    ("MetricSpec", "EstimatorSpec(eval_metric_ops=...) or tf.estimator.add_metrics"),
    ("monitors", "tf.train.SessionRunHook hooks, or tf.estimator.train_and_evaluate for validation"))})

# tf.contrib names the runtime provides with its own copies (compat/contrib/: written from TF 1.x's behaviour)
# that stock TF 2.21 and its maintained libraries lack: `legacy` runs them, `migrate` cannot rewrite them;
# what a human should port each to (the most specific prefix wins). The one table of such names: the run's
# report (replacement()) and migrate's TODO lines (migrate/rewrite.py) both read it.
BY_HAND = {
    "tf.contrib.seq2seq": SEQ2SEQ_PORT,
    "tf.contrib.legacy_seq2seq": "a tf.keras encoder-decoder (tf.keras.layers.LSTM / GRU with return_state, "
                                 "tf.keras.layers.AdditiveAttention for attention_decoder); no maintained library "
                                 "carries legacy_seq2seq",
    "tf.contrib.legacy_seq2seq.sequence_loss": "tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True) "
                                               "with sample_weight (divide by the weights' sum as TF 1.x did)",
    "tf.contrib.legacy_seq2seq.sequence_loss_by_example": "tf.nn.sparse_softmax_cross_entropy_with_logits per step, "
                                                          "times the weights, summed over the steps",
    "tf.contrib.crf": "tensorflow_addons.text.crf_log_likelihood / crf_decode / viterbi_decode (TFA's last "
                      "release needs TF <= 2.15), or the forward algorithm written with tf.scan",
    "tf.contrib.learn.preprocessing": "tf.keras.layers.TextVectorization (another tokenizer: it lower-cases and "
                                      "strips punctuation; ids 0 padding, 1 out-of-vocabulary)",
    "tf.contrib.learn.ModeKeys": "tf.estimator.ModeKeys (tensorflow_estimator 2.15; its PREDICT is 'infer'), or a "
                                 "`training` flag with tf.keras",
    "tf.contrib.learn.RunConfig": "tf.estimator.RunConfig (tensorflow_estimator 2.15)",
    "tf.contrib.learn.run_config": "tf.estimator.RunConfig (tensorflow_estimator 2.15)",
    "tf.contrib.rnn.NASCell": "tf.keras.layers.RNN over a custom cell with NASCell's equations (no TF 2 successor)",
    "tf.contrib.rnn.LayerNormBasicLSTMCell": "tf.keras.layers.RNN of an LSTM cell with tf.keras.layers."
                                             "LayerNormalization (tensorflow_addons.rnn.LayerNormLSTMCell: TF <= 2.15)",
    "tf.contrib.rnn.EmbeddingWrapper": "tf.keras.layers.Embedding before the RNN",
    "tf.contrib.rnn.InputProjectionWrapper": "tf.keras.layers.Dense before the RNN",
    "tf.contrib.rnn.OutputProjectionWrapper": "tf.keras.layers.Dense on the RNN's outputs",
    "tf.contrib.rnn.stack_bidirectional_rnn": "stacked tf.keras.layers.Bidirectional(tf.keras.layers.RNN(...))",
    "tf.contrib.rnn.stack_bidirectional_dynamic_rnn": "stacked tf.keras.layers.Bidirectional(tf.keras.layers.RNN(...))",
}
RUNS_HERE = " (not in TF 2 nor a maintained library: port by hand; tf1_cnn's own copy runs it here)"


def by_hand(name):
    """What replaces a provided-here contrib name in stock TF 2 (BY_HAND), or None."""
    matches = [prefix for prefix in BY_HAND if name == prefix or name.startswith(prefix + ".")]
    return BY_HAND[max(matches, key=len)] if matches else None


_renames = {}
usage = Counter()           # TF1 name -> times it was looked up during this run
where = defaultdict(dict)   # TF1 name -> {"file:line": None} in first-use order
MAX_PLACES = 5
_recording = [True]
# frames in these are the runtime's or a library's, not the user's code
_PACKAGE_DIRS = ("/tf1_cnn/compat/", "/tf1_cnn/legacy/", "/tensorflow/", "/tf_keras/", "/tf_slim/", "/keras/",
                 "/tensorboard/", "/scipy/", "/numpy/", "/importlib/", "<frozen ", "/runpy.py",
                 "/tensorflow_estimator/")


def renames():
    """tf_upgrade_v2's table (TF1 name -> TF2 name), loaded on first use."""
    if not _renames:
        from tensorflow.tools.compatibility import all_renames_v2

        _renames.update(all_renames_v2.symbol_renames)
    return _renames


def _keras_layer(name):
    """tf.layers.max_pooling2d -> tf.keras.layers.MaxPooling2D (TF1's functions became these classes)."""
    fn = name.rpartition(".")[2]
    return "tf.keras.layers." + re.sub(r"(\d)d", r"\1D", "".join(w.capitalize() for w in fn.split("_")))


def replacement(name):
    """The TF2 replacement of a TF1-only name, or None when ``name`` is not TF1-only."""
    if re.fullmatch(r"tf\.(compat\.v1\.)?layers\.[a-z][a-z0-9_]*", name):
        return _keras_layer(name)
    if by_hand(name) is not None:
        return by_hand(name) + RUNS_HERE
    matches = [prefix for prefix in EXTRA if name == prefix or name.startswith(prefix + ".")]
    if matches:  # the most specific entry: keras.backend.set_learning_phase before keras
        return EXTRA[max(matches, key=len)]
    if name.startswith("tensorflow.python"):  # TF-internal names of the era (era/tf_internal.py)
        from .era import tf_internal

        return tf_internal.replacement(name)
    renamed = renames().get(name)
    if renamed is not None:
        return renamed
    matches = [prefix for prefix in CONTRIB if name == prefix or name.startswith(prefix + ".")]
    if matches:  # the most specific: tf.contrib.rnn.LSTMBlockCell before tf.contrib.rnn
        return CONTRIB[max(matches, key=len)]
    return None


def _caller():
    """"file:line" of the innermost frame outside the runtime and the libraries: the user's code."""
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not any(part in filename for part in _PACKAGE_DIRS):
            return f"{filename}:{frame.f_lineno}"
        frame = frame.f_back
    return None


def record(name):
    """Count a use of ``name`` when it is TF1-only, with the user's file and line."""
    if not _recording[0] or replacement(name) is None:
        return
    usage[name] += 1
    places = where[name]
    if len(places) < MAX_PLACES:
        place = _caller()
        if place is not None:
            places.setdefault(place, None)


@contextmanager
def not_recording():
    """Lookups inside this block are the runtime's own (install, --scan), not the user's: not counted."""
    _recording[0] = False
    try:
        yield
    finally:
        _recording[0] = True


def counted(name, fn):
    """``fn`` wrapped so that each call is recorded as a use of ``name`` (for names outside ``tf``)."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        record(name)
        return fn(*args, **kwargs)

    return wrapper


def clear():
    usage.clear()
    where.clear()


def missing_message(name):
    """The AttributeError text for a TF1 name the runtime does not provide."""
    for prefix, text in NOT_PROVIDED.items():
        if name == prefix or name.startswith(prefix + "."):
            return f"{name} is TF1-only and not provided by tf1_cnn's runtime; in TF2 use {text}"
    return (f"{name} is not in TensorFlow 2's tf.compat.v1 nor provided by tf1_cnn's runtime; "
            f"see the TF2 migration guide, or `python -m tf1_cnn legacy --coverage` for what is provided")


def report(counts=None):
    """Rows (name, count, replacement, places) of what was used, most used first."""
    counts = usage if counts is None else counts
    return [(name, n, replacement(name), list(where.get(name, ())))
            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def format_report(rows):
    if not rows:
        return "tf1_cnn migration report: no TF1-only names were used."
    width = max(len(r[0]) for r in rows)
    lines = ["tf1_cnn migration report: TF1-only names this run used (count, TF2 replacement, first places)"]
    for name, n, repl, places in rows:
        at = f"  [{', '.join(places)}]" if places else ""
        lines.append(f"  {name:<{width}}  x{n:<4} -> {repl}{at}")
    return "\n".join(lines)
