"""The fast paths of the speed work, against numpy: operators that compute into a temporary
operand's buffer (temporary elision), integer floor division and remainder by a scalar
(division as multiplication), and float32 sin/cos computed in float32."""

import operator

import numpy as np
import pytest

import rumpy as rp
from conftest import assert_same

# Large enough for elision (NumPy's threshold is 256 KiB).
N = 40_000

ELIDED_OPS = ["+", "-", "*", "/", "//", "%", "&", "|", "^", "<<", ">>"]
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
       "//": operator.floordiv, "%": operator.mod, "&": operator.and_, "|": operator.or_,
       "^": operator.xor, "<<": operator.lshift, ">>": operator.rshift}


def arrays(m, dtype, n=N, k=3):
    rng = np.random.default_rng(7)
    out = []
    for _ in range(k):
        x = rng.integers(1, 60, n) if np.dtype(dtype).kind in "iub" else rng.random(n) + 0.5
        x = x.astype(dtype)
        out.append(m.asarray(x.copy()) if m is rp else x)
    return out


def both(fn, dtype, **kw):
    """fn(module, a, b, c) with each library's arrays; numpy's outcome (or error) is truth."""
    res = {}
    for m in (np, rp):
        a, b, c = arrays(m, dtype, **kw)
        try:
            res[m] = ("ok", fn(m, a, b, c), (a, b, c))
        except Exception as e:  # noqa: BLE001 - the classes are compared below
            res[m] = ("err", type(e).__name__, None)
    n, r = res[np], res[rp]
    assert n[0] == r[0], (n, r)
    if n[0] == "err":
        assert n[1] == r[1]
        return None
    assert_same(r[1], n[1])
    # The operands a user named are never written.
    for x, y in zip(r[2], n[2]):
        assert_same(x, y)
    return r[1]


def applicable(op, dtype):
    kind = np.dtype(dtype).kind
    if op in "&|^<<>>" and kind not in "iu":
        return False
    if op in ("//", "%") and kind == "c":
        return False
    return True


DTYPES = ["float64", "float32", "int64", "int32", "uint8", "complex128", "float16"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("op", ELIDED_OPS)
def test_chain_through_temporary(op, dtype):
    if not applicable(op, dtype):
        pytest.skip("no loop")
    f = OPS[op]
    with np.errstate(all="ignore"), rp.errstate(all="ignore"):
        both(lambda m, a, b, c: f(a * b, c), dtype)        # temporary on the left
        both(lambda m, a, b, c: f(c, a * b), dtype)        # temporary on the right
        both(lambda m, a, b, c: f(f(a * b, c), a), dtype)  # two in a row
        both(lambda m, a, b, c: f(a + b, 3), dtype)        # with a Python scalar
        both(lambda m, a, b, c: f(a + b, m.dtype(dtype).type(3)), dtype)  # a scalar of its type
        both(lambda m, a, b, c: f(a + b, m.float64(3)), dtype)  # one that may promote


@pytest.mark.parametrize("dtype", ["float64", "int64"])
def test_named_operands_untouched(dtype):
    def fn(m, a, b, c):
        x = a * b
        y = x + c
        return m.stack([x, y])
    both(fn, dtype)


def test_promotion_is_not_elided():
    # The result dtype differs from the temporary's: a fresh array.
    both(lambda m, a, b, c: (a * b) + c.astype("float64"), "float32")
    both(lambda m, a, b, c: (a * b) / c, "int64")
    both(lambda m, a, b, c: (a * b) + 1.5, "int32")
    both(lambda m, a, b, c: (a * b) + 1j, "float64")
    both(lambda m, a, b, c: (a * b) < c, "float64")


@pytest.mark.parametrize("op", ["+", "-", "*", "/", "//", "%", "&", "<<"])
def test_byte_swapped_temporary(op):
    # NumPy computes into a byte-swapped temporary where it elides (its result keeps the byte
    # order) and gives a native result elsewhere: the same dtypes either way.
    f = OPS[op]
    dt = "int32" if op in "&<<" else "float64"
    be = ">i4" if dt == "int32" else ">f8"
    with np.errstate(all="ignore"), rp.errstate(all="ignore"):
        both(lambda m, a, b, c: f(a.astype(be), b.astype(be)), dt)
        both(lambda m, a, b, c: f(a.astype(be), b), dt)
        both(lambda m, a, b, c: f(b, a.astype(be)), dt)
        both(lambda m, a, b, c: f(a.astype(be), 3), dt)
        both(lambda m, a, b, c: f(a.astype(be), m.dtype(dt).type(3)), dt)
        both(lambda m, a, b, c: f(a.astype(be), b[:1]), dt)


def test_broadcast_temporary():
    # The temporary is smaller than the result: it cannot hold it.
    both(lambda m, a, b, c: (a[:200] * b[:200])[:, None] + c[:300], "float64")
    both(lambda m, a, b, c: c[:300, None] + (a[:200] * b[:200]), "float64")


def test_views_are_not_written():
    def fn(m, a, b, c):
        t = a * b
        v = t[::2]
        del t
        return m.stack([v, v]) + 0  # v's buffer is shared
    both(fn, "float64")


def test_result_flags():
    def flags(m, a, b, c):
        r = a * b + c
        return m.asarray([r.flags.owndata, r.base is None, r.flags.writeable])
    both(flags, "float64")


def test_sum_of_list():
    both(lambda m, a, b, c: sum([a, b, c]), "float64")
    both(lambda m, a, b, c: sum([a * b, b, c]), "int64")


def test_error_halfway():
    # An overflowing scalar raises before any item is written.
    def fn(m, a, b, c):
        return (a * b) + 10**30
    both(fn, "int32")


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "int64", "uint8", "uint16",
                                   "uint32", "uint64"])
