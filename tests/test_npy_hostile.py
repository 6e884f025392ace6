""".npy files from untrusted sources: rp.load raises NumPy's exception class for every hostile
file (overflowing shapes and subarray descrs, lying sizes, truncation, huge headers, malformed
headers), loads what NumPy loads, and never allocates more than the data actually present.

The corpus is built here byte by byte; every verdict is NumPy's on the same bytes (a path, an
in-memory buffer, or -- for rumpy's non-seekable streams, which np.load cannot read -- NumPy's
own streaming path through a BytesIO). Where NumPy gives up with MemoryError because it
believed a lying header, rumpy must raise ValueError instead (the point of this file).
"""

import inspect
import io
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import rumpy as rp
from conftest import assert_same_error, outcome

MAGIC = b"\x93NUMPY"


def npy(text, version=(1, 0), data=b""):
    """A .npy file with the header text as given (no padding added)."""
    body = text.encode("utf8" if version == (3, 0) else "latin1")
    nlen = 2 if version == (1, 0) else 4
    return MAGIC + bytes(version) + len(body).to_bytes(nlen, "little") + body + data


def hdr(descr, shape, fortran=False, version=(1, 0), data=b"", pad=0):
    text = "{'descr': %r, 'fortran_order': %r, 'shape': %r, }" % (descr, fortran, shape)
    return npy(text + " " * pad + "\n", version, data)


def saved(arr, version=None):
    b = io.BytesIO()
    np.lib.format.write_array(b, arr, version=version)
    return b.getvalue()


GOOD = saved(np.arange(6.0).reshape(2, 3))
GIB = 2**30

