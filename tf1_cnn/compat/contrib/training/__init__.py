"""``tf.contrib.training`` (TF 1.15's contrib/training): tf_slim's training and evaluation loops, TF's renames,
and the project's ``HParams`` / ``parse_values`` (``hparam.py``: no maintained package carries them)."""
from ... import libraries
from .._common import module, renamed
from . import hparam


def load():
    """``tf.contrib.training``: tf_slim's training (create_train_op, train, ...) and evaluation
    (checkpoints_iterator, wait_for_new_checkpoint, evaluate_once, evaluate_repeatedly, StopAfterNEvalsHook,
    SummaryAtEndHook, get_or_create_eval_step: TF 1.15 exported them from contrib.training), TF's renames,
    HParams."""
    slim = libraries.slim()
    members = {n: getattr(slim.training, n) for n in dir(slim.training) if not n.startswith("_")}
    from tf_slim.training import evaluation

    for name in ("checkpoints_iterator", "wait_for_new_checkpoint", "evaluate_once", "evaluate_repeatedly",
                 "StopAfterNEvalsHook", "SummaryAtEndHook", "get_or_create_eval_step"):
        members[name] = getattr(evaluation, name)
    members.update(renamed("training"))
    members.update(HParams=hparam.HParams, parse_values=hparam.parse_values)
    # `from tensorflow.contrib.training.python.training import hparam` (tensor2tensor, nmt's forks)
    members["python"] = module("tf.contrib.training.python", {"training": module(
        "tf.contrib.training.python.training", {"hparam": hparam})})
    return module("tf.contrib.training", members)
