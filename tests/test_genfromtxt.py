"""rp.genfromtxt reads text as np.genfromtxt (numpy 2.4) does: the same rows, values, dtype
(structured dtypes with their field names and string sizes), shape and return type (an array,
or a list of arrays for an unpacked structured result); for bad input the same exception class
and message; the same warnings (class name and message: ConversionWarning, the empty-input
UserWarning, VisibleDeprecationWarning, RuntimeWarnings of casts).

Every case runs one call in each library, each on its own fresh input (a new StringIO,
BytesIO, list, generator or file handle; file paths are written once in tmp_path), and
compares the two outcomes. The expected kind of numpy's outcome is written next to each case
(a value, the exception class, or the warning numpy gives) and checked, so that a case whose
call is itself wrong cannot pass by failing the same way in both libraries.

Many cases are ports of numpy's own TestFromTxt (numpy/lib/tests/test_io.py) into this
compare-with-numpy form; the others cover the keywords one by one and numpy 2.4's quirks as
plans/textio-notes.md section 9 records them. usemask=True cases compare the masked arrays
(data, mask, fill value) through tests/ma_helpers.py."""

import bz2
import datetime
import gzip
import io
import lzma
import re
import warnings

import numpy as np
import pytest

import rumpy as rp
from conftest import TEST_BUGS, assert_same_error

ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def norm(text):
    """A message without the addresses of the objects it names."""
    return ADDRESS.sub(" at 0x...", text)


# ---------------------------------------------------------------------------------------
# inputs and arguments that differ per library or per call
# ---------------------------------------------------------------------------------------

class Per:
    """An argument that differs per library: ``Per(rp_value, np_value)``."""

    def __init__(self, r, n):
        self.r, self.n = r, n

    def __repr__(self):
        return "Per(...)"


class PerModule:
    """An argument made per library by ``fn(module)`` (a dtype object, an array, a converter
    returning the library's scalars)."""

    def __init__(self, fn):
        self.fn = fn

    def __repr__(self):
        return "PerModule(...)"


class Raw:
    """An fname passed as it is (a str is a path to genfromtxt, not text)."""

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"Raw({self.value!r})"


class File:
    """A file written in tmp_path and passed as ``how``: 'str' (its path as a str), 'path'
    (a pathlib.Path), 'text' / 'binary' (an open handle, new per library), 'gzip-text' /
    'gzip-binary' (a handle from gzip.open). A name ending in .gz/.bz2/.xz is written
    compressed. Text data is written with ``write_encoding``."""

    def __init__(self, data, how="str", name="data.txt", write_encoding="utf-8"):
        self.data, self.how, self.name, self.write_encoding = data, how, name, write_encoding

    def __repr__(self):
        return f"File({self.data!r:.40}, {self.how}, {self.name})"

    def write(self, tmp_path):
        path = tmp_path / self.name
        raw = self.data if isinstance(self.data, bytes) else self.data.encode(
            self.write_encoding)
        opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}.get(path.suffix, open)
        with opener(path, "wb") as f:
            f.write(raw)
        return path

    def open(self, tmp_path):
        path = self.write(tmp_path)
        if self.how == "str":
            return str(path)
        if self.how == "path":
            return path
        if self.how == "text":
            return open(path, encoding=self.write_encoding)
        if self.how == "binary":
            return open(path, "rb")
        if self.how == "gzip-text":
            return gzip.open(path, "rt", encoding=self.write_encoding)
        if self.how == "gzip-binary":
            return gzip.open(path, "rb")
        raise AssertionError(self.how)


def gen(*items):
    """A generator factory (a new generator per library)."""
    def make():
        return (x for x in items)
    return make


def fresh(src, m, tmp_path):
    """A new copy of a source for one library: text becomes a StringIO, bytes a BytesIO, a
    list is copied, a callable is called, a File is written and opened."""
    if isinstance(src, Per):
        src = src.r if m is rp else src.n
    if isinstance(src, PerModule):
        return src.fn(m)
    if isinstance(src, Raw):
        return src.value
    if isinstance(src, File):
        return src.open(tmp_path)
    if isinstance(src, str):
        return io.StringIO(src)
    if isinstance(src, bytes):
        return io.BytesIO(src)
    if isinstance(src, list):
        return list(src)
    if isinstance(src, tuple):
        return tuple(src)
    if callable(src):
        return src()
    raise AssertionError(f"unknown source {src!r}")


def _copy(v):
    """A copy of the containers of an argument (numpy extends a given excludelist in place)."""
    if isinstance(v, list):
        return [_copy(x) for x in v]
    if isinstance(v, tuple):
        return tuple(_copy(x) for x in v)
    if isinstance(v, dict):
        return {k: _copy(x) for k, x in v.items()}
    return v


def resolve(kwargs, m):
    out = {}
    for k, v in kwargs.items():
        if isinstance(v, Per):
            v = v.r if m is rp else v.n
        elif isinstance(v, PerModule):
            v = v.fn(m)
        out[k] = _copy(v)
    return out


# ---------------------------------------------------------------------------------------
# running one call and comparing outcomes
# ---------------------------------------------------------------------------------------

class Outcome:
    def __init__(self, value=None, exc=None, caught=()):
        self.value, self.exc = value, exc
        self.warnings = [(w.category, norm(str(w.message)), w.filename, w.lineno)
                         for w in caught]

    def warning_names(self):
        return [c.__name__ for c, *_ in self.warnings]

    def __repr__(self):
        if self.exc is not None:
            return f"<raised {type(self.exc).__name__}: {self.exc}>"
        return repr(self.value)


