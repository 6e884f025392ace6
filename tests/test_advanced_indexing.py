"""Advanced indexing (integer and boolean arrays, get and set) and the functions that pick,
place, join, split and rearrange elements, compared with numpy over dtypes, shapes (empty,
0-d, non-contiguous and negative strides) and error cases."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rumpy as rp
from conftest import (ALL_DTYPES, FEW_DTYPES, SHAPE_CASE_NAMES, P, assert_outcomes, assert_same,
                      both, check, make_pair)

HYP = settings(max_examples=100, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow])

# Indices for a (3, 4) view or a 3-d (2, 3, 4) array; each is tried on every shape case
# (where numpy raises, rumpy must raise the same class).
FANCY = [
    "[0]", "[1, 0]", "[-1, 0, -1]", "[[0, 1], [1, 0]]", "[]", "[5]", "[-6]", "[1.0]",
    "m.array([0, 1], dtype=m.uint8)", "m.array([1, -1], dtype=m.int16)",
    "m.array([[1], [0]])", "m.array([], dtype=m.int64)",
    ":, [0, -1]", "[0, 1], [1, 2]", "[[0], [1]], [[0, 1]]", "[0, 1], :, [1, 0]",
    "..., [0, 1]", "[1], ...", "None, [0, 1]", "[0, 1], None", "1, [0, 2]", "[0, 2], 1",
    "1:, [0, 1]", "[0, 1], ::-1", ":, [True, False, True, False]", "[True, False, True]",
    "x > 0", "x < 0", "x == x", "x != x", "True", "False", "m.array(True)",
    "m.array(False)", "[True]", "[[True, False]]", "0, [True, False, True, False]",
    "[0, 1], [True, False, True, False]", "[[0, 1]], [[1], [2]]", "[0, 1], [0, 1, 2]",
    "[[0, 0]], 0", "[0], [0], [0], [0]", "m.array([0.5])", "[None]", "[[]]",
]

SET_VALUES = ["0", "7", "[1]", "[1, 2]", "m.arange(3)", "m.ones((2, 1))", "-1.5", "True"]


class _Subscript:
    """``_SUB[expr]`` is the key that ``x[expr]`` hands to __getitem__/__setitem__ (slices,
    Ellipsis and tuples included): an index written as source text is used as written."""

    def __getitem__(self, key):
        return key


_SUB = _Subscript()


def _key(expr, x, m):
    return eval(f"_SUB[{expr}]", {"m": m, "x": x, "np": np, "_SUB": _SUB})


def _forms(idx):
    """How the key is passed: as written, and, for a key that is not a tuple, also wrapped
    in a 1-tuple (x[k] and x[(k,)] mean the same)."""
    return ["as written"] + ([] if isinstance(_key(idx, np.zeros((3, 4)), np), tuple)
                             else ["1-tuple"])


def _wrap(key, form):
    return (key,) if form == "1-tuple" else key


@pytest.mark.parametrize("idx", FANCY)
@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
def test_fancy_getitem(case, idx):
    n, r, _, _ = make_pair(case, "float64")
    for form in _forms(idx):
        def get(m, form=form):
            x = r if m is rp else n
            return x[_wrap(_key(idx, x, m), form)]
        rr, nn = both(get)
        assert_outcomes(rr, nn, msg=f"x[{idx}] ({form}) on {case}")
        if isinstance(nn, np.ndarray):  # advanced indexing copies (numpy may wrap it in a view)
            assert rp.shares_memory(rr, r) == np.shares_memory(nn, n)


@pytest.mark.parametrize("dtype", ALL_DTYPES + ["record"])
@pytest.mark.parametrize("idx", ["[2, 0, 2]", "mask", "[[1], [0]], [0, 2]"])
def test_fancy_getitem_dtypes(dtype, idx):
    if dtype == "record":
        spec = [("a", "f8"), ("b", "i2", (2,))]
        n = np.zeros((3, 4), spec)
        n["a"] = np.arange(12).reshape(3, 4)
        n["b"] = np.arange(24).reshape(3, 4, 2)
        r = rp.asarray(n).copy()
    else:
        n, r, _, _ = make_pair("2d", dtype)
    masks = P(rp.asarray(np.arange(12).reshape(3, 4) % 3 == 0),
              np.arange(12).reshape(3, 4) % 3 == 0)
    expr = "x[" + idx + "]"
    rr, nn = both(expr, x=P(r, n), mask=masks)
    if dtype == "record":
        assert rr.dtype == nn.dtype and rr.shape == nn.shape
        assert np.asarray(rr).tobytes() == nn.tobytes()
    else:
        assert_outcomes(rr, nn, msg=expr)


@pytest.mark.parametrize("value", SET_VALUES)
@pytest.mark.parametrize("idx", FANCY)
@pytest.mark.parametrize("case", ["1d", "2d", "3d", "strided", "negstride", "transposed",
                                  "empty", "0d"])
def test_fancy_setitem(case, idx, value):
    for form in _forms(idx):
        _fancy_set(case, idx, value, form)


def _fancy_set(case, idx, value, form):
    n, r, nb, rb = make_pair(case, "float64")

    def run(m):
        x, base = (r, rb) if m is rp else (n, nb)
        x[_wrap(_key(idx, x, m), form)] = eval(value, {"m": m})
        return base
    rr, nn = both(run)
    assert_outcomes(rr, nn, msg=f"x[{idx}] ({form}) = {value} on {case}")


@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_setitem_casts_and_repeats(dtype):
    def run(m):
        x = m.zeros(6, dtype=dtype)
        x[[1, 3, 3, 1]] = m.array([1, 2, 3, 4]).astype(dtype)
        x[m.array([True, False, False, False, False, True])] = 1
        return x
    assert_outcomes(*both(run), msg="last write wins, casts")


def test_setitem_rejected_writes_nothing():
    def run(m):
        x = m.arange(5.0)
        try:
            x[[0, 1, 9]] = 7
        except IndexError:
            pass
        return x
    assert_outcomes(*both(run), msg="out of range index")
    for expr in ["x[[0, 1]] = [1, 2, 3]", "x[x > 1] = [1, 2]"]:
        def run2(m, expr=expr):
            x = m.arange(5.0)
            try:
                exec(expr, {"x": x, "m": m})
            except ValueError:
                return "raised", x
            return "ok", x
        assert_outcomes(*both(run2), compare=_same_nested, msg=expr)


def test_setitem_read_only_and_views():
    check("m.broadcast_to(m.arange(3), (2, 3)).__setitem__(([0], [1]), 5)")
    # Writing through a view of a base reaches the base.

    def run(m):
        b = m.arange(12.0).reshape(3, 4)
        v = b[:, 1:]
        v[[0, 2], [1, 0]] = -1
        v[v > 8] = 0
        return b
    assert_outcomes(*both(run), msg="view writes through")


@settings(parent=HYP)
@given(st.data())
def test_fancy_property(data):
    shape = tuple(data.draw(st.lists(st.integers(1, 4), min_size=1, max_size=3)))
    n = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
    r = rp.asarray(n).copy()
    k = data.draw(st.integers(0, len(shape) - 1))
    idx = data.draw(st.lists(st.integers(-shape[k], shape[k] - 1), max_size=5))
    key = (slice(None),) * k + (idx,)
    assert_same(r[key], n[key])
    mask = data.draw(st.lists(st.booleans(), min_size=n.size, max_size=n.size))
    m = np.array(mask).reshape(shape)
    assert_same(r[rp.asarray(m)], n[m])


# ---------------------------------------------------------------------------
# functions
# ---------------------------------------------------------------------------

A = "m.arange(24).reshape(2, 3, 4)"
F = "m.arange(12.0).reshape(3, 4)"
V = "m.arange(6)"

FUNCS = [
    # picking and placing
    f"m.nonzero({F} % 3 == 0)", f"m.argwhere({F} > 5)", f"m.flatnonzero({F} > 5)",
    "m.argwhere(m.array(1))", "m.argwhere(m.array(0))",
    f"m.take({A}, [0, 2])", f"m.take({A}, [[0, 2]], axis=2)", f"m.take({A}, [5], axis=1)",
    f"m.take({A}, [5], axis=1, mode='wrap')", f"m.take({A}, [-9, 5], axis=1, mode='clip')",
    f"m.take({A}, 1, axis=-1)", f"m.take({A}, [1.5])", f"{A}.take([3, 1])",
    f"m.take_along_axis({F}, m.array([[0], [3], [1]]), 1)",
    f"m.take_along_axis({F}, m.array([[2, 0, 1, 1]]), 0)",
    f"m.take_along_axis({F}, m.array([1, 0]), None)",
    f"m.take_along_axis({F}, m.array([1, 0]), 0)",
    f"m.compress([True, False, True], {F}, axis=0)", f"m.compress([0, 1], {F}, axis=1)",
    f"m.compress([1, 0, 1], {F})", f"m.compress([1, 0, 1, 1, 1], {F}, axis=0)",
    f"m.extract({F} > 6, {F})", f"m.choose([0, 1, 1, 0], [{V}[:4], -{V}[:4]])",
    f"m.choose([[0, 1], [1, 0]], [1, -1])", "m.choose([2], [1, 2])",
    "m.choose([2], [1, 2], mode='clip')", "m.choose([3], [1, 2], mode='wrap')",
    f"m.select([{V} < 2, {V} > 4], [{V}, {V} ** 2])",
    f"m.select([{V} < 2], [{V}], default=-1.5)", f"m.select([{V}], [{V}])",
    f"m.diagonal({F})", f"m.diagonal({F}, 1)", f"m.diagonal({F}, -2)", f"m.diagonal({F}, 9)",
    f"m.diagonal({A}, 0, 1, 2)", f"m.diagonal({A}, 1, 2, 0)", f"{F}.diagonal()",
    f"m.diagonal({V})", f"m.diag({V})", f"m.diag({V}, 2)", f"m.diag({V}, -1)", f"m.diag({F})",
    f"m.diag({F}, -1)", f"m.diag({A})", f"m.diagflat({F})", "m.diagflat([1, 2], 1)",
    f"m.tril({F})", f"m.tril({F}, -1)", f"m.triu({F}, 2)", f"m.triu({A})", f"m.tril({V})",
    "m.tril_indices(3)", "m.tril_indices(3, 1, 4)", "m.triu_indices(4, -1)",
    f"m.tril_indices_from({F})", f"m.triu_indices_from({F}, 1)", "m.diag_indices(3)",
    "m.diag_indices(2, 3)", "m.diag_indices_from(m.zeros((3, 3)))",
    "m.indices((2, 3))", "m.indices((2, 3), sparse=True)", "m.indices((2, 3), dtype=m.int8)",
    "m.ix_([0, 1], [2, 3, 0])", "m.ix_([True, False, True], [1])",
    "m.meshgrid([1, 2, 3], [4, 5])", "m.meshgrid([1, 2, 3], [4, 5], indexing='ij')",
    "m.meshgrid([1, 2, 3], [4, 5], sparse=True)", "m.meshgrid([1, 2], [3], [4, 5, 6])",
    "m.meshgrid()", "m.mgrid[0:3, 1:5:2]", "m.mgrid[0:1:5j]", "m.mgrid[-1:1:3j, 0:2]",
    "m.ogrid[0:3, 0:4]", "m.mgrid[0:5]",
    "m.unravel_index(22, (7, 6))", "m.unravel_index([31, 41, 13], (7, 6))",
    "m.unravel_index([31, 41, 13], (7, 6), order='F')", "m.unravel_index(42, (7, 6))",
    "m.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (7, 6))",
    "m.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (7, 6), order='F')",
    "m.ravel_multi_index(([3, 9], [4, 1]), (7, 6), mode='clip')",
    "m.ravel_multi_index(([3, 9], [4, 1]), (7, 6), mode='wrap')",
    "m.ravel_multi_index(([3, 9], [4, 1]), (7, 6))", "m.ravel_multi_index((1, 2), (3, 4))",
    # joining
    f"m.concatenate([{F}, {F}])", f"m.concatenate([{F}, {F}], axis=1)",
    f"m.concatenate([{F}, {F}], axis=None)", f"m.concatenate([{F}, {V}])",
    f"m.concatenate([{F}, {F}[:, :2]], axis=1)", f"m.concatenate([{F}, {F}[:, :2]])",
    f"m.concatenate([{F}, {F}], axis=2)", "m.concatenate([m.array(1), m.array(2)])",
    "m.concatenate([])", "m.concatenate([[1, 2], [3.5]])",
    f"m.concatenate([{F}, {F}.T.T], dtype=m.float32)",
    f"m.concatenate([{F}, {F}], dtype=m.int8)",
    f"m.concatenate([{F}, {F}], dtype=m.int8, casting='unsafe')",
    f"m.concatenate([m.zeros(3, m.int8), m.ones(2, m.uint8)])",
    f"m.stack([{V}, {V}])", f"m.stack([{V}, {V}], axis=1)", f"m.stack([{V}, {V}], axis=-1)",
    f"m.stack([{V}, {V}[:3]])", f"m.stack([{F}, {F}], 2)", "m.stack([])",
    f"m.vstack([{V}, {V}])", f"m.vstack([{F}, {V}[:4]])", f"m.hstack([{V}, {V}])",
    f"m.hstack([{F}, {F}])", f"m.dstack([{V}, {V}])", f"m.dstack([{F}, {F}])",
    f"m.column_stack([{V}, {V}])", f"m.column_stack([{F}, {F}])",
    f"m.block([[{F}, {F}], [{F}, {F}]])", "m.block([1, 2, [3]])", "m.block([[1, 2], [3, 4]])",
    "m.block([[m.ones((2, 2)), m.zeros((2, 1))], [m.zeros((1, 3))]])",
    "m.block(((1, 2),))", "m.block([[1], 2])", "m.block([])",
    f"m.append({V}, [7, 8])", f"m.append({F}, {F}, axis=0)", f"m.append({F}, [1, 2], axis=0)",
    f"m.insert({V}, 1, 9)", f"m.insert({V}, [1, 3], [8, 9])", f"m.insert({V}, -1, 9)",
    f"m.insert({V}, 7, 9)", f"m.insert({F}, 1, 5, axis=1)", f"m.insert({F}, [1], [[5], [6], [7]], axis=1)",
    f"m.insert({F}, 2, [5, 6, 7, 8], axis=0)", f"m.insert({V}, slice(1, 4), 0)",
    f"m.insert({V}, [], 3)", f"m.insert({F}, 1, 9)",
    f"m.delete({V}, 1)", f"m.delete({V}, [0, -1])", f"m.delete({V}, slice(1, None, 2))",
    f"m.delete({F}, 1, axis=1)", f"m.delete({F}, [True, False, True], axis=0)",
    f"m.delete({V}, 9)", f"m.delete({F}, 0)",
    f"m.unstack({F})", f"m.unstack({A}, axis=2)",
    # splitting
    f"m.split({V}, 3)", f"m.split({V}, [1, 4])", f"m.split({V}, 4)", f"m.split({F}, 2, axis=1)",
    f"m.array_split({V}, 4)", f"m.array_split({F}, [1, 9], axis=1)", f"m.hsplit({F}, 2)",
    f"m.vsplit({F}, 3)", f"m.dsplit({A}, 2)", f"m.hsplit({V}, 3)", f"m.vsplit({V}, 2)",
    f"m.dsplit({F}, 2)",
    # rearranging
    f"m.reshape({A}, (4, 6))", f"m.reshape({A}, -1)", f"m.reshape({A}, (4, 6), order='F')",
    f"m.reshape({A}, (5, 5))", f"m.ravel({F}.T)", f"m.ravel({F}, order='F')",
    f"m.moveaxis({A}, 0, -1)", f"m.moveaxis({A}, [0, 1], [-1, -2])", f"m.moveaxis({A}, 3, 0)",
    f"m.rollaxis({A}, 2)", f"m.rollaxis({A}, 0, 2)", f"m.swapaxes({A}, 0, 2)",
    f"m.transpose({A})", f"m.transpose({A}, (1, 0, 2))", f"m.permute_dims({A}, (2, 0, 1))",
    f"m.matrix_transpose({A})", f"m.matrix_transpose({V})",
    f"m.expand_dims({V}, 0)", f"m.expand_dims({V}, (0, 2))", f"m.expand_dims({F}, -1)",
    f"m.expand_dims({V}, 3)", f"m.squeeze(m.zeros((1, 3, 1)))", f"m.squeeze(m.zeros((1, 3, 1)), 2)",
    f"m.squeeze(m.zeros((1, 3, 1)), 1)", "m.atleast_1d(1)", "m.atleast_1d([1, 2], 3)",
    "m.atleast_2d(1)", f"m.atleast_2d({V})", "m.atleast_3d(1)", f"m.atleast_3d({V})",
    f"m.atleast_3d({F})", f"m.broadcast_to({V}, (2, 6))", f"m.broadcast_to({V}, (2, 5))",
    "m.broadcast_to(3, (2,))", f"m.broadcast_arrays({V}, m.ones((2, 1)))",
    "m.broadcast_shapes((2, 1), (1, 3))", "m.broadcast_shapes((2, 3), (4, 3))",
    "m.broadcast_shapes(3, (2, 1))", "m.broadcast_shapes()",
    f"m.flip({A})", f"m.flip({A}, 1)", f"m.flip({A}, (0, 2))", f"m.fliplr({F})",
    f"m.flipud({F})", f"m.fliplr({V})", f"m.roll({V}, 2)", f"m.roll({V}, -8)",
    f"m.roll({F}, 1, axis=1)", f"m.roll({F}, (1, 2), axis=(0, 1))", f"m.roll({F}, 5)",
    f"m.rot90({F})", f"m.rot90({F}, 2)", f"m.rot90({F}, -1)", f"m.rot90({A}, 1, (1, 2))",
    f"m.rot90({F}, 1, (0, 0))", f"m.tile({V}, 2)", f"m.tile({V}, (2, 2))", f"m.tile({F}, (2, 1, 3))",
    "m.tile(m.array(5), 3)", f"m.tile({F}, 1)", f"m.repeat({V}, 2)", f"m.repeat({F}, 2, axis=1)",
    f"m.repeat({F}, [1, 0, 2], axis=0)", f"m.repeat({F}, [1, 2], axis=0)", f"{F}.repeat(3)",
    f"m.repeat({V}, -1)", "m.resize(m.arange(3), (2, 4))", "m.resize(m.arange(3), 0)",
    "m.resize([], 3)", f"m.trim_zeros(m.array([0, 0, 1, 2, 0]))",
    f"m.trim_zeros(m.array([0, 0, 1, 2, 0]), 'f')", f"m.trim_zeros(m.array([0, 0, 0]))",
    f"m.require({F}.T, requirements='C').flags.c_contiguous",
    f"m.require({F}, dtype=m.float32).dtype",
]


def _same_nested(r, n):
    if isinstance(n, (tuple, list)):
        assert type(r) in (tuple, list) and len(r) == len(n), f"{r!r} vs {n!r}"
        for a, b in zip(r, n):
            _same_nested(a, b)
        return
    assert_same(r, n)


@pytest.mark.parametrize("expr", FUNCS)
def test_functions(expr):
    r, n = both(expr)
    assert_outcomes(r, n, compare=_same_nested, msg=expr)


@pytest.mark.parametrize("dtype", FEW_DTYPES)
@pytest.mark.parametrize("case", ["0d", "empty", "1d", "2d", "3d", "strided", "negstride",
                                  "transposed"])
@pytest.mark.parametrize("fn", ["m.concatenate([x, x], axis=None)", "m.flip(x)", "m.roll(x, 1)",
                                "m.tile(x, 2)", "m.repeat(x, 2)", "m.take(x, [0, -1])",
                                "m.stack([x, x])", "m.atleast_2d(x)", "m.append(x, x)",
                                "m.argwhere(x)", "m.flatnonzero(x)", "m.expand_dims(x, 0)",
                                "m.concatenate([x, x])", "m.diagonal(x)", "m.tril(x)",
                                "m.delete(x, 0)", "m.insert(x, 0, 1)", "m.rot90(x)",
                                "m.array_split(x, 2)"])
def test_functions_over_dtypes_and_shapes(fn, case, dtype):
    n, r, _, _ = make_pair(case, dtype)
    rr, nn = both(fn, x=P(r, n))
    assert_outcomes(rr, nn, compare=_same_nested, msg=f"{fn} on {case} {dtype}")


def test_placing_in_place():
    def run(m):
        a = m.arange(12.0).reshape(3, 4)
        m.put(a, [0, 5, 22], [-1, -2], mode='clip')
        m.put_along_axis(a, m.array([[1], [0], [3]]), 99, 1)
        m.place(a, a > 8, [10, 20])
        m.putmask(a, a < 3, m.arange(12.0).reshape(3, 4) * 100)
        m.fill_diagonal(a, 7)
        b = m.zeros((5, 3))
        m.fill_diagonal(b, [1, 2], wrap=True)
        c = m.zeros((3, 3, 3))
        m.fill_diagonal(c, 4)
        return a, b, c
    assert_outcomes(*both(run), compare=_same_nested, msg="put/place/putmask/fill_diagonal")
    check("m.put(m.arange(3), [5], 1)")


def test_flat_and_iteration():
    def run(m):
        a = m.arange(12.0).reshape(3, 4)[:, ::2]
        got = [a.flat[5], a.flat[[1, 2]], list(a.flat)]
        a.flat[[0, 3]] = -1
        a.flat[4] = 9
        idx = list(m.ndindex(2, 3)) + list(m.ndindex((1, 2)))
        en = [(i, float(v)) for i, v in m.ndenumerate(a)]
        it = [float(x) for x in m.nditer(a)]
        pairs = [(float(x), float(y)) for x, y in m.nditer([a, m.arange(2.0)])]
        w = m.zeros((2, 2))
        with m.nditer(w, op_flags=['readwrite']) as itw:
            for x in itw:
                x[...] = 5
        return got, a, idx, en, it, pairs, w
    assert_outcomes(*both(run), compare=_same_nested, msg="flat / ndindex / ndenumerate / nditer")


DIAGONAL_ARGS = [(), (1,), (-1,), (2,), (-3,), (5,), (-9,), (0, 1, 0), (1, -1, 0), (-1, 0, 2),
                 (0, 2, -3), (2, 1, 2), (True,), (0, 3, 1), (0, 1, -4), (0, 1, 1), (0, -1, 2),
                 (1.5,), (0, 1.0, 2), (2**40,), (2**70,)]
DIAGONAL_LAYOUTS = {
    "3x4": lambda m: m.arange(12.0).reshape(3, 4),
    "2x3x4 reversed": lambda m: m.arange(24).reshape(2, 3, 4)[::-1, :, ::-2],
    "transposed": lambda m: m.arange(24.0).reshape(2, 3, 4).T,
    "empty": lambda m: m.zeros((0, 3, 3), "f4"),
    "1-d": lambda m: m.arange(3),
}


@pytest.mark.parametrize("layout", list(DIAGONAL_LAYOUTS))
@pytest.mark.parametrize("args", DIAGONAL_ARGS, ids=repr)
def test_diagonal_method(args, layout):
    """ndarray.diagonal (and rp.diagonal, rp.trace): values, strides, read-only views, and
    NumPy's exceptions for bad axes and offsets (C ints)."""
    for expr in ("a.diagonal(*args)", "m.diagonal(a, *args)"):
        r, n = both(lambda m: _diag_parts(eval(expr, {"a": DIAGONAL_LAYOUTS[layout](m),
                                                       "m": m, "args": args})))
        assert_outcomes(r, n, compare=_same_nested, msg=f"{expr} {args}")
    make = DIAGONAL_LAYOUTS[layout]
    check(f"m.trace(x, *{args!r})", x=P(make(rp), make(np)))


