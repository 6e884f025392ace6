"""Element-wise helper functions built on the ufuncs (clip, where, around,
isclose, nan_to_num, ...) and the floating-point error state (errstate,
seterr, geterr)."""

import warnings

import numpy as np
import pytest

import rumpy as rp
from conftest import (ALL_DTYPES, FEW_DTYPES, TEST_BUGS, Collector, check, need, per_module,
                      sample, to_rp)
from test_ufunc_elementwise import Raised, assert_close, assert_error_like, outcome


def mk(m, a, dtype=None):
    a = np.asarray(a, dtype=dtype)
    return a.copy() if m is np else to_rp(a)


def same(fn, msg="", nulp=None):
    r = outcome(fn, rp)
    n = outcome(fn, np)
    if isinstance(n, Raised):
        assert_error_like(r, n, msg)
        return r, n
    if isinstance(r, Raised):
        raise AssertionError(f"{msg}: rumpy raised {type(r.exc).__name__}({r.exc}) "
                             f"but numpy returned {n!r}") from r.exc
    assert_close(r, n, nulp, msg)
    return r, n


def specials(dtype):
    """Interesting values of ``dtype`` as a numpy array."""
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return np.array([True, False, True])
    if dt.kind in "iu":
        ii = np.iinfo(dt)
        v = [0, 1, 2, 5, 15, 25, 126, ii.max]
        if dt.kind == "i":
            v += [-1, -5, -15, -25, -126, ii.min]
        return np.array(v, dtype=dt)
    with np.errstate(all="ignore"):
        f = [0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -2.5, 3.5, 0.25, -1.25, 1.005, 12345.678,
             -987.65, np.inf, -np.inf, np.nan, 1e-8, 1e30]
        if dt.kind == "f":
            return np.array(f, dtype=dt)
        return np.array([complex(a, b) for a, b in zip(f, f[3:] + f[:3])], dtype=dt)


# ---------------------------------------------------------------------------
# clip
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_clip(dtype):
    need("clip")
    col = Collector()
    x = specials(dtype)
    lo_hi = [(1, 5), (-2, 2), (None, 3), (2, None), (5, 1), (0.5, 2.5), (np.nan, 3.0),
             (True, True), (-300, 300)]
    for lo, hi in lo_hi:
        col(same, lambda m: m.clip(mk(m, x), lo, hi), f"clip({dtype}, {lo}, {hi})")
        col(same, lambda m: mk(m, x).clip(lo, hi), f"{dtype}.clip({lo}, {hi})")
    col(same, lambda m: m.clip(mk(m, x), mk(m, x[::-1]), mk(m, x)), f"clip({dtype}, array bounds)")
    col(same, lambda m: m.clip(mk(m, x), None, None), f"clip({dtype}, None, None)")
    col.done()


def test_clip_broadcast_out_and_views():
    need("clip")
    col = Collector()
    x = sample((3, 4), "float64")

    def with_out(m):
        o = mk(m, np.zeros((3, 4)))
        r = m.clip(mk(m, x), -1.0, mk(m, [0.0, 1.0, 2.0, 3.0]), out=o)
        return r is o, o
    col(same, with_out, "clip out")
    col(same, lambda m: m.clip(mk(m, x).T[::-1], mk(m, [[-1.0], [0.0], [1.0], [2.0]]), 5.0), "clip view")
    col(same, lambda m: m.clip(mk(m, x), mk(m, [1.0, 2.0]), 5.0), "clip bad broadcast")
    col(same, lambda m: m.clip(mk(m, x, "int8"), 1.5, 4.5), "clip int with float bounds")
    col(same, lambda m: m.clip(mk(m, x, "int8"), 1, 4, out=mk(m, np.zeros((3, 4), "int8"))), "clip out int8")
    col(same, lambda m: m.clip(mk(m, x, "uint8"), -1, 4), "clip uint8 with -1")
    col(same, lambda m: m.clip(3.5, 1, 2), "clip python scalar")
    col.done()


# ---------------------------------------------------------------------------
# where
# ---------------------------------------------------------------------------

def test_where():
    need("where")
    col = Collector()
    cond = sample((3, 4), "bool")
    for dx, dy in (("int8", "int8"), ("int8", "uint8"), ("float32", "int64"), ("bool", "float16"),
                   ("complex64", "float64"), ("uint64", "int64")):
        x, y = sample((3, 4), dx), sample((4,), dy)
        col(same, lambda m: m.where(mk(m, cond), mk(m, x), mk(m, y)), f"where({dx}, {dy})")
    x = sample((3, 4), "int16")
    for a, b in ((1, 2.5), (mk, 0), (0, mk), (True, False), (300, mk)):
        def body(m, a=a, b=b):
            aa = mk(m, x) if a is mk else a
            bb = mk(m, x) if b is mk else b
            return m.where(mk(m, cond), aa, bb)
        col(same, body, f"where(cond, {a if a is not mk else 'int16'}, {b if b is not mk else 'int16'})")
    col(same, lambda m: m.where(mk(m, cond)), "where(cond) -> nonzero")
    col(same, lambda m: m.where(mk(m, sample((3, 1), "bool")), mk(m, x), mk(m, x[0])), "where broadcast")
    col(same, lambda m: m.where(mk(m, cond), mk(m, x)), "where(cond, x) -> error")
    col(same, lambda m: m.where(mk(m, cond), mk(m, x[:2]), 0), "where shape mismatch")
    col(same, lambda m: m.where(mk(m, x), 1, 0), "where(int cond)")
    col(same, lambda m: m.where(mk(m, cond).T, mk(m, x).T, -1), "where transposed")
    col(same, lambda m: m.where(True, 1, 2), "where scalars")
    col.done()


