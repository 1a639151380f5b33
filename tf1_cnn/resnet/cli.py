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
    p.add_argument("--checkpoint", metavar="DIR", help="resume checkpoint folder, written every --checkpoint-every "
                   "epochs and on Ctrl-C (without it, Ctrl-C saves to resnet50-interrupted-TIME)")
    p.add_argument("--checkpoint-every", type=int, metavar="N", help="write --checkpoint every N epochs")
    p.add_argument("--resume", metavar="DIR", help="continue the training saved in DIR (same data and flags): "
                   "ends bit for bit as the uninterrupted run")
    p.set_defaults(func=main)
    return p


def _defaults(args):
    shape = tuple(args.input_shape) if args.input_shape else ((224, 224, 3) if args.names == "seed003" else (64, 64, 3))
    if any(d < 1 for d in shape):
        raise UserError(f"--input-shape must be positive, got {shape}")
    if shape[2] != 3:
        raise UserError(f"--input-shape: the model takes RGB images (C = 3), got C = {shape[2]}")
    check_minimums(args, epochs=0, batch_size=1, max_batches=1, classes=1, checkpoint_every=1)
    if not 0 <= args.seed < 2**32:
        raise UserError(f"--seed must be between 0 and 2**32 - 1 (numpy's seed range), got {args.seed}")
    if not (np.isfinite(args.learning_rate) and args.learning_rate > 0):
        raise UserError(f"--learning-rate must be a positive number, got {args.learning_rate}")
    return shape


def main(args):
    shape = _defaults(args)
    if args.summary:
        return print_summary(shape, args.classes or (1000 if args.names == "seed003" else 6), args.names)
    if not args.test:
        raise UserError("give --test SRC (and --train SRC ... to train), or --summary")
    from .. import resume

    resume.check_flags(args, save_marker="meta.json")
    if args.restore:
        from .train import read_meta

        read_meta(args.restore)  # before the graph is built: a broken folder is a one-line error now
    if args.resume and args.restore:
        raise UserError("--resume continues an interrupted training, --restore starts from saved weights: give one")
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
    from .train import Trainer

    try:
        trainer = Trainer(shape, n_classes, args.names, args.learning_rate)
    except ValueError as exc:  # an input too small for the network's strides and pooling
        raise UserError(f"--input-shape {' '.join(map(str, shape))}: {str(exc).splitlines()[0]}") from None
    print(f"ResNet50 ({args.names} names), input {shape}, {n_classes} classes", file=sys.stderr)
    try:
        if args.weights:
            n = load_keras_weights(trainer.sess, trainer.model.records, args.weights)
            print(f"loaded {n} arrays from {args.weights}", file=sys.stderr)
        if args.restore:
            meta = trainer.restore(args.restore)
            print(f"restored {args.restore} (step {meta['step']})", file=sys.stderr)
        if train is not None and args.epochs:
            fit(args, trainer, *train)
        loss, acc = trainer.evaluate(*test)
        print("Loss = " + str(loss))
        print("Test Accuracy = " + str(acc))
        if args.save:
            trainer.save(args.save, args.force)
            print(f"checkpoint saved to {args.save}", file=sys.stderr)
    finally:
        trainer.close()
    return 0


def fit(args, trainer, X, Y):
    """The epochs of model.fit, with resume checkpoints (tf1_cnn.resume): every --checkpoint-every
    epochs and on Ctrl-C, the variables, Adam's slots, the epoch's order and position, the
    running sums and numpy's generator; --resume continues bit for bit."""
    from .. import resume
    from ..signs.training import data_fingerprint
    from .train import progress_printer

    rng = np.random.RandomState(args.seed)
    if args.max_batches:  # a seeded sample, not the first (label-sorted) images of a folder
        keep = rng.permutation(X.shape[0])[:args.max_batches * args.batch_size]
        X, Y = X[keep], Y[keep]
    settings = {"seed": args.seed, "batch_size": args.batch_size, "learning_rate": args.learning_rate,
                "names": args.names, "max_batches": args.max_batches, "data": data_fingerprint(X, Y)}
    start, resume_at = 1, None
    if args.resume:
        state, arrays = resume.load(args.resume, "resnet50")
        resume.check_same(state, args.resume, **settings)
        resume.restore_variables(trainer.sess, trainer.saver, args.resume)
        resume.set_numpy_state(state["numpy"], rng)
        start = state["epoch"]
        if "order" in arrays:
            resume_at = {"order": arrays["order"], "batch": state["batch"], "sums": tuple(state["sums"])}

    def save(epoch, order=None, batch=0, sums=(0.0, 0.0, 0)):
        state = {"kind": "resnet50", **settings, "epoch": epoch, "batch": batch, "sums": list(sums),
                 "numpy": resume.numpy_state(rng)}
        return resume.save(resume.interrupted_path(args.checkpoint, "resnet50"), trainer.sess, trainer.saver,
                           state, {"order": order} if order is not None else None)

    def on_stop(order, batch, sums):
        raise resume.Interrupted(save(epoch, order, batch, sums))

    with resume.Interrupt() as stop:
        for epoch in range(start, args.epochs + 1):
            trainer.fit_epoch(X, Y, args.batch_size, rng, progress_printer(epoch, args.epochs),
                              resume_at if epoch == start else None, stop, on_stop)
            if args.checkpoint and args.checkpoint_every and epoch % args.checkpoint_every == 0:
                save(epoch + 1)  # the last one too: --resume with more --epochs continues the training


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
