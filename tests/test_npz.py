""".npz archives: rp.savez and rp.savez_compressed write NumPy's archives byte for byte, rp.load
reads NumPy's (and rumpy's) lazily through an NpzFile that behaves as NumPy's, hostile archives
raise NumPy's exception classes without allocating what they claim, and a save that fails half
way leaves the old file intact and no partial file behind."""

import io
import os
import stat
import subprocess
import sys
import zipfile

import numpy as np
import pytest

import rumpy as rp
from conftest import ALL_DTYPES, SHAPE_CASES, assert_same, assert_same_error, need, outcome
from test_npy_hostile import CORPUS, MEMORY_CASES, NonSeekable
from test_npyio import RECORDS

SAVERS = ["savez", "savez_compressed"]



def pair(dtype, shape, op=None):
    """The same data in both libraries (times, strings and records from int64 data)."""
    from conftest import sample
    dt = np.dtype(dtype)
    simple = dt.kind in "biufc" and dt.name not in ("float128", "complex256")
    n = sample(shape, dt.newbyteorder("=").name if simple else "int64")
    r = rp.array(n.tolist(), dtype=n.dtype.name) if n.size else rp.zeros(n.shape, n.dtype.name)
    if dt.names is not None:
        n = np.zeros(shape, dtype=dt)
        r = rp.zeros(shape, dtype=dtype)
        for i, name in enumerate(dt.names):
            if dt[name].names is None:
                n[name] = i + 3
                r[name] = i + 3
    else:
        n, r = n.astype(dtype), r.astype(dtype)
    if op == "T":
        return n.T, r.T
    if op is not None:
        return n[op], r[op]
    return n, r


def same_array(r, n, what=""):
    """rumpy's array is numpy's: dtype, shape, layout and bytes (records field by field, long
    doubles without their padding)."""
    assert isinstance(r, rp.ndarray), f"{what}: {type(r)!r}"
    got = np.asarray(r)
    assert got.dtype == n.dtype and got.dtype.str == n.dtype.str, (what, got.dtype, n.dtype)
    assert got.shape == n.shape, (what, got.shape, n.shape)
    assert got.flags.f_contiguous == n.flags.f_contiguous, what
    if n.dtype.names is not None:
        for name in n.dtype.names:
            assert got[name].tobytes() == n[name].tobytes(), (what, name)
    elif n.dtype.name in ("float128", "complex256"):
        assert_same(r, n, msg=what)
    else:
        assert got.tobytes() == n.tobytes(), what


EXTRA_DTYPES = [">f8", ">i4", "S5", "U3", "M8[D]", "M8[ns]", "m8[s]", "g", "G"] + RECORDS
ARRAYS = ([(dt, case) for dt in ALL_DTYPES + EXTRA_DTYPES[:-len(RECORDS)] for case in SHAPE_CASES]
          + [(spec, case) for spec in RECORDS for case in ("0d", "empty", "1d", "2d")]
          + [(dt, "fortran") for dt in ("float64", "int16", "complex64", "U3")])


def make(dtype, case):
    if case == "fortran":
        n, r = pair(dtype, (3, 4))
        return np.asfortranarray(n), rp.asfortranarray(r)
    shape, op = SHAPE_CASES[case]
    return pair(dtype, shape, op)


def _id(p):
    return repr(p) if not isinstance(p, str) else p


@pytest.mark.parametrize("saver", SAVERS)
@pytest.mark.parametrize("dtype,case", ARRAYS, ids=_id)
def test_archives_are_numpys_and_read_both_ways(dtype, case, saver, tmp_path):
    need(*SAVERS)
    n, r = make(dtype, case)
    # rumpy writes numpy's bytes (zip metadata included: members written through
    # ZipFile.open carry no time stamp)
    rb, nb = io.BytesIO(), io.BytesIO()
    getattr(rp, saver)(rb, r, 0, x=r)
    getattr(np, saver)(nb, n, 0, x=n)
    if n.dtype.name not in ("float128", "complex256"):      # padding bytes are not data
        assert rb.getvalue() == nb.getvalue()
    # numpy reads rumpy's archive, rumpy reads numpy's
    getattr(rp, saver)(tmp_path / "r.npz", a=r)
    getattr(np, saver)(tmp_path / "n.npz", a=n)
    with np.load(tmp_path / "r.npz") as z:
        got = z["a"]
        assert got.dtype == n.dtype and got.shape == n.shape
        assert got.flags.f_contiguous == n.flags.f_contiguous
        if n.dtype.names is None:
            assert np.array_equal(got, n, equal_nan=n.dtype.kind in "fc")
    with rp.load(tmp_path / "n.npz") as z:
        same_array(z["a"], n, f"{dtype} {case}")
        same_array(z["a.npy"], n, f"{dtype} {case}")


