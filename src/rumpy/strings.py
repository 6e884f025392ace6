"""String operations on text arrays (numpy.strings): element-wise Python str/bytes semantics
on ``U`` and ``S`` arrays, with NumPy's output dtypes. The character classes and ``str_len``
are the core's ufuncs (as NumPy's); case mapping and searching of ASCII text run in the core;
other items and operations apply Python's own str and bytes methods item by item, so Unicode
behaves exactly as Python's."""

import operator as _operator

from . import _core

__all__ = [
    "add", "capitalize", "center", "count", "decode", "encode", "endswith", "equal",
    "expandtabs", "find", "greater", "greater_equal", "index", "isalnum", "isalpha",
    "isdecimal", "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper", "less",
    "less_equal", "ljust", "lower", "lstrip", "mod", "multiply", "not_equal", "partition",
    "replace", "rfind", "rindex", "rjust", "rpartition", "rstrip", "slice", "startswith",
    "str_len", "strip", "swapcase", "title", "translate", "upper", "zfill",
]

add = _core.add
equal = _core.equal
not_equal = _core.not_equal
less = _core.less
less_equal = _core.less_equal
greater = _core.greater
greater_equal = _core.greater_equal


def _text(a, name="string operation"):
    """``a`` as a text array (TypeError for anything else, as NumPy's)."""
    a = _core.asanyarray(a)
    if a.dtype.kind not in "US":
        raise TypeError(f"{name} on non-string array")
    return a


def _result(r):
    """0-d results as NumPy's ufuncs give them: a scalar for numbers and bools, a 0-d array
    for text."""
    if isinstance(r, _core.ndarray) and r.ndim == 0 and r.dtype.kind not in "US":
        return r[()]
    return r


def _int_operand(x, what):
    """NumPy's check of a width, count or repetition: an integer array-like."""
    k = _core.asanyarray(x).dtype.kind
    if k not in "iub":
        raise TypeError(f"unsupported type {_core.asanyarray(x).dtype} for operand '{what}'")


def _as_kind(a, x):
    """A str or bytes argument in the array's kind, as NumPy casts it (ASCII)."""
    if a.dtype.kind == "S" and isinstance(x, str):
        return x.encode("ascii")
    if a.dtype.kind == "U" and isinstance(x, bytes):
        return x.decode("ascii")
    return x


def _loop_kinds(name, a, *others):
    """NumPy's no-loop error when a text argument's kind differs from the array's."""
    want = "U" if a.dtype.kind == "U" else "S"
    for o in others:
        if o is None:
            continue
        k = _core.asanyarray(o).dtype.kind
        if k in "US" and k != want:
            from .exceptions import _UFuncNoLoopError
            raise _UFuncNoLoopError(f"ufunc '{name}' did not contain a loop with signature "
                                    f"matching types ({a.dtype!r}, {_core.asanyarray(o).dtype!r}) "
                                    "-> None")


def _scalar0d(r):
    """A 0-d result as NumPy's string ufuncs give it without ``out``: a scalar."""
    return r[()] if r.ndim == 0 else r


def _items(*arrays):
    """The arrays broadcast together, as flat lists of Python values, and the shape."""
    arrays = [_core.asanyarray(x) for x in arrays]
    if len(arrays) > 1:
        from . import broadcast_arrays
        arrays = broadcast_arrays(*arrays)
    shape = arrays[0].shape
    return [a.reshape(-1).tolist() for a in arrays], shape


def _text_out(values, shape, kind, size=None):
    """An array of ``kind`` ('U' or 'S') holding ``values``: ``size`` characters an item, or
    the longest value's (at least 1)."""
    if size is None:
        if not values:
            _empty_max()
        size = max(len(v) for v in values)
    out = _core.array(values, dtype=f"{kind}{max(size, 1)}") if values else \
        _core.empty(0, dtype=f"{kind}{max(size, 1)}")
    return out.reshape(shape)


