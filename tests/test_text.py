"""Fixed-width text arrays (bytes ``S<n>`` and str ``U<n>``) against numpy: dtypes, creation,
casts with numbers and between each other, promotion, comparisons, ``add``, items, printing
and interop."""

import numpy as np
import pytest

import rumpy as rp
from conftest import ALL_DTYPES, Collector, P, assert_same, check

TEXT_DTYPES = ["S5", "U5", "S", "U", ">U3", "<U3", "=U2", "|S3", "S05", "U 5", "c", "str",
               "bytes", "str_", "bytes_", "unicode", "U0", "S0"]
BAD_TEXT_DTYPES = ["S-1", "Sx", "U1.5", "c2", "U2147483647", "S2147483648", "string", "Ua"]


@pytest.mark.parametrize("spec", TEXT_DTYPES + BAD_TEXT_DTYPES)
def test_dtype_attributes(spec):
    col = Collector()
    for attr in ["kind", "num", "itemsize", "name", "str", "byteorder", "alignment",
                 "isbuiltin", "descr", "isnative"]:
        col(check, f"m.dtype(s).{attr}", s=spec)
    col(check, "repr(m.dtype(s)), str(m.dtype(s))", s=spec)
    col(check, "m.dtype(s).char", s=spec)
    col.done()


@pytest.mark.parametrize("t", ["str", "bytes", "m.str_", "m.bytes_", "np.str_", "np.bytes_"])
def test_dtype_from_types(t):
    check(f"m.dtype({t}), m.dtype({t}).type.__name__")


def test_scalar_classes():
    col = Collector()
    for expr in ["m.str_.__mro__[1:2]", "issubclass(m.str_, m.character)",
                 "issubclass(m.bytes_, m.flexible)", "repr(m.str_('ab')), str(m.str_('ab'))",
                 "repr(m.bytes_(b'ab')), str(m.bytes_(b'ab'))", "m.str_('ab').dtype",
                 "m.bytes_(b'abc').dtype", "m.str_('ab').itemsize", "m.str_('5') + 'x'",
                 "int(m.str_('5')), float(m.bytes_(b'1.5'))", "-m.str_('a')",
                 "m.str_('ab').item(), type(m.str_('ab').item()).__name__", "m.bytes_('ab')",
                 "bool(m.str_('')), bool(m.str_('a'))"]:
        col(check, expr)
    col.done()


CREATION = [
    "['a', 'bc']", "[b'a', b'bc']", "['a', 1]", "['a', 1.5, True]", "[b'a', 'b']",
    "[b'a', 1]", "[1 + 2j, b'a']", "['', '']", "'abc'", "b'xy'", "['a\\x00', 'b\\x00c']",
    "[['ab', 'c'], ['d', 'efg']]", "[[b'x'], [b'yz']]", "[]", "['é', 'ü']", "[m.str_('ab'), 1]",
    "[m.float32(1.5), 'a']", "[m.array(['abc']), m.array(['d'])]",
    "[m.array([1, 2]), m.array(['d', 'e'])]", "['a', ['b']]", "[b'\\xff', 'a']",
    "[b'\\xff']", "('ab', 'c')",
]
CREATION_DTYPES = [None, "U", "S", "U2", "S2", ">U4", "int64", "float64", "bool", "complex128",
                   "int8"]


@pytest.mark.parametrize("src", CREATION)
@pytest.mark.parametrize("dt", CREATION_DTYPES)
def test_array_from_text(src, dt):
    check(f"m.array({src}, dtype=dt)", dt=dt)


@pytest.mark.parametrize("src", ["[1, 2]", "[1.25, 10]", "1.5", "True", "[1+2j]", "[-5, 300]",
                                 "[m.int8(-7), m.uint64(2**64 - 1)]", "[[0.1], [1e20]]",
                                 "[m.float32(0.1), m.float16(1/3)]"])
@pytest.mark.parametrize("dt", ["U", "S", "U3", "S1"])
def test_numbers_into_text(src, dt):
    check(f"m.array({src}, dtype=dt)", dt=dt)


