"""``rumpy.polynomial.chebyshev``, as ``numpy.polynomial.chebyshev``: series of Chebyshev
polynomials of the first kind, T_n.

The private helpers ``_as_coefs``, ``_derivative``, ``_integral``, ``_val_setup``,
``_vander_setup``, ``_companion_setup``, ``_eig_roots`` and ``_gauss_deg`` are shared with
the other family modules (legendre, laguerre, hermite, hermite_e): numpy repeats the same
argument handling in each of them, and results depend on doing it in the same order.
"""

import rumpy as rp

from .._reductions import _normalize_axis_index
from . import polyutils as pu
from ._polybase import ABCPolyBase

__all__ = [
    'chebzero', 'chebone', 'chebx', 'chebdomain', 'chebline', 'chebadd',
    'chebsub', 'chebmulx', 'chebmul', 'chebdiv', 'chebpow', 'chebval',
    'chebder', 'chebint', 'cheb2poly', 'poly2cheb', 'chebfromroots',
    'chebvander', 'chebfit', 'chebtrim', 'chebroots', 'chebpts1',
    'chebpts2', 'Chebyshev', 'chebval2d', 'chebval3d', 'chebgrid2d',
    'chebgrid3d', 'chebvander2d', 'chebvander3d', 'chebcompanion',
    'chebgauss', 'chebweight', 'chebinterpolate']

chebtrim = pu.trimcoef

# ---------------------------------------------------------------------------
# helpers shared by the family modules
# ---------------------------------------------------------------------------

# bool and integer type codes: such coefficients are computed in float64
_INTEGER_CHARS = '?bBhHiIlLqQpP'


def _as_coefs(c, copy):
    """``c`` as an at-least-1-d array, bool and integers promoted to float64."""
    c = rp.array(c, ndmin=1, copy=copy)
    if c.dtype.char in _INTEGER_CHARS:
        c = c.astype(rp.double)
    return c


def _derivative(c, m, scl, axis, step, moveback_zero=True):
    """Differentiate ``c`` ``m`` times along ``axis``; ``step(c, n)`` gives one derivative
    (of length ``n``) of the series ``c`` whose first axis is the degree.

    ``moveback_zero=False`` keeps hermite_e's quirk of returning the zero series with the
    degree axis first."""
    c = _as_coefs(c, True)
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
        if not moveback_zero:
            return c
    else:
        for _ in range(cnt):
            n = n - 1
            c *= scl
            c = step(c, n)
    return rp.moveaxis(c, 0, iaxis)


def _integral(c, m, k, lbnd, scl, axis, step, val):
    """Integrate ``c`` ``m`` times along ``axis``; ``step(c, n)`` gives one antiderivative
    (of length ``n + 1``), whose value at ``lbnd`` (by ``val``) is then set to ``k[i]``."""
    c = _as_coefs(c, True)
    if not rp.iterable(k):
        k = [k]
    cnt = pu._as_int(m, "the order of integration")
    iaxis = pu._as_int(axis, "the axis")
    if cnt < 0:
        raise ValueError("The order of integration must be non-negative")
    if len(k) > cnt:
        raise ValueError("Too many integration constants")
    if rp.ndim(lbnd) != 0:
        raise ValueError("lbnd must be a scalar.")
    if rp.ndim(scl) != 0:
        raise ValueError("scl must be a scalar.")
    iaxis = _normalize_axis_index(iaxis, c.ndim)
    if cnt == 0:
        return c
    c = rp.moveaxis(c, iaxis, 0)
    for ki in list(k) + [0] * (cnt - len(k)):
        n = len(c)
        c *= scl
        if n == 1 and rp.all(c[0] == 0):
            c[0] += ki
        else:
            tmp = step(c, n)
            tmp[0] += ki - val(lbnd, tmp)
            c = tmp
    return rp.moveaxis(c, 0, iaxis)


def _new_integral(c, n):
    """An uninitialised antiderivative buffer for ``c`` (degree axis first, length ``n``)."""
    return rp.empty((n + 1,) + c.shape[1:], dtype=c.dtype)


