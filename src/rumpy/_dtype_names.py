"""The names around dtypes: ``typecodes``, ``sctypeDict``, ``ScalarType``, the ``dtypes``
module's DType classes, ``issubdtype``, ``isdtype``, ``common_type``, ``mintypecode``,
``typename``, ``min_scalar_type`` and the array API's ``astype``."""

import builtins
import sys
import types

from . import _core, _scalars
from ._datetime import datetime64, timedelta64
from ._records import void
from ._text import bytes_, object_, str_

typecodes = {
    "Character": "c", "Integer": "bhilqnp", "UnsignedInteger": "BHILQNP", "Float": "efdg",
    "Complex": "FDG", "AllInteger": "bBhHiIlLqQnNpP", "AllFloat": "efdgFDG",
    "Datetime": "Mm", "All": "?bhilqnpBHILQNPefdgFDGSUVOMm",
}

_S = _scalars
# The names NumPy's sctypeDict maps to scalar types (longdouble's are not provided here).
sctypeDict = {
    "bool": _S.bool, "bool_": _S.bool,
    "int8": _S.int8, "byte": _S.int8, "uint8": _S.uint8, "ubyte": _S.uint8,
    "int16": _S.int16, "short": _S.int16, "uint16": _S.uint16, "ushort": _S.uint16,
    "int32": _S.int32, "intc": _S.int32, "uint32": _S.uint32, "uintc": _S.uint32,
    "int64": _S.int64, "int": _S.int64, "int_": _S.int64, "intp": _S.int64, "long": _S.int64,
    "longlong": _S.int64,
    "uint64": _S.uint64, "uint": _S.uint64, "uintp": _S.uint64, "ulong": _S.uint64,
    "ulonglong": _S.uint64,
    "float16": _S.float16, "half": _S.float16, "float32": _S.float32, "single": _S.float32,
    "float64": _S.float64, "double": _S.float64, "float": _S.float64,
    "complex64": _S.complex64, "csingle": _S.complex64, "complex128": _S.complex128,
    "cdouble": _S.complex128, "complex": _S.complex128,
    "object": object_, "object_": object_, "str": str_, "str_": str_, "unicode": str_,
    "bytes": bytes_, "bytes_": bytes_, "a": bytes_, "void": void,
    "datetime64": datetime64, "timedelta64": timedelta64,
}

ScalarType = (int, float, complex, builtins.bool, bytes, str, memoryview, _S.bool,
              _S.complex64, _S.complex128, _S.float16, _S.float32, _S.float64, _S.int8,
              _S.int16, _S.int32, _S.int64, datetime64, timedelta64, object_, bytes_, str_,
              _S.uint8, _S.uint16, _S.uint32, _S.uint64, void)

_TYPENAMES = {
    "S1": "character", "?": "bool", "b": "signed char", "B": "unsigned char",
    "h": "short", "H": "unsigned short", "i": "integer", "I": "unsigned integer",
    "l": "long integer", "L": "unsigned long integer", "q": "long long integer",
    "Q": "unsigned long long integer", "f": "single precision", "d": "double precision",
    "g": "long precision", "F": "complex single precision", "D": "complex double precision",
    "G": "complex long double precision", "S": "string", "U": "unicode", "V": "void",
    "O": "object",
}


def typename(char):
    """A description of a type code (numpy.typename)."""
    return _TYPENAMES[char]


def _is_scalar_class(x):
    return isinstance(x, type) and issubclass(x, _S.generic)


def issubdtype(arg1, arg2):
    """Whether ``arg1``'s scalar type is ``arg2``'s or below it in the hierarchy
    (numpy.issubdtype)."""
    if not _is_scalar_class(arg1):
        arg1 = _core.dtype(arg1).type
    if not _is_scalar_class(arg2):
        arg2 = _core.dtype(arg2).type
    return issubclass(arg1, arg2)


_KINDS = {
    "bool": "?", "signed integer": "bhilq", "unsigned integer": "BHILQ",
    "integral": "bhilqBHILQ", "real floating": "efd", "complex floating": "FD",
    "numeric": "bhilqBHILQefdFD",
}


def isdtype(dtype, kind):
    """Whether ``dtype`` is of ``kind`` (a dtype, a kind name, or a tuple of them;
    numpy.isdtype)."""
    dt = _preprocess(dtype, "dtype argument must be a NumPy dtype, but it is a "
                            f"{type(dtype)}.")
    if dt is None:
        return False
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for k in kinds:
        if isinstance(k, str):
            if k not in _KINDS:
                raise ValueError(f"kind argument is a string, but {k!r} is not a known kind "
                                 "name.")
            if dt.char in _KINDS[k]:
                return True
        else:
            other = _preprocess(k, "kind argument must be comprised of NumPy dtypes or "
                                   f"strings only, but is a {type(k)}.")
            # The DType classes compare: byte order and sizes aside.
            if other is not None and dt.char == other.char:
                return True
    return False


_ABSTRACT = (_S.generic, _S.number, _S.integer, _S.signedinteger, _S.unsignedinteger,
             _S.inexact, _S.floating, _S.complexfloating)


def _preprocess(x, message):
    """A dtype, or None for an abstract scalar class (no dtype is of it)."""
    if isinstance(x, _core.dtype):
        return x
    if _is_scalar_class(x):
        return None if x in _ABSTRACT else _core.dtype(x)
    raise TypeError(message)


