"""Counting and binning (NumPy's ``bincount``, ``digitize``, ``histogram``,
``histogram_bin_edges``, ``histogram2d``, ``histogramdd``), plus ``interp``, ``convolve``,
``correlate``, ``packbits`` and ``unpackbits``: argument checks and dtype rules here, the
loops in the core (``ops/binning.rs``)."""

import builtins
import math
import operator
import warnings

from . import _core

__all__ = ["bincount", "digitize", "histogram", "histogram_bin_edges", "histogram2d",
           "histogramdd", "interp", "convolve", "correlate", "packbits", "unpackbits"]

_range = builtins.range


def _rp():
    import rumpy
    return rumpy


def _is_array(x):
    return hasattr(x, "dtype") and hasattr(x, "shape")


def _one_d(a):
    """``a`` as an array that must be 1-d (NumPy's depth errors otherwise)."""
    a = _core.asanyarray(a)
    if a.ndim > 1:
        raise ValueError("object too deep for desired array")
    if a.ndim < 1:
        raise ValueError("object of too small depth for desired array")
    return a


def _safe_cast_error(src, dst):
    return TypeError(f"Cannot cast array data from {src!r} to {dst!r} according to the "
                     "rule 'safe'")


def _as_float64(a, ndim1=True):
    """``a`` cast safely to float64 (NumPy's conversion for its compiled helpers)."""
    rp = _rp()
    a = _one_d(a) if ndim1 else _core.asanyarray(a)
    f8 = rp.dtype("float64")
    if a.dtype != f8:
        if not rp.can_cast(a.dtype, f8):
            raise _safe_cast_error(a.dtype, f8)
        a = a.astype(f8)
    return a


# ---------------------------------------------------------------------------
# bincount, digitize
# ---------------------------------------------------------------------------

def bincount(x, weights=None, minlength=0):
    """Count the occurrences of each non-negative integer in a 1-d array.

    Parameters
    ----------
    x : array_like, 1-d, non-negative ints
    weights : array_like, optional
        Weights of the same length as ``x``; the result then sums them (float64).
    minlength : int, optional
        The least number of bins in the result.

    Returns
    -------
    ndarray of intp counts (float64 sums with ``weights``), length ``max(x.max() + 1,
    minlength)``.
    """
    rp = _rp()
    intp = rp.dtype("int64")
    if not _is_array(x):
        x = _one_d(x)
        if x.size > 0 and x.dtype.kind not in "iub":
            warnings.warn("Non-integer input passed to bincount. In a future version of "
                          "NumPy, this will be an error. (Deprecated NumPy 2.1)",
                          DeprecationWarning, stacklevel=2)
            raise _safe_cast_error(x.dtype, intp)
        if x.size == 0:
            x = x.astype(intp)
    else:
        x = _one_d(x)
        if x.dtype.kind not in "iu" and not rp.can_cast(x.dtype, intp):
            raise _safe_cast_error(x.dtype, intp)
    if minlength is None:
        raise TypeError("use 0 instead of None for minlength")
    minlength = operator.index(minlength)
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    if x.size == 0:
        return rp.zeros(minlength, intp)
    if weights is not None:
        weights = _as_float64(weights)
    return _core._bincount(x.astype(intp, copy=False), weights, minlength)


def _monotonicity(bins):
    """1 when ``bins`` never decreases, -1 when it never increases, else 0 (NumPy's rule:
    the first pair that differs gives the direction; NaNs there give 0)."""
    b = _as_float64(bins)
    n = b.size
    if n == 0:
        return 1
    rp = _rp()
    differ = rp.flatnonzero(b != b[0])
    if differ.size == 0:
        return 1
    if b[0] < b[int(differ[0])]:
        return 0 if bool(rp.any(b[:-1] > b[1:])) else 1
    # Falling, or a NaN in the first differing pair: NumPy checks for a fall.
    return 0 if bool(rp.any(b[:-1] < b[1:])) else -1