def test_field_record_archive(tmp_path):
    spec = [("value", "<f8"), ("velocity", "<f8"), ("mass", "<f8"), ("damping", "<f8"),
            ("target", "<f8")]
    n = np.zeros((2, 3), dtype=spec)
    r = rp.zeros((2, 3), dtype=spec)
    for i, name in enumerate(spec):
        n[name[0]] = np.arange(6.0).reshape(2, 3) * (i + 1) - 2.5
        r[name[0]] = rp.arange(6.0).reshape(2, 3) * (i + 1) - 2.5
    rp.savez_compressed(tmp_path / "field", state=r)
    np.savez_compressed(tmp_path / "nfield", state=n)
    assert (tmp_path / "field.npz").read_bytes() == (tmp_path / "nfield.npz").read_bytes()
    with rp.load(tmp_path / "nfield.npz") as z:
        same_array(z["state"], n)
        assert_same(z["state"]["damping"], n["damping"])


# ----------------------------------------------------------------------------------------
# savez's arguments
# ----------------------------------------------------------------------------------------

def saved_names(m, saver, *args, **kwargs):
    b = io.BytesIO()
    out = outcome(lambda: getattr(m, saver)(b, *args, **kwargs))
    if isinstance(out, BaseException):
        return out
    return zipfile.ZipFile(io.BytesIO(b.getvalue())).namelist(), b.getvalue()


@pytest.mark.parametrize("saver", SAVERS)
@pytest.mark.parametrize("args,kwargs", [
    ((), {}), ((1, 2.5, [1, 2]), {}), ((1,), {"b": 2, "a": 3}), ((1, 2), {"arr_1": 5}),
    ((1,), {"arr_0": 5}), ((), {"arr_0": 1}), ((), {"x.y": 1, "dir/z": 2}),
    (("text", b"bytes", True, None), {}), (([[1, 2], [3]],), {}),
    ((1,), {"allow_pickle": False}),
], ids=repr)
def test_savez_names_and_errors_like_numpy(saver, args, kwargs):
    r = saved_names(rp, saver, *args, **kwargs)
    n = saved_names(np, saver, *args, **kwargs)
    if isinstance(n, BaseException):
        assert isinstance(r, BaseException), r
        assert_same_error(r, n)
        return
    assert r[0] == n[0]
    if any(a is None for a in args):
        # an object member is a pickle of each library's own array: compare what it holds
        with rp.load(io.BytesIO(r[1]), allow_pickle=True) as rz, \
                np.load(io.BytesIO(r[1]), allow_pickle=True) as nz:
            for key in nz:
                assert rz[key].tolist() == nz[key].tolist()
    else:
        assert r[1] == n[1]


@pytest.mark.parametrize("saver", SAVERS)
@pytest.mark.parametrize("name", ["plain", "plain.npz", "plain.NPZ", "plain.npy", "pathlib",
                                  "bytes"])
def test_file_names_like_numpy(saver, name, tmp_path):
    results = []
    for m in (rp, np):
        folder = tmp_path / m.__name__
        folder.mkdir()
        file = {"pathlib": folder / "p", "bytes": os.fsencode(folder / "b.npz")}.get(
            name, str(folder / name))
        out = outcome(lambda: getattr(m, saver)(file, a=m.arange(3)))
        results.append((out, sorted(os.listdir(folder))))
    (r, r_files), (n, n_files) = results
    if isinstance(n, BaseException):
        assert_same_error(r, n, name)
    else:
        assert r is None
    assert r_files == n_files


