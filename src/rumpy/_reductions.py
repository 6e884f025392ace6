"""Reductions as functions and ndarray methods, on top of ``ufunc.reduce``.

The folding itself runs in the Rust core (`dispatch/reduce.rs`); this module only maps NumPy's
signatures onto it.
"""

import builtins
import operator
import warnings

from . import _core
from ._subclass import defers_to_method as _defers_to_method
from . import _scalars
from ._errstate import errstate
from ._helpers import _NoValue, conjugate as _py_conjugate
from ._shape import _normalize_axis_index

_add = _core.add
_multiply = _core.multiply
_maximum = _core.maximum
_minimum = _core.minimum
_logical_and = _core.logical_and
_logical_or = _core.logical_or
_fmax = _core.fmax
_fmin = _core.fmin
_divide = _core.divide
_subtract = _core.subtract


def _reduce(uf, a, axis, dtype, out, keepdims, initial, where):
    if out is ...:
        # NumPy's reductions hand ``out`` to ``ufunc.reduce`` by position
        raise TypeError("out=... is only allowed as a keyword argument.")
    kw = {}
    if initial is not None:
        kw["initial"] = initial
    if where is not True:
        kw["where"] = where
    return uf.reduce(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims, **kw)


@_defers_to_method("sum")
def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    """Sum of array elements over the given axis or axes.

    Parameters
    ----------
    a : array_like
        Values to add up.
    axis : None, int or tuple of ints, optional
        Axis or axes to reduce; None (the default) sums every element.
    dtype : dtype, optional
        Type of the accumulator and result; bool and small integers default to the platform int.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    initial : scalar, optional
        Starting value of the sum.
    where : array_like of bool, optional
        Only elements where this is True are added.

    Returns
    -------
    ndarray or scalar
        The sums; a scalar when every axis is reduced and ``out`` is not given.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.sum([[1, 2], [3, 4]])
    np.int64(10)
    >>> rp.sum([[1, 2], [3, 4]], axis=0)
    array([4, 6])
    """
    return _reduce(_add, a, axis, dtype, out, keepdims, initial, where)


@_defers_to_method("prod")
def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    """Product of array elements over the given axis or axes.

    Parameters
    ----------
    a : array_like
        Values to multiply.
    axis : None, int or tuple of ints, optional
        Axis or axes to reduce; None (the default) multiplies every element.
    dtype : dtype, optional
        Type of the accumulator and result; bool and small integers default to the platform int.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    initial : scalar, optional
        Starting value of the product.
    where : array_like of bool, optional
        Only elements where this is True are multiplied.

    Returns
    -------
    ndarray or scalar
        The products; a scalar when every axis is reduced and ``out`` is not given.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.prod([[1, 2], [3, 4]])
    np.int64(24)
    >>> rp.prod([[1, 2], [3, 4]], axis=1)
    array([ 2, 12])
    """
    return _reduce(_multiply, a, axis, dtype, out, keepdims, initial, where)


