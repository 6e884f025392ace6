"""Shared helpers for the "NumPy is truth" suite.

Every test computes the same thing with numpy and with rumpy and compares the
results with :func:`assert_same` (values, dtype, shape; NaNs equal; for
scalars also the type name), or, when numpy raises, checks that rumpy raises
an exception of the same class (:func:`assert_same_error`).

Helpers that tests import from here (``from conftest import ...``):

* dtype tiers: ``ALL_DTYPES``, ``BOOL_DTYPES``, ``SIGNED_DTYPES``,
  ``UNSIGNED_DTYPES``, ``INT_DTYPES``, ``FLOAT_DTYPES``, ``COMPLEX_DTYPES``,
  ``NUMERIC_DTYPES``, ``INEXACT_DTYPES``
* shape sets: ``SHAPE_CASES`` (0-d, empty, 1-d, 2-d, 3-d, non-contiguous
  views, negative strides, transposed) and ``make_pair(case, dtype)`` which
  builds the same array in both libraries without going through interop
* ``sample(shape, dtype)``: deterministic numpy data that every dtype holds
  exactly
* ``to_rp(np_array)``: the same array built by rumpy from Python values
* ``both(expr, **names)``: evaluates ``expr`` with ``m`` bound to numpy and to
  rumpy and returns ``(rp_outcome, np_outcome)``; ``check(expr, **names)``
  does that and asserts the outcomes agree.
* ``broken_test(exc)``: is an exception a fault of the test itself (SyntaxError,
  NameError, an attribute numpy's module lacks)? Every helper that turns
  exceptions into outcomes fails the test when numpy's outcome is one of these,
  so that an expression that cannot run does not pass by failing the same way
  in both libraries.
"""

import builtins
import math
import warnings

import numpy as np
import pytest

import rumpy as rp

# ---------------------------------------------------------------------------
# dtype tiers
# ---------------------------------------------------------------------------

BOOL_DTYPES = ["bool"]
SIGNED_DTYPES = ["int8", "int16", "int32", "int64"]
UNSIGNED_DTYPES = ["uint8", "uint16", "uint32", "uint64"]
INT_DTYPES = SIGNED_DTYPES + UNSIGNED_DTYPES
FLOAT_DTYPES = ["float16", "float32", "float64"]
COMPLEX_DTYPES = ["complex64", "complex128"]
INEXACT_DTYPES = FLOAT_DTYPES + COMPLEX_DTYPES
NUMERIC_DTYPES = INT_DTYPES + INEXACT_DTYPES
ALL_DTYPES = BOOL_DTYPES + NUMERIC_DTYPES
# a small representative set for tests that are expensive per dtype
FEW_DTYPES = ["bool", "int8", "uint16", "int64", "float16", "float64", "complex128"]


# NumPy built for AVX512_SKX computes float64 power, log10, arctan2 and friends with SVML:
# results may differ from a correctly rounded libm by an ulp or more, 0 ** -inf warns, and
# arctan2.reduce folds the wrong pairs. Tests that meet those answers say so with this flag.
NUMPY_SVML = bool(getattr(getattr(np, "_core", None), "_multiarray_umath", None) is not None
                  and np._core._multiarray_umath.__cpu_features__.get("AVX512_SKX"))
SVML_UFUNCS = {"power", "float_power", "log10", "log2", "log1p", "expm1", "exp2", "cbrt", "tan",
               "arcsin", "arccos", "arctan", "arctan2", "sinh", "cosh", "tanh", "arcsinh",
               "arccosh", "arctanh"}


# ---------------------------------------------------------------------------
# sample data and shape cases
# ---------------------------------------------------------------------------

def sample(shape, dtype, nonneg=False):
    """Deterministic numpy data of ``shape``/``dtype`` (owns its memory).

    Values are small and exactly representable in every dtype (float16 too),
    signed ones are mixed in unless ``nonneg``; floats have fractional parts
    and complex values non-zero imaginary parts.
    """
    dt = np.dtype(dtype)
    n = math.prod(shape)
    k = np.arange(n, dtype=np.int64)
    base = (k * 7) % 23 - (0 if nonneg else 11)
    if dt.kind == "b":
        v = (k % 3) == 1
    elif dt.kind == "u":
        v = (k * 7) % 23 + 3 * (k % 4)
    elif dt.kind == "i":
        v = base
    elif dt.kind == "f":
        v = base * 0.75
    else:
        v = base * 0.75 + 1j * ((k % 5) - (0 if nonneg else 2)) * 0.5
    if n == 0:
        return np.zeros(shape, dtype=dt)  # built like to_rp builds it
    out = np.array(v, dtype=dt).reshape(shape)
    return np.array(out, copy=True, order="C")


