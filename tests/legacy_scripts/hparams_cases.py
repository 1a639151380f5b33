"""HParams / parse_values cases, run on real TF 1.15 (as a script) and on the runtime's HParams (imported):
every case's outcome, a value with its type or an exception's class and message, as JSON (Python 3.7+)."""
import json
import sys


def _base(HParams):
    return HParams(i=1, f=1.5, s="x", b=True, n=None, li=[1, 2], lf=[0.5], ls=["a", "b"], lb=[False],
                   dotted_name=3)


PARSE = [
    "i=3", "i=-12", "i= 7 ", "i=3.5", "i=abc", "i=", "i=[1,2]", "i[0]=1", "i=1,i=2", "i = 4",
    "f=2", "f=-.54e89", "f=1e-12", "f=nan", "f=x", "f=[1.0]", "f=1,,i=2", "f=1, i=2", "f=1 ,i=2",
    "s=foo", "s= foo bar ", "s=3", "s=[a,b]", "s=a=b", "s=", "s=\"q\"", "s=x]y",
    "b=true", "b=True", "b=false", "b=False", "b=1", "b=0", "b=2", "b=yes", "b=TRUE", "b=[1]",
    "n=3", "li=[3,4]", "li=[3 4]", "li=[ 3 , 4 ]", "li=[]", "li=[1.5]", "li=5", "li[1]=5", "li[1]=5,li[1]=6",
    "li=[1],li[0]=2", "li[0]=2,li=[1]", "li[0]=[1]", "li[ 2 ]=3",
    "lf=[1,2.5]", "lf=[a]", "ls=[x, y,z]", "ls=[]", "ls=[x", "lb=[true,0,False]", "lb=[maybe]",
    "zz=1", "i=1,zz=2", "1i=2", "i=1;f=2", "", ",", "i=1,", "i=1, ", "dotted_name=4", "dotted.name=4",
    "i=1,f=2,s=z,b=false,li=[5],lf=[6],ls=[q],lb=[1]", "i=0x10", "i=1_000", "f=inf", "s=a b,c",
]
SET = [("i", 2), ("i", 2.0), ("i", 2.5), ("i", "2"), ("i", True), ("i", [1]), ("i", None),
       ("f", 2), ("f", 2.5), ("f", "2"), ("f", False), ("s", "y"), ("s", 3), ("s", b"by"), ("s", ["a"]),
       ("b", False), ("b", 1), ("b", "true"), ("n", 5), ("n", "x"), ("li", [3, 4]), ("li", [3.0]), ("li", [3.5]),
       ("li", 3), ("li", (3, 4)), ("lf", [1, 2]), ("lf", ["a"]), ("ls", ["c"]), ("ls", [1]), ("lb", [True, 0]),
       ("zz", 1)]
ADD = [("new", 1), ("new", []), ("new", ()), ("new", (1, 2)), ("values", 1), ("parse", 2), ("i", 5),
       ("_hparam_types", 1), ("new", {"k": 1}), ("new", 1.5), ("get", None)]
GET = [("i", None), ("i", 5), ("i", 5.0), ("i", "5"), ("i", [5]), ("f", 5), ("li", [1]), ("li", 1), ("li", [1.5]),
       ("zz", 3), ("zz", None), ("s", "q"), ("s", 1), ("b", 1), ("b", False)]
JSON = ['{"i": 4}', '{"i": 4.5}', '{"li": [7, 8]}', '{"zz": 1}', '{"s": "w", "b": false}', "not json",
        '{"f": 3}', '{"ls": "a"}']


def _outcome(fn):
    try:
        value = fn()
    except Exception as e:  # the case's exception: its class and message are the result
        return ["error", type(e).__name__, str(e)]
    return ["ok", repr(value), type(value).__name__]


def _state(h):
    return [repr(h), str(h), sorted((k, repr(v), type(v).__name__) for k, v in h.values().items())]


def run(HParams, parse_values):
    out = {}
    for text in PARSE:
        h = _base(HParams)
        out["parse " + text] = [_outcome(lambda: h.parse(text) and None), _state(h)]
        out["parse_values " + text] = _outcome(lambda: parse_values(text, {"i": int, "li": int, "s": str, "b": bool}))
        out["parse_values ignore " + text] = _outcome(lambda: parse_values(text, {"i": int}, ignore_unknown=True))
    for name, value in SET:
        h = _base(HParams)
        out["set %s %r" % (name, value)] = [_outcome(lambda: h.set_hparam(name, value)), _state(h)]
        h = _base(HParams)
        out["override %s %r" % (name, value)] = [_outcome(lambda: h.override_from_dict({name: value}) and None),
                                                 _state(h)]
    for name, value in ADD:
        h = _base(HParams)
        out["add %s %r" % (name, value)] = [_outcome(lambda: h.add_hparam(name, value)), _state(h),
                                            _outcome(lambda: h.set_hparam(name, 7))]
    for name, default in GET:
        out["get %s %r" % (name, default)] = _outcome(lambda: _base(HParams).get(name, default))
    for text in JSON:
        h = _base(HParams)
        out["parse_json " + text] = [_outcome(lambda: h.parse_json(text) and None), _state(h)]
    h = _base(HParams)
    out["to_json"] = [h.to_json(), h.to_json(indent=2, sort_keys=True), h.to_json(separators=(",", ":"))]
    h.add_hparam("fn", len)
    out["to_json callable"] = _outcome(h.to_json)
    h = _base(HParams)
    out["del"] = [_outcome(lambda: h.del_hparam("i")), _outcome(lambda: h.del_hparam("zz")), _state(h),
                  "i" in h, "f" in h, _outcome(lambda: h.i), _outcome(lambda: h.add_hparam("i", "now text")),
                  _state(h)]
    out["kwargs"] = [_state(HParams()), _outcome(lambda: HParams(values=1)), _outcome(lambda: HParams(x=[]))]
    h = _base(HParams)
    out["chained"] = _state(h.parse("i=9").parse_json('{"f": 2}').override_from_dict({"s": "z"}))
    out["model_structure"] = [_outcome(lambda: HParams(model_structure="m").get_model_structure())]
    return out


if __name__ == "__main__":
    import tensorflow as tf

    training = tf.contrib.training
    json.dump(run(training.HParams, training.parse_values), sys.stdout, indent=0, sort_keys=True)