@_defers_to_method("max")
def amax(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    """Maximum of an array, or maxima along the given axis or axes.

    NaN propagates: a slice holding NaN has NaN as its maximum (see ``nanmax``).

    Parameters
    ----------
    a : array_like
        Input data.
    axis : None, int or tuple of ints, optional
        Axis or axes to reduce; None (the default) uses every element.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    initial : scalar, optional
        Lower bound of the result; required for an empty slice.
    where : array_like of bool, optional
        Only elements where this is True are compared (needs ``initial``).

    Returns
    -------
    ndarray or scalar
        The maxima; a scalar when every axis is reduced and ``out`` is not given.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.amax([[3, 7], [5, 1]])
    np.int64(7)
    >>> rp.amax([[3, 7], [5, 1]], axis=0)
    array([5, 7])
    """
    return _reduce(_maximum, a, axis, None, out, keepdims, initial, where)


@_defers_to_method("min")
def amin(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    """Minimum of an array, or minima along the given axis or axes.

    NaN propagates: a slice holding NaN has NaN as its minimum (see ``nanmin``).

    Parameters
    ----------
    a : array_like
        Input data.
    axis : None, int or tuple of ints, optional
        Axis or axes to reduce; None (the default) uses every element.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    initial : scalar, optional
        Upper bound of the result; required for an empty slice.
    where : array_like of bool, optional
        Only elements where this is True are compared (needs ``initial``).

    Returns
    -------
    ndarray or scalar
        The minima; a scalar when every axis is reduced and ``out`` is not given.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.amin([[3, 7], [5, 1]])
    np.int64(1)
    >>> rp.amin([[3, 7], [5, 1]], axis=1)
    array([3, 1])
    """
    return _reduce(_minimum, a, axis, None, out, keepdims, initial, where)


max = amax
min = amin


@_defers_to_method("any")
def any(a, axis=None, out=None, keepdims=False, *, where=True):
    """Test whether any element, along the given axis or axes, is true.

    Nonzero numbers (NaN included) and non-empty strings count as true; an empty slice gives
    False.

    Parameters
    ----------
    a : array_like
        Input data.
    axis : None, int or tuple of ints, optional
        Axis or axes to reduce; None (the default) tests every element.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    where : array_like of bool, optional
        Only elements where this is True are tested.

    Returns
    -------
    ndarray of bool or bool scalar
        The results; a scalar when every axis is reduced and ``out`` is not given.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.any([[0, 0], [0, 3]])
    np.True_
    >>> rp.any([[0, 0], [0, 3]], axis=1)
    array([False,  True])
    """
    b = _core.asanyarray(a).astype(bool, copy=False)
    return _reduce(_logical_or, b, axis, None, out, keepdims, None, where)


@_defers_to_method("all")
def all(a, axis=None, out=None, keepdims=False, *, where=True):
    """Test whether every element, along the given axis or axes, is true.

    Nonzero numbers (NaN included) count as true; an empty slice gives True.

    Parameters
    ----------
    a : array_like
        Input data.
    axis : None, int or tuple of ints, optional
        Axis or axes to reduce; None (the default) tests every element.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.
    keepdims : bool, optional
        Keep the reduced axes as dimensions of length one.
    where : array_like of bool, optional
        Only elements where this is True are tested.

    Returns
    -------
    ndarray of bool or bool scalar
        The results; a scalar when every axis is reduced and ``out`` is not given.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.all([[1, 2], [0, 4]])
    np.False_
    >>> rp.all([[1, 2], [0, 4]], axis=0)
    array([False,  True])
    """
    b = _core.asanyarray(a).astype(bool, copy=False)
    return _reduce(_logical_and, b, axis, None, out, keepdims, None, where)


def _broadcast_mask(where, shape):
    """``where`` broadcast to ``shape`` (a new boolean array)."""
    m = _core.empty(shape, dtype=_scalars.bool)
    _core.copyto(m, where)
    return m


def _count_reduce_items(arr, axis, keepdims=False, where=True):
    """How many elements each slice of a reduction holds (an int64 scalar, or an intp array
    counting the True values of ``where``)."""
    if where is True:
        if axis is None:
            axis = tuple(range(arr.ndim))
        elif not isinstance(axis, tuple):
            axis = (axis,)
        items = 1
        for ax in axis:
            items *= arr.shape[_normalize_axis_index(ax, arr.ndim)]
        return _scalars.intp(items)
    return _add.reduce(_broadcast_mask(where, arr.shape), axis=axis, dtype=_scalars.intp,
                       keepdims=keepdims)


def _any_true(v):
    if isinstance(v, _core.ndarray):
        return builtins.bool(_logical_or.reduce(v.astype(builtins.bool, copy=False), axis=None))
    return builtins.bool(v)


@_defers_to_method("mean")
def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    """NumPy's ``_methods._mean``: integer inputs sum in float64, float16 sums in float32,
    then divide by the number of elements."""
    arr = _core.asanyarray(a)
    is_float16_result = False
    rcount = _count_reduce_items(arr, axis, keepdims=keepdims, where=where)
    if _any_true(rcount == 0):
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=2)
    if dtype is None:
        if arr.dtype.kind in "biu":
            dtype = _scalars.float64
        elif arr.dtype == _scalars.float16:
            dtype = _scalars.float32
            is_float16_result = True
    ret = _reduce(_add, arr, axis, dtype, out, keepdims, None, where)
    if isinstance(ret, _core.ndarray):
        ret = _divide(ret, rcount, out=ret, casting="unsafe")
        if is_float16_result and out is None:
            ret = ret.astype(arr.dtype)
    elif hasattr(ret, "dtype"):
        if is_float16_result:
            ret = arr.dtype.type(ret / rcount)
        else:
            ret = ret.dtype.type(ret / rcount)
    else:
        ret = ret / rcount
    return ret


def _cum(uf, a, axis, dtype, out):
    if out is ...:
        raise TypeError("output must be an array")
    arr = _core.asanyarray(a)
    if axis is not None:
        axis = operator.index(axis)  # a tuple of axes is a TypeError, as in NumPy
    if axis is None:
        arr = arr.ravel()
        axis = 0
    if arr.ndim == 0:
        arr = arr.reshape(1)
    return uf.accumulate(arr, axis=axis, dtype=dtype, out=out)


@_defers_to_method("cumsum")
def cumsum(a, axis=None, dtype=None, out=None):
    """Running sum of the elements along an axis.

    Parameters
    ----------
    a : array_like
        Input data.
    axis : int, optional
        Axis to accumulate along; None (the default) works on the flattened array.
    dtype : dtype, optional
        Type of the accumulator and result; bool and small integers default to the platform int.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.

    Returns
    -------
    ndarray
        Same shape as ``a`` (one-dimensional when ``axis`` is None), element ``i`` holding the
        sum of the elements up to and including ``i``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.cumsum([[1, 2], [3, 4]])
    array([ 1,  3,  6, 10])
    >>> rp.cumsum([[1, 2], [3, 4]], axis=0)
    array([[1, 2],
           [4, 6]])
    """
    return _cum(_add, a, axis, dtype, out)


@_defers_to_method("cumprod")
def cumprod(a, axis=None, dtype=None, out=None):
    """Running product of the elements along an axis.

    Parameters
    ----------
    a : array_like
        Input data.
    axis : int, optional
        Axis to accumulate along; None (the default) works on the flattened array.
    dtype : dtype, optional
        Type of the accumulator and result; bool and small integers default to the platform int.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.

    Returns
    -------
    ndarray
        Same shape as ``a`` (one-dimensional when ``axis`` is None), element ``i`` holding the
        product of the elements up to and including ``i``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.cumprod([1, 2, 3, 4])
    array([ 1,  2,  6, 24])
    >>> rp.cumprod([[1, 2], [3, 4]], axis=1)
    array([[ 1,  2],
           [ 3, 12]])
    """
    return _cum(_multiply, a, axis, dtype, out)


# ---------------------------------------------------------------------------
# var, std, ptp, count_nonzero (numpy/_core/_methods.py, numpy/_core/numeric.py)
# ---------------------------------------------------------------------------

def _var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
         mean=None):
    arr = _core.asanyarray(a)
    rcount = _count_reduce_items(arr, axis, keepdims=keepdims, where=where)
    if _any_true(ddof >= rcount):
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=3)

    # Cast bool, unsigned int, and int to float64 by default
    if dtype is None and arr.dtype.kind in "biu":
        dtype = _scalars.float64

    if mean is not None:
        arrmean = mean
    else:
        arrmean = _reduce(_add, arr, axis, dtype, None, True, None, where)
        if isinstance(rcount, _core.ndarray):
            div = rcount.reshape(_core.asanyarray(arrmean).shape)
        else:
            div = rcount
        if isinstance(arrmean, _core.ndarray):
            arrmean = _divide(arrmean, div, out=arrmean, casting="unsafe")
        elif hasattr(arrmean, "dtype"):
            arrmean = arrmean.dtype.type(arrmean / rcount)
        else:
            arrmean = arrmean / rcount

    # sum of squared deviations from the mean (x must be an array, not a scalar)
    x = _core.asanyarray(_subtract(arr, arrmean))
    if x.dtype.kind == "c":
        re, im = x.real, x.imag
        _core.square(re, out=re)
        _core.square(im, out=im)
        x = _add(re, im, out=re)
    else:
        x = _core.square(x, out=x)

    ret = _reduce(_add, x, axis, dtype, out, keepdims, None, where)

    # degrees of freedom, not negative
    rcount = _maximum(rcount - ddof, 0)

    if isinstance(ret, _core.ndarray):
        ret = _divide(ret, rcount, out=ret, casting="unsafe")
    elif hasattr(ret, "dtype"):
        ret = ret.dtype.type(ret / rcount)
    else:
        ret = ret / rcount
    return ret


