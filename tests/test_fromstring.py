"""rp.fromstring (text mode) and rp.fromregex against NumPy's: the same call on both
libraries, with the values (bit for bit), dtype and shape compared, and the exception class
and message when NumPy raises. NumPy's quirks are reproduced (plans/textio-notes.md, sections
10 and 11): integers wrap or saturate instead of failing, an item of only whitespace reads as
the parser's error value, a separator at the end is ignored, and ``count`` beyond the data
gives an array of ``count`` items (NumPy's tail is uninitialised memory: only the items read
are compared)."""

import gzip
import io
import pathlib
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rumpy as rp
from conftest import assert_same_error, outcome

UNMATCHED = "string or file could not be read to its end due to unmatched data"



def meaningful(a, keep=None):
    """The bytes of the first ``keep`` items (all by default), without the padding of x87
    long doubles (NumPy's parser leaves it unset)."""
    a = np.asarray(a)
    if keep is not None:
        a = a[:keep]
    data = a.tobytes()
    if a.dtype.kind in "fc" and a.dtype.itemsize in (16, 32) and a.dtype.name in (
            "float128", "complex256"):
        return b"".join(data[i:i + 10] for i in range(0, len(data), 16))
    return data


def assert_outcome(r, n, what="", keep=None, message=True):
    """rumpy's outcome is NumPy's: the same exception (class and message), or an array of
    the same dtype and shape whose first ``keep`` items have the same bits."""
    if isinstance(n, BaseException):
        assert isinstance(r, BaseException), f"{what}: numpy raised {n!r}, rumpy gave {r!r}"
        assert_same_error(r, n, what)
        if message:
            assert str(r) == str(n), f"{what}: message {str(r)!r} != numpy {str(n)!r}"
        return
    assert not isinstance(r, BaseException), f"{what}: numpy gave {n!r}, rumpy raised {r!r}"
    assert isinstance(r, rp.ndarray), f"{what}: not a rumpy array: {type(r)!r}"
    ra = np.asarray(r)
    assert ra.dtype.str == n.dtype.str, f"{what}: dtype {ra.dtype.str} != numpy {n.dtype.str}"
    assert ra.shape == n.shape, f"{what}: shape {ra.shape} != numpy {n.shape}"
    assert meaningful(ra, keep) == meaningful(n, keep), \
        f"{what}: values differ:\nrumpy {ra[:keep]!r}\nnumpy {n[:keep]!r}"


def check(*args, keep=None, message=True, **kwargs):
    n = outcome(lambda: np.fromstring(*args, **kwargs))
    r = outcome(lambda: rp.fromstring(*args, **kwargs))
    assert_outcome(r, n, f"fromstring{args!r} {kwargs!r}", keep=keep, message=message)
    return r, n


# ----- every dtype NumPy has a parser for, on the same strings -----

DTYPES = ["?", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "g", "c8",
          "c16", "M8[D]", "M8[s]", "M8[ns]", "m8[h]", "m8[us]", "M8", "m8", ">f8", ">i2",
          ">u4", ">c8", ">M8[D]", ">g", "<f4", "=i4"]

