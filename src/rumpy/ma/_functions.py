"""The functions of ``numpy.ma.core`` that are built on MaskedArray (re-exported by core).

They are written against core's public machinery (MaskedArray, getmask, filled, the masked
ufuncs, ...) and rumpy's plain functions; where numpy lets a ufunc's ``__array_wrap__`` or
``np.fn``'s method dispatch build the masked result, these functions build it explicitly.
"""

import builtins
import inspect
import warnings

import rumpy as _rp
from .._helpers import _NoValue
from .._reductions import _normalize_axis_index
from .core import (
    MaskedArray, MaskedArrayFutureWarning, MaskError, absolute, asanyarray, equal, filled,
    getdata, getmask, getmaskarray, greater, greater_equal, less, less_equal, logical_or,
    make_mask, make_mask_none, mask_or, masked, masked_array, nomask, not_equal,
    _MaskedBinaryOperation, _power, _shrink_mask, _where, get_masked_subclass,
)

__all__ = [
    "masked_where", "masked_equal", "masked_not_equal", "masked_greater",
    "masked_greater_equal", "masked_less", "masked_less_equal", "masked_inside",
    "masked_outside", "masked_invalid", "masked_object", "masked_values",
    "all", "any", "alltrue", "sometrue", "anom", "anomalies", "argmax", "argmin", "argsort",
    "clip", "compress", "compressed", "copy", "count", "cumprod", "cumsum", "diagonal",
    "harden_mask", "soften_mask", "ids", "max", "min", "amax", "amin", "mean", "nonzero",
    "prod", "product", "ptp", "ravel", "repeat", "round", "round_", "squeeze", "std", "sum",
    "swapaxes", "trace", "transpose", "var", "expand_dims",
    "arange", "empty", "empty_like", "frombuffer", "fromfunction", "identity", "indices",
    "ones", "ones_like", "zeros", "zeros_like",
    "allclose", "allequal", "append", "choose", "concatenate", "convolve", "correlate",
    "diag", "diff", "fromflex", "inner", "innerproduct", "outer", "outerproduct",
    "left_shift", "right_shift", "power", "put", "putmask", "reshape", "resize", "shape",
    "size", "ndim", "sort", "take", "where",
]


def _keep_kwargs(**kwargs):
    """The keyword arguments that were passed (not ``_NoValue``)."""
    return {k: v for k, v in kwargs.items() if v is not _NoValue}


# --------------------------------------------------------------------------------------
# masking by condition
# --------------------------------------------------------------------------------------

def masked_where(condition, a, copy=True):
    """``a`` as a masked array, masked where ``condition`` holds."""
    cond = make_mask(condition, shrink=False)
    a = _rp.array(a, copy=copy, subok=True)
    if cond.shape and cond.shape != a.shape:
        raise IndexError("Inconsistent shape between the condition and the input"
                         f" (got {cond.shape} and {a.shape})")
    if isinstance(a, MaskedArray):
        cond = mask_or(cond, a._mask)
        cls = type(a)
    else:
        cls = MaskedArray
    result = a.view(cls)
    result.mask = _shrink_mask(cond)
    # without a copy, an unmasked input shares the new mask (a bool view cannot do it)
    if not copy and isinstance(a, MaskedArray) and getmask(a) is nomask:
        a._mask = result._mask.view()
    return result


def masked_greater(x, value, copy=True):
    """``x`` masked where greater than ``value``."""
    return masked_where(greater(x, value), x, copy=copy)


def masked_greater_equal(x, value, copy=True):
    """``x`` masked where greater than or equal to ``value``."""
    return masked_where(greater_equal(x, value), x, copy=copy)


def masked_less(x, value, copy=True):
    """``x`` masked where less than ``value``."""
    return masked_where(less(x, value), x, copy=copy)


def masked_less_equal(x, value, copy=True):
    """``x`` masked where less than or equal to ``value``."""
    return masked_where(less_equal(x, value), x, copy=copy)