# ---------------------------------------------------------------------------
# around / round / fix
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("fname", ["around", "round"])
def test_round(fname, dtype):
    """Half to even; decimals positive, zero, negative (int dtypes too)."""
    need(fname)
    col = Collector()
    x = specials(dtype)
    for dec in (0, 1, 2, 3, -1, -2, -5):
        xd = x
        if dec < 0 and np.dtype(dtype).kind in "iu":
            # Rounding an integer near its type's limit can leave the range; the cast back
            # from float64 is then undefined in C and NumPy's result depends on the CPU and
            # the array length, so the elements whose rounded value (computed by numpy in
            # float64) falls outside [min, max + 1) are left out.
            info = np.iinfo(dtype)
            r = np.round(x.astype(float), dec)
            xd = x[(r >= info.min) & (r < float(info.max) + 1.0)]
        col(same, lambda m: getattr(m, fname)(mk(m, xd), dec), f"{fname}({dtype}, {dec})")
        col(same, lambda m: getattr(m, fname)(mk(m, xd), decimals=dec), f"{fname}({dtype}, decimals={dec})")
    col(same, lambda m: getattr(m, fname)(mk(m, x)), f"{fname}({dtype})")
    col(same, lambda m: mk(m, x).round(1), f"{dtype}.round(1)")
    col(same, lambda m: mk(m, x).round(), f"{dtype}.round()")
    col(same, lambda m: getattr(m, fname)(mk(m, x[1])), f"{fname}({dtype} 0-d)")

    def with_out(m):
        o = mk(m, np.zeros(x.shape, dtype=dtype))
        r = getattr(m, fname)(mk(m, x), 1, out=o)
        return r is o, o
    col(same, with_out, f"{fname}({dtype}, out=)")
    col.done()


def test_round_half_to_even_exact():
    need("round")
    x = np.array([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.125, 0.375, 2.675, 1.005, 5e-324,
                  1e300, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45])
    col = Collector()
    for dec in (0, 1, 2, 3, 10, 400, -1, -400):
        col(same, lambda m: m.round(mk(m, x), dec), f"round(decimals={dec})")
        col(same, lambda m: m.round(mk(m, x, "float32"), dec), f"round(float32, decimals={dec})")
    col(same, lambda m: m.round(mk(m, [15, 25, 35, -15, -25, 125], "int64"), -1), "int round half even")
    col(same, lambda m: m.round(2.5), "round(python float)")
    col(same, lambda m: m.round(mk(m, x), 1.5), "round non-int decimals")
    col.done()


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_fix(dtype):
    need("fix")
    col = Collector()
    x = specials(dtype)
    col(same, lambda m: m.fix(mk(m, x)), f"fix({dtype})")
    col(same, lambda m: m.fix(mk(m, x[2])), f"fix({dtype} 0-d)")
    col.done()


# ---------------------------------------------------------------------------
# isclose / allclose / array_equal / array_equiv
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_isclose_allclose(dtype):
    need("isclose", "allclose")
    col = Collector()
    x = specials(dtype)
    with np.errstate(all="ignore"):
        y = (x * 1.0000001) if dtype[0] in "fc" else x
        y = y.astype(dtype)
    y2 = x[::-1].copy()
    for kw in ({}, {"rtol": 0.0}, {"atol": 0.0}, {"rtol": 0.5, "atol": 1.0}, {"equal_nan": True},
               {"rtol": 0, "atol": 0, "equal_nan": True}):
        for other in (y, y2):
            col(same, lambda m: m.isclose(mk(m, x), mk(m, other), **kw), f"isclose({dtype}, {kw})")
            col(same, lambda m: m.allclose(mk(m, x), mk(m, other), **kw), f"allclose({dtype}, {kw})")
    col(same, lambda m: m.isclose(mk(m, x), 1), f"isclose({dtype}, 1)")
    col(same, lambda m: m.isclose(mk(m, x)[0], mk(m, x)[0]), f"isclose 0-d {dtype}")
    col(same, lambda m: m.allclose(mk(m, x), mk(m, x[:3])), f"allclose shape mismatch {dtype}")
    col.done()


