"""``rumpy.lib``: numpy.lib's submodules and helpers (``recfunctions`` is imported on use,
as in numpy)."""

import inspect
import os
import types
import warnings

from . import array_utils, format, introspect, mixins, npyio, scimath, stride_tricks
from ._arrayterator import Arrayterator
from ._version import NumpyVersion

__all__ = ["Arrayterator", "add_docstring", "add_newdoc", "array_utils", "format",
           "introspect", "mixins", "NumpyVersion", "npyio", "scimath", "stride_tricks",
           "tracemalloc_domain"]

# numpy's tracemalloc domain number, kept so code that filters snapshots by it runs; rumpy's
# core does not report its allocations to tracemalloc
tracemalloc_domain = 389047

# objects whose docstring lives in C: numpy names them "<name> method" in its error
_C_DOCUMENTED = (types.BuiltinFunctionType, types.MethodDescriptorType,
                 types.WrapperDescriptorType, types.GetSetDescriptorType,
                 types.MemberDescriptorType, type)


def add_docstring(obj, docstring):
    """Give ``obj`` the docstring ``docstring``; RuntimeError if it has a different one."""
    if not isinstance(docstring, str):
        raise TypeError("argument docstring of add_docstring should be a str")
    current = getattr(obj, "__doc__", None)
    if current is not None and current != docstring:
        if isinstance(obj, _C_DOCUMENTED):
            raise RuntimeError(f"{obj.__name__} method already has a different docstring")
        raise RuntimeError("object already has a different docstring")
    try:
        obj.__doc__ = docstring
    except (AttributeError, TypeError):
        raise TypeError("Cannot set a docstring for that object") from None


def _settable_from_python(obj):
    return (isinstance(obj, (types.FunctionType, types.MethodType, property))
            or (isinstance(obj, type) and obj.__flags__ & (1 << 9)))  # a heap type


def _document(obj, doc, warn_on_python):
    if warn_on_python and _settable_from_python(obj):
        warnings.warn(f"add_newdoc was used on a pure-python object {obj}. "
                      "Prefer to attach it directly to the source.", UserWarning, stacklevel=3)
    try:
        add_docstring(obj, inspect.cleandoc(doc))
    except Exception:  # noqa: BLE001 - like numpy, a docstring that cannot be set is skipped
        pass


def add_newdoc(place, obj, doc, warn_on_python=True):
    """Document ``place.obj`` (``doc`` a string), or its attributes (``doc`` an
    ``(attr, docstring)`` pair or a list of them)."""
    new = getattr(__import__(place, globals(), {}, [obj]), obj)
    if isinstance(doc, str):
        _document(new, doc, warn_on_python)
    elif isinstance(doc, tuple):
        attr, docstring = doc
        _document(getattr(new, attr), docstring, warn_on_python)
    elif isinstance(doc, list):
        for attr, docstring in doc:
            _document(getattr(new, attr), docstring, warn_on_python)


def _tests_directory():
    """The test suite of a source checkout (``tests/`` beside ``src/``), or None."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(os.path.dirname(root), "tests")
    return path if os.path.isdir(path) else None


def test(label="fast", verbose=1, extra_argv=None, doctests=False, coverage=False,
         durations=-1, tests=None):
    """Run rumpy's test suite with pytest (found beside the sources); True when it passes."""
    import pytest
    directory = _tests_directory()
    if directory is None:
        raise RuntimeError("rumpy's tests are not installed: run them from a source checkout")
    args = ["-q"] if verbose <= 1 else ["-" + "v" * (verbose - 1)]
    if label == "fast":
        args += ["-m", "not slow"]
    if durations >= 0:
        args += [f"--durations={durations}"]
    if doctests:
        args += ["--doctest-modules"]
    if coverage:
        args += ["--cov=rumpy"]
    args += list(extra_argv or [])
    args += [os.path.join(directory, t) for t in tests] if tests else [directory]
    return pytest.main(args) == 0


def __getattr__(name):
    raise AttributeError(f"module 'rumpy.lib' has no attribute '{name}'")
