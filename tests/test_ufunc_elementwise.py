"""Element-wise ufuncs: every ufunc x every input signature numpy has a loop
for (derived from ``np.<ufunc>.types``) x every shape case, plus casting of
other input dtypes, broadcasting, Python (weak) scalars, mixed dtypes and
special values.

NumPy is truth: every expectation is computed by numpy on the same data, and
the ufuncs tested are the ones numpy has (``NP_UFUNCS``, from ``dir(np)``).
Transcendental functions are compared with a stated ulp tolerance
(``NULP``); everything else bit-for-bit (NaN == NaN, signed zeros).
A numpy ufunc rumpy does not have is a failure unless ``NOT_IN_RUMPY`` lists
it with a reason.
"""

import math
import warnings

import numpy as np
import pytest

import rumpy as rp
from conftest import (
    ALL_DTYPES,
    SHAPE_CASES,
    TEST_BUGS,
    Collector,
    Raised,
    _apply,
    assert_same,
    assert_same_error,
    sample,
    to_rp,
)

# ---------------------------------------------------------------------------
# the ufunc list
# ---------------------------------------------------------------------------

# every ufunc numpy has, under every name it has (aliases included)
NP_UFUNCS = sorted(n for n in dir(np) if isinstance(getattr(np, n), np.ufunc))

# numpy ufuncs rumpy does not have, and why; test_not_in_rumpy keeps this exact (every entry
# is a numpy ufunc rumpy lacks, and every numpy ufunc rumpy lacks is an entry)
NOT_IN_RUMPY = {}

# the element-wise ones (no core signature) are this file's subject
UFUNC_NAMES = [n for n in NP_UFUNCS if getattr(np, n).signature is None]

# canonical names (numpy's __name__ is the name itself); the rest are aliases
CANONICAL = [n for n in UFUNC_NAMES if getattr(np, n).__name__ == n]
ALIASES = [n for n in UFUNC_NAMES if n not in CANONICAL]
UNARY = [n for n in CANONICAL if getattr(np, n).nin == 1]
BINARY = [n for n in CANONICAL if getattr(np, n).nin == 2]

# results that may differ from numpy by a few ulp (libm / SIMD implementations)
TRANSCENDENTAL = {
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "logaddexp",
    "logaddexp2", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh",
    "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "arctan2", "hypot",
    "cbrt", "power", "float_power",
}
# complex results computed through hypot / division / sqrt: tolerance too
COMPLEX_INEXACT = {"sqrt", "absolute", "divide", "reciprocal", "sign"}
# IEEE 754 leaves the sign of max(+0, -0) unspecified and numpy's answer depends
# on the loop taken (SIMD width, dtype, array length): zero signs are not compared
# for these (values, NaNs and dtypes still are)
ZERO_SIGN_FREE = {"maximum", "minimum", "fmax", "fmin"}
# stated tolerance, in units in the last place of the result dtype (complex:
# relative to the larger component's magnitude)
NULP = {"float16": 2, "float32": 4, "float64": 4, "complex64": 8, "complex128": 8}

_SUPPORTED = set(ALL_DTYPES)


def signatures(name):
    """Distinct input-dtype tuples of numpy's loops for ``name`` restricted
    to the dtypes rumpy has (no longdouble / object / datetime)."""
    out = []
    for t in getattr(np, name).types:
        ins = tuple(np.dtype(c).name for c in t.split("->")[0])
        if all(d in _SUPPORTED for d in ins) and ins not in out:
            out.append(ins)
    return out


def _sig_id(name, sig):
    return name + "-" + ",".join(sig) if len(set(sig)) > 1 else name + "-" + sig[0]


MATRIX = [pytest.param(n, s, id=_sig_id(n, s)) for n in CANONICAL for s in signatures(n)]
CAST = [pytest.param(n, d, id=f"{n}-{d}") for n in CANONICAL for d in ALL_DTYPES
        if (d,) * getattr(np, n).nin not in signatures(n)]


def ufuncs(name):
    """(rp_ufunc, np_ufunc). A ufunc rumpy lacks is a failure, unless NOT_IN_RUMPY lists it
    (then the test is skipped with the reason given there)."""
    if name in NOT_IN_RUMPY:
        pytest.skip(f"rp.{name}: {NOT_IN_RUMPY[name]}")
    assert hasattr(rp, name), f"numpy has the ufunc np.{name}, rumpy has no rp.{name}"
    return getattr(rp, name), getattr(np, name)


# ---------------------------------------------------------------------------
# comparison helpers
# ---------------------------------------------------------------------------