def _diag_parts(d):
    return d, d.strides, d.flags.writeable


def test_diagonal_is_read_only_view():
    def run(m):
        a = m.arange(9.0).reshape(3, 3)
        d = m.diagonal(a)
        a[1, 1] = 50
        return d, d.flags.writeable, m.shares_memory(a, d)
    assert_outcomes(*both(run), compare=_same_nested, msg="diagonal view")
    check("m.diagonal(m.arange(9.0).reshape(3, 3)).__setitem__(0, 1)")
    check("m.broadcast_to(m.arange(3.0), (2, 3)).flags.writeable")


PAD_MODES = [("constant", {}), ("constant", {"constant_values": (7, 9)}),
             ("constant", {"constant_values": ((1, 2), (3, 4))}), ("edge", {}),
             ("linear_ramp", {}), ("linear_ramp", {"end_values": (5, -3)}), ("maximum", {}),
             ("minimum", {"stat_length": 1}), ("minimum", {"stat_length": 0}), ("mean", {}),
             ("mean", {"stat_length": (2, 1)}), ("median", {}), ("reflect", {}),
             ("reflect", {"reflect_type": "odd"}), ("symmetric", {}),
             ("symmetric", {"reflect_type": "odd"}), ("wrap", {}), ("nope", {}),
             ("edge", {"x": 1})]