def digitize(x, bins, right=False):
    """The index of the bin each value of ``x`` falls in.

    Parameters
    ----------
    x : array_like
    bins : array_like, 1-d and monotonic
    right : bool, optional
        Whether a bin includes its right edge instead of its left.

    Returns
    -------
    ndarray of intp, the shape of ``x``.
    """
    rp = _rp()
    x = _core.asanyarray(x)
    bins = _core.asanyarray(bins)
    if x.dtype.kind == "c":
        raise TypeError("x may not be complex")
    mono = _monotonicity(bins)
    if mono == 0:
        raise ValueError("bins must be monotonically increasing or decreasing")
    side = "left" if right else "right"
    if mono == -1:
        return len(bins) - rp.searchsorted(bins[::-1], x, side=side)
    return rp.searchsorted(bins, x, side=side)


# ---------------------------------------------------------------------------
# histograms
# ---------------------------------------------------------------------------

def _ravel_and_check_weights(a, weights):
    rp = _rp()
    a = _core.asanyarray(a)
    if a.dtype == rp.dtype(bool):
        warnings.warn(f"Converting input from {a.dtype} to {rp.uint8} for compatibility.",
                      RuntimeWarning, stacklevel=3)
        a = a.astype(rp.uint8)
    if weights is not None:
        weights = _core.asanyarray(weights)
        if weights.shape != a.shape:
            raise ValueError("weights should have the same shape as a.")
        weights = weights.ravel()
    return a.ravel(), weights


def _isfinite(v):
    return bool(_rp().isfinite(v))


def _outer_edges(a, range):
    """The first and last edges, from ``range`` or from the data."""
    if range is not None:
        first, last = range
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
        if not (_isfinite(first) and _isfinite(last)):
            raise ValueError(f"supplied range of [{first}, {last}] is not finite")
    elif a.size == 0:
        first, last = 0, 1
    else:
        first, last = a.min(), a.max()
        if not (_isfinite(first) and _isfinite(last)):
            raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
    if first == last:
        first = first - 0.5
        last = last + 0.5
    return first, last


_UNSIGNED = {"int8": "uint8", "int16": "uint16", "int32": "uint32", "int64": "uint64"}


def _unsigned_subtract(a, b):
    """``a - b`` for ``a >= b`` without overflow: signed integers subtract as their unsigned
    counterparts."""
    rp = _rp()
    dt = rp.result_type(a, b)
    u = _UNSIGNED.get(dt.name)
    if u is None:
        return rp.subtract(a, b, dtype=dt)
    return rp.subtract(rp.asarray(a, dtype=dt), rp.asarray(b, dtype=dt), casting="unsafe",
                       dtype=u)


def _ptp(x):
    return _unsigned_subtract(x.max(), x.min())


def _bin_sqrt(x, range):
    return _ptp(x) / math.sqrt(x.size)


def _bin_sturges(x, range):
    return _ptp(x) / (_rp().log2(x.size) + 1.0)


def _bin_rice(x, range):
    return _ptp(x) / (2.0 * x.size ** (1.0 / 3))


def _bin_scott(x, range):
    return (24.0 * math.pi ** 0.5 / x.size) ** (1.0 / 3.0) * _rp().std(x)


def _bin_stone(x, range):
    rp = _rp()
    n = x.size
    ptp_x = _ptp(x)
    if n <= 1 or ptp_x == 0:
        return 0

    def jhat(nbins):
        hh = ptp_x / nbins
        p_k = histogram(x, bins=nbins, range=range)[0] / n
        return (2 - (n + 1) * rp.vecdot(p_k, p_k)) / hh

    upper = builtins.max(100, int(rp.sqrt(n)))
    nbins = builtins.min(_range(1, upper + 1), key=jhat)
    if nbins == upper:
        warnings.warn("The number of bins estimated may be suboptimal.", RuntimeWarning,
                      stacklevel=3)
    return ptp_x / nbins


def _bin_doane(x, range):
    rp = _rp()
    if x.size > 2:
        sg1 = rp.sqrt(6.0 * (x.size - 2) / ((x.size + 1.0) * (x.size + 3)))
        sigma = rp.std(x)
        if sigma > 0.0:
            t = x - rp.mean(x)
            rp.true_divide(t, sigma, t)
            rp.power(t, 3, t)
            g1 = rp.mean(t)
            return _ptp(x) / (1.0 + rp.log2(x.size) + rp.log2(1.0 + rp.absolute(g1) / sg1))
    return 0.0


