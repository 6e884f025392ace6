"""rumpy.testing against numpy.testing: numpy is truth.

Every comparison case runs the same assertion with ``numpy.testing`` on numpy
inputs and with ``rumpy.testing`` on the equivalent rumpy inputs (and on mixed
inputs), then compares: passes vs raises, the exception class and the full
message text.  Each case also states which outcome numpy gives, so a case that
both libraries fail in the same unintended way (a broken test) does not pass.
"""

import gc
import os
import re
import sys
import warnings

import numpy as np
import numpy.testing as nt
import pytest

import rumpy as rp
import rumpy.testing as rt

nan = float('nan')
inf = float('inf')

PASS = 'pass'
FAIL = 'AssertionError'


def outcome(mod, name, args, kwargs):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            getattr(mod, name)(*args, **kwargs)
    except Exception as exc:
        return type(exc).__name__, str(exc)
    return PASS, ''


def _normalise(text):
    # a ValueError raised during assertion embeds a traceback with paths
    return re.sub(r'Traceback.*?\n\n\n', 'TB\n\n', text, flags=re.S)


def compare(name, build, kwargs, expect, mixed=True, same_msg=True):
    """Run ``name`` from both modules; ``build(xp)`` makes the arguments."""
    np_args = build(np)
    rp_args = build(rp)
    want = outcome(nt, name, np_args, kwargs)
    assert want[0] == expect, want
    got = outcome(rt, name, rp_args, kwargs)
    assert got[0] == want[0], (got, want)
    if same_msg:
        assert _normalise(got[1]) == _normalise(want[1])
    if mixed and len(np_args) >= 2:
        for args in ((rp_args[0], np_args[1]) + tuple(np_args[2:]),
                     (np_args[0], rp_args[1]) + tuple(rp_args[2:])):
            got = outcome(rt, name, args, kwargs)
            assert got[0] == want[0], (got, want)
            assert _normalise(got[1]) == _normalise(want[1])


# ---------------------------------------------------------------------------
# case tables: (id, builder, kwargs, expected numpy outcome)

def arr(*vals, dtype=None):
    return lambda xp: tuple(xp.array(v, dtype=dtype) for v in vals)


DTYPE_DATA = {
    'bool': ([True, False, True], [True, True, True]),
    'int8': ([1, -2, 3], [1, -2, 4]),
    'int16': ([100, -200, 300], [100, -201, 300]),
    'int32': ([1, 2, 3], [3, 2, 1]),
    'int64': ([10 ** 12, 2, 3], [10 ** 12 + 1, 2, 3]),
    'uint8': ([1, 200, 3], [7, 200, 2]),
    'uint16': ([5, 6, 7], [5, 6, 9]),
    'uint32': ([5, 6, 7], [4, 6, 7]),
    'uint64': ([5, 6, 2 ** 63], [5, 6, 1]),
    'float16': ([1.5, 2.25, -3.0], [1.5, 2.5, -3.0]),
    'float32': ([1.5, 2.25, -3.0], [1.5, 2.5, -3.5]),
    'float64': ([0.1, 0.2, 0.3], [0.1, 0.25, 0.3]),
    'complex64': ([1 + 2j, 3j, 4], [1 + 2j, 3j, 5]),
    'complex128': ([1 + 2j, 3j, 4], [1 + 2.5j, 3j, 4]),
    'str': (['a', 'bc', 'd'], ['a', 'bd', 'd']),
    'bytes': ([b'a', b'bc', b'd'], [b'a', b'bd', b'd']),
    'object': ([1, 'x', 2.5], [1, 'y', 2.5]),
    'datetime64[D]': (['2020-01-01', '2021-02-03', 'NaT'],
                      ['2020-01-01', '2021-02-04', 'NaT']),
    'timedelta64[s]': ([1, 2, 'NaT'], [1, 3, 'NaT']),
}

NUMERIC = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16',
           'uint32', 'uint64', 'float16', 'float32', 'float64', 'complex64',
           'complex128']

CASES = []


def case(name, cid, build, kwargs=None, expect=FAIL, mixed=True,
         same_msg=True):
    CASES.append(pytest.param(name, build, kwargs or {}, expect, mixed,
                              same_msg, id=f'{name}-{cid}'))


# assert_array_equal over dtypes: equal, unequal, scalar broadcast, 2-d
for dt, (a, b) in DTYPE_DATA.items():
    case('assert_array_equal', f'{dt}-equal', arr(a, a, dtype=dt), {}, PASS)
    case('assert_array_equal', f'{dt}-differ', arr(a, b, dtype=dt))
    case('assert_array_equal', f'{dt}-scalar', arr(a, a[0], dtype=dt))
    case('assert_array_equal', f'{dt}-2d',
         lambda xp, a=a, b=b, dt=dt: (xp.array([a, a], dtype=dt),
                                      xp.array([a, b], dtype=dt)))
    case('assert_array_equal', f'{dt}-0d', arr(a[1], b[1], dtype=dt),
         {}, PASS if a[1] == b[1] else FAIL)
    case('assert_array_equal', f'{dt}-strict-scalar', arr(a, a[0], dtype=dt),
         {'strict': True})
    case('assert_equal', f'{dt}-arrays', arr(a, b, dtype=dt))
    case('assert_equal', f'{dt}-arrays-equal', arr(a, a, dtype=dt), {}, PASS)

for dt in NUMERIC:
    a, b = DTYPE_DATA[dt]
    # int64's difference of 1 in 10**12 is within rtol=1e-7
    case('assert_allclose', f'{dt}-differ', arr(a, b, dtype=dt), {},
         PASS if dt == 'int64' else FAIL)
    case('assert_allclose', f'{dt}-equal', arr(a, a, dtype=dt), {}, PASS)
    case('assert_array_less', f'{dt}', arr(a, b, dtype=dt))
    if dt != 'bool':
        case('assert_array_almost_equal', f'{dt}-differ',
             arr(a, b, dtype=dt))
        case('assert_almost_equal', f'{dt}-arrays', arr(a, b, dtype=dt))