PAD_WIDTHS = [2, (1, 3), ((1, 2), (0, 7)), 11, 0, -1, 1.5, {0: (1, 2)}]


@pytest.mark.parametrize("width", PAD_WIDTHS, ids=repr)
@pytest.mark.parametrize("mode,kw", PAD_MODES, ids=lambda x: repr(x))
@pytest.mark.parametrize("dtype", ["int64", "uint8", "float32", "float64"])
@pytest.mark.parametrize("case", ["1d", "2d", "empty", "negstride", "transposed"])
def test_pad(case, dtype, mode, kw, width):
    n, r, _, _ = make_pair(case, dtype)
    rr, nn = both(lambda m: m.pad(r if m is rp else n, width, mode, **kw))
    assert_outcomes(rr, nn, msg=f"pad({case}, {width!r}, {mode!r}, {kw})")


def test_pad_empty_mode_and_callable():
    def run(m):
        out = m.pad(m.arange(6.0).reshape(2, 3), 1, "empty")
        return out.shape, out.dtype, out[1:-1, 1:-1]

    def fill(vector, width, axis, kwargs):
        vector[:width[0]] = -1
        if width[1]:
            vector[-width[1]:] = -2
    assert_outcomes(*both(run), compare=_same_nested, msg="pad empty")
    check("m.pad(m.arange(6).reshape(2, 3), (1, 2), fill)", fill=fill)


