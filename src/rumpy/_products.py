"""Products of arrays: NumPy's ``dot``, ``vdot``, ``inner``, ``outer``, ``tensordot``,
``kron``, ``trace`` and ``cross``, and the ``ndarray.dot``/``ndarray.trace`` methods.

Everything is a composition of the core's generalized ufuncs (``matmul``, ``vecdot``), its
element-wise ufuncs and views. The contractions are brought to 2-d operands by transposes and
reshapes (views where the memory allows) and handed to ``matmul``, so large products run on
its blocked kernel. The dtype rules, errors and floating-point warnings follow NumPy's own
implementations (``numpy/_core/multiarray`` in C for ``dot``/``vdot``/``inner``,
``numpy/_core/numeric.py`` for ``outer``, ``tensordot`` and ``cross``,
``numpy/lib/_shape_base_impl.py`` for ``kron``).
"""

import math
import operator
import os
import sys
import warnings

from . import _core
from ._subclass import defers_to_method as _defers_to_method
from ._errstate import collect as _collect, handle as _handle_fp, quiet as _quiet
from ._helpers import _scalar_or_array
from ._shape import moveaxis as _moveaxis
from .exceptions import AxisError

__all__ = ["dot", "vdot", "inner", "outer", "tensordot", "kron", "trace", "cross"]

_asarray = _core.asanyarray
_asanyarray = _core.asanyarray
_ndarray = _core.ndarray

# NumPy computes these through BLAS when both operands have at most two dimensions; that path
# checks ``out`` itself (and reports floating-point conditions as "dot") even when an operand
# is 0-d, where the other dtypes use the multiply ufunc.
_BLAS_CHARS = frozenset("fdFD")
_PKG_DIR = os.path.dirname(os.path.abspath(__file__))
# NumPy's flag values handed to errstate callbacks -> the core's status bits (_errstate.handle).
_FLAG_BITS = {1: 1, 2: 2, 4: 16, 8: 4}


# ---------------------------------------------------------------------------
# shared machinery
# ---------------------------------------------------------------------------

def _user_stacklevel():
    """The ``stacklevel`` for ``_errstate.handle`` called from the caller of this function that
    points at the first frame outside the rumpy package (the user's call)."""
    f = sys._getframe(1)
    level = 2
    while f is not None and os.path.dirname(os.path.abspath(f.f_code.co_filename)) == _PKG_DIR:
        f = f.f_back
        level += 1
    return level


def _fp(name, fn):
    """Run ``fn()`` collecting its floating-point conditions, then report them as NumPy does
    for ``name`` (NumPy's ``dot`` checks the flags once, after the whole product)."""
    res, seen = _collect(fn)
    if seen:
        _report(name, seen)
    return res


def _report(name, seen):
    """Report NumPy's flag bits ``seen`` as conditions of ``name``, at the user's line."""
    bits = 0
    for np_flag, bit in _FLAG_BITS.items():
        if seen & np_flag:
            bits |= bit
    _handle_fp(name, bits, _user_stacklevel())


def _common_dtype(a, b):
    """The dtype NumPy's ``dot``/``vdot``/``inner`` compute in: the promotion of the operands'
    dtypes (Python scalars count as their default dtypes), object when they do not promote."""
    try:
        dt = _core.promote_types(a.dtype, b.dtype)
    except TypeError:
        return _core.dtype(object)
    return _core.dtype("m8") if dt.kind == "m" else dt


def _check_sized(dt):
    if dt.kind in "SU":
        raise ValueError("data type must provide an itemsize")


def _shape_str(shape):
    return str(tuple(shape)).replace(" ", "")


def _not_aligned(ashape, adim, bshape, bdim):
    return ValueError(f"shapes {_shape_str(ashape)} and {_shape_str(bshape)} not aligned: "
                      f"{ashape[adim]} (dim {adim}) != {bshape[bdim]} (dim {bdim})")


def _check_out(out, shape, dt):
    """NumPy's conditions on ``dot``'s ``out``: an array of the result's dtype, number of
    dimensions and shape, C-contiguous, aligned and writeable."""
    flags = out.flags
    if (out.ndim != len(shape) or out.dtype.num != dt.num or not out.dtype.isnative
            or not flags.c_contiguous or not flags.aligned or not flags.writeable):
        raise ValueError("output array is not acceptable (must have the right datatype, "
                         "number of dimensions, and be a C-Array)")
    if tuple(out.shape) != tuple(shape):
        raise ValueError("output array has wrong dimensions")


