"""Reductions and scans: sum, prod, min/max, mean, any/all, arg*, cum*,
var/std, ptp, count_nonzero and the nan* family, as functions and as
ndarray methods, compared with numpy on the same data.

Exactness: on the small sample arrays every partial sum is exact, so sums,
products, extrema and scans are compared bit-for-bit. mean/var/std divide
and square, so their rounding depends on the (unspecified) summation order:
they are compared with a relative tolerance (RTOL). Large float arrays are
compared with rtol=1e-12 (float64) / 1e-5 (float32): numpy's pairwise
summation is not exact either.
"""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import rumpy as rp
from conftest import (ALL_DTYPES, FEW_DTYPES, SHAPE_CASES, Collector, _apply, need, sample,
                      to_rp)
from test_ufunc_elementwise import Raised, assert_error_like, assert_same, outcome

FUNCS = ["sum", "prod", "min", "amin", "max", "amax", "mean", "any", "all", "argmin",
         "argmax", "cumsum", "cumprod", "var", "std", "ptp", "count_nonzero", "nansum",
         "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd", "nanargmin",
         "nanargmax", "nancumsum", "nancumprod"]
METHODS = [f for f in FUNCS if hasattr(np.ndarray, f)]  # the ones numpy's ndarray has
SCANS = {"cumsum", "cumprod", "nancumsum", "nancumprod"}
# keyword arguments each function accepts (besides axis)
KEEPDIMS = set(FUNCS) - SCANS
ROUNDED = {"mean", "var", "std", "nanmean", "nanvar", "nanstd"}
RTOL = {"float16": 2e-3, "float32": 2e-6, "float64": 1e-13, "complex64": 2e-6, "complex128": 1e-13}
AXES = [None, 0, 1, -1, (0, 1), (), (-1, 0)]


def need_method(name):
    need(name, owner=rp.ndarray)


def mk(m, a, dtype=None):
    a = np.asarray(a, dtype=dtype)
    return a.copy() if m is np else to_rp(a)


# IEEE 754 leaves the sign of max(+0, -0) unspecified; numpy's depends on the
# SIMD path, so zero signs of these results are not compared
ZERO_SIGN_FREE = {"min", "amin", "max", "amax", "nanmin", "nanmax", "ptp"}


def assert_rel(r, n, rtol, msg="", zero_sign=True):
    """Same type/dtype/shape as numpy; values within rtol (NaN/inf where numpy
    has them)."""
    pre = (msg + ": ") if msg else ""
    if isinstance(n, tuple):
        for x, y in zip(r, n):
            assert_rel(x, y, rtol, msg, zero_sign)
        return
    if not zero_sign and rtol is None and hasattr(n, "dtype") and n.dtype.kind in "fc":
        rtol = 0.0
    if rtol is None or not hasattr(n, "dtype") or n.dtype.kind not in "fc":
        assert_same(r, n, msg=msg)
        return
    if isinstance(n, np.generic):
        assert type(r).__name__ == type(n).__name__, \
            f"{pre}scalar type {type(r).__name__} != numpy {type(n).__name__}"
        ra = np.array(r.item(), dtype=n.dtype)
    else:
        assert isinstance(r, rp.ndarray), f"{pre}expected a rumpy ndarray, got {type(r)!r}"
        ra = np.asarray(r)
        assert ra.dtype.str == n.dtype.str and ra.shape == n.shape, \
            f"{pre}{ra.dtype.str}{ra.shape} != numpy {n.dtype.str}{n.shape}"
    na = np.asarray(n)
    ok = np.isclose(ra, na, rtol=rtol, atol=0, equal_nan=True) | (ra == na)
    assert ok.all(), f"{pre}values differ beyond rtol={rtol}:\nrumpy {ra!r}\nnumpy {na!r}"


def same(fn, msg="", rtol=None):
    r = outcome(fn, rp)
    n = outcome(fn, np)
    if isinstance(n, Raised):
        assert_error_like(r, n, msg)
        return r, n
    if isinstance(r, Raised):
        raise AssertionError(f"{msg}: rumpy raised {type(r.exc).__name__}({r.exc}) "
                             f"but numpy returned {n!r}") from r.exc
    assert_rel(r, n, rtol, msg, zero_sign=not any(f"{z}(" in msg or f".{z}" in msg for z in ZERO_SIGN_FREE))
    return r, n


