"""NumPy's override protocols, both ways: NumPy's ufuncs and functions given rumpy arrays
return rumpy arrays (NEP 13, NEP 18, NEP 35's like=), out= crosses the libraries, mixed
operators give rumpy whichever side NumPy is on, and rumpy's ufuncs and operators hand calls
to operands that override them (pandas, xarray, masked arrays, classes with
__array_ufunc__ or __array_priority__), as NumPy's do."""

import operator
import pickle

import numpy as np
import pytest

import rumpy as rp

UFUNCS = sorted(
    (n for n in dir(np) if isinstance(getattr(np, n), np.ufunc) and getattr(np, n).nin <= 2
     and getattr(np, n).signature is None),
)


def same(r, n):
    """rumpy's result `r` is rumpy's and equals NumPy's `n` (value, dtype, shape)."""
    if isinstance(n, tuple):
        assert isinstance(r, tuple) and len(r) == len(n)
        for a, b in zip(r, n):
            same(a, b)
        return
    assert type(r).__module__.split(".")[0] == "rumpy", type(r)
    got = np.asarray(r)
    assert got.dtype == np.asarray(n).dtype
    assert got.shape == np.shape(n)
    if got.dtype.kind in "fc":
        # Transcendental loops may differ from NumPy's in the last bit.
        np.testing.assert_allclose(got, n, rtol=1e-14, atol=0)
    else:
        np.testing.assert_array_equal(got, n)


def operands(ufunc):
    """Inputs NumPy's loops take: floats where a float loop exists, else ints."""
    f = [np.array([0.5, 1.5, -2.0, 3.0]), np.array([2.0, 0.25, 4.0, -1.0])]
    i = [np.array([1, 6, 3, 12]), np.array([2, 3, 1, 4])]
    if ufunc is np.isnat:
        return [np.array(["2020-01-01", "NaT"], dtype="M8[D]")]
    if ufunc is np.ldexp:
        return [f[0], i[1]]
    chars = {t.split("->")[0][0] for t in ufunc.types}
    return f[: ufunc.nin] if "d" in chars else i[: ufunc.nin]


@pytest.mark.parametrize("name", UFUNCS)
def test_numpy_ufunc_on_rumpy_arrays(name):
    u = getattr(np, name)
    ins = operands(u)
    with np.errstate(all="ignore"), rp.errstate(all="ignore"):
        want = u(*ins)
        got = u(*[rp.asarray(x) for x in ins])
        mixed = u(*[rp.asarray(x) if k == 0 else x for k, x in enumerate(ins)])
    same(got, want)
    same(mixed, want)


@pytest.mark.parametrize("dtype", ["f8", "f4", "i8", "u1", "c16", "?"])
@pytest.mark.parametrize("op", [operator.add, operator.mul, operator.eq, operator.lt])
def test_mixed_operators_give_rumpy_on_either_side(dtype, op):
    n = np.arange(6).reshape(2, 3).astype(dtype)
    m = np.arange(3)[::-1].astype(dtype)
    for a, b in [(rp.asarray(n), m), (n, rp.asarray(m))]:
        same(op(a, b), op(n, m))


def test_inplace_operator_with_numpy_operand():
    n = np.arange(4.0)
    r = rp.asarray(n.copy())
    before = r
    r += n
    assert r is before
    same(r, n + n)
    n2 = n.copy()
    n2 += rp.arange(4.0)
    assert type(n2) is np.ndarray
    np.testing.assert_array_equal(n2, n + n)


@pytest.mark.parametrize("method, args, kwargs", [
    ("reduce", (), {}),
    ("reduce", (), {"axis": 1, "keepdims": True}),
    ("reduce", (), {"axis": None}),
    ("accumulate", (), {"axis": 1}),
    ("reduceat", ([0, 2],), {"axis": 1}),
    ("outer", "self", {}),
])
def test_numpy_ufunc_methods_on_rumpy_arrays(method, args, kwargs):
    n = np.arange(12.0).reshape(3, 4)
    r = rp.asarray(n)
    if args == "self":
        want = getattr(np.add, method)(n, n, **kwargs)
        got = getattr(np.add, method)(r, r, **kwargs)
    else:
        want = getattr(np.add, method)(n, *args, **kwargs)
        got = getattr(np.add, method)(r, *args, **kwargs)
    same(got, want)


