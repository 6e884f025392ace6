"""Exception and warning classes, with NumPy's names and bases.

When NumPy is loaded, raising ``AxisError`` or ``DTypePromotionError`` (or ``rumpy.linalg``'s
``LinAlgError``) gives an instance of a class deriving from both rumpy's and NumPy's class of
that name, so ``except rp.AxisError`` and ``except np.exceptions.AxisError`` both catch it.
rumpy never imports NumPy for this: it only looks at ``sys.modules``.
"""

import sys


class _AlsoNumpys:
    """Instances made while NumPy is loaded are of a subclass that also derives from NumPy's
    class of the same name, looked up in the NumPy module named by the class's
    ``_numpy_module`` (``numpy.exceptions`` unless it says otherwise, as ``LinAlgError``'s
    ``numpy.linalg``)."""

    _numpy_twin = None
    _numpy_module = "numpy.exceptions"

    def __new__(cls, *args, **kwargs):
        np = sys.modules.get("numpy")
        if np is not None and cls.__dict__.get("_is_public", False):
            twin = cls.__dict__.get("_numpy_twin")
            if twin is None:
                home = sys.modules.get(cls._numpy_module)
                theirs = getattr(home, cls.__name__, None)
                if isinstance(theirs, type) and issubclass(theirs, BaseException):
                    twin = type(cls.__name__, (cls, theirs), {
                        "__module__": cls.__module__,
                        "__qualname__": cls.__qualname__,
                        "__doc__": cls.__doc__,
                        "_is_public": False,
                    })
                    cls._numpy_twin = twin
            if twin is not None:
                cls = twin
        return super().__new__(cls, *args, **kwargs)

    def __reduce__(self):
        public = next(c for c in type(self).__mro__ if c.__dict__.get("_is_public"))
        state = {k: getattr(self, k) for k in ("_msg", "axis", "ndim") if hasattr(self, k)}
        return (_rebuild, (public, self.args, state))


def _rebuild(cls, args, state):
    e = cls(*args)
    for k, v in state.items():
        setattr(e, k, v)
    return e



class AxisError(_AlsoNumpys, ValueError, IndexError):
    """An axis argument is out of range for the array's dimensions.

    As NumPy's: ``AxisError(message)``, or ``AxisError(axis, ndim, msg_prefix=None)``."""

    _is_public = True

    def __init__(self, *args, **kwargs):
        BaseException.__init__(self, *args)
        self._set(*args, **kwargs)

    def _set(self, axis, ndim=None, msg_prefix=None):
        if ndim is None and msg_prefix is None:
            self._msg, self.axis, self.ndim = axis, None, None
        else:
            self._msg, self.axis, self.ndim = msg_prefix, axis, ndim

    def __str__(self):
        if self.axis is None:
            return str(self._msg)
        msg = f"axis {self.axis} is out of bounds for array of dimension {self.ndim}"
        return msg if self._msg is None else f"{self._msg}: {msg}"


class DTypePromotionError(_AlsoNumpys, TypeError):
    """Two dtypes have no common dtype."""

    _is_public = True


class UFuncTypeError(TypeError):
    """A ufunc cannot run on its operands' dtypes (numpy's UFuncTypeError)."""


def _shown_as_base(cls):
    """NumPy shows its private ufunc errors under their base's name (``UFuncTypeError``);
    their qualified names stay their own."""
    cls.__name__ = "UFuncTypeError"
    return cls


@_shown_as_base
class _UFuncNoLoopError(UFuncTypeError):
    """The ufunc has no loop for these dtypes."""


@_shown_as_base
class _UFuncBinaryResolutionError(_UFuncNoLoopError):
    """A binary ufunc's type resolution refused its two operands (datetime arithmetic)."""


@_shown_as_base
class _UFuncCastingError(UFuncTypeError):
    """An operand cannot be cast to or from the ufunc's loop under the casting rule."""


@_shown_as_base
class _UFuncInputCastingError(_UFuncCastingError):
    """An input cannot be cast to the loop's input dtype."""


@_shown_as_base
class _UFuncOutputCastingError(_UFuncCastingError):
    """The loop's result cannot be cast to an output."""


class ComplexWarning(RuntimeWarning):
    """A complex value was cast to a real type, discarding the imaginary part."""


class RankWarning(RuntimeWarning):
    """Rank deficiency in a fit."""


class TooHardError(RuntimeError):
    """A bounded problem (such as shares_memory's) exceeded its work limit."""


class VisibleDeprecationWarning(UserWarning):
    """A deprecation shown by default (a user's likely mistake, as NumPy's)."""


class ModuleDeprecationWarning(DeprecationWarning):
    """A deprecated module."""


__all__ = ["AxisError", "DTypePromotionError", "ComplexWarning", "ModuleDeprecationWarning",
           "RankWarning", "TooHardError", "VisibleDeprecationWarning"]
