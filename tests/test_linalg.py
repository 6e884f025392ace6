"""rumpy.linalg against numpy.linalg (NumPy 2.4).

Every case runs the same call in numpy and in rumpy (the rumpy inputs built by ``to_rp``, or
the same views of them), with warnings turned into errors in both, and compares: the error
class (and LinAlgError's message) when numpy raises; otherwise the result's class, dtype and
shape exactly and its values to a LAPACK-level tolerance (machine epsilon of the result type,
scaled by the size and the condition number of the input). Factors that are unique only up to
sign or phase (eigenvectors, singular vectors, Q and R) are checked through their defining
identities (``a @ v == v * w``, ``u @ diag(s) @ vh == a``, ``q @ r == a``, orthonormality) and
through their absolute values where those are unique.

The factorizations run in ``rumpy._core._umath_linalg``; tests marked ``needs_ul`` are skipped
while the installed build lacks it (and run as soon as it has it). Tests of the Array API
functions built on ``rumpy._products`` (``needs_products``) are skipped while that module is
missing.
"""

import importlib.util
import pickle
import warnings
import zlib

import numpy as np
import pytest

import rumpy as rp
from conftest import P, Raised, assert_same, assert_same_error, check, sample, to_rp

HAVE_UL = hasattr(rp._core, "_umath_linalg")
needs_ul = pytest.mark.skipif(not HAVE_UL,
                              reason="rumpy._core._umath_linalg is not in this build yet")
HAVE_PRODUCTS = importlib.util.find_spec("rumpy._products") is not None
needs_products = pytest.mark.skipif(not HAVE_PRODUCTS, reason="rumpy._products is not written yet")

DTYPES = ["int64", "bool", "float32", "float64", "complex64", "complex128"]
INEXACT = ["float32", "float64", "complex64", "complex128"]
SIZES = [0, 1, 2, 5, 20]
BATCHES = [(), (2,), (2, 3)]
EPS64 = float(np.finfo(np.float64).eps)


# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------

def _rng(*key):
    return np.random.default_rng(zlib.crc32(repr(key).encode()))


def rand(shape, dtype, key=0):
    """Deterministic data of any shape: Gaussian (complex parts too) for inexact dtypes,
    small integers, random bools."""
    rng = _rng("rand", shape, dtype, key)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(shape) < 0.5
    if dt.kind in "iu":
        return rng.integers(-5, 6, shape).astype(dt)
    x = rng.standard_normal(shape)
    if dt.kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dt)


def general(shape, dtype, key=0):
    """Matrices of full rank: Gaussian for inexact dtypes, strictly diagonally dominant small
    integers, bools with ones on the diagonal and zeros below it."""
    dt = np.dtype(dtype)
    m, n = shape[-2:]
    if dt.kind == "b":
        return np.triu(rand(shape, dt, key), 1) | np.eye(m, n, dtype=bool)
    if dt.kind in "iu":
        return (rand(shape, dt, key) + 5 * max(m, n) * np.eye(m, n, dtype=dt)).astype(dt)
    return rand(shape, dt, key)


def hermitian(shape, dtype, key=0):
    """Hermitian (real symmetric) matrices, exactly so."""
    dt = np.dtype(dtype)
    g = rand(shape, dt, key)
    gh = np.conj(np.swapaxes(g, -1, -2))
    if dt.kind == "b":
        return g | gh
    if dt.kind in "iu":
        return g + gh
    return ((g + gh) / 2).astype(dt)


def spd(shape, dtype, key=0):
    """Hermitian positive-definite matrices (the identity for bool)."""
    dt = np.dtype(dtype)
    n = shape[-1]
    if dt.kind == "b":
        return np.broadcast_to(np.eye(n, dtype=bool), shape).copy()
    g = rand(shape, "int64" if dt.kind in "iu" else dt, key)
    s = g @ np.conj(np.swapaxes(g, -1, -2)) + n * np.eye(n)
    s = (s + np.conj(np.swapaxes(s, -1, -2))) / 2 if dt.kind in "fc" else s
    return s.astype(dt)


def cyclic(shape):
    """Bool cyclic permutation matrices: eigenvalues the n-th roots of unity (distinct)."""
    n = shape[-1]
    return np.broadcast_to(np.roll(np.eye(n, dtype=bool), 1, axis=1), shape).copy()


def kappa(a):
    """The largest 2-norm condition number of a stack (1 when empty, 1e16 when singular)."""
    a = np.asarray(a)
    if a.size == 0:
        return 1.0
    a = a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)
    with np.errstate(all="ignore"):
        c = float(np.max(np.linalg.cond(a)))
    return c if np.isfinite(c) else 1e16


def fro(a):
    """The largest Frobenius norm of a stack (at least 1e-300)."""
    a = np.asarray(a)
    if a.size == 0:
        return 1.0
    a = a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)
    return max(float(np.max(np.linalg.norm(a, axis=(-2, -1)) if a.ndim >= 2 else
                        np.linalg.norm(a))), 1e-300)


def real_eps(dt):
    dt = dt.dtype if hasattr(dt, "dtype") else np.dtype(dt)
    return float(np.finfo(dt).eps) if dt.kind in "fc" else 0.0


def tol(result, cond=1.0, size=1):
    """Relative tolerance for a result of numpy's ``result`` dtype, computed in double
    precision from an input of condition number ``cond`` and dimension ``size``: rounding to
    the result type, plus the double-precision error amplified by the conditioning."""
    size = max(size, 1)
    return 16 * size * real_eps(np.asarray(result).dtype) + 64 * size * EPS64 * min(cond, 1e12)


# ---------------------------------------------------------------------------
# running and comparing
# ---------------------------------------------------------------------------

