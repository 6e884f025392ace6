"""The particle field: a record array of FIELD_DTYPE whose physics runs in the Rust core
(`ops/field.rs`)."""

from . import _core

FIELD_DTYPE = _core.dtype([("value", "<f8"), ("velocity", "<f8"), ("mass", "<f8"),
                           ("damping", "<f8"), ("target", "<f8")])


def create_field(shape):
    """A field of `shape` atoms: value 0, velocity 0, mass 1.0, damping 0.1, target 0.0."""
    f = _core.zeros(shape, dtype=FIELD_DTYPE)
    f["mass"] = 1.0
    f["damping"] = 0.1
    return f


step = _core.step
resonate = _core.resonate
force = _core.force
set_props = _core.set_props
set_target = _core.set_target