# shapes
SHAPES = {
    'empty': ([], []),
    'empty2d': (np.zeros((0, 3)).tolist(), np.zeros((0, 3)).tolist()),
    '3d': ([[[1, 2], [3, 4]], [[5, 6], [7, 8]]],
           [[[1, 2], [3, 4]], [[5, 6], [7, 9]]]),
    'many': (list(range(20)), [i if i % 3 else -i for i in range(20)]),
    'col-vs-row': ([[1], [2]], [[1, 2]]),
    'len1-vs-len3': ([1], [1, 1, 1]),
}
for sid, (a, b) in SHAPES.items():
    for fn in ('assert_array_equal', 'assert_allclose',
               'assert_array_almost_equal', 'assert_array_less'):
        exp = PASS if (a == b and fn != 'assert_array_less') or a == [] \
            or (sid == 'empty2d') else FAIL
        case(fn, f'shape-{sid}', arr(a, b), {}, exp)
    case('assert_array_equal', f'shape-{sid}-strict', arr(a, b),
         {'strict': True}, PASS if a == b else FAIL)

case('assert_array_equal', 'empty-vs-scalar', arr([], 1.0), {}, PASS)
case('assert_array_equal', 'scalar-vs-2d',
     lambda xp: (3, xp.full((2, 2), 3)), {}, PASS)
case('assert_array_equal', 'scalar-vs-2d-differ',
     lambda xp: (3, xp.array([[3, 4], [5, 3]])), {})
case('assert_array_equal', 'list-vs-array',
     lambda xp: ([1, 2, 3], xp.array([1, 2, 3])), {}, PASS)
case('assert_array_equal', 'strict-dtype',
     lambda xp: (xp.array([1, 2], dtype=xp.int32),
                 xp.array([1, 2], dtype=xp.int64)), {'strict': True})
case('assert_array_equal', 'nonstrict-dtype',
     lambda xp: (xp.array([1, 2], dtype=xp.int32),
                 xp.array([1, 2], dtype=xp.int64)), {}, PASS)
case('assert_array_equal', 'strict-0d-scalar',
     lambda xp: (xp.array(1.0), xp.float64(1.0)), {'strict': True}, PASS)
case('assert_array_equal', 'transposed',
     lambda xp: (xp.arange(6).reshape(2, 3).T,
                 xp.arange(6).reshape(3, 2)), {})
case('assert_array_equal', 'strided-view',
     lambda xp: (xp.arange(10)[::2], xp.arange(0, 10, 2)), {}, PASS)
case('assert_array_equal', 'large-precision',
     lambda xp: (xp.linspace(0, 1, 7), xp.linspace(0, 1.0000001, 7)), {})
case('assert_array_equal', 'big-array',
     lambda xp: (xp.arange(2000.0), xp.arange(2000.0) + (xp.arange(2000) == 7)))
case('assert_array_equal', 'many-rows',
     lambda xp: (xp.arange(40).reshape(10, 4),
                 xp.arange(40).reshape(10, 4) * 2))

# NaN / inf handling
NANINF = {
    'nan-same': ([1.0, nan], [1.0, nan], PASS),
    'nan-pos': ([1.0, nan], [nan, 1.0], FAIL),
    'nan-vs-num': ([nan], [1.0], FAIL),
    'inf-same': ([inf, -inf, 1.0], [inf, -inf, 1.0], PASS),
    'inf-sign': ([inf, 1.0], [-inf, 1.0], FAIL),
    'inf-pos': ([inf, 1.0], [1.0, inf], FAIL),
    'nan-inf-mix': ([nan, inf, 2.0], [nan, inf, 3.0], FAIL),
    'all-nan': ([nan, nan], [nan, nan], PASS),
    'scalar-nan-bcast': ([nan, nan], nan, PASS),
    'scalar-nan-vs-num': ([nan, 1.0], nan, FAIL),
    'scalar-inf-bcast': ([inf, inf], inf, PASS),
    'complex-nan': ([complex(nan, 0), 1j], [complex(nan, 0), 1j], PASS),
    'complex-inf': ([complex(inf, 1), 1j], [complex(inf, 2), 1j], FAIL),
    'zero-vs-negzero': ([0.0], [-0.0], PASS),
}
for nid, (a, b, exp) in NANINF.items():
    case('assert_array_equal', nid, arr(a, b), {}, exp)
    case('assert_allclose', nid, arr(a, b), {}, exp)
    case('assert_array_almost_equal', nid, arr(a, b), {}, exp)
    case('assert_almost_equal', nid, arr(a, b), {}, exp)
case('assert_allclose', 'nan-equal_nan-False', arr([1.0, nan], [1.0, nan]),
     {'equal_nan': False})
case('assert_allclose', 'nan-equal_nan-False-scalar', arr(nan, nan),
     {'equal_nan': False})
case('assert_allclose', 'inf-equal_nan-False', arr([inf, 1.0], [inf, 1.0]),
     {'equal_nan': False}, PASS)
case('assert_array_less', 'inf-not-equal', arr([1.0, inf], [2.0, inf]))
case('assert_array_less', 'neg-inf-less', arr([-inf, 1.0], [inf, 2.0]),
     {}, PASS)
case('assert_array_less', 'nan-both', arr([nan, 1.0], [nan, 2.0]), {}, PASS)
case('assert_array_less', 'nan-one', arr([nan, 1.0], [1.0, 2.0]))
case('assert_array_less', 'scalar-y', arr([1.0, 2.0], 3.0), {}, PASS)
case('assert_array_less', 'scalar-x', arr(2.0, [1.0, 3.0]))
case('assert_array_less', 'strict-shape', arr([1.0, 2.0], 3.0),
     {'strict': True})
case('assert_array_less', 'equal', arr([1, 2], [1, 2]))
case('assert_array_less', 'err_msg', arr([3], [2]), {'err_msg': 'note'})
case('assert_array_less', 'verbose-False', arr([3], [2]), {'verbose': False})

