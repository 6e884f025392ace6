"""rp.einsum and rp.einsum_path against NumPy: values, dtypes, shapes, views, paths and the
exception classes of bad input.

Integers and bools must agree exactly. Floats agree within a tolerance scaled by the number of
products summed into each element (the contraction size K) and by the size of those products
(the einsum of the operands' absolute values): float64 1e-12 * K, float32 and complex64
1e-5 * K, float16 1e-2 * K (NumPy's half loops round to float16 at points that depend on its
iteration order; rumpy carries half products in float32).
"""

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest

import rumpy as rp
from conftest import (
    P,
    Raised,
    assert_outcomes,
    assert_same,
    both,
    check,
    defined_strides,
    sample,
    to_rp,
)

DTYPES = ["bool", "int8", "int32", "int64", "uint64", "float16", "float32", "float64",
          "complex64", "complex128"]
OPTIMIZE = [False, True, "optimal"]  # (True is "greedy")
RTOL = {"e": 1e-2, "f": 1e-5, "F": 1e-5, "d": 1e-12, "D": 1e-12}


def _bound_and_terms(args):
    """(einsum of |operands| in float64, number of products per element) from NumPy, for
    the tolerance; None when the arguments do not make a valid einsum."""
    try:
        if isinstance(args[0], str):
            ops = list(args[1:])
            absd = [np.abs(np.asarray(o)).astype(np.float64) for o in ops]
            ones = [np.ones(np.shape(o)) for o in ops]
            bound = np.einsum(args[0], *absd, optimize=True)
            terms = np.einsum(args[0], *ones, optimize=True)
        else:
            absd, ones = list(args), list(args)
            for i in range(0, len(args) - 1, 2):
                absd[i] = np.abs(np.asarray(args[i])).astype(np.float64)
                ones[i] = np.ones(np.shape(args[i]))
            bound = np.einsum(*absd, optimize=True)
            terms = np.einsum(*ones, optimize=True)
    except Exception:  # noqa: BLE001
        return None
    return np.asarray(bound), max(1.0, float(np.max(terms, initial=1.0)))


def _close(r, n, bound, k):
    """rumpy's result ``r`` matches NumPy's ``n``: same kind of object, dtype and shape;
    exact for integers and bools, within the tolerance for floats."""
    if isinstance(n, np.ndarray):
        assert isinstance(r, rp.ndarray), f"expected a rumpy ndarray, got {type(r)!r}"
    else:
        assert type(r).__name__ == type(n).__name__, \
            f"type {type(r).__name__} != numpy {type(n).__name__}"
    ra, na = np.asarray(r), np.asarray(n)
    assert ra.dtype.str == na.dtype.str, f"dtype {ra.dtype} != numpy {na.dtype}"
    assert ra.shape == na.shape, f"shape {ra.shape} != numpy {na.shape}"
    if na.dtype.kind not in "fc":
        assert np.array_equal(ra, na), f"values differ:\nrumpy {ra!r}\nnumpy {na!r}"
        return
    rtol = RTOL[na.dtype.char]
    with np.errstate(all="ignore"):
        tol = rtol * k * (np.broadcast_to(bound, na.shape) if bound is not None else 1.0)
        diff = np.abs(ra.astype(np.complex128) - na.astype(np.complex128))
        ok = (diff <= tol) | (np.isnan(ra) & np.isnan(na)) | (ra == na)
    assert np.all(ok), f"values differ beyond {rtol} * {k}:\nrumpy {ra!r}\nnumpy {na!r}"


def run(np_args, rp_args=None, **kwargs):
    """np.einsum(*np_args, **kwargs) and rp.einsum(*rp_args, **kwargs) agree (rp_args: the
    same with every NumPy array rebuilt by rumpy). Returns (rumpy, numpy) outcomes."""
    if rp_args is None:
        rp_args = [to_rp(a) if isinstance(a, np.ndarray) else a for a in np_args]
    np_kw = {k: (v.np if isinstance(v, P) else v) for k, v in kwargs.items()}
    rp_kw = {k: (v.rp if isinstance(v, P) else v) for k, v in kwargs.items()}
    r, n = both(lambda m: m.einsum(*(np_args if m is np else rp_args),
                                   **(np_kw if m is np else rp_kw)))
    bk = None if isinstance(n, Raised) else _bound_and_terms(np_args)
    bound, k = bk if bk is not None else (None, 1.0)
    shown = tuple(a if isinstance(a, str) else getattr(a, "shape", a) for a in np_args)
    assert_outcomes(r, n, compare=lambda x, y: _close(x, y, bound, k),
                    msg=f"einsum{shown} {kwargs}")
    return r, n


def ops(shapes, dtype="float64", nonneg=False):
    return [sample(s, dtype, nonneg=nonneg) for s in shapes]


# ---------------------------------------------------------------------------
# subscripts
# ---------------------------------------------------------------------------

