"""A quiet console: TensorFlow's start-up chatter hidden, unless ``TF1_CNN_VERBOSE=1``.

Importing TensorFlow 2.21 prints C++ and absl lines on stderr ("All log messages
before absl::InitializeLog()...", "oneDNN custom operations are on", "Could not
find cuda drivers") that TF_CPP_MIN_LOG_LEVEL does not reach: absl prints them
before it reads any setting. The commands import TensorFlow through
``import_tensorflow()``, which points file descriptor 2 at a temporary file for
the import only; if the import fails, what it printed is shown. Python-level
deprecation notices of TensorFlow itself are hidden too. Later errors, and a
user script's own output and warnings under ``legacy``, are untouched.

``portable()``: ``TF_ENABLE_ONEDNN_OPTS=0`` before TensorFlow is imported: TensorFlow's
own (Eigen) kernels instead of oneDNN's, which choose their code path by the CPU's
instruction set at run time. See the README's "Results across machines".
"""
import os
import sys
import tempfile


def verbose():
    return bool(os.environ.get("TF1_CNN_VERBOSE"))


def portable():
    """Ask for the instruction-set-independent kernels (must run before TensorFlow is imported)."""
    if "tensorflow" in sys.modules and os.environ.get("TF_ENABLE_ONEDNN_OPTS") != "0":
        raise RuntimeError("--portable must be chosen before TensorFlow is imported")
    os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"


def import_tensorflow():
    """``import tensorflow`` with its start-up lines hidden (see the module docstring)."""
    if "tensorflow" in sys.modules or verbose():
        import tensorflow
        return tensorflow
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            import tensorflow
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
