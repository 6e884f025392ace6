"""vectorize, frompyfunc, apply_along_axis, apply_over_axes, piecewise, fromfunction,
binary_repr, base_repr and vander against numpy."""

import numpy as np
import pytest
from conftest import (
    ALL_DTYPES,
    FEW_DTYPES,
    NUMERIC_DTYPES,
    SHAPE_CASE_NAMES,
    P,
    assert_same,
    assert_same_error,
    check_message,
    make_pair,
    sample,
    to_rp,
)

import rumpy as rp

chk = check_message


# ---------------------------------------------------------------------------
# vectorize
# ---------------------------------------------------------------------------

VECTORIZE = [
    "m.vectorize(lambda a, b: a - b if a > b else a + b)([1, 2, 3, 4], 2)",
    "m.vectorize(lambda a, b: a - b if a > b else a + b)([1, 6, 1, 2], [1, 2, 3, 4])",
    "m.vectorize(lambda x: x * 2.5)(m.arange(6).reshape(2, 3))",
    "m.vectorize(lambda x: x + 1)(3)",
    "m.vectorize(lambda x: x + 1)(m.array(3.5))",
    "m.vectorize(lambda x: x > 1)([0, 1, 2])",
    "m.vectorize(lambda x: str(x))([1, 22, 333])",
    "m.vectorize(lambda x: x * 1j)([1, 2])",
    "m.vectorize(lambda x: (x, x * 2))([1, 2])",
    "m.vectorize(lambda x: (x, x / 2, str(x)))([[1], [2]])",
    "m.vectorize(lambda x: [x])([1, 2])",
    "m.vectorize(lambda x: None)([1, 2])",
    "m.vectorize(lambda x: 2**70)([1])",
    "m.vectorize(lambda x: x)([2**70])",
    "m.vectorize(lambda x: x, otypes=['f4', 'i2'])([1])",
    "m.vectorize(lambda x: [x, x])([1, 2])",
    "m.vectorize(lambda x: x, otypes='S')([b'ab', b'c'])",
    "m.vectorize(len)(['ab', 'c'])",
    "m.vectorize(lambda x: x)(m.array([1, 2], dtype='datetime64[D]'))",
    "m.vectorize(lambda: 7)()",
    "m.vectorize(lambda x: x)([])",
    "m.vectorize(lambda x: x, otypes=[float])([])",
    "m.vectorize(lambda x: x, otypes='d')(m.zeros((2, 0)))",
    "m.vectorize(lambda x: x, otypes=[int, float])([])",
    "m.vectorize(lambda x: x / 2, otypes=[int])([1, 2, 5])",
    "m.vectorize(lambda x: x / 2, otypes='f')([1, 2, 5])",
    "m.vectorize(lambda x: x, otypes='O')([1, 2])",
    "m.vectorize(lambda x: x, otypes=[m.int8])([1, 2])",
    "m.vectorize(lambda x: str(x), otypes='U')([1, 22])",
    "m.vectorize(lambda x: str(x), otypes=[str])([1, 22])",
    "m.vectorize(lambda x: (x, -x), otypes='ld')([1, 2])",
    "m.vectorize(lambda x: x, otypes='x')",
    "m.vectorize(lambda x: x, otypes=5)",
    "m.vectorize(5)",
    "m.vectorize(lambda x, y: x * y, excluded={1})([1, 2], 3)",
    "m.vectorize(lambda x, y: x * len(y), excluded={1})([1, 2], [3, 4, 5])",
    "m.vectorize(lambda x, y=1: x * len(y), excluded={'y'})([1, 2], y=[3, 4, 5])",
    "m.vectorize(lambda x, y=1: x + y)([1, 2], y=[10, 20])",
    "m.vectorize(lambda x, y=1: x + y)(x=[1, 2], y=10)",
    "m.vectorize(lambda a, b: a * b)([1, 2], [[1], [2], [3]])",
    "m.vectorize(lambda a, b: a * b)([1, 2], [1, 2, 3])",
    "m.vectorize(lambda x: x + 1, cache=True)([1, 2, 3])",
    "m.vectorize(lambda x: type(x).__name__ in ('int', 'int64'))([1, 2])",
    "m.vectorize(lambda x: x)(m.array([True, False]))",
    "m.vectorize(lambda x: x)(m.array([1, 2], dtype=m.uint8))",
    "m.vectorize(lambda x: x)(m.array([1.5, 2], dtype=m.float32))",
    "m.vectorize(lambda x: x)(m.array([[1, 2], [3, 4]])[:, ::-1])",
    "m.vectorize(lambda x: x)(m.array(['a', 'bc']))",
    # signatures
    "m.vectorize(lambda x: x.sum(), signature='(n)->()')(m.arange(6).reshape(2, 3))",
    "m.vectorize(lambda x: x.sum(), signature='(n)->()')(m.arange(3))",
    "m.vectorize(lambda a, b: a * b, signature='(n),(n)->(n)')(m.ones((2, 3)), m.arange(3))",
    "m.vectorize(lambda a, b: a @ b, signature='(n),(n)->()')(m.ones((4, 1, 3)), m.ones((2, 3)))",
    "m.vectorize(lambda x: (x.min(), x.max()), signature='(n)->(),()')([[1, 5], [3, 2]])",
    "m.vectorize(lambda x: m.outer(x, x), signature='(n)->(n,n)')(m.arange(6).reshape(2, 3))",
    "m.vectorize(lambda x: x[:2], signature='(n)->(k)')(m.arange(6).reshape(2, 3))",
    "m.vectorize(lambda x: 1.5, signature='(n)->()')(m.arange(6).reshape(2, 3))",
    "m.vectorize(lambda x, y: x + y, signature='(),()->()')(1, [2, 3])",
    "m.vectorize(lambda x: x.sum(), signature='(n)->()', otypes=[float])(m.ones((2, 3)))",
    "m.vectorize(lambda x: x.sum(), signature='(n)->()', otypes=[float])(m.zeros((0, 3)))",
    "m.vectorize(lambda x: x.sum(), signature='(n)->()')(m.zeros((0, 3)))",
    "m.vectorize(lambda x: x, signature='(n)->(k)', otypes=[float])(m.zeros((0, 3)))",
    "m.vectorize(lambda x: x, signature='(n)->(n)', otypes=[float])(m.zeros((0, 3)))",
    "m.vectorize(lambda x: x, signature='(n)->(n)')(3)",
    "m.vectorize(lambda a, b: a, signature='(n),(n)->(n)')([1, 2], [1, 2, 3])",
    "m.vectorize(lambda a: a, signature='(n)->(n)')([1, 2], [3])",
    "m.vectorize(lambda a: (a, a), signature='(n)->(n)')([1, 2])",
    "m.vectorize(lambda a: a, signature='(n)->(n),(n)')([1, 2])",
    "m.vectorize(lambda a: a, signature='(n)->(n')",
    "m.vectorize(lambda a: a, signature='(n) -> (n)')([[1, 2]])",
    "m.vectorize(lambda a: a.sum(0), signature='(m,n)->(n)')(m.arange(24).reshape(2, 3, 4))",
]