def _rtol(fname, dtype):
    if fname not in ROUNDED:
        return None
    return RTOL.get(dtype, 1e-13)  # integer inputs: float64 results


def _data(case, dtype):
    shape, op = SHAPE_CASES[case]
    nb = sample(shape, dtype)
    return nb, op


# ---------------------------------------------------------------------------
# the function matrix
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("fname", FUNCS)
def test_function_axes(fname, dtype):
    """Every reduction x dtype x shape case x axis (None/int/negative/tuple/
    out of range) x keepdims."""
    need(fname)
    col = Collector()
    rtol = _rtol(fname, dtype)
    for case in SHAPE_CASES:
        nb, op = _data(case, dtype)

        def arr(m):
            return _apply(mk(m, nb), op)
        col(same, lambda m: getattr(m, fname)(arr(m)), f"{fname}({dtype} {case})", rtol)
        for axis in AXES:
            col(same, lambda m: getattr(m, fname)(arr(m), axis=axis),
                f"{fname}({dtype} {case}, axis={axis})", rtol)
            if fname in KEEPDIMS:
                col(same, lambda m: getattr(m, fname)(arr(m), axis=axis, keepdims=True),
                    f"{fname}({dtype} {case}, axis={axis}, keepdims=True)", rtol)
    col.done()


@pytest.mark.parametrize("dtype", FEW_DTYPES)
@pytest.mark.parametrize("mname", METHODS)
def test_method_axes(mname, dtype):
    need_method(mname)
    col = Collector()
    rtol = _rtol(mname, dtype)
    for case in ("0d", "empty", "2d", "3d", "negstride", "transposed"):
        nb, op = _data(case, dtype)

        def arr(m):
            return _apply(mk(m, nb), op)
        col(same, lambda m: getattr(arr(m), mname)(), f"{dtype}.{mname}() {case}", rtol)
        for axis in (None, 0, -1, (0, 1)):
            col(same, lambda m: getattr(arr(m), mname)(axis=axis),
                f"{dtype}.{mname}(axis={axis}) {case}", rtol)
            if mname not in SCANS:
                col(same, lambda m: getattr(arr(m), mname)(axis, keepdims=True),
                    f"{dtype}.{mname}({axis}, keepdims=True) {case}", rtol)
    col.done()


# ---------------------------------------------------------------------------
# special values: nan, inf, ties, all-nan slices, empty
# ---------------------------------------------------------------------------

def _special_arrays(dtype):
    dt = np.dtype(dtype)
    if dt.kind in "fc":
        nan, inf = np.nan, np.inf
        rows = [[1.0, nan, 3.0, -2.0], [nan, nan, nan, nan], [inf, -inf, 0.0, -0.0],
                [2.0, 2.0, -1.0, -1.0], [-0.0, 0.0, -0.0, 0.0], [inf, 1.0, inf, 2.0]]
        a = np.array(rows, dtype=dt)
        if dt.kind == "c":
            a = a + 1j * np.array(rows[::-1], dtype=dt)
        return a
    if dt.kind == "b":
        return np.array([[True, False, True], [False, False, False], [True, True, True]])
    ii = np.iinfo(dt)
    return np.array([[ii.max, ii.max, 1], [ii.min, 0, ii.min], [3, 3, 3], [ii.max, ii.min, ii.max]],
                    dtype=dt)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int64", "uint64", "float16",
                                   "float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("fname", FUNCS)
def test_special_values(fname, dtype):
    """NaN propagation (min/max/argmin...), nan* skipping, all-NaN slices
    (nanargmin raises ValueError), ties (first index), signed zeros,
    integer overflow in sums/products (wraps in int64/uint64)."""
    need(fname)
    col = Collector()
    x = _special_arrays(dtype)
    rtol = _rtol(fname, dtype)
    for axis in (None, 0, 1):
        col(same, lambda m: getattr(m, fname)(mk(m, x), axis=axis), f"{fname}({dtype} specials, axis={axis})", rtol)
    col.done()


