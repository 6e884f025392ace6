"""Order statistics and moments (NumPy's ``median``, ``percentile``, ``quantile`` and their
nan- versions, ``average``, ``cov``, ``corrcoef``).

The selection runs in the core's introselect (``partition``) or sort; this module picks the
order statistics NumPy would pick and combines them with the same sequence of ufunc calls, so
that dtypes, rounding and the special cases (NaN, infinities, empty slices) come out as in
NumPy 2.4 (numpy/lib/_function_base_impl.py, numpy/lib/_nanfunctions_impl.py).
"""

import builtins
import warnings
from contextlib import nullcontext as _nullcontext

from . import _core
from . import _scalars
from ._errstate import errstate
from ._helpers import _NoValue, where as _where, clip as _clip, around as _around
from ._indexing import take as _take, take_along_axis as _take_along_axis, diag as _diag
from ._shape import normalize_axis_tuple, moveaxis, broadcast_to, stack as _stack
from ._reductions import cumsum as _cumsum
from ._sort import sort as _sort, argsort as _argsort, searchsorted as _searchsorted

__all__ = ["median", "percentile", "quantile", "nanmedian", "nanpercentile", "nanquantile",
           "average", "cov", "corrcoef"]

_asarray = _core.asanyarray
_ndarray = _core.ndarray
_intp = _scalars.intp
_float64 = _scalars.float64

# The Hyndman & Fan methods NumPy offers, in NumPy's order (its error message lists them).
_METHODS = ("inverted_cdf", "averaged_inverted_cdf", "closest_observation",
            "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
            "normal_unbiased", "lower", "higher", "midpoint", "nearest")
# Methods whose virtual index is already an integer position (no interpolation).
_DISCRETE = frozenset(("inverted_cdf", "closest_observation", "lower", "higher", "nearest"))
# (alpha, beta) of the continuous methods written as n*q + alpha + q*(1-alpha-beta) - 1;
# NumPy passes Python ints for some of them, which matters for integer q.
_ALPHA_BETA = {
    "interpolated_inverted_cdf": (0, 1),
    "hazen": (0.5, 0.5),
    "weibull": (0, 0),
    "median_unbiased": (1 / 3.0, 1 / 3.0),
    "normal_unbiased": (3 / 8.0, 3 / 8.0),
}
# Axis length from which NumPy's nanmedian goes through ``median`` slice by slice (below it,
# through the masked-array median, whose mean of the two middle values rounds differently).
_NANMEDIAN_SMALL = 600


def _check_method(method):
    if method not in _METHODS:
        keys = "dict_keys([" + ", ".join(repr(m) for m in _METHODS) + "])"
        raise ValueError(f"{method!r} is not a valid method. Use one of: {keys}")


def _arr(x):
    """``x`` as an array (ufuncs give scalars for 0-d operands)."""
    return x if isinstance(x, _ndarray) else _asarray(x)


def _unpack(x):
    return x[()] if isinstance(x, _ndarray) and x.ndim == 0 else x


def _any(x):
    return builtins.bool(_core.logical_or.reduce(_arr(x).astype(builtins.bool).ravel()))


def _nan_slices(x, axis):
    """Which slices along ``axis`` hold a NaN (the maximum propagates it)."""
    with errstate(invalid="ignore"):
        return _core.isnan(_core.maximum.reduce(x, axis=axis))


def _supports_nans(dt):
    return dt.kind in "fcmM"


# ---------------------------------------------------------------------------
# axis handling shared by the order statistics (NumPy's ``_ureduce``)
# ---------------------------------------------------------------------------

def _ureduce(a, func, keepdims=False, **kwargs):
    """Call ``func`` with a single ``axis`` (or None): several axes are first brought to the
    end and merged; ``keepdims`` and ``out`` are handled here."""
    axis = kwargs.get("axis")
    out = kwargs.get("out")
    if keepdims is _NoValue:
        keepdims = False
    nd = a.ndim
    if axis is not None:
        axis = normalize_axis_tuple(axis, nd)
        if keepdims and out is not None:
            kwargs["out"] = out[(Ellipsis,) + tuple(0 if i in axis else slice(None)
                                                    for i in range(nd))]
        if len(axis) == 1:
            kwargs["axis"] = axis[0]
        else:
            keep = [i for i in range(nd) if i not in axis]
            nkeep = len(keep)

            def merged(x):
                x = moveaxis(x, keep, list(range(nkeep)))
                return x.reshape(x.shape[:nkeep] + (-1,))

            a = merged(a)
            if kwargs.get("weights") is not None:
                kwargs["weights"] = merged(kwargs["weights"])
            kwargs["axis"] = -1
    elif keepdims and out is not None:
        kwargs["out"] = out[(Ellipsis,) + (0,) * nd]

    r = func(a, **kwargs)
    if out is not None:
        return out
    if keepdims:
        if axis is None:
            index = (None,) * nd
        else:
            index = tuple(None if i in axis else slice(None) for i in range(nd))
        r = _arr(r)[(Ellipsis,) + index]
    return r


def _weights_are_valid(weights, a, axis):
    """``weights`` checked against ``a`` and shaped to broadcast along ``axis``."""
    wgt = _core.asanyarray(weights)
    if a.shape != wgt.shape:
        if axis is None:
            raise TypeError("Axis must be specified when shapes of a and weights differ.")
        if wgt.shape != tuple(a.shape[ax] for ax in axis):
            raise ValueError(
                "Shape of weights must be consistent with shape of a along specified axis.")
        order = sorted(range(len(axis)), key=lambda i: axis[i])
        wgt = wgt.transpose(order)
        wgt = wgt.reshape(tuple((s if ax in axis else 1) for ax, s in enumerate(a.shape)))
    return wgt


