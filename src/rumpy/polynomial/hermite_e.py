"""``rumpy.polynomial.hermite_e``, as ``numpy.polynomial.hermite_e``: series of probabilists'
Hermite polynomials He_n."""

import rumpy as rp

from . import polyutils as pu
from ._polybase import ABCPolyBase
from .chebyshev import (
    _companion_setup, _derivative, _diagonals, _eig_roots, _gauss_deg, _integral,
    _new_derivative, _new_integral, _val_setup, _vander_setup)

__all__ = [
    'hermezero', 'hermeone', 'hermex', 'hermedomain', 'hermeline', 'hermeadd',
    'hermesub', 'hermemulx', 'hermemul', 'hermediv', 'hermepow', 'hermeval',
    'hermeder', 'hermeint', 'herme2poly', 'poly2herme', 'hermefromroots',
    'hermevander', 'hermefit', 'hermetrim', 'hermeroots', 'HermiteE',
    'hermeval2d', 'hermeval3d', 'hermegrid2d', 'hermegrid3d', 'hermevander2d',
    'hermevander3d', 'hermecompanion', 'hermegauss', 'hermeweight']

hermetrim = pu.trimcoef

# zero, one and x are integer arrays, as numpy's, so that they combine with any coefficient type
hermedomain = rp.array([-1., 1.])
hermezero = rp.array([0])
hermeone = rp.array([1])
hermex = rp.array([0, 1])


def poly2herme(pol):
    """Convert power-series coefficients to HermiteE coefficients."""
    [pol] = pu.as_series([pol])
    res = 0
    for i in range(len(pol) - 1, -1, -1):
        res = hermeadd(hermemulx(res), pol[i])
    return res


def herme2poly(c):
    """Convert HermiteE coefficients to power-series coefficients."""
    from .polynomial import polyadd, polymulx, polysub
    [c] = pu.as_series([c])
    n = len(c)
    if n < 3:
        return c
    c0 = c[-2]
    c1 = c[-1]
    # i is the degree of c1; He_i = x He_{i-1} - (i - 1) He_{i-2}
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], c1 * (i - 1))
        c1 = polyadd(tmp, polymulx(c1))
    return polyadd(c0, polymulx(c1))


def hermeline(off, scl):
    """The HermiteE series of ``off + scl*x``."""
    if scl != 0:
        return rp.array([off, scl])
    return rp.array([off])


def hermefromroots(roots):
    """The HermiteE series whose roots are ``roots``."""
    return pu._fromroots(hermeline, hermemul, roots)


def hermeadd(c1, c2):
    """Sum of two HermiteE series."""
    return pu._add(c1, c2)


def hermesub(c1, c2):
    """Difference of two HermiteE series."""
    return pu._sub(c1, c2)


def hermemulx(c):
    """The HermiteE series ``c`` multiplied by x: x He_i = He_{i+1} + i He_{i-1}."""
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = rp.empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1] = c[0]
    for i in range(1, len(c)):
        prd[i + 1] = c[i]
        prd[i - 1] += c[i] * i
    return prd


def hermemul(c1, c2):
    """Product of two HermiteE series (Clenshaw's recurrence over the shorter one)."""
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
            c0 = hermesub(c[-i] * xs, c1 * (nd - 1))
            c1 = hermeadd(tmp, hermemulx(c1))
    return hermeadd(c0, hermemulx(c1))


def hermediv(c1, c2):
    """Quotient and remainder of two HermiteE series."""
    return pu._div(hermemul, c1, c2)


def hermepow(c, pow, maxpower=16):
    """The HermiteE series ``c`` raised to the non-negative integer power ``pow``."""
    return pu._pow(hermemul, c, pow, maxpower)


def _der_step(c, n):
    der = _new_derivative(c, n)
    for j in range(n, 0, -1):
        der[j - 1] = j * c[j]
    return der


def hermeder(c, m=1, scl=1, axis=0):
    """Derivative of order ``m`` of a HermiteE series, each one multiplied by ``scl``."""
    # numpy returns the zero series of a too-high order with the degree axis first
    return _derivative(c, m, scl, axis, _der_step, moveback_zero=False)


def _int_step(c, n):
    tmp = _new_integral(c, n)
    tmp[0] = c[0] * 0
    tmp[1] = c[0]
    for j in range(1, n):
        tmp[j + 1] = c[j] / (j + 1)
    return tmp


def hermeint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    """Integral of order ``m`` of a HermiteE series, each one multiplied by ``scl`` and
    taking the value ``k[i]`` at ``lbnd``."""
    return _integral(c, m, k, lbnd, scl, axis, _int_step, hermeval)


def hermeval(x, c, tensor=True):
    """Evaluate the HermiteE series ``c`` at ``x`` (Clenshaw's recurrence)."""
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
            c0 = c[-i] - c1 * (nd - 1)
            c1 = tmp + c1 * x
    return c0 + c1 * x


def hermeval2d(x, y, c):
    """Evaluate a 2-d HermiteE series at the points ``(x, y)``."""
    return pu._valnd(hermeval, c, x, y)


