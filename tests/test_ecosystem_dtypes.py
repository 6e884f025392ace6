"""NumPy reads rumpy dtypes and scalar types (NumPy's ``__numpy_dtype__`` protocol), rumpy's
scalar types sit in the ``numbers`` ABCs as NumPy's do, and pickling keeps record dtypes,
record arrays and every array's layout (protocol 5 buffers out of band)."""

import copy
import numbers
import pickle

import numpy as np
import pytest

import rumpy as rp
from conftest import ALL_DTYPES, SHAPE_CASE_NAMES, assert_same, make_pair

SCALAR_TYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
                "uint64", "float16", "float32", "float64", "longdouble", "complex64",
                "complex128", "clongdouble", "datetime64", "timedelta64", "str_",
                "bytes_", "void", "object_"]

RECORDS = [
    "[('x', '<f8'), ('y', '>i4')]",
    "[('x', 'u1'), ('y', '<f8')], align=True",
    "{'names': ['a', 'b'], 'formats': ['<f8', ('>i4', (2,))], 'offsets': [0, 12], "
    "'itemsize': 24, 'titles': ['T', None]}",
    "[('p', [('q', 'i2'), ('r', 'U3')]), ('t', 'M8[ms]'), ('s', 'S2', (2, 2))]",
    "('f8', (2, 3))",
    "{'names': ['v'], 'formats': ['<c8'], 'offsets': [4], 'itemsize': 16}",
]

PLAIN = [repr(s) for s in ["f8", ">i4", "u1", "?", "c16", ">c8", "f2", "g", "M8[D]",
                           ">m8[us]", "U5", ">U2", "S3", "V7", "O"]]


@pytest.mark.parametrize("name", SCALAR_TYPES)
def test_numpy_reads_scalar_types(name):
    assert np.dtype(getattr(rp, name)) == np.dtype(getattr(np, name))
    assert np.zeros(2, dtype=getattr(rp, name)).dtype == np.zeros(2, getattr(np, name)).dtype
    assert np.empty((2, 0), getattr(rp, name)).dtype == np.empty((2, 0), getattr(np, name)).dtype


@pytest.mark.parametrize("spec", PLAIN + RECORDS)
def test_numpy_reads_dtypes(spec):
    want = eval(f"np.dtype({spec})")
    got = np.dtype(eval(f"rp.dtype({spec})"))
    assert got == want
    assert got.isalignedstruct == want.isalignedstruct
    assert got.descr == want.descr
    assert got.fields == want.fields
    assert np.zeros(3, dtype=eval(f"rp.dtype({spec})")).dtype == np.zeros(3, want).dtype


def test_numpy_reads_string_dtype():
    for kw in ["", "na_object=None", "na_object=float('nan'), coerce=False"]:
        want = eval(f"np.dtypes.StringDType({kw})")
        got = np.dtype(eval(f"rp.dtypes.StringDType({kw})"))
        assert got == want
        assert repr(got) == repr(want)


@pytest.mark.parametrize("name", ["generic", "number", "integer", "floating", "inexact"])
def test_abstract_scalar_types_have_no_numpy_dtype(name):
    assert not hasattr(getattr(rp, name), "__numpy_dtype__")


@pytest.mark.parametrize("name", SCALAR_TYPES)
def test_numbers_abcs(name):
    one = np.zeros(1, getattr(np, name))[0] if name != "void" else np.void(b"\x00")
    mine = rp.zeros(1, getattr(rp, name))[0] if name != "void" else rp.void(b"\x00")
    for abc in [numbers.Number, numbers.Complex, numbers.Real, numbers.Rational,
                numbers.Integral]:
        assert isinstance(mine, abc) == isinstance(one, abc), abc
        assert issubclass(getattr(rp, name), abc) == issubclass(getattr(np, name), abc), abc
    if isinstance(one, numbers.Number):
        # NumPy's isscalar takes numbers through the ABCs; its own bool, text, void and
        # time scalars through its type list, which rumpy's are not in.
        assert np.isscalar(mine)


