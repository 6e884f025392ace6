"""rp.nditer, rp.nested_iters and rp.broadcast against numpy (cases after numpy's
_core/tests/test_nditer.py)."""

import numpy as np
import pytest
from conftest import FEW_DTYPES, P, both, check, check_message, pair, per_module

import rumpy as rp


def walk(it, what="value"):
    """Everything an iteration shows: per step the values (as Python data) and the tracked
    positions, then the final attributes."""
    steps = []
    for x in it:
        vals = x if isinstance(x, tuple) else (x,)
        entry = [(v.tolist(), v.dtype.str, v.shape) for v in vals]
        if it.has_multi_index:
            entry.append(it.multi_index)
        if it.has_index:
            entry.append(it.index)
        entry.append(it.iterindex)
        steps.append(entry)
    return steps


def attrs(it):
    """The iterator's descriptive attributes (an attribute that raises gives its error)."""
    getters = [
        lambda: it.ndim, lambda: it.shape, lambda: it.itersize, lambda: it.iterrange,
        lambda: it.nop, lambda: it.has_index, lambda: it.has_multi_index, lambda: it.finished,
        lambda: [d.str for d in it.dtypes],
        # strides of size-0 arrays depend on how they were made: not compared
        lambda: [(v.shape, v.strides if v.size else None) for v in it.itviews],
        lambda: [(o.shape, o.dtype.str) for o in it.operands]]
    out = []
    for get in getters:
        try:
            out.append(get())
        except (ValueError, TypeError, IndexError) as e:
            out.append((type(e).__name__, str(e)))
    return out


def same(expr, **names):
    """numpy's and rumpy's outcomes are equal as plain Python data (or raise the same)."""
    r, n = both(expr, **names)
    if hasattr(n, "exc"):
        check_message(expr, **names)
        return
    assert not hasattr(r, "exc"), f"{expr}: rumpy raised {r.exc!r}; numpy gave {n!r}"
    assert r == n, f"{expr}:\nrumpy {r!r}\nnumpy {n!r}"


W = {"walk": walk, "attrs": attrs}
CASES = ["0d", "empty", "empty3d", "1d", "2d", "3d", "strided", "negstride", "transposed"]
FLAG_SETS = [
    [], ["multi_index"], ["c_index"], ["f_index"], ["external_loop"],
    ["buffered"], ["buffered", "external_loop"], ["multi_index", "c_index"],
    ["refs_ok", "f_index"], ["ranged"], ["buffered", "grow_inner", "external_loop"],
]
ORDERS = ["K", "C", "F", "A"]


def zs(flags):
    return flags + ["zerosize_ok"]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("flags", FLAG_SETS, ids=lambda f: "-".join(f) or "none")
@pytest.mark.parametrize("case", CASES)
def test_single_operand(case, flags, order):
    same(f"walk(m.nditer(a, flags={zs(flags)}, order='{order}'))", a=pair(case, "int16"), **W)
    same(f"attrs(m.nditer(a, flags={zs(flags)}, order='{order}'))", a=pair(case, "int16"),
         **W)


@pytest.mark.parametrize("dtype", FEW_DTYPES + ["float32", "complex64", "uint64"])
@pytest.mark.parametrize("case", CASES)
def test_dtypes(case, dtype):
    same("walk(m.nditer(a, flags=['zerosize_ok', 'multi_index']))", a=pair(case, dtype), **W)
    same("walk(m.nditer(a, flags=['zerosize_ok', 'external_loop']))", a=pair(case, dtype), **W)


def test_zero_size_refused():
    check_message("m.nditer(m.zeros((0, 3)))")
    check_message("m.nditer([m.zeros((2, 0)), 1])")


# --- several operands, broadcasting -------------------------------------------------------

TWO_OPS = [
    ("2d", "1d_row"), ("3d", "2d_col"), ("2d", "0d"), ("transposed", "1d_col"),
    ("negstride", "1d_row3"), ("strided", "strided"), ("3d", "3d_t"),
]


def operand(name):
    """Named operands beyond conftest's shape cases."""
    extra = {
        "1d_row": lambda m: m.arange(4, dtype="int32"),
        "1d_row3": lambda m: m.arange(3.0),
        "1d_col": lambda m: m.arange(4, dtype="int8").reshape(4, 1),
        "2d_col": lambda m: m.arange(3, dtype="float32").reshape(3, 1),
        "3d_t": lambda m: m.arange(24, dtype="uint8").reshape(4, 3, 2).T,
    }
    if name in extra:
        return P(extra[name](rp), extra[name](np))
    return pair(name, "int64")


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("flags", FLAG_SETS[:8], ids=lambda f: "-".join(f) or "none")
@pytest.mark.parametrize("ops", TWO_OPS, ids=lambda p: "+".join(p))
def test_two_operands(ops, flags, order):
    names = {"a": operand(ops[0]), "b": operand(ops[1])}
    same(f"walk(m.nditer([a, b], flags={flags}, order='{order}'))", **names, **W)
    same(f"attrs(m.nditer([a, b], flags={flags}, order='{order}'))", **names, **W)