# ---------------------------------------------------------------------------
# median
# ---------------------------------------------------------------------------

def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """Median along the given axis or axes.

    Parameters
    ----------
    a : array_like
        Input data.
    axis : int, tuple of ints or None, optional
        Axis or axes along which the medians are computed; None (default) uses the
        flattened array.
    out : ndarray, optional
        Array to place the result in (same shape as the expected output).
    overwrite_input : bool, optional
        Allow the input array to be reordered in place.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.

    Returns
    -------
    median : ndarray or scalar
        The median; float64 for integer input, otherwise the input's floating type. Slices
        containing NaN give NaN.
    """
    return _ureduce(_core.asanyarray(a), func=_median, keepdims=keepdims, axis=axis, out=out,
                    overwrite_input=overwrite_input)


def _median(a, axis=None, out=None, overwrite_input=False):
    from ._reductions import mean
    sz = a.size if axis is None else a.shape[axis]
    half = sz // 2
    kth = [half - 1, half] if sz % 2 == 0 else [(sz - 1) // 2]
    kind = a.dtype.kind
    # The largest element tells which slices hold NaN (NaN sorts last); for real floats a
    # maximum over the upper half is cheaper than selecting it.
    take_last = kind in "cmM"
    if take_last:
        kth.append(-1)
    if overwrite_input and isinstance(a, _ndarray):
        if axis is None:
            part = a.ravel()
            part.partition(kth)
        else:
            a.partition(kth, axis=axis)
            part = a
    else:
        part = a.flatten() if axis is None else a.copy(order="K")
        part.partition(kth, axis=-1 if axis is None else axis)
    if axis is None:
        axis = 0

    index = part.shape[axis] // 2
    indexer = [slice(None)] * part.ndim
    if part.shape[axis] % 2 == 1:
        indexer[axis] = slice(index, index + 1)
    else:
        indexer[axis] = slice(index - 1, index + 1)
    if kind == "c" and sz:
        # the count is never 0 here: no division warning can be NumPy's
        with errstate(divide="ignore"):
            rout = mean(part[tuple(indexer)], axis=axis, out=out)
    else:
        rout = mean(part[tuple(indexer)], axis=axis, out=out)

    if not (_supports_nans(a.dtype) and sz > 0) or part.size == 0:
        return rout
    if take_last:
        last = _take(part, -1, axis=axis)
        nanmask = _core.isnan(last)
    else:
        upper = [slice(None)] * part.ndim
        upper[axis] = slice(index, None)
        last = None
        nanmask = _nan_slices(part[tuple(upper)], axis)
    if not _any(nanmask):
        return rout
    if not isinstance(rout, _ndarray):
        return last if last is not None else a.dtype.type(float("nan"))
    _core.copyto(rout, last if last is not None else float("nan"), where=nanmask)
    return rout


# ---------------------------------------------------------------------------
# quantile machinery
# ---------------------------------------------------------------------------

def _quantile_is_valid(q):
    if q.ndim == 1 and q.size < 10:
        for v in q.tolist():
            if not (0.0 <= v <= 1.0):
                return False
        return True
    return builtins.bool(q.min() >= 0) and builtins.bool(q.max() <= 1)


def _to_boundaries(index, condition):
    """Integer positions for the discrete methods: ``floor(index)`` where ``condition``
    holds, the next position elsewhere, never below 0."""
    index = _arr(index)
    prev = _arr(_core.floor(index))
    gamma = _arr(index - prev)
    res = _where(condition(gamma, index), prev, prev + 1).astype(_intp)
    return _arr(_core.maximum(res, 0))


def _virtual_index(method, n, nm1, q):
    """Where quantile ``q`` sits in a sorted sample of ``n`` values (``nm1`` is ``n - 1``).
    ``n`` is a Python int, or an array in the dtype a Python int would take against ``q``
    (so every operation rounds as NumPy's does with a Python int)."""
    if method == "linear":
        return _arr(nm1 * q)
    if method in _ALPHA_BETA:
        alpha, beta = _ALPHA_BETA[method]
        return _arr(n * q + (alpha + q * (1 - alpha - beta)) - 1)
    if method == "averaged_inverted_cdf":
        return _arr(n * q - 1)
    if method == "midpoint":
        return _arr(0.5 * (_core.floor(nm1 * q) + _core.ceil(nm1 * q)))
    if method == "lower":
        return _arr(_core.floor(nm1 * q)).astype(_intp)
    if method == "higher":
        return _arr(_core.ceil(nm1 * q)).astype(_intp)
    if method == "nearest":
        return _arr(_around(nm1 * q)).astype(_intp)
    if method == "inverted_cdf":
        return _to_boundaries(n * q - 1, lambda g, i: g == 0)
    # closest_observation: the nearest even order statistic (1-based) on a tie
    return _to_boundaries(n * q - 1 - 0.5,
                          lambda g, i: (g == 0) & (_core.floor(i) % 2 == 1))


def _is_discrete(method, vi):
    """No interpolation: the method gives positions, or ``linear`` met integer q."""
    return method in _DISCRETE or (method == "linear" and vi.dtype.kind in "iu")


def _neighbour_indexes(vi, nm1, inexact):
    """Positions either side of the virtual index ``vi`` (intp), clamped to the sample;
    -1 stands for the last position."""
    prev = _arr(_core.floor(vi)).copy()
    nxt = _arr(prev + 1)
    above = _arr(vi >= nm1)
    if _any(above):
        _core.copyto(prev, -1, where=above)
        _core.copyto(nxt, -1, where=above)
    below = _arr(vi < 0)
    if _any(below):
        _core.copyto(prev, 0, where=below)
        _core.copyto(nxt, 0, where=below)
    if inexact and vi.dtype.kind in "fc":
        nans = _arr(_core.isnan(vi))
        if _any(nans):
            _core.copyto(prev, -1, where=nans)
            _core.copyto(nxt, -1, where=nans)
    return prev.astype(_intp), nxt.astype(_intp)


def _gamma(vi, prev, method):
    """Interpolation weight between the neighbours (the fractional part of ``vi``, which some
    methods replace), in the dtype of ``vi``."""
    g = _arr(vi - prev)
    if method == "averaged_inverted_cdf":
        g = _where(g == 0, 0.5, 1.0)
    elif method == "midpoint":
        g = _where(_arr(vi % 1 == 0), 0.0, 0.5)
    return _arr(g).astype(vi.dtype)


def _lerp(a, b, t, out=None, t_low=None, t_high=None, upper=None):
    """``a + (b - a) * t``, computed from ``b`` where ``t >= 0.5`` (exact at both ends).
    ``t_low``/``t_high``/``upper`` replace ``t``, ``1 - t`` and ``t >= 0.5`` when a weak
    (Python float) weight is emulated element-wise."""
    if t_low is None:
        t_low, t_high, upper = t, 1 - t, t >= 0.5
    diff = b - a
    if out is None:
        res = _arr(_core.add(a, diff * t_low))
        if not isinstance(res, _ndarray) or res.ndim == 0:
            res = _core.array(res, copy=True)
    else:
        res = _core.add(a, diff * t_low, out=out)
    if not (upper is False or (isinstance(upper, _ndarray) and upper.size and not _any(upper))):
        # computed in the result's type (times take their unit from the operands)
        kw = {} if res.dtype.kind in "mM" else {"dtype": res.dtype}
        _core.subtract(b, diff * t_high, out=res, where=upper, casting="unsafe", **kw)
    if res.ndim == 0 and out is None:
        return res[()]
    return res


def _q_front(x, axis, qndim):
    """Move the ``qndim`` axes that ``take`` inserted at ``axis`` to the front."""
    if qndim == 0 or axis == 0:
        return x
    return moveaxis(x, list(range(axis, axis + qndim)), list(range(qndim)))


def _quantile_ureduce_func(a, q, weights, axis=None, out=None, overwrite_input=False,
                           method="linear", weak_q=False):
    if q.ndim > 2:
        raise ValueError("q must be a scalar or 1d")
    if axis is None:
        arr = a.reshape(-1)
        wgt = None if weights is None else weights.reshape(-1)
        axis = 0
    else:
        arr, wgt = a, weights
    # overwrite_input: select in the caller's array (or in its flattened copy)
    in_place = builtins.bool(overwrite_input) and arr.flags.writeable
    if wgt is not None:
        return _quantile_weighted(arr, q, axis, out, wgt)
    return _quantile(arr, q, axis, method, out, in_place, weak_q)


def _partitioned(arr, kth, axis, in_place):
    if not kth:
        return arr
    if in_place:
        arr.partition(kth, axis=axis)
        return arr
    part = arr.copy(order="K")
    part.partition(kth, axis=axis)
    return part


def _quantile(arr, q, axis, method, out, in_place, weak_q):
    """Quantiles along one axis (no NaN removal); the q axes come first in the result."""
    n = arr.shape[axis]
    _check_method(method)
    vi = _virtual_index(method, n, n - 1, q)
    dt = arr.dtype
    nan_kind = dt.kind in "fmM"
    real_float = dt.kind == "f"
    if n == 0:
        # NumPy fails on the empty axis when it reads the last element (types that hold NaN)
        # or the first neighbour; a take of nothing still works.
        discrete = _is_discrete(method, vi)
        if nan_kind or not discrete:
            where = -1 if nan_kind else 0
            raise IndexError(f"index {where} is out of bounds for axis 0 with size 0")
        if vi.size:
            raise IndexError("cannot do a non-empty take from an empty axes.")
    # Slices that hold NaN: found by a scan for real floats, by the last order statistic
    # for times (NaT).
    nanmask = None
    if real_float and arr.size:
        nanmask = _arr(_nan_slices(arr, axis))
    extra = [-1] if dt.kind in "mM" else []

    if _is_discrete(method, vi):
        idx = vi.astype(_intp)
        kth = sorted(set(idx.reshape(-1).tolist() + extra)) if arr.size else []
        part = _partitioned(arr, kth, axis, in_place)
        res = _q_front(_take(part, idx, axis=axis), axis, idx.ndim)
        if extra and part.size:
            nanmask = _arr(_core.isnan(_take(part, -1, axis=axis)))
        if out is not None:
            if not _core.can_cast(out.dtype, dt, "safe"):
                raise TypeError(f"Cannot cast scalar from {out.dtype!r} to {dt!r} according "
                                f"to the rule 'safe'")
            _core.copyto(out, res, casting="unsafe")
            res = out
    else:
        prev, nxt = _neighbour_indexes(vi, n - 1, dt.kind in "fc")
        kth = sorted({i % n for i in prev.reshape(-1).tolist() + nxt.reshape(-1).tolist()}
                     ) if arr.size else []
        part = _partitioned(arr, kth, axis, in_place)
        if extra and part.size:
            nanmask = _arr(_core.isnan(_take(part, -1, axis=axis)))
        lo = _q_front(_take(part, prev, axis=axis), axis, prev.ndim)
        hi = _q_front(_take(part, nxt, axis=axis), axis, nxt.ndim)
        g = _gamma(vi, prev, method)
        if weak_q:
            g = float(g)
        else:
            g = g.reshape(vi.shape + (1,) * (arr.ndim - 1))
        res = _lerp(lo, hi, g, out=out)

    if nanmask is not None and _any(nanmask):
        res_nd = res.ndim if isinstance(res, _ndarray) else 0
        if res_nd == 0 and out is None:
            if real_float:
                return dt.type(float("nan"))
            return _take(part, -1, axis=axis)[()]
        fill = float("nan") if real_float else _take(part, -1, axis=axis)
        _core.copyto(res, fill, where=nanmask)
    return res


def _quantile_weighted(arr, q, axis, out, wgt, n_valid=None):
    """``inverted_cdf`` with weights: the first sorted value whose normalised cumulative
    weight reaches ``q``. ``n_valid`` (per slice, NaN sorted last) limits the positions."""
    a = moveaxis(arr, axis, -1)
    w = moveaxis(broadcast_to(_core.asanyarray(wgt), arr.shape), axis, -1)
    n = a.shape[-1]
    if n == 0:
        raise IndexError("index -1 is out of bounds for axis 0 with size 0")
    order = _argsort(a, axis=-1)
    a = _take_along_axis(a, order, -1)
    w = _take_along_axis(w, order, -1)
    rest = a.shape[:-1]
    if n_valid is None and _supports_nans(a.dtype) and a.size:
        nanmask = _arr(_core.isnan(a[..., -1]))
    else:
        nanmask = None
    cdf = _cumsum(w, axis=-1, dtype=_float64)
    if n:
        with errstate(all="ignore"):
            cdf = _arr(_core.divide(cdf, cdf[..., -1:]))
        if _any(_core.isnan(cdf[..., -1])):
            raise ValueError("Weights included NaN, inf or were all zero.")
    if q.dtype.kind == "f":
        cdf = cdf.astype(q.dtype)
    if n and _any(cdf[..., 0] == 0):
        _core.copyto(cdf, -1, where=cdf == 0)
    qs = q.reshape(-1)
    if not rest:
        idx = _arr(_searchsorted(cdf, qs, side="left"))
    else:
        cols = [_core.add.reduce(_arr(cdf < qv), axis=-1, dtype=_intp)
                for qv in (qs[i] for i in range(qs.size))]
        idx = (_stack(cols, axis=-1) if cols
               else _core.zeros(rest + (0,), dtype=_intp))
    top = n - 1 if n_valid is None else _arr(n_valid - 1)[..., None]
    idx = _arr(_core.minimum(idx, top)).astype(_intp)
    if not rest:
        vals = _take(a, idx, axis=-1) if n else _core.zeros(idx.shape, dtype=a.dtype)
    else:
        vals = _take_along_axis(a, idx, -1) if n else _core.zeros(idx.shape, a.dtype)
    vals = _arr(vals).reshape(rest + q.shape)
    vals = _q_front(vals, len(rest), q.ndim)
    r_shape = q.shape + rest
    if out is None:
        result = _core.empty(r_shape, dtype=a.dtype)
    else:
        if out.shape != r_shape:
            raise ValueError(f"Wrong shape of argument 'out', shape={r_shape} is required; "
                             f"got shape={out.shape}.")
        result = out
    _core.copyto(result, vals, casting="unsafe")
    if nanmask is not None and _any(nanmask):
        if result.ndim == 0 and out is None:
            return a.dtype.type(float("nan")) if a.dtype.kind == "f" else a[-1]
        _core.copyto(result, a[..., -1], where=nanmask)
    return result


def _check_quantile_args(a, q, weights, method, axis, percent):
    """NumPy's argument checks shared by the four quantile functions; returns
    ``(q array, weights, weak_q)``."""
    if a.dtype.kind == "c":
        raise TypeError("a must be an array of real numbers")
    weak_q = type(q) in (int, float)
    if percent:
        q = _arr(_core.divide(_core.asanyarray(q), 100))
        if not _quantile_is_valid(q):
            raise ValueError("Percentiles must be in the range [0, 100]")
    else:
        q = _core.asanyarray(q)
        if not _quantile_is_valid(q):
            raise ValueError("Quantiles must be in the range [0, 1]")
    if weights is not None:
        if method != "inverted_cdf":
            raise ValueError(f"Only method 'inverted_cdf' supports weights. Got: {method}.")
        if axis is not None:
            axis = normalize_axis_tuple(axis, a.ndim, argname="axis")
        weights = _weights_are_valid(weights, a, axis)
        if _any(weights < 0):
            raise ValueError("Weights must be non-negative.")
    return q, weights, weak_q


# ---------------------------------------------------------------------------
# percentile / quantile
# ---------------------------------------------------------------------------

def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
               keepdims=False, *, weights=None):
    """q-th percentile(s) of the data along the given axis or axes.

    Parameters
    ----------
    a : array_like of real numbers
        Input data.
    q : array_like of float
        Percentage(s) in [0, 100].
    axis : int, tuple of ints or None, optional
        Axis or axes along which to compute; None (default) uses the flattened array.
    out : ndarray, optional
        Array to place the result in.
    overwrite_input : bool, optional
        Allow the input array to be reordered in place.
    method : str, optional
        One of the thirteen estimation methods ('linear' by default; see ``quantile``).
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    weights : array_like, optional
        Non-negative weight per value (only with ``method='inverted_cdf'``).

    Returns
    -------
    percentile : scalar or ndarray
        The dimensions of ``q`` come first, followed by the remaining axes of ``a``.
    """
    a = _core.asanyarray(a)
    q, weights, weak_q = _check_quantile_args(a, q, weights, method, axis, True)
    return _ureduce(a, func=_quantile_ureduce_func, q=q, weights=weights, keepdims=keepdims,
                    axis=axis, out=out, overwrite_input=overwrite_input, method=method,
                    weak_q=weak_q)


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
             keepdims=False, *, weights=None):
    """q-th quantile(s) of the data along the given axis or axes.

    Parameters
    ----------
    a : array_like of real numbers
        Input data.
    q : array_like of float
        Probability or sequence of probabilities in [0, 1].
    axis : int, tuple of ints or None, optional
        Axis or axes along which to compute; None (default) uses the flattened array.
    out : ndarray, optional
        Array to place the result in.
    overwrite_input : bool, optional
        Allow the input array to be reordered in place.
    method : str, optional
        'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation',
        'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear' (default),
        'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint' or 'nearest'.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    weights : array_like, optional
        Non-negative weight per value (only with ``method='inverted_cdf'``).

    Returns
    -------
    quantile : scalar or ndarray
        The dimensions of ``q`` come first, followed by the remaining axes of ``a``; slices
        containing NaN give NaN.
    """
    a = _core.asanyarray(a)
    q, weights, weak_q = _check_quantile_args(a, q, weights, method, axis, False)
    return _ureduce(a, func=_quantile_ureduce_func, q=q, weights=weights, keepdims=keepdims,
                    axis=axis, out=out, overwrite_input=overwrite_input, method=method,
                    weak_q=weak_q)


