"""``rumpy.ma.testutils``, as ``numpy.ma.testutils``: assertions that compare masked arrays
(masked positions of either side are left out of the comparison)."""

import operator
from unittest import TestCase

import rumpy as rp
from rumpy.testing import (
    assert_, assert_allclose, assert_array_almost_equal_nulp, assert_raises, build_err_msg)

from .core import filled, getmask, mask_or, masked, masked_array, nomask

__all__ = [
    'almost', 'approx', 'assert_almost_equal', 'assert_array_almost_equal',
    'assert_array_approx_equal', 'assert_array_compare', 'assert_array_equal',
    'assert_array_less', 'assert_close', 'assert_equal', 'assert_equal_records',
    'assert_mask_equal', 'assert_not_equal', 'fail_if_array_equal',
    'TestCase', 'assert_', 'assert_allclose', 'assert_array_almost_equal_nulp', 'assert_raises']


def _both_filled(a, b, fill_value):
    """``a`` and ``b`` as float64 with the union of their masks filled: ``a``'s masked
    values with ``fill_value``, ``b``'s with 1. None when either is an object array."""
    m = mask_or(getmask(a), getmask(b))
    d1 = filled(a)
    d2 = filled(b)
    if d1.dtype.char == "O" or d2.dtype.char == "O":
        return None, rp.equal(d1, d2).ravel()
    x = filled(masked_array(d1, copy=False, mask=m), fill_value).astype(rp.float64)
    y = filled(masked_array(d2, copy=False, mask=m), 1).astype(rp.float64)
    return x, y


def approx(a, b, fill_value=True, rtol=1e-5, atol=1e-8):
    """Flat boolean array: are ``a`` and ``b`` equal within ``atol + rtol * |b|``?"""
    x, y = _both_filled(a, b, fill_value)
    if x is None:
        return y
    return rp.less_equal(rp.absolute(x - y), atol + rtol * rp.absolute(y)).ravel()


def almost(a, b, decimal=6, fill_value=True):
    """Flat boolean array: are ``a`` and ``b`` equal to ``decimal`` places?"""
    x, y = _both_filled(a, b, fill_value)
    if x is None:
        return y
    return (rp.around(rp.abs(x - y), decimal) <= 10.0 ** (-decimal)).ravel()


def _assert_equal_on_sequences(actual, desired, err_msg=""):
    assert_equal(len(actual), len(desired), err_msg)
    for k in range(len(desired)):
        assert_equal(actual[k], desired[k], f"item={k!r}\n{err_msg}")


def assert_equal_records(a, b):
    """Assert that two record arrays have the same dtype and equal fields (a field masked on
    either side is skipped)."""
    assert_equal(a.dtype, b.dtype)
    for f in a.dtype.names:
        af, bf = a[f], b[f]
        if af is not masked and bf is not masked:
            assert_equal(af, bf)


def _one_masked(x, y):
    return (x is masked) != (y is masked)


def assert_equal(actual, desired, err_msg=""):
    """Assert equality of two objects (dicts, sequences, scalars, masked arrays)."""
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            raise AssertionError(repr(type(actual)))
        assert_equal(len(actual), len(desired), err_msg)
        for k in desired:
            if k not in actual:
                raise AssertionError(f"{k} not in {actual}")
            assert_equal(actual[k], desired[k], f"key={k!r}\n{err_msg}")
        return
    if isinstance(desired, (list, tuple)) and isinstance(actual, (list, tuple)):
        return _assert_equal_on_sequences(actual, desired, err_msg="")
    if not (isinstance(actual, rp.ndarray) or isinstance(desired, rp.ndarray)):
        msg = build_err_msg([actual, desired], err_msg)
        if not desired == actual:
            raise AssertionError(msg)
        return
    if _one_masked(actual, desired):
        raise ValueError(build_err_msg([actual, desired], err_msg, header="", names=("x", "y")))
    actual = rp.asanyarray(actual)
    desired = rp.asanyarray(desired)
    if actual.dtype.char == "S" and desired.dtype.char == "S":
        return _assert_equal_on_sequences(actual.tolist(), desired.tolist(), err_msg="")
    return assert_array_equal(actual, desired, err_msg)


