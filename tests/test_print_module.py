"""Tests for src/rumpy/_print.py: pure-Python numpy-compatible array printing.

The module is loaded by path so these tests run before the Rust extension is
built.  numpy arrays are duck-typed through it and *every* expected string is
produced by numpy itself (nothing is hard-coded).
"""

import ast
import contextlib
import functools
import importlib.util
import math
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_PATH = Path(__file__).resolve().parents[1] / "src" / "rumpy" / "_print.py"
_spec = importlib.util.spec_from_file_location("rumpy_print_under_test", _PATH)
P = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(P)

FLOAT_DTYPES = ["float16", "float32", "float64"]
COMPLEX_DTYPES = ["complex64", "complex128"]
INT_DTYPES = ["int8", "int16", "int32", "int64",
              "uint8", "uint16", "uint32", "uint64"]
ALL_DTYPES = ["bool"] + INT_DTYPES + FLOAT_DTYPES + COMPLEX_DTYPES

SHAPES = [(), (0,), (0, 3), (5,), (3, 4), (2, 3, 4), (1001,), (50, 50)]

OPTION_SETS = [
    {},
    {"precision": 3},
    {"suppress": True},
    {"floatmode": "fixed"},
    {"floatmode": "unique"},
    # {"floatmode": "maxprec"} is the default, i.e. the {} entry
    {"floatmode": "maxprec_equal"},
    {"sign": "+"},
    {"sign": " "},
    {"linewidth": 40},
    {"threshold": 10, "edgeitems": 2},
    {"precision": 2, "floatmode": "fixed", "suppress": True, "sign": " "},
    {"nanstr": "NaN", "infstr": "Infinity", "sign": "+"},
]


_STR_OPTION_SETS = [{}, {"linewidth": 40}, {"threshold": 10, "edgeitems": 2},
                    {"sign": " "}, {"floatmode": "fixed"}]


@contextlib.contextmanager
def both_options(**opts):
    """Apply the same print options to numpy and to the module."""
    with np.printoptions(**opts), P.printoptions(**opts):
        yield


def check(x, **kw):
    """Compare repr/str (and array2string variants) with numpy."""
    assert P.array_repr(x, **kw) == np.array_repr(x, **kw)
    assert P.array_str(x, **kw) == np.array_str(x, **kw)
    if not kw:
        assert P.array_repr(x) == repr(x)
        assert P.array_str(x) == str(x)


# ---------------------------------------------------------------------------
# data generation
# ---------------------------------------------------------------------------

_SPECIALS = [0.0, -0.0, np.nan, np.inf, -np.inf, 1.0, -1.0, 0.5, 1e-5,
             1.5e-9, 123456.789, 1e10, 3e30]


def _float_flavours(rng, n, dtype):
    """Several value mixes that exercise positional/scientific switches."""
    finfo = np.finfo(dtype)
    big = min(float(finfo.max) / 10, 1e200)
    return {
        "small_ints": rng.integers(-20, 20, n).astype(float),
        "uniform": rng.uniform(-10, 10, n),
        "wide": rng.choice([-1.0, 1.0], n) * 10.0 ** rng.uniform(-7, 11, n),
        "special": rng.choice(_SPECIALS, n),
        "huge_tiny": rng.choice([big, -big, float(finfo.tiny),
                                 float(finfo.smallest_subnormal), 1.0], n),
        "near_zero": rng.normal(0, 1e-9, n),
    }