@pytest.mark.parametrize("fn", ["m.zeros(3, dt)", "m.ones(3, dt)", "m.empty(0, dt)",
                                "m.zeros_like(m.array(['ab', 'c'], dtype=dt))",
                                "m.ones_like(m.array(['ab'], dtype=dt))",
                                "m.zeros_like(b'', shape=(2, 3))", "m.zeros_like('xyz')",
                                "m.full(2, 'abc', dtype=dt)", "m.full(2, 7, dtype=dt)",
                                "m.zeros((2, 2), dt).T", "m.ones((), dt)"])
@pytest.mark.parametrize("dt", ["U", "S", "U3", "S2", ">U2"])
def test_constructors(fn, dt):
    check(fn, dt=dt)


def test_full_discovers_text():
    check("m.full(2, 'abc')")
    check("m.full((2, 1), b'x')")


SPECIAL = {
    "f": [0.0, -0.0, 1.5, 0.1, 1 / 3, 1e16, 1e15, 1e-5, 1e-4, 9.999e-5, 123456789.123, 1e6,
          999999.0, 1234567.0, 1e300, 5e-324, float("nan"), float("inf"), -float("inf"),
          65504.0, 1000.0, 999.0, 2.0 ** -14, 1e20],
    "i": [0, 1, -1, 127, -128, 12345, -(2 ** 31), 2 ** 31 - 1, -(2 ** 63), 2 ** 63 - 1],
    "u": [0, 1, 255, 65535, 2 ** 32 - 1, 2 ** 64 - 1],
    "b": [True, False],
}


def special_values(dtype):
    d = np.dtype(dtype)
    if d.kind == "c":
        f = SPECIAL["f"]
        vals = [complex(a, b) for a, b in zip(f, reversed(f))] + [1j, -0.5j, complex(-0.0, 2)]
    else:
        vals = SPECIAL[d.kind]
    with np.errstate(all="ignore"):
        return np.array([v for v in vals if d.kind not in "iu" or
                         np.iinfo(d).min <= v <= np.iinfo(d).max]).astype(d)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("target", ["U", "S", "U4", "S3", ">U40", "U64"])
def test_numbers_cast_to_text(dtype, target):
    x = special_values(dtype)
    check("a.astype(t)", a=P(rp.array(x.tolist(), dtype=dtype), x), t=target)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("kind", ["U", "S"])
def test_text_cast_to_numbers(dtype, kind):
    # Every special value as numpy writes it, read back.
    x = special_values(dtype).astype(kind)
    check("a.astype(d)", a=P(rp.array(x.tolist(), dtype=x.dtype.str), x), d=dtype)


PARSE_CASES = ["12", " 3 ", "1_0", "+5", "-0", "1.5", "x", "", "1__0", "_1", "1_", "1e3",
               "inf", "-Infinity", "nan", "NaN", " 2e3 ", ".5", "5.", "1+2j", "(1-2j)", "2J",
               "j", "1e+2", "--1", "300", "-129", "99999999999999999999", "1 0", "0x10",
               "1e400", "\t7\n"]


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int64", "uint64", "float16",
                                   "float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("kind", ["U", "S"])
def test_parsing_each_text(dtype, kind):
    col = Collector()
    for s in PARSE_CASES:
        col(check, "m.array([s], dtype=k).astype(d)", s=s, k=kind, d=dtype)
    col.done()


TEXT_PAIRS = [("S3", "S5"), ("S5", "S2"), ("U3", "U5"), ("U5", "U2"), ("S3", "U3"),
              ("S3", "U2"), ("U3", "S3"), ("<U3", ">U3"), (">U3", "U5"), ("U3", "U"),
              ("S3", "S"), ("S3", "U"), ("U3", "S")]


@pytest.mark.parametrize("src,dst", TEXT_PAIRS)
def test_text_to_text(src, dst):
    vals = ["abc", "a", "", "a\x00b", "xyz"]
    check("m.array(v, dtype=s).astype(d)", v=vals, s=src, d=dst)


@pytest.mark.parametrize("val", ["é", "a\u1234", "\U0001f600"])
def test_non_ascii_into_bytes_raises(val):
    check("m.array([v]).astype('S')", v=val)
    check("m.array([v], dtype='S3')", v=val)


@pytest.mark.parametrize("rule", ["no", "equiv", "safe", "same_kind", "unsafe"])
def test_can_cast(rule):
    col = Collector()
    specs = ["U5", "S5", "U4", "S4", "U6", ">U5", "U", "S", "U20", "U21", "S32", "U64"]
    for a in specs + ALL_DTYPES:
        for b in specs:
            col(check, "m.can_cast(a, b, r), m.can_cast(b, a, r)", a=a, b=b, r=rule)
    col.done()