STRINGS = [
    "1 2 3",
    " 1  2\t3\n",
    "\v1\f2\r3 ",
    "0 -0 +0 007 000",
    "-1 +5 300 -200 255 -128 65535 -32768",
    "1.5",
    "1. .5 -.5 +.5E+3 2e-3 1e5",
    "1e400 -1e400 1e-400 3.4028236e38 65520 -65519 6e-8",
    "nan -nan NaN NAN nan(abc) NaN(a_1) nan( inf -Infinity +iNf INFINITY",
    "1+2j 3-4j -5.5-6.5j 5j j nanj inf+infj -nan-infj",
    "1+2",
    "99999999999999999999999 -99999999999999999999999",
    "9223372036854775807 9223372036854775808 -9223372036854775808 -9223372036854775809",
    "18446744073709551615 18446744073709551616 4294967296 4294967295",
    "1" + "0" * 30 + " " + "0" * 30 + "7",
    "9" * 5000,
    "   ",
    "",
    "-",
    "- 5",
    "+",
    "--1",
    "0x1p3 0x1.8P-1 -0x.8 0X10",
    "0x",
    "1_000",
    "1e",
    "1.2.3",
    "1,2",
    "abc",
    "\x00",
    "1\x002",
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("string", STRINGS)
def test_dtype_on_string(dtype, string):
    check(string, dtype=dtype, sep=" ")


@pytest.mark.parametrize("dtype", DTYPES)
def test_default_sep_comma_and_trailing_blank_item(dtype):
    check("1, ", dtype=dtype, sep=",")
    check("1,  ,2", dtype=dtype, sep=",")
    check("1,2,", dtype=dtype, sep=",")


def test_longdouble_hexadecimal_and_rounding():
    # glibc's strtold reads hexadecimal numbers; rounding to 64 bits, subnormals, overflow
    for s in ["0x1.8p1 -0x1P-16445 0x1.000000000000000000001p0 -0x0p0",
              "0xffffffffffffffffffp-100 0x1p-16446 0x1.8p-16445 0x3p-16447 0x1p-16447",
              "0x1.00000000000000008p0 0x1.00000000000000018p0 0x1.00000000000000017ffp0",
              "0x1.fffffffffffffffffffp16383 0x1p16384 -0x1p99999999999999999999",
              "0x1p-99999999999999 0x0.00000000000000000000000000000001p-16300",
              "0x1.fffffffffffffffffp-16383 0x0.fffffffffffffffffp-16382",
              "0x1.8 0x.8 0X1P+3 0x1p-00003",
              "1e5000 -1e-5000 1.18973149535723176505e+4932 1.18973149535723176515e+4932",
              "1" * 400 + "e-400 0.1 -0",
              "0x1p", "0x.", "0x1.8p1 1e5000 0x"]:
        check(s, dtype="g", sep=" ")


def test_default_dtype_is_float64_and_none_means_default():
    check("1 2")
    check("1 2", sep=" ")
    check("1 2", dtype=None, sep=" ")
    check("1 2", float, -1, " ")
    check(string="1 2", sep=" ")


# ----- integers wrap or saturate (C casts of strtol's result) -----

@pytest.mark.parametrize("dtype", ["i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8"])
@pytest.mark.parametrize("string", [
    "300", "-200", "-1", "+5", "99999999999", "-99999999999", "2147483648", "-2147483649",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551615", "18446744073709551616",
    "1" * 25, "-" + "1" * 25, "- 7", "-", "1.5", "1e3",
])
def test_integer_wrap_and_clamp(dtype, string):
    check(string, dtype=dtype, sep=" ")
    check(string, dtype=dtype, sep=" ", count=1)


def test_integer_quirks_from_the_notes():
    r, _ = check("300", dtype="u1", sep=" ")
    assert r.tolist() == [44]
    r, _ = check("200", dtype="i1", sep=" ")
    assert r.tolist() == [-56]
    r, _ = check("99999999999", dtype="i4", sep=" ")
    assert r.tolist() == [1215752191]
    r, _ = check("-99999999999999999999999", dtype="i8", sep=" ")
    assert r.tolist() == [9223372036854775807]
    for s in ("-1", "+5"):
        r, _ = check(s, dtype="u8", sep=" ")
        assert isinstance(r, ValueError) and str(r) == UNMATCHED
    r, _ = check("1.5", dtype="i8", sep=" ")
    assert isinstance(r, ValueError)


def test_bool_and_complex_quirks_from_the_notes():
    r, _ = check("2.5 nan 0 -0", dtype="?", sep=" ")
    assert r.tolist() == [True, True, False, False]
    assert isinstance(check("true", dtype="?", sep=" ")[0], ValueError)
    r, _ = check("1 +2j", dtype="c16", sep=" ")
    assert r.tolist() == [1, 2j]
    r, _ = check("j", dtype="c16", sep=" ")
    assert r.tolist() == [-1j]
    for s in ("(1+2j)", "1+2i", "1+2J", "1++2j", "1+ 2j", "1+j"):
        assert isinstance(check(s, dtype="c16", sep=" ")[0], ValueError)
    check("1+j", dtype="c16", sep=" ", count=1)
    check(" -j", dtype="c16", sep=" ", count=1)
    check("1, -j", dtype="c16", sep=",", count=2)


def test_datetimes_are_integer_counts():
    r, _ = check("1 -1 0", dtype="M8[D]", sep=" ")
    assert r.astype(str).tolist() == ["1970-01-02", "1969-12-31", "1970-01-01"]
    for s in ("2020-01-01", "NaT", "   ", "1, ", "-", "- 5", "+7", "1.5"):
        check(s, dtype="M8[D]", sep=",")
        check(s, dtype="m8[s]", sep=" ")


# ----- whitespace-only items read as the parser's error value -----

@pytest.mark.parametrize("dtype", ["f8", "f4", "f2", "g", "?", "c8", "c16", "i4", "u2", "u8",
                                   "M8[D]"])
@pytest.mark.parametrize("string", ["   ", "\t", "1, ", "1,\t,2", " ,1", "1,\n", ", 1"])
def test_blank_items(dtype, string):
    check(string, dtype=dtype, sep=",")


def test_blank_item_values_from_the_notes():
    assert check("   ", sep=" ")[0].tolist() == [-1.0]
    assert check("   ", dtype=int, sep=" ")[0].tolist() == [0]
    assert check("1, ", sep=",")[0].tolist() == [1.0, -1.0]


# ----- separators -----

SEPARATORS = [
    ("1,2, 3 ,4", ","), ("1 ;2", " ;"), ("1;2", " ;"), ("1 ; 2 ;3", " ; "), ("1,2 ", ","),
    ("1,2,", ","), ("1,2,,3", ","), (", 1", ","), ("1,2 ,", ","), ("1,2, ", ","),
    ("1\t2\t\t3", "\t"), ("1 2\t3\n4", "\t"), ("1 2  3", "  "), ("1\n2", " \n "),
    ("1é2 é 3", "é"), ("1é2é", "é"), ("é1é2", "é"), ("1 é2", " é"), ("1 ab 2ab3", "ab"),
    ("1a2", "ab"), ("1ab", "ab"), ("1a", "ab"), ("1, ;2,;3", ", ;"), ("1,;", ",;"),
    ("1,", ",;"), ("1 , ; 2", " , ; "), ("1x2x3", "x"), ("1e2", "e"), ("1e2e3", "e"),
    ("1.2", "."), ("1-2", "-"), ("1+2", "+"), ("213", "1"), ("1;2", ","), ("1 2", ","),
    ("1,2", " "), ("1\v2\f3\r4", " "), ("1  ,  2", " , "), ("1 \x00 2", "\x01"),
    ("1\x0c2", "\x0c"), ("1 2", "\u20ac"), ("1\u20ac2\u20ac", "\u20ac"),
]


@pytest.mark.parametrize("dtype", ["f8", "i8", "u1", "c16", "?", "M8[D]", "g", "f2"])
@pytest.mark.parametrize("string,sep", SEPARATORS)
def test_separator(string, sep, dtype):
    check(string, dtype=dtype, sep=sep)


def test_separator_results_from_the_notes():
    assert check("1,2, 3 ,4", sep=",")[0].tolist() == [1, 2, 3, 4]
    assert check("1 ;2", sep=" ;")[0].tolist() == [1, 2]
    assert check("1;2", sep=" ;")[0].tolist() == [1, 2]
    assert check("1,2 ", sep=",")[0].tolist() == [1, 2]
    assert check("1,2,", sep=",")[0].tolist() == [1, 2]
    assert check("1é2", sep="é")[0].tolist() == [1, 2]
    for s in ("1,2,,3", ", 1"):
        r, _ = check(s, sep=",")
        assert isinstance(r, ValueError) and str(r) == UNMATCHED


# ----- garbage at each position -----

@pytest.mark.parametrize("dtype", ["f8", "i4", "c16", "g", "M8[s]"])
@pytest.mark.parametrize("junk", ["x", ";", "\x00", "é", "+", "."])
def test_garbage_at_each_position(dtype, junk):
    base = "1, 2 ,3"
    for i in range(len(base) + 1):
        s = base[:i] + junk + base[i:]
        check(s, dtype=dtype, sep=",")
        check(s, dtype=dtype, sep=",", count=2, keep=2)


# ----- count -----

@pytest.mark.parametrize("dtype", ["f8", "i2", "u8", "c8", "?", "g", "m8[s]", ">f4"])
@pytest.mark.parametrize("string", ["1 2 3", "1 2 3 ", "1 2 3 x", "1 2 x", "", "  ", "1 2,"])
@pytest.mark.parametrize("count", [-1, -7, 0, 1, 2, 3, 4, 10])
def test_count(dtype, string, count):
    n_read = outcome(lambda: np.fromstring(string, dtype=dtype, sep=" "))
    keep = None
    if count > 0:
        # the items NumPy reads before it stops: the ones of the whole string, or (when
        # that fails) as many as the string holds before its garbage
        full = n_read if not isinstance(n_read, BaseException) else \
            outcome(lambda: np.fromstring(string.split("x")[0].rstrip(","), dtype=dtype,
                                          sep=" "))
        keep = min(count, len(full)) if not isinstance(full, BaseException) else 0
    check(string, dtype=dtype, count=count, sep=" ", keep=keep)


def test_count_beyond_the_data_has_count_items():
    r = rp.fromstring("1 2", sep=" ", count=5)
    assert r.shape == (5,) and r[:2].tolist() == [1.0, 2.0]
    r = rp.fromstring("", dtype="i4", sep=",", count=3)
    assert r.shape == (3,) and r.dtype == rp.int32
    r = rp.fromstring("1 2", dtype=">i4", sep=" ", count=3)
    assert r.dtype.str == ">i4" and r[:2].tolist() == np.fromstring(
        "1 2", dtype=">i4", sep=" ").tolist()


def test_count_argument_conversion():
    check("1 2", sep=" ", count=1.0)
    check("1 2", sep=" ", count=None)
    check("1 2", sep=" ", count="1")
    check("1 2", sep=" ", count=True)
    check("1 2", sep=" ", count=np.int64(1))
    check("1 2", sep=" ", count=rp.int8(1))
    check("1 2", sep=" ", count=2**63)
    check("1 2", sep=" ", count=-2**63 - 1)
    check("1 2", sep=" ", count=10**12)           # MemoryError: Unable to allocate 7.28 TiB
    check("1 2", sep=" ", count=2**62)            # ValueError: array is too big
    check("x", sep=" ", count=2**61, dtype="u1")  # the array is made before reading


# ----- str and bytes input -----

@pytest.mark.parametrize("string,sep", [("1 2 3", " "), ("1é2", "é"), ("1,2,", ","),
                                        ("1\u20ac2", "\u20ac"), ("nan(x) inf", " ")])
def test_bytes_read_as_str(string, sep):
    r1, _ = check(string, sep=sep)
    r2, _ = check(string.encode("utf-8"), sep=sep)
    assert_outcome(r1, np.asarray(r2) if not isinstance(r2, BaseException) else r2)


@pytest.mark.parametrize("make", [
    lambda: bytearray(b"1 2"), lambda: memoryview(b"1 2"), lambda: 5, lambda: None,
    lambda: 1.5, lambda: ["1"], lambda: rp.frombuffer(b"1 2", dtype="u1"),
    lambda: np.frombuffer(b"1 2", dtype="u1"), lambda: np.frombuffer(b"1 2 3", "u1")[::2],
    lambda: np.array([[49, 32], [50, 32]], dtype="u1"), lambda: "\ud800",
    lambda: type("MyBytes", (bytes,), {})(b"1 2"), lambda: type("MyStr", (str,), {})("1 2"),
])
def test_string_argument_types(make):
    check(make(), sep=" ")


# ----- sep -----

@pytest.mark.parametrize("kwargs", [
    {}, {"sep": ""}, {"sep": 1}, {"sep": None}, {"sep": b" "}, {"sep": "\x00"},
    {"sep": " \x00"}, {"sep": "\ud800"}, {"sep": "\x00\ud800"}, {"dtype": object},
    {"dtype": "U"}, {"dtype": object, "sep": ""}, {"count": 1.5, "sep": 3},
    {"dtype": "foo", "count": 1.5, "sep": 3},
])
def test_sep_missing_empty_or_wrong(kwargs):
    check("1 2", **kwargs)


def test_sep_positional():
    check("1 2", float, -1, " ")
    check("1 2", float, -1, 1)
    check("1 2", float, -1, "")


def test_binary_mode_message():
    r, _ = check("1 2")
    assert str(r) == "The binary mode of fromstring is removed, use frombuffer instead"


# ----- dtypes without a parser -----

@pytest.mark.parametrize("dtype", [object, str, bytes, "S", "U", "V", "U5", "S3", "V8", "i,i",
                                   [("a", "f8")], "(2,)i", "G", "T", "i,O", rp.FIELD_DTYPE])
def test_dtypes_without_a_parser(dtype):
    ndt = np.dtype(rp.FIELD_DTYPE.descr) if dtype is rp.FIELD_DTYPE else dtype
    n = outcome(lambda: np.fromstring("1 2", dtype=ndt, sep=" "))
    r = outcome(lambda: rp.fromstring("1 2", dtype=dtype, sep=" "))
    assert_outcome(r, n, repr(dtype))


def test_unknown_dtype_before_sep():
    check(5, dtype="foo")           # the string argument is checked first
    check("1", dtype="foo", sep=" ")


# ----- like= (NEP 35) -----

class LikeRecorder:
    def __array_function__(self, func, types, args, kwargs):
        return ("seen", func, args, kwargs)


def test_like():
    check("1 2", sep=" ", like=1)
    check("1 2", sep="", like=1)
    check(5, sep=" ", like=1)
    check("1 2", sep=" ", like=rp.empty(0))
    got = rp.fromstring("1 2", sep=" ", like=np.empty(0))
    assert type(got) is np.ndarray and got.tolist() == [1.0, 2.0]
    got = rp.fromstring("1 2", "i4", 1, " ", like=LikeRecorder())
    assert got[0] == "seen" and got[1] is np.fromstring
    got = np.fromstring("1 2 3", dtype="i2", sep=" ", like=rp.empty(0))
    assert isinstance(got, rp.ndarray) and got.tolist() == [1, 2, 3]
    assert got.dtype == rp.int16


# ----- hypothesis: float arrays written with repr read back identically -----

@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), max_size=60),
       st.sampled_from([" ", ",", " ; ", "\t"]))