def test_savez_to_file_objects(tmp_path):
    for m in (rp, np):
        with open(tmp_path / f"{m.__name__}.npz", "wb") as f:
            f.write(b"")
            m.savez(f, a=m.arange(4))
            assert not f.closed
    assert (tmp_path / "rumpy.npz").read_bytes() == (tmp_path / "numpy.npz").read_bytes()
    # a stream that cannot seek: zipfile writes data descriptors, as for numpy
    outs = []
    for m in (rp, np):
        sink = io.BytesIO()

        class Stream(io.RawIOBase):
            def writable(self):
                return True

            def write(self, b):
                return sink.write(b)

        m.savez_compressed(Stream(), a=m.arange(4.0))
        outs.append(sink.getvalue())
    assert outs[0] == outs[1]
    with rp.load(io.BytesIO(outs[0])) as z:
        same_array(z["a"], np.arange(4.0))


def test_savez_takes_numpy_arrays_and_scalars(tmp_path):
    rp.savez(tmp_path / "r", np.arange(3), b=np.float32(2.5), c=[[1, 2]])
    np.savez(tmp_path / "n", np.arange(3), b=np.float32(2.5), c=[[1, 2]])
    assert (tmp_path / "r.npz").read_bytes() == (tmp_path / "n.npz").read_bytes()


# ----------------------------------------------------------------------------------------
# NpzFile
# ----------------------------------------------------------------------------------------

def archive(path):
    with zipfile.ZipFile(path, "w") as z:
        for name, arr in (("x.npy", np.arange(6.0).reshape(2, 3)), ("y.npy", np.array(["a"])),
                          ("sub/z.npy", np.int8(3))):
            with z.open(name, "w") as f:
                np.lib.format.write_array(f, np.asarray(arr))
        z.writestr("notes.txt", b"Name: Test")
        z.writestr("empty", b"")
    return path


def test_npzfile_api_like_numpy(tmp_path):
    p = archive(tmp_path / "a.npz")
    r, n = rp.load(p), np.load(p)
    try:
        assert r.files == n.files
        assert list(r) == list(n) and len(r) == len(n)
        assert list(r.keys()) == list(n.keys())
        assert type(r.keys()).__name__ == type(n.keys()).__name__
        assert repr(r) == repr(n)
        for key in ("x", "x.npy", "y", "sub/z", "sub/z.npy", "notes.txt", "nope", "empty",
                    1, (1, 2)):
            assert (key in r) == (key in n)
            rv, nv = outcome(lambda: r[key]), outcome(lambda: n[key])
            if isinstance(nv, BaseException):
                assert_same_error(rv, nv, repr(key))
                assert str(rv) == str(nv)
            elif isinstance(nv, bytes):
                assert rv == nv
            else:
                same_array(rv, nv, repr(key))
            if isinstance(nv, KeyError):
                assert r.get(key, 7) == n.get(key, 7) == 7
        assert r.get("nope") is None and r.get("nope", 5) == 5
        same_array(r.get("x"), n["x"])
        for (rk, rv), (nk, nv) in zip(r.items(), n.items()):
            assert rk == nk
            if isinstance(nv, bytes):
                assert rv == nv
            else:
                same_array(rv, nv, rk)
        assert len(r.items()) == len(n.items()) and len(r.values()) == len(n.values())
        same_array(r.f.x, n.f.x)
        assert sorted(dir(r.f)) == sorted(dir(n.f))
        assert_same_error(outcome(lambda: r.f.nope), outcome(lambda: n.f.nope))
        assert (r.allow_pickle, r.max_header_size, r.pickle_kwargs) == \
            (n.allow_pickle, n.max_header_size, n.pickle_kwargs)
        assert isinstance(r.zip, zipfile.ZipFile) and r.fid is not None
    finally:
        r.close()
        n.close()
    assert repr(r) == repr(n)
    assert r.zip is None and r.fid is None and r.f is None
    assert_same_error(outcome(lambda: r["x"]), outcome(lambda: n["x"]))
    r.close()   # twice is fine, as for numpy