def _bin_fd(x, range):
    rp = _rp()
    iqr = rp.subtract(*rp.percentile(x, [75, 25]))
    return 2.0 * iqr * x.size ** (-1.0 / 3.0)


def _bin_auto(x, range):
    fd = _bin_fd(x, range)
    sturges = _bin_sturges(x, range)
    sqrt = _bin_sqrt(x, range)
    return builtins.min(builtins.max(fd, sqrt / 2), sturges)


_SELECTORS = {"stone": _bin_stone, "auto": _bin_auto, "doane": _bin_doane, "fd": _bin_fd,
              "rice": _bin_rice, "scott": _bin_scott, "sqrt": _bin_sqrt,
              "sturges": _bin_sturges}


def _bin_edges(a, bins, range, weights):
    """The edges, and (first, last, count) when the bins are equal."""
    rp = _rp()
    n_equal = None
    if isinstance(bins, str):
        if bins not in _SELECTORS:
            raise ValueError(f"{bins!r} is not a valid estimator for `bins`")
        if weights is not None:
            raise TypeError("Automated estimation of the number of bins is not supported "
                            "for weighted data")
        first, last = _outer_edges(a, range)
        if range is not None:
            keep = (a >= first) & (a <= last)
            if not bool(rp.all(keep)):
                a = a[keep]
        if a.size == 0:
            n_equal = 1
        else:
            width = _SELECTORS[bins](a, (first, last))
            if width:
                if rp.issubdtype(a.dtype, rp.integer) and width < 1:
                    width = 1
                n_equal = int(rp.ceil(_unsigned_subtract(last, first) / width))
            else:
                n_equal = 1
    elif rp.ndim(bins) == 0:
        try:
            n_equal = operator.index(bins)
        except TypeError as e:
            raise TypeError("`bins` must be an integer, a string, or an array") from e
        if n_equal < 1:
            raise ValueError("`bins` must be positive, when an integer")
        first, last = _outer_edges(a, range)
    elif rp.ndim(bins) == 1:
        edges = _core.asanyarray(bins)
        if bool(rp.any(edges[:-1] > edges[1:])):
            raise ValueError("`bins` must increase monotonically, when an array")
        return edges, None
    else:
        raise ValueError("`bins` must be 1d, when an array")
    bin_type = rp.result_type(first, last, a)
    if rp.issubdtype(bin_type, rp.integer):
        bin_type = rp.result_type(bin_type, float)
    edges = rp.linspace(first, last, n_equal + 1, endpoint=True, dtype=bin_type)
    if bool(rp.any(edges[:-1] >= edges[1:])):
        raise ValueError(f"Too many bins for data range. Cannot create {n_equal} "
                         "finite-sized bins.")
    return edges, (first, last, n_equal)


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    """The bin edges ``histogram`` would use (same arguments).

    Returns
    -------
    ndarray of the edges, one more than the bins.
    """
    a, weights = _ravel_and_check_weights(a, weights)
    return _bin_edges(a, bins, range, weights)[0]


_BLOCK = 65536


def _search_inclusive(sa, edges):
    """searchsorted with the last edge placed on the right (the last bin is closed)."""
    rp = _rp()
    return rp.concatenate((sa.searchsorted(edges[:-1], "left"),
                           sa.searchsorted(edges[-1:], "right")))


