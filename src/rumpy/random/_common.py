"""What the samplers share (numpy's ``_common.pyx``): parameter conversion, numpy's
constraint checks and messages, and the two drivers ``cont`` (float results) and ``disc``
(int64 results), which draw one value, fill an array from scalar parameters, or broadcast
array parameters against the output, always in the output's C order."""

import math
import operator

from .. import _core
from .._shape import broadcast_shapes, broadcast_to

F64 = _core.dtype("float64")
F32 = _core.dtype("float32")
I64 = _core.dtype("int64")

# constraints on a parameter (numpy's ``constraint_type``)
NONE, NON_NEGATIVE, POSITIVE, POSITIVE_NOT_NAN, BOUNDED_0_1, BOUNDED_GT_0_1, \
    BOUNDED_LT_0_1, GT_1, POISSON = range(9)

_INT64_MAX = 2**63 - 1
POISSON_LAM_MAX = float(_INT64_MAX) - math.sqrt(_INT64_MAX) * 10


def shape_of(size):
    """``size`` as a shape tuple (integers only, as numpy's ``empty``)."""
    try:
        items = list(size)
    except TypeError:
        return (operator.index(size),)
    return tuple(operator.index(s) for s in items)


def as_param(x, dtype):
    """A parameter as an array of ``dtype`` (float64 or int64): an ndarray is cast safely
    (numpy's ``PyArray_FROM_OTF``), anything else is converted as by ``asarray``."""
    if isinstance(x, _core.ndarray) or hasattr(x, "__array_interface__"):
        a = _core.asanyarray(x)
        if not _core.can_cast(a.dtype, dtype):
            what = "scalar" if a.ndim == 0 else "array data"
            raise TypeError(f"Cannot cast {what} from {a.dtype!r} to {dtype!r} according to "
                            "the rule 'safe'")
        return a.astype(dtype, copy=False)
    if isinstance(x, complex) or (isinstance(x, (list, tuple)) and _has_complex(x)):
        raise TypeError("float() argument must be a string or a real number, not 'complex'")
    if dtype.kind == "f":
        x = _big_ints_as_floats(x)
    return _core.asanyarray(x, dtype=dtype)


def _big_ints_as_floats(x):
    """Python ints beyond 64 bits as floats (numpy converts them so for a float64
    parameter; the array constructor here refuses them)."""
    if isinstance(x, int) and not isinstance(x, bool) and not -2**63 <= x < 2**64:
        return float(x)
    if isinstance(x, (list, tuple)):
        return [_big_ints_as_floats(v) for v in x]
    return x


def _has_complex(seq):
    for v in seq:
        if isinstance(v, complex):
            return True
        if isinstance(v, (list, tuple)) and _has_complex(v):
            return True
    return False


def as_double(x):
    """A scalar parameter as C's ``PyFloat_AsDouble`` reads it."""
    if isinstance(x, (str, bytes)):
        raise TypeError(f"must be real number, not {type(x).__name__}")
    return float(x)


def as_int64(x):
    """A scalar parameter as Cython's ``<int64_t>`` reads it (floats truncate)."""
    if isinstance(x, (str, bytes)):
        raise TypeError("an integer is required")
    v = int(x)
    if not -2**63 <= v < 2**63:
        raise OverflowError("Python int too large to convert to C long")
    return v