# assert_allclose options
ALLCLOSE_OPTS = [
    ('rtol-pass', [1.0, 2.0], [1.0, 2.1], {'rtol': 0.1}, PASS),
    ('rtol-fail', [1.0, 2.0], [1.0, 2.5], {'rtol': 0.1}, FAIL),
    ('atol-pass', [1.0, 2.0], [1.0, 2.4], {'atol': 0.5}, PASS),
    ('atol-fail', [1.0, 2.0], [1.0, 2.6], {'atol': 0.5}, FAIL),
    ('atol-rtol', [1e-9, 2.0], [0.0, 2.0 + 1e-6],
     {'atol': 1e-8, 'rtol': 1e-6}, PASS),
    ('zero-desired', [1.0, 0.5], [0.0, 0.0], {}, FAIL),
    ('mixed-rel', [1.0, 0.5, 3.0], [0.0, 0.25, 4.0], {}, FAIL),
    ('err_msg', [1.0], [2.0], {'err_msg': 'custom message'}, FAIL),
    ('err_msg-long', [1.0], [2.0], {'err_msg': 'x' * 90}, FAIL),
    ('err_msg-multiline', [1.0], [2.0], {'err_msg': 'a\nb'}, FAIL),
    ('err_msg-nonstr', [1.0], [2.0], {'err_msg': 42}, FAIL),
    ('verbose-False', [1.0], [2.0], {'verbose': False}, FAIL),
    ('strict-pass', [1.0], [1.0], {'strict': True}, PASS),
    ('strict-shape', [1.0], 1.0, {'strict': True}, FAIL),
    ('strict-dtype', [1], [1.0], {'strict': True}, FAIL),
    ('scalars', 1.0, 1.0 + 1e-8, {}, PASS),
    ('scalars-fail', 1.0, 1.1, {}, FAIL),
    ('ints', [1, 2, 3], [1, 2, 4], {}, FAIL),
    ('small-rtol-fmt', [1.0], [1.5], {'rtol': 1.5e-12, 'atol': 3e-30}, FAIL),
    ('complex', [1 + 1j], [1 + 1.5j], {}, FAIL),
    ('shape-mismatch', [1.0, 2.0], [[1.0, 2.0]], {}, FAIL),
    ('bcast-scalar-desired', [1.0, 1.0 + 1e-9], 1.0, {}, PASS),
    ('bcast-scalar-fail', [1.0, 2.0], 1.0, {}, FAIL),
]
for cid, a, b, kw, exp in ALLCLOSE_OPTS:
    case('assert_allclose', cid, arr(a, b), kw, exp)

# assert_array_almost_equal / assert_almost_equal decimals
for dec in (0, 1, 3, 6, 7, 10):
    for cid, a, b in (('close', [1.0, 2.0], [1.0, 2.00004]),
                      ('far', [1.0, 2.0], [1.0, 2.3]),
                      ('tiny', [1e-9, 0.0], [0.0, 1e-9])):
        exp = PASS if abs(a[1] - b[1]) < 1.5 * 10.0 ** -dec \
            and abs(a[0] - b[0]) < 1.5 * 10.0 ** -dec else FAIL
        case('assert_array_almost_equal', f'{cid}-dec{dec}', arr(a, b),
             {'decimal': dec}, exp)
        case('assert_almost_equal', f'{cid}-dec{dec}', arr(a, b),
             {'decimal': dec}, exp)
    case('assert_almost_equal', f'scalar-dec{dec}',
         lambda xp: (1.0, 1.00004), {'decimal': dec},
         PASS if 0.00004 < 1.5 * 10.0 ** -dec else FAIL)

SCALAR_ALMOST = [
    ('float', 1.0, 1.1, FAIL),
    ('float-pass', 1.0, 1.00000001, PASS),
    ('nan-nan', nan, nan, PASS),
    ('nan-num', nan, 1.0, FAIL),
    ('inf-inf', inf, inf, PASS),
    ('inf-neginf', inf, -inf, FAIL),
    ('inf-num', inf, 1.0, FAIL),
    ('complex', 1 + 1j, 1 + 1.1j, FAIL),
    ('complex-pass', 1 + 1j, 1 + 1j, PASS),
    ('complex-vs-real', 1 + 0j, 1.0, PASS),
    ('int', 1, 2, FAIL),
    ('tuple', (1.0, 2.0), (1.0, 2.1), FAIL),
    ('list-pass', [1.0, 2.0], [1.0, 2.0], PASS),
]
for cid, a, b, exp in SCALAR_ALMOST:
    case('assert_almost_equal', f'py-{cid}', lambda xp, a=a, b=b: (a, b),
         {}, exp, mixed=False)
    case('assert_almost_equal', f'np-{cid}',
         lambda xp, a=a, b=b: (xp.asarray(a)[()], xp.asarray(b)[()]),
         {}, exp)
case('assert_almost_equal', 'err_msg', lambda xp: (1.0, 2.0),
     {'err_msg': 'hello'})
case('assert_almost_equal', 'verbose-False', lambda xp: (1.0, 2.0),
     {'verbose': False})
case('assert_almost_equal', 'array-err_msg', arr([1.0], [2.0]),
     {'err_msg': 'hello'})

# assert_approx_equal
APPROX = [
    ('equal', 1.0, 1.0, {}, PASS),
    ('close', 1.2345678, 1.2345679, {}, PASS),
    ('differ', 1.234567, 1.234568, {}, FAIL),
    ('differ-sig6', 1.234567, 1.234568, {'significant': 6}, PASS),
    ('big', 1.23e20, 1.2300001e20, {'significant': 6}, PASS),
    ('big-fail', 1.23e20, 1.24e20, {'significant': 3}, FAIL),
    ('small', 1e-10, 1.00001e-10, {}, FAIL),
    ('small-pass', 1e-10, 1.0000001e-10, {}, PASS),
    ('nan', nan, nan, {}, PASS),
    ('nan-num', nan, 1.0, {}, FAIL),
    ('inf', inf, inf, {}, PASS),
    ('inf-neg', inf, -inf, {}, FAIL),
    ('zero-num', 0.0, 1e-12, {}, FAIL),
    ('err_msg', 1.0, 2.0, {'err_msg': 'why'}, FAIL),
    ('verbose-False', 1.0, 2.0, {'verbose': False}, FAIL),
    ('ints', 10, 11, {'significant': 1}, PASS),
]
for cid, a, b, kw, exp in APPROX:
    case('assert_approx_equal', cid, lambda xp, a=a, b=b: (a, b), kw, exp,
         mixed=False)
    case('assert_approx_equal', f'{cid}-arrayscalar',
         lambda xp, a=a, b=b: (xp.float64(a), xp.float64(b)), kw, exp)

