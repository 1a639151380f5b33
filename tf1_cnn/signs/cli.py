"""``python run_signs.py``: train and evaluate the course's SIGNS ConvNet.

Data: ``--data-dir DIR`` (the course layout: train_signs.h5 and test_signs.h5;
default $TF1_CNN_DATA, else ./datasets), or ``--train SRC [SRC ...] --test SRC``
where each SRC is a course .h5 file or a folder of photos (``{label}_*.jpg``,
or one subfolder per class); several training sources are concatenated in the
order given, and photos are resized to 64x64 when they differ.

Prints ``Cost after epoch i: c`` every 5 epochs as the course does (a progress
line per epoch goes to stderr), then ``Train Accuracy: x`` and ``Test Accuracy: y``.
"""
import argparse
import os
import sys
from pathlib import Path

import numpy as np

from ..errors import UserError, check_minimums, run_cli

IMAGE_SIZE = (64, 64)  # the course's input size; photos of another size are resized to it
VARIANT_NAMES = ("course", "tf2-port")  # convnet.VARIANTS' keys (a test keeps them equal); --help needs no TF


def build_parser():
    p = argparse.ArgumentParser(prog="run_signs.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--variant", choices=VARIANT_NAMES, default="course",
                   help="course: seed 000 / the notebook (lr 0.009, 100 epochs); "
                        "tf2-port: seed 002 (lr 0.005, 150 epochs). Default: course")
    data = p.add_argument_group("data")
    data.add_argument("--data-dir", metavar="DIR", help="folder with train_signs.h5 and test_signs.h5")
    data.add_argument("--train", nargs="+", metavar="SRC", help=".h5 file(s) or image folder(s) to train on")
    data.add_argument("--test", metavar="SRC", help=".h5 file or image folder to evaluate on")
    data.add_argument("--shuffle-seed", type=int, metavar="N",
                      help="put the training images in a seeded random order first (image folders load in "
                           "file-name order, grouped by label; the course's .h5 files are shuffled, and in "
                           "label order the course's lr 0.009 can collapse to a constant prediction)")
    p.add_argument("--epochs", type=int, help="number of epochs (default: the variant's)")
    p.add_argument("--learning-rate", type=float, help="Adam learning rate (default: the variant's)")
    p.add_argument("--minibatch-size", type=int, default=64, help="default 64, as the course")
    p.add_argument("--plot", metavar="PATH", help="save the cost curve to PATH (PNG)")
    p.add_argument("--save", metavar="PATH", help="save the trained parameters to PATH (.npz)")
    p.add_argument("--restore", metavar="PATH", help="load parameters saved by --save and evaluate, without training")
    p.add_argument("--force", action="store_true", help="allow --save / --plot to replace existing files")
    p.add_argument("--checkpoint", metavar="DIR", help="resume checkpoint folder, written every --checkpoint-every "
                   "epochs and on Ctrl-C (without it, Ctrl-C saves to run_signs-interrupted-TIME)")
    p.add_argument("--checkpoint-every", type=int, metavar="N", help="write --checkpoint every N epochs")
    p.add_argument("--resume", metavar="DIR", help="continue the run saved in DIR (same data and flags): "
                   "ends bit for bit as the uninterrupted run")
    p.add_argument("--quiet", action="store_true", help="no per-epoch progress lines on stderr")
    p.add_argument("--portable", action="store_true",
                   help="TensorFlow's own kernels instead of oneDNN's: the same numbers on every x86-64 CPU")
    p.add_argument("--verbose", action="store_true", help="show TensorFlow's start-up and deprecation lines")
    return p


def load_data(args):
    """(X_train, Y_train, X_test, Y_test) scaled and one-hot, from --data-dir or --train/--test."""
    from .data import load_dataset, load_source, load_sources, shuffled
    from .helpers import convert_to_one_hot

    if args.train or args.test:
        if args.data_dir:
            raise UserError("give either --data-dir or --train/--test, not both")
        if not args.test or (not args.train and not args.restore):
            raise UserError("--train SRC [SRC ...] and --test SRC go together (--restore needs only --test)")
        Xtr, ytr, classes = load_sources(args.train, IMAGE_SIZE) if args.train else (None, None, None)
        if Xtr is not None and args.shuffle_seed is not None:
            Xtr, ytr = shuffled(Xtr, ytr, args.shuffle_seed)
        Xte, yte, test_classes = load_source(args.test, IMAGE_SIZE)
        if classes is not None and len(classes) != len(test_classes):
            raise UserError(f"{args.test}: {len(test_classes)} classes, the training data has {len(classes)}")
    else:
        Xtr, Ytr_orig, Xte, Yte_orig, test_classes = load_dataset(args.data_dir)
        ytr, yte = Ytr_orig.reshape(-1), Yte_orig.reshape(-1)
        if args.shuffle_seed is not None:
            Xtr, ytr = shuffled(Xtr, ytr, args.shuffle_seed)
    C = len(test_classes)
    to_xy = (lambda X, y: (X / 255., convert_to_one_hot(y, C).T))
    train = to_xy(Xtr, ytr) if Xtr is not None else (None, None)
    return (*train, *to_xy(Xte, yte))


def save_parameters(path, params, variant, force):
    from ..fileio import atomic_path

    with atomic_path(path, force=force, suffix=".npz") as tmp:
        np.savez(tmp, variant=np.array(variant), **{k.replace("/", "__"): v for k, v in params.items()})


