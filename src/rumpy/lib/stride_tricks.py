"""``rumpy.lib.stride_tricks``: strided views of an array's memory (numpy.lib.stride_tricks)."""

import operator

from .. import _core
from .array_utils import normalize_axis_tuple

__all__ = ["as_strided", "sliding_window_view"]


def _root(arr):
    """The array that owns ``arr``'s memory (the end of its chain of bases)."""
    while isinstance(arr.base, _core.ndarray):
        arr = arr.base
    return arr


def _buffer(x):
    """Bytes of the memory ``x`` lives in: its owner's whole buffer when that is contiguous,
    so that the view may reach outside ``x`` (as numpy's does), else ``x``'s own."""
    root = _root(x)
    if root.size and (root.flags.c_contiguous or root.flags.f_contiguous):
        return root.ravel(order="K").view("u1")
    return x


def _address(arr):
    return arr.__array_interface__["data"][0]


def _as_subclass(original, view):
    """``view`` as ``original``'s ndarray subclass, finalized from ``original``."""
    if type(original) is type(view):
        return view
    view = view.view(type=type(original))
    finalize = getattr(view, "__array_finalize__", None)
    if finalize is not None:
        finalize(original)
    return view


def as_strided(x, shape=None, strides=None, subok=False, writeable=True):
    """A view of ``x``'s memory with the given shape and strides (no bounds checks)."""
    x = _core.array(x, copy=None, subok=subok)
    shape = x.shape if shape is None else tuple(operator.index(n) for n in shape)
    strides = x.strides if strides is None else tuple(operator.index(s) for s in strides)
    if len(shape) != len(strides):
        raise ValueError("mismatch in length of strides and shape")
    buffer = _buffer(x)
    view = _core.ndarray(shape, dtype=x.dtype, buffer=buffer,
                         offset=_address(x) - _address(buffer), strides=strides)
    if not x.flags.writeable or not writeable:
        view.flags.writeable = False
    return _as_subclass(x, view) if subok else view


def sliding_window_view(x, window_shape, axis=None, *, subok=False, writeable=False):
    """A read-only (by default) view of every window of ``window_shape`` over ``x``'s axes."""
    try:
        window_shape = tuple(window_shape)
    except TypeError:
        window_shape = (window_shape,)
    x = _core.array(x, copy=None, subok=subok)
    if any(w < 0 for w in window_shape):
        raise ValueError("`window_shape` cannot contain negative values")
    if axis is None:
        axis = tuple(range(x.ndim))
        if len(window_shape) != len(axis):
            raise ValueError(f"Since axis is `None`, must provide window_shape for all "
                             f"dimensions of `x`; got {len(window_shape)} window_shape "
                             f"elements and `x.ndim` is {x.ndim}.")
    else:
        axis = normalize_axis_tuple(axis, x.ndim, allow_duplicate=True)
        if len(window_shape) != len(axis):
            raise ValueError(f"Must provide matching length window_shape and axis; got "
                             f"{len(window_shape)} window_shape elements and {len(axis)} "
                             f"axes elements.")
    shape = list(x.shape)
    for ax, size in zip(axis, window_shape):
        if shape[ax] < size:
            raise ValueError("window shape cannot be larger than input array shape")
        shape[ax] -= size - 1
    strides = x.strides + tuple(x.strides[ax] for ax in axis)
    return as_strided(x, tuple(shape) + window_shape, strides, subok=subok,
                      writeable=writeable)


_BROADCASTING = ("broadcast_arrays", "broadcast_shapes", "broadcast_to")


def __getattr__(name):
    # rumpy's own functions, looked up on use: the package wraps them after importing lib
    if name in _BROADCASTING:
        import rumpy
        return getattr(rumpy, name)
    raise AttributeError(f"module 'rumpy.lib.stride_tricks' has no attribute '{name}'")
