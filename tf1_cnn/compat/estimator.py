"""``tf.estimator`` for TF1 estimator scripts: an Estimator on tf.compat.v1 graph code.

TensorFlow 2.21 has no ``tf.estimator``, and ``tensorflow-estimator`` (2.15, the
last release) does not import with it. TF1 estimator scripts use a small part of
it, rebuilt here on ``tf.compat.v1``'s own pieces, each as TF 1.x's Estimator used it:

- ``Estimator(model_fn, model_dir, config, params)``: every call builds a fresh graph
  (graph seed ``config.tf_random_seed``), makes the global step, calls
  ``input_fn()`` (features, labels, or a ``tf.data`` Dataset of them) and
  ``model_fn(features, labels, mode[, params][, config])``;
- ``train``: a ``MonitoredTrainingSession`` with a checkpoint in ``model_dir`` (restored
  on the next call, as TF 1.x resumed), ``steps`` / ``max_steps``, the user's hooks;
- ``evaluate``: the latest checkpoint, every ``eval_metric_ops`` update run until the
  input ends (or ``steps``), the mean loss; returns ``{name: value, "loss",
  "global_step"}``;
- ``predict``: yields one dict (or value) per example;
- ``EstimatorSpec``, ``ModeKeys``, ``RunConfig``, ``inputs.numpy_input_fn``.

Not provided: canned estimators (``DNNClassifier``, ``LinearRegressor``, ...),
``export_savedmodel``, distribution. ``numpy_input_fn(shuffle=True)`` shuffles with
``tf.data`` (seeded by the graph seed), not TF 1.x's queue: the order differs.
"""
import collections
import inspect
import tempfile
import types

import numpy as np
import tensorflow as tf

_v1 = tf.compat.v1


class ModeKeys:
    TRAIN = "train"
    EVAL = "eval"
    PREDICT = "infer"


class EstimatorSpec(collections.namedtuple(
        "EstimatorSpec", "mode predictions loss train_op eval_metric_ops export_outputs training_hooks "
                         "evaluation_hooks prediction_hooks scaffold")):
    """What model_fn returns (TF 1.x's fields, the unused ones accepted and ignored)."""

    def __new__(cls, mode, predictions=None, loss=None, train_op=None, eval_metric_ops=None, export_outputs=None,
                training_chief_hooks=None, training_hooks=None, scaffold=None, evaluation_hooks=None,
                prediction_hooks=None):
        return super().__new__(cls, mode, predictions, loss, train_op, eval_metric_ops or {}, export_outputs,
                               list(training_hooks or []), list(evaluation_hooks or []),
                               list(prediction_hooks or []), scaffold)


class RunConfig:
    """The settings TF1 scripts pass: model_dir, tf_random_seed, checkpoint and logging cadence."""

    def __init__(self, model_dir=None, tf_random_seed=None, save_summary_steps=100, save_checkpoints_steps=None,
                 save_checkpoints_secs=None, keep_checkpoint_max=5, log_step_count_steps=100, **_ignored):
        if save_checkpoints_steps is None and save_checkpoints_secs is None:
            save_checkpoints_secs = 600
        self.model_dir = model_dir
        self.tf_random_seed = tf_random_seed
        self.save_summary_steps = save_summary_steps
        self.save_checkpoints_steps = save_checkpoints_steps
        self.save_checkpoints_secs = save_checkpoints_secs
        self.keep_checkpoint_max = keep_checkpoint_max
        self.log_step_count_steps = log_step_count_steps

    def replace(self, **kwargs):
        new = RunConfig.__new__(RunConfig)
        new.__dict__.update(self.__dict__, **kwargs)
        return new


def _features_labels(result):
    if isinstance(result, (_v1.data.Dataset, tf.data.Dataset)):
        result = _v1.data.make_one_shot_iterator(result).get_next()
    if isinstance(result, tuple) and len(result) == 2:
        return result
    return result, None


