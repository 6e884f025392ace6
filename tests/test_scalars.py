"""rumpy's scalar types (src/rumpy/_scalars.py) against numpy's.

The modules are loaded by path (under a private package name), so these tests
run without the Rust extension; the few tests that need ``rumpy._core``
(``.dtype``, the registration with the core) skip when it is not importable.
Every expected value comes from numpy: results are compared by type name,
bits (nan equal to nan, -0.0 distinct from 0.0), warnings (category and text)
and exceptions (builtin base class and message, 'numpy.' stripped).
"""

import contextlib
import copy
import importlib.util
import itertools
import math
import operator
import pickle
import sys
import types
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from conftest import Raised, assert_outcomes

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


S, _F = _load_by_path()


def _core_or_none():
    try:
        import rumpy
        import rumpy._core  # noqa: F401
        return rumpy
    except Exception:
        return None


needs_core = pytest.mark.skipif(_core_or_none() is None,
                                reason="rumpy._core is not built")

NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
         "int64", "uint64", "float16", "float32", "float64", "complex64",
         "complex128"]
KIND = {n: np.dtype(n).kind for n in NAMES}


def rpt(name):
    return getattr(S, name)


def npt(name):
    return np.dtype(name).type


# ---------------------------------------------------------------------------
# outcome comparison
# ---------------------------------------------------------------------------

def _key(x):
    if isinstance(x, tuple):
        return tuple(_key(e) for e in x)
    tn = type(x).__name__
    v = x.item() if hasattr(x, "item") else x
    if isinstance(v, float):
        v = ("f", "nan" if v != v else repr(v))
    elif isinstance(v, complex):
        v = ("c", "nan" if v.real != v.real else repr(v.real),
             "nan" if v.imag != v.imag else repr(v.imag))
    return (tn, v)


def _norm(msg):
    return str(msg).replace("numpy.", "").replace("rumpy.", "")


_ACTIVE = [None]    # the warnings list of the active ``recording()``


class recording(contextlib.ContextDecorator):
    """Record the warnings of a whole block (one catch_warnings for a loop of
    comparisons instead of one per call: much faster)."""

    def __enter__(self):
        self._cm = warnings.catch_warnings(record=True)
        self._outer = _ACTIVE[0]
        _ACTIVE[0] = self._cm.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc):
        _ACTIVE[0] = self._outer
        return self._cm.__exit__(*exc)


def outcome(fn):
    """('ok', key, warnings) or ('exc', builtin base, message, warnings)."""
    if _ACTIVE[0] is None:
        with recording():
            return _outcome(fn, _ACTIVE[0])
    return _outcome(fn, _ACTIVE[0])


def _outcome(fn, log):
    start = len(log)
    try:
        res = ("ok", _key(fn()))
    except (SyntaxError, NameError):
        raise  # the test's own fault: comparing two of these would test nothing
    except Exception as e:  # noqa: BLE001 - compared with numpy's
        base = next(c for c in type(e).__mro__ if c.__module__ == "builtins")
        msg = _norm(e)
        if "did not contain a loop" in msg:
            msg = "<no loop>"   # numpy names its DType classes here
        res = ("exc", base.__name__, msg)
    return res + (tuple((type(m.message).__name__, str(m.message))
                        for m in log[start:]),)


def _ulps_close(a, b, ulps=2):
    """Float/complex values (Python) equal within ``ulps`` of float32/64."""
    if isinstance(a, tuple):
        return all(_ulps_close(x, y, ulps) for x, y in zip(a, b))
    if a == b or (a != a and b != b):
        return True
    if isinstance(a, complex):
        return _ulps_close(a.real, b.real, ulps) and \
            _ulps_close(a.imag, b.imag, ulps)
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return abs(a - b) <= ulps * max(math.ulp(b), math.ulp(a))


