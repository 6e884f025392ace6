"""Set routines against numpy: unique (every flag combination, equal_nan, axis=, every dtype
family with NaN, signed zeros, NaT, text and objects, every layout), the Array API variants
and their named tuples, isin (each kind, invert, assume_unique, the table method's range
rules, the short-list and sorting regimes, mixed dtypes), intersect1d, union1d, setdiff1d and
setxor1d, and numpy's errors.

NumPy's default sort is not stable here (SIMD quicksort), so which of several equal values
(0.0 and -0.0) it keeps is not defined where it sorts without ``return_index``: those
results are compared with zeros unsigned."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rumpy as rp
from conftest import (ALL_DTYPES, SHAPE_CASE_NAMES, Collector, P, assert_same, check,
                      make_pair)

NAN = float("nan")
INF = float("inf")
NAMES = {"nan": NAN, "inf": INF}

# (return_index, return_inverse, return_counts)
FLAGS = list(itertools.product([False, True], repeat=3))
SET_FUNCS = ["intersect1d", "union1d", "setdiff1d", "setxor1d"]


def flag_kw(flags):
    ri, rv, rc = flags
    return f"return_index={ri}, return_inverse={rv}, return_counts={rc}"


# ---------------------------------------------------------------------------
# comparisons
# ---------------------------------------------------------------------------

def _unsigned_zeros(x):
    """Floats and complex with -0.0 made 0.0 (either library's array)."""
    mod = rp if isinstance(x, rp.ndarray) else np
    if isinstance(x, (rp.ndarray, np.ndarray)) and x.dtype.kind in "fc":
        return mod.where(x == 0, mod.zeros_like(x), x)
    return x


def _first_unsigned(r, n):
    """Compare with the unique values' zeros unsigned (first item of a tuple)."""
    if isinstance(n, tuple):
        assert type(r) is tuple and len(r) == len(n)
        r = (_unsigned_zeros(r[0]),) + r[1:]
        n = (_unsigned_zeros(n[0]),) + n[1:]
    else:
        r, n = _unsigned_zeros(r), _unsigned_zeros(n)
    same(r, n)


def _items_equal(a, b):
    if isinstance(b, list):
        return isinstance(a, list) and len(a) == len(b) and all(map(_items_equal, a, b))
    if isinstance(b, float) and b != b:
        return isinstance(a, float) and a != a
    return type(a) is type(b) and a == b


def same(r, n):
    """assert_same, with object arrays compared item by item (type included) and the named
    tuples of the Array API functions by type name, fields and items."""
    if isinstance(n, tuple) and hasattr(n, "_fields"):
        assert type(r).__name__ == type(n).__name__, (type(r), type(n))
        assert r._fields == n._fields
        same(tuple(r), tuple(n))
    elif isinstance(n, tuple):
        assert type(r) is tuple and len(r) == len(n), (r, n)
        for x, y in zip(r, n):
            same(x, y)
    elif isinstance(n, np.ndarray) and n.dtype.kind in "mM":
        # NaT != NaT: times are compared by their ticks (NaT is int64's minimum).
        assert isinstance(r, rp.ndarray), r
        assert np.asarray(r).dtype.str == n.dtype.str, (r.dtype, n.dtype)
        assert_same(r.view("i8"), n.view("i8"))
    elif isinstance(n, np.ndarray) and n.dtype == object:
        assert isinstance(r, rp.ndarray) and r.dtype == rp.dtype(object), r
        assert r.shape == n.shape, (r.shape, n.shape)
        assert _items_equal(r.tolist(), n.tolist()), (r, n)
    else:
        assert_same(r, n)


def scheck(expr, **names):
    return check(expr, compare=same, **names)


def zcheck(expr, **names):
    return check(expr, compare=_first_unsigned, **names)


# ---------------------------------------------------------------------------
# unique: dtypes, layouts, axes, flags
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_unique_shapes_and_dtypes(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    a = P(r, n)
    c = Collector()
    for axis in [None, 0, 1, -1, 2]:
        for flags in FLAGS:
            c(scheck, f"m.unique(a, {flag_kw(flags)}, axis={axis})", a=a)
    for en in [True, False]:
        c(scheck, f"m.unique(a, equal_nan={en})", a=a)
        c(scheck, f"m.unique(a, True, True, True, equal_nan={en})", a=a)
    for fn in ["unique_all", "unique_counts", "unique_inverse"]:
        c(scheck, f"m.{fn}(a)", a=a)
    c(scheck, "m.sort(m.unique_values(a))", a=a)
    c(scheck, "m.unique(a, sorted=False, return_counts=True)", a=a)
    c.done()


SPECIAL = {
    "f8": "[nan, 1.5, -inf, 0.0, -0.0, inf, -2.0, nan, 1.5, 0.0, -0.0, 3.0]",
    "f4": "[nan, 1.5, -inf, 0.0, -0.0, inf, -2.0, nan, 1.5, 0.0, -0.0, 3.0]",
    "f2": "[nan, 1.5, -inf, 0.0, -0.0, inf, -2.0, nan, 1.5, 0.0, -0.0, 3.0]",
    ">f8": "[nan, 1.5, -inf, 0.0, inf, -2.0, nan, 1.5, 0.0, 3.0, -inf, 2.0]",
    "g": "[nan, 1.5, -inf, 0.0, inf, -2.0, nan, 1.5, 1/3, 3.0, 1/3, nan]",
    "c16": "[complex(nan, 1), complex(1, nan), complex(nan, nan), 1+1j, 1-1j, -1+0j, "
           "complex(1, nan), complex(nan, -1), 0j, complex(-0.0, 0), 1+1j, complex(-inf, 2)]",
    "c8": "[complex(nan, 1), complex(1, nan), complex(nan, nan), 1+1j, 1-1j, -1+0j, "
          "complex(1, nan), complex(nan, 1), 0j, complex(0, -0.0), 1+1j, complex(-inf, 2)]",
    "i8": "[3, -9223372036854775808, 9223372036854775807, 0, -1, 3, 5, -1, 0, 7, 3, 5]",
    "u8": "[3, 18446744073709551615, 0, 2**63, 3, 1, 2**63 - 1, 2**63, 0, 1, 7, 3]",
    "i1": "[-128, 127, 0, -1, 5, -128, 5, 127, 0, 0, 1, -1]",
    ">i4": "[3, -7, 0, -1, 5, 3, 5, 9, 0, -7, 1, 9]",
    "u2": "[65535, 0, 3, 65535, 1, 3, 0, 2, 2, 9, 1, 0]",
    "?": "[True, False, True, False, False, True, True, True, False, True, False, True]",
    "M8[s]": "['2001-01-01', 'NaT', '1970-01-01', '1969-12-31T23:59:59', 'NaT', "
             "'2001-01-01', 'NaT', '1970-01-01', '2001-01-01', '1999-01-01', 'NaT', "
             "'1970-01-01']",
    ">M8[D]": "['2001-01-01', 'NaT', '1970-01-01', '1969-12-31', 'NaT', '2001-01-01', "
              "'NaT', '1970-01-01', '2001-01-01', '1999-01-01', 'NaT', '1970-01-02']",
    "m8[ms]": "[5, 'NaT', -3, 0, 5, 'NaT', 0, 7, -3, 'NaT', 1, 5]",
    "U5": "['b', 'a', '', 'ab', 'a\\x00', 'ba', 'é', 'a', 'b', '', 'ab', 'zz']",
    "S3": "[b'b', b'a', b'', b'ab', b'a\\x00', b'\\xff', b'a', b'b', b'', b'ab', b'zz', b'a']",
    "O": "[3, 1.5, 2, 1, True, 3.0, 1.5, 0, False, 2, 7, 0.0]",
}


def build(src, dtype):
    """P(rumpy array, numpy array) from the source of a list and a dtype."""
    return P(*(eval(f"m.array({src}, '{dtype}')", {"m": m, **NAMES}) for m in (rp, np)))


@pytest.mark.parametrize("dtype", list(SPECIAL))
def test_unique_special_values(dtype):
    c = Collector()
    a = build(SPECIAL[dtype], dtype)
    for variant in ["a", "a[::-1]", "a[::2]", "a.reshape(4, 3)", "a.reshape(3, 4).T"]:
        for en in [True, False]:
            for flags in FLAGS:
                # With return_index NumPy sorts stably; otherwise the zero kept is not defined.
                c(scheck if flags[0] else zcheck,
                  f"m.unique({variant}, {flag_kw(flags)}, equal_nan={en})", a=a)
    for axis in [0, 1, -1]:
        for flags in FLAGS:
            c(scheck if flags[0] else zcheck,
              f"m.unique(a.reshape(4, 3), {flag_kw(flags)}, axis={axis})", a=a)
    c(scheck, "m.unique_all(a)", a=a)
    for fn in ["unique_counts", "unique_inverse"]:
        c(zcheck, f"tuple(m.{fn}(a))", a=a)
    c(zcheck, "m.sort(m.unique_values(a))", a=a)
    c.done()


@pytest.mark.parametrize("expr", [
    # Where NumPy hashes (no extra outputs), complex NaNs keep the first NaN met.
    "m.unique(m.array([complex(nan, 2), complex(nan, 1), 3, complex(1, nan)]))",
    "m.unique(m.array([complex(1, nan), complex(nan, 1), 3, complex(nan, 2)]))",
    "m.unique(m.array([complex(nan, 2), complex(nan, 1), 3]), equal_nan=False)",
    "m.unique(m.array([complex(nan, 2), complex(nan, 1), 3]), return_counts=True)",
    "m.unique(m.array([0j, complex(-0.0, 0), complex(0, -0.0), 1j]))",
    "m.unique(m.array([complex(-0.0, -0.0), 0j, complex(0, -0.0), 1j]))",
    "m.unique(m.array([complex(-0.0, -0.0), 0j, complex(0, -0.0), 1j]), return_index=True)",
    # ... and every NaT is one value, whatever equal_nan says.
    "m.unique(m.array(['NaT', 5, 'NaT'], 'M8[s]'), equal_nan=False)",
    "m.unique(m.array(['NaT', 5, 'NaT'], 'M8[s]'), equal_nan=False, "
    "return_counts=True)[1]",
    "m.unique(m.array(['NaT', 5, 'NaT'], 'm8[s]'), equal_nan=False)",
    # the small-range table of integers across int64's and uint64's edges
    "m.unique(m.array([2**63 - 2, 2**63 + 1, 2**63, 2**63 - 2, 2**63 - 1], 'u8'))",
    "m.unique(m.array([2**64 - 1, 2**64 - 3, 2**64 - 1], 'u8'))",
    "m.unique(m.array([-2**63, -2**63 + 2, -2**63]))",
    "m.unique(m.array([2**63 - 1, 2**63 - 3, 2**63 - 1]))",
    "m.unique(m.array([-128, 127, -128, 0], 'i1'))",
    "m.unique(m.array([-3, 2, -3], '>i2'))",
    "m.unique(m.array([0, 10**6, 5, 0]))",
    # NumPy orders real + NaN*j after every NaN-free complex number
    "m.unique(m.array([3, complex(1, nan), 0j, complex(1, nan), 5]), return_index=True, "
    "return_inverse=True, return_counts=True)",
    "m.unique(m.array([3, complex(1, nan), 0j, complex(1, nan), 5]), equal_nan=False, "
    "return_counts=True)",
    "m.unique(m.array([[3, complex(1, nan)], [0j, 1], [3, complex(1, nan)]]), axis=0, "
    "return_index=True, return_counts=True)",
    "m.unique(m.array([[3, complex(1, nan)], [0j, 1], [3, complex(1, nan)]]), axis=1, "
    "return_inverse=True)",
    "m.unique(m.array([nan, -nan, 1.0]), return_index=True)",
    "m.unique(m.array([-0.0, 0.0, 1.0]), return_index=True)",
    "m.unique(m.array([0.0, -0.0, 1.0]), return_index=True)",
    "m.unique(m.array([1.0, nan, 2.0, nan]), equal_nan=False, return_inverse=True)",
    "m.unique(m.array([[1.0, nan], [1.0, nan], [-0.0, 2.0], [0.0, 2.0]]), axis=0, "
    "return_index=True, return_inverse=True, return_counts=True)",
    "m.unique(m.array([[1.0, nan], [1.0, nan], [-0.0, 2.0], [0.0, 2.0]]), axis=0, "
    "equal_nan=True, return_counts=True)[1]",
    "m.unique(m.array([[complex(nan, 1), 1], [complex(nan, 1), 1]]), axis=0, "
    "return_counts=True)[1]",
    "m.unique(m.array([[2, 'NaT'], [2, 'NaT']], 'M8[D]'), axis=0, return_counts=True)[1]",
    "m.unique([[1, 2], [1, 2]], return_inverse=True)",
    "m.unique([[1, 2], [1, 2]], axis=0, return_inverse=True)",
    "m.unique([[1, 2], [1, 2]], axis=1, return_inverse=True)",
    "m.unique([1, 2, 1], axis=0, return_inverse=True)",
    "m.unique([1, 2, 1], axis=-1, return_index=True)",
    "m.unique(m.array(5), return_index=True, return_inverse=True, return_counts=True)",
    "m.unique(m.array(5.5))", "m.unique(7)", "m.unique([])", "m.unique([[]])",
    "m.unique([True, False, True], return_counts=True)",
    "m.unique(['b', 'a', 'b'], return_inverse=True)",
    "m.unique([b'b', b'a', b'b'], return_index=True)",
    "m.unique(m.zeros((3, 0)), axis=0, return_index=True, return_inverse=True, "
    "return_counts=True)",
    "m.unique(m.zeros((3, 0)), axis=1, return_index=True, return_inverse=True, "
    "return_counts=True)",
    "m.unique(m.zeros((0, 3)), axis=0, return_index=True, return_inverse=True, "
    "return_counts=True)",
    "m.unique(m.zeros((0, 0)), axis=0, return_counts=True)",
    "m.unique(m.zeros((2, 0, 3)), axis=1, return_inverse=True)",
    "m.unique(m.zeros((2, 0, 3)), return_inverse=True)",
    "m.unique(m.zeros((2, 0, 3)), axis=0, return_inverse=True, return_counts=True)",
    "m.unique(m.arange(24).reshape(2, 3, 4) % 3, axis=1, return_index=True, "
    "return_inverse=True, return_counts=True)",
    "m.unique(m.arange(24).reshape(2, 3, 4) % 2, axis=2, return_index=True, "
    "return_inverse=True, return_counts=True)",
    "m.unique(m.arange(24).reshape(2, 3, 4) % 2, axis=-3, return_counts=True)",
    "m.unique(m.arange(24).reshape(2, 3, 4)[::-1, :, ::-2] % 3, axis=1, return_inverse=True)",
    "m.unique(m.array([[1, 0], [0, 1], [1, 0]], '>i4'), axis=0, return_index=True)",
    "m.unique(m.array([['b', 'a'], ['b', 'a'], ['a', 'zz']]), axis=0, return_counts=True)",
    "m.unique(m.array([[b'b', b'a'], [b'b', b'a']]), axis=1, return_counts=True)",
    "m.unique(m.array([[True, False], [True, False], [False, False]]), axis=0, "
    "return_inverse=True)",
    "m.unique(m.array([[1.5, 2], [1.5, 2]], 'g'), axis=0, return_counts=True)",
    "m.unique(m.array([[1.5, 2], [1.5, 2]], 'f2'), axis=0, return_counts=True)",
    "m.unique(m.array([[-128, 127], [-128, 127], [0, -1]], 'i1'), axis=0, return_index=True)",
    "m.unique(m.array([[2**64 - 1, 0], [2**63, 1], [2**64 - 1, 0]], 'u8'), axis=0, "
    "return_counts=True)",
    "m.unique(m.array([(1, 2.0), (0, 1.0), (1, 2.0)], [('x', 'i4'), ('y', 'f8')]), True, "
    "True, True)",
    "m.unique(m.array([(1, 2.0), (0, 1.0), (1, 2.0)], [('x', 'i4'), ('y', 'f8')]))",
    "m.unique(m.array([1.5, 2, 1.5, nan], '>c8'), return_inverse=True)",
    "m.unique(m.array([3, 1, 3], '>u2'), return_inverse=True, return_counts=True)",
    "m.unique(m.array([[1, 2], [3, 1]]).T, return_inverse=True, return_counts=True)",
    "m.unique(m.array([[1, 2]], object), axis=1)",
    "m.unique(m.array([[1, 2]], object), axis=0)",
    "m.unique(m.ones((2, 0), object), axis=0)",
    "m.unique(m.array([3, 1, 3], object), axis=0, return_counts=True)",
    "m.unique(m.array([3, 'a', 2], object))",
    "m.unique(m.array(5), axis=0)", "m.unique(m.arange(3), axis=1)",
    "m.unique(m.arange(3), axis=-2)", "m.unique(m.ones((2, 2)), axis=2)",
    "m.unique(m.ones((2, 2)), axis=-3)", "m.unique(m.ones((2, 2)), axis=1.0)",
    "m.unique(m.arange(3), axis=1.0)", "m.unique(m.arange(3), axis=True)",
    "m.unique(m.ones((2, 2)), axis='0')",
])
def test_unique_cases(expr):
    scheck(expr, **NAMES)


@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("dtype", ["i8", "f8", "c16", "U3", "M8[s]", "?", "u1", "S2"])
def test_unique_wide_rows(dtype, axis):
    """Rows wider than the lexsort limit are sorted as records: the same answers."""
    rng = np.random.default_rng(7)
    base = rng.integers(0, 2, (12, 40))
    base[5] = base[2]
    base[9] = base[2]
    base[:, 30] = base[:, 3]
    nb = base.astype(dtype) if dtype != "U3" else base.astype(str).astype(dtype)
    if axis == 1:
        nb = np.ascontiguousarray(nb.T)
    if dtype in ("f8", "c16"):
        nb[0, 0] = NAN
        nb[7, 1] = -0.0 if dtype == "f8" else complex(NAN, 1)
    rb = rp.array(nb.tolist(), dtype=dtype)
    c = Collector()
    for flags in FLAGS:
        expr = f"m.unique(a, {flag_kw(flags)}, axis={axis})"
        c(scheck if flags[0] else zcheck, expr, a=P(rb, nb))
    c.done()


@pytest.mark.parametrize("expr", [
    "m.unique(a, return_counts=True)", "m.unique(a[::-1], return_inverse=True)",
    "m.unique(a.reshape(50, 40), axis=0, return_index=True, return_counts=True)",
    "m.unique(a.reshape(50, 40), axis=1, return_inverse=True)",
    "m.unique(a, True, True, True)", "m.unique(a)", "m.unique(a[::3])",
])
@pytest.mark.parametrize("kind", ["small ints", "wide ints", "u8", "i1", "floats", "strings"])
def test_unique_larger(kind, expr):
    """Thousands of items: the small-range table, the sorting paths and the axis path."""
    rng = np.random.default_rng(3)
    if kind == "small ints":
        nb = rng.integers(-20, 20, 2000)
    elif kind == "wide ints":
        nb = rng.integers(-2**62, 2**62, 2000) // 2**50 * 2**50
    elif kind == "u8":
        nb = (rng.integers(0, 30, 2000).astype("u8") + np.uint64(2**64 - 17))
    elif kind == "i1":
        nb = rng.integers(-128, 128, 2000).astype("i1")
    elif kind == "floats":
        nb = rng.integers(0, 5, 2000) * 0.5
        nb[::37] = NAN
    else:
        nb = rng.integers(0, 9, 2000).astype("U1")
    rb = rp.array(nb.tolist(), dtype=nb.dtype.str)
    scheck(expr, a=P(rb, nb))


# ---------------------------------------------------------------------------
# isin
# ---------------------------------------------------------------------------

KINDS = ["None", "'sort'", "'table'"]


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_isin_shapes_and_dtypes(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    tn = np.array([0, 1, 3, -3, 2.25, 5.25], dtype=np.float64).astype(dtype) \
        if dtype != "bool" else np.array([True])
    tr = rp.array(tn.tolist(), dtype=dtype)
    c = Collector()
    for kind in KINDS:
        for inv in [False, True]:
            for au in [False, True]:
                kw = f"invert={inv}, assume_unique={au}, kind={kind}"
                c(scheck, f"m.isin(a, t, {kw})", a=P(r, n), t=P(tr, tn))
                c(scheck, f"m.isin(t, a, {kw})", a=P(r, n), t=P(tr, tn))
                c(scheck, f"m.isin(a, a, {kw})", a=P(r, n))
                c(scheck, f"m.isin(a, a.T[::-1], {kw})", a=P(r, n))
    c.done()


ISIN_DATA = {
    "f8": ("[nan, 1.5, -inf, 0.0, -0.0, inf, -2.0, nan, 1.5, 3.0]", "[0.0, nan, inf, 3.0]"),
    "c16": ("[complex(nan, 1), 1+1j, -0.0+0j, 2j, 1+1j, complex(1, nan), 5]",
            "[0j, complex(nan, 1), 1+1j, complex(1, nan), 3]"),
    "M8[s]": ("['2001-01-01', 'NaT', '1970-01-01', 'NaT']", "['NaT', '1970-01-01']"),
    "m8[D]": ("[5, 'NaT', -3, 0]", "['NaT', 5, 0]"),
    "U3": ("['b', 'a', '', 'ab', 'é']", "['a', 'é', 'zzz']"),
    "S2": ("[b'b', b'a', b'', b'ab']", "[b'a', b'']"),
    "O": ("[3, 1.5, 'a', None, (1, 2)]", "[1.5, 'a', None]"),
    "?": ("[True, False, True]", "[False]"),
    "i1": ("[-128, 127, 0, 5, -1]", "[-128, 127]"),
    "u8": ("[0, 2**64 - 1, 2**63, 5]", "[2**64 - 1, 5]"),
    "g": ("[nan, 1.5, 1/3, -0.0]", "[1/3, 0.0]"),
}


@pytest.mark.parametrize("dtype", list(ISIN_DATA))
def test_isin_special_values(dtype):
    data, test = ISIN_DATA[dtype]
    c = Collector()
    # A short list (compared item by item) and a long one (sorted): both regimes.
    for reps in [1, 12]:
        a = f"m.array({data} * {reps}, '{dtype}')"
        t = f"m.array({test}, '{dtype}')"
        for kind in KINDS:
            for inv in [False, True]:
                kw = f"invert={inv}, kind={kind}"
                c(scheck, f"m.isin({a}, {t}, {kw})", **NAMES)
                c(scheck, f"m.isin({t}, {a}, {kw})", **NAMES)
                c(scheck, f"m.isin({a}.reshape(-1, 1), {t}[::-1], {kw})", **NAMES)
                c(scheck, f"m.isin({t}, {t}, {kw}, assume_unique=True)", **NAMES)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.isin([1, 2, 3], [2])", "m.isin(5, 3)", "m.isin(5, [5])", "m.isin([], [])",
    "m.isin([[1, 2], [3, 4]], [[4], [1]])", "m.isin([1, 2], {1, 2})",
    "m.isin([1, 2], [])", "m.isin([], [1, 2])", "m.isin(m.zeros((2, 0)), [1])",
    "m.isin([1, 2], [], invert=True)", "m.isin([1], [], kind='table')",
    "m.isin([1.0], [], kind='table')", "m.isin([1, 2], [1], kind='x')",
    "m.isin([1, 2], [1], kind=[1])", "m.isin([1, 2], [1], kind='Table')",
    "m.isin([1.0, 2], [1], kind='table')", "m.isin([1, 2], [1.0], kind='table')",
    "m.isin(['a'], ['a'], kind='table')",
    "m.isin(m.array([1, 2], 'i1'), m.array([-128, 127], 'i1'), kind='table')",
    "m.isin(m.array([1, 2], 'i1'), m.array([-128, 127], 'i1'))",
    "m.isin(m.array([1, 2], 'i1'), m.array([-128, 127], 'i1'), kind='sort')",
    "m.isin(m.array([0, 255], 'u1'), m.array([0, 255], 'u1'), kind='table')",
    "m.isin(m.array([-5, 0, 255, 300]), m.array([0, 255], 'u1'), kind='table')",
    "m.isin(m.array([0, 2**64 - 1, 2**63], 'u8'), m.array([-5, 3]), kind='table')",
    "m.isin(m.array([0, 2**64 - 1, 2**63], 'u8'), m.array([-5, 3, 0]))",
    "m.isin(m.array([-5, 3, 7]), m.array([2**63, 2**63 + 3], 'u8'), kind='table')",
    "m.isin(m.array([2**64 - 2, 3, 2**64 - 1], 'u8'), m.array([2**64 - 1, 2**64 - 3], 'u8'))",
    "m.isin(m.array([-2**63, 3, 2**63 - 1]), m.array([-2**63, 2**63 - 1]))",
    "m.isin(m.array([-2**63, 3, 2**63 - 1]), m.array([-2**63, 2**63 - 1]), kind='table')",
    "m.isin(m.array([True, False]), m.array([True]), kind='table')",
    "m.isin(m.array([True, False]), m.array([True, False]), kind='table', invert=True)",
    "m.isin(m.array([0, 1, 2]), m.array([True]))",
    "m.isin(m.array([True, False]), m.array([1, 7], 'i2'), kind='table')",
    "m.isin(m.arange(10), m.array([10**6, 2]))",
    "m.isin(m.arange(10), m.array([10**6, 2]), kind='table')",
    "m.isin(m.arange(10, dtype='>i4'), m.array([3, 2, 9], '<i2'))",
    # NumPy compares a short list item by item (U against S never equal) but sorts a long
    # one after concatenating (S becomes U): both regimes are kept.
    "m.isin(m.array(['a', 'b']), m.array([b'a']))",
    "m.isin(m.array(['a', 'b'] * 100), m.array([b'a'] * 30))",
    "m.isin(m.array([1, 2]), m.array(['1']))",
    "m.isin(m.array([1, 2] * 100), m.array(['1'] * 30))",
    "m.isin(m.array([2**53 + 1] * 3, 'u8'), m.array([2**53, -1], 'i8'), kind='sort')",
    "m.isin(m.array([2**53 + 1] * 300, 'u8'), m.array([2**53, -1] * 30, 'i8'), kind='sort')",
    "m.isin(m.array([1.5, 2.0, 3.0]), m.array([2, 3], 'i1'))",
    "m.isin(m.array([1.5, 2.0, 3.0] * 100), m.array([2, 3] * 40, 'i1'))",
    "m.isin(m.array([1, 2, 3], 'f4'), m.array([2.0], 'f8'))",
    "m.isin(m.array([1 + 1j, 2]), m.array([2.0, 1.0]))",
    "m.isin(m.array(['2001-01-01'], 'M8[D]'), m.array(['2001-01-01T00'], 'M8[h]'))",
    "m.isin(m.array(['2001-01-01'] * 100, 'M8[D]'), m.array(['2001-01-01T00'] * 40, 'M8[h]'))",
    "m.isin(m.array([1], 'M8[s]'), m.array([1], 'm8[s]'))",
    "m.isin(m.array([], 'M8[s]'), m.array([], 'm8[s]'))",
    "m.isin(m.array([1] * 100, 'M8[s]'), m.array([1] * 40, 'm8[s]'))",
    "m.isin(m.array([1, 'a', None], object), [None, 1])",
    "m.isin(m.array([1, 'a', None] * 50, object), m.array([None, 1.0] * 40, object))",
    "m.isin([1, 2, 3], m.array([2, 'x'], object), invert=True)",
    "m.isin(m.array([[1, 2], [3, 4]]), m.array([[4, 0], [1, 9]]), kind='sort')",
    "m.isin(m.array([[1, 2], [3, 1]]).T, m.array([1, 9])[::-1])",
    "m.isin(m.array([(1, 2.0), (0, 1.0)], [('x', 'i4'), ('y', 'f8')]), "
    "m.array([(1, 2.0)], [('x', 'i4'), ('y', 'f8')]))",
    # table sizes at the edge of what can be allocated
    "m.isin(m.array([1, 5]), m.array([-2**62, 2**62]), kind='table')",
    "m.isin(m.array([1, 5]), m.array([-2**62, 2**62]))",
    "m.isin(m.array([1, 5], 'u8'), m.array([0, 2**64 - 1], 'u8'))",
    # assume_unique trusted with repeated items: NumPy's answers.
    "m.isin(m.array([1, 1, 2, 5] * 30, 'f8'), m.array([1, 7] * 40, 'f8'), assume_unique=True)",
    "m.isin(m.array([1, 1, 2, 5] * 30, 'f8'), m.array([1, 7] * 40, 'f8'), "
    "assume_unique=True, invert=True)",
    "m.isin(m.array([1, 1, 2, 5] * 30), m.array([1, 7] * 40), assume_unique=True, kind='sort')",
])
def test_isin_cases(expr):
    scheck(expr, **NAMES)


@pytest.mark.parametrize("n1, n2", [(1, 0), (1, 9), (1, 10), (100, 19), (100, 20),
                                    (1000, 27), (1000, 28), (5000, 300), (0, 5), (3, 400)])
@pytest.mark.parametrize("dtype", ["i8", "u2", "f8", "f4", "U2", "c8"])
def test_isin_sizes(dtype, n1, n2):
    """Around NumPy's switch between item-by-item comparison and sorting."""
    rng = np.random.default_rng(n1 * 1000 + n2)
    an = rng.integers(0, 40, n1).astype(dtype)
    tn = rng.integers(0, 60, n2).astype(dtype)
    ar, tr = rp.array(an.tolist(), dtype=dtype), rp.array(tn.tolist(), dtype=dtype)
    c = Collector()
    for kind in KINDS:
        for inv in [False, True]:
            c(scheck, f"m.isin(a, t, invert={inv}, kind={kind})", a=P(ar, an), t=P(tr, tn))
    c.done()


# ---------------------------------------------------------------------------
# intersect1d, union1d, setdiff1d, setxor1d
# ---------------------------------------------------------------------------

def _set_exprs(fn):
    exprs = [f"m.{fn}(a, b)", f"m.{fn}(b, a)", f"m.{fn}(a, a)", f"m.{fn}(a[::-1], b.T)"]
    if fn != "union1d":
        # (unique's stable path: NumPy's other one keeps either of 0.0 and -0.0)
        exprs += [f"m.{fn}(m.unique(a, return_index=True)[0], "
                  f"m.unique(b, return_index=True)[0], assume_unique=True)",
                  f"m.{fn}(a, b, True)"]
    if fn == "intersect1d":
        exprs += ["m.intersect1d(a, b, return_indices=True)",
                  "m.intersect1d(b, a, return_indices=True)",
                  "m.intersect1d(m.unique(a, return_index=True)[0], "
                  "m.unique(b, return_index=True)[0], True, True)",
                  "m.intersect1d(a, b, assume_unique=True, return_indices=True)"]
    return exprs


@pytest.mark.parametrize("fn", SET_FUNCS)
@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_set_functions_shapes_and_dtypes(dtype, case, fn):
    n, r, _, _ = make_pair(case, dtype)
    bn = np.array([[0, 1, 3], [-3, 2.25, 9]], dtype=np.float64).astype(dtype) \
        if dtype != "bool" else np.array([[True], [True]])
    br = rp.array(bn.tolist(), dtype=dtype)
    c = Collector()
    for expr in _set_exprs(fn):
        c(scheck, expr, a=P(r, n), b=P(br, bn))
    c.done()


SET_DATA = {
    "f8": ("[nan, 1.5, -inf, 0.0, inf, -2.0, nan, 1.5, 3.0, 2.0]", "[0.0, nan, inf, 3.0, 7.0]"),
    "f8z": ("[nan, 1.5, -0.0, 0.0, -2.0, 1.5]", "[0.0, nan, -0.0]"),
    "c16": ("[complex(nan, 1), 1+1j, 2j, complex(1, nan), 1+1j]",
            "[0j, complex(nan, 1), 1+1j, complex(nan, 2)]"),
    "M8[s]": ("['2001-01-01', 'NaT', '1970-01-01', 'NaT']", "['NaT', '1970-01-01', 'NaT']"),
    "m8[D]": ("[5, 'NaT', -3, 0, 5]", "['NaT', 5, 0, 9]"),
    "U3": ("['b', 'a', '', 'ab', 'é', 'a']", "['a', 'é', 'zzz', '']"),
    "S2": ("[b'b', b'a', b'', b'ab', b'a']", "[b'a', b'', b'zz']"),
    # NumPy's object sort is not stable past 16 items: equal objects of different types
    # (1 and True) only in test_set_function_cases.
    "O": ("[3, 1.5, 2, 1, 7.5, 0]", "[1.5, 2, 9, 4]"),
    "?": ("[True, True, True]", "[False, True]"),
    "i1": ("[-128, 127, 0, 5, -1, 5]", "[-128, 127, 3]"),
    "u8": ("[0, 2**64 - 1, 2**63, 5, 0]", "[2**64 - 1, 5, 7]"),
    "g": ("[nan, 1.5, 1/3, 2.0, 1/3]", "[1/3, 0.0, nan]"),
}


@pytest.mark.parametrize("fn", SET_FUNCS)
@pytest.mark.parametrize("key", list(SET_DATA))
def test_set_functions_special_values(key, fn):
    dtype = key.rstrip("z")
    a_src, b_src = SET_DATA[key]
    c = Collector()
    for reps in [1, 9]:
        a, b = build(f"{a_src} * {reps}", dtype), build(f"{b_src} * {reps}", dtype)
        for expr in _set_exprs(fn):
            c(scheck if "return_indices=True" in expr or "True, True" in expr else zcheck,
              expr, a=a, b=b)
    c.done()


@pytest.mark.parametrize("expr", [
    "m.intersect1d([1, 3, 4, 3], [3, 1, 2, 1])",
    "m.intersect1d([1, 1, 2, 3, 4], [2, 1, 4, 6], return_indices=True)",
    "m.intersect1d([1, 1], [2], assume_unique=True)",
    "m.intersect1d([1, 1, 2], [2, 3], assume_unique=True, return_indices=True)",
    "m.intersect1d([1, 1, 2], [2, 2, 3], assume_unique=True, return_indices=True)",
    "m.intersect1d([], [])", "m.intersect1d([], [], return_indices=True)",
    "m.intersect1d(m.array([], 'i1'), m.array([1.5]), return_indices=True)",
    "m.intersect1d(5, [5, 6])", "m.intersect1d(5, 5, return_indices=True)",
    "m.intersect1d([[1, 2], [3, 4]], [[4, 0], [1, 9]], return_indices=True)",
    "m.intersect1d(m.array([1, 2, 3], 'i1'), m.array([2.0, 3.5, 3.0]), return_indices=True)",
    "m.intersect1d(m.array([1, 10, 9]), m.array(['9', '1']), return_indices=True)",
    "m.intersect1d(m.array(['a', 'b']), m.array([b'a']))",
    "m.intersect1d(m.array([2**53 + 1], 'i8'), m.array([2.0**53, 0]))",
    "m.intersect1d(m.array([2**53, 2**53 + 1], 'i8'), m.array([7.0]))",
    "m.intersect1d(m.array([0.0, 1.0]), m.array([-0.0]), return_indices=True)",
    "m.intersect1d(m.array([-0.0, 1.0]), m.array([0.0]))",
    "m.intersect1d(m.array([nan, 1.0]), m.array([nan, 1.0]), return_indices=True)",
    "m.intersect1d(m.array([1, 'a'], object), m.array(['a', 2], object))",
    "m.intersect1d(m.array([3, 1.5, 2, 1], object), m.array([1.5, 2.0, 9, True], object))",
    "m.union1d(m.array([3, 1.5, 2, 1], object), m.array([1.5, 2.0, 9, True], object))",
    "m.setdiff1d(m.array([3, 1.5, 2, 1], object), m.array([1.5, 2.0, 9, True], object))",
    "m.setxor1d(m.array([3, 1.5, 2, 1], object), m.array([1.5, 2.0, 9, True], object))",
    "m.intersect1d(m.array([3, 1.5, 2, 1], object), m.array([1.5, 2.0, 9, True], object), "
    "return_indices=True)",
    "m.intersect1d(m.array([1, 2], 'M8[s]'), m.array([1, 2], 'm8[s]'))",
    "m.union1d([-1, 0, 1], [-2, 0, 2])", "m.union1d([], [])", "m.union1d(3, [[1], [3]])",
    "m.union1d([1, 2], ['a'])", "m.union1d(m.array([1, 2], 'i1'), m.array([2.5], 'f4'))",
    "m.union1d(m.array([complex(nan, 2), 1]), m.array([complex(nan, 1), 1]))",
    "m.union1d(m.array(['NaT', 1], 'M8[s]'), m.array(['NaT'], 'M8[s]'))",
    "m.setdiff1d([1, 2, 3, 2, 4, 1], [3, 4, 5, 6])",
    "m.setdiff1d([5, 1, 3, 1], [3], assume_unique=True)",
    "m.setdiff1d([5, 1.5, 3, 1.5] * 20, [3.0] * 30, assume_unique=True)",
    "m.setdiff1d(5, 3)", "m.setdiff1d([], [1])", "m.setdiff1d([1, 2], [])",
    "m.setdiff1d(m.array(['a', 'b']), m.array([b'a']))",
    "m.setdiff1d(m.array(['a', 'b'] * 30), m.array([b'a'] * 30))",
    "m.setdiff1d(m.array([nan, 1.0, nan]), m.array([nan]))",
    "m.setdiff1d(m.array([1, 'a', None], object), m.array([None], object))",
    "m.setxor1d([1, 2, 3, 2, 4], [2, 3, 5, 7, 5])", "m.setxor1d([], [])",
    "m.setxor1d(m.array([], 'i1'), m.array([], 'f4'))",
    "m.setxor1d([1, 1, 2], [2, 3], assume_unique=True)",
    "m.setxor1d(m.array([nan, 1.0]), m.array([nan, 2.0]))",
    "m.setxor1d(m.array([1, 2], 'u8'), m.array([-1, 2]))",
    "m.setxor1d([[1, 2], [3, 4]], 5)",
    "m.setxor1d(m.array([1, 2], 'M8[s]'), m.array([1, 2], 'm8[s]'))",
])
def test_set_function_cases(expr):
    scheck(expr, **NAMES)


@pytest.mark.parametrize("fn", ["unique_all", "unique_counts", "unique_inverse",
                                "unique_values"])
def test_array_api_signatures(fn):
    c = Collector()
    c(scheck, f"m.{fn}(x=[1, 2])")
    c(scheck, f"m.{fn}([1, 2], 1)")
    c(scheck, f"type(m.{fn}([2, 1, 2])).__name__")
    c(scheck, f"getattr(m.{fn}([2, 1, 2]), '_fields', None)")
    c(scheck, f"m.sort(m.{fn}([[2, 1], [2, 1]])[0])" if fn == "unique_values"
      else f"m.{fn}([[2, 1], [2, 1]])[-1]")
    c.done()
    if fn == "unique_all":
        for m in (rp, np):
            res = m.unique_all([3, 1, 3])
            assert res.values.tolist() == [1, 3] and res.indices.tolist() == [1, 0]
            assert res.inverse_indices.tolist() == [1, 0, 1] and res.counts.tolist() == [1, 2]


def test_no_in1d():
    assert not hasattr(rp, "in1d") and not hasattr(np, "in1d")
    for name in ["unique", "unique_all", "unique_counts", "unique_inverse", "unique_values",
                 "isin", "intersect1d", "union1d", "setdiff1d", "setxor1d"]:
        assert callable(getattr(rp, name))
        assert getattr(rp, name).__doc__


def test_stringdtype():
    words = ["pear", "apple", "", "a string longer than fifteen bytes", "é", "apple", "pear"]
    a = P(rp.array(words, rp.dtypes.StringDType()), np.array(words, np.dtypes.StringDType()))
    c = Collector()
    for flags in FLAGS:
        c(scheck, f"m.unique(a, {flag_kw(flags)})", a=a)
    c(scheck, "m.unique(a.reshape(1, -1), axis=1)", a=a)
    c(scheck, "m.isin(a, a[:2])", a=a)
    c(scheck, "m.intersect1d(a, a[2:], return_indices=True)", a=a)
    c(scheck, "m.setxor1d(a, a[3:])", a=a)
    c.done()


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

FLOATS = st.sampled_from([0.0, 1.0, -1.0, 2.5, NAN, INF, -INF, 1e300, 0.5])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.lists(st.integers(-2**63, 2**63 - 1), max_size=60),
                 st.lists(st.integers(-50, 50), max_size=200),
                 st.lists(FLOATS, max_size=80)),
       st.sampled_from([None, (2, -1), (-1, 2)]),
       st.booleans())
