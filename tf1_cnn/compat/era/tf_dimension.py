"""``tf.Dimension`` of a number as TF 1.x built it: ``int(value)``, refused only when ambiguous.

TF 1.3.0 through 1.15.5 made a Dimension of any value ``int()`` takes, refusing a number whose ``int``
differs ("Ambiguous dimension: 2.5"): ``Dimension(3.0)`` is ``Dimension(3)``, so shapes written with floats
worked (Edward 1.3's ``tf.zeros([1e4] + z.batch_shape.as_list())``: a 10000-row ``Const``).
TensorFlow 2.21 takes only ints, None, Dimensions and objects with ``__index__`` ("Dimension value must be
integer or None or have an __index__ method"), so ``TensorShape([1e4])``, and ``tf.zeros([1e4])`` with
it, fail. Under ``legacy`` ``Dimension.__init__`` first turns such a value into the int TF 1.x made of it
(checked against TF 1.4.1 and 1.15.5: floats, NumPy numbers, strings, bools), then runs TF 2.21's own
``__init__``; ints, None and Dimensions go straight through. A value ``int()`` refuses raises its
TypeError, as in TF 1.x.
"""

_MARK = "_tf1_cnn_tf1_dimension"


def tf1_int(value):
    """The int TF 1.x's ``Dimension(value)`` held: ``int(value)`` (its TypeError, ValueError for what it refuses).

    Raises ValueError "Ambiguous dimension: <value>" as TF 1.x did for a number that is not whole.
    """
    whole = int(value)
    if not isinstance(value, (str, bytes)) and whole != value:
        raise ValueError("Ambiguous dimension: %s" % value)
    return whole


def install():
    """Wrap ``tensor_shape.Dimension.__init__`` (idempotent)."""
    from tensorflow.python.framework import tensor_shape

    init = tensor_shape.Dimension.__init__
    if getattr(init, _MARK, False):
        return
    dimension = tensor_shape.Dimension

    def __init__(self, value):
        if value is not None and type(value) is not int and not isinstance(value, dimension):
            value = tf1_int(value)  # a bool too: TF 1.x held int(True), 2.21 would keep True
        init(self, value)

    __init__.__doc__ = init.__doc__
    setattr(__init__, _MARK, True)
    dimension.__init__ = __init__
