"""``rumpy.matrixlib``: the matrix class, as ``numpy.matrixlib``."""

from . import defmatrix
from .defmatrix import *  # noqa: F401,F403

__all__ = list(defmatrix.__all__)
