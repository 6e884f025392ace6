"""Edges met while building the rest of NumPy's names, against numpy: ``ndarray(buffer=)``
size checks, ``dtype.newbyteorder`` of records and subarrays, object arrays of sequences cast
to numbers, and ``isclose`` of timedeltas."""

import pytest

from conftest import check_message, per_module

BUFFERS = [("(5,)", "'i4'", "b'123'", "0"), ("(0,)", "'i4'", "b''", "0"),
           ("(1,)", "'i4'", "b'1234'", "1"), ("(1,)", "'i4'", "b'12345'", "1"),
           ("(2, 2)", "'u1'", "bytearray(4)", "0"), ("(2, 2)", "'u1'", "bytearray(3)", "0"),
           ("(3,)", "'f8'", "m.arange(3.)", "0"), ("(3,)", "'f8'", "m.arange(3.)", "8")]


@pytest.mark.parametrize("shape,dt,buf,off", BUFFERS, ids=lambda v: str(v))
def test_ndarray_buffer_size(shape, dt, buf, off):
    check_message(f"m.ndarray({shape}, {dt}, buffer={buf}, offset={off})")


def test_ndarray_buffer_strides():
    check_message("m.ndarray((2,), 'i4', buffer=b'12345678', strides=(4,))")


DTYPES = ["[('a', '<f8'), ('b', 'i1')]", "[('a', '>i4'), ('b', '<u2')]",
          "[('a', [('x', '<f4'), ('y', 'S3')]), ('b', '>c8')]", "('<i2', (2, 3))",
          "[('a', ('>f4', (2,)))]", "m.dtype([('a', 'f8'), ('b', 'i1')], align=True)",
          "{'names': ['a', 'b'], 'formats': ['<f8', '<i2'], 'offsets': [8, 0], "
          "'titles': ['A', None], 'itemsize': 24}", "'<f8'", "'S4'"]


@pytest.mark.parametrize("order", ["'<'", "'>'", "'='", "'S'", "'|'", "'big'", "'swap'"])
@pytest.mark.parametrize("dt", DTYPES)
def test_newbyteorder(dt, order):
    check_message(f"m.dtype({dt}).newbyteorder({order})")
    check_message(f"m.dtype({dt}).newbyteorder({order}).isalignedstruct")


def _objects(*items):
    """An object array holding ``items`` (callables are given the module)."""
    @per_module
    def make(m):
        o = m.empty(len(items), object)
        for i, v in enumerate(items):
            o[i] = v(m) if callable(v) else v
        return o
    return make


OBJECTS = {"arrays": (lambda m: m.arange(2), lambda m: m.arange(2)),
           "lists": ([1, 2], [3]), "tuple-and-int": ((1, 2), 3),
           "one-item-array": (lambda m: m.arange(1) + 5, 2), "numbers": (1, 2.5)}


@pytest.mark.parametrize("target", ["int", "float", "'i1'", "complex", "bool"])
@pytest.mark.parametrize("items", list(OBJECTS))
def test_object_of_sequences_cast(items, target):
    check_message(f"o.astype({target})", o=_objects(*OBJECTS[items]))


@pytest.mark.parametrize("expr", [
    "m.isclose(t, t)", "m.isclose(t, t, atol=1, rtol=0)",
    "m.isclose(t, t + 1, atol=m.timedelta64(1, 's'), rtol=0)",
    "m.isclose(t, t + 2, atol=m.timedelta64(1, 's'), rtol=0)", "m.allclose(t, t, atol=0, rtol=0)"])
def test_isclose_timedelta(expr):
    check_message(f"(lambda t: {expr})(m.array([1, 2, 3], 'm8[s]'))")


@pytest.mark.parametrize("expr", [
    "m.moveaxis(m.ones((2, 3)), 3, 0)", "m.moveaxis(m.ones((2, 3)), 0, -3)",
    "m.moveaxis(m.ones((2, 3)), [0, 0], [1, 0])", "m.moveaxis(m.ones((2, 3)), 0.5, 1)",
    "m.lib.array_utils.normalize_axis_tuple((1, -3), 2, 'axes')",
    "m.lib.array_utils.normalize_axis_tuple(2, 3)"])
def test_axis_normalisation_messages(expr):
    check_message(expr)