def test_promotion():
    col = Collector()
    specs = ["U5", "S7", "U", "S", "U1", "S30", ">U3"]
    for a in specs + ALL_DTYPES:
        for b in specs:
            col(check, "m.promote_types(a, b)", a=a, b=b)
            col(check, "m.result_type(a, b)", a=a, b=b)
    col.done()


CMP_VALUES = [["abc", "ab", "", "b", "a\x00", "abd"], ["ab", "ab", "a", "", "a", "abc"]]


@pytest.mark.parametrize("op", ["==", "!=", "<", "<=", ">", ">="])
@pytest.mark.parametrize("kinds", [("U", "U"), ("S", "S"), ("U6", "U2"), ("S2", "S9"),
                                   (">U4", "<U3")])
def test_comparisons(op, kinds):
    a, b = CMP_VALUES
    col = Collector()
    col(check, f"m.array(a, dtype=k1) {op} m.array(b, dtype=k2)", a=a, b=b, k1=kinds[0],
        k2=kinds[1])
    col(check, f"m.array(a, dtype=k1)[::-2] {op} m.array(b, dtype=k2)[1::2]", a=a, b=b,
        k1=kinds[0], k2=kinds[1])
    col(check, f"m.array(a, dtype=k1).reshape(2, 3) {op} m.array(b[:3], dtype=k2)", a=a, b=b,
        k1=kinds[0], k2=kinds[1])
    scalar = "'ab'" if kinds[0].lstrip("<>=").startswith("U") else "b'ab'"
    col(check, f"m.array(a, dtype=k1) {op} {scalar}", a=a, k1=kinds[0])
    col(check, f"{scalar} {op} m.array(a, dtype=k1)", a=a, k1=kinds[0])
    col.done()


@pytest.mark.parametrize("name", ["equal", "not_equal", "less", "greater_equal"])
def test_comparison_ufuncs(name):
    col = Collector()
    col(check, f"m.{name}(m.array(['a', 'b']), m.array([['a'], ['c']]))")
    col(check, f"m.{name}(m.array([b'a', b'b']), m.array([b'b', b'b']))")
    col(check, f"m.{name}(m.array(['a']), m.array([b'a']))")
    col(check, f"m.{name}(m.array(['a']), 1)")
    col(check, f"m.{name}(m.array([], dtype='U3'), m.array([], dtype='U1'))")
    col(check, f"m.{name}(m.array('a'), m.array('a'))")
    col.done()


def test_mixed_equality_is_elementwise_unequal():
    col = Collector()
    for expr in ["m.array(['a']) == m.array([b'a'])", "m.array(['1']) == 1",
                 "m.array(['a', 'b']) != 1.5", "m.array('a') == 1",
                 "m.array([b'1', b'2']) == m.array([[1], [2]])"]:
        col(check, expr)
    col.done()


ADD_CASES = ["m.array(['a', 'bc']) + m.array(['x'])", "m.array([b'a', b'bc']) + m.array([b'xyz'])",
             "m.array(['a\\x00', 'b']) + m.array(['c', 'd\\x00'])", "m.array(['a']) + 'bc'",
             "'x' + m.array(['a', 'bc'])", "m.array(['a']) + m.array([b'x'])",
             "m.array(['a']) + 1", "m.add(m.array(['a', 'b'])[::-1], m.array([['c'], ['d']]))",
             "m.array('ab') + m.array('c')", "m.array([], dtype='S2') + m.array([], dtype='S3')",
             "m.array(['a'], dtype='>U2') + m.array(['b'], dtype='<U1')"]


@pytest.mark.parametrize("expr", ADD_CASES)
def test_add(expr):
    check(expr)


@pytest.mark.parametrize("kind", ["U", "S", "U2", ">U3"])
def test_items(kind):
    vals = ["ab", "c", "", "d\x00e"] if kind != "S" else [b"ab", b"c", b"", b"d\x00e", b"\xff"]
    col = Collector()
    for expr in ["a[0]", "a[-1]", "a[2]", "a.tolist()", "a.item(3)", "a[1:3]", "a[::-1]",
                 "a[[0, 3]]", "a.reshape(2, -1)[1, 0]", "a.reshape(2, -1).tolist()",
                 "type(a[0]).__name__", "a[0].dtype", "a.copy()", "a.tobytes()"]:
        col(check, expr, a=P(rp.array(vals, dtype=kind), np.array(vals, dtype=kind)))
    col.done()