@pytest.mark.parametrize("expr", VECTORIZE)
def test_vectorize(expr):
    chk(expr)


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_vectorize_dtypes_shapes(dtype, case):
    na, ra, _, _ = make_pair(case, dtype)
    names = {"a": P(ra, na)}
    chk("m.vectorize(lambda x: x * 2)(a)", **names)
    chk("m.vectorize(lambda x: x, otypes=[a.dtype])(a)", **names)
    chk("m.vectorize(lambda x, y: x + y, otypes='d')(a, 1)", **names)


VECTORIZE_MORE = [
    # from numpy's TestVectorize
    "m.vectorize(lambda x, y: x + y)(m.array([1, 2, 3]), y=2)",
    "m.vectorize(lambda a, b=1: a + b)(a=m.array([1, 2, 3]))",
    "m.vectorize(lambda a, b=1: a + b)(b=1, a=m.array([1, 2, 3]))",
    "m.vectorize(lambda a, b=1: a + b)(m.array([1, 2, 3]), b=2)",
    "m.vectorize(lambda x, p: sum(c * x ** i for i, c in enumerate(p[::-1])), "
    "excluded=['p', 1])(x=[0, 1], p=[1, 2, 3])",
    "m.vectorize(lambda x, p: sum(c * x ** i for i, c in enumerate(p[::-1])), "
    "excluded=['p', 1])([0, 1], [1, 2, 3])",
    "m.vectorize(lambda **kw: kw['a'] * kw['b'] * 1.0)(a=[1, 2], b=[3, 4])",
    "m.vectorize(lambda *v: v[0] * v[1])([1, 2], [3, 4])",
    "m.vectorize(lambda: 1)()",
    "m.vectorize(lambda x: x, ['float64'])([2])",
    "m.vectorize(lambda x: x + x)(m.asarray([1, 2, 3], dtype=m.int16))",
    "m.vectorize(lambda x: x + x)(m.asarray([1, 2, 3], dtype=m.float32))",
    "m.vectorize(lambda x: x + x)(m.asarray([1, 2, 3], dtype=m.float16))",
    "m.vectorize(lambda x: x + x)(m.asarray([1, 2, 3], dtype=m.int32))",
    "m.vectorize(lambda x: [1, 2, 3], otypes=[object])(None).item()",
    "m.vectorize(lambda x: [1, 2, 3], otypes=[object])([None]).item()",
    "m.vectorize(lambda x: x.mean(), signature='(n)->()')([[1, 3], [2, 4]])",
    "m.vectorize(lambda x: x - x.mean(), signature='(n)->(n)')([[1, 3], [2, 4]])",
    "m.vectorize(lambda a, b: (a * b, a + b), signature='(),()->(),()')([1, 2], [[3], [4]])",
    "m.vectorize(lambda a, b: m.outer(a, b), signature='(a),(b)->(a,b)')([1, 2], [1, 2, 3])",
    "m.vectorize(lambda x: m.arange(x), signature='()->(n)')([3])",
    "m.vectorize(lambda x: m.arange(x), signature='()->(n)')([1, 2])",
    "m.vectorize(lambda x, y: x * len(y), signature='(n)->(n)', excluded={1})([[1, 2]], 'ab')",
    "m.vectorize(lambda x: x[:3], signature='(n)->(n)')([[1, 2, 3, 4]])",
    "m.vectorize(lambda x: x, signature='(n)->()')(1)",
    "m.vectorize(lambda x: x.sum(), signature='(n),(n)->()')([1])",
    "m.vectorize(lambda x, y: x, signature='(n),(n)->()')([1, 2], [1, 2, 3])",
    "m.vectorize(lambda x: (x, x), signature='(n)->(n)')([1])",
    "m.vectorize(lambda x: x, signature='(n)->(n),(n)')([1])",
    "m.vectorize(lambda x: x, signature='(n)->(n)', otypes=['float64'])([1, 2, 3])",
    "m.vectorize(lambda x: [x], signature='()->(n)', otypes=['float64'])(m.zeros(0))",
    "m.vectorize(lambda x: x, signature='(i)->(j)', otypes=['datetime64[ns]'])"
    "(m.array(['2024-01-01', '2024-01-02'], dtype='datetime64[ns]'))",
    "m.vectorize(lambda x: x, signature='(n)->(n)')(m.arange(12).reshape(3, 4)[:, ::2])",
]