def test_divide_by_scalar(dtype):
    info = np.iinfo(dtype)
    rng = np.random.default_rng(3)
    x = rng.integers(info.min, info.max, 5000, dtype=dtype, endpoint=True)
    x[:4] = [info.min, info.max, 0, 1 if info.min == 0 else -1]
    divisors = [1, 2, 3, 7, 10, 64, 100, 127, int(info.max), int(info.max) // 3 + 1]
    if info.min < 0:
        divisors += [-1, -2, -3, -7, -128, int(info.min), int(info.min) + 1, 0]
    else:
        divisors += [0]
    for d in divisors:
        d = np.array(d, dtype)[()]
        for k in (slice(None), slice(None, None, -1), slice(1, None, 3)):
            with np.errstate(all="ignore"), rp.errstate(all="ignore"):
                n = (x[k] // d, x[k] % d, np.divmod(x[k], d))
                rx = rp.asarray(x.copy())[k]
                r = (rx // d, rx % d, rp.divmod(rx, d))
            for a, b in zip(r[:2], n[:2]):
                assert_same(a, b)
            for a, b in zip(r[2], n[2]):
                assert_same(a, b)
            # divmod into its own operand (quotient or remainder written over it)
            for k in (0, 1):
                with np.errstate(all="ignore"), rp.errstate(all="ignore"):
                    y, ry = x.copy(), rp.asarray(x.copy())
                    outs = [np.empty_like(y), np.empty_like(y)]
                    routs = [rp.empty_like(ry), rp.empty_like(ry)]
                    outs[k], routs[k] = y, ry
                    np.divmod(y, d, out=tuple(outs))
                    rp.divmod(ry, d, out=tuple(routs))
                for a, b in zip(routs, outs):
                    assert_same(a, b)
        # In place, and the warnings NumPy gives (division by zero).
        y, ry = x.copy(), rp.asarray(x.copy())
        with np.errstate(all="raise"), rp.errstate(all="raise"):
            try:
                y //= d
                ne = None
            except FloatingPointError as e:
                ne = type(e)
            try:
                ry //= d
                re = None
            except FloatingPointError as e:
                re = type(e)
        assert ne == re
        if ne is None:
            assert_same(ry, y)


@pytest.mark.parametrize("fn", ["sin", "cos"])
def test_float32_trig_within_one_ulp(fn):
    rng = np.random.default_rng(5)
    parts = [rng.uniform(-4, 4, 20000), rng.uniform(-1e5, 1e5, 20000),
             (np.arange(1, 40000) * np.pi / 2), [0.0, -0.0, 1e-40, -1e-30, 2.0**-63, np.inf,
                                                 -np.inf, np.nan, 71475.9, 71476.1, 3e38]]
    x = np.concatenate([np.asarray(p, np.float64) for p in parts]).astype(np.float32)
    with np.errstate(all="ignore"), rp.errstate(all="ignore"):
        want = getattr(np, fn)(x.astype(np.float64)).astype(np.float32)  # correctly rounded
        got = np.asarray(getattr(rp, fn)(rp.asarray(x)))
        ref = getattr(np, fn)(x)
    assert got.dtype == ref.dtype == np.float32
    fin = np.isfinite(want)
    assert np.array_equal(np.isnan(got), np.isnan(ref))
    gi = got[fin].view(np.int32).astype(np.int64)
    wi = want[fin].view(np.int32).astype(np.int64)
    gi = np.where(gi < 0, np.iinfo(np.int32).min - gi, gi)
    wi = np.where(wi < 0, np.iinfo(np.int32).min - wi, wi)
    assert np.abs(gi - wi).max() <= 1
    # Zeros keep their sign as numpy's do.
    z = np.float32([0.0, -0.0])
    assert np.array_equal(np.signbit(np.asarray(getattr(rp, fn)(rp.asarray(z)))),
                          np.signbit(getattr(np, fn)(z)))


LISTS = {
    "floats": [1.5, -0.0, float("nan"), float("inf"), 1e308, 5e-324],
    "ints": [0, -1, 2**63 - 1, -(2**63), 7],
    "big int": [1, 2**63],
    "big ints": [2**63, 2**64 - 1],
    "negative and big": [-1, 2**63],
    "beyond uint64": [1, 2**64],
    "float then int": [1.5, 2],
    "int then float": [1, 2.5],
    "bools": [True, False],
    "int then bool": [1, True],
    "float then numpy-like": [1.0, "2"],
    "nested": [[1.0, 2.0], [3.0, 4.0]],
    "one": [3.25],
}


@pytest.mark.parametrize("dtype", [None, "float64", "int64", "float32", "object", "int8"])
@pytest.mark.parametrize("case", sorted(LISTS))
def test_list_to_array(case, dtype):
    values = LISTS[case]
    out = {}
    for m in (np, rp):
        try:
            with np.errstate(all="ignore"), rp.errstate(all="ignore"):
                out[m] = ("ok", m.array(values, dtype=dtype))
        except Exception as e:  # noqa: BLE001 - the classes are compared below
            out[m] = ("err", type(e).__name__)
    assert out[np][0] == out[rp][0], (out[np], out[rp])
    if out[np][0] == "ok":
        assert_same(out[rp][1], out[np][1])
    else:
        assert out[np][1] == out[rp][1]


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint64", "int64", "float16", "float32",
                                   "float64", "complex64", ">f8", "<i4"])
@pytest.mark.parametrize("key", [(), (slice(None, None, -1),), (slice(None), 1),
                                 (slice(None, None, 2), slice(None))])
def test_tolist(dtype, key):
    x = (np.arange(24).reshape(4, 6) * 1.25 - 7).astype(dtype)
    r = rp.asarray(x.copy())
    for a, b in [(x, r), (x[key], r[key]), (x[:, :0], r[:, :0]), (x[0, 0], r[0, 0])]:
        got, want = b.tolist(), a.tolist()
        assert got == want

        def leaves(v):
            return [t for w in v for t in leaves(w)] if isinstance(v, list) else [type(v)]
        assert leaves(got) == leaves(want)


# -- per-call paths: items and views read in place -------------------------------------------

REC = [("value", "f8"), ("n", "i4"), ("tag", "S3")]


def _records(m):
    a = m.zeros(4, dtype=m.dtype(REC))
    a["value"] = [1.5, 2.5, 3.5, 4.5]
    a["n"] = [1, 2, 3, 4]
    a["tag"] = [b"a", b"bb", b"ccc", b"d"]
    return a


@pytest.mark.parametrize("i", [0, 2, -1, -4, 4, -5])
def test_record_scalar_reads_and_writes_through(i):
    res = {}
    for m in (np, rp):
        a = _records(m)
        try:
            s = a[i]
        except IndexError as e:
            res[m] = ("IndexError", str(e))
            continue
        before = (type(s).__name__, s.dtype.str if hasattr(s.dtype, "str") else str(s.dtype),
                  s.item(), repr(s), len(s), s["n"], s[0])
        s["value"] = 9.25          # writes into the array
        s[1] = 7
        a[i] = (0.5, 5, b"zz")     # the scalar sees the array's new item
        res[m] = (before, s.item(), np.asarray(a).tobytes())
    assert res[rp] == res[np]


def test_record_scalar_outlives_its_array_and_pickles():
    import pickle
    out = {}
    for m in (np, rp):
        a = _records(m)
        s = a[1]
        del a
        t = pickle.loads(pickle.dumps(s))
        out[m] = (s.item(), t.item(), t == s, s.base is None)
    assert out[rp] == out[np]
    r = _records(rp).view(rp.recarray)[3]
    n = _records(np).view(np.recarray)[3]
    assert (type(r).__name__, r.value, r.tag) == (type(n).__name__, n.value, n.tag)


def test_raw_void_items():
    for m in (np, rp):
        a = m.frombuffer(b"abcdefgh", dtype="V4")
        assert (a[1].tobytes(), a[-2].tobytes()) == (b"efgh", b"abcd")


@pytest.mark.parametrize("key", [slice(1, -1, 2), slice(None, None, -3), slice(5, 2, -1),
                                 slice(-100, 100), slice(3, 3), slice(None, None, 0)])
@pytest.mark.parametrize("shape", [(10,), (6, 3), (0,), ()])
def test_first_axis_slices_and_transposes(key, shape):
    out = {}
    for m in (np, rp):
        # (Each library's own array: numpy gives empty arrays zero strides, which neither
        # its buffer nor its array interface passes on.)
        a = m.arange(int(np.prod(shape)), dtype="f4").reshape(shape)
        try:
            v = a[key]
        except Exception as e:  # noqa: BLE001 - the class is compared
            out[m] = type(e).__name__
            continue
        t = v.T
        w = a.view()
        out[m] = (v.shape, v.strides, v.flags.c_contiguous, v.flags.f_contiguous,
                  v.flags.owndata, np.asarray(v).tobytes(), t.shape, t.strides,
                  t.flags.c_contiguous, t.flags.f_contiguous, w.flags.owndata,
                  v.base is a, w.base is a)
        if v.size:
            v.flat[0] = -1                       # a view writes into its parent
            out[m] += (np.asarray(a).tobytes(),)
    assert out[rp] == out[np]


@pytest.mark.parametrize("dtype", ["b1", "i1", "u2", "i8", "f2", "f4", "f8", "c8", "c16"])
@pytest.mark.parametrize("value", [3, -1, 2.5, 1e10, True, 1 + 2j])
def test_item_set_and_get_on_1d(dtype, value):
    out = {}
    for m in (np, rp):
        a = m.zeros(5, dtype)
        try:
            import warnings
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                a[3] = value
                a[-5] = value
            out[m] = (np.asarray(a).tobytes(), [x.category.__name__ for x in w], repr(a[3]),
                      type(a[-5]).__name__)
        except Exception as e:  # noqa: BLE001 - the class is compared
            out[m] = type(e).__name__
    assert out[rp] == out[np]
