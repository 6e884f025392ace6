"""Picking and placing elements, as NumPy's functions: compositions of the core's advanced
indexing (gather and scatter run in Rust), views and ufuncs, following NumPy's own
implementations (numpy/_core/fromnumeric.py, numpy/lib/_twodim_base_impl.py,
numpy/lib/_index_tricks_impl.py, numpy/lib/_function_base_impl.py).
"""

import builtins
import itertools
import math
import operator
import sys

from . import _core
from ._subclass import defers_to_method as _defers_to_method
from ._shape import _axis, broadcast_arrays, broadcast_to

asarray = _core.asanyarray
ndarray = _core.ndarray


from ._helpers import clip as _clip, nonzero as _nonzero, where as _where  # noqa: E402


def _cycle(v, n):
    """The flat values `v` repeated cyclically to length `n` (put, place, putmask, resize):
    the first repeat written once, then the filled part copied after itself, doubling (a
    contiguous copy each time, however short `v` is)."""
    if v.size == n:
        return v
    v = v.reshape(-1)
    out = _core.empty(n, dtype=v.dtype)
    k = min(v.size, n)
    out[:k] = v[:k]
    while k < n:
        m = min(k, n - k)
        out[k:k + m] = out[:m]
        k += m
    return out


def _index_array(x, force=False):
    """Integer indices; `force` casts floats and bools as take and put do (NumPy converts
    their indices to intp unsafely)."""
    a = asarray(x)
    if force and a.dtype.kind in 'fb':
        return a.astype('int64')
    if a.dtype.kind not in 'iu':
        if a.size == 0:
            return a.astype('int64')
        raise TypeError(f"Cannot cast array data from dtype('{a.dtype.name}') to "
                        "dtype('int64') according to the rule 'safe'")
    return a


# ---------------------------------------------------------------------------
# picking
# ---------------------------------------------------------------------------

@_defers_to_method("take")
def take(a, indices, axis=None, out=None, mode='raise'):
    """Take elements of an array at the given indices, along an axis.

    Parameters
    ----------
    a : array_like
        Source array.
    indices : array_like of int
        Positions of the elements to take.
    axis : int, optional
        Axis to index; None (the default) indexes the flattened array.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.
    mode : {'raise', 'wrap', 'clip'}, optional
        Handling of out-of-range indices: raise an error, wrap around, or clip to the
        valid range (negative indices then become 0).

    Returns
    -------
    ndarray
        ``a`` with the indexed axis replaced by the shape of ``indices``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.take([4, 3, 5, 7], [0, 1, 3])
    array([4, 3, 7])
    >>> rp.take([[1, 2], [3, 4]], [1], axis=1)
    array([[2],
           [4]])
    """
    a = asarray(a)
    idx = _index_array(indices, force=True)
    if axis is None:
        a = a.ravel()
        axis = 0
    axis = _axis(axis, a.ndim)
    n = a.shape[axis]
    if mode == 'wrap' and n:
        idx = idx % n
    elif mode == 'clip':
        idx = _clip(idx, 0, builtins.max(n - 1, 0))
    elif mode != 'raise':
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got '{mode}')")
    r = a[(slice(None),) * axis + (idx,)]
    if out is not None:
        out[...] = r
        return out
    return r


def put(a, ind, v, mode='raise'):
    """Write values into an array at the given flat indices, in place.

    The values repeat cyclically when there are fewer of them than indices.

    Parameters
    ----------
    a : ndarray
        Array to modify; it is indexed as if flattened (C order).
    ind : array_like of int
        Flat target positions.
    v : array_like
        Values to write.
    mode : {'raise', 'wrap', 'clip'}, optional
        Handling of out-of-range indices: raise an error, wrap around, or clip to the
        valid range.

    Returns
    -------
    None

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(6)
    >>> rp.put(a, [0, 2, 4], [-1, -2])
    >>> a
    array([-1,  1, -2,  3, -1,  5])
    """
    if not isinstance(a, ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(a).__name__}")
    flat = a.reshape(-1) if a.flags.c_contiguous else None
    if flat is None:
        raise ValueError("put needs a C-contiguous array")
    idx = _index_array(ind, force=True).ravel()
    n = flat.size
    if mode == 'wrap' and n:
        idx = idx % n
    elif mode == 'clip':
        idx = _clip(idx, 0, builtins.max(n - 1, 0))
    v = asarray(v).ravel()
    if idx.size == 0:
        return
    if v.size == 0:
        return
    flat[idx] = _cycle(v, idx.size)  # NumPy repeats the values cyclically


def _along_axis_args(arr, indices, axis, flat):
    """NumPy's checks of take/put_along_axis; axis=None works on `flat(arr)`."""
    indices = asarray(indices)
    if indices.dtype.kind not in 'iu':
        raise IndexError('`indices` must be an integer array')
    if axis is None:
        if indices.ndim != 1:
            raise ValueError('when axis=None, `indices` must have a single dimension.')
        arr = flat(arr)
        axis = 0
    axis = _axis(axis, arr.ndim)
    if arr.ndim != indices.ndim:
        raise ValueError('`indices` and `arr` must have the same number of dimensions')
    return arr, indices, axis


