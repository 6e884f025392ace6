"""Docstrings of the scalar classes, in NumPy's layout: what the type holds, then its
character code, canonical name and the aliases that name it on this platform."""

from . import _core

_SUMMARY = {
    "generic": "Base class of every rumpy scalar type; its methods mirror ndarray's.",
    "number": "Abstract base class of the numeric scalar types.",
    "integer": "Abstract base class of the integer scalar types.",
    "signedinteger": "Abstract base class of the signed integer scalar types.",
    "unsignedinteger": "Abstract base class of the unsigned integer scalar types.",
    "inexact": "Abstract base class of the floating-point and complex scalar types.",
    "floating": "Abstract base class of the floating-point scalar types.",
    "complexfloating": "Abstract base class of the complex scalar types.",
    "flexible": "Abstract base class of the scalar types whose itemsize is a parameter "
                "(bytes, str, void).",
    "character": "Abstract base class of the text scalar types (bytes_ and str_).",
    "bool": "Truth value stored in one byte: the singletons True_ and False_.",
    "int8": "Signed integer of 8 bits (C ``signed char``).",
    "int16": "Signed integer of 16 bits (C ``short``).",
    "int32": "Signed integer of 32 bits (C ``int``).",
    "int64": "Signed integer of 64 bits (C ``long`` on this platform).",
    "uint8": "Unsigned integer of 8 bits (C ``unsigned char``).",
    "uint16": "Unsigned integer of 16 bits (C ``unsigned short``).",
    "uint32": "Unsigned integer of 32 bits (C ``unsigned int``).",
    "uint64": "Unsigned integer of 64 bits (C ``unsigned long`` on this platform).",
    "float16": "Half-precision float: sign bit, 5 exponent bits, 10 mantissa bits.",
    "float32": "Single-precision float (C ``float``): sign bit, 8 exponent bits, "
               "23 mantissa bits.",
    "float64": "Double-precision float (C ``double``), a subclass of Python's float: sign "
               "bit, 11 exponent bits, 52 mantissa bits.",
    "longdouble": "Extended-precision float (C ``long double``: x87 80-bit on x86-64, "
                  "stored in 16 bytes there).",
    "complex64": "Complex number of two single-precision floats.",
    "complex128": "Complex number of two double-precision floats, a subclass of Python's "
                  "complex.",
    "clongdouble": "Complex number of two extended-precision floats.",
    "bytes_": "A bytes string of fixed width; trailing NUL bytes are stripped.",
    "str_": "A unicode string of fixed width (UCS4); trailing NUL code points are stripped.",
    "void": "A record (structured item) or raw bytes: ``void(length_or_data, /, dtype=None)``.",
    "object_": "Any Python object. Calling it gives the object itself.",
    "datetime64": "A point in time: an int64 count of a unit since 1970-01-01T00:00, or NaT. "
                  "``datetime64(value, unit)``.",
    "timedelta64": "A span of time: an int64 count of a unit, or NaT. "
                   "``timedelta64(value, unit)``.",
}

_ABSTRACT = {"generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact",
             "floating", "complexfloating", "flexible", "character"}


def _aliases(module, cls):
    names = sorted(n for n, v in vars(module).items()
                   if v is cls and not n.startswith("_") and n != cls.__name__)
    return names


def install(module):
    """Give every scalar class of ``module`` (rumpy) its docstring."""
    for name, summary in _SUMMARY.items():
        cls = getattr(module, name if name != "bool" else "bool_", None)
        if cls is None:
            continue
        lines = [summary]
        if name not in _ABSTRACT:
            try:
                char = _core.dtype(cls).char
            except TypeError:
                char = None
            if char:
                lines += ["", f":Character code: ``'{char}'``"]
            lines.append(f":Canonical name: `rumpy.{cls.__name__}`")
            aliases = _aliases(module, cls)
            if aliases:
                lines.append(":Aliases on this platform: "
                             + ", ".join(f"`rumpy.{a}`" for a in aliases))
        try:
            cls.__doc__ = "\n".join(lines)
        except (AttributeError, TypeError):
            pass