def _matmul(a, b, dt, out=None):
    """``matmul(a, b)`` in dtype ``dt`` with NumPy's ``dot`` accumulation: float16 sums in
    float32 and rounds once, timedelta64 multiplies and sums its int64 counts."""
    if dt.char == "e":
        f4 = _core.dtype("float32")
        res = _asarray(_core.matmul(a.astype(f4), b.astype(f4))).astype(dt)
        if out is None:
            return res
        _core.copyto(out, res)
        return out
    if dt.kind == "m":
        a, b = _counts(a), _counts(b)
        if out is None:
            return _asarray(_core.matmul(a, b)).view(dt)
        _core.matmul(a, b, out=out.view(_core.dtype("int64")))
        return out
    return _core.matmul(a.astype(dt, copy=False), b.astype(dt, copy=False), out=out)


def _cast(x, dt):
    """``x`` in the computing dtype ``dt``; timedelta64 operands keep their counts (NumPy
    computes in the unit-less timedelta64)."""
    if dt.kind == "m" and x.dtype.kind == "m":
        return x
    return x.astype(dt, copy=False)


def _counts(x):
    """The int64 counts of a timedelta64 operand (a view), or an integer operand as int64."""
    i8 = _core.dtype("int64")
    return x.view(i8) if x.dtype.kind == "m" else x.astype(i8, copy=False)


def _product(a, b, a2, b2, dt, shape, out):
    """The contraction ``matmul(a2, b2)`` (2-d or 1-d views of ``a``/``b``) as an array of
    ``shape``, written into ``out`` when given (through a temporary when ``out`` overlaps an
    operand, as NumPy's ``dot`` does)."""
    if out is None:
        res = _matmul(a2, b2, dt)
        # a scalar (1-d with 1-d) is the whole result; an object one stays the object, even
        # an array (the sum of products of arrays held as objects)
        return res.reshape(shape) if isinstance(res, _ndarray) and shape != () else res
    if _core.may_share_memory(out, a) or _core.may_share_memory(out, b):
        _core.copyto(out, _asarray(_matmul(a2, b2, dt)).reshape(shape))
        return out
    inner_shape = a2.shape[:-1] + b2.shape[1:]
    _matmul(a2, b2, dt, out=out.reshape(inner_shape))
    return out


def _prod(shape):
    return math.prod(shape)


def _dot(a, b, out=None):
    """``dot`` on arrays (no ``__array_function__`` step); 0-d results stay arrays."""
    if out is not None and not isinstance(out, _ndarray):
        raise TypeError("'out' must be an array")
    dt = _common_dtype(a, b)
    _check_sized(dt)
    a = _cast(a, dt)
    b = _cast(b, dt)
    blas = dt.char in _BLAS_CHARS and a.ndim <= 2 and b.ndim <= 2
    if a.ndim == 0 or b.ndim == 0:
        if not blas:
            if out is None:
                return _core.multiply(a, b)
            return _core.multiply(a, b, out=out)
        shape = b.shape if a.ndim == 0 else a.shape
        if out is not None:
            _check_out(out, shape, dt)
        return _fp("dot", lambda: _core.multiply(a, b, out=out))
    k = a.shape[-1]
    bdim = b.ndim - 2 if b.ndim > 1 else 0
    if b.shape[bdim] != k:
        raise _not_aligned(a.shape, a.ndim - 1, b.shape, bdim)
    shape = a.shape[:-1] + (b.shape[:-2] + b.shape[-1:] if b.ndim > 1 else ())
    if out is not None:
        _check_out(out, shape, dt)
    if dt.kind == "M":
        raise ValueError("dot not available for this type")
    if a.ndim <= 2 and b.ndim <= 2:
        a2, b2 = a, b
    else:
        a2 = a if a.ndim == 1 else a.reshape(_prod(a.shape[:-1]), k)
        if b.ndim == 1:
            b2 = b
        else:
            # the summed axis first, the others (in order) flattened after it
            bt = b if b.ndim == 2 else _moveaxis(b, -2, 0)
            b2 = bt.reshape(k, _prod(b.shape[:-2]) * b.shape[-1])
    return _fp("dot", lambda: _product(a, b, a2, b2, dt, shape, out))


# ---------------------------------------------------------------------------
# dot, vdot, inner, outer
# ---------------------------------------------------------------------------