def outcome(fn):
    """fn()'s value, or Raised(exception); warnings are errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return fn()
        except Exception as e:  # noqa: BLE001
            return Raised(e)


def twin(a):
    """The rumpy twin of numpy array ``a`` (``to_rp``; through NumPy's buffer for the dtypes
    ``to_rp`` cannot name)."""
    if a.dtype.kind in "fcbiu" and a.dtype.isnative:
        return to_rp(a)
    return rp.array(a, copy=True)


def _args(args, lib):
    out = []
    for a in args:
        if isinstance(a, P):
            out.append(a.rp if lib is rp else a.np)
        elif isinstance(a, np.ndarray) and lib is rp:
            out.append(twin(a))
        else:
            out.append(a)
    return out


def call(name, *args, **kw):
    """numpy.linalg.<name> on the arguments and rumpy.linalg.<name> on their rumpy twins
    (``to_rp`` for numpy arrays, the rumpy side of a :class:`P`). Returns (rumpy's result,
    numpy's); when numpy raises, checks that rumpy raises the same class (and LinAlgError
    numpy's message) and returns (None, None)."""
    n = outcome(lambda: getattr(np.linalg, name)(*_args(args, np), **kw))
    r = outcome(lambda: getattr(rp.linalg, name)(*_args(args, rp), **kw))
    if isinstance(n, Raised):
        if isinstance(n.exc, (SyntaxError, NameError, AttributeError)):
            raise AssertionError(f"the test itself is broken: {n.exc!r}") from n.exc
        assert isinstance(r, Raised), f"{name}: numpy raised {n.exc!r}, rumpy returned {r!r}"
        assert_same_error(r.exc, n.exc, name)
        if isinstance(n.exc, np.linalg.LinAlgError):
            assert str(r.exc) == str(n.exc), f"{name}: message {r.exc} != numpy {n.exc}"
        return None, None
    if isinstance(r, Raised):
        raise AssertionError(f"{name}: rumpy raised {r.exc!r}, numpy returned") from r.exc
    return r, n


def like(r, n, msg=""):
    """rumpy's result is the twin of numpy's (array or scalar class, dtype, shape); returns it
    as a numpy array."""
    if isinstance(n, np.ndarray):
        assert isinstance(r, rp.ndarray), f"{msg}: {type(r)} where numpy gives an ndarray"
    elif isinstance(n, np.generic):
        assert type(r).__name__ == type(n).__name__ and type(r).__module__ == "rumpy", \
            f"{msg}: {type(r)} where numpy gives {type(n)}"
    else:
        assert type(r) is type(n), f"{msg}: {type(r)} where numpy gives {type(n)}"
        return r
    ra = np.asarray(r)
    assert ra.dtype == n.dtype, f"{msg}: dtype {ra.dtype} != numpy {n.dtype}"
    assert ra.shape == n.shape, f"{msg}: shape {ra.shape} != numpy {n.shape}"
    return ra


def close(r, n, rtol, scale=None, msg=""):
    """``like`` plus values within ``rtol`` relatively and ``rtol * scale`` absolutely
    (scale: numpy's largest magnitude unless given)."""
    assert n is not None, f"{msg}: numpy raised"
    ra = like(r, n, msg)
    nn = np.asarray(n)
    if nn.size == 0:
        return ra
    if scale is None:
        finite = np.abs(nn[np.isfinite(nn)])
        scale = float(finite.max()) if finite.size else 1.0
    np.testing.assert_allclose(ra, nn, rtol=rtol, atol=rtol * scale, equal_nan=True,
                               err_msg=msg)
    return ra


def vclose(x, y, rtol, scale=None, msg=""):
    """Values of two numpy arrays derived from rumpy's and numpy's results (|R|, |U|)."""
    x, y = np.asarray(x), np.asarray(y)
    assert x.shape == y.shape, f"{msg}: shapes {x.shape} {y.shape}"
    if y.size:
        scale = float(np.max(np.abs(y))) if scale is None else scale
        np.testing.assert_allclose(x, y, rtol=rtol, atol=rtol * scale, err_msg=msg)


def near(x, y, atol, msg=""):
    """numpy arrays x and y within ``atol`` everywhere (for identities)."""
    x, y = np.asarray(x), np.asarray(y)
    assert x.shape == y.shape, f"{msg}: shapes {x.shape} {y.shape}"
    if x.size:
        err = float(np.max(np.abs(x - y)))
        assert err <= atol, f"{msg}: off by {err:.3g} > {atol:.3g}"


def wide(x):
    """x in double precision, for checking identities."""
    x = np.asarray(x)
    return x.astype(np.complex128 if x.dtype.kind == "c" else np.float64)


def orthonormal_columns(q, atol, msg=""):
    q = wide(q)
    k = q.shape[-1]
    near(np.conj(np.swapaxes(q, -1, -2)) @ q, np.broadcast_to(np.eye(k), q.shape[:-2] + (k, k)),
         atol, msg)


def ht(x):
    return np.conj(np.swapaxes(x, -1, -2))


# ---------------------------------------------------------------------------
# the module and its error class
# ---------------------------------------------------------------------------

def test_has_numpys_names():
    missing = [n for n in np.linalg.__all__ if not hasattr(rp.linalg, n)]
    assert not missing, missing
    for n in ("EigResult", "EighResult", "QRResult", "SlogdetResult", "SVDResult"):
        ours, theirs = getattr(rp.linalg, n), getattr(np.linalg._linalg, n)
        assert issubclass(ours, tuple) and ours._fields == theirs._fields


def test_rumpy_has_linalg():
    assert rp.linalg.__name__ == "rumpy.linalg"
    import rumpy.linalg
    assert rumpy.linalg is rp.linalg


def test_linalgerror_class():
    assert issubclass(rp.linalg.LinAlgError, ValueError)
    assert rp.linalg.LinAlgError.__name__ == "LinAlgError"
    try:
        rp.linalg.inv(rp.zeros((2, 3)))
    except np.linalg.LinAlgError as e:  # NumPy's class catches rumpy's error
        assert isinstance(e, rp.linalg.LinAlgError)
        assert isinstance(e, ValueError)
        assert str(e) == "Last 2 dimensions of the array must be square"
    else:
        raise AssertionError("no LinAlgError")


def test_linalgerror_pickles():
    e = rp.linalg.LinAlgError("Singular matrix")
    e2 = pickle.loads(pickle.dumps(e))
    assert type(e2).__name__ == "LinAlgError"
    assert isinstance(e2, rp.linalg.LinAlgError) and isinstance(e2, np.linalg.LinAlgError)
    assert e2.args == ("Singular matrix",)


def test_other_twins_still_work():
    try:
        rp.sum(rp.ones(3), axis=4)
    except np.exceptions.AxisError as e:
        assert isinstance(e, rp.AxisError)
    e = pickle.loads(pickle.dumps(rp.AxisError(4, 1)))
    assert str(e) == "axis 4 is out of bounds for array of dimension 1"


# ---------------------------------------------------------------------------
# errors raised before any factorization
# ---------------------------------------------------------------------------

SQUARE_FUNCS = ["inv", "det", "slogdet", "eig", "eigvals", "eigh", "eigvalsh", "cholesky"]


@pytest.mark.parametrize("name", SQUARE_FUNCS + ["matrix_power"])
@pytest.mark.parametrize("shape", [(), (3,), (2, 3), (4, 2, 3), (3, 0)], ids=str)
def test_square_checks(name, shape):
    a = sample(shape, "float64")
    args = (a, 2) if name == "matrix_power" else (a,)
    r, n = call(name, *args)
    assert n is None, "numpy should raise"


@pytest.mark.parametrize("name", ["svd", "qr", "svdvals", "pinv", "cond"])
@pytest.mark.parametrize("shape", [(), (3,)], ids=str)
def test_stacked_2d_checks(name, shape):
    call(name, sample(shape, "float64"))


@pytest.mark.parametrize("name", SQUARE_FUNCS + ["svd", "qr", "pinv", "matrix_rank", "cond",
                                                 "svdvals"])
@pytest.mark.parametrize("dtype", ["float16", "longdouble", "clongdouble", "str", "object",
                                   "datetime64[s]"])
def test_unsupported_dtypes(name, dtype):
    if name == "pinv" and dtype in ("str", "datetime64[s]"):
        pytest.xfail("rumpy's ndarray.conjugate does not raise TypeError('cannot conjugate "
                     "non-numeric dtype') for strings and datetimes")
    a = np.array([["a", "b"], ["c", "d"]]) if dtype == "str" else np.eye(2).astype(dtype)
    if not HAVE_UL and not isinstance(outcome(lambda: getattr(np.linalg, name)(a)), Raised):
        pytest.skip("rumpy._core._umath_linalg is not in this build yet")
    call(name, a)


@pytest.mark.parametrize("name, args", [
    ("solve", (np.eye(2), np.array(["a", "b"]))),
    ("solve", (np.eye(2, dtype=object), np.ones(2))),
    ("solve", (np.eye(2), np.ones(2, dtype="float16"))),
    ("solve", (np.eye(2, dtype="float16"), np.ones(2))),
    ("lstsq", (np.eye(2), np.ones(2, dtype=object))),
    ("lstsq", (np.eye(2), np.ones(3))),
    ("lstsq", (np.eye(2), np.ones((2, 2, 2)))),
    ("lstsq", (np.ones((2, 2, 2)), np.ones((2, 2)))),
    ("lstsq", (np.ones(2), np.ones(2))),
    ("lstsq", (np.eye(2, dtype="float16"), np.ones(2))),
    ("solve", (np.ones((2, 3)), np.ones(2))),
    ("solve", (np.ones(3), np.ones(3))),
], ids=lambda x: x if isinstance(x, str) else "")
def test_two_operand_checks(name, args):
    r, n = call(name, *args)
    assert n is None


def test_argument_errors():
    a = np.eye(3)
    for name, args, kw in [
        ("eigh", (a,), {"UPLO": "X"}), ("eigvalsh", (a,), {"UPLO": "lower"}),
        ("qr", (a,), {"mode": "bogus"}), ("matrix_rank", (a,), {"tol": 1, "rtol": 1}),
        ("pinv", (a,), {"rcond": 1e-3, "rtol": 1e-3}), ("matrix_power", (a, 1.5), {}),
        ("matrix_power", (a, "2"), {}), ("tensorinv", (np.eye(4).reshape(4, 2, 2),), {"ind": 0}),
        ("cond", (np.zeros((0, 0)),), {}), ("cond", (np.zeros((2, 0, 3)),), {}),
        ("eig", (np.array([[1.0, np.inf], [0, 1]]),), {}),
        ("eigvals", (np.array([[1.0, np.nan], [0, 1]]),), {}),
        ("eig", (np.array([[1.0, np.inf], [0, 1]], dtype="float16"),), {}),
        ("norm", (a,), {"ord": "bogus"}), ("norm", (a[0],), {"ord": "fro"}),
        ("norm", (a,), {"ord": 3}), ("norm", (a,), {"axis": (0, 0)}),
        ("norm", (a,), {"axis": (0, 5)}), ("norm", (a,), {"axis": [0, 1]}),
        ("norm", (a,), {"axis": "x"}), ("norm", (a,), {"axis": (0, 1, 0)}),
        ("norm", (np.ones((2, 2, 2)),), {"ord": "fro"}), ("norm", (a,), {"axis": 2}),
        ("outer", (a, a[0]), {}), ("outer", (a[0], 1.0), {}),
        ("cross", (np.ones(2), np.ones(3)), {}), ("cross", (np.ones((3, 2)), np.ones((3, 2))), {}),
        ("multi_dot", ([a],), {}), ("multi_dot", ([a, np.ones((3, 3, 3)), a],), {}),
        ("tensorsolve", (np.ones((2, 3, 5)), np.ones((2, 3))), {}),
        ("tensorsolve", (np.ones((2, 3, 6)), np.ones((2, 3))), {}),  # singular
    ]:
        if not HAVE_UL and name in ("tensorsolve", "tensorinv") and args[0].shape[-1] == 6:
            continue
        r, n = call(name, *args, **kw)
        assert n is None, (name, kw)


def test_error_messages():
    cases = [
        (lambda m: m.linalg.inv(m.ones(3)), "1-dimensional array given. Array must be at least "
                                            "two-dimensional"),
        (lambda m: m.linalg.det(m.ones((2, 3))), "Last 2 dimensions of the array must be square"),
        (lambda m: m.linalg.inv(m.ones((2, 2), dtype=m.float16)),
         "array type float16 is unsupported in linalg"),
        (lambda m: m.linalg.lstsq(m.ones((3, 2)), m.ones(2)), "Incompatible dimensions"),
        (lambda m: m.linalg.lstsq(m.ones((2, 3, 2)), m.ones(3)),
         "3-dimensional array given. Array must be two-dimensional"),
        (lambda m: m.linalg.eig(m.array([[1.0, m.inf], [0, 1]])),
         "Array must not contain infs or NaNs"),
        (lambda m: m.linalg.eigh(m.eye(2), UPLO="X"), "UPLO argument must be 'L' or 'U'"),
        (lambda m: m.linalg.qr(m.eye(2), mode="x"), "Unrecognized mode 'x'"),
        (lambda m: m.linalg.cond(m.ones((0, 0))), "cond is not defined on empty arrays"),
        (lambda m: m.linalg.matrix_power(m.eye(2), 1.0), "exponent must be an integer"),
        (lambda m: m.linalg.norm(m.ones(3), "fro"), "Invalid norm order 'fro' for vectors"),
        (lambda m: m.linalg.norm(m.ones((3, 3)), 3), "Invalid norm order for matrices."),
        (lambda m: m.linalg.norm(m.ones((3, 3)), axis=(1, -1)), "Duplicate axes given."),
        (lambda m: m.linalg.norm(m.ones((3, 3, 3)), "fro"),
         "Improper number of dimensions to norm."),
        (lambda m: m.linalg.outer(m.ones((2, 2)), m.ones(2)),
         "Input arrays must be one-dimensional, but they are x1.ndim=2 and x2.ndim=1."),
        (lambda m: m.linalg.cross(m.ones(2), m.ones(3)),
         "Both input arrays must be (arrays of) 3-dimensional vectors, but they are 2 and 3 "
         "dimensional instead."),
        (lambda m: m.linalg.matrix_rank(m.eye(2), tol=1, rtol=1),
         "`tol` and `rtol` can't be both set."),
        (lambda m: m.linalg.pinv(m.eye(2), rcond=1, rtol=1),
         "`rtol` and `rcond` can't be both set."),
        (lambda m: m.linalg.multi_dot([m.eye(2)]), "Expecting at least two arrays."),
        (lambda m: m.linalg.solve(m.asarray([[1, 0], [0, 1]], dtype=object), m.ones(2)),
         "Cannot cast ufunc 'solve1' input 0 from dtype('O') to dtype('float64') with casting "
         "rule 'same_kind'"),
        (lambda m: m.linalg.inv(m.array([["a", "b"], ["c", "d"]])),
         "Cannot cast ufunc 'inv' input from dtype('<U1') to dtype('float64') with casting "
         "rule 'same_kind'"),
    ]
    for fn, msg in cases:
        n = outcome(lambda: fn(np))
        r = outcome(lambda: fn(rp))
        assert isinstance(n, Raised) and str(n.exc) == msg, n
        assert isinstance(r, Raised), f"rumpy returned {r!r} ({msg})"
        assert_same_error(r.exc, n.exc, msg)
        assert str(r.exc) == msg


# ---------------------------------------------------------------------------
# inv, solve, det, slogdet
# ---------------------------------------------------------------------------

SQ = pytest.mark.parametrize("dtype", DTYPES)
SZ = pytest.mark.parametrize("n", SIZES)
BT = pytest.mark.parametrize("batch", BATCHES, ids=str)


@needs_ul
@SQ
@SZ
@BT
def test_inv(batch, n, dtype):
    a = general(batch + (n, n), dtype)
    r, want = call("inv", a)
    close(r, want, tol(want, kappa(a), n))
    ra = wide(r)
    if n:
        near(wide(a) @ ra, np.broadcast_to(np.eye(n), ra.shape), 10 * tol(want, kappa(a), n))


@needs_ul
@SQ
@SZ
@BT
@pytest.mark.parametrize("bkind", ["vec", "mat", "stack"])
def test_solve(batch, n, dtype, bkind):
    a = general(batch + (n, n), dtype)
    bshape = {"vec": (n,), "mat": (n, 3), "stack": batch + (n, 2)}[bkind]
    b = rand(bshape, dtype, 1)
    r, want = call("solve", a, b)
    close(r, want, tol(want, kappa(a), n))


@needs_ul
@SQ
@pytest.mark.parametrize("n", [3, 4])
@pytest.mark.parametrize("layout", ["c", "transposed", "strided", "broadcast"])
def test_lu_tiny(n, dtype, layout):
    # Orders factored on fixed-size arrays (1 and 2 are in SIZES): every LU function, a batch
    # of each layout, vector and matrix right-hand sides.
    a = general((6, n, n), dtype, key=n)
    b = rand((6, n, 2), dtype, 4)
    if layout == "transposed":
        a, b = np.swapaxes(a, -1, -2), np.swapaxes(rand((6, 2, n), dtype, 4), -1, -2)
    elif layout == "strided":
        a = np.repeat(np.repeat(a, 2, axis=0), 2, axis=-1)[::-2, :, ::2]
        b = rand((6, n, 4), dtype, 4)[..., ::-2]
    elif layout == "broadcast":
        a, b = general((1, n, n), dtype, key=n), rand((6, n, 2), dtype, 4)
    t = tol(np.linalg.inv(a), kappa(a), n)
    for name, args in [("solve", (a, b)), ("solve", (a, b[0, :, 0])), ("inv", (a,)),
                       ("det", (a,))]:
        r, want = call(name, *args)
        close(r, want, t, msg=name)
    r, want = call("slogdet", a)
    close(r.sign, want.sign, t, scale=1.0, msg="sign")
    close(r.logabsdet, want.logabsdet, t, scale=1.0, msg="log")


@needs_ul
@pytest.mark.parametrize("adt, bdt", [("float32", "float32"), ("float32", "float64"),
                                      ("float32", "int8"), ("int32", "float32"),
                                      ("float32", "complex64"), ("float64", "complex64"),
                                      ("bool", "complex64"), ("complex64", "complex64"),
                                      ("int16", "uint8"), ("bool", "bool")])
def test_solve_mixed_dtypes(adt, bdt):
    a = general((4, 4), adt)
    b = rand((4, 2), bdt, 2)
    r, want = call("solve", a, b)
    close(r, want, tol(want, kappa(a), 4))
    r, want = call("solve", a, b[:, 0])
    close(r, want, tol(want, kappa(a), 4))


@needs_ul
@pytest.mark.parametrize("ashape, bshape", [
    ((3, 3), (2, 3, 1)), ((2, 1, 3, 3), (4, 3, 2)), ((2, 3, 3), (3,)), ((3, 3), (3, 0)),
    ((0, 3, 3), (3, 2)), ((2, 3, 3), (0, 3, 1)), ((2, 3, 3), (3, 3, 1)), ((3, 3), (4,)),
    ((3, 3), (4, 1)), ((0, 0), (0,)), ((0, 0), (0, 2)),
], ids=str)
def test_solve_broadcasting(ashape, bshape):
    a = general(ashape, "float64")
    b = rand(bshape, "float64", 3)
    r, want = call("solve", a, b)
    if want is not None:
        close(r, want, tol(want, kappa(a), 3))


@needs_ul
@SQ
@SZ
@BT
def test_det(batch, n, dtype):
    a = general(batch + (n, n), dtype)
    r, want = call("det", a)
    t = tol(want, kappa(a), n)
    ra = like(r, want)
    np.testing.assert_allclose(ra, want, rtol=t, atol=1e-300)


@needs_ul
@SQ
@SZ
@BT
def test_slogdet(batch, n, dtype):
    a = general(batch + (n, n), dtype)
    r, want = call("slogdet", a)
    assert type(r).__name__ == "SlogdetResult" and r._fields == ("sign", "logabsdet")
    t = tol(want.sign, kappa(a), n)
    close(r.sign, want.sign, t, scale=1.0, msg="sign")
    close(r.logabsdet, want.logabsdet, t, scale=max(1.0, float(np.max(np.abs(want.logabsdet),
                                                                      initial=0))), msg="log")
    if np.dtype(dtype).kind != "c":
        assert np.array_equal(np.asarray(r.sign), want.sign)  # exactly +-1


def _lu_input(kind, n, dtype):
    """Matrices for the recursive LU: Gaussian, graded (row scales over 12 decades),
    nearly singular (two rows 1e-9 apart; 1e-4 in float32, where 1e-9 rounds away and leaves
    a singular matrix whose determinant is rounding noise of either sign), and exactly
    singular ones whose LU meets an exact zero pivot whatever the order of its sums (a zero
    column, all ones)."""
    a = general((n, n), dtype, key=n)
    if np.dtype(dtype).kind == "f":
        a = (a / np.sqrt(n)).astype(dtype)  # |det| within range
    if kind == "graded":
        a = (a * np.logspace(-6, 6, n)[:, None]).astype(dtype)
    elif kind == "nearly_singular":
        a = a.copy()
        a[n // 2] = a[n // 3] + (1e-4 if a.dtype == np.float32 else 1e-9) * a[n // 2]
    elif kind == "zero_column":
        a = a.copy()
        a[:, n // 3] = 0
    elif kind == "ones":
        a = np.ones((n, n), dtype)
    return a


@needs_ul
@pytest.mark.parametrize("n", [64, 65, 100, 127, 200, 300, 520])
@pytest.mark.parametrize("kind", ["gaussian", "graded", "nearly_singular", "zero_column",
                                  "ones"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "int64"])
def test_lu_recursive(kind, n, dtype):
    # Orders across the recursive LU's cut points; from 96 its parts run on several threads.
    a = _lu_input(kind, n, dtype)
    kap = kappa(a)
    big = abs(float(np.linalg.slogdet(a).logabsdet)) > 700  # det overflows
    for name in ("slogdet",) if big else ("det", "slogdet"):
        r, want = call(name, a)
        if name == "det":
            np.testing.assert_allclose(like(r, want), want, rtol=tol(want, kap, n), atol=1e-300)
        else:
            np.testing.assert_array_equal(np.asarray(r.sign), want.sign)
            close(r.logabsdet, want.logabsdet, tol(want.sign, kap, n),
                  scale=max(1.0, abs(float(want.logabsdet))))
    b = rand((n, 3), dtype, 1)
    for args in ((a, b), (a, b[:, 0])):
        r, want = call("solve", *args)
        if want is not None:
            close(r, want, tol(want, kap, n))
    r, want = call("inv", a)
    if want is not None:
        close(r, want, tol(want, kap, n))
        near(wide(a) @ wide(r), np.eye(n), 10 * tol(want, kap, n) * max(1.0, float(np.abs(
            wide(a)).max() * np.abs(want).max())))


@needs_ul
@pytest.mark.parametrize("layout", ["fortran", "reversed", "strided", "batched"])
def test_lu_recursive_layouts(layout):
    n = 130
    a = general((n, n), "float64", key=7)
    b = rand((n, 140), "float64", 8)
    if layout == "fortran":
        a, b = np.asfortranarray(a), np.asfortranarray(b)
    elif layout == "reversed":
        a, b = a[::-1, ::-1], b[::-1]
    elif layout == "strided":
        a = general((2 * n, 2 * n), "float64", key=9)[::2, 1::2]
        b = rand((n, 280), "float64", 8)[:, ::2]
    else:
        a = general((3, n, n), "float64", key=10)
        b = rand((3, n, 140), "float64", 8)
    kap = kappa(a)
    for name, args in (("solve", (a, b)), ("inv", (a,)), ("det", (a,))):
        r, want = call(name, *args)
        close(r, want, tol(want, kap, n), msg=name)



@needs_ul
@pytest.mark.parametrize("dtype", ["float64", "complex128", "float32", "complex64", "int64"])
@pytest.mark.parametrize("a", [
    [[1, 2], [2, 4]], [[0, 0], [0, 0]], [[1, 2, 3], [0, 0, 0], [4, 5, 6]],
    [[0, 1], [0, 1]], [[2, 0, 0], [0, 0, 0], [0, 0, 3]],
], ids=["rank1", "zeros", "zero-row", "zero-col", "diag0"])
def test_singular(a, dtype):
    a = np.array(a, dtype=dtype)
    if a.dtype.kind == "c":
        a = a * (1 + 1j)
    r, want = call("det", a)
    assert_same(r, want)  # exactly 0
    r, want = call("slogdet", a)
    assert_same(r.sign, want.sign)
    assert_same(r.logabsdet, want.logabsdet)  # -inf
    stack = np.stack([np.eye(len(a), dtype=dtype), a])
    for name, args in [("inv", (a,)), ("inv", (stack,)), ("solve", (a, np.ones(len(a)))),
                       ("solve", (stack, np.ones((len(a), 2)))), ("tensorinv", (a, 1))]:
        r, want = call(name, *args)
        assert want is None, name  # LinAlgError('Singular matrix') in both
    r, want = call("det", stack)
    assert_same(r, want)
    r, want = call("cond", a, "fro")
    assert_same(r, want)  # inf: LU meets an exactly zero pivot
    # from the SVD: inf, or huge when rounding leaves a tiny last singular value
    r, want = call("cond", a)
    like(r, want)
    assert float(r) > 1e15 and float(want) > 1e15


@needs_ul
@pytest.mark.parametrize("n", [4, 6, 8, 10, 12])
def test_ill_conditioned(n):
    i = np.arange(n)
    h = 1.0 / (i[:, None] + i[None, :] + 1)  # Hilbert: cond ~ 1e5 .. 1e16
    c = kappa(h)
    r, want = call("inv", h)
    close(r, want, tol(want, c, n))
    b = np.ones(n)
    r, want = call("solve", h, b)
    close(r, want, tol(want, c, n))
    r, want = call("det", h)
    np.testing.assert_allclose(like(r, want), want, rtol=tol(want, c, n))
    r, want = call("slogdet", h)
    close(r.logabsdet, want.logabsdet, tol(want.logabsdet, c, n))
    r, want = call("cond", h)
    close(r, want, 0.5 if c > 1e14 else tol(want, c, n))  # near 1/eps: only the magnitude
    r, want = call("eigvalsh", h)
    close(r, want, tol(want, 1, n))
    r, want = call("svd", h, compute_uv=False)
    close(r, want, tol(want, 1, n))
    r, want = call("matrix_rank", h)
    assert_same(r, want)


@needs_ul
@pytest.mark.parametrize("view", ["T", "strided", "negstride", "batchT"])
@pytest.mark.parametrize("dtype", ["float64", "complex64", "int64"])
def test_views(view, dtype):
    base = general((2, 10, 10), dtype)
    base = base + (5 * np.eye(10, dtype=base.dtype) if base.dtype.kind != "b" else 0)
    rbase = to_rp(base)
    views = {
        "T": lambda x: x[0].T,
        "strided": lambda x: x[0, ::2, 1::2],
        "negstride": lambda x: x[1, ::-2, ::-2],
        "batchT": lambda x: x[::-1].transpose(0, 2, 1)[..., ::2, ::2],
    }
    f = views[view]
    a = P(f(rbase), f(base))
    na = f(base)
    c = kappa(na)
    r, want = call("inv", a)
    close(r, want, tol(want, c, 10))
    r, want = call("det", a)
    np.testing.assert_allclose(like(r, want), want, rtol=tol(want, c, 10))
    r, want = call("solve", a, P(f(rbase)[..., :1], na[..., :1]))
    close(r, want, tol(want, c, 10))
    r, want = call("svd", a, compute_uv=False)
    close(r, want, tol(want, 1, 10))
    h = P(f(rbase) + rp.matrix_transpose(f(rbase)).conj(), na + ht(na))
    r, want = call("eigvalsh", h)
    close(r, want, tol(want, 1, 10))
    r, want = call("qr", a, mode="r")
    vclose(abs(wide(r)), abs(wide(want)), tol(want, c, 10))
    r, want = call("matrix_norm", a, ord="nuc")
    close(r, want, tol(want, 1, 10))


@needs_ul
@pytest.mark.parametrize("dtype", [">f8", ">c16", "<f4", ">i4"])
def test_byte_order(dtype):
    a = general((3, 3), "float64").astype(dtype) if dtype[1] != "c" else \
        general((3, 3), "complex128").astype(dtype)
    ra = P(rp.asarray(a.tolist(), dtype=dtype), a)
    for name in ("inv", "det", "eigvals", "svdvals", "pinv"):
        r, want = call(name, ra)
        close(r, want, tol(want, kappa(a), 3), msg=name)
    r, want = call("qr", ra, mode="raw")
    like(r[0], want[0])


# ---------------------------------------------------------------------------
# eigenvalues
# ---------------------------------------------------------------------------

def eig_input(shape, dtype):
    return cyclic(shape) if dtype == "bool" else general(shape, dtype)


def matched(wr, wn, atol, msg=""):
    """rumpy's eigenvalues and numpy's agree as multisets (to ``atol``)."""
    if np.size(wn) == 0:
        return
    wr = np.asarray(wr).reshape(-1, wr.shape[-1]) if wr.ndim else wr
    wn = np.asarray(wn).reshape(-1, wn.shape[-1]) if wn.ndim else wn
    for x, y in zip(wr, wn):
        left = list(x)
        for v in y:
            d = [abs(u - v) for u in left]
            k = int(np.argmin(d))
            assert d[k] <= atol, f"{msg}: numpy's eigenvalue {v} has no match in {x}"
            left.pop(k)


@needs_ul
@SQ
@SZ
@BT
def test_eig(batch, n, dtype):
    a = eig_input(batch + (n, n), dtype)
    r, want = call("eig", a)
    assert type(r).__name__ == "EigResult" and r._fields == ("eigenvalues", "eigenvectors")
    w = like(r.eigenvalues, want.eigenvalues, "w")
    v = like(r.eigenvectors, want.eigenvectors, "v")
    scale = fro(a)
    t = tol(w, 1, n) + 1e3 * EPS64
    matched(w, want.eigenvalues, t * scale, "w")
    aw = wide(a)
    near(aw @ wide(v), wide(v) * wide(w)[..., None, :], t * scale, "a v = v w")
    if n:
        near(np.linalg.norm(wide(v), axis=-2), np.ones(batch + (n,)), t, "unit vectors")


@needs_ul
@SQ
@SZ
@BT
def test_eigvals(batch, n, dtype):
    a = eig_input(batch + (n, n), dtype)
    r, want = call("eigvals", a)
    w = like(r, want)
    matched(w, want, (tol(w, 1, n) + 1e3 * EPS64) * fro(a))


@needs_ul
@pytest.mark.parametrize("a, real", [
    ([[2.0, 1.0], [0.0, 3.0]], True), ([[0.0, -1.0], [1.0, 0.0]], False),
    ([[1.0, 2.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, -1.0]], True),
    ([[[1.0, 0.0], [0.0, 2.0]], [[0.0, 1.0], [-1.0, 0.0]]], False),
], ids=["real", "rotation", "defective", "mixed-batch"])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_eig_real_or_complex(a, real, dtype):
    """Real input: real results when every eigenvalue of the whole batch is real."""
    a = np.array(a, dtype=dtype)
    r, want = call("eig", a)
    assert (want.eigenvalues.dtype.kind == "f") == real
    like(r.eigenvalues, want.eigenvalues)
    like(r.eigenvectors, want.eigenvectors)
    matched(np.asarray(r.eigenvalues), want.eigenvalues, 1e-6)
    r, want = call("eigvals", a)
    like(r, want)


def herm_input(shape, dtype, uplo=None):
    """Hermitian matrices; with ``uplo``, garbage (non-Hermitian values) in the triangle that
    is not read."""
    h = hermitian(shape, dtype)
    if uplo is None or 0 in shape:
        return h
    g = general(shape, dtype, 7)
    if np.dtype(dtype).kind == "b":
        return np.where(np.tri(shape[-1], k=-1, dtype=bool) if uplo == "U" else
                        np.tri(shape[-1], k=-1, dtype=bool).T, g, h)
    lower = np.tri(shape[-1], k=-1, dtype=bool)
    return np.where(lower if uplo in "Uu" else lower.T, g, h)


def effective(a, uplo):
    """The Hermitian matrix LAPACK sees from ``a``'s ``uplo`` triangle (and real diagonal)."""
    a = wide(a)
    tri = np.tril(a, -1) if uplo in "Ll" else np.triu(a, 1)
    d = np.real(np.diagonal(a, axis1=-2, axis2=-1))
    return tri + ht(tri) + d[..., None] * np.eye(a.shape[-1])


@needs_ul
@SQ
@SZ
@BT
@pytest.mark.parametrize("uplo", ["L", "U", "u"])
def test_eigh(batch, n, dtype, uplo):
    a = herm_input(batch + (n, n), dtype, uplo)
    r, want = call("eigh", a, UPLO=uplo)
    assert type(r).__name__ == "EighResult"
    eigh_agrees(r, want, effective(a, uplo))


def eigh_agrees(r, want, h):
    """rumpy's eigh ``r`` of the Hermitian ``h`` against numpy's ``want``: types, values,
    h v = v w and orthonormal vectors (which vectors, for repeated values, is the
    algorithm's choice)."""
    n = h.shape[-1]
    t = tol(want.eigenvalues, 1, n)
    scale = fro(h)
    close(r.eigenvalues, want.eigenvalues, t, scale=scale, msg="w")
    v = like(r.eigenvectors, want.eigenvectors, "v")
    w = wide(r.eigenvalues)
    near(wide(h) @ wide(v), wide(v) * w[..., None, :], t * scale, "a v = v w")
    orthonormal_columns(v, t, "v^H v = I")


@needs_ul
@SQ
@SZ
@BT
@pytest.mark.parametrize("uplo", ["L", "U"])
def test_eigvalsh(batch, n, dtype, uplo):
    a = herm_input(batch + (n, n), dtype, uplo)
    r, want = call("eigvalsh", a, UPLO=uplo)
    close(r, want, tol(want, 1, n), scale=fro(a))


@needs_ul
@pytest.mark.parametrize("uplo", ["L", "U"])
def test_eigh_ignores_imaginary_diagonal(uplo):
    a = hermitian((4, 4), "complex128") + 0.5j * np.eye(4)
    r, want = call("eigvalsh", a, UPLO=uplo)
    close(r, want, tol(want, 1, 4))
    r, want = call("eigh", a, UPLO=uplo)
    close(r.eigenvalues, want.eigenvalues, tol(want.eigenvalues, 1, 4))


# ---------------------------------------------------------------------------
# cholesky
# ---------------------------------------------------------------------------

@needs_ul
@SQ
@SZ
@BT
@pytest.mark.parametrize("upper", [False, True])
def test_cholesky(batch, n, dtype, upper):
    cholesky_agrees(spd(batch + (n, n), dtype), dtype, upper)


def cholesky_agrees(a, dtype, upper):
    """numpy's and rumpy's factors of ``a`` agree, with garbage put in the triangle that is not
    read, and the other triangle of the factor is zero."""
    n = a.shape[-1]
    if n > 1 and dtype != "bool":
        junk = np.tri(n, k=-1, dtype=bool)
        a = np.where(junk.T if not upper else junk, general(a.shape, dtype, 5), a)
    r, want = call("cholesky", a, upper=upper)
    rr = close(r, want, tol(want, kappa(want) ** 2, n))
    other = np.tril(rr, -1) if upper else np.triu(rr, 1)
    assert not other.any(), "the other triangle is not zero"
    if rr.dtype.kind == "c":
        # LAPACK's pivots are real square roots
        assert not np.diagonal(rr, axis1=-2, axis2=-1).imag.any(), "a diagonal not real"


@needs_ul
@pytest.mark.parametrize("n", [3, 50, 130])
@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
@pytest.mark.parametrize("upper", [False, True])
def test_cholesky_reads_the_real_diagonal(n, dtype, upper):
    """potrf reads only the real part of the diagonal: imaginary parts there (the rounding a
    product A^H A leaves) change nothing, and the factor's diagonal is real, as NumPy's."""
    a = spd((n, n), dtype) + 1j * np.diag(np.linspace(1e-6, 1e-3, n)).astype(dtype)
    cholesky_agrees(a, dtype, upper)


@needs_ul
@pytest.mark.parametrize("a", [
    [[1.0, 2.0], [2.0, 1.0]], [[0.0, 0.0], [0.0, 0.0]], [[-1.0]], [[1.0, 0.0], [0.0, -1e-3]],
    [[[4.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, -1.0]]],
], ids=["indefinite", "zeros", "negative", "tiny-negative", "batch"])
@pytest.mark.parametrize("upper", [False, True])
def test_cholesky_not_positive_definite(a, upper):
    r, want = call("cholesky", np.array(a), upper=upper)
    assert want is None
    r, want = call("cholesky", np.array(a, dtype=complex), upper=upper)
    assert want is None


@needs_ul
@pytest.mark.parametrize("n", [64, 65, 100, 161, 300, 520])
@pytest.mark.parametrize("dtype", ["float64", "float32", "int64"])
@pytest.mark.parametrize("upper", [False, True])
def test_cholesky_recursive(n, dtype, upper):
    # Orders across the recursive Cholesky's cut points; above 256 its parts run on several
    # threads.
    cholesky_agrees(spd((n, n), dtype, key=n), dtype, upper)


@needs_ul
@pytest.mark.parametrize("where", [0, 1, 63, 64, 150, 299])
def test_cholesky_recursive_not_positive_definite(where):
    # A negative pivot at each depth of the recursion: numpy's error, in a batch too.
    n = 300
    a = spd((n, n), "float64", key=3)
    a[where, where] = -abs(a[where, where]) * 10
    r, want = call("cholesky", a)
    assert want is None
    r, want = call("cholesky", np.stack([spd((n, n), "float64", key=4), a]))
    assert want is None


@needs_ul
@pytest.mark.parametrize("where", [(0, 0), (5, 5), (99, 99), (50, 10), (10, 50), (99, 0),
                                   (0, 99), (70, 69)], ids=str)
@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf], ids=str)
@pytest.mark.parametrize("upper", [False, True])
def test_cholesky_recursive_not_finite(where, value, upper):
    # A value that is not finite in the triangle read: LAPACK's answer (NaN or inf spread
    # from it, or numpy's error); in the triangle not read: ignored.
    a = spd((100, 100), "float64", key=5)
    a[where] = value
    r, want = call("cholesky", a, upper=upper)
    if want is not None:
        close(r, want, tol(want, 1e4, 100))


@needs_ul
@pytest.mark.parametrize("layout", ["fortran", "reversed", "strided", "batched"])
def test_cholesky_recursive_layouts(layout):
    n = 130
    a = spd((n, n), "float64", key=7)
    if layout == "fortran":
        a = np.asfortranarray(a)
    elif layout == "reversed":
        a = a[::-1, ::-1]
    elif layout == "strided":
        a = np.kron(a, np.ones((2, 2)))[::2, 1::2]
    else:
        a = spd((3, n, n), "float64", key=8)
    r, want = call("cholesky", a)
    close(r, want, tol(want, kappa(want) ** 2, n))


# ---------------------------------------------------------------------------
# svd
# ---------------------------------------------------------------------------

MN = [(0, 0), (0, 3), (3, 0), (1, 1), (2, 2), (5, 5), (20, 20), (5, 3), (3, 5), (20, 7),
      (7, 20), (1, 4)]
MNP = pytest.mark.parametrize("mn", MN, ids=str)
BT2 = pytest.mark.parametrize("batch", [(), (2, 3)], ids=str)


def svd_agrees(r, want, a):
    """rumpy's SVD ``r`` of ``a`` against numpy's ``want``: types, singular values, u s vh = a
    and orthonormal vectors (which vectors, for repeated values, is the algorithm's choice).
    Returns U as a numpy array."""
    m, n = a.shape[-2:]
    u = like(r.U, want.U, "U")
    vh = like(r.Vh, want.Vh, "Vh")
    scale = fro(a)
    t = tol(want.S, 1, max(m, n))
    close(r.S, want.S, t, scale=scale, msg="S")
    k = min(m, n)
    s = wide(r.S)
    near((wide(u)[..., :, :k] * s[..., None, :]) @ wide(vh)[..., :k, :], wide(a), t * scale,
         "u s vh = a")
    orthonormal_columns(u, t, "U")
    orthonormal_columns(ht(vh), t, "Vh")
    return u


@needs_ul
@SQ
@MNP
@BT2
@pytest.mark.parametrize("full", [True, False])
def test_svd(batch, mn, dtype, full):
    m, n = mn
    a = general(batch + mn, dtype)
    r, want = call("svd", a, full_matrices=full)
    assert type(r).__name__ == "SVDResult" and r._fields == ("U", "S", "Vh")
    u = svd_agrees(r, want, a)
    k = min(m, n)
    # the singular vectors of distinct singular values are unique up to phase
    if k and dtype != "bool":
        vclose(abs(wide(u))[..., :, :k], abs(wide(want.U))[..., :, :k],
              tol(want.U, kappa(a) ** 2, max(m, n)), scale=1.0, msg="|U|")


@needs_ul
@SQ
@MNP
@BT2
def test_svd_values_only(batch, mn, dtype):
    a = general(batch + mn, dtype)
    t = tol(np.float32 if dtype in ("float32", "complex64") else np.float64, 1, max(mn))
    for r, want in (call("svd", a, compute_uv=False), call("svd", a, False, False),
                    call("svdvals", a)):
        close(r, want, t, scale=fro(a))


@needs_ul
@SQ
@SZ
@BT
@pytest.mark.parametrize("compute_uv", [True, False])
def test_svd_hermitian(batch, n, dtype, compute_uv):
    a = hermitian(batch + (n, n), dtype)
    r, want = call("svd", a, hermitian=True, compute_uv=compute_uv)
    scale = fro(a)
    if not compute_uv:
        close(r, want, tol(want, 1, n), scale=scale)
        return
    assert type(r).__name__ == "SVDResult"
    u = like(r.U, want.U, "U")
    vh = like(r.Vh, want.Vh, "Vh")
    t = tol(want.S, 1, n)
    close(r.S, want.S, t, scale=scale, msg="S")
    near((wide(u) * wide(r.S)[..., None, :]) @ wide(vh), wide(a), t * scale, "u s vh = a")
    orthonormal_columns(u, t, "U")


# LAPACK's unblocked paths (real input, order <= 25; the SVD for m >= n below dgesdd's QR
# crossover 11n/6) run in rumpy step by step, so the vectors come out with numpy's signs,
# not only up to sign: numpy.random's multivariate_normal depends on it.
LAPACK_SIGNED = [(1, 1), (2, 2), (3, 3), (4, 3), (5, 5), (8, 5), (9, 9), (16, 16), (20, 12),
                 (24, 24)]


@needs_ul
@pytest.mark.parametrize("mn", LAPACK_SIGNED, ids=str)
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("key", range(4))
def test_svd_signs_are_lapacks(mn, dtype, key):
    a = general(mn, dtype, key)
    for full in (True, False):
        r, want = call("svd", a, full_matrices=full)
        sv = np.asarray(want.S, np.float64)
        gap = np.min(-np.diff(sv)) if sv.size > 1 else 1.0
        t = tol(want.S, 1, max(mn)) * max(1.0, sv[0] / gap)
        close(r.U, want.U, t, scale=1.0, msg="U")
        close(r.Vh, want.Vh, t, scale=1.0, msg="Vh")


@needs_ul
@pytest.mark.parametrize("n", [1, 2, 3, 4, 6, 10, 17, 25])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("uplo", ["L", "U"])
@pytest.mark.parametrize("key", range(4))
def test_eigh_signs_are_lapacks(n, dtype, uplo, key):
    a = herm_input((n, n), dtype, uplo) if key < 2 else spd((n, n), dtype, key)
    r, want = call("eigh", a, UPLO=uplo)
    w = np.asarray(want.eigenvalues, np.float64)
    gap = np.min(np.diff(w)) if n > 1 else 1.0
    t = tol(want.eigenvalues, 1, n) * max(1.0, np.abs(w).max() / gap)
    close(r.eigenvectors, want.eigenvectors, t, scale=1.0, msg="v")


def _structured_hermitian(kind, n, dtype):
    """Hermitian matrices whose tridiagonal divide and conquer takes its special paths:
    repeated and clustered eigenvalues (deflation by z and by rotation), graded scales, tiny
    couplings between blocks, low rank."""
    dt = np.dtype(dtype)
    rng = np.random.default_rng([n, len(kind), dt.num])
    g = rng.standard_normal((n, n))
    if dt.kind == "c":
        g = g + 1j * rng.standard_normal((n, n))
    q = np.linalg.qr(g)[0]
    if kind == "random":
        h = (g + g.conj().T) / 2
    elif kind == "wilkinson":  # W+: pairs of eigenvalues equal to many digits
        h = np.diag(np.abs(np.arange(n) - n // 2).astype(float)) + np.eye(n, k=1) + np.eye(n, k=-1)
    elif kind == "repeated":  # three eigenvalues, each many times
        h = (q * np.resize([-1.0, 2.0, 5.0], n)) @ q.conj().T
    elif kind == "clustered":  # eigenvalues 1 + i * 1e-12 and a few apart
        w = 1 + np.arange(n) * 1e-12
        w[::7] = np.arange(len(w[::7])) + 3.0
        h = (q * w) @ q.conj().T
    elif kind == "graded":  # eigenvalues from 1 down to 1e-15
        h = (q * np.logspace(0, -15, n)) @ q.conj().T
    elif kind == "blocks":  # diagonal blocks joined by 1e-14 couplings
        h = (g + g.conj().T) / 2
        mask = np.add.outer(np.arange(n) // 9, -(np.arange(n) // 9)) != 0
        h = np.where(mask, 1e-14 * h, h)
    elif kind == "rank2":
        u = g[:, :2]
        h = (u * [3.0, -1.0]) @ u.conj().T
    elif kind == "identity":
        h = np.eye(n) * 2.5
    else:  # "tridiagonal": the 1-2-1 matrix (eigenvalues 2 - 2 cos(k pi / (n+1)))
        h = 2 * np.eye(n) - np.eye(n, k=1) - np.eye(n, k=-1)
    h = (h + h.conj().T) / 2
    return h.astype(dt)


@needs_ul
@pytest.mark.parametrize("n", [26, 27, 49, 64, 101, 160, 230, 310])
@pytest.mark.parametrize("dtype", ["float64", "complex128", "float32"])
@pytest.mark.parametrize("kind", ["random", "wilkinson", "repeated", "clustered", "graded",
                                  "blocks", "rank2", "identity", "tridiagonal"])
def test_eigh_divide_and_conquer(kind, n, dtype):
    # Orders above 25 run the divide and conquer (loops/stedc.rs), as LAPACK's dsyevd does.
    a = _structured_hermitian(kind, n, dtype)
    for uplo in ["L", "U"]:
        r, want = call("eigh", a, UPLO=uplo)
        eigh_agrees(r, want, a)


@needs_ul
@pytest.mark.parametrize("n", [2, 3, 63, 64, 65, 97, 161, 230, 310])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("kind", ["random", "wilkinson", "repeated", "clustered", "graded",
                                  "blocks", "rank2", "identity", "tridiagonal"])
def test_eigvalsh_structured(kind, n, dtype):
    # Real input is reduced to tridiagonal form in panels of 32 columns (loops/sytrd.rs), the
    # last 64 or fewer in one; from order 300 (decomp.rs PAR_EIGH) on both threads.
    a = _structured_hermitian(kind, n, dtype)
    for uplo in ["L", "U"]:
        r, want = call("eigvalsh", a, UPLO=uplo)
        close(r, want, tol(want, 1, n), scale=fro(a))


@needs_ul
def test_eigh_divide_and_conquer_batched():
    a = np.stack([_structured_hermitian(k, 40, "float64") for k in ["random", "repeated",
                                                                    "graded"]])
    a = np.stack([a, a[::-1]])
    r, want = call("eigh", a)
    eigh_agrees(r, want, a)


def _structured_general(kind, m, n, dtype):
    """m x n matrices whose bidiagonal divide and conquer takes its special paths: repeated,
    clustered, graded and zero singular values, tiny couplings between blocks."""
    dt = np.dtype(dtype)
    rng = np.random.default_rng([m, n, len(kind), dt.num])
    k = min(m, n)
    q1 = np.linalg.qr(rng.standard_normal((m, m)))[0]
    q2 = np.linalg.qr(rng.standard_normal((n, n)))[0]
    if kind == "random":
        return rng.standard_normal((m, n)).astype(dt)
    if kind == "blocks":  # diagonal blocks joined by 1e-14 couplings
        g = rng.standard_normal((m, n))
        mask = np.add.outer(np.arange(m) // 9, -(np.arange(n) // 9)) != 0
        return np.where(mask, 1e-14 * g, g).astype(dt)
    if kind == "bidiagonal":  # ones on the diagonal and above it
        return (np.eye(m, n) + np.eye(m, n, k=1)).astype(dt)
    if kind == "identity":
        return (2.5 * np.eye(m, n)).astype(dt)
    s = {
        "repeated": np.resize([3.0, 1.0, 0.5], k),
        "clustered": 1 + np.arange(k) * 1e-12,
        "graded": np.logspace(0, -15, k),
        "rank_deficient": np.where(np.arange(k) % 3 == 0, 0.0, 1 + np.arange(k)),
        "rank2": np.r_[3.0, 1.0, np.zeros(k - 2)],
    }[kind]
    return ((q1[:, :k] * s) @ q2[:, :k].T).astype(dt)


@needs_ul
@pytest.mark.parametrize("mn", [(26, 26), (49, 40), (40, 49), (64, 64), (130, 101), (160, 160)],
                         ids=str)
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("kind", ["random", "repeated", "clustered", "graded", "rank_deficient",
                                  "rank2", "blocks", "bidiagonal", "identity"])
def test_svd_divide_and_conquer(kind, mn, dtype):
    # Real matrices of these shapes run the bidiagonal divide and conquer (loops/bdsdc.rs).
    m, n = mn
    a = _structured_general(kind, m, n, dtype)
    for full in [False, True]:
        r, want = call("svd", a, full_matrices=full)
        svd_agrees(r, want, a)


@needs_ul
def test_svd_divide_and_conquer_batched():
    a = np.stack([_structured_general(k, 40, 30, "float64") for k in ["random", "repeated",
                                                                      "rank_deficient"]])
    a = np.stack([a, a[::-1]])
    r, want = call("svd", a, full_matrices=False)
    svd_agrees(r, want, a)


@needs_ul
@pytest.mark.parametrize("dtype", ["float64", "complex128"])
def test_svd_rank_deficient(dtype):
    a = np.outer([1, 2, 3, 4, 5], [1, -1, 2]).astype(dtype)
    a = np.stack([a, np.zeros_like(a), np.eye(5, 3, dtype=dtype)])
    r, want = call("svd", a)
    close(r.S, want.S, tol(want.S, 1, 5), scale=fro(a))
    near((wide(r.U)[..., :, :3] * wide(r.S)[..., None, :]) @ wide(r.Vh), wide(a), 1e-12 * fro(a))
    orthonormal_columns(r.U, 1e-12)
    orthonormal_columns(ht(r.Vh), 1e-12)


# ---------------------------------------------------------------------------
# qr
# ---------------------------------------------------------------------------

def householder_q(h, tau):
    """Q (m x m) from LAPACK's geqrf output (h as numpy returns it: transposed)."""
    a = np.swapaxes(wide(h), -1, -2)
    tau = wide(tau)
    m = a.shape[-2]
    out = np.empty(a.shape[:-2] + (m, m), dtype=np.result_type(a, tau))
    for idx in np.ndindex(a.shape[:-2]):
        q = np.eye(m, dtype=out.dtype)
        for i in range(tau.shape[-1]):
            v = np.zeros(m, dtype=out.dtype)
            v[i] = 1
            v[i + 1:] = a[idx][i + 1:, i]
            q = q @ (np.eye(m) - tau[idx][i] * np.outer(v, np.conj(v)))
        out[idx] = q
    return out


@needs_ul
@SQ
@MNP
@BT2
@pytest.mark.parametrize("mode", ["reduced", "complete", "r", "raw"])
def test_qr(batch, mn, dtype, mode):
    m, n = mn
    k = min(m, n)
    a = general(batch + mn, dtype)
    r, want = call("qr", a, mode=mode)
    scale = fro(a)
    c = kappa(a)
    if mode == "r":
        rr = like(r, want)
        assert not np.tril(rr, -1).any()
        vclose(abs(wide(r)), abs(wide(want)), tol(want, c, max(m, n)), scale=scale, msg="|R|")
        return
    if mode == "raw":
        assert type(r) is tuple and len(r) == 2
        h, tau = like(r[0], want[0], "h"), like(r[1], want[1], "tau")
        t = tol(want[0], 1, max(m, n))
        q = householder_q(h, tau)
        rr = np.triu(np.swapaxes(wide(h), -1, -2))[..., :k, :]
        near(q[..., :, :k] @ rr, wide(a), t * scale, "reflectors and R give a")
        orthonormal_columns(q, t, "Q")
        return
    assert type(r).__name__ == "QRResult" and r._fields == ("Q", "R")
    q = like(r.Q, want.Q, "Q")
    rr = like(r.R, want.R, "R")
    t = tol(want.Q, 1, max(m, n))
    assert not np.tril(rr, -1).any(), "R is not upper triangular"
    near(wide(q) @ wide(rr), wide(a), t * scale, "q r = a")
    orthonormal_columns(q, t, "Q")
    vclose(abs(wide(rr))[..., :k, :], abs(wide(want.R))[..., :k, :], tol(want.R, c, max(m, n)),
          scale=scale, msg="|R|")
    vclose(abs(wide(q))[..., :, :k], abs(wide(want.Q))[..., :, :k], tol(want.Q, c, max(m, n)),
          scale=1.0, msg="|Q|")


@needs_ul
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("mn", [(300, 200), (130, 700), (257, 257)], ids=str)
@pytest.mark.parametrize("mode", ["reduced", "complete"])
def test_qr_several_blocks_of_reflectors(mn, dtype, mode):
    # Large enough for several blocks of reflectors, each applied to part of Q.
    m, n = mn
    k = min(m, n)
    a = general(mn, dtype)
    r, want = call("qr", a, mode=mode)
    q, rr = like(r.Q, want.Q, "Q"), like(r.R, want.R, "R")
    t = tol(want.Q, 1, max(m, n))
    assert not np.tril(rr, -1).any(), "R is not upper triangular"
    near(q @ rr, a, t * fro(a), "q r = a")
    orthonormal_columns(q, t, "Q")
    vclose(abs(rr)[:k], abs(want.R)[:k], tol(want.R, kappa(a), max(m, n)), scale=fro(a),
           msg="|R|")


# One matrix large enough that faer factors it on several threads (loops/decomp.rs:
# PAR_BLAS3, PAR_EIGH, PAR_SVD, PAR_ITERATIVE), run on rayon's pool: the checks above.
THREADED = {
    "inv": lambda dt: test_inv((), 260, dt),
    "solve": lambda dt: test_solve((), 260, dt, "mat"),
    "slogdet": lambda dt: test_slogdet((), 260, dt),
    "cholesky": lambda dt: test_cholesky((), 260, dt, True),
    "eigh": lambda dt: test_eigh((), 310, dt, "L"),
    "eigvalsh": lambda dt: test_eigvalsh((), 310, dt, "U"),
    "svd": lambda dt: test_svd((), (410, 420), dt, False),
    "qr": lambda dt: test_qr_several_blocks_of_reflectors((910, 905), dt, "reduced"),
}


@needs_ul
@pytest.mark.parametrize("dtype", ["float64", "complex128"])
@pytest.mark.parametrize("name", THREADED)
def test_threaded_sizes(name, dtype):
    THREADED[name](dtype)


@needs_ul
@pytest.mark.parametrize("dtype", ["float64", "complex128", "float32"])
@pytest.mark.parametrize("mn", [(4, 4), (6, 3), (3, 6)], ids=str)
def test_qr_lapack_signs(dtype, mn):
    """R and the reflectors as LAPACK's geqrf makes them (its sign convention)."""
    a = general(mn, dtype)
    r, want = call("qr", a, mode="raw")
    close(r[0], want[0], tol(want[0], kappa(a), 6))
    close(r[1], want[1], tol(want[1], kappa(a), 6))
    r, want = call("qr", a)
    close(r.Q, want.Q, tol(want.Q, kappa(a), 6))
    close(r.R, want.R, tol(want.R, kappa(a), 6))


def _rank_deficient(kind, mn, dtype):
    """A matrix with exactly zero columns or subcolumns, where faer's QR keeps the row for the
    next column and LAPACK's forms a reflector (the identity) and moves on."""
    a = general(mn, dtype)
    m, n = mn
    if kind == "zero column":
        a[:, 1] = 0
    elif kind == "zero columns":
        a[:, ::3] = 0
    elif kind == "zero subcolumn":
        # Upper triangular in its first columns: the first two reflectors are the identity,
        # and the third column has nothing on or below the diagonal.
        a[1:, 0] = 0
        a[2:, 1] = 0
        a[2:, 2] = 0
        a[:, n - 1] = 0
    elif kind == "zero":
        a[...] = 0
    return a


@needs_ul
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("mn", [(6, 4), (4, 6), (80, 60), (300, 200)], ids=str)
@pytest.mark.parametrize("kind", ["zero column", "zero columns", "zero subcolumn", "zero"])
@pytest.mark.parametrize("mode", ["reduced", "complete", "r", "raw"])
def test_qr_rank_deficient_as_lapack(kind, mn, dtype, mode):
    """Q, R and the reflectors of an input with exactly zero (sub)columns are LAPACK's."""
    a = _rank_deficient(kind, mn, dtype)
    r, want = call("qr", a, mode=mode)
    t = tol(want if mode == "r" else want[0], 1, max(mn))
    scale = max(fro(a), 1.0)
    if mode == "r":
        vclose(like(r, want), want, t, scale=scale, msg="R")
    elif mode == "raw":
        vclose(like(r[0], want[0], "h"), want[0], t, scale=scale, msg="h")
        vclose(like(r[1], want[1], "tau"), want[1], t, scale=2.0, msg="tau")
    else:
        vclose(like(r.Q, want.Q, "Q"), want.Q, t, scale=1.0, msg="Q")
        vclose(like(r.R, want.R, "R"), want.R, t, scale=scale, msg="R")


@needs_ul
@pytest.mark.parametrize("mode, new", [("full", "reduced"), ("f", "reduced"),
                                       ("economic", None), ("e", None)])
def test_qr_deprecated_modes(mode, new):
    a = general((5, 3), "float64")
    r, want = call("qr", a, mode=mode)  # DeprecationWarning (an error here) in both
    assert want is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        r = rp.linalg.qr(to_rp(a), mode=mode)
        want = np.linalg.qr(a, mode=mode)
    if new is None:
        like(r, want)  # the raw geqrf matrix, not transposed
        vclose(abs(wide(np.triu(np.asarray(r)))), abs(np.triu(want)), 1e-12, msg="R")
    else:
        like(r.Q, want.Q)
        like(r.R, want.R)
    with pytest.warns(DeprecationWarning):
        rp.linalg.qr(to_rp(a), mode=mode)


# ---------------------------------------------------------------------------
# lstsq, pinv, matrix_rank, cond
# ---------------------------------------------------------------------------

@needs_ul
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("mn", [(5, 3), (3, 5), (4, 4), (20, 7), (0, 3), (3, 0), (1, 1),
                                (0, 0), (7, 20)], ids=str)
@pytest.mark.parametrize("bkind", ["vec", "mat", "none"])
def test_lstsq(dtype, mn, bkind):
    m, n = mn
    a = general(mn, dtype)
    b = rand({"vec": (m,), "mat": (m, 3), "none": (m, 0)}[bkind], dtype, 4)
    r, want = call("lstsq", a, b)
    assert type(r) is tuple and len(r) == 4
    c = kappa(a)
    close(r[0], want[0], tol(want[0], c * c, max(mn)), msg="x")
    close(r[1], want[1], tol(want[1], c * c, max(mn)), scale=max(1.0, fro(b[:, None] if
                                                                       b.ndim == 1 else b)) ** 2,
          msg="residuals")
    assert_same(r[2], want[2])  # rank: int32 scalar
    close(r[3], want[3], tol(want[3], 1, max(mn)), scale=fro(a), msg="s")


@needs_ul
@pytest.mark.parametrize("rcond", [None, -1, 0, 1e-300, 1e-10, 0.1, 0.5, 1.0, 2.0,
                                   np.float32(0.5)])
@pytest.mark.parametrize("dtype", ["float64", "complex64"])
def test_lstsq_rcond(rcond, dtype):
    for d in ([10.0, 1.0, 0.5], [1.0, 1.5e-16], [1.0, 1e-16], [1.0, 0.1], [10.0, 5.0]):
        a = np.diag(d).astype(dtype)
        r, want = call("lstsq", a, np.ones(len(d)), rcond=rcond)
        assert_same(r[2], want[2])  # the rank: LAPACK's cut (s <= rcond * s[0] is zero)
    a = np.diag([10.0, 3.0, 1.0, 1e-14]).astype(dtype)
    a = np.vstack([a, np.ones((2, 4), dtype=dtype)])
    b = rand((6, 2), dtype, 5)
    r, want = call("lstsq", a, b, rcond=rcond)
    assert_same(r[2], want[2])
    close(r[3], want[3], tol(want[3]), scale=10.0)
    if want[2] < 4 or rcond is None:  # well-conditioned after the cut
        close(r[0], want[0], tol(want[0], 1e3, 6))
        close(r[1], want[1], tol(want[1], 1e3, 6))


@needs_ul
def test_lstsq_rank_deficient():
    a = np.outer([1.0, 2, 3, 4, 5], [1.0, -1, 2])
    a[:, 2] += 3 * a[:, 0]
    b = np.arange(10.0).reshape(5, 2)
    r, want = call("lstsq", a, b, rcond=1e-10)
    assert_same(r[2], want[2])  # rank 1
    assert_same(r[1], want[1])  # no residuals: rank < n
    close(r[0], want[0], 1e-10)  # the minimum-norm solution
    close(r[3][:1], want[3][:1], 1e-12)


@needs_ul
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape, hermitian", [
    (s, h) for s in [(4, 4), (5, 3), (3, 5), (2, 3, 4, 4), (2, 5, 3), (0, 0), (0, 3), (3, 0),
                     (2, 0, 3), (1, 1), (20, 20)]
    for h in (False, True) if not h or s[-1] == s[-2]], ids=str)
def test_pinv(dtype, shape, hermitian):
    a = herm_input(shape, dtype) if hermitian else general(shape, dtype)
    r, want = call("pinv", a, hermitian=hermitian)
    if want is None:
        return
    c = kappa(a)
    close(r, want, tol(want, c, max(shape)))


@needs_ul
@pytest.mark.parametrize("kw", [{}, {"rcond": 1e-8}, {"rcond": 0.5}, {"rtol": None},
                                {"rtol": 1e-8}, {"rtol": 0.3}, {"rcond": [0.5, 1e-8]},
                                {"rtol": np.array([0.5, 1e-8])}, {"hermitian": True}],
                         ids=str)
def test_pinv_cutoffs(kw):
    d = np.array([[4.0, 1.0, 1e-10], [2.0, 0.5, 1e-12]])
    u = np.linalg.qr(general((3, 3), "float64"))[0]
    a = (u * d[:, None, :]) @ u.T  # symmetric, singular values 4, 1 (or .5), tiny
    r, want = call("pinv", a, **kw)
    # the tiny singular values kept (by the default cutoffs) make the result ill-conditioned
    kept = np.max(np.abs(want)) > 1e3
    close(r, want, 1e-2 if kept else 1e-10)


@needs_ul
def test_pinv_int_rtol_none():
    r, want = call("pinv", np.eye(3, dtype=int), rtol=None)  # finfo of an int type
    assert want is None


@needs_ul
@pytest.mark.parametrize("a, kw", [
    (np.eye(4), {}), (np.zeros((3, 3)), {}), (np.diag([1.0, 1e-3, 1e-8]), {}),
    (np.diag([1.0, 1e-3, 1e-8]), {"tol": 1e-5}), (np.diag([1.0, 1e-3, 1e-8]), {"rtol": 1e-5}),
    (np.diag([1.0, 1e-3, 1e-8]), {"rtol": 1e-2}), (np.diag([1.0, 1e-3, 1e-8]), {"tol": 2}),
    (np.diag([1.0, 1e-3, 1e-8]), {"hermitian": True}),
    (np.diag([1.0, -1e-3, 1e-8]), {"hermitian": True, "tol": 1e-4}),
    (np.stack([np.eye(3), np.diag([1.0, 0, 0]), np.zeros((3, 3))]), {}),
    (np.stack([np.eye(3), np.diag([1.0, 1e-3, 0])]), {"tol": np.array([0.5, 1e-4])}),
    (np.stack([np.eye(3), np.diag([1.0, 1e-3, 0])]), {"rtol": [0.5, 1e-4]}),
    (np.ones((4, 6)), {}), (np.eye(5, 3, dtype=int), {}), (np.eye(3, dtype=bool), {}),
    (np.eye(3, dtype=np.float32), {}), (np.eye(3, dtype=np.complex64) * 1j, {}),
    (np.zeros((0, 3)), {}), (np.zeros((2, 0, 0)), {}),
    (np.array([1.0, 0.0]), {}), (np.zeros(3), {}), (np.array(5.0), {}), (np.array(0), {}),
])
def test_matrix_rank(a, kw):
    r, want = call("matrix_rank", a, **kw)
    assert_same(r, want)


@needs_ul
@pytest.mark.parametrize("p", [None, 2, -2, "fro", "nuc", np.inf, -np.inf, 1, -1])
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(4, 4), (2, 3, 3), (1, 1), (5, 3)], ids=str)
def test_cond(p, dtype, shape):
    a = general(shape, dtype)
    r, want = call("cond", a, p)
    if want is not None:
        c = kappa(a)
        close(r, want, tol(want, c, max(shape)))


@needs_ul
def test_cond_nan_and_singular_batch():
    a = np.stack([np.eye(2), np.zeros((2, 2)), np.array([[np.nan, 1.0], [1.0, 1.0]])])
    for p in (None, "fro", 1, np.inf):
        r, want = call("cond", a[:2], p)
        assert_same(r, want)
    r, want = call("cond", a[1], 1)
    assert_same(r, want)
    for p in (None, "fro", 1, np.inf):
        r, want = call("cond", a[2], p)  # the NaN matrix
        assert_same(r, want)


# ---------------------------------------------------------------------------
# tensorsolve, tensorinv, matrix_power
# ---------------------------------------------------------------------------

@needs_ul
@pytest.mark.parametrize("ashape, ind", [((4, 6, 8, 3), 2), ((24, 8, 3), 1), ((2, 3, 6), 2),
                                         ((6, 2, 3), 1), ((4, 4), 1)], ids=str)
@pytest.mark.parametrize("dtype", ["float64", "complex64", "int64"])
def test_tensorinv(ashape, ind, dtype):
    a = general((int(np.prod(ashape[:ind])), int(np.prod(ashape[ind:]))), dtype)
    a = a.reshape(ashape)
    r, want = call("tensorinv", a, ind=ind)
    if want is not None:
        close(r, want, tol(want, kappa(a.reshape(int(np.prod(ashape[:ind])), -1)), 24))


@needs_ul
@pytest.mark.parametrize("ashape, bshape, axes", [
    ((6, 4, 6, 4), (6, 4), None), ((2, 3, 6), (2, 3), None), ((3, 6, 2), (2, 3), (0, 2)),
    ((6, 6), (6,), None), ((3, 4, 12), (12,), (0, 1)),
], ids=str)
def test_tensorsolve(ashape, bshape, axes):
    k = int(np.prod(bshape))
    a = general((k, k), "float64").reshape(ashape)
    b = rand(bshape, "float64", 6)
    r, want = call("tensorsolve", a, b, axes=axes)
    if want is not None:
        close(r, want, tol(want, 1e3, k))


@pytest.mark.parametrize("dtype", DTYPES + ["int8", "uint16"])
@pytest.mark.parametrize("p", [0, 1, 2, 3, 4, 5, 13])
@pytest.mark.parametrize("shape", [(3, 3), (2, 2, 2), (0, 0), (1, 1)], ids=str)
def test_matrix_power(dtype, p, shape):
    a = sample(shape, dtype) if dtype != "bool" else general(shape, dtype)
    if np.dtype(dtype).kind in "fc":
        a = a / 4
    r, want = call("matrix_power", a, p)
    if np.dtype(dtype).kind in "fc":
        close(r, want, 64 * real_eps(want) * p)
    else:
        assert_same(r, want)


@needs_ul
@pytest.mark.parametrize("dtype", ["float64", "float32", "complex128", "int64"])
@pytest.mark.parametrize("p", [-1, -2, -3, -6])
def test_matrix_power_negative(dtype, p):
    a = general((2, 4, 4), dtype)
    r, want = call("matrix_power", a, p)
    close(r, want, tol(want, kappa(a) ** abs(p), 4))


def test_matrix_power_index_types():
    a = np.array([[1, 1], [1, 0]])
    for p in (np.int8(5), np.uint64(7), True):
        r, want = call("matrix_power", a, p)
        assert_same(r, want)
    r, want = call("matrix_power", a, 2.0)
    assert want is None


def test_matrix_power_object():
    a = np.array([[1, 1], [1, 0]], dtype=object)
    r, want = call("matrix_power", a, 0)
    assert_same(r, want)


# ---------------------------------------------------------------------------
# norms (the SVD orders need the factorizations)
# ---------------------------------------------------------------------------

VEC_ORDS = [None, 2, 1, 0, np.inf, -np.inf, 3, 0.5, -1, -2.5]
MAT_ORDS = [None, "fro", "f", 1, -1, np.inf, -np.inf]
SVD_ORDS = [2, -2, "nuc"]
NORM_DTYPES = ["float16", "float32", "float64", "complex64", "complex128", "int64", "int8",
               "bool", "uint8"]


def norm_close(r, want, msg="", scale=None):
    """Norms are sums of many terms: rumpy may sum in another order than numpy's BLAS."""
    want_arr = np.asarray(want)
    t = 32 * real_eps(want_arr.dtype) * max(1, int(np.sqrt(max(want_arr.size, 1))))
    close(r, want, t, msg=msg, scale=scale)


@pytest.mark.parametrize("ord", VEC_ORDS, ids=str)
@pytest.mark.parametrize("dtype", NORM_DTYPES)
@pytest.mark.parametrize("shape, axis", [((7,), None), ((7,), 0), ((3, 4), 1), ((3, 4), 0),
                                         ((2, 3, 4), -1), ((2, 3, 4), (1,)), ((0,), None),
                                         ((3, 0), 1), ((3, 0), 0)], ids=str)
def test_vector_norms(ord, dtype, shape, axis):
    x = sample(shape, dtype)
    for keepdims in (False, True):
        r, want = call("norm", x, ord, axis, keepdims)
        if want is not None:
            norm_close(r, want, f"keepdims={keepdims}")


@pytest.mark.parametrize("ord", MAT_ORDS + SVD_ORDS, ids=str)
@pytest.mark.parametrize("dtype", NORM_DTYPES)
@pytest.mark.parametrize("shape, axis", [((3, 4), None), ((3, 4), (0, 1)), ((3, 4), (1, 0)),
                                         ((2, 3, 4), (-1, 0)), ((2, 3, 4), (2, 1)),
                                         ((3, 0), None), ((2, 0, 3), (0, 1))], ids=str)
def test_matrix_norms(ord, dtype, shape, axis):
    if ord in SVD_ORDS and not HAVE_UL:
        pytest.skip("rumpy._core._umath_linalg is not in this build yet")
    x = sample(shape, dtype)
    for keepdims in (False, True):
        r, want = call("norm", x, ord, axis, keepdims)
        if want is not None:  # (the smallest singular value of a singular matrix: 0 or so)
            norm_close(r, want, f"keepdims={keepdims}", scale=fro(x) if ord in SVD_ORDS else None)


def test_norm_default_flattens():
    for shape in [(), (5,), (2, 3), (2, 3, 4), (0, 3)]:
        for dtype in ("float64", "complex64", "int32", "float16"):
            x = sample(shape, dtype)
            for keepdims in (False, True):
                r, want = call("norm", x, keepdims=keepdims)
                norm_close(r, want, f"{shape} {dtype}")


@pytest.mark.parametrize("view", ["T", "strided", "negstride"])
def test_norm_views(view):
    base = sample((6, 8), "complex128")
    f = {"T": lambda x: x.T, "strided": lambda x: x[::2, 1::3],
         "negstride": lambda x: x[::-1, ::-2]}[view]
    x = P(f(to_rp(base)), f(base))
    for ord in (None, "fro", 1, np.inf, -1):
        r, want = call("norm", x, ord)
        norm_close(r, want, str(ord))
    for ord in (None, 1, 3, np.inf):
        r, want = call("norm", x, ord, 1)
        norm_close(r, want, str(ord))


def test_norm_big_and_small_values():
    for x in (np.array([1e200, 1e200]), np.array([1e-200, 3e-200]), np.array([np.inf, 1.0]),
              np.array([np.nan, 1.0]), np.array([-np.inf, np.nan])):
        for ord in (None, 1, np.inf, -np.inf, 0, 3):
            with np.errstate(all="ignore"), rp.errstate(all="ignore"):
                n = np.linalg.norm(x, ord)
                r = rp.linalg.norm(to_rp(x), ord)
            assert_same(r, n)


@pytest.mark.parametrize("ord", [2, 1, 0, np.inf, -np.inf, 3, -1.5], ids=str)
@pytest.mark.parametrize("axis", [None, 0, -1, (0, 1), (2, 0), (0, 1, 2), (), 1], ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("dtype", ["float32", "complex128", "int16", "bool"])
def test_vector_norm(ord, axis, keepdims, dtype):
    x = sample((2, 3, 4), dtype)
    r, want = call("vector_norm", x, axis=axis, keepdims=keepdims, ord=ord)
    if want is not None:
        norm_close(r, want)


@pytest.mark.parametrize("ord", MAT_ORDS[1:] + SVD_ORDS, ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("dtype", ["float32", "complex128", "int16"])
@pytest.mark.parametrize("shape", [(3, 4), (2, 3, 4), (0, 2), (2, 1, 1)], ids=str)
def test_matrix_norm(ord, keepdims, dtype, shape):
    if ord in SVD_ORDS and not HAVE_UL:
        pytest.skip("rumpy._core._umath_linalg is not in this build yet")
    x = sample(shape, dtype)
    r, want = call("matrix_norm", x, keepdims=keepdims, ord=ord)
    if want is not None:
        norm_close(r, want)


def test_norm_of_lists_and_scalars():
    for x, kw in [([3, 4], {}), ([[1, 2], [3, 4]], {"ord": 1}), (5, {}), ([1j, 2], {"ord": 3})]:
        check("m.linalg.norm(x, **kw)", x=x, kw=kw, compare=norm_close)


# ---------------------------------------------------------------------------
# multi_dot and the Array API functions
# ---------------------------------------------------------------------------

CHAINS = [
    [(2, 3), (3, 4)], [(10, 30), (30, 5), (5, 60)], [(3,), (3, 4), (4, 5)],
    [(2, 3), (3, 4), (4,)], [(3,), (3, 4), (4,)], [(10, 30), (30, 5), (5, 60), (60, 2)],
    [(30, 35), (35, 15), (15, 5), (5, 10), (10, 20), (20, 25)], [(4,), (4, 1), (1, 6), (6,)],
    [(3,), (3,)], [(2, 0), (0, 3), (3, 2)], [(), (3,)],
]


@needs_products
@pytest.mark.parametrize("shapes", CHAINS, ids=str)
@pytest.mark.parametrize("dtype", ["float64", "int64", "complex64", "bool"])
def test_multi_dot(shapes, dtype):
    arrays = [sample(s, dtype) for s in shapes]
    r, want = call("multi_dot", arrays)
    if want is not None:
        close(r, want, 64 * real_eps(want) * 64)


@needs_products
def test_multi_dot_out():
    arrays = [sample(s, "float64") for s in [(10, 30), (30, 5), (5, 60), (60, 2)]]
    out_n = np.empty((10, 2))
    out_r = rp.empty((10, 2))
    want = np.linalg.multi_dot(arrays, out=out_n)
    r = rp.linalg.multi_dot([to_rp(a) for a in arrays], out=out_r)
    assert r is out_r and want is out_n
    close(r, want, 1e-12)
    check("m.linalg.multi_dot([a, b, c], out=m.empty((2, 2), dtype=m.float32))",
          a=P(rp.ones((2, 3)), np.ones((2, 3))), b=P(rp.ones((3, 3)), np.ones((3, 3))),
          c=P(rp.ones((3, 2)), np.ones((3, 2))))


def test_multi_dot_chain_order():
    from rumpy.linalg import _multi_dot_matrix_chain_order
    arrays = [np.empty(s) for s in [(30, 35), (35, 15), (15, 5), (5, 10), (10, 20), (20, 25)]]
    want = np.linalg._linalg._multi_dot_matrix_chain_order(arrays)
    got = _multi_dot_matrix_chain_order(arrays)
    for i in range(6):
        for j in range(i + 1, 6):
            assert got[i][j] == want[i, j]


def test_matmul_vecdot_transpose_diagonal():
    a = sample((2, 3, 4), "float64")
    b = sample((2, 4, 5), "complex64")
    c = sample((2, 3, 4), "complex128")
    for expr, names in [
        ("m.linalg.matmul(a, b)", {"a": a, "b": b}),
        ("m.linalg.matmul(a[0, 0], a[0].T)", {"a": a}),
        ("m.linalg.matmul(a, 2)", {"a": a}),
        ("m.linalg.vecdot(a, c)", {"a": a, "c": c}),
        ("m.linalg.vecdot(c, a, axis=1)", {"a": a, "c": c}),
        ("m.linalg.vecdot(c, c, axis=0)", {"c": c}),
        ("m.linalg.matrix_transpose(a)", {"a": a}),
        ("m.linalg.matrix_transpose(a[0])", {"a": a}),
        ("m.linalg.matrix_transpose(a[0, 0])", {"a": a}),
        ("m.linalg.diagonal(a)", {"a": a}), ("m.linalg.diagonal(a, offset=1)", {"a": a}),
        ("m.linalg.diagonal(a, offset=-2)", {"a": a}), ("m.linalg.diagonal(a[0, 0])", {"a": a}),
    ]:
        ns = {k: P(to_rp(v), v) for k, v in names.items()}
        check(expr, compare=lambda r, n: close(r, n, 1e-6), **ns)


@needs_products
def test_products_array_api():
    a = sample((2, 3, 4), "float64")
    v = sample((3,), "int32")
    w = sample((4,), "complex64")
    x3 = sample((2, 4, 3), "float32")
    for expr, names in [
        ("m.linalg.outer(v, w)", {"v": v, "w": w}), ("m.linalg.outer(v, v)", {"v": v}),
        ("m.linalg.outer([1, 2], [3])", {}),
        ("m.linalg.cross(x3, x3[::-1])", {"x3": x3}), ("m.linalg.cross(v, v[::-1])", {"v": v}),
        ("m.linalg.cross(x3[:, :3], x3[:, 1:], axis=1)", {"x3": x3}),
        ("m.linalg.cross(a, a, axis=0)", {"a": a}), ("m.linalg.cross(a, a, axis=5)", {"a": a}),
        ("m.linalg.tensordot(a, x3)", {"a": a, "x3": x3}),
        ("m.linalg.tensordot(a, x3, axes=1)", {"a": a, "x3": x3}),
        ("m.linalg.tensordot(a, x3, axes=([1, 2], [2, 1]))", {"a": a, "x3": x3}),
        ("m.linalg.tensordot(a, a, axes=0)", {"a": a}),
        ("m.linalg.trace(a)", {"a": a}), ("m.linalg.trace(a, offset=1)", {"a": a}),
        ("m.linalg.trace(a, offset=-1, dtype=m.float32)", {"a": a}),
        ("m.linalg.trace(x3 > 0)", {"x3": x3}), ("m.linalg.trace(a[0])", {"a": a}),
    ]:
        ns = {k: P(to_rp(v), v) for k, v in names.items()}
        check(expr, compare=lambda r, n: close(r, n, 1e-6), **ns)


def test_array_api_keywords_are_keyword_only():
    a = sample((3, 3), "float64")
    for expr in ("m.linalg.diagonal(a, 1)", "m.linalg.vecdot(a, a, 0)",
                 "m.linalg.cholesky(a, True)", "m.linalg.matrix_norm(a, False)",
                 "m.linalg.vector_norm(a, 0)", "m.linalg.trace(a, 1)",
                 "m.linalg.cross(a, a, 0)", "m.linalg.tensordot(a, a, 1)",
                 "m.linalg.matrix_rank(a, None, False, None)", "m.linalg.pinv(a, None, False, 1)",
                 "m.linalg.svdvals(x=a)", "m.linalg.outer(x1=a[0], x2=a[0])",
                 "m.linalg.matmul(x1=a, x2=a)"):
        check(expr, a=P(to_rp(a), a))


# ---------------------------------------------------------------------------
# NumPy's functions on rumpy arrays, subclasses, array-likes
# ---------------------------------------------------------------------------

NP_ON_RP = [
    ("inv", lambda L, a: L.inv(a)), ("det", lambda L, a: L.det(a)),
    ("slogdet", lambda L, a: L.slogdet(a)), ("solve", lambda L, a: L.solve(a, a[0])),
    ("eig", lambda L, a: L.eig(a)), ("eigvals", lambda L, a: L.eigvals(a)),
    ("eigh", lambda L, a: L.eigh(a @ L.matrix_transpose(a))),
    ("eigvalsh", lambda L, a: L.eigvalsh(a)), ("svd", lambda L, a: L.svd(a)),
    ("svdvals", lambda L, a: L.svdvals(a)), ("qr", lambda L, a: L.qr(a)),
    ("cholesky", lambda L, a: L.cholesky(a @ L.matrix_transpose(a))),
    ("pinv", lambda L, a: L.pinv(a)), ("matrix_rank", lambda L, a: L.matrix_rank(a)),
    ("cond", lambda L, a: L.cond(a)), ("lstsq", lambda L, a: L.lstsq(a, a[:, 0])),
    ("tensorinv", lambda L, a: L.tensorinv(a, 1)),
    ("matrix_power", lambda L, a: L.matrix_power(a, -2)),
    ("norm", lambda L, a: L.norm(a, 2)),
]
NP_ON_RP_NO_UL = [
    ("norm", lambda L, a: L.norm(a)), ("norm1", lambda L, a: L.norm(a, 1, axis=0)),
    ("matrix_norm", lambda L, a: L.matrix_norm(a)),
    ("vector_norm", lambda L, a: L.vector_norm(a, axis=1)),
    ("matrix_power", lambda L, a: L.matrix_power(a, 3)),
    ("matmul", lambda L, a: L.matmul(a, a)), ("vecdot", lambda L, a: L.vecdot(a, a)),
    ("matrix_transpose", lambda L, a: L.matrix_transpose(a)),
    ("diagonal", lambda L, a: L.diagonal(a)),
]


def _np_on_rp(fn):
    """numpy.linalg's function given a rumpy array runs rumpy's: the same rumpy results."""
    ra = to_rp(general((3, 3), "float64") + 3 * np.eye(3))
    got = fn(np.linalg, ra)
    mine = fn(rp.linalg, ra)
    assert type(got) is type(mine)
    gl, ml = (got, mine) if isinstance(mine, tuple) else ((got,), (mine,))
    for g, m_ in zip(gl, ml):
        assert type(g) is type(m_)
        if isinstance(m_, (rp.ndarray, rp.generic)):
            assert np.array_equal(np.asarray(g), np.asarray(m_), equal_nan=True)
        else:
            assert g == m_


@needs_ul
@pytest.mark.parametrize("name, fn", NP_ON_RP, ids=[n for n, _ in NP_ON_RP])
def test_numpy_functions_on_rumpy_arrays(name, fn):
    _np_on_rp(fn)


@pytest.mark.parametrize("name, fn", NP_ON_RP_NO_UL, ids=[n for n, _ in NP_ON_RP_NO_UL])
def test_numpy_functions_on_rumpy_arrays_no_factorization(name, fn):
    _np_on_rp(fn)


@needs_ul
def test_numpy_linalgerror_from_numpy_call_on_rumpy_array():
    with pytest.raises(np.linalg.LinAlgError, match="Singular matrix"):
        np.linalg.inv(rp.zeros((2, 2)))


@needs_ul
def test_subclass_kept():
    class Sub(rp.ndarray):
        pass

    a = to_rp(general((3, 3), "float64")).view(Sub)
    assert type(rp.linalg.inv(a)) is Sub
    assert type(rp.linalg.solve(a, a)) is Sub
    assert type(rp.linalg.pinv(a)) is Sub
    assert type(rp.linalg.eig(a).eigenvectors) is Sub
    assert type(rp.linalg.svd(a).U) is Sub
    assert type(rp.linalg.qr(a).Q) is Sub


@needs_ul
def test_array_likes():
    for name, args in [("inv", ([[1, 2], [3, 4]],)), ("det", ([[1.5, 2], [3, 4]],)),
                       ("solve", ([[1, 2], [3, 4]], [1, 1])),
                       ("eigvalsh", ([[2, 1j], [-1j, 3]],)), ("svdvals", ([[1, 2, 3]],)),
                       ("lstsq", ([[1, 1], [1, 2], [1, 3]], [1, 2, 2])),
                       ("cond", ([[1, 2], [3, 4]],)), ("matrix_rank", ([[1, 2], [2, 4]],))]:
        n = getattr(np.linalg, name)(*args)
        r = getattr(rp.linalg, name)(*args)
        if isinstance(n, tuple):
            for x, y in zip(r, n):
                close(x, y, 1e-12)
        else:
            close(r, n, 1e-12)


@needs_ul
def test_det_of_nan_warns():
    """The NaN a factorization leaves (LAPACK's and faer's differ in the value) warns as
    numpy's: invalid value encountered in det/slogdet."""
    a = np.array([[np.nan, 1.0], [1.0, 1.0]])
    for name in ("det", "slogdet"):
        with pytest.warns(RuntimeWarning, match=f"invalid value encountered in {name}"):
            getattr(np.linalg, name)(a)
        with pytest.warns(RuntimeWarning, match=f"invalid value encountered in {name}"):
            getattr(rp.linalg, name)(to_rp(a))


@needs_ul
def test_no_spurious_warnings_or_state_leak():
    a = to_rp(np.array([[1.0, 2.0], [2.0, 4.0]]))
    before = rp.geterr()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(rp.linalg.LinAlgError):
            rp.linalg.inv(a)
        assert float(rp.linalg.det(a)) == 0.0
        rp.linalg.cond(a)
        rp.linalg.pinv(a)
    assert rp.geterr() == before and rp.geterrcall() is None
    # a caller's error state does not change how failures are reported
    for mode in ("raise", "ignore", "warn", "print"):
        with rp.errstate(all=mode):
            with pytest.raises(rp.linalg.LinAlgError, match="Singular matrix"):
                rp.linalg.inv(a)
            with pytest.raises(rp.linalg.LinAlgError, match="not positive definite"):
                rp.linalg.cholesky(-rp.eye(2))
    calls = []
    old = rp.seterrcall(lambda *x: calls.append(x))
    try:
        with pytest.raises(rp.linalg.LinAlgError):
            rp.linalg.solve(a, rp.ones(2))
        assert rp.geterrcall() is not None and not calls
    finally:
        rp.seterrcall(old)


# LAPACK's own behaviour on NaN and inf, which numpy passes on: some factorizations report an
# error, others return NaN silently. rumpy raises exactly where numpy raises.
NONFINITE = [
    np.array([[np.nan, 1.0], [1.0, 1.0]]),
    np.array([[np.inf, 1.0], [1.0, 1.0]]),
    np.array([[2.0, np.nan], [np.nan, 2.0]]),
    np.array([[2.0, 1.0], [np.nan, 2.0]]),
]


def _symmetric_with(n, where, value):
    a = np.add.outer(np.arange(n), np.arange(n)) % 7 + n * np.eye(n)
    a[where] = a[where[::-1]] = value
    return a


# Order 37: the scans for values that are not finite go in lanes of eight down each column,
# the last five rows one by one. (numpy's eigvalsh of these, and its svd of the second, raise
# "did not converge" from LAPACK's iterations on NaN, where rumpy returns NaN; at order 3 some
# such inputs make numpy's LAPACK loop without end.)
NONFINITE_37 = [_symmetric_with(37, (20, 5), np.nan), _symmetric_with(37, (36, 36), np.inf),
                _symmetric_with(37, (31, 2), -np.inf)]


@needs_ul
@pytest.mark.parametrize("a", NONFINITE + NONFINITE_37, ids=lambda a: f"{len(a)}")
@pytest.mark.parametrize("name", ["eigvalsh", "eigh", "cholesky", "svdvals", "svd", "eigvals"])
def test_nonfinite_inputs_raise_where_numpy_does(name, a):
    if len(a) == 37 and name in ("eigvalsh", "svd"):
        pytest.skip("LAPACK's non-convergence on NaN is not copied (see NONFINITE_37)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r, n = call(name, a)
    if n is None:
        return
    for rr, nn in zip(r if isinstance(r, tuple) else (r,), n if isinstance(n, tuple) else (n,)):
        got = like(rr, nn, name)
        # the values are LAPACK's accidents; NaN wherever numpy's are all NaN
        if np.isnan(nn).all():
            assert np.isnan(got).all(), f"{name}: {got} where numpy gives {nn}"


@needs_ul
@pytest.mark.parametrize("k", range(len(NONFINITE)))
def test_qr_of_nonfinite_input_keeps_r_triangular(k):
    r, n = call("qr", NONFINITE[k])
    got = like(r.R, n.R, "qr")
    assert (np.tril(got, -1) == 0).all()
    assert np.array_equal(np.isnan(got), np.isnan(n.R))


# Badly scaled input: LAPACK scales it into a safe range before the SVD and the eigen solvers,
# and divides complex numbers without forming |z|^2; the answers are numpy's to rounding.
SCALES = [1e-170, 1e-150, 1e150, 1e200]


@needs_ul
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("dtype", ["float64", "complex128"])
@pytest.mark.parametrize("name", ["svdvals", "eigvalsh", "inv", "det", "cond", "pinv", "qr"])
def test_badly_scaled_input(name, dtype, scale):
    base = np.array([[2.0, 1.0], [1.0, 3.0]] if name == "eigvalsh" else [[1.0, 2.0], [3.0, 4.0]])
    if dtype == "complex128":
        base = base + 1j * np.array([[1.0, 0.0], [0.0, 1.0]]) * (name != "eigvalsh")
    a = (base * scale).astype(dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r, n = call(name, a)
    if n is None:
        return
    pairs = zip(r, n) if isinstance(n, tuple) else [(r, n)]
    for rr, nn in pairs:
        got = like(rr, nn, name)  # Q and R too: their signs are LAPACK's
        np.testing.assert_allclose(got, nn, rtol=1e-12, atol=0, err_msg=name)


# Matrices above the size where the factorizations switch from LAPACK's unblocked algorithms
# to faer's blocked ones (48), and large enough for faer's threads.
@needs_ul
@pytest.mark.parametrize("n", [49, 64, 300])
@pytest.mark.parametrize("dtype", ["float64", "complex128"])
def test_blocked_sizes(n, dtype):
    rng = _rng("blocked", n, dtype)
    a = rng.standard_normal((n, n))
    if dtype == "complex128":
        a = a + 1j * rng.standard_normal((n, n))
    a = a.astype(dtype)
    spd = a @ a.conj().T + n * np.eye(n)
    b = rng.standard_normal((n, 3)).astype(dtype)
    tol = 1e-9
    for name, args in [("inv", (a,)), ("solve", (a, b)), ("det", (spd,)), ("slogdet", (a,)),
                       ("cholesky", (spd,)), ("eigvalsh", (spd,)), ("svdvals", (a,))]:
        r, want = call(name, *args)
        if want is None:  # numpy raised (det's overflow at 300), and so did rumpy
            continue
        pairs = zip(r, want) if isinstance(want, tuple) else [(r, want)]
        for rr, nn in pairs:
            got = like(rr, nn, name)
            scale = np.abs(nn).max() if np.size(nn) else 1.0
            np.testing.assert_allclose(got, nn, rtol=tol, atol=tol * scale, err_msg=name)
    q, r = rp.linalg.qr(to_rp(a))
    np.testing.assert_allclose(np.asarray(q) @ np.asarray(r), a, atol=1e-10 * np.abs(a).max())
    w, v = rp.linalg.eig(to_rp(a))
    w, v = np.asarray(w), np.asarray(v)
    np.testing.assert_allclose(a @ v, v * w, atol=1e-8 * np.abs(a).max())


@needs_ul
def test_det_of_singular_blocked_matrix_is_silent():
    # a blocked LU divides by its exact zero pivot: numpy's det reports nothing of it
    for a in (np.ones((49, 49)), np.ones((60, 60), complex), np.ones((3, 49, 49))):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert_same(rp.linalg.det(to_rp(a)), np.linalg.det(a))
            r, n = rp.linalg.slogdet(to_rp(a)), np.linalg.slogdet(a)
            assert_same(r.sign, n.sign)
            assert_same(r.logabsdet, n.logabsdet)
