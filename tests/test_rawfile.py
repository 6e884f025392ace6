"""Raw files: ndarray.tofile and rp.fromfile against NumPy's, byte for byte in binary and in
text mode, through file names, pathlib paths and open file objects (NumPy reads and writes at
the object's position and leaves it after the data); ndarray.dump and ndarray.dumps (pickles);
frombuffer's count and offset. Every verdict is NumPy's on the same file."""

import io
import os
import pathlib
import pickle
import random

import numpy as np
import pytest

import rumpy as rp
from conftest import ALL_DTYPES, SHAPE_CASES, assert_same, assert_same_error, need, outcome
from test_npyio import RECORDS

EXTRA_DTYPES = [">f8", ">i4", "S3", "U2", "M8[D]", "M8[ns]", "m8[s]", "g", "G"]



def assert_outcome(r, n, what=""):
    """rumpy's outcome is NumPy's: the same exception class, or the same array."""
    if isinstance(n, BaseException):
        assert isinstance(r, BaseException), f"{what}: numpy raised {n!r}, rumpy gave {r!r}"
        assert_same_error(r, n, what)
        return
    assert not isinstance(r, BaseException), f"{what}: numpy gave {n!r}, rumpy raised {r!r}"
    assert_same(r, n, msg=what)


def pair(dtype, shape, op=None):
    """The same data in both libraries: numpy's sample, rumpy's built from its values (times,
    strings and extended floats from int64 data)."""
    from conftest import sample
    base = dtype if np.dtype(dtype).kind in "biufc" and np.dtype(dtype).itemsize <= 16 \
        and dtype not in ("g", "G") else "int64"
    n = sample(shape, np.dtype(base).newbyteorder("=").name)
    r = rp.array(n.tolist(), dtype=n.dtype.name) if n.size else rp.zeros(n.shape, n.dtype.name)
    n, r = n.astype(dtype), r.astype(dtype)
    if op == "T":
        return n.T, r.T
    if op is not None:
        return n[op], r[op]
    return n, r


def meaningful(data, dtype):
    """A file's bytes without the padding of x87 long doubles (numpy leaves it unset)."""
    if np.dtype(dtype).kind in "fc" and np.dtype(dtype).name in ("float128", "complex256"):
        return b"".join(data[i:i + 10] for i in range(0, len(data), 16))
    return data


CASES = [(dt, case) for dt in ALL_DTYPES + EXTRA_DTYPES for case in SHAPE_CASES]


@pytest.mark.parametrize("dtype,case", CASES)
def test_tofile_binary_bytes_are_numpys_and_read_back(dtype, case, tmp_path):
    need("fromfile")
    need("tofile", owner=rp.ndarray)
    shape, op = SHAPE_CASES[case]
    n, r = pair(dtype, shape, op)
    pn, pr = tmp_path / "n.bin", tmp_path / "r.bin"
    n.tofile(pn)
    r.tofile(pr)
    assert meaningful(pr.read_bytes(), dtype) == meaningful(pn.read_bytes(), dtype)
    # numpy's file read by rumpy, rumpy's by numpy
    assert_same(rp.fromfile(pn, dtype=dtype), np.fromfile(pr, dtype=dtype))
    assert_same(rp.fromfile(str(pn), dtype=dtype), n.reshape(-1).copy())


TEXT_FORMATS = [{"sep": ","}, {"sep": " ", "format": "%r"}, {"sep": "\n", "format": "%8s"},
                {"sep": ", ", "format": "%.3f"}, {"sep": ";", "format": ""}]


@pytest.mark.parametrize("kwargs", TEXT_FORMATS, ids=repr)
@pytest.mark.parametrize("dtype,case", [(d, c) for d, c in CASES if c in ("0d", "empty", "2d",
                                                                       "transposed")])