def test_numpy_ufunc_at_on_rumpy_array():
    n = np.zeros(5)
    r = rp.zeros(5)
    np.add.at(n, [0, 0, 3], 1.0)
    assert np.add.at(r, [0, 0, 3], 1.0) is None
    same(r, n)


def test_out_crosses_the_libraries():
    n = np.arange(5.0)
    r = rp.arange(5.0)
    out_np = np.empty(5)
    assert rp.add(r, r, out=out_np) is out_np
    np.testing.assert_array_equal(out_np, n + n)
    out_rp = rp.empty(5)
    assert np.multiply(n, n, out=out_rp) is out_rp
    same(out_rp, n * n)
    out_rp = rp.empty(5)
    assert np.multiply(n, r, out=(out_rp,)) is out_rp
    same(out_rp, n * n)
    # Reductions and functions.
    o = np.zeros(())
    assert rp.add.reduce(r, out=o) is o
    assert o == n.sum()
    o2 = rp.zeros(4)
    m = np.arange(20.0).reshape(5, 4)
    assert np.sum(m, axis=0, out=o2) is o2
    same(o2, m.sum(axis=0))
    o3 = np.zeros(4)
    assert np.add.reduce(rp.asarray(m), axis=0, out=o3) is o3
    np.testing.assert_array_equal(o3, m.sum(axis=0))


def test_out_refuses_what_numpy_refuses():
    r = rp.arange(3.0)
    for bad in ([0, 0, 0], bytearray(24)):
        with pytest.raises(TypeError):
            np.add(np.arange(3.0), np.arange(3.0), out=bad)
        with pytest.raises(TypeError):
            rp.add(r, r, out=bad)
    ro = np.zeros(3)
    ro.flags.writeable = False
    with pytest.raises(ValueError):
        np.add(np.arange(3.0), 1, out=ro)
    with pytest.raises(ValueError):
        rp.add(r, 1, out=ro)


@pytest.mark.parametrize("expr", [
    "np.sum(a)", "np.sum(a, axis=0)", "np.mean(a, axis=1)", "np.std(a)", "np.max(a)",
    "np.argmax(a)", "np.cumsum(a, axis=1)", "np.sort(a[::-1], axis=0)",
    "np.concatenate([a, b])", "np.stack([a, b])", "np.where(a > 3, a, b)",
    "np.reshape(a, (4, 3))", "np.transpose(a)", "np.clip(a, 2, 5)", "np.unique(a)",
    "np.round(a / 3, 2)", "np.isclose(a, b)", "np.diff(a)", "np.median(a)",
    "np.percentile(a, 30)", "np.nonzero(a)", "np.broadcast_arrays(a, b[0])",
    "np.zeros_like(a)", "np.full_like(a, 7)", "np.copy(a)", "np.count_nonzero(a)",
    "np.searchsorted(a.ravel(), [3, 5])", "np.histogram(a, bins=3)",
])
def test_numpy_functions_run_rumpys(expr):
    n = np.arange(12.0).reshape(3, 4)
    m = np.arange(12.0)[::-1].reshape(3, 4)
    want = eval(expr, {"np": np, "a": n, "b": m})
    got = eval(expr, {"np": np, "a": rp.asarray(n), "b": rp.asarray(m)})
    same(tuple(got) if isinstance(got, list) else got,
         tuple(want) if isinstance(want, list) else want)


def test_numpy_function_results_are_rumpy_scalars():
    r = rp.arange(5, dtype="i4")
    s = np.sum(r)
    assert type(s) is rp.int64
    assert s == 10


@pytest.mark.parametrize("name", ["float32", "float64", "int8", "uint64", "complex64", "bool"])
@pytest.mark.parametrize("expr", ["np.add(s, 2)", "np.sqrt(s)", "np.multiply(3, s)",
                                  "np.maximum(s, np.float32(0.5))", "np.mean(s)",
                                  "np.add.reduce(s, axis=None)"])
def test_numpy_on_rumpy_scalars_computes_in_rumpy(name, expr):
    ns = getattr(np, name)(1)
    rs = getattr(rp, name)(1)
    with np.errstate(all="ignore"), rp.errstate(all="ignore"):
        want = eval(expr, {"np": np, "s": ns})
        got = eval(expr, {"np": np, "s": rs})
    assert type(got).__name__ == type(want).__name__
    assert type(got).__module__ == "rumpy"
    assert (got == want) or (got != got and want != want)


