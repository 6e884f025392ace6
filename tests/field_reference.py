"""The particle field's reference: the issue's step formulas, in order, evaluated with NumPy
float64 arrays (used by the tests, which require rumpy to be bit-identical, and by the
benchmark)."""

import numpy as np

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
