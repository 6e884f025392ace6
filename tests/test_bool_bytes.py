"""bool arrays whose bytes are not 0/1 (a uint8 array viewed as bool, foreign
memory): NumPy reads any non-zero byte as True and writes 0/1. Every ufunc,
reduction, cast and mask must give numpy's answers on such arrays."""

import warnings

import numpy as np
import pytest

import rumpy as rp
from conftest import assert_outcomes, assert_same, both

RAW = np.array([2, 0, 4, 1, 255, 0, 128, 3, 1, 0, 7, 9], np.uint8)
RAW2 = np.array([1, 1, 0, 0, 3, 0, 2, 5, 0, 0, 1, 64], np.uint8)


def odd_bools(raw, layout="1d"):
    """The same odd-byte bool array in numpy and rumpy (rumpy's shares numpy's memory)."""
    n = raw.view(bool)
    if layout == "2d":
        n = n.reshape(3, 4)
    elif layout == "strided":
        n = n[::2]
    elif layout == "negstride":
        n = n[::-1]
    elif layout == "transposed":
        n = n.reshape(3, 4).T
    return n, rp.asarray(n)


LAYOUTS = ["1d", "2d", "strided", "negstride", "transposed"]


def test_odd_bytes_reach_rumpy_unchanged():
    n, r = odd_bools(RAW)
    assert np.asarray(r).view(np.uint8).tolist() == RAW.tolist()


def normalised(r, n):
    """Same values as numpy; a bool result holds 0/1 bytes wherever numpy's does."""
    assert_same(r, n)
    if isinstance(n, np.ndarray) and n.dtype == bool and n.size:
        nb = set(n.view(np.uint8).ravel().tolist())
        rb = set(np.asarray(r).view(np.uint8).ravel().tolist())
        if nb <= {0, 1}:
            assert rb <= {0, 1}, f"bool result bytes {sorted(rb)} (numpy writes 0/1)"


ALIASES = {"abs", "bitwise_not", "conj", "mod", "pow", "bitwise_invert", "atan2", "acos",
           "acosh", "asin", "asinh", "atan", "atanh", "bitwise_left_shift",
           "bitwise_right_shift"}


def _ufuncs(nin):
    """numpy's ufuncs with `nin` inputs and one output (aliases once), that rumpy has."""
    return [name for name in sorted(dir(np))
            if isinstance(getattr(np, name), np.ufunc) and getattr(np, name).nin == nin
            and getattr(np, name).signature is None and name not in ALIASES]


UNARY = _ufuncs(1)
BINARY = _ufuncs(2)


def test_ufunc_lists_are_numpys():
    # the lists come from numpy's own ufuncs; every one must exist in rumpy
    missing = [u for u in UNARY + BINARY if not hasattr(rp, u)]
    assert missing == [], missing
    assert {"logical_not", "invert", "absolute", "sign", "isnan"} <= set(UNARY)
    assert {"add", "logical_and", "bitwise_xor", "equal", "maximum"} <= set(BINARY)


def same_outcome(out, msg):
    r, n = out
    assert_outcomes(r, n, compare=normalised, msg=msg)