def take_along_axis(arr, indices, axis=-1):
    """Pick values from an array by matching indices along one axis.

    Each 1-d slice of ``indices`` along ``axis`` selects from the matching slice of ``arr``;
    this pairs with index-returning functions such as ``argsort`` and ``argmax``.

    Parameters
    ----------
    arr : array_like
        Source array.
    indices : ndarray of int
        Indices with as many dimensions as ``arr``; the other axes broadcast against it.
    axis : int or None, optional
        Axis to index along (default -1); None works on the flattened array, with 1-d
        ``indices``.

    Returns
    -------
    ndarray
        The selected values, of the broadcast shape.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.array([[10, 30, 20], [60, 40, 50]])
    >>> rp.take_along_axis(a, rp.argsort(a, axis=1), axis=1)
    array([[10, 20, 30],
           [40, 50, 60]])
    """
    if isinstance(arr, ndarray) and type(arr) is not ndarray:
        # a subclass indexes itself (NumPy's way), so its __getitem__ shapes the result
        arr, indices, axis = _along_axis_args(arr, indices, axis, lambda a: a.ravel())
        return arr[_along_axis_index(arr.shape, indices, axis)]
    arr, indices, axis = _along_axis_args(asarray(arr), indices, axis, lambda a: a.ravel())
    return _core._take_along_axis(arr, indices, axis)


def _along_axis_index(shape, indices, axis):
    """The fancy index picking ``indices`` along ``axis`` and matching the other axes."""
    out = []
    for dim, n in enumerate(shape):
        if dim == axis:
            out.append(indices)
        else:
            fancy = [1] * len(shape)
            fancy[dim] = n
            out.append(_core.arange(n).reshape(fancy))
    return tuple(out)


def put_along_axis(arr, indices, values, axis):
    """Write values into an array by matching indices along one axis, in place.

    Each 1-d slice of ``indices`` along ``axis`` names positions in the matching slice of
    ``arr``; the counterpart of ``take_along_axis``.

    Parameters
    ----------
    arr : ndarray
        Array to modify.
    indices : ndarray of int
        Indices with as many dimensions as ``arr``; the other axes broadcast against it.
    values : array_like
        Values to write, broadcast against ``indices``.
    axis : int or None
        Axis to index along; None works on the flattened array, with 1-d ``indices``.

    Returns
    -------
    None

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.array([[10, 30, 20], [60, 40, 50]])
    >>> rp.put_along_axis(a, rp.argmax(a, axis=1, keepdims=True), 0, axis=1)
    >>> a
    array([[10,  0, 20],
           [ 0, 40, 50]])
    """
    arr, indices, axis = _along_axis_args(arr, indices, axis, lambda a: a.reshape(-1))
    arr[_along_axis_index(arr.shape, indices, axis)] = values


def compress(condition, a, axis=None, out=None):
    """Select slices of an array along an axis where a condition holds.

    Parameters
    ----------
    condition : 1-d array_like of bool
        Which slices to keep. It may be shorter than the axis: the remaining slices are
        dropped.
    a : array_like
        Source array.
    axis : int, optional
        Axis to select along; None (the default) works on the flattened array.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.

    Returns
    -------
    ndarray
        A copy of ``a`` keeping only the slices where ``condition`` is true.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.array([[1, 2], [3, 4], [5, 6]])
    >>> rp.compress([False, True, True], a, axis=0)
    array([[3, 4],
           [5, 6]])
    >>> rp.compress([True, False], a, axis=1)
    array([[1],
           [3],
           [5]])
    """
    a = asarray(a)
    cond = asarray(condition)
    if cond.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    if axis is None:
        a = a.ravel()
        axis = 0
    axis = _axis(axis, a.ndim)
    n = a.shape[axis]
    if cond.size > n:
        raise IndexError(f"index {cond.size - 1} is out of bounds for axis {axis} with size {n}")
    cond = cond.astype('bool')
    if cond.size < n:
        cond = _core.concatenate([cond, _core.zeros(n - cond.size, dtype='bool')])
    r = a[(slice(None),) * axis + (cond,)]
    if out is not None:
        out[...] = r
        return out
    return r


def extract(condition, arr):
    """Elements of an array where a condition is true, as a 1-d array.

    Both arguments are flattened; the same as ``compress(ravel(condition), ravel(arr))``.

    Parameters
    ----------
    condition : array_like
        Selector, nonzero or true where an element is wanted; same size as ``arr``.
    arr : array_like
        Source array.

    Returns
    -------
    ndarray
        The selected elements, in C order.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(9).reshape(3, 3)
    >>> rp.extract(a % 4 == 0, a)
    array([0, 4, 8])
    """
    return asarray(arr).ravel()[_nonzero(asarray(condition).ravel())[0]]


def place(arr, mask, vals):
    """Write values into an array where a mask is true, in place.

    The values are used in order, repeating cyclically when fewer than the true entries of
    ``mask``; the inverse of ``extract``.

    Parameters
    ----------
    arr : ndarray
        Array to modify.
    mask : array_like of bool
        Where to write; same size as ``arr``.
    vals : 1-d array_like
        Values to write; must not be empty unless ``mask`` has no true entry.

    Returns
    -------
    None

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(6)
    >>> rp.place(a, a > 2, [10, 20])
    >>> a
    array([ 0,  1,  2, 10, 20, 10])
    """
    if not isinstance(arr, ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(arr).__name__}")
    mask = asarray(mask).astype('bool')
    if mask.size != arr.size:
        raise ValueError("place: mask and data must be the same size")
    vals = asarray(vals).ravel()
    count = int(mask.sum())
    if count == 0:
        return
    if vals.size == 0:
        raise ValueError("Cannot insert from an empty array!")
    arr[mask.reshape(arr.shape)] = _cycle(vals, count)


