"""Generator distribution methods of rumpy.random against numpy.random (NumPy 2.4), bit for bit.

Every test seeds ``default_rng`` the same way in both libraries, evaluates the same call in
both (written once as a string, see ``evaluate``) and compares exactly:

* float arrays through their bit patterns, Python floats (``size=None``) by type and bits;
* integer arrays by dtype, shape and values, Python ints by type and value;
* the final ``bit_generator.state`` dicts, so both consumed the same number of draws.

When numpy raises, rumpy must raise the same class of exception; for the parameter
constraints (``"scale < 0"``, ``"lam value too large"``, ...) the message text must be the same
too. Every expected value comes from numpy in the same test, except the vectors of
plans/random-notes.md section 8, which numpy is checked against as well.

The parameters of a call are written in a small language evaluated twice, once with numpy names
and once with rumpy names:

* ``A(values)`` / ``A(values, dtype)``: an array parameter (``np.asarray`` for numpy,
  ``rp.asarray`` for rumpy); ``A(2.0)`` is a 0-d array;
* ``m``: the module itself (``m.empty`` for ``out=`` arrays);
* ``f32``, ``f64``, ``i64``: the module's float32 / float64 / int64 types;
* ``nan``, ``inf``: Python floats.
"""

import math
import warnings

import numpy as np
import pytest

import rumpy as rp

SEEDS = [0, 1, 12345, 2**100]
nan, inf = math.nan, math.inf


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def to_np(a):
    """A rumpy array as a numpy array with the same dtype, shape and values (through Python
    values, which hold every int64 and every float64/float32 exactly)."""
    assert isinstance(a, rp.ndarray), type(a)
    return np.array(a.tolist(), dtype=str(a.dtype)).reshape(tuple(a.shape))


def assert_words_equal(r, n):
    """Integer arrays: same dtype, shape and values."""
    assert isinstance(r, rp.ndarray), type(r)
    assert str(r.dtype) == str(n.dtype)
    assert tuple(r.shape) == n.shape
    np.testing.assert_array_equal(to_np(r), n)


def assert_bits_equal(r, n):
    """Float arrays: same dtype, shape and bit patterns."""
    assert isinstance(r, rp.ndarray), type(r)
    assert str(r.dtype) == str(n.dtype)
    assert tuple(r.shape) == n.shape
    word = np.uint64 if n.dtype == np.float64 else np.uint32
    np.testing.assert_array_equal(to_np(r).view(word), n.view(word))


def assert_float_equal(r, n):
    """Scalars returned as Python floats: same type and same bits."""
    assert type(r) is float, type(r)
    assert type(n) is float
    assert np.float64(r).view(np.uint64) == np.float64(n).view(np.uint64), (r, n)


def same_result(r, n):
    """rumpy's result ``r`` is numpy's result ``n``: arrays by bits/words, Python floats and
    ints by type and value."""
    if isinstance(n, np.ndarray):
        if n.dtype.kind == "f":
            assert_bits_equal(r, n)
        elif n.dtype.kind == "i":
            assert_words_equal(r, n)
        else:
            pytest.fail(f"unexpected numpy result dtype {n.dtype}")
    elif type(n) is float:
        assert_float_equal(r, n)
    elif type(n) is int:
        assert type(r) is int, type(r)
        assert r == n
    else:
        pytest.fail(f"unexpected numpy result type {type(n)}")


def names(m, g, **extra):
    return {"g": g, "m": m, "A": m.asarray, "f32": m.float32, "f64": m.float64,
            "i64": m.int64, "nan": nan, "inf": inf, **extra}