def test_tofile_text_is_numpys(dtype, case, kwargs, tmp_path):
    shape, op = SHAPE_CASES[case]
    n, r = pair(dtype, shape, op)
    pn, pr = tmp_path / "n.txt", tmp_path / "r.txt"
    n_out = outcome(lambda: n.tofile(pn, **kwargs))
    r_out = outcome(lambda: r.tofile(pr, **kwargs))
    if isinstance(n_out, BaseException):
        assert_same_error(r_out, n_out)
        return
    assert r_out is None
    assert pr.read_bytes() == pn.read_bytes()


@pytest.mark.parametrize("k", range(len(RECORDS)))
def test_records_both_ways(k, tmp_path):
    spec = RECORDS[k]
    n = np.zeros((4,), dtype=spec)
    for i, name in enumerate(n.dtype.names):
        n[name] = (i + 1) * 3 if n[name].dtype.names is None else 0
    r = rp.zeros((4,), dtype=spec)
    for i, name in enumerate(r.dtype.names):
        r[name] = (i + 1) * 3 if r[name].dtype.names is None else 0
    pn, pr = tmp_path / "n.bin", tmp_path / "r.bin"
    n.tofile(pn)
    r.tofile(pr)
    assert pr.read_bytes() == pn.read_bytes()
    got = np.asarray(rp.fromfile(pn, dtype=spec))
    assert got.dtype == n.dtype and got.shape == n.shape
    for name in n.dtype.names:
        assert got[name].tobytes() == n[name].tobytes()
    n.tofile(pn, sep="|")
    r.tofile(pr, sep="|")
    assert pr.read_bytes() == pn.read_bytes()
    # no text scanner for records
    assert_outcome(outcome(lambda: rp.fromfile(pn, dtype=spec, sep="|")),
                   outcome(lambda: np.fromfile(pn, dtype=spec, sep="|")))


def test_field_record_dtype(tmp_path):
    spec = [("value", "<f8"), ("velocity", "<f8"), ("mass", "<f8"), ("damping", "<f8"),
            ("target", "<f8")]
    n = np.zeros((3,), dtype=spec)
    r = rp.zeros((3,), dtype=spec)
    for i, name in enumerate(n.dtype.names):
        n[name] = [i + 0.5, -i, 2.25 * i]
        r[name] = [i + 0.5, -i, 2.25 * i]
    n.tofile(tmp_path / "n.bin")
    r.tofile(tmp_path / "r.bin")
    assert (tmp_path / "r.bin").read_bytes() == (tmp_path / "n.bin").read_bytes()
    assert_same(rp.fromfile(tmp_path / "n.bin", dtype=spec),
                np.fromfile(tmp_path / "r.bin", dtype=spec))


def test_object_arrays(tmp_path):
    n = np.array([1, "x", None, 2.5], dtype=object)
    r = rp.array([1, "x", None, 2.5], dtype=object)
    assert_same_error(outcome(lambda: r.tofile(tmp_path / "r")),
                      outcome(lambda: n.tofile(tmp_path / "n")))
    n.tofile(tmp_path / "n", sep=";")
    r.tofile(tmp_path / "r", sep=";")
    assert (tmp_path / "r").read_bytes() == (tmp_path / "n").read_bytes()
    for sep in ("", ";"):
        assert_outcome(outcome(lambda: rp.fromfile(tmp_path / "n", dtype=object, sep=sep)),
                       outcome(lambda: np.fromfile(tmp_path / "n", dtype=object, sep=sep)))


# ----------------------------------------------------------------------------------------
# text mode reading
# ----------------------------------------------------------------------------------------