def masked_not_equal(x, value, copy=True):
    """``x`` masked where not equal to ``value``."""
    return masked_where(not_equal(x, value), x, copy=copy)


def masked_equal(x, value, copy=True):
    """``x`` masked where equal to ``value``, which becomes the fill value."""
    out = masked_where(equal(x, value), x, copy=copy)
    out.fill_value = value
    return out


def masked_inside(x, v1, v2, copy=True):
    """``x`` masked inside the closed interval between ``v1`` and ``v2``."""
    if v2 < v1:
        v1, v2 = v2, v1
    xf = filled(x)
    return masked_where((xf >= v1) & (xf <= v2), x, copy=copy)


def masked_outside(x, v1, v2, copy=True):
    """``x`` masked outside the closed interval between ``v1`` and ``v2``."""
    if v2 < v1:
        v1, v2 = v2, v1
    xf = filled(x)
    return masked_where((xf < v1) | (xf > v2), x, copy=copy)


def masked_object(x, value, copy=True, shrink=True):
    """``x`` (of objects) masked where equal to ``value``."""
    if isinstance(x, MaskedArray):
        condition = _rp.equal(x._data, value)
        mask = x._mask
    else:
        condition = _rp.equal(_rp.asarray(x), value)
        mask = nomask
    mask = mask_or(mask, make_mask(condition, shrink=shrink))
    return masked_array(x, mask=mask, copy=copy, fill_value=value)


def masked_values(x, value, rtol=1e-5, atol=1e-8, copy=True, shrink=True):
    """``x`` masked where close to ``value`` (floats) or equal to it (other kinds)."""
    xnew = filled(x, value)
    if _rp.issubdtype(xnew.dtype, _rp.floating):
        mask = _rp.isclose(xnew, value, atol=atol, rtol=rtol)
    else:
        mask = _rp.equal(xnew, value)
    ret = masked_array(xnew, mask=mask, copy=copy, fill_value=value)
    if shrink:
        ret.shrink_mask()
    return ret


def masked_invalid(a, copy=True):
    """``a`` masked where NaN or infinite; the mask is always a full array."""
    a = _rp.array(a, copy=None, subok=True)
    res = masked_where(~_rp.isfinite(a), a, copy=copy)
    # numpy never returns nomask here (matplotlib relies on it)
    if res._mask is nomask:
        res._mask = make_mask_none(res.shape, res.dtype)
    return res


# --------------------------------------------------------------------------------------
# functions made from MaskedArray's methods
# --------------------------------------------------------------------------------------

def _frommethod(name, swap=False):
    """A function calling method ``name`` of its first argument (its second with ``swap``)
    made a masked array."""
    if swap:
        def wrapper(a, b, *args, **params):
            return getattr(asanyarray(b), name)(a, *args, **params)
    else:
        def wrapper(a, *args, **params):
            return getattr(asanyarray(a), name)(*args, **params)
    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__doc__ = f"The function form of ``MaskedArray.{name}``."
    # the method's signature, its ``self`` named ``a`` (and swapped with the next argument)
    sig = inspect.signature(getattr(MaskedArray, name))
    params = list(sig.parameters.values())
    params[0] = params[0].replace(name="a")
    if swap:
        params[0], params[1] = params[1], params[0]
    wrapper.__signature__ = sig.replace(parameters=params)
    return wrapper


all = _frommethod("all")
anomalies = anom = _frommethod("anom")
any = _frommethod("any")
argmax = _frommethod("argmax")
argmin = _frommethod("argmin")
compress = _frommethod("compress", swap=True)
count = _frommethod("count")
cumprod = _frommethod("cumprod")
cumsum = _frommethod("cumsum")
copy = _frommethod("copy")
diagonal = _frommethod("diagonal")
harden_mask = _frommethod("harden_mask")
ids = _frommethod("ids")
mean = _frommethod("mean")
nonzero = _frommethod("nonzero")
prod = _frommethod("prod")
product = _frommethod("product")
ravel = _frommethod("ravel")
repeat = _frommethod("repeat")
soften_mask = _frommethod("soften_mask")
std = _frommethod("std")
sum = _frommethod("sum")
swapaxes = _frommethod("swapaxes")
trace = _frommethod("trace")
var = _frommethod("var")


