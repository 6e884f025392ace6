"""rumpy.ma.mrecords compared with numpy.ma.mrecords (cases after
numpy/ma/tests/test_mrecords.py): building masked record arrays, reading and setting fields,
elements and masks, views, copies, pickling, addfield and fromtextfile."""

import pickle

import numpy as np
import numpy.ma.mrecords as nmr
import pytest

import rumpy as rp
import rumpy.ma.mrecords as rmr
from conftest import Raised, both, per_module
from ma_helpers import assert_same_ma, check_ma


@per_module
def mr(m):
    return nmr if m is np else rmr


# field data and masks: (name, dtype, values, mask)
FIELDS = {
    "int": ("a", "int64", [1, 2, 3, 4, 5], [0, 1, 0, 0, 1]),
    "float": ("b", "float64", [1.1, 2.2, 3.3, 4.4, 5.5], [1, 0, 0, 0, 1]),
    "bytes": ("c", "S5", [b"one", b"two", b"three", b"four", b"five"], [0, 0, 1, 0, 0]),
    "int32": ("d", "int32", [-1, 0, 7, 9, 3], [0, 0, 0, 0, 0]),
    "bool": ("e", "bool", [True, False, True, True, False], [1, 1, 1, 1, 1]),
    "complex": ("f", "complex128", [1j, 2, 3 + 1j, 0, -1], [0, 0, 0, 1, 0]),
}
COMBOS = [("int", "float"), ("int", "float", "bytes"), ("int32",), ("bool", "int"),
          ("complex", "float", "int32"), ("bytes", "bool")]


def combo_id(combo):
    return "-".join(combo)


def fromarrays_src(combo, masks=True):
    """Source text building a masked record array from the fields of ``combo``."""
    arrays = []
    for key in combo:
        _, dtype, values, mask = FIELDS[key]
        mask_src = f", mask={mask!r}" if masks else ""
        arrays.append(f"m.ma.array({values!r}, dtype={dtype!r}{mask_src})")
    names = ",".join(FIELDS[k][0] for k in combo)
    return f"mr.fromarrays([{', '.join(arrays)}], names={names!r})"


def _plain_records(n):
    """numpy's record arrays have the dtype ``(numpy.record, [...])``, so their fill values
    are ``np.record``s; rumpy has no record dtype and gives ``void`` (a fault, pinned by
    test_record_dtype). Compare numpy's fill values as ``np.void`` of the same fields."""
    if isinstance(n, np.record):
        return np.array(n.item(), dtype=np.dtype(n.dtype.descr))[()]
    if isinstance(n, np.ma.MaskedArray) and n.dtype.names is not None:
        fill = n.fill_value
        if isinstance(fill, np.record):
            n._fill_value = np.array(fill.item(), dtype=np.dtype(fill.dtype.descr))
    elif isinstance(n, (tuple, list)):
        return type(n)(_plain_records(x) for x in n)
    return n


def check_mr(expr, **names):
    """:func:`check_ma` with numpy's record fill values seen as voids."""
    r, n = both(expr, mr=mr, **names)
    if isinstance(n, Raised) or isinstance(r, Raised):
        return check_ma(expr, mr=mr, **names)
    assert_same_ma(r, _plain_records(n), msg=expr if isinstance(expr, str) else repr(expr))


both_mr = check_mr


def fault(reason):
    return pytest.mark.xfail(strict=True, reason=reason)


RECFROMARRAYS_FAULT = fault("rp.rec.fromarrays(arrays, dtype='i4') raises TypeError (NoneType "
                            "has no len()); numpy ValueError 'mismatch between the number of "
                            "fields and the number of arrays'")
FLAT_SETTER_FAULT = fault("rp.ndarray has no flat setter (a.flat = values); flat[:] = values "
                          "gives another message for a ragged sequence")
VIEW_MASK_FAULT = fault("rp.zeros(3, 'f8,f8').view(rp.dtype('2f8'), rp.ma.MaskedArray) has "
                        "nomask; numpy's has a (3, 2) mask")
BROADCAST_MSG_FAULT = fault("in-place ufunc broadcast error: rumpy 'shapes (5,) (5, 2) ', "
                            "numpy 'shapes (5,) (5,2) (5,) '")
STR_FLOAT_FAULT = fault("rp.array(rp.array(['N']), dtype=float): message says 'N', numpy "
                        "np.str_('N')")


# --------------------------------------------------------------------------------------
# building
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("masks", [True, False])
@pytest.mark.parametrize("combo", COMBOS, ids=combo_id)
def test_fromarrays(combo, masks):
    both_mr(fromarrays_src(combo, masks))


