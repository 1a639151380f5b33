"""The one way op_structure's modules wrap a library function: once per process, the original kept."""


def wrap(owner, attr, wrapper):
    """``owner.attr = wrapper(owner.attr)``, once (the wrapped function keeps the original). True when wrapped now."""
    current = getattr(owner, attr)
    if hasattr(current, "_tf1_cnn_original"):
        return False
    setattr(owner, attr, wrapper(current))
    return True
