"""Assertion helpers and test utilities mirroring ``numpy.testing``.

Everything here is built on rumpy itself; numpy is never imported.  Inputs may
be rumpy arrays, numpy arrays (anything rumpy can convert), scalars or nested
sequences.
"""

import contextlib
import gc
import operator
import os
import pathlib
import platform
import pprint
import re
import shutil
import sys
import sysconfig
import unittest
import warnings
from functools import partial, wraps
from tempfile import mkdtemp, mkstemp
from warnings import WarningMessage

import rumpy as rp

__all__ = [
    'assert_equal', 'assert_almost_equal', 'assert_approx_equal',
    'assert_array_equal', 'assert_array_less', 'assert_string_equal',
    'assert_array_almost_equal', 'assert_raises', 'build_err_msg',
    'decorate_methods', 'jiffies', 'memusage', 'print_assert_equal',
    'rundocs', 'runstring', 'verbose', 'measure', 'assert_',
    'assert_array_almost_equal_nulp', 'assert_raises_regex',
    'assert_array_max_ulp', 'assert_warns', 'assert_no_warnings',
    'assert_allclose', 'IgnoreException', 'clear_and_catch_warnings',
    'SkipTest', 'KnownFailureException', 'temppath', 'tempdir', 'IS_PYPY',
    'HAS_REFCOUNT', 'IS_WASM', 'suppress_warnings', 'assert_array_compare',
    'assert_no_gc_cycles', 'break_cycles', 'HAS_LAPACK64', 'IS_PYSTON',
    'IS_MUSL', 'check_support_sve', 'NOGIL_BUILD', 'IS_EDITABLE',
    'IS_INSTALLED', 'NUMPY_ROOT', 'run_threaded', 'IS_64BIT',
    'BLAS_SUPPORTS_FPE', 'TestCase',
]

SkipTest = unittest.SkipTest
TestCase = unittest.TestCase

verbose = 0


class KnownFailureException(Exception):
    """Raised to mark a test as a known failure."""



class IgnoreException(Exception):
    """An exception that a test harness may choose to ignore."""


NUMPY_ROOT = pathlib.Path(rp.__file__).parent
# rumpy is always used from its source tree or an installed wheel; an editable
# install is recognised by the package directory living under a ``src`` folder.
IS_EDITABLE = NUMPY_ROOT.parent.name == 'src'
IS_INSTALLED = not IS_EDITABLE

IS_WASM = platform.machine() in ('wasm32', 'wasm64')
IS_PYPY = sys.implementation.name == 'pypy'
IS_PYSTON = hasattr(sys, 'pyston_version_info')
HAS_REFCOUNT = getattr(sys, 'getrefcount', None) is not None and not IS_PYSTON
BLAS_SUPPORTS_FPE = True
HAS_LAPACK64 = False
IS_MUSL = 'musl' in (sysconfig.get_config_var('HOST_GNU_TYPE') or '')
NOGIL_BUILD = bool(sysconfig.get_config_var('Py_GIL_DISABLED'))
IS_64BIT = sys.maxsize > 2 ** 32

_DEPRECATED_WARN_MSG = (
    'NumPy warning suppression and assertion utilities are deprecated. '
    'Use warnings.catch_warnings, warnings.filterwarnings, pytest.warns, '
    'or pytest.filterwarnings instead. (Deprecated NumPy 2.4)')

# Errors that mean "this check does not apply to these operands".
_NOT_APPLICABLE = (TypeError, ValueError, NotImplementedError)


def _is_ndarray(obj):
    """True for rumpy arrays and for foreign ndarray classes (numpy's)."""
    if isinstance(obj, rp.ndarray):
        return True
    return any(c.__name__ == 'ndarray' for c in type(obj).__mro__)


def _is_foreign_scalar(obj):
    t = type(obj)
    return (t.__module__ == 'numpy' and hasattr(obj, 'dtype')
            and getattr(obj, 'ndim', None) == 0 and not _is_ndarray(obj))


def _isscalar(obj):
    return rp.isscalar(obj) or _is_foreign_scalar(obj)


def assert_(val, msg=''):
    """Raise AssertionError with ``msg`` (or ``msg()``) if ``val`` is false."""
    __tracebackhide__ = True
    if not val:
        try:
            text = msg()
        except TypeError:
            text = msg
        raise AssertionError(text)