@pytest.mark.parametrize("kw", ["dtype=[('x', 'i4'), ('y', 'f4')]", "formats='i8,f8'",
                                "names=['p', 'q']", "fill_value=(-1, -2.5)", "shape=(2,)",
                                "names='x'", "shape=3",
                                pytest.param("dtype='i4'", marks=RECFROMARRAYS_FAULT)])
def test_fromarrays_keywords(kw):
    both_mr(f"mr.fromarrays([m.ma.array([1, 2], mask=[0, 1]), m.ma.array([3.5, 4.5])], {kw})")


def test_fromarrays_plain_and_lists():
    both_mr("mr.fromarrays([m.arange(3), [1.5, 2.5, 3.5]], names='a,b')")


@FLAT_SETTER_FAULT
def test_fromarrays_2d():
    both_mr("mr.fromarrays([m.ma.array([[1, 2], [3, 4]], mask=[[0, 1], [0, 0]]), "
            "m.ma.array([[1., 2.], [3., 4.]])])")


RECORDS = [(1, 1.5, b"x"), (2, 2.5, b"y"), (3, 3.5, b"z")]


@pytest.mark.parametrize("mask", [None, [(0, 1, 0), (1, 0, 0), (0, 0, 1)], [0, 1, 0],
                                  [[1, 0, 1], [0, 0, 0], [1, 1, 1]], True])
@pytest.mark.parametrize("fill", [None, (-1, -1.0, b"?")])
def test_fromrecords(mask, fill):
    kw = "" if mask is None else f", mask={mask!r}"
    both_mr(f"mr.fromrecords({RECORDS!r}, names='i,f,s', fill_value={fill!r}{kw})")


@pytest.mark.parametrize("kw", ["dtype=[('x', 'i8'), ('y', 'f8'), ('z', 'S2')]",
                                "formats='i4,f4,S3'", "names=['u', 'v']", "shape=3"])
def test_fromrecords_keywords(kw):
    both_mr(f"mr.fromrecords({RECORDS!r}, {kw})")


def test_fromrecords_from_arrays():
    # from a record array, and from a masked record array (its mask is kept)
    both_mr(f"mr.fromrecords(m.rec.fromrecords({RECORDS!r}, names='i,f,s'))")
    both_mr(f"mr.fromrecords({fromarrays_src(('int', 'float'))})")
    both_mr(f"mr.fromrecords({fromarrays_src(('int', 'float'))}, dtype=[('p', 'i4'), "
            "('q', 'f4')])")


@pytest.mark.parametrize("combo", COMBOS, ids=combo_id)
def test_view_as_mrecarray(combo):
    names = ",".join(FIELDS[k][0] for k in combo)
    arrays = ", ".join(f"m.array({FIELDS[k][2]!r}, dtype={FIELDS[k][1]!r})" for k in combo)
    both_mr(f"m.rec.fromarrays([{arrays}], names={names!r}).view(mr.mrecarray)")
    both_mr(f"m.ma.array(m.rec.fromarrays([{arrays}], names={names!r}), "
            f"mask=[{(0,) * len(combo)!r}] * 5).view(mr.mrecarray)")


@pytest.mark.parametrize("expr", [
    "mr.MaskedRecords(3, dtype=[('a', 'i4'), ('b', 'f8')])._mask",
    "mr.mrecarray(1, formats=float, names='base').dtype",
    "mr.mrecarray(2, dtype='i4, f8, S3').dtype",
    "mr.MaskedRecords(3, formats='i4,f8', names='x,y').shape",
    "mr.MaskedRecords(2, dtype=[('a', 'i4')], mask=m.array([1, 0], bool))._mask",
    "mr.MaskedRecords(2, dtype=[('a', 'i4')], mask=m.array([1, 0, 1], bool))",
    "mr.MaskedRecords(2, dtype=[('a', 'i4')], mask=m.array([1, 0], bool), "
    "keep_mask=False)._mask",
    "mr.MaskedRecords(4, dtype=[('a', 'i4')], mask=m.array([1], bool))._mask",
    "mr.MaskedRecords(2, dtype=[('a', 'i4')], keep_mask=False)._mask",
])
def test_constructor(expr):
    both_mr(expr)


# --------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------

