"""The object dtype against numpy: creation (NumPy's shapes for nested and ragged
sequences), items, setitem, casts with numbers and text, every ufunc's object loop, reductions,
indexing, printing, pickling and .npy, interop, reference counts, and errors raised by the
objects' own operators."""

import gc
import pickle
import sys
from fractions import Fraction

import numpy as np
import pytest

import rumpy as rp
from conftest import Collector, P, assert_same, check


def obj(m, v):
    return m.array(v, dtype=object)


def same_objects(r, n):
    """Object arrays: same dtype, shape and items (compared with ==, each item's type too)."""
    if isinstance(n, np.ndarray) and n.dtype == object:
        assert isinstance(r, rp.ndarray), f"expected a rumpy array, got {type(r)!r}"
        assert r.dtype == rp.dtype(object) and r.shape == n.shape, (r, n)
        rl, nl = r.tolist(), n.tolist()
        assert _eq(rl, nl), f"items differ: {rl!r} != numpy {nl!r}"
    else:
        assert_same(r, n)


def _eq(a, b):
    if hasattr(b, "tolist") and hasattr(a, "tolist") and not isinstance(b, (int, float)):
        return _eq(a.tolist(), b.tolist())
    if isinstance(b, list):
        return isinstance(a, list) and len(a) == len(b) and all(_eq(x, y) for x, y in zip(a, b))
    if isinstance(b, float) and b != b:
        return isinstance(a, float) and a != a
    return type(a) is type(b) and a == b


def ocheck(expr, **names):
    return check(expr, compare=same_objects, **names)


CREATION = [
    "[1, 'a', None, 2.5]", "[[1, 2], [3]]", "[[1, 2], [3, 4]]", "[[1, [2]], [3, 4]]",
    "[]", "[[]]", "None", "5", "'ab'", "[{}, 1]", "[(1, 2), (3, 4)]", "[[1, 2], 'ab']",
    "[m.array([1, 2]), m.array([3, 4])]", "[Fraction(1, 2), 1]", "[[None]] * 3",
]


@pytest.mark.parametrize("src", CREATION)
def test_creation(src):
    ocheck(f"m.array({src}, dtype=object)", Fraction=Fraction)


@pytest.mark.parametrize("src", ["[{}, 1]", "[None]", "[1, None]", "[Fraction(1, 3)]",
                                 "[[1, 2], [3]]", "{}", "object()",
                                 "[m.array([1, 'a'], dtype=object)] * 2",
                                 "[m.array([1, 2]), m.array([3, None], dtype=object)]",
                                 "[[m.array(1, dtype=object)]]"])
def test_discovered_object_dtype(src):
    def run(m):
        a = m.array(eval(src, {"Fraction": Fraction, "m": m}))
        return a.dtype, a.shape, a.size
    check(run)


@pytest.mark.parametrize("expr", [
    "m.zeros(3, object)", "m.ones((2, 2), object)", "m.empty(2, object)", "m.full(2, None)",
    "m.full(2, 'x', dtype=object)", "m.full((2,), [1, 2], dtype=object)",
    "m.zeros(3, object).imag", "m.array([1.5, 2]).astype(object)",
    "m.array([1, 2], dtype=m.int8).astype(object)", "m.array(['ab', 'c']).astype(object)",
    "m.array([b'ab']).astype(object)", "m.array([1 + 2j]).astype(object)",
    "m.array([True]).astype(object)",
])
def test_constructors_and_casts_in(expr):
    ocheck(expr)


@pytest.mark.parametrize("target", ["float64", "int64", "int8", "bool", "complex128",
                                    "float32", "U", "S", "U2", "S1", "uint8"])
@pytest.mark.parametrize("src", ["[1, 2.5, True]", "['1', '2']", "[None, 1.0]", "['x']",
                                 "[300]", "[1 + 2j]", "[[1], 2]", "[b'7', 'é']"])
def test_casts_out(src, target):
    ocheck(f"m.array({src}, dtype=object).astype(t)", t=target)


UNARY = ["negative", "positive", "absolute", "invert", "sqrt", "square", "reciprocal", "sign",
         "logical_not", "conjugate", "exp", "floor", "rint", "isnan", "isfinite"]
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power",
          "maximum", "minimum", "fmax", "fmin", "logical_and", "logical_or", "logical_xor",
          "bitwise_and", "bitwise_or", "left_shift", "gcd", "lcm", "equal", "not_equal",
          "less", "greater_equal", "arctan2", "copysign"]


