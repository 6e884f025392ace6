"""``rumpy.polynomial.polyutils``, as ``numpy.polynomial.polyutils``: helpers shared by the
polynomial modules (coefficient handling, domain mapping, generic series arithmetic)."""

import functools
import operator
import warnings

import rumpy as rp

__all__ = [
    'as_series', 'trimseq', 'trimcoef', 'getdomain', 'mapdomain', 'mapparms',
    'format_float']


def trimseq(seq):
    """Drop trailing zeros of ``seq``, keeping at least one element."""
    if len(seq) == 0 or seq[-1] != 0:
        return seq
    last = len(seq) - 1
    while last > 0 and seq[last] == 0:
        last -= 1
    return seq[:last + 1]


def _as_object_arrays(arrays, err):
    """Copies of ``arrays`` with object dtype; at least one must already be object."""
    ret = []
    has_object = False
    for a in arrays:
        if a.dtype == rp.dtype(object):
            has_object = True
            ret.append(a.copy())
        else:
            tmp = rp.empty(len(a), dtype=object)
            tmp[:] = a[:]
            ret.append(tmp)
    if not has_object:
        raise ValueError("Coefficient arrays have no common type") from err
    return ret


def as_series(alist, trim=True):
    """Copies of the 1-d coefficient arrays in ``alist``, converted to a common type."""
    arrays = [rp.array(a, ndmin=1, copy=None) for a in alist]
    for a in arrays:
        if a.size == 0:
            raise ValueError("Coefficient array is empty")
        if a.ndim != 1:
            raise ValueError("Coefficient array is not 1-d")
    if trim:
        arrays = [trimseq(a) for a in arrays]
    try:
        dtype = rp.common_type(*arrays)
    except Exception as e:  # noqa: BLE001 - numpy falls back to object for any failure
        return _as_object_arrays(arrays, e)
    return [rp.array(a, copy=True, dtype=dtype) for a in arrays]


def trimcoef(c, tol=0):
    """Remove trailing coefficients whose magnitude is at most ``tol``."""
    if tol < 0:
        raise ValueError("tol must be non-negative")
    [c] = as_series([c])
    [ind] = rp.nonzero(rp.abs(c) > tol)
    if len(ind) == 0:
        return c[:1] * 0
    return c[:ind[-1] + 1].copy()


def getdomain(x):
    """The smallest interval (or complex rectangle corners) holding the points ``x``."""
    [x] = as_series([x], trim=False)
    if x.dtype.char in rp.typecodes['Complex']:
        rmin, rmax = x.real.min(), x.real.max()
        imin, imax = x.imag.min(), x.imag.max()
        return rp.array((complex(rmin, imin), complex(rmax, imax)))
    return rp.array((x.min(), x.max()))


def mapparms(old, new):
    """Offset and scale of the linear map taking the interval ``old`` to ``new``."""
    oldlen = old[1] - old[0]
    newlen = new[1] - new[0]
    off = (old[1] * new[0] - old[0] * new[1]) / oldlen
    scl = newlen / oldlen
    return off, scl


def mapdomain(x, old, new):
    """Apply the linear map taking the interval ``old`` to ``new`` to ``x``."""
    if type(x) not in (int, float, complex) and not isinstance(x, rp.generic):
        x = rp.asanyarray(x)
    off, scl = mapparms(old, new)
    return off + scl * x


def _nth_slice(i, ndim):
    """An index putting a 1-d axis at position ``i`` of ``ndim`` broadcast axes."""
    sl = [None] * ndim
    sl[i] = slice(None)
    return tuple(sl)


