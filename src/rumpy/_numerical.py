"""Numerical helpers (NumPy's ``diff``, ``ediff1d``, ``gradient``, ``trapezoid``,
``cumulative_sum``/``cumulative_prod``, ``unwrap``).

Everything here is a composition of whole-array primitives (views, ufuncs, ``concatenate``,
``accumulate``); the loops run in the core. The sequence of operations follows NumPy's
(numpy/lib/_function_base_impl.py, numpy/lib/_arraysetops_impl.py,
numpy/_core/fromnumeric.py) so that values, dtypes, warnings and errors agree; temporaries are
reused in place only where that cannot change a result.
"""

import math as _math

from . import _core
from ._helpers import _NoValue
from ._reductions import _normalize_axis_index
from ._shape import (broadcast_shapes as _broadcast_shapes, broadcast_to as _broadcast_to,
                     normalize_axis_tuple as _axis_tuple)

__all__ = ["diff", "ediff1d", "gradient", "trapezoid", "cumulative_sum", "cumulative_prod",
           "unwrap"]

_asanyarray = _core.asanyarray
_ndarray = _core.ndarray


def _along(ndim, axis, sl):
    """An index tuple taking ``sl`` on ``axis`` and everything on the other axes."""
    idx = [slice(None)] * ndim
    idx[axis] = sl
    return tuple(idx)


def _same_dtype(dst, y):
    """Would a binary ufunc of ``dst`` (inexact) and ``y`` give ``dst``'s dtype?"""
    if dst.dtype.kind not in "fc":
        return False
    try:
        return _core.result_type(dst, y) == dst.dtype
    except TypeError:
        return False


def _apply_inplace(uf, dst, y):
    """``uf(dst, y)``, written over ``dst`` (a temporary of the caller) when the result has
    its dtype and shape; a new array otherwise."""
    if _same_dtype(dst, y) and (not isinstance(y, _ndarray) or y.ndim == 0
                                or _broadcast_shapes(dst.shape, y.shape) == dst.shape):
        return uf(dst, y, out=dst)
    return uf(dst, y)


# ---------------------------------------------------------------------------
# diff, ediff1d
# ---------------------------------------------------------------------------

def _edge(v, a, axis):
    """``prepend``/``append`` as an array; a scalar becomes a slab one long on ``axis``."""
    v = _asanyarray(v)
    if v.ndim == 0:
        shape = list(a.shape)
        shape[axis] = 1
        v = _broadcast_to(v, tuple(shape))
    return v


def diff(a, n=1, axis=-1, prepend=_NoValue, append=_NoValue):
    """The n-th discrete difference along an axis.

    Parameters
    ----------
    a : array_like
        Input array (at least 1-d).
    n : int, optional
        How many times to take differences; 0 returns ``a`` itself.
    axis : int, optional
        Axis along which to difference (default: the last).
    prepend, append : array_like, optional
        Values joined to ``a`` along ``axis`` first; scalars are repeated over the other
        axes.

    Returns
    -------
    ndarray
        ``n`` shorter than ``a`` (plus the joined values) along ``axis``. Booleans give
        ``a[i+1] != a[i]``; datetimes give timedeltas.
    """
    if n == 0:
        return a
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    a = _asanyarray(a)
    nd = a.ndim
    if nd == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    axis = _normalize_axis_index(axis, nd)
    parts = []
    if prepend is not _NoValue:
        parts.append(_edge(prepend, a, axis))
    parts.append(a)
    if append is not _NoValue:
        parts.append(_edge(append, a, axis))
    if len(parts) > 1:
        a = _core.concatenate(parts, axis)
    hi = _along(nd, axis, slice(1, None))
    lo = _along(nd, axis, slice(None, -1))
    op = _core.not_equal if a.dtype.kind == "b" else _core.subtract
    for _ in range(n):
        a = op(a[hi], a[lo])
    return a