def test_float_repr_round_trip(values, sep):
    text = sep.join(map(repr, values))
    n = np.fromstring(text, sep=sep)
    r = rp.fromstring(text, sep=sep)
    assert_outcome(r, n, text)
    assert meaningful(r) == np.array(values, dtype=float).tobytes() or any(
        v != v for v in values)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-2**70, 2**70), max_size=40),
       st.sampled_from(["i1", "u1", "i2", "u4", "i8", "u8", "M8[s]"]))
def test_integer_round_trip(values, dtype):
    text = " ".join(map(str, values))
    check(text, dtype=dtype, sep=" ")


# The core reads the first run of items and separators, Python the rest: texts that leave
# the run anywhere (an odd item, a wrong separator, a 19-digit integer, an exponent without
# digits) read as numpy's.
_TOKENS = ["1", "-2", "+3.5", ".5", "7.", "1e5", "2E-3", "1e", "nan", "-inf", "0x1p3", "x",
           "", "123456789012345678", "1234567890123456789", "  4", "5  "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=12),
       st.lists(st.sampled_from([" ", ",", ", ", " ,", ";", "\t", "  "]), min_size=1,
                max_size=12),
       st.sampled_from(["f8", "f4", "f2", "i8", "i4", "u2", "u8", "M8[s]"]),
       st.sampled_from([" ", ",", ", ", ";"]),
       st.sampled_from([-1, 0, 1, 3]))
