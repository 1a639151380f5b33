"""``tf.contrib.seq2seq`` (TF 1.15's contrib/seq2seq, with TF 1.3/1.4's differences where they build
other ops): no maintained package carries it for TF 2.21 (TF Addons' seq2seq is TF 2 / Keras-style
with other op structures, and its last release supports TF <= 2.15), so it is written here from
TF 1.x's documented behaviour and checked against real TF 1.x (op tables, numbers).

One module per module of TF 1.15's ``contrib/seq2seq/python/ops``: ``helper``, ``basic_decoder``,
``decoder`` (``dynamic_decode``), ``beam_search_decoder``, ``beam_search_ops`` (``gather_tree``),
``attention_wrapper``, ``loss`` (``sequence_loss``); ``load()`` exposes them as
``tf.contrib.seq2seq.X`` and ``tensorflow.contrib.seq2seq.python.ops.<module>``.
"""
from .._common import module

MODULES = ("attention_wrapper", "basic_decoder", "beam_search_decoder", "beam_search_ops", "decoder", "helper",
           "loss")


def load():
    """``tf.contrib.seq2seq``: its public names (TF 1.15's ``__all__``) and ``python.ops.<module>``."""
    import importlib

    mods = {name: importlib.import_module(f"{__name__}.{name}") for name in MODULES}
    members = {}
    for name in MODULES:
        for attr in getattr(mods[name], "__all__", ()):
            members[attr] = getattr(mods[name], attr)
    ops = module("tf.contrib.seq2seq.python.ops", dict(mods))
    members["python"] = module("tf.contrib.seq2seq.python", {"ops": ops})
    return module("tf.contrib.seq2seq", members)
