"""rumpy's finfo/iinfo (src/rumpy/_finfo.py) against numpy's.

Loaded by path like tests/test_scalars.py, so they run without the Rust
extension; the ``.dtype`` checks skip when ``rumpy._core`` is not built.
"""

import importlib.util
import sys
import types
import warnings
from pathlib import Path

import numpy as np
import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rumpy"
_PKG = "_rumpy_scalars_under_test"


def _load_by_path():
    """Load exceptions/_print/_scalars/_finfo from src/rumpy by path."""
    if _PKG + "._finfo" in sys.modules:
        return sys.modules[_PKG + "._scalars"], sys.modules[_PKG + "._finfo"]
    pkg = types.ModuleType(_PKG)
    pkg.__path__ = [str(SRC)]
    sys.modules[_PKG] = pkg
    try:
        import rumpy._core as core
    except Exception:
        core = None
    # share the real extension (never load the .so a second time)
    sys.modules[_PKG + "._core"] = core
    for name in ("exceptions", "_print", "_scalars", "_finfo"):
        path = SRC / f"{name}.py"
        if not path.exists():
            continue
        spec = importlib.util.spec_from_file_location(f"{_PKG}.{name}", path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = mod
        spec.loader.exec_module(mod)
        setattr(pkg, name, mod)
    return sys.modules[_PKG + "._scalars"], sys.modules[_PKG + "._finfo"]


S, F = _load_by_path()


def _rumpy_with_core():
    try:
        import rumpy
        import rumpy._core  # noqa: F401
        return rumpy
    except Exception:
        return None


needs_core = pytest.mark.skipif(_rumpy_with_core() is None,
                                reason="rumpy._core is not built")

INEXACT = ["float16", "float32", "float64", "complex64", "complex128"]
INTS = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
        "uint64"]
# numpy's public finfo attributes: the ints, and the values (scalars of the float type)
_NP_FINFO = np.finfo("float64")
_FINFO_ATTRS = [a for a in dir(_NP_FINFO) if not a.startswith("_")]
INT_ATTRS = [a for a in _FINFO_ATTRS if type(getattr(_NP_FINFO, a)) is int]
VALUE_ATTRS = [a for a in _FINFO_ATTRS if isinstance(getattr(_NP_FINFO, a), np.floating)]


def test_finfo_attribute_lists_cover_numpys():
    # what is neither an int nor a value is compared elsewhere (dtype: test_finfo_inputs)
    assert set(_FINFO_ATTRS) - set(INT_ATTRS) - set(VALUE_ATTRS) == {"dtype"}


def _norm(msg):
    return str(msg).replace("numpy.", "").replace("rumpy.", "")


@pytest.mark.parametrize("name", INEXACT)
def test_finfo_attributes(name):
    f, g = F.finfo(name), np.finfo(name)
    for attr in INT_ATTRS:
        assert type(getattr(f, attr)) is int, attr
        assert getattr(f, attr) == getattr(g, attr), attr
    for attr in VALUE_ATTRS:
        a, b = getattr(f, attr), getattr(g, attr)
        assert type(a).__name__ == type(b).__name__, attr
        assert type(a) is getattr(S, type(b).__name__)
        assert a.item() == b.item(), attr
        assert repr(a) == repr(b) and str(a) == str(b), attr


@pytest.mark.parametrize("name", INEXACT)
def test_finfo_repr_and_str(name):
    assert repr(F.finfo(name)) == repr(np.finfo(name))
    assert str(F.finfo(name)) == str(np.finfo(name))


@pytest.mark.parametrize("name", ["float16", "float32", "float64"])
def test_finfo_values_behave_like_ieee_limits(name):
    """The derived constants do what they promise, in rumpy arithmetic."""
    f = F.finfo(name)
    t = getattr(S, name)
    one = t(1)
    assert one + f.eps > one and (one + f.eps) - one == f.eps
    assert one - f.epsneg < one and one - (one - f.epsneg) == f.epsneg
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert f.max * t(2) == t(float("inf"))
    assert f.smallest_subnormal / t(2) == t(0)
    assert f.smallest_normal == t(2) ** f.minexp
    assert f.eps == t(2) ** f.machep and f.epsneg == t(2) ** f.negep