def test_bulk_and_rest_read_as_numpy(tokens, glue, dtype, sep, count):
    text = "".join(t + glue[k % len(glue)] for k, t in enumerate(tokens))
    # a count beyond the items read leaves numpy's tail uninitialised: compare what was read
    whole = outcome(lambda: np.fromstring(text, dtype=dtype, sep=sep))
    keep = min(len(whole), count) if isinstance(whole, np.ndarray) and count >= 0 else None
    check(text, dtype=dtype, sep=sep, count=count, keep=keep)


def test_large_string():
    x = np.random.default_rng(5).standard_normal(20000)
    text = " ".join(map(repr, x.tolist()))
    r, _ = check(text, sep=" ")
    assert np.asarray(r).tobytes() == x.tobytes()
    ints = ",".join(str(i) for i in range(-5000, 5000)) + ","
    check(ints, dtype="i2", sep=",")
    check(ints + "x", dtype="i2", sep=",")
    check(ints, dtype="i2", sep=",", count=9999)


# =============================================================================================
# fromregex
# =============================================================================================

TEXT = "1312 foo\n1534  bar\n444   qux"
FIELD = rp.FIELD_DTYPE
NP_FIELD = np.dtype(FIELD.descr)


def regex_check(make, regexp, dtype, ndtype=None, **kwargs):
    """fromregex on the same input in both libraries (``make`` gives a fresh file)."""
    n = outcome(lambda: np.fromregex(make(), regexp, dtype if ndtype is None else ndtype,
                                     **kwargs))
    r = outcome(lambda: rp.fromregex(make(), regexp, dtype, **kwargs))
    what = f"fromregex({regexp!r}, {dtype!r})"
    if isinstance(n, BaseException):
        assert_outcome(r, n, what)
        return r, n
    assert isinstance(r, rp.ndarray), f"{what}: numpy gave {n!r}, rumpy {r!r}"
    ra = np.asarray(r)
    assert ra.dtype == n.dtype and ra.dtype.descr == n.dtype.descr, \
        f"{what}: dtype {ra.dtype.descr} != numpy {n.dtype.descr}"
    assert ra.shape == n.shape, f"{what}: shape {ra.shape} != numpy {n.shape}"
    if n.dtype.hasobject:
        assert repr(ra.tolist()) == repr(n.tolist()), f"{what}: {ra!r} != numpy {n!r}"
    else:
        assert ra.tobytes() == n.tobytes(), f"{what}: {ra!r} != numpy {n!r}"
    return r, n