def putmask(a, mask, values):
    """Write values into an array where a mask is true, in place.

    Unlike ``place``, a value is read at the same flat position as its target: ``a.flat[n]``
    becomes ``values.flat[n]`` where the mask is true, ``values`` repeating cyclically when
    smaller than ``a``.

    Parameters
    ----------
    a : ndarray
        Array to modify.
    mask : array_like of bool
        Where to write; same shape as ``a``.
    values : array_like
        Values to write.

    Returns
    -------
    None

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(6)
    >>> rp.putmask(a, a > 2, [10, 20])
    >>> a
    array([ 0,  1,  2, 20, 10, 20])
    """
    if not isinstance(a, ndarray):
        raise TypeError(f"argument a of putmask must be numpy.ndarray, not {type(a).__name__}")
    mask = asarray(mask).astype('bool')
    if mask.shape != a.shape:
        raise ValueError("putmask: mask and data must be the same size")
    values = asarray(values)
    if values.size == 0:
        return
    # The values repeat over the flattened array, read at each masked position.
    a[mask] = _cycle(values.ravel(), a.size).reshape(a.shape)[mask]


def choose(a, choices, out=None, mode='raise'):
    """Build an array by choosing, element by element, from a list of arrays.

    Where ``a`` holds ``k``, the result takes the matching element of ``choices[k]``;
    ``a`` and the choices broadcast together.

    Parameters
    ----------
    a : array_like of int
        Which choice to take at each position.
    choices : sequence of array_like
        The arrays to choose from.
    out : ndarray, optional
        Array to hold the result; it must have the result's shape.
    mode : {'raise', 'wrap', 'clip'}, optional
        Handling of entries of ``a`` outside ``[0, len(choices))``: raise an error, wrap
        around, or clip to the valid range.

    Returns
    -------
    ndarray
        The chosen values.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.choose([2, 0, 1, 0], [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]])
    array([20,  1, 12,  3])
    >>> rp.choose([2, 4, -1], [[0, 1, 2], [10, 11, 12]], mode='clip')
    array([10, 11,  2])
    """
    a = _index_array(a)
    choices = [asarray(c) for c in choices]
    n = len(choices)
    if mode == 'wrap':
        a = a % n
    elif mode == 'clip':
        a = _clip(a, 0, n - 1)
    elif mode != 'raise':
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got '{mode}')")
    elif a.size and (int(a.min()) < 0 or int(a.max()) >= n):
        raise ValueError("invalid entry in choice array")
    arrs = broadcast_arrays(a, *choices)
    idx, chs = arrs[0], arrs[1:]
    dt = chs[0].dtype
    for c in chs[1:]:
        dt = _core.promote_types(dt, c.dtype)
    r = _core.empty(idx.shape, dtype=dt)
    for k, c in enumerate(chs):
        m = idx == k
        if m.ndim:
            r[m] = c[m]
        elif bool(m):
            r[...] = c
    if out is not None:
        out[...] = r
        return out
    return r


def select(condlist, choicelist, default=0):
    """Take each element from the first choice whose condition holds there.

    Parameters
    ----------
    condlist : list of array_like of bool
        Conditions, tested in order.
    choicelist : list of array_like
        One array of values per condition; all broadcast with the conditions.
    default : scalar or array_like, optional
        Value where no condition holds (default 0).

    Returns
    -------
    ndarray
        The selected values, of the common dtype of the choices and ``default``.

    Examples
    --------
    >>> import rumpy as rp
    >>> x = rp.arange(6)
    >>> rp.select([x < 2, x > 3], [x, x ** 2], default=-1)
    array([ 0,  1, -1, -1, 16, 25])
    """
    if len(condlist) != len(choicelist):
        raise ValueError('list of cases must be same length as list of conditions')
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    # Python numbers stay weak for the result dtype (NEP 50)
    choices = [c if type(c) in (int, float, complex) else asarray(c) for c in choicelist]
    choices.append(default if type(default) in (int, float, complex) else asarray(default))
    try:
        dtype = _core.result_type(*choices)
    except TypeError as e:
        raise TypeError(
            f'Choicelist and default value do not have a common dtype: {e}') from None
    # conditions and choices broadcast separately; the shape is that of the first of each
    condlist = broadcast_arrays(*condlist)
    choices = broadcast_arrays(*choices)
    for i, cond in enumerate(condlist):
        if cond.dtype.kind != 'b':
            raise TypeError(f'invalid entry {i} in condlist: should be boolean ndarray')
    if choices[0].ndim == 0:
        result_shape = condlist[0].shape
    else:
        result_shape = broadcast_arrays(condlist[0], choices[0])[0].shape
    result = _core.full(result_shape, choices[-1], dtype)
    # the first matching condition wins: write them last to first
    for choice, cond in zip(choices[-2::-1], condlist[::-1]):
        _core.copyto(result, choice, where=cond)
    return result


# ---------------------------------------------------------------------------
# diagonals and triangles
# ---------------------------------------------------------------------------

