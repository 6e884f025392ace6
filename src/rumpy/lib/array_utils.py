"""``rumpy.lib.array_utils``: axis normalisation and an array's memory bounds."""

import operator

from ..exceptions import AxisError

__all__ = ["byte_bounds", "normalize_axis_tuple", "normalize_axis_index"]


def normalize_axis_index(axis, ndim, msg_prefix=None):
    """``axis`` as an index in ``range(ndim)``; AxisError when out of bounds."""
    axis, ndim = _integer(axis), _integer(ndim)
    if not -ndim <= axis < ndim:
        raise AxisError(axis, ndim, msg_prefix)
    return axis % ndim


def _integer(value):
    if isinstance(value, float):
        raise TypeError("integer argument expected, got float")
    return operator.index(value)


def normalize_axis_tuple(axis, ndim, argname=None, allow_duplicate=False):
    """``axis`` (an int or a sequence of them) as a tuple of non-negative axes."""
    if not isinstance(axis, (tuple, list)):
        try:
            axis = [operator.index(axis)]
        except TypeError:
            pass
    axis = tuple(normalize_axis_index(ax, ndim, argname) for ax in axis)
    if not allow_duplicate and len(set(axis)) != len(axis):
        if argname:
            raise ValueError(f"repeated axis in `{argname}` argument")
        raise ValueError("repeated axis")
    return axis


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
