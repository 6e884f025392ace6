"""``rumpy.matrixlib.defmatrix``: matrix, asmatrix and bmat."""

import ast
import sys
import warnings

from .._core import ndarray

__all__ = ["matrix", "asmatrix", "bmat"]

_MATRIX_WARNING = (
    "the matrix subclass is not the recommended way to represent matrices or deal with "
    "linear algebra (see https://docs.scipy.org/doc/numpy/user/numpy-for-matlab-users.html). "
    "Please adjust your code to use regular ndarray.")


def _rumpy():
    # the package namespace, imported late: this module is loaded while rumpy initialises
    import rumpy
    return rumpy


def _parse_rows(data):
    """Nested lists from a string like '1 2; 3 4' (columns split by commas or blanks)."""
    data = data.replace("[", "").replace("]", "")  # '[1 2; 3 4]' reads like '1 2; 3 4'
    rows = []
    for text in data.split(";"):
        row = []
        for part in text.split(","):
            row.extend(ast.literal_eval(tok) for tok in part.split())
        if rows and len(row) != len(rows[0]):
            raise ValueError("Rows not the same size.")
        rows.append(row)
    return rows


def asmatrix(data, dtype=None):
    """``data`` as a matrix, without copying when it already is one (or an ndarray)."""
    return matrix(data, dtype=dtype, copy=False)


class matrix(ndarray):
    """A 2-d array whose ``*`` is the matrix product and ``**`` the matrix power."""

    __array_priority__ = 10.0
    _getitem = False  # set while ndarray.__getitem__ runs, so that results may be 1-d

    def __new__(cls, data, dtype=None, copy=True):
        warnings.warn(_MATRIX_WARNING, PendingDeprecationWarning, stacklevel=2)
        rp = _rumpy()
        if isinstance(data, matrix):
            if dtype is None or rp.dtype(dtype) == data.dtype:
                return data.copy() if copy else data
            return data.astype(dtype)
        if isinstance(data, ndarray):
            new = data.view(cls)
            if dtype is not None and rp.dtype(dtype) != data.dtype:
                return new.astype(dtype)
            return new.copy() if copy else new
        if isinstance(data, str):
            data = _parse_rows(data)
        arr = rp.array(data, dtype=dtype, copy=True if copy else None)
        if arr.ndim > 2:
            raise ValueError("matrix must be 2-dimensional")
        shape = {0: (1, 1), 1: (1,) + arr.shape}.get(arr.ndim, arr.shape)
        fortran = arr.flags.f_contiguous and not arr.flags.c_contiguous
        order = "F" if arr.ndim == 2 and fortran else "C"
        return arr.reshape(shape, order=order).view(cls)

    def __array_finalize__(self, obj):
        self._getitem = False
        if isinstance(obj, matrix) and obj._getitem:
            return
        if self.ndim == 2:
            return
        if self.ndim > 2:
            kept = tuple(n for n in self.shape if n > 1)
            if len(kept) > 2:
                raise ValueError("shape too large to be a matrix.")
            if len(kept) == 2:
                self.shape = kept
                return
            # fewer than two axes longer than 1: fall through like a 0-d/1-d result
            self.shape = {0: (1, 1), 1: (1,) + kept}[len(kept)]
            return
        self.shape = (1, 1) if self.ndim == 0 else (1, self.shape[0])

    def __getitem__(self, index):
        self._getitem = True
        try:
            out = ndarray.__getitem__(self, index)
        finally:
            self._getitem = False
        if not isinstance(out, ndarray):
            return out
        if out.ndim == 0:
            return out[()]
        if out.ndim == 1:
            n = out.shape[0]
            try:
                column = len(index) > 1 and _rumpy().isscalar(index[1])
            except TypeError:
                column = False
            out.shape = (n, 1) if column else (1, n)
        return out

    def __mul__(self, other):
        rp = _rumpy()
        if isinstance(other, (ndarray, list, tuple)):
            return rp.dot(self, asmatrix(other))
        if rp.isscalar(other) or not hasattr(other, "__rmul__"):
            return rp.dot(self, other)
        return NotImplemented

    def __rmul__(self, other):
        return _rumpy().dot(other, self)

    def __imul__(self, other):
        self[:] = self * other
        return self

    def __pow__(self, other):
        return _rumpy().linalg.matrix_power(self, other)

    def __ipow__(self, other):
        self[:] = self ** other
        return self

    def __rpow__(self, other):
        return NotImplemented

    def _align(self, axis):
        """A reduction's result laid out as numpy's matrix gives it (row, column or scalar)."""
        if axis is None:
            return self[0, 0]
        if axis == 0:
            return self
        if axis == 1:
            return self.transpose()
        raise ValueError("unsupported axis")

    @staticmethod
    def _aligned(res, axis):
        """``_align`` of a reduction's result, which may be a scalar or a plain ndarray."""
        if not isinstance(res, ndarray):
            return res if axis is None else matrix._aligned(_rumpy().asarray(res), axis)
        return res.view(matrix)._align(axis)

    def _collapse(self, axis):
        """A keepdims reduction's result: the scalar for axis=None, else the matrix."""
        return self[0, 0] if axis is None else self

    def tolist(self):
        """The matrix as nested lists (always two levels)."""
        return self.view(ndarray).tolist()

    def sum(self, axis=None, dtype=None, out=None):
        """Sum over ``axis``, keeping the matrix 2-d (a scalar for axis=None)."""
        return ndarray.sum(self, axis, dtype, out, keepdims=True)._collapse(axis)

    def squeeze(self, axis=None):
        """The matrix with length-1 axes removed (it stays 2-d)."""
        return ndarray.squeeze(self, axis=axis)

    def flatten(self, order="C"):
        """A (1, N) copy."""
        return ndarray.flatten(self, order=order)

    def mean(self, axis=None, dtype=None, out=None):
        """Mean over ``axis``, keeping the matrix 2-d."""
        return ndarray.mean(self, axis, dtype, out, keepdims=True)._collapse(axis)

    def std(self, axis=None, dtype=None, out=None, ddof=0):
        """Standard deviation over ``axis``, keeping the matrix 2-d."""
        return ndarray.std(self, axis, dtype, out, ddof, keepdims=True)._collapse(axis)

    def var(self, axis=None, dtype=None, out=None, ddof=0):
        """Variance over ``axis``, keeping the matrix 2-d."""
        return ndarray.var(self, axis, dtype, out, ddof, keepdims=True)._collapse(axis)

    def prod(self, axis=None, dtype=None, out=None):
        """Product over ``axis``, keeping the matrix 2-d."""
        return ndarray.prod(self, axis, dtype, out, keepdims=True)._collapse(axis)

    def any(self, axis=None, out=None):
        """Whether any element along ``axis`` is true, keeping the matrix 2-d."""
        return ndarray.any(self, axis, out, keepdims=True)._collapse(axis)

    def all(self, axis=None, out=None):
        """Whether all elements along ``axis`` are true, keeping the matrix 2-d."""
        return ndarray.all(self, axis, out, keepdims=True)._collapse(axis)

    def max(self, axis=None, out=None):
        """Maximum along ``axis``, keeping the matrix 2-d."""
        return ndarray.max(self, axis, out, keepdims=True)._collapse(axis)

    def min(self, axis=None, out=None):
        """Minimum along ``axis``, keeping the matrix 2-d."""
        return ndarray.min(self, axis, out, keepdims=True)._collapse(axis)

    def argmax(self, axis=None, out=None):
        """Indices of the maxima: a column for axis=1, a row for axis=0."""
        return self._aligned(ndarray.argmax(self, axis, out), axis)

    def argmin(self, axis=None, out=None):
        """Indices of the minima: a column for axis=1, a row for axis=0."""
        return self._aligned(ndarray.argmin(self, axis, out), axis)

    def ptp(self, axis=None, out=None):
        """Peak to peak along ``axis``: a column for axis=1, a row for axis=0."""
        return self._aligned(_rumpy().ptp(self, axis, out), axis)

    @property
    def I(self):  # noqa: E743 - numpy's name
        """The inverse (the pseudo-inverse when not square)."""
        rows, cols = self.shape
        linalg = _rumpy().linalg
        return asmatrix((linalg.inv if rows == cols else linalg.pinv)(self))

    @property
    def A(self):
        """The matrix as a plain ndarray (a view)."""
        return self.view(ndarray)

    @property
    def A1(self):
        """The matrix as a flat ndarray."""
        return self.view(ndarray).ravel()

    def ravel(self, order="C"):
        """A (1, N) matrix of the elements."""
        return ndarray.ravel(self, order=order)

    @property
    def T(self):
        """The transpose."""
        return self.transpose()

    @property
    def H(self):
        """The conjugate transpose."""
        if issubclass(self.dtype.type, _rumpy().complexfloating):
            return self.transpose().conjugate()
        return self.transpose()

    def getT(self):
        """The transpose (as ``.T``)."""
        return self.T

    def getA(self):
        """The matrix as an ndarray (as ``.A``)."""
        return self.A

    def getA1(self):
        """The matrix as a flat ndarray (as ``.A1``)."""
        return self.A1

    def getH(self):
        """The conjugate transpose (as ``.H``)."""
        return self.H

    def getI(self):
        """The inverse (as ``.I``)."""
        return self.I


