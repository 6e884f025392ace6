"""Reshaping, rearranging, joining and splitting arrays, as NumPy's functions.

These are compositions of the core's views (reshape, transpose, strided views), its copies
(`concatenate`, assignment) and advanced indexing, so no element is touched in Python. They
follow NumPy's own implementations (numpy/_core/shape_base.py, numpy/lib/_shape_base_impl.py,
numpy/_core/numeric.py, numpy/_core/fromnumeric.py).
"""

import builtins
import itertools
import math
import sys
import operator

from . import _core
from ._subclass import defers_to_method as _defers_to_method
from .exceptions import AxisError

asarray = _core.asanyarray
ndarray = _core.ndarray
concatenate = _core.concatenate


def _axis(axis, ndim, argname=None):
    """``axis`` as an index in ``range(ndim)`` (kept as given for a 0-d array); AxisError
    with NumPy's message when out of bounds."""
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise AxisError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis % ndim if ndim else axis


_normalize_axis_index = _axis


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


# ---------------------------------------------------------------------------
# rearranging
# ---------------------------------------------------------------------------

def reshape(a, /, shape=None, order="C", *, newshape=None, copy=None):
    """Give an array a new shape without changing its data.

    Parameters
    ----------
    a : array_like
        The array to reshape.
    shape : int or tuple of ints
        The new shape; its size must equal ``a.size``. One entry may be -1,
        in which case it is inferred from the others.
    order : {'C', 'F', 'A'}, optional
        The index order in which elements are read and placed.
    newshape : int or tuple of ints, optional
        Deprecated keyword spelling of `shape`.
    copy : bool, optional
        If True, always copy the data. If None (default), copy only if needed.

    Returns
    -------
    ndarray
        The reshaped array: a view when the memory layout allows it, else a copy.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.reshape(rp.arange(6), (3, -1))
    array([[0, 1],
           [2, 3],
           [4, 5]])
    """
    if shape is None:
        shape = newshape
    a = asarray(a)
    if copy:
        a = a.copy(order='K' if order == 'A' else order)
    return a.reshape(shape, order=order)


def ravel(a, order='C'):
    """Return the elements of an array as a 1-D array.

    A view is returned when possible; otherwise the data are copied.

    Parameters
    ----------
    a : array_like
        The input array.
    order : {'C', 'F', 'A', 'K'}, optional
        The order in which the elements are read. Default is 'C' (row-major).

    Returns
    -------
    ndarray
        A 1-D array with ``a.size`` elements.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.array([[1, 2], [3, 4]])
    >>> rp.ravel(x)
    array([1, 2, 3, 4])
    >>> rp.ravel(x, order='F')
    array([1, 3, 2, 4])
    """
    return asarray(a).ravel(order)


@_defers_to_method("transpose")
def transpose(a, axes=None):
    """Permute the axes of an array.

    With no `axes`, the order of the axes is reversed. The result is a view.

    Parameters
    ----------
    a : array_like
        The input array.
    axes : tuple or list of ints, optional
        A permutation of ``range(a.ndim)``: axis ``i`` of the result is axis
        ``axes[i]`` of the input. Negative values count from the end.

    Returns
    -------
    ndarray
        A view of `a` with its axes permuted.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.transpose(rp.array([[1, 2], [3, 4]]))
    array([[1, 3],
           [2, 4]])
    >>> rp.transpose(rp.ones((2, 3, 4)), (1, 2, 0)).shape
    (3, 4, 2)
    """
    a = asarray(a)
    return a.transpose() if axes is None else a.transpose(axes)


def permute_dims(a, axes=None):
    """Permute the axes of an array (the array API name for `transpose`).

    Parameters
    ----------
    a : array_like
        The input array.
    axes : tuple or list of ints, optional
        A permutation of ``range(a.ndim)``. If None, the axes are reversed.

    Returns
    -------
    ndarray
        A view of `a` with its axes permuted.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.permute_dims(rp.ones((2, 3, 4)), (2, 0, 1)).shape
    (4, 2, 3)
    >>> rp.permute_dims(rp.array([[1, 2, 3]]))
    array([[1],
           [2],
           [3]])
    """
    return transpose(a, axes)


def matrix_transpose(x):
    """Transpose a matrix, or each matrix in a stack of matrices.

    Only the last two axes are swapped; leading axes are left in place.

    Parameters
    ----------
    x : array_like
        Input with at least two dimensions.

    Returns
    -------
    ndarray
        A view of `x` with its last two axes swapped.

    Raises
    ------
    ValueError
        If `x` has fewer than two dimensions.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.matrix_transpose(rp.array([[1, 2], [3, 4]]))
    array([[1, 3],
           [2, 4]])
    >>> rp.matrix_transpose(rp.ones((5, 2, 3))).shape
    (5, 3, 2)
    """
    x = asarray(x)
    if x.ndim < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {x.ndim}")
    return x.swapaxes(-1, -2)


@_defers_to_method("swapaxes")
def swapaxes(a, axis1, axis2):
    """Exchange two axes of an array.

    Parameters
    ----------
    a : array_like
        The input array.
    axis1, axis2 : int
        The two axes to exchange. Negative values count from the end.

    Returns
    -------
    ndarray
        A view of `a` with the two axes swapped.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.swapaxes(rp.array([[1, 2, 3]]), 0, 1)
    array([[1],
           [2],
           [3]])
    >>> rp.swapaxes(rp.ones((2, 3, 4)), 0, 2).shape
    (4, 3, 2)
    """
    return asarray(a).swapaxes(axis1, axis2)


def moveaxis(a, source, destination):
    """Move axes of an array to new positions.

    The axes not named keep their relative order.

    Parameters
    ----------
    a : array_like
        The input array.
    source : int or sequence of ints
        Original positions of the axes to move. These must be unique.
    destination : int or sequence of ints
        New positions for each of the `source` axes, also unique.

    Returns
    -------
    ndarray
        A view of `a` with the axes rearranged.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.zeros((3, 4, 5))
    >>> rp.moveaxis(x, 0, -1).shape
    (4, 5, 3)
    >>> rp.moveaxis(x, [0, 1], [-1, -2]).shape
    (5, 4, 3)
    """
    a = asarray(a)
    source = normalize_axis_tuple(source, a.ndim, 'source')
    destination = normalize_axis_tuple(destination, a.ndim, 'destination')
    if len(source) != len(destination):
        raise ValueError('`source` and `destination` arguments must have the same number of '
                         'elements')
    order = [n for n in range(a.ndim) if n not in source]
    for dest, src in sorted(zip(destination, source)):
        order.insert(dest, src)
    return a.transpose(order)


