"""median, percentile, quantile, their nan- versions, average, cov and corrcoef against numpy:
every dtype family, every shape case and axis (tuples too), keepdims and out, every quantile
method with scalar, list and array q (compared to the last bit, NaN equal), weights, NaN and
infinities, the warnings numpy gives for all-NaN slices, and numpy's errors."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rumpy as rp
from conftest import (ALL_DTYPES, INT_DTYPES, FLOAT_DTYPES, SHAPE_CASE_NAMES, Collector, P,
                      Raised, assert_outcomes, assert_same, both, check, make_pair, to_rp)

METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]
REAL_DTYPES = ["bool"] + INT_DTYPES + FLOAT_DTYPES

AXES = {
    0: [None],
    1: [None, 0, -1, (0,)],
    2: [None, 0, 1, -1, (0, 1), (1, 0)],
    3: [None, 0, 1, 2, -2, (0, 2), (1, 2), (2, 0), (0, 1, 2)],
}

# q given as expressions so that each library builds its own arrays
QS = ["0.0", "1.0", "0.5", "0.25", "0.3", "1 / 3", "0", "1", "[0, 0.1, 0.5, 0.9, 1]",
      "[0, 1]", "m.array([0.2, 0.7], 'f4')", "m.float32(0.4)", "m.float64(0.65)",
      "m.array(0.75)", "[[0.1, 0.6], [0.35, 0.99]]", "[]"]
QS_FEW = ["0.0", "1.0", "0.5", "0.3", "1", "[0, 0.1, 0.5, 0.9, 1]", "m.array([0.2, 0.7], 'f4')",
          "m.float64(0.65)"]
PCTS = ["0", "100", "50", "33", "12.5", "[25, 50, 75]", "[0, 100]", "m.array([10, 90], 'f4')",
        "m.array([5, 95], 'f2')", "m.float32(40)", "[[1, 99], [50, 66.6]]"]


def np_rp(a):
    """P(rumpy twin, numpy array) of a numpy array."""
    return P(to_rp(a), a)


def check_warns(expr, compare=None, **names):
    """Same outcome and the same set of RuntimeWarning messages in both libraries."""
    out = {}
    for mod in (rp, np):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            ns = {k: (v.rp if mod is rp else v.np) if isinstance(v, P) else v
                  for k, v in names.items()}
            ns.update(m=mod, np=np, rp=rp)
            try:
                val = eval(expr, ns)
            except Exception as e:  # noqa: BLE001
                val = Raised(e)
        # NumPy's nan-functions work slice by slice on scalars ("in scalar add"): the
        # operation counts, not the kind of operand
        out[mod] = (val, sorted({(x.category.__name__, str(x.message).replace(" scalar ", " "))
                                 for x in w}))
    (rv, rw), (nv, nw) = out[rp], out[np]
    try:
        assert_outcomes(rv, nv, msg=expr, compare=compare)
    except AssertionError as e:
        raise AssertionError(f"{expr}: {e}".replace("\n", " ")) from None
    assert rw == nw, f"{expr}: rumpy warned {rw}, numpy {nw}"


def special_floats(dtype):
    """2-d data with NaN in some rows, infinities in others, one clean row."""
    nan, inf = np.nan, np.inf
    rows = [[1.5, nan, -2.0, 3.25, 0.5, 7.0],
            [inf, 1.0, -3.0, 2.0, 2.0, -1.0],
            [-inf, 4.0, inf, 0.25, -6.0, 1.0],
            [2.0, -1.0, 5.5, -4.0, 0.75, 3.0],
            [nan, nan, nan, nan, nan, nan],
            [-inf, -inf, 2.0, inf, inf, 1.0]]
    return np.array(rows, dtype=dtype)


# ---------------------------------------------------------------------------
# median / nanmedian
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_median_shapes(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    c = Collector()
    for axis in AXES[n.ndim]:
        for kd in (False, True):
            for f in ("median", "nanmedian"):
                c(check, f"m.{f}(a, axis={axis}, keepdims={kd})", a=P(r, n))
    c(check, "m.median(a, axis=3)", a=P(r, n))
    c(check, "m.nanmedian(a, axis=(0, 0))", a=P(r, n))
    c.done()


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_median_nan_inf(dtype):
    a = special_floats(dtype)
    c = Collector()
    for axis in [None, 0, 1, (0, 1)]:
        for f in ("median", "nanmedian"):
            c(check_warns, f"m.{f}(a, axis={axis})", a=np_rp(a))
            c(check_warns, f"m.{f}(a[:4], axis={axis})", a=np_rp(a))
            c(check_warns, f"m.{f}(a[:, :5], axis={axis})", a=np_rp(a))
    c.done()


@pytest.mark.parametrize("expr", [
    "m.median([])", "m.median(m.zeros((2, 0)), axis=1)", "m.median(m.zeros((2, 0)), axis=0)",
    "m.median(m.zeros((0, 3)), axis=0)", "m.median(5)", "m.median(m.float32(2.5))",
    "m.median([1, 2, 3, 4])", "m.median([[1, 2], [3, 4]], axis=(0, 1), keepdims=True)",
    "m.median(m.array([1, 2, 3, 4], 'm8[s]'))", "m.median(m.array([1, 4, 2], 'm8[D]'))",
    "m.median(m.array([1, 2, 3, 4], 'M8[s]'))",
    "m.median([True, False, True, True])", "m.median([1.0, m.nan, 2.0])",
    "m.median([[1.0, m.nan], [2.0, 3.0]], axis=1)", "m.median(m.array([1, 2], 'f2'))",
    "m.median(m.array([60000, 60000], 'f2'))", "m.median(m.array([3e38, 3e38], 'f4'))",
    "m.median(m.array([-128, 127, -128, 127], 'i1'))",
    "m.median(m.array([2**63 - 1, 2**63 - 3], 'i8'))",
    "m.median(m.array([[3 + 1j, 2 - 1j], [1j, 5 + 0j]]), axis=0)",
    "m.median(m.arange(12.).reshape(3, 4), axis=-3)",
    "m.median(m.arange(12.).reshape(3, 4), axis=1.0)",
    "m.nanmedian([])", "m.nanmedian(m.zeros((2, 0)), axis=1)", "m.nanmedian([1, 2, 5])",
    "m.nanmedian([m.nan, 1.0, m.nan, 4.0])", "m.nanmedian(m.array([m.nan, 3], 'f2'))",
    "m.nanmedian(m.array([[40000, m.nan], [1, 2]], 'f2'), axis=1)",
    "m.nanmedian(m.array([[60000, 60000, m.nan], [1, 2, 3]], 'f2'), axis=1)",
    "m.nanmedian(m.array([[60000, 60000], [1, 2]], 'f2'), axis=1)",
    "m.nanmedian(m.array([[1, 3, 7, 2]], 'i2'), axis=1)",
    "m.nanmedian(m.array([1, 'NaT', 4], 'm8[s]'))",
    "m.nanmedian(m.array([[1, 2, 'NaT'], ['NaT', 'NaT', 'NaT'], [1, 4, 6]], 'm8[s]'), "
    "axis=1).view('i8')",
    "m.nanmedian(m.array([[1, 2, 'NaT'], ['NaT', 'NaT', 'NaT'], [1, 4, 6]], 'm8[s]'), "
    "axis=0).view('i8')",
    "m.median(m.array([[1, 2, 'NaT'], [3, 4, 6]], 'm8[s]'), axis=1).view('i8')",
    "m.quantile(m.array([[1, 2, 'NaT'], [3, 4, 6]], 'm8[s]'), 0.5, axis=1).view('i8')",
    "m.nanquantile(m.array([1, 2, 'NaT'], 'M8[s]'), 0.5)",
    "m.median(m.array([3, 1, 2, 5], dtype=object))",
    "m.quantile(m.array([3., 1, 2], dtype=object), 0.5)",
    "m.percentile(m.arange(10.), (10, 90))", "m.median(m.array([1, 2], '>f8'))",
    "m.nanmedian(m.array([[1, m.nan], [2, 3]], '>f4'), axis=1)",
    "m.nanmedian(m.array([complex(m.nan, 0), 1 + 1j, 3 - 1j]))",
    "m.median(m.array([complex(m.nan, 1), 3 + 1j, 2 + 0j, complex(1, m.nan)]))",
])
def test_median_cases(expr):
    check_warns(expr)


@pytest.mark.parametrize("expr", [
    "m.median(m.array([complex(1, m.nan), 1 + 1j, 2 + 0j]))",
    "m.median(m.array([complex(1, m.nan), 3 + 0j, 2 + 0j, 1 + 1j]))",
])
def test_median_complex_nan(expr):
    check(expr)


def test_nanmedian_long_axis():
    """Slices of 600 and more values (NumPy's other code path) with NaN and all-NaN slices."""
    rng = np.random.default_rng(5)
    c = Collector()
    for dt in ["float16", "float32", "float64"]:
        for n in (599, 600, 601, 1000):
            x = (rng.standard_normal((4, n)) * 100).astype(dt)
            x[0, ::3] = np.nan
            x[2] = np.nan
            x[3, :n // 2 + 1] = np.nan
            for axis in (1, -1):
                c(check_warns, f"m.nanmedian(a, axis={axis})", a=np_rp(x))
                c(check_warns, f"m.nanmedian(a.T, axis={1 - axis % 2})", a=np_rp(x))
                c(check_warns, f"m.nanpercentile(a, [10, 50], axis={axis})", a=np_rp(x))
    c.done()


def test_median_out_and_overwrite():
    c = Collector()
    for dtype in ["float64", "float32", "int64", "float16"]:
        x = (np.arange(24) % 7 * 1.5).reshape(2, 3, 4).astype(dtype)
        for f in ["median", "nanmedian"]:
            for axis, shape in [(None, ()), (0, (3, 4)), (1, (2, 4)), ((0, 2), (3,))]:
                for odt in ["float64", "float32"]:
                    def run(m, f=f, axis=axis, shape=shape, odt=odt, x=x):
                        a = m.asarray(x) if m is np else to_rp(x)
                        o = m.zeros(shape, odt)
                        r = getattr(m, f)(a, axis=axis, out=o)
                        return r is o, o
                    c(check, run)
            def keep(m, f=f, x=x):
                a = m.asarray(x) if m is np else to_rp(x)
                o = m.zeros((1, 3, 1), "f8")
                r = getattr(m, f)(a, axis=(0, 2), out=o, keepdims=True)
                return r is o, o
            c(check, keep)
            c(check, f"m.{f}(a.copy(), axis=1, overwrite_input=True)", a=np_rp(x))
            c(check, f"m.{f}(a.copy(), overwrite_input=True)", a=np_rp(x))
            c(check, f"m.{f}(a[:, ::-1], axis=2, overwrite_input=True)", a=np_rp(x.copy()))
    c.done()


def test_median_overwrite_input_keeps_values():
    """overwrite_input may reorder the input, never change its values."""
    x = np.array([5.0, 1.0, 4.0, 2.0, 3.0, 9.0])
    r = to_rp(x)
    assert rp.median(r, overwrite_input=True) == np.median(x)
    assert sorted(np.asarray(r).tolist()) == sorted(x.tolist())


# ---------------------------------------------------------------------------
# quantile / percentile: methods, q forms, dtypes
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("dtype", REAL_DTYPES)
def test_quantile_methods(method, dtype):
    c = Collector()
    for case in ["1d", "2d", "3d", "negstride", "transposed"]:
        n, r, _, _ = make_pair(case, dtype)
        axes = AXES[n.ndim] if case in ("1d", "3d") else [None, 0, 1]
        for axis in axes:
            for q in (QS if case == "1d" else QS_FEW):
                c(check, f"m.quantile(a, {q}, axis={axis}, method='{method}')", a=P(r, n))
            for q in (PCTS if case == "1d" else PCTS[:6]):
                c(check, f"m.percentile(a, {q}, axis={axis}, method='{method}')", a=P(r, n))
    c.done()


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
def test_quantile_nan_inf(method, dtype):
    a = special_floats(dtype)
    c = Collector()
    for sub in ["a", "a[:4]", "a[3]", "a[1]", "a[2]", "a[5]", "a[:, 2:]", "a[[1, 2, 5]]"]:
        for axis in [None, 0, 1, -1, (0, 1)]:
            if sub in ("a[3]", "a[1]", "a[2]", "a[5]") and axis not in (None, 0, -1):
                continue
            for q in ["0.0", "1.0", "0.5", "0.3", "[0, 0.25, 0.5, 0.9, 1]", "m.float32(0.7)",
                      "m.array([0.1, 0.6])"]:
                for f in ("quantile", "nanquantile"):
                    c(check_warns, f"m.{f}({sub}, {q}, axis={axis}, method='{method}')",
                      a=np_rp(a))
    c.done()


@pytest.mark.parametrize("method", METHODS)
def test_quantile_extreme_values(method):
    """Infinities, huge magnitudes, integer wrap-around and signed integer extremes."""
    c = Collector()
    data = [
        ("[1.0, m.inf]", "f8"), ("[-m.inf, 1.0]", "f8"), ("[-m.inf, m.inf]", "f8"),
        ("[1e308, -1e308, 1.7e308]", "f8"), ("[3e38, -3e38, 1.0]", "f4"),
        ("[65504, -65504, 1]", "f2"), ("[-128, 127, 0, 5]", "i1"),
        ("[0, 255, 17, 3]", "u1"), ("[-2**63, 2**63 - 1, 0]", "i8"),
        ("[0, 2**64 - 1, 2**63]", "u8"), ("[5e-324, 0.0, 1e-310]", "f8"),
        ("[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]", "f8"), ("[7]", "f8"), ("[7]", "i4"),
    ]
    for vals, dt in data:
        for q in ["0.0", "1.0", "0.5", "0.1", "0.9", "[0, 0.5, 1]", "1", "0"]:
            c(check, f"m.quantile(m.array({vals}, '{dt}'), {q}, method='{method}')")
            c(check, f"m.nanquantile(m.array({vals}, '{dt}'), {q}, method='{method}')")
    c.done()


@pytest.mark.parametrize("expr", [
    "m.quantile(m.array([1, 2, 3, 4], 'm8[s]'), 0.3)",
    "m.quantile(m.array([1, 2, 3, 4], 'm8[s]'), [0.3, 0.5], method='lower')",
    "m.quantile(m.array([1, 5, 3, 'NaT'], 'm8[s]'), 0.4)",
    "m.quantile(m.array([1, 2, 3, 4], 'M8[s]'), 0.3)",
    "m.quantile(m.array([1, 2, 3, 4], 'M8[D]'), [0.5, 1.0], method='nearest')",
    "m.percentile(m.array([10, 20, 40], 'm8[ms]'), 50)",
    "m.quantile(m.array([[1, 9], [4, 2]], 'm8[s]'), 0.5, axis=1)",
    "m.quantile(m.array([True, False, True]), 0.5)",
    "m.quantile(m.array([True, False, True]), 0.5, method='lower')",
    "m.quantile(m.array([True, False, True]), [0.0, 1.0], method='nearest')",
    "m.quantile([1, 2, 3], 0.5)", "m.quantile([[1, 2], [3, 4]], [0.5], axis=0)",
    "m.quantile(5.0, 0.5)", "m.quantile(m.float32(5.0), 0.5)", "m.quantile(5, [0.2, 0.8])",
    "m.quantile(m.arange(5), True)", "m.quantile(m.arange(5.), m.array([0, 1], 'u1'))",
    "m.quantile(m.arange(5.), m.array([0, 1], 'i1'), method='weibull')",
    "m.quantile(m.arange(5), 1, method='hazen')",
    "m.quantile(m.arange(4), [0, 1], method='weibull')",
    "m.quantile(m.arange(5.), m.array([0.5], 'f2'))",
    "m.quantile(m.arange(5., dtype='f4'), m.float64(0.3))",
    "m.quantile(m.array([1, m.nan], 'f4'), m.float64(0.5))",
    "m.quantile(m.zeros((0, 3)), 0.5, axis=1)", "m.quantile(m.zeros((3, 0)), 0.5, axis=1)",
    "m.quantile(m.zeros(0), 0.5)", "m.quantile(m.zeros(0, int), 0.5)",
    "m.quantile(m.zeros(0, int), 0.5, method='lower')",
    "m.quantile(m.zeros(0, int), [], method='lower')", "m.quantile(m.zeros(0), [], method='lower')",
    "m.quantile(m.zeros((2, 0, 3)), [0.2, 0.4], axis=2)",
    "m.percentile(m.arange(10), m.array(50))", "m.percentile(m.arange(10.), 50.0)",
    "m.percentile(m.arange(10.), [[25, 75]], keepdims=True)",
    "m.percentile(m.arange(24.).reshape(2, 3, 4), [10, 90], axis=(0, 2), keepdims=True)",
    "m.nanquantile([], 0.5)", "m.nanquantile(m.zeros((2, 0)), [0.5, 0.7], axis=1)",
    "m.nanquantile(m.zeros((2, 0)), 0.5, axis=0, keepdims=True)",
    "m.nanpercentile([m.nan, m.nan], 50)", "m.nanpercentile([m.nan, m.nan], [50, 60])",
    "m.nanquantile([[m.nan, m.nan], [1, 2]], 0.5, axis=1)",
    "m.nanquantile(m.array([[m.nan, m.nan], [1, 2]], 'f4'), [0.5], axis=1)",
    "m.nanquantile(m.array([[1, m.nan], [m.nan, m.nan]], 'f4'), [0.5], axis=1)",
    "m.nanquantile(m.array([[m.nan, m.nan], [1, 2]], 'f4'), 0.5, axis=1)",
    "m.nanquantile(m.array([[m.nan, m.nan], [1, 2]], 'f2'), 0.3, axis=1, method='x')",
    "m.nanquantile(m.array([[m.nan, m.nan], [m.nan, m.nan]]), 0.3, axis=1, method='x')",
    "m.nanquantile(m.array([m.nan, m.nan]), 0.3, method='x')",
    "m.nanquantile(m.array([[1, 2, 3], [4, 5, 6]]), 0.3, axis=1)",
    "m.nanquantile(m.array([[1, 2, 3], [4, 5, 6]]), [0.3], axis=0, method='lower')",
    "m.nanquantile(m.arange(24.).reshape(2, 3, 4), [0.1, 0.9], axis=(0, 2))",
    "m.nanquantile(m.arange(5.), 1, method='hazen')",
    "m.nanquantile(m.array([[m.nan, 1, 2], [3, m.nan, 4]]), 1, axis=1, method='weibull')",
    "m.nanquantile(m.array([[m.nan, 1, 2], [3, m.nan, 5]], 'f4'), m.array([0, 1], 'i8'), axis=1)",
    "m.nanquantile(m.array([[m.nan, 1, 2], [3, m.nan, 5]], 'f2'), m.array(0.3, 'f4'), axis=1)",
])
def test_quantile_cases(expr):
    check_warns(expr)


# ---------------------------------------------------------------------------
# out, keepdims, overwrite_input
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("f", ["quantile", "nanquantile", "percentile", "nanpercentile"])
def test_quantile_out_keepdims(f):
    scale = 100 if "percentile" in f else 1
    x = (np.arange(60) * 37 % 23 * 0.5).reshape(3, 4, 5)
    xn = x.copy()
    xn[0, 1, 2] = np.nan
    c = Collector()
    for data in (x, xn):
        for q in [0.3 * scale, [0.1 * scale, 0.5 * scale]]:
            for method in ["linear", "lower", "midpoint", "inverted_cdf"]:
                for axis in [None, 0, 2, (0, 2), (1, 2)]:
                    for kd in (False, True):
                        c(check, f"m.{f}(a, {q}, axis={axis}, keepdims={kd}, method='{method}')",
                          a=np_rp(data))

                        def run(m, q=q, axis=axis, kd=kd, method=method, data=data):
                            a = data if m is np else to_rp(data)
                            shape = np.quantile(data, np.asarray(q) / scale, axis=axis,
                                                keepdims=kd).shape
                            o = m.full(shape, -1.0)
                            r = getattr(m, f)(a, q, axis=axis, out=o, keepdims=kd,
                                              method=method)
                            return r is o, o
                        c(check, run)
        for method in ["linear", "lower", "nearest"]:
            for odt in ["f4", "i4", "i8", "f2"]:
                def typed(m, odt=odt, method=method, data=data):
                    a = data if m is np else to_rp(data)
                    o = m.zeros((4, 5), odt)
                    r = getattr(m, f)(a, 0.5 * scale, axis=0, out=o, method=method)
                    return r is o, o
                c(check, typed)
    c.done()


def test_quantile_overwrite_input():
    c = Collector()
    x = (np.arange(30) * 7 % 11 * 1.25).reshape(5, 6)
    for f in ["quantile", "nanquantile"]:
        for axis in [None, 0, 1]:
            for method in ["linear", "nearest"]:
                c(check, f"m.{f}(a.copy(), [0.2, 0.5], axis={axis}, overwrite_input=True, "
                         f"method='{method}')", a=np_rp(x))
                c(check, f"m.{f}(a[:, ::2], 0.4, axis={axis}, overwrite_input=True, "
                         f"method='{method}')", a=np_rp(x))
    c.done()
    r = to_rp(x)
    rp.quantile(r, 0.3, overwrite_input=True)
    assert sorted(np.asarray(r).ravel().tolist()) == sorted(x.ravel().tolist())


# ---------------------------------------------------------------------------
# weights
# ---------------------------------------------------------------------------

WEIGHTS_1D = ["[1, 1, 1, 1, 1, 1]", "[0, 0, 1, 2, 0, 3]", "[0.5, 0.25, 4.0, 1.0, 0.0, 2.5]",
              "[3, 0, 0, 0, 0, 0]", "[0, 0, 0, 0, 0, 7]", "m.array([1, 2, 3, 1, 2, 3], 'u1')",
              "m.array([0.1, 0.2, 0.3, 0.1, 0.2, 0.1], 'f4')"]


@pytest.mark.parametrize("f", ["quantile", "nanquantile", "percentile", "nanpercentile"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "uint8", "float16"])
def test_weighted(f, dtype):
    scale = 100 if "percentile" in f else 1
    x = np.array([[3, 1, 4, 1, 5, 9], [2, 6, 5, 3, 5, 8], [9, 7, 9, 3, 2, 3]], dtype=dtype)
    c = Collector()
    qs = [0, 0.5, 1, 0.3, [0, 0.25, 0.5, 0.75, 1], "m.array([0.2, 0.9], 'f4')", "m.float32(0.4)",
          "m.array(0.6)"]
    for w in WEIGHTS_1D:
        for q in qs:
            qq = q if isinstance(q, str) else repr(np.multiply(q, scale).tolist())
            if isinstance(q, str) and scale != 1:
                qq = f"({q}) * 100"
            c(check, f"m.{f}(a[0], {qq}, weights={w}, method='inverted_cdf')", a=np_rp(x))
            c(check, f"m.{f}(a, {qq}, axis=1, weights={w}, method='inverted_cdf')", a=np_rp(x))
            c(check, f"m.{f}(a, {qq}, axis=-1, weights={w}, method='inverted_cdf', "
                     f"keepdims=True)", a=np_rp(x))
        c(check, f"m.{f}(a, {0.5 * scale}, axis=0, weights=[1, 2, 0], method='inverted_cdf')",
          a=np_rp(x))
        c(check, f"m.{f}(a, {0.3 * scale}, weights=m.ones((3, 6)), method='inverted_cdf')",
          a=np_rp(x))
        c(check, f"m.{f}(a, {0.3 * scale}, axis=(0, 1), weights=m.arange(18).reshape(3, 6), "
                 f"method='inverted_cdf')", a=np_rp(x))
        c(check, f"m.{f}(a, {0.3 * scale}, axis=(1, 0), weights=m.arange(18).reshape(6, 3), "
                 f"method='inverted_cdf')", a=np_rp(x))
    c.done()


@pytest.mark.parametrize("f", ["quantile", "nanquantile"])
def test_weighted_nan(f):
    x = np.array([[3, np.nan, 4, 1, 5, 9], [np.nan] * 6, [9, 7, np.inf, 3, -np.inf, 3]])
    c = Collector()
    for w in WEIGHTS_1D[:4]:
        for q in ["0.5", "[0.1, 0.9]", "0", "1"]:
            for sub in ["a[0]", "a[1]", "a[2]", "a", "a[::2]", "a[2:]"]:
                for axis in ([None] if sub in ("a[0]", "a[1]", "a[2]") else [1, -1]):
                    c(check_warns, f"m.{f}({sub}, {q}, axis={axis}, weights={w}, "
                                   f"method='inverted_cdf')", a=np_rp(x))
    c.done()


@pytest.mark.parametrize("expr", [
    "m.quantile(a, 0.5, weights=[1, 2, 3], method='inverted_cdf')",
    "m.quantile(a, 0.5, axis=1, weights=[1, 2, 3], method='inverted_cdf')",
    "m.quantile(a, 0.5, axis=1, weights=[1, -2, 3, 4], method='inverted_cdf')",
    "m.quantile(a, 0.5, axis=1, weights=[1, 2, 3, 4], method='linear')",
    "m.quantile(a, 0.5, axis=1, weights=[1, 2, 3, 4])",
    "m.quantile(a, 0.5, axis=1, weights=[0, 0, 0, 0], method='inverted_cdf')",
    "m.quantile(a, 0.5, axis=1, weights=[1, m.nan, 0, 0], method='inverted_cdf')",
    "m.quantile(a, 0.5, axis=1, weights=[1, m.inf, 0, 0], method='inverted_cdf')",
    "m.quantile(a, 0.5, axis=1, weights=m.ones((3, 4)), method='inverted_cdf', out=m.zeros(4))",
    "m.quantile(a, 0.5, axis=1, weights=m.ones((3, 4)), method='inverted_cdf', out=m.zeros(3))",
    "m.quantile(a, 0.5, axis=5, weights=m.ones(4), method='inverted_cdf')",
    "m.nanquantile(a, 0.5, weights=m.ones(4), method='inverted_cdf')",
    "m.nanquantile(a, 0.5, axis=0, weights=m.ones(4), method='inverted_cdf')",
    "m.nanquantile(a, 0.5, axis=0, weights=-m.ones(3), method='inverted_cdf')",
    "m.percentile(a, 50, axis=1, weights=[1, 2, 3, 4], method='hazen')",
    "m.percentile(a, 50, axis=(0, 1), weights=m.ones((4, 3)), method='inverted_cdf')",
    "m.average(a, weights=[1, 2, 3])",
])
def test_weight_errors(expr):
    x = np.arange(12.).reshape(3, 4)
    check(expr, a=np_rp(x))


# ---------------------------------------------------------------------------
# argument errors
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("f", ["quantile", "nanquantile", "percentile", "nanpercentile"])
@pytest.mark.parametrize("args", [
    "a, -0.1", "a, 1.5", "a, 101", "a, -1", "a, m.nan", "a, [0.5, m.nan]", "a, [0.1, 2]",
    "a, [0.1] * 12 + [1.1]", "a, m.zeros((2, 2, 2))", "a, m.zeros((2, 0))",
    "a, 0.5, method='foo'", "a, 0.5, method='Linear'", "a, 0.5, method=None",
    "a, 0.5, axis=2", "a, 0.5, axis=(0, 0)", "a, 0.5, axis=-3", "a, 0.5, axis=0.5",
    "a.astype(complex), 0.5", "a, [[[0.5]]], method='x'", "a, 0.5, axis=5, method='x'",
    "a, 0.5, out=m.zeros(3)", "a, 0.5, axis=0, out=m.zeros(3)",
    "a, [0.5, 0.6], axis=0, out=m.zeros(4)", "a, 0.5, axis=0, out=m.zeros(4, int)",
    "[], 0.5", "a, []", "a, [], axis=0", "a, 1 + 0j",
])
def test_quantile_errors(f, args):
    x = np.arange(12.).reshape(3, 4) % 5
    check(f"m.{f}({args})", a=np_rp(x))


@pytest.mark.parametrize("expr", [
    "m.median(a, axis=2)", "m.median(a, axis=(0, 0))", "m.median(a, axis='x')",
    "m.median(a, out=m.zeros(3))", "m.median(a, axis=0, out=m.zeros(3))",
    "m.nanmedian(a, axis=(1, -1))", "m.nanmedian(a, axis=2)",
])
def test_median_errors(expr):
    check(expr, a=np_rp(np.arange(12.).reshape(3, 4)))


# ---------------------------------------------------------------------------
# nan- versions: warnings
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("f", ["nanmedian", "nanquantile(a, 0.3, ", "nanpercentile(a, [20, 70], ",
                               "nanquantile(a, 0.5, method='lower', "])
def test_all_nan_warnings(f):
    call = f"m.{f}(a, " if "(" not in f else f"m.{f}"
    c = Collector()
    for dt in ["float64", "float32", "float16"]:
        for data in ([[np.nan, np.nan, np.nan], [1, 2, np.nan]],
                     [[np.nan, np.nan, np.nan], [np.nan, np.nan, np.nan]],
                     [[1, 2, 3], [4, 5, 6]], [[np.nan, 1, 2], [3, np.nan, np.nan]]):
            x = np.array(data, dtype=dt)
            for axis in [None, 0, 1, (0, 1)]:
                for kd in [False, True]:
                    c(check_warns, call + f"axis={axis}, keepdims={kd})", a=np_rp(x))
    c.done()


# ---------------------------------------------------------------------------
# average
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_average_shapes(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    c = Collector()
    for axis in AXES[n.ndim]:
        for kd in ("", ", keepdims=False", ", keepdims=True"):
            c(check, f"m.average(a, axis={axis}{kd})", a=P(r, n))
            c(check, f"m.average(a, axis={axis}, returned=True{kd})", a=P(r, n))
            c(check, f"m.average(a, axis={axis}, weights=m.ones(a.shape, 'i2') + (a != 0), "
                     f"returned=True{kd})", a=P(r, n))
            if axis is not None:
                ax = axis if isinstance(axis, tuple) else (axis,)
                wshape = tuple(n.shape[i] for i in ax)
                c(check, f"m.average(a, axis={axis}, weights=m.arange(1, {np.prod(wshape) + 1}, "
                         f"dtype='f4').reshape({wshape}){kd})", a=P(r, n))
    c.done()


@pytest.mark.parametrize("expr", [
    "m.average([1, 2, 3, 4])", "m.average([1, 2, 3, 4], weights=[4, 3, 2, 1])",
    "m.average([1, 2, 3, 4], weights=[4, 3, 2, 1], returned=True)",
    "m.average(m.array([1, 2, 3], 'f2'), weights=m.array([1, 2, 3], 'f2'), returned=True)",
    "m.average(m.array([1, 2, 3], 'f4'), weights=[1, 2, 3])",
    "m.average(m.array([1, 2, 3], 'i1'), weights=m.array([1, 2, 3], 'i1'))",
    "m.average(m.array([1, 2, 3], 'u8'), weights=m.array([1, 2, 3], 'f4'), returned=True)",
    "m.average(m.array([True, False]), weights=[True, True])",
    "m.average(m.array([1 + 2j, 3 - 1j]), weights=[0.5, 1.5], returned=True)",
    "m.average(m.array([1, 2]), weights=m.array([1 + 1j, 1 - 1j]))",
    "m.average(m.arange(6.).reshape(2, 3), axis=1, weights=[1, 0, 1], returned=True)",
    "m.average(m.arange(6.).reshape(2, 3), axis=0, weights=[1, 3], keepdims=True, returned=True)",
    "m.average(m.arange(24.).reshape(2, 3, 4), axis=(2, 0), weights=m.ones((4, 2)))",
    "m.average(m.arange(24.).reshape(2, 3, 4), axis=(0, 2), weights=m.ones((2, 4)), returned=True)",
    "m.average(m.arange(6.).reshape(2, 3), weights=[1, 0, 1])",
    "m.average(m.arange(6.).reshape(2, 3), axis=1, weights=[1, 0])",
    "m.average(m.arange(6.).reshape(2, 3), axis=1, weights=[[1, 0, 1]])",
    "m.average(m.arange(6.).reshape(2, 3), axis=1, weights=[1, -1, 0])",
    "m.average(m.arange(6.).reshape(2, 3), axis=1, weights=[[1, -1, 0], [1, 2, 3]])",
    "m.average(m.arange(6.).reshape(2, 3), axis=2)", "m.average(m.ones(3), axis=(0, 0))",
    "m.average([])", "m.average(m.zeros((0, 3)), axis=0)", "m.average(m.zeros((0, 3)), axis=1)",
    "m.average(m.zeros((0, 3)), axis=0, returned=True)",
    "m.average([m.nan, 1.0], weights=[0.0, 1.0])", "m.average([m.inf, 1.0], weights=[1.0, 1.0])",
    "m.average(m.array([1, 2], 'm8[s]'))", "m.average(m.array([1, 2], 'm8[s]'), weights=[1, 1])",
    "m.average(5.0)", "m.average(5, weights=2, returned=True)",
    "m.average(m.array([[1, 2], [3, 4]]), axis=1, returned=True, keepdims=True)",
])
def test_average_cases(expr):
    check_warns(expr)


# ---------------------------------------------------------------------------
# cov / corrcoef
# ---------------------------------------------------------------------------

def close_matrix(r, n):
    """Same type, shape and NaN pattern; values equal up to the rounding of a matrix product
    (NumPy's comes from BLAS, whose summation order and fused multiply-adds differ), i.e.
    within a few units of the largest magnitude's last place."""
    if isinstance(n, Raised) or not isinstance(n, (np.ndarray, np.generic)):
        assert_same(r, n)
        return
    ra = np.asarray(r)
    assert type(r).__name__ == type(n).__name__, f"{type(r).__name__} != {type(n).__name__}"
    assert ra.dtype == n.dtype and ra.shape == n.shape, f"{ra.dtype}{ra.shape} != " \
        f"{n.dtype}{n.shape}"
    assert np.array_equal(np.isnan(ra), np.isnan(n)), f"NaN differ: {ra!r} {n!r}"
    fin = np.isfinite(n)
    assert np.array_equal(ra[~fin & ~np.isnan(n)], n[~fin & ~np.isnan(n)])
    if fin.any():
        eps = np.finfo(n.dtype).eps
        scale = np.abs(n[fin]).max()
        assert np.all(np.abs(ra[fin] - n[fin]) <= 16 * eps * max(scale, 1e-300)), \
            f"values differ: {ra!r} {n!r}"


COV_DATA = {
    "ints": "m.array([[0, 2, 1, 5, 3], [1, 1, 0, -2, 4], [3, -1, 2, 2, 0]])",
    "floats": "m.array([[0.5, 2.25, 1.0, 5.5], [1.5, 1.0, -0.25, -2.0]])",
    "f4": "m.array([[0.5, 2.25, 1.0, 5.5], [1.5, 1.0, -0.25, -2.0]], 'f4')",
    "1d": "m.array([1.0, 2.5, 4.0, 0.5, 3.0])",
    "complex": "m.array([[1 + 2j, 3 - 1j, 0j, 2 + 2j], [2 + 0j, -1j, 1 + 1j, 3 + 0j]])",
    "bool": "m.array([[True, False, True], [False, False, True]])",
    "one_obs": "m.array([[1.0], [2.0]])",
    "empty_rows": "m.zeros((0, 4))",
    "nan": "m.array([[1.0, m.nan, 2.0], [1.0, 2.0, 3.0]])",
    "const": "m.array([[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]])",
    "strided": "m.arange(24.).reshape(4, 6)[::2, ::-2] ** 1.5",
}


@pytest.mark.parametrize("data", list(COV_DATA))
def test_cov(data):
    x = COV_DATA[data]
    c = Collector()
    kws = ["", "rowvar=False", "bias=True", "ddof=0", "ddof=2", "ddof=1.0", "bias=True, ddof=1",
           "dtype='f4'", "dtype='c16'",
           "fweights=m.array([1, 2, 1, 3, 1, 2])[:m.atleast_2d(x).shape[1]]",
           "aweights=m.linspace(0.5, 2.0, m.atleast_2d(x).shape[1])",
           "fweights=m.ones(m.atleast_2d(x).shape[1], int) * 2, "
           "aweights=m.arange(1, m.atleast_2d(x).shape[1] + 1) * 0.25",
           "fweights=m.ones(m.atleast_2d(x).shape[1], int), "
           "aweights=m.arange(1, m.atleast_2d(x).shape[1] + 1) * 0.25, ddof=0",
           "y=x", "y=x, rowvar=False", "y=m.atleast_2d(x)[:1]"]
    for kw in kws:
        c(check_warns, f"m.cov(x, {kw})", compare=close_matrix,
          x=P(eval(x, {"m": rp}), eval(x, {"m": np})))
    for kw in ["", "rowvar=False", "dtype='f4'", "y=x", "y=m.atleast_2d(x)[::-1]"]:
        c(check_warns, f"m.corrcoef(x, {kw})", compare=close_matrix,
          x=P(eval(x, {"m": rp}), eval(x, {"m": np})))
    c.done()


def test_cov_random():
    """Random data: equal up to the rounding of the matrix product."""
    rng = np.random.default_rng(3)
    c = Collector()
    for shape in [(3, 50), (5, 7), (1, 20), (10, 3)]:
        x = rng.standard_normal(shape)
        w = rng.integers(1, 4, shape[1])
        aw = rng.random(shape[1])
        for kw in ["", "rowvar=False", "bias=True", "fweights=w", "aweights=aw",
                   "fweights=w, aweights=aw", "ddof=3"]:
            c(check, f"m.cov(x, {kw})", compare=close_matrix, x=np_rp(x), w=np_rp(w),
              aw=np_rp(aw))
        c(check, "m.corrcoef(x)", compare=close_matrix, x=np_rp(x))
        c(check, "m.corrcoef(x, x[::-1] * 2)", compare=close_matrix, x=np_rp(x))
    c.done()


@pytest.mark.parametrize("expr", [
    "m.cov(m.ones((2, 2, 2)))", "m.cov(m.ones((2, 3)), y=m.ones((2, 2, 2)))",
    "m.cov(m.ones((2, 3)), ddof=1.5)", "m.cov(m.ones((2, 3)), fweights=[1, 2.5, 1])",
    "m.cov(m.ones((2, 3)), fweights=[[1, 2, 1]])", "m.cov(m.ones((2, 3)), fweights=[1, 2])",
    "m.cov(m.ones((2, 3)), fweights=[1, -2, 1])", "m.cov(m.ones((2, 3)), aweights=[[1, 2, 1]])",
    "m.cov(m.ones((2, 3)), aweights=[1, 2])", "m.cov(m.ones((2, 3)), aweights=[1, -2, 1])",
    "m.cov(m.ones((2, 3)), fweights=3)", "m.cov(m.ones((2, 3)), y=m.ones((2, 4)))",
    "m.cov(m.ones((2, 3)), ddof=3)", "m.cov(m.ones((2, 3)), ddof=5)",
    "m.cov([1.0])", "m.cov([1.0, 2.0])", "m.cov([[1.0, 2.0]], aweights=[0, 0])",
    "m.cov(m.ones((2, 3)), fweights=[0, 0, 0])", "m.cov([])", "m.cov(m.zeros((2, 0)))",
    "m.corrcoef([1.0, 2.0, 4.0])", "m.corrcoef([1.0, 1.0, 1.0])", "m.corrcoef([[1.0], [2.0]])",
    "m.corrcoef([[1.0, 2.0], [1.0, 1.0]])", "m.corrcoef(m.ones((2, 2, 2)))",
    "m.corrcoef(m.array([[1 + 1j, 2 - 1j, 0j], [1j, 1 + 0j, 2 + 2j]]))",
    "m.cov(m.array(['a', 'b']))", "m.cov(m.array([1, 2], 'm8[s]'))",
])
def test_cov_cases(expr):
    check_warns(expr, compare=close_matrix)


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e6,
                   max_value=1e6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FLOATS, st.sampled_from([0.0, 1.0, -2.5, 1e-300, 3.0])),
                min_size=1, max_size=40),
       st.lists(st.floats(0, 1), min_size=1, max_size=5), st.sampled_from(METHODS),
       st.sampled_from(["f8", "f4", "f2"]), st.booleans())
