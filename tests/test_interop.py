"""Interoperability with numpy and Python buffers: memory sharing both ways,
lifetimes, byte-swapped data, __array_interface__, the buffer protocol,
DLPack and __array__."""

import array as pyarray
import gc
import struct

import numpy as np
import pytest

import rumpy as rp
from conftest import (
    ALL_DTYPES, defined_strides, FEW_DTYPES, SHAPE_CASE_NAMES, P, assert_outcomes,
                      assert_same, both, check, make_pair, sample, shares, to_rp)

NONEMPTY_CASES = [c for c in SHAPE_CASE_NAMES if not c.startswith("empty")]

SWAPPED = [">i2", ">u2", ">i4", ">u4", ">i8", ">u8", ">f2", ">f4", ">f8", ">c8", ">c16"]


def _values(dtype):
    """Two distinct values that every dtype holds exactly (and differ from
    the sample data at the places we write)."""
    return (True, False) if np.dtype(dtype).kind == "b" else (42, 17)


def _first_last(shape):
    return tuple(0 for _ in shape), tuple(-1 for _ in shape)


def _np_view_of(case, dtype, np_module_base=None):
    """A numpy array of the given case, built by numpy."""
    n, _, nb, _ = make_pair(case, dtype)
    return n, nb


def _churn():
    """Allocate and free a lot so that freed memory gets reused."""
    junk = [bytearray(b"\xa5" * 4096) for _ in range(500)]
    junk += [np.full(1000, 7.25) for _ in range(50)]
    del junk
    gc.collect()


# ---------------------------------------------------------------------------
# rp.asarray(numpy array)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", NONEMPTY_CASES)
def test_rp_asarray_of_numpy_shares_memory(dtype, case):
    n, nb = _np_view_of(case, dtype)
    r = rp.asarray(n)
    assert isinstance(r, rp.ndarray)
    assert r.shape == n.shape and defined_strides(r) == defined_strides(n) and r.dtype == n.dtype
    assert r.tolist() == n.tolist()
    assert_same(r, n)
    assert shares(r, n)
    first, last = _first_last(n.shape)
    v1, v2 = _values(dtype)
    n[first] = v1  # numpy writes, rumpy sees
    assert r[first] == n[first] and r.tolist() == n.tolist()
    r[last] = v2  # rumpy writes, numpy sees
    assert n[last] == v2 and r.tolist() == n.tolist()
    assert r.flags.writeable


@pytest.mark.parametrize("case", ["empty", "empty3d"])
def test_rp_asarray_of_empty_numpy(dtype, case):
    n, _ = _np_view_of(case, dtype)
    r = rp.asarray(n)
    assert_same(r, n)
    assert defined_strides(r) == defined_strides(n)


@pytest.mark.parametrize("case", ["0d", "2d", "negstride", "transposed"])
def test_rp_asarray_respects_readonly(dtype, case):
    n, nb = _np_view_of(case, dtype)
    n.flags.writeable = False
    r = rp.asarray(n)
    assert not r.flags.writeable
    first, _ = _first_last(n.shape)
    with pytest.raises(ValueError):
        r[first] = _values(dtype)[0]
    with pytest.raises(ValueError):
        r[...] = _values(dtype)[0]
    assert_same(r, n)
    np.testing.assert_array_equal(nb, sample(nb.shape, dtype))


