"""Window functions: hanning, hamming, blackman, bartlett, kaiser (numpy semantics)."""

import math

import rumpy as _rp

__all__ = ["bartlett", "blackman", "hamming", "hanning", "kaiser"]


def _prepare(*vals):
    """Promote ``vals`` together with 0.0 (at least float64) like numpy does; returns
    (dtype, python values)."""
    arr = _rp.asarray([0.0, *vals])
    return arr.dtype, [arr[i + 1] for i in range(len(vals))]


def _symmetric(M):
    """(dtype, M, n) where n = arange(1 - M, M, 2), or an early result for M < 1 or M == 1."""
    dt, (m,) = _prepare(M)
    if m < 1:
        return _rp.array([], dtype=dt), None, None
    if m == 1:
        return _rp.ones(1, dtype=dt), None, None
    return None, m, _rp.arange(1 - m, m, 2)


def hanning(M):
    """Return the Hanning window of ``M`` points (float64)."""
    early, m, n = _symmetric(M)
    if early is not None:
        return early
    return 0.5 + 0.5 * _rp.cos(math.pi * n / (m - 1))


def hamming(M):
    """Return the Hamming window of ``M`` points (float64)."""
    early, m, n = _symmetric(M)
    if early is not None:
        return early
    return 0.54 + 0.46 * _rp.cos(math.pi * n / (m - 1))


def blackman(M):
    """Return the Blackman window of ``M`` points (float64)."""
    early, m, n = _symmetric(M)
    if early is not None:
        return early
    return 0.42 + 0.5 * _rp.cos(math.pi * n / (m - 1)) + 0.08 * _rp.cos(2.0 * math.pi * n / (m - 1))


def bartlett(M):
    """Return the Bartlett (triangular) window of ``M`` points (float64)."""
    early, m, n = _symmetric(M)
    if early is not None:
        return early
    return _rp.where(_rp.less_equal(n, 0), 1 + n / (m - 1), 1 - n / (m - 1))


def kaiser(M, beta):
    """Return the Kaiser window of ``M`` points with shape parameter ``beta``."""
    dt, (m, b) = _prepare(M, beta)
    if m == 1:
        return _rp.ones(1, dtype=dt)
    n = _rp.arange(0, m)
    alpha = (m - 1) / 2.0
    return _rp.i0(b * _rp.sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / _rp.i0(b)