@pytest.mark.parametrize("expr", [
    "np.polyfit(a[0], b[0], 1)", "np.polymul(a[0], b[0])", "np.polyder(a[0], 2)",
    "np.polyint(b[0])", "np.polyval([1, 2, 3], a)", "np.vander(a[0], 3)",
    "np.polydiv(a[0], b[0, :2])", "np.poly(a[0, 1:])", "np.polysub(a[0], b[0])",
    "np.polyadd(a[0], b[1])", "np.apply_over_axes(np.sum, a, [0, 1])",
    "np.apply_along_axis(np.sum, 1, a)",
])
def test_functions_rumpy_lacks_run_numpys_code(expr):
    n = np.arange(12.0).reshape(3, 4)
    m = np.cos(np.arange(12.0)).reshape(3, 4)
    want = eval(expr, {"np": np, "a": n, "b": m})
    got = eval(expr, {"np": np, "a": rp.asarray(n), "b": rp.asarray(m)})
    same(got, want)


def test_fallback_results_are_views_not_copies():
    r = rp.arange(12.0).reshape(3, 4)
    # numpy.lib.stride_tricks' views (rumpy's own where it has them) share rumpy's memory.
    v = np.lib.stride_tricks.sliding_window_view(r, 2, axis=1)
    assert type(v).__module__ == "rumpy"
    assert rp.shares_memory(v, r)
    p = np.polyval([1, 2], r[0, :3])
    assert p.tolist() == [2.0, 3.0, 4.0]


def test_fallback_output_is_the_rumpy_array():
    r = rp.arange(4.0)
    o = rp.zeros(4, dtype=complex)
    assert np.fft.fft(r, out=o) is o
    same(o, np.fft.fft(np.arange(4.0)))


def test_keyword_rumpy_lacks_runs_numpys_code():
    r = rp.arange(6.0)

    def only_args(a, axis=None):
        return "rumpy's"

    from rumpy import _overrides

    key = np.sum
    saved = _overrides._functions.get(key, _overrides._MISSING)
    _overrides._functions[key] = only_args
    try:
        assert np.sum(r) == "rumpy's"
        got = np.sum(r, dtype="f4")
        same(got, np.sum(np.arange(6.0), dtype="f4"))
    finally:
        if saved is _overrides._MISSING:
            del _overrides._functions[key]
        else:
            _overrides._functions[key] = saved


def test_fromfile_like_rumpy_array(tmp_path):
    np.arange(3.0).tofile(tmp_path / "x.bin")
    same(np.fromfile(tmp_path / "x.bin", like=rp.empty(0)), np.arange(3.0))


@pytest.mark.parametrize("expr", [
    "np.zeros(3, like=a)", "np.ones((2, 2), like=a)", "np.empty(0, like=a)",
    "np.full(3, 2.5, like=a)", "np.array([1, 2], like=a)", "np.asarray([1.5], like=a)",
    "np.arange(5, like=a)", "np.identity(3, like=a)", "np.eye(2, like=a)",
    "np.frombuffer(b'abcd', dtype='u1', like=a)", "np.fromiter(range(4), 'i8', like=a)",
    # rumpy has none of these yet: NumPy's code makes them, rumpy views of the results.
    "np.fromfunction(lambda i, j: i * 3 + j, (2, 3), like=a)",
    "np.fromstring('1 2 3', sep=' ', like=a)",
    "np.loadtxt(__import__('io').StringIO('1 2\\n3 4'), like=a)",
    "np.genfromtxt(__import__('io').StringIO('1 2'), like=a)",
    "np.asanyarray([1], like=a)", "np.ascontiguousarray([1], like=a)",
    "np.asfortranarray([[1]], like=a)", "np.require([1], like=a)", "np.tri(2, like=a)",
])
def test_like_rumpy_array_gives_rumpy(expr):
    want = eval(expr, {"np": np, "a": np.empty(0)})
    got = eval(expr, {"np": np, "a": rp.empty(0)})
    if "empty(" in expr:
        assert type(got).__module__ == "rumpy" and got.shape == want.shape
    else:
        same(got, want)


