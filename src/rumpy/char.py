"""The legacy string module (numpy.char): the functions of ``rumpy.strings`` under their old
names, the ones only it has (split, rsplit, splitlines, join, compare_chararrays), and the
``chararray`` subclass (items read with trailing whitespace removed, comparisons that ignore
it, the string functions as methods). Results that are lists per item are object arrays, as
NumPy's."""

from . import _core
from .strings import *  # noqa: F401,F403 (numpy.char re-exports numpy.strings' functions)
from .strings import __all__ as _strings_all
from . import strings as _strings
from .strings import _text, _text_out

__all__ = list(_strings_all) + ["split", "rsplit", "splitlines", "join",
                                "compare_chararrays", "array", "asarray", "chararray"]


def _wrapping(f):
    """``f`` whose text result is a chararray when an argument is one (NumPy's ufuncs wrap
    their results in the inputs' subclass)."""
    def g(*args, **kwargs):
        r = f(*args, **kwargs)
        if isinstance(r, _core.ndarray) and r.dtype.kind in "SU" and \
                any(isinstance(x, chararray) for x in args):
            return r.view(chararray)
        return r
    g.__name__, g.__doc__ = f.__name__, f.__doc__
    return g


# NumPy's ufunc-based functions, which keep a chararray input's class.
add = _wrapping(_strings.add)
center = _wrapping(_strings.center)
expandtabs = _wrapping(_strings.expandtabs)
ljust = _wrapping(_strings.ljust)
lstrip = _wrapping(_strings.lstrip)
multiply = _wrapping(_strings.multiply)
replace = _wrapping(_strings.replace)
rjust = _wrapping(_strings.rjust)
rstrip = _wrapping(_strings.rstrip)
strip = _wrapping(_strings.strip)
zfill = _wrapping(_strings.zfill)


def partition(a, sep):
    """Each item split around the first ``sep``: the parts along a new last axis
    (numpy.char.partition)."""
    from . import stack
    return stack([p.view(_core.ndarray) for p in _strings.partition(a, sep)], axis=-1)


def rpartition(a, sep):
    """Each item split around the last ``sep``: the parts along a new last axis
    (numpy.char.rpartition)."""
    from . import stack
    return stack([p.view(_core.ndarray) for p in _strings.rpartition(a, sep)], axis=-1)


def _per_item(a, f):
    """An object array of ``f`` applied to each item (as its scalar, so Python's methods see
    numpy's str_ and bytes_ objects, as NumPy's do)."""
    a = _text(a)
    if isinstance(a, chararray):
        a = a.view(_core.ndarray)
    flat = a.reshape(-1)
    out = _core.empty(flat.shape, dtype=object)
    for i in range(flat.size):
        out[i] = f(flat[i])
    return out.reshape(a.shape)


def split(a, sep=None, maxsplit=None):
    """Each item split into a list of words (numpy.char.split)."""
    args = (sep,) if maxsplit is None else (sep, maxsplit)
    return _per_item(a, lambda s: s.split(*args))


def rsplit(a, sep=None, maxsplit=None):
    """Each item split into a list of words from the right (numpy.char.rsplit)."""
    args = (sep,) if maxsplit is None else (sep, maxsplit)
    return _per_item(a, lambda s: s.rsplit(*args))


def splitlines(a, keepends=None):
    """Each item's lines (numpy.char.splitlines)."""
    if keepends is not None:
        # NumPy 2.4 hands keepends to str.splitlines as a numpy.bool, which it refuses.
        raise TypeError("'numpy.bool' object cannot be interpreted as an integer")
    return _per_item(a, lambda s: s.splitlines())


def join(sep, seq):
    """``sep.join(item)`` of each pair (numpy.char.join)."""
    from . import broadcast_arrays
    s, q = broadcast_arrays(_text(sep), _text(seq))
    out = [x.join(y) for x, y in zip(s.reshape(-1).tolist(), q.reshape(-1).tolist())]
    kind = "U" if "U" in (s.dtype.kind, q.dtype.kind) else "S"
    if not out:
        return _core.empty(s.shape, dtype=f"{kind}1")
    return _text_out(out, s.shape, kind)


def _rstripped(op):
    def f(x1, x2):
        return compare_chararrays(x1, x2, op, True)
    return f


