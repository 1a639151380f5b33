"""What Keras printed on TF 1.x, printed under ``legacy``: summaries, layer names, progress, reprs.

tf_keras 2.21 prints as Keras 2.15 does. Stored notebook outputs of the TF1 era show one of two
older formats, chosen here by the TF 1.x version in force (``settings.current("tf1_version")``):

- ``"1.3"`` / ``"1.4"`` (the course's era): **Keras 2.0.8** (``keras/utils/layer_utils.py``
  print_summary, ``keras/utils/generic_utils.py`` Progbar, ``keras/callbacks.py`` ProgbarLogger,
  ``keras/engine/training.py`` _fit_loop/_test_loop, ``keras/engine/topology.py`` naming):
  ``model.summary()`` with no ``Model: "..."`` header, 65 / 100 columns, ``Total params: 37,633``;
  layers named from ``_1`` (``conv2d_1``: ``_to_snake_case(class name)`` + ``K.get_uid(class name)``,
  one counter per graph), models ``model_1`` / ``sequential_1``; ``fit`` prints ``Epoch 1/2`` and
  Keras 2.0.8's progress bar (``\\b``/``\\r`` rewrites, ``- 0s - loss: 1.0981 - acc: 0.1500``),
  ``Train on N samples, validate on M samples`` only with validation arrays, no per-step timing;
  ``evaluate``/``predict`` with verbose=1 print the bar without values; reprs
  ``<keras.models.Sequential ...>``, ``<keras.engine.training.Model ...>``, ``<keras.callbacks.History ...>``,
  ``<keras.layers.core.Dense ...>`` after ``import keras``; through ``tf.keras`` (or
  ``tensorflow.python.keras``) the same under TF 1.4's ``tensorflow.python.keras._impl.keras.`` (also
  under 1.3, which had no tf.keras).
- ``"1.15"``: TF 1.15.5's **tf.keras 2.2.4-tf**: its print_summary (``Model: "model"`` header,
  65 / 98 columns, no blank lines, no byte sizes); its Progbar (``20/20 - 0s - loss: ...`` at
  verbose=2, without tf_keras's ``- 1s/epoch - 73ms/sample``), and a bar in ``evaluate``/``predict``
  as 1.15's loops drew; names (``conv2d``, ``conv2d_1``), ``Train on N samples`` and the rest of
  ``fit``'s printing are tf_keras's own, which are 1.15's (checked against the oracle); reprs under
  ``tensorflow.python.keras`` (``engine.sequential``, ``engine.input_layer``; ``keras.`` after ``import keras``).

Everything is patched at the function tf_keras itself calls (``layer_utils.print_summary``,
``Layer._init_set_name``, ``callbacks.configure_callbacks``, ``training_arrays_v1._print_train_info``),
so ``keras.utils.print_summary(model)`` and user callbacks see the same. The choice is read at call
time: ``settings.using(tf1_version=...)`` switches it.
"""
import sys
import time

from .. import settings

KERAS_208, TF_KERAS_115 = "2.0.8", "2.2.4-tf"
_now = time.time  # Progbar's clock (tests replace it)
_originals = {}


def era():
    """Whose printing is in force: "2.0.8" (TF 1.3/1.4's Keras) or "2.2.4-tf" (TF 1.15's tf.keras)."""
    return TF_KERAS_115 if settings.current("tf1_version") == "1.15" else KERAS_208


# --------------------------------------------------------------------------- model.summary()

def _print_row(fields, positions, print_fn):
    """One row: each field cut at its column's end, the last character before a field a space
    (Keras 2.0.8 and 2.2.4-tf alike)."""
    line = ""
    for i, field in enumerate(fields):
        if i > 0:
            line = line[:-1] + " "
        line += str(field)
        line = line[:positions[i]]
        line += " " * (positions[i] - len(line))
    print_fn(line)


def _inbound_layers(node):
    import tensorflow as tf

    return tf.nest.flatten(node.inbound_layers)


