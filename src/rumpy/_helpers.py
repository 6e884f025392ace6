"""Element-wise helper functions composed from the core ufuncs.

These are the functions NumPy itself writes in Python on top of its ufuncs
(``numpy/_core/numeric.py``, ``numpy/_core/fromnumeric.py``,
``numpy/lib/_type_check_impl.py``, ``numpy/lib/_function_base_impl.py``,
``numpy/lib/_ufunclike_impl.py``): the loops run in the Rust core, this module
only reproduces NumPy's choice of operations, dtypes and errors.
"""

import builtins
import contextlib
import numbers
import operator

from . import _core
from ._subclass import defers_to_method as _defers_to_method
from . import _scalars
from ._errstate import errstate
from ._finfo import finfo, iinfo

__all__ = [
    "where", "nonzero", "clip", "around", "round", "fix", "isclose", "allclose",
    "array_equal", "array_equiv", "nan_to_num", "real", "imag", "angle", "real_if_close",
    "sinc", "i0", "isreal", "iscomplex", "isrealobj", "iscomplexobj", "isneginf",
    "isposinf", "isscalar", "conjugate", "conj",
]

_asarray = _core.asanyarray
_ndarray = _core.ndarray
_PY_NUMBERS = (builtins.bool, int, float, complex)
_pi = 3.141592653589793


class _NoValueType:
    """Marks an argument that was not passed (NumPy's ``np._NoValue``)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "<no value>"


_NoValue = _NoValueType()


def _scalar_or_array(res):
    """0-d arrays become scalars, as NumPy's ``res[()]``."""
    if isinstance(res, _ndarray) and res.ndim == 0:
        return res[()]
    return res


def _broadcast_shape(*shapes):
    """The broadcast of ``shapes``; ValueError with a ufunc's message when they do not."""
    from ._shape import broadcast_shapes
    try:
        return broadcast_shapes(*shapes)
    except ValueError:
        shown = " ".join(str(tuple(s)).replace(" ", "") for s in shapes)
        raise ValueError(f"operands could not be broadcast together with shapes {shown} ") from None


def _weak_or_array(v):
    """Python scalars stay weak for ``result_type`` (NEP 50); anything else becomes an array."""
    if type(v) in _PY_NUMBERS:
        return v
    return _asarray(v)


# ---------------------------------------------------------------------------
# where / nonzero
# ---------------------------------------------------------------------------

@_defers_to_method("nonzero")
def nonzero(a):
    """Indices of the non-zero elements, one index array per dimension (C order)."""
    arr = _asarray(a)
    if arr.ndim == 0:
        raise ValueError(
            "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() "
            "instead.")
    shape = arr.shape
    # The C-order positions of the true items: a boolean selection from a range (in the core).
    mask = arr.astype(_scalars.bool, copy=False).reshape(-1)
    flat_idx = _core.arange(mask.shape[0], dtype=_scalars.intp)[mask]
    if len(shape) == 1:
        return (flat_idx,)
    out = []
    rest = flat_idx
    for d in reversed(shape[1:]):
        out.append(_core.remainder(rest, d))
        rest = _core.floor_divide(rest, d)
    out.append(rest)
    return tuple(reversed(out))


def where(condition, x=_NoValue, y=_NoValue, /):
    """``x`` where ``condition`` is true, else ``y`` (broadcast); ``where(condition)`` is
    ``nonzero(condition)``."""
    if x is _NoValue and y is _NoValue:
        return nonzero(condition)
    if x is _NoValue or y is _NoValue:
        raise ValueError("either both or neither of x and y should be given")
    # arrays of the numbers and Python scalars: in one pass in the core
    r = _core._where3(condition, x, y)
    if r is not None:
        return r
    cond = _asarray(condition)
    if cond.dtype.kind != "b":
        cond = cond.astype(_scalars.bool)
    xw, yw = _weak_or_array(x), _weak_or_array(y)
    dt = _core.result_type(xw, yw)
    xa, ya = _asarray(xw), _asarray(yw)
    shape = _broadcast_shape(cond.shape, xa.shape, ya.shape)
    out = _core.empty(shape, dtype=dt)
    _core.copyto(out, ya, casting="unsafe")
    _core.copyto(out, xa, casting="unsafe", where=cond)
    return out


