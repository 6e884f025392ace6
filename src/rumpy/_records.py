"""Record scalars and record arrays with attribute access.

``void`` is the scalar of a record dtype: ``arr[i]`` of a record array. It holds a 0-d view of
the array, so reading and writing its fields goes through to the array, as in NumPy.
``recarray`` is an ndarray subclass whose fields are also attributes; ``rec`` gathers NumPy's
``numpy.rec`` functions (``array``, ``fromarrays``, ``fromrecords``).
"""

import operator

from . import _core
from ._scalars import generic

ndarray = _core.ndarray


class flexible(generic):
    """Base class of the scalars without a fixed layout (numpy.flexible)."""
    __slots__ = ()


def _check_bytes(value):
    """NumPy's TypeError of `void(value)` for a value (or a list or tuple's item, at any
    depth) that is not bytes."""
    if isinstance(value, (list, tuple)):
        for v in value:
            _check_bytes(v)
    elif not isinstance(value, bytes):
        raise TypeError(f"A bytes-like object is required, not '{type(value).__name__}'")


class _void_methods(flexible):
    """A record (or raw bytes) scalar (numpy.void)."""
    # The record lives in the class made from this one below (`_a`: the 0-d record array,
    # made when first asked for).
    __slots__ = ()

    def __new__(cls, value, dtype=None):
        if dtype is None:
            if isinstance(value, int) and not isinstance(value, bool):
                n = operator.index(value)
                if not 0 <= n <= 2**31 - 1:
                    raise OverflowError("size must be non-negative and not greater than "
                                        "2147483647")
                # NumPy allocates at least one byte for a size of 0.
                a = _core.zeros((), dtype=f"V{max(n, 1)}")
            elif isinstance(value, bytes):
                a = _core.frombuffer(value, dtype=f"V{len(value)}").reshape(()).copy() \
                    if value else _core.zeros((), dtype="V0")
            else:
                # NumPy makes an array of the value's items as void (a bytearray's bytes).
                if isinstance(value, (bytearray, memoryview)):
                    value = [bytes([b]) for b in bytes(value)]
                else:
                    _check_bytes(value)
                a = _core.array(value, dtype="V")
                return a if a.ndim else cls._wrap(a)
        else:
            dt = _core.dtype(dtype)
            if dt.names is None and dt.kind == "V":
                if not isinstance(value, bytes):
                    raise TypeError("a bytes-like object is required, not "
                                    f"'{type(value).__name__}'")
                n = dt.itemsize or len(value)
                value = [value[:n].ljust(n, b"\0")]
                return cls._wrap(_core.array(value, dtype=f"V{n}").reshape(()))
            a = _core.array(value, dtype=dt)
            if a.ndim:
                return a
        return cls._wrap(a)

    @classmethod
    def _wrap(cls, a):
        self = object.__new__(cls)
        self._a = a
        return self

    # -- what a scalar has ---------------------------------------------------
    @property
    def dtype(self):
        return self._a.dtype

    @property
    def itemsize(self):
        return self._a.itemsize

    @property
    def nbytes(self):
        return self._a.itemsize

    @property
    def base(self):
        return self._a.base

    @property
    def flags(self):
        return self._a.flags

    def item(self):
        return self._a.item()

    tolist = item

    def tobytes(self):
        return self._a.tobytes()

    def __array__(self, dtype=None, copy=None):
        return self._a.__array__(dtype, copy)

    def __len__(self):
        names = self.dtype.names
        if names is None:
            raise TypeError("len() of unsized object")
        return len(names)

    def _key(self, key):
        names = self.dtype.names
        if names is None:
            raise IndexError("invalid index")
        if isinstance(key, (str, list)):
            return key
        try:
            i = operator.index(key)
        except TypeError:
            raise IndexError("invalid index") from None
        if not -len(names) <= i < len(names):
            raise IndexError(f"invalid index ({i})")
        return names[i]

    def __getitem__(self, key):
        if key.__class__ is str:
            return self._a._item_field(key)
        v = self._a[self._key(key)]
        if v.ndim == 0:
            return type(self)._wrap(v) if v.dtype.names is not None else v[()]
        return v

    def __setitem__(self, key, value):
        self._a[self._key(key)] = value

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __eq__(self, other):
        return self._a.__eq__(other._a if isinstance(other, void) else other)

    def __ne__(self, other):
        return self._a.__ne__(other._a if isinstance(other, void) else other)

    __hash__ = None

    def __repr__(self):
        from ._print import void_scalar_str
        return void_scalar_str(self, True)

    def __str__(self):
        from ._print import void_scalar_str
        return void_scalar_str(self, False)

    def __reduce__(self):
        return (_from_record_bytes, (self._a.tobytes(), self.dtype.descr
                                     if self.dtype.names is not None else self.dtype.str))