@pytest.mark.parametrize("expr", [
    "m.nditer([m.arange(6).reshape(2, 3), m.arange(4)])",
    "m.nditer([m.arange(6).reshape(2, 3), m.arange(2)])",
    "m.nditer([m.ones((2, 3)), m.ones((3, 2)), 1])",
    "m.nditer([m.ones((2, 3)), m.ones(4)], itershape=(2, 3))",
    "m.nditer(m.ones((2, 3)), itershape=(3, 3))",
    "m.nditer(m.ones((2, 3)), itershape=(2,))",
    "m.nditer(m.ones((2, 3)), op_axes=[[1, 0]], itershape=(4, 3))",
    "m.nditer([m.ones((2, 3)), m.zeros(5)], op_axes=[[0, 1], [-1, 0]])",
    "m.nditer([m.ones((2, 3)), m.arange(4)], op_axes=[None, [1]])",
    "attrs(m.nditer(m.ones((2, 3)), itershape=(2, 3)))",
    "attrs(m.nditer([m.ones(3), None], itershape=(2, -1)))",
    "attrs(m.nditer([m.ones((1, 3)), None], itershape=(4, -1)))",
    "walk(m.nditer([m.arange(3), m.arange(2).reshape(2, 1)], flags=['multi_index']))",
    "walk(m.nditer([m.arange(3), 5], flags=['external_loop']))",
    "walk(m.nditer([1, 2.5, True]))",
    "walk(m.nditer(7.5))",
    "walk(m.nditer([[1, 2], [3, 4]]))",
    "walk(m.nditer((m.arange(3), m.arange(3.0))))",
    "m.nditer([m.arange(3)] * 70).nop",
    "attrs(m.nditer(m.ones((3, 1, 2))))",
    "attrs(m.nditer(m.ones((3, 1, 2)), flags=['multi_index']))",
    "attrs(m.nditer([m.ones((2, 1)), m.ones((1, 3))]))",
])
def test_broadcasting(expr):
    same(expr, **W)


# --- flags and their errors --------------------------------------------------------------------

@pytest.mark.parametrize("expr", [
    "m.nditer(a, flags=['bogus'])", "m.nditer(a, flags='c_index')", "m.nditer(a, flags=[1])",
    "m.nditer(a, op_flags=['bogus'])", "m.nditer(a, op_flags=[['readonly', 'readwrite']])",
    "m.nditer(a, op_flags=[[]])", "m.nditer([a, a], op_flags=[['readonly']])",
    "m.nditer(a, flags=['c_index', 'f_index'])",
    "m.nditer(a, flags=['external_loop', 'multi_index'])",
    "m.nditer(a, flags=['external_loop', 'c_index'])",
    "m.nditer(a, flags=['external_loop', 'f_index'])",
    "m.nditer([a, None], op_flags=[['readonly'], ['readonly']])",
    "m.nditer([None])", "m.nditer([None, None])", "m.nditer(a, order='X')",
    "attrs(m.nditer(a, order='c'))", "m.nditer(a, casting='bogus')",
    "m.nditer(a, op_axes=[[0, 0]])", "m.nditer(a, op_axes=[[0, 3]])",
    "m.nditer(a, op_axes=[0, 1])", "m.nditer([a, a], op_axes=[[0, 1]])",
    "m.nditer(ro, op_flags=['readwrite'])", "m.nditer(ro, op_flags=['writeonly'])",
    "m.nditer(m.array([1, 'a'], dtype=object))",
    "m.nditer(m.arange(3)).remove_axis(0)",
    "m.nditer(m.arange(3), flags=['multi_index']).remove_axis(5)",
    "m.nditer(m.arange(3)).multi_index", "m.nditer(m.arange(3)).index",
    "m.nditer(a, flags=['multi_index']).enable_external_loop()",
    "m.nditer(a, flags=['c_index']).enable_external_loop()",
    "(lambda it: setattr(it, 'iterrange', (2, 9)))(m.nditer(a, flags=['ranged']))",
    "(lambda it: setattr(it, 'iterrange', (2, 3)))(m.nditer(a))",
    "(lambda it: setattr(it, 'iterrange', (4, 3)))(m.nditer(a, flags=['ranged']))",
    "(lambda it: setattr(it, 'iterindex', 9))(m.nditer(a))",
    "(lambda it: setattr(it, 'iterindex', -1))(m.nditer(a))",
    "(lambda it: setattr(it, 'multi_index', (5, 0)))(m.nditer(a, flags=['multi_index']))",
    "(lambda it: setattr(it, 'multi_index', (0,)))(m.nditer(a, flags=['multi_index']))",
    "(lambda it: setattr(it, 'multi_index', (0, 0)))(m.nditer(a))",
    "(lambda it: setattr(it, 'index', 99))(m.nditer(a, flags=['c_index']))",
    "(lambda it: setattr(it, 'index', 2))(m.nditer(a))",
    "(lambda it: (list(it), it.value))(m.nditer(a))",
    "(lambda it: (list(it), it.multi_index))(m.nditer(a, flags=['multi_index']))",
    "(lambda it: (list(it), it.index))(m.nditer(a, flags=['c_index']))",
    "(lambda it: (list(it), it.iterindex))(m.nditer(a))",
    "(lambda it: (list(it), it.finished, it.iternext()))(m.nditer(a))",
])
def test_errors(expr):
    ro = P(rp.arange(3), np.arange(3))
    ro.rp.flags.writeable = False
    ro.np.flags.writeable = False
    same(expr, a=P(rp.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)), ro=ro, **W)


# --- op_flags: writing, allocation, reductions -----------------------------------------------

