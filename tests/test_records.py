"""Structured (record) dtypes, compared with numpy: rp.dtype of record specs, record arrays and
their field views, interop with numpy, record scalars and lists.

Every spec has to agree with numpy."""

import numpy as np
import pytest

import rumpy as rp
from conftest import (TEST_BUGS, Collector, P, Raised, _apply, assert_outcomes, assert_same, both,
                      check, defined_strides, sample, shares, to_rp)
from test_interop import MV_ATTRS

# ---------------------------------------------------------------------------
# specs
# ---------------------------------------------------------------------------

SPECS = {
    "simple": [("a", "<f8"), ("b", "<i4")],
    "subarray": [("a", "f8", (2, 3)), ("b", "u1")],
    "nested": [("p", [("x", "f4"), ("y", "f4")]), ("id", "i8")],
    "dict": {"names": ["a", "b"], "formats": ["f8", "i2"]},
    "dict_offsets": {"names": ["a", "b"], "formats": ["f8", "i2"], "offsets": [8, 0]},
    "dict_itemsize": {"names": ["a", "b"], "formats": ["f8", "i2"], "offsets": [0, 8],
                      "itemsize": 16},
    "dict_titles": {"names": ["a", "b"], "formats": ["f8", "i2"], "titles": ["A t", "B t"]},
    "comma": "f8,i4", "comma_sub": "f8,i4,(2,3)f4", "comma_space": "i4, (2,)f8",
    "titled": [(("Value title", "value"), "f8")], "bigendian": [("a", ">f8")],
    "particle": [("value", "<f8"), ("velocity", "<f8"), ("mass", "<f8"), ("damping", "<f8"),
                 ("target", "<f8")],
    # subarray dtypes (not records themselves)
    "sub_f8(2,3)": ("f8", (2, 3)), "sub_i4x3": ("i4", 3), "sub_str": "(2,3)f4",
    "sub_record": ([("x", "f4"), ("y", "f4")], (2,)), "sub_>i2": (">i2", (2,)),
    "record_of_subrecords": [("d", [("x", "f8")], (2,)), ("e", "u1")],
    "empty_record_field": [("x", [], (5,))],
    "nested_subarray": [("a", [("b", "i4", (2,))], (3,))],
}
DTYPE_CASES = [pytest.param(s, al, id=k + ("-align" if al else ""))
               for k, s in SPECS.items() for al in (False, True)]
ARRAY_CASES = [pytest.param(SPECS[k], False, id=k) for k in [
    "simple", "subarray", "nested", "dict_offsets", "dict_itemsize", "titled", "bigendian",
    "particle", "comma_sub"]] + [pytest.param(SPECS[k], True, id=k + "-align")
                                 for k in ["simple", "comma_space"]]
MULTI_CASES = [c for c in ARRAY_CASES if len(np.dtype(c.values[0]).names) > 1]

EDGE_SPECS = {  # numpy rejects most of these; the rest it accepts in a surprising way
    "dup_names": [("a", "f8"), ("a", "i4")], "dup_title": [(("t", "a"), "f8"), (("t", "b"), "i4")],
    "dup_dict_names": {"names": ["a", "a"], "formats": ["f8", "i4"]},
    "title_is_name": [(("a", "a"), "f8")], "bad_format": [("a", "f3")],
    "bad_format_str": "f8,i3", "unknown_format": [("a", "xyz")],
    "overlapping": {"names": ["a", "b"], "formats": ["f8", "f8"], "offsets": [0, 4]},
    "itemsize_small": {"names": ["a", "b"], "formats": ["f8", "i4"], "itemsize": 8},
    "length_mismatch": {"names": ["a", "b"], "formats": ["f8"]},
    "negative_offset": {"names": ["a"], "formats": ["f8"], "offsets": [-1]},
    "name_not_str": {"names": [1], "formats": ["f8"]}, "field_not_str": [(1, "f8")],
    "short_tuple": [("a",)], "long_tuple": [("a", "f8", (2,), "x")],
    "negative_dim": [("a", "f8", (-1,))], "no_names": {"formats": ["f8"]},
    "empty_name": [("", "f8")], "no_fields": [], "bad_sub_shape": ("f8", "x"),
    "sizeless_sub_base": [("a", ("f8", (0,)), (3,))], "void0_sub": ("V0", (3,)),
}

SHAPES = {  # name -> (base shape, operation giving the tested view)
    "0d": ((), None), "empty": ((0,), None), "1d": ((5,), None), "2d": ((3, 4), None),
    "strided": ((5,), slice(None, None, 2)), "transposed": ((3, 4), "T"),
    "negstride": ((3, 4), (slice(None, None, 2), slice(None, None, -1))),
}


def make_dtype(m, spec, align):
    return m.dtype(spec, align=True) if align else m.dtype(spec)


def dtype_arg(m, spec, align):
    """What the constructors get: the raw spec, or the aligned dtype."""
    return make_dtype(m, spec, align) if align else spec