@pytest.mark.parametrize("fname", FUNCS)
def test_empty_reductions(fname):
    """Empty inputs: identity results, or ValueError (min of empty), or NaN
    with a RuntimeWarning (mean of empty)."""
    need(fname)
    col = Collector()
    for dtype in ("int64", "float64", "bool"):
        for shape in ((0,), (0, 3), (3, 0)):
            x = np.zeros(shape, dtype=dtype)
            for axis in (None, 0, 1):
                col(same, lambda m: getattr(m, fname)(mk(m, x), axis=axis), f"{fname}({dtype}{shape}, axis={axis})")
    col.done()


@pytest.mark.parametrize("fname", ["mean", "nanmean", "var", "nanvar", "std", "nanstd", "nanmin",
                                   "nanmax", "min", "nanargmin", "nansum"])
def test_warnings(fname):
    """RuntimeWarning where numpy warns (mean of empty, all-NaN slices,
    ddof >= n)."""
    need(fname)
    for x in (np.zeros(0), np.array([[np.nan, np.nan], [1.0, np.nan]]), np.array([1.0])):
        for axis in (None, 0, 1):
            def events(m):
                with warnings.catch_warnings(record=True) as w:
                    warnings.simplefilter("always")
                    res = outcome(getattr(m, fname), mk(m, x), axis=axis)
                return (sorted({c.category.__name__ for c in w}),
                        type(res.exc).__name__ if isinstance(res, Raised) and not isinstance(res.exc, TypeError)
                        else None)
            r, n = events(rp), events(np)
            assert r == n, f"{fname}({x.tolist()}, axis={axis}): rumpy {r} != numpy {n}"


# ---------------------------------------------------------------------------
# keyword arguments
# ---------------------------------------------------------------------------

DTYPE_KW = [
    ("sum", "int8", None), ("sum", "uint8", None), ("sum", "bool", None), ("sum", "int32", None),
    ("sum", "int8", "int8"), ("sum", "int16", "float32"), ("sum", "float32", "float64"),
    ("sum", "float64", "int64"), ("sum", "float16", None), ("sum", "uint64", "int64"),
    ("prod", "int8", None), ("prod", "uint16", None), ("prod", "bool", "float64"),
    ("cumsum", "int8", None), ("cumsum", "uint32", None), ("cumsum", "bool", None),
    ("cumsum", "int8", "float16"), ("cumprod", "int16", "int8"),
    ("mean", "int8", None), ("mean", "float16", None), ("mean", "float32", "float64"),
    ("mean", "int64", "float32"), ("mean", "bool", None), ("mean", "complex64", None),
    ("var", "int8", None), ("var", "float32", "float64"), ("var", "complex64", None),
    ("std", "float16", None), ("std", "int16", "float32"),
    ("nansum", "int8", None), ("nansum", "float32", "float64"), ("nanmean", "float16", None),
    ("nancumsum", "uint8", None), ("nanprod", "bool", None), ("nanvar", "float32", "float64"),
    ("min", "int8", None), ("max", "float16", None),
]


@pytest.mark.parametrize("fname,dtype,kwdtype", DTYPE_KW,
                         ids=[f"{a}-{b}-{c}" for a, b, c in DTYPE_KW])
def test_dtype_kwarg(fname, dtype, kwdtype):
    """Result dtypes: integer sums accumulate in int64/uint64 (numpy's
    platform int), dtype= overrides."""
    need(fname)
    col = Collector()
    x = sample((3, 5), dtype, nonneg=True)
    rtol = _rtol(fname, kwdtype or dtype)
    kw = {} if kwdtype is None else {"dtype": kwdtype}
    for axis in (None, 0, 1):
        col(same, lambda m: getattr(m, fname)(mk(m, x), axis=axis, **kw), f"{fname}({dtype}, axis={axis}, {kw})", rtol)
        if kwdtype is not None:
            col(same, lambda m: getattr(m, fname)(mk(m, x), axis=axis, dtype=getattr(m, kwdtype)),
                f"{fname}({dtype}, axis={axis}, dtype=m.{kwdtype})", rtol)
    col.done()