def assert_same(fnp, frp, approx=False):
    a, b = outcome(fnp), outcome(frp)
    if a == b:
        return
    if approx and a[0] == b[0] == "ok" and a[-1] == b[-1]:
        ka, kb = a[1], b[1]
        if ka[0] == kb[0] and not isinstance(ka[0], tuple):
            va, vb = fnp().item(), frp().item()
            width = 24 if ka[0] in ("float16", "float32", "complex64") else 53
            # relative closeness in units of the type's precision
            if _ulps_close(va, vb, ulps=2 ** (53 - width) * 2):
                return
    assert b == a, f"numpy: {a}\nrumpy: {b}"


# values per kind; 'min'/'max' come from numpy's iinfo/finfo
SVALS = {"b": [False, True],
         "i": [0, 1, -1, "min", "max"],
         "u": [0, 3, "max"],
         "f": [0.0, -0.0, 1.0, -2.5, math.inf, math.nan, "max"],
         "c": [0j, -0.5 - 1.5j, complex(math.inf, 1), complex(math.nan, 0),
               "max"]}


def values(name):
    k = KIND[name]
    out = []
    for v in SVALS[k]:
        if v == "min":
            v = int(np.iinfo(name).min)
        elif v == "max":
            if k in "iu":
                v = int(np.iinfo(name).max)
            elif k == "f":
                v = float(np.finfo(name).max)
            else:
                v = complex(float(np.finfo(name).max), 1.0)
        out.append(v)
    return out


def pair(name, v):
    """The numpy and rumpy scalar of type ``name`` holding ``v``."""
    if _ACTIVE[0] is not None:      # warnings land in the recording: unused
        return npt(name)(v), rpt(name)(v)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return npt(name)(v), rpt(name)(v)


# ---------------------------------------------------------------------------
# the hierarchy
# ---------------------------------------------------------------------------

# numpy's abstract scalar classes above the types rumpy has (so not flexible/character,
# which only str/bytes/void derive from), in numpy's class order
ABSTRACT = list(dict.fromkeys(
    c.__name__ for n in NAMES for c in reversed(npt(n).__mro__)
    if issubclass(c, np.generic) and c not in set(np.sctypeDict.values())))


def test_scalar_types_list():
    assert [c.__name__ for c in S.SCALAR_TYPES] == \
        [npt(n).__name__ for n in NAMES]
    for i, (cls, name) in enumerate(zip(S.SCALAR_TYPES, NAMES)):
        assert cls._rp_type_num == i
        assert cls._rp_name == np.dtype(name).name
        assert cls is rpt(name)


@pytest.mark.parametrize("name", NAMES)
def test_subclass_relations(name):
    r, n = rpt(name), npt(name)
    for abstract in ABSTRACT:
        assert issubclass(r, getattr(S, abstract)) == \
            issubclass(n, getattr(np, abstract)), abstract
    for py in (int, float, complex, bool):
        assert issubclass(r, py) == issubclass(n, py), py
    assert r.__module__ == "rumpy"


@pytest.mark.parametrize("abstract", ABSTRACT)
def test_abstract_types(abstract):
    for other in ABSTRACT:
        assert issubclass(getattr(S, abstract), getattr(S, other)) == \
            issubclass(getattr(np, abstract), getattr(np, other))
    assert_same(lambda: getattr(np, abstract)(), lambda: getattr(S, abstract)())


# every name numpy gives a scalar type whose dtype rumpy has (numpy's other scalar types are
# longdouble, clongdouble, str_, bytes_, void, object_, datetime64 and timedelta64: dtypes
# rumpy does not have)
ALIASES = [n for n in dir(np)
           if isinstance(getattr(np, n), type) and issubclass(getattr(np, n), np.generic)
           and getattr(np, n) in set(np.sctypeDict.values())
           and np.dtype(getattr(np, n)).name in NAMES]


@pytest.mark.parametrize("alias", ALIASES)
def test_aliases(alias):
    # numpy's longlong is a distinct type named 'longlong'; ours is int64
    expected = np.dtype(getattr(np, alias)).name
    assert getattr(S, alias)._rp_name == expected


def test_bool_singletons():
    assert S.bool_ is S.bool
    assert S.bool_(True) is S.True_ and S.bool_(False) is S.False_
    assert S.bool_(5) is S.True_ and S.bool_() is S.False_
    assert S.True_._v is True and S.False_._v is False
    assert hasattr(S.True_, "__index__") == hasattr(np.True_, "__index__")