SETITEM = ["a[0] = 'hello'", "a[1] = 12345", "a[1] = 1.5", "a[0] = b'xy'", "a[:] = 'z'",
           "a[:2] = ['p', 'qrstuvw']", "a[[0, 2]] = ['u', 'v']", "a[a == 'b'] = 'w'",
           "a[0] = True", "a[...] = m.array(['k', 'l', 'm'])", "a[0] = ['x']",
           "a[0] = 'é'", "a[1] = m.int8(-5)", "a.fill('q')", "a[2] = None"]


@pytest.mark.parametrize("stmt", SETITEM)
@pytest.mark.parametrize("kind", ["U3", "S3", ">U2"])
def test_setitem(stmt, kind):
    def run(m):
        a = m.array(["a", "b", "c"], dtype=kind)
        exec(stmt, {"a": a, "m": m})
        return a
    check(run)


@pytest.mark.parametrize("expr", [
    "repr(m.array(['a', \"b'c\", 'd\"e', 'f\\'g\"h', '\\n', 'é']))",
    "str(m.array(['a', 'bc']))", "repr(m.array([b'a', b'\\xff', b\"'\"]))",
    "str(m.array([b'a', b'\\xff']))", "repr(m.array([], dtype='U3'))", "repr(m.array('x'))",
    "repr(m.array(['a' * 30] * 3))", "repr(m.array(['a', 'b'], dtype='>U2'))",
    "repr(m.array([['ab', 'c'], ['d', 'e']]))", "repr(m.array(['x'] * 2000))",
    "str(m.array([b'x'], dtype='S3'))", "repr(m.zeros(2, 'S'))",
])
def test_printing(expr):
    check(expr)


@pytest.mark.parametrize("dt", ["U3", "S3", ">U3"])
def test_interop_shares_memory(dt):
    n = np.array(["ab", "c", "def"], dtype=dt)
    r = rp.asarray(n)
    assert_same(r, n)
    n[0] = "zz"
    assert r[0] == n[0], "rumpy's view of numpy's text array did not see the write"
    r2 = rp.array(["ab", "c", "def"], dtype=dt)
    back = np.asarray(r2)
    assert back.dtype == np.dtype(dt)
    r2[1] = "q"
    assert back.tolist()[1] in ("q", b"q"), "numpy's view of rumpy's text array missed a write"
    m = memoryview(r2)
    assert m.format == memoryview(np.array(["ab"], dtype=dt)).format
    assert_same(rp.asarray(m), np.asarray(memoryview(back)))
    assert_same(rp.frombuffer(r2, dtype=dt), np.frombuffer(back, dtype=dt))


RECORD_DT = [("name", "U5"), ("code", "S2"), ("x", "f8")]
ROWS = [("ab", b"x", 1.5), ("cdefgh", b"yzw", -2.0), ("", b"", 0.0)]


@pytest.mark.parametrize("expr", [
    "m.zeros(2, dtype=dt)", "m.zeros(2, dtype=dt)['name']", "m.dtype(dt).descr",
    "repr(m.dtype(dt))", "str(m.dtype(dt))", "m.array(rows, dtype=dt)",
    "m.array(rows, dtype=dt).tolist()", "m.array(rows, dtype=dt)[1].item()",
    "m.array(rows, dtype=dt)['code']", "repr(m.array(rows, dtype=dt))",
    "repr(m.array(rows, dtype=dt)[0])", "m.array(rows, dtype=dt)[['name', 'x']]",
    "m.array(rows, dtype=dt)['name'] == 'ab'", "m.array(rows, dtype=dt)[0]['name']",
    "m.array(rows, dtype=dt).view(m.recarray).name",
])
def test_record_with_text_fields(expr):
    check(expr, dt=RECORD_DT, rows=ROWS)


