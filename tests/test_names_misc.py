"""Small public names against numpy: scalar aliases and constants, numpy.rec's helpers, the
DType classes of numpy.dtypes, numpy.exceptions' classes and numpy.testing's flags."""

import io

import numpy as np
import pytest

import rumpy as rp
from conftest import check, check_message

# longlong and ulonglong are left out: NumPy's are classes of their own beside int64 and
# uint64 (the same values), rumpy's are those classes.
ALIASES = ["cdouble", "csingle", "int_", "ubyte", "uintc", "ulong", "ushort", "byte", "short",
           "intc", "single", "double", "half", "uint", "intp", "uintp"]


@pytest.mark.parametrize("name", ALIASES)
def test_scalar_aliases(name):
    check_message(f"m.{name}(3)")
    check_message(f"m.dtype(m.{name})")
    check_message(f"m.array([1, 2], dtype=m.{name})")


@pytest.mark.parametrize("name", ["euler_gamma", "pi", "e", "inf", "nan", "little_endian"])
def test_constants(name):
    check(f"m.{name}")


@pytest.mark.parametrize("obj", ["[1, 2]", "3", "'ab'", "m.arange(3)", "m.float64(1)",
                                 "m.array(5)", "(x for x in [])", "None"])
def test_iterable(obj):
    check(f"m.iterable({obj})")


@pytest.mark.parametrize("arr", ["m.arange(6).reshape(2, 3)", "m.arange(6.).reshape(2, 3).T",
                                 "m.arange(4)[::-1]", "m.array(7)"])
def test_flatiter(arr):
    check(f"isinstance({arr}.flat, m.flatiter)")
    check(f"{arr}.flat[1:3]" if "array(7)" not in arr else f"{arr}.flat[0]")
    check(f"list({arr}.flat)")
    check(f"{arr}.flat.base.shape")


RECS = "m.array([(1, 2.5), (3, 4.5), (5, 6.5)], dtype=[('a', '<i4'), ('b', '<f8')]).tobytes()"
REC_CASES = [
    "m.rec.find_duplicate([1, 2, 1, 3, 2, 2])", "m.rec.find_duplicate([])",
    "m.rec.find_duplicate(['a', 'b', 'a'])",
    "m.rec.fromstring(d, dtype=[('a', '<i4'), ('b', '<f8')])",
    "m.rec.fromstring(d, formats='i4,f8', names='x,y', shape=2)",
    "m.rec.fromstring(d)", "m.rec.fromstring(d, formats='i4,f8', offset=12)",
    "m.rec.fromstring(d, formats='i4,f8', shape=5)",
    "m.rec.fromfile(io.BytesIO(d), formats='i4,f8')",
    "m.rec.fromfile(io.BytesIO(d), formats='i4,f8', shape=(3, -1))",
    "m.rec.fromfile(io.BytesIO(d), formats='i4,f8', shape=4)",
    "m.rec.fromfile(io.BytesIO(d), formats='i4,f8', offset=12)",
    "m.rec.fromfile(io.BytesIO(d))",
    "m.rec.format_parser('i4,f8', 'x,y', None).dtype",
    "m.rec.format_parser(['i4', 'f8'], ['x'], ['tx'], aligned=True).dtype",
]


@pytest.mark.parametrize("expr", REC_CASES)
def test_rec_helpers(expr):
    import numpy
    d = numpy.array([(1, 2.5), (3, 4.5), (5, 6.5)],
                    dtype=[("a", "<i4"), ("b", "<f8")]).tobytes()
    out = {}
    for m in (rp, np):
        try:
            out[m] = eval(expr, {"m": m, "d": d, "io": io})
        except Exception as e:  # noqa: BLE001 - compared below
            out[m] = e
    r, n = out[rp], out[np]
    if isinstance(n, Exception):
        assert type(r).__name__ == type(n).__name__ and str(r) == str(n), (r, n)
    elif isinstance(n, np.ndarray):
        assert type(r).__name__ == type(n).__name__
        assert np.asarray(r).dtype == n.dtype and np.asarray(r).tobytes() == n.tobytes()
        assert np.asarray(r).shape == n.shape
    else:
        assert str(r) == str(n)


def test_rec_fromfile_path(tmp_path):
    p = tmp_path / "recs.bin"
    p.write_bytes(np.arange(6, dtype="<i4").tobytes())
    n = np.rec.fromfile(str(p), formats="i4,i4")
    r = rp.rec.fromfile(str(p), formats="i4,i4")
    assert np.asarray(r).tobytes() == n.tobytes() and r.shape == n.shape


# (Long)LongDType and ULongLongDType: rumpy's long long is int64 (see ALIASES)
DTYPE_CLASSES = [n for n in dir(np.dtypes) if n.endswith("DType")
                 and n not in ("LongLongDType", "ULongLongDType")]
SAMPLE_DTYPES = ["'?'", "'i1'", "'u2'", "'i4'", "'u8'", "'e'", "'f4'", "'f8'", "'g'", "'F'",
                 "'D'", "'G'", "'O'", "'U3'", "'S2'", "'V4'", "'M8[s]'", "'m8[ms]'",
                 "[('a', 'f8')]"]


@pytest.mark.parametrize("cls", DTYPE_CLASSES)
def test_dtype_classes(cls):
    for dt in SAMPLE_DTYPES:
        check(f"isinstance(m.dtype({dt}), m.dtypes.{cls})")


@pytest.mark.parametrize("cls", [c for c in DTYPE_CLASSES
                                 if c not in ("StringDType", "VoidDType", "StrDType",
                                              "BytesDType", "DateTime64DType",
                                              "TimeDelta64DType")])
def test_dtype_class_instances(cls):
    check(f"m.dtypes.{cls}()")


@pytest.mark.parametrize("name", ["ModuleDeprecationWarning", "TooHardError", "AxisError",
                                  "ComplexWarning", "DTypePromotionError",
                                  "VisibleDeprecationWarning", "RankWarning"])
def test_exception_classes(name):
    if not hasattr(np.exceptions, name):
        pytest.skip(f"numpy.exceptions has no {name}")
    n = getattr(np.exceptions, name)
    r = getattr(rp.exceptions, name)
    builtin = [b.__name__ for b in n.__mro__ if b.__module__ == "builtins"]
    assert [b.__name__ for b in r.__mro__ if b.__module__ == "builtins"] == builtin


@pytest.mark.parametrize("name", ["BLAS_SUPPORTS_FPE", "HAS_LAPACK64", "IS_EDITABLE",
                                  "IS_INSTALLED", "IS_PYPY", "HAS_REFCOUNT", "IS_WASM",
                                  "NOGIL_BUILD", "IS_MUSL"])
def test_testing_flags(name):
    assert type(getattr(rp.testing, name)) is type(getattr(np.testing, name))
