#!/usr/bin/env python
"""Train and evaluate the course's SIGNS ConvNet in TF1 graph mode. ``--help`` for the options."""
import os
import sys

# TensorFlow's C++ log lines hidden (fatal only) unless --verbose; see tf1_cnn/console.py
if "--verbose" not in sys.argv:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from tf1_cnn.signs.cli import run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run())