def _uniform_counts(a, weights, edges, uniform, ntype):
    """Counts (or weighted sums in ``ntype``) in equal bins. float32/float64 bins run in the
    core (exact bins by the edges; weighted float64 sums added block by block as NumPy
    does); others (float16 bins, other weights) follow NumPy's block arithmetic here."""
    rp = _rp()
    first, last, n = uniform
    native = edges.dtype.kind == "f" and edges.dtype.itemsize >= 4 and edges.dtype.isnative
    if native and (weights is None or ntype == rp.dtype("float64")):
        return _core._histogram_uniform(a.astype(edges.dtype, copy=False), edges, weights)
    out = rp.zeros(n, ntype)
    denom = _unsigned_subtract(last, first)
    for i in _range(0, a.size, _BLOCK):
        x = a[i:i + _BLOCK]
        w = None if weights is None else weights[i:i + _BLOCK]
        keep = x >= first
        keep &= x <= last
        if not bool(rp.all(keep)):
            x = x[keep]
            if w is not None:
                w = w[keep]
        x = x.astype(edges.dtype, copy=False)
        idx = (_unsigned_subtract(x, first) / denom * n).astype(rp.intp)
        idx[idx == n] -= 1
        idx[x < edges[idx]] -= 1
        idx[(x >= edges[idx + 1]) & (idx != n - 1)] += 1
        if ntype.kind == "c":
            re, im = out.real, out.imag
            re += bincount(idx, weights=w.real, minlength=n)
            im += bincount(idx, weights=w.imag, minlength=n)
        else:
            out += bincount(idx, weights=w, minlength=n).astype(ntype)
    return out


def histogram(a, bins=10, range=None, density=None, weights=None):
    """The histogram of a data set.

    Parameters
    ----------
    a : array_like (flattened)
    bins : int, sequence of edges, or the name of an estimator
    range : (float, float), optional
        The outer edges; values outside are ignored.
    density : bool, optional
        Normalise so that the integral over the range is 1.
    weights : array_like, optional
        Weights of ``a``'s shape; bins then sum them.

    Returns
    -------
    hist : ndarray
    bin_edges : ndarray (float)
    """
    rp = _rp()
    a, weights = _ravel_and_check_weights(a, weights)
    edges, uniform = _bin_edges(a, bins, range, weights)
    ntype = rp.dtype(rp.intp) if weights is None else weights.dtype
    simple = (weights is None or rp.can_cast(weights.dtype, rp.double)
              or rp.can_cast(weights.dtype, complex))
    if uniform is not None and simple:
        n = _uniform_counts(a, weights, edges, uniform, ntype)
    else:
        cum = rp.zeros(edges.shape, ntype)
        if weights is None:
            if a.dtype.kind in "biuf" and edges.dtype.kind in "biuf":
                # Counts do not depend on the order of the data: search each value's bin.
                cum = _search_inclusive_counts(a, edges)
            else:
                for i in _range(0, a.size, _BLOCK):
                    cum += _search_inclusive(rp.sort(a[i:i + _BLOCK]), edges)
        else:
            zero = rp.zeros(1, dtype=ntype)
            for i in _range(0, a.size, _BLOCK):
                x = a[i:i + _BLOCK]
                w = weights[i:i + _BLOCK]
                order = rp.argsort(x)
                cw = rp.concatenate((zero, w[order].cumsum()))
                cum += cw[_search_inclusive(x[order], edges)]
        n = cum[1:] - cum[:-1]
    if density:
        db = rp.array(edges[1:] - edges[:-1], float)
        return n / db / n.sum(), edges
    return n, edges


def _search_inclusive_counts(a, edges):
    """The cumulative counts NumPy's sorted search gives (``#(a < e)`` for each edge but the
    last, ``#(a <= e)`` for the last; NaNs in none), found by placing each value among the
    edges instead of sorting the data."""
    rp = _rp()
    m = edges.size
    dt = rp.result_type(a, edges)
    e = edges.astype(dt, copy=False)
    x = a.astype(dt, copy=False)
    # p edges are <= x, so x < e_j exactly for j >= p: #(a < e_j) = #(p <= j).
    p = rp.searchsorted(e, x, side="right")
    cum = rp.cumsum(bincount(p, minlength=m + 1))[:m - 1]
    last = rp.count_nonzero(x <= e[-1])
    return rp.concatenate((cum, rp.asarray([last], dtype=cum.dtype)))