def test_npzfile_owns_the_file_it_opened(tmp_path):
    p = archive(tmp_path / "a.npz")
    with rp.load(p) as z:
        fp = z.zip.fp
        assert not fp.closed
        assert z.fid.name == str(p)
    assert fp.closed
    # a file object given by the caller stays open
    with open(p, "rb") as f:
        z = rp.load(f)
        assert repr(z) == repr(np.load(f)) == "NpzFile 'object' with keys: x, y, sub/z, " \
            "notes.txt, empty"
        z.close()
        assert not f.closed
        f.seek(0)
    # dropped without close: freed by reference counting (no cycle through .f), file closed
    import gc
    import weakref
    z = rp.load(p)
    fp = z.zip.fp
    ref = weakref.ref(z)
    gc.disable()
    try:
        del z
        assert ref() is None and fp.closed
    finally:
        gc.enable()


@pytest.mark.parametrize("count", [0, 1, 5, 6, 9])
def test_repr_lists_keys_like_numpy(count, tmp_path):
    for m in (rp, np):
        m.savez(tmp_path / m.__name__, *[m.zeros(1)] * count)
    with rp.load(tmp_path / "rumpy.npz") as r, np.load(tmp_path / "numpy.npz") as n:
        assert repr(r) == repr(n).replace("numpy.npz", "rumpy.npz")
    b = io.BytesIO((tmp_path / "numpy.npz").read_bytes())
    with rp.load(b) as r:
        assert repr(r).startswith("NpzFile 'object' with keys:")


@pytest.mark.parametrize("mmap_mode", [None, "r", "r+", "c"])
def test_mmap_mode_is_ignored_for_archives_like_numpy(mmap_mode, tmp_path):
    np.savez(tmp_path / "a", x=np.arange(5))
    with rp.load(tmp_path / "a.npz", mmap_mode=mmap_mode) as r, \
            np.load(tmp_path / "a.npz", mmap_mode=mmap_mode) as n:
        assert type(n["x"]) is np.ndarray
        same_array(r["x"], n["x"])


def test_object_members_need_allow_pickle(tmp_path):
    obj = np.array([1, "hello", None], dtype=object)
    np.savez(tmp_path / "n", o=obj, i=np.arange(2))
    rp.savez(tmp_path / "r", o=rp.array([1, "hello", None], dtype=object), i=rp.arange(2))
    for p in (tmp_path / "n.npz", tmp_path / "r.npz"):
        with rp.load(p) as r, np.load(tmp_path / "n.npz") as n:
            same_array(r["i"], n["i"])
            assert_same_error(outcome(lambda: r["o"]), outcome(lambda: n["o"]))
        with rp.load(p, allow_pickle=True) as r:
            assert r["o"].tolist() == obj.tolist()
            assert r["o"].dtype == rp.dtype(object)
    for saver in SAVERS:
        assert_same_error(outcome(lambda: getattr(rp, saver)(io.BytesIO(), rp.array(
                              [1, "a"], dtype=object), allow_pickle=False)),
                          outcome(lambda: getattr(np, saver)(io.BytesIO(), obj,
                                                             allow_pickle=False)))


@pytest.mark.parametrize("kwargs", [{}, {"max_header_size": 100}, {"max_header_size": 60000},
                                    {"allow_pickle": True},
                                    {"allow_pickle": True, "max_header_size": 10}], ids=repr)
def test_member_header_limits_like_numpy(kwargs, tmp_path):
    big = np.zeros(2, dtype=[("f%d" % i, "<f8") for i in range(600)])
    np.savez(tmp_path / "h", big=big, small=np.arange(3))
    with rp.load(tmp_path / "h.npz", **kwargs) as r, np.load(tmp_path / "h.npz", **kwargs) as n:
        assert r.max_header_size == n.max_header_size
        for key in ("big", "small"):
            rv, nv = outcome(lambda: r[key]), outcome(lambda: n[key])
            if isinstance(nv, BaseException):
                assert_same_error(rv, nv, key)
            else:
                same_array(rv, nv, key)


def test_archive_from_a_stream_that_cannot_seek(tmp_path):
    # numpy needs to seek back over the magic string; rumpy buffers such a stream
    b = io.BytesIO()
    np.savez(b, a=np.arange(3), s=np.array(["xy"]))
    with rp.load(NonSeekable(b.getvalue())) as r:
        same_array(r["a"], np.arange(3))
        same_array(r["s"], np.array(["xy"]))