@functools.lru_cache(maxsize=None)
def make_values(dtype, shape, seed=0):
    """A list of (label, array) pairs of the given dtype and shape."""
    rng = np.random.default_rng(seed)
    n = math.prod(shape)
    out = []
    with np.errstate(all="ignore"):
        if dtype == "bool":
            out.append(("random", rng.random(n) < 0.5))
            out.append(("all_true", np.ones(n, bool)))
            out.append(("all_false", np.zeros(n, bool)))
        elif dtype in INT_DTYPES:
            info = np.iinfo(dtype)
            out.append(("small", rng.integers(max(info.min, -50), 50, n,
                                              endpoint=True)))
            out.append(("range", rng.integers(info.min, info.max, n,
                                              dtype=dtype, endpoint=True)))
            out.append(("extremes", rng.choice(
                np.array([info.min, info.max, 0, 1], dtype=dtype), n)))
        elif dtype in FLOAT_DTYPES:
            for label, v in _float_flavours(rng, n, dtype).items():
                out.append((label, v))
        else:
            fdt = "float32" if dtype == "complex64" else "float64"
            fl = _float_flavours(rng, n, fdt)
            keys = list(fl)
            for i, label in enumerate(keys):
                imag = fl[keys[(i + 3) % len(keys)]]
                out.append((label, fl[label] + 1j * imag))
        return [(label, np.asarray(v).astype(dtype).reshape(shape))
                for label, v in out]


# ---------------------------------------------------------------------------
# arrays: every dtype x shape x option set
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_array_repr_str(dtype, shape):
    """Every dtype x shape x value mix, under every option set."""
    for label, x in make_values(dtype, shape):
        for opts in OPTION_SETS:
            with both_options(**opts):
                assert P.array_repr(x) == repr(x), (label, opts)
                # str shares the element formatting with repr; check it for
                # the option sets that change layout (prefix/separator)
                if opts in _STR_OPTION_SETS:
                    assert P.array_str(x) == str(x), (label, opts)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_non_contiguous_views(dtype):
    for i, (label, base) in enumerate(make_values(dtype, (4, 5, 3),
                                                  seed=1)[:3]):
        views = [base[::2], base[:, ::-1], base.T, base[1:, ::3, 1::2],
                 base[..., 2], base[3, :, ::-2]]
        for v in views:
            assert not v.flags.c_contiguous
            check(v)
        if i == 0:
            with both_options(threshold=8, edgeitems=1):
                for v in views:
                    check(v)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_summarised_large(dtype):
    for label, x in make_values(dtype, (30, 40, 3), seed=2)[:2]:
        check(x)
        check(x[:, ::-3, :])
        with both_options(edgeitems=1, linewidth=30):
            check(x)


def test_function_keyword_arguments():
    rng = np.random.default_rng(3)
    for x in [rng.random((4, 6)) * 1e-3, rng.normal(size=12) * 1e5,
              np.array([1e-6, 4e-7, 2, 3])]:
        for kw in [dict(precision=2), dict(suppress_small=True),
                   dict(max_line_width=30), dict(precision=6,
                                                 suppress_small=True),
                   dict(max_line_width=20, precision=1)]:
            check(x, **kw)


@pytest.mark.parametrize("dtype", ["int16", "int64", "float32", "bool",
                                   "complex64"])
def test_line_wrapping_and_dtype_placement(dtype):
    """Lengths around the line width: wrapping, and dtype= on a new line."""
    base = (np.arange(40) * 997 % 1000).astype(dtype)
    for n in range(1, 40):
        x = base[:n]
        check(x)
        if n % 2:
            with both_options(linewidth=40):
                check(x.reshape(1, n))


def test_zero_size_and_0d_special_cases():
    for dtype in ALL_DTYPES:
        for shape in [(0,), (0, 3), (3, 0), (2, 0, 4), (1, 0)]:
            check(np.zeros(shape, dtype=dtype))
        with np.errstate(all="ignore"):
            values = [0, 1, -1, 0.1, np.nan, np.inf, -np.inf, -0.0, 1e20,
                      3e-9, 1 + 2j, 1e20j] if dtype != "bool" else [0, 1]
            for v in values:
                if dtype in INT_DTYPES or dtype == "bool":
                    if isinstance(v, complex) or not np.isfinite(v):
                        continue
                    v = int(v)
                    if dtype != "bool" and not (np.iinfo(dtype).min <= v
                                                <= np.iinfo(dtype).max):
                        continue
                elif dtype in FLOAT_DTYPES and isinstance(v, complex):
                    continue
                x = np.array(v, dtype=dtype)
                check(x)
                for opts in OPTION_SETS:
                    with both_options(**opts):
                        check(x)
        with both_options(threshold=0):
            check(np.array(1, dtype=dtype))
            check(np.ones(3, dtype=dtype))


