"""``rumpy.polynomial.hermite``, as ``numpy.polynomial.hermite``: series of physicists'
Hermite polynomials H_n."""

import rumpy as rp

from . import polyutils as pu
from ._polybase import ABCPolyBase
from .chebyshev import (
    _companion_setup, _derivative, _diagonals, _eig_roots, _gauss_deg, _integral,
    _new_derivative, _new_integral, _val_setup, _vander_setup)

__all__ = [
    'hermzero', 'hermone', 'hermx', 'hermdomain', 'hermline', 'hermadd',
    'hermsub', 'hermmulx', 'hermmul', 'hermdiv', 'hermpow', 'hermval',
    'hermder', 'hermint', 'herm2poly', 'poly2herm', 'hermfromroots',
    'hermvander', 'hermfit', 'hermtrim', 'hermroots', 'Hermite',
    'hermval2d', 'hermval3d', 'hermgrid2d', 'hermgrid3d', 'hermvander2d',
    'hermvander3d', 'hermcompanion', 'hermgauss', 'hermweight']

hermtrim = pu.trimcoef

# zero and one are integer arrays, as numpy's, so that they combine with any coefficient type
hermdomain = rp.array([-1., 1.])
hermzero = rp.array([0])
hermone = rp.array([1])
hermx = rp.array([0, 1 / 2])


def poly2herm(pol):
    """Convert power-series coefficients to Hermite coefficients."""
    [pol] = pu.as_series([pol])
    res = 0
    for i in range(len(pol) - 1, -1, -1):
        res = hermadd(hermmulx(res), pol[i])
    return res


def herm2poly(c):
    """Convert Hermite coefficients to power-series coefficients."""
    from .polynomial import polyadd, polymulx, polysub
    [c] = pu.as_series([c])
    n = len(c)
    if n == 1:
        return c
    if n == 2:
        c[1] *= 2
        return c
    c0 = c[-2]
    c1 = c[-1]
    # i is the degree of c1; H_i = 2x H_{i-1} - 2(i - 1) H_{i-2}
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], c1 * (2 * (i - 1)))
        c1 = polyadd(tmp, polymulx(c1) * 2)
    return polyadd(c0, polymulx(c1) * 2)


def hermline(off, scl):
    """The Hermite series of ``off + scl*x``."""
    if scl != 0:
        return rp.array([off, scl / 2])
    return rp.array([off])


def hermfromroots(roots):
    """The Hermite series whose roots are ``roots``."""
    return pu._fromroots(hermline, hermmul, roots)


def hermadd(c1, c2):
    """Sum of two Hermite series."""
    return pu._add(c1, c2)


def hermsub(c1, c2):
    """Difference of two Hermite series."""
    return pu._sub(c1, c2)


def hermmulx(c):
    """The Hermite series ``c`` multiplied by x: x H_i = H_{i+1} / 2 + i H_{i-1}."""
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = rp.empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1] = c[0] / 2
    for i in range(1, len(c)):
        prd[i + 1] = c[i] / 2
        prd[i - 1] += c[i] * i
    return prd


def hermmul(c1, c2):
    """Product of two Hermite series (Clenshaw's recurrence over the shorter one)."""
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
            c0 = hermsub(c[-i] * xs, c1 * (2 * (nd - 1)))
            c1 = hermadd(tmp, hermmulx(c1) * 2)
    return hermadd(c0, hermmulx(c1) * 2)


def hermdiv(c1, c2):
    """Quotient and remainder of two Hermite series."""
    return pu._div(hermmul, c1, c2)


def hermpow(c, pow, maxpower=16):
    """The Hermite series ``c`` raised to the non-negative integer power ``pow``."""
    return pu._pow(hermmul, c, pow, maxpower)


def _der_step(c, n):
    der = _new_derivative(c, n)
    for j in range(n, 0, -1):
        der[j - 1] = (2 * j) * c[j]
    return der


def hermder(c, m=1, scl=1, axis=0):
    """Derivative of order ``m`` of a Hermite series, each one multiplied by ``scl``."""
    return _derivative(c, m, scl, axis, _der_step)


def _int_step(c, n):
    tmp = _new_integral(c, n)
    tmp[0] = c[0] * 0
    tmp[1] = c[0] / 2
    for j in range(1, n):
        tmp[j + 1] = c[j] / (2 * (j + 1))
    return tmp


def hermint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    """Integral of order ``m`` of a Hermite series, each one multiplied by ``scl`` and
    taking the value ``k[i]`` at ``lbnd``."""
    return _integral(c, m, k, lbnd, scl, axis, _int_step, hermval)


def hermval(x, c, tensor=True):
    """Evaluate the Hermite series ``c`` at ``x`` (Clenshaw's recurrence)."""
    x, c = _val_setup(x, c, tensor)
    x2 = x * 2
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
            c0 = c[-i] - c1 * (2 * (nd - 1))
            c1 = tmp + c1 * x2
    return c0 + c1 * x2


def hermval2d(x, y, c):
    """Evaluate a 2-d Hermite series at the points ``(x, y)``."""
    return pu._valnd(hermval, c, x, y)