def test_consecutive_npy_then_npz_in_one_file(tmp_path):
    p = tmp_path / "mixed"
    with open(p, "wb") as f:
        np.save(f, np.arange(3))
        np.savez(f, a=np.arange(2))
    with open(p, "rb") as fr, open(p, "rb") as fn:
        same_array(rp.load(fr), np.load(fn))
        r, n = outcome(lambda: rp.load(fr)), outcome(lambda: np.load(fn))
        if isinstance(n, BaseException):
            assert_same_error(r, n)
        else:
            same_array(r["a"], n["a"])


# ----------------------------------------------------------------------------------------
# hostile archives
# ----------------------------------------------------------------------------------------

def zipped(members, compression=zipfile.ZIP_STORED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression=compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return b.getvalue()


def verdict(m, data, key="a", how="bytes", tmp_path=None):
    """What loading ``key`` from the archive bytes gives: an exception, or the member."""
    def run():
        src = io.BytesIO(data)
        if how == "path":
            (tmp_path / "h.npz").write_bytes(data)
            src = tmp_path / "h.npz"
        with m.load(src) as z:
            return z[key]
    return outcome(run)


def assert_same_verdict(r, n, name):
    if isinstance(n, BaseException):
        assert isinstance(r, BaseException), f"{name}: numpy raised {n!r}, rumpy gave {r!r}"
        if isinstance(n, MemoryError):
            # numpy believed the header and failed to reserve it; rumpy never tries
            assert any(case in name for case in MEMORY_CASES), f"{name}: numpy raised {n!r}"
            assert type(r) is ValueError, f"{name}: rumpy raised {r!r}"
            return
        assert_same_error(r, n, name)
    elif isinstance(n, bytes):
        assert r == n, name
    else:
        assert not isinstance(r, BaseException), f"{name}: numpy loaded, rumpy raised {r!r}"
        assert r.dtype.descr == n.dtype.descr and tuple(r.shape) == n.shape, name
        got = np.asarray(r)
        if n.dtype.names is None:
            assert got.tobytes() == n.tobytes(), name
        else:
            for field in n.dtype.names:
                assert got[field].tobytes() == n[field].tobytes(), (name, field)


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED],
                         ids=["stored", "deflated"])
@pytest.mark.parametrize("name", list(CORPUS))
def test_hostile_members_like_numpy(name, compression):
    # every hostile .npy of the .npy corpus, as a member of an archive
    data = zipped({"a.npy": CORPUS[name]}, compression)
    assert_same_verdict(verdict(rp, data), verdict(np, data), name)


def _good_archive(compression=zipfile.ZIP_STORED):
    b = io.BytesIO()
    np.savez_compressed(b, a=np.arange(40.0), b=np.ones(3)) if compression else \
        np.savez(b, a=np.arange(40.0), b=np.ones(3))
    return b.getvalue()


def _flip(data, at, value=None):
    at = at % len(data)
    return data[:at] + bytes([value if value is not None else data[at] ^ 0xFF]) + data[at + 1:]


GOOD_STORED = _good_archive()
GOOD_DEFLATED = _good_archive(zipfile.ZIP_DEFLATED)


def _overlapping():
    # two central directory entries pointing at the same local file (a "zip bomb" layout)
    data = bytearray(zipped({"a.npy": CORPUS["good"], "b.npy": CORPUS["good"]}))
    cd = data.rfind(b"PK\x01\x02")       # the second entry's central header
    data[cd + 42:cd + 46] = (0).to_bytes(4, "little")
    return bytes(data)


def _lying_size(size):
    data = bytearray(zipped({"a.npy": CORPUS["good"]}))
    cd = data.find(b"PK\x01\x02")
    data[cd + 24:cd + 28] = (size & 0xFFFFFFFF).to_bytes(4, "little")
    return bytes(data)