def test_integer_sum_wraps_in_int64():
    need("sum")
    col = Collector()
    big = np.array([np.iinfo(np.int64).max, 1, 1], dtype=np.int64)
    col(same, lambda m: m.sum(mk(m, big)), "int64 sum overflow wraps")
    u = np.full(1000, 200, dtype=np.uint8)
    col(same, lambda m: m.sum(mk(m, u)), "uint8 sum in uint64")
    col(same, lambda m: m.sum(mk(m, u), dtype="uint8"), "uint8 sum dtype=uint8 wraps")
    col(same, lambda m: m.prod(mk(m, np.full(70, 2, dtype=np.int8))), "int8 prod in int64 wraps")
    col(same, lambda m: m.cumsum(mk(m, np.full(300, 100, dtype=np.int8))), "int8 cumsum in int64")
    col.done()


@pytest.mark.parametrize("fname", ["sum", "prod", "min", "max", "amin", "amax", "mean", "any",
                                   "all", "nansum", "nanprod", "nanmin", "nanmax", "nanmean",
                                   "var", "std", "nanvar", "nanstd", "count_nonzero", "ptp",
                                   "argmin", "argmax", "nanargmin", "nanargmax"])
def test_keepdims_out(fname):
    need(fname)
    col = Collector()
    x = sample((3, 4), "float64")
    rtol = _rtol(fname, "float64")
    if fname != "count_nonzero":
        def with_out(m):
            dt = np.intp if fname.startswith(("arg", "nanarg")) else np.float64
            o = mk(m, np.full(4, -1, dtype=dt))
            r = getattr(m, fname)(mk(m, x), axis=0, out=o)
            return r is o, o
        col(same, with_out, f"{fname}(out=)", rtol)

        def with_out_keepdims(m):
            dt = np.intp if fname.startswith(("arg", "nanarg")) else np.float64
            o = mk(m, np.full((3, 1), -1, dtype=dt))
            r = getattr(m, fname)(mk(m, x), axis=1, out=o, keepdims=True)
            return r is o, o
        col(same, with_out_keepdims, f"{fname}(out=, keepdims)", rtol)
        col(same, lambda m: getattr(m, fname)(mk(m, x), axis=0, out=mk(m, np.zeros(3))),
            f"{fname}(out wrong shape)")
        col(same, lambda m: getattr(m, fname)(mk(m, x), axis=0, out=mk(m, np.zeros(4, dtype=np.int8))),
            f"{fname}(out int8)", rtol)
    col(same, lambda m: getattr(m, fname)(mk(m, x), axis=(0, 1), keepdims=True), f"{fname}(axis=(0,1), keepdims)", rtol)
    col.done()


WHERE_FUNCS = ["sum", "prod", "min", "max", "mean", "any", "all", "var", "std", "nansum",
               "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd"]


@pytest.mark.parametrize("fname", WHERE_FUNCS)
def test_where_kwarg(fname):
    need(fname)
    col = Collector()
    x = np.array([[1.5, np.nan, -3.0, 4.0], [2.0, 5.0, -1.0, 0.5], [7.0, -2.0, 3.0, np.nan]])
    mask = np.array([[True, False, True, True], [False, True, True, False], [True, True, False, False]])
    row = np.array([True, False, True, False])
    rtol = _rtol(fname, "float64")
    for w in (mask, row, np.zeros((3, 4), bool)):
        for axis in (None, 0, 1):
            col(same, lambda m: getattr(m, fname)(mk(m, x), axis=axis, where=mk(m, w)),
                f"{fname}(axis={axis}, where={w.tolist()})", rtol)
            if fname in ("min", "max", "nanmin", "nanmax", "sum", "prod"):
                col(same, lambda m: getattr(m, fname)(mk(m, x), axis=axis, where=mk(m, w), initial=10.0),
                    f"{fname}(axis={axis}, where, initial=10)", rtol)
    col.done()


@pytest.mark.parametrize("fname", ["sum", "prod", "min", "max", "amin", "amax", "nansum",
                                   "nanprod", "nanmin", "nanmax"])
