"""``rumpy.ma.extras``: the functions of ``numpy.ma.extras``."""

import itertools
import warnings

import rumpy as rp

from .._helpers import _NoValue
from .._index_tricks import AxisConcatenator
from .._statistics import _ureduce
from ..lib.array_utils import normalize_axis_index, normalize_axis_tuple
from . import core as ma
from .core import (
    MAError, MaskedArray, array, asarray, concatenate, count, filled, getdata, getmask,
    getmaskarray, make_mask_descr, mask_or, masked, masked_array, nomask, sort, zeros)

__all__ = [
    'apply_along_axis', 'apply_over_axes', 'atleast_1d', 'atleast_2d', 'atleast_3d', 'average',
    'clump_masked', 'clump_unmasked', 'column_stack', 'compress_cols', 'compress_nd',
    'compress_rowcols', 'compress_rows', 'count_masked', 'corrcoef', 'cov', 'diagflat', 'dot',
    'dstack', 'ediff1d', 'flatnotmasked_contiguous', 'flatnotmasked_edges', 'hsplit', 'hstack',
    'isin', 'in1d', 'intersect1d', 'mask_cols', 'mask_rowcols', 'mask_rows', 'masked_all',
    'masked_all_like', 'median', 'mr_', 'ndenumerate', 'notmasked_contiguous',
    'notmasked_edges', 'polyfit', 'row_stack', 'setdiff1d', 'setxor1d', 'stack', 'unique',
    'union1d', 'vander', 'vstack']

dot = ma.dot


# ---------------------------------------------------------------------------
# counting and creation
# ---------------------------------------------------------------------------

def count_masked(arr, axis=None):
    """Number of masked elements, in total or along ``axis``."""
    return getmaskarray(arr).sum(axis)


def masked_all(shape, dtype=float):
    """An empty masked array of ``shape`` and ``dtype`` with every element masked."""
    return masked_array(rp.empty(shape, dtype),
                        mask=rp.ones(shape, make_mask_descr(dtype)))


def masked_all_like(arr):
    """An empty masked array like ``arr`` with every element masked."""
    out = rp.empty_like(arr).view(MaskedArray)
    out._mask = rp.ones(out.shape, dtype=make_mask_descr(out.dtype))
    return out


# ---------------------------------------------------------------------------
# ndarray functions applied to the data and to the mask
# ---------------------------------------------------------------------------

def _on_data_and_mask(func, name, kind):
    """Wrap ``func`` so that it runs on the data and on the mask array of its input(s):
    ``kind`` "single" (one array), "seq" (a sequence of arrays) or "each" (each argument
    separately, a tuple back when there are several)."""
    if kind == "single":
        def wrapper(a, /, *args, **kwargs):
            return masked_array(data=func(getdata(a), *args, **kwargs),
                                mask=func(getmaskarray(a), *args, **kwargs))
    elif kind == "seq":
        def wrapper(arys, /, *args, **kwargs):
            return masked_array(data=func(tuple(getdata(a) for a in arys), *args, **kwargs),
                                mask=func(tuple(getmaskarray(a) for a in arys), *args,
                                          **kwargs))
    else:
        def wrapper(*arys, **kwargs):
            out = tuple(masked_array(data=func(getdata(a), **kwargs),
                                     mask=func(getmaskarray(a), **kwargs)) for a in arys)
            return out[0] if len(out) == 1 else out
    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__doc__ = f"``{name}`` applied to both the data and the mask."
    return wrapper


atleast_1d = _on_data_and_mask(rp.atleast_1d, "atleast_1d", "each")
atleast_2d = _on_data_and_mask(rp.atleast_2d, "atleast_2d", "each")
atleast_3d = _on_data_and_mask(rp.atleast_3d, "atleast_3d", "each")
vstack = row_stack = _on_data_and_mask(rp.vstack, "vstack", "seq")
hstack = _on_data_and_mask(rp.hstack, "hstack", "seq")
column_stack = _on_data_and_mask(rp.column_stack, "column_stack", "seq")
dstack = _on_data_and_mask(rp.dstack, "dstack", "seq")
stack = _on_data_and_mask(rp.stack, "stack", "seq")
hsplit = _on_data_and_mask(rp.hsplit, "hsplit", "single")
diagflat = _on_data_and_mask(rp.diagflat, "diagflat", "single")