# ---------------------------------------------------------------------------
# nan- versions
# ---------------------------------------------------------------------------

def _warn_all_nan(count=1):
    for _ in range(count):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=4)


def _drop_nans(arr1d, w1d=None):
    """The non-NaN values of a 1-d array (and their weights); None when all are NaN."""
    if arr1d.dtype.kind not in "fcmM":
        return arr1d, w1d
    mask = _arr(_core.isnan(arr1d))
    if not _any(mask):
        return arr1d, w1d
    keep = _core.logical_not(mask)
    if not _any(keep):
        return None, None
    return arr1d[keep], (None if w1d is None else _core.asanyarray(w1d)[keep])


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=_NoValue):
    """Median along the given axis or axes, ignoring NaNs.

    Parameters
    ----------
    a : array_like
        Input data.
    axis : int, tuple of ints or None, optional
        Axis or axes along which the medians are computed; None (default) uses the
        flattened array.
    out : ndarray, optional
        Array to place the result in.
    overwrite_input : bool, optional
        Allow the input array to be modified.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.

    Returns
    -------
    median : ndarray or scalar
        The median of the non-NaN values; NaN, with a RuntimeWarning, for all-NaN slices.
    """
    a = _core.asanyarray(a)
    if a.size == 0:
        from ._reductions import nanmean
        return nanmean(a, axis, out=out, keepdims=keepdims)
    return _ureduce(a, func=_nanmedian, keepdims=keepdims, axis=axis, out=out,
                    overwrite_input=overwrite_input)