CORPUS = {
    # --- files NumPy loads (rumpy must load them equally)
    "good": GOOD,
    "good v2": saved(np.arange(5, dtype="<i4"), (2, 0)),
    "good v3 utf8 name": saved(np.zeros(2, dtype=[("\u00e9t\u00e9", "<f8")]), (3, 0)),
    "fortran": saved(np.asfortranarray(np.arange(12.0).reshape(3, 4))),
    "0-d": saved(np.array(2.5)),
    "empty": saved(np.zeros((0, 3))),
    "record with padding": saved(np.zeros(2, dtype={"names": ["a", "b"],
                                                     "formats": ["<f8", "<i2"],
                                                     "offsets": [0, 10], "itemsize": 16})),
    "trailing bytes": GOOD + b"trailing junk",
    "void0 items": hdr("|V0", (5,)),
    "python2 long suffix": hdr("<f8", (2,), data=bytes(16)).replace(b"(2,)", b"(2L,)"),
    "descr as 2-char string field": hdr(["ab"], (2,), data=b"\x01\x02"),
    "padding subarray field": hdr([("", "<f8", (2,)), ("x", "<i4")], (1,), data=bytes(20)),
    "titled field": hdr([(("t", "a"), "<f8")], (1,), data=bytes(8)),
    "top-level subarray of one": hdr("(1,)<f8", (3,), data=bytes(24)),
    "top-level tuple descr of one": hdr(("<f8", (1,)), (3,), data=bytes(24)),
    "top-level subarray, no items": hdr("(2,)<f8", (0,)),
    "64 dims": hdr("<f8", (1,) * 64, data=bytes(8)),
    "header of 10000 chars": npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }"
                                 .ljust(9999) + "\n", data=bytes(8)),
    "v3 header 10000 chars but more bytes": hdr([("\u00e9" * 6000, "<f8")], (1,), version=(3, 0),
                                               data=bytes(8)),
    # --- overflowing shapes
    "shape 2**62 x 2**62": hdr("<f8", (2**62, 2**62), data=bytes(64)),
    "shape 2**64": hdr("<f8", (2**64,), data=bytes(64)),
    "shape 2**63": hdr("<f8", (2**63,), data=bytes(64)),
    "shape 2**64-1 squared": hdr("<u1", (2**64 - 1, 2**64 - 1), data=bytes(64)),
    "shape -2**63-1": hdr("<f8", (-2**63 - 1,), data=bytes(64)),
    "shape -1 x 2**64": hdr("<f8", (-1, 2**64), data=bytes(64)),
    "shape 2**62 x 0": hdr("<f8", (2**62, 0)),
    "shape 2**31 x 2**31 x 0": hdr("<f8", (2**31, 2**31, 0)),
    "shape 2**60 of f8": hdr("<f8", (2**60,), data=bytes(64)),
    "shape 2**61 x 4": hdr("<f8", (2**61, 4), data=bytes(64)),
    "shape 2**62 x 2**62 of V0": hdr("|V0", (2**62, 2**62)),
    "negative dim": hdr("<f8", (-1,), data=bytes(64)),
    "negative dims product positive": hdr("<f8", (-2, -3), data=bytes(64)),
    "zero and negative dim": hdr("<f8", (0, -1)),
    "65 dims": hdr("<f8", (1,) * 65, data=bytes(8)),
    "bool dim": hdr("<f8", (True, 2), data=bytes(16)),
    "bool dim, no data": hdr("<f8", (True, 2)),
    "float dim": hdr("<f8", (2.0,), data=bytes(16)),
    "shape not a tuple": hdr("<f8", [2], data=bytes(16)),
    "shape an int": hdr("<f8", 3, data=bytes(24)),
    "shape None": hdr("<f8", None),
    # --- overflowing or oversized descrs
    "subarray descr overflow": hdr([("a", "<f8", (2305843009213693953,))], (1,), data=bytes(64)),
    "subarray descr overflow 2-d": hdr([("a", "<f8", (2**61, 2**61))], (1,), data=bytes(64)),
    "subarray string overflow": hdr("(2305843009213693953,)<f8", (1,), data=bytes(64)),
    "subarray over a C int": hdr([("a", "<f8", (2**28,))], (1,), data=bytes(64)),
    "subarray dim over a C int": hdr([("a", "|u1", (2**31,))], (1,), data=bytes(64)),
    "subarray 2 GiB - 1 short data": hdr([("a", "|u1", (2**31 - 1,))], (1,), data=bytes(64)),
    "subarray negative dim": hdr([("a", "<f8", (-1,))], (1,), data=bytes(64)),
    "void of 2 GiB": hdr("|V2147483648", (1,), data=bytes(64)),
    "top-level subarray of two": hdr("(2,)<f8", (3,), data=bytes(48)),
    "top-level tuple descr of two": hdr(("<f8", (2,)), (3,), data=bytes(48)),
    "top-level subarray of zero": hdr("(0,)<f8", (3,)),
    # --- lying sizes and truncation
    "claims 1 GiB, holds 200 bytes": hdr("<f8", (GIB // 8,), data=bytes(200)),
    "claims 8 TiB, holds 200 bytes": hdr("<f8", (2**40,), data=bytes(200)),
    "claims 2**62 bytes": hdr("<u1", (2**62,), data=bytes(200)),
    "truncated data": GOOD[:-8],
    "truncated by one byte": GOOD[:-1],
    "header only": GOOD[:128],
    "truncated header": GOOD[:20],
    "header length claims 4 GiB": MAGIC + b"\x02\x00\xff\xff\xff\xff" + b" " * 100,
    "header length claims 64 KiB": MAGIC + b"\x01\x00\xff\xff" + b" " * 100,
    # --- huge headers (NumPy's limit: 10000 characters)
    "header over 10 kB v1": hdr("<f8", (1,), pad=20000, data=bytes(8)),
    "header over 10 kB v2": hdr("<f8", (1,), version=(2, 0), pad=50000, data=bytes(8)),
    "header over 10 kB v3": hdr("<f8", (1,), version=(3, 0), pad=50000, data=bytes(8)),
    "header over 10 kB v3 multibyte": hdr([("\u00e9" * 10001, "<f8")], (1,), version=(3, 0),
                                          data=bytes(8)),
    "header over 40 kB v3 invalid utf8": (lambda b: b[:20] + b"\xff" + b[21:])(
        hdr("<f8", (1,), version=(3, 0), pad=50000, data=bytes(8))),
    "header over 10 kB, truncated": hdr("<f8", (1,), version=(2, 0), pad=50000)[:30000],
    "header 1 MB": hdr("<f8", (1,), version=(2, 0), pad=2**20, data=bytes(8)),
    # --- magic and version
    "empty file": b"",
    "one byte": b"\x93",
    "short magic": b"\x93NUM",
    "only magic prefix": MAGIC,
    "only magic and version": MAGIC + b"\x01\x00",
    "half a header length": MAGIC + b"\x01\x00\x10",
    "wrong magic": b"\x93NUMPX" + GOOD[6:],
    "not npy at all": b"hello, world",
    "bad version 9.0": MAGIC + b"\x09\x00" + GOOD[8:],
    "bad version 1.1": MAGIC + b"\x01\x01" + GOOD[8:],
    "bad version 0.0": MAGIC + b"\x00\x00" + GOOD[8:],
    # --- malformed headers
    "header not a dict": npy("[1, 2, 3]\n"),
    "header a set": npy("{1, 2}\n"),
    "header a string": npy("'abc'\n"),
    "header empty": npy(""),
    "header unparsable": npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)\n"),
    "header unparsable v3": npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)\n",
                                (3, 0)),
    "header not a literal": npy("{'descr': __import__('os'), 'fortran_order': False, "
                                "'shape': (1,)}\n"),
    "header a name": npy("{'descr': x, 'fortran_order': False, 'shape': (1,)}\n"),
    "header with NUL": npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)}\x00\n"),
    "header nested too deep": npy("{'descr': '<f8', 'fortran_order': False, 'shape': ("
                                  + "-" * 5000 + "1,)}\n"),
    "header with a 5000-digit int": npy("{'descr': '<f8', 'fortran_order': False, 'shape': ("
                                        + "9" * 5000 + ",)}\n"),
    "missing keys": npy("{'descr': '<f8', 'shape': (2,)}\n", data=bytes(16)),
    "extra keys": npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1}\n",
                      data=bytes(16)),
    "extra key of another type": npy("{'descr': '<f8', 'fortran_order': False, "
                                     "'shape': (2,), 1: 1}\n", data=bytes(16)),
    "fortran_order an int": hdr("<f8", (2,), fortran=3, data=bytes(16)),
    "fortran_order 1": hdr("<f8", (2,), fortran=1, data=bytes(16)),
    "fortran_order a string": hdr("<f8", (2,), fortran="True", data=bytes(16)),
    "fortran_order None": hdr("<f8", (2,), fortran=None, data=bytes(16)),
    "bad descr string": hdr("nope", (2,), data=bytes(16)),
    "bad descr int": hdr(5, (2,), data=bytes(16)),
    "bad descr None": hdr(None, (2,), data=bytes(16)),
    "bad descr bytes": hdr(b"<f8", (2,), data=bytes(16)),
    "bad descr dict": hdr({"a": 1}, (2,), data=bytes(16)),
    "bad descr field of one": hdr([("a",)], (2,), data=bytes(16)),
    "bad descr field of four": hdr([("a", "<f8", (1,), 1)], (2,), data=bytes(16)),
    "bad descr 4-char string field": hdr(["abcd"], (2,), data=bytes(16)),
    "bad descr int field name": hdr([(1, "<f8")], (2,), data=bytes(16)),
    "bad descr duplicate names": hdr([("a", "<f8"), ("a", "<f8")], (2,), data=bytes(32)),
    "bad descr nested bad": hdr([("a", [("b", "nope")])], (2,), data=bytes(16)),
    "bad descr 1-tuple": hdr(("<f8",), (1,), data=bytes(8)),
    "bad descr empty tuple": hdr((), (1,), data=bytes(8)),
    "bad descr subarray shape string": hdr([("a", "<f8", "x")], (1,), data=bytes(8)),
    # --- objects (pickled data)
    "object descr": hdr("|O", (1,), data=b"\x80\x04N."),
    "object field": hdr([("a", "|O")], (1,), data=b"\x80\x04N."),
    "object subarray string": hdr("(2,)O", (1,), data=b"\x80\x04N."),
    "object with overflowing shape": hdr("|O", (2**64,)),
}

