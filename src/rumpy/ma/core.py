"""``rumpy.ma.core``: MaskedArray and the functions of ``numpy.ma.core``."""

import builtins
import operator
import warnings
from functools import reduce as _fold

import rumpy as rp
from rumpy import _print
from rumpy._helpers import _NoValue

ndarray = rp.ndarray

__all__ = [
    "MAError", "MaskError", "MaskType", "MaskedArray", "abs", "absolute",
    "add", "angle", "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctan2", "arctanh",
    "around", "array", "asanyarray", "asarray", "bitwise_and", "bitwise_or", "bitwise_xor",
    "bool_", "ceil", "common_fill_value", "conjugate", "cos", "cosh", "default_fill_value",
    "divide", "dot", "equal", "exp", "fabs", "filled", "fix_invalid", "flatten_mask",
    "flatten_structured_array", "floor", "floor_divide", "fmod", "getdata", "getmask",
    "getmaskarray", "greater", "greater_equal", "hypot", "isMA", "isMaskedArray", "is_mask",
    "is_masked", "isarray", "less", "less_equal", "log", "log10", "log2", "logical_and",
    "logical_not", "logical_or", "logical_xor", "make_mask", "make_mask_descr", "make_mask_none",
    "mask_or", "masked", "masked_array", "masked_print_option", "masked_singleton", "maximum",
    "maximum_fill_value", "minimum", "minimum_fill_value", "mod", "multiply", "mvoid",
    "negative", "nomask", "not_equal", "remainder", "set_fill_value", "sin", "sinh", "sqrt",
    "subtract", "tan", "tanh", "true_divide",
]

MaskType = rp.bool_
bool_ = rp.bool_
nomask = MaskType(0)


class MAError(Exception):
    """Error of the masked-array machinery."""


class MaskError(MAError):
    """Error about a mask."""


class MaskedArrayFutureWarning(FutureWarning):
    """A future change of numpy.ma's behaviour."""


# ---------------------------------------------------------------------------
# fill values
# ---------------------------------------------------------------------------

_DEFAULT_FILL = {"b": True, "c": 1e20 + 0j, "f": 1e20, "i": 999999, "O": "?", "S": b"N/A",
                 "u": 999999, "V": b"???", "U": "N/A", "T": "N/A"}


def _extremes(dtype):
    """(smallest, largest) value of a scalar dtype ((None, None) for text, objects and
    records, as numpy's table of scalar types), or None for a type outside that table."""
    kind = dtype.kind
    if kind in "Mm":
        info = rp.iinfo(rp.int64)
        return info.min + 1, info.max
    if kind in "iu":
        info = rp.iinfo(dtype)
        return info.min, info.max
    if kind == "f":
        return -rp.inf, rp.inf
    if kind == "c":
        return complex(-rp.inf, -rp.inf), complex(rp.inf, rp.inf)
    if kind == "b":
        return 0, 1
    if kind in "SUOV":
        return None, None
    return None


def _recursive_fill_value(dtype, scalar_fill):
    if dtype.names is not None:
        vals = tuple(rp.array(_recursive_fill_value(dtype[name], scalar_fill))
                     for name in dtype.names)
        return rp.array(vals, dtype=dtype)[()]
    if dtype.subdtype:
        subtype, shape = dtype.subdtype
        return rp.full(shape, _recursive_fill_value(subtype, scalar_fill))
    return scalar_fill(dtype)


def _dtype_of(obj):
    if isinstance(obj, rp.dtype):
        return obj
    if hasattr(obj, "dtype"):
        return obj.dtype
    return rp.asanyarray(obj).dtype


def _default_scalar_fill(dtype):
    if dtype.kind in "Mm":
        unit = dtype.str[1:]
        nat = rp.datetime64 if dtype.kind == "M" else rp.timedelta64
        return nat("NaT", unit[3:-1]) if "[" in unit else "?"
    return _DEFAULT_FILL.get(dtype.kind, "?")


def default_fill_value(obj):
    """The default fill value for the dtype of ``obj``."""
    return _recursive_fill_value(_dtype_of(obj), _default_scalar_fill)


def _extremum_fill_value(obj, which, name):
    def scalar_fill(dtype):
        ext = _extremes(dtype)
        if ext is None:
            raise TypeError(f"Unsuitable type {dtype} for calculating {name}.")
        return ext[which]
    return _recursive_fill_value(_dtype_of(obj), scalar_fill)


def minimum_fill_value(obj):
    """The largest value of ``obj``'s dtype: the fill that never wins a minimum."""
    return _extremum_fill_value(obj, 1, "minimum")


def maximum_fill_value(obj):
    """The smallest value of ``obj``'s dtype: the fill that never wins a maximum."""
    return _extremum_fill_value(obj, 0, "maximum")


def _fields_fill_value(fill_value, dt):
    """A fill value for structured ``dt`` from a sequence (cycled over the fields)."""
    values = rp.resize(fill_value, len(dt.names))
    out = []
    for fval, name in zip(values, dt.names):
        cdtype = dt[name]
        if cdtype.subdtype:
            cdtype = cdtype.subdtype[0]
        if cdtype.names is not None:
            out.append(tuple(_fields_fill_value(fval, cdtype)))
        else:
            out.append(rp.array(fval, dtype=cdtype).item())
    return tuple(out)


def _check_fill_value(fill_value, ndtype):
    """``fill_value`` checked against ``ndtype`` and made a 0-d array (the default if None)."""
    ndtype = rp.dtype(ndtype)
    if fill_value is None:
        fill_value = default_fill_value(ndtype)
        if ndtype.kind == "u":
            fill_value = rp.uint(fill_value)
    elif ndtype.names is not None:
        if isinstance(fill_value, (ndarray, rp.void)):
            try:
                fill_value = rp.asarray(fill_value, dtype=ndtype)
            except ValueError as e:
                raise ValueError(f"Unable to transform {fill_value} to dtype {ndtype}") from e
        else:
            fill_value = rp.asarray(fill_value, dtype=object)
            fill_value = rp.array(_fields_fill_value(fill_value, ndtype), dtype=ndtype)
    elif isinstance(fill_value, str) and ndtype.char not in "OSTVU":
        raise TypeError(f"Cannot set fill value of string with array of dtype {ndtype}")
    else:
        try:
            fill_value = rp.asarray(fill_value, dtype=ndtype)
        except (OverflowError, ValueError) as e:
            raise TypeError(f"Cannot convert fill_value {fill_value} to dtype {ndtype}") from e
    return rp.array(fill_value)


def set_fill_value(a, fill_value):
    """Set the fill value of ``a`` if it is a masked array (in place)."""
    if isinstance(a, MaskedArray):
        a.set_fill_value(fill_value)


def _get_fill_value(a):
    if isinstance(a, MaskedArray):
        return a.fill_value
    return default_fill_value(a)


def common_fill_value(a, b):
    """The fill value of ``a`` and ``b`` if they are the same, else None."""
    t1 = _get_fill_value(a)
    t2 = _get_fill_value(b)
    if t1 == t2:
        return t1
    return None


def filled(a, fill_value=None):
    """``a`` with its masked entries replaced by ``fill_value``, as a plain array."""
    if hasattr(a, "filled"):
        return a.filled(fill_value)
    if isinstance(a, ndarray):
        return a
    if isinstance(a, dict):
        return rp.array(a, "O")
    return rp.array(a)


def get_masked_subclass(*arrays):
    """The MaskedArray class a result of ``arrays`` gets (the most derived one)."""
    classes = [type(a) for a in arrays]
    rcls = classes[0]
    if not issubclass(rcls, MaskedArray):
        rcls = MaskedArray
    for cls in classes[1:]:
        if issubclass(cls, rcls):
            rcls = cls
    if rcls.__name__ == "MaskedConstant":
        return MaskedArray
    return rcls


def getdata(a, subok=True):
    """The data of a masked array as an ndarray (or ``a`` made an array)."""
    try:
        data = a._data
    except AttributeError:
        data = rp.array(a, copy=None, subok=subok)
    if not subok:
        return data.view(ndarray)
    return data


get_data = getdata


def fix_invalid(a, mask=nomask, copy=True, fill_value=None):
    """``a`` with its NaNs and infinities masked and replaced by the fill value."""
    a = masked_array(a, copy=copy, mask=mask, subok=True)
    invalid = rp.logical_not(rp.isfinite(a._data))
    if not invalid.any():
        return a
    a._mask |= invalid
    if fill_value is None:
        fill_value = a.fill_value
    a._data[invalid] = fill_value
    return a


# ---------------------------------------------------------------------------
# domains and masked ufuncs
# ---------------------------------------------------------------------------

# ufunc name -> domain and fill values, read by __array_wrap__ for rp's own ufuncs
_ufunc_domain = {}
_ufunc_fills = {}


class _DomainCheckInterval:
    """True where x lies outside [a, b]."""

    def __init__(self, a, b):
        self.a, self.b = (b, a) if a > b else (a, b)

    def __call__(self, x):
        with rp.errstate(invalid="ignore"):
            return rp.logical_or(rp.greater(x, self.b), rp.less(x, self.a))


class _DomainTan:
    """True where cos(x) is (nearly) zero."""

    def __init__(self, eps):
        self.eps = eps

    def __call__(self, x):
        with rp.errstate(invalid="ignore"):
            return rp.less(rp.absolute(rp.cos(x)), self.eps)


class _DomainSafeDivide:
    """True where a / b would overflow (|b| tiny next to |a|)."""

    def __init__(self, tolerance=None):
        self.tolerance = tolerance

    def __call__(self, a, b):
        if self.tolerance is None:
            self.tolerance = rp.finfo(float).tiny
        a, b = rp.asarray(a), rp.asarray(b)
        with rp.errstate(all="ignore"):
            return rp.absolute(a) * self.tolerance >= rp.absolute(b)


class _DomainGreater:
    """True where x <= critical value."""

    def __init__(self, critical_value):
        self.critical_value = critical_value

    def __call__(self, x):
        with rp.errstate(invalid="ignore"):
            return rp.less_equal(x, self.critical_value)


class _DomainGreaterEqual:
    """True where x < critical value."""

    def __init__(self, critical_value):
        self.critical_value = critical_value

    def __call__(self, x):
        with rp.errstate(invalid="ignore"):
            return rp.less(x, self.critical_value)


class _MaskedUFunc:
    def __init__(self, ufunc):
        self.f = ufunc
        self.__doc__ = ufunc.__doc__
        self.__name__ = ufunc.__name__
        self.__qualname__ = getattr(ufunc, "__qualname__", ufunc.__name__)

    def __str__(self):
        return f"Masked version of {self.f}"


def _combined_mask(a, b):
    """The or of the masks of ``a`` and ``b`` (nomask when neither has one)."""
    ma, mb = getmask(a), getmask(b)
    if ma is nomask:
        if mb is nomask:
            return nomask
        return rp.logical_or(getmaskarray(a), mb)
    if mb is nomask:
        return rp.logical_or(ma, getmaskarray(b))
    return rp.logical_or(ma, mb)


def _wrap_result(result, mask, a, b=None):
    """``result`` viewed as the masked class of the operands, with ``mask``."""
    out = result.view(get_masked_subclass(a) if b is None else get_masked_subclass(a, b))
    out._mask = mask
    if isinstance(a, MaskedArray):
        out._update_from(a)
    elif isinstance(b, MaskedArray):
        out._update_from(b)
    return out