# numpy's alltrue fills masked items with 1 (its logical_and fills with 0); sometrue is
# logical_or's reduction
alltrue = _MaskedBinaryOperation(_rp.logical_and, 1, 1).reduce
sometrue = logical_or.reduce


def min(obj, axis=None, out=None, fill_value=None, keepdims=_NoValue):
    """The minimum of the unmasked items of ``obj``."""
    kwargs = _keep_kwargs(keepdims=keepdims)
    try:
        return obj.min(axis=axis, fill_value=fill_value, out=out, **kwargs)
    except (AttributeError, TypeError):
        # plain arrays' min takes no fill_value; lists have none
        return asanyarray(obj).min(axis=axis, fill_value=fill_value, out=out, **kwargs)


def max(obj, axis=None, out=None, fill_value=None, keepdims=_NoValue):
    """The maximum of the unmasked items of ``obj``."""
    kwargs = _keep_kwargs(keepdims=keepdims)
    try:
        return obj.max(axis=axis, fill_value=fill_value, out=out, **kwargs)
    except (AttributeError, TypeError):
        return asanyarray(obj).max(axis=axis, fill_value=fill_value, out=out, **kwargs)


def ptp(obj, axis=None, out=None, fill_value=None, keepdims=_NoValue):
    """The range (maximum - minimum) of the unmasked items of ``obj``."""
    kwargs = _keep_kwargs(keepdims=keepdims)
    try:
        return obj.ptp(axis, out=out, fill_value=fill_value, **kwargs)
    except (AttributeError, TypeError):
        return asanyarray(obj).ptp(axis=axis, fill_value=fill_value, out=out, **kwargs)


def _extremum(name, plain):
    """``amax``/``amin``: numpy's own functions, which hand masked arrays to their method."""
    def reduce(a, axis=None, out=None, keepdims=_NoValue, initial=_NoValue, where=_NoValue):
        kwargs = _keep_kwargs(keepdims=keepdims, initial=initial, where=where)
        if isinstance(a, MaskedArray):
            return getattr(a, name)(axis=axis, out=out, **kwargs)
        return plain(a, axis=axis, out=out, **kwargs)
    reduce.__name__ = reduce.__qualname__ = "a" + name
    reduce.__doc__ = f"The {name}imum along an axis (a masked array's own ``{name}``)."
    return reduce


amax = _extremum("max", _rp.amax)
amin = _extremum("min", _rp.amin)


# numpy.ma's expand_dims is numpy's: it reshapes through the array's own method
expand_dims = _rp.expand_dims


def take(a, indices, axis=None, out=None, mode="raise"):
    """Items of ``a`` (as a masked array) at ``indices``."""
    return masked_array(a).take(indices, axis=axis, out=out, mode=mode)


def _argsort_axis(a):
    """numpy.ma.argsort's historical default axis: None (with a warning) beyond 1-d."""
    if a.ndim <= 1:
        return -1
    warnings.warn(
        "In the future the default for argsort will be axis=-1, not the current None, "
        "to match its documentation and np.argsort. Explicitly pass -1 or None to silence "
        "this warning.", MaskedArrayFutureWarning, stacklevel=3)
    return None


def argsort(a, axis=_NoValue, kind=None, order=None, endwith=True, fill_value=None, *,
            stable=None):
    """Indices that sort ``a``, masked items last (first with ``endwith=False``)."""
    a = _rp.asanyarray(a)
    if axis is _NoValue:
        axis = _argsort_axis(a)
    # numpy's function never forwards ``stable``
    if isinstance(a, MaskedArray):
        return a.argsort(axis=axis, kind=kind, order=order, endwith=endwith,
                         fill_value=fill_value, stable=None)
    return a.argsort(axis=axis, kind=kind, order=order, stable=None)