# assert_equal on Python structures and scalars
EQUAL = [
    ('int', 1, 1, PASS),
    ('int-differ', 1, 2, FAIL),
    ('str', 'abc', 'abc', PASS),
    ('str-differ', 'abc', 'abd', FAIL),
    ('none', None, None, PASS),
    ('none-vs-0', None, 0, FAIL),
    ('nan', nan, nan, PASS),
    ('nan-vs-1', nan, 1.0, FAIL),
    ('signed-zero', 0.0, -0.0, FAIL),
    ('signed-zero-same', -0.0, -0.0, PASS),
    ('complex', 1 + 2j, 1 + 2j, PASS),
    ('complex-differ', 1 + 2j, 1 + 3j, FAIL),
    ('complex-nan', complex(nan, 1), complex(nan, 1), PASS),
    ('list', [1, 2, [3, 4]], [1, 2, [3, 4]], PASS),
    ('list-differ', [1, 2, [3, 4]], [1, 2, [3, 5]], FAIL),
    ('list-len', [1, 2], [1, 2, 3], FAIL),
    ('tuple-list', (1, 2), [1, 2], PASS),
    ('dict', {'a': 1, 'b': [1, 2]}, {'a': 1, 'b': [1, 2]}, PASS),
    ('dict-differ', {'a': 1, 'b': [1, 2]}, {'a': 1, 'b': [1, 3]}, FAIL),
    ('dict-key', {'a': 1}, {'b': 1}, FAIL),
    ('dict-vs-list', [1], {'a': 1}, FAIL),
    ('dict-len', {'a': 1}, {'a': 1, 'b': 2}, FAIL),
    ('scalar-vs-list', 1, [1], FAIL),
    ('str-vs-int', '1', 1, FAIL),
    ('bool', True, True, PASS),
    ('bool-int', True, 1, PASS),
]
for cid, a, b, exp in EQUAL:
    case('assert_equal', f'py-{cid}', lambda xp, a=a, b=b: (a, b), {}, exp,
         mixed=False)
case('assert_equal', 'err_msg', lambda xp: (1, 2), {'err_msg': 'ctx'},
     mixed=False)
case('assert_equal', 'verbose-False', lambda xp: (1, 2), {'verbose': False},
     mixed=False)

SCALAR_EQUAL = [
    ('f64', 'float64', 1.5, 1.5, PASS),
    ('f64-differ', 'float64', 1.5, 2.5, FAIL),
    ('f32-nan', 'float32', nan, nan, PASS),
    ('f64-signed-zero', 'float64', 0.0, -0.0, FAIL),
    ('i64', 'int64', 3, 3, PASS),
    ('i8-differ', 'int8', 3, 4, FAIL),
    ('u8', 'uint8', 200, 200, PASS),
    ('c128', 'complex128', 1 + 2j, 1 + 3j, FAIL),
    ('bool', 'bool', True, False, FAIL),
    ('M8-nat', 'datetime64[D]', 'NaT', 'NaT', PASS),
    ('M8', 'datetime64[D]', '2020-01-01', '2020-01-02', FAIL),
    ('M8-same', 'datetime64[s]', '2020-01-01', '2020-01-01', PASS),
    ('m8-nat', 'timedelta64[s]', 'NaT', 'NaT', PASS),
    ('m8', 'timedelta64[s]', 1, 2, FAIL),
]
for cid, dt, a, b, exp in SCALAR_EQUAL:
    case('assert_equal', f'scalar-{cid}',
         lambda xp, a=a, b=b, dt=dt: (xp.array(a, dtype=dt)[()],
                                      xp.array(b, dtype=dt)[()]), {}, exp)
case('assert_equal', 'nat-vs-nat-other-type',
     lambda xp: (xp.datetime64('NaT'), xp.timedelta64('NaT')), {})
case('assert_equal', 'scalar-vs-0d', lambda xp: (xp.float64(1.0),
                                                 xp.array(1.0)), {}, PASS)
case('assert_equal', 'list-of-arrays',
     lambda xp: ([xp.array([1, 2]), 3], [xp.array([1, 3]), 3]))
case('assert_equal', 'dict-of-arrays',
     lambda xp: ({'k': xp.array([1.0, nan])}, {'k': xp.array([1.0, 2.0])}))
case('assert_equal', 'array-vs-list', lambda xp: (xp.array([1, 2]), [1, 2]),
     {}, PASS)
case('assert_equal', 'array-strict', lambda xp: (xp.array([1, 2]), [1, 2.0]),
     {'strict': True})
case('assert_equal', 'array-vs-scalar', lambda xp: (xp.array([2, 2]), 2),
     {}, PASS)

# assert_array_equal err_msg / verbose
for cid, kw in (('err_msg', {'err_msg': 'short'}),
                ('err_msg-long', {'err_msg': 'y' * 80}),
                ('err_msg-nl', {'err_msg': 'line1\nline2'}),
                ('verbose-False', {'verbose': False})):
    case('assert_array_equal', cid, arr([1, 2], [1, 3]), kw)
    case('assert_array_equal', f'{cid}-shape', arr([1, 2], [1, 2, 3]), kw)
    case('assert_array_equal', f'{cid}-nan', arr([nan, 2], [1, nan]), kw)
    case('assert_array_almost_equal', cid, arr([1, 2], [1, 3]), kw)

# assert_array_compare with custom comparisons and options
CMP_OPS = {
    'le': lambda x, y: x <= y,
    'ge': lambda x, y: x >= y,
    'ne': lambda x, y: x != y,
}
for op_name, op in CMP_OPS.items():
    for kw_id, kw in (('default', {}),
                      ('header', {'header': 'My header'}),
                      ('names', {'names': ('A', 'B'), 'header': 'H'}),
                      ('precision', {'precision': 2}),
                      ('no-nan', {'equal_nan': False}),
                      ('no-inf', {'equal_inf': False})):
        case('assert_array_compare', f'{op_name}-{kw_id}',
             lambda xp, op=op: (op, xp.array([1.123456, 2.0, nan]),
                                xp.array([1.0, 2.0, nan])), kw,
             PASS if op_name == 'ge' and kw_id != 'no-nan' else FAIL,
             mixed=False)
case('assert_array_compare', 'eq-pass',
     lambda xp: (lambda x, y: x == y, xp.array([1, 2]), xp.array([1, 2])),
     {}, PASS, mixed=False)
case('assert_array_compare', 'eq-strict',
     lambda xp: (lambda x, y: x == y, xp.array([1, 2]),
                 xp.array([1.0, 2.0])), {'strict': True}, FAIL, mixed=False)
case('assert_array_compare', 'bool-result',
     lambda xp: (lambda x, y: False, xp.array([1, 2]), xp.array([1, 2])),
     {}, FAIL, mixed=False)


# mixed dtypes, object arithmetic, datetime units, structured, errors
case('assert_array_equal', 'ragged-lists',
     lambda xp: ([[1, 2], [3]], [[1, 2], [3]]), {}, 'ValueError',
     mixed=False)
case('assert_array_equal', 'object-numbers',
     arr([1, 2.5], [1, 3.5], dtype=object))
case('assert_allclose', 'object-numbers',
     arr([1, 2.5], [1, 3.5], dtype=object), {}, 'TypeError')
case('assert_array_almost_equal', 'object-ints', arr([1, 2], [1, 3],
                                                     dtype=object))
case('assert_array_equal', 'object-none',
     arr([None, 1], [None, 2], dtype=object))