def test_promotion_table_matches_numpy():
    for (i, a), (j, b) in itertools.product(enumerate(NAMES), repeat=2):
        assert NAMES[S.PROMOTION_TABLE[i][j]] == np.promote_types(a, b).name, (a, b)
        assert S.promote_scalar_types(rpt(a), rpt(b)) is \
            rpt(np.promote_types(a, b).name)


@needs_core
def test_promotion_table_matches_rust_core():
    rp = _core_or_none()
    for (i, a), (j, b) in itertools.product(enumerate(NAMES), repeat=2):
        assert NAMES[S.PROMOTION_TABLE[i][j]] == rp.promote_types(a, b).name


# ---------------------------------------------------------------------------
# construction and casts
# ---------------------------------------------------------------------------

CTOR_VALUES = [
    None, 0, 1, -1, 127, 128, 255, 256, -129, 2**31, 2**63, 2**64 - 1, 2**64,
    -2**63 - 1, 10**400, 0.0, -0.0, 3.7, -3.7, 1e20, 300.0, -1.5, 65504.0,
    65520.0, 1e39, 1e-50, math.inf, -math.inf, math.nan, 1j, 1.5 + 2j,
    complex(1e39, 1), True, False, "12", " 12 ", "1.5", "1e50", "nan", "inf",
    "-0", "1+2j", "x", "", b"12", "0x10", "1_0"]


@pytest.mark.parametrize("name", NAMES)
@recording()
def test_constructor_from_python(name):
    assert_same(lambda: npt(name)(), lambda: rpt(name)())
    for v in CTOR_VALUES:
        assert_same(lambda: npt(name)(v), lambda: rpt(name)(v))


@pytest.mark.parametrize("name", ["complex64", "complex128"])
def test_complex_constructor_two_args(name):
    for re_, im in [(1, 2), (1.5, -0.5), (1e39, 1), (1j, 2), ("1", 2)]:
        assert_same(lambda: npt(name)(re_, im), lambda: rpt(name)(re_, im))


CAST_VALUES = {
    "b": [True, False],
    "i": [0, -1, "min", "max", 100],
    "u": [0, "max", 200],
    "f": [0.0, -0.0, 1.5, -1.5, 300.7, -300.7, 1e10, -1e10, 3e9, 1e20,
          -1e20, 65520.0, 1e39, math.inf, math.nan, "max"],
    "c": [0j, 1.5 + 2j, complex(-3e9, 1), complex(1e39, 0),
          complex(math.nan, 1), "max"]}


def cast_values(name):
    k = KIND[name]
    out = []
    for v in CAST_VALUES[k]:
        if v == "min":
            v = int(np.iinfo(name).min)
        elif v == "max":
            v = (int(np.iinfo(name).max) if k in "iu" else
                 float(np.finfo(name).max) if k == "f" else
                 complex(float(np.finfo(name).max), 1.0))
        out.append(v)
    return out


@pytest.mark.parametrize("src", NAMES)
@recording()
def test_casts_between_scalar_types(src):
    for v in cast_values(src):
        x_np, x_rp = pair(src, v)
        for dst in NAMES:
            assert_same(lambda: npt(dst)(x_np), lambda: rpt(dst)(x_rp))
            assert_same(lambda: x_np.astype(dst), lambda: x_rp.astype(dst))
        assert_same(lambda: x_np.astype(npt("float32")),
                    lambda: x_rp.astype(rpt("float32")))


def test_constructor_from_numpy_scalars():
    for name in NAMES:
        for v in cast_values(name):
            x_np, _ = pair(name, v)
            for dst in ("int8", "uint64", "float16", "float64", "complex64"):
                assert_same(lambda: npt(dst)(x_np), lambda: rpt(dst)(x_np))


# ---------------------------------------------------------------------------
# attributes, conversions, unary operators
# ---------------------------------------------------------------------------