def defined_strides(a):
    """An array's strides, or None when it is empty: NumPy's strides for size-0 arrays depend
    on the path that made them (zeros for fresh arrays, C strides after reshape or pickling,
    kept strides for views), so they are not part of the behaviour compared here."""
    return tuple(a.strides) if a.size else None


def to_rp(a):
    """Build the rumpy twin of numpy array ``a`` from Python values.

    Deliberately avoids every interop path (buffer protocol, __array__,
    DLPack) so that creation/indexing tests do not depend on interop.
    The result is C-contiguous and owns its memory.
    """
    a = np.asarray(a)
    name = a.dtype.name
    if a.size == 0:
        return rp.zeros(a.shape, dtype=name)
    if a.ndim == 0:
        return rp.array(a.item(), dtype=name)
    return rp.array(a.tolist(), dtype=name)


def _apply(arr, op):
    if op is None:
        return arr
    if op == "T":
        return arr.T
    return arr[op]


# name -> (base shape, operation applied to the base to get the tested array)
SHAPE_CASES = {
    "0d": ((), None),
    "empty": ((0,), None),
    "empty3d": ((2, 0, 3), None),
    "1d": ((5,), None),
    "2d": ((3, 4), None),
    "3d": ((2, 3, 4), None),
    "strided": ((4, 6), (slice(None, None, 2), slice(1, None, 2))),
    "negstride": ((3, 5), (slice(None, None, -1), slice(None, None, -2))),
    "transposed": ((3, 4), "T"),
}
SHAPE_CASE_NAMES = list(SHAPE_CASES)
CONTIGUOUS_CASES = ["0d", "empty", "empty3d", "1d", "2d", "3d"]
VIEW_CASES = ["strided", "negstride", "transposed"]


def make_pair(case, dtype, nonneg=False):
    """(np_array, rp_array, np_base, rp_base) for a SHAPE_CASES entry."""
    shape, op = SHAPE_CASES[case]
    nb = sample(shape, dtype, nonneg=nonneg)
    rb = to_rp(nb)
    return _apply(nb, op), _apply(rb, op), nb, rb


# ---------------------------------------------------------------------------
# comparison helpers
# ---------------------------------------------------------------------------

PY_SCALARS = (bool, int, float, complex)


def _values_equal(x, y):
    """x, y numpy arrays of the same dtype and shape: equal with NaN == NaN
    and the same sign of zero."""
    if x.dtype.names is not None:
        return all(_values_equal(x[n], y[n]) for n in x.dtype.names)
    if x.dtype.subdtype is not None:
        return _values_equal(x.view(np.ndarray), y.view(np.ndarray))
    if x.dtype.kind == "O" and not np.array_equal(x, y):
        # objects: NaN equals NaN here too (item by item)
        try:
            return all(_py_equal(a, b) for a, b in zip(x.ravel().tolist(), y.ravel().tolist()))
        except ValueError:   # items that are arrays
            return False
    if x.dtype.kind in "fc":
        if not np.array_equal(x, y, equal_nan=True):
            return False
        parts = [(x.real, y.real), (x.imag, y.imag)] if x.dtype.kind == "c" else [(x, y)]
        for p, q in parts:
            both_nan = np.isnan(p) & np.isnan(q)
            if not np.array_equal(np.signbit(p) | both_nan, np.signbit(q) | both_nan):
                return False
        return True
    return np.array_equal(x, y)


def _py_equal(r, n):
    if isinstance(n, float) and math.isnan(n):
        return isinstance(r, float) and math.isnan(r)
    if isinstance(n, complex) and (math.isnan(n.real) or math.isnan(n.imag)):
        return (isinstance(r, complex)
                and _py_equal(r.real, n.real) and _py_equal(r.imag, n.imag))
    if isinstance(n, float) and n == 0:
        return r == n and math.copysign(1, r) == math.copysign(1, n)
    return r == n


def _assert_ulp(x, y, nulp):
    x, y = np.asarray(x), np.asarray(y)
    if y.dtype.kind == "c":
        _assert_ulp(x.real, y.real, nulp)
        _assert_ulp(x.imag, y.imag, nulp)
        return
    np.testing.assert_array_max_ulp(x, y, maxulp=nulp)