def _case(name):
    method = name

    def f(a):
        a = _text(a)
        r, rest = _core._strings_case(a, method)
        _finish(r, a, rest, _operator.methodcaller(method))
        return r
    f.__name__ = name
    f.__doc__ = f"Element-wise ``str.{name}`` (numpy.strings.{name})."
    return f


upper = _case("upper")
lower = _case("lower")
swapcase = _case("swapcase")
capitalize = _case("capitalize")
title = _case("title")


def _finish(r, a, rest, f):
    """Items the core left (text beyond ASCII) computed by Python's own str method."""
    if rest:
        flat, src = r.reshape(-1), a.reshape(-1)
        for i in rest:
            flat[i] = f(str(src[i]))


# The character classes and str_len are ufuncs of the core, on S, U and StringDType.
isalpha = _core.isalpha
isdigit = _core.isdigit
isspace = _core.isspace
isalnum = _core.isalnum
islower = _core.islower
isupper = _core.isupper
istitle = _core.istitle
isdecimal = _core.isdecimal
isnumeric = _core.isnumeric
str_len = _core.str_len


def _end(end):
    return (1 << 62) if end is None else end


def _search(name):
    def f(a, sub, start=0, end=None):
        a = _text(a)
        _loop_kinds(name, a, sub)
        for k, x in ((2, start), (3, end)):
            if x is not None and _core.asanyarray(x).dtype.kind not in "iub":
                from .exceptions import _UFuncInputCastingError
                raise _UFuncInputCastingError(
                    f"Cannot cast ufunc '{name}' input {k} from "
                    f"{_core.asanyarray(x).dtype!r} to dtype('int64') with casting rule "
                    "'same_kind'")
        if (isinstance(sub, (str, bytes)) and isinstance(start, int)
                and isinstance(end, (int, type(None)))
                and isinstance(sub, str) == (a.dtype.kind == "U")):
            # One substring and bounds: the core searches every item.
            r = _core._strings_search(a, sub, start, _end(end), name)
            if name in ("index", "rindex") and (r == -1).any():
                raise ValueError("substring not found")
            return _result(r)
        (vals, subs, starts, ends), shape = _items(a, sub, start, _end(end))
        out = [getattr(v, name)(s, int(b), int(e)) for v, s, b, e in
               zip(vals, subs, starts, ends)]
        dt = bool if name in ("startswith", "endswith") else "int64"
        return _result(_core.array(out, dtype=dt).reshape(shape))
    f.__name__ = name
    f.__doc__ = f"Element-wise ``str.{name}`` (numpy.strings.{name})."
    return f


find = _search("find")
rfind = _search("rfind")
index = _search("index")
rindex = _search("rindex")
count = _search("count")
startswith = _search("startswith")
endswith = _search("endswith")


def _same_kind(a, x):
    """Is ``x`` one str (for a str array) or one bytes (for a bytes array)?"""
    return isinstance(x, str if a.dtype.kind == "U" else bytes)


def _strip(name):
    def f(a, chars=None):
        a = _text(a)
        _loop_kinds(f"_{name}_chars", a, chars)
        if chars is None or _same_kind(a, chars):
            return _scalar0d(_core._strings_transform(a, name, chars, None, 0, _chars(a)))
        (vals, cs), shape = _items(a, chars if chars is not None else "")
        out = [getattr(v, name)(c if chars is not None else None) for v, c in zip(vals, cs)]
        return _scalar0d(_text_out(out, shape, a.dtype.kind, _chars(a)))
    f.__name__ = name
    return f


strip = _strip("strip")
lstrip = _strip("lstrip")
rstrip = _strip("rstrip")


def _chars(a):
    return a.dtype.itemsize // (4 if a.dtype.kind == "U" else 1)


def _empty_max():
    # NumPy sizes these results by a maximum over the items.
    raise ValueError("zero-size array to reduction operation maximum which has no identity")


def _fast_size(a, width):
    """NumPy's size of a padded result for one width."""
    if a.size == 0:
        _empty_max()
    size = max(int(str_len(a.reshape(-1)).max()), width, 1)
    if size * (4 if a.dtype.kind == "U" else 1) > 2**31 - 1:
        raise TypeError(f"data type '{a.dtype.kind}{size}' not understood")
    return size


