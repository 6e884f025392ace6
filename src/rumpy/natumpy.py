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

    set_props = staticmethod(_field.set_props)
    set_target = staticmethod(_field.set_target)
    step = staticmethod(_field.step)
    resonate = staticmethod(_field.resonate)
    force = staticmethod(_field.force)

    @staticmethod
    def size(field):
        return field.size
