""".npy files: rumpy writes what NumPy reads and reads what NumPy writes (versions 1.0-3.0,
every dtype, records, C and Fortran order); malformed files raise ValueError like NumPy's
reader; a failed save leaves the previous file intact."""

import io
import os

import numpy as np
import pytest

import rumpy as rp
from conftest import ALL_DTYPES, assert_same_error, broken_test, sample

RECORDS = [
    [("a", "<f8"), ("b", "u1")],
    [("p", [("x", "<f4"), ("y", "<f4")]), ("id", "<i8")],
    [("v", "<f8", (2, 3)), ("t", ">i4")],
    {"names": ["a", "b"], "formats": ["<f8", "<i2"], "offsets": [0, 10], "itemsize": 16},
    [("value", "<f8"), ("velocity", "<f8"), ("mass", "<f8"), ("damping", "<f8"),
     ("target", "<f8")],
]


def arrays():
    out = []
    for dt in ALL_DTYPES + [">f8", ">i4", "<c8"]:
        for shape in [(), (0,), (7,), (3, 4)]:
            out.append(pytest.param(sample(shape, np.dtype(dt).newbyteorder("=").name
                                           if dt[0] in "<>" else dt).astype(dt),
                                    id=f"{dt}-{shape}"))
    out.append(pytest.param(np.asfortranarray(sample((3, 4), "float64")), id="fortran"))
    out.append(pytest.param(sample((4, 6), "int32")[::2, ::-3], id="strided"))
    for k, spec in enumerate(RECORDS):
        a = np.zeros((5,), dtype=spec)
        for name in a.dtype.names:
            a[name] = 3 if a[name].dtype.names is None else 0
        out.append(pytest.param(a, id=f"record{k}"))
    return out


@pytest.mark.parametrize("arr", arrays())
def test_rumpy_writes_numpy_reads_and_back(arr, tmp_path):
    p = tmp_path / "a.npy"
    rp.save(p, rp.asarray(arr))
    got = np.load(p)
    assert got.dtype == arr.dtype and got.shape == arr.shape
    assert np.array_equal(got, arr)
    # the bytes are NumPy's own
    b = io.BytesIO()
    np.save(b, arr)
    assert p.read_bytes() == b.getvalue()
    np.save(p, arr)
    r = rp.load(p)
    assert isinstance(r, rp.ndarray)
    back = np.asarray(r)
    assert back.dtype == arr.dtype and back.shape == arr.shape and np.array_equal(back, arr)


@pytest.mark.parametrize("version", [(1, 0), (2, 0), (3, 0)])
def test_reads_every_version(version, tmp_path):
    arr = np.zeros((3,), dtype=[("\u00e9t\u00e9" if version == (3, 0) else "a", "<f8")])
    arr[arr.dtype.names[0]] = [1.5, -2.0, 3.25]
    p = tmp_path / "v.npy"
    with open(p, "wb") as f:
        np.lib.format.write_array(f, arr, version=version)
    r = np.asarray(rp.load(p))
    assert r.dtype == arr.dtype and np.array_equal(r, arr)


def test_save_appends_suffix_and_accepts_file_objects(tmp_path):
    rp.save(tmp_path / "x", rp.arange(5))
    assert np.array_equal(np.load(tmp_path / "x.npy"), np.arange(5))
    b = io.BytesIO()
    rp.save(b, rp.arange(3.0))
    b.seek(0)
    assert np.array_equal(np.asarray(rp.load(b)), np.arange(3.0))


def _good():
    b = io.BytesIO()
    np.save(b, np.arange(6.0).reshape(2, 3))
    return b.getvalue()


def _with_header(text, version=b"\x01\x00"):
    body = text.encode("latin1")
    return b"\x93NUMPY" + version + len(body).to_bytes(2, "little") + body


MALFORMED = {
    "empty": b"",
    "short magic": b"\x93NUM",
    "bad magic": b"\x93NUMPX\x01\x00" + _good()[8:],
    "bad version": b"\x93NUMPY\x09\x00" + _good()[8:],
    "truncated header length": b"\x93NUMPY\x01\x00\x10",
    "truncated header": _good()[:20],
    "truncated data": _good()[:-8],
    "not a dict": _with_header("[1, 2, 3]\n"),
    "missing keys": _with_header("{'descr': '<f8', 'shape': (2,)}\n"),
    "extra keys": _with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1}\n"),
    "bad shape": _with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}\n"),
    "bad fortran": _with_header("{'descr': '<f8', 'fortran_order': 3, 'shape': (2,)}\n"),
    "bad descr": _with_header("{'descr': 'nope', 'fortran_order': False, 'shape': (2,)}\n"),
    "not python": _with_header("{'descr': __import__('os'), 'fortran_order': False}\n"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_files_raise_like_numpy(name, tmp_path):
    p = tmp_path / "bad.npy"
    p.write_bytes(MALFORMED[name])
    with pytest.raises(Exception) as n_err:
        np.load(p)
    assert not broken_test(n_err.value), n_err.value
    with pytest.raises(Exception) as r_err:
        rp.load(p)
    # NumPy raises ValueError (EOFError for an empty file); rumpy raises the same class.
    assert_same_error(r_err.value, n_err.value, name)


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    p = tmp_path / "keep.npy"
    rp.save(p, rp.arange(4))
    good = p.read_bytes()
    from rumpy import _npyio

    def broken(f, arr):
        f.write(b"partial")
        raise OSError("disk full")
    monkeypatch.setattr(_npyio, "_write", broken)
    with pytest.raises(OSError):
        rp.save(p, rp.arange(100))
    assert p.read_bytes() == good
    assert [x.name for x in tmp_path.iterdir()] == ["keep.npy"]