def _std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
         mean=None):
    ret = _var(a, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims,
               where=where, mean=mean)
    if isinstance(ret, _core.ndarray):
        ret = _core.sqrt(ret, out=ret)
    elif hasattr(ret, "dtype"):
        ret = ret.dtype.type(_core.sqrt(ret))
    else:
        ret = _core.sqrt(ret)
    return ret


def _var_std_kwargs(ddof, keepdims, where, mean, correction):
    kwargs = {}
    if keepdims is not _NoValue:
        kwargs["keepdims"] = keepdims
    if where is not _NoValue:
        kwargs["where"] = where
    if mean is not _NoValue:
        kwargs["mean"] = mean
    if correction is not _NoValue:
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        ddof = correction
    return ddof, kwargs


@_defers_to_method("var")
def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=_NoValue, *, where=_NoValue,
        mean=_NoValue, correction=_NoValue):
    """Variance along an axis: ``mean(abs(a - a.mean())**2)`` divided by ``N - ddof``."""
    ddof, kwargs = _var_std_kwargs(ddof, keepdims, where, mean, correction)
    return _var(a, axis=axis, dtype=dtype, out=out, ddof=ddof, **kwargs)


@_defers_to_method("std")
def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=_NoValue, *, where=_NoValue,
        mean=_NoValue, correction=_NoValue):
    """Standard deviation along an axis: the square root of :func:`var`."""
    ddof, kwargs = _var_std_kwargs(ddof, keepdims, where, mean, correction)
    return _std(a, axis=axis, dtype=dtype, out=out, ddof=ddof, **kwargs)


