"""Reductions as functions and ndarray methods, on top of ``ufunc.reduce``.

The folding itself runs in the Rust core (`dispatch/reduce.rs`); this module only maps NumPy's
signatures onto it.
"""

import builtins

from . import _core

_add = _core.add
_multiply = _core.multiply
_maximum = _core.maximum
_minimum = _core.minimum
_logical_and = _core.logical_and
_logical_or = _core.logical_or


def _reduce(uf, a, axis, dtype, out, keepdims, initial, where):
    if where is not True:
        raise NotImplementedError("reductions with where= are not supported yet")
    kw = {}
    if initial is not None:
        kw["initial"] = initial
    return uf.reduce(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims, **kw)


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    return _reduce(_add, a, axis, dtype, out, keepdims, initial, where)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    return _reduce(_multiply, a, axis, dtype, out, keepdims, initial, where)


def amax(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _reduce(_maximum, a, axis, None, out, keepdims, initial, where)


def amin(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _reduce(_minimum, a, axis, None, out, keepdims, initial, where)


max = amax
min = amin


def any(a, axis=None, out=None, keepdims=False, *, where=True):
    return _reduce(_logical_or, _core.asarray(a).astype(bool, copy=False), axis, None, out, keepdims, None, where)


def all(a, axis=None, out=None, keepdims=False, *, where=True):
    return _reduce(_logical_and, _core.asarray(a).astype(bool, copy=False), axis, None, out, keepdims, None, where)


def _count(a, axis):
    shape = a.shape
    if a.ndim == 0:
        return 1
    if axis is None:
        n = 1
        for d in shape:
            n *= d
        return n
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    n = 1
    for ax in axes:
        n *= shape[ax]
    return n


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    """NumPy's mean: integer inputs sum in float64, float16 sums in float32, then divide."""
    arr = _core.asarray(a)
    if arr.ndim == 0 and axis is not None:
        from .exceptions import AxisError
        ax = axis if isinstance(axis, int) else (axis[0] if len(axis) == 1 else None)
        if ax not in (0, -1):
            bad = axis if isinstance(axis, int) else axis[0]
            raise AxisError(f"axis {bad} is out of bounds for array of dimension 0")
        raise AxisError(f"axis {ax} is out of bounds for array of dimension 0")
    kind = arr.dtype.kind
    work = dtype
    if work is None:
        if kind in "biu":
            work = "float64"
        elif arr.dtype.name == "float16":
            work = "float32"
    total = _reduce(_add, arr, axis, work, None, keepdims, None, where)
    n = _count(arr, axis)
    res = _core.divide(total, n) if n else _core.divide(total, float("nan"))
    result_dtype = dtype if dtype is not None else (arr.dtype if kind in "fc" else "float64")
    if isinstance(res, _core.ndarray):
        res = res.astype(result_dtype, copy=False)
    else:
        res = _core.asarray(res).astype(result_dtype)[()]
    if out is not None:
        _core.copyto(out, res, casting="unsafe")
        return out
    return res


def _cum(uf, a, axis, dtype, out):
    arr = _core.asarray(a)
    if axis is None:
        arr = arr.ravel()
        axis = 0
    if arr.ndim == 0:
        arr = arr.reshape(1)
    return uf.accumulate(arr, axis=axis, dtype=dtype, out=out)


def cumsum(a, axis=None, dtype=None, out=None):
    return _cum(_add, a, axis, dtype, out)


def cumprod(a, axis=None, dtype=None, out=None):
    return _cum(_multiply, a, axis, dtype, out)