# ---------------------------------------------------------------------------
# clip
# ---------------------------------------------------------------------------

_no_errstate = contextlib.nullcontext()


def _clip(a, min=None, max=None, out=None, **kwargs):
    """NumPy's ``_methods._clip``. Its three-operand ``clip`` ufunc is written as maximum
    then minimum (both propagate NaN) for real dtypes, and as its lexicographic loop for
    complex ones; the result dtype is that of the three operands together (NEP 50)."""
    a = _asarray(a)
    if a.dtype.kind in "iu":
        # out-of-range Python ints mean "no bound" (NEP 50: no value-based promotion)
        info = iinfo(a.dtype)
        if type(min) is int and min <= info.min:
            min = None
        if type(max) is int and max >= info.max:
            max = None
    if min is None and max is None:
        return _core.positive(a, out=out, **kwargs)
    if min is None:
        return _core.minimum(a, max, out=out, **kwargs)
    if max is None:
        return _core.maximum(a, min, out=out, **kwargs)
    dt = kwargs.pop("dtype", None)
    if dt is None:
        dt = _core.result_type(a, _weak_or_array(min), _weak_or_array(max))
    dt = _core.dtype(dt)
    where = kwargs.pop("where", True)
    casting = kwargs.get("casting", "same_kind")
    if dt.kind == "c":
        res = _clip_complex(a, min, max, dt)
        if out is None and where is True:
            return _scalar_or_array(res)
        if out is None:
            out = _core.empty(res.shape, dtype=dt)
        _core.copyto(out, res, casting=casting, where=where)
        return out
    # Time and text dtypes are left to the operands (dtype= selects numeric loops only); text
    # then finds no loop, as in NumPy.
    ufunc_dt = dt if dt.kind in "biufcO" else None
    # NumPy's clip loop compares, so a NaN sets no 'invalid' flag (maximum/minimum do)
    with errstate(invalid="ignore") if dt.kind == "f" else _no_errstate:
        lo = _core.maximum(a, min, dtype=ufunc_dt, casting=casting)
        if out is None and where is True and isinstance(lo, _ndarray) and \
                lo.shape == _broadcast_shape(lo.shape, _asarray(max).shape):
            out = lo  # a fresh temporary of the result's dtype and shape: finish in place
        if where is not True:
            return _core.minimum(lo, max, out=out, dtype=ufunc_dt, where=where, **kwargs)
        return _core.minimum(lo, max, out=out, dtype=ufunc_dt, **kwargs)


def _complex_gt(p, q):
    """NumPy's lexicographic complex ``p > q`` of its clip loop (no NaN special case)."""
    return where(_core.equal(p.real, q.real), _core.greater(p.imag, q.imag),
                 _core.greater(p.real, q.real))


def _clip_complex(a, lo, hi, dt):
    """NumPy's complex clip loop: ``max(x, lo)`` keeps x when it has a NaN part or is
    lexicographically greater, else takes lo; then ``min(., hi)`` likewise."""
    x = _asarray(a).astype(dt, copy=False)
    lo = _asarray(lo).astype(dt, copy=False)
    hi = _asarray(hi).astype(dt, copy=False)
    shape = _broadcast_shape(x.shape, lo.shape, hi.shape)
    r = _core.empty(shape, dtype=dt)
    _core.copyto(r, lo)
    _core.copyto(r, x, where=_core.logical_or(_core.isnan(x), _complex_gt(x, lo)))
    res = _core.empty(shape, dtype=dt)
    _core.copyto(res, hi)
    _core.copyto(res, r, where=_core.logical_or(_core.isnan(r), _complex_gt(hi, r)))
    return res