def call(m, arg, kw):
    """``m.genfromtxt(arg, **kw)``: its value or exception, and its warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.simplefilter("ignore", ResourceWarning)   # the garbage of other tests
        try:
            value = m.genfromtxt(arg, **kw)
        except TEST_BUGS:
            raise
        except Exception as e:  # noqa: BLE001 - compared with numpy's outcome by the caller
            return Outcome(exc=e, caught=caught)
    return Outcome(value=value, caught=caught)


def run(m, src, kwargs, tmp_path):
    arg = fresh(src, m, tmp_path)
    try:
        return call(m, arg, resolve(kwargs, m))
    finally:
        if hasattr(arg, "close"):
            arg.close()


def _equal(a, n, what):
    """Two numpy arrays of the same dtype and shape hold the same values: NaN equal to NaN,
    the sign of zero, records field by field, objects with their types, times as integers."""
    if n.dtype.names is not None:
        for name in n.dtype.names:
            _equal(a[name], n[name], f"{what}[{name!r}]")
        return
    kind = n.dtype.kind
    if kind in "fc":
        ok = np.array_equal(a, n, equal_nan=True)
        parts = [(a.real, n.real), (a.imag, n.imag)] if kind == "c" else [(a, n)]
        for p, q in parts:
            nan = np.isnan(p) & np.isnan(q)
            ok = ok and np.array_equal(np.signbit(p) | nan, np.signbit(q) | nan)
    elif kind in "Mm":
        ok = np.array_equal(a.view("i8"), n.view("i8"))
    elif kind == "O":
        got, want = a.ravel().tolist(), n.ravel().tolist()
        ok = ([type(x) for x in got] == [type(x) for x in want]
              and all(x == y or (x != x and y != y) for x, y in zip(got, want)))
    else:
        ok = np.array_equal(a, n)
    assert ok, f"{what}: values differ:\nrumpy {a!r}\nnumpy {n!r}"


def same_value(r, n, what="result"):
    """rumpy's result is numpy's: the same type (a list for unpacked records), dtype (byte
    order, field names, string sizes, subarray shapes), shape and values. Records are compared
    field by field through rumpy's own field access, so that field names the buffer protocol
    cannot carry ('C:C') do not stand in the way."""
    if isinstance(n, list):
        assert isinstance(r, list), f"{what}: rumpy returned {type(r).__name__}, numpy a list"
        assert len(r) == len(n), f"{what}: {len(r)} arrays, numpy {len(n)}"
        for i, (x, y) in enumerate(zip(r, n)):
            same_value(x, y, f"{what}[{i}]")
        return
    assert type(n) is np.ndarray, f"{what}: numpy returned {type(n)!r}"
    assert isinstance(r, rp.ndarray), f"{what}: rumpy returned {type(r)!r}, not a rumpy ndarray"
    rd, nd = r.dtype, n.dtype
    assert (rd.str, rd.names, rd.descr) == (nd.str, nd.names, nd.descr), \
        f"{what}: dtype {rd!r} != numpy {nd!r}"
    assert tuple(r.shape) == n.shape, f"{what}: shape {tuple(r.shape)} != numpy {n.shape}"
    if nd.names is not None:
        for name in nd.names:
            same_value(r[name], n[name], f"{what}[{name!r}]")
        return
    a = np.asarray(r)
    assert a.dtype.str == nd.str and a.shape == n.shape, (what, a.dtype, a.shape)
    _equal(a, n, what)


def same(r, n, what):
    """Two outcomes agree: the value, or the exception class and message; and the warnings
    (class name and message)."""
    if n.exc is not None:
        if r.exc is None:
            raise AssertionError(f"{what}: numpy raised {type(n.exc).__name__}({n.exc}), rumpy "
                                 f"returned {r.value!r}")
        assert_same_error(r.exc, n.exc, what)
        assert norm(str(r.exc)) == norm(str(n.exc)), \
            f"{what}: message {str(r.exc)!r} != numpy {str(n.exc)!r}"
    elif r.exc is not None:
        raise AssertionError(f"{what}: rumpy raised {type(r.exc).__name__}({r.exc}), numpy "
                             f"returned {n.value!r}") from r.exc
    else:
        same_value(r.value, n.value, what)
    rw = [(c.__name__, msg) for c, msg, *_ in r.warnings]
    nw = [(c.__name__, msg) for c, msg, *_ in n.warnings]
    assert rw == nw, f"{what}: warnings {rw} != numpy {nw}"
    # a rumpy warning class must be the kind of warning numpy's is (ConversionWarning and
    # VisibleDeprecationWarning are UserWarnings)
    for (rc, *_), (nc, *_) in zip(r.warnings, n.warnings):
        for base in (UserWarning, DeprecationWarning, RuntimeWarning):
            assert issubclass(rc, base) == issubclass(nc, base), \
                f"{what}: rumpy's {rc.__name__} and numpy's differ about being a {base.__name__}"


ANY = object()          # a matrix case: whatever numpy does is compared


def expect_numpy(n, expect, what):
    """numpy's outcome is the kind the case says: None (a value, no warning), an exception
    class, or the name of the warning numpy gives with its value."""
    if expect is ANY:
        return
    if isinstance(expect, type) and issubclass(expect, BaseException):
        assert isinstance(n.exc, expect), f"{what}: numpy gave {n!r}, the case expects {expect}"
        return
    assert n.exc is None, f"{what}: numpy raised {n!r}, the case expects a value"
    want = [] if expect is None else [expect] if isinstance(expect, str) else list(expect)
    assert n.warning_names() == want, f"{what}: numpy warned {n.warnings}, the case expects {want}"


def check(src, kwargs, expect, tmp_path):
    what = f"genfromtxt({src!r:.60}, {kwargs})"
    n = run(np, src, kwargs, tmp_path)
    expect_numpy(n, expect, what)
    r = run(rp, src, kwargs, tmp_path)
    same(r, n, what)
    return r, n


# ---------------------------------------------------------------------------------------
# the cases: (id, source, numpy's kind of outcome, keywords)
# ---------------------------------------------------------------------------------------

CASES = []


def case(cid, src, expect=None, **kwargs):
    CASES.append(pytest.param(src, kwargs, expect, id=cid))


CW, VDW, EMPTY, RTW = ("ConversionWarning", "VisibleDeprecationWarning", "UserWarning",
                       "RuntimeWarning")


def strptime(fmt):
    return lambda s: datetime.datetime.strptime(s.strip(), fmt)


# --- float, the default dtype -----------------------------------------------------------
case("float-2x2", "1 2\n3 4")
case("float-column", "1\n2\n3\n4\n")
case("float-row-comma", "1,2,3,4\n", delimiter=",")
case("float-single-value", "42")
case("float-blank-lines", "\n1 2\n\n   \n3 4\n\n")
case("float-crlf", "1 2\r\n3 4\r\n")
case("float-tabs-and-spaces", "1\t2\t 3\n4 \t5\t6")
case("float-forms", "0.1 -2.5e3 .5 3. -0 +1 1E5 1e-320 1e400 -1e400 -0.0")
case("float-nan-inf-spellings",
     "nan NaN NAN inf Inf INF infinity -Infinity +inf -nan +nan iNfInItY")
case("float-underscores", "1_000 2_5.5 1_0e1_0")
case("float-bad-underscores", "1__0 _1 1_ 1_.5")
case("float-hex-is-missing", "0x10 1")
case("float-junk-is-nan", "x 1\n2 abc")
case("float-junk-strict", "x 1\n2 abc", ValueError, loose=False)
case("float-extremes", "1.7976931348623157e308 2.2250738585072014e-308 4.9e-324 5e-324 "
     "2.4703282292062328e-324 2.4703282292062327e-324 0.30000000000000004")
case("float-long-mantissas", "0.1000000000000000055511151231257827021181583404541015625 "
     "123456789012345678901234567890 1.00000000000000011102230246251565404236316680908203125 "
     "9007199254740993 1.7976931348623158e308")
case("float-spaces-in-fields", " 1.5 , 2 ,3 ", delimiter=",")
case("float-fortran-exponent", "1d5 1.0D2 2e 1e+")
case("float-words", "None True False")
case("float-explicit", "1 2\n3 4", dtype=float)
case("float-big-endian", "1.5 -2\n3 4e300", dtype=">f8")
case("float32-double-rounding", "1.000000059604644775390625000000001 0.1 3.4028235e38 "
     "1.401298464324817e-45 7e-46", dtype="f4")
case("float32-overflow", "3.5e38 1", RTW, dtype="f4")
case("float16-values", "0.1 65504 6e-8 2.9802322387695312e-08 1000.5", dtype="f2")
case("float16-overflow", "65520 1e5", [RTW, RTW], dtype="f2")
case("longdouble", "0.1 1e400 0x10 -3.5", dtype=np.longdouble)
case("float-missing", "1,,3\n,5,", delimiter=",")

# --- integers ---------------------------------------------------------------------------
case("int-2x2", "1 2\n3 4", dtype=int)
case("int-column", "1\n2\n3\n4\n", dtype=int)
case("int-row", "1,2,3,4\n", dtype=int, delimiter=",")
case("int-missing-is-minus-one", "1,,3\n4,5,6", dtype=int, delimiter=",")
case("int-strict-junk", "1 x", ValueError, dtype=int, loose=False)
case("int32-strict-float-truncates", "1 2.5", dtype="i4", loose=False)
case("int64-strict-float", "1 2.5", ValueError, dtype="i8", loose=False)
case("int-big-endian", "1 -2\n300 4", dtype=">i4")
case("uint-little-endian", "1 2\n300 4", dtype="<u2")

INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
INT_TOKENS = {
    "small": ("0 5 17 +3 007 127", {}),
    "negative": ("-128 -1 -0", {}),
    "fractions": ("1.5 -2.7 1e2 -0.5", {}),
    "junk": ("x 1", {}),
    "underscore": ("1_000 2", {}),
    "spaces": (" 7 , 8 ", {"delimiter": ","}),
    "u8-edge": ("255 256", {}),
    "32-edge": ("2147483647 2147483648 4294967295 4294967296", {}),
    "i64-edge": ("9223372036854775807 9223372036854775808", {}),
    "u64-edge": ("18446744073709551615 18446744073709551616", {}),
    "hex": ("0x10 1", {}),
    "missing": ("1,,3", {"delimiter": ","}),
    "huge-float": ("1e30 1", {}),
}
for _dt in INT_DTYPES:
    for _name, (_text, _kw) in INT_TOKENS.items():
        case(f"int-{_dt}-{_name}", _text, ANY, dtype=_dt, **_kw)

# --- bool -------------------------------------------------------------------------------
case("bool-words", "True False\nTRUE false\ntrue FaLsE", dtype=bool)
case("bool-digits-are-false", "1 0 2 -1", dtype=bool)
case("bool-strict", "1 0", ValueError, dtype=bool, loose=False)
case("bool-missing", "True,,False", dtype=bool, delimiter=",")
case("bool-spaces", " true ,FALSE ", dtype="?", delimiter=",")

# --- complex ----------------------------------------------------------------------------
case("complex-forms", "1+2j (3-4j) 5 2j -1.5e2-0.5j 1J", dtype=complex)
case("complex-special", "inf+nanj nan -infj (1+0j) -0-0j", dtype=complex)
case("complex-junk", "1++2j j x 1+j", dtype=complex)
case("complex64", "1+2j 0.1+0.2j 1e39", RTW, dtype="c8")
case("complex-strict", "x", ValueError, dtype=complex, loose=False)
case("complex-spaces", " ( 1+2j ) ,1 + 2j,(1+2j", dtype=complex, delimiter=",")
case("complex-missing", "1+1j,,3", dtype="c16", delimiter=",")

# --- strings, bytes and objects ---------------------------------------------------------
case("str-U", "a bcd\nef g", dtype="U")
case("str-U2-truncates", "a bcd", dtype="U2")
case("str-str", "a bcd", dtype=str)
case("str-S", "a bcd", dtype="S")
case("str-S2", "a bcd", dtype="S2")
case("str-bytes", "a bcd", dtype=bytes)
case("str-U-non-ascii", "é € x\u03d6", dtype="U")
case("str-S-latin1", "é x", dtype="S")
case("str-S-not-latin1", "€ x", dtype="S")
case("str-U-empty-fields", "a,,b", dtype="U", delimiter=",")
case("str-S-encoding-bytes", "a bcd", dtype="S", encoding="bytes")
case("str-U-encoding-bytes", "a bcd", dtype="U", encoding="bytes")
case("str-U-big-endian", "ab cde", dtype=">U3")
case("str-from-bytesio-latin1", b"\xe9 x", dtype="U")
case("str-from-bytesio-utf8", "é x".encode(), dtype="U", encoding="utf-8")
case("object-plain", "1\nstring", dtype=object)
case("object-two-columns", "1 a\n2 bc", dtype=object)
case("datetime64-D", "2020-01-01 2021-03-04", dtype="M8[D]")
case("timedelta64-s", "10 -5", dtype="m8[s]")

# --- structured dtypes ------------------------------------------------------------------
case("rec-list", "1 2\n3 4", dtype=[("x", np.int32), ("y", np.int32)])
case("rec-dict", "M 64.0 75.0\nF 25.0 60.0",
     dtype={"names": ("gender", "age", "weight"), "formats": ("S1", "i4", "f4")})
case("rec-comma-string", "1 2.5\n3 4.5", dtype="i4,f8")
case("rec-comma-string-3", "1 2.5 abc\n3 4.5 de", dtype="i4,f8,U3")
case("rec-comma-string-defaultfmt", "1 2.5\n3 4.5", dtype="i4,f8", defaultfmt="col%d")
case("rec-tuple-of-types", "0, 1, 2.3\n4, 5, 6.7", delimiter=",", dtype=(int, float, float),
     defaultfmt="f_%02i")
case("rec-tuple-with-names", "0, 1, 2.3\n4, 5, 6.7", delimiter=",", dtype=(int, float, float),
     names="a,b,c")
case("rec-nested", "1,2,3.0\n4,5,6.0\n", delimiter=",",
     dtype=[("x", int), ("y", [("t", int), ("s", float)])])
case("rec-subarray", "aaaa  1.0  8.0  1 2 3 4 5 6",
     dtype=[("name", "S4"), ("x", float), ("y", float), ("block", int, (2, 3))])
case("rec-subarray-two-rows", "1 2 3\n4 5 6", dtype=[("a", "i2"), ("b", ">f8", (2,))])
case("rec-nested-subarray", "1 1 2 0", dtype=[("p", [("q", "i1"), ("r", "f4")], (2,))])
case("rec-comma-string-subarray", "1 2 3", dtype="i4,2f8")
case("rec-names-override", b"M 64.0 75.0\nF 25.0 60.0",
     dtype={"names": ("g", "a", "w"), "formats": ("S1", "i4", "f4")},
     names=("gender", "age", "weight"))
case("rec-names-override-string", "1 2\n3 4", dtype="i4,f8", names="a, b")
case("rec-names-override-short", "1 2\n3 4", dtype="i4,f8", names="a")
case("rec-names-completed", "1 2 3\n 4 5 6", dtype=(int, float, int), names="a")
case("rec-fewer-fields-than-columns", "1 2 3\n4 5 6", dtype="i4,i4")
case("rec-more-fields-than-columns", "1 2\n3 4", ValueError, dtype="i4,i4,i4")
case("rec-big-endian", "1 2.5\n3 4", dtype=[("a", ">i4"), ("b", ">f8")])
case("rec-single-field", "21\n35", dtype={"names": ("a",), "formats": ("i4",)})
case("rec-bool-field", "True 1\nfalse 2\n1 3", dtype=[("a", "?"), ("b", "i8")])
case("rec-missing-fields", "1,,3\n,5,", delimiter=",", dtype="i4,f8,c16")
case("rec-string-fields", "ab cd\nefg h", dtype=[("a", "U2"), ("b", "S3")])
case("rec-datetime-field", "2020-01-01 1\n1999-12-31 2", dtype=[("d", "M8[D]"), ("x", "i4")])
case("rec-object-field", " 1; 2001-01-01\n                   2; 2002-01-31 ", delimiter=";",
     dtype=[("idx", int), ("code", object)], converters={1: strptime("%Y-%m-%d")})
case("rec-nested-object", " 1; 2001-01-01\n 2; 2002-01-31 ", NotImplementedError,
     delimiter=";", dtype=[("nest", [("idx", int), ("code", object)])],
     converters={1: strptime("%Y-%m-%d")})
case("rec-nested-empty-with-object", " 1; 2001-01-01\n 2; 2002-01-31 ", NotImplementedError,
     delimiter=";", dtype=[("idx", int), ("code", object), ("nest", [])],
     converters={1: strptime("%Y-%m-%d")})
case("rec-dtype-object", "1 2.5\n3 4",
     dtype=PerModule(lambda m: m.dtype([("a", "i4"), ("b", "f8")])))
case("rec-dtype-object-names", "1 2.5\n3 4", names="x,y",
     dtype=PerModule(lambda m: m.dtype([("a", "i4"), ("b", "f8")])))
case("subarray-dtype-plain", "1 2", dtype=("i4", (2,)))

# --- dtype=None: inference --------------------------------------------------------------
case("none-ints", "1 2 3 4\n5 6 7 8\n", dtype=None)
case("none-floats", "1.5 2\n3 4", dtype=None)
case("none-mixed", "1 2.5 True abc 1+2j\n3 4 false de 3j", dtype=None)
case("none-mixed-encoding-bytes", "1 2.5 True abc 1+2j\n3 4 false de 3j", VDW, dtype=None,
     encoding="bytes")
case("none-bool", "True False\nfalse TRUE", dtype=None)
case("none-complex", "1+2j 3\n4j 5", dtype=None)
case("none-strings", "a bc\ndef g", dtype=None)
case("none-strings-encoding-bytes", "a bc\ndef g", VDW, dtype=None, encoding="bytes")
case("none-missing-int", "1,,3\n4,5,6", delimiter=",", dtype=None)
case("none-empty-column-is-bool", "1,,3\n4,,6", delimiter=",", dtype=None)
case("none-large-ints", "73786976294838206464 17179869184 1024", dtype=None)
case("none-hex-is-longdouble", "0x10 1\n0x1p3 2", dtype=None)
case("none-int-then-junk", "1\nx", TypeError, dtype=None)
case("none-int-then-junk-2", "1 2\nx 4", TypeError, dtype=None)
case("none-ladder-then-junk", "1\n2.5\n1+2j\nx", TypeError, dtype=None)
case("none-junk-then-int", "x\n1", dtype=None)
case("none-float-then-junk", "2.5\nx", dtype=None)
case("none-underscores", "1_000 2\n3 4_0.5", dtype=None)
case("none-nan-inf", "nan inf\n-inf 1", dtype=None)
case("none-single-column", "1\n2\n3", dtype=None)
case("none-single-value", "7", dtype=None)
case("none-bool-then-int", "True\n2", dtype=None)
case("none-int-overflow-column", "1\n99999999999999999999", dtype=None)
case("none-negative-overflow", "-9223372036854775808 -9223372036854775809", dtype=None)
case("none-names", "a b c\n1 2.5 x\n3 4 y", dtype=None, names=True)
case("none-names-uniform", "a b\n1 2\n3 4", dtype=None, names=True)
case("none-dates-stay-strings", "2009-02-03 1\n2010-01-01 2", dtype=None)
case("none-empty-string-fields", "a,,c\nd,e,f", delimiter=",", dtype=None)
case("none-user-missing", "A, B, C\n0, 0., 0j\n1, N/A, 1j\n-9, 2.2, N/A\n3, -99, 3j",
     delimiter=",", names=True, dtype=None, missing_values="N/A")
case("none-filling", b"1, 2, 3\n1, , 5\n0, 6, \n", delimiter=",", dtype=None,
     filling_values=-999)
case("none-defaultfmt", "0, 1, 2.3\n4, 5, 6.7", delimiter=",", dtype=None, defaultfmt="f%02i")
case("none-defaultfmt-words", "a 1\nb 2", dtype=None, defaultfmt="Var_%i", encoding="utf-8")
case("none-autostrip-off", "01/01/2003  , 1.3,   abcde", VDW, delimiter=",", dtype=None,
     encoding="bytes")
case("none-autostrip-on", "01/01/2003  , 1.3,   abcde", VDW, delimiter=",", dtype=None,
     encoding="bytes", autostrip=True)
case("none-comments-none", "test1,testNonetherestofthedata", VDW, dtype=None, comments=None,
     delimiter=",", encoding="bytes")
case("none-comments-none-space", "test1, testNonetherestofthedata", VDW, dtype=None,
     comments=None, delimiter=",", encoding="bytes")
case("none-header-bytes", "gender age weight\nM 64.0 75.0\nF 25.0 60.0", VDW, dtype=None,
     names=True, encoding="bytes")
case("none-auto-columns-bytes", "A 64 75.0 3+4j True\nBCD 25 60.0 5+6j False", VDW,
     dtype=None, encoding="bytes")
case("none-str-encoding-none", "M 21 72.\nF 35 58.", dtype=None, encoding=None)
case("none-all-missing", ",\n,", delimiter=",", dtype=None)
case("none-spaces-int", " 7 , 8 ", delimiter=",", dtype=None)

# --- names ------------------------------------------------------------------------------
case("names-true", "a b c\n1 2 3\n4 5 6", names=True)
case("names-true-int", "a b c\n1 2 3\n4 5 6", names=True, dtype=int)
case("names-true-structured", "a b\n1 2.5\n3 4", names=True, dtype="i4,f8")
case("names-commented-header", "\n#gender age weight\nM   21  72.100000\nF   35  58.330000\n"
     "M   33  21.99\n        ", VDW, names=True, dtype=None, encoding="bytes")
case("names-commented-header-space", b"\n# gender age weight\nM   21  72.100000\n"
     b"F   35  58.330000\nM   33  21.99\n        ", VDW, names=True, dtype=None,
     encoding="bytes")
case("names-comments-none", "col1 col2\n 1 2\n 3 4", dtype=(int, int), comments=None, names=True)
case("names-string", "1 2 3\n4 5 6", names="a, b, c")
case("names-list", "1 2 3\n4 5 6", names=["a", "b", "c"])
case("names-tuple", "1 2 3\n4 5 6", names=("x", "y", "z"), dtype=int)
case("names-fewer-than-columns", "1 2 3", names="a,b")
case("names-more-than-columns", "1 2", ValueError, names="a,b,c")
case("names-from-numbers", "1 2\n3 4", names=True)
case("names-incomplete-none", "A,,C\n0,1,2\n3,4,5", delimiter=",", names=True, dtype=None)
case("names-incomplete-float", "A,,C\n0,1,2\n3,4,5", delimiter=",", names=True)
case("names-duplicates", "a,a,,\n1,2,3,4", delimiter=",", names=True)
case("names-duplicates-default", "f0,,a,a,a\n1,2,3,4,5", delimiter=",", names=True)
case("names-reserved", "return file print x\n1 2 3 4", names=True)
case("names-excludelist", "a b c\n1 2 3", names=True, excludelist=["a", "c"])
case("names-deletechars", "b-c d.e f\n1 2 3", names=True, deletechars="-")
case("names-deletechars-default", "a!b c@d e#f g(h)\n1 2 3 4", names=True, comments=None)
case("names-replace-space-default", "A.A, B (B), C:C\n1, 2, 3.14", delimiter=",", names=True,
     dtype=None)
case("names-no-replace-no-delete", "A.A, B (B), C:C\n1, 2, 3.14", delimiter=",", names=True,
     dtype=None, replace_space="", deletechars="")
case("names-no-delete", "A.A, B (B), C:C\n1, 2, 3.14", delimiter=",", names=True, dtype=None,
     deletechars="")
case("names-replace-dash", "A.A, B (B), C:C\n1, 2, 3.14", delimiter=",", names=True, dtype=None,
     replace_space="-", deletechars="")
case("names-known-dtype", "A.A, B (B), C:C\n1, 2, 3", delimiter=",", names=True, dtype=int)
case("names-known-dtype-no-delete", "A.A, B (B), C:C\n1, 2, 3", delimiter=",", names=True,
     dtype=int, replace_space="", deletechars="")
case("names-quote-always-deleted", 'a"b c\n1 2', names=True, deletechars="")
for _cs in [True, False, "upper", "lower", "u", "l", "uppercase", "lowest"]:
    case(f"names-case-{_cs}", "Aa bB\n1 2", names=True, case_sensitive=_cs)
case("names-case-given-names", "1 2", names="Aa,Bb", case_sensitive="lower")
case("names-case-structured", "1 2", dtype=[("Aa", "i4"), ("Bb", "f8")], case_sensitive="upper")
case("names-case-bogus", "Aa bB\n1 2", ValueError, names=True, case_sensitive="bogus")
case("names-case-Up", "Aa bB\n1 2", ValueError, names=True, case_sensitive="Up")
case("names-case-none-with-names", "Aa bB\n1 2", names=True, case_sensitive=None)
case("names-defaultfmt-structured", "1 2 3", dtype="i4,i4,i4", defaultfmt="Var%i")
case("names-defaultfmt-partial", "1 2 3", dtype=(int, int, int), names="a", defaultfmt="c%i")
case("names-usecols-index", "A,B,C,D,E\n0,1,2,3,4\n0,1,2,3,4\n0,1,2,3,4",
     dtype=(int, int, int), delimiter=",", usecols=(0, 2, 4), names=True)
case("names-usecols-names", "A,B,C,D,E\n0,1,2,3,4\n0,1,2,3,4\n0,1,2,3,4",
     dtype=(int, int, int), delimiter=",", usecols=("A", "C", "E"), names=True)
case("names-usecols-names-int", "A,B,C,D,E\n0,1,2,3,4\n0,1,2,3,4\n0,1,2,3,4",
     dtype=int, delimiter=",", usecols=("A", "C", "E"), names=True)
case("names-autonames-usecols", "A B C D\n aaaa 121 45 9.1", VDW, usecols=("A", "C", "D"),
     names=True, dtype=None, encoding="bytes")
case("names-only-header", "a b c\n", names=True)
case("names-true-empty-input", "", IndexError, names=True)
case("names-string-empty-input", "", EMPTY, names="a,b")
case("names-header-blank-comment", "#\n1 2\n3 4", names=True)
case("names-comment-prefix-dropped", "ab a x y\n1 2", names=True, comments="ab")
case("names-after-skip-header", "junk\na b\n1 2", names=True, skip_header=1)
case("names-comment-lines-after-header", "#a b\n#x\n1 2", names=True)
case("names-header-with-inline-comment", "a # b\n1 2", ValueError, names=True)
case("names-fixed-widths", "    A    B   C\n    0    1 2.3\n   45   67   9.",
     delimiter=(5, 5, 4), names=True, dtype=None)
case("names-fixed-width", "    A    B   C\n    0    1 2.3\n   45   67   9.", delimiter=5,
     names=True, dtype=None)
case("names-bytes-list", "1 2", TypeError, names=[b"a", b"b"])
case("names-single-column", "x\n1\n2", names=True)

# --- comments ---------------------------------------------------------------------------
case("comments-own-line", "# comment\n1,2,3,5\n", dtype=int, delimiter=",", comments="#")
case("comments-end-of-line", "1,2,3,5# comment\n", dtype=int, delimiter=",", comments="#")
case("comments-percent", "% c\n1 2 % x\n3 4", comments="%")
case("comments-hash-kept-with-other-marker", "1 #2\n3 4", comments="%")
case("comments-multichar", "1 2 // c\n// only\n3 4", comments="//")
case("comments-multichar-dashes", "1 2 -- c\n3 4 - 5", ValueError, comments="--")
case("comments-none-hash-is-data", "1,#2\n3,4", delimiter=",", comments=None, dtype=None)
case("comments-none-float", "1 #\n3 4", comments=None)
case("comments-bytes", "1 2 ; c\n3 4", comments=b";")
case("comments-inside-field", "1 2#3\n4 5")
case("comments-empty-string", "1 2", ValueError, comments="")
case("comments-line-all-comment", "1 2\n# 3 4 5\n5 6")
case("comments-with-fixed-width", "1 2 #x\n3 4", delimiter=2)
case("comments-with-widths", "1 2#x\n3 4 5", delimiter=(2, 2))

# --- delimiters -------------------------------------------------------------------------
case("delim-whitespace-mixed", "1  2\t3\n 4 5   6 ")
case("delim-comma", "1,2,3\n4,5,6", delimiter=",")
case("delim-semicolon", "2009; 23; 46", delimiter=";")
case("delim-tab-missing", "1\t2\t3\n\t2\t\n1\t\t3", delimiter="\t")
case("delim-single-space", " 1  2 ", delimiter=" ")
case("delim-multichar", "1::2::3\n4::5::6", delimiter="::")
case("delim-multichar-names", "a||b\n1||2", delimiter="||", names=True)
case("delim-bytes", "1,2\n3,4", delimiter=b",")
case("delim-int", "  1  2  3\n  4  5 67\n890123  4", delimiter=3)
case("delim-int-ragged", "12345\n123", ValueError, delimiter=2)
case("delim-widths-keep-spaces", "12 34\n5678\n", delimiter=[2, 1, 2])
case("delim-widths-tuple", "    A    B   C\n    0    1 2.3\n   45   67   9.", delimiter=(5, 5, 4),
     skip_header=1)
case("delim-widths-short-line", "123\n12345", delimiter=(2, 3))
case("delim-widths-str", "ab cde\nfghijk", delimiter=(2, 4), dtype="U")
case("delim-zero-is-whitespace", "1 2\n3 4", delimiter=0)
case("delim-empty-is-whitespace", "1 2\n3 4", delimiter="")
case("delim-float-width", "1234\n5678", delimiter=2.0)
case("delim-comma-trailing", "1,2,\n3,4,", delimiter=",")
case("delim-no-quoting", '"a,b",c', dtype=str, delimiter=",")
case("delim-comma-spaces-str", " a , b ", dtype="U", delimiter=",")
case("delim-whitespace-unicode", "1\u00a02\u20033", dtype=None)
case("delim-crlf-comma", "1,2\r\n3,4\r\n", delimiter=",")

# --- autostrip --------------------------------------------------------------------------
case("autostrip-on-str", " a , b ", dtype="U", delimiter=",", autostrip=True)
case("autostrip-fixed-width", "  1  2", dtype=str, delimiter=3, autostrip=True)
case("autostrip-floats", " 1 , 2 \n3,4", delimiter=",", autostrip=True)
case("autostrip-names", " a , b \n1,2", delimiter=",", names=True, autostrip=True)

# --- skip_header / skip_footer ----------------------------------------------------------
_FOOTER = "\n".join([f"# {i}" for i in range(1, 6)] + ["A, B, C"]
                    + [f"{i},{i:3.1f},{i:03d}" for i in range(50)] + ["99,99"])
case("skip-header-1", "comment\n1,2,3,5\n", skip_header=1, dtype=int, delimiter=",")
case("skip-header-counts-blank-lines", "\n\n1 2\n3 4", skip_header=1)
case("skip-header-2-of-4", "x y\n# c\n1 2\n3 4", skip_header=2)
case("skip-header-everything", "1 2\n3 4", EMPTY, skip_header=2)
case("skip-header-beyond", "1 2", EMPTY, skip_header=5)
case("skip-header-negative", "1 2\n3 4", skip_header=-1)
case("skip-footer-with-names", _FOOTER, delimiter=",", names=True, skip_header=5, skip_footer=10)
case("skip-footer-1", "1 2\n3 4\n5 6", skip_footer=1)
case("skip-footer-all", "1 2\n3 4", skip_footer=2)
case("skip-footer-beyond", "1 2\n3 4", skip_footer=5)
case("skip-footer-negative", "1 2\n3 4", skip_footer=-1)
case("skip-footer-invalid-raise", "1 1\n2 2\n3 3\n4 4\n5  \n6  \n7  \n", ValueError,
     skip_footer=1)
case("skip-footer-invalid-warn", "1 1\n2 2\n3 3\n4 4\n5  \n6  \n7  \n", CW, skip_footer=1,
     invalid_raise=False)
case("skip-footer-covers-invalid", "1 1\n2 2\n3 3\n4 4\n5  \n6  \n7  \n", skip_footer=3)
case("skip-footer-interleaved-1", "1 1\n2  \n3 3\n4 4\n5  \n6 6\n7 7\n", CW, skip_footer=1,
     invalid_raise=False)
case("skip-footer-interleaved-3", "1 1\n2  \n3 3\n4 4\n5  \n6 6\n7 7\n", CW, skip_footer=3,
     invalid_raise=False)
case("skip-footer-zero-with-max-rows", "1 2\n3 4", skip_footer=0, max_rows=1)
case("skip-footer-with-trailing-comments", "1 2\n3 4\n5 6\n# end\n\n", skip_footer=1)

# --- max_rows ---------------------------------------------------------------------------
_ROWS = "1 2\n3 4\n5 6\n7 8\n9 10\n"
_BADROWS = "1 1\n2 2\n0 \n3 3\n4 4\n5  \n6  \n7  \n"
case("max-rows-3", _ROWS, max_rows=3)
case("max-rows-1", _ROWS, max_rows=1)
case("max-rows-beyond", _ROWS, max_rows=100)
case("max-rows-zero", _ROWS, ValueError, max_rows=0)
case("max-rows-negative", _ROWS, ValueError, max_rows=-1)
case("max-rows-and-skip-footer", _BADROWS, ValueError, skip_footer=1, max_rows=4)
case("max-rows-stops-before-bad-line", _BADROWS, max_rows=2)
case("max-rows-bad-line-inside", _BADROWS, ValueError, max_rows=4)
case("max-rows-bad-line-warn-4", _BADROWS, CW, max_rows=4, invalid_raise=False)
case("max-rows-bad-line-warn-5", _BADROWS, CW, max_rows=5, invalid_raise=False)
case("max-rows-with-names", "a b\n#c d\n1 1\n2 2\n#0 \n3 3\n4 4\n5  5\n", skip_header=1,
     max_rows=3, names=True)
case("max-rows-fraction-reads-all", _ROWS, max_rows=2.5)
case("max-rows-skips-blank-lines", "1 2\n\n# c\n3 4\n5 6", max_rows=2)
case("max-rows-dtype-none", "1 a\n2 b\n3 c", max_rows=2, dtype=None, encoding="utf-8")

# --- usecols ----------------------------------------------------------------------------
case("usecols-one-in-tuple", "1 2\n3 4", usecols=(1,))
case("usecols-two", "1 2 3\n3 4 5", usecols=(1, 2))
case("usecols-list", "1 2 3\n3 4 5", usecols=[2, 0])
case("usecols-array", "1 2 3\n3 4 5",
     usecols=Per(rp.array([1, 2]), np.array([1, 2])))
case("usecols-int", b"1 2 3\n4 5 6", usecols=0)
case("usecols-negative-int", "1 2 3\n4 5 6", usecols=-1)
case("usecols-negative", "1 2 3\n4 5 6", usecols=(0, -1), names="a, b, c")
case("usecols-names", "1 2 3\n4 5 6", usecols=("a", "c"), names="a, b, c")
case("usecols-comma-string", "1 2 3\n4 5 6", usecols="a, c", names="a, b, c")
case("usecols-comma-string-no-names", "1 2 3", AttributeError, usecols="0, 2")
case("usecols-name-no-names", "1 2 3", AttributeError, usecols=("a",))
case("usecols-unknown-name", "1 2 3", ValueError, usecols=("z",), names="a,b,c")
case("usecols-out-of-range", "1 2 3\n4 5 6", ValueError, usecols=(5,))
case("usecols-out-of-range-warn", "1 2 3\n4 5 6", CW, usecols=(5,), invalid_raise=False)
case("usecols-duplicate", "1 2 3\n4 5 6", usecols=(0, 0))
case("usecols-reorder-int", "1 2 3\n4 5 6", usecols=(2, 0), dtype=int)
case("usecols-structured-dtype", "JOE 70.1 25.3\nBOB 60.5 27.9", usecols=(0, 2),
     dtype=[("stid", "S4"), ("temp", "f8")])
case("usecols-structured-dtype-full", "JOE 70.1 25.3\nBOB 60.5 27.9", usecols=(0, 2),
     dtype=[("a", "S4"), ("b", "f8"), ("c", "f8")])
case("usecols-short-row", "1 2 3\n4 5", ValueError, usecols=(0, 2))
case("usecols-short-row-unused", "1 2 3\n4 5", usecols=(0, 1))
case("usecols-long-row", "1 2 3\n4 5 6 7", usecols=(0, 1))
case("usecols-empty", "1 2\n3 4", usecols=())
case("usecols-with-converter", "1,2,3,,5\n6,7,8,9,10\n", dtype=int, delimiter=",",
     converters={3: lambda s: int(s or -999)}, usecols=(1, 3))
case("usecols-negative-names-true", "a b c\n1 2 3", names=True, usecols=(-1,))
case("usecols-dtype-none", "a 1 2.5\nb 3 4.5", dtype=None, usecols=(1, 2))
case("usecols-names-dtype-none", "A B C D\n aaaa 121 45 9.1", usecols=("A", "C", "D"),
     names=True, dtype=None, encoding="utf-8")

# --- missing_values and filling_values --------------------------------------------------
case("missing-default-float", "1,,3\n4,5,6", delimiter=",")
case("missing-default-int", "1,,3\n4,5,6", delimiter=",", dtype=int)
case("missing-string", "1,N/A,3\n4,5,N/A", delimiter=",", missing_values="N/A")
case("missing-string-int-filled", "1,N/A,3\n4,5,N/A", delimiter=",", dtype=int,
     missing_values="N/A", filling_values=0)
case("missing-comma-string", "1,*,3\n?,5,6", delimiter=",", dtype=int, missing_values="*,?",
     filling_values=-5)
case("missing-list", "1,a,3\nb,5,c", delimiter=",", dtype=int, missing_values=["b", "a", "c"],
     filling_values=[10, 20, 30])
case("missing-dict-index-and-name", "N/A, 2, 3\n4, ,???", delimiter=",", dtype=int,
     names="a,b,c", missing_values={0: "N/A", "b": " ", 2: "???"},
     filling_values={0: 0, "b": 0, 2: -999})
case("missing-dict-with-usecols", "N/A, 2, 3\n4, ,???", delimiter=",", dtype=int,
     names="a,b,c", usecols=(0, -1), missing_values={0: "N/A", "b": " ", 2: "???"},
     filling_values={0: 0, "b": 0, 2: -999})
case("missing-star-fill-0", "1,2,*,4\n5,*,7,8\n", delimiter=",", dtype=int,
     missing_values="*", filling_values=0)
case("missing-star-fill-minus-1", "1,2,*,4\n5,*,7,8\n", delimiter=",", dtype=int,
     missing_values="*", filling_values=-1)
case("missing-dict-none-key", "1,x,3\nx,5,6", delimiter=",", dtype=int,
     missing_values={None: "x"}, filling_values=7)
case("missing-dict-list-value", "a,2\nb,3\nc,4", delimiter=",", dtype=int,
     missing_values={0: ["a", "b"]}, filling_values={0: 9})
case("missing-bytes", "1,N/A\n3,4", delimiter=",", dtype=int, missing_values=b"N/A",
     filling_values=0)
case("missing-number", "1,-99\n3,4", delimiter=",", dtype=int, missing_values=-99)
case("missing-dict-unknown-name", "1,x\n3,4", delimiter=",", names="a,b",
     missing_values={"zz": "x"})
case("missing-dict-name-no-names", "1,,3", AttributeError, delimiter=",",
     missing_values={"a": "x"})
case("missing-convertible-value-kept", "1 2\n3 -9", dtype=int, missing_values="-9",
     filling_values=0)
case("missing-dtype-none-str-column", "a,,c\nd,e,f", delimiter=",", dtype=None,
     missing_values="e")
case("missing-dtype-none-int-column", "1,N/A\n2,3", delimiter=",", dtype=None,
     missing_values="N/A")
case("missing-dtype-none-filled", "1,N/A\n2,3", delimiter=",", dtype=None,
     missing_values="N/A", filling_values=99)
case("missing-structured", "1,N/A,x\n2,3.5,", delimiter=",", dtype="i4,f8,U2",
     missing_values="N/A,x", filling_values=[0, -1.5, "zz"])
case("filling-scalar", "1,,3\n,5,", delimiter=",", filling_values=0)
case("filling-list-short", "1,,3\n,5,", delimiter=",", filling_values=[10])
case("filling-list-long", "1,,3\n,5,", delimiter=",", filling_values=[1, 2, 3, 4, 5])
case("filling-dict-index", "1,,3\n,5,", delimiter=",", filling_values={1: 99})
case("filling-dict-name", "1,,3\n,5,", delimiter=",", names="a,b,c", filling_values={"c": 99})
case("filling-dict-bad-index", "1,,3", IndexError, delimiter=",", filling_values={5: 1})
case("filling-dict-none-key", "1,,3", TypeError, delimiter=",", filling_values={None: 1})
case("filling-float-into-int", "1,,3", delimiter=",", dtype=int, filling_values=2.5)
case("filling-nan-into-int", "1,,3", ValueError, delimiter=",", dtype=int,
     filling_values=np.nan)
case("filling-dtype-none", "1,,3\n4,5,6", delimiter=",", dtype=None, filling_values=-1)
case("filling-string-for-float", "1,,3", delimiter=",", filling_values="7.5")

# --- converters -------------------------------------------------------------------------
case("conv-int-or-default", "1,2,3,,5\n", dtype=int, delimiter=",",
     converters={3: lambda s: int(s or -999)})
case("conv-unused", "1 21\n  3 42\n", usecols=(1,), converters={0: lambda s: int(s, 16)})
case("conv-used", "1 21\n  3 42\n", usecols=(1,), converters={1: lambda s: int(s, 16)})
case("conv-skip-first-char", "q1,2\nq3,4", delimiter=",", converters={0: lambda s: float(s[1:])})
case("conv-bytes-gives-record", "2009; 23; 46", delimiter=";", dtype=float,
     converters={0: bytes})
case("conv-float-stays-plain", "2009; 23; 46", delimiter=";", dtype=float,
     converters={0: float})
case("conv-bytes-usecols", "skip,skip,2001-01-01,1.0,skip", delimiter=",", dtype=float,
     usecols=(2, 3), converters={2: bytes})
case("conv-str-usecols", "skip,skip,2001-01-01\u03d6,1.0,skip", delimiter=",", dtype=float,
     usecols=(2, 3), converters={2: str})
case("conv-datetime-objects", "2009-02-03 12:00:00Z, 72214.0", delimiter=",", dtype=None,
     names=["date", "stid"], converters={"date": strptime("%Y-%m-%d %H:%M:%SZ")})
case("conv-datetime64", "2009-02-03 12:00:00Z, 72214.0", delimiter=",", dtype=None,
     names=["date", "stid"],
     converters=PerModule(lambda m: {"date": lambda s: m.datetime64(
         datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%SZ"))}))
case("conv-by-name-usecols-names", "A B C D\n aaaa 121 45 9.1", VDW, usecols=("A", "C", "D"),
     names=True, dtype=None, encoding="bytes", converters={"C": lambda s: 2 * int(s)})
case("conv-list-not-dict", "1 2", TypeError, converters=[float])
case("conv-callable-not-dict", "1 2", TypeError, converters=float)
case("conv-empty-dict", "1 2", converters={})
case("conv-key-out-of-range", "1 2", IndexError, converters={5: float})
case("conv-key-out-of-usecols", "1 2", usecols=(0,), converters={5: float})
case("conv-name-unknown", "1 2", names="a,b", converters={"z": float})
case("conv-name-no-names", "1 2", AttributeError, converters={"z": float})
case("conv-int-fails-is-object", "1 x", converters={1: int})
case("conv-int-fails-strict", "1 x", ValueError, converters={1: int}, loose=False)
case("conv-int-later-fails", "1 2\n3 x", ValueError, converters={1: int})
case("conv-raises-other", "1 x", ZeroDivisionError, converters={1: lambda s: 1 / 0})
case("conv-returns-str", "a 1\nbc 2", converters={0: str.upper})
case("conv-sees-bytes", "1 2", VDW, dtype=None, encoding="bytes",
     converters={0: lambda b: type(b).__name__})
case("conv-sees-str", "1 2", dtype=None, converters={0: lambda b: type(b).__name__})
case("conv-decode-bytes", b"\xcf\x96", dtype=np.str_, encoding="bytes",
     converters={0: lambda x: x.decode("UTF-8")})
case("conv-invalid-converter",
     "D01N01,10/1/2003 ,1 %,R 75,400,600\r\nL24U05,12/5/2003, 2 %,1,300, 150.5\r\n"
     "D02N03,10/10/2004,R 1,,7,145.55", np.lib._iotools.ConverterError,
     converters={2: lambda x: float((b"%" in x.lower() and x.split()[0])
                                    or ((b"%" not in x.lower() and x.strip()) or 0.0)),
                 3: lambda x: float((b"r" in x.lower() and x.split()[-1])
                                    or ((b"r" not in x.lower() and x.strip()) or 0.0))},
     delimiter=",", dtype=None, encoding="bytes")
case("conv-inconsistent-dtype", "\n".join(["1, 1, 1, 1, -1.1"] * 50), ValueError,
     delimiter=",", converters={4: lambda x: f"({x.decode()})"},
     dtype=[(c, int) for c in "abcde"], encoding="bytes")
case("conv-with-filling", "1,,3", delimiter=",", converters={1: float}, filling_values=7)
case("conv-dtype-none", "1 a\n2 b", dtype=None, converters={1: lambda s: s.upper()})
case("conv-structured-enum", "1,5,-1,1:1\n2,8,-1,1:n\n3,3,-2,m:n\n",
     dtype=[("e1", "i4"), ("e2", "i4"), ("e3", "i2"), ("n", "i1")], delimiter=",",
     converters={0: int, 1: int, 2: int,
                 3: lambda r: {"1:1": 0, "1:n": 1, "m:1": 2, "m:n": 3}[r.decode()]},
     encoding="bytes")
case("conv-structured-enum-usecols", "1,5,-1,1:1\n2,8,-1,1:n\n3,3,-2,m:n\n",
     dtype=[("e1", "i4"), ("e2", "i4"), ("n", "i1")], delimiter=",", usecols=(0, 1, 3),
     converters={0: int, 1: int, 2: int,
                 3: lambda r: {"1:1": 0, "1:n": 1, "m:1": 2, "m:n": 3}[r.decode()]},
     encoding="bytes")
case("conv-strip-quotes", 'color\n"red"\n"blue"', names=True, delimiter=",", dtype=None,
     converters={0: lambda x: x.strip('"')})
case("conv-on-header-names", "a b\n1 2\n3 4", names=True, converters={"b": lambda s: -float(s)})
case("conv-returns-bool", "1 2\n0 3", converters={0: lambda s: s == "1"})
case("conv-returns-complex", "1 2\n0 3", converters={1: lambda s: complex(s) * 1j})

# --- loose / invalid_raise --------------------------------------------------------------
_FIFTY = ["1, 1, 1, 1, 1"] * 50
for _i in range(5):
    _FIFTY[10 * _i] = "2, 2, 2, 2 2"
_FIFTY = "\n".join(["a, b, c, d, e"] + _FIFTY)
case("invalid-raise-lines", "1 2 3\n4 5\n6 7 8 9", ValueError)
case("invalid-warn-lines", "1 2 3\n4 5\n6 7 8 9", CW, invalid_raise=False)
case("invalid-line-numbers-after-blanks", "# c\n\n1 2 3\n4 5\n\n6 7 8 9\n", ValueError)
case("invalid-line-numbers-skip-header", "h\nh\n1 2\n3\n4 5\n6", ValueError, skip_header=2)
case("invalid-fifty", _FIFTY, CW, delimiter=",", dtype=None, names=True, invalid_raise=False)
case("invalid-fifty-raise", _FIFTY, ValueError, delimiter=",", names=True)
case("invalid-fifty-usecols", _FIFTY, CW, delimiter=",", dtype=None, names=True,
     invalid_raise=False, usecols=(0, 4))
case("invalid-fifty-usecols-ok", _FIFTY, delimiter=",", dtype=None, names=True,
     invalid_raise=False, usecols=(0, 1))
case("invalid-all-but-first", "1 2\n3\n4", CW, invalid_raise=False)
case("invalid-first-row-decides", "1\n2 3\n4 5", CW, invalid_raise=False)
case("invalid-names-header", "a b\n1 2 3\n4 5", CW, names=True, invalid_raise=False)
case("invalid-with-fixed-width", "1234\n12\n5678", ValueError, delimiter=2)
case("loose-false-missing-ok", "1,,3", delimiter=",", loose=False)
case("loose-false-dtype-none", "1 2\n3 4.5", dtype=None, loose=False)
case("loose-false-overflow", "99999999999999999999", OverflowError, dtype=int, loose=False)
case("loose-false-str", "a b", dtype="U", loose=False)
case("loose-false-structured", "1 x", ValueError, dtype="i4,f8", loose=False)
case("loose-true-structured", "1 x", dtype="i4,f8", loose=True)

# --- unpack -----------------------------------------------------------------------------
case("unpack-2d", "1,2,3\n4,5,6\n7,8,9\n0.0,1.0,2.0", delimiter=",", unpack=True)
case("unpack-structured", "M 21 72\nF 35 58",
     dtype={"names": ("a", "b", "c"), "formats": ("S1", "i4", "f4")}, unpack=True)
case("unpack-auto", "M 21 72.\nF 35 58.", dtype=None, unpack=True, encoding="utf-8")
case("unpack-single-name", "21\n35", dtype={"names": ("a",), "formats": ("i4",)}, unpack=True)
case("unpack-structured-scalar", "1", dtype={"names": ("a",), "formats": ("i4",)}, unpack=True)
case("unpack-one-row", "1 2 3", unpack=True)
case("unpack-one-column", "1\n2\n3", unpack=True)
case("unpack-ndmin-2", "1 2 3", unpack=True, ndmin=2)
case("unpack-false", "1 2\n3 4", unpack=False)
case("unpack-names-true", "a b\n1 2\n3 4", names=True, unpack=True)
case("unpack-dtype-none-uniform", "1 2\n3 4", dtype=None, unpack=True)
case("unpack-int", "1 2\n3 4\n5 6", dtype=int, unpack=True)

# --- ndmin ------------------------------------------------------------------------------
_NDMIN_SOURCES = {
    "scalar": ("42", {}),
    "row": ("1 2", {}),
    "column": ("1\n2", {}),
    "matrix": ("1 2\n3 4", {}),
    "record": ("1 2", {"dtype": "i4,f8"}),
    "records": ("1 2\n3 4", {"dtype": "i4,f8"}),
    "mixed-row": ("1 a", {"dtype": None, "encoding": "utf-8"}),
    "empty": ("", {}),
}
for _name, (_text, _kw) in _NDMIN_SOURCES.items():
    for _nd in (0, 1, 2):
        case(f"ndmin-{_nd}-{_name}", _text, EMPTY if not _text else None, ndmin=_nd, **_kw)
case("ndmin-3", "1 2", ValueError, ndmin=3)
case("ndmin-negative", "1 2", ValueError, ndmin=-1)
case("ndmin-string", "1 2", ValueError, ndmin="1")
case("ndmin-true", "1 2", ndmin=True)

# --- encodings --------------------------------------------------------------------------
_LATIN1 = b"norm1,norm2,norm3\ntest1,testNonethe\xf6\xfc\xf6,test3\nnorm1,norm2,norm3\n"
_UTF8 = b"norm1,norm2,norm3\ntest1,testNonethe\xcf\x96,test3\nnorm1,norm2,norm3\n"
_UTF16 = b"\xff\xfeh\x04 \x00i\x04 \x00j\x04"
case("enc-latin1", _LATIN1, dtype=None, comments=None, delimiter=",", encoding="latin1")
case("enc-bytes-latin1", _LATIN1, VDW, dtype=None, comments=None, delimiter=",",
     encoding="bytes")
case("enc-bytes-mixed", b"0,testNonethe\xf6\xfc\xf6", VDW, dtype=None, comments=None,
     delimiter=",", encoding="bytes")
case("enc-bytes-utf8-data", _UTF8, VDW, dtype=None, comments=None, delimiter=",",
     encoding="bytes")
case("enc-utf8", _UTF8, dtype=None, comments=None, delimiter=",", encoding="utf-8")
case("enc-default-latin1", _UTF8, dtype=None, comments=None, delimiter=",")
case("enc-utf16-str", _UTF16, dtype=np.str_, encoding="UTF-16")
case("enc-utf16-auto", _UTF16, dtype=None, encoding="UTF-16")
case("enc-stringio-ignores-encoding", "1 2\n3 4", encoding="latin1")
case("enc-unknown-name", b"1 2", LookupError, encoding="no-such-codec")
case("enc-bad-bytes", b"\xff 1", UnicodeDecodeError, dtype=str, encoding="utf-8")
case("enc-bytes-list-utf8", ["\u03d6 1".encode(), b"a 2"], dtype=None, encoding="utf-8")
case("enc-bytes-float", b"1 2\n3 4", encoding="bytes")
case("enc-bytes-names", b"a b\n1 2", names=True, encoding="bytes")
case("enc-bytes-comments", b"1 2 # x\n3 4", comments="#", encoding="bytes")

# --- files ------------------------------------------------------------------------------
case("file-utf16", File("0.\n1.\n2.", write_encoding="UTF-16"), encoding="UTF-16")
case("file-utf16-str", File("\u00f6\u00fc\u00f6", write_encoding="UTF-16"),
     encoding="UTF-16", dtype=np.str_)
case("file-utf8-strings", File("test1,testNonethe\u03d6,test3\n" * 2), dtype=None, comments=None,
     delimiter=",", encoding="UTF-8")
case("file-utf8-mixed", File("0,testNonethe\u03d6"), dtype=None, comments=None, delimiter=",",
     encoding="UTF-8")
case("file-utf8-converter", File("\u03d6"), dtype=np.str_, converters={0: lambda x: x + "t"},
     encoding="UTF-8")
case("file-utf8-usecols-converter", File("skip,skip,2001-01-01\u03d6,1.0,skip"), delimiter=",",
     dtype=float, usecols=(2, 3), converters={2: str}, encoding="UTF-8")
case("file-bytes-non-latin1-upcast",
     File("norm1,norm2,norm3\nnorm1,\u00f6\u00fc\u00f6,norm3\ntest1,testNonethe\u03d6,test3\n"),
     VDW, dtype=None, comments=None, delimiter=",", encoding="bytes")
case("file-ascii-decode-error", File("\N{GREEK PI SYMBOL}"), UnicodeDecodeError,
     encoding="ascii")
case("file-missing", Raw("/nonexistent/dir/no-such-file.txt"), FileNotFoundError)
case("file-text-is-a-path", Raw("1 2\n3 4"), FileNotFoundError)
case("file-empty", File(""), EMPTY)
case("file-gz-utf32", File("0 1 2\r\n3 4 5", name="d.gz", write_encoding="UTF-32-LE"),
     encoding="UTF-32-LE")
case("file-gz2-suffix-plain", File("0 1 2\n3 4 5", name="d.gz2"))

# --- input kinds ------------------------------------------------------------------------
case("input-int", Raw(123), TypeError)
case("input-none", Raw(None), TypeError)
case("input-float", Raw(1.5), TypeError)
case("input-list-with-int", ["1 2", 3], AttributeError)
case("input-bytes-generator", gen(*[b"%d" % i for i in range(10)]))
case("input-tuple", ("1 2", "3 4"))
case("input-list-newlines", ["1 2\n", "3 4\r\n", "5 6\r"])
case("input-list-embedded-newline", ["1 2\n3 4"])

_KIND_DATA = {
    "numbers": ("0 1 2\n3 4 5\n", {}),
    "header": ("a,b,c\n1,2.5,x\n3,4.5,yz\n", {"delimiter": ",", "names": True,
                                               "dtype": None, "encoding": "utf-8"}),
    "comments-missing": ("# head\n1,,3 # c\n\n4,5,6\n", {"delimiter": ",", "dtype": int}),
}


def _kind(how, text):
    if how == "stringio":
        return text
    if how == "bytesio":
        return text.encode()
    if how == "list-str":
        return text.splitlines(keepends=True)
    if how == "list-str-bare":
        return text.splitlines()
    if how == "list-bytes":
        return [x.encode() for x in text.splitlines(keepends=True)]
    if how == "gen-str":
        return gen(*text.splitlines(keepends=True))
    if how == "gen-bytes":
        return gen(*[x.encode() for x in text.splitlines()])
    if how == "crlf-path":
        return File(text.replace("\n", "\r\n"))
    if how == "cr-path":
        return File(text.replace("\n", "\r"))
    if how in ("gz", "bz2", "xz"):
        return File(text, name=f"data.{how}")
    if how.startswith("gz-"):
        return File(text, how=how[3:], name="data.gz")
    return File(text, how=how)


_KINDS = ["stringio", "bytesio", "list-str", "list-str-bare", "list-bytes", "gen-str",
          "gen-bytes", "str", "path", "text", "binary", "crlf-path", "cr-path", "gz", "bz2",
          "xz", "gz-gzip-text", "gz-gzip-binary", "gz-path"]
for _name, (_text, _kw) in _KIND_DATA.items():
    for _how in _KINDS:
        case(f"kind-{_how}-{_name}", _kind(_how, _text), **_kw)

# --- empty input ------------------------------------------------------------------------
case("empty-stringio", "", EMPTY)
case("empty-dtype-none", "", EMPTY, dtype=None)
case("empty-int", "", EMPTY, dtype=int)
case("empty-structured", "", EMPTY, dtype="i4,f8")
case("empty-comments-only", "# a\n# b\n", EMPTY)
case("empty-blank-lines", "\n\n  \n", EMPTY)
case("empty-list", [], EMPTY)
case("empty-bytesio", b"", EMPTY)
case("empty-generator", gen(), EMPTY)
case("empty-usecols", "", EMPTY, usecols=(0, 1))
case("empty-unpack", "", EMPTY, unpack=True)
case("empty-str-dtype", "", EMPTY, dtype=str)
case("empty-after-skip-header", "a b\n", EMPTY, skip_header=1, dtype=None)
case("empty-names-tuple-dtype", "", EMPTY, dtype=(int, float))

# --- deterministic random tables: the inference ladder column by column -------------------
_POOLS = {
    "int": ["0", "-7", "42", "+3", "007", "1_000", "123456789012"],
    "float": ["1.5", "-0.25", "1e5", "nan", "-inf", ".5", "3."],
    "bool": ["True", "false", "TRUE", "False"],
    "complex": ["1+2j", "3j", "(1-1j)", "-2.5+0j"],
    "word": ["ab", "x", "hello", "\u00e9t\u00e9"],
    "missing": ["", "1", "2.5"],
    "big": ["99999999999999999999", "1", "-5"],
}


def _random_table(seed):
    rng = np.random.default_rng(seed)
    ncols, nrows = int(rng.integers(1, 5)), int(rng.integers(1, 6))
    kinds = [str(k) for k in rng.choice(sorted(_POOLS), ncols)]
    delimiter = [None, ",", ";"][seed % 3]
    sep = "  " if delimiter is None else delimiter
    rows = []
    for _ in range(nrows):
        cells = [str(rng.choice(_POOLS[k])) for k in kinds]
        if delimiter is None:           # an empty field cannot be written between spaces
            cells = [c or "nan" for c in cells]
        rows.append(sep.join(cells))
    kwargs = {"delimiter": delimiter, "encoding": "utf-8"}
    if seed % 4 == 1:
        kwargs["dtype"] = None
    elif seed % 4 == 2:
        kwargs.update(dtype=None, names=True)
        rows.insert(0, sep.join(f"c{i}" for i in range(ncols)))
    elif seed % 4 == 3:
        kwargs["dtype"] = None
        kwargs["filling_values"] = -1
    return "\n".join(rows) + "\n", kwargs


for _seed in range(40):
    _text, _kw = _random_table(_seed)
    case(f"random-table-{_seed}", _text, ANY, **_kw)

_ids = [p.id for p in CASES]
assert len(_ids) == len(set(_ids)), "duplicate case ids"


@pytest.mark.parametrize("src,kwargs,expect", CASES)
def test_case(src, kwargs, expect, tmp_path):
    check(src, kwargs, expect, tmp_path)


# ---------------------------------------------------------------------------------------
# cases that need more than one call or a closer look
# ---------------------------------------------------------------------------------------

def test_max_rows_leaves_the_stream_at_the_next_row():
    outs = {}
    for m in (np, rp):
        txt = io.StringIO("1 2\n3 4\n5 6\n7 8\n9 10\n")
        first = call(m, txt, {"max_rows": 3})
        second = call(m, txt, {})
        outs[m] = (first, second)
    for i in range(2):
        same(outs[rp][i], outs[np][i], f"call {i}")
    assert outs[np][1].value.tolist() == [[7.0, 8.0], [9.0, 10.0]]


def test_max_rows_with_names_then_the_rest():
    data = "a b\n#c d\n1 1\n2 2\n#0 \n3 3\n4 4\n5  5\n"
    outs = {}
    for m in (np, rp):
        txt = io.StringIO(data)
        first = call(m, txt, {"skip_header": 1, "max_rows": 3, "names": True})
        rest = call(m, txt, {"dtype": first.value.dtype if first.exc is None else float})
        outs[m] = (first, rest)
    same(outs[rp][0], outs[np][0], "first")
    same(outs[rp][1], outs[np][1], "rest")
    assert outs[np][1].value.dtype.names == ("c", "d")


def test_empty_stream_read_twice():
    outs = {}
    for m in (np, rp):
        data = io.StringIO()
        outs[m] = (call(m, data, {}), call(m, data, {"skip_header": 1}))
    for i in range(2):
        same(outs[rp][i], outs[np][i], f"call {i}")
        assert outs[np][i].warning_names() == [EMPTY]


def test_excludelist_given_is_extended_in_place():
    """numpy appends its default excluded names to the list it is given."""
    lists = {}
    for m in (np, rp):
        excl = ["a"]
        out = call(m, io.StringIO("a return b\n1 2 3"), {"names": True, "excludelist": excl})
        lists[m] = (out, excl)
    same(lists[rp][0], lists[np][0], "excludelist")
    assert lists[rp][1] == lists[np][1], (lists[rp][1], lists[np][1])


@pytest.mark.xfail(strict=True, reason="rumpy's dtypes are immutable (no dtype.names setter): "
                                       "genfromtxt renames a copy, the caller's dtype keeps its "
                                       "names (plans/files.md)")
def test_dtype_object_given_is_renamed_in_place():
    """numpy gives the names to the dtype object it was given (easy_dtype sets .names)."""
    names = {}
    for m in (np, rp):
        dt = m.dtype([("a", "i4"), ("b", "f8")])
        out = call(m, io.StringIO("1 2\n3 4"), {"dtype": dt, "names": "x,y"})
        names[m] = (out, tuple(dt.names))
    same(names[rp][0], names[np][0], "renamed dtype")
    assert names[rp][1] == names[np][1], (names[rp][1], names[np][1])


@pytest.mark.parametrize("src,kwargs", [
    pytest.param("", {}, id="empty"),
    pytest.param("1 2\n3\n", {"invalid_raise": False}, id="conversion"),
    pytest.param("a b\n", {"dtype": None, "encoding": "bytes"}, id="visible-deprecation"),
])
def test_warnings_point_at_the_caller(src, kwargs):
    """genfromtxt's warnings are given with stacklevel=2: they name the line that called it."""
    outs = {m: call(m, io.StringIO(src), dict(kwargs)) for m in (np, rp)}
    same(outs[rp], outs[np], "warning")
    assert len(outs[np].warnings) == 1
    where = [(w[2], w[3]) for w in outs[rp].warnings]
    assert where == [(w[2], w[3]) for w in outs[np].warnings], where
    assert outs[np].warnings[0][2] == __file__