case('assert_array_equal', 'datetime-units-equal',
     lambda xp: (xp.array(['2020-01-01'], dtype='M8[D]'),
                 xp.array(['2020-01-01T00'], dtype='M8[h]')), {}, PASS)
case('assert_array_equal', 'datetime-units-differ',
     lambda xp: (xp.array(['2020-01-01'], dtype='M8[D]'),
                 xp.array(['2020-01-02T00'], dtype='M8[h]')))
case('assert_array_equal', 'str-vs-int', arr(['a', 'b'], [1, 2]))
case('assert_array_equal', 'structured',
     arr([(1, 2.0)], [(1, 3.0)], dtype='i4,f8'))
case('assert_array_less', 'str', arr(['a', 'b'], ['b', 'a']))
case('assert_array_less', 'uint64', arr([3, 2], [2, 1], dtype='u8'))
case('assert_array_equal', 'timedelta', arr([1, 2], [1, 3], dtype='m8[s]'))
# the promotion error's wording is the core's, not rumpy.testing's
case('assert_allclose', 'str', arr(['a'], ['a']), {}, 'DTypePromotionError',
     mixed=False, same_msg=False)
case('assert_equal', 'array-vs-tuple',
     lambda xp: (xp.array([1, 2]), (1, 3)))
case('assert_equal', 'scalar-vs-1d', lambda xp: (xp.float64(1.0),
                                                 xp.array([1.0])), {}, PASS)
case('assert_equal', 'str-vs-str_', lambda xp: ('a', xp.str_('a')), {}, PASS)
case('assert_equal', 'str_-differ', lambda xp: (xp.str_('a'), xp.str_('b')))
case('assert_equal', 'nan-scalar-vs-float',
     lambda xp: (xp.float64(nan), nan), {}, PASS)
case('assert_equal', 'datetime-vs-nat',
     lambda xp: (xp.datetime64('2020-01-01'), xp.datetime64('NaT')))
case('assert_almost_equal', '0d-arrays', arr(1.0, 2.0))
case('assert_almost_equal', 'strings', lambda xp: ('a', 'a'), {},
     'TypeError', mixed=False)
case('assert_approx_equal', '0d-arrays', arr(1.0, 1.5))
case('assert_array_equal', '0d-close', arr(1.0 + 1e-9, 1.0))
case('assert_allclose', 'huge-opposite', arr([1e300, 1.0], [-1e300, 1.0]))
case('assert_array_equal', 'precision-2d',
     arr([[1.123456789, 2], [3, 4]], [[1.1234567, 2], [3, 4]]))
case('assert_array_almost_equal', 'precision-2d',
     arr([[1.123456789, 2], [3, 4]], [[1.1234, 2], [3, 4]]))
case('assert_array_equal', 'f4-vs-f8',
     lambda xp: (xp.array([1, 2], dtype='f4'), xp.array([1, 2.1])))
case('assert_array_equal', 'bool-vs-int', arr([True], [1]), {}, PASS)
case('assert_array_equal', 'empty-shapes', lambda xp: (xp.zeros((3, 0)),
                                                       xp.zeros((0, 3))))
case('assert_array_equal', 'bcast-0d-array',
     lambda xp: (xp.zeros((2, 3)), xp.ones(())))

case('assert_array_almost_equal', 'decimal2-repr',
     arr([1.23456, 2.5], [1.5, 2.5]), {'decimal': 2})
case('assert_array_equal', 'five-mismatches',
     arr([1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 6]))
case('assert_array_equal', 'six-mismatches',
     arr([1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0]))
case('assert_array_equal', '0d-nan-vs-nans', arr(nan, [nan, nan]), {}, PASS)
case('assert_array_equal', '0d-nan-vs-mixed', arr(nan, [nan, 1.0]))
case('assert_array_equal', '0d-inf-vs-infs', arr(inf, [inf, inf]), {}, PASS)
case('assert_allclose', '0d-vs-array-rel', arr(2.0, [2.0, 3.0, 0.0]))



def _sdt(xp, na):
    if na == 'none':
        return xp.dtypes.StringDType()
    return xp.dtypes.StringDType(na_object={'nan': nan, 'None': None,
                                            'empty': ''}[na])


STRING_DTYPE = [
    ('equal', ['a', 'bb'], ['a', 'bb'], PASS),
    ('differ', ['a', 'bb'], ['a', 'bc'], FAIL),
    ('na-same', ['a', 'NA', 'c'], ['a', 'NA', 'c'], PASS),
    ('na-pos', ['a', 'NA', 'c'], ['a', 'b', 'NA'], FAIL),
    ('na-and-differ', ['a', 'NA', 'c'], ['x', 'NA', 'c'], FAIL),
]
for na in ('none', 'nan', 'None', 'empty'):
    for cid, a, b, exp in STRING_DTYPE:
        if na == 'none' and 'NA' in a:
            continue

        def build(xp, a=a, b=b, na=na):
            dt = _sdt(xp, na)
            miss = dt.na_object if hasattr(dt, 'na_object') else None
            fa = [miss if e == 'NA' else e for e in a]
            fb = [miss if e == 'NA' else e for e in b]
            return xp.array(fa, dtype=dt), xp.array(fb, dtype=dt)
        for fn in ('assert_array_equal', 'assert_equal'):
            case(fn, f'StringDType-{na}-{cid}', build, {}, exp)
    case('assert_array_equal', f'StringDType-{na}-equal_nan-off',
         lambda xp, na=na: (xp.array(['a', 'b'], dtype=_sdt(xp, na)),
                            xp.array(['a', 'c'], dtype=_sdt(xp, na))),
         {'strict': True})



def _cmp_raises_value_error(x, y):
    raise ValueError('comparison refused')


case('assert_array_compare', 'comparison-ValueError',
     lambda xp: (_cmp_raises_value_error, xp.array([1, 2]), xp.array([1, 2])),
     {'header': 'HDR', 'err_msg': 'em'}, 'ValueError', mixed=False)
case('assert_array_compare', 'comparison-TypeError',
     lambda xp: (lambda x, y: x < None, xp.array([1, 2]), xp.array([1, 2])),
     {}, 'TypeError', mixed=False)


@pytest.mark.parametrize('name,build,kwargs,expect,mixed,same_msg', CASES)
def test_against_numpy(name, build, kwargs, expect, mixed, same_msg):
    compare(name, build, kwargs, expect, mixed, same_msg)


# ---------------------------------------------------------------------------
# assert_string_equal