def clip(a, a_min=_NoValue, a_max=_NoValue, out=None, *, min=_NoValue, max=_NoValue,
         **kwargs):
    """Limit the values of ``a`` to ``[a_min, a_max]`` (NaN propagates)."""
    if a_min is _NoValue and a_max is _NoValue:
        a_min = None if min is _NoValue else min
        a_max = None if max is _NoValue else max
    elif a_min is _NoValue:
        raise TypeError("clip() missing 1 required positional argument: 'a_min'")
    elif a_max is _NoValue:
        raise TypeError("clip() missing 1 required positional argument: 'a_max'")
    elif min is not _NoValue or max is not _NoValue:
        raise ValueError("Passing `min` or `max` keyword argument when "
                         "`a_min` and `a_max` are provided is forbidden.")
    return _clip(a, a_min, a_max, out=out, **kwargs)


# ---------------------------------------------------------------------------
# round / around / fix
# ---------------------------------------------------------------------------

def _power_of_ten(n):
    """10.0**n as NumPy's ``power_of_ten`` computes it (repeated multiplication)."""
    p10 = (1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8)
    if n < 9:
        return p10[n]
    ret = 1e9
    while n > 9:
        ret *= 10.0
        n -= 1
    return ret


def _round_array(a, decimals, out):
    """NumPy's ``PyArray_Round``: multiply by 10**decimals, rint, divide (half to even)."""
    if out is ...:
        raise TypeError("output must be an array")
    if out is not None and out.size != a.size:
        raise ValueError("invalid output shape")
    kind = a.dtype.kind
    if kind == "c":
        if out is not None:
            _core.copyto(out, a)
            res = out
        else:
            res = a.copy()
        _core.copyto(res.real, _round_array(a.real, decimals, None), casting="unsafe")
        _core.copyto(res.imag, _round_array(a.imag, decimals, None), casting="unsafe")
        return res
    if decimals >= 0:
        if kind in "iu":
            if out is not None:
                _core.copyto(out, a)
                return out
            return a.copy()
        if decimals == 0:
            if out is not None:
                return _core.rint(a, out=out)
            return _core.rint(a)
        op1, op2 = _core.multiply, _core.divide
    else:
        op1, op2 = _core.divide, _core.multiply
        decimals = -decimals
    ret_int = False
    if out is None:
        if kind in "iu":
            ret_int = True
            out = _core.empty(a.shape, dtype=_scalars.float64)
        else:
            out = _core.empty(a.shape, dtype=a.dtype)
    f = _power_of_ten(decimals)
    ret = op1(a, f, out=out)
    _core.rint(ret, out=ret)
    op2(ret, f, out=ret)
    if ret_int:
        return ret.astype(a.dtype)
    return ret


@_defers_to_method("round")
def round(a, decimals=0, out=None):
    """Evenly round to the given number of decimals (half to even)."""
    decimals = operator.index(decimals)
    arr = _asarray(a)
    res = _round_array(arr, decimals, out)
    if out is None:
        return _scalar_or_array(res)
    return res


around = round


def fix(x, out=None):
    """Round towards zero."""
    return _core.trunc(x, out=out)


# ---------------------------------------------------------------------------
# comparisons of whole arrays
# ---------------------------------------------------------------------------

def isclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """``|a - b| <= atol + rtol * |b|`` element-wise (plus exact equality, e.g. of infinities)."""
    x, y, atol, rtol = (
        v if isinstance(v, (int, float, complex)) else _asarray(v)
        for v in (a, b, atol, rtol))
    # timedelta stays as it is (numpy allows it; an integer atol then works)
    if (dt := getattr(y, "dtype", None)) is not None and dt.kind != "m":
        dt = _core.result_type(y, 1.)
        y = _asarray(y, dtype=dt)
    elif isinstance(y, int):
        y = float(y)

    if not (_all_true(_core.isfinite(atol)) and _all_true(_core.isfinite(rtol))):
        from ._errstate import geterr
        import warnings
        err_s = geterr()["invalid"]
        err_msg = f"One of rtol or atol is not valid, atol: {atol}, rtol: {rtol}"
        if err_s == "warn":
            warnings.warn(err_msg, RuntimeWarning, stacklevel=2)
        elif err_s == "raise":
            raise FloatingPointError(err_msg)
        elif err_s == "print":
            print(err_msg)

    with errstate(invalid="ignore"):
        result = _core.logical_or(
            _core.logical_and(
                _core.less_equal(_core.absolute(_core.subtract(x, y)),
                                 _core.add(atol, _core.multiply(rtol, _core.absolute(y)))),
                _core.isfinite(y)),
            _core.equal(x, y))
        if equal_nan:
            result = _core.logical_or(result, _core.logical_and(_core.isnan(x), _core.isnan(y)))
    return _scalar_or_array(result)


