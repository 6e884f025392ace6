"""NumPy's legacy polynomial API: poly, roots, polyint, polyder, polyfit, polyval, polyadd,
polysub, polymul, polydiv and the poly1d class (numpy semantics; coefficients run from the
highest power down)."""

import re
import warnings

import rumpy as _rp
from .exceptions import RankWarning

__all__ = ["poly", "roots", "polyint", "polyder", "polyadd", "polysub", "polymul", "polydiv",
           "polyval", "poly1d", "polyfit"]


def _is_inexact_type(dt):
    return issubclass(dt.type, (_rp.floating, _rp.complexfloating))


def _require_iterable(arg):
    """numpy's poly and roots hand their argument itself to the array-function protocol,
    which needs an iterable: scalars and 0-d arrays are refused there."""
    try:
        iter(arg)
    except TypeError:
        raise TypeError("dispatcher for __array_function__ did not return an iterable") from None


def poly(seq_of_zeros):
    """Coefficients of the monic polynomial whose roots are ``seq_of_zeros`` (or the
    characteristic polynomial of a non-empty square matrix)."""
    _require_iterable(seq_of_zeros)
    z = _rp.atleast_1d(seq_of_zeros)
    shape = z.shape
    if len(shape) == 2 and shape[0] == shape[1] and shape[0] != 0:
        z = _rp.linalg.eigvals(z)
    elif len(shape) == 1:
        if z.dtype != object:
            z = z.astype(_rp.mintypecode(z.dtype.char))
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")

    if len(z) == 0:
        return 1.0
    dt = z.dtype
    coeffs = _rp.ones((1,), dtype=dt)
    for root in z:
        coeffs = _rp.convolve(coeffs, _rp.array([1, -root], dtype=dt), mode="full")

    if issubclass(coeffs.dtype.type, _rp.complexfloating):
        as_complex = _rp.asarray(z, complex)
        if _rp.all(_rp.sort(as_complex) == _rp.sort(as_complex.conjugate())):
            coeffs = coeffs.real.copy()
    return coeffs


def roots(p):
    """Roots of the polynomial with coefficients ``p`` (eigenvalues of its companion
    matrix)."""
    _require_iterable(p)
    p = _rp.atleast_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    nz = _rp.nonzero(_rp.ravel(p))[0]
    if len(nz) == 0:
        return _rp.array([])
    first, last = int(nz[0]), int(nz[-1])
    trailing = len(p) - last - 1
    p = p[first:last + 1]
    if not _is_inexact_type(p.dtype):
        p = p.astype(float)
    n = len(p)
    if n > 1:
        companion = _rp.diag(_rp.ones((n - 2,), p.dtype), -1)
        companion[0, :] = -p[1:] / p[0]
        found = _rp.linalg.eigvals(companion)
    else:
        found = _rp.array([])
    return _rp.hstack((found, _rp.zeros(trailing, found.dtype)))


def polyint(p, m=1, k=None):
    """The ``m``-th antiderivative of ``p``, with integration constants ``k`` (the first
    one belongs to the first integration)."""
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        k = _rp.zeros(m, float)
    k = _rp.atleast_1d(k)
    if len(k) == 1 and m > 1:
        k = k[0] * _rp.ones(m, float)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    wrap = isinstance(p, poly1d)
    arr = _rp.asarray(p)
    for i in range(m):
        arr = _rp.concatenate((arr.__truediv__(_rp.arange(len(arr), 0, -1)), [k[i]]))
    if wrap:
        return poly1d(arr)
    return arr


def polyder(p, m=1):
    """The ``m``-th derivative of ``p``."""
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    wrap = isinstance(p, poly1d)
    arr = _rp.asarray(p)
    for _ in range(m):
        n = len(arr) - 1
        arr = arr[:-1] * _rp.arange(n, 0, -1)
    if wrap:
        return poly1d(arr)
    return arr


def _vander_rows(x, n):
    """The Vandermonde matrix's transpose: rows x**(n-1), ..., x, 1, built by repeated
    multiplication as numpy's vander builds its columns (in x's dtype promoted with int)."""
    out = _rp.empty((n, len(x)), dtype=_rp.promote_types(x.dtype, int))
    if n > 0:
        out[n - 1] = 1
        for j in range(n - 2, -1, -1):
            _rp.multiply(out[j + 1], x, out=out[j])
    return out


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """Least-squares fit of a polynomial of degree ``deg`` to points (x, y)."""
    order = int(deg) + 1
    x = _rp.asarray(x) + 0.0
    y = _rp.asarray(y) + 0.0

    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")

    if rcond is None:
        rcond = len(x) * _rp.finfo(x.dtype).eps

    # the Vandermonde matrix built, weighted and scaled as its transpose: each column is
    # a contiguous row there (numpy's operations, on rows instead of strided columns)
    lhs_t = _vander_rows(x, order)
    rhs = y
    if w is not None:
        w = _rp.asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs_t *= w
        if rhs.ndim == 2:
            rhs *= w[:, None]
        else:
            rhs *= w

    scale = _rp.sqrt((lhs_t * lhs_t).sum(axis=1))
    lhs_t /= scale[:, None]
    lhs = lhs_t.T
    c, resids, rank, s = _rp.linalg.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T

    if rank != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", RankWarning, stacklevel=2)

    if full:
        return c, resids, rank, s, rcond
    if cov:
        vbase = _rp.linalg.inv(_rp.dot(lhs.T, lhs))
        vbase /= _rp.outer(scale, scale)
        if cov == "unscaled":
            fac = 1
        else:
            if len(x) <= order:
                raise ValueError("the number of data points must exceed order "
                                 "to scale the covariance matrix")
            fac = resids / (len(x) - order)
        if y.ndim == 1:
            return c, vbase * fac
        return c, vbase[:, :, None] * fac
    return c


