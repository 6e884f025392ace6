"""``multivariate_normal`` of rumpy.random (``Generator``, ``RandomState`` and the module-level
function) against numpy.random (NumPy 2.4).

Every test seeds both libraries the same way, makes the same call in both and compares:

* the result: an ndarray of the same dtype and shape, and values equal to rounding
  (``assert_allclose`` with rtol = atol = 1e-12). The standard normals are numpy's bit for
  bit, but numpy's factor of ``cov`` (``svd``, ``eigh``, ``cholesky``) comes from LAPACK and
  rumpy's from its own linear algebra, equal to rounding only;
* the warnings raised (category and text), so rumpy warns exactly when numpy does;
* the generator's state afterwards (``bit_generator.state``, ``get_state()``), exactly: both
  drew the same normals, also when the call fails after drawing them;
* when numpy raises, the class name of rumpy's exception (numpy's ``LinAlgError`` against
  ``rp.linalg.LinAlgError``) and, for numpy's own messages, the text.

When the values differ, the failure message says whether rumpy's factor of ``cov`` is numpy's
up to the signs of some columns (singular or eigen vectors of opposite sign) or differs
otherwise.

The covariances are numpy data of order 1 to 6: random symmetric positive-definite matrices
(``A @ A.T + diag``), a diagonal one, identities and rank-deficient ones. The rank-deficient
ones have exact zero rows and columns: in a dense rank-deficient matrix the zero singular and
eigen values come out as rounding noise (~1e-16), different in LAPACK and in rumpy, and the
factor takes their square roots (~1e-8), so the draws could only agree to ~1e-8.
"""

import doctest
import math
import warnings

import numpy as np
import pytest

import rumpy as rp
import rumpy.random._generator as generator_module
import rumpy.random._legacy as legacy_module

GEN_SEEDS = [0, 1, 12345, 2**100]
LEGACY_SEEDS = [0, 1, 12345, 2**32 - 1]
MODULE_SEEDS = [0, 12345]
METHODS = ["svd", "eigh", "cholesky"]
SIZES = [None, 0, 5, (2, 3), (0, 4)]
RTOL = ATOL = 1e-12
MESSAGE = "covariance is not symmetric positive-semidefinite."


# ---------------------------------------------------------------------------
# covariances and means (numpy data)
# ---------------------------------------------------------------------------

def spd(n, seed):
    """A random symmetric positive-definite matrix of order ``n``."""
    g = np.random.default_rng(seed)
    a = g.standard_normal((n, n))
    return a @ a.T + np.diag(g.random(n) + 0.1)


COVS = {f"spd{n}": spd(n, 100 + n) for n in range(1, 7)}
COVS.update({
    "spd3b": spd(3, 7),
    "spd5b": spd(5, 8),
    "spd6b": spd(6, 9) * 1e-3,
    "diag4": np.diag([2.0, 0.5, 3.0, 1.5]),
    "identity1": np.eye(1),
    "identity3": np.eye(3),
    # rank 2 of 3 and rank 3 of 5 (exact zero rows and columns, see the module docstring)
    "singular3": np.array([[2.0, 1.0, 0.0], [1.0, 2.0, 0.0], [0.0, 0.0, 0.0]]),
    "singular5": np.array([[0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 3.0, 1.0, 0.0, 1.0],
                           [0.0, 1.0, 2.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0],
                           [0.0, 1.0, 0.0, 0.0, 4.0]]),
})
SINGULAR = {"singular3", "singular5"}

# not positive-semidefinite: indefinite, or not symmetric (svd's check sees that; eigh and
# cholesky read the lower triangle only)
NON_PSD = {
    "indefinite2": np.array([[1.0, 2.0], [2.0, 1.0]]),
    "indefinite3": np.array([[2.0, 0.0, 0.0], [0.0, -1.0, 0.0], [0.0, 0.0, 3.0]]),
    "nonsymmetric3": np.array([[2.0, 0.5, 0.0], [0.0, 1.0, 0.0], [0.3, 0.0, 1.0]]),
}