SUBSCRIPT_CASES = [
    # matrix products
    ("ij,jk->ik", [(3, 4), (4, 5)]),
    ("ij,jk", [(3, 4), (4, 5)]),
    ("ij,jh", [(3, 4), (4, 5)]),  # implicit: output 'hi', the transposed product
    ("ij,kj->ik", [(3, 4), (5, 4)]),
    ("ji,jk->ik", [(4, 3), (4, 5)]),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("bij,bjk", [(2, 3, 4), (2, 4, 5)]),
    ("ij,j->i", [(3, 4), (4,)]),
    ("i,ij->j", [(3,), (3, 4)]),
    ("ijk,jil->kl", [(3, 4, 5), (4, 3, 2)]),
    ("ijk,jk->i", [(2, 3, 4), (3, 4)]),
    # inner and outer products
    ("i,i", [(5,), (5,)]),
    ("i,i->", [(5,), (5,)]),
    ("i,i->i", [(5,), (5,)]),
    ("i,j->ij", [(3,), (4,)]),
    ("i,j", [(3,), (4,)]),
    ("j,i", [(3,), (4,)]),
    ("ij,kl->ijkl", [(2, 3), (2, 2)]),
    ("a,b,c", [(2,), (3,), (4,)]),
    # traces and diagonals
    ("ii", [(4, 4)]),
    ("ii->", [(4, 4)]),
    ("ii->i", [(4, 4)]),
    ("iii->i", [(3, 3, 3)]),
    ("iii", [(3, 3, 3)]),
    ("iij->j", [(3, 3, 4)]),
    ("ijj->ij", [(2, 3, 3)]),
    ("iji->j", [(3, 4, 3)]),
    ("ijij->ij", [(2, 3, 2, 3)]),
    ("ijji->", [(2, 3, 3, 2)]),
    ("iij,jk->ik", [(3, 3, 4), (4, 2)]),
    ("ii,ij->j", [(3, 3), (3, 4)]),
    ("ii,i->i", [(3, 3), (3,)]),
    # transposes and sums
    ("ij->ji", [(3, 4)]),
    ("ji", [(3, 4)]),
    ("ij", [(3, 4)]),
    ("ijk->kij", [(2, 3, 4)]),
    ("ijk->jik", [(2, 3, 4)]),
    ("ij->", [(3, 4)]),
    ("ij->i", [(3, 4)]),
    ("ij->j", [(3, 4)]),
    ("ijk->j", [(2, 3, 4)]),
    ("ijk->ki", [(2, 3, 4)]),
    ("i->", [(7,)]),
    ("i", [(7,)]),
    # Hadamard products
    ("ij,ij->ij", [(3, 4), (3, 4)]),
    ("ij,ij->i", [(3, 4), (3, 4)]),
    ("ij,ij->j", [(3, 4), (3, 4)]),
    ("ij,ij->", [(3, 4), (3, 4)]),
    ("ij,ij", [(3, 4), (3, 4)]),
    ("ij,ji->ij", [(3, 4), (4, 3)]),
    ("ij,ji->", [(3, 4), (4, 3)]),
    ("bi,bi->b", [(6, 5), (6, 5)]),
    # ellipsis broadcasting
    ("...ij,...jk->...ik", [(2, 3, 4), (4, 5)]),
    ("...ij,...jk", [(5, 1, 3, 4), (2, 4, 3)]),
    ("...ij,...jk->...ik", [(5, 1, 3, 4), (2, 4, 3)]),
    ("...i,...i", [(2, 3), (3,)]),
    ("...i,...i->...", [(2, 3), (4, 1, 3)]),
    ("i...->...", [(3, 2, 4)]),
    ("...i->...", [(3, 2, 4)]),
    ("...ii->...i", [(2, 3, 3)]),
    ("...ii", [(2, 3, 3)]),
    ("i...i", [(3, 2, 3)]),
    ("i...i->i...", [(3, 2, 3)]),
    ("ij...,jk...->ik...", [(2, 3, 4), (3, 5, 4)]),
    ("...j,j", [(3, 4), (4,)]),
    ("k...,jk", [(3, 2), (4, 3)]),
    ("ki,...k->i...", [(3, 2), (4, 3)]),
    ("...,...", [(), (2, 3)]),
    ("...", [(2, 3)]),
    ("...->...", [(2, 3)]),
    ("i...,i...->...", [(3, 2, 2), (3, 1, 2)]),
    # scalars
    (",ij", [(), (2, 3)]),
    (",ij->", [(), (2, 3)]),
    ("", [()]),
    (",", [(), ()]),
    ("->", [()]),
    ("i,", [(3,), ()]),
    # chains of 3 and 4 operands
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]),
    ("ij,jk,kl", [(2, 3), (3, 4), (4, 5)]),
    ("ij,jk,kl->", [(2, 3), (3, 4), (4, 5)]),
    ("abc,bcd,cde->ae", [(2, 3, 4), (3, 4, 5), (4, 5, 2)]),
    ("ij,jk,kl,lm->im", [(2, 3), (3, 4), (4, 2), (2, 3)]),
    ("ij,kl,ij,kl->", [(2, 3), (3, 2), (2, 3), (3, 2)]),
    ("ea,fb,abcd,gc,hd->efgh", [(2, 2), (2, 2), (2, 2, 2, 2), (2, 2), (2, 2)]),
    ("ab,ab,ab->", [(3, 3), (3, 3), (3, 3)]),
    ("ab,cd,ef->abcdef", [(2, 2), (2, 1), (1, 2)]),
    ("i,j,k->ijk", [(2,), (3,), (2,)]),
    ("ijk,ilm,njm,nlk,abc->", [(2, 2, 3), (2, 2, 3), (2, 2, 3), (2, 2, 2), (2, 2, 2)]),
    ("bn,anm,bm->ba", [(2, 3), (4, 3, 5), (2, 5)]),
    ("ii,ij,jk->k", [(3, 3), (3, 4), (4, 2)]),
    ("ab,bc,ca->", [(2, 3), (3, 4), (4, 2)]),
    # length-1 axes broadcast against longer ones
    ("ij,j", [(3, 1), (4,)]),
    ("ij,jk->ik", [(3, 1), (4, 5)]),
    ("ij,jk->ik", [(3, 4), (1, 5)]),
    ("i,i", [(1,), (4,)]),
    ("i,i->i", [(1,), (4,)]),
    ("bij,bjk->bik", [(1, 3, 4), (2, 4, 5)]),
    ("ij,ij->ij", [(1, 4), (3, 1)]),
    ("ij,jk,kl->il", [(2, 1), (3, 4), (1, 5)]),
    # empty dimensions
    ("ij,jk->ik", [(0, 3), (3, 4)]),
    ("ij,jk->ik", [(2, 0), (0, 4)]),
    ("ij,jk", [(2, 3), (3, 0)]),
    ("ij->", [(0, 3)]),
    ("ij->i", [(2, 0)]),
    ("ii", [(0, 0)]),
    ("ii->i", [(0, 0)]),
    ("i,j", [(0,), (3,)]),
    ("i,i", [(0,), (0,)]),
    ("bij,bjk->bik", [(0, 2, 3), (0, 3, 2)]),
    ("ij,jk,kl->il", [(2, 0), (0, 3), (3, 2)]),
    ("...i,...i", [(0, 3), (3,)]),
    # upper-case labels and spaces
    ("Ab,bC->AC", [(2, 3), (3, 4)]),
    ("aA,Aa", [(3, 3), (3, 3)]),
    ("ij, jk -> ik", [(2, 3), (3, 2)]),
]


@pytest.mark.parametrize("optimize", OPTIMIZE, ids=str)
@pytest.mark.parametrize("sub,shapes", SUBSCRIPT_CASES,
                         ids=[f"{s}:{sh}" for s, sh in SUBSCRIPT_CASES])
def test_subscripts(sub, shapes, optimize):
    run([sub, *ops(shapes)], optimize=optimize)


