"""numpy.lib.format's functions (header dictionaries, headers of each version, write_array and
read_array) against numpy: the same bytes, and each library reads the other's."""

import io

import numpy as np
import numpy.lib.format as nf
import pytest

import rumpy as rp
import rumpy.lib.format as rf
from conftest import Raised, assert_outcomes, assert_same, outcome

DTYPES = ["<f8", ">i4", "u1", "?", "<c16", "S3", "<U2", "<M8[s]",
          [("a", "<i4"), ("b", "<f8", (2,))], [("x", [("y", "u1"), ("z", ">f4")])]]
SHAPES = [(), (0,), (3,), (2, 3), (2, 3, 2)]
LAYOUTS = ["C", "F", "strided"]


def _arrays(dtype, shape, layout):
    n = np.zeros(shape, dtype=dtype)
    if n.size and n.dtype.names is None:
        n = np.arange(n.size).astype(dtype).reshape(shape)
    if layout == "F":
        n = np.asfortranarray(n)
    elif layout == "strided" and n.ndim:
        n = np.repeat(n, 2, axis=-1)[..., ::2]
    r = rp.asarray(n)
    if layout == "F":
        r = rp.asfortranarray(r)
    elif layout == "strided" and n.ndim:
        r = rp.repeat(rp.asarray(np.ascontiguousarray(n)), 2, axis=-1)[..., ::2]
    return n, r


def _ids(x):
    return str(x).replace(" ", "")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("shape", SHAPES, ids=_ids)
@pytest.mark.parametrize("dtype", DTYPES, ids=_ids)
def test_header_data_and_write_array(dtype, shape, layout):
    n, r = _arrays(dtype, shape, layout)
    assert rf.header_data_from_array_1_0(r) == nf.header_data_from_array_1_0(n)
    for version in [None, (1, 0), (2, 0), (3, 0)]:
        bn, br = io.BytesIO(), io.BytesIO()
        nf.write_array(bn, n, version=version)
        rf.write_array(br, r, version=version)
        assert br.getvalue() == bn.getvalue(), version
        br.seek(0)
        assert_same(rf.read_array(br), nf.read_array(io.BytesIO(bn.getvalue())))


@pytest.mark.parametrize("dtype", DTYPES, ids=_ids)
def test_descr_round_trip(dtype):
    nd = np.dtype(dtype)
    descr = nf.dtype_to_descr(nd)
    assert rf.dtype_to_descr(rp.dtype(dtype)) == descr
    assert_same(rf.descr_to_dtype(descr), nf.descr_to_dtype(descr))
    assert_same(rf.drop_metadata(rp.dtype(dtype)), nf.drop_metadata(nd))


HEADERS = [{"shape": (3,), "fortran_order": False, "descr": "<i8"},
           {"shape": (), "fortran_order": True, "descr": "|b1"},
           {"shape": (2, 10**12), "fortran_order": False, "descr": [("a", "<f4")]},
           {"shape": (0, 4), "fortran_order": True, "descr": "<U7"}]


@pytest.mark.parametrize("version", [(1, 0), (2, 0)])
@pytest.mark.parametrize("d", HEADERS, ids=lambda d: _ids(d["shape"]) + _ids(d["descr"]))
def test_header_write_and_read(d, version):
    write_n = getattr(nf, f"write_array_header_{version[0]}_0")
    write_r = getattr(rf, f"write_array_header_{version[0]}_0")
    bn, br = io.BytesIO(), io.BytesIO()
    write_n(bn, d)
    write_r(br, d)
    assert br.getvalue() == bn.getvalue()
    read_n = getattr(nf, f"read_array_header_{version[0]}_0")
    read_r = getattr(rf, f"read_array_header_{version[0]}_0")
    bn.seek(0), br.seek(0)
    assert nf.read_magic(bn) == rf.read_magic(br) == version
    sn, fn, dn = read_n(bn)
    sr, fr, dr = read_r(br)
    assert (sr, fr) == (sn, fn)
    assert_same(dr, dn)


@pytest.mark.parametrize("data", [b"", b"\x93NUMPY", b"\x93NUMPY\x04\x00", b"\x93NUMPX\x01\x00",
                                  b"\x93NUMPY\x01\x00\x10\x00{'descr': '<f8'}",
                                  b"\x93NUMPY\x01\x00\x08\x00notadict"],
                         ids=["empty", "short", "version", "magic", "keys", "syntax"])
def test_read_array_bad(data):
    r = outcome(lambda: rf.read_array(io.BytesIO(data)))
    n = outcome(lambda: nf.read_array(io.BytesIO(data)))
    assert isinstance(n, Exception)
    assert_outcomes(Raised(r) if isinstance(r, Exception) else r, Raised(n))


def test_read_array_objects_need_pickle():
    b = io.BytesIO()
    nf.write_array(b, np.array([1, "a"], dtype=object))
    r = outcome(lambda: rf.read_array(io.BytesIO(b.getvalue())))
    n = outcome(lambda: nf.read_array(io.BytesIO(b.getvalue())))
    assert_outcomes(Raised(r), Raised(n))
    assert str(r) == str(n)
    got = rf.read_array(io.BytesIO(b.getvalue()), allow_pickle=True)
    assert got.tolist() == [1, "a"]
