"""Real TF 1.x as the oracle: virtual environments with TensorFlow 1.x from PyPI (``envs.py``)."""