def check_scalar(v, name, cons):
    """numpy's ``check_constraint`` on one value."""
    if cons == NON_NEGATIVE:
        if not math.isnan(v) and math.copysign(1.0, v) < 0:
            raise ValueError(f"{name} < 0")
    elif cons in (POSITIVE, POSITIVE_NOT_NAN):
        if cons == POSITIVE_NOT_NAN and math.isnan(v):
            raise ValueError(f"{name} must not be NaN")
        if v <= 0:
            raise ValueError(f"{name} <= 0")
    elif cons == BOUNDED_0_1:
        if not (v >= 0) or not (v <= 1):
            raise ValueError(f"{name} < 0, {name} > 1 or {name} is NaN")
    elif cons == BOUNDED_GT_0_1:
        if not v > 0 or not v <= 1:
            raise ValueError(f"{name} <= 0, {name} > 1 or {name} contains NaNs")
    elif cons == BOUNDED_LT_0_1:
        if not (v >= 0) or not (v < 1):
            raise ValueError(f"{name} < 0, {name} >= 1 or {name} is NaN")
    elif cons == GT_1:
        if not (v > 1):
            raise ValueError(f"{name} <= 1 or {name} is NaN")
    elif cons == POISSON:
        if not (v >= 0):
            raise ValueError(f"{name} < 0 or {name} is NaN")
        if not (v <= POISSON_LAM_MAX):
            raise ValueError(f"{name} value too large")


def _any(x):
    """Whether any item of ``x`` is true."""
    return bool(_core.logical_or.reduce(_core.asanyarray(x).reshape(-1)))


def _all(x):
    """Whether every item of ``x`` is true."""
    return bool(_core.logical_and.reduce(_core.asanyarray(x).reshape(-1)))


def check_array(a, name, cons):
    """numpy's ``check_array_constraint`` on a whole array."""
    if cons == NON_NEGATIVE:
        if a.dtype.kind == "f":
            bad = _core.logical_and(_core.logical_not(_core.isnan(a)), _core.signbit(a))
        else:
            bad = _core.less(a, 0)
        if _any(bad):
            raise ValueError(f"{name} < 0")
    elif cons in (POSITIVE, POSITIVE_NOT_NAN):
        if cons == POSITIVE_NOT_NAN and _any(_core.isnan(a)):
            raise ValueError(f"{name} must not be NaN")
        if _any(_core.less_equal(a, 0)):
            raise ValueError(f"{name} <= 0")
    elif cons == BOUNDED_0_1:
        if not _all(_core.greater_equal(a, 0)) or not _all(_core.less_equal(a, 1)):
            raise ValueError(f"{name} < 0, {name} > 1 or {name} contains NaNs")
    elif cons == BOUNDED_GT_0_1:
        if not _all(_core.greater(a, 0)) or not _all(_core.less_equal(a, 1)):
            raise ValueError(f"{name} <= 0, {name} > 1 or {name} contains NaNs")
    elif cons == BOUNDED_LT_0_1:
        if not _all(_core.greater_equal(a, 0)) or not _all(_core.less(a, 1)):
            raise ValueError(f"{name} < 0, {name} >= 1 or {name} contains NaNs")
    elif cons == GT_1:
        if not _all(_core.greater(a, 1)):
            raise ValueError(f"{name} <= 1 or {name} contains NaNs")
    elif cons == POISSON:
        if not _all(_core.less_equal(a, POISSON_LAM_MAX)):
            raise ValueError(f"{name} value too large")
        if not _all(_core.greater_equal(a, 0.0)):
            raise ValueError(f"{name} < 0 or {name} contains NaNs")


def check_output(out, dtype, size, require_c):
    """numpy's ``check_output``: a contiguous (C, or F unless ``require_c``), writable,
    aligned, native array of ``dtype`` whose shape is ``size`` when both are given."""
    if out is None:
        return
    flags = getattr(out, "flags", None)
    behaved = isinstance(out, _core.ndarray) and flags.writeable and flags.aligned and \
        out.dtype.isnative and (flags.c_contiguous or (flags.f_contiguous and not require_c))
    if not behaved:
        req = "C-" if require_c else ""
        raise ValueError(f"Supplied output array must be {req}contiguous, writable, aligned, "
                         "and in machine byte-order.")
    if out.dtype != dtype:
        raise TypeError("Supplied output array has the wrong type. "
                        f"Expected {dtype}, got {out.dtype}")
    if size is not None:
        try:
            shape = tuple(size)
        except TypeError:
            shape = (size,)
        if shape != out.shape:
            raise ValueError("size must match out.shape when used together")


