"""``rp.memmap``, ``rp.load(..., mmap_mode=...)`` and ``rp.lib.format.open_memmap`` against
NumPy's: every scenario runs once with numpy and once with rumpy, each in its own folder, and
the results (values, dtype, shape, memmap or ndarray, attributes), the exceptions' classes and
the bytes of every file left behind must agree. Files written by one library are read by the
other, and a particle field stepped inside a memmap survives a process restart."""

import copy
import io
import mmap
import os
import pathlib
import pickle
import subprocess
import sys
import tempfile
import textwrap
import warnings

import numpy as np
import pytest

import rumpy as rp
from conftest import Raised, assert_same, assert_same_error, fail_if_broken, sample

G = mmap.ALLOCATIONGRANULARITY


# ---------------------------------------------------------------------------------------------
# the harness
# ---------------------------------------------------------------------------------------------

def _run(mod, folder, scenario):
    folder.mkdir()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return scenario(mod, folder)
    except Exception as e:
        return Raised(e)


def _kind(x):
    return type(x).__name__


def _compare(r, n, where="result"):
    if isinstance(n, Raised):
        assert isinstance(r, Raised), f"{where}: numpy raised {n}, rumpy gave {r!r}"
        assert_same_error(r.exc, n.exc, where)
        return
    assert not isinstance(r, Raised), f"{where}: rumpy raised {r}, numpy gave {n!r}"
    if isinstance(n, np.ndarray):
        assert _kind(r) == _kind(n), f"{where}: rumpy gave a {_kind(r)}, numpy a {_kind(n)}"
        assert_same(r, n, msg=where)
    elif isinstance(n, (tuple, list)):
        assert type(r) is type(n) and len(r) == len(n), f"{where}: {r!r} != numpy {n!r}"
        for i, (x, y) in enumerate(zip(r, n)):
            _compare(x, y, f"{where}[{i}]")
    elif isinstance(n, dict):
        assert r.keys() == n.keys(), f"{where}: keys {r.keys()} != numpy {n.keys()}"
        for k in n:
            _compare(r[k], n[k], f"{where}[{k!r}]")
    else:
        assert_same(r, n, msg=where)


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def same(scenario, tmp_path):
    """Run ``scenario(mod, folder)`` with numpy and rumpy; their results and the files left
    in their folders must agree. Returns numpy's result."""
    n = _run(np, tmp_path / "np", scenario)
    fail_if_broken(n, scenario.__name__)
    r = _run(rp, tmp_path / "rp", scenario)
    _compare(r, n)
    nf, rf = _files(tmp_path / "np"), _files(tmp_path / "rp")
    assert rf.keys() == nf.keys(), f"files {sorted(rf)} != numpy's {sorted(nf)}"
    for name in nf:
        assert rf[name] == nf[name], f"file {name} differs from numpy's"
    return n


def info(m, folder):
    """What a memmap (or the array a memmap operation gave) says about itself, comparable
    across the two libraries (file names relative to the scenario's folder)."""
    out = {"type": _kind(m)}
    if isinstance(m, (np.memmap, rp.memmap)):
        f = m.filename
        out.update(mode=m.mode, offset=m.offset, has_map=m._mmap is not None,
                   filename_type=_kind(f),
                   filename=None if f is None else os.path.relpath(str(f), str(folder)))
    if isinstance(m, (np.ndarray, rp.ndarray)):
        out["writeable"] = bool(m.flags.writeable)
    return out


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


DATA = bytes((7 * k + 3) % 256 for k in range(96))


# ---------------------------------------------------------------------------------------------
# modes
# ---------------------------------------------------------------------------------------------

MODES = ["r", "r+", "w+", "c", "readonly", "readwrite", "write", "copyonwrite"]


@pytest.mark.parametrize("mode", MODES)
def test_modes_read_write_and_the_file(mode, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA)
        m = mod.memmap(p, dtype="int16", mode=mode, shape=(4, 6))
        before = m.copy()
        out = {"info": info(m, d), "before": mod.array(before)}
        try:
            m[1, 2:5] = [-1, -2, -3]
            m[3] += 100
        except ValueError as e:
            out["write"] = str(e)
        m.flush()
        out["after"] = mod.array(m)
        return out
    same(scenario, tmp_path)


def test_read_only_refuses_writes(tmp_path):
    p = write(tmp_path / "f.bin", DATA)
    for mod in (np, rp):
        m = mod.memmap(p, dtype="uint8", mode="r")
        assert not m.flags.writeable
        for op in (lambda: m.__setitem__(0, 1), lambda: m[2:].fill(3),
                   lambda: mod.add(m, 1, out=m)):
            with pytest.raises(ValueError, match="read-only"):
                op()
        with pytest.raises(ValueError, match="assignment destination is read-only"):
            m[0] = 1
    assert p.read_bytes() == DATA


def test_read_only_step_refused(tmp_path):
    p = tmp_path / "f.bin"
    rp.create_field((4,)).tofile(p)
    m = rp.memmap(p, dtype=rp.FIELD_DTYPE, mode="r")
    with pytest.raises(ValueError, match="read-only"):
        rp.step(m, 1, 0.01)


def test_copy_on_write_leaves_the_file(tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA)
        m = mod.memmap(p, dtype="<f4", mode="c", shape=(24,))
        m[:] = mod.arange(24, dtype="<f4")
        m[3:6] *= 2
        m.flush()
        again = mod.memmap(p, dtype="<f4", mode="r", shape=(24,))
        return info(m, d), mod.array(m), mod.array(again)
    same(scenario, tmp_path)
    assert (tmp_path / "rp" / "f.bin").read_bytes() == DATA


