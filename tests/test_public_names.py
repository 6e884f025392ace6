"""Every public name of numpy 2.4 exists in rumpy, unless it is on the list below of names
rumpy leaves out on purpose (each with its reason); and every name rumpy has is used by at
least one test. The list is the record of what is missing: a name that appears in rumpy
must leave it (the test fails), so the list cannot drift.
"""

import functools
import importlib
import re
import types
from pathlib import Path

import numpy as np
import pytest

import rumpy as rp

# numpy module -> rumpy module, compared name by name (public names: no leading underscore).
MODULES = [
    "", "ma", "ma.core", "ma.extras", "ma.mrecords", "polynomial", "polynomial.polynomial",
    "polynomial.chebyshev", "polynomial.legendre", "polynomial.laguerre", "polynomial.hermite",
    "polynomial.hermite_e", "polynomial.polyutils", "testing", "lib", "lib.stride_tricks",
    "lib.recfunctions", "lib.mixins", "lib.scimath", "lib.array_utils", "lib.format",
    "lib.npyio", "lib.introspect", "linalg", "fft", "random", "strings", "char", "emath",
    "rec", "exceptions", "dtypes", "matrixlib", "random.bit_generator", "random.mtrand",
]

# Names rumpy leaves out on purpose, by module, each with its reason.
LEFT_OUT = {
    "": {
        "f2py": "a Fortran wrapper generator: it builds C extensions against numpy's C API",
        "typing": "numpy.typing annotates numpy's own types; rumpy ships stubs (py.typed)",
        "core": "numpy.core is numpy's deprecated private-module alias",
    },
    "testing": {
        "extbuild": "builds and imports C extension modules against numpy's C API",
    },
}

# Attributes compared on classes: numpy's ndarray and scalar classes against rumpy's.
CLASSES = [("ndarray", "ndarray"), ("generic", "generic"), ("float64", "float64"),
           ("dtype", "dtype"), ("ma.MaskedArray", "ma.MaskedArray"),
           ("polynomial.Polynomial", "polynomial.Polynomial"), ("matrix", "matrix")]
CLASS_LEFT_OUT = {}


def _module(root, path):
    mod = root
    for part in path.split(".") if path else []:
        try:
            mod = getattr(mod, part)
        except AttributeError:
            mod = importlib.import_module(f"{mod.__name__}.{part}")
    return mod


def _public(obj):
    return {n for n in dir(obj) if not n.startswith("_")}


def _numpy_names(mod):
    """A numpy module's public names: its ``__all__`` and its public submodules (``dir()``
    also lists the modules it imports for itself, such as ``np`` and ``warnings``)."""
    names = getattr(mod, "__all__", None)
    if names is None:
        return _public(mod)
    subs = {n for n in _public(mod) if isinstance(getattr(mod, n), types.ModuleType)
            and getattr(mod, n).__name__.startswith(mod.__name__ + ".")}
    return set(names) | subs


def _attr(root, dotted):
    obj = root
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


@pytest.mark.parametrize("path", MODULES)
def test_module_names(path):
    n_mod = _module(np, path)
    r_mod = _module(rp, path)
    left_out = LEFT_OUT.get(path, {})
    missing = sorted(n for n in _numpy_names(n_mod) if not hasattr(r_mod, n)
                     and n not in left_out and n != "test")
    assert not missing, f"rumpy.{path or '<main>'} lacks {len(missing)}: {missing}"
    back = sorted(n for n in left_out if hasattr(r_mod, n))
    assert not back, f"rumpy.{path or '<main>'} has {back}: take them off LEFT_OUT"


@pytest.mark.parametrize("np_name,rp_name", CLASSES)
def test_class_attributes(np_name, rp_name):
    n_cls, r_cls = _attr(np, np_name), _attr(rp, rp_name)
    left_out = CLASS_LEFT_OUT.get(np_name, {})
    missing = sorted(n for n in _public(n_cls) - _public(r_cls) if n not in left_out)
    assert not missing, f"rumpy's {rp_name} lacks {missing}"
    back = sorted(n for n in left_out if hasattr(r_cls, n))
    assert not back, f"rumpy's {rp_name} has {back}: take them off CLASS_LEFT_OUT"


@functools.cache
def _test_words():
    """Every identifier-like word of the other test files."""
    here = Path(__file__).parent
    return frozenset(re.findall(r"\w+", "\n".join(
        p.read_text() for p in here.glob("test_*.py") if p.name != Path(__file__).name)))


# Modules whose tests build every name from parts (so no test spells the names out), and
# the text in that test file that does it.
BUILT_NAMES = {
    "dtypes": ("test_names_misc.py", "dir(np.dtypes)"),
    **{f"polynomial.{fam}": ("test_polynomial_families.py", "FAMILIES[fam]")
       for fam in ("chebyshev", "legendre", "laguerre", "hermite", "hermite_e")},
}


@pytest.mark.parametrize("path", MODULES)
def test_every_name_is_tested(path):
    """Each public name rumpy shares with numpy appears in some test: at the least, one
    test calls it (the tests compare rumpy with numpy)."""
    if path in BUILT_NAMES:
        name, marker = BUILT_NAMES[path]
        assert marker in (Path(__file__).parent / name).read_text()
        return
    words = _test_words()
    n_mod, r_mod = _module(np, path), _module(rp, path)
    names = {n for n in _numpy_names(n_mod) if hasattr(r_mod, n)}
    untested = sorted(names - words)
    assert not untested, f"rumpy.{path or '<main>'}: no test names {untested}"
