"""``tf.contrib.training.HParams`` and ``parse_values``, as TF 1.15 defined them.

No maintained package carries them (TF 2 dropped ``contrib.training``; tensorboard's hparams plugin is
another API), so this module is the project's own, written from TF 1.15's documented behaviour
(``tensorflow/contrib/training/python/training/hparam.py``'s docstrings) and checked input by input
against real TF 1.15 (``tests/test_contrib_training.py``): the same values, the same types after a
cast, the same exception classes and messages.

Rules (TF 1.15's):
* a hyperparameter's type is fixed by its first value (a list's by its first element); a list
  hyperparameter cannot be empty and stays a list;
* a value is cast to that type only when it is "compatible": never a non-string to a string, a bool
  to or from anything else, a non-integer to an integer, or a non-number to a number;
* ``parse("a=1,b=[x,y],c[2]=5")``: comma-separated ``name=value``; a list in square brackets (its
  elements split on commas and spaces); ``name[i]=v`` an index assignment (a dict {i: v});
  bools accept true/True/false/False or an integer.

``to_proto`` / ``from_proto`` (``hparam_pb2.HParamDef``) are not provided: TF 2.21 has no
``HParamDef`` message, and a hand-made one would not be TF 1.15's descriptor.
"""
import json
import numbers
import re

# One `name=value` item of parse(): a name (letters, digits, '_' and '.'), an optional [index],
# then either a scalar (up to the next comma; a '[' ends it too) or a bracketed list; then the end
# of the string or a comma and any spaces. Anything else at that position is malformed.
_ITEM = re.compile(r"""
    (?P<name>[a-zA-Z][\w.]*)
    (?:\[\s*(?P<index>\d+)\s*\])?
    \s*=\s*
    (?:\[(?P<vals>[^\]]*)\]|(?P<val>[^,\[]*))
    (?:,\s*|$)
""", re.VERBOSE)
# TF 1.15 tried the scalar alternative first; a bracketed value never matches it (a scalar cannot
# start with '['), so the order above changes nothing but makes the list case explicit.


def _could_not_parse(name, var_type, value, values):
    raise ValueError("Could not parse hparam '%s' of type '%s' with value '%s' in %s"
                     % (name, var_type.__name__, value, values))


def _assigned_twice(name, values):
    raise ValueError("Multiple assignments to variable '%s' in %s" % (name, values))


def _converter(name, var_type, values):
    """The function that turns one value's text into ``var_type`` (bools: true/True/false/False or an int)."""
    if var_type is not bool:
        return var_type

    def to_bool(text):
        if text in ("true", "True"):
            return True
        if text in ("false", "False"):
            return False
        try:
            return bool(int(text))
        except ValueError:
            _could_not_parse(name, var_type, text, values)

    return to_bool


def parse_values(values, type_map, ignore_unknown=False):
    """TF 1.15's ``tf.contrib.training.parse_values``: "x=5,L=[1,2],arr[1]=3" -> {'x': 5, 'L': [1, 2], 'arr': {1: 3}}.

    ``type_map`` maps each name to its (element) type; a name missing from it is a ValueError
    unless ``ignore_unknown``. Assigning a name twice, a list to an index, or a name both whole and by
    index is a ValueError naming it.
    """
    result = {}
    pos = 0
    while pos < len(values):
        item = _ITEM.match(values, pos)
        if item is None:
            raise ValueError("Malformed hyperparameter value: %s" % values[pos:])
        pos = item.end()
        name = item.group("name")
        if name not in type_map:
            if ignore_unknown:
                continue
            raise ValueError("Unknown hyperparameter type for %s" % name)
        var_type = type_map[name]
        convert = _converter(name, var_type, values)
        index, text, texts = item.group("index"), item.group("val"), item.group("vals")
        if texts is not None:
            if index is not None:
                raise ValueError("Assignment of a list to a list index.")
            if name in result:
                _assigned_twice(name, values)
            try:
                result[name] = [convert(t) for t in re.split("[ ,]", texts) if t]
            except ValueError:
                _could_not_parse(name, var_type, texts, values)
            continue
        try:
            value = convert(text)
        except ValueError:
            _could_not_parse(name, var_type, text, values)
        if index is None:
            if name in result:
                _assigned_twice(name, values)
            result[name] = value
            continue
        by_index = result.setdefault(name, {})
        if not isinstance(by_index, dict):
            _assigned_twice(name, values)
        if int(index) in by_index:
            _assigned_twice("%s[%d]" % (name, int(index)), values)
        by_index[int(index)] = value
    return result


def _cast(name, param_type, value):
    """``value`` as ``param_type`` when TF 1.15 allowed the cast, else its ValueError."""
    if type(value) == param_type or issubclass(param_type, type(None)):  # None-typed: anything goes
        return value
    text_types = (str, bytes)
    refused = (
        issubclass(param_type, text_types) and not isinstance(value, text_types),
        issubclass(param_type, bool) != isinstance(value, bool),
        issubclass(param_type, numbers.Integral) and not isinstance(value, numbers.Integral),
        issubclass(param_type, numbers.Number) and not isinstance(value, numbers.Number),
    )
    if any(refused):
        raise ValueError("Could not cast hparam '%s' of type '%s' from value %r" % (name, param_type, value))
    return param_type(value)