@pytest.mark.parametrize("mode", [
    "x", "w", "rb", "", None, "R", "read", "r+b", ["r"], 1,
])
def test_bad_modes(mode, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA)
        return info(mod.memmap(p, mode=mode), d)
    n = same(scenario, tmp_path)
    assert isinstance(n, Raised)


def test_bad_mode_message():
    with pytest.raises(ValueError) as n:
        np.memmap("nowhere", mode="x")
    with pytest.raises(ValueError) as r:
        rp.memmap("nowhere", mode="x")
    assert str(r.value) == str(n.value)


@pytest.mark.parametrize("mode", ["w+", "write"])
def test_w_plus_needs_a_shape(mode, tmp_path):
    def scenario(mod, d):
        return mod.memmap(d / "f.bin", mode=mode)
    same(scenario, tmp_path)
    with pytest.raises(ValueError, match="shape must be given"):
        rp.memmap(tmp_path / "x.bin", mode=mode)
    assert not (tmp_path / "x.bin").exists()


@pytest.mark.parametrize("mode", ["r", "r+", "c"])
def test_missing_file(mode, tmp_path):
    def scenario(mod, d):
        return mod.memmap(d / "missing.bin", mode=mode, shape=(3,))
    same(scenario, tmp_path)


def test_w_plus_truncates_and_creates(tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA)
        m = mod.memmap(p, dtype="u2", mode="w+", shape=(5,))
        out = [info(m, d), mod.array(m)]
        m[:] = [1, 2, 3, 4, 5]
        m.flush()
        n = mod.memmap(d / "new.bin", dtype="f8", mode="w+", shape=(2, 2))
        n[0] = 1.5
        n.flush()
        return out + [info(n, d)]
    same(scenario, tmp_path)


# ---------------------------------------------------------------------------------------------
# offsets, shapes, growing the file
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("offset", [0, 1, 8, 13, G - 1, G, G + 1, 2 * G - 3, 3 * G])
@pytest.mark.parametrize("mode", ["r", "r+", "c", "w+"])
def test_offsets(offset, mode, tmp_path):
    big = bytes((k * 31) % 251 for k in range(4 * G))

    def scenario(mod, d):
        p = write(d / "f.bin", big)
        m = mod.memmap(p, dtype="uint8", mode=mode, offset=offset,
                       shape=None if mode != "w+" else (40,))
        out = [info(m, d), mod.array(m)]
        if m.flags.writeable:
            m[:3] = 9
            m.flush()
        return out
    same(scenario, tmp_path)


@pytest.mark.parametrize("offset", [3, 12, G + 5, 2 * G - 1])
@pytest.mark.parametrize("spec", ["<f8", ">i4", "c8", "FIELD"])
def test_unaligned_offsets_of_wide_items(offset, spec, tmp_path):
    big = bytes((k * 37) % 256 for k in range(3 * G))

    def scenario(mod, d):
        dt = _dtype(mod, spec)
        p = write(d / "f.bin", big)
        m = mod.memmap(p, dtype=dt, mode="r+", offset=offset, shape=(5,))
        out = [info(m, d), m.flags.aligned]
        if dt.names is None:
            out += [mod.array(m).tobytes(), m[1:4].sum() if dt.kind != "f" else None]
        else:
            out.append(mod.array(m["mass"]).tobytes())
        m[2] = m[4]
        m.flush()
        return out
    same(scenario, tmp_path)


@pytest.mark.parametrize("offset", [0, 5, G, G + 7, 5 * G])
@pytest.mark.parametrize("mode", ["r+", "w+", "r", "c"])
def test_offset_past_the_end_grows_writable_files(offset, mode, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA[:10])
        m = mod.memmap(p, dtype="<i4", mode=mode, offset=offset, shape=(3, 2))
        out = [info(m, d), mod.array(m)]
        if m.flags.writeable:
            m[-1, -1] = 77
            m.flush()
        return out
    same(scenario, tmp_path)


def test_numpys_offset_tests(tmp_path):
    def scenario(mod, d):
        with open(d / "f.bin", "w+b") as f:
            m = mod.memmap(f, shape=5 * G, mode="w+", offset=G + 1)
            out = [info(m, d)]
            del m
            f.write(b"a" * G)
            m = mod.memmap(f, shape=0, mode="w+", offset=G)
            out.append(info(m, d))
            out.append(mod.array(m))
        return out
    same(scenario, tmp_path)


@pytest.mark.parametrize("shape", [None, 6, (6,), (2, 3), [3, 2], (1, 2, 3), (6, 1), ()],
                         ids=str)
@pytest.mark.parametrize("order", ["C", "F"])
def test_shapes_and_order(shape, order, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA[:48])
        m = mod.memmap(p, dtype="<f8", mode="r+", shape=shape, order=order)
        out = [info(m, d), mod.array(m), m.flags.c_contiguous, m.flags.f_contiguous,
               m.strides]
        m[...] = mod.arange(m.size, dtype="<f8").reshape(m.shape, order=order)
        m.flush()
        return out
    same(scenario, tmp_path)


def test_shape_as_an_array(tmp_path):
    def scenario(mod, d):
        m = mod.memmap(d / "f.bin", dtype="i2", mode="w+", shape=mod.asarray((3, 4)))
        return info(m, d), m.shape
    same(scenario, tmp_path)


@pytest.mark.parametrize("dtype,size", [("<f8", 20), ("<i4", 6), ("V3", 10)])
def test_inferred_shape_must_fit_the_items(dtype, size, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA[:size])
        m = mod.memmap(p, dtype=dtype, mode="r")
        return info(m, d), mod.array(m)
    same(scenario, tmp_path)