@pytest.mark.parametrize("spec", PLAIN + RECORDS)
@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_pickle_dtypes(spec, protocol):
    d = eval(f"rp.dtype({spec})")
    back = pickle.loads(pickle.dumps(d, protocol=protocol))
    assert back == d
    assert repr(back) == repr(d)
    assert back.isalignedstruct == d.isalignedstruct
    assert back.descr == d.descr
    assert copy.deepcopy(d) == d


@pytest.mark.parametrize("spec", RECORDS)
@pytest.mark.parametrize("protocol", [2, 5])
def test_pickle_record_arrays(spec, protocol):
    n = np.zeros(4, dtype=eval(f"np.dtype({spec})"))
    n.view(np.uint8)[...] = np.arange(n.nbytes, dtype=np.uint8).reshape(n.view(np.uint8).shape)
    r = rp.asarray(n).copy()
    back = pickle.loads(pickle.dumps(r, protocol=protocol))
    assert isinstance(back, rp.ndarray)
    assert back.dtype == r.dtype and back.shape == r.shape
    assert bytes(np.asarray(back).tobytes()) == n.tobytes()
    c = copy.deepcopy(r)
    assert np.asarray(c).tobytes() == n.tobytes() and c.dtype == r.dtype


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("protocol", [2, 5])
def test_pickle_arrays(dtype, case, protocol):
    n, r, _, _ = make_pair(case, dtype)
    back = pickle.loads(pickle.dumps(r, protocol=protocol))
    assert isinstance(back, rp.ndarray)
    assert_same(back, n)
    if n.size:
        assert back.flags.writeable


@pytest.mark.parametrize("case", SHAPE_CASE_NAMES)
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_pickle_arrays_out_of_band(dtype, case):
    n, r, _, _ = make_pair(case, dtype)
    got, want = [], []
    back = pickle.loads(pickle.dumps(r, protocol=5, buffer_callback=got.append), buffers=got)
    nback = pickle.loads(pickle.dumps(n, protocol=5, buffer_callback=want.append), buffers=want)
    assert isinstance(back, rp.ndarray)
    assert_same(back, nback)
    assert len(got) == len(want)
    assert back.flags.writeable == nback.flags.writeable
    # Out of band, the loaded array is the pickled one's memory, as NumPy's.
    assert rp.shares_memory(back, r) == np.shares_memory(nback, n)


def test_pickle_protocol5_out_of_band_shares_nothing_until_loaded():
    a = rp.arange(1000.0).reshape(10, 100)
    buffers = []
    data = pickle.dumps(a, protocol=5, buffer_callback=buffers.append)
    assert len(buffers) == 1 and len(data) < 1000  # the items travel out of band
    back = pickle.loads(data, buffers=buffers)
    assert_same(back, np.arange(1000.0).reshape(10, 100))
    f = rp.asfortranarray(a)
    buffers = []
    back = pickle.loads(pickle.dumps(f, protocol=5, buffer_callback=buffers.append),
                        buffers=buffers)
    assert len(buffers) == 1 and back.flags.f_contiguous
    assert_same(back, np.asfortranarray(np.arange(1000.0).reshape(10, 100)))


def test_pickle_object_arrays_keep_items():
    a = rp.array([1, "x", None, [2]], dtype=object)
    back = pickle.loads(pickle.dumps(a, protocol=5))
    assert back.dtype == a.dtype and back.tolist() == a.tolist()


@pytest.mark.parametrize("case", ["contiguous", "strided", "0d"])
def test_ctypes(case):
    import ctypes
    n = {"contiguous": np.arange(6.0).reshape(2, 3), "strided": np.arange(12.0)[::2],
         "0d": np.array(2.5)}[case]
    r = rp.asarray(n)
    c = r.ctypes
    assert c.data == r.__array_interface__["data"][0]
    assert c._as_parameter_.value == c.data
    if r.ndim:
        assert list(c.shape) == list(n.ctypes.shape)
        assert list(c.strides) == list(n.ctypes.strides)
        assert type(c.shape) is type(n.ctypes.shape)
        assert list(c.shape_as(ctypes.c_int)) == list(n.ctypes.shape_as(ctypes.c_int))
    else:
        assert c.shape is None and n.ctypes.shape is None
    p = c.data_as(ctypes.POINTER(ctypes.c_double))
    assert p[0] == n.reshape(-1)[0]