@pytest.mark.parametrize("spec", SWAPPED)
def test_byteswapped_numpy_arrays(spec):
    kind = np.dtype(spec).kind
    vals = [1.5, -2.25, 3, 0.125, 1024] if kind in "fc" else [1, 2, 3, 100, 7]
    if kind == "c":
        vals = [v + 1j * i for i, v in enumerate(vals)]
    n = np.array(vals, dtype=spec)
    r = rp.asarray(n)
    assert r.dtype == n.dtype and r.dtype.str == n.dtype.str
    assert r.dtype.byteorder == n.dtype.byteorder
    assert r.tolist() == n.tolist()
    assert_same(r, n)
    assert_same(r[1], n[1])
    assert_same(r[::-2], n[::-2])
    assert_same(r.copy(), n.copy())
    assert_same(r.astype(spec[1:]), n.astype(spec[1:]))
    assert_same(r.astype("=" + spec[1:]), n.astype("=" + spec[1:]))
    assert repr(r) == repr(n)
    assert shares(r, n)
    r[0] = 5
    n2 = n.copy()
    n2[0] = 5
    np.testing.assert_array_equal(n, n2)


@pytest.mark.parametrize("spec", SWAPPED)
def test_byteswapped_rumpy_arrays(spec):
    check("m.array([1, 2, 3], dtype=d)", d=spec)
    check("m.zeros(3, dtype=d)", d=spec)
    check("m.arange(4, dtype=d)", d=spec)
    check("m.array([1, 2, 3], dtype=d).astype(d[1:])", d=spec)
    check("m.array([1, 2, 3], dtype=d).view(d[1:])", d=spec)
    check("m.array([1, 2, 3], dtype=d).tolist()", d=spec)
    check("m.array([1, 2, 3], dtype=d)[1]", d=spec)


@pytest.mark.parametrize("src", [
    "np.float32(1.5)", "np.int8(-3)", "np.bool(True)", "np.complex64(1 + 2j)",
    "np.arange(6, dtype='u2').reshape(2, 3)", "[np.float32(1), np.float32(2)]",
    "[np.arange(3), np.arange(3)]", "np.arange(6)[::-2]",
])
@pytest.mark.parametrize("fn", ["asarray", "array"])
def test_creation_from_numpy_objects(fn, src):
    check(f"m.{fn}({src})")
    check(f"m.{fn}({src}, dtype='f4')")


@pytest.mark.parametrize("copy", [None, True, False])
def test_rp_array_copy_semantics_for_numpy_input(copy):
    n = np.arange(6.0)
    for dt in [None, "f8", "f4"]:
        rv, nv = both(lambda m: m.array(n, dtype=dt, copy=copy))
        assert_outcomes(rv, nv)
        if isinstance(nv, np.ndarray):
            assert shares(rv, n) == np.shares_memory(nv, n), (dt, copy)


# ---------------------------------------------------------------------------
# np.asarray(rumpy array)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
def test_np_asarray_of_rumpy_shares_memory(dtype, case):
    n, r, nb, rb = make_pair(case, dtype)
    a = np.asarray(r)
    assert type(a) is np.ndarray
    assert defined_strides(a) == defined_strides(n) and a.shape == n.shape and a.dtype == n.dtype
    assert_same(r, n)
    assert a.flags.writeable
    if n.size == 0:
        return
    assert shares(a, rb)
    first, last = _first_last(n.shape)
    v1, v2 = _values(dtype)
    a[first] = v1  # numpy writes, rumpy sees
    n[first] = v1
    assert r.tolist() == n.tolist()
    r[last] = v2  # rumpy writes, numpy sees
    n[last] = v2
    assert a.tolist() == n.tolist()
    assert_same(rb, nb)


@pytest.mark.parametrize("case", ["0d", "2d", "negstride"])
def test_np_asarray_of_readonly_rumpy(case):
    n, r, _, _ = make_pair(case, "float32")
    r.flags.writeable = False
    a = np.asarray(r)
    assert not a.flags.writeable
    with pytest.raises(ValueError):
        a[...] = 1


