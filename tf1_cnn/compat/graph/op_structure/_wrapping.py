"""The one way op_structure's modules wrap a library function: once per process, the original kept."""


def wrap(owner, attr, wrapper):
    """``owner.attr = wrapper(owner.attr)``, once (the wrapped function keeps the original). True when wrapped now."""
    current = getattr(owner, attr)
    if hasattr(current, "_tf1_cnn_original"):
        return False
    setattr(owner, attr, wrapper(current))
    return True


def wrap_exported(owner, attr, wrapper, exports):
    """``wrap(owner, attr, wrapper)``, and the same new function wherever ``exports`` (modules) hold the original:
    the public API modules keep their own reference to a library function. True when wrapped now."""
    current = getattr(owner, attr)
    if not wrap(owner, attr, wrapper):
        return False
    for module in exports:
        if getattr(module, attr, None) is current:
            setattr(module, attr, getattr(owner, attr))
    return True
