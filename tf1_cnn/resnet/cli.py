"""``python -m tf1_cnn resnet50``: ResNet-50 from raw TF1 graph ops.

  --summary                          print a Keras-like summary and the parameter counts
  --train SRC [SRC ...] --test SRC   train (Adam, categorical cross-entropy, as the course's
                                     model.fit), then evaluate: "Loss = ..." "Test Accuracy = ..."
  --test SRC [--weights H5 | --restore DIR]   evaluate only

SRC is a course .h5 file or a folder of photos (resized to the input size).
"""
import sys

import numpy as np

from ..errors import UserError, check_minimums


def add_parser(sub):
    p = sub.add_parser("resnet50", help="ResNet-50 summary, training and evaluation (raw graph ops)",
                       description=__doc__, formatter_class=__import__("argparse").RawDescriptionHelpFormatter)
    p.add_argument("--summary", action="store_true", help="print the model summary and exit")
    p.add_argument("--input-shape", nargs=3, type=int, metavar=("H", "W", "C"), help="default 64 64 3 (course), "
                   "224 224 3 with --names seed003")
    p.add_argument("--classes", type=int, help="number of classes (default: the data's; 6 for the course, "
                   "1000 for seed003)")
    p.add_argument("--names", choices=("course", "seed003"), default="course", help="layer names (default course)")
    p.add_argument("--train", nargs="+", metavar="SRC", help=".h5 file(s) or image folder(s) to train on")
    p.add_argument("--test", metavar="SRC", help=".h5 file or image folder to evaluate on")
    p.add_argument("--epochs", type=int, default=2, help="default 2, as the course's model.fit")
    p.add_argument("--batch-size", type=int, default=32, help="default 32, as the course")
    p.add_argument("--learning-rate", type=float, default=0.001, help="Adam's learning rate (Keras default 0.001)")
    p.add_argument("--max-batches", type=int, help="stop each epoch after this many batches (smoke runs)")
    p.add_argument("--seed", type=int, default=0, help="numpy seed of the per-epoch shuffling (default 0)")
    p.add_argument("--weights", metavar="H5", help="load a Keras HDF5 model or weights file (e.g. the course's ResNet50.h5)")
    p.add_argument("--save", metavar="DIR", help="save a checkpoint folder (variables and Adam state) after training")
    p.add_argument("--restore", metavar="DIR", help="start from a checkpoint folder written by --save")
    p.add_argument("--force", action="store_true", help="allow --save to replace an existing checkpoint")
    p.set_defaults(func=main)
    return p


def _defaults(args):
    shape = tuple(args.input_shape) if args.input_shape else ((224, 224, 3) if args.names == "seed003" else (64, 64, 3))
    if any(d < 1 for d in shape):
        raise UserError(f"--input-shape must be positive, got {shape}")
    if shape[2] != 3:
        raise UserError(f"--input-shape: the model takes RGB images (C = 3), got C = {shape[2]}")
    check_minimums(args, epochs=0, batch_size=1, max_batches=1, classes=1)
    return shape


def main(args):
    shape = _defaults(args)
    if args.summary:
        return print_summary(shape, args.classes or (1000 if args.names == "seed003" else 6), args.names)
    if not args.test:
        raise UserError("give --test SRC (and --train SRC ... to train), or --summary")
    if args.save:
        from ..fileio import check_writable

        check_writable(args.save, args.force)
    from ..signs.data import load_source, load_sources
    from ..signs.helpers import convert_to_one_hot

    X_test, y_test, test_classes = load_source(args.test, shape[:2])
    n_classes = args.classes or len(test_classes)
    train = None
    if args.train:
        X_train, y_train, train_classes = load_sources(args.train, shape[:2])
        n_classes = args.classes or len(train_classes)
        _check_labels(y_train, n_classes, "--train")
        train = (X_train.astype(np.float32) / 255., convert_to_one_hot(y_train, n_classes).T.astype(np.float32))
    _check_labels(y_test, n_classes, "--test")
    test = (X_test.astype(np.float32) / 255., convert_to_one_hot(y_test, n_classes).T.astype(np.float32))
    return run(args, shape, n_classes, train, test)


def _check_labels(y, n_classes, flag):
    if y.max() >= n_classes:
        raise UserError(f"{flag}: labels go up to {y.max()} but the model has {n_classes} classes (--classes)")


def run(args, shape, n_classes, train, test):
    from .keras_weights import load_keras_weights
    from .train import Trainer, progress_printer

    print(f"ResNet50 ({args.names} names), input {shape}, {n_classes} classes", file=sys.stderr)
    trainer = Trainer(shape, n_classes, args.names, args.learning_rate)
    try:
        if args.weights:
            n = load_keras_weights(trainer.sess, trainer.model.records, args.weights)
            print(f"loaded {n} arrays from {args.weights}", file=sys.stderr)
        if args.restore:
            meta = trainer.restore(args.restore)
            print(f"restored {args.restore} (step {meta['step']})", file=sys.stderr)
        if train is not None and args.epochs:
            X, Y = train
            rng = np.random.RandomState(args.seed)
            if args.max_batches:  # a seeded sample, not the first (label-sorted) images of a folder
                keep = rng.permutation(X.shape[0])[:args.max_batches * args.batch_size]
                X, Y = X[keep], Y[keep]
            for epoch in range(1, args.epochs + 1):
                trainer.fit_epoch(X, Y, args.batch_size, rng, progress_printer(epoch, args.epochs))
        loss, acc = trainer.evaluate(*test)
        print("Loss = " + str(loss))
        print("Test Accuracy = " + str(acc))
        if args.save:
            trainer.save(args.save, args.force)
            print(f"checkpoint saved to {args.save}", file=sys.stderr)
    finally:
        trainer.close()
    return 0


def print_summary(shape, classes, names):
    import tensorflow as tf

    from .model import ResNet50
    from .summary import summary_lines

    with tf.Graph().as_default():
        try:
            model = ResNet50(shape, classes, names)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        print("\n".join(summary_lines(model.records, "ResNet50" if names == "course" else "resnet50")))
    return 0