@pytest.mark.parametrize("copy", [None, True, False])
@pytest.mark.parametrize("dt", [None, "float64", "float32", "int8"])
def test_dunder_array(dt, copy):
    n, r, nb, rb = make_pair("2d", "float64")
    rv, nv = both("a.__array__(d, copy=c)", a=P(r, n), d=dt, c=copy)
    if isinstance(nv, np.ndarray):
        assert type(rv) is np.ndarray, type(rv)
        assert rv.dtype == nv.dtype and rv.shape == nv.shape
        assert np.array_equal(rv, nv)
        assert np.shares_memory(rv, np.asarray(rb)) == np.shares_memory(nv, nb)
    else:
        assert_outcomes(rv, nv)
    rv, nv = both("a.__array__(d)", a=P(r, n), d=dt)
    assert type(rv) is np.ndarray and np.array_equal(rv, nv) and rv.dtype == nv.dtype
    assert type(r.__array__()) is np.ndarray


@pytest.mark.parametrize("copy", [None, True, False])
def test_np_array_of_rumpy_copy_kw(copy):
    n, r, _, _ = make_pair("strided", "int16")
    a = np.array(r, copy=copy)
    b = np.array(n, copy=copy)
    assert a.dtype == b.dtype and np.array_equal(a, b)
    assert shares(a, r) == np.shares_memory(b, n)


# ---------------------------------------------------------------------------
# lifetimes
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_numpy_owner_deleted_first(dtype):
    n = sample((40, 30), dtype)
    expect = n.tolist()
    r = rp.asarray(n)
    rv = rp.asarray(n[::3, ::-2])
    expect_v = n[::3, ::-2].tolist()
    del n
    _churn()
    assert r.tolist() == expect
    assert rv.tolist() == expect_v
    assert np.asarray(r).tolist() == expect


@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_rumpy_owner_deleted_first(dtype):
    nsrc = sample((40, 30), dtype)
    expect = nsrc.tolist()
    r = to_rp(nsrc)
    a = np.asarray(r)
    av = np.asarray(r[::3, ::-2])
    mv = memoryview(r)
    rv = r.T[1:]
    expect_v = nsrc[::3, ::-2].tolist()
    del r
    _churn()
    assert a.tolist() == expect
    assert av.tolist() == expect_v
    assert mv.tobytes() == nsrc.tobytes()
    assert rv.tolist() == nsrc.T[1:].tolist()
    a[0, 0] = a[0, 1]  # still writable, still valid
    assert a[0, 0] == a[0, 1]


def test_dlpack_owner_deleted_first():
    n = sample((50, 20), "float64")
    expect = n.tolist()
    r = rp.from_dlpack(n)
    del n
    _churn()
    assert r.tolist() == expect
    r2 = to_rp(sample((50, 20), "float64"))
    a = np.from_dlpack(r2)
    del r2
    _churn()
    assert a.tolist() == expect


def test_chain_numpy_rumpy_numpy():
    n = np.arange(24.0).reshape(4, 6)
    r = rp.asarray(n[::-1, 1::2])
    back = np.asarray(r)
    assert np.shares_memory(back, n)
    assert_same(r, n[::-1, 1::2])
    del n, r
    _churn()
    assert back.tolist() == np.arange(24.0).reshape(4, 6)[::-1, 1::2].tolist()


# ---------------------------------------------------------------------------
# Python buffers: bytearray, memoryview, array.array
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("typecode", list("bBhHiIlLqQfd"))
def test_asarray_of_array_array(typecode):
    vals = [1, 2, 3, 4, 5, 6]
    src_n, src_r = pyarray.array(typecode, vals), pyarray.array(typecode, vals)
    n, r = np.asarray(src_n), rp.asarray(src_r)
    assert_same(r, n)
    src_n[1] = src_r[1] = 9
    assert_same(r, n)
    r[2] = 11
    assert src_r[2] == 11
    check("m.array(s)", s=P(pyarray.array(typecode, vals), pyarray.array(typecode, vals)))


