"""How rumpy's dtypes, scalars and arrays travel beyond rumpy: NumPy's descriptor for a
rumpy dtype (NumPy's ``__numpy_dtype__`` protocol), the ``numbers`` ABCs, and pickling
(record dtypes rebuilt field by field; arrays with protocol 5 out-of-band buffers).

NumPy is never imported here unless it is already loaded or a NumPy descriptor is asked
for: rumpy imports without NumPy."""

import numbers
import sys

from . import _core, _scalars


def _numpy():
    np = sys.modules.get("numpy")
    if np is None:
        import numpy as np
    return np


def numpy_dtype(d):
    """NumPy's descriptor for the rumpy dtype ``d``: records with their names, titles,
    offsets, padding and alignment, subarrays, every byte order and unit."""
    np = _numpy()
    if d.subdtype is not None:
        base, shape = d.subdtype
        return np.dtype((numpy_dtype(base), shape))
    if d.names is not None:
        return np.dtype(_record_spec(d, numpy_dtype), align=d.isalignedstruct)
    if d.kind == "T":
        na = getattr(d, "na_object", _MISSING)
        kw = {} if na is _MISSING else {"na_object": na}
        return np.dtypes.StringDType(coerce=d.coerce, **kw)
    return np.dtype(d.str)


_MISSING = object()


def _record_spec(d, convert):
    """The dict form of a record dtype, each field's dtype through ``convert``."""
    fields = [d.fields[n] for n in d.names]
    spec = {"names": list(d.names), "formats": [convert(f[0]) for f in fields],
            "offsets": [f[1] for f in fields], "itemsize": d.itemsize}
    titles = [f[2] if len(f) > 2 else None for f in fields]
    if any(t is not None for t in titles):
        spec["titles"] = titles
    return spec


def dtype_reduce(d):
    """``__reduce__`` of a record or subarray dtype: rebuilt from its parts, so fields,
    titles, offsets, padding, alignment and byte order survive."""
    if d.subdtype is not None:
        base, shape = d.subdtype
        return _rebuild_dtype, ((base, shape), False)
    return _rebuild_dtype, (_record_spec(d, lambda f: f), d.isalignedstruct)


def _rebuild_dtype(spec, align):
    from . import dtype
    return dtype(spec, align=align)


def array_reduce_ex(a, protocol):
    """``ndarray.__reduce_ex__`` where the memory does not travel as a ``PickleBuffer`` (that
    case is the core's): an instance of a subclass comes back as one (its data in the stream,
    as NumPy's); other arrays are pickled by ``__reduce__``."""
    from . import ndarray
    if type(a) is not ndarray:
        rebuild, args = a.view(ndarray).__reduce__()
        return _as_subclass, (type(a), rebuild, args)
    return a.__reduce__()


def _as_subclass(cls, rebuild, args):
    """The unpickled instance of ``cls``, owning the rebuilt array's memory (as NumPy's
    ``_reconstruct``, whose ``__array_finalize__`` is given None)."""
    from . import ndarray
    inst = ndarray.__new__(cls, (), _view=rebuild(*args), _own=True)
    inst.__array_finalize__(None)
    return inst


# Earlier pickles name the rebuilding function here.
_frombuffer = _core._frombuffer


class _NumpyDType:
    """``__numpy_dtype__`` of the scalar types: NumPy's descriptor of the class, so
    ``np.dtype(rp.float32)`` and ``np.zeros(3, dtype=rp.int16)`` work. The abstract classes
    have none."""

    _ABSTRACT = ("generic", "number", "integer", "signedinteger", "unsignedinteger",
                 "inexact", "floating", "complexfloating", "flexible", "character")

    def __init__(self):
        self._made = {}

    def __get__(self, obj, cls):
        d = self._made.get(cls)
        if d is None:
            if cls.__name__ in self._ABSTRACT or cls.__name__.startswith("_"):
                raise AttributeError("__numpy_dtype__")
            from . import dtype
            d = self._made[cls] = numpy_dtype(dtype(cls))
        return d


_scalars.generic.__numpy_dtype__ = _NumpyDType()

# As NumPy registers its scalar types.
numbers.Integral.register(_scalars.integer)
numbers.Complex.register(_scalars.inexact)
numbers.Real.register(_scalars.floating)
numbers.Number.register(_scalars.number)


class _ctypes:
    """``ndarray.ctypes``: the array's memory for the ctypes module (NumPy's
    ``numpy._core._internal._ctypes``): ``data`` (the address), ``shape`` and ``strides``
    as ctypes arrays of ``c_ssize_t``, ``data_as``/``shape_as``/``strides_as``, and
    ``_as_parameter_`` so the object passes straight to a foreign function."""

    def __init__(self, array):
        import ctypes
        self._ctypes = ctypes
        self._arr = array
        self._data = ctypes.c_void_p(array.__array_interface__["data"][0])
        self._zerod = array.ndim == 0

    def data_as(self, obj):
        """The data pointer cast to the ctypes type ``obj``, keeping the array alive."""
        ptr = self._ctypes.cast(self._data, obj)
        ptr._arr = self._arr
        return ptr

    def shape_as(self, obj):
        """The shape as a ctypes array of ``obj`` (None for a 0-d array)."""
        if self._zerod:
            return None
        return (obj * self._arr.ndim)(*self._arr.shape)

    def strides_as(self, obj):
        """The strides as a ctypes array of ``obj`` (None for a 0-d array)."""
        if self._zerod:
            return None
        return (obj * self._arr.ndim)(*self._arr.strides)

    @property
    def data(self):
        """The address of the array's first item, an int."""
        return self._data.value

    @property
    def shape(self):
        """The shape as a ctypes array of ``c_ssize_t``."""
        return self.shape_as(self._ctypes.c_ssize_t)

    @property
    def strides(self):
        """The strides as a ctypes array of ``c_ssize_t``."""
        return self.strides_as(self._ctypes.c_ssize_t)

    @property
    def _as_parameter_(self):
        return self._data


def _ctypes_of(self):
    """The array's memory for the ctypes module (see ``_ctypes``)."""
    return _ctypes(self)


if "ctypes" not in _core.ndarray.__dict__:
    _core.ndarray.ctypes = property(_ctypes_of)