ARCHIVES = {
    "empty archive": zipped({}),
    "only the end record": b"PK\x05\x06" + bytes(18),
    "zip magic then junk": b"PK\x03\x04" + b"junk" * 10,
    "zip magic only": b"PK\x03\x04",
    "end record magic only": b"PK\x05\x06",
    "bad crc stored": _flip(GOOD_STORED, GOOD_STORED.find(b"PK\x01\x02") + 16),
    "bad crc in local header": _flip(GOOD_STORED, 14),
    "flipped data byte stored": _flip(GOOD_STORED, 200),
    "flipped data byte deflated": _flip(GOOD_DEFLATED, 120),
    "bad compression method": _flip(GOOD_STORED, GOOD_STORED.find(b"PK\x01\x02") + 10, 99),
    "overlapping entries": _overlapping(),
    "member size says more": _lying_size(10**6),
    "member size says less": _lying_size(10),
    "non-npy member": zipped({"a": b"just some bytes"}),
    "member starting like npy": zipped({"a": b"\x93NUMPY"}),
    "member of 3 bytes": zipped({"a": b"\x93NU"}),
    "deflated garbage": (lambda d: d[:40] + bytes(30) + d[70:])(GOOD_DEFLATED),
    "claims 1 GiB deflated": zipped({"a.npy": CORPUS["claims 1 GiB, holds 200 bytes"]},
                                    zipfile.ZIP_DEFLATED),
}
for _cut in (10, 30, 64, 100, 200, 300, -200, -100, -60, -22, -10, -1):
    ARCHIVES[f"stored truncated at {_cut}"] = GOOD_STORED[:_cut]
    ARCHIVES[f"deflated truncated at {_cut}"] = GOOD_DEFLATED[:_cut]


@pytest.mark.parametrize("how", ["bytes", "path"])
@pytest.mark.parametrize("name", list(ARCHIVES))
def test_hostile_archives_like_numpy(name, how, tmp_path):
    data = ARCHIVES[name]
    assert_same_verdict(verdict(rp, data, how=how, tmp_path=tmp_path),
                        verdict(np, data, how=how, tmp_path=tmp_path), name)
    # the NpzFile itself (listing the members) agrees too
    r = outcome(lambda: rp.load(io.BytesIO(data)).files)
    n = outcome(lambda: np.load(io.BytesIO(data)).files)
    if isinstance(n, BaseException):
        assert_same_error(r, n, name)
    else:
        assert r == n