def _keep_first_operand(result, da, m):
    """Masked entries of ``result`` take the first operand's data (cast unsafely)."""
    if result.shape == da.shape == m.shape and result.dtype == da.dtype:
        # a boolean gather and scatter is rumpy's fastest masked copy
        result[m] = da[m]
        return
    try:
        rp.copyto(result, da, casting="unsafe", where=m)
    except Exception:  # noqa: BLE001 - data that cannot be cast stays as computed
        pass


class _MaskedUnaryOperation(_MaskedUFunc):
    """A unary ufunc on masked arrays; a domain masks the invalid inputs."""

    def __init__(self, mufunc, fill=0, domain=None):
        super().__init__(mufunc)
        self.fill = fill
        self.domain = domain
        _ufunc_domain[self.__name__] = domain
        _ufunc_fills[self.__name__] = fill

    def __call__(self, a, *args, **kwargs):
        d = getdata(a)
        with rp.errstate(divide="ignore", invalid="ignore"):
            result = self.f(d, *args, **kwargs)
        if self.domain is not None:
            m = ~rp.isfinite(result)
            m |= self.domain(d)
            m |= getmask(a)
        else:
            m = getmask(a)
        if not result.ndim:
            return masked if m else result
        if m is not nomask:
            try:
                rp.copyto(result, d, where=m)
            except TypeError:
                pass
        out = result.view(get_masked_subclass(a))
        out._mask = m
        out._update_from(a)
        return out


class _MaskedBinaryOperation(_MaskedUFunc):
    """A binary ufunc on masked arrays: the result is masked where either input is."""

    def __init__(self, mbfunc, fillx=0, filly=0):
        super().__init__(mbfunc)
        self.fillx = fillx
        self.filly = filly
        _ufunc_domain[self.__name__] = None
        _ufunc_fills[self.__name__] = (fillx, filly)

    def __call__(self, a, b, *args, **kwargs):
        da, db = getdata(a), getdata(b)
        with rp.errstate(divide="ignore", invalid="ignore"):
            result = self.f(da, db, *args, **kwargs)
        m = _combined_mask(a, b)
        if not result.ndim:
            return masked if m else result
        if m is not nomask and m.any():
            _keep_first_operand(result, da, m)
        return _wrap_result(result, m, a, b)

    def reduce(self, target, axis=0, dtype=None):
        """Reduce ``target`` along ``axis``, masked entries counting as the identity fill."""
        tclass = get_masked_subclass(target)
        m = getmask(target)
        t = filled(target, self.filly)
        if t.shape == ():
            t = t.reshape(1)
            if m is not nomask:
                m = make_mask(m, copy=True)
                m.shape = (1,)
        if m is nomask:
            tr = self.f.reduce(t, axis)
            mr = nomask
        else:
            tr = self.f.reduce(t, axis, dtype=dtype)
            mr = rp.logical_and.reduce(m, axis)
        if not tr.shape:
            return masked if mr else tr
        out = tr.view(tclass)
        out._mask = mr
        return out

    def outer(self, a, b):
        """The outer operation; an entry is masked where either input is."""
        da, db = getdata(a), getdata(b)
        d = self.f.outer(da, db)
        if getmask(a) is nomask and getmask(b) is nomask:
            m = nomask
        else:
            m = rp.logical_or.outer(getmaskarray(a), getmaskarray(b))
        if not m.ndim and m:
            return masked
        if m is not nomask:
            rp.copyto(d, da, where=m)
        if not d.shape:
            return d
        out = d.view(get_masked_subclass(a, b))
        out._mask = m
        return out

    def accumulate(self, target, axis=0):
        """Accumulate along ``axis`` over the filled data (the result has no mask)."""
        tclass = get_masked_subclass(target)
        t = filled(target, self.filly)
        return self.f.accumulate(t, axis).view(tclass)


class _DomainedBinaryOperation(_MaskedUFunc):
    """A binary ufunc with a domain (divisions): results outside it are masked."""

    def __init__(self, dbfunc, domain, fillx=0, filly=1):
        super().__init__(dbfunc)
        self.domain = domain
        self.fillx = fillx
        self.filly = filly
        _ufunc_domain[self.__name__] = domain
        _ufunc_fills[self.__name__] = (fillx, filly)

    def __call__(self, a, b, *args, **kwargs):
        da, db = getdata(a), getdata(b)
        with rp.errstate(divide="ignore", invalid="ignore"):
            result = self.f(da, db, *args, **kwargs)
        m = ~rp.isfinite(result)
        m |= getmask(a)
        m |= getmask(b)
        if self.domain is not None:
            m |= self.domain(da, db)
        if not m.ndim:
            return masked if m else result
        # masked entries take the first operand's value where it casts safely
        try:
            rp.copyto(result, 0, casting="unsafe", where=m)
            masked_da = rp.multiply(m, da)
            if rp.can_cast(masked_da.dtype, result.dtype, casting="safe"):
                result += masked_da
        except Exception:  # noqa: BLE001 - data that cannot be cast stays as computed
            pass
        return _wrap_result(result, m, a, b)


exp = _MaskedUnaryOperation(rp.exp)
conjugate = _MaskedUnaryOperation(rp.conjugate)
sin = _MaskedUnaryOperation(rp.sin)
cos = _MaskedUnaryOperation(rp.cos)
arctan = _MaskedUnaryOperation(rp.arctan)
arcsinh = _MaskedUnaryOperation(rp.arcsinh)
sinh = _MaskedUnaryOperation(rp.sinh)
cosh = _MaskedUnaryOperation(rp.cosh)
tanh = _MaskedUnaryOperation(rp.tanh)
abs = absolute = _MaskedUnaryOperation(rp.absolute)
angle = _MaskedUnaryOperation(rp.angle)
fabs = _MaskedUnaryOperation(rp.fabs)
negative = _MaskedUnaryOperation(rp.negative)
floor = _MaskedUnaryOperation(rp.floor)
ceil = _MaskedUnaryOperation(rp.ceil)
around = _MaskedUnaryOperation(rp.around)
logical_not = _MaskedUnaryOperation(rp.logical_not)
sqrt = _MaskedUnaryOperation(rp.sqrt, 0.0, _DomainGreaterEqual(0.0))
log = _MaskedUnaryOperation(rp.log, 1.0, _DomainGreater(0.0))
log2 = _MaskedUnaryOperation(rp.log2, 1.0, _DomainGreater(0.0))
log10 = _MaskedUnaryOperation(rp.log10, 1.0, _DomainGreater(0.0))
tan = _MaskedUnaryOperation(rp.tan, 0.0, _DomainTan(1e-35))
arcsin = _MaskedUnaryOperation(rp.arcsin, 0.0, _DomainCheckInterval(-1.0, 1.0))
arccos = _MaskedUnaryOperation(rp.arccos, 0.0, _DomainCheckInterval(-1.0, 1.0))
arccosh = _MaskedUnaryOperation(rp.arccosh, 1.0, _DomainGreaterEqual(1.0))
arctanh = _MaskedUnaryOperation(rp.arctanh, 0.0, _DomainCheckInterval(-1.0 + 1e-15, 1.0 - 1e-15))

add = _MaskedBinaryOperation(rp.add)
subtract = _MaskedBinaryOperation(rp.subtract)
multiply = _MaskedBinaryOperation(rp.multiply, 1, 1)
arctan2 = _MaskedBinaryOperation(rp.arctan2, 0.0, 1.0)
equal = _MaskedBinaryOperation(rp.equal)
not_equal = _MaskedBinaryOperation(rp.not_equal)
less_equal = _MaskedBinaryOperation(rp.less_equal)
greater_equal = _MaskedBinaryOperation(rp.greater_equal)
less = _MaskedBinaryOperation(rp.less)
greater = _MaskedBinaryOperation(rp.greater)
# comparisons have no reduction (as numpy.ma's)
for _cmp in (equal, not_equal, less_equal, greater_equal, less, greater):
    _cmp.reduce = None
logical_and = _MaskedBinaryOperation(rp.logical_and)
logical_or = _MaskedBinaryOperation(rp.logical_or)
logical_xor = _MaskedBinaryOperation(rp.logical_xor)
bitwise_and = _MaskedBinaryOperation(rp.bitwise_and)
bitwise_or = _MaskedBinaryOperation(rp.bitwise_or)
bitwise_xor = _MaskedBinaryOperation(rp.bitwise_xor)
hypot = _MaskedBinaryOperation(rp.hypot)

divide = true_divide = _DomainedBinaryOperation(rp.divide, _DomainSafeDivide(), 0, 1)
floor_divide = _DomainedBinaryOperation(rp.floor_divide, _DomainSafeDivide(), 0, 1)
remainder = mod = _DomainedBinaryOperation(rp.remainder, _DomainSafeDivide(), 0, 1)
fmod = _DomainedBinaryOperation(rp.fmod, _DomainSafeDivide(), 0, 1)
# rp's ufuncs are named by what they compute: register the aliases' names too
for _name, _op in (("true_divide", divide), ("mod", remainder)):
    _ufunc_domain.setdefault(_name, _op.domain)
    _ufunc_fills.setdefault(_name, (_op.fillx, _op.filly))


# ---------------------------------------------------------------------------
# masks
# ---------------------------------------------------------------------------

def _replace_dtype_fields(dtype, primitive):
    """``dtype`` with every scalar field (and the dtype itself if plain) made ``primitive``."""
    dtype = rp.dtype(dtype)
    primitive = rp.dtype(primitive)
    if dtype.names is not None:
        descr = []
        for name in dtype.names:
            field = dtype.fields[name]
            key = (field[2], name) if len(field) == 3 else name
            descr.append((key, _replace_dtype_fields(field[0], primitive)))
        new = rp.dtype(descr)
    elif dtype.subdtype:
        sub, shape = dtype.subdtype
        new = rp.dtype((_replace_dtype_fields(sub, primitive), shape))
    else:
        new = primitive
    return dtype if new == dtype else new


def make_mask_descr(ndtype):
    """The mask dtype of ``ndtype``: bool, with the same fields for a structured dtype."""
    return _replace_dtype_fields(ndtype, MaskType)


def getmask(a):
    """The mask of ``a``, or nomask."""
    return getattr(a, "_mask", nomask)


get_mask = getmask


def getmaskarray(arr):
    """The mask of ``arr`` as a full boolean array (never nomask)."""
    mask = getmask(arr)
    if mask is nomask:
        mask = make_mask_none(rp.shape(arr), getattr(arr, "dtype", None))
    return mask


def is_mask(m):
    """Is ``m`` a valid mask (an array of MaskType)?"""
    try:
        return m.dtype.type is MaskType
    except AttributeError:
        return False


def _shrink_mask(m):
    if m.dtype.names is None and not m.any():
        return nomask
    return m


def make_mask(m, copy=False, shrink=True, dtype=MaskType):
    """``m`` as a boolean mask (nomask when it has no True and ``shrink``)."""
    if m is nomask:
        return nomask
    dtype = make_mask_descr(dtype)
    if isinstance(m, ndarray) and m.dtype.fields and dtype == rp.bool_:
        return rp.ones(m.shape, dtype=dtype)
    result = rp.array(filled(m, True), copy=True if copy else None, dtype=dtype, subok=True)
    if shrink:
        result = _shrink_mask(result)
    return result


