""".npy files: ``save`` and ``load`` in NumPy's format (versions 1.0, 2.0 and 3.0); .npz
archives of them (``savez``, ``savez_compressed``, ``NpzFile``); raw files (``fromfile``,
``ndarray.tofile``) and pickles (``ndarray.dump``, ``ndarray.dumps``).

The header is NumPy's: the magic string, the version, the header length, then a Python dict
literal with ``descr``, ``fortran_order`` and ``shape``, padded so the data starts on a
64-byte boundary. The data is the array's bytes in C (or Fortran) order, moved through the
buffer protocol without Python-level loops.
"""

import ast
import codecs
import io
import itertools
import os
import re
import stat
import sys
import tempfile
import warnings
from collections.abc import Mapping

from . import _core

MAGIC = b"\x93NUMPY"
ALIGN = 64


def _descr(dt):
    if dt.kind == "T":
        # NumPy's: a dtype beyond the format's is saved as objects, with a warning.
        import warnings
        warnings.warn("Custom dtypes are saved as python objects using the pickle protocol. "
                      "Loading this file requires allow_pickle=True to be set.",
                      UserWarning, stacklevel=4)
        return "|O"
    return dt.descr if dt.names is not None else dt.str


def _header(arr, fortran):
    return _header_bytes(_descr(arr.dtype), fortran, tuple(arr.shape))


def _header_bytes(descr, fortran, shape, version=None, warn=False):
    """NumPy's .npy header for these values (written with ``repr``, as NumPy does): the
    given format version, or the oldest that can hold it (with NumPy's UserWarning when
    ``warn`` and that is not 1.0)."""
    text = f"{{'descr': {descr!r}, 'fortran_order': {fortran!r}, 'shape': {shape!r}, }}"
    # NumPy leaves room for the growing axis' length to be rewritten in place.
    if len(shape) > 0:
        text += " " * (21 - len(repr(shape[-1 if fortran else 0])))
    if version is not None:
        return _wrap_header(text, version)
    try:
        return _wrap_header(text, (1, 0))
    except ValueError:      # too long, or not latin1 (UnicodeEncodeError)
        pass
    try:
        out = _wrap_header(text, (2, 0))
    except UnicodeEncodeError:
        out = _wrap_header(text, (3, 0))
        if warn:
            warnings.warn("Stored array in format 3.0. It can only be read by NumPy >= 1.17",
                          UserWarning, stacklevel=4)
        return out
    if warn:
        warnings.warn("Stored array in format 2.0. It can only be read by NumPy >= 1.9",
                      UserWarning, stacklevel=4)
    return out


def _wrap_header(text, version):
    """Magic string, version, length and the header text padded with spaces and a newline so
    that the data starts on a 64-byte boundary (NumPy pads a whole 64 when already there)."""
    len_bytes, encoding = _HEADER_SIZE_INFO[version]
    body = text.encode(encoding)
    hlen = len(body) + 1
    pad = ALIGN - (len(MAGIC) + 2 + len_bytes + hlen) % ALIGN
    if hlen + pad >= 1 << (8 * len_bytes):
        raise ValueError(f"Header length {hlen} too big for version={version}")
    return (MAGIC + bytes(version) + (hlen + pad).to_bytes(len_bytes, "little") + body
            + b" " * pad + b"\n")


def _write(f, arr):
    if arr.dtype.hasobject:
        # Objects are pickled after the header, as NumPy does.
        import pickle
        f.write(_header(arr, False))
        pickle.dump(arr, f, protocol=3)
        return
    fortran = bool(arr.flags.f_contiguous and not arr.flags.c_contiguous)
    data = arr.T if fortran else arr
    if not data.flags.c_contiguous:
        data = _core.ascontiguousarray(data)
    f.write(_header(arr, fortran))
    if data.size:
        try:
            f.write(memoryview(data).cast("B"))
        except ValueError:
            # Times (and records holding them) have no buffer format: their bytes as a copy.
            f.write(data.tobytes())


def _write_checked(f, arr, allow_pickle):
    """NumPy's write_array: the header goes out before an object array is refused."""
    if arr.dtype.hasobject and not allow_pickle:
        f.write(_header(arr, False))
        raise ValueError("Object arrays cannot be saved when allow_pickle=False")
    _write(f, arr)


def save(file, arr, allow_pickle=True, fix_imports=True):
    """Save an array to a .npy file (``.npy`` is appended to a file name without it). A file
    name is written through a temporary file and renamed, so a failed save never leaves a
    half-written file in place of a good one."""
    arr = _core.asanyarray(arr)
    if hasattr(file, "write"):
        _write_checked(file, arr, allow_pickle)
        return
    path = os.fspath(file)
    if not path.endswith(".npy"):
        path += ".npy"
    if arr.dtype.hasobject and not allow_pickle:
        # refused before anything is written: the old file stays as it was
        raise ValueError("Object arrays cannot be saved when allow_pickle=False")
    _write_file_safely(path, lambda f: _write(f, arr))


def _umask():
    """The process's umask, read without changing it where the system tells it."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_file_safely(path, write):
    """Write a file named ``path`` with ``write(fileobj)`` the way ``open(path, "wb")`` would
    (same permissions, through a symbolic link to its target), but into a temporary file of
    the same folder renamed over ``path`` only once everything is written: an exception half
    way leaves the old file, if any, intact and no partial file behind. Where no temporary
    file can be made next to it (a read-only folder) or the name is not a regular file (a
    device, a FIFO), the file is written in place, as NumPy does."""
    target = os.path.realpath(path) if os.path.islink(path) else path
    try:
        st = os.stat(target)
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(path, "wb") as f:
            write(f)
        return
    folder = os.path.dirname(os.path.abspath(target))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".rumpy-", suffix=".tmp")
    except OSError:
        with open(path, "wb") as f:     # NumPy's error if this cannot be opened either
            write(f)
        return
    try:
        mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
        try:
            os.chmod(tmp, mode)
        except OSError:
            pass
        with os.fdopen(fd, "wb") as f:
            write(f)
        _swap_in(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


def _swap_in(tmp, target):
    """Give the finished file ``tmp`` the name ``target``. An existing target is first linked
    to a second name and unlinked, so that the rename replaces nothing: ext4 writes out a file
    renamed over another at once (``auto_da_alloc``; about 20 ms for 36 MB), which NumPy's
    in-place write does not pay. At every moment the old file is under one of its two names
    and the new one under one of its two; a rename that fails puts the old file back."""
    backup = tmp + ".old"
    try:
        os.link(target, backup)
    except OSError:
        # no target yet, or no hard links on this file system: rename over it
        os.replace(tmp, target)
        return
    try:
        os.unlink(target)
    except BaseException:
        _discard(backup)
        raise
    try:
        os.rename(tmp, target)
    except BaseException:
        os.rename(backup, target)
        raise
    _release(backup)


def _release(path):
    """Unlink ``path``, the old file's last name, and leave the freeing of its blocks and
    cached pages (about 1 ms for 36 MB on ext4) to a background thread: it happens at the
    close of a descriptor held open across the unlink."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        fd = None
    _discard(path)
    if fd is not None:
        _core._close_later(fd)


def _discard(path):
    try:
        os.unlink(path)
    except OSError:
        pass


# ---------------------------------------------------------------------------------------------
# Reading. A .npy file may come from anywhere, so nothing its header claims is trusted: every
# size is checked with Python integers, and no buffer is allocated for more bytes than the file
# actually holds (a regular file's remaining size is known up front; any other stream is read
# in bounded chunks into a buffer that grows only as data arrives). The exception classes are
# NumPy's for the same bytes.
# ---------------------------------------------------------------------------------------------

_MAX_HEADER_SIZE = 10000            # NumPy's default for ``max_header_size``
_CHUNK = 4 * 2**20                  # largest read into a buffer of unknown final size
_C_INT_MAX = 2**31 - 1              # NumPy's limit on subarray dimensions and dtype sizes
_MAX_DIMS = 64
_EXPECTED_KEYS = {"descr", "fortran_order", "shape"}
_HEADER_SIZE_INFO = {(1, 0): (2, "latin1"), (2, 0): (4, "latin1"), (3, 0): (4, "utf8")}


def _read_some(f, n):
    data = f.read(n)
    return b"" if data is None else data


def _read_bytes(f, n, what):
    """Exactly n bytes, read in chunks into a buffer that grows one chunk at a time, so that a
    lying length costs at most one chunk more than the data really there."""
    buf = bytearray()
    readinto = getattr(f, "readinto", None)
    while len(buf) < n:
        step = min(_CHUNK, n - len(buf))
        if readinto is None:
            chunk = _read_some(f, step)
            got = len(chunk)
            buf += chunk
        else:
            # grow by zeros from a calloc'ed bytes object (no resident temporary), then read
            # straight into the new room: no copy of the data
            start = len(buf)
            buf += bytes(step)
            got = _fill(readinto, memoryview(buf)[start:])
            del buf[start + got:]
        if got < step:
            raise ValueError(f"EOF: reading {what}, expected {n} bytes got {len(buf)}")
    return buf


def _fill(readinto, view, piece=None):
    """readinto until the view is full or the stream ends, at most ``piece`` bytes a call;
    the number of bytes read."""
    got = 0
    with view:
        while got < len(view):
            k = readinto(view[got:] if piece is None else view[got:got + piece])
            if not k:
                break
            got += k
    return got


def _archive_size(z):
    """The bytes of the file under a ZipFile (None when unknown)."""
    fp = getattr(z, "fp", None)
    try:
        pos = fp.tell()
        end = fp.seek(0, os.SEEK_END)
        fp.seek(pos)
        return end
    except (AttributeError, OSError, ValueError):
        return None


def _remaining(f):
    """Bytes left after the current position when that is cheap and reliable to know (a
    regular file, an in-memory buffer, a stored .npz member); None otherwise (pipes, sockets,
    compressed streams)."""
    try:
        size = getattr(f, "_rumpy_size", None)
        if size is not None:
            return max(size - f.tell(), 0)
        if isinstance(f, (io.FileIO, io.BufferedReader, io.BufferedRandom)):
            st = os.fstat(f.fileno())
            if stat.S_ISREG(st.st_mode):
                return max(st.st_size - f.tell(), 0)
        elif isinstance(f, io.BytesIO):
            return max(len(f.getbuffer()) - f.tell(), 0)
    except (OSError, ValueError):
        pass
    return None


def _check_available(f, n, what):
    left = _remaining(f)
    if left is not None and left < n:
        raise ValueError(f"EOF: reading {what}, expected {n} bytes got {left}")