@pytest.mark.parametrize("name", UNARY)
def test_unary_loops(name):
    col = Collector()
    for vals in ([4, -9, 0], [2.25, -0.5], [Fraction(1, 4), Fraction(-3, 2)], [True, False],
                 ["a"], [None]):
        col(ocheck, f"m.{name}(m.array(v, dtype=object))", v=vals)
    col.done()


@pytest.mark.parametrize("name", BINARY)
def test_binary_loops(name):
    col = Collector()
    pairs = [([6, -4, 3], [4, 2, -1]), ([2.5, 1.0], [2, 4]), (["a", "b"], ["c", "a"]),
             ([Fraction(1, 2)], [Fraction(1, 3)]), ([1, "a"], [1, 1])]
    for x, y in pairs:
        col(ocheck, f"m.{name}(m.array(x, dtype=object), m.array(y, dtype=object))", x=x, y=y)
        col(ocheck, f"m.{name}(m.array(x, dtype=object), m.array(y))", x=x, y=y)
    col(ocheck, f"m.{name}(m.array([3, 4], dtype=object), 2)")
    col(ocheck, f"m.{name}(2.5, m.array([3, 4], dtype=object))")
    col.done()


@pytest.mark.parametrize("expr", [
    "a + 1", "1 - a", "a * a", "a / 2", "a // 2", "a % 2", "a ** 2", "-a", "abs(a)",
    "a == 2", "a != 2", "a < 2", "a >= b", "a == b", "a + b", "b * 2", "a.sum()", "a.prod()",
    "a.max()", "a.min()", "b.sum()", "a.sum(axis=0)", "c.sum(axis=1)", "c.max(axis=0)",
    "c.sum(axis=0, keepdims=True)", "c.sum()", "m.array([], dtype=object).sum()",
    "m.array([], dtype=object).max()", "a.mean()",
])
def test_operators_and_reductions(expr):
    ocheck(expr, a=P(obj(rp, [3, 1, 2]), obj(np, [3, 1, 2])),
           b=P(obj(rp, ["x", "y", "z"]), obj(np, ["x", "y", "z"])),
           c=P(obj(rp, [[1, 2], [3, 4]]), obj(np, [[1, 2], [3, 4]])))


@pytest.mark.parametrize("expr", [
    "a[1]", "a[-1]", "a[1:]", "a[::-1]", "a[[2, 0]]", "a[a != 1]", "a.reshape(3, 1)", "a.T",
    "a.tolist()", "a.item(1)", "a.copy()", "m.concatenate([a, a])", "m.stack([a, a])",
    "m.where(m.array([True, False, True]), a, 0)", "a.reshape(1, 3).repeat(2, axis=0)",
    "repr(a)", "str(a)", "repr(m.array([[1, [2]], ['x', None]], dtype=object))",
    "repr(m.array([[1, 2], [3]], dtype=object))", "repr(m.array(None, dtype=object))",
    "a.dtype", "repr(a.dtype)", "str(a.dtype)", "a.dtype.hasobject", "a.itemsize",
    "m.dtype('O'), m.dtype('|O'), m.dtype(object)", "m.result_type(object, int)",
    "m.promote_types('O', 'U3')", "m.can_cast('O', 'f8'), m.can_cast('f8', 'O')",
])
def test_indexing_and_printing(expr):
    ocheck(expr, a=P(obj(rp, [1, "a", [2]]), obj(np, [1, "a", [2]])))