def test_initial_kwarg(fname):
    need(fname)
    col = Collector()
    for dtype in ("int8", "int64", "float64", "bool"):
        x = sample((3, 4), dtype)
        for init in (5, -5, 0.5, 1000):
            for axis in (None, 0, 1):
                col(same, lambda m: getattr(m, fname)(mk(m, x), axis=axis, initial=init),
                    f"{fname}({dtype}, axis={axis}, initial={init})")
        col(same, lambda m: getattr(m, fname)(mk(m, np.zeros((0, 3), dtype)), axis=0, initial=3),
            f"{fname}(empty {dtype}, initial=3)")
    col.done()


@pytest.mark.parametrize("fname", ["var", "std", "nanvar", "nanstd"])
def test_ddof(fname):
    need(fname)
    col = Collector()
    for dtype in ("int16", "float32", "float64", "complex128"):
        x = sample((3, 4), dtype)
        rtol = _rtol(fname, dtype)
        for ddof in (0, 1, 2, 3, 4, 5, 1.5):
            for axis in (None, 0, 1):
                col(same, lambda m: getattr(m, fname)(mk(m, x), axis=axis, ddof=ddof),
                    f"{fname}({dtype}, axis={axis}, ddof={ddof})", rtol)
    col(same, lambda m: getattr(m, fname)(mk(m, sample((3, 4), "float64")), mean=mk(m, np.zeros((1, 4))),
                                        axis=0), f"{fname}(mean=)", 1e-13)
    col(same, lambda m: getattr(m, fname)(mk(m, sample((3, 4), "float64")), correction=1), f"{fname}(correction=1)", 1e-13)
    col.done()


def test_mean_of_float16_uses_float32_intermediate():
    need("mean")
    x = np.full(5000, 0.1, dtype=np.float16)
    same(lambda m: m.mean(mk(m, x)), "mean(float16 x 5000)", 2e-3)
    same(lambda m: m.sum(mk(m, x)), "sum(float16 x 5000)", 2e-3)


def test_count_nonzero_and_ptp():
    need("count_nonzero")
    col = Collector()
    for dtype in ALL_DTYPES:
        x = sample((3, 4), dtype)
        col(same, lambda m: m.count_nonzero(mk(m, x)), f"count_nonzero({dtype})")
        col(same, lambda m: m.count_nonzero(mk(m, x), axis=(0, 1)), f"count_nonzero({dtype}, axis=(0,1))")
        col(same, lambda m: m.count_nonzero(mk(m, x), axis=1, keepdims=True), f"count_nonzero({dtype}, keepdims)")
    col(same, lambda m: m.count_nonzero([[0, 1], [2, 0]]), "count_nonzero(list)")
    col(same, lambda m: m.count_nonzero(0.0), "count_nonzero(0.0)")
    col.done()


def test_argminmax_ties_and_nans():
    need("argmin")
    col = Collector()
    for x in ([3, 1, 1, 3], [np.nan, 1.0, np.nan], [1.0, -np.inf, -np.inf], [-0.0, 0.0],
              [True, False, False], [[5, 5], [5, 5]], [2 + 1j, 2 - 1j, 1 + 5j]):
        for fname in ("argmin", "argmax", "nanargmin", "nanargmax"):
            col(same, lambda m: getattr(m, fname)(mk(m, x)), f"{fname}({x})")
            col(same, lambda m: getattr(m, fname)(mk(m, x), axis=-1, keepdims=True), f"{fname}({x}, keepdims)")
    col.done()


def test_any_all_on_floats_and_nan():
    need("any")
    col = Collector()
    for x in ([0.0, -0.0], [np.nan], [0.0, 1e-300], [0j, 1j], []):
        for fname in ("any", "all"):
            col(same, lambda m: getattr(m, fname)(mk(m, x, "complex128" if 1j in x or x == [0j, 1j] else None)),
                f"{fname}({x})")
    col.done()