def rollaxis(a, axis, start=0):
    """Roll one axis backwards until it lies at a given position.

    `moveaxis` is usually clearer; this function is kept for compatibility.

    Parameters
    ----------
    a : array_like
        The input array.
    axis : int
        The axis to move.
    start : int, optional
        The axis is moved to sit before the axis currently at `start`
        (default 0, the front). May range from ``-a.ndim`` to ``a.ndim``.

    Returns
    -------
    ndarray
        A view of `a` with the axis moved.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.ones((3, 4, 5, 6))
    >>> rp.rollaxis(x, 3, 1).shape
    (3, 6, 4, 5)
    >>> rp.rollaxis(x, 1, 4).shape
    (3, 5, 6, 4)
    """
    a = asarray(a)
    n = a.ndim
    axis = _axis(axis, n)
    if start < 0:
        start += n
    if not (0 <= start < n + 1):
        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if axis < start:
        start -= 1
    if axis == start:
        return a[...]
    axes = list(range(0, n))
    axes.remove(axis)
    axes.insert(start, axis)
    return a.transpose(axes)


def expand_dims(a, axis):
    """Insert new axes of length one into the shape of an array.

    Parameters
    ----------
    a : array_like
        The input array.
    axis : int or tuple of ints
        Positions, in the shape of the result, where the new axes are placed.
        Negative values count from the end of the result's shape.

    Returns
    -------
    ndarray
        A view of `a` with ``a.ndim + len(axis)`` dimensions.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.array([1, 2])
    >>> rp.expand_dims(x, axis=0)
    array([[1, 2]])
    >>> rp.expand_dims(x, axis=(0, 2)).shape
    (1, 2, 1)
    """
    a = asarray(a)
    if not isinstance(axis, (tuple, list)):
        axis = (axis,)
    out_ndim = len(axis) + a.ndim
    axis = normalize_axis_tuple(axis, out_ndim)
    shape_it = iter(a.shape)
    shape = [1 if ax in axis else next(shape_it) for ax in range(out_ndim)]
    return a.reshape(shape)


@_defers_to_method("squeeze")
def squeeze(a, axis=None):
    """Remove axes of length one from an array.

    Parameters
    ----------
    a : array_like
        The input array.
    axis : int or tuple of ints, optional
        Only these axes are removed; each must have length one. By default
        every length-one axis is removed.

    Returns
    -------
    ndarray
        A view of `a` with the selected axes dropped.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.array([[[0], [1], [2]]])
    >>> x.shape
    (1, 3, 1)
    >>> rp.squeeze(x)
    array([0, 1, 2])
    >>> rp.squeeze(x, axis=0).shape
    (3, 1)
    """
    a = asarray(a)
    return a.squeeze() if axis is None else a.squeeze(axis=axis)


def _atleast(arys, nd, where):
    """Each input with at least `nd` dimensions: `where[k]` places a k-d array's axes."""
    res = []
    for a in arys:
        a = asarray(a)
        if a.ndim < nd:
            a = a.reshape((1,) * nd) if a.ndim == 0 else a[where[a.ndim]]
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_1d(*arys):
    """Convert inputs to arrays with at least one dimension.

    Scalars become 1-element arrays; arrays of higher rank are returned as is.

    Parameters
    ----------
    *arys : array_like
        One or more inputs.

    Returns
    -------
    ndarray or tuple of ndarray
        One array for a single input, otherwise a tuple with one array per
        input.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.atleast_1d(3.0)
    array([3.])
    >>> rp.atleast_1d(1, [2, 3])
    (array([1]), array([2, 3]))
    """
    return _atleast(arys, 1, {})


def atleast_2d(*arys):
    """Convert inputs to arrays with at least two dimensions.

    A 1-D input of length N becomes shape (1, N); a scalar becomes (1, 1).

    Parameters
    ----------
    *arys : array_like
        One or more inputs.

    Returns
    -------
    ndarray or tuple of ndarray
        One array for a single input, otherwise a tuple with one array per
        input.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.atleast_2d(3.0)
    array([[3.]])
    >>> rp.atleast_2d([1, 2, 3])
    array([[1, 2, 3]])
    >>> rp.atleast_2d(rp.ones((2, 2, 2))).shape
    (2, 2, 2)
    """
    return _atleast(arys, 2, {1: (None, slice(None))})


def atleast_3d(*arys):
    """Convert inputs to arrays with at least three dimensions.

    A 1-D input of length N becomes shape (1, N, 1); a 2-D input of shape
    (M, N) becomes (M, N, 1); a scalar becomes (1, 1, 1).

    Parameters
    ----------
    *arys : array_like
        One or more inputs.

    Returns
    -------
    ndarray or tuple of ndarray
        One array for a single input, otherwise a tuple with one array per
        input.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.atleast_3d(3.0)
    array([[[3.]]])
    >>> rp.atleast_3d([1, 2, 3]).shape
    (1, 3, 1)
    >>> rp.atleast_3d(rp.ones((4, 5))).shape
    (4, 5, 1)
    """
    return _atleast(arys, 3, {1: (None, slice(None), None), 2: (slice(None), slice(None), None)})


def broadcast_shapes(*args):
    """Compute the shape that the given shapes broadcast to.

    No arrays are created; only the shapes are combined by the broadcasting
    rules.

    Parameters
    ----------
    *args : int or tuple of ints
        The shapes to combine. An int stands for a 1-D shape.

    Returns
    -------
    tuple of ints
        The broadcast shape.

    Raises
    ------
    ValueError
        If the shapes are not compatible.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.broadcast_shapes((3, 1), (1, 4))
    (3, 4)
    >>> rp.broadcast_shapes((5, 1, 2), 2, (6, 1))
    (5, 6, 2)
    """
    shapes = [tuple(s) if isinstance(s, (tuple, list)) else (s,) for s in args]
    nd = builtins.max((len(s) for s in shapes), default=0)
    out = [1] * nd
    first = [None] * nd  # which argument set each dimension
    for a, s in enumerate(shapes):
        for k, d in enumerate(s):
            j = nd - len(s) + k
            if out[j] == 1:
                out[j], first[j] = d, a
            elif d != 1 and d != out[j]:
                b = first[j]
                raise ValueError(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch "
                    f"is between arg {b} with shape {shapes[b]} and arg {a} with shape {s}.")
    return tuple(out)


