"""The particle field: `rp.step` against the formulas evaluated with NumPy float64 arrays
(bit-identical), on 1-d, n-d, strided and sliced fields and on records with extra fields;
and its errors."""

import numpy as np
import pytest

import rumpy as rp

from field_reference import FIELD, NAMES, numpy_step  # noqa: F401


def filled(shape, dtype=FIELD, seed=0):
    """A numpy record array with varied atoms (some driven to overflow) and its rumpy twin
    sharing memory."""
    rng = np.random.default_rng(seed)
    n = np.zeros(shape, dtype=dtype)
    n["value"] = rng.normal(size=shape)
    n["velocity"] = rng.normal(size=shape)
    n["mass"] = rng.uniform(1e-3, 3.0, size=shape)
    n["damping"] = rng.uniform(0.0, 1.0, size=shape)
    n["target"] = rng.normal(scale=1e3, size=shape)
    flat = n.reshape(-1)
    if flat.size > 3:
        flat["target"][::7] = 1e308   # these atoms overflow and are reset
        flat["mass"][1::11] = 1e-300
    return n


def test_create_field_and_dtype():
    f = rp.create_field((3, 2))
    assert rp.FIELD_DTYPE == rp.dtype(FIELD) and rp.FIELD_DTYPE.itemsize == 40
    n = np.zeros((3, 2), dtype=FIELD)
    n["mass"] = 1.0
    n["damping"] = 0.1
    assert np.asarray(f).dtype == n.dtype
    assert np.array_equal(np.asarray(f), n)


@pytest.mark.parametrize("shape", [(0,), (1,), (17,), (1000,), (5000,), (3, 40), (2, 3, 50)])
@pytest.mark.parametrize("cycles", [0, 1, 7, 60])
def test_step_bit_identical(shape, cycles):
    n = filled(shape)
    r = rp.asarray(n)          # shares memory: step works in place on numpy's data
    want_v, want_w = numpy_step(n, cycles, 0.1)
    with np.errstate(all="ignore"):
        rp.step(r, cycles, 0.1)
    assert np.array_equal(n["value"], want_v)
    assert np.array_equal(n["velocity"], want_w)


@pytest.mark.parametrize("view", ["every_other", "reversed", "transposed", "column", "slice"])
def test_step_on_views_moves_only_those_atoms(view):
    n = filled((6, 40), seed=1)
    before = n.copy()
    r = rp.asarray(n)
    pick = {
        "every_other": lambda a: a[:, ::2],
        "reversed": lambda a: a[::-1, ::-3],
        "transposed": lambda a: a.T,
        "column": lambda a: a[:, 5],
        "slice": lambda a: a[2:4, 10:30],
    }[view]
    sub_n = pick(before.copy())
    want_v, want_w = numpy_step(sub_n, 5, 0.05)
    rp.step(pick(r), 5, 0.05)
    got = pick(n)
    assert np.array_equal(got["value"], want_v)
    assert np.array_equal(got["velocity"], want_w)
    # everything outside the view is untouched
    mask = np.ones(n.shape, dtype=bool)
    pick(mask)[...] = False
    assert np.array_equal(n[mask], before[mask])


def test_step_with_extra_fields_and_other_order():
    dtype = [("id", "<i4"), ("target", "<f8"), ("tag", "u1"), ("mass", "<f8"), ("value", "<f8"),
             ("damping", "<f8"), ("velocity", "<f8"), ("spare", "<f4", (2,))]
    n = filled((300,), dtype=dtype, seed=2)
    n["id"] = np.arange(300)
    n["tag"] = 7
    n["spare"] = 1.5
    keep = n[["id", "tag", "spare"]].copy()
    want_v, want_w = numpy_step(n, 9, 0.2)
    rp.step(rp.asarray(n), 9, 0.2)
    assert np.array_equal(n["value"], want_v) and np.array_equal(n["velocity"], want_w)
    assert np.array_equal(n[["id", "tag", "spare"]], keep)


@pytest.mark.parametrize("args,exc", [
    ((1, 0.0), ValueError), ((1, -0.1), ValueError), ((1, float("nan")), ValueError),
    ((1, float("inf")), ValueError), ((-1, 0.1), ValueError),
])
def test_step_bad_arguments_change_nothing(args, exc):
    n = filled((10,))
    before = n.copy()
    with pytest.raises(exc):
        rp.step(rp.asarray(n), *args)
    assert np.array_equal(n, before)


def test_step_bad_dtypes_and_read_only():
    with pytest.raises(TypeError, match="mass"):
        rp.step(rp.zeros(3, dtype=[("value", "<f8"), ("velocity", "<f8"), ("damping", "<f8"),
                                   ("target", "<f8")]))
    with pytest.raises(TypeError):
        rp.step(rp.zeros(3, dtype=[(k, "<f4") for k in NAMES]))
    with pytest.raises(TypeError):
        rp.step(rp.zeros(3))
    n = filled((4,))
    n.flags.writeable = False
    with pytest.raises(ValueError):
        rp.step(rp.asarray(n))