# NumPy's verdicts that depend on how much memory it managed to reserve for a lying header;
# rumpy never tries and raises ValueError.
MEMORY_CASES = {"claims 8 TiB, holds 200 bytes", "claims 2**62 bytes"}


class NonSeekable(io.RawIOBase):
    """A pipe-like stream: readable, not seekable, no file descriptor."""

    def __init__(self, data):
        self._b = io.BytesIO(data)

    def readable(self):
        return True

    def seekable(self):
        return False

    def readinto(self, b):
        return self._b.readinto(b)



def assert_same_outcome(r, n, name):
    if isinstance(n, BaseException):
        assert isinstance(r, BaseException), f"{name}: numpy raised {n!r}, rumpy loaded {r!r}"
        if isinstance(n, MemoryError):
            assert name in MEMORY_CASES, f"{name}: numpy raised {n!r}"
            assert type(r) is ValueError, f"{name}: rumpy raised {r!r}"
            return
        assert_same_error(r, n, name)
        return
    assert not isinstance(r, BaseException), f"{name}: numpy loaded, rumpy raised {r!r}"
    assert isinstance(r, rp.ndarray)
    # rumpy's own dtype (interop through the buffer protocol drops field titles)
    assert r.dtype.descr == n.dtype.descr and r.dtype.itemsize == n.dtype.itemsize, \
        (name, r.dtype, n.dtype)
    assert tuple(r.shape) == n.shape, (name, r.shape, n.shape)
    got = np.asarray(r)
    if n.dtype.names is None:
        assert got.tobytes() == n.tobytes()
    else:       # padding bytes are not data (NumPy leaves them uninitialised when streaming)
        for field in n.dtype.names:
            assert got[field].tobytes() == n[field].tobytes(), (name, field)
    assert got.flags.f_contiguous == n.flags.f_contiguous