@per_module
def writer(m):
    """Double every element through the iterator; returns the operand afterwards."""
    def run(a, **kw):
        with m.nditer(a, **kw) as it:
            for x in it:
                x[...] = 2 * x + 1
        return a.tolist()
    return run


@pytest.mark.parametrize("kw", [
    "op_flags=['readwrite']", "op_flags=['writeonly']",
    "op_flags=['readwrite'], flags=['external_loop']",
    "op_flags=['readwrite'], flags=['buffered']",
    "op_flags=['readwrite'], flags=['buffered', 'external_loop'], buffersize=3",
    "op_flags=['readwrite'], order='C'", "op_flags=['readwrite'], order='F'",
    "op_flags=['readwrite', 'nbo', 'aligned']",
    "op_flags=['readwrite'], flags=['multi_index']",
])
@pytest.mark.parametrize("case", ["1d", "2d", "3d", "strided", "negstride", "transposed",
                                  "0d"])
def test_write(case, kw):
    same(f"write(a, {kw})", a=pair(case, "float64"), write=writer)


@pytest.mark.parametrize("dtype", ["float64", "int32", "complex128"])
@pytest.mark.parametrize("kw", [
    "op_dtypes=['float32'], casting='same_kind', flags=['buffered']",
    "op_dtypes=['float32'], casting='unsafe', flags=['buffered', 'external_loop']",
    "op_dtypes=['float32'], casting='unsafe', flags=['buffered'], buffersize=2",
    "op_dtypes=['complex128'], casting='unsafe', flags=['buffered']",
    "op_dtypes=['int64'], casting='unsafe', flags=['buffered']",
])
def test_buffered_cast_write(dtype, kw):
    same(f"write(m.arange(6, dtype='{dtype}').reshape(2, 3)[:, ::-1], "
         f"op_flags=['readwrite'], {kw})", write=writer)


@pytest.mark.parametrize("kw", [
    "op_dtypes=['float64'], op_flags=['readwrite', 'updateifcopy'], casting='same_kind'",
    "op_dtypes=['float64'], op_flags=['readonly', 'copy']",
    "op_dtypes=['float64'], op_flags=['readonly']",
    "op_dtypes=['int8'], flags=['buffered']",
    "op_dtypes=['int8'], flags=['buffered'], casting='unsafe'",
    "op_dtypes=['float32'], flags=['buffered'], op_flags=['readwrite'], casting='same_kind'",
    "op_dtypes=['float64'], flags=['buffered'], op_flags=['readwrite']",
    "op_dtypes=['float64'], flags=['buffered'], op_flags=['writeonly']",
    "op_dtypes=['float64'], flags=['buffered'], casting='no'",
    "op_dtypes=['float64'], flags=['buffered'], casting='equiv'",
    "op_dtypes=['int32'], flags=['buffered'], casting='same_kind'",
    "op_dtypes='float64', flags=['buffered']",
    "op_dtypes=['>i4'], flags=['buffered'], casting='equiv'",
    "op_dtypes=['<i4'], flags=['buffered'], casting='no'",
])
def test_casting(kw):
    same(f"walk(m.nditer(m.arange(6, dtype='int32').reshape(2, 3), {kw}))", **W)
    same(f"attrs(m.nditer(m.arange(6, dtype='int32').reshape(2, 3), {kw}))", **W)


@pytest.mark.parametrize("expr", [
    "(lambda b: (lambda it: ([x.__setitem__(Ellipsis, x + 1) for x in it], it.close(), "
    "b.tolist())[2])(m.nditer(b, op_dtypes=['float64'], casting='same_kind', "
    "op_flags=['readwrite', 'updateifcopy'])))(m.arange(6.0, dtype='float32'))",
    "(lambda b: (lambda it: ([y.__setitem__(Ellipsis, x * 3) for x, y in it], "
    "it.close(), b.tolist())[2])(m.nditer([m.arange(4), b], op_dtypes=[None, 'float64'], "
    "casting='same_kind', flags=['buffered'], op_flags=[['readonly'], ['writeonly']])))"
    "(m.zeros(4, dtype='float32'))",
    "walk(m.nditer([m.arange(3), m.arange(3.0)], flags=['common_dtype']))",
    "walk(m.nditer([m.arange(3), m.arange(3.0)], flags=['common_dtype', 'buffered']))",
    "attrs(m.nditer([m.arange(3, dtype='int8'), m.arange(3, dtype='uint8')], "
    "flags=['common_dtype', 'buffered']))",
    "attrs(m.nditer([m.arange(3), None, m.arange(3.0)]))",
    "attrs(m.nditer([m.arange(3), None], op_dtypes=[None, 'float32']))",
    "attrs(m.nditer([m.arange(6).reshape(2, 3).T, None]))",
    "attrs(m.nditer([m.arange(6).reshape(2, 3)[:, ::-1], None]))",
    "attrs(m.nditer([m.arange(24).reshape(2, 3, 4).transpose(2, 0, 1), None]))",
    "attrs(m.nditer([m.arange(6).reshape(2, 3), None], order='F'))",
    "attrs(m.nditer([m.arange(6).reshape(2, 3), None], op_axes=[[0, 1], [1, 0]]))",
    "attrs(m.nditer([m.arange(6).reshape(2, 3), None], op_axes=[[0, 1], None], "
    "itershape=(2, 3)))",
    "attrs(m.nditer([None, m.arange(3)], op_flags=[['writeonly', 'allocate'], ['readonly']]))",
    "attrs(m.nditer([m.arange(6).reshape(2, 3), None], flags=['reduce_ok'], "
    "op_axes=[[0, 1], [1, -1]], op_flags=[['readonly'], ['readwrite', 'allocate']]))",
    "m.nditer([m.arange(6).reshape(2, 3), None], op_axes=[[0, 1], [0, -1]])",
    "m.nditer([m.arange(6).reshape(2, 3), None], flags=['reduce_ok'], "
    "op_axes=[[0, 1], [0, -1]])",
    "m.nditer([m.arange(6).reshape(2, 3), m.zeros((2, 1))], "
    "op_flags=[['readonly'], ['readwrite']])",
    "m.nditer([m.arange(6).reshape(2, 3), m.arange(3)], "
    "op_flags=[['readonly'], ['readwrite']])",
    "m.nditer([m.arange(6).reshape(2, 3), m.zeros(2)], op_axes=[[0, 1], [0, -1]], "
    "op_flags=[['readonly'], ['readwrite']])",
    "m.nditer([m.arange(6).reshape(2, 3), m.zeros(2)], op_axes=[[0, 1], [0, -1]], "
    "flags=['reduce_ok'], op_flags=[['readonly'], ['writeonly']])",
    "m.nditer([m.arange(6).reshape(2, 3), None], op_axes=[[0, 1], [1, -1]], "
    "flags=['reduce_ok'], op_flags=[['readonly'], ['readwrite', 'allocate']]).nop",
    "m.nditer([m.arange(6).reshape(2, 3), None], op_flags=[['readonly'], "
    "['writeonly', 'allocate', 'no_subtype']]).operands[1].shape",
])
def test_allocation_and_casts(expr):
    same(expr, **W)