def broadcast_to(array, shape, subok=False):
    """Broadcast an array to a new shape.

    The result is a read-only view in which repeated elements share memory.

    Parameters
    ----------
    array : array_like
        The array to broadcast.
    shape : int or tuple of ints
        The target shape; it must be compatible with the array's shape.
    subok : bool, optional
        Accepted for compatibility with NumPy; has no effect.

    Returns
    -------
    ndarray
        A read-only view of `array` with the given shape.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.broadcast_to(rp.array([1, 2, 3]), (2, 3))
    array([[1, 2, 3],
           [1, 2, 3]])
    >>> rp.broadcast_to(5, 3)
    array([5, 5, 5])
    """
    a = asarray(array)
    shape = (shape,) if not isinstance(shape, (tuple, list)) else tuple(shape)
    if any(d < 0 for d in shape):
        raise ValueError("all elements of broadcast shape must be non-negative")
    if any(d > sys.maxsize for d in shape):
        raise ValueError("Maximum allowed dimension exceeded")
    if len(shape) < a.ndim:
        raise ValueError("input operand has more dimensions than allowed by the axis remapping")
    lead = len(shape) - a.ndim
    strides = [0] * lead
    for k, d in enumerate(a.shape):
        t = shape[lead + k]
        if d == t:
            strides.append(a.strides[k])
        elif d == 1:
            strides.append(0)
        else:
            raise ValueError(
                "operands could not be broadcast together with remapped shapes "
                f"[original->remapped]: {a.shape}  and requested shape "
                f"({','.join(str(x) for x in shape)}{',' if len(shape) == 1 else ''})")
    return _core._strided_view(a, list(shape), strides, 0, False)


def broadcast_arrays(*args, subok=False):
    """Broadcast any number of arrays against each other.

    Parameters
    ----------
    *args : array_like
        The arrays to broadcast.
    subok : bool, optional
        Accepted for compatibility with NumPy; has no effect.

    Returns
    -------
    tuple of ndarray
        One array per input, all with the common broadcast shape. Inputs that
        needed broadcasting come back as views sharing memory between
        elements, so they should not be written to.

    Examples
    --------
    >>> import rumpy as rp
    >>> x, y = rp.broadcast_arrays(rp.array([[1, 2, 3]]), rp.array([[4], [5]]))
    >>> x
    array([[1, 2, 3],
           [1, 2, 3]])
    >>> y
    array([[4, 4, 4],
           [5, 5, 5]])
    """
    args = [asarray(a) for a in args]
    shape = broadcast_shapes(*[a.shape for a in args])
    return tuple(a if a.shape == shape else broadcast_to(a, shape) for a in args)


def flip(m, axis=None):
    """Reverse the order of elements along the given axes.

    Parameters
    ----------
    m : array_like
        The input array.
    axis : None or int or tuple of ints, optional
        The axes to reverse. By default every axis is reversed.

    Returns
    -------
    ndarray
        A view of `m` with the entries along `axis` in reverse order.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.array([[1, 2], [3, 4]])
    >>> rp.flip(x)
    array([[4, 3],
           [2, 1]])
    >>> rp.flip(x, axis=1)
    array([[2, 1],
           [4, 3]])
    """
    m = asarray(m)
    if axis is None:
        return m[(slice(None, None, -1),) * m.ndim]
    axis = normalize_axis_tuple(axis, m.ndim)
    return m[tuple(slice(None, None, -1) if ax in axis else slice(None) for ax in range(m.ndim))]


