"""``rumpy.polynomial.polynomial``, as ``numpy.polynomial.polynomial``: power series
``c[0] + c[1]*x + c[2]*x**2 + ...`` and the ``Polynomial`` class."""

import rumpy as rp

from .._reductions import _normalize_axis_index
from . import polyutils as pu
from ._polybase import ABCPolyBase

__all__ = [
    'polyzero', 'polyone', 'polyx', 'polydomain', 'polyline', 'polyadd',
    'polysub', 'polymulx', 'polymul', 'polydiv', 'polypow', 'polyval',
    'polyvalfromroots', 'polyder', 'polyint', 'polyfromroots', 'polyvander',
    'polyfit', 'polytrim', 'polyroots', 'Polynomial', 'polyval2d', 'polyval3d',
    'polygrid2d', 'polygrid3d', 'polyvander2d', 'polyvander3d',
    'polycompanion']

polytrim = pu.trimcoef

polydomain = rp.array([-1., 1.])
polyzero = rp.array([0])
polyone = rp.array([1])
polyx = rp.array([0, 1])

# bool and integer type codes: such coefficients are computed in float64
_INTEGER_CHARS = '?bBhHiIlLqQpP'


def polyline(off, scl):
    """The series ``off + scl*x``."""
    if scl != 0:
        return rp.array([off, scl])
    return rp.array([off])


def polyfromroots(roots):
    """The monic power series with the given roots."""
    return pu._fromroots(polyline, polymul, roots)


def polyadd(c1, c2):
    """Sum of two power series."""
    return pu._add(c1, c2)


def polysub(c1, c2):
    """Difference of two power series."""
    return pu._sub(c1, c2)


def polymulx(c):
    """The power series ``c`` multiplied by ``x``."""
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = rp.empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1:] = c
    return prd


def polymul(c1, c2):
    """Product of two power series."""
    [c1, c2] = pu.as_series([c1, c2])
    return pu.trimseq(rp.convolve(c1, c2))


def polydiv(c1, c2):
    """Quotient and remainder of two power series (synthetic division)."""
    [c1, c2] = pu.as_series([c1, c2])
    if c2[-1] == 0:
        raise ZeroDivisionError
    lc1 = len(c1)
    lc2 = len(c2)
    if lc1 < lc2:
        return c1[:1] * 0, c1
    if lc2 == 1:
        return c1 / c2[-1], c1[:1] * 0
    # divide by the monic divisor in place, rescaling the quotient at the end
    scl = c2[-1]
    c2 = c2[:-1] / scl
    i = lc1 - lc2
    j = lc1 - 1
    while i >= 0:
        c1[i:j] -= c2 * c1[j]
        i -= 1
        j -= 1
    return c1[j + 1:] / scl, pu.trimseq(c1[:j + 1])


def polypow(c, pow, maxpower=None):
    """The power series ``c`` raised to the power ``pow``."""
    return pu._pow(rp.convolve, c, pow, maxpower)


def _coef_copy(c):
    """``c`` as a new at-least-1-d array, bool and integers promoted to float64."""
    c = rp.array(c, ndmin=1, copy=True)
    if c.dtype.char in _INTEGER_CHARS:
        c = c + 0.0
    return c


def polyder(c, m=1, scl=1, axis=0):
    """The ``m``-th derivative along ``axis``, each one multiplied by ``scl``."""
    c = _coef_copy(c)
    cdt = c.dtype
    cnt = pu._as_int(m, "the order of derivation")
    iaxis = pu._as_int(axis, "the axis")
    if cnt < 0:
        raise ValueError("The order of derivation must be non-negative")
    iaxis = _normalize_axis_index(iaxis, c.ndim)
    if cnt == 0:
        return c
    c = rp.moveaxis(c, iaxis, 0)
    n = len(c)
    if cnt >= n:
        c = c[:1] * 0
    else:
        for _ in range(cnt):
            n = n - 1
            c *= scl
            der = rp.empty((n,) + c.shape[1:], dtype=cdt)
            for j in range(n, 0, -1):
                der[j - 1] = j * c[j]
            c = der
    return rp.moveaxis(c, 0, iaxis)


def _check_integ_args(k, cnt, lbnd, scl):
    if cnt < 0:
        raise ValueError("The order of integration must be non-negative")
    if len(k) > cnt:
        raise ValueError("Too many integration constants")
    if rp.ndim(lbnd) != 0:
        raise ValueError("lbnd must be a scalar.")
    if rp.ndim(scl) != 0:
        raise ValueError("scl must be a scalar.")


def polyint(c, m=1, k=[], lbnd=0, scl=1, axis=0):  # noqa: B006 - numpy's signature
    """The ``m``-th integral along ``axis`` with constants ``k``, lower bound ``lbnd``;
    each integration is multiplied by ``scl``."""
    c = _coef_copy(c)
    cdt = c.dtype
    if not rp.iterable(k):
        k = [k]
    cnt = pu._as_int(m, "the order of integration")
    iaxis = pu._as_int(axis, "the axis")
    _check_integ_args(k, cnt, lbnd, scl)
    iaxis = _normalize_axis_index(iaxis, c.ndim)
    if cnt == 0:
        return c
    k = list(k) + [0] * (cnt - len(k))
    c = rp.moveaxis(c, iaxis, 0)
    for i in range(cnt):
        n = len(c)
        c *= scl
        if n == 1 and rp.all(c[0] == 0):
            c[0] += k[i]
            continue
        tmp = rp.empty((n + 1,) + c.shape[1:], dtype=cdt)
        tmp[0] = c[0] * 0
        tmp[1] = c[0]
        for j in range(1, n):
            tmp[j + 1] = c[j] / (j + 1)
        tmp[0] += k[i] - polyval(lbnd, tmp)
        c = tmp
    return rp.moveaxis(c, 0, iaxis)


