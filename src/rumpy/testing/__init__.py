"""Testing utilities in the manner of ``numpy.testing``.

Assertions compare rumpy arrays, numpy arrays, scalars and nested sequences
and raise ``AssertionError`` with numpy's message layout.
"""

from . import overrides
from ._utils import *  # noqa: F403
from ._utils import __all__ as _all

__all__ = list(_all) + ['overrides']

del _all