def test_isclose_special_cases():
    need("isclose", "allclose")
    col = Collector()
    a = np.array([np.inf, -np.inf, np.inf, np.nan, 1e-9, 0.0, 1e10, 1.0])
    b = np.array([np.inf, np.inf, 1e308, np.nan, 0.0, 1e-9, 1.00001e10, 1 + 1e-5])
    for kw in ({}, {"equal_nan": True}, {"atol": 0}, {"rtol": 1e-3}):
        col(same, lambda m: m.isclose(mk(m, a), mk(m, b), **kw), f"isclose {kw}")
        col(same, lambda m: m.isclose(mk(m, b), mk(m, a), **kw), f"isclose swapped {kw}")
        col(same, lambda m: m.allclose(mk(m, a[:3]), mk(m, b[:3]), **kw), f"allclose {kw}")
    col(same, lambda m: m.isclose(mk(m, a), mk(m, b[:, None])), "isclose broadcast")
    col(same, lambda m: m.isclose(mk(m, [1, 2], "int64"), mk(m, [1, 3], "uint64")), "isclose ints")
    col(same, lambda m: m.isclose(1.0, 1.0 + 1e-9), "isclose python scalars")
    col(same, lambda m: m.allclose(1.0, mk(m, [1.0, 1.0])), "allclose scalar/array")
    col.done()


def test_array_equal_equiv():
    need("array_equal", "array_equiv")
    col = Collector()
    f = np.array([1.0, np.nan, 3.0])
    i = np.array([[1, 2], [1, 2]])
    cases = [
        (f, f, {}), (f, f, {"equal_nan": True}), (f, f[:2], {}),
        (i, i[0], {}), (i, i.astype("float32"), {}), (i, i.T, {}),
        (np.zeros(0), np.zeros(0), {}), (np.zeros((0, 2)), np.zeros((2, 0)), {}),
        (np.array([1 + 1j, np.nan]), np.array([1 + 1j, np.nan]), {"equal_nan": True}),
        (np.array([1, 2]), [1, 2], {}), (np.array(True), np.array(1), {}),
        (np.array([1, 2], "int8"), np.array([1, 2], "uint64"), {}),
    ]
    for a, b, kw in cases:
        def mk2(m, v):
            return mk(m, v) if isinstance(v, np.ndarray) else v
        col(same, lambda m: m.array_equal(mk2(m, a), mk2(m, b), **kw), f"array_equal({a}, {b}, {kw})")
        col(same, lambda m: m.array_equiv(mk2(m, a), mk2(m, b)), f"array_equiv({a}, {b})")
    col(same, lambda m: m.array_equiv(mk(m, i), mk(m, [[1, 2]])), "array_equiv broadcast")
    col(same, lambda m: m.array_equiv(mk(m, i), mk(m, [1, 2, 3])), "array_equiv no broadcast")
    col.done()


# ---------------------------------------------------------------------------
# nan_to_num, real/imag/angle/conj, real_if_close, sinc, i0, predicates
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_nan_to_num(dtype):
    need("nan_to_num")
    col = Collector()
    x = specials(dtype)
    col(same, lambda m: m.nan_to_num(mk(m, x)), f"nan_to_num({dtype})")
    col(same, lambda m: m.nan_to_num(mk(m, x), nan=-1.0, posinf=7.0, neginf=-7.0), f"nan_to_num({dtype}, kw)")
    col(same, lambda m: m.nan_to_num(mk(m, x)[3]), f"nan_to_num({dtype} scalar)")

    def inplace(m):
        a = mk(m, x)
        r = m.nan_to_num(a, copy=False)
        return r is a, a
    col(same, inplace, f"nan_to_num({dtype}, copy=False)")
    col.done()


def test_nan_to_num_python_scalars():
    need("nan_to_num")
    col = Collector()
    for v in (float("nan"), float("inf"), -float("inf"), 3, complex(float("nan"), float("inf"))):
        col(same, lambda m: m.nan_to_num(v), f"nan_to_num({v!r})")
    col.done()


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_real_imag_angle_conj(dtype):
    need("real", "imag", "angle", "conj")
    col = Collector()
    x = specials(dtype)
    for fn in ("real", "imag", "conj", "isreal", "iscomplex", "isrealobj", "iscomplexobj"):
        col(same, lambda m: getattr(m, fn)(mk(m, x)), f"{fn}({dtype})")
        col(same, lambda m: getattr(m, fn)(mk(m, x)[1]), f"{fn}({dtype} scalar)")
    col(same, lambda m: m.angle(mk(m, x)), f"angle({dtype})", nulp=4)
    col(same, lambda m: m.angle(mk(m, x), deg=True), f"angle({dtype}, deg=True)", nulp=4)
    col(same, lambda m: mk(m, x).real, f"{dtype}.real")
    col(same, lambda m: mk(m, x).imag, f"{dtype}.imag")
    col(same, lambda m: mk(m, x).conj(), f"{dtype}.conj()")
    col(same, lambda m: mk(m, x).conjugate(), f"{dtype}.conjugate()")
    col.done()


