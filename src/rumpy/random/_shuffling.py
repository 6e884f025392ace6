"""The sampling and shuffling methods of :class:`Generator` (numpy's ``choice``, ``shuffle``,
``permutation`` and ``permuted``), bit for bit: the Fisher-Yates permutations and Floyd's
samples are drawn in the core (``fill_permutation``, ``fill_floyd``), and applied here as an
index permutation, which moves the same items as numpy's swaps."""

import math
import numbers
import operator
import warnings
from collections.abc import Sequence

from .. import _core
from .._reductions import _normalize_axis_index
from ._common import F64, I64, as_param, kahan_sum

_U64 = _core.dtype("uint64")
_INTP = _core.dtype("intp")
_ATOL = math.sqrt(2.220446049250313e-16)  # numpy's sqrt(finfo(float64).eps)


def _rp():
    """The rumpy namespace (``rumpy.random`` is imported before most of it exists)."""
    import rumpy
    return rumpy


def _axis_index(axis, ndim):
    """numpy's ``normalize_axis_index`` with its C argument parsing (a float is refused, the
    axis must fit in a C int)."""
    if isinstance(axis, float):
        raise TypeError("integer argument expected, got float")
    ax = operator.index(axis)
    if not -2**63 <= ax < 2**63:
        raise OverflowError("Python int too large to convert to C long")
    if not -2**31 <= ax < 2**31:
        raise OverflowError("Python int too large to convert to C int")
    return _normalize_axis_index(ax, ndim)


def _permutations(bg, shape, first, masked):
    """int64 rows (the last axis of ``shape``), each the permutation numpy's Fisher-Yates
    gives: masked rejection (``random_interval``) or Lemire (``_shuffle_int``), rows drawn one
    after another."""
    out = _core.empty(shape, dtype=I64)
    with bg.lock:
        bg._core.fill_permutation(out, first, masked)
    return out


def _interval(bg, i):
    """One ``random_interval(i)`` draw (masked rejection on [0, i]), as numpy's swap loop."""
    out = _core.empty(1, dtype=I64)
    off = _core.asanyarray([0], dtype=_U64)
    rng = _core.asanyarray([i], dtype=_U64)
    with bg.lock:
        bg._core.fill_bounded(out, off, rng, True)
    return int(out[0])


def _swaps(perm):
    """The ``j`` of each step ``i = n-1 .. 1`` of the Fisher-Yates loop that ends in ``perm``
    (every permutation comes from exactly one sequence of swaps)."""
    n = len(perm)
    cur = list(range(n))
    pos = list(range(n))
    js = []
    for i in range(n - 1, 0, -1):
        v = perm[i]
        j = pos[v]
        js.append(j)
        w = cur[i]
        cur[i], cur[j] = v, w
        pos[w], pos[v] = j, i
    return js


def _is_integer(x):
    """numpy's ``isinstance(x, (int, np.integer))`` (rumpy's integer scalars and numpy's)."""
    if isinstance(x, (int, _rp().integer)):
        return True
    return type(x).__module__ == "numpy" and isinstance(x, numbers.Integral)


def _asarray(x):
    """numpy's ``asarray``: Python ints beyond 64 bits make an object array."""
    try:
        return _core.asanyarray(x)
    except OverflowError:
        return _core.asanyarray(x, dtype=object)


def _shares_memory(arr, x):
    """numpy's ``may_share_memory`` check in ``permutation`` (True when it cannot tell)."""
    try:
        return bool(_rp().may_share_memory(arr, x))
    except Exception:
        return True


