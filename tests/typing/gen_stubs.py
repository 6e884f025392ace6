"""Write rumpy's type stub (src/rumpy/__init__.pyi) from the package itself: every public
name, functions with their signatures (parameters typed Any, results Any or ndarray), the
classes with their methods and properties, the ufuncs as ``ufunc`` instances.

    python tests/typing/gen_stubs.py          # rewrite the stub
    python tests/typing/gen_stubs.py --check  # exit 1 when the stub is out of date
"""

import inspect
import pathlib
import sys

import rumpy as rp

STUB = pathlib.Path(__file__).resolve().parents[2] / "src" / "rumpy" / "__init__.pyi"

HEADER = '''\
# Type stub of rumpy, written by tests/typing/gen_stubs.py from the package: edit that, not
# this. Parameters are Any; names a stub cannot describe fall back to Any (__getattr__).
from typing import Any

from . import char as char, dtypes as dtypes, exceptions as exceptions, fft as fft
from . import linalg as linalg, random as random, strings as strings

def __getattr__(name: str) -> Any: ...
'''

# Functions known to return arrays (the rest return Any: arrays, scalars or tuples).
ARRAY_RESULTS = {
    "array", "asarray", "asanyarray", "ascontiguousarray", "asfortranarray", "arange", "empty",
    "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like", "eye",
    "identity", "linspace", "logspace", "geomspace", "frombuffer", "fromiter", "concatenate",
    "concat", "stack", "vstack", "hstack", "dstack", "reshape", "ravel", "transpose",
    "swapaxes", "moveaxis", "expand_dims", "squeeze", "tile", "repeat", "flip", "roll", "sort",
    "argsort", "cumsum", "cumprod", "clip", "where", "diff", "copy", "tri", "tril", "triu",
}


def _param(p):
    text = p.name
    if p.kind is p.VAR_POSITIONAL:
        return "*" + text + ": Any"
    if p.kind is p.VAR_KEYWORD:
        return "**" + text + ": Any"
    text += ": Any"
    if p.default is not p.empty:
        text += " = ..."
    return text


def _params(sig, skip_first=False):
    out, star_done = [], False
    ps = list(sig.parameters.values())
    if skip_first and ps:
        ps = ps[1:]
    for k, p in enumerate(ps):
        if p.kind is p.KEYWORD_ONLY and not star_done:
            out.append("*")
            star_done = True
        if p.kind is p.VAR_POSITIONAL:
            star_done = True
        out.append(_param(p))
        if p.kind is p.POSITIONAL_ONLY and (k + 1 == len(ps)
                                           or ps[k + 1].kind is not p.POSITIONAL_ONLY):
            out.append("/")
    return out


def _signature(obj):
    try:
        return inspect.signature(obj)
    except (TypeError, ValueError):
        return None


def _function(name, obj):
    sig = _signature(obj)
    params = ["*args: Any", "**kwargs: Any"] if sig is None else _params(sig)
    result = "ndarray" if name in ARRAY_RESULTS else "Any"
    return f"def {name}({', '.join(params)}) -> {result}: ..."


def _own(cls):
    """The class with its private bases (whose members the stub gives the class itself), and
    the bases beyond them."""
    own, bases = [cls], []
    for b in cls.__bases__:
        if b is not object and b.__name__.startswith("_"):
            o, bb = _own(b)
            own += o
            bases += bb
        else:
            bases.append(b)
    return own, bases


def _class(name, cls):
    own, direct = _own(cls)
    bases = [b.__name__ for b in direct if b is not object and hasattr(rp, b.__name__)
             and getattr(rp, b.__name__) is b]
    if issubclass(cls, BaseException) and not bases:
        bases = [b.__name__ for b in cls.__mro__[1:] if b.__module__ == "builtins"][:1]
    head = f"class {name}({', '.join(bases)}):" if bases else f"class {name}:"
    lines = [head]
    if not issubclass(cls, BaseException):
        lines.append("    def __init__(self, *args: Any, **kwargs: Any) -> None: ...")
    for attr in sorted(set().union(*(vars(c) for c in own))):
        if attr.startswith("_") and attr not in ("__call__", "__getitem__", "__len__",
                                                   "__iter__"):
            continue
        v = inspect.getattr_static(cls, attr)
        if isinstance(v, (staticmethod, classmethod)):
            continue
        if isinstance(v, property) or type(v).__name__ in ("getset_descriptor",
                                                            "member_descriptor"):
            lines.append(f"    @property\n    def {attr}(self) -> Any: ...")
        elif callable(v):
            sig = _signature(v)
            if sig is not None and list(sig.parameters)[:1] == ["self"]:
                params = ["self"] + _params(sig, skip_first=True)
                lines.append(f"    def {attr}({', '.join(params)}) -> Any: ...")
            else:
                lines.append(f"    def {attr}(self, *args: Any, **kwargs: Any) -> Any: ...")
    import builtins
    inherited = set().union(*(dir(getattr(rp, b, None) or getattr(builtins, b))
                              for b in bases)) if bases else set()
    lines += [_dunder(op) for op in DUNDERS if op not in inherited and op in dir(cls)
              and getattr(cls, op, None) is not getattr(object, op, None)]
    lines.append("    def __getattr__(self, name: str) -> Any: ...")
    return "\n".join(lines)