def assert_same(r, n, *, nulp=None, msg=""):
    """Assert that rumpy result ``r`` equals numpy result ``n``.

    * numpy array: ``r`` is a rumpy ndarray; ``np.asarray(r)`` has the same
      dtype (incl. byte order), shape and values (NaNs equal, signed zeros).
    * numpy scalar: same type name, same dtype, same value.
    * Python scalar: same Python type, same value.
    * tuple/list: same length and element-wise assert_same.
    * numpy dtype: rumpy dtype with equal str.
    ``nulp``: allow that many units in the last place for inexact values.
    """
    pre = (msg + ": ") if msg else ""
    if isinstance(n, np.ndarray):
        assert isinstance(r, rp.ndarray), f"{pre}expected a rumpy ndarray, got {type(r)!r}"
        ra = np.asarray(r)
        assert ra.dtype == n.dtype and ra.dtype.str == n.dtype.str, \
            f"{pre}dtype {ra.dtype.str} != numpy {n.dtype.str}"
        assert ra.shape == n.shape, f"{pre}shape {ra.shape} != numpy {n.shape}"
        if nulp is not None and n.dtype.kind in "fc":
            _assert_ulp(ra, n, nulp)
        else:
            assert _values_equal(ra, n), f"{pre}values differ:\nrumpy {ra!r}\nnumpy {n!r}"
    elif isinstance(n, np.generic):
        # compared without np.asarray so that scalar interop is tested separately
        assert type(r).__name__ == type(n).__name__, \
            f"{pre}scalar type {type(r).__name__} != numpy {type(n).__name__}"
        assert r.dtype == n.dtype, f"{pre}scalar dtype {r.dtype} != numpy {n.dtype}"
        rv, nv = r.item(), n.item()
        if isinstance(nv, np.generic):
            # items with no Python type (long double): compared as arrays
            ra = np.asarray(r)
            assert ra.dtype == n.dtype and _values_equal(ra, np.asarray(n)), \
                f"{pre}scalar value {r!r} != numpy {n!r}"
        elif nulp is not None and n.dtype.kind in "fc":
            _assert_ulp(np.array(rv, dtype=n.dtype), n, nulp)
        else:
            assert type(rv) is type(nv) and _py_equal(rv, nv), \
                f"{pre}scalar value {r!r} != numpy {n!r}"
    elif isinstance(n, np.dtype):
        assert isinstance(r, rp.dtype), f"{pre}expected a rumpy dtype, got {type(r)!r}"
        assert r.str == n.str, f"{pre}dtype {r.str} != numpy {n.str}"
    elif isinstance(n, (tuple, list)):
        assert type(r) is type(n), f"{pre}{type(r).__name__} != numpy {type(n).__name__}"
        assert len(r) == len(n), f"{pre}length {len(r)} != numpy {len(n)}"
        for i, (x, y) in enumerate(zip(r, n)):
            assert_same(x, y, nulp=nulp, msg=f"{msg}[{i}]")
    elif isinstance(n, PY_SCALARS):
        assert type(r) is type(n), f"{pre}type {type(r).__name__} != numpy {type(n).__name__}"
        assert _py_equal(r, n), f"{pre}{r!r} != numpy {n!r}"
    elif n is None:
        assert r is None, f"{pre}{r!r} != numpy None"
    else:
        assert r == n, f"{pre}{r!r} != numpy {n!r}"


def assert_same_bits(r, n):
    """Same dtype, shape and raw bytes (for reinterpreting views)."""
    ra = np.asarray(r)
    assert ra.dtype.str == n.dtype.str, f"dtype {ra.dtype.str} != numpy {n.dtype.str}"
    assert ra.shape == n.shape, f"shape {ra.shape} != numpy {n.shape}"
    assert ra.tobytes() == n.tobytes()


_BUILTIN_EXC = tuple(
    c for c in vars(builtins).values() if isinstance(c, type) and issubclass(c, BaseException))