def S(text):
    return lambda: io.StringIO(text)


def B(data):
    return lambda: io.BytesIO(data)


def test_fromregex_example_from_the_notes():
    r, _ = regex_check(S(TEXT), r"(\d+)\s+(...)", [("num", np.int64), ("key", "S3")])
    assert r.tolist() == [(1312, b"foo"), (1534, b"bar"), (444, b"qux")]


@pytest.mark.parametrize("regexp,dtype", [
    (r"(\d+)\s+(...)", [("num", "i8"), ("key", "U3")]),
    (r"(\d+)\s+(...)", "i8,S3"),
    (r"(\d+)\s+(...)", np.dtype("i8,S3")),
    (r"\d+", [("num", "i8")]),                          # no group: the whole match
    (r"[a-z]+", [("k", "S2")]),
    (r"(\d+)", [("num", "i2")]),                        # one group
    (r"(\d+)", [("a", "i4"), ("b", "i4")]),             # 3 values as 8-byte records
    (r"(\d+)", [("a", "i4"), ("b", "i4"), ("c", "i4")]),
    (r"(\d)", [("a", "i8", (2,))]),
    (r"(\d)", [("a", "i8", (2, 3))]),
    (r"(\d)", [("a", "U0")]),
    (r"(\d+)\s+(\d+)", [("a", "i8"), ("b", "i8")]),     # no match
    (r"(zzz)", [("a", "i8")]),
    (r"zzz", [("a", "i8")]),
    (r"(\w+)", [("a", "i8")]),                          # conversion errors
    (r"(\d+)\s+(...)", [("a", "i8"), ("b", "i8")]),
    (r"(\d+)\s+(...)", [("a", "i1"), ("b", "S3")]),
    (r"(\d+)\s+(...)", [("a", "f4"), ("b", "O")]),
    (r"(\d+) +(\w)(\w)", [("a", "u2"), ("b", "S1")]),
    (r"(\d+)\s+((.)..)", [("a", "f8"), ("b", "U3"), ("c", "S1")]),
    (r"(\d+)\s+(...)", "i8"),                           # not structured
    (r"(\d+)\s+(...)", int),
    (r"(\d+)\s+(?P<k>...)", [("a", "i8"), ("k", [("x", "S2")])]),
    (5, [("a", "i8")]),
])
def test_fromregex_cases(regexp, dtype):
    regex_check(S(TEXT), regexp, dtype)