@pytest.mark.parametrize("expr", VECTORIZE_MORE)
def test_vectorize_more(expr):
    chk(expr)


def test_vectorize_otypes_object_identity():
    y = [1, 2, 3]
    for m in (rp, np):
        f = m.vectorize(lambda x: y, otypes=[object])
        assert f(None).item() is y
        assert f([None]).item() is y
        g = m.vectorize(lambda x: x)
        g.otypes = "i"
        assert g(m.arange(5)).tolist() == list(range(5))
        assert g(m.arange(5)).dtype == m.dtype("i")


def test_vectorize_partial_and_builtins():
    import functools
    import random
    for m in (rp, np):
        m.vectorize(random.randrange)
        vbar = m.vectorize(functools.partial(lambda x, y: x + y, 3))
        assert vbar(1) == 4
        with pytest.raises(TypeError):
            m.vectorize(pyfunc=3)
        with pytest.raises(TypeError):
            @m.vectorize("string")
            def foo():
                return "bar"


def test_vectorize_execution_order():
    for m in (rp, np):
        seen = []

        def f(x):
            seen.append(x)
            return x

        m.vectorize(f)(m.arange(6).reshape(2, 3))
        assert seen == [0, 0, 1, 2, 3, 4, 5]


def test_vectorize_attributes():
    def f(x, y=2):
        """docstring of f"""
        return x + y

    for m in (rp, np):
        v = m.vectorize(f, otypes="d", excluded={"y"})
        assert v.__name__ == "f"
        assert v.__doc__ == "docstring of f"
        assert v.pyfunc is f
        assert v.otypes == "d"
        assert v.excluded == {"y"}
        assert v.cache is False and v.signature is None
        v2 = m.vectorize(f, doc="new doc", cache=True, signature="(),()->()")
        assert v2.__doc__ == "new doc" and v2.cache is True and v2.signature == "(),()->()"
    assert rp.vectorize(f, otypes=[float, "i4"]).otypes == [rp.dtype(float), rp.dtype("i4")]
    assert rp.vectorize(f, otypes=[str, bytes]).otypes == ["U", "S"]


def test_vectorize_decorator():
    for m in (rp, np):
        @m.vectorize(otypes=[float])
        def g(x):
            """g doc"""
            return x * 2

        assert g.__name__ == "g" and g.__doc__ == "g doc"
        res = g([1, 2])
        assert res.dtype == m.dtype("float64") and res.tolist() == [2.0, 4.0]

        @m.vectorize(doc="override")
        def h(x):
            """h doc"""
            return x

        assert h.__doc__ == "override"


