"""Generalized ufuncs matmul, matvec, vecmat and vecdot (and the @ / @= operators)
against numpy.

Integer, bool and float16 results must equal numpy's exactly (integers wrap, a bool
product is an OR of ANDs, float16 sums accumulate in float32 one term after another).
float32/float64/complex results computed from small integers are exact whatever the
summation order, so they are compared exactly too (except for the sign of a zero, which
depends on the order); from random data they are compared with a tolerance (numpy hands
them to BLAS, which sums in its own order).

Known differences from numpy are strict xfails (see the @deviation reasons)."""

import functools
import itertools
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rumpy as rp
from conftest import (ALL_DTYPES, COMPLEX_DTYPES, FEW_DTYPES, Raised, _values_equal,
                      assert_outcomes, assert_same, both, numpy_cache_quirk, sample, to_rp)

GUFUNCS = ["matmul", "matvec", "vecmat", "vecdot"]
SIGNATURES = {
    "matmul": "(n?,k),(k,m?)->(n?,m?)",
    "matvec": "(m,n),(n)->(m)",
    "vecmat": "(n),(n,m)->(m)",
    "vecdot": "(n),(n)->()",
}
TOLERANT = {"float32": 1e-5, "complex64": 1e-5, "float64": 1e-12, "complex128": 1e-12}


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def same(out, msg="", compare=None):
    """The outcomes agree: the same exception class, or the same result (see exact)."""
    r, n = out
    assert_outcomes(r, n, compare=compare or exact, msg=msg)


def value(out, msg=""):
    """Like same, for a call that must succeed: numpy's outcome is a result."""
    r, n = out
    assert not isinstance(n, Raised), f"{msg}: numpy raised {n!r} (the test is wrong)"
    same(out, msg)


def exact(r, n):
    """assert_same, except that for the dtypes numpy hands to BLAS (float32, float64,
    complex64, complex128) the sign of a zero result is not compared: it depends on the
    order and grouping of the sums, which BLAS chooses."""
    close(r, n, exact=True)


def close(r, n, atol_scale=1.0, exact=False):
    """assert_same, except that float32/float64/complex values may differ by a relative
    tolerance (BLAS sums in another order); with ``exact`` they must be equal, but a zero's
    sign is not compared."""
    if isinstance(n, (tuple, list)) and any(isinstance(x, (np.ndarray, np.generic)) for x in n):
        assert type(r) is type(n) and len(r) == len(n), f"{r!r} != numpy {n!r}"
        for x, y in zip(r, n):
            close(x, y, atol_scale, exact)
        return
    if isinstance(n, np.ndarray):
        assert isinstance(r, rp.ndarray), f"expected a rumpy ndarray, got {type(r)!r}"
        ra = np.asarray(r)
    elif isinstance(n, np.generic):
        assert type(r).__name__ == type(n).__name__, \
            f"scalar type {type(r).__name__} != numpy {type(n).__name__}"
        ra = np.asarray(r.item(), dtype=np.dtype(str(r.dtype)))
        n = np.asarray(n)
    else:
        return assert_same(r, n)
    assert ra.dtype.str == n.dtype.str, f"dtype {ra.dtype.str} != numpy {n.dtype.str}"
    assert ra.shape == n.shape, f"shape {ra.shape} != numpy {n.shape}"
    rtol = TOLERANT.get(n.dtype.name)
    if rtol is None:
        assert _values_equal(ra, n), f"values differ:\nrumpy {ra!r}\nnumpy {n!r}"
    elif exact:
        assert np.array_equal(ra, n, equal_nan=True), \
            f"values differ:\nrumpy {ra!r}\nnumpy {n!r}"
    else:
        np.testing.assert_allclose(ra, n, rtol=rtol, atol=rtol * atol_scale)


def twin(a):
    """rumpy's copy of numpy array ``a``, built from Python values (byte order kept)."""
    r = to_rp(a)
    if a.dtype.str != a.dtype.newbyteorder("=").str:
        r = r.astype(a.dtype.str)
    return r


def run(fn, *args):
    """Outcomes of fn(m, *args) with numpy arrays in ``args`` for numpy and their rumpy
    twins (built from Python values) for rumpy."""
    rargs = [twin(a) if isinstance(a, np.ndarray) else a for a in args]
    return both(lambda m: fn(m, *(rargs if m is rp else args)))


class Checks:
    """Run many labelled sub-checks and report every failure at the end."""

    def __init__(self):
        self.failures = []

    def __call__(self, label, fn, *args, **kwargs):
        try:
            fn(*args, **kwargs)
        except AssertionError as e:
            self.failures.append(f"{label}: {str(e)[:700]}")

    def done(self):
        assert not self.failures, f"{len(self.failures)} failing sub-checks:\n" + \
            "\n".join(self.failures)


def ufunc(m, name):
    return getattr(m, name)


def short_failure(fn):
    """Report an AssertionError from ``fn`` without a traceback: its message names the
    sub-check. (Formatting the traceback of an expected failure costs more than the test.)"""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except AssertionError as e:
            message = f"{type(e).__name__}: {e}"
        pytest.fail(message, pytrace=False)
    return wrapper


def deviation(reason):
    """A known difference from numpy: the test must fail (strict xfail)."""
    def mark(fn):
        return pytest.mark.xfail(strict=True, reason=reason)(short_failure(fn))
    return mark


# operand shapes (a, b) for each gufunc: plain, 1x1, batched (broadcasting), empty
CASES = {
    "matmul": [
        ((3, 4), (4, 2)), ((1, 1), (1, 1)), ((4,), (4, 2)), ((3, 4), (4,)), ((4,), (4,)),
        ((1,), (1,)), ((2, 3, 4), (4, 2)), ((3, 4), (2, 4, 5)), ((2, 1, 3, 4), (5, 4, 2)),
        ((2, 3, 4), (2, 4, 5)), ((2, 3, 4), (4,)), ((4,), (2, 4, 3)), ((1, 2, 3), (3, 1, 3, 2)),
        ((3, 0), (0, 2)), ((0,), (0,)), ((0, 4), (4, 2)), ((3, 4), (4, 0)), ((0, 3, 4), (4, 2)),
        ((2, 0, 4), (4,)), ((4,), (0, 4, 2)), ((2, 3, 0), (2, 0, 5)), ((9, 17), (17, 13)),
        ((3, 40, 33), (33, 35)),
    ],
    "matvec": [
        ((3, 4), (4,)), ((1, 1), (1,)), ((2, 3, 4), (4,)), ((3, 4), (2, 4)),
        ((2, 1, 3, 4), (5, 4)), ((3, 0), (0,)), ((0, 4), (4,)), ((0, 3, 4), (4,)),
        ((3, 4), (0, 4)), ((2, 3, 0), (2, 0)), ((17, 33), (33,)), ((2, 40, 50), (3, 1, 50)),
    ],
    "vecmat": [
        ((4,), (4, 3)), ((1,), (1, 1)), ((2, 4), (4, 3)), ((4,), (2, 4, 3)),
        ((2, 1, 4), (5, 4, 3)), ((0,), (0, 3)), ((4,), (4, 0)), ((0, 4), (4, 3)),
        ((2, 0), (2, 0, 3)), ((33,), (33, 17)), ((3, 1, 50), (2, 50, 40)),
    ],
    "vecdot": [
        ((4,), (4,)), ((1,), (1,)), ((2, 4), (4,)), ((4,), (3, 4)), ((3, 1, 4), (2, 4)),
        ((0,), (0,)), ((2, 0), (2, 0)), ((0, 4), (4,)), ((3, 100), (100,)),
        ((2, 3, 70), (3, 70)),
    ],
}
CASE_PARAMS = [(name, a, b) for name in GUFUNCS for a, b in CASES[name]]


def _case_id(p):
    return "{}-{}@{}".format(p[0], "x".join(map(str, p[1])), "x".join(map(str, p[2])))


def _b_sample(shape, dtype):
    """A second operand different from the first (sample() data reversed)."""
    return np.array(sample(shape, dtype)[..., ::-1], copy=True, order="C") if shape else \
        sample(shape, dtype)


# ---------------------------------------------------------------------------
# values, dtype and shape for every dtype
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name,sa,sb", CASE_PARAMS, ids=[_case_id(p) for p in CASE_PARAMS])
def test_small_integer_data_exact(name, sa, sb):
    """Small integer-valued data (integers wrap, floats stay exact), every dtype: values,
    dtype and shape equal to numpy's."""
    checks = Checks()
    for dtype in ALL_DTYPES:
        a, b = sample(sa, dtype), _b_sample(sb, dtype)
        checks(dtype, value, run(lambda m, x, y: ufunc(m, name)(x, y), a, b))
    checks.done()


