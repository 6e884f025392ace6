"""``rumpy.ma``: masked arrays, as ``numpy.ma``."""

from . import core
from .core import *  # noqa: F401,F403
from . import extras
from .extras import *  # noqa: F401,F403

__all__ = ["core", "extras"]
__all__ += core.__all__
__all__ += extras.__all__