def common_type(*arrays):
    """The scalar type of the inexact kind all arrays can be cast to (numpy.common_type)."""
    from ._longdouble import clongdouble, longdouble
    precision = {_S.float16: 0, _S.float32: 1, _S.float64: 2, _S.complex64: 1,
                 _S.complex128: 2, longdouble: 3, clongdouble: 3}
    is_complex, p = False, 0
    for a in arrays:
        t = a.dtype.type
        if a.dtype.kind == "c":
            is_complex = True
        if issubclass(t, _S.integer):
            q = 2
        else:
            q = precision.get(t)
            if q is None:
                raise TypeError("can't get common type for non-numeric array")
        p = max(p, q)
    if is_complex:
        return [_S.complex64, _S.complex64, _S.complex128, clongdouble][p]
    return [_S.float16, _S.float32, _S.float64, longdouble][p]


def mintypecode(typechars, typeset="GDFgdf", default="d"):
    """The character of the smallest type in ``typeset`` all ``typechars`` can be cast to
    safely (numpy.mintypecode)."""
    codes = ((isinstance(t, str) and t) or _core.asanyarray(t).dtype.char for t in typechars)
    found = {t for t in codes if t in typeset}
    if not found:
        return default
    if "F" in found and "d" in found:
        return "D"
    return min(found, key="GDFgdfQqLlIiHhBb?".index)


def min_scalar_type(a, /):
    """The smallest dtype that holds ``a`` (numpy.min_scalar_type): for a scalar its value's,
    for an array its dtype."""
    arr = _core.asanyarray(a)
    if arr.ndim > 0 or arr.dtype.kind not in "biufc":
        return arr.dtype
    v = arr.item()
    kind = arr.dtype.kind
    if kind == "b":
        return _core.dtype("bool")
    if kind in "iu":
        if v >= 0:
            for bits in (8, 16, 32, 64):
                if v < 1 << bits:
                    return _core.dtype(f"uint{bits}")
        for bits in (8, 16, 32, 64):
            if -(1 << (bits - 1)) <= v < 1 << (bits - 1):
                return _core.dtype(f"int{bits}")
        return arr.dtype
    # Floats and complex numbers by range only (NumPy's bounds; infinities and NaN fit the
    # smallest type, precision may be lost).
    import math
    parts = [v.real, v.imag] if kind == "c" else [v]
    big = max((abs(x) for x in parts if math.isfinite(x)), default=0.0)
    if kind == "f" and big < 65000.0:
        return _core.dtype("float16")
    if big < 3.4e38:
        return _core.dtype("complex64" if kind == "c" else "float32")
    return arr.dtype


def astype(x, dtype, /, *, copy=True, device=None):
    """``x`` as ``dtype`` (the array API's astype)."""
    if not isinstance(x, _core.ndarray):
        from . import isscalar
        if not isscalar(x):
            raise TypeError(
                f"Input should be a NumPy array or scalar. It is a {type(x)} instead.")
    if device is not None and device != "cpu":
        raise ValueError(f'Device not understood. Only "cpu" is allowed, but received: {device}')
    return x.astype(dtype, copy=copy)


class _DTypeMeta(type):
    """The class of the DType classes: instances are the rumpy dtypes of their kind."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, _core.dtype) and obj.char in cls._rp_chars

    def __call__(cls, *args, **kwargs):
        return cls._rp_make(*args, **kwargs)

    def __repr__(cls):
        return f"<class 'numpy.dtypes.{cls.__name__}'>"


def _dtype_class(name, chars, make):
    return _DTypeMeta(name, (), {"_rp_chars": chars, "_rp_make": staticmethod(make),
                                 "__module__": "rumpy.dtypes"})


def _fixed(code):
    return lambda: _core.dtype(code)


dtypes = types.ModuleType("rumpy.dtypes", "The DType classes (numpy.dtypes): one per dtype "
                                          "family; a rumpy dtype is an instance of its "
                                          "family's class.")
_FIXED = [("Bool", "?"), ("Int8", "b"), ("UInt8", "B"), ("Int16", "h"), ("UInt16", "H"),
          ("Int32", "i"), ("UInt32", "I"), ("Int64", "lq"), ("UInt64", "LQ"),
          ("Float16", "e"), ("Float32", "f"), ("Float64", "d"), ("Complex64", "F"),
          ("Complex128", "D"), ("Object", "O"), ("LongDouble", "g"), ("CLongDouble", "G")]
for _name, _chars in _FIXED:
    setattr(dtypes, f"{_name}DType", _dtype_class(f"{_name}DType", _chars, _fixed(_chars[0])))
for _alias, _target in [("Byte", "Int8"), ("UByte", "UInt8"), ("Short", "Int16"),
                        ("UShort", "UInt16"), ("Int", "Int32"), ("UInt", "UInt32"),
                        ("Long", "Int64"), ("ULong", "UInt64"), ("LongLong", "Int64"),
                        ("ULongLong", "UInt64")]:
    setattr(dtypes, f"{_alias}DType", getattr(dtypes, f"{_target}DType"))
dtypes.StrDType = _dtype_class("StrDType", "U", lambda size=0: _core.dtype(f"U{size}"))
dtypes.BytesDType = _dtype_class("BytesDType", "S", lambda size=0: _core.dtype(f"S{size}"))
dtypes.VoidDType = _dtype_class("VoidDType", "V", lambda size=0: _core.dtype(f"V{size}"))
dtypes.DateTime64DType = _dtype_class(
    "DateTime64DType", "M", lambda unit="generic": _core.dtype(f"M8[{unit}]"))
dtypes.TimeDelta64DType = _dtype_class(
    "TimeDelta64DType", "m", lambda unit="generic": _core.dtype(f"m8[{unit}]"))
_NO_NA = object()


def _string_dtype(*, na_object=_NO_NA, coerce=True):
    has_na = na_object is not _NO_NA
    return _core._string_dtype(has_na, na_object if has_na else None, bool(coerce))


dtypes.StringDType = _dtype_class("StringDType", "T", _string_dtype)
del _name, _chars, _alias, _target
sys.modules["rumpy.dtypes"] = dtypes