def mean_for(n):
    return np.linspace(-1.5, 2.0, n)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

class A:
    """An array argument: a numpy array for numpy, the same values as a rumpy array (built
    from Python values) for rumpy."""

    def __init__(self, values, dtype=None):
        self.values = np.array(values, dtype=dtype)

    def to(self, m):
        if m is np:
            return self.values.copy()
        v = self.values
        return rp.asarray(v.ravel().tolist(), dtype=str(v.dtype)).reshape(v.shape)

    def __repr__(self):
        return f"A({self.values.tolist()!r}, {str(self.values.dtype)!r})"


class Int:
    """An integer scalar of the library (``np.int64(3)`` / ``rp.int64(3)``)."""

    def __init__(self, value, name="int64"):
        self.value, self.name = value, name

    def to(self, m):
        return getattr(m, self.name)(self.value)

    def __repr__(self):
        return f"{self.name}({self.value})"


def resolve(m, v):
    """An argument in the terms of module ``m``."""
    if hasattr(v, "to"):
        return v.to(m)
    if isinstance(v, tuple):
        return tuple(resolve(m, x) for x in v)
    return v


def to_np(a):
    """A rumpy array as a numpy array with the same dtype, shape and values."""
    assert isinstance(a, rp.ndarray), type(a)
    return np.array(a.tolist(), dtype=str(a.dtype)).reshape(tuple(a.shape))


def float_bits(x):
    return np.float64(x).view(np.uint64)


def assert_same_legacy_state(rs, ns):
    """Two ``get_state()`` tuples: key, pos, has_gauss, gauss."""
    assert len(rs) == len(ns) == 5
    assert rs[0] == ns[0] == "MT19937"
    np.testing.assert_array_equal(to_np(rs[1]), ns[1])
    assert str(rs[1].dtype) == str(ns[1].dtype)
    assert type(rs[2]) is int and rs[2] == ns[2]
    assert type(rs[3]) is int and rs[3] == ns[3]
    assert type(rs[4]) is float and float_bits(rs[4]) == float_bits(ns[4])


class Source:
    """What draws: ``kind`` is 'gen' (``default_rng``), 'legacy' (``RandomState``) or
    'module' (the module functions after ``seed``)."""

    def __init__(self, kind, seed):
        self.kind = kind
        if kind == "gen":
            self.n, self.r = np.random.default_rng(seed), rp.random.default_rng(seed)
        elif kind == "legacy":
            self.n, self.r = np.random.RandomState(seed), rp.random.RandomState(seed)
        else:
            np.random.seed(seed)
            rp.random.seed(seed)
            self.n, self.r = np.random, rp.random

    def assert_same_state(self):
        if self.kind == "gen":
            assert self.r.bit_generator.state == self.n.bit_generator.state
        else:
            assert_same_legacy_state(self.r.get_state(), self.n.get_state())


