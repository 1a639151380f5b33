"""The SIGNS hand-sign data and the course's ConvNet (section B).

Course names: ``create_placeholders``, ``initialize_parameters``,
``forward_propagation``, ``compute_cost``, ``model``; helpers
``load_dataset``, ``random_mini_batches``, ``convert_to_one_hot``, ``predict``.
"""
from .convnet import compute_cost, create_placeholders, forward_propagation, initialize_parameters  # noqa: F401
from .helpers import convert_to_one_hot, load_dataset, predict, random_mini_batches  # noqa: F401
from .training import model  # noqa: F401