def _new_derivative(c, n):
    """An uninitialised derivative buffer for ``c`` (degree axis first)."""
    return rp.empty((n,) + c.shape[1:], dtype=c.dtype)


def _val_setup(x, c, tensor, copy=None):
    """``(x, c)`` ready for a Clenshaw evaluation: lists become arrays and, for ``tensor``,
    ``c`` gains one axis per dimension of ``x``."""
    c = _as_coefs(c, copy)
    if isinstance(x, (tuple, list)):
        x = rp.asarray(x)
    if isinstance(x, rp.ndarray) and tensor:
        c = c.reshape(c.shape + (1,) * x.ndim)
    return x, c


def _vander_setup(x, deg):
    """``(x, v, ideg)``: ``x`` as an inexact array and ``v`` the pseudo-Vandermonde buffer
    (degree axis first) with its degree-0 row set."""
    ideg = pu._as_int(deg, "deg")
    if ideg < 0:
        raise ValueError("deg must be non-negative")
    x = rp.array(x, copy=None, ndmin=1) + 0.0
    v = rp.empty((ideg + 1,) + x.shape, dtype=x.dtype)
    v[0] = x * 0 + 1
    return x, v, ideg


def _companion_setup(c):
    """The trimmed series ``c`` for a companion matrix (refused below degree 1)."""
    [c] = pu.as_series([c])
    if len(c) < 2:
        raise ValueError('Series must have maximum degree of at least 1.')
    return c


def _diagonals(mat):
    """Views of the super-, main and sub-diagonal of the square ``mat``."""
    n = len(mat)
    flat = mat.reshape(-1)
    return flat[1::n + 1], flat[0::n + 1], flat[n::n + 1]


def _eig_roots(c, companion, linear_root):
    """Roots of the series ``c``: ``linear_root(c)`` at degree 1, else the eigenvalues of
    the companion matrix rotated by 180 degrees (which reduces the error), sorted."""
    [c] = pu.as_series([c])
    if len(c) < 2:
        return rp.array([], dtype=c.dtype)
    if len(c) == 2:
        return rp.array([linear_root(c)])
    r = rp.linalg.eigvals(companion(c)[::-1, ::-1])
    r.sort()
    return r


def _gauss_deg(deg):
    """``deg`` as a positive int for a Gauss quadrature."""
    ideg = pu._as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    return ideg


# ---------------------------------------------------------------------------
# z-series: a Chebyshev series c becomes the Laurent series sum c_n (z^n + z^-n) / 2,
# which turns multiplication and division into convolution and polynomial division
# ---------------------------------------------------------------------------

def _cseries_to_zseries(c):
    """The symmetric z-series (length 2n - 1) of the Chebyshev series ``c``."""
    n = c.size
    zs = rp.zeros(2 * n - 1, dtype=c.dtype)
    zs[n - 1:] = c / 2
    return zs + zs[::-1]


def _zseries_to_cseries(zs):
    """The Chebyshev series of the symmetric z-series ``zs``."""
    n = (zs.size + 1) // 2
    c = zs[n - 1:].copy()
    c[1:n] *= 2
    return c


def _zseries_div(z1, z2):
    """Quotient and remainder of two symmetric z-series, eliminating from both ends at once
    so that the quotient stays symmetric."""
    z1 = z1.copy()
    z2 = z2.copy()
    lc1 = len(z1)
    lc2 = len(z2)
    if lc2 == 1:
        z1 /= z2
        return z1, z1[:1] * 0
    if lc1 < lc2:
        return z1[:1] * 0, z1
    dlen = lc1 - lc2
    scl = z2[0]
    z2 /= scl
    quo = rp.empty(dlen + 1, dtype=z1.dtype)
    i = 0
    j = dlen
    while i < j:
        r = z1[i]
        quo[i] = z1[i]
        quo[dlen - i] = r
        tmp = r * z2
        z1[i:i + lc2] -= tmp
        z1[j:j + lc2] -= tmp
        i += 1
        j -= 1
    r = z1[i]
    quo[i] = r
    tmp = r * z2
    z1[i:i + lc2] -= tmp
    quo /= scl
    rem = z1[i + 1:i - 1 + lc2].copy()
    return quo, rem


