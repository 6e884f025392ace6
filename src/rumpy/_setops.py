"""Set routines (NumPy's ``unique`` and its Array API variants, ``isin``, ``intersect1d``,
``union1d``, ``setdiff1d``, ``setxor1d``): sorting-based, on the core's sort and compare.

Every routine works on whole arrays: a stable sort (or argsort) brings equal items next to
each other, a comparison of neighbours marks where each run starts, and cumulative sums,
masks and fancy indexing turn those marks into indices, inverses and counts; a binary
search in the unique values gives the inverse when no permutation is needed. Integers take
a table over their range instead when it is small. Where NumPy hashes (``unique`` without
extra outputs) its results are reproduced: every NaT is one value for datetimes, and for
complex numbers the NaN kept is the first one met in the input."""

import math as _math
import operator as _operator
from typing import NamedTuple as _NamedTuple

from . import _core
from ._finfo import iinfo as _iinfo
from ._reductions import cumsum as _cumsum
from ._shape import moveaxis as _moveaxis
from ._sort import argsort as _argsort, lexsort as _lexsort, searchsorted as _searchsorted
from ._sort import sort as _sort
from .exceptions import AxisError as _AxisError

__all__ = ["unique", "unique_all", "unique_counts", "unique_inverse", "unique_values", "isin",
           "intersect1d", "union1d", "setdiff1d", "setxor1d"]

_INTP = _core.dtype("intp")
_INT64 = _core.dtype("int64")
_UINT64 = _core.dtype("uint64")
# unique(axis=...) orders the rows with one stable argsort per column up to this many
# columns; wider rows are sorted as records (one comparison walks a whole row).
_LEXSORT_MAX_COLUMNS = 16
# Element budget of one block of the pairwise comparison isin uses for short test lists.
_BLOCK = 1 << 20


class UniqueAllResult(_NamedTuple):
    values: object
    indices: object
    inverse_indices: object
    counts: object


class UniqueCountsResult(_NamedTuple):
    values: object
    counts: object


class UniqueInverseResult(_NamedTuple):
    values: object
    inverse_indices: object


# ---------------------------------------------------------------------------
# unique
# ---------------------------------------------------------------------------

def _wrapped(v):
    """A Python int in [-2**63, 2**64) as the int64 with the same low 64 bits."""
    return v - (1 << 64) if v >= (1 << 63) else v


def _order(flat):
    """Stable argsort of a 1-d array in NumPy's order."""
    return _argsort(flat, kind="stable")


def _sorted(a):
    """A sorted flat copy of ``a`` in NumPy's order."""
    return _sort(a, axis=None)


def _run_starts(aux, equal_nan):
    """Boolean mask over the sorted 1-d ``aux``: True where a run of equal items starts.
    With ``equal_nan`` every NaN (NaT) at the end of ``aux`` belongs to one run."""
    n = aux.shape[0]
    mask = _core.empty(n, dtype=bool)
    mask[:1] = True
    if equal_nan and n and aux.dtype.kind in "cfmM" and _core.isnan(aux[-1]):
        # NaNs sort last; find where they begin.
        if aux.dtype.kind == "c":
            first = int(_searchsorted(_core.isnan(aux), True))
        else:
            first = int(_searchsorted(aux, aux[-1]))
        if first > 1:
            mask[1:first] = aux[1:first] != aux[:first - 1]
        mask[first] = True
        mask[first + 1:] = False
    elif n > 1:
        mask[1:] = aux[1:] != aux[:-1]
    return mask


def _as_int64(a):
    """``a`` as int64 (integers wrap modulo 2**64)."""
    return a if a.dtype == _INT64 else a.astype(_INT64)


def _positions(mask):
    """The indices of the True items of a 1-d boolean mask."""
    return _core.arange(mask.shape[0], dtype=_INTP)[mask]


def _run_lengths(mask):
    """The length of each run, from the run-start mask."""
    bounds = _core.concatenate((_positions(mask), _core.full(1, mask.shape[0], dtype=_INTP)))
    return bounds[1:] - bounds[:-1]