def test_property_unique_all_flags(values, shape, equal_nan):
    n = np.array(values, dtype="f8" if values and isinstance(values[0], float) else "i8")
    if shape is not None:
        if n.size % 2:
            n = n[1:]
        n = n.reshape(shape)
    r = rp.array(n.tolist(), dtype=n.dtype.str) if n.size else rp.zeros(n.shape, n.dtype.str)
    for axis in ([None] if shape is None else [None, 0, 1]):
        same(rp.unique(r, True, True, True, axis=axis, equal_nan=equal_nan),
             np.unique(n, True, True, True, axis=axis, equal_nan=equal_nan))
        same(rp.unique(r, axis=axis, equal_nan=equal_nan),
             np.unique(n, axis=axis, equal_nan=equal_nan))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(-30, 30), max_size=120), st.lists(st.integers(-30, 30), max_size=60),
       st.sampled_from(["i8", "u1", "f8", "i2"]), st.sampled_from([None, "sort", "table"]),
       st.booleans())
def test_property_isin_and_sets(a, b, dtype, kind, invert):
    if dtype == "u1":
        a, b = [abs(x) for x in a], [abs(x) for x in b]
    na, nb = np.array(a, dtype=dtype), np.array(b, dtype=dtype)
    ra, rb = rp.array(a, dtype=dtype), rp.array(b, dtype=dtype)
    check("m.isin(a, b, invert=invert, kind=kind)", compare=same, a=P(ra, na), b=P(rb, nb),
          invert=invert, kind=kind)
    same(rp.intersect1d(ra, rb, return_indices=True), np.intersect1d(na, nb, return_indices=True))
    for fn in ["union1d", "setdiff1d", "setxor1d"]:
        same(getattr(rp, fn)(ra, rb), getattr(np, fn)(na, nb))

