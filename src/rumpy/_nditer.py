"""nditer, nested_iters and broadcast, as numpy's.

The iterator is planned once: operands are broadcast (through ``op_axes`` when given) to the
iteration shape, the axes are put in the order numpy would iterate them (``order='K'`` follows
memory, flipping axes every operand walks backwards), and neighbouring axes that can be walked
with one stride are merged. Each operand then becomes one strided view in that order
(``itviews``); iteration indexes those views, so elements and external-loop chunks are views of
the operands' memory unless buffering or a cast asks for copies.
"""

import itertools
import math

__all__ = ["nditer", "nested_iters", "broadcast"]

_GLOBAL_FLAGS = {
    "buffered", "c_index", "common_dtype", "copy_if_overlap", "delay_bufalloc",
    "external_loop", "f_index", "grow_inner", "multi_index", "ranged", "reduce_ok",
    "refs_ok", "zerosize_ok",
}
_OP_FLAGS = {
    "readonly", "readwrite", "writeonly", "allocate", "no_broadcast", "copy", "updateifcopy",
    "nbo", "aligned", "contig", "no_subtype", "overlap_assume_elementwise",
}
_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")
_MAXARGS = 64


def _rumpy():
    # the package namespace, imported late: this module is loaded while rumpy initialises
    import rumpy
    return rumpy


def _as_strided(x, shape, strides):
    from .lib.stride_tricks import as_strided
    return as_strided(x, shape, strides, writeable=x.flags.writeable)


def _broadcast_view(a, shape, axes):
    """Operand ``a`` seen with the iteration shape, in operand axis order of ``op_axes``
    (always a base ndarray, as numpy's element views are)."""
    rp = _rumpy()
    if type(a) is not rp.ndarray:
        a = a.view(rp.ndarray)
    if a.dtype.kind != "O":
        if not shape:  # a 0-d iteration sees the operand's first element
            return a[(0,) * a.ndim + (Ellipsis,)]
        return _as_strided(a, shape, _op_strides(a, shape, axes))
    # object arrays have no raw-memory views: reorder, add unit axes, broadcast
    amap = _axis_map(a.ndim, len(shape), axes)
    used = [ax for ax in amap if ax >= 0]
    a = a[tuple(slice(None) if k in used else 0 for k in range(a.ndim))]
    remaining = sorted(used)
    a = a.transpose([remaining.index(ax) for ax in used])
    a = a.reshape([1 if ax < 0 else a.shape[used.index(ax)] for ax in amap])
    # broadcast_to is read-only: keep the writable array when nothing is broadcast
    return a if tuple(a.shape) == tuple(shape) else rp.broadcast_to(a, shape)


def _merged(view, shape, strides):
    """``view`` with its axes merged into ``shape`` (a view when the memory allows)."""
    if view.dtype.kind == "O":
        return view.reshape(shape)
    return _as_strided(view, shape, strides)


def _shape_str(shape):
    """A shape as numpy's iterator messages print it: ``(2,3)``, ``(4,)``."""
    return str(tuple(shape)).replace(" ", "")


# --- argument parsing -------------------------------------------------------------------------

def _flag_names(flags, what):
    """The flag strings of one flags argument (a list or tuple of str)."""
    if flags is None:
        return set()
    if not isinstance(flags, (list, tuple)):
        raise ValueError(f"{what} must be a list or tuple of strings")
    for f in flags:
        if not isinstance(f, (str, bytes)):
            raise TypeError(f"expected bytes, {type(f).__name__} found")
    return {f.decode() if isinstance(f, bytes) else f for f in flags}


def _global_flags(flags):
    names = _flag_names(flags, "Iterator global flags")
    for f in names:
        if f not in _GLOBAL_FLAGS:
            raise ValueError(f'Unexpected iterator global flag "{f}"')
    if {"c_index", "f_index"} <= names:
        raise ValueError("Iterator flags C_INDEX and F_INDEX cannot both be specified")
    if "external_loop" in names and names & {"c_index", "f_index", "multi_index"}:
        raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                         "multi-index is being tracked")
    return names


def _one_op_flags(flags):
    names = _flag_names(flags, "Iterator per-op flags")
    for f in names:
        if f not in _OP_FLAGS:
            raise ValueError(f'Unexpected per-op iterator flag "{f}"')
    modes = names & {"readonly", "readwrite", "writeonly"}
    if len(modes) > 1:
        raise ValueError("Only one of the iterator flags READWRITE, READONLY, and WRITEONLY "
                         "may be specified for an operand")
    if not modes:
        raise ValueError("None of the iterator flags READWRITE, READONLY, or WRITEONLY were "
                         "specified for an operand")
    return names


def _per_op_flags(op_flags, ops):
    """One flag set per operand; None operands default to writeonly+allocate."""
    if op_flags is None:
        return [{"writeonly", "allocate"} if o is None else {"readonly"} for o in ops]
    if not isinstance(op_flags, (list, tuple)):
        raise ValueError("op_flags must be a tuple or array of per-op flag-tuples")
    if not op_flags or isinstance(op_flags[0], (str, bytes)):
        return [_one_op_flags(op_flags) for _ in ops]
    if len(op_flags) != len(ops):
        raise ValueError("op_flags must be a tuple or array of per-op flag-tuples")
    return [_one_op_flags(f) for f in op_flags]


def _op_dtypes(op_dtypes, nop):
    rp = _rumpy()
    if op_dtypes is None:
        return [None] * nop
    if not isinstance(op_dtypes, (list, tuple)):
        op_dtypes = [op_dtypes]
    if len(op_dtypes) != nop:
        raise ValueError("op_dtypes must be a tuple/list matching the number of ops")
    return [None if d is None else rp.dtype(d) for d in op_dtypes]


def _op_axes(op_axes, nop):
    if op_axes is None:
        return [None] * nop
    if not isinstance(op_axes, (list, tuple)) or len(op_axes) != nop:
        raise ValueError("op_axes must be a tuple/list matching the number of ops")
    out = []
    for axes in op_axes:
        if axes is None:
            out.append(None)
            continue
        if not isinstance(axes, (list, tuple)):
            raise ValueError("Each entry of op_axes must be None or a tuple/list")
        out.append([-1 if a is None else int(a) for a in axes])
    lengths = {len(a) for a in out if a is not None}
    if len(lengths) > 1:
        raise ValueError("op_axes must have the same length for every operand")
    return out