def assert_same_error(r_exc, n_exc, msg=""):
    """rumpy's exception has numpy's exception class: the same name, and is
    an instance of every built-in exception class numpy's is (so
    AxisError must be both a ValueError and an IndexError)."""
    pre = (msg + ": ") if msg else ""
    nt, rt = type(n_exc), type(r_exc)
    assert rt.__name__ == nt.__name__, \
        f"{pre}rumpy raised {rt.__name__}({r_exc}) but numpy raised {nt.__name__}({n_exc})"
    if issubclass(nt, np._core._exceptions.UFuncTypeError):
        # NumPy's private ufunc errors all show as UFuncTypeError: their own names tell the
        # no-loop error from an input's or the output's casting error.
        assert rt.__qualname__ == nt.__qualname__, \
            f"{pre}rumpy raised {rt.__qualname__}({r_exc}) but numpy {nt.__qualname__}({n_exc})"
    for base in nt.__mro__:
        if base in _BUILTIN_EXC and base is not object:
            assert isinstance(r_exc, base), \
                f"{pre}rumpy's {rt.__name__} is not a {base.__name__} (numpy's is)"


class Raised:
    def __init__(self, exc):
        self.exc = exc

    def __repr__(self):
        return f"<raised {type(self.exc).__name__}: {self.exc}>"


# Exceptions that say the test's own code is wrong (a typo, a slice inside a call, a name
# that is not bound), never something about the library under test.
TEST_BUGS = (SyntaxError, NameError)


def outcome(fn):
    """``fn()``'s value, or the exception it raised (warnings silenced); a test bug
    (:data:`TEST_BUGS`) propagates."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return fn()
        except TEST_BUGS:
            raise
        except Exception as e:  # noqa: BLE001 - the outcome compared by the caller
            return e


def broken_test(exc):
    """SyntaxError, NameError, or an AttributeError for a name numpy's module does not have
    (a check of a function numpy lacks compares nothing)."""
    return isinstance(exc, TEST_BUGS) or (
        isinstance(exc, AttributeError) and str(exc).startswith("module 'numpy' has no attribute"))


def fail_if_broken(n_outcome, what=""):
    """Fail when numpy's outcome (a value, a :class:`Raised` or an exception) is a
    SyntaxError/NameError: the test's code did not run, so comparing it with
    rumpy's outcome would prove nothing."""
    exc = n_outcome.exc if isinstance(n_outcome, Raised) else n_outcome
    if broken_test(exc):
        raise AssertionError(
            f"the test itself is broken{' (' + what + ')' if what else ''}: numpy raised "
            f"{type(exc).__name__}: {exc}") from exc


def _run(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return fn()
        except Exception as e:  # noqa: BLE001
            return Raised(e)


def _compile(src):
    """``src`` compiled as an expression, or else as statements (whose outcome is None).
    A SyntaxError here is the test's, and propagates."""
    try:
        return compile(src, "<check>", "eval")
    except SyntaxError:
        pass
    try:
        return compile(src, "<check>", "exec")
    except SyntaxError as e:
        raise SyntaxError(f"test source does not compile: {src!r}: {e}") from None


def both(expr, **names):
    """Evaluate ``expr`` (a string, or a callable taking the module) with
    m=rumpy and m=numpy. Returns (rp_outcome, np_outcome); an outcome is the
    value or a :class:`Raised`.

    A string is compiled once, before either library runs it: as an expression, or,
    when it is not one, as statements (``"a[1:3] = v"``), whose outcome is None. If it
    compiles as neither, the SyntaxError propagates. If numpy's run raises
    SyntaxError or NameError (a nested eval, an unbound name), the test fails."""
    if callable(expr):
        out = _run(lambda: expr(rp)), _run(lambda: expr(np))
        fail_if_broken(out[1], repr(expr))
        return out
    code = _compile(expr)
    out = []
    for m in (rp, np):
        ns = {"m": m, "np": np, "rp": rp, "math": math}
        for k, v in names.items():
            if isinstance(v, P):
                v = v.rp if m is rp else v.np
            elif callable(v) and getattr(v, "_per_module", False):
                v = v(m)
            ns[k] = v
        out.append(_run(lambda: eval(code, ns)))
    fail_if_broken(out[1], expr)
    return out[0], out[1]


class P:
    """A namespace value for :func:`both` that differs per library."""

    def __init__(self, rp_value, np_value):
        self.rp = rp_value
        self.np = np_value


def pair(case, dtype, nonneg=False):
    """P(rp_array, np_array) for a SHAPE_CASES entry."""
    n, r, _, _ = make_pair(case, dtype, nonneg=nonneg)
    return P(r, n)


def per_module(fn):
    """Mark a callable namespace entry for :func:`both` as ``fn(module)``."""
    fn._per_module = True
    return fn


_CACHE_DEPENDENT = ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
                    "matmul", "matvec", "vecmat", "vecdot")