@_defers_to_method("diagonal")
def diagonal(a, offset=0, axis1=0, axis2=1):
    """Return a diagonal of an array, or the diagonals of a stack of 2-d slices.

    Parameters
    ----------
    a : array_like
        Array with at least two dimensions.
    offset : int, optional
        Diagonal to take: 0 (the default) is the main one, positive values are above it,
        negative values below it.
    axis1, axis2 : int, optional
        The two axes whose diagonal is taken (default 0 and 1).

    Returns
    -------
    ndarray
        A read-only view. ``axis1`` and ``axis2`` are removed and a last axis, holding the
        diagonal, is appended.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(9).reshape(3, 3)
    >>> rp.diagonal(a)
    array([0, 4, 8])
    >>> rp.diagonal(a, offset=1)
    array([1, 5])
    """
    return ndarray.diagonal(asarray(a), offset, axis1, axis2)


def diag(v, k=0):
    """Extract a diagonal of a 2-d array, or build a 2-d array from a diagonal.

    Parameters
    ----------
    v : array_like
        A 2-d array, whose ``k``-th diagonal is returned (a copy), or a 1-d array, placed
        on the ``k``-th diagonal of a new square array of zeros.
    k : int, optional
        Diagonal to use: 0 (the default) is the main one, positive values are above it,
        negative values below it.

    Returns
    -------
    ndarray
        The diagonal, or the new 2-d array.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.diag(rp.arange(9).reshape(3, 3))
    array([0, 4, 8])
    >>> rp.diag([1, 2], k=1)
    array([[0, 1, 0],
           [0, 0, 2],
           [0, 0, 0]])
    """
    v = asarray(v)
    if v.ndim == 1:
        n = v.shape[0] + abs(k)
        res = _core.zeros((n, n), dtype=v.dtype)
        i = _core.arange(v.shape[0])
        if k >= 0:
            res[i, i + k] = v
        else:
            res[i - k, i] = v
        return res
    if v.ndim == 2:
        return diagonal(v, k).copy()
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    """Build a 2-d array with the flattened input on a diagonal.

    Parameters
    ----------
    v : array_like
        Values for the diagonal; any shape, flattened in C order.
    k : int, optional
        Diagonal to fill: 0 (the default) is the main one, positive values are above it,
        negative values below it.

    Returns
    -------
    ndarray
        A square array of zeros, of side ``v.size + abs(k)``, holding ``v`` on the diagonal.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.diagflat([[1, 2], [3, 4]])
    array([[1, 0, 0, 0],
           [0, 2, 0, 0],
           [0, 0, 3, 0],
           [0, 0, 0, 4]])
    """
    return diag(asarray(v).ravel(), k)


def tri_mask(N, M, k, lower):
    """Where j - i <= k (lower) or j - i >= k (upper), from the core's `tri`."""
    return _core.tri(N, M, k, dtype=bool) if lower else ~_core.tri(N, M, k - 1, dtype=bool)


def _tri_of(m, k, lower):
    m = asarray(m)
    if m.ndim < 1:
        raise TypeError("tri() missing 1 required positional argument: 'N'")
    nm = m.shape[-2:] if m.ndim >= 2 else (m.shape[-1], m.shape[-1])
    return _where(tri_mask(*nm, k, lower), m, _core.zeros(1, dtype=m.dtype))


def tril(m, k=0):
    """Lower triangle of an array: a copy with the elements above a diagonal zeroed.

    For more than two dimensions, the last two axes are treated as the matrix.

    Parameters
    ----------
    m : array_like
        Input array; a 1-d array is taken as the row of a square matrix.
    k : int, optional
        Diagonal above which to zero: 0 (the default) is the main one, positive values are
        above it, negative values below it.

    Returns
    -------
    ndarray
        Same dtype as ``m``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.tril(rp.arange(1, 10).reshape(3, 3))
    array([[1, 0, 0],
           [4, 5, 0],
           [7, 8, 9]])
    """
    return _tri_of(m, k, True)


def triu(m, k=0):
    """Upper triangle of an array: a copy with the elements below a diagonal zeroed.

    For more than two dimensions, the last two axes are treated as the matrix.

    Parameters
    ----------
    m : array_like
        Input array; a 1-d array is taken as the row of a square matrix.
    k : int, optional
        Diagonal below which to zero: 0 (the default) is the main one, positive values are
        above it, negative values below it.

    Returns
    -------
    ndarray
        Same dtype as ``m``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.triu(rp.arange(1, 10).reshape(3, 3), k=1)
    array([[0, 2, 3],
           [0, 0, 6],
           [0, 0, 0]])
    """
    return _tri_of(m, k, False)


def tril_indices(n, k=0, m=None):
    """Row and column indices of the lower triangle of an (n, m) array.

    Parameters
    ----------
    n : int
        Number of rows.
    k : int, optional
        Diagonal offset: the triangle holds the entries on or below diagonal ``k``.
    m : int, optional
        Number of columns; defaults to ``n``.

    Returns
    -------
    tuple of ndarray
        The row indices and the column indices, in row-major order; usable to index an array.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.tril_indices(3)
    (array([0, 1, 1, 2, 2, 2]), array([0, 0, 1, 0, 1, 2]))
    >>> a = rp.arange(9).reshape(3, 3)
    >>> a[rp.tril_indices(3, k=-1)]
    array([3, 6, 7])
    """
    m = n if m is None else m
    return _nonzero(tri_mask(n, m, k, True))