def hermgrid2d(x, y, c):
    """Evaluate a 2-d Hermite series on the Cartesian product of ``x`` and ``y``."""
    return pu._gridnd(hermval, c, x, y)


def hermval3d(x, y, z, c):
    """Evaluate a 3-d Hermite series at the points ``(x, y, z)``."""
    return pu._valnd(hermval, c, x, y, z)


def hermgrid3d(x, y, z, c):
    """Evaluate a 3-d Hermite series on the Cartesian product of ``x``, ``y``, ``z``."""
    return pu._gridnd(hermval, c, x, y, z)


def hermvander(x, deg):
    """Pseudo-Vandermonde matrix of Hermite polynomials up to ``deg`` at ``x``."""
    x, v, ideg = _vander_setup(x, deg)
    if ideg > 0:
        x2 = x * 2
        v[1] = x2
        for i in range(2, ideg + 1):
            v[i] = (v[i - 1] * x2 - v[i - 2] * (2 * (i - 1)))
    return rp.moveaxis(v, 0, -1)


def hermvander2d(x, y, deg):
    """Pseudo-Vandermonde matrix of 2-d Hermite series at ``(x, y)``."""
    return pu._vander_nd_flat((hermvander, hermvander), (x, y), deg)


def hermvander3d(x, y, z, deg):
    """Pseudo-Vandermonde matrix of 3-d Hermite series at ``(x, y, z)``."""
    return pu._vander_nd_flat((hermvander, hermvander, hermvander), (x, y, z), deg)


def hermfit(x, y, deg, rcond=None, full=False, w=None):
    """Least-squares fit of a Hermite series to the data ``(x, y)``."""
    return pu._fit(hermvander, x, y, deg, rcond, full, w)


def hermcompanion(c):
    """Scaled companion matrix of a Hermite series (symmetric when ``c`` is a basis
    polynomial)."""
    c = _companion_setup(c)
    if len(c) == 2:
        return rp.array([[-.5 * c[0] / c[1]]])
    n = len(c) - 1
    mat = rp.zeros((n, n), dtype=c.dtype)
    scl = rp.hstack((1., 1. / rp.sqrt(2. * rp.arange(n - 1, 0, -1))))
    scl = rp.multiply.accumulate(scl)[::-1]
    top, _, bot = _diagonals(mat)
    top[...] = rp.sqrt(.5 * rp.arange(1, n))
    bot[...] = top
    mat[:, -1] -= scl * c[:-1] / (2.0 * c[-1])
    return mat


def hermroots(c):
    """Roots of a Hermite series, sorted."""
    return _eig_roots(c, hermcompanion, lambda c: -.5 * c[0] / c[1])


def _normed_hermite_n(x, n):
    """The normalised Hermite function of degree ``n`` at ``x`` (stays finite for large
    ``n``, unlike H_n)."""
    if n == 0:
        return rp.full(x.shape, 1 / rp.sqrt(rp.sqrt(rp.pi)))
    c0 = 0.
    c1 = 1. / rp.sqrt(rp.sqrt(rp.pi))
    nd = float(n)
    for _ in range(n - 1):
        tmp = c0
        c0 = -c1 * rp.sqrt((nd - 1.) / nd)
        c1 = tmp + c1 * x * rp.sqrt(2. / nd)
        nd = nd - 1.0
    return c0 + c1 * x * rp.sqrt(2)


def hermgauss(deg):
    """Gauss-Hermite quadrature points and weights: eigenvalues of the symmetric companion
    matrix, polished by one Newton step on the normalised functions, then symmetrized."""
    ideg = _gauss_deg(deg)
    c = rp.array([0] * deg + [1], dtype=rp.float64)
    x = rp.linalg.eigvalsh(hermcompanion(c))
    dy = _normed_hermite_n(x, ideg)
    df = _normed_hermite_n(x, ideg - 1) * rp.sqrt(2 * ideg)
    x -= dy / df
    # scaled to avoid overflow; the sum fixes the scale
    fm = _normed_hermite_n(x, ideg - 1)
    fm /= rp.abs(fm).max()
    w = 1 / (fm * fm)
    w = (w + w[::-1]) / 2
    x = (x - x[::-1]) / 2
    w *= rp.sqrt(rp.pi) / w.sum()
    return x, w


def hermweight(x):
    """The Hermite weight function, exp(-x**2)."""
    return rp.exp(-x**2)


class Hermite(ABCPolyBase):
    """A Hermite series, with numpy's ``Hermite`` interface."""

    _add = staticmethod(hermadd)
    _sub = staticmethod(hermsub)
    _mul = staticmethod(hermmul)
    _div = staticmethod(hermdiv)
    _pow = staticmethod(hermpow)
    _val = staticmethod(hermval)
    _int = staticmethod(hermint)
    _der = staticmethod(hermder)
    _fit = staticmethod(hermfit)
    _line = staticmethod(hermline)
    _roots = staticmethod(hermroots)
    _fromroots = staticmethod(hermfromroots)

    domain = rp.array(hermdomain)
    window = rp.array(hermdomain)
    basis_name = 'H'