if sys.platform.startswith('linux'):
    def memusage(_proc_pid_stat=None):
        """Virtual memory size of this process in bytes (None if unknown)."""
        path = _proc_pid_stat or f'/proc/{os.getpid()}/stat'
        try:
            with open(path) as f:
                fields = f.readline().split(' ')
            return int(fields[22])
        except Exception:
            return None

    def jiffies(_proc_pid_stat=None, _load_time=None):
        """User-mode CPU time of this process in 1/100 s."""
        import time
        path = _proc_pid_stat or f'/proc/{os.getpid()}/stat'
        load = _load_time if _load_time is not None else _JIFFY_START
        if not load:
            load.append(time.time())
        try:
            with open(path) as f:
                fields = f.readline().split(' ')
            return int(fields[13])
        except Exception:
            return int(100 * (time.time() - load[0]))
else:
    def memusage():
        """Not available on this platform."""
        raise NotImplementedError

    def jiffies(_load_time=None):
        """Elapsed wall time since first call in 1/100 s."""
        import time
        load = _load_time if _load_time is not None else _JIFFY_START
        if not load:
            load.append(time.time())
        return int(100 * (time.time() - load[0]))

_JIFFY_START = []


def _foreign_array_repr(a, precision):
    """Another library's ndarray shown as rumpy shows the same array."""
    try:
        converted = rp.asanyarray(a)
    except Exception:
        return repr(a)
    return rp.array_repr(converted, precision=precision)


def build_err_msg(arrays, err_msg, header='Items are not equal:',
                  verbose=True, names=('ACTUAL', 'DESIRED'), precision=8):
    """Build the text of an assertion error comparing ``arrays``."""
    lines = ['\n' + header]
    err_msg = str(err_msg)
    if err_msg:
        if '\n' not in err_msg and len(err_msg) < 79 - len(header):
            lines[0] = lines[0] + ' ' + err_msg
        else:
            lines.append(err_msg)
    if verbose:
        for name, a in zip(names, arrays):
            if isinstance(a, rp.ndarray):
                show = partial(rp.array_repr, precision=precision)
            elif _is_ndarray(a):
                show = partial(_foreign_array_repr, precision=precision)
            else:
                show = repr
            try:
                text = show(a)
            except Exception as exc:
                text = f'[repr failed for <{type(a).__name__}>: {exc}]'
            if text.count('\n') > 3:
                text = '\n'.join(text.splitlines()[:3]) + '...'
            lines.append(f' {name}: {text}')
    return '\n'.join(lines)


def _split_complex(value):
    if rp.iscomplexobj(value):
        return rp.real(value), rp.imag(value)
    return value, 0


def assert_equal(actual, desired, err_msg='', verbose=True, *, strict=False):
    """Raise an AssertionError if two objects are not equal."""
    __tracebackhide__ = True
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            raise AssertionError(repr(type(actual)))
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for key in desired:
            if key not in actual:
                raise AssertionError(repr(key))
            assert_equal(actual[key], desired[key], f'key={key!r}\n{err_msg}',
                         verbose)
        return
    if isinstance(desired, (list, tuple)) and isinstance(actual, (list, tuple)):
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for i in range(len(desired)):
            assert_equal(actual[i], desired[i], f'item={i!r}\n{err_msg}',
                         verbose)
        return
    if _is_ndarray(actual) or _is_ndarray(desired):
        return assert_array_equal(actual, desired, err_msg, verbose,
                                  strict=strict)
    msg = build_err_msg([actual, desired], err_msg, verbose=verbose)

    try:
        has_complex = rp.iscomplexobj(actual) or rp.iscomplexobj(desired)
    except (ValueError, TypeError):
        has_complex = False
    if has_complex:
        ar, ai = _split_complex(actual)
        dr, di = _split_complex(desired)
        try:
            assert_equal(ar, dr)
            assert_equal(ai, di)
        except AssertionError:
            raise AssertionError(msg)

    if _isscalar(desired) != _isscalar(actual):
        raise AssertionError(msg)

    # NaT: equal to NaT of the same datetime/timedelta type only
    try:
        des_nat = rp.isnat(desired)
        act_nat = rp.isnat(actual)
        same_type = (rp.asarray(desired).dtype.type
                     == rp.asarray(actual).dtype.type)
        if des_nat and act_nat:
            if same_type:
                return
            raise AssertionError(msg)
    except _NOT_APPLICABLE:
        pass

    # NaN equals NaN; signed zeros must agree
    try:
        if rp.isnan(desired) and rp.isnan(actual):
            return
        if (rp.asarray(actual).dtype.char in 'Mm'
                or rp.asarray(desired).dtype.char in 'Mm'):
            raise NotImplementedError(
                'cannot compare to a scalar with a different type')
        if desired == 0 and actual == 0:
            if not rp.signbit(desired) == rp.signbit(actual):
                raise AssertionError(msg)
    except _NOT_APPLICABLE:
        pass

    try:
        if not desired == actual:
            raise AssertionError(msg)
    except (DeprecationWarning, FutureWarning) as exc:
        if 'elementwise == comparison' in exc.args[0]:
            raise AssertionError(msg)
        raise