def triu_indices(n, k=0, m=None):
    """Row and column indices of the upper triangle of an (n, m) array.

    Parameters
    ----------
    n : int
        Number of rows.
    k : int, optional
        Diagonal offset: the triangle holds the entries on or above diagonal ``k``.
    m : int, optional
        Number of columns; defaults to ``n``.

    Returns
    -------
    tuple of ndarray
        The row indices and the column indices, in row-major order; usable to index an array.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.triu_indices(3)
    (array([0, 0, 0, 1, 1, 2]), array([0, 1, 2, 1, 2, 2]))
    >>> a = rp.arange(9).reshape(3, 3)
    >>> a[rp.triu_indices(3, k=1)]
    array([1, 2, 5])
    """
    m = n if m is None else m
    return _nonzero(tri_mask(n, m, k, False))


def tril_indices_from(arr, k=0):
    """Indices of the lower triangle of a given 2-d array.

    Same as ``tril_indices(arr.shape[0], k, arr.shape[1])``.

    Parameters
    ----------
    arr : ndarray
        A 2-d array; only its shape is used.
    k : int, optional
        Diagonal offset: the triangle holds the entries on or below diagonal ``k``.

    Returns
    -------
    tuple of ndarray
        The row indices and the column indices.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(6).reshape(2, 3)
    >>> rp.tril_indices_from(a)
    (array([0, 1, 1]), array([0, 0, 1]))
    >>> a[rp.tril_indices_from(a)]
    array([0, 3, 4])
    """
    if asarray(arr).ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    """Indices of the upper triangle of a given 2-d array.

    Same as ``triu_indices(arr.shape[0], k, arr.shape[1])``.

    Parameters
    ----------
    arr : ndarray
        A 2-d array; only its shape is used.
    k : int, optional
        Diagonal offset: the triangle holds the entries on or above diagonal ``k``.

    Returns
    -------
    tuple of ndarray
        The row indices and the column indices.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(6).reshape(2, 3)
    >>> rp.triu_indices_from(a)
    (array([0, 0, 0, 1, 1]), array([0, 1, 2, 1, 2]))
    >>> a[rp.triu_indices_from(a, k=1)]
    array([1, 2, 5])
    """
    if asarray(arr).ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def diag_indices(n, ndim=2):
    """Indices of the main diagonal of an n-dimensional array of side ``n``.

    Parameters
    ----------
    n : int
        Length of every dimension.
    ndim : int, optional
        Number of dimensions (default 2).

    Returns
    -------
    tuple of ndarray
        ``ndim`` copies of ``arange(n)``; indexing with it reaches the elements
        ``a[i, i, ..., i]``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.diag_indices(3)
    (array([0, 1, 2]), array([0, 1, 2]))
    >>> a = rp.zeros((3, 3), dtype=int)
    >>> a[rp.diag_indices(3)] = 7
    >>> a
    array([[7, 0, 0],
           [0, 7, 0],
           [0, 0, 7]])
    """
    idx = _core.arange(n)
    return (idx,) * ndim


def diag_indices_from(arr):
    """Indices of the main diagonal of a given array.

    Parameters
    ----------
    arr : array_like
        Array of at least two dimensions, all of the same length; only its shape is used.

    Returns
    -------
    tuple of ndarray
        As ``diag_indices(arr.shape[0], arr.ndim)``.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(16).reshape(4, 4)
    >>> a[rp.diag_indices_from(a)]
    array([ 0,  5, 10, 15])
    """
    arr = asarray(arr)
    if arr.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    if len(set(arr.shape)) != 1:
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def fill_diagonal(a, val, wrap=False):
    """Fill the main diagonal of an array, in place.

    Parameters
    ----------
    a : ndarray
        Array of at least two dimensions; beyond two, all dimensions must be equal.
    val : scalar or array_like
        Value for the diagonal; an array is used in order, repeating cyclically.
    wrap : bool, optional
        For a tall 2-d array, whether the diagonal starts again below the first square
        block (every ``ncols + 1`` flat elements). Default False.

    Returns
    -------
    None

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.zeros((3, 3), dtype=int)
    >>> rp.fill_diagonal(a, [1, 2, 3])
    >>> a
    array([[1, 0, 0],
           [0, 2, 0],
           [0, 0, 3]])
    """
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    end = None
    if a.ndim == 2:
        step = a.shape[1] + 1
        if not wrap:
            end = a.shape[1] * a.shape[1]
    else:
        if len(set(a.shape)) != 1:
            raise ValueError("All dimensions of input must be of equal length")
        step = sum(math.prod(a.shape[:k]) for k in range(a.ndim))  # 1 + cumprod(shape[:-1]).sum()
    flat = a.reshape(-1)
    if not a.flags.c_contiguous:
        tmp = a.copy()
        fill_diagonal(tmp, val, wrap)
        a[...] = tmp
        return
    idx = _core.arange(0, flat.size if end is None else builtins.min(end, flat.size), step)
    v = asarray(val).ravel()
    flat[idx] = _cycle(v, idx.size) if v.size else v


# ---------------------------------------------------------------------------
# index grids and conversions
# ---------------------------------------------------------------------------

