"""NumPy's override protocols for rumpy arrays.

``__array_ufunc__`` (NEP 13; its common case is in the core) and ``__array_function__``
(NEP 18, and NEP 35's ``like=``): NumPy's functions and ufuncs given rumpy arrays run rumpy's
function of the same name and return rumpy arrays. What rumpy lacks runs as NumPy's own code
on views of rumpy's memory (no copy), and its arrays come back as rumpy views of NumPy's
results. NumPy's subclasses that keep NumPy's defaults (masked arrays, matrices) are left to
NumPy, so that they keep their meaning; classes that override the protocols themselves get
``NotImplemented``, so that their own method decides.

NumPy is never imported here: these run only when NumPy calls them.
"""

import inspect
import sys

from . import _core
from ._scalars import generic as _generic

_ndarray = _core.ndarray
# rumpy's own: its arrays and its scalars.
_OURS = (_ndarray, _generic)
_MISSING = object()
_METHODS = frozenset(("__call__", "reduce", "accumulate", "reduceat", "outer", "at"))

# NumPy's function -> rumpy's (None: rumpy has none); rumpy's function -> its keywords.
_functions = {}
_keywords = {}


def _np():
    return sys.modules["numpy"]


def _to_numpy(x, np, views):
    """``x`` with rumpy arrays (in lists and tuples too) replaced by NumPy views of them;
    ``views`` maps each view back to its array."""
    if isinstance(x, _ndarray):
        v = np.asarray(x)
        views[id(v)] = (x, v)
        return v
    t = type(x)
    if t is list or t is tuple:
        return t([_to_numpy(i, np, views) for i in x])
    return x


def _from_numpy(r, np, views, keep):
    """NumPy's result with its arrays as rumpy arrays (views of them) and its scalars as
    rumpy scalars; an output that was a rumpy array comes back as that array. ``keep``: leave
    NumPy's arrays and scalars as they are."""
    hit = views.get(id(r))
    if hit is not None and hit[1] is r:
        return hit[0]
    if keep:
        return r
    t = type(r)
    if t is np.ndarray:
        return _core.asanyarray(r)
    if isinstance(r, np.generic):
        return _core.asanyarray(r)[()]
    if t is tuple or t is list:
        return t([_from_numpy(i, np, views, keep) for i in r])
    if isinstance(r, tuple) and hasattr(t, "_fields"):
        # NumPy's named results (linalg's eig, svd, ...).
        return t(*(_from_numpy(i, np, views, keep) for i in r))
    return r


_dask_registered = False


def note_foreign(t):
    """Before a foreign class gets a call (rumpy's, or one rumpy declined): Dask takes
    rumpy's arrays as its operands (and chunks) once rumpy's ndarray is registered as one of
    its chunk types."""
    global _dask_registered
    if _dask_registered or not (getattr(t, "__module__", None) or "").startswith("dask."):
        return
    chunk_types = sys.modules.get("dask.array.chunk_types")
    if chunk_types is None:
        return
    if _ndarray not in getattr(chunk_types, "_HANDLED_CHUNK_TYPES", ()):
        chunk_types.register_chunk_type(_ndarray)
    _dask_registered = True


def _classify(types, np, attr):
    """For the operands' classes: (one of them overrides protocol ``attr``, a NumPy subclass
    that keeps NumPy's default is among them)."""
    default = getattr(np.ndarray, attr)
    numpy_sub = False
    for t in types:
        if issubclass(t, _OURS):
            continue
        f = getattr(t, attr, _MISSING)
        if f is _MISSING or f is None:
            continue
        if f is default:
            numpy_sub = numpy_sub or t is not np.ndarray
            continue
        note_foreign(t)
        return True, numpy_sub
    return False, numpy_sub


def _numpy_call(call, args, kwargs, keep):
    np = _np()
    views = {}
    args = [_to_numpy(a, np, views) for a in args]
    kwargs = {k: _to_numpy(v, np, views) for k, v in kwargs.items()}
    return _from_numpy(call(*args, **kwargs), np, views, keep)