def _filter_header(text):
    """Drop the 'L' suffix of Python 2 long literals (``(3L, 4L)``), as NumPy does for
    version 1.0 and 2.0 headers that do not parse."""
    import tokenize
    out = []
    after_number = False
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if not (after_number and tok[0] == tokenize.NAME and tok[1] == "L"):
            out.append(tok)
        after_number = tok[0] == tokenize.NUMBER
    return tokenize.untokenize(out)


def _read_header_text(f, version, max_header_size):
    len_bytes, encoding = _HEADER_SIZE_INFO[version]
    hlen = int.from_bytes(_read_bytes(f, len_bytes, "array header length"), "little")
    _check_available(f, hlen, "array header")
    # NumPy reads the whole header, decodes it and only then compares its length in
    # characters with the limit. latin1 has one byte per character and UTF-8 at most four, so
    # a header that is certainly too long is refused without being kept in memory (a UTF-8 one
    # is streamed through the decoder first, to raise NumPy's UnicodeDecodeError if invalid).
    if hlen > (1 if encoding == "latin1" else 4) * max_header_size:
        if encoding != "latin1":
            _consume(f, hlen, encoding)
        raise ValueError(f"Header info length (over {max_header_size}) is large and may not "
                         f"be safe to load securely. To allow loading, raise "
                         f"`max_header_size` or, for a fully trusted file, pass "
                         f"`allow_pickle=True`.")
    text = bytes(_read_bytes(f, hlen, "array header")).decode(encoding)
    if len(text) > max_header_size:
        raise ValueError(f"Header info length ({len(text)}) is large and may not be safe to "
                         f"load securely. To allow loading, raise `max_header_size` or, for "
                         f"a fully trusted file, pass `allow_pickle=True`.")
    return text


def _consume(f, n, encoding):
    """Read n bytes in chunks, keeping none of them; raise ValueError if they are not all
    there, else the decoding error if they are not valid in the encoding."""
    decoder = codecs.getincrementaldecoder(encoding)()
    got, error = 0, None
    while got < n:
        chunk = _read_some(f, min(_CHUNK, n - got))
        if not chunk:
            raise ValueError(f"EOF: reading array header, expected {n} bytes got {got}")
        got += len(chunk)
        if error is None:
            try:
                decoder.decode(chunk, final=got == n)
            except UnicodeDecodeError as e:
                error = e
    if error is not None:
        raise error


def _parse_header(text, version):
    try:
        d = ast.literal_eval(text)
    except SyntaxError as e:
        if version > (2, 0):
            raise ValueError(f"Cannot parse header: {text!r}") from e
        text = _filter_header(text)
        try:
            d = ast.literal_eval(text)
        except SyntaxError as e2:
            raise ValueError(f"Cannot parse header: {text!r}") from e2
        warnings.warn("Reading a `.npy` file whose header needed extra parsing because it was "
                      "written by Python 2; save it again to avoid this warning.",
                      UserWarning, stacklevel=4)
    if not isinstance(d, dict):
        raise ValueError(f"Header is not a dictionary: {d!r}")
    if d.keys() != _EXPECTED_KEYS:
        raise ValueError(f"Header does not contain the correct keys: {sorted(d.keys())!r}")
    shape = d["shape"]
    if not isinstance(shape, tuple) or not all(isinstance(x, int) for x in shape):
        raise ValueError(f"shape is not valid: {shape!r}")
    if not isinstance(d["fortran_order"], bool):
        raise ValueError(f"fortran_order is not a valid bool: {d['fortran_order']!r}")
    return d["descr"], d["fortran_order"], shape


class _ObjectDescr(Exception):
    """The header's descr asks for Python objects (NumPy would unpickle the data)."""


_OBJECT = re.compile(r"\s*[<>|=]?\s*(\([^)]*\))?\s*(O[48]?|object_?)\s*")


def _string_dtype(s):
    try:
        return _core.dtype(s)
    except Exception as e:
        if any(_OBJECT.fullmatch(part) for part in s.split(",")):
            raise _ObjectDescr(s) from None
        raise ValueError(f"descr is not a valid dtype descriptor: {s!r}") from e


def _make_dtype(spec):
    try:
        return _core.dtype(spec)
    except Exception as e:        # NumPy's TypeError/ValueError; reported as a bad descr
        raise ValueError(f"invalid dtype {spec!r}: {e}") from e


def _true_itemsize(dt):
    """The dtype's size in bytes recomputed with Python integers, enforcing NumPy's limits
    (subarray dimensions and sizes fit a C int), so that a size the dtype constructor got
    wrong (wrapped around) cannot slip through."""
    sub = dt.subdtype
    if sub is not None:
        base, shape = sub
        for n in shape:
            if not 0 <= n <= _C_INT_MAX:
                raise ValueError("invalid shape in fixed-type tuple: dimension does not fit "
                                 "into a C int.")
        size = _true_itemsize(base)
        for n in shape:
            size *= n
        if size > _C_INT_MAX:
            raise ValueError("invalid shape in fixed-type tuple: dtype size in bytes must "
                             "fit into a C int.")
    elif dt.names is not None:
        size = dt.itemsize
        fields = dt.fields      # built anew at each access: once, not once per field
        for name in dt.names:
            fdt, offset = fields[name][:2]
            if offset < 0 or offset + _true_itemsize(fdt) > size:
                raise ValueError(f"field {name!r} does not fit in its record")
    else:
        size = dt.itemsize
    if size != dt.itemsize or size > _C_INT_MAX:
        raise ValueError(f"dtype size {size} is invalid or does not fit into a C int")
    return size


def _dtype_from_descr(descr):
    """NumPy's descr_to_dtype: a type string, a (type, shape) tuple, or a list of fields where
    unnamed void fields are padding."""
    if isinstance(descr, str):
        return _string_dtype(descr)
    if isinstance(descr, tuple):
        return _make_dtype((_dtype_from_descr(descr[0]), descr[1]))
    names, formats, offsets, titles = [], [], [], []
    offset = 0
    for field in descr:
        if len(field) == 2:
            name, fmt = field
            dt = _dtype_from_descr(fmt)
        else:
            name, fmt, shape = field
            dt = _make_dtype((_dtype_from_descr(fmt), shape))
        _true_itemsize(dt)
        if not (name == "" and dt.kind == "V" and dt.names is None):     # not padding
            title, name = name if isinstance(name, tuple) else (None, name)
            names.append(name)
            formats.append(dt)
            offsets.append(offset)
            titles.append(title)
        offset += dt.itemsize
    return _make_dtype({"names": names, "formats": formats, "offsets": offsets,
                        "titles": titles, "itemsize": offset})


def _header_dtype(descr):
    try:
        dtype = _dtype_from_descr(descr)
    except TypeError as e:
        raise ValueError(f"descr is not a valid dtype descriptor: {descr!r}") from e
    _true_itemsize(dtype)
    return dtype


def _read_data(f, nbytes):
    """The array's bytes. A regular file's (or buffer's) remaining size is checked before
    anything is allocated; any other stream is read in chunks into a buffer that grows with
    the data, so a lying header costs at most one chunk more than the data present."""
    left = _remaining(f)
    if left is None or not hasattr(f, "readinto"):
        return _read_bytes(f, nbytes, "array data")
    if left < nbytes:
        raise ValueError(f"EOF: reading array data, expected {nbytes} bytes got {left}")
    # straight into uninitialised memory of the result (no zeroing), in cache-sized pieces
    data = _core.empty((nbytes,), dtype=_core.dtype("uint8"))
    got = _fill(f.readinto, memoryview(data), 1 << 18)
    if got < nbytes:        # the file shrank under us
        raise ValueError(f"EOF: reading array data, expected {nbytes} bytes got {got}")
    return data


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII",
         *, max_header_size=_MAX_HEADER_SIZE):
    """Load an array from a .npy file, the arrays of a .npz archive (a lazy ``NpzFile``), or,
    with ``allow_pickle=True`` only, a pickle, from a path or a binary file object (which,
    for .npy files, need not be seekable). Safe for untrusted files: sizes claimed by a
    header are checked against the data really present before anything is allocated, and
    headers longer than ``max_header_size`` characters are refused unless
    ``allow_pickle=True`` (which, as in NumPy, declares the file trusted). Object arrays and
    pickles are refused unless ``allow_pickle=True``, as in NumPy. Errors are NumPy's:
    EOFError for an empty file, ValueError for malformed or truncated ones, zipfile's
    BadZipFile for a damaged archive. With ``mmap_mode`` ('r', 'r+', 'c', ...; see
    ``memmap``) a .npy file given by name is memory-mapped (``lib.format.open_memmap``): the
    result is a ``memmap``; object dtypes and open file objects are refused, as in NumPy.
    Archives and pickles ignore ``mmap_mode``, as in NumPy."""
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    pickle_kwargs = {"encoding": encoding, "fix_imports": fix_imports}
    if hasattr(file, "read"):
        fid, own = file, False
    else:
        fid, own = open(os.fspath(file), "rb"), True
    try:
        prefix = _read_prefix(fid)
        if not prefix:
            raise EOFError("No data left in file")
        if prefix.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            # a zip archive (taken for a .npz): the NpzFile owns a file it was given a name of
            npz = NpzFile(_rewound(fid, prefix, whole=True), own_fid=own,
                          allow_pickle=allow_pickle, pickle_kwargs=pickle_kwargs,
                          max_header_size=max_header_size)
            own = False
            return npz
        if prefix == MAGIC:
            if allow_pickle:
                max_header_size = 2**64     # the file is trusted: NumPy ignores the limit
            if mmap_mode:
                # NumPy maps the file by its name (an open file is refused there)
                from .lib.format import open_memmap
                return open_memmap(file, mode=mmap_mode, max_header_size=max_header_size)
            return _load_after_magic(fid, allow_pickle, max_header_size, pickle_kwargs)
        if not allow_pickle:
            raise ValueError("This file contains pickled (object) data. If you trust the file "
                             "you can load it unsafely using the `allow_pickle=` keyword "
                             "argument or `pickle.load()`.")
        import pickle
        try:
            return pickle.load(_rewound(fid, prefix), **pickle_kwargs)
        except Exception as e:
            raise pickle.UnpicklingError(f"Failed to interpret file {file!r} as a pickle") from e
    finally:
        if own:
            fid.close()


def _read_prefix(f):
    """Up to len(MAGIC) bytes from the start (fewer only at the end of the data)."""
    prefix = bytearray()
    while len(prefix) < len(MAGIC):
        chunk = _read_some(f, len(MAGIC) - len(prefix))
        if not chunk:
            break
        prefix += chunk
    return bytes(prefix)