def indices(dimensions, dtype=int, sparse=False):
    """Arrays of the index values along each dimension of a grid.

    Parameters
    ----------
    dimensions : sequence of int
        Shape of the grid.
    dtype : dtype, optional
        Type of the result (default the platform integer).
    sparse : bool, optional
        Return one array per dimension, shaped to broadcast, instead of a dense stack.

    Returns
    -------
    ndarray or tuple of ndarray
        Dense: an array of shape ``(len(dimensions),) + dimensions`` whose ``i``-th entry
        holds index ``i`` of each grid point. Sparse: a tuple of arrays, the ``i``-th of
        length ``dimensions[i]`` along axis ``i`` and 1 elsewhere.

    Examples
    --------
    >>> import rumpy as rp
    >>> rows, cols = rp.indices((2, 3))
    >>> rows
    array([[0, 0, 0],
           [1, 1, 1]])
    >>> cols
    array([[0, 1, 2],
           [0, 1, 2]])
    """
    dimensions = tuple(dimensions)
    N = len(dimensions)
    shape = (1,) * N
    res = [] if sparse else _core.empty((N,) + dimensions, dtype=dtype)
    for i, dim in enumerate(dimensions):
        idx = _core.arange(dim, dtype=dtype).reshape(shape[:i] + (dim,) + shape[i + 1:])
        if sparse:
            res.append(idx)
        else:
            res[i] = idx
    return tuple(res) if sparse else res


def ix_(*args):
    """Build an open mesh from 1-d sequences, to index a cross product.

    Each argument ``k`` is reshaped to lie along axis ``k`` with length 1 on every other
    axis, so that ``a[ix_(rows, cols)]`` picks every pair of the given rows and columns.

    Parameters
    ----------
    *args : 1-d array_like
        Integer indices, or booleans (replaced by the positions of their true entries).

    Returns
    -------
    tuple of ndarray
        One array per argument, each with ``len(args)`` dimensions.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(12).reshape(3, 4)
    >>> a[rp.ix_([0, 2], [1, 3])]
    array([[ 1,  3],
           [ 9, 11]])
    >>> rp.ix_([0, 2], [True, False, True])
    (array([[0],
           [2]]), array([[0, 2]]))
    """
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        if not isinstance(new, ndarray):
            new = asarray(new)
            if new.size == 0:
                new = new.astype('int64')
        if new.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if new.dtype.kind == 'b':
            new, = _nonzero(new)
        out.append(new.reshape((1,) * k + (new.size,) + (1,) * (nd - k - 1)))
    return tuple(out)


def meshgrid(*xi, copy=True, sparse=False, indexing='xy'):
    """Coordinate arrays of a grid built from 1-d coordinate vectors.

    Parameters
    ----------
    *xi : array_like
        The coordinates along each dimension (flattened if not 1-d).
    copy : bool, optional
        If False, return broadcast views (which share memory) instead of new arrays.
    sparse : bool, optional
        Return arrays shaped to broadcast against each other instead of full grids.
    indexing : {'xy', 'ij'}, optional
        'xy' (the default) gives Cartesian order, the first two axes swapped (shape
        ``(len(x2), len(x1), ...)``); 'ij' gives matrix order (shape ``(len(x1), len(x2), ...)``).

    Returns
    -------
    tuple of ndarray
        One coordinate array per input.

    Examples
    --------
    >>> import rumpy as rp
    >>> xx, yy = rp.meshgrid([1, 2, 3], [4, 5])
    >>> xx
    array([[1, 2, 3],
           [1, 2, 3]])
    >>> yy
    array([[4, 4, 4],
           [5, 5, 5]])
    """
    ndim = len(xi)
    if indexing not in ['xy', 'ij']:
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    s0 = (1,) * ndim
    output = [asarray(x).reshape(s0[:i] + (-1,) + s0[i + 1:]) for i, x in enumerate(xi)]
    if indexing == 'xy' and ndim > 1:
        output[0] = output[0].reshape((1, -1) + s0[2:])
        output[1] = output[1].reshape((-1, 1) + s0[2:])
    if not sparse:
        output = list(broadcast_arrays(*output))
    if copy:
        output = [x.copy() for x in output]
    return tuple(output)


class _Grid:
    """``mgrid`` (dense) and ``ogrid`` (open): index with slices; a complex step counts
    points (endpoint included)."""

    def __init__(self, sparse):
        self.sparse = sparse

    def __getitem__(self, key):
        one = not isinstance(key, tuple)
        keys = (key,) if one else key
        axes = []
        typ = 'int64'
        for k in keys:
            start = 0 if k.start is None else k.start
            step = 1 if k.step is None else k.step
            if isinstance(step, complex):
                num = int(abs(step))
                axes.append(_core.linspace(start, k.stop, num) if num else
                            _core.zeros(0))
                typ = 'float64'
            else:
                axes.append(_core.arange(start, k.stop, step))
                if any(isinstance(x, float) for x in (start, k.stop, step)):
                    typ = 'float64'
        axes = [a.astype(typ) for a in axes]
        if one:
            return axes[0]
        nd = len(axes)
        shaped = [a.reshape((1,) * i + (-1,) + (1,) * (nd - i - 1)) for i, a in enumerate(axes)]
        if self.sparse:
            return tuple(shaped)
        full = broadcast_arrays(*shaped)
        return _core.concatenate([x[None] for x in full])


mgrid = _Grid(False)
ogrid = _Grid(True)


