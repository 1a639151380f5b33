"""The SIGNS hand-sign data and the course's ConvNet (section B).

Course names: ``create_placeholders``, ``initialize_parameters``,
``forward_propagation``, ``compute_cost``, ``model``; helpers
``load_dataset``, ``random_mini_batches``, ``convert_to_one_hot``, ``predict``.
"""
from ..lazy import lazy_exports

__getattr__ = lazy_exports(__name__, {
    **dict.fromkeys(("compute_cost", "create_placeholders", "forward_propagation", "initialize_parameters"), "convnet"),
    **dict.fromkeys(("convert_to_one_hot", "load_dataset", "predict", "random_mini_batches"), "helpers"),
    "model": "training"})