# ---------------------------------------------------------------------------
# comparing dtypes and record arrays
# ---------------------------------------------------------------------------

# numpy's public dtype attributes (its methods and .type aside). fields, subdtype and base are
# summarised by dt_summary in a form both libraries' dtypes share; the attributes where rumpy
# is known to differ are compared by test_dtype_known_differences alone.
NP_DT_ATTRS = [a for a in dir(np.dtype("f8"))
               if not a.startswith("_") and not callable(getattr(np.dtype("f8"), a))]
DT_KNOWN_DIFFERENCES = {
    "isbuiltin": "rumpy's isbuiltin is 1 for sized void and subarray dtypes (numpy: 0)",
}
# the dtypes (SPECS keys, or the plain specs below) each known difference shows on ("all":
# one case stands for every dtype)
DT_DIFFERS_ON = {
    "isbuiltin": {"sub_f8(2,3)", "sub_i4x3", "sub_str", "sub_record", "sub_>i2", "V8"},
}
PLAIN_SPECS = ["f8", "b1", "<u4", "c16", ">i2", ">c8", "V8"]
DT_ATTRS = [a for a in NP_DT_ATTRS
            if a not in ("fields", "subdtype", "base") and a not in DT_KNOWN_DIFFERENCES]


def _get(fn):
    try:
        v = fn()
    except TEST_BUGS:
        raise
    except Exception as e:  # noqa: BLE001
        return f"raises {type(e).__name__}"
    return (type(v).__name__, v)


def dt_key(d):
    """A compact identity of a field's dtype."""
    return (d.str, _get(lambda: d.descr), tuple(d.shape))


def dt_summary(d):
    """Everything compared about a dtype (works for both libraries' dtypes)."""
    out = {a: _get(lambda: getattr(d, a)) for a in DT_ATTRS}
    out["fields"] = _get(lambda: d.fields and {
        k: (dt_key(v[0]),) + tuple(v[1:]) for k, v in dict(d.fields).items()})
    out["subdtype"] = _get(lambda: d.subdtype and (dt_key(d.subdtype[0]), d.subdtype[1]))
    out["base"] = _get(lambda: dt_key(d.base) if d.subdtype else d.base == d)
    for k, f in [("len", len), ("repr", repr), ("str()", str)]:
        out[k] = _get(lambda: f(d))
    return out


def same_summary(r, n, msg="dtype"):
    diff = {k: (r[k], n[k]) for k in n if r[k] != n[k]}
    assert not diff, f"{msg}: (rumpy, numpy) differ: {diff}"


def assert_same_dtype(r, n, msg=""):
    same_summary(dt_summary(r), dt_summary(n), f"{msg}: dtype" if msg else "dtype")


def leaves(dt, path=()):
    """Paths of the non-record fields of ``dt`` (``[()]`` for a plain dtype)."""
    if dt.names is None:
        yield path
        return
    for name in dt.names:
        yield from leaves(dt.fields[name][0], path + (name,))


def field(a, path):
    for p in path:
        a = a[p]
    return a


def assert_same_records(r, n, msg=""):
    """Same dtype, shape and strides, and every leaf field holds the same values (compared
    through rumpy's field views, so without record interop)."""
    assert isinstance(r, rp.ndarray), f"{msg}: expected a rumpy ndarray, got {type(r)!r}"
    assert r.shape == n.shape, f"{msg}: shape {r.shape} != numpy {n.shape}"
    assert defined_strides(r) == defined_strides(n), \
        f"{msg}: strides {r.strides} != numpy {n.strides}"
    assert_same_dtype(r.dtype, n.dtype, msg)
    for path in leaves(n.dtype):
        rv, nv = field(r, path), field(n, path)
        assert defined_strides(rv) == defined_strides(nv), \
            f"{msg}{list(path)}: strides {rv.strides} != numpy {nv.strides}"
        assert_same(rv, nv, msg=f"{msg}{list(path)}")


def np_records(spec, align, shape):
    """A numpy record array whose leaf fields hold distinct sample data."""
    n = np.zeros(shape, dtype=dtype_arg(np, spec, align))
    for k, path in enumerate(leaves(n.dtype)):
        v = field(n, path)
        v[...] = np.roll(sample(v.shape, v.dtype, nonneg=True).ravel(), k).reshape(v.shape)
    return n


def records(spec, align, case):
    """(np view, rp view, np base, rp base): the same records built by each library, rumpy's
    filled through its field views."""
    shape, op = SHAPES[case]
    n = np_records(spec, align, shape)
    r = rp.zeros(shape, dtype=dtype_arg(rp, spec, align))
    for path in leaves(n.dtype):
        field(r, path)[...] = to_rp(field(n, path))
    return _apply(n, op), _apply(r, op), n, r


def exported_dtype(n):
    """The dtype numpy gives an object that exports what numpy array ``n`` exports. numpy reads
    the buffer first, whose format carries no titles (nor the aligned flag, which == ignores);
    where numpy refuses the export or cannot read back its own format, the full dtype."""
    try:
        return np.asarray(memoryview(n)).dtype
    except (ValueError, RuntimeError):
        return n.dtype


