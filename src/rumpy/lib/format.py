"""``rumpy.lib.format``: the .npy format's constants and ``open_memmap`` (numpy.lib.format).

The header is the one ``rumpy.save`` writes (``rumpy._npyio``), NumPy's byte for byte; reading
uses the same checked parser as ``rumpy.load``.
"""

import io
import os

from .. import _core
from .. import _npyio
from .._memmap import memmap

__all__ = []  # as numpy.lib.format's: nothing for a star import

MAGIC_PREFIX = _npyio.MAGIC
MAGIC_LEN = len(MAGIC_PREFIX) + 2
ARRAY_ALIGN = _npyio.ALIGN
BUFFER_SIZE = 2**18
GROWTH_AXIS_MAX_DIGITS = 21
EXPECTED_KEYS = {"descr", "fortran_order", "shape"}
_MAX_HEADER_SIZE = _npyio._MAX_HEADER_SIZE
_VERSIONS = [(1, 0), (2, 0), (3, 0), None]


def _check_version(version):
    if version not in _VERSIONS:
        raise ValueError(f"we only support format version (1,0), (2,0), and (3,0), "
                         f"not {version}")


def magic(major, minor):
    """The magic string of format version ``(major, minor)``."""
    if major < 0 or major > 255:
        raise ValueError("major version must be 0 <= major < 256")
    if minor < 0 or minor > 255:
        raise ValueError("minor version must be 0 <= minor < 256")
    return MAGIC_PREFIX + bytes([major, minor])


def read_magic(fp):
    """The format version ``(major, minor)`` read from the magic string at ``fp``."""
    head = bytes(_npyio._read_bytes(fp, MAGIC_LEN, "magic string"))
    if head[:-2] != MAGIC_PREFIX:
        raise ValueError(f"the magic string is not correct; expected {MAGIC_PREFIX!r}, "
                         f"got {head[:-2]!r}")
    return head[-2], head[-1]


def isfileobj(f):
    """Whether ``f`` is a real file opened in binary mode (one with a file descriptor)."""
    if not isinstance(f, (io.FileIO, io.BufferedReader, io.BufferedWriter)):
        return False
    try:
        f.fileno()
        return True
    except OSError:
        return False


def _object_refused():
    return ValueError("Array can't be memory-mapped: Python objects in dtype.")


def open_memmap(filename, mode="r+", dtype=None, shape=None, fortran_order=False,
                version=None, *, max_header_size=_MAX_HEADER_SIZE):
    """Open a .npy file as a memory-mapped array (a ``memmap`` over its data).

    In a mode with 'w' ('w+') the file is created with a header for ``dtype`` (float64 by
    default), ``shape`` (required) and ``fortran_order``, in format ``version`` (or the
    oldest that can hold the header), and mapped read-write; otherwise the file's own header
    gives the dtype, shape and order, and ``mode`` is one of ``memmap``'s. ``filename`` is a
    name or path-like, never an open file. Object dtypes cannot be mapped (ValueError);
    headers longer than ``max_header_size`` characters are refused as by ``load``.
    """
    if isfileobj(filename):
        raise ValueError("Filename must be a string or a path-like object.  Memmap cannot "
                         "use existing file handles.")
    if "w" in mode:
        _check_version(version)
        dtype = _core.dtype(dtype)
        if dtype.hasobject:
            raise _object_refused()
        descr = _npyio._descr(dtype)
        with open(os.fspath(filename), mode + "b") as fp:
            fp.write(_npyio._header_bytes(descr, fortran_order, shape, version, warn=True))
            offset = fp.tell()
    else:
        with open(os.fspath(filename), "rb") as fp:
            version = read_magic(fp)
            _check_version(version)
            text = _npyio._read_header_text(fp, version, max_header_size)
            descr, fortran_order, shape = _npyio._parse_header(text, version)
            try:
                dtype = _npyio._header_dtype(descr)
            except _npyio._ObjectDescr:
                raise _object_refused() from None
            if dtype.hasobject:
                raise _object_refused()
            offset = fp.tell()
    order = "F" if fortran_order else "C"
    if mode == "w+":
        mode = "r+"     # the header is written: the file now exists
    return memmap(filename, dtype=dtype, shape=shape, order=order, mode=mode, offset=offset)


