"""Floating-point error handling: ``seterr``, ``geterr``, ``errstate``, ``seterrcall``.

The Rust loops report which conditions happened (division by zero, overflow, invalid); this
module decides, as NumPy's ``_error_handler`` does, whether to ignore, warn, raise, print, log
or call.
"""

import contextlib
import contextvars
import warnings

from . import _scalars

_MODES = ("ignore", "warn", "raise", "call", "print", "log")
_KEYS = ("divide", "over", "under", "invalid")
_DEFAULT = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}

_state = contextvars.ContextVar("rumpy_errstate", default=(dict(_DEFAULT), None))
# the ufunc buffer size (getbufsize/setbufsize), restored by errstate as numpy's
_BUFSIZE = contextvars.ContextVar("rumpy_bufsize", default=8192)

# Status bits of the Rust core (kernels::status).
_DIVIDE_BY_ZERO, _OVERFLOW, _INVALID, _UNDERFLOW = 1, 2, 4, 16


def geterr():
    """Get the current way of handling floating-point errors."""
    return dict(_state.get()[0])


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """Set how floating-point errors are handled; returns the old settings."""
    old, call = _state.get()
    new = dict(old)
    for key, val in (("divide", divide), ("over", over), ("under", under), ("invalid", invalid)):
        val = val if val is not None else all
        if val is not None:
            if val not in _MODES:
                raise ValueError(f"invalid error mode {val!r}")
            new[key] = val
    _state.set((new, call))
    return dict(old)


def geterrcall():
    """The function (or object with a ``write`` method) floating-point errors set to
    ``'call'`` or ``'log'`` report to, or None (see ``seterrcall``).

    Returns
    -------
    callable, object with ``write``, or None
        The current error handler.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.geterrcall() is None
    True
    """
    return _state.get()[1]


def seterrcall(func):
    """Set the callable (or object with ``write``) used by the 'call' and 'log' modes."""
    if func is not None and not callable(func) and not hasattr(func, "write"):
        raise ValueError("Only callable can be used as callback")
    modes, old = _state.get()
    _state.set((modes, func))
    return old


class errstate(contextlib.ContextDecorator):
    """Context manager (and decorator) for floating-point error handling."""

    def __init__(self, *, call=None, all=None, divide=None, over=None, under=None, invalid=None):
        self._call = call
        self._kw = {"all": all, "divide": divide, "over": over, "under": under, "invalid": invalid}
        self._token = None
        self._buf_token = None

    def __enter__(self):
        old = _state.get()
        self._token = _state.set(old)
        self._buf_token = _BUFSIZE.set(_BUFSIZE.get())
        seterr(**self._kw)
        if self._call is not None:
            seterrcall(self._call)
        return self

    def __exit__(self, *exc):
        _state.reset(self._token)
        _BUFSIZE.reset(self._buf_token)
        return False


class _Preset:
    """A context manager that sets a prebuilt error state: what errstate does, without
    validating keywords on every call (for rumpy's own hot paths)."""

    __slots__ = ("_value", "_token")

    def __init__(self, modes, call=None):
        self._value = (modes, call)

    def __enter__(self):
        self._token = _state.set(self._value)
        return self

    def __exit__(self, *exc):
        _state.reset(self._token)
        return False


_QUIET = _Preset({key: "ignore" for key in _KEYS})
_FAILING = {"divide": "ignore", "over": "ignore", "under": "ignore", "invalid": "call"}


def quiet():
    """Every floating-point condition ignored (``errstate(all='ignore')``)."""
    return _QUIET


def failing(handler):
    """Only the invalid flag counts, and it goes to ``handler`` (``errstate(call=handler,
    invalid='call', over='ignore', divide='ignore', under='ignore')``)."""
    return _Preset(_FAILING, handler)


def collect(fn):
    """``fn()``, with the conditions it raises collected instead of reported: returns the
    result and NumPy's flag bits of the conditions (1 divide, 2 over, 4 under, 8 invalid)."""
    seen = [0]

    def note(_text, flag):
        seen[0] |= flag

    token = _state.set((_COLLECT, note))
    try:
        res = fn()
    finally:
        _state.reset(token)
    return res, seen[0]


_COLLECT = {key: "call" for key in _KEYS}


def handle(name, flags, stacklevel):
    """Apply the error state to conditions reported by ``name`` (a ufunc, "cast"); warnings
    point ``stacklevel`` frames up, at the user's call."""
    modes, call = _state.get()
    # NumPy's order, and the flag values its callbacks receive.
    for bit, key, text, np_flag in ((_DIVIDE_BY_ZERO, "divide", "divide by zero", 1),
                                    (_OVERFLOW, "over", "overflow", 2),
                                    (_UNDERFLOW, "under", "underflow", 4),
                                    (_INVALID, "invalid", "invalid value", 8)):
        if not flags & bit:
            continue
        mode = modes[key]
        msg = f"{text} encountered in {name}"
        if mode == "ignore":
            continue
        if mode == "warn":
            warnings.warn(msg, RuntimeWarning, stacklevel=stacklevel)
        elif mode == "raise":
            raise FloatingPointError(msg)
        elif mode == "print":
            print(f"Warning: {msg}")
        elif mode == "call":
            if call is None:
                raise ValueError(f"Callback function not set for {key} error")
            call(text, np_flag)
        elif mode == "log":
            if call is None or not hasattr(call, "write"):
                raise ValueError("Callback object does not have a write method")
            call.write(f"Warning: {msg}\n")


# Scalar arithmetic reports through the same state.
_scalars.get_errstate = geterr