def make_mask_none(newshape, dtype=None):
    """A mask of ``newshape`` with no True (with the fields of ``dtype`` if given)."""
    if dtype is None:
        return rp.zeros(newshape, dtype=MaskType)
    return rp.zeros(newshape, dtype=make_mask_descr(dtype))


def _fields_mask_or(m1, m2, out):
    for name in m1.dtype.names:
        current = m1[name]
        if current.dtype.names is not None:
            _fields_mask_or(current, m2[name], out[name])
        else:
            rp.logical_or(current, m2[name], out[name])


def mask_or(m1, m2, copy=False, shrink=True):
    """The or of two masks."""
    if m1 is nomask or m1 is False:
        return make_mask(m2, copy=copy, shrink=shrink, dtype=getattr(m2, "dtype", MaskType))
    if m2 is nomask or m2 is False:
        return make_mask(m1, copy=copy, shrink=shrink, dtype=getattr(m1, "dtype", MaskType))
    if m1 is m2 and is_mask(m1):
        return _shrink_mask(m1) if shrink else m1
    dtype1, dtype2 = getattr(m1, "dtype", None), getattr(m2, "dtype", None)
    if dtype1 != dtype2:
        raise ValueError(f"Incompatible dtypes '{dtype1}'<>'{dtype2}'")
    if dtype1.names is not None:
        out = rp.empty(rp.broadcast_shapes(rp.shape(m1), rp.shape(m2)), dtype1)
        _fields_mask_or(m1, m2, out)
        return out
    return make_mask(rp.logical_or(m1, m2), copy=copy, shrink=shrink)


def _flat_items(seq):
    """The leaves of a nested sequence, in order."""
    for item in seq:
        if hasattr(item, "__iter__") and not isinstance(item, (str, bytes)):
            yield from _flat_items(item)
        else:
            yield item


def _flat_mask_items(mask):
    if mask.dtype.names is not None:
        for name in mask.dtype.names:
            yield from _flat_mask_items(mask[name])
    elif mask.ndim == 0:
        yield mask.item()
    else:
        yield from _flat_items(mask.tolist())


def flatten_mask(mask):
    """A structured mask flattened to one boolean per leaf field."""
    return rp.array(list(_flat_mask_items(rp.asarray(mask))), dtype=bool)


def flatten_structured_array(a):
    """A structured array as a plain array with one column per leaf field."""
    a = rp._core.asanyarray(a)
    shape = a.shape
    a = a.ravel()
    if isinstance(a, MaskedArray):
        out = rp.array([tuple(_flat_items(d.item())) for d in a._data]).view(MaskedArray)
        out._mask = rp.array([tuple(_flat_items(d.item())) for d in getmaskarray(a)])
    else:
        out = rp.array([tuple(_flat_items(d.item())) for d in a])
    if len(shape) > 1:
        out.shape = tuple(shape) + out.shape[1:]
    return out


def _all_fields(mask):
    """Per record of a structured mask: is every leaf (and subarray item) True?"""
    result = rp.ones(mask.shape, dtype=bool)
    for name in mask.dtype.names:
        sub = mask[name]
        if sub.dtype.names is not None:
            sub = _all_fields(sub)
        elif sub.ndim > mask.ndim:
            sub = sub.all(axis=tuple(range(mask.ndim, sub.ndim)))
        result &= sub
    return result


def _set_flat(arr, values):
    """``arr.flat = values``: the values in flat order, repeated to fill ``arr``."""
    values = rp.asarray(getdata(values)).ravel()
    if arr.size and values.size:
        arr[...] = rp.resize(values, arr.size).reshape(arr.shape)


def _check_mask_axis(mask, axis, **kwargs):
    """The mask of a reduction: an entry is masked when all it reduces are."""
    if mask is not nomask:
        return mask.all(axis=axis, **kwargs)
    return nomask


def _keep(keepdims):
    return {} if keepdims is _NoValue else {"keepdims": keepdims}


# ---------------------------------------------------------------------------
# printing
# ---------------------------------------------------------------------------

class _MaskedPrintOption:
    """What a masked entry prints as (``--``), and whether it is shown."""

    def __init__(self, display):
        self._display = display
        self._enabled = True

    def display(self):
        """The string shown for masked entries."""
        return self._display

    def set_display(self, s):
        """Set the string shown for masked entries."""
        self._display = s

    def enabled(self):
        """Are masked entries shown as the display string?"""
        return self._enabled

    def enable(self, shrink=1):
        """Show (or not) masked entries as the display string."""
        self._enabled = shrink

    def __str__(self):
        return str(self._display)

    __repr__ = __str__


masked_print_option = _MaskedPrintOption("--")


def _fill_print(result, mask):
    """Put the masked print option into object array ``result`` where ``mask``."""
    names = result.dtype.names
    if names is not None:
        for name in names:
            _fill_print(result[name], mask[name])
    else:
        rp.copyto(result, masked_print_option, where=mask)


def _fields_filled(a, mask, fill_value):
    for name in a.dtype.names:
        current = a[name]
        if current.dtype.names is not None:
            _fields_filled(current, mask[name], fill_value[name])
        else:
            rp.copyto(current, fill_value[name], where=mask[name])


# ---------------------------------------------------------------------------
# MaskedArray
# ---------------------------------------------------------------------------

def _arraymethod(funcname, onmask=True):
    """A method applying ndarray's ``funcname`` to the data and (if ``onmask``) the mask."""
    def wrapped(self, *args, **params):
        result = getattr(self._data, funcname)(*args, **params).view(type(self))
        result._update_from(self)
        mask = self._mask
        if not onmask:
            result.__setmask__(mask)
        elif mask is not nomask:
            result._mask = getattr(mask, funcname)(*args, **params)
        return result
    wrapped.__name__ = funcname
    wrapped.__doc__ = f"``ndarray.{funcname}`` applied to the data and the mask."
    return wrapped


class MaskedIterator:
    """Flat iterator over a masked array (``MaskedArray.flat``)."""

    def __init__(self, ma):
        self.ma = ma
        self.dataiter = ma._data.flat
        self.maskiter = None if ma._mask is nomask else ma._mask.flat

    def __iter__(self):
        return self

    def __getitem__(self, indx):
        result = self.dataiter.__getitem__(indx)
        if isinstance(result, ndarray):
            result = result.view(type(self.ma))
        if self.maskiter is not None:
            m = self.maskiter.__getitem__(indx)
            if isinstance(m, ndarray):
                if not isinstance(result, MaskedArray):
                    result = rp.asarray(result).view(type(self.ma))
                m.shape = result.shape
                result._mask = m
            elif isinstance(m, rp.void):
                return mvoid(result, mask=m, hardmask=self.ma._hardmask)
            elif m:
                return masked
        return result

    def __setitem__(self, index, value):
        self.dataiter[index] = getdata(value)
        if self.maskiter is not None:
            self.maskiter[index] = getmaskarray(value)

    def __next__(self):
        d = next(self.dataiter)
        if self.maskiter is not None:
            m = next(self.maskiter)
            if isinstance(m, rp.void):
                return mvoid(d, mask=m, hardmask=self.ma._hardmask)
            if m:
                return masked
        return d


def _is_string_index(indx):
    return isinstance(indx, str) or (
        isinstance(indx, list) and indx and builtins.all(isinstance(s, str) for s in indx))


def _same_memory_start(a, b):
    return a.__array_interface__["data"][0] == b.__array_interface__["data"][0]