def _width_size(vals, ws):
    """NumPy's size of a padded result: the largest of the widths and the lengths."""
    if not vals:
        _empty_max()
    size = max(max(len(v), int(w)) for v, w in zip(vals, ws))
    if size > 2**29:
        raise TypeError(f"data type 'U{size}' not understood")
    return size


def _just(name):
    def f(a, width, fillchar=" "):
        a = _text(a)
        _int_operand(width, "width")
        fillchar = _as_kind(a, fillchar)
        fill = _core.asanyarray(fillchar)
        if any(len(c) != 1 for c in fill.reshape(-1).tolist()):
            raise TypeError("The fill character must be exactly one character long")
        if isinstance(width, int) and _same_kind(a, fillchar):
            return _core._strings_transform(a, name, fillchar, None, width,
                                            _fast_size(a, width))
        (vals, ws, fs), shape = _items(a, width, fillchar)
        size = _width_size(vals, ws)
        out = [getattr(v, name)(int(w), c) for v, w, c in zip(vals, ws, fs)]
        return _text_out(out, shape, a.dtype.kind, size)
    f.__name__ = name
    return f


center = _just("center")
ljust = _just("ljust")
rjust = _just("rjust")


def zfill(a, width):
    """Element-wise ``str.zfill`` (numpy.strings.zfill)."""
    a = _text(a)
    _int_operand(width, "width")
    if isinstance(width, int):
        return _core._strings_transform(a, "zfill", None, None, width, _fast_size(a, width))
    (vals, ws), shape = _items(a, width)
    size = _width_size(vals, ws)
    return _text_out([v.zfill(int(w)) for v, w in zip(vals, ws)], shape, a.dtype.kind, size)


def replace(a, old, new, count=-1):
    """Element-wise ``str.replace`` (numpy.strings.replace)."""
    a = _text(a)
    _int_operand(count, "count")
    old, new = _as_kind(a, old), _as_kind(a, new)
    if _same_kind(a, old) and _same_kind(a, new) and isinstance(count, int):
        if a.size == 0:
            _empty_max()
        return _core._strings_transform(a, "replace", old, new, count, None)
    (vals, olds, news, counts), shape = _items(a, old, new, count)
    out = [v.replace(o, n, int(c)) for v, o, n, c in zip(vals, olds, news, counts)]
    return _text_out(out, shape, a.dtype.kind)


def expandtabs(a, tabsize=8):
    """Element-wise ``str.expandtabs`` (numpy.strings.expandtabs), sized as NumPy sizes it
    (each character other than a tab counts as its storage's bytes)."""
    a = _text(a)
    (vals, ts), shape = _items(a, tabsize)
    unit = 4 if a.dtype.kind == "U" else 1
    if not vals:
        _empty_max()
    size = 0
    for v, t in zip(vals, ts):
        t = int(t)
        n = pos = 0
        for ch in (v if a.dtype.kind == "U" else v.decode("latin-1")):
            if ch == "\t":
                if t > 0:
                    inc = t - pos % t
                    pos += inc
                    n += inc
            else:
                pos += 1
                n += unit
                if ch in "\n\r":
                    pos = 0
        size = max(size, n)
    return _text_out([v.expandtabs(int(t)) for v, t in zip(vals, ts)], shape, a.dtype.kind,
                     size)


def _parts(name):
    def f(a, sep):
        a = _text(a)
        (vals, seps), shape = _items(a, sep)
        parts = [getattr(v, name)(s) for v, s in zip(vals, seps)]
        return tuple(_text_out([p[k] for p in parts], shape, a.dtype.kind) for k in range(3))
    f.__name__ = name
    return f


partition = _parts("partition")
rpartition = _parts("rpartition")


_NOVALUE = object()