def hermegrid2d(x, y, c):
    """Evaluate a 2-d HermiteE series on the Cartesian product of ``x`` and ``y``."""
    return pu._gridnd(hermeval, c, x, y)


def hermeval3d(x, y, z, c):
    """Evaluate a 3-d HermiteE series at the points ``(x, y, z)``."""
    return pu._valnd(hermeval, c, x, y, z)


def hermegrid3d(x, y, z, c):
    """Evaluate a 3-d HermiteE series on the Cartesian product of ``x``, ``y``, ``z``."""
    return pu._gridnd(hermeval, c, x, y, z)


def hermevander(x, deg):
    """Pseudo-Vandermonde matrix of HermiteE polynomials up to ``deg`` at ``x``."""
    x, v, ideg = _vander_setup(x, deg)
    if ideg > 0:
        v[1] = x
        for i in range(2, ideg + 1):
            v[i] = (v[i - 1] * x - v[i - 2] * (i - 1))
    return rp.moveaxis(v, 0, -1)


def hermevander2d(x, y, deg):
    """Pseudo-Vandermonde matrix of 2-d HermiteE series at ``(x, y)``."""
    return pu._vander_nd_flat((hermevander, hermevander), (x, y), deg)


def hermevander3d(x, y, z, deg):
    """Pseudo-Vandermonde matrix of 3-d HermiteE series at ``(x, y, z)``."""
    return pu._vander_nd_flat((hermevander, hermevander, hermevander), (x, y, z), deg)


def hermefit(x, y, deg, rcond=None, full=False, w=None):
    """Least-squares fit of a HermiteE series to the data ``(x, y)``."""
    return pu._fit(hermevander, x, y, deg, rcond, full, w)


def hermecompanion(c):
    """Scaled companion matrix of a HermiteE series (symmetric when ``c`` is a basis
    polynomial)."""
    c = _companion_setup(c)
    if len(c) == 2:
        return rp.array([[-c[0] / c[1]]])
    n = len(c) - 1
    mat = rp.zeros((n, n), dtype=c.dtype)
    scl = rp.hstack((1., 1. / rp.sqrt(rp.arange(n - 1, 0, -1))))
    scl = rp.multiply.accumulate(scl)[::-1]
    top, _, bot = _diagonals(mat)
    top[...] = rp.sqrt(rp.arange(1, n))
    bot[...] = top
    mat[:, -1] -= scl * c[:-1] / c[-1]
    return mat


def hermeroots(c):
    """Roots of a HermiteE series, sorted."""
    return _eig_roots(c, hermecompanion, lambda c: -c[0] / c[1])


def _normed_hermite_e_n(x, n):
    """The normalised HermiteE function of degree ``n`` at ``x`` (stays finite for large
    ``n``, unlike He_n)."""
    if n == 0:
        return rp.full(x.shape, 1 / rp.sqrt(rp.sqrt(2 * rp.pi)))
    c0 = 0.
    c1 = 1. / rp.sqrt(rp.sqrt(2 * rp.pi))
    nd = float(n)
    for _ in range(n - 1):
        tmp = c0
        c0 = -c1 * rp.sqrt((nd - 1.) / nd)
        c1 = tmp + c1 * x * rp.sqrt(1. / nd)
        nd = nd - 1.0
    return c0 + c1 * x


def hermegauss(deg):
    """Gauss-HermiteE quadrature points and weights: eigenvalues of the symmetric companion
    matrix, polished by one Newton step on the normalised functions, then symmetrized."""
    ideg = _gauss_deg(deg)
    c = rp.array([0] * deg + [1])
    x = rp.linalg.eigvalsh(hermecompanion(c))
    dy = _normed_hermite_e_n(x, ideg)
    df = _normed_hermite_e_n(x, ideg - 1) * rp.sqrt(ideg)
    x -= dy / df
    # scaled to avoid overflow; the sum fixes the scale
    fm = _normed_hermite_e_n(x, ideg - 1)
    fm /= rp.abs(fm).max()
    w = 1 / (fm * fm)
    w = (w + w[::-1]) / 2
    x = (x - x[::-1]) / 2
    w *= rp.sqrt(2 * rp.pi) / w.sum()
    return x, w


def hermeweight(x):
    """The HermiteE weight function, exp(-x**2 / 2)."""
    return rp.exp(-.5 * x**2)


class HermiteE(ABCPolyBase):
    """A HermiteE series, with numpy's ``HermiteE`` interface."""

    _add = staticmethod(hermeadd)
    _sub = staticmethod(hermesub)
    _mul = staticmethod(hermemul)
    _div = staticmethod(hermediv)
    _pow = staticmethod(hermepow)
    _val = staticmethod(hermeval)
    _int = staticmethod(hermeint)
    _der = staticmethod(hermeder)
    _fit = staticmethod(hermefit)
    _line = staticmethod(hermeline)
    _roots = staticmethod(hermeroots)
    _fromroots = staticmethod(hermefromroots)

    domain = rp.array(hermedomain)
    window = rp.array(hermedomain)
    basis_name = 'He'
