"""The ``tf1`` kernel process: ``python -m tf1_cnn.kernel -f CONNECTION_FILE [--seed-rule R] [--tf1-version V]
[--numpy-print P]``.

ipykernel's own IPKernelApp (the kernel of "Python 3 (ipykernel)"), with the TF1
runtime activated on its shell after the shell exists and before the kernel answers,
so the first cell already runs on it. The working directory is the one Jupyter starts
kernels in (the notebook's folder); IPython puts it first on ``sys.path``.
"""
import os
import sys


def _own_options(argv):
    """(seed_rule, tf1_version, numpy_print, the rest for IPKernelApp)."""
    rest, values, it = [], {"--seed-rule": None, "--tf1-version": None, "--numpy-print": None}, iter(argv)
    for arg in it:
        key, eq, value = arg.partition("=")
        if key in values:
            values[key] = value if eq else next(it, None)
        else:
            rest.append(arg)
    return values["--seed-rule"], values["--tf1-version"], values["--numpy-print"], rest


def main(argv=None):
    seed_rule, tf1_version, numpy_print, rest = _own_options(sys.argv[1:] if argv is None else argv)
    # a kernelspec's "${PYTHONPATH}" stays literal when the variable was unset at launch
    sys.path[:] = [p for p in sys.path if "${" not in p]
    if "PYTHONPATH" in os.environ:
        os.environ["PYTHONPATH"] = os.pathsep.join(
            p for p in os.environ["PYTHONPATH"].split(os.pathsep) if p and "${" not in p)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # TensorFlow's C++ lines would reach the cells
    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")   # Keras 2 as tf.keras: before TensorFlow
    from ipykernel.kernelapp import IPKernelApp

    from . import activate

    class TF1KernelApp(IPKernelApp):
        name = "tf1-cnn-kernel"

        def init_extensions(self):  # after the shell exists, before any cell
            super().init_extensions()
            activate(self.shell, seed_rule, tf1_version, numpy_print)

    TF1KernelApp.launch_instance(argv=rest)


if __name__ == "__main__":
    main()