def dot(a, b, out=None):
    """Dot product of two arrays.

    * 0-d operands (scalars) are multiplied element-wise with the other operand;
    * 1-d with 1-d is the inner product of the vectors (no complex conjugation);
    * 2-d with 2-d is the matrix product (prefer ``matmul`` or ``a @ b`` there);
    * N-d with 1-d sums over the last axis of ``a`` and ``b``;
    * N-d with M-d (M >= 2) sums over the last axis of ``a`` and the second-to-last of
      ``b``: ``dot(a, b)[i, j, k, m] == sum(a[i, j, :] * b[k, :, m])``.

    Parameters
    ----------
    a, b : array_like
        The operands. Both are converted to their common dtype first (Python scalars count
        as int64, float64, complex128 or bool).
    out : ndarray, optional
        Where to write the result. It must be exactly what ``dot(a, b)`` would return
        otherwise: the same dtype and shape, C-contiguous and writeable; anything else raises
        ValueError. (For a 0-d operand of a dtype other than float32, float64, complex64 and
        complex128, or a 0-d operand with an operand of more than two dimensions, ``out``
        follows the ``multiply`` ufunc's rules instead, as in NumPy.)

    Returns
    -------
    ndarray or scalar
        The product, of shape ``a.shape[:-1] + b.shape[:-2] + b.shape[-1:]``; a scalar when
        that shape is ``()``. When ``out`` is given it is returned (a scalar if 0-d).

    Raises
    ------
    ValueError
        When the summed axes differ in length ("shapes ... not aligned"), or ``out`` is not
        acceptable.

    See Also
    --------
    vdot : conjugating dot product of flattened arrays.
    matmul : the matrix product with broadcasting over stacks.
    tensordot : sums over arbitrary axes.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.dot(3, 4)
    np.int64(12)
    >>> rp.dot([1, 2, 3], [4, 5, 6])
    np.int64(32)
    >>> rp.dot([[1, 0], [0, 1]], [[4, 1], [2, 2]])
    array([[4, 1],
           [2, 2]])
    >>> a = rp.arange(24).reshape(2, 3, 4)
    >>> b = rp.arange(20).reshape(5, 4, 1)
    >>> rp.dot(a, b).shape
    (2, 3, 5, 1)
    """
    if out is None:
        # The most common case first: two float vectors of one dtype and length.
        r = _core._dot_vectors(a, b)
        if r is not None:
            if r[1]:
                _handle_fp("dot", r[1], _user_stacklevel())
            return r[0]
    if out is None and type(a) is _ndarray and type(b) is _ndarray:
        # Then two float or complex matrices or vectors of one dtype.
        dt = a.dtype
        if (dt.char in _BLAS_CHARS and b.dtype == dt and 0 < a.ndim <= 2 and 0 < b.ndim <= 2
                and dt.isnative):
            k = a.shape[-1]
            bdim = b.ndim - 2 if b.ndim > 1 else 0
            if b.shape[bdim] != k:
                raise _not_aligned(a.shape, a.ndim - 1, b.shape, bdim)
            res, seen = _collect(lambda: _core.matmul(a, b))
            if seen:
                _report("dot", seen)
            return res
    return _scalar_or_array(_dot(_asarray(a), _asarray(b), out))


def vdot(a, b, /):
    """Dot product of two arrays taken as flat vectors, conjugating the first.

    Both operands are flattened (C order), so ``vdot(a, b)`` is
    ``sum(conj(a.ravel()) * b.ravel())`` whatever their shapes, as long as they have the
    same number of elements. Unlike ``dot`` it is not a matrix product.

    Parameters
    ----------
    a : array_like
        The first operand; conjugated when complex.
    b : array_like
        The second operand, with as many elements as ``a``.

    Returns
    -------
    scalar
        The dot product, in the operands' common dtype.

    Raises
    ------
    ValueError
        When the operands have different numbers of elements.

    See Also
    --------
    dot : the product without conjugation or flattening.
    vecdot : the conjugating product along an axis, broadcasting.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.vdot([1 + 2j, 3 - 1j], [2j, 1])
    np.complex128(7+3j)
    >>> rp.vdot([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    np.int64(70)
    """
    a = _asarray(a)
    b = _asarray(b)
    dt = _common_dtype(a, b)
    _check_sized(dt)
    a = _cast(a, dt).ravel()
    b = _cast(b, dt).ravel()
    if b.size != a.size:
        raise ValueError(f"cannot reshape array of size {b.size} into shape ({a.size},)")
    if dt.kind == "M":
        raise ValueError("function not available for this data type")
    if dt.kind == "O" and a.size == 0:
        return None  # NumPy's object loop leaves its result unset
    # NumPy checks no floating-point flags here
    with _quiet():
        if dt.char == "e":
            f4 = _core.dtype("float32")
            return _asarray(_core.vecdot(a.astype(f4), b.astype(f4))).astype(dt)[()]
        if dt.kind == "m":
            return _asarray(_core.vecdot(_counts(a), _counts(b))).view(dt)[()]
        return _scalar_or_array(_core.vecdot(a, b))


