"""ndarray attributes and methods, and scalars from indexing, vs numpy."""

import copy
import itertools
import operator
import pickle
import string

import numpy as np
import pytest

import rumpy as rp
from conftest import (
    ALL_DTYPES, defined_strides, COMPLEX_DTYPES, Collector, FEW_DTYPES, INEXACT_DTYPES,
                      SHAPE_CASE_NAMES, UNSIGNED_DTYPES, VIEW_CASES, P,
                      assert_outcomes, assert_same, both, check, make_pair,
                      pair, shares, to_rp)

_NP_FLAGS = np.zeros(1).flags


def _numpy_flag_key(k):
    try:
        _NP_FLAGS[k]
    except KeyError:
        return False
    return True


# numpy's flag attributes, and every key its flags accept: the attribute names in upper case
# and the one- and two-letter abbreviations (found by asking numpy)
NP_FLAG_NAMES = [a for a in dir(_NP_FLAGS) if not a.startswith("_")]
NP_FLAG_KEYS = [k for k in [a.upper() for a in NP_FLAG_NAMES] + list(string.ascii_uppercase)
                + ["".join(p) for p in itertools.product(string.ascii_uppercase, repeat=2)]
                if _numpy_flag_key(k)]
# Known differences, compared by test_flags_known_differences alone. numpy's farray is true
# for every array that is not C-contiguous and has any of F_CONTIGUOUS, ALIGNED, WRITEABLE
# (its documentation says BEHAVED and F_CONTIGUOUS); rumpy follows the documentation.
FLAG_KNOWN_DIFFERENCES = {
    "num": "rumpy's flags have no num (numpy's flag bits as an int)",
    "farray": "rumpy's farray is false for non-contiguous arrays; numpy's is true",
    "FARRAY": "rumpy's flags['FARRAY'] is false for non-contiguous arrays; numpy's is true",
    "FA": "rumpy's flags['FA'] is false for non-contiguous arrays; numpy's is true",
}
# the SHAPE_CASES each difference shows on ("all": one case stands for every array)
FLAG_DIFFERS_ON = {"num": "all", "farray": {"strided", "negstride"},
                   "FARRAY": {"strided", "negstride"}, "FA": {"strided", "negstride"}}
FLAG_NAMES = [a for a in NP_FLAG_NAMES if a not in FLAG_KNOWN_DIFFERENCES]
FLAG_KEYS = [k for k in NP_FLAG_KEYS if k not in FLAG_KNOWN_DIFFERENCES]


def layout(a):
    """Everything about an array's layout that numpy exposes."""
    return {
        "shape": a.shape, "ndim": a.ndim, "size": a.size, "strides": defined_strides(a),
        "itemsize": a.itemsize, "nbytes": a.nbytes,
        **{f"flags.{f}": getattr(a.flags, f) for f in FLAG_NAMES},
        **{f"flags[{k!r}]": a.flags[k] for k in FLAG_KEYS},
        "base is None": a.base is None,
    }


def _flag_difference_params():
    out = []
    for flag, where in FLAG_DIFFERS_ON.items():
        for case in (SHAPE_CASE_NAMES[:1] if where == "all" else SHAPE_CASE_NAMES):
            marks = []
            if where == "all" or case in where:
                marks = [pytest.mark.xfail(strict=True, reason=FLAG_KNOWN_DIFFERENCES[flag])]
            out.append(pytest.param(flag, case, marks=marks, id=f"{flag}-{case}"))
    return out


@pytest.mark.parametrize("flag,case", _flag_difference_params())
def test_flags_known_differences(flag, case):
    """The flags left out of layout(), compared where rumpy agrees and strict xfails where it
    is known not to."""
    n, r, _, _ = make_pair(case, "float64")
    get = (lambda f: f[flag]) if flag.isupper() else (lambda f: getattr(f, flag))
    check_flags = both(lambda m: get((r if m is rp else n).flags))
    assert_outcomes(*check_flags, msg=f"flags {flag} on {case}")


def assert_same_layout(r, n):
    lr, ln = layout(r), layout(n)
    diff = {k: (lr[k], ln[k]) for k in ln if lr[k] != ln[k]}
    assert not diff, f"(rumpy, numpy) differ: {diff}"


