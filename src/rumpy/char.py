"""The legacy string module (numpy.char): the functions of ``rumpy.strings`` under their old
names, and the ones only it has (split, rsplit, splitlines, join, compare_chararrays). Results
that are lists per item are object arrays, as NumPy's."""

from . import _core
from .strings import *  # noqa: F401,F403 (numpy.char re-exports numpy.strings' functions)
from .strings import __all__ as _strings_all
from .strings import _text, _text_out

__all__ = list(_strings_all) + ["split", "rsplit", "splitlines", "join",
                                "compare_chararrays", "array", "asarray"]


def _per_item(a, f):
    """An object array of ``f`` applied to each item (as its scalar, so Python's methods see
    numpy's str_ and bytes_ objects, as NumPy's do)."""
    a = _text(a)
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


def array(obj, itemsize=None, copy=True, unicode=None, order=None):
    """A text array (numpy.char.array; rumpy has no chararray subclass: a plain array)."""
    a = _core.array(obj, order=order) if copy else _core.asarray(obj, order=order)
    if a.dtype.kind not in "US":
        a = a.astype("U" if unicode or unicode is None else "S")
    if itemsize is not None:
        a = a.astype(f"{a.dtype.kind}{itemsize}")
    return a


def asarray(obj, itemsize=None, unicode=None, order=None):
    """A text array without a copy when ``obj`` is one (numpy.char.asarray)."""
    return array(obj, itemsize, copy=False, unicode=unicode, order=order)
