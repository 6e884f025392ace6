"""``rumpy.lib.array_utils``: axis normalisation and an array's memory bounds."""

from .._shape import normalize_axis_index, normalize_axis_tuple

__all__ = ["byte_bounds", "normalize_axis_tuple", "normalize_axis_index"]


def byte_bounds(a):
    """(low, high): the first byte address ``a`` uses and one past the last."""
    info = a.__array_interface__
    low = high = info["data"][0]
    itemsize = a.dtype.itemsize
    if info["strides"] is None:
        return low, high + a.size * itemsize
    for extent, stride in zip(info["shape"], info["strides"]):
        if stride < 0:
            low += (extent - 1) * stride
        else:
            high += (extent - 1) * stride
    return low, high + itemsize