def test_resize_method():
    def run(m):
        out = []
        a = m.arange(6.0)
        a.resize((2, 4))
        out.append(a)
        b = m.arange(6.0)
        v = b[1:]
        for f in (lambda: b.resize(3), lambda: v.resize(3), lambda: b.resize(-1)):
            try:
                f()
                out.append("ok")
            except ValueError as e:
                out.append(type(e).__name__)
        c = m.arange(6.0)
        c.resize(2, 2)
        d = m.arange(6.0)
        d.resize(8, refcheck=False)
        e = m.arange(6.0).reshape(2, 3).T.copy(order="F")
        e.resize(3)
        h = m.arange(4)
        h.resize(())
        return out, c, d, e, h
    assert_outcomes(*both(run), compare=_same_nested, msg="ndarray.resize")


REC = [("a", "f8"), ("b", "i2", (2,))]


def _records(m):
    n = np.zeros((3, 4), REC)
    n["a"] = np.arange(12).reshape(3, 4)
    n["b"] = np.arange(24).reshape(3, 4, 2)
    return n if m is np else rp.asarray(n).copy()


def _same_records(r, n):
    if isinstance(n, (tuple, list)):
        assert len(r) == len(n)
        for a, b in zip(r, n):
            _same_records(a, b)
        return
    assert r.shape == n.shape and r.dtype == n.dtype, (r.shape, n.shape, r.dtype, n.dtype)
    assert np.asarray(r).tobytes() == np.ascontiguousarray(n).tobytes()