def outcome(fn, *args, **kwargs):
    """fn's result or a :class:`Raised`. SyntaxError and NameError are the test's own
    faults and propagate (a comparison of two of them would pass without testing)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return fn(*args, **kwargs)
        except TEST_BUGS:
            raise
        except Exception as e:  # noqa: BLE001
            return Raised(e)


def assert_error_like(r, n, msg=""):
    """numpy raised ``n.exc``: rumpy must raise the same class (conftest's
    assert_same_error: the name, NumPy's private UFuncTypeError classes by their own)."""
    if not isinstance(r, Raised):
        raise AssertionError(f"{msg}: numpy raised {type(n.exc).__name__}({n.exc}) "
                             f"but rumpy returned {r!r}")
    assert_same_error(r.exc, n.exc, msg)


def _tol_for(name, n):
    """ulp tolerance for a numpy result ``n`` of ufunc ``name`` (None = exact)."""
    dt = n.dtype if hasattr(n, "dtype") else None
    name = getattr(getattr(np, name, None), "__name__", name)  # aliases: acos -> arccos
    if dt is None or dt.kind not in "fc":
        return None
    if name in TRANSCENDENTAL or ((dt.kind == "c" or name == "absolute") and name in COMPLEX_INEXACT):
        return NULP[dt.name]
    return None


def _close_float(ra, na, nulp, what):
    nan_r, nan_n = np.isnan(ra), np.isnan(na)
    assert np.array_equal(nan_r, nan_n), f"{what}NaN positions differ:\nrumpy {ra!r}\nnumpy {na!r}"
    inf_n = np.isinf(na)
    assert np.array_equal(ra[inf_n], na[inf_n]) and np.array_equal(np.isinf(ra), inf_n), \
        f"{what}infinities differ:\nrumpy {ra!r}\nnumpy {na!r}"


def assert_close(r, n, nulp, msg="", zero_sign=True):
    """Like assert_same, but inexact values may differ by ``nulp`` ulp
    (NaN/inf positions and the sign of exact zeros must still match, unless
    ``zero_sign`` is False)."""
    pre = (msg + ": ") if msg else ""
    if isinstance(n, tuple):
        assert isinstance(r, tuple) and len(r) == len(n), f"{pre}{r!r} vs numpy {n!r}"
        for i, (x, y) in enumerate(zip(r, n)):
            assert_close(x, y, nulp, f"{msg}[{i}]", zero_sign)
        return
    if not zero_sign and nulp is None and hasattr(n, "dtype") and n.dtype.kind in "fc":
        nulp = 0
    if nulp is None or not hasattr(n, "dtype") or n.dtype.kind not in "fc":
        assert_same(r, n, msg=msg)
        return
    if isinstance(n, np.generic):
        assert type(r).__name__ == type(n).__name__, \
            f"{pre}scalar type {type(r).__name__} != numpy {type(n).__name__}"
        ra, na = np.array(r.item(), dtype=n.dtype), np.asarray(n)
    else:
        assert isinstance(r, rp.ndarray), f"{pre}expected a rumpy ndarray, got {type(r)!r}"
        ra, na = np.asarray(r), n
        assert ra.dtype.str == na.dtype.str, f"{pre}dtype {ra.dtype.str} != numpy {na.dtype.str}"
        assert ra.shape == na.shape, f"{pre}shape {ra.shape} != numpy {na.shape}"
    if na.dtype.kind == "c":
        fdt = na.real.dtype
        scale = np.maximum(np.abs(na.real), np.abs(na.imag)).astype(fdt)
        parts = [(ra.real, na.real), (ra.imag, na.imag)]
    else:
        fdt = na.dtype
        scale = np.abs(na)
        parts = [(ra, na)]
    with np.errstate(all="ignore"):
        tol = nulp * np.spacing(scale.astype(fdt)).astype(np.float64)
        for p, q in parts:
            _close_float(p, q, nulp, pre)
            fin = np.isfinite(q) & np.isfinite(scale)
            diff = np.abs(p[fin].astype(np.float64) - q[fin].astype(np.float64))
            bad = diff > tol[fin]
            assert not bad.any(), (
                f"{pre}differs by more than {nulp} ulp:\nrumpy {p[fin][bad]!r}\n"
                f"numpy {q[fin][bad]!r}")
            zero = (q == 0) & (p == 0)
            assert not zero_sign or np.array_equal(np.signbit(p[zero]), np.signbit(q[zero])), \
                f"{pre}signed zeros differ:\nrumpy {p!r}\nnumpy {q!r}"


def assert_outcome(name, r, n, msg=""):
    if isinstance(n, Raised):
        assert_error_like(r, n, msg)
        return
    if isinstance(r, Raised):
        raise AssertionError(f"{msg}: rumpy raised {type(r.exc).__name__}({r.exc}) "
                             f"but numpy returned {n!r}") from r.exc
    if isinstance(n, tuple):
        assert isinstance(r, tuple) and len(r) == len(n), f"{msg}: {r!r} vs numpy {n!r}"
        for i, (x, y) in enumerate(zip(r, n)):
            assert_outcome(name, x, y, f"{msg}[{i}]")
        return
    canon = getattr(getattr(np, name, None), "__name__", name)
    assert_close(r, n, _tol_for(name, n), msg, zero_sign=canon not in ZERO_SIGN_FREE)


def compare_call(name, rargs, nargs, msg="", **kw):
    ru, nu = getattr(rp, name), getattr(np, name)
    n = outcome(nu, *nargs, **kw)
    r = outcome(ru, *rargs, **kw)
    assert_outcome(name, r, n, msg)
    return r, n


# ---------------------------------------------------------------------------
# operands
# ---------------------------------------------------------------------------

def _nonneg_for(name, pos):
    # integer powers with negative exponents raise for the whole call; keep the
    # matrix exponents non-negative (the ValueError is tested separately)
    return name in ("power", "float_power") and pos == 1


def operand(case, dtype, pos, name):
    """(np, rp) operand ``pos`` for SHAPE_CASES ``case``: the same view of
    different data for each position."""
    shape, op = SHAPE_CASES[case]
    nb = sample(shape, dtype, nonneg=_nonneg_for(name, pos) or name in ("ldexp",) and pos == 1)
    if pos and nb.size:
        nb = np.ascontiguousarray(np.roll(nb.ravel(), 3 * pos).reshape(shape))
    if name == "reciprocal" and nb.dtype.kind in "iu":
        nb = np.where(nb == 0, 1, nb).astype(dtype)  # 1/0 for ints is C UB in numpy
    if name == "ldexp" and pos == 1 and nb.dtype.kind in "iu":
        nb = (nb % 7).astype(dtype)  # small exponents; large ones are in the specials test
    rb = to_rp(nb)
    return _apply(nb, op), _apply(rb, op)


# ---------------------------------------------------------------------------
# the matrix
# ---------------------------------------------------------------------------

def test_not_in_rumpy():
    stale = [n for n in NOT_IN_RUMPY if n not in NP_UFUNCS or hasattr(rp, n)]
    assert not stale, f"NOT_IN_RUMPY lists names numpy lacks or rumpy has: {stale}"
    unlisted = [n for n in NP_UFUNCS if not hasattr(rp, n) and n not in NOT_IN_RUMPY]
    assert not unlisted, f"numpy ufuncs rumpy lacks: {unlisted}"


@pytest.mark.parametrize("name", [n for n in NP_UFUNCS if n not in NOT_IN_RUMPY])
def test_exists(name):
    ru, nu = ufuncs(name)
    assert type(ru).__name__ == "ufunc", f"rp.{name} is a {type(ru).__name__}, not a ufunc"
    assert ru.__name__ == nu.__name__
    assert (ru.nin, ru.nout) == (nu.nin, nu.nout)


@pytest.mark.parametrize("name,sig", MATRIX)
def test_matrix(name, sig):
    """Every native loop of every ufunc over every shape case."""
    ufuncs(name)
    col = Collector()
    for case in SHAPE_CASES:
        ops = [operand(case, d, i, name) for i, d in enumerate(sig)]
        col(compare_call, name, [o[1] for o in ops], [o[0] for o in ops],
            msg=f"{name}{sig} case={case}")
    col.done()


@pytest.mark.parametrize("name,dtype", CAST)
def test_cast_inputs(name, dtype):
    """Input dtypes without a native loop: numpy either casts them safely to a
    loop (sqrt(int8) -> float16) or raises TypeError; rumpy must do the same."""
    ufuncs(name)
    col = Collector()
    for case in ("1d", "2d", "0d"):
        ops = [operand(case, dtype, i, name) for i in range(getattr(np, name).nin)]
        col(compare_call, name, [o[1] for o in ops], [o[0] for o in ops],
            msg=f"{name}({dtype}) case={case}")
    col.done()


@pytest.mark.parametrize("alias", ALIASES)
def test_alias(alias):
    ru, nu = ufuncs(alias)
    assert ru.__name__ == nu.__name__, f"rp.{alias}.__name__ {ru.__name__!r} != {nu.__name__!r}"
    sig = signatures(nu.__name__)
    # one float64 (or first) loop is enough: the canonical name has the matrix
    sig = next((s for s in sig if s[0] == "float64"), sig[0]) if sig else None
    if sig is None:
        pytest.skip("no numeric loop")
    ops = [operand("2d", d, i, nu.__name__) for i, d in enumerate(sig)]
    compare_call(alias, [o[1] for o in ops], [o[0] for o in ops], msg=alias)


# ---------------------------------------------------------------------------
# broadcasting
# ---------------------------------------------------------------------------

BROADCAST_SHAPES = [
    ((3, 1), (1, 4)),
    ((4,), (3, 1)),
    ((), (2, 3)),
    ((2, 3), ()),
    ((2, 1, 3), (4, 1)),
    ((0,), (3, 1)),
    ((1,), (0,)),
    ((3,), (4,)),          # ValueError
    ((2, 3), (3, 2)),      # ValueError
    ((0,), (2,)),          # ValueError
]


def _first_sig(name, prefer=("float64", "int64", "bool")):
    sigs = signatures(name)
    for p in prefer:
        for s in sigs:
            if s[0] == p:
                return s
    return sigs[0] if sigs else None


@pytest.mark.parametrize("name", BINARY)
def test_broadcast(name):
    ufuncs(name)
    col = Collector()
    sigs = {s for s in (_first_sig(name), _first_sig(name, ("int8", "uint16", "float32")))
            if s is not None}
    for sig in sigs:
        for sa, sb in BROADCAST_SHAPES:
            na = sample(sa, sig[0])
            nb = sample(sb, sig[1], nonneg=_nonneg_for(name, 1))
            if name == "ldexp":
                nb = (nb % 5).astype(sig[1])
            col(compare_call, name, [to_rp(na), to_rp(nb)], [na, nb],
                msg=f"{name}{sig} {sa} with {sb}")
    col.done()


@pytest.mark.parametrize("name", UNARY)
def test_unary_scalar_input(name):
    """A Python scalar input gives a numpy scalar of numpy's type."""
    ufuncs(name)
    col = Collector()
    for v in (True, 3, -2, 0.5, -0.0, 1.5 - 2j):
        col(compare_call, name, [v], [v], msg=f"{name}({v!r})")
    col.done()


# ---------------------------------------------------------------------------
# Python scalars (NEP 50 weak scalars), mixed dtypes
# ---------------------------------------------------------------------------

SCALAR_DTYPES = ["bool", "int8", "uint8", "int32", "int64", "uint64", "float16",
                 "float32", "float64", "complex64", "complex128"]
PY_VALUES = [True, 0, 3, -3, 127, 300, -1, 2**63, 2.5, -0.0, float("inf"),
             float("nan"), 1e300, 1.5j]


@pytest.mark.parametrize("dtype", SCALAR_DTYPES)
@pytest.mark.parametrize("name", BINARY)
def test_python_scalars(name, dtype):
    """ufunc(array, python scalar) and ufunc(python scalar, array): the scalar
    is weak (int8 + 1 stays int8; int8 + 300 raises OverflowError)."""
    ufuncs(name)
    col = Collector()
    na = sample((2, 3), dtype, nonneg=name in ("power",))
    ra = to_rp(na)
    for v in PY_VALUES:
        col(compare_call, name, [ra, v], [na, v], msg=f"{name}({dtype} array, {v!r})")
        col(compare_call, name, [v, ra], [v, na], msg=f"{name}({v!r}, {dtype} array)")
        n0 = na[0, 0]  # a 0-d result path: numpy scalar of the array dtype
        col(compare_call, name, [ra[0, 0], v], [n0, v], msg=f"{name}({dtype} scalar, {v!r})")
    for v, w in ((3, 4), (3, 2.5), (2.5, True), (1j, 2), (-7, 2)):
        col(compare_call, name, [v, w], [v, w], msg=f"{name}({v!r}, {w!r})")
    col.done()


MIXED_PAIRS = [
    ("int8", "uint8"), ("int8", "int64"), ("uint8", "int16"), ("int64", "uint64"),
    ("uint32", "int32"), ("bool", "int8"), ("bool", "float16"), ("int16", "float16"),
    ("int32", "float32"), ("uint64", "float32"), ("float16", "float32"),
    ("float32", "float64"), ("float32", "complex64"), ("float64", "complex64"),
    ("int64", "complex64"), ("uint8", "float16"),
]


@pytest.mark.parametrize("name", BINARY)
def test_mixed_dtypes(name):
    """Type promotion between array operands of different dtypes, and with
    rumpy scalars (strong: their dtype takes part in promotion)."""
    ufuncs(name)
    col = Collector()
    for a, b in MIXED_PAIRS:
        for x, y in ((a, b), (b, a)):
            nx = sample((2, 3), x)
            ny = sample((3,), y, nonneg=_nonneg_for(name, 1))
            col(compare_call, name, [to_rp(nx), to_rp(ny)], [nx, ny], msg=f"{name}({x}, {y})")
            sx = np.dtype(y).type(3)
            rs = getattr(rp, y)(3)
            col(compare_call, name, [to_rp(nx), rs], [nx, sx], msg=f"{name}({x} array, {y} scalar)")
            col(compare_call, name, [rs, to_rp(nx)], [sx, nx], msg=f"{name}({y} scalar, {x} array)")
    col.done()


# ---------------------------------------------------------------------------
# special values
# ---------------------------------------------------------------------------

def specials(dtype):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return np.array([False, True])
    if dt.kind in "iu":
        ii = np.iinfo(dt)
        vals = [0, 1, 2, 3, 7, ii.max, ii.max - 1, ii.max // 2 + 1]
        if dt.kind == "i":
            vals += [-1, -2, -7, ii.min, ii.min + 1]
        return np.array(vals, dtype=dt)
    fdt = np.dtype(dt.char.lower()) if dt.kind == "c" else dt
    fi = np.finfo(fdt)
    with np.errstate(all="ignore"):
        if dt.kind == "f":
            vals = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5,
                    -2.5, 3.0, 0.75, 100.0, 1e4, fi.max, -fi.max, fi.tiny, -fi.tiny,
                    fi.smallest_subnormal, -fi.smallest_subnormal, fi.eps, 1 - fi.epsneg,
                    np.pi / 2, 1e30]
            return np.array(vals, dtype=dt)
        comps = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.5, -2.0, 0.5]
        re = np.repeat(comps, len(comps))
        im = np.tile(comps, len(comps))
        out = np.empty(re.size, dtype=dt)
        out.real, out.imag = re, im
        return out


