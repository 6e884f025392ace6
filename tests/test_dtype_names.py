"""The names around dtypes against numpy: typecodes, sctypeDict, ScalarType, the dtypes
module's DType classes, issubdtype, isdtype, common_type, mintypecode, typename,
min_scalar_type, astype, over every dtype family rumpy has."""

import pytest

from conftest import Collector, check

SPECS = ["?", "b", "B", "h", "H", "i", "I", "l", "L", "e", "f", "d", "F", "D", "U5", "S3", "O",
         "V8", "M8[s]", "m8[D]", "M8", "m8"]
CLASSES = ["generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact",
           "floating", "complexfloating", "character", "flexible", "bool", "int8", "uint64",
           "float64", "complex128", "str_", "bytes_", "object_", "void", "datetime64",
           "timedelta64"]


def test_typecodes_and_tables():
    col = Collector()
    col(check, "m.typecodes")
    col(check, "sorted(k for k in m.sctypeDict if k not in ('g', 'G', 'longdouble', "
               "'clongdouble', 'float128', 'complex256'))",
        )
    col(check, "sorted(m.sctypeDict[k].__name__ for k in ['double', 'int', 'str', 'datetime64', "
               "'object', 'bool', 'a', 'void'])")
    col(check, "[t.__name__ for t in m.ScalarType if t.__name__ not in "
               "('longdouble', 'clongdouble', 'longlong', 'ulonglong')]")
    for c in ["?", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d", "g", "F", "D",
              "G", "S", "U", "V", "O", "S1", "e"]:
        col(check, "m.typename(c)", c=c)
    col.done()


@pytest.mark.parametrize("spec", SPECS)
def test_issubdtype(spec):
    col = Collector()
    for cls in CLASSES:
        col(check, f"m.issubdtype(s, m.{cls})", s=spec)
        col(check, f"m.issubdtype(m.{cls}, s)", s=spec)
    for other in SPECS:
        col(check, "m.issubdtype(s, t)", s=spec, t=other)
    col.done()


@pytest.mark.parametrize("spec", SPECS)
def test_isdtype(spec):
    col = Collector()
    for kind in ["'bool'", "'signed integer'", "'unsigned integer'", "'integral'",
                 "'real floating'", "'complex floating'", "'numeric'", "'nonsense'",
                 "('bool', 'real floating')", "m.float64", "m.dtype('f8')", "5",
                 "(m.int8, 'bool')"]:
        col(check, f"m.isdtype(m.dtype(s), {kind})", s=spec)
    col(check, "m.isdtype(s, 'bool')", s=spec)
    col.done()


@pytest.mark.parametrize("name", ["Bool", "Int8", "UInt8", "Int16", "UInt16", "Int32",
                                  "UInt32", "Int64", "UInt64", "Float16", "Float32",
                                  "Float64", "Complex64", "Complex128", "Object", "Byte",
                                  "UByte", "Short", "Int", "Long", "ULong"])
def test_dtype_classes(name):
    col = Collector()
    col(check, f"m.dtypes.{name}DType()")
    for spec in SPECS:
        col(check, f"isinstance(m.dtype(s), m.dtypes.{name}DType)", s=spec)
    col.done()


def test_parametric_dtype_classes():
    col = Collector()
    for expr in ["m.dtypes.StrDType(5)", "m.dtypes.BytesDType(3)",
                 "isinstance(m.dtype('U3'), m.dtypes.StrDType)",
                 "isinstance(m.dtype('S3'), m.dtypes.BytesDType)",
                 "isinstance(m.dtype('M8[s]'), m.dtypes.DateTime64DType)",
                 "isinstance(m.dtype('m8[s]'), m.dtypes.TimeDelta64DType)",
                 "isinstance(m.dtype('V4'), m.dtypes.VoidDType)",
                 "isinstance(m.dtype('f8'), m.dtypes.StrDType)"]:
        col(check, expr)
    col.done()


def test_common_type_mintypecode_min_scalar_type_astype():
    col = Collector()
    for args in ["m.arange(3)", "m.ones(2, 'f4')", "m.ones(2, 'f2'), m.ones(2, 'f4')",
                 "m.ones(2, 'f4'), m.arange(2)", "m.ones(2, 'c8')", "m.ones(2, 'c8'), m.arange(2)",
                 "m.array(['a'])", "m.ones(2, bool)"]:
        col(check, f"m.common_type({args}).__name__")
    for expr in ["m.mintypecode(['d', 'F'])", "m.mintypecode(['i', 'f'])", "m.mintypecode('idF')",
                 "m.mintypecode(['f', 'd'])", "m.mintypecode([m.ones(2, 'f4')])",
                 "m.mintypecode('ab', default='x')"]:
        col(check, expr)
    for v in ["0", "255", "256", "-1", "-129", "2**40", "1.5", "1e50", "1e-50", "1+2j",
              "True", "m.array([1, 2])", "m.float64(3.0)", "float('nan')", "m.array('a')"]:
        col(check, f"m.min_scalar_type({v})")
    for expr in ["m.astype(m.arange(3), 'f4')", "m.astype(m.arange(3), m.int8, copy=False)",
                 "m.astype([1, 2], 'f4')"]:
        col(check, expr)
    col.done()


def test_review_cases():
    col = Collector()
    for expr in ["m.min_scalar_type(65000.0)", "m.min_scalar_type(65504.0)",
                 "m.min_scalar_type(64999.0)", "m.min_scalar_type(3.4e38)",
                 "m.min_scalar_type(float('inf'))", "m.min_scalar_type(-float('inf'))",
                 "m.isdtype(m.dtype('>i8'), m.dtype('<i8'))", "m.isdtype(m.dtype('f8'), m.floating)",
                 "m.isdtype(m.dtype('U3'), m.dtype('U5'))", "m.mintypecode(['i'], typeset='Ii')",
                 "m.isdtype(m.floating, 'bool')"]:
        col(check, expr)
    col.done()


# ------------------------------------------------------------------------- void's forms

@pytest.mark.parametrize("expr", [
    "m.void(5)", "m.void(0)", "m.void(b'abc')", "m.void(b'')", "m.void(b'a\\x00b')",
    "m.void((1, 2.5), dtype='i4,f8')", "m.void(b'ab', dtype='V4')",
    "m.void(b'abcdef', dtype='V3')", "m.void(3, dtype='V4')", "m.void(bytearray(b'xy'))",
    "m.void(-1)", "m.void(2**31)", "m.void(1.5)", "m.void((1, 2))", "m.void([b'a', b'bc'])",
    "m.void([b'ab'])", "m.void(5).dtype", "m.void(b'').dtype", "m.void(b'xyz').tobytes()",
    "m.void(b'xyz').item()", "str(m.void(b'a\\x00b'))", "repr(m.void(b'a\\x00b'))",
    "m.array([b'ab', b'c'], 'V2')", "m.array([b'ab', b'cd'], 'V')", "m.array([b'ab', b'c'], 'V')",
    "m.array([[b'ab']], 'V3')", "str(m.array([[b'ab']], 'V3'))", "m.array([1], 'V2')",
    "m.array([], 'V4')",
])
def test_void_forms(expr):
    check(expr)