def polyval(p, x):
    """``p`` evaluated at ``x`` by Horner's scheme."""
    p = _rp.asarray(p)
    if isinstance(x, poly1d):
        acc = 0
    else:
        x = _rp.asanyarray(x)
        acc = _rp.zeros_like(x)
    for coeff in p:
        acc = acc * x + coeff
    return acc


def _padded(a1, a2):
    """a1 and a2 as 1-d arrays of one length, the shorter padded with leading zeros."""
    a1 = _rp.atleast_1d(a1)
    a2 = _rp.atleast_1d(a2)
    diff = len(a2) - len(a1)
    if diff > 0:
        a1 = _rp.concatenate((_rp.zeros(diff, a1.dtype), a1))
    elif diff < 0:
        a2 = _rp.concatenate((_rp.zeros(-diff, a2.dtype), a2))
    return a1, a2


def polyadd(a1, a2):
    """Sum of two polynomials."""
    wrap = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1, a2 = _padded(a1, a2)
    val = a1 + a2
    return poly1d(val) if wrap else val


def polysub(a1, a2):
    """Difference of two polynomials (a1 - a2)."""
    wrap = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1, a2 = _padded(a1, a2)
    val = a1 - a2
    return poly1d(val) if wrap else val


def polymul(a1, a2):
    """Product of two polynomials."""
    wrap = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1, a2 = poly1d(a1), poly1d(a2)
    val = _rp.convolve(a1, a2)
    return poly1d(val) if wrap else val


def polydiv(u, v):
    """Quotient and remainder of polynomial division u / v."""
    wrap = isinstance(u, poly1d) or isinstance(v, poly1d)
    u = _rp.atleast_1d(u) + 0.0
    v = _rp.atleast_1d(v) + 0.0
    lead = u[0] + v[0]
    m = len(u) - 1
    n = len(v) - 1
    scale = 1. / v[0]
    q = _rp.zeros((max(m - n + 1, 1),), lead.dtype)
    r = u.astype(lead.dtype)
    for k in range(m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] -= d * v
    while _rp.allclose(r[0], 0, rtol=1e-14) and r.shape[-1] > 1:
        r = r[1:]
    if wrap:
        return poly1d(q), poly1d(r)
    return q, r


_POWER = re.compile(r"\*\*([0-9]*)")


def _raise_power(text, wrap=70):
    """Lay ``text`` out on two lines with every ``**n`` exponent raised above its term."""
    upper = ""
    lower = ""
    out = " "
    pos = 0
    for match in _POWER.finditer(text):
        start, end = match.span()
        power = match.group(1)
        part = text[pos:start]
        pos = end
        add_lower = part + " " * (len(power) - 1)
        add_upper = " " * (len(part) - 1) + power
        if len(lower) + len(add_lower) > wrap or len(upper) + len(add_upper) > wrap:
            out += upper + "\n" + lower + "\n "
            upper, lower = add_upper, add_lower
        else:
            lower += add_lower
            upper += add_upper
    return out + upper + "\n" + lower + text[pos:]


def _fmt_float(q):
    s = format(q, ".4g")
    return s[:-5] if s.endswith(".0000") else s