def evaluate(expr, m, g, **extra):
    """``g.<expr>`` with the names of module ``m``. Warnings (numpy's overflow warnings on
    extreme parameters) are not part of what is compared."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return eval("g." + expr, names(m, g, **extra))


def both_rngs(seed):
    return np.random.default_rng(seed), rp.random.default_rng(seed)


def check(seed, expr):
    """numpy must succeed (an exception fails the test); rumpy gives the same result and ends
    in the same state."""
    n, r = both_rngs(seed)
    n_res = evaluate(expr, np, n)
    r_res = evaluate(expr, rp, r)
    same_result(r_res, n_res)
    assert r.bit_generator.state == n.bit_generator.state
    return r_res, n_res


def check_error(expr, exc, message=True, seed=3):
    """numpy raises ``exc`` (anything else fails the test); rumpy raises the same class as
    numpy, with the same text when ``message``, and draws no more than numpy did."""
    n, r = both_rngs(seed)
    with pytest.raises(exc) as n_info:
        evaluate(expr, np, n)
    with pytest.raises(type(n_info.value)) as r_info:
        evaluate(expr, rp, r)
    if message:
        assert str(r_info.value) == str(n_info.value)
    assert r.bit_generator.state == n.bit_generator.state


def call(name, *args, **kwargs):
    """The text of a call: ``call('normal', 0.5, 'A([1.0])', size=3)``. Strings are pasted as
    they are (so they can be expressions); numbers go through repr."""
    def text(v):
        if isinstance(v, str):
            return v
        if isinstance(v, float) and math.isnan(v):
            return "nan"
        if isinstance(v, float) and math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    parts = [text(a) for a in args] + [f"{k}={text(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def arr(values, dtype=None):
    """The text of an array parameter."""
    return f"A({values!r})" if dtype is None else f"A({values!r}, {dtype!r})"


# ---------------------------------------------------------------------------
# the methods: parameter names, a base and an alternative set of valid values
# ---------------------------------------------------------------------------
#
# The values are chosen so that every mix of base and alternative values is valid (for
# triangular every left <= every mode <= every right, for hypergeometric every
# ngood + nbad >= every nsample).

METHODS = {
    "normal": (("loc", "scale"), (0.5, 2.0), (-1.5, 0.25)),
    "exponential": (("scale",), (2.0,), (0.5,)),
    "standard_gamma": (("shape",), (2.5,), (0.3,)),
    "gamma": (("shape", "scale"), (2.5, 2.0), (0.3, 0.5)),
    "beta": (("a", "b"), (2.0, 3.0), (0.5, 0.7)),
    "chisquare": (("df",), (3.0,), (0.7,)),
    "f": (("dfnum", "dfden"), (3.0, 5.0), (0.5, 20.0)),
    "noncentral_chisquare": (("df", "nonc"), (3.0, 2.0), (0.5, 0.0)),
    "noncentral_f": (("dfnum", "dfden", "nonc"), (3.0, 5.0, 2.0), (0.5, 20.0, 0.0)),
    "standard_t": (("df",), (3.0,), (0.7,)),
    "vonmises": (("mu", "kappa"), (0.5, 2.0), (-2.0, 1e-7)),
    "pareto": (("a",), (3.0,), (0.5,)),
    "weibull": (("a",), (3.0,), (0.5,)),
    "power": (("a",), (3.0,), (0.5,)),
    "laplace": (("loc", "scale"), (0.5, 2.0), (-1.5, 0.25)),
    "gumbel": (("loc", "scale"), (0.5, 2.0), (-1.5, 0.25)),
    "logistic": (("loc", "scale"), (0.5, 2.0), (-1.5, 0.25)),
    "lognormal": (("mean", "sigma"), (0.5, 2.0), (-1.5, 0.25)),
    "rayleigh": (("scale",), (2.0,), (0.5,)),
    "wald": (("mean", "scale"), (3.0, 2.0), (0.5, 0.25)),
    "triangular": (("left", "mode", "right"), (-2.0, 0.5, 3.0), (-1.0, 1.0, 2.0)),
    "uniform": (("low", "high"), (-1.0, 3.0), (0.5, 2.0)),
    "poisson": (("lam",), (3.5,), (25.0,)),
    "binomial": (("n", "p"), (10, 0.3), (1000, 0.7)),
    "negative_binomial": (("n", "p"), (5.0, 0.3), (0.5, 0.9)),
    "geometric": (("p",), (0.5,), (0.05,)),
    "zipf": (("a",), (2.0,), (1.5,)),
    "logseries": (("p",), (0.5,), (0.95,)),
    "hypergeometric": (("ngood", "nbad", "nsample"), (10, 20, 5), (60, 30, 12)),
}
# parameters without a default: numpy's keyword names are checked through one call per method
NO_PARAMS = ["standard_normal", "standard_exponential", "standard_cauchy"]


def generic_cases(name):
    """Valid calls every method gets: scalars with every kind of size, array parameters
    (lists, arrays, 0-d arrays, other dtypes, empty), broadcasting, arrays with size."""
    keys, base, alt = METHODS[name]
    k = len(base)
    cases = [
        call(name, *base),
        call(name, *base, size=None),
        call(name, *base, size=7),
        call(name, *base, size=(2, 3)),
        call(name, *base, size=[2, 1, 3]),
        call(name, *base, size=0),
        call(name, *base, size=(0, 3)),
        call(name, *base, size=()),
        call(name, **dict(zip(keys, base)), size=4),
        call(name, **dict(zip(keys, base))),
        # 0-d arrays: a Python scalar comes back when size is None
        call(name, *[arr(v) for v in base]),
        call(name, *[arr(v) for v in base], size=3),
        call(name, *[arr(v) for v in base], size=(2, 2)),
        # the first parameter as a list, an array, an array of another dtype, a 1-element
        # array (an array result even then) and an empty array
        call(name, [base[0], alt[0], base[0]], *base[1:]),
        call(name, arr([base[0], alt[0], base[0], alt[0]]), *base[1:]),
        call(name, arr([base[0], alt[0]], "int32" if isinstance(base[0], int) else "float32"),
             *base[1:]),
        call(name, arr([base[0]]), *base[1:]),
        call(name, [], *base[1:]),
        call(name, [], *base[1:], size=(2, 0)),
        # an array with a size it broadcasts to
        call(name, arr([base[0], alt[0], base[0]]), *base[1:], size=(2, 3)),
        call(name, arr([[base[0]], [alt[0]]]), *base[1:], size=(4, 2, 5)),
        call(name, arr([base[0], alt[0], base[0]]), *base[1:], size=3),
    ]
    if k == 1:
        cases.append(call(name, arr([[base[0]], [alt[0]], [base[0]]])))
    if k >= 2:
        col = arr([[base[0]], [alt[0]], [base[0]]])           # (3, 1)
        row = arr([base[1], alt[1], base[1], alt[1]])         # (4,)
        rest = list(base[2:])
        cases += [
            # the last parameter as an array, then every parameter as an array
            call(name, *base[:-1], arr([base[-1], alt[-1], base[-1]])),
            call(name, *base[:-1], [base[-1], alt[-1]]),
            call(name, *[arr([b, a, b]) for b, a in zip(base, alt)]),
            call(name, *[[b, a] for b, a in zip(base, alt)], size=(3, 2)),
            # broadcasting (3, 1) with (4,)
            call(name, col, row, *rest),
            call(name, col, row, *rest, size=(2, 3, 4)),
            call(name, arr(base[0]), row, *rest),
            # keyword arrays
            call(name, **dict(zip(keys, [arr([b, a]) for b, a in zip(base, alt)]))),
        ]
    if k == 3:
        deep = arr([[[base[2]]], [[alt[2]]]])                 # (2, 1, 1)
        cases += [
            call(name, col, row, deep),
            call(name, col, row, deep, size=(5, 2, 3, 4)),
            call(name, base[0], base[1], arr([base[2], alt[2]])),
            call(name, base[0], arr([[base[1]], [alt[1]]]), base[2]),
        ]
    return cases


def generic_errors(name):
    """Shape errors every method gets (class only; numpy's text names shapes and arg numbers)."""
    keys, base, alt = METHODS[name]
    k = len(base)
    three = arr([base[0], alt[0], base[0]])
    cases = [
        (call(name, three, *base[1:], size=2), ValueError),
        (call(name, three, *base[1:], size=(3, 1)), ValueError),
        (call(name, three, *base[1:], size=(2, 1)), ValueError),
        (call(name, three, *base[1:], size=(3, 2)), ValueError),
        (call(name, arr([[base[0]], [alt[0]]]), *base[1:], size=(2,)), ValueError),
        (call(name, *base, size=-1), ValueError),
        (call(name, *base, size=(2, -3)), ValueError),
        (call(name, *base, size=2.5), TypeError),
    ]
    if k >= 2:
        cases += [
            (call(name, three, arr([base[1], alt[1]]), *base[2:]), ValueError),
            (call(name, arr([[base[0]], [alt[0]]]), arr([base[1]] * 4), *base[2:],
                  size=(4,)), ValueError),
            (call(name, [], [base[1], alt[1]], *base[2:]), ValueError),
        ]
    if k == 3:
        cases.append((call(name, arr([[base[0]], [alt[0]], [base[0]]]), arr([base[1]] * 4),
                           arr([[[base[2]]], [[alt[2]]]]), size=(3, 4)), ValueError))
    return cases


def uniq(seq):
    out = []
    for x in seq:
        if x not in out:
            out.append(x)
    return out


GENERIC = uniq(c for name in METHODS for c in generic_cases(name))
GENERIC_ERRORS = [c for name in METHODS for c in generic_errors(name)]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("expr", GENERIC)
def test_generic(expr, seed):
    check(seed, expr)


@pytest.mark.parametrize("expr,exc", GENERIC_ERRORS, ids=[e for e, _ in GENERIC_ERRORS])
def test_generic_errors(expr, exc):
    check_error(expr, exc, message=False)


# ---------------------------------------------------------------------------
# standard_normal, standard_exponential, standard_cauchy: size, dtype, method
# ---------------------------------------------------------------------------

NO_PARAM_CASES = [
    "standard_normal()", "standard_normal(None)", "standard_normal(5)",
    "standard_normal((3, 4))", "standard_normal([2, 3])", "standard_normal(0)",
    "standard_normal((0, 3))", "standard_normal(())", "standard_normal(size=6)",
    "standard_normal(dtype=f32)", "standard_normal(5, dtype=f32)",
    "standard_normal((2, 3), f32)", "standard_normal(0, dtype=f32)",
    "standard_normal(dtype='float32')", "standard_normal(4, dtype='f4')",
    "standard_normal(4, dtype='f')", "standard_normal(4, dtype=f64)",
    "standard_normal(4, dtype='float64')", "standard_normal(4, dtype='d')",
    "standard_normal(4, dtype=float)", "standard_normal(4, dtype=None)",
    "standard_normal(dtype=None)", "standard_normal((), dtype=f32)",
    "standard_exponential()", "standard_exponential(5)", "standard_exponential((3, 4))",
    "standard_exponential(0)", "standard_exponential((0, 3))", "standard_exponential(())",
    "standard_exponential(dtype=f32)", "standard_exponential(5, dtype=f32)",
    "standard_exponential(5, 'float32')", "standard_exponential(5, dtype=float)",
    "standard_exponential(method='zig')", "standard_exponential(method='inv')",
    "standard_exponential(5, method='inv')", "standard_exponential((2, 3), method='zig')",
    "standard_exponential(dtype=f32, method='inv')",
    "standard_exponential(5, dtype=f32, method='inv')",
    "standard_exponential(0, dtype=f32, method='inv')",
    "standard_exponential(4, dtype=None)",
    "standard_cauchy()", "standard_cauchy(None)", "standard_cauchy(5)",
    "standard_cauchy((3, 4))", "standard_cauchy(0)", "standard_cauchy((0, 3))",
    "standard_cauchy(())", "standard_cauchy(size=[2, 2])",
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("expr", NO_PARAM_CASES)
def test_no_params(expr, seed):
    check(seed, expr)


# ---------------------------------------------------------------------------
# algorithm branches: parameter values that take each path of each kernel
# ---------------------------------------------------------------------------

def sizes(name, values, size=1000, **kwargs):
    """``name(*v, size=size)`` for each parameter tuple ``v`` in ``values``."""
    return [call(name, *(v if isinstance(v, tuple) else (v,)), size=size, **kwargs)
            for v in values]


GAMMA_SHAPES = [0.0, 1e-300, 1e-5, 0.3, 0.999, 1.0, 1.0000001, 2.5, 100.0, 1e10, nan, inf]

BRANCHES = (
    # standard_gamma: shape 0 (no draw), < 1 (Johnk-like rejection), 1 (exponential),
    # > 1 (Marsaglia-Tsang), float32 and float64
    sizes("standard_gamma", GAMMA_SHAPES)
    + sizes("standard_gamma", GAMMA_SHAPES, dtype="f32")
    + [call("standard_gamma", s) for s in GAMMA_SHAPES]
    + [call("standard_gamma", s, dtype="f32") for s in GAMMA_SHAPES]
    + [call("standard_gamma", arr([0.0, 0.3, 1.0, 2.5, 0.0, 7.0]), size=(300, 6)),
       call("standard_gamma", arr([0.0, 0.3, 1.0, 2.5, 0.0, 7.0]), size=(300, 6), dtype="f32"),
       call("standard_gamma", arr([[0.3], [2.5]]), dtype="f32"),
       call("standard_gamma", arr(0.3), dtype="f32"),
       call("standard_gamma", arr(0.3), size=3, dtype="f32"),
       call("standard_gamma", arr([0.3, 1.0, 2.5], "float32"), size=(2, 3), dtype="f32"),
       call("standard_gamma", [0.3, 2.5], dtype="'float32'"),
       call("standard_gamma", arr([0, 1, 3]), size=(100, 3))]
    # gamma = scale * standard_gamma
    + sizes("gamma", [(0.3, 2.0), (1.0, 3.0), (2.5, 0.0), (0.0, 5.0), (nan, 1.0), (2.5, nan),
                      (2.5, inf), (1e-300, 1e300)])
    # beta: a, b <= 1 (Johnk, with the log-space fallback for tiny parameters), else gammas
    + sizes("beta", [(0.5, 0.5), (1.0, 1.0), (0.3, 0.9), (1e-110, 1e-110), (1e-110, 0.5),
                     (0.5, 1e-110), (1e-300, 1e-300), (2.0, 3.0), (0.5, 3.0), (3.0, 0.5),
                     (1e5, 1e5), (nan, 1.0), (1.0, nan)])
    + sizes("chisquare", [0.5, 1.0, 2.0, 1000.0, nan, inf])
    + sizes("f", [(1.0, 1.0), (0.5, 0.5), (100.0, 100.0), (nan, 1.0), (1.0, nan)])
    # noncentral_chisquare: nonc 0 (chisquare), nan, df > 1 (normal + chisquare),
    # df <= 1 (poisson mixture; nonc 100 takes poisson's PTRS path)
    + sizes("noncentral_chisquare", [(0.5, 2.0), (1.0, 2.0), (1.0000001, 2.0), (3.0, 2.0),
                                     (3.0, 0.0), (0.5, 0.0), (3.0, nan), (0.5, nan),
                                     (nan, 1.0), (0.5, 100.0), (30.0, 100.0), (1.5, 1e-300)])
    + sizes("noncentral_f", [(3.0, 5.0, 0.0), (3.0, 5.0, 2.0), (0.5, 5.0, 2.0),
                             (3.0, 5.0, nan), (3.0, 5.0, 100.0), (0.5, 0.5, 50.0)])
    + sizes("standard_cauchy", [()], size=2000)
    + sizes("standard_t", [0.5, 1.0, 10.0, 1e10, inf, nan])
    # vonmises: kappa nan, < 1e-8 (uniform), < 1e-5 (series), <= 1e6, > 1e6 (wrapped normal)
    + sizes("vonmises", [(0.0, 0.0), (0.5, 1e-9), (0.5, 1e-6), (0.5, 1e-5), (0.5, 1e-4),
                         (0.0, 0.5), (0.0, 1.0), (3.0, 1.0), (-10.0, 1.0), (1e10, 1.0),
                         (0.5, 1e6), (0.5, 1e7), (3.1, 1e7), (-3.1, 1e7), (0.5, inf),
                         (0.5, nan), (nan, 1.0), (nan, 1e7), (3.141592653589793, 50.0)])
    + sizes("pareto", [0.5, 3.0, 1e-3, 1e10, inf])
    + sizes("weibull", [0.0, 0.5, 3.0, 1e-3, inf])
    + sizes("power", [0.5, 3.0, 1e-3, 1e10, inf])
    + sizes("laplace", [(0.5, 0.0), (-3.0, 2.0), (inf, 1.0), (nan, 1.0), (0.0, nan)])
    + sizes("gumbel", [(0.5, 0.0), (-3.0, 2.0), (nan, 1.0)])
    + sizes("logistic", [(0.5, 0.0), (-3.0, 2.0), (nan, 1.0)])
    + sizes("lognormal", [(0.5, 0.0), (-3.0, 2.0), (700.0, 1.0), (nan, 1.0)])
    + sizes("rayleigh", [0.0, 2.0, nan, inf])
    + sizes("normal", [(0.0, 0.0), (nan, 1.0), (0.0, nan), (inf, 1.0), (1e308, 1e308)])
    + sizes("exponential", [0.0, 2.0, nan, inf])
    + sizes("wald", [(1.0, 1.0), (0.5, 10.0), (3.0, 0.1), (1e8, 1.0), (1.0, 1e8), (nan, 1.0),
                     (1.0, nan)])
    + sizes("triangular", [(0.0, 0.5, 1.0), (0.0, 0.0, 1.0), (0.0, 1.0, 1.0),
                           (-3.0, 2.0, 10.0), (0.0, nan, 1.0)])
    + sizes("uniform", [(0.0, 1.0), (-5.0, 5.0), (2.0, 2.0), (-1e300, 1e300), (0.0, 1e-300)])
    # poisson: lam 0 (no draw), < 10 (multiplication), >= 10 (PTRS), huge
    + sizes("poisson", [0.0, 1e-3, 0.5, 9.99, 10.0, 57.3, 1e6, 1e15, 9.2e18])
    + [call("poisson", arr([0.0, 0.5, 10.0, 100.0, 0.0]), size=(200, 5))]
    # binomial: n 0 / p 0 (no draw), p 1, inversion (n*p <= 30), BTPE, p > 0.5 (through q)
    + sizes("binomial", [(10, 0.3), (60, 0.5), (61, 0.5), (1000, 0.3), (100, 0.7),
                         (1000, 0.9), (0, 0.5), (10, 0.0), (10, 1.0), (10.7, 0.5), (1, 0.5),
                         (2**40, 0.5), (5, 1e-300), (10**6, 0.999999), (31, 0.99)])
    + [call("binomial", arr([0, 10, 1000, 100]), arr([[0.3], [0.9], [0.0], [1.0]]),
            size=(50, 4, 4))]
    + sizes("negative_binomial", [(1.0, 0.5), (10.0, 0.3), (0.5, 0.9), (1.0, 1.0),
                                  (1e5, 0.5), (1e-3, 0.5), (inf, 1.0)])
    # geometric: p >= 1/3 (search), < 1/3 (inversion), tiny p (saturates at INT64_MAX)
    + sizes("geometric", [1.0, 0.9, 1 / 3, 0.3333, 0.01, 1e-10, 1e-20, 1e-300])
    + sizes("zipf", [1.5, 2.0, 3.0, 2000.0, 1.0001, 1e10, inf])
    + sizes("logseries", [0.0, 1e-300, 0.1, 0.5, 0.9, 0.999999])
    # hypergeometric: sample < 10 (direct), >= 10 (HRUA), sample past half the population
    + sizes("hypergeometric", [(5, 5, 3), (10, 20, 9), (10, 20, 10), (100, 200, 50),
                               (200, 100, 250), (0, 10, 5), (10, 0, 5), (20, 30, 0),
                               (20, 30, 50), (10**6, 10**6, 10**4),
                               (10**9 - 1, 10**9 - 1, 10**5), (1, 1000, 10), (1000, 1, 10),
                               (1.5, 20, 3), (0, 0, 0)])
    # a negative NaN passes every "< 0" and "<= 0" check, as NaN does
    + sizes("standard_gamma", ["-nan"], size=5)
    + sizes("standard_gamma", ["-nan"], size=5, dtype="f32")
    + sizes("beta", [("-nan", 1.0), (1.0, "-nan")], size=5)
    + sizes("chisquare", ["-nan"], size=5)
    + sizes("standard_t", ["-nan"], size=5)
    + sizes("normal", [(0.0, "-nan")], size=5)
    + sizes("exponential", ["-nan"], size=5)
    + sizes("pareto", ["-nan"], size=5)
    + sizes("weibull", ["-nan"], size=5)
    + sizes("power", ["-nan"], size=5)
    + sizes("wald", [("-nan", 1.0), (1.0, "-nan")], size=5)
    + sizes("vonmises", [(0.0, "-nan")], size=5)
    + sizes("noncentral_chisquare", [(3.0, "-nan"), ("-nan", 1.0)], size=5)
    + ["beta(A([-nan, 1.0]), 1.0)", "pareto(A([1.0, -nan]))", "normal(0.0, A([1.0, nan]))",
       "normal(0.0, A([1.0, -nan]))", "exponential(A([-nan]), size=(2, 1))"]
    + [call("hypergeometric", arr([5, 100, 10**6]), arr([[5], [200]]), arr([[[3]], [[9]]]),
            size=(40, 2, 2, 3))]
)
BRANCHES = uniq(BRANCHES)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("expr", BRANCHES)
def test_branches(expr, seed):
    check(seed, expr)


# ---------------------------------------------------------------------------
# parameters in other forms: strided and transposed arrays (drawn in C order of the
# output), other dtypes, array scalars, array-scalar sizes, float lists for integer parameters
# ---------------------------------------------------------------------------

FORMS = [
    "normal(A([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]).T, A([1.0, 2.0]))",
    "normal(A([0.0, 1.0, 2.0, 3.0])[::-1], 1.0)",
    "normal(A([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])[::2], A([[1.0], [2.0]]))",
    "poisson(A([[1.0, 20.0], [3.0, 40.0]]).T, size=(2, 2, 2))",
    "binomial(A([[10, 1000], [20, 30]]).T, A([0.2, 0.8]))",
    "standard_gamma(A([[0.5, 2.5], [1.0, 0.0]]).T, dtype=f32)",
    "standard_gamma(A([[0.5, 2.5], [1.0, 0.0]]).T, size=(3, 2, 2))",
    "hypergeometric(A([[10, 100], [20, 200]]).T, A([5, 50])[::-1], 4)",
    "triangular(A([-1.0, -2.0, -3.0])[::-1], A([[0.0], [0.5]]), A([1.0, 2.0, 3.0]))",
    "normal(f64(1.0), f64(2.0))",
    "normal(f32(1.0), 2.0, size=3)",
    "standard_gamma(f64(2.5))",
    "standard_gamma(f32(0.3), dtype=f32)",
    "poisson(i64(3))",
    "poisson(f64(30.0), size=4)",
    "binomial(i64(10), f64(0.5))",
    "hypergeometric(i64(10), i64(20), i64(5))",
    "geometric(f64(0.2))",
    "normal(0.0, 1.0, size=i64(3))",
    "poisson(2.0, size=(i64(2), 3))",
    "standard_normal(i64(4))",
    "standard_gamma(2.0, size=i64(3), dtype=f32)",
    "normal(A([1, 2, 3], 'int8'), 1.0)",
    "normal(A([1.5, 2.5], 'float32'), A([[1.0], [0.5]], 'float32'))",
    "poisson(A([1, 2], 'uint16'))",
    "binomial(A([10, 20], 'uint8'), 0.5)",
    "binomial(A([10, 20], 'int32'), A([0.5], 'float32'))",
    "hypergeometric(A([10, 20], 'int16'), A([5], 'uint32'), 3)",
    "normal(A([[]]), 1.0)",
    "normal(A(1.0), A([2.0]))",
    "poisson(A([[3.0]]))",
    "binomial([10.5, 3.7], 0.5)",
    "normal(A([1.0, 2.0], '>f8'), 1.0)",
    "poisson(A([1.0, 30.0], '>f8'))",
    "normal(2**70, 1.0)",
    "normal([2**70], 1.0)",
    "uniform(0, 2**64)",
    "exponential(2**64, size=2)",
    "normal(0.0, 2**1000, size=2)",
    "uniform(0, 2**62)",
    "poisson(2**40)",
    "hypergeometric([10.5], 20, 5)",
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("expr", FORMS)
def test_forms(expr, seed):
    check(seed, expr)


# ---------------------------------------------------------------------------
# large draws: the rare branches (ziggurat tail and wedge, gamma rejections, PTRS
# rejections, BTPE Step52, HRUA rejections) only show up at this scale
# ---------------------------------------------------------------------------

LARGE = [
    "standard_normal(100000)",
    "standard_normal(100000, dtype=f32)",
    "standard_exponential(100000)",
    "standard_exponential(100000, dtype=f32)",
    "standard_gamma(0.3, 100000)",
    "standard_gamma(0.3, 100000, dtype=f32)",
    "standard_gamma(2.5, 100000)",
    "standard_gamma(2.5, 100000, dtype=f32)",
    "poisson(57.3, 100000)",
    "binomial(1000, 0.3, 100000)",
    "hypergeometric(100, 200, 50, 100000)",
    "standard_exponential(100000, method='inv')",
    "standard_exponential(100000, dtype=f32, method='inv')",
    "gamma(0.7, 2.0, 100000)",
    "beta(0.5, 0.5, 100000)",
    "beta(2.0, 3.0, 100000)",
    "chisquare(3.0, 100000)",
    "noncentral_chisquare(0.5, 2.0, 100000)",
    "noncentral_chisquare(3.0, 2.0, 100000)",
    "standard_t(3.0, 100000)",
    "vonmises(0.5, 2.0, 100000)",
    "wald(3.0, 2.0, 100000)",
    "poisson(3.5, 100000)",
    "poisson(1e6, 100000)",
    "binomial(100, 0.7, 100000)",
    "binomial(10**6, 0.5, 100000)",
    "negative_binomial(10.0, 0.3, 100000)",
    "geometric(0.5, 100000)",
    "geometric(0.05, 100000)",
    "zipf(1.5, 100000)",
    "zipf(3.0, 100000)",
    "logseries(0.9, 100000)",
    "hypergeometric(10**6, 10**6, 10**4, 100000)",
    "hypergeometric(5, 7, 6, 100000)",
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("expr", LARGE)
def test_large(expr, seed):
    check(seed, expr)


# ---------------------------------------------------------------------------
# scalar draws in a row: float32 draws keep the other half of a 64-bit word
# ---------------------------------------------------------------------------

SEQUENCE = [
    "standard_normal(dtype=f32)", "standard_normal(dtype=f32)", "standard_normal()",
    "standard_exponential(dtype=f32)", "standard_gamma(0.3, dtype=f32)",
    "standard_gamma(2.5, 3, dtype=f32)", "random(dtype=f32)", "standard_normal(3, dtype=f32)",
    "poisson(3.0)", "standard_exponential(dtype=f32, method='inv')", "normal(1.0, 2.0)",
    "standard_gamma(1.0, dtype=f32)", "binomial(10, 0.3)", "standard_exponential(dtype=f32)",
    "gamma(0.5, 2.0)", "standard_normal(dtype=f32)", "hypergeometric(10, 20, 15)",
    "standard_gamma(0.0, dtype=f32)", "standard_normal(dtype=f32)", "integers(0, 10, size=2)",
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed{s}")
def test_sequence(seed):
    n, r = both_rngs(seed)
    for expr in SEQUENCE:
        same_result(evaluate(expr, rp, r), evaluate(expr, np, n))
        assert r.bit_generator.state == n.bit_generator.state, expr


# ---------------------------------------------------------------------------
# out=
# ---------------------------------------------------------------------------

OUT_CASES = [
    # (call using O, out shape, out dtype, out order)
    ("standard_normal(out=O)", (3, 4), "float64", "C"),
    ("standard_normal(size=(3, 4), out=O)", (3, 4), "float64", "C"),
    ("standard_normal((3, 4), f64, O)", (3, 4), "float64", "C"),
    ("standard_normal(out=O, dtype=f32)", (5,), "float32", "C"),
    ("standard_normal(5, dtype=f32, out=O)", (5,), "float32", "C"),
    ("standard_normal(out=O)", (3, 4), "float64", "F"),
    ("standard_normal(out=O, dtype=f32)", (2, 3, 4), "float32", "F"),
    ("standard_normal(out=O)", (0, 3), "float64", "C"),
    ("standard_normal(out=O)", (), "float64", "C"),
    ("standard_exponential(out=O)", (3, 4), "float64", "C"),
    ("standard_exponential(out=O)", (3, 4), "float64", "F"),
    ("standard_exponential((3, 4), out=O)", (3, 4), "float64", "C"),
    ("standard_exponential(out=O, dtype=f32)", (7,), "float32", "C"),
    ("standard_exponential(out=O, method='inv')", (2, 5), "float64", "C"),
    ("standard_exponential(out=O, method='inv', dtype=f32)", (2, 5), "float32", "C"),
    ("standard_exponential(out=O)", (0,), "float64", "C"),
    ("standard_gamma(2.5, out=O)", (3, 4), "float64", "C"),
    ("standard_gamma(0.3, out=O)", (50,), "float64", "C"),
    ("standard_gamma(1.0, out=O)", (6,), "float64", "C"),
    ("standard_gamma(0.0, out=O)", (6,), "float64", "C"),
    ("standard_gamma(2.5, size=(3, 4), out=O)", (3, 4), "float64", "C"),
    ("standard_gamma(0.3, dtype=f32, out=O)", (50,), "float32", "C"),
    ("standard_gamma(2.5, dtype=f32, out=O)", (3, 4), "float32", "C"),
    ("standard_gamma(A([0.5, 1.0, 3.0]), out=O)", (4, 3), "float64", "C"),
    ("standard_gamma(A([[0.5], [3.0]]), out=O)", (2, 5), "float64", "C"),
    ("standard_gamma(A([0.5, 1.0, 3.0]), dtype=f32, out=O)", (4, 3), "float32", "C"),
    ("standard_gamma(A(2.0), out=O)", (4,), "float64", "C"),
    ("standard_gamma(A([0.5, 2.0]), size=(3, 2), out=O)", (3, 2), "float64", "C"),
    ("standard_gamma(2.5, out=O)", (0, 3), "float64", "C"),
]


@pytest.mark.parametrize("seed", [0, 12345])
@pytest.mark.parametrize("expr,shape,dtype,order", OUT_CASES,
                         ids=[f"{e}-{s}-{d}-{o}" for e, s, d, o in OUT_CASES])
def test_out(expr, shape, dtype, order, seed):
    n, r = both_rngs(seed)
    n_out = np.empty(shape, dtype=dtype, order=order)
    r_out = rp.empty(shape, dtype=dtype, order=order)
    n_res = evaluate(expr, np, n, O=n_out)
    r_res = evaluate(expr, rp, r, O=r_out)
    assert n_res is n_out
    assert r_res is r_out
    assert_bits_equal(r_out, n_out)
    assert r.bit_generator.state == n.bit_generator.state


OUT_ERRORS = [
    # wrong dtype of out
    ("standard_normal(out=m.empty(3, dtype='float32'))", TypeError),
    ("standard_normal(out=m.empty(3), dtype=f32)", TypeError),
    ("standard_normal(out=m.empty(3, dtype='int64'))", TypeError),
    ("standard_exponential(out=m.empty(3, dtype='float32'))", TypeError),
    ("standard_exponential(out=m.empty(3), dtype=f32, method='inv')", TypeError),
    ("standard_gamma(1.0, out=m.empty(3, dtype='float32'))", TypeError),
    ("standard_gamma(1.0, out=m.empty(3), dtype=f32)", TypeError),
    ("standard_gamma(A([1.0, 2.0]), out=m.empty(2, dtype='float32'))", TypeError),
    # not contiguous (standard_gamma wants C order)
    ("standard_normal(out=m.empty((4, 4))[:, ::2])", ValueError),
    ("standard_normal(out=m.empty(6, dtype='float32')[::2], dtype=f32)", ValueError),
    ("standard_exponential(out=m.empty((4, 4))[:, ::2])", ValueError),
    ("standard_gamma(2.0, out=m.empty((4, 4))[:, ::2])", ValueError),
    ("standard_gamma(2.0, out=m.empty((4, 4), order='F'))", ValueError),
    ("standard_gamma(A([1.0, 2.0]), out=m.empty((4, 2), order='F'))", ValueError),
    # size against out.shape, parameters against out.shape
    ("standard_normal(4, out=m.empty(3))", ValueError),
    ("standard_normal((3, 1), out=m.empty(3))", ValueError),
    ("standard_normal((4, 3), out=m.empty((3, 4)))", ValueError),
    ("standard_exponential(4, out=m.empty(3))", ValueError),
    ("standard_gamma(1.0, 4, out=m.empty(3))", ValueError),
    ("standard_gamma(1.0, size=(3, 1), out=m.empty(3))", ValueError),
    ("standard_gamma(A([1.0, 2.0, 3.0]), out=m.empty(2))", ValueError),
    ("standard_gamma(A([1.0, 2.0]), out=m.empty((2, 3)))", ValueError),
    ("standard_gamma(A([1.0, 2.0]), size=(3, 2), out=m.empty((2, 3)))", ValueError),
    # dtypes the methods do not support
    ("standard_normal(dtype=int)", TypeError),
    ("standard_normal(3, dtype='i8')", TypeError),
    ("standard_normal(3, dtype='float16')", TypeError),
    ("standard_normal(3, dtype='>f8')", TypeError),
    ("standard_normal(dtype='complex128')", TypeError),
    ("standard_exponential(dtype=int)", TypeError),
    ("standard_exponential(3, dtype='float16')", TypeError),
    ("standard_exponential(3, dtype='int32', method='inv')", TypeError),
    ("standard_gamma(1.0, dtype=int)", TypeError),
    ("standard_gamma(1.0, 3, dtype='float16')", TypeError),
    ("standard_gamma(A([1.0]), dtype='int64')", TypeError),
    # sizes
    ("standard_normal(-1)", ValueError),
    ("standard_normal(2.5)", TypeError),
    ("standard_exponential((2, -1))", ValueError),
    ("standard_cauchy(-2)", ValueError),
    ("standard_cauchy(2.0)", TypeError),
]


@pytest.mark.parametrize("expr,exc", OUT_ERRORS, ids=[e for e, _ in OUT_ERRORS])
def test_out_and_dtype_errors(expr, exc):
    check_error(expr, exc, message=False)


@pytest.mark.parametrize("expr", ["standard_normal(out=O)", "standard_exponential(out=O)",
                                  "standard_gamma(2.0, out=O)",
                                  "standard_gamma(A([1.0, 2.0, 3.0]), out=O)"])
def test_out_read_only(expr):
    n, r = both_rngs(5)
    n_out, r_out = np.empty(3), rp.empty(3)
    n_out.flags.writeable = False
    r_out.flags.writeable = False
    with pytest.raises(ValueError) as n_info:
        evaluate(expr, np, n, O=n_out)
    with pytest.raises(type(n_info.value)):
        evaluate(expr, rp, r, O=r_out)
    assert r.bit_generator.state == n.bit_generator.state


def test_out_f_order_fills_memory_order():
    """standard_normal/standard_exponential fill an F-ordered out in memory order."""
    n, r = both_rngs(7)
    n_out, r_out = np.empty((2, 3, 4), order="F"), rp.empty((2, 3, 4), order="F")
    n.standard_normal(out=n_out)
    r.standard_normal(out=r_out)
    assert_bits_equal(r_out, n_out)
    ref = np.random.default_rng(7).standard_normal(24)
    np.testing.assert_array_equal(to_np(r_out).ravel(order="F"), ref)


# ---------------------------------------------------------------------------
# parameter constraints: the same class and the same message as numpy
# ---------------------------------------------------------------------------

# name -> [(parameter index, invalid value), ...]; each value is tried as a scalar, inside an
# array next to valid values, as a 0-d array, and with a size
INVALID = {
    "normal": [(1, -1.0), (1, -0.0), (1, -inf)],
    "exponential": [(0, -1.0), (0, -0.0)],
    "standard_gamma": [(0, -1.0), (0, -0.0), (0, -inf)],
    "gamma": [(0, -1.0), (1, -1.0), (1, -0.0)],
    "beta": [(0, 0.0), (0, -1.0), (0, -0.0), (1, 0.0), (1, -inf)],
    "chisquare": [(0, 0.0), (0, -1.0)],
    "f": [(0, 0.0), (1, -1.0)],
    "noncentral_chisquare": [(0, 0.0), (1, -1.0), (1, -0.0)],
    "noncentral_f": [(0, 0.0), (1, 0.0), (2, -0.5)],
    "standard_t": [(0, 0.0), (0, -1.0)],
    "vonmises": [(1, -1.0), (1, -0.0)],
    "pareto": [(0, 0.0), (0, -1.0)],
    "weibull": [(0, -1.0), (0, -0.0)],
    "power": [(0, 0.0), (0, -2.0)],
    "laplace": [(1, -1.0)],
    "gumbel": [(1, -1.0)],
    "logistic": [(1, -1.0)],
    "lognormal": [(1, -1.0)],
    "rayleigh": [(0, -1.0)],
    "wald": [(0, 0.0), (0, -1.0), (1, 0.0), (1, -2.0)],
    "triangular": [(0, 2.0), (2, 0.0), (1, 5.0), (1, -5.0)],
    "uniform": [(0, 5.0), (1, -5.0)],
    "poisson": [(0, -1.0), (0, nan), (0, -inf), (0, 1e19), (0, inf), (0, -0.5)],
    "binomial": [(0, -1), (1, -0.1), (1, 1.1), (1, nan), (1, inf)],
    "negative_binomial": [(0, 0.0), (0, -1.0), (0, nan), (1, 0.0), (1, 1.5), (1, nan),
                          (0, 1e20), (1, 1e-20)],
    "geometric": [(0, 0.0), (0, -0.1), (0, 1.5), (0, nan)],
    "zipf": [(0, 1.0), (0, 0.5), (0, nan), (0, -inf)],
    "logseries": [(0, 1.0), (0, -0.1), (0, nan), (0, 1.5)],
    "hypergeometric": [(0, -1), (1, -1), (2, -1), (2, 31), (0, 10**9), (1, 10**9)],
}


def invalid_cases():
    out = []
    for name, bad in INVALID.items():
        keys, base, alt = METHODS[name]
        for i, v in bad:
            def with_(x):
                return [x if j == i else b for j, b in enumerate(base)]
            out += [
                call(name, *with_(v)),
                call(name, *with_(v), size=3),
                call(name, *with_(arr(v))),
                call(name, *with_(arr([base[i], v, base[i]]))),
                call(name, *with_([base[i], v])),
                call(name, *with_(arr([base[i], v])), size=(3, 2)),
                call(name, **dict(zip(keys, with_(v)))),
            ]
    return out


INVALID_CASES = uniq(invalid_cases())

SPECIAL_INVALID = [
    # two invalid parameters: numpy names the first one it checks
    "beta(0.0, -1.0)", "beta(A([1.0, 0.0]), A([-1.0, 1.0]))", "gamma(-1.0, -1.0)",
    "noncentral_f(0.0, 0.0, -1.0)", "noncentral_f(A([1.0]), A([0.0]), A([-1.0]))",
    "wald(-1.0, -1.0)", "binomial(-1, 2.0)", "binomial(A([-1]), A([2.0]))",
    "negative_binomial(0.0, 0.0)", "hypergeometric(-1, -1, -1)",
    "hypergeometric(A([5, 5]), 5, A([3, 11]))", "hypergeometric(10**9, 1, 5)",
    "hypergeometric(A([1, 1]), 1, A([3, 1]))",
    # triangular: the three relations
    "triangular(2.0, 1.0, 3.0)", "triangular(0.0, 4.0, 3.0)", "triangular(1.0, 1.0, 1.0)",
    "triangular(A([2.0, 0.0]), 1.0, 3.0)", "triangular(0.0, A([4.0, 1.0]), 3.0)",
    "triangular(A([1.0, 1.0]), 1.0, 1.0)", "triangular(A(1.0), A(1.0), A(1.0))",
    "triangular(A([0.0, 1.0]), A([[0.5], [1.0]]), 1.0)", "triangular(3.0, 2.0, 1.0)",
    # uniform: high < low, and a range that is not finite (OverflowError)
    "uniform(1.0, 0.0)", "uniform(A([1.0]), A([0.0]))", "uniform(A(1.0), A(0.0))",
    "uniform(0.0, inf)", "uniform(-inf, 0.0)", "uniform(-1e308, 1e308)", "uniform(nan, 1.0)",
    "uniform(0.0, nan)", "uniform(A([0.0]), A([inf]))", "uniform(A([-1e308]), A([1e308]))",
    "uniform(0.0, A([1.0, nan]))", "uniform(A(nan), 1.0)", "uniform(A([0.0, 0.0]), inf)",
    "uniform(-1e308, 1e308, size=3)",
    # poisson at and past its largest lam
    "poisson(9.3e18)", "poisson(A([1.0, 1e19]))", "poisson(A([1.0, nan]))",
    "poisson(A([-1.0, nan]))", "poisson(A([nan]))",
    # negative_binomial's overflow guard on the implied Poisson mean
    "negative_binomial(1e20, 0.5)", "negative_binomial(10.0, 1e-20)",
    "negative_binomial(A([10.0]), A([1e-20]))", "negative_binomial(A([1e20, 1.0]), 0.5)",
    "negative_binomial(A([nan, 1.0]), 0.5)",
]


@pytest.mark.parametrize("expr", INVALID_CASES + SPECIAL_INVALID)
def test_constraint_errors(expr):
    n = np.random.default_rng(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(Exception) as info:
            evaluate(expr, np, n)
    # only the constraint errors of the methods belong here (ValueError, OverflowError)
    assert type(info.value) in (ValueError, OverflowError), repr(info.value)
    check_error(expr, type(info.value), message=True)


TYPE_ERRORS = [
    # parameters that do not convert
    ("normal('a')", ValueError), ("normal(None)", TypeError), ("poisson('a')", ValueError),
    ("poisson(None)", TypeError), ("binomial(nan, 0.5)", ValueError),
    ("hypergeometric(nan, 1, 1)", ValueError), ("binomial(2**63, 0.5)", OverflowError),
    ("binomial(A([10.5]), 0.5)", TypeError), ("binomial(A(10.5), 0.5)", TypeError),
    ("hypergeometric(A([5.0]), 5, 3)", TypeError), ("standard_gamma(None)", TypeError),
    ("standard_gamma('x')", ValueError), ("normal(1j)", TypeError),
    ("binomial(10, 1j)", TypeError), ("hypergeometric(2**63, 1, 1)", OverflowError),
    ("normal(2**1024)", OverflowError),
]


@pytest.mark.parametrize("expr,exc", TYPE_ERRORS, ids=[e for e, _ in TYPE_ERRORS])
def test_conversion_errors(expr, exc):
    check_error(expr, exc, message=False)


# ---------------------------------------------------------------------------
# keyword names and missing arguments
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", [n for n in METHODS if n not in
                                  ("normal", "exponential", "laplace", "gumbel", "logistic",
                                   "lognormal", "rayleigh", "uniform", "poisson")])
def test_required_parameter_missing(name):
    check_error(f"{name}()", TypeError, message=False)


@pytest.mark.parametrize("expr", ["normal()", "exponential()", "laplace()", "gumbel()",
                                  "logistic()", "lognormal()", "rayleigh()", "uniform()",
                                  "poisson()", "normal(size=3)", "uniform(size=(2, 2))",
                                  "poisson(size=4)", "normal(scale=3.0)",
                                  "uniform(high=5.0)", "lognormal(sigma=0.5, size=3)"])
def test_defaults(expr):
    for seed in SEEDS:
        check(seed, expr)


def test_unknown_keyword():
    check_error("normal(0.0, 1.0, sigma=2.0)", TypeError, message=False)
    check_error("standard_normal(3, method='inv')", TypeError, message=False)
    check_error("poisson(1.0, 3, 4)", TypeError, message=False)


# ---------------------------------------------------------------------------
# numpy's own numbers (plans/random-notes.md, section 8), checked in both libraries
# ---------------------------------------------------------------------------

VECTORS = [
    ("standard_normal(3)", [-1.4238250364546312, 1.2637284581291104, -0.8706617379590857]),
    ("standard_normal(3, f32)", [-1.2160426378250122, -0.3693346381187439, 1.8661257028579712]),
    ("standard_exponential(3)", [0.18413256735377503, 0.6450270693873458, 4.690218692461341]),
    ("standard_exponential(3, f32)", [2.114354133605957, 0.6419342160224915,
                                      1.1558597087860107]),
    ("standard_exponential(3, method='inv')", [0.2579110240851259, 0.38090666019027913,
                                               1.5963512048235653]),
    ("standard_gamma(0.3, 3)", [0.007170688507662113, 0.5112938805967167,
                                0.04375168035034275]),
    ("standard_gamma(2.5, 3)", [0.6739832058816944, 1.1211643434137482, 2.0576457647029325]),
    ("standard_gamma(2.5, 3, f32)", [0.8243736028671265, 6.237855434417725,
                                     1.5468753576278687]),
    ("standard_gamma(0.3, 3, f32)", [0.30341413617134094, 0.48542529344558716,
                                     0.005012122448533773]),
    ("poisson(0.5, 6)", [0, 0, 1, 0, 0, 0]),
    ("poisson(57.3, 3)", [51, 64, 55]),
    ("poisson(1e6, 2)", [999159, 1000937]),
    ("binomial(10, .3, 5)", [2, 2, 4, 4, 3]),
    ("binomial(1000, .3, 3)", [301, 307, 320]),
    ("binomial(1000, .9, 3)", [898, 894, 911]),
    ("binomial(100, .7, 3)", [68, 78, 76]),
]


@pytest.mark.parametrize("expr,values", VECTORS, ids=[e for e, _ in VECTORS])
def test_vectors(expr, values):
    n_res, r_res = (evaluate(expr, m, m.random.default_rng(12345)) for m in (np, rp))
    assert n_res.tolist() == values
    assert r_res.tolist() == values