@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("name", GUFUNCS)
def test_random_data_tolerance(name, dtype):
    rng = np.random.default_rng(GUFUNCS.index(name))

    def data(shape):
        x = rng.uniform(-1, 1, shape)
        if np.dtype(dtype).kind == "c":
            x = x + 1j * rng.uniform(-1, 1, shape)
        return x.astype(dtype)

    checks = Checks()
    for sa, sb in CASES[name]:
        a, b = data(sa), data(sb)
        k = max(sa[-1], 1)
        r, n = run(lambda m, x, y: ufunc(m, name)(x, y), a, b)
        assert not isinstance(n, Raised), n
        checks(f"{sa} {sb}", assert_outcomes, r, n,
               compare=lambda r, n: close(r, n, atol_scale=k))
    checks.done()


@pytest.mark.parametrize("name", GUFUNCS)
def test_random_float16_exact(name):
    """float16: products and sums in float32, one term after another, rounded once."""
    rng = np.random.default_rng(7)
    checks = Checks()
    for sa, sb in CASES[name]:
        a = rng.uniform(-4, 4, sa).astype(np.float16)
        b = rng.uniform(-4, 4, sb).astype(np.float16)
        checks(f"{sa} {sb}", value, run(lambda m, x, y: ufunc(m, name)(x, y), a, b))
    checks.done()


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "int32", "uint32", "int64",
                                   "uint64"])
@pytest.mark.parametrize("name", GUFUNCS)
def test_integer_wraparound(name, dtype):
    """Full-range integers: every product and sum wraps exactly like numpy's."""
    info = np.iinfo(dtype)
    rng = np.random.default_rng(3)
    shapes = {"matmul": ((2, 3, 7), (7, 4)), "matvec": ((5, 7), (7,)),
              "vecmat": ((7,), (7, 5)), "vecdot": ((3, 7), (7,))}[name]
    a, b = (rng.integers(info.min, info.max, s, dtype=dtype, endpoint=True) for s in shapes)
    value(run(lambda m, x, y: ufunc(m, name)(x, y), a, b))


@pytest.mark.parametrize("name", GUFUNCS)
def test_bool_is_or_of_ands(name):
    rng = np.random.default_rng(5)
    shapes = {"matmul": ((3, 4, 6), (6, 5)), "matvec": ((4, 6), (3, 6)),
              "vecmat": ((3, 6), (6, 4)), "vecdot": ((5, 6), (6,))}[name]
    a, b = (rng.random(s) < 0.3 for s in shapes)
    r, n = run(lambda m, x, y: ufunc(m, name)(x, y), a, b)
    assert_same(r, n)
    # odd bytes in a bool array read as True
    raw = np.array([2, 0, 4, 1, 255, 0], np.uint8).view(bool)
    same(both(lambda m: ufunc(m, "vecdot")(m.asarray(raw), m.asarray(raw[::-1]))))


FLOAT16_SUMS = [
    # float16 accumulation would stop at 2048; float32 reaches 2050
    ([2048, 1, 1], [1, 1, 1]),
    ([1, 1, 2048], [1, 1, 1]),
    # float32 loses 2**-20 and then rounds the tie 2049 to 2048; float64 would give 2050
    ([2048, 1, 2 ** -10], [1, 1, 2 ** -10]),
    # sequential float32: 2**24 + 1 + 1 - 2**24 == 0; pairwise would give 2
    ([4096, 1, 1, -4096], [4096, 1, 1, 4096]),
    ([65504, 65504, -65504], [1, 1, 1]),
    ([0.1] * 10, [0.1] * 10),
    ([300, 300, -300], [300, 300, 300]),
]


@pytest.mark.parametrize("x,y", FLOAT16_SUMS)
@pytest.mark.parametrize("name", GUFUNCS)
def test_float16_accumulates_in_float32_sequentially(name, x, y):
    a, b = np.array(x, np.float16), np.array(y, np.float16)
    if name in ("matmul", "matvec"):
        a = a[None]
    if name in ("matmul", "vecmat"):
        b = b[:, None]
    value(run(lambda m, p, q: ufunc(m, name)(p, q), a, b))


def test_float_specials():
    nan, inf = float("nan"), float("inf")
    for x, y in [([inf, 1], [1, 1]), ([inf, -inf], [1, 1]), ([nan, 1], [0, 1]),
                 ([0.0, 1], [inf, 0]), ([-0.0, -0.0], [1.0, 1.0]), ([1e308, 1e308], [10, 1])]:
        for dt in ["float16", "float32", "float64", "complex128"]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # 1e308 overflows float16/float32
                a, b = np.array(x, dt), np.array(y, dt)
            r, n = run(lambda m, p, q: m.vecdot(p, q), a, b)
            if dt in ("float16", "float64"):
                assert_outcomes(r, n, compare=lambda r, n: np.testing.assert_array_equal(
                    np.asarray(r.item()), np.asarray(n.item())), msg=f"{x}.{y} {dt}")
            r, n = run(lambda m, p, q: m.matmul(p[None], q[:, None]), a, b)
            assert_outcomes(r, n, compare=lambda r, n: np.testing.assert_array_equal(
                np.asarray(r), n), msg=f"{x}@{y} {dt}")


# ---------------------------------------------------------------------------
# 1-d promotion and result types
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_matmul_1d_promotion(dtype):
    m2, v = sample((3, 4), dtype), sample((4,), dtype)
    w = sample((3,), dtype)
    for x, y in [(v, m2.T), (m2, v), (v, v), (w, m2), (m2.T, w)]:
        r, n = run(lambda m, p, q: m.matmul(p, q), x, y)
        same((r, n), f"{x.shape}@{y.shape}")
        r, n = run(lambda m, p, q: p @ q, x, y)
        same((r, n), f"{x.shape}@{y.shape} operator")
    r, n = run(lambda m, p, q: m.matmul(p, q), v, v)
    assert isinstance(n, np.generic) and not isinstance(r, rp.ndarray)


@pytest.mark.parametrize("n", [31, 32, 33, 4099, 100_003, (1 << 18) + 5])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_vecdot_of_long_contiguous_vectors(n, dtype):
    # the vectorised kernel (blocks of partial sums; threads from 2**18 elements): numpy's
    # BLAS answer to within its own rounding (float32 error as small as BLAS's)
    rng = np.random.default_rng(n)
    a = rng.random(n).astype(dtype)
    b = rng.random(n).astype(dtype)
    exact = float(np.dot(a.astype("f8"), b.astype("f8")))
    for x, y in ((a, b), (a[::-1], b), (np.stack([a, b]), b)):
        r, want = rp.vecdot(rp.asarray(x), rp.asarray(y)), np.vecdot(x, y)
        got = np.asarray(r)
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-5 if dtype == "float32" else 1e-12)
    err = abs(float(rp.vecdot(rp.asarray(a), rp.asarray(b))) - exact)
    assert err <= max(4 * abs(float(np.vecdot(a, b)) - exact), 1e-6 * exact)


@pytest.mark.parametrize("name", ["vecdot"])
def test_vecdot_of_vectors_is_scalar(name):
    a = sample((4,), "int32")
    r, n = run(lambda m, p: ufunc(m, name)(p, p), a)
    assert_same(r, n)
    assert not isinstance(r, rp.ndarray)


# ---------------------------------------------------------------------------
# memory layouts
# ---------------------------------------------------------------------------

def _layout(kind, shape, dtype, salt=0):
    """(numpy array, rumpy array) of ``shape`` with the given memory layout; the rumpy one
    is made the same way from its own base."""
    nd = len(shape)
    if kind == "C":
        base, op = sample(shape, dtype), lambda m, x: x
    elif kind == "F":
        base, op = sample(shape, dtype), lambda m, x: m.asfortranarray(x)
    elif kind == "T":
        base, op = sample(shape[::-1], dtype), lambda m, x: x.T
    elif kind == "strided":
        base = sample(tuple(2 * s + 1 for s in shape), dtype)
        op = lambda m, x: x[(slice(1, None, 2),) * nd]  # noqa: E731
    elif kind == "reversed":
        base, op = sample(shape, dtype), lambda m, x: x[(slice(None, None, -1),) * nd]
    elif kind == "negstep":
        base = sample(tuple(3 * s for s in shape), dtype)
        op = lambda m, x: x[(slice(None, None, -3),) * nd]  # noqa: E731
    elif kind == "bcast":
        base = sample((1,) + shape[1:], dtype)
        op = lambda m, x: m.broadcast_to(x, shape)  # noqa: E731
    else:
        raise AssertionError(kind)
    if salt:
        base = np.array(base[..., ::-1], copy=True, order="C")
    n, r = op(np, base), op(rp, to_rp(base))
    assert n.shape == shape and r.shape == shape
    return n, r