PRODUCTS = [
    "c @ c", "m.matmul(c, c.T)", "m.matmul(c[::-1], c[:, ::-1])", "m.vecdot(c, c)",
    "m.vecdot(z, z)", "m.vecdot(c, c, axis=0)", "m.matvec(c, c[0])", "m.vecmat(c[0], c)",
    "m.vecmat(z, m.array([z, z]).T)", "m.matvec(m.array([z, z]), z)", "f @ f", "m.vecdot(f, f)",
    "m.matmul(e, e.T)", "m.vecdot(v, v)", "m.matvec(e, v)", "m.vecmat(v, e.T)",
    "m.matmul(c, m.array([[1.5, 2], [3, 4]]))", "m.matmul(m.array([[1, 2]], 'f8'), c)",
    "m.matmul(c, c, out=m.array([[None, 1], [2, 3]], dtype=object))",
    "m.matmul(c, c, out=m.zeros((2, 2)))",
    "m.matmul(m.array([[1, 2], [3, 4]], dtype=object)[None].repeat(3, 0), c)",
    "m.matmul(c, c, dtype=object)", "m.matmul(m.array([[1, 2]]), m.array([[3], [4]]), dtype=object)",
    "m.vecdot(c, c, dtype='O')", "m.vecdot(b, b)", "m.matvec(m.array([b, b]), b)",
    "m.matmul(b, b)",
]


@pytest.mark.parametrize("expr", PRODUCTS)
def test_products(expr):
    """NumPy's object loops: the first product, then `+` in index order; vecdot and vecmat
    call the first operand's `conjugate`; empty sums are 0 (matmul) or None."""
    ocheck(expr, c=P(obj(rp, [[1, 2], [3, 4]]), obj(np, [[1, 2], [3, 4]])),
           z=P(obj(rp, [1 + 2j, 3]), obj(np, [1 + 2j, 3])),
           f=P(obj(rp, [Fraction(1, 3), Fraction(2, 5)]),
               obj(np, [Fraction(1, 3), Fraction(2, 5)])),
           e=P(rp.zeros((2, 0), object), np.zeros((2, 0), object)),
           v=P(rp.zeros(0, object), np.zeros(0, object)),
           b=P(obj(rp, ["x", "y"]), obj(np, ["x", "y"])))


def test_products_keep_references_and_stop_at_errors():
    x = Fraction(1, 3)
    base = refcount(x)
    a = rp.array([[x, x], [x, x]], dtype=object)
    r = a @ a
    del r
    r = rp.vecdot(a, a)
    del r
    assert refcount(x) == base + 4
    del a
    assert refcount(x) == base

    class Boom:
        def __mul__(self, other):
            raise KeyError("boom")

    for m in (np, rp):
        a = m.array([[1, Boom()], [3, 4]], dtype=object)
        with pytest.raises(KeyError):
            a @ a
        out = m.array([[5, 6], [7, 8]], dtype=object)
        with pytest.raises(KeyError):
            m.matmul(a, a, out=out)


SETITEM = ["a[0] = [1, 2]", "a[1] = 'x'", "a[2:] = 5", "a[:] = [1, 2, 3]", "a[[0, 2]] = 'q'",
           "a[a == None] = 0", "a[...] = None", "a.fill([7])", "a[0] = a",
           "a[1] = m.array([1, 2])"]


@pytest.mark.parametrize("stmt", SETITEM)
def test_setitem(stmt):
    def run(m):
        a = m.empty(3, dtype=object)
        exec(stmt, {"a": a, "m": m})
        return [x if x is not a else "self" for x in a.tolist()]
    check(run, compare=same_items)


def same_items(r, n):
    assert _eq(r, n), f"{r!r} != numpy {n!r}"


def test_errors_from_the_objects_propagate_and_nothing_is_corrupted():
    class Boom:
        def __add__(self, other):
            raise KeyError("boom")

    for m in (rp, np):
        a = m.array([1, Boom(), 3], dtype=object)
        with pytest.raises(KeyError):
            a + 1
        with pytest.raises(ZeroDivisionError):
            a[:1] / 0
        assert a.tolist()[0] == 1 and a.tolist()[2] == 3


def refcount(x):
    gc.collect()
    return sys.getrefcount(x)


def test_reference_counts_are_kept():
    """Every operation class gives back the references it takes."""
    x = object()
    y = [1, 2]
    base = refcount(x), refcount(y)
    a = rp.array([x, y, x], dtype=object)
    assert refcount(x) == base[0] + 2
    ops = [
        lambda: a.copy(), lambda: a[::-1].copy(), lambda: a[[0, 2, 2]], lambda: a[a != None],  # noqa: E711
        lambda: a.tolist(), lambda: a.reshape(3, 1).T.copy(), lambda: rp.concatenate([a, a]),
        lambda: a.astype(object), lambda: a[::2].astype("U"), lambda: a == a,
        lambda: rp.where(rp.array([True, False, True]), a, None), lambda: a[1],
        lambda: pickle.loads(pickle.dumps(a)), lambda: np.asarray(a).tolist(),
        lambda: rp.asarray(np.array([x, y], dtype=object)), lambda: a.item(0),
        lambda: rp.maximum.reduce(rp.array([1, 2], dtype=object)),
    ]
    for op in ops:
        r = op()
        del r
        assert (refcount(x), refcount(y)) == (base[0] + 2, base[1] + 1), op
    b = a.copy()
    b[0] = 5
    b[[1, 2]] = [None, None]
    del b
    assert (refcount(x), refcount(y)) == (base[0] + 2, base[1] + 1)
    ops.clear()
    a = None
    assert (refcount(x), refcount(y)) == base