def test_real_imag_are_views():
    need("real", "imag")

    def body(m):
        a = mk(m, np.array([1 + 2j, 3 - 4j, -5j]))
        m.real(a)[0] = 10.0
        m.imag(a)[1] = 20.0
        r = mk(m, np.array([1.0, 2.0]))
        m.real(r)[0] = 9.0
        return a, r
    same(body, "real/imag views write through")


def test_predicates_python_objects():
    need("isreal", "iscomplex", "isrealobj", "iscomplexobj", "isscalar")
    col = Collector()
    for v in (1, 1.5, 1j, 1 + 0j, True, [1, 2], [1j, 2], "a", None, (1.0,), np.float64(2.0) and 2.0):
        for fn in ("isreal", "iscomplex", "isrealobj", "iscomplexobj", "isscalar"):
            col(same, lambda m: getattr(m, fn)(v), f"{fn}({v!r})")
    for fn in ("isscalar", "isrealobj", "iscomplexobj"):
        col(same, lambda m: getattr(m, fn)(mk(m, [1.0])), f"{fn}(array)")
        col(same, lambda m: getattr(m, fn)(mk(m, 1.0)), f"{fn}(0-d array)")
        col(same, lambda m: getattr(m, fn)(mk(m, [1.0, 2.0])[0]), f"{fn}(numpy/rumpy scalar)")
        col(same, lambda m: getattr(m, fn)(m.complex64(1)), f"{fn}(complex64 scalar)")
    col.done()


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_isneginf_isposinf(dtype):
    need("isneginf", "isposinf")
    col = Collector()
    x = specials(dtype)
    for fn in ("isneginf", "isposinf"):
        col(same, lambda m: getattr(m, fn)(mk(m, x)), f"{fn}({dtype})")

        def with_out(m):
            o = mk(m, np.ones(x.shape, dtype=bool))
            r = getattr(m, fn)(mk(m, x), out=o)
            return r is o, o
        col(same, with_out, f"{fn}({dtype}, out=)")
    col.done()


def test_real_if_close():
    need("real_if_close")
    col = Collector()
    eps = np.finfo(np.float64).eps
    for a in (np.array([1 + 1e-15j, 2 - 1e-15j]), np.array([1 + 1e-10j]), np.array([1.0, 2.0]),
              np.array([1, 2]), np.array([1 + 0j], dtype="complex64"),
              np.array([1 + 50 * eps * 1j])):
        col(same, lambda m: m.real_if_close(mk(m, a)), f"real_if_close({a!r})")
        col(same, lambda m: m.real_if_close(mk(m, a), tol=1000), f"real_if_close({a!r}, tol=1000)")
        col(same, lambda m: m.real_if_close(mk(m, a), tol=1e-12), f"real_if_close({a!r}, tol=1e-12)")
    col.done()


@pytest.mark.parametrize("dtype", ["int8", "int64", "float16", "float32", "float64", "complex128"])
def test_sinc(dtype):
    need("sinc")
    col = Collector()
    x = specials(dtype)
    col(same, lambda m: m.sinc(mk(m, x)), f"sinc({dtype})", nulp=8)
    col(same, lambda m: m.sinc(mk(m, np.linspace(-3, 3, 25).astype(dtype) if dtype[0] in "fc"
                                    else np.arange(-3, 4, dtype=dtype))), f"sinc({dtype} grid)", nulp=8)
    col(same, lambda m: m.sinc(0.0), "sinc(0.0)")
    col.done()


@pytest.mark.parametrize("dtype", ["int8", "int64", "float32", "float64", "bool"])
def test_i0(dtype):
    need("i0")
    col = Collector()
    x = specials(dtype) if dtype[0] in "f" else sample((5,), dtype)
    if dtype[0] == "f":
        x = x[np.isfinite(x) & (np.abs(x) < 700)]
        x = np.concatenate([x, np.array([-np.inf, np.inf, np.nan], dtype=dtype)])
    col(same, lambda m: m.i0(mk(m, x)), f"i0({dtype})", nulp=16)
    col(same, lambda m: m.i0(mk(m, np.linspace(-30, 30, 41))), "i0(grid)", nulp=16)
    col(same, lambda m: m.i0(mk(m, np.array([1 + 1j]))), "i0(complex) raises")
    col.done()


@pytest.mark.parametrize("v", [1, 1.5, 1j, True, "s", b"b", None, [1], (1,), {1: 2}, object()])
def test_isscalar(v):
    need("isscalar")
    same(lambda m: m.isscalar(v), f"isscalar({v!r})")