FIELD_READS = ["x.a", "x.b", "x['a']", "x['b']", "x.a._mask", "x.b.fill_value",
               "x.a.fill_value", "x._mask", "x._fieldmask", "x.mask", "x._data", "x.dtype",
               "x.shape", "len(x)", "x.filled()", "x.filled((0, 0.0))", "x.tolist()",
               "x.tolist(-1)", "x.recordmask", "x.fill_value", "str(x)", "x.a.mask",
               "type(x._data).__name__", "x.baseclass.__name__"]


@pytest.mark.parametrize("expr", FIELD_READS)
@pytest.mark.parametrize("combo", [("int", "float"), ("float", "int"),
                                   ("int", "float", "bytes")], ids=combo_id)
def test_read(combo, expr):
    src = fromarrays_src(combo).replace("names='b,a'", "names='a,b'")
    both_mr(expr, x=per_module(lambda m: eval(src, {"m": m, "mr": mr(m)})))


@pytest.mark.parametrize("index", ["0", "1", "-1", "slice(1, 3)", "slice(None, None, -2)",
                                   "[0, 2]", "m.array([True, False, True, False, True])",
                                   "7"])
def test_getitem(index):
    x = per_module(lambda m: eval(fromarrays_src(("int", "float")), {"m": m, "mr": mr(m)}))
    both_mr(f"x[{index}]", x=x)
    both_mr(f"x[{index}]._mask", x=x)
    both_mr(f"x[{index}].tolist()", x=x)


def test_getitem_field_scalar():
    x = per_module(lambda m: eval(fromarrays_src(("int", "float")), {"m": m, "mr": mr(m)}))
    both_mr("x[1].a", x=x)
    both_mr("x[0].a", x=x)
    both_mr("x[0]['b']", x=x)
    both_mr("x[1]['a']", x=x)
    both_mr("x.nofield", x=x)


def test_repr():
    x = per_module(lambda m: eval(fromarrays_src(("int", "float")), {"m": m, "mr": mr(m)}))
    both_mr("repr(x)", x=x)
    both_mr("str(x[0])", x=x)


# --------------------------------------------------------------------------------------
# setting
# --------------------------------------------------------------------------------------

SETS = [
    "x.a = [7, 8, 9, 10, 11]",
    "x.a = m.ma.array([7, 8, 9, 10, 11], mask=[1, 0, 0, 1, 0])",
    "x.a = m.ma.masked",
    "x.b = 0.5",
    "x.b = m.ma.masked",
    "x['a'] = m.ma.array([7, 8, 9, 10, 11], mask=[0, 0, 1, 1, 0])",
    "x['b'] = [1.0, 2.0, 3.0, 4.0, 5.0]",
    "x[1] = (6, 6.5)",
    "x[0] = m.ma.masked",
    "x[2:4] = (0, 0.25)",
    "x[:2] = m.ma.masked",
    "x.mask = True",
    "x.mask = [0, 1, 0, 1, 0]",
    "x.mask = [(1, 0), (0, 1), (1, 1), (0, 0), (1, 0)]",
    "x.fieldmask = False",
    "x.fill_value = (-5, -5.5)",
    "x._mask = m.zeros(5, dtype=[('a', bool), ('b', bool)])",
    "x.newattr = 3",
    "x.a[1] = 42",
    "x.b[0] = m.ma.masked",
]


@pytest.mark.parametrize("hard", [False, True])
@pytest.mark.parametrize("stmt", SETS)
def test_set(stmt, hard, request):
    if hard and stmt.startswith("x.mask = [("):
        # a hard mask ors the new one in: numpy fails to broadcast the record flags
        request.applymarker(BROADCAST_MSG_FAULT)
    src = fromarrays_src(("int", "float"))

    def run(m):
        x = eval(src, {"m": m, "mr": mr(m)})
        if hard:
            x.harden_mask()
        exec(stmt, {"m": m, "x": x})
        return x, x._mask, x.tolist()
    check_mr(run)


def test_harden_soften():
    src = fromarrays_src(("int", "float"))

    def run(m):
        x = eval(src, {"m": m, "mr": mr(m)})
        flags = [x.hardmask]
        x.harden_mask()
        flags.append(x.hardmask)
        x.soften_mask()
        flags.append(x.hardmask)
        x.mask = False
        return flags, x
    check_mr(run)


# --------------------------------------------------------------------------------------
# views, copies, pickling
# --------------------------------------------------------------------------------------

VIEWS = ["x.view()", "x.view(m.ma.MaskedArray)", "x.view(m.recarray)", "x.view(m.ndarray)",
         "x.view(mr.mrecarray)", "x.view(dtype=[('p', 'f8'), ('q', 'f8')])",
         pytest.param("x.view('2f8')", marks=VIEW_MASK_FAULT),
         "x.view(m.dtype([('p', 'f8'), ('q', 'f8')]), mr.mrecarray)",
         "x.copy()"]


