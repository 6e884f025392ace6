"""Helpers for testing implementations of ``__array_function__`` and ufunc
overrides, as ``numpy.testing.overrides``, for rumpy's functions and ufuncs.
"""

import rumpy as _rp
from rumpy import _dispatch

__all__ = [
    'get_overridable_numpy_ufuncs', 'allows_array_ufunc_override',
    'get_overridable_numpy_array_functions', 'allows_array_function_override',
]


def get_overridable_numpy_ufuncs():
    """The set of rumpy's public ufuncs (overridable via ``__array_ufunc__``)."""
    return {obj for obj in vars(_rp).values() if isinstance(obj, _rp.ufunc)}


def allows_array_ufunc_override(func):
    """Whether ``func`` is a ufunc, i.e. overridable via ``__array_ufunc__``.

    Equivalent to ``isinstance(func, rumpy.ufunc)``.
    """
    return isinstance(func, _rp.ufunc)


def get_overridable_numpy_array_functions():
    """The set of rumpy's top-level functions that dispatch through
    ``__array_function__`` (numpy's dispatching functions that rumpy has)."""
    found = set()
    for name in _dispatch.NAMES:
        func = getattr(_rp, name, None)
        if func is not None and callable(func):
            found.add(func)
    return found


def allows_array_function_override(func):
    """Whether ``func`` is one of rumpy's functions overridable via
    ``__array_function__``."""
    try:
        return func in get_overridable_numpy_array_functions()
    except TypeError:  # unhashable
        return False