def ediff1d(ary, to_end=None, to_begin=None):
    """Differences between consecutive elements of the flattened array.

    Parameters
    ----------
    ary : array_like
        Input values, flattened first.
    to_end, to_begin : array_like, optional
        Values put after / before the differences; they must cast to ``ary``'s dtype under
        the ``same_kind`` rule.

    Returns
    -------
    ndarray
        1-d, of ``ary``'s dtype when ``to_begin``/``to_end`` are given.
    """
    ary = _asanyarray(ary).ravel()
    dtype_req = ary.dtype
    if to_begin is None and to_end is None:
        return ary[1:] - ary[:-1]

    def extra(v, name):
        if v is None:
            return None
        v = _asanyarray(v)
        if not _core.can_cast(v, dtype_req, casting="same_kind"):
            raise TypeError(f"dtype of `{name}` must be compatible with input `ary` under "
                            "the `same_kind` rule.")
        return v.ravel()

    to_begin = extra(to_begin, "to_begin")
    to_end = extra(to_end, "to_end")
    l_begin = 0 if to_begin is None else len(to_begin)
    l_end = 0 if to_end is None else len(to_end)
    l_diff = max(len(ary) - 1, 0)
    result = _core.empty(l_diff + l_begin + l_end, dtype=dtype_req)
    if l_begin > 0:
        result[:l_begin] = to_begin
    if l_end > 0:
        result[l_begin + l_diff:] = to_end
    _core.subtract(ary[1:], ary[:-1], result[l_begin:l_begin + l_diff])
    return result


# ---------------------------------------------------------------------------
# gradient
# ---------------------------------------------------------------------------

def _spacings(f, axes, varargs):
    """One spacing per axis: a scalar, or the differences of a 1-d coordinate array (a
    scalar again when they are all equal)."""
    n, len_axes = len(varargs), len(axes)
    if n == 0:
        return [1.0] * len_axes
    if n == 1 and _core.asanyarray(varargs[0]).ndim == 0:
        return list(varargs) * len_axes
    if n != len_axes:
        raise TypeError("invalid number of arguments")
    dx = list(varargs)
    for i, distances in enumerate(dx):
        distances = _asanyarray(distances)
        if distances.ndim == 0:
            continue
        if distances.ndim != 1:
            raise ValueError("distances must be either scalars or 1d")
        if len(distances) != f.shape[axes[i]]:
            raise ValueError("when 1d, distances must match the length of the corresponding "
                             "dimension")
        if distances.dtype.kind in "iu":
            # differences of integer coordinates must not wrap around
            distances = distances.astype(_core.dtype("float64"))
        diffx = diff(distances)
        if (diffx == diffx[0]).all():
            diffx = diffx[0]
        dx[i] = diffx
    return dx


def _combine3(a, f0, b, f1, c, f2):
    """``a * f0 + b * f1 + c * f2``, evaluated left to right as NumPy does."""
    t = a * f0
    t = _apply_inplace(_core.add, t, b * f1) if isinstance(t, _ndarray) else t + b * f1
    u = c * f2
    return _apply_inplace(_core.add, t, u) if isinstance(t, _ndarray) else t + u