@pytest.mark.parametrize("expr", VIEWS)
def test_view(expr):
    # a record of two float64 fields, as numpy's test_view_* cases
    src = ("mr.fromarrays([m.ma.array([1.0, 2.0, 3.0], mask=[0, 1, 0]), "
           "m.ma.array([4.0, 5.0, 6.0], mask=[0, 0, 1])], names='a,b')")
    both_mr(expr, x=per_module(lambda m: eval(src, {"m": m, "mr": mr(m)})))


def test_copy_is_independent():
    src = fromarrays_src(("int", "float"))

    def run(m):
        x = eval(src, {"m": m, "mr": mr(m)})
        y = x.copy()
        y.a = 0
        y.mask = True
        return x, y
    check_mr(run)


@pytest.mark.parametrize("combo", COMBOS, ids=combo_id)
def test_pickle(combo):
    src = fromarrays_src(combo)

    def run(m):
        x = eval(src, {"m": m, "mr": mr(m)})
        y = pickle.loads(pickle.dumps(x))
        return y, y._mask, y.fill_value, type(y).__name__
    check_mr(run)


# --------------------------------------------------------------------------------------
# addfield and fromtextfile
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [None, "new", "_mask", "dtype"])
@pytest.mark.parametrize("field", ["m.ma.array([10, 20, 30, 40, 50], mask=[1, 0, 0, 0, 0])",
                                   "[1.5, 2.5, 3.5, 4.5, 5.5]", "m.arange(5, dtype='u1')"])
def test_addfield(field, name):
    src = fromarrays_src(("int", "float"))
    both_mr(f"(lambda r: (r, r._mask, r.tolist()))(mr.addfield({src}, {field}, {name!r}))")


TEXT = """#
'One (S)','Two (I)','Three (F)','Four (M)','Five (-)','Six (C)'
'strings',1,1.0,'mixed column',,1
'with embedded "double quotes"',2,2.0,1.0,,1
'strings',3,3.0E5,3,,1
'strings',4,-1e-10,,,1
"""
TEXT_SPACES = """# a comment
A B C
1 2.5 x
3 4 N
# another
5 6.5 y
"""


@pytest.mark.parametrize("kw", ["delimiter=',', varnames='ABCDEFG'", "delimiter=','",
                                "delimiter=',', vartypes=['S40', 'i8', 'f8', 'S20', 'S2', 'i4']",
                                "delimiter=',', vartypes=['i8']"])
def test_fromtextfile(tmp_path, kw):
    path = tmp_path / "data.txt"
    path.write_text(TEXT)

    def run(m):
        out = eval(f"mr.fromtextfile(p, {kw})", {"mr": mr(m), "p": str(path)})
        return out, out._mask
    check_mr(run)


@pytest.mark.parametrize("kw", ["", "missingchar='N'", "commentchar='%'",
                                "varnames=['p', 'q', 'r']"])
def test_fromtextfile_spaces(tmp_path, kw):
    path = tmp_path / "data.txt"
    path.write_text(TEXT_SPACES)
    check_mr(f"mr.fromtextfile(p, {kw})", p=str(path))


@STR_FLOAT_FAULT
def test_fromtextfile_bad_number(tmp_path):
    path = tmp_path / "data.txt"
    path.write_text("A B\n1 2\n3 N\n")
    check_mr("mr.fromtextfile(p, missingchar='N')", p=str(path))


def test_fromtextfile_missing(tmp_path):
    check_mr("mr.fromtextfile(p)", p=str(tmp_path / "absent.txt"))


def test_fromtextfile_warns_on_wrong_vartypes(tmp_path):
    import warnings
    path = tmp_path / "data.txt"
    path.write_text(TEXT)
    messages = []
    for mod in (nmr, rmr):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            mod.fromtextfile(str(path), delimiter=",", vartypes=["i8"])
        messages.append([(x.category, str(x.message)) for x in w])
    assert messages[0] == messages[1] and messages[0]


def test_module_names():
    assert sorted(rmr.__all__) == sorted(nmr.__all__)
    assert rp.ma.mrecords.mrecarray is rp.ma.mrecords.MaskedRecords


@pytest.mark.xfail(strict=True, reason="rumpy has no record dtype: a record array's dtype is "
                   "a plain structured dtype and its scalars are voids")
def test_record_dtype():
    check_ma("mr.fromarrays([m.arange(2), m.arange(2.)]).fill_value", mr=mr)