UNARY = {
    "neg": operator.neg, "pos": operator.pos, "abs": abs,
    "invert": operator.invert, "bool": lambda x: bool(x), "int": int,
    "float": float, "complex": complex, "index": operator.index,
    "repr": repr, "str": str, "item": lambda x: x.item(),
    "item0": lambda x: x.item(0), "tolist": lambda x: x.tolist(),
    "real": lambda x: x.real, "imag": lambda x: x.imag,
    "conjugate": lambda x: x.conjugate(), "conj": lambda x: x.conj(),
    "itemsize": lambda x: x.itemsize, "nbytes": lambda x: x.nbytes,
    "ndim": lambda x: x.ndim, "shape": lambda x: x.shape,
    "size": lambda x: x.size, "strides": lambda x: x.strides,
    "T": lambda x: x.T, "getitem_empty": lambda x: x[()],
    "getitem_0": lambda x: x[0], "round": round,
    "round1": lambda x: round(x, 1), "round_m1": lambda x: round(x, -1),
    "format": lambda x: format(x, ""), "format_f": lambda x: format(x, ".3f"),
    "format_d": lambda x: format(x, "d"), "fstring": lambda x: f"{x}",
    "is_integer": lambda x: x.is_integer(),
    "as_integer_ratio": lambda x: x.as_integer_ratio(),
    "bit_count": lambda x: x.bit_count(),
    "numerator": lambda x: x.numerator,
    "denominator": lambda x: x.denominator,
    "pickle": lambda x: pickle.loads(pickle.dumps(x)),
    "deepcopy": copy.deepcopy, "copy": copy.copy,
    "floor": math.floor, "ceil": math.ceil, "trunc": math.trunc,
    "hash": lambda x: hash(x) if x == x else "nan: hash by identity",
}


@pytest.mark.parametrize("what", sorted(UNARY))
@recording()
def test_unary_and_attributes(what):
    fn = UNARY[what]
    for name in NAMES:
        for v in cast_values(name):
            x_np, x_rp = pair(name, v)
            assert_same(lambda: fn(x_np), lambda: fn(x_rp))


def test_pickle_keeps_singletons_and_types():
    for name in NAMES:
        for v in values(name):
            _, x = pair(name, v)
            y = pickle.loads(pickle.dumps(x))
            assert type(y) is type(x)
    assert pickle.loads(pickle.dumps(S.True_)) is S.True_


def test_immutable_slots():
    with pytest.raises(AttributeError):
        S.float32(1).foo = 1
    with pytest.raises(AttributeError):
        S.float64(1).foo = 1
    assert not hasattr(S.float64(1), "__dict__")


@pytest.mark.parametrize("name", NAMES)
def test_hash_equals_python_value_hash(name):
    for v in values(name):
        x_np, x_rp = pair(name, v)
        if x_np == x_np:
            assert hash(x_rp) == hash(x_np.item()) == hash(x_np)
    # usable as dict keys together with the Python values
    x = rpt(name)(1)
    assert {x: 1}[x.item()] == 1


# ---------------------------------------------------------------------------
# binary operators
# ---------------------------------------------------------------------------

BINOPS = {
    "add": operator.add, "sub": operator.sub, "mul": operator.mul,
    "truediv": operator.truediv, "floordiv": operator.floordiv,
    "mod": operator.mod, "divmod": divmod, "pow": operator.pow,
    "lshift": operator.lshift, "rshift": operator.rshift,
    "and": operator.and_, "or": operator.or_, "xor": operator.xor,
    "lt": operator.lt, "le": operator.le, "eq": operator.eq,
    "ne": operator.ne, "gt": operator.gt, "ge": operator.ge,
}


@pytest.mark.parametrize("opname", sorted(BINOPS))
@recording()
def test_binary_rumpy_with_rumpy(opname):
    op = BINOPS[opname]
    for a, b in itertools.product(NAMES, repeat=2):
        for x, y in itertools.product(values(a), values(b)):
            xn, xr = pair(a, x)
            yn, yr = pair(b, y)
            assert_same(lambda: op(xn, yn), lambda: op(xr, yr),
                        approx=opname == "pow")