def sort(a, axis=-1, kind=None, order=None, endwith=True, fill_value=None, *, stable=None):
    """A sorted copy of ``a``, masked items last (first with ``endwith=False``)."""
    a = _rp.array(a, copy=True, subok=True)
    if axis is None:
        a = a.flatten()
        axis = 0
    if isinstance(a, MaskedArray):
        a.sort(axis=axis, kind=kind, order=order, endwith=endwith, fill_value=fill_value,
               stable=stable)
    else:
        a.sort(axis=axis, kind=kind, order=order, stable=stable)
    return a


def compressed(x):
    """The unmasked items of ``x`` as a 1-d plain array."""
    return asanyarray(x).compressed()


def round_(a, decimals=0, out=None):
    """``a`` rounded to ``decimals``; a masked ``out`` takes ``a``'s mask."""
    if out is None:
        if isinstance(a, MaskedArray):
            return a.round(decimals)
        return _rp.round(a, decimals)
    _rp.round(getdata(a), decimals, out)
    if isinstance(out, MaskedArray):
        out._mask = getmask(a)
    return out


round = round_


def transpose(a, axes=None):
    """``a`` with its axes permuted (a masked array)."""
    try:
        return a.transpose(axes)
    except AttributeError:
        return _rp.asarray(a).transpose(axes).view(MaskedArray)


def reshape(a, new_shape, order="C"):
    """``a`` in a new shape (a masked array)."""
    try:
        return a.reshape(new_shape, order=order)
    except AttributeError:
        return _rp.asarray(a).reshape(new_shape, order=order).view(MaskedArray)


def resize(x, new_shape):
    """``x`` repeated to fill ``new_shape``, its mask likewise."""
    m = getmask(x)
    if m is not nomask:
        m = _rp.resize(m, new_shape)
    result = _rp.resize(x, new_shape).view(get_masked_subclass(x))
    if result.ndim:
        result._mask = m
    return result


def ndim(obj):
    """The number of dimensions of ``obj``."""
    return _rp.ndim(getdata(obj))


def shape(obj):
    """The shape of ``obj``."""
    return _rp.shape(getdata(obj))


def size(obj, axis=None):
    """The number of items of ``obj`` (along ``axis``)."""
    return _rp.size(getdata(obj), axis)


def put(a, indices, values, mode="raise"):
    """Set ``a``'s items at ``indices`` to ``values`` in place."""
    try:
        return a.put(indices, values, mode=mode)
    except AttributeError:
        return _rp.asarray(a).put(indices, values, mode=mode)


def putmask(a, mask, values):
    """Set ``a``'s items where ``mask`` holds to ``values`` (their mask too) in place."""
    if not isinstance(a, MaskedArray):
        a = a.view(MaskedArray)
    valdata, valmask = getdata(values), getmask(values)
    if getmask(a) is nomask:
        if valmask is not nomask:
            a._sharedmask = True
            a._mask = make_mask_none(a.shape, a.dtype)
            _rp.copyto(a._mask, valmask, where=mask)
    elif a._hardmask:
        if valmask is not nomask:
            m = a._mask.copy()
            _rp.copyto(m, valmask, where=mask)
            a.mask |= m
    else:
        if valmask is nomask:
            valmask = getmaskarray(values)
        _rp.copyto(a._mask, valmask, where=mask)
    _rp.copyto(a._data, valdata, where=mask)


# --------------------------------------------------------------------------------------
# combining arrays
# --------------------------------------------------------------------------------------

def concatenate(arrays, axis=0):
    """Join masked arrays along ``axis``; the mask is nomask unless an input had one."""
    d = _rp.concatenate([getdata(a) for a in arrays], axis)
    data = d.view(get_masked_subclass(*arrays))
    if builtins.all(getmask(x) is nomask for x in arrays):
        return data
    dm = _rp.concatenate([getmaskarray(a) for a in arrays], axis)
    data._mask = _shrink_mask(dm.reshape(d.shape))
    return data


