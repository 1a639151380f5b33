"""User-facing errors.

Every problem a user can cause (a missing file, a wrong shape, a bad flag) is
raised as :class:`UserError` (or :class:`ValueError` for the numpy API, as the
course's functions would) with a message naming the file, key, shape or flag
at fault. The command-line entry points catch ``UserError`` and print one line
to stderr with exit status 2, so a user never sees a TensorFlow traceback for
bad input.
"""


class UserError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""

    exit_status = 2


class DataNotFound(UserError, FileNotFoundError):
    """A data file the runtime would have downloaded (it never does): the message names where to put it."""


def check_minimums(args, **minimums):
    """UserError for the first ``--flag`` in ``args`` below its minimum (None means not given)."""
    for flag, minimum in minimums.items():
        value = getattr(args, flag)
        if value is not None and value < minimum:
            raise UserError(f"--{flag.replace('_', '-')} must be >= {minimum}, got {value}")


def default_sigterm():
    """SIGTERM back to the operating system's default action: the process ends at once.

    ``run_cli`` turns SIGTERM into ``sys.exit`` so the project's own commands remove their
    temporary files; but a Python handler only runs between bytecodes of the main thread, never
    while it is blocked in C++ (a parameter server in ``server.join()``, a long ``Session.run``).
    ``legacy`` calls this before the user's code: SIGTERM then ends it as it ends ``python
    SCRIPT`` (Kubernetes, TFJob and Slurm stop tasks with SIGTERM). A script that installs its
    own handler still gets it.
    """
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run_cli(main, argv=None):
    """Run ``main(argv)`` and turn a :class:`UserError` into a one-line error.

    Returns the process exit status (0, main's own status, or 2).
    """
    import signal
    import sys

    # SIGTERM ends the run like Ctrl-C, through Python: temporary files and folders are removed
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    try:
        status = main(argv)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
    except BrokenPipeError:  # output piped into `head`: not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a trainer saved its state on Ctrl-C (tf1_cnn.resume.Interrupted)
        if type(exc).__name__ != "Interrupted":
            raise
        print(exc, file=sys.stderr)
        return 130
    return 0 if status is None else status