# ---------------------------------------------------------------------------
# apply_along_axis, apply_over_axes
# ---------------------------------------------------------------------------

def _widest(dtypes):
    # numpy takes the maximum of an object array of dtypes: ``a >= b`` (b casts safely to a)
    # keeps a, otherwise b, folded from the left.
    out = dtypes[0]
    for d in dtypes[1:]:
        out = out if out >= d else d
    return out


def _has_len(obj):
    try:
        len(obj)
    except TypeError:
        return False
    return True


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """Apply ``func1d`` to the 1-d slices of ``arr`` along ``axis``."""
    arr = array(arr, copy=False, subok=True)
    nd = arr.ndim
    axis = normalize_axis_index(axis, nd)
    others = [ax for ax in range(nd) if ax != axis]
    outer = tuple(arr.shape[ax] for ax in others)
    positions = list(rp.ndindex(*outer)) if all(outer) else [(0,) * len(outer)]

    def index(pos, along):
        idx = list(pos)
        idx[axis:axis] = along
        return tuple(idx)

    results = [func1d(arr[index(pos, [slice(None)])], *args, **kwargs) for pos in positions]
    first = results[0]
    scalar = rp.isscalar(first) or not _has_len(first)
    if scalar:
        outarr = zeros(outer, object)
        for pos, res in zip(positions, results):
            outarr[pos] = res
    else:
        first = array(first, copy=False, subok=True)
        shape = list(arr.shape)
        shape[axis:axis + 1] = first.shape
        outarr = zeros(tuple(shape), object)
        along = [slice(None)] * first.ndim
        for pos, res in zip(positions, results):
            outarr[index(pos, along)] = res
    result = asarray(outarr, dtype=_widest([asarray(r).dtype for r in results]))
    result.fill_value = ma.default_fill_value(result)
    return result


def apply_over_axes(func, a, axes):
    """Apply ``func(a, axis)`` repeatedly over ``axes``, keeping the dimensions."""
    val = asarray(a)
    nd = a.ndim
    if array(axes).ndim == 0:
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = nd + axis
        res = func(val, axis)
        if res.ndim != val.ndim:
            res = ma.expand_dims(res, axis)
            if res.ndim != val.ndim:
                raise ValueError("function is not returning an array of the correct shape")
        val = res
    return val


# ---------------------------------------------------------------------------
# average, median
# ---------------------------------------------------------------------------

def average(a, axis=None, weights=None, returned=False, *, keepdims=_NoValue):
    """Weighted average along ``axis``, ignoring masked values; with ``returned`` also the
    sum of the weights."""
    a = asarray(a)
    m = getmask(a)
    if axis is not None:
        axis = normalize_axis_tuple(axis, a.ndim, argname="axis")
    kw = {} if keepdims is _NoValue else {"keepdims": keepdims}
    if weights is None:
        avg = a.mean(axis, **kw)
        scl = _scalar_type_call(avg.dtype, a.count(axis))
    else:
        wgt = asarray(weights)
        if a.dtype.kind in "biu":
            result_dtype = rp.result_type(a.dtype, wgt.dtype, "f8")
        else:
            result_dtype = rp.result_type(a.dtype, wgt.dtype)
        if a.shape != wgt.shape:
            wgt = _weights_along(wgt, a.shape, axis)
        if m is not nomask:
            wgt = wgt * ~a.mask
            wgt.mask |= a.mask
        scl = wgt.sum(axis=axis, dtype=result_dtype, **kw)
        avg = ma.multiply(a, wgt, dtype=result_dtype).sum(axis, **kw) / scl
    if not returned:
        return avg
    if scl.shape != avg.shape:
        # broadcast_to gives a plain ndarray (subok=False)
        scl = rp.broadcast_to(getdata(scl), avg.shape).copy()
    return avg, scl