SPECIAL_MATRIX = [
    pytest.param(n, s, id=_sig_id(n, s)) for n in CANONICAL for s in signatures(n)
    if np.dtype(s[0]).kind != "b" or len(s) == 1
]


def _grid(a, b):
    return np.repeat(a, b.size), np.tile(b, a.size)


@pytest.mark.parametrize("name,sig", SPECIAL_MATRIX)
def test_special_values(name, sig):
    """nan, inf, -0.0, subnormals, extremes; integer min/max (overflow wraps),
    division by zero. Binary ufuncs see every pair of special values."""
    ufuncs(name)
    col = Collector()
    if len(sig) == 1:
        nx = specials(sig[0])
        if name == "reciprocal" and nx.dtype.kind in "iu":
            # numpy computes 1.0/0 and converts inf to the integer type: C undefined
            # behaviour (x86 gives INT64_MIN for int64, 0 for int8), not a contract
            nx = nx[nx != 0]
        col(compare_call, name, [to_rp(nx)], [nx], msg=f"{name}({sig[0]} specials)")
    else:
        a, b = specials(sig[0]), specials(sig[1])
        if name == "ldexp":
            b = np.array([0, 1, -1, 5, -5, 20, -20, 200, -200, 1100, -1100, 40000],
                         dtype=np.int64).astype(sig[1], casting="unsafe")
        if sig[0] == "complex128" or sig[0] == "complex64":
            # 64 x 64 complex pairs is plenty; keep the grid bounded
            a, b = a[::2], b[1::2]
        nx, ny = _grid(a, b)
        col(compare_call, name, [to_rp(nx), to_rp(ny)], [nx, ny],
            msg=f"{name}({sig} specials grid)")
        if name == "power" and np.dtype(sig[1]).kind == "i":
            keep = ny >= 0
            nx, ny = nx[keep], ny[keep]
            col(compare_call, name, [to_rp(nx), to_rp(ny)], [nx, ny],
                msg=f"{name}({sig} specials grid, exponents >= 0)")
    col.done()


