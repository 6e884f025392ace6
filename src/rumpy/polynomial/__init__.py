"""``rumpy.polynomial``: the polynomial classes and modules of ``numpy.polynomial``."""

from . import chebyshev, hermite, hermite_e, laguerre, legendre, polynomial
from . import polyutils as polyutils

__all__ = [
    "set_default_printstyle",
    "polynomial", "Polynomial",
    "chebyshev", "Chebyshev",
    "legendre", "Legendre",
    "hermite", "Hermite",
    "hermite_e", "HermiteE",
    "laguerre", "Laguerre",
]

# each class lives in its family module; a module not yet providing it leaves the name out
_CLASSES = {"Polynomial": polynomial, "Chebyshev": chebyshev, "Legendre": legendre,
            "Hermite": hermite, "HermiteE": hermite_e, "Laguerre": laguerre}
globals().update({name: getattr(mod, name) for name, mod in _CLASSES.items()
                  if hasattr(mod, name)})
del _CLASSES


def set_default_printstyle(style):
    """Choose 'unicode' or 'ascii' as the default string form of every polynomial class."""
    if style not in ('unicode', 'ascii'):
        raise ValueError(
            f"Unsupported format string '{style}'. Valid options are 'ascii' "
            f"and 'unicode'"
        )
    from ._polybase import ABCPolyBase
    ABCPolyBase._use_unicode = style == 'unicode'