DTYPE_CASES = [
    ("ij,jk->ik", [(3, 4), (4, 5)]),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 2)]),
    ("ii", [(4, 4)]),
    ("ii->i", [(4, 4)]),
    ("ij,ij->i", [(3, 5), (3, 5)]),
    ("i,j", [(3,), (4,)]),
    ("ij->j", [(5, 4)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
    ("...i,...i", [(2, 3), (3,)]),
    ("iij,jk->ik", [(3, 3, 4), (4, 2)]),
]


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("sub,shapes", DTYPE_CASES, ids=[s for s, _ in DTYPE_CASES])
def test_dtypes(sub, shapes, dtype, optimize):
    run([sub, *ops(shapes, dtype)], optimize=optimize)


def test_integers_wrap_like_numpy():
    a = np.full((3, 40), 100, dtype=np.int8)
    b = np.full((40, 2), 77, dtype=np.int8)
    for opt in OPTIMIZE:
        run(["ij,jk->ik", a, b], optimize=opt)
        run(["ij,ij->i", a, a], optimize=opt)
        run(["ij->", a], optimize=opt)
    u = np.full((4, 4), 2**63 + 5, dtype=np.uint64)
    run(["ij,jk", u, u])
    run(["ii", u])


def test_bool_is_logical():
    a = np.array([[True, False, False], [False, False, False]])
    b = np.array([[False, True], [True, True], [False, False]])
    for opt in OPTIMIZE:
        r, _ = run(["ij,jk->ik", a, b], optimize=opt)
        run(["ij->i", a], optimize=opt)
        run(["ij,ij->", a, a], optimize=opt)
        run(["i,j->ij", a[0], b[:, 0]], optimize=opt)


MIXED = [("int8", "float32"), ("uint64", "int64"), ("bool", "int8"), ("float16", "float32"),
         ("complex64", "float64"), ("int32", "float16"), ("bool", "complex64"),
         ("uint64", "float16"), ("int8", "uint64")]


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("sub,shapes", [("ij,jk", [(2, 3), (3, 2)]), ("i,i->", [(4,), (4,)]),
                                        ("i,j,ij->", [(2,), (3,), (2, 3)])],
                         ids=["matmul", "inner", "three"])
@pytest.mark.parametrize("d1,d2", MIXED)
def test_mixed_dtypes(sub, shapes, d1, d2, optimize):
    dts = [d1, d2, d1]
    run([sub, *[sample(s, dts[i]) for i, s in enumerate(shapes)]], optimize=optimize)


def test_python_scalars_and_lists():
    for opt in [False, True]:
        run(["...,...", 3, sample((2, 3), "int8")], optimize=opt)
        run([",ij", 2.5, sample((2, 3), "float32")], optimize=opt)
        run(["i,i", [1, 2, 3], [4, 5, 6]], optimize=opt)
        run(["ij->ji", [[1, 2], [3, 4]]], optimize=opt)
        run(["i,->i", sample((3,), "int8"), True], optimize=opt)


# ---------------------------------------------------------------------------
# object arrays: Python's * and +, each sum starting from the int 0
# ---------------------------------------------------------------------------

_SQ = [[1, 2], [3, 4]]
_CUBE = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]

# (subscripts, operands): an operand is a list of values (an object array), (values, dtype)
# or a NumPy array
OBJECT_CASES = [
    # traces, diagonals, sums and views of one operand
    ("ii", [_SQ]),
    ("ii->i", [_SQ]),
    ("ij->", [_SQ]),
    ("ij->i", [_SQ]),
    ("ij->j", [_SQ]),
    ("ij->ji", [_SQ]),
    ("i", [[1, 2]]),
    ("i->", [[]]),
    ("ij->", [np.zeros((2, 0), dtype=object)]),
    ("ij->", [[[1.5, 2], [Fraction(1, 2), 1]]]),
    ("", [5]),
    ("->", [5]),
    # products
    ("ij,jk->ik", [_SQ, [[5, 6], [7, 8]]]),
    ("ij,jk", [_SQ, [[5, 6], [7, 8]]]),
    ("i,j->ij", [[1, 2], [3, 4, 5]]),
    ("ij,ij->i", [_SQ, _SQ]),
    ("ijk,k->ij", [_CUBE, [1, -1]]),
    ("ij,jk,kl->il", [_SQ, [[1, -1], [0, 2]], [[2, 0], [1, 1]]]),
    ("i,i", [[1, 2, 3], [4, 5, 6]]),
    ("i,i->", [[1, 2], [3, 4]]),
    ("i,i", [[], []]),
    ("i,i,i", [[1, 2], [3, 4], [5, 6]]),
    ("...i,...i", [_SQ, _SQ]),
    ("ij,j", [_SQ, [1, 1]]),
    (",", [2, 3]),
    (",->", [2, 3]),
    (",i", [2, [3, 4]]),
    ("i,i", [[2 ** 70, 3], [2 ** 70, 5]]),
    # mixed object and numeric operands
    ("ij,jk", [_SQ, ([[0.5, 1], [2, 3]], "float64")]),
    ("i,i", [[1, 2], ([0.5, 1.5], "float64")]),
    ("i,i", [([0.5, 1.5], "float64"), [Fraction(1, 2), 2]]),
    ("i,i", [([1, 2], "int64"), [Fraction(1, 2), 2]]),
    (",", [(2.5, "float64"), 3]),
    # Fractions and complex numbers
    ("i,i", [[Fraction(1, 3), Fraction(1, 2)], [Fraction(3, 1), 2]]),
    ("ij,jk", [[[Fraction(1, 2), 1], [2, Fraction(1, 3)]], _SQ]),
    ("i,i", [[1 + 2j, 3j], [1 - 1j, 2]]),
    ("ii", [[[1j, 2], [3, 4 + 1j]]]),
    ("i,j->ij", [[1j, -2], [Fraction(1, 2), 0.5]]),
    # strings: str * int works, but a sum starts from the int 0 (0 + 'aa' is a TypeError)
    ("i,i", [["a", "b"], [2, 3]]),
    ("i,i->i", [["a", "b"], [2, 3]]),
    ("i,j->ij", [["a", "b"], [2, 3]]),
    ("i,i", [["a", "b"], ([2, 3], "int64")]),
    ("i->", [["a", "b"]]),
    ("ii", [[["a", "b"], ["c", "d"]]]),
    ("ii->i", [[["a", "b"], ["c", "d"]]]),
    ("ij->ji", [[["a", "b"], ["c", "d"]]]),
    # the objects' own errors
    ("i,i", [[None], [1]]),
    ("ii", [[[None]]]),
]


def _object_operand(m, spec):
    if isinstance(spec, np.ndarray):
        return spec.copy() if m is np else to_rp(spec)
    if isinstance(spec, tuple):
        return m.array(spec[0], dtype=spec[1])
    return m.array(spec, dtype=object)


def _object_outcome(x):
    """The result as comparable values: its kind, dtype, shape and the reprs of its items
    (numpy returns the Python object itself for some 0-d results)."""
    if isinstance(x, (np.ndarray, rp.ndarray)):
        return type(x).__name__, str(x.dtype), x.shape, repr(x.tolist())
    return type(x).__name__, repr(x)


def _same_object_outcome(r, n):
    assert _object_outcome(r) == _object_outcome(n), \
        f"{_object_outcome(r)} != numpy {_object_outcome(n)}"


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("case", range(len(OBJECT_CASES)),
                         ids=[f"{s}-{i}" for i, (s, _) in enumerate(OBJECT_CASES)])
def test_object_operands(case, optimize):
    sub, specs = OBJECT_CASES[case]
    r, n = both(lambda m: m.einsum(sub, *[_object_operand(m, s) for s in specs],
                                   optimize=optimize))
    assert_outcomes(r, n, compare=_same_object_outcome, msg=f"einsum({sub!r}) {optimize}")