def assert_np_records_equal(a, n, msg=""):
    assert a.shape == n.shape, f"{msg}: shape {a.shape} != numpy {n.shape}"
    for path in leaves(n.dtype):
        assert np.array_equal(field(a, path), field(n, path)), f"{msg}{list(path)} differ"


# ---------------------------------------------------------------------------
# 1. rp.dtype of record specs
# ---------------------------------------------------------------------------

def _known_difference_params():
    out = []
    for attr, where in DT_DIFFERS_ON.items():
        cases = list(SPECS.items()) + [(p, p) for p in PLAIN_SPECS]
        for key, spec in (cases[:1] if where == "all" else cases):
            for align in ((False,) if where == "all" else (False, True)):
                marks = []
                if where == "all" or key in where:
                    marks = [pytest.mark.xfail(strict=True, reason=DT_KNOWN_DIFFERENCES[attr])]
                out.append(pytest.param(attr, spec, align, marks=marks,
                                        id=f"{attr}-{key}" + ("-align" if align else "")))
    return out


@pytest.mark.parametrize("attr,spec,align", _known_difference_params())
def test_dtype_known_differences(attr, spec, align):
    """The dtype attributes left out of dt_summary, compared where rumpy agrees and strict
    xfails where it is known not to."""
    r, n = both(lambda m: _get(lambda: getattr(make_dtype(m, spec, align), attr)))
    assert r == n, f"dtype({spec!r}).{attr}: rumpy {r!r}, numpy {n!r}"


@pytest.mark.parametrize("spec,align", DTYPE_CASES)
def test_dtype_attributes(spec, align):
    r, n = both(lambda m: make_dtype(m, spec, align))
    assert_outcomes(r, n, compare=assert_same_dtype, msg=f"dtype({spec!r}, align={align})")
    col = Collector()
    col(assert_same_dtype, rp.dtype(r), n, "rp.dtype(rp_dtype)")
    col(assert_same_dtype, rp.dtype(n), n, "rp.dtype(np_dtype)")
    col(lambda: assert_outcomes(  # round trip through descr
        *both(lambda m: dt_summary(m.dtype(make_dtype(m, spec, align).descr))),
        compare=same_summary, msg="dtype(dt.descr)"))
    for key in list(n.fields or ()) + list(range(-len(n), len(n))) + ["nope", len(n)]:
        col(lambda: assert_outcomes(*both(lambda m: dt_key(make_dtype(m, spec, align)[key])),
                                    msg=f"dt[{key!r}]"))
    col.done()


@pytest.mark.parametrize("spec,align", DTYPE_CASES)
def test_dtype_equality(spec, align):
    col = Collector()
    r1, n1 = make_dtype(rp, spec, align), make_dtype(np, spec, align)
    for other in DTYPE_CASES:
        spec2, align2 = other.values
        r2, n2 = make_dtype(rp, spec2, align2), make_dtype(np, spec2, align2)
        col(check, "a == b", a=P(r1, n1), b=P(r2, n2))
        col(check, "a != b", a=P(r1, n1), b=P(r2, n2))
        if not align2:
            col(check, "a == s", a=P(r1, n1), s=spec2)
        if n1 == n2:
            col(lambda: assert_same(hash(r1) == hash(r2), hash(n1) == hash(n2),
                                    msg=f"hash vs {other.id}"))
    col.done()


@pytest.mark.parametrize("align", [False, True])
@pytest.mark.parametrize("spec", EDGE_SPECS.values(), ids=EDGE_SPECS.keys())
def test_dtype_edge_specs(spec, align):
    r, n = both(lambda m: dt_summary(make_dtype(m, spec, align)))
    assert_outcomes(r, n, compare=same_summary, msg=f"dtype({spec!r}, align={align})")


# ---------------------------------------------------------------------------
# 2. record arrays: constructors, field views, multi-field views
# ---------------------------------------------------------------------------

CTORS = {
    "zeros": lambda m, s, dt: m.zeros(s, dtype=dt),
    "ones": lambda m, s, dt: m.ones(s, dtype=dt),
    "empty": lambda m, s, dt: m.empty(s, dtype=dt),
    "full3": lambda m, s, dt: m.full(s, 3, dtype=dt),
    "full2.5": lambda m, s, dt: m.full(s, 2.5, dtype=dt),
    "zeros_like": lambda m, s, dt: m.zeros_like(m.zeros(s, dtype=dt)),
    "empty_like": lambda m, s, dt: m.empty_like(m.zeros(s, dtype=dt)),
    "full_like": lambda m, s, dt: m.full_like(m.zeros(s, dtype=dt), 7),
}