LAYOUTS = ["C", "F", "T", "strided", "reversed", "negstep", "bcast"]
# each layout against a C-contiguous operand (both ways) and against itself, and a few mixes
LAYOUT_PAIRS = sorted({(x, "C") for x in LAYOUTS} | {("C", x) for x in LAYOUTS}
                      | {(x, x) for x in LAYOUTS}
                      | {("F", "T"), ("T", "F"), ("reversed", "strided"), ("negstep", "F"),
                         ("bcast", "reversed"), ("strided", "bcast")})
LAYOUT_SHAPES = {
    "matmul": [((3, 4), (4, 5)), ((2, 3, 4), (2, 4, 3)), ((4,), (4, 3)), ((3, 4), (4,))],
    "matvec": [((3, 4), (4,)), ((2, 3, 4), (2, 4))],
    "vecmat": [((4,), (4, 3)), ((2, 4), (2, 4, 3))],
    "vecdot": [((3, 4), (3, 4)), ((5,), (5,))],
}


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("name", GUFUNCS)
def test_layouts(name, dtype):
    """Every pair of operand layouts: C, Fortran, transposed, strided, negative strides,
    zero strides."""
    checks = Checks()
    for sa, sb in LAYOUT_SHAPES[name]:
        for la, lb in LAYOUT_PAIRS:
            na, ra = _layout(la, sa, dtype)
            nb, rb = _layout(lb, sb, dtype, salt=1)
            r, n = both(lambda m: ufunc(m, name)(*((ra, rb) if m is rp else (na, nb))))
            checks(f"{sa}:{la} {sb}:{lb}", value, (r, n))
    checks.done()


@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
def test_layouts_random_blas_sized(dtype):
    """Larger float operands in non-contiguous layouts (the BLAS-like paths)."""
    rng = np.random.default_rng(11)
    base_a = rng.uniform(-1, 1, (50, 64)).astype(dtype)
    base_b = rng.uniform(-1, 1, (64, 40)).astype(dtype)
    ra, rb = to_rp(base_a), to_rp(base_b)
    views = [lambda x: x, lambda x: x.T.T[::2], lambda x: x[::-1], lambda x: x[1::3, ::-2]]
    for va, vb in itertools.product(views, repeat=2):
        na_, nb_ = va(base_a), vb(base_b)
        k = min(na_.shape[1], nb_.shape[0])
        r, n = both(lambda m: (m.matmul(va(ra)[:, :k], vb(rb)[:k]) if m is rp
                               else np.matmul(na_[:, :k], nb_[:k])))
        assert_outcomes(r, n, compare=lambda r, n: close(r, n, atol_scale=k))
        # the same product transposed: B.T @ A.T
        r, n = both(lambda m: (m.matmul(vb(rb)[:k].T, va(ra)[:, :k].T) if m is rp
                               else np.matmul(nb_[:k].T, na_[:, :k].T)))
        assert_outcomes(r, n, compare=lambda r, n: close(r, n, atol_scale=k))


MATVEC_VIEWS = {
    "C": lambda x: x,
    "F": lambda x: x.T.copy().T,
    "rows strided": lambda x: x[::2] if x.ndim == 2 else x,
    "cols strided": lambda x: x.T.copy().T[:, ::2] if x.ndim == 2 else x[::2],
    "reversed": lambda x: x[::-1],
}


@pytest.mark.parametrize("specials", [False, True])
@pytest.mark.parametrize("view", list(MATVEC_VIEWS))
@pytest.mark.parametrize("shape", [(40, 33), (1000, 7), (7, 300), (2100, 6), (300, 301)])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_matrix_vector_layouts(dtype, shape, view, specials):
    """Matrix-vector products of every form (A @ x, x @ A, matvec, vecmat, dot either way)
    on matrices whose rows or whose columns are contiguous, strided or reversed, and strided
    vectors: the own row-dot and column-AXPY kernels against numpy's BLAS. With `specials`,
    the matrix holds inf and NaN (a column-AXPY pass must not multiply a padding zero by
    them)."""
    rng = np.random.default_rng(sum(shape))
    base = rng.uniform(-1, 1, shape).astype(dtype)
    if specials:
        base[3, -1] = np.inf
        base[-2, 1] = np.nan
    na = MATVEC_VIEWS[view](base)
    ra = MATVEC_VIEWS[view](to_rp(base))
    m, k = na.shape
    vec = rng.uniform(-1, 1, 2 * max(m, k)).astype(dtype)
    nxk, nxm = vec[: 2 * k : 2], vec[: 2 * m : 2]
    rvec = to_rp(vec)
    rxk, rxm = rvec[: 2 * k : 2], rvec[: 2 * m : 2]
    cases = [
        ("A @ x", lambda: ra @ rxk, lambda: na @ nxk),
        ("x @ A", lambda: rxm @ ra, lambda: nxm @ na),
        ("matvec", lambda: rp.matvec(ra, rxk), lambda: np.matvec(na, nxk)),
        ("vecmat", lambda: rp.vecmat(rxm, ra), lambda: np.vecmat(nxm, na)),
        ("dot(A, x)", lambda: rp.dot(ra, rxk), lambda: np.dot(na, nxk)),
        ("dot(x, A)", lambda: rp.dot(rxm, ra), lambda: np.dot(nxm, na)),
        ("A.T @ x", lambda: ra.T @ rxm, lambda: na.T @ nxm),
    ]
    for what, f_rp, f_np in cases:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            r, n = both(lambda mod: f_rp() if mod is rp else f_np())
        assert_outcomes(r, n, compare=lambda r, n: close(r, n, atol_scale=max(m, k)),
                        msg=f"{what} {view} {shape}")


# ---------------------------------------------------------------------------
# mixed dtypes and Python operands
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dt1", ALL_DTYPES)
@pytest.mark.parametrize("name", GUFUNCS)
def test_mixed_dtypes(name, dt1):
    """Operands of two dtypes: the result dtype follows numpy's promotion."""
    shapes = {"matmul": ((2, 3), (3, 2)), "matvec": ((2, 3), (3,)),
              "vecmat": ((3,), (3, 2)), "vecdot": ((2, 3), (3,))}[name]
    checks = Checks()
    for dt2 in ALL_DTYPES:
        a, b = sample(shapes[0], dt1), _b_sample(shapes[1], dt2)
        checks(f"{dt1} {dt2}", value, run(lambda m, x, y: ufunc(m, name)(x, y), a, b))
    checks.done()


@pytest.mark.parametrize("scalar", [2, 2.5, 1j, True, -1, 300])
@pytest.mark.parametrize("name", GUFUNCS)
def test_python_scalar_operand_raises(name, scalar):
    a = sample((2, 2), "int8")
    v = sample((2,), "int8")
    for left in (True, False):
        for x in (a, v):
            r, n = run(lambda m, p: ufunc(m, name)(*((scalar, p) if left else (p, scalar))), x)
            same((r, n), f"{name} scalar={scalar!r} left={left}")
            # numpy converts the scalar first (300 does not fit int8: OverflowError), then
            # finds it has too few dimensions for the signature
            assert isinstance(n, Raised)
            assert isinstance(n.exc, OverflowError if scalar == 300 else ValueError)
    r, n = run(lambda m, p: p @ scalar, a)
    same((r, n))
    r, n = run(lambda m, p: scalar @ p, a)
    same((r, n))
    # numpy and rumpy 0-d arrays too
    r, n = run(lambda m, p, s: ufunc(m, name)(p, s), a, np.array(3, np.int8))
    same((r, n))


@pytest.mark.parametrize("name", GUFUNCS)
def test_list_operands(name):
    """Lists are converted like np.asarray (not weakly typed)."""
    a8 = sample((2, 2), "int8")
    for other in ([[300, 1], [2, 3]], [[1, 2], [3, 4]], [[1.5, 2], [0, 1]], [[1j, 2], [3, 4]],
                  [[True, False], [True, True]], [1, 2], [300, 2]):
        for swap in (False, True):
            def f(m, x):
                u = ufunc(m, name)
                return u(other, x) if swap else u(x, other)
            same(run(f, a8), f"{name} {other} swap={swap}")
    same(both(lambda m: ufunc(m, name)([[1, 2], [3, 4]], [[5, 6], [7, 8]])))
    same(both(lambda m: ufunc(m, name)([1.5, 2], [3, 4j])))


# ---------------------------------------------------------------------------
# out=
# ---------------------------------------------------------------------------