class poly1d:
    """A one-dimensional polynomial (numpy's legacy class): ``poly1d([1, 2, 3])`` is
    x**2 + 2x + 3; ``poly1d(roots, r=True)`` is built from its roots."""

    __hash__ = None

    @property
    def coeffs(self):
        """The coefficients, highest power first."""
        return self._coeffs

    @coeffs.setter
    def coeffs(self, value):
        if value is not self._coeffs:
            raise AttributeError("Cannot set attribute")

    @property
    def variable(self):
        """The name of the variable used by ``str``."""
        return self._variable

    @property
    def order(self):
        """The degree of the polynomial."""
        return len(self._coeffs) - 1

    @property
    def roots(self):
        """The roots of the polynomial."""
        return roots(self._coeffs)

    # the coefficients live in __dict__['coeffs'], like numpy's
    @property
    def _coeffs(self):
        return self.__dict__["coeffs"]

    @_coeffs.setter
    def _coeffs(self, value):
        self.__dict__["coeffs"] = value

    r = roots
    c = coef = coefficients = coeffs
    o = order

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable
            self._coeffs = c_or_r._coeffs
            if set(c_or_r.__dict__) - set(self.__dict__):
                warnings.warn("In the future extra properties will not be copied across "
                              "when constructing one poly1d from another",
                              FutureWarning, stacklevel=2)
                self.__dict__.update(c_or_r.__dict__)
            if variable is not None:
                self._variable = variable
            return
        if r:
            c_or_r = poly(c_or_r)
        c_or_r = _rp.atleast_1d(c_or_r)
        if c_or_r.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        c_or_r = _rp.trim_zeros(c_or_r, trim="f")
        if len(c_or_r) == 0:
            c_or_r = _rp.array([0], dtype=c_or_r.dtype)
        self._coeffs = c_or_r
        self._variable = "x" if variable is None else variable

    def __array__(self, t=None, copy=None):
        if t:
            return _rp.asarray(self.coeffs, t, copy=copy)
        return _rp.asarray(self.coeffs, copy=copy)

    def __repr__(self):
        text = repr(self.coeffs)
        return f"poly1d({text[6:-1]})"

    def __len__(self):
        return self.order

    def __str__(self):
        var = self.variable
        coeffs = self.coeffs[_rp.logical_or.accumulate(self.coeffs != 0)]
        last = len(coeffs) - 1
        text = "0"
        for k, coeff in enumerate(coeffs):
            if not _rp.iscomplex(coeff):
                cs = _fmt_float(_rp.real(coeff))
            elif _rp.real(coeff) == 0:
                cs = f"{_fmt_float(_rp.imag(coeff))}j"
            else:
                cs = f"({_fmt_float(_rp.real(coeff))} + {_fmt_float(_rp.imag(coeff))}j)"
            power = last - k
            if power == 0:
                term = cs if cs != "0" else ("0" if k == 0 else "")
            elif cs == "0":
                term = ""
            elif power == 1:
                term = var if cs == "b" else f"{cs} {var}"
            else:
                term = f"{var}**{power}" if cs == "b" else f"{cs} {var}**{power}"
            if k == 0:
                text = term
            elif term:
                text = f"{text} - {term[1:]}" if term.startswith("-") else f"{text} + {term}"
        return _raise_power(text)

    def __call__(self, val):
        return polyval(self.coeffs, val)

    def __neg__(self):
        return poly1d(-self.coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if _rp.isscalar(other):
            return poly1d(self.coeffs * other)
        return poly1d(polymul(self.coeffs, poly1d(other).coeffs))

    def __rmul__(self, other):
        if _rp.isscalar(other):
            return poly1d(other * self.coeffs)
        return poly1d(polymul(self.coeffs, poly1d(other).coeffs))

    def __add__(self, other):
        return poly1d(polyadd(self.coeffs, poly1d(other).coeffs))

    def __radd__(self, other):
        return poly1d(polyadd(self.coeffs, poly1d(other).coeffs))

    def __pow__(self, val):
        if not _rp.isscalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = [1]
        for _ in range(val):
            res = polymul(self.coeffs, res)
        return poly1d(res)

    def __sub__(self, other):
        return poly1d(polysub(self.coeffs, poly1d(other).coeffs))

    def __rsub__(self, other):
        return poly1d(polysub(poly1d(other).coeffs, self.coeffs))

    def __truediv__(self, other):
        if _rp.isscalar(other):
            return poly1d(self.coeffs / other)
        return polydiv(self, poly1d(other))

    def __rtruediv__(self, other):
        if _rp.isscalar(other):
            return poly1d(other / self.coeffs)
        return polydiv(poly1d(other), self)

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self.coeffs.shape != other.coeffs.shape:
            return False
        return (self.coeffs == other.coeffs).all()

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        if val > self.order or val < 0:
            return self.coeffs.dtype.type(0)
        return self.coeffs[self.order - val]

    def __setitem__(self, key, val):
        ind = self.order - key
        if key < 0:
            raise ValueError("Does not support negative powers.")
        if key > self.order:
            zr = _rp.zeros(key - self.order, self.coeffs.dtype)
            self._coeffs = _rp.concatenate((zr, self.coeffs))
            ind = 0
        self._coeffs[ind] = val

    def __iter__(self):
        return iter(self.coeffs)

    def integ(self, m=1, k=0):
        """The ``m``-th antiderivative, with integration constants ``k``."""
        return poly1d(polyint(self.coeffs, m=m, k=k))

    def deriv(self, m=1):
        """The ``m``-th derivative."""
        return poly1d(polyder(self.coeffs, m=m))


poly1d.__module__ = "rumpy"

# numpy shows every RankWarning, not only the first from each place
warnings.simplefilter("always", RankWarning)