@pytest.mark.parametrize("src", [
    "bytearray(b'abcdef')", "memoryview(b'abcdef')",
    "memoryview(bytearray(b'abcdefgh')).cast('d')", "memoryview(bytearray(24)).cast('i', (2, 3))",
    "memoryview(bytearray(range(24)))[::3]", "memoryview(bytearray(range(24))).cast('h', (3, 4))[::-1]",
    "memoryview(pyarray.array('f', [1.5, 2.5, 3.5]))", "memoryview(bytearray(b''))",
    "memoryview(bytearray(range(8))).cast('?')",
])
def test_asarray_of_python_buffers(src):
    env = {"pyarray": pyarray}
    rv, nv = both(f"m.asarray({src})", **env)
    assert_outcomes(rv, nv, msg=src)
    if isinstance(nv, np.ndarray):
        assert defined_strides(rv) == defined_strides(nv)
        assert rv.flags.writeable == nv.flags.writeable


def test_asarray_of_bytearray_shares_memory():
    buf = bytearray(b"\x00\x01\x02\x03")
    r = rp.asarray(buf)
    buf[0] = 200
    assert r[0] == 200
    r[3] = 77
    assert buf[3] == 77
    mv = memoryview(buf)
    r2 = rp.asarray(mv)
    buf[1] = 99
    assert r2[1] == 99 and r2.flags.writeable
    ro = rp.asarray(memoryview(bytes(b"xyz")))
    assert not ro.flags.writeable
    with pytest.raises(ValueError):
        ro[0] = 1


