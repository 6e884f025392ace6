"""The particle field: `rp.step` against the formulas evaluated with NumPy float64 arrays
(bit-identical), on 1-d, n-d, strided and sliced fields and on records with extra fields;
and its errors."""

import numpy as np
import pytest

import rumpy as rp

FIELD = [("value", "<f8"), ("velocity", "<f8"), ("mass", "<f8"), ("damping", "<f8"),
         ("target", "<f8")]
NAMES = [n for n, _ in FIELD]


def numpy_step(rec, cycles, dt):
    """The issue's formulas, in order, on copies of the fields of a numpy record array."""
    value, velocity, mass, damping, target = (rec[k].copy() for k in NAMES)
    for _ in range(cycles):
        force = target - value
        acc = force / mass
        velocity = velocity + acc * dt
        velocity = velocity * (1 - damping)
        value = value + velocity * dt
        bad = ~np.isfinite(value)
        value[bad] = 0
        velocity[bad] = 0
    return value, velocity


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
