"""``python -m tf1_cnn COMMAND``: the project's command line.

Commands: verify (the published numbers), resnet50 (ResNet-50 summary,
training, evaluation), mnist-resnet (seed 004's network), legacy (run an
unmodified TF1 script). ``python -m tf1_cnn COMMAND --help`` for each.
"""
import argparse
import os
import sys

# TensorFlow's C++ log lines are not for our users (level 3: fatal only; the GPU-capable wheel
# logs a failed cuInit as an error on every CPU-only machine). Errors in a graph still reach the
# user as Python exceptions. --verbose (or TF_CPP_MIN_LOG_LEVEL set by the user) shows them.
if "--verbose" not in sys.argv[1:2]:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

# each command's module: add_parser(subparsers) registers it (heavy imports stay inside)
COMMANDS = ("tf1_cnn.verify", "tf1_cnn.resnet.cli", "tf1_cnn.mnist_resnet.cli", "tf1_cnn.legacy.cli",
            "tf1_cnn.oracle.cli", "tf1_cnn.kernel.cli", "tf1_cnn.migrate.cli")


def build_parser():
    import importlib

    parser = argparse.ArgumentParser(prog="python -m tf1_cnn", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portable", action="store_true",
                        help="TensorFlow's own kernels instead of oneDNN's (TF_ENABLE_ONEDNN_OPTS=0): "
                             "results that do not depend on the CPU's instruction set, at a measured cost")
    parser.add_argument("--verbose", action="store_true", help="show TensorFlow's start-up and deprecation lines")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv=None):
    from .errors import run_cli


    def _main(argv):
        args = build_parser().parse_args(argv)
        from . import console

        if args.verbose:
            os.environ["TF1_CNN_VERBOSE"] = "1"
        if args.portable:
            console.portable()
        if args.command == "legacy":  # Keras 2 as tf.keras for TF1 code: before TensorFlow is imported
            os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
            from .compat import session_threads  # no TensorFlow import

            session_threads.prepare_environment()  # oneDNN's calling thread works too (part of a warm server's key)
        early = getattr(args, "early", None)  # a command's step before TensorFlow (legacy --warm)
        if early is not None:
            status = early(args, sys.argv[1:] if argv is None else list(argv))
            if status is not None:
                return status
        # quietly, before the command's own imports; compare and kernel run TensorFlow in other processes
        if getattr(args, "needs_tensorflow", True) and (args.command != "verify" or not args.list):
            console.import_tensorflow()
        return args.func(args)

    return run_cli(_main, argv)


if __name__ == "__main__":
    sys.exit(main())