def histogramdd(sample, bins=10, range=None, density=None, weights=None):
    """The multidimensional histogram of ``sample`` (N points in D dimensions).

    Returns
    -------
    H : ndarray (float), one axis per dimension
    edges : list of D arrays of edges
    """
    rp = _rp()
    try:
        N, D = sample.shape
    except (AttributeError, ValueError):
        sample = rp.atleast_2d(sample).T
        N, D = sample.shape
    nbin = [0] * D
    edges = [None] * D
    dedges = [None] * D
    if weights is not None:
        weights = _core.asanyarray(weights)
    try:
        M = len(bins)
        if M != D:
            raise ValueError("The dimension of bins must be equal to the dimension of the "
                             "sample x.")
    except TypeError:
        bins = D * [bins]
    if range is None:
        range = (None,) * D
    elif len(range) != D:
        raise ValueError("range argument must have one entry per dimension")
    for i in _range(D):
        if rp.ndim(bins[i]) == 0:
            if bins[i] < 1:
                raise ValueError(f"`bins[{i}]` must be positive, when an integer")
            smin, smax = _outer_edges(sample[:, i], range[i])
            try:
                k = operator.index(bins[i])
            except TypeError as e:
                raise TypeError(f"`bins[{i}]` must be an integer, when a scalar") from e
            edges[i] = rp.linspace(smin, smax, k + 1)
        elif rp.ndim(bins[i]) == 1:
            edges[i] = _core.asanyarray(bins[i])
            if bool(rp.any(edges[i][:-1] > edges[i][1:])):
                raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an "
                                 "array")
        else:
            raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")
        nbin[i] = len(edges[i]) + 1
        dedges[i] = edges[i][1:] - edges[i][:-1]
    cells = tuple(rp.searchsorted(edges[i], sample[:, i], side="right") for i in _range(D))
    for i in _range(D):
        cells[i][sample[:, i] == edges[i][-1]] -= 1
    xy = rp.ravel_multi_index(cells, nbin)
    hist = bincount(xy, weights, minlength=math.prod(nbin))
    hist = hist.reshape(nbin).astype(float, casting="safe")
    hist = hist[(slice(1, -1),) * D]
    if density:
        s = hist.sum()
        for i in _range(D):
            shape = [1] * D
            shape[i] = nbin[i] - 2
            hist = hist / dedges[i].reshape(shape)
        hist /= s
    return hist, edges


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    """The two-dimensional histogram of the points ``(x, y)``.

    Returns
    -------
    H : ndarray (float, shape (nx, ny))
    xedges, yedges : ndarray
    """
    if len(x) != len(y):
        raise ValueError("x and y must have the same length.")
    try:
        N = len(bins)
    except TypeError:
        N = 1
    if N not in {1, 2}:
        xedges = yedges = _core.asanyarray(bins)
        bins = [xedges, yedges]
    hist, edges = histogramdd([x, y], bins, range, density, weights)
    return hist, edges[0], edges[1]


# ---------------------------------------------------------------------------
# interp
# ---------------------------------------------------------------------------

def _real(v):
    """``float(v)`` as NumPy's C conversion takes it (no strings)."""
    if not (hasattr(type(v), "__float__") or hasattr(type(v), "__index__")):
        raise TypeError(f"must be real number, not {type(v).__name__}")
    return float(v)


def _fill(v, complex_):
    if v is None:
        return None
    if complex_ and isinstance(v, complex):
        return v
    if complex_ and hasattr(type(v), "__complex__"):
        return complex(v)
    return complex(_real(v), 0.0)