@per_module
def reducer(m):
    """Sum the first operand into an allocated output along the op_axes' -1 axes; with
    external_loop, the chunks seen (an in-place add through a 0-stride chunk is not a sum)."""
    def run(a, out_axes, **kw):
        flags = ["reduce_ok"] + kw.pop("flags", [])
        it = m.nditer([a, None], flags=flags, op_axes=[list(range(a.ndim)), out_axes],
                      op_flags=[["readonly"], ["readwrite", "allocate"]], **kw)
        with it:
            it.operands[1][...] = 0
            it.reset()
            chunks = []
            for x, y in it:
                if "external_loop" in flags:
                    chunks.append((x.tolist(), y.shape, y.strides))
                else:
                    y[...] += x
            return it.operands[1].tolist(), it.operands[1].shape, chunks
    return run


@pytest.mark.parametrize("flags", [[], ["external_loop"], ["buffered", "delay_bufalloc"],
                                   ["buffered", "delay_bufalloc", "external_loop"],
                                   ["multi_index"]], ids=lambda f: "-".join(f) or "none")
@pytest.mark.parametrize("out_axes", [[0, -1], [-1, 0], [-1, -1], [0, 1], [1, 0]],
                         ids=str)
@pytest.mark.parametrize("case", ["2d", "strided", "negstride", "transposed"])
def test_reduction(case, out_axes, flags):
    same(f"red(a, {out_axes}, flags={flags})", a=pair(case, "float64"), red=reducer)


# --- positions: multi_index, index, iterindex, ranges ------------------------------------------

