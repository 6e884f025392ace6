"""rumpy arrays in HDF5 files through h5py: written from rumpy, read back into rumpy (without
a copy where h5py reads into a given buffer), compared with what numpy writes and reads."""

import numpy as np
import pytest

import rumpy as rp

h5py = pytest.importorskip("h5py")

DTYPES = ["bool", "int8", "uint16", "int32", "int64", "float16", "float32", "float64",
          "complex64", "complex128", "S5", [("x", "<i4"), ("y", "<f8", (2,))]]


def sample(dtype):
    dt = np.dtype(dtype)
    if dt.names:
        a = np.zeros(4, dt)
        a["x"] = [1, -2, 3, 4]
        a["y"] = np.arange(8.0).reshape(4, 2) / 3
        return a
    if dt.kind == "S":
        return np.array([b"ab", b"", b"hello", b"x"], dt)
    return (np.arange(12).reshape(3, 4) % 5 - 2).astype(dt)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
def test_round_trip(tmp_path, dtype):
    n = sample(dtype)
    with h5py.File(tmp_path / "f.h5", "w") as f:
        f.create_dataset("numpy", data=n)
        f.create_dataset("rumpy", data=rp.asarray(n))
    with h5py.File(tmp_path / "f.h5", "r") as f:
        wn, wr = f["numpy"], f["rumpy"]
        assert wr.dtype == wn.dtype and wr.shape == wn.shape
        back = rp.asarray(wr[()])
        assert back.dtype == rp.asarray(n).dtype and back.shape == n.shape
        assert np.asarray(back).tobytes() == wn[()].tobytes()


def test_read_direct_into_rumpy_memory(tmp_path):
    n = np.arange(20.0).reshape(4, 5)
    with h5py.File(tmp_path / "f.h5", "w") as f:
        f.create_dataset("a", data=rp.asarray(n))
    out = rp.zeros((4, 5))
    view = np.asarray(out)
    assert np.shares_memory(view, np.asarray(out))
    with h5py.File(tmp_path / "f.h5", "r") as f:
        f["a"].read_direct(view)
    # h5py wrote into rumpy's buffer: no copy on the way
    assert np.array_equal(np.asarray(out), n)
    with h5py.File(tmp_path / "f.h5", "r") as f:
        part = rp.zeros((2, 5))
        f["a"].read_direct(np.asarray(part), np.s_[1:3])
    assert np.array_equal(np.asarray(part), n[1:3])


def test_particle_field_kept_in_hdf5(tmp_path):
    field = rp.create_field(64)
    field["mass"] = 1.0
    field["value"] = rp.linspace(0.0, 1.0, 64)
    field["target"] = 0.5
    rp.step(field, 3, 0.01)
    with h5py.File(tmp_path / "field.h5", "w") as f:
        f.create_dataset("field", data=field)
    with h5py.File(tmp_path / "field.h5", "r") as f:
        ds = f["field"]
        assert ds.dtype == np.dtype(field.dtype)
        back = rp.empty(ds.shape, dtype=field.dtype)
        ds.read_direct(np.asarray(back))
    assert np.asarray(back).tobytes() == np.asarray(field).tobytes()
    rp.step(back, 3, 0.01)
    rp.step(field, 3, 0.01)
    assert np.asarray(back).tobytes() == np.asarray(field).tobytes()


def test_attributes_and_scalars(tmp_path):
    with h5py.File(tmp_path / "f.h5", "w") as f:
        f.attrs["n"] = rp.int16(7)
        f.attrs["x"] = rp.float32(1.5)
        f.attrs["a"] = rp.arange(3)
    with h5py.File(tmp_path / "f.h5", "r") as f:
        assert f.attrs["n"] == 7 and f.attrs["n"].dtype == np.int16
        assert f.attrs["x"] == 1.5 and f.attrs["x"].dtype == np.float32
        assert np.array_equal(f.attrs["a"], np.arange(3))


def test_chunked_dataset_sliced_reads(tmp_path):
    n = np.random.default_rng(0).standard_normal((100, 30))
    with h5py.File(tmp_path / "f.h5", "w") as f:
        f.create_dataset("a", data=rp.asarray(n), chunks=(10, 30), compression="gzip")
    with h5py.File(tmp_path / "f.h5", "r") as f:
        for sl in (np.s_[5:17], np.s_[::7], np.s_[3]):
            assert np.array_equal(np.asarray(rp.asarray(f["a"][sl])), n[sl])