def _nanmedian1d(arr1d):
    vals, _ = _drop_nans(arr1d)
    if vals is None:
        _warn_all_nan()
        return arr1d[-1]
    return median(vals)


def _nanmedian(a, axis=None, out=None, overwrite_input=False):
    if axis is None or a.ndim == 1:
        r = _nanmedian1d(a.reshape(-1))
        if out is None:
            return r
        out[...] = r
        return out
    dt = a.dtype
    n = a.shape[axis]
    am = moveaxis(a, axis, -1)
    cnt = None
    if dt.kind in "fcm":
        cnt = _arr(n - _core.add.reduce(_core.isnan(am), axis=-1, dtype=_intp))
        if not _any(cnt != n) and (dt != _scalars.float16 or n >= _NANMEDIAN_SMALL):
            cnt = None
    if cnt is None:
        # nothing to drop, and the same rounding: the ordinary median
        r = median(a, axis=axis)
        if out is not None:
            out[...] = r
            return out
        return r
    srt = _sort(am, axis=-1)
    h = cnt // 2
    odd = _arr(cnt % 2 == 1)
    low = _arr(_core.maximum(_where(odd, h, h - 1), 0))
    high = _arr(_core.minimum(h, n - 1))
    lo = _take_along_axis(srt, low[..., None], -1)[..., 0]
    hi = _take_along_axis(srt, high[..., None], -1)[..., 0]
    if n < _NANMEDIAN_SMALL and dt.kind in "fc":
        # the masked-array median: the two middle values added in the input dtype, halved
        s = _arr(_core.add.reduce(_stack([lo, hi], axis=-1), axis=-1))
        with errstate(divide="ignore"):
            r = _arr(_core.divide(s, 2.0, out=s, casting="unsafe"))
    else:
        # median of each slice: the mean of the middle value(s)
        from ._reductions import mean
        r = _arr(mean(_stack([lo, hi], axis=-1), axis=-1))
        _core.copyto(r, lo, where=odd, casting="unsafe")
    allnan = _arr(cnt == 0)
    nbad = builtins.int(_core.add.reduce(allnan.reshape(-1), dtype=_intp))
    if nbad:
        _warn_all_nan(nbad)
        fill = _core.array("NaT", dtype=dt) if dt.kind == "m" else float("nan")
        _core.copyto(r, fill, where=allnan)
    if out is not None:
        out[...] = r
        return out
    return _unpack(r)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=_NoValue, *, weights=None):
    """q-th percentile(s) of the data along the given axis or axes, ignoring NaNs.

    Parameters
    ----------
    a : array_like of real numbers
        Input data.
    q : array_like of float
        Percentage(s) in [0, 100].
    axis : int, tuple of ints or None, optional
        Axis or axes along which to compute; None (default) uses the flattened array.
    out : ndarray, optional
        Array to place the result in.
    overwrite_input : bool, optional
        Allow the input array to be modified.
    method : str, optional
        Estimation method (see ``quantile``).
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    weights : array_like, optional
        Non-negative weight per value (only with ``method='inverted_cdf'``).

    Returns
    -------
    percentile : scalar or ndarray
        Percentiles of the non-NaN values; NaN, with a RuntimeWarning, for all-NaN slices.
    """
    a = _core.asanyarray(a)
    q, weights, weak_q = _check_quantile_args(a, q, weights, method, axis, True)
    return _nanquantile_unchecked(a, q, axis, out, overwrite_input, method, keepdims, weights,
                                  weak_q)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                keepdims=_NoValue, *, weights=None):
    """q-th quantile(s) of the data along the given axis or axes, ignoring NaNs.

    Parameters
    ----------
    a : array_like of real numbers
        Input data.
    q : array_like of float
        Probability or sequence of probabilities in [0, 1].
    axis : int, tuple of ints or None, optional
        Axis or axes along which to compute; None (default) uses the flattened array.
    out : ndarray, optional
        Array to place the result in.
    overwrite_input : bool, optional
        Allow the input array to be modified.
    method : str, optional
        Estimation method (see ``quantile``).
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    weights : array_like, optional
        Non-negative weight per value (only with ``method='inverted_cdf'``).

    Returns
    -------
    quantile : scalar or ndarray
        Quantiles of the non-NaN values; NaN, with a RuntimeWarning, for all-NaN slices.
    """
    a = _core.asanyarray(a)
    q, weights, weak_q = _check_quantile_args(a, q, weights, method, axis, False)
    return _nanquantile_unchecked(a, q, axis, out, overwrite_input, method, keepdims, weights,
                                  weak_q)