def write(tmp_path, data):
    p = tmp_path / "hostile.npy"
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name", list(CORPUS))
def test_path_like_numpy(name, tmp_path):
    p = write(tmp_path, CORPUS[name])
    assert_same_outcome(outcome(lambda: rp.load(p)), outcome(lambda: np.load(p)), name)


@pytest.mark.parametrize("name", list(CORPUS))
def test_open_file_and_buffer_like_numpy(name, tmp_path):
    p = write(tmp_path, CORPUS[name])
    with open(p, "rb") as fr, open(p, "rb") as fn:
        assert_same_outcome(outcome(lambda: rp.load(fr)), outcome(lambda: np.load(fn)), name)
    data = CORPUS[name]
    assert_same_outcome(outcome(lambda: rp.load(io.BytesIO(data))),
                        outcome(lambda: np.load(io.BytesIO(data))), name)


@pytest.mark.parametrize("name", list(CORPUS))
def test_non_seekable_stream_like_numpy_stream(name):
    # np.load cannot read a non-seekable stream (it seeks back over the magic string); its
    # verdict on the same bytes through its streaming (non-file) reader is the reference.
    data = CORPUS[name]
    assert_same_outcome(outcome(lambda: rp.load(NonSeekable(data))),
                        outcome(lambda: np.load(io.BytesIO(data))), name)
    assert_same_outcome(outcome(lambda: rp.load(io.BufferedReader(NonSeekable(data)))),
                        outcome(lambda: np.load(io.BytesIO(data))), name)