STRINGS = [
    ('same', 'abc\ndef\n', 'abc\ndef\n', PASS),
    ('one-line', 'hello', 'hellp', FAIL),
    ('multi-line', 'a\nb\nc\n', 'a\nB\nc\n', FAIL),
    ('trailing', 'foo\nbar', 'foo\nbaz', FAIL),
    ('extra-line', 'a\nb\n', 'a\nb\nc\n', FAIL),
    ('not-str', 1, 'a', FAIL),
    ('not-str-desired', 'a', b'a', FAIL),
]


@pytest.mark.parametrize('a,b,expect', [s[1:] for s in STRINGS],
                         ids=[s[0] for s in STRINGS])
def test_assert_string_equal(a, b, expect):
    want = outcome(nt, 'assert_string_equal', (a, b), {})
    got = outcome(rt, 'assert_string_equal', (a, b), {})
    assert want[0] == expect
    assert got == want


# ---------------------------------------------------------------------------
# build_err_msg

BUILD = [
    ('default', {}),
    ('header', {'header': 'Header:'}),
    ('names', {'names': ('X', 'Y')}),
    ('precision', {'precision': 3}),
    ('verbose-False', {'verbose': False}),
]


@pytest.mark.parametrize('kw', [b[1] for b in BUILD],
                         ids=[b[0] for b in BUILD])
@pytest.mark.parametrize('err_msg', ['', 'short', 'z' * 90, 'two\nlines'],
                         ids=['empty', 'short', 'long', 'two-lines'])
def test_build_err_msg(kw, err_msg):
    vals = ([1.123456789, 2.0], [[1, 2]] * 10)
    want = nt.build_err_msg([np.array(v) for v in vals], err_msg, **kw)
    got = rt.build_err_msg([rp.array(v) for v in vals], err_msg, **kw)
    assert got == want
    # numpy's arrays are shown as numpy shows them
    assert rt.build_err_msg([np.array(v) for v in vals], err_msg, **kw) == want
    # non-array objects go through repr
    assert (rt.build_err_msg([1.5, 'a'], err_msg, **kw)
            == nt.build_err_msg([1.5, 'a'], err_msg, **kw))


def test_build_err_msg_repr_failure():
    class Bad:
        def __repr__(self):
            raise RuntimeError('boom')
    msg = rt.build_err_msg([Bad(), 1], 'e')
    assert msg == nt.build_err_msg([Bad(), 1], 'e')
    assert '[repr failed for <Bad>: boom]' in msg


# ---------------------------------------------------------------------------
# ULP based comparisons

ULP_DTYPES = ['float16', 'float32', 'float64']


@pytest.mark.parametrize('dt', ULP_DTYPES)
@pytest.mark.parametrize('steps,nulp', [(0, 1), (1, 1), (2, 1), (3, 5),
                                        (50, 10)],
                         ids=['same', 'one', 'two', 'three-of-5', 'fifty'])
def test_nulp(dt, steps, nulp):
    def build(xp):
        x = xp.array([1.0, 2.5, -3.0, 1e-3], dtype=dt)
        y = x.copy()
        for _ in range(steps):
            y = xp.nextafter(y, xp.array(xp.inf, dtype=dt))
        return x, y
    nx, ny = build(np)
    rx, ry = build(rp)
    for name, kw in (('assert_array_almost_equal_nulp', {'nulp': nulp}),
                     ('assert_array_max_ulp', {'maxulp': nulp})):
        want = outcome(nt, name, (nx, ny), kw)
        got = outcome(rt, name, (rx, ry), kw)
        assert want[0] == (PASS if steps <= nulp else FAIL)
        assert got == want
    if steps <= nulp:
        nret = nt.assert_array_max_ulp(nx, ny, maxulp=nulp)
        rret = rt.assert_array_max_ulp(rx, ry, maxulp=nulp)
        assert str(rret.dtype) == str(nret.dtype)
        assert rret.shape == nret.shape
        assert rret.tolist() == nret.tolist()


@pytest.mark.parametrize('vals', [[-1.0], [-1.0, -2.0], [-0.0, 0.0],
                                  [-1e-300, 5.0]],
                         ids=['one-neg', 'two-neg', 'signed-zero', 'tiny'])
@pytest.mark.parametrize('dt', ULP_DTYPES)
def test_max_ulp_small_arrays(vals, dt):
    nx = np.array(vals, dtype=dt)
    rx = rp.array(vals, dtype=dt)
    ny = np.nextafter(nx, np.array(-np.inf, dtype=dt))
    ry = rp.nextafter(rx, rp.array(-rp.inf, dtype=dt))
    nret = nt.assert_array_max_ulp(nx, ny, maxulp=2)
    rret = rt.assert_array_max_ulp(rx, ry, maxulp=2)
    assert rret.tolist() == nret.tolist()
    assert outcome(rt, 'assert_array_max_ulp', (rx, ry * 3), {}) == \
        outcome(nt, 'assert_array_max_ulp', (nx, ny * 3), {})


def test_max_ulp_dtype_and_scalar():
    nret = nt.assert_array_max_ulp(1.0, np.nextafter(1.0, 2.0), dtype='f4')
    rret = rt.assert_array_max_ulp(1.0, rp.nextafter(1.0, 2.0), dtype='f4')
    assert rret.tolist() == nret.tolist() and str(rret.dtype) == 'float32'
    with pytest.raises(NotImplementedError):
        rt.assert_array_max_ulp(rp.array([1j]), rp.array([1j]))
    with pytest.raises(ValueError, match='Arrays do not have the same '):
        rt.assert_array_max_ulp(rp.array([1.0, 2.0]), rp.array([1.0, 2, 3]))
    with pytest.raises(ValueError, match='Arrays do not have the same '):
        nt.assert_array_max_ulp(np.array([1.0, 2.0]), np.array([1.0, 2, 3]))


def test_nulp_complex_message():
    args = ([1 + 1j], [1 + 2j])
    want = outcome(nt, 'assert_array_almost_equal_nulp',
                   tuple(np.array(a) for a in args), {})
    got = outcome(rt, 'assert_array_almost_equal_nulp',
                  tuple(rp.array(a) for a in args), {})
    assert want[0] == FAIL and got == want


# ---------------------------------------------------------------------------
# exceptions and warnings


def _raise(exc, msg=''):
    raise exc(msg)