def _nanquantile_unchecked(a, q, axis, out, overwrite_input, method, keepdims, weights,
                           weak_q):
    if a.size == 0:
        from ._reductions import nanmean
        return nanmean(a, axis, out=out, keepdims=keepdims)
    return _ureduce(a, func=_nanquantile_ureduce_func, q=q, weights=weights,
                    keepdims=keepdims, axis=axis, out=out, overwrite_input=overwrite_input,
                    method=method, weak_q=weak_q)


def _nanquantile_1d(arr1d, q, method, weights, weak_q):
    vals, w = _drop_nans(arr1d, weights)
    if vals is None:
        _warn_all_nan()
        return _unpack(_core.full(q.shape, float("nan"), dtype=arr1d.dtype))
    return _ureduce(vals, func=_quantile_ureduce_func, q=q, weights=w, axis=None,
                    out=None, overwrite_input=False, method=method, weak_q=weak_q)


def _nanquantile_ureduce_func(a, q, weights, axis=None, out=None, overwrite_input=False,
                              method="linear", weak_q=False):
    if axis is None or a.ndim == 1:
        result = _nanquantile_1d(a.reshape(-1), q, method,
                                 None if weights is None else weights.reshape(-1), weak_q)
    else:
        if q.ndim > 2:
            raise ValueError("q must be a scalar or 1d")
        result = _nanquantile_nd(a, q, axis, method, weights, weak_q, out)
        if weights is not None:
            return result
    if out is not None:
        out[...] = result
        return out
    return result