def _c_or_f(order):
    """NumPy's order check of unravel_index/ravel_multi_index: 'C' or 'F' (either case)."""
    if order is None:
        return 'C'
    if not isinstance(order, str):
        raise TypeError(f"order must be str, not {type(order).__name__}")
    if order.upper() not in ('C', 'F', 'A', 'K') or len(order) != 1:
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    if order.upper() not in ('C', 'F'):
        raise ValueError("only 'C' or 'F' order is permitted")
    return order.upper()


def _clipmode(m):
    """NumPy's clip mode converter: 'clip', 'raise', 'wrap', None (raise) or 0-2."""
    if m is None:
        return 'raise'
    if isinstance(m, str):
        if m in ('clip', 'raise', 'wrap'):
            return m
        if m[:1] in ('C', 'c', 'W', 'w', 'R', 'r'):
            raise ValueError("Use one of 'clip', 'raise', or 'wrap' for clip mode")
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {m!r})")
    try:
        k = operator.index(m)
    except TypeError:
        raise TypeError(f"clipmode not understood: {m!r}") from None
    if k not in (0, 1, 2):
        raise ValueError(
            "integer clipmode must be RAISE, WRAP, or CLIP from 'numpy._core.multiarray'")
    return ('clip', 'wrap', 'raise')[k]


def unravel_index(indices, shape, order='C'):
    """Convert flat indices into tuples of coordinates for a given shape.

    Parameters
    ----------
    indices : array_like of int
        Flat indices into an array of shape ``shape``.
    shape : int or tuple of ints
        Shape of the array.
    order : {'C', 'F'}, optional
        Whether the flat indices count in row-major (C, the default) or column-major
        (Fortran) order.

    Returns
    -------
    tuple of ndarray
        One array of coordinates per dimension, each of the shape of ``indices``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.unravel_index([5, 7], (3, 4))
    (array([1, 1]), array([1, 3]))
    >>> rp.unravel_index(5, (3, 4), order='F')
    (np.int64(2), np.int64(1))
    """
    idx = asarray(indices)
    if idx.dtype.kind not in 'iu':
        raise TypeError("only int indices permitted")
    shape = (shape,) if isinstance(shape, int) else tuple(operator.index(d) for d in shape)
    order = _c_or_f(order)
    size = math.prod(shape)
    if any(d < 0 for d in shape) or size > sys.maxsize:
        raise ValueError("dimensions are too large; arrays and shapes with a total size greater "
                         "than 'intp' are not supported.")
    if idx.size and (int(idx.min()) < 0 or int(idx.max()) >= size):
        bad = int(idx.max()) if idx.size and int(idx.max()) >= size else int(idx.min())
        raise ValueError(f"index {bad} is out of bounds for array with size {size}")
    out = []
    rem = idx.astype('int64')
    dims = shape if order == 'C' else shape[::-1]
    for d in reversed(dims):
        out.append(rem % d if d else rem)
        rem = rem // d if d else rem
    out = out[::-1] if order == 'C' else out
    return tuple(out)


def ravel_multi_index(multi_index, dims, mode='raise', order='C'):
    """Convert tuples of coordinates into flat indices for a given shape.

    The inverse of ``unravel_index``.

    Parameters
    ----------
    multi_index : tuple of array_like of int
        One array of coordinates per dimension; they broadcast together.
    dims : tuple of ints
        Shape of the array.
    mode : {'raise', 'wrap', 'clip'} or tuple of them, optional
        Handling of out-of-range coordinates, for all dimensions or one per dimension.
    order : {'C', 'F'}, optional
        Whether to count in row-major (C, the default) or column-major (Fortran) order.

    Returns
    -------
    ndarray or scalar
        The flat indices, of the broadcast shape of the coordinates.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.ravel_multi_index(([1, 2], [3, 0]), (3, 4))
    array([7, 8])
    >>> rp.ravel_multi_index((1, 3), (3, 4), order='F')
    np.int64(10)
    """
    dims = (dims,) if isinstance(dims, int) else tuple(operator.index(d) for d in dims)
    order = _c_or_f(order)
    arrs = [asarray(x) for x in multi_index]
    if len(arrs) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    if math.prod(max(d, 0) for d in dims) > sys.maxsize:
        raise ValueError("invalid dims: array size defined by dims is larger than the maximum "
                         "possible size.")
    if isinstance(mode, (tuple, list)):
        if len(mode) != len(dims):
            raise ValueError(
                f"list of clipmodes has wrong length ({len(mode)} instead of {len(dims)})")
        modes = tuple(_clipmode(m) for m in mode)
    else:
        modes = (_clipmode(mode),) * len(dims)
    arrs = list(broadcast_arrays(*arrs))
    res = _core.zeros(arrs[0].shape, dtype='int64')
    order_dims = list(range(len(dims))) if order == 'C' else list(range(len(dims)))[::-1]
    for k in order_dims:
        a = arrs[k].astype('int64')
        d = dims[k]
        m = modes[k]
        if m == 'wrap':
            a = a % d
        elif m == 'clip':
            a = _clip(a, 0, d - 1)
        elif a.size and (int(a.min()) < 0 or int(a.max()) >= d):
            raise ValueError("invalid entry in coordinates array")
        res = res * d + a
    return res if res.ndim else res[()]