@pytest.mark.parametrize("fn", [
    "x[[2, 0], 1:]", "x[x['a'] > 4]", "m.take(x, [0, -1], axis=1)", "m.concatenate([x, x])",
    "m.concatenate([x, x], axis=None)", "m.stack([x, x], axis=1)", "m.flip(x, 1)",
    "m.roll(x, 1, axis=0)", "m.repeat(x, 2, axis=0)", "m.tile(x, 2)", "m.transpose(x)",
    "m.split(x, 2, axis=1)", "m.delete(x, 1, axis=0)", "m.insert(x, 1, x[0], axis=0)",
    "m.diagonal(x)", "m.broadcast_to(x[:1], (2, 3, 4))", "m.take_along_axis(x, m.array([[1], [0], [3]]), 1)",
    "m.pad(x, 1, 'edge')", "m.append(x, x[:1], axis=0)",
])
def test_functions_on_records(fn):
    r, n = both(lambda m: eval(fn, {"m": m, "x": _records(m)}))
    assert_outcomes(r, n, compare=_same_records, msg=fn)


def test_record_fancy_setitem():
    def run(m):
        x = _records(m)
        x[[0, 2], 1] = (7.5, [1, 2])
        x[x["a"] > 9] = 0
        return x
    r, n = both(run)
    assert_outcomes(r, n, compare=_same_records, msg="record fancy setitem")