@pytest.mark.parametrize("expr", [
    "(lambda it: (setattr(it, 'multi_index', (1, 1)), int(it.value), it.iterindex, "
    "[int(x) for x in it])[1:])(m.nditer(a, flags=['multi_index']))",
    "(lambda it: (setattr(it, 'multi_index', (0, 2)), int(it.value), it.iterindex))"
    "(m.nditer(a[:, ::-1], flags=['multi_index']))",
    "(lambda it: (setattr(it, 'index', 4), int(it.value), it.iterindex))"
    "(m.nditer(a.T, flags=['c_index']))",
    "(lambda it: (setattr(it, 'index', 1), int(it.value), it.iterindex))"
    "(m.nditer(a, flags=['f_index']))",
    "(lambda it: (setattr(it, 'iterindex', 4), int(it.value), it.iterindex))(m.nditer(a.T))",
    "(lambda it: [int(x) for x in it])(m.nditer(a, flags=['ranged']))",
    "(lambda it: (setattr(it, 'iterrange', (2, 5)), [int(x) for x in it])[1])"
    "(m.nditer(a, flags=['ranged']))",
    "(lambda it: (setattr(it, 'iterrange', (2, 5)), it.iterindex, it.iterrange, "
    "[x.tolist() for x in it])[1:])(m.nditer(a, flags=['ranged', 'external_loop', "
    "'buffered']))",
    "(lambda it: (setattr(it, 'iterrange', (3, 3)), it.finished)[1])"
    "(m.nditer(a, flags=['ranged']))",
    "(lambda it: (it.iternext(), it.iternext(), it.finished))(m.nditer(m.arange(2)))",
    "(lambda it: [it.iternext() for _ in range(4)] + [it.finished])(m.nditer(m.arange(2)))",
    "(lambda it: (next(it), next(it), int(it.copy().value), [int(x) for x in it.copy()]))"
    "(m.nditer(a))",
    "(lambda it: (next(it), next(it), it.reset(), int(next(it))))(m.nditer(a))",
    "(lambda it: (it.remove_axis(1), it.shape, walk(it))[1:])"
    "(m.nditer(a, flags=['multi_index']))",
    "(lambda it: (it.remove_axis(0), it.remove_multi_index(), it.shape, it.ndim, "
    "[int(x) for x in it])[2:])(m.nditer(m.arange(24).reshape(2, 3, 4), "
    "flags=['multi_index']))",
    "(lambda it: (it.remove_axis(2), it.remove_axis(0), walk(it))[2])"
    "(m.nditer(m.arange(24).reshape(2, 3, 4)[:, ::-1], flags=['multi_index']))",
    "(lambda it: (it.remove_multi_index(), attrs(it))[1])"
    "(m.nditer(m.arange(24).reshape(2, 3, 4), flags=['multi_index']))",
    "(lambda it: (it.enable_external_loop(), [x.tolist() for x in it])[1])(m.nditer(a))",
    "(lambda it: (it.remove_multi_index(), it.enable_external_loop(), "
    "[x.tolist() for x in it])[2])(m.nditer(a[:, ::2], flags=['multi_index']))",
    "(lambda it: (it.has_index, it.has_multi_index, it.has_delayed_bufalloc, "
    "it.iterationneedsapi, it.dtypes))(m.nditer(a, flags=['c_index']))",
    "m.nditer(a, flags=['buffered', 'delay_bufalloc']).has_delayed_bufalloc",
    "m.nditer(a, flags=['delay_bufalloc']).has_delayed_bufalloc",
    "m.nditer(m.array([1, 'a'], dtype=object), flags=['refs_ok']).iterationneedsapi",
    "(lambda it: (it[0], it[1]))(m.nditer([a, a + 10]))",
    "len(m.nditer([a, a, a]))",
    "(lambda it: (next(it), it.value, it.iterindex))(m.nditer([a, a]))",
    "m.nditer(m.arange(3), op_flags=['readwrite']).value.flags.writeable",
    "m.nditer(m.arange(3)).value.flags.writeable",
    "[x.flags.writeable for x in m.nditer(m.arange(3), flags=['external_loop'])]",
    "m.shares_memory(next(m.nditer(a)), a)",
    "[m.shares_memory(x, a) for x in m.nditer(a, flags=['external_loop'])]",
    "[m.shares_memory(x, a) for x in m.nditer(a, flags=['external_loop', 'buffered'])]",
    "[m.shares_memory(x, a) for x in m.nditer(a[:, ::2], flags=['external_loop', "
    "'buffered'])]",
    "[m.shares_memory(v, a) for v in m.nditer(a.T).itviews]",
    "[(v.shape, v.strides) for v in m.nditer(a.T, flags=['multi_index']).itviews]",
    "walk(m.nditer(m.array([1, 'a', None], dtype=object), flags=['refs_ok']))",
    "walk(m.nditer(m.array([[1, 'a'], [None, 2.5]], dtype=object).T, flags=['refs_ok', "
    "'multi_index']))",
])
def test_positions(expr):
    same(expr, a=P(rp.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)), **W)