def test_conversion_warning_class():
    """The warning for dropped lines is a UserWarning named ConversionWarning, as numpy's."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rp.genfromtxt(io.StringIO("1 2\n3\n"), invalid_raise=False)
    assert [x.category.__name__ for x in w] == ["ConversionWarning"]
    assert issubclass(w[0].category, UserWarning)
    assert str(w[0].message) == ("Some errors were detected !\n"
                                 "    Line #2 (got 1 columns instead of 2)")


def test_converter_error_class():
    """A user converter that fails on a later value when dtype=None raises an exception named
    ConverterError (numpy's is a plain Exception subclass, not a ValueError)."""
    kwargs = {"dtype": None, "converters": {0: lambda s: int(s)}}
    n = call(np, io.StringIO("1\n2\nx"), kwargs)
    r = call(rp, io.StringIO("1\n2\nx"), kwargs)
    assert type(n.exc).__name__ == "ConverterError" and not isinstance(n.exc, ValueError), n
    same(r, n, "locked converter")
    assert not isinstance(r.exc, ValueError), r


@pytest.mark.parametrize("how", ["float", "dtype-none", "structured", "unpack"])
def test_like_a_rumpy_array(how):
    kwargs = {"float": {}, "dtype-none": {"dtype": None, "encoding": "utf-8"},
              "structured": {"dtype": "i4,f8"}, "unpack": {"unpack": True}}[how]
    src = "1 2\n3 4" if how != "dtype-none" else "1 a\n2 b"
    n = call(np, io.StringIO(src), dict(kwargs, like=np.array([1.0])))
    r = call(rp, io.StringIO(src), dict(kwargs, like=rp.array([1.0])))
    same(r, n, f"like= {how}")


def test_like_not_an_array():
    n = call(np, io.StringIO("1 2"), {"like": 1})
    r = call(rp, io.StringIO("1 2"), {"like": 1})
    assert isinstance(n.exc, TypeError)
    same(r, n, "like=1")


def test_file_handle_left_open_and_positioned(tmp_path):
    """A handle given by the caller is not closed; a path given is closed after reading."""
    path = tmp_path / "d.txt"
    path.write_text("1 2\n3 4\n")
    for m in (np, rp):
        with open(path) as f:
            out = m.genfromtxt(f)
            assert not f.closed
            assert f.read() == ""
        assert np.asarray(out).tolist() == [[1.0, 2.0], [3.0, 4.0]]


def test_generator_is_consumed_only_as_needed():
    """With max_rows genfromtxt stops taking lines from the iterator after the last row."""
    rest = {}
    outs = {}
    for m in (np, rp):
        it = iter(["1 2", "3 4", "5 6", "7 8"])
        outs[m] = call(m, it, {"max_rows": 2})
        rest[m] = list(it)
    same(outs[rp], outs[np], "max_rows generator")
    assert rest[rp] == rest[np], (rest[rp], rest[np])


# ---------------------------------------------------------------------------------------
# usemask=True: masked arrays (rumpy.ma)
# ---------------------------------------------------------------------------------------

MASKED = [
    pytest.param("1,,3\n4,5,6", {"delimiter": ",", "dtype": int}, id="int-empty-field"),
    pytest.param("1\t2\t3\n\t2\t\n1\t\t3", {"delimiter": "\t"}, id="tabs"),
    pytest.param("A,B\n0,1\n2,N/A", {"delimiter": ",", "missing_values": "N/A", "names": True,
                                     "dtype": None}, id="withmissing-none"),
    pytest.param("A,B\n0,1\n2,N/A", {"delimiter": ",", "missing_values": "N/A", "names": True},
                 id="withmissing-float"),
    pytest.param("A, B, C\n0, 0., 0j\n1, N/A, 1j\n-9, 2.2, N/A\n3, -99, 3j",
                 {"delimiter": ",", "names": True,
                  "dtype": [("A", int), ("B", float), ("C", complex)],
                  "missing_values": {0: -9, "B": -99, "C": -999j}}, id="user-missing-dict"),
    pytest.param("A,B\n0,1.5\n2,-999.00", {"delimiter": ",", "dtype": None, "names": True,
                                           "missing_values": "-999.0"}, id="missing-float"),
    pytest.param("1 2 3\n4 5 6\n", {"dtype": None, "missing_values": "2,5"},
                 id="masked-column-uniform"),
    pytest.param("True 2 3\nFalse 5 6\n", {"dtype": None, "missing_values": "2,5"},
                 id="masked-column-various"),
    pytest.param("1,2,3.0\n4,5,6.0\n", {"delimiter": ",",
                                        "dtype": [("x", int), ("y", [("t", int), ("s", float)])]},
                 id="nested"),
    pytest.param("1 2\n3 4", {"unpack": True}, id="unpack"),
    pytest.param("a,b\n1,\n,4", {"delimiter": ",", "names": True, "unpack": True},
                 id="unpack-names"),
    pytest.param("1,,3\n4,5,6\n7,8,", {"delimiter": ",", "filling_values": -1},
                 id="filling"),
    pytest.param("1,,3\n4,5,6", {"delimiter": ",", "usecols": (0, 1)}, id="usecols"),
    pytest.param("1,,3\n4,5,6\n7,8,9", {"delimiter": ",", "skip_footer": 1},
                 id="skip-footer"),
    pytest.param("1,,3\n4,5,6\n7,8,9", {"delimiter": ",", "max_rows": 2}, id="max-rows"),
    pytest.param("x,y\n1,a\n,b\n3,", {"delimiter": ",", "names": True, "dtype": None,
                                       "encoding": "utf-8"}, id="strings"),
    pytest.param("1,2\n3,4", {"delimiter": ",", "ndmin": 2}, id="no-missing"),
    pytest.param("5", {"ndmin": 0}, id="zero-d"),
    pytest.param("", {"delimiter": ","}, id="empty"),
    pytest.param("1,2,3\n4,,6", {"delimiter": ",", "dtype": "i4,f8,i2"}, id="flat-record"),
    pytest.param("1,N,3\n4,5,N", {"delimiter": ",", "dtype": float, "missing_values": "N",
                                  "converters": {1: lambda s: float(s or 0) * 2}},
                 id="converter"),
    pytest.param("1,2,3\n4,5,6", {"delimiter": ",", "dtype": [("a", int), ("b", (int, 2))]},
                 id="subarray-field"),
]


@pytest.mark.parametrize("src,kwargs", MASKED)
def test_usemask(src, kwargs):
    from ma_helpers import assert_same_ma
    outs = {}
    for m in (rp, np):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                outs[m] = m.genfromtxt(io.StringIO(src), usemask=True, **kwargs)
            except TEST_BUGS:
                raise
            except Exception as e:  # noqa: BLE001 - compared below
                outs[m] = e
    r, n = outs[rp], outs[np]
    if isinstance(n, Exception):
        assert isinstance(r, Exception), f"numpy raised {n!r}, rumpy returned {r!r}"
        assert_same_error(r, n)
        return
    assert not isinstance(r, Exception), f"rumpy raised {r!r}"
    assert_same_ma(r, n)