def gradient(f, *varargs, axis=None, edge_order=1):
    """Gradient of an N-d array: second-order central differences inside, first- or
    second-order one-sided differences at the edges.

    Parameters
    ----------
    f : array_like
        Samples of a function.
    *varargs : scalars or 1-d arrays, optional
        Spacing: nothing (unit spacing), one scalar for every axis, or one scalar or
        coordinate array per axis.
    axis : None, int or tuple of ints, optional
        Axes along which to differentiate (default: all).
    edge_order : {1, 2}, optional
        Accuracy of the differences at the boundaries.

    Returns
    -------
    ndarray or tuple of ndarray
        One array per axis, each of ``f``'s shape (float64 for integer input, timedelta for
        datetimes); a single array when there is one axis.
    """
    f = _asanyarray(f)
    N = f.ndim
    axes = tuple(range(N)) if axis is None else _axis_tuple(axis, N)
    dx = _spacings(f, axes, varargs)
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")

    otype = f.dtype
    if otype.kind == "M":
        # differences of datetimes are timedeltas of the same unit
        otype = _core.dtype(otype.name.replace("datetime", "timedelta"))
        f = f.view(otype)
    elif otype.kind in "mfc":
        pass
    else:
        if otype.kind in "iu":
            f = f.astype(_core.dtype("float64"))  # no modular arithmetic
        otype = _core.dtype("float64")

    outvals = []
    for ax, ax_dx in zip(axes, dx):
        if f.shape[ax] < edge_order + 1:
            raise ValueError(
                "Shape of array too small to calculate a numerical gradient, at least "
                "(edge_order + 1) elements are required.")
        out = _core.empty_like(f, dtype=otype)
        uniform = _asanyarray(ax_dx).ndim == 0

        def at(sl, ax=ax):
            return _along(N, ax, sl)

        # interior: second-order central differences
        inner = out[at(slice(1, -1))]
        f_lo, f_mid, f_hi = f[at(slice(None, -2))], f[at(slice(1, -1))], f[at(slice(2, None))]
        if uniform:
            step = 2. * ax_dx
            if f.dtype == otype and _same_dtype(inner, step):
                _core.subtract(f_hi, f_lo, out=inner)
                _apply_inplace(_core.divide, inner, step)
            else:
                inner[...] = (f_hi - f_lo) / step
        else:
            dx1, dx2 = ax_dx[0:-1], ax_dx[1:]
            a = -(dx2) / (dx1 * (dx1 + dx2))
            b = (dx2 - dx1) / (dx1 * dx2)
            c = dx1 / (dx2 * (dx1 + dx2))
            shape = [1] * N
            shape[ax] = -1
            a, b, c = a.reshape(shape), b.reshape(shape), c.reshape(shape)
            inner[...] = _combine3(a, f_lo, b, f_mid, c, f_hi)

        # edges
        if edge_order == 1:
            dx_0 = ax_dx if uniform else ax_dx[0]
            out[at(0)] = (f[at(1)] - f[at(0)]) / dx_0
            dx_n = ax_dx if uniform else ax_dx[-1]
            out[at(-1)] = (f[at(-1)] - f[at(-2)]) / dx_n
        else:
            if uniform:
                a, b, c = -1.5 / ax_dx, 2. / ax_dx, -0.5 / ax_dx
            else:
                dx1, dx2 = ax_dx[0], ax_dx[1]
                a = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2))
                b = (dx1 + dx2) / (dx1 * dx2)
                c = - dx1 / (dx2 * (dx1 + dx2))
            out[at(0)] = a * f[at(0)] + b * f[at(1)] + c * f[at(2)]
            if uniform:
                a, b, c = 0.5 / ax_dx, -2. / ax_dx, 1.5 / ax_dx
            else:
                dx1, dx2 = ax_dx[-2], ax_dx[-1]
                a = (dx2) / (dx1 * (dx1 + dx2))
                b = - (dx2 + dx1) / (dx1 * dx2)
                c = (2. * dx2 + dx1) / (dx2 * (dx1 + dx2))
            out[at(-1)] = a * f[at(-3)] + b * f[at(-2)] + c * f[at(-1)]
        outvals.append(out)

    if len(axes) == 1:
        return outvals[0]
    return tuple(outvals)


# ---------------------------------------------------------------------------
# trapezoid
# ---------------------------------------------------------------------------

def trapezoid(y, x=None, dx=1.0, axis=-1):
    """Integral along an axis by the composite trapezoidal rule.

    Parameters
    ----------
    y : array_like
        Values to integrate.
    x : array_like, optional
        Sample points (1-d along ``axis``, or of ``y``'s shape); ``dx`` spacing otherwise.
    dx : scalar, optional
        Spacing of the samples when ``x`` is None.
    axis : int, optional
        Axis along which to integrate (default: the last).

    Returns
    -------
    float or ndarray
        The integral: ``y`` with ``axis`` removed (a scalar for 1-d ``y``).
    """
    y = _asanyarray(y)
    if x is None:
        d = dx
    else:
        x = _asanyarray(x)
        if x.ndim == 1:
            d = diff(x)
            shape = [1] * y.ndim
            shape[axis] = d.shape[0]
            d = d.reshape(shape)
        else:
            d = diff(x, axis=axis)
    nd = y.ndim
    s = _core.add(y[_along(nd, axis, slice(1, None))], y[_along(nd, axis, slice(None, -1))])
    if isinstance(s, _ndarray):
        if s.dtype.kind == "f" and type(d) in (int, float) and d == 1:
            pass  # x * 1.0 is x for real floats
        elif s.dtype.kind in "fc":
            s = _apply_inplace(_core.multiply, s, d)
        else:
            s = d * s
        if isinstance(s, _ndarray):
            s = _apply_inplace(_core.divide, s, 2.0)
        else:
            s = s / 2.0
    else:
        s = d * s / 2.0
    return s.sum(axis)


# ---------------------------------------------------------------------------
# cumulative_sum, cumulative_prod
# ---------------------------------------------------------------------------