TEXT_CASES = [
    (b"1,2,3", "f8", ",", -1), (b"1,2,\n", "f8", ",", -1), (b"1,2,", "f8", ",", -1),
    (b"1, 2 ,3 \n", "f8", ",", -1), (b"1 2 3", "f8", " ", -1), (b"1 2 3x", "f8", " ", -1),
    (b"1  2\n\t3   ", "f8", " ", -1), (b"12", "f8", " ", -1), (b"1,2,3,4", "f8", ",", 2),
    (b"1,2", "f8", ",", 5), (b"1.5e3,nan,-inf,Infinity,nan(abc),-NaN,INF", "f8", ",", -1),
    (b"1e,2", "f8", ",", -1), (b"1.e5,2", "f8", ",", -1), (b"1.,.5,-.5e-1,+.5", "f8", ",", -1),
    (b"1e999,-1e999,1e-999", "f8", ",", -1), (b"1.5,2", "i8", ",", -1),
    (b"-1,300", "u1", ",", -1), (b"-1,300", "i1", ",", -1), (b"70000,-70000", "i2", ",", -1),
    (b"4294967296,-1", "i4", ",", -1), (b"-1,4294967296", "u4", ",", -1),
    (b"99999999999999999999,-99999999999999999999", "i8", ",", -1),
    (b"99999999999999999999,-99999999999999999999", "u8", ",", -1),
    (b"+5,- 5", "i4", ",", -1), (b"0x10", "i4", ",", -1), (b"1,2, ", "i4", ",", -1),
    (b"1,2, ", "f8", ",", -1), (b"1,-", "i4", ",", -1), (b"1,-", "f8", ",", -1),
    (b"1+2j,3j,-4,5-1j", "c16", ",", -1), (b"1+2j, 1 +2j", "c16", ",", -1),
    (b"1+2,3", "c16", ",", -1), (b"1+2jx", "c16", ",", -1), (b"1-2j", "c8", ",", -1),
    (b"1e-50+1e50j", "c8", ",", -1), (b"", "f8", ",", -1), (b"   ", "f8", ",", -1),
    (b"abc", "f8", ",", -1), (b"1;;2", "f8", ";;", -1), (b"1 ; 2", "f8", ";", -1),
    (b"1;2", "f8", " ; ", -1), (b"0,1,2.5,nan,-0", "?", ",", -1), (b"1,2", "S3", ",", -1),
    (b"1,2", "M8[D]", ",", -1), (b"1,2", "m8[s]", ",", -1), (b"1,2", "G", ",", -1),
    (b"1,2", "(2,)f8", ",", -1), (b"1 2", "f8", ",", -1), (b"1\n2", "f8", "\n", -1),
    (b"0.1,1e4000,-1.5", "g", ",", -1), (b"65519.99,65520,2.98023223876953125e-08,1e-8",
                                         "f2", ",", -1),
    (b"0.1,3.4028235e38,3.5e38,1e-46", "f4", ",", -1), (b"1,2,3", ">f8", ",", -1),
    (b"1,2,3", ">i4", ",", -1), (b"1,2,3", ">c16", ",", -1), (b"1,2", "f8", ",", 0),
    (b"1 2 3", "f8", "  \t ", -1), (b"1a2", "f8", "a", -1), (b"1+2ja3", "c16", "a", -1),
    (b"1x 2x 3", "f8", "x ", -1), (b"1 x2 x3", "f8", " x", -1), (b"1,\xff2", "c16", ",", -1),
    (b"1" * 150, "f8", ",", -1), (b"nan(" + b"a" * 200 + b")", "f8", ",", -1),
    (b"1" * 5000 + b",2", "i8", ",", -1), (b"-" + b"0" * 6000 + b"5,2", "i2", ",", -1),
    (b"-" + b"9" * 70000 + b",2", "u4", ",", -1), (b"1" * 70000, "f8", ",", -1),
    (b"1," + b" " * 200000 + b"2", "f8", ",", -1), (b"1 " + b"\n" * 100000, "i4", " ", -1),
    (b"\n".join(b"%d" % i for i in range(20000)), "u2", "\n", -1),
]


def _read(m, path, skip, **kwargs):
    with open(path, "rb") as f:
        f.read(skip)
        got = outcome(lambda: m.fromfile(f, **kwargs))
        return got, f.tell()