class MaskedArray(ndarray):
    """An array whose entries may be masked (invalid); numpy.ma.MaskedArray."""

    __array_priority__ = 15
    _defaultmask = nomask
    _defaulthardmask = False
    _baseclass = ndarray
    _print_width = 100
    _print_width_1d = 1500

    def __new__(cls, data=None, mask=nomask, dtype=None, copy=False, subok=True, ndmin=0,
                fill_value=None, keep_mask=True, hard_mask=None, shrink=True, order=None):
        copy = True if copy else None
        _data = rp.array(data, dtype=dtype, copy=copy, order=order, subok=True, ndmin=ndmin)
        _baseclass = getattr(data, "_baseclass", type(_data))
        if isinstance(data, MaskedArray) and data.shape != _data.shape:
            copy = True
        if isinstance(data, cls) and subok and not isinstance(data, MaskedConstant):
            _data = ndarray.view(_data, type(data))
        else:
            _data = ndarray.view(_data, cls)
        if hasattr(data, "_mask") and not isinstance(data, ndarray):
            _data._mask = data._mask
        mdtype = make_mask_descr(_data.dtype)
        if mask is nomask:
            _data._init_default_mask(data, copy, keep_mask, shrink, mdtype)
        else:
            _data._init_given_mask(_mask_array(mask, copy, mdtype, _data.shape), copy,
                                   keep_mask)
        if fill_value is None:
            fill_value = getattr(data, "_fill_value", None)
        if fill_value is not None:
            _data._fill_value = _check_fill_value(fill_value, _data.dtype)
        if hard_mask is None:
            _data._hardmask = getattr(data, "_hardmask", False)
        else:
            _data._hardmask = hard_mask
        _data._baseclass = _baseclass
        return _data

    def _init_default_mask(self, data, copy, keep_mask, shrink, mdtype):
        """The mask when none is given: the data's own, or one read from a list of arrays."""
        if not keep_mask:
            self._mask = nomask if shrink else rp.zeros(self.shape, dtype=mdtype)
        elif isinstance(data, (tuple, list)):
            try:
                mask = rp.array([getmaskarray(asanyarray(m, dtype=self.dtype)) for m in data],
                                dtype=mdtype)
            except (ValueError, TypeError):
                mask = nomask
            if mdtype == MaskType and mask is not nomask and mask.any():
                self._mask = mask
                self._sharedmask = False
        else:
            self._sharedmask = not copy
            if copy:
                self._mask = self._mask.copy()
                if getmask(data) is not nomask and data._mask.shape != data.shape:
                    data._mask.shape = data.shape

    def _init_given_mask(self, mask, copy, keep_mask):
        if mask.shape != self.shape:
            nd, nm = self.size, mask.size
            if nm == 1:
                mask = rp.resize(mask, self.shape)
            elif nm == nd:
                mask = rp.reshape(mask, self.shape)
            else:
                raise MaskError(
                    f"Mask and data not compatible: data size is {nd}, mask size is {nm}.")
            copy = True
        if self._mask is nomask or not keep_mask:
            self._mask = mask
            self._sharedmask = not copy
            return
        if self.dtype.names is not None:
            _fields_ior(self._mask, mask)
        else:
            self._mask = rp.logical_or(mask, self._mask)
        self._sharedmask = False

    def _update_from(self, obj):
        """Copy the masked-array attributes (fill value, hardness, base class) of ``obj``."""
        base = type(obj) if isinstance(obj, ndarray) else ndarray
        info = {}
        info.update(getattr(obj, "_optinfo", {}))
        info.update(getattr(obj, "_basedict", {}))
        if not isinstance(obj, MaskedArray):
            info.update(getattr(obj, "__dict__", {}))
        d = self.__dict__
        d["_fill_value"] = getattr(obj, "_fill_value", None)
        d["_hardmask"] = getattr(obj, "_hardmask", False)
        d["_sharedmask"] = getattr(obj, "_sharedmask", False)
        d["_isfield"] = getattr(obj, "_isfield", False)
        d["_baseclass"] = getattr(obj, "_baseclass", base)
        d["_optinfo"] = info
        d["_basedict"] = info
        d.update(info)

    def __array_finalize__(self, obj):
        self._update_from(obj)
        if isinstance(obj, ndarray):
            mask = getmaskarray(obj) if obj.dtype.names is not None else getmask(obj)
            if mask is not nomask and not _same_memory_start(obj, self):
                # a copy of the data (astype, take, ...) gets its own copy of the mask
                mdtype = mask.dtype if self.dtype == obj.dtype else make_mask_descr(self.dtype)
                flags = self.flags
                order = "C" if flags.c_contiguous else "F" if flags.f_contiguous else "K"
                mask = mask.astype(mdtype, order)
            else:
                mask = mask.view()
        else:
            mask = nomask
        self._mask = mask
        if mask is not nomask:
            try:
                mask.shape = self.shape
            except ValueError:
                self._mask = nomask
            except (TypeError, AttributeError):
                pass
        if self._fill_value is not None:
            self._fill_value = _check_fill_value(self._fill_value, self.dtype)
        elif self.dtype.names is not None:
            self._fill_value = _check_fill_value(None, self.dtype)

    def __array_wrap__(self, obj, context=None, return_scalar=False):
        if obj is self:
            result = obj
        else:
            result = obj.view(type(self))
            result._update_from(self)
        if context is None:
            return result
        result._mask = result._mask.copy()
        func, args, _ = context
        inputs = args[:func.nin]
        m = _fold(mask_or, [getmaskarray(arg) for arg in inputs])
        domain = _ufunc_domain.get(func.__name__)
        if domain is not None:
            with rp.errstate(divide="ignore", invalid="ignore"):
                d = filled(domain(*inputs).astype(bool, copy=False), True)
            if d.any():
                fills = _ufunc_fills.get(func.__name__)
                if fills is None:
                    fills = self.fill_value
                fill = fills[-1] if isinstance(fills, tuple) else fills
                rp.copyto(result, fill, where=d)
                m = d if m is nomask else (m | d)
        if result is not self and result.shape == () and m:
            return masked
        result._mask = m
        result._sharedmask = False
        return result

    def view(self, dtype=None, type=None, fill_value=None):
        """A view of the data and the mask, possibly as another dtype or class."""
        if dtype is not None and type is None and isinstance(dtype, builtins.type) and (
                issubclass(dtype, ndarray)):
            dtype, type = None, dtype
        if dtype is None:
            output = ndarray.view(self) if type is None else ndarray.view(self, type)
        elif type is not None and not issubclass(type, MaskedArray):
            return ndarray.view(self, dtype, type)
        else:
            output = self._dtype_view(dtype, type or builtins.type(self))
        if getmask(output) is not nomask and dtype is None:
            output._mask = output._mask.view()
        if getattr(output, "_fill_value", None) is not None:
            if fill_value is not None:
                output.fill_value = fill_value
            elif dtype is not None:
                output._fill_value = None
        return output

    def _dtype_view(self, dtype, cls):
        """The data seen as ``dtype`` (class ``cls``), the mask's bytes as its mask dtype;
        the attributes are the array's, as numpy's view-then-set-dtype gives them."""
        data = ndarray.view(ndarray.view(self, ndarray), dtype)
        output = data.view(cls)
        output._update_from(self)
        if self._mask is not nomask:
            mask = ndarray.view(rp.asarray(self._mask), make_mask_descr(dtype))
            mask.shape = output.shape
            output._mask = mask
        return output

    # -- indexing ---------------------------------------------------------

    def __getitem__(self, indx):
        dout = self.data[indx]
        _mask = self._mask
        if _mask is not nomask:
            mout = _mask[indx]
            scalar_expected = not isinstance(mout, ndarray)
        else:
            mout = nomask
            scalar_expected = _scalar_heuristic(self.data, dout)
            if scalar_expected is None:
                scalar_expected = not isinstance(getmaskarray(self)[indx], ndarray)
        if scalar_expected:
            return self._scalar_item(dout, mout)
        dout = dout.view(type(self))
        dout._update_from(self)
        if _is_string_index(indx):
            if self._fill_value is not None:
                dout._fill_value = _field_fill_value(self._fill_value[indx], indx)
            dout._isfield = True
        if mout is not nomask:
            dout._mask = rp.reshape(mout, dout.shape)
            dout._sharedmask = True
        return dout

    def _scalar_item(self, dout, mout):
        if isinstance(dout, rp.void):
            return mvoid(dout, mask=mout, hardmask=self._hardmask)
        if self.dtype.type is rp.object_ and isinstance(dout, ndarray) and dout is not masked:
            return MaskedArray(dout, mask=True) if mout else dout
        return masked if mout else dout

    def __setitem__(self, indx, value):
        if self is masked:
            raise MaskError("Cannot alter the masked element.")
        with rp.errstate(over="ignore", invalid="ignore"):
            self._setitem(indx, value)

    def _setitem(self, indx, value):
        _data = self._data
        _mask = self._mask
        if isinstance(indx, str):
            _data[indx] = value
            if _mask is nomask:
                self._mask = _mask = make_mask_none(self.shape, self.dtype)
            _mask[indx] = getmask(value)
            return
        dtype = _data.dtype
        if value is masked:
            if _mask is nomask:
                _mask = self._mask = make_mask_none(self.shape, dtype)
            _mask[indx] = True if dtype.names is None else (True,) * len(dtype.names)
            return
        dval = getattr(value, "_data", value)
        mval = getmask(value)
        if dtype.names is not None and mval is nomask:
            mval = (False,) * len(dtype.names)
        if _mask is nomask:
            _data[indx] = dval
            if mval is not nomask:
                _mask = self._mask = make_mask_none(self.shape, dtype)
                _mask[indx] = mval
        elif not self._hardmask:
            if isinstance(indx, MaskedArray) and not isinstance(value, MaskedArray):
                _data[indx.data] = dval
            else:
                _data[indx] = dval
                _mask[indx] = mval
        elif hasattr(indx, "dtype") and indx.dtype == MaskType:
            _data[indx * rp.logical_not(_mask)] = dval
        else:
            self._hard_setitem(indx, dval, mval)

    def _hard_setitem(self, indx, dval, mval):
        if self.dtype.names is not None:
            raise NotImplementedError("Flexible 'hard' masks are not yet supported.")
        mindx = mask_or(self._mask[indx], mval, copy=True)
        dindx = self._data[indx]
        if dindx.size > 1:
            rp.copyto(dindx, dval, where=~mindx)
        elif mindx is nomask:
            dindx = dval
        self._data[indx] = dindx
        self._mask[indx] = mindx

    # -- attributes ---------------------------------------------------------

    @property
    def dtype(self):
        """The data type of the array."""
        return ndarray.dtype.__get__(self)

    @dtype.setter
    def dtype(self, dtype):
        ndarray.dtype.__set__(self, dtype)
        if self._mask is not nomask:
            self._mask = self._mask.view(make_mask_descr(dtype), ndarray)
            try:
                self._mask.shape = self.shape
            except (AttributeError, TypeError):
                pass

    @property
    def shape(self):
        """The shape of the array (setting it reshapes the mask too)."""
        return ndarray.shape.__get__(self)

    @shape.setter
    def shape(self, shape):
        ndarray.shape.__set__(self, shape)
        if getmask(self) is not nomask:
            self._mask.shape = self.shape

    def __setmask__(self, mask, copy=False):
        """Set the mask (or-ed into a hard mask)."""
        current = self._mask
        if mask is masked:
            mask = True
        if current is nomask:
            if mask is nomask:
                return
            current = self._mask = make_mask_none(self.shape, self.dtype)
        if self.dtype.names is None:
            if self._hardmask:
                current |= mask
            elif isinstance(mask, (int, float, rp.bool_, rp.number)):
                current[...] = mask
            else:
                _set_flat(current, mask)
        else:
            mask = _fields_mask_value(mask, current.dtype, copy)
            if self._hardmask:
                for name in self.dtype.names:
                    current[name] |= mask[name]
            else:
                _set_flat(current, mask)
        if current.shape:
            current.shape = self.shape

    _set_mask = __setmask__

    @property
    def mask(self):
        """The mask (a view; setting it sets the mask's values)."""
        return self._mask.view()

    @mask.setter
    def mask(self, value):
        self.__setmask__(value)

    @property
    def recordmask(self):
        """Per record: is every field masked?"""
        _mask = self._mask.view(ndarray)
        if _mask.dtype.names is None:
            return _mask
        # numpy flattens the records first, so a 0-d record gives a 1-element result
        return _all_fields(_mask).reshape(_mask.shape or (1,))

    @recordmask.setter
    def recordmask(self, mask):
        raise NotImplementedError("Coming soon: setting the mask per records!")

    def harden_mask(self):
        """Make the mask hard: assignments no longer unmask entries."""
        self._hardmask = True
        return self

    def soften_mask(self):
        """Make the mask soft: assignments may unmask entries."""
        self._hardmask = False
        return self

    @property
    def hardmask(self):
        """Is the mask hard?"""
        return self._hardmask

    def unshare_mask(self):
        """Give the array its own copy of a shared mask."""
        if self._sharedmask:
            self._mask = self._mask.copy()
            self._sharedmask = False
        return self

    @property
    def sharedmask(self):
        """Is the mask shared with another array?"""
        return self._sharedmask

    def shrink_mask(self):
        """Replace an all-False mask by nomask."""
        self._mask = _shrink_mask(self._mask)
        return self

    @property
    def baseclass(self):
        """The class of the underlying data."""
        return self._baseclass

    def _get_data(self):
        return ndarray.view(self, self._baseclass)

    _data = property(fget=_get_data)
    data = property(fget=_get_data, doc="The underlying data, as its base class.")

    @property
    def flat(self):
        """A flat iterator over the array, masked entries as ``masked``."""
        return MaskedIterator(self)

    @flat.setter
    def flat(self, value):
        y = self.ravel()
        y[:] = value

    @property
    def fill_value(self):
        """The value that fills masked entries in ``filled``."""
        if self._fill_value is None:
            self._fill_value = _check_fill_value(None, self.dtype)
        if isinstance(self._fill_value, ndarray):
            return self._fill_value[()]
        return self._fill_value

    @fill_value.setter
    def fill_value(self, value=None):
        target = _check_fill_value(value, self.dtype)
        if target.ndim != 0:
            warnings.warn("Non-scalar arrays for the fill value are deprecated. Use arrays with "
                          "scalar values instead. The filled function still supports any array "
                          "as `fill_value`.", DeprecationWarning, stacklevel=2)
        if self._fill_value is None:
            self._fill_value = target
        else:
            self._fill_value[()] = target

    get_fill_value = fill_value.fget
    set_fill_value = fill_value.fset

    @property
    def imag(self):
        """The imaginary part, with the same mask."""
        result = self._data.imag.view(type(self))
        result.__setmask__(self._mask)
        return result

    get_imag = imag.fget

    @property
    def real(self):
        """The real part, with the same mask."""
        result = self._data.real.view(type(self))
        result.__setmask__(self._mask)
        return result

    get_real = real.fget

    @property
    def T(self):
        """The transposed array."""
        return self.transpose()

    @property
    def mT(self):
        """The array with its last two axes swapped."""
        if self.ndim < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        if self._mask is nomask:
            return masked_array(data=self._data.mT)
        return masked_array(data=self.data.mT, mask=self.mask.mT)

    # -- filling ----------------------------------------------------------

    def filled(self, fill_value=None):
        """A copy of the data with masked entries set to ``fill_value``."""
        m = self._mask
        if m is nomask:
            return self._data
        if fill_value is None:
            fill_value = self.fill_value
        else:
            fill_value = _check_fill_value(fill_value, self.dtype)
        if self is masked_singleton:
            return rp.asanyarray(fill_value)
        if m.dtype.names is not None:
            result = self._data.copy("K")
            _fields_filled(result, self._mask, fill_value)
            return result
        if not m.any():
            return self._data
        result = self._data.copy("K")
        try:
            if rp.ndim(fill_value) == 0:
                # a boolean-mask store of a single value is rumpy's fastest masked write
                result[m] = fill_value
            else:
                rp.copyto(result, fill_value, where=m)
        except (TypeError, AttributeError):
            fill_value = rp.array(fill_value, dtype=object)
            result = rp.choose(m, (result.astype(object), fill_value))
        except IndexError:
            if self._data.shape:
                raise
            result = rp.array(fill_value, dtype=self.dtype) if m else self._data
        return result

    def compressed(self):
        """The unmasked entries as a 1-d plain array."""
        data = ndarray.ravel(self._data)
        if self._mask is not nomask:
            data = data.compress(rp.logical_not(ndarray.ravel(self._mask)))
        return data

    def compress(self, condition, axis=None, out=None):
        """The entries where ``condition`` is True, with their mask."""
        condition = rp.asarray(condition)
        new = self._data.compress(condition, axis=axis, out=out).view(type(self))
        new._update_from(self)
        if self._mask is not nomask:
            new._mask = self._mask.compress(condition, axis=axis)
        return new

    # -- printing ---------------------------------------------------------

    def _insert_masked_print(self):
        """The data as an object array with the masked entries shown as ``--``."""
        if not masked_print_option.enabled():
            return self.filled(self.fill_value)
        mask = self._mask
        if mask is nomask:
            return self._data
        data = self._data
        width = self._print_width if self.ndim > 1 else self._print_width_1d
        for axis in range(self.ndim):
            if data.shape[axis] > width:
                # only the ends are printed: keep them (summarisation is the printer's)
                ind = width // 2
                parts = rp.split(data, (ind, -ind), axis=axis)
                data = rp.concatenate((parts[0], parts[2]), axis=axis)
                parts = rp.split(mask, (ind, -ind), axis=axis)
                mask = rp.concatenate((parts[0], parts[2]), axis=axis)
        res = data.astype(_replace_dtype_fields(self.dtype, "O"))
        _fill_print(res, mask)
        return res

    def __str__(self):
        return str(self._insert_masked_print())

    def __format__(self, format_spec):
        # an empty spec formats as str(), as numpy's ndarray.__format__ does for a subclass
        if not format_spec:
            return str(self)
        return ndarray.__format__(self, format_spec)

    def __repr__(self):
        name = "array" if self._baseclass is ndarray else self._baseclass.__name__
        if _print.format_options.get()["legacy"] <= 113:
            return self._legacy_repr(name)
        prefix = f"masked_{name}("
        dtype_needed = (not _print.dtype_is_implied(self.dtype) or bool(rp.all(self.mask))
                        or self.size == 0)
        keys = ["data", "mask", "fill_value"] + (["dtype"] if dtype_needed else [])
        if builtins.all(dim == 1 for dim in self.shape[:-1]):
            # one row: the keys line up with the opening parenthesis
            indents = {keys[0]: prefix}
            for k in keys[1:]:
                indents[k] = " " * builtins.max(2, len(prefix + keys[0]) - len(k))
            prefix = ""
        else:
            indents = dict.fromkeys(keys, "  ")
            prefix = prefix + "\n"
        reprs = {
            "data": rp.array2string(rp.asarray(self._insert_masked_print()), separator=", ",
                                    prefix=indents["data"] + "data=", suffix=","),
            "mask": rp.array2string(rp.asarray(self._mask), separator=", ",
                                    prefix=indents["mask"] + "mask=", suffix=","),
            "fill_value": self._fill_repr(),
        }
        if dtype_needed:
            reprs["dtype"] = _print.dtype_short_repr(self.dtype)
        body = ",\n".join(f"{indents[k]}{k}={reprs[k]}" for k in keys)
        return prefix + body + ")"

    def _legacy_repr(self, name):
        """numpy 1.13's layout: one ``key = value`` line per attribute, aligned."""
        sep = "\n " if self.ndim > 1 else " "
        items = [("data", str(self)), ("mask", str(self._mask)),
                 ("fill_value", str(self.fill_value))]
        if self.dtype.names:
            items.append(("dtype", str(self.dtype)))
        lines = [f"masked_{name}(data ={sep}{items[0][1]}",
                 f"{' ' * len(name)}        mask ={sep}{items[1][1]}"]
        lines += [f"{' ' * len(name)}{key:>12} = {value}" for key, value in items[2:]]
        return ",\n".join(lines) + ")\n"

    def _fill_repr(self):
        fill = self.fill_value
        fdtype = self._fill_value.dtype
        if fdtype.kind in ("S", "U") and self.dtype.kind == fdtype.kind:
            return repr(fill.item())
        if fdtype == self.dtype and not self.dtype == object:
            return str(fill)
        return repr(fill)

    # -- operators --------------------------------------------------------

    def _delegate_binop(self, other):
        """Should ``other``'s reflected operator run instead of ours?"""
        if isinstance(other, type(self)):
            return False
        array_ufunc = getattr(other, "__array_ufunc__", False)
        if array_ufunc is False:
            return self.__array_priority__ < getattr(other, "__array_priority__", -1000000)
        return array_ufunc is None

    def _comparison(self, other, compare):
        omask = getmask(other)
        smask = self.mask
        mask = mask_or(smask, omask, copy=True)
        odata = getdata(other)
        if mask.dtype.names is not None:
            if compare not in (operator.eq, operator.ne):
                return NotImplemented
            shape = rp.broadcast_shapes(self.shape, rp.shape(odata))
            sbroadcast = rp.broadcast_to(self, shape, subok=True)
            sbroadcast._mask = mask
            sdata = sbroadcast.filled(odata)
            # a record is masked only when all its fields are
            mask = mask == rp.ones((), mask.dtype)
            if omask is nomask:
                omask = rp.zeros((), smask.dtype)
        else:
            sdata = self.data
        check = compare(sdata, odata)
        if isinstance(check, (rp.bool_, bool)):
            return masked if mask else check
        if mask is not nomask:
            if compare in (operator.eq, operator.ne):
                # two masked entries compare equal
                check = rp.where(mask, compare(smask, omask), check)
            if mask.shape != check.shape:
                mask = rp.broadcast_to(mask, check.shape).copy()
        check = check.view(type(self))
        check._update_from(self)
        check._mask = mask
        if check._fill_value is not None:
            try:
                fill = _check_fill_value(check._fill_value, rp.bool_)
            except (TypeError, ValueError):
                fill = _check_fill_value(None, rp.bool_)
            check._fill_value = fill
        return check

    def __eq__(self, other):
        return self._comparison(other, operator.eq)

    def __ne__(self, other):
        return self._comparison(other, operator.ne)

    def __le__(self, other):
        return self._comparison(other, operator.le)

    def __lt__(self, other):
        return self._comparison(other, operator.lt)

    def __ge__(self, other):
        return self._comparison(other, operator.ge)

    def __gt__(self, other):
        return self._comparison(other, operator.gt)

    __hash__ = None

    def __add__(self, other):
        if self._delegate_binop(other):
            return NotImplemented
        return add(self, other)

    def __radd__(self, other):
        return add(other, self)

    def __sub__(self, other):
        if self._delegate_binop(other):
            return NotImplemented
        return subtract(self, other)

    def __rsub__(self, other):
        return subtract(other, self)

    def __mul__(self, other):
        if self._delegate_binop(other):
            return NotImplemented
        return multiply(self, other)

    def __rmul__(self, other):
        return multiply(other, self)

    def __truediv__(self, other):
        if self._delegate_binop(other):
            return NotImplemented
        return true_divide(self, other)

    def __rtruediv__(self, other):
        return true_divide(other, self)

    def __floordiv__(self, other):
        if self._delegate_binop(other):
            return NotImplemented
        return floor_divide(self, other)

    def __rfloordiv__(self, other):
        return floor_divide(other, self)

    def __pow__(self, other):
        if self._delegate_binop(other):
            return NotImplemented
        return _power(self, other)

    def __rpow__(self, other):
        return _power(other, self)

    def _iop_mask(self, other):
        """Or ``other``'s mask into ours before an in-place operation."""
        m = getmask(other)
        if self._mask is nomask:
            if m is not nomask and m.any():
                self._mask = make_mask_none(self.shape, self.dtype)
                self._mask += m
        elif m is not nomask:
            self._mask += m

    def _iop_operand(self, other, neutral):
        """``other``'s data with ``neutral`` where we are masked (the data there stays)."""
        data = getdata(other)
        return rp.where(self._mask, data.dtype.type(neutral), data)

    def __iadd__(self, other):
        self._iop_mask(other)
        self._data.__iadd__(self._iop_operand(other, 0))
        return self

    def __isub__(self, other):
        self._iop_mask(other)
        self._data.__isub__(self._iop_operand(other, 0))
        return self

    def __imul__(self, other):
        self._iop_mask(other)
        self._data.__imul__(self._iop_operand(other, 1))
        return self

    def _idivide(self, other, name):
        other_data = getdata(other)
        dom_mask = _DomainSafeDivide()(self._data, other_data)
        new_mask = mask_or(getmask(other), dom_mask)
        if dom_mask.any():
            fval = _ufunc_fills[name][1]
            other_data = rp.where(dom_mask, other_data.dtype.type(fval), other_data)
        self._mask |= new_mask
        return rp.where(self._mask, other_data.dtype.type(1), other_data)

    def __ifloordiv__(self, other):
        self._data.__ifloordiv__(self._idivide(other, "floor_divide"))
        return self

    def __itruediv__(self, other):
        self._data.__itruediv__(self._idivide(other, "divide"))
        return self

    def __ipow__(self, other):
        other_data = self._iop_operand(other, 1)
        with rp.errstate(divide="ignore", invalid="ignore"):
            self._data.__ipow__(other_data)
        invalid = rp.logical_not(rp.isfinite(self._data))
        if invalid.any():
            if self._mask is not nomask:
                self._mask |= invalid
            else:
                self._mask = invalid
            rp.copyto(self._data, self.fill_value, where=invalid)
        self._mask = mask_or(self._mask, mask_or(getmask(other), invalid))
        return self

    def __iter__(self):
        if not self.ndim:
            raise TypeError("iteration over a 0-d array")
        # items come through __getitem__, so masked entries are ``masked``
        for i in range(self.shape[0]):
            yield self[i]

    def __contains__(self, value):
        return bool((self == value).any())

    def __float__(self):
        if self.size > 1:
            raise TypeError("Only length-1 arrays can be converted to Python scalars")
        if self._mask:
            warnings.warn("Warning: converting a masked element to nan.", stacklevel=2)
            return float("nan")
        return float(self.item())

    def __int__(self):
        if self.size > 1:
            raise TypeError("Only length-1 arrays can be converted to Python scalars")
        if self._mask:
            raise MaskError("Cannot convert masked element to a Python int.")
        return int(self.item())

    # -- counting and reductions --------------------------------------------

    def count(self, axis=None, keepdims=_NoValue):
        """The number of unmasked entries (along ``axis``)."""
        kwargs = _keep(keepdims)
        m = self._mask
        if m is nomask:
            return self._count_unmasked(axis, kwargs.get("keepdims"))
        if self is masked:
            return 0
        return (~m).sum(axis=axis, dtype=rp.intp, **kwargs)

    def _count_unmasked(self, axis, keepdims):
        if self.shape == ():
            if axis not in (None, 0):
                raise rp.exceptions.AxisError(axis=axis, ndim=self.ndim)
            return 1
        if axis is None:
            if keepdims:
                return rp.array(self.size, dtype=rp.intp, ndmin=self.ndim)
            return self.size
        axes = _normalize_axes(axis, self.ndim)
        items = 1
        for ax in axes:
            items *= self.shape[ax]
        if keepdims:
            out_dims = [1 if n in axes else d for n, d in enumerate(self.shape)]
        else:
            out_dims = [d for n, d in enumerate(self.shape) if n not in axes]
        return rp.full(out_dims, items, dtype=rp.intp)

    def _finish_reduction(self, result, newmask):
        """A reduction's plain result as a masked array (or ``masked``)."""
        if getattr(result, "ndim", 0):
            result = result.view(type(self))
            result.__setmask__(newmask)
        elif newmask:
            result = masked
        return result

    def _reduce_into(self, out, newmask):
        if isinstance(out, MaskedArray):
            outmask = getmask(out)
            if outmask is nomask:
                outmask = out._mask = make_mask_none(out.shape)
            _set_flat(outmask, newmask)
        return out

    def sum(self, axis=None, dtype=None, out=None, keepdims=_NoValue):
        """The sum of the unmasked entries."""
        kwargs = _keep(keepdims)
        newmask = _check_mask_axis(self._mask, axis, **kwargs)
        if out is None:
            result = self.filled(0).sum(axis, dtype=dtype, **kwargs)
            return self._finish_reduction(result, newmask)
        self.filled(0).sum(axis, dtype=dtype, out=out, **kwargs)
        return self._reduce_into(out, newmask)

    def prod(self, axis=None, dtype=None, out=None, keepdims=_NoValue):
        """The product of the unmasked entries."""
        kwargs = _keep(keepdims)
        newmask = _check_mask_axis(self._mask, axis, **kwargs)
        if out is None:
            result = self.filled(1).prod(axis, dtype=dtype, **kwargs)
            return self._finish_reduction(result, newmask)
        self.filled(1).prod(axis, dtype=dtype, out=out, **kwargs)
        return self._reduce_into(out, newmask)

    product = prod

    def _scan(self, name, fill, axis, dtype, out):
        result = getattr(self.filled(fill), name)(axis=axis, dtype=dtype, out=out)
        if out is not None:
            if isinstance(out, MaskedArray):
                out.__setmask__(self._mask)
            return out
        result = result.view(type(self))
        result.__setmask__(self._mask)
        return result

    def cumsum(self, axis=None, dtype=None, out=None):
        """Cumulative sum; masked entries count as 0 and stay masked."""
        return self._scan("cumsum", 0, axis, dtype, out)

    def cumprod(self, axis=None, dtype=None, out=None):
        """Cumulative product; masked entries count as 1 and stay masked."""
        return self._scan("cumprod", 1, axis, dtype, out)

    def mean(self, axis=None, dtype=None, out=None, keepdims=_NoValue):
        """The mean of the unmasked entries."""
        kwargs = _keep(keepdims)
        if self._mask is nomask:
            result = ndarray.mean(self, axis=axis, dtype=dtype, **kwargs)[()]
        else:
            is_float16 = False
            if dtype is None:
                if issubclass(self.dtype.type, (rp.integer, rp.bool_)):
                    dtype = rp.dtype("f8")
                elif issubclass(self.dtype.type, rp.float16):
                    dtype = rp.dtype("f4")
                    is_float16 = True
            dsum = self.sum(axis=axis, dtype=dtype, **kwargs)
            cnt = self.count(axis=axis, **kwargs)
            if cnt.shape == () and cnt == 0:
                result = masked
            elif is_float16:
                result = dsum * 1.0 / cnt
                # numpy converts through the scalar type, which casts an array as a whole
                result = result.astype(self.dtype) if rp.ndim(result) else (
                    self.dtype.type(result))
            else:
                result = dsum * 1.0 / cnt
        if out is not None:
            _set_flat(out, result)
            if isinstance(out, MaskedArray):
                outmask = getmask(out)
                if outmask is nomask:
                    outmask = out._mask = make_mask_none(out.shape)
                _set_flat(outmask, getmask(result))
            return out
        return result

    def anom(self, axis=None, dtype=None):
        """The deviations from the mean along ``axis``."""
        m = self.mean(axis, dtype)
        if not axis:
            return self - m
        return self - rp.expand_dims(m, axis)

    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=_NoValue, mean=_NoValue):
        """The variance of the unmasked entries."""
        kwargs = _keep(keepdims)
        if self._mask is nomask:
            if mean is not _NoValue:
                kwargs["mean"] = mean
            ret = self._unmasked_var(axis, dtype, out, ddof, kwargs)
            if out is not None:
                if isinstance(out, MaskedArray):
                    out.__setmask__(nomask)
                return out
            return ret
        cnt = self.count(axis=axis, **kwargs) - ddof
        if mean is not _NoValue:
            danom = self - mean
        else:
            danom = self - self.mean(axis, dtype, keepdims=True)
        if rp.iscomplexobj(self):
            danom = absolute(danom) ** 2
        else:
            danom *= danom
        dvar = divide(danom.sum(axis, **kwargs), cnt).view(type(self))
        if dvar.ndim:
            dvar._mask = mask_or(self._mask.all(axis, **kwargs), cnt <= 0)
            dvar._update_from(self)
        elif getmask(dvar):
            dvar = masked
            if out is not None:
                return _masked_var_into(out)
        if out is not None:
            _set_flat(out, dvar)
            if isinstance(out, MaskedArray):
                out.__setmask__(dvar.mask)
            return out
        return dvar

    def _unmasked_var(self, axis, dtype, out, ddof, kwargs):
        """ndarray.var, with the result masked where the degrees of freedom are not positive
        (numpy.ma's division by a zero count)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            ret = ndarray.var(self._data, axis=axis, dtype=dtype, out=out, ddof=ddof, **kwargs)
        n = self.size if axis is None else _reduced_size(self.shape, axis)
        if out is not None or n - ddof > 0:
            return _view_if_array(ret, type(self)) if rp.ndim(ret) else ret
        if not rp.ndim(ret):
            return masked
        # numpy.ma's division leaves the divisor's fill (1) under the mask
        ret = rp.ones_like(ret).view(type(self))
        ret._mask = rp.ones(ret.shape, dtype=MaskType)
        return ret

    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=_NoValue, mean=_NoValue):
        """The standard deviation of the unmasked entries."""
        dvar = self.var(axis, dtype, out, ddof, **_keep(keepdims))
        if dvar is not masked:
            if out is not None:
                rp.power(out, 0.5, out=out, casting="unsafe")
                return out
            dvar = sqrt(dvar)
        return dvar

    def _extremum(self, name, fill_value, axis, out, keepdims):
        kwargs = _keep(keepdims)
        newmask = _check_mask_axis(self._mask, axis, **kwargs)
        filled_data = self.filled(fill_value)
        if out is None:
            result = _view_if_array(getattr(filled_data, name)(axis=axis, **kwargs), type(self))
            if result.ndim:
                result.__setmask__(newmask)
                if newmask.ndim:
                    rp.copyto(result, result.fill_value, where=newmask)
            elif newmask:
                result = masked
            return result
        getattr(filled_data, name)(axis=axis, out=out, **kwargs)
        if isinstance(out, MaskedArray):
            return self._reduce_into(out, newmask)
        if out.dtype.kind in "biu":
            raise MaskError("Masked data information would be lost in one or more location.")
        rp.copyto(out, rp.nan, where=newmask)
        return out

    def min(self, axis=None, out=None, fill_value=None, keepdims=_NoValue):
        """The smallest unmasked entry (along ``axis``)."""
        if fill_value is None:
            fill_value = minimum_fill_value(self)
        return self._extremum("min", fill_value, axis, out, keepdims)

    def max(self, axis=None, out=None, fill_value=None, keepdims=_NoValue):
        """The largest unmasked entry (along ``axis``)."""
        if fill_value is None:
            fill_value = maximum_fill_value(self)
        return self._extremum("max", fill_value, axis, out, keepdims)

    def ptp(self, axis=None, out=None, fill_value=None, keepdims=False):
        """Peak to peak (max - min) of the unmasked entries."""
        if out is None:
            result = self.max(axis=axis, fill_value=fill_value, keepdims=keepdims)
            result -= self.min(axis=axis, fill_value=fill_value, keepdims=keepdims)
            return result
        _set_flat(out, self.max(axis=axis, out=out, fill_value=fill_value, keepdims=keepdims))
        min_value = self.min(axis=axis, fill_value=fill_value, keepdims=keepdims)
        rp.subtract(out, min_value, out=out, casting="unsafe")
        return out

    def all(self, axis=None, out=None, keepdims=_NoValue):
        """Are all unmasked entries true?"""
        return self._logical("all", True, axis, out, keepdims)

    def any(self, axis=None, out=None, keepdims=_NoValue):
        """Is any unmasked entry true?"""
        return self._logical("any", False, axis, out, keepdims)

    def _logical(self, name, fill, axis, out, keepdims):
        kwargs = _keep(keepdims)
        mask = _check_mask_axis(self._mask, axis, **kwargs)
        if out is None:
            d = _view_if_array(getattr(self.filled(fill), name)(axis=axis, **kwargs), type(self))
            if d.ndim:
                d.__setmask__(mask)
            elif mask:
                return masked
            return d
        getattr(self.filled(fill), name)(axis=axis, out=out, **kwargs)
        if isinstance(out, MaskedArray) and (out.ndim or mask):
            out.__setmask__(mask)
        return out

    def nonzero(self):
        """Indices of the unmasked non-zero entries."""
        return rp.asarray(self.filled(0)).nonzero()

    def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        """Sum of the unmasked diagonal entries."""
        if self._mask is nomask:
            result = ndarray.trace(self._data, offset=offset, axis1=axis1, axis2=axis2, out=out)
            # astype(None) means float64, as numpy's
            return result.astype(rp.dtype(dtype))
        diag = self.diagonal(offset=offset, axis1=axis1, axis2=axis2)
        return diag.astype(dtype).filled(0).sum(axis=-1, out=out)

    def dot(self, b, out=None, strict=False):
        """Matrix product, masked entries counting as 0."""
        return dot(self, b, strict=strict, out=out)

    def round(self, decimals=0, out=None):
        """Each entry rounded to ``decimals``; the mask is kept."""
        result = self._data.round(decimals=decimals, out=out)
        if out is None and not rp.ndim(result):
            # a 0-d round gives a scalar (or masked), as numpy's
            return masked if self._mask else rp.asarray(result)[()]
        result = result.view(type(self))
        if result.ndim > 0:
            result._mask = self._mask
            result._update_from(self)
        elif self._mask:
            result = masked
        if out is None:
            return result
        if isinstance(out, MaskedArray):
            out.__setmask__(self._mask)
        return out

    # -- sorting and searching ------------------------------------------------

    def argsort(self, axis=_NoValue, kind=None, order=None, endwith=True, fill_value=None, *,
                stable=False):
        """Indices that sort the array, masked entries last (or first, ``endwith=False``)."""
        if stable:
            raise ValueError("`stable` parameter is not supported for masked arrays.")
        if axis is _NoValue:
            axis = -1
            if self.ndim > 1:
                warnings.warn("In the future the default for argsort will be axis=-1, not the "
                              "current None, to match its documentation and np.argsort. "
                              "Explicitly pass -1 or None to silence this warning.",
                              MaskedArrayFutureWarning, stacklevel=2)
                axis = None
        if fill_value is None:
            if endwith:
                if rp.issubdtype(self.dtype, rp.floating):
                    fill_value = rp.nan
                else:
                    fill_value = minimum_fill_value(self)
            else:
                fill_value = maximum_fill_value(self)
        return self.filled(fill_value).argsort(axis=axis, kind=kind, order=order)

    def argmin(self, axis=None, fill_value=None, out=None, *, keepdims=_NoValue):
        """Index of the smallest unmasked entry."""
        if fill_value is None:
            fill_value = minimum_fill_value(self)
        d = self.filled(fill_value).view(ndarray)
        keepdims = False if keepdims is _NoValue else bool(keepdims)
        return d.argmin(axis, out=out, keepdims=keepdims)

    def argmax(self, axis=None, fill_value=None, out=None, *, keepdims=_NoValue):
        """Index of the largest unmasked entry."""
        if fill_value is None:
            fill_value = maximum_fill_value(self._data)
        d = self.filled(fill_value).view(ndarray)
        keepdims = False if keepdims is _NoValue else bool(keepdims)
        return d.argmax(axis, out=out, keepdims=keepdims)

    def sort(self, axis=-1, kind=None, order=None, endwith=True, fill_value=None, *,
             stable=False):
        """Sort in place, masked entries last (or first, ``endwith=False``)."""
        if stable:
            raise ValueError("`stable` parameter is not supported for masked arrays.")
        if self._mask is nomask:
            ndarray.sort(self, axis=axis, kind=kind, order=order)
            return
        if self is masked:
            return
        if axis is None and self.ndim != 1:
            # numpy.ma takes along a flat iterator here, which take_along_axis refuses
            raise ValueError("`indices` and `arr` must have the same number of dimensions")
        sidx = self.argsort(axis=axis, kind=kind, order=order, fill_value=fill_value,
                            endwith=endwith)
        self[...] = rp.take_along_axis(self, sidx, axis=axis)

    def partition(self, *args, **kwargs):
        """ndarray.partition, ignoring the mask (with a warning)."""
        warnings.warn(f"Warning: 'partition' will ignore the 'mask' of the "
                      f"{self.__class__.__name__}.", stacklevel=2)
        return ndarray.partition(self, *args, **kwargs)

    def argpartition(self, *args, **kwargs):
        """ndarray.argpartition, ignoring the mask (with a warning)."""
        warnings.warn(f"Warning: 'argpartition' will ignore the 'mask' of the "
                      f"{self.__class__.__name__}.", stacklevel=2)
        return ndarray.argpartition(self, *args, **kwargs)

    # -- shape and selection ---------------------------------------------------

    def ravel(self, order="C"):
        """A 1-d view (or copy) of the data and the mask."""
        if order in "kKaA":
            order = "F" if self._data.flags.fnc else "C"
        r = ndarray.ravel(self._data, order=order).view(type(self))
        r._update_from(self)
        if self._mask is not nomask:
            r._mask = ndarray.ravel(self._mask, order=order).reshape(r.shape)
        else:
            r._mask = nomask
        return r

    def reshape(self, *s, **kwargs):
        """The data and the mask in a new shape."""
        result = self._data.reshape(*s, **kwargs).view(type(self))
        result._update_from(self)
        if self._mask is not nomask:
            result._mask = self._mask.reshape(*s, **kwargs)
        return result

    def resize(self, newshape, refcheck=True, order=False):
        """Not possible on a masked array (use rumpy.ma.resize)."""
        raise ValueError("A masked array does not own its data and therefore cannot be "
                         "resized.\nUse the numpy.ma.resize function instead.")

    def put(self, indices, values, mode="raise"):
        """Set the entries at flat ``indices`` (a hard mask protects masked entries)."""
        if self._hardmask and self._mask is not nomask:
            mask = self._mask[indices]
            indices = rp.array(indices, copy=None)
            values = rp.array(values, copy=None, subok=True)
            values.resize(indices.shape)
            indices = indices[~mask]
            values = values[~mask]
        self._data.put(indices, values, mode=mode)
        if self._mask is nomask and getmask(values) is nomask:
            return
        m = getmaskarray(self)
        if getmask(values) is nomask:
            m.put(indices, False, mode=mode)
        else:
            m.put(indices, values._mask, mode=mode)
        self._mask = make_mask(m, copy=False, shrink=True)

    def take(self, indices, axis=None, out=None, mode="raise"):
        """The entries at ``indices`` with their mask (masked indices give masked entries)."""
        _data, _mask = self._data, self._mask
        maskindices = getmask(indices)
        if maskindices is not nomask:
            indices = indices.filled(0)
        if out is None:
            out = rp.asarray(_data.take(indices, axis=axis, mode=mode))[...].view(type(self))
        else:
            rp.take(_data, indices, axis=axis, mode=mode, out=out)
        if isinstance(out, MaskedArray):
            if _mask is nomask:
                outmask = maskindices
            else:
                outmask = _mask.take(indices, axis=axis, mode=mode)
                outmask |= maskindices
            out.__setmask__(outmask)
        return out[()]

    copy = _arraymethod("copy")
    diagonal = _arraymethod("diagonal")
    flatten = _arraymethod("flatten")
    repeat = _arraymethod("repeat")
    squeeze = _arraymethod("squeeze")
    swapaxes = _arraymethod("swapaxes")
    transpose = _arraymethod("transpose")

    def ids(self):
        """(address of the data, address of the mask or id of nomask)."""
        if self._mask is nomask:
            return (self.ctypes.data, id(nomask))
        return (self.ctypes.data, self._mask.ctypes.data)

    def iscontiguous(self):
        """Is the data C-contiguous?"""
        return self.flags["CONTIGUOUS"]

    # -- conversion --------------------------------------------------------

    def tolist(self, fill_value=None):
        """The array as nested lists, masked entries as None (or ``fill_value``)."""
        _mask = self._mask
        if _mask is nomask:
            return self._data.tolist()
        if fill_value is not None:
            return self.filled(fill_value).tolist()
        names = self.dtype.names
        if names:
            result = self._data.astype([(name, object) for name in names])
            for name in names:
                result[name][_mask[name]] = None
            return result.tolist()
        result = rp.array(self._data.ravel(), dtype=object)
        result[_mask.ravel()] = None
        result.shape = self.shape
        return result.tolist()

    def tobytes(self, fill_value=None, order="C"):
        """The filled data's bytes."""
        return self.filled(fill_value).tobytes(order=order)

    def tofile(self, fid, sep="", format="%s"):
        """Not implemented for masked arrays (as numpy.ma)."""
        raise NotImplementedError("MaskedArray.tofile() not implemented yet.")

    def toflex(self):
        """A structured array with the data in ``_data`` and the mask in ``_mask``."""
        mdtype = getmaskarray(self).dtype
        record = rp.empty(self.shape, dtype=[("_data", self.dtype), ("_mask", mdtype)])
        record["_data"] = self._data
        record["_mask"] = getmaskarray(self)
        return record

    torecords = toflex

    # -- pickling and copying ---------------------------------------------------

    def __reduce__(self):
        # the state is the data, the full mask and the fill value (not the hardness), as numpy's
        data = rp.array(ndarray.view(self, ndarray), copy=True)
        mask = rp.array(getmaskarray(self), copy=True)
        return (_mareconstruct, (type(self), self._baseclass, data, mask, self._fill_value))

    def __reduce_ex__(self, protocol):
        # ndarray's would pickle a plain array's buffer (protocol 5) and lose the mask
        return self.__reduce__()

    def __deepcopy__(self, memo=None):
        from copy import deepcopy
        copied = MaskedArray.__new__(type(self), self, copy=True)
        if memo is None:
            memo = {}
        memo[id(self)] = copied
        for k, v in self.__dict__.items():
            copied.__dict__[k] = deepcopy(v, memo)
        if self.dtype.hasobject:
            copied._data[...] = deepcopy(copied._data)
        return copied


