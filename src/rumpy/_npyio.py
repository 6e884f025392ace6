""".npy files: ``save`` and ``load`` in NumPy's format (versions 1.0, 2.0 and 3.0).

The header is NumPy's: the magic string, the version, the header length, then a Python dict
literal with ``descr``, ``fortran_order`` and ``shape``, padded so the data starts on a
64-byte boundary. The data is the array's bytes in C (or Fortran) order, moved through the
buffer protocol without Python-level loops.
"""

import ast
import codecs
import io
import os
import re
import stat
import sys
import tempfile
import warnings

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
    d = {"descr": _descr(arr.dtype), "fortran_order": fortran, "shape": tuple(arr.shape)}
    text = "{" + "".join(f"{k!r}: {v!r}, " for k, v in d.items()) + "}"
    # NumPy leaves room for the growing axis' length to be rewritten in place.
    if arr.shape:
        text += " " * (21 - len(repr(arr.shape[-1 if fortran else 0])))
    for version, len_bytes, enc in (((1, 0), 2, "latin1"), ((2, 0), 4, "latin1"),
                                    ((3, 0), 4, "utf8")):
        try:
            body = text.encode(enc)
        except UnicodeEncodeError:
            continue
        pad = ALIGN - (len(MAGIC) + 2 + len_bytes + len(body) + 1) % ALIGN
        body = body + b" " * (pad % ALIGN) + b"\n"
        if len_bytes == 2 and len(body) > 0xFFFF:
            continue
        return MAGIC + bytes(version) + len(body).to_bytes(len_bytes, "little") + body
    raise ValueError("header does not fit any .npy format version")


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


def save(file, arr, allow_pickle=True, fix_imports=True):
    """Save an array to a .npy file (``.npy`` is appended to a file name without it). A file
    name is written through a temporary file and renamed, so a failed save never leaves a
    half-written file in place of a good one."""
    arr = _core.asarray(arr)
    if arr.dtype.hasobject and not allow_pickle:
        raise ValueError("Object arrays cannot be saved when allow_pickle=False")
    if hasattr(file, "write"):
        _write(file, arr)
        return
    path = os.fspath(file)
    if not path.endswith(".npy"):
        path += ".npy"
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".rumpy-", suffix=".npy.tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            _write(f, arr)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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


def _fill(readinto, view):
    """readinto until the view is full or the stream ends; the number of bytes read."""
    got = 0
    with view:
        while got < len(view):
            k = readinto(view[got:])
            if not k:
                break
            got += k
    return got


def _remaining(f):
    """Bytes left after the current position when that is cheap and reliable to know (a
    regular file, an in-memory buffer); None otherwise (pipes, sockets, compressed streams)."""
    try:
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
        for name in dt.names:
            fdt, offset = dt.fields[name][:2]
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
    data = bytearray(nbytes)
    got = _fill(f.readinto, memoryview(data))
    if got < nbytes:        # the file shrank under us
        raise ValueError(f"EOF: reading array data, expected {nbytes} bytes got {got}")
    return data


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII",
         *, max_header_size=_MAX_HEADER_SIZE):
    """Load an array from a .npy file (a path or a binary file object, which need not be
    seekable). Safe for untrusted files: sizes claimed by the header are checked against the
    data really present before anything is allocated, and headers longer than
    ``max_header_size`` characters are refused unless ``allow_pickle=True`` (which, as in
    NumPy, declares the file trusted). Object arrays are refused: rumpy has no object dtype
    (NumPy refuses them too unless allow_pickle=True). Errors are NumPy's: EOFError for an
    empty file, ValueError for malformed or truncated ones."""
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    if allow_pickle:
        max_header_size = 2**64     # the file is trusted: NumPy ignores the limit
    if hasattr(file, "read"):
        return _load(file, allow_pickle, max_header_size)
    with open(os.fspath(file), "rb") as f:
        return _load(f, allow_pickle, max_header_size)


def _load(f, allow_pickle, max_header_size):
    prefix = bytearray()
    while len(prefix) < len(MAGIC):
        chunk = _read_some(f, len(MAGIC) - len(prefix))
        if not chunk:
            break
        prefix += chunk
    if not prefix:
        raise EOFError("No data left in file")
    if prefix.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        raise ValueError("this is a .npz (zip) file; rumpy reads only .npy files")
    if prefix != MAGIC:
        raise ValueError(f"the magic string is not correct; expected {MAGIC!r}, got "
                         f"{bytes(prefix)!r} (this is not a .npy file; rumpy does not read "
                         f"pickles)")
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
            obj = pickle.load(f)
        except EOFError:
            raise ValueError("EOF: reading array data failed") from None
        return obj if isinstance(obj, _core.ndarray) else _core.asarray(obj)
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