def assert_same_array_and_layout(r, n):
    assert_same(r, n)
    lr, ln = layout(r), layout(n)
    keys = ["shape", "strides", "flags.c_contiguous", "flags.f_contiguous"]
    diff = {k: (lr[k], ln[k]) for k in keys if lr[k] != ln[k]}
    assert not diff, f"(rumpy, numpy) differ: {diff}"


# ---------------------------------------------------------------------------
# attributes
# ---------------------------------------------------------------------------

def test_attributes(dtype, shape_case):
    n, r, nb, rb = make_pair(shape_case, dtype)
    assert_same(r, n)
    assert_same_layout(r, n)
    assert r.dtype == n.dtype and r.dtype.str == n.dtype.str
    assert isinstance(r.dtype, rp.dtype)
    assert type(r.shape) is tuple and type(r.strides) is tuple
    assert all(type(x) is int for x in r.shape + r.strides)
    assert type(r.size) is int and type(r.ndim) is int and type(r.nbytes) is int


def test_base_of_views():
    n, r, nb, rb = make_pair("2d", "float64")
    assert rb.base is None and nb.base is None
    for idx in [(slice(1, None),), (0,), (Ellipsis, None), (slice(None, None, -1), 1)]:
        rv, nv = rb[idx], nb[idx]
        assert (rv.base is rb) == (nv.base is nb), idx
        rvv, nvv = rv[...], nv[...]
        assert (rvv.base is rb) == (nvv.base is nb), idx
    assert (rb.T.base is rb) == (nb.T.base is nb)
    assert (rb.reshape(-1).base is rb) == (nb.reshape(-1).base is nb)
    assert rb.copy().base is None


def test_transpose_attrs(dtype, shape_case):
    n, r, _, _ = make_pair(shape_case, dtype)
    assert_same_array_and_layout(r.T, n.T)
    if n.size:
        assert shares(r.T, r)
    check("a.mT", a=P(r, n), compare=assert_same_array_and_layout)