def fail_if_equal(actual, desired, err_msg=""):
    """Raise AssertionError if the two objects are equal."""
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            raise AssertionError(repr(type(actual)))
        fail_if_equal(len(actual), len(desired), err_msg)
        for k in desired:
            if k not in actual:
                raise AssertionError(repr(k))
            fail_if_equal(actual[k], desired[k], f"key={k!r}\n{err_msg}")
        return
    if isinstance(desired, (list, tuple)) and isinstance(actual, (list, tuple)):
        fail_if_equal(len(actual), len(desired), err_msg)
        for k in range(len(desired)):
            fail_if_equal(actual[k], desired[k], f"item={k!r}\n{err_msg}")
        return
    if isinstance(actual, rp.ndarray) or isinstance(desired, rp.ndarray):
        return fail_if_array_equal(actual, desired, err_msg)
    msg = build_err_msg([actual, desired], err_msg)
    if not desired != actual:
        raise AssertionError(msg)


assert_not_equal = fail_if_equal


def assert_almost_equal(actual, desired, decimal=7, err_msg="", verbose=True):
    """Assert that two objects are equal to ``decimal`` places."""
    if isinstance(actual, rp.ndarray) or isinstance(desired, rp.ndarray):
        return assert_array_almost_equal(actual, desired, decimal=decimal, err_msg=err_msg,
                                         verbose=verbose)
    msg = build_err_msg([actual, desired], err_msg=err_msg, verbose=verbose)
    if not round(abs(desired - actual), decimal) == 0:
        raise AssertionError(msg)


assert_close = assert_almost_equal


def assert_array_compare(comparison, x, y, err_msg="", verbose=True, header="",
                         fill_value=True):
    """Compare ``x`` and ``y`` with ``comparison`` where neither is masked."""
    m = mask_or(getmask(x), getmask(y))
    x = masked_array(x, copy=False, mask=m, keep_mask=False, subok=False)
    y = masked_array(y, copy=False, mask=m, keep_mask=False, subok=False)
    if _one_masked(x, y):
        raise ValueError(build_err_msg([x, y], err_msg=err_msg, verbose=verbose, header=header,
                                       names=("x", "y")))
    return rp.testing.assert_array_compare(comparison, x.filled(fill_value),
                                           y.filled(fill_value), err_msg=err_msg,
                                           verbose=verbose, header=header)


def assert_array_equal(x, y, err_msg="", verbose=True):
    """Assert that ``x`` and ``y`` are equal where neither is masked."""
    assert_array_compare(operator.__eq__, x, y, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not equal")


def fail_if_array_equal(x, y, err_msg="", verbose=True):
    """Raise AssertionError if ``x`` and ``y`` are (approximately) equal."""
    def compare(x, y):
        return not rp.all(approx(x, y))
    assert_array_compare(compare, x, y, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not equal")


def assert_array_approx_equal(x, y, decimal=6, err_msg="", verbose=True):
    """Assert that ``x`` and ``y`` agree to a relative tolerance of ``10**-decimal``."""
    def compare(x, y):
        return approx(x, y, rtol=10. ** -decimal)
    assert_array_compare(compare, x, y, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not almost equal")


def assert_array_almost_equal(x, y, decimal=6, err_msg="", verbose=True):
    """Assert that ``x`` and ``y`` are equal to ``decimal`` places."""
    def compare(x, y):
        return almost(x, y, decimal)
    assert_array_compare(compare, x, y, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not almost equal")


def assert_array_less(x, y, err_msg="", verbose=True):
    """Assert that ``x < y`` wherever neither is masked."""
    assert_array_compare(operator.__lt__, x, y, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not less-ordered")


def assert_mask_equal(m1, m2, err_msg=""):
    """Assert that two masks are equal (``nomask`` only equals ``nomask``)."""
    if m1 is nomask:
        assert_(m2 is nomask)
    if m2 is nomask:
        assert_(m1 is nomask)
    assert_array_equal(m1, m2, err_msg=err_msg)