def test_pickle_and_npy_round_trips(tmp_path):
    items = [[1, "a"], [None, [2]]]
    r, n = rp.array(items, dtype=object), np.array(items, dtype=object)
    same_objects(pickle.loads(pickle.dumps(r)), pickle.loads(pickle.dumps(n)))
    path, npath = str(tmp_path / "o.npy"), str(tmp_path / "n.npy")
    rp.save(path, r)
    np.save(npath, n)
    same_objects(rp.load(path, allow_pickle=True), np.load(npath, allow_pickle=True))
    with pytest.raises(ValueError):
        rp.load(path)
    with pytest.raises(ValueError):
        rp.save(path, r, allow_pickle=False)


def test_no_object_arrays_from_raw_bytes():
    col = Collector()
    for expr in ["m.frombuffer(b'\\x00' * 16, dtype=object)",
                 "m.zeros(2, m.int64).view(object)", "m.array([1, 2], dtype=object).view(m.int64)"]:
        col(check, expr)
    col.done()
    # NumPy makes an object array over any buffer (its pointers unchecked); rumpy refuses, as
    # its frombuffer does: arbitrary bytes are no references.
    with pytest.raises(ValueError):
        rp.ndarray((2,), dtype=object, buffer=bytearray(16))


def test_interop_shares_memory_with_numpy():
    n = np.array([1, "a", None], dtype=object)
    r = rp.asarray(n)
    r[2] = "z"
    assert n[2] == "z"
    back = np.asarray(rp.array([1, [2]], dtype=object))
    assert back.dtype == object and back.tolist() == [1, [2]]


@pytest.mark.parametrize("spec", [
    {"names": ["a", "b"], "formats": ["O", "i8"], "offsets": [0, 4]},
    {"names": ["a", "b", "c", "d"], "formats": [">c8", ("O", (2, 3)), "uint16", ">c8"],
     "offsets": [1, 3, 12, 2]},
    {"names": ["a", "b"], "formats": ["u1", "O"], "offsets": [0, 3]},
    [("a", "O"), ("b", "i8")],
])
def test_records_with_object_fields_never_overlap(spec):
    check("m.dtype(s)", s=spec)


def test_records_holding_objects():
    col = Collector()
    dt = "[('n', 'U10'), ('o', 'O')]"
    for expr in [f"m.array([('ab', [1, 2]), ('cd', None)], dtype={dt})",
                 f"m.array([('ab', [1, 2]), ('cd', None)], dtype={dt})['o']",
                 f"m.array([('ab', [1, 2]), ('cd', None)], dtype={dt})[0]",
                 f"m.array([('ab', [1, 2]), ('cd', None)], dtype={dt}).tolist()",
                 f"repr(m.array([('ab', 1.5)], dtype={dt}))",
                 f"m.dtype({dt})"]:
        col(check, expr)
    col.done()


@pytest.mark.parametrize("expr", ["{a}.argmax()", "{a}.argmin()", "{a}.argmax(axis=0)",
                                  "m.argmin({a}, axis=1)", "m.argmax({a}, axis=-1, keepdims=True)",
                                  "{a}[:, :0].argmax(axis=1)", "{a}[:0].argmax()",
                                  "{a}.argmax(axis=3)", "m.array([1, None], dtype=object).argmax()",
                                  "m.array(5, dtype=object).argmin()"])
def test_object_argmax_argmin(expr):
    check(expr.format(a="m.array([[3, 1, 2], [0, 5, 5]], dtype=object)"))


# ------------------------------------------------------------------ conjugates of objects

