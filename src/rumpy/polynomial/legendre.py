"""``rumpy.polynomial.legendre``, as ``numpy.polynomial.legendre``: series of Legendre
polynomials P_n."""

import rumpy as rp

from . import polyutils as pu
from ._polybase import ABCPolyBase
from .chebyshev import (
    _companion_setup, _derivative, _diagonals, _eig_roots, _gauss_deg, _integral,
    _new_derivative, _new_integral, _val_setup, _vander_setup)

__all__ = [
    'legzero', 'legone', 'legx', 'legdomain', 'legline', 'legadd',
    'legsub', 'legmulx', 'legmul', 'legdiv', 'legpow', 'legval', 'legder',
    'legint', 'leg2poly', 'poly2leg', 'legfromroots', 'legvander',
    'legfit', 'legtrim', 'legroots', 'Legendre', 'legval2d', 'legval3d',
    'leggrid2d', 'leggrid3d', 'legvander2d', 'legvander3d', 'legcompanion',
    'leggauss', 'legweight']

legtrim = pu.trimcoef

# zero, one and x are integer arrays, as numpy's, so that they combine with any coefficient type
legdomain = rp.array([-1., 1.])
legzero = rp.array([0])
legone = rp.array([1])
legx = rp.array([0, 1])


def poly2leg(pol):
    """Convert power-series coefficients to Legendre coefficients."""
    [pol] = pu.as_series([pol])
    res = 0
    for i in range(len(pol) - 1, -1, -1):
        res = legadd(legmulx(res), pol[i])
    return res


def leg2poly(c):
    """Convert Legendre coefficients to power-series coefficients."""
    from .polynomial import polyadd, polymulx, polysub
    [c] = pu.as_series([c])
    n = len(c)
    if n < 3:
        return c
    c0 = c[-2]
    c1 = c[-1]
    # i is the degree of c1; i P_i = (2i - 1) x P_{i-1} - (i - 1) P_{i-2}
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], (c1 * (i - 1)) / i)
        c1 = polyadd(tmp, (polymulx(c1) * (2 * i - 1)) / i)
    return polyadd(c0, polymulx(c1))


def legline(off, scl):
    """The Legendre series of ``off + scl*x``."""
    if scl != 0:
        return rp.array([off, scl])
    return rp.array([off])


def legfromroots(roots):
    """The Legendre series whose roots are ``roots``."""
    return pu._fromroots(legline, legmul, roots)


def legadd(c1, c2):
    """Sum of two Legendre series."""
    return pu._add(c1, c2)


def legsub(c1, c2):
    """Difference of two Legendre series."""
    return pu._sub(c1, c2)


def legmulx(c):
    """The Legendre series ``c`` multiplied by x:
    x P_i = ((i + 1) P_{i+1} + i P_{i-1}) / (2i + 1)."""
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = rp.empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1] = c[0]
    for i in range(1, len(c)):
        j = i + 1
        s = i + j
        prd[j] = (c[i] * j) / s
        prd[i - 1] += (c[i] * i) / s
    return prd


def legmul(c1, c2):
    """Product of two Legendre series (Clenshaw's recurrence over the shorter one)."""
    [c1, c2] = pu.as_series([c1, c2])
    c, xs = (c2, c1) if len(c1) > len(c2) else (c1, c2)
    if len(c) == 1:
        c0 = c[0] * xs
        c1 = 0
    elif len(c) == 2:
        c0 = c[0] * xs
        c1 = c[1] * xs
    else:
        nd = len(c)
        c0 = c[-2] * xs
        c1 = c[-1] * xs
        for i in range(3, len(c) + 1):
            tmp = c0
            nd = nd - 1
            c0 = legsub(c[-i] * xs, (c1 * (nd - 1)) / nd)
            c1 = legadd(tmp, (legmulx(c1) * (2 * nd - 1)) / nd)
    return legadd(c0, legmulx(c1))


def legdiv(c1, c2):
    """Quotient and remainder of two Legendre series."""
    return pu._div(legmul, c1, c2)


def legpow(c, pow, maxpower=16):
    """The Legendre series ``c`` raised to the non-negative integer power ``pow``."""
    return pu._pow(legmul, c, pow, maxpower)


def _der_step(c, n):
    der = _new_derivative(c, n)
    for j in range(n, 2, -1):
        der[j - 1] = (2 * j - 1) * c[j]
        c[j - 2] += c[j]
    if n > 1:
        der[1] = 3 * c[2]
    der[0] = c[1]
    return der


def legder(c, m=1, scl=1, axis=0):
    """Derivative of order ``m`` of a Legendre series, each one multiplied by ``scl``."""
    return _derivative(c, m, scl, axis, _der_step)


def _int_step(c, n):
    tmp = _new_integral(c, n)
    tmp[0] = c[0] * 0
    tmp[1] = c[0]
    if n > 1:
        tmp[2] = c[1] / 3
    for j in range(2, n):
        t = c[j] / (2 * j + 1)
        tmp[j + 1] = t
        tmp[j - 1] -= t
    return tmp


def legint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    """Integral of order ``m`` of a Legendre series, each one multiplied by ``scl`` and
    taking the value ``k[i]`` at ``lbnd``."""
    return _integral(c, m, k, lbnd, scl, axis, _int_step, legval)


def legval(x, c, tensor=True):
    """Evaluate the Legendre series ``c`` at ``x`` (Clenshaw's recurrence)."""
    x, c = _val_setup(x, c, tensor)
    if len(c) == 1:
        c0 = c[0]
        c1 = 0
    elif len(c) == 2:
        c0 = c[0]
        c1 = c[1]
    else:
        nd = len(c)
        c0 = c[-2]
        c1 = c[-1]
        for i in range(3, len(c) + 1):
            tmp = c0
            nd = nd - 1
            c0 = c[-i] - c1 * ((nd - 1) / nd)
            c1 = tmp + c1 * x * ((2 * nd - 1) / nd)
    return c0 + c1 * x


def legval2d(x, y, c):
    """Evaluate a 2-d Legendre series at the points ``(x, y)``."""
    return pu._valnd(legval, c, x, y)


def leggrid2d(x, y, c):
    """Evaluate a 2-d Legendre series on the Cartesian product of ``x`` and ``y``."""
    return pu._gridnd(legval, c, x, y)


def legval3d(x, y, z, c):
    """Evaluate a 3-d Legendre series at the points ``(x, y, z)``."""
    return pu._valnd(legval, c, x, y, z)


def leggrid3d(x, y, z, c):
    """Evaluate a 3-d Legendre series on the Cartesian product of ``x``, ``y``, ``z``."""
    return pu._gridnd(legval, c, x, y, z)


def legvander(x, deg):
    """Pseudo-Vandermonde matrix of Legendre polynomials up to ``deg`` at ``x``."""
    x, v, ideg = _vander_setup(x, deg)
    if ideg > 0:
        v[1] = x
        for i in range(2, ideg + 1):
            v[i] = (v[i - 1] * x * (2 * i - 1) - v[i - 2] * (i - 1)) / i
    return rp.moveaxis(v, 0, -1)


def legvander2d(x, y, deg):
    """Pseudo-Vandermonde matrix of 2-d Legendre series at ``(x, y)``."""
    return pu._vander_nd_flat((legvander, legvander), (x, y), deg)


def legvander3d(x, y, z, deg):
    """Pseudo-Vandermonde matrix of 3-d Legendre series at ``(x, y, z)``."""
    return pu._vander_nd_flat((legvander, legvander, legvander), (x, y, z), deg)


def legfit(x, y, deg, rcond=None, full=False, w=None):
    """Least-squares fit of a Legendre series to the data ``(x, y)``."""
    return pu._fit(legvander, x, y, deg, rcond, full, w)


def legcompanion(c):
    """Scaled companion matrix of a Legendre series (symmetric when ``c`` is a basis
    polynomial)."""
    c = _companion_setup(c)
    if len(c) == 2:
        return rp.array([[-c[0] / c[1]]])
    n = len(c) - 1
    mat = rp.zeros((n, n), dtype=c.dtype)
    scl = 1. / rp.sqrt(2 * rp.arange(n) + 1)
    top, _, bot = _diagonals(mat)
    top[...] = rp.arange(1, n) * scl[:n - 1] * scl[1:n]
    bot[...] = top
    mat[:, -1] -= (c[:-1] / c[-1]) * (scl / scl[-1]) * (n / (2 * n - 1))
    return mat


def legroots(c):
    """Roots of a Legendre series, sorted."""
    return _eig_roots(c, legcompanion, lambda c: -c[0] / c[1])


def leggauss(deg):
    """Gauss-Legendre quadrature points and weights: eigenvalues of the symmetric companion
    matrix, polished by one Newton step, then symmetrized."""
    _gauss_deg(deg)
    c = rp.array([0] * deg + [1])
    x = rp.linalg.eigvalsh(legcompanion(c))
    dy = legval(x, c)
    df = legval(x, legder(c))
    x -= dy / df
    # both factors of the weight are scaled to avoid overflow; the sum fixes the scale
    fm = legval(x, c[1:])
    fm /= rp.abs(fm).max()
    df /= rp.abs(df).max()
    w = 1 / (fm * df)
    w = (w + w[::-1]) / 2
    x = (x - x[::-1]) / 2
    w *= 2. / w.sum()
    return x, w


def legweight(x):
    """The Legendre weight function, 1."""
    return x * 0.0 + 1.0


class Legendre(ABCPolyBase):
    """A Legendre series, with numpy's ``Legendre`` interface."""

    _add = staticmethod(legadd)
    _sub = staticmethod(legsub)
    _mul = staticmethod(legmul)
    _div = staticmethod(legdiv)
    _pow = staticmethod(legpow)
    _val = staticmethod(legval)
    _int = staticmethod(legint)
    _der = staticmethod(legder)
    _fit = staticmethod(legfit)
    _line = staticmethod(legline)
    _roots = staticmethod(legroots)
    _fromroots = staticmethod(legfromroots)

    domain = rp.array(legdomain)
    window = rp.array(legdomain)
    basis_name = 'P'