def test_python_list_and_scalar_inputs():
    need("sum")
    col = Collector()
    for fname in ("sum", "prod", "mean", "max", "any", "cumsum", "argmax", "std", "nanmax"):
        col(same, lambda m: getattr(m, fname)([[1, 2], [3, 4]]), f"{fname}(list)", 1e-13)
        col(same, lambda m: getattr(m, fname)([[1.5, 2], [3, 4]], axis=1), f"{fname}(list, axis=1)", 1e-13)
        col(same, lambda m: getattr(m, fname)(7), f"{fname}(7)", 1e-13)
        col(same, lambda m: getattr(m, fname)(2.5), f"{fname}(2.5)", 1e-13)
    col.done()


# ---------------------------------------------------------------------------
# large arrays: accumulation accuracy
# ---------------------------------------------------------------------------

def test_large_float_sums():
    """Pairwise summation: float64 within rtol=1e-12, float32 within 1e-5."""
    need("sum")
    rng = np.random.default_rng(12345)
    col = Collector()
    big = rng.standard_normal(200_003) * 1e3 + 1.0
    shapes = {"1d": big, "2d": big[:200_000].reshape(400, 500)}
    for label, x in shapes.items():
        for dtype, rtol in (("float64", 1e-12), ("float32", 1e-5)):
            xd = x.astype(dtype)
            rx = rp.asarray(xd) if False else None  # built once below (to_rp is slow for big)
            del rx
            rb = rp.frombuffer(xd.tobytes(), dtype=dtype).reshape(xd.shape)
            for fname in ("sum", "mean", "nansum", "cumsum"):
                for axis in ((None, 0, 1) if xd.ndim == 2 else (None,)):
                    def cmp(fname=fname, axis=axis, xd=xd, rb=rb, rtol=rtol):
                        n = getattr(np, fname)(xd, axis=axis)
                        r = getattr(rp, fname)(rb, axis=axis)
                        if fname == "cumsum":
                            # compare the running sums where they are not tiny
                            # (cancellation makes relative error meaningless there)
                            ra = np.asarray(r)
                            assert ra.dtype == n.dtype and ra.shape == n.shape
                            scale = np.abs(xd).sum() if axis is None else np.abs(xd).sum(axis=axis, keepdims=True)
                            assert (np.abs(ra.astype(np.float64) - n) <= rtol * scale).all(), \
                                f"cumsum {xd.dtype} axis={axis}"
                            return
                        assert_rel(r, n, rtol, f"{fname}({label} {dtype}, axis={axis})")
                    col(cmp)
            col(lambda xd=xd, rb=rb, rtol=rtol: assert_rel(rp.var(rb), np.var(xd), rtol * 10, f"var({label} {dtype})"))
    ints = rng.integers(-(2**40), 2**40, size=100_000)
    rb = rp.frombuffer(ints.tobytes(), dtype="int64")
    col(lambda: assert_same(rp.sum(rb), np.sum(ints), msg="large int64 sum"))
    col.done()


# ---------------------------------------------------------------------------
# property tests
# ---------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_property_sum_random_axes(data):
    need("sum")
    dtype = data.draw(st.sampled_from(["int8", "int32", "int64", "uint16", "float64", "bool"]))
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=4))
    elements = (st.integers(-20, 20) if dtype[0] == "i" else
                st.integers(0, 40) if dtype[0] == "u" else
                st.booleans() if dtype == "bool" else
                st.integers(-1000, 1000).map(lambda v: v / 8))
    x = data.draw(hnp.arrays(dtype, shape, elements=elements))
    nd = x.ndim
    axes = data.draw(st.one_of(st.none(), st.lists(st.integers(-nd, nd - 1), unique_by=lambda a: a % nd,
                                                   max_size=nd).map(tuple) if nd else st.just(())))
    keepdims = data.draw(st.booleans())
    n = np.sum(x, axis=axes, keepdims=keepdims)
    r = rp.sum(to_rp(x), axis=axes, keepdims=keepdims)
    assert_same(r, n, msg=f"sum({dtype}{shape}, axis={axes}, keepdims={keepdims})")


# ---------------------------------------------------------------------------
# var/std/nan-function keyword arguments, where= on reductions
# ---------------------------------------------------------------------------

_KW_X = np.array([[1.5, -2.0, 3.0], [np.nan, 0.5, -0.25]])
_KW_XI = np.array([[1, -2, 3], [4, 0, 9]], dtype="int8")


