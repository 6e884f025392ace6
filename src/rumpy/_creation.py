"""Creation functions built from the core ones: logspace and geomspace.

They are not hot paths; the elementwise power and logarithm run in Python until the ufunc
engine provides them (see plans/core-ndarray.md).
"""

import cmath
import math

from . import _core


def _map(fn, x):
    if isinstance(x, list):
        return [_map(fn, v) for v in x]
    return fn(x)


def _map2(fn, x, y):
    if isinstance(x, list):
        return [_map2(fn, a, b) for a, b in zip(x, y)]
    return fn(x, y)


def _broadcast_shape(*shapes):
    from ._shape import broadcast_shapes
    return broadcast_shapes(*shapes)


def _item_at(a, idx):
    """a's item at the broadcast index idx (trailing alignment, size-1 axes repeat)."""
    off = len(idx) - a.ndim
    if not a.ndim:
        return a.item()
    return a.item(tuple(0 if a.shape[k] == 1 else idx[off + k] for k in range(a.ndim)))


def _nest(shape, fn, prefix=()):
    if len(prefix) == len(shape):
        return fn(prefix)
    return [_nest(shape, fn, prefix + (i,)) for i in range(shape[len(prefix)])]


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """Numbers spaced evenly on a log scale: ``base ** linspace(start, stop, num)``.

    Parameters
    ----------
    start, stop : array_like
        The exponents of the first and last values.
    num : int, optional
        How many values (50 by default).
    endpoint : bool, optional
        Whether ``base ** stop`` is the last value (True by default).
    base : array_like, optional
        The base of the logarithm (10 by default).
    dtype : data-type, optional
        The result's type; inferred from the inputs when omitted.
    axis : int, optional
        Where the new axis goes when the inputs are arrays.

    Returns
    -------
    ndarray
        ``num`` values along ``axis``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.logspace(0, 3, 4)
    array([   1.,   10.,  100., 1000.])
    """
    base_arr = _core.asanyarray(base)
    if base_arr.ndim == 0:
        y = _core.linspace(start, stop, num=num, endpoint=endpoint, axis=axis)
        b = base_arr.item()
        vals = _map(lambda v: b ** v, y.tolist())
    else:
        # NumPy: give start, stop and base a common ndim, then power(expand_dims(base), y).
        s_arr, e_arr = _core.asanyarray(start), _core.asanyarray(stop)
        ndmax = len(_broadcast_shape(s_arr.shape, e_arr.shape, base_arr.shape))
        s_arr = _core.array(s_arr, ndmin=ndmax)
        e_arr = _core.array(e_arr, ndmin=ndmax)
        b_arr = _core.array(base_arr, ndmin=ndmax)
        y = _core.linspace(s_arr, e_arr, num=num, endpoint=endpoint, axis=axis)
        ax = axis + b_arr.ndim + 1 if axis < 0 else axis
        bshape = list(b_arr.shape)
        bshape.insert(ax, 1)
        b_arr = b_arr.reshape(bshape)
        shape = _broadcast_shape(b_arr.shape, y.shape)
        vals = _nest(shape, lambda idx: _item_at(b_arr, idx) ** _item_at(y, idx))
        base_arr = b_arr
    work = _core.result_type(y, base_arr)
    out = _core.array(vals, dtype=work)
    if dtype is not None:
        return out.astype(dtype, copy=False)
    return out


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """Numbers spaced evenly on a log scale between ``start`` and ``stop`` themselves (a
    geometric progression).

    Parameters
    ----------
    start, stop : array_like
        The first and last values (non-zero; complex values allowed).
    num : int, optional
        How many values (50 by default).
    endpoint : bool, optional
        Whether ``stop`` is the last value (True by default).
    dtype : data-type, optional
        The result's type; inferred from the inputs when omitted.
    axis : int, optional
        Where the new axis goes when the inputs are arrays.

    Returns
    -------
    ndarray
        ``num`` values along ``axis``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.geomspace(1, 1000, 4)
    array([   1.,   10.,  100., 1000.])
    """
    s = _core.asanyarray(start)
    e = _core.asanyarray(stop)
    sl, el = s.tolist(), e.tolist()

    def flat(v):
        return flat_list(v) if isinstance(v, list) else [v]

    def flat_list(v):
        out = []
        for x in v:
            out.extend(flat(x))
        return out

    if any(x == 0 for x in flat(sl) + flat(el)):
        raise ValueError("Geometric sequence cannot include zero")
    like = _core.zeros((), dtype=dtype) if dtype is not None else 0.0
    dt = _core.result_type(s, e, float(num), like)
    is_complex = dt.kind == "c"
    s = s.astype(dt)
    e = e.astype(dt)
    sl, el = s.tolist(), e.tolist()

    def sign(v):
        if is_complex:
            return v / abs(v) if v != 0 else 0j
        return math.copysign(1.0, v) if v != 0 else 0.0

    out_sign = _map(sign, sl)
    s_pos = _map2(lambda v, g: v / g, sl, out_sign)
    e_pos = _map2(lambda v, g: v / g, el, out_sign)
    def _log10(v):
        if v < 0 or v != v:
            return float("nan")
        if v == 0:
            return float("-inf")
        return math.log10(v)

    log = cmath.log10 if is_complex else _log10
    ls = _map(log, s_pos)
    le = _map(log, e_pos)
    ls_arr = _core.array(ls, dtype=dt)
    le_arr = _core.array(le, dtype=dt)
    res = logspace(ls_arr, le_arr, num=num, endpoint=endpoint, base=10.0, dtype=dt)
    vals = res.tolist()
    if num > 0:
        vals[0] = s_pos
        if num > 1 and endpoint:
            vals[-1] = e_pos
    vals = [_map2(lambda v, g: v * g, row, out_sign) if isinstance(row, list)
            else row * out_sign for row in vals]
    out = _core.array(vals, dtype=dt)
    if axis != 0:
        nd = out.ndim
        ax = axis + nd if axis < 0 else axis
        perm = list(range(1, nd))
        perm.insert(ax, 0)
        out = out.transpose(perm)
    if dtype is not None:
        return out.astype(dtype, copy=False)
    return out