def _weak_int(x, qdt):
    """Integer array ``x`` in the dtype a Python int takes in arithmetic with an array of
    dtype ``qdt`` (NEP 50)."""
    if qdt.kind in "iuf":
        return x.astype(qdt)
    return x


def _nanquantile_nd(a, q, axis, method, weights, weak_q, out):
    """Quantiles along ``axis`` of an N-d array, each slice without its NaNs, all slices at
    once: the slices are sorted (NaN last) and each reads its own positions."""
    dt = a.dtype
    n = a.shape[axis]
    am = moveaxis(a, axis, -1)
    rest = am.shape[:-1]
    if weights is not None:
        # NumPy indexes the weights slice by slice with the data's index: weights given
        # along the axis only run out at the first slice past their length-1 dimensions
        wshape = moveaxis(weights, axis, -1).shape[:-1]
        for k in range(len(rest) - 1, -1, -1):
            if wshape[k] == 1 and rest[k] > 1:
                raise IndexError(f"index 1 is out of bounds for axis {k} with size 1")
    cnt = None
    if dt.kind in "fmM":
        cnt = _arr(n - _core.add.reduce(_core.isnan(am), axis=-1, dtype=_intp))
        if not _any(cnt != n):
            cnt = None
    if cnt is None:
        # no NaN anywhere: every slice is the ordinary quantile
        if weights is not None:
            res = _quantile_weighted(a, q, axis, None, weights)
            if out is not None:
                out[...] = res
                return out
            return res
        return _quantile(a, q, axis, method, None, False, weak_q)
    allnan = _arr(cnt == 0)
    nbad = builtins.int(_core.add.reduce(allnan.reshape(-1), dtype=_intp))

    if weights is not None:
        w = moveaxis(broadcast_to(_core.asanyarray(weights), a.shape), axis, -1)
        order = _argsort(am, axis=-1)
        srt = _take_along_axis(am, order, -1)
        w = _take_along_axis(w, order, -1)
        # NaNs sorted last weigh nothing
        w = _where(_core.arange(n) < cnt[..., None], w, 0)
        if nbad:
            _warn_all_nan(nbad)
            w = _where(allnan[..., None], 1, w)
        res = _quantile_weighted(srt, q, -1, None, w, n_valid=_core.maximum(cnt, 1))
        if nbad:
            _core.copyto(res, float("nan"), where=allnan)
        if out is not None:
            out[...] = res
            return out
        return _unpack(res)

    if nbad:
        _warn_all_nan(nbad)
    if nbad < allnan.size:
        _check_method(method)
    srt = moveaxis(_sort(a, axis=axis), axis, -1)
    qdt = q.dtype
    qnd = q.ndim
    shp = rest + (1,) * qnd
    cnt_q = cnt.reshape(shp)
    nq = _weak_int(cnt_q, qdt)
    nm1 = _weak_int(_arr(cnt_q - 1), qdt)
    vi = _virtual_index(method, nq, nm1, q)
    vi = _arr(broadcast_to(vi, rest + q.shape))
    flat_shape = rest + (q.size,)

    def gather(idx):
        # positions are per slice; -1 means the slice's last non-NaN value
        idx = _arr(broadcast_to(idx, rest + q.shape))
        idx = _where(idx < 0, idx + cnt_q, idx)
        idx = _arr(_clip(idx, 0, n - 1)).reshape(flat_shape).astype(_intp)
        v = _take_along_axis(srt, idx, -1).reshape(rest + q.shape)
        return _q_front(v, len(rest), qnd)

    if _is_discrete(method, vi):
        res = _arr(gather(vi.astype(_intp)))
    else:
        prev, nxt = _neighbour_indexes(vi, nm1, dt.kind in "fc")
        lo, hi = gather(prev), gather(nxt)
        g = _q_front(_gamma(vi, prev, method), len(rest), qnd)
        if weak_q:
            g = g.astype(_float64)
            # each slice's weight is a Python float in NumPy: converted to the values' float
            # type, ``1 - t`` computed in double first, ``t >= 0.5`` tested in double
            if dt.kind == "f":
                res = _lerp(lo, hi, None, t_low=g.astype(dt), t_high=_arr(1 - g).astype(dt),
                            upper=_arr(g >= 0.5))
            else:
                res = _lerp(lo, hi, g)
        else:
            res = _lerp(lo, hi, g)
        res = _arr(res)
    if nbad:
        # the dtype of the result is the first slice's (NumPy fills a buffer made for it)
        first = builtins.bool(allnan.reshape(-1)[0])
        if first and res.dtype != dt:
            res = res.astype(dt)
        _core.copyto(res, float("nan"), where=allnan)
    return _unpack(res)