OBJECT_KW_CASES = [
    "m.einsum('i,i', m.array([1, 2]), m.array([3, 4]), dtype=object, optimize=opt)",
    "m.einsum('ij,jk', m.array(sq), m.array(sq), dtype=object, optimize=opt)",
    "m.einsum('ij->i', m.array(sq, dtype='f8'), dtype=object, optimize=opt)",
    "m.einsum(m.array(sq, dtype=object), [0, 1], m.array(sq, dtype=object), [1, 2], [0, 2], "
    "optimize=opt)",
    "m.einsum('ij,jk', m.array([[1, 2, 3], [4, 5, 6]], dtype=object)[:, ::-1], "
    "m.array([[1, 2], [3, 4], [5, 6]], dtype=object), optimize=opt)",
    "m.einsum('ij,jk', m.array(sq, dtype=object), m.array(sq, dtype=object).T, optimize=opt)",
    "(lambda o: (m.einsum('ij,jk', m.array(sq, dtype=object), m.array(sq, dtype=object), "
    "out=o, optimize=opt), o)[1])(m.zeros((2, 2), dtype=object))",
    "(lambda o: (m.einsum('ij,jk', m.array(sq, dtype=object), m.array(sq, dtype=object), "
    "out=o, optimize=opt), o)[1])(m.zeros((2, 2)))",
    "(lambda o: (m.einsum('ij->i', m.array(sq, dtype=object), out=o, optimize=opt), o)[1])"
    "(m.zeros(2, dtype=object))",
]


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("expr", OBJECT_KW_CASES)
def test_object_dtype_out_and_layouts(expr, optimize):
    check(expr, compare=_same_object_outcome, sq=_SQ, opt=optimize)


COMPLEX_BESIDE_OBJECT = {
    "i,i": ([1j, 2], [Fraction(1, 2), 2]),
    "i,j->ij": ([1j, 2], [Fraction(1, 2), 2]),
    "ij,jk": ([[1j, 2], [3, 4j]], [[Fraction(1, 2), 1], [2, 3]]),
}


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("sub", list(COMPLEX_BESIDE_OBJECT))
def test_object_with_complex_operand_warns_as_numpy(sub, optimize):
    """A complex128 operand beside an object one is cast to objects: the same values and
    the same warnings (none)."""
    x, y = COMPLEX_BESIDE_OBJECT[sub]

    def warned(m):
        a, b = m.array(x, dtype="complex128"), m.array(y, dtype=object)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            res = m.einsum(sub, a, b, optimize=optimize)
        return _object_outcome(res), sorted({c.category.__name__ for c in w})
    check(warned)


# ---------------------------------------------------------------------------
# strided and negative-stride operands
# ---------------------------------------------------------------------------

VIEWS = {
    "step": lambda x: x[::2, 1::2],
    "reversed": lambda x: x[::-1, ::-1],
    "revcols": lambda x: x[:, ::-2],
    "transposed": lambda x: x.T,
}


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("sub", ["ij,jk->ik", "ij,kj", "ii", "ii->i", "ij->ji", "ij,ij->i",
                                 "ij->", "ij,jk,kl->il"])
@pytest.mark.parametrize("dtype", ["int64", "complex64"])
def test_views_as_operands(sub, view, dtype, optimize):
    base = sample((6, 6), dtype)
    nv = VIEWS[view](base)
    rv = VIEWS[view](to_rp(base))
    nterms = len(sub.split("->")[0].split(","))
    run([sub] + [nv] * nterms, [sub] + [rv] * nterms, optimize=optimize)


@pytest.mark.parametrize("optimize", OPTIMIZE, ids=str)
def test_strided_3d(optimize):
    a = sample((4, 5, 6), "float64")
    b = sample((6, 5, 3), "float64")
    na, nb = a[::-1, ::2, 1:], b[1:, ::-1, ::2]
    ra, rb = to_rp(a)[::-1, ::2, 1:], to_rp(b)[1:, ::-1, ::2]
    run(["ijk,kjl->il", na, nb], ["ijk,kjl->il", ra, rb], optimize=optimize)
    run(["ijk,kjl->jil", na, nb], ["ijk,kjl->jil", ra, rb], optimize=optimize)
    run(["...k,k...->...", na[:, :, :3], nb[:3, :, :]],
        ["...k,k...->...", ra[:, :, :3], rb[:3, :, :]], optimize=optimize)


# ---------------------------------------------------------------------------
# the sublist form
# ---------------------------------------------------------------------------

SUBLIST_CASES = [
    lambda a, b: (a, [0, 1], b, [1, 2], [0, 2]),
    lambda a, b: (a, [0, 1], b, [1, 2]),
    lambda a, b: (a, [0, 1], b, [1, 2], []),
    lambda a, b: (a, [0, 0]),
    lambda a, b: (a, [0, 0], [0]),
    lambda a, b: (a, [0, 1], [1, 0]),
    lambda a, b: (a, [Ellipsis, 1], [Ellipsis]),
    lambda a, b: (a, [Ellipsis, 1], b, [1, Ellipsis], [Ellipsis]),
    lambda a, b: (a, [0, 1], b, [1, 2], a, [2, 3], [0, 3]),
    lambda a, b: (a, (26, 51), b, (51, 0), (26, 0)),
    lambda a, b: (a, [np.int64(3), 4], b, [4, 5]),
    lambda a, b: (a, [0, 1], a, [0, 1], [0]),
]


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("case", range(len(SUBLIST_CASES)))
def test_sublist_form(case, optimize):
    a, b = sample((3, 3), "float64"), sample((3, 3), "int32")
    run(list(SUBLIST_CASES[case](a, b)), list(SUBLIST_CASES[case](to_rp(a), to_rp(b))),
        optimize=optimize)


# ---------------------------------------------------------------------------
# out=, dtype=, casting=, order=
# ---------------------------------------------------------------------------