def _outputs(aux, perm, mask, return_index, return_inverse, return_counts, inverse_shape):
    """The tuple unique returns, from the sorted items, the sorting permutation and the
    run-start mask."""
    out = (aux[mask],)
    if return_index:
        out += (perm[mask],)
    if return_inverse:
        inverse = _core.empty(mask.shape[0], dtype=_INTP)
        inverse[perm] = _cumsum(mask) - 1
        out += (inverse.reshape(inverse_shape),)
    if return_counts:
        out += (_run_lengths(mask),)
    return out


def _int_table(flat, return_inverse, return_counts):
    """unique of a non-empty 1-d integer array through a table over its range (no sort):
    the values, then the inverse and the counts as asked; None when the range is wider than
    about twice the size."""
    lo, hi = int(flat.min()), int(flat.max())
    span = hi - lo
    if span >= 2 * flat.shape[0] + 1024:
        return None
    base = _wrapped(lo)
    # int64 arithmetic wraps; the offsets themselves are small and exact.
    offsets = _as_int64(flat) - base
    if return_counts:
        tally = _core.zeros(span + 1, dtype=_INTP)
        _core.add.at(tally, offsets, 1)
        present = tally != 0
    else:
        present = _core.zeros(span + 1, dtype=bool)
        present[offsets] = True
    out = ((_positions(present) + base).astype(flat.dtype),)
    if return_inverse:
        out += ((_cumsum(present) - 1)[offsets],)
    if return_counts:
        out += (tally[present],)
    return out


def _searchable(values, equal_nan):
    """Does a binary search in the sorted unique ``values`` find each input item's own run
    (so the inverse needs no permutation)?"""
    kind = values.dtype.kind
    if kind in "biuUS":
        return True
    if kind not in "fcmM":
        return False
    if values.shape[0] == 0 or not _core.isnan(values[-1]):
        return True
    # One NaN run is found; several NaNs (or complex NaNs, ordered otherwise) are not.
    return equal_nan and kind != "c"


def _unique1d(ar, return_index, return_inverse, return_counts, equal_nan, inverse_shape):
    kind = ar.dtype.kind
    if not return_index and kind in "iu" and ar.size:
        out = _int_table(ar.reshape(-1), return_inverse, return_counts)
        if out is not None:
            if return_inverse:
                out = (out[0], out[1].reshape(inverse_shape)) + out[2:]
            return out
    if not return_index:
        aux = _sorted(ar)
        if kind == "M" and not (return_inverse or return_counts):
            # NumPy hashes here, comparing datetimes by their bits: all NaTs are one value.
            equal_nan = True
        mask = _run_starts(aux, equal_nan)
        values = aux[mask]
        if not return_inverse or _searchable(values, equal_nan):
            if kind == "c" and equal_nan and values.shape[0] and _core.isnan(values[-1]) \
                    and not (return_inverse or return_counts):
                # NumPy hashes here: the NaN kept is the input's first, not the smallest.
                flat = ar.reshape(-1)
                values[-1] = flat[int(_core.isnan(flat).argmax())]
            out = (values,)
            if return_inverse:
                out += (_searchsorted(values, ar.reshape(-1)).reshape(inverse_shape),)
            if return_counts:
                out += (_run_lengths(mask),)
            return out
    flat = ar.reshape(-1)
    perm = _order(flat)
    aux = flat[perm]
    mask = _run_starts(aux, equal_nan)
    return _outputs(aux, perm, mask, return_index, return_inverse, return_counts,
                    inverse_shape)


