"""argmin / argmax (also the ndarray methods, see _methods.py); the scan runs in the Rust
core (`ops/argext.rs`)."""

from . import _core
from ._subclass import defers_to_method as _defers_to_method


def _arg_extreme(a, axis, out, keepdims, is_max):
    arr = _core.asanyarray(a)
    if axis is not None and not isinstance(axis, int):
        try:
            axis = axis.__index__()
        except AttributeError:
            raise TypeError(
                f"'{type(axis).__name__}' object cannot be interpreted as an integer") from None
    if arr.dtype.kind == "O":
        r = _object_arg(arr, axis, is_max)
    else:
        r = _core._arg_extreme(arr, axis, is_max)
    if keepdims:
        if axis is None:
            r = r.reshape((1,) * arr.ndim)
        elif arr.ndim:
            shape = list(arr.shape)
            shape[axis % arr.ndim] = 1
            r = r.reshape(tuple(shape))
    if out is not None:
        name = "argmax" if is_max else "argmin"
        if not isinstance(out, _core.ndarray) or out.shape != r.shape:
            raise ValueError(f"output array does not match result of np.{name}.")
        if out.dtype.kind not in "iu":
            raise TypeError(
                f"Cannot cast scalar from dtype('{out.dtype}') to dtype('int64') "
                "according to the rule 'safe'")
        _core.copyto(out, r, casting="unsafe")
        return out
    return r[()] if r.ndim == 0 else r


@_defers_to_method("argmax")
def argmax(a, axis=None, out=None, *, keepdims=False):
    """Indices of the maximum values along an axis (the first occurrence; NaN counts as the
    maximum)."""
    return _arg_extreme(a, axis, out, keepdims, True)


@_defers_to_method("argmin")
def argmin(a, axis=None, out=None, *, keepdims=False):
    """Indices of the minimum values along an axis (the first occurrence; NaN counts as the
    minimum)."""
    return _arg_extreme(a, axis, out, keepdims, False)


def _object_arg(arr, axis, is_max):
    """NumPy's object argmax/argmin: the first item no later item is greater (less) than, by
    the objects' own comparison (its errors propagate)."""
    import operator
    better = operator.gt if is_max else operator.lt
    name = "argmax" if is_max else "argmin"
    if axis is None:
        lines, shape = arr.reshape(1, -1), ()
    else:
        ax = axis + arr.ndim if axis < 0 else axis
        if not 0 <= ax < max(arr.ndim, 1):
            from .exceptions import AxisError
            raise AxisError(f"axis {axis} is out of bounds for array of dimension {arr.ndim}")
        from . import moveaxis
        moved = moveaxis(arr, ax, -1) if arr.ndim else arr.reshape(1)
        shape = moved.shape[:-1]
        if moved.shape[-1] == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        lines = moved.reshape(-1, moved.shape[-1])
    if lines.shape[-1] == 0:
        raise ValueError(f"attempt to get {name} of an empty sequence")
    out = []
    for line in lines.tolist():
        best, at = line[0], 0
        for i in range(1, len(line)):
            if better(line[i], best):
                best, at = line[i], i
        out.append(at)
    return _core.array(out, dtype="int64").reshape(shape)