def print_assert_equal(test_string, actual, desired):
    """Raise an AssertionError with pretty-printed values if they differ."""
    __tracebackhide__ = True
    if not actual == desired:
        parts = [test_string, ' failed\nACTUAL: \n', pprint.pformat(actual),
                 '\nDESIRED: \n', pprint.pformat(desired), '\n']
        raise AssertionError(''.join(parts))


def assert_almost_equal(actual, desired, decimal=7, err_msg='', verbose=True):
    """Check ``abs(desired-actual) < 1.5 * 10**(-decimal)``."""
    __tracebackhide__ = True
    try:
        has_complex = rp.iscomplexobj(actual) or rp.iscomplexobj(desired)
    except ValueError:
        has_complex = False

    def failure():
        header = 'Arrays are not almost equal to %d decimals' % decimal
        return build_err_msg([actual, desired], err_msg, verbose=verbose,
                             header=header)

    if has_complex:
        ar, ai = _split_complex(actual)
        dr, di = _split_complex(desired)
        try:
            assert_almost_equal(ar, dr, decimal=decimal)
            assert_almost_equal(ai, di, decimal=decimal)
        except AssertionError:
            raise AssertionError(failure())

    if (_is_ndarray(actual) or isinstance(actual, (tuple, list))
            or _is_ndarray(desired) or isinstance(desired, (tuple, list))):
        return assert_array_almost_equal(actual, desired, decimal, err_msg)
    try:
        if not (rp.isfinite(desired) and rp.isfinite(actual)):
            if rp.isnan(desired) or rp.isnan(actual):
                if not (rp.isnan(desired) and rp.isnan(actual)):
                    raise AssertionError(failure())
            elif not desired == actual:
                raise AssertionError(failure())
            return
    except (NotImplementedError, TypeError):
        pass
    if abs(desired - actual) >= rp.float64(1.5 * 10.0 ** (-decimal)):
        raise AssertionError(failure())


def assert_approx_equal(actual, desired, significant=7, err_msg='',
                        verbose=True):
    """Check that two numbers agree to ``significant`` significant digits."""
    __tracebackhide__ = True
    actual = float(actual)
    desired = float(desired)
    if desired == actual:
        return
    with rp.errstate(invalid='ignore'):
        scale = 0.5 * (rp.abs(desired) + rp.abs(actual))
        scale = rp.power(10, rp.floor(rp.log10(scale)))
    try:
        sc_desired = desired / scale
    except ZeroDivisionError:
        sc_desired = 0.0
    try:
        sc_actual = actual / scale
    except ZeroDivisionError:
        sc_actual = 0.0
    msg = build_err_msg(
        [actual, desired], err_msg, verbose=verbose,
        header='Items are not equal to %d significant digits:' % significant)
    try:
        if not (rp.isfinite(desired) and rp.isfinite(actual)):
            if rp.isnan(desired) or rp.isnan(actual):
                if not (rp.isnan(desired) and rp.isnan(actual)):
                    raise AssertionError(msg)
            elif not desired == actual:
                raise AssertionError(msg)
            return
    except (TypeError, NotImplementedError):
        pass
    if rp.abs(sc_desired - sc_actual) >= rp.power(10.0, -(significant - 1)):
        raise AssertionError(msg)


def _is_numeric(a):
    return a.dtype.kind in 'biufc'


def _all_equal(x, y):
    return bool(rp.asarray(x == y).all())


