"""``tf.app.flags`` / ``tf.flags`` / ``tf.app.run`` as the selected TF 1.x version had them.

TF 1.2 - 1.4 (``--tf1-version 1.3`` / ``1.4``) defined flags on one ``argparse`` parser
(``tensorflow/python/platform/flags.py`` of 1.4.1, read in the tf1.4 oracle):
- ``FLAGS`` parses ``sys.argv`` on its first attribute read (``parse_known_args``: unknown
  arguments pass through to ``tf.app.run``'s ``main(argv)``), or on ``FLAGS._parse_flags(args)``;
- ``FLAGS.__flags`` is the plain dict name -> value (scripts print their settings from it);
- a default is kept as given, of any type (argparse converts only string defaults), so
  ``DEFINE_integer('batch_size', np.power(2, 9), ...)`` is fine; booleans take ``--x``,
  ``--x=false`` and ``--nox``;
- only ``DEFINE_string / integer / float / boolean / bool`` existed (and, from 1.4,
  ``mark_flag_as_required(s)``).
absl's flags (TF 1.5 - 1.15, ``--tf1-version 1.15``) are ``tf.compat.v1.flags`` as they are.
No library carries the argparse version: this module mirrors its behaviour (not its code).
"""
import argparse
import sys
import types

from . import settings

# absl names TF 1.5+ added: under 1.3 / 1.4 they raise with a pointer to --tf1-version 1.15
_ABSL_ONLY = ("DEFINE_enum", "DEFINE_list", "DEFINE_multi_string", "DEFINE_multi_integer", "DEFINE_multi_float",
              "DEFINE_multi_enum", "DEFINE_spaceseplist", "DEFINE_flag", "DEFINE", "flag_values_dict")


class FlagValues:
    """TF 1.2 - 1.4's ``_FlagValues``: values in ``self.__dict__['__flags']``, parsed on first use."""

    def __init__(self, parser, check_required):
        self.__dict__["__flags"] = {}
        self.__dict__["__parsed"] = False
        self.__dict__["__required_flags"] = set()
        self.__dict__["_parser"] = parser
        self.__dict__["_check_required"] = check_required

    def _parse_flags(self, args=None):
        """Parse ``args`` (default ``sys.argv[1:]``); returns the arguments no flag took."""
        result, unparsed = self.__dict__["_parser"].parse_known_args(args=args)
        self.__dict__["__flags"].update(vars(result))
        self.__dict__["__parsed"] = True
        if self.__dict__["_check_required"]:
            for name in self.__dict__["__required_flags"]:
                self._assert_required(name)
        return unparsed

    def __getattr__(self, name):
        try:
            parsed = self.__dict__["__parsed"]
        except KeyError:  # during copy / pickle
            raise AttributeError(name) from None
        if not parsed:
            self._parse_flags()
        if name not in self.__dict__["__flags"]:
            if name in _ABSL_ONLY:
                raise AttributeError(_absl_only(f"FLAGS.{name}"))
            raise AttributeError(name)
        return self.__dict__["__flags"][name]

    def __setattr__(self, name, value):
        if not self.__dict__["__parsed"]:
            self._parse_flags()
        self.__dict__["__flags"][name] = value
        if self.__dict__["_check_required"]:
            self._assert_required(name)

    def _add_required_flag(self, name):
        self.__dict__["__required_flags"].add(name)

    def _assert_required(self, name):
        if self.__dict__["__flags"].get(name) is None:
            raise AttributeError(f"Flag --{name} must be specified.")


def _absl_only(name):
    return (f"tf.flags.{name}: TF {settings.current('tf1_version')}'s argparse-based flags had no {name.split('.')[-1]} "
            f"(absl's flags came with TF 1.5); run with --tf1-version 1.15")


def _str2bool(value):
    return value.lower() in ("true", "t", "1")


def argparse_flags(version):
    """A fresh ``tf.flags`` module of TF 1.2 - 1.4 (``version`` "1.3" or "1.4")."""
    parser = argparse.ArgumentParser()
    FLAGS = FlagValues(parser, check_required=version != "1.3")

    def define(type_):
        def DEFINE(flag_name, default_value, docstring):
            parser.add_argument("--" + flag_name, default=default_value, help=docstring, type=type_)

        return DEFINE

    def DEFINE_boolean(flag_name, default_value, docstring):
        parser.add_argument("--" + flag_name, nargs="?", const=True, help=docstring, default=default_value,
                            type=_str2bool)
        parser.add_argument("--no" + flag_name, action="store_false", dest=flag_name.replace("-", "_"))

    module = _FlagsModule("tf.flags")
    module.__dict__.update(FLAGS=FLAGS, DEFINE_string=define(str), DEFINE_integer=define(int),
                           DEFINE_float=define(float), DEFINE_boolean=DEFINE_boolean, DEFINE_bool=DEFINE_boolean)
    if version != "1.3":  # added in TF 1.4
        def mark_flag_as_required(flag_name):
            if parser.get_default(flag_name) is not None:
                print(f"WARNING:tensorflow:Flag {flag_name} has a non-None default value; therefore, "
                      f"mark_flag_as_required will pass even if flag is not specified in the command line!",
                      file=sys.stderr)
            FLAGS._add_required_flag(flag_name)

        def mark_flags_as_required(flag_names):
            for name in flag_names:
                mark_flag_as_required(name)

        module.__dict__.update(mark_flag_as_required=mark_flag_as_required,
                               mark_flags_as_required=mark_flags_as_required)
    return module


class _FlagsModule(types.ModuleType):
    def __getattr__(self, name):
        if name in _ABSL_ONLY or name.startswith("DEFINE_") or name.startswith("mark_"):
            raise AttributeError(_absl_only(name))
        raise AttributeError(f"module 'tf.flags' has no attribute {name!r}")


def app_module(flags):
    """``tf.app`` of TF 1.2 - 1.4: ``run(main=None, argv=None)`` parses FLAGS, then exits with main's status."""

    def run(main=None, argv=None):
        passthrough = flags.FLAGS._parse_flags(args=argv[1:] if argv else None)
        main = main or sys.modules["__main__"].main
        sys.exit(main(sys.argv[:1] + passthrough))

    module = types.ModuleType("tf.app")
    module.__dict__.update(run=run, flags=flags)
    return module


ARGPARSE_ERA = ("1.2", "1.3", "1.4")
_made = {}


def for_version():
    """(tf.flags, tf.app) for the TF 1.x version in force: argparse's (1.3 / 1.4, one per process) or absl's."""
    import tensorflow as tf

    version = settings.current("tf1_version")
    if version not in ARGPARSE_ERA:
        return tf.compat.v1.flags, tf.compat.v1.app
    if version not in _made:
        flags = argparse_flags(version)
        _made[version] = flags, app_module(flags)
    return _made[version]