def _vander_nd(vander_fs, points, degrees):
    """Pseudo-Vandermonde array for several dimensions, one trailing axis per dimension."""
    n_dims = len(vander_fs)
    if n_dims != len(points):
        raise ValueError(
            f"Expected {n_dims} dimensions of sample points, got {len(points)}")
    if n_dims != len(degrees):
        raise ValueError(
            f"Expected {n_dims} dimensions of degrees, got {len(degrees)}")
    if n_dims == 0:
        raise ValueError("Unable to guess a dtype or shape when no points are given")
    # one common shape and (inexact) type for all coordinates
    points = tuple(rp.asarray(tuple(points)) + 0.0)
    vander_arrays = (
        vander_fs[i](points[i], degrees[i])[(...,) + _nth_slice(i, n_dims)]
        for i in range(n_dims))
    return functools.reduce(operator.mul, vander_arrays)


def _vander_nd_flat(vander_fs, points, degrees):
    """``_vander_nd`` with the degree axes flattened into one."""
    v = _vander_nd(vander_fs, points, degrees)
    return v.reshape(v.shape[:-len(degrees)] + (-1,))


def _fromroots(line_f, mul_f, roots):
    """Series with the given roots, multiplied pairwise to limit rounding growth."""
    if len(roots) == 0:
        return rp.ones(1)
    [roots] = as_series([roots], trim=False)
    roots.sort()
    p = [line_f(-r, 1) for r in roots]
    n = len(p)
    while n > 1:
        m, r = divmod(n, 2)
        tmp = [mul_f(p[i], p[i + m]) for i in range(m)]
        if r:
            tmp[0] = mul_f(tmp[0], p[-1])
        p = tmp
        n = m
    return p[0]


def _valnd(val_f, c, *args):
    """Evaluate a multi-dimensional series at the points ``zip(*args)``."""
    args = [rp.asanyarray(a) for a in args]
    shape0 = args[0].shape
    if not all(a.shape == shape0 for a in args[1:]):
        if len(args) == 3:
            raise ValueError('x, y, z are incompatible')
        if len(args) == 2:
            raise ValueError('x, y are incompatible')
        raise ValueError('ordinates are incompatible')
    it = iter(args)
    c = val_f(next(it), c)
    for xi in it:
        c = val_f(xi, c, tensor=False)
    return c


def _gridnd(val_f, c, *args):
    """Evaluate a multi-dimensional series on the Cartesian product of ``args``."""
    for xi in args:
        c = val_f(xi, c)
    return c


def _div(mul_f, c1, c2):
    """Long division of series using the basis product ``mul_f``."""
    [c1, c2] = as_series([c1, c2])
    if c2[-1] == 0:
        raise ZeroDivisionError
    lc1 = len(c1)
    lc2 = len(c2)
    if lc1 < lc2:
        return c1[:1] * 0, c1
    if lc2 == 1:
        return c1 / c2[-1], c1[:1] * 0
    quo = rp.empty(lc1 - lc2 + 1, dtype=c1.dtype)
    rem = c1
    for i in range(lc1 - lc2, -1, -1):
        p = mul_f([0] * i + [1], c2)
        q = rem[-1] / p[-1]
        rem = rem[:-1] - q * p[:-1]
        quo[i] = q
    return quo, trimseq(rem)


def _add(c1, c2):
    """Sum of two series."""
    [c1, c2] = as_series([c1, c2])
    if len(c1) > len(c2):
        c1[:c2.size] += c2
        return trimseq(c1)
    c2[:c1.size] += c1
    return trimseq(c2)


def _sub(c1, c2):
    """Difference of two series."""
    [c1, c2] = as_series([c1, c2])
    if len(c1) > len(c2):
        c1[:c2.size] -= c2
        return trimseq(c1)
    c2 = -c2
    c2[:c1.size] += c1
    return trimseq(c2)


def _check_fit_args(x, y, deg):
    if deg.ndim > 1 or deg.dtype.kind not in 'iu' or deg.size == 0:
        raise TypeError("deg must be an int or non-empty 1-D array of int")
    if deg.min() < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if len(x) != len(y):
        raise TypeError("expected x and y to have same length")