def _scalar_type_call(dtype, value):
    """``dtype.type(value)``: an array of that dtype for an n-d ``value`` (rumpy's scalar
    types only take scalars and 0-d arrays)."""
    if isinstance(value, rp.ndarray) and value.ndim:
        return value.astype(dtype)
    return dtype.type(value)


def _weights_along(wgt, shape, axis):
    """1-d (or per-axis) weights reshaped to broadcast against an array of ``shape``."""
    if axis is None:
        raise TypeError("Axis must be specified when shapes of a and weights differ.")
    if wgt.shape != tuple(shape[ax] for ax in axis):
        raise ValueError(
            "Shape of weights must be consistent with shape of a along specified axis.")
    wgt = wgt.transpose(sorted(range(len(axis)), key=lambda i: axis[i]))
    return wgt.reshape(tuple(s if ax in axis else 1 for ax, s in enumerate(shape)))


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """Median along ``axis`` of the unmasked values."""
    if not hasattr(a, "mask"):
        res = rp.median(getdata(a, subok=True), axis=axis, out=out,
                        overwrite_input=overwrite_input, keepdims=keepdims)
        if isinstance(res, rp.ndarray) and res.ndim >= 1:
            return masked_array(res, copy=False)
        return res
    return _ureduce(a, func=_median, keepdims=keepdims, axis=axis, out=out,
                    overwrite_input=overwrite_input)


def _nan_check(asorted, s, axis):
    """NaN sorts last (after the masked values' +inf): where a slice's last element is NaN,
    its median is NaN."""
    if asorted.size == 0:
        return s
    last = asorted.take(-1, axis=axis)
    isnan = rp.isnan(last)
    if isinstance(isnan, MaskedArray):
        isnan = isnan.filled(False)
    if not isnan.any():
        return s
    if isinstance(s, rp.generic):
        return last
    rp.copyto(s, last, where=isnan)
    return s


def _sorted_for_median(a, axis, overwrite_input):
    """``a`` sorted along ``axis`` (flattened for None), in place if ``overwrite_input``."""
    # masked values of inexact arrays sort as +inf: before NaN, after every number
    fill = rp.inf if a.dtype.kind in "fc" else None
    if not overwrite_input:
        return sort(a, axis=axis, fill_value=fill)
    if axis is None:
        out = a.ravel()
        out.sort(fill_value=fill)
        return out
    a.sort(axis=axis, fill_value=fill)
    return a


def _median(a, axis=None, out=None, overwrite_input=False):
    asorted = _sorted_for_median(a, axis, overwrite_input)
    axis = 0 if axis is None else normalize_axis_index(axis, asorted.ndim)
    inexact = asorted.dtype.kind in "fc"
    if asorted.shape[axis] == 0:
        index = [slice(None)] * asorted.ndim
        index[axis] = slice(0, 0)
        return ma.mean(asorted[tuple(index)], axis=axis, out=out)
    if asorted.ndim == 1:
        half, odd = divmod(count(asorted), 2)
        mid = asorted[half + odd - 1:half + 1]
        if inexact:
            s = mid.sum(out=out)
            if not odd:
                s = rp.true_divide(s, 2.0, casting="safe", out=out)
            s = _nan_check(asorted, s, axis)
        else:
            s = mid.mean(out=out)
        if ma.is_masked(s) and not rp.all(asorted.mask):
            # a masked middle next to an unmasked +inf (see below)
            return ma.minimum_fill_value(asorted)
        return s
    counts = count(asorted, axis=axis, keepdims=True)
    half = counts // 2
    low = rp.where(counts % 2 == 1, half, half - 1)
    low_high = rp.take_along_axis(asorted, rp.concatenate([low, half], axis=axis),
                                  axis=axis)
    if ma.is_masked(low_high):
        # an unmasked +inf ties with the masked values (filled with +inf), so a slice that is
        # not all masked can pick a masked middle: numpy answers the minimum fill value there
        rep = ~rp.all(asorted.mask, axis=axis, keepdims=True) & low_high.mask
        low_high.data[rep] = ma.minimum_fill_value(asorted)
        low_high.mask[rep] = False
    if inexact:
        s = ma.sum(low_high, axis=axis, out=out)
        rp.true_divide(s.data, 2.0, casting="unsafe", out=s.data)
        return _nan_check(asorted, s, axis)
    return ma.mean(low_high, axis=axis, out=out)


