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
    p.add_argument("--checkpoint", metavar="DIR", help="resume checkpoint folder, written every --checkpoint-every "
                   "steps and on Ctrl-C (without it, Ctrl-C saves to mnist-resnet-interrupted-TIME)")
    p.add_argument("--checkpoint-every", type=int, metavar="N", help="write --checkpoint every N steps")
    p.add_argument("--resume", metavar="DIR", help="continue the run saved in DIR (same data and flags): "
                   "ends bit for bit as the uninterrupted run")
    p.set_defaults(func=main)
    return p


def _dropout_draw(graph):
    """The dropout's random draw, the shape tensor it draws for, and its width (1024)."""
    draws = [op for op in graph.get_operations() if op.type == "RandomUniform" and "dropout" in op.name]
    if len(draws) != 1:
        raise RuntimeError(f"expected one dropout draw in seed 004's graph, found {len(draws)}")
    shape = draws[0].inputs[0]  # Shape(h_fc1): (batch, 1024)
    return draws[0].outputs[0], shape, int(shape.op.inputs[0].shape[1])


def train(data_dir, steps=2000, batch_size=10, seed=0, eval_batch=500, log=print, save=None, force=False,
          validation_size=5000, checkpoint=None, checkpoint_every=None, resume_from=None):
    """Train and evaluate; returns (test accuracy, [(step, training accuracy)], seconds).

    ``checkpoint`` is written every ``checkpoint_every`` steps and on Ctrl-C; ``resume_from``
    continues such a run bit for bit: variables and Adam's slots (the Saver), the batch order
    (the training DataSet's row order and position, numpy's generator), and the dropout's
    random stream. That stream lives in its op's kernel, not in a variable, so a resumed
    session replays it: one draw of the same shape per earlier execution (each training
    step, each accuracy print), which leaves the kernel exactly where the interrupted one was.
    """
    import numpy as np
    import tensorflow as tf

    from .. import resume
    from ..errors import UserError
    from ..input_data import read_data_sets
    from .network import build

    v1 = tf.compat.v1
    t0 = time.perf_counter()
    g = tf.Graph()
    settings = {"seed": seed, "batch_size": batch_size, "validation_size": validation_size}
    with g.as_default():
        v1.set_random_seed(seed)  # before read_data_sets: its DataSets seed numpy from it, as TF 1.x did
        mnist = read_data_sets(data_dir, one_hot=True, seed=seed, validation_size=validation_size)
        if steps and mnist.train.num_examples == 0:
            raise UserError(f"--validation-size {validation_size} leaves no training examples "
                            f"(the training file holds {validation_size})")
        if mnist.train.images.shape[1] != 784:
            raise UserError(f"{data_dir}: images are {mnist.train.images.shape[1]} pixels; seed 004's network takes "
                            f"28x28 = 784")
        settings["data"] = [mnist.train.num_examples, mnist.test.num_examples]
        net = build()
        draw, draw_shape, width = _dropout_draw(g)
        saver = v1.train.Saver(max_to_keep=1)
        history, start, draws = [], 0, 0
        with v1.Session(graph=g) as sess, resume.Interrupt() as stop:
            sess.run(v1.global_variables_initializer())
            if resume_from:
                state, arrays = resume.load(resume_from, "mnist-resnet")
                resume.check_same(state, resume_from, **settings)
                resume.restore_variables(sess, saver, resume_from)
                mnist.train.set_state(arrays["train_order"], state["train_counters"])
                resume.set_numpy_state(state["numpy"])
                history, start, draws = [tuple(h) for h in state["history"]], state["step"], state["draws"]
                for _ in range(draws):  # replay the dropout's random stream (see the docstring)
                    sess.run(draw, {draw_shape: np.array([batch_size, width], np.int32)})

            def save_state(step):
                order, counters = mnist.train.get_state()
                state = {"kind": "mnist-resnet", **settings, "step": step, "draws": draws, "history": history,
                         "train_counters": counters, "numpy": resume.numpy_state()}
                return resume.save(resume.interrupted_path(checkpoint, "mnist-resnet"), sess, saver, state,
                                   {"train_order": order})

            for i in range(start, steps):
                if stop.requested:
                    raise resume.Interrupted(save_state(i))
                batch = mnist.train.next_batch(batch_size)
                if i % 100 == 0:
                    train_accuracy = sess.run(net.accuracy, {net.x: batch[0], net.y: batch[1], net.keep_prob: 1.0})
                    draws += 1
                    history.append((i, float(train_accuracy)))
                    log("step %d, training accuracy %g" % (i, train_accuracy))
                sess.run(net.train_step, {net.x: batch[0], net.y: batch[1], net.keep_prob: 0.5})
                draws += 1
                if checkpoint and checkpoint_every and (i + 1) % checkpoint_every == 0:
                    save_state(i + 1)  # the last one too: --resume with more --steps continues
            correct = 0.0
            test = mnist.test
            for b in range(0, test.num_examples, eval_batch):
                correct += sess.run(net.correct_count, {net.x: test.images[b:b + eval_batch],
                                                        net.y: test.labels[b:b + eval_batch], net.keep_prob: 1.0})
            if save:
                from ..fileio import atomic_dir

                with atomic_dir(save, force) as tmp:
                    resume.save_variables(sess, saver, tmp)
                    (tmp / "meta.json").write_text('{"kind": "mnist-resnet"}\n')
    return correct / test.num_examples, history, time.perf_counter() - t0


def main(args):
    from .. import resume
    from ..errors import UserError

    check_minimums(args, steps=0, batch_size=1, eval_batch=1, checkpoint_every=1)
    if not 0 <= args.seed < 2**63:
        raise UserError(f"--seed must be between 0 and 2**63 - 1, got {args.seed}")
    resume.check_flags(args, save_marker="meta.json")
    acc, _, seconds = train(args.data_dir, args.steps, args.batch_size, args.seed, args.eval_batch,
                            log=lambda s: print(s, flush=True), save=args.save, force=args.force,
                            validation_size=args.validation_size, checkpoint=args.checkpoint,
                            checkpoint_every=args.checkpoint_every, resume_from=args.resume)
    print("test accuracy %g" % acc)
    print(f"elapsed {seconds:.1f}s", file=sys.stderr)
    return 0