PYVALS = [0, 1, -1, 7, 128, 300, -129, 2**31, 2**63, 2**64 - 1, 2**64,
          -2**63 - 1, 0.0, -0.0, 1.5, 0.1, 1e39, math.inf, math.nan, 65520.0,
          0j, 1.5 - 2j, complex(1e39, 1), complex(math.nan, 1), True]


@pytest.mark.parametrize("opname", sorted(BINOPS))
@recording()
def test_binary_rumpy_with_python(opname):
    op = BINOPS[opname]
    for a in NAMES:
        for x in values(a):
            xn, xr = pair(a, x)
            for y in PYVALS:
                assert_same(lambda: op(xn, y), lambda: op(xr, y),
                            approx=opname == "pow")
                assert_same(lambda: op(y, xn), lambda: op(y, xr),
                            approx=opname == "pow")


FOREIGN_OPERANDS = {"ndarray": lambda m: m.array([1.0]), "list": lambda m: [1.0],
                    "str": lambda m: "a", "None": lambda m: None, "object": lambda m: object(),
                    "intlist": lambda m: [1, 2], "complex": lambda m: 3 + 0j}
FOREIGN_EXPRS = ["x + o", "o + x", "x * o", "o * x", "x == o", "x != o", "x < o", "o >= x",
                 "x ** o", "divmod(x, o)", "x.__add__(o)"]


@pytest.mark.parametrize("scalar", ["float32", "int8", "bool_"])
@pytest.mark.parametrize("other", list(FOREIGN_OPERANDS))
@pytest.mark.parametrize("expr", FOREIGN_EXPRS)
def test_foreign_operands(scalar, other, expr):
    """A scalar meeting an object it does not know does what NumPy's does: the array
    operation (array-likes), the other's reflected method, or Python's own result."""
    def run(m):
        ns = {"x": getattr(m, scalar)(1), "o": FOREIGN_OPERANDS[other](m)}
        try:
            r = eval(expr, ns)
        except TypeError as e:
            return Raised(e)
        return "NotImplemented" if r is NotImplemented else r
    import rumpy
    r, n = run(rumpy), run(np)
    assert_outcomes(r, n, msg=expr)


def test_numpy_scalars_are_strong_operands():
    for a, b in itertools.product(["int8", "uint16", "float32", "float64",
                                   "complex64"], repeat=2):
        xn, xr = pair(a, 3)
        yn, _ = pair(b, 2)
        assert_same(lambda: xn * yn, lambda: xr * yn)
        assert_same(lambda: xn < yn, lambda: xr < yn)


def test_pow_with_modulo_unsupported():
    assert_same(lambda: pow(np.int8(2), 3, 5), lambda: pow(S.int8(2), 3, 5))


# ---------------------------------------------------------------------------
# named cases (readable documentation of the NEP 50 and warning rules)
# ---------------------------------------------------------------------------

CASES = [
    lambda m: m.float32(1) + 1.0,          # weak float keeps float32
    lambda m: m.int8(1) + 1,               # weak int keeps int8
    lambda m: m.int8(1) + 300,             # OverflowError (numpy 2)
    lambda m: m.int8(1) + 1.5,             # float64
    lambda m: m.float16(1) + 1j,           # complex64
    lambda m: m.int8(127) + m.int8(1),     # wraps, RuntimeWarning
    lambda m: m.int8(1) // m.int8(0),      # 0, divide by zero warning
    lambda m: m.int8(1) % m.int8(0),
    lambda m: m.float64(1) / 0,            # inf, divide by zero
    lambda m: m.float64(0) / 0,            # nan, invalid value
    lambda m: m.int8(2) ** -1,             # ValueError
    lambda m: m.int8(2) ** m.int8(-1),
    lambda m: m.uint8(1) - m.uint8(2),
    lambda m: -m.uint8(1),
    lambda m: abs(m.int8(-128)),
    lambda m: m.int8(-128) // m.int8(-1),
    lambda m: m.True_ - m.True_,           # TypeError
    lambda m: -m.True_,
    lambda m: +m.True_,
    lambda m: m.True_ // m.False_,         # ufunc wording (no 'scalar')
    lambda m: m.uint64(1) + m.int64(1),    # float64
    lambda m: m.uint64(2**64 - 1) == m.int64(-1),
    lambda m: m.int8(1) == 300,            # exact comparison
    lambda m: m.float32(0.1) == 0.1,       # weak float rounds to float32
    lambda m: m.float32(1) * 1e39,         # overflow encountered in cast
    lambda m: m.int8(m.float64(300.0)),    # C cast: wraps through int32
    lambda m: m.int8(m.float64(1e20)),     # invalid value encountered in cast
    lambda m: m.float32(m.complex64(1 + 2j)),   # ComplexWarning
    lambda m: m.complex128(0) ** -1,
    lambda m: m.complex64(1 + 1j) / 0,
    lambda m: divmod(m.float16(1), m.float16(-0.0)),
    lambda m: m.float64(1e308) * 10,
]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_named_cases(case):
    f = CASES[case]
    assert_same(lambda: f(np), lambda: f(S))