def _view_if_array(result, cls):
    """An array result viewed as ``cls``; a scalar result stays a scalar (as numpy's)."""
    return result.view(cls) if isinstance(result, ndarray) else result


def _fields_ior(a, b):
    """``a |= b`` field by field (structured masks)."""
    for name in a.dtype.names:
        af, bf = a[name], b[name]
        if af.dtype.names is not None:
            _fields_ior(af, bf)
        else:
            af |= bf


def _mask_array(mask, copy, mdtype, shape):
    """A given ``mask`` argument as an array of the mask dtype."""
    if mask is None:
        mask = False
    if mask is True and mdtype == MaskType:
        return rp.ones(shape, dtype=mdtype)
    if mask is False and mdtype == MaskType:
        return rp.zeros(shape, dtype=mdtype)
    try:
        return rp.array(mask, copy=copy, dtype=mdtype)
    except TypeError:
        # one boolean per record: the same value for every field
        return rp.array([(m,) * len(mdtype) for m in mask], dtype=mdtype)


def _fields_mask_value(mask, mdtype, copy):
    """A mask value for a structured mask of ``mdtype`` (a bool is given to every field)."""
    mask = rp.asarray(mask)
    if not mask.ndim:
        if mask.dtype.kind == "b":
            return rp.array((mask.item(),) * len(mdtype), dtype=mdtype)
        return mask.astype(mdtype)
    try:
        return rp.array(mask, copy=True if copy else None, dtype=mdtype)
    except TypeError:
        return rp.array([(m,) * len(mdtype) for m in mask], dtype=mdtype)