def _warn(msg='careful', cat=UserWarning):
    warnings.warn(msg, cat)
    return 7


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_assert_raises(mod):
    mod.assert_raises(ValueError, _raise, ValueError)
    with mod.assert_raises(KeyError):
        {}['x']
    with pytest.raises(AssertionError, match='ValueError not raised'):
        mod.assert_raises(ValueError, lambda: None)
    with pytest.raises(TypeError):
        mod.assert_raises(ValueError, _raise, TypeError)
    mod.assert_raises_regex(ValueError, 'b.d', _raise, ValueError, 'a bad x')
    with pytest.raises(AssertionError, match='does not match'):
        mod.assert_raises_regex(ValueError, 'good', _raise, ValueError, 'bad')
    with mod.assert_raises_regex(RuntimeError, '^x'):
        raise RuntimeError('xyz')


def test_assert_raises_same_message():
    want = outcome(nt, 'assert_raises', (ValueError, lambda: None), {})
    got = outcome(rt, 'assert_raises', (ValueError, lambda: None), {})
    assert want[0] == FAIL and got == want


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_assert_warns(mod):
    with pytest.warns(DeprecationWarning):
        assert mod.assert_warns(UserWarning, _warn) == 7
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        with mod.assert_warns(RuntimeWarning):
            warnings.warn('x', RuntimeWarning)
        with pytest.raises(AssertionError) as info:
            mod.assert_warns(UserWarning, lambda: 1)
        assert str(info.value) == 'No warning raised when calling <lambda>'
        with pytest.raises(AssertionError, match='^No warning raised$'):
            with mod.assert_warns(UserWarning):
                pass
        # a warning of another class is not caught by the check
        with pytest.raises(AssertionError):
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                mod.assert_warns(RuntimeWarning, _warn)
        with pytest.raises(RuntimeError, match="'match'"):
            mod.assert_warns(UserWarning, match='x')


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_assert_no_warnings(mod):
    assert mod.assert_no_warnings(lambda x: x + 1, 1) == 2
    with mod.assert_no_warnings():
        pass
    with pytest.raises(AssertionError,
                       match='^Got warnings when calling _warn: '):
        mod.assert_no_warnings(_warn)
    with pytest.raises(AssertionError, match='^Got warnings: '):
        with mod.assert_no_warnings():
            warnings.warn('w')


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_suppress_warnings(mod):
    with pytest.warns(DeprecationWarning):
        sup = mod.suppress_warnings()
    with sup:
        log = sup.record(UserWarning, 'care')
        sup.filter(RuntimeWarning)
        _warn('careful')
        _warn('careless')
        warnings.warn('rt', RuntimeWarning)
        with pytest.warns(UserWarning, match='other'):
            _warn('other')
    assert len(log) == 2 and len(sup.log) == 2
    assert str(log[0].message) == 'careful'
    with pytest.raises(ValueError, match='unsupported forwarding rule'):
        mod.suppress_warnings('never', _warn=False)
    sup2 = mod.suppress_warnings(_warn=False)
    rec = sup2.record(UserWarning)

    @sup2
    def func():
        _warn('a')
        return 3
    assert func() == 3 and len(rec) == 1
    assert func() == 3 and len(rec) == 1   # cleared on each entry
    with pytest.raises(RuntimeError, match='twice'):
        with sup2:
            sup2.__enter__()


def test_suppress_warnings_module_filter():
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        sup = rt.suppress_warnings()
    with sup:
        log = sup.record(UserWarning, module=sys.modules[__name__])
        _warn('from this module')
    assert len(log) == 1


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_clear_and_catch_warnings(mod):
    this = sys.modules[__name__]
    this.__warningregistry__ = {'sentinel': 1}
    with mod.clear_and_catch_warnings(record=True, modules=[this]) as w:
        assert this.__warningregistry__ == {}
        warnings.simplefilter('always')
        _warn('x')
    assert len(w) == 1
    assert this.__warningregistry__ == {'sentinel': 1}
    del this.__warningregistry__


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_assert_no_gc_cycles(mod):
    mod.assert_no_gc_cycles(lambda: [1, 2])
    with mod.assert_no_gc_cycles():
        rp.arange(3) + 1

    def make_cycle():
        a = []
        a.append(a)
    with pytest.raises(AssertionError,
                       match='^Reference cycles were found when calling '
                             'make_cycle: 1 objects were collected'):
        mod.assert_no_gc_cycles(make_cycle)
    assert gc.isenabled()


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_assert_(mod):
    mod.assert_(True)
    with pytest.raises(AssertionError, match='^plain$'):
        mod.assert_(0, 'plain')
    with pytest.raises(AssertionError, match='^lazy$'):
        mod.assert_(False, lambda: 'lazy')


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_print_assert_equal(mod):
    mod.print_assert_equal('t', [1], [1])
    with pytest.raises(AssertionError) as info:
        mod.print_assert_equal('t', {'a': 1}, {'a': 2})
    want = "t failed\nACTUAL: \n{'a': 1}\nDESIRED: \n{'a': 2}\n"
    assert str(info.value) == want


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_temp_helpers(mod):
    with mod.tempdir(prefix='rpt') as d:
        assert os.path.isdir(d) and os.path.basename(d).startswith('rpt')
        with mod.temppath(dir=d, suffix='.txt') as p:
            assert os.path.isfile(p) and p.endswith('.txt')
        assert not os.path.exists(p)
    assert not os.path.exists(d)
    mod.break_cycles()


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_run_threaded(mod):
    seen = []
    mod.run_threaded(seen.append, max_workers=4, pass_count=True)
    assert sorted(seen) == [0, 1, 2, 3]
    hits = []

    def with_barrier(extra, b):
        b.wait()
        hits.append(extra)
    mod.run_threaded(with_barrier, max_workers=3, pass_barrier=True,
                     prepare_args=lambda: ['z'], outer_iterations=2)
    assert hits == ['z'] * 6


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
def test_decorate_methods_and_measure(mod):
    class T:
        def test_a(self):
            return 1

        def helper(self):
            return 2
    mod.decorate_methods(T, lambda f: (lambda self: f(self) * 10))
    assert T().test_a() == 10 and T().helper() == 2
    assert mod.measure('x = 1 + 1', times=3) >= 0
    assert isinstance(mod.jiffies(), int)
    ns = {}
    mod.runstring('y = 5', ns)
    assert ns['y'] == 5


def test_rundocs(tmp_path):
    good = tmp_path / 'good_mod.py'
    good.write_text('def f():\n    """\n    >>> 1 + 1\n    2\n    """\n')
    bad = tmp_path / 'bad_mod.py'
    bad.write_text('def f():\n    """\n    >>> 1 + 1\n    3\n    """\n')
    rt.rundocs(str(good))
    with pytest.raises(AssertionError, match='Some doctests failed'):
        rt.rundocs(str(bad))
    rt.rundocs(str(bad), raise_on_error=False)