def argwhere(a):
    """Indices of the nonzero elements of an array, one row per element.

    Parameters
    ----------
    a : array_like
        Input data.

    Returns
    -------
    ndarray
        Shape ``(N, a.ndim)`` for ``N`` nonzero elements, in C order; the same as
        ``transpose(nonzero(a))``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.argwhere([[0, 3], [4, 0]])
    array([[0, 1],
           [1, 0]])
    """
    a = asarray(a)
    if a.ndim == 0:
        a = a.reshape(1)
        return argwhere(a)[:, :0]
    nz = _nonzero(a)
    return _core.concatenate([x.reshape(-1, 1) for x in nz], axis=1) if nz[0].size else \
        _core.zeros((0, a.ndim), dtype='int64')


def flatnonzero(a):
    """Indices of the nonzero elements of the flattened array.

    Parameters
    ----------
    a : array_like
        Input data.

    Returns
    -------
    ndarray
        The flat (C order) positions of the nonzero elements; the same as
        ``nonzero(ravel(a))[0]``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.flatnonzero([[0, 3], [4, 0]])
    array([1, 2])
    """
    return _nonzero(asarray(a).ravel())[0]


# ---------------------------------------------------------------------------
# iteration
# ---------------------------------------------------------------------------

class ndindex:
    """Iterate over the indices of an array of the given shape, in C order."""

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._shape = tuple(shape)
        self._it = itertools.product(*(range(d) for d in self._shape))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


class ndenumerate:
    """Iterate over (index, value) pairs of an array, in C order."""

    def __init__(self, arr):
        self._a = asarray(arr)
        self._it = ndindex(self._a.shape)

    def __iter__(self):
        return self

    def __next__(self):
        idx = next(self._it)
        return idx, self._a[idx]


class flatiter:
    """``a.flat``: the array seen as 1-d in C order; get and set by index."""

    def __init__(self, a):
        self.base = a
        self._i = 0

    def _flat(self):
        a = self.base
        return a.reshape(-1) if a.flags.c_contiguous else a.copy().reshape(-1)

    def _coords(self, k):
        """The index tuple of flat position `k` (C order)."""
        out = []
        for d in reversed(self.base.shape):
            k, r = divmod(k, d)
            out.append(r)
        return tuple(reversed(out))

    def __iter__(self):
        self._i = 0
        return self

    def __next__(self):
        if self._i >= self.base.size:
            raise StopIteration
        v = self[self._i]
        self._i += 1
        return v

    def __len__(self):
        return self.base.size

    @property
    def index(self):
        return self._i

    @property
    def coords(self):
        return self._coords(self._i) if self.base.ndim else ()

    def __getitem__(self, key):
        a = self.base
        if not a.flags.c_contiguous and isinstance(key, int):
            # One item of a non-contiguous array: read it in place, no copy.
            k = key + a.size if key < 0 else key
            if not 0 <= k < a.size:
                raise IndexError(f"index {key} is out of bounds for axis 0 with size {a.size}")
            return a[self._coords(k)]
        return self._flat()[key]

    def __setitem__(self, key, value):
        a = self.base
        if a.flags.c_contiguous:
            a.reshape(-1)[key] = value
            return
        tmp = a.copy().reshape(-1)
        tmp[key] = value
        a[...] = tmp.reshape(a.shape)

    def __array__(self, dtype=None, copy=None):
        return self._flat().__array__(dtype, copy)

    def copy(self):
        return self._flat().copy()


class nditer:
    """The common cases of ``np.nditer``: read-only or read-write iteration over one or more
    broadcast operands in C order, yielding 0-d views (``multi_index`` tracking included)."""

    def __init__(self, op, flags=None, op_flags=None, op_dtypes=None, order='K',
                 casting='safe', op_axes=None, itershape=None, buffersize=0):
        ops = op if isinstance(op, (list, tuple)) else [op]
        self._single = not isinstance(op, (list, tuple))
        flags = flags or []
        self._multi = 'multi_index' in flags
        arrs = [asarray(o) if o is not None else None for o in ops]
        shape_src = [a for a in arrs if a is not None]
        shape = broadcast_arrays(*shape_src)[0].shape if shape_src else ()
        op_flags = op_flags or [['readonly']] * len(arrs)
        if op_flags and isinstance(op_flags[0], str):
            op_flags = [op_flags] * len(arrs)
        out = []
        for a, fl in zip(arrs, op_flags):
            if a is None:
                dt = op_dtypes[0] if op_dtypes else shape_src[0].dtype
                a = _core.empty(shape, dtype=dt)
            elif a.shape != shape:
                if 'readwrite' in fl or 'writeonly' in fl:
                    raise ValueError("non-broadcastable output operand with shape "
                                     f"{a.shape} doesn't match the broadcast shape {shape}")
                a = broadcast_to(a, shape)
            out.append(a)
        self.operands = tuple(out)
        self.shape = shape
        self._idx = ndindex(shape) if shape else iter([()])
        self.multi_index = None
        self.finished = False

    def __iter__(self):
        return self

    def __next__(self):
        try:
            idx = next(self._idx)
        except StopIteration:
            self.finished = True
            raise
        if self._multi:
            self.multi_index = idx
        vals = tuple(o[idx + (Ellipsis,)] for o in self.operands)  # 0-d views
        return vals[0] if self._single else vals

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass
