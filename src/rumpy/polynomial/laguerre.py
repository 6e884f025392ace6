"""``rumpy.polynomial.laguerre``, as ``numpy.polynomial.laguerre``: series of Laguerre
polynomials L_n."""

import rumpy as rp

from . import polyutils as pu
from ._polybase import ABCPolyBase
from .chebyshev import (
    _companion_setup, _derivative, _diagonals, _eig_roots, _gauss_deg, _integral,
    _new_derivative, _new_integral, _val_setup, _vander_setup)

__all__ = [
    'lagzero', 'lagone', 'lagx', 'lagdomain', 'lagline', 'lagadd',
    'lagsub', 'lagmulx', 'lagmul', 'lagdiv', 'lagpow', 'lagval', 'lagder',
    'lagint', 'lag2poly', 'poly2lag', 'lagfromroots', 'lagvander',
    'lagfit', 'lagtrim', 'lagroots', 'Laguerre', 'lagval2d', 'lagval3d',
    'laggrid2d', 'laggrid3d', 'lagvander2d', 'lagvander3d', 'lagcompanion',
    'laggauss', 'lagweight']

lagtrim = pu.trimcoef

# zero, one and x are integer arrays, as numpy's, so that they combine with any coefficient type
lagdomain = rp.array([0., 1.])
lagzero = rp.array([0])
lagone = rp.array([1])
lagx = rp.array([1, -1])


def poly2lag(pol):
    """Convert power-series coefficients to Laguerre coefficients."""
    [pol] = pu.as_series([pol])
    res = 0
    for p in pol[::-1]:
        res = lagadd(lagmulx(res), p)
    return res


def lag2poly(c):
    """Convert Laguerre coefficients to power-series coefficients."""
    from .polynomial import polyadd, polymulx, polysub
    [c] = pu.as_series([c])
    n = len(c)
    if n == 1:
        return c
    c0 = c[-2]
    c1 = c[-1]
    # i is the degree of c1; i L_i = (2i - 1 - x) L_{i-1} - (i - 1) L_{i-2}
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], (c1 * (i - 1)) / i)
        c1 = polyadd(tmp, polysub((2 * i - 1) * c1, polymulx(c1)) / i)
    return polyadd(c0, polysub(c1, polymulx(c1)))


def lagline(off, scl):
    """The Laguerre series of ``off + scl*x``."""
    if scl != 0:
        return rp.array([off + scl, -scl])
    return rp.array([off])


def lagfromroots(roots):
    """The Laguerre series whose roots are ``roots``."""
    return pu._fromroots(lagline, lagmul, roots)


def lagadd(c1, c2):
    """Sum of two Laguerre series."""
    return pu._add(c1, c2)


def lagsub(c1, c2):
    """Difference of two Laguerre series."""
    return pu._sub(c1, c2)


def lagmulx(c):
    """The Laguerre series ``c`` multiplied by x:
    x L_i = -(i + 1) L_{i+1} + (2i + 1) L_i - i L_{i-1}."""
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = rp.empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0]
    prd[1] = -c[0]
    for i in range(1, len(c)):
        prd[i + 1] = -c[i] * (i + 1)
        prd[i] += c[i] * (2 * i + 1)
        prd[i - 1] -= c[i] * i
    return prd


def lagmul(c1, c2):
    """Product of two Laguerre series (Clenshaw's recurrence over the shorter one)."""
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
            c0 = lagsub(c[-i] * xs, (c1 * (nd - 1)) / nd)
            c1 = lagadd(tmp, lagsub((2 * nd - 1) * c1, lagmulx(c1)) / nd)
    return lagadd(c0, lagsub(c1, lagmulx(c1)))


def lagdiv(c1, c2):
    """Quotient and remainder of two Laguerre series."""
    return pu._div(lagmul, c1, c2)


def lagpow(c, pow, maxpower=16):
    """The Laguerre series ``c`` raised to the non-negative integer power ``pow``."""
    return pu._pow(lagmul, c, pow, maxpower)


def _der_step(c, n):
    der = _new_derivative(c, n)
    for j in range(n, 1, -1):
        der[j - 1] = -c[j]
        c[j - 1] += c[j]
    der[0] = -c[1]
    return der


def lagder(c, m=1, scl=1, axis=0):
    """Derivative of order ``m`` of a Laguerre series, each one multiplied by ``scl``."""
    return _derivative(c, m, scl, axis, _der_step)


def _int_step(c, n):
    tmp = _new_integral(c, n)
    tmp[0] = c[0]
    tmp[1] = -c[0]
    for j in range(1, n):
        tmp[j] += c[j]
        tmp[j + 1] = -c[j]
    return tmp


def lagint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    """Integral of order ``m`` of a Laguerre series, each one multiplied by ``scl`` and
    taking the value ``k[i]`` at ``lbnd``."""
    return _integral(c, m, k, lbnd, scl, axis, _int_step, lagval)


def lagval(x, c, tensor=True):
    """Evaluate the Laguerre series ``c`` at ``x`` (Clenshaw's recurrence)."""
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
            c0 = c[-i] - (c1 * (nd - 1)) / nd
            c1 = tmp + (c1 * ((2 * nd - 1) - x)) / nd
    return c0 + c1 * (1 - x)


def lagval2d(x, y, c):
    """Evaluate a 2-d Laguerre series at the points ``(x, y)``."""
    return pu._valnd(lagval, c, x, y)


def laggrid2d(x, y, c):
    """Evaluate a 2-d Laguerre series on the Cartesian product of ``x`` and ``y``."""
    return pu._gridnd(lagval, c, x, y)


def lagval3d(x, y, z, c):
    """Evaluate a 3-d Laguerre series at the points ``(x, y, z)``."""
    return pu._valnd(lagval, c, x, y, z)


def laggrid3d(x, y, z, c):
    """Evaluate a 3-d Laguerre series on the Cartesian product of ``x``, ``y``, ``z``."""
    return pu._gridnd(lagval, c, x, y, z)


def lagvander(x, deg):
    """Pseudo-Vandermonde matrix of Laguerre polynomials up to ``deg`` at ``x``."""
    x, v, ideg = _vander_setup(x, deg)
    if ideg > 0:
        v[1] = 1 - x
        for i in range(2, ideg + 1):
            v[i] = (v[i - 1] * (2 * i - 1 - x) - v[i - 2] * (i - 1)) / i
    return rp.moveaxis(v, 0, -1)


def lagvander2d(x, y, deg):
    """Pseudo-Vandermonde matrix of 2-d Laguerre series at ``(x, y)``."""
    return pu._vander_nd_flat((lagvander, lagvander), (x, y), deg)


def lagvander3d(x, y, z, deg):
    """Pseudo-Vandermonde matrix of 3-d Laguerre series at ``(x, y, z)``."""
    return pu._vander_nd_flat((lagvander, lagvander, lagvander), (x, y, z), deg)


def lagfit(x, y, deg, rcond=None, full=False, w=None):
    """Least-squares fit of a Laguerre series to the data ``(x, y)``."""
    return pu._fit(lagvander, x, y, deg, rcond, full, w)


def lagcompanion(c):
    """Companion matrix of a Laguerre series (symmetric when ``c`` is a basis
    polynomial)."""
    c = _companion_setup(c)
    if len(c) == 2:
        return rp.array([[1 + c[0] / c[1]]])
    n = len(c) - 1
    mat = rp.zeros((n, n), dtype=c.dtype)
    top, mid, bot = _diagonals(mat)
    top[...] = -rp.arange(1, n)
    mid[...] = 2. * rp.arange(n) + 1.
    bot[...] = top
    mat[:, -1] += (c[:-1] / c[-1]) * n
    return mat


def lagroots(c):
    """Roots of a Laguerre series, sorted."""
    return _eig_roots(c, lagcompanion, lambda c: 1 + c[0] / c[1])


def laggauss(deg):
    """Gauss-Laguerre quadrature points and weights: eigenvalues of the symmetric companion
    matrix, polished by one Newton step."""
    _gauss_deg(deg)
    c = rp.array([0] * deg + [1])
    x = rp.linalg.eigvalsh(lagcompanion(c))
    dy = lagval(x, c)
    df = lagval(x, lagder(c))
    x -= dy / df
    # both factors of the weight are scaled to avoid overflow; the sum fixes the scale
    fm = lagval(x, c[1:])
    fm /= rp.abs(fm).max()
    df /= rp.abs(df).max()
    w = 1 / (fm * df)
    w /= w.sum()
    return x, w


def lagweight(x):
    """The Laguerre weight function, exp(-x)."""
    return rp.exp(-x)


class Laguerre(ABCPolyBase):
    """A Laguerre series, with numpy's ``Laguerre`` interface."""

    _add = staticmethod(lagadd)
    _sub = staticmethod(lagsub)
    _mul = staticmethod(lagmul)
    _div = staticmethod(lagdiv)
    _pow = staticmethod(lagpow)
    _val = staticmethod(lagval)
    _int = staticmethod(lagint)
    _der = staticmethod(lagder)
    _fit = staticmethod(lagfit)
    _line = staticmethod(lagline)
    _roots = staticmethod(lagroots)
    _fromroots = staticmethod(lagfromroots)

    domain = rp.array(lagdomain)
    window = rp.array(lagdomain)
    basis_name = 'L'
