"""era/module_getattr.py: chained module __getattr__ links, each kind once wherever it sits in the chain."""
import types

import pytest

from tf1_cnn.compat.era import module_getattr


def _table(**names):
    return lambda attr: names.get(attr, module_getattr.MISSING)


def test_links_chain_and_each_kind_installs_once():
    module = types.ModuleType("m")
    module.__getattr__ = lambda attr: f"own {attr}" if attr == "own" else (_ for _ in ()).throw(AttributeError(attr))
    assert module_getattr.chain(module, "a", _table(x=1))
    assert module_getattr.chain(module, "b", _table(y=2, x=99))
    assert not module_getattr.chain(module, "a", _table(z=3))  # "a" is already below "b"
    assert (module.x, module.y, module.own) == (99, 2, "own own")  # the newest link first, the module's own last
    assert module_getattr.chained(module, "a") and module_getattr.chained(module, "b")
    assert not module_getattr.chained(module, "c")
    with pytest.raises(AttributeError):
        module.z


def test_without_an_earlier_getattr_a_missing_name_is_python_s_error():
    module = types.ModuleType("m")
    module_getattr.chain(module, "a", _table())
    with pytest.raises(AttributeError, match="module 'm' has no attribute 'q'"):
        module.q
