"""ndarray methods written in Python (NumPy's ``numpy/_core/_methods.py`` counterparts),
attached to the core's ndarray class when the package is imported. The reductions' functions
take the array first, so they serve as methods unchanged."""

from . import _core
from . import _reductions as _r
from ._argext import argmax, argmin
from . import _indexing as _ix
from . import _shape as _sh
from ._sort import (_method_argpartition, _method_argsort, _method_partition,
                    _method_searchsorted, _method_sort)
from ._helpers import _clip, _NoValue, _round_array, _scalar_or_array, conjugate
from ._reductions import _std, _var
from ._products import _method_dot, _method_trace
from ._npyio import _method_dump, _method_dumps, _method_tofile

import operator as _operator

_ndarray = _core.ndarray


def _method_compress(self, condition, axis=None, out=None):
    """Select the slices of the array along ``axis`` where ``condition`` is true (see
    ``rumpy.compress``; the flattened array when ``axis`` is None).

    Parameters
    ----------
    condition : 1-d array_like of bool
        Which slices to keep; shorter than the axis means the rest are dropped.
    axis : int, optional
        The axis to select along; None (the default) selects from the flattened array.
    out : ndarray, optional
        Where to write the result.

    Returns
    -------
    ndarray
        The selected slices.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.array([[1, 2, 3], [4, 5, 6]])
    >>> a.compress([True, False, True], axis=1)
    array([[1, 3],
           [4, 6]])
    >>> a.compress([True, True, False, True])
    array([1, 2, 4])
    """
    return _ix.compress(condition, self, axis, out)


_method_compress.__name__ = "compress"


def _method_var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
                mean=_NoValue):
    """Variance along an axis (see ``rumpy.var``)."""
    return _var(self, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims,
                where=where, mean=None if mean is _NoValue else mean)


def _method_std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
                mean=_NoValue):
    """Standard deviation along an axis (see ``rumpy.std``)."""
    return _std(self, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims,
                where=where, mean=None if mean is _NoValue else mean)


def _method_round(self, decimals=0, out=None):
    """Round to the given number of decimals (see ``rumpy.round``)."""
    res = _round_array(self, _operator.index(decimals), out)
    return res if out is not None else _scalar_or_array(res)


def _method_clip(self, min=None, max=None, out=None, **kwargs):
    """Limit the values to ``[min, max]`` (see ``rumpy.clip``)."""
    return _clip(self, min, max, out=out, **kwargs)


def _method_conj(self, out=None, /):
    """The complex conjugate; a non-complex array is returned as is (or copied into out)."""
    if self.dtype.kind in "cO":
        return getattr(_core, "conjugate", conjugate)(self, out=out)
    if out is None:
        return self
    _core.copyto(out, self)
    return out


def _method_getfield(self, dtype, offset=0):
    """The items' bytes from ``offset`` on, read as ``dtype`` (a view)."""
    dt = _core.dtype(dtype)
    offset = _operator.index(offset)
    if offset < 0:
        raise ValueError("offset is negative")
    if dt.itemsize > self.itemsize:
        raise ValueError("new type is larger than original type")
    if offset > self.itemsize - dt.itemsize:
        raise ValueError("new type plus offset is larger than original type")
    one = _core.dtype({"names": ["f"], "formats": [dt], "offsets": [offset],
                       "itemsize": self.itemsize})
    return self.view(one)["f"]


def _method_setfield(self, val, dtype, offset=0):
    """Store ``val`` in the items' bytes from ``offset`` on, as ``dtype``."""
    self.getfield(dtype, offset)[...] = val


_method_getfield.__name__ = "getfield"
_method_setfield.__name__ = "setfield"
_method_var.__name__ = "var"
_method_std.__name__ = "std"
_method_round.__name__ = "round"
_method_clip.__name__ = "clip"
_method_conj.__name__ = "conj"

_METHODS = {
    "sum": _r.sum,
    "prod": _r.prod,
    "max": _r.amax,
    "min": _r.amin,
    "mean": _r.mean,
    "any": _r.any,
    "all": _r.all,
    "cumsum": _r.cumsum,
    "cumprod": _r.cumprod,
    "argmax": argmax,
    "argmin": argmin,
    "var": _method_var,
    "std": _method_std,
    "round": _method_round,
    "clip": _method_clip,
    "conj": _method_conj,
    "conjugate": _method_conj,
    "take": _ix.take,
    "put": _ix.put,
    "repeat": _sh.repeat,
    "nonzero": _ix._nonzero,
    "diagonal": _ix.diagonal,
    "choose": _ix.choose,
    "compress": _method_compress,
    "flat": property(_ix.flatiter),
    "sort": _method_sort,
    "argsort": _method_argsort,
    "searchsorted": _method_searchsorted,
    "partition": _method_partition,
    "argpartition": _method_argpartition,
    "dot": _method_dot,
    "trace": _method_trace,
    "tofile": _method_tofile,
    "dump": _method_dump,
    "dumps": _method_dumps,
    "getfield": _method_getfield,
    "setfield": _method_setfield,
}