def slice(a, start=None, stop=_NOVALUE, step=None, /):  # noqa: A001 (numpy's name)
    """Element-wise ``s[start:stop:step]`` (numpy.strings.slice); a single argument is the
    stop, as for Python's slice."""
    if stop is _NOVALUE:
        start, stop = None, start
    a = _text(a)
    (vals, b, e, s), shape = _items(a, _none(start), _none(stop), _none(step))
    out = [v[_back(x):_back(y):_back(z)] for v, x, y, z in zip(vals, b, e, s)]
    return _scalar0d(_text_out(out, shape, a.dtype.kind, _chars(a)))


_NONE = -(1 << 62) + 1


def _none(x):
    return _NONE if x is None else x


def _back(x):
    return None if x == _NONE else int(x)


def multiply(a, i):
    """Each item repeated ``i`` times (numpy.strings.multiply)."""
    a = _text(a)
    ii = _core.asanyarray(i)
    _int_operand(ii, "i")
    (vals, ns), shape = _items(a, ii)
    out = [v * max(int(n), 0) for v, n in zip(vals, ns)]
    return _text_out(out, shape, a.dtype.kind)


def mod(a, values):
    """Element-wise ``str % values`` (numpy.strings.mod)."""
    a = _text(a)
    vals = a.reshape(-1).tolist()
    v = _core.asanyarray(values, dtype=object) if not isinstance(values, _core.ndarray) \
        else values
    if v.ndim == 0 or v.shape == a.shape:
        others = [v.item()] * len(vals) if v.ndim == 0 else v.reshape(-1).tolist()
    else:
        from . import broadcast_arrays
        _, others_b = broadcast_arrays(a, v)
        others = others_b.reshape(-1).tolist()
    return _text_out([x % o for x, o in zip(vals, others)], a.shape, a.dtype.kind)


def translate(a, table, deletechars=None):
    """Element-wise ``str.translate`` (numpy.strings.translate)."""
    a = _text(a)
    vals = a.reshape(-1).tolist()
    if a.dtype.kind == "S":
        out = [v.translate(table, deletechars or b"") for v in vals]
    else:
        out = [v.translate(table) for v in vals]
    return _text_out(out, a.shape, a.dtype.kind, _chars(a))


def encode(a, encoding=None, errors=None):
    """Each str encoded to bytes (numpy.strings.encode)."""
    a = _core.asanyarray(a)
    if a.dtype.kind != "U":
        raise TypeError("string operation on non-string array")
    args = [x for x in (encoding, errors) if x is not None] if errors is None or encoding \
        else ["utf-8", errors]
    out = [v.encode(*args) for v in a.reshape(-1).tolist()]
    return _text_out(out, a.shape, "S")


def decode(a, encoding=None, errors=None):
    """Each bytes decoded to str (numpy.strings.decode)."""
    a = _core.asanyarray(a)
    if a.dtype.kind != "S":
        raise TypeError("string operation on non-string array")
    args = [x for x in (encoding, errors) if x is not None] if errors is None or encoding \
        else ["utf-8", errors]
    out = [v.decode(*args) for v in a.reshape(-1).tolist()]
    return _text_out(out, a.shape, "U")


# ----- StringDType (variable-width) arguments -----
# The functions run on fixed-width copies of StringDType arguments (missing items as the
# missing value's text when it is a string, else blank), and text results come back as the
# first StringDType argument's dtype. Missing items that are not strings then follow NumPy's
# rule for the function (`_null_rule`).

_CASES = ("upper", "lower", "swapcase", "capitalize", "title", "translate", "encode")
_PREDICATES = ("isalnum", "isalpha", "isdecimal", "isdigit", "islower", "isnumeric",
               "isspace", "istitle", "isupper")
_SEARCHES = ("find", "rfind", "index", "rindex", "count")


