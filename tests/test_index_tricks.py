"""r_, c_, s_, index_exp against numpy."""

import numpy as np
import pytest
from conftest import (
    FEW_DTYPES,
    P,
    Raised,
    assert_same,
    both,
    check_message,
    sample,
    to_rp,
)

import rumpy as rp

chk = check_message


R_CASES = [
    "m.r_[1:4, 0, [7, 8]]",
    "m.r_[1, 2, 3]",
    "m.r_[5]",
    "m.r_[[1, 2], [3.5]]",
    "m.r_[-1:1:6j, [0] * 3, 5, 6]",
    "m.r_[0:1:1j]",
    "m.r_[0:1:0j]",
    "m.r_[0:10:3]",
    "m.r_[10:0:-2]",
    "m.r_[:5]",
    "m.r_[2:]",
    "m.r_[0.5:2:0.5]",
    "m.r_[1:2:3j, 1:3]",
    "m.r_[0:5:m.complex128(3j)]",
    "m.r_[0:5:m.int8(2)]",
    "m.r_[m.array([1, 2]), m.array([[3, 4]])]",
    "m.r_[m.array([[1, 2], [3, 4]]), m.array([[5, 6]])]",
    "m.r_['-1', m.array([[1, 2], [3, 4]]), m.array([[5], [6]])]",
    "m.r_['1', m.array([[1, 2], [3, 4]]), m.array([[5], [6]])]",
    "m.r_['-1', [[1, 2], [3, 4]], [[5, 6]]]",
    "m.r_['0,2', [1, 2, 3], [4, 5, 6]]",
    "m.r_['0,2,0', [1, 2, 3], [4, 5, 6]]",
    "m.r_['1,2,0', [1, 2, 3], [4, 5, 6]]",
    "m.r_['0,3,-1', m.ones((2, 2))]",
    "m.r_['0,3,0', m.ones((2, 2))]",
    "m.r_['0,3,1', m.ones((2, 2))]",
    "m.r_['0,3,2', m.ones((2, 2))]",
    "m.r_['2,3', m.ones((2, 2)), m.zeros((2, 2))]",
    "m.r_['0,2', 1:4, 4:7]",
    "m.r_['0,2,0', 1:4, 4:7]",
    "m.r_['1,2,0', 0:1:3j, 1:2:3j]",
    "m.r_['0,4,1', [1, 2]]",
    "m.r_['0,2', 5, [1, 2]]",
    "m.r_['r', 1:4]",
    "m.r_['c', 1:4]",
    "m.r_['r', [[1, 2], [3, 4]]]",
    "m.r_['c', m.ones((2, 2, 2))]",
    "m.r_[m.int8(3), [1, 2]]",
    "m.r_[m.array([1, 2], dtype=m.int8), 3]",
    "m.r_[m.array([1, 2], dtype=m.int8), 300]",
    "m.r_[m.array([1, 2], dtype=m.uint8), -1]",
    "m.r_[1.5, m.array([1, 2], dtype=m.float32)]",
    "m.r_[m.array([1, 2], dtype=m.float32), m.float64(1.5)]",
    "m.r_[m.array([True]), 0]",
    "m.r_[True, False]",
    "m.r_[1j, m.array([1, 2], dtype=m.float32)]",
    "m.r_[m.array(3)]",
    "m.r_[m.array(3), m.array([4])]",
    "m.r_[(1, 2), (3,)]",
    "m.r_[m.array([], dtype=m.int16), m.array([1], dtype=m.int16)]",
    "m.r_[m.arange(12).reshape(3, 4)[:, ::2], m.arange(4).reshape(2, 2)]",
    "m.r_[m.arange(12).reshape(3, 4).T, m.zeros((1, 3), dtype=int)]",
    "m.r_[()]",
    "m.r_[1, 'c']",
    "m.r_['x', 1]",
    "m.r_['a,b', 1]",
    "m.r_['0,q', 1]",
    "m.r_['0', [[1]], [2]]",
    "m.r_['3', [1], [2]]",
    "len(m.r_)",
    # from numpy's TestConcatenator
    "m.r_[m.array([1, 2, 3]), 0, 0, m.array([1, 2, 3])]",
    "m.r_[10.1, 1:10]",
    "m.r_[-10.1, m.array([1]), m.array([2, 3, 4]), 10.0]",
    "m.r_[0:36:100j]",
    "m.r_[0:36:m.complex64(100j)]",
    "m.r_['1', m.ones((4, 5)), m.zeros((4, 5))]",
    "m.r_[m.ones((4, 5)), m.zeros((4, 5))]",
    "m.r_[0, m.array(1), 2]",
    "m.r_[[0, 1, 2], m.array(3)]",
    "m.r_[m.array(0), [1, 2, 3]]",
    "m.r_[m.array([1, 2], dtype=m.float32), m.float32(3), 4.5]",
    "m.r_[m.array([1, 2], dtype=m.int32), m.int64(3)]",
    "m.r_[m.array(['a', 'bc']), 'def']",
    "m.r_['0,2', 'x', [1]]",
    "m.r_[m.zeros((2, 0)), m.zeros((1, 0))]",
    "m.r_[m.ones(3, dtype=m.uint16), m.array(-1)]",
]