matrix.__module__ = "rumpy"
asmatrix.__module__ = "rumpy"


def _lookup_blocks(text, gdict, ldict):
    """Concatenate the named blocks of a bmat string: ';' separates rows."""
    rp = _rumpy()
    rows = []
    for row in text.split(";"):
        names = [tok for part in row.split(",") for tok in part.split()]
        blocks = []
        for name in names:
            if name in ldict:
                blocks.append(ldict[name])
            elif name in gdict:
                blocks.append(gdict[name])
            else:
                raise NameError(f"name {name!r} is not defined")
        rows.append(rp.concatenate(blocks, axis=-1))
    return rp.concatenate(rows, axis=0)


def bmat(obj, ldict=None, gdict=None):
    """Build a matrix from blocks: nested lists, an array, or a string of names."""
    rp = _rumpy()
    if isinstance(obj, str):
        if gdict is None:
            caller = sys._getframe().f_back
            gdict, ldict = caller.f_globals, caller.f_locals
        return matrix(_lookup_blocks(obj, gdict, ldict or {}))
    if isinstance(obj, (tuple, list)):
        rows = []
        for row in obj:
            if isinstance(row, ndarray):
                return matrix(rp.concatenate(obj, axis=-1))
            rows.append(rp.concatenate(row, axis=-1))
        return matrix(rp.concatenate(rows, axis=0))
    if isinstance(obj, ndarray):
        return matrix(obj)
    return None  # numpy's bmat also gives None for anything else


bmat.__module__ = "rumpy"
