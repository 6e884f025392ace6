"""Casts against numpy's: the values, and the floating-point conditions they report ("overflow
encountered in cast", "invalid value encountered in cast", "underflow ...") under errstate,
for astype, item and slice assignment, copyto, fill and array construction; and how a value
set into an array is taken (a Python number by value, with its range checked; a NumPy scalar
cast, except into signed integer dtypes, which take it by value as `int(x)`).
"""

import math
import warnings

import numpy as np
import pytest

import rumpy as rp
from conftest import TEST_BUGS

NUMERIC = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
           "float16", "float32", "float64", "complex64", "complex128"]

# Values at the edges of every conversion: C's float-to-integer ranges (32-bit for the narrow
# types, 64-bit for uint32/int64, uint64's two halves), float16's overflow and underflow, and
# float32's.
FLOATS = [0.0, -0.0, 1.5, -1.0, 300.0, -129.0, 2.0**31, -2.0**31 - 1, 3e9, 2.0**63, -2.0**63,
          1.8e19, 2.0**64, 1e20, 65504.0, 65519.0, 65520.0, 1e5, 6.0e-5, 2.0**-24, 2.0**-25,
          1e-8, 1e-40, 1e-50, 1e300, math.inf, -math.inf, math.nan]


def _outcome(f):
    """The result (as bytes, dtype and shape) or the exception class, and the warnings."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f()
        except TEST_BUGS:
            raise
        except Exception as e:  # the class and message are compared
            return ("raised", type(e).__name__, str(e)), []
    if r is not None:
        r = np.asarray(r)
        r = (str(r.dtype), r.shape, r.tobytes())
    return r, sorted((x.category.__name__, str(x.message)) for x in w)


def _same(make):
    n = _outcome(lambda: make(np))
    r = _outcome(lambda: make(rp))
    assert r == n


@pytest.mark.parametrize("mode", ["warn", "raise"])
@pytest.mark.parametrize("src", ["float16", "float32", "float64", "complex128"])
@pytest.mark.parametrize("dst", NUMERIC)
def test_astype_conditions(src, dst, mode):
    for v in FLOATS:
        with np.errstate(all="ignore"):
            a = np.array([v]).astype(src)

        def make(m, a=a):
            with m.errstate(all=mode):
                return m.asarray(a).astype(dst)
        _same(make)


@pytest.mark.parametrize("dst", ["int8", "uint8", "int32", "uint32", "int64", "uint64",
                                 "float16"])
@pytest.mark.parametrize("src", ["int64", "uint64"])
def test_integer_sources(src, dst):
    values = [0, 1, -1, 127, 128, 255, 65504, 65536, 2**31, 2**53 + 1, 2**63 - 1]
    if src == "uint64":
        values = [v for v in values if v >= 0] + [2**64 - 1]
    for v in values:
        _same(lambda m, v=v: m.array([v], src).astype(dst))


@pytest.mark.parametrize("dst", ["float16", "float32", "uint8", "int32"])
def test_every_place_a_cast_happens_reports(dst):
    big = np.array([1e300, 1.0, -3e9])

    def setitem(m):
        x = m.zeros(3, dst)
        x[0] = m.float64(1e300)
        return x

    def setslice(m):
        x = m.zeros(3, dst)
        x[:] = m.asarray(big)
        return x

    def copyto(m):
        x = m.zeros(3, dst)
        m.copyto(x, m.asarray(big), casting="unsafe")
        return x

    def fill(m):
        x = m.zeros(3, dst)
        x.fill(m.float64(1e300))
        return x

    for make in (setitem, setslice, copyto, fill,
                 lambda m: m.array([1e300, m.float64(-3e9)], dtype=dst),
                 lambda m: m.array(m.float64(1e300), dtype=dst),
                 lambda m: m.asarray(big).astype(dst)[::-1]):
        _same(make)


def test_parallel_casts_report_once():
    # Large enough to be split across threads.
    a = np.full(1 << 20, 1e300)
    a[::7] = 1.0
    _same(lambda m: m.asarray(a).astype("float32"))
    _same(lambda m: m.asarray(a).astype("float16"))


@pytest.mark.parametrize("dst", NUMERIC)
def test_setting_numpy_scalars_and_python_numbers(dst):
    values = [1e10, -1.0, 300.0, math.nan, math.inf, 3.7, -3.7, 2**63, -129, 300, True,
              1 + 2j]
    for v in values:
        for kind in ("python", "float64", "float32", "int64", "uint64", "complex128",
                     "float16", "bool"):
            def make(m, v=v, kind=kind):
                if kind == "python":
                    value = v
                else:
                    with m.errstate(all="ignore"), warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        try:
                            value = getattr(m, kind)(v)
                        except (OverflowError, TypeError, ValueError):
                            return None
                x = m.zeros(2, dst)
                x[0] = value
                return x
            _same(make)


@pytest.mark.parametrize("dst", ["int8", "uint8", "int64", "uint64", "float32", "bool"])
def test_array_from_mixed_sequences(dst):
    cases = [
        lambda m: [m.float64(300.0), 1],
        lambda m: [m.float64(-1.0), 2],
        lambda m: [m.int64(300), 3],
        lambda m: [m.array(300.0), 4],
        lambda m: [[m.float64(1e300)], [5.0]],
        lambda m: [300.0, 1],
        lambda m: [m.complex128(1 + 1j), 2],
        lambda m: [m.float64(math.nan)],
    ]
    for case in cases:
        _same(lambda m, case=case: m.array(case(m), dtype=dst))


def _scalar_values(src):
    if src == "bool":
        return [False, True]
    if src.startswith(("int", "uint")):
        info = np.iinfo(src)
        return [0, 1, int(info.max), int(info.min), 300 if info.max > 300 else 100]
    if src.startswith("complex"):
        return [1.5 - 2j, complex(1e300, 1), complex(math.nan, 0), -3e9 + 0j]
    return [v for v in FLOATS if src == "float64" or abs(v) < 1e300 or not math.isfinite(v)]


@pytest.mark.parametrize("mode", ["warn", "raise"])
@pytest.mark.parametrize("src", NUMERIC)
def test_scalar_casts(src, mode):
    for v in _scalar_values(src):
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            x_np = getattr(np, src)(v)
        x_rp = getattr(rp, src)(x_np.item())
        for dst in NUMERIC:
            for how in ("astype", "constructor"):
                def make(m, x, dst=dst, how=how):
                    with m.errstate(all=mode):
                        if how == "astype":
                            return x.astype(dst)
                        return getattr(m, dst)(x)
                n = _outcome(lambda: make(np, x_np))
                r = _outcome(lambda: make(rp, x_rp))
                assert r == n, (src, v, dst, how)