def assert_array_compare(comparison, x, y, err_msg='', verbose=True,
                         header='', precision=6, equal_nan=True,
                         equal_inf=True, *, strict=False,
                         names=('ACTUAL', 'DESIRED')):
    """Apply ``comparison`` elementwise and raise a detailed AssertionError."""
    __tracebackhide__ = True
    x = rp.asanyarray(x)
    y = rp.asanyarray(y)
    ox, oy = x, y

    def fail(a, b, text):
        raise AssertionError(build_err_msg(
            [a, b], text, verbose=verbose, header=header, names=names,
            precision=precision))

    def same_positions(a, b, test, label):
        a_mask = test(a)
        b_mask = test(b)
        if not _all_equal(a_mask, b_mask):
            fail(a, b, err_msg + '\n%s location mismatch:' % (label,))
        if isinstance(a_mask, bool) or a_mask.ndim == 0:
            return rp.asarray(bool(a_mask))
        if isinstance(b_mask, bool) or b_mask.ndim == 0:
            return rp.asarray(bool(b_mask))
        return b_mask

    def same_inf_values(a, b, mask):
        if not mask.any():
            return
        if a.ndim > 0 and b.ndim > 0:
            a = a[mask]
            b = b[mask]
        else:
            assert mask.all()
        if not _all_equal(a, b):
            fail(a, b, err_msg + '\ninf values mismatch:')

    try:
        if strict:
            ok = x.shape == y.shape and x.dtype == y.dtype
        else:
            ok = x.shape == () or y.shape == () or x.shape == y.shape
        if not ok:
            if x.shape != y.shape:
                why = f'\n(shapes {x.shape}, {y.shape} mismatch)'
            else:
                why = f'\n(dtypes {x.dtype}, {y.dtype} mismatch)'
            fail(x, y, err_msg + why)

        flagged = rp.asarray(False)
        if _is_numeric(x) and _is_numeric(y):
            if equal_nan:
                flagged = same_positions(x, y, rp.isnan, 'nan')
            if equal_inf:
                nan_mask = flagged

                def inf_not_nan(v):
                    return rp.logical_and(rp.isinf(v), rp.invert(nan_mask))
                infs = same_positions(x, y, inf_not_nan, 'inf')
                same_inf_values(x, y, infs)
                flagged = flagged | infs
        elif x.dtype.char in 'Mm' and y.dtype.char in 'Mm':
            if equal_nan and x.dtype.type == y.dtype.type:
                flagged = same_positions(x, y, rp.isnat, 'NaT')
        elif x.dtype.char == 'T' and y.dtype.char == 'T':
            flagged = _string_na_positions(x, y, equal_nan, same_positions,
                                           flagged)

        if flagged.ndim > 0:
            keep = ~flagged
            x, y = x[keep], y[keep]
            if x.size == 0:
                return
        elif flagged:
            return

        val = comparison(x, y)
        invalids = rp.asarray(rp.logical_not(val))
        if isinstance(val, bool):
            cond = val
            reduced = rp.array([val])
        else:
            reduced = rp.asarray(val).ravel()
            cond = reduced.all()
        if cond != True:  # noqa: E712
            n_bad = reduced.size - int(reduced.sum(dtype=rp.intp))
            n_all = flagged.size if flagged.ndim != 0 else reduced.size
            pct = 100 * n_bad / n_all
            remarks = [f'Mismatched elements: {n_bad} / {n_all} ({pct:.3g}%)']
            if invalids.ndim != 0:
                if flagged.ndim > 0:
                    positions = rp.argwhere(rp.asarray(~flagged))[invalids]
                else:
                    positions = rp.argwhere(rp.asarray(invalids))
                rows = []
                for p in positions[:5]:
                    idx = tuple(p.tolist())
                    # a 0-d array formats as its scalar; str() of the
                    # scalar is what format() gives
                    xv = ox[()] if ox.ndim == 0 else ox[idx]
                    yv = oy[()] if oy.ndim == 0 else oy[idx]
                    rows.append(f' {p.tolist()}: {xv!s} ({names[0]}), '
                                f'{yv!s} ({names[1]})')
                listing = '\n'.join(rows)
                if len(positions) == 1:
                    remarks.append(f'Mismatch at index:\n{listing}')
                elif len(positions) <= 5:
                    remarks.append(f'Mismatch at indices:\n{listing}')
                else:
                    remarks.append(
                        f'First 5 mismatches are at indices:\n{listing}')
            with rp.errstate(all='ignore'), contextlib.suppress(TypeError):
                _difference_remarks(x, y, invalids, remarks)
            err_msg = str(err_msg) + '\n' + '\n'.join(remarks)
            fail(ox, oy, err_msg)
    except ValueError:
        import traceback
        tb = traceback.format_exc()
        header = f'error during assertion:\n\n{tb}\n\n{header}'
        raise ValueError(build_err_msg([x, y], err_msg, verbose=verbose,
                                       header=header, names=names,
                                       precision=precision))


def _string_na_positions(x, y, equal_nan, same_positions, flagged):
    """StringDType: missing values (a NaN-like or non-boolean ``na_object``)
    must sit at the same places, and those places are then skipped."""
    dt = x.dtype
    if not (equal_nan and dt == y.dtype and hasattr(dt, 'na_object')):
        return flagged
    na = dt.na_object
    nan_like = isinstance(na, float) and na != na
    try:
        bool(na)
        not_boolean = False
    except TypeError:
        not_boolean = True
    if nan_like or not_boolean:
        return same_positions(x, y, rp.isnan, na)
    return flagged


def _difference_remarks(x, y, invalids, remarks):
    """Append the max absolute/relative difference lines to ``remarks``."""
    error = abs(x - y)
    if rp.issubdtype(x.dtype, rp.unsignedinteger):
        other = abs(y - x)
        rp.minimum(error, other, out=error)
    is_object = getattr(error, 'dtype', rp.object_) == rp.object_
    show = str if is_object else rp.array2string
    max_abs = rp.max(error[invalids])
    remarks.append('Max absolute difference among violations: '
                   + show(max_abs))
    nonzero = rp.asarray(y != 0, dtype=bool)
    bad_nonzero = rp.logical_and(invalids, nonzero)
    if rp.all(~bad_nonzero):
        max_rel = rp.array(rp.inf)
    else:
        yb = rp.broadcast_to(y, error.shape)
        max_rel = rp.max(error[bad_nonzero] / abs(yb[bad_nonzero]))
    remarks.append('Max relative difference among violations: '
                   + show(max_rel))