# numpy.char's comparisons ignore trailing whitespace (compare_chararrays with rstrip).
equal = _rstripped("==")
not_equal = _rstripped("!=")
less = _rstripped("<")
less_equal = _rstripped("<=")
greater = _rstripped(">")
greater_equal = _rstripped(">=")

_OPS = {"==": _core.equal, "!=": _core.not_equal, "<": _core.less, "<=": _core.less_equal,
        ">": _core.greater, ">=": _core.greater_equal}


def compare_chararrays(a1, a2, cmp, rstrip):
    """Element-wise comparison of two text arrays by the operator string ``cmp``, trailing
    whitespace stripped first when ``rstrip`` (numpy.char.compare_chararrays)."""
    if isinstance(cmp, bytes):
        cmp = cmp.decode()
    if cmp not in _OPS:
        raise ValueError("comparison must be '==', '!=', '<', '>', '<=', '>='")
    a1, a2 = _text(a1), _text(a2)
    if rstrip:
        from .strings import rstrip as _rstrip
        a1, a2 = _rstrip(a1), _rstrip(a2)
    return _OPS[cmp](a1, a2)


class chararray(_core.ndarray):
    """chararray(shape, itemsize=1, unicode=False, buffer=None, offset=0, strides=None,
    order=None): a view of bytes or str items (numpy.char.chararray) whose items are read
    with trailing whitespace removed, whose comparisons ignore it, and whose methods are the
    string functions."""

    def __new__(cls, shape, itemsize=1, unicode=False, buffer=None, offset=0, strides=None,
                order="C"):
        if int(itemsize) < 0:
            raise ValueError("invalid itemsize in generic type tuple")
        dtype = f"{'U' if unicode else 'S'}{int(itemsize)}"
        # A str buffer fills the array (NumPy's); other buffers lend their memory.
        filler = buffer if isinstance(buffer, str) else None
        if filler is not None or buffer is None:
            self = _core.ndarray.__new__(cls, shape, dtype, order=order)
        else:
            self = _core.ndarray.__new__(cls, shape, dtype, buffer=buffer, offset=offset,
                                         strides=strides, order=order)
        if filler is not None:
            self[...] = filler
        return self

    def __array_finalize__(self, obj):
        if self.dtype.char not in "VSUbc":
            raise ValueError("Can only create a chararray from string data.")

    def __array_wrap__(self, arr, context=None, return_scalar=False):
        # Text results stay chararrays; others are plain arrays.
        if arr.dtype.char in "SUbc":
            return arr.view(type(self))
        return arr

    def __getitem__(self, obj):
        val = _core.ndarray.__getitem__(self, obj)
        if isinstance(val, (str, bytes)):
            return val.rstrip()
        return val

    def _rp_print_items(self):
        """The items as printing shows them: stripped, as indexing gives them."""
        def strip(x):
            return [strip(v) for v in x] if isinstance(x, list) else x.rstrip()
        return strip(self.tolist())

    def __eq__(self, other):
        return equal(self, other)

    def __ne__(self, other):
        return not_equal(self, other)

    def __ge__(self, other):
        return greater_equal(self, other)

    def __le__(self, other):
        return less_equal(self, other)

    def __gt__(self, other):
        return greater(self, other)

    def __lt__(self, other):
        return less(self, other)

    def __add__(self, other):
        return add(self, other)

    def __radd__(self, other):
        return add(other, self)

    def __mul__(self, i):
        return asarray(_strings.multiply(self, i))

    __rmul__ = __mul__

    def __mod__(self, i):
        return asarray(_strings.mod(self, i))

    def __rmod__(self, other):
        return NotImplemented

    __hash__ = None

    def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
        return self.__array__().argsort(axis, kind, order, stable=stable)

    # The string functions as methods: text results as chararrays, others as they are.
    def capitalize(self):
        return asarray(_strings.capitalize(self))

    def center(self, width, fillchar=" "):
        return asarray(_strings.center(self, width, fillchar))

    def count(self, sub, start=0, end=None):
        return _strings.count(self, sub, start, end)

    def decode(self, encoding=None, errors=None):
        return _strings.decode(self, encoding, errors)

    def encode(self, encoding=None, errors=None):
        return _strings.encode(self, encoding, errors)

    def endswith(self, suffix, start=0, end=None):
        return _strings.endswith(self, suffix, start, end)

    def expandtabs(self, tabsize=8):
        return asarray(_strings.expandtabs(self, tabsize))

    def find(self, sub, start=0, end=None):
        return _strings.find(self, sub, start, end)

    def index(self, sub, start=0, end=None):
        return _strings.index(self, sub, start, end)

    def isalnum(self):
        return _strings.isalnum(self)

    def isalpha(self):
        return _strings.isalpha(self)

    def isdigit(self):
        return _strings.isdigit(self)

    def islower(self):
        return _strings.islower(self)

    def isspace(self):
        return _strings.isspace(self)

    def istitle(self):
        return _strings.istitle(self)

    def isupper(self):
        return _strings.isupper(self)

    def isnumeric(self):
        return _strings.isnumeric(self)

    def isdecimal(self):
        return _strings.isdecimal(self)

    def join(self, seq):
        return join(self, seq)

    def ljust(self, width, fillchar=" "):
        return asarray(_strings.ljust(self, width, fillchar))

    def lower(self):
        return asarray(_strings.lower(self))

    def lstrip(self, chars=None):
        return lstrip(self, chars)

    def partition(self, sep):
        return asarray(partition(self, sep))

    def replace(self, old, new, count=None):
        return replace(self, old, new, count if count is not None else -1)

    def rfind(self, sub, start=0, end=None):
        return _strings.rfind(self, sub, start, end)

    def rindex(self, sub, start=0, end=None):
        return _strings.rindex(self, sub, start, end)

    def rjust(self, width, fillchar=" "):
        return asarray(_strings.rjust(self, width, fillchar))

    def rpartition(self, sep):
        return asarray(rpartition(self, sep))

    def rsplit(self, sep=None, maxsplit=None):
        return rsplit(self, sep, maxsplit)

    def rstrip(self, chars=None):
        return rstrip(self, chars)

    def split(self, sep=None, maxsplit=None):
        return split(self, sep, maxsplit)

    def splitlines(self, keepends=None):
        return splitlines(self, keepends)

    def startswith(self, prefix, start=0, end=None):
        return _strings.startswith(self, prefix, start, end)

    def strip(self, chars=None):
        return strip(self, chars)

    def swapcase(self):
        return asarray(_strings.swapcase(self))

    def title(self):
        return asarray(_strings.title(self))

    def translate(self, table, deletechars=None):
        return asarray(_strings.translate(self, table, deletechars))

    def upper(self):
        return asarray(_strings.upper(self))

    def zfill(self, width):
        return asarray(_strings.zfill(self, width))