def _call(m, name, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(m, name)(*args, **kw)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", [u for u in UNARY if hasattr(rp, u)])
def test_unary_ufunc(name, layout):
    n, r = odd_bools(RAW, layout)
    out = both(lambda m: _call(m, name, r if m is rp else n))
    same_outcome(out, name)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", [u for u in BINARY if hasattr(rp, u)])
def test_binary_ufunc(name, layout):
    n, r = odd_bools(RAW, layout)
    n2, r2 = odd_bools(RAW2, layout)
    out = both(lambda m: _call(m, name, *((r, r2) if m is rp else (n, n2))))
    same_outcome(out, name)
    # against a Python bool (a weak scalar) and a clean bool array
    out = both(lambda m: _call(m, name, r if m is rp else n, True))
    same_outcome(out, name + " with True")
    clean = n2 != 0
    out = both(lambda m: _call(m, name, m.asarray(clean), r if m is rp else n))
    same_outcome(out, name + " clean/odd")


REDUCERS = ["add", "multiply", "logical_and", "logical_or", "logical_xor", "maximum",
            "minimum", "bitwise_and", "bitwise_or", "bitwise_xor", "equal", "not_equal"]


@pytest.mark.parametrize("layout", ["1d", "2d", "transposed", "negstride"])
@pytest.mark.parametrize("name", REDUCERS)
def test_reduce_and_accumulate(name, layout):
    n, r = odd_bools(RAW, layout)
    for axis in [None, 0, -1]:
        if axis is None and name in ("equal", "not_equal") and n.ndim > 1:
            continue
        out = both(lambda m: getattr(m, name).reduce(r if m is rp else n, axis=axis))
        same_outcome(out, f"{name}.reduce axis={axis}")
    out = both(lambda m: getattr(m, name).accumulate(r if m is rp else n, axis=0))
    same_outcome(out, f"{name}.accumulate")


METHODS = ["sum", "prod", "any", "all", "max", "min", "argmax", "argmin", "mean", "std",
           "cumsum", "cumprod", "nonzero", "tolist", "copy"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("meth", METHODS)
def test_methods(meth, layout):
    n, r = odd_bools(RAW, layout)
    out = both(lambda m: getattr(r if m is rp else n, meth)())
    same_outcome(out, meth)


@pytest.mark.parametrize("fn", ["count_nonzero", "flatnonzero", "argwhere", "where"])
def test_functions(fn):
    n, r = odd_bools(RAW, "2d")
    out = both(lambda m: getattr(m, fn)(r if m is rp else n))
    same_outcome(out, fn)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("dt", list("?bBhHiIlLefdFD"))
def test_casts(dt, layout):
    n, r = odd_bools(RAW, layout)
    normalised(r.astype(dt), n.astype(dt))


def test_items_and_truth():
    n, r = odd_bools(RAW)
    assert [r[i].item() for i in range(12)] == [n[i].item() for i in range(12)]
    assert [bool(r[i]) for i in range(12)] == [bool(n[i]) for i in range(12)]
    assert [int(r[i]) for i in range(12)] == [int(n[i]) for i in range(12)]
    assert repr(r) == repr(n)
    assert str(r) == str(n)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_masks(layout):
    n, r = odd_bools(RAW, layout)
    nd = np.arange(n.size, dtype=np.float64).reshape(n.shape)
    rd = rp.arange(n.size, dtype=rp.float64).reshape(n.shape)
    assert_same(rd[r], nd[n])
    nd[n] = -1
    rd[r] = -1
    assert_same(rd, nd)
    nz, rz = np.zeros(n.shape), rp.zeros(n.shape)
    np.copyto(nz, 7.0, where=n)
    rp.copyto(rz, 7.0, where=r)
    assert_same(rz, nz)
    no, ro = np.zeros(n.shape), rp.zeros(n.shape)
    np.add(np.ones(n.shape), 1, out=no, where=n)
    rp.add(rp.ones(n.shape), 1, out=ro, where=r)
    assert_same(ro, no)
    assert_same(rp.ones(n.shape).sum(where=r), np.ones(n.shape).sum(where=n))
    assert_same(rp.where(r, 1, 2), np.where(n, 1, 2))


def test_issue_reproducers():
    n = np.array([2, 0, 4, 1], np.uint8).view(bool)
    r = rp.asarray(n)
    assert_same(r.sum(), n.sum())
    assert r.sum() == 3
    normalised(rp.logical_not(r), np.logical_not(n))
    assert rp.logical_not(r).tolist() == [False, True, False, False]


@pytest.mark.parametrize("fill", ["zeros", "ones", "last", "first", "random"])
@pytest.mark.parametrize("layout", ["1d", "2d", "transposed", "negstride"])
@pytest.mark.parametrize("meth", ["sum", "any", "all"])
@pytest.mark.parametrize("keepdims", [False, True])
def test_whole_array_counts_and_scans(meth, layout, fill, keepdims):
    """sum/any/all over every axis (counted or scanned block by block, stopping early) on
    arrays longer than one block, with odd true bytes."""
    size = 3 * 4096 + 17
    raw = {"zeros": np.zeros(size, np.uint8), "ones": np.full(size, 5, np.uint8),
           "last": np.r_[np.zeros(size - 1, np.uint8), [200]],
           "first": np.r_[[0], np.full(size - 1, 3, np.uint8)],
           "random": (np.random.default_rng(1).random(size) < 0.3).astype(np.uint8) * 9}[fill]
    n = raw.view(bool)
    n = {"1d": n, "2d": n[:12288].reshape(96, 128), "transposed": n[:12288].reshape(96, 128).T,
         "negstride": n[::-1]}[layout]
    r = rp.asarray(n)
    assert_same(getattr(r, meth)(keepdims=keepdims), getattr(n, meth)(keepdims=keepdims))
    assert_same(getattr(r, meth)(axis=None), getattr(n, meth)(axis=None))
