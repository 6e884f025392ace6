"""Sorting and searching (NumPy's ``sort``, ``argsort``, ``lexsort``, ``sort_complex``,
``searchsorted``, ``partition``/``argpartition`` and their ndarray methods): argument
checks here, the work in the core; sorts are stable for every kind (so
``argsort(kind='stable')`` is NumPy's index for index)."""

import operator as _operator

from . import _core
from ._subclass import sorts_a_copy as _sorts_a_copy
from ._subclass import defers_to_method as _defers_to_method

__all__ = ["sort", "argsort", "lexsort", "sort_complex", "searchsorted", "partition",
           "argpartition"]


def _check_kind(kind, stable):
    """NumPy's checks of ``kind=`` and ``stable=`` (every kind sorts stably here)."""
    if kind is not None and stable is not None:
        raise ValueError("`kind` and keyword parameters can't be provided at the same time. "
                         "Use only one of them.")
    if kind is None:
        return
    if not isinstance(kind, str):
        raise TypeError(f"sort kind must be str, not {type(kind).__name__}")
    if not kind or kind[0].lower() not in "qhms":
        raise ValueError(f"sort kind must be one of 'quick', 'heap', or 'stable' (got '{kind}')")


def _ordered(a, order):
    """``a`` viewed with the fields of ``order`` first (the others after, in their order), so
    the records' order compares them first; ``a`` itself without ``order``."""
    if order is None:
        return a
    names = a.dtype.names
    if names is None:
        raise ValueError("Cannot specify order when the array has no fields.")
    order = [order] if isinstance(order, str) else list(order)
    seen = set()
    for name in order:
        if name not in names:
            raise ValueError(f"unknown field name: {name}")
        if name in seen:
            raise ValueError(f"duplicate field name: {name}")
        seen.add(name)
    names = order + [n for n in names if n not in seen]
    fields = a.dtype.fields
    dt = _core.dtype({"names": names, "formats": [fields[n][0] for n in names],
                      "offsets": [fields[n][1] for n in names], "itemsize": a.dtype.itemsize})
    return a.view(dt)


def _axis(axis):
    return _operator.index(axis)


def _method_sort(self, axis=-1, kind=None, order=None, *, stable=None):
    """Sort the array in place (see ``rumpy.sort``)."""
    _check_kind(kind, stable)
    _core._sort(_ordered(self, order), _axis(axis))


def _method_argsort(self, axis=-1, kind=None, order=None, *, stable=None):
    """The indices that sort the array (see ``rumpy.argsort``)."""
    _check_kind(kind, stable)
    if axis is None:
        return _core._argsort(_ordered(self.reshape(-1), order), -1)
    if self.ndim == 0:
        # NumPy's argsort takes a 0-d array as 1-d.
        return _core._argsort(_ordered(self.reshape(1), order), _axis(axis))
    return _core._argsort(_ordered(self, order), _axis(axis))


@_sorts_a_copy("sort")
def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    """A sorted copy of an array (numpy.sort); ``axis=None`` sorts the flattened array."""
    _check_kind(kind, stable)
    a = _core.asanyarray(a)
    if axis is None:
        a, axis = a.flatten(), -1
    else:
        a = a.copy(order="K")
    _method_sort(a, axis, order=order)
    return a


@_defers_to_method("argsort")
def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    """The indices that sort an array along an axis (numpy.argsort)."""
    return _method_argsort(_core.asanyarray(a), axis, kind, order, stable=stable)


def lexsort(keys, axis=-1):
    """Indirect stable sort on several keys, the last one primary (numpy.lexsort)."""
    if isinstance(keys, _core.ndarray):
        keys = [keys[i] for i in range(keys.shape[0])] if keys.ndim else [keys]
    else:
        keys = [_core.asanyarray(k) for k in keys]
    if not keys:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    if any(k.shape != keys[0].shape for k in keys):
        raise ValueError("all keys need to be the same shape")
    from . import intp, take_along_axis
    if keys[0].ndim == 0:
        return intp(0)
    idx = None
    for k in keys:
        # Each key sorts stably what the keys before it ordered.
        if idx is None:
            idx = _method_argsort(k, axis)
        else:
            idx = take_along_axis(idx, _method_argsort(
                take_along_axis(k, idx, axis), axis), axis)
    return idx


def sort_complex(a):
    """A complex copy of an array, sorted (numpy.sort_complex)."""
    b = _core.array(a, copy=True)
    b.sort()
    if b.dtype.kind != "c":
        if b.dtype.char in "bhBH":
            return b.astype("F")
        if b.dtype.char == "g":
            return b.astype("G")
        return b.astype("D")
    return b