def test_warning_category_and_location():
    with pytest.warns(RuntimeWarning, match="overflow encountered in scalar add") as rec:
        S.int8(127) + S.int8(1)
    assert rec[0].filename == __file__
    with pytest.warns(S.ComplexWarning) as rec:
        float(S.complex64(1j))
    assert rec[0].filename == __file__
    assert issubclass(S.ComplexWarning, RuntimeWarning)


def test_errstate_hook(monkeypatch):
    monkeypatch.setattr(S, "get_errstate",
                        lambda: {"divide": "raise", "over": "ignore",
                                 "under": "ignore", "invalid": "warn"})
    with np.errstate(divide="raise", over="ignore"):
        for f in (lambda m: m.float64(1) / 0,
                  lambda m: m.int8(100) * m.int8(100),
                  lambda m: m.float32(0) / m.float32(0)):
            assert_same(lambda: f(np), lambda: f(S))


# ---------------------------------------------------------------------------
# hypothesis: arithmetic agrees with numpy bit for bit
# ---------------------------------------------------------------------------

FLOAT_WIDTH = {"float16": 16, "float32": 32, "float64": 64}
ARITH = ["add", "sub", "mul", "truediv", "floordiv", "mod", "divmod", "lt",
         "eq"]


@pytest.mark.parametrize("name", sorted(FLOAT_WIDTH))
@settings(max_examples=70, deadline=None)
@given(data=st.data())
def test_float_arithmetic_bits(name, data):
    w = FLOAT_WIDTH[name]
    x = data.draw(st.floats(width=w))
    y = data.draw(st.floats(width=w))
    opname = data.draw(st.sampled_from(ARITH))
    op = BINOPS[opname]
    xn, xr = pair(name, x)
    yn, yr = pair(name, y)
    assert_same(lambda: op(xn, yn), lambda: op(xr, yr))
    # with a weak Python float on either side (any double: it is rounded
    # to the scalar's type first, maybe overflowing)
    z = data.draw(st.one_of(st.just(y), st.floats()))
    assert_same(lambda: op(xn, z), lambda: op(xr, z))
    assert_same(lambda: op(z, xn), lambda: op(z, xr))


@pytest.mark.parametrize("name", ["float16", "float32", "float64"])
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_float_power_close(name, data):
    w = FLOAT_WIDTH[name]
    x = data.draw(st.floats(width=w, min_value=-1e4, max_value=1e4))
    y = data.draw(st.floats(width=w, min_value=-40, max_value=40))
    xn, xr = pair(name, x)
    yn, yr = pair(name, y)
    assert_same(lambda: xn ** yn, lambda: xr ** yr, approx=True)