def test_vectorize_cache_calls_once_for_first():
    for m in (rp, np):
        calls = []

        def f(x):
            calls.append(x)
            return x + 1

        m.vectorize(f, cache=True)([1, 2, 3])
        assert len(calls) == 3
        calls.clear()
        m.vectorize(f)([1, 2, 3])
        assert len(calls) == 4


def test_vectorize_method():
    class Box:
        def __init__(self, m):
            self.m = m

        def add(self, x, y):
            return x + y

    for m in (rp, np):
        b = Box(m)
        res = m.vectorize(b.add)([1, 2], 3)
        assert res.tolist() == [4, 5]


# ---------------------------------------------------------------------------
# frompyfunc
# ---------------------------------------------------------------------------

FROMPYFUNC = [
    "m.frompyfunc(lambda x, y: x + y, 2, 1)([1, 2], [[3], [4]])",
    "m.frompyfunc(lambda x, y: x + y, 2, 1)(1, 2)",
    "m.frompyfunc(lambda x, y: x + y, 2, 1)(m.array(1), 2)",
    "m.frompyfunc(lambda x, y: x + y, 2, 1)('a', ['b', 'c'])",
    "m.frompyfunc(lambda x: (x, x * 2), 1, 2)([1, 2])",
    "m.frompyfunc(lambda x: (x, x * 2), 1, 2)(5)",
    "m.frompyfunc(lambda x: [x], 1, 1)(3)",
    "m.frompyfunc(lambda x: x * 2, 1, 1)([])",
    "m.frompyfunc(lambda x: x * 2, 1, 1)(m.zeros((2, 0, 3)))",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)(m.array([1, 2]))",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)(m.array([1.5], dtype=m.float32))",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)(m.array([True]))",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)(m.array([1j]))",
    "m.frompyfunc(abs, 1, 1)(m.arange(-3, 3).reshape(2, 3)[:, ::-1])",
    "m.frompyfunc(abs, 1, 1).__name__",
    "m.frompyfunc(abs, 1, 1).types",
    "m.frompyfunc(lambda a, b, c: a, 3, 2).types",
    "(m.frompyfunc(abs, 1, 1).nin, m.frompyfunc(abs, 1, 1).nout, m.frompyfunc(abs, 1, 1).nargs)",
    "m.frompyfunc(divmod, 2, 2).nargs",
    "m.frompyfunc(divmod, 2, 2)([7, 8], 3)",
    "m.frompyfunc(divmod, 2, 2).ntypes",
    "m.frompyfunc(abs, 1, 1).identity",
    "m.frompyfunc(abs, 1, 1, identity=0).identity",
    "m.frompyfunc(abs, 1, 1).signature",
    "m.frompyfunc(lambda x, y: x * y, 2, 1).outer([1, 2], [1, 2, 3])",
    "m.frompyfunc(lambda x, y: x - y, 2, 1).outer(m.arange(4).reshape(2, 2), [1, 2])",
    "m.frompyfunc(5, 1, 1)",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)([1.5, 2])",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)([1, 'a'])",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)(m.array(['ab', 'c']))",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)(2**70)",
    "m.frompyfunc(lambda x: type(x).__name__, 1, 1)([None, 1])",
    "m.frompyfunc(lambda x: x, 1, 1)([[1, 2], [3]])",
    "m.frompyfunc(lambda x, y: x, 2, 1)(1)",
    "m.frompyfunc(lambda x, y: x, 2, 1)(1, 2, 3, 4)",
    "m.frompyfunc(lambda x: x, 1, 1)([1], dtype=object)",
    "m.frompyfunc(lambda x: x, 1, 1)([1], casting='unsafe')",
    "m.frompyfunc(lambda x: x, 1, 1)([1], bogus=1)",
    "m.frompyfunc(lambda x: x, 1, 2)([1])",
    "m.frompyfunc(lambda x: (x,), 1, 2)([1])",
    "m.frompyfunc(lambda x: [x, 1], 1, 2)([1])",
    "m.frompyfunc(lambda x: x, 1, 2)(1)",
    "m.frompyfunc(lambda x: x * 2, 1, 1)([1, 2, 3], out=m.array([7, 8, 9], dtype=object), "
    "where=[True, False, True])",
    "m.frompyfunc(lambda x: x * 2, 1, 1)([[1], [2]], m.empty((2, 1), dtype=object))",
    "m.frompyfunc(lambda x: 2 ** 70 + x, 1, 1)([1, 2])",
    "m.frompyfunc(abs, 1, 1)([1], [2], [3])",
    "m.frompyfunc(lambda x, y: x, 2, 1)([1, 2], [1, 2, 3])",
]


@pytest.mark.parametrize("expr", FROMPYFUNC)
def test_frompyfunc(expr):
    chk(expr)