def ptp(a, axis=None, out=None, keepdims=_NoValue):
    """Range of values (maximum - minimum) along an axis."""
    kd = False if keepdims is _NoValue else keepdims
    arr = _core.asanyarray(a)
    return _subtract(_maximum.reduce(arr, axis=axis, out=out, keepdims=kd),
                     _minimum.reduce(arr, axis=axis, keepdims=kd), out=out)


def count_nonzero(a, axis=None, *, keepdims=False):
    """Number of non-zero values along an axis (intp)."""
    arr = _core.asanyarray(a)
    a_bool = arr.astype(builtins.bool, copy=False)
    return _add.reduce(a_bool, axis=axis, dtype=_scalars.intp, keepdims=keepdims)


# ---------------------------------------------------------------------------
# nan-functions (numpy/lib/_nanfunctions_impl.py)
# ---------------------------------------------------------------------------

def _replace_nan(a, val):
    """A copy of ``a`` with NaNs replaced by ``val`` and the NaN mask, or ``(a, None)`` for
    dtypes that cannot hold NaN."""
    a = _core.asanyarray(a)
    if a.dtype.kind in "fc":
        mask = _core.isnan(a)
        a = _core.array(a, copy=True)
        _core.copyto(a, val, where=mask)
        return a, mask
    return a, None