def _with_out(fn, out_np):
    """A callable for :func:`same` that calls ``fn(m, out)`` and returns the filled out array
    and whether the result is that array."""
    def body(m):
        o = mk(m, out_np)
        r = fn(m, o)
        return r is o, o
    return body


def test_clip_keyword_forms():
    need("clip")
    col = Collector()
    x = np.array([[1.5, -2.0, 3.0], [np.nan, 0.5, -0.25]])
    xi = np.array([[1, -2, 3], [4, 0, 9]], dtype="int8")
    col(same, lambda m: m.clip(mk(m, x), min=0.25), "clip(min=)")
    col(same, lambda m: m.clip(mk(m, x), max=0.25), "clip(max=)")
    col(same, lambda m: m.clip(mk(m, x), min=-1.0, max=1.0), "clip(min=, max=)")
    col(same, lambda m: m.clip(mk(m, x)), "clip() without bounds")
    col(same, lambda m: m.clip(mk(m, x), 1.0), "clip(a, a_min) -> TypeError")
    col(same, lambda m: m.clip(mk(m, x), 1.0, 2.0, min=0.0), "clip(a_min, a_max, min=) -> ValueError")
    col(same, lambda m: mk(m, x).clip(min=-1.0, max=1.0), "a.clip(min=, max=)")
    col(same, lambda m: mk(m, x).clip(max=1.0), "a.clip(max=)")
    col(same, lambda m: mk(m, xi).clip(), "int8.clip()")
    col(same, lambda m: m.clip(mk(m, x), 0.0, np.nan), "clip NaN upper bound")
    col(same, lambda m: m.clip(mk(m, xi), 0, 2, dtype="float32"), "clip(dtype=)")
    col(same, lambda m: m.clip(mk(m, np.array(5)), 1, 3), "clip 0-d")
    col(same, lambda m: m.clip([1, 5, 9], 2, 6), "clip list")
    col(same, _with_out(lambda m, o: m.clip(mk(m, xi), 0.5, 2.5, out=o, casting="unsafe"),
                        np.zeros((2, 3), "int8")), "clip(out=int8, casting='unsafe')")
    col(same, lambda m: m.clip(mk(m, xi), 0.5, 2.5, out=mk(m, np.zeros((2, 3), "int8"))),
        "clip(out=int8) float bounds -> casting error")
    col(same, lambda m: m.clip(mk(m, xi, "uint8"), 300, 400), "clip(uint8, 300, ...) overflow")
    # complex: lexicographic order; a bound with a NaN part only wins when compared
    z = np.array([-0.5 + 0.25j, 1 + 1j, complex(np.nan, 1), 2 - 1j, 1 + 3j, 0j])
    zlo = np.array([complex(-9, np.nan), 1 + 2j, 0j, complex(np.nan, 0), 1 + 3j, -0.0 + 0j])
    col(same, lambda m: m.clip(mk(m, z), mk(m, zlo), 1.5 + 0j), "clip(complex, NaN-part bounds)")
    col(same, lambda m: m.clip(mk(m, z), 1 + 1j, mk(m, zlo)), "clip(complex, NaN-part upper)")
    col(same, lambda m: m.clip(mk(m, z, "complex64"), -1.0, 1.0), "clip(complex64, real bounds)")
    col(same, lambda m: m.clip(mk(m, np.array(3 + 1j)), 0j, 1 + 0j), "clip(0-d complex)")
    col(same, _with_out(lambda m, o: m.clip(mk(m, z), 0j, 1 + 1j, out=o), np.zeros(6, "complex128")),
        "clip(complex, out=)")
    col.done()


def test_where_weak_scalars_and_lists():
    need("where")
    col = Collector()
    c = np.array([True, False])
    col(same, lambda m: m.where(mk(m, c), mk(m, [1, 2], "int8"), 300), "where int8 / 300 wraps")
    col(same, lambda m: m.where(mk(m, c), mk(m, [1, 2], "uint8"), -1), "where uint8 / -1 wraps")
    col(same, lambda m: m.where(mk(m, c), mk(m, [1, 2], "int8"), -1.5), "where int8 / -1.5")
    col(same, lambda m: m.where([True, False], [1, 2], [3.5, 4]), "where lists")
    col(same, lambda m: m.where(True, m.float32(1), 2.0), "where float32 scalar / python float")
    col(same, lambda m: m.where(mk(m, np.array(False)), mk(m, [1, 2]), mk(m, [[3], [4]])),
        "where 0-d condition")
    col(same, lambda m: m.where(mk(m, [0j, 1j]), 1, 2), "where complex condition")
    col(same, lambda m: m.where(mk(m, [0, 3, 0, 1.5])), "where(float cond)")
    col.done()