# ---------------------------------------------------------------------------
# compressing and masking whole rows or columns
# ---------------------------------------------------------------------------

def compress_nd(x, axis=None):
    """The data with every slice along ``axis`` (all axes by default) that holds a masked
    value removed."""
    x = asarray(x)
    m = getmask(x)
    axis = tuple(range(x.ndim)) if axis is None else normalize_axis_tuple(axis, x.ndim)
    if m is nomask or not m.any():
        return x._data
    if m.all():
        return rp.array([])
    data = x._data
    for ax in axis:
        rest = tuple(i for i in range(x.ndim) if i != ax)
        data = data[(slice(None),) * ax + (~m.any(axis=rest),)]
    return data


def _need_2d(a, name):
    if a.ndim != 2:
        raise NotImplementedError(f"{name} works for 2D arrays only.")


def compress_rowcols(x, axis=None):
    """Remove the rows (axis 0), columns (axis 1) or both of a 2-d array that hold a masked
    value."""
    _need_2d(asarray(x), "compress_rowcols")
    return compress_nd(x, axis=axis)


def compress_rows(a):
    """Remove the rows of a 2-d array that hold a masked value."""
    a = asarray(a)
    _need_2d(a, "compress_rows")
    return compress_rowcols(a, 0)


def compress_cols(a):
    """Remove the columns of a 2-d array that hold a masked value."""
    a = asarray(a)
    _need_2d(a, "compress_cols")
    return compress_rowcols(a, 1)


def mask_rowcols(a, axis=None):
    """Mask the rows (axis 0), columns (axis 1) or both of a 2-d array that hold a masked
    value."""
    a = array(a, subok=False)
    _need_2d(a, "mask_rowcols")
    m = getmask(a)
    if m is nomask or not m.any():
        return a
    rows, cols = m.nonzero()
    a._mask = a._mask.copy()
    if not axis:
        a[rp.unique(rows)] = masked
    if axis in [None, 1, -1]:
        a[:, rp.unique(cols)] = masked
    return a


def _axis_ignored(axis):
    if axis is not _NoValue:
        warnings.warn("The axis argument has always been ignored, in future passing it will "
                      "raise TypeError", DeprecationWarning, stacklevel=3)


def mask_rows(a, axis=_NoValue):
    """Mask the rows of a 2-d array that hold a masked value."""
    _axis_ignored(axis)
    return mask_rowcols(a, 0)


def mask_cols(a, axis=_NoValue):
    """Mask the columns of a 2-d array that hold a masked value."""
    _axis_ignored(axis)
    return mask_rowcols(a, 1)


# ---------------------------------------------------------------------------
# set operations
# ---------------------------------------------------------------------------

def ediff1d(arr, to_end=None, to_begin=None):
    """Differences of consecutive elements of the flattened array."""
    flat = ma.asanyarray(arr).flat
    ed = flat[1:] - flat[:-1]
    parts = [ed]
    if to_begin is not None:
        parts.insert(0, to_begin)
    if to_end is not None:
        parts.append(to_end)
    return hstack(parts) if len(parts) > 1 else ed