MORE_CASES = [
    '(lambda it: (it.close(), it.operands))(m.nditer(a))',
    '(lambda it: (it.close(), it.value))(m.nditer(a))',
    '(lambda it: (it.close(), list(it)))(m.nditer(a))',
    '(lambda it: (it.close(), it.itersize, it.nop))(m.nditer(a))',
    '(lambda it: (it.__enter__(), it.__exit__(None, None, None), it.operands))(m.nditer(a))',
    '(lambda it: (it.close(), it.close()))(m.nditer(a))',
    "attrs(m.nditer([a, m.arange(3)], op_flags=[['readonly'], ['readonly', 'no_broadcast']]))",
    "attrs(m.nditer([m.arange(3), a], op_flags=[['readonly', 'no_broadcast'], ['readonly']]))",
    "attrs(m.nditer([a, m.ones((2, 1))], op_flags=[['readonly'], ['readonly', 'no_broadcast']]))",
    "attrs(m.nditer([a, a], op_flags=[['readonly'], ['readonly', 'no_broadcast']]))",
    "attrs(m.nditer([a, a], flags=['copy_if_overlap'], op_flags=[['readonly'], ['readwrite']]))",
    "(lambda it: m.shares_memory(it.operands[0], a))(m.nditer([a, a], flags=['copy_if_overlap'], "
    "op_flags=[['readonly'], ['readwrite']]))",
    '(lambda it: m.shares_memory(it.operands[0], a))(m.nditer([a[::-1], a], '
    "flags=['copy_if_overlap'], op_flags=[['readonly'], ['readwrite']]))",
    '(lambda it: m.shares_memory(it.operands[0], a))(m.nditer([a[:, ::-1], a], '
    "flags=['copy_if_overlap'], op_flags=[['readonly'], ['readwrite']]))",
    "(lambda it: m.shares_memory(it.operands[0], a))(m.nditer([a, a], flags=['copy_if_overlap'], "
    "op_flags=[['readonly'], ['readwrite', 'overlap_assume_elementwise']]))",
    "attrs(m.nditer(a.astype('>i4'), op_flags=['readonly', 'nbo']))",
    "attrs(m.nditer(a.astype('>i4'), op_flags=['readonly', 'nbo'], flags=['buffered']))",
    "walk(m.nditer(a.astype('>i4'), op_flags=['readonly', 'nbo'], flags=['buffered']))",
    "attrs(m.nditer(a.astype('>i4'), flags=['buffered']))",
    "attrs(m.nditer(a[:, ::2], op_flags=['readonly', 'contig'], flags=['buffered']))",
    "walk(m.nditer(a[:, ::2], op_flags=['readonly', 'contig'], flags=['buffered', "
    "'external_loop']))",
    "attrs(m.nditer(a[:, ::2], op_flags=['readonly', 'contig']))",
    "attrs(m.nditer(a, op_flags=['readonly', 'aligned']))",
    "attrs(m.nditer(a, flags=['buffered'], buffersize=2))",
    "walk(m.nditer(m.arange(20)[::2].reshape(2, 5), flags=['buffered', 'external_loop'], "
    'buffersize=4))',
    "walk(m.nditer(m.arange(20).reshape(4, 5)[:, ::2], flags=['buffered', 'external_loop'], "
    'buffersize=4))',
    "walk(m.nditer(m.arange(20).reshape(4, 5)[:, ::2], flags=['buffered', 'external_loop', "
    "'grow_inner'], buffersize=4))",
    "walk(m.nditer(m.arange(20).reshape(4, 5)[:, :4], flags=['buffered', 'external_loop', "
    "'grow_inner'], buffersize=4))",
    "walk(m.nditer(m.arange(20).reshape(4, 5)[:, :4], flags=['buffered', 'external_loop'], "
    'buffersize=4))',
    "walk(m.nditer(m.arange(20).reshape(4, 5)[:, :4], flags=['buffered', 'external_loop'], "
    'buffersize=3))',
    "walk(m.nditer(m.arange(20).reshape(4, 5)[:, :4], flags=['buffered', 'external_loop'], "
    'buffersize=9))',
    "walk(m.nditer([m.arange(20).reshape(4, 5)[:, :4], m.arange(4.0)], flags=['buffered', "
    "'external_loop'], buffersize=9))",
    "walk(m.nditer([m.arange(20).reshape(4, 5)[:, :4], m.arange(4.0)], flags=['buffered', "
    "'external_loop'], op_dtypes=['f8', 'f8'], buffersize=9))",
    "walk(m.nditer([m.arange(12).reshape(3, 4), m.arange(4.0)], flags=['buffered', "
    "'external_loop', 'ranged'], buffersize=5))",
    "(lambda it: (setattr(it, 'iterrange', (3, 11)), "
    'walk(it))[1])(m.nditer([m.arange(12).reshape(3, 4)[:, ::-1], m.arange(4.0)], '
    "flags=['buffered', 'external_loop', 'ranged'], buffersize=5))",
    "(lambda it: (setattr(it, 'iterrange', (3, 11)), "
    "walk(it))[1])(m.nditer(m.arange(24).reshape(4, 6)[:, ::2], flags=['buffered', "
    "'external_loop', 'ranged'], buffersize=5))",
    "(lambda it: (setattr(it, 'iterindex', 5), it.value.tolist())[1])(m.nditer(m.arange(12), "
    "flags=['buffered', 'external_loop'], buffersize=4))",
    "(lambda it: (setattr(it, 'iterindex', 5), it.value.tolist(), it.iternext(), "
    "it.value.tolist()))(m.nditer(m.arange(12), flags=['buffered', 'external_loop'], "
    'buffersize=4))',
    "(lambda it: (setattr(it, 'iterindex', 5), int(it.value), "
    "[int(x) for x in it]))(m.nditer(m.arange(12), flags=['buffered'], buffersize=4))",
    "attrs(m.nditer(m.arange(6), flags=['buffered', 'external_loop']).remove_multi_index())",
    "attrs(m.nditer(m.arange(6), flags=['multi_index', 'external_loop']))",
    '(lambda it: (it.remove_multi_index(), it.enable_external_loop(), '
    "walk(it))[2])(m.nditer(m.arange(6).reshape(2, 3), flags=['multi_index', 'buffered'], "
    'buffersize=4))',
    "walk(m.nditer(m.array(3.5), flags=['buffered', 'external_loop']))",
    "walk(m.nditer(m.array(3.5), flags=['multi_index', 'c_index']))",
    "walk(m.nditer(m.array(3.5), op_dtypes=['f4'], flags=['buffered'], casting='same_kind'))",
    "walk(m.nditer([m.array(3.5), m.arange(3)], flags=['multi_index']))",
    "walk(m.nditer(m.array(['ab', 'c']), flags=['buffered']))",
    "walk(m.nditer(m.array(['ab', 'c']), op_dtypes=['U5'], flags=['buffered']))",
    "walk(m.nditer(m.array([b'ab', b'c']), flags=['external_loop']))",
    "walk(m.nditer(m.array([(1, 2.0)], dtype='i4,f8')))",
    "walk(m.nditer(m.array([1, 2], dtype='datetime64[D]')))",
    "walk(m.nditer(m.array([True, False]), op_dtypes=['i1'], flags=['buffered']))",
    "walk(m.nditer(m.arange(3), op_dtypes=['?'], flags=['buffered'], casting='unsafe'))",
    "walk(m.nditer(m.arange(3.5, 0, -1), op_dtypes=['i2'], flags=['buffered'], casting='unsafe'))",
    "walk(m.nditer(m.array([1+2j, 3]), op_dtypes=['f8'], flags=['buffered'], casting='unsafe'))",
    "walk(m.nditer([m.arange(3), m.arange(3.0)], op_dtypes=['f4', 'f4'], flags=['buffered'], "
    "casting='same_kind'))",
    "attrs(m.nditer([m.arange(3), None], flags=['buffered'], op_dtypes=[None, 'f4']))",
    "attrs(m.nditer([None, m.arange(3)], flags=['buffered'], op_dtypes=['f4', 'f8'], "
    "op_flags=[['writeonly', 'allocate'], ['readonly']]))",
    'walk(m.nditer([m.arange(6).reshape(2, 3), m.arange(2)], op_axes=[[0, 1], [0, -1]]))',
    'walk(m.nditer([m.arange(6).reshape(2, 3), m.arange(2)], op_axes=[[0, 1], [0, None]]))',
    'walk(m.nditer([m.arange(6).reshape(2, 3), m.arange(2)], op_axes=[[0, 1], [-1, 0]], '
    "flags=['multi_index']))",
    'walk(m.nditer([m.arange(6).reshape(2, 3), m.arange(6).reshape(3, 2)], op_axes=[[0, 1], [1, '
    "0]], flags=['multi_index']))",
    'walk(m.nditer(m.arange(24).reshape(2, 3, 4), op_axes=[[2, 0, 1]]))',
    "walk(m.nditer(m.arange(24).reshape(2, 3, 4), op_axes=[[2, 0, 1]], flags=['multi_index']))",
    'attrs(m.nditer(m.arange(24).reshape(2, 3, 4), op_axes=[[2, 0, 1]]))',
    'attrs(m.nditer([m.arange(24).reshape(2, 3, 4), None], op_axes=[[2, 0, 1], None]))',
    'attrs(m.nditer([m.arange(24).reshape(2, 3, 4), None], op_axes=[[2, 0, 1], [1, 0, 2]]))',
    'attrs(m.nditer([m.arange(24).reshape(2, 3, 4), None], op_axes=[[2, 0, 1], [1, 0, 0]]))',
    'attrs(m.nditer([m.arange(24).reshape(2, 3, 4), None], op_axes=[[2, 0, 1], [1, 0, 3]]))',
    'attrs(m.nditer(m.arange(6), op_axes=[[0, 1]], itershape=(6, 2)))',
    'walk(m.nditer(m.arange(6), op_axes=[[0, -1]], itershape=(6, 2)))',
    'walk(m.nditer(m.arange(6), op_axes=[[-1, 0]], itershape=(2, -1)))',
    'walk(m.nditer(m.arange(6).reshape(2,3), op_axes=[[0]]))',
    'm.nditer(m.arange(6).reshape(2,3), op_axes=[[0]]).shape',
    "m.nditer([m.arange(3), m.arange(3)], op_flags=[['readwrite'], ['readwrite']], "
    "flags=['external_loop']).nop",
    "attrs(m.nditer(m.arange(3), op_flags=[['readwrite', 'writeonly']]))",
    "m.nditer(m.arange(3), op_flags=['readonly', 'updateifcopy'], "
    "op_dtypes=['f8']).operands[0].dtype",
    "m.nditer(m.arange(3), flags=['buffered'], buffersize=-5).itersize",
    "m.nditer(m.arange(3), flags=['buffered'], buffersize=1).itersize",
    "walk(m.nditer(m.arange(3), flags=['buffered', 'external_loop'], buffersize=1))",
    "m.nditer(m.arange(3), op_dtypes=['f8'], casting='unsafe', flags=['buffered', "
    "'delay_bufalloc']).value",
    "(lambda it: (it.reset(), it.value))(m.nditer(m.arange(3), op_dtypes=['f8'], "
    "casting='unsafe', flags=['buffered', 'delay_bufalloc']))",
]