def _fit(vander_f, x, y, deg, rcond=None, full=False, w=None):
    """Least-squares fit of a series built from the Vandermonde function ``vander_f``."""
    x = rp.asarray(x) + 0.0
    y = rp.asarray(y) + 0.0
    deg = rp.asarray(deg)
    _check_fit_args(x, y, deg)
    if deg.ndim == 0:
        lmax = deg
        order = lmax + 1
        van = vander_f(x, lmax)
    else:
        deg = rp.sort(deg)
        lmax = deg[-1]
        order = len(deg)
        van = vander_f(x, lmax)[:, deg]
    # the least-squares problem is set up transposed, as numpy does
    lhs = van.T
    rhs = y.T
    if w is not None:
        w = rp.asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected 1D vector for w")
        if len(x) != len(w):
            raise TypeError("expected x and w to have same length")
        lhs = lhs * w
        rhs = rhs * w
    if rcond is None:
        rcond = len(x) * rp.finfo(x.dtype).eps
    # scale the columns to unit norm for a better conditioned problem
    if issubclass(lhs.dtype.type, rp.complexfloating):
        scl = rp.sqrt((rp.square(lhs.real) + rp.square(lhs.imag)).sum(1))
    else:
        scl = rp.sqrt(rp.square(lhs).sum(1))
    scl[scl == 0] = 1
    c, resids, rank, s = rp.linalg.lstsq(lhs.T / scl, rhs.T, rcond)
    c = (c.T / scl).T
    if deg.ndim > 0:
        # put the fitted coefficients back among zeros for the missing degrees
        shape = (lmax + 1, c.shape[1]) if c.ndim == 2 else lmax + 1
        cc = rp.zeros(shape, dtype=c.dtype)
        cc[deg] = c
        c = cc
    if rank != order and not full:
        warnings.warn("The fit may be poorly conditioned", rp.exceptions.RankWarning,
                      stacklevel=2)
    if full:
        return c, [resids, rank, s, rcond]
    return c


def _pow(mul_f, c, pow, maxpower):
    """``c`` raised to the non-negative integer power ``pow`` by repeated ``mul_f``."""
    [c] = as_series([c])
    power = int(pow)
    if power != pow or power < 0:
        raise ValueError("Power must be a non-negative integer.")
    if maxpower is not None and power > maxpower:
        raise ValueError("Power is too large")
    if power == 0:
        return rp.array([1], dtype=c.dtype)
    prd = c
    for _ in range(2, power + 1):
        prd = mul_f(prd, c)
    return prd


def _as_int(x, desc):
    """``operator.index(x)``, with an error message naming what ``x`` is."""
    try:
        return operator.index(x)
    except TypeError as e:
        raise TypeError(f"{desc} must be an integer, received {x}") from e


def _is_floating_type(t):
    """Whether ``t`` names a floating dtype; other Python classes mean object, as in numpy
    (rp.dtype refuses arbitrary classes, so their TypeError means "not floating")."""
    try:
        return rp.issubdtype(t, rp.floating)
    except TypeError:
        return False


def format_float(x, parens=False):
    """A float coefficient as the polynomial printer shows it (print options applied)."""
    from .._print import _dragon4_positional, _dragon4_scientific, _ftype_of

    if not _is_floating_type(type(x)):
        return str(x)
    opts = rp.get_printoptions()
    if rp.isnan(x):
        return opts['nanstr']
    if rp.isinf(x):
        return opts['infstr']
    exp_format = False
    if x != 0:
        a = rp.abs(x)
        if a >= 1.e8 or a < 10**min(0, -(opts['precision'] - 1) // 2):
            exp_format = True
    trim, unique = '0', True
    if opts['floatmode'] == 'fixed':
        trim, unique = 'k', False
    ftype = _ftype_of(rp.dtype(type(x)))
    sign = opts['sign'] == '+'
    if exp_format:
        s = _dragon4_scientific(float(x), ftype, opts['precision'], -1, unique, trim, sign,
                                -1, -1)
        return '(' + s + ')' if parens else s
    return _dragon4_positional(float(x), ftype, opts['precision'], -1, unique, True, trim,
                               sign, -1, -1)
