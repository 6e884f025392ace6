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
from .exceptions import AxisError

asarray = _core.asarray
ndarray = _core.ndarray
concatenate = _core.concatenate


def _axis(axis, ndim, argname=None):
    from ._reductions import _normalize_axis_index
    return _normalize_axis_index(axis, ndim)


def normalize_axis_tuple(axis, ndim, argname=None, allow_duplicate=False):
    if not isinstance(axis, (tuple, list)):
        try:
            axis = [operator.index(axis)]
        except TypeError:
            pass
    axis = tuple(_axis(ax, ndim, argname) for ax in axis)
    if not allow_duplicate and len(set(axis)) != len(axis):
        if argname:
            raise ValueError(f"repeated axis in `{argname}` argument")
        raise ValueError("repeated axis")
    return axis


# ---------------------------------------------------------------------------
# rearranging
# ---------------------------------------------------------------------------

def reshape(a, shape=None, order='C', *, newshape=None, copy=None):
    if shape is None:
        shape = newshape
    a = asarray(a)
    if copy:
        a = a.copy(order='K' if order == 'A' else order)
    return a.reshape(shape, order=order)


def ravel(a, order='C'):
    return asarray(a).ravel(order)


def transpose(a, axes=None):
    a = asarray(a)
    return a.transpose() if axes is None else a.transpose(axes)


def permute_dims(a, axes=None):
    return transpose(a, axes)


def matrix_transpose(x):
    x = asarray(x)
    if x.ndim < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {x.ndim}")
    return x.swapaxes(-1, -2)


def swapaxes(a, axis1, axis2):
    return asarray(a).swapaxes(axis1, axis2)


def moveaxis(a, source, destination):
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
    a = asarray(a)
    if not isinstance(axis, (tuple, list)):
        axis = (axis,)
    out_ndim = len(axis) + a.ndim
    axis = normalize_axis_tuple(axis, out_ndim)
    shape_it = iter(a.shape)
    shape = [1 if ax in axis else next(shape_it) for ax in range(out_ndim)]
    return a.reshape(shape)


def squeeze(a, axis=None):
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
    return _atleast(arys, 1, {})


def atleast_2d(*arys):
    return _atleast(arys, 2, {1: (None, slice(None))})


def atleast_3d(*arys):
    return _atleast(arys, 3, {1: (None, slice(None), None), 2: (slice(None), slice(None), None)})


def broadcast_shapes(*args):
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
    args = [asarray(a) for a in args]
    shape = broadcast_shapes(*[a.shape for a in args])
    return tuple(a if a.shape == shape else broadcast_to(a, shape) for a in args)


def flip(m, axis=None):
    m = asarray(m)
    if axis is None:
        return m[(slice(None, None, -1),) * m.ndim]
    axis = normalize_axis_tuple(axis, m.ndim)
    return m[tuple(slice(None, None, -1) if ax in axis else slice(None) for ax in range(m.ndim))]


def fliplr(m):
    m = asarray(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return m[:, ::-1]


def flipud(m):
    m = asarray(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return m[::-1, ...]


def rot90(m, k=1, axes=(0, 1)):
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


def repeat(a, repeats, axis=None):
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
    arrs = atleast_2d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    return _join(arrs, 0, dtype, casting)


def hstack(tup, *, dtype=None, casting="same_kind"):
    arrs = atleast_1d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    if arrs and arrs[0].ndim == 1:
        return _join(arrs, 0, dtype, casting)
    return _join(arrs, 1, dtype, casting)


def dstack(tup):
    arrs = atleast_3d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    return concatenate(arrs, 2)


def column_stack(tup):
    arrays = []
    for v in tup:
        arr = asarray(v)
        if arr.ndim < 2:
            arr = arr.reshape(-1, 1) if arr.ndim == 1 else arr.reshape(1, 1)
        arrays.append(arr)
    return concatenate(arrays, 1)


def append(arr, values, axis=None):
    arr = asarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        values = asarray(values).ravel()
        axis = arr.ndim - 1
    return concatenate((arr, values), axis=axis)


def unstack(x, /, *, axis=0):
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
    try:
        len(indices_or_sections)
    except TypeError:
        sections = indices_or_sections
        n = asarray(ary).shape[axis]
        if n % sections:
            raise ValueError('array split does not result in an equal division') from None
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    ary = asarray(ary)
    if ary.ndim == 0:
        raise ValueError('hsplit only works on arrays of 1 or more dimensions')
    return split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    ary = asarray(ary)
    if ary.ndim < 2:
        raise ValueError('vsplit only works on arrays of 2 or more dimensions')
    return split(ary, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    ary = asarray(ary)
    if ary.ndim < 3:
        raise ValueError('dsplit only works on arrays of 3 or more dimensions')
    return split(ary, indices_or_sections, 2)


def ndim(a):
    """The number of dimensions of ``a`` (an array, or anything ``asarray`` takes)."""
    try:
        return a.ndim
    except AttributeError:
        return _core.asarray(a).ndim


def shape(a):
    """The shape of ``a`` (an array, or anything ``asarray`` takes)."""
    try:
        return a.shape
    except AttributeError:
        return _core.asarray(a).shape


def size(a, axis=None):
    """The number of elements of ``a``, or its length along ``axis``."""
    if axis is None:
        try:
            return a.size
        except AttributeError:
            return _core.asarray(a).size
    try:
        return a.shape[axis]
    except AttributeError:
        return _core.asarray(a).shape[axis]


def iterable(y):
    """Whether ``iter(y)`` works."""
    try:
        iter(y)
    except TypeError:
        return False
    return True