@pytest.mark.parametrize("expr", MORE_CASES)
def test_more(expr):
    same(expr, a=P(rp.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)), **W)


@pytest.mark.parametrize("expr", [
    "(it[0], it[1], it[0:2], it[-1], it[1:], it[:1])", "it[5]", "it[-3]", "it['a']",
    "it[1.0]", "it[::2]", "(it.__setitem__(1, 7), b.tolist())[1]",
    "(it.__setitem__(slice(0, 2), (10, 11)), a.tolist(), b.tolist())[1:]",
    "it.__setitem__(5, 1)", "it.__setitem__(slice(0, 2), (1,))",
    "it.__setitem__(slice(None, None, 2), (1,))",
    "(next(it), next(it), it.__setitem__(0, -1), a.tolist())[3]",
    "m.nditer(a).__setitem__(0, 1)", "m.nditer(a)[0]",
])
def test_operand_indexing(expr):
    def names(m):
        a = m.arange(6).reshape(2, 3)
        b = m.zeros((2, 3))
        return a, b, m.nditer([a, b], op_flags=[["readwrite"], ["readwrite"]])
    ra, rb, rit = names(rp)
    na, nb, nit = names(np)
    same(expr, a=P(ra, na), b=P(rb, nb), it=P(rit, nit))


def test_context_manager_writeback():
    for m in (rp, np):
        a = m.arange(4, dtype="float32")
        with m.nditer(a, op_flags=["readwrite", "updateifcopy"], op_dtypes=["float64"],
                      casting="same_kind") as it:
            for x in it:
                x[...] = x + 10
        assert a.tolist() == [10.0, 11.0, 12.0, 13.0]