def append(a, b, axis=None):
    """``b`` appended to ``a`` along ``axis`` (flattened when None)."""
    return concatenate([a, b], axis)


def diag(v, k=0):
    """The ``k``-th diagonal of 2-d ``v``, or the 2-d array with 1-d ``v`` on it."""
    if isinstance(v, MaskedArray) and v.ndim == 2:
        # numpy's diag reads a 2-d masked array through its own diagonal()
        output = v.diagonal(k).view(MaskedArray)
    else:
        output = _rp.diag(getdata(v), k).view(MaskedArray)
    if getmask(v) is not nomask:
        output._mask = _rp.diag(v._mask, k)
    return output


def _shift(op):
    """left_shift/right_shift: masked items shift 0."""
    def shift(a, n):
        m = getmask(a)
        if m is nomask:
            return masked_array(op(filled(a), n))
        return masked_array(op(filled(a, 0), n), mask=m)
    shift.__name__ = shift.__qualname__ = op.__name__
    shift.__doc__ = f"The masked form of ``{op.__name__}``: the data of masked items is 0."
    return shift


left_shift = _shift(_rp.left_shift)
right_shift = _shift(_rp.right_shift)


def power(a, b, third=None):
    """``a ** b``, masked where either is masked or the result is not finite."""
    if third is not None:
        raise MaskError("3-argument power not supported.")
    return _power(a, b)


def _diff_step(a, axis, op):
    """One difference of masked ``a`` along ``axis``, built as numpy's ufunc wrap does."""
    n = a.shape[axis]
    first = a[(slice(None),) * axis + (slice(1, n),)]
    second = a[(slice(None),) * axis + (slice(0, n - 1),)]
    out = op(getdata(first), getdata(second)).view(type(a))
    out._update_from(first)
    out._mask = mask_or(getmaskarray(first), getmaskarray(second))
    out._sharedmask = False
    return out


def diff(a, /, n=1, axis=-1, prepend=_NoValue, append=_NoValue):
    """The ``n``-th discrete difference along ``axis``; a result is masked where any item
    it depends on is."""
    if n == 0:
        return a
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    a = asanyarray(a)
    if a.ndim == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    combined = []
    for extra in (prepend, None, append):
        if extra is None:
            combined.append(a)
        elif extra is not _NoValue:
            extra = asanyarray(extra)
            if extra.ndim == 0:
                shp = list(a.shape)
                shp[axis] = 1
                # numpy broadcasts a scalar pad as a plain array: its mask is dropped
                extra = _rp.broadcast_to(getdata(extra), tuple(shp))
            combined.append(extra)
    if len(combined) > 1:
        a = concatenate(combined, axis)
    ax = _normalize_axis_index(axis, a.ndim)
    op = _rp.not_equal if a.dtype == _rp.bool_ else _rp.subtract
    for _ in range(n):
        a = _diff_step(a, ax, op)
    return a


# --------------------------------------------------------------------------------------
# selection
# --------------------------------------------------------------------------------------

def where(condition, x=_NoValue, y=_NoValue):
    """Items of ``x`` where ``condition`` holds, else of ``y``; masked where the chosen item
    or the condition is masked. With only ``condition``: its nonzero indices."""
    missing = (x is _NoValue, y is _NoValue).count(True)
    if missing == 1:
        raise ValueError("Must provide both 'x' and 'y' or neither.")
    if missing == 2:
        return nonzero(condition)
    return _where(condition, x, y)


def choose(indices, choices, out=None, mode="raise"):
    """``choices[indices]`` item by item; masked where the index or the choice is."""
    c = filled(indices, 0)
    masks = [True if x is masked else getmask(x) for x in choices]
    data = [True if x is masked else filled(x) for x in choices]
    outputmask = _rp.choose(c, masks, mode=mode)
    outputmask = make_mask(mask_or(outputmask, getmask(indices)), copy=False, shrink=True)
    d = _rp.choose(c, data, mode=mode, out=out).view(MaskedArray)
    if out is not None:
        if isinstance(out, MaskedArray):
            out.__setmask__(outputmask)
        return out
    d.__setmask__(outputmask)
    return d