def array_ufunc(ufunc, method, inputs, kwargs):
    """The general case of ``ndarray.__array_ufunc__`` (see ``_core.ndarray``)."""
    np = _np()
    kwargs = kwargs or {}
    out = kwargs.get("out", ())
    if not isinstance(out, tuple):
        out = (out,)
    other, numpy_sub = _classify(map(type, inputs + out), np, "__array_ufunc__")
    if other:
        return NotImplemented
    name = getattr(ufunc, "__name__", None)
    mine = None
    if method in _METHODS and isinstance(name, str) and getattr(np, name, None) is ufunc:
        mine = getattr(_core, name, None)
    if mine is not None and not numpy_sub:
        return getattr(mine, method)(*inputs, **kwargs)
    return _numpy_call(getattr(ufunc, method), inputs, kwargs, numpy_sub)


def numpy_ufunc(name, method, inputs, kwargs):
    """A rumpy ufunc call with NumPy's subclasses among its operands: NumPy's ufunc computes
    it, on views of the rumpy arrays, and its subclass's result is kept."""
    ufunc = getattr(_np(), name)
    return _numpy_call(getattr(ufunc, method), inputs, kwargs or {}, True)


def _rumpy_function(func, np):
    """rumpy's function for NumPy's ``func``, or None."""
    name = getattr(func, "__name__", None)
    module = getattr(func, "__module__", None) or ""
    if not isinstance(name, str) or not (module == "numpy" or module.startswith("numpy.")):
        return None
    rumpy = sys.modules["rumpy"]
    found = None
    sub = module[len("numpy") + 1:]
    if sub and not sub.startswith("_"):
        mod = sys.modules.get("rumpy." + sub)
        if mod is None:
            try:
                mod = __import__("rumpy." + sub, fromlist=["_"])
            except ImportError:
                mod = None
        found = getattr(mod, name, None) if mod is not None else None
    if found is None and getattr(np, name, None) is func:
        found = getattr(rumpy, name, None)
    if found is None or isinstance(found, type) or not callable(found):
        return None
    return found


def _accepts(impl, kwargs):
    """Does rumpy's ``impl`` take every keyword of ``kwargs``?"""
    names = _keywords.get(impl, _MISSING)
    if names is _MISSING:
        try:
            params = inspect.signature(impl).parameters.values()
        except (TypeError, ValueError):
            names = None
        else:
            if any(p.kind is p.VAR_KEYWORD for p in params):
                names = None
            else:
                names = frozenset(
                    p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
                )
        _keywords[impl] = names
    return names is None or names.issuperset(kwargs)


def array_function(self, func, types, args, kwargs):
    """NumPy's functions on rumpy arrays (NEP 18), and its creation functions given
    ``like=`` a rumpy array (NEP 35).

    rumpy's function of the same name computes, and returns rumpy arrays. A function rumpy
    lacks, or a keyword rumpy's does not take, runs as NumPy's own code on views of the rumpy
    arrays (no copy), and its arrays come back as rumpy views. With NumPy's subclasses among
    the arguments (masked arrays) NumPy computes and its result is kept. Arguments of other
    classes that override functions get ``NotImplemented``.

    Examples
    --------
    >>> import numpy as np
    >>> import rumpy as rp
    >>> type(np.sum(rp.arange(4))).__module__
    'rumpy'
    >>> np.concatenate([rp.arange(2), np.arange(2)])
    array([0, 1, 0, 1])
    """
    np = _np()
    other, numpy_sub = _classify(types, np, "__array_function__")
    if other:
        return NotImplemented
    impl = _functions.get(func, _MISSING)
    if impl is _MISSING:
        impl = _functions[func] = _rumpy_function(func, np)
    if impl is not None and not numpy_sub and (not kwargs or _accepts(impl, kwargs)):
        return impl(*args, **kwargs)
    return _numpy_call(getattr(func, "_implementation", func), args, kwargs, numpy_sub)


def _scalar_array_ufunc(self, ufunc, method, *inputs, **kwargs):
    return array_ufunc(ufunc, method, inputs, kwargs)


# NumPy's ufuncs and functions given rumpy's arrays or scalars compute in rumpy.
_ndarray.__array_function__ = array_function
_generic.__array_function__ = array_function
_generic.__array_ufunc__ = _scalar_array_ufunc