@pytest.mark.parametrize("expr", [
    "m.concatenate([m.ones(2), m.zeros(3)], out=m.empty(5))",
    "m.concatenate([m.ones(2), m.zeros(3)], out=m.empty(4))",
    "m.concatenate([m.ones(2), m.zeros(3)], out=m.empty(5, m.int8))",
    "m.concatenate([m.ones(2), m.zeros(3)], out=m.empty(5), dtype=m.float32)",
    "m.concatenate([m.ones((2, 2)), m.zeros((2, 1))], axis=1, out=m.empty((2, 3), m.float32))",
    "m.where(m.array([[0, 1], [2, 0]]))", "m.where([True, False, True])",
    "m.stack([m.ones(2), m.zeros(2)], out=m.empty((2, 2)))",
])
def test_join_out_and_where(expr):
    check(expr, compare=_same_nested)


@pytest.mark.parametrize("expr", [
    "m.arange(10)[m.frombuffer(bytes(41), dtype=m.int64, offset=1)]",
    "m.take_along_axis(m.arange(10), m.frombuffer(bytes(41), dtype=m.int64, offset=1), 0)",
    "m.zeros((3, 2))[[0], ..., ...]", "m.zeros((3, 2))[[0], :, :]", "m.arange(6).reshape(3, 2)[[2, 0], :]",
    "m.concatenate([m.zeros((2, 2)), m.zeros(2)])", "m.frombuffer(b'', dtype=[])",
])
def test_index_edge_cases(expr):
    check(expr)


def test_overlapping_destination_and_resize_with_record_scalar():
    def run(m):
        d = m.ndarray((128, 128), 'f8', buffer=bytearray(1024), strides=(0, 8))
        d[...] = m.arange(128 * 128.0).reshape(128, 128).T
        a = m.zeros(4, dtype=[('x', 'i8')])
        r = a[0]
        try:
            a.resize(8)
            resized = True
        except ValueError:
            resized = False
        return d.copy(), resized, r.item()
    assert_outcomes(*both(run), compare=_same_nested, msg="overlap / resize")