def _masked_var_into(out):
    if isinstance(out, MaskedArray):
        _set_flat(out, 0)
        out.__setmask__(True)
    elif out.dtype.kind in "biu":
        raise MaskError("Masked data information would be lost in one or more location.")
    else:
        _set_flat(out, rp.nan)
    return out


def _field_fill_value(fill, indx):
    """The fill value of a field: a 0-d array (a subarray field's first value)."""
    if fill.ndim > 0:
        if not (fill == fill.flat[0]).all():
            warnings.warn(f"Upon accessing multidimensional field {indx!s}, need to keep "
                          f"dimensionality of fill_value at 0. Discarding heterogeneous "
                          f"fill_value and setting all to {fill[0]!s}.", stacklevel=3)
        fill = fill.flat[0:1].squeeze(axis=0)
    return fill


def _scalar_heuristic(arr, elem):
    """Is ``arr[...]`` giving ``elem`` a scalar access? None when it cannot be told."""
    if not isinstance(elem, ndarray):
        return True
    if arr.dtype.type is rp.object_:
        if arr.dtype is not elem.dtype:
            return True
    elif type(arr).__getitem__ == ndarray.__getitem__:
        return False
    return None


def _reduced_size(shape, axis):
    """How many entries a reduction over ``axis`` combines."""
    n = 1
    for ax in _normalize_axes(axis, len(shape)):
        n *= shape[ax]
    return n