def inner(a, b, /):
    """Inner product over the last axes of two arrays.

    For 1-d arrays this is the ordinary inner product of vectors (no complex conjugation);
    in general ``inner(a, b)[i0, ..., ir-1, j0, ..., js-1] == sum(a[i0, ..., ir-1, :] *
    b[j0, ..., js-1, :])``. A 0-d operand multiplies the other element-wise.

    Parameters
    ----------
    a, b : array_like
        The operands; their last axes must have the same length.

    Returns
    -------
    ndarray or scalar
        The product, of shape ``a.shape[:-1] + b.shape[:-1]`` (a scalar when that is
        ``()``), in the operands' common dtype.

    Raises
    ------
    ValueError
        When the last axes differ in length.

    See Also
    --------
    dot, tensordot, vecdot

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.inner([1, 2, 3], [0, 1, 0])
    np.int64(2)
    >>> a = rp.arange(6).reshape(2, 3)
    >>> rp.inner(a, a)
    array([[ 5, 14],
           [14, 50]])
    >>> rp.inner(2, [1.5, 2.5])
    array([3., 5.])
    """
    a = _asarray(a)
    b = _asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return _scalar_or_array(_dot(a, b))
    dt = _common_dtype(a, b)
    _check_sized(dt)
    a = _cast(a, dt)
    b = _cast(b, dt)
    k = a.shape[-1]
    if b.shape[-1] != k:
        # NumPy swaps b's last two axes and calls dot: its message shows that array
        bshape = b.shape[:-2] + (b.shape[-1], b.shape[-2]) if b.ndim > 1 else b.shape
        raise _not_aligned(a.shape, a.ndim - 1, bshape, max(b.ndim - 2, 0))
    if dt.kind == "M":
        raise ValueError("dot not available for this type")
    shape = a.shape[:-1] + b.shape[:-1]
    a2 = a if a.ndim <= 2 else a.reshape(_prod(a.shape[:-1]), k)
    if b.ndim == 1:
        b2 = b
    else:
        b2 = (b if b.ndim == 2 else b.reshape(_prod(b.shape[:-1]), k)).T
    return _scalar_or_array(_fp("dot", lambda: _product(a, b, a2, b2, dt, shape, None)))


def outer(a, b, out=None):
    """Outer product of two vectors: ``out[i, j] = a[i] * b[j]``.

    Parameters
    ----------
    a : array_like
        The first vector; flattened if it is not 1-d.
    b : array_like
        The second vector; flattened if it is not 1-d.
    out : ndarray, optional
        Where to write the result (of shape ``(a.size, b.size)``), with the ``multiply``
        ufunc's rules.

    Returns
    -------
    ndarray
        The 2-d product, of the dtype ``multiply`` gives the two arrays.

    See Also
    --------
    multiply.outer : the outer product keeping the operands' dimensions.
    einsum, kron

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.outer([1, 2, 3], [1, 10])
    array([[ 1, 10],
           [ 2, 20],
           [ 3, 30]])
    >>> rp.outer([[1, 2], [3, 4]], [1.5])
    array([[1.5],
           [3. ],
           [4.5],
           [6. ]])
    """
    a = _asarray(a)
    b = _asarray(b)
    a = a.ravel()[:, None]
    b = b.ravel()[None, :]
    if out is None:
        return _core.multiply(a, b)
    return _core.multiply(a, b, out)