# numpy's test base: a masked structured array seen as a masked record array
BASE = ("m.ma.array(list(zip([1, 2, 3, 4, 5], [1.1, 2.2, 3.3, 4.4, 5.5], "
        "[b'one', b'two', b'three', b'four', b'five'])), mask=[0, 1, 0, 0, 1], "
        "dtype=[('a', int), ('b', float), ('c', '|S8')])")
NMASK = ("m.array([(0, 1, 0), (0, 1, 0), (1, 0, 1), (1, 0, 1), (0, 0, 0)], "
         "dtype=[('a', bool), ('b', bool), ('c', bool)])")
BASE_STEPS = [
    "x['a'][-2] = m.ma.masked",
    "x.mask = m.ma.masked",
    "x.mask = m.ma.nomask",
    "x.mask = [1, 0, 0, 0, 1]; x.mask = [0, 0, 0, 0, 1]",
    f"x.mask = {NMASK}",
    f"x.mask = False; x.fieldmask = {NMASK}",
    "x[-2] = m.ma.masked",
    "x[:2] = (5, 5, 5)",
    "x[:2] = m.ma.masked",
    "x.harden_mask(); x[-2:] = (5, 5, 5)",
    "x.harden_mask(); x[-2:] = 3",
    "x.harden_mask(); x.mask = m.ma.nomask",
    "x.harden_mask(); x.soften_mask(); x.mask = m.ma.nomask",
    "x.c = [b'p', b'q', b'r', b's', b't']",
    "x.c[1] = b'zz'",
    "x['b'] = m.ma.array([9.5] * 5, mask=[1, 1, 0, 0, 0])",
]


@pytest.mark.parametrize("copy", [False, True])
@pytest.mark.parametrize("steps", BASE_STEPS)
def test_base_view_steps(steps, copy):
    def run(m):
        base = eval(BASE, {"m": m})
        x = base.view(mr(m).mrecarray)
        if copy:
            x = x.copy()
        exec(steps, {"m": m, "x": x})
        return x, x._mask, x.recordmask, x.a, x.b, x.c, base
    check_mr(run)


@pytest.mark.parametrize("expr", [
    "x.a", "x.c", "x[1]", "x[1:3]", "x.recordmask", "x.filled()", "x.tolist()", "str(x)",
    "repr(x)", "x._data", "x._mask", "x.view(m.ma.MaskedArray)", "x['c']", "x.fill_value",
])
def test_base_view_reads(expr):
    x = per_module(lambda m: eval(BASE, {"m": m}).view(mr(m).mrecarray))
    both_mr(expr, x=x)


SUBARRAY_FAULT = fault("rp.rec.fromarrays([rp.zeros((2, 2)), rp.arange(2)], "
                       "dtype=[('v', 'f8', (2,)), ('n', 'i8')]) raises 'array-shape mismatch "
                       "in array 0'; numpy builds the subarray field")
EXOTIC = [
    "mr.mrecarray(1, dtype=[('i', int), ('s', '|S8'), ('f', float)])",
    "mr.mrecarray(2, dtype='i4, (2,3)float, float')",
    pytest.param("mr.fromarrays([m.ma.array([[1., 2.], [3., 4.]], mask=[[0, 1], [0, 0]]), "
                 "m.ma.array([5, 6])], dtype=[('v', 'f8', (2,)), ('n', 'i8')])",
                 marks=SUBARRAY_FAULT),
]


@pytest.mark.parametrize("attr", ["_mask", "dtype", "shape", "fill_value.tolist()"])
@pytest.mark.parametrize("src", EXOTIC)
def test_exotic_formats(src, attr):
    both_mr(f"{src}.{attr}")


@SUBARRAY_FAULT
@pytest.mark.parametrize("expr", ["x.f0", "x[0]", "x.tolist()", "x.filled()"])
def test_subarray_field(expr):
    src = ("mr.fromarrays([m.ma.array([[1., 2.], [3., 4.]], mask=[[0, 1], [0, 0]]), "
           "m.ma.array([5, 6])], dtype=[('f0', 'f8', (2,)), ('f1', 'i8')])")
    both_mr(expr, x=per_module(lambda m: eval(src, {"m": m, "mr": mr(m)})))


def test_object_field():
    # numpy's test_record_array_with_object_field
    both_mr("(lambda y: (str(y[1]), y.tolist()))(m.ma.masked_array([(1, '2'), (3, '4')], "
            "mask=[(0, 0), (0, 1)], dtype=[('a', int), ('b', object)]))")