CONJ_VALUES = {
    "complex": [1 + 2j, -3j, 2.5, complex(0.0, -0.0)],
    "ints": [1, -2, 3],
    "fractions": [Fraction(1, 3), Fraction(-2, 5)],
    "mixed": [1 + 1j, 2, Fraction(1, 2), 1.5, True],
    "2d": [[1 + 1j, 2], [3, 4 - 4j]],
    "0d-complex": 1 - 2j,
    "0d-fraction": Fraction(3, 4),
    "empty": [],
    "text": ["a"],
    "none": [None],
}


def _items(x):
    if isinstance(x, tuple):
        return tuple(_items(y) for y in x)
    return ("array", x.tolist()) if isinstance(x, (rp.ndarray, np.ndarray)) else x


def same_object_reprs(r, n):
    """same_objects, and the items' reprs too (the signs of zero parts)."""
    same_objects(r, n)
    rl, nl = _items(r), _items(n)
    assert repr(rl) == repr(nl), f"{rl!r} != numpy {nl!r}"


@pytest.mark.parametrize("expr", ["a.conj()", "a.conjugate()", "m.conj(a)", "m.conjugate(a)",
                                  "a[::-1].conj()", "a.T.conj()"])
@pytest.mark.parametrize("values", list(CONJ_VALUES))
def test_conj_of_objects(values, expr):
    """Each item's own conjugate(); a 0-d array gives the item itself."""
    v = CONJ_VALUES[values]
    check(expr, compare=same_object_reprs, a=P(obj(rp, v), obj(np, v)))


@pytest.mark.parametrize("expr", [
    "(a.conj() is a, a.conj().flags.owndata, a.tolist())",
    "(a.conj(o) is o, o)", "(a.conjugate(o) is o, o)", "(m.conj(a, o) is o, o)",
    "(m.conj(a, out=o) is o, o)", "m.conj(a, out=...)", "m.conj(a[0], out=...)",
    "(m.conj(a, where=m.array([True, False, True]), out=o), o)",
    "m.conj(a, dtype=complex)", "m.conj(m.array([1, 2]), dtype=object)",
    "m.conj(1 + 2j, dtype=object)",
])
def test_conj_of_objects_out_and_dtype(expr):
    def run(m):
        a = obj(m, [1 + 2j, Fraction(1, 2), -1j])
        o = m.zeros(3, dtype=object)
        return eval(expr, {"m": m, "a": a, "o": o})
    check(run, compare=same_object_reprs)


# ------------------------------------------------- loops named by dtype= and signature=

@pytest.mark.parametrize("expr", [
    "m.equal(m.array([1, 2], dtype=object), m.array([1, 3], dtype=object), dtype=object)",
    "m.less(m.array([1, 2], dtype=object), 2, signature='OO->O')",
    "m.less(m.array([1, 2]), 2, dtype=object)",
    "m.equal(1, 1, dtype=object)", "type(m.equal(1, 1, dtype=object)).__name__",
    "m.add(m.array([1, 2]), 1, dtype=object)",
    "m.add(m.array([1, 2]), 3, signature=(object, object, None))",
    "m.maximum(m.array([1, 5]), m.array([3, 2]), dtype=object)",
    "m.multiply(m.array([1.5, 2]), m.array([2, 3]), dtype=object)",
    "m.add(m.array([1.5]), 1, dtype='g')", "m.sqrt(m.array([2.0]), dtype='g')",
    "m.less(m.array([1.5]), 2, dtype='g')", "m.multiply(2, m.array([1.5]), signature='gg->g')",
    "(lambda o: (m.less(m.array([1, 2]), 2, out=o, dtype=object), o)[1])"
    "(m.zeros(2, dtype=object))",
])
def test_loops_named_by_dtype(expr):
    check(expr)


# ------------------------------------------------------------ records holding objects