def _unique_axis(ar, axis, return_index, return_inverse, return_counts):
    """unique of the subarrays along ``axis`` (ar.ndim >= 2)."""
    try:
        ar = _moveaxis(ar, axis, 0)
    except _AxisError:
        raise _AxisError(axis, ar.ndim) from None
    shape, dt = ar.shape, ar.dtype
    if dt.hasobject or dt.kind == "T":
        raise TypeError(f"The axis argument to unique is not supported for dtype {dt}")
    n, m = shape[0], _math.prod(shape[1:])
    flags = (return_index, return_inverse, return_counts)
    if m == 0:
        # Empty subarrays are all equal.
        k = min(n, 1)
        out = (_core.empty((k,) + shape[1:], dtype=dt),)
        if return_index:
            out += (_core.zeros(k, dtype=_INTP),)
        if return_inverse:
            out += (_core.zeros(n, dtype=_INTP),)
        if return_counts:
            out += (_core.full(k, n, dtype=_INTP),)
    else:
        rows = _core.ascontiguousarray(ar.reshape(n, m))
        # NumPy compares float16 fields of records with NaN first (other floats: NaN last):
        # the records' order, which the core's float16 compare follows.
        half = dt.kind == "f" and dt.itemsize == 2
        if m <= _LEXSORT_MAX_COLUMNS and not half:
            # The first column is the primary key (lexsort's last).
            perm = _lexsort([rows[:, j] for j in range(m - 1, -1, -1)])
        else:
            records = rows.view([(f"f{j}", dt) for j in range(m)]).reshape(n)
            perm = _argsort(records, kind="stable")
        aux = rows[perm]
        mask = _core.empty(n, dtype=bool)
        mask[:1] = True
        if n > 1:
            mask[1:] = (aux[1:] != aux[:-1]).any(axis=1)
        out = _outputs(aux, perm, mask, *flags, (n,))
        out = (out[0].reshape((out[0].shape[0],) + shape[1:]),) + out[1:]
    return (_moveaxis(out[0], 0, axis),) + out[1:]


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *,
           equal_nan=True, sorted=True):
    """Find the sorted unique elements of an array.

    Parameters
    ----------
    ar : array_like
        Input array, flattened unless `axis` is given.
    return_index : bool, optional
        Also return the index (in the flattened array, or along `axis`) of the first
        occurrence of each unique value.
    return_inverse : bool, optional
        Also return the indices into the unique array that rebuild `ar`; shaped like `ar`
        when `axis` is None, 1-D along `axis` otherwise.
    return_counts : bool, optional
        Also return how many times each unique value occurs.
    axis : int or None, optional
        Treat the subarrays along this axis as the elements (compared lexicographically).
        Not supported for object arrays.
    equal_nan : bool, optional
        Count all NaNs as one value (default True).
    sorted : bool, optional
        Accepted for compatibility; the result is always sorted.

    Returns
    -------
    unique : ndarray
        The sorted unique values.
    unique_indices : ndarray, optional
        First-occurrence indices (with `return_index`).
    unique_inverse : ndarray, optional
        Reconstruction indices (with `return_inverse`).
    unique_counts : ndarray, optional
        Occurrence counts (with `return_counts`).
    """
    ar = _core.asanyarray(ar)
    if axis is None or ar.ndim == 1:
        if axis is not None:
            ax = _operator.index(axis)
            if not -ar.ndim <= ax < ar.ndim:
                raise _AxisError(ax, ar.ndim)
        out = _unique1d(ar, return_index, return_inverse, return_counts, equal_nan, ar.shape)
    else:
        out = _unique_axis(ar, axis, return_index, return_inverse, return_counts)
    return out[0] if len(out) == 1 else out


def unique_all(x, /):
    """Find the unique elements of an array with their first indices, inverse and counts.

    Parameters
    ----------
    x : array_like
        Input array, flattened.

    Returns
    -------
    out : UniqueAllResult
        Named tuple ``(values, indices, inverse_indices, counts)``; NaNs are not merged and
        ``inverse_indices`` has the shape of `x`.
    """
    return UniqueAllResult(*unique(x, True, True, True, equal_nan=False))


def unique_counts(x, /):
    """Find the unique elements of an array and how often each occurs.

    Parameters
    ----------
    x : array_like
        Input array, flattened.

    Returns
    -------
    out : UniqueCountsResult
        Named tuple ``(values, counts)``; NaNs are not merged.
    """
    return UniqueCountsResult(*unique(x, return_counts=True, equal_nan=False))


