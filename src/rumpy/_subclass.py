"""NumPy's functions meeting ndarray subclasses: ``np.sum(a)``, ``np.argmax(a)`` and their
kind call ``a``'s own method when ``a``'s class overrides it (numpy's ``_wrapreduction`` and
``_wrapfunc``), so a masked array or a matrix gives its own answer. The arguments go to the
method as the caller gave them."""

import functools

from . import _core

_ndarray = _core.ndarray


def overrides(a, name):
    """Whether ``a`` is an instance of an ndarray subclass that overrides method ``name``."""
    t = type(a)
    if t is _ndarray or not isinstance(a, _ndarray):
        return False
    method = getattr(t, name, None)
    return method is not None and method is not getattr(_ndarray, name, None)


def defers_to_method(name):
    """Decorate a function of an array ``a`` so that it calls ``a.<name>(...)`` instead when
    ``a``'s class overrides that method. The plain function stays as ``__wrapped__`` (the
    ndarray method itself, which must not defer)."""
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(a, *args, **kwargs):
            if type(a) is not _ndarray and overrides(a, name):
                return getattr(a, name)(*args, **kwargs)
            return fn(a, *args, **kwargs)
        return wrapper
    return decorate


def sorts_a_copy(name):
    """As :func:`defers_to_method` for NumPy's ``sort``/``partition``: a copy of ``a`` sorted
    in place by its own method."""
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(a, *args, **kwargs):
            if type(a) is not _ndarray and overrides(a, name):
                out = a.copy(order="K")
                getattr(out, name)(*args, **kwargs)
                return out
            return fn(a, *args, **kwargs)
        return wrapper
    return decorate