@pytest.mark.parametrize("ctor", CTORS)
@pytest.mark.parametrize("shape", [(), (0,), (3, 4)], ids=str)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_constructors(spec, align, shape, ctor):
    r, n = both(lambda m: CTORS[ctor](m, shape, dtype_arg(m, spec, align)))
    if isinstance(n, Raised):
        assert_outcomes(r, n, msg=ctor)
        return
    assert isinstance(r, rp.ndarray) and r.shape == n.shape and r.strides == n.strides
    assert r.itemsize == n.itemsize and r.nbytes == n.nbytes
    assert_same_dtype(r.dtype, n.dtype, ctor)
    if "empty" not in ctor:
        assert_same_records(r, n, ctor)


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_field_views(spec, align, case):
    n, r, _, _ = records(spec, align, case)
    col = Collector()
    for key in n.dtype.fields:  # names and titles
        col(assert_same_records, r[key], n[key], f"arr[{key!r}]")
        col(assert_same, rp.shares_memory(r, r[key]), np.shares_memory(n, n[key]),
            msg=f"shares_memory(arr, arr[{key!r}])")
    for key in ["nope", 0.5]:
        col(check, "x[k]", x=P(r, n), k=key)
    col.done()


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_field_writes(spec, align, case):
    n, r, nb, rb = records(spec, align, case)
    for path in leaves(n.dtype):  # writes through (nested) field views reach the base
        new = np.flip(sample(field(n, path).shape, field(n, path).dtype, nonneg=True))
        field(n, path)[...] = new
        field(r, path)[...] = to_rp(new)
    assert_same_records(rb, nb, "base after writes through field views")


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_field_assignment(spec, align, case):
    n, r, nb, rb = records(spec, align, case)
    for k, key in enumerate(n.dtype.fields):  # names and titles
        n[key] = k + 1
        r[key] = k + 1
    assert_same_records(rb, nb, "base after arr[key] = value")


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", MULTI_CASES)
def test_multifield_views(spec, align, case):
    n, r, nb, rb = records(spec, align, case)
    names = list(n.dtype.names)
    col = Collector()
    for keys in [names[::-1], names[1:], names[:1] + names[-1:]]:
        col(assert_same_records, r[keys], n[keys], f"arr[{keys}]")
        col(assert_same, rp.shares_memory(r, r[keys]), np.shares_memory(n, n[keys]),
            msg=f"shares_memory(arr, arr[{keys}])")
    for keys in [[names[0], names[0]], [names[0], "nope"]]:
        col(check, "x[k]", x=P(r, n), k=keys)
    n[names[::-1]][names[0]][...] = 9
    r[names[::-1]][names[0]][...] = 9
    col(assert_same_records, rb, nb, "base after a write through a multi-field view")
    col.done()


# ---------------------------------------------------------------------------
# 3. interop with numpy
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_np_asarray_of_rumpy_records(spec, align, case):
    shape, op = SHAPES[case]
    r = _apply(rp.zeros(shape, dtype=dtype_arg(rp, spec, align)), op)
    n = _apply(np.zeros(shape, dtype=dtype_arg(np, spec, align)), op)
    a = np.asarray(r)
    assert a.dtype in (n.dtype, exported_dtype(n)), \
        f"np.asarray(rp).dtype {a.dtype} != numpy {n.dtype}"
    assert defined_strides(a) == defined_strides(n)
    assert_np_records_equal(a, n, "np.asarray(rp.zeros)")
    new = _apply(np_records(spec, align, shape), op)
    a[...] = new  # writes through numpy's view are rumpy's
    b = np.asarray(r)
    assert_np_records_equal(b, new, "after writing through np.asarray(rp)")
    assert np.shares_memory(a, b) == bool(n.size)


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_rp_asarray_of_numpy_records(spec, align, case):
    shape, op = SHAPES[case]
    n = _apply(np_records(spec, align, shape), op)
    r = rp.asarray(n)
    assert isinstance(r, rp.ndarray) and r.shape == n.shape
    assert defined_strides(r) == defined_strides(n)
    assert_same_dtype(r.dtype, n.dtype, "rp.asarray(np)")
    assert shares(r, n) == bool(n.size)
    n[...] = np.ones_like(n)
    assert_np_records_equal(np.asarray(r), n, "after writing to the numpy array")


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_array_interface(spec, align, case):
    shape, op = SHAPES[case]
    r = _apply(rp.zeros(shape, dtype=dtype_arg(rp, spec, align)), op)
    n = _apply(np.zeros(shape, dtype=dtype_arg(np, spec, align)), op)
    ri, ni = r.__array_interface__, n.__array_interface__
    assert set(ri) == set(ni)
    for k in ni:
        if k != "data" and not (k == "strides" and n.size == 0):
            assert ri[k] == ni[k], (k, ri[k], ni[k])
    n = _apply(np_records(spec, align, shape), op)
    if n.size:  # rumpy's view of numpy's memory points to the same place
        assert rp.asarray(n).__array_interface__["data"] == n.__array_interface__["data"]


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_memoryview(spec, align, case):
    shape, op = SHAPES[case]
    x = P(_apply(rp.zeros(shape, dtype=dtype_arg(rp, spec, align)), op),
          _apply(np.zeros(shape, dtype=dtype_arg(np, spec, align)), op))
    # For some packed layouts (0-d, empty, strided) numpy exports a format that numpy itself
    # reads back with native alignment (np.asarray(memoryview(a)) raises). There rumpy's format
    # has to describe the layout instead, or np.asarray(rp_array) could not work.
    try:
        _buffer_dtype(x.np)
        exact = True
    except RuntimeError:
        exact = False
    except ValueError:  # numpy refuses to export (overlapping or out-of-order fields)
        exact = True
    attrs = [k for k in MV_ATTRS
             if not (k == "strides" and not x.np.size) and (exact or k != "format")]
    r, n = both("[getattr(memoryview(x), k) for k in attrs] + [memoryview(x).tobytes()]",
                x=x, attrs=attrs)
    assert_outcomes(r, n, msg="memoryview")
    if not exact:
        fmt = memoryview(x.rp).format
        try:
            back = _buffer_dtype(x.rp)
        except RuntimeError as e:
            raise AssertionError(f"numpy cannot read rumpy's buffer format {fmt!r}: {e}") from e
        assert back == x.np.dtype, f"format {fmt!r} reads back as {back}"


