"""numpy's ``Generator``: the methods draw from a bit generator with numpy's algorithms, so
that a seed gives numpy's numbers (see plans/random.md for what is implemented)."""

import builtins
import numbers
import operator
import warnings

from .. import _core
from .._shape import broadcast_shapes, broadcast_to
from ._bit_generator import PCG64, BitGenerator
from ._common import check_output, shape_of
from ._distributions import Distributions
from ._shuffling import Shuffling, _rp

_F64 = _core.dtype("float64")
_F32 = _core.dtype("float32")
_U64 = _core.dtype("uint64")
_U32 = _core.dtype("uint32")
# dtype -> (bits, lowest, highest) of numpy's bounded integers
_INTEGERS = {_core.dtype(name): (bits, lo, hi) for name, bits, lo, hi in [
    ("bool", 1, 0, 1), ("int8", 8, -2**7, 2**7 - 1), ("uint8", 8, 0, 2**8 - 1),
    ("int16", 16, -2**15, 2**15 - 1), ("uint16", 16, 0, 2**16 - 1),
    ("int32", 32, -2**31, 2**31 - 1), ("uint32", 32, 0, 2**32 - 1),
    ("int64", 64, -2**63, 2**63 - 1), ("uint64", 64, 0, 2**64 - 1)]}


def _bounds_error(closed, low):
    """numpy's message for an empty range (``high <= 0`` when low is all zero)."""
    if not _any(low):
        return f"high {'<' if closed else '<='} 0"
    return f"low {'>' if closed else '>='} high"