class HParams(object):
    """TF 1.15's ``tf.contrib.training.HParams``: named hyperparameters as attributes, typed by their first value."""

    # pytype's marker TF 1.15 set (some code checks for it)
    _HAS_DYNAMIC_ATTRIBUTES = True

    def __init__(self, hparam_def=None, model_structure=None, **kwargs):
        self._hparam_types = {}
        self._model_structure = model_structure
        if hparam_def:
            raise NotImplementedError("HParams(hparam_def=...): TF 1.15's HParamDef protocol buffer is not "
                                      "provided on TensorFlow 2.21; pass the values as keyword arguments")
        for name, value in kwargs.items():
            self.add_hparam(name, value)

    def add_hparam(self, name, value):
        """Adds ``name`` with ``value`` (int, float, str, bool or a non-empty list of one of them)."""
        if getattr(self, name, None) is not None:  # a method's or attribute's name
            raise ValueError("Hyperparameter name is reserved: %s" % name)
        if isinstance(value, (list, tuple)):
            if not value:
                raise ValueError("Multi-valued hyperparameters cannot be empty: %s" % name)
            self._hparam_types[name] = (type(value[0]), True)
        else:
            self._hparam_types[name] = (type(value), False)
        setattr(self, name, value)

    def set_hparam(self, name, value):
        """Sets an existing hyperparameter (KeyError if there is none), cast to its type (ValueError if not castable)."""
        param_type, is_list = self._hparam_types[name]
        if isinstance(value, list):
            if not is_list:
                raise ValueError("Must not pass a list for single-valued parameter: %s" % name)
            setattr(self, name, [_cast(name, param_type, v) for v in value])
        else:
            if is_list:
                raise ValueError("Must pass a list for multi-valued parameter: %s." % name)
            setattr(self, name, _cast(name, param_type, value))

    def del_hparam(self, name):
        """Removes ``name``; nothing if it is not there."""
        if hasattr(self, name):
            delattr(self, name)
            del self._hparam_types[name]

    def parse(self, values):
        """Overrides values from a "name=value,..." string (see ``parse_values``); returns self."""
        type_map = {name: param_type for name, (param_type, _) in self._hparam_types.items()}
        return self.override_from_dict(parse_values(values, type_map))

    def override_from_dict(self, values_dict):
        """Sets each name of ``values_dict`` with ``set_hparam``; returns self."""
        for name, value in values_dict.items():
            self.set_hparam(name, value)
        return self

    def set_from_map(self, values_map):
        """DEPRECATED in TF 1.15 (use override_from_dict); the same."""
        return self.override_from_dict(values_map)

    def set_model_structure(self, model_structure):
        self._model_structure = model_structure

    def get_model_structure(self):
        return self._model_structure

    def to_json(self, indent=None, separators=None, sort_keys=False):
        """The values as JSON (a value JSON cannot hold, a function say, is json's TypeError, as in TF 1.15)."""
        return json.dumps(self.values(), indent=indent, separators=separators, sort_keys=sort_keys)

    def parse_json(self, values_json):
        """Overrides values from a JSON object; returns self."""
        return self.override_from_dict(json.loads(values_json))

    def values(self):
        """{name: value} of every hyperparameter."""
        return {name: getattr(self, name) for name in self._hparam_types}

    def get(self, key, default=None):
        """The value of ``key`` if it exists, else ``default``; a default that could not be cast to its type is a ValueError."""
        if key not in self._hparam_types:
            return default
        if default is not None:
            param_type, is_list = self._hparam_types[key]
            shown = "list<%s>" % param_type if is_list else str(param_type)
            message = "Hparam '%s' of type '%s' is incompatible with default=%s" % (key, shown, default)
            if is_list != isinstance(default, list):
                raise ValueError(message)
            try:
                for value in (default if is_list else [default]):
                    _cast(key, param_type, value)
            except ValueError as e:
                raise ValueError("%s. %s" % (message, e))
        return getattr(self, key)

    def to_proto(self, export_scope=None):
        raise NotImplementedError("HParams.to_proto: TF 1.15's HParamDef protocol buffer is not provided on "
                                  "TensorFlow 2.21; use to_json()")

    @staticmethod
    def from_proto(hparam_def, import_scope=None):
        raise NotImplementedError("HParams.from_proto: TF 1.15's HParamDef protocol buffer is not provided on "
                                  "TensorFlow 2.21; use parse_json()")

    def __contains__(self, key):
        return key in self._hparam_types

    def __str__(self):
        return ",".join("{}={}".format(name, value) for name, value in self.values().items())

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, sorted(self.values().items()))