def _buffer_dtype(a):
    return np.asarray(memoryview(a)).dtype


# ---------------------------------------------------------------------------
# 4. record scalars, lists, comparison and printing
# ---------------------------------------------------------------------------

def assert_same_record_scalar(r, n, msg=""):
    assert type(r).__name__ == type(n).__name__, \
        f"{msg}: type {type(r).__name__} != numpy {type(n).__name__}"
    assert_same_dtype(r.dtype, n.dtype, msg)
    assert r.dtype.type is type(r), f"{msg}: dtype.type {r.dtype.type!r} is not {type(r)!r}"
    for key in n.dtype.fields:
        if isinstance(n[key], np.void):
            assert_same_record_scalar(r[key], n[key], f"{msg}[{key!r}]")
        else:
            assert_same(r[key], n[key], msg=f"{msg}[{key!r}]")
    assert_same(r.item(), n.item(), msg=f"{msg}.item()")


@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_record_scalars(spec, align):
    n, r, _, _ = records(spec, align, "2d")
    col = Collector()
    for idx in [(0, 0), (2, 3), (-1, 1), (1, -2)]:
        col(assert_same_record_scalar, r[idx], n[idx], f"arr[{idx}]")
    n0, r0, _, _ = records(spec, align, "0d")
    col(assert_same_record_scalar, r0[()], n0[()], "arr0d[()]")
    for k, key in enumerate(n.dtype.fields):  # a record scalar from indexing is a view
        n[1, 2][key] = k + 1
        r[1, 2][key] = k + 1
    col(assert_same_records, r, n, "after writing through arr[1, 2][key]")
    col.done()


SCALAR_WAYS = {
    "1-d": lambda a: a.reshape(-1)[4],
    "1-d negative": lambda a: a.reshape(-1)[-2],
    "reversed": lambda a: a.reshape(-1)[::-2][1],
    "n-d": lambda a: a[1, 2],
    "field": lambda a: a[1, 2]["p"] if "p" in a.dtype.names else a[1, 2],
    "0-d": lambda a: a[1, 2, ...][()],
}


@pytest.mark.parametrize("way", list(SCALAR_WAYS))
@pytest.mark.parametrize("readonly", [False, True], ids=["writeable", "readonly"])
@pytest.mark.parametrize("spec,align", [c for c in ARRAY_CASES
                                        if c.id in ("simple", "nested", "particle")])
def test_record_scalar_writes_through(spec, align, way, readonly):
    """A record scalar views its array's item, writes and all; from a read-only array (by
    its flag) it is read-only, however it was indexed."""
    n, r, _, _ = records(spec, align, "2d")

    def run(m):
        a = r if m is rp else n
        a.flags.writeable = not readonly
        x = SCALAR_WAYS[way](a)
        name = x.dtype.names[-1]
        x[name] = 7
        return a
    r, n = both(run)
    assert_outcomes(r, n, compare=assert_same_records, msg=f"{way} item, field written")


def test_record_scalars_made_and_dropped_in_turn():
    """Record scalars of two arrays made and dropped in turn (rumpy reuses their memory), some
    kept: each reads its own item, with its own dtype, as numpy's do."""
    def run(m):
        a = m.zeros(4, [("x", "<f8"), ("k", "<i4")])
        a["x"] = m.arange(4.0)
        b = m.zeros(3, [("s", "S3"), ("y", "<i2")])
        b["y"] = m.asarray([7, 8, 9])
        kept, out = [], []
        for i in range(60):
            x, y = a[i % 4], b[-1 - i % 3]
            out.append((x["x"].item(), str(x.dtype), y["y"].item(), str(y.dtype)))
            if i % 7 == 0:
                kept.append((x, y))
        a["k"] = m.arange(4)
        out += [(x["k"].item(), y["s"].item()) for x, y in kept]
        return out
    r, n = both(run)
    assert_outcomes(r, n)


