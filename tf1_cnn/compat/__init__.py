"""TF1 compatibility: the ``tf1`` facade and (for unmodified scripts) ``install()``.

``from tf1_cnn.compat import tf1 as tf`` patches nothing global. Build graphs
inside ``with tf.Graph().as_default():`` (as the project's own code does), or
call ``install()`` first to switch the whole process to TF1 graph mode.
"""
from .facade import tf1  # noqa: F401
from .install import install  # noqa: F401
from .initializers import xavier_initializer  # noqa: F401
from .layers import dense, flatten, fully_connected  # noqa: F401
