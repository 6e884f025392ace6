"""The small main-namespace names of numpy that rumpy adds in _misc_names, against numpy."""

import inspect
import io
import warnings

import numpy as np
import pytest
from conftest import FEW_DTYPES, P, assert_same, both, check, check_message, pair

import rumpy as rp

FLOAT_TYPES = ["float16", "float32", "float64", "longdouble", "python"]
VALUES = ["0.0", "-0.0", "1.0", "-1.5", "0.1", "1/3", "123456.789", "1e-5", "1.5e-7", "1e16",
          "2.0**-1074 if T == 'float64' else 1e-3", "65504", "1e30", "3.14159", "100.0",
          "float('inf')", "-float('inf')", "float('nan')", "9.999999", "0.5", "2.5"]


def make(expr_value, ftype):
    """The value as a scalar of ``ftype`` in both libraries (``python``: a Python float)."""
    value = eval(expr_value, {"T": ftype})
    if ftype == "python":
        return P(value, value)
    return P(getattr(rp, ftype)(value), getattr(np, ftype)(value))


POSITIONAL_KW = [
    "", "precision=0", "precision=3", "precision=3, unique=False", "precision=10, unique=False",
    "unique=False, precision=0", "fractional=False, precision=3",
    "fractional=False, precision=2, unique=False", "trim='.'", "trim='0'", "trim='-'",
    "sign=True", "pad_left=6", "pad_right=5", "pad_left=3, pad_right=3, trim='-'",
    "min_digits=5", "min_digits=2, precision=4", "precision=5, trim='-', unique=False",
]
SCIENTIFIC_KW = [
    "", "precision=0", "precision=3", "precision=3, unique=False",
    "precision=12, unique=False", "trim='.'", "trim='0'", "trim='-'", "sign=True",
    "pad_left=4", "exp_digits=4", "exp_digits=1", "min_digits=6", "min_digits=2, precision=3",
]


@pytest.mark.filterwarnings("ignore:overflow encountered in cast")
@pytest.mark.parametrize("kw", POSITIONAL_KW)
@pytest.mark.parametrize("ftype", FLOAT_TYPES)
@pytest.mark.parametrize("value", VALUES)
def test_format_float_positional(value, ftype, kw):
    check_message(f"m.format_float_positional(x, {kw})", x=make(value, ftype))


@pytest.mark.filterwarnings("ignore:overflow encountered in cast")
@pytest.mark.parametrize("kw", SCIENTIFIC_KW)
@pytest.mark.parametrize("ftype", FLOAT_TYPES)
@pytest.mark.parametrize("value", VALUES)
def test_format_float_scientific(value, ftype, kw):
    check_message(f"m.format_float_scientific(x, {kw})", x=make(value, ftype))


@pytest.mark.parametrize("expr", [
    "m.format_float_positional(1.5, precision=-1)",
    "m.format_float_positional(1.5, pad_left=-1)",
    "m.format_float_positional(1.5, pad_right=-2)",
    "m.format_float_positional(1.5, min_digits=-1)",
    "m.format_float_positional(1.5, fractional=False, precision=0)",
    "m.format_float_positional(1.5, precision=2, min_digits=3)",
    "m.format_float_positional(1.5, unique=False)",
    "m.format_float_scientific(1.5, unique=False)",
    "m.format_float_scientific(1.5, exp_digits=-1)",
    "m.format_float_scientific(1.5, precision=1, min_digits=2)",
    "m.format_float_positional('1.5')",
    "m.format_float_positional(None)",
    "m.format_float_positional(1 + 2j)",
    "m.format_float_scientific([1.5])",
    "m.format_float_positional(7)",
    "m.format_float_positional(True)",
    "m.format_float_positional(m.int8(-3))",
    "m.format_float_positional(m.uint64(2**64 - 1))",
    "m.format_float_scientific(2**70)",
    "m.format_float_positional(m.array(2.5))",
    "m.format_float_positional(m.array([2.5]))",
    "m.format_float_positional(m.float32(1e20), precision=2)",
    "m.format_float_positional(m.longdouble('1e400'))",
    "m.format_float_scientific(m.longdouble('1e-4940'))",
    "m.format_float_positional(m.float16(2)**-24)",
    "m.format_float_scientific(m.float32(2)**-149, precision=30, unique=False)",
])
def test_format_float_edges(expr):
    check_message(expr)