def dtype_to_descr(dtype):
    """The header's ``descr`` of ``dtype``: its ``str``, or its ``descr`` list for records."""
    return _npyio._descr(_core.dtype(dtype))


def descr_to_dtype(descr):
    """The dtype a header's ``descr`` describes (the inverse of :func:`dtype_to_descr`)."""
    try:
        return _npyio._header_dtype(descr)
    except _npyio._ObjectDescr:
        return _core.dtype(descr if isinstance(descr, str) else [tuple(f) for f in descr])


def drop_metadata(dtype):
    """``dtype`` without metadata (rumpy's dtypes carry none: the same dtype)."""
    return dtype


def header_data_from_array_1_0(array):
    """The header's dictionary for ``array``: its shape, order and descr."""
    d = {"shape": array.shape}
    if array.flags.c_contiguous:
        d["fortran_order"] = False
    elif array.flags.f_contiguous:
        d["fortran_order"] = True
    else:
        d["fortran_order"] = False
    d["descr"] = dtype_to_descr(array.dtype)
    return d


def _write_header(fp, d, version):
    fp.write(_npyio._header_bytes(d["descr"], d["fortran_order"], tuple(d["shape"]),
                                  version))


def write_array_header_1_0(fp, d):
    """Write the format 1.0 header of the dictionary ``d`` (shape, fortran_order, descr)."""
    _write_header(fp, d, (1, 0))


def write_array_header_2_0(fp, d):
    """Write the format 2.0 header of the dictionary ``d`` (shape, fortran_order, descr)."""
    _write_header(fp, d, (2, 0))


def _read_header(fp, version, max_header_size):
    text = _npyio._read_header_text(fp, version, max_header_size)
    descr, fortran_order, shape = _npyio._parse_header(text, version)
    return shape, fortran_order, descr_to_dtype(descr)


def read_array_header_1_0(fp, max_header_size=_MAX_HEADER_SIZE):
    """(shape, fortran_order, dtype) of the format 1.0 header at ``fp`` (after the magic)."""
    return _read_header(fp, (1, 0), max_header_size)


def read_array_header_2_0(fp, max_header_size=_MAX_HEADER_SIZE):
    """(shape, fortran_order, dtype) of the format 2.0 header at ``fp`` (after the magic)."""
    return _read_header(fp, (2, 0), max_header_size)


def write_array(fp, array, version=None, allow_pickle=True, pickle_kwargs=None):
    """Write ``array`` to ``fp`` in the .npy format (header and data)."""
    _check_version(version)
    array = _core.asanyarray(array)
    if version is not None:
        fortran = bool(array.flags.f_contiguous and not array.flags.c_contiguous)
        fp.write(_npyio._header_bytes(dtype_to_descr(array.dtype), fortran,
                                      tuple(array.shape), version))
        if array.dtype.hasobject:
            if not allow_pickle:
                raise ValueError("Object arrays cannot be saved when allow_pickle=False")
            import pickle
            pickle.dump(array, fp, protocol=3, **(pickle_kwargs or {}))
            return
        data = array.T if fortran else array
        fp.write(_core.ascontiguousarray(data).tobytes())
        return
    _npyio._write_checked(fp, array, allow_pickle)


def read_array(fp, allow_pickle=False, pickle_kwargs=None, *,
               max_header_size=_MAX_HEADER_SIZE):
    """Read an array from the .npy data at ``fp`` (magic, header and data)."""
    version = read_magic(fp)
    _check_version(version)
    return _npyio._load_after_version(fp, version, allow_pickle, max_header_size,
                                      pickle_kwargs)