@pytest.mark.parametrize("name", ["complex64", "complex128"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_complex_arithmetic_bits(name, data):
    w = 32 if name == "complex64" else 64
    parts = st.floats(width=w, allow_nan=False, allow_infinity=False)
    x = complex(data.draw(parts), data.draw(parts))
    y = complex(data.draw(parts), data.draw(parts))
    op = BINOPS[data.draw(st.sampled_from(["add", "sub", "mul", "truediv",
                                           "eq", "lt"]))]
    xn, xr = pair(name, x)
    yn, yr = pair(name, y)
    assert_same(lambda: op(xn, yn), lambda: op(xr, yr))


@pytest.mark.parametrize("name", ["complex64", "complex128"])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_complex_power(name, data):
    w = 32 if name == "complex64" else 64
    parts = st.floats(width=w, min_value=-50, max_value=50)
    x = complex(data.draw(parts), data.draw(parts))
    xn, xr = pair(name, x)
    # integer powers below 100 in magnitude: repeated multiplication, exact
    n = data.draw(st.integers(-99, 99))
    assert_same(lambda: xn ** n, lambda: xr ** n)
    # otherwise the C library's cpow (cexp(y * clog(x))): not correctly
    # rounded, the error grows with |y|
    y = data.draw(st.one_of(
        st.integers(100, 300).map(float),
        st.builds(complex, parts, parts)))
    yn, yr = pair(name, y)
    a, b = outcome(lambda: xn ** yn), outcome(lambda: xr ** yr)
    assert a[0] == b[0] == "ok"
    assert a[1][0] == b[1][0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        va, vb = complex((xn ** yn).item()), complex((xr ** yr).item())
    finite = all(map(math.isfinite, (va.real, va.imag, vb.real, vb.imag)))
    if finite and abs(va) > (1e-30 if w == 32 else 1e-290) and \
            abs(va) < (1e30 if w == 32 else 1e290):
        eps = 2.0 ** -23 if w == 32 else 2.0 ** -52
        tol = 8 * eps * (1 + abs(yn) * (1 + abs(math.log(abs(xn) or 1.0))))
        assert abs(va - vb) <= tol * abs(va)


INT_NAMES = [n for n in NAMES if KIND[n] in "iu"]


@pytest.mark.parametrize("name", INT_NAMES)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_int_arithmetic_wraps_like_numpy(name, data):
    info = np.iinfo(name)
    ints = st.integers(int(info.min), int(info.max))
    x, y = data.draw(ints), data.draw(ints)
    opname = data.draw(st.sampled_from(
        ["add", "sub", "mul", "truediv", "floordiv", "mod", "divmod",
         "lshift", "rshift", "and", "or", "xor", "lt", "ge"]))
    op = BINOPS[opname]
    xn, xr = pair(name, x)
    yn, yr = pair(name, y)
    assert_same(lambda: op(xn, yn), lambda: op(xr, yr))
    e = data.draw(st.integers(0, 70))
    en, er = pair(name, e)
    assert_same(lambda: xn ** en, lambda: xr ** er)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(INT_NAMES), st.sampled_from(INT_NAMES),
       st.integers(-2**63, 2**64 - 1), st.integers(-2**63, 2**64 - 1))
def test_mixed_int_types(a, b, x, y):
    x = x % (int(np.iinfo(a).max) + 1) if KIND[a] == "u" else \
        max(min(x, int(np.iinfo(a).max)), int(np.iinfo(a).min))
    y = y % (int(np.iinfo(b).max) + 1) if KIND[b] == "u" else \
        max(min(y, int(np.iinfo(b).max)), int(np.iinfo(b).min))
    xn, xr = pair(a, x)
    yn, yr = pair(b, y)
    for op in (operator.add, operator.mul, operator.floordiv, operator.lt,
               operator.eq, operator.and_):
        assert_same(lambda: op(xn, yn), lambda: op(xr, yr))


# ---------------------------------------------------------------------------
# with the Rust core
# ---------------------------------------------------------------------------

@needs_core
@pytest.mark.parametrize("name", NAMES)
def test_dtype_attribute(name):
    rp = _core_or_none()
    for x in (rpt(name)(1), getattr(rp, name)(1)):
        assert x.dtype.name == np.dtype(name).name
        assert x.dtype == rp.dtype(name)


@needs_core
@pytest.mark.parametrize("name", NAMES)
def test_indexing_returns_rumpy_scalars(name):
    rp = _core_or_none()
    a = rp.asarray([1, 0], dtype=name)
    x = a[0]
    assert type(x) is getattr(rp, name)
    assert x.__class__.__name__ == \
        np.asarray([1, 0], dtype=name)[0].__class__.__name__