def test_flags_and_names():
    for flag in ('IS_PYPY', 'HAS_REFCOUNT', 'IS_WASM', 'IS_PYSTON',
                 'NOGIL_BUILD', 'IS_64BIT', 'IS_MUSL'):
        assert getattr(rt, flag) == getattr(nt, flag), flag
    assert rt.SkipTest is nt.SkipTest
    assert rt.TestCase is nt.TestCase
    assert issubclass(rt.KnownFailureException, Exception)
    assert issubclass(rt.IgnoreException, Exception)
    assert rt.verbose == nt.verbose
    assert rt.NUMPY_ROOT == type(nt.NUMPY_ROOT)(rp.__file__).parent
    assert isinstance(rt.check_support_sve(), bool)
    assert isinstance(rt.memusage(), (int, type(None)))
    assert sorted(rt.__all__) == sorted(nt.__all__)
    for name in rt.__all__:
        assert hasattr(rt, name), name
    assert rp.testing is rt


def test_mismatch_listing_limits():
    # more than five mismatches list only the first five
    msg_np = outcome(nt, 'assert_array_equal',
                     (np.arange(12).reshape(3, 4), np.zeros((3, 4))), {})
    msg_rp = outcome(rt, 'assert_array_equal',
                     (rp.arange(12).reshape(3, 4), rp.zeros((3, 4))), {})
    assert 'First 5 mismatches are at indices:' in msg_np[1]
    assert msg_rp == msg_np


def test_no_numpy_needed():
    # the implementation must not import numpy
    import rumpy.testing._utils as impl
    src = open(impl.__file__).read()
    assert not re.search(r'^\s*(import|from)\s+numpy', src, re.M)


def test_overrides():
    ro = rt.overrides
    no = nt.overrides
    assert sorted(ro.__all__) == sorted(
        n for n in dir(no) if not n.startswith('_'))
    ufuncs = ro.get_overridable_numpy_ufuncs()
    assert rp.add in ufuncs and rp.sin in ufuncs and len(ufuncs) > 50
    assert all(isinstance(u, rp.ufunc) for u in ufuncs)
    # rumpy's public ufuncs are among numpy's
    assert {u.__name__ for u in ufuncs} <= {
        u.__name__ for u in no.get_overridable_numpy_ufuncs()}
    assert ro.allows_array_ufunc_override(rp.add)
    assert not ro.allows_array_ufunc_override(rp.sum)
    assert not ro.allows_array_ufunc_override(np.add)
    funcs = ro.get_overridable_numpy_array_functions()
    assert rp.sum in funcs and rp.concatenate in funcs
    assert not ro.allows_array_function_override(len)
    assert ro.allows_array_function_override(rp.where)
    assert not ro.allows_array_function_override([])
    np_names = {f.__name__ for f in no.get_overridable_numpy_array_functions()}
    assert {f.__name__ for f in funcs} - np_names <= {'concat', 'permute_dims'}


def test_works_without_numpy():
    # rumpy.testing must not need numpy: block its import in a fresh process
    import subprocess
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "import rumpy as rp, rumpy.testing as rt\n"
        "rt.assert_allclose(rp.array([1.0, 2.0]), [1.0, 2.0])\n"
        "rt.assert_equal({'a': [1, 2]}, {'a': [1, 2]})\n"
        "try:\n"
        "    rt.assert_array_equal([1, 2, 3], rp.array([1, 5, 3]))\n"
        "except AssertionError as e:\n"
        "    print(e)\n"
    )
    res = subprocess.run([sys.executable, '-c', code], capture_output=True,
                         text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    want = outcome(nt, 'assert_array_equal', ([1, 2, 3], np.array([1, 5, 3])),
                   {})
    assert res.stdout == want[1] + '\n'


ULP_MISC = [
    ('nulp-lists', 'assert_array_almost_equal_nulp',
     lambda xp: ([1.0, 2.0], [1.0, 2.0]), {}),
    ('nulp-scalars', 'assert_array_almost_equal_nulp',
     lambda xp: (1.0, 1.5), {'nulp': 3}),
    ('nulp-f32-vs-f64', 'assert_array_almost_equal_nulp',
     lambda xp: (xp.array([1.0], dtype='f4'), xp.array([1.0 + 1e-7])), {}),
    ('nulp-inf', 'assert_array_almost_equal_nulp',
     lambda xp: (xp.array([xp.inf]), xp.array([xp.inf])), {}),
    ('max_ulp-scalars', 'assert_array_max_ulp', lambda xp: (1.0, 1.0), {}),
    ('max_ulp-f32-scalar', 'assert_array_max_ulp',
     lambda xp: (xp.float32(1.0), 1.0), {}),
    ('max_ulp-2d', 'assert_array_max_ulp',
     lambda xp: (xp.array([[1.0, 2]]), [[1.0, 2.5]]), {'maxulp': 10}),
    ('max_ulp-nan', 'assert_array_max_ulp',
     lambda xp: (xp.array([xp.nan]), xp.array([xp.nan])), {}),
    ('max_ulp-ints', 'assert_array_max_ulp',
     lambda xp: (xp.array([1, 2]), xp.array([1, 3])), {}),
]


@pytest.mark.parametrize('name,build,kw', [c[1:] for c in ULP_MISC],
                         ids=[c[0] for c in ULP_MISC])
def test_ulp_misc(name, build, kw):
    want = outcome(nt, name, build(np), kw)
    got = outcome(rt, name, build(rp), kw)
    assert got == want
    if want[0] == PASS and name == 'assert_array_max_ulp':
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            nret = nt.assert_array_max_ulp(*build(np), **kw)
            rret = rt.assert_array_max_ulp(*build(rp), **kw)
        assert rret.shape == nret.shape and str(rret.dtype) == str(nret.dtype)
        np.testing.assert_array_equal(np.asarray(rret.tolist()),
                                      nret)


@pytest.mark.parametrize('mod', [nt, rt], ids=['numpy', 'rumpy'])
@pytest.mark.parametrize('rule,count', [('always', 5), ('once', 2),
                                        ('module', 2), ('location', 3)])
def test_suppress_warnings_forwarding(mod, rule, count):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter('always')
        with mod.suppress_warnings(rule, _warn=False):
            for _ in range(2):
                warnings.warn('same', UserWarning)
            for _ in range(2):
                warnings.warn('same', UserWarning)
            warnings.warn('other', UserWarning)
    assert len(log) == count