def array(obj, itemsize=None, copy=True, unicode=None, order=None):
    """A chararray of ``obj`` (numpy.char.array): str or bytes split into items of
    ``itemsize``, text arrays viewed (copied when ``copy`` or a size or kind changes), other
    values made bytes unless ``unicode``."""
    if isinstance(obj, (bytes, str)):
        if unicode is None:
            unicode = isinstance(obj, str)
        if itemsize is None:
            itemsize = len(obj)
        shape = len(obj) // itemsize
        # A str fills every item (NumPy's); bytes lend their memory.
        return chararray(shape, itemsize=itemsize, unicode=unicode, buffer=obj, order=order)
    if isinstance(obj, (list, tuple)):
        obj = _core.asanyarray(obj)
    if isinstance(obj, _core.ndarray) and obj.dtype.kind in "SU":
        if not isinstance(obj, chararray):
            obj = obj.view(chararray)
        if itemsize is None:
            itemsize = obj.itemsize // (4 if obj.dtype.kind == "U" else 1)
        if unicode is None:
            unicode = obj.dtype.kind == "U"
        kind = "U" if unicode else "S"
        if order is not None:
            obj = _core.asanyarray(obj, order=order).view(chararray)
        if copy or itemsize != obj.itemsize // (4 if obj.dtype.kind == "U" else 1) or \
                kind != obj.dtype.kind:
            obj = obj.astype(f"{kind}{int(itemsize)}")
        return obj
    if isinstance(obj, _core.ndarray) and itemsize is None:
        # NumPy's test (`issubclass(type, object)`) holds for every dtype: the items as
        # Python values, so the size comes from their text.
        obj = obj.tolist()
    kind = "U" if unicode else "S"
    dtype = kind if itemsize is None else f"{kind}{itemsize}"
    return _core.array(obj, dtype=dtype, order=order).view(chararray)


def asarray(obj, itemsize=None, unicode=None, order=None):
    """A chararray of ``obj`` without a copy when it is already text (numpy.char.asarray)."""
    return array(obj, itemsize, copy=False, unicode=unicode, order=order)