def tensordot(a, b, axes=2):
    """Sum of products over chosen axes of two arrays (a tensor contraction).

    Parameters
    ----------
    a, b : array_like
        The operands.
    axes : int or (2,) sequence of ints or sequences of ints, optional
        An int ``N`` sums over the last ``N`` axes of ``a`` and the first ``N`` axes of
        ``b``, in order (0 gives the tensor product). A pair ``(axes_a, axes_b)`` names the
        axes of ``a`` and of ``b`` to sum over, paired in order; each may be a single int.
        Paired axes must have the same length and no axis may repeat. Default 2.

    Returns
    -------
    ndarray
        The axes of ``a`` not summed over, followed by those of ``b``; a 0-d array when
        every axis is summed over.

    Raises
    ------
    ValueError
        "shape-mismatch for sum" when paired axes differ in length or the two sequences
        differ in length; "duplicate axes are not allowed in tensordot".

    See Also
    --------
    dot, einsum

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(24.).reshape(2, 3, 4)
    >>> b = rp.arange(12.).reshape(4, 3)
    >>> c = rp.tensordot(a, b, axes=([1, 2], [1, 0]))
    >>> c
    array([ 440., 1232.])
    >>> rp.tensordot([1, 2], [3, 4], axes=0)
    array([[3, 4],
           [6, 8]])
    >>> rp.tensordot([1, 2], [3, 4], axes=1)
    array(11)
    """
    try:
        iter(axes)
    except Exception:
        axes_a = list(range(-axes, 0))
        axes_b = list(range(0, axes))
    else:
        axes_a, axes_b = axes
    try:
        na = len(axes_a)
        axes_a = list(axes_a)
    except TypeError:
        axes_a = [axes_a]
        na = 1
    try:
        nb = len(axes_b)
        axes_b = list(axes_b)
    except TypeError:
        axes_b = [axes_b]
        nb = 1
    if len(set(axes_a)) != len(axes_a):
        raise ValueError("duplicate axes are not allowed in tensordot")
    if len(set(axes_b)) != len(axes_b):
        raise ValueError("duplicate axes are not allowed in tensordot")

    a, b = _asarray(a), _asarray(b)
    as_ = a.shape
    nda = a.ndim
    bs = b.shape
    ndb = b.ndim
    equal = na == nb
    if equal:
        for k in range(na):
            if as_[axes_a[k]] != bs[axes_b[k]]:
                equal = False
                break
            if axes_a[k] < 0:
                axes_a[k] += nda
            if axes_b[k] < 0:
                axes_b[k] += ndb
    if not equal:
        raise ValueError("shape-mismatch for sum")

    # the summed axes last in a, first in b; both as 2-d operands of one matrix product
    notin = [k for k in range(nda) if k not in axes_a]
    newaxes_a = notin + axes_a
    n2 = _prod(as_[ax] for ax in axes_a)
    newshape_a = (_prod(as_[ax] for ax in notin), n2)
    olda = [as_[ax] for ax in notin]

    notin = [k for k in range(ndb) if k not in axes_b]
    newaxes_b = axes_b + notin
    n2 = _prod(bs[ax] for ax in axes_b)
    newshape_b = (n2, _prod(bs[ax] for ax in notin))
    oldb = [bs[ax] for ax in notin]

    at = a.transpose(newaxes_a).reshape(newshape_a)
    bt = b.transpose(newaxes_b).reshape(newshape_b)
    res = _dot(at, bt)
    return res.reshape(olda + oldb)


def kron(a, b):
    """Kronecker product: blocks of ``b`` scaled by the elements of ``a``.

    The operand with fewer dimensions is given leading axes of length 1; the result has
    shape ``a.shape * b.shape`` (element-wise) and
    ``kron(a, b)[k0 * s0 + j0, k1 * s1 + j1, ...] == a[k0, k1, ...] * b[j0, j1, ...]``
    where ``s = b.shape``.

    Parameters
    ----------
    a, b : array_like
        The operands.

    Returns
    -------
    ndarray or scalar
        The Kronecker product, in the dtype ``multiply`` gives the two arrays (a scalar
        when both operands are 0-d).

    See Also
    --------
    outer : the outer product of two vectors.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.kron([1, 10, 100], [5, 6, 7])
    array([  5,   6,   7,  50,  60,  70, 500, 600, 700])
    >>> rp.kron(rp.eye(2), rp.ones((2, 2)))
    array([[1., 1., 0., 0.],
           [1., 1., 0., 0.],
           [0., 0., 1., 1.],
           [0., 0., 1., 1.]])
    """
    b = _asanyarray(b)
    a = _core.array(a, copy=None, ndmin=b.ndim)
    ndb, nda = b.ndim, a.ndim
    if nda == 0 or ndb == 0:
        return _core.multiply(a, b)
    as_ = (1,) * max(0, ndb - nda) + tuple(a.shape)
    bs = (1,) * max(0, nda - ndb) + tuple(b.shape)
    # a's axes at the even positions, b's at the odd ones: the product broadcasts to the
    # blocks, and a C-order reshape lays them out
    a_arr = a.reshape(as_)
    b_arr = b.reshape(bs)
    a_arr = a_arr.reshape(tuple(x for n in as_ for x in (n, 1)))
    b_arr = b_arr.reshape(tuple(x for n in bs for x in (1, n)))
    result = _core.multiply(a_arr, b_arr)
    return result.reshape(tuple(x * y for x, y in zip(as_, bs)))