def unique_inverse(x, /):
    """Find the unique elements of an array and the indices that rebuild it.

    Parameters
    ----------
    x : array_like
        Input array, flattened.

    Returns
    -------
    out : UniqueInverseResult
        Named tuple ``(values, inverse_indices)``; NaNs are not merged and
        ``inverse_indices`` has the shape of `x`.
    """
    return UniqueInverseResult(*unique(x, return_inverse=True, equal_nan=False))


def unique_values(x, /):
    """Find the unique elements of an array.

    Parameters
    ----------
    x : array_like
        Input array, flattened.

    Returns
    -------
    out : ndarray
        The unique values (NaNs not merged); their order is not part of the contract.
    """
    return unique(x, equal_nan=False, sorted=False)


# ---------------------------------------------------------------------------
# isin and the two-array set operations
# ---------------------------------------------------------------------------

def _isin_table(ar1, ar2, invert, forced):
    """Membership of integers (or booleans) through a presence table over ar2's range;
    None when that range is too wide and the table was not asked for."""
    if ar2.shape[0] == 0:
        return _core.full(ar1.shape[0], invert, dtype=bool)
    if ar1.dtype.kind == "b":
        ar1 = ar1.astype("uint8")
    if ar2.dtype.kind == "b":
        ar2 = ar2.astype("uint8")
    lo, hi = int(ar2.min()), int(ar2.max())
    span = hi - lo
    if span > _iinfo(ar2.dtype).max:
        if forced:
            raise RuntimeError(
                "You have specified kind='table', but the range of values in `ar2` or `ar1` "
                "exceed the maximum integer of the datatype. Please set `kind` to None or "
                "'sort'.")
        return None
    if not forced and span > 6 * (ar1.shape[0] + ar2.shape[0]):
        return None
    base = _wrapped(lo)
    if span >= (1 << 63) - 2:
        # A table NumPy cannot allocate either: its error (the extra entry below aside).
        _core.full(span + 1, invert, dtype=bool)
    # The last entry answers for the items outside ar2's range.
    table = _core.full(span + 2, invert, dtype=bool)
    table[_as_int64(ar2) - base] = not invert
    # Offsets from the minimum, read as unsigned: every item outside the range lands above
    # ``span`` (int64 arithmetic wraps), except when uint64 meets a signed type.
    offsets = (_as_int64(ar1) - base).view(_UINT64)
    if {ar1.dtype.kind, ar2.dtype.kind} == {"u", "i"} and _UINT64 in (ar1.dtype, ar2.dtype):
        offsets[~((ar1 >= lo) & (ar1 <= hi))] = span + 1
    _core.minimum(offsets, span + 1, out=offsets)
    return table[offsets]


def _same_equality(d1, d2):
    """Does ``==`` between these dtypes compare exactly what a sort of their concatenation
    orders (so that a binary search answers the same)?"""
    if d1.kind == "T" or d2.kind == "T":
        return False
    if d1 == d2:
        return True
    num = "biufc"
    if d1.kind not in num or d2.kind not in num:
        return False
    # uint64 against a signed integer compares exactly, their concatenation is float64.
    return not ({d1.kind, d2.kind} == {"u", "i"} and "u8" in (d1.str[1:], d2.str[1:]))


def _concat_dtype(ar1, ar2):
    """The dtype (and the errors) of concatenating the two arrays."""
    return _core.concatenate((ar1[:0], ar2[:0])).dtype


def _member(ar1, ar2, invert):
    """Membership by binary search in the sorted ``ar2`` (both in their common dtype)."""
    dt = _concat_dtype(ar1, ar2)
    a1 = ar1.astype(dt, copy=False)
    # The core's own order, the one its binary search follows.
    s2 = _sort(ar2.astype(dt, copy=False))
    if s2.shape[0] == 0:
        return _core.full(a1.shape[0], invert, dtype=bool)
    pos = _searchsorted(s2, a1)
    pos[pos == s2.shape[0]] = s2.shape[0] - 1
    hit = s2[pos] == a1
    return ~hit if invert else hit