def _check_text(data, dtype, sep, count, skip, tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(data)
    r, r_pos = _read(rp, p, skip, dtype=dtype, sep=sep, count=count)
    n, n_pos = _read(np, p, skip, dtype=dtype, sep=sep, count=count)
    what = f"{data!r} {dtype} sep={sep!r} count={count} skip={skip}"
    if (not isinstance(n, BaseException) and n.dtype.kind in "fc" and n.dtype.itemsize >= 16
            and not isinstance(r, BaseException)):
        # long doubles: compare the 10 bytes of each x87 number, not the padding
        assert r.dtype == n.dtype and r.shape == n.shape, what
        step = n.dtype.itemsize // (2 if n.dtype.kind == "c" else 1)
        rb, nb = np.asarray(r).tobytes(), n.tobytes()
        assert [rb[i:i + 10] for i in range(0, len(rb), step)] == \
            [nb[i:i + 10] for i in range(0, len(nb), step)], what
    elif not isinstance(n, BaseException) and not isinstance(r, BaseException):
        assert_same(r, n, msg=what)
        assert np.asarray(r).tobytes() == n.tobytes(), what     # bit for bit (NaNs, -0)
    else:
        assert_outcome(r, n, what)
    assert r_pos == n_pos, f"{what}: position {r_pos} != numpy {n_pos}"


@pytest.mark.parametrize("data,dtype,sep,count", TEXT_CASES)
def test_fromfile_text_like_numpy(data, dtype, sep, count, tmp_path):
    _check_text(data, dtype, sep, count, 0, tmp_path)


TOKENS = ["1", "-2", "+3.5", "1e5", "1e", "nan", "-inf", "Infinity", "inf", "nan(ab_1)", ".5",
          "5.", "1+2j", "3j", "-1-1j", "0x1", "99999999999999999999", "-99999999999999999999",
          "300", "-1", "1.5e+", "in", "na", "", "1e-400", "65519.99", "65520", "1e39"]
SEPS = [",", " ", ", ", ";;", " ; ", "\n", "a", "j", ",\t", "  ", " x", "x "]
FUZZ_DTYPES = ["f8", "f4", "f2", "c16", "c8", "?", "i1", "u1", "i2", "u2", "i4", "u4", "i8",
               "u8", "g", ">i4", ">f8"]


@pytest.mark.parametrize("seed", range(8))
def test_fromfile_text_random_like_numpy(seed, tmp_path):
    # random token streams and random bytes: values, errors and the position after the read
    # agree with NumPy's C scanners
    rng = random.Random(seed)
    for _ in range(60):
        sep = rng.choice(SEPS)
        if rng.random() < 0.5:
            toks = [rng.choice(TOKENS) for _ in range(rng.randint(0, 6))]
            text = rng.choice([sep, sep.strip() or sep, " " + sep + " "]).join(toks)
            text += rng.choice([sep, " ", "\n", "x", "", ""])
        else:
            text = "".join(rng.choice("0123456789+-.eEjnaNifINFty ,;\t\n()x_\xff")
                           for _ in range(rng.randint(0, 25)))
        _check_text(text.encode("latin1"), rng.choice(FUZZ_DTYPES), sep,
                    rng.choice([-1, -1, 0, 1, 2, 7]), rng.choice([0, 0, 1, 2]), tmp_path)


def test_fromfile_float16_is_rounded_once(tmp_path):
    # NumPy converts the double read straight to float16 (no detour through float32)
    vals = [2**-24 * (1 + 2**-11 + 2**-40), 65519.99, 6.106495862923111e-05,
            0.0009770393380676978, -34832.001380156886, 2.980232241545089e-08, 1e-8, 7e4]
    rng = random.Random(5)
    vals += [rng.uniform(-7e4, 7e4) for _ in range(500)]
    p = tmp_path / "h.txt"
    p.write_text(" ".join(repr(v) for v in vals))
    r, n = rp.fromfile(p, dtype="f2", sep=" "), np.fromfile(p, dtype="f2", sep=" ")
    assert np.asarray(r).tobytes() == n.tobytes()


# ----------------------------------------------------------------------------------------
# binary mode reading: count, offset, partial items, subarrays
# ----------------------------------------------------------------------------------------

_EMPTY_STRING = pytest.mark.xfail(strict=True, reason="the core makes an S1 array where numpy's "
                                  "fromfile keeps the zero-size S0 dtype it was given")

BINARY_CASES = [
    ("i4", -1, 0), ("i4", 3, 0), ("i4", 2, 0), ("i4", 0, 0), ("i4", -5, 0), ("i4", -1, 2),
    ("i4", 1, 2), ("i4", -1, 8), ("i4", -1, 10), ("i4", -1, 11), ("i4", -1, 20),
    ("i4", -1, 30), ("i4", 2, 20), ("i4", -1, -1), ("u1", 3, True), ("(2,)u1", 2, 0),
    ("(2,)u1", -1, 1), ("(3,)i2", -1, 0), ("V0", -1, 0), ("V0", 3, 0),
    pytest.param("S0", 3, 0, marks=_EMPTY_STRING), pytest.param("S0", 0, 0, marks=_EMPTY_STRING),
    ("S3", -1, 0), ("U1", -1, 0), ("M8[s]", -1, 0), ("<m8[D]", 1, 0),
    ([("a", "u1"), ("b", "<i2")], -1, 0), ("f8", 2**62, 0), ("u1", 2**40, 0),
    ("u1", 2**63, 0), ("u1", 1, 2**70), ("u1", 1, 2**63 - 1), ("u1", 1, -2**63),
    ("O", -1, 0), ([("a", "u1"), ("b", "O")], -1, 0),
]


@pytest.mark.parametrize("dtype,count,offset", BINARY_CASES, ids=repr)
def test_fromfile_binary_like_numpy(dtype, count, offset, tmp_path):
    p = tmp_path / "b.bin"
    p.write_bytes(bytes(range(10)))
    what = f"{dtype} count={count} offset={offset}"
    for skip in (0, 3):
        r, r_pos = _read(rp, p, skip, dtype=dtype, count=count, offset=offset)
        if dtype == "u1" and count == 2**40:
            # numpy reserves count items first (MemoryError where the system refuses); rumpy
            # reads what the file holds, as numpy does when the reservation succeeds
            n, n_pos = _read(np, p, skip, dtype=dtype, count=-1, offset=offset)
        else:
            n, n_pos = _read(np, p, skip, dtype=dtype, count=count, offset=offset)
        assert_outcome(r, n, what)
        assert r_pos == n_pos, f"{what}: position {r_pos} != numpy {n_pos}"


def test_fromfile_reads_numpys_files_every_dtype(tmp_path):
    for dt in ALL_DTYPES + EXTRA_DTYPES:
        n, _ = pair(dt, (3, 4))
        n.tofile(tmp_path / "x")
        assert_same(rp.fromfile(tmp_path / "x", dtype=dt), n.reshape(-1), msg=dt)
        assert_same(rp.fromfile(tmp_path / "x", dtype=dt, count=5, offset=n.itemsize),
                    np.fromfile(tmp_path / "x", dtype=dt, count=5, offset=n.itemsize), msg=dt)


# ----------------------------------------------------------------------------------------
# file objects, names and paths
# ----------------------------------------------------------------------------------------

SESSIONS = {
    "write after a prefix": ("wb", [lambda m, f: f.write(b"hello"),
                                    lambda m, f: m.arange(3, dtype="u1").tofile(f),
                                    lambda m, f: f.write(b"Z")]),
    "write at a seek": ("wb", [lambda m, f: f.write(b"hello world"), lambda m, f: f.seek(2),
                               lambda m, f: m.arange(2, dtype="<u2").tofile(f, sep=","),
                               lambda m, f: f.write(b"!")]),
    "write text mode file": ("w", [lambda m, f: f.write("abc"),
                                   lambda m, f: m.arange(2, dtype="u1").tofile(f),
                                   lambda m, f: f.write("Z")]),
    "append": ("ab", [lambda m, f: m.arange(2, dtype="u1").tofile(f),
                      lambda m, f: m.arange(2, dtype="u1").tofile(f, sep=" ")]),
    "read-write": ("r+b", [lambda m, f: f.read(3),
                           lambda m, f: m.arange(2, dtype="u1").tofile(f),
                           lambda m, f: f.read(2),
                           lambda m, f: m.fromfile(f, dtype="u1", count=2),
                           lambda m, f: f.read(1)]),
    "read twice": ("rb", [lambda m, f: f.read(1),
                          lambda m, f: m.fromfile(f, dtype="<u2", count=2),
                          lambda m, f: m.fromfile(f, dtype="u1", count=3, offset=1),
                          lambda m, f: f.read(2),
                          lambda m, f: m.fromfile(f, dtype="u1")]),
    "read text after text": ("rb", [lambda m, f: f.read(2),
                                    lambda m, f: m.fromfile(f, dtype="u1", sep=" ", count=2),
                                    lambda m, f: f.read(1)]),
    "tofile on a read-only file": ("rb", [lambda m, f: m.arange(2).tofile(f)]),
    "fromfile on a write-only file": ("wb", [lambda m, f: m.fromfile(f)]),
}


@pytest.mark.parametrize("name", list(SESSIONS))
@pytest.mark.parametrize("buffering", [-1, 0])
def test_file_object_position_like_numpy(name, buffering, tmp_path):
    mode, steps = SESSIONS[name]
    if buffering == 0 and "b" not in mode:
        pytest.skip("text files are buffered")
    logs = []
    for m in (rp, np):
        path = tmp_path / f"{m.__name__}.bin"
        path.write_bytes(b"0 1 2 3 4 5 6 7 8 9 ")
        opened = open if buffering else (lambda p, md: open(p, md, buffering=0))
        log = []
        with opened(path, mode) as f:
            for step in steps:
                log.append((outcome(lambda: step(m, f)), f.tell()))
        logs.append((log, path.read_bytes()))
    (r_log, r_bytes), (n_log, n_bytes) = logs
    assert r_bytes == n_bytes
    for (r, r_pos), (n, n_pos) in zip(r_log, n_log):
        assert r_pos == n_pos
        if isinstance(n, np.ndarray) or isinstance(n, BaseException):
            assert_outcome(r, n, name)
        else:
            assert r == n


@pytest.mark.parametrize("make", ["BytesIO", "int", "None", "object", "missing", "directory",
                                  "missing folder", "bytes path", "pathlib"])
def test_file_arguments_like_numpy(make, tmp_path):
    (tmp_path / "x.bin").write_bytes(bytes(16))
    files = {"BytesIO": lambda: io.BytesIO(bytes(16)), "int": lambda: 3, "None": lambda: None,
             "object": object, "missing": lambda: str(tmp_path / "nope"),
             "directory": lambda: str(tmp_path), "missing folder":
             lambda: str(tmp_path / "nope" / "x"), "bytes path":
             lambda: os.fsencode(tmp_path / "x.bin"), "pathlib": lambda: tmp_path / "x.bin"}
    make_file = files[make]
    assert_outcome(outcome(lambda: rp.fromfile(make_file(), dtype="u1")),
                   outcome(lambda: np.fromfile(make_file(), dtype="u1")), make)
    r = outcome(lambda: rp.arange(3).tofile(make_file()))
    r_bytes = (tmp_path / "x.bin").read_bytes()
    n = outcome(lambda: np.arange(3).tofile(make_file()))
    n_bytes = (tmp_path / "x.bin").read_bytes()
    if isinstance(n, BaseException):
        assert_same_error(r, n, make)
    else:
        assert r is None and r_bytes == n_bytes


ARGUMENT_CASES = [
    ("i8", {"count": 1.5}), ("i8", {"count": None}), ("i8", {"sep": None}),
    ("i8", {"sep": b","}), ("i8", {"sep": "a\0"}), ("i8", {"offset": 1.5}),
    ("i8", {"sep": ",", "offset": 1}), ("i8", {"sep": ",", "offset": 0}), ("xx", {}),
    (None, {"sep": ","}), ("i8", {"like": 3}), ("i8", {"count": -2**70}),
    ("i8", {"offset": 2**70, "sep": ","}), ("i8", {"sep": ","}),
]


@pytest.mark.parametrize("dtype,kwargs", ARGUMENT_CASES, ids=repr)
def test_fromfile_arguments_like_numpy(dtype, kwargs, tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"1,2,3,4,5,6,7,8")
    assert_outcome(outcome(lambda: rp.fromfile(p, dtype, **kwargs)),
                   outcome(lambda: np.fromfile(p, dtype, **kwargs)), repr(kwargs))


def test_fromfile_positional_arguments_and_like(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"1,2,3,4")
    assert_same(rp.fromfile(str(p), "i4", 2, ","), np.fromfile(str(p), "i4", 2, ","))
    assert_same_error(outcome(lambda: rp.fromfile(p, "i4", 1, ",", 0, None)),
                      outcome(lambda: np.fromfile(p, "i4", 1, ",", 0, None)))
    assert_same(rp.fromfile(p, sep=",", like=rp.arange(2)), np.fromfile(p, sep=","))

    class Other:
        def __array_function__(self, func, types, args, kwargs):
            return "handled", func.__name__

    assert rp.fromfile(p, sep=",", like=Other()) == np.fromfile(p, sep=",", like=Other())


@pytest.mark.parametrize("kwargs", [{"sep": None}, {"sep": b","}, {"format": None},
                                    {"sep": ",", "format": "%d %d"}, {"sep": "a\0"},
                                    {"sep": "\u00e9"}, {"sep": ",", "format": "%x"}],
                         ids=repr)
def test_tofile_arguments_like_numpy(kwargs, tmp_path):
    r = outcome(lambda: rp.arange(3).tofile(tmp_path / "r", **kwargs))
    n = outcome(lambda: np.arange(3).tofile(tmp_path / "n", **kwargs))
    if isinstance(n, BaseException):
        assert_same_error(r, n)
    else:
        assert r is None and (tmp_path / "r").read_bytes() == (tmp_path / "n").read_bytes()
    # the keyword names are numpy's
    rp.arange(3).tofile(file=tmp_path / "r", sep=",", format="%s")
    np.arange(3).tofile(file=tmp_path / "n", sep=",", format="%s")
    assert (tmp_path / "r").read_bytes() == (tmp_path / "n").read_bytes()


# ----------------------------------------------------------------------------------------
# dump and dumps
# ----------------------------------------------------------------------------------------

DUMP_ARRAYS = [("f8", (3, 4), None), ("c8", (5,), None), ("?", (), None), ("i2", (0, 3), None),
               ("u4", (4, 6), (slice(None, None, 2), slice(1, None, 3))), ("f4", (3, 4), "T"),
               ("U2", (3,), None), ("M8[D]", (4,), None)]


@pytest.mark.parametrize("dtype,shape,op", DUMP_ARRAYS, ids=repr)
@pytest.mark.parametrize("protocol", [None, 2, 4, 5])
def test_dumps_round_trip(dtype, shape, op, protocol):
    need("dump", "dumps", owner=rp.ndarray)
    n, r = pair(dtype, shape, op)
    kw = {} if protocol is None else {"protocol": protocol}
    back = pickle.loads(r.dumps(**kw))
    assert_same(back, pickle.loads(n.dumps(**kw)))
    assert back.flags.f_contiguous == n.flags.f_contiguous or n.ndim < 2


@pytest.mark.parametrize("how", ["str", "path", "file"])
def test_dump_to_file_and_load(how, tmp_path):
    n, r = pair("f8", (3, 4), "T")
    paths = {m: tmp_path / f"{m.__name__}.pkl" for m in (rp, np)}
    for m, a in ((rp, r), (np, n)):
        if how == "file":
            with open(paths[m], "wb") as f:
                f.write(b"")
                a.dump(f)
        else:
            a.dump(str(paths[m]) if how == "str" else paths[m])
    with open(paths[rp], "rb") as f:
        assert_same(pickle.load(f), n)
    assert_same(rp.load(paths[rp], allow_pickle=True), np.load(paths[np], allow_pickle=True))
    # pickles are refused unless allowed, as numpy refuses them
    assert_same_error(outcome(lambda: rp.load(paths[rp])), outcome(lambda: np.load(paths[np])))


def test_load_pickle_errors_like_numpy(tmp_path):
    p = tmp_path / "junk"
    for data in (b"not a pickle at all", b"\x80\x04\x95", b"\x93NUM"):
        p.write_bytes(data)
        for kw in ({}, {"allow_pickle": True}):
            assert_same_error(outcome(lambda: rp.load(p, **kw)),
                              outcome(lambda: np.load(p, **kw)), f"{data!r} {kw}")


# ----------------------------------------------------------------------------------------
# frombuffer's count and offset (the core's function)
# ----------------------------------------------------------------------------------------

FROMBUFFER_CASES = [
    ({}, None), ({"dtype": "i4", "count": 3}, None), ({"dtype": "i4", "count": 7}, None),
    ({"dtype": "i4", "count": -2}, None), ({"dtype": "i4", "count": 0}, None),
    ({"dtype": "i4", "offset": -1}, None), ({"dtype": "i4", "offset": 24}, None),
    ({"dtype": "i4", "offset": 25}, None), ({"dtype": "i4", "offset": 4, "count": 5}, None),
    ({"dtype": "i4", "offset": 4, "count": 6}, None), ({"dtype": "i4", "offset": 2}, None),
    ({"dtype": "i4", "count": 1.0}, None), ({"dtype": "i4", "offset": 1.0}, None),
    ({"dtype": "i4", "count": None}, None), ({"dtype": None}, None),
    ({"dtype": "V0", "count": 3}, None), ({"dtype": "S0"}, None),
    ({"dtype": "(2,)i4", "count": 2}, None), ({"dtype": "(2,)i4", "offset": 8}, None),
    ({"dtype": "i4", "count": 2**62}, None), ({"dtype": "i4", "count": True}, None),
    ({"dtype": "i4", "offset": 2**70}, None), ({"dtype": "i4", "count": -2**70}, None),
    ({"dtype": [("a", "<i4"), ("b", "u2")]}, None), ({"dtype": "M8[s]", "count": 1}, None),
    ({"dtype": "O"}, None), ({"dtype": "S3"}, None),
    ({"dtype": "u1"}, "strided"),
]


@pytest.mark.parametrize("kwargs,buffer", [
    pytest.param(k, b, id=f"{k}-{b}") for k, b in FROMBUFFER_CASES])
def test_frombuffer_count_offset_like_numpy(kwargs, buffer):
    data = bytes(range(24))

    def make():
        return memoryview(data)[::2] if buffer == "strided" else data
    assert_outcome(outcome(lambda: rp.frombuffer(make(), **kwargs)),
                   outcome(lambda: np.frombuffer(make(), **kwargs)), repr(kwargs))
    for buf in (bytearray(data), memoryview(bytearray(data))):
        r = outcome(lambda: rp.frombuffer(buf, **kwargs))
        n = outcome(lambda: np.frombuffer(buf, **kwargs))
        assert_outcome(r, n, repr(kwargs))
        if isinstance(n, np.ndarray):
            assert r.flags.writeable == n.flags.writeable


def test_pathlike_objects_everywhere(tmp_path):
    class PathLike:
        def __init__(self, p):
            self.p = p

        def __fspath__(self):
            return str(self.p)

    n, r = pair("i2", (2, 3))
    r.tofile(PathLike(tmp_path / "r"))
    n.tofile(PathLike(tmp_path / "n"))
    assert (tmp_path / "r").read_bytes() == (tmp_path / "n").read_bytes()
    assert_same(rp.fromfile(PathLike(tmp_path / "n"), dtype="i2"),
                np.fromfile(pathlib.PurePath(tmp_path / "r"), dtype="i2"))