HEADER_CASES = [k for k in CORPUS if "header" in k or k in ("good", "good v2")]


@pytest.mark.parametrize("kwargs", [{"allow_pickle": True}, {"max_header_size": 60000},
                                    {"max_header_size": 2**21}, {"max_header_size": 100},
                                    {"max_header_size": 0},
                                    {"max_header_size": 10, "allow_pickle": True}],
                         ids=repr)
@pytest.mark.parametrize("name", HEADER_CASES)
def test_header_limits_like_numpy(name, kwargs, tmp_path):
    p = write(tmp_path, CORPUS[name])
    assert_same_outcome(outcome(lambda: rp.load(p, **kwargs)),
                        outcome(lambda: np.load(p, **kwargs)), f"{name} {kwargs}")
    data = CORPUS[name]
    assert_same_outcome(outcome(lambda: rp.load(NonSeekable(data), **kwargs)),
                        outcome(lambda: np.load(io.BytesIO(data), **kwargs)),
                        f"{name} {kwargs} stream")


def test_the_corpus_is_hostile_where_it_claims_to_be():
    # guards the corpus itself: the cases rumpy must refuse are ones NumPy refuses
    refused = [k for k in CORPUS if isinstance(outcome(lambda: np.load(io.BytesIO(CORPUS[k]))),
                                               BaseException)]
    for name in ["shape 2**62 x 2**62", "subarray descr overflow", "claims 1 GiB, holds 200 "
                 "bytes", "truncated data", "header over 10 kB v1", "wrong magic", "empty file",
                 "object descr", "bad descr string", "fortran_order an int", "missing keys"]:
        assert name in refused


class _WrappingCore:
    """rumpy's core as it was before its dtype constructor checked subarray sizes: a
    subarray dtype whose byte size overflows 64 bits reports the wrapped size."""

    class WrappedSubarray:
        names = None
        kind = "V"

        def __init__(self, base, shape):
            self.subdtype = (base, shape)
            size = base.itemsize
            for n in shape:
                size *= n
            self.itemsize = size % 2**64

    def __init__(self, core):
        self._core = core

    def __getattr__(self, name):
        return getattr(self._core, name)

    def dtype(self, spec):
        if isinstance(spec, tuple) and isinstance(spec[1], tuple):
            base = self._core.dtype(spec[0])
            size = base.itemsize
            for n in spec[1]:
                size *= n
            if size >= 2**63:
                return self.WrappedSubarray(base, spec[1])
        if isinstance(spec, dict):      # a record holding one: a field of the wrapped size
            spec = dict(spec, formats=[
                self._core.dtype(f"V{f.itemsize}") if isinstance(f, self.WrappedSubarray)
                else f for f in spec["formats"]])
        return self._core.dtype(spec)


@pytest.mark.parametrize("name", ["subarray descr overflow", "subarray descr overflow 2-d"])
def test_header_sizes_are_checked_in_python(name, tmp_path, monkeypatch):
    # the loader recomputes every dtype size with Python integers, so a dtype constructor that
    # wraps around (as rumpy's did) cannot make it read or allocate the wrong amount
    from rumpy import _npyio
    wrapping = _WrappingCore(_npyio._core)
    assert wrapping.dtype(("<f8", (2**61, 2**61))).itemsize == 0
    assert wrapping.dtype(("<f8", (2305843009213693953,))).itemsize == 8
    p = write(tmp_path, CORPUS[name])
    monkeypatch.setattr(_npyio, "_core", wrapping)
    assert_same_outcome(outcome(lambda: rp.load(p)), outcome(lambda: np.load(p)), name)