def _filled_out(fn, out_np):
    """For :func:`same`: call ``fn(m, out)``, return (result is out, out)."""
    def body(m):
        o = mk(m, out_np)
        r = fn(m, o)
        return r is o, o
    return body


def test_var_std_keywords():
    need("var")
    need("std")
    col = Collector()
    x, xi = _KW_X, _KW_XI
    for label, fn in {
        "var(ddof=, correction=) -> ValueError": lambda m: m.var(mk(m, x), ddof=1, correction=1),
        "std(correction=1.5, axis=1)": lambda m: m.std(mk(m, xi), correction=1.5, axis=1),
        "var(dtype=int64)": lambda m: m.var(mk(m, xi), dtype="int64"),
        "std(bool)": lambda m: m.std(mk(m, [True, False, True])),
        "var(list, axis=0)": lambda m: m.var([[1, 2], [3, 5]], axis=0),
        "var(0-d, axis=0) -> AxisError": lambda m: m.var(mk(m, np.array(1.0)), axis=0),
        "var(axis=(0, 0)) -> ValueError": lambda m: m.var(mk(m, x), axis=(0, 0)),
        "var(axis=1.0) -> TypeError": lambda m: m.var(mk(m, x), axis=1.0),
        "var(out=float32)": _filled_out(lambda m, o: m.var(mk(m, xi), axis=1, out=o),
                                        np.zeros(2, "float32")),
        "a.var(correction=) -> TypeError": lambda m: mk(m, x).var(correction=1),
        "a.var(axis, mean=, keepdims)": lambda m: mk(m, xi).var(axis=1, mean=mk(m, [[1.0], [2.0]]),
                                                               keepdims=True),
        "a.std(0, None, None, 1)": lambda m: mk(m, xi).std(0, None, None, 1),
        "a.std(dtype=float32)": lambda m: mk(m, xi).std(dtype="float32"),
    }.items():
        col(same, fn, label, 1e-6)
    col.done()


def test_nan_function_keywords():
    need("nanmean")
    col = Collector()
    x, xi = _KW_X, _KW_XI
    for label, fn in {
        "nanmean(dtype=int64) -> TypeError": lambda m: m.nanmean(mk(m, x), dtype="int64"),
        "nanmean(out=int64) -> TypeError": lambda m: m.nanmean(mk(m, x), axis=0,
                                                                out=mk(m, np.zeros(3, "int64"))),
        "nanmean(int8, dtype=int64)": lambda m: m.nanmean(mk(m, xi), dtype="int64"),
        "nanmean(keepdims=True)": lambda m: m.nanmean(mk(m, x), keepdims=True),
        "nanvar(ddof=, correction=) -> ValueError": lambda m: m.nanvar(mk(m, x), ddof=1,
                                                                      correction=1),
        "nanvar(correction=1)": lambda m: m.nanvar(mk(m, x), axis=0, correction=1),
        "nanstd(mean=)": lambda m: m.nanstd(mk(m, x), axis=1, mean=mk(m, [[0.0], [1.0]])),
        "nanvar(complex)": lambda m: m.nanvar(mk(m, [1 + 1j, np.nan, 2 - 1j, complex(1, np.nan)])),
        "nanstd(float16)": lambda m: m.nanstd(mk(m, x, "float16"), axis=1),
        "nanvar(out=)": _filled_out(lambda m, o: m.nanvar(mk(m, x), axis=0, out=o), np.zeros(3)),
        "nanstd(keepdims=True)": lambda m: m.nanstd(mk(m, x), axis=1, keepdims=True),
        "nanvar(int, ddof=1)": lambda m: m.nanvar(mk(m, [1]), ddof=1),
        "nanmin(list)": lambda m: m.nanmin([[np.nan, 1.0], [np.nan, np.nan]], axis=1),
        "nanmax(out=)": _filled_out(lambda m, o: m.nanmax(mk(m, x), axis=1, out=o), np.zeros(2)),
        "nancumsum(axis=(0,)) -> TypeError": lambda m: m.nancumsum(mk(m, x), axis=(0,)),
        "nancumprod(dtype=float32)": lambda m: m.nancumprod(mk(m, x), axis=1, dtype="float32"),
        "ptp(out=int8)": _filled_out(lambda m, o: m.ptp(mk(m, xi), axis=1, out=o),
                                     np.zeros(2, "int8")),
        "ptp(bool) -> TypeError": lambda m: m.ptp(mk(m, [True, False])),
        "ptp(list)": lambda m: m.ptp([3, 1, 7]),
        "count_nonzero(axis=-1)": lambda m: m.count_nonzero(mk(m, xi), axis=-1),
        "count_nonzero(axis=2) -> AxisError": lambda m: m.count_nonzero(mk(m, xi), axis=2),
        "count_nonzero(keepdims=True)": lambda m: m.count_nonzero(mk(m, xi), keepdims=True),
    }.items():
        col(same, fn, label, 1e-6)
    col(same, lambda m: m.nanargmax(mk(m, x), axis=0, keepdims=True), "nanargmax(keepdims)")
    col(same, lambda m: m.nanargmin(mk(m, xi), axis=1), "nanargmin(int8)")
    col(same, lambda m: m.nanargmin(mk(m, np.zeros(0))), "nanargmin(empty) -> ValueError")
    col(same, _filled_out(lambda m, o: m.nanargmin(mk(m, x), axis=0, out=o),
                          np.zeros(3, np.intp)), "nanargmin(out=)")
    col.done()


