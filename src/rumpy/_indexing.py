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
from ._shape import _axis, broadcast_arrays, broadcast_to

asarray = _core.asarray
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

def take(a, indices, axis=None, out=None, mode='raise'):
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


def _along_axis_index(arr_shape, indices, axis):
    # NumPy's _make_along_axis_idx: broadcastable aranges for the other axes.
    shape_ones = (1,) * indices.ndim
    dest_dims = list(range(axis)) + [None] + list(range(axis + 1, indices.ndim))
    fancy = []
    for dim, n in zip(dest_dims, arr_shape):
        if dim is None:
            fancy.append(indices)
        else:
            ind_shape = shape_ones[:dim] + (-1,) + shape_ones[dim + 1:]
            fancy.append(_core.arange(n).reshape(ind_shape))
    return tuple(fancy)


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
    arr, indices, axis = _along_axis_args(asarray(arr), indices, axis, lambda a: a.ravel())
    return _core._take_along_axis(arr, indices, axis)


def put_along_axis(arr, indices, values, axis):
    arr, indices, axis = _along_axis_args(arr, indices, axis, lambda a: a.reshape(-1))
    arr[_along_axis_index(arr.shape, indices, axis)] = values


def compress(condition, a, axis=None, out=None):
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
    return asarray(arr).ravel()[_nonzero(asarray(condition).ravel())[0]]


def place(arr, mask, vals):
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

def diagonal(a, offset=0, axis1=0, axis2=1):
    a = asarray(a)
    if a.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    ax1, ax2 = _axis(axis1, a.ndim), _axis(axis2, a.ndim)
    if ax1 == ax2:
        raise ValueError("axis1 and axis2 cannot be the same")
    n1, n2 = a.shape[ax1], a.shape[ax2]
    s1, s2 = a.strides[ax1], a.strides[ax2]
    if offset >= 0:
        length = builtins.max(0, builtins.min(n1, n2 - offset))
        start = offset * s2 if length else 0
    else:
        length = builtins.max(0, builtins.min(n1 + offset, n2))
        start = -offset * s1 if length else 0
    others = [k for k in range(a.ndim) if k not in (ax1, ax2)]
    shape = [a.shape[k] for k in others] + [length]
    strides = [a.strides[k] for k in others] + [s1 + s2]
    # NumPy's diagonal is a read-only view.
    return _core._strided_view(a, shape, strides, start, False)


def diag(v, k=0):
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
    return _tri_of(m, k, True)


def triu(m, k=0):
    return _tri_of(m, k, False)


def tril_indices(n, k=0, m=None):
    m = n if m is None else m
    return _nonzero(tri_mask(n, m, k, True))


def triu_indices(n, k=0, m=None):
    m = n if m is None else m
    return _nonzero(tri_mask(n, m, k, False))


def tril_indices_from(arr, k=0):
    if asarray(arr).ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    if asarray(arr).ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def diag_indices(n, ndim=2):
    idx = _core.arange(n)
    return (idx,) * ndim


def diag_indices_from(arr):
    arr = asarray(arr)
    if arr.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    if len(set(arr.shape)) != 1:
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def fill_diagonal(a, val, wrap=False):
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
    a = asarray(a)
    if a.ndim == 0:
        a = a.reshape(1)
        return argwhere(a)[:, :0]
    nz = _nonzero(a)
    return _core.concatenate([x.reshape(-1, 1) for x in nz], axis=1) if nz[0].size else \
        _core.zeros((0, a.ndim), dtype='int64')


def flatnonzero(a):
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