def _rewound(f, prefix, whole=False):
    """The stream as it was before its prefix was read: the stream itself moved back where it
    can seek (NumPy's way), else the prefix put in front of the rest -- in memory when
    ``whole`` (zipfile needs to seek), else read lazily."""
    seekable = getattr(f, "seekable", None)
    try:
        can_seek = seekable() if seekable is not None else hasattr(f, "seek")
    except (OSError, ValueError):
        can_seek = False
    if can_seek:
        f.seek(-len(prefix), 1)
        return f
    if whole:
        return io.BytesIO(prefix + _read_all(f))
    return _Prefixed(prefix, f)


def _read_all(f):
    parts = []
    while True:
        chunk = _read_some(f, _CHUNK)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)


class _Prefixed:
    """A stream with bytes already read from it put back in front (for pickle.load on a
    stream that cannot seek back)."""

    def __init__(self, prefix, f):
        self._head = bytes(prefix)
        self._f = f

    def read(self, n=-1):
        if n is None or n < 0:
            out, self._head = self._head + _read_all(self._f), b""
            return out
        out, self._head = self._head[:n], self._head[n:]
        while len(out) < n:
            chunk = _read_some(self._f, n - len(out))
            if not chunk:
                break
            out += chunk
        return out

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, limit=-1):
        out = bytearray()
        while limit < 0 or len(out) < limit:
            c = self.read(1)
            if not c:
                break
            out += c
            if c == b"\n":
                break
        return bytes(out)


def _load_after_magic(f, allow_pickle, max_header_size, pickle_kwargs=None):
    """The array of a .npy file whose magic string has just been read from ``f``."""
    rest = bytearray()
    while len(rest) < 2:
        chunk = _read_some(f, 2 - len(rest))
        if not chunk:
            raise ValueError(f"EOF: reading magic string, expected {len(MAGIC) + 2} bytes "
                             f"got {len(MAGIC) + len(rest)}")
        rest += chunk
    version = (rest[0], rest[1])
    if version not in _HEADER_SIZE_INFO:
        raise ValueError(f"we only support format version (1,0), (2,0), and (3,0), "
                         f"not {version}")
    return _load_after_version(f, version, allow_pickle, max_header_size, pickle_kwargs)


def _load_after_version(f, version, allow_pickle, max_header_size, pickle_kwargs=None):
    """The array of a .npy file whose magic string and version have just been read."""
    text = _read_header_text(f, version, max_header_size)
    descr, fortran, shape = _parse_header(text, version)
    try:
        dtype, hasobject = _header_dtype(descr), False
    except _ObjectDescr:
        dtype, hasobject = None, True
    if dtype is not None and dtype.hasobject:
        dtype, hasobject = None, True

    # NumPy converts the shape to C integers first: OverflowError for a dimension outside
    # [-2**63, 2**64).
    if any(not -2**63 <= n < 2**64 for n in shape):
        raise OverflowError(f"shape {shape!r} has a dimension too large for a "
                                      f"C integer")
    if hasobject:
        if not allow_pickle:
            raise ValueError("Object arrays cannot be loaded when allow_pickle=False")
        # The data is a pickle of the array (NumPy's or rumpy's), as NumPy writes it.
        import pickle
        try:
            obj = pickle.load(f, **(pickle_kwargs or {}))
        except EOFError:
            raise ValueError("EOF: reading array data failed") from None
        return obj if isinstance(obj, _core.ndarray) else _core.asanyarray(obj)
    if any(n < 0 for n in shape):
        raise ValueError(f"negative dimensions are not allowed: {shape!r}")
    if len(shape) > _MAX_DIMS:
        raise ValueError(f"maximum supported dimension for an ndarray is currently "
                         f"{_MAX_DIMS}, found {len(shape)}")
    count = 1
    nonzero = dtype.itemsize or 1
    for n in shape:
        count *= n
        nonzero *= n or 1
    if nonzero > sys.maxsize or count > sys.maxsize:
        raise ValueError(f"array is too big: shape {shape!r} of {dtype} is larger than the "
                         f"maximum possible size")
    base = dtype
    if dtype.subdtype is not None:
        # NumPy reads `count` items of the subarray type, which gives count * prod(sub)
        # elements of its base type; the shape must hold exactly that many.
        base, sub = dtype.subdtype
        per = 1
        for n in sub:
            per *= n
        if count * per != count:
            raise ValueError(f"Failed to read all data for array. Expected {shape} = {count} "
                             f"elements, the {dtype} descr gives {count * per}")
    nbytes = count * dtype.itemsize
    data = _read_data(f, nbytes) if nbytes else None
    if any(isinstance(n, bool) for n in shape):
        raise TypeError("an integer is required (the header's shape holds a bool)")
    if nbytes:
        flat = _core.frombuffer(data, dtype=base)
    else:
        flat = _core.empty((count,), dtype=base)
    if fortran:
        return flat.reshape(shape[::-1]).T
    return flat.reshape(shape)


# ---------------------------------------------------------------------------------------------
# .npz archives: a zip file of .npy members, named after the arrays, as NumPy lays them out
# (``arr_0.npy``... for positional arrays after the keyword ones, ZIP_STORED or ZIP_DEFLATED,
# every member forced to zip64). Each member is written by the .npy writer above and read by
# the .npy reader above, lazily, member by member.
# ---------------------------------------------------------------------------------------------

def savez(file, *args, allow_pickle=True, **kwds):
    """Save several arrays into a single file in uncompressed ``.npz`` format.

    Arrays given as keyword arguments are stored under their names; positional ones as
    ``arr_0``, ``arr_1``... (``.npz`` is appended to a file name without it). A file name is
    written through a temporary file renamed at the end, so a failure half way leaves any
    old file intact.

    Parameters
    ----------
    file : file, str, or pathlib.Path
        The file name or an open binary file object.
    args : array_like
        Arrays to save under the names ``arr_0``, ``arr_1``...
    allow_pickle : bool, optional
        Allow saving object arrays with pickle. Default: True.
    kwds : array_like
        Arrays to save under their keyword names.

    Examples
    --------
    >>> import io
    >>> import rumpy as rp
    >>> f = io.BytesIO()
    >>> rp.savez(f, rp.arange(3), y=rp.ones(2))
    >>> _ = f.seek(0)
    >>> with rp.load(f) as npz:
    ...     print(npz.files, npz["arr_0"])
    ['y', 'arr_0'] [0 1 2]
    """
    _savez(file, args, kwds, False, allow_pickle=allow_pickle)


def savez_compressed(file, *args, allow_pickle=True, **kwds):
    """Save several arrays into a single file in compressed ``.npz`` format.

    As ``savez``, with the members compressed (``zipfile.ZIP_DEFLATED``).

    Parameters
    ----------
    file : file, str, or pathlib.Path
        The file name or an open binary file object.
    args : array_like
        Arrays to save under the names ``arr_0``, ``arr_1``...
    allow_pickle : bool, optional
        Allow saving object arrays with pickle. Default: True.
    kwds : array_like
        Arrays to save under their keyword names.

    Examples
    --------
    >>> import io
    >>> import rumpy as rp
    >>> f = io.BytesIO()
    >>> rp.savez_compressed(f, a=rp.zeros(1000))
    >>> _ = f.seek(0)
    >>> rp.load(f)["a"].shape
    (1000,)
    """
    _savez(file, args, kwds, True, allow_pickle=allow_pickle)


def _savez(file, args, kwds, compress, allow_pickle=True, pickle_kwargs=None):
    import zipfile
    if not hasattr(file, "write"):
        file = os.fspath(file)
        if not file.endswith(".npz"):
            file = file + ".npz"
    namedict = kwds
    for i, val in enumerate(args):
        key = "arr_%d" % i
        if key in namedict.keys():
            raise ValueError(f"Cannot use un-named variables and keyword {key}")
        namedict[key] = val
    compression = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED

    def write(fobj):
        zipf = zipfile_factory(fobj, mode="w", compression=compression)
        try:
            for key, val in namedict.items():
                fname = key + ".npy"
                val = _core.asanyarray(val)
                # always force zip64, gh-10776
                with zipf.open(fname, "w", force_zip64=True) as fid:
                    _write_checked(fid, val, allow_pickle)
        finally:
            zipf.close()

    if hasattr(file, "write"):
        write(file)
    else:
        _write_file_safely(file, write)


def zipfile_factory(file, *args, **kwargs):
    """A ``zipfile.ZipFile`` of a file name, path or file object, allowing zip64."""
    if not hasattr(file, "read"):
        file = os.fspath(file)
    import zipfile
    kwargs["allowZip64"] = True
    return zipfile.ZipFile(file, *args, **kwargs)


class BagObj:
    """Attribute access to the items of an object: ``BagObj(npz).x`` is ``npz["x"]``.

    It holds only a weak reference, so an ``NpzFile`` is freed by reference counting."""

    def __init__(self, obj):
        import weakref
        self._obj = weakref.proxy(obj)

    def __getattribute__(self, key):
        try:
            return object.__getattribute__(self, "_obj")[key]
        except KeyError:
            raise AttributeError(key) from None

    def __dir__(self):
        return list(object.__getattribute__(self, "_obj").keys())