def test_edgeitems_zero_and_threshold_zero():
    for x in [np.arange(7), np.arange(12.).reshape(3, 4),
              np.arange(24).reshape(2, 3, 4).astype(np.int8)]:
        for opts in [dict(threshold=0), dict(threshold=0, edgeitems=0),
                     dict(threshold=5, edgeitems=1)]:
            with both_options(**opts):
                check(x)


# ---------------------------------------------------------------------------
# hypothesis: random floats of each precision
# ---------------------------------------------------------------------------

_HYP = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
_opt_strategy = st.sampled_from(OPTION_SETS + [{"floatmode": "maxprec"}])


@pytest.mark.parametrize("width", [16, 32, 64])
def test_hypothesis_float_arrays(width):
    dtype = f"float{width}"

    @_HYP
    @given(st.lists(st.floats(width=width), max_size=12), _opt_strategy,
           st.sampled_from([(-1,), (2, -1)]))
    def inner(values, opts, shape):
        x = np.array(values, dtype=dtype)
        if len(values) % 2 == 0 and len(values):
            x = x.reshape(shape)
        with both_options(**opts):
            check(x)

    inner()


@pytest.mark.parametrize("width", [32, 64])
def test_hypothesis_complex_arrays(width):
    dtype = f"complex{2 * width}"
    pair = st.tuples(st.floats(width=width), st.floats(width=width))

    @_HYP
    @given(st.lists(pair, max_size=8), _opt_strategy)
    def inner(pairs, opts):
        x = np.empty(len(pairs), dtype=dtype)
        x.real = [p[0] for p in pairs]
        x.imag = [p[1] for p in pairs]
        with both_options(**opts):
            check(x)

    inner()


@pytest.mark.parametrize("width", [16, 32, 64])
def test_hypothesis_float_scalars(width):
    dtype = f"float{width}"
    npt = np.dtype(dtype).type

    @settings(max_examples=100, deadline=None)
    @given(st.floats(width=width))
    def inner(v):
        s = npt(v)
        assert P.scalar_repr(s.item(), dtype) == repr(s)
        assert P.scalar_str(s.item(), dtype) == str(s)
        assert P.array_repr(np.array(s)) == repr(np.array(s))

    inner()


@pytest.mark.parametrize("width", [16, 32, 64])
def test_hypothesis_format_float(width):
    """The Dragon4 port against numpy.format_float_{positional,scientific}."""
    dtype = f"float{width}"
    npt = np.dtype(dtype).type
    opt_int = st.one_of(st.none(), st.integers(0, 20))

    @settings(max_examples=60, deadline=None)
    @given(st.floats(width=width, allow_nan=False, allow_infinity=False),
           st.booleans(), opt_int, opt_int, st.sampled_from("k.0-"),
           st.booleans(), opt_int, opt_int, st.booleans(),
           st.one_of(st.none(), st.integers(0, 6)))
    def inner(v, unique, precision, min_digits, trim, sign, pad_left,
              pad_right, fractional, exp_digits):
        if not unique and precision is None:
            precision = 3
        if not fractional and precision == 0:
            precision = 1
        if (min_digits is not None and precision is not None
                and precision > 0 and min_digits > precision):
            min_digits = precision
        s = npt(v)
        assert P.format_float_positional(
            v, precision, unique, fractional, trim, sign, pad_left,
            pad_right, min_digits, dtype=dtype) == np.format_float_positional(
            s, precision, unique, fractional, trim, sign, pad_left,
            pad_right, min_digits)
        assert P.format_float_scientific(
            v, precision, unique, trim, sign, pad_left, exp_digits,
            min_digits, dtype=dtype) == np.format_float_scientific(
            s, precision, unique, trim, sign, pad_left, exp_digits,
            min_digits)

    inner()