def _all_true(v):
    """bool(all(v)) for an array, a scalar or a Python value."""
    if isinstance(v, _ndarray):
        return builtins.bool(_core.logical_and.reduce(v.astype(_scalars.bool, copy=False),
                                                      axis=None))
    return builtins.bool(v)


def allclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """True when every element of ``isclose(a, b, ...)`` is true."""
    return _all_true(_asarray(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)))


def array_equal(a1, a2, equal_nan=False):
    """True when both arrays have the same shape and elements."""
    try:
        a1, a2 = _asarray(a1), _asarray(a2)
    except Exception:  # noqa: BLE001 - NumPy answers False for anything it cannot convert
        return False
    if a1.shape != a2.shape:
        return False
    if not equal_nan:
        return _all_true(_asarray(_core.equal(a1, a2)))
    if a1 is a2:
        return True
    if a1.dtype.kind in "biu" and a2.dtype.kind in "biu":
        return _all_true(_asarray(_core.equal(a1, a2)))
    a1nan, a2nan = _asarray(_core.isnan(a1)), _asarray(_core.isnan(a2))
    if not _all_true(_asarray(_core.equal(a1nan, a2nan))):
        return False
    return _all_true(_asarray(_core.logical_or(_core.equal(a1, a2), a1nan)))


def array_equiv(a1, a2):
    """True when the arrays are shape-consistent (broadcastable) and equal."""
    try:
        a1, a2 = _asarray(a1), _asarray(a2)
    except Exception:  # noqa: BLE001
        return False
    try:
        _broadcast_shape(a1.shape, a2.shape)
    except ValueError:
        return False
    return _all_true(_asarray(_core.equal(a1, a2)))


# ---------------------------------------------------------------------------
# complex parts, type checks
# ---------------------------------------------------------------------------

def real(val):
    """The real part (a view for arrays)."""
    try:
        return val.real
    except AttributeError:
        return _asarray(val).real


def imag(val):
    """The imaginary part (a view for complex arrays)."""
    try:
        return val.imag
    except AttributeError:
        return _asarray(val).imag


def conjugate(x, out=None, **kwargs):
    """The complex conjugate, element-wise (NumPy's ``conjugate`` ufunc)."""
    arr = _asarray(x)
    if arr.dtype.kind != "c":
        if arr.dtype.kind == "b":
            arr = arr.astype(_scalars.int8)  # no bool loop: bool casts safely to int8
        return _core.positive(arr, out=out, **kwargs)
    where = kwargs.pop("where", True)
    casting = kwargs.pop("casting", "same_kind")
    if kwargs:
        raise TypeError(f"conjugate() got an unexpected keyword argument {next(iter(kwargs))!r}")
    res = arr.copy()
    _core.negative(res.imag, out=res.imag)
    if out is not None:
        _core.copyto(out, res, casting=casting, where=where)
        return out
    return _scalar_or_array(res)


conj = conjugate


def angle(z, deg=False):
    """The counterclockwise angle from the positive real axis (radians, or degrees)."""
    z = _asarray(z)
    if z.dtype.kind == "c":
        zimag = z.imag
        zreal = z.real
    else:
        zimag = 0
        zreal = z
    a = _core.arctan2(zimag, zreal)
    if deg:
        a *= 180 / _pi
    return a