def _copyto(a, val, mask):
    if isinstance(a, _core.ndarray):
        _core.copyto(a, val, where=mask, casting="unsafe")
    else:
        a = a.dtype.type(val)
    return a


def _divide_by_count(a, b, out=None):
    with errstate(invalid="ignore", divide="ignore"):
        if isinstance(a, _core.ndarray):
            if out is None:
                return _divide(a, b, out=a, casting="unsafe")
            return _divide(a, b, out=out, casting="unsafe")
        if out is None:
            try:
                return a.dtype.type(a / b)
            except AttributeError:
                return a / b
        return _divide(a, b, out=out, casting="unsafe")


def _kw(**kwargs):
    return {k: v for k, v in kwargs.items() if v is not _NoValue}


def _reduce_kw(uf, a, axis, dtype, out, keepdims, initial, where):
    return _reduce(uf, a, axis, dtype, out,
                   False if keepdims is _NoValue else keepdims,
                   None if initial is _NoValue else initial,
                   True if where is _NoValue else where)


def _nanminmax(uf, a, axis, out, keepdims, initial, where):
    arr = _core.asanyarray(a)
    res = _reduce_kw(uf, arr, axis, None, out, keepdims, initial, where)
    if arr.dtype.kind in "fc" and _any_true(_core.isnan(res)):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
    return res


def nanmin(a, axis=None, out=None, keepdims=_NoValue, initial=_NoValue, where=_NoValue):
    """Minimum along an axis, ignoring NaNs (NaN for all-NaN slices, with a RuntimeWarning)."""
    return _nanminmax(_fmin, a, axis, out, keepdims, initial, where)


def nanmax(a, axis=None, out=None, keepdims=_NoValue, initial=_NoValue, where=_NoValue):
    """Maximum along an axis, ignoring NaNs (NaN for all-NaN slices, with a RuntimeWarning)."""
    return _nanminmax(_fmax, a, axis, out, keepdims, initial, where)


def nansum(a, axis=None, dtype=None, out=None, keepdims=_NoValue, initial=_NoValue,
           where=_NoValue):
    """Sum treating NaNs as zero."""
    a, mask = _replace_nan(a, 0)
    return _reduce_kw(_add, a, axis, dtype, out, keepdims, initial, where)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=_NoValue, initial=_NoValue,
            where=_NoValue):
    """Product treating NaNs as one."""
    a, mask = _replace_nan(a, 1)
    return _reduce_kw(_multiply, a, axis, dtype, out, keepdims, initial, where)


def nancumsum(a, axis=None, dtype=None, out=None):
    """Cumulative sum treating NaNs as zero."""
    a, mask = _replace_nan(a, 0)
    return cumsum(a, axis=axis, dtype=dtype, out=out)


def nancumprod(a, axis=None, dtype=None, out=None):
    """Cumulative product treating NaNs as one."""
    a, mask = _replace_nan(a, 1)
    return cumprod(a, axis=axis, dtype=dtype, out=out)


def _check_inexact(dtype, out):
    if dtype is not None:
        dtype = _core.dtype(dtype)
    if dtype is not None and dtype.kind not in "fc":
        raise TypeError("If a is inexact, then dtype must be inexact")
    if out is not None and out.dtype.kind not in "fc":
        raise TypeError("If a is inexact, then out must be inexact")
    return dtype