UNARY = {"__enter__": "Any", "__neg__": "Any", "__pos__": "Any", "__abs__": "Any",
         "__invert__": "Any", "__float__": "float", "__int__": "int", "__complex__": "complex",
         "__bool__": "bool", "__index__": "int"}


def _dunder(op):
    """The stub line of special method ``op``."""
    if op in ("__eq__", "__ne__"):
        return f"    def {op}(self, other: Any) -> Any: ...  # type: ignore[override]"
    if op == "__exit__":
        return "    def __exit__(self, *args: Any) -> Any: ..."
    if op in UNARY:
        return f"    def {op}(self) -> {UNARY[op]}: ..."
    return f"    def {op}(self, other: Any) -> Any: ..."


DUNDERS = [f"__{f}{op}__" for op in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
                                      "matmul", "and", "or", "xor", "lshift", "rshift")
           for f in ("", "r")] + [f"__{op}__" for op in ("lt", "le", "gt", "ge", "eq", "ne")] + [
    "__neg__", "__pos__", "__abs__", "__invert__", "__float__", "__int__", "__complex__",
    "__bool__", "__index__", "__enter__", "__exit__"]


def _ndarray():
    lines = ["class ndarray:"]
    for attr in ("shape", "strides", "dtype", "ndim", "size", "itemsize", "nbytes", "T", "mT",
                 "real", "imag", "flat", "flags", "base", "data", "ctypes", "device"):
        lines.append(f"    @property\n    def {attr}(self) -> Any: ...")
    for attr in sorted(dir(rp.ndarray)):
        if attr.startswith("_"):
            continue
        v = inspect.getattr_static(rp.ndarray, attr)
        if not callable(v) or type(v).__name__ in ("getset_descriptor", "property"):
            continue
        lines.append(f"    def {attr}(self, *args: Any, **kwargs: Any) -> Any: ...")
    lines += [_dunder(op) for op in DUNDERS if op in dir(rp.ndarray)]
    lines += ["    def __getitem__(self, key: Any) -> Any: ...",
              "    def __setitem__(self, key: Any, value: Any) -> None: ...",
              "    def __len__(self) -> int: ...", "    def __iter__(self) -> Any: ...",
              "    def __array_namespace__(self, *, api_version: Any = ...) -> Any: ...",
              "    def __getattr__(self, name: str) -> Any: ..."]
    return "\n".join(lines)


def render():
    parts = [HEADER, _ndarray(), "class ufunc:",
             "    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...",
             "    def __getattr__(self, name: str) -> Any: ..."]
    names = sorted(n for n in dir(rp) if not n.startswith("_"))
    for name in names:
        obj = getattr(rp, name)
        if name in ("ndarray", "ufunc") or inspect.ismodule(obj):
            continue
        if inspect.isclass(obj):
            if obj.__name__ == name:
                parts.append(_class(name, obj))
            else:
                parts.append(f"{name} = {obj.__name__}" if hasattr(rp, obj.__name__)
                             and getattr(rp, obj.__name__) is obj else f"{name}: Any")
        elif isinstance(obj, rp.ufunc):
            parts.append(f"{name}: ufunc")
        elif callable(obj):
            parts.append(_function(name, obj))
        elif isinstance(obj, (bool, int, float)) and not isinstance(obj, rp.generic):
            parts.append(f"{name}: {type(obj).__name__}")
        else:
            parts.append(f"{name}: Any")
    return "\n".join(parts) + "\n"


def main():
    text = render()
    if "--check" in sys.argv:
        if not STUB.exists() or STUB.read_text() != text:
            print(f"{STUB} is out of date: run python tests/typing/gen_stubs.py")
            return 1
        return 0
    STUB.write_text(text)
    print(f"wrote {STUB} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
