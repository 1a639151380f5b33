"""``tf.contrib.tpu`` (TF 1.15's contrib/tpu) on TensorFlow 2.21 and tensorflow_estimator 2.15, for the CPU.

TF 1.15's ``contrib/tpu`` was already a set of re-exports: its ``python/tpu/<x>.py`` modules forwarded to
``tensorflow.python.tpu.<x>`` (TPU graph building: ``tpu.shard``, ``bfloat16_scope``, ``tpu_function``,
``CrossShardOptimizer``, the ``tpu_ops``) and to ``tensorflow_estimator.python.estimator.tpu.<x>``
(``TPUEstimator``, ``TPUEstimatorSpec``, ``RunConfig``, ``TPUConfig``). Both still exist (TF 2.21's
``tensorflow.python.tpu``; tensorflow_estimator 2.15's ``tpu`` package, served as in
``compat/estimator.py``), so every name here is that same object, imported when first used.

``TPUEstimator(use_tpu=False)`` trains, evaluates, predicts and exports on the CPU as TF 1.15 did
(the model_fn gets ``params["batch_size"]``, ``eval_metrics`` is a (metric_fn, tensors) pair;
tests/test_contrib_tpu.py compares the numbers with real TF 1.15). There is no TPU here:
``use_tpu=True`` (TF 1.15's default) is a one-line error at construction, not a TPU-system failure at
the first session. Keras on TPU (``keras_to_tpu_model``, ``TPUDistributionStrategy``), the Cloud TPU
profiler and ``AsyncCheckpointSaverHook`` went with TF 1.15 and are not provided (missing-name errors).
"""
from ...errors import UserError
from ._common import module
from ._lazy import LazyModule, module_of

# tensorflow.contrib.tpu.python.tpu.<x>: TF 1.15's forwarding modules, by where <x> lives now
CORE_MODULES = ("bfloat16", "datasets", "device_assignment", "feature_column", "functional", "tensor_tracer",
                "topology", "tpu", "tpu_feed", "tpu_function", "tpu_optimizer", "tpu_sharding",
                "tpu_system_metadata", "training_loop")
ESTIMATOR_MODULES = ("tpu_config", "tpu_context", "tpu_estimator", "error_handling", "util",
                     "_tpu_estimator_embedding")

# tf.contrib.tpu.<name>: (module under tensorflow.python.tpu, or "estimator:" + one of ESTIMATOR_MODULES, attr)
MEMBERS = {
    "CrossShardOptimizer": ("tpu_optimizer", "CrossShardOptimizer"),
    "DeviceAssignment": ("device_assignment", "DeviceAssignment"),
    "device_assignment": ("device_assignment", "device_assignment"),
    "InfeedQueue": ("tpu_feed", "InfeedQueue"),
    "Topology": ("topology", "Topology"),
    "bfloat16_scope": ("bfloat16", "bfloat16_scope"),
    "repeat": ("training_loop", "repeat"),
    "while_loop": ("training_loop", "while_loop"),
    "InputPipelineConfig": ("estimator:tpu_config", "InputPipelineConfig"),
    "RunConfig": ("estimator:tpu_config", "RunConfig"),
    "TPUConfig": ("estimator:tpu_config", "TPUConfig"),
    "TPUEstimatorSpec": ("estimator:tpu_estimator", "TPUEstimatorSpec"),
    "export_estimator_savedmodel": ("estimator:tpu_estimator", "export_estimator_savedmodel"),
}
# tf.contrib.tpu.<name> that TF 2.21 keeps in tf.compat.v1.tpu (tpu.py / tpu_replication.py)
V1_TPU = ("batch_parallel", "core", "replicate", "rewrite", "shard", "outside_compilation", "initialize_system",
          "shutdown_system")
TPU_OPS = ("cross_replica_sum", "infeed_dequeue", "infeed_dequeue_tuple", "infeed_enqueue", "infeed_enqueue_tuple",
           "outfeed_dequeue", "outfeed_dequeue_tuple", "outfeed_enqueue", "outfeed_enqueue_tuple")


class NoTPU(UserError, ValueError):
    """A TPU was asked for: one line, exit status 2 under legacy."""


def _estimator_module(name):
    """tensorflow_estimator 2.15's ``python.estimator.tpu.<name>``, after the runtime made the estimator importable."""
    import importlib

    from .. import estimator

    estimator.load()
    return importlib.import_module(f"tensorflow_estimator.python.estimator.tpu.{name}")


def _source(where):
    if where.startswith("estimator:"):
        return _estimator_module(where[len("estimator:"):])
    import importlib

    return importlib.import_module(f"tensorflow.python.tpu.{where}")


_cache = {}


def tpu_estimator_class():
    """TF 1.15's ``TPUEstimator`` (tensorflow_estimator 2.15's) that refuses ``use_tpu=True`` in one line."""
    if "TPUEstimator" not in _cache:
        base = _estimator_module("tpu_estimator").TPUEstimator

        class TPUEstimator(base):
            __doc__ = base.__doc__

            def __init__(self, model_fn=None, model_dir=None, config=None, params=None, use_tpu=True,
                         *args, **kwargs):
                if use_tpu:
                    raise NoTPU("TPUEstimator(use_tpu=True): there is no TPU here (tf1_cnn runs TF1 graphs on "
                                "CPU/GPU); pass use_tpu=False (a --use_tpu flag: false) to train, evaluate, "
                                "predict and export on the CPU as TF 1.15 did")
                super().__init__(model_fn, model_dir, config, params, use_tpu, *args, **kwargs)

        TPUEstimator.__module__ = base.__module__
        _cache["TPUEstimator"] = TPUEstimator
    return _cache["TPUEstimator"]


def _python_package():
    """``tensorflow.contrib.tpu.python``: ``ops.tpu_ops`` and ``tpu.<x>`` as TF 1.15's tree had them."""
    lazy = {name: module_of(f"tensorflow.python.tpu.{name}") for name in CORE_MODULES}
    lazy.update({name: (lambda n=name: _estimator_module(n)) for name in ESTIMATOR_MODULES})
    tpu_dir = LazyModule("tf.contrib.tpu.python.tpu", lazy=lazy)
    ops = LazyModule("tf.contrib.tpu.python.ops", lazy={"tpu_ops": module_of("tensorflow.python.tpu.ops.tpu_ops")})
    return module("tf.contrib.tpu.python", {"tpu": tpu_dir, "ops": ops})


def load():
    """``tf.contrib.tpu``: TF 1.15's names (see the module docstring), each imported on first use."""
    import tensorflow as tf

    lazy = {name: (lambda w=where, a=attr: getattr(_source(w), a)) for name, (where, attr) in MEMBERS.items()}
    lazy.update({name: (lambda n=name: getattr(tf.compat.v1.tpu, n)) for name in V1_TPU})
    lazy.update({name: (lambda n=name: getattr(_source("ops.tpu_ops"), n)) for name in TPU_OPS})
    lazy["TPUEstimator"] = tpu_estimator_class
    return LazyModule("tf.contrib.tpu", {"python": _python_package()}, lazy)