class NpzFile(Mapping):
    """NpzFile(fid)

    A dictionary-like view of a ``.npz`` archive whose arrays are read lazily, on
    ``npz["key"]`` or ``npz.f.key``. ``files`` lists the members without their ``.npy``
    suffix; a key may be given with or without it. A member that is not a ``.npy`` file is
    returned as its bytes. Close it (or use it as a context manager) to release the file.

    Attributes
    ----------
    files : list of str
        The members of the archive, without ``.npy`` suffixes.
    zip : zipfile.ZipFile
        The archive.
    f : BagObj
        Attribute access to the members.
    allow_pickle : bool
        Whether object arrays may be loaded (with pickle). Default: False.
    pickle_kwargs : dict or None
        Keyword arguments for ``pickle.load``.
    max_header_size : int
        Largest .npy header accepted (ignored when ``allow_pickle`` is true).

    Parameters
    ----------
    fid : file, str, or pathlib.Path
        The archive.
    own_fid : bool, optional
        Whether closing the NpzFile closes ``fid``.

    Examples
    --------
    >>> import io
    >>> import rumpy as rp
    >>> f = io.BytesIO()
    >>> rp.savez(f, x=rp.arange(4), y=rp.zeros(2))
    >>> _ = f.seek(0)
    >>> npz = rp.load(f)
    >>> npz
    NpzFile 'object' with keys: x, y
    >>> npz.f.x
    array([0, 1, 2, 3])
    >>> npz.close()
    """
    # Make __exit__ and __del__ safe if opening the archive raises
    zip = None
    fid = None
    _MAX_REPR_ARRAY_COUNT = 5

    def __init__(self, fid, own_fid=False, allow_pickle=False, pickle_kwargs=None, *,
                 max_header_size=_MAX_HEADER_SIZE):
        _zip = zipfile_factory(fid)
        _files = _zip.namelist()
        self.files = [name.removesuffix(".npy") for name in _files]
        self._files = dict(zip(self.files, _files))
        self._files.update(zip(_files, _files))
        self.allow_pickle = allow_pickle
        self.max_header_size = max_header_size
        self.pickle_kwargs = pickle_kwargs
        self.zip = _zip
        self.f = BagObj(self)
        if own_fid:
            self.fid = fid

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def close(self):
        """Close the file."""
        if self.zip is not None:
            self.zip.close()
            self.zip = None
        if self.fid is not None:
            self.fid.close()
            self.fid = None
        self.f = None  # break reference cycle

    def __del__(self):
        self.close()

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, key):
        try:
            key = self._files[key]
        except KeyError:
            raise KeyError(f"{key} is not a file in the archive") from None
        import zipfile
        info = self.zip.getinfo(key)
        with self.zip.open(key) as member:
            archive = _archive_size(self.zip)
            if (info.compress_type == zipfile.ZIP_STORED and member.seekable()
                    and archive is not None and info.file_size <= archive):
                # a stored member's size is bounded by the archive's: its data can be read
                # straight into the array (a deflated one's size could be a lie)
                member._rumpy_size = info.file_size
            magic = member.read(len(MAGIC))
            if magic == MAGIC:
                max_header_size = 2**64 if self.allow_pickle else self.max_header_size
                return _load_after_magic(member, self.allow_pickle, max_header_size,
                                         self.pickle_kwargs)
            member.seek(0)
            return member.read()

    def __contains__(self, key):
        return key in self._files

    def __repr__(self):
        if isinstance(self.fid, str):
            filename = self.fid
        else:
            filename = getattr(self.fid, "name", "object")
        array_names = ", ".join(self.files[:self._MAX_REPR_ARRAY_COUNT])
        if len(self.files) > self._MAX_REPR_ARRAY_COUNT:
            array_names += "..."
        return f"NpzFile {filename!r} with keys: {array_names}"

    def get(self, key, default=None, /):
        """D.get(k[,d]) returns D[k] if k in D, else d.  d defaults to None."""
        return Mapping.get(self, key, default)

    def items(self):
        """D.items() returns a set-like object providing a view on the items."""
        return Mapping.items(self)

    def keys(self):
        """D.keys() returns a set-like object providing a view on the keys."""
        return Mapping.keys(self)

    def values(self):
        """D.values() returns a set-like object providing a view on the values."""
        return Mapping.values(self)


# ---------------------------------------------------------------------------------------------
# Raw files: ``ndarray.tofile`` and ``fromfile``. NumPy works on a C ``FILE*`` opened on a
# duplicate of the Python file's descriptor, positioned at the file object's ``tell()``, and
# moves the file object to where the ``FILE*`` stopped afterwards; so does this, with ``os``
# calls on the duplicate descriptor (a file object without ``fileno()``, such as BytesIO, is
# refused as NumPy refuses it). The binary data is the items' bytes in C order. The text form
# is NumPy's too: written as ``format % item`` joined by ``sep``; read as NumPy's C scanners
# (fscanf for integers, its own number reader for floats and complex numbers) and separator
# matcher read it, character for character, so that the values, the errors and the file
# position after a read are NumPy's.
# ---------------------------------------------------------------------------------------------

_FDOPEN_FAILED = ("Getting a FILE* from a Python file object via _fdopen failed. If you built "
                  "NumPy, you probably linked with the wrong debug/release runtime")
_TOO_BIG = ("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum "
            "possible size.")


def _c_string(value, func, position):
    """A ``str`` argument as C's "s" format takes it: its UTF-8 bytes."""
    if not isinstance(value, str):
        raise TypeError(f"{func}() argument {position} must be str, not "
                        f"{type(value).__name__}")
    if "\0" in value:
        raise ValueError("embedded null character")
    return value.encode("utf-8")


def _c_integer(value, bits, what):
    value = _index(value)
    if not -2**(bits - 1) <= value < 2**(bits - 1):
        raise OverflowError(f"Python int too large to convert to C {what}")
    return value


def _index(value):
    import operator
    return operator.index(value)


def _file_descriptor(file):
    """CPython's PyObject_AsFileDescriptor."""
    if isinstance(file, int):
        fd = file
    else:
        fileno = getattr(file, "fileno", None)
        if fileno is None:
            raise TypeError("argument must be an int, or have a fileno() method.")
        fd = fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({fd})")
    return fd


def _tell(fd):
    try:
        return os.lseek(fd, 0, os.SEEK_CUR)
    except OSError:
        return -1


class _CFile:
    """NumPy's npy_PyFile_Dup2 and npy_PyFile_DupClose2: a duplicate descriptor of the file
    object's, at the object's position; ``close`` puts the object where the duplicate is."""

    def __init__(self, file, writing):
        file.flush()
        fd = os.dup(_file_descriptor(file))
        try:
            try:
                import fcntl
                access = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE
            except (ImportError, OSError):
                access = os.O_RDWR
            if access not in (os.O_RDWR, os.O_WRONLY if writing else os.O_RDONLY):
                raise OSError(_FDOPEN_FAILED)
            self.orig = _tell(fd)
            if self.orig == -1:
                if not isinstance(file, io.RawIOBase):
                    raise OSError("obtaining file position failed")
            else:
                pos = _c_integer(file.tell(), 64, "long long")
                try:
                    os.lseek(fd, pos, os.SEEK_SET)
                except OSError:
                    raise OSError("seeking file failed") from None
        except BaseException:
            os.close(fd)
            raise
        self.file = file
        self.fd = fd

    def close(self):
        position = _tell(self.fd)
        os.close(self.fd)
        try:
            os.lseek(_file_descriptor(self.file), self.orig, os.SEEK_SET)
        except OSError:
            if isinstance(self.file, io.RawIOBase):
                return
            raise OSError("seeking file failed") from None
        if position == -1:
            raise OSError("obtaining file position failed")
        self.file.seek(position, 0)


def _with_cfile(file, mode, work):
    """Run ``work(fd)`` on NumPy's duplicate of ``file`` (a name or path opened in ``mode``
    and closed afterwards, or an open file object)."""
    if isinstance(file, os.PathLike):
        file = os.fspath(file)
    own = isinstance(file, (str, bytes))
    if own:
        file = open(file, mode)
    try:
        cfile = _CFile(file, mode == "wb")
        try:
            return work(cfile.fd)
        finally:
            cfile.close()
    finally:
        if own:
            file.close()


def _write_all(fd, data):
    with memoryview(data) as view:
        if view.nbytes == 0:
            return
        rest = view.cast("B")
        while len(rest):
            n = os.write(fd, rest)
            rest = rest[n:]


