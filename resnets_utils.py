"""The course's ``resnets_utils`` module (week 2, "Residual Networks"): ``from resnets_utils import *``.

The course's module imported ``tensorflow as tf`` (and numpy, h5py, math) at its top, and
its notebook uses ``tf`` without importing it; ``import *`` gave the notebook those names,
so they are exported here too. The helpers live once, in ``tf1_cnn.signs.helpers``.
"""
import math  # noqa: F401

import h5py  # noqa: F401
import numpy as np  # noqa: F401
import tensorflow as tf  # noqa: F401

from tf1_cnn.signs.helpers import convert_to_one_hot, load_dataset, predict, random_mini_batches  # noqa: F401