REDUCE = [
    "f.reduce([1, 2, 3])", "f.reduce(a)", "f.reduce(a, axis=1)", "f.reduce(a, axis=-2)",
    "f.reduce(a, axis=None)", "f.reduce(a, axis=(0, 1))", "f.reduce([])",
    "f.reduce([], initial=5)", "f.reduce(a, keepdims=True)", "f.reduce(a, axis=1, keepdims=True)",
    "f.reduce([[]], axis=1)", "f.reduce(m.arange(3), axis=None)",
    "f.reduce(a, initial=10, axis=1)", "f.reduce(5)", "f.reduce(a, axis=2)",
    "f.reduce([1, 2], axis=-1)", "g.reduce([])", "g.reduce(a, axis=None)",
    "g.reduce(a, axis=(0, 1), keepdims=True)", "f.reduce(m.zeros((0, 3)), axis=1)",
    "f.reduce(m.zeros((0, 3)), axis=0)", "f.reduce(m.zeros((2, 0)), axis=0)",
    "f.reduce(m.zeros((2, 0)), axis=1, keepdims=True)", "f.reduce(a, axis=(0,))",
    "f.reduce([1.5, 2], axis=())", "f.reduce([1, 2], initial=None)", "f.reduce(['a', 'b', 'c'])",
    "f.reduce(a[:, ::-1], axis=1)", "f.reduce(a.T)", "f.reduce(m.ones((2, 3, 4)), axis=1)",
    "f.reduce([1, 2], axis=0, out=m.empty((), dtype=object))",
    "m.frompyfunc(abs, 1, 1).reduce([1])", "m.frompyfunc(divmod, 2, 2).reduce([1])",
    "f.accumulate([1, 2, 3])", "f.accumulate(a, axis=1)", "f.accumulate(a)", "f.accumulate([])",
    "f.accumulate(5)", "f.accumulate(a, axis=None)", "f.accumulate(m.zeros((2, 0)), axis=1)",
    "f.accumulate(a.T, axis=0)", "f.accumulate(a, axis=-1)", "f.accumulate(a, axis=3)",
    "f.accumulate(['a', 'b', 'c'])", "f.accumulate(m.ones((2, 3, 4)), axis=1)",
    "m.frompyfunc(abs, 1, 1).accumulate([1])",
]


@pytest.mark.parametrize("expr", REDUCE)
def test_frompyfunc_reduce_accumulate(expr):
    chk(expr, f=P(rp.frompyfunc(lambda x, y: x + y, 2, 1), np.frompyfunc(lambda x, y: x + y, 2, 1)),
        g=P(rp.frompyfunc(lambda x, y: x + y, 2, 1, identity=0),
            np.frompyfunc(lambda x, y: x + y, 2, 1, identity=0)),
        a=P(rp.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)))


def test_frompyfunc_out():
    for m in (rp, np):
        f = m.frompyfunc(lambda x: x * 2, 1, 1)
        out = m.empty(3, dtype=object)
        res = f([1, 2, 3], out=out)
        assert res is out and out.tolist() == [2, 4, 6]
        g = m.frompyfunc(lambda x: (x, -x), 1, 2)
        o1, o2 = m.empty(2, dtype=object), m.empty(2, dtype=object)
        r1, r2 = g([1, 2], out=(o1, o2))
        assert r1 is o1 and r2 is o2 and o2.tolist() == [-1, -2]
        assert repr(m.frompyfunc(abs, 1, 1)) == "<ufunc 'abs (vectorized)'>"


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_frompyfunc_dtypes(dtype):
    na = sample((2, 3), dtype)
    chk("m.frompyfunc(lambda x: x, 1, 1)(a)", a=P(to_rp(na), na))
    chk("m.frompyfunc(lambda x, y: (x, y), 2, 2)(a, a[:1])", a=P(to_rp(na), na))


# ---------------------------------------------------------------------------
# apply_along_axis / apply_over_axes
# ---------------------------------------------------------------------------