@pytest.mark.parametrize("case", ["1d", "2d", "3d", "empty", "none", "transposed", "negstride"])
def test_nonzero(case):
    need("nonzero")
    base = (np.arange(24).reshape(2, 3, 4) % 5 == 0)
    arrays = {
        "1d": np.array([0, 3, 0, 1.5, -1.0]),
        "2d": np.array([[1, -2, 0], [0, 0, 9]], dtype="int8"),
        "3d": base,
        "empty": np.zeros((0, 3)),
        "none": np.zeros((2, 3)),
        "transposed": base,
        "negstride": base,
    }
    x = arrays[case]

    def view(a):
        if case == "transposed":
            return a.T
        if case == "negstride":
            return a[:, ::-1, ::2]
        return a
    same(lambda m: m.nonzero(view(mk(m, x))), f"nonzero({case})")


def test_nonzero_inputs():
    need("nonzero")
    col = Collector()
    col(same, lambda m: m.nonzero([[1, 0], [0, 1]]), "nonzero(list)")
    col(same, lambda m: m.nonzero(mk(m, [1 + 0j, 0j, 1j])), "nonzero(complex)")
    col(same, lambda m: m.nonzero(mk(m, np.array(1))), "nonzero(0-d) -> ValueError")
    col.done()


def test_round_complex_out_and_errors():
    need("round")
    col = Collector()
    col(same, _with_out(lambda m, o: m.round(mk(m, [1.25 + 2.35j, -0.5 - 1.5j]), 1, out=o),
                        np.zeros(2, "complex128")), "round(complex, out=complex)")
    col(same, lambda m: m.round(mk(m, [1.25 + 2.35j]), 1, out=mk(m, np.zeros(1))),
        "round(complex, out=float) -> TypeError")
    col(same, lambda m: m.round(mk(m, [1.25, 2.5]), 1, out=mk(m, np.zeros(3))),
        "round(out wrong size) -> ValueError")
    col(same, _with_out(lambda m, o: m.round(mk(m, [15, 25], "int64"), -1, out=o), np.zeros(2)),
        "round(int, -1, out=float)")
    col(same, _with_out(lambda m, o: m.round(mk(m, [15, 25], "int64"), 1, out=o), np.zeros(2)),
        "round(int, 1, out=float)")
    col(same, lambda m: m.round([1.25, 2.5], 1), "round(list)")
    col(same, lambda m: m.round(m.float32(2.5)), "round(float32 scalar)")
    col(same, lambda m: mk(m, np.array(2.567)).round(2), "0-d .round(2)")
    col(same, lambda m: m.around(mk(m, np.array(25)), -1), "around(0-d int, -1)")
    col(same, lambda m: m.round(mk(m, [True, False]), 1), "round(bool, 1) -> casting error")
    col.done()


def test_conj_method_and_function():
    need("conj", "conjugate")
    col = Collector()
    col(same, lambda m: m.conj(mk(m, [True, False])), "conj(bool)")
    col(same, lambda m: m.conjugate(1 + 2j), "conjugate(python complex)")
    col(same, lambda m: (lambda a: a.conj() is a)(mk(m, [1, 2])), "int.conj() is self")
    col(same, _with_out(lambda m, o: mk(m, [1 + 2j]).conj(o), np.zeros(1, "complex128")),
        "complex.conj(out)")
    col(same, _with_out(lambda m, o: mk(m, [1, 2]).conjugate(o), np.zeros(2)), "int.conjugate(out)")
    col(same, lambda m: mk(m, [1 + 2j]).conj(out=mk(m, np.zeros(1, "complex128"))),
        "conj(out=) keyword -> TypeError")
    col.done()


def test_bitwise_aliases():
    need("bitwise_invert", "bitwise_left_shift", "bitwise_right_shift")
    col = Collector()
    col(same, lambda m: m.bitwise_invert(mk(m, [1, -2], "int8")), "bitwise_invert")
    col(same, lambda m: m.bitwise_left_shift(mk(m, [1, 3], "uint8"), 3), "bitwise_left_shift")
    col(same, lambda m: m.bitwise_right_shift(mk(m, [16, -16]), 2), "bitwise_right_shift")
    col(same, lambda m: m.bitwise_invert.__name__, "bitwise_invert is invert")
    col.done()