def test_object_arrays_load_only_with_allow_pickle(tmp_path):
    # Object arrays are pickled after the header: loaded when allowed, refused otherwise.
    p = tmp_path / "obj.npy"
    np.save(p, np.array([1, "a", None], dtype=object))
    n = np.load(p, allow_pickle=True)
    r = rp.load(p, allow_pickle=True)
    assert r.dtype == rp.dtype(object) and r.tolist() == n.tolist()
    n_err = outcome(lambda: np.load(p))
    r_err = outcome(lambda: rp.load(p))
    assert_same_error(r_err, n_err)
    q, nq = tmp_path / "robj.npy", tmp_path / "nobj.npy"
    items = [[1, "a"], [None, [2]]]
    rp.save(q, rp.array(items, dtype=object))
    np.save(nq, np.array(items, dtype=object))
    assert rp.load(q, allow_pickle=True).tolist() == np.load(nq, allow_pickle=True).tolist()
    assert_same_error(outcome(lambda: rp.load(q)), n_err)
    assert_same_error(outcome(lambda: rp.save(q, r, allow_pickle=False)),
                      outcome(lambda: np.save(q, n, allow_pickle=False)))


def test_consecutive_arrays_in_one_file(tmp_path):
    # the remaining-size check is relative to the current position, not the file start
    p = tmp_path / "two.npy"
    with open(p, "wb") as f:
        np.save(f, np.arange(3.0))
        np.save(f, np.arange(4, dtype="<i2"))
        f.write(hdr("<f8", (GIB // 8,), data=bytes(8)))
    with open(p, "rb") as fr, open(p, "rb") as fn:
        for _ in range(2):
            assert_same_outcome(rp.load(fr), np.load(fn), "consecutive")
        assert_same_outcome(outcome(lambda: rp.load(fr)), outcome(lambda: np.load(fn)),
                            "consecutive lying")


def test_max_header_size_is_keyword_only_like_numpy():
    import inspect
    r = inspect.signature(rp.load).parameters["max_header_size"]
    n = inspect.signature(np.load).parameters["max_header_size"]
    assert r.kind == n.kind and r.default == n.default


PEAK_SCRIPT = "import io, resource, sys\nimport rumpy as rp\n\n" + inspect.getsource(
    NonSeekable) + textwrap.dedent("""
    def high_water():
        # ru_maxrss can start out at the parent's size (Linux carries it over fork and exec),
        # which would hide growth; VmHWM belongs to this process's own memory map.
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    path, how = sys.argv[1], sys.argv[2]
    data = open(path, "rb").read()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    base_hwm = high_water()
    try:
        if how == "path":
            rp.load(path)
        else:
            rp.load(NonSeekable(data))
    except ValueError:
        print("ValueError")
    else:
        print("loaded")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(peak - base, high_water() - base_hwm)
""")


def peak_growth(path, how):
    """Load `path` in a child (by path or as a non-seekable stream): its verdict and how much
    its peak memory grew, in KiB (two measures)."""
    out = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(path), how],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    verdict, *grown_kib = out.stdout.split()
    return verdict, grown_kib


@pytest.mark.parametrize("how", ["path", "stream"])
def test_lying_header_costs_no_memory(how, tmp_path):
    data = CORPUS["claims 1 GiB, holds 200 bytes"]
    p = write(tmp_path, data)
    assert isinstance(outcome(lambda: np.load(p)), ValueError)     # numpy refuses it too
    verdict, grown_kib = peak_growth(p, how)
    assert verdict == "ValueError"
    for kib in grown_kib:
        assert int(kib) <= 16 * 1024, f"peak RSS grew by {kib} KiB"


@pytest.mark.parametrize("how", ["path", "stream"])
def test_honest_large_file_costs_about_its_size(how, tmp_path):
    # 64 MiB of real data: loading needs the array and little more (a path: exactly the
    # array; a stream: at most one read chunk more)
    arr = np.arange(8 * 2**20, dtype="<f8")
    p = tmp_path / "big.npy"
    np.save(p, arr)
    verdict, grown_kib = peak_growth(p, how)
    assert verdict == "loaded"
    for kib in grown_kib:
        assert int(kib) <= (arr.nbytes + 12 * 2**20) // 1024, f"peak RSS grew by {kib} KiB"