OUT_SHAPES = {"matmul": ((2, 3, 4), (4, 5), (2, 3, 5)), "matvec": ((2, 3, 4), (4,), (2, 3)),
              "vecmat": ((2, 4), (4, 3), (2, 3)), "vecdot": ((2, 3, 4), (4,), (2, 3))}


@pytest.mark.parametrize("dtype", FEW_DTYPES)
@pytest.mark.parametrize("name", GUFUNCS)
def test_out(name, dtype):
    sa, sb, so = OUT_SHAPES[name]
    a, b = sample(sa, dtype), _b_sample(sb, dtype)

    def f(m, x, y):
        out = m.full(so, 9, dtype=dtype)
        res = ufunc(m, name)(x, y, out=out)
        assert res is out
        return out
    value(run(f, a, b))

    def tup(m, x, y):
        out = m.zeros(so, dtype=dtype)
        res = ufunc(m, name)(x, y, out=(out,))
        assert res is out
        return out
    value(run(tup, a, b))

    def positional(m, x, y):
        out = m.zeros(so, dtype=dtype)
        res = ufunc(m, name)(x, y, out)
        assert res is out
        return out
    value(run(positional, a, b))
    same(run(lambda m, x, y: ufunc(m, name)(x, y, out=None), a, b))
    same(run(lambda m, x, y: ufunc(m, name)(x, y, out=(None,)), a, b))


@pytest.mark.parametrize("name", GUFUNCS)
def test_out_layouts(name):
    """out= a Fortran-ordered array, a strided view, a reversed view: only the view's
    elements are written."""
    sa, sb, so = OUT_SHAPES[name]
    a, b = sample(sa, "int64"), _b_sample(sb, "int64")
    nd = len(so)
    every_other = (slice(None, None, 2),) * nd
    reverse = (slice(None, None, -1),) * nd
    for make in [lambda m: m.zeros(so, dtype="int64", order="F"),
                 lambda m: m.zeros(tuple(2 * s for s in so), dtype="int64")[every_other],
                 lambda m: m.zeros(so, dtype="int64")[reverse]]:
        def f(m, x, y):
            out = make(m)
            ufunc(m, name)(x, y, out=out)
            return out, out.base if out.base is not None else out
        value(run(f, a, b))


@pytest.mark.parametrize("name", GUFUNCS)
def test_out_broadcast_loop_dims(name):
    """out may have more loop dimensions than the inputs broadcast to."""
    sa, sb, so = OUT_SHAPES[name]
    a, b = sample(sa[1:], "int32"), _b_sample(sb, "int32")

    def f(m, x, y):
        out = m.zeros((2,) + so, dtype="int32")
        ufunc(m, name)(x, y, out=out)
        return out
    value(run(f, a, b))


@pytest.mark.parametrize("name", GUFUNCS)
def test_out_wrong_shape(name):
    sa, sb, so = OUT_SHAPES[name]
    a, b = sample(sa, "int64"), _b_sample(sb, "int64")
    bad = [so[:-1] + (so[-1] + 1,), (so[0] + 1,) + so[1:], so[1:], so + (1,), (7,), ()]
    for s in bad:
        r, n = run(lambda m, x, y: ufunc(m, name)(x, y, out=m.zeros(s, dtype="int64")), a, b)
        same((r, n), f"{name} out shape {s}")
        assert isinstance(n, Raised) and isinstance(n.exc, ValueError), s


@pytest.mark.parametrize("in_dtype", ["bool", "int16", "uint32", "float32", "complex64"])
@pytest.mark.parametrize("name", GUFUNCS)
def test_out_dtype_casting(name, in_dtype):
    """An out of another dtype: allowed when same_kind allows (the result is cast),
    TypeError when it would need an unsafe cast; casting='unsafe' allows everything."""
    sa, sb, so = OUT_SHAPES[name]
    a, b = sample(sa, in_dtype), _b_sample(sb, in_dtype)
    checks = Checks()
    for out_dtype in ALL_DTYPES:
        for casting in [None, "unsafe", "same_kind", "safe", "no"]:
            kw = {} if casting is None else {"casting": casting}

            def f(m, x, y):
                out = m.zeros(so, dtype=out_dtype)
                ufunc(m, name)(x, y, out=out, **kw)
                return out
            checks(f"{in_dtype}->{out_dtype} casting={casting}", same, run(f, a, b))
    checks.done()


@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_out_aliasing_inputs(dtype):
    """out that is (or overlaps) an input: numpy computes as if from copies."""
    a = sample((3, 3), dtype)
    b = _b_sample((3, 3), dtype)
    v = sample((3,), dtype)

    def cases():
        yield "a@b out=a", lambda m, x, y, w: (m.matmul(x, y, out=x), x)
        yield "a@b out=b", lambda m, x, y, w: (m.matmul(x, y, out=y), y)
        yield "a@a out=a", lambda m, x, y, w: (m.matmul(x, x, out=x), x)
        yield "a@b out=a.T", lambda m, x, y, w: (m.matmul(x, y, out=x.T), x)
        yield "a@b out=b[::-1]", lambda m, x, y, w: (m.matmul(x, y, out=y[::-1]), y)
        yield "matvec out=v", lambda m, x, y, w: (m.matvec(x, w, out=w), w)
        yield "vecmat out=v", lambda m, x, y, w: (m.vecmat(w, x, out=w), w)
        yield "matmul v@a out=v", lambda m, x, y, w: (m.matmul(w, x, out=w), w)
        yield "vecdot out=a[:,0]", lambda m, x, y, w: (m.vecdot(x, y, out=x[:, 0]), x)
        yield "vecdot out=a[0]", lambda m, x, y, w: (m.vecdot(x, y, axis=0, out=x[0]), x)

    for label, fn in cases():
        value(run(fn, a.copy(), b.copy(), v.copy()), label)


# ---------------------------------------------------------------------------
# axes=, axis=, keepdims=
# ---------------------------------------------------------------------------

def _axes_cases():
    a3 = (2, 3, 4)
    return [
        ("matmul", (3, 4), (4, 2), dict(axes=[(0, 1), (0, 1), (0, 1)])),
        ("matmul", (3, 4), (3, 4), dict(axes=[(-2, -1), (-1, -2), (-2, -1)])),
        ("matmul", (3, 4), (4, 2), dict(axes=[(-2, -1), (-2, -1), (-1, -2)])),
        ("matmul", (4, 3), (4, 2), dict(axes=[(1, 0), (0, 1), (0, 1)])),
        ("matmul", (3, 2, 4), (4, 2, 5), dict(axes=[(0, 2), (0, 2), (0, 2)])),
        ("matmul", (3, 2, 4), (2, 4, 5), dict(axes=[(0, 2), (1, 2), (1, 2)])),
        ("matmul", (2, 3, 4), (2, 4, 5), dict(axes=[(1, 2), (1, 2), (2, 0)])),
        ("matmul", (4,), (4, 3), dict(axes=[(0,), (0, 1), (0,)])),
        ("matmul", (4, 2), (4,), dict(axes=[(1, 0), (0,), (0,)])),
        ("matmul", (4,), (4,), dict(axes=[(0,), (0,), ()])),
        ("matmul", (4,), (4,), dict(axes=[0, 0, ()])),
        ("matvec", (4, 3), (4,), dict(axes=[(1, 0), 0, 0])),
        ("matvec", (3, 4, 2), (4, 2), dict(axes=[(0, 1), 0, 0])),
        ("matvec", (3, 4, 2), (2, 4), dict(axes=[(-3, -2), -1, -1])),
        ("vecmat", (4,), (3, 4), dict(axes=[0, (1, 0), 0])),
        ("vecmat", (2, 4), (4, 2, 3), dict(axes=[(1,), (0, 2), (0,)])),
        ("vecdot", a3, a3, dict(axes=[0, 0, ()])),
        ("vecdot", a3, a3, dict(axes=[(1,), (1,), ()])),
        ("vecdot", a3, a3, dict(axes=[1, 1])),
        ("vecdot", a3, a3, dict(axes=[-3, -3])),
        ("vecdot", a3, (4,), dict(axes=[-1, 0])),
        ("vecdot", a3, a3, dict(axis=0)),
        ("vecdot", a3, a3, dict(axis=1)),
        ("vecdot", a3, a3, dict(axis=-3)),
        ("vecdot", a3, (3, 1), dict(axis=-2)),
        ("vecdot", a3, a3, dict(axis=-1, keepdims=True)),
        ("vecdot", a3, a3, dict(axis=0, keepdims=True)),
        ("vecdot", a3, a3, dict(axis=1, keepdims=True)),
        ("vecdot", a3, a3, dict(keepdims=True)),
        ("vecdot", a3, a3, dict(keepdims=False)),
        ("vecdot", (4,), (4,), dict(keepdims=True)),
        ("vecdot", a3, a3, dict(axes=[(1,), (1,), (1,)], keepdims=True)),
        ("vecdot", a3, a3, dict(axes=[(-1,), (-1,), (-1,)], keepdims=True)),
    ]