def test_record_with_text_fields_assignment_and_interop(tmp_path):
    def run(m):
        a = m.zeros(3, dtype=RECORD_DT)
        a["name"] = ["p", "qq", "rrrrrrr"]
        a[1] = ("zz", b"yy", 3.0)
        a[2]["code"] = b"w"
        return a
    check(run)
    r = rp.array(ROWS, dtype=RECORD_DT)
    n = np.asarray(r)
    assert_same(r, n)
    assert n.dtype == np.dtype(RECORD_DT)
    assert memoryview(r).format == memoryview(np.array(ROWS, dtype=RECORD_DT)).format
    path = str(tmp_path / "t.npy")
    rp.save(path, r)
    assert_same(rp.load(path), np.load(path))
    np.save(path, np.array(ROWS, dtype=RECORD_DT))
    assert_same(rp.load(path), np.load(path))


@pytest.mark.parametrize("dt", ["U3", "S3", ">U2"])
def test_npy_round_trip(tmp_path, dt):
    path = str(tmp_path / "t.npy")
    n = np.array([["ab", "c"], ["", "xyz"]], dtype=dt)
    rp.save(path, rp.array(n.tolist(), dtype=dt))
    assert_same(rp.load(path), np.load(path))
    np.save(path, n[:, ::-1])
    assert_same(rp.load(path), np.load(path))


def _ufunc_names(nin):
    return sorted(n for n in dir(np) if isinstance(getattr(np, n), np.ufunc)
                  and getattr(np, n).nin == nin and hasattr(rp, n)
                  and n not in ("matmul", "matvec", "vecmat", "vecdot"))


@pytest.mark.parametrize("nin", [1, 2])
@pytest.mark.parametrize("kind", ["U", "S"])
def test_every_ufunc_on_text(nin, kind):
    """The loops NumPy has for text, and its error class (UFuncTypeError or TypeError) for
    the rest, text alone and with a number."""
    col = Collector()
    a = P(rp.array(["a", "bc"], dtype=kind), np.array(["a", "bc"], dtype=kind))
    for name in _ufunc_names(nin):
        args = "a" if nin == 1 else "a, a"
        col(check, f"m.{name}({args})", a=a)
        if nin == 2:
            col(check, f"m.{name}(a, 1)", a=a)
            col(check, f"m.{name}(1.5, a)", a=a)
    col.done()


@pytest.mark.parametrize("expr", [
    "a.argmax()", "a.argmin()", "a.reshape(2, 3).argmax(axis=1)", "a.reshape(2, 3).argmin(0)",
    "a[::-1].argmax()", "a.max()", "a.sum()", "m.maximum.reduce(a)", "m.add.accumulate(a)",
    "m.add.reduce(a, axis=0)", "m.equal.reduce(a)", "a.mean()", "m.logical_and.reduce(a)",
    "m.logical_or.reduce(a)", "m.logical_and.reduce(a.reshape(2, 3), axis=1)",
    "m.logical_xor.reduce(a[1:3])", "m.logical_or.reduce(a[:0])",
])
@pytest.mark.parametrize("kind", ["U", "S4"])
def test_reductions_and_argextremes(expr, kind):
    vals = ["b", "abc", "b\x00", "", "c", "ca"]
    check(expr, a=P(rp.array(vals, dtype=kind), np.array(vals, dtype=kind)))


# ----------------------------------------------------------------------------- dtype('c')

@pytest.mark.parametrize("expr", [
    "repr(m.dtype('c'))", "m.dtype('c').char", "m.dtype('c').str", "m.dtype('c').name",
    "m.dtype('c').num", "m.dtype('c') == m.dtype('S1')", "m.dtype('c').isbuiltin",
    "m.dtype('c').descr", "m.array('abc', dtype='c')", "m.array(['ab', 'cd'], 'c')",
    "m.array('abc', dtype='c').dtype.char", "m.array([1, 2], 'c')",
    "m.zeros(2, 'c').dtype.char", "m.array(['abc', 'd'], 'c')", "m.array('', dtype='c')",
    "m.array(m.array(['ab']), dtype='c')", "m.array(['ab'], 'U').astype('c')",
    "m.array([('ab', 'c')], 'c')",
])
def test_char_c(expr):
    check(expr)


@pytest.mark.parametrize("spec", ["", ">8", "<8", "^9"])
@pytest.mark.parametrize("make", ["m.bytes_(b'ab')", "m.str_('ab')", "m.array([b'a'])[0]",
                                  "m.array(['xy'])[0]"])
def test_format_of_text_scalars(make, spec):
    check(f"format({make}, {spec!r})")