class Estimator:
    """TF 1.x's ``tf.estimator.Estimator`` for custom model_fns (see the module docstring)."""

    def __init__(self, model_fn, model_dir=None, config=None, params=None, warm_start_from=None):
        self._model_fn = model_fn
        self.config = config or RunConfig()
        self.model_dir = model_dir or self.config.model_dir or tempfile.mkdtemp(prefix="tf1_cnn_estimator_")
        self.config = self.config.replace(model_dir=self.model_dir)
        self.params = dict(params or {})

    def _call_model_fn(self, features, labels, mode):
        names = inspect.signature(self._model_fn).parameters
        kwargs = {}
        if "labels" in names:
            kwargs["labels"] = labels
        if "mode" in names:
            kwargs["mode"] = mode
        if "params" in names:
            kwargs["params"] = self.params
        if "config" in names:
            kwargs["config"] = self.config
        spec = self._model_fn(features=features, **kwargs)
        if not isinstance(spec, EstimatorSpec):
            raise ValueError(f"model_fn must return a tf.estimator.EstimatorSpec, got {type(spec).__name__}")
        return spec

    def _graph(self, input_fn, mode):
        graph = tf.Graph()
        with graph.as_default():
            if self.config.tf_random_seed is not None:
                _v1.set_random_seed(self.config.tf_random_seed)
            global_step = _v1.train.get_or_create_global_step()
            features, labels = _features_labels(input_fn())
            spec = self._call_model_fn(features, labels, mode)
        return graph, global_step, spec

    def latest_checkpoint(self):
        return _v1.train.latest_checkpoint(self.model_dir)

    def train(self, input_fn, hooks=None, steps=None, max_steps=None, saving_listeners=None):
        if steps is not None and max_steps is not None:
            raise ValueError("give steps or max_steps, not both")
        graph, global_step, spec = self._graph(input_fn, ModeKeys.TRAIN)
        with graph.as_default():
            all_hooks = list(hooks or []) + spec.training_hooks
            if steps is not None or max_steps is not None:
                all_hooks.append(_v1.train.StopAtStepHook(num_steps=steps, last_step=max_steps))
            all_hooks.append(_v1.train.NanTensorHook(spec.loss))
            all_hooks.append(_v1.train.LoggingTensorHook({"loss": spec.loss, "step": global_step},
                                                         every_n_iter=self.config.log_step_count_steps))
            with _v1.train.MonitoredTrainingSession(
                    checkpoint_dir=self.model_dir, hooks=all_hooks,
                    save_checkpoint_secs=self.config.save_checkpoints_secs if self.config.save_checkpoints_steps is None else None,
                    save_checkpoint_steps=self.config.save_checkpoints_steps,
                    save_summaries_steps=self.config.save_summary_steps,
                    log_step_count_steps=self.config.log_step_count_steps) as sess:
                while not sess.should_stop():
                    sess.run(spec.train_op)
        return self

    def _restore(self, sess, checkpoint_path):
        path = checkpoint_path or self.latest_checkpoint()
        if path is None:
            raise ValueError(f"no checkpoint in {self.model_dir}: train the estimator first")
        _v1.train.Saver().restore(sess, path)

    def evaluate(self, input_fn, steps=None, hooks=None, checkpoint_path=None, name=None):
        graph, global_step, spec = self._graph(input_fn, ModeKeys.EVAL)
        with graph.as_default(), _v1.Session(graph=graph) as sess:
            self._restore(sess, checkpoint_path)
            sess.run(_v1.local_variables_initializer())
            updates = [op for _, op in spec.eval_metric_ops.values()]
            losses, n = [], 0
            try:
                while steps is None or n < steps:
                    loss, _ = sess.run([spec.loss, updates])
                    losses.append(loss)
                    n += 1
            except tf.errors.OutOfRangeError:
                pass
            results = {name: sess.run(value) for name, (value, _) in spec.eval_metric_ops.items()}
            results["loss"] = np.float32(np.mean(losses)) if losses else np.float32(np.nan)
            results["global_step"] = sess.run(global_step)
        return results

    def predict(self, input_fn, predict_keys=None, hooks=None, checkpoint_path=None, yield_single_examples=True):
        graph, _, spec = self._graph(input_fn, ModeKeys.PREDICT)
        with graph.as_default(), _v1.Session(graph=graph) as sess:
            self._restore(sess, checkpoint_path)
            sess.run(_v1.local_variables_initializer())
            predictions = spec.predictions
            if isinstance(predictions, dict) and predict_keys:
                predictions = {k: predictions[k] for k in predict_keys}
            while True:
                try:
                    batch = sess.run(predictions)
                except tf.errors.OutOfRangeError:
                    return
                if not yield_single_examples:
                    yield batch
                elif isinstance(batch, dict):
                    for i in range(len(next(iter(batch.values())))):
                        yield {k: v[i] for k, v in batch.items()}
                else:
                    yield from batch


def numpy_input_fn(x, y=None, batch_size=128, num_epochs=1, shuffle=None, queue_capacity=1000, num_threads=1):
    """TF 1.x's ``tf.estimator.inputs.numpy_input_fn``: x a dict of arrays (or an array), y an array."""
    if shuffle is None:
        raise ValueError("shuffle must be given explicitly (True or False), as TF 1.x required")

    def input_fn():
        features = dict(x) if isinstance(x, dict) else x
        data = (features, y) if y is not None else features
        ds = tf.data.Dataset.from_tensor_slices(data)
        if shuffle:
            n = len(y) if y is not None else len(next(iter(features.values())) if isinstance(features, dict) else features)
            ds = ds.shuffle(max(n, 1))
        ds = ds.repeat(num_epochs).batch(batch_size)
        return _features_labels(ds)

    return input_fn


inputs = types.SimpleNamespace(numpy_input_fn=numpy_input_fn)
module = types.ModuleType("tf.estimator", __doc__)
module.__dict__.update(Estimator=Estimator, EstimatorSpec=EstimatorSpec, ModeKeys=ModeKeys, RunConfig=RunConfig,
                       inputs=inputs)
