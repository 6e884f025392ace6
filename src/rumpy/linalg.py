"""Linear algebra (NumPy's ``numpy.linalg``).

The structure is NumPy's own front end (numpy/linalg/_linalg.py): argument checks, the
computing type (float64 or complex128, results cast back to single precision when every input
is single precision), empty inputs and named results are handled here, and the factorizations
run in the private generalized ufuncs of ``rumpy._core._umath_linalg``. A matrix the
factorization cannot handle (singular, not positive definite, no convergence) comes back
filled with NaN and raises the *invalid* floating-point flag; each call runs under an
``errstate`` whose *invalid* handler raises :class:`LinAlgError` with NumPy's message.
"""

import math
import operator
import warnings
from typing import Any, NamedTuple

from . import _core
from ._errstate import errstate, failing as _errstate_failing
from ._finfo import finfo
from ._helpers import _NoValue, where as _where
from ._reductions import _normalize_axis_index, amax, amin, count_nonzero, sum as _sum
from ._shape import moveaxis, normalize_axis_tuple, swapaxes, transpose as _transpose
from ._shape import matrix_transpose as _core_matrix_transpose
from ._sort import argsort, sort
from ._indexing import take_along_axis, triu, diagonal as _core_diagonal
from .exceptions import _AlsoNumpys, _UFuncInputCastingError

__all__ = ["matrix_power", "solve", "tensorsolve", "tensorinv", "inv", "cholesky", "eigvals",
           "eigvalsh", "pinv", "slogdet", "det", "svd", "svdvals", "eig", "eigh", "lstsq",
           "norm", "qr", "cond", "matrix_rank", "LinAlgError", "multi_dot", "trace", "diagonal",
           "cross", "outer", "tensordot", "matmul", "matrix_transpose", "matrix_norm",
           "vector_norm", "vecdot"]

_ndarray = _core.ndarray
_asarray = _core.asanyarray
_asanyarray = _core.asanyarray
_F32 = _core.dtype("float32")
_F64 = _core.dtype("float64")
_C64 = _core.dtype("complex64")
_C128 = _core.dtype("complex128")
_REAL = {_F32: _F32, _F64: _F64, _C64: _F32, _C128: _F64}
_COMPLEX = {_F32: _C64, _F64: _C128, _C64: _C64, _C128: _C128}
_inf = float("inf")

_abs = _core.absolute
_add = _core.add
_sqrt = _core.sqrt
_isnan = _core.isnan
_isfinite = _core.isfinite
_divide = _core.divide
_multiply = _core.multiply
_reciprocal = _core.reciprocal
_copysign = _core.copysign
_core_matmul = _core.matmul
_core_vecdot = _core.vecdot


# ---------------------------------------------------------------------------
# results and errors
# ---------------------------------------------------------------------------

class EigResult(NamedTuple):
    """The result of :func:`eig`: eigenvalues and right eigenvectors (in columns)."""

    eigenvalues: Any
    eigenvectors: Any


class EighResult(NamedTuple):
    """The result of :func:`eigh`: ascending eigenvalues and eigenvectors (in columns)."""

    eigenvalues: Any
    eigenvectors: Any


class QRResult(NamedTuple):
    """The result of :func:`qr`: ``Q`` with orthonormal columns and upper-triangular ``R``."""

    Q: Any
    R: Any


class SlogdetResult(NamedTuple):
    """The result of :func:`slogdet`: the determinant is ``sign * exp(logabsdet)``."""

    sign: Any
    logabsdet: Any


class SVDResult(NamedTuple):
    """The result of :func:`svd`: ``a == U @ (S[..., None] * Vh)``."""

    U: Any
    S: Any
    Vh: Any


class LinAlgError(_AlsoNumpys, ValueError):
    """A linear algebra function failed: a singular or not positive-definite matrix, an
    algorithm that did not converge, or arrays of the wrong dimensions.

    While NumPy is loaded, ``except numpy.linalg.LinAlgError`` catches it too."""

    _is_public = True
    _numpy_module = "numpy.linalg"


def _raise_singular(err, flag):
    raise LinAlgError("Singular matrix")


def _raise_nonposdef(err, flag):
    raise LinAlgError("Matrix is not positive definite")


def _raise_eig_nonconvergence(err, flag):
    raise LinAlgError("Eigenvalues did not converge")


def _raise_svd_nonconvergence(err, flag):
    raise LinAlgError("SVD did not converge")


def _raise_lstsq(err, flag):
    raise LinAlgError("SVD did not converge in Linear Least Squares")


def _raise_qr(err, flag):
    raise LinAlgError("Incorrect argument found while performing QR factorization")


def _failing(handler):
    """The error state the gufuncs run under: a failed matrix (the *invalid* flag) raises
    through ``handler``; the other flags are the factorization's own business."""
    return _errstate_failing(handler)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def _gufuncs():
    """The core's linear-algebra gufuncs."""
    g = getattr(_core, "_umath_linalg", None)
    if g is None:
        raise NotImplementedError(
            "this build of rumpy has no rumpy._core._umath_linalg (the factorizations)")
    return g