def test_helpers_on_python_inputs():
    need("sinc", "i0", "angle", "fix", "nan_to_num", "real", "imag", "isneginf", "isposinf",
         "real_if_close", "isclose", "array_equal", "array_equiv")
    col = Collector()
    inf, nan = np.inf, np.nan
    for label, fn in {
        "sinc(list)": lambda m: m.sinc([0, 0.5, 1]),
        "sinc(bool)": lambda m: m.sinc(mk(m, [True, False])),
        "sinc(float16)": lambda m: m.sinc(mk(m, [0.0, 0.5, 1.0], "float16")),
        "i0(0-d)": lambda m: m.i0(mk(m, np.array(1.0))),
        "i0(python float)": lambda m: m.i0(1.0),
        "i0(float16)": lambda m: m.i0(mk(m, [0.0, 1.0, 9.0], "float16")),
        "i0(large)": lambda m: m.i0(mk(m, [800.0, -800.0, 8.0, 8.0000001, 30.0])),
        "angle(1j)": lambda m: m.angle(1j),
        "angle(list, deg)": lambda m: m.angle([1 + 1j, -1], deg=True),
        "angle(int8)": lambda m: m.angle(mk(m, [1, -1], "int8")),
        "angle(bool)": lambda m: m.angle(mk(m, [True, False])),
        "fix(list)": lambda m: m.fix([-1.5, 2.7]),
        "nan_to_num(list)": lambda m: m.nan_to_num([nan, inf, -inf, 1.0]),
        "nan_to_num(float16)": lambda m: m.nan_to_num(mk(m, [nan, inf, -inf], "float16")),
        "nan_to_num(complex, kw)": lambda m: m.nan_to_num(
            mk(m, [complex(nan, inf), complex(-inf, nan)]), nan=1.0, posinf=2.0, neginf=-2.0),
        "nan_to_num(nan=array)": lambda m: m.nan_to_num(mk(m, [nan, inf, nan]),
                                                        nan=mk(m, [1.0, 2.0, 3.0])),
        "real(list)": lambda m: m.real([1 + 2j, 3]),
        "imag(1.5)": lambda m: m.imag(1.5),
        "imag(1+2j)": lambda m: m.imag(1 + 2j),
        "isneginf(list)": lambda m: m.isneginf([-inf, 1.0]),
        "isposinf(inf)": lambda m: m.isposinf(inf),
        "isposinf(complex) -> TypeError": lambda m: m.isposinf(mk(m, [1j])),
        "real_if_close(list)": lambda m: m.real_if_close([1 + 1e-16j]),
        "real_if_close(0-d)": lambda m: m.real_if_close(mk(m, np.array(1 + 0j))),
        "isclose(atol=inf)": lambda m: m.isclose(mk(m, [1.0]), mk(m, [1.0]), atol=inf),
        "isclose(rtol=array)": lambda m: m.isclose(mk(m, [1.0, 2.0]), mk(m, [1.1, 2.0]),
                                                   rtol=mk(m, [0.2, 0.0])),
        "isclose(float32)": lambda m: m.isclose(mk(m, [1.0, 2.0], "float32"),
                                                mk(m, [1.00001, 2.1], "float32")),
        "isclose(True, bool array)": lambda m: m.isclose(True, mk(m, [True, False])),
        "allclose(1, 1.0000001)": lambda m: m.allclose(1, 1.0000001),
        "array_equal(lists, equal_nan)": lambda m: m.array_equal([1.0, nan], [1.0, nan],
                                                                 equal_nan=True),
        "array_equiv(array, scalar)": lambda m: m.array_equiv(mk(m, [1, 1]), 1),
        "iscomplex(list)": lambda m: m.iscomplex([1, 2j]),
        "isreal(0-d)": lambda m: m.isreal(mk(m, np.array(1 + 0j))),
    }.items():
        col(same, fn, label, nulp=16)
    col.done()


# ---------------------------------------------------------------------------
# errstate / seterr / geterr
# ---------------------------------------------------------------------------