void = _core._void_type((_void_methods,))
void.__doc__ = _void_methods.__doc__


def _from_record_bytes(data, descr):
    return void._wrap(_core.frombuffer(data, dtype=descr).reshape(()).copy())


class record(void):
    """A record scalar whose fields are also attributes (numpy.record)."""
    __slots__ = ()

    def __getattr__(self, name):
        names = self.dtype.names or ()
        if name in names:
            return self[name]
        raise AttributeError(f"'record' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        if name != "_a" and name in (self.dtype.names or ()):
            self[name] = value
        else:
            object.__setattr__(self, name, value)

    def __repr__(self):
        return super().__repr__().replace("np.void(", "np.record(", 1)


class recarray(ndarray):
    """An ndarray of records whose fields are also attributes (numpy.recarray)."""

    def __new__(cls, shape=None, dtype=None, buf=None, offset=0, strides=None,
                formats=None, names=None, titles=None, byteorder=None, aligned=False,
                order='C', *, _view=None):
        if _view is not None:
            return ndarray.__new__(cls, (), _view=_view)
        if dtype is None:
            dtype = _format_dtype(formats, names, titles, aligned, byteorder)
        if buf is None:
            a = ndarray(shape, dtype, order=order)
        else:
            a = ndarray(shape, dtype, buffer=buf, offset=offset, strides=strides, order=order)
        return ndarray.__new__(cls, (), _view=a)

    def __getattribute__(self, attr):
        try:
            return object.__getattribute__(self, attr)
        except AttributeError:
            pass
        fields = ndarray.__getattribute__(self, "dtype").fields
        if not fields or attr not in fields:
            raise AttributeError(f"recarray has no attribute {attr}")
        return _as_rec(ndarray.__getitem__(self, attr))

    def __setattr__(self, attr, value):
        fields = ndarray.__getattribute__(self, "dtype").fields or {}
        if attr in fields:
            ndarray.__setitem__(self, attr, value)
        else:
            object.__setattr__(self, attr, value)

    def __getitem__(self, index):
        obj = ndarray.__getitem__(self, index)
        if isinstance(obj, ndarray):
            return _as_rec(obj)
        if isinstance(obj, void) and not isinstance(obj, record):
            return record._wrap(obj._a)
        return obj

    def field(self, attr, val=None):
        if isinstance(attr, int):
            attr = self.dtype.names[attr]
        if val is None:
            return _as_rec(ndarray.__getitem__(self, attr))
        ndarray.__setitem__(self, attr, val)

    def __repr__(self):
        from ._print import array2string, format_options
        prefix = "rec.array("
        if self.size > 0 or self.shape == (0,):
            lst = array2string(self.view(ndarray), separator=', ', prefix=prefix, suffix=',')
        else:
            lst = f"[], shape={self.shape!r}"
        lf = '\n' + ' ' * len(prefix)
        if format_options.get()['legacy'] <= 113:
            lf = ' ' + lf
        return f"rec.array({lst},{lf}dtype={self.dtype!s})"


def _as_rec(a):
    """Record results of a recarray stay recarrays; other results are plain arrays."""
    if a.dtype.names is not None:
        return a.view(recarray) if type(a) is not recarray else a
    return a.view(ndarray) if type(a) is not ndarray else a


class format_parser:
    """NumPy's ``format_parser``: the record dtype of formats, names and titles, as ``.dtype``."""

    def __init__(self, formats, names, titles, aligned=False, byteorder=None):
        self.dtype = _format_dtype(formats, names, titles, aligned, byteorder)


def _format_dtype(formats, names, titles, aligned=False, byteorder=None):
    """The dtype of NumPy's ``format_parser``: the fields' formats (a list, or anything
    ``dtype`` reads) laid out as ``aligned`` asks, named by ``names`` (a list or a comma
    string; missing names are f<i>) and titled by ``titles``. NumPy keeps the laid-out offsets
    but neither the aligned flag nor the padded itemsize."""
    if formats is None:
        raise ValueError("Need formats argument")
    if isinstance(formats, list):
        laid = _core.dtype([(f"f{i}", f) for i, f in enumerate(formats)], align=aligned)
    else:
        laid = _core.dtype(formats, align=aligned)
    if laid.names is None:
        laid = _core.dtype([("f1", laid)], align=aligned)
    keys = laid.names
    nfields = len(keys)
    if names:
        if isinstance(names, str):
            names = names.split(",")
        elif type(names) not in (list, tuple):
            raise NameError(f"illegal input names {names!r}")
        names = [n.strip() for n in names[:nfields]]
    else:
        names = []
    names += [f"f{i}" for i in range(len(names), nfields)]
    dup = find_duplicate(names)
    if dup:
        raise ValueError(f"Duplicate field names: {dup}")
    titles = [t.strip() for t in titles[:nfields]] if titles else []
    titles += [None] * (nfields - len(titles))
    dt = _core.dtype({"names": names, "formats": [laid.fields[k][0] for k in keys],
                      "offsets": [laid.fields[k][1] for k in keys], "titles": titles})
    if byteorder is not None:
        dt = dt.newbyteorder(_BYTEORDER[byteorder[0]])
    return dt


_BYTEORDER = {"b": ">", "l": "<", "n": "=", "B": ">", "L": "<", "N": "=", "s": "s", "S": "s",
              ">": ">", "<": "<", "=": "=", "|": "|", "I": "|", "i": "|"}


def _record_dtype(dtype, formats, names, titles, aligned, byteorder):
    if dtype is not None:
        return _core.dtype(dtype)
    return _format_dtype(formats, names, titles, aligned, byteorder)


def fromarrays(arrayList, dtype=None, shape=None, formats=None, names=None, titles=None,
               aligned=False, byteorder=None):
    """A record array from a list of arrays, one per field (numpy.rec.fromarrays)."""
    arrays = [_core.asanyarray(x) for x in arrayList]
    if shape is None:
        shape = arrays[0].shape if arrays else ()
    elif isinstance(shape, int):
        shape = (shape,)
    if dtype is None and formats is None:
        formats = [a.dtype.str if a.dtype.names is None else a.dtype for a in arrays]
    descr = _record_dtype(dtype, formats, names, titles, aligned, byteorder)
    if len(descr.names) != len(arrays):
        raise ValueError("mismatch between the number of fields and the number of arrays")
    out = recarray(shape, descr)
    for k, a in enumerate(arrays):
        fshape = descr.fields[descr.names[k]][0].shape
        nd = len(a.shape) - len(fshape)
        if tuple(a.shape[nd:]) != tuple(fshape) or tuple(a.shape[:nd]) != tuple(shape):
            raise ValueError(f'array-shape mismatch in array {k} ("{descr.names[k]}")')
        ndarray.__setitem__(out, descr.names[k], a)
    return out


def fromrecords(recList, dtype=None, shape=None, formats=None, names=None, titles=None,
                aligned=False, byteorder=None):
    """A record array from a list of records (tuples) (numpy.rec.fromrecords)."""
    if formats is None and dtype is None:
        columns = list(zip(*recList)) if recList else []
        arrays = [_core.array(list(c)) for c in columns]
        return fromarrays(arrays, formats=formats, shape=shape, names=names, titles=titles,
                          aligned=aligned, byteorder=byteorder)
    descr = _record_dtype(dtype, formats, names, titles, aligned, byteorder)
    a = _core.array([tuple(r) if isinstance(r, list) else r for r in recList], dtype=descr)
    if shape is not None:
        a = a.reshape(shape)
    return a.view(recarray)


def array(obj, dtype=None, shape=None, offset=0, strides=None, formats=None, names=None,
          titles=None, aligned=False, byteorder=None, copy=True):
    """A record array from records, arrays or an existing array (numpy.rec.array)."""
    if isinstance(obj, ndarray) or hasattr(obj, "__array_interface__"):
        a = _core.array(obj, copy=copy) if copy else _core.asanyarray(obj)
        if dtype is not None or formats is not None:
            a = a.view(_record_dtype(dtype, formats, names, titles, aligned, byteorder))
        return a.view(recarray)
    if isinstance(obj, list) and obj and isinstance(obj[0], (tuple, list)):
        return fromrecords(obj, dtype=dtype, shape=shape, formats=formats, names=names,
                           titles=titles, aligned=aligned, byteorder=byteorder)
    if obj is None:
        if shape is None:
            raise ValueError("Must define a shape if obj is None")
        return recarray(shape, _record_dtype(dtype, formats, names, titles, aligned, byteorder))
    return fromrecords(obj, dtype=dtype, shape=shape, formats=formats, names=names,
                       titles=titles, aligned=aligned, byteorder=byteorder)


def find_duplicate(list):  # noqa: A002 - numpy's parameter name
    """The items that occur more than once in ``list`` (each once, in first-seen order)."""
    import collections
    return [item for item, n in collections.Counter(list).items() if n > 1]


def _shape_tuple(shape):
    if shape is None:
        return (-1,)
    return (shape,) if isinstance(shape, int) else tuple(shape)


def _fill_unknown(shape, size, itemsize):
    """``shape`` with its one -1 replaced by what ``size`` bytes of items hold."""
    known = 1
    for n in shape:
        known *= n
    if known < 0:
        shape = list(shape)
        shape[shape.index(-1)] = size // -(known * itemsize)
        shape = tuple(shape)
    return shape


def fromstring(datastring, dtype=None, shape=None, offset=0, formats=None, names=None,
               titles=None, aligned=False, byteorder=None):
    """A record array viewing the bytes of ``datastring`` (numpy.rec.fromstring)."""
    if dtype is None and formats is None:
        raise TypeError("fromstring() needs a 'dtype' or 'formats' argument")
    descr = _record_dtype(dtype, formats, names, titles, aligned, byteorder)
    if shape is None or shape == -1:
        shape = (len(datastring) - offset) // descr.itemsize
    return recarray(shape, descr, buf=datastring, offset=offset)


def fromfile(fd, dtype=None, shape=None, offset=0, formats=None, names=None, titles=None,
             aligned=False, byteorder=None):
    """A record array read from a binary file or file name (numpy.rec.fromfile)."""
    import os
    if dtype is None and formats is None:
        raise TypeError("fromfile() needs a 'dtype' or 'formats' argument")
    shape = _shape_tuple(shape)
    if isinstance(fd, (str, bytes, os.PathLike)):
        with open(os.fspath(fd), "rb") as f:
            return _read_records(f, dtype, shape, offset, formats, names, titles, aligned,
                                 byteorder)
    return _read_records(fd, dtype, shape, offset, formats, names, titles, aligned, byteorder)


def _read_records(fd, dtype, shape, offset, formats, names, titles, aligned, byteorder):
    import os
    if offset > 0:
        fd.seek(offset, 1)
    here = fd.tell()
    try:
        size = os.fstat(fd.fileno()).st_size - here
    except (AttributeError, OSError):
        size = fd.seek(0, 2) - here
        fd.seek(here, 0)
    descr = _record_dtype(dtype, formats, names, titles, aligned, byteorder)
    shape = _fill_unknown(shape, size, descr.itemsize)
    count = 1
    for n in shape:
        count *= n
    nbytes = count * descr.itemsize
    if nbytes > size:
        raise ValueError("Not enough bytes left in file for specified shape and type.")
    out = recarray(shape, descr)
    got = fd.readinto(memoryview(_core.asarray(out).view("u1").reshape(-1)))
    if got != nbytes:
        raise OSError("Didn't read as many bytes as expected")
    return out


class _RecModule:
    """``rumpy.rec``: NumPy's ``numpy.rec`` namespace."""

    def __init__(self):
        self.array = array
        self.fromarrays = fromarrays
        self.fromrecords = fromrecords
        self.recarray = recarray
        self.record = record
        self.format_parser = format_parser
        self.find_duplicate = find_duplicate
        self.fromstring = fromstring
        self.fromfile = fromfile

    def __repr__(self):
        return "<module 'rumpy.rec'>"


rec = _RecModule()