AXES_CASES = _axes_cases()


@pytest.mark.parametrize("case", AXES_CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}-{c[3]}")
def test_axes(case):
    name, sa, sb, kw = case
    checks = Checks()
    for dtype in ["bool", "int16", "float16", "float64", "complex64"]:
        a, b = sample(sa, dtype), _b_sample(sb, dtype)
        checks(dtype, value, run(lambda m, x, y: ufunc(m, name)(x, y, **kw), a, b))
    checks.done()


@pytest.mark.parametrize("kw", [dict(axes=[0, 0], keepdims=True),
                                dict(axes=[1, 1], keepdims=True),
                                dict(axes=[(1,), (1,), (0,)], keepdims=True),
                                dict(axes=[(1,), (1,), (2,)], keepdims=True)], ids=str)
def test_vecdot_keepdims_with_axes(kw):
    a, b = sample((2, 3, 4), "int64"), _b_sample((2, 3, 4), "int64")
    same(run(lambda m, x, y: m.vecdot(x, y, **kw), a, b), str(kw))


AXES_ERRORS = [
    ("matmul", (3, 3), (3, 3), dict(axes=[(0, 1), (0, 1), (0, 3)])),       # AxisError
    ("matmul", (3, 3), (3, 3), dict(axes=[(0, 5), (0, 1), (0, 1)])),
    ("matmul", (3, 3), (3, 3), dict(axes=[(0, 0), (0, 1), (0, 1)])),       # repeated
    ("matmul", (3, 3), (3, 3), dict(axes=(0, 1))),                          # not a list
    ("matmul", (3, 3), (3, 3), dict(axes=[(0, 1.0), (0, 1), (0, 1)])),
    ("matmul", (3, 3), (3, 3), dict(axes=[(0, 1)])),
    ("matmul", (3, 3), (3, 3), dict(axes=[(0, 1), (0, 1)])),
    ("matmul", (3, 3), (3, 3), dict(axes=[(0, 1), (0, 1), (0, 1), (0, 1)])),
    ("matmul", (3, 3), (3, 3), dict(axes="ab")),
    ("matmul", (3, 3), (3, 3), dict(axes=None)),
    ("matmul", (3, 3), (3, 3), dict(axis=0)),                               # TypeError
    ("matmul", (3, 3), (3, 3), dict(axis=None)),
    ("matmul", (3, 3), (3, 3), dict(keepdims=True)),                        # TypeError
    ("matmul", (3, 3), (3, 3), dict(keepdims=False)),
    ("matvec", (3, 3), (3,), dict(keepdims=True)),
    ("vecmat", (3,), (3, 3), dict(axis=0)),
    ("vecdot", (2, 3), (2, 3), dict(axis=2)),
    ("vecdot", (2, 3), (2, 3), dict(axis=-3)),
    ("vecdot", (2, 3), (2, 3), dict(axis=0.5)),
    ("vecdot", (2, 3), (2, 3), dict(axis=(0,))),
    ("vecdot", (2, 3), (2, 3), dict(axis=0, axes=[0, 0])),
    ("vecdot", (2, 3), (2, 3), dict(axes=[0, 0, 0])),
    ("vecdot", (2, 3), (2, 3), dict(axes=[2, 0])),
    ("vecdot", (2, 3), (2, 3), dict(axes=[(0, 1), 0])),
    ("vecdot", (2, 3), (2, 3), dict(axes=[0])),
    ("vecdot", (2, 3), (2, 3), dict(keepdims=1)),
    ("vecdot", (2, 3), (2, 3), dict(keepdims=None)),
    ("vecdot", (2, 3), (2, 3), dict(axis=None)),
    ("vecdot", (2, 3), (2, 3), dict(axes=None)),
    ("vecdot", (2, 3), (3, 3), dict(axis=0)),                               # core mismatch
]
AXES_ERRORS_XFAIL = {}


def _axes_error_params():
    out = []
    for case in AXES_ERRORS:
        cid = f"{case[0]}-{case[3]}"
        marks = ([pytest.mark.xfail(strict=True, reason=AXES_ERRORS_XFAIL[cid])]
                 if cid in AXES_ERRORS_XFAIL else [])
        out.append(pytest.param(case, id=cid, marks=marks))
    assert set(AXES_ERRORS_XFAIL) <= {p.id for p in out}
    return out


@pytest.mark.parametrize("case", _axes_error_params())
@short_failure
def test_axes_errors(case):
    name, sa, sb, kw = case
    a, b = sample(sa, "int64"), _b_sample(sb, "int64")
    r, n = run(lambda m, x, y: ufunc(m, name)(x, y, **kw), a, b)
    same((r, n), f"{name} {kw}")


@pytest.mark.parametrize("axes", [[(0,), (0, 1), (0, 1)], [0, (0, 1), (0, 1)],
                                  [(0, 1), (0, 1), (0,)]], ids=str)
def test_axes_item_too_short_is_axis_error(axes):
    a = sample((3, 3), "int64")
    same(run(lambda m, x: m.matmul(x, x, axes=axes), a))


@pytest.mark.parametrize("shape", [(2, 3), (2, 3, 4), (3,)])
def test_vecdot_axis_keepdims_with_out(shape):
    a, b = sample(shape, "int32"), _b_sample(shape, "int32")
    for axis in range(-len(shape), len(shape)):
        def f(m, x, y):
            oshape = list(shape)
            del oshape[axis]
            out = m.zeros(tuple(oshape), dtype="int32")
            m.vecdot(x, y, axis=axis, out=out)
            return out
        same(run(f, a, b), f"axis={axis}")


@pytest.mark.parametrize("oshape", [(2, 1), (2,)])
def test_vecdot_keepdims_out_shape(oshape):
    a = sample((2, 3), "int64")
    same(run(lambda m, x: m.vecdot(x, x, keepdims=True, out=m.zeros(oshape, dtype="int64")),
             a), f"out {oshape}")


# ---------------------------------------------------------------------------
# dtype=, signature=, casting=
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", GUFUNCS)
@pytest.mark.parametrize("in_dtype", ["bool", "int8", "int64", "uint16", "float16", "float32",
                                      "complex128"])
def test_dtype_argument(name, in_dtype):
    sa, sb, _ = OUT_SHAPES[name]
    a, b = sample(sa, in_dtype), _b_sample(sb, in_dtype)
    checks = Checks()
    for dt in ALL_DTYPES + [None, np.float64, float, int, complex, bool]:
        for casting in [None, "unsafe", "safe", "no"]:
            kw = {"dtype": dt}
            if casting:
                kw["casting"] = casting
            rdt = kw["dtype"]
            rkw = dict(kw, dtype=getattr(rp, rdt.__name__) if isinstance(rdt, type)
                       and rdt.__module__ == "numpy" else rdt)

            def f(m, x, y):
                return ufunc(m, name)(x, y, **(rkw if m is rp else kw))
            r, n = run(f, a, b)
            if not numpy_cache_quirk(name, r, n):
                checks(str(kw), same, (r, n))
    checks.done()


@pytest.mark.parametrize("name", GUFUNCS)
@pytest.mark.parametrize("in_dtype", ["object", "longdouble", "clongdouble"])
def test_dtype_argument_over_families(name, in_dtype):
    """dtype= naming a loop of the numbers beside object or long double operands: the inputs
    cast to it as the casting rule allows (NumPy's loop resolution by dtype=)."""
    sa, sb, _ = OUT_SHAPES[name]
    a = sample(sa, "int16").astype(in_dtype)
    b = _b_sample(sb, "int16").astype(in_dtype)
    checks = Checks()
    for dt in ["float64", "float32", "complex128", "int64", "bool", None, in_dtype]:
        for casting in [None, "unsafe", "same_kind"]:
            kw = {"dtype": dt} if casting is None else {"dtype": dt, "casting": casting}

            def f(m, x, y):
                return ufunc(m, name)(x, y, **kw)
            r, n = run(f, a, b)
            if not numpy_cache_quirk(name, r, n):
                checks(str(kw), same, (r, n))
    checks.done()