def test_fromregex_field_dtype():
    rows = "1 2 3 4 5\n6 7 8 9 10\n"
    five = r"(\S+) (\S+) (\S+) (\S+) (\S+)"
    r, _ = regex_check(S(rows), five, FIELD, NP_FIELD)
    assert r.dtype == FIELD and r["mass"].tolist() == [3.0, 8.0]
    regex_check(S(rows), r"(\S+)", FIELD, NP_FIELD)       # ten values: two records
    regex_check(S("1 2 3 4 5\n6 7 8\n"), r"(\S+)", FIELD, NP_FIELD)
    regex_check(S("1 2 3 4\n"), r"(\S+) (\S+) (\S+) (\S+)", FIELD, NP_FIELD)
    regex_check(S("1 2 3 4 x\n"), five, FIELD, NP_FIELD)
    regex_check(S(""), five, FIELD, NP_FIELD)
    regex_check(S("v=1.5e3 m=nan\n"), r"v=(\S+) m=(\S+)",
                [("value", "f8"), ("mass", "f8")])


def test_fromregex_bytes_content():
    regex_check(B(TEXT.encode()), r"(\d+)\s+(...)", [("num", "i8"), ("key", "S3")])
    regex_check(B(TEXT.encode()), r"(\d+)\s+(...)", [("num", "i8"), ("key", "U3")])
    regex_check(B(b"1 caf\xe9"), "caf\xe9", [("b", "S4")])      # str pattern as latin-1
    regex_check(B(b"1 caf\xe9"), r"(\d) (caf.)", [("a", "i8"), ("b", "U4")])
    regex_check(B(TEXT.encode()), rb"(\d+)\s+(...)", [("num", "i8"), ("key", "S3")])