def iscomplexobj(x):
    """True when ``x`` has a complex dtype (checks the type, not the values)."""
    try:
        dtype = x.dtype
        kind = dtype.kind
    except AttributeError:
        try:
            kind = _asarray(x).dtype.kind
        except TypeError:
            return False  # strings, None, objects: never a complex dtype
    return kind == "c"


def isrealobj(x):
    """True when ``x`` does not have a complex dtype."""
    return not iscomplexobj(x)


def iscomplex(x):
    """Element-wise: is the imaginary part non-zero?"""
    try:
        ax = _asarray(x)
    except TypeError:
        if x is None or isinstance(x, (str, bytes)):
            return _scalars.bool(False)
        raise
    if ax.dtype.kind == "c":
        return _core.not_equal(ax.imag, 0)
    res = _core.zeros(ax.shape, dtype=_scalars.bool)
    return res[()]


def isreal(x):
    """Element-wise: is the imaginary part zero?"""
    try:
        im = imag(x)
    except TypeError:
        # NumPy answers for strings (a str array's imag is '') and None (an object array's is 0)
        if x is None:
            return _scalars.bool(True)
        if isinstance(x, (str, bytes)):
            return _scalars.bool(False)
        raise
    return im == 0


def real_if_close(a, tol=100):
    """The real part when every imaginary part is below ``tol`` (in machine epsilons if > 1)."""
    a = _asarray(a)
    if a.dtype.kind != "c":
        return a
    if tol > 1:
        tol = finfo(a.dtype).eps * tol
    if _all_true(_asarray(_core.less(_core.absolute(a.imag), tol))):
        a = a.real
    return a


_ScalarType = (int, float, complex, builtins.bool, bytes, str, memoryview)


def isscalar(element):
    """True for scalars: rumpy scalars, Python numbers, str and bytes (not 0-d arrays)."""
    return (isinstance(element, _scalars.generic)
            or type(element) in _ScalarType
            or isinstance(element, numbers.Number))


def isposinf(x, out=None):
    """Element-wise: is ``x`` +inf?"""
    is_inf = _core.isinf(x)
    try:
        signbit = _core.logical_not(_core.signbit(x))
    except TypeError as e:
        dtype = _asarray(x).dtype
        raise TypeError(f'This operation is not supported for {dtype} values '
                        'because it would be ambiguous.') from e
    return _core.logical_and(is_inf, signbit, out=out)


def isneginf(x, out=None):
    """Element-wise: is ``x`` -inf?"""
    is_inf = _core.isinf(x)
    try:
        signbit = _core.signbit(x)
    except TypeError as e:
        dtype = _asarray(x).dtype
        raise TypeError(f'This operation is not supported for {dtype} values '
                        'because it would be ambiguous.') from e
    return _core.logical_and(is_inf, signbit, out=out)


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    """Replace NaN by ``nan``, +/-inf by ``posinf``/``neginf`` (default: the largest finite
    values); complex numbers have both parts replaced."""
    x = _core.array(x, copy=copy)
    isscalar_ = x.ndim == 0
    kind = x.dtype.kind
    if kind not in "fc":
        return x[()] if isscalar_ else x
    dest = (x.real, x.imag) if kind == "c" else (x,)
    info = finfo(x.real.dtype)
    maxf, minf = info.max, info.min
    if posinf is not None:
        maxf = posinf
    if neginf is not None:
        minf = neginf
    for d in dest:
        idx_nan = _core.isnan(d)
        idx_posinf = isposinf(d)
        idx_neginf = isneginf(d)
        _core.copyto(d, nan, where=idx_nan)
        _core.copyto(d, maxf, where=idx_posinf)
        _core.copyto(d, minf, where=idx_neginf)
    return x[()] if isscalar_ else x


# ---------------------------------------------------------------------------
# sinc, i0
# ---------------------------------------------------------------------------

def sinc(x):
    """The normalized sinc function, sin(pi x) / (pi x)."""
    x = _asarray(x)
    x = _core.multiply(_pi, x)
    dt = x.dtype
    eps = finfo(dt).eps if dt.kind == "f" else 1e-20
    y = where(x, x, eps)
    return _core.divide(_core.sin(y), y)


