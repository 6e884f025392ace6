"""Numerical helpers against numpy: diff, ediff1d, gradient, trapezoid, cumulative_sum,
cumulative_prod and unwrap over every dtype family (booleans, integers that wrap, floats with
NaN and infinities, complex, datetimes and timedeltas with NaT), every shape case and axis
(empty, 0-d, 3-d, strided, reversed, transposed), broadcast prepend/append, spacing scalars
and coordinate arrays, and numpy's errors and warnings. Also the helpers that already
existed: sinc, i0, round/around, clip, trim_zeros, ptp, count_nonzero, nonzero, flatnonzero,
argwhere, extract, select, nanargmin/nanargmax.

Values are compared bit for bit (same operations in the same order as numpy), except sinc
and i0, whose transcendental functions may differ from numpy's by a few units in the last
place."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rumpy as rp
from conftest import (ALL_DTYPES, FLOAT_DTYPES, INEXACT_DTYPES, SHAPE_CASE_NAMES,
                      SHAPE_CASES, Collector, P, _apply, assert_outcomes, assert_same, both,
                      check, make_pair, sample, to_rp)

NAMES = {"nan": float("nan"), "inf": float("inf"), "pi": np.pi}
TIME_DTYPES = ["M8[D]", "M8[s]", "m8[ms]", "m8[D]"]
AXES = [-1, 0, 1, 2, -3]


def time_pair(case, dtype):
    """P(rp, np) of a datetime/timedelta array for a SHAPE_CASES entry, with a NaT."""
    shape, op = SHAPE_CASES[case]
    ticks = sample(shape, "int64") * 1000 + 7
    if ticks.size > 2:
        ticks.reshape(-1)[2] = np.iinfo(np.int64).min  # NaT
    nb = ticks.view(dtype)
    rb = to_rp(ticks).view(dtype)
    return P(_apply(rb, op), _apply(nb, op))


def special(dtype):
    """P(rp, np): a 1-d array with NaN, infinities and signed zeros (for inexact dtypes)."""
    vals = [1.5, np.nan, -np.inf, 0.0, -0.0, np.inf, -2.25, 3.0, np.inf, 4.0]
    n = np.array(vals, dtype=dtype)
    if n.dtype.kind == "c":
        n = n + 1j * np.array(vals[::-1], dtype=dtype).real
    return P(to_rp(n), n)


def warned(src, **names):
    """Evaluate ``src`` with each library; return (rp, np) sorted warning class names."""
    out = []
    for m in (rp, np):
        ns = {"m": m, **NAMES}
        for k, v in names.items():
            ns[k] = (v.rp if m is rp else v.np) if isinstance(v, P) else v
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                eval(src, ns)
            except Exception:  # noqa: BLE001  (the outcome is compared by check)
                pass
        out.append(sorted({x.category.__name__ for x in w}))
    return out


def check_warns(src, **names):
    r, n = warned(src, **names)
    assert r == n, f"{src}: rumpy warned {r}, numpy warned {n}"


# ---------------------------------------------------------------------------
# diff
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_diff_shapes_and_dtypes(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for axis in AXES:
        for n in (1, 2, 3):
            c(check, f"m.diff(a, {n}, axis={axis})", a=a)
        c(check, f"m.diff(a, axis={axis}, prepend=a.dtype.type(1))", a=a)
        c(check, f"m.diff(a, axis={axis}, append=0, prepend=1)", a=a)
        c(check, f"m.diff(a, 2, axis={axis}, prepend=a, append=a)", a=a)
        c(check, f"m.diff(a, n=0, axis={axis})", a=a)
    c.done()


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", TIME_DTYPES)
def test_diff_times(dtype, case):
    a = time_pair(case, dtype)
    c = Collector()
    for axis in AXES:
        c(check, f"m.diff(a, axis={axis}).view('i8')", a=a)
        c(check, f"m.diff(a, 2, axis={axis}).view('i8')", a=a)
        c(check, f"m.diff(a, axis={axis}, prepend=a).view('i8')", a=a)
        c(check, f"m.diff(a, axis={axis}, append=a).dtype", a=a)
    c.done()


@pytest.mark.parametrize("dtype", INEXACT_DTYPES)
def test_diff_special_values(dtype):
    c = Collector()
    for e in ["m.diff(a)", "m.diff(a, 2)", "m.diff(a, 5)", "m.diff(a[::-1], prepend=nan)",
              "m.diff(a, append=[inf, -inf])"]:
        c(check, e, a=special(dtype), **NAMES)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.diff(x)", "m.diff(x, 10)", "m.diff(x, True)", "m.diff([1, 4, 9, 16])",
    "m.diff((1, 4, 9), 2)", "m.diff(m.array([0, 255, 3], 'u1'))",
    "m.diff(m.array([-128, 127], 'i1'))", "m.diff(m.array([1, 2**63 - 1, -2**63]))",
    "m.diff(m.array([True, False, False, True]), 2)",
    "m.diff(m.arange(12).reshape(3, 4), axis=-2, prepend=0)",
    "m.diff(m.arange(12).reshape(3, 4), prepend=0, append=[[1], [2], [3]])",
    "m.diff(m.arange(12).reshape(3, 4), prepend=m.zeros((3, 2)))",
    "m.diff(m.arange(12).reshape(3, 4), prepend=m.zeros((3, 2), 'f4'), axis=1)",
    "m.diff(m.arange(12).reshape(3, 4), append=1.5)",
    "m.diff(m.arange(12).reshape(3, 4), append=m.arange(4), axis=0)",
    "m.diff(m.arange(12).reshape(3, 4), append=m.arange(4).reshape(1, 4), axis=0)",
    "m.diff(m.arange(4, dtype='i1'), prepend=m.array([300]))",
    "m.diff(m.arange(4, dtype='u1'), prepend=0)", "m.diff(m.arange(4, dtype='u1'), append=-1)",
    "m.diff(m.array([True, False]), prepend=1)", "m.diff(m.array([True, False]), prepend=True)",
    "m.diff(m.array([True, False]), prepend=m.array([0.5]))",
    "m.diff(m.zeros(0), prepend=1)", "m.diff(m.zeros(0), append=[1, 2, 4])",
    "m.diff(m.zeros((2, 0)), axis=1)", "m.diff(m.zeros(1))",
    "m.diff(m.array([1, 2], dtype=object))", "m.diff(m.array([1.5, 2], dtype=object), 2)",
    "m.diff(m.array(['2001-01-01', '2001-03-01'], 'M8[D]'), prepend=m.datetime64('2000-01-01'))",
    "m.diff(m.array([1, 5], 'm8[s]'), append=m.timedelta64(3, 'm'))",
    "m.diff(m.array(['2001-01-01', '2001-03-01'], 'M8')).dtype",
    "m.diff(m.array([1, 2, 4], '>i4'))", "m.diff(m.array([1, 2, 4], '>f8'), prepend=0)",
    "m.diff(m.array([1, 2, 4]), prepend=m.array([1], '>f4'))",
    "m.diff(m.array([3, 1, 2]), n=m.int8(2))",
])
def test_diff_cases(expr):
    check(expr, x=P(rp.array([1, 4, 9, 16, 25]), np.array([1, 4, 9, 16, 25])))


@pytest.mark.parametrize("expr", [
    "m.diff(x, -1)", "m.diff(x, 1.5)", "m.diff(x, '1')", "m.diff(x, None)", "m.diff(m.array(5))",
    "m.diff(5)", "m.diff(x, axis=1)", "m.diff(x, axis=-2)", "m.diff(x, axis=1.0)",
    "m.diff(x, axis=None)", "m.diff(x, prepend=[[1]])", "m.diff(m.ones((2, 3)), prepend=[1, 2])",
    "m.diff(m.ones((2, 3)), append=m.ones((3, 3)))", "m.diff(x, prepend='a')",
    "m.diff(m.array(['a', 'b']))", "m.diff(m.array([b'a', b'b']))",
    "m.diff(m.array(['2001-01-01'], 'M8[D]'), prepend=1.5)",
    "m.diff(m.zeros(3), prepend=m.array(['2001-01-01'], 'M8[D]'))",
    "m.diff(m.array([1, 2], dtype=object), prepend=None)",
    "m.diff(x, 0, axis=5)", "m.diff(m.array(5), 0)", "m.diff(m.array(5), -1)",
])
def test_diff_errors(expr):
    check(expr, x=P(rp.array([1, 4, 9, 16]), np.array([1, 4, 9, 16])))


def test_diff_n0_returns_input_itself():
    for m in (np, rp):
        a = m.arange(3)
        assert m.diff(a, 0) is a
        lst = [1, 2]
        assert m.diff(lst, n=0) is lst


def test_diff_of_views_does_not_touch_the_input():
    n = np.arange(20.).reshape(4, 5) ** 2
    r = to_rp(n)
    check("m.diff(a[::-1, ::2], axis=0)", a=P(r, n))
    check("a", a=P(r, n))


# ---------------------------------------------------------------------------
# ediff1d
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_ediff1d_shapes_and_dtypes(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    c(check, "m.ediff1d(a)", a=a)
    c(check, "m.ediff1d(a, to_begin=a.dtype.type(1))", a=a)
    c(check, "m.ediff1d(a, to_end=a[..., :1], to_begin=m.zeros(2, a.dtype))", a=a)
    c(check, "m.ediff1d(a, to_end=1)", a=a)
    c(check, "m.ediff1d(a, to_begin=1.5)", a=a)
    c(check, "m.ediff1d(a, to_begin=[[1, 2]], to_end=[])", a=a)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.ediff1d(m.array([1, 2, 4, 7, 0]))", "m.ediff1d(m.array([[1, 2, 4], [1, 6, 24]]))",
    "m.ediff1d(m.array([1, 2, 4, 7, 0]), to_begin=-99, to_end=m.array([88, 99]))",
    "m.ediff1d(m.array([1, 2, 4], 'i1'), to_begin=-99)",
    "m.ediff1d(m.array([1, 2, 4], 'i1'), to_begin=300)",
    "m.ediff1d(m.array([1, 2, 4], 'i1'), to_begin=m.array([300, 1000]))",
    "m.ediff1d(m.array([1, 2, 4], 'i1'), to_begin=m.array([1], 'i8'))",
    "m.ediff1d(m.array([1, 2, 4], 'u1'), to_end=-1)",
    "m.ediff1d(m.array([1, 2, 4], 'u1'), to_end=m.array([-1]))",
    "m.ediff1d(m.array([1, 2, 4], 'f4'), to_end=m.array([1e300]))",
    "m.ediff1d(m.array([1, 2, 4.]), to_end=[[1, 2]])", "m.ediff1d(m.array([1, 2, 4.]), to_end=[])",
    "m.ediff1d([])", "m.ediff1d([], to_begin=1)", "m.ediff1d(5)", "m.ediff1d(5, to_end=[1, 2])",
    "m.ediff1d([1, 5, 2], to_begin=(1, 2))", "m.ediff1d(m.arange(6.).reshape(2, 3).T)",
    "m.ediff1d(m.array(['2001-01-01', '2001-03-01'], 'M8[D]'))",
    "m.ediff1d(m.array([1, 5], 'm8[s]'), to_begin=m.array([3], 'm8[s]'))",
    "m.ediff1d(m.array([1, 5], 'm8[s]'), to_begin=m.array([3], 'm8[m]'))",
    "m.ediff1d(m.array([1., nan, inf, 2, -inf]), to_end=nan)",
    "m.ediff1d(m.array([1, 2], dtype=object), to_end=m.array([None], dtype=object))",
])
def test_ediff1d_cases(expr):
    check(expr, **NAMES)


@pytest.mark.parametrize("expr", [
    "m.ediff1d(m.array([1, 2, 4], 'i1'), to_begin=1.5)",
    "m.ediff1d(m.array([1, 2, 4], 'i1'), to_end=m.array([1.5]))",
    "m.ediff1d(m.array([1, 2, 4], 'u1'), to_end=m.array([1], 'f2'))",
    "m.ediff1d(m.array([1, 2, 4.]), to_end=1j)", "m.ediff1d(m.array([1., 2]), to_begin='a')",
    "m.ediff1d(m.array([True, False]))", "m.ediff1d(m.array([True, False]), to_begin=True)",
    "m.ediff1d(m.array(['a', 'b']))", "m.ediff1d(m.array([1, 5], 'm8[s]'), to_begin=1.5)",
    "m.ediff1d(m.array(['2001-01-01', '2001-03-01'], 'M8[D]'), to_end=m.array([1], 'm8[D]'))",
])
def test_ediff1d_errors(expr):
    check(expr)


# ---------------------------------------------------------------------------
# gradient
# ---------------------------------------------------------------------------

GRAD_AXES = ["None", "0", "-1", "1", "(0, -1)", "(-1, 0)", "()", "2", "(0, 0)"]


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_gradient_shapes_and_dtypes(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for axis in GRAD_AXES:
        for edge in (1, 2):
            c(check, f"m.gradient(a, axis={axis}, edge_order={edge})", a=a)
        c(check, f"m.gradient(a, 0.5, axis={axis})", a=a)
        c(check, f"m.gradient(a, 3, axis={axis}, edge_order=2)", a=a)
    c.done()


@pytest.mark.parametrize("case", ["1d", "2d", "3d", "strided", "negstride", "transposed",
                                  "empty3d"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "float16", "int16", "uint8",
                                   "complex64"])
def test_gradient_spacings(dtype, case):
    """Scalars and coordinate arrays, one per axis, uniform or not, integer or float."""
    nf, rf, _, _ = make_pair(case, dtype)
    a = P(rf, nf)
    c = Collector()
    coords = {}
    for ax, size in enumerate(nf.shape):
        k = np.arange(size)
        coords[ax] = [k * 2, (k ** 2 + k).astype("f4"), np.cumsum(k % 3 + 0.5),
                      (k * 3).astype("u1")[::-1]]
    for ax, cands in coords.items():
        for i, x in enumerate(cands):
            xs = P(to_rp(x), x)
            for edge in (1, 2):
                c(check, f"m.gradient(a, x, axis={ax}, edge_order={edge})", a=a, x=xs)
                c(check, f"m.gradient(a, x, axis={ax - nf.ndim}, edge_order={edge})", a=a, x=xs)
    if nf.ndim >= 2:
        x0, x1 = coords[0][2], coords[1][1]
        c(check, "m.gradient(a, x0, x1, axis=(0, 1))", a=a, x0=P(to_rp(x0), x0),
          x1=P(to_rp(x1), x1))
        c(check, "m.gradient(a, x1, 2.0, axis=(1, 0), edge_order=2)", a=a, x1=P(to_rp(x1), x1))
        c(check, "m.gradient(a, *sp)", a=a, sp=P(*[[2.0] + [0.25] * (nf.ndim - 1)] * 2))
    c.done()


@pytest.mark.parametrize("dtype", INEXACT_DTYPES)
def test_gradient_special_values(dtype):
    c = Collector()
    a = special(dtype)
    x = P(rp.array([0, 1, 1.5, 3, 4, 6.5, 7, 8, 10, 10.25]),
          np.array([0, 1, 1.5, 3, 4, 6.5, 7, 8, 10, 10.25]))
    for e in ["m.gradient(a)", "m.gradient(a, edge_order=2)", "m.gradient(a, x)",
              "m.gradient(a, x, edge_order=2)", "m.gradient(a[::-1], 0.1)",
              "m.gradient(a, m.float32(0.1))", "m.gradient(a, inf)"]:
        c(check, e, a=a, x=x, **NAMES)
    c.done()


@pytest.mark.parametrize("case", ["1d", "2d", "3d", "negstride", "transposed"])
@pytest.mark.parametrize("dtype", TIME_DTYPES)
def test_gradient_times(dtype, case):
    a = time_pair(case, dtype)
    c = Collector()
    for e in ["m.gradient(a, axis=-1)", "m.gradient(a, axis=0, edge_order=2)",
              "m.gradient(a, 2.0, axis=-1)", "m.gradient(a, 3, axis=0)",
              "m.gradient(a, m.arange(a.shape[-1]) ** 2, axis=-1, edge_order=2)"]:
        c(check, f"({e}).view('i8')", a=a)
        c(check, f"({e}).dtype", a=a)
    c(check, "[g.view('i8') for g in m.gradient(a)] if a.ndim > 1 else m.gradient(a).view('i8')",
      a=a)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.gradient(m.array([1, 2, 4, 7, 11, 16]))", "m.gradient([1, 2, 4])",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16], 'f4'), 2)",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16], 'f4'), m.float64(2.0))",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16], 'f4'), m.array(2.0))",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16], 'f4'), m.array([0, 1, 1.5, 3.5, 4, 6]))",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16], 'f4'), m.array([0, 2, 4, 6, 8, 10]))",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16], 'f4'), m.array([10, 8, 4, 6, 2, 0], 'u1'))",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16.]), [0, 1, 1.5, 3.5, 4, 6], edge_order=2)",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16.]), 2.0, edge_order=2)",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16.]), 0)",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16.]), 0.)",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16.]), 1j)",
    "m.gradient(m.array([1, 2, 4, 7, 11, 16.]), m.array([1, 1, 2, 3, 4, 6.]))",
    "m.gradient(m.array([1, 2, 4, 8.]), edge_order=0)",
    "m.gradient(m.array([1, 2, 4, 8.]), edge_order=1.5)",
    "m.gradient(m.array([1, 2, 4, 8.]), edge_order=True)",
    "m.gradient(m.array(5.))", "m.gradient(m.array(5.), 2.0)", "m.gradient(m.array(5.), axis=())",
    "m.gradient(m.array([1, 2, 4], 'i8'), axis=None)",
    "m.gradient(m.array([2**62, -2**62, 2**62]))",
    "m.gradient(m.array([0, 255, 0], 'u1'))", "m.gradient(m.array([-128, 127, -128], 'i1'))",
    "m.gradient(m.array([1, 2, 4], '>f8'))", "m.gradient(m.array([1, 2, 4], '>i2'), 0.5)",
    "m.gradient(m.arange(12.).reshape(3, 4) ** 2, axis=[1, 0])",
    "m.gradient(m.arange(12.).reshape(3, 4) ** 2, 2., 3.)",
    "m.gradient(m.arange(12.).reshape(3, 4) ** 2, m.array([0, 1, 3.]), axis=-2)",
    "m.gradient(m.arange(12.).reshape(3, 4) ** 2, m.array([0, 1, 3, 4.]), 2., axis=(1, 0))",
    "m.gradient(m.arange(12.).reshape(3, 4) ** 2, 2., m.array([0, 1, 3, 4.]), edge_order=2)",
    "m.gradient(m.arange(24.).reshape(2, 3, 4)[:, ::-1, ::2] ** 2)",
    "m.gradient(m.arange(24.).reshape(2, 3, 4).T ** 2, edge_order=2)",
    "m.gradient(m.array([1, 2, 4], dtype=object))",
    "m.gradient(m.array([1., 2, 4], dtype=object), 2.0)",
    "m.gradient(m.ones((3, 0)), axis=0)",
])
def test_gradient_cases(expr):
    check(expr, **NAMES)


@pytest.mark.parametrize("expr", [
    "m.gradient(m.array([1, 2, 4.]), edge_order=3)", "m.gradient(m.array([1, 2.]), edge_order=2)",
    "m.gradient(m.array([1.]))", "m.gradient(m.array([]))", "m.gradient(m.ones((3, 0)))",
    "m.gradient(m.array([1, 2, 4.]), 1, 2)", "m.gradient(m.array([1, 2, 4.]), [1, 2])",
    "m.gradient(m.array([1, 2, 4.]), [[1, 2, 3]])", "m.gradient(m.array([1.]), [3])",
    "m.gradient(m.array([1, 2, 4.]), m.array([[1, 2, 3]]))",
    "m.gradient(m.ones((3, 4)), 1., 2., 3.)", "m.gradient(m.ones((3, 4)), [1, 2, 3])",
    "m.gradient(m.ones((3, 4)), axis=2)", "m.gradient(m.ones((3, 4)), axis=(0, 0))",
    "m.gradient(m.ones((3, 4)), axis=1.0)", "m.gradient(m.ones((3, 4)), axis=(0, -3))",
    "m.gradient(m.array([True, False, True]))", "m.gradient(m.array(['a', 'b', 'c']))",
    "m.gradient(m.array([1, 2, 4.]), 'a')", "m.gradient(m.array([1, 2, 4.]), ['a', 'b', 'c'])",
    "m.gradient(m.array([1, 2, 4.]), 0, edge_order=2)",
    "m.gradient(m.array([1, 2, 4.]), edge_order=None)",
    "m.gradient(m.array([1, 2.]), edge_order=0)",
    "m.gradient(m.array(['2001-01-01', '2001-01-02', '2001-01-04'], 'M8[D]'), 1j)",
])
def test_gradient_errors(expr):
    check(expr)


# ---------------------------------------------------------------------------
# trapezoid
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_trapezoid_shapes_and_dtypes(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for axis in AXES:
        c(check, f"m.trapezoid(a, axis={axis})", a=a)
        c(check, f"m.trapezoid(a, dx=0.5, axis={axis})", a=a)
        c(check, f"m.trapezoid(a, dx=3, axis={axis})", a=a)
        c(check, f"m.trapezoid(a, x=a, axis={axis})", a=a)
        c(check, f"m.trapezoid(a, x=m.arange(a.shape[{axis}]) ** 2, axis={axis})", a=a)
    c.done()


@pytest.mark.parametrize("dtype", INEXACT_DTYPES)
def test_trapezoid_special_values(dtype):
    c = Collector()
    for e in ["m.trapezoid(a)", "m.trapezoid(a, dx=0.1)", "m.trapezoid(a, x=a.real)",
              "m.trapezoid(a[::-1], x=m.arange(10.) ** 1.5)", "m.trapezoid(a, dx=inf)"]:
        c(check, e, a=special(dtype), **NAMES)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.trapezoid([1, 2, 3])", "m.trapezoid(m.array([1, 2, 3]), dx=2)",
    "m.trapezoid(m.array([1, 2, 3], 'f4'), dx=m.float64(2))",
    "m.trapezoid(m.array([1, 2, 3], 'f4'), dx=m.float32(0.1))",
    "m.trapezoid(m.array([1, 2, 3], 'f4'), dx=2**20)",
    "m.trapezoid(m.array([100, 100, 3], 'i1'))", "m.trapezoid(m.array([1, 2, 3]), x=[4, 6, 8])",
    "m.trapezoid(m.array([1, 2, 3]), x=m.array([8, 6, 4], 'u1'))",
    "m.trapezoid(m.array([1, 2, 3], 'f4'), x=m.array([8, 6, 4], 'f4'))",
    "m.trapezoid(m.array([1, 2, 3], 'f2'), x=m.array([8, 6, 4], 'f2'))",
    "m.trapezoid(m.array([1., 2, 3]), dx=1j)", "m.trapezoid(m.array([1., 2, 3]), dx=True)",
    "m.trapezoid(m.array([1., 2, 3]), dx=1)",
    "m.trapezoid(m.array([]))", "m.trapezoid(m.array([1.]))",
    "m.trapezoid(m.arange(12.).reshape(3, 4), x=m.arange(4.) ** 2)",
    "m.trapezoid(m.arange(12.).reshape(3, 4), x=m.arange(3.) ** 2, axis=0)",
    "m.trapezoid(m.arange(12.).reshape(3, 4), x=m.arange(12.).reshape(3, 4) ** 2, axis=0)",
    "m.trapezoid(m.arange(12.).reshape(3, 4), x=m.arange(4.).reshape(1, 4) ** 2)",
    "m.trapezoid(m.arange(12.).reshape(3, 4), dx=m.array([1., 2, 3]).reshape(3, 1))",
    "m.trapezoid(m.arange(12.).reshape(3, 4), dx=m.array([[1., 2, 3]]))",
    "m.trapezoid(m.arange(24.).reshape(2, 3, 4)[::-1, :, ::2], axis=1)",
    "m.trapezoid(m.array([1, 2, 3], 'm8[s]'))",
    "m.trapezoid(m.array([1., 2, 3]), x=m.array(['2001-01-01', '2001-01-02', '2001-01-04'], "
    "'M8[D]'))",
    "m.trapezoid(m.zeros((0, 3)), axis=0)", "m.trapezoid(m.zeros((0, 3)), axis=1)",
    "m.trapezoid(m.array([1, 2, 3], dtype=object))",
    "m.trapezoid(m.array([1, 2, 3], '>f8'), x=m.array([1, 2, 4], '>i4'))",
])
def test_trapezoid_cases(expr):
    check(expr, **NAMES)


@pytest.mark.parametrize("expr", [
    "m.trapezoid(m.array(5.))", "m.trapezoid(m.array([1, 2, 3]), x=[4, 6])",
    "m.trapezoid(m.arange(12.).reshape(3, 4), x=m.arange(3.))",
    "m.trapezoid(m.arange(12.).reshape(3, 4), axis=2)",
    "m.trapezoid(m.arange(12.).reshape(3, 4), axis=1.0)",
    "m.trapezoid(m.arange(12.).reshape(3, 4), x=m.ones((2, 4)))",
    "m.trapezoid(m.array(['a', 'b']))", "m.trapezoid(m.array([1, 2]), dx='a')",
    "m.trapezoid(m.array([1, 2, 3]), x=m.array(5.))",
    "m.trapezoid(m.array(['2001-01-01', '2001-01-02'], 'M8[D]'))",
])
def test_trapezoid_errors(expr):
    check(expr)


# ---------------------------------------------------------------------------
# cumulative_sum, cumulative_prod
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("func", ["cumulative_sum", "cumulative_prod"])
@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_cumulative_shapes_and_dtypes(dtype, case, func):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for axis in ["None"] + [str(x) for x in AXES]:
        for init in (False, True):
            c(check, f"m.{func}(a, axis={axis}, include_initial={init})", a=a)
        c(check, f"m.{func}(a, axis={axis}, dtype='f8')", a=a)
        c(check, f"m.{func}(a, axis={axis}, dtype='i1', include_initial=True)", a=a)
    c.done()


@pytest.mark.parametrize("func", ["cumulative_sum", "cumulative_prod"])
@pytest.mark.parametrize("dtype", INEXACT_DTYPES)
def test_cumulative_special_values(dtype, func):
    check(f"m.{func}(a)", a=special(dtype))
    check(f"m.{func}(a[::-1], include_initial=True)", a=special(dtype))


@pytest.mark.parametrize("expr", [
    "m.cumulative_sum(m.array([True, True]))",
    "m.cumulative_sum(m.array([True, True]), dtype=bool)",
    "m.cumulative_sum(m.array([1, 2, 3], 'u4'), dtype='f4')",
    "m.cumulative_sum(m.array([100, 100], 'i1'), dtype='i1')",
    "m.cumulative_sum(m.array(5), include_initial=True)", "m.cumulative_sum(5)",
    "m.cumulative_sum([1, 2])", "m.cumulative_sum((1.5, 2), include_initial=True)",
    "m.cumulative_sum(m.array([]), include_initial=True)",
    "m.cumulative_sum(m.arange(6).reshape(2, 3), axis=-2, include_initial=True)",
    "m.cumulative_sum(m.arange(6), 0)", "m.cumulative_sum(m.arange(6), axis=m.int8(0))",
    "m.cumulative_sum(m.zeros((2, 0)), axis=1, include_initial=True)",
    "m.cumulative_sum(m.zeros((2, 0)), axis=0, include_initial=True)",
    "m.cumulative_sum(m.array([1, 2], 'm8[s]'))",
    "m.cumulative_sum(m.array([1, 2], 'm8[s]'), include_initial=True)",
    "m.cumulative_sum(m.array([1, 2], dtype=object), include_initial=True)",
    "m.cumulative_prod(m.array([1, 2], dtype=object), include_initial=True)",
    "m.cumulative_sum(m.array([1, 2, 3], '>i4'))", "m.cumulative_prod(m.array([1, 2, 3], '>f8'))",
    "m.cumulative_prod(m.arange(1, 7).reshape(2, 3), axis=0, include_initial=True, dtype='f4')",
    "m.cumulative_prod(m.array([2**40, 2**40]))", "m.cumulative_prod(m.array([1e300, 1e300]))",
    "m.cumulative_prod(m.arange(1, 7).reshape(2, 3), axis=1, out=m.zeros((2, 3)))",
    "m.cumulative_prod(m.arange(1, 7).reshape(2, 3), axis=1, out=m.zeros((2, 4)), "
    "include_initial=True)",
    "m.cumulative_sum(m.arange(1, 7).reshape(2, 3), axis=0, out=m.zeros((3, 3), 'i1'), "
    "include_initial=True)",
])
def test_cumulative_cases(expr):
    check(expr)


@pytest.mark.parametrize("expr", [
    "m.cumulative_sum(m.arange(6).reshape(2, 3))", "m.cumulative_prod(m.ones((2, 2, 2)))",
    "m.cumulative_sum(m.arange(6).reshape(2, 3), axis=2)",
    "m.cumulative_sum(m.arange(6).reshape(2, 3), axis=(0, 1))",
    "m.cumulative_sum(m.arange(6).reshape(2, 3), axis=1.0)",
    "m.cumulative_sum(m.arange(6), axis=1)", "m.cumulative_sum(m.array(5), axis=1)",
    "m.cumulative_sum(m.array(['2001-01-01'], 'M8[D]'))", "m.cumulative_sum(m.array(['a', 'b']))",
    "m.cumulative_prod(m.array([1, 2], 'm8[s]'))",
    "m.cumulative_sum(m.arange(6.).reshape(2, 3), axis=1, out=m.zeros((2, 3), 'i1'))",
    "m.cumulative_sum(m.arange(6.).reshape(2, 3), axis=1, out=m.zeros((2, 4), 'i1'), "
    "include_initial=True)",
    "m.cumulative_prod(m.arange(1, 7).reshape(2, 3), axis=1, out=m.zeros((2, 3)), "
    "include_initial=True)",
    "m.cumulative_sum(m.arange(3), dtype='x')", "m.cumulative_sum(m.arange(3.), dtype='i4')",
    "m.cumulative_sum(m.arange(3), 0, None)",
])
def test_cumulative_errors(expr):
    check(expr)


def test_cumulative_out_is_returned():
    for m in (np, rp):
        out = m.zeros(4)
        assert m.cumulative_sum(m.arange(3.), out=out, include_initial=True) is out
        out = m.zeros(3)
        assert m.cumulative_prod(m.arange(1., 4.), out=out) is out
    check("m.cumulative_sum(m.arange(3.), out=o, include_initial=True) + o",
          o=P(rp.full(4, 7.0), np.full(4, 7.0)))


# ---------------------------------------------------------------------------
# unwrap
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_unwrap_shapes_and_dtypes(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for axis in AXES:
        c(check, f"m.unwrap(a, axis={axis})", a=a)
        c(check, f"m.unwrap(a, axis={axis}, period=8)", a=a)
        c(check, f"m.unwrap(a, axis={axis}, period=7, discont=5)", a=a)
        c(check, f"m.unwrap(a, 1.0, axis={axis}, period=5.5)", a=a)
    c.done()


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
def test_unwrap_phases(dtype):
    t = np.linspace(0, 40, 301).astype(dtype)
    c = Collector()
    for period, mod in [("2 * pi", 2 * np.pi), ("360", 360), ("1.0", 1.0), ("4", 4)]:
        w = (t * (mod / 7)) % mod - mod / 2
        w = w.astype(dtype)
        a = P(to_rp(w), w)
        c(check, f"m.unwrap(a, period={period})", a=a, **NAMES)
        c(check, f"m.unwrap(a[::-3], period={period})", a=a, **NAMES)
        c(check, f"m.unwrap(a.reshape(7, 43), axis=0, period={period})", a=a, **NAMES)
        c(check, f"m.unwrap(a, discont=0.1, period={period})", a=a, **NAMES)
    c.done()


@pytest.mark.parametrize("dtype", INEXACT_DTYPES)
def test_unwrap_special_values(dtype):
    check("m.unwrap(a)", a=special(dtype))
    check("m.unwrap(a, period=3)", a=special(dtype))


@pytest.mark.parametrize("expr", [
    "m.unwrap(m.array([0, 1, 2, -1, 0]), period=4)",
    "m.unwrap(m.array([2, 3, 4, 5, 2, 3, 4, 5]), period=4)",
    "m.unwrap(m.array([2, 3, 4, 5, 2, 3, 4, 5]), period=5)",
    "m.unwrap(m.array([2, 3, 4, 5, 2, 3, 4, 5], 'u1'), period=4)",
    "m.unwrap(m.array([2, 3, 4, 5, 2, 3, 4, 5], 'i1'), period=m.int8(4))",
    "m.unwrap(m.array([2, 3, 4, 5, 2, 3, 4, 5], 'i1'), period=4.0)",
    "m.unwrap(m.array([2, 3, 4, 5, 2, 3, 4, 5]))",
    "m.unwrap(m.array([-180, -140, 0, 170, -170, 180]), period=360)",
    "m.unwrap(m.array([-180, -140, 0, 170, -170, 180]), period=360, discont=200)",
    "m.unwrap(m.array([-180, -140, 0, 170, -170, 180]), period=m.int16(360))",
    "m.unwrap(m.array([-180., -140, 0, 170, -170, 180]), period=360, discont=10)",
    "m.unwrap(m.array([0., pi, 2 * pi, -pi, 0]))", "m.unwrap(m.array([0., -pi, pi, -pi]))",
    "m.unwrap(m.array([0., 3.5, nan, 0.1, inf, 1]))", "m.unwrap(m.array([True, False, True]))",
    "m.unwrap(m.array([]))", "m.unwrap(m.array([1.]))", "m.unwrap([0, 4, 8.])",
    "m.unwrap(m.array([0, 4, 8.]), period=0)", "m.unwrap(m.array([0, 4, 8.]), period=-3)",
    "m.unwrap(m.array([0, 4, 8.]), discont=m.array([[1.], [5]]))",
    "m.unwrap(m.array([0, 4, 8.]), period=m.array(3.))",
    "m.unwrap(m.arange(24.).reshape(2, 3, 4)[::-1, :, ::-2] * 2.5, axis=1)",
    "m.unwrap(m.array([0, 4, 8], '>f8'), period=m.float32(3))",
    "m.unwrap(m.array([0, 4, 8], 'f4'), period=m.float64(3))",
])
def test_unwrap_cases(expr):
    check(expr, **NAMES)


@pytest.mark.parametrize("expr", [
    "m.unwrap(m.array(5.))", "m.unwrap(5)", "m.unwrap(m.array([1., 2]), axis=1)",
    "m.unwrap(m.array([1., 2]), axis=None)", "m.unwrap(m.array([0, 4, 8]), period=0)",
    "m.unwrap(m.array([1j, 2]))", "m.unwrap(m.array(['a', 'b']))",
    "m.unwrap(m.array([1., 2]), period='a')", "m.unwrap(m.array([1., 2]), discont='a')",
    "m.unwrap(m.array([0, 4, 8.]), discont=m.ones((2, 3)))",
    "m.unwrap(m.array(['2001-01-01', '2001-01-02'], 'M8[D]'))",
])
def test_unwrap_errors(expr):
    check(expr)


# ---------------------------------------------------------------------------
# warnings of the new functions
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("expr", [
    "m.gradient(m.array([1., 2, 4]), 0)", "m.gradient(m.array([1., 2, 4]), 0.0)",
    "m.gradient(m.array([1., inf, -inf, 4]))",
    "m.gradient(m.array([1., 2, 4]), m.array([1., 1, 2]))",
    "m.gradient(m.array([1., 2, 4]), 1j)", "m.gradient(m.array([1., 2, 4, 5]), 0.0, edge_order=2)",
    "m.diff(m.array([inf, inf]))", "m.diff(m.array([-128, 127], 'i1'))",
    "m.trapezoid(m.array([inf, -inf, 1]))", "m.trapezoid(m.array([1e308, 1e308, 1e308]))",
    "m.trapezoid(m.array([1., 2]), dx=1j)",
    "m.unwrap(m.array([0., inf, 1, nan]))", "m.unwrap(m.array([0., 4, 8]), period=0)",
    "m.cumulative_prod(m.array([1e300, 1e300]))", "m.cumulative_sum(m.array([inf, -inf]))",
    "m.ediff1d(m.array([inf, inf]), to_begin=0)",
])
def test_warnings(expr):
    check_warns(expr)


# ---------------------------------------------------------------------------
# property tests
# ---------------------------------------------------------------------------

_VALUES = st.sampled_from([0.0, -0.0, 1.0, -1.0, 2.5, -7.25, 1e300, float("nan"), float("inf"),
                           -float("inf"), 3.0, 0.125])


@settings(max_examples=150, deadline=None)
@given(st.lists(_VALUES, min_size=1, max_size=40), st.integers(0, 4),
       st.sampled_from(["f8", "f4", "i8", "i1", "u2", "c16", "?"]),
       st.sampled_from([(-1,), (2, -1), (-1, 2)]), st.integers(-2, 1), st.booleans())
def test_property_diff_is_numpys(values, n, dtype, shape, axis, flip):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v = np.array(values)
        if dtype[0] in "iu?":
            v = np.nan_to_num(v, posinf=3, neginf=-5).clip(-100, 100)
        a = v.astype(dtype)
        if shape != (-1,):
            k = a.size - a.size % 2
            a = a[:k].reshape(shape)
        if flip:
            a = a[::-1]
    r, nn = both(lambda m: m.diff(a if m is np else to_rp(np.ascontiguousarray(a)), n, axis))
    assert_outcomes(r, nn, msg=f"diff {dtype} {a.shape} n={n} axis={axis}")


@settings(max_examples=150, deadline=None)
@given(st.lists(_VALUES, min_size=1, max_size=40), st.sampled_from(["f8", "f4", "i4", "c8"]),
       st.sampled_from([1, 2]), st.sampled_from(["none", "scalar", "coords", "intcoords"]),
       st.sampled_from([(-1,), (2, -1), (-1, 2)]), st.integers(-2, 1))
def test_property_gradient_is_numpys(values, dtype, edge, spacing, shape, axis):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v = np.array(values)
        if dtype[0] == "i":
            v = np.nan_to_num(v, posinf=3, neginf=-5).clip(-100, 100)
        a = v.astype(dtype)
        if shape != (-1,):
            k = a.size - a.size % 2
            a = a[:k].reshape(shape)
    ax_len = a.shape[axis] if -a.ndim <= axis < a.ndim else 1
    args = {"none": [], "scalar": [0.75],
            "coords": [np.cumsum(np.arange(ax_len) % 3 + 0.5)],
            "intcoords": [np.arange(ax_len)[::-1] * 3]}[spacing]

    def run(m):
        arr = a if m is np else to_rp(a)
        sp = args if m is np else [to_rp(x) if isinstance(x, np.ndarray) else x for x in args]
        return m.gradient(arr, *sp, axis=axis, edge_order=edge)

    r, nn = both(run)
    assert_outcomes(r, nn, msg=f"gradient {dtype} {a.shape} {spacing} axis={axis} edge={edge}")


# ---------------------------------------------------------------------------
# helpers that already existed: sinc, i0, round/around, clip, trim_zeros, ptp,
# count_nonzero, nonzero, flatnonzero, argwhere, extract, select, nanargmin/nanargmax
# ---------------------------------------------------------------------------

def close(r, n):
    assert_same(r, n, nulp=4)


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_sinc_i0(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    c(check, "m.sinc(a)", a=a, compare=close)
    c(check, "m.sinc(a / 4)", a=a, compare=close)
    c(check, "m.i0(a)", a=a, compare=close)
    c(check, "m.i0(a * 3)", a=a, compare=close)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.sinc(m.array([0, 0.5, 1, -1.5, nan, inf, -inf, 1e-30]))", "m.sinc(0)", "m.sinc(0.25)",
    "m.sinc(m.array([0, 1, 2], 'i1'))", "m.sinc(m.array([0, 0.5+1j], 'c8'))", "m.sinc([])",
    "m.sinc([0, 1])", "m.i0(m.array([0, 1, 8, 8.5, 20, -3, nan, inf, -inf, 700]))", "m.i0(0)",
    "m.i0(5.0)", "m.i0([])", "m.i0([1, 9])", "m.i0(m.array([True]))",
    "m.i0(m.array([0, 1, 9], 'f2'))", "m.i0(m.array([1, 2], '>f8'))",
])
def test_sinc_i0_cases(expr):
    check(expr, compare=close, **NAMES)


@pytest.mark.parametrize("expr", [
    "m.i0(m.array([0, 1j]))", "m.i0(1j)", "m.i0(m.array(['a']))", "m.sinc(m.array(['a']))",
    "m.sinc(m.array(['2001-01-01'], 'M8[D]'))",
])
def test_sinc_i0_errors(expr):
    check(expr)


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_round(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for d in (0, 1, -1, 3, -2, 20, -20):
        if dtype == "bool" and d:
            continue  # test_core_error_classes
        c(check, f"m.round(a, {d})", a=a)
        c(check, f"m.around(a * 1.25, {d})", a=a)
        c(check, f"a.round({d})", a=a)
        c(check, f"m.round(a / 3, decimals={d})", a=a)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.round(m.array([0.5, 1.5, 2.5, -0.5, -1.5, 1.25, 2.675]), 1)",
    "m.round(m.array([0.5, 1.5, 2.5, -0.5, -1.5, 1.25, 2.675]))",
    "m.round(m.array([15, 25, -35, 127, -128], 'i1'), -1)",
    "m.round(m.array([15, 25, 35, 255], 'u1'), -1)", "m.round(m.array([15, 25, -35]), -2)",
    "m.round(m.array([123456789], 'i8'), -4)", "m.round(m.array([2**63 - 1]), -1)",
    "m.round(2.5)", "m.round(3.5)", "m.round(m.float32(2.5))", "m.round(m.array(2.5))",
    "m.round(m.float16(2.5), 1)", "m.round(5)", "m.round(m.int8(5), -1)", "m.round([1.25, 2.5])",
    "m.around(m.array([1.2345, nan, inf, -inf, -0.0]), 2)",
    "m.round(m.array([1+2.5j, 0.5-1.5j, complex(nan, 1.5)]))",
    "m.round(m.array([True, False]))",
    "m.round(m.array([1.5, 2.5]), -1)", "m.round(m.array([1.5, 2.5], 'f2'), 3)",
    "m.round(m.array([1.5, 2.5], 'f4'), 30)", "m.round(m.array([1e300, 1e-300]), 300)",
    "m.round(m.array([1.55, 2.5]), m.int8(1))",
    "m.round(m.array([1.5, 2.5]), out=m.zeros(2))", "m.round(m.array([1.5, 2.5]), 1, m.zeros(2))",
    "m.array([1.5, 2.5]).round(out=m.zeros(2, 'f4'))",
    "m.round(m.arange(6.).reshape(2, 3).T / 4, 1)",
])
def test_round_cases(expr):
    check(expr, **NAMES)


@pytest.mark.parametrize("expr", [
    "m.round(m.array([1.5, 2.5]), 1.5)", "m.round(m.array([1.5, 2.5]), '1')",
    "m.round(m.array(['a']))", "m.round(m.array([1.5]), out=m.zeros(2))",
    "m.array([1.5, 2.5]).round(1.5)",
])
def test_round_errors(expr):
    check(expr)


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_clip(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for lo, hi in [("2", "5"), ("-3", "None"), ("None", "4"), ("a.dtype.type(1)", "7"),
                   ("1.5", "2.5"), ("m.int8(-1)", "m.int8(3)"), ("5", "2")]:
        c(check, f"m.clip(a, {lo}, {hi})", a=a)
        c(check, f"m.clip(a, min={lo}, max={hi})", a=a)
        c(check, f"m.clip(a, a_min={lo}, a_max={hi})", a=a)
        c(check, f"a.clip({lo}, {hi})", a=a)
        c(check, f"a.clip(min={lo}, max={hi})", a=a)
    c(check, "m.clip(a, a[..., :1], 4)", a=a)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.clip(m.arange(10), min=2)", "m.clip(m.arange(10), max=7)", "m.clip(m.arange(10))",
    "m.clip(m.arange(10), None, None)", "m.clip(m.arange(10, dtype='u1'), -1, 300)",
    "m.clip(m.arange(10, dtype='i1'), 2.5, 7)", "m.clip(m.array([nan, 1, 5]), 2, 4)",
    "m.clip(m.array([1., 5, -0.0, 0.0]), nan, 4)", "m.clip(m.array([1., 5, -0.0]), 0.0, -0.0)",
    "m.clip(m.arange(10), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 8)", "m.clip(m.arange(10), 7, 2)",
    "m.arange(10).clip()", "m.arange(10).clip(max=2)", "m.clip(5, 1, 3)",
    "m.clip(m.array(5), 1, 3)",
    "m.clip(m.array([1+1j, 3-1j, 0j, complex(nan, 1)]), 1, 2+0j)",
    "m.clip(m.arange(4.), 1, 2, out=m.zeros(4))", "m.clip(m.arange(4.), 1, 2, m.zeros(4))",
    "m.clip(m.array(['2001-01-01', '2005-01-01', 'NaT'], 'M8[D]'), "
    "m.datetime64('2002-01-01'), m.datetime64('2003-01-01')).view('i8')",
    "m.clip(m.array([True, False]), 0, 1)", "m.clip(m.array([True, False]), False, True)",
    "m.clip(m.arange(5, dtype='f4'), m.float64(1.0), 2.0)",
    "m.clip(m.arange(5), 1, 3, dtype='f8')",
    "m.clip(m.arange(5), 1, 3, casting='unsafe', dtype='i1')",
    "m.clip(m.arange(5), 1, 3, where=m.arange(5) > 2, out=m.full(5, -1))",
    "m.clip(m.arange(6).reshape(2, 3), m.array([[1], [4]]), 4)",
])
def test_clip_cases(expr):
    check(expr, **NAMES)


@pytest.mark.parametrize("expr", [
    "m.clip(m.arange(10), 2)", "m.clip(m.arange(10), 2, 7, min=3)",
    "m.clip(m.arange(10), a_min=2, max=7)", "m.clip(m.arange(10), a_min=2)",
    "m.clip(m.arange(10), a_max=2)", "m.clip(m.arange(10), 2, 7, max=3)",
    "m.clip(m.arange(10), 2, 7, out=m.zeros(3))",
    "m.clip(m.arange(10), [1, 2], 5)", "m.clip(m.array(['a', 'b']), 'a', 'b')",
    "m.arange(10).clip(2, 7, min=3)", "m.clip(m.arange(10), 'a', 3)",
])
def test_clip_errors(expr):
    check(expr)


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_trim_zeros(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    # zeros at the borders of every axis
    n = np.pad(n, 1) if n.ndim else n
    a = P(to_rp(n), n)
    c = Collector()
    for trim in ("'fb'", "'f'", "'b'", "'BF'"):
        for axis in ("None", "0", "-1", "(0, -1)", "()"):
            c(check, f"m.trim_zeros(a, {trim}, axis={axis})", a=a)
        c(check, f"m.trim_zeros(a[::-1], trim={trim})", a=a)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.trim_zeros(m.array([0, 0, 1, 2, 0]))", "m.trim_zeros(m.array([0, 0, 1, 2, 0]), 'f')",
    "m.trim_zeros([0, 0, 1, 2, 0])", "m.trim_zeros((0, 0, 1, 2, 0), 'b')",
    "m.trim_zeros([0, 0, 0])", "m.trim_zeros(m.zeros(3), 'f')", "m.trim_zeros(m.zeros(3), 'b')",
    "m.trim_zeros(m.array([]))", "m.trim_zeros(m.array(0))", "m.trim_zeros(m.array(5))",
    "m.trim_zeros(m.array(5), axis=())", "m.trim_zeros([0, 1, 0], axis=0)",
    "m.trim_zeros(m.array([[0, 0, 2, 3, 0, 0], [0, 1, 0, 3, 0, 0], [0, 0, 0, 0, 0, 0]]))",
    "m.trim_zeros(m.array([[0, 0, 2, 3, 0, 0], [0, 1, 0, 3, 0, 0], [0, 0, 0, 0, 0, 0]]), axis=-1)",
    "m.trim_zeros(m.array([[0, 0, 2, 3, 0, 0], [0, 1, 0, 3, 0, 0], [0, 0, 0, 0, 0, 0]]), 'f', "
    "axis=(0, 1))",
    "m.trim_zeros(m.zeros((2, 3)), axis=1)", "m.trim_zeros(m.zeros((2, 3)), 'f', axis=1)",
    "m.trim_zeros(m.array([0., -0., nan, 0.]))",
    "m.trim_zeros(m.array([0, 1, None, 0], dtype=object))",
    "m.trim_zeros(m.array([None, 1, 0], dtype=object))", "m.trim_zeros(m.array([0j, 1j, 0j]))",
    "m.trim_zeros(m.array(['', 'a', '']))",
    "m.trim_zeros(m.array(['NaT', '2001-01-01', 'NaT'], 'M8[D]')).view('i8')",
    "m.trim_zeros(m.array([0, 1, 0], 'm8[s]'))",
    "m.trim_zeros(m.arange(12).reshape(3, 4)[::-1, ::-2] % 5, axis=1)",
])
def test_trim_zeros_cases(expr):
    check(expr, **NAMES)


def test_trim_zeros_returns_the_input_when_no_axis():
    for m in (np, rp):
        x = [0, 1, 0]
        assert m.trim_zeros(x, axis=()) is x
        a = m.array(0)
        assert m.trim_zeros(a) is a


@pytest.mark.parametrize("expr", [
    "m.trim_zeros(m.array([0, 1, 0]), '')", "m.trim_zeros(m.array([0, 1, 0]), 'fbf')",
    "m.trim_zeros(m.array([0, 1, 0]), 'x')", "m.trim_zeros(m.array([0, 1, 0]), 1)",
    "m.trim_zeros(m.array([0, 1, 0]), axis=1)", "m.trim_zeros(m.array([0, 1, 0]), axis=1.0)",
    "m.trim_zeros(m.ones((2, 2)), axis=(0, 0))", "m.trim_zeros([[0, 1], [0, 0]])",
    "m.trim_zeros(m.array(0), 'ff')",
])
def test_trim_zeros_errors(expr):
    check(expr)


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_ptp_and_counts(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for axis in ("None", "0", "1", "-1", "2", "(0, -1)", "()"):
        c(check, f"m.ptp(a, axis={axis})", a=a)
        c(check, f"m.ptp(a, {axis}, keepdims=True)", a=a)
        c(check, f"m.count_nonzero(a, axis={axis})", a=a)
        c(check, f"m.count_nonzero(a, axis={axis}, keepdims=True)", a=a)
    c(check, "a.ptp()", a=a)  # numpy 2 has no ndarray.ptp
    c.done()


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES + ["M8[D]", "U2"])
def test_nonzero_family(dtype, case):
    if dtype in ("M8[D]", "U2"):
        n, r, _, _ = make_pair(case, "int64")
        n = np.asarray(n % 3 if dtype == "U2" else n).astype(dtype)
        r = rp.array(n.tolist(), dtype=dtype) if n.size else rp.zeros(n.shape, dtype)
    else:
        n, r, _, _ = make_pair(case, dtype)
    a = P(r, n)
    c = Collector()
    for e in ["m.nonzero(a)", "a.nonzero()", "m.flatnonzero(a)", "m.argwhere(a)",
              "m.extract(a, a)", "m.extract(a, m.arange(a.size))",
              "m.count_nonzero(a)"]:
        c(check, e + (".view('i8')" if dtype == "M8[D]" and e.startswith("m.extract(a, a)")
                      else ""), a=a)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.nonzero(m.array([[0, 1, 2], [3, 0, 0]]))", "m.nonzero(m.array(1))", "m.nonzero(m.array(0))",
    "m.nonzero([])", "m.nonzero(m.zeros((2, 0, 3)))", "m.nonzero(m.array([0., nan, -0.0]))",
    "m.nonzero(m.arange(24).reshape(2, 3, 4)[::-1, ::2])", "m.nonzero([[1, 0], [0, 1]])",
    "m.nonzero(m.array([None, 0, 1, '', 'a'], dtype=object))",
    "m.flatnonzero(5)", "m.flatnonzero(0)", "m.flatnonzero([])", "m.flatnonzero([[0, 3], [4, 0]])",
    "m.flatnonzero(m.arange(6).reshape(2, 3).T)", "m.argwhere(m.array(1))",
    "m.argwhere(m.array(0))",
    "m.argwhere([])", "m.argwhere(m.zeros((2, 0)))", "m.argwhere(m.arange(6).reshape(2, 3).T)",
    "m.argwhere(5)", "m.argwhere(m.array([0., nan, -0.0, 1j]))",
    "m.extract(m.array([[0, 1, 2], [3, 0, 0]]) > 0, m.arange(6).reshape(2, 3))",
    "m.extract([1, 0, 1], [4, 5, 6])", "m.extract([1, 0], [4, 5, 6])",
    "m.extract(m.array(1), m.array(5))", "m.extract(m.array(0), 5)", "m.extract([], [])",
    "m.extract(m.arange(6).reshape(2, 3) % 2, m.arange(6).reshape(3, 2))",
    "m.extract(m.arange(6).reshape(2, 3).T % 2, m.arange(6.).reshape(3, 2)[::-1])",
    "m.count_nonzero(m.array([[0, 1, 2], [3, 0, 0]]), axis=(0, 1))",
    "m.count_nonzero(m.array([[0, 1, 2], [3, 0, 0]]), keepdims=True)",
    "m.count_nonzero(m.array([0., nan, -0.]))", "m.count_nonzero(m.array(['', 'a']))",
    "m.count_nonzero(m.array([None, 0, 1], dtype=object))", "m.count_nonzero(5)",
    "m.count_nonzero([])", "m.count_nonzero(m.array(['NaT', '2001-01-01'], 'M8[D]'))",
    "m.count_nonzero(m.zeros((2, 0, 3)), axis=1)", "m.count_nonzero(m.zeros((2, 0, 3)), axis=0)",
    "m.ptp(m.array([-128, 127], 'i1'))", "m.ptp(m.array([0, 255], 'u1'))",
    "m.ptp(m.array([1., nan]))", "m.ptp(m.array([1+1j, 3-1j]))", "m.ptp(5)", "m.ptp([1, 5, 2])",
    "m.ptp(m.array(['2001-01-01', '2005-01-01'], 'M8[D]'))",
    "m.ptp(m.array([1, 5], 'm8[s]'))", "m.ptp(m.zeros((0, 3)), axis=0)",
    "m.ptp(m.arange(6).reshape(2, 3), 0, out=m.zeros(3, 'i8'))",
    "m.ptp(m.arange(6).reshape(2, 3), 0, m.zeros(3))",
])
def test_nonzero_family_cases(expr):
    check(expr, **NAMES)


@pytest.mark.parametrize("expr", [
    "m.ptp(m.array([]))", "m.ptp(m.zeros((0, 3)), axis=1)", "m.ptp(m.array([True, False]))",
    "m.ptp(m.arange(6).reshape(2, 3), axis=3)", "m.ptp(m.array(['a', 'b']))",
    "m.ptp(m.arange(6).reshape(2, 3), 0, out=m.zeros(2))", "m.arange(3).ptp()",
    "m.count_nonzero(m.ones((2, 3)), axis=2)", "m.count_nonzero(m.ones((2, 3)), axis=(0, 0))",
    "m.count_nonzero(m.ones((2, 3)), axis=1.0)", "m.nonzero(m.array(1)).shape",
    "m.extract([1, 0], 5)",
])
def test_nonzero_family_errors(expr):
    check(expr)


@pytest.mark.parametrize("expr", [
    "m.select([x < 2, x > 3], [x, x ** 2])", "m.select([x < 2, x > 3], [x, x ** 2], default=-1)",
    "m.select([x < 2, x < 4], [x, -x])", "m.select([x < 2], [1])",
    "m.select([x < 2], [1], default=m.int8(0))", "m.select([x < 2], [m.int8(1)], default=0)",
    "m.select([x < 2], [1.5], default=m.float32(0))",
    "m.select([x < 2], [x.astype('i1')], default=300)",
    "m.select([x < 2], [x.astype('i1')], default=1000.5)",
    "m.select([x < 2], [x.astype('u1')], default=-1)",
    "m.select([x < 2], [x.astype('f4')], default=1j)", "m.select([True, False], [1, 2])",
    "m.select([[True, False]], [[1, 2]])", "m.select([m.array(True)], [x])",
    "m.select([x < 1], [m.zeros((2, 5))])", "m.select([x < 1, m.zeros((2, 5), bool)], [1, 2])",
    "m.select([x < 1], [m.array(list('abcde'))])",
    "m.select([x < 1], [m.array(list('abcde'))], default='zz')",
    "m.select([x < 1], [x], default='x')", "m.select([x < 1], [x.astype('M8[D]')], "
    "default=m.datetime64('2001-01-01')).view('i8')",
    "m.select([x[::-1] > 1, x > 0], [x[::2].repeat(2)[:5], x * 1.5])",
    "m.select([x < 1], [x.astype(object)])",
])
def test_select_cases(expr):
    check(expr, x=P(rp.arange(5), np.arange(5)))


@pytest.mark.parametrize("expr", [
    "m.select([x], [x])", "m.select([], [])", "m.select([x < 2], [])", "m.select([x < 2], [x, x])",
    "m.select([x < 1], [1], default=m.zeros((2, 3)))",
    "m.select([x < 1, x < 2], [1, m.zeros((2, 5))])",
    "m.select([x < 1], [x], default=m.zeros(3))", "m.select([x < 1, m.ones(3, bool)], [1, 2])",
    "m.select([x < 1], [x.astype('M8[D]')], default=0)",
    "m.select([x < 1], [x], default=m.array(['a'], object))",
    "m.select([x.astype(float)], [x])", "m.select([None], [x])",
])
def test_select_errors(expr):
    check(expr, x=P(rp.arange(5), np.arange(5)))


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_nanargminmax(dtype, case):
    a = P(*make_pair(case, dtype)[1::-1])
    c = Collector()
    for f in ("nanargmin", "nanargmax"):
        for axis in ("None", "0", "-1", "2"):
            c(check, f"m.{f}(a, axis={axis})", a=a)
            c(check, f"m.{f}(a, axis={axis}, keepdims=True)", a=a)
    c.done()


@pytest.mark.parametrize("f", ["nanargmin", "nanargmax"])
@pytest.mark.parametrize("expr", [
    "m.{f}(m.array([nan, 3, 1, nan]))", "m.{f}(m.array([nan, nan]))",
    "m.{f}(m.array([[nan, 2], [nan, 1]]), axis=0)", "m.{f}(m.array([[nan, 2], [nan, 1]]), axis=1)",
    "m.{f}(m.array([[nan, 2], [nan, 1]]), axis=1, keepdims=True)", "m.{f}(m.array([3, 1, 2]))",
    "m.{f}(m.array([]))", "m.{f}(m.zeros((0, 3)), axis=1)", "m.{f}(m.zeros((0, 3)), axis=0)",
    "m.{f}(m.array([1+1j, complex(nan, 0), 0.5j, complex(0, nan)]))",
    "m.{f}(m.array([-inf, nan, -inf]))", "m.{f}(m.array([inf, nan, inf]))",
    "m.{f}(m.array([nan, nan, 1.0]))",
    "m.{f}(m.array(['NaT', '2001-01-01', '2000-01-01'], 'M8[D]'))",
    "m.{f}(m.array([True, False]))", "m.{f}(5)", "m.{f}(m.array([1., 2]), axis=1)",
    "m.{f}(m.array([1., 0., 2]), out=m.zeros((), 'i8'))", "m.{f}(m.array([3, nan, 1], 'f2'))",
    "m.{f}([[1, nan], [nan, nan]], axis=1)", "m.{f}(m.array([nan, 1.0]), axis=None, keepdims=True)",
])
def test_nanargminmax_cases(f, expr):
    check(expr.format(f=f), **NAMES)


@pytest.mark.parametrize("expr", [
    "m.sinc(m.array([0., 1e-320]))", "m.i0(m.array([800.]))", "m.round(m.array([1e308]), -300)",
    "m.clip(m.array([nan, 1.]), 0, 1)", "m.ptp(m.array([inf, -inf]))",
    "m.nanargmin(m.array([nan, nan]))", "m.nanargmax(m.array([nan, 1.]))",
    "m.count_nonzero(m.array([nan]))",
])
def test_warnings_existing(expr):
    check_warns(expr)


# NumPy raises UFuncTypeError (a TypeError) when a ufunc's result cannot be cast to ``out``.
@pytest.mark.parametrize("expr", [
    "m.round(m.array([True, False]), -1)", "m.round(m.array([True, False]), 2)",
    "m.array([True]).round(1)", "m.round(m.array([1.5, 2.5]), out=m.zeros(2, 'i8'))",
    "m.clip(m.arange(4.), 1, 2, out=m.zeros(4, 'i8'))",
])
def test_core_error_classes(expr):
    check(expr)


@pytest.mark.parametrize("expr", [
    "m.clip(m.array([nan, 1.]), None, 1)", "m.clip(m.array([nan, 1.]), 0, None)",
    "m.maximum(m.array([nan, 1.] * 20), 0.0)", "m.minimum.reduce(m.array([[1., nan], [2., 3.]]))",
    "m.max(m.array([1., nan, 3.] * 30))", "m.fmin(m.array([nan] * 9, 'f4'), m.float32(1))",
    "m.maximum(m.array([complex(nan, 1)] * 5), 0)", "m.maximum(m.float64(nan), 1.0)",
    "m.divide(m.array([3 + 1j, 1j] * 4), 2)", "m.divide(m.array([3 + 1j, 1j] * 4), 2j)",
    "m.divide(m.array([3 + 1j, 0j] * 4, 'c8'), m.complex64(0))",
])
def test_core_warnings(expr):
    check_warns(expr)