def unique(ar1, return_index=False, return_inverse=False):
    """The sorted unique elements (all masked values count as one, sorted last), with the
    indices of their first occurrences and the inverse indices on request."""
    ar = rp.asanyarray(ar1)
    shape = ar.shape
    ar = ar.flatten()
    if not (return_index or return_inverse):
        if not ma.is_masked(ar) and ar.dtype.kind in "iucSUmM":
            return _unique_unmasked(ar)
        ar.sort()
        return _unique_sorted(ar)[0].view(MaskedArray)
    perm = ar.argsort(kind="mergesort" if return_index else "quicksort")
    values, first = _unique_sorted(ar[perm])
    out = (values.view(MaskedArray),)
    if return_index:
        out += (perm[first],)
    if return_inverse:
        inverse = rp.empty(first.shape, dtype=rp.intp)
        inverse[perm] = rp.cumsum(first) - 1
        out += (inverse.reshape(shape),)
    return out


def _unique_unmasked(ar):
    """numpy's hash-table path (integers, complex, strings and datetimes with no masked
    value): a result without a mask."""
    out = rp.unique(getdata(ar)).view(MaskedArray)
    if isinstance(ar, MaskedArray) and ar._fill_value is not None:
        out.fill_value = ar.fill_value
    return out


def _unique_sorted(aux):
    """(unique values, flags of the first of each run) of a sorted 1-d array; NaNs are one
    value, as are masked values (their comparisons are equal)."""
    first = rp.empty(aux.shape, dtype=bool)
    first[:1] = True
    if aux.shape[0] and aux.dtype.kind in "fc" and rp.isnan(aux[-1]):
        if aux.dtype.kind == "c":
            nan0 = rp.searchsorted(getdata(rp.isnan(aux)), True, side="left")
        else:
            nan0 = rp.searchsorted(getdata(aux), getdata(aux[-1]), side="left")
        if nan0 > 0:
            first[1:nan0] = getdata(aux[1:nan0] != aux[:nan0 - 1])
        first[nan0] = True
        first[nan0 + 1:] = False
    else:
        first[1:] = getdata(aux[1:] != aux[:-1])
    return aux[first], first


def intersect1d(ar1, ar2, assume_unique=False):
    """Sorted values found in both inputs (masked values count as one value)."""
    if assume_unique:
        aux = ma.concatenate((ar1, ar2))
    else:
        aux = ma.concatenate((unique(ar1), unique(ar2)))
    aux.sort()
    return aux[:-1][aux[1:] == aux[:-1]]


def setxor1d(ar1, ar2, assume_unique=False):
    """Sorted values found in exactly one of the inputs."""
    if not assume_unique:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    aux = ma.concatenate((ar1, ar2), axis=None)
    if aux.size == 0:
        return aux
    aux.sort()
    auxf = aux.filled()
    flag = ma.concatenate(([True], auxf[1:] != auxf[:-1], [True]))
    return aux[flag[1:] == flag[:-1]]


def in1d(ar1, ar2, assume_unique=False, invert=False):
    """For each element of ``ar1``, is it in ``ar2``? (a 1-d result)"""
    if not assume_unique:
        ar1, rev_idx = unique(ar1, return_inverse=True)
        ar2 = unique(ar2)
    ar = ma.concatenate((ar1, ar2))
    # a stable sort puts an element of ar1 just before its equal in ar2
    order = ar.argsort(kind="mergesort")
    sar = ar[order]
    same = (sar[1:] != sar[:-1]) if invert else (sar[1:] == sar[:-1])
    flag = ma.concatenate((same, [invert]))
    indx = order.argsort(kind="mergesort")[:len(ar1)]
    if assume_unique:
        return flag[indx]
    return flag[indx][rev_idx]


def isin(element, test_elements, assume_unique=False, invert=False):
    """For each element of ``element``, is it in ``test_elements``? (``element``'s shape)"""
    element = ma.asarray(element)
    return in1d(element, test_elements, assume_unique=assume_unique,
                invert=invert).reshape(element.shape)


def union1d(ar1, ar2):
    """Sorted unique values found in either input."""
    return unique(ma.concatenate((ar1, ar2), axis=None))


def setdiff1d(ar1, ar2, assume_unique=False):
    """Sorted unique values of ``ar1`` that are not in ``ar2``."""
    if assume_unique:
        ar1 = ma.asarray(ar1).ravel()
    else:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    return ar1[in1d(ar1, ar2, assume_unique=True, invert=True)]