def polyval(x, c, tensor=True):
    """The power series ``c`` at ``x`` (Horner's scheme)."""
    c = rp.array(c, ndmin=1, copy=None)
    if c.dtype.char in _INTEGER_CHARS:
        c = c + 0.0
    if isinstance(x, (tuple, list)):
        x = rp.asarray(x)
    if isinstance(x, rp.ndarray) and tensor:
        # one set of coefficients per point: c's trailing axes broadcast over x
        c = c.reshape(c.shape + (1,) * x.ndim)
    c0 = c[-1] + x * 0
    for i in range(2, len(c) + 1):
        c0 = c[-i] + c0 * x
    return c0


def polyvalfromroots(x, r, tensor=True):
    """The product of ``x - r`` over the roots ``r``."""
    r = rp.array(r, ndmin=1, copy=None)
    if r.dtype.char in _INTEGER_CHARS:
        r = r.astype(rp.double)
    if isinstance(x, (tuple, list)):
        x = rp.asarray(x)
    if isinstance(x, rp.ndarray):
        if tensor:
            r = r.reshape(r.shape + (1,) * x.ndim)
        elif x.ndim >= r.ndim:
            raise ValueError("x.ndim must be < r.ndim when tensor == False")
    return rp.prod(x - r, axis=0)


def polyval2d(x, y, c):
    """The 2-d power series ``c`` at the points ``(x, y)``."""
    return pu._valnd(polyval, c, x, y)


def polygrid2d(x, y, c):
    """The 2-d power series ``c`` on the Cartesian product of ``x`` and ``y``."""
    return pu._gridnd(polyval, c, x, y)


def polyval3d(x, y, z, c):
    """The 3-d power series ``c`` at the points ``(x, y, z)``."""
    return pu._valnd(polyval, c, x, y, z)


def polygrid3d(x, y, z, c):
    """The 3-d power series ``c`` on the Cartesian product of ``x``, ``y`` and ``z``."""
    return pu._gridnd(polyval, c, x, y, z)


def polyvander(x, deg):
    """Vandermonde matrix of powers ``x**0 .. x**deg`` along a new last axis."""
    ideg = pu._as_int(deg, "deg")
    if ideg < 0:
        raise ValueError("deg must be non-negative")
    x = rp.array(x, copy=None, ndmin=1) + 0.0
    v = rp.empty((ideg + 1,) + x.shape, dtype=x.dtype)
    v[0] = x * 0 + 1
    if ideg > 0:
        v[1] = x
        for i in range(2, ideg + 1):
            v[i] = v[i - 1] * x
    return rp.moveaxis(v, 0, -1)


def polyvander2d(x, y, deg):
    """Pseudo-Vandermonde matrix of the 2-d power series of degrees ``deg``."""
    return pu._vander_nd_flat((polyvander, polyvander), (x, y), deg)


def polyvander3d(x, y, z, deg):
    """Pseudo-Vandermonde matrix of the 3-d power series of degrees ``deg``."""
    return pu._vander_nd_flat((polyvander, polyvander, polyvander), (x, y, z), deg)


def polyfit(x, y, deg, rcond=None, full=False, w=None):
    """Least-squares fit of a power series of degree ``deg`` to ``(x, y)``."""
    return pu._fit(polyvander, x, y, deg, rcond, full, w)


def polycompanion(c):
    """The companion matrix of the power series ``c``."""
    [c] = pu.as_series([c])
    if len(c) < 2:
        raise ValueError('Series must have maximum degree of at least 1.')
    if len(c) == 2:
        return rp.array([[-c[0] / c[1]]])
    n = len(c) - 1
    mat = rp.zeros((n, n), dtype=c.dtype)
    # ones on the subdiagonal
    mat.reshape(-1)[n::n + 1] = 1
    mat[:, -1] -= c[:-1] / c[-1]
    return mat


def polyroots(c):
    """The roots of the power series ``c``, sorted (eigenvalues of the companion matrix)."""
    [c] = pu.as_series([c])
    if len(c) < 2:
        return rp.array([], dtype=c.dtype)
    if len(c) == 2:
        return rp.array([-c[0] / c[1]])
    r = rp.linalg.eigvals(polycompanion(c))
    r.sort()
    return r


class Polynomial(ABCPolyBase):
    """A power series with a domain, a window and a symbol, as ``numpy.polynomial.Polynomial``.
    """

    _add = staticmethod(polyadd)
    _sub = staticmethod(polysub)
    _mul = staticmethod(polymul)
    _div = staticmethod(polydiv)
    _pow = staticmethod(polypow)
    _val = staticmethod(polyval)
    _int = staticmethod(polyint)
    _der = staticmethod(polyder)
    _fit = staticmethod(polyfit)
    _line = staticmethod(polyline)
    _roots = staticmethod(polyroots)
    _fromroots = staticmethod(polyfromroots)

    domain = rp.array(polydomain)
    window = rp.array(polydomain)
    basis_name = None

    @classmethod
    def _str_term_unicode(cls, i, arg_str):
        if i == '1':
            return f"·{arg_str}"
        return f"·{arg_str}{i.translate(cls._superscript_mapping)}"

    @staticmethod
    def _str_term_ascii(i, arg_str):
        if i == '1':
            return f" {arg_str}"
        return f" {arg_str}**{i}"

    @staticmethod
    def _repr_latex_term(i, arg_str, needs_parens):
        if needs_parens:
            arg_str = rf"\left({arg_str}\right)"
        if i == 0:
            return '1'
        if i == 1:
            return arg_str
        return f"{arg_str}^{{{i}}}"