def _sequential_like(model, which):
    """2.0.8: no depth holds two nodes or a node with two inputs. 2.2.4-tf also: no layer with two
    nodes in the graph. Subclassed models (2.2.4-tf) list their layers alone."""
    if model.__class__.__name__ == "Sequential":
        return True
    if not getattr(model, "_is_graph_network", True):  # 2.2.4-tf; 2.0.8 had no subclassed models
        return True
    nodes = []
    for depth_nodes in model._nodes_by_depth.values():
        if len(depth_nodes) > 1 or (len(depth_nodes) == 1 and len(_inbound_layers(depth_nodes[0])) > 1):
            return False
        nodes += depth_nodes
    if which == TF_KERAS_115:
        for layer in model.layers:
            if sum(1 for node in layer._inbound_nodes if node in nodes) > 1:
                return False
    return True


def _output_shape(layer, which):
    try:
        shape = layer.output_shape
    except AttributeError:  # several nodes with different shapes
        return "multiple"
    except RuntimeError:
        return "?"
    # Keras 2.0.8's output_shape of a one-output node is the tuple; tf_keras gives an InputLayer's
    # as [(None, 64, 64, 3)] (as 2.2.4-tf did)
    if which == KERAS_208 and isinstance(shape, list) and len(shape) == 1:
        return shape[0]
    return shape


def _counts(model, which):
    from tf_keras.src.utils.layer_utils import count_params

    if which == TF_KERAS_115:
        check = getattr(model, "_check_trainable_weights_consistency", None)
        if check is not None:
            check()
        trainable = getattr(model, "_collected_trainable_weights", None)
        if trainable is None:
            trainable = model.trainable_weights
    else:  # 2.0.8: the set of model.trainable_weights
        trainable = model.trainable_weights
    return count_params(trainable), count_params(model.non_trainable_weights)


def print_summary(model, line_length=None, positions=None, print_fn=None, **tf_keras_only):
    """``model.summary()`` / ``print_summary(model)`` in the format of ``era()``.

    tf_keras's own options (``expand_nested``, ``show_trainable``, ``layer_range``) did not exist
    then: given, tf_keras's print_summary prints.
    """
    if any(tf_keras_only.values()):
        return _originals["print_summary"](model, line_length=line_length, positions=positions,
                                           print_fn=print_fn, **tf_keras_only)
    which = era()
    print_fn = print_fn or print
    if _sequential_like(model, which):
        line_length = line_length or 65
        positions = positions or [.45, .85, 1.]
        header = ["Layer (type)", "Output Shape", "Param #"]
        relevant_nodes = None
    else:
        line_length = line_length or (100 if which == KERAS_208 else 98)
        positions = positions or [.33, .55, .67, 1.]
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
        relevant_nodes = [node for nodes in model._nodes_by_depth.values() for node in nodes]
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]

    if which == TF_KERAS_115:
        print_fn(f'Model: "{model.name}"')
    print_fn("_" * line_length)
    _print_row(header, positions, print_fn)
    print_fn("=" * line_length)
    layers = model.layers
    for i, layer in enumerate(layers):
        fields = [f"{layer.name} ({layer.__class__.__name__})", _output_shape(layer, which), layer.count_params()]
        if relevant_nodes is None:
            _print_row(fields, positions, print_fn)
        else:
            connections = [f"{inbound.name}[{node_index}][{tensor_index}]"
                           for node in layer._inbound_nodes if not relevant_nodes or node in relevant_nodes
                           for inbound, node_index, tensor_index, _ in node.iterate_inbound()]
            _print_row(fields + [connections[0] if connections else ""], positions, print_fn)
            for more in connections[1:]:
                _print_row(["", "", "", more], positions, print_fn)
        print_fn(("=" if i == len(layers) - 1 else "_") * line_length)
    trainable, non_trainable = _counts(model, which)
    print_fn(f"Total params: {trainable + non_trainable:,}")
    print_fn(f"Trainable params: {trainable:,}")
    print_fn(f"Non-trainable params: {non_trainable:,}")
    print_fn("_" * line_length)


# --------------------------------------------------------------------------- layer and model names

def to_snake_case(name):
    """Keras 2.0.8's ``_to_snake_case`` (tf_keras's is the same rule): ``ZeroPadding2D`` -> ``zero_padding2d``."""
    from tf_keras.src.utils.generic_utils import to_snake_case as rule

    return rule(name)