# --- the plan ---------------------------------------------------------------------------------

class _Plan:
    """Everything decided at construction: iteration axes (outer to inner) and, per operand,
    the strides along them, plus whether an axis is walked backwards."""

    def __init__(self, shape, strides, flips, perm, index_strides, index_offset):
        self.shape = list(shape)            # iteration axes, outer to inner
        self.strides = strides              # per operand: list of byte strides
        self.flips = flips                  # per iteration axis: walked backwards?
        self.perm = perm                    # per iteration axis: its original axis
        self.index_strides = index_strides  # flat C/F index step per axis (or None)
        self.index_offset = index_offset


def _broadcast_shape(arrays, op_axes, itershape):
    """The iteration shape; numpy's error messages when the operands do not fit."""
    ndim = _iter_ndim(arrays, op_axes, itershape)
    shape = [1] * ndim
    fixed = [False] * ndim
    if itershape is not None:
        for k, n in enumerate(itershape):
            if n >= 0:
                shape[k], fixed[k] = n, True
    for i, a in enumerate(arrays):
        if a is None:
            continue
        for k, ax in enumerate(_axis_map(a.ndim, ndim, op_axes[i])):
            if ax < 0:
                continue
            n = a.shape[ax]
            if n == 1:
                continue
            if shape[k] == 1 and not fixed[k]:
                shape[k], fixed[k] = n, True
            elif shape[k] != n:
                _broadcast_error(arrays, op_axes, itershape)
            fixed[k] = True
    return tuple(shape)


def _broadcast_error(arrays, op_axes, itershape):
    if itershape is None and all(ax is None for ax in op_axes):
        shapes = "".join(_shape_str(a.shape) + " " for a in arrays if a is not None)
        raise ValueError(f"operands could not be broadcast together with shapes {shapes}")
    parts = []
    for a, axes in zip(arrays, op_axes):
        if a is None:
            continue
        text = _shape_str(a.shape)
        if axes is not None:
            mapped = ",".join(str(a.shape[ax]) for ax in axes if ax >= 0)
            text += f"->({mapped}{',' if len(axes) == 1 and mapped else ''})"
        parts.append(text + " ")
    msg = ("operands could not be broadcast together with remapped shapes "
           "[original->remapped]: " + "".join(parts))
    if itershape is not None:
        msg += f" and requested shape {_shape_str(itershape)}"
    raise ValueError(msg)


def _iter_ndim(arrays, op_axes, itershape):
    for axes in op_axes:
        if axes is not None:
            return len(axes)
    if itershape is not None:
        return len(itershape)
    return max((a.ndim for a in arrays if a is not None), default=0)


def _axis_map(op_ndim, ndim, axes):
    """For each iteration axis, the operand axis it walks (-1: none, broadcast)."""
    if axes is not None:
        return axes
    return [k - (ndim - op_ndim) for k in range(ndim)]


def _check_op_axes(arrays, op_axes, ndim):
    for i, (a, axes) in enumerate(zip(arrays, op_axes)):
        if a is None:
            _check_alloc_axes(i, axes, ndim)
            continue
        if axes is None:
            if a.ndim > ndim:
                raise ValueError("input operand has more dimensions than allowed by the "
                                 "axis remapping")
            continue
        seen = set()
        for k, ax in enumerate(axes):
            if ax < 0:
                continue
            if ax >= a.ndim:
                raise ValueError(f"Iterator input op_axes[{i}][{ndim - 1 - k}] (=={ax}) is not "
                                 f"a valid axis of op[{i}], which has {a.ndim} dimensions ")
            if ax in seen:
                raise ValueError(f"The 'op_axes' provided to the iterator constructor for "
                                 f"operand {i} contained duplicate value {ax}")
            seen.add(ax)


def _check_alloc_axes(i, axes, ndim):
    """op_axes of an operand the iterator allocates: no repeats, none past the iterator."""
    if axes is None:
        return
    for ax in axes:
        if ax >= ndim:
            raise ValueError("automatically allocated output array specified with an "
                             "inconsistent axis mapping; the axis mapping cannot include "
                             f"dimension {ax} which is too large for the iterator dimension "
                             f"of {ndim}.")
    kept = [ax for ax in axes if ax >= 0]
    for k in range(len(kept)):
        if kept[k] in kept[:k]:
            raise ValueError(f"The 'op_axes' provided to the iterator constructor for operand "
                             f"{i} contained duplicate value {kept[k]}")


def _op_strides(a, shape, axes):
    """Byte strides of operand ``a`` along the iteration axes (0 where it is broadcast)."""
    out = []
    for k, ax in enumerate(_axis_map(a.ndim, len(shape), axes)):
        if ax < 0 or a.shape[ax] == 1:
            out.append(0)
        else:
            out.append(a.strides[ax])
    return out


def _best_order(strides, ndim):
    """numpy's insertion sort of axes by stride (fastest first), as original axis numbers."""
    perm = list(range(ndim - 1, -1, -1))
    for i0 in range(1, ndim):
        ax0 = perm[i0]
        pos = i0
        for i1 in range(i0 - 1, -1, -1):
            ambiguous, swap = True, False
            for s in strides:
                s0, s1 = s[ax0], s[perm[i1]]
                if s0 and s1:
                    if abs(s1) <= abs(s0):
                        swap = False
                    elif ambiguous:
                        swap = True
                    ambiguous = False
            if ambiguous:
                continue
            if not swap:
                break
            pos = i1
        if pos != i0:
            perm[pos + 1:i0 + 1] = perm[pos:i0]
            perm[pos] = ax0
    return perm[::-1]


