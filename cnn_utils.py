"""The course's ``cnn_utils`` module: ``import cnn_utils`` from the repository root.

The code lives once, in the ``tf1_cnn`` package; this module only gathers the
names the course's notebooks use.
"""
from tf1_cnn.conv_numpy import conv_backward, conv_forward, conv_single_step  # noqa: F401
from tf1_cnn.conv_numpy import create_mask_from_window, distribute_value  # noqa: F401
from tf1_cnn.conv_numpy import pool_backward, pool_forward, zero_pad  # noqa: F401
from tf1_cnn.signs.helpers import convert_to_one_hot, load_dataset, predict, random_mini_batches  # noqa: F401