# --------------------------------------------------------------------------------------
# products and comparisons
# --------------------------------------------------------------------------------------

def inner(a, b):
    """The inner product of ``a`` and ``b`` with masked items read as 0."""
    fa, fb = filled(a, 0), filled(b, 0)
    if fa.ndim == 0:
        fa = fa.reshape(1)
    if fb.ndim == 0:
        fb = fb.reshape(1)
    d = _rp.inner(fa, fb)
    # a scalar product stays a plain scalar (numpy's scalar.view ignores the class)
    return d.view(MaskedArray) if isinstance(d, _rp.ndarray) else d


innerproduct = inner


def outer(a, b):
    """The outer product of flattened ``a`` and ``b``; masked where either item is."""
    fa = filled(a, 0).ravel()
    fb = filled(b, 0).ravel()
    d = _rp.outer(fa, fb)
    if getmask(a) is nomask and getmask(b) is nomask:
        return masked_array(d)
    ma, mb = getmaskarray(a), getmaskarray(b)
    m = make_mask(1 - _rp.outer(1 - ma, 1 - mb), copy=False)
    return masked_array(d, mask=m)


outerproduct = outer


def _convolve_or_correlate(f, a, v, mode, propagate_mask):
    """Masked convolution/correlation: with ``propagate_mask`` a result is masked when any
    pair it sums has a masked item, otherwise only when no pair is wholly unmasked."""
    if propagate_mask:
        mask = (f(getmaskarray(a), _rp.ones(_rp.shape(v), dtype=bool), mode=mode)
                | f(_rp.ones(_rp.shape(a), dtype=bool), getmaskarray(v), mode=mode))
        data = f(getdata(a), getdata(v), mode=mode)
    else:
        mask = ~f(~getmaskarray(a), ~getmaskarray(v), mode=mode)
        data = f(filled(a, 0), filled(v, 0), mode=mode)
    return masked_array(data, mask=mask)


def correlate(a, v, mode="valid", propagate_mask=True):
    """The masked cross-correlation of 1-d ``a`` and ``v``."""
    return _convolve_or_correlate(_rp.correlate, a, v, mode, propagate_mask)


def convolve(a, v, mode="full", propagate_mask=True):
    """The masked discrete convolution of 1-d ``a`` and ``v``."""
    return _convolve_or_correlate(_rp.convolve, a, v, mode, propagate_mask)


def allequal(a, b, fill_value=True):
    """Whether ``a`` equals ``b`` item by item; masked items count as equal when
    ``fill_value`` is true, and make the answer False otherwise."""
    m = mask_or(getmask(a), getmask(b))
    if m is nomask:
        return _rp.equal(getdata(a), getdata(b)).all()
    if fill_value:
        d = _rp.equal(getdata(a), getdata(b))
        return masked_array(d, mask=m, copy=False).filled(True).all(None)
    return False


def allclose(a, b, masked_equal=True, rtol=1e-5, atol=1e-8):
    """Whether ``a`` and ``b`` are equal within tolerances; masked items count as equal
    when ``masked_equal``, infinities must match exactly."""
    x = masked_array(a, copy=False)
    y = masked_array(b, copy=False)
    # an inexact y keeps abs() from overflowing on the smallest integer
    if y.dtype.kind != "m":
        dtype = _rp.result_type(y, 1.)
        if y.dtype != dtype:
            y = masked_array(y, dtype=dtype, copy=False)
    m = mask_or(getmask(x), getmask(y))
    xinf = _rp.isinf(getdata(x)) & ~_mask_array(m, x.shape)
    yinf = _rp.isinf(getdata(y)) & ~getmaskarray(y)
    if not _rp.all(xinf == yinf):
        return False
    if not _rp.any(xinf):
        d = filled(less_equal(absolute(x - y), atol + rtol * absolute(y)), masked_equal)
        return _rp.all(d)
    if not _rp.all(filled(x[xinf] == y[xinf], masked_equal)):
        return False
    x = x[~xinf]
    y = y[~xinf]
    d = filled(less_equal(absolute(x - y), atol + rtol * absolute(y)), masked_equal)
    return _rp.all(d)