ALONG = [
    "m.apply_along_axis(lambda v: v * 2, 1, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(lambda v: v * 2, 0, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(m.diag, -1, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(m.diag, 0, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(sum, 0, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(sum, 2, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(sum, -3, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(lambda v: v.sum(), 1, m.arange(24).reshape(2, 3, 4))",
    "m.apply_along_axis(lambda v: v[::-1].cumsum(), 1, m.arange(24).reshape(2, 3, 4))",
    "m.apply_along_axis(lambda v: m.outer(v, v), 2, m.arange(24).reshape(2, 3, 4))",
    "m.apply_along_axis(lambda v: m.outer(v, v)[:2], 1, m.arange(24).reshape(2, 3, 4))",
    "m.apply_along_axis(lambda v: v.mean(), 0, m.arange(5))",
    "m.apply_along_axis(lambda v: v.max() > 2, 0, m.arange(12).reshape(3, 4))",
    "m.apply_along_axis(lambda v, k: v + k, 1, m.ones((2, 2)), 5)",
    "m.apply_along_axis(lambda v, k=0: v * k, 1, m.ones((2, 2)), k=3)",
    "m.apply_along_axis(lambda v: m.array(v.sum()), 1, m.ones((2, 3)))",
    "m.apply_along_axis(lambda v: v, 1, m.zeros((0, 3)))",
    "m.apply_along_axis(lambda v: v, 0, m.zeros((0, 3)))",
    "m.apply_along_axis(lambda v: v, 0, m.array(5))",
    "m.apply_along_axis(lambda v: str(v[0]), 1, m.arange(6).reshape(3, 2))",
    "m.apply_along_axis(lambda v: v, 1.0, m.ones((2, 2)))",
    "m.apply_along_axis(lambda v: v.sum(), 1, [[1, 2], [3, 4]])",
    "m.apply_along_axis(lambda v: v.astype(m.float32), 1, m.ones((2, 2), dtype=m.int8))",
    # from numpy's TestApplyAlongAxis
    "m.apply_along_axis(len, 0, m.empty((0, 0)))",
    "m.apply_along_axis(len, 1, m.empty((0, 0)))",
    "m.apply_along_axis(len, 0, m.empty((1, 0)))",
    "m.apply_along_axis(len, 1, m.empty((1, 0)))",
    "m.apply_along_axis(lambda x: x[0], 0, m.ones((20, 10), 'd'))",
    "m.apply_along_axis(lambda x: x[len(x) // 2:], 1, m.arange(27).reshape((3, 3, 3)))",
    "m.apply_along_axis(lambda x: m.array([x, x, x]), 1, m.arange(24).reshape(2, 3, 4))",
    "m.apply_along_axis(lambda x: (x[0], x[-1]), 0, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(lambda a: set.union(*a), 0, "
    "m.array([[{1, 11}, {2, 22}, {3, 33}], [{4, 44}, {5, 55}, {6, 66}]]))",
    "m.apply_along_axis(lambda x: m.eye(2) * x.sum(), 2, m.arange(24).reshape(2, 3, 4))",
    "m.apply_along_axis(lambda x: m.eye(2) * x.sum(), 0, m.arange(24).reshape(2, 3, 4))",
]


@pytest.mark.parametrize("expr", ALONG)
def test_apply_along_axis(expr):
    chk(expr)


@pytest.mark.parametrize("case", ["1d", "2d", "3d", "strided", "negstride", "transposed",
                                  "empty3d"])
@pytest.mark.parametrize("dtype", ["bool", "int16", "uint8", "float32", "float64", "complex64"])
def test_apply_along_axis_dtypes(dtype, case):
    na, ra, _, _ = make_pair(case, dtype)
    for axis in range(-na.ndim, na.ndim):
        chk(f"m.apply_along_axis(lambda v: v[::-1], {axis}, a)", a=P(ra, na))
        chk(f"m.apply_along_axis(lambda v: v.sum(), {axis}, a)", a=P(ra, na))


OVER = [
    "m.apply_over_axes(m.sum, m.arange(24).reshape(2, 3, 4), [0, 2])",
    "m.apply_over_axes(m.sum, m.arange(24).reshape(2, 3, 4), 1)",
    "m.apply_over_axes(m.sum, m.arange(24).reshape(2, 3, 4), -1)",
    "m.apply_over_axes(m.sum, m.arange(24).reshape(2, 3, 4), (0, 1, 2))",
    "m.apply_over_axes(m.mean, m.arange(24.).reshape(2, 3, 4), [1, -1])",
    "m.apply_over_axes(m.cumsum, m.arange(6).reshape(2, 3), [0, 1])",
    "m.apply_over_axes(m.max, m.arange(6).reshape(2, 3)[:, ::-1], [1])",
    "m.apply_over_axes(m.sum, m.arange(6).reshape(2, 3), [])",
    "m.apply_over_axes(lambda a, ax: a.sum(), m.arange(24).reshape(2, 3, 4), [0])",
    "m.apply_over_axes(m.sum, [[1, 2]], 0)",
]


@pytest.mark.parametrize("expr", OVER)
def test_apply_over_axes(expr):
    chk(expr)


# ---------------------------------------------------------------------------
# piecewise
# ---------------------------------------------------------------------------