def _cumulative(uf, x, axis, dtype, out, include_initial):
    x = _core.asanyarray(x)
    if x.ndim == 0:
        x = x.reshape(1)
    if axis is None:
        if x.ndim >= 2:
            raise ValueError("For arrays which have more than one dimension ``axis`` "
                             "argument is required.")
        axis = 0
    if out is not None and include_initial:
        uf.accumulate(x, axis=axis, dtype=dtype, out=out[_along(x.ndim, axis, slice(1, None))])
        out[_along(x.ndim, axis, 0)] = uf.identity
        return out
    res = uf.accumulate(x, axis=axis, dtype=dtype, out=out)
    if include_initial:
        first = list(x.shape)
        first[axis] = 1
        res = _core.concatenate([_core.full_like(res, uf.identity, shape=first), res],
                                axis=axis)
    return res


def cumulative_sum(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    """Running sum along an axis (the Array API's ``cumsum``).

    Parameters
    ----------
    x : array_like
        Input array; ``axis`` is required when it has more than one dimension.
    axis : int, optional
        Axis along which to sum.
    dtype : dtype, optional
        Dtype of the accumulator and result (small integers and booleans use the default
        integer).
    out : ndarray, optional
        Where to write the result.
    include_initial : bool, optional
        Start with the additive identity (0), making the axis one longer.

    Returns
    -------
    ndarray
        The running sums.
    """
    return _cumulative(_core.add, x, axis, dtype, out, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    """Running product along an axis (the Array API's ``cumprod``).

    Parameters
    ----------
    x : array_like
        Input array; ``axis`` is required when it has more than one dimension.
    axis : int, optional
        Axis along which to multiply.
    dtype : dtype, optional
        Dtype of the accumulator and result.
    out : ndarray, optional
        Where to write the result.
    include_initial : bool, optional
        Start with the multiplicative identity (1), making the axis one longer.

    Returns
    -------
    ndarray
        The running products.
    """
    return _cumulative(_core.multiply, x, axis, dtype, out, include_initial)


# ---------------------------------------------------------------------------
# unwrap
# ---------------------------------------------------------------------------

def unwrap(p, discont=None, axis=-1, *, period=2 * _math.pi):
    """Unwrap a periodic signal: jumps between neighbours larger than
    ``max(discont, period/2)`` are replaced by their ``period`` complements.

    Parameters
    ----------
    p : array_like
        Input signal.
    discont : float, optional
        Smallest jump that is unwrapped (default ``period/2``; smaller values act as
        ``period/2``).
    axis : int, optional
        Axis along which to unwrap (default: the last).
    period : float, optional
        Period of the signal (default ``2*pi``); integer periods keep integer input integral.

    Returns
    -------
    ndarray
        The unwrapped signal, of the dtype of ``diff(p)`` combined with ``period``.
    """
    p = _core.asanyarray(p)
    nd = p.ndim
    dd = diff(p, axis=axis)
    if discont is None:
        discont = period / 2
    tail = _along(nd, axis, slice(1, None))
    dtype = _core.result_type(dd, period)
    if dtype.kind in "iu":
        interval_high, rem = divmod(period, 2)
        boundary_ambiguous = rem == 0
    else:
        interval_high = period / 2
        boundary_ambiguous = True
    interval_low = -interval_high
    # dd folded into [low, high)
    ddmod = _core.subtract(dd, interval_low)
    ddmod = _apply_inplace(_core.remainder, ddmod, period)
    ddmod = _apply_inplace(_core.add, ddmod, interval_low)
    if boundary_ambiguous:
        # a jump of exactly half a period keeps its sign
        _core.copyto(ddmod, interval_high,
                     where=_core.logical_and(ddmod == interval_low, dd > 0))
    ph_correct = _apply_inplace(_core.subtract, ddmod, dd)
    small = _core.absolute(dd) < discont
    if ph_correct.dtype.kind in "iufc":
        # no correction for small jumps: most are, so the few kept are copied onto zeros
        kept = _core.zeros(ph_correct.shape, dtype=ph_correct.dtype)
        _core.copyto(kept, ph_correct, where=_core.logical_not(small))
        ph_correct = kept
    else:
        _core.copyto(ph_correct, 0, where=small)
    up = _core.array(p, copy=True, dtype=dtype)
    up[tail] = p[tail] + ph_correct.cumsum(axis)
    return up