def load_parameters(path):
    """(variant, parameters) from a file written by --save."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"--restore: {path}: no such file")
    try:
        with np.load(path, allow_pickle=False) as f:
            data = {k.replace("__", "/"): f[k] for k in f.files}
    except Exception as exc:
        raise UserError(f"--restore: {path}: not a parameters file written by --save ({exc})") from None
    if "variant" not in data:
        raise UserError(f"--restore: {path}: no 'variant' entry; was it written by run_signs.py --save?")
    variant = str(data.pop("variant"))
    check_parameter_shapes(path, variant, data)
    return variant, data


# The ConvNet's parameter shapes (signs/convnet.py); the FC layer's output size is the class count
PARAMETER_SHAPES = {"W1": (4, 4, 3, 8), "W2": (2, 2, 8, 16)}


def check_parameter_shapes(path, variant, data):
    """UserError unless ``data`` holds this ConvNet's parameters (another shape is another network)."""
    from .convnet import VARIANTS

    if variant not in VARIANTS:
        raise UserError(f"--restore: {path}: unknown variant {variant!r}")
    weights, biases = VARIANTS[variant].fc_names
    for name in (*PARAMETER_SHAPES, weights, biases):
        if name not in data:
            raise UserError(f"--restore: {path} has no parameter {name!r}")
    for name, shape in PARAMETER_SHAPES.items():
        if data[name].shape != shape:
            raise UserError(f"--restore: {path}: {name} has shape {data[name].shape}, this ConvNet's is {shape}")
    if data[weights].ndim != 2 or data[weights].shape[0] != 64 or data[biases].shape != data[weights].shape[1:]:
        raise UserError(f"--restore: {path}: FC weights {data[weights].shape} and biases {data[biases].shape} "
                        f"do not fit the ConvNet's 64 flattened features")


def main(argv=None):
    args = build_parser().parse_args(argv)
    from .. import console, resume
    from ..fileio import check_distinct, check_writable

    if args.verbose:
        os.environ["TF1_CNN_VERBOSE"] = "1"
    if args.portable:
        console.portable()
    if args.plot:  # refuse before hours of training, not after (--save: in resume.check_flags)
        check_writable(args.plot, args.force)
    check_minimums(args, epochs=0, minibatch_size=1, checkpoint_every=1)
    resume.check_flags(args)
    if args.resume and args.restore:
        raise UserError("--resume continues a training, --restore evaluates saved parameters: give one")
    if args.learning_rate is not None and not (np.isfinite(args.learning_rate) and args.learning_rate > 0):
        raise UserError(f"--learning-rate must be a positive number, got {args.learning_rate}")
    if args.shuffle_seed is not None and not 0 <= args.shuffle_seed < 2**32:
        raise UserError(f"--shuffle-seed must be between 0 and 2**32 - 1 (numpy's seed range), got {args.shuffle_seed}")
    check_distinct(save=args.save, plot=args.plot)
    console.import_tensorflow()  # quietly, before anything that uses it
    restored = load_parameters(args.restore) if args.restore else None
    if restored and restored[0] != args.variant:
        print(f"note: {args.restore} holds a {restored[0]} model; using variant {restored[0]}", file=sys.stderr)
        args.variant = restored[0]
    X_train, Y_train, X_test, Y_test = load_data(args)
    if restored:
        return evaluate(args, restored[1], X_train, Y_train, X_test, Y_test)
    return fit(args, X_train, Y_train, X_test, Y_test)


def fit(args, X_train, Y_train, X_test, Y_test):
    from .convnet import get_variant
    from .training import train

    v = get_variant(args.variant)
    epochs = v.num_epochs if args.epochs is None else args.epochs
    lr = v.learning_rate if args.learning_rate is None else args.learning_rate
    print(f"SIGNS ConvNet, variant {v.name}: {X_train.shape[0]} training and {X_test.shape[0]} test images, "
          f"{epochs} epochs, learning rate {lr}, minibatch {args.minibatch_size}", file=sys.stderr)

    def on_epoch(epoch, cost, elapsed):
        if epoch % 5 == 0:
            print("Cost after epoch %i: %f" % (epoch, cost), flush=True)
        if not args.quiet:
            print(f"  epoch {epoch + 1}/{epochs}  cost {cost:.6f}  {elapsed:.1f}s", file=sys.stderr, flush=True)

    hist = train(X_train, Y_train, X_test, Y_test, v, lr, epochs, args.minibatch_size, on_epoch,
                 checkpoint=args.checkpoint, checkpoint_every=args.checkpoint_every, resume_from=args.resume)
    if args.plot:
        from ..plots import plot_costs

        plot_costs(hist.costs, lr, args.plot, force=args.force)
        print(f"cost curve saved to {args.plot}", file=sys.stderr)
    print("Train Accuracy:", np.float32(hist.train_accuracy))
    print("Test Accuracy:", np.float32(hist.test_accuracy))
    if args.save:
        save_parameters(args.save, hist.parameters, v.name, args.force)
        print(f"parameters saved to {args.save}", file=sys.stderr)
    print(f"done in {hist.seconds:.1f}s", file=sys.stderr)
    return 0


def evaluate(args, params, X_train, Y_train, X_test, Y_test):
    from .helpers import predict

    n_classes = params[next(k for k in params if k.endswith(("weights", "kernel")))].shape[1]
    if Y_test.shape[1] != n_classes:
        raise UserError(f"--restore: {args.restore} predicts {n_classes} classes, the test data has {Y_test.shape[1]}")
    for name, X, Y in (("Train", X_train, Y_train), ("Test", X_test, Y_test)):
        if X is not None:
            try:
                acc = np.mean(predict(X.astype(np.float32), params) == np.argmax(Y, 1))
            except KeyError as exc:
                raise UserError(f"--restore: {args.restore} has no parameter {exc}") from None
            print(f"{name} Accuracy:", np.float32(acc))
    return 0


def run(argv=None):
    return run_cli(main, argv)