def test_inferred_shape_message(tmp_path):
    p = write(tmp_path / "f.bin", DATA[:20])
    with pytest.raises(ValueError, match="not a multiple of the data-type size"):
        rp.memmap(p, dtype="f8", mode="r")


@pytest.mark.parametrize("shape", [(4, 5), (30,), 100])
@pytest.mark.parametrize("mode", ["r", "c"])
def test_read_modes_do_not_grow(shape, mode, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA[:16])
        return info(mod.memmap(p, dtype="f8", mode=mode, shape=shape), d)
    same(scenario, tmp_path)


@pytest.mark.parametrize("shape", [(-1,), -1, [-1], (-1.0,), (-2,), (2, -3), (-1, 2), (2.0, 3),
                                   "ab", (2**40, 2**40), (2**63,), (2**64, 1)], ids=str)
@pytest.mark.parametrize("mode", ["w+", "r"])
def test_bad_shapes(shape, mode, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA[:16])
        return info(mod.memmap(p, dtype="f8", mode=mode, shape=shape), d)
    same(scenario, tmp_path)


@pytest.mark.parametrize("offset", [-1, -G])
def test_bad_offsets(offset, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA)
        return info(mod.memmap(p, mode="r", offset=offset, shape=(3,)), d)
    same(scenario, tmp_path)