@pytest.mark.parametrize("name", GUFUNCS)
def test_signature_argument(name):
    sa, sb, _ = OUT_SHAPES[name]
    a, b = sample(sa, "int16"), _b_sample(sb, "int16")
    sigs = ["ii->i", "dd->d", "ff->f", "FF->F", "??->?", "bb->b", "ee->e", "ll->l", "qq->q",
            "LL->L", "id->d", "ii->d", "i", "d", "dd", (None, None, "f8"), ("f8", "f8", "f8"),
            ("f8", None, None), (None, None, None), ("i4", "i4", "i8"), "dd->i", "d->d",
            ("f8", "f8"), (np.float32, np.float32, np.float32), np.dtype("f8"), "f8"]
    checks = Checks()
    for sig in sigs:
        for casting in [None, "unsafe", "safe", "no"]:
            kw = {"signature": sig}
            if casting:
                kw["casting"] = casting
            rkw = dict(kw)
            if isinstance(sig, tuple):
                rkw["signature"] = tuple(getattr(rp, s.__name__) if isinstance(s, type) else s
                                         for s in sig)
            elif isinstance(sig, np.dtype):
                rkw["signature"] = rp.dtype(sig.str)

            def f(m, x, y):
                return ufunc(m, name)(x, y, **(rkw if m is rp else kw))
            r, n = run(f, a, b)
            if not numpy_cache_quirk(name, r, n):
                checks(str(kw), same, (r, n))
    checks.done()


@pytest.mark.parametrize("name", GUFUNCS)
def test_signature_unknown_type_code(name):
    a = sample((2, 2), "int64")
    same(run(lambda m, x: ufunc(m, name)(x, x, signature="xx->x"), a))


@pytest.mark.parametrize("name", GUFUNCS)
def test_casting_argument(name):
    sa, sb, _ = OUT_SHAPES[name]
    for d1, d2 in [("int64", "int64"), ("int64", "int32"), ("int32", "float64"),
                   ("float32", "float64"), ("float64", "complex64"), ("bool", "int8"),
                   ("uint8", "int8"), ("int64", "uint64"), (">i4", "<i4")]:
        a, b = sample(sa, d1), _b_sample(sb, d2)
        for casting in ["no", "equiv", "safe", "same_kind", "unsafe", "bogus", None, 3]:
            same(run(lambda m, x, y: ufunc(m, name)(x, y, casting=casting), a, b),
                 f"{name} {d1} {d2} casting={casting}")
        a, b = sample(sa, d2), _b_sample(sb, d1)
        same(run(lambda m, x, y: ufunc(m, name)(x, y, casting="no"), a, b),
             f"{name} {d2} {d1} casting='no'")


@pytest.mark.parametrize("name", GUFUNCS)
def test_other_kwargs(name):
    sa, sb, _ = OUT_SHAPES[name]
    a, b = sample(sa, "int64"), _b_sample(sb, "int64")
    for kw in [dict(order="F"), dict(order="C"), dict(order="A"), dict(order="K"),
               dict(order="X"), dict(order=None), dict(subok=True), dict(subok=False),
               dict(where=True), dict(where=False), dict(initial=0), dict(extobj=None),
               dict(bogus=1)]:
        r, n = run(lambda m, x, y: ufunc(m, name)(x, y, **kw), a, b)
        same((r, n), f"{name} {kw}")


@pytest.mark.parametrize("name", GUFUNCS)
def test_where_none_refused(name):
    a = sample((2, 2), "int64")
    same(run(lambda m, x: ufunc(m, name)(x, x, where=None), a))


RESULT_LAYOUT_INPUTS = {
    "F": lambda m, x: m.asfortranarray(x),
    "T": lambda m, x: m.ascontiguousarray(x.transpose(2, 1, 0)).transpose(2, 1, 0),
    "batch-last": lambda m, x: m.ascontiguousarray(x.transpose(1, 2, 0)).transpose(2, 0, 1),
}


def _result_strides(name, layout):
    sa, sb, _ = OUT_SHAPES[name]
    a, b = sample(sa, "int64"), _b_sample(sb, "int64")
    make = RESULT_LAYOUT_INPUTS[layout]

    def f(m, x, y):
        if x.ndim == 3:
            x = make(m, x)
        res = ufunc(m, name)(x, y)
        return res, res.strides
    same(run(f, a, b), f"{name} {layout}")


@pytest.mark.parametrize("layout", ["F", "T", "batch-last"])
@pytest.mark.parametrize("name", ["matmul", "matvec"])
def test_result_strides(name, layout):
    """The result's memory layout (numpy: C order for outputs with core dimensions)."""
    _result_strides(name, layout)


@pytest.mark.parametrize("layout", ["F", "T", "batch-last"])
def test_vecdot_result_strides_follow_inputs(layout):
    _result_strides("vecdot", layout)


def _result_layout(name, order, fortran_inputs):
    sa, sb, _ = OUT_SHAPES[name]
    a, b = sample(sa, "int64"), _b_sample(sb, "int64")
    if fortran_inputs:
        a, b = np.asfortranarray(a), np.asfortranarray(b)

    def f(m, x, y):
        if fortran_inputs:
            x, y = m.asfortranarray(x), m.asfortranarray(y)
        res = ufunc(m, name)(x, y, order=order)
        return res, bool(res.flags["C_CONTIGUOUS"]), bool(res.flags["F_CONTIGUOUS"])
    same(run(f, a, b), f"{name} order={order} fortran inputs={fortran_inputs}")


def _order_params():
    out = []
    for name, order, fortran_inputs in itertools.product(GUFUNCS, ["C", "K"], [False, True]):
        out.append(pytest.param(name, order, fortran_inputs))
    return out


@pytest.mark.parametrize("name,order,fortran_inputs", _order_params())
@short_failure
def test_order_of_result(name, order, fortran_inputs):
    _result_layout(name, order, fortran_inputs)


@pytest.mark.parametrize("order,fortran_inputs", [("F", False), ("F", True), ("A", True)])
@pytest.mark.parametrize("name", GUFUNCS)
def test_order_fortran_result(name, order, fortran_inputs):
    _result_layout(name, order, fortran_inputs)


# ---------------------------------------------------------------------------
# operators
# ---------------------------------------------------------------------------

def _imatmul(m, x, y):
    x = x.copy()
    before = x
    x @= y
    assert x is before
    return x


IMATMUL_CASES = [
    ("int64", (3, 3), "int64", (3, 3)),
    ("int64", (2, 3, 3), "int64", (3, 3)),
    ("int64", (2, 3, 3), "int64", (2, 3, 3)),
    ("int64", (2, 3, 3), "int64", (1, 3, 3)),
    ("int64", (3,), "int64", (3, 3)),
    ("int64", (2, 3), "int64", (3, 3)),
    ("float64", (3, 3), "int64", (3, 3)),
    ("int32", (3, 3), "int64", (3, 3)),
    ("int8", (3, 3), "uint8", (3, 3)),
    ("float32", (3, 3), "complex64", (3, 3)),     # same_kind refuses complex -> float
    ("int64", (3, 3), "float64", (3, 3)),         # same_kind refuses float -> int
    ("complex64", (3, 3), "float64", (3, 3)),
    ("bool", (3, 3), "bool", (3, 3)),
    ("bool", (3, 3), "int8", (3, 3)),
    ("float16", (3, 3), "float16", (3, 3)),
    ("int64", (3, 3), "int64", (3, 2)),           # shape-changing: raises
    ("int64", (2, 3), "int64", (3, 4)),
    ("int64", (3, 3), "int64", (2, 3, 3)),        # result has more dimensions: raises
    ("int64", (3, 3), "int64", (3, 4)),
    ("int64", (3,), "int64", (3, 2)),
    ("int64", (3, 3), "int64", (2, 3)),
    ("int64", (1, 3), "int64", (3,)),
    ("int64", (2, 3, 3), "int64", (3,)),
]


@pytest.mark.parametrize("case", IMATMUL_CASES, ids=[str(c) for c in IMATMUL_CASES])
def test_imatmul(case):
    d1, s1, d2, s2 = case
    a, b = sample(s1, d1), _b_sample(s2, d2)
    same(run(_imatmul, a, b), f"{case}")


@pytest.mark.parametrize("case", [("int64", (3, 3), (3,)), ("float64", (3,), (3,)),
                                  ("int8", (2, 2), [1, 2])], ids=str)
def test_imatmul_vector_right_operand_raises(case):
    dt, s1, other = case
    a = sample(s1, dt)
    b = _b_sample(other, dt) if isinstance(other, tuple) else other
    same(run(_imatmul, a, b))


def test_imatmul_with_python_operands():
    a = sample((2, 2), "int8")
    for other in ([[1, 0], [0, 1]], [[1, 0], [0, 300]], [[1, 0.5], [0, 1]], 2, 2.5,
                  [[1, 2]], [[1], [2]]):
        same(run(lambda m, x: _imatmul(m, x, other), a), f"@= {other}")
    f = sample((2, 2), "float32")
    same(run(lambda m, x: _imatmul(m, x, [[1, 0], [0, 1.5]]), f))