def _method_searchsorted(self, v, side="left", sorter=None):
    """Where to insert ``v`` to keep the array sorted (see ``rumpy.searchsorted``)."""
    if not isinstance(side, str):
        raise TypeError(f"search side must be str, not {type(side).__name__}")
    if side not in ("left", "right"):
        if side[:1].lower() in ("l", "r"):
            raise ValueError("search side must be one of 'left' or 'right'")
        raise ValueError(f"search side must be 'left' or 'right' (got '{side}')")
    if self.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    if self.ndim > 1:
        raise ValueError("object too deep for desired array")
    v = _core.asanyarray(v)
    dt = _core.result_type(self.dtype, v.dtype)
    if sorter is not None:
        sorter = _core.asanyarray(sorter)
        if sorter.ndim != 1:
            raise TypeError("could not parse sorter argument")
        if sorter.dtype.kind not in "iu":
            raise TypeError("sorter must only contain integers")
        if sorter.size != self.size:
            raise ValueError("sorter.size must equal a.size")
    r = _core._searchsorted(self.astype(dt, copy=False), v.astype(dt, copy=False),
                            side == "right", sorter)
    return r[()] if v.ndim == 0 else r


@_defers_to_method("searchsorted")
def searchsorted(a, v, side="left", sorter=None):
    """Indices where ``v`` would be inserted to keep the sorted ``a`` in order
    (numpy.searchsorted)."""
    return _method_searchsorted(_core.asanyarray(a), v, side, sorter)


def _check_select(kind):
    if kind != "introselect":
        if not isinstance(kind, str):
            raise TypeError(f"select kind must be str, not {type(kind).__name__}")
        raise ValueError(f"select kind must be 'introselect' (got '{kind}')")


def _kth(kth, n):
    """NumPy's checks of ``kth`` for an axis of length ``n``: sorted, distinct, in range."""
    if isinstance(kth, bool) or (isinstance(kth, _core.ndarray) and kth.dtype.kind == "b"):
        raise ValueError("Booleans unacceptable as partition index")
    k = _core.asanyarray(kth)
    if k.dtype.kind == "b":
        raise ValueError("Booleans unacceptable as partition index")
    if k.ndim > 1:
        raise ValueError("setting an array element with a sequence. The requested array "
                         "would exceed the maximum number of dimension of 1.")
    if k.dtype.kind not in "iu":
        raise TypeError("Partition index must be integer")
    out = []
    for x in k.reshape(-1).tolist():
        x = x + n if x < 0 else x
        if not 0 <= x < n:
            raise ValueError(f"kth(={x}) out of bounds ({n})")
        out.append(x)
    return sorted(set(out))


def _method_partition(self, kth, axis=-1, kind="introselect", order=None):
    """Partition the array in place (see ``rumpy.partition``)."""
    _check_select(kind)
    v = _ordered(self, order)
    ax = _axis(axis)
    if not -self.ndim <= ax < self.ndim or self.size == 0:
        # The core's AxisError before any check of kth, and nothing to do when empty (NumPy's
        # order and answers).
        _core._partition(v, [], ax)
        return
    _core._partition(v, _kth(kth, self.shape[ax]), ax)


def _method_argpartition(self, kth, axis=-1, kind="introselect", order=None):
    """The indices that partition the array (see ``rumpy.argpartition``)."""
    _check_select(kind)
    a = self.reshape(-1) if axis is None or self.ndim == 0 else self
    ax = -1 if axis is None else _axis(axis)
    if not -a.ndim <= ax < a.ndim or a.size == 0:
        return _core._argpartition(a, [], ax)
    return _core._argpartition(_ordered(a, order), _kth(kth, a.shape[ax]), ax)


@_sorts_a_copy("partition")
def partition(a, kth, axis=-1, kind="introselect", order=None):
    """A partitioned copy of an array (numpy.partition): the items at ``kth`` where a sort
    puts them, none larger before and none smaller after each."""
    a = _core.asanyarray(a)
    if axis is None:
        a, axis = a.flatten(), -1
    else:
        a = a.copy(order="K")
    _method_partition(a, kth, axis, kind, order)
    return a


@_defers_to_method("argpartition")
def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """The indices that partition an array along an axis (numpy.argpartition)."""
    return _method_argpartition(_core.asanyarray(a), kth, axis, kind, order)
