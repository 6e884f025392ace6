"""Exception and warning classes, with NumPy's names and bases."""


class AxisError(ValueError, IndexError):
    """An axis argument is out of range for the array's dimensions."""


class DTypePromotionError(TypeError):
    """Two dtypes have no common dtype."""


class ComplexWarning(RuntimeWarning):
    """A complex value was cast to a real type, discarding the imaginary part."""


class RankWarning(RuntimeWarning):
    """Rank deficiency in a fit."""


class TooHardError(RuntimeError):
    """A bounded problem (such as shares_memory's) exceeded its work limit."""


__all__ = ["AxisError", "DTypePromotionError", "ComplexWarning", "RankWarning", "TooHardError"]