def numpy_cache_quirk(name, r, n):
    """NumPy's answer to a call with no loop depends on its dispatch cache for some ufuncs:
    the reduce/accumulate of a comparison (no loop of the input type to itself), or a
    gufunc's ``signature=`` naming no loop, raise a plain TypeError in a fresh process but
    its no-loop error once the cache holds other entries (``equal(bool, int64)``, another
    signature). Either class is numpy's, depending on what ran before in the process; rumpy
    raises the first. ``r`` and ``n`` are outcomes (:class:`Raised` for an exception)."""
    return (name in _CACHE_DEPENDENT and isinstance(n, Raised) and isinstance(r, Raised)
            and type(n.exc).__qualname__ == "_UFuncNoLoopError"
            and type(r.exc) is TypeError)


def assert_outcomes(r, n, *, compare=None, msg=""):
    """Compare two outcomes from :func:`both`."""
    if isinstance(n, Raised):
        if not isinstance(r, Raised):
            raise AssertionError(
                f"{msg}: numpy raised {type(n.exc).__name__}({n.exc}) but rumpy returned {r!r}")
        assert_same_error(r.exc, n.exc, msg)
        return
    if isinstance(r, Raised):
        raise AssertionError(
            f"{msg}: rumpy raised {type(r.exc).__name__}({r.exc}) but numpy returned {n!r}") from r.exc
    (compare or assert_same)(r, n)


def need(*names, owner=None):
    """Fail unless rumpy (or ``owner``, e.g. ``rp.ndarray``) has every name: a function
    rumpy lacks fails the tests that use it instead of skipping them."""
    owner = rp if owner is None else owner
    missing = [n for n in names if not hasattr(owner, n)]
    assert not missing, f"{getattr(owner, '__name__', owner)} has no {', '.join(missing)}"


def check(expr, *, compare=None, **names):
    r, n = both(expr, **names)
    assert_outcomes(r, n, compare=compare, msg=expr if isinstance(expr, str) else repr(expr))
    return r, n


def check_message(expr, nulp=None, **names):
    """:func:`check`, with an exception's message compared exactly and values within ``nulp``
    units in the last place."""
    r, n = both(expr, **names)
    if isinstance(n, Raised):
        assert isinstance(r, Raised), f"{expr}: numpy raised {n!r}, rumpy returned {r!r}"
        assert_same_error(r.exc, n.exc, expr)
        assert str(r.exc) == str(n.exc), f"{expr}: message {r.exc} != numpy {n.exc}"
        return
    assert_outcomes(r, n, compare=lambda a, b: assert_same(a, b, nulp=nulp), msg=expr)


class Collector:
    """Run many sub-checks, report all failures together at the end."""

    def __init__(self):
        self.failures = []

    def __call__(self, fn, *args, **kwargs):
        try:
            fn(*args, **kwargs)
        except AssertionError as e:
            self.failures.append(str(e).split("\n")[0][:400])

    def done(self):
        assert not self.failures, f"{len(self.failures)} failing sub-checks:\n" + "\n".join(
            self.failures)


def shares(x, y):
    """Do two arrays (numpy or rumpy) share memory? Uses numpy's exact
    shares_memory on np.asarray views."""
    return np.shares_memory(np.asarray(x), np.asarray(y))


# ---------------------------------------------------------------------------
# fixtures
# ---------------------------------------------------------------------------

@pytest.fixture(params=ALL_DTYPES)
def dtype(request):
    return request.param


@pytest.fixture(params=SHAPE_CASE_NAMES)
def shape_case(request):
    return request.param


@pytest.fixture(autouse=True)
def _reset_printoptions():
    """Leave global print options as found, for both libraries."""
    np_opts = np.get_printoptions()
    try:
        rp_opts = rp.get_printoptions()
    except Exception:  # noqa: BLE001
        rp_opts = None
    yield
    if np.get_printoptions() != np_opts:
        np.set_printoptions(**np_opts)
    if rp_opts is not None:
        try:
            if rp.get_printoptions() != rp_opts:
                rp.set_printoptions(**rp_opts)
        except Exception:  # noqa: BLE001
            pass


# Property tests are derandomised so that a run is reproducible (CI reruns exactly what passed
# here); they still draw their examples from the full strategies.
import hypothesis as _hypothesis  # noqa: E402

_hypothesis.settings.register_profile("rumpy", derandomize=True, database=None)
_hypothesis.settings.load_profile("rumpy")
