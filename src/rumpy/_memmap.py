"""``memmap``: an array whose data is a memory-mapped file (numpy.memmap).

Like NumPy's, it is a pure-Python ndarray subclass over a ``mmap.mmap`` object of Python's
standard library, which is the array's ``base`` and its ``_mmap`` attribute. Writes to a
writable map reach the file (``flush`` forces them out); a copy-on-write map ('c') keeps
them in memory; a read-only one ('r') refuses them.

Views that share the map (slices, ``mm[...]``, ``view``, reshapes) stay memmaps and carry
``filename``, ``offset``, ``mode`` and ``_mmap``; results that own new memory (``mm + 1``,
``mm.sum(axis=0)``, fancy indexing) are plain ndarrays, and full reductions scalars, as in
NumPy.
"""

import mmap
import operator
import os
import pathlib
import warnings
from contextlib import nullcontext

from . import _core
from ._scalars import uint8

ndarray = _core.ndarray

__all__ = ["memmap"]

_VALID_MODES = ["r", "c", "r+", "w+"]
_MODE_ALIASES = {"readonly": "r", "copyonwrite": "c", "readwrite": "r+", "write": "w+"}


def _normal_mode(mode):
    """NumPy's file mode for ``mode`` (one of its four, or their long names)."""
    try:
        return _MODE_ALIASES[mode]
    except KeyError:
        pass
    if mode not in _VALID_MODES:
        raise ValueError(f"mode must be one of {_VALID_MODES + list(_MODE_ALIASES)!r} "
                         f"(got {mode!r})")
    return mode


def _intp(value):
    """``value`` wrapped around to a signed 64-bit integer, as NumPy's intp arithmetic does
    (with its RuntimeWarning when it overflows)."""
    wrapped = (value + 2**63) % 2**64 - 2**63
    if wrapped != value:
        warnings.warn("overflow encountered in scalar multiply", RuntimeWarning, stacklevel=4)
    return wrapped


def _shape_and_size(shape):
    """The shape as a tuple and its number of items, computed as NumPy's memmap does (an
    int, or any sequence: a list, a tuple, an array; the product in intp arithmetic)."""
    if not isinstance(shape, (tuple, list)):
        try:
            shape = [operator.index(shape)]
        except TypeError:
            pass
    shape = tuple(shape)
    size = 1
    for k in shape:
        try:
            k = operator.index(k)
        except TypeError:
            size = size * k         # a float goes through, and fails in ndarray.__new__
            continue
        if not -2**63 <= k < 2**63:
            raise OverflowError("Python int too large to convert to C long")
        size = _intp(size * k) if isinstance(size, int) else size * k
    return shape, size


def _index_or_none(k):
    try:
        return operator.index(k)
    except TypeError:
        return None


def _from_pickle(cls, arr):
    """A pickled memmap comes back as one that maps nothing (as NumPy's does)."""
    return arr.view(cls)