def nanmean(a, axis=None, dtype=None, out=None, keepdims=_NoValue, *, where=_NoValue):
    """Mean ignoring NaNs (NaN for all-NaN slices, with a RuntimeWarning)."""
    arr, mask = _replace_nan(a, 0)
    if mask is None:
        return mean(arr, axis=axis, dtype=dtype, out=out, **_kw(keepdims=keepdims, where=where))
    dtype = _check_inexact(dtype, out)
    cnt = _reduce_kw(_add, _core.logical_not(mask), axis, _scalars.intp, None, keepdims,
                     _NoValue, where)
    tot = _reduce_kw(_add, arr, axis, dtype, out, keepdims, _NoValue, where)
    avg = _divide_by_count(tot, cnt, out=out)
    if _any_true(cnt == 0):
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=2)
    return avg


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=_NoValue, *, where=_NoValue,
           mean=_NoValue, correction=_NoValue):
    """Variance ignoring NaNs."""
    arr, mask = _replace_nan(a, 0)
    if mask is None:
        return var(arr, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims,
                   where=where, mean=mean, correction=correction)
    dtype = _check_inexact(dtype, out)
    if correction is not _NoValue:
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        ddof = correction
    w = True if where is _NoValue else where

    cnt = _reduce(_add, _core.logical_not(mask), axis, _scalars.intp, None, True, None, w)
    if mean is not _NoValue:
        avg = mean
    else:
        avg = _reduce(_add, arr, axis, dtype, None, True, None, w)
        avg = _divide_by_count(avg, cnt)

    # squared deviations from the mean
    _subtract(arr, avg, out=arr, casting="unsafe", where=w)
    arr = _copyto(arr, 0, mask)
    if arr.dtype.kind == "c":
        sqr = _multiply(arr, getattr(_core, "conjugate", _py_conjugate)(arr), out=arr, where=w).real
    else:
        sqr = _multiply(arr, arr, out=arr, where=w)

    v = _reduce_kw(_add, sqr, axis, dtype, out, keepdims, _NoValue, where)
    v_ndim = _core.asanyarray(v).ndim
    cnt = _core.asanyarray(cnt)
    if v_ndim < cnt.ndim:
        cnt = cnt.squeeze(axis) if axis is not None else cnt.reshape(())
    dof = cnt - ddof
    v = _divide_by_count(v, dof)

    isbad = dof <= 0
    if _any_true(isbad):
        warnings.warn("Degrees of freedom <= 0 for slice.", RuntimeWarning, stacklevel=2)
        v = _copyto(v, float("nan"), isbad)
    return v


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=_NoValue, *, where=_NoValue,
           mean=_NoValue, correction=_NoValue):
    """Standard deviation ignoring NaNs."""
    v = nanvar(a, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims, where=where,
               mean=mean, correction=correction)
    if isinstance(v, _core.ndarray):
        return _core.sqrt(v, out=v)
    if hasattr(v, "dtype"):
        return v.dtype.type(_core.sqrt(v))
    return _core.sqrt(v)


# ---------------------------------------------------------------------------
# nanargmin/nanargmax, on top of argmin/argmax (_argext.py)
# ---------------------------------------------------------------------------

from ._argext import argmin as _argmin, argmax as _argmax  # noqa: E402


def _nanarg(arg_fn, fill, a, axis, out, keepdims):
    a, mask = _replace_nan(a, fill)
    if mask is not None and mask.size:
        allnan = _logical_and.reduce(mask, axis=axis)
        if _any_true(allnan):
            raise ValueError("All-NaN slice encountered")
    kw = {} if keepdims is _NoValue else {"keepdims": keepdims}
    return arg_fn(a, axis=axis, out=out, **kw)


def nanargmin(a, axis=None, out=None, *, keepdims=_NoValue):
    """Index of the minimum ignoring NaNs (ValueError for all-NaN slices)."""
    return _nanarg(_argmin, float("inf"), a, axis, out, keepdims)


def nanargmax(a, axis=None, out=None, *, keepdims=_NoValue):
    """Index of the maximum ignoring NaNs (ValueError for all-NaN slices)."""
    return _nanarg(_argmax, float("-inf"), a, axis, out, keepdims)
