"""Basic indexing (get and set), views, read-only arrays, shares_memory,
may_share_memory and copyto, compared with numpy."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rumpy as rp
from conftest import (
    ALL_DTYPES, defined_strides, FEW_DTYPES, SHAPE_CASE_NAMES, Collector, P, Raised,
                      assert_outcomes, assert_same, both, check, make_pair, pair,
                      shares, to_rp)

HYP = settings(max_examples=150, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow])

INDICES = [
    "0", "-1", "1", "2", "-3", "5", "-6", "100", "1:", ":-1", "::2", "::-1", "-2::-3", "1:3",
    "3:1", "3:1:-1", "::100", "100:", "-100:", ":0", "...", "None", "None, ...", "..., None",
    "0, ...", "..., 0", "..., -1", "0, 0", "0, -1", "-1, -1", "0, :", ":, 0", ":, ::-2",
    "1:, None, ::2", "None, None", "..., ...", "0, 0, 0", "-1, 1, 2", "0, 0, 0, 0", "1.0",
    "'a'", "()", "(0,)", "::0", "0:2:0", "None, 0, None", ":, :, :", ":, :, :, :",
    "slice(None), 1", "np.int64(1)", "m.int8(-1)", "m.array(1)", "1, ..., None, ::-1",
    "::-1, ::-1", "1::2, ::3", "-1:-4:-1", "None, ..., None, 0", "0, None, -1",
    "slice(1, None, 2), ...", "2**62", "-(2**62)", "::2**62", "2**62:",
]


def same_view(r, n):
    assert_same(r, n)
    if isinstance(n, np.ndarray):
        assert defined_strides(r) == defined_strides(n), f"strides {r.strides} != numpy {n.strides}"
        assert r.flags.owndata == n.flags.owndata


@pytest.mark.parametrize("idx", INDICES)
@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
def test_getitem(case, idx):
    n, r, nb, rb = make_pair(case, "float64")
    rv, nv = both(f"a[{idx}]", a=P(r, n))
    assert_outcomes(rv, nv, compare=same_view, msg=f"a[{idx}]")
    if isinstance(nv, np.ndarray) and nv.size:
        assert shares(rv, rb) == np.shares_memory(nv, nb)
        # results are views: writing into them is visible in the base
        rv[...] = -99
        nv[...] = -99
        assert_same(rb, nb)


@pytest.mark.parametrize("case", ["1d", "2d", "3d", "negstride", "transposed", "0d"])
def test_getitem_all_dtypes(dtype, case):
    n, r, nb, rb = make_pair(case, dtype)
    c = Collector()
    for idx in ["0", "-1", "..., 1", "::-1", "None, ::2", "1:, ...", "0, 1"]:
        c(check, f"a[{idx}]", a=P(r, n), compare=same_view)
    c.done()


def test_0d_indexing(dtype):
    n, r, _, _ = make_pair("0d", dtype)
    check("a[()]", a=P(r, n))
    check("a[...]", a=P(r, n), compare=same_view)
    check("a[None]", a=P(r, n), compare=same_view)
    check("a[..., None]", a=P(r, n), compare=same_view)
    check("a[0]", a=P(r, n))


def test_newaxis_alias():
    assert rp.newaxis is None
    check("a[m.newaxis, :, m.newaxis]", a=pair("2d", "int8"), compare=same_view)


def test_view_chain_writes_through():
    n, r, nb, rb = make_pair("3d", "int32")
    ops = [lambda a: a[::-1], lambda a: a[:, 1:], lambda a: a[..., ::2], lambda a: a.T,
           lambda a: a[0], lambda a: a[None, ::-1]]
    rv, nv = r, n
    for op in ops:
        rv, nv = op(rv), op(nv)
        same_view(rv, nv)
    rv[...] = 1000
    nv[...] = 1000
    assert_same(rb, nb)


# ---------------------------------------------------------------------------
# setitem: broadcasting and casting
# ---------------------------------------------------------------------------

SET_INDICES = ["0", "-1", ":", "...", "::2", "::-1", "1:, ::-2", ":, 0", "0, 0", "1, -1",
               "None, 1", "()", "5", "0, 0, 0", "1.5"]
SET_VALUES = ["7", "-1.5", "1.7", "True", "1 + 2j", "300", "-1", "float('nan')", "float('inf')",
              "[1, 2, 3, 4]", "[[1], [2], [3]]", "[1, 2]", "m.arange(4)", "(1, 2, 3, 4)",
              "m.array([1.5, 2.5, 3.5, 4.5])", "m.float32(2.5)", "m.array(3)", "[]",
              "m.zeros((3, 4), dtype='c16')", "m.ones((1, 4), dtype=bool)", "m.int8(-5)",
              "2**63", "m.array([[1.5, -2.5, 3.5, -4.5]], dtype='f4')[:, ::-1]"]


@pytest.mark.parametrize("idx", SET_INDICES)
@pytest.mark.parametrize("dtype", ["float64", "int16", "uint8", "bool", "complex64"])
def test_setitem(dtype, idx):
    c = Collector()
    for value in SET_VALUES:
        def one():
            n, r, nb, rb = make_pair("2d", dtype)
            out = both(f"a[{idx}] = {value}", a=P(r, n))
            assert_outcomes(*out, msg=f"a[{idx}] = {value}")
            assert_same(r, n, msg=f"after a[{idx}] = {value}")
        c(one)
    c.done()


@pytest.mark.parametrize("case", ["0d", "1d", "3d", "strided", "negstride", "transposed",
                                  "empty3d"])
def test_setitem_shape_cases(dtype, case):
    n, r, nb, rb = make_pair(case, dtype)
    for idx, value in [("...", "1"), ("...", "[2]"), ("...", "0.5"), ("..., ::-1", "a[..., :]"),
                       ("..., 0", "9"), ("...", "m.zeros(a.shape, dtype='f4')")]:
        out = both(f"a[{idx}] = {value}", a=P(r, n))
        assert_outcomes(*out, msg=f"a[{idx}] = {value}")
        assert_same(rb, nb)


@pytest.mark.parametrize("dst", ALL_DTYPES)
def test_setitem_casts_from_every_dtype(dst):
    bad = []
    for src in ALL_DTYPES:
        n, r, _, _ = make_pair("2d", dst)
        sn = make_pair("1d", src, nonneg=dst.startswith("u"))[0][:4]
        out = both("a.__setitem__((slice(None), slice(None)), s)", a=P(r, n), s=P(to_rp(sn), sn))
        try:
            assert_outcomes(*out)
            assert_same(r, n)
        except AssertionError as e:
            bad.append((src, dst, str(e)[:200]))
    assert not bad, bad


def test_setitem_overlapping_self():
    n, r, _, _ = make_pair("1d", "int64")
    r[1:] = r[:-1]
    n[1:] = n[:-1]
    assert_same(r, n)
    r[::-1] = r
    n[::-1] = n
    assert_same(r, n)


# ---------------------------------------------------------------------------
# read-only arrays
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["flags", "setflags", "view", "frombuffer"])
def test_readonly(how):
    def make(m):
        if how == "frombuffer":
            return m.frombuffer(b"\x01\x02\x03\x04\x05\x06\x07\x08", dtype="u1").reshape(2, 4)
        a = m.array([[1, 2, 3, 4], [5, 6, 7, 8]], dtype="u1")
        if how == "flags":
            a.flags.writeable = False
        elif how == "setflags":
            a.setflags(write=False)
        else:
            b = m.array(a)
            b.flags.writeable = False
            a = b[...]
        return a

    for stmt in ["a.__setitem__(0, 1)", "a.__setitem__((Ellipsis,), 1)", "a.fill(3)",
                 "a[::-1].__setitem__(0, 1)", "a.T.__setitem__(0, 1)", "a.reshape(-1).fill(0)",
                 "m.copyto(a, 5)", "a.flags.writeable", "a[0].flags.writeable",
                 "a.copy().flags.writeable", "a.view('i1').flags.writeable",
                 "setattr(a.flags, 'writeable', True)"]:
        out = both(lambda m: eval(stmt, {"a": make(m), "m": m}))
        assert_outcomes(*out, msg=f"{how}: {stmt}")
    for m in (np, rp):
        a = make(m)
        try:
            a[0] = 9
        except ValueError:
            pass
        assert a.tolist() == [[1, 2, 3, 4], [5, 6, 7, 8]], m.__name__


def test_writeable_flag_toggle():
    for m in (np, rp):
        a = m.zeros(3)
        a.flags.writeable = False
        assert not a.flags.writeable and not a.flags["WRITEABLE"]
        a.flags.writeable = True
        a[0] = 1
        assert a.tolist() == [1.0, 0.0, 0.0]


# ---------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("expr", [
    "a[3]", "a[-4]", "a[0, 4]", "a[0, -5]", "a[0, 0, 0]", "a[..., ..., 0]", "a[1.5]",
    "a['x']", "a[0:1.5]", "a[{}]", "a[object()]", "a[::0]", "a[2**63]", "a[-(2**63) - 1]",
    "a[0][4]", "a[0][0][0]",
])
def test_index_errors(expr):
    check(expr, a=pair("2d", "int32"))


# ---------------------------------------------------------------------------
# shares_memory / may_share_memory
# ---------------------------------------------------------------------------

SHARE_PAIRS = [
    ("a", "a"), ("a", "a[::2]"), ("a[::2]", "a[1::2]"), ("a", "a.copy()"), ("a[:5]", "a[5:]"),
    ("a[:6]", "a[5:]"), ("a[::-1]", "a"), ("a.reshape(3, 4).T", "a"), ("a[3:4]", "a[3:4]"),
    ("a.reshape(3, 4)[0]", "a.reshape(3, 4)[1]"), ("a.reshape(3, 4)[:, 0]", "a.reshape(3, 4)[:, 1]"),
    ("a", "b"), ("a[:0]", "a"), ("a.view('u1')[1::8]", "a.view('u1')[::8]"),
    ("a.reshape(3, 4)[:, ::2]", "a.reshape(3, 4)[:, 1::2]"), ("a[0:1]", "a[1:2]"),
]


@pytest.mark.parametrize("x,y", SHARE_PAIRS, ids=[f"{x}|{y}" for x, y in SHARE_PAIRS])
def test_shares_memory(x, y):
    src = P(rp.arange(12, dtype="f8"), np.arange(12, dtype="f8"))
    b = P(rp.arange(12, dtype="f8"), np.arange(12, dtype="f8"))
    check(f"m.shares_memory({x}, {y})", a=src, b=b)
    check(f"m.may_share_memory({x}, {y})", a=src, b=b)
    check(f"m.shares_memory({x}, {y}, max_work=None)", a=src, b=b)


# ---------------------------------------------------------------------------
# copyto
# ---------------------------------------------------------------------------

COPYTO = [
    "d, s", "d, s, casting='unsafe'", "d, s, casting='safe'", "d, s, casting='no'",
    "d, s, casting='equiv'", "d, s, casting='same_kind'", "d, s[0]", "d, s[:, :1]",
    "d, s[:2]", "d, s, where=w", "d, s, where=[True, False, True, False]", "d, s, where=False",
    "d, s, where=True", "d, 1", "d, 1.5", "d, 300", "d, -1", "d, 1j", "d, True",
    "d, [1, 2, 3, 4]", "d, [[1], [2], [3]]", "d, s.T", "d, s, casting='bad'",
    "d, 1.5, casting='unsafe'", "d, m.float32(2.5)", "d, s, where=s", "d[::-1], s",
    "d.T, s.T", "[1, 2], s", "d, float('nan'), casting='unsafe'",
]


@pytest.mark.parametrize("src", ["int64", "float64", "float32", "bool", "complex128", "uint8"])
@pytest.mark.parametrize("dst", ["float64", "int16", "uint8", "bool", "complex64", "float32"])
def test_copyto(dst, src):
    bad = []
    for args in COPYTO:
        nd = np.zeros((3, 4), dtype=dst)
        ns = make_pair("2d", src, nonneg=dst == "uint8")[0]
        nw = (np.arange(12).reshape(3, 4) % 3) == 0
        rd, rs, rw = to_rp(nd), to_rp(ns), to_rp(nw)
        out = both(f"m.copyto({args})", d=P(rd, nd), s=P(rs, ns), w=P(rw, nw))
        try:
            assert_outcomes(*out, msg=args)
            assert_same(rd, nd, msg=args)
        except AssertionError as e:
            bad.append(str(e)[:250])
    assert not bad, bad


# ---------------------------------------------------------------------------
# property: random basic indices on random shapes
# ---------------------------------------------------------------------------

_shape = st.lists(st.integers(0, 5), min_size=0, max_size=4).map(tuple)
_int_idx = st.integers(-6, 6)
_slice = st.builds(slice, st.none() | st.integers(-7, 7), st.none() | st.integers(-7, 7),
                   st.none() | st.integers(-3, 3).filter(bool))
_elem = st.one_of(_int_idx, _slice, st.none(), st.just(Ellipsis))


@HYP
@given(shape=_shape, idx=st.lists(_elem, max_size=5).map(tuple), reverse=st.booleans())
def test_random_basic_index_property(shape, idx, reverse):
    if idx.count(Ellipsis) > 1:
        idx = tuple(e for e in idx if e is not Ellipsis)
    nb = np.arange(int(np.prod(shape)), dtype=np.int32).reshape(shape)
    nb = np.array(nb)
    rb = to_rp(nb)
    n, r = (nb[..., ::-1], rb[..., ::-1]) if reverse and nb.ndim else (nb, rb)
    rv, nv = both("a[i]", a=P(r, n), i=idx)
    # (strides of empty arrays are covered by test_attributes; don't let that
    # one difference hide the others here)
    cmp = same_view if nb.size else assert_same
    assert_outcomes(rv, nv, compare=cmp, msg=f"shape {shape}[{idx}]")
    if isinstance(nv, np.ndarray):
        if nv.size:
            assert shares(rv, rb)
        rv[...] = -1
        nv[...] = -1
        assert_same(rb, nb)
    elif not isinstance(nv, Raised):
        out = both("a.__setitem__(i, -5)", a=P(r, n), i=idx)
        assert_outcomes(*out)
        assert_same(rb, nb)
