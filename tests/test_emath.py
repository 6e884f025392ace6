"""rumpy.emath (numpy.emath / numpy.lib.scimath) against numpy."""

import numpy as np
import pytest
from conftest import (
    ALL_DTYPES,
    NUMPY_SVML,
    SHAPE_CASE_NAMES,
    P,
    Raised,
    assert_same_error,
    both,
    check_message,
    make_pair,
)

import rumpy as rp

chk = check_message


UNARY = ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"]
# ulps allowed per function (SVML builds of numpy are less accurate)
NULP = {"sqrt": 1, "log": 2, "log2": 4, "log10": 4, "arccos": 4, "arcsin": 4, "arctanh": 4}
if NUMPY_SVML:
    NULP = {k: 8 for k in NULP}

VALUES = ["4", "-4", "0", "-0.0", "0.25", "-0.25", "1", "-1", "2", "-2", "1.5", "-1.5", "1e300",
          "-1e-300", "float('inf')", "float('-inf')", "float('nan')", "1+1j", "-3+0j", "2j",
          "True", "[1, -1]", "[0.5, 2.0]", "[[1, 2], [3, 4]]", "[[-1, 2], [3, -4]]",
          "[0.1, -0.1, 0.9]", "[]", "m.int8(-3)", "m.float32(-2)", "m.float16(3)",
          "m.uint8(200)", "m.complex64(-1)", "m.array(-2.0)", "m.array([-2, 4], dtype=m.int16)",
          "m.array([-2, 4], dtype=m.float32)", "m.array([3, 0.5], dtype=m.float16)",
          "m.array([2, 0.5], dtype=m.float32)", "m.array([-0.5, 0.5], dtype=m.float32)"]


def test_names():
    assert sorted(rp.emath.__all__) == sorted(np.emath.__all__)
    for name in np.emath.__all__:
        assert callable(getattr(rp.emath, name))


@pytest.mark.parametrize("x", VALUES)
@pytest.mark.parametrize("fn", UNARY)
def test_unary_values(fn, x):
    chk(f"m.emath.{fn}({x})", nulp=NULP[fn])


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("fn", ["sqrt", "log", "arcsin"])
def test_unary_dtypes_shapes(fn, dtype, case):
    na, ra, _, _ = make_pair(case, dtype)
    chk(f"m.emath.{fn}(a)", nulp=NULP[fn] + (2 if dtype.startswith("complex") else 0),
        a=P(ra, na))


@pytest.mark.parametrize("dtype", ["int8", "int64", "uint16", "float32", "float64", "complex128"])
@pytest.mark.parametrize("fn", ["log10", "log2", "arccos", "arctanh"])
def test_unary_more_dtypes(fn, dtype):
    na, ra, _, _ = make_pair("2d", dtype)
    chk(f"m.emath.{fn}(a)", nulp=NULP[fn] + 4, a=P(ra, na))


@pytest.mark.parametrize("p", ["2", "-2", "0.5", "-1", "0", "[1, 2, 3]", "[-1, 0, 2]",
                               "m.array([2, -3], dtype=m.int8)", "1j", "m.float32(2)"])
@pytest.mark.parametrize("x", ["2", "-2", "0.5", "[1, -2, 4]", "[[-1], [2]]", "m.int8(-3)",
                               "m.array([2, 3], dtype=m.int32)", "m.float32(-4)", "-8.0", "1+1j"])
def test_power(x, p):
    chk(f"m.emath.power({x}, {p})", nulp=8)


@pytest.mark.parametrize("n", ["2", "10", "-2", "0.5", "[2, 3]", "m.float32(-2)", "1j"])
@pytest.mark.parametrize("x", ["8", "-8", "1", "0.25", "[4, -4]", "[[2], [3]]", "m.int16(-9)",
                               "m.float32(4)"])
def test_logn(n, x):
    chk(f"m.emath.logn({n}, {x})", nulp=8)


@pytest.mark.parametrize("x", ["'a'", "None", "[1, 'a']"])
@pytest.mark.parametrize("fn", UNARY)
def test_bad_input(fn, x):
    r, n = both(f"m.emath.{fn}({x})")
    assert isinstance(n, Raised) and isinstance(r, Raised), (r, n)
    assert_same_error(r.exc, n.exc)
