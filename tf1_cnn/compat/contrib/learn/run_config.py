"""``tf.contrib.learn.RunConfig`` (TF 1.15's learn/python/learn/estimators/run_config) over tensorflow_estimator
2.15's RunConfig, made on first use (the estimator loads in seconds; ``ModeKeys`` must not wait for it).

TF 1.x's contrib RunConfig was the core RunConfig plus the session options a ``tf.contrib.learn``
estimator built its ConfigProto from (``num_cores``, ``log_device_placement``, ``gpu_memory_fraction``:
``tf_config``), ``master`` / ``evaluation_master`` and an ``environment``; ``save_checkpoints_secs=0``
meant the core default (600 s). tf.contrib.learn's own estimators are not provided (migration.NOT_PROVIDED);
this config is for the code that builds one and hands it to ``tf.estimator``.
"""
_made = {}


def _make():
    from ... import estimator

    core = estimator.load().RunConfig

    class RunConfig(core):
        """tf.contrib.learn's RunConfig: core RunConfig arguments plus TF 1.15's session options."""

        def __init__(self, master=None, num_cores=0, log_device_placement=False, gpu_memory_fraction=1,
                     tf_random_seed=None, save_summary_steps=100, save_checkpoints_secs=0,
                     save_checkpoints_steps=None, keep_checkpoint_max=5, keep_checkpoint_every_n_hours=10000,
                     log_step_count_steps=100, protocol=None, evaluation_master="", model_dir=None,
                     session_config=None, session_creation_timeout_secs=7200):
            kwargs = dict(model_dir=model_dir, tf_random_seed=tf_random_seed, save_summary_steps=save_summary_steps,
                          session_config=session_config, keep_checkpoint_max=keep_checkpoint_max,
                          keep_checkpoint_every_n_hours=keep_checkpoint_every_n_hours,
                          log_step_count_steps=log_step_count_steps, protocol=protocol,
                          session_creation_timeout_secs=session_creation_timeout_secs)
            if save_checkpoints_steps is not None:
                kwargs["save_checkpoints_steps"] = save_checkpoints_steps
            elif save_checkpoints_secs:  # 0: the core default
                kwargs["save_checkpoints_secs"] = save_checkpoints_secs
            super().__init__(**kwargs)
            import tensorflow as tf

            self._master = master or ""
            self._evaluation_master = evaluation_master or ""
            self._environment = "local"
            self._tf_config = tf.compat.v1.ConfigProto(
                log_device_placement=log_device_placement, inter_op_parallelism_threads=num_cores,
                intra_op_parallelism_threads=num_cores,
                gpu_options=tf.compat.v1.GPUOptions(per_process_gpu_memory_fraction=gpu_memory_fraction))

        @property
        def tf_config(self):
            """The ConfigProto TF 1.x's contrib estimators opened their sessions with."""
            return self._tf_config

        @property
        def environment(self):
            return self._environment

        def get_task_id(self):
            return self.task_id

    RunConfig.__module__ = __name__
    return RunConfig


def __getattr__(name):
    if name == "RunConfig":
        if "RunConfig" not in _made:
            _made["RunConfig"] = _make()
        return _made["RunConfig"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