def test_debug_print(capsys):
    rp.nditer(rp.arange(6).reshape(2, 3)[:, ::2], flags=["multi_index"]).debug_print()
    out = capsys.readouterr().out
    assert out.startswith("------ BEGIN ITERATOR DUMP ------")
    assert "| NDim: 2" in out and "| NOp: 1" in out and "| IterSize: 4" in out


# --- nested_iters ------------------------------------------------------------------------------

@per_module
def nested(m):
    """Values (and inner multi-indices) over nested iterators."""
    def run(a, axes, **kw):
        its = m.nested_iters(a, axes, **kw)
        out = []

        def level(k):
            if k == len(its) - 1:
                return [(x.tolist() if not isinstance(x, tuple) else [v.tolist() for v in x],
                         its[k].multi_index if its[k].has_multi_index else None)
                        for x in its[k]]
            return [level(k + 1) for _ in its[k]]
        out = level(0)
        return out, [(it.shape, it.ndim) for it in its]
    return run


@pytest.mark.parametrize("axes", [[[0], [1, 2]], [[1], [0, 2]], [[2, 0], [1]], [[0], [1]],
                                  [[0], [1], [2]], [[], [0, 1, 2]], [[2], [0, 1]],
                                  [[0, 0], [1, 2]], [[0], [-1, 1]], [[0]], [[0], [1, 5]]],
                         ids=str)
@pytest.mark.parametrize("flags", [[], ["multi_index"], ["external_loop"]],
                         ids=lambda f: "-".join(f) or "none")
@pytest.mark.parametrize("case", ["3d", "negstride3", "transposed3"])
def test_nested_iters(case, flags, axes):
    base = {"3d": lambda m: m.arange(12).reshape(2, 3, 2),
            "negstride3": lambda m: m.arange(12).reshape(2, 3, 2)[:, ::-1],
            "transposed3": lambda m: m.arange(12).reshape(2, 3, 2).transpose(2, 0, 1)}[case]
    same(f"nest(a, {axes}, flags={flags})", a=P(base(rp), base(np)), nest=nested)


def test_nested_iters_buffered_write():
    for m in (rp, np):
        a = m.arange(6, dtype="float32").reshape(2, 3)
        i, j = m.nested_iters(a, [[0], [1]], flags=["buffered"], op_flags=["readwrite"],
                              casting="same_kind", op_dtypes="float64")
        with i, j:
            for _ in i:
                for y in j:
                    y[...] += 1
        assert a.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]


def test_nested_iters_two_operands():
    same("nest([a, b], [[0], [1]])", a=P(rp.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)),
         b=P(rp.arange(3.0), np.arange(3.0)), nest=nested)


# --- broadcast ---------------------------------------------------------------------------------

def bcast_info(b):
    return (b.nd, b.ndim, b.shape, b.size, b.index, b.numiter, len(b.iters))


BROADCAST_ARGS = [
    "a, m.arange(3)", "a, 5", "a", "", "1.5, 2", "m.array([1, 2]), m.array([[1], [2]])",
    "a, a.T.T, a[:1]", "m.zeros((2, 0)), 1", "m.broadcast(a, 5), [1, 2, 3]",
    "*([a] * 64)", "*([a] * 65)", "a, m.arange(4)", "a, m.ones((4, 1, 3))",
    "m.arange(6).reshape(3, 2).T, m.arange(2).reshape(2, 1)", "m.array([True]), 'ab'",
]


@pytest.mark.parametrize("args", BROADCAST_ARGS)
def test_broadcast(args):
    a = P(rp.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3))
    same(f"info(m.broadcast({args}))", a=a, info=bcast_info)
    check(f"list(m.broadcast({args}))", a=a)
    check(f"(lambda b: (next(b), next(b), b.index, [next(i) for i in b.iters], b.reset(), "
          f"b.index, next(b)))(m.broadcast({args}))", a=a)


# --- buffered chunking (numpy's buffering setup picks the chunk) ------------------------------

@pytest.mark.parametrize("bufsize", [0, 1, 3, 4, 7, 16])
@pytest.mark.parametrize("flags", [["buffered", "external_loop"],
                                   ["buffered", "external_loop", "grow_inner"],
                                   ["buffered", "external_loop", "ranged"]],
                         ids=lambda f: "-".join(f))
@pytest.mark.parametrize("second", ["none", "row", "col", "same", "cast"])
@pytest.mark.parametrize("case", ["1d", "2d", "3d", "strided", "negstride", "transposed"])
def test_buffered_chunks(case, second, flags, bufsize):
    extra = {
        "none": "",
        "row": ", m.arange(a.shape[-1] if a.ndim else 1, dtype='int16')",
        "col": ", m.ones(a.shape[:1] + (1,) * (a.ndim - 1), dtype='float32')",
        "same": ", a.copy()",
        "cast": ", a.copy()], op_dtypes=[None, 'float64'",
    }[second]
    ops = f"[a{extra}]"
    kw = "casting='same_kind', " if second == "cast" else ""
    expr = f"walk(m.nditer({ops}, flags={flags}, {kw}buffersize={bufsize}))"
    if "ranged" in flags:
        expr = (f"(lambda it: (setattr(it, 'iterrange', (1, max(1, it.itersize - 1))), "
                f"walk(it))[1])(m.nditer({ops}, flags={flags}, {kw}buffersize={bufsize}))")
    same(expr, a=pair(case, "int64"), **W)