# rumpy's creation functions given `like=` another library's object (NEP 35).
RP_LIKE_EXPRS = [
    "f.zeros(3, like=a)", "f.ones((2, 2), dtype='i4', like=a)", "f.empty((0, 2), like=a)",
    "f.full(3, 2.5, like=a)", "f.full((2,), 7, 'u1', order='F', like=a)",
    "f.array([1, 2], like=a)", "f.array([[1, 2]], dtype='f4', ndmin=3, copy=None, like=a)",
    "f.asarray([1.5], like=a)", "f.asarray([1, 2], dtype='i2', order='C', like=a)",
    "f.asanyarray([1], like=a)", "f.ascontiguousarray([1], like=a)",
    "f.asfortranarray([[1]], like=a)", "f.require([1], like=a)",
    "f.require([1, 2], 'f8', ['F', 'W'], like=a)",
    "f.arange(5, like=a)", "f.arange(1, 7, 2, dtype='f4', like=a)",
    "f.identity(3, like=a)", "f.eye(2, 3, k=1, like=a)", "f.tri(3, k=-1, like=a)",
    "f.frombuffer(b'abcd', dtype='u1', like=a)",
    "f.frombuffer(b'abcdefgh', dtype='u2', count=2, offset=2, like=a)",
    "f.fromiter(range(4), 'i8', like=a)", "f.fromiter(range(9), 'i8', count=3, like=a)",
]


class LikeRecorder:
    """Implements __array_function__: records the call NumPy hands it."""

    def __array_function__(self, func, types, args, kwargs):
        return ("seen", func, types, args, kwargs)


@pytest.mark.parametrize("expr", RP_LIKE_EXPRS)
def test_rumpy_creation_like_numpy_array_gives_numpy(expr):
    want = eval(expr, {"f": np, "a": np.empty(0)})
    got = eval(expr, {"f": rp, "a": np.empty(0)})
    assert type(got) is np.ndarray
    if "empty(" in expr:
        assert got.shape == want.shape and got.dtype == want.dtype
    else:
        np.testing.assert_array_equal(got, want, strict=True)
        assert got.flags.f_contiguous == want.flags.f_contiguous


@pytest.mark.parametrize("expr", RP_LIKE_EXPRS)
def test_rumpy_creation_like_other_library_hands_over(expr):
    """The object's __array_function__ gets NumPy's function and the call's arguments as
    NumPy itself hands them over."""
    like = LikeRecorder()
    want = eval(expr, {"f": np, "a": like})
    got = eval(expr, {"f": rp, "a": like})
    assert got[0] == "seen" and got[1] is want[1] and got[2] == want[2]
    assert got[3] == want[3] and got[4] == want[4], (got[3:], want[3:])


@pytest.mark.parametrize("expr", ["f.zeros(3, like=a)", "f.array([1], like=a)",
                                  "f.arange(3, like=a)", "f.require([1], like=a)"])
def test_rumpy_creation_like_without_protocol_refused(expr):
    for f in (np, rp):
        with pytest.raises(TypeError, match="__array_function__"):
            eval(expr, {"f": f, "a": [1, 2]})


def test_rumpy_creation_like_dask_array_gives_dask():
    da = pytest.importorskip("dask.array")
    d = da.ones(4, chunks=2)
    for got, want in [(rp.zeros(3, like=d), np.zeros(3, like=d)),
                      (rp.arange(6, like=d), np.arange(6, like=d)),
                      (rp.array([1.5, 2], like=d), np.array([1.5, 2], like=d))]:
        assert type(got) is type(want) is type(d)
        np.testing.assert_array_equal(got.compute(), want.compute(), strict=True)


# ----- rumpy's ufuncs and operators hand over to operands that override them -----

class Recorder:
    """Overrides ufuncs: records what it was given."""

    def __init__(self):
        self.seen = None

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        self.seen = (ufunc, method, inputs, kwargs)
        return "handled"


class Refuser:
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return NotImplemented


class OptOut:
    __array_ufunc__ = None

    def __radd__(self, other):
        return "radd"

    def __add__(self, other):
        return "add"


class Priority:
    __array_priority__ = 100

    def __radd__(self, other):
        return "radd"

    def __rmul__(self, other):
        return "rmul"