class memmap(ndarray):
    """Create a memory-map to an array stored in a *binary* file on disk (numpy.memmap).

    Parameters
    ----------
    filename : str, path-like or file object
        The file to map. A file object is used as it is (and left open); a name is opened
        in the mode's file mode and closed once mapped.
    dtype : data-type, optional
        How the bytes are read; ``uint8`` by default.
    mode : {'r+', 'r', 'w+', 'c'}, optional
        'r': an existing file, read only. 'r+': an existing file, read and write. 'w+':
        created (or overwritten), read and write; needs ``shape``. 'c': copy on write, the
        file itself is never changed. The long names 'readwrite', 'readonly', 'write' and
        'copyonwrite' are accepted too. Default 'r+'.
    offset : int, optional
        Where the data starts in the file, in bytes. In the writable modes the file is
        grown to hold ``offset`` plus the data.
    shape : int or sequence of ints, optional
        The array's shape; by default 1-D, as many items as the bytes after ``offset``
        hold (which must then be a multiple of the item size).
    order : {'C', 'F'}, optional
        Memory layout of a multi-dimensional ``shape``.

    Attributes
    ----------
    filename : str, pathlib.Path or None
        The mapped file's absolute path (a resolved Path when a path-like was given; None
        for a file object without a name).
    offset : int
        The ``offset`` given.
    mode : str
        The mode, as one of 'r', 'r+', 'w+', 'c'.
    """

    __array_priority__ = -100.0

    def __new__(subtype, filename, dtype=uint8, mode="r+", offset=0,
                shape=None, order="C"):
        mode = _normal_mode(mode)
        if mode == "w+" and shape is None:
            raise ValueError("shape must be given if mode == 'w+'")
        if hasattr(filename, "read"):
            context = nullcontext(filename)
        else:
            context = open(os.fspath(filename), ("r" if mode == "c" else mode) + "b")
        with context as fid:
            fid.seek(0, 2)
            flen = fid.tell()
            descr = _core.dtype(dtype)
            itemsize = descr.itemsize
            if shape is None:
                available = flen - offset
                if available % itemsize:
                    raise ValueError("Size of available data is not a multiple of the "
                                     "data-type size.")
                size = available // itemsize
                shape = (size,)
            else:
                shape, size = _shape_and_size(shape)
            if isinstance(size, int) and isinstance(offset, int):
                nbytes = _intp(offset + _intp(size * itemsize))
            else:
                nbytes = int(offset + size * itemsize)
            if mode in ("w+", "r+"):
                # at least one byte, so that an empty array still has a file to map
                nbytes = max(nbytes, 1)
                if flen < nbytes:
                    fid.seek(nbytes - 1, 0)
                    fid.write(b"\0")
                    fid.flush()
            if mode == "c":
                access = mmap.ACCESS_COPY
            elif mode == "r":
                access = mmap.ACCESS_READ
            else:
                access = mmap.ACCESS_WRITE
            # the map must start on an allocation-granularity boundary
            start = offset - offset % mmap.ALLOCATIONGRANULARITY
            nbytes -= start
            if nbytes == 0 and start > 0:
                # a length of 0 would map the whole file: map the granule before instead
                nbytes += mmap.ALLOCATIONGRANULARITY
                start -= mmap.ALLOCATIONGRANULARITY
            mm = mmap.mmap(fid.fileno(), nbytes, access=access, offset=start)
            if len(shape) == 1 and _index_or_none(shape[0]) == -1:
                # NumPy's ndarray.__new__ fills a lone -1 from the buffer's size
                shape = ((len(mm) - (offset - start)) // itemsize,)
            self = ndarray.__new__(subtype, shape, dtype=descr, buffer=mm,
                                   offset=offset - start, order=order)
            self._mmap = mm
            self.offset = offset
            self.mode = mode
            if isinstance(filename, os.PathLike):
                resolve = getattr(filename, "resolve", None)
                self.filename = (resolve() if resolve is not None
                                 else pathlib.Path(os.fspath(filename)).resolve())
            elif hasattr(fid, "name") and isinstance(fid.name, str):
                self.filename = os.path.abspath(fid.name)
            else:
                self.filename = None
        return self

    def __array_finalize__(self, obj):
        if hasattr(obj, "_mmap") and _core.may_share_memory(self, obj):
            self._mmap = obj._mmap
            self.filename = obj.filename
            self.offset = obj.offset
            self.mode = obj.mode
        else:
            self._mmap = None
            self.filename = None
            self.offset = None
            self.mode = None

    def flush(self):
        """Write any changes in the array to the file on disk."""
        base = self.base
        if base is not None and hasattr(base, "flush"):
            base.flush()

    def __array_wrap__(self, arr, context=None, return_scalar=False):
        arr = super().__array_wrap__(arr, context)
        # A memmap given as ``out`` stays one; subclasses of memmap keep their type.
        if self is arr or type(self) is not memmap:
            return arr
        if return_scalar:
            return arr[()]
        # new memory, not the file's: a plain array
        return arr.view(ndarray)

    def squeeze(self, axis=None):
        # NumPy passes a squeezed subclass through __array_wrap__: a plain array here
        res = super().squeeze(axis)
        if res.shape == self.shape:
            return self
        return self.__array_wrap__(res.view(ndarray))

    def __reduce_ex__(self, protocol):
        return _from_pickle, (type(self), self.view(ndarray))

    def __reduce__(self):
        return self.__reduce_ex__(2)

    def __getitem__(self, index):
        res = super().__getitem__(index)
        if type(res) is memmap and res._mmap is None:
            return res.view(type=ndarray)
        return res


memmap.__module__ = "rumpy"