def interp(x, xp, fp, left=None, right=None, period=None):
    """Piecewise-linear interpolation of the points ``(xp, fp)`` at ``x``.

    Parameters
    ----------
    x : array_like
    xp : 1-d array_like, increasing (unless ``period`` is given)
    fp : 1-d array_like, real or complex, of ``xp``'s length
    left, right : scalar, optional
        The values below ``xp[0]`` and above ``xp[-1]`` (default ``fp[0]``, ``fp[-1]``).
    period : scalar, optional
        A period for angular ``x``; ``left`` and ``right`` are then ignored.

    Returns
    -------
    float64 or complex128 values of ``x``'s shape (a scalar for a scalar ``x``).
    """
    rp = _rp()
    fp = _core.asanyarray(fp)
    is_complex = fp.dtype.kind == "c"
    dt = rp.complex128 if is_complex else rp.float64
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = abs(period)
        left = right = None
        x = rp.asarray(x, dtype=rp.float64)
        xp = rp.asarray(xp, dtype=rp.float64)
        fp = rp.asarray(fp, dtype=dt)
        if xp.ndim != 1 or fp.ndim != 1:
            raise ValueError("Data points must be 1-D sequences")
        if xp.shape[0] != fp.shape[0]:
            raise ValueError("fp and xp are not of the same length")
        x = x % period
        xp = xp % period
        order = rp.argsort(xp)
        xp = xp[order]
        fp = fp[order]
        xp = rp.concatenate((xp[-1:] - period, xp, xp[0:1] + period))
        fp = rp.concatenate((fp[-1:], fp, fp[0:1]))
    if fp.ndim != 1:
        _one_d(fp)
    if not is_complex:
        fp = _as_float64(fp)
    else:
        fp = fp.astype(rp.complex128, copy=False)
    xp = _as_float64(xp)
    x = _as_float64(x, ndim1=False)
    if xp.size == 0:
        raise ValueError("array of sample points is empty")
    if fp.size != xp.size:
        raise ValueError("fp and xp are not of the same length.")
    out = _core._interp(x, xp, fp, _fill(left, is_complex), _fill(right, is_complex))
    return out[()] if out.ndim == 0 else out


# ---------------------------------------------------------------------------
# convolve, correlate
# ---------------------------------------------------------------------------

_MODES = {"valid": 0, "same": 1, "full": 2}


def _mode(mode):
    if isinstance(mode, str):
        if mode in _MODES:
            return _MODES[mode]
        raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")
    try:
        k = operator.index(mode)
    except TypeError:
        raise TypeError("convolve/correlate mode not understood") from None
    if not 0 <= k <= 2:
        raise ValueError("integer convolve/correlate mode must be 0, 1, or 2")
    return k