def test_fromregex_compiled_patterns():
    regex_check(S(TEXT), re.compile(r"(\d+)\s+(...)"), [("num", "i8"), ("key", "S3")])
    regex_check(S(TEXT), re.compile(r"(\D+)", re.M), [("k", "U8")])
    regex_check(B(TEXT.encode()), re.compile(rb"(\d+)\s+(...)"), [("num", "i8"), ("k", "S3")])
    # a compiled pattern is used as it is: no conversion between str and bytes
    r, _ = regex_check(B(TEXT.encode()), re.compile(r"(\d+)"), [("num", "i8")])
    assert str(r) == "cannot use a string pattern on a bytes-like object"
    r, _ = regex_check(S(TEXT), re.compile(rb"(\d+)"), [("num", "i8")])
    assert str(r) == "cannot use a bytes pattern on a string-like object"
    regex_check(S(TEXT), rb"(\d+)", [("num", "i8")])


@pytest.fixture
def files(tmp_path):
    (tmp_path / "plain.txt").write_text(TEXT)
    with gzip.open(tmp_path / "zipped.txt.gz", "wt") as f:
        f.write(TEXT)
    (tmp_path / "utf8.txt").write_bytes("1 café\n2 naïve\n".encode())
    (tmp_path / "latin.txt").write_bytes(b"1 caf\xe9\n")
    return tmp_path


def test_fromregex_file_names(files):
    dt = [("num", "i8"), ("key", "S3")]
    regex_check(lambda: str(files / "plain.txt"), r"(\d+)\s+(...)", dt)
    regex_check(lambda: pathlib.Path(files / "plain.txt"), r"(\d+)\s+(...)", dt)
    regex_check(lambda: str(files / "zipped.txt.gz"), r"(\d+)\s+(...)", dt)
    regex_check(lambda: str(files / "zipped.txt"), r"(\d+)\s+(...)", dt)   # finds the .gz
    regex_check(lambda: str(files / "utf8.txt"), r"(\d) (\w+)", [("a", "i8"), ("b", "U5")],
                encoding="utf-8")
    regex_check(lambda: str(files / "latin.txt"), r"(\d) (\w+)", [("a", "i8"), ("b", "U5")],
                encoding="latin1")
    regex_check(lambda: str(files / "plain.txt"), r"(\d+)", "i8")  # dtype checked after open
    r, _ = regex_check(lambda: str(files / "missing.txt"), r"(\d+)", [("num", "i8")])
    assert isinstance(r, FileNotFoundError) and str(r) == f"{files / 'missing.txt'} not found."
    regex_check(lambda: 5, r"x", [("a", "i8")])


def test_fromregex_open_files(files):
    dt = [("num", "i8"), ("key", "S3")]
    regex_check(lambda: open(files / "plain.txt"), r"(\d+)\s+(...)", dt)
    regex_check(lambda: open(files / "plain.txt", "rb"), r"(\d+)\s+(...)", dt)
    f = io.StringIO(TEXT)
    rp.fromregex(f, r"(\d+)", [("num", "i8")])
    assert not f.closed and f.read() == ""      # read whole, left open


def test_fromregex_no_match_is_empty():
    r, _ = regex_check(S("nothing here"), r"(\d+)\s+(\d+)", [("a", "i8"), ("b", "f8")])
    assert r.shape == (0,)
    regex_check(S(""), r"(\d+)", FIELD, NP_FIELD)


def test_fromregex_signature():
    r = rp.fromregex(file=io.StringIO(TEXT), regexp=r"(\d+)", dtype=[("a", "i4")],
                     encoding=None)
    assert r.tolist() == [(1312,), (1534,), (444,)]