def keras208_name(obj):
    """The name Keras 2.0.8 gave an unnamed layer or model (``keras/engine/topology.py``, ``models.py``):
    a layer ``snake(class) + "_" + get_uid(class)``; a model ``class.lower() + "_" + get_uid(that)``
    (``model_1``); a Sequential ``"sequential_" + get_uid("sequential_")``. The counters are tf_keras's
    per-graph ``backend.get_uid`` (reset by ``clear_session``), as Keras 2.0.8's were."""
    from tf_keras.src import backend
    from tf_keras.src.engine import functional, sequential, training

    cls = type(obj)
    if isinstance(obj, sequential.Sequential):
        return "sequential_" + str(backend.get_uid("sequential_"))
    if isinstance(obj, training.Model):
        prefix = "model" if cls is functional.Functional else cls.__name__.lower()
        return prefix + "_" + str(backend.get_uid(prefix))
    return to_snake_case(cls.__name__) + "_" + str(backend.get_uid(cls.__name__))


def _naming(original):
    def _init_set_name(self, name, *args, **kwargs):
        from tf_keras.src.metrics import Metric

        if not name and era() == KERAS_208 and not isinstance(self, Metric):
            self._name = keras208_name(self)
            return None
        return original(self, name, *args, **kwargs)

    _init_set_name.__wrapped__ = original
    return _init_set_name


# --------------------------------------------------------------------------- fit / evaluate progress

class Progbar:
    """Keras 2.0.8's ``keras.utils.generic_utils.Progbar``: what it wrote to stdout, byte for byte.

    verbose=1: each update (at most every ``interval`` s unless forced) writes ``\\b`` over the last
    line's width, ``\\r``, ``' 8/20 [===========>..................]'``, then ``' - ETA: 0s'`` before
    the end or ``' - 0s'`` at it, ``' - loss: 1.0830'`` per value (averaged over samples seen;
    ``%.4e`` at or under 1e-3 in magnitude), spaces over what is left of a longer last line, and a
    newline once at the target. verbose=2: one line at the target, ``'0s - loss: ...'``.
    """

    def __init__(self, target, width=30, verbose=1, interval=0.05):
        self.width, self.verbose, self.interval = width, verbose, interval
        self.target = -1 if target is None else target
        self.sum_values, self.unique_values = {}, []
        self.start, self.last_update = _now(), 0
        self.total_width, self.seen_so_far = 0, 0

    def update(self, current, values=None, force=False):
        values = values or []
        for k, v in values:  # every pair weighs the samples since the last update (even repeated keys)
            if k not in self.sum_values:
                self.sum_values[k] = [v * (current - self.seen_so_far), current - self.seen_so_far]
                self.unique_values.append(k)
            else:
                self.sum_values[k][0] += v * (current - self.seen_so_far)
                self.sum_values[k][1] += current - self.seen_so_far
        self.seen_so_far = current
        now = _now()
        out = sys.stdout
        if self.verbose == 1:
            if not force and (now - self.last_update) < self.interval:
                return
            prev_total_width = self.total_width
            out.write("\b" * prev_total_width)
            out.write("\r")
            if self.target != -1:
                digits = len(str(int(self.target)))
                bar = f"{current:{digits}d}/{self.target:{digits}d} ["
                prog_width = int(self.width * float(current) / self.target)
                if prog_width > 0:
                    bar += "=" * (prog_width - 1) + (">" if current < self.target else "=")
                bar += "." * (self.width - prog_width) + "]"
                out.write(bar)
                self.total_width = len(bar)
            time_per_unit = (now - self.start) / current if current else 0
            if current < self.target and self.target != -1:
                info = " - ETA: %ds" % (time_per_unit * (self.target - current))
            else:
                info = " - %ds" % (now - self.start)
            for k in self.unique_values:
                avg = self._average(k)
                info += f" - {k}:" + (" %.4f" % avg if abs(avg) > 1e-3 else " %.4e" % avg)
            self.total_width += len(info)
            if prev_total_width > self.total_width:
                info += " " * (prev_total_width - self.total_width)
            out.write(info)
            out.flush()
            if current >= self.target:
                out.write("\n")
        if self.verbose == 2 and current >= self.target:
            info = "%ds" % (now - self.start)
            for k in self.unique_values:
                avg = self._average(k)
                info += f" - {k}:" + (" %.4f" % avg if avg > 1e-3 else " %.4e" % avg)  # 2.0.8: no abs() here
            out.write(info + "\n")
        self.last_update = now

    def _average(self, k):
        total, count = self.sum_values[k]
        return float(total / max(1, count))

    def add(self, n, values=None):
        self.update(self.seen_so_far + n, values)