def _coalesce(plan):
    """Merge neighbouring axes every operand (and the index) walks with one stride."""
    rows = plan.strides + ([plan.index_strides] if plan.index_strides is not None else [])
    k = len(plan.shape) - 1
    while k > 0:
        n_in, n_out = plan.shape[k], plan.shape[k - 1]
        if all((n_in == 1 and r[k] == 0) or (n_out == 1 and r[k - 1] == 0)
               or r[k] * n_in == r[k - 1] for r in rows):
            for r in rows:
                r[k] = r[k] if r[k] else r[k - 1]
                del r[k - 1]
            plan.shape[k - 1:k + 1] = [n_in * n_out]
            del plan.flips[k - 1], plan.perm[k - 1]
        k -= 1


# --- the iterator -----------------------------------------------------------------------------

class nditer:
    """Efficient multi-dimensional iterator over one or more arrays (numpy's nditer)."""

    def __init__(self, op, flags=None, op_flags=None, op_dtypes=None, order="K",
                 casting="safe", op_axes=None, itershape=None, buffersize=0):
        rp = _rumpy()
        self._single = not isinstance(op, (list, tuple))
        ops = [op] if self._single else list(op)
        order = order.upper() if isinstance(order, str) else order
        if order not in ("C", "F", "A", "K"):
            raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
        if casting not in _CASTINGS:
            raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', "
                             f"'unsafe' (got {casting!r})")
        self._flags = _global_flags(flags)
        self._opf = _per_op_flags(op_flags, ops)
        dtypes = _op_dtypes(op_dtypes, len(ops))
        axes = _op_axes(op_axes, len(ops))
        arrays = [None if o is None else rp.asanyarray(o) for o in ops]
        self._check_operands(arrays)
        if itershape is not None:
            itershape = tuple(-1 if n is None else int(n) for n in itershape)
        ndim = _iter_ndim(arrays, axes, itershape)
        _check_op_axes(arrays, axes, ndim)
        shape = _broadcast_shape(arrays, axes, itershape)
        dtypes = self._resolve_dtypes(arrays, dtypes, casting)
        self._check_reductions(arrays, axes, shape)
        self._buffersize = buffersize if buffersize > 0 else 8192
        self._plan_and_allocate(arrays, axes, shape, dtypes, order)
        self._setup_copies(dtypes)
        itersize = math.prod(shape)
        if itersize == 0 and "zerosize_ok" not in self._flags:
            raise ValueError("Iteration of zero-sized operands is not enabled")
        self._range = (0, itersize)
        self._closed = False
        self._child = None  # the next inner iterator of nested_iters
        self._build_views()
        self._check_contig()
        if "buffered" in self._flags:
            self._bufplan = self._buffering_plan()
        self.reset()
        self._delayed = self.has_delayed_bufalloc

    # ----- construction steps

    def _check_operands(self, arrays):
        for i, (a, f) in enumerate(zip(arrays, self._opf)):
            if a is None:
                if "allocate" not in f:
                    raise ValueError("Iterator operand was NULL, but neither the ALLOCATE nor "
                                     "the VIRTUAL flag was specified")
                continue
            if f & {"readwrite", "writeonly"} and not a.flags.writeable:
                raise ValueError("operand array with iterator write flag set is read-only")
            if a.dtype.kind == "O" and "refs_ok" not in self._flags:
                raise TypeError("Iterator operand or requested dtype holds references, but "
                                "the NPY_ITER_REFS_OK flag was not enabled")

    def _resolve_dtypes(self, arrays, dtypes, casting):
        """The dtype each operand is seen with; casting and buffering checks as numpy's."""
        rp = _rumpy()
        inputs = [a for a in arrays if a is not None]
        if "common_dtype" in self._flags and inputs:
            common = rp.result_type(*inputs)
            dtypes = [common if d is None else d for d in dtypes]
        out = []
        for i, (a, d) in enumerate(zip(arrays, dtypes)):
            if a is None:
                if d is None:
                    if not inputs:
                        raise TypeError("no arrays or types available to calculate result type")
                    d = rp.result_type(*inputs)
                out.append(d)
                continue
            if d is None and "nbo" in self._opf[i] and not a.dtype.isnative:
                d = a.dtype.newbyteorder("=")
            if d is None or (d == a.dtype and d.str == a.dtype.str):
                out.append(a.dtype if d is None else d)
                continue
            self._check_cast(i, a.dtype, d, casting)
            out.append(d)
        return out

    def _check_cast(self, i, have, want, casting):
        rp = _rumpy()
        f = self._opf[i]
        if not (self._flags & {"buffered"} or f & {"copy", "updateifcopy"}):
            raise TypeError("Iterator operand required copying or buffering, but neither "
                            "copying nor buffering was enabled")
        if f & {"readonly", "readwrite"} and not rp.can_cast(have, want, casting):
            raise TypeError(f"Iterator operand {i} dtype could not be cast from {have!r} to "
                            f"{want!r} according to the rule {casting!r}")
        if f & {"readwrite", "writeonly"} and not rp.can_cast(want, have, casting):
            raise TypeError(f"Iterator requested dtype could not be cast from {want!r} to "
                            f"{have!r}, the operand {i} dtype, according to the rule "
                            f"{casting!r}")

    def _check_reductions(self, arrays, axes, shape):
        ndim = len(shape)
        for i, a in enumerate(arrays):
            f = self._opf[i]
            amap = _axis_map(a.ndim if a is not None else ndim, ndim, axes[i])
            if not f & {"readwrite", "writeonly"}:
                if "no_broadcast" in f:
                    self._check_no_broadcast(a, amap, shape)
                continue
            for k, ax in enumerate(amap):
                broadcast = ax < 0 or (a is not None and a.shape[ax] == 1)
                if a is None and ax >= 0:
                    continue
                if not broadcast or shape[k] == 1 and not (a is None and ax < 0):
                    continue
                if "reduce_ok" not in self._flags:
                    dim = (ndim - 1 - k) if axes[i] is None else ax
                    raise ValueError(
                        f"output operand requires a reduction along dimension {dim}, but the "
                        "reduction is not enabled. The dimension size of 1 does not match the "
                        "expected output shape.")
                if "writeonly" in f:
                    raise ValueError("output operand requires a reduction, but is flagged as "
                                     "write-only, not read-write")
                if "no_broadcast" in f:
                    raise ValueError("non-broadcastable output operand with shape "
                                     f"{_shape_str(a.shape)} doesn't match the broadcast shape "
                                     f"{_shape_str(shape)}")

    @staticmethod
    def _check_no_broadcast(a, amap, shape):
        if any(ax < 0 or a.shape[ax] != n for ax, n in zip(amap, shape)):
            raise ValueError(f"non-broadcastable operand with shape {_shape_str(a.shape)} "
                             f"doesn't match the broadcast shape {_shape_str(shape)}")

    def _plan_and_allocate(self, arrays, axes, shape, dtypes, order):
        ndim = len(shape)
        strides = [_op_strides(a, shape, ax) if a is not None else [0] * ndim
                   for a, ax in zip(arrays, axes)]
        forced = order in ("C", "F") or order == "A"
        if order == "F" or (order == "A" and all(
                a is None or a.flags.f_contiguous for a in arrays)):
            perm = list(range(ndim - 1, -1, -1))
        elif order == "K" and ndim > 1:
            perm = _best_order([s for s, a in zip(strides, arrays) if a is not None], ndim)
        else:
            perm = list(range(ndim))
        flips = [False] * ndim
        if not forced and all(a is not None for a in arrays):
            for k in range(ndim):
                col = [s[k] for s in strides]
                if any(s < 0 for s in col) and all(s <= 0 for s in col):
                    flips[k] = True
        self._shape_orig = tuple(shape)
        inputs = [a for a in arrays if a is not None]
        subtype = type(max(inputs, key=lambda a: a.__array_priority__)) if inputs else None
        self._ops = [a if a is not None else self._allocate(
            ax, shape, dt, perm, None if "no_subtype" in f else subtype)
            for a, ax, dt, f in zip(arrays, axes, dtypes, self._opf)]
        self._allocated = [a is None for a in arrays]
        self._axes = axes
        self._perm0, self._flips0 = perm, flips
        self._multi = "multi_index" in self._flags

    @staticmethod
    def _allocate(axes, shape, dtype, perm, subtype):
        """A new operand laid out in iteration order (numpy allocates outputs that way), of
        the inputs' ndarray subclass of highest priority unless no_subtype."""
        rp = _rumpy()
        ndim = len(shape)
        amap = _axis_map(ndim, ndim, axes)
        if axes is not None:
            kept = [ax for ax in amap if ax >= 0]
            if sorted(kept) != list(range(len(kept))):
                missing = min(set(range(len(kept))) - set(kept))
                raise ValueError("automatically allocated output array specified with an "
                                 "inconsistent axis mapping; the axis mapping is missing an "
                                 f"entry for dimension {missing}.")
        # op axes in iteration order (outer to inner), skipping reduction axes
        order_axes = [amap[k] for k in perm if amap[k] >= 0]
        op_shape = [0] * len(order_axes)
        for k, ax in enumerate(amap):
            if ax >= 0:
                op_shape[ax] = shape[k]
        mem = rp.empty([op_shape[ax] for ax in order_axes], dtype=dtype)
        inverse = [order_axes.index(ax) for ax in range(len(order_axes))]
        out = mem.transpose(inverse)
        if subtype is None or subtype is rp.ndarray:
            return out
        typed = out.view(subtype)
        if typed.shape != out.shape:
            raise RuntimeError("Iterator automatic output has an array subtype which changed "
                               "the dimensions of the output")
        return typed

    def _setup_copies(self, dtypes):
        """Temporary cast copies for 'copy'/'updateifcopy' operands that are not buffered."""
        self._dtypes = list(dtypes)
        self._writeback = []
        self._bufop = [False] * len(self._ops)
        for i, (a, dt) in enumerate(zip(self._ops, dtypes)):
            if a.dtype == dt and a.dtype.str == dt.str:
                continue
            if "buffered" in self._flags:
                self._bufop[i] = True
                continue
            self._replace_by_copy(i, dt)
        if "copy_if_overlap" in self._flags:
            self._copy_overlapping()

    def _replace_by_copy(self, i, dtype):
        """Iterate a copy of operand ``i``; a written one is copied back at close()."""
        a = self._ops[i]
        tmp = a.astype(dtype, order="K")
        if self._opf[i] & {"readwrite", "writeonly"}:
            self._writeback.append((a, tmp))
        self._ops[i] = tmp

    def _copy_overlapping(self):
        """copy_if_overlap: written operands that may share memory with another operand are
        iterated as copies (an identical view may stay with overlap_assume_elementwise)."""
        rp = _rumpy()
        for j, a in enumerate(self._ops):
            if self._allocated[j] or not self._opf[j] & {"readwrite", "writeonly"}:
                continue
            for k, b in enumerate(self._ops):
                if k == j or not rp.may_share_memory(a, b):
                    continue
                same = (a.__array_interface__["data"][0] == b.__array_interface__["data"][0]
                        and a.shape == b.shape and a.strides == b.strides)
                if not (same and "overlap_assume_elementwise" in self._opf[j]):
                    self._replace_by_copy(j, a.dtype)
                    break

    def _check_contig(self):
        """'contig' operands whose innermost stride is not their itemsize are buffered."""
        if not self._plan.shape or self._plan.shape[-1] <= 1:
            return
        for i, f in enumerate(self._opf):
            if "contig" in f and self._plan.strides[i][-1] != self._dtypes[i].itemsize:
                if "buffered" not in self._flags:
                    raise TypeError("Iterator operand required buffering, to be contiguous as "
                                    "requested, but buffering is not enabled")
                self._bufop[i] = True

    def _build_views(self):
        """The plan (axis order, flips, merged axes) and one strided view per operand."""
        shape = self._shape_orig
        ndim = len(shape)
        perm, flips0 = list(self._perm0), self._flips0
        base = []
        flip = tuple(slice(None, None, -1) if f else slice(None) for f in flips0)
        for a, ax in zip(self._ops, self._axes):
            view = _broadcast_view(a, shape, ax)
            base.append(view[flip] if any(flips0) else view)
        index = self._index_strides(shape, flips0)
        strides = [[b.strides[k] if shape[k] != 1 else 0 for k in perm] for b in base]
        plan = _Plan([shape[k] for k in perm], strides, [flips0[k] for k in perm], list(perm),
                     None if index is None else [index[0][k] for k in perm],
                     0 if index is None else index[1])
        if not self._multi:
            _coalesce(plan)
        self._plan = plan
        self._raw = []     # per operand: the view in iteration order, as writable as the operand
        self._views = []   # the same, read-only for read-only operands
        for i, b in enumerate(base):
            order = b.transpose(perm) if ndim else b
            v = _merged(order, tuple(plan.shape), tuple(plan.strides[i])) if ndim else order
            self._raw.append(v)
            if "readonly" in self._opf[i] and v.flags.writeable:
                v = v.view()
                v.flags.writeable = False
            self._views.append(v)

    def _index_strides(self, shape, flips):
        """(steps of the flat C/F index per original axis, index of the first element)."""
        if not self._flags & {"c_index", "f_index"}:
            return None
        ndim = len(shape)
        order = range(ndim - 1, -1, -1) if "c_index" in self._flags else range(ndim)
        steps, step = [0] * ndim, 1
        for k in order:
            steps[k] = step if shape[k] != 1 else 0
            step *= shape[k]
        offset = 0
        for k in range(ndim):
            if flips[k]:
                offset += (shape[k] - 1) * steps[k]
                steps[k] = -steps[k]
        return steps, offset

    # ----- position

    def reset(self):
        """Back to the first element of the iteration range."""
        self._check_open()
        self._delayed = False
        self._flush()
        self._pos = self._range[0]
        self._started = False
        self._buffers = None
        self._sync()

    def _sync(self):
        """Point a nested_iters inner iterator at this iterator's current element."""
        child = self._child
        if child is None or self._pos >= self._range[1]:
            return
        coords = self._coords(self._pos)
        child._retarget([v[coords + (Ellipsis,)] if v.ndim else v for v in self._raw])

    def _retarget(self, elements):
        """Iterate the same axes of the operands, starting from ``elements`` (0-d views)."""
        self._flush()
        ops = []
        for a, e, keep in zip(self._ops, elements, self._nest_axes):
            shape = [n if k in keep else 1 for k, n in enumerate(a.shape)]
            ops.append(_as_strided(e, shape, a.strides))
        self._ops = ops
        self._build_views()
        self.reset()

    @property
    def _external(self):
        return "external_loop" in self._flags

    def _inner_len(self):
        """Elements one external-loop step covers from the current position."""
        if "buffered" in self._flags:
            return self._chunk_len(self._pos)
        inner = self._plan.shape[-1] if self._plan.shape else 1
        return min(inner - self._pos % inner if inner else 0, self._range[1] - self._pos)

    def _chunk_len(self, pos):
        """The buffered chunk starting at ``pos``: whole cores up to the block size, or the
        rest of a core entered in its middle."""
        core, block, outer = self._bufplan[:3]
        offset = pos % core
        n = block if offset == 0 else core - offset
        return min(n, outer - pos % outer, self._range[1] - pos)

    def _buffering_plan(self):
        """numpy's buffering setup (npyiter_find_buffering_setup): how many inner axes one
        chunk spans, chosen by the cost (1 + copied operands) per element of chunk; returns
        (core size, chunk size, size of the axes a chunk may span, per operand: copied?)."""
        shape = self._plan.shape[::-1]   # fastest axis first, as numpy counts
        strides = [s[::-1] for s in self._plan.strides]
        nop, ndim = len(self._ops), len(shape)
        maximum, grow = self._buffersize, "grow_inner" in self._flags
        cast = self._bufop
        reduce_op = [bool(f & {"readwrite", "writeonly"}) and any(
            st == 0 and n > 1 for st, n in zip(strides[i], shape))
            for i, f in enumerate(self._opf)]
        cost = 1 + sum(cast)
        single, reduce_outer, outer_reduce = [1] * nop, [0] * nop, 0
        size = shape[0] if shape else 1
        best_dim, best_cost, best_size, best_core = 0, cost, size, 1
        for d in range(1, ndim):
            if outer_reduce or (size >= maximum and (cost > 1 or not grow)):
                break
            for i in range(nop):
                prev, cur = strides[i][d - 1], strides[i][d]
                if single[i] == d:
                    if prev * shape[d - 1] == cur:
                        single[i] += 1
                        continue
                    cost += 0 if cast[i] else 1
                if reduce_op[i] and (cur == 0 or prev == 0):
                    reduce_outer[i] = outer_reduce = d
            core, size = size, size * shape[d]
            if size == 0:
                break
            bufsize = maximum if size > maximum and (cost > 1 or not grow) else size
            if cost * best_size <= best_cost * bufsize:
                best_dim, best_cost, best_size, best_core = d, cost, size, core
        using_reduce = bool(outer_reduce) and best_dim == outer_reduce
        copied = []
        for i in range(nop):
            if not using_reduce:
                is_reduce = False
            else:
                is_reduce = reduce_outer[i] == best_dim or (
                    single[i] == best_dim and not cast[i]) or (
                    strides[i][outer_reduce] == 0 and single[i] <= best_dim
                    and not ("contig" in self._opf[i] and "readonly" in self._opf[i]))
            copied.append(cast[i] or single[i] + is_reduce <= best_dim)
        if (any(copied) or not grow) and maximum < best_size:
            best_size = best_core * (maximum // best_core)
        if using_reduce:
            best_size = best_core if best_core > 1 else best_size
        outer = math.prod(shape[:best_dim + 1])
        return max(best_core, 1), max(best_size, 1), max(outer, 1), copied

    def _step(self):
        return self._inner_len() if self._external else 1

    def iternext(self):
        """Advance; False once the iteration is past its end."""
        if self._closed or self._pos >= self._range[1]:
            return False
        self._pos += self._step()
        self._started = True
        if self._buffers is not None and self._pos >= self._buffers[1]:
            self._flush()
        self._sync()
        return self._pos < self._range[1]

    def __iter__(self):
        return self

    def __next__(self):
        if self._started:
            if self._plain and self._child is None:
                self._pos += 1  # the common case, without iternext's bookkeeping
            else:
                self.iternext()
        self._started = True
        pos = self._pos
        if self._closed or pos >= self._range[1]:
            raise StopIteration
        if self._plain and not self._delayed:
            key = (pos, Ellipsis) if len(self._plan.shape) == 1 else self._coords(pos) + (
                Ellipsis,)
            if self._single:
                return self._views[0][key]
            return tuple(v[key] for v in self._views)
        return self.value

    @property
    def _plain(self):
        """Element-wise iteration over views: neither buffered nor an external loop."""
        return not self._flags & {"buffered", "external_loop"}

    @property
    def finished(self):
        """Whether the iteration is past its end (False once closed, as numpy's)."""
        return not self._closed and self._pos >= self._range[1]

    def _coords(self, pos):
        """Position ``pos`` as coordinates along the (merged) iteration axes."""
        shape = self._plan.shape
        if len(shape) == 2 and shape[1]:
            return divmod(pos, shape[1])
        coords = []
        for n in reversed(shape):
            pos, c = divmod(pos, n) if n else (0, 0)
            coords.append(c)
        return tuple(reversed(coords))

    def _check_valid(self):
        if self._closed or self._pos >= self._range[1]:
            raise ValueError("Iterator is past the end")

    def _check_open(self):
        if self._closed:
            raise ValueError("Iterator is invalid")

    # ----- values

    @property
    def value(self):
        """The current element(s): 0-d views, or 1-d chunks with external_loop."""
        self._check_valid()
        if self._delayed:
            raise ValueError("Iterator construction used delayed buffer allocation, and no "
                             "reset has been done yet")
        vals = tuple(self._operand_value(i) for i in range(len(self._ops)))
        return vals[0] if self._single else vals

    def _operand_value(self, i):
        if "buffered" in self._flags:
            return self._buffered_value(i)
        view = self._views[i]
        if not self._plan.shape:
            return view.reshape(1) if self._external else view[...]
        coords = self._coords(self._pos)
        if self._external:
            n = self._inner_len()
            return view[coords[:-1] + (slice(coords[-1], coords[-1] + n),)]
        return view[coords + (Ellipsis,)]

    def _buffered_value(self, i):
        if self._buffers is None or not (self._buffers[0] <= self._pos < self._buffers[1]):
            self._fill()
        start, _, bufs = self._buffers
        buf = bufs[i]
        k = self._pos - start
        if self._external:
            return buf[k:k + self._inner_len()]
        return buf[k:k + 1].reshape(())

    def _single_stride(self, view, i, start, stop):
        """The operand's elements at positions [start, stop) as one strided view."""
        if view.ndim == 0:
            return view.reshape(1)
        first = view[self._coords(start) + (Ellipsis,)]
        return _as_strided(first, (stop - start,), (self._plan.strides[i][-1],))

    def _chunk(self, view, start, stop):
        """Pieces (view slices) covering flat iteration positions [start, stop)."""
        if view.ndim == 0:
            return [view.reshape(1)]
        inner = view.shape[-1]
        pieces, pos = [], start
        while pos < stop:
            coords = self._coords(pos)
            n = min(inner - coords[-1], stop - pos)
            pieces.append(view[coords[:-1] + (slice(coords[-1], coords[-1] + n),)])
            pos += n
        return pieces

    def _fill(self):
        """Load the buffers for the chunk starting at the current position."""
        rp = _rumpy()
        self._flush()
        start = self._pos
        stop = start + self._chunk_len(start)
        bufs = []
        for i, view in enumerate(self._views):
            if not self._bufplan[3][i]:
                bufs.append(self._single_stride(view, i, start, stop))
                continue
            pieces = self._chunk(view, start, stop)
            if "writeonly" in self._opf[i]:
                buf = rp.empty(stop - start, dtype=self._dtypes[i])
            else:
                buf = rp.concatenate(pieces).astype(self._dtypes[i]) if pieces else \
                    rp.empty(0, dtype=self._dtypes[i])
            if "readonly" in self._opf[i]:
                buf.flags.writeable = False
            bufs.append(buf)
        self._buffers = (start, stop, bufs)

    def _flush(self):
        """Write buffered chunks of writable operands back to their arrays."""
        buffers = getattr(self, "_buffers", None)
        if buffers is None:
            return
        start, stop, bufs = buffers
        self._buffers = None
        for i, view in enumerate(self._views):
            if "readonly" in self._opf[i]:
                continue
            if not self._bufplan[3][i]:
                continue
            pieces = self._chunk(view, start, stop)
            pos = 0
            for p in pieces:
                p[...] = bufs[i][pos:pos + p.shape[0]].astype(p.dtype, casting="unsafe")
                pos += p.shape[0]

    # ----- index tracking

    @property
    def multi_index(self):
        """The current element's index along each operand axis."""
        if not self._multi:
            raise ValueError("Iterator is not tracking a multi-index")
        self._check_valid()
        coords = self._coords(self._pos)
        out = [0] * len(self._shape_orig)
        for c, k, f, n in zip(coords, self._plan.perm, self._plan.flips, self._plan.shape):
            out[k] = n - 1 - c if f else c
        return tuple(out)

    @multi_index.setter
    def multi_index(self, idx):
        if not self._multi:
            raise ValueError("Iterator is not tracking a multi-index")
        idx = tuple(idx)
        if len(idx) != len(self._shape_orig):
            raise ValueError("Wrong number of indices")
        pos = 0
        for k, f, n in zip(self._plan.perm, self._plan.flips, self._plan.shape):
            c = idx[k]
            if not 0 <= c < n:
                raise IndexError("Iterator GotoMultiIndex called with an out-of-bounds "
                                 "multi-index")
            pos = pos * n + (n - 1 - c if f else c)
        self._goto(pos)

    @property
    def has_multi_index(self):
        """Whether multi_index is tracked."""
        self._check_open()
        return self._multi

    @property
    def has_index(self):
        """Whether a flat C or F index is tracked."""
        self._check_open()
        return bool(self._flags & {"c_index", "f_index"})

    @property
    def index(self):
        """The flat C- or F-order index of the current element."""
        if not self.has_index:
            raise ValueError("Iterator does not have an index")
        self._check_valid()
        coords = self._coords(self._pos)
        return self._plan.index_offset + sum(
            c * s for c, s in zip(coords, self._plan.index_strides))

    @index.setter
    def index(self, value):
        if not self.has_index:
            raise ValueError("Iterator does not have an index")
        for pos in range(self._range[0], self._range[1]):
            coords = self._coords(pos)
            if self._plan.index_offset + sum(
                    c * s for c, s in zip(coords, self._plan.index_strides)) == value:
                self._goto(pos)
                return
        raise IndexError("Iterator GotoIndex called with an out-of-bounds index")

    @property
    def iterindex(self):
        """The position in iteration order."""
        self._check_valid()
        return self._pos

    @iterindex.setter
    def iterindex(self, value):
        if not self._range[0] <= value < self._range[1]:
            raise IndexError("Iterator GotoIterIndex called with an iterindex outside the "
                             "iteration range.")
        self._goto(value)

    def _goto(self, pos):
        if self._external:
            raise ValueError("Cannot call GotoIterIndex on an iterator which has the flag "
                             "EXTERNAL_LOOP")
        self._flush()
        self._pos = pos
        self._started = False
        self._sync()

    @property
    def iterrange(self):
        """The (start, end) of the iterindex range iterated."""
        self._check_open()
        return self._range

    @iterrange.setter
    def iterrange(self, value):
        start, end = value
        if start > end:
            raise ValueError(f"Invalid range [{start}, {end}) passed to ResetToIterIndexRange")
        if not (0 <= start <= end <= self.itersize):
            raise ValueError(f"Out-of-bounds range [{start}, {end}) passed to "
                             "ResetToIterIndexRange")
        if "ranged" not in self._flags:
            raise ValueError("Cannot call ResetToIterIndexRange on an iterator without "
                             "requesting ranged iteration support in the constructor")
        self._flush()
        self._range = (start, end)
        self.reset()

    # ----- description

    @property
    def operands(self):
        """The operands (allocated outputs included)."""
        self._check_open()
        return tuple(self._ops)

    @property
    def itviews(self):
        """The operands as views in the iterator's axis order (merged axes included)."""
        self._check_open()
        if "buffered" in self._flags:
            raise ValueError("cannot provide an iterator view when buffering is enabled")
        return tuple(self._views)

    @property
    def dtypes(self):
        """The dtype each operand is seen with."""
        self._check_open()
        return tuple(self._dtypes)

    @property
    def nop(self):
        """The number of operands."""
        self._check_open()
        return len(self._ops)

    @property
    def ndim(self):
        """The number of iteration axes (after merging)."""
        self._check_open()
        return len(self._plan.shape)

    @property
    def shape(self):
        """The iteration shape: operand axis order with multi_index, else fastest first."""
        self._check_valid()
        if self._multi:
            return tuple(self._shape_orig)
        return tuple(reversed(self._plan.shape))

    @property
    def itersize(self):
        """The number of elements iterated."""
        self._check_open()
        return math.prod(self._shape_orig)

    @property
    def has_delayed_bufalloc(self):
        """Whether buffer allocation waits for the first reset."""
        self._check_open()
        return "delay_bufalloc" in self._flags and "buffered" in self._flags

    @property
    def iterationneedsapi(self):
        """Whether iterating needs the Python API (object operands)."""
        self._check_open()
        return any(dt.kind == "O" for dt in self._dtypes)

    # ----- changes

    def remove_axis(self, i):
        """Drop original axis ``i`` from the iteration (needs multi_index)."""
        self._check_open()
        if not self._multi:
            raise RuntimeError("Iterator RemoveAxis may only be called if a multi-index is "
                               "being tracked")
        if not 0 <= i < len(self._shape_orig):
            raise ValueError("axis out of bounds in iterator RemoveAxis")
        keep = [k for k in range(len(self._shape_orig)) if k != i]
        self._shape_orig = tuple(self._shape_orig[k] for k in keep)
        self._ops = [self._drop_axis(a, i, ax) for a, ax in zip(self._ops, self._axes)]
        self._axes = [None if ax is None else [a for k, a in enumerate(ax) if k != i]
                      for ax in self._axes]
        renumber = {k: n for n, k in enumerate(keep)}
        self._perm0 = [renumber[k] for k in self._perm0 if k != i]
        self._flips0 = [self._flips0[k] for k in keep]
        self._range = (0, math.prod(self._shape_orig))
        self._build_views()
        self.reset()

    def _drop_axis(self, a, i, axes):
        """``a`` without the operand axis walked by iteration axis ``i``."""
        amap = _axis_map(a.ndim, len(self._shape_orig) + 1, axes)
        ax = amap[i]
        if ax < 0:
            return a
        return a[(slice(None),) * ax + (0,)] if a.shape[ax] else a

    def remove_multi_index(self):
        """Stop tracking the multi-index (the axes may then be merged)."""
        self._check_open()
        self._multi = False
        self._flags.discard("multi_index")
        self._build_views()
        self.reset()

    def enable_external_loop(self):
        """Switch to yielding 1-d chunks of the innermost axis."""
        self._check_open()
        if self._multi or self.has_index:
            raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                             "multi-index is being tracked")
        self._flags.add("external_loop")
        self.reset()

    def copy(self):
        """An independent iterator at the same position."""
        self._check_open()
        other = object.__new__(nditer)
        other.__dict__.update(self.__dict__)
        other._flags = set(self._flags)
        other._buffers = None
        return other

    def __copy__(self):
        return self.copy()

    def debug_print(self):
        """Print the iterator's plan: flags, shape, axis order and per-operand strides."""
        print("------ BEGIN ITERATOR DUMP ------")
        print(f"| Iterator Address: {hex(id(self))}")
        print(f"| ItFlags: {' '.join(sorted(f.upper() for f in self._flags))}")
        print(f"| NDim: {self.ndim}")
        print(f"| NOp: {self.nop}")
        print(f"| IterSize: {self.itersize}")
        print(f"| IterStart: {self._range[0]}")
        print(f"| IterEnd: {self._range[1]}")
        print(f"| IterIndex: {self._pos}")
        print(f"| Perm: {' '.join(str(k) for k in self._plan.perm)}")
        print(f"| DTypes: {' '.join(repr(d) for d in self._dtypes)}")
        for k, n in enumerate(self._plan.shape):
            strides = " ".join(str(s[k]) for s in self._plan.strides)
            print(f"| AxisData[{k}]: Shape {n} Strides {strides}")
        print("------- END ITERATOR DUMP -------")

    # ----- closing

    def close(self):
        """Write back buffers and temporary copies; the iterator is then unusable."""
        if self._closed:
            return
        self._flush()
        for orig, tmp in self._writeback:
            orig[...] = tmp.astype(orig.dtype, casting="unsafe")
        self._writeback = []
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __len__(self):
        return len(self._ops)

    def _values(self):
        vals = self.value
        return (vals,) if self._single else vals

    def _operand_index(self, i):
        if isinstance(i, bool) or not isinstance(i, int):
            raise TypeError("invalid index type for iterator indexing")
        k = i + len(self._ops) if i < 0 else i
        if not 0 <= k < len(self._ops):
            raise IndexError(f"Iterator operand index {i} is out of bounds")
        return k

    def __getitem__(self, i):
        if isinstance(i, slice):
            if i.step not in (None, 1):
                raise ValueError("Iterator slicing only supports a step of 1")
            return self._values()[i]
        return self._values()[self._operand_index(i)]

    def __setitem__(self, i, value):
        vals = self._values()
        if isinstance(i, slice):
            if i.step not in (None, 1):
                raise ValueError("Iterator slice assignment only supports a step of 1")
            indices = range(len(vals))[i]
            value = list(value)
            if len(value) != len(indices):
                raise ValueError("Wrong size to assign to iterator slice")
        else:
            indices, value = [self._operand_index(i)], [value]
        for k, v in zip(indices, value):
            if "readonly" in self._opf[k]:
                raise RuntimeError(f"Iterator operand {k} is not writeable")
            vals[k][...] = v


