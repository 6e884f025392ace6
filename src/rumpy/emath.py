"""numpy.emath (numpy.lib.scimath): math functions that return complex results where
the real-valued function would leave its domain (negative logs/roots, |x| > 1 for
arcsin/arccos/arctanh), and real results otherwise."""

import rumpy as _rp

__all__ = ["sqrt", "log", "log2", "logn", "log10", "power", "arccos", "arcsin", "arctanh"]

# dtypes whose complex counterpart is complex64; everything else goes to complex128
_SINGLE_KINDS = {"float32", "int8", "int16", "uint8", "uint16", "complex64"}


def _tocomplex(arr):
    if arr.dtype.name in _SINGLE_KINDS:
        return arr.astype("complex64")
    return arr.astype("complex128")


def _real_and(x, cond):
    return bool(_rp.any(_rp.isreal(x) & cond))


def _fix_real_lt_zero(x):
    x = _rp.asarray(x)
    if _real_and(x, x < 0):
        x = _tocomplex(x)
    return x


def _fix_int_lt_zero(x):
    x = _rp.asarray(x)
    if _real_and(x, x < 0):
        x = x * 1.0
    return x


def _fix_real_abs_gt_1(x):
    x = _rp.asarray(x)
    if _real_and(x, _rp.abs(x) > 1):
        x = _tocomplex(x)
    return x


def sqrt(x):
    """Square root of ``x``; complex for negative real inputs."""
    return _rp.sqrt(_fix_real_lt_zero(x))


def log(x):
    """Natural logarithm of ``x``; complex for negative real inputs."""
    return _rp.log(_fix_real_lt_zero(x))


def log10(x):
    """Base-10 logarithm of ``x``; complex for negative real inputs."""
    return _rp.log10(_fix_real_lt_zero(x))


def log2(x):
    """Base-2 logarithm of ``x``; complex for negative real inputs."""
    return _rp.log2(_fix_real_lt_zero(x))


def logn(n, x):
    """Logarithm of ``x`` to base ``n``; complex for negative real inputs."""
    x = _fix_real_lt_zero(x)
    n = _fix_real_lt_zero(n)
    return _rp.log(x) / _rp.log(n)


def power(x, p):
    """``x ** p``; complex for negative real ``x``, float for negative integer ``p``."""
    x = _fix_real_lt_zero(x)
    p = _fix_int_lt_zero(p)
    return _rp.power(x, p)


def arccos(x):
    """Inverse cosine of ``x``; complex where real ``|x| > 1``."""
    return _rp.arccos(_fix_real_abs_gt_1(x))


def arcsin(x):
    """Inverse sine of ``x``; complex where real ``|x| > 1``."""
    return _rp.arcsin(_fix_real_abs_gt_1(x))


def arctanh(x):
    """Inverse hyperbolic tangent of ``x``; complex where real ``|x| > 1``."""
    return _rp.arctanh(_fix_real_abs_gt_1(x))