def test_imatmul_on_views_writes_through():
    def f(m, base):
        v = base[::2, ::-1]
        v @= m.ones((2, 2), dtype="int64")
        return base
    same(run(f, sample((4, 2), "int64")))

    def g(m, base):
        v = base.T
        v @= base[:2, :2].copy()
        return base
    same(run(g, sample((2, 2), "int64")))


@pytest.mark.parametrize("left", [[[1, 2]], [1, 2], (1, 2), [[1.5, 2]], [[True, False]],
                                  [[1j, 2]], [[1], [2]], [[[1, 2]], [[3, 4]]], 3, 2.5])
def test_rmatmul_with_python_left_operand(left):
    a = sample((2, 2), "int16")
    same(run(lambda m, x: left @ x, a), f"{left} @ a")
    same(run(lambda m, x: x.__rmatmul__(left), a), f"__rmatmul__({left})")
    same(run(lambda m, x: x @ left, a), f"a @ {left}")


def test_operator_matches_function():
    for dt in FEW_DTYPES:
        a, b = sample((2, 3, 4), dt), _b_sample((4, 3), dt)
        same(run(lambda m, x, y: x @ y, a, b))
        same(run(lambda m, x, y: x.__matmul__(y), a, b))
        same(run(lambda m, x, y: y.__rmatmul__(x), a, b))


# ---------------------------------------------------------------------------
# complex conjugation
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", COMPLEX_DTYPES)
def test_complex_conjugation(dtype):
    """vecdot and vecmat conjugate their first operand, matmul and matvec do not."""
    x = np.array([1 + 2j, 3 - 1j, -2 + 0.5j], dtype)
    y = np.array([2 - 1j, 1 + 1j, 0.5j], dtype)
    M = np.array([[2 - 1j, 1, 1j], [1 + 1j, 1j, -1], [0, 2 + 2j, 1 - 1j]], dtype)
    for label, fn, args, expect in [
        ("vecdot", lambda m, p, q: m.vecdot(p, q), (x, y), np.sum(np.conj(x) * y)),
        ("vecdot swapped", lambda m, p, q: m.vecdot(q, p), (x, y), np.sum(np.conj(y) * x)),
        ("vecmat", lambda m, p, q: m.vecmat(p, q), (x, M), np.conj(x) @ M),
        ("matvec", lambda m, p, q: m.matvec(q, p), (x, M), M @ x),
        ("matmul 1d", lambda m, p, q: m.matmul(p, q), (x, y), np.sum(x * y)),
        ("matmul", lambda m, p, q: m.matmul(p, q), (x, M), np.sum(x[:, None] * M, axis=0)),
        ("@", lambda m, p, q: q @ p, (x, M), np.sum(M * x, axis=1)),
    ]:
        r, n = run(fn, *args)
        same((r, n), label)
        np.testing.assert_allclose(np.asarray(n), expect, rtol=1e-6)
        np.testing.assert_allclose(np.asarray(r.item() if not isinstance(r, rp.ndarray)
                                              else r), expect, rtol=1e-6)


def test_complex_conjugation_mixed_with_real():
    z = np.array([1 + 2j, 3 - 1j], "complex128")
    f = np.array([2.0, -1.0], "float32")
    i = np.array([3, 4], "int8")
    for p, q in [(z, f), (f, z), (z, i), (i, z), (z, z)]:
        for name in ("vecdot", "matmul"):
            same(run(lambda m, a, b: ufunc(m, name)(a, b), p, q), f"{name} {p.dtype} {q.dtype}")
        same(run(lambda m, a, b: m.vecmat(a, b[:, None]), p, q))
        same(run(lambda m, a, b: m.matvec(a[None], b), p, q))


# ---------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------

CORE_MISMATCH = [
    ("matmul", (3, 4), (5, 2)), ("matmul", (4,), (5,)), ("matmul", (3, 4), (5,)),
    ("matmul", (4,), (5, 2)), ("matmul", (2, 3, 4), (2, 3, 4)), ("matmul", (3, 0), (1, 2)),
    ("matvec", (3, 4), (5,)), ("matvec", (2, 3, 4), (2, 3)), ("vecmat", (4,), (5, 3)),
    ("vecmat", (2, 4), (2, 3, 4)), ("vecdot", (4,), (5,)), ("vecdot", (2, 4), (2, 1)),
    ("vecdot", (0,), (1,)),
]


@pytest.mark.parametrize("name,sa,sb", CORE_MISMATCH)
def test_core_dimension_mismatch(name, sa, sb):
    a, b = sample(sa, "float64"), _b_sample(sb, "float64")
    r, n = run(lambda m, x, y: ufunc(m, name)(x, y), a, b)
    same((r, n))
    assert isinstance(n, Raised) and isinstance(n.exc, ValueError)
    assert str(r.exc) == str(n.exc)
    if name == "matmul":
        r, n = run(lambda m, x, y: x @ y, a, b)
        same((r, n))
        assert str(r.exc) == str(n.exc)


TOO_FEW = [("matmul", (), (3,)), ("matmul", (3,), ()), ("matmul", (), ()),
           ("matvec", (3,), (3,)), ("matvec", (3, 3), ()), ("vecmat", (3,), (3,)),
           ("vecmat", (), (3, 3)), ("vecdot", (), (3,)), ("vecdot", (3,), ())]


@pytest.mark.parametrize("name,sa,sb", TOO_FEW)
def test_too_few_dimensions(name, sa, sb):
    a, b = sample(sa, "int64"), _b_sample(sb, "int64")
    r, n = run(lambda m, x, y: ufunc(m, name)(x, y), a, b)
    same((r, n))
    assert isinstance(n, Raised) and isinstance(n.exc, ValueError)
    assert str(r.exc) == str(n.exc)


OUT_CORE_MISMATCH = [
    ("matmul", (2, 2), (2, 2), (2, 3)), ("matmul", (2, 2), (2,), (3,)),
    ("matmul", (2, 2), (2,), (2, 1)), ("matmul", (2,), (2, 3), (2,)),
    ("matvec", (3, 2), (2,), (2,)), ("vecmat", (2,), (2, 3), (4,)),
    ("matmul", (2, 2), (2, 2), (4,)), ("matmul", (2, 2), (2, 2), (3,)),
]


@pytest.mark.parametrize("name,sa,sb,so", OUT_CORE_MISMATCH)
@short_failure
def test_out_core_dimension_mismatch_message(name, sa, sb, so):
    a, b = sample(sa, "int64"), _b_sample(sb, "int64")
    r, n = run(lambda m, x, y: ufunc(m, name)(x, y, out=m.zeros(so, dtype="int64")), a, b)
    same((r, n))
    assert str(r.exc) == str(n.exc)


def test_loop_dimensions_do_not_broadcast():
    for name, sa, sb in [("matmul", (2, 3, 4), (5, 4, 2)), ("matvec", (2, 3, 4), (3, 4)),
                         ("vecmat", (3, 4), (2, 4, 3)), ("vecdot", (2, 4), (3, 4))]:
        a, b = sample(sa, "int64"), _b_sample(sb, "int64")
        r, n = run(lambda m, x, y: ufunc(m, name)(x, y), a, b)
        same((r, n), name)
        assert isinstance(n, Raised) and isinstance(n.exc, ValueError)


@pytest.mark.parametrize("name", GUFUNCS)
def test_wrong_argument_counts_and_kwargs(name):
    a = sample((2, 2), "int64")
    for fn in [lambda m, x: ufunc(m, name)(x),
               lambda m, x: ufunc(m, name)(),
               lambda m, x: ufunc(m, name)(x, x, x, x),
               lambda m, x: ufunc(m, name)(x, x, where=True),
               lambda m, x: ufunc(m, name)(x, x, where=x > 0),
               lambda m, x: ufunc(m, name)(x, x, out=x, where=True),
               lambda m, x: ufunc(m, name)(x, x, out=[x]),
               lambda m, x: ufunc(m, name)(x, x, out=(x, x)),
               lambda m, x: ufunc(m, name)(x, x, x, out=x),
               lambda m, x: ufunc(m, name)(x, x, out=[[0, 0], [0, 0]]),
               lambda m, x: ufunc(m, name)(x, x, out=1)]:
        same(run(fn, a), name)