OUT_CASES = [
    # (subscripts, operand (shape, dtype) list, out (shape, dtype), extra keywords)
    ("ij,jk->ik", [((2, 3), "float64"), ((3, 4), "float64")], ((2, 4), "float64"), {}),
    ("ij,jk->ik", [((2, 3), "float32"), ((3, 4), "float32")], ((2, 4), "float64"), {}),
    ("ij,jk->ik", [((2, 3), "float64"), ((3, 4), "float64")], ((2, 4), "float32"), {}),
    ("ij,jk->ik", [((2, 3), "float64"), ((3, 4), "float64")], ((2, 4), "float32"),
     {"casting": "same_kind"}),
    ("ij,jk->ik", [((2, 3), "float64"), ((3, 4), "float64")], ((2, 4), "int16"),
     {"casting": "unsafe"}),
    ("i,i->", [((4,), "int8"), ((4,), "int8")], ((), "int32"), {}),
    ("i,i->", [((4,), "int8"), ((4,), "int8")], ((), "float64"), {}),
    ("ij->i", [((3, 4), "int64")], ((3,), "int64"), {}),
    ("ij->ji", [((3, 4), "int64")], ((4, 3), "int64"), {}),
    ("ii->i", [((3, 3), "complex64")], ((3,), "complex128"), {}),
    ("ij->", [((3, 4), "float64")], ((2,), "float64"), {}),
    ("ij->i", [((3, 4), "float64")], ((4,), "float64"), {}),
    ("i->i", [((1,), "float64")], ((3,), "float64"), {}),
    ("i->i", [((3,), "float64")], ((1,), "float64"), {}),
    ("i,i->", [((3,), "float32"), ((3,), "float32")], ((), "float16"), {"casting": "no"}),
    ("ij,jk,kl->il", [((2, 3), "float64"), ((3, 4), "float64"), ((4, 2), "float64")],
     ((2, 2), "float64"), {}),
    ("ij,jk,kl->il", [((2, 3), "float64"), ((3, 4), "float64"), ((4, 2), "float64")],
     ((2, 2), "float32"), {"casting": "same_kind"}),
    ("bij,bjk->bik", [((2, 3, 4), "int32"), ((2, 4, 2), "int32")], ((2, 3, 2), "int64"), {}),
    ("ij,jk->ki", [((2, 3), "float64"), ((3, 4), "float64")], ((4, 2), "float64"), {}),
]


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("case", range(len(OUT_CASES)))
def test_out(case, optimize):
    sub, specs, (oshape, odtype), kw = OUT_CASES[case]
    nps = [sample(s, d) for s, d in specs]
    nout = np.zeros(oshape, dtype=odtype)
    rout = rp.zeros(oshape, dtype=odtype)
    r, n = run([sub, *nps], optimize=optimize, out=P(rout, nout), **kw)
    if not isinstance(n, Raised):
        assert r is rout
        _close(rout, nout, *(_bound_and_terms([sub, *nps]) or (None, 1.0)))


def test_out_not_an_array():
    for opt in [False, True]:
        check("m.einsum('ij->i', a, out=[0, 0], optimize=o)",
              a=P(rp.ones((2, 3)), np.ones((2, 3))), o=opt)


def test_out_overlapping_input():
    a = sample((4, 4), "float64")
    n, r = a.copy(), to_rp(a)
    np.einsum("ij->ji", n, out=n)
    rp.einsum("ij->ji", r, out=r)
    assert_same(r, n)
    n, r = a.copy(), to_rp(a)
    np.einsum("ij,jk->ik", n, n, out=n)
    rp.einsum("ij,jk->ik", r, r, out=r)
    assert_same(r, n)


DTYPE_KW_CASES = [
    ("ij,jk", "float64", {"dtype": "float32"}),
    ("ij,jk", "float64", {"dtype": "float32", "casting": "same_kind"}),
    ("ij,jk", "float64", {"dtype": "int32", "casting": "unsafe"}),
    ("ij,jk", "int8", {"dtype": "int64"}),
    ("ij,jk", "int8", {"dtype": "float16"}),
    ("ij,jk", "bool", {"dtype": "int32"}),
    ("ij,jk", "float32", {"dtype": "complex128"}),
    ("ij,jk", "complex128", {"dtype": "float64", "casting": "unsafe"}),
    ("ij,jk", "uint64", {"dtype": "int64", "casting": "same_kind"}),
    ("ij,jk", "int64", {"dtype": "bool", "casting": "unsafe"}),
    ("ii", "int8", {"dtype": "int8"}),
    ("ii", "float64", {"dtype": "float32", "casting": "unsafe"}),
    ("ij->i", "float64", {"dtype": "float16", "casting": "same_kind"}),
    ("ij->ji", "float64", {"dtype": "int8"}),  # a view: NumPy ignores dtype here
    ("ij,ij->i", "float32", {"casting": "no"}),
    ("ij,ij->i", "float32", {"casting": "equiv"}),
    ("ij,jk", "float64", {"dtype": None}),
]


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("case", range(len(DTYPE_KW_CASES)))
def test_dtype_and_casting(case, optimize):
    sub, dtype, kw = DTYPE_KW_CASES[case]
    a = sample((3, 3), dtype)
    nterms = len(sub.split("->")[0].split(","))
    run([sub] + [a] * nterms, optimize=optimize, **kw)


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("casting", ["no", "equiv", "safe", "same_kind", "unsafe"])
def test_casting_mixed(casting, optimize):
    run(["ij,jk", sample((2, 3), "float32"), sample((3, 2), "float64")], optimize=optimize,
        casting=casting)
    run(["ij,jk", sample((2, 3), "float64"), sample((3, 2), "float64")], optimize=optimize,
        casting=casting, dtype="float32")
    run(["i,i->", sample((3,), "int64"), sample((3,), "int64")], optimize=optimize,
        casting=casting, out=P(rp.zeros((), "int8"), np.zeros((), "int8")))


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("order", ["C", "F", "A", "K", "c", "f"])
@pytest.mark.parametrize("sub", ["ij,jk->ik", "ij,jk->ki", "ij->ji", "i,j", "ijk->ik"])
def test_order(sub, order, optimize):
    shapes = {"ij,jk->ik": [(2, 3), (3, 4)], "ij,jk->ki": [(2, 3), (3, 4)], "ij->ji": [(3, 4)],
              "i,j": [(3,), (4,)], "ijk->ik": [(2, 3, 4)]}[sub]
    r, n = run([sub, *ops(shapes)], optimize=optimize, order=order)
    if order.upper() in "CF" and not (sub == "ij->ji"):
        flag = "c_contiguous" if order.upper() == "C" else "f_contiguous"
        assert getattr(r.flags, flag) == getattr(n.flags, flag)


# ---------------------------------------------------------------------------
# views
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sub,shape", [("ii->i", (4, 4)), ("ij->ji", (3, 4)), ("ij", (3, 4)),
                                        ("...ii->...i", (2, 3, 3)), ("i...i->i...", (3, 2, 3)),
                                        ("iji->ij", (2, 3, 2)), ("ijk->kji", (2, 3, 4)),
                                        ("ii", (3, 3)), ("ij->i", (3, 4)), ("", ())])
@pytest.mark.parametrize("optimize", [False, True], ids=str)
def test_single_operand_views(sub, shape, optimize):
    na = sample(shape, "float64")
    ra = to_rp(na)
    r, n = run([sub, na], [sub, ra], optimize=optimize)
    if isinstance(n, np.ndarray):
        assert rp.shares_memory(r, ra) == np.shares_memory(n, na)
        assert r.flags.writeable == n.flags.writeable


def test_diagonal_view_is_writeable():
    na, ra = np.zeros((3, 3)), rp.zeros((3, 3))
    np.einsum("ii->i", na)[:] = 1
    rp.einsum("ii->i", ra)[:] = 1
    assert_same(ra, na)
    nb, rb = np.zeros((2, 3)), rp.zeros((2, 3))
    np.einsum("ij->ji", nb)[0] = 5
    rp.einsum("ij->ji", rb)[0] = 5
    assert_same(rb, nb)


