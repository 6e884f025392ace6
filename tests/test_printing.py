"""repr/str of arrays and of scalars from indexing, and print options,
compared character for character with numpy."""

import numpy as np
import pytest

import rumpy as rp
from conftest import ALL_DTYPES, FEW_DTYPES, P, assert_outcomes, both, check, make_pair, to_rp


def same_text(r, n):
    assert r == n, f"\nrumpy:\n{r}\nnumpy:\n{n}"


def check_text(expr, **names):
    check(expr, compare=same_text, **names)


@pytest.mark.parametrize("fn", ["repr", "str"])
def test_repr_str_every_dtype_and_shape(dtype, shape_case, fn):
    n, r, _, _ = make_pair(shape_case, dtype)
    f = {"repr": repr, "str": str}[fn]
    same_text(f(r), f(n))


SPECIAL = {
    "float": [0.0, -0.0, 1.0, -1.5, float("nan"), float("inf"), -float("inf"), 1e-10, 1e10,
              123456789.0, 0.1, 1 / 3, 2.5e-300, 1.7e308, 5e-324],
    "complex": [0j, -0.0 - 0j, 1 + 2j, float("nan") + 1j, complex(float("inf"), -1), 1e-10j,
                1e10 + 1e-10j, -1.5 - 2.5j],
    "int": [0, 1, -1, 127, -128, 255, 65535, 2**31 - 1, -(2**31), 2**63 - 1, -(2**63), 2**64 - 1],
}


def _special(dtype):
    kind = np.dtype(dtype).kind
    if kind == "b":
        return [True, False, True]
    if kind in "iu":
        info = np.iinfo(dtype)
        return [v for v in SPECIAL["int"] if info.min <= v <= info.max]
    if kind == "f":
        with np.errstate(all="ignore"):
            return np.array(SPECIAL["float"], dtype=dtype).tolist()
    with np.errstate(all="ignore"):
        return np.array(SPECIAL["complex"], dtype=dtype).tolist()


@pytest.mark.parametrize("fn", ["repr", "str"])
def test_repr_special_values(dtype, fn):
    vals = _special(dtype)
    n = np.array(vals, dtype=dtype)
    r = rp.array(vals, dtype=dtype)
    check_text(f"{fn}(a)", a=P(r, n))
    check_text(f"{fn}(a.reshape(1, -1))", a=P(r, n))
    for i in range(len(vals)):
        check_text(f"{fn}(a[i])", a=P(r, n), i=i)
        check_text(f"{fn}(a[i:i+1])", a=P(r, n), i=i)
        check_text(f"{fn}(a[i:i+1].reshape(()))", a=P(r, n), i=i)


@pytest.mark.parametrize("shape", [(1001,), (2000,), (40, 30), (3, 500), (11, 11, 11),
                                   (1, 1001), (4, 0, 300)], ids=str)
@pytest.mark.parametrize("dtype", FEW_DTYPES)
def test_summarised(shape, dtype):
    size = int(np.prod(shape))
    n = (np.arange(size) % 251).astype(dtype).reshape(shape)
    r = to_rp(n)
    same_text(repr(r), repr(n))
    same_text(str(r), str(n))


@pytest.mark.parametrize("dtype", ["float64", "float32", "float16", "complex128"])
def test_float_formatting_variety(dtype):
    rows = [
        [1.0, 2.0, 3.0], [0.1, 0.25, 100.0], [1e-5, 1.0, 1e5], [1e-20, 1.0, 1e20],
        [123456.789, 0.001, 3.0], [1.5, float("nan"), -float("inf")], [-0.0, 0.0, 0.5],
        [1e16, 1.0, 2.0], [0.3333333333333333, 2 / 3, 1.0], [1e8, 1e-8, 0.0],
    ]
    for row in rows:
        with np.errstate(all="ignore"):
            n = np.array(row, dtype=dtype)
        r = rp.array(row, dtype=dtype)
        same_text(repr(r), repr(n))
        same_text(str(r), str(n))


# ---------------------------------------------------------------------------
# print options
# ---------------------------------------------------------------------------

def test_get_printoptions_defaults():
    r, n = rp.get_printoptions(), np.get_printoptions()
    assert set(r) == set(n)
    for k in n:
        if k != "formatter":
            assert r[k] == n[k], k


