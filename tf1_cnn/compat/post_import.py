"""Post-import hooks: run a fix-up when a library is first imported, not at start-up.

The runtime mends tf_keras and tf_slim in a few places (TF 1.x's op structures, Keras 2's
names and printing). Importing them at ``install()`` would cost every ``legacy`` run about a
second, also the runs of raw ``tf.nn`` scripts that never touch Keras or slim.
``when_imported(name, hook)`` runs ``hook(module)`` right after ``import name`` has executed the
module (at once if it already has); later imports find the mended module in ``sys.modules``.
"""
import importlib.abc
import importlib.machinery
import sys

_hooks = {}  # module name -> [hook, ...] not yet run


def when_imported(name, hook):
    """Call ``hook(module)`` once ``name`` is imported (now, if it is already)."""
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__spec__", None) is not None and not _initializing(module):
        hook(module)
        return
    _hooks.setdefault(name, []).append(hook)
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def _initializing(module):
    return bool(getattr(module.__spec__, "_initializing", False))


class _Finder(importlib.abc.MetaPathFinder):
    """Finds what the other finders find, and wraps the loader of a hooked module."""

    def find_spec(self, name, path=None, target=None):
        if name not in _hooks:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _HookedLoader(spec.loader)
                return spec
        return None


class _HookedLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        for hook in _hooks.pop(module.__name__, ()):
            hook(module)

    def __getattr__(self, attr):  # get_source, is_package, ... of the wrapped loader
        return getattr(self._loader, attr)


_FINDER = _Finder()