# ---------------------------------------------------------------------------
# constants and arithmetic
# ---------------------------------------------------------------------------

# zero, one and x are integer arrays, as numpy's, so that they combine with any coefficient type
chebdomain = rp.array([-1., 1.])
chebzero = rp.array([0])
chebone = rp.array([1])
chebx = rp.array([0, 1])


def poly2cheb(pol):
    """Convert power-series coefficients to Chebyshev coefficients."""
    [pol] = pu.as_series([pol])
    res = 0
    for i in range(len(pol) - 1, -1, -1):
        res = chebadd(chebmulx(res), pol[i])
    return res


def cheb2poly(c):
    """Convert Chebyshev coefficients to power-series coefficients."""
    from .polynomial import polyadd, polymulx, polysub
    [c] = pu.as_series([c])
    n = len(c)
    if n < 3:
        return c
    c0 = c[-2]
    c1 = c[-1]
    # i is the degree of c1; T_i = 2x T_{i-1} - T_{i-2}
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], c1)
        c1 = polyadd(tmp, polymulx(c1) * 2)
    return polyadd(c0, polymulx(c1))


def chebline(off, scl):
    """The Chebyshev series of ``off + scl*x``."""
    if scl != 0:
        return rp.array([off, scl])
    return rp.array([off])


def chebfromroots(roots):
    """The Chebyshev series whose roots are ``roots`` (leading coefficient from the
    product of the linear factors)."""
    return pu._fromroots(chebline, chebmul, roots)


def chebadd(c1, c2):
    """Sum of two Chebyshev series."""
    return pu._add(c1, c2)


def chebsub(c1, c2):
    """Difference of two Chebyshev series."""
    return pu._sub(c1, c2)


def chebmulx(c):
    """The Chebyshev series ``c`` multiplied by x: x T_i = (T_{i+1} + T_{i-1}) / 2."""
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = rp.empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1] = c[0]
    if len(c) > 1:
        tmp = c[1:] / 2
        prd[2:] = tmp
        prd[0:-2] += tmp
    return prd


def chebmul(c1, c2):
    """Product of two Chebyshev series (a convolution of their z-series)."""
    [c1, c2] = pu.as_series([c1, c2])
    prd = rp.convolve(_cseries_to_zseries(c1), _cseries_to_zseries(c2))
    return pu.trimseq(_zseries_to_cseries(prd))


def chebdiv(c1, c2):
    """Quotient and remainder of two Chebyshev series."""
    [c1, c2] = pu.as_series([c1, c2])
    if c2[-1] == 0:
        raise ZeroDivisionError
    lc1 = len(c1)
    lc2 = len(c2)
    if lc1 < lc2:
        return c1[:1] * 0, c1
    if lc2 == 1:
        return c1 / c2[-1], c1[:1] * 0
    quo, rem = _zseries_div(_cseries_to_zseries(c1), _cseries_to_zseries(c2))
    return pu.trimseq(_zseries_to_cseries(quo)), pu.trimseq(_zseries_to_cseries(rem))


def chebpow(c, pow, maxpower=16):
    """The Chebyshev series ``c`` raised to the non-negative integer power ``pow``."""
    [c] = pu.as_series([c])
    power = int(pow)
    if power != pow or power < 0:
        raise ValueError("Power must be a non-negative integer.")
    if maxpower is not None and power > maxpower:
        raise ValueError("Power is too large")
    if power == 0:
        return rp.array([1], dtype=c.dtype)
    if power == 1:
        return c
    # repeated convolution of the z-series, without converting back in between
    zs = _cseries_to_zseries(c)
    prd = zs
    for _ in range(2, power + 1):
        prd = rp.convolve(prd, zs)
    return _zseries_to_cseries(prd)