def test_record_scalar_outliving_a_resize():
    """The scalar of an item that a resize (refcheck=False) dropped raises instead of
    reading freed memory (NumPy reads whatever is there); an item still held reads on."""
    a = rp.zeros(6, [("value", "<f8"), ("id", "<i4")])
    a["value"] = rp.arange(6.0)
    gone, kept = a[5], a[0]
    a.resize(2, refcheck=False)
    with pytest.raises(ValueError, match="no longer holds"):
        gone["value"]
    assert kept["value"] == 0.0
    kept["id"] = 3
    assert a["id"][0] == 3


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_tolist_and_item(spec, align, case):
    n, r, _, _ = records(spec, align, case)
    assert_same(r.tolist(), n.tolist(), msg="tolist()")
    if n.size:
        assert_same(r.item(0), n.item(0), msg="item(0)")


def plain(x):
    """numpy's tolist() with the subarray fields' ndarrays turned into lists too."""
    if isinstance(x, (list, tuple)):
        return type(x)(plain(v) for v in x)
    return x.tolist() if isinstance(x, np.ndarray) else x


@pytest.mark.parametrize("case", ["0d", "empty", "1d", "2d", "transposed"])
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_array_from_records(spec, align, case):
    shape, op = SHAPES[case]
    values = plain(_apply(np_records(spec, align, shape), op).tolist())
    r, n = both(lambda m: m.array(values, dtype=dtype_arg(m, spec, align)))
    assert_outcomes(r, n, compare=assert_same_records, msg="array(tolist(), dtype)")


ODD_INPUTS = [[(1.0, 2), (3.0, 4)], [1, 2], [[(1.0, 2)], [(3.0, 4)]], [(1.0,)], [(1.0, 2, 3)],
              (1.0, 2), [[1.0, 2]], [], [(1.5, "x")]]
ODD_CASES = [c for c in ARRAY_CASES if c.id in ("simple", "simple-align", "nested")]


@pytest.mark.parametrize("values", ODD_INPUTS, ids=repr)
@pytest.mark.parametrize("spec,align", ODD_CASES)
def test_array_from_odd_inputs(spec, align, values):
    r, n = both(lambda m: m.array(values, dtype=dtype_arg(m, spec, align)))
    assert_outcomes(r, n, compare=assert_same_records, msg=f"array({values!r})")


@pytest.mark.parametrize("item", [(5.0, 6), 7, [5.0, 6], (5.0,)], ids=repr)
@pytest.mark.parametrize("spec,align", ODD_CASES)
def test_record_item_assignment(spec, align, item):

    def assign(m):
        a = m.zeros(3, dtype=dtype_arg(m, spec, align))
        a[1] = item
        return a
    assert_outcomes(*both(assign), compare=assert_same_records, msg=f"a[1] = {item!r}")


@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_record_comparison(spec, align):
    n, r, _, _ = records(spec, align, "2d")
    n2, r2, _, _ = records(spec, align, "2d")
    path = next(leaves(n.dtype))
    field(n2, path)[1, 2] = 99
    field(r2, path)[1, 2] = 99
    col = Collector()
    for expr in ["x == y", "x != y", "x == x", "x[1] == y", "x == y.T"]:
        col(check, expr, x=P(r, n), y=P(r2, n2))
    col.done()


@pytest.mark.parametrize("case", SHAPES)
@pytest.mark.parametrize("spec,align", ARRAY_CASES)
def test_record_repr(spec, align, case):
    n, r, _, _ = records(spec, align, case)
    check("repr(x)", x=P(r, n))
    check("str(x)", x=P(r, n))
    if n.size:
        check("repr(x[i])", x=P(r, n), i=(0,) * n.ndim)


# ---------------------------------------------------------------------------
# 5. record promotion and casts, unstructured void, rec / recarray
# ---------------------------------------------------------------------------

PROMOTE_PAIRS = {
    "same": (SPECS["simple"], SPECS["simple"]),
    "widen": ([("a", "i1"), ("b", "f4")], SPECS["simple"]),
    "aligned": (np.dtype(SPECS["simple"], align=True), [("a", "i1"), ("b", "f4")]),
    "nested_sub": ([("a", "f8", (2,)), ("n", [("x", "i4")])],
                   [("a", "f4", (2,)), ("n", [("x", "i8")])]),
    "other_names": (SPECS["simple"], [("x", "f8"), ("y", "i4")]),
    "fewer": (SPECS["simple"], [("a", "f8")]),
    "titles": ([(("t", "a"), "f8")], [("a", "f4")]),
    "raw_same": ("V8", "V8"), "raw_other": ("V8", "V4"), "record_number": (SPECS["simple"], "f8"),
}


def _as_dtype(m, spec):
    if isinstance(spec, np.dtype):  # an aligned struct: its fields, laid out with align=True
        return m.dtype([(k, spec.fields[k][0].str) for k in spec.names], align=True)
    return m.dtype(spec)


