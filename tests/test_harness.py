"""The comparison helpers themselves: a check whose code cannot run must fail, not pass
because numpy and rumpy fail the same way."""

import numpy as np
import pytest

import rumpy as rp
from conftest import P, Raised, assert_outcomes, both, check, pair
from test_ufunc_elementwise import Raised as URaised
from test_ufunc_elementwise import outcome


def test_source_that_does_not_compile_fails():
    # a slice inside a call is not Python: this used to "pass" as SyntaxError == SyntaxError
    with pytest.raises(SyntaxError):
        both("a.__setitem__((1:3), 7)", a=pair("1d", "int8"))
    with pytest.raises(SyntaxError):
        check("a[1:", a=pair("1d", "int8"))


@pytest.mark.parametrize("fn", [
    "no_such_name + 1",
    "m.array(1) + undefined_elsewhere",
    "m.no_such_function(1)",
    lambda m: eval("a[1:3]"),              # nested eval of an unbound name
    lambda m: eval("m.zeros(3).__setitem__((1:3), 7)", {"m": m}),
    lambda m: exec("def f():\n  x = x + 1\n  return x\nf()", {}),  # noqa: S102 UnboundLocalError
])
def test_numpy_raising_a_test_error_fails(fn):
    with pytest.raises(AssertionError, match="test itself is broken"):
        both(fn)


def test_statements_run_in_both_libraries():
    n, r = np.arange(5), rp.arange(5)
    out = check("a[1:3] = 7", a=P(r, n))
    assert out == (None, None)
    assert r.tolist() == n.tolist() == [0, 7, 7, 3, 4]
    check("a[::-2] = m.arange(3)\nb = a.sum()", a=P(r, n))
    assert r.tolist() == n.tolist()


def test_statement_errors_are_compared():
    r, n = both("a[10] = 1", a=pair("1d", "int8"))
    assert isinstance(r, Raised) and isinstance(n, Raised)
    assert_outcomes(r, n)


def test_rumpy_only_name_error_is_a_difference():
    # numpy runs; rumpy raising NameError is not equal to numpy's result
    r, n = both(lambda m: m.zeros(2) if m is np else undefined_in_rumpy)  # noqa: F821
    with pytest.raises(AssertionError):
        assert_outcomes(r, n)


def test_outcome_helpers_let_test_errors_through():
    with pytest.raises(NameError):
        outcome(lambda: undefined_name)  # noqa: F821
    with pytest.raises(SyntaxError):
        outcome(eval, "1:2")
    assert isinstance(outcome(int, "x"), URaised)