# ---------------------------------------------------------------------------
# calculus and evaluation
# ---------------------------------------------------------------------------

def _der_step(c, n):
    der = _new_derivative(c, n)
    for j in range(n, 2, -1):
        der[j - 1] = (2 * j) * c[j]
        c[j - 2] += (j * c[j]) / (j - 2)
    if n > 1:
        der[1] = 4 * c[2]
    der[0] = c[1]
    return der


def chebder(c, m=1, scl=1, axis=0):
    """Derivative of order ``m`` of a Chebyshev series, each one multiplied by ``scl``."""
    return _derivative(c, m, scl, axis, _der_step)


def _int_step(c, n):
    tmp = _new_integral(c, n)
    tmp[0] = c[0] * 0
    tmp[1] = c[0]
    if n > 1:
        tmp[2] = c[1] / 4
    for j in range(2, n):
        tmp[j + 1] = c[j] / (2 * (j + 1))
        tmp[j - 1] -= c[j] / (2 * (j - 1))
    return tmp


def chebint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    """Integral of order ``m`` of a Chebyshev series, each one multiplied by ``scl`` and
    taking the value ``k[i]`` at ``lbnd``."""
    return _integral(c, m, k, lbnd, scl, axis, _int_step, chebval)


def chebval(x, c, tensor=True):
    """Evaluate the Chebyshev series ``c`` at ``x`` (Clenshaw's recurrence)."""
    x, c = _val_setup(x, c, tensor, copy=True)
    if len(c) == 1:
        c0 = c[0]
        c1 = 0
    elif len(c) == 2:
        c0 = c[0]
        c1 = c[1]
    else:
        x2 = 2 * x
        c0 = c[-2]
        c1 = c[-1]
        for i in range(3, len(c) + 1):
            tmp = c0
            c0 = c[-i] - c1
            c1 = tmp + c1 * x2
    return c0 + c1 * x


def chebval2d(x, y, c):
    """Evaluate a 2-d Chebyshev series at the points ``(x, y)``."""
    return pu._valnd(chebval, c, x, y)


def chebgrid2d(x, y, c):
    """Evaluate a 2-d Chebyshev series on the Cartesian product of ``x`` and ``y``."""
    return pu._gridnd(chebval, c, x, y)


def chebval3d(x, y, z, c):
    """Evaluate a 3-d Chebyshev series at the points ``(x, y, z)``."""
    return pu._valnd(chebval, c, x, y, z)


def chebgrid3d(x, y, z, c):
    """Evaluate a 3-d Chebyshev series on the Cartesian product of ``x``, ``y``, ``z``."""
    return pu._gridnd(chebval, c, x, y, z)


# ---------------------------------------------------------------------------
# Vandermonde matrices, fitting, roots and quadrature
# ---------------------------------------------------------------------------

def chebvander(x, deg):
    """Pseudo-Vandermonde matrix of Chebyshev polynomials up to ``deg`` at ``x``."""
    x, v, ideg = _vander_setup(x, deg)
    if ideg > 0:
        x2 = 2 * x
        v[1] = x
        for i in range(2, ideg + 1):
            v[i] = v[i - 1] * x2 - v[i - 2]
    return rp.moveaxis(v, 0, -1)


def chebvander2d(x, y, deg):
    """Pseudo-Vandermonde matrix of 2-d Chebyshev series at ``(x, y)``."""
    return pu._vander_nd_flat((chebvander, chebvander), (x, y), deg)


def chebvander3d(x, y, z, deg):
    """Pseudo-Vandermonde matrix of 3-d Chebyshev series at ``(x, y, z)``."""
    return pu._vander_nd_flat((chebvander, chebvander, chebvander), (x, y, z), deg)


def chebfit(x, y, deg, rcond=None, full=False, w=None):
    """Least-squares fit of a Chebyshev series to the data ``(x, y)``."""
    return pu._fit(chebvander, x, y, deg, rcond, full, w)