def _warned(fn, *args):
    """The (class, message) of each warning ``fn(*args)`` gives, sorted."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        fn(*args)
    return sorted((x.category.__name__, str(x.message)) for x in w)


FLOAT16_UNARY = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
                 "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh",
                 "arccosh", "arctanh", "sqrt", "cbrt",
                 "floor", "ceil", "trunc", "rint", "fabs", "negative", "positive", "absolute",
                 "sign", "square", "reciprocal", "isnan", "isinf", "isfinite", "signbit"]
FLOAT16_BINARY = ["add", "subtract", "multiply", "true_divide", "maximum", "minimum", "fmax",
                  "fmin", "power", "less", "greater_equal", "equal"]
FLOAT16_SPECIALS = np.array(
    [0x0000, 0x8000, 0x0001, 0x8001, 0x03ff, 0x0400, 0x3c00, 0xbc00, 0x3555, 0x7bff, 0xfbff,
     0x7c00, 0xfc00, 0x7e00, 0xfe00, 0x7d00, 0xfd00, 0x7c01, 0x5640, 0xd640],
    dtype=np.uint16).view(np.float16)   # zeros, subnormals, ones, extremes, inf, NaNs (quiet
# and signalling, both signs)


def _over_range(name, x, edges, what):
    """A collector holding ``name`` on ``x`` (whole and strided) compared with numpy, and the
    warnings of ``x``, the ``edges``, their negatives and ``x``'s last five items."""
    col = Collector()
    col(compare_call, name, [to_rp(x)], [x], msg=f"{name}({what} range)")
    col(compare_call, name, [to_rp(x)[3::7]], [x[3::7]], msg=f"{name}(strided {what})")
    for part in (x, edges, -edges, x[-5:]):
        got = [_warned(getattr(m, name), v) for m, v in ((rp, to_rp(part)), (np, part))]
        col(lambda: assert_same(got[0], got[1], msg=f"{name}({what}) warnings"))
    return col