@pytest.mark.parametrize("name", GUFUNCS)
def test_methods_refused(name):
    a = sample((3, 3), "int64")
    idx = np.array([0, 1])
    for meth, fn in [
        ("reduce", lambda m, x: ufunc(m, name).reduce(x)),
        ("reduce axis", lambda m, x: ufunc(m, name).reduce(x, axis=0)),
        ("accumulate", lambda m, x: ufunc(m, name).accumulate(x)),
        ("reduceat", lambda m, x: ufunc(m, name).reduceat(x, [0, 1])),
        ("outer", lambda m, x: ufunc(m, name).outer(x, x)),
        ("at", lambda m, x: ufunc(m, name).at(x, [0], x)),
        ("at idx", lambda m, x: ufunc(m, name).at(x, m.asarray(idx), 1)),
    ]:
        r, n = run(fn, a)
        same((r, n), f"{name}.{meth}")
        assert isinstance(n, Raised)
        if meth in ("outer", "at", "at idx"):
            assert str(r.exc) == str(n.exc), meth


def test_unsupported_operand_dtypes_raise_type_error():
    """Strings: neither library has a matmul loop for them (a TypeError)."""
    for fn in [lambda m: m.matmul(["a"], ["b"]), lambda m: m.vecdot(["a"], ["b"])]:
        r, n = both(fn)
        same((r, n))


# ---------------------------------------------------------------------------
# attributes
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", GUFUNCS)
def test_attributes(name):
    u, v = getattr(rp, name), getattr(np, name)
    assert type(u).__name__ == "ufunc"
    assert u.signature == v.signature == SIGNATURES[name]
    for attr in ["nin", "nout", "nargs", "identity", "__name__"]:
        assert getattr(u, attr) == getattr(v, attr), attr
    assert u.identity is None
    assert repr(u) == repr(v)
    ours = [t for t in v.types if not set(t) & set("gGO")]
    assert u.types == ours
    assert u.ntypes == len(ours)
    # elementwise ufuncs have no signature
    assert rp.add.signature is None and np.add.signature is None


# ---------------------------------------------------------------------------
# property test
# ---------------------------------------------------------------------------

@st.composite
def matmul_operands(draw):
    dtype = draw(st.sampled_from(ALL_DTYPES))
    n, k, m_ = (draw(st.integers(0, 4)) for _ in range(3))
    batch = draw(st.lists(st.integers(0, 3), max_size=2))
    nda, ndb = draw(st.integers(1, 2)), draw(st.integers(1, 2))

    def operand_batch():
        return tuple(s if draw(st.booleans()) else 1 for s in
                     batch[len(batch) - draw(st.integers(0, len(batch))):])
    sa = (operand_batch() + (n, k)) if nda == 2 else (k,)
    sb = (operand_batch() + (k, m_)) if ndb == 2 else (k,)
    seed = draw(st.integers(0, 2 ** 32 - 1))
    views = draw(st.sampled_from(["C", "T", "reversed"]))
    return dtype, sa, sb, seed, views


def _small_ints(shape, dtype, rng):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(shape) < 0.5
    lo = 0 if dt.kind == "u" else -9
    x = rng.integers(lo, 10, shape)
    if dt.kind == "c":
        x = x + 1j * rng.integers(-9, 10, shape)
    return x.astype(dt)


@settings(max_examples=100, deadline=None)
@given(matmul_operands())
def test_matmul_property(params):
    dtype, sa, sb, seed, view = params
    rng = np.random.default_rng(seed)
    a, b = _small_ints(sa, dtype, rng), _small_ints(sb, dtype, rng)
    ra, rb = to_rp(a), to_rp(b)
    if view == "T" and a.ndim >= 2:
        a = np.ascontiguousarray(np.swapaxes(a, -1, -2))
        ra = to_rp(a)
        a, ra = np.swapaxes(a, -1, -2), ra.swapaxes(-1, -2)
    elif view == "reversed":
        a, ra, b, rb = a[..., ::-1, :] if a.ndim > 1 else a, \
            ra[..., ::-1, :] if a.ndim > 1 else ra, b[::-1], rb[::-1]
    r, n = both(lambda m: m.matmul(ra, rb) if m is rp else np.matmul(a, b))
    same((r, n), f"{dtype} {sa} @ {sb} {view}")
    if not isinstance(n, Raised):
        same(both(lambda m: ra @ rb if m is rp else a @ b))


@pytest.mark.parametrize("order", ["K", "C", "F", "A"])
@pytest.mark.parametrize("layout", ["C", "F", "mixed", "batch-transposed"])
@pytest.mark.parametrize("axes", [None, [(2, 3), (2, 3), (0, 1)]], ids=["no-axes", "axes"])
def test_matmul_result_layout_with_two_loop_dimensions(order, layout, axes):
    """Loop dimensions follow the inputs ('K'), core dimensions stay innermost in C order;
    'C'/'F' lay out loop and core dimensions together, before axes= moves them."""
    a0 = sample((2, 3, 4, 5), "float64")
    b0 = _b_sample((2, 3, 5, 6), "float64")

    def f(m, a, b):
        if layout == "F":
            a, b = m.asfortranarray(a), m.asfortranarray(b)
        elif layout == "mixed":
            b = m.asfortranarray(b)
        elif layout == "batch-transposed":
            a = m.ascontiguousarray(a.transpose(2, 3, 0, 1)).transpose(2, 3, 0, 1)
        kw = {"order": order}
        if axes is not None:
            kw["axes"] = axes
        r = m.matmul(a, b, **kw)
        return r, r.strides
    same(run(f, a0, b0), f"{layout} order={order} axes={axes}")


@pytest.mark.parametrize("sa,sb,so", [
    ((2, 3, 4), (4, 5), (3, 5)), ((2, 2, 3, 4), (4, 5), (2, 3, 5)),
    ((6, 2, 3, 4), (4, 5), (2, 3, 5)), ((2, 3, 4), (4, 5), (1, 3, 5)),
    ((2, 2, 3, 4), (4, 5), (2, 1, 3, 5)), ((2, 2, 3, 4), (4, 5), (1, 2, 3, 5)),
], ids=str)
def test_out_without_the_loop_dimensions_is_refused_with_numpys_message(sa, sb, so):
    """An out= lacking loop dimensions would need a reduction; one with a 1 where the loop
    has more does not broadcast: NumPy's iterator words both."""
    msgs = []
    for m in (np, rp):
        with pytest.raises(ValueError) as e:
            m.matmul(m.ones(sa), m.ones(sb), out=m.empty(so))
        msgs.append(str(e.value))
    assert msgs[1] == msgs[0]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("layout", ["C", "F", "reversed", "mixed", "batched", "short_wide"])
def test_large_products_agree_with_numpy(dtype, layout):
    # Large enough (n*k*m above 600**3) for rumpy's own blocked kernel; odd sizes leave
    # partial register tiles on every edge. A short wide product is split by columns, the
    # others by rows (with more than two panels of k: B's shared buffers are reused).
    rng = np.random.default_rng(3)
    n, k, m = (41, 2101, 2701) if layout == "short_wide" else (613, 701, 659)
    a = rng.standard_normal((n, k)).astype(dtype)
    b = rng.standard_normal((k, m)).astype(dtype)
    if layout == "F":
        a, b = np.asfortranarray(a), np.asfortranarray(b)
    elif layout == "reversed":
        a, b = a[::-1, ::-1], b[:, ::-1]
    elif layout == "mixed":
        a, b = np.asfortranarray(a), b
    elif layout == "batched":
        a = np.stack([a, -a])
    want = a @ b
    got = rp.asarray(a) @ rp.asarray(b)
    assert got.dtype == want.dtype and got.shape == want.shape
    tol = 1e-4 if dtype == "float32" else 1e-12
    np.testing.assert_allclose(np.asarray(got), want, rtol=tol, atol=tol * np.abs(want).max())


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("case", ["matvec", "strided_vector", "matrix_column", "batched"])
def test_matrix_vector_products_agree_with_numpy(dtype, case):
    # Rows contiguous: rumpy's own matrix-vector kernel; an odd length leaves a tail.
    rng = np.random.default_rng(4)
    a = rng.standard_normal((301, 517)).astype(dtype)
    x = rng.standard_normal(517).astype(dtype)
    if case == "strided_vector":
        x = rng.standard_normal(1034).astype(dtype)[::2]
    elif case == "matrix_column":
        x = x[:, None]
    elif case == "batched":
        a = np.stack([a, 2 * a])
    want = a @ x
    got = rp.asarray(a) @ rp.asarray(x)
    assert got.dtype == want.dtype and got.shape == want.shape
    tol = 1e-4 if dtype == "float32" else 1e-12
    np.testing.assert_allclose(np.asarray(got), want, rtol=tol, atol=tol * np.abs(want).max())
    m = rp.matvec(rp.asarray(a), rp.asarray(x if x.ndim == 1 else x[:, 0]))
    np.testing.assert_allclose(np.asarray(m), np.matvec(a, x if x.ndim == 1 else x[:, 0]),
                               rtol=tol, atol=tol * np.abs(want).max())
