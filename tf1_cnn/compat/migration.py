"""The TF1-only names the shims cover, their TF2 replacements, and what a run used.

``REPLACEMENTS`` is the single list of covered TF1 names: the facade, the
``install()`` patch, the migration report and the README's coverage table
(``python -m tf1_cnn legacy --coverage``) are all generated from it.
A name is "TF1-only" when TF 2 removed it from the top-level API or changed
its meaning; everything else the facade passes through from ``tf.compat.v1``.
"""
from collections import Counter

# TF1 name -> TF2 replacement
REPLACEMENTS = {
    "tf.placeholder": "function arguments / tf.keras.Input",
    "tf.placeholder_with_default": "a default argument value",
    "tf.Session": "eager execution / tf.function",
    "tf.InteractiveSession": "eager execution",
    "tf.ConfigProto": "tf.config.* (threading, devices)",
    "tf.get_variable": "tf.Variable / Keras layer weights",
    "tf.variable_scope": "Keras layers and tf.Module name scopes",
    "tf.AUTO_REUSE": "reusing the same Keras layer object",
    "tf.get_default_graph": "tf.function's concrete graphs",
    "tf.reset_default_graph": "nothing (no global graph in TF2); tf.keras.backend.clear_session",
    "tf.set_random_seed": "tf.random.set_seed",
    "tf.global_variables_initializer": "nothing (variables initialize on creation)",
    "tf.initialize_all_variables": "nothing (variables initialize on creation)",
    "tf.local_variables_initializer": "nothing (variables initialize on creation)",
    "tf.global_variables": "tf.Module.variables / model.variables",
    "tf.trainable_variables": "tf.Module.trainable_variables / model.trainable_variables",
    "tf.GraphKeys": "Keras layer attributes (e.g. model.updates no longer needed)",
    "tf.get_collection": "Keras layer attributes",
    "tf.add_to_collection": "Keras layer attributes",
    "tf.truncated_normal": "tf.random.truncated_normal",
    "tf.random_normal": "tf.random.normal",
    "tf.random_uniform": "tf.random.uniform",
    "tf.arg_max": "tf.argmax",
    "tf.arg_min": "tf.argmin",
    "tf.to_float": "tf.cast(x, tf.float32)",
    "tf.to_int32": "tf.cast(x, tf.int32)",
    "tf.to_int64": "tf.cast(x, tf.int64)",
    "tf.log": "tf.math.log",
    "tf.div": "tf.math.divide / tf.math.floordiv",
    "tf.squared_difference": "tf.math.squared_difference",
    "tf.assign": "Variable.assign",
    "tf.assign_add": "Variable.assign_add",
    "tf.Print": "tf.print",
    "tf.train.AdamOptimizer": "tf.keras.optimizers.Adam",
    "tf.train.GradientDescentOptimizer": "tf.keras.optimizers.SGD",
    "tf.train.MomentumOptimizer": "tf.keras.optimizers.SGD(momentum=...)",
    "tf.train.RMSPropOptimizer": "tf.keras.optimizers.RMSprop",
    "tf.train.AdagradOptimizer": "tf.keras.optimizers.Adagrad",
    "tf.train.Saver": "tf.train.Checkpoint / model.save_weights",
    "tf.train.exponential_decay": "tf.keras.optimizers.schedules.ExponentialDecay",
    "tf.train.get_or_create_global_step": "optimizer.iterations",
    "tf.nn.dropout": "tf.nn.dropout(x, rate=1 - keep_prob) / tf.keras.layers.Dropout",
    "tf.nn.softmax_cross_entropy_with_logits": "tf.nn.softmax_cross_entropy_with_logits (v2: labels get gradients) / tf.keras.losses.CategoricalCrossentropy(from_logits=True)",
    "tf.nn.max_pool": "tf.nn.max_pool2d / tf.keras.layers.MaxPooling2D",
    "tf.losses.softmax_cross_entropy": "tf.keras.losses.CategoricalCrossentropy",
    "tf.summary.FileWriter": "tf.summary.create_file_writer",
    "tf.layers.dense": "tf.keras.layers.Dense",
    "tf.layers.flatten": "tf.keras.layers.Flatten",
    "tf.layers.conv2d": "tf.keras.layers.Conv2D",
    "tf.layers.max_pooling2d": "tf.keras.layers.MaxPooling2D",
    "tf.layers.average_pooling2d": "tf.keras.layers.AveragePooling2D",
    "tf.layers.dropout": "tf.keras.layers.Dropout",
    "tf.compat.v1.layers.dense": "tf.keras.layers.Dense",
    "tf.compat.v1.layers.flatten": "tf.keras.layers.Flatten",
    "tf.contrib.layers.xavier_initializer": "tf.keras.initializers.GlorotUniform",
    "tf.contrib.layers.xavier_initializer_conv2d": "tf.keras.initializers.GlorotUniform",
    "tf.contrib.layers.variance_scaling_initializer": "tf.keras.initializers.VarianceScaling",
    "tf.contrib.layers.flatten": "tf.keras.layers.Flatten",
    "tf.contrib.layers.fully_connected": "tf.keras.layers.Dense",
    "tensorflow.examples.tutorials.mnist.input_data": "tf.keras.datasets.mnist / tensorflow_datasets",
}

# TF1 names that are not covered: named so the error can point to the replacement.
NOT_COVERED = {
    "tf.contrib.slim": "tf.keras layers (slim is not shimmed)",
    "tf.contrib.rnn": "tf.keras.layers.RNN / LSTM",
    "tf.contrib.learn": "tf.keras / tf.estimator",
    "tf.contrib.layers.batch_norm": "tf.keras.layers.BatchNormalization (or tf.compat.v1.nn.fused_batch_norm)",
    "tf.contrib.layers.conv2d": "tf.keras.layers.Conv2D (or tf.layers.conv2d through this shim)",
    "tf.layers.batch_normalization": "tf.keras.layers.BatchNormalization (or tf1_cnn.resnet's batch norm)",
    "tf.estimator": "tf.keras Model.fit",
}

usage = Counter()  # TF1 name -> times it was looked up during this run
_recording = [True]


def record(name):
    """Count a use of ``name`` when it is one of the covered TF1-only names."""
    if _recording[0] and name in REPLACEMENTS:
        usage[name] += 1


def missing_message(name):
    """The AttributeError text for a TF1 name the shims do not provide."""
    for prefix, replacement in NOT_COVERED.items():
        if name == prefix or name.startswith(prefix + "."):
            return f"{name} is TF1-only and not covered by tf1_cnn's shims; in TF2 use {replacement}"
    return (f"{name} does not exist in TensorFlow 2 (tf.compat.v1) and is not covered by tf1_cnn's shims; "
            f"see the TF2 migration guide, or `python -m tf1_cnn legacy --coverage` for what is covered")


def report(counts=None):
    """Rows (name, count, replacement) of what was used, most used first."""
    counts = usage if counts is None else counts
    return [(name, n, REPLACEMENTS[name]) for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def format_report(rows):
    if not rows:
        return "tf1_cnn migration report: no TF1-only names were used."
    width = max(len(r[0]) for r in rows)
    lines = ["tf1_cnn migration report: TF1-only names this run used (count, TF2 replacement)"]
    lines += [f"  {name:<{width}}  x{n:<4} -> {repl}" for name, n, repl in rows]
    return "\n".join(lines)
