"""``python -m tf1_cnn kernel install|list|remove``: the "TensorFlow 1.x (tf1-cnn)" Jupyter kernel.

``install [--user | --sys-prefix | --prefix P] [--name tf1] [--tf1-version V] [--seed-rule R]``
writes ipykernel's kernelspec for a kernel that runs every cell on the TF1 runtime
(``legacy``'s: graph mode, TF 1.x's seed rule and op structures, Keras 2 under
``import keras``), installed before the first cell. Jupyter, JupyterLab, nbconvert
(``--ExecutePreprocessor.kernel_name=tf1``) and nbval (``--nbval-kernel-name tf1``) then
offer it. Default ``--user``. A ``--prefix P`` install is found by Jupyter with
``JUPYTER_PATH=P/share/jupyter``. In a kernel of another kind, ``%load_ext tf1_cnn``
as the first cell does the same; ``%tf1_report`` prints the migration report by In [N].

``list``: this project's installed kernels. ``remove NAME``: remove one (only a tf1-cnn kernel).
"""
import argparse

from ..compat.settings import DEFAULTS, NUMPY_PRINTS, SEED_RULES, TF1_VERSIONS


def add_parser(sub):
    p = sub.add_parser("kernel", help="install, list or remove the TF1 Jupyter kernel",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    inst = actions.add_parser("install", help="install the kernelspec")
    where = inst.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="for this user (the default)")
    where.add_argument("--sys-prefix", action="store_true", help="into this Python's prefix (a venv's)")
    where.add_argument("--prefix", metavar="P", help="into P/share/jupyter/kernels")
    inst.add_argument("--name", default="tf1", help="the kernel's name (default tf1)")
    inst.add_argument("--seed-rule", choices=tuple(SEED_RULES), default=DEFAULTS["seed_rule"],
                      help=f"op-seed rule (default {DEFAULTS['seed_rule']})")
    inst.add_argument("--tf1-version", choices=tuple(TF1_VERSIONS), default=DEFAULTS["tf1_version"],
                      help=f"whose TF 1.x op structures (default {DEFAULTS['tf1_version']})")
    inst.add_argument("--numpy-print", choices=NUMPY_PRINTS, default=DEFAULTS["numpy_print"],
                      help="how NumPy prints (default auto: as NumPy 1.13 under TF 1.3/1.4, 1.16 under 1.15)")
    inst.add_argument("--force", action="store_true", help="replace another kernel of that name")
    lst = actions.add_parser("list", help="list the installed tf1-cnn kernels")
    lst.add_argument("--prefix", metavar="P", help="look in P/share/jupyter/kernels too")
    rm = actions.add_parser("remove", help="remove a tf1-cnn kernel")
    rm.add_argument("name", metavar="NAME")
    rm.add_argument("--prefix", metavar="P", help="look in P/share/jupyter/kernels too")
    p.set_defaults(func=main, needs_tensorflow=False)
    return p


def main(args):
    import sys

    from . import spec

    if args.action == "install":
        prefix = sys.prefix if args.sys_prefix else args.prefix
        dest = spec.install(args.name, user=not prefix, prefix=prefix, seed_rule=args.seed_rule,
                            tf1_version=args.tf1_version, force=args.force, numpy_print=args.numpy_print)
        print(f"installed kernel {args.name!r} ({spec.display_name(args.seed_rule, args.tf1_version)}) in {dest}")
        if args.prefix:
            print(f"Jupyter finds it with JUPYTER_PATH={spec.kernels_dir(prefix=args.prefix).parent}")
        return 0
    if args.action == "list":
        kernels = spec.list_kernels(args.prefix)
        if not kernels:
            print("no tf1-cnn kernel installed (python -m tf1_cnn kernel install)")
        for name, folder, info in kernels:
            settings = info.get("metadata", {}).get("tf1_cnn", {})
            print(f"{name:<12} {info.get('display_name', ''):<32} seed rule {settings.get('seed_rule', '?')}, "
                  f"TF {settings.get('tf1_version', '?')}  {folder}")
        return 0
    folder = spec.remove(args.name, args.prefix)
    print(f"removed kernel {args.name!r} ({folder})")
    return 0
