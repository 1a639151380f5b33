"""``tf.contrib`` on TensorFlow 2.21: every name a maintained library still carries, and nothing else.

TF 2 deleted ``tf.contrib``. What survived did so in three places, and each name here
is the same function or class as in TF 1.x, taken from there:
1. TensorFlow itself: its upgrade tool (``tf_upgrade_v2``'s ``all_renames_v2``) renames
   ``tf.contrib.rnn.BasicLSTMCell`` to ``tf.compat.v1.nn.rnn_cell.BasicLSTMCell``,
   ``tf.contrib.data.map_and_batch`` to ``tf.data.experimental.map_and_batch``, ... :
   those renames are followed (``RENAMED``), plus the members of a module TF kept
   whole (``tf.compat.v1.nn.rnn_cell``'s wrappers, ``clustering_ops.KMeans``,
   ``lookup_ops``, ``tensor_util``);
2. tf_slim 1.1 (TF 1.15's ``contrib.layers`` / ``slim`` / ``framework`` / ``metrics`` /
   ``losses`` / ``training``), tf_keras (``contrib.keras``), TensorFlow Probability 0.25
   (``contrib.distributions``; loaded only when used);
3. the project's own modules, one per contrib package as TF 1.15's tree had (``learn``: its datasets
   (TF 1.3's, over ``tf1_cnn.input_data``, never downloading), preprocessing, ModeKeys, RunConfig;
   ``seq2seq``: decoders, attention, beam search and sequence_loss as TF 1.15 built them;
   ``legacy_seq2seq``, ``crf``, ``nn``, ``rnn``'s contrib-only cells), written from TF 1.x's documented
   behaviour and checked against the oracle.
``PACKAGES`` maps each ``tf.contrib.<name>`` to the module that loads it.
A name none of these gives raises an AttributeError (or, imported, a ModuleNotFoundError)
naming it and its TF 2 replacement (``migration.NOT_PROVIDED``); ``ContribFinder`` makes
every import form (``from tensorflow.contrib import rnn``, ``import tensorflow.contrib.x``,
``from tensorflow.contrib.learn.python.learn.datasets import mnist``) resolve the same way.
"""
import importlib
import importlib.abc
import importlib.util
import types

from .. import libraries, migration
from ._lazy import loader_of
from . import (cluster_resolver, data, distributions, eager, factorization, framework, keras, learn, lookup,
               rnn, seq2seq, tfprof, tpu, training, util)

PREFIX = "tensorflow.contrib"


# tf.contrib.<name>: the function that loads its members (a module object), on first use
PACKAGES = {
    "crf": loader_of(f"{__name__}.crf"),
    "cluster_resolver": cluster_resolver.load,
    "data": data.load,
    "distributions": distributions.load,
    "eager": eager.load,
    "factorization": factorization.load,
    "framework": framework.load,
    "keras": keras.load,
    "legacy_seq2seq": loader_of(f"{__name__}.legacy_seq2seq"),
    "lookup": lookup.load,
    "losses": lambda: libraries.slim().losses,
    "metrics": lambda: libraries.slim().metrics,
    "nn": loader_of(f"{__name__}.nn"),
    "rnn": rnn.load,
    "seq2seq": seq2seq.load,
    "tfprof": tfprof.load,
    "tpu": tpu.load,
    "training": training.load,
    "util": util.load,
}


def build(namespace):
    """The ``tf.contrib`` namespace, with ``namespace`` the facade's Namespace class."""

    def package(path, base_=None, overrides=None):
        ns = namespace(path, base_, overrides)
        # a package under its import name: `import tensorflow.contrib.<x>` and `from tensorflow.contrib
        # import <x>` (which imports "<__name__>.<x>" when the attribute is missing) ask ContribFinder
        ns.__path__ = []
        ns.__name__ = "tensorflow." + path[3:]
        return ns

    def slim_view(path):
        # contrib.layers / slim: tf_slim, with TF 1.x's flatten and batch_norm structure (op_structure)
        from ..facade import Lazy
        from ..graph import op_structure

        return package(path, libraries.slim, {"flatten": op_structure.contrib_flatten, "batch_norm": Lazy(
            lambda: op_structure.contrib_batch_norm(libraries.slim().batch_norm))})

    def learn_view():
        # tf.contrib.learn: its subpackages are one namespace each, reached as tf.contrib.learn.X and as
        # tf.contrib.learn.python.learn.X (TF 1.x's real path: `from tensorflow.contrib.learn.python.learn
        # .preprocessing import text`), uses counted under the short name
        subs = {name: package(f"tf.contrib.learn.{name}", None, members()) for name, members in learn.SUBPACKAGES.items()}
        inner = package("tf.contrib.learn.python.learn", learn.load, subs)
        return package("tf.contrib.learn", learn.load, {**subs, "python": package("tf.contrib.learn.python", None,
                                                                                    {"learn": inner})})

    members = {name: package(f"tf.contrib.{name}", load) for name, load in PACKAGES.items()}
    members.update({
        "layers": slim_view("tf.contrib.layers"),
        "slim": slim_view("tf.contrib.slim"),
        "learn": learn_view(),
    })
    return package("tf.contrib", None, members)


class ContribFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import tensorflow.contrib.X[.Y]`` and ``from tensorflow.contrib[.X] import Y``: the facade's objects.

    A name the runtime does not provide is a ModuleNotFoundError with the same text as the
    attribute lookup (its TF 2 replacement), not "cannot import name ... (unknown location)".
    """

    def __init__(self, contrib):
        self._contrib = contrib
        self._found = {}

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith(PREFIX + "."):
            return None
        name = "tf" + fullname[len("tensorflow"):]
        obj = self._contrib
        with migration.not_recording():
            for part in name.split(".")[2:]:
                try:
                    obj = getattr(obj, part)
                except AttributeError as exc:
                    # name=None: the import system passes a ModuleNotFoundError for the very name it
                    # asked on as "cannot import name"; this one's text must reach the user
                    raise ModuleNotFoundError(str(exc)) from None
        if not isinstance(obj, types.ModuleType):
            raise ModuleNotFoundError(f"No module named {fullname!r} ({name} is a {type(obj).__name__}, not a module)")
        self._found[fullname] = obj, getattr(obj, "__spec__", None)
        return importlib.util.spec_from_loader(fullname, self, is_package=True)

    def create_module(self, spec):
        return self._found[spec.name][0]

    def exec_module(self, module):
        # the import system set this alias's spec on a shared module (tf_slim's, tfp's): give its own back
        original = self._found.pop(module.__spec__.name, (None, None))[1]
        if original is not None:
            module.__spec__ = original


def install(contrib):
    """Put ContribFinder first on sys.meta_path (idempotent)."""
    import sys

    if not any(isinstance(f, ContribFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, ContribFinder(contrib))