# ---------------------------------------------------------------------------
# average, cov, corrcoef
# ---------------------------------------------------------------------------

def average(a, axis=None, weights=None, returned=False, *, keepdims=_NoValue):
    """Weighted average along the given axis or axes.

    Parameters
    ----------
    a : array_like
        Input data.
    axis : int, tuple of ints or None, optional
        Axis or axes to average over; None (default) averages all elements.
    weights : array_like, optional
        Weight of each value: the shape of ``a``, or of ``a`` along ``axis``.
    returned : bool, optional
        Also return the sum of the weights.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.

    Returns
    -------
    average : ndarray or scalar
        The average (float64 for integer input).
    sum_of_weights : ndarray or scalar
        Only with ``returned=True``: the sum of weights, shaped like the average.
    """
    a = _core.asanyarray(a)
    if axis is not None:
        axis = normalize_axis_tuple(axis, a.ndim, argname="axis")
    kw = {} if keepdims is _NoValue else {"keepdims": keepdims}
    # complex division by the (non-zero) count or weight sum cannot divide by zero
    quiet = errstate(divide="ignore") if a.dtype.kind == "c" else _nullcontext()
    if weights is None:
        from ._reductions import mean
        with quiet:
            avg = mean(a, axis, **kw)
        avg_arr = _core.asanyarray(avg)
        scl = avg_arr.dtype.type(a.size / avg_arr.size)
    else:
        wgt = _weights_are_valid(weights, a, axis)
        if issubclass(a.dtype.type, (_scalars.integer, _scalars.bool)):  # timedelta64 too
            result_dtype = _core.result_type(a.dtype, wgt.dtype, "f8")
        else:
            result_dtype = _core.result_type(a.dtype, wgt.dtype)
        scl = _core.add.reduce(wgt, axis=axis, dtype=result_dtype, **kw)
        if _any(scl == 0.0):
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        if result_dtype.kind == "c":
            quiet = errstate(divide="ignore")
        if (a.ndim == 1 and wgt.ndim == 1 and a.dtype == wgt.dtype == result_dtype
                and result_dtype == _float64 and a.shape[0] > _LEAF and type(a) is _ndarray
                and not kw.get("keepdims")):
            total = _pairwise_dot(a, wgt)
        else:
            kwd = {} if a.dtype == wgt.dtype == result_dtype else {"dtype": result_dtype}
            prod = _core.multiply(a, wgt, **kwd)
            total = _core.add.reduce(prod, axis=axis, **kw)
        with quiet:
            avg = avg_arr = _core.divide(total, scl)
    if returned:
        if scl.shape != avg_arr.shape:
            scl = broadcast_to(scl, avg_arr.shape).copy()
        return avg, scl
    return avg