def _normalize_axes(axis, ndim):
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    out = []
    for ax in axes:
        ax = operator.index(ax)
        if not -ndim <= ax < ndim:
            raise rp.exceptions.AxisError(axis=ax, ndim=ndim)
        ax %= ndim
        if ax in out:
            raise ValueError("repeated axis")
        out.append(ax)
    return tuple(out)


def _mareconstruct(subtype, baseclass, data, mask, fill_value):
    """Rebuild a pickled masked array."""
    result = subtype.__new__(subtype, data.view(baseclass), mask=mask, dtype=data.dtype)
    result.fill_value = fill_value
    return result


def _power(a, b):
    """a ** b with invalid results masked."""
    m = mask_or(getmask(a), getmask(b))
    fa, fb = getdata(a), getdata(b)
    basetype = type(a) if isinstance(a, MaskedArray) else MaskedArray
    with rp.errstate(divide="ignore", invalid="ignore"):
        result = rp.asarray(rp.where(m, fa, rp.power(fa, fb))).view(basetype)
    result._update_from(a)
    invalid = rp.logical_not(rp.isfinite(result.view(ndarray)))
    if m is not nomask:
        if not result.ndim:
            return masked
        result._mask = rp.logical_or(m, invalid)
    if invalid.any():
        if not result.ndim:
            return masked
        if result._mask is nomask:
            result._mask = invalid
        result._data[invalid] = result.fill_value
    return result