def _correlate(a, v, mode, conj):
    rp = _rp()
    k = _mode(mode)
    a, v = _core.asanyarray(a), _core.asanyarray(v)
    dt = rp.result_type(a, v)
    a = _one_d(a.astype(dt, copy=False))
    v = _one_d(v.astype(dt, copy=False))
    if dt.kind in "biufc" and dt.name not in ("longdouble", "clongdouble"):
        return _core._correlate(a, v, k, conj)
    if dt.kind == "m":
        # timedelta products sum as their int64 ticks (NumPy's dot for the type).
        i8 = rp.dtype("int64")
        return _core._correlate(a.view(i8), v.view(i8), k, conj).view(rp.dtype("m8"))
    # Other types (objects, longdouble): shifted products added in window order.
    if a.size == 0:
        raise ValueError("first array argument cannot be empty")
    if v.size == 0:
        raise ValueError("second array argument cannot be empty")
    if dt.kind not in "Ofc":
        raise ValueError("function not available for this data type")
    if conj and dt.kind == "c":
        v = v.conjugate()
    inverted = a.size < v.size
    if inverted:
        a, v = v, a
    n1, n2 = a.size, v.size
    first, length = {0: (0, n1 - n2 + 1), 1: (-(n2 // 2), n1), 2: (-(n2 - 1), n1 + n2 - 1)}[k]
    out = rp.zeros(length, dt)
    for j in _range(n2):
        lo = builtins.max(0, -j - first)
        hi = builtins.min(length, n1 - j - first)
        if lo < hi:
            out[lo:hi] = out[lo:hi] + a[first + j + lo:first + j + hi] * v[j]
    return out[::-1].copy() if inverted else out


def correlate(a, v, mode="valid"):
    """The cross-correlation of two 1-d sequences: ``c[k] = sum_n a[n + k] * conj(v[n])``.

    Parameters
    ----------
    a, v : array_like, 1-d
    mode : {'valid', 'same', 'full'}, optional

    Returns
    -------
    ndarray of the common dtype.
    """
    return _correlate(a, v, mode, True)


def convolve(a, v, mode="full"):
    """The discrete linear convolution of two 1-d sequences.

    Parameters
    ----------
    a, v : array_like, 1-d
    mode : {'full', 'valid', 'same'}, optional

    Returns
    -------
    ndarray of the common dtype.
    """
    rp = _rp()
    a = rp.array(a, copy=None, ndmin=1)
    v = rp.array(v, copy=None, ndmin=1)
    if len(a) == 0:
        raise ValueError("a cannot be empty")
    if len(v) == 0:
        raise ValueError("v cannot be empty")
    if len(v) > len(a):
        a, v = v, a
    return _correlate(a, v[::-1], mode, False)


# ---------------------------------------------------------------------------
# packbits, unpackbits
# ---------------------------------------------------------------------------

def _bitorder(bitorder):
    if not isinstance(bitorder, str):
        raise TypeError("pack() argument 3 must be str, not " + type(bitorder).__name__)
    if bitorder in ("little", "l") or (bitorder and bitorder[0] == "l"):
        return True
    if bitorder and bitorder[0] == "b":
        return False
    raise ValueError("'order' must be either 'little' or 'big'")


def _bits_axis(a, axis):
    """``a`` and the axis packbits/unpackbits work along: the flattened array for None, and
    NumPy's axis check, which takes a 0-d array as 1-d."""
    if axis is None or a.ndim == 0:
        if axis is not None:
            axis = operator.index(axis)
            if axis not in (0, -1):
                raise _rp().exceptions.AxisError(axis, 1)
        return a.ravel(), 0
    axis = operator.index(axis)
    if not -a.ndim <= axis < a.ndim:
        raise _rp().exceptions.AxisError(axis, a.ndim)
    return a, axis % a.ndim


def _split(shape, axis):
    return math.prod(shape[:axis]), shape[axis], math.prod(shape[axis + 1:])


def packbits(a, /, axis=None, bitorder="big"):
    """Pack the elements of a binary-valued array into the bits of a uint8 array.

    Parameters
    ----------
    a : array_like of integers or booleans
    axis : int, optional
        The axis to pack along (default: the flattened array).
    bitorder : {'big', 'little'}, optional

    Returns
    -------
    ndarray of uint8, ``ceil(n / 8)`` long along ``axis``.
    """
    little = _bitorder(bitorder)
    a = _core.asanyarray(a)
    if a.dtype.kind not in "biu":
        raise TypeError("Expected an input array of integer or boolean data type")
    a, axis = _bits_axis(a, axis)
    # The core reads each item as its truth (a cast to bool, or the bool bytes themselves).
    outer, n, inner = _split(a.shape, axis)
    out = _core._packbits(a, outer, n, inner, little)
    shape = list(a.shape)
    shape[axis] = (n + 7) // 8
    return out.reshape(shape)


def unpackbits(a, /, axis=None, count=None, bitorder="big"):
    """Unpack the bits of a uint8 array into a binary-valued uint8 array.

    Parameters
    ----------
    a : array_like of uint8
    axis : int, optional
        The axis to unpack along (default: the flattened array).
    count : int, optional
        How many bits to keep along ``axis`` (negative: drop from the end; more than there
        are: pad with zeros).
    bitorder : {'big', 'little'}, optional

    Returns
    -------
    ndarray of uint8.
    """
    rp = _rp()
    little = _bitorder(bitorder)
    a = _core.asanyarray(a)
    if a.dtype != rp.dtype(rp.uint8):
        raise TypeError("Expected an input array of unsigned byte data type")
    a, axis = _bits_axis(a, axis)
    outer, n, inner = _split(a.shape, axis)
    out_n = 8 * n
    if count is not None:
        count = operator.index(count)
        if count < 0:
            out_n += count
            if out_n < 0:
                raise ValueError("-count larger than number of elements")
        else:
            out_n = count
    out = _core._unpackbits(rp.ascontiguousarray(a), outer, n, inner, out_n, little)
    shape = list(a.shape)
    shape[axis] = out_n
    return out.reshape(shape)