@pytest.mark.parametrize("pair", PROMOTE_PAIRS)
def test_record_promotion(pair):
    s1, s2 = PROMOTE_PAIRS[pair]
    r, n = both(lambda m: m.result_type(_as_dtype(m, s1), _as_dtype(m, s2)))
    assert_outcomes(r, n, compare=assert_same_dtype, msg=f"result_type {pair}")


@pytest.mark.parametrize("pair", ["same", "widen", "aligned", "nested_sub", "other_names",
                                  "fewer", "record_number"])
def test_record_casts_and_compare(pair):
    """Arrays of one record dtype stored into another (field by field in order of position),
    astype, and == between them."""
    s1, s2 = PROMOTE_PAIRS[pair]

    def src(m):
        a = m.zeros(4, dtype=_as_dtype(m, s1))
        for k, path in enumerate(leaves(np.dtype(_as_dtype(np, s1)))):
            v = field(a, path)
            v[...] = m.arange(v.size).reshape(v.shape) % 3 + k
        return a

    def store(m):
        b = m.zeros(4, dtype=_as_dtype(m, s2))
        b[...] = src(m)
        return b
    col = Collector()
    col(assert_outcomes, *both(store), compare=assert_same_records, msg="b[...] = a")
    col(assert_outcomes, *both(lambda m: src(m).astype(_as_dtype(m, s2))),
        compare=assert_same_records, msg="astype")
    col(assert_outcomes, *both(lambda m: src(m) == m.zeros(4, dtype=_as_dtype(m, s2))),
        msg="a == b")
    col(assert_outcomes, *both(lambda m: src(m)[1] != src(m)), msg="a[1] != a")
    col.done()


@pytest.mark.parametrize("expr", [
    "m.zeros(3, 'V4')", "m.zeros(2, 'V3').tolist()", "repr(m.zeros(2, 'V3'))",
    "str(m.zeros(2, 'V3'))", "m.zeros(2, 'V3')[0].item()", "repr(m.zeros(2, 'V3')[0])",
    "m.dtype('V8').descr", "m.dtype('V').itemsize", "repr(m.dtype('V'))", "m.dtype('|V16').name",
    "m.dtype([('a', 'f8'), ('', 'V4'), ('b', 'i1')]).names",
    "m.dtype([('a', 'f8'), ('', 'V4'), ('b', 'i1')]).descr",
    "m.dtype([('a', 'f8'), ('pad', 'V3')]).descr",
])
def test_unstructured_void(expr):
    r, n = both(expr)
    if isinstance(n, np.ndarray):
        assert_outcomes(r, n, compare=lambda a, b: (a.shape, a.dtype.str, a.tobytes())
                        == (b.shape, b.dtype.str, b.tobytes()) or (_ for _ in ()).throw(
                            AssertionError(f"{a!r} != {b!r}")), msg=expr)
    else:
        assert_outcomes(r, n, msg=expr)


REC_EXPRS = [
    "m.rec.fromarrays([m.arange(3.0), m.arange(3)], names='x,y')",
    "m.rec.fromarrays([m.arange(3.0), m.arange(3)], names=['x', 'y']).x",
    "m.rec.fromarrays([m.arange(3.0), m.arange(3)], formats=['f4', 'i2'], names='x,y')",
    "m.rec.fromarrays([m.arange(6.0).reshape(3, 2), m.arange(3)], names='v,i')",
    "m.rec.fromarrays([m.arange(3.0), m.arange(4)], names='x,y')",
    "m.rec.fromrecords([(1.5, 2), (3.0, 4)], names='x,y')",
    "m.rec.fromrecords([(1.5, 2), (3.0, 4)], names='x,y').y",
    "m.rec.fromrecords([(1.5, 2), (3.0, 4)], dtype=[('x', 'f4'), ('y', 'i8')])",
    "m.rec.array([(1.5, 2), (3.0, 4)], dtype=[('x', 'f8'), ('y', 'i4')])",
    "m.rec.array([(1.5, 2), (3.0, 4)], dtype=[('x', 'f8'), ('y', 'i4')])[1]",
    "m.rec.array([(1.5, 2), (3.0, 4)], dtype=[('x', 'f8'), ('y', 'i4')])[1].x",
    "m.rec.array([(1.5, 2), (3.0, 4)], dtype=[('x', 'f8'), ('y', 'i4')])[::-1]",
    "m.rec.array(m.zeros(3, [('value', 'f8'), ('mass', 'f8')])).mass",
    "m.rec.array([(1.5, 2), (3.0, 4)], dtype=[('x', 'f8'), ('y', 'i4')]).nope",
    "m.zeros(2, [('a', 'f8'), ('b', 'i4')]).view(m.recarray).b",
    "m.recarray((2,), dtype=[('a', 'f8')]).shape",
    "m.recarray((2,), formats=['f8', 'i4'], names='p,q').dtype.descr",
]


