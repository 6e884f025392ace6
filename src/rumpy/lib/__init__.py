"""``rumpy.lib``: the part of ``numpy.lib`` that rumpy has (``format``)."""

from . import format

__all__ = ["format"]

_NUMPY_LIB_NAMES = {
    "Arrayterator", "NumpyVersion", "add_docstring", "add_newdoc", "array_utils",
    "introspect", "mixins", "npyio", "scimath", "stride_tricks", "test", "tracemalloc_domain",
}


def __getattr__(name):
    if name in _NUMPY_LIB_NAMES:
        raise AttributeError(f"module 'rumpy.lib' has no attribute '{name}': "
                             f"numpy.lib.{name} is not implemented in rumpy yet")
    raise AttributeError(f"module 'rumpy.lib' has no attribute '{name}'")