# --- nested_iters -------------------------------------------------------------------------------

def _outer_dtypes(op_dtypes, op_flags, nop, flags):
    """The dtypes outer nested iterators request: with buffering, only copied operands keep
    theirs (the innermost iterator does the buffered casting)."""
    if op_dtypes is None or "buffered" not in flags:
        return op_dtypes
    dtypes = list(op_dtypes) if isinstance(op_dtypes, (list, tuple)) else [op_dtypes] * nop
    per_op = _per_op_flags(op_flags, [0] * nop)
    return [d if f & {"copy", "updateifcopy"} else None for d, f in zip(dtypes, per_op)]


def nested_iters(op, axes, flags=None, op_flags=None, op_dtypes=None, order="K",
                 casting="safe", buffersize=0):
    """Iterators over groups of axes, each inner one following its outer one's position."""
    single = not isinstance(op, (list, tuple))
    ops = [op] if single else list(op)
    groups = [[int(a) for a in g] for g in axes]
    if len(groups) < 2:
        raise ValueError("axes must have at least 2 entries for nested iteration")
    used = [a for g in groups for a in g]
    if any(a < 0 for a in used):
        raise ValueError("An axis is out of bounds")
    if len(set(used)) != len(used):
        raise ValueError("An axis is used more than once")
    flags = _global_flags(flags)
    outer_dtypes = _outer_dtypes(op_dtypes, op_flags, len(ops), flags)
    iters = []
    for k, g in enumerate(groups):
        inner = k == len(groups) - 1
        it = nditer(ops[0] if single else ops,
                    flags=list(flags if inner else flags - {"buffered", "external_loop"}),
                    op_flags=op_flags, op_dtypes=op_dtypes if inner else outer_dtypes,
                    order=order, casting=casting, op_axes=[list(g) for _ in ops],
                    buffersize=buffersize)
        it._nest_axes = [set(g) for _ in ops]
        if iters:
            iters[-1]._child = it
        else:
            ops = list(it.operands)  # copies and allocations are shared by the inner ones
        iters.append(it)
    iters[0].reset()  # positions every inner iterator at the outer's first element
    return tuple(iters)