# float32 functions computed in float64 lanes (kernels/vmath_wide.rs, vmath.rs's TanF32)
FLOAT32_WIDE = ["tan", "exp2", "expm1", "log2", "log10", "log1p", "cbrt", "arcsin", "arccos",
                "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh"]


@pytest.mark.parametrize("name", FLOAT32_WIDE)
def test_float32_over_its_range(name):
    """float32 values of every magnitude and both signs (zeros, subnormals, the edges of each
    function's fast range, infinities, NaN), near multiples of pi/2 and around 1: values
    within the float32 tolerance, warnings as numpy's, a strided view and in place too."""
    ufuncs(name)
    bits = np.arange(0, 0x7f800000, 0x1f3d, dtype=np.uint32)
    edges = np.array([1e-45, 2.0 ** -60, 2.0 ** -29, 0.4375, 0.6875, 1.1875, 2.4375, 0.5, 1.0,
                      88.0, 89.0, 89.5, 126.0, 127.9, 128.0, 200.0], np.float32)
    edges = np.concatenate([edges, np.nextafter(edges, np.float32(0)),
                            np.nextafter(edges, np.float32(np.inf))])
    x = np.concatenate([bits.view(np.float32), -bits.view(np.float32), edges, -edges,
                        (np.arange(1, 5000) * (np.pi / 2)).astype(np.float32),
                        np.linspace(0.9, 1.1, 2001, dtype=np.float32),
                        np.array([0.0, -0.0, np.inf, -np.inf, np.nan], np.float32)])
    fn = getattr(np, name)
    col = _over_range(name, x, edges, "float32")
    with np.errstate(all="ignore"):
        want = fn(x)
    r = to_rp(x)
    col(lambda: assert_close(outcome(getattr(rp, name), r, out=r), want, NULP["float32"],
                             f"{name}(float32, in place)"))
    col.done()


# float64 functions on vectorised fast paths (kernels/vmath.rs) besides exp, log, sin, cos
FLOAT64_FAST = ["exp2", "expm1", "log2", "log10", "log1p", "arctan", "sinh", "cosh", "tanh"]


