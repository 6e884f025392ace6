"""The libraries NumPy users use every day, given rumpy arrays, scalars and dtypes, against
the same calls given NumPy's: matplotlib (Agg), h5py, numexpr, scipy (its NumPy paths and its
array-API paths), array-api-compat and pandas."""

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import rumpy as rp

N = np.linspace(-2.0, 3.0, 12, dtype=np.float32)
R = rp.asarray(N.copy())


def test_matplotlib_plots_rumpy_data():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = {}
    for name, x in (("numpy", N), ("rumpy", R)):
        fig, ax = plt.subplots()
        (line,) = ax.plot(x, x * 2)
        ylim = ax.set_ylim(0, x.max())
        img = ax.imshow(x.reshape(3, 4))
        counts, edges, _ = ax.hist(x, bins=4)
        sc = ax.scatter(x, x, c=x)
        fig.canvas.draw()
        out[name] = (np.asarray(line.get_ydata()), ylim, np.asarray(img.get_array()),
                     np.asarray(counts), np.asarray(edges), np.asarray(sc.get_offsets()))
        plt.close(fig)
    for got, want in zip(out["rumpy"], out["numpy"]):
        np.testing.assert_array_equal(np.asarray(got, dtype=float), np.asarray(want, dtype=float))


def test_h5py_stores_rumpy_arrays(tmp_path):
    h5py = pytest.importorskip("h5py")
    rec_n = np.zeros(3, dtype=[("value", "f8"), ("mass", "f4")])
    rec_n["value"] = [1, 2, 3]
    rec_r = rp.asarray(rec_n.copy())
    for name, lib, x, rec in (("n", np, N, rec_n), ("r", rp, R, rec_r)):
        with h5py.File(tmp_path / f"{name}.h5", "w") as f:
            f.create_dataset("a", data=x)
            f.create_dataset("b", shape=(3,), dtype=lib.int16)
            f.create_dataset("rec", data=rec)
            f.create_dataset("rec2", shape=(2,), dtype=rec.dtype)
            f.attrs["total"] = x.sum()
            f["a"][2:5] = x[:3] * 3
    with h5py.File(tmp_path / "n.h5") as fn, h5py.File(tmp_path / "r.h5") as fr:
        for key in ("a", "b", "rec", "rec2"):
            assert fr[key].dtype == fn[key].dtype
            np.testing.assert_array_equal(fr[key][...], fn[key][...])
        assert fr.attrs["total"] == fn.attrs["total"]
        assert np.asarray(fr.attrs["total"]).dtype == np.asarray(fn.attrs["total"]).dtype


def test_numexpr_evaluates_rumpy_arrays():
    ne = pytest.importorskip("numexpr")
    want = ne.evaluate("x * 2 + sin(x)", local_dict={"x": N})
    got = ne.evaluate("x * 2 + sin(x)", local_dict={"x": R})
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(got, want)


def test_scipy_numpy_paths_take_rumpy_arrays():
    pytest.importorskip("scipy")
    import scipy.linalg
    import scipy.special
    import scipy.stats

    a = np.arange(9.0).reshape(3, 3) + 3 * np.eye(3)
    for f in (lambda m, x: scipy.linalg.solve(m, x[:3]),
              lambda m, x: scipy.special.gamma(x),
              lambda m, x: scipy.stats.describe(x).variance,
              lambda m, x: scipy.linalg.expm(m)):
        want = f(a, N.astype(np.float64))
        got = f(rp.asarray(a), R.astype(rp.float64))
        np.testing.assert_allclose(np.asarray(got), np.asarray(want), rtol=1e-12)


def test_scipy_array_api_paths_return_rumpy():
    pytest.importorskip("scipy")
    pytest.importorskip("array_api_compat")
    code = textwrap.dedent("""
        import numpy as np, rumpy as rp, scipy.special, scipy.stats, scipy.signal
        x = np.linspace(-2.0, 3.0, 12).reshape(3, 4)
        for f in (lambda m: scipy.special.logsumexp(m, axis=1), lambda m: scipy.stats.zscore(m),
                  lambda m: scipy.special.erf(m), lambda m: scipy.stats.moment(m, order=3)):
            got, want = f(rp.asarray(x)), f(x)
            assert type(got).__module__ == "rumpy", type(got)
            np.testing.assert_allclose(np.asarray(got), want, rtol=1e-12)
        print("ok")
    """)
    env = dict(os.environ, SCIPY_ARRAY_API="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]


def test_array_api_compat_takes_rumpy_as_its_own_namespace():
    aac = pytest.importorskip("array_api_compat")
    a = rp.arange(6.0).reshape(2, 3)
    assert aac.is_array_api_obj(a)
    assert aac.array_namespace(a) is rp
    assert aac.array_namespace(a, rp.asarray(1.0)) is rp
    assert aac.device(a) == "cpu"
    assert aac.size(a) == 6
    assert aac.to_device(a, "cpu") is a
    assert not aac.is_numpy_array(a)


def test_pandas_takes_rumpy_arrays_and_dtypes():
    pd = pytest.importorskip("pandas")
    s_n, s_r = pd.Series(N), pd.Series(R)
    pd.testing.assert_series_equal(s_r, s_n)
    pd.testing.assert_frame_equal(pd.DataFrame({"x": R, "y": R * 2}),
                                  pd.DataFrame({"x": N, "y": N * 2}))
    assert pd.Series([1, 2], dtype=rp.int16).dtype == pd.Series([1, 2], dtype=np.int16).dtype
    assert pd.Index(R).equals(pd.Index(N))
    rec = np.zeros(3, dtype=[("value", "f8"), ("mass", "f4")])
    rec["value"] = [1, 2, 3]
    # Through NumPy's view of the records (pandas tests for its own ndarray type).
    pd.testing.assert_frame_equal(pd.DataFrame.from_records(np.asarray(rp.asarray(rec))),
                                  pd.DataFrame.from_records(rec))