# --- broadcast ----------------------------------------------------------------------------------

class broadcast:
    """The broadcast of several arrays: its shape, and tuples of their elements in C order."""

    def __init__(self, *args):
        rp = _rumpy()
        if len(args) > _MAXARGS:
            raise ValueError(f"Need at least 0 and at most {_MAXARGS} array objects.")
        arrays = []
        for a in args:
            if isinstance(a, broadcast):
                arrays.extend(a._arrays)
            else:
                arrays.append(rp.asarray(a))
        self._arrays = arrays
        shape = rp.broadcast_shapes(*[a.shape for a in arrays]) if arrays else ()
        self._shape = tuple(shape)
        self._flat = [rp.broadcast_to(a, self._shape) for a in arrays]
        self.numiter = len(arrays)
        self._index = 0

    @property
    def shape(self):
        """The broadcast shape."""
        return self._shape

    @property
    def ndim(self):
        """The number of dimensions of the broadcast."""
        return len(self._shape)

    @property
    def nd(self):
        """``ndim`` (numpy's older name)."""
        return self.ndim

    @property
    def size(self):
        """The number of elements of the broadcast."""
        return math.prod(self._shape)

    @property
    def index(self):
        """The current flat position."""
        return self._index

    @property
    def iters(self):
        """One flat iterator per input, positioned like the broadcast."""
        out = []
        for a in self._flat:
            it = a.flat
            for _ in itertools.islice(it, self._index):
                pass
            out.append(it)
        return tuple(out)

    def reset(self):
        """Back to the first element."""
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._index >= self.size:
            raise StopIteration
        coords = _unravel(self._index, self._shape)
        self._index += 1
        return tuple(a[coords] for a in self._flat)


def _unravel(pos, shape):
    coords = []
    for n in reversed(shape):
        pos, c = divmod(pos, n)
        coords.append(c)
    return tuple(reversed(coords))


# numpy shows these as numpy.nditer etc.; rumpy's are rumpy.nditer
for _public in (nditer, nested_iters, broadcast):
    _public.__module__ = "rumpy"
del _public