def _events(m, fn):
    """(warning categories, exception class or None, result) for fn(m)."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            fn(m)
            exc = None
        except TEST_BUGS:
            raise
        except Exception as e:  # noqa: BLE001
            exc = [c.__name__ for c in (FloatingPointError, ArithmeticError, TypeError, ValueError)
                   if isinstance(e, c)]
    cats = sorted(c.category.__name__ for c in w
                  if issubclass(c.category, (RuntimeWarning, FloatingPointError)))
    return cats, exc


ERR_OPS = {
    "divide": lambda m: m.divide(mk(m, [1.0, -1.0]), mk(m, [0.0, 0.0])),
    "invalid": lambda m: m.sqrt(mk(m, [-1.0, 4.0])),
    "invalid0/0": lambda m: m.divide(mk(m, [0.0]), mk(m, [0.0])),
    "over": lambda m: m.multiply(mk(m, [1e300]), mk(m, [1e300])),
    "over_f32": lambda m: m.exp(mk(m, [200.0], "float32")),
    "under": lambda m: m.multiply(mk(m, [1e-300]), mk(m, [1e-300])),
    "int_div0": lambda m: m.floor_divide(mk(m, [1, 2]), mk(m, [0, 1])),
    "int_mod0": lambda m: m.remainder(mk(m, [1, 2]), mk(m, [0, 1])),
    "int_overflow_mindiv": lambda m: m.floor_divide(mk(m, [np.iinfo(np.int64).min]), -1),
    "log0": lambda m: m.log(mk(m, [0.0])),
    "log_neg": lambda m: m.log(mk(m, [-1.0])),
    "operator": lambda m: mk(m, [1.0]) / 0.0,
    "nan_input_quiet": lambda m: m.add(mk(m, [np.nan]), 1.0),
}
ERR_SETTINGS = [
    {},
    {"all": "ignore"},
    {"all": "raise"},
    {"divide": "raise"},
    {"invalid": "raise", "divide": "ignore"},
    {"over": "raise", "under": "warn"},
    {"under": "raise"},
    {"all": "warn"},
    {"all": "ignore", "invalid": "warn"},
]


@pytest.mark.parametrize("settings", ERR_SETTINGS, ids=[str(s) for s in ERR_SETTINGS])
def test_errstate(settings):
    need("errstate", "divide", "sqrt", "multiply", "exp", "floor_divide", "remainder", "log")
    col = Collector()
    for label, op in ERR_OPS.items():
        def cmp(label=label, op=op):
            with rp.errstate(**settings):
                r = _events(rp, op)
            with np.errstate(**settings):
                n = _events(np, op)
            assert r == n, f"errstate({settings}) {label}: rumpy {r} != numpy {n}"
        col(cmp)
    col.done()


def test_seterr_geterr():
    need("seterr", "geterr")

    def transcript(m):
        t = [m.geterr()]
        old = m.seterr(all="raise")
        try:
            t.append(old)
            t.append(m.geterr())
            t.append(m.seterr(divide="ignore", under="warn"))
            t.append(m.geterr())
            t.append(_events(m, ERR_OPS["divide"]))
            t.append(_events(m, ERR_OPS["invalid"]))
            t.append(_events(m, ERR_OPS["under"]))
            bad = outcome(m.seterr, all="bogus")
            t.append(type(bad.exc).__name__ if isinstance(bad, Raised) else bad)
            t.append(m.geterr())
        finally:
            m.seterr(**old)
        t.append(m.geterr())
        return t

    n = transcript(np)
    r = transcript(rp)
    assert r == n


def test_errstate_nesting_and_decorator():
    need("errstate", "geterr", "divide")
    with rp.errstate(divide="raise"):
        with rp.errstate(divide="ignore"):
            assert rp.geterr()["divide"] == "ignore"
        assert rp.geterr()["divide"] == "raise"
        with pytest.raises(FloatingPointError):
            rp.divide(rp.array([1.0]), 0.0)
    assert rp.geterr() == np.geterr()

    @rp.errstate(all="raise")
    def f():
        return rp.geterr()
    with np.errstate(all="raise"):
        expected = np.geterr()
    assert f() == expected
    assert rp.geterr() == np.geterr()
    # an exception inside the block restores the state
    with pytest.raises(ZeroDivisionError):
        with rp.errstate(all="raise"):
            1 / 0
    assert rp.geterr() == np.geterr()
    r = outcome(lambda: rp.errstate(bogus="raise").__enter__())
    n = outcome(lambda: np.errstate(bogus="raise").__enter__())
    assert isinstance(n, Raised)
    assert_error_like(r, n, "errstate(bogus=...)")


# where(c, x, y) over every layout and operand kind of its one-pass path (a boolean array,
# arrays of the numbers, Python scalars), and what it leaves to the general path.
WHERE_CASES = [
    "m.where(c, a, b)", "m.where(c, a, 0)", "m.where(c, 0, a)", "m.where(c, 1, 2.5)",
    "m.where(c, a, 1j)", "m.where(c, a.astype('f4'), 1e300)", "m.where(c, a.astype('i1'), 300)",
    "m.where(c, a.astype('u1'), -1)", "m.where(c, a.astype('i1'), 100)", "m.where(c, True, a)",
    "m.where(c[::-1], a[::-1], b[::2][:1])", "m.where(c[:, None], a, b[:, None])",
    "m.where(c.reshape(5, 2).T, a.reshape(5, 2).T, b.reshape(2, 5))",
    "m.where(c[:0], a[:0], 0)", "m.where(c[3], a[3], b[3])", "m.where(c[3], 1, 2)",
    "m.where(c, a.astype('f2'), b.astype('i8'))", "m.where(c, a.astype('c8'), b)",
    "m.where(c, a.astype('u8'), b.astype('i8'))", "m.where(c, a.astype('?'), b.astype('?'))",
    "m.where(c, a, a.astype('M8[s]'))", "m.where(c, a.astype('U3'), 'x')",
    "m.where(c, a.astype('>f8'), b)", "m.where(c.astype('i4'), a, b)",
    "m.where(big > 0.5, big, -big)", "m.where(big > 0.5, big, 0.0)",
    "m.where(big[::3] > 0.5, big[1::3], big[::-3])", "m.where(c, a, m.float32(2))",
]


@pytest.mark.parametrize("expr", WHERE_CASES)
def test_where_paths(expr):
    check(expr, c=per_module(lambda m: m.array([True, False, True, True, False] * 2)),
          a=per_module(lambda m: m.arange(10.0) - 4.5),
          b=per_module(lambda m: m.linspace(-1, 1, 10)),
          big=per_module(lambda m: m.linspace(0, 1, 3_000_001)))
