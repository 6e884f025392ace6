"""Hypothesis property tests: random float64/int arrays and random
broadcast-compatible shapes for add / multiply / maximum (and a few more),
compared with numpy bit-for-bit."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import rumpy as rp
from conftest import need, to_rp
from test_ufunc_elementwise import Raised, assert_outcome, outcome

NAMES = ["add", "multiply", "maximum", "subtract", "minimum", "floor_divide"]
DTYPES = ["float64", "int64", "int32", "int8", "uint8"]


def _elements(dtype):
    if dtype == "float64":
        return st.floats(allow_nan=True, allow_infinity=True, width=64)
    info = np.iinfo(dtype)
    return st.integers(int(info.min), int(info.max))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_random_broadcast(name, data):
    need(name)
    dtype = data.draw(st.sampled_from(DTYPES), label="dtype")
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3,
                                                         max_side=4), label="shapes")
    sa, sb = shapes.input_shapes
    a = data.draw(hnp.arrays(dtype, sa, elements=_elements(dtype)), label="a")
    b = data.draw(hnp.arrays(dtype, sb, elements=_elements(dtype)), label="b")
    n = outcome(getattr(np, name), a, b)
    r = outcome(getattr(rp, name), to_rp(a), to_rp(b))
    assert_outcome(name, r, n, f"{name}({dtype}{sa}, {dtype}{sb})")


@pytest.mark.parametrize("name", ["add", "multiply", "maximum"])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_random_mixed_dtypes_and_views(name, data):
    need(name)
    da = data.draw(st.sampled_from(DTYPES + ["bool", "float32", "uint64"]), label="da")
    db = data.draw(st.sampled_from(DTYPES + ["bool", "float32", "uint64"]), label="db")
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, max_side=5), label="shape")
    a = data.draw(hnp.arrays(da, shape, elements=_elements(da) if da in DTYPES else None), label="a")
    b = data.draw(hnp.arrays(db, shape, elements=_elements(db) if db in DTYPES else None), label="b")
    # a random reversed / strided view of the first operand
    step = data.draw(st.sampled_from([1, -1, 2, -2]), label="step")
    nav, rav = a[::step], to_rp(a)[::step]
    nbv, rbv = b[::step], to_rp(b)[::step]
    n = outcome(getattr(np, name), nav, nbv)
    r = outcome(getattr(rp, name), rav, rbv)
    assert_outcome(name, r, n, f"{name}({da}{shape}[::{step}], {db})")


@settings(max_examples=60, deadline=None)
@given(a=hnp.arrays("float64", hnp.array_shapes(max_dims=2, max_side=6),
                    elements=st.floats(allow_nan=True, allow_infinity=True)),
       s=st.one_of(st.integers(-1000, 1000), st.floats(allow_nan=True, allow_infinity=True)))
def test_random_python_scalar(a, s):
    for name in ("add", "multiply", "maximum", "true_divide"):
        n = outcome(getattr(np, name), a, s)
        r = outcome(getattr(rp, name), to_rp(a), s)
        assert_outcome(name, r, n, f"{name}(float64 array, {s!r})")
        n = outcome(getattr(np, name), s, a)
        r = outcome(getattr(rp, name), s, to_rp(a))
        assert_outcome(name, r, n, f"{name}({s!r}, float64 array)")