PIECEWISE = [
    "m.piecewise(x, [x < 0, x >= 0], [-1, 1])",
    "m.piecewise(x, [x < 0, x >= 0], [lambda v: -v, lambda v: v])",
    "m.piecewise(x, [x < 0], [lambda v: -v, lambda v: v * 10])",
    "m.piecewise(x, [x < 0], [lambda v: -v])",
    "m.piecewise(x, x < 0, [lambda v: -v, 7])",
    "m.piecewise(x, [x < -1, x > 1], [1, 2, 3])",
    "m.piecewise(x, [x < -1, x > 1], [1])",
    "m.piecewise(x, [x < 0, x < 1], [1, 2])",
    "m.piecewise(x, [x < 0, x >= 0], [lambda v, k: v * k, lambda v, k: v + k], 3)",
    "m.piecewise(x, [x < 0, x >= 0], [lambda v, k=1: v * k, 0], k=3)",
    "m.piecewise(x, [x > 100], [lambda v: v / 0])",
    "m.piecewise(x, [[True] * x.size], [1.5])",
    "m.piecewise(x, [x < 0, x >= 0], [0.5, 2.5])",
]


@pytest.mark.parametrize("expr", PIECEWISE)
@pytest.mark.parametrize("dtype", ["int8", "int64", "float32", "float64"])
def test_piecewise(expr, dtype):
    nx = np.array([-3, -2, -1, 0, 1, 2], dtype=dtype)
    chk(expr, x=P(to_rp(nx), nx))


PIECEWISE_MISC = [
    "m.piecewise(3, [True], [lambda v: -v])",
    "m.piecewise(3, [False], [lambda v: -v, 4])",
    "m.piecewise(m.array(2.5), [True, False], [1, 2])",
    "m.piecewise(m.array(2.5), True, [7])",
    "m.piecewise(m.array(-1), [m.array(-1) < 0], [lambda v: v * 2])",
    "m.piecewise([0, 0], [[False, True]], [1])",
    "m.piecewise([1, 2], [[True, False]], [1, 2, 3])",
    "m.piecewise([1, 2], [[True, False], [False, True]], [1])",
    "m.piecewise(m.arange(6).reshape(2, 3), [m.arange(6).reshape(2, 3) > 2], [abs, -1])",
    "m.piecewise(m.arange(6).reshape(2, 3)[:, ::-1], [m.arange(6).reshape(2, 3) > 2], [0, 1])",
    "m.piecewise(m.zeros(0), [m.zeros(0, dtype=bool)], [1])",
    "m.piecewise(m.array([1, 2], dtype=m.uint8), [[True, False]], [300, 1])",
    "m.piecewise([True, False], [[True, False]], [False, True])",
    "m.piecewise(m.array([1 + 1j, 2]), [[True, False]], [lambda v: v * 1j, 0])",
    # from numpy's TestPiecewise
    "m.piecewise([0, 0], [[False, True]], [lambda x: -1])",
    "m.piecewise([0, 0], [m.array([False, True])], [lambda x: -1])",
    "m.piecewise([0, 0], [[False, True]], [1])",
    "m.piecewise([1, 2], [[True, False], [False, True]], [3, 4])",
    "m.piecewise(3, [3 < 0, 3 >= 0], [lambda x: -x, lambda x: x])",
    "m.piecewise(3, [3 <= 3, 3 > 3], [4, 0])",
    "m.piecewise(m.array(3), [m.array(3 > 3)], [1, 2])",
    "m.piecewise(m.array(3), [m.array(3 <= 3)], [1, 2])",
    "m.piecewise(m.array([[-2.5, -1.5, -0.5], [0.5, 1.5, 2.5]]), "
    "[m.array([[-2.5, -1.5, -0.5], [0.5, 1.5, 2.5]]) < 0, "
    "m.array([[-2.5, -1.5, -0.5], [0.5, 1.5, 2.5]]) >= 2], [-1, 1, 3])",
    "m.piecewise([1, 2], [[True, False], [False, True]], [1, 2, 3, 4])",
    "m.piecewise([1, 2], [True, False], [lambda v: v * 9])",
    "m.piecewise(m.array([1, 2]), (m.array([True, False]),), [5])",
]


@pytest.mark.parametrize("expr", PIECEWISE_MISC)
def test_piecewise_misc(expr):
    chk(expr)


# ---------------------------------------------------------------------------
# fromfunction
# ---------------------------------------------------------------------------

FROMFUNCTION = [
    "m.fromfunction(lambda i, j: i + j, (2, 3))",
    "m.fromfunction(lambda i, j: i * j, (3, 3), dtype=int)",
    "m.fromfunction(lambda i: i ** 2, (5,), dtype=m.int8)",
    "m.fromfunction(lambda i, j: i == j, (3, 3), dtype=int)",
    "m.fromfunction(lambda i, j, k: i - j + k, (2, 3, 4), dtype=m.float32)",
    "m.fromfunction(lambda i, j: i + j, (0, 3))",
    "m.fromfunction(lambda i, j, scale: (i + j) * scale, (2, 2), scale=3)",
    "m.fromfunction(lambda *a: len(a), ())",
    "m.fromfunction(lambda i, j: 7, (2, 2))",
    "m.fromfunction(lambda i, j: i + j, (2, 3), dtype=complex)",
    "m.fromfunction(lambda i: i, 4)",
]


