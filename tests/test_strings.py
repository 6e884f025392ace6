"""numpy.strings against rumpy.strings: every function over str and bytes arrays (ASCII and
beyond, empty items, 0-d, strided and reversed views, broadcast arguments), values, dtypes and
shapes, and the exception class for bad input."""

import pytest

from conftest import Collector, check

WORDS = ["Hello World", "ßtraße", "abc", "", "  x  ", "ǆemal", "a\tb\tc", "Title Case",
         "UPPER", "lower", "MiXeD 123", "12", "²½", " \t\n", "l.l.l", "ﬁne"]
BYTES = [b"Hello World", b"abc", b"", b"  x  ", b"a\tb", b"UPPER", b"12", b"l.l.l"]

ARRAYS = {
    "U": "m.array(WORDS)",
    "S": "m.array(BYTES)",
    "U[::-2]": "m.array(WORDS)[::-2]",
    "S[::2]": "m.array(BYTES)[::2]",
    "U2d": "m.array(WORDS).reshape(4, 4)",
    "U0d": "m.array('Hello World')",
    "Uempty": "m.array(WORDS)[:0]",
    "Uwide": "m.array(WORDS, dtype='U20')",
}

UNARY = ["upper", "lower", "swapcase", "capitalize", "title", "isalpha", "isdigit", "isspace",
         "isalnum", "islower", "isupper", "istitle", "str_len", "strip", "lstrip", "rstrip"]
UNICODE_ONLY = ["isdecimal", "isnumeric"]


def run(expr, arr):
    check(expr.format(a=ARRAYS[arr]), WORDS=WORDS, BYTES=BYTES)


@pytest.mark.parametrize("arr", list(ARRAYS))
@pytest.mark.parametrize("name", UNARY + UNICODE_ONLY)
def test_unary(name, arr):
    run(f"m.strings.{name}({{a}})", arr)


def sub_for(arr):
    return "b'l'" if arr.startswith("S") else "'l'"


@pytest.mark.parametrize("arr", list(ARRAYS))
@pytest.mark.parametrize("name", ["find", "rfind", "count", "startswith", "endswith"])
def test_search(name, arr):
    col = Collector()
    s = sub_for(arr)
    for args in [s, f"{s}, 3", f"{s}, 1, 6", f"{s}, -5", f"{s}, 0, -2", f"{s}, 20",
                 "''" if s == "'l'" else "b''", f"{s}, m.array([0, 2])[:1]"]:
        col(run, f"m.strings.{name}({{a}}, {args})", arr)
    col.done()


@pytest.mark.parametrize("name", ["index", "rindex"])
def test_index_raises_when_missing(name):
    col = Collector()
    col(check, f"m.strings.{name}(m.array(['hello', 'world']), 'o')")
    col(check, f"m.strings.{name}(m.array(['hello', 'abc']), 'o')")
    col(check, f"m.strings.{name}(m.array([b'hello']), b'l', 1, 3)")
    col.done()


@pytest.mark.parametrize("arr", ["U", "S", "U[::-2]", "U2d", "U0d", "Uempty"])
def test_padding_and_fill(arr):
    col = Collector()
    fill = "b'*'" if arr.startswith("S") else "'*'"
    for name in ["center", "ljust", "rjust"]:
        for args in ["15", "3", f"15, {fill}", "0", "m.array([4, 14])[:1]"]:
            col(run, f"m.strings.{name}({{a}}, {args})", arr)
    for args in ["5", "15", "0"]:
        col(run, f"m.strings.zfill({{a}}, {args})", arr)
    col.done()