def test_where_on_reductions():
    """where= with initial=, integer masks, masks that do not broadcast, ufuncs without an
    identity."""
    need("sum")
    col = Collector()
    x, xi = _KW_X, _KW_XI
    row = [True, False, True]
    for label, fn in {
        "sum(where=int mask) -> TypeError": lambda m: m.sum(mk(m, x), where=mk(m, [1, 0, 1])),
        "sum(where=, initial=)": lambda m: m.sum(mk(m, xi), axis=0, where=mk(m, row), initial=5),
        "max(where=) without initial -> ValueError": lambda m: m.max(mk(m, xi), where=mk(m, row)),
        "max(where=, initial=)": lambda m: m.max(mk(m, xi), axis=1, where=mk(m, row), initial=-100),
        "any(where=column)": lambda m: m.any(mk(m, xi), axis=1, where=mk(m, [[False], [True]])),
        "sum(where= not broadcastable) -> ValueError": lambda m: m.sum(mk(m, x),
                                                                      where=mk(m, [True, False])),
        "mean(where=row)": lambda m: m.mean(mk(m, x), axis=1, where=mk(m, row)),
        "std(where=column, ddof=1)": lambda m: m.std(mk(m, x), axis=0, ddof=1,
                                                     where=mk(m, [[True], [False]])),
        "nanmean(where=)": lambda m: m.nanmean(mk(m, x), axis=0, where=mk(m, [[True], [False]])),
        "nanmax(where=, initial=)": lambda m: m.nanmax(mk(m, x), axis=1, where=mk(m, row),
                                                       initial=0.0),
    }.items():
        col(same, fn, label, 1e-12)
    col.done()


def test_mean_keywords():
    need("mean")
    col = Collector()
    x, xi = _KW_X, _KW_XI
    col(same, lambda m: m.mean(mk(m, np.array(2.0)), axis=1), "mean(0-d, axis=1) -> AxisError")
    col(same, lambda m: m.mean(mk(m, np.array(2.0)), axis=()), "mean(0-d, axis=())")
    col(same, _filled_out(lambda m, o: m.mean(mk(m, x, "float16"), axis=1, out=o),
                          np.zeros(2, "float16")), "mean(float16, out=float16)", 2e-3)
    col(same, lambda m: m.mean(mk(m, [1.0, 2.0, 4.0], "float16")), "mean(float16) scalar", 2e-3)
    col(same, _filled_out(lambda m, o: m.mean(mk(m, xi), axis=1, out=o), np.zeros(2, "int64")),
        "mean(int8, out=int64)")
    col(same, lambda m: m.mean([1, 2, 4]), "mean(list)", 1e-13)
    col.done()