def test_rumpy_ufunc_calls_an_override_as_numpy_does():
    r = rp.arange(3.0)
    for lib in (np, rp):
        x = Recorder()
        assert lib.add(r, x) == "handled"
        ufunc, method, inputs, kwargs = x.seen
        assert ufunc is lib.add
        assert method == "__call__"
        assert inputs[0] is r and inputs[1] is x
        assert kwargs == {}
    x = Recorder()
    o = rp.empty(3)
    assert rp.add(r, x, out=o) == "handled"
    assert x.seen[3]["out"] == (o,)
    x = Recorder()
    assert rp.add.reduce(x, axis=None) == "handled"
    assert x.seen[1] == "reduce" and x.seen[3] == {"axis": None}
    x = Recorder()
    assert rp.multiply.outer(r, x) == "handled" and x.seen[1] == "outer"


@pytest.mark.parametrize("lib", [np, rp])
def test_all_not_implemented_is_a_type_error(lib):
    r = lib.arange(3.0)
    with pytest.raises(TypeError):
        lib.add(r, Refuser())
    with pytest.raises(TypeError):
        r + Refuser()
    with pytest.raises(TypeError):
        lib.add(r, OptOut())


@pytest.mark.parametrize("lib", [np, rp])
def test_operators_defer_as_numpys(lib):
    r = lib.arange(3.0)
    assert r + Recorder() == "handled"
    assert Recorder() + r == "handled"  # no __add__ there: the array's __radd__, its override
    assert r + OptOut() == "radd"
    assert r + Priority() == "radd"
    assert r * Priority() == "rmul"


def test_numpy_ufunc_on_rumpy_and_unknown_override():
    r = rp.arange(3.0)
    x = Recorder()
    assert np.add(r, x) == "handled"
    assert np.add(x, r) == "handled"


def test_masked_arrays_keep_their_mask():
    n = np.arange(5.0)
    m = np.ma.masked_array(n, [0, 1, 0, 0, 1])
    r = rp.asarray(n)
    for got, want in [(r + m, n + m), (m + r, m + n), (rp.multiply(r, m), np.multiply(n, m)),
                      (np.add(r, m), np.add(n, m))]:
        assert isinstance(got, np.ma.MaskedArray)
        np.testing.assert_array_equal(got.mask, want.mask)
        np.testing.assert_array_equal(got.filled(-1), want.filled(-1))
    got = np.concatenate([r, m])
    want = np.concatenate([n, m])
    assert type(got) is type(want)


def test_pandas_series_keeps_its_index():
    pd = pytest.importorskip("pandas")
    s = pd.Series([1.0, 2.0, 3.0], index=["a", "b", "c"])
    r = rp.asarray([10.0, 20.0, 30.0])
    n = np.asarray([10.0, 20.0, 30.0])
    for got, want in [(r * s, n * s), (s * r, s * n), (r + s, n + s), (rp.add(r, s), np.add(n, s)),
                      (np.add(r, s), np.add(n, s)), (r > s, n > s)]:
        assert isinstance(got, pd.Series)
        pd.testing.assert_series_equal(got, want)
    df = pd.DataFrame({"x": [1.0, 2.0, 3.0]})
    got = rp.sqrt(df)
    assert isinstance(got, pd.DataFrame)
    pd.testing.assert_frame_equal(got, np.sqrt(df))


def test_xarray_keeps_its_coordinates():
    xr = pytest.importorskip("xarray")
    da = xr.DataArray(np.arange(3.0), dims="x", coords={"x": [10, 20, 30]})
    r = rp.asarray([1.0, 2.0, 3.0])
    n = np.asarray([1.0, 2.0, 3.0])
    for got, want in [(r * da, n * da), (da + r, da + n), (rp.sin(da), np.sin(da))]:
        assert isinstance(got, xr.DataArray)
        xr.testing.assert_identical(got, want)


def test_pickled_rumpy_results_stay_rumpy():
    r = np.sum(rp.arange(4.0).reshape(2, 2), axis=0)
    back = pickle.loads(pickle.dumps(r))
    assert type(back) is type(r)
    same(back, np.sum(np.arange(4.0).reshape(2, 2), axis=0))


# ----- Dask arrays whose chunks are rumpy arrays -----

def dask_pair():
    da = pytest.importorskip("dask.array")
    n = np.arange(24.0).reshape(4, 6)
    return da, n, da.from_array(rp.asarray(n), chunks=(2, 3)), da.from_array(n, chunks=(2, 3))