@pytest.mark.parametrize("arr", ["U", "S", "U[::-2]", "U2d", "U0d", "Uempty"])
def test_replace_strip_partition(arr):
    col = Collector()
    b = arr.startswith("S")
    q = (lambda x: f"b'{x}'") if b else (lambda x: f"'{x}'")
    for args in [f"{q('l')}, {q('LL')}", f"{q('l')}, {q('LL')}, 1", f"{q('l')}, {q('')}",
                 f"{q('')}, {q('-')}", f"{q('l')}, {q('L')}, 0"]:
        col(run, f"m.strings.replace({{a}}, {args})", arr)
    for name in ["strip", "lstrip", "rstrip"]:
        col(run, f"m.strings.{name}({{a}}, {q('Hx d')})", arr)
    for name in ["partition", "rpartition"]:
        col(run, f"m.strings.{name}({{a}}, {q('l')})", arr)
    for args in ["", "2", "0"]:
        col(run, f"m.strings.expandtabs({{a}}{', ' + args if args else ''})", arr)
    for args in ["1, 4", "2", "None, None, -1", "-3, None", "1, 10, 2"]:
        col(run, f"m.strings.slice({{a}}, {args})", arr)
    for args in ["2", "0", "-1", "m.array([3, 1])[:1]"]:
        col(run, f"m.strings.multiply({{a}}, {args})", arr)
    col.done()


def test_encode_decode_mod_translate():
    col = Collector()
    for expr in ["m.strings.encode(m.array(['abc', 'é']), 'utf-8')",
                 "m.strings.encode(m.array(['abc', 'é']))",
                 "m.strings.encode(m.array(['abc']), 'ascii')",
                 "m.strings.encode(m.array(['é']), 'ascii')",
                 "m.strings.decode(m.array([b'abc', b'\\xc3\\xa9']), 'utf-8')",
                 "m.strings.decode(m.array([b'\\xff']), 'utf-8')",
                 "m.strings.decode(m.array([b'\\xff']), 'utf-8', 'replace')",
                 "m.strings.mod(m.array(['%05.1f', 'x%sy']), 3.14159)",
                 "m.strings.mod(m.array(['%d', '%x']), m.array([10, 255]))",
                 "m.strings.translate(m.array(['Hello']), str.maketrans('lo', 'LO'))",
                 "m.strings.translate(m.array([b'Hello']), None, b'l')",
                 "m.strings.upper(m.array([1, 2]))", "m.strings.str_len(m.array([1.5]))",
                 "m.strings.center(m.array(['a']), 5, 'ab')",
                 "m.strings.upper('abc')", "m.strings.find('abc', 'b')",
                 "m.strings.add(m.array(['a']), m.array(['b']))",
                 "m.strings.equal(m.array(['a', 'b']), 'a')"]:
        col(check, expr)
    col.done()


def test_char_module():
    col = Collector()
    for expr in ["m.char.split(m.array(['a b c', 'x,y', '']))",
                 "m.char.split(m.array(['a b c', 'x,y', '']), ',')",
                 "m.char.rsplit(m.array(['a b c', 'x,y', '']), None, 1)",
                 "m.char.split(m.array([b'a b']))",
                 "m.char.splitlines(m.array(['a\\nb', 'c']))",
                 "m.char.splitlines(m.array(['a\\nb', 'c']), True)",
                 "m.char.join('-', m.array(['a b c', 'x,y', '']))",
                 "m.char.join(m.array(['-', '+', '*']), m.array(['a b c', 'x,y', '']))",
                 "m.char.compare_chararrays(m.array(['a ', 'b']), m.array(['a', 'c']), '==', True)",
                 "m.char.compare_chararrays(m.array(['a ', 'b']), m.array(['a', 'c']), '<', False)",
                 "m.char.compare_chararrays(m.array(['a']), m.array(['a']), 'x', False)",
                 "m.char.upper(m.array(['ab'])), m.char.str_len(m.array(['ab', '']))",
                 "m.char.find(m.array(['abc']), 'c'), m.char.equal(m.array(['a']), 'a')",
                 "m.char.mod(m.array(['%d']), 5)"]:
        col(check, expr)
    col.done()