def _output_shape(size, out, arrays):
    """The shape numpy's broadcasting drivers draw into, checked against the parameters."""
    if out is not None:
        shape = out.shape
    elif size is not None:
        shape = shape_of(size)
    else:
        shape = broadcast_shapes(*(a.shape for a in arrays))
    full = broadcast_shapes(shape, *(a.shape for a in arrays))
    if full != tuple(shape):
        raise ValueError(f"Output size {tuple(shape)} is not compatible with broadcast "
                         f"dimensions of inputs {full}.")
    return tuple(shape)


def _flat(a, shape):
    """A parameter as one value or one per item of ``shape`` (C order), contiguous."""
    if a.size == 1:
        return a.reshape(1)
    return _core.ascontiguousarray(broadcast_to(a, shape)).reshape(-1)


def cont(bg, method, size, params, out=None, dtype=F64, legacy=None):
    """numpy's ``cont`` (and ``cont_f`` for float32): ``params`` are (value, name,
    constraint) triples; float64 (or float32) results. With ``legacy`` (a ``RandomState``,
    holding the Gaussian cache ``_gauss_state``) the legacy samplers draw."""
    core = bg._core
    if size is None and out is None and all(type(v) in _PY_REALS for v, _, _ in params):
        # one draw from Python numbers: no arrays on the way
        return _cont_one(bg, core, method, [float(v) for v, _, _ in params], params, dtype,
                         legacy)
    check_output(out, dtype, size, len(params) > 0)
    arrays = [as_param(v, dtype) if dtype == F64 else _as_param_f(v) for v, _, _ in params]
    if any(a.ndim for a in arrays):
        for a, (_, name, c) in zip(arrays, params):
            if c != NONE:
                check_array(a, name, c)
        shape = _output_shape(size, out, arrays)
        if out is None:
            out = _core.empty(shape, dtype=dtype)
        flat = [_flat(a, shape) for a in arrays]
        with bg.lock:
            _fill_cont(core, method, out, flat, legacy)
        return out
    values = [as_double(v) for v, _, _ in params]
    if size is None and out is None:
        return _cont_one(bg, core, method, values, params, dtype, legacy)
    if dtype == F32:
        values = [float(F32.type(v)) for v in values]
    for v, (_, name, c) in zip(values, params):
        if c != NONE:
            check_scalar(v, name, c)
    if out is None:
        out = _core.empty(shape_of(size), dtype=dtype)
    flat = [_core.asanyarray([v], dtype=dtype) for v in values]
    with bg.lock:
        _fill_cont(core, method, out, flat, legacy)
    return out


_PY_REALS = (float, int)


def _cont_one(bg, core, method, values, params, dtype, legacy):
    """One draw of :func:`cont` from scalar parameters (as floats), checked."""
    if dtype == F32:
        values = [float(F32.type(v)) for v in values]
    for v, (_, name, c) in zip(values, params):
        if c != NONE:
            check_scalar(v, name, c)
    with bg.lock:
        if legacy is not None:
            v, _, *legacy._gauss_state = core.sample_legacy(
                method, *(values + [0.0, 0.0, 0.0])[:3], 0, 0, 0, *legacy._gauss_state)
            return v
        if dtype == F32:
            return float(core.sample_cont_f(method, *values))
        return core.sample_cont(method, *values)


def _fill_cont(core, method, out, flat, legacy):
    """One fill, by the legacy samplers when ``legacy`` is given (its cache updated)."""
    if legacy is None:
        core.fill_cont(method, out, flat)
    else:
        legacy._gauss_state = list(core.fill_legacy(method, out, flat, [],
                                                    *legacy._gauss_state))


def _fill_disc(core, method, out, fflat, iflat, legacy):
    if legacy is None:
        core.fill_disc(method, out, fflat, iflat)
    else:
        legacy._gauss_state = list(core.fill_legacy(method, out, fflat, iflat,
                                                    *legacy._gauss_state))


def _as_param_f(x):
    """A float32 parameter (numpy's ``PyArray_FROMANY`` with ``FORCECAST``)."""
    if isinstance(x, _core.ndarray) or hasattr(x, "__array_interface__"):
        return _core.asanyarray(x).astype(F32)
    return _core.asanyarray(x, dtype=F32)