# ---------------------------------------------------------------------------
# covariance
# ---------------------------------------------------------------------------

def _notmask_dtype(x):
    # float32 counts are exact up to 2**24 observations
    return rp.float64 if max(x.shape) > 2 ** 24 else rp.float32


def _covhelper(x, y=None, rowvar=True, allow_masked=True):
    """Centred data (x and y stacked), its not-masked indicator and the row/column flag."""
    x = ma.array(x, ndmin=2, copy=True, dtype=float)
    xmask = ma.getmaskarray(x)
    if not allow_masked and xmask.any():
        raise ValueError("Cannot process masked data.")
    if x.shape[0] == 1:
        rowvar = True
    rowvar = int(bool(rowvar))
    axis = 1 - rowvar
    if y is None:
        xnotmask = rp.logical_not(xmask).astype(_notmask_dtype(x))
    else:
        y = array(y, copy=False, ndmin=2, dtype=float)
        ymask = ma.getmaskarray(y)
        if not allow_masked and ymask.any():
            raise ValueError("Cannot process masked data.")
        if (xmask.any() or ymask.any()) and y.shape == x.shape:
            # an observation masked in x or in y is dropped from both
            common = rp.logical_or(xmask, ymask)
            xmask = x._mask = y._mask = ymask = common
            x._sharedmask = False
            y._sharedmask = False
        x = ma.concatenate((x, y), axis)
        xnotmask = rp.logical_not(rp.concatenate((xmask, ymask), axis))
        xnotmask = xnotmask.astype(_notmask_dtype(x))
    centre = (slice(None), None) if rowvar else (None, slice(None))
    x -= x.mean(axis=rowvar)[centre]
    return x, xnotmask, rowvar


def cov(x, y=None, rowvar=True, bias=False, allow_masked=True, ddof=None):
    """Covariance matrix of the variables (rows, or columns if not ``rowvar``), each pair
    over the observations unmasked in both."""
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be an integer")
    if ddof is None:
        ddof = 0 if bias else 1
    x, xnotmask, rowvar = _covhelper(x, y, rowvar, allow_masked)
    if not rowvar:
        x = x.T
        xnotmask = xnotmask.T
    fact = rp.dot(xnotmask, xnotmask.T) - ddof
    mask = rp.less_equal(fact, 0, dtype=bool)
    with rp.errstate(divide="ignore", invalid="ignore"):
        data = rp.dot(filled(x, 0), filled(x.T.conj(), 0)) / fact
    return ma.array(data, mask=mask).squeeze()


def corrcoef(x, y=None, rowvar=True, allow_masked=True):
    """Pearson correlation coefficients, from :func:`cov`."""
    corr = cov(x, y, rowvar, allow_masked=allow_masked)
    try:
        std = ma.sqrt(ma.diagonal(corr))
    except ValueError:
        return ma.MaskedConstant()
    corr /= ma.multiply.outer(std, std)
    return corr


# ---------------------------------------------------------------------------
# mr_
# ---------------------------------------------------------------------------

class MAxisConcatenator(AxisConcatenator):
    """:class:`AxisConcatenator` that concatenates masked arrays."""

    concatenate = staticmethod(concatenate)

    @staticmethod
    def makemat(arr):
        return array(AxisConcatenator.makemat(arr.data), mask=arr.mask)

    def __getitem__(self, key):
        if isinstance(key, str):
            raise MAError("Unavailable for masked array.")
        return super().__getitem__(key)


class mr_class(MAxisConcatenator):
    """Stack masked arrays along the first axis (``r_`` for masked arrays)."""

    def __init__(self):
        super().__init__(0)


mr_ = mr_class()


# ---------------------------------------------------------------------------
# iteration and runs of (un)masked values
# ---------------------------------------------------------------------------