OPTIONS = [
    dict(precision=3), dict(precision=0), dict(precision=12), dict(threshold=5),
    dict(threshold=5, edgeitems=1), dict(edgeitems=5, threshold=10), dict(linewidth=20),
    dict(linewidth=200), dict(suppress=True), dict(floatmode="fixed"), dict(floatmode="unique"),
    dict(floatmode="maxprec_equal"), dict(floatmode="fixed", precision=2), dict(sign="+"),
    dict(sign=" "), dict(nanstr="NaN", infstr="Inf"), dict(legacy="1.13"), dict(legacy="1.21"),
    dict(legacy="2.1"), dict(formatter={"float": lambda x: f"<{x:.1f}>"}),
    dict(formatter={"int": lambda x: hex(x)}), dict(formatter={"all": lambda x: "*"}),
    dict(formatter={"bool": lambda x: "T" if x else "F"}),
    dict(formatter={"complexfloat": lambda x: f"{x.real:.1f}|{x.imag:.1f}"}),
    dict(override_repr=lambda a: "ARRAY"), dict(precision=4, suppress=True, linewidth=40),
]
OPTION_IDS = [",".join(f"{k}={v if not callable(v) and not isinstance(v, dict) else k}"
                       for k, v in o.items()) for o in OPTIONS]

PRINT_ARRAYS = [
    "m.array([1.123456789, -2.5, 1e-7, float('nan'), float('inf')])",
    "m.array([[1, 22, 333], [4444, 55555, -6]], dtype='i8')",
    "m.array([0.1, 200.0, 3e5, 4e-3], dtype='f4')",
    "m.array([1 + 2.5j, -3.25 - 1e-5j])",
    "m.array([True, False])",
    "m.array(3.14159265358979)",
    "m.array(-7, dtype='i2')",
    "m.arange(30, dtype='f8').reshape(5, 6) / 7 if m is np else m.array((np.arange(30).reshape(5, 6) / 7).tolist())",
    "m.arange(100)",
    "m.zeros((2, 0, 3))",
    "m.array([1e-12, 1.0, 12345.678])",
]


@pytest.mark.parametrize("opts", OPTIONS, ids=OPTION_IDS)
def test_printoptions_context(opts):
    bad = []
    for expr in PRINT_ARRAYS:
        for fn in ("repr", "str"):
            def run(m, fn=fn, expr=expr):
                a = eval(expr, {"m": m, "np": np})
                with m.printoptions(**opts):
                    return (eval(fn)(a), eval(fn)(a[..., :1] if a.ndim else a))
            rv, nv = both(run)
            try:
                assert_outcomes(rv, nv, compare=lambda x, y: same_text(x, y))
            except AssertionError as e:
                bad.append(f"{fn}({expr}): {e}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("opts", OPTIONS[:14], ids=OPTION_IDS[:14])
def test_set_printoptions_global(opts):
    np.set_printoptions(**opts)
    rp.set_printoptions(**opts)
    for expr in PRINT_ARRAYS[:6]:
        check_text(f"repr({expr})")
        check_text(f"str({expr})")
    r, n = rp.get_printoptions(), np.get_printoptions()
    for k in opts:
        if k != "formatter":
            assert r[k] == n[k], k
    np.set_printoptions()
    rp.set_printoptions()


def test_printoptions_restores():
    before = rp.get_printoptions()
    with rp.printoptions(precision=2, threshold=3) as ctx:
        inner = rp.get_printoptions()
        assert inner["precision"] == 2 and inner["threshold"] == 3
    assert rp.get_printoptions() == before
    with np.printoptions(precision=2, threshold=3) as nctx:
        ninner = np.get_printoptions()
    assert (nctx == ninner) == (ctx == inner)


@pytest.mark.parametrize("bad", [dict(floatmode="bogus"), dict(sign="x"),
                                 dict(precision="a"), dict(threshold="x"), dict(linewidth=None),
                                 dict(bogus=1)],
                         ids=lambda d: ",".join(d))
def test_printoptions_errors(bad):
    def run(m):
        with m.printoptions(**bad):
            return repr(m.array([1.5]))
    assert_outcomes(*both(run), compare=same_text)
    out = both(lambda m: m.set_printoptions(**bad))
    assert_outcomes(*out)
    assert rp.get_printoptions()["precision"] == np.get_printoptions()["precision"]


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_array_repr_str_functions(dtype):
    n, r, _, _ = make_pair("2d", dtype)
    for expr in ["m.array_repr(a)", "m.array_str(a)", "m.array2string(a)",
                 "m.array2string(a, separator=', ')", "m.array2string(a, precision=2)",
                 "m.array_repr(a, max_line_width=20)", "m.array_str(a, precision=1)",
                 "m.array2string(a, prefix='xx(')", "m.array_repr(a[0])"]:
        check_text(expr, a=P(r, n))


@pytest.mark.parametrize("make", [
    "m.asarray(5, dtype=object)", "m.asarray('ab', dtype=object)", "m.asarray(None, dtype=object)",
    "m.asarray(2**64, dtype=object)", "m.asarray(1.5, dtype=object)",
    "m.asarray(b'ab', dtype=object)", "m.asarray('ab')", "m.asarray(b'ab')",
    "m.asarray('')", "m.asarray(b'')",
])
def test_str_of_0d_object_and_text(make):
    """str() of a 0-d array is its item's: the object's str, a bytes item's repr."""
    want = str(eval(make, {"m": np}))
    assert str(eval(make, {"m": rp})) == want