def _mask_array(m, shape):
    """Mask ``m`` as a full boolean array of ``shape``."""
    if m is nomask:
        return _rp.zeros(shape, dtype=bool)
    return m


# --------------------------------------------------------------------------------------
# constructors giving masked arrays
# --------------------------------------------------------------------------------------

def _convert2ma(func, extras=True):
    """``func``'s result viewed as a MaskedArray; with ``extras`` the keywords
    ``fill_value`` and ``hardmask`` set those of the result."""
    def wrapper(*args, **kwargs):
        given = {k: kwargs.pop(k) for k in ("fill_value", "hardmask") if extras and k in kwargs}
        result = func(*args, **kwargs).view(MaskedArray)
        if "fill_value" in given:
            result.fill_value = given["fill_value"]
        if "hardmask" in given:
            result._hardmask = bool(given["hardmask"])
        return result
    wrapper.__name__ = wrapper.__qualname__ = func.__name__
    wrapper.__doc__ = f"``{func.__name__}`` giving a MaskedArray."
    wrapper.__signature__ = _with_extras(func) if extras else _signature(func)
    return wrapper


def _signature(func):
    """``func``'s signature, or ``(*args, **kwargs)`` when it has none."""
    try:
        return inspect.signature(func)
    except ValueError:
        kind = inspect.Parameter
        return inspect.Signature([kind("args", kind.VAR_POSITIONAL),
                                  kind("kwargs", kind.VAR_KEYWORD)])


def _with_extras(func):
    """``func``'s signature with the keyword-only ``fill_value`` and ``hardmask`` added
    (before a ``**kwargs``)."""
    sig = _signature(func)
    params = list(sig.parameters.values())
    tail = [params.pop()] if params and params[-1].kind is params[-1].VAR_KEYWORD else []
    for name, default in (("fill_value", None), ("hardmask", False)):
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default))
    return sig.replace(parameters=params + tail)


def _like(func):
    """``func`` (a ``*_like`` constructor) giving a MaskedArray that, as numpy's subclass
    results do, takes the prototype's mask (when the shapes agree), fill value and hardness."""
    def wrapper(a, *args, **kwargs):
        result = func(a, *args, **kwargs).view(MaskedArray)
        if isinstance(a, MaskedArray) and kwargs.get("subok", True):
            result.__array_finalize__(a)
        return result
    wrapper.__name__ = wrapper.__qualname__ = func.__name__
    wrapper.__doc__ = f"``{func.__name__}`` giving a MaskedArray."
    wrapper.__signature__ = _signature(func)
    return wrapper


arange = _convert2ma(_rp.arange)
clip = _convert2ma(_rp.clip)
empty = _convert2ma(_rp.empty)
empty_like = _like(_rp.empty_like)
frombuffer = _convert2ma(_rp.frombuffer, extras=False)
fromfunction = _convert2ma(_rp.fromfunction, extras=False)
identity = _convert2ma(_rp.identity)
indices = _convert2ma(_rp.indices)
ones = _convert2ma(_rp.ones)
ones_like = _like(_rp.ones_like)
squeeze = _convert2ma(_rp.squeeze)
zeros = _convert2ma(_rp.zeros)
zeros_like = _like(_rp.zeros_like)


def fromflex(fxarray):
    """A masked array from a structured array with ``_data`` and ``_mask`` fields."""
    return masked_array(fxarray["_data"], mask=fxarray["_mask"])


# as in numpy, the functions defined here belong to the ma.core namespace that exports them,
# except amax and amin, which stand for numpy's own functions
for _name in __all__:
    _obj = globals()[_name]
    if inspect.isfunction(_obj) and _obj.__module__ == __name__:
        _obj.__module__ = "rumpy" if _name in ("amax", "amin") else "rumpy.ma.core"
del _name, _obj