@pytest.mark.parametrize("case", ["0d", "1d", "2d", "negstride", "transposed"])
def test_real_imag(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    for part in ["real", "imag"]:
        rv, nv = getattr(r, part), getattr(n, part)
        assert_same_array_and_layout(rv, nv)
        assert rv.flags.writeable == nv.flags.writeable, part
        assert (rv is r) == (nv is n), part
        assert shares(rv, r) == np.shares_memory(nv, n), part


@pytest.mark.parametrize("dtype", COMPLEX_DTYPES)
def test_real_imag_write_through(dtype):
    n, r, _, _ = make_pair("2d", dtype)
    r.real[0, 1] = 100
    n.real[0, 1] = 100
    r.imag[1] = -7
    n.imag[1] = -7
    assert_same(r, n)


# ---------------------------------------------------------------------------
# copy / astype
# ---------------------------------------------------------------------------

def test_copy_order(dtype, shape_case):
    c = Collector()
    for order in ["C", "F", "A", "K"]:
        def one():
            n, r, nb, rb = make_pair(shape_case, dtype)
            rc, nc = r.copy(order=order), n.copy(order=order)
            assert_same_array_and_layout(rc, nc)
            assert rc.flags.owndata and rc.base is None
            if n.size:
                assert not shares(rc, rb)
            assert defined_strides(r.copy(order)) == defined_strides(nc), f"copy({order!r}) strides"
        c(one)
    c.done()


def _cast_data(src, dst):
    # negative inexact values cast to unsigned are undefined in C: avoid them
    return src in INEXACT_DTYPES and dst in UNSIGNED_DTYPES


@pytest.mark.parametrize("src", ALL_DTYPES)
@pytest.mark.parametrize("case", ["0d", "1d", "2d", "negstride", "transposed"])
def test_astype_values(src, case):
    bad = []
    for dst in ALL_DTYPES:
        n, r, _, _ = make_pair(case, src, nonneg=_cast_data(src, dst))
        rv, nv = both("a.astype(d)", a=P(r, n), d=dst)
        try:
            assert_outcomes(rv, nv)
            assert defined_strides(rv) == defined_strides(nv)
            assert rv.flags.owndata
        except AssertionError as e:
            bad.append((src, dst, str(e)[:300]))
    assert not bad, bad


@pytest.mark.parametrize("casting", ["no", "equiv", "safe", "same_kind", "unsafe"])
def test_astype_casting_kinds(casting):
    bad = []
    for src, dst in itertools.product(ALL_DTYPES, ALL_DTYPES):
        n, r, _, _ = make_pair("1d", src, nonneg=_cast_data(src, dst))
        rv, nv = both("a.astype(d, casting=c)", a=P(r, n), d=dst, c=casting)
        try:
            assert_outcomes(rv, nv)
        except AssertionError as e:
            bad.append((src, dst, str(e)[:200]))
    assert not bad, f"{len(bad)} mismatches: {bad[:20]}"


@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_astype_copy_false(dtype):
    n, r, _, _ = make_pair("2d", dtype)
    for d in [dtype, rp.dtype(dtype), getattr(rp, dtype)]:
        assert (r.astype(d, copy=False) is r) == (n.astype(dtype, copy=False) is n)
    assert r.astype(dtype) is not r
    other = "float32" if dtype != "float32" else "int16"
    rc = r.astype(other, copy=False)
    assert rc is not r
    assert_same(rc, n.astype(other, copy=False))


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
@pytest.mark.parametrize("case", ["2d", "transposed", "negstride", "3d"])
def test_astype_order(case, order):
    n, r, _, _ = make_pair(case, "int16")
    check("a.astype('f4', order=o)", a=P(r, n), o=order, compare=assert_same_array_and_layout)


def test_astype_complex_to_real_warns():
    n, r, _, _ = make_pair("1d", "complex128")
    with pytest.warns(Warning) as rw:
        rr = r.astype("float64")
    with pytest.warns(Warning) as nw:
        nn = n.astype("float64")
    assert_same(rr, nn)
    assert type(rw[0].message).__name__ == type(nw[0].message).__name__


# ---------------------------------------------------------------------------
# reshape / ravel / flatten / transpose / swapaxes / squeeze
# ---------------------------------------------------------------------------

def _reshape_targets(shape):
    size = int(np.prod(shape))
    t = [(-1,), (size,), (1, -1), (-1, 1), (size, 1, 1)]
    if len(shape) >= 2:
        t += [shape[::-1], (shape[0], -1), (-1, shape[-1])]
    if size == 24:
        t += [(4, 6), (2, 2, 2, 3), (3, -1, 2)]
    if size == 12:
        t += [(2, 6), (6, 2), (2, 3, 2)]
    if size == 6:
        t += [(2, 3), (3, 2)]
    if size == 0:
        t += [(0, 5), (3, 0, 2), (0, -1)] if shape != (0,) else [(0, 5)]
    return t


def _check_reshape(r, n, rb, nb, rv, nv, label):
    assert_outcomes(rv, nv, compare=assert_same_array_and_layout, msg=label)
    if isinstance(nv, np.ndarray) and nv.size:
        want = np.shares_memory(nv, nb)
        assert shares(rv, rb) == want, f"{label}: numpy shares memory: {want}"


@pytest.mark.parametrize("order", ["C", "F", "A"])
def test_reshape(shape_case, order):
    n, r, nb, rb = make_pair(shape_case, "int32")
    for target in _reshape_targets(n.shape):
        rv, nv = both("a.reshape(t, order=o)", a=P(r, n), t=target, o=order)
        _check_reshape(r, n, rb, nb, rv, nv, f"reshape({target}, order={order})")
        if order == "C":
            rv, nv = both("a.reshape(*t)", a=P(r, n), t=target)
            _check_reshape(r, n, rb, nb, rv, nv, f"reshape(*{target})")
            rv, nv = both("a.reshape(list(t))", a=P(r, n), t=target)
            _check_reshape(r, n, rb, nb, rv, nv, f"reshape(list({target}))")


@pytest.mark.parametrize("expr", [
    "a.reshape(5)", "a.reshape(-1, -1)", "a.reshape(5, -1)", "a.reshape((2, 2.0))",
    "a.reshape('a')", "a.reshape(3, 4, order='X')", "a.reshape(())", "a.reshape(0, -1)",
])
def test_reshape_errors(expr):
    check(expr, a=pair("2d", "float64"))


def test_reshape_view_writes_through():
    n, r, nb, rb = make_pair("2d", "float64")
    r.reshape(-1)[5] = 99.0
    n.reshape(-1)[5] = 99.0
    r.reshape(2, 6)[1, :2] = -3.0
    n.reshape(2, 6)[1, :2] = -3.0
    assert_same(r, n)


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
@pytest.mark.parametrize("method", ["ravel", "flatten"])
def test_ravel_flatten(shape_case, order, method):
    n, r, nb, rb = make_pair(shape_case, "int16")
    rv, nv = both(f"a.{method}(order=o)", a=P(r, n), o=order)
    assert_outcomes(rv, nv, compare=assert_same_array_and_layout)
    if nv.size:
        assert shares(rv, rb) == np.shares_memory(nv, nb)
    if method == "ravel" and order == "C":
        check("a.ravel()", a=P(r, n))


TRANSPOSE_EXPRS = ["a.transpose()", "a.transpose(None)"]
TRANSPOSE_EXPRS += [f"a.transpose{p}" for p in itertools.permutations(range(3))]
TRANSPOSE_EXPRS += [f"a.transpose({p})" for p in itertools.permutations(range(3))]
TRANSPOSE_EXPRS += ["a.transpose(1, 0)", "a.transpose((1, 0))", "a.transpose([1, 0])",
                    "a.transpose(-1, 0, 1)", "a.transpose(0, 0, 1)", "a.transpose(0, 1)",
                    "a.transpose(0, 1, 3)", "a.transpose(0, 1, -4)", "a.transpose(0)",
                    "a.transpose(())", "a.transpose(0.0, 1, 2)"]


@pytest.mark.parametrize("case", ["0d", "1d", "2d", "3d", "transposed", "negstride", "empty3d"])
@pytest.mark.parametrize("expr", TRANSPOSE_EXPRS)
def test_transpose(case, expr):
    check(expr, a=pair(case, "float32"), compare=assert_same_array_and_layout)


SWAP_EXPRS = ["a.swapaxes(0, 1)", "a.swapaxes(1, 0)", "a.swapaxes(-1, 0)", "a.swapaxes(0, 0)",
              "a.swapaxes(0, 2)", "a.swapaxes(2, -3)", "a.swapaxes(0, 3)", "a.swapaxes(-4, 0)"]


@pytest.mark.parametrize("case", ["1d", "2d", "3d", "strided", "empty3d"])
@pytest.mark.parametrize("expr", SWAP_EXPRS)
def test_swapaxes(case, expr):
    check(expr, a=pair(case, "uint8"), compare=assert_same_array_and_layout)


@pytest.mark.parametrize("shape", [(), (1,), (3,), (1, 3), (3, 1), (1, 1), (1, 3, 1, 2),
                                   (2, 1, 0), (1, 0, 1)])
@pytest.mark.parametrize("axis", [None, 0, 1, -1, (0, 2), (0, -1), 3, (), (0, 0)], ids=repr)
def test_squeeze(shape, axis):
    nb = np.arange(int(np.prod(shape)), dtype="i2").reshape(shape)
    n = np.array(nb)
    r = rp.array(n.tolist(), dtype="i2") if n.size else rp.zeros(shape, dtype="i2")
    r = r.reshape(shape)
    check("a.squeeze(ax)", a=P(r, n), ax=axis, compare=assert_same_array_and_layout)
    if axis is None:
        check("a.squeeze()", a=P(r, n), compare=assert_same_array_and_layout)
        check("a.squeeze(axis=None)", a=P(r, n), compare=assert_same_array_and_layout)


# ---------------------------------------------------------------------------
# view(dtype)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("src", ALL_DTYPES)
@pytest.mark.parametrize("case", ["0d", "1d", "2d", "3d", "strided", "transposed", "empty3d"])
def test_view_dtype(src, case):
    bad = []
    for dst in ALL_DTYPES:
        if dst == "bool" and src != "bool":
            continue  # bytes other than 0/1 are not valid bools
        n, r, nb, rb = make_pair(case, src)
        rv, nv = both("a.view(d)", a=P(r, n), d=dst)

        def cmp(x, y):
            ra = np.asarray(x)
            assert ra.dtype == y.dtype and ra.shape == y.shape
            assert defined_strides(ra) == defined_strides(y)
            assert ra.tobytes() == y.tobytes()
        try:
            assert_outcomes(rv, nv, compare=cmp, msg=f"view {src}->{dst}")
        except AssertionError as e:
            bad.append(str(e)[:300])
    assert not bad, bad


@pytest.mark.parametrize("dst", ["int8", "uint16", "float32", "complex128", "int64"])
def test_view_dtype_shares_and_writes(dst):
    n, r, nb, rb = make_pair("2d", "float64")
    rv, nv = r.view(dst), n.view(dst)
    assert shares(rv, rb)
    assert rv.base is not None
    rv[0, 0] = 1
    nv[0, 0] = 1
    assert_same(r, n)


def test_view_type_ndarray():
    n, r, _, _ = make_pair("2d", "float64")
    assert_same(r.view(), n.view())
    assert_same(r.view(rp.ndarray), n.view(np.ndarray))
    assert_same(r.view(rp.int64), n.view(np.int64))
    assert_same(r.view(dtype="i4"), n.view(dtype="i4"))


# ---------------------------------------------------------------------------
# fill / item / tolist / len / iter / conversions
# ---------------------------------------------------------------------------

FILL_VALUES = [0, 1, -1, 7, 300, -300, 2**40, 1.7, -2.5, float("nan"), float("inf"), True,
               False, 1 + 2j, 1 + 0j]


@pytest.mark.parametrize("case", ["0d", "2d", "negstride"])
def test_fill(dtype, case):
    c = Collector()
    for value in FILL_VALUES:
        def one():
            n, r, nb, rb = make_pair(case, dtype)
            rr, nr = both("(a.fill(v), a)[1]", a=P(r, n), v=value)
            assert_outcomes(rr, nr, msg=f"fill({value!r})")
            assert_same(rb, nb, msg=f"base after fill({value!r})")  # written through the view
        c(one)
    c.done()


@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_fill_with_scalars_and_arrays(dtype):
    n, r, _, _ = make_pair("2d", dtype)
    check("(a.fill(m.float32(2.5)), a)[1]", a=P(r.copy(), n.copy()))
    check("(a.fill(m.int8(-3)), a)[1]", a=P(r.copy(), n.copy()))
    check("(a.fill(m.array(4)), a)[1]", a=P(r.copy(), n.copy()))
    check("(a.fill(m.array([4, 5])), a)[1]", a=P(r.copy(), n.copy()))


ITEM_ARGS = [(), (0,), (3,), (-1,), (5,), (100,), (0, 0), (1, 2), (-1, -1), (2, 0), (0, 5),
             (0, 0, 0), ((1, 2),), (1.0,)]


@pytest.mark.parametrize("case", ["0d", "1d", "2d", "transposed", "empty", "negstride"])
def test_item(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    for args in ITEM_ARGS:
        check("a.item(*args)", a=P(r, n), args=args)
    for shape in [(1,), (1, 1)]:
        n1 = np.array(n.reshape(-1)[:1].reshape(shape)) if n.size else np.zeros(shape, dtype)
        check("a.item()", a=P(to_rp(n1), n1))


def test_tolist(dtype, shape_case):
    n, r, _, _ = make_pair(shape_case, dtype)
    check("a.tolist()", a=P(r, n))


def test_len_and_iter(dtype, shape_case):
    n, r, _, _ = make_pair(shape_case, dtype)
    check("len(a)", a=P(r, n))
    check("list(a)", a=P(r, n))
    check("list(iter(a))", a=P(r, n))
    if n.ndim >= 1 and len(n):
        check("[x for x in a][-1]", a=P(r, n))
        check("next(iter(a))", a=P(r, n))


CONVERSIONS = ["bool(a)", "int(a)", "float(a)", "complex(a)", "operator.index(a)",
               "range(5)[a]", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15][a]"]


@pytest.mark.parametrize("shape", [(), (1,), (1, 1), (0,), (3,), (2, 2)], ids=str)
def test_scalar_conversions(dtype, shape):
    n = np.full(shape, True if dtype == "bool" else 3, dtype=dtype)
    r = to_rp(n)
    c = Collector()
    for expr in CONVERSIONS:
        c(check, expr, a=P(r, n), operator=operator)
    c.done()


@pytest.mark.parametrize("expr", CONVERSIONS[:4])
def test_scalar_conversions_special_values(expr):
    for v in [float("nan"), float("inf"), -0.0, 2.5e300, -7.9]:
        check(expr, a=P(rp.array(v), np.array(v)))
    check(expr, a=P(rp.array(1.5 - 2j), np.array(1.5 - 2j)))


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
def test_copy_module_and_pickle(dtype, case):
    n, r, nb, rb = make_pair(case, dtype)
    for f in [copy.copy, copy.deepcopy, lambda x: pickle.loads(pickle.dumps(x)),
              lambda x: pickle.loads(pickle.dumps(x, protocol=5))]:
        rc, nc = f(r), f(n)
        assert_same_array_and_layout(rc, nc)
        assert type(rc) is type(r)
        if n.size:
            assert not shares(rc, rb)
        assert rc.flags.writeable


def test_pickle_scalars(dtype):
    n, r, _, _ = make_pair("1d", dtype)
    for f in [copy.copy, copy.deepcopy, lambda x: pickle.loads(pickle.dumps(x))]:
        assert_same(f(r[1]), f(n[1]))


# ---------------------------------------------------------------------------
# scalars from indexing
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["0d", "1d", "2d", "3d", "negstride", "transposed"])
def test_indexing_returns_scalars(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    idx = (0,) * n.ndim
    for i in [idx, tuple(-1 for _ in idx)]:
        rs, ns = r[i], n[i]
        assert_same(rs, ns)
        assert type(rs) is getattr(rp, type(ns).__name__)
        assert isinstance(rs, rp.generic)
        assert hash(rs) == hash(ns)
    if n.ndim == 1:
        for i in range(-len(n), len(n)):
            assert_same(r[i], n[i])


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_scalar_attributes(dtype):
    n, r, _, _ = make_pair("1d", dtype)
    rs, ns = r[2], n[2]
    assert_same(rs.dtype, ns.dtype)
    assert rs.shape == ns.shape == () and rs.ndim == ns.ndim and rs.size == ns.size
    assert rs.itemsize == ns.itemsize
    assert_same(rs.item(), ns.item())
    assert_same(rs.tolist(), ns.tolist())
    for conv in (bool, float, complex):
        check(f"{conv.__name__}(s)", s=P(rs, ns))
    check("int(s)", s=P(rs, ns))
    assert_same(rs.real, ns.real)
    assert_same(rs.imag, ns.imag)


def test_float64_scalar_is_python_float():
    r = rp.array([1.5, 2.5])[0]
    assert isinstance(r, float) and type(r).__name__ == "float64"
    assert r + 1 == 2.5
    assert issubclass(rp.float64, float)
    assert isinstance(rp.array([1 + 2j])[0], complex)
    assert not isinstance(rp.array([1])[0], int)


# NumPy's scalars have the array methods (run on a 0-d array, 0-d results as scalars), and
# byteswap swaps each item's bytes (each part of a complex, each field of a record).
SCALARS = ["m.bool(True)", "m.int8(-5)", "m.uint16(300)", "m.float32(2.5)", "m.float64(-3.0)",
           "m.complex128(1 - 2j)", "m.float16(0.5)"]
SCALAR_CALLS = ["all()", "any()", "argmax()", "argmin()", "argsort()", "byteswap()", "copy()",
                "cumsum()", "cumprod()", "flatten()", "max()", "min()", "mean()", "prod()",
                "ravel()", "repeat(2)", "reshape(1, 1)", "squeeze()", "std()", "sum()",
                "take(0)", "tobytes()", "transpose()", "var()", "clip(0, 1)", "nonzero()",
                "flags.writeable", "device", "tolist()", "item()", "view(m.uint8)"]


@pytest.mark.parametrize("call", SCALAR_CALLS)
@pytest.mark.parametrize("scalar", SCALARS)
def test_scalar_array_methods(scalar, call):
    check(f"{scalar}.{call}")


@pytest.mark.parametrize("expr", [
    "m.array([1, 256], dtype=m.int16).byteswap()",
    "m.arange(6, dtype='>i4').reshape(2, 3)[:, ::-1].byteswap()",
    "m.array([1 + 2j, -3.5j], dtype=m.complex64).byteswap()",
    "m.array([1.5, -2.0]).byteswap()",
    "m.array([True, False]).byteswap()",
    "m.array([b'ab']).byteswap()",
    "m.array(['ab']).byteswap().view('u4')",
    "m.array(['2020-01-01'], 'M8[D]').byteswap().view('i8')",
    "m.array([(1, 2.5)], dtype='i2,f4').byteswap()",
    "m.array([(1, [2.5, 1])], dtype=[('a', 'i2'), ('b', 'f4', (2,))]).byteswap()",
    "m.zeros(0, 'i8').byteswap()",
    "m.array(7, 'u2').byteswap()",
])
def test_byteswap(expr):
    check(expr)


def test_byteswap_inplace():
    for m in (np, rp):
        a = m.array([1, 2], dtype="i2")
        assert a.byteswap(inplace=True) is a
        assert a.tolist() == [256, 512]
