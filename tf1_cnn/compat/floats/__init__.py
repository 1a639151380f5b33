"""TF 1.x float mode: kernels that compute what TF 1.15.5's CPU kernels computed, bit for bit.

TF 2.21 with ``TF_ENABLE_ONEDNN_OPTS=0`` already gives TF 1.15.5's results for conv2d (forward,
input gradient, filter gradient with 3+ input channels), matmul, pooling, relu, bias-add and
GradientDescent (``../shared/drift``'s measurements). What it computes differently is replaced
here by kernels of the project's own (``tf1_floats.cc``), registered for the same op names under
the kernel label ``tf1_15``: a node with the attr ``_kernel: "tf1_15"`` runs them. The mode sets
that attr on every float node of the ops in :data:`OPS` as it is created (the graph keeps its ops,
names and count: seeds and ``compare`` see the same graph); Conv2DBackpropFilter only with one
input channel (``tf1_conv_filter.cc``, ``labels.py``). The rules and how each was measured are in
the two sources; tests/test_floats.py checks each against the TF 1.15.5 oracle.

``enable()`` before TensorFlow is imported sets ``TF_ENABLE_ONEDNN_OPTS=0`` (oneDNN's conv
gradients and some matmuls differ from TF 1.15's Eigen ones); after the import it builds (once,
``build.py``) and loads the library and starts labelling; local sessions then run TF 2.21's graph
optimizers in TF 1.15's order (``grappler.py``), whose rewrites of products TF 1.15 computed. On a
machine without a compiler or AVX it says why on stderr and the run continues without the mode.
"""
import os
import sys

LABEL = "tf1_15"
ENV = "TF1_CNN_TF1_FLOATS"
# The op types given TF 1.15's arithmetic (float32 only).
OPS = frozenset({"Exp", "Log", "Reciprocal", "Inv", "Sum", "Mean", "SoftmaxCrossEntropyWithLogits",
                 "SparseSoftmaxCrossEntropyWithLogits", "ApplyAdam", "Conv2DBackpropFilter",
                 "LogSoftmax"})

_state = {"library": None, "error": None}


def requested():
    """True when the environment asks for the mode (``TF1_CNN_TF1_FLOATS=1``)."""
    return os.environ.get(ENV, "").strip().lower() in ("1", "true", "yes", "on")


def prepare():
    """Before TensorFlow loads: Eigen's kernels for conv and matmul, not oneDNN's."""
    if "tensorflow" in sys.modules and os.environ.get("TF_ENABLE_ONEDNN_OPTS") != "0":
        raise RuntimeError("the TF 1.x float mode must be chosen before TensorFlow is imported")
    os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
    os.environ[ENV] = "1"  # children (warm runs, notebooks' kernels) inherit the mode


def enable(verbose=False):
    """Build/load the kernels and label new nodes; True when the mode is on (else a note on stderr)."""
    if _state["library"] is not None:
        return True
    prepare()
    import tensorflow as tf

    from . import build

    try:
        paths = build.build(tf, verbose=verbose)
        for path in paths:
            tf.load_library(str(path))
    except (build.BuildError, tf.errors.NotFoundError, OSError) as e:
        _state["error"] = str(e).splitlines()[0] if str(e) else type(e).__name__
        print(f"tf1-cnn: the TF 1.x float mode is off: {_state['error']}", file=sys.stderr)
        return False
    _state["library"] = str(paths[0])
    from . import grappler, labels

    labels.install()
    grappler.install()  # the graph optimizers in TF 1.15's order (grappler.py)
    return True


def active():
    return _state["library"] is not None