def assert_array_equal(actual, desired, err_msg='', verbose=True, *,
                       strict=False):
    """Raise an AssertionError if two array_like objects are not equal."""
    __tracebackhide__ = True
    assert_array_compare(operator.__eq__, actual, desired, err_msg=err_msg,
                         verbose=verbose, header='Arrays are not equal',
                         strict=strict)


def assert_array_almost_equal(actual, desired, decimal=6, err_msg='',
                              verbose=True):
    """Check ``abs(desired-actual) < 1.5 * 10**(-decimal)`` elementwise."""
    __tracebackhide__ = True

    def compare(x, y):
        dtype = rp.result_type(y, 1.0)
        y = rp.asanyarray(y, dtype)
        z = abs(x - y)
        if not rp.issubdtype(z.dtype, rp.number):
            z = z.astype(rp.float64)
        return z < 1.5 * 10.0 ** (-decimal)

    assert_array_compare(
        compare, actual, desired, err_msg=err_msg, verbose=verbose,
        header='Arrays are not almost equal to %d decimals' % decimal,
        precision=decimal)


def assert_array_less(x, y, err_msg='', verbose=True, *, strict=False):
    """Raise an AssertionError unless ``x < y`` elementwise."""
    __tracebackhide__ = True
    assert_array_compare(
        operator.__lt__, x, y, err_msg=err_msg, verbose=verbose,
        header='Arrays are not strictly ordered `x < y`', equal_inf=False,
        strict=strict, names=('x', 'y'))


def assert_allclose(actual, desired, rtol=1e-7, atol=0, equal_nan=True,
                    err_msg='', verbose=True, *, strict=False):
    """Check ``abs(actual - desired) <= atol + rtol * abs(desired)``."""
    __tracebackhide__ = True

    def compare(x, y):
        return rp.isclose(x, y, rtol=rtol, atol=atol, equal_nan=equal_nan)

    actual = rp.asanyarray(actual)
    desired = rp.asanyarray(desired)
    header = f'Not equal to tolerance rtol={rtol:g}, atol={atol:g}'
    assert_array_compare(compare, actual, desired, err_msg=str(err_msg),
                         verbose=verbose, header=header, equal_nan=equal_nan,
                         strict=strict)


def runstring(astr, dict):
    """Execute ``astr`` in namespace ``dict``."""
    exec(astr, dict)


def assert_string_equal(actual, desired):
    """Raise an AssertionError showing a diff if two strings differ."""
    __tracebackhide__ = True
    import difflib
    if not isinstance(actual, str):
        raise AssertionError(repr(type(actual)))
    if not isinstance(desired, str):
        raise AssertionError(repr(type(desired)))
    if desired == actual:
        return
    diff = list(difflib.Differ().compare(actual.splitlines(True),
                                         desired.splitlines(True)))
    out = []
    i = 0
    while i < len(diff):
        first = diff[i]
        i += 1
        if first.startswith('  '):
            continue
        if not first.startswith('- '):
            raise AssertionError(repr(first))
        block = [first]
        second = diff[i]
        i += 1
        if second.startswith('? '):
            block.append(second)
            second = diff[i]
            i += 1
        if not second.startswith('+ '):
            raise AssertionError(repr(second))
        block.append(second)
        if i < len(diff) and diff[i].startswith('? '):
            block.append(diff[i])
            i += 1
        if second[2:] == first[2:]:
            continue
        out.extend(block)
    if not out:
        return
    raise AssertionError('Differences in strings:\n' + ''.join(out).rstrip())


def rundocs(filename=None, raise_on_error=True):
    """Run the doctests found in the module file ``filename``."""
    import doctest
    import importlib.util
    if filename is None:
        filename = sys._getframe(1).f_globals['__file__']
    name = os.path.splitext(os.path.basename(filename))[0]
    spec = importlib.util.spec_from_file_location(name, filename)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tests = doctest.DocTestFinder().find(module)
    runner = doctest.DocTestRunner(verbose=False)
    out_lines = []
    out = out_lines.append if raise_on_error else None
    for test in tests:
        runner.run(test, out=out)
    if runner.failures > 0 and raise_on_error:
        raise AssertionError('Some doctests failed:\n%s'
                             % '\n'.join(out_lines))