def test_view_of_read_only_operand():
    na = np.ones((3, 3))
    ra = rp.ones((3, 3))
    na_ro, ra_ro = na.diagonal(), ra.diagonal()  # read-only views in both
    check("m.einsum('i', x).flags.writeable", x=P(ra_ro, na_ro))
    check("m.einsum('ii->i', m.broadcast_to(x, (3, 3))).flags.writeable",
          x=P(rp.arange(3.0), np.arange(3.0)))


@pytest.mark.parametrize("sub, shape", [("ii->", (4, 4)), ("ii", (4, 4)), ("ij->i", (3, 4)),
                                        ("ijk->ki", (2, 3, 4)), ("ii->i", (3, 3)),
                                        ("ij,jk->ik", (3, 3))])
@pytest.mark.parametrize("dtype", ["float64", "int8", "complex64", "float16"])
def test_repeated_calls(sub, shape, dtype):
    """A call remembered by its subscripts and the operands' shapes, strides and dtypes gives
    each later call's own answer: other values, read-only and writeable operands, and
    operands of the same shape with other strides or dtypes."""
    nops = 2 if "," in sub else 1

    def cases():
        base = sample(shape, dtype)
        for m, b in ((np, base), (rp, to_rp(base))):
            other = "complex128" if b.dtype.kind == "c" else "float32"
            yield [b, b + b, b[..., ::-1], m.asfortranarray(b), b.astype(other),
                   m.broadcast_to(b[:1], b.shape)]

    pairs = [p for _ in range(2) for p in zip(*cases())]
    for i, (na, ra) in enumerate(pairs):
        assert ra.strides == na.strides
        if i % 2:
            na.flags.writeable = False
            ra.flags.writeable = False
        r, n = run([sub] + [na] * nops, [sub] + [ra] * nops)
        if isinstance(n, np.ndarray) and nops == 1:
            assert rp.shares_memory(r, ra) == np.shares_memory(n, na)
            assert r.flags.writeable == n.flags.writeable


# ---------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------

ERRORS = [
    "m.einsum()",
    "m.einsum(a)",
    "m.einsum('ij')",
    "m.einsum('ij,jk', a)",
    "m.einsum('ij', a, a)",
    "m.einsum('i1', a)",
    "m.einsum('ij->ii', a)",
    "m.einsum('ij->k', a)",
    "m.einsum('ijk', a)",
    "m.einsum('i', a)",
    "m.einsum('i..', a)",
    "m.einsum('i....', a)",
    "m.einsum('...i...', a)",
    "m.einsum('ij->..', a)",
    "m.einsum('i...->', a)",
    "m.einsum('i->->', a)",
    "m.einsum('ij-k', a)",
    "m.einsum('i>j', a)",
    "m.einsum('ij->i->j', a)",
    "m.einsum('ij,jk', a, a)",
    "m.einsum('ij,jk->ik', a, b)",
    "m.einsum('ii', a)",
    "m.einsum('ii->i', a)",
    "m.einsum('ii,i', a, b[0])",
    "m.einsum('i,i', a[0], b[0, :2])",
    "m.einsum('...i,...i', m.ones((2, 3)), m.ones((4, 3)))",
    "m.einsum('ij', a, order='X')",
    "m.einsum('ij->i', a, order=1)",
    "m.einsum('ij', a, casting='bad')",
    "m.einsum('ij->i', a, casting=None)",
    "m.einsum('ij', a, dtype='bad')",
    "m.einsum('ij', a, foo=1)",
    "m.einsum(a, [0, 'a'])",
    "m.einsum(a, [0, 60])",
    "m.einsum(a, [0, -1])",
    "m.einsum(a, [0, ..., ...])",
    "m.einsum(a, [0, 1.5])",
    "m.einsum(a, 5)",
    "m.einsum('ij->', a, out=m.zeros(2))",
    "m.einsum('ij->i', a, out=m.zeros(3))",
    "m.einsum('ij->i', a, out=m.zeros(2, 'i4'))",
    "m.einsum('ij->i', a, out=m.zeros(2, 'f4'), casting='no')",
    "m.einsum('ij->i', a, dtype='i4')",
    "m.einsum('ij,jk', a, b.T.astype('f4'), casting='no')",
    "m.einsum('ij,jk', a, b.T, dtype='i8', casting='same_kind')",
    "m.einsum('ij->i', m.array([['a', 'b']]))",
    "m.einsum('ij,j\u00e9', a, b.T)",
    "m.einsum('...ij,...jk', m.ones((2, 2, 3)), m.ones((3, 3, 2)))",
]


# bad paths, and too many operands (with those NumPy's 'optimal' search would not end)
ERRORS_OWN_OPTIMIZE = [
    "m.einsum(*([m.ones(1), [0]] * 64))",
    "m.einsum(','.join('i' * 64), *([m.ones(1)] * 64))",
    "m.einsum('ij->ij', a, optimize=['einsum_path', (0, 1)])",
    "m.einsum('ij,jk,kl', a, b.T, a, optimize=['einsum_path', (0, 1)])",
    "m.einsum('ij,jk,kl', a, b.T, a, optimize='bogus')",
    "m.einsum('ij,jk', a, b.T, optimize=5)",
    "m.einsum('ij,jk', a, b.T, optimize=('greedy', 'x'))",
]


@pytest.mark.parametrize("optimize", [False, True, "optimal"], ids=str)
@pytest.mark.parametrize("expr", ERRORS)
def test_errors(expr, optimize):
    a = P(rp.ones((2, 3)), np.ones((2, 3)))
    b = P(rp.ones((2, 3)) * 2, np.ones((2, 3)) * 2)
    expr = expr[:-1] + (", " if expr[-2] != "(" else "") + f"optimize={optimize!r})"
    r, n = both(expr, a=a, b=b)
    # (a few are errors for one of NumPy's engines only: 'i...->' sums the ellipsis axes in
    # the Python driver)
    assert isinstance(n, Raised) or optimize is not False, f"numpy did not raise for {expr}"
    assert_outcomes(r, n, msg=expr)


@pytest.mark.parametrize("expr", ERRORS_OWN_OPTIMIZE)
def test_errors_of_paths(expr):
    a = P(rp.ones((2, 3)), np.ones((2, 3)))
    b = P(rp.ones((2, 3)) * 2, np.ones((2, 3)) * 2)
    r, n = both(expr, a=a, b=b)
    assert isinstance(n, Raised), f"numpy did not raise for {expr}"
    assert_outcomes(r, n, msg=expr)


def test_read_only_out():
    for opt in [False, True]:
        no, ro = np.zeros(2), rp.zeros(2)
        no.flags.writeable = False
        ro.flags.writeable = False
        for sub in ("ij->i", "ij,jk->i"):
            n_ops = [np.ones((2, 3)), np.ones((3, 2))][:len(sub.split(","))]
            run([sub, *n_ops], optimize=opt, out=P(ro, no))