@pytest.mark.parametrize("expr", [
    "m.zeros(2, dtype=[('a', 'O'), ('b', 'f8')])",
    "m.zeros(2, dtype=[('a', 'O'), ('b', [('c', 'O')]), ('d', 'O', (2,))])",
    "m.zeros(2, dtype=[('a', 'O'), ('b', 'f8')]).copy()",
    "m.array([(1, 2.5), ('x', 3)], dtype=[('a', 'O'), ('b', 'f8')]).copy()",
    "m.array([(1, 2.5), ('x', 3)], dtype=[('a', 'O'), ('b', 'f8')])[::-1].copy()",
    "m.array([(1, 2.5), ('x', 3)], dtype=[('a', 'O'), ('b', 'f8')])[[1, 0, 1]]",
    "(lambda a: (a.__setitem__(slice(None), a[::-1].copy()), a)[1])"
    "(m.array([([1], 2.5), ('x', 3)], dtype=[('a', 'O'), ('b', 'f8')]))",
    "m.dtype([('a', 'T')])",
])
def test_records_holding_objects(expr):
    check(expr)


def test_record_copies_count_references():
    item = object()
    a = rp.array([(item, 1.0), (item, 2.0)], dtype=[("a", "O"), ("b", "f8")])
    base = sys.getrefcount(item)
    b = a.copy()
    c = b[::-1].copy()
    assert sys.getrefcount(item) == base + 4
    del b, c
    assert sys.getrefcount(item) == base
    a[0] = a[1]
    assert sys.getrefcount(item) == base
    del a


def test_record_copies_between_overlapping_views():
    """Whole-record copies with references between overlapping views: the items as the
    source was (NumPy's assignment semantics) and every reference counted once."""
    items = [object() for _ in range(5)]
    base = [sys.getrefcount(x) for x in items]
    a = rp.array([(x, float(i)) for i, x in enumerate(items)], dtype=[("a", "O"), ("b", "f8")])
    a[1:] = a[:-1]
    shifted = [items[0]] + items[:-1]
    assert [r[0] for r in a.tolist()] == shifted
    a[:-1] = a[1:].copy()
    assert [r[0] for r in a.tolist()] == shifted[1:] + [shifted[-1]]
    del a, shifted
    assert [sys.getrefcount(x) for x in items] == base


@pytest.mark.parametrize("value", [2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**63 - 1, 10**30, 1.5,
                                   True, 1 + 2j])
@pytest.mark.parametrize("expr", ["m.greater(a, v)", "m.add(a, v)", "a + v", "v * a", "a > v",
                                  "m.subtract(v, a)", "a == v", "m.maximum(a, v)"])
def test_python_numbers_next_to_objects_stay_objects(value, expr):
    """NumPy's object loops get the Python number itself (an int of any size)."""
    def run(m):
        a = m.asarray([5, -(2**70)], dtype=object)
        try:
            return eval(expr, {"m": m, "a": a, "v": value}).tolist()
        except (TypeError, ValueError, ArithmeticError) as e:
            return type(e)
    assert run(rp) == run(np)


# ------------------------------------- large object arrays (parallel cast loops and the GIL)