def check_support_sve(__cache=[]):
    """Whether the CPU reports SVE support (cached)."""
    if not __cache:
        import subprocess
        try:
            res = subprocess.run('lscpu', capture_output=True, text=True)
            __cache.append('sve' in res.stdout)
        except (OSError, subprocess.SubprocessError):
            __cache.append(False)
    return __cache[0]


class _Dummy(unittest.TestCase):
    def nop(self):
        pass


_dummy = _Dummy('nop')


def assert_raises(*args, **kwargs):
    """assert_raises(exception_class, callable, *args, **kwargs)

    Or, with only the exception class, a context manager.
    """
    __tracebackhide__ = True
    return _dummy.assertRaises(*args, **kwargs)


def assert_raises_regex(exception_class, expected_regexp, *args, **kwargs):
    """Like assert_raises, also matching the message against a regexp."""
    __tracebackhide__ = True
    return _dummy.assertRaisesRegex(exception_class, expected_regexp,
                                    *args, **kwargs)


def decorate_methods(cls, decorator, testmatch=None):
    """Apply ``decorator`` to the test methods of ``cls``."""
    if testmatch is None:
        pattern = re.compile(r'(?:^|[\\b_\\.%s-])[Tt]est' % os.sep)
    else:
        pattern = re.compile(testmatch)
    from inspect import isfunction
    for func in [m for m in cls.__dict__.values() if isfunction(m)]:
        try:
            fname = getattr(func, 'compat_func_name', None) or func.__name__
        except AttributeError:
            continue
        if pattern.search(fname) and not fname.startswith('_'):
            setattr(cls, fname, decorator(func))


def measure(code_str, times=1, label=None):
    """Time ``times`` executions of ``code_str`` in the caller's namespace."""
    frame = sys._getframe(1)
    code = compile(code_str, f'Test name: {label} ', 'exec')
    start = jiffies()
    for _ in range(times):
        exec(code, frame.f_globals, frame.f_locals)
    return 0.01 * (jiffies() - start)


def _nulp_integer_repr(x):
    """Map floats onto integers so that adjacent floats differ by one."""
    table = {'float16': (rp.int16, -2 ** 15), 'float32': (rp.int32, -2 ** 31),
             'float64': (rp.int64, -2 ** 63)}
    key = str(x.dtype)
    if key not in table:
        raise ValueError(f'Unsupported dtype {x.dtype}')
    itype, low = table[key]
    comp = itype(low)
    rx = x.view(itype)
    if rx.size != 1:
        neg = rx < 0
        rx[neg] = comp - rx[neg]
    elif rx < 0:
        rx = comp - rx
    return rx


def nulp_diff(x, y, dtype=None):
    """Number of representable floats between ``x`` and ``y``."""
    if dtype:
        x = rp.asarray(x, dtype=dtype)
        y = rp.asarray(y, dtype=dtype)
    else:
        x = rp.asarray(x)
        y = rp.asarray(y)
    t = rp.common_type(x, y)
    if rp.iscomplexobj(x) or rp.iscomplexobj(y):
        raise NotImplementedError('_nulp not implemented for complex array')
    x = rp.array([x], dtype=t)
    y = rp.array([y], dtype=t)
    x[rp.isnan(x)] = rp.nan
    y[rp.isnan(y)] = rp.nan
    if x.shape != y.shape:
        raise ValueError(
            f'Arrays do not have the same shape: {x.shape} - {y.shape}')
    diff = rp.asarray(_nulp_integer_repr(x) - _nulp_integer_repr(y), dtype=t)
    return rp.abs(diff)


def assert_array_almost_equal_nulp(x, y, nulp=1):
    """Compare two arrays relative to their spacing (units in last place)."""
    __tracebackhide__ = True
    ax = rp.abs(x)
    ay = rp.abs(y)
    ref = nulp * rp.spacing(rp.where(ax > ay, ax, ay))
    if not rp.all(rp.abs(x - y) <= ref):
        if rp.iscomplexobj(x) or rp.iscomplexobj(y):
            msg = f'Arrays are not equal to {nulp} ULP'
        else:
            worst = rp.max(nulp_diff(x, y))
            msg = f'Arrays are not equal to {nulp} ULP (max is {worst:g})'
        raise AssertionError(msg)


def assert_array_max_ulp(a, b, maxulp=1, dtype=None):
    """Check that ``a`` and ``b`` differ by at most ``maxulp`` ULP."""
    __tracebackhide__ = True
    ret = nulp_diff(a, b, dtype)
    if not rp.all(ret <= maxulp):
        raise AssertionError(
            'Arrays are not almost equal up to %g ULP '
            '(max difference is %g ULP)' % (maxulp, rp.max(ret)))
    return ret