C_CASES = [
    "m.c_[[1, 2, 3], [4, 5, 6]]",
    "m.c_[m.array([1, 2, 3]), m.array([4, 5, 6])]",
    "m.c_[[[1, 2, 3]], 0, 0, [[4, 5, 6]]]",
    "m.c_[1:3, 2:4]",
    "m.c_[0:1:3j, [7, 8, 9]]",
    "m.c_[m.ones((2, 2)), [9, 9]]",
    "m.c_[m.ones((2, 2)), m.zeros((2, 1))]",
    "m.c_[m.ones((2, 3, 2)), m.zeros((2, 3, 1))]",
    "m.c_[m.array([1, 2], dtype=m.int8), m.array([3, 4], dtype=m.int16)]",
    "m.c_[m.array([1, 2], dtype=m.float32), 1]",
    "m.c_[1, 2]",
    "m.c_[m.array(5)]",
    "m.c_[[], []]",
    "m.c_['0', [1, 2], [3, 4]]",
    "m.c_['0,2,-1', [1, 2], [3, 4]]",
    "m.c_['r', [1, 2], [3, 4]]",
    "m.c_[[1, 2], [3]]",
    "m.c_[()]",
    "len(m.c_)",
]

S_CASES = [
    "m.s_[2::2]", "m.s_[1]", "m.s_[...]", "m.s_[:, None, 1:3]", "m.s_[()]", "m.s_[[0, 1]]",
    "m.s_[1:2, ::-1, ...]", "m.s_['a']",
    "m.index_exp[2::2]", "m.index_exp[1]", "m.index_exp[...]", "m.index_exp[:, None, 1:3]",
    "m.index_exp[()]", "m.index_exp[[0, 1]]", "m.index_exp[1:2, ::-1]",
]


@pytest.mark.parametrize("expr", R_CASES)
def test_r_(expr):
    chk(expr)


@pytest.mark.parametrize("expr", C_CASES)
def test_c_(expr):
    chk(expr)


@pytest.mark.parametrize("expr", S_CASES)
def test_s_index_exp(expr):
    r, n = both(expr)
    assert not isinstance(n, Raised)
    assert r == n and type(r) is type(n)


@pytest.mark.parametrize("dtype", FEW_DTYPES)
@pytest.mark.parametrize("other", ["1", "2.5", "1j", "True", "m.int16(2)", "m.float32(3)",
                                   "[1, 2]", "0:3", "0:1:4j"])
def test_r_dtypes(dtype, other):
    na = sample((3,), dtype)
    chk(f"m.r_[a, {other}]", a=P(to_rp(na), na))
    chk(f"m.r_[{other}, a]", a=P(to_rp(na), na))


@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_c_dtypes(dtype):
    na = sample((3,), dtype)
    nb = sample((3, 2), dtype)
    chk("m.c_[a, b, a]", a=P(to_rp(na), na), b=P(to_rp(nb), nb))
    chk("m.c_[a[::-1], 7]", a=P(to_rp(na), na))


def test_s_used_for_indexing():
    na = np.arange(24).reshape(4, 6)
    ra = to_rp(na)
    assert_same(ra[rp.s_[::2, 1:5:2]], na[np.s_[::2, 1:5:2]])
    assert_same(ra[rp.index_exp[1:3]], na[np.index_exp[1:3]])


MATRIX_CASES = ["m.r_['r', [1, 2], [3, 4]]", "m.r_['c', [1, 2], [3]]", "m.c_['r', [1, 2], [3, 4]]",
                "m.r_['r', 1:4]", "m.r_['c', m.array([1.5, 2])]", "m.r_['r', [[1, 2]], [[3, 4]]]",
                "m.r_['r', m.ones((2, 2, 2))]"]


@pytest.mark.parametrize("expr", MATRIX_CASES)
def test_matrix_directives(expr):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        r, n = both(expr)
    if isinstance(n, Raised):
        assert isinstance(r, Raised) and type(r.exc).__name__ == type(n.exc).__name__
        return
    assert type(r).__name__ == type(n).__name__ == "matrix"
    assert_same(r, n)


def _built(m, text):
    a = m.array([[1, 2], [3, 4]])  # noqa: F841 - the string names it
    b = m.array([[5], [6]])  # noqa: F841
    return m.r_[text]


@pytest.mark.parametrize("text", ["a, b; a, b", "a; a", "a, a", "b"])
def test_matrix_builder_string(text):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        r, n = _built(rp, text), _built(np, text)
    assert type(r).__name__ == type(n).__name__ == "matrix"
    assert_same(r, n)