# ---------------------------------------------------------------------------------------------
# empty files and zero-size arrays
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["r", "c", "r+", "w+"])
@pytest.mark.parametrize("shape", [None, 0, (0, 4), (3, 0)], ids=str)
def test_empty_files_and_zero_sizes(mode, shape, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", b"")
        if shape is None and mode == "w+":
            return None
        m = mod.memmap(p, dtype="f4", mode=mode, shape=shape)
        out = [info(m, d), mod.array(m)]
        again = mod.memmap(p, dtype="f4", mode=mode, shape=shape)     # not empty any more
        return out + [info(again, d)]
    same(scenario, tmp_path)


def test_empty_file_message(tmp_path):
    p = write(tmp_path / "f.bin", b"")
    with pytest.raises(ValueError, match="empty file"):
        rp.memmap(p, shape=(0, 4), mode="r")


# ---------------------------------------------------------------------------------------------
# dtypes
# ---------------------------------------------------------------------------------------------

DTYPES = ["bool", "int8", "uint8", "int16", ">i2", "uint32", "int64", "float16", "float32",
          ">f8", "complex64", "complex128", "S3", "<U2", "V4",
          [("a", "<f8"), ("b", "u1")], [("p", [("x", "<f4"), ("y", "<f4")]), ("id", "<i8")],
          [("v", "<f8", (2, 3)), ("t", ">i4")], "FIELD"]


def _dtype(mod, spec):
    return mod.dtype(np.dtype(rp.FIELD_DTYPE.descr).descr if spec == "FIELD" else spec)


@pytest.mark.parametrize("spec", DTYPES, ids=str)
def test_dtypes(spec, tmp_path):
    size = 4 * np.dtype(rp.FIELD_DTYPE.descr if spec == "FIELD" else spec).itemsize * 3
    raw = bytes((13 * k + 1) % 256 for k in range(size))
    if spec == "<U2":       # valid code points (rumpy's str arrays hold no others)
        raw = b"".join(bytes([65 + k % 26, 0, 0, 0]) for k in range(size // 4))
    nan_free = np.dtype(rp.FIELD_DTYPE.descr if spec == "FIELD" else spec).kind not in "fcV"

    def scenario(mod, d):
        dt = _dtype(mod, spec)
        p = write(d / "f.bin", raw)
        m = mod.memmap(p, dtype=dt, mode="r+", shape=(3, 4))
        out = [info(m, d), m.dtype.str, m.dtype.descr if m.dtype.names else None]
        if nan_free:
            out.append(mod.array(m))
        m[1] = m[0]
        m[2, ::2] = m[0, 1]
        m.flush()
        return out
    same(scenario, tmp_path)


def test_field_dtype_memmap(tmp_path):
    p = tmp_path / "field.bin"
    m = rp.memmap(p, dtype=rp.FIELD_DTYPE, mode="w+", shape=(6,))
    m[...] = rp.create_field((6,))
    m["value"] = rp.arange(6.0)
    assert type(m["value"]) is rp.memmap and m["value"]._mmap is m._mmap
    m.flush()
    back = np.fromfile(p, dtype=np.dtype(rp.FIELD_DTYPE.descr))
    assert back["mass"].tolist() == [1.0] * 6 and back["value"].tolist() == list(range(6))


# ---------------------------------------------------------------------------------------------
# views, slices, results: memmap where the map is shared, ndarray elsewhere
# ---------------------------------------------------------------------------------------------

VIEWS = {
    "slice": lambda mod, m: m[1:],
    "ellipsis": lambda mod, m: m[...],
    "colon": lambda mod, m: m[:],
    "step": lambda mod, m: m[:, ::2],
    "row": lambda mod, m: m[1],
    "neg": lambda mod, m: m[::-1],
    "newaxis": lambda mod, m: m[None],
    "T": lambda mod, m: m.T,
    "transpose": lambda mod, m: mod.transpose(m),
    "reshape": lambda mod, m: m.reshape(4, 3),
    "ravel": lambda mod, m: m.ravel(),
    "ravel_T": lambda mod, m: m.T.ravel(),
    "flatten": lambda mod, m: m.flatten(),
    "flatten_F": lambda mod, m: m.flatten("F"),
    "copy_T": lambda mod, m: m.T.copy(),
    "view": lambda mod, m: m.view(),
    "view_dtype": lambda mod, m: m.view("<i4"),
    "view_ndarray": lambda mod, m: m.view(mod.ndarray),
    "real": lambda mod, m: m.real,
    "diagonal": lambda mod, m: m.diagonal(),
    "squeeze": lambda mod, m: m[None].squeeze(),
    "squeeze_axis": lambda mod, m: m[None].squeeze(0),
    "squeeze_none": lambda mod, m: m.squeeze(),
    "np_squeeze": lambda mod, m: mod.squeeze(m[:, None]),
    "copy_copy": lambda mod, m: copy.copy(m),
    "deepcopy": lambda mod, m: copy.deepcopy(m),
    "average": lambda mod, m: mod.average(m),
    "average0": lambda mod, m: mod.average(m, axis=0),
    "swapaxes": lambda mod, m: m.swapaxes(0, 1),
    "scalar": lambda mod, m: m[1, 2],
    "fancy": lambda mod, m: m[[0, 2]],
    "fancy2": lambda mod, m: m[[1, 2], [2, 3]],
    "mask": lambda mod, m: m[m > 4],
    "copy": lambda mod, m: m.copy(),
    "astype": lambda mod, m: m.astype("f8"),
    "astype_same": lambda mod, m: m.astype("<f4", copy=False),
    "array": lambda mod, m: mod.array(m),
    "add": lambda mod, m: m + 1,
    "radd": lambda mod, m: 1 + m,
    "add_mm": lambda mod, m: m + m,
    "add_nd": lambda mod, m: mod.add(m, mod.ones((3, 4), "f4")),
    "nd_add": lambda mod, m: mod.ones((3, 4), "f4") - m,
    "neg_op": lambda mod, m: -m,
    "sqrt": lambda mod, m: mod.sqrt(m),
    "compare": lambda mod, m: m > 4,
    "sum": lambda mod, m: m.sum(),
    "np_sum": lambda mod, m: mod.sum(m),
    "sum0": lambda mod, m: m.sum(axis=0),
    "sum1": lambda mod, m: mod.sum(m, axis=1),
    "sum_keep": lambda mod, m: m.sum(keepdims=True),
    "prod": lambda mod, m: mod.prod(m),
    "prod0": lambda mod, m: mod.prod(m, axis=0),
    "mean": lambda mod, m: m.mean(),
    "mean1": lambda mod, m: m.mean(axis=1),
    "max": lambda mod, m: m.max(),
    "min0": lambda mod, m: m.min(axis=0),
    "argmax": lambda mod, m: m.argmax(),
    "cumsum": lambda mod, m: m.cumsum(),
    "any": lambda mod, m: (m > 3).any(),
    "reduce": lambda mod, m: mod.add.reduce(m),
    "reduce0": lambda mod, m: mod.add.reduce(m, axis=None),
    "accumulate": lambda mod, m: mod.add.accumulate(m),
    "outer": lambda mod, m: mod.multiply.outer(m[0], m[1]),
    "matmul": lambda mod, m: m @ m.T,
    "abs": lambda mod, m: abs(m),
    "pow": lambda mod, m: m ** 2,
}


@pytest.mark.parametrize("name", VIEWS)
def test_views_and_results(name, tmp_path):
    def scenario(mod, d):
        m = mod.memmap(d / "f.bin", dtype="<f4", mode="w+", shape=(3, 4))
        m[:] = mod.arange(12, dtype="<f4").reshape(3, 4)
        v = VIEWS[name](mod, m)
        out = [info(v, d), v]
        if isinstance(v, (np.memmap, rp.memmap)):
            out.append(v._mmap is m._mmap if v._mmap is not None else None)
        if isinstance(v, (np.ndarray, rp.ndarray)) and v.flags.writeable and v.size:
            v.flat[0] = 42          # through to the file when the view shares the map
            m.flush()
        return out
    same(scenario, tmp_path)


def test_in_place_operations_stay_memmaps(tmp_path):
    def scenario(mod, d):
        m = mod.memmap(d / "f.bin", dtype="<f4", mode="w+", shape=(3, 4))
        m += 1
        out = [info(m, d)]
        mod.add(m, 1, out=m)
        out.append(info(m, d))
        r = mod.multiply(m, 3, out=m)
        out.append(r is m)
        m[1:] *= 2
        m.flush()
        return out + [mod.array(m)]
    same(scenario, tmp_path)


def test_out_of_a_ufunc_is_a_plain_array_given(tmp_path):
    def scenario(mod, d):
        m = mod.memmap(d / "f.bin", dtype="<f8", mode="w+", shape=(4,))
        m[:] = [1, 2, 3, 4]
        o = mod.zeros(4)
        r = mod.add(m, m, out=o)
        return info(r, d), r is o, o
    same(scenario, tmp_path)


def test_views_of_views_keep_the_map_and_base(tmp_path):
    for mod in (np, rp):
        m = mod.memmap(tmp_path / f"{mod.__name__}.bin", dtype="f4", mode="w+", shape=(3, 4))
        new1 = m.view()
        new2 = new1.view()
        assert new1.base is m and new2.base is m
        assert isinstance(m.base, mmap.mmap) and m.base is m._mmap
        s = m[1:][:, 1:]
        assert type(s) is mod.memmap and s._mmap is m._mmap
        assert s.filename == m.filename and s.offset == m.offset and s.mode == m.mode
        del new1, new2, s
        m[0] = 5
        assert m[0, 0] == 5


def test_asarray_of_a_memmap(tmp_path):
    n = np.memmap(tmp_path / "n.bin", dtype="f4", mode="w+", shape=(3,))
    r = rp.memmap(tmp_path / "r.bin", dtype="f4", mode="w+", shape=(3,))
    assert type(np.asarray(n)) is np.ndarray and np.asarray(n).base is n
    assert type(np.asanyarray(n)) is np.memmap and type(rp.asanyarray(r)) is rp.memmap
    a = rp.asarray(r)
    a[0] = 3
    assert r[0] == 3


@pytest.mark.parametrize("func", ["asarray", "ascontiguousarray"])
def test_asarray_of_a_memmap_is_a_plain_view(func, tmp_path):
    r = rp.memmap(tmp_path / "r.bin", dtype="f4", mode="w+", shape=(3,))
    a = getattr(rp, func)(r)
    assert type(a) is rp.ndarray and a.base is r


def test_array_subok_keeps_the_memmap_type(tmp_path):
    r = rp.memmap(tmp_path / "r.bin", dtype="f4", mode="w+", shape=(3,))
    a = rp.array(r, subok=True)
    assert type(a) is rp.memmap and a._mmap is None


def test_memmap_subclasses_keep_their_type(tmp_path):
    def scenario(mod, d):
        class Sub(mod.memmap):
            pass
        m = Sub(d / "f.bin", dtype="f4", mode="w+", shape=(3, 4))
        m[:] = mod.arange(12).reshape(3, 4)
        return [info(x, d) for x in (mod.sum(m, axis=0), mod.sum(m), m[1:, :-1], m[[0, 1]],
                                     m + 1)]
    same(scenario, tmp_path)


def test_view_as_memmap_of_a_plain_array(tmp_path):
    def scenario(mod, d):
        v = mod.arange(6.0).view(mod.memmap)
        return info(v, d), info(v[1:], d), info(v + 1, d), v.sum()
    same(scenario, tmp_path)


def test_pickle_gives_an_unmapped_memmap(tmp_path):
    def scenario(mod, d):
        m = mod.memmap(d / "f.bin", dtype="i4", mode="w+", shape=(4,))
        m[:] = [1, 2, 3, 4]
        back = pickle.loads(pickle.dumps(m))
        return info(back, d), back
    same(scenario, tmp_path)


# ---------------------------------------------------------------------------------------------
# flush, file names and file objects
# ---------------------------------------------------------------------------------------------

def test_flush_from_views(tmp_path):
    p = tmp_path / "f.bin"
    m = rp.memmap(p, dtype="<i2", mode="w+", shape=(4, 4))
    v = m[1:3, ::2]
    v[...] = 7
    v.flush()
    m[3].flush()
    assert np.fromfile(p, dtype="<i2").reshape(4, 4)[1:3, ::2].tolist() == [[7, 7], [7, 7]]
    rp.memmap(p, mode="r").flush()  # read-only: flushing is harmless


def test_flush_of_plain_results(tmp_path):
    for mod in (np, rp):
        m = mod.memmap(tmp_path / f"{mod.__name__}.bin", dtype="f4", mode="w+", shape=(2,))
        assert not hasattr(m + 1, "flush")
        c = m.copy()
        assert type(c) is mod.memmap and c._mmap is None
        c.flush()


@pytest.mark.parametrize("how", ["str", "path", "bytes", "named_fileobj", "fileobj",
                                 "unnamed_fileobj"])
def test_filenames_and_file_objects(how, tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA)
        if how == "str":
            return info(mod.memmap(str(p), dtype="u2", mode="r+"), d)
        if how == "path":
            return info(mod.memmap(p, dtype="u2", mode="r+"), d)
        if how == "bytes":
            return info(mod.memmap(os.fsencode(p), dtype="u2", mode="c"), d)
        if how == "named_fileobj":
            with tempfile.NamedTemporaryFile(dir=d, prefix="mmap") as f:   # a wrapper
                m = mod.memmap(f, dtype="u2", mode="w+", shape=(3,))
                assert m.filename == f.name
                out = [info(m, d) | {"filename": None}]
            with open(d / "named.bin", "w+b") as f:
                m = mod.memmap(f, dtype="u2", mode="w+", shape=(3,))
                m[:] = 5
                m.flush()
            return out + [info(m, d)]
        if how == "fileobj":
            with open(p, "r+b") as f:
                f.seek(5)
                m = mod.memmap(f, dtype="u2", mode="r+", shape=(2,), offset=4)
                m[0] = 0xABCD
                m.flush()
                return info(m, d), mod.array(m), f.closed
        with tempfile.TemporaryFile(dir=d) as f:
            f.write(DATA)
            m = mod.memmap(f, dtype="u1", mode="r")
            return info(m, d), mod.array(m)
    same(scenario, tmp_path)


def test_path_filename_is_resolved(tmp_path):
    sub = tmp_path / "a"
    sub.mkdir()
    link = tmp_path / "link"
    link.symlink_to(sub)
    n = np.memmap(link / "n.bin", dtype="f4", mode="w+", shape=(2,))
    r = rp.memmap(link / "r.bin", dtype="f4", mode="w+", shape=(2,))
    assert n.filename == sub.resolve() / "n.bin" and r.filename == sub.resolve() / "r.bin"
    assert isinstance(r.filename, pathlib.Path) and isinstance(r[1:].filename, pathlib.Path)
    s = rp.memmap(str(link / "s.bin"), dtype="f4", mode="w+", shape=(2,))
    assert s.filename == os.path.abspath(str(link / "s.bin"))


def test_read_only_file_object_cannot_be_written(tmp_path):
    def scenario(mod, d):
        p = write(d / "f.bin", DATA[:8])
        with open(p, "rb") as f:
            return info(mod.memmap(f, dtype="u1", mode="r+", shape=(16,)), d)
    same(scenario, tmp_path)


def test_attributes_and_repr(tmp_path):
    m = rp.memmap(tmp_path / "f.bin", dtype="float32", mode="w+", shape=(3, 4), offset=1)
    assert (m.offset, m.mode) == (1, "w+")
    assert repr(m).startswith("memmap(") and "dtype=float32" in repr(m)
    assert isinstance(m, rp.ndarray) and type(m).__name__ == "memmap"
    assert rp.memmap.__module__ == "rumpy" and issubclass(rp.memmap, rp.ndarray)


# ---------------------------------------------------------------------------------------------
# the two libraries' files
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("spec", ["<f8", ">i4", "c8", [("a", "<f8"), ("b", "u1")], "FIELD"],
                         ids=str)
@pytest.mark.parametrize("order", ["C", "F"])
def test_numpy_writes_rumpy_reads_and_back(spec, order, tmp_path):
    dt = np.dtype(rp.FIELD_DTYPE.descr if spec == "FIELD" else spec)
    p = tmp_path / "f.bin"
    src = np.frombuffer(bytes((5 * k + 2) % 256 for k in range(dt.itemsize * 12)),
                        dtype=dt).reshape(3, 4)
    n = np.memmap(p, dtype=dt, mode="w+", shape=(3, 4), order=order, offset=16)
    n[...] = src
    n.flush()
    del n
    r = rp.memmap(p, dtype=rp.dtype(dt.descr if dt.names else dt.str), mode="r+",
                  shape=(3, 4), order=order, offset=16)
    assert np.asarray(r).tobytes() == src.tobytes()
    r[2] = r[0]
    r.flush()
    del r
    back = np.memmap(p, dtype=dt, mode="r", shape=(3, 4), order=order, offset=16)
    assert back[2].tobytes() == src[0].tobytes() and back[:2].tobytes() == src[:2].tobytes()


# ---------------------------------------------------------------------------------------------
# load(..., mmap_mode=...)
# ---------------------------------------------------------------------------------------------

SAVED = {
    "f8": lambda: sample((3, 4), "float64"),
    "i2_fortran": lambda: np.asfortranarray(sample((3, 4), "int16")),
    "0d": lambda: np.array(2.5),
    "empty": lambda: np.zeros((0, 3), "u1"),
    "bool": lambda: sample((5,), "bool"),
    "c16": lambda: sample((2, 2), "complex128"),
    ">u4": lambda: sample((6,), "uint32").astype(">u4"),
    "U3": lambda: np.array(["ab", "xyz"]),
    "record": lambda: np.zeros(4, dtype=[("a", "<f8"), ("b", "u1", (2,))]),
    "field": lambda: np.ones(5, dtype=np.dtype(rp.FIELD_DTYPE.descr)),
}


@pytest.mark.parametrize("name", SAVED)
@pytest.mark.parametrize("mmap_mode", ["r", "r+", "c", "readonly", None])
def test_load_mmap_mode(name, mmap_mode, tmp_path):
    arr = SAVED[name]()

    def scenario(mod, d):
        np.save(d / "a.npy", arr)
        m = mod.load(d / "a.npy", mmap_mode=mmap_mode)
        out = [info(m, d), m, m.flags.f_contiguous]
        if m.flags.writeable and m.size and m.ndim:
            m[-1] = m[0]
            if hasattr(m, "flush"):
                m.flush()
        return out
    same(scenario, tmp_path)


@pytest.mark.parametrize("mmap_mode", ["w+", "w", "x", "readwrite", "write", "copyonwrite",
                                       "", "r"])
def test_load_mmap_mode_odd_modes(mmap_mode, tmp_path):
    def scenario(mod, d):
        np.save(d / "a.npy", np.arange(5))
        m = mod.load(str(d / "a.npy"), mmap_mode=mmap_mode)
        return info(m, d), m
    same(scenario, tmp_path)


@pytest.mark.parametrize("allow_pickle", [False, True])
@pytest.mark.parametrize("mmap_mode", ["r", "r+", "c"])
def test_load_mmap_mode_refuses_objects(allow_pickle, mmap_mode, tmp_path):
    def scenario(mod, d):
        np.save(d / "a.npy", np.array([1, "a", None], dtype=object))
        np.save(d / "b.npy", np.zeros(2, dtype=[("a", "O"), ("b", "f8")]))
        outs = [_outcome(lambda: mod.load(d / f, mmap_mode=mmap_mode,
                                          allow_pickle=allow_pickle))
                for f in ("a.npy", "b.npy")]
        return [Raised(x) if isinstance(x, Exception) else x for x in outs]
    n = same(scenario, tmp_path)
    assert all(isinstance(x, Raised) and isinstance(x.exc, ValueError) for x in n)
    with pytest.raises(ValueError, match="Python objects in dtype"):
        rp.load(tmp_path / "rp" / "a.npy", mmap_mode="r", allow_pickle=True)


def _outcome(f):
    try:
        return f()
    except Exception as e:
        return e


@pytest.mark.parametrize("how", ["rb", "r+b", "bytesio"])
def test_load_mmap_mode_refuses_file_objects(how, tmp_path):
    def scenario(mod, d):
        np.save(d / "a.npy", np.arange(5))
        if how == "bytesio":
            return mod.load(io.BytesIO((d / "a.npy").read_bytes()), mmap_mode="r")
        with open(d / "a.npy", how) as f:
            return mod.load(f, mmap_mode="r")
    n = same(scenario, tmp_path)
    assert isinstance(n, Raised)


def test_load_mmap_mode_ignored_for_archives_and_pickles(tmp_path):
    def scenario(mod, d):
        np.savez(d / "a.npz", x=np.arange(3))
        with open(d / "p.pkl", "wb") as f:
            pickle.dump([1, 2], f)
        with mod.load(d / "a.npz", mmap_mode="r") as z:
            x = z["x"]
        p = mod.load(d / "p.pkl", mmap_mode="r", allow_pickle=True)
        return info(x, d), x, p
    same(scenario, tmp_path)


@pytest.mark.parametrize("mmap_mode", ["r", None])
def test_huge_header(mmap_mode, tmp_path):
    def scenario(mod, d):
        arr = np.array(1, dtype="i," * 10000 + "i")
        np.save(d / "h.npy", arr)
        outs = [_outcome(lambda: mod.load(d / "h.npy", mmap_mode=mmap_mode)),
                _outcome(lambda: mod.load(d / "h.npy", mmap_mode=mmap_mode,
                                          max_header_size=20000)),
                mod.load(d / "h.npy", mmap_mode=mmap_mode, allow_pickle=True),
                mod.load(d / "h.npy", mmap_mode=mmap_mode, max_header_size=180000)]
        return [Raised(x) if isinstance(x, Exception) else (info(x, d), x) for x in outs]
    n = same(scenario, tmp_path)
    assert isinstance(n[0], Raised) and isinstance(n[1], Raised)


def test_load_mmap_of_a_file_rumpy_saved(tmp_path):
    a = rp.arange(12.0).reshape(3, 4)
    rp.save(tmp_path / "a.npy", a)
    m = rp.load(tmp_path / "a.npy", mmap_mode="r+")
    assert type(m) is rp.memmap and m.mode == "r+" and m.offset == 128
    m[1, 1] = -1
    m.flush()
    del m
    assert np.load(tmp_path / "a.npy")[1, 1] == -1


# ---------------------------------------------------------------------------------------------
# lib.format.open_memmap
# ---------------------------------------------------------------------------------------------

def test_lib_format_module():
    assert rp.lib.format.open_memmap is not None
    import rumpy.lib.format as f
    assert f is rp.lib.format
    for name in ("MAGIC_PREFIX", "MAGIC_LEN", "ARRAY_ALIGN", "BUFFER_SIZE",
                 "GROWTH_AXIS_MAX_DIGITS", "EXPECTED_KEYS"):
        assert getattr(f, name) == getattr(np.lib.format, name)
    assert f.magic(2, 0) == np.lib.format.magic(2, 0)
    with pytest.raises(AttributeError):
        rp.lib.nothing_like_this  # noqa: B018


ROUND_TRIP = [
    ("<f8", (3, 4), False), ("<f8", (3, 4), True), ("i1", (7,), False), (">u2", (2, 3, 2), True),
    ("c8", (), False), ("bool", (0,), False), ("<U4", (3,), False), ("S2", (2, 2), False),
    ([("a", "<f8"), ("b", "u1", (2,))], (4,), False), ("FIELD", (5,), False),
    ("f4", (1, 0, 3), False),
]


@pytest.mark.parametrize("spec,shape,fortran", ROUND_TRIP, ids=str)
def test_open_memmap_round_trip(spec, shape, fortran, tmp_path):
    dt = np.dtype(rp.FIELD_DTYPE.descr if spec == "FIELD" else spec)
    src = np.frombuffer(bytes((3 * k + 1) % 256 for k in range(dt.itemsize * int(np.prod(shape)))),
                        dtype=dt).reshape(shape, order="F" if fortran else "C")
    if dt.kind == "b":
        src = src.astype(bool)

    def scenario(mod, d):
        m = mod.lib.format.open_memmap(d / "a.npy", mode="w+", dtype=_dtype(mod, spec)
                                       if spec == "FIELD" else spec, shape=shape,
                                       fortran_order=fortran)
        out = [info(m, d), m.flags.f_contiguous]
        m[...] = mod.asarray(src)
        m.flush()
        del m
        back = mod.lib.format.open_memmap(d / "a.npy", mode="r")
        return out + [info(back, d), back.shape, back.dtype.str]
    same(scenario, tmp_path)
    # the bytes are np.save's own
    np.save(tmp_path / "saved.npy", src)
    assert (tmp_path / "rp" / "a.npy").read_bytes() == (tmp_path / "saved.npy").read_bytes()
    got = np.load(tmp_path / "rp" / "a.npy")
    assert got.dtype == src.dtype and got.shape == src.shape
    assert got.tobytes() == src.tobytes()


def test_open_memmap_version_2(tmp_path):
    dt = [(("%d" % i) * 100, float) for i in range(500)]
    d = np.ones(10, dtype=dt)
    f = rp.lib.format.open_memmap
    with pytest.raises(ValueError, match="too big"):
        f(tmp_path / "v1.npy", mode="w+", dtype=rp.dtype(dt), shape=d.shape, version=(1, 0))
    m = f(tmp_path / "v2.npy", mode="w+", dtype=rp.dtype(dt), shape=d.shape, version=(2, 0))
    m[...] = rp.asarray(d)
    m.flush()
    with pytest.raises(ValueError, match="Header.*large"):
        f(tmp_path / "v2.npy", mode="r")
    back = f(tmp_path / "v2.npy", mode="r", max_header_size=200000)
    assert np.array_equal(np.asarray(back), d)
    assert np.array_equal(np.load(tmp_path / "v2.npy", max_header_size=200000), d)
    with pytest.warns(UserWarning, match="format 2.0"):
        g = f(tmp_path / "guess.npy", mode="w+", dtype=rp.dtype(dt), shape=d.shape)
    del g
    with pytest.warns(UserWarning, match="format 2.0"):
        np.lib.format.open_memmap(tmp_path / "np.npy", mode="w+", dtype=dt, shape=d.shape)
    assert (tmp_path / "guess.npy").read_bytes()[:200000] == \
        (tmp_path / "np.npy").read_bytes()[:200000]
    with pytest.warns(UserWarning, match="format 3.0"):
        f(tmp_path / "utf8.npy", mode="w+", dtype=[("\u20ac", "f8")], shape=(2,))
    with pytest.warns(UserWarning, match="format 3.0"):
        np.lib.format.open_memmap(tmp_path / "utf8np.npy", mode="w+",
                                  dtype=[("\u20ac", "f8")], shape=(2,))
    assert (tmp_path / "utf8.npy").read_bytes() == (tmp_path / "utf8np.npy").read_bytes()


@pytest.mark.parametrize("case", ["bad_version", "version_list", "object", "object_field",
                                  "fileobj", "int_shape", "no_shape", "list_shape",
                                  "bad_magic", "short", "bad_header", "missing", "mode_x",
                                  "mode_c", "mode_r_plus", "mode_w"])
def test_open_memmap_errors_and_modes(case, tmp_path):
    def scenario(mod, d):
        om = mod.lib.format.open_memmap
        p = d / "a.npy"
        np.save(p, np.arange(6.0).reshape(2, 3))
        if case == "bad_version":
            return om(d / "n.npy", mode="w+", dtype="f8", shape=(2,), version=(1, 1))
        if case == "version_list":
            return om(d / "n.npy", mode="w+", dtype="f8", shape=(2,), version=[1, 0])
        if case == "object":
            return om(d / "n.npy", mode="w+", dtype=object, shape=(2,))
        if case == "object_field":
            return om(d / "n.npy", mode="w+", dtype=[("a", "O")], shape=(2,))
        if case == "fileobj":
            with open(p, "rb") as f:
                return om(f)
        if case == "int_shape":
            return om(d / "n.npy", mode="w+", dtype="f8", shape=3)
        if case == "no_shape":
            return om(d / "n.npy", mode="w+")
        if case == "list_shape":
            m = om(d / "n.npy", mode="w+", dtype="i2", shape=[2, 2])
            return info(m, d), m.shape
        if case == "bad_magic":
            write(p, b"\x93NUMPZ\x01\x00" + bytes(100))
            return om(p, mode="r")
        if case == "short":
            write(p, b"\x93NUM")
            return om(p, mode="r")
        if case == "bad_header":
            write(p, b"\x93NUMPY\x01\x00\x10\x00{'descr': 3}    \n")
            return om(p, mode="r")
        if case == "missing":
            return om(d / "missing.npy", mode="r")
        if case == "mode_x":
            return om(p, mode="x")
        if case in ("mode_c", "mode_r_plus"):
            m = om(p, mode="c" if case == "mode_c" else "r+")
            m[0, 0] = 99
            m.flush()
            return info(m, d), m
        if case == "mode_w":
            return om(p, mode="w", dtype="f8", shape=(2,))
    same(scenario, tmp_path)


# ---------------------------------------------------------------------------------------------
# the restart test: a field stepped inside a memmap by one process, read by the next
# ---------------------------------------------------------------------------------------------

_WRITER = textwrap.dedent("""
    import sys
    import rumpy as rp
    path = sys.argv[1]
    m = rp.memmap(path, dtype=rp.FIELD_DTYPE, mode="w+", shape=(64,))
    m[...] = rp.create_field((64,))
    m["value"] = rp.sin(rp.arange(64.0) / 5.0)
    m["target"] = rp.linspace(-1.0, 1.0, 64)
    m["mass"][::3] = 2.0
    rp.step(m[8:56], 3, 0.01)         # a view of the map, stepped in place
    m.flush()
""")

_READER = textwrap.dedent("""
    import sys
    import rumpy as rp
    m = rp.memmap(sys.argv[1], dtype=rp.FIELD_DTYPE, mode="r")
    assert type(m) is rp.memmap and m.shape == (64,) and not m.flags.writeable
    sys.stdout.write(m.tobytes().hex())
""")


def test_restart_keeps_a_stepped_field(tmp_path):
    path = str(tmp_path / "field.bin")
    env = dict(os.environ)
    for code in (_WRITER,):
        done = subprocess.run([sys.executable, "-c", code, path], capture_output=True,
                              text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-c", _READER, path], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    stored = bytes.fromhex(done.stdout)

    f = rp.create_field((64,))
    f["value"] = rp.sin(rp.arange(64.0) / 5.0)
    f["target"] = rp.linspace(-1.0, 1.0, 64)
    f["mass"][::3] = 2.0
    rp.step(f[8:56], 3, 0.01)
    assert stored == f.tobytes()
    got = np.frombuffer(stored, dtype=np.dtype(rp.FIELD_DTYPE.descr))
    assert not np.array_equal(got["value"][8:56], np.sin(np.arange(8, 56) / 5.0))
    assert np.array_equal(got["value"][:8], np.sin(np.arange(8) / 5.0))
    m = rp.memmap(path, dtype=rp.FIELD_DTYPE, mode="r")
    assert np.asarray(m).tobytes() == f.tobytes()
