"""numpy.char.chararray against numpy: construction (shape and itemsize, a str filler, a
bytes buffer), ``char.array``/``char.asarray`` from str, bytes, lists, text and number
arrays, items read without trailing whitespace, comparisons that ignore it, the operators,
the string methods (text results stay chararrays), ufunc results, printing and errors."""

import numpy as np
import pytest

import rumpy as rp  # noqa: F401 (the check helper evaluates with both)
from conftest import Collector, assert_same
from conftest import check as check_values


def same(r, n):
    if isinstance(n, np.char.chararray):
        assert type(r).__name__ == "chararray", f"{type(r).__name__} != chararray"
        assert r.dtype.str == n.dtype.str and r.shape == n.shape, f"{r!r} != {n!r}"
        assert r.tolist() == n.tolist(), f"{r.tolist()} != {n.tolist()}"
    elif type(n) is tuple:
        assert type(r) is tuple and len(r) == len(n)
        for x, y in zip(r, n):
            same(x, y)
    elif isinstance(n, (str, bytes)):
        assert type(r) is type(n) and r == n, f"{r!r} != numpy {n!r}"
    else:
        assert_same(r, n)


def check(expr):
    return check_values(expr, compare=same)


MAKE = [
    "m.char.array(['ab ', 'cd', ' e  '])",
    "m.char.array([b'ab ', b'cd', b' e'])",
    "m.char.array(['ab ', 'cd'], itemsize=5)",
    "m.char.array(['ab', 'cd'], unicode=False)",
    "m.char.array([b'ab', b'cd'], unicode=True)",
    "m.char.array([1, 22, 333])",
    "m.char.array([1.5, 2], unicode=True)",
    "m.char.array('abcdef', itemsize=2)",
    "m.char.array(b'abcdef', itemsize=2)",
    "m.char.array('abc')",
    "m.char.array(m.array(['xy ', 'z']))",
    "m.char.array(m.array([['a', 'bb'], ['ccc', '']]))",
    "m.char.asarray(['ab ', 'cd'])",
    "m.char.asarray(m.array([b'a', b'bc']))",
    "m.char.array(m.array(['a', 'b'], dtype=object))",
]


@pytest.mark.parametrize("make", MAKE)
def test_construction(make):
    c = Collector()
    c(check, make)
    c(check, f"repr({make})")
    c(check, f"str({make})")
    c.done()


@pytest.mark.parametrize("expr", [
    "m.char.chararray((2, 3), itemsize=4, buffer='ab').tolist()",
    "m.char.chararray((2,), itemsize=3, unicode=True, buffer='xyz ')",
    "m.char.chararray((3,), itemsize=2, buffer=b'abcdef')",
    "m.char.chararray((2,), itemsize=2, buffer=b'abcdef', offset=2)",
    "m.char.chararray((2,), itemsize=3).shape",
    "m.char.chararray((2,), itemsize=3).dtype",
    "m.char.chararray((2,), itemsize=3, unicode=True).dtype",
    "m.array([1, 2]).view(m.char.chararray)",
    "isinstance(m.char.array(['a']), m.ndarray)",
])
def test_chararray_class(expr):
    check(expr)


ITEMS = "m.char.array(['ab ', 'cd', ' e  ', ''])"


@pytest.mark.parametrize("expr", [
    f"{ITEMS}[0]", f"{ITEMS}[2]", f"type({ITEMS}[0]).__name__", f"{ITEMS}[1:3]",
    f"{ITEMS}[[0, 2]]", "m.char.array([b'ab  '])[0]", f"{ITEMS}.tolist()",
    f"{ITEMS} == 'ab'", f"{ITEMS} != 'cd '", f"{ITEMS} < 'b'", f"{ITEMS} >= ' e'",
    f"{ITEMS} <= {ITEMS}[::-1]", f"{ITEMS} > 'a'",
    f"{ITEMS} + 'x'", f"'x' + {ITEMS}", f"{ITEMS} + {ITEMS}", f"{ITEMS} * 2", f"3 * {ITEMS}",
    f"m.char.array(['%s!', '%d?']) % m.array(['a', 'b'], dtype=object)",
    f"m.add({ITEMS}, {ITEMS})", f"m.equal({ITEMS}, 'ab ')",
    f"{ITEMS}.astype('U6')", f"{ITEMS}.copy()", f"{ITEMS}.reshape(2, 2)",
])
def test_items_comparisons_operators(expr):
    check(expr)


METHODS = [
    ("capitalize", ""), ("center", "7, '*'"), ("count", "'a'"), ("endswith", "'b '"),
    ("expandtabs", ""), ("find", "'d'"), ("isalnum", ""), ("isalpha", ""), ("isdigit", ""),
    ("islower", ""), ("isspace", ""), ("istitle", ""), ("isupper", ""), ("isnumeric", ""),
    ("isdecimal", ""), ("ljust", "6"), ("lower", ""), ("lstrip", ""), ("partition", "'b'"),
    ("replace", "'a', 'zz'"), ("rfind", "'e'"), ("rjust", "6"), ("rpartition", "'c'"),
    ("rsplit", ""), ("rstrip", ""), ("split", ""), ("splitlines", ""),
    ("startswith", "' '"), ("strip", ""), ("swapcase", ""), ("title", ""),
    ("translate", "{97: 65}"), ("upper", ""), ("zfill", "5"), ("encode", ""),
    ("join", "m.array(['xyz', 'uv', 'w', 'q'])"),
]


@pytest.mark.parametrize("method,args", METHODS, ids=[m for m, _ in METHODS])
def test_methods(method, args):
    a = "m.char.array(['aB c ', 'Cd', ' e\\tf  ', '12'])"
    check(f"{a}.{method}({args})")


@pytest.mark.parametrize("expr", [
    "m.char.array([b'ab', b'c']).decode()",
    "m.char.array(['ab', 'c']).index('z')",
    "m.char.array([1, 2]).astype(float)",
    "m.char.chararray((2,), itemsize=-1)",
    "m.zeros(2).view(m.char.chararray)",
    "m.char.array(['a']) + 1",
])
def test_errors_and_kinds(expr):
    check(expr)


CHAR_CALLS = [
    ("add", "'x'"), ("center", "7"), ("expandtabs", ""), ("ljust", "6"), ("lstrip", ""),
    ("multiply", "2"), ("replace", "'a', 'b'"), ("rjust", "6"), ("rstrip", ""), ("strip", ""),
    ("zfill", "5"), ("capitalize", ""), ("count", "'a'"), ("endswith", "'a'"),
    ("equal", "'x'"), ("find", "'a'"), ("isalpha", ""), ("lower", ""), ("partition", "'B'"),
    ("rpartition", "'B'"), ("split", ""), ("str_len", ""), ("title", ""), ("upper", ""),
    ("compare_chararrays", "'aB c', '==', True"),
]


@pytest.mark.parametrize("fn,args", CHAR_CALLS, ids=[f for f, _ in CHAR_CALLS])
def test_functions_on_chararrays(fn, args):
    """numpy.char's functions keep a chararray's class where NumPy's ufuncs wrap results."""
    c = Collector()
    a = "m.char.array(['aB c ', 'Cd'])"
    sep = ", " if args else ""
    c(check, f"type(m.char.{fn}({a}{sep}{args})).__name__")
    c(check, f"m.char.{fn}({a}{sep}{args})")
    c(check, f"m.char.{fn}(m.array(['aB c ', 'Cd']){sep}{args})")
    c.done()