def ndenumerate(a, compressed=True):
    """Yield ``(index, value)`` for the unmasked elements; masked ones give ``masked`` when
    ``compressed`` is False."""
    for item, m in zip(rp.ndenumerate(a), getmaskarray(a).flat):
        if not m:
            yield item
        elif not compressed:
            yield item[0], masked


def flatnotmasked_edges(a):
    """Flat indices of the first and last unmasked values, or None if all are masked."""
    m = getmask(a)
    if m is nomask or not rp.any(m):
        return rp.array([0, a.size - 1])
    unmasked = rp.flatnonzero(~m)
    return unmasked[[0, -1]] if len(unmasked) else None


def notmasked_edges(a, axis=None):
    """Indices of the first and last unmasked values along ``axis``."""
    a = asarray(a)
    if axis is None or a.ndim == 1:
        return flatnotmasked_edges(a)
    m = getmaskarray(a)
    idx = array(rp.indices(a.shape), mask=rp.asarray([m] * a.ndim))
    lows = tuple(idx[i].min(axis).compressed() for i in range(a.ndim))
    highs = tuple(idx[i].max(axis).compressed() for i in range(a.ndim))
    return [lows, highs]


def flatnotmasked_contiguous(a):
    """Slices of the runs of unmasked values of the flattened array."""
    m = getmask(a)
    if m is nomask:
        return [slice(0, a.size)]
    out = []
    start = 0
    for masked_run, run in itertools.groupby(m.ravel().tolist()):
        n = len(list(run))
        if not masked_run:
            out.append(slice(start, start + n))
        start += n
    return out


def notmasked_contiguous(a, axis=None):
    """Slices of the runs of unmasked values, flat or (2-d) per row/column along ``axis``."""
    a = asarray(a)
    if a.ndim > 2:
        raise NotImplementedError("Currently limited to at most 2D array.")
    if axis is None or a.ndim == 1:
        return flatnotmasked_contiguous(a)
    other = (axis + 1) % 2
    idx = [0, 0]
    idx[axis] = slice(None)
    out = []
    for i in range(a.shape[other]):
        idx[other] = i
        out.append(flatnotmasked_contiguous(a[tuple(idx)]))
    return out


def _runs(mask):
    """Slices of the runs of True in a boolean array (flattened)."""
    mask = mask.ravel()
    mask[0]  # numpy's IndexError for an empty array
    flags = mask.tolist()
    out = []
    start = 0
    for value, run in itertools.groupby(flags):
        n = len(list(run))
        if value:
            out.append(slice(start, start + n))
        start += n
    return out


def clump_unmasked(a):
    """Slices of the runs of unmasked values of a 1-d array."""
    mask = getattr(a, "_mask", nomask)
    if mask is nomask:
        return [slice(0, a.size)]
    return _runs(~mask)


def clump_masked(a):
    """Slices of the runs of masked values of a 1-d array."""
    mask = ma.getmask(a)
    if mask is nomask:
        return []
    return _runs(mask)


# ---------------------------------------------------------------------------
# polynomials
# ---------------------------------------------------------------------------

def vander(x, n=None):
    """Vandermonde matrix of ``x``; the rows of masked values are zero."""
    out = rp.vander(x, n)
    m = getmask(x)
    if m is not nomask:
        out[m] = 0
    return out


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """Least-squares polynomial fit that leaves out the masked points (of x, y or w)."""
    x = asarray(x)
    y = asarray(y)
    m = getmask(x)
    if y.ndim == 1:
        m = mask_or(m, getmask(y))
    elif y.ndim == 2:
        my = getmask(mask_rows(y))
        if my is not nomask:
            m = mask_or(m, my[:, 0])
    else:
        raise TypeError("Expected a 1D or 2D array for y!")
    if w is not None:
        w = asarray(w)
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        m = mask_or(m, getmask(w))
    if m is nomask:
        return rp.polyfit(x, y, deg, rcond, full, w, cov)
    keep = ~m
    if w is not None:
        w = w[keep]
    return rp.polyfit(x[keep], y[keep], deg, rcond, full, w, cov)