def test_review_cases():
    """Cases a review found: sizes that do not fit, bytes whitespace, numpy.char's
    comparisons ignoring trailing whitespace, char.asarray without a copy."""
    col = Collector()
    for expr in ["m.strings.center(m.array(['a']), 2**62)",
                 "m.strings.ljust(m.array(['a']), 2**62)",
                 "m.strings.zfill(m.array(['a']), 2**62 + 7)",
                 "m.strings.isspace(m.array([b'\\x1c', b' ', b'\\x1f\\t']))",
                 "m.strings.isspace(m.array(['\\x1c', ' ']))",
                 "m.char.equal(m.array(['a']), m.array(['a ']))",
                 "m.char.not_equal(m.array([b'a']), m.array([b'a  ']))",
                 "m.char.less(m.array(['a ']), m.array(['b']))",
                 "m.char.asarray(['a', 'bc'])"]:
        col(check, expr)
    col.done()


def test_argument_kinds():
    col = Collector()
    for expr in ["m.strings.find(m.array(['abc', 'bcd']), 'b', 1.5)",
                 "m.strings.zfill(m.array(['abc']), 5.0)",
                 "m.strings.replace(m.array(['abc']), 'b', 'X', 1.5)",
                 "m.strings.multiply(m.array(['abc']), 1.5)",
                 "m.strings.center(m.array(['abc']), m.array([5.0]))",
                 "m.strings.replace(m.array([b'abc']), 'b', 'XX')",
                 "m.strings.center(m.array(['a']), 3, b'*')",
                 "m.strings.find(m.array([b'hello']), 'l')",
                 "m.strings.strip(m.array([b' a ']), ' ')"]:
        col(check, expr)
    col.done()


UFUNCS = ["isalpha", "isdigit", "isspace", "isalnum", "islower", "isupper", "istitle",
          "isdecimal", "isnumeric", "str_len"]


@pytest.mark.parametrize("name", UFUNCS)
def test_string_ufuncs_are_ufuncs(name):
    """numpy.strings' ufuncs: the objects, their attributes, out=, where=, broadcasting into
    a given output, byte-swapped and non-ASCII items, StringDType, and the no-loop errors."""
    c = Collector()
    u = f"m.strings.{name}"
    for e in [f"type({u}).__name__", f"{u}.__name__", f"{u}.nin, {u}.nout, {u}.nargs",
              f"{u}.ntypes, {u}.types, {u}.identity, {u}.signature", f"repr({u})",
              f"hasattr(m, '{name}')",
              f"{u}(m.array(WORDS), out=m.zeros(16, {u}(m.array('a')).dtype))",
              f"{u}(m.array(WORDS), where=m.arange(16) % 2 == 0, "
              f"out=m.ones(16, {u}(m.array('a')).dtype))",
              f"{u}('ǆemal', out=m.zeros(70000, {u}(m.array('a')).dtype)).sum()",
              f"{u}(m.array(WORDS * 5000)).sum()", f"{u}(m.array(WORDS, '>U12'))",
              f"{u}(m.array(WORDS, m.dtypes.StringDType()))",
              f"{u}(m.array(WORDS + [None], m.dtypes.StringDType(na_object=float('nan'))))",
              f"{u}(m.array(WORDS + [None], m.dtypes.StringDType(na_object=None)))",
              f"{u}(m.array(['ab', None], m.dtypes.StringDType(na_object='xyz')))",
              f"{u}(m.array(BYTES))", f"{u}(b'ab1')", f"{u}('')", f"{u}(5)", f"{u}(1.5)",
              f"{u}(m.array([1], object))", f"{u}(m.array(['1'], 'M8[D]'))",
              f"{u}.reduce(m.array(WORDS))", f"{u}.accumulate(m.array(WORDS))",
              f"{u}(m.array(WORDS), dtype='i4')", f"{u}(m.array(WORDS), dtype=bool)"]:
        c(check, e, WORDS=WORDS, BYTES=BYTES)
    c.done()