PEAK_SCRIPT = """
import io, sys, zipfile
import rumpy as rp

def high_water():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

data = open(sys.argv[1], "rb").read()
base = high_water()
try:
    with rp.load(sys.argv[1]) as z:
        z["a"]
except ValueError:
    print("ValueError", high_water() - base)
else:
    print("loaded", high_water() - base)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_lying_member_costs_no_memory(compression, tmp_path):
    p = tmp_path / "liar.npz"
    p.write_bytes(zipped({"a.npy": CORPUS["claims 1 GiB, holds 200 bytes"]}, compression))
    out = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(p)], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    verdict_, grown_kib = out.stdout.split()
    assert verdict_ == "ValueError"
    assert int(grown_kib) <= 16 * 1024, f"peak memory grew by {grown_kib} KiB"


# ----------------------------------------------------------------------------------------
# failure safety
# ----------------------------------------------------------------------------------------

def _unpicklable():
    return rp.array([lambda: 0], dtype=object), np.array([lambda: 0], dtype=object)


FAILURES = {
    "unpicklable member": lambda m: {"b": _unpicklable()[m is np]},
    "object member, pickles refused": lambda m: {"b": m.array([1, "a"], dtype=object),
                                                 "allow_pickle": False},
    "ragged member": lambda m: {"b": [[1, 2], [3]]},
    "positional clash": lambda m: {"arr_0": m.arange(2), "args": (m.arange(3),)},
}


@pytest.mark.parametrize("saver", SAVERS)
@pytest.mark.parametrize("failure", list(FAILURES))
def test_failed_savez_keeps_the_old_file(saver, failure, tmp_path):
    outs = []
    for m in (rp, np):
        folder = tmp_path / m.__name__
        folder.mkdir()
        p = folder / "keep.npz"
        getattr(m, saver)(p, a=m.arange(4))
        good = p.read_bytes()
        kwargs = FAILURES[failure](m)
        args = kwargs.pop("args", ())
        out = outcome(lambda: getattr(m, saver)(p, *args, a=m.arange(100), **kwargs))
        assert isinstance(out, BaseException), out
        outs.append(out)
        if m is rp:
            # the old archive is intact and nothing else was left behind
            assert p.read_bytes() == good
            assert os.listdir(folder) == ["keep.npz"]
            with rp.load(p) as z:
                same_array(z["a"], np.arange(4))
    assert_same_error(outs[0], outs[1], failure)


def test_failed_savez_to_a_new_name_leaves_nothing(tmp_path):
    _, n_bad = _unpicklable()
    r_bad, _ = _unpicklable()
    r = outcome(lambda: rp.savez(tmp_path / "r", a=rp.arange(3), b=r_bad))
    n = outcome(lambda: np.savez(tmp_path / "n", a=np.arange(3), b=n_bad))
    assert_same_error(r, n)
    assert sorted(os.listdir(tmp_path)) == ["n.npz"]   # numpy leaves its partial archive


def test_failed_save_keeps_the_old_npy(tmp_path):
    r_bad, n_bad = _unpicklable()
    rp.save(tmp_path / "x.npy", rp.arange(3))
    good = (tmp_path / "x.npy").read_bytes()
    r = outcome(lambda: rp.save(tmp_path / "x.npy", r_bad))
    n = outcome(lambda: np.save(tmp_path / "n.npy", n_bad))
    assert_same_error(r, n)
    assert (tmp_path / "x.npy").read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == ["n.npy", "x.npy"]


def test_save_over_an_existing_file(tmp_path):
    # the old file is moved aside by a hard link, the new one renamed in, the link removed
    for m in (rp, np):
        m.save(tmp_path / f"{m.__name__}.npy", m.arange(5))
        m.save(tmp_path / f"{m.__name__}.npy", m.arange(3.0))
    assert ((tmp_path / "rumpy.npy").read_bytes()
            == (tmp_path / "numpy.npy").read_bytes())
    assert sorted(os.listdir(tmp_path)) == ["numpy.npy", "rumpy.npy"]


@pytest.mark.parametrize("broken", ["rename", "link", "unlink"])
def test_save_over_a_file_when_the_swap_fails(broken, tmp_path, monkeypatch):
    """A failing step of the swap leaves the old file under its name and nothing else; a file
    system without hard links gets the plain rename."""
    from rumpy import _npyio
    path = tmp_path / "x.npy"
    rp.save(path, rp.arange(4))
    good = path.read_bytes()
    real = getattr(_npyio.os, broken)
    calls = []

    def failing(src, *rest, **kw):
        calls.append(src)
        name = os.fspath(src)
        if broken == "unlink" and not name.endswith("x.npy"):
            return real(src, *rest, **kw)      # removing the temporary files still works
        if broken == "rename" and name.endswith(".old"):
            return real(src, *rest, **kw)      # putting the old file back works
        raise PermissionError(1, "refused")

    monkeypatch.setattr(_npyio.os, broken, failing)
    out = outcome(lambda: rp.save(path, rp.arange(9.0)))
    monkeypatch.undo()
    assert calls
    if broken == "link":
        assert out is None
        same_array(rp.load(path), np.arange(9.0))
    else:
        assert isinstance(out, PermissionError)
        assert path.read_bytes() == good
    assert os.listdir(tmp_path) == ["x.npy"]


def test_saved_files_get_the_permissions_open_gives(tmp_path):
    for m in (rp, np):
        m.savez(tmp_path / f"{m.__name__}-new", a=m.arange(2))
        m.save(tmp_path / f"{m.__name__}-new", m.arange(2))
    mode = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert mode["rumpy-new.npz"] == mode["numpy-new.npz"]
    assert mode["rumpy-new.npy"] == mode["numpy-new.npy"]
    # an existing file keeps its mode, and a symbolic link stays a link to the new data
    (tmp_path / "old.npz").write_bytes(b"old")
    os.chmod(tmp_path / "old.npz", 0o640)
    os.symlink(tmp_path / "old.npz", tmp_path / "link.npz")
    rp.savez(tmp_path / "link.npz", a=rp.arange(2))
    assert os.path.islink(tmp_path / "link.npz")
    assert stat.S_IMODE((tmp_path / "old.npz").stat().st_mode) == 0o640
    with rp.load(tmp_path / "old.npz") as z:
        same_array(z["a"], np.arange(2))


def test_savez_into_a_missing_folder_like_numpy(tmp_path):
    r = outcome(lambda: rp.savez(tmp_path / "no" / "x", a=rp.arange(2)))
    n = outcome(lambda: np.savez(tmp_path / "no" / "x", a=np.arange(2)))
    assert_same_error(r, n)
    assert str(r) == str(n)