def test_finfo_inputs():
    cases = ["float16", "float32", "float64", "complex64", "complex128",
             "f2", "f4", "f8", "c8", "c16", "e", "f", "d", "F", "D", "<f4",
             "=f8", "half", "single", "double", "float", "complex"]
    for c in cases:
        assert F.finfo(c)._dtype_name == np.finfo(c).dtype.name, c
    for x in (float, complex, 1.0, 1 + 2j, np.float32, np.dtype("float16"),
              np.complex64(1), np.float64(2)):
        assert F.finfo(x)._dtype_name == np.finfo(x).dtype.name, x
    for name in INEXACT:
        cls = getattr(S, name)
        assert F.finfo(cls) is F.finfo(name)
        assert F.finfo(cls(1)) is F.finfo(name)
        assert F.finfo(cls)._dtype_name == np.finfo(np.dtype(name)).dtype.name


def test_finfo_rumpy_dtype_like_objects():
    class FakeDtype:        # anything with the .name of a supported dtype
        name = "float32"
    assert F.finfo(FakeDtype()) is F.finfo("float32")


def test_finfo_none_is_deprecated():
    with pytest.warns(DeprecationWarning) as rec:
        got = F.finfo(None)
    with pytest.warns(DeprecationWarning) as rec_np:
        expected = np.finfo(None)
    assert str(rec[0].message) == str(rec_np[0].message)
    assert got._dtype_name == expected.dtype.name


@pytest.mark.parametrize("x", [int, "int8", "i4", bool, 1, "bool", "uint64",
                               np.int16, np.dtype("uint8")])
def test_finfo_rejects_exact_types(x):
    with pytest.raises(ValueError) as exc_np:
        np.finfo(x)
    with pytest.raises(ValueError) as exc_rp:
        F.finfo(x)
    assert _norm(exc_rp.value) == _norm(exc_np.value)


def test_finfo_rejects_rumpy_integer_types():
    for name in INTS + ["bool"]:
        with pytest.raises(ValueError) as exc_np:
            np.finfo(getattr(np, name))
        with pytest.raises(ValueError) as exc_rp:
            F.finfo(getattr(S, name))
        assert _norm(exc_rp.value) == _norm(exc_np.value)


def test_finfo_rejects_unknown():
    for x in ("x", object()):
        with pytest.raises(ValueError, match="not inexact"):
            np.finfo(x)
        with pytest.raises(ValueError, match="not inexact"):
            F.finfo(x)


@pytest.mark.parametrize("name", INTS)
def test_iinfo(name):
    i, j = F.iinfo(name), np.iinfo(name)
    for attr in ("bits", "min", "max", "kind", "key"):
        assert getattr(i, attr) == getattr(j, attr), attr
        assert type(getattr(i, attr)) is type(getattr(j, attr)), attr
    assert repr(i) == repr(j)
    assert str(i) == str(j)
    for x in (getattr(S, name), getattr(S, name)(1), getattr(np, name),
              getattr(np, name)(1), np.dtype(name)):
        assert repr(F.iinfo(x)) == repr(j)


def test_iinfo_inputs():
    for x in (int, 1, "int", "i1", "u2", "i4", "<i8", "uint", "l", "B",
              "intp", "uintp", "long"):
        assert repr(F.iinfo(x)) == repr(np.iinfo(x)), x


@pytest.mark.parametrize("x", [float, "float32", 1.0, complex, "c8", bool,
                               "bool", None, "x", np.float16, np.bool_,
                               object()])
def test_iinfo_rejects(x):
    with pytest.raises(ValueError) as exc_np:
        np.iinfo(x)
    with pytest.raises(ValueError) as exc_rp:
        F.iinfo(x)
    assert str(exc_rp.value) == str(exc_np.value)


def test_iinfo_rejects_rumpy_inexact_types():
    for name in INEXACT + ["bool"]:
        with pytest.raises(ValueError) as exc_np:
            np.iinfo(getattr(np, name))
        with pytest.raises(ValueError) as exc_rp:
            F.iinfo(getattr(S, name))
        assert str(exc_rp.value) == str(exc_np.value)


@needs_core
@pytest.mark.parametrize("name", INEXACT)
def test_finfo_dtype(name):
    rp = _rumpy_with_core()
    assert F.finfo(name).dtype.name == np.finfo(name).dtype.name
    assert F.finfo(rp.dtype(name)) is F.finfo(name)
    assert rp.finfo(rp.dtype(name)).dtype == rp.dtype(np.finfo(name).dtype.name)
    assert str(rp.finfo(getattr(rp, name))) == str(np.finfo(name))


@needs_core
@pytest.mark.parametrize("name", INTS)
def test_iinfo_dtype(name):
    rp = _rumpy_with_core()
    assert F.iinfo(name).dtype.name == name
    assert rp.iinfo(rp.dtype(name)).dtype == rp.dtype(name)
    assert repr(rp.iinfo(getattr(rp, name))) == repr(np.iinfo(name))