def _same(x):
    return x


def _makearray(a):
    """``a`` as an array, and the function that gives a result ``a``'s class (for
    subclasses of rumpy's ndarray)."""
    new = _core.asarray(a)  # a plain array, as numpy's (the result is wrapped back)
    if isinstance(a, _ndarray) and type(a) is not _ndarray:
        return new, a.__array_wrap__
    return new, _same


def _is_complex(t):
    return t.kind == "c"


def _common_type(*arrays):
    """(computing type, result type) of arrays: float64/complex128 to compute in, single
    precision results when every input is single precision; integers and bools count as
    double; other floating types are refused."""
    double = False
    cplx = False
    for a in arrays:
        dt = a.dtype
        if dt.kind in "fc":
            cplx = cplx or dt.kind == "c"
            size = dt.itemsize // 2 if dt.kind == "c" else dt.itemsize
            if size == 8:
                double = True
            elif size != 4:
                raise TypeError(f"array type {dt.name} is unsupported in linalg")
        else:
            double = True
    if cplx:
        return _C128, (_C128 if double else _C64)
    return _F64, (_F64 if double else _F32)


def _cast(name, t, *arrays, nin=None):
    """The gufunc's inputs cast to its loop type ``t`` under 'same_kind', as a gufunc call
    with a signature casts them (with its error when one cannot be). ``nin``: the gufunc's
    number of inputs, when it has more than given here."""
    nin = len(arrays) if nin is None else nin
    out = []
    for k, a in enumerate(arrays):
        if a.dtype == t:
            out.append(a)
            continue
        if not _core.can_cast(a.dtype, t, casting="same_kind"):
            which = f" {k}" if nin > 1 else ""
            raise _UFuncInputCastingError(
                f"Cannot cast ufunc '{name}' input{which} from {a.dtype!r} to {t!r} with "
                "casting rule 'same_kind'")
        out.append(a.astype(t, copy=False))
    return out if len(out) > 1 else out[0]


def _assert_2d(*arrays):
    for a in arrays:
        if a.ndim != 2:
            raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be "
                              "two-dimensional")


def _assert_stacked_2d(*arrays):
    for a in arrays:
        if a.ndim < 2:
            raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least "
                              "two-dimensional")


def _assert_stacked_square(*arrays):
    for a in arrays:
        _assert_stacked_2d(a)
        m, n = a.shape[-2:]
        if m != n:
            raise LinAlgError("Last 2 dimensions of the array must be square")


def _assert_finite(*arrays):
    for a in arrays:
        if not _isfinite(a).all():
            raise LinAlgError("Array must not contain infs or NaNs")


def _is_empty_2d(a):
    return a.size == 0 and math.prod(a.shape[-2:]) == 0


def _reshape(x, shape):
    """``x.reshape(shape)`` for arrays and scalars alike (as NumPy's scalars do it: a scalar
    stays one for shape ())."""
    if isinstance(x, _ndarray):
        return x.reshape(shape)
    shape = tuple(shape)
    return x if shape == () else _asarray(x).reshape(shape)


def _mT(a):
    return swapaxes(a, -1, -2)


# ---------------------------------------------------------------------------
# solving and inverting
# ---------------------------------------------------------------------------

def solve(a, b):
    """Solve ``a @ x = b`` for ``x``.

    Parameters
    ----------
    a : (..., M, M) array_like
        Coefficient matrices.
    b : (M,) or (..., M, K) array_like
        Right-hand sides: a vector when ``b`` is 1-d, else matrices (broadcast with ``a``).

    Returns
    -------
    x : ndarray
        The solution, of ``b``'s shape (broadcast).

    Raises
    ------
    LinAlgError
        If ``a`` is singular or not square.
    """
    a, _ = _makearray(a)
    _assert_stacked_square(a)
    b, wrap = _makearray(b)
    t, result_t = _common_type(a, b)
    name = "solve1" if b.ndim == 1 else "solve"
    a, b = _cast(name, t, a, b)
    with _failing(_raise_singular):
        r = getattr(_gufuncs(), name)(a, b)
    return wrap(r.astype(result_t, copy=False))