@pytest.mark.parametrize("expr", [
    "x", "x + 1", "x * x", "(x - x.mean(axis=0)) / (x.std(axis=0) + 1)", "x.sum()",
    "x.sum(axis=1)", "x.max(axis=0)", "np.sin(x)", "np.exp(x / 10).sum(axis=0)",
    "x.T @ x", "x[1:, ::2]", "x.map_blocks(lambda b: b * 2)", "da.concatenate([x, x])",
    "np.sum(x, axis=0)", "np.mean(x)", "x.cumsum(axis=1)", "x.T",
])
def test_dask_computes_on_rumpy_chunks(expr):
    da, n, x, xn = dask_pair()
    got = eval(expr, {"np": np, "da": da, "x": x})
    want = eval(expr, {"np": np, "da": da, "x": xn})
    if got.ndim:
        # (A 0-d result's meta is NumPy's: Dask makes it with np.array from a scalar.)
        assert type(got._meta).__module__ == "rumpy"
    same(got.compute(scheduler="synchronous"), want.compute(scheduler="synchronous"))


def test_dask_meets_rumpy_operands():
    da, n, x, xn = dask_pair()
    r = rp.asarray(n)
    for got, want in [(r + x, n + xn), (x + r, xn + n), (rp.multiply(r, x), np.multiply(n, xn)),
                      (np.add(r, x), np.add(n, xn))]:
        assert isinstance(got, da.Array)
        same(got.compute(scheduler="synchronous"), want.compute(scheduler="synchronous"))


def test_dask_threads_scheduler():
    da, n, x, xn = dask_pair()
    same(((x + 1) ** 2).sum(axis=0).compute(scheduler="threads"),
         ((xn + 1) ** 2).sum(axis=0).compute(scheduler="threads"))


def test_dask_distributed_local_cluster():
    try:
        from distributed import Client, LocalCluster
    except ModuleNotFoundError:
        pytest.skip("distributed is not installed")
    except ImportError as e:  # a distributed older than the installed dask
        pytest.skip(f"distributed does not match the installed dask: {e}")

    da, n, x, xn = dask_pair()
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        got = client.compute(np.sqrt(x + 1).sum(axis=1)).result()
    same(got, np.sqrt(n + 1).sum(axis=1))


def test_ufuncs_pickle_by_name():
    for u in (rp.add, rp.sin, rp.matmul):
        assert pickle.loads(pickle.dumps(u)) is u


# ----- rumpy's functions hand calls to operands that override NumPy's functions -----

@pytest.mark.parametrize("expr", [
    "f.sum(m)", "f.mean(m)", "f.max(m)", "f.std(m)", "f.concatenate([m, m])", "f.sort(m)",
    "f.cumsum(m)", "f.where(m > 1, m, 0)", "f.round(m / 3, 2)", "f.argmax(m)", "f.clip(m, 2, 3)",
    "f.sum(s)", "f.mean(s)", "f.round(s / 3, 1)", "f.cumsum(s)", "f.clip(s, 1, 2)",
    "f.argmax(s)", "f.std(s)", "f.transpose(s)",
])
def test_rumpy_functions_go_where_numpys_go(expr):
    pd = pytest.importorskip("pandas")
    m = np.ma.masked_array([1.0, 2.0, 3.0, 4.0], [0, 1, 0, 0])
    s = pd.Series([1.0, 2.0, 3.0], index=["a", "b", "c"])
    want = eval(expr, {"f": np, "m": m, "s": s})
    got = eval(expr, {"f": rp, "m": m, "s": s})
    assert type(got) is type(want)
    if isinstance(want, pd.Series):
        pd.testing.assert_series_equal(got, want)
    elif isinstance(want, np.ma.MaskedArray):
        np.testing.assert_array_equal(np.ma.getmaskarray(got), np.ma.getmaskarray(want))
        np.testing.assert_array_equal(got.filled(0), want.filled(0))
    elif isinstance(want, np.ndarray):
        np.testing.assert_array_equal(got, want)
    else:
        assert got == want


@pytest.mark.parametrize("expr", [
    "f.sum(d)", "f.mean(d, axis=0)", "f.transpose(d)", "f.reshape(d, (4, 3, 1))",
    "f.concatenate([d, d])", "f.stack([d, d])", "f.where(d > 3, d, 0)", "f.cumsum(d, axis=1)",
    "f.squeeze(d[:1])", "f.clip(d, 2, 5)", "f.concatenate([r, d])",
])
def test_rumpy_functions_on_dask_arrays_return_dask_arrays(expr):
    da = pytest.importorskip("dask.array")
    n = np.arange(12.0).reshape(4, 3)
    d = da.from_array(n, chunks=2)
    want = eval(expr, {"f": np, "d": d, "r": n})
    got = eval(expr, {"f": rp, "d": d, "r": rp.asarray(n)})
    assert isinstance(got, da.Array)
    np.testing.assert_array_equal(np.asarray(got.compute(scheduler="synchronous")),
                                  np.asarray(want.compute(scheduler="synchronous")))