def _c_order_chunks(arr):
    """The array's bytes in C order, in pieces of about 16 MiB (no copy of a C-contiguous
    array with a buffer format)."""
    if arr.flags.c_contiguous:
        try:
            data = memoryview(arr)
        except (TypeError, ValueError):     # times have no buffer format
            data = arr.tobytes()
        yield data
        return
    rows = arr.shape[0]
    row = arr.nbytes // rows
    step = max(1, (16 << 20) // max(row, 1))
    for i in range(0, rows, step):
        yield arr[i:i + step].tobytes()


def _method_tofile(self, file, sep="", format="%s"):
    """Write the array to a file as text or binary (default).

    The items are written in C order whatever the array's layout. In binary mode (``sep``
    empty) they are their raw bytes, with no header: byte order and dtype are not kept. In
    text mode each is written as ``format % item``, separated by ``sep``.

    Parameters
    ----------
    file : file, str, or pathlib.Path
        An open file object (with a file descriptor) or a file name. An open file is written
        at its current position and left after the data.
    sep : str
        Separator between items in text mode; "" (the default) writes binary.
    format : str
        Format string of an item in text mode.

    Examples
    --------
    >>> import os, tempfile
    >>> import rumpy as rp
    >>> path = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> rp.arange(4).tofile(path, sep=",")
    >>> open(path).read()
    '0,1,2,3'
    """
    sep = _c_string(sep, "tofile", 2)
    format = _c_string(format, "tofile", 3).decode("utf-8")
    arr = self

    def work(fd):
        if not sep:
            if arr.dtype.hasobject:
                raise OSError("cannot write object arrays to a file in binary mode")
            if arr.dtype.itemsize == 0:
                return
            for chunk in _c_order_chunks(arr):
                _write_all(fd, chunk)
            return
        flat = arr.reshape(-1)
        n = flat.shape[0]
        step = 1 << 16
        for start in range(0, n, step):
            items = flat[start:start + step].tolist()
            text = sep.join((format % (x,) if format else str(x)).encode("ascii")
                            for x in items)
            _write_all(fd, text + sep if start + step < n else text)

    _with_cfile(file, "wb", work)


_method_tofile.__name__ = "tofile"


def _method_dump(self, file, protocol=2):
    """Pickle the array to a file (a name, path or binary file object); read it back with
    ``pickle.load`` or ``rumpy.load(..., allow_pickle=True)``.

    Examples
    --------
    >>> import io, pickle
    >>> import rumpy as rp
    >>> f = io.BytesIO()
    >>> rp.arange(3).dump(f)
    >>> _ = f.seek(0)
    >>> pickle.load(f)
    array([0, 1, 2])
    """
    import pickle
    if hasattr(file, "write"):
        pickle.dump(self, file, protocol=protocol)
        return
    with open(os.fspath(file), "wb") as f:
        pickle.dump(self, f, protocol=protocol)


_method_dump.__name__ = "dump"


def _method_dumps(self, protocol=2):
    """The array pickled, as bytes (``pickle.loads`` gives it back).

    Examples
    --------
    >>> import pickle
    >>> import rumpy as rp
    >>> pickle.loads(rp.arange(3).dumps())
    array([0, 1, 2])
    """
    import pickle
    return pickle.dumps(self, protocol=protocol)


_method_dumps.__name__ = "dumps"


def fromfile(file, dtype=None, count=-1, sep="", offset=0, *, like=None):
    """Construct an array from the data of a text or binary file.

    Binary mode (``sep`` empty) reads raw items of ``dtype``; text mode reads numbers
    separated by ``sep`` (where whitespace matches any run of whitespace, and whitespace
    around the separator is allowed). An open file is read from its current position and
    left after the data read.

    Parameters
    ----------
    file : file, str, or pathlib.Path
        An open file object (with a file descriptor) or a file name.
    dtype : data-type
        Type of the items; float64 by default.
    count : int
        Number of items to read; -1 (the default) reads to the end of the file.
    sep : str
        Separator of text mode; "" (the default) reads binary.
    offset : int
        Bytes to skip from the current position first (binary mode only).
    like : array_like, optional
        Another library's array: the call is handed to it (NEP 35).

    Returns
    -------
    ndarray
        One-dimensional (with a subarray dtype's dimensions after the first).

    Examples
    --------
    >>> import os, tempfile
    >>> import rumpy as rp
    >>> path = os.path.join(tempfile.mkdtemp(), "a.bin")
    >>> rp.arange(5, dtype=rp.int16).tofile(path)
    >>> rp.fromfile(path, dtype=rp.int16, count=3, offset=2)
    array([1, 2, 3], dtype=int16)
    """
    dt = _core.dtype("float64" if dtype is None else dtype)
    count = _c_integer(count, 64, "ssize_t")
    sep = _c_string(sep, "fromfile", 4)
    offset = _c_integer(offset, 64, "long")
    if like is not None and not isinstance(like, _core.ndarray):
        # Another library's object (NEP 35): NumPy's fromfile hands the call to it.
        if not hasattr(like, "__array_function__"):
            raise TypeError("The `like` argument must be an array-like that implements the "
                            "`__array_function__` protocol.")
        import numpy
        return numpy.fromfile(file, dtype, count, sep.decode("utf-8"), offset, like=like)
    if isinstance(file, os.PathLike):
        file = os.fspath(file)
    if offset != 0 and sep:
        raise TypeError("'offset' argument only permitted for binary files")

    def work(fd):
        os.lseek(fd, offset, os.SEEK_CUR)
        return _from_fd(fd, dt, count, sep)

    return _with_cfile(file, "rb", work)


def _new_size_check(num, dt):
    """NumPy's checks when it makes the (num,)-shaped array it reads into."""
    if num < 0:
        raise ValueError("negative dimensions are not allowed")
    if num * dt.itemsize > sys.maxsize:
        raise ValueError(_TOO_BIG)


def _from_fd(fd, dt, num, sep):
    if dt.hasobject:
        raise ValueError("Cannot read into object array")
    if dt.itemsize == 0:
        return _core.empty((num,), dtype=dt)
    if not sep:
        return _from_binary(fd, dt, num)
    if not _scannable(dt):
        raise ValueError("Unable to read character files of that array type")
    if num >= 0:
        _new_size_check(num, dt)
    scanner = _Scanner(fd)
    try:
        values = scanner.read_all(dt, num, sep)
    finally:
        os.lseek(fd, scanner.tell(), os.SEEK_SET)
    return _text_values_to_array(values, dt)


def _from_binary(fd, dt, num):
    elsize = dt.itemsize
    if num < 0:
        try:
            start = os.lseek(fd, 0, os.SEEK_CUR)
            end = os.lseek(fd, 0, os.SEEK_END)
            os.lseek(fd, start, os.SEEK_SET)
        except OSError:
            raise OSError("could not seek in file") from None
        numbytes = end - start
        num = numbytes // elsize if numbytes >= 0 else -(-numbytes // elsize)
    _new_size_check(num, dt)
    left = _regular_left(fd)
    if left is not None and elsize and dt.names is None and not dt.hasobject:
        # straight into the array's memory: bytes the file does not hold are not allocated
        nbytes = max(0, min(num * elsize, left))
        arr = _core.empty((-(-nbytes // elsize),), dtype=dt)
        with memoryview(arr.view(_core.dtype("uint8"))) as view:
            got = _fill(io.FileIO(fd, "rb", closefd=False).readinto, view[:nbytes])
        return arr[:got // elsize]
    data = _read_fd(fd, num * elsize)
    return _core.frombuffer(data, dtype=dt, count=len(data) // elsize)


def _regular_left(fd):
    """The bytes a regular file holds after the descriptor's position (None for others)."""
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        return st.st_size - os.lseek(fd, 0, os.SEEK_CUR)
    except OSError:
        return None


def _read_fd(fd, want):
    """Up to ``want`` bytes from the descriptor (fewer at its end). Nothing is allocated for
    bytes a regular file does not hold; other files are read in chunks."""
    left = _regular_left(fd)
    raw = io.FileIO(fd, "rb", closefd=False)
    if left is not None:
        data = bytearray(max(0, min(want, left)))
        got = _fill(raw.readinto, memoryview(data))
        if got < len(data):         # the file shrank under us
            del data[got:]
        return data
    data = bytearray()
    while len(data) < want:
        chunk = raw.read(min(_CHUNK, want - len(data)))
        if not chunk:
            break
        data += chunk
    return data


def _scannable(dt):
    """The dtypes NumPy has a text scanner for (its ``scanfunc``)."""
    return (dt.names is None and dt.subdtype is None
            and (dt.kind == "b" or (dt.kind in "iu" and dt.itemsize in (1, 2, 4, 8))
                 or (dt.kind == "f" and dt.itemsize in (2, 4, 8, 16))
                 or (dt.kind == "c" and dt.itemsize in (8, 16))))


def _swab_separator(sep):
    """NumPy's swab_separator: runs of whitespace become one space (a wildcard for any run of
    whitespace), with a space put in front of a separator that does not start with one (and
    one more after a separator that ends with one)."""
    out = bytearray()
    if sep[:1] not in _WS_BYTES:
        out.append(32)
    skip = False
    for ch in sep:
        if ch in _WS:
            if not skip:
                out.append(32)
                skip = True
        else:
            out.append(ch)
            skip = False
    if out and out[-1] == 32:
        out.append(32)
    return bytes(out)


_WS = frozenset(b" \t\n\v\f\r")     # C's isspace in the C locale
_WS_BYTES = {bytes([c]) for c in _WS}
_EOF = -1
_SKIP_WS = re.compile(rb"[ \t\n\v\f\r]*")


def _nested(word):
    """A pattern matching any prefix of ``word``, case-insensitively, as NumPy's
    MATCH_ALPHA_STRING_NOCASE consumes it."""
    out = b""
    for ch in reversed(word):
        out = b"(?:[" + bytes([ch, ch - 32]) + b"]" + out + b")?"
    return out


# read_numberlike_string: what NumPy's float reader takes from the stream (at most 120
# characters): sign, then nan(...), inf(inity) or a mantissa with an exponent, each as far
# as it matches.
_NUMBERLIKE = re.compile(
    rb"[+-]?(?:[nN](?:[aA](?:[nN](?:\([A-Za-z0-9_]*\)?)?)?)?"
    rb"|[iI]" + _nested(b"nfinity") +
    rb"|[0-9]*(?:\.(?:[0-9]+(?:[eE][+-]?[0-9]*)?)?|[eE][+-]?[0-9]*)?)")
_FLOAT_BUFLEN = 120
# what PyOS_string_to_double (strtod) accepts of it
_DECIMAL = re.compile(rb"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DIGITS = re.compile(rb"[0-9]*")


class _Scanner:
    """A read-ahead buffer over a descriptor with C stdio's getc/ungetc, and NumPy's text
    scanners on top of it."""

    def __init__(self, fd):
        self.fd = fd
        self.base = os.lseek(fd, 0, os.SEEK_CUR)     # file position of buf[0]
        self.buf = b""
        self.pos = 0
        self.eof = False
        self.last_eof = False

    def tell(self):
        return self.base + self.pos

    def _more(self):
        if self.eof:
            return False
        chunk = os.read(self.fd, 1 << 16)
        if not chunk:
            self.eof = True
            return False
        self.base += self.pos
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def getc(self):
        if self.pos >= len(self.buf) and not self._more():
            self.last_eof = True
            return _EOF
        self.last_eof = False
        c = self.buf[self.pos]
        self.pos += 1
        return c

    def ungetc(self, c):
        if c == _EOF:
            return
        if self.last_eof:           # pushed back at the end: the position moves back
            self.buf = self.buf[:self.pos] + bytes([c]) + self.buf[self.pos:]
            self.base -= 1
        elif self.buf[self.pos - 1] == c:
            self.pos -= 1
        else:                       # a different character pushed back in place of the last
            self.buf = self.buf[:self.pos - 1] + bytes([c]) + self.buf[self.pos:]
            self.pos -= 1
        self.last_eof = False

    def skip_ws(self):
        """Consume whitespace (any amount, read as it comes)."""
        while True:
            self.pos = _SKIP_WS.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or not self._more():
                return

    def window(self, pattern, width):
        """``pattern`` matched within the next ``width`` characters (read ahead as needed)."""
        while len(self.buf) - self.pos <= width and self._more():
            pass
        return pattern.match(self.buf, self.pos, self.pos + width)

    # -- NumPy's scanners: (1, value), (0, None) for no number, (_EOF, None) at the end

    def numberlike(self):
        """read_numberlike_string."""
        if self.getc() == _EOF:
            return _EOF, b""
        self.pos -= 1
        self.skip_ws()
        token = self.window(_NUMBERLIKE, _FLOAT_BUFLEN + 1).group()[:_FLOAT_BUFLEN]
        self.pos += len(token)
        return (1 if token else 0), token

    def ftolf(self, text=False):
        """NumPyOS_ascii_ftolf: a float (or, with ``text``, the decimal text strtold would
        read, for long doubles)."""
        r, token = self.numberlike()
        if r != 1:
            return r, None
        p = token[1:] if token[:1] in (b"+", b"-") else token
        if p[:3].lower() == b"nan":
            return 1, ("nan" if text else float("nan"))
        if p[:3].lower() == b"inf":
            neg = token[:1] == b"-"
            return 1, (("-inf" if neg else "inf") if text else
                       (float("-inf") if neg else float("inf")))
        m = _DECIMAL.match(token)
        if m is None:
            return 0, None
        return 1, (m.group().decode("ascii") if text else float(m.group()))

    def scan_int(self, signed, bits):
        """glibc's fscanf("%d") (or "%u") into a C integer of ``bits`` bits: the number is
        read as a C long (saturating), then cut to the integer's width."""
        self.skip_ws()
        if self.getc() == _EOF:
            return _EOF, None
        self.pos -= 1
        sign = self.buf[self.pos]
        if sign in (43, 45):                # '+', '-'
            self.pos += 1
        digits = found = b""
        while True:                         # any number of digits, read as they come
            run = _DIGITS.match(self.buf, self.pos).group()
            if run:
                found = run
                # the leading 25 significant digits decide the saturated value
                digits = (digits + run).lstrip(b"0")[:25]
                self.pos += len(run)
            if self.pos < len(self.buf) or not self._more():
                break
        if not found:
            return 0, None
        v = int(digits or b"0")
        if signed:
            v = max(-2**63, min(2**63 - 1, -v if sign == 45 else v))
        else:
            v = 2**64 - 1 if v >= 2**64 else (-v) % 2**64 if sign == 45 else v
        v &= (1 << bits) - 1
        if signed and v >= 1 << (bits - 1):
            v -= 1 << bits
        return 1, v

    def scan_bool(self):
        r, v = self.ftolf()
        return r, (v != 0.0 if r == 1 else None)

    def _peek_char(self):
        c = self.getc()
        return _EOF if c == 0xFF else c     # stored in a C char: byte 255 reads as EOF

    def scan_complex(self):
        """CDOUBLE_scan: ``a``, ``a+bj``, ``a-bj`` or ``bj``."""
        r, real = self.ftolf()
        nxt = self._peek_char()
        if nxt in (43, 45):                 # '+', '-'
            self.ungetc(nxt)
            ri, imag = self.ftolf()
            nxt = self._peek_char()
            if ri == 1 and nxt == 106:      # 'j'
                value = (real, imag)
            else:
                value = (real, 0.0)
                self.ungetc(97)             # 'a': makes the rest unmatched
        elif nxt == 106:
            value = (0.0, real)
        else:
            value = (real, 0.0)
            self.ungetc(nxt)
        return r, (complex(*value) if r == 1 else None)

    def skip_separator(self, sep):
        """fromfile_skip_separator: 0 when matched, -1 at the end, -2 when not matched."""
        i = start = 0
        while True:
            c = self.getc()
            if c == _EOF:
                return -1
            if i == len(sep):
                self.ungetc(c)
                return 0 if i != start else -2
            s = sep[i]
            if s == 32:                     # whitespace wildcard
                if c not in _WS:
                    i += 1
                    start += 1
                    self.ungetc(c)
                elif i == start:
                    start -= 1
            elif s != c:
                self.ungetc(c)
                return -2
            else:
                i += 1

    def read_all(self, dt, num, sep):
        """array_from_text: the values read (ValueError on unmatched data)."""
        kind = dt.kind
        if kind == "b":
            scan = self.scan_bool
        elif kind in "iu":
            def scan(signed=kind == "i", bits=8 * dt.itemsize):
                return self.scan_int(signed, bits)
        elif kind == "c":
            scan = self.scan_complex
        elif dt.itemsize == 16:
            def scan():
                return self.ftolf(text=True)
        else:
            scan = self.ftolf
        clean = _swab_separator(sep)
        values = []
        flag = 0
        i = 0
        while num < 0 or i < num:
            r, v = scan()
            if r != 1:
                flag = -1 if r == _EOF else -2
                break
            values.append(v)
            flag = self.skip_separator(clean)
            if flag < 0:
                if num == i + 1:
                    flag = -1
                break
            i += 1
        if flag == -2:
            raise ValueError("string or file could not be read to its end due to unmatched "
                             "data")
        return values


def _half_bytes(values):
    """npy_double_to_half of each value (correctly rounded; inf beyond float16's range)."""
    import struct
    out = bytearray()
    for x in values:
        try:
            out += struct.pack("<e", x)
        except OverflowError:
            out += b"\x00\x7c" if x > 0 else b"\x00\xfc"
    return out


def _text_values_to_array(values, dt):
    native = dt.newbyteorder("=") if dt.byteorder not in "=|" else dt
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if dt.kind == "f" and dt.itemsize == 2:
            arr = _core.frombuffer(_half_bytes(values), dtype="<f2").astype(native)
        elif dt.kind == "f" and dt.itemsize == 16:     # from the decimal text, as strtold
            arr = (_core.array(values, dtype="U").astype(native) if values
                   else _core.empty((0,), dtype=native))
        elif dt.kind in "fc":           # C casts from double, as NumPy's scanners store them
            wide = "float64" if dt.kind == "f" else "complex128"
            arr = _core.array(values, dtype=wide).astype(native)
        else:
            arr = _core.array(values, dtype=native)
    # NumPy's scanners store native values whatever the byte order asked for
    return arr.view(dt) if native is not dt else arr


# ---------------------------------------------------------------------------------------------
# savetxt: numpy's rules (plans/textio-notes.md, section 8): one line per row, Python's `%`
# formatting of numpy's scalars, header and footer behind the comment marker.
# ---------------------------------------------------------------------------------------------

# dtypes whose items Python's `%` formats as numpy's scalars: their Python values (tolist) print
# the same, and go much faster than one rumpy scalar per item
_PLAIN_KINDS = "biu"


def _rows_of(X):
    """The rows of a 1-D or 2-D array as tuples of items that `%` formats as numpy's."""
    if X.dtype.names is None and (X.dtype.kind in _PLAIN_KINDS
                                  or X.dtype in ("float64", "complex128")):
        data = X.tolist()
        if X.ndim == 1:
            return ((v,) for v in data)
        return (tuple(r) for r in data)
    if X.ndim == 1:
        if X.dtype.names is not None:
            return (tuple(X[i][n] for n in X.dtype.names) for i in range(X.shape[0]))
        return ((X[i],) for i in range(X.shape[0]))
    return (tuple(X[i, j] for j in range(X.shape[1])) for i in range(X.shape[0]))


class _TextSink:
    """Writes str to a text or binary file object: str first, encoded bytes once the file
    refuses str (numpy's WriteWrap)."""

    def __init__(self, f, encoding):
        self._f = f
        self._encoding = encoding or "latin1"
        self._bytes = False

    def write(self, s):
        if self._bytes:
            self._f.write(s.encode(self._encoding))
            return
        try:
            self._f.write(s)
        except TypeError:
            self._bytes = True
            self._f.write(s.encode(self._encoding))


def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="",
            comments="# ", encoding=None):
    """Save an array to a text file, one line per row.

    Parameters
    ----------
    fname : str, PathLike or file handle
        A file name (``.gz`` is compressed) or an object with ``write`` (given str, or bytes
        in ``encoding`` when it refuses str).
    X : array_like, 1-D or 2-D
        The data (a 1-D array is written as a column; a 1-D structured one a record per line).
    fmt : str or sequence of str
        One format for every column, one per column, or the format of a whole line; complex
        columns get ``' (%s+%sj)'`` of it, as numpy's.
    delimiter, newline : str
        Between columns, and after each line.
    header, footer : str
        Written before and after the data, each line behind ``comments``.
    comments : str
        The marker in front of header and footer lines.
    encoding : str, optional
        The file's encoding (the locale's by default; ``'latin1'`` for byte sinks).

    Examples
    --------
    >>> import io
    >>> import rumpy as rp
    >>> s = io.StringIO()
    >>> rp.savetxt(s, rp.array([[1, 2], [3, 4]]), fmt="%d", delimiter=",")
    >>> s.getvalue()
    '1,2\\n3,4\\n'
    """
    from . import asarray

    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    own = False
    if isinstance(fname, str):
        open(fname, "wt").close()
        if fname.endswith(".gz"):
            import gzip
            fh = gzip.open(fname, "wt", encoding=encoding)
        elif fname.endswith(".bz2"):
            import bz2
            fh = bz2.open(fname, "wt", encoding=encoding)
        elif fname.endswith(".xz"):
            import lzma
            fh = lzma.open(fname, "wt", encoding=encoding)
        else:
            fh = open(fname, "wt", encoding=encoding)
        own = True
        sink = fh
    elif hasattr(fname, "write"):
        fh = fname
        sink = _TextSink(fname, encoding)
    else:
        raise ValueError("fname must be a string or file handle")
    try:
        X = asarray(X)
        if X.ndim == 0 or X.ndim > 2:
            raise ValueError(f"Expected 1D or 2D array, got {X.ndim}D array instead")
        if X.ndim == 1:
            ncol = 1 if X.dtype.names is None else len(X.dtype.names)
        else:
            ncol = X.shape[1]
        iscomplex = X.dtype.kind == "c"
        if type(fmt) in (list, tuple):
            if len(fmt) != ncol:
                raise AttributeError(f"fmt has wrong shape.  {fmt}")
            format = delimiter.join(fmt)
        elif isinstance(fmt, str):
            n = fmt.count("%")
            if n == 1:
                one = f" ({fmt}+{fmt}j)" if iscomplex else fmt
                format = delimiter.join([one] * ncol)
            elif (iscomplex and n != 2 * ncol) or (not iscomplex and n != ncol):
                raise ValueError(f"fmt has wrong number of % formats:  {fmt}")
            else:
                format = fmt
        else:
            raise ValueError(f"invalid fmt: {fmt!r}")
        if len(header) > 0:
            header = header.replace("\n", "\n" + comments)
            sink.write(comments + header + newline)
        if iscomplex:
            for row in _rows_of(X):
                parts = []
                for z in row:
                    parts.append(z.real)
                    parts.append(z.imag)
                sink.write((format % tuple(parts) + newline).replace("+-", "-"))
        else:
            line_format = format + newline.replace("%", "%%")
            rows = _rows_of(X)
            while True:
                # lines go out in batches: one write per thousand rows
                batch = list(itertools.islice(rows, 1024))
                if not batch:
                    break
                try:
                    text = "".join([line_format % row for row in batch])
                except TypeError as e:
                    # the rows before the bad one go out first, as numpy's row by row
                    for row in batch:
                        try:
                            line = line_format % row
                        except TypeError:
                            break
                        sink.write(line)
                    raise TypeError(f"Mismatch between array dtype ('{X.dtype}') and format "
                                    f"specifier ('{format}')") from e
                sink.write(text)
        if len(footer) > 0:
            footer = footer.replace("\n", "\n" + comments)
            sink.write(comments + footer + newline)
    finally:
        if own:
            fh.close()


# ---------------------------------------------------------------------------------------------
# fromstring (text mode) and fromregex: numpy's rules (plans/textio-notes.md, sections 10 and
# 11). fromstring reads the UTF-8 bytes of the string as NumPy's ``fromstr`` parsers do (C's
# strtod for floats, CPython's PyOS_strtol/PyOS_strtoul for integers up to C long, C's
# strtoll for times), with their quirks: integers wrap or saturate instead of failing, an
# element of only whitespace reads as the parser's error value, and reading stops cleanly at
# the end of the string, even inside a separator. Separators match as ``fromfile``'s do (the
# same ``_swab_separator``), with the end of the string in place of the end of the file.
# ---------------------------------------------------------------------------------------------

class _NoValue:
    """The default of an argument that was not given."""

    def __repr__(self):
        return "<no value>"


_NO_SEP = _NoValue()
_UNMATCHED = "string or file could not be read to its end due to unmatched data"
_ULONG_MAX = 2**64 - 1
_LONG_MAX = 2**63 - 1
_NAN = float("nan")
_INF = float("inf")
_FS_WS = rb"[ \t\n\v\f\r]*+"
_FS_DECIMAL = rb"[+-]?+(?:[0-9]++\.?+[0-9]*+|\.[0-9]++)(?:[eE][+-]?+[0-9]++)?+"
_FS_SPECIAL = rb"([+-]?+)(?:(nan)(?:\([A-Za-z0-9_]*+\)?+)?+|inf(?:inity)?+)"
# NumPyOS_ascii_strtod: whitespace, then nan/inf as NumPy spells them, then what
# PyOS_string_to_double reads (a decimal number); group 1: the number, 2: inf's sign, 3: nan
_FS_DOUBLE = re.compile(_FS_WS + rb"(?:(" + _FS_DECIMAL + rb")|" + _FS_SPECIAL + rb")?+", re.I)
# NumPyOS_ascii_strtold: the same, then what glibc's strtold reads (decimal or hexadecimal)
_FS_LONGDOUBLE = re.compile(
    _FS_WS + rb"(?:" + _FS_SPECIAL + rb"|([+-]?+)0x(?:([0-9a-f]++)\.?+([0-9a-f]*+)|\.([0-9a-f]++))"
    rb"(?:p([+-]?+[0-9]++))?+|(" + _FS_DECIMAL + rb"))?+", re.I)
# PyOS_strtol: whitespace, a sign, whitespace again (PyOS_strtoul's), then digits
_FS_LONG = re.compile(_FS_WS + rb"([+-]?+)" + _FS_WS + rb"([0-9]*+)")
_FS_ULONG = re.compile(_FS_WS + rb"([0-9]*+)")                   # PyOS_strtoul: no sign
_FS_LONGLONG = re.compile(_FS_WS + rb"([+-]?+)([0-9]++)")        # strtoll: digits required


def _fs_magnitude(digits):
    """The value of a run of decimal digits, capped just above 2**64 (which is all the C
    parsers need to know of a larger one)."""
    digits = digits.lstrip(b"0")
    if not digits:
        return 0
    return int(digits) if len(digits) <= 21 else 10**21


def _fs_double(data, pos):
    """NumPyOS_ascii_strtod at ``pos``: (value, end). Nothing readable gives -1.0 (the value
    PyOS_string_to_double returns on failure) after the skipped whitespace."""
    m = _FS_DOUBLE.match(data, pos)
    number = m.group(1)
    if number is not None:
        return float(number), m.end()
    if m.group(3) is not None:
        return _NAN, m.end()
    if m.group(2) is not None:
        return (-_INF if m.group(2) == b"-" else _INF), m.end()
    return -1.0, m.end()


def _fs_long(bits):
    """PyOS_strtol, the result cut to a signed integer of ``bits`` bits."""
    mask, top = (1 << bits) - 1, 1 << (bits - 1)

    def parse(data, pos):
        m = _FS_LONG.match(data, pos)
        u = min(_fs_magnitude(m.group(2)), _ULONG_MAX)
        negative = m.group(1) == b"-"
        if u <= _LONG_MAX:
            v = -u if negative else u
        elif negative and u == _LONG_MAX + 1:
            v = -u
        else:                           # overflow: LONG_MAX, whatever the sign
            v = _LONG_MAX
        v &= mask
        return (v - (v & top) * 2), m.end()
    return parse


def _fs_ulong(bits):
    """PyOS_strtoul, the result cut to an unsigned integer of ``bits`` bits."""
    mask = (1 << bits) - 1

    def parse(data, pos):
        m = _FS_ULONG.match(data, pos)
        return min(_fs_magnitude(m.group(1)), _ULONG_MAX) & mask, m.end()
    return parse


def _fs_longlong(data, pos):
    """glibc's strtoll (saturating); nothing read when there are no digits."""
    m = _FS_LONGLONG.match(data, pos)
    if m is None:
        return 0, pos
    u = _fs_magnitude(m.group(2))
    if m.group(1) == b"-":
        return max(-u, -_LONG_MAX - 1), m.end()
    return min(u, _LONG_MAX), m.end()


def _fs_bool(data, pos):
    value, end = _fs_double(data, pos)
    return value != 0.0, end


def _fs_complex(data, pos):
    """CDOUBLE_fromstr: ``a``, ``a+bj``, ``a-bj`` or ``bj``. An imaginary part without its
    ``j`` is dropped but stays read (``'1+2'`` is 1+0j: NumPy's code means to reject it but
    does not)."""
    real, end = _fs_double(data, pos)
    nxt = data[end:end + 1]
    if nxt == b"+" or nxt == b"-":
        imag, end = _fs_double(data, end)
        if data[end:end + 1] == b"j":
            return complex(real, imag), end + 1
        return complex(real, 0.0), end
    if nxt == b"j":
        return complex(0.0, real), end + 1
    return complex(real, 0.0), end


def _fs_longdouble(data, pos):
    """NumPyOS_ascii_strtold: the decimal text strtold reads, ``(negative, mantissa,
    exponent)`` for a hexadecimal number, or "0" (its value) when nothing is readable."""
    m = _FS_LONGDOUBLE.match(data, pos)
    if m.group(8) is not None:
        return m.group(8).decode("ascii"), m.end()
    if m.group(3) is not None:
        whole = m.group(4) or b""
        frac = (m.group(5) if m.group(4) is not None else m.group(6)) or b""
        exp = 0
        if m.group(7) is not None:
            digits = m.group(7).lstrip(b"+-").lstrip(b"0")
            exp = 0 if not digits else int(digits) if len(digits) <= 12 else 10**12
            if m.group(7)[:1] == b"-":
                exp = -exp
        return (m.group(3) == b"-", int(whole + frac or b"0", 16), exp - 4 * len(frac)), m.end()
    if m.group(2) is not None:
        return "nan", m.end()
    if m.group(1) is not None:
        return ("-inf" if m.group(1) == b"-" else "inf"), m.end()
    return "0", m.end()


def _fs_round_x87(mant, exp):
    """``mant * 2**exp`` rounded (to nearest, ties to even) to an x87 long double's 64-bit
    significand, subnormals included: (mantissa below 2**64, exponent), or None past the
    largest finite value."""
    if mant == 0:
        return 0, 0
    top = mant.bit_length() - 1 + exp
    if top >= 16384:
        return None
    lsb = max(top - 63, -16445)         # weight of the last bit kept
    shift = lsb - exp
    if shift > 0:
        if shift > mant.bit_length() + 1:
            return 0, 0
        q = mant >> shift
        rest = mant - (q << shift)
        half = 1 << (shift - 1)
        if rest > half or (rest == half and q & 1):
            q += 1
        mant, exp = q, lsb
        if mant == 1 << 64:
            mant, exp = 1 << 63, exp + 1
        if mant.bit_length() - 1 + exp >= 16384:
            return None
    return mant, exp


def _fs_longdouble_array(values, native):
    """The long doubles of ``_fs_longdouble``'s results: decimal text converted as strtold
    does (correctly rounded), hexadecimal numbers rounded here and scaled exactly."""
    texts, where, mants, exps, signs = [], [], [], [], []
    for i, v in enumerate(values):
        if isinstance(v, str):
            texts.append(v)
            continue
        negative, mant, exp = v
        rounded = _fs_round_x87(mant, exp)
        if rounded is None:
            texts.append("-inf" if negative else "inf")
            continue
        texts.append("0")
        where.append(i)
        mants.append(rounded[0])
        exps.append(rounded[1])
        signs.append(-1.0 if negative else 1.0)
    if not texts:
        return _core.empty((0,), dtype=native)
    arr = _core.array(texts, dtype="U").astype(native)
    if where:
        exact = _core.ldexp(_core.array(mants, dtype="uint64").astype(native),
                            _core.array(exps, dtype="int64"))
        arr[_core.array(where, dtype="intp")] = exact * _core.array(signs).astype(native)
    return arr


def _fs_wrap(bits, signed):
    """A Python int cut to a C integer of ``bits`` bits."""
    mask, top = (1 << bits) - 1, 1 << (bits - 1)
    if signed:
        return lambda t: ((int(t) & mask) ^ top) - top
    return lambda t: int(t) & mask


# The common spelling of each parser's items, with a function of the text matched (group 1)
# that gives what the parser gives for it: the items of a run of these, each followed by a
# separator, are read in bulk (the rest of the string goes through the parser itself).
_FS_FAST_DECIMAL = _FS_WS + rb"(" + _FS_DECIMAL + rb")"
_FS_FAST_SIGNED = _FS_WS + rb"([+-]?+[0-9]{1,18}+)(?![0-9])"
_FS_FAST_UNSIGNED = _FS_WS + rb"([0-9]{1,18}+)(?![0-9])"


def _fs_bool_of_text(t):
    return float(t) != 0.0


def _fs_parser(dt):
    """The dtype's ``fromstr`` (None for those NumPy has none for), and its bulk form (the
    pattern of an item, the function of its text) or None."""
    if dt.names is not None or dt.subdtype is not None:
        return None, None
    kind, size = dt.kind, dt.itemsize
    if kind == "b":
        return _fs_bool, (_FS_FAST_DECIMAL, _fs_bool_of_text)
    if kind == "i" and size in (1, 2, 4, 8):
        return _fs_long(8 * size), (_FS_FAST_SIGNED,
                                    int if size == 8 else _fs_wrap(8 * size, True))
    if kind == "u" and size in (1, 2, 4, 8):
        return _fs_ulong(8 * size), (_FS_FAST_UNSIGNED,
                                     int if size == 8 else _fs_wrap(8 * size, False))
    if kind == "f" and size in (2, 4, 8):
        return _fs_double, (_FS_FAST_DECIMAL, float)
    if kind == "f" and size == 16:
        return _fs_longdouble, None
    if kind == "c" and size in (8, 16):
        return _fs_complex, None
    if kind in "Mm":
        return _fs_longlong, (_FS_FAST_SIGNED, int)
    return None, None


def _fs_separator_regex(clean):
    """A separator made by ``_swab_separator`` as a pattern: each space is any run of
    whitespace, the rest is literal (matching what fromstr_skip_separator reads when it
    finds the whole separator)."""
    if clean.strip(b" ") == b"":        # only whitespace: at least one character of it
        return rb"[ \t\n\v\f\r]++"
    return b"".join(_FS_WS if c == 32 else re.escape(bytes([c])) for c in clean)


def _fs_skip_separator(data, pos, clean):
    """fromstr_skip_separator, character by character: (flag, end) with flag 0 when the
    separator was read, -1 at the end of the string, -2 when it does not match."""
    end = len(data)
    i, start = 0, pos
    while True:
        if pos >= end:
            return -1, pos
        if i == len(clean):
            return (0 if pos != start else -2), pos
        s, c = clean[i], data[pos]
        if s == 32:
            if c not in _WS:
                i += 1
                continue
        elif s != c:
            return -2, pos
        else:
            i += 1
        pos += 1


_FS_CORE_ITEMS = {_FS_FAST_DECIMAL: "float", _FS_FAST_SIGNED: "signed",
                  _FS_FAST_UNSIGNED: "unsigned"}


def _fs_read(data, parse, fast, clean, num, bulk_in_core):
    """array_from_text over a string: (the values of the first run of items and separators
    as an int64 or float64 array, read by the core, or None; the values read after it)."""
    sep_pattern = _fs_separator_regex(clean)
    sep = re.compile(sep_pattern)
    end = len(data)
    head = None
    values = []
    pos = 0
    if fast is not None and num != 0:
        item, convert = fast
        if bulk_in_core:
            head, stop = _core._fromstr_prefix(data, clean, _FS_CORE_ITEMS[item])
            if 0 <= num <= len(head):
                return head[:num], []
        else:
            pair = re.compile(item + sep_pattern)
            stop = re.compile(rb"(?:" + item + sep_pattern + rb")*+").match(data).end()
            if stop:
                values = list(map(convert, pair.findall(data, 0, stop)))
                if 0 <= num <= len(values):
                    return None, values[:num]
        pos = stop
    append = values.append
    flag = 0
    i = len(values) + (0 if head is None else len(head))
    while num < 0 or i < num:
        value, stop = parse(data, pos)
        if stop == pos:                 # nothing read
            flag = -1 if pos >= end else -2
            break
        append(value)
        pos = stop
        m = sep.match(data, stop)
        if m is not None and m.end() > stop and m.end() < end:
            pos = m.end()
        else:
            flag, pos = _fs_skip_separator(data, stop, clean)
            if flag < 0:
                if num == i + 1:        # as many as asked for: the separator is optional
                    flag = -1
                break
        i += 1
    if flag == -2:
        raise ValueError(_UNMATCHED)
    return head, values


def _fs_values_to_array(values, dt, native):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kind = dt.kind
        if isinstance(values, _core.ndarray):
            # the core's int64 or float64 values: the C casts of NumPy's parsers
            return values.view(native) if kind in "Mm" else values.astype(native)
        if kind in "Mm":
            return _core.array(values, dtype="int64").view(native)
        if kind == "f" and dt.itemsize == 16:
            return _fs_longdouble_array(values, native)
        if kind == "f" and dt.itemsize == 2:
            return _core.frombuffer(_half_bytes(values), dtype="<f2").astype(native)
        if kind in "fc":                # C casts from double, as NumPy's parsers store them
            return _core.array(values, dtype="float64" if kind == "f" else "complex128") \
                .astype(native)
        return _core.array(values, dtype=native)


def _tp_name(cls):
    """A type's C name (``tp_name``), as CPython's argument errors print it: the bare name
    for built-in types and classes written in Python, the module's name in front for types
    of extension modules."""
    if cls.__module__ == "builtins":
        return cls.__qualname__
    if cls is not _core.ndarray and cls.__flags__ & (1 << 9):         # a heap type
        module = sys.modules.get(cls.__module__)
        if cls.__module__ == "__main__" or str(getattr(module, "__file__", "")).endswith(".py"):
            return cls.__name__
    return f"{cls.__module__}.{cls.__qualname__}"


def _fs_string_bytes(string):
    """The string as CPython's ``s#`` argument format takes it: a str's UTF-8 bytes, or the
    bytes of a read-only bytes-like object (bytes, or a NumPy array's memory)."""
    if isinstance(string, str):
        return string.encode("utf-8")
    if isinstance(string, bytes):
        return bytes(string)
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(string, numpy.ndarray):
        if not string.flags.c_contiguous:
            raise ValueError("ndarray is not C-contiguous")
        return string.tobytes()
    try:
        memoryview(string).release()
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not "
                        f"'{_tp_name(type(string))}'") from None
    raise TypeError(f"fromstring() argument 1 must be read-only bytes-like object, not "
                    f"{_tp_name(type(string))}")


def fromstring(string, dtype=float, count=-1, sep=_NO_SEP, *, like=None):
    """A new 1-D array from numbers written as text in a string.

    Parameters
    ----------
    string : str or bytes
        The text (a str is read as its UTF-8 bytes).
    dtype : data-type
        Type of the items; float64 by default. Booleans, integers, float16 to long double,
        complex64, complex128, datetime64 and timedelta64 (integer counts of their unit)
        can be read.
    count : int
        Number of items to read; negative (the default) reads them all.
    sep : str
        The separator between items (required: NumPy 2.3 removed the binary mode). Whitespace
        in it matches any run of whitespace (also none), and whitespace is allowed around
        every item.
    like : array_like, optional
        Another library's array: the call is handed to it (NEP 35).

    Returns
    -------
    ndarray
        One-dimensional. When ``count`` is larger than the number of items in the string,
        the array still has ``count`` items and the ones after the data are zero (NumPy
        leaves them uninitialised).

    Raises
    ------
    ValueError
        When ``sep`` is missing or empty, the dtype has no text parser, or the string holds
        something that is neither a number nor a separator where one is expected.

    Notes
    -----
    As NumPy's: integers out of range wrap (``'300'`` read as uint8 is 44) or saturate
    instead of failing, an item of only whitespace reads as the parser's error value
    (``'1, '`` is ``[1., -1.]``), and a separator at the end of the string is ignored.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fromstring("1 2 3", dtype=rp.int64, sep=" ")
    array([1, 2, 3])
    >>> rp.fromstring("1.5, 2.5,", sep=",")
    array([1.5, 2.5])
    """
    data = _fs_string_bytes(string)
    dt = _core.dtype("float64" if dtype is None else dtype)
    num = _c_integer(count, 64, "ssize_t")
    if sep is not _NO_SEP:
        if not isinstance(sep, str):
            raise TypeError("fromstring() argument 4 must be str, not "
                            + ("None" if sep is None else _tp_name(type(sep))))
        sep_bytes = sep.encode("utf-8")
        if b"\0" in sep_bytes:
            raise ValueError("embedded null character")
    if like is not None and not isinstance(like, _core.ndarray):
        # Another library's object (NEP 35): NumPy's fromstring hands the call to it.
        if not hasattr(like, "__array_function__"):
            raise TypeError("The `like` argument must be an array-like that implements the "
                            "`__array_function__` protocol.")
        import numpy
        if sep is _NO_SEP:
            return numpy.fromstring(string, dtype, count, like=like)
        return numpy.fromstring(string, dtype, count, sep, like=like)
    if sep is _NO_SEP or not sep_bytes:
        raise ValueError("The binary mode of fromstring is removed, use frombuffer instead")
    if dt.hasobject:
        raise ValueError("Cannot create an object array from a string")
    if dt.itemsize == 0:
        raise ValueError("zero-valued itemsize")
    parse, fast = _fs_parser(dt)
    if parse is None:
        raise ValueError("don't know how to read character strings with that array type")
    native = dt.newbyteorder("=") if dt.byteorder not in "=|" else dt
    out = None
    if num >= 0:                        # made first, as NumPy's (a count too large fails here)
        _new_size_check(num, dt)
        out = _core.zeros((num,), dtype=native)
    # the core reads the bulk of the numeric types whose items it parses as NumPy does
    in_core = dt.kind in "fiuMm" and fast is not None and fast[0] in _FS_CORE_ITEMS
    head, values = _fs_read(data, parse, fast, _swab_separator(sep_bytes), num, in_core)
    arr = _fs_values_to_array(values, dt, native)
    if head is not None and len(head):
        arr = _core.concatenate([_fs_values_to_array(head, dt, native), arr]) if values \
            else _fs_values_to_array(head, dt, native)
    values = arr
    if out is not None and len(values) < num:
        out[:len(values)] = arr
        arr = out
    # NumPy's parsers store native values whatever the byte order asked for
    return arr.view(dt) if native is not dt else arr


def fromregex(file, regexp, dtype, encoding=None):
    r"""A structured array of the matches of a regular expression in a text file.

    Parameters
    ----------
    file : file, str, or pathlib.Path
        A file name (``.gz``, ``.bz2`` and ``.xz`` files are decompressed) or an object with
        ``read``, which is read whole.
    regexp : str, bytes or compiled pattern
        Its groups are the fields of a record; a pattern without groups gives the whole
        match. A str pattern on a file of bytes is encoded as latin-1.
    dtype : data-type
        A structured dtype. With one group, the matches are converted to the first field's
        type and the result is a view of them as ``dtype``.
    encoding : str, optional
        The encoding of a file opened by name.

    Returns
    -------
    ndarray
        One record per match (NumPy's conversion of the matched strings to the fields).

    Examples
    --------
    >>> import io
    >>> import rumpy as rp
    >>> text = io.StringIO("1312 foo\n1534  bar\n444   qux")
    >>> rp.fromregex(text, r"(\d+)\s+(...)", [("num", rp.int64), ("key", "S3")])
    array([(1312, b'foo'), (1534, b'bar'), ( 444, b'qux')],
          dtype=[('num', '<i8'), ('key', 'S3')])
    """
    own = False
    if not hasattr(file, "read"):
        from ._textio import _open_path
        file = _open_path(os.fspath(file), encoding)
        own = True
    try:
        if not isinstance(dtype, _core.dtype):
            dtype = _core.dtype(dtype)
        if dtype.names is None:
            raise TypeError("dtype must be a structured datatype.")
        content = file.read()
        if isinstance(content, bytes) and isinstance(regexp, str):
            regexp = regexp.encode("latin1")
        if not hasattr(regexp, "match"):
            regexp = re.compile(regexp)
        seq = regexp.findall(content)
        if seq and not isinstance(seq[0], tuple):
            # one group (or none): the values in the first field's type, seen as records
            first = _core.dtype(dtype[dtype.names[0]])
            if first.subdtype is not None:      # each value fills a subarray
                base, shape = first.subdtype
                output = _core.empty((len(seq),) + shape, dtype=base)
                output[...] = _core.array(seq, dtype=base).reshape((-1,) + (1,) * len(shape))
            else:
                output = _core.array(seq, dtype=first)
            if dtype.itemsize > output.dtype.itemsize and \
                    output.shape[-1] * output.dtype.itemsize % dtype.itemsize:
                raise ValueError("When changing to a larger dtype, its size must be a divisor "
                                 "of the total size in bytes of the last axis of the array.")
            return output.view(dtype)
        return _core.array(seq, dtype=dtype)
    finally:
        if own:
            file.close()
