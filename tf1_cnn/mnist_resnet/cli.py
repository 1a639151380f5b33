"""``python -m tf1_cnn mnist-resnet``: train seed 004's residual network on MNIST-format data.

Prints ``step %d, training accuracy %g`` every 100 steps as seed 004 does (the
accuracy of that step's batch with keep_prob 1.0, measured before the step),
then the test-set accuracy, evaluated in batches so memory stays flat, and the
elapsed time. ``--data-dir`` holds the four MNIST IDX gzip files (Fashion-MNIST
works the same: /usr/share/datasets/fashion-mnist from Debian's package).
"""
import argparse
import sys
import time


from ..errors import check_minimums


def add_parser(sub):
    p = sub.add_parser("mnist-resnet", help="seed 004's MNIST ResNet (raw tf.nn ops)", description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", required=True, metavar="DIR", help="folder with the four MNIST .gz files")
    p.add_argument("--steps", type=int, default=2000, help="training steps (default 2000, as seed 004)")
    p.add_argument("--batch-size", type=int, default=10, help="default 10, as seed 004")
    p.add_argument("--seed", type=int, default=0,
                   help="graph seed (tf.set_random_seed) and numpy seed of the batch order (default 0)")
    p.add_argument("--validation-size", type=int, default=5000,
                   help="training examples held out as the validation set (default 5000, as read_data_sets)")
    p.add_argument("--eval-batch", type=int, default=500, help="test examples per evaluation batch (default 500)")
    p.add_argument("--save", metavar="DIR", help="save the trained variables as a checkpoint folder")
    p.add_argument("--force", action="store_true", help="allow --save to replace an existing checkpoint")
    p.set_defaults(func=main)
    return p


def train(data_dir, steps=2000, batch_size=10, seed=0, eval_batch=500, log=print, save=None, force=False,
          validation_size=5000):
    """Train and evaluate; returns (test accuracy, [(step, training accuracy)], seconds)."""
    import tensorflow as tf

    from ..input_data import read_data_sets
    from .network import build

    v1 = tf.compat.v1
    t0 = time.perf_counter()
    g = tf.Graph()
    with g.as_default():
        v1.set_random_seed(seed)  # before read_data_sets: its DataSets seed numpy from it, as TF 1.x did
        mnist = read_data_sets(data_dir, one_hot=True, seed=seed, validation_size=validation_size)
        net = build()
        saver = v1.train.Saver() if save else None
        history = []
        with v1.Session(graph=g) as sess:
            sess.run(v1.global_variables_initializer())
            for i in range(steps):
                batch = mnist.train.next_batch(batch_size)
                if i % 100 == 0:
                    train_accuracy = sess.run(net.accuracy, {net.x: batch[0], net.y: batch[1], net.keep_prob: 1.0})
                    history.append((i, float(train_accuracy)))
                    log("step %d, training accuracy %g" % (i, train_accuracy))
                sess.run(net.train_step, {net.x: batch[0], net.y: batch[1], net.keep_prob: 0.5})
            correct = 0.0
            test = mnist.test
            for b in range(0, test.num_examples, eval_batch):
                correct += sess.run(net.correct_count, {net.x: test.images[b:b + eval_batch],
                                                        net.y: test.labels[b:b + eval_batch], net.keep_prob: 1.0})
            if save:
                from ..fileio import atomic_dir

                with atomic_dir(save, force) as tmp:
                    saver.save(sess, str(tmp / "model.ckpt"), write_meta_graph=False)
    return correct / test.num_examples, history, time.perf_counter() - t0


def main(args):
    check_minimums(args, steps=0, batch_size=1, eval_batch=1)
    if args.save:
        from ..fileio import check_writable

        check_writable(args.save, args.force)
    acc, _, seconds = train(args.data_dir, args.steps, args.batch_size, args.seed, args.eval_batch,
                            log=lambda s: print(s, flush=True), save=args.save, force=args.force,
                            validation_size=args.validation_size)
    print("test accuracy %g" % acc)
    print(f"elapsed {seconds:.1f}s", file=sys.stderr)
    return 0