def _axis_index(axis, ndim, prefix):
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise AxisError(axis, ndim, prefix)
    return axis % ndim


def _trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    # NumPy's trace is add.reduce over the last axis of the base class's diagonal (sum's
    # dtype rule: booleans and narrow integers accumulate as int64/uint64, or as out's dtype
    # when out is given)
    d = _core.ndarray.diagonal(a, offset, axis1, axis2)
    return _core.add.reduce(d, axis=-1, dtype=dtype, out=out)


@_defers_to_method("trace")
def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """Sum along a diagonal of an array.

    For a 2-d array, the sum of ``a[i, i + offset]``. For more dimensions, the diagonals
    of the 2-d sub-arrays spanned by ``axis1`` and ``axis2`` are summed, giving an array of
    the remaining axes.

    Parameters
    ----------
    a : array_like
        The array, with at least two dimensions.
    offset : int, optional
        Which diagonal: positive above the main one, negative below. Default 0.
    axis1, axis2 : int, optional
        The axes the diagonals run across. Defaults 0 and 1.
    dtype : dtype, optional
        The dtype of the sum (and of its accumulator). By default that of ``a``, except that
        booleans and integers narrower than the platform integer sum as int64 (uint64 for
        unsigned ones), as ``sum`` does.
    out : ndarray, optional
        Where to write the result, of the result's shape.

    Returns
    -------
    scalar or ndarray
        The sum of the diagonal for a 2-d array, an array of sums otherwise (``out`` when
        given).

    See Also
    --------
    diagonal, diag, sum

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.trace(rp.eye(3))
    np.float64(3.0)
    >>> rp.trace([[1, 2], [3, 4]], offset=1)
    np.int64(2)
    >>> rp.trace(rp.arange(8).reshape(2, 2, 2))
    array([6, 8])
    """
    return _trace(_asanyarray(a), offset, axis1, axis2, dtype, out)


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """Cross product of (arrays of) vectors with two or three components.

    The vectors lie along ``axisa`` of ``a`` and ``axisb`` of ``b`` (the last axes by
    default); the other axes broadcast. A 2-component vector is taken as having a zero third
    component; if both operands have 2 components the result is the z component only, a
    scalar per pair. Two-component vectors are deprecated (DeprecationWarning), as in
    NumPy 2.

    Parameters
    ----------
    a, b : array_like
        The vectors.
    axisa, axisb : int, optional
        The axis of ``a`` / ``b`` holding the components. Default -1.
    axisc : int, optional
        The axis of the result holding the components (ignored when the result has none).
        Default -1.
    axis : int, optional
        When given, overrides ``axisa``, ``axisb`` and ``axisc`` alike.

    Returns
    -------
    ndarray
        The cross products, in the promoted dtype of ``a`` and ``b``.

    Raises
    ------
    ValueError
        When an operand is 0-d or its vectors have other than 2 or 3 components.
    AxisError
        When an axis is out of range.

    See Also
    --------
    inner, outer

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.cross([1, 0, 0], [0, 1, 0])
    array([0, 0, 1])
    >>> rp.cross([[1, 2, 3], [4, 5, 6]], [[4, 5, 6], [1, 2, 3]])
    array([[-3,  6, -3],
           [ 3, -6,  3]])
    >>> rp.cross([1., 2., 3.], [[1.], [0.], [2.]], axisb=0)
    array([[ 4.,  1., -2.]])
    """
    if axis is not None:
        axisa, axisb, axisc = (axis,) * 3
    a = _asarray(a)
    b = _asarray(b)
    if a.ndim < 1 or b.ndim < 1:
        raise ValueError("At least one array has zero dimension")
    axisa = _axis_index(axisa, a.ndim, "axisa")
    axisb = _axis_index(axisb, b.ndim, "axisb")
    a = _moveaxis(a, axisa, -1)
    b = _moveaxis(b, axisb, -1)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n"
                         "(dimension must be 2 or 3)")
    if a.shape[-1] == 2 or b.shape[-1] == 2:
        warnings.warn("Arrays of 2-dimensional vectors are deprecated. Use arrays of "
                      "3-dimensional vectors instead. (deprecated in NumPy 2.0)",
                      DeprecationWarning, stacklevel=2)

    from ._shape import broadcast_shapes
    shape = broadcast_shapes(a.shape[:-1], b.shape[:-1])
    if a.shape[-1] == 3 or b.shape[-1] == 3:
        shape += (3,)
        axisc = _axis_index(axisc, len(shape), "axisc")
    dtype = _core.promote_types(a.dtype, b.dtype)
    cp = _core.empty(shape, dtype)
    a = a.astype(dtype)
    b = b.astype(dtype)

    multiply = _core.multiply
    negative = _core.negative
    a0 = a[..., 0]
    a1 = a[..., 1]
    if a.shape[-1] == 3:
        a2 = a[..., 2]
    b0 = b[..., 0]
    b1 = b[..., 1]
    if b.shape[-1] == 3:
        b2 = b[..., 2]
    if cp.ndim != 0 and cp.shape[-1] == 3:
        cp0 = cp[..., 0]
        cp1 = cp[..., 1]
        cp2 = cp[..., 2]

    if a.shape[-1] == 2:
        if b.shape[-1] == 2:
            multiply(a0, b1, out=cp)
            cp -= a1 * b0
            return cp
        multiply(a1, b2, out=cp0)
        multiply(a0, b2, out=cp1)
        negative(cp1, out=cp1)
        multiply(a0, b1, out=cp2)
        cp2 -= a1 * b0
    elif b.shape[-1] == 3:
        multiply(a1, b2, out=cp0)
        tmp = multiply(a2, b1, out=_core.empty(broadcast_shapes(a2.shape, b1.shape), dtype))
        cp0 -= tmp
        multiply(a2, b0, out=cp1)
        multiply(a0, b2, out=tmp)
        cp1 -= tmp
        multiply(a0, b1, out=cp2)
        multiply(a1, b0, out=tmp)
        cp2 -= tmp
    else:
        multiply(a2, b1, out=cp0)
        negative(cp0, out=cp0)
        multiply(a2, b0, out=cp1)
        multiply(a0, b1, out=cp2)
        cp2 -= a1 * b0
    return _moveaxis(cp, -1, axisc)