@pytest.mark.parametrize("name", FLOAT64_FAST)
def test_float64_over_its_range(name):
    """float64 values of every magnitude and both signs (zeros, subnormals, the edges of the
    fast range, infinities, NaN), integers and powers of two (exact results): values within
    the float64 tolerance, warnings as numpy's, a strided view too."""
    ufuncs(name)
    bits = np.arange(0, 0x7ff0000000000000, 0x3f1f3d5b9e37 * 16, dtype=np.uint64)
    edges = np.array([5e-324, 2.0 ** -54, 2.0 ** -28, 2.0 ** -27, 0.4375, 0.6875, 1.1875, 2.4375,
                      0.5, 1.0, 0.34657359027997264, 22.0, 708.0, 709.0, 709.8, 710.0, 1021.5,
                      1022.0, 1023.0, 1024.0, 1100.0, 2.0 ** 66])
    edges = np.concatenate([edges, np.nextafter(edges, 0), np.nextafter(edges, np.inf)])
    x = np.concatenate([bits.view(np.float64), -bits.view(np.float64), edges, -edges,
                        np.arange(-1074.0, 1030.0), 2.0 ** np.arange(-1074.0, 1024.0),
                        np.linspace(-0.999, 3.0, 40001),
                        np.array([0.0, -0.0, np.inf, -np.inf, np.nan])])
    col = _over_range(name, x, edges, "float64")
    exact = {"exp2": np.arange(-1022.0, 1024.0), "log2": 2.0 ** np.arange(-1074.0, 1024.0),
             "log10": 10.0 ** np.arange(0, 23)}
    if name in exact:
        v = exact[name]
        col(lambda: assert_same(getattr(rp, name)(to_rp(v)), getattr(np, name)(v),
                                msg=f"{name}(float64) exact values"))
    col.done()


def test_float32_arctan2_pairs():
    """float32 arctan2 (branch-free in float64 lanes) over pairs of values of every magnitude
    and sign, zeros, infinities and NaN: values within the float32 tolerance, warnings as
    numpy's, strided operands too."""
    ufuncs("arctan2")
    bits = np.arange(0, 0x7f800000, 0x7f3d1, dtype=np.uint32)
    v = np.concatenate([bits.view(np.float32), [0.4375, 1.0, 2.4375, 3e38, np.inf, np.nan]])
    v = np.concatenate([v, -v]).astype(np.float32)
    y, x = _grid(v, v)
    col = Collector()
    col(compare_call, "arctan2", [to_rp(y), to_rp(x)], [y, x], msg="arctan2(float32 pairs)")
    col(compare_call, "arctan2", [to_rp(y)[::3], to_rp(x)[1::3]], [y[::3], x[1::3]],
        msg="arctan2(strided float32 pairs)")
    got = [_warned(m.arctan2, p, q) for m, p, q in ((rp, to_rp(y), to_rp(x)), (np, y, x))]
    col(lambda: assert_same(got[0], got[1], msg="arctan2(float32 pairs) warnings"))
    col.done()


@pytest.mark.parametrize("name", FLOAT16_BINARY)
def test_float16_special_pairs(name):
    """Every pair of float16 special values (signalling NaNs among them): values and
    warnings as numpy's; the result's bits too where numpy picks an operand (maximum and
    friends; which NaN an addition passes on is the compiler's choice)."""
    ufuncs(name)
    a, b = _grid(FLOAT16_SPECIALS, FLOAT16_SPECIALS)
    col = Collector()
    col(compare_call, name, [to_rp(a), to_rp(b)], [a, b], msg=f"{name}(float16 pairs)")
    got = [_warned(getattr(m, name), x, y) for m, x, y in
           ((rp, to_rp(a), to_rp(b)), (np, a, b))]
    col(lambda: assert_same(got[0], got[1], msg=f"{name} warnings"))
    bits = [np.asarray(getattr(m, name)(x, y)) for m, x, y in
            ((rp, to_rp(a), to_rp(b)), (np, a, b))]
    if name in ("maximum", "minimum", "fmax", "fmin"):
        col(lambda: assert_same(to_rp(bits[0].view(np.uint16)), bits[1].view(np.uint16),
                                msg=f"{name} result bits"))
    col.done()


@pytest.mark.parametrize("name", FLOAT16_UNARY)
def test_float16_every_value(name):
    """Every float16 (65536 items: float32 blocks of 256, NaN payloads, subnormals), a tail,
    a strided view and in place: values and warnings as numpy's."""
    ufuncs(name)
    every = np.arange(65536, dtype=np.uint16).view(np.float16)
    col = Collector()
    col(compare_call, name, [to_rp(every)], [every], msg=f"{name}(every float16)")
    col(compare_call, name, [to_rp(every)[5:1000:3]], [every[5:1000:3]],
        msg=f"{name}(strided float16)")
    for lo, hi in [(0, 65536), (0, 31744), (15000, 16000), (31744, 32768)]:
        got = [_warned(getattr(m, name), x) for m, x in
               ((rp, to_rp(every)[lo:hi]), (np, every[lo:hi]))]
        col(lambda: assert_same(got[0], got[1], msg=f"{name} warnings over [{lo}:{hi}]"))
    part = every[31000:31301]

    def in_place(m, x):
        return getattr(m, name)(x, out=x)
    col(assert_outcome, name, outcome(in_place, rp, to_rp(part)),
        outcome(in_place, np, part.copy()), f"{name}(float16, in place)")
    col.done()


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "int64"])
def test_integer_power_negative_exponent_raises(dtype):
    ufuncs("power")
    nx = np.array([2, 3], dtype=dtype)
    for ny in (np.array([1, -1], dtype=dtype), np.array(-2, dtype=dtype)):
        r = outcome(rp.power, to_rp(nx), to_rp(ny))
        n = outcome(np.power, nx, ny)
        assert isinstance(n, Raised)
        assert_error_like(r, n, f"power({dtype}, negative)")
    # a negative Python int exponent too
    assert_error_like(outcome(rp.power, to_rp(nx), -1), outcome(np.power, nx, -1), "power(arr, -1)")


