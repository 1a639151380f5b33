"""``python -m tf1_cnn COMMAND``: the project's command line.

Commands: verify (the published numbers), resnet50 (ResNet-50 summary,
training, evaluation), mnist-resnet (seed 004's network), legacy (run an
unmodified TF1 script). ``python -m tf1_cnn COMMAND --help`` for each.
"""
import argparse
import os
import sys

# TensorFlow's C++ start-up chatter is not for our users; real errors still show.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

# each command's module: add_parser(subparsers) registers it (heavy imports stay inside)
COMMANDS = ("tf1_cnn.verify", "tf1_cnn.resnet.cli", "tf1_cnn.mnist_resnet.cli", "tf1_cnn.legacy.cli")


def build_parser():
    import importlib

    parser = argparse.ArgumentParser(prog="python -m tf1_cnn", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv=None):
    from .errors import run_cli

    if (argv if argv is not None else sys.argv[1:])[:1] == ["legacy"]:
        # Keras 2 as tf.keras for TF1 code: must be set before TensorFlow is imported
        os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

    def _main(argv):
        args = build_parser().parse_args(argv)
        return args.func(args)

    return run_cli(_main, argv)


if __name__ == "__main__":
    sys.exit(main())