@pytest.mark.parametrize("width", [32, 64])
def test_hypothesis_complex_scalars(width):
    dtype = f"complex{2 * width}"
    npt = np.dtype(dtype).type
    fl = st.floats(width=width)

    @settings(max_examples=100, deadline=None)
    @given(fl, fl)
    def inner(re, im):
        s = npt(complex(re, im))
        assert P.scalar_repr(s.item(), dtype) == repr(s)
        assert P.scalar_str(s.item(), dtype) == str(s)

    inner()


def test_format_float_non_finite_and_inexact_input():
    for dtype in FLOAT_DTYPES:
        t = np.dtype(dtype).type
        with np.errstate(all="ignore"):
            for v in [np.nan, -np.nan, np.inf, -np.inf]:
                for kw in [{}, dict(sign=True), dict(pad_left=5),
                           dict(pad_right=3, trim="-")]:
                    assert (P.format_float_positional(v, dtype=dtype, **kw)
                            == np.format_float_positional(t(v), **kw))
                    kw.pop("pad_right", None)
                    assert (P.format_float_scientific(v, dtype=dtype, **kw)
                            == np.format_float_scientific(t(v), **kw))
            # Python floats not representable in the type are rounded to it
            for v in [0.1, 1 / 3, 1e-8, 70000.0, 3.4e38, 1e39]:
                assert P.scalar_repr(v, dtype) == repr(t(v))
                assert P.scalar_str(v, dtype) == str(t(v))


def test_float_bit_patterns_exhaustive_half_and_sampled():
    """Every 7th finite float16 bit pattern (all exponents), and float32/64
    values at power-of-two edges and subnormals."""
    halves = np.arange(0, 1 << 16, dtype=np.uint16).view(np.float16)
    halves = halves[np.isfinite(halves)]
    # every 7th value keeps the runtime low while covering all exponents
    for h in halves[::7]:
        assert P.scalar_repr(float(h), "float16") == repr(h)
    for t, name, u in [(np.float32, "float32", np.uint32),
                       (np.float64, "float64", np.uint64)]:
        nbits = np.dtype(t).itemsize * 8
        mbits = 23 if nbits == 32 else 52
        edges = []
        for e in range(0, (1 << (nbits - 1 - mbits)) - 1, 9):
            for m in (0, 1, 2, (1 << mbits) - 1):
                edges.append((e << mbits) | m)
        vals = np.array(edges, dtype=u).view(t)
        for v in vals:
            assert P.scalar_str(float(v), name) == str(v)
            assert P.scalar_repr(-float(v), name) == repr(-v)


# ---------------------------------------------------------------------------
# scalars
# ---------------------------------------------------------------------------

def _scalar_cases(dtype):
    if dtype == "bool":
        return [np.True_, np.False_]
    t = np.dtype(dtype).type
    if dtype in INT_DTYPES:
        info = np.iinfo(dtype)
        return [t(v) for v in (0, 1, 7, info.min, info.max,
                               max(info.min, -5), 100)]
    vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1 / 3, np.nan, -np.nan, np.inf,
            -np.inf, 1e-4, 9.99e-5, 1e3, 999.5, 1e6, 1e7, 1e16, 1e15 * 9.99,
            1e20, 5e-324, 1e-45, 6e-8, 65504.0, 123456789.0, 2.0 ** 60]
    with np.errstate(all="ignore"):
        if dtype in FLOAT_DTYPES:
            return [t(v) for v in vals]
        out = []
        for i, re in enumerate(vals):
            for im in (vals[(i * 7) % len(vals)], 0.0, -0.0, np.nan):
                out.append(t(complex(re, im)))
        return out


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_scalar_repr_str(dtype):
    for s in _scalar_cases(dtype):
        assert P.scalar_repr(s.item(), dtype) == repr(s)
        assert P.scalar_str(s.item(), dtype) == str(s)
        # a dtype object (with .name) works as well as the name
        assert P.scalar_repr(s.item(), np.dtype(dtype)) == repr(s)
        # 0-d arrays of the same value
        check(np.array(s))