def test_property_quantile_exact(vals, qs, method, dt, scalar_q):
    """Random data and q: every method equals numpy's result bit for bit."""
    with np.errstate(over="ignore"):
        x = np.array(vals).astype(dt) + 0.0  # no -0.0: which zero a selection keeps is free
    q = qs[0] if scalar_q else qs
    r, n = both(lambda m: m.quantile(x if m is np else to_rp(x), q, method=method))
    assert_outcomes(r, n, msg=f"quantile({x.tolist()}, {q}, method={method})")
    r, n = both(lambda m: m.percentile(x if m is np else to_rp(x), np.multiply(q, 100).tolist()
                                       if not scalar_q else q * 100, method=method))
    assert_outcomes(r, n, msg=f"percentile({x.tolist()}, {q}, method={method})")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(FLOATS, st.just(float("nan")), st.just(float("inf"))), min_size=6,
                max_size=6 * 8),
       st.lists(st.floats(0, 1), min_size=1, max_size=3), st.sampled_from(METHODS),
       st.sampled_from(["f8", "f4", "f2"]), st.sampled_from([None, 0, 1]), st.booleans())
def test_property_nanquantile_2d(vals, qs, method, dt, axis, scalar_q):
    """NaN and inf mixed in a 2-d array: quantile and nanquantile along each axis."""
    with np.errstate(over="ignore"):
        x = np.array(vals[: len(vals) // 6 * 6]).astype(dt).reshape(-1, 6) + 0.0
    qs = qs[0] if scalar_q else qs
    for f in ("quantile", "nanquantile"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r, n = both(lambda m: getattr(m, f)(x if m is np else to_rp(x), qs, axis=axis,
                                                method=method))
        assert_outcomes(r, n, msg=f"{f}({x.tolist()}, {qs}, axis={axis}, method={method})")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r, n = both(lambda m: m.nanmedian(x if m is np else to_rp(x), axis=axis))
    assert_outcomes(r, n, msg=f"nanmedian({x.tolist()}, axis={axis})")


@settings(max_examples=150, deadline=None)
@given(st.lists(FLOATS, min_size=1, max_size=30), st.sampled_from(["f8", "f4", "f2", "i8"]))
def test_property_median(vals, dt):
    with np.errstate(over="ignore", invalid="ignore"):
        x = np.array(vals).astype(dt) + np.array(0, dt)
    r, n = both(lambda m: m.median(x if m is np else to_rp(x)))
    assert_outcomes(r, n, msg=f"median({x.tolist()})")


@pytest.mark.parametrize("expr", [
    "m.quantile(m.zeros(0), 0.5, weights=m.zeros(0), method='inverted_cdf')",
    "m.quantile(m.zeros(0, int), [0.5], weights=m.zeros(0), method='inverted_cdf')",
    "m.quantile(m.zeros((3, 0)), 0.5, axis=1, weights=m.zeros((3, 0)), method='inverted_cdf')",
    "m.quantile(m.zeros((0, 3)), 0.5, axis=1, weights=m.ones(3), method='inverted_cdf')",
    "m.nanquantile(m.zeros((0, 3)), 0.5, axis=1, weights=m.ones(3), method='inverted_cdf')",
])
def test_weighted_empty(expr):
    check(expr)