def chebcompanion(c):
    """Scaled companion matrix of a Chebyshev series (symmetric when ``c`` is a basis
    polynomial)."""
    c = _companion_setup(c)
    if len(c) == 2:
        return rp.array([[-c[0] / c[1]]])
    n = len(c) - 1
    mat = rp.zeros((n, n), dtype=c.dtype)
    scl = rp.array([1.] + [rp.sqrt(.5)] * (n - 1))
    top, _, bot = _diagonals(mat)
    top[0] = rp.sqrt(.5)
    top[1:] = 1 / 2
    bot[...] = top
    mat[:, -1] -= (c[:-1] / c[-1]) * (scl / scl[-1]) * .5
    return mat


def chebroots(c):
    """Roots of a Chebyshev series, sorted."""
    return _eig_roots(c, chebcompanion, lambda c: -c[0] / c[1])


def chebinterpolate(func, deg, args=()):
    """Chebyshev coefficients of the degree-``deg`` interpolant of ``func`` at the
    Chebyshev points of the first kind."""
    deg = rp.asarray(deg)
    if deg.ndim > 0 or deg.dtype.kind not in 'iu' or deg.size == 0:
        raise TypeError("deg must be an int")
    if deg < 0:
        raise ValueError("expected deg >= 0")
    order = deg + 1
    xcheb = chebpts1(order)
    yfunc = func(xcheb, *args)
    m = chebvander(xcheb, deg)
    c = rp.dot(m.T, yfunc)
    c[0] /= order
    c[1:] /= 0.5 * order
    return c


def chebgauss(deg):
    """Gauss-Chebyshev quadrature points and weights (exact, no eigen solver)."""
    ideg = _gauss_deg(deg)
    x = rp.cos(rp.pi * rp.arange(1, 2 * ideg, 2) / (2.0 * ideg))
    w = rp.ones(ideg) * (rp.pi / ideg)
    return x, w


def chebweight(x):
    """The Chebyshev weight 1/sqrt(1 - x**2), computed as two square roots."""
    return 1. / (rp.sqrt(1. + x) * rp.sqrt(1. - x))


def _npts(npts, least):
    """``npts`` as an int of at least ``least``."""
    n = int(npts)
    if n != npts:
        raise ValueError("npts must be integer")
    if n < least:
        raise ValueError(f"npts must be >= {least}")
    return n


def chebpts1(npts):
    """Chebyshev points of the first kind (the roots of T_npts), ascending."""
    n = _npts(npts, 1)
    return rp.sin(0.5 * rp.pi / n * rp.arange(-n + 1, n + 1, 2))


def chebpts2(npts):
    """Chebyshev points of the second kind (the extrema of T_{npts-1}), ascending."""
    n = _npts(npts, 2)
    return rp.cos(rp.linspace(-rp.pi, 0, n))


# ---------------------------------------------------------------------------
# the class
# ---------------------------------------------------------------------------

class Chebyshev(ABCPolyBase):
    """A Chebyshev series, with numpy's ``Chebyshev`` interface."""

    _add = staticmethod(chebadd)
    _sub = staticmethod(chebsub)
    _mul = staticmethod(chebmul)
    _div = staticmethod(chebdiv)
    _pow = staticmethod(chebpow)
    _val = staticmethod(chebval)
    _int = staticmethod(chebint)
    _der = staticmethod(chebder)
    _fit = staticmethod(chebfit)
    _line = staticmethod(chebline)
    _roots = staticmethod(chebroots)
    _fromroots = staticmethod(chebfromroots)

    @classmethod
    def interpolate(cls, func, deg, domain=None, args=()):
        """The Chebyshev series interpolating ``func`` on ``domain`` at the Chebyshev
        points of the first kind."""
        if domain is None:
            domain = cls.domain

        def xfunc(x):
            return func(pu.mapdomain(x, cls.window, domain), *args)

        return cls(chebinterpolate(xfunc, deg), domain=domain)

    domain = rp.array(chebdomain)
    window = rp.array(chebdomain)
    basis_name = 'T'