@pytest.mark.parametrize("legacy", ["1.25", "2.1", "2.2", False])
def test_scalar_legacy_modes(legacy):
    for dtype in ALL_DTYPES:
        with both_options(legacy=legacy):
            for s in _scalar_cases(dtype):
                assert P.scalar_repr(s.item(), dtype) == repr(s)
                assert P.scalar_str(s.item(), dtype) == str(s)


# ---------------------------------------------------------------------------
# print options API
# ---------------------------------------------------------------------------

def test_get_printoptions_matches_numpy():
    assert P.get_printoptions() == np.get_printoptions()
    assert list(P.get_printoptions()) == list(np.get_printoptions())
    for opts in OPTION_SETS + [dict(legacy="1.25"), dict(legacy="2.2"),
                               dict(legacy=False), dict(legacy="1.13",
                                                        sign="+")]:
        with np.printoptions(**opts) as a, P.printoptions(**opts) as b:
            assert a == b
            assert P.get_printoptions() == np.get_printoptions()
    assert P.get_printoptions() == np.get_printoptions()


def test_set_printoptions_persists_and_resets():
    old_np, old_p = np.get_printoptions(), P.get_printoptions()
    try:
        for opts in [dict(precision=4), dict(linewidth=50, threshold=20),
                     dict(suppress=True, sign="+")]:
            np.set_printoptions(**opts)
            P.set_printoptions(**opts)
            assert P.get_printoptions() == np.get_printoptions()
            for x in [np.linspace(0, 1, 30), np.arange(40) * 1e-6]:
                check(x)
    finally:
        np.set_printoptions(**old_np)
        P.set_printoptions(**old_p)
    assert P.get_printoptions() == old_p


def _raises_same(fn_np, fn_p):
    with pytest.raises(Exception) as e_np:
        fn_np()
    # a SyntaxError/NameError would be the test's own fault, not numpy refusing the input
    assert not isinstance(e_np.value, (SyntaxError, NameError)), e_np.value
    with pytest.raises(Exception) as e_p:
        fn_p()
    assert type(e_np.value) is type(e_p.value)
    assert str(e_np.value) == str(e_p.value)


@pytest.mark.parametrize("bad", [
    dict(floatmode="bogus"), dict(sign="x"), dict(sign=True),
    dict(threshold="1000"), dict(threshold=float("nan")),
    dict(precision=1.5), dict(precision="3"),
])
def test_option_validation(bad):
    _raises_same(lambda: np.set_printoptions(**bad),
                 lambda: P.set_printoptions(**bad))
    x = np.arange(3.)
    kw = {k.replace("linewidth", "max_line_width"): v for k, v in bad.items()}
    _raises_same(lambda: np.array2string(x, **kw),
                 lambda: P.array2string(x, **kw))
    assert P.get_printoptions() == np.get_printoptions()


def test_negative_precision_rejected():
    x = np.arange(3.)
    _raises_same(lambda: np.array2string(x, precision=-1),
                 lambda: P.array2string(x, precision=-1))


def test_unknown_legacy_warns():
    old = np.get_printoptions()
    try:
        with pytest.warns(UserWarning) as w_np:
            np.set_printoptions(legacy="0.1")
    finally:  # numpy stores the bad value verbatim: restore
        np.set_printoptions(**{**old, "legacy": False})
    with pytest.warns(UserWarning) as w_p:
        with P.printoptions(legacy="0.1"):
            # the unknown value is ignored (numpy would store it verbatim)
            assert P.get_printoptions()["legacy"] is False
    assert str(w_np[0].message) == str(w_p[0].message)
    assert P.get_printoptions() == np.get_printoptions()


def test_override_repr():
    def f(a):
        return f"<{a.shape}>"

    x = np.arange(4)
    with both_options(override_repr=f):
        assert P.array_repr(x) == repr(x)
    assert P.array_repr(x) == repr(x)