# --- asarray_chkfinite, isfortran, mask_indices, row_stack ------------------------------------

@pytest.mark.parametrize("dtype", FEW_DTYPES + ["float32", "complex64"])
@pytest.mark.parametrize("case", ["0d", "empty", "1d", "2d", "3d", "strided", "negstride",
                                  "transposed"])
def test_asarray_chkfinite(case, dtype):
    check("m.asarray_chkfinite(a)", a=pair(case, dtype))
    check("m.isfortran(a)", a=pair(case, dtype))


@pytest.mark.parametrize("expr", [
    "m.asarray_chkfinite([1, 2, 3])", "m.asarray_chkfinite([1.0, m.nan])",
    "m.asarray_chkfinite([1.0, m.inf])", "m.asarray_chkfinite([complex(1, m.inf)])",
    "m.asarray_chkfinite([1, 2], dtype=float)", "m.asarray_chkfinite([[1, 2]], order='F')",
    "m.asarray_chkfinite([m.nan], dtype=int)", "m.asarray_chkfinite(['a', 'b'])",
    "m.asarray_chkfinite([1, 2], dtype='float16')", "m.asarray_chkfinite(3.5)",
    "m.asarray_chkfinite([[1, 2], [3]])", "m.asarray_chkfinite([True, False])",
    "m.isfortran(m.ones((2, 3), order='F'))", "m.isfortran(m.ones((2, 3)))",
    "m.isfortran(m.ones((3,)))", "m.isfortran(m.ones((1, 3), order='F'))",
    "m.isfortran(m.ones((3, 1), order='F'))", "m.isfortran(m.ones((2, 3)).T)",
    "m.isfortran(m.ones((2, 3, 4), order='F')[:, :, ::2])",
])
def test_chkfinite_and_fortran(expr):
    check_message(expr)


@pytest.mark.parametrize("n", [0, 1, 3, 5])
@pytest.mark.parametrize("k", [-2, -1, 0, 1, 3])
@pytest.mark.parametrize("func", ["triu", "tril"])
def test_mask_indices(func, k, n):
    check(f"m.mask_indices({n}, m.{func}, {k})")


def test_mask_indices_custom():
    check("m.mask_indices(4, lambda a, k: m.eye(4, k=k, dtype=int) * a, 1)")
    check("m.mask_indices(3, lambda a, k: a, 0)")


@pytest.mark.parametrize("expr", [
    "m.row_stack([[1, 2], [3, 4]])", "m.row_stack(([1, 2], [3, 4.5]))",
    "m.row_stack([m.ones((2, 3)), m.zeros((1, 3))])", "m.row_stack([[1], [2, 3]])",
    "m.row_stack([[1, 2], [3, 4]], dtype='float32')",
    "m.row_stack([[1.5, 2], [3, 4]], dtype=int, casting='unsafe')",
    "m.row_stack([[1.5, 2], [3, 4]], dtype=int)", "m.row_stack([])",
])
def test_row_stack(expr):
    check_message(expr)


def test_row_stack_warns():
    messages = []
    for m in (rp, np):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            m.row_stack([[1], [2]])
        assert [x.category for x in w] == [DeprecationWarning]
        assert w[0].filename == __file__
        messages.append(str(w[0].message).replace("np.", "rp.", 0))
    assert messages[0] == messages[1]


# --- bufsize, little_endian ----------------------------------------------------------------------

@pytest.mark.parametrize("size", [16, 8192, 4096, 10**7, 10**7 + 16, 3, 0, -1, 17, 2**62,
                                  8192.0, True, "a", None])
def test_setbufsize(size):
    try:
        check_message(f"(m.setbufsize({size!r}), m.getbufsize())")
    finally:
        rp.setbufsize(8192)
        np.setbufsize(8192)


def test_getbufsize_default():
    check("m.getbufsize()")
    check("m.little_endian")


# --- info ---------------------------------------------------------------------------------------

def info_text(m, obj, **kw):
    out = io.StringIO()
    m.info(obj, output=out, **kw)
    return out.getvalue()


