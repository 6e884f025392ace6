"""ndarray.getfield/setfield, the scalars' getfield/setfield/itemsize and dtype.flags against
numpy."""

import pytest

from conftest import check_message

ARRAYS = ["m.arange(6, dtype='<i4')", "m.arange(6, dtype='>i4')[::-2]",
          "m.arange(12.).reshape(3, 4)[:, 1:3]", "m.zeros((), 'c16')",
          "m.zeros(3, [('a', '<i2'), ('b', '<f8')])", "m.arange(0, dtype='u8')"]
FIELDS = [("'i2'", 0), ("'i2'", 2), ("'u1'", 1), ("'i2'", 3), ("'i8'", 0), ("'i2'", -1),
          ("('u1', (2,))", 1), ("'f4'", 4), ("'<f8'", 2), ("m.dtype('>i2')", 0)]


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"{f[0]}@{f[1]}")
@pytest.mark.parametrize("arr", ARRAYS)
def test_getfield(arr, field):
    dt, off = field
    check_message(f"{arr}.getfield({dt}, {off})")


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"{f[0]}@{f[1]}")
@pytest.mark.parametrize("arr", ARRAYS)
def test_setfield(arr, field):
    dt, off = field
    check_message(f"(lambda a: (a.setfield(5, {dt}, {off}), a)[1])({arr}.copy())")


@pytest.mark.parametrize("val", ["2**40", "-1", "1.5", "'x'", "[1, 2]"])
def test_setfield_values(val):
    check_message(f"(lambda a: (a.setfield({val}, 'u1', 1), a)[1])(m.zeros(2, 'i4'))")


SCALARS = ["m.int32(7)", "m.float64(-2.5)", "m.bool_(True)", "m.complex64(1+2j)", "m.uint8(3)"]


@pytest.mark.parametrize("s", SCALARS)
def test_scalar_fields(s):
    check_message(f"{s}.itemsize")
    check_message(f"{s}.getfield({s}.dtype)")
    check_message(f"{s}.getfield('u1', 0)")
    check_message(f"{s}.setfield(1, 'u1')")


DTYPES = ["'f8'", "'V8'", "'U3'", "'S2'", "'M8[s]'", "'m8'", "'c16'", "'?'", "'O'",
          "[('a', '<f8')]", "m.dtype([('a', '<f8'), ('b', 'i1')], align=True)",
          "[('a', '<f8'), ('b', 'i1')]", "('<f8', (2,))", "('O', (2,))",
          "m.dtype([('a', 'O'), ('b', '<f8')], align=True)", "[('a', [('b', 'O')])]",
          "[('a', 'U2')]", "[('a', ('U2', (3,)))]"]


@pytest.mark.parametrize("dt", DTYPES)
def test_dtype_flags(dt):
    check_message(f"m.dtype({dt}).flags")