class Progbar115:
    """TF 1.15.5's ``tensorflow/python/keras/utils/generic_utils.py`` Progbar. What tf_keras's own
    adds is absent: verbose=2's ``- 1s/epoch - 73ms/sample`` tail, ``finalize``-driven redraws.

    verbose=1: ``\\b`` * last width and ``\\r`` (or a newline where the console cannot redraw),
    ``' 8/20 ['`` bar, ``' - ETA: 0s'`` before the end, ``' - 0s 214us/sample'`` at it (``%.0f``),
    stateful metrics as-is, the others averaged over samples; verbose=2: ``'20/20 - 0s - loss: ...'``.
    """

    def __init__(self, target, width=30, verbose=1, interval=0.05, stateful_metrics=None, unit_name="step"):
        import os

        self.target, self.width, self.verbose, self.interval, self.unit_name = target, width, verbose, interval, unit_name
        self.stateful_metrics = set(stateful_metrics or ())
        self._dynamic_display = ((hasattr(sys.stdout, "isatty") and sys.stdout.isatty()) or "ipykernel" in sys.modules
                                 or "posix" in sys.modules or "PYCHARM_HOSTED" in os.environ)
        self._total_width = self._seen_so_far = 0
        self._values, self._values_order = {}, []
        self._start, self._last_update = _now(), 0

    def update(self, current, values=None):
        for k, v in values or []:
            if k not in self._values_order:
                self._values_order.append(k)
            if k not in self.stateful_metrics:
                if k not in self._values:
                    self._values[k] = [v * (current - self._seen_so_far), current - self._seen_so_far]
                else:
                    self._values[k][0] += v * (current - self._seen_so_far)
                    self._values[k][1] += current - self._seen_so_far
            else:
                self._values[k] = [v, 1]
        self._seen_so_far = current
        now = _now()
        info = " - %.0fs" % (now - self._start)
        out = sys.stdout
        if self.verbose == 1:
            if now - self._last_update < self.interval and self.target is not None and current < self.target:
                return
            prev_total_width = self._total_width
            if self._dynamic_display:
                out.write("\b" * prev_total_width)
                out.write("\r")
            else:
                out.write("\n")
            if self.target is not None:
                digits = len(str(int(self.target)))
                bar = f"{current:{digits}d}/{self.target} ["
                prog_width = int(self.width * float(current) / self.target)
                if prog_width > 0:
                    bar += "=" * (prog_width - 1) + (">" if current < self.target else "=")
                bar += "." * (self.width - prog_width) + "]"
            else:
                bar = "%7d/Unknown" % current
            self._total_width = len(bar)
            out.write(bar)
            time_per_unit = (now - self._start) / current if current else 0
            if self.target is not None and current < self.target:
                eta = time_per_unit * (self.target - current)
                if eta > 3600:
                    eta_format = "%d:%02d:%02d" % (eta // 3600, (eta % 3600) // 60, eta % 60)
                elif eta > 60:
                    eta_format = "%d:%02d" % (eta // 60, eta % 60)
                else:
                    eta_format = "%ds" % eta
                info = " - ETA: %s" % eta_format
            elif time_per_unit >= 1 or time_per_unit == 0:
                info += " %.0fs/%s" % (time_per_unit, self.unit_name)
            elif time_per_unit >= 1e-3:
                info += " %.0fms/%s" % (time_per_unit * 1e3, self.unit_name)
            else:
                info += " %.0fus/%s" % (time_per_unit * 1e6, self.unit_name)
            for k in self._values_order:
                avg = self._average(k)
                info += f" - {k}:" + (" %.4f" % avg if abs(avg) > 1e-3 else " %.4e" % avg)
            self._total_width += len(info)
            if prev_total_width > self._total_width:
                info += " " * (prev_total_width - self._total_width)
            if self.target is not None and current >= self.target:
                info += "\n"
            out.write(info)
            out.flush()
        elif self.verbose == 2:
            if self.target is not None and current >= self.target:
                digits = len(str(int(self.target)))
                info = f"{current:{digits}d}/{self.target}" + info
                for k in self._values_order:
                    avg = self._average(k)
                    info += f" - {k}:" + (" %.4f" % avg if avg > 1e-3 else " %.4e" % avg)
                out.write(info + "\n")
        self._last_update = now

    def _average(self, k):
        total, count = self._values[k]
        return float(total / max(1, count))

    def add(self, n, values=None):
        self.update(self._seen_so_far + n, values)


def _callback_base():
    from tf_keras.src import callbacks

    return callbacks.Callback


class ProgbarLogger:
    """The era's ``ProgbarLogger`` on tf_keras's v1 loops (a tf_keras Callback, made by ``progbar_logger()``).

    Keras 2.0.8 (``keras/callbacks.py``): ``Epoch 1/N`` always; each batch's values averaged over
    samples; the last batch not drawn, the epoch end forced with the last batch's values and the
    epoch's (each weighted by the last batch's size, as 2.0.8's Progbar did). It was given each batch's
    own metric values; tf_keras's v1 loop reports compiled metrics (``acc``) as running means since
    the epoch began, so the batch's own value is recovered from two running means
    (``(m_k * seen_k - m_{k-1} * seen_{k-1}) / size_k``).

    TF 1.15 (``tensorflow/python/keras/callbacks.py`` and ``engine/training_arrays.py``, which drove
    it by hand in every loop): ``Epoch 1/N`` only when N > 1; metrics other than the loss shown
    as-is (``get_progbar``'s stateful metrics); batch values gathered at verbose 2 too; evaluate and
    predict draw the same bar (their end without the loop's results, which tf_keras's v1 loop does
    not pass on: there the loss average weighs the last batch once, where 1.15 added the results
    once more).
    """


def progbar_logger(count_mode="samples", mode="train", flavor=None):
    """The ProgbarLogger of ``flavor`` (default ``era()``) for ``fit`` (``mode`` "train"), or the bar
    ``evaluate``/``predict`` drew (``mode`` "test"/"predict")."""
    base = _callback_base()
    flavor = flavor or era()
    old = flavor == KERAS_208

    class _Logger(ProgbarLogger, base):
        def __init__(self):
            base.__init__(self)
            self.use_steps = count_mode == "steps"
            self.mode = mode
            self.progbar = None
            self.seen, self.target, self.log_values = 0, None, []

        # -- fit
        def on_train_begin(self, logs=None):
            self.verbose = self.params["verbose"]
            self.epochs = self.params["epochs"]

        def on_epoch_begin(self, epoch, logs=None):
            self.seen, self._running = 0, {}
            self.target = self.params["steps"] if self.use_steps else self.params["samples"]
            if old:
                if self.verbose:
                    print("Epoch %d/%d" % (epoch + 1, self.epochs))
                    self.progbar = Progbar(target=self.target, verbose=self.verbose)
            else:
                if self.verbose and self.epochs > 1:
                    print("Epoch %d/%d" % (epoch + 1, self.epochs))
                self.progbar = Progbar115(target=self.target, verbose=self.verbose,
                                          stateful_metrics=self._stateful_names(),
                                          unit_name="step" if self.use_steps else "sample")

        def on_train_batch_begin(self, batch, logs=None):
            if not old or self.seen < self.target:
                self.log_values = []

        def on_train_batch_end(self, batch, logs=None):
            logs = logs or {}
            size = logs.get("num_steps", 1) if self.use_steps else logs.get("size", 0) * logs.get("num_steps", 1)
            before = self.seen
            self.seen += size
            stateful = self._stateful_names()
            for k in self.params["metrics"]:
                if k in logs:
                    value = float(logs[k])
                    if old and k in stateful:  # running mean -> this batch's own value
                        value = (value * self.seen - self._running.get(k, 0.0) * before) / max(size, 1)
                        self._running[k] = float(logs[k])
                    self.log_values.append((k, value))
            if self.verbose and (self.target is None or self.seen < self.target):
                self.progbar.update(self.seen, self.log_values)

        def on_epoch_end(self, epoch, logs=None):
            logs = logs or {}
            for k in self.params["metrics"]:
                if k in logs:
                    self.log_values.append((k, float(logs[k])))
            if self.verbose:
                if old:
                    self.progbar.update(self.seen, self.log_values, force=True)
                else:
                    self.progbar.update(self.seen, self.log_values)

        def _stateful_names(self):
            names = getattr(self, "_stateful", None)
            if names is None:
                names = set((getattr(self.model, "metrics_names", None) or [])[1:])  # all but the loss
                self._stateful = names
            return names

        # -- evaluate / predict
        def _loop_begin(self, logs=None):
            if self.mode == "train":  # fit's own validation: silent
                return
            if old:  # keras/engine/training.py _test_loop / _predict_loop: a bar without values
                self.target = self.params["steps"] if self.use_steps else self.params["samples"]
                self.progbar = Progbar(target=self.target)
                self.seen = 0
            else:  # 1.15 drove the same logger as in fit, one epoch
                _Logger.on_train_begin(self)  # the class's: this instance's fit hooks are switched off
                _Logger.on_epoch_begin(self, 0)

        def _loop_batch_begin(self, batch, logs=None):
            if self.mode != "train" and not old:
                _Logger.on_train_batch_begin(self, batch, logs)

        def _loop_batch_end(self, batch, logs=None):
            if self.mode == "train":
                return
            if not old:
                _Logger.on_train_batch_end(self, batch, logs)
            elif self.use_steps:
                self.progbar.update(batch)  # 2.0.8 passes the 0-based step here
            else:
                self.seen += (logs or {}).get("size", 0)
                self.progbar.update(self.seen)

        def _loop_end(self, logs=None):
            if self.mode != "train" and not old:
                _Logger.on_epoch_end(self, 0, logs)

        on_test_begin = on_predict_begin = _loop_begin
        on_test_batch_begin = on_predict_batch_begin = _loop_batch_begin
        on_test_batch_end = on_predict_batch_end = _loop_batch_end
        on_test_end = on_predict_end = _loop_end

        def _implements_train_batch_hooks(self):
            return self.mode == "train"

        def _implements_test_batch_hooks(self):
            return self.mode == "test"

        def _implements_predict_batch_hooks(self):
            return self.mode == "predict"

    _Logger.__name__ = _Logger.__qualname__ = "ProgbarLogger"
    logger = _Logger()
    if mode != "train":  # fit's hooks do nothing on an evaluate / predict bar
        for hook in ("on_train_begin", "on_epoch_begin", "on_train_batch_begin", "on_train_batch_end", "on_epoch_end"):
            setattr(logger, hook, lambda *a, **k: None)
    return logger


def _configure_callbacks(original):
    """tf_keras's ``configure_callbacks``, its ProgbarLogger the era's; evaluate / predict get the
    era's bar (verbose=1 for 2.0.8, any verbose for 1.15; tf_keras's v1 loops print none there)."""

    def configure_callbacks(callbacks, model, do_validation=False, batch_size=None, epochs=None,
                            steps_per_epoch=None, samples=None, verbose=1, count_mode="steps", mode="train"):
        from tf_keras.src import callbacks as cbks

        args = dict(do_validation=do_validation, batch_size=batch_size, epochs=epochs,
                    steps_per_epoch=steps_per_epoch, samples=samples, verbose=verbose)
        made = original(callbacks, model, count_mode=count_mode, mode=mode, **args)
        if isinstance(callbacks, cbks.CallbackList):
            return made
        mode_name = str(getattr(mode, "value", mode)).lower()
        kept = [cb for cb in made.callbacks if type(cb) is not cbks.ProgbarLogger]
        if verbose and mode_name == "train":
            kept.append(progbar_logger(count_mode))
        elif mode_name in ("test", "predict") and (verbose == 1 or (verbose and era() == TF_KERAS_115)):
            kept.append(progbar_logger(count_mode, mode_name))
        else:
            return made
        remade = cbks.CallbackList(kept)
        remade.set_model(made.model)
        cbks.set_callback_parameters(remade, model, mode=mode, **args)
        remade.model.stop_training = False
        return remade

    configure_callbacks.__wrapped__ = original
    return configure_callbacks


def _print_train_info(original):
    """2.0.8 printed ``Train on N samples, validate on M samples`` with validation arrays only, nothing
    else (``_fit_loop``); tf_keras prints ``Train on N samples`` always (as 1.15 did)."""

    def print_train_info(num_samples_or_steps, val_samples_or_steps, is_dataset):
        if era() != KERAS_208:
            return original(num_samples_or_steps, val_samples_or_steps, is_dataset)
        if val_samples_or_steps and not is_dataset:
            print("Train on %d samples, validate on %d samples" % (num_samples_or_steps, val_samples_or_steps))
        return None

    print_train_info.__wrapped__ = original
    return print_train_info


# --------------------------------------------------------------------------- reprs

# TF 1.15's tf.keras (and Keras 2.2.4) kept Keras 2.0.8's module of a class but these (oracle: __module__)
_MODULES_115 = {"Sequential": "engine.sequential", "InputLayer": "engine.input_layer", "Input": "engine.input_layer",
                "Layer": "engine.base_layer", "InputSpec": "engine.input_spec"}
# where tf.keras kept its classes (oracles: TF 1.4.1's tf.keras, which was tensorflow.python.keras; TF 1.15.5's).
# TF 1.3 had no tf.keras: code using it is given 1.4's, as its __version__ (compat/keras2.py)
_TF_PREFIX = {"1.15": "tensorflow.python.keras."}


def _prefix():
    """``keras.`` when the code imported standalone Keras (``import keras``), else where the TF 1.x version
    in force kept its tf.keras classes. Both are tf_keras's classes here: the session's entry decides."""
    if "keras" in sys.modules:  # only a user's `import keras` makes it under legacy (compat/keras2.py)
        return "keras."
    return _TF_PREFIX.get(settings.current("tf1_version"), "tensorflow.python.keras._impl.keras.")


def _era_name(cls):
    """The era's dotted name (without prefix) of a tf_keras class: Keras 2.0.8's layout (``layers.core.Dense``,
    ``engine.topology.InputLayer``; compat/keras2.py's OLD_MODULES, read in the oracle) or 2.2.4-tf's;
    None if unknown."""
    module = _era_module(cls)
    if module is None:
        return None
    return module + (".Model" if module == "engine.training" else "." + cls.__name__)


def _era_module(cls):
    from tf_keras.src import callbacks
    from tf_keras.src.engine import functional, sequential, training, training_v1

    if cls in (functional.Functional, training.Model, training_v1.Model):
        return "engine.training"
    if cls is callbacks.History:
        return "callbacks"
    if era() == TF_KERAS_115 and cls.__name__ in _MODULES_115:
        return _MODULES_115[cls.__name__]
    if cls is sequential.Sequential:
        return "models"
    if not cls.__module__.startswith("tf_keras."):
        return None
    from .. import keras2 as keras2_names

    for module, (_home, names) in keras2_names.OLD_MODULES.items():
        if names and cls.__name__ in names:
            return module
    return None


def _dotted(obj):
    cls = type(obj)
    name = _era_name(cls)
    if name is None:
        return f"{cls.__module__}.{cls.__qualname__}"
    return _prefix() + name


def _repr(self):
    """``repr()`` as Python showed it then: ``<keras.models.Sequential object at 0x7f...>``."""
    return f"<{_dotted(self)} object at {hex(id(self))}>"


def _repr_pretty_(self, p, cycle):
    """IPython's display of an object without a repr of its own: ``<keras.callbacks.History at 0x7f...>``."""
    p.text(f"<{_dotted(self)} at 0x{id(self):x}>")


# --------------------------------------------------------------------------- install

def install():
    """Patch tf_keras's printing as described in the module docstring (idempotent)."""
    if _originals:
        return
    from tf_keras.src import callbacks
    from tf_keras.src.engine import base_layer, base_layer_v1, functional, sequential, training, training_arrays_v1
    from tf_keras.src.utils import layer_utils

    _originals["print_summary"] = layer_utils.print_summary
    layer_utils.print_summary = print_summary
    for cls in (base_layer.Layer, base_layer_v1.Layer, functional.Functional):
        cls._init_set_name = _naming(cls.__dict__["_init_set_name"])
    callbacks.configure_callbacks = _configure_callbacks(callbacks.configure_callbacks)
    training_arrays_v1._print_train_info = _print_train_info(training_arrays_v1._print_train_info)
    for cls in (base_layer.Layer, base_layer_v1.Layer, training.Model, sequential.Sequential, callbacks.History):
        cls.__repr__ = _repr  # a layer too: <keras.layers.core.Dense object at 0x...>
        cls._repr_pretty_ = _repr_pretty_