# ---------------------------------------------------------------------------
# array2string keywords, formatters and legacy layouts
# ---------------------------------------------------------------------------

def test_array2string_keywords():
    rng = np.random.default_rng(5)
    arrays = [np.arange(10.), rng.random((3, 5)) * 100, np.arange(30),
              np.array([1e-16, 1, 2, 3]), np.array([True, False]),
              (rng.random(6) + 1j * rng.random(6)).astype(np.complex64),
              np.arange(2000).reshape(20, 100)]
    kws = [dict(separator=","), dict(separator=", ", prefix="array("),
           dict(prefix="foo(", suffix=")", max_line_width=30),
           dict(precision=2, separator=",", suppress_small=True),
           dict(threshold=5, edgeitems=1), dict(sign="+", floatmode="fixed"),
           dict(sign=" ", floatmode="unique", max_line_width=25),
           dict(legacy=False), dict(legacy="2.2", separator=", ")]
    for x in arrays:
        for kw in kws:
            assert P.array2string(x, **kw) == np.array2string(x, **kw), kw


def test_formatters():
    arrays = [np.arange(5), np.array([1.5, -2.25, 3e-5]),
              np.array([1 + 2j, -3.5j]), np.array([True, False]),
              np.arange(6, dtype=np.uint8).reshape(2, 3)]
    formatters = [
        {"float": lambda v: f"{v:.2f}"},
        {"float_kind": lambda v: f"<{v:g}>", "int": lambda v: hex(v)},
        {"int_kind": lambda v: f"{v:04d}"},
        {"complex_kind": lambda v: f"{v.real:.1f}|{v.imag:.1f}"},
        {"bool": lambda v: "yes" if v else "no"},
        {"all": lambda v: "X"},
        {"all": lambda v: "X", "int": lambda v: f"i{v}"},
        {"float": None, "int": lambda v: str(v * 2)},
    ]
    for fmt in formatters:
        for x in arrays:
            assert (P.array2string(x, formatter=fmt) ==
                    np.array2string(x, formatter=fmt))
            with both_options(formatter=fmt):
                check(x)


@pytest.mark.parametrize("legacy", ["1.13", "1.21", "1.25", "2.1", "2.2"])
def test_legacy_array_layouts(legacy):
    rng = np.random.default_rng(9)
    arrays = [np.arange(12).reshape(3, 4), rng.random((2, 3, 4)),
              np.array([-1.5, 2.0, np.nan, -np.inf]),
              np.array([1e-9, 1.0, 1e9], dtype=np.float32),
              np.array([1e4, 6e4, 3.0], dtype=np.float16),
              np.array([True, False, True]), np.arange(1500) * 1.5,
              (rng.random(5) - 1j).astype(np.complex64),
              np.arange(40, dtype=np.int8)]
    with both_options(legacy=legacy):
        for x in arrays:
            check(x)
        with both_options(legacy=legacy, linewidth=30, threshold=10):
            for x in arrays:
                check(x)
        if legacy != "1.13":  # 1.13 0-d arrays use numpy's C legacy code
            for x in [np.array(1.5), np.array(True), np.array(3, np.int8)]:
                check(x)


def test_legacy_113_unique_scientific_error():
    x = np.array([[1e-10], [2.0]])
    with both_options(legacy="1.13", floatmode="unique"):
        _raises_same(lambda: repr(x), lambda: P.array_repr(x))


def test_sign_option_on_integers_and_bools():
    for x in [np.arange(-3, 4), np.arange(5, dtype=np.uint16),
              np.array([0, 10, 100]), np.array([True, False])]:
        for sign in "-+ ":
            with both_options(sign=sign):
                check(x)
                check(x.reshape(-1, 1))


def test_warning_free():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for dtype in ALL_DTYPES:
            for _, x in make_values(dtype, (4, 5), seed=11):
                P.array_repr(x)
                P.array_str(x)


def test_module_does_not_import_numpy():
    tree = ast.parse(_PATH.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert "numpy" not in imported