@pytest.mark.parametrize("name", ["floor_divide", "remainder", "fmod", "divmod", "divide"])
@pytest.mark.parametrize("dtype", ["int8", "uint8", "int32", "int64", "uint64"])
def test_integer_division_by_zero(name, dtype):
    """Integer division by zero gives numpy's values (0, or float inf/nan for
    true division) and a RuntimeWarning, not an exception."""
    ufuncs(name)
    nx = np.array([0, 1, 5, 100], dtype=dtype)
    ny = np.zeros(4, dtype=dtype)
    compare_call(name, [to_rp(nx), to_rp(ny)], [nx, ny], msg=f"{name}({dtype}, 0)")
    with warnings.catch_warnings(record=True) as nw:
        warnings.simplefilter("always")
        getattr(np, name)(nx, ny)
    with warnings.catch_warnings(record=True) as rw:
        warnings.simplefilter("always")
        getattr(rp, name)(to_rp(nx), to_rp(ny))
    ncat = sorted({w.category.__name__ for w in nw})
    rcat = sorted({w.category.__name__ for w in rw})
    assert rcat == ncat, f"warnings {rcat} != numpy {ncat}"


def _int64_division_operands():
    # Blocks of eight mixing values within 2**53 (divided through float64 where the CPU has
    # AVX-512) with values beyond it, zero divisors, the most negative value over -1, and
    # quotients one below an integer (a = k * b - 1), at both ends of the exact range.
    rng = np.random.default_rng(53)
    e = 2**53
    edges = np.array([e - 1, e, e + 1, 1 - e, -e, -e - 1, 2**62, -2**63, 0, 7, -7, 1],
                     dtype=np.int64)
    b = rng.integers(-2**20, 2**20, 4096)
    b[b == 0] = 3
    k = rng.integers(-2**32, 2**32, 4096) % (e // (np.abs(b) + 1))
    a = k * b - 1
    a[::97] = rng.integers(-2**63, 2**63 - 1, a[::97].size)
    a[5::101] = e - 1 - rng.integers(0, 1000, a[5::101].size)
    b[7::89] = 0
    a[9::211], b[9::211] = -2**63, -1
    a = np.concatenate([a, np.repeat(edges, len(edges)), rng.integers(-999, 999, 1003)])
    b = np.concatenate([b, np.tile(edges, len(edges)), rng.integers(-9, 9, 1003)])
    return a, b


@pytest.mark.parametrize("layout", ["contiguous", "strided", "reversed", "in_place"])
def test_int64_floor_divide_of_arrays(layout):
    """int64 // int64 across the float64-exact range's edges: numpy's quotients and
    warnings, for every layout the loop walks."""
    na, nb = _int64_division_operands()
    if layout == "strided":
        na, nb = na[::3], nb[::3]
    elif layout == "reversed":
        na, nb = na[::-1], nb[::-1]
    ra, rb = to_rp(na), to_rp(nb)
    with warnings.catch_warnings(record=True) as nw:
        warnings.simplefilter("always")
        if layout == "in_place":
            want = na.copy()
            np.floor_divide(want, nb, out=want)
        else:
            want = na // nb
    with warnings.catch_warnings(record=True) as rw:
        warnings.simplefilter("always")
        if layout == "in_place":
            got = rp.array(ra, copy=True)
            rp.floor_divide(got, rb, out=got)
        else:
            got = ra // rb
    assert_same(got, want, msg=f"int64 // ({layout})")
    assert sorted(str(w.message) for w in rw) == sorted(str(w.message) for w in nw)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "int64", "uint64"])
@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "negative", "absolute",
                                  "square", "left_shift"])
def test_integer_wraparound(name, dtype):
    """Integer overflow wraps around (two's complement) like numpy."""
    ufuncs(name)
    ii = np.iinfo(dtype)
    nx = np.array([ii.max, ii.min, ii.max // 2 + 1, ii.max - 1], dtype=dtype)
    ny = np.array([1, ii.max, 3, 7], dtype=dtype)
    args = [nx] if getattr(np, name).nin == 1 else [nx, ny]
    compare_call(name, [to_rp(a) for a in args], args, msg=f"{name}({dtype} extremes)")


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "true_divide", "equal", "sqrt",
                                  "negative", "isnan", "bitwise_and", "arctan2"])