def disc(bg, method, size, fparams, iparams, legacy=None):
    """numpy's ``disc``: float parameters then int64 parameters, each (value, name,
    constraint); int64 results (one Python int without ``size``); ``legacy`` as for
    :func:`cont`."""
    core = bg._core
    named = list(fparams) + list(iparams)
    if (size is None and all(type(v) in _PY_REALS for v, _, _ in fparams)
            and all(type(v) is int for v, _, _ in iparams)):
        # one draw from Python numbers: no arrays on the way
        return _disc_one(bg, core, method, [float(v) for v, _, _ in fparams],
                         [as_int64(v) for v, _, _ in iparams], named, legacy)
    farrays = [as_param(v, F64) for v, _, _ in fparams]
    iarrays = [as_param(v, I64) for v, _, _ in iparams]
    arrays = farrays + iarrays
    if any(a.ndim for a in arrays):
        for a, (_, name, c) in zip(arrays, named):
            if c != NONE:
                check_array(a, name, c)
        shape = _output_shape(size, None, arrays)
        out = _core.empty(shape, dtype=I64)
        with bg.lock:
            _fill_disc(core, method, out, [_flat(a, shape) for a in farrays],
                       [_flat(a, shape) for a in iarrays], legacy)
        return out
    fvals = [as_double(v) for v, _, _ in fparams]
    ivals = [as_int64(v) for v, _, _ in iparams]
    if size is None:
        return _disc_one(bg, core, method, fvals, ivals, named, legacy)
    for v, (_, name, c) in zip(fvals + [float(i) for i in ivals], named):
        if c != NONE:
            check_scalar(v, name, c)
    out = _core.empty(shape_of(size), dtype=I64)
    with bg.lock:
        _fill_disc(core, method, out, [_core.asanyarray([v], dtype=F64) for v in fvals],
                   [_core.asanyarray([v], dtype=I64) for v in ivals], legacy)
    return out


def _disc_one(bg, core, method, fvals, ivals, named, legacy):
    """One draw of :func:`disc` from scalar parameters, checked."""
    for v, (_, name, c) in zip(fvals + [float(i) for i in ivals], named):
        if c != NONE:
            check_scalar(v, name, c)
    fv = (fvals + [0.0, 0.0])[:2]
    with bg.lock:
        if legacy is not None:
            iv = (ivals + [0, 0, 0])[:3]
            _, v, *legacy._gauss_state = core.sample_legacy(method, *fv, 0.0, *iv,
                                                            *legacy._gauss_state)
            return v
        return core.sample_disc(method, *fv, *ivals)


def triangular_params(left, mode, right):
    """``triangular``'s parameters for :func:`cont`, after numpy's checks (scalars: as
    floats; arrays: compared whole)."""
    ol, om, orr = (as_param(v, F64) for v in (left, mode, right))
    if ol.ndim == om.ndim == orr.ndim == 0:
        fl, fr, fm = as_double(left), as_double(right), as_double(mode)
        if fl > fm:
            raise ValueError("left > mode")
        if fm > fr:
            raise ValueError("mode > right")
        if fl == fr:
            raise ValueError("left == right")
        return [(fl, "", NONE), (fm, "", NONE), (fr, "", NONE)]
    if _any(_core.greater(ol, om)):
        raise ValueError("left > mode")
    if _any(_core.greater(om, orr)):
        raise ValueError("mode > right")
    if _any(_core.equal(ol, orr)):
        raise ValueError("left == right")
    return [(ol, "", NONE), (om, "", NONE), (orr, "", NONE)]


def kahan_sum(values):
    """numpy's ``kahan_sum`` of a list of floats (0.0 when empty)."""
    if not values:
        return 0.0
    total = values[0]
    c = 0.0
    for v in values[1:]:
        y = v - c
        t = total + y
        c = (t - total) - y
        total = t
    return total