def _null_rule(name):
    """NumPy's treatment of a missing item that is not a string in function `name`:
    ``(nan_result, exception, message)``. A NaN-like missing value gives ``False``
    (``"false"``) or stays missing (``"missing"``) in the result; with ``None`` there, and for
    any other missing value, the function raises ``exception(message)``."""
    if name in _CASES:
        return None, TypeError, "descriptor '{name}' for 'str' objects doesn't apply to a " \
            "'{type}' object"
    if name in _SEARCHES:
        return None, ValueError, "'{name}' not supported for null values that are not strings."
    if name in _PREDICATES:
        return "false", ValueError, "Cannot use the {name} function with a null that is not " \
            "a nan-like value"
    if name in ("startswith", "endswith"):
        return "false", ValueError, "'{name}' not supported for null values that are not " \
            "nan-like or strings."
    if name in ("strip", "lstrip", "rstrip"):
        return "missing", ValueError, "Can only strip null values that are strings or " \
            "NaN-like values"
    if name == "replace":
        return "missing", ValueError, "Only string or NaN-like null strings can be used as " \
            "search strings for replace"
    if name in ("center", "ljust", "rjust"):
        return "missing", ValueError, "Cannot _{name} null that is not a nan-like value"
    if name == "zfill":
        return "missing", TypeError, "Cannot zfill null string that is not a nan-like value"
    if name in ("partition", "rpartition"):
        return None, ValueError, "Null values are not supported in _{name}"
    if name == "expandtabs":
        return None, ValueError, "Null values are not supported arguments for expandtabs"
    return "missing", ValueError, "'{name}' not supported for null values that are not " \
        "nan-like or strings."


def _fixed(x):
    """A StringDType array as fixed-width str, and where its missing items are (None when
    there are none)."""
    longest, mask = _core._string_info(x)
    na = getattr(x.dtype, "na_object", None)
    if mask is not None and isinstance(na, str):
        # A string missing value acts as its text (the cast writes it).
        longest = max(longest, len(na))
    elif mask is not None:
        x = x.copy()
        x[mask] = ""
    return x.astype(f"U{max(longest, 1)}"), mask


def _string_dtype_aware(name, f):
    def g(*args, **kwargs):
        dt = mask = None
        conv = []
        for x in args:
            if isinstance(x, _core.ndarray) and x.dtype.kind == "T":
                fx, m = _fixed(x)
                if dt is None:
                    dt, mask = x.dtype, m
                x = fx
            elif dt is not None and name in ("partition", "rpartition"):
                # NumPy's loop takes a StringDType separator only.
                from .exceptions import _UFuncNoLoopError
                raise _UFuncNoLoopError(
                    f"ufunc '_{name}' did not contain a loop with signature matching types "
                    "(<class 'numpy.dtypes.StringDType'>, <class 'numpy.dtypes.StrDType'>) "
                    "-> (None, None, None)")
            conv.append(x)
        if dt is None:
            return f(*args, **kwargs)
        rule = None
        if mask is not None:
            # Refusals come before the work, as NumPy's loops raise at the item.
            if name == "slice":
                raise TypeError("Cannot slice null string")
            na = dt.na_object
            if not isinstance(na, str):
                rule, exc, message = _null_rule(name)
                if rule is None or not _core.isnan(_core.array([na], dtype=dt))[0]:
                    raise exc(message.format(name=name, type=type(na).__name__))
        r = f(*conv, **kwargs)
        outs = [o.astype(dt) if isinstance(o, _core.ndarray) and o.dtype.kind == "U" else o
                for o in (r if isinstance(r, tuple) else (r,))]
        if rule is not None:
            # NaN-like missing items: False, or missing in text results.
            for o in outs:
                if isinstance(o, _core.ndarray) and o.shape == mask.shape:
                    o[mask] = False if rule == "false" else dt.na_object
        return tuple(outs) if isinstance(r, tuple) else outs[0]
    g.__name__ = name
    g.__doc__ = f.__doc__
    return g


_multiply_fixed = multiply
for _name in __all__:
    _f = globals()[_name]
    # multiply takes StringDType in the core (below); the ufuncs take it themselves.
    if isinstance(_f, type(_text)) and _name != "multiply":
        globals()[_name] = _string_dtype_aware(_name, _f)


def multiply(a, i):  # noqa: F811 (StringDType through the ufunc)
    """Each item repeated ``i`` times (numpy.strings.multiply)."""
    if isinstance(a, _core.ndarray) and a.dtype.kind == "T":
        return _core.multiply(a, i)
    return _multiply_fixed(a, i)


del _name, _f