def test_xarray_through_rumpy_functions():
    xr = pytest.importorskip("xarray")
    x = xr.DataArray(np.arange(6.0).reshape(2, 3), dims=("a", "b"), coords={"b": [1, 2, 3]})
    for expr in ("f.sum(x)", "f.mean(x, axis=0)", "f.round(x / 4, 1)", "f.clip(x, 1, 4)"):
        want = eval(expr, {"f": np, "x": x})
        got = eval(expr, {"f": rp, "x": x})
        assert type(got) is type(want)
        xr.testing.assert_identical(got, want)


@pytest.mark.parametrize("expr", [
    "f.sum(s)", "f.round(s, 1)", "f.mean(s)", "f.clip(s, 0, 1)", "f.argmax(s)",
    "f.concatenate([a, a])", "f.where(a > 1, a, s)",
])
def test_numpy_scalars_and_arrays_are_computed_by_rumpy(expr):
    s, a = np.float64(1.26), np.arange(3.0)
    want = eval(expr, {"f": np, "s": s, "a": a})
    same(eval(expr, {"f": rp, "s": s, "a": a}), want)


def test_wrapped_functions_keep_their_face():
    import inspect

    assert rp.sum.__name__ == "sum"
    assert rp.sum.__doc__ == rp.sum.__wrapped__.__doc__ and "Sum" in rp.sum.__doc__
    assert "axis" in inspect.signature(rp.sum).parameters
    assert pickle.loads(pickle.dumps(rp.sum)) is rp.sum
    assert callable(rp.concatenate) and rp.concatenate.__name__ == "concatenate"


# rumpy's functions called every way Python calls (vectorcall with and without keywords,
# `*args`/`**kwargs` through tp_call, functools.partial, map): the same answers as NumPy's,
# and operands that override NumPy's functions handed to NumPy in each form.
FUNCTION_CALLS = [
    "m.reshape(a, (2, 3))", "m.reshape(a, shape=(3, 2))", "m.reshape(a=a, shape=(6,))",
    "m.concatenate((a, a))", "m.concatenate((a, a), axis=0)", "m.concatenate(*((a, a),))",
    "m.concatenate(*((a, a),), **{'axis': None})", "m.sum(a, axis=0, keepdims=True)",
    "m.sum(a, **{'dtype': 'f4'})", "functools.partial(m.sum, axis=0)(a)",
    "list(map(m.cumsum, [a, a]))", "m.where(a > 3, a, 0)", "m.clip(a, 1, 4)",
    "m.mean(a, None, None, None, True)", "m.round(a, decimals=1)",
    "m.sum()", "m.reshape(a)", "m.sum(a, bogus=1)", "m.sum(a, axis=0, **{'axis': 0})",
    "m.concatenate((a, a), 0, out=None, axis=0)",
]


@pytest.mark.parametrize("expr", FUNCTION_CALLS)
def test_function_call_conventions(expr):
    import functools

    from conftest import check, per_module
    check(expr, functools=functools, a=per_module(lambda m: m.arange(6.0) - 1.5))


@pytest.mark.parametrize("call", [
    lambda f, x: f(x), lambda f, x: f(x, axis=0), lambda f, x: f(*(x,), **{"axis": 0}),
    lambda f, x: f(a=x), lambda f, x: f(x, keepdims=False),
])
def test_function_defers_in_every_call_form(call):
    n = np.ma.masked_array(np.arange(5.0), [0, 1, 0, 0, 1])
    got, want = call(rp.sum, n), call(np.sum, n)
    assert type(got) is type(want)
    assert got == want


def test_function_type():
    assert isinstance(rp.concatenate, rp._core.array_function)
    assert rp.concatenate.__doc__ == rp.concatenate.__wrapped__.__doc__
    assert rp.concatenate.__name__ == "concatenate"
    assert pickle.loads(pickle.dumps(rp.concatenate)) is rp.concatenate
    with pytest.raises(TypeError):
        rp._core.array_function()
