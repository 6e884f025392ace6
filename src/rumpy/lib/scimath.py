"""``rumpy.lib.scimath``: math functions with complex results outside the real domain
(the same functions as ``rumpy.emath``)."""

from ..emath import arccos, arcsin, arctanh, log, log2, log10, logn, power, sqrt

__all__ = ["sqrt", "log", "log2", "logn", "log10", "power", "arccos", "arcsin", "arctanh"]

