"""StringDType (``T``, variable-width UTF-8 strings) against numpy: descriptors and their
missing values (none, None, NaN, a string), creation and coercion, items, casts both ways
with every numeric dtype, text, objects and times, casting and promotion tables, the
ufuncs numpy defines on it (comparisons, add, multiply, maximum/minimum, isnan) and
reductions, numpy.strings on it with numpy's missing-value rules, printing, layouts,
interop (copies both ways: the two libraries keep text in different allocators) and
pickling."""

import math
import pickle

import numpy as np
import pytest

import rumpy as rp
from conftest import Collector, assert_outcomes, both
from conftest import check as check_values

NUMERIC = list("?bBhHiIlLqQefdFD")
# (name, missing value); 'none' has no missing value.
NAS = [("none", None), ("None", "None"), ("nan", "m.nan"), ("str", "'NA'")]
NA_IDS = [n for n, _ in NAS]


def _is_nan(x):
    return isinstance(x, float) and math.isnan(x)


def _items_equal(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(_items_equal(x, y) for x, y in zip(a, b))
    if _is_nan(a):
        return _is_nan(b)
    return a == b


def same(r, n):
    """Same dtype (missing value and coercion included), shape and items; other results as
    the shared helper compares them."""
    if isinstance(n, np.ndarray) and n.dtype.kind == "T":
        assert isinstance(r, rp.ndarray), f"expected a rumpy ndarray, got {type(r)!r}"
        assert repr(r.dtype) == repr(n.dtype), f"dtype {r.dtype!r} != numpy {n.dtype!r}"
        assert r.shape == n.shape, f"shape {r.shape} != numpy {n.shape}"
        assert _items_equal(r.tolist(), n.tolist()), f"items {r.tolist()} != {n.tolist()}"
        ra = np.asarray(r)
        assert repr(ra.dtype) == repr(n.dtype) and _items_equal(ra.tolist(), n.tolist())
    elif isinstance(n, np.ndarray) and n.dtype.kind in "mM":
        # Times compared by their ticks (NaT is unequal to itself).
        ra = np.asarray(r)
        assert ra.dtype == n.dtype and ra.shape == n.shape, f"{ra!r} != numpy {n!r}"
        assert np.array_equal(ra.view("i8"), n.view("i8")), f"{ra!r} != numpy {n!r}"
    elif type(n) in (tuple, list):
        assert type(r) is type(n) and len(r) == len(n), f"{r!r} != numpy {n!r}"
        for x, y in zip(r, n):
            same(x, y)
    elif isinstance(n, (str, float)) or n is None:
        assert _items_equal(r, n), f"{r!r} != numpy {n!r}"
    elif isinstance(n, np.dtype) and n.kind == "T":
        assert repr(r) == repr(n), f"{r!r} != numpy {n!r}"
    else:
        from conftest import assert_same
        assert_same(r, n)


def check(expr, **names):
    return check_values(expr, compare=same, math=math, **names)


def sd(na):
    """The expression of a StringDType with missing value `na` (None: none)."""
    return "m.dtypes.StringDType()" if na is None else f"m.dtypes.StringDType(na_object={na})"


# ---------------------------------------------------------------------------------- dtypes

@pytest.mark.parametrize("attr", ["repr", "str", "char", "kind", "num", "itemsize",
                                  "alignment", "name", "byteorder", "isbuiltin", "descr",
                                  "type", "hasobject", "coerce", "na_object", "str_attr",
                                  "isnative", "names", "fields", "subdtype", "shape"])
@pytest.mark.parametrize("na", [n for _, n in NAS] + ["'x', coerce=False"], ids=NA_IDS + ["x"])
def test_dtype_attributes(attr, na):
    d = sd(na) if na != "'x', coerce=False" else "m.dtypes.StringDType(na_object='x', coerce=False)"
    expr = {"repr": f"repr({d})", "str": f"str({d})", "str_attr": f"{d}.str",
            "type": f"{d}.type.__name__"}.get(attr, f"{d}.{attr}")
    check(expr)


@pytest.mark.parametrize("expr", [
    "m.dtype('T')", "m.dtype('T') == m.dtypes.StringDType()",
    "m.dtypes.StringDType(coerce=False)",
    "m.dtypes.StringDType(na_object=None) == m.dtypes.StringDType(na_object=None)",
    "m.dtypes.StringDType(na_object=None) == m.dtypes.StringDType()",
    "m.dtypes.StringDType(na_object=m.nan) == m.dtypes.StringDType(na_object=float('nan'))",
    "m.dtypes.StringDType(na_object='a') == m.dtypes.StringDType(na_object='a')",
    "m.dtypes.StringDType(na_object='a') == m.dtypes.StringDType(na_object='b')",
    "m.dtypes.StringDType(coerce=False) == m.dtypes.StringDType()",
    "isinstance(m.dtype('T'), m.dtypes.StringDType)",
    "isinstance(m.dtype('U'), m.dtypes.StringDType)",
    "m.dtype('T').na_object",
])
def test_dtype_identity(expr):
    check(expr)


@pytest.mark.parametrize("na", [n for _, n in NAS], ids=NA_IDS)
def test_dtype_pickles(na):
    check(f"repr(pickle.loads(pickle.dumps({sd(na)})))", pickle=pickle)


# -------------------------------------------------------------------------------- creation

@pytest.mark.parametrize("expr", [
    "m.array(['a', 'bcd', 'x' * 30], dtype='T')",
    "m.array([['a', 'b'], ['cé', '☃' * 20]], dtype='T')",
    "m.array('abc', dtype='T')",
    "m.array([], dtype='T')",
    "m.array([1, 2.5, None, True, 10**30], dtype='T')",
    "m.array([b'ab', 'c'], dtype='T')",
    "m.array(['ab', 1], dtype=m.dtypes.StringDType(coerce=False))",
    "m.array(['ab', 'c'], dtype=m.dtypes.StringDType(coerce=False))",
    "m.array(['a', None], dtype=m.dtypes.StringDType(na_object=None))",
    "m.array(['a', m.nan, float('nan')], dtype=m.dtypes.StringDType(na_object=m.nan))",
    "m.array(['a', 'NA', None], dtype=m.dtypes.StringDType(na_object='NA'))",
    "m.array(['a', None], dtype=m.dtypes.StringDType(na_object=m.nan))",
    "m.zeros(3, dtype='T')", "m.empty((2, 2), dtype='T')",
    "m.zeros(2, dtype=m.dtypes.StringDType(na_object=None))",
    "m.full(3, 'ab', dtype='T')",
    "m.asarray(['ab', 'c'], dtype='T')",
    "m.array(m.array(['ab', 'cd']), dtype='T')",
    "m.array(m.array([1, 2]), dtype='T')",
    "m.array([[1], [2, 3]], dtype='T')",
])
def test_creation(expr):
    check(expr)


# ---------------------------------------------------------------------------------- items

@pytest.mark.parametrize("na_name,na", NAS, ids=NA_IDS)
def test_items_and_setitem(na_name, na):
    c = Collector()
    mk = f"m.array(['ab', 'é' * 17, ''], dtype={sd(na)})"
    for expr in ["a[0]", "a[1]", "type(a[2]).__name__", "a.tolist()", "a.item(1)", "a[::-1]",
                 "a[[2, 0]]", "a[a == 'ab']", "a.copy()", "a.reshape(3, 1)",
                 "a.reshape(3, 1).T"]:
        c(check, f"(lambda a: {expr})({mk})")
    for stmt in ["a[0] = 'z'", "a[1] = 5", "a[:] = 'q'", "a[a == 'ab'] = 'long text ' * 3",
                 "a[[0, 2]] = ['x', 'y']", "a.fill('w')", "a[1:] = a[:2]",
                 "m.copyto(a, m.array(['k', 'l', 'm'], dtype=a.dtype))",
                 f"a[0] = {na if na else 'None'}"]:
        c(check, f"(lambda a: (exec({stmt!r}, {{'a': a, 'm': m}}), a)[1])({mk})")
    c.done()


def test_missing_items_read_back():
    c = Collector()
    for na_name, na in NAS[1:]:
        mk = f"m.array(['ab', {na}], dtype={sd(na)})"
        c(check, f"{mk}[1]")
        c(check, f"{mk}.tolist()")
    c.done()


# ----------------------------------------------------------------------------------- casts

@pytest.mark.parametrize("code", NUMERIC)
def test_numbers_to_strings(code):
    c = Collector()
    for vals in ["[0, 1, 2, 127]", "[1.5, -0.0, 1e20, 1e-5, 3.25]", "[True, False]"]:
        c(check, f"m.array({vals}).astype('{code}').astype('T')")
    if code in "efdFD":
        c(check, f"m.array([1.5, m.nan, m.inf]).astype('{code}').astype({sd('m.nan')})")
        c(check, f"m.array([1.5, m.nan]).astype('{code}').astype({sd('None')})")
    c.done()


@pytest.mark.parametrize("code", NUMERIC)
def test_strings_to_numbers(code):
    c = Collector()
    for vals in ["['0', '1', ' 12 ', '1_0']", "['1.5', '-0.0', '1e3', 'inf', 'nan']",
                 "['1+2j', '3']", "['', 'a', 'True']", "['300', '-1']", "['ab']"]:
        c(check, f"m.array({vals}, dtype='T').astype('{code}')")
    c(check, f"m.array(['1', None], dtype={sd('None')}).astype('{code}')")
    c(check, f"m.array(['1', m.nan], dtype={sd('m.nan')}).astype('{code}')")
    c.done()


@pytest.mark.parametrize("expr", [
    "m.array(['ab', 'cdé', 'x' * 20], dtype='T').astype('U2')",
    "m.array(['ab', 'cdé'], dtype='T').astype('U10')",
    "m.array(['ab', 'cd'], dtype='T').astype('S1')",
    "m.array(['ab', 'é'], dtype='T').astype('S3')",
    "m.array(['ab'], dtype='T').astype('U')",
    "m.array(['ab'], dtype='T').astype('S')",
    "m.array(['ab', 'é' * 20]).astype('T')",
    "m.array([b'ab', b'c']).astype('T')",
    "m.array(['ab', None], dtype=m.dtypes.StringDType(na_object=None)).astype('U5')",
    "m.array(['ab', m.nan], dtype=m.dtypes.StringDType(na_object=m.nan)).astype('U5')",
    "m.array(['ab', None], dtype=m.dtypes.StringDType(na_object=None)).astype('T')",
    "m.array(['ab', None], dtype=m.dtypes.StringDType(na_object='NA')).astype('T')",
    "m.array(['ab', 'c']).astype(m.dtypes.StringDType(na_object=None))",
    "m.array(['ab', None], dtype='T').astype(object)",
    "m.array(['ab', None], dtype=m.dtypes.StringDType(na_object=None)).astype(object)",
    "m.array(['ab', None, 3], dtype=object).astype(m.dtypes.StringDType(na_object=None))",
    "m.array(['ab', None, 3], dtype=object).astype('T')",
    "m.array(['ab', 3], dtype=object).astype(m.dtypes.StringDType(coerce=False))",
    "m.array(['2020-01-01', '2021-03-04T05'], dtype='T').astype('M8[D]')",
    "m.array(['2020-01-01', 'NaT'], dtype='T').astype('M8[s]')",
    "m.array(['12', 'NaT'], dtype='T').astype('m8[s]')",
    "m.array(['2020-01-01T10', 'NaT'], dtype='M8[h]').astype('T')",
    "m.array([3, -1], dtype='m8[s]').astype('T')",
    "m.array(['x'], dtype='T').astype('M8[D]')",
    "m.array(['ab', '', 'c'], dtype='T').astype(bool)",
    "m.array(['ab', None], dtype=m.dtypes.StringDType(na_object=None)).astype(bool)",
    "m.array(['ab', m.nan], dtype=m.dtypes.StringDType(na_object=m.nan)).astype(bool)",
    "m.array(['ab', 'NA'], dtype=m.dtypes.StringDType(na_object='NA')).astype(bool)",
])
def test_casts_with_text_objects_and_times(expr):
    check(expr)


CAST_TARGETS = NUMERIC + ["U", "U5", "S", "S5", "O", "M8[s]", "m8[s]", "T"]


@pytest.mark.parametrize("other", CAST_TARGETS)
def test_can_cast_both_ways(other):
    c = Collector()
    for casting in ["no", "equiv", "safe", "same_kind", "unsafe"]:
        c(check, f"m.can_cast('T', {other!r}, {casting!r})")
        c(check, f"m.can_cast({other!r}, 'T', {casting!r})")
    c.done()


@pytest.mark.parametrize("expr", [
    "m.can_cast(m.dtypes.StringDType(), m.dtypes.StringDType(na_object=None), 'no')",
    "m.can_cast(m.dtypes.StringDType(na_object=None), m.dtypes.StringDType(), 'same_kind')",
    "m.can_cast(m.dtypes.StringDType(na_object=None), m.dtypes.StringDType(), 'unsafe')",
])
def test_can_cast_between_missing_values(expr):
    check(expr)


@pytest.mark.parametrize("other", ["'U5'", "'U'", "'S5'", "'f8'", "'i8'", "'O'", "'M8[s]'",
                                   "'?'", "m.dtypes.StringDType(na_object=None)",
                                   "m.dtypes.StringDType(na_object='a')"])
def test_promotion(other):
    c = Collector()
    c(check, f"m.promote_types('T', {other})")
    c(check, f"m.promote_types({other}, 'T')")
    c(check, f"m.promote_types(m.dtypes.StringDType(na_object='b'), {other})")
    c(check, f"m.result_type(m.array(['a'], dtype='T'), m.zeros(1, {other}))")
    c.done()


# ---------------------------------------------------------------------------------- ufuncs

CMPS = ["==", "!=", "<", "<=", ">", ">="]
WORDS = "['b', 'a', '', 'ab', 'é', '☃x', 'long string of text', 'long string of texts']"


@pytest.mark.parametrize("op", CMPS)
def test_comparisons(op):
    c = Collector()
    a = f"m.array({WORDS}, dtype='T')"
    c(check, f"{a} {op} {a}[::-1]")
    c(check, f"{a} {op} 'ab'")
    c(check, f"'ab' {op} {a}")
    c(check, f"{a} {op} m.array({WORDS})[::-1]")
    c(check, f"m.array({WORDS})[::-1] {op} {a}")
    c(check, f"{a}.reshape(2, 4) {op} {a}.reshape(2, 4)[:, :1]")
    c(check, f"{a} {op} m.array([1] * 8)")
    c(check, f"{a} {op} m.array({WORDS}).astype('S')")
    c.done()


@pytest.mark.parametrize("na_name,na", NAS[1:], ids=NA_IDS[1:])
@pytest.mark.parametrize("op", CMPS)
def test_comparisons_with_missing(na_name, na, op):
    a = f"m.array(['b', {na}, 'a', {na}], dtype={sd(na)})"
    b = f"m.array(['b', 'b', {na}, {na}], dtype={sd(na)})"
    check(f"{a} {op} {b}")


@pytest.mark.parametrize("na_name,na", NAS, ids=NA_IDS)
def test_add_multiply_extrema_isnan(na_name, na):
    c = Collector()
    miss = na if na else "''"
    a = f"m.array(['b', {miss}, 'abc', 'é' * 9], dtype={sd(na)})"
    # A Python str operand: numpy makes it a StringDType without a missing value, whose
    # rules its loop then follows; a str array takes the other operand's.
    left = [f"'z' + {a}"] if na is None else []
    for expr in left + [f"{a} + {a}", f"{a} + 'z'", f"{a} + m.array(['q'])",
                 f"{a} * 2", f"2 * {a}", f"{a} * m.int8(3)", f"{a} * m.array([0, 1, 2, 3])",
                 f"{a} * m.uint64(2)", f"{a} * -1", f"{a} * 2.0", f"{a} * True",
                 f"m.maximum({a}, {a}[::-1])", f"m.minimum({a}, {a}[::-1])",
                 f"m.isnan({a})", f"{a}.max()", f"{a}.min()", f"{a}.argmax()",
                 f"{a}.argmin()", f"m.sum({a})", f"m.add.reduce({a})",
                 f"m.add.accumulate({a})", f"m.sum({a}.reshape(2, 2), axis=0)",
                 f"m.add({a}, {a}, out=m.zeros(4, {sd(na)}))",
                 f"{a} - {a}", f"m.sqrt({a})", f"m.sum(m.array([], dtype={sd(na)}))"]:
        c(check, expr)
    c.done()


def test_in_place_and_aliasing():
    c = Collector()
    mk = "m.array(['ab', 'long string number one', 'c'], dtype='T')"
    for stmt in ["a += a", "a += 'x' * 20", "a *= 3", "a[1:] = a[:-1]", "a[:] = a[::-1]"]:
        c(check, f"(lambda a: (exec({stmt!r}, {{'a': a, 'm': m}}), a)[1])({mk})")
    c.done()


def test_output_overlapping_a_reversed_input():
    """numpy 2.4 crashes on these (its StringDType loops free an input item they then
    read); the results are those of the inputs as they were, as for every other dtype."""
    words = ["ab", "long string number one", "c"]
    a = rp.array(words, dtype="T")
    rp.add(a, a[::-1], out=a)
    assert a.tolist() == [x + y for x, y in zip(words, words[::-1])]
    a = rp.array(words, dtype="T")
    rp.maximum(a, a[::-1], out=a)
    assert a.tolist() == [max(x, y) for x, y in zip(words, words[::-1])]


# ---------------------------------------------------------------------------- numpy.strings

STRINGS_CALLS = [
    ("upper", ""), ("lower", ""), ("title", ""), ("str_len", ""), ("isalpha", ""),
    ("isdigit", ""), ("isspace", ""), ("find", "'a'"), ("count", "'a'"), ("rfind", "'b'"),
    ("startswith", "'a'"), ("endswith", "'b'"), ("strip", ""), ("lstrip", "' a'"),
    ("replace", "'a', 'xy'"), ("center", "7"), ("ljust", "6, '*'"), ("zfill", "5"),
    ("partition", "'a'"), ("partition", "m.array('a', dtype='T')"),
    ("rpartition", "m.array('é', dtype='T')"), ("slice", "1, 3"), ("expandtabs", ""),
    ("swapcase", ""), ("isupper", ""), ("index", "'b'"), ("rjust", "6"),
    ("translate", "{97: 98}"), ("encode", ""), ("multiply", "2"), ("add", "'x'"),
]


@pytest.mark.parametrize("na_name,na", NAS, ids=NA_IDS)
@pytest.mark.parametrize("fn,args", STRINGS_CALLS,
                         ids=[f"{f}-{i}" for i, (f, _) in enumerate(STRINGS_CALLS)])
def test_strings_functions(na_name, na, fn, args):
    miss = na if na else "''"
    a = f"m.array([' ab ', 'bAb', '12', '\\tx', 'éa' * 9, {miss}], dtype={sd(na)})"
    sep = ", " if args else ""
    check(f"m.strings.{fn}({a}{sep}{args})")


# -------------------------------------------------------------------------------- printing

@pytest.mark.parametrize("expr", [
    "m.array(['a', 'bcd', 'x' * 30], dtype='T')",
    "m.array([['a', 'b'], ['c', 'd']], dtype='T')",
    "m.array('abc', dtype='T')",
    "m.array([], dtype='T')",
    "m.array(['a', None], dtype=m.dtypes.StringDType(na_object=None))",
    "m.array(['a', m.nan], dtype=m.dtypes.StringDType(na_object=m.nan))",
    "m.array(['a', 'NA'], dtype=m.dtypes.StringDType(na_object='NA'))",
    "m.array(['a'], dtype=m.dtypes.StringDType(coerce=False))",
    "m.array(['it\\'s', 'q\"', '\\n'] * 3, dtype='T')",
])
def test_printing(expr):
    c = Collector()
    c(check, f"repr({expr})")
    c(check, f"str({expr})")
    c.done()


# --------------------------------------------------------------------------- interop, pickle

@pytest.mark.parametrize("na_name,na", NAS, ids=NA_IDS)
def test_interop_copies_both_ways(na_name, na):
    miss = na if na else "''"
    vals = f"['a', 'é' * 30, {miss}]"
    r, n = both(f"m.array({vals}, dtype={sd(na)})")
    # rumpy -> numpy: numpy's own array of these items, with the same descriptor.
    back = np.asarray(r)
    assert type(back) is np.ndarray and repr(back.dtype) == repr(n.dtype)
    assert back.shape == n.shape and _items_equal(back.tolist(), n.tolist())
    # numpy -> rumpy, also from views.
    same(rp.asarray(n), n)
    same(rp.asarray(n[::-1]), n[::-1])
    same(rp.asarray(n.reshape(3, 1).T), n.reshape(3, 1).T)
    n2 = np.asarray(rp.asarray(n))
    assert _items_equal(n2.tolist(), n.tolist())


def test_no_raw_memory():
    c = Collector()
    for expr in ["memoryview(m.array(['a'], dtype='T'))",
                 "m.array(['a'], dtype='T').view('V16')"]:
        r, n = both(expr)
        c(assert_outcomes, r, n, msg=expr)
    c.done()
    a = rp.array(["a"], dtype="T")
    with pytest.raises(AttributeError):
        a.__array_interface__


@pytest.mark.parametrize("na_name,na", NAS, ids=NA_IDS)
def test_pickle_round_trip(na_name, na):
    miss = na if na else "''"
    check(f"pickle.loads(pickle.dumps(m.array([['a', 'é' * 30], ['b', {miss}]], "
          f"dtype={sd(na)})))", pickle=pickle)


@pytest.mark.parametrize("na_name,na", NAS, ids=NA_IDS)
def test_npy_round_trips(na_name, na, tmp_path):
    import warnings
    miss = na if na else "''"
    r, n = both(f"m.array(['a', 'é' * 30, {miss}], dtype={sd(na)})")
    c = Collector()
    for saver, loader, arr in [(rp, rp, r), (np, rp, n), (rp, np, r)]:
        path = tmp_path / f"{saver.__name__}-{loader.__name__}.npy"
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            saver.save(path, arr)
        assert [type(x.message) for x in w] == [UserWarning], "numpy's warning when saving"
        with pytest.raises(ValueError):
            loader.load(path)
        got = loader.load(path, allow_pickle=True)
        c(same, rp.asarray(got) if loader is np else got, n)
    c.done()


# ---------------------------------------------------------------------------- memory safety

def test_shared_text_survives_its_sources():
    """Copies share long items' allocations: each survives the arrays it came from."""
    long = "a string well beyond the inline size " * 3
    a = rp.array([long, "b"], dtype="T")
    b = a.copy()
    c = a[[0, 0, 1]]
    d = rp.concatenate([a, b])
    del a
    b[0] = "x"
    assert c.tolist() == [long, long, "b"]
    assert d.tolist() == [long, "b", long, "b"]
    e = rp.add(c, c)
    del c
    assert e[0] == long * 2


def test_no_growth_over_cycles():
    """Creating and dropping arrays of long strings returns their memory."""
    import resource

    def cycle():
        for _ in range(200):
            a = rp.array(["x" * 100] * 1000, dtype="T")
            b = a + a
            c = b[::2].copy()
            del a, b, c

    cycle()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(3):
        cycle()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert after - before < 20_000, f"max RSS grew by {after - before} kB"
