"""A quiet console: TensorFlow's start-up chatter hidden, unless ``TF1_CNN_VERBOSE=1``.

Importing TensorFlow 2.21 prints C++ and absl lines on stderr ("All log messages
before absl::InitializeLog()...", "oneDNN custom operations are on", "Could not
find cuda drivers") that TF_CPP_MIN_LOG_LEVEL does not reach: absl prints them
before it reads any setting. The commands import TensorFlow through
``import_tensorflow()``, which points file descriptor 2 at a temporary file for
the import and TensorFlow's device probe only (the failed ``cuInit`` of machines
without a GPU, an ERROR line shown at any TF_CPP_MIN_LOG_LEVEL the user set below 3);
if the import fails, what it printed is shown. Later C++ lines follow the user's
TF_CPP_MIN_LOG_LEVEL (3 when unset). Python-level
deprecation notices of TensorFlow itself are hidden too. Later errors, and a
user script's own output and warnings under ``legacy``, are untouched.

``portable()``: before TensorFlow is imported, pin what makes float results differ between
x86-64 machines. oneDNN (behind TensorFlow's convolutions, and its matrix products even
with TF_ENABLE_ONEDNN_OPTS=0) picks its kernels by the CPU's instruction set at run time:
``ONEDNN_MAX_CPU_ISA=AVX2`` gives every AVX2 machine (AVX-512 ones included) the same
kernels (and oneDNN's graph rewrites stay on, TF_ENABLE_ONEDNN_OPTS=1). How work is split between threads changes summation order: two intra-op and
two inter-op threads (``TF_NUM_INTRAOP_THREADS`` / ``TF_NUM_INTEROP_THREADS``) whatever
the core count. See the README's "Results across machines" for what was measured.
"""
import os
import sys
import tempfile


def verbose():
    return bool(os.environ.get("TF1_CNN_VERBOSE"))


PORTABLE = {"ONEDNN_MAX_CPU_ISA": "AVX2", "TF_ENABLE_ONEDNN_OPTS": "1",
            "TF_NUM_INTRAOP_THREADS": "2", "TF_NUM_INTEROP_THREADS": "2"}


def portable():
    """Pin the kernels' instruction set and the thread counts (before TensorFlow is imported)."""
    if "tensorflow" in sys.modules and any(os.environ.get(k) != v for k, v in PORTABLE.items()):
        raise RuntimeError("--portable must be chosen before TensorFlow is imported")
    os.environ.update(PORTABLE)


class _DeferKeras:
    """A meta-path finder, in place during ``import tensorflow`` only: Keras is not executed then.

    TensorFlow 2.21's ``__init__`` ends with ``importlib.import_module("tf_keras.src.optimizers")``
    (or Keras 3's) inside ``try: ... except ImportError: pass``, only so that Keras' optimizers are
    registered for SavedModel loading early: 0.5-1 s of every start-up, and TF1 code that never
    touches Keras never needs it. The finder gives Keras' real spec (``tf.keras``'s lazy loader
    and ``find_spec`` callers still find the package) with a loader that declines to run it;
    TensorFlow passes over the ImportError, and the first real ``import tf_keras`` (``tf.layers``,
    ``import keras``, ``tf.keras.X``) loads and registers everything as usual.
    """

    NAMES = ("tf_keras", "keras")

    def find_spec(self, name, path=None, target=None):
        if name not in self.NAMES:
            return None
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None:
            spec.loader = self
        return spec

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        raise ImportError(f"{module.__name__}: deferred until first use (tf1_cnn.console)")


def _import(defer_keras):
    finder = _DeferKeras() if defer_keras and not any(n in sys.modules for n in _DeferKeras.NAMES) else None
    if finder:
        sys.meta_path.insert(0, finder)
    try:
        import tensorflow
    finally:
        if finder:
            sys.meta_path.remove(finder)
    return tensorflow


def _probe_devices(tensorflow):
    """Look for devices now, while file descriptor 2 is hidden: TensorFlow 2.21 does it once, at the first
    session or device query, and on a machine without a GPU logs ``E0000 ... cuda_platform.cc:52] failed
    call to cuInit`` (absl's line, after its "All log messages before absl::InitializeLog()" notice) at
    ERROR level, so at any TF_CPP_MIN_LOG_LEVEL below 3: inside the first cell that makes a Session in a
    notebook, on the console of a script. TF 1.x's CPU wheels printed nothing of the kind."""
    try:
        tensorflow.config.list_physical_devices()
    except Exception:  # a broken device setup is reported when the user's code meets it, as before
        pass


def import_tensorflow(defer_keras=True):
    """``import tensorflow`` with its start-up lines hidden (see the module docstring).

    ``defer_keras``: Keras is loaded on first use, not during the import (``_DeferKeras``).
    """
    if "tensorflow" in sys.modules or verbose():
        return _import(defer_keras)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            tensorflow = _import(defer_keras)
            _probe_devices(tensorflow)
        except BaseException:
            os.dup2(saved, 2)
            sink.seek(0)
            sys.stderr.write(sink.read().decode(errors="replace"))
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)
    tensorflow.get_logger().setLevel("ERROR")
    import warnings

    # the libraries' own deprecation notices ("`layer.apply` is deprecated ..."), not the user's
    warnings.filterwarnings("ignore", message=r".*(is|are) deprecated and will be removed", category=UserWarning)
    return tensorflow
