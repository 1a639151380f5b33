"""The course's ``tf_utils`` module: ``import tf_utils`` from the repository root.

The code lives once, in ``tf1_cnn.signs``; this module gathers the names the
course's notebooks use.
"""
from tf1_cnn.signs.helpers import convert_to_one_hot, load_dataset, predict, random_mini_batches  # noqa: F401