class Generator(Distributions, Shuffling):
    """Draws from distributions with a :class:`BitGenerator`, numpy's algorithms bit for bit.

    Parameters
    ----------
    bit_generator : BitGenerator
        The source of random bits (shared, with its lock, by every Generator using it).

    Examples
    --------
    >>> import rumpy as rp
    >>> g = rp.random.Generator(rp.random.PCG64(12345))
    >>> float(g.random()) == float(__import__("numpy").random.default_rng(12345).random())
    True
    """

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("bit_generator must be a rumpy BitGenerator")
        self._bit_generator = bit_generator

    @property
    def bit_generator(self):
        """The bit generator this Generator draws from."""
        return self._bit_generator

    def __repr__(self):
        return f"{self} at 0x{id(self):X}"

    def __str__(self):
        return f"{type(self).__name__}({type(self._bit_generator).__name__})"

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            method="svd"):
        """Multivariate normal draws of mean ``mean`` (1-d, length N) and covariance ``cov``
        (N x N): standard normals times a factor of ``cov``, numpy's steps.

        Parameters
        ----------
        mean : array_like, 1-d
            The mean.
        cov : array_like, 2-d
            The covariance: symmetric positive-semidefinite.
        size : int or tuple of ints, optional
            Leading shape; the result has shape ``size + (N,)`` (``(N,)`` by default).
        check_valid : {'warn', 'raise', 'ignore'}, optional
            What to do when ``cov`` is not positive-semidefinite (within ``tol``); not
            checked with ``method='cholesky'``, which fails on such a ``cov``.
        tol : float, optional
            Tolerance of that check.
        method : {'svd', 'eigh', 'cholesky'}, optional
            The factor of ``cov``: ``u * sqrt(s)`` from ``svd`` or ``eigh``, or the Cholesky
            factor. The normals are numpy's bit for bit and the factors LAPACK's to rounding,
            signs included up to N = 25 (beyond, LAPACK divides and conquers and the signs of
            the singular and eigen vectors, so the draws for 'svd' and 'eigh', may differ).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> mean, cov = [0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]]
        >>> r = rp.random.default_rng(1).multivariate_normal(mean, cov, 3, method="cholesky")
        >>> r.shape
        (3, 2)
        >>> n = np.random.default_rng(1).multivariate_normal(mean, cov, 3, method="cholesky")
        >>> bool(np.allclose(r.tolist(), n, rtol=1e-12, atol=1e-12))
        True
        """
        rp = _rp()
        if method not in {"eigh", "svd", "cholesky"}:
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        mean, cov, final_shape = _mvn_arguments(rp, mean, cov, size, True)
        # the standard normals first (numpy draws them before factoring cov), one row of
        # len(mean) per sample
        x = self.standard_normal(final_shape).reshape(-1, mean.shape[0])
        # a factor A of cov (A @ A.T == cov); float64 so that tol means something (GH10839)
        cov = cov.astype(_F64)
        if method == "svd":
            u, s, vh = rp.linalg.svd(cov)
        elif method == "eigh":
            s, u = rp.linalg.eigh(cov)
        else:
            lower = rp.linalg.cholesky(cov)
        # cholesky has failed already on a cov that is not positive-definite
        if check_valid != "ignore" and method != "cholesky":
            if check_valid != "warn" and check_valid != "raise":
                raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
            if method == "svd":
                psd = rp.allclose(rp.dot(vh.T * s, vh), cov, rtol=tol, atol=tol)
            else:
                psd = not rp.any(s < -tol)
            if not psd:
                if check_valid == "warn":
                    warnings.warn("covariance is not symmetric positive-semidefinite.",
                                  RuntimeWarning, stacklevel=2)
                else:
                    raise ValueError("covariance is not symmetric positive-semidefinite.")
        if method == "cholesky":
            factor = lower
        elif method == "eigh":
            # abs: no NaN from a tiny negative eigenvalue (or any, with check_valid='ignore')
            factor = u * rp.sqrt(abs(s))
        else:
            factor = u * rp.sqrt(s)
        x = mean + x @ factor.T
        x.shape = tuple(final_shape)
        return x

    def spawn(self, n_children):
        """New Generators over bit generators spawned from this one's (see
        :meth:`BitGenerator.spawn`).

        Examples
        --------
        >>> import rumpy as rp
        >>> len(rp.random.default_rng(1).spawn(3))
        3
        """
        return [type(self)(g) for g in self._bit_generator.spawn(n_children)]

    def random(self, size=None, dtype=_F64, out=None):
        """Floats uniform in [0, 1): 53 random bits per float64, 24 per float32.

        Parameters
        ----------
        size : int or tuple of ints, optional
            Output shape; one Python float when neither ``size`` nor ``out`` is given.
        dtype : {float64, float32}, optional
            The result's type.
        out : ndarray, optional
            A C- or F-contiguous array of ``dtype`` to fill (in memory order); its shape
            must be ``size`` if both are given.

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.default_rng(0).random(3).shape
        (3,)
        """
        dt = _core.dtype(dtype)
        if dt != _F64 and dt != _F32:
            raise TypeError(f"Unsupported dtype {dt!r} for random")
        bg = self._bit_generator
        core = bg._core
        if size is None and out is None:
            with bg.lock:
                return core.next_double() if dt == _F64 else float(core.next_float())
        if out is not None:
            check_output(out, dt, size, False)
        else:
            out = _core.empty(shape_of(size), dtype=dt)
        with bg.lock:
            core.fill_random(out)
        return out


    def integers(self, low, high=None, size=None, dtype="int64", endpoint=False):
        """Random integers in [low, high), or [low, high] with ``endpoint=True``, numpy's
        algorithm (Lemire's rejection) bit for bit.

        Parameters
        ----------
        low : int or array_like of ints
            Lowest value (inclusive); the range is [0, low) when ``high`` is None.
        high : int or array_like of ints, optional
            One above the highest value (or the highest, with ``endpoint``).
        size : int or tuple of ints, optional
            Output shape; by default one value (scalar bounds) or the bounds' broadcast shape.
        dtype : dtype, optional
            An integer type or bool; int64 by default.
        endpoint : bool, optional
            Include ``high``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> a = rp.random.default_rng(5).integers(0, 10, size=4)
        >>> a.tolist() == np.random.default_rng(5).integers(0, 10, size=4).tolist()
        True
        """
        if high is None:
            high, low = low, 0
        dt = _core.dtype(dtype)
        if dt not in _INTEGERS:
            if not dt.isnative:
                raise ValueError("Providing a dtype with a non-native byteorder is not supported. "
                                 "If you require platform-independent byteorder, call byteswap "
                                 "when required.")
            raise TypeError(f"Unsupported dtype {dt!r} for integers")
        r = _bounded(self._bit_generator, dt, low, high, size, endpoint, False)
        if size is None and (dtype is bool or dtype is int) and _core.asanyarray(r).ndim == 0:
            return dtype(r)
        return r


    def bytes(self, length):
        """``length`` random bytes (from uint32 draws, little-endian), numpy's.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.default_rng(3).bytes(10) == np.random.default_rng(3).bytes(10)
        True
        """
        m = operator.index(length) - 1
        # C's division, as numpy's (truncating: a length of 0 still draws one word)
        n = (m // 4 if m >= 0 else -(-m // 4)) + 1
        words = self.integers(0, 4294967296, size=n, dtype=_U32)
        return words.astype("<u4").tobytes()[:length]


def _mvn_arguments(rp, mean, cov, size, refuse_complex):
    """``multivariate_normal``'s preconditions, numpy's (``_generator.pyx``, and without the
    complex check ``mtrand.pyx``): ``mean`` and ``cov`` as arrays, and the output shape as a
    list, ``size`` (None, an int or a sequence) followed by ``len(mean)``."""
    mean = rp.array(mean)
    cov = rp.array(cov)
    if refuse_complex and (rp.issubdtype(mean.dtype, rp.complexfloating)
                           or rp.issubdtype(cov.dtype, rp.complexfloating)):
        raise TypeError("mean and cov must not be complex")
    if size is None:
        shape = []
    elif isinstance(size, (int, numbers.Integral, rp.integer)):
        shape = [size]
    else:
        shape = size
    if len(mean.shape) != 1:
        raise ValueError("mean must be 1 dimensional")
    if len(cov.shape) != 2 or cov.shape[0] != cov.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    if mean.shape[0] != cov.shape[0]:
        raise ValueError("mean and cov must have same length")
    if not hasattr(type(shape), "__getitem__"):
        # Cython's message for ``shape[:]`` (Python's would be "... not subscriptable")
        raise TypeError(f"'{type(shape).__name__}' object is unsliceable")
    final_shape = list(shape[:])
    final_shape.append(mean.shape[0])
    return mean, cov, final_shape


def _bounded(bg, dt, low, high, size, closed, use_masked):
    """numpy's ``_rand_{dtype}``: integers of ``dt`` in [low, high) ([low, high] when
    ``closed``), scalar or array bounds, one fill in the core."""
    bits, lb, ub = _INTEGERS[dt]
    width = (1 << 64) - 1 if bits == 64 else (1 << bits) - 1
    name = "bool" if bits == 1 else dt.name
    if size is not None and _prod(shape_of(size)) == 0:
        return _core.empty(shape_of(size), dtype=dt)
    if _scalar(low) and _scalar(high):
        lo, hi = int(low), int(high)
        if not closed:
            hi -= 1
        if lo < lb:
            raise ValueError(f"low is out of bounds for {name}")
        if hi > ub:
            raise ValueError(f"high is out of bounds for {name}")
        if lo > hi:
            raise ValueError(_bounds_error(closed, lo))
        off = _core.asanyarray([lo & width], dtype=_U64)
        rng = _core.asanyarray([(hi - lo) & width], dtype=_U64)
        out = _core.empty(1 if size is None else shape_of(size), dtype=dt)
        with bg.lock:
            bg._core.fill_bounded(out, off, rng, use_masked)
        return out[0] if size is None else out
    # array bounds: numpy's checks, then one range per item of the broadcast
    low_arr, high_arr = _bound_array(low), _bound_array(high)
    if not _core.can_cast(low_arr, dt) and _any(_core.less(low_arr, lb)):
        raise ValueError(f"low is out of bounds for {name}")
    high_cmp, order_cmp = (_core.greater_equal, _core.greater) if closed else \
        (_core.greater, _core.greater_equal)
    if not _core.can_cast(high_arr, dt) and _any(high_cmp(high_arr, ub + 1)):
        raise ValueError(f"high is out of bounds for {name}")
    if _any(order_cmp(low_arr, high_arr)):
        raise ValueError(_bounds_error(closed, low_arr))
    if low_arr.dtype.kind == "O" or high_arr.dtype.kind == "O":
        # bounds beyond 64 bits: numpy works them out as Python ints
        shape = broadcast_shapes(low_arr.shape, high_arr.shape)
        los = broadcast_to(low_arr, shape)
        his = broadcast_to(high_arr, shape)
        lo = _core.asanyarray([int(v) & width for v in los.ravel().tolist()],
                           dtype=_U64).reshape(shape)
        rng = _core.asanyarray([(int(h) - (not closed) - int(v)) & width
                             for v, h in zip(los.ravel().tolist(), his.ravel().tolist())],
                            dtype=_U64).reshape(shape)
    else:
        wide = _core.dtype("uint64" if dt.kind == "u" and bits == 64 else "int64")
        lo = low_arr.astype(wide).astype(_U64)
        hi = high_arr.astype(wide).astype(_U64)
        rng = _core.subtract(_core.subtract(hi, _U64.type(not closed)), lo)
        if bits < 64:
            rng = _core.bitwise_and(rng, _U64.type(width))
            lo = _core.bitwise_and(lo, _U64.type(width))
    shape = broadcast_shapes(lo.shape, rng.shape)
    out_shape = shape if size is None else shape_of(size)
    # numpy's iterator over (low, high, out): its message names them arg 0, 1 and 2
    full = broadcast_shapes(low_arr.shape, high_arr.shape, out_shape)
    out = _core.empty(out_shape, dtype=dt)
    n = out.size
    off = broadcast_to(lo, full).ravel()[:n].astype(_U64)
    rng = broadcast_to(rng, full).ravel()[:n].astype(_U64)
    with bg.lock:
        bg._core.fill_bounded(out, off, rng, use_masked)
    return out


def _bound_array(x):
    """Bounds as an array: object dtype for Python ints beyond 64 bits (numpy's too)."""
    try:
        return _core.asanyarray(x)
    except OverflowError:
        return _core.asanyarray(x, dtype=object)


def _any(x):
    """Whether any item of ``x`` is true."""
    return builtins.bool(_core.logical_or.reduce(_core.asanyarray(x).ravel()))


def _scalar(x):
    """A bound numpy reads as one number (Python's numbers may exceed 64 bits)."""
    return isinstance(x, numbers.Number) or getattr(x, "ndim", None) == 0


def _prod(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def default_rng(seed=None):
    """A :class:`Generator` over :class:`PCG64` seeded with ``seed`` (None: fresh entropy);
    given a Generator, that Generator; given a bit generator, a Generator over it.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.default_rng(42).random() == np.random.default_rng(42).random()
    True
    """
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    return Generator(PCG64(seed))