def tensorsolve(a, b, axes=None):
    """Solve the tensor equation ``tensordot(a, x, axes=x.ndim) = b`` for ``x``.

    ``axes`` names the axes of ``a`` moved to the end (in that order) before solving.
    ``prod(a.shape[b.ndim:])`` must equal ``prod(a.shape[:b.ndim])``.
    """
    a, wrap = _makearray(a)
    b = _asarray(b)
    an = a.ndim
    if axes is not None:
        allaxes = list(range(an))
        for k in axes:
            allaxes.remove(k)
            allaxes.insert(an, k)
        a = a.transpose(allaxes)
    oldshape = a.shape[-(an - b.ndim):]
    size = math.prod(oldshape)
    if a.size != size ** 2:
        raise LinAlgError("Input arrays must satisfy the requirement "
                          "            prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    a = a.reshape(size, size)
    b = b.ravel()
    res = wrap(solve(a, b))
    return res.reshape(oldshape)


def inv(a):
    """The (multiplicative) inverse of a matrix, or of each matrix of a stack.

    Raises
    ------
    LinAlgError
        If a matrix is singular or not square.
    """
    a, wrap = _makearray(a)
    _assert_stacked_square(a)
    t, result_t = _common_type(a)
    a = _cast("inv", t, a)
    with _failing(_raise_singular):
        ainv = _gufuncs().inv(a)
    return wrap(ainv.astype(result_t, copy=False))


def tensorinv(a, ind=2):
    """The inverse of an N-d array for :func:`tensordot` over its first ``ind`` axes.

    The result has shape ``a.shape[ind:] + a.shape[:ind]``.
    """
    a = _asarray(a)
    oldshape = a.shape
    if ind > 0:
        invshape = oldshape[ind:] + oldshape[:ind]
        size = math.prod(oldshape[ind:])
    else:
        raise ValueError("Invalid ind argument.")
    a = a.reshape(size, -1)
    ia = inv(a)
    return ia.reshape(*invshape)


def matrix_power(a, n):
    """Raise a square matrix (or a stack of them) to the integer power ``n``.

    ``n == 0`` gives identity matrices of ``a``'s dtype; negative powers invert first.
    """
    a = _asanyarray(a)
    _assert_stacked_square(a)
    try:
        n = operator.index(n)
    except TypeError as e:
        raise TypeError("exponent must be an integer") from e
    if a.dtype.kind != "O":
        fmatmul = matmul
    elif a.ndim == 2:
        from . import _products
        fmatmul = _products.dot
    else:
        raise NotImplementedError("matrix_power not supported for stacks of object arrays")
    if n == 0:
        a = _core.empty_like(a)
        # (an object identity holds Python ints, as NumPy's eye(dtype=object))
        a[...] = _core.eye(a.shape[-2], dtype=a.dtype if a.dtype.kind != "O" else int)
        return a
    if n < 0:
        a = inv(a)
        n = abs(n)
    if n == 1:
        return a
    if n == 2:
        return fmatmul(a, a)
    if n == 3:
        return fmatmul(fmatmul(a, a), a)
    # binary decomposition: square a while reading n's bits from the lowest
    z = result = None
    while n > 0:
        z = a if z is None else fmatmul(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else fmatmul(result, z)
    return result


# ---------------------------------------------------------------------------
# factorizations
# ---------------------------------------------------------------------------

def cholesky(a, /, *, upper=False):
    """The Cholesky factor of a Hermitian positive-definite matrix.

    Returns ``L`` with ``a == L @ L.conj().T`` (lower triangular), or, with ``upper=True``,
    ``U`` with ``a == U.conj().T @ U``. Only the chosen triangle of ``a`` is read.

    Raises
    ------
    LinAlgError
        If a matrix is not positive definite or not square.
    """
    a, wrap = _makearray(a)
    _assert_stacked_square(a)
    t, result_t = _common_type(a)
    name = "cholesky_up" if upper else "cholesky_lo"
    a = _cast(name, t, a)
    with _failing(_raise_nonposdef):
        r = getattr(_gufuncs(), name)(a)
    return wrap(r.astype(result_t, copy=False))


def qr(a, mode="reduced"):
    """The QR factorization ``a = Q @ R`` of a matrix (or each matrix of a stack).

    Parameters
    ----------
    a : (..., M, N) array_like
    mode : {'reduced', 'complete', 'r', 'raw'}
        'reduced': Q (..., M, K), R (..., K, N) with K = min(M, N); 'complete': Q (..., M, M),
        R (..., M, N); 'r': R only; 'raw': LAPACK's ``(h, tau)`` with ``h`` (..., N, M)
        holding R and the Householder reflectors. ('full'/'f' and 'economic'/'e' are
        deprecated.)

    Returns
    -------
    QRResult (Q, R), R, or (h, tau)
    """
    if mode not in ("reduced", "complete", "r", "raw"):
        if mode in ("f", "full"):
            warnings.warn("The 'full' option is deprecated in favor of 'reduced'.\n"
                          "For backward compatibility let mode default.",
                          DeprecationWarning, stacklevel=2)
            mode = "reduced"
        elif mode in ("e", "economic"):
            warnings.warn("The 'economic' option is deprecated.", DeprecationWarning,
                          stacklevel=2)
            mode = "economic"
        else:
            raise ValueError(f"Unrecognized mode '{mode}'")
    a, wrap = _makearray(a)
    _assert_stacked_2d(a)
    m, n = a.shape[-2:]
    t, result_t = _common_type(a)
    a = a.astype(t)
    g = _gufuncs()
    if mode in ("r", "raw", "economic"):
        with _failing(_raise_qr):
            h, tau = g.qr_r_raw(a)
        if mode == "r":
            return wrap(triu(h[..., :min(m, n), :]).astype(result_t, copy=False))
        if mode == "raw":
            return wrap(_mT(h).astype(result_t, copy=False)), tau.astype(result_t, copy=False)
        return wrap(h.astype(result_t, copy=False))
    gufunc = g.qr_complete if mode == "complete" and m > n else g.qr_reduced
    with _failing(_raise_qr):
        q, r = gufunc(a)
    return QRResult(wrap(q.astype(result_t, copy=False)), wrap(r.astype(result_t, copy=False)))


def eigvals(a):
    """The eigenvalues of a general square matrix (or each of a stack), in no set order.

    Real when ``a`` is real and every eigenvalue is real, else complex.

    Raises
    ------
    LinAlgError
        If ``a`` is not square, holds infinities or NaNs, or the algorithm does not converge.
    """
    a, wrap = _makearray(a)
    _assert_stacked_square(a)
    _assert_finite(a)
    t, result_t = _common_type(a)
    a = _cast("eigvals", t, a)
    with _failing(_raise_eig_nonconvergence):
        w = _gufuncs().eigvals(a)
    if not _is_complex(t):
        if (w.imag == 0).all():
            w = w.real
            result_t = _REAL[result_t]
        else:
            result_t = _COMPLEX[result_t]
    return w.astype(result_t, copy=False)


def eigvalsh(a, UPLO="L"):
    """The eigenvalues, ascending, of a Hermitian (real symmetric) matrix.

    Only the lower (``UPLO='L'``) or upper (``'U'``) triangle of ``a`` is read.
    """
    UPLO = UPLO.upper()
    if UPLO not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    name = "eigvalsh_lo" if UPLO == "L" else "eigvalsh_up"
    a, wrap = _makearray(a)
    _assert_stacked_square(a)
    t, result_t = _common_type(a)
    a = _cast(name, t, a)
    with _failing(_raise_eig_nonconvergence):
        w = getattr(_gufuncs(), name)(a)
    return w.astype(_REAL[result_t], copy=False)


def eig(a):
    """The eigenvalues and right eigenvectors of a general square matrix.

    Returns
    -------
    EigResult (eigenvalues, eigenvectors)
        ``a @ v[:, i] == w[i] * v[:, i]``; unit-norm vectors in the columns. Real when ``a``
        is real and every eigenvalue is real, else complex.

    Raises
    ------
    LinAlgError
        If ``a`` is not square, holds infinities or NaNs, or the algorithm does not converge.
    """
    a, wrap = _makearray(a)
    _assert_stacked_square(a)
    _assert_finite(a)
    t, result_t = _common_type(a)
    a = _cast("eig", t, a)
    with _failing(_raise_eig_nonconvergence):
        w, vt = _gufuncs().eig(a)
    if not _is_complex(t) and (w.imag == 0).all():
        w = w.real
        vt = vt.real
        result_t = _REAL[result_t]
    else:
        result_t = _COMPLEX[result_t]
    vt = vt.astype(result_t, copy=False)
    return EigResult(w.astype(result_t, copy=False), wrap(vt))


def eigh(a, UPLO="L"):
    """The eigenvalues (ascending) and eigenvectors of a Hermitian (real symmetric) matrix.

    Only the lower (``UPLO='L'``) or upper (``'U'``) triangle of ``a`` is read.

    Returns
    -------
    EighResult (eigenvalues, eigenvectors)
        Real eigenvalues; orthonormal eigenvectors in the columns.
    """
    UPLO = UPLO.upper()
    if UPLO not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    a, wrap = _makearray(a)
    _assert_stacked_square(a)
    t, result_t = _common_type(a)
    name = "eigh_lo" if UPLO == "L" else "eigh_up"
    a = _cast(name, t, a)
    with _failing(_raise_eig_nonconvergence):
        w, vt = getattr(_gufuncs(), name)(a)
    w = w.astype(_REAL[result_t], copy=False)
    vt = vt.astype(result_t, copy=False)
    return EighResult(w, wrap(vt))


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """The singular value decomposition ``a = U @ (S[..., None] * Vh)``.

    Parameters
    ----------
    a : (..., M, N) array_like
    full_matrices : bool
        U (..., M, M) and Vh (..., N, N) when true, else (..., M, K) and (..., K, N) with
        K = min(M, N).
    compute_uv : bool
        When false, only the singular values are computed and returned.
    hermitian : bool
        ``a`` is Hermitian: computed from its eigendecomposition.

    Returns
    -------
    SVDResult (U, S, Vh), or S
        S holds the singular values in descending order.
    """
    a, wrap = _makearray(a)
    if hermitian:
        if compute_uv:
            s, u = eigh(a)
            sgn = _copysign(1.0, s)
            s = _abs(s)
            sidx = argsort(s)[..., ::-1]
            sgn = take_along_axis(sgn, sidx, axis=-1)
            s = take_along_axis(s, sidx, axis=-1)
            u = take_along_axis(u, sidx[..., None, :], axis=-1)
            vt = _mT(u * sgn[..., None, :]).conjugate()
            return SVDResult(wrap(u), s, wrap(vt))
        s = _abs(eigvalsh(a))
        return sort(s)[..., ::-1]
    _assert_stacked_2d(a)
    t, result_t = _common_type(a)
    if compute_uv:
        name = "svd_f" if full_matrices else "svd_s"
        a = _cast(name, t, a)
        with _failing(_raise_svd_nonconvergence):
            u, s, vh = getattr(_gufuncs(), name)(a)
        u = u.astype(result_t, copy=False)
        s = s.astype(_REAL[result_t], copy=False)
        vh = vh.astype(result_t, copy=False)
        return SVDResult(wrap(u), s, wrap(vh))
    a = _cast("svd", t, a)
    with _failing(_raise_svd_nonconvergence):
        s = _gufuncs().svd(a)
    return s.astype(_REAL[result_t], copy=False)


def svdvals(x, /):
    """The singular values of a matrix (or each of a stack), in descending order."""
    return svd(x, compute_uv=False, hermitian=False)


# ---------------------------------------------------------------------------
# derived quantities
# ---------------------------------------------------------------------------

def cond(x, p=None):
    """The condition number of a matrix in the norm ``p``.

    ``p`` is None or 2 (ratio of the largest to the smallest singular value), -2 (its
    inverse), or 'fro', 'nuc', inf, -inf, 1, -1 (``norm(x, p) * norm(inv(x), p)``; square
    matrices only). A singular matrix has condition number inf.
    """
    x = _asarray(x)
    if _is_empty_2d(x):
        raise LinAlgError("cond is not defined on empty arrays")
    if p is None or p in {2, -2}:
        s = svd(x, compute_uv=False)
        with errstate(all="ignore"):
            if p == -2:
                r = s[..., -1] / s[..., 0]
            else:
                r = s[..., 0] / s[..., -1]
    else:
        _assert_stacked_square(x)
        t, result_t = _common_type(x)
        result_t = _REAL[result_t]
        xt = _cast("inv", t, x)
        with errstate(all="ignore"):
            invx = _gufuncs().inv(xt)
            r = norm(x, p, axis=(-2, -1)) * norm(invx, p, axis=(-2, -1))
        r = r.astype(result_t, copy=False)
    # NaN from a singular matrix (not from NaN in x) is an infinite condition number
    nan_mask = _asarray(_isnan(r))  # (rumpy's bool scalars have no .any())
    if nan_mask.any():
        nan_mask &= ~_asarray(_isnan(x).any(axis=(-2, -1)))
        if r.ndim > 0:
            r[nan_mask] = _inf
        elif nan_mask:
            r = r.dtype.type(_inf)
    return r


def matrix_rank(A, tol=None, hermitian=False, *, rtol=None):
    """The rank of a matrix: the number of singular values above a threshold.

    The threshold is ``tol`` when given, else ``S.max() * rtol`` with ``rtol`` defaulting to
    ``max(M, N) * eps``. Arrays of fewer than 2 dimensions have rank 1 unless all zero.
    """
    if rtol is not None and tol is not None:
        raise ValueError("`tol` and `rtol` can't be both set.")
    A = _asarray(A)
    if A.ndim < 2:
        return int(not _asarray(A == 0).all())
    S = svd(A, compute_uv=False, hermitian=hermitian)
    if tol is None:
        if rtol is None:
            rtol = max(A.shape[-2:]) * finfo(S.dtype).eps
        else:
            rtol = _asarray(rtol)[..., None]
        tol = S.max(axis=-1, keepdims=True, initial=0) * rtol
    else:
        tol = _asarray(tol)[..., None]
    return count_nonzero(S > tol, axis=-1)


def pinv(a, rcond=None, hermitian=False, *, rtol=_NoValue):
    """The Moore-Penrose pseudo-inverse, from the SVD.

    Singular values at most ``rcond`` (or ``rtol``) times the largest are treated as zero;
    the default cutoff is ``1e-15``, and ``rtol=None`` means ``max(M, N) * eps``.
    """
    a, wrap = _makearray(a)
    if rcond is None:
        if rtol is _NoValue:
            rcond = 1e-15
        elif rtol is None:
            rcond = max(a.shape[-2:]) * finfo(a.dtype).eps
        else:
            rcond = rtol
    elif rtol is not _NoValue:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    rcond = _asarray(rcond)
    if _is_empty_2d(a):
        m, n = a.shape[-2:]
        return wrap(_core.empty(a.shape[:-2] + (n, m), dtype=a.dtype))
    a = a.conjugate()
    u, s, vt = svd(a, full_matrices=False, hermitian=hermitian)
    cutoff = rcond[..., None] * amax(s, axis=-1, keepdims=True)
    large = s > cutoff
    s = _divide(1, s, where=large, out=s)
    s[~large] = 0
    res = matmul(_mT(vt), _multiply(s[..., None], _mT(u)))
    return wrap(res)


def slogdet(a):
    """The sign and the natural log of the absolute value of the determinant.

    Returns
    -------
    SlogdetResult (sign, logabsdet)
        ``det == sign * exp(logabsdet)``; a singular matrix gives ``(0, -inf)``. For complex
        ``a`` the sign has absolute value 1.
    """
    a = _asarray(a)
    _assert_stacked_square(a)
    t, result_t = _common_type(a)
    a = _cast("slogdet", t, a)
    sign, logdet = _gufuncs().slogdet(a)
    sign = sign.astype(result_t, copy=False)
    logdet = logdet.astype(_REAL[result_t], copy=False)
    return SlogdetResult(sign, logdet)


def det(a):
    """The determinant of a matrix (or of each matrix of a stack); 0 when singular."""
    a = _asarray(a)
    _assert_stacked_square(a)
    t, result_t = _common_type(a)
    a = _cast("det", t, a)
    r = _gufuncs().det(a)
    return r.astype(result_t, copy=False)


def lstsq(a, b, rcond=None):
    """The least-squares solution of ``a @ x = b``, minimizing ``||b - a @ x||``.

    Parameters
    ----------
    a : (M, N) array_like
    b : (M,) or (M, K) array_like
    rcond : float, optional
        Singular values at most ``rcond`` times the largest count as zero; default
        ``eps * max(M, N)``.

    Returns
    -------
    x : (N,) or (N, K) ndarray
        The minimum-norm solution.
    residuals : (1,), (K,) or (0,) ndarray
        Squared residual norms, when ``a`` has full rank N < M; else empty.
    rank : int32
    s : (min(M, N),) ndarray
        The singular values of ``a``.
    """
    a, _ = _makearray(a)
    b, wrap = _makearray(b)
    is_1d = b.ndim == 1
    if is_1d:
        b = b[:, None]
    _assert_2d(a, b)
    m, n = a.shape[-2:]
    m2, n_rhs = b.shape[-2:]
    if m != m2:
        raise LinAlgError("Incompatible dimensions")
    t, result_t = _common_type(a, b)
    result_real_t = _REAL[result_t]
    if rcond is None:
        rcond = finfo(t).eps * max(n, m)
    if n_rhs == 0:
        # the gufunc gets one zero column to work with; it is cut off below
        b = _core.zeros(b.shape[:-2] + (m, n_rhs + 1), dtype=b.dtype)
    a, b = _cast("lstsq", t, a, b, nin=3)
    rc = _asarray(rcond)
    if not _core.can_cast(rc.dtype, _F64, casting="same_kind"):
        raise _UFuncInputCastingError(
            f"Cannot cast ufunc 'lstsq' input 2 from {rc.dtype!r} to {_F64!r} with casting "
            "rule 'same_kind'")
    # LAPACK's gelsd takes an rcond outside (0, 1) to mean its machine precision, 2**-53
    rc = _where((rc <= 0) | (rc >= 1), 2.0 ** -53, rc.astype(_F64, copy=False))
    with _failing(_raise_lstsq):
        x, resids, rank, s = _gufuncs().lstsq(a, b, rc)
    if m == 0:
        x[...] = 0
    if n_rhs == 0:
        x = x[..., :n_rhs]
        resids = resids[..., :n_rhs]
    if is_1d:
        x = x.squeeze(axis=-1)
    if rank != n or m <= n:
        resids = _core.array([], dtype=result_real_t)
    s = s.astype(result_real_t, copy=False)
    resids = resids.astype(result_real_t, copy=False)
    x = x.astype(result_t, copy=True)
    return wrap(x), wrap(resids), rank, s


# ---------------------------------------------------------------------------
# norms
# ---------------------------------------------------------------------------

def _multi_svd_norm(x, row_axis, col_axis, op, initial=None):
    """``op`` (amax, amin or sum) of the singular values of the matrices on the two axes."""
    y = moveaxis(x, (row_axis, col_axis), (-2, -1))
    s = svd(y, compute_uv=False)
    if initial is None:
        return op(s, axis=-1)
    return op(s, axis=-1, initial=initial)


def norm(x, ord=None, axis=None, keepdims=False):
    """A matrix or vector norm.

    Parameters
    ----------
    x : array_like
        Integers and bools are computed in float64.
    ord : {None, int, float, inf, -inf, 'fro', 'nuc'}
        Vector norms: None/2 (Euclidean), inf, -inf, 0 (count of non-zeros), other p
        (``sum(abs(x)**p)**(1/p)``). Matrix norms: None/'fro', 'nuc', inf, -inf, 1, -1, 2, -2.
    axis : None, int or 2-tuple of ints
        An int: vector norms along that axis; a 2-tuple: matrix norms over those axes; None:
        the vector norm of 1-d ``x`` or the matrix norm of 2-d ``x`` (with ``ord=None``, the
        2-norm of the flattened ``x`` whatever its dimension).
    keepdims : bool
        Keep the normed axes with length 1.
    """
    x = _asarray(x)
    if x.dtype.kind not in "fcO":
        x = x.astype(float)

    if axis is None:
        ndim = x.ndim
        if ord is None or (ord in ("f", "fro") and ndim == 2) or (ord == 2 and ndim == 1):
            x = x.ravel(order="K")
            if _is_complex(x.dtype):
                xr, xi = x.real, x.imag
                sqnorm = xr.dot(xr) + xi.dot(xi)
            else:
                sqnorm = x.dot(x)
            ret = _sqrt(sqnorm)
            if keepdims:
                ret = _reshape(ret, ndim * [1])
            return ret

    nd = x.ndim
    if axis is None:
        axis = tuple(range(nd))
    elif not isinstance(axis, tuple):
        try:
            axis = int(axis)
        except Exception as e:
            raise TypeError("'axis' must be None, an integer or a tuple of integers") from e
        axis = (axis,)

    if len(axis) == 1:
        if ord == _inf:
            return _abs(x).max(axis=axis, keepdims=keepdims, initial=0)
        if ord == -_inf:
            return _abs(x).min(axis=axis, keepdims=keepdims)
        if ord == 0:
            return (x != 0).astype(x.real.dtype).sum(axis=axis, keepdims=keepdims)
        if ord == 1:
            return _add.reduce(_abs(x), axis=axis, keepdims=keepdims)
        if ord is None or ord == 2:
            s = (x.conj() * x).real
            return _sqrt(_add.reduce(s, axis=axis, keepdims=keepdims))
        if isinstance(ord, str):
            raise ValueError(f"Invalid norm order '{ord}' for vectors")
        absx = _abs(x)
        absx **= ord
        ret = _add.reduce(absx, axis=axis, keepdims=keepdims)
        ret **= _reciprocal(ord, dtype=ret.dtype)
        return ret
    if len(axis) == 2:
        row_axis, col_axis = axis
        row_axis = _normalize_axis_index(row_axis, nd)
        col_axis = _normalize_axis_index(col_axis, nd)
        if row_axis == col_axis:
            raise ValueError("Duplicate axes given.")
        if ord == 2:
            ret = _multi_svd_norm(x, row_axis, col_axis, amax, 0)
        elif ord == -2:
            ret = _multi_svd_norm(x, row_axis, col_axis, amin)
        elif ord == 1:
            if col_axis > row_axis:
                col_axis -= 1
            ret = _add.reduce(_abs(x), axis=row_axis).max(axis=col_axis, initial=0)
        elif ord == _inf:
            if row_axis > col_axis:
                row_axis -= 1
            ret = _add.reduce(_abs(x), axis=col_axis).max(axis=row_axis, initial=0)
        elif ord == -1:
            if col_axis > row_axis:
                col_axis -= 1
            ret = _add.reduce(_abs(x), axis=row_axis).min(axis=col_axis)
        elif ord == -_inf:
            if row_axis > col_axis:
                row_axis -= 1
            ret = _add.reduce(_abs(x), axis=col_axis).min(axis=row_axis)
        elif ord in [None, "fro", "f"]:
            ret = _sqrt(_add.reduce((x.conj() * x).real, axis=axis))
        elif ord == "nuc":
            ret = _multi_svd_norm(x, row_axis, col_axis, _sum, 0)
        else:
            raise ValueError("Invalid norm order for matrices.")
        if keepdims:
            ret_shape = list(x.shape)
            ret_shape[axis[0]] = 1
            ret_shape[axis[1]] = 1
            ret = _reshape(ret, ret_shape)
        return ret
    raise ValueError("Improper number of dimensions to norm.")


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    """The matrix norm of each matrix on the last two axes (see :func:`norm`; ``ord`` one of
    'fro', 'nuc', inf, -inf, 1, -1, 2, -2)."""
    x = _asanyarray(x)
    return norm(x, axis=(-2, -1), keepdims=keepdims, ord=ord)


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    """The vector norm along ``axis`` (None: of all elements; a tuple: of the elements on
    those axes together); ``ord`` as :func:`norm`'s vector orders."""
    x = _asanyarray(x)
    shape = list(x.shape)
    if axis is None:
        x = x.ravel()
        _axis = 0
    elif isinstance(axis, tuple):
        normalized_axis = normalize_axis_tuple(axis, x.ndim)
        rest = tuple(i for i in range(x.ndim) if i not in normalized_axis)
        newshape = axis + rest
        x = _transpose(x, newshape).reshape(
            (math.prod([x.shape[i] for i in axis]), *[x.shape[i] for i in rest]))
        _axis = 0
    else:
        _axis = axis
    res = norm(x, axis=_axis, ord=ord)
    if keepdims:
        _axis = normalize_axis_tuple(range(len(shape)) if axis is None else axis, len(shape))
        for i in _axis:
            shape[i] = 1
        res = _reshape(res, shape)
    return res


# ---------------------------------------------------------------------------
# products
# ---------------------------------------------------------------------------

def multi_dot(arrays, *, out=None):
    """The dot product of two or more arrays, multiplied in the cheapest order.

    The first array may be 1-d (a row vector) and the last 1-d (a column vector); the others
    must be 2-d. ``out`` receives the result (as :func:`rumpy.dot`'s ``out``).
    """
    from . import _products
    dot = _products.dot
    n = len(arrays)
    if n < 2:
        raise ValueError("Expecting at least two arrays.")
    if n == 2:
        return dot(arrays[0], arrays[1], out=out)
    arrays = [_asanyarray(a) for a in arrays]
    ndim_first, ndim_last = arrays[0].ndim, arrays[-1].ndim
    if ndim_first == 1:
        arrays[0] = arrays[0][None, :]
    if ndim_last == 1:
        arrays[-1] = arrays[-1][:, None]
    _assert_2d(*arrays)
    if n == 3:
        result = _multi_dot_three(dot, arrays[0], arrays[1], arrays[2], out=out)
    else:
        order = _multi_dot_matrix_chain_order(arrays)
        result = _multi_dot(dot, arrays, order, 0, n - 1, out=out)
    if ndim_first == 1 and ndim_last == 1:
        return result[0, 0]
    if ndim_first == 1 or ndim_last == 1:
        return result.ravel()
    return result


def _multi_dot_three(dot, A, B, C, out=None):
    """``A @ B @ C`` in the cheaper of its two orders."""
    a0, a1b0 = A.shape
    b1c0, c1 = C.shape
    cost1 = a0 * b1c0 * (a1b0 + c1)  # (AB)C
    cost2 = a1b0 * c1 * (a0 + b1c0)  # A(BC)
    if cost1 < cost2:
        return dot(dot(A, B), C, out=out)
    return dot(A, dot(B, C), out=out)


def _multi_dot_matrix_chain_order(arrays, return_costs=False):
    """The matrix-chain order (dynamic programming, Cormen et al. 15.2): ``s[i][j]`` is the
    split of the product of arrays i..j (and with ``return_costs``, ``m[i][j]`` its cost),
    as NumPy's private function returns them: an intp array ``s`` and a float64 array
    ``m`` (their lower triangles zero). Costs are floats, as NumPy keeps them."""
    n = len(arrays)
    p = [a.shape[0] for a in arrays] + [arrays[-1].shape[1]]
    m = [[0.0] * n for _ in range(n)]
    s = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            m[i][j] = _inf
            for k in range(i, j):
                q = m[i][k] + m[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                if q < m[i][j]:
                    m[i][j] = q
                    s[i][j] = k
    s = _core.array(s, dtype=_core.dtype("intp"))
    return (s, _core.array(m, dtype=_core.dtype("float64"))) if return_costs else s


def _multi_dot(dot, arrays, order, i, j, out=None):
    if i == j:
        return arrays[i]
    return dot(_multi_dot(dot, arrays, order, i, order[i][j]),
               _multi_dot(dot, arrays, order, order[i][j] + 1, j), out=out)


def outer(x1, x2, /):
    """The outer product of two vectors (both must be 1-d)."""
    x1 = _asanyarray(x1)
    x2 = _asanyarray(x2)
    if x1.ndim != 1 or x2.ndim != 1:
        raise ValueError("Input arrays must be one-dimensional, but they are "
                         f"x1.ndim={x1.ndim!r} and x2.ndim={x2.ndim!r}.")
    from . import _products
    return _products.outer(x1, x2, out=None)


def cross(x1, x2, /, *, axis=-1):
    """The cross product of 3-element vectors along ``axis`` (broadcast)."""
    x1 = _asanyarray(x1)
    x2 = _asanyarray(x2)
    if x1.shape[axis] != 3 or x2.shape[axis] != 3:
        raise ValueError("Both input arrays must be (arrays of) 3-dimensional vectors, but "
                         f"they are {x1.shape[axis]} and {x2.shape[axis]} dimensional instead.")
    from . import _products
    return _products.cross(x1, x2, axis=axis)


def matmul(x1, x2, /):
    """The matrix product of two arrays (the Array API's; see :func:`rumpy.matmul`)."""
    return _core_matmul(x1, x2)


def tensordot(x1, x2, /, *, axes=2):
    """The tensor dot product over ``axes`` (see :func:`rumpy.tensordot`)."""
    from . import _products
    return _products.tensordot(x1, x2, axes=axes)


def matrix_transpose(x, /):
    """Swap the last two axes (see :func:`rumpy.matrix_transpose`)."""
    return _core_matrix_transpose(x)


def diagonal(x, /, *, offset=0):
    """The diagonals of the matrices on the last two axes (see :func:`rumpy.diagonal`)."""
    return _core_diagonal(x, offset, axis1=-2, axis2=-1)


def trace(x, /, *, offset=0, dtype=None):
    """The sums of the diagonals of the matrices on the last two axes (see
    :func:`rumpy.trace`)."""
    from . import _products
    return _products.trace(x, offset, axis1=-2, axis2=-1, dtype=dtype)


def vecdot(x1, x2, /, *, axis=-1):
    """The vector dot product along ``axis``, conjugating ``x1`` (see :func:`rumpy.vecdot`)."""
    return _core_vecdot(x1, x2, axis=axis)
