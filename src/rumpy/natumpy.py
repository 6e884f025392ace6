"""Compatibility with natumpy: programs written for it run by changing their import to
``from rumpy import natumpy``."""

from . import _field

NAT_DTYPE = _field.FIELD_DTYPE


def create_field(size):
    """A field of `size` atoms (see rumpy.create_field)."""
    return _field.create_field(size)


def view(field):
    """The record array itself."""
    return field


class NatField:
    """natumpy's namespace of field operations."""

    @staticmethod
    def set_props(field, index, mass, damping):
        _field.set_props(field, index, mass, damping)

    @staticmethod
    def set_target(field, index, target):
        _field.set_target(field, index, target)

    @staticmethod
    def step(field, cycles, dt=0.1):
        _field.step(field, cycles, dt)

    @staticmethod
    def resonate(field, idx_a, idx_b, strength):
        _field.resonate(field, idx_a, idx_b, strength)

    @staticmethod
    def force(field, index, value):
        _field.force(field, index, value)

    @staticmethod
    def size(field):
        return field.size