def _atleast_2d(x):
    return x.reshape((1,) * (2 - x.ndim) + x.shape) if x.ndim < 2 else x


# Products of at most this many elements are formed at a time by _pairwise_dot.
_LEAF = 1 << 18


def _pairwise_dot(a, w):
    """``add.reduce(a * w)`` for 1-d float64 arrays without the full product array: the
    products are made block by block and summed along NumPy's pairwise tree (split at half
    the length rounded down to a multiple of 8), so the rounding is the same."""
    buf = _core.empty(_LEAF, dtype=_float64)

    def part(lo, n):
        if n <= _LEAF:
            out = buf[:n]
            _core.multiply(a[lo:lo + n], w[lo:lo + n], out=out)
            return _core.add.reduce(out)
        half = n // 2
        half -= half % 8
        return part(lo, half) + part(lo + half, n - half)

    return part(0, a.shape[0])


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *,
        dtype=None):
    """Covariance matrix of the variables in ``m`` (and ``y``).

    Parameters
    ----------
    m : array_like
        1-d or 2-d array; each row is a variable and each column an observation (or the
        other way round with ``rowvar=False``).
    y : array_like, optional
        More variables, with the layout of ``m``.
    rowvar : bool, optional
        Whether rows (True, default) or columns are the variables.
    bias : bool, optional
        Normalise by N instead of N - 1 (ignored when ``ddof`` is given).
    ddof : int, optional
        Delta degrees of freedom (overrides ``bias``).
    fweights : array_like of int, optional
        Frequency of each observation.
    aweights : array_like, optional
        Importance weight of each observation.
    dtype : data-type, optional
        Type of the result (at least float64 by default).

    Returns
    -------
    out : ndarray
        The covariance matrix (squeezed: 0-d for a single variable).
    """
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    m = _asarray(m)
    if m.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is not None:
        y = _asarray(y)
        if y.ndim > 2:
            raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        if y is None:
            dtype = _core.result_type(m, _float64)
        else:
            dtype = _core.result_type(m, y, _float64)
    X = _atleast_2d(m).astype(dtype)
    if not rowvar and m.ndim != 1:
        X = X.T
    if X.shape[0] == 0:
        return _core.array([]).reshape(0, 0)
    if y is not None:
        y = _atleast_2d(y).astype(dtype, copy=False)
        if not rowvar and y.shape[0] != 1:
            y = y.T
        X = _core.concatenate((X, y), axis=0)
    if ddof is None:
        ddof = 1 if bias == 0 else 0

    w = None
    if fweights is not None:
        fweights = _asarray(fweights, dtype=float)
        if not _core.logical_and.reduce(_arr(fweights == _around(fweights)).reshape(-1)):
            raise TypeError("fweights must be integer")
        if fweights.ndim > 1:
            raise RuntimeError("cannot handle multidimensional fweights")
        if fweights.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and fweights")
        if _any(fweights < 0):
            raise ValueError("fweights cannot be negative")
        w = fweights
    if aweights is not None:
        aweights = _asarray(aweights, dtype=float)
        if aweights.ndim > 1:
            raise RuntimeError("cannot handle multidimensional aweights")
        if aweights.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and aweights")
        if _any(aweights < 0):
            raise ValueError("aweights cannot be negative")
        if w is None:
            w = aweights
        else:
            w *= aweights

    avg, w_sum = average(X, axis=1, weights=w, returned=True)
    w_sum = w_sum[0]

    if w is None:
        fact = X.shape[1] - ddof
    elif ddof == 0:
        fact = w_sum
    elif aweights is None:
        fact = w_sum - ddof
    else:
        # NumPy adds these products one after another (Python's sum): a running sum
        prods = _arr(w * aweights)
        total = _cumsum(prods)[-1] if prods.size else 0
        fact = w_sum - ddof * total / w_sum

    if fact <= 0:
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
        fact = 0.0

    X -= avg[:, None]
    X_T = X.T if w is None else (X * w).T
    if X_T.dtype.kind == "c":
        from . import conjugate
        X_T = conjugate(X_T)
    c = _core.matmul(X, X_T)
    c *= _core.divide(1, fact)
    return c.squeeze()


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    """Pearson correlation coefficients of the variables in ``x`` (and ``y``).

    Parameters
    ----------
    x : array_like
        1-d or 2-d array of variables (rows by default) and observations.
    y : array_like, optional
        More variables, with the layout of ``x``.
    rowvar : bool, optional
        Whether rows (True, default) or columns are the variables.
    dtype : data-type, optional
        Type of the result (at least float64 by default).

    Returns
    -------
    R : ndarray
        The correlation matrix, its values clipped to [-1, 1] (real and imaginary parts
        separately).
    """
    c = cov(x, y, rowvar, dtype=dtype)
    try:
        d = _diag(c)
    except ValueError:
        # a single variable: 1, or NaN where the variance is 0, inf or NaN
        return c / c
    stddev = _core.sqrt(d.real)
    quiet = _nullcontext()
    if c.dtype.kind == "c" and _core.logical_and.reduce(_arr(stddev != 0).reshape(-1)):
        # complex by non-zero real division: no division by zero can be NumPy's
        quiet = errstate(divide="ignore")
    with quiet:
        c /= stddev[:, None]
        c /= stddev[None, :]
    _clip(c.real, -1, 1, out=c.real)
    if c.dtype.kind == "c":
        _clip(c.imag, -1, 1, out=c.imag)
    return c