for _name, _fn in _METHODS.items():
    if _name not in _ndarray.__dict__:  # methods the core implements itself win
        # the plain function: a method never defers to a subclass's override (_subclass)
        setattr(_ndarray, _name, getattr(_fn, "__wrapped__", _fn))
del _name, _fn


# NumPy's scalars have the array methods: each runs on a 0-d array of the scalar, and a 0-d
# result comes back as a scalar (numpy's ``gentype_generic_method``).
def _scalar_method(name):
    def method(self, *args, **kwargs):
        res = getattr(_core.asanyarray(self), name)(*args, **kwargs)
        if isinstance(res, _ndarray) and res.ndim == 0:
            return res[()]
        return res
    method.__name__ = name
    method.__doc__ = f"Scalar method identical to ``ndarray.{name}`` (on a 0-d array)."
    return method


_SCALAR_METHODS = (
    "all", "any", "argmax", "argmin", "argsort", "byteswap", "choose", "clip", "compress",
    "copy", "cumprod", "cumsum", "diagonal", "dump", "dumps", "fill", "flatten", "getfield",
    "max", "mean", "min", "nonzero", "prod", "put", "ravel", "repeat", "reshape", "resize",
    "searchsorted", "setflags", "sort", "squeeze", "std", "sum", "swapaxes", "take",
    "to_device", "tobytes", "tofile", "trace", "transpose", "var", "view",
)


def _scalar_flags(self):
    """A scalar's flags: those of a read-only 0-d array (NumPy's scalars are immutable)."""
    a = _core.asanyarray(self)
    a.flags.writeable = False
    return a.flags


def _method_byteswap(self, inplace=False):
    """Swap the bytes of each item (each part of a complex item, each field of a record).

    Parameters
    ----------
    inplace : bool, optional
        Swap the array's own memory (and return it) instead of returning a swapped copy.

    Returns
    -------
    ndarray
        The items with their bytes swapped, same dtype.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.array([1, 256], dtype=rp.int16).byteswap()
    array([256,   1], dtype=int16)
    """
    dt = self.dtype
    if dt.names is not None:
        swapped = self.copy()
        for name in dt.names:
            swapped[name] = _method_byteswap(self[name])
    elif dt.kind in "OSVb" or dt.itemsize <= 1:
        swapped = self.copy()
    else:
        swapped = self.astype(dt.newbyteorder()).view(dt)
    if inplace:
        self[...] = swapped
        return self
    return swapped


if "byteswap" not in _ndarray.__dict__:
    _ndarray.byteswap = _method_byteswap


def _install_scalar_methods():
    from ._scalars import generic
    for name in _SCALAR_METHODS:
        if not hasattr(generic, name) and hasattr(_ndarray, name):
            setattr(generic, name, _scalar_method(name))
    for name in ("data", "flat"):
        if not hasattr(generic, name):
            setattr(generic, name, property(
                lambda self, name=name: getattr(_core.asanyarray(self), name)))
    from ._records import void

    def setfield(self, val, dtype, offset=0):
        if not isinstance(self, void):
            raise TypeError("Can't set fields in a non-void array scalar.")
        _core.asanyarray(self).setfield(val, dtype, offset)
    generic.setfield = setfield
    if not hasattr(generic, "itemsize"):
        generic.itemsize = property(lambda self: self.dtype.itemsize)
    if not hasattr(generic, "flags"):
        generic.flags = property(_scalar_flags)
    if not hasattr(generic, "device"):
        generic.device = property(lambda self: "cpu")


_install_scalar_methods()


# NumPy's dtype.flags bits: holds references, pickled as a list, an item is a pointer, needs
# initialising, needs the Python API, uses getitem, uses setitem, an aligned struct.
_FROM_FIELDS = 0x01 | 0x02 | 0x08 | 0x10


def _dtype_flags(dt):
    """NumPy's ``dtype.flags`` bit-mask for ``dt``."""
    if dt.kind == "O":
        return 0x3F
    if dt.kind == "T":
        return 0x6B
    if dt.subdtype is not None:
        return _dtype_flags(dt.subdtype[0])
    if dt.names is not None:
        flags = 0x10
        for name in dt.names:
            flags |= _dtype_flags(dt.fields[name][0]) & _FROM_FIELDS
        return flags | (0x80 if dt.isalignedstruct else 0)
    return 0x08 if dt.kind == "U" else 0


if not hasattr(_core.dtype, "flags"):
    _core.dtype.flags = property(_dtype_flags)