def numpy_resonate(rec, i, j, strength):
    """The issue's pair update, applied in order on a numpy record array (flat indices)."""
    flat = rec.reshape(-1)
    i, j, strength = np.broadcast_arrays(np.asarray(i), np.asarray(j), np.asarray(strength, float))
    for a, b, s in zip(i.ravel(), j.ravel(), strength.ravel()):
        if a % flat.size == b % flat.size:
            continue
        delta = flat["value"][b] - flat["value"][a]
        f = delta * s
        flat["velocity"][a] += f / flat["mass"][a] * 0.1
        flat["velocity"][b] -= f / flat["mass"][b] * 0.1


@pytest.mark.parametrize("case", [
    (3, 7, 0.5), ([0, 1, 1, 4], [5, 5, 2, 4], 0.25), ([-1, 0], [2, -3], [0.1, 2.0]),
    (np.arange(20), np.arange(20)[::-1], 0.3), ([[0], [3]], [1, 2, 5], 1.5),
])
def test_resonate_matches_sequential_pairs(case):
    i, j, s = case
    n = filled((30,), seed=3)
    want = n.copy()
    numpy_resonate(want, i, j, s)
    rp.resonate(rp.asarray(n), i, j, s)
    assert np.array_equal(n, want)


def test_resonate_on_nd_field_uses_flat_indices():
    n = filled((4, 5), seed=4)
    want = n.copy()
    numpy_resonate(want, [0, 19, 7], [12, 3, 7], 0.7)
    rp.resonate(rp.asarray(n), [0, 19, 7], [12, 3, 7], 0.7)
    assert np.array_equal(n, want)


def test_resonate_out_of_range_changes_nothing():
    n = filled((10,), seed=5)
    before = n.copy()
    with pytest.raises(IndexError):
        rp.resonate(rp.asarray(n), [0, 1, 10], [2, 3, 4], 1.0)
    assert np.array_equal(n, before)


@pytest.mark.parametrize("index", [3, -1, [0, 2, 2], slice(1, 8, 3), "mask"])
def test_force_set_props_set_target(index):
    n = filled((10,), seed=6)
    idx = (np.arange(10) % 3 == 0) if isinstance(index, str) else index
    want = n.copy()
    k = want[idx].shape
    vals = np.linspace(-2.0, 3.0, int(np.prod(k))).reshape(k) if k else 1.25
    want["value"][idx] = vals
    want["velocity"][idx] = 0.0
    rp.force(rp.asarray(n), idx, vals)
    assert np.array_equal(n, want)
    mass = np.full(k, 1e-9) if k else 1e-9
    want["mass"][idx] = np.maximum(mass, 1e-6)
    want["damping"][idx] = np.clip(1.5, 0.0, 1.0)
    rp.set_props(rp.asarray(n), idx, mass, 1.5)
    assert np.array_equal(n, want)
    want["target"][idx] = -4.0
    rp.set_target(rp.asarray(n), idx, -4.0)
    assert np.array_equal(n, want)


@pytest.mark.parametrize("call", [
    lambda r: rp.force(r, 20, 1.0),
    lambda r: rp.force(r, [0, 1], float("nan")),
    lambda r: rp.set_target(r, 0, float("inf")),
    lambda r: rp.set_props(r, [0, 99], 1.0, 0.5),
    lambda r: rp.force(r, [0, 1], [1.0, 2.0, 3.0]),
])
def test_field_setters_reject_and_change_nothing(call):
    n = filled((10,), seed=7)
    before = n.copy()
    with pytest.raises((IndexError, ValueError)):
        call(rp.asarray(n))
    assert np.array_equal(n, before)


def test_natumpy_compatibility():
    from rumpy import natumpy as nt
    f = nt.create_field(8)
    assert nt.view(f) is f and nt.NAT_DTYPE == rp.FIELD_DTYPE and nt.NatField.size(f) == 8
    nt.NatField.set_props(f, [0, 1], 2.0, 0.2)
    nt.NatField.set_target(f, slice(None), 1.0)
    nt.NatField.force(f, 3, 0.5)
    nt.NatField.resonate(f, 0, 3, 0.4)
    nt.NatField.step(f, 5)
    ref = np.zeros(8, dtype=FIELD)
    ref["mass"] = 1.0
    ref["damping"] = 0.1
    ref["mass"][[0, 1]] = 2.0
    ref["damping"][[0, 1]] = 0.2
    ref["target"] = 1.0
    ref["value"][3] = 0.5
    numpy_resonate(ref, 0, 3, 0.4)
    v, w = numpy_step(ref, 5, 0.1)
    assert np.array_equal(np.asarray(f)["value"], v)
    assert np.array_equal(np.asarray(f)["velocity"], w)


def test_concurrent_steps_serialise():
    import threading
    n = filled((2000,), seed=8)
    want = n.copy()
    for _ in range(8):
        v, w = numpy_step(want, 3, 0.1)
        want["value"], want["velocity"] = v, w
    r = rp.asarray(n)
    threads = [threading.Thread(target=rp.step, args=(r, 3, 0.1)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # steps commute only as whole units: the result equals 24 sequential cycles
    assert np.array_equal(n["value"], want["value"])
    assert np.array_equal(n["velocity"], want["velocity"])