# Each function of this source takes the module and a size and returns a literal summary
# (dtype, shape and a digest of the items with their types, or the exception) of every
# operation. rumpy's run happens in a child process with a timeout, so that a hang (a parallel
# loop waiting for the GIL its caller holds) fails the test instead of blocking the suite;
# numpy's runs here.
_BIG_OBJECTS_SRC = r'''
import hashlib


def _digest(x):
    """The items' reprs and the set of their types (fields of records included)."""
    items = x.tolist()
    flat = items
    if items and isinstance(items[0], tuple):
        flat = [v for t in items for v in t]
    types = sorted({t.__name__ for t in set(map(type, flat))})
    return types, hashlib.sha1(repr(items).encode()).hexdigest()


def _summary(r):
    if not hasattr(r, "dtype"):
        return ("not an array", type(r).__name__)
    return (type(r).__name__, r.dtype.str, tuple(r.shape), _digest(r))


def _each(ops):
    out = {}
    for name, op in ops:
        try:
            out[name] = _summary(op())
        except Exception as e:
            out[name] = ("raised", type(e).__name__, str(e))
    return out


def _record_set(m, n):
    r = m.zeros(n, dtype=[("a", object)])
    src = m.zeros(n, dtype=[("a", "f8")])
    src["a"] = m.arange(n) * 0.5
    r[...] = src
    return r


def _set_from_text(m, n):
    b = m.empty(n, object)
    b[...] = m.array([("%05d" % i) + "x" * 59 for i in range(n)])
    return b


def big_numeric(m, n):
    a = m.array([(i % 1000) + 0.5 for i in range(n)], dtype=object)
    f = m.array([float(i % 7) for i in range(n)])
    s = m.array(["1.5" if i % 3 else str(i) for i in range(n)], dtype=object)
    t = m.array(["1.5"] * n)
    return _each([
        ("a + ones", lambda: a + m.ones(n)),
        ("ones + a", lambda: m.ones(n) + a),
        ("a + f", lambda: a + f),
        ("f + a", lambda: f + a),
        ("a < f", lambda: a < f),
        ("a < ones", lambda: a < m.ones(n)),
        ("maximum(a, f)", lambda: m.maximum(a, f)),
        ("a + ones(i1)", lambda: a + m.ones(n, "i1")),
        ("text objects == str", lambda: s == t),
        ("add(a, a, out=f8, unsafe)", lambda: m.add(a, a, out=m.empty(n), casting="unsafe")),
        ("add.reduce out=object", lambda: m.add.reduce(
            m.ones((2, n)), axis=0, out=m.empty(n, object))),
        ("add.accumulate out=object", lambda: m.add.accumulate(
            f, out=m.empty(n, object))),
        ("a.astype(f8)", lambda: a.astype("f8")),
        ("f.astype(object)", lambda: f.astype(object)),
        ("records with objects", lambda: _record_set(m, n)),
    ])


def big_text(m):
    out = {}
    for n in (4096, 8191):
        out[n] = _each([
            ("astype U64", lambda: m.array(
                [str(i + 0.5) for i in range(n)], dtype=object).astype("U64")),
            ("set from U64", lambda: _set_from_text(m, n)),
        ])
    n = 3496
    out[n] = _each([
        ("astype S300", lambda: m.array(
            [("%d" % i) * (1 + i % 70) for i in range(n)], dtype=object).astype("S300")),
        ("set from U64", lambda: _set_from_text(m, n)),
    ])
    return out


def conversion_order(m, n, target):
    """Cast objects whose __float__ and __str__ record their index; the order they were
    called in (its length, whether it is 0..n-1, a digest), and the result's summary."""
    log = []

    class C:
        def __init__(self, i):
            self.i = i

        def __float__(self):
            log.append(self.i)
            return float(self.i)

        def __str__(self):
            log.append(self.i)
            return "c%d" % self.i

    a = m.empty(n, object)
    a[...] = [C(i) for i in range(n)]
    try:
        r = _summary(a.astype(target))
    except Exception as e:
        r = ("raised", type(e).__name__, str(e))
    return (r, len(log), log == list(range(n)), hashlib.sha1(repr(log).encode()).hexdigest())
'''


def _in_child(call, timeout=60):
    """Run ``call`` (an expression over the functions of _BIG_OBJECTS_SRC, with ``m`` bound to
    rumpy) in a fresh interpreter; its value, read back from the printed repr."""
    import ast
    import subprocess
    code = _BIG_OBJECTS_SRC + f"\nimport rumpy as m\nprint(repr({call}))\n"
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"rumpy did not finish {call} in {timeout} s (a hang)")
    assert done.returncode == 0, f"{call}: the child failed:\n{done.stderr[-3000:]}"
    return ast.literal_eval(done.stdout.strip().splitlines()[-1])


def _in_parent(call):
    ns = {}
    exec(_BIG_OBJECTS_SRC, ns)
    ns["m"] = np
    return eval(call, ns)


def _compare_dicts(r, n):
    bad = {k: (r.get(k), v) for k, v in n.items() if r.get(k) != v}
    assert not bad and set(r) == set(n), f"(rumpy, numpy) differ: {bad}"


@pytest.mark.parametrize("n", [2**17, 2**20], ids=["2**17", "2**20"])
def test_large_object_operations_finish_and_match(n):
    call = f"big_numeric(m, {n})"
    _compare_dicts(_in_child(call), _in_parent(call))


def test_large_text_object_casts_finish_and_match():
    r, n = _in_child("big_text(m)"), _in_parent("big_text(m)")
    assert set(r) == set(n)
    for size in n:
        _compare_dicts(r[size], n[size])


@pytest.mark.parametrize("target", ["f8", "U16"])
def test_large_object_casts_convert_in_index_order(target):
    call = f"conversion_order(m, {2**17}, {target!r})"
    r, n = _in_child(call), _in_parent(call)
    assert n[1:3] == (2**17, True)
    assert r == n