@contextlib.contextmanager
def _warns_context(warning_class, name=None):
    __tracebackhide__ = True
    with suppress_warnings(_warn=False) as sup:
        caught = sup.record(warning_class)
        yield
        if not caught:
            where = f' when calling {name}' if name is not None else ''
            raise AssertionError('No warning raised' + where)


def assert_warns(warning_class, *args, **kwargs):
    """Fail unless calling the function (or the with-block) warns."""
    warnings.warn(_DEPRECATED_WARN_MSG, DeprecationWarning, stacklevel=2)
    if not args and not kwargs:
        return _warns_context(warning_class)
    if not args:
        if 'match' in kwargs:
            raise RuntimeError("assert_warns does not use 'match' kwarg, "
                               'use pytest.warns instead')
        raise RuntimeError('assert_warns(...) needs at least one arg')
    func, rest = args[0], args[1:]
    with _warns_context(warning_class, name=func.__name__):
        return func(*rest, **kwargs)


@contextlib.contextmanager
def _no_warnings_context(name=None):
    __tracebackhide__ = True
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        yield
        if caught:
            where = f' when calling {name}' if name is not None else ''
            raise AssertionError(f'Got warnings{where}: {caught}')


def assert_no_warnings(*args, **kwargs):
    """Fail if calling the function (or the with-block) warns."""
    if not args:
        return _no_warnings_context()
    func, rest = args[0], args[1:]
    with _no_warnings_context(name=func.__name__):
        return func(*rest, **kwargs)


@contextlib.contextmanager
def tempdir(*args, **kwargs):
    """A temporary directory, removed on exit (arguments as mkdtemp)."""
    path = mkdtemp(*args, **kwargs)
    try:
        yield path
    finally:
        shutil.rmtree(path)


@contextlib.contextmanager
def temppath(*args, **kwargs):
    """A closed temporary file's path, removed on exit (as mkstemp)."""
    fd, path = mkstemp(*args, **kwargs)
    os.close(fd)
    try:
        yield path
    finally:
        os.remove(path)


class clear_and_catch_warnings(warnings.catch_warnings):
    """catch_warnings that also resets the ``__warningregistry__`` of
    ``modules`` on entry and restores it on exit."""

    class_modules = ()

    def __init__(self, record=False, modules=()):
        self.modules = set(modules).union(self.class_modules)
        self._saved_registries = {}
        super().__init__(record=record)

    def __enter__(self):
        for mod in self.modules:
            reg = getattr(mod, '__warningregistry__', None)
            if reg is not None:
                self._saved_registries[mod] = reg.copy()
                reg.clear()
        return super().__enter__()

    def __exit__(self, *exc_info):
        super().__exit__(*exc_info)
        for mod in self.modules:
            if hasattr(mod, '__warningregistry__'):
                mod.__warningregistry__.clear()
            if mod in self._saved_registries:
                mod.__warningregistry__.update(self._saved_registries[mod])