def fliplr(m):
    """Reverse the order of columns (axis 1) of an array.

    Parameters
    ----------
    m : array_like
        Input with at least two dimensions.

    Returns
    -------
    ndarray
        A view of `m` with axis 1 reversed.

    Raises
    ------
    ValueError
        If `m` has fewer than two dimensions.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fliplr(rp.array([[1, 2, 3], [4, 5, 6]]))
    array([[3, 2, 1],
           [6, 5, 4]])
    """
    m = asarray(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return m[:, ::-1]


def flipud(m):
    """Reverse the order of rows (axis 0) of an array.

    Parameters
    ----------
    m : array_like
        Input with at least one dimension.

    Returns
    -------
    ndarray
        A view of `m` with axis 0 reversed.

    Raises
    ------
    ValueError
        If `m` is 0-dimensional.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.flipud(rp.array([[1, 2], [3, 4], [5, 6]]))
    array([[5, 6],
           [3, 4],
           [1, 2]])
    >>> rp.flipud(rp.array([1, 2, 3]))
    array([3, 2, 1])
    """
    m = asarray(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return m[::-1, ...]


def rot90(m, k=1, axes=(0, 1)):
    """Rotate an array by 90 degrees in the plane of two axes.

    The rotation goes from the first axis towards the second.

    Parameters
    ----------
    m : array_like
        Input with at least two dimensions.
    k : int, optional
        The number of quarter turns (default 1). Negative values rotate the
        other way.
    axes : sequence of two ints, optional
        The plane of rotation; the two axes must differ. Default ``(0, 1)``.

    Returns
    -------
    ndarray
        A rotated view of `m`.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.array([[1, 2], [3, 4]])
    >>> rp.rot90(x)
    array([[2, 4],
           [1, 3]])
    >>> rp.rot90(x, k=-1)
    array([[3, 1],
           [4, 2]])
    """
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    m = asarray(m)
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == m.ndim:
        raise ValueError("Axes must be different.")
    if (axes[0] >= m.ndim or axes[0] < -m.ndim or axes[1] >= m.ndim or axes[1] < -m.ndim):
        raise ValueError(f"Axes={axes} out of range for array of ndim={m.ndim}.")
    k %= 4
    if k == 0:
        return m[:]
    if k == 2:
        return flip(flip(m, axes[0]), axes[1])
    axes_list = list(range(0, m.ndim))
    (axes_list[axes[0]], axes_list[axes[1]]) = (axes_list[axes[1]], axes_list[axes[0]])
    if k == 1:
        return transpose(flip(m, axes[1]), axes_list)
    return flip(transpose(m, axes_list), axes[1])


def roll(a, shift, axis=None):
    """Shift the elements of an array cyclically along an axis.

    Elements pushed past the last position come back in at the first.

    Parameters
    ----------
    a : array_like
        The input array.
    shift : int or tuple of ints
        How many places to shift; a tuple gives one shift per entry of `axis`.
    axis : int or tuple of ints, optional
        The axes to shift along. By default the array is flattened, shifted
        and then given its original shape back.

    Returns
    -------
    ndarray
        A new array with the same shape as `a`.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.roll(rp.arange(5), 2)
    array([3, 4, 0, 1, 2])
    >>> rp.roll(rp.array([[0, 1, 2], [3, 4, 5]]), -1, axis=1)
    array([[1, 2, 0],
           [4, 5, 3]])
    """
    a = asarray(a)
    if axis is None:
        return roll(a.ravel(), shift, 0).reshape(a.shape)
    axis = normalize_axis_tuple(axis, a.ndim, allow_duplicate=True)
    shifts = shift if isinstance(shift, (tuple, list)) else (shift,)
    if len(shifts) == 1 and len(axis) > 1:
        shifts = shifts * len(axis)
    if len(axis) == 1 and len(shifts) > 1:
        axis = axis * len(shifts)
    if len(shifts) != len(axis):
        raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    total = {ax: 0 for ax in range(a.ndim)}
    for sh, ax in zip(shifts, axis):
        total[ax] += operator.index(sh)
    rolls = [((slice(None), slice(None)),)] * a.ndim
    for ax, offset in total.items():
        offset %= a.shape[ax] or 1
        if offset:
            rolls[ax] = ((slice(None, -offset), slice(offset, None)),
                         (slice(-offset, None), slice(None, offset)))
    result = _core.empty_like(a)
    for indices in itertools.product(*rolls):
        arr_index, res_index = zip(*indices)
        result[res_index] = a[arr_index]
    return result


def resize(a, new_shape):
    """Return a new array of the given shape, filled by repeating the input.

    The input is flattened and its elements are cycled, in C order, until the
    new array is full. An empty input gives an array of zeros.

    Parameters
    ----------
    a : array_like
        The array to resize.
    new_shape : int or tuple of ints
        The shape of the result.

    Returns
    -------
    ndarray
        A new array of shape `new_shape` and the dtype of `a`.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.resize(rp.array([1, 2, 3]), (2, 4))
    array([[1, 2, 3, 1],
           [2, 3, 1, 2]])
    >>> rp.resize(rp.array([[1, 2], [3, 4]]), 3)
    array([1, 2, 3])
    """
    if isinstance(new_shape, int):
        new_shape = (new_shape,)
    a = asarray(a).ravel()
    if any(d < 0 for d in new_shape):
        raise ValueError("all elements of `new_shape` must be non-negative")
    new_size = math.prod(new_shape)
    if a.size == 0 or new_size == 0:
        return _core.zeros(new_shape, dtype=a.dtype)
    from ._indexing import _cycle
    return _cycle(a, new_size).reshape(new_shape)


def require(a, dtype=None, requirements=None, *, like=None):
    """Return an array of the given dtype that satisfies the given requirements.

    A copy is made only if the input does not already meet them.

    Parameters
    ----------
    a : array_like
        The input.
    dtype : data-type, optional
        The required data type. By default the input's type is kept.
    requirements : str or sequence of str, optional
        Flags the result must have: 'C' (C_CONTIGUOUS), 'F' (F_CONTIGUOUS),
        'A' (ALIGNED), 'W' (WRITEABLE), 'O' (OWNDATA) or 'E' (ENSUREARRAY).
    like : array_like, optional
        Accepted for compatibility with NumPy; has no effect.

    Returns
    -------
    ndarray
        An array meeting the requirements.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.arange(6).reshape(2, 3).T
    >>> y = rp.require(x, dtype=rp.float32, requirements=['C', 'W'])
    >>> y.flags['C_CONTIGUOUS'], y.dtype
    (True, dtype('float32'))
    """
    if like is not None and not isinstance(like, ndarray):
        # Another library's object (NEP 35): NumPy's require hands the call to it.
        if not hasattr(like, "__array_function__"):
            raise TypeError("The `like` argument must be an array-like that implements the "
                            "`__array_function__` protocol.")
        import numpy
        return numpy.require(a, dtype, requirements, like=like)
    names = {'C': 'C', 'C_CONTIGUOUS': 'C', 'CONTIGUOUS': 'C', 'F': 'F', 'F_CONTIGUOUS': 'F',
             'FORTRAN': 'F', 'A': 'A', 'ALIGNED': 'A', 'W': 'W', 'WRITEABLE': 'W', 'O': 'O',
             'OWNDATA': 'O', 'E': 'E', 'ENSUREARRAY': 'E'}
    if not requirements:
        return asarray(a, dtype=dtype)
    if isinstance(requirements, str):
        requirements = [requirements]
    reqs = {names[x.upper()] for x in requirements}
    reqs.discard('E')
    order = 'A'
    if 'C' in reqs and 'F' in reqs:
        raise ValueError('Cannot specify both "C" and "F" order')
    elif 'C' in reqs:
        order = 'C'
        reqs.discard('C')
    elif 'F' in reqs:
        order = 'F'
        reqs.discard('F')
    arr = _core.array(a, dtype=dtype, copy=None, order=order)
    for prop in reqs:
        flag = {'A': 'aligned', 'W': 'writeable', 'O': 'owndata'}[prop]
        if not getattr(arr.flags, flag):
            arr = arr.copy(order)
            break
    return arr


def tile(A, reps):
    """Build an array by repeating an input a given number of times per axis.

    If `reps` is longer than ``A.ndim``, `A` is given leading axes of length
    one; if it is shorter, it is padded with leading ones.

    Parameters
    ----------
    A : array_like
        The input array.
    reps : int or sequence of ints
        The number of repetitions along each axis.

    Returns
    -------
    ndarray
        A new array with ``max(A.ndim, len(reps))`` dimensions.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.array([1, 2])
    >>> rp.tile(x, 3)
    array([1, 2, 1, 2, 1, 2])
    >>> rp.tile(x, (2, 2))
    array([[1, 2, 1, 2],
           [1, 2, 1, 2]])
    """
    tup = tuple(reps) if isinstance(reps, (tuple, list)) else (reps,)
    d = len(tup)
    A = asarray(A)
    if all(x == 1 for x in tup):
        return _core.array(A, copy=True, ndmin=d)
    c = A.reshape((1,) * builtins.max(d - A.ndim, 0) + A.shape)
    if d < c.ndim:
        tup = (1,) * (c.ndim - d) + tup
    shape_out = tuple(s * t for s, t in zip(c.shape, tup))
    # Broadcast each axis against its repetitions, then merge the pairs.
    inter = []
    strides = []
    for s, t, st in zip(c.shape, tup, c.strides):
        inter += [t, s]
        strides += [0, st]
    v = _core._strided_view(c, inter, strides, 0, False) if c.size else \
        _core.zeros(inter, dtype=c.dtype)
    return v.copy().reshape(shape_out)


@_defers_to_method("repeat")
def repeat(a, repeats, axis=None):
    """Repeat each element of an array a given number of times.

    Parameters
    ----------
    a : array_like
        The input array.
    repeats : int or array_like of ints
        Number of repetitions, either one value for all elements or one per
        element along `axis`. Must not be negative.
    axis : int, optional
        The axis along which to repeat. By default the input is flattened and
        a 1-D array is returned.

    Returns
    -------
    ndarray
        A new array, longer than `a` along `axis`.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.repeat(rp.array([1, 2, 3]), 2)
    array([1, 1, 2, 2, 3, 3])
    >>> rp.repeat(rp.array([[1, 2], [3, 4]]), [1, 2], axis=0)
    array([[1, 2],
           [3, 4],
           [3, 4]])
    """
    a = asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    axis = _axis(axis, a.ndim)
    n = a.shape[axis]
    reps = asarray(repeats)
    if reps.dtype.kind not in 'iub':
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                        "according to the rule 'safe'")
    if reps.ndim == 0 or reps.size == 1:
        r = int(reps.reshape(-1)[0]) if reps.size else 0
        if r < 0:
            raise ValueError("repeats may not contain negative values.")
        idx = _core.arange(n * r) // r if r else _core.zeros(0, dtype='int64')
    else:
        if reps.ndim != 1 or reps.shape[0] != n:
            raise ValueError(f"operands could not be broadcast together with shape ({n},) "
                             f"({reps.size},)")
        counts = reps.astype('int64')
        if counts.size and int(counts.min()) < 0:
            raise ValueError("repeats may not contain negative values.")
        # Item k repeats counts[k] times: mark where each item's run starts and count marks.
        ends = counts.cumsum()
        total = int(ends[-1]) if ends.size else 0
        marks = _core.zeros(total, dtype='int64')
        starts = ends[:-1]
        _core.add.at(marks, starts[starts < total], 1)
        idx = marks.cumsum()
    return a[(slice(None),) * axis + (idx,)]


def trim_zeros(filt, trim='fb', axis=None):
    """Remove leading and/or trailing zeros from an array or sequence.

    Parameters
    ----------
    filt : array_like
        The input; a list or tuple is sliced and keeps its type.
    trim : {'fb', 'f', 'b'}, optional
        Trim at the front ('f'), at the back ('b') or both (default 'fb').
    axis : int or tuple of ints, optional
        The axes to trim. By default every axis is trimmed; along each one,
        only slices that are zero everywhere are removed.

    Returns
    -------
    ndarray, list or tuple
        The trimmed input, of the same type as `filt`.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.trim_zeros(rp.array([0, 0, 1, 2, 0, 3, 0]))
    array([1, 2, 0, 3])
    >>> rp.trim_zeros(rp.array([0, 1, 2, 0]), trim='f')
    array([1, 2, 0])
    >>> rp.trim_zeros([0, 4, 0])
    [4]
    """
    arr = asarray(filt)
    trim = trim.lower()
    if trim not in ("fb", "bf", "f", "b"):
        raise ValueError(f"unexpected character(s) in `trim`: {trim!r}")
    if axis is None:
        axes = tuple(range(arr.ndim))
    else:
        axes = normalize_axis_tuple(axis, arr.ndim, argname="axis")
    if not axes:
        return filt  # nothing to trim: the input itself
    from ._helpers import nonzero
    # an object None counts as non-zero here (it is not ``!= 0``)
    nz = nonzero(arr != 0 if arr.dtype.kind == "O" else arr)
    if nz[0].size == 0:
        # all zeros: every trimmed axis becomes empty, whatever ``trim`` says
        start = stop = [0] * arr.ndim
    else:
        start = [int(x.min()) if 'f' in trim else None for x in nz]
        stop = [int(x.max()) + 1 if 'b' in trim else None for x in nz]
    sl = tuple(slice(start[ax], stop[ax]) if ax in axes else slice(None)
               for ax in range(arr.ndim))
    if len(sl) == 1:
        return filt[sl[0]]  # a list or tuple stays one
    return filt[sl]


# ---------------------------------------------------------------------------
# joining
# ---------------------------------------------------------------------------

def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Join a sequence of arrays along a new axis.

    Parameters
    ----------
    arrays : sequence of array_like
        The arrays to join; all must have the same shape.
    axis : int, optional
        Position of the new axis in the result (default 0).
    out : ndarray, optional
        Array to write the result into; it must have the right shape.
    dtype : data-type, optional
        The dtype of the result; not to be combined with `out`.
    casting : {'no', 'equiv', 'safe', 'same_kind', 'unsafe'}, optional
        Which data casts are allowed. Default 'same_kind'.

    Returns
    -------
    ndarray
        An array with one more dimension than the inputs.

    Examples
    --------
    >>> import rumpy as rp
    >>> a, b = rp.array([1, 2]), rp.array([3, 4])
    >>> rp.stack((a, b), axis=1)
    array([[1, 3],
           [2, 4]])
    """
    arrays = [asarray(a) for a in arrays]
    if not arrays:
        raise ValueError('need at least one array to stack')
    shapes = {a.shape for a in arrays}
    if len(shapes) != 1:
        raise ValueError('all input arrays must have the same shape')
    result_ndim = arrays[0].ndim + 1
    axis = _axis(axis, result_ndim)
    sl = (slice(None),) * axis + (None,)
    expanded = [a[sl] for a in arrays]
    if dtype is None:
        return concatenate(expanded, axis=axis, out=out, casting=casting)
    return concatenate(expanded, axis=axis, out=out, dtype=dtype, casting=casting)


def _join(arrs, axis, dtype, casting):
    if dtype is None:
        return concatenate(arrs, axis, casting=casting)
    return concatenate(arrs, axis, dtype=dtype, casting=casting)


def vstack(tup, *, dtype=None, casting="same_kind"):
    """Join arrays vertically, that is along the first axis.

    1-D inputs of length N are first treated as rows of shape (1, N).

    Parameters
    ----------
    tup : sequence of array_like
        The arrays to join; all but the first axis must match.
    dtype : data-type, optional
        The dtype of the result.
    casting : {'no', 'equiv', 'safe', 'same_kind', 'unsafe'}, optional
        Which data casts are allowed. Default 'same_kind'.

    Returns
    -------
    ndarray
        The joined array, at least 2-D.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.vstack((rp.array([1, 2]), rp.array([3, 4])))
    array([[1, 2],
           [3, 4]])
    >>> rp.vstack((rp.ones((1, 2)), rp.zeros((2, 2)))).shape
    (3, 2)
    """
    arrs = atleast_2d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    return _join(arrs, 0, dtype, casting)


def hstack(tup, *, dtype=None, casting="same_kind"):
    """Join arrays horizontally, that is along the second axis.

    1-D inputs are joined end to end along their only axis.

    Parameters
    ----------
    tup : sequence of array_like
        The arrays to join; all but the second axis (the first for 1-D
        inputs) must match.
    dtype : data-type, optional
        The dtype of the result.
    casting : {'no', 'equiv', 'safe', 'same_kind', 'unsafe'}, optional
        Which data casts are allowed. Default 'same_kind'.

    Returns
    -------
    ndarray
        The joined array.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.hstack((rp.array([1, 2]), rp.array([3])))
    array([1, 2, 3])
    >>> rp.hstack((rp.array([[1], [2]]), rp.array([[3], [4]])))
    array([[1, 3],
           [2, 4]])
    """
    arrs = atleast_1d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    if arrs and arrs[0].ndim == 1:
        return _join(arrs, 0, dtype, casting)
    return _join(arrs, 1, dtype, casting)


def dstack(tup):
    """Join arrays depth-wise, that is along the third axis.

    Inputs are first made at least 3-D as by `atleast_3d`.

    Parameters
    ----------
    tup : sequence of array_like
        The arrays to join; all but the third axis must match.

    Returns
    -------
    ndarray
        The joined array, at least 3-D.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.dstack((rp.array([1, 2]), rp.array([3, 4])))
    array([[[1, 3],
            [2, 4]]])
    >>> rp.dstack((rp.ones((2, 3)), rp.ones((2, 3)))).shape
    (2, 3, 2)
    """
    arrs = atleast_3d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    return concatenate(arrs, 2)


def column_stack(tup):
    """Join 1-D arrays as columns of a 2-D array.

    1-D inputs become columns; 2-D inputs are joined as they are, along
    their second axis.

    Parameters
    ----------
    tup : sequence of array_like
        The arrays to join; all must have the same first dimension.

    Returns
    -------
    ndarray
        The 2-D array made from the inputs.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.column_stack((rp.array([1, 2, 3]), rp.array([4, 5, 6])))
    array([[1, 4],
           [2, 5],
           [3, 6]])
    """
    arrays = []
    for v in tup:
        arr = asarray(v)
        if arr.ndim < 2:
            arr = arr.reshape(-1, 1) if arr.ndim == 1 else arr.reshape(1, 1)
        arrays.append(arr)
    return concatenate(arrays, 1)


def append(arr, values, axis=None):
    """Append values to the end of an array.

    Parameters
    ----------
    arr : array_like
        The array to append to.
    values : array_like
        The values to add. With an `axis`, they must have the shape of `arr`
        except along that axis; without one, they may have any shape.
    axis : int, optional
        The axis to append along. By default both `arr` and `values` are
        flattened first.

    Returns
    -------
    ndarray
        A new array; `arr` is left unchanged.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.append(rp.array([1, 2]), [[3, 4], [5, 6]])
    array([1, 2, 3, 4, 5, 6])
    >>> rp.append(rp.array([[1, 2]]), [[3, 4]], axis=0)
    array([[1, 2],
           [3, 4]])
    """
    arr = asarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        values = asarray(values).ravel()
        axis = arr.ndim - 1
    return concatenate((arr, values), axis=axis)


def unstack(x, /, *, axis=0):
    """Split an array into a tuple of arrays along an axis.

    This undoes `stack`: the chosen axis is removed from each piece.

    Parameters
    ----------
    x : array_like
        Input with at least one dimension.
    axis : int, optional
        The axis to split along (default 0).

    Returns
    -------
    tuple of ndarray
        ``x.shape[axis]`` views of `x`, each with one dimension fewer.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.array([[1, 2], [3, 4]])
    >>> rp.unstack(x)
    (array([1, 2]), array([3, 4]))
    >>> rp.unstack(x, axis=1)
    (array([1, 3]), array([2, 4]))
    """
    x = asarray(x)
    if x.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    return tuple(moveaxis(x, axis, 0))


def _block_depth(arrays, depth=0):
    if isinstance(arrays, tuple):
        raise TypeError("arrays is a tuple. Only lists can be used to arrange blocks, and "
                        "np.block does not allow implicit conversion from tuple to ndarray.")
    if isinstance(arrays, list):
        if len(arrays) == 0:
            raise ValueError("Lists cannot be empty")
        depths = {_block_depth(x, depth + 1) for x in arrays}
        if len(depths) != 1:
            raise ValueError("List depths are mismatched.")
        return depths.pop()
    return depth


def block(arrays):
    """Assemble an array from nested lists of blocks.

    The innermost lists are joined along the last axis, the lists holding
    them along the second-to-last axis, and so on outward. Blocks with fewer
    dimensions than needed get leading axes of length one.

    Parameters
    ----------
    arrays : nested list of array_like or scalars
        The blocks. Only lists may be used for nesting, not tuples, and every
        branch must have the same depth.

    Returns
    -------
    ndarray
        The assembled array.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.eye(2, dtype=int)
    >>> rp.block([[a, rp.zeros((2, 1), dtype=int)], [rp.array([[7, 8]]), 9]])
    array([[1, 0, 0],
           [0, 1, 0],
           [7, 8, 9]])
    >>> rp.block([rp.array([1, 2]), 3])
    array([1, 2, 3])
    """
    depth = _block_depth(arrays)
    leaves = []

    def collect(x):
        if isinstance(x, list):
            for y in x:
                collect(y)
        else:
            leaves.append(asarray(x))
    collect(arrays)
    result_ndim = builtins.max([depth] + [a.ndim for a in leaves])

    def rec(x, d):
        if d < depth:
            parts = [rec(y, d + 1) for y in x]
            return concatenate(parts, axis=-(depth - d))
        a = asarray(x)
        return a.reshape((1,) * (result_ndim - a.ndim) + a.shape)
    return rec(arrays, 0)


def _array_and_axis(arr, axis):
    """insert/delete: axis None works on the flattened array."""
    arr = asarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        axis = arr.ndim - 1
    return arr, _axis(axis, arr.ndim)


def insert(arr, obj, values, axis=None):
    """Insert values into an array before the given indices.

    Parameters
    ----------
    arr : array_like
        The input array.
    obj : int, slice or sequence of ints
        The index or indices before which `values` are inserted.
    values : array_like
        The values to insert, cast to the dtype of `arr` and broadcast to
        fit.
    axis : int, optional
        The axis to insert along. By default `arr` is flattened first.

    Returns
    -------
    ndarray
        A new array; `arr` is left unchanged.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.insert(rp.array([1, 2, 3]), 1, 9)
    array([1, 9, 2, 3])
    >>> rp.insert(rp.array([1, 2, 3]), [0, 3], [7, 8])
    array([7, 1, 2, 3, 8])
    >>> rp.insert(rp.array([[1, 2], [3, 4]]), 1, 0, axis=1)
    array([[1, 0, 2],
           [3, 0, 4]])
    """
    arr, axis = _array_and_axis(arr, axis)
    ndim = arr.ndim
    N = arr.shape[axis]
    newshape = list(arr.shape)
    slobj = [slice(None)] * ndim
    if isinstance(obj, slice):
        indices = _core.arange(*obj.indices(N))
    else:
        indices = _core.array(obj)
        if indices.dtype.kind == 'b':
            indices = indices.astype('int64')
        elif indices.ndim > 1:
            raise ValueError("index array argument obj to insert must be one dimensional or "
                             "scalar")
    if indices.size == 1:
        index = indices.item()
        if index < -N or index > N:
            raise IndexError(f"index {obj} is out of bounds for axis {axis} with size {N}")
        if index < 0:
            index += N
        values = _core.array(values, copy=None, ndmin=ndim, dtype=arr.dtype)
        if indices.ndim == 0:
            # a[:, 0, :] = v differs from a[:, [0], :] = v: make it the second.
            values = moveaxis(values, 0, axis)
        numnew = values.shape[axis]
        newshape[axis] += numnew
        new = _core.empty(newshape, dtype=arr.dtype)
        slobj[axis] = slice(None, index)
        new[tuple(slobj)] = arr[tuple(slobj)]
        slobj[axis] = slice(index, index + numnew)
        new[tuple(slobj)] = values
        slobj[axis] = slice(index + numnew, None)
        slobj2 = [slice(None)] * ndim
        slobj2[axis] = slice(index, None)
        new[tuple(slobj)] = arr[tuple(slobj2)]
        return new
    if indices.size == 0 and not isinstance(obj, ndarray):
        indices = indices.astype('int64')
    if indices.dtype.kind not in 'iu':
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    idx = indices.tolist()
    for i in idx:
        if i < -N or i > N:
            raise IndexError(f"index {i} is out of bounds for axis {axis} with size {N}")
    idx = [i + N if i < 0 else i for i in idx]
    numnew = len(idx)
    for rank, k in enumerate(sorted(range(numnew), key=lambda k: idx[k])):
        idx[k] += rank
    newshape[axis] += numnew
    idx = _core.array(idx, dtype='int64')
    old_mask = _core.ones(newshape[axis], dtype='bool')
    old_mask[idx] = False
    new = _core.empty(newshape, dtype=arr.dtype)
    slobj2 = [slice(None)] * ndim
    slobj[axis] = idx
    slobj2[axis] = old_mask
    new[tuple(slobj)] = values
    new[tuple(slobj2)] = arr
    return new


def delete(arr, obj, axis=None):
    """Remove entries from an array along an axis.

    Parameters
    ----------
    arr : array_like
        The input array.
    obj : int, slice, sequence of ints or boolean array
        The entries to remove: indices, a slice, or a mask of length
        ``arr.shape[axis]`` that is True where an entry is to be removed.
    axis : int, optional
        The axis to remove along. By default `arr` is flattened first.

    Returns
    -------
    ndarray
        A new array without the entries; `arr` is left unchanged.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.delete(rp.array([1, 2, 3, 4, 5]), [0, 2])
    array([2, 4, 5])
    >>> rp.delete(rp.array([[1, 2], [3, 4], [5, 6]]), 1, axis=0)
    array([[1, 2],
           [5, 6]])
    """
    arr, axis = _array_and_axis(arr, axis)
    n = arr.shape[axis]
    keep = _core.ones(n, dtype='bool')
    if isinstance(obj, slice):
        keep[obj] = False
    else:
        o = asarray(obj)
        if o.dtype.kind == 'b':
            if o.shape != (n,):
                raise ValueError(f"boolean array argument obj to delete must be one "
                                 f"dimensional and match the axis length of {n}")
            keep = ~o
        else:
            if o.size == 0 and o.dtype.kind not in 'iu':
                o = o.astype('int64')
            if o.dtype.kind not in 'iu':
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            o = o.ravel()
            if o.size and (int(o.min()) < -n or int(o.max()) >= n):
                bad = int(o.min()) if int(o.min()) < -n else int(o.max())
                raise IndexError(f"index {bad} is out of bounds for axis {axis} with size {n}")
            keep[o] = False
    return arr[(slice(None),) * axis + (keep,)]


# ---------------------------------------------------------------------------
# splitting
# ---------------------------------------------------------------------------

def array_split(ary, indices_or_sections, axis=0):
    """Split an array into several sub-arrays, not necessarily of equal size.

    Parameters
    ----------
    ary : array_like
        The array to split.
    indices_or_sections : int or sequence of ints
        An int N splits into N parts; when the length L is not divisible by
        N, the first ``L % N`` parts get one extra element. A sequence gives
        the indices along `axis` at which to cut.
    axis : int, optional
        The axis to split along (default 0).

    Returns
    -------
    list of ndarray
        Views of `ary`.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.array_split(rp.arange(7), 3)
    [array([0, 1, 2]), array([3, 4]), array([5, 6])]
    >>> rp.array_split(rp.arange(5), [1, 3])
    [array([0]), array([1, 2]), array([3, 4])]
    """
    ary = asarray(ary)
    n = ary.shape[axis]
    try:
        nsec = len(indices_or_sections) + 1
        div_points = [0] + list(indices_or_sections) + [n]
    except TypeError:
        nsec = int(indices_or_sections)
        if nsec <= 0:
            raise ValueError('number sections must be larger than 0.') from None
        each, extras = divmod(n, nsec)
        sizes = [0] + extras * [each + 1] + (nsec - extras) * [each]
        div_points = []
        acc = 0
        for s in sizes:
            acc += s
            div_points.append(acc)
    sub = swapaxes(ary, axis, 0)
    out = []
    for i in range(nsec):
        st, end = div_points[i], div_points[i + 1]
        out.append(swapaxes(sub[st:end], axis, 0))
    return out


def split(ary, indices_or_sections, axis=0):
    """Split an array into several sub-arrays as views.

    Like `array_split`, but an integer number of sections must divide the
    axis length evenly, or ValueError is raised.

    Parameters
    ----------
    ary : array_like
        The array to split.
    indices_or_sections : int or sequence of ints
        An int N splits into N equal parts. A sequence gives the indices
        along `axis` at which to cut.
    axis : int, optional
        The axis to split along (default 0).

    Returns
    -------
    list of ndarray
        Views of `ary`.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.split(rp.arange(6), 3)
    [array([0, 1]), array([2, 3]), array([4, 5])]
    >>> rp.split(rp.arange(6), [2, 5])
    [array([0, 1]), array([2, 3, 4]), array([5])]
    """
    try:
        len(indices_or_sections)
    except TypeError:
        sections = indices_or_sections
        n = asarray(ary).shape[axis]
        if n % sections:
            raise ValueError('array split does not result in an equal division') from None
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    """Split an array horizontally, that is along the second axis.

    For 1-D input the split is along the first (only) axis. Otherwise this is
    ``split(ary, indices_or_sections, axis=1)``.

    Parameters
    ----------
    ary : array_like
        Input with at least one dimension.
    indices_or_sections : int or sequence of ints
        Number of equal sections, or indices at which to cut; see `split`.

    Returns
    -------
    list of ndarray
        Views of `ary`.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.hsplit(rp.arange(8).reshape(2, 4), 2)
    [array([[0, 1],
           [4, 5]]), array([[2, 3],
           [6, 7]])]
    >>> rp.hsplit(rp.arange(4), [1])
    [array([0]), array([1, 2, 3])]
    """
    ary = asarray(ary)
    if ary.ndim == 0:
        raise ValueError('hsplit only works on arrays of 1 or more dimensions')
    return split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    """Split an array vertically, that is along the first axis.

    Same as ``split(ary, indices_or_sections, axis=0)``, but the input must
    have at least two dimensions.

    Parameters
    ----------
    ary : array_like
        Input with at least two dimensions.
    indices_or_sections : int or sequence of ints
        Number of equal sections, or indices at which to cut; see `split`.

    Returns
    -------
    list of ndarray
        Views of `ary`.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.vsplit(rp.arange(6).reshape(3, 2), [1])
    [array([[0, 1]]), array([[2, 3],
           [4, 5]])]
    """
    ary = asarray(ary)
    if ary.ndim < 2:
        raise ValueError('vsplit only works on arrays of 2 or more dimensions')
    return split(ary, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    """Split an array depth-wise, that is along the third axis.

    Same as ``split(ary, indices_or_sections, axis=2)``, but the input must
    have at least three dimensions.

    Parameters
    ----------
    ary : array_like
        Input with at least three dimensions.
    indices_or_sections : int or sequence of ints
        Number of equal sections, or indices at which to cut; see `split`.

    Returns
    -------
    list of ndarray
        Views of `ary`.

    Examples
    --------
    >>> import rumpy as rp
    >>> parts = rp.dsplit(rp.arange(8).reshape(1, 2, 4), 2)
    >>> [p.shape for p in parts]
    [(1, 2, 2), (1, 2, 2)]
    >>> parts[1]
    array([[[2, 3],
            [6, 7]]])
    """
    ary = asarray(ary)
    if ary.ndim < 3:
        raise ValueError('dsplit only works on arrays of 3 or more dimensions')
    return split(ary, indices_or_sections, 2)


def ndim(a):
    """The number of dimensions of ``a`` (an array, or anything ``asarray`` takes)."""
    try:
        return a.ndim
    except AttributeError:
        return _core.asanyarray(a).ndim


def shape(a):
    """The shape of ``a`` (an array, or anything ``asarray`` takes)."""
    try:
        return a.shape
    except AttributeError:
        return _core.asanyarray(a).shape


def size(a, axis=None):
    """The number of elements of ``a``, or its length along ``axis``."""
    if axis is None:
        try:
            return a.size
        except AttributeError:
            return _core.asanyarray(a).size
    try:
        shape = a.shape
    except AttributeError:
        shape = _core.asanyarray(a).shape
    if isinstance(axis, tuple):
        out = 1
        for ax in axis:
            out *= shape[_axis(ax, len(shape))]
        return out
    return shape[_axis(axis, len(shape))]


def iterable(y):
    """Whether ``iter(y)`` works."""
    try:
        iter(y)
    except TypeError:
        return False
    return True