@pytest.mark.parametrize("expr", FROMFUNCTION)
def test_fromfunction(expr):
    chk(expr)


# ---------------------------------------------------------------------------
# binary_repr / base_repr / vander
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("num", ["0", "1", "3", "10", "255", "-1", "-3", "-8", "-128", "-129",
                                 "2**70", "-(2**70)", "m.int8(-5)", "m.uint64(2**64 - 1)",
                                 "True", "1.5", "'3'"])
@pytest.mark.parametrize("width", ["None", "0", "1", "4", "8", "16"])
def test_binary_repr(num, width):
    chk(f"m.binary_repr({num}, width={width})")


@pytest.mark.parametrize("num", ["0", "1", "7", "35", "255", "-255", "12345", "-1", "2**65",
                                 "m.int16(-300)", "3.9", "-3.9", "True"])
@pytest.mark.parametrize("base", ["2", "3", "8", "10", "16", "36", "1", "37"])
@pytest.mark.parametrize("padding", ["0", "3"])
def test_base_repr(num, base, padding):
    chk(f"m.base_repr({num}, {base}, {padding})")


@pytest.mark.parametrize("dtype", NUMERIC_DTYPES + ["bool"])
@pytest.mark.parametrize("N", ["None", "0", "1", "2", "4"])
@pytest.mark.parametrize("increasing", [False, True])
def test_vander_dtypes(dtype, N, increasing):
    na = sample((4,), dtype, nonneg=dtype.startswith("u"))
    if dtype in ("int8", "int16", "uint8", "uint16", "float16"):
        na = na % 5 if dtype != "float16" else na / 4
    chk(f"m.vander(a, {N}, {increasing})", nulp=2, a=P(to_rp(na), na))


VANDER = [
    "m.vander([1, 2, 3])",
    "m.vander([1, 2, 3, 5], 3)",
    "m.vander([1, 2, 3, 5], increasing=True)",
    "m.vander([1.5, 2.5], 5)",
    "m.vander([1j, 2], 3)",
    "m.vander([])",
    "m.vander([], 3)",
    "m.vander(m.arange(8)[::-2])",
    "m.vander([[1, 2]])",
    "m.vander(3)",
    "m.vander([1, 2], -1)",
    "m.vander(m.array([1, 2], dtype=m.uint8), 0)",
]


@pytest.mark.parametrize("expr", VANDER)
def test_vander(expr):
    chk(expr)


def test_names_exist():
    for name in ["vectorize", "frompyfunc", "apply_along_axis", "apply_over_axes", "piecewise",
                 "fromfunction", "binary_repr", "base_repr", "vander"]:
        assert callable(getattr(rp, name))


AT_CASES = [
    "f.at(a, (0, 1), 10)", "f.at(a, [0, 0, 1], 1)", "f.at(o, [0, 0, 2], [1, 2, 3])",
    "g.at(o, [1])", "g.at(a, (slice(None), 1))",
    "f.at(a, m.array([[True, False, True], [False, False, True]]), 5)", "f.at(o, [0])",
    "g.at(o, [0], 1)", "f.at(a, ([0, 1], [2, 2]), [1.5, 2])", "f.at(o, [5], 1)",
    "f.at(a, (Ellipsis, 0), [1, 2])", "f.at(a[:, ::-1], (0, 0), 100)",
    "f.at(o, slice(None, None, 2), 'x')", "m.frompyfunc(divmod, 2, 2).at(o, [0], 1)",
]


@pytest.mark.parametrize("stmt", AT_CASES)
def test_frompyfunc_at(stmt):
    """ufunc.at works in place: compare the outcome and both arrays afterwards."""
    results = []
    for m in (rp, np):
        ns = {"m": m, "a": m.arange(6).reshape(2, 3), "o": m.array([1, 2, 3], dtype=object),
              "f": m.frompyfunc(lambda x, y: x + y, 2, 1), "g": m.frompyfunc(lambda x: -x, 1, 1)}
        try:
            exec(stmt, ns)
            results.append((None, ns["a"], ns["o"]))
        except Exception as e:  # noqa: BLE001
            results.append((e, None, None))
    (re_, ra, ro), (ne, na, no) = results
    if ne is not None:
        assert re_ is not None, f"numpy raised {ne!r}"
        assert_same_error(re_, ne)
        assert str(re_) == str(ne)
        return
    assert re_ is None, f"rumpy raised {re_!r}"
    assert_same(ra, na)
    assert_same(ro, no)