@pytest.mark.parametrize("dtype", FEW_DTYPES + [">i4", "<f8", "S3"])
@pytest.mark.parametrize("case", ["0d", "1d", "2d", "strided", "transposed"])
def test_info_array(case, dtype):
    shape = {"0d": (), "1d": (5,), "2d": (3, 4), "strided": (4, 6), "transposed": (3, 4)}[case]
    texts = []
    for m in (rp, np):
        a = m.zeros(shape, dtype=dtype)
        a = a[::2, 1::2] if case == "strided" else a.T if case == "transposed" else a
        texts.append([ln for ln in info_text(m, a).splitlines()
                      if not ln.startswith("data pointer")])
    assert texts[0] == texts[1]


def sample_function(a, b=2, *, c=None):
    """A one-line summary.

    More text."""


def long_function(first_argument, second_argument=None, third_argument=(1, 2, 3),
                  fourth_argument="a long default value", fifth=5):
    """Long signature."""


class SampleClass:
    """A class for info."""

    def __init__(self, x, y=1):
        self.x = x

    def method(self):
        """Summary of method."""

    def other(self):
        pass


@pytest.mark.parametrize("obj", [sample_function, long_function, SampleClass,
                                 SampleClass(1).method, 42],
                         ids=["function", "long-function", "class", "method", "int"])
@pytest.mark.parametrize("maxwidth", [76, 30])
def test_info_objects(obj, maxwidth):
    assert info_text(rp, obj, maxwidth=maxwidth) == info_text(np, obj, maxwidth=maxwidth)


def test_info_by_name():
    r = info_text(rp, "nonexistent_name_xyz")
    n = info_text(np, "nonexistent_name_xyz")
    assert r == n
    r = info_text(rp, "mask_indices")
    assert "*** Found in rumpy ***" in r and "Total of" in r


def test_info_none():
    out = io.StringIO()
    rp.info(output=out)
    assert out.getvalue().startswith(" info(object=None, maxwidth=76")


# --- get_include, test -----------------------------------------------------------------------

def test_get_include_refused():
    # rumpy has no C API: an include path would let extensions build against numpy's ABI
    with pytest.raises(RuntimeError, match="no C API headers"):
        rp.get_include()


def test_pytest_tester():
    assert type(rp.test).__name__ == type(np.test).__name__
    assert rp.test.module_name == "rumpy"
    assert (list(inspect.signature(rp.test.__call__).parameters)
            == list(inspect.signature(np.test.__call__).parameters))


def test_pytest_tester_runs(tmp_path):
    (tmp_path / "test_ok.py").write_text("def test_ok():\n    assert True\n")
    (tmp_path / "test_bad.py").write_text("def test_bad():\n    assert False\n")
    assert rp.test(tests=[str(tmp_path / "test_ok.py")], extra_argv=["-p", "no:cacheprovider"])
    assert not rp.test(tests=[str(tmp_path / "test_bad.py")],
                       extra_argv=["-p", "no:cacheprovider"])


def test_all_names_present():
    names = ["format_float_positional", "format_float_scientific", "asarray_chkfinite",
             "isfortran", "getbufsize", "setbufsize", "little_endian", "info", "get_include",
             "mask_indices", "row_stack", "test"]
    for name in names:
        assert hasattr(rp, name) and hasattr(np, name), name


def test_exact_digits():
    r, n = both("m.format_float_positional(m.float64(0.3), precision=60, unique=False)")
    assert_same(r, n)


# --- ctypeslib -----------------------------------------------------------------------------------

CT_DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
             "float32", "float64", ">i4", "<u2", ">f8", "i4,f8", "u1,(2,)i2", "(3,)f4",
             "complex128", "float16", "U3", [("a", "i4"), ("b", "i1", (2,))]]


def ctype_layout(t):
    """What a ctypes type is: its size and alignment, and the fields or element it holds."""
    import ctypes
    out = [ctypes.sizeof(t), ctypes.alignment(t), t.__name__]
    if hasattr(t, "_fields_"):
        out.append([(name, ctype_layout(ct)) for name, ct in t._fields_])
    if hasattr(t, "_length_"):
        out.append((t._length_, ctype_layout(t._type_)))
    return out