def _same_rec(r, n):
    assert type(r).__name__ == type(n).__name__, f"type {type(r).__name__} != {type(n).__name__}"
    if isinstance(n, np.ndarray):
        if n.dtype.names is None:
            assert_same(r, n)
            return
        # numpy's recarray dtype has the numpy.record type; compare with its plain record dtype
        assert_same_records(r.view(rp.ndarray),
                            n.view(np.ndarray).view(np.dtype((np.void, n.dtype))), "rec")
        assert repr(r) == repr(n).replace("dtype((numpy.record, ", "dtype=").replace(
            "]))", "])") or repr(r) == repr(n), f"{repr(r)} != {repr(n)}"
    elif isinstance(n, np.void):
        assert_same(r.item(), n.item())
        assert repr(r) == repr(n), f"{repr(r)} != {repr(n)}"
    else:
        assert_same(r, n)


@pytest.mark.parametrize("expr", REC_EXPRS)
def test_rec(expr):
    r, n = both(expr)
    assert_outcomes(r, n, compare=_same_rec, msg=expr)


def test_recarray_attribute_writes():
    col = Collector()

    def run(m):
        a = m.rec.fromrecords([(1.5, 2), (3.0, 4)], names="x,y")
        a.x = [7.0, 8.0]
        a[0].y = 9
        a.y[1] += 1
        out = a.view(m.ndarray)
        return out.view(np.dtype((np.void, out.dtype))) if m is np else out
    col(assert_outcomes, *both(run), compare=assert_same_records, msg="attribute writes")
    col.done()


SUBARRAY_CREATION = {
    "zeros": lambda m, d: m.zeros(2, d),
    "empty": lambda m, d: m.empty((2,), d).shape,
    "ones": lambda m, d: m.ones((2, 1), d),
    "full": lambda m, d: m.full(2, 7, d),
    "frombuffer": lambda m, d: m.frombuffer(bytes(48), d),
    "zeros_like": lambda m, d: m.zeros_like(m.zeros(2), dtype=d),
    "ndarray": lambda m, d: m.ndarray(2, d).shape,
    "ndarray_buffer": lambda m, d: m.ndarray(2, d, buffer=bytearray(96)),
}


@pytest.mark.parametrize("sub", [("u4", (3,)), ("<f8", (2, 3)), ("i1", 2)], ids=str)
@pytest.mark.parametrize("name", list(SUBARRAY_CREATION))
def test_arrays_of_subarray_dtypes_expand(name, sub):
    """NumPy makes an array of a subarray dtype an array of the base with more axes."""
    f = SUBARRAY_CREATION[name]
    n, r = f(np, sub), f(rp, sub)
    if isinstance(n, tuple):
        assert r == n
    else:
        assert r.shape == n.shape and r.dtype == n.dtype and r.tolist() == n.tolist()


VIEW_AS_SUBARRAY = {
    "records_i4i4": lambda m: m.zeros(2, "i4,i4").view(("i4", (2,))),
    "records_values": lambda m: m.array([(1, 2), (3, 4)], "i4,i4").view(("i4", (2,))),
    "i8_2d_zeros": lambda m: m.zeros((2, 3), "i8").view(("i4", (2,))),
    "i8_2d": lambda m: m.arange(6, dtype="i8").reshape(2, 3).view(("i4", (2,))),
    "i8_2d_i2x2x2": lambda m: m.arange(6, dtype="i8").reshape(2, 3).view(("i2", (2, 2))),
    "i8_u1x4x2": lambda m: m.arange(6, dtype="i8").reshape(2, 3).view(("u1", (4, 2))),
    "i8_i8x1": lambda m: m.arange(6, dtype="i8").view(("i8", (1,))),
    "i8_f8x1x1": lambda m: m.arange(6, dtype="i8").reshape(2, 3).view(("f8", (1, 1))),
    "strided": lambda m: m.arange(6, dtype="i8").reshape(2, 3)[:, ::2].view(("i4", (2,))),
    "transposed": lambda m: m.arange(6, dtype="i8").reshape(2, 3).T.view(("i4", (2,))),
    "empty": lambda m: m.zeros((2, 0), "i8").view(("i4", (2,))),
    "0d": lambda m: m.array(7, "i8").view(("i4", (2,))),
    "itemsize_changes": lambda m: m.arange(6, dtype="i8").reshape(2, 3).view(("i4", (3,))),
    "itemsize_changes_5": lambda m: m.arange(6, dtype="i8").view(("i4", (5,))),
}


@pytest.mark.parametrize("name", list(VIEW_AS_SUBARRAY))
def test_view_as_subarray_dtype_appends_its_axes(name):
    """arr.view(subarray dtype) is a view of the base dtype with the subarray's axes added."""
    def run(m):
        try:
            v = VIEW_AS_SUBARRAY[name](m)
        except TEST_BUGS:
            raise
        except Exception as e:  # noqa: BLE001 - the class and message are compared
            return ("raised", type(e).__name__, str(e))
        return (type(v).__name__, v.dtype.str, v.shape, v.tolist(),
                np.asarray(v).tobytes(), defined_strides(v))
    assert run(rp) == run(np)