def test_sequence_inputs(name):
    """Python lists / tuples / nested lists as ufunc inputs (converted like
    np.asarray would: ints -> int64, floats -> float64, bools -> bool)."""
    ufuncs(name)
    col = Collector()
    nin = getattr(np, name).nin
    for seq in ([1, 2, 3], (1.5, -2.0, 0.0), [[1, 2], [3, 4]], [True, False], [], [1, 2.5, 3j],
                [[1], [2, 3]]):
        args = [seq] * nin
        col(compare_call, name, args, args, msg=f"{name}({seq!r})")
        if nin == 2:
            col(compare_call, name, [seq, 2], [seq, 2], msg=f"{name}({seq!r}, 2)")
    col.done()


# ---------------------------------------------------------------------------
# order= : the memory layout of new outputs
# ---------------------------------------------------------------------------

def _layouts(m):
    base = m.arange(24.0).reshape(4, 6)
    return {
        "C": (base, base),
        "F": (m.asfortranarray(base), m.asfortranarray(base)),
        "F+C": (m.asfortranarray(base), base),
        "F+1d": (m.asfortranarray(base), m.arange(6.0)),
        "F+scalar": (m.asfortranarray(base), 2.0),
        "T": (base.T, base.T),
        "strided": (m.arange(48.0).reshape(4, 12)[:, ::2], m.arange(48.0).reshape(4, 12)[:, ::2]),
        "column": (m.asfortranarray(base)[:, :1], 1.0),
        "1d": (m.arange(5.0), m.arange(5.0)),
        "3d-F": (m.asfortranarray(m.arange(24.0).reshape(2, 3, 4)),) * 2,
    }


@pytest.mark.parametrize("order", ["K", "C", "F", "A", None])
@pytest.mark.parametrize("layout", list(_layouts(np)))
@pytest.mark.parametrize("name", ["add", "negative"])
def test_order_of_new_outputs(name, layout, order):
    got = []
    for m in (np, rp):
        args = _layouts(m)[layout]
        f = getattr(m, name)
        args = args[:f.nin]
        kw = {} if order is None else {"order": order}
        r = f(*args, **kw)
        got.append((r.shape, r.strides, bool(r.flags["C_CONTIGUOUS"]),
                    bool(r.flags["F_CONTIGUOUS"]), r.base is None, np.asarray(r).tolist()))
    assert got[1] == got[0]


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
def test_order_with_where(order):
    got = []
    for m in (np, rp):
        a = m.asfortranarray(m.arange(12.0).reshape(3, 4))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            r = m.add(a, a, where=m.asfortranarray(a > 3), order=order)
        got.append((r.strides, np.asarray(r)[np.asarray(a) > 3].tolist()))
    assert got[1] == got[0]


def test_bad_order_is_refused_as_numpy():
    for m in (np, rp):
        with pytest.raises(ValueError):
            m.add(m.ones(2), 1, order="X")


# ---------------------------------------------------------------------------
# floating-point conditions per element (a whole grid raises every condition somewhere)
# ---------------------------------------------------------------------------

def _conditions(m, name, x, y, dtype):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = getattr(m, name)(m.array([x], dtype), m.array([y], dtype))
    rs = r if isinstance(r, tuple) else (r,)
    return ([(str(v.dtype), repr(complex(v[0]))) for v in rs],
            sorted(str(x.message) for x in w))


def _same_conditions(name, xs, ys, dtype):
    """Each pair as its own one-item call: values, dtypes and warnings as numpy's."""
    for x in xs:
        for y in ys:
            n = _conditions(np, name, x, y, dtype)
            r = _conditions(rp, name, x, y, dtype)
            assert r == n, f"{name}({x!r}, {y!r}) {dtype}"


_FLOAT_SPECIALS = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.5, -2.5, 7.0]


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
@pytest.mark.parametrize("name", ["floor_divide", "remainder", "divmod", "fmod", "divide"])
def test_division_conditions_per_element(name, dtype):
    _same_conditions(name, _FLOAT_SPECIALS, _FLOAT_SPECIALS, dtype)


@pytest.mark.parametrize("name", ["divide", "multiply", "power"])
@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_complex_conditions_per_element(dtype, name):
    parts = [0.0, -0.0, math.inf, math.nan, 1.5, -2.0]
    values = [complex(a, b) for a in parts for b in parts]
    _same_conditions(name, values[::2], values, dtype)


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_complex_power_edges(dtype):
    # Exponents at NumPy's integer-power range (|n| < 100), beyond it, infinite and NaN;
    # bases of modulus below, at and above 1.
    bases = [0.5j, 1 + 0j, -2.5 + 1j, 1e300 + 0j, 1e-300 + 1e-300j, complex(math.inf, 0)]
    exps = [complex(e, 0) for e in [2, 3, -3, 99, -99, 100, 0.5, math.inf, -math.inf,
                                    math.nan]] + [1 + 1j, complex(math.nan, 1)]
    _same_conditions("power", bases, exps, dtype)


@pytest.mark.parametrize("layout", ["contiguous", "strided"])
@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_complex_products_are_numpys_bit_for_bit(dtype, layout):
    """NumPy's complex multiply loop fuses a product into each part; so does rumpy's."""
    g = np.random.default_rng(5)
    a = (g.standard_normal(4001) + 1j * g.standard_normal(4001)).astype(dtype)
    b = (g.standard_normal(4001) + 1j * g.standard_normal(4001)).astype(dtype)
    if layout == "strided":
        a, b = a[::3], b[1::3]
    r = np.asarray(rp.asarray(a) * rp.asarray(b))
    assert r.tobytes() == (a * b).tobytes()