# Chebyshev coefficients of exp(-x) I0(x) on [0, 8] and of exp(-x) sqrt(x) I0(x) on (8, inf]
# (Cephes, as in numpy/lib/_function_base_impl.py).
_i0A = [
    -4.41534164647933937950E-18,
    3.33079451882223809783E-17,
    -2.43127984654795469359E-16,
    1.71539128555513303061E-15,
    -1.16853328779934516808E-14,
    7.67618549860493561688E-14,
    -4.85644678311192946090E-13,
    2.95505266312963983461E-12,
    -1.72682629144155570723E-11,
    9.67580903537323691224E-11,
    -5.18979560163526290666E-10,
    2.65982372468238665035E-9,
    -1.30002500998624804212E-8,
    6.04699502254191894932E-8,
    -2.67079385394061173391E-7,
    1.11738753912010371815E-6,
    -4.41673835845875056359E-6,
    1.64484480707288970893E-5,
    -5.75419501008210370398E-5,
    1.88502885095841655729E-4,
    -5.76375574538582365885E-4,
    1.63947561694133579842E-3,
    -4.32430999505057594430E-3,
    1.05464603945949983183E-2,
    -2.37374148058994688156E-2,
    4.93052842396707084878E-2,
    -9.49010970480476444210E-2,
    1.71620901522208775349E-1,
    -3.04682672343198398683E-1,
    6.76795274409476084995E-1
]

_i0B = [
    -7.23318048787475395456E-18,
    -4.83050448594418207126E-18,
    4.46562142029675999901E-17,
    3.46122286769746109310E-17,
    -2.82762398051658348494E-16,
    -3.42548561967721913462E-16,
    1.77256013305652638360E-15,
    3.81168066935262242075E-15,
    -9.55484669882830764870E-15,
    -4.15056934728722208663E-14,
    1.54008621752140982691E-14,
    3.85277838274214270114E-13,
    7.18012445138366623367E-13,
    -1.79417853150680611778E-12,
    -1.32158118404477131188E-11,
    -3.14991652796324136454E-11,
    1.18891471078464383424E-11,
    4.94060238822496958910E-10,
    3.39623202570838634515E-9,
    2.26666899049817806459E-8,
    2.04891858946906374183E-7,
    2.89137052083475648297E-6,
    6.88975834691682398426E-5,
    3.36911647825569408990E-3,
    8.04490411014108831608E-1
]


def _chbevl(x, vals):
    b0 = vals[0]
    b1 = 0.0
    for i in range(1, len(vals)):
        b2 = b1
        b1 = b0
        b0 = x * b1 - b2 + vals[i]
    return 0.5 * (b0 - b2)


def _i0_1(x):
    return _core.exp(x) * _chbevl(x / 2.0 - 2, _i0A)


def _i0_2(x):
    return _core.exp(x) * _chbevl(32.0 / x - 2.0, _i0B) / _core.sqrt(x)


def i0(x):
    """The modified Bessel function of the first kind, order 0."""
    x = _asarray(x)
    if x.dtype.kind == "c":
        raise TypeError("i0 not supported for complex values")
    if x.dtype.kind != "f":
        x = x.astype(_scalars.float64)
    x = _asarray(_core.absolute(x))
    # NumPy's piecewise evaluates each branch on its own elements only; evaluating a branch on
    # the whole array, with harmless stand-ins for the other branch's elements, gives the same
    # values and the same floating-point warnings.
    low = _core.less_equal(x, 8.0)
    if _all_true(_asarray(low)):
        y = _asarray(_i0_1(x))
    elif not _all_true(_asarray(_core.logical_not(low))):
        y = _asarray(_i0_2(where(low, 9.0, x)))
        _core.copyto(y, _asarray(_i0_1(where(low, x, 0.0))), where=low, casting="unsafe")
    else:
        y = _asarray(_i0_2(x))
    if y.dtype != x.dtype:
        y = y.astype(x.dtype)
    return y
