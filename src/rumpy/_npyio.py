""".npy files: ``save`` and ``load`` in NumPy's format (versions 1.0, 2.0 and 3.0).

The header is NumPy's: the magic string, the version, the header length, then a Python dict
literal with ``descr``, ``fortran_order`` and ``shape``, padded so the data starts on a
64-byte boundary. The data is the array's bytes in C (or Fortran) order, moved through the
buffer protocol without Python-level loops.
"""

import ast
import os
import tempfile

from . import _core

MAGIC = b"\x93NUMPY"
ALIGN = 64


def _descr(dt):
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
    fortran = bool(arr.flags.f_contiguous and not arr.flags.c_contiguous)
    data = arr.T if fortran else arr
    if not data.flags.c_contiguous:
        data = _core.ascontiguousarray(data)
    f.write(_header(arr, fortran))
    if data.size:
        f.write(memoryview(data).cast("B"))


def save(file, arr, allow_pickle=True, fix_imports=True):
    """Save an array to a .npy file (``.npy`` is appended to a file name without it). A file
    name is written through a temporary file and renamed, so a failed save never leaves a
    half-written file in place of a good one."""
    arr = _core.asarray(arr)
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


def _dtype_from_descr(descr):
    """NumPy's descr_to_dtype: a type string, or a list of fields where ('', '|Vn') entries
    are padding."""
    if isinstance(descr, str):
        return _core.dtype(descr)
    if not isinstance(descr, list):
        raise ValueError(f"descr is not a valid dtype descriptor: {descr!r}")
    names, formats, offsets, titles = [], [], [], []
    offset = 0
    for field in descr:
        if not isinstance(field, tuple) or len(field) not in (2, 3):
            raise ValueError(f"descr is not a valid dtype descriptor: {descr!r}")
        name, fmt = field[0], field[1]
        if name == "" and isinstance(fmt, str) and fmt.lstrip("|<>=").startswith("V"):
            offset += int(fmt.lstrip("|<>=")[1:])     # padding
            continue
        dt = _dtype_from_descr(fmt)
        if len(field) == 3:
            dt = _core.dtype((dt, field[2]))
        title, name = name if isinstance(name, tuple) else (None, name)
        names.append(name)
        formats.append(dt)
        offsets.append(offset)
        titles.append(title)
        offset += dt.itemsize
    return _core.dtype({"names": names, "formats": formats, "offsets": offsets,
                        "titles": titles, "itemsize": offset})


def _read_exact(f, n, what):
    data = f.read(n)
    if len(data) != n:
        raise ValueError(f"EOF: reading {what}, expected {n} bytes got {len(data)}")
    return data


def _read_header(f):
    magic = _read_exact(f, len(MAGIC) + 2, "magic string")
    if magic[:len(MAGIC)] != MAGIC:
        raise ValueError(f"the magic string is not correct; expected {MAGIC!r}, "
                         f"got {magic[:len(MAGIC)]!r}")
    version = (magic[-2], magic[-1])
    if version not in ((1, 0), (2, 0), (3, 0)):
        raise ValueError(f"we only support format version (1,0), (2,0), and (3,0), "
                         f"not {version}")
    len_bytes = 2 if version == (1, 0) else 4
    hlen = int.from_bytes(_read_exact(f, len_bytes, "array header length"), "little")
    raw = _read_exact(f, hlen, "array header")
    try:
        text = raw.decode("utf8" if version == (3, 0) else "latin1")
        d = ast.literal_eval(text)
    except (UnicodeDecodeError, SyntaxError, ValueError) as e:
        raise ValueError(f"Cannot parse header: {raw!r}") from e
    if not isinstance(d, dict) or set(d) != {"descr", "fortran_order", "shape"}:
        raise ValueError(f"Header does not contain the correct keys: {raw!r}")
    shape = d["shape"]
    if not isinstance(shape, tuple) or not all(isinstance(x, int) and x >= 0 for x in shape):
        raise ValueError(f"shape is not valid: {shape!r}")
    if not isinstance(d["fortran_order"], bool):
        raise ValueError(f"fortran_order is not a valid bool: {d['fortran_order']!r}")
    try:
        dtype = _dtype_from_descr(d["descr"])
    except (TypeError, ValueError, KeyError) as e:
        raise ValueError(f"descr is not a valid dtype descriptor: {d['descr']!r}") from e
    return shape, d["fortran_order"], dtype


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII",
         *, max_header_size=10000):
    """Load an array from a .npy file. Object arrays are refused (rumpy has no object dtype;
    NumPy refuses them too unless allow_pickle=True). Malformed or truncated files raise
    ValueError."""
    if hasattr(file, "read"):
        return _load(file)
    with open(os.fspath(file), "rb") as f:
        return _load(f)


def _load(f):
    shape, fortran, dtype = _read_header(f)
    count = 1
    for d in shape:
        count *= d
    nbytes = count * dtype.itemsize
    data = bytearray(nbytes)
    view = memoryview(data)
    got = 0
    while got < nbytes:
        n = f.readinto(view[got:]) if hasattr(f, "readinto") else None
        if n is None:
            chunk = f.read(nbytes - got)
            n = len(chunk)
            view[got:got + n] = chunk
        if not n:
            raise ValueError(f"EOF: reading array data, expected {nbytes} bytes got {got}")
        got += n
    flat = _core.frombuffer(data, dtype=dtype) if nbytes else _core.empty((0,), dtype=dtype)
    if fortran:
        return flat.reshape(shape[::-1]).T
    return flat.reshape(shape)