def _pairwise(ar1, ar2, invert):
    """Membership by comparing every item of ar1 with every item of ar2 (in blocks)."""
    n1, n2 = ar1.shape[0], ar2.shape[0]
    if n1 == 0 or n2 == 0:
        return _core.full(n1, invert, dtype=bool)
    out = _core.empty(n1, dtype=bool)
    step = max(1, _BLOCK // n2)
    row = ar2.reshape(1, n2)
    for start in range(0, n1, step):
        block = ar1[start:start + step].reshape(-1, 1)
        if invert:
            out[start:start + step] = (block != row).all(axis=1)
        else:
            out[start:start + step] = (block == row).any(axis=1)
    return out


def _isin(ar1, ar2, assume_unique=False, invert=False, *, kind=None, known_unique=False):
    """Flat membership mask of ar1's items in ar2. ``known_unique``: both inputs really are
    unique (so assume_unique's shortcut cannot misbehave)."""
    ar1 = _core.asanyarray(ar1).reshape(-1)
    ar2 = _core.asanyarray(ar2).reshape(-1)
    if kind not in {None, "sort", "table"}:
        raise ValueError(f"Invalid kind: '{kind}'. Please use None, 'sort' or 'table'.")
    if ar1.dtype.kind in "biu" and ar2.dtype.kind in "biu" and kind != "sort":
        out = _isin_table(ar1, ar2, invert, kind == "table")
        if out is not None:
            return out
    elif kind == "table":
        raise ValueError("The 'table' method is only supported for boolean or integer arrays. "
                         "Please select 'sort' or None for kind.")
    objects = ar1.dtype.hasobject or ar2.dtype.hasobject
    n1, n2 = ar1.shape[0], ar2.shape[0]
    if n2 < 10 * n1 ** 0.145 or objects:
        # NumPy compares each test item with ``==`` here: the same answer by binary search
        # where the dtypes' equality agrees with their sort order.
        if not objects and _same_equality(ar1.dtype, ar2.dtype):
            return _member(ar1, ar2, invert)
        return _pairwise(ar1, ar2, invert)
    if not assume_unique or known_unique:
        return _member(ar1, ar2, invert)
    # Trusting assume_unique: neighbours in the stable sort of both arrays decide, as NumPy
    # does (inputs that are not unique give NumPy's answers).
    ar = _core.concatenate((ar1, ar2))
    order = _order(ar)
    sar = ar[order]
    flag = _core.empty(ar.shape[0], dtype=bool)
    if ar.shape[0]:
        flag[:-1] = (sar[1:] != sar[:-1]) if invert else (sar[1:] == sar[:-1])
        flag[-1] = invert
    ret = _core.empty(ar.shape[0], dtype=bool)
    ret[order] = flag
    return ret[:n1]


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    """Test, item by item, whether each element of an array occurs in `test_elements`.

    Parameters
    ----------
    element : array_like
        Input array.
    test_elements : array_like
        The values to look for (flattened).
    assume_unique : bool, optional
        Both inputs are known to be unique, which can speed up the sort method.
    invert : bool, optional
        Return the opposite answer (``element not in test_elements``).
    kind : {None, 'sort', 'table'}, optional
        Algorithm: 'table' is a lookup table (integer and boolean inputs only), 'sort' a
        sort-based search; None picks 'table' when its memory stays small.

    Returns
    -------
    isin : ndarray of bool
        The shape of `element`.
    """
    element = _core.asanyarray(element)
    return _isin(element, test_elements, assume_unique=assume_unique, invert=invert,
                 kind=kind).reshape(element.shape)


def _search(u1, u2):
    """(found mask over u1, positions in u2) for sorted unique arrays of one dtype."""
    n2 = u2.shape[0]
    if n2 == 0 or u1.shape[0] == 0:
        return _core.zeros(u1.shape[0], dtype=bool), _core.zeros(u1.shape[0], dtype=_INTP)
    pos = _searchsorted(u2, u1)
    pos[pos == n2] = n2 - 1
    return u2[pos] == u1, pos


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """Find the sorted unique values present in both of two arrays.

    Parameters
    ----------
    ar1, ar2 : array_like
        Input arrays, flattened.
    assume_unique : bool, optional
        Both inputs are known to be unique (faster; wrong answers otherwise).
    return_indices : bool, optional
        Also return the index of the first occurrence of each common value in each input.

    Returns
    -------
    intersect1d : ndarray
        Sorted 1-D array of the common unique values.
    comm1 : ndarray, optional
        Indices into the flattened `ar1` (with `return_indices`).
    comm2 : ndarray, optional
        Indices into the flattened `ar2` (with `return_indices`).
    """
    ar1 = _core.asanyarray(ar1)
    ar2 = _core.asanyarray(ar2)
    if not assume_unique:
        if return_indices:
            ar1, ind1 = unique(ar1, return_index=True)
            ar2, ind2 = unique(ar2, return_index=True)
        else:
            ar1 = unique(ar1)
            ar2 = unique(ar2)
        if ar1.dtype == ar2.dtype and ar1.dtype.kind in "biufmMUS":
            # Both sorted and unique: a binary search finds the common values.
            found, pos = _search(ar1, ar2)
            common = ar1[found]
            if return_indices:
                return common, ind1[found], ind2[pos[found]]
            return common
    else:
        ar1 = ar1.reshape(-1)
        ar2 = ar2.reshape(-1)
    aux = _core.concatenate((ar1, ar2))
    if return_indices:
        order = _order(aux)
        aux = aux[order]
    else:
        aux = _sorted(aux)
    same = aux[1:] == aux[:-1]
    common = aux[:-1][same]
    if not return_indices:
        return common
    idx1 = order[:-1][same]
    idx2 = order[1:][same] - ar1.shape[0]
    if not assume_unique:
        idx1 = ind1[idx1]
        idx2 = ind2[idx2]
    return common, idx1, idx2


def union1d(ar1, ar2):
    """Find the sorted unique values present in either of two arrays.

    Parameters
    ----------
    ar1, ar2 : array_like
        Input arrays, flattened.

    Returns
    -------
    union1d : ndarray
        Sorted 1-D array of the unique values of both inputs.
    """
    return unique(_core.concatenate((ar1, ar2), axis=None))


def setdiff1d(ar1, ar2, assume_unique=False):
    """Find the unique values of one array that are not in another.

    Parameters
    ----------
    ar1 : array_like
        Input array.
    ar2 : array_like
        The values to remove.
    assume_unique : bool, optional
        Both inputs are known to be unique; the result then keeps `ar1`'s order.

    Returns
    -------
    setdiff1d : ndarray
        1-D array of the values of `ar1` missing from `ar2` (sorted unless
        `assume_unique`).
    """
    if assume_unique:
        ar1 = _core.asanyarray(ar1).reshape(-1)
    else:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    return ar1[_isin(ar1, ar2, assume_unique=True, invert=True,
                     known_unique=not assume_unique)]


def setxor1d(ar1, ar2, assume_unique=False):
    """Find the sorted unique values that are in exactly one of two arrays.

    Parameters
    ----------
    ar1, ar2 : array_like
        Input arrays, flattened.
    assume_unique : bool, optional
        Both inputs are known to be unique (faster; wrong answers otherwise).

    Returns
    -------
    setxor1d : ndarray
        Sorted 1-D array of the values found in only one input.
    """
    if not assume_unique:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    aux = _core.concatenate((ar1, ar2), axis=None)
    if aux.shape[0] == 0:
        return aux
    aux = _sorted(aux)
    # A value stays when it differs from both neighbours.
    differs = _core.empty(aux.shape[0] + 1, dtype=bool)
    differs[0] = differs[-1] = True
    differs[1:-1] = aux[1:] != aux[:-1]
    return aux[differs[1:] & differs[:-1]]