@pytest.mark.parametrize("dtype", CT_DTYPES, ids=str)
def test_as_ctypes_type(dtype):
    check_message("layout(m.ctypeslib.as_ctypes_type(d))", d=dtype, layout=ctype_layout)


@pytest.mark.parametrize("dtype", ["int8", "uint16", "int32", "int64", "float32", "float64",
                                   "bool"])
@pytest.mark.parametrize("shape", [(3,), (2, 3), (2, 1, 2)], ids=str)
def test_as_ctypes_roundtrip(dtype, shape):
    def run(m):
        a = m.arange(int(np.prod(shape))).reshape(shape).astype(dtype)
        c = m.ctypeslib.as_ctypes(a)
        back = m.ctypeslib.as_array(c)
        back[(0,) * len(shape)] = 1
        return type(c).__name__, ctype_layout(type(c)), back, a, bool(m.shares_memory(a, back))
    check(run)


@pytest.mark.parametrize("expr", [
    "m.ctypeslib.as_ctypes(m.arange(6.0)[::2])",
    "m.ctypeslib.as_ctypes(m.arange(6.0).reshape(2, 3).T)",
    "m.ctypeslib.as_ctypes(ro)",
    "m.ctypeslib.as_ctypes(m.zeros(2, dtype=complex))",
    "m.ctypeslib.as_array(ctypes.pointer(ctypes.c_int(5)))",
    "m.ctypeslib.as_array(ctypes.cast((ctypes.c_int * 6)(*range(6)), "
    "ctypes.POINTER(ctypes.c_int)), shape=(2, 3))",
    "m.ctypeslib.as_array((ctypes.c_double * 3)(1.5, 2.5, 3.5))",
    "m.ctypeslib.as_array(((ctypes.c_short * 2) * 3)())",
    "m.ctypeslib.c_intp is ctypes.c_ssize_t",
    "sorted(m.ctypeslib.__all__)",
])
def test_ctypeslib_arrays(expr):
    import ctypes
    ro = P(rp.arange(3.0), np.arange(3.0))
    ro.rp.flags.writeable = False
    ro.np.flags.writeable = False
    check_message(expr, ctypes=ctypes, ro=ro)


NDPOINTERS = [
    "dtype='f8'", "ndim=2", "shape=(2, 3)", "flags='C_CONTIGUOUS'", "flags='C,W'",
    "flags=['F_CONTIGUOUS']", "flags=('aligned', 'writeable')", "dtype='i4', ndim=1",
    "dtype='<f8', shape=(6,)", "flags=1", "flags='OWNDATA'", "flags='bogus'",
]
ND_ARGS = ["m.arange(6.0)", "m.arange(6.0).reshape(2, 3)", "m.arange(6.0).reshape(2, 3).T",
           "m.arange(6, dtype='i4')", "m.arange(12.0)[::2]", "[1.0, 2.0]", "ro"]


@pytest.mark.parametrize("arg", ND_ARGS)
@pytest.mark.parametrize("spec", NDPOINTERS)
def test_ndpointer(spec, arg):
    ro = P(rp.arange(3.0), np.arange(3.0))
    ro.rp.flags.writeable = False
    ro.np.flags.writeable = False
    check_message(f"m.ctypeslib.ndpointer({spec}).__name__")
    check_message(f"type(m.ctypeslib.ndpointer({spec}).from_param({arg})).__name__ != ''",
                  ro=ro)


def test_ndpointer_cached():
    assert rp.ctypeslib.ndpointer("f8", 1) is rp.ctypeslib.ndpointer("f8", 1)
    import rumpy.ctypeslib as cl
    assert cl is rp.ctypeslib


def test_ndpointer_in_a_call():
    import ctypes
    libc = ctypes.CDLL(None)
    memset = libc.memset
    memset.restype = ctypes.c_void_p
    memset.argtypes = [rp.ctypeslib.ndpointer(dtype="u1", flags="C,W"), ctypes.c_int,
                       ctypes.c_size_t]
    a = rp.zeros(5, dtype="u1")
    memset(a, 7, 3)
    assert a.tolist() == [7, 7, 7, 0, 0]


def test_load_library_missing(tmp_path):
    for m in (rp, np):
        with pytest.raises(OSError):
            m.ctypeslib.load_library("libdoesnotexist", str(tmp_path))