def _mask_propagate(a, axis):
    """``a`` with every line along ``axis`` masked where it has a masked entry."""
    a = array(a, subok=False)
    m = getmask(a)
    if m is nomask or not m.any() or axis is None:
        return a
    a._mask = a._mask.copy()
    for ax in _normalize_axes(axis, a.ndim):
        a._mask |= m.any(axis=ax, keepdims=True)
    return a


def dot(a, b, strict=False, out=None):
    """Masked matrix product (numpy.ma.dot)."""
    if strict is True and rp.ndim(a) and rp.ndim(b):
        a = _mask_propagate(a, a.ndim - 1)
        b = _mask_propagate(b, b.ndim - 1 if b.ndim == 1 else b.ndim - 2)
    am = ~getmaskarray(a)
    bm = ~getmaskarray(b)
    if out is None:
        d = rp.asarray(rp.dot(filled(a, 0), filled(b, 0)))
        m = ~rp.dot(am, bm)
        r = d.view(get_masked_subclass(a, b))
        r.__setmask__(m)
        return r
    d = rp.dot(filled(a, 0), filled(b, 0), out._data)
    if out.mask.shape != d.shape:
        out._mask = rp.empty(d.shape, MaskType)
    rp.dot(am, bm, out._mask)
    rp.logical_not(out._mask, out._mask)
    return out


# ---------------------------------------------------------------------------
# mvoid, the masked constant, constructors
# ---------------------------------------------------------------------------

class mvoid(MaskedArray):
    """One record of a structured masked array."""

    def __new__(cls, data, mask=nomask, dtype=None, fill_value=None, hardmask=False,
                copy=False, subok=True):
        _data = rp.array(data, copy=True if copy else None, subok=subok, dtype=dtype)
        _data = _data.view(cls)
        _data._hardmask = hardmask
        if mask is not nomask:
            if isinstance(mask, rp.void):
                _data._mask = mask
            else:
                mdtype = make_mask_descr(_data.dtype if dtype is None else dtype)
                _data._mask = rp.array(mask, dtype=mdtype)[()]
        if fill_value is not None:
            _data.fill_value = fill_value
        return _data

    @property
    def _data(self):
        return MaskedArray._data.fget(self)[()]

    def __getitem__(self, indx):
        m = self._mask
        if isinstance(m[indx], ndarray):
            return masked_array(data=self._data[indx], mask=m[indx],
                                fill_value=self._fill_value[indx], hard_mask=self._hardmask)
        if m is not nomask and m[indx]:
            return masked
        return self._data[indx]

    def __setitem__(self, indx, value):
        self._data[indx] = value
        if self._hardmask:
            self._mask[indx] |= getattr(value, "_mask", False)
        else:
            self._mask[indx] = getattr(value, "_mask", False)

    def __str__(self):
        m = self._mask
        if m is nomask:
            return str(self._data)
        res = MaskedArray._data.fget(self).astype(_replace_dtype_fields(self._data.dtype, "O"))
        _fill_print(res, rp.asarray(self._mask))
        return str(res[()])

    __repr__ = __str__

    def __iter__(self):
        _data, _mask = self._data, self._mask
        if _mask is nomask:
            yield from _data
        else:
            for d, m in zip(_data, _mask):
                yield masked if m else d

    def __len__(self):
        return self._data.__len__()

    def filled(self, fill_value=None):
        """The record with masked fields filled."""
        return asarray(self).filled(fill_value)[()]

    def tolist(self):
        """The record as a tuple, masked fields as None."""
        _mask = self._mask
        if _mask is nomask:
            return self._data.tolist()
        return tuple(None if m else d.item() for d, m in zip(self._data, self._mask))


def isMaskedArray(x):
    """Is ``x`` a masked array?"""
    return isinstance(x, MaskedArray)


isarray = isMA = isMaskedArray


class MaskedConstant(MaskedArray):
    """The type of ``masked``: a 0-d float masked array, a singleton."""

    _singleton = None

    @classmethod
    def _has_singleton(cls):
        return cls._singleton is not None and type(cls._singleton) is cls

    def __new__(cls):
        if not cls._has_singleton():
            data = rp.array(0.0)
            mask = rp.array(True)
            data.flags.writeable = False
            mask.flags.writeable = False
            # set through type.__setattr__: the singleton's own attributes are read-only
            type.__setattr__(cls, "_singleton", MaskedArray(data, mask=mask).view(cls))
        return cls._singleton

    def __array_finalize__(self, obj):
        if not self._has_singleton():
            return MaskedArray.__array_finalize__(self, obj)
        if self is self._singleton:
            return None
        # views of the constant are ordinary masked arrays
        self.__class__ = MaskedArray
        return MaskedArray.__array_finalize__(self, obj)

    def __array_wrap__(self, obj, context=None, return_scalar=False):
        return self.view(MaskedArray).__array_wrap__(obj, context)

    def __str__(self):
        return str(masked_print_option._display)

    def __repr__(self):
        if self is MaskedConstant._singleton:
            return "masked"
        return object.__repr__(self)

    def __format__(self, format_spec):
        try:
            return object.__format__(self, format_spec)
        except TypeError:
            warnings.warn("Format strings passed to MaskedConstant are ignored, but in future "
                          "may error or produce different behavior", FutureWarning, stacklevel=2)
            return object.__format__(self, "")

    def __reduce__(self):
        return (self.__class__, ())

    def _iop(self, other):
        return self

    __iadd__ = __isub__ = __imul__ = __ifloordiv__ = __itruediv__ = __ipow__ = _iop

    def copy(self, *args, **kwargs):
        """The constant itself."""
        return self

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __setattr__(self, attr, value):
        if self._has_singleton() and self is self._singleton:
            raise AttributeError(f"attributes of {self!r} are not writeable")
        return MaskedArray.__setattr__(self, attr, value)


masked = masked_singleton = MaskedConstant()
masked_array = MaskedArray


def array(data, dtype=None, copy=False, order=None, mask=nomask, fill_value=None,
          keep_mask=True, hard_mask=False, shrink=True, subok=True, ndmin=0):
    """A masked array (the MaskedArray constructor with numpy.ma.array's defaults)."""
    return MaskedArray(data, mask=mask, dtype=dtype, copy=copy, subok=subok,
                       keep_mask=keep_mask, hard_mask=hard_mask, fill_value=fill_value,
                       ndmin=ndmin, shrink=shrink, order=order)


def is_masked(x):
    """Does ``x`` have a masked entry?"""
    m = getmask(x)
    if m is nomask:
        return False
    return bool(m.any())


def asarray(a, dtype=None, order=None):
    """``a`` as a MaskedArray (not a subclass), without copying when possible."""
    return masked_array(a, dtype=dtype, copy=False, keep_mask=True, subok=False,
                        order=order or "C")


def asanyarray(a, dtype=None, order=None):
    """``a`` as a masked array, keeping subclasses, without copying when possible."""
    if isinstance(a, MaskedArray) and (dtype is None or dtype == a.dtype) and (
            order in {None, "A", "K"} or (order == "C" and a.flags.carray)
            or (order == "F" and a.flags.f_contiguous)):
        return a
    return masked_array(a, dtype=dtype, copy=False, keep_mask=True, subok=True, order=order)


class _extrema_operation(_MaskedUFunc):
    """maximum/minimum: elementwise, reduce and outer, ignoring masked entries."""

    def __init__(self, ufunc, compare, fill_value):
        super().__init__(ufunc)
        self.compare = compare
        self.fill_value_func = fill_value

    def __call__(self, a, b):
        cond = self.compare(a, b)
        return _where(cond, a, b)

    def reduce(self, target, axis=_NoValue):
        """Reduce along ``axis`` (None, with a FutureWarning, for an n-d input by default)."""
        target = rp.array(target, copy=None, subok=True)
        m = getmask(target)
        if axis is _NoValue and target.ndim > 1:
            name = self.__name__
            warnings.warn(f"In the future the default for ma.{name}.reduce will be axis=0, "
                          f"not the current None, to match np.{name}.reduce. Explicitly pass "
                          f"0 or None to silence this warning.", MaskedArrayFutureWarning,
                          stacklevel=2)
            axis = None
        kwargs = {} if axis is _NoValue else {"axis": axis}
        if m is nomask:
            return self.f.reduce(target, **kwargs)
        target = target.filled(self.fill_value_func(target)).view(type(target))
        t = self.f.reduce(target, **kwargs)
        m = rp.logical_and.reduce(m, **kwargs)
        if hasattr(t, "_mask"):
            t._mask = m
        elif m:
            t = masked
        return t

    def outer(self, a, b):
        """The outer maximum/minimum, masked where either input is."""
        if getmask(a) is nomask and getmask(b) is nomask:
            m = nomask
        else:
            m = logical_or.outer(getmaskarray(a), getmaskarray(b))
        result = self.f.outer(filled(a), filled(b))
        if not isinstance(result, MaskedArray):
            result = result.view(MaskedArray)
        result._mask = m
        return result


def _where(condition, x, y):
    """Elementwise choice between masked ``x`` and ``y`` (numpy.ma.where's rules)."""
    cf = filled(condition, False)
    xd, yd = getdata(x), getdata(y)
    cm = getmaskarray(condition)
    xm, ym = getmaskarray(x), getmaskarray(y)
    if x is masked and y is not masked:
        xd = rp.zeros((), dtype=yd.dtype)
        xm = rp.ones((), dtype=ym.dtype)
    elif y is masked and x is not masked:
        yd = rp.zeros((), dtype=xd.dtype)
        ym = rp.ones((), dtype=xm.dtype)
    data = rp.where(cf, xd, yd)
    mask = rp.where(cf, xm, ym)
    mask = rp.where(cm, rp.ones((), dtype=mask.dtype), mask)
    return masked_array(data, mask=_shrink_mask(mask))


maximum = _extrema_operation(rp.maximum, greater, maximum_fill_value)
minimum = _extrema_operation(rp.minimum, less, minimum_fill_value)


# The module-level functions that work through MaskedArray's methods live in _functions;
# they are part of this module's namespace, as in numpy.ma.core.
from . import _functions  # noqa: E402
from ._functions import *  # noqa: E402,F401,F403

__all__ += _functions.__all__
