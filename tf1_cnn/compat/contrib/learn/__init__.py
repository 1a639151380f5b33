"""``tf.contrib.learn`` without its estimators (TF 1.15's learn package): ``datasets`` (TF 1.3's readers,
``..learn_datasets``), ``preprocessing`` (VocabularyProcessor, ...), ``ModeKeys`` and ``RunConfig``
(``run_config``). tf.contrib.learn's own estimators (fit(x, y), monitors, Experiment) are not provided:
``migration.NOT_PROVIDED`` names their tf.estimator successors.

``SUBPACKAGES`` are the modules that ``tf.contrib.learn.X`` and ``tf.contrib.learn.python.learn.X`` both name
(contrib/__init__.py's ``build()`` gives each one namespace under both paths).
"""
import types

from .. import learn_datasets
from . import mode_keys, preprocessing, run_config


def _datasets():
    return {name: getattr(learn_datasets, name) for name in ("mnist", "base", "DATASETS", "load_dataset",
                                                             "load_iris", "load_boston")}


def _preprocessing():
    return {name: getattr(preprocessing, name) for name in preprocessing.__all__}


# name -> its members (install() swaps datasets' mnist and load_dataset for announcing ones)
SUBPACKAGES = {"datasets": _datasets, "preprocessing": _preprocessing}


class _Learn(types.ModuleType):
    """RunConfig made on first use (it loads tensorflow_estimator; ModeKeys must not wait for that)."""

    def __getattr__(self, name):
        if name == "RunConfig":
            return run_config.RunConfig
        raise AttributeError(name)


def load():
    """``tf.contrib.learn``'s own members (its subpackages come from SUBPACKAGES)."""
    learn = _Learn("tf.contrib.learn")
    learn.__dict__.update({"ModeKeys": mode_keys.ModeKeys, "run_config": run_config})
    return learn