def test_errors_keep_numpys_messages():
    a = P(rp.ones((2, 3)), np.ones((2, 3)))
    for expr in ["m.einsum('ij,jk', a, a)", "m.einsum('ii->i', a)", "m.einsum('i1', a)",
                 "m.einsum('ij->i', a, out=m.zeros(2, 'i4'))", "m.einsum('i', a)",
                 "m.einsum('ij,jk', a, a, optimize=True)"]:
        r, n = both(expr, a=a)
        assert str(r.exc) == str(n.exc), expr


# ---------------------------------------------------------------------------
# einsum_path and explicit paths
# ---------------------------------------------------------------------------

PATH_CASES = [
    ("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)]),
    ("ea,fb,abcd,gc,hd->efgh", [(10, 10), (10, 10), (10, 10, 10, 10), (10, 10), (10, 10)]),
    ("ijk,ilm,njm,nlk,abc->", [(2, 4, 8)] * 5),
    ("abc,bcd,cde->ae", [(3, 4, 5), (4, 5, 6), (5, 6, 2)]),
    ("ij,jk->ik", [(3, 4), (4, 5)]),
    ("ii", [(3, 3)]),
    ("i,i", [(3,), (3,)]),
    ("a,b,c", [(2,), (3,), (4,)]),
    ("abcd,dc,ab->", [(2, 3, 4, 5), (5, 4), (2, 3)]),
    ("...ij,...jk->...ik", [(5, 2, 3), (5, 3, 2)]),
    ("ij,jk,kl,lm->im", [(10, 20), (20, 5), (5, 30), (30, 3)]),
    ("ab,ab,ab->", [(3, 3)] * 3),
    ("ab,cd,ef->abcdef", [(2, 2)] * 3),
    ("ij,kl,ij,kl->", [(3, 4), (5, 6), (3, 4), (5, 6)]),
    ("bdik,acaj,ikab,ajac,ikbd", [(2, 3, 4, 5), (2, 6, 2, 7), (4, 5, 2, 3), (2, 7, 2, 6),
                                  (4, 5, 3, 3)]),
    ("ab,bc,cd,de,ef->af", [(8, 2), (2, 9), (9, 3), (3, 10), (10, 4)]),
    ("ij,jk,kl->il", [(1, 3), (3, 1), (1, 3)]),
    ("ij,j,jk->ik", [(4, 4), (4,), (4, 4)]),
]
PATH_OPTS = ["greedy", "optimal", True, False, ("greedy", 10), ("optimal", 50), ("greedy", 0),
             ("optimal", 0)]


@pytest.mark.parametrize("optimize", PATH_OPTS, ids=str)
@pytest.mark.parametrize("sub,shapes", PATH_CASES, ids=[s for s, _ in PATH_CASES])
def test_einsum_path(sub, shapes, optimize):
    nps = [np.ones(s) for s in shapes]
    rps = [rp.ones(s) for s in shapes]
    r, n = both(lambda m: m.einsum_path(sub, *(nps if m is np else rps), optimize=optimize))
    assert_outcomes(r, n, compare=lambda x, y: _same_path(x, y), msg=sub)
    if not isinstance(n, Raised) and math.prod(s for sh in shapes for s in sh) < 10**5:
        # the path feeds einsum
        run([sub, *ops(shapes)], optimize=n[0])


def _same_path(r, n):
    assert r[0] == n[0], f"path {r[0]} != numpy {n[0]}"
    assert r[1] == n[1], f"report differs:\nrumpy:\n{r[1]}\nnumpy:\n{n[1]}"


def test_einsum_path_default_and_sublists():
    a, b = sample((3, 4), "float64"), sample((4, 5), "float64")
    for args in (["ij,jk,kl", a, b, b.T], [a, [0, 1], b, [1, 2], b.T, [2, 3], [0, 3]],
                 ["...j,jk,kl->...l", a, b, b.T]):
        rargs = [to_rp(x) if isinstance(x, np.ndarray) else x for x in args]
        _same_path(rp.einsum_path(*rargs), np.einsum_path(*args))


def test_explicit_paths():
    shapes = [(2, 3), (3, 4), (4, 5), (5, 2)]
    x = ops(shapes)
    for path in (["einsum_path", (0, 1), (0, 1), (0, 1)], ["einsum_path", (2, 3), (0, 1), (0, 1)],
                 ["einsum_path", (0, 1, 2, 3)], ["einsum_path", (1, 2), (0, 1, 2)],
                 ["einsum_path", [0, 3], [0, 1], [0, 1]]):
        run(["ij,jk,kl,lm->im", *x], optimize=path)
        r, n = both(lambda m: m.einsum_path("ij,jk,kl,lm->im",
                                            *(x if m is np else [to_rp(v) for v in x]),
                                            optimize=path))
        assert_outcomes(r, n, compare=_same_path)


# ---------------------------------------------------------------------------
# NumPy's functions on rumpy arrays, and the kernels behind einsum
# ---------------------------------------------------------------------------

def test_numpy_einsum_on_rumpy_arrays():
    a, b = sample((3, 4), "float64"), sample((4, 2), "float64")
    ra, rb = to_rp(a), to_rp(b)
    for opt in [False, True]:
        got = np.einsum("ij,jk->ik", ra, rb, optimize=opt)
        assert isinstance(got, rp.ndarray)
        assert_same(got, np.einsum("ij,jk->ik", a, b, optimize=opt))
    got = np.einsum("ii", ra[:, :3])
    assert type(got).__module__ == "rumpy"
    assert_same(got, np.einsum("ii", a[:, :3]))
    _same_path(np.einsum_path("ij,jk,kl", ra, rb, rb.T), np.einsum_path("ij,jk,kl", a, b, b.T))
    # a NumPy output array is filled and returned
    for opt in [False, True]:
        o = np.zeros((3, 2))
        assert np.einsum("ij,jk->ik", ra, rb, out=o, optimize=opt) is o
        assert np.array_equal(o, np.einsum("ij,jk->ik", a, b))


class _Spy:
    def __init__(self, monkeypatch, owner, name):
        self.calls = []
        orig = getattr(owner, name)

        def spy(*args, **kwargs):
            self.calls.append([getattr(x, "shape", None) for x in args])
            return orig(*args, **kwargs)

        monkeypatch.setattr(owner, name, spy)


def test_matrix_products_use_matmul(monkeypatch):
    from rumpy import _core
    mm = _Spy(monkeypatch, _core, "matmul")
    a, b = to_rp(sample((30, 40), "float64")), to_rp(sample((40, 20), "float64"))
    rp.einsum("ij,jk->ik", a, b)
    assert mm.calls == [[(30, 40), (40, 20)]]
    t, u = to_rp(sample((5, 6, 7), "int32")), to_rp(sample((5, 7, 3), "int32"))
    rp.einsum("bij,bjk->bik", t, u)
    assert mm.calls[-1] == [(5, 6, 7), (5, 7, 3)]
    # NumPy's Python driver puts the second term first: (b,k,j) @ (b,j,i), then transposes
    rp.einsum("bij,bjk->bik", t, u, optimize=True)
    assert mm.calls[-1] == [(5, 3, 7), (5, 7, 6)]
    assert len(mm.calls) == 3


class _AddSpy:
    """Stands in for ``_core.add``, recording the shapes ``reduce`` is given."""

    def __init__(self, monkeypatch, core):
        self.calls = []
        self._add = core.add
        monkeypatch.setattr(core, "add", self)

    def reduce(self, *args, **kwargs):
        self.calls.append([getattr(x, "shape", None) for x in args])
        return self._add.reduce(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._add, name)


def test_sums_and_rowwise_dot_use_reductions(monkeypatch):
    from rumpy import _core
    sums = _AddSpy(monkeypatch, _core)
    vd = _Spy(monkeypatch, _core, "vecdot")
    a = to_rp(sample((50, 50), "float64"))
    assert rp.einsum("ii->", a) == np.einsum("ii->", sample((50, 50), "float64"))
    assert sums.calls == []  # a strided vector is summed in einsum's own order
    rp.einsum("i->", a[0])
    assert sums.calls == [[(50,)]]  # a contiguous one is reduced
    rp.einsum("ij,ij->i", a, a)
    assert vd.calls == [[(50, 50), (50, 50)]]


def _spread(shape, dtype, seed):
    """Values over sixteen decades, so that the order of a sum shows in its last bits."""
    rng = np.random.default_rng(seed)
    v = rng.standard_normal(shape) * 10.0 ** rng.integers(-8, 8, shape)
    if np.dtype(dtype).kind == "c":
        v = v + 1j * rng.standard_normal(shape) * 10.0 ** rng.integers(-8, 8, shape)
    return v.astype(dtype)


def _bits(x):
    """The value's bits (float64 or complex128), its dtype and its class name."""
    v = complex(x) if np.dtype(x.dtype).kind == "c" else float(x)
    return np.asarray(v).tobytes(), str(x.dtype), type(x).__name__


@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("sub, shape, view", [
    ("ii->", (1, 1), None), ("ii", (7, 7), None), ("ii->", (300, 300), None),
    ("jj->", (40, 40), (slice(None, None, -1), slice(None, None, -1))),
    ("i->", (2 * 8192 + 10,), slice(None, None, 2)),
    ("i->", (3 * 8192,), slice(None, None, -3)), ("i->", (100,), slice(None, None, -1)),
    ("i->", (0,), slice(None, None, 2)),
])
def test_strided_sums_are_numpys_bit_for_bit(dtype, sub, shape, view):
    """The whole sum of one strided vector (a trace, a strided ``'i->'``) is added as NumPy's
    einsum adds it (in order, a buffer of 8192 items at a time), so the two agree exactly, on
    a first call and on remembered ones."""
    base = _spread(shape, dtype, len(sub) + math.prod(shape))
    n_op = base if view is None else base[view]
    r_op = to_rp(base)
    r_op = r_op if view is None else r_op[view]
    for _ in range(3):
        assert _bits(rp.einsum(sub, r_op)) == _bits(np.einsum(sub, n_op))


@pytest.mark.parametrize("dtype", ["float64", "complex64"])
def test_a_trace_of_negative_zeros_is_positive_zero(dtype):
    """NumPy's einsum adds into a zeroed output: -0.0 items sum to +0.0 (a reduction keeps
    -0.0)."""
    n = -np.eye(4, dtype=dtype) * 0.0
    for _ in range(2):
        assert _bits(rp.einsum("ii->", to_rp(n))) == _bits(np.einsum("ii->", n))


def test_large_contraction_is_fast():
    # a Python loop over 200**3 products would take minutes
    a = sample((200, 200), "float64")
    run(["ij,jk->ik", a, a])
    run(["ij,jk,kl->il", a, a, a])
    run(["ij,jk->ik", a.astype("int64"), a.astype("int64")])


_LAYOUTS = {"C": lambda a: a, "F": np.asfortranarray, "rev": lambda a: a[::-1],
            "T": lambda a: np.ascontiguousarray(a.T).T, "step": lambda a: np.repeat(a, 2, -1)[..., ::2]}


@pytest.mark.parametrize("optimize", [False, True], ids=str)
@pytest.mark.parametrize("order", [None, "K"])
@pytest.mark.parametrize("sub,specs", [
    ("...ft,mf->...mt", [((2, 3, 5), "F"), ((4, 3), "F")]),
    ("...ft,mf->...mt", [((2, 3, 5), "F"), ((4, 3), "C")]),
    ("...ft,mf->...mt", [((2, 3, 5), "C"), ((4, 3), "F")]),
    ("ij,jk->ik", [((3, 4), "F"), ((4, 5), "F")]),
    ("ij,jk->ik", [((3, 4), "C"), ((4, 5), "F")]),
    ("ij,jk->ki", [((3, 4), "F"), ((4, 5), "C")]),
    ("ijk,k->ij", [((2, 3, 4), "F"), ((4,), "C")]),
    ("ijk,k->ji", [((2, 3, 4), "T"), ((4,), "rev")]),
    ("ijk->kj", [((2, 3, 4), "F")]),
    ("ijk->ki", [((2, 3, 4), "step")]),
    ("ij,ij->ij", [((3, 4), "F"), ((3, 4), "C")]),
    ("ij,ij->ji", [((3, 4), "F"), ((3, 4), "F")]),
    ("i,j->ij", [((3,), "C"), ((4,), "rev")]),
    ("ij,j->ij", [((3, 4), "rev"), ((4,), "C")]),
    ("bij,bjk->bik", [((2, 3, 4), "F"), ((2, 4, 5), "F")]),
    ("bij,bjk->bik", [((2, 3, 4), "T"), ((2, 4, 5), "C")]),
    ("ij,jk,kl->il", [((2, 3), "F"), ((3, 4), "F"), ((4, 5), "F")]),
    ("i...,i...->...", [((3, 2, 4), "F"), ((3, 2, 4), "F")]),
    ("ij,kl->ijkl", [((2, 1), "F"), ((1, 3), "C")]),
])
def test_output_layout(sub, specs, order, optimize):
    """The output's memory layout under order='K' (the default) as NumPy's: its iterator
    orders the axes by the operands' strides (the C einsum), its optimised path by the
    contractions' results."""
    arrays = [_LAYOUTS[how](sample(shape, "float64")) for shape, how in specs]
    kw = {} if order is None else {"order": order}
    # the same memory seen by rumpy: the same strides
    r, n = run([sub, *arrays], [sub, *[rp.asarray(a) for a in arrays]], optimize=optimize, **kw)
    assert all(rp.asarray(a).strides == a.strides for a in arrays)
    if isinstance(n, np.ndarray) and n.ndim:
        assert defined_strides(r) == defined_strides(n), f"strides {r.strides} != {n.strides}"