def _p_sum_off(p, n, atol):
    """Whether numpy's check ``abs(kahan_sum(p) - 1) > atol`` fails, after its NaN and sign
    checks (raising their errors). For finite non-negative p summing to at most 2 the
    vectorised sum decides when moving it by 1e-12 either way (far more than it and Kahan's sum
    can differ) gives the same answer; otherwise the sum is Kahan's, term by term as numpy's."""
    rp = _rp()
    if n > 64 and bool(rp.all(rp.isfinite(p))) and not bool(rp.any(p < 0)):
        with rp.errstate(over="ignore", invalid="ignore"):
            s = float(p.sum())
        if s <= 2.0:
            off = abs(s - 1.0)
            below, above = bool(off - 1e-12 > atol), bool(off + 1e-12 > atol)
            if below == above:
                return below
    total = kahan_sum(p.tolist()[:n])
    if math.isnan(total):
        raise ValueError("Probabilities contain NaN")
    if bool(rp.logical_or.reduce(p < 0)):
        raise ValueError("Probabilities are not non-negative")
    return bool(abs(total - 1.0) > atol)


class Shuffling:
    """numpy's ``choice``, ``shuffle``, ``permutation`` and ``permuted``, for
    :class:`Generator` (which provides ``_bit_generator``)."""

    def shuffle(self, x, axis=0):
        """Shuffle ``x`` in place along ``axis`` (numpy's Fisher-Yates with masked draws).

        Parameters
        ----------
        x : ndarray or mutable sequence
            A writable rumpy array (moved along ``axis``; views are written through) or a
            Python mutable sequence (``axis`` must be 0; anything not a ``Sequence`` warns, as
            numpy's).
        axis : int, optional
            The axis of an array to shuffle along.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> a, b = rp.arange(10), np.arange(10)
        >>> rp.random.default_rng(4).shuffle(a)
        >>> np.random.default_rng(4).shuffle(b)
        >>> a.tolist() == b.tolist()
        True
        """
        n = len(x)
        bg = self._bit_generator
        if isinstance(x, _core.ndarray):
            if not x.flags.writeable:
                raise ValueError("array is read-only")
            axis = _axis_index(axis, x.ndim)
            if x.size == 0:
                return
            perm = _permutations(bg, (x.shape[axis],), 1, True)
            _core.copyto(x, x.take(perm, axis=axis))
            return
        if not isinstance(x, Sequence):
            warnings.warn(
                f"you are shuffling a '{type(x).__name__}' object which is not a subclass of "
                "'Sequence'; `shuffle` is not guaranteed to behave correctly. E.g., non-numpy "
                "array/tensor objects with view semantics may contain duplicates after "
                "shuffling.", UserWarning, stacklevel=2)
        if axis != 0:
            raise NotImplementedError("Axis argument is only supported on ndarray objects")
        if n <= 1:
            return
        if type(x) is list:
            perm = _permutations(bg, (n,), 1, True).tolist()
            x[:] = [x[k] for k in perm]
            return
        # Any other sequence: numpy's swaps one by one. If one of them raises, numpy has
        # drawn only up to that step, so the state is rewound and those draws made again.
        saved = bg.state
        js = _swaps(_permutations(bg, (n,), 1, True).tolist())
        for step, j in enumerate(js):
            i = n - 1 - step
            try:
                x[i], x[j] = x[j], x[i]
            except BaseException:
                bg.state = saved
                for k in range(n - 1, i - 1, -1):
                    _interval(bg, k)
                raise

    def permutation(self, x, axis=0):
        """A shuffled ``arange(x)`` for an integer ``x``, else a shuffled copy of the array
        ``x`` along ``axis``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.default_rng(12345).permutation(10).tolist()
        [4, 8, 1, 3, 7, 9, 6, 0, 2, 5]
        >>> r = rp.random.default_rng(3).permutation(rp.arange(12).reshape(3, 4), axis=1)
        >>> r.tolist() == np.random.default_rng(3).permutation(np.arange(12).reshape(3, 4),
        ...                                                    axis=1).tolist()
        True
        """
        if _is_integer(x):
            arr = _core.arange(x)
            if arr.dtype == I64 and arr.size > 1:
                # the shuffled arange is the permutation itself
                return _permutations(self._bit_generator, arr.shape, 1, True)
            self.shuffle(arr)
            return arr
        arr = _asarray(x)
        axis = _axis_index(axis, arr.ndim)
        if arr.ndim == 1:
            if _shares_memory(arr, x):
                arr = arr.copy()
            self.shuffle(arr)
            return arr
        idx = _core.arange(arr.shape[axis], dtype=_INTP)
        self.shuffle(idx)
        return arr.take(idx, axis=axis)

    def permuted(self, x, *, axis=None, out=None):
        """``x`` shuffled independently along each lane of ``axis`` (all items together when
        ``axis`` is None), into a copy or into ``out``.

        Parameters
        ----------
        x : array_like
        axis : int, optional
            Each 1-d slice along this axis is shuffled on its own (slices in C order of the
            other axes); None shuffles the flattened array (in memory order when the result is
            contiguous).
        out : ndarray, optional
            A writable rumpy array of ``x``'s shape (``x`` is cast to it safely first).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(12345).permuted(rp.arange(12).reshape(3, 4), axis=1)
        >>> r.tolist()
        [[2, 0, 3, 1], [6, 4, 7, 5], [11, 9, 10, 8]]
        >>> n = np.random.default_rng(12345).permuted(np.arange(12).reshape(3, 4), axis=1)
        >>> r.tolist() == n.tolist()
        True
        """
        x = _asarray(x)
        if out is None:
            out = x.copy(order="K")
        else:
            if type(out) is not _core.ndarray:
                raise TypeError("out must be a numpy array")
            if not out.flags.writeable:
                raise ValueError("out is read-only")
            if out.shape != x.shape:
                raise ValueError("out must have the same shape as x")
            _core.copyto(out, x, casting="safe")
        bg = self._bit_generator
        if axis is None:
            if x.ndim > 1:
                flags = out.flags
                order = "F" if flags.f_contiguous and not flags.c_contiguous else "C"
                n = out.size
                perm = _permutations(bg, (n,), 1, True)
                flat = out.ravel(order=order).take(perm)
                _core.copyto(out, flat.reshape(out.shape, order=order))
            else:
                self.shuffle(out)
            return out
        ax = _axis_index(axis, out.ndim)
        lanes = _rp().moveaxis(out, ax, -1)
        perms = _permutations(bg, lanes.shape, 0, True)
        if perms.size:
            # one flat take over the lanes in C order (any dtype, objects too)
            axlen = lanes.shape[-1]
            offsets = _core.arange(0, perms.size, axlen, dtype=I64).reshape(-1, 1)
            flat = (perms.reshape(-1, axlen) + offsets).reshape(-1)
            items = _core.ascontiguousarray(lanes).reshape(-1).take(flat)
            _core.copyto(lanes, items.reshape(lanes.shape))
        return out

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        """A random sample from ``a`` (an int ``n`` stands for ``arange(n)``), with or without
        replacement, uniform or with probabilities ``p``, along ``axis`` of an array.

        Parameters
        ----------
        a : array_like or int
        size : int or tuple of ints, optional
            Output shape (in place of ``axis``); one item when None.
        replace : bool, optional
        p : 1-d array_like, optional
            One probability per item of the population (summing to 1).
        axis : int, optional
            The axis of ``a`` to sample along.
        shuffle : bool, optional
            Shuffle a sample drawn without replacement (else its order is Floyd's).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.default_rng(12345).choice(10, 3, replace=False).tolist()
        [2, 7, 5]
        >>> r = rp.random.default_rng(7).choice(5, 4, p=[0.1, 0.2, 0.3, 0.4, 0.0])
        >>> r.tolist() == np.random.default_rng(7).choice(5, 4, p=[.1, .2, .3, .4, 0]).tolist()
        True
        """
        rp = _rp()
        a_original = a
        a = _asarray(a)
        if a.ndim == 0:
            try:
                pop_size = operator.index(a.item())
            except TypeError as exc:
                raise ValueError("a must be a sequence or an integer, "
                                 f"not {type(a_original)}") from exc
            if pop_size <= 0 and (size is None or rp.prod(size) != 0):
                raise ValueError("a must be a positive integer unless no samples are taken")
        else:
            pop_size = a.shape[axis]
            if pop_size == 0 and (size is None or rp.prod(size) != 0):
                raise ValueError("a cannot be empty unless no samples are taken")

        if p is not None:
            d = len(p)
            atol = _ATOL
            if isinstance(p, _core.ndarray) or type(p).__name__ == "ndarray":
                pdt = _core.dtype(p.dtype)  # numpy's own arrays count too
                if pdt.kind == "f":
                    atol = max(atol, rp.sqrt(rp.finfo(pdt).eps))
            p = _core.ascontiguousarray(as_param(p, F64))
            if p.ndim != 1:
                raise ValueError("p must be 1-dimensional")
            if p.size != pop_size:
                raise ValueError("a and p must have same size")
            if _p_sum_off(p, d, atol):
                raise ValueError("Probabilities do not sum to 1. See Notes section of "
                                 "docstring for more information.")

        is_scalar = size is None
        if not is_scalar:
            shape = size
            size = int(rp.prod(shape, dtype=_INTP))
        else:
            shape = ()
            size = 1

        if replace:
            if p is not None:
                cdf = p.cumsum()
                cdf /= cdf[-1]
                idx = _core.asanyarray(cdf.searchsorted(self.random(shape), side="right"),
                                    dtype=I64)
            else:
                idx = self.integers(0, pop_size, size=shape, dtype=I64)
        else:
            if size > pop_size:
                raise ValueError("Cannot take a larger sample than population when replace "
                                 "is False")
            if size < 0:
                raise ValueError("negative dimensions are not allowed")
            if p is not None:
                if int(rp.count_nonzero(p > 0)) < size:
                    raise ValueError("Fewer non-zero entries in p than size")
                idx = self._choice_p(p.copy(), size).reshape(shape)
            else:
                if pop_size >= 2**63:
                    raise OverflowError("Python int too large to convert to C long")
                bg = self._bit_generator
                cutoff = 50 if shuffle else 20
                if pop_size > 10000 and size > pop_size // cutoff:
                    # the tail of a partial shuffle (Lemire draws)
                    perm = _permutations(bg, (pop_size,), max(pop_size - size, 1), False)
                    idx = perm[pop_size - size:].copy()
                else:
                    idx = _core.empty(size, dtype=I64)
                    with bg.lock:
                        bg._core.fill_floyd(idx, pop_size, bool(shuffle))
                idx = idx.reshape(shape)

        if is_scalar and isinstance(idx, _core.ndarray):
            idx = idx.item(0)
        if a.ndim == 0:
            return idx
        if not is_scalar and idx.ndim == 0 and a.ndim == 1:
            # size=() asks for a 0-d array, where a[idx] would be a scalar
            return a.take(_core.asanyarray([idx.item()], dtype=_INTP)).reshape(())
        return a.take(_core.asanyarray(idx, dtype=_INTP), axis=axis)

    def _choice_p(self, p, size):
        """numpy's sampling with ``p`` without replacement: draw, drop the repeats (keeping
        first occurrences in draw order), zero the chosen probabilities, until ``size``."""
        rp = _rp()
        found = _core.zeros(size, dtype=I64)
        n_uniq = 0
        while n_uniq < size:
            x = self.random((size - n_uniq,))
            if n_uniq > 0:
                p[found[0:n_uniq]] = 0
            cdf = p.cumsum()
            cdf /= cdf[-1]
            new = cdf.searchsorted(x, side="right")
            _, first = rp.unique(new, return_index=True)
            first.sort()
            new = new.take(first)
            found[n_uniq:n_uniq + new.size] = new
            n_uniq += new.size
        return found