# ---------------------------------------------------------------------------
# ndarray methods (attached in _methods)
# ---------------------------------------------------------------------------

def _method_dot(self, b, out=None):
    """Dot product of the array with ``b`` (see ``rumpy.dot``).

    Parameters
    ----------
    b : array_like
        The other operand.
    out : ndarray, optional
        Where to write the result (``rumpy.dot``'s rules).

    Returns
    -------
    ndarray or scalar
        ``rumpy.dot(self, b, out)``.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.eye(2)
    >>> b = rp.ones((2, 2)) * 2
    >>> a.dot(b)
    array([[2., 2.],
           [2., 2.]])
    >>> a.dot(b).dot(b)
    array([[8., 8.],
           [8., 8.]])
    """
    return dot(self, b, out)


def _method_trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """Sum along a diagonal of the array (see ``rumpy.trace``).

    Parameters
    ----------
    offset : int, optional
        Which diagonal: positive above the main one, negative below. Default 0.
    axis1, axis2 : int, optional
        The axes the diagonals run across. Defaults 0 and 1.
    dtype : dtype, optional
        The dtype of the sum (``sum``'s default rule when None).
    out : ndarray, optional
        Where to write the result.

    Returns
    -------
    scalar or ndarray
        The sum(s) of the diagonal(s).

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.arange(9).reshape(3, 3).trace()
    np.int64(12)
    >>> rp.arange(9).reshape(3, 3).trace(offset=-1)
    np.int64(10)
    """
    return _trace(self, offset, axis1, axis2, dtype, out)


_method_dot.__name__ = "dot"
_method_trace.__name__ = "trace"