class suppress_warnings:
    """Context manager/decorator that filters and records warnings.

    ``forwarding_rule`` is one of 'always', 'module', 'once', 'location' and
    decides how often unfiltered warnings are shown.
    """

    def __init__(self, forwarding_rule='always', _warn=True):
        if _warn:
            warnings.warn(_DEPRECATED_WARN_MSG, DeprecationWarning,
                          stacklevel=2)
        if forwarding_rule not in {'always', 'module', 'once', 'location'}:
            raise ValueError('unsupported forwarding rule.')
        self._entered = False
        self._suppressions = []
        self._forwarding_rule = forwarding_rule

    def _clear_registries(self):
        if hasattr(warnings, '_filters_mutated'):
            warnings._filters_mutated()
            return
        for mod in self._tmp_modules:
            if hasattr(mod, '__warningregistry__'):
                mod.__warningregistry__.clear()

    @staticmethod
    def _install(category, message, module):
        if module is None:
            warnings.filterwarnings('always', category=category,
                                    message=message)
        else:
            regex = module.__name__.replace('.', r'\.') + '$'
            warnings.filterwarnings('always', category=category,
                                    message=message, module=regex)

    def _filter(self, category=Warning, message='', module=None,
                record=False):
        log = [] if record else None
        entry = (category, message, re.compile(message, re.I), module, log)
        if self._entered:
            self._install(category, message, module)
            if module is not None:
                self._tmp_modules.add(module)
                self._clear_registries()
            self._tmp_suppressions.append(entry)
        else:
            self._suppressions.append(entry)
        return log

    def filter(self, category=Warning, message='', module=None):
        """Suppress warnings of ``category`` whose text matches ``message``."""
        self._filter(category=category, message=message, module=module)

    def record(self, category=Warning, message='', module=None):
        """Like filter, but return a list that collects the warnings."""
        return self._filter(category=category, message=message,
                            module=module, record=True)

    def __enter__(self):
        if self._entered:
            raise RuntimeError('cannot enter suppress_warnings twice.')
        self._orig_show = warnings.showwarning
        self._filters = warnings.filters
        warnings.filters = self._filters[:]
        self._entered = True
        self._tmp_suppressions = []
        self._tmp_modules = set()
        self._forwarded = set()
        self.log = []
        for cat, mess, _, mod, log in self._suppressions:
            if log is not None:
                del log[:]
            self._install(cat, mess, mod)
            if mod is not None:
                self._tmp_modules.add(mod)
        warnings.showwarning = self._showwarning
        self._clear_registries()
        return self

    def __exit__(self, *exc_info):
        warnings.showwarning = self._orig_show
        warnings.filters = self._filters
        self._clear_registries()
        self._entered = False
        del self._orig_show
        del self._filters

    def _showwarning(self, message, category, filename, lineno, *args,
                     use_warnmsg=None, **kwargs):
        entries = self._suppressions + self._tmp_suppressions
        for cat, _, pattern, mod, log in reversed(entries):
            if not (issubclass(category, cat)
                    and pattern.match(message.args[0]) is not None):
                continue
            if mod is not None and not mod.__file__.startswith(filename):
                continue
            if log is not None:
                rec = WarningMessage(message, category, filename, lineno,
                                     **kwargs)
                self.log.append(rec)
                log.append(rec)
            return
        rule = self._forwarding_rule
        if rule != 'always':
            if rule == 'once':
                sig = (message.args, category)
            elif rule == 'module':
                sig = (message.args, category, filename)
            else:
                sig = (message.args, category, filename, lineno)
            if sig in self._forwarded:
                return
            self._forwarded.add(sig)
        if use_warnmsg is None:
            self._orig_show(message, category, filename, lineno, *args,
                            **kwargs)
        else:
            self._orig_showmsg(use_warnmsg)

    def __call__(self, func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return wrapper


@contextlib.contextmanager
def _no_gc_cycles_context(name=None):
    __tracebackhide__ = True
    if not HAS_REFCOUNT:
        yield
        return
    assert_(gc.isenabled())
    gc.disable()
    old_debug = gc.get_debug()
    try:
        for _ in range(100):
            if gc.collect() == 0:
                break
        else:
            raise RuntimeError(
                'Unable to fully collect garbage - perhaps a __del__ method '
                'is creating more reference cycles?')
        gc.set_debug(gc.DEBUG_SAVEALL)
        yield
        n_collected = gc.collect()
        garbage = gc.garbage[:]
    finally:
        del gc.garbage[:]
        gc.set_debug(old_debug)
        gc.enable()
    if n_collected:
        where = f' when calling {name}' if name is not None else ''
        shown = ''.join(
            '\n  {} object with id={}:\n    {}'.format(
                type(o).__name__, id(o),
                pprint.pformat(o).replace('\n', '\n    '))
            for o in garbage)
        raise AssertionError(
            f'Reference cycles were found{where}: {n_collected} objects were '
            f'collected, of which {len(garbage)} are shown below:{shown}')


def assert_no_gc_cycles(*args, **kwargs):
    """Fail if the function (or with-block) leaves reference cycles."""
    if not args:
        return _no_gc_cycles_context()
    func, rest = args[0], args[1:]
    with _no_gc_cycles_context(name=func.__name__):
        func(*rest, **kwargs)


def break_cycles():
    """Collect garbage (repeatedly on PyPy) to free objects in cycles."""
    gc.collect()
    if IS_PYPY:
        for _ in range(4):
            gc.collect()


def run_threaded(func, max_workers=8, pass_count=False, pass_barrier=False,
                 outer_iterations=1, prepare_args=None):
    """Run ``func`` concurrently in ``max_workers`` threads."""
    import concurrent.futures
    import threading
    for _ in range(outer_iterations):
        with concurrent.futures.ThreadPoolExecutor(
                max_workers=max_workers) as pool:
            args = [] if prepare_args is None else prepare_args()
            barrier = None
            if pass_barrier:
                barrier = threading.Barrier(max_workers)
                args.append(barrier)
            if pass_count:
                calls = [(func, i, *args) for i in range(max_workers)]
            else:
                calls = [(func, *args) for _ in range(max_workers)]
            futures = []
            try:
                for call in calls:
                    futures.append(pool.submit(*call))
            except RuntimeError as exc:
                import pytest
                pytest.skip(f'Spawning {max_workers} threads failed with '
                            f'error {exc!r} (likely due to resource limits '
                            'on the system running the tests)')
            finally:
                if len(futures) < max_workers and barrier is not None:
                    barrier.abort()
            for fut in futures:
                fut.result()
