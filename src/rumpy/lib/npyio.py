"""``rumpy.lib.npyio``: the classes ``rumpy.load`` works with (numpy.lib.npyio)."""

from .._npyio import NpzFile
from ._datasource import DataSource

__all__ = ["DataSource", "NpzFile"]