# ---------------------------------------------------------------------------
# __array_interface__
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
def test_array_interface(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    ri, ni = r.__array_interface__, n.__array_interface__
    assert set(ri) == set(ni)
    for k in ni:
        if k != "data":
            assert ri[k] == ni[k], (k, ri[k], ni[k])
    assert type(ri["data"]) is tuple and ri["data"][1] == ni["data"][1]
    if n.size:
        assert ri["data"][0] == np.asarray(r).__array_interface__["data"][0]


class _Iface:
    def __init__(self, owner):
        self._owner = owner
        self.__array_interface__ = owner.__array_interface__


@pytest.mark.parametrize("case", ["0d", "1d", "3d", "negstride", "transposed"])
def test_array_interface_consumers(case):
    n, r, _, _ = make_pair(case, "int32")
    # numpy consumes rumpy's interface
    a = np.asarray(_Iface(r))
    assert_same(r, a)
    assert shares(a, r)
    # rumpy consumes numpy's interface
    n2 = np.array(n)
    b = rp.asarray(_Iface(n2))
    assert_same(b, n2)
    assert shares(b, n2)
    if n2.size:
        n2.reshape(-1)[0] = 1234
        assert b.tolist() == n2.tolist()


def test_array_interface_readonly():
    r = rp.zeros(3)
    r.flags.writeable = False
    assert r.__array_interface__["data"][1] is True
    b = rp.asarray(_Iface(np.frombuffer(b"abcdefgh", dtype="u1")))
    assert not b.flags.writeable


# ---------------------------------------------------------------------------
# buffer protocol
# ---------------------------------------------------------------------------

MV_ATTRS = ["format", "itemsize", "ndim", "shape", "strides", "readonly", "nbytes",
            "c_contiguous", "f_contiguous", "contiguous", "suboffsets"]


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
def test_memoryview(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    mr, mn = memoryview(r), memoryview(n)
    for k in MV_ATTRS:
        if k == "strides" and n.size == 0:
            continue  # undefined for empty arrays (see defined_strides)
        assert getattr(mr, k) == getattr(mn, k), (k, getattr(mr, k), getattr(mn, k))
    assert mr.tobytes() == mn.tobytes()
    assert mr.obj is r


@pytest.mark.parametrize("spec", SWAPPED + ["<f8", "=i4", "|u1"])
def test_memoryview_byteorder(spec):
    n = np.arange(3).astype(spec)
    r = rp.arange(3).astype(spec)
    mr, mn = memoryview(r), memoryview(n)
    for k in MV_ATTRS:
        assert getattr(mr, k) == getattr(mn, k), k
    assert mr.tobytes() == mn.tobytes()


def test_memoryview_writes_and_readonly():
    r = rp.zeros(4)
    mv = memoryview(r)
    mv[1] = 2.5
    assert r[1] == 2.5
    r.flags.writeable = False
    assert memoryview(r).readonly


@pytest.mark.parametrize("case", ["1d", "2d", "negstride", "0d"])
@pytest.mark.parametrize("readonly", [False, True])
def test_writable_buffer_requests(case, readonly):
    n, r, _, _ = make_pair(case, "uint8")
    if readonly:
        n.flags.writeable = False
        r.flags.writeable = False
    out = both("struct.pack_into('B', a, 0, 7)", a=P(r, n), struct=struct)
    assert_outcomes(*out)
    assert_same(r, n)
    out = both("bytearray(b'xx').__init__(a)", a=P(r, n))
    assert_outcomes(*out)


# ---------------------------------------------------------------------------
# DLPack
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
def test_np_from_dlpack_of_rumpy(dtype, case):
    n, r, nb, rb = make_pair(case, dtype)
    assert r.__dlpack_device__() == n.__dlpack_device__()
    a = np.from_dlpack(r)
    assert type(a) is np.ndarray
    assert a.dtype == n.dtype and a.shape == n.shape and defined_strides(a) == defined_strides(n)
    assert_same(r, a)
    if n.size:
        assert shares(a, rb)
        first, _ = _first_last(n.shape)
        a[first] = _values(dtype)[0]
        n[first] = _values(dtype)[0]
        assert_same(rb, nb)


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
def test_rp_from_dlpack_of_numpy(dtype, case):
    n, nb = _np_view_of(case, dtype)
    r = rp.from_dlpack(n)
    assert isinstance(r, rp.ndarray)
    assert_same(r, n)
    assert defined_strides(r) == defined_strides(n)
    if n.size:
        assert shares(r, n)
        _, last = _first_last(n.shape)
        r[last] = _values(dtype)[1]
        assert n[last] == _values(dtype)[1]


def test_dlpack_readonly_and_copy():
    n = np.arange(5.0)
    n.flags.writeable = False
    check("m.from_dlpack(x).flags.writeable", x=n)
    r = to_rp(np.arange(5.0))
    r.flags.writeable = False
    assert np.from_dlpack(r).flags.writeable == np.from_dlpack(n).flags.writeable
    m = np.arange(5.0)
    c = rp.from_dlpack(m, copy=True)
    assert not shares(c, m) and c.tolist() == m.tolist()
    rr = rp.from_dlpack(rp.arange(3.0))
    assert rr.tolist() == [0.0, 1.0, 2.0]
    check("m.from_dlpack(x, copy=False)", x=np.arange(3))
    check("m.from_dlpack([1, 2])")


# ---------------------------------------------------------------------------
# numpy accepts rumpy scalars as it accepts its own
# ---------------------------------------------------------------------------

SCALAR_VALUES = [0, 1, 7, -3, 0.5, 1e30, 1 + 2j, 2**63 - 1, 2**64 - 1]


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_numpy_takes_rumpy_scalars(dtype):
    for v in SCALAR_VALUES:
        try:
            with np.errstate(all="ignore"):
                n = np.array(v).astype(dtype)[()]
        except (OverflowError, TypeError, ValueError):
            continue
        r = rp.asarray(np.asarray(n))[()]
        assert type(r).__name__ == type(n).__name__
        for make in (np.asarray, lambda x: np.array([x, x]), lambda x: np.add(x, 1),
                     lambda x: np.asarray(x, dtype=np.float64)):
            with np.errstate(all="ignore"):
                want = make(n)
                got = make(r)
            got, want = np.asarray(got), np.asarray(want)
            assert got.dtype == want.dtype, (dtype, v)
            assert got.shape == want.shape
            np.testing.assert_array_equal(got, want)