def outcome(m, g, args, kwargs):
    """``g.multivariate_normal(*args, **kwargs)`` in module ``m``'s terms: ('ok', result,
    warnings) or ('raise', exception, warnings); warnings as (category name, text)."""
    args = [resolve(m, a) for a in args]
    kwargs = {k: resolve(m, v) for k, v in kwargs.items()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            res = g.multivariate_normal(*args, **kwargs)
            kind = "ok"
        except Exception as e:  # noqa: BLE001 (compared with numpy's)
            res, kind = e, "raise"
    return kind, res, [(w.category.__name__, str(w.message)) for w in caught]


def factor(m, cov, method, legacy):
    """The factor F of ``cov`` that multiplies the normals (``x @ F.T``) as numpy (``m`` is
    np) or rumpy computes it, as a numpy array."""
    c = np.array(cov, dtype=float) if m is np else \
        rp.asarray(np.asarray(cov, dtype=float).tolist(), dtype="float64")
    if legacy or method == "svd":
        u, s, vh = m.linalg.svd(c)
        f = vh.T * m.sqrt(s) if legacy else u * m.sqrt(s)
    elif method == "eigh":
        s, u = m.linalg.eigh(c)
        f = u * m.sqrt(abs(s))
    else:
        f = m.linalg.cholesky(c)
    return f if m is np else to_np(f)


def factor_note(args, kwargs, method, legacy):
    """How rumpy's factor of the call's ``cov`` relates to numpy's (for failure messages)."""
    try:
        cov = args[1] if len(args) > 1 else kwargs["cov"]
        cov = np.asarray(resolve(np, cov), dtype=float)
        fn = factor(np, cov, method, legacy)
        fr = factor(rp, cov, method, legacy)
    except Exception as e:  # noqa: BLE001 (only a diagnosis)
        return f"(no factor to compare: {type(e).__name__}: {e})"
    if fn.shape != fr.shape:
        return f"factor shapes differ: rumpy {fr.shape}, numpy {fn.shape}"

    def close(a, b):
        return np.allclose(a, b, rtol=RTOL, atol=ATOL)

    if close(fr, fn):
        return "the factors agree to 1e-12"
    flipped = [j for j in range(fn.shape[1])
               if not close(fr[:, j], fn[:, j]) and close(fr[:, j], -fn[:, j])]
    other = [j for j in range(fn.shape[1])
             if not close(fr[:, j], fn[:, j]) and not close(fr[:, j], -fn[:, j])]
    if not other:
        return f"SIGNS ONLY: rumpy's factor is numpy's with columns {flipped} negated"
    return f"factor columns {other} differ beyond sign (columns {flipped} negated)"


def compare(kind, seed, args, kwargs, message=True):
    """The call in both libraries: same outcome, same warnings, same state afterwards."""
    src = Source(kind, seed)
    nk, nres, nwarn = outcome(np, src.n, args, kwargs)
    rk, rres, rwarn = outcome(rp, src.r, args, kwargs)
    # the state and the warnings first: they hold even where the values differ
    src.assert_same_state()
    assert rwarn == nwarn
    if nk == "raise":
        assert rk == "raise", f"numpy raised {type(nres).__name__}: {nres}; rumpy returned"
        assert type(rres).__name__ == type(nres).__name__, (repr(rres), repr(nres))
        if message:
            assert str(rres) == str(nres)
    else:
        assert rk == "ok", f"rumpy raised {type(rres).__name__}: {rres}"
        assert isinstance(rres, rp.ndarray), type(rres)
        assert str(rres.dtype) == str(nres.dtype)
        assert tuple(rres.shape) == nres.shape
        try:
            np.testing.assert_allclose(to_np(rres), nres, rtol=RTOL, atol=ATOL)
        except AssertionError as e:
            method = kwargs.get("method", "svd")
            note = factor_note(args, kwargs, method, kind != "gen") + "\n"
            raise AssertionError(note + str(e)) from None
    return nk, nres


def ids(v):
    return "none" if v is None else str(v).replace(" ", "")


# ---------------------------------------------------------------------------
# valid calls: every covariance, method, size and seed
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("seed", GEN_SEEDS, ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("size", SIZES, ids=ids)
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("name", list(COVS))
def test_generator(name, method, size, seed):
    cov = COVS[name]
    mean = mean_for(cov.shape[0])
    nk, nres = compare("gen", seed, [mean.tolist(), cov.tolist()],
                       {"size": size, "method": method})
    # numpy fails only for the Cholesky factor of a singular matrix
    if name in SINGULAR and method == "cholesky":
        assert nk == "raise" and type(nres).__name__ == "LinAlgError"
    else:
        assert nk == "ok"


@pytest.mark.parametrize("seed", LEGACY_SEEDS, ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("size", SIZES, ids=ids)
@pytest.mark.parametrize("name", list(COVS))
def test_random_state(name, size, seed):
    cov = COVS[name]
    mean = mean_for(cov.shape[0])
    nk, _ = compare("legacy", seed, [mean.tolist(), cov.tolist()], {"size": size})
    assert nk == "ok"


@pytest.mark.parametrize("seed", MODULE_SEEDS, ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("size", SIZES, ids=ids)
@pytest.mark.parametrize("name", list(COVS))
def test_module_function(name, size, seed):
    cov = COVS[name]
    mean = mean_for(cov.shape[0])
    nk, _ = compare("module", seed, [mean.tolist(), cov.tolist()], {"size": size})
    assert nk == "ok"


def test_module_function_is_the_global_random_state():
    assert rp.random.multivariate_normal.__self__ is legacy_module._rand


def test_successive_calls():
    """Two calls in a row (the legacy Gaussian's cached value carries over) and a normal
    draw after them."""
    mean = mean_for(3).tolist()
    for kind, cov, kw in [("gen", COVS["spd3"], {"method": "cholesky"}),
                          ("legacy", COVS["diag4"][:3, :3], {})]:
        src = Source(kind, 2024)
        for size in (3, None, (2, 1)):
            nres = src.n.multivariate_normal(mean, cov.tolist(), size, **kw)
            rres = src.r.multivariate_normal(mean, cov.tolist(), size, **kw)
            np.testing.assert_allclose(to_np(rres), nres, rtol=RTOL, atol=ATOL)
            src.assert_same_state()
        assert src.r.standard_normal() == src.n.standard_normal()
        src.assert_same_state()


# ---------------------------------------------------------------------------
# the forms of the arguments
# ---------------------------------------------------------------------------

C2 = [[2.0, 0.5], [0.5, 1.0]]
ARG_CASES = [
    # mean and cov as arrays, of other dtypes, as tuples
    ([A([1.0, -1.0]), A(C2)], {}),
    ([A([1, -1]), A([[2, 1], [1, 3]])], {}),
    ([[1, -1], [[2, 1], [1, 3]]], {}),
    ([A([1.0, -1.0], "float32"), A(C2, "float32")], {}),
    ([A([True, False]), A(C2)], {}),
    ([(1.0, -1.0), ((2.0, 0.5), (0.5, 1.0))], {}),
    ([A([1.0, -1.0]), A(np.asfortranarray(np.array(C2)))], {}),
    ([A([0.5]), A([[4.0]])], {"size": 7}),
    # size: a list, (), an integer scalar of the library, a 3-d shape, positional
    ([[1.0, -1.0], C2], {"size": [2, 3]}),
    ([[1.0, -1.0], C2], {"size": ()}),
    ([[1.0, -1.0], C2], {"size": Int(3)}),
    ([[1.0, -1.0], C2], {"size": Int(3, "uint8")}),
    ([[1.0, -1.0], C2], {"size": (2, 1, 3)}),
    ([[1.0, -1.0], C2], {"size": (1,)}),
    ([[1.0, -1.0], C2, 4], {}),
    ([[1.0, -1.0], C2, (2, 2), "raise"], {}),
    ([[1.0, -1.0], C2, 3, "warn", 1e-3], {}),
    # keywords
    ([], {"mean": [1.0, -1.0], "cov": C2, "size": 2, "check_valid": "ignore", "tol": 0.5}),
    ([[1.0, -1.0], C2], {"check_valid": "raise"}),
    ([[1.0, -1.0], C2], {"check_valid": "ignore"}),
]


@pytest.mark.parametrize("method", METHODS + ["legacy"])
@pytest.mark.parametrize("args,kwargs", ARG_CASES, ids=[f"{a}-{k}" for a, k in ARG_CASES])
def test_arguments(method, args, kwargs):
    if method == "legacy":
        kind, method, kw = "legacy", "svd", kwargs
    else:
        kind, kw = "gen", dict(kwargs, method=method)
    nk, _ = compare(kind, 5, args, kw)
    assert nk == "ok"


def test_method_is_keyword_only():
    """A TypeError (the texts differ: Cython's counts the arguments otherwise)."""
    nk, nres = compare("gen", 5, [[0.0], [[1.0]], None, "warn", 1e-8, "svd"], {},
                       message=False)
    assert nk == "raise" and type(nres) is TypeError


@pytest.mark.parametrize("kind", ["gen", "legacy"])
def test_nan_cov(kind):
    """A NaN in cov: svd does not converge (LinAlgError); eigh and cholesky give NaNs."""
    cov = [[1.0, 0.0], [0.0, math.nan]]
    for method in (METHODS if kind == "gen" else [None]):
        kw = {"size": 2} if method is None else {"size": 2, "method": method}
        nk, nres = compare(kind, 6, [[0.0, 0.0], cov], kw)
        if method in ("svd", None):
            assert nk == "raise" and type(nres).__name__ == "LinAlgError"
        else:
            assert nk == "ok" and np.isnan(nres).any()


# ---------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------

# (args, kwargs, whether the message is compared): numpy's own messages are
ERROR_CASES = [
    # mean not 1-d
    ([0.0, [[1.0]]], {}, True),
    ([[[0.0, 0.0]], C2], {}, True),
    ([A(1.0), [[1.0]]], {}, True),
    # cov not 2-d, not square, or not of mean's length
    ([[0.0, 0.0], [1.0, 1.0]], {}, True),
    ([[0.0], 1.0], {}, True),
    ([[0.0], [[[1.0]]]], {}, True),
    ([[0.0, 0.0], [[1.0, 0.0]]], {}, True),
    ([[0.0, 0.0], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]], {}, True),
    ([[0.0], C2], {}, True),
    ([[0.0, 0.0, 0.0], C2], {}, True),
    # bad check_valid (after the draw and the factorization)
    ([[0.0, 0.0], C2], {"check_valid": "bad"}, True),
    ([[0.0, 0.0], C2], {"check_valid": None}, True),
    ([[0.0, 0.0], C2], {"check_valid": "Warn"}, True),
    # bad sizes
    ([[0.0, 0.0], C2], {"size": -1}, True),
    ([[0.0, 0.0], C2], {"size": (2, -3)}, True),
    ([[0.0, 0.0], C2], {"size": 2.5}, True),
    ([[0.0, 0.0], C2], {"size": (2.0, 3)}, True),
    # strings
    ([["a", "b"], C2], {}, False),
    # no entries: numpy's reshape message prints the shape (-1, 0) as "(0)"
    ([[], A(np.zeros((0, 0)))], {}, False),
    ([[], A(np.zeros((0, 0)))], {"size": 3}, False),
]


@pytest.mark.parametrize("kind", ["gen", "legacy", "module"])
@pytest.mark.parametrize("args,kwargs,message", ERROR_CASES,
                         ids=[f"{a}-{k}" for a, k, _ in ERROR_CASES])
def test_errors(kind, args, kwargs, message):
    for method in (METHODS if kind == "gen" else [None]):
        kw = dict(kwargs) if method is None else dict(kwargs, method=method)
        nk, nres = compare(kind, 11, args, kw, message=message)
        # numpy ignores check_valid with the Cholesky factor
        ignored = method == "cholesky" and "check_valid" in kwargs
        assert nk == ("ok" if ignored else "raise"), nres


@pytest.mark.parametrize("method", ["eig", "SVD", "", None, "cholesky "])
def test_bad_method(method):
    nk, nres = compare("gen", 3, [[0.0, 0.0], C2], {"method": method})
    assert nk == "raise" and type(nres) is ValueError


@pytest.mark.parametrize("kind", ["gen", "legacy"])
@pytest.mark.parametrize("args", [[[0j, 0.0], C2], [[0.0, 0.0], [[1 + 1j, 0.0], [0.0, 1.0]]],
                                  [A([0.0, 0.0], "complex64"), C2]], ids=str)
def test_complex(kind, args):
    """Generator refuses complex mean and cov (TypeError); RandomState casts cov to float64
    (ComplexWarning) and fails to add a complex mean in place."""
    for method in (METHODS if kind == "gen" else [None]):
        kw = {} if method is None else {"method": method}
        compare(kind, 4, args, kw)


# ---------------------------------------------------------------------------
# covariances that are not positive-semidefinite: check_valid and tol
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("check_valid", ["warn", "raise", "ignore"])
@pytest.mark.parametrize("size", [None, 4, (0, 2)], ids=ids)
@pytest.mark.parametrize("name", list(NON_PSD))
@pytest.mark.parametrize("method", METHODS + ["legacy", "module"])
def test_not_psd(method, name, size, check_valid):
    cov = NON_PSD[name]
    mean = mean_for(cov.shape[0]).tolist()
    kwargs = {"size": size, "check_valid": check_valid}
    if method in ("legacy", "module"):
        kind, method = method, "svd"
    else:
        kind = "gen"
        kwargs["method"] = method
    compare(kind, 21, [mean, cov.tolist()], kwargs)


@pytest.mark.parametrize("kind", ["gen", "legacy", "module"])
def test_not_psd_warns(kind):
    """check_valid='warn' (the default): a RuntimeWarning in both, with numpy's text."""
    cov = NON_PSD["indefinite2"].tolist()
    src = Source(kind, 8)
    with pytest.warns(RuntimeWarning, match=MESSAGE) as nw:
        src.n.multivariate_normal([0.0, 0.0], cov, 3)
    with pytest.warns(RuntimeWarning, match=MESSAGE) as rw:
        src.r.multivariate_normal([0.0, 0.0], cov, 3)
    assert [str(w.message) for w in rw] == [str(w.message) for w in nw] == [MESSAGE]
    # numpy's warning (from compiled code) points at the caller; so does rumpy's
    assert rw[0].filename == nw[0].filename == __file__
    src.assert_same_state()


@pytest.mark.parametrize("kind", ["gen", "legacy", "module"])
def test_not_psd_raises(kind):
    cov = NON_PSD["indefinite3"].tolist()
    src = Source(kind, 8)
    with pytest.raises(ValueError, match=MESSAGE):
        src.n.multivariate_normal([0.0, 0.0, 0.0], cov, 3, check_valid="raise")
    with pytest.raises(ValueError, match=MESSAGE):
        src.r.multivariate_normal([0.0, 0.0, 0.0], cov, 3, check_valid="raise")
    src.assert_same_state()


@pytest.mark.parametrize("name", ["indefinite2", "indefinite3"])
def test_cholesky_not_positive_definite(name):
    """numpy's LinAlgError, rumpy's rp.linalg.LinAlgError; the normals are drawn first."""
    cov = NON_PSD[name].tolist()
    for check_valid in ("warn", "raise", "ignore", "bad"):
        nk, nres = compare("gen", 13, [[0.0] * len(cov), cov],
                           {"size": 2, "method": "cholesky", "check_valid": check_valid})
        assert nk == "raise" and type(nres) is np.linalg.LinAlgError
    with pytest.raises(rp.linalg.LinAlgError):
        rp.random.default_rng(1).multivariate_normal([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]],
                                                     method="cholesky")


# near-misses decided by tol: asymmetric by 1e-4, an eigenvalue of -1e-6
TOL_COVS = {
    "asymmetric": np.array([[1.0, 1e-4], [0.0, 1.0]]),
    "slightly_negative": np.diag([1.0, -1e-6]),
}


@pytest.mark.parametrize("tol", [1e-8, 1e-5, 1e-3, 1.0])
@pytest.mark.parametrize("name", list(TOL_COVS))
@pytest.mark.parametrize("method", METHODS + ["legacy"])
def test_tol(method, name, tol):
    cov = TOL_COVS[name]
    kwargs = {"size": 3, "tol": tol}
    if method == "legacy":
        kind, method = "legacy", "svd"
    else:
        kind = "gen"
        kwargs["method"] = method
    compare(kind, 17, [[0.5, -0.5], cov.tolist()], kwargs)


# ---------------------------------------------------------------------------
# the examples in the docstrings
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("obj", [generator_module.Generator.multivariate_normal,
                                 legacy_module.RandomState.multivariate_normal],
                         ids=["Generator", "RandomState"])
def test_docstring_examples(obj):
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    tests = doctest.DocTestFinder().find(obj, obj.__qualname__, globs={})
    assert tests and tests[0].examples
    for t in tests:
        r = runner.run(t, out=lambda s: None)
        assert r.failed == 0, f"{t.name}: {r.failed} of {r.attempted} examples differ"
