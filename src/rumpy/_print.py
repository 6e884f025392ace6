"""Pure-Python array printing for rumpy, matching NumPy 2.x output exactly.

This module must not import numpy.  It formats any object that provides the
small "array protocol" described below, character-for-character the way
``numpy.array_repr`` / ``numpy.array_str`` / ``numpy.array2string`` and the
numpy scalar ``repr``/``str`` do.

Array protocol used (rumpy's ndarray provides it; numpy arrays do too):

* ``a.shape`` (tuple of ints), ``a.ndim``, ``a.size``
* ``a.dtype`` with ``.kind`` (``'b'``, ``'i'``, ``'u'``, ``'f'``, ``'c'``),
  ``.name`` (``'float64'``, ``'int32'``, ``'bool'``, ...) and ``.itemsize``
* ``a[idx]`` with ``idx`` a tuple of slices (basic indexing, returns an array)
* ``a.tolist()`` -> nested lists of Python bool/int/float/complex (a plain
  scalar for 0-d arrays).  float16/float32 values are Python floats holding
  the exact value of the narrow float.

Attribution: the array layout logic (``_formatArray``, ``FloatingFormat``,
options handling, repr/str) is adapted from NumPy's
``numpy/_core/arrayprint.py`` and the float digit generation is a port of
NumPy's ``dragon4.c`` (itself based on Ryan Juckett's Dragon4
implementation).  NumPy is Copyright (c) 2005-2025, NumPy Developers,
BSD-3-Clause licensed; dragon4.c is Copyright (c) 2014 Ryan Juckett, zlib
licensed.

Differences from numpy (by design): formatter callables receive Python
values rather than numpy scalars; ``legacy='1.13'`` is honoured by the array
layout code but not for 0-d arrays / scalars (numpy's C legacy formatting);
an unknown ``legacy`` string warns like numpy but is then ignored instead of
being stored; results longer than numpy's 16 KiB Dragon4 buffer (absurd
precisions) are not truncated/rejected the way numpy does.
"""

import contextlib
import math
import numbers
import operator
import struct
import sys
import warnings
from contextvars import ContextVar

try:  # the digits of float16/32/64 in Rust; the module also loads alone, in pure Python
    from ._core import _dragon4_positional as _rust_positional
    from ._core import _dragon4_scientific as _rust_scientific
except ImportError:
    _rust_positional = _rust_scientific = None

__all__ = [
    "array2string", "array_str", "array_repr",
    "set_printoptions", "get_printoptions", "printoptions",
    "scalar_repr", "scalar_str",
    "format_float_positional", "format_float_scientific",
]

# ---------------------------------------------------------------------------
# Print options (kept in a ContextVar like numpy/_core/printoptions.py)
# ---------------------------------------------------------------------------

_default_format_options = {
    "edgeitems": 3,
    "threshold": 1000,
    "floatmode": "maxprec",
    "precision": 8,
    "suppress": False,
    "linewidth": 75,
    "nanstr": "nan",
    "infstr": "inf",
    "sign": "-",
    "formatter": None,
    # stored as an int (like numpy) to simplify comparisons
    "legacy": sys.maxsize,
    "override_repr": None,
}

format_options = ContextVar("rumpy_format_options",
                            default=_default_format_options)

_LEGACY_TO_INT = {'1.13': 113, '1.21': 121, '1.25': 125, '2.1': 201,
                  '2.2': 202}
_INT_TO_LEGACY = {113: '1.13', 121: '1.21', 125: '1.25', 201: '2.1',
                  202: '2.2', sys.maxsize: False}


def _make_options_dict(precision=None, threshold=None, edgeitems=None,
                       linewidth=None, suppress=None, nanstr=None, infstr=None,
                       sign=None, formatter=None, floatmode=None, legacy=None,
                       override_repr=None):
    """Dict of the non-None arguments, with sanity checks (as numpy)."""
    options = {k: v for k, v in list(locals().items()) if v is not None}

    if suppress is not None:
        options['suppress'] = bool(suppress)

    modes = ['fixed', 'unique', 'maxprec', 'maxprec_equal']
    if floatmode not in modes + [None]:
        raise ValueError("floatmode option must be one of " +
                         ", ".join(f'"{m}"' for m in modes))

    if sign not in [None, '-', '+', ' ']:
        raise ValueError("sign option must be one of ' ', '+', or '-'")

    if legacy is False:
        options['legacy'] = sys.maxsize
    elif legacy == False:  # noqa: E712
        warnings.warn(f"Passing `legacy={legacy!r}` is deprecated.",
                      FutureWarning, stacklevel=3)
        options['legacy'] = sys.maxsize
    elif legacy is None:
        pass
    elif isinstance(legacy, str) and legacy in _LEGACY_TO_INT:
        options['legacy'] = _LEGACY_TO_INT[legacy]
    else:
        # numpy stores the unknown value (breaking later calls); we ignore it
        del options['legacy']
        warnings.warn(
            "legacy printing option can currently only be '1.13', '1.21', "
            "'1.25', '2.1', '2.2' or `False`", stacklevel=3)

    if threshold is not None:
        if not isinstance(threshold, numbers.Number):
            raise TypeError("threshold must be numeric")
        if threshold != threshold:
            raise ValueError("threshold must be non-NAN, try "
                             "sys.maxsize for untruncated representation")

    if precision is not None:
        try:
            options['precision'] = operator.index(precision)
        except TypeError as e:
            raise TypeError('precision must be an integer') from e

    return options


def set_printoptions(precision=None, threshold=None, edgeitems=None,
                     linewidth=None, suppress=None, nanstr=None,
                     infstr=None, formatter=None, sign=None, floatmode=None,
                     *, legacy=None, override_repr=None):
    """Set printing options (same semantics as ``numpy.set_printoptions``).

    Formatter callables receive plain Python values (bool/int/float/complex)
    instead of numpy scalars.
    """
    _set_printoptions(precision, threshold, edgeitems, linewidth, suppress,
                      nanstr, infstr, formatter, sign, floatmode,
                      legacy=legacy, override_repr=override_repr)


def _set_printoptions(precision=None, threshold=None, edgeitems=None,
                      linewidth=None, suppress=None, nanstr=None,
                      infstr=None, formatter=None, sign=None, floatmode=None,
                      *, legacy=None, override_repr=None):
    new_opt = _make_options_dict(precision, threshold, edgeitems, linewidth,
                                 suppress, nanstr, infstr, sign, formatter,
                                 floatmode, legacy)
    # formatter and override_repr are always reset
    new_opt['formatter'] = formatter
    new_opt['override_repr'] = override_repr

    updated_opt = format_options.get() | new_opt
    updated_opt.update(new_opt)

    if updated_opt['legacy'] == 113:
        updated_opt['sign'] = '-'

    return format_options.set(updated_opt)


def get_printoptions():
    """Return the current print options (same keys as numpy 2.4)."""
    opts = format_options.get().copy()
    opts['legacy'] = _INT_TO_LEGACY[opts['legacy']]
    return opts


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Context manager for setting print options temporarily."""
    token = _set_printoptions(*args, **kwargs)
    try:
        yield get_printoptions()
    finally:
        format_options.reset(token)


# ---------------------------------------------------------------------------
# Float helpers: per-type rounding and Dragon4 (port of numpy's dragon4.c)
# ---------------------------------------------------------------------------

# ftype codes are struct format characters: 'e' half, 'f' single, 'd' double
_FLOAT_INFO = {
    # ftype: (uint struct code, mantissa bits, exponent bits, bias)
    'e': ('H', 10, 5, 15),
    'f': ('I', 23, 8, 127),
    'd': ('Q', 52, 11, 1023),
}
# np.finfo(t).precision ('g': the x87 extended longdouble)
_FINFO_PRECISION = {'e': 3, 'f': 6, 'd': 15, 'g': 18}
# numpy scalar str/repr use scientific notation for |x| >= these (and
# for |x| < 1e-4); legacy <= '2.2' uses 1e16 for every type
_SCALAR_MAX_POSITIONAL = {'e': 1e3, 'f': 1e6, 'd': 1e16, 'g': 1e16}


class _LD(float):
    """An x87 extended value for the formatters: a float (the nearest double, kept finite and
    nonzero when the value is) carrying the item's bytes, which Dragon4 reads exactly."""
    __slots__ = ('_raw',)

    def __new__(cls, raw):
        v = int.from_bytes(raw[:10], 'little')
        mant = v & ((1 << 64) - 1)
        exp = (v >> 64) & 0x7FFF
        neg = v >> 79
        if exp == 0x7FFF:
            x = math.nan if mant & ((1 << 63) - 1) else math.inf
        elif mant == 0:
            x = 0.0
        else:
            e = (exp if exp else 1) - 16383 - 63
            try:
                x = math.ldexp(mant, e)
            except OverflowError:
                x = sys.float_info.max
            if x == 0.0:
                x = 5e-324
            elif math.isinf(x):
                x = sys.float_info.max
        self = super().__new__(cls, -x if neg else x)
        self._raw = bytes(raw[:10])
        return self


class _CLD:
    """A complex extended item for the formatters: its parts as `_LD`."""
    __slots__ = ('real', 'imag')

    def __init__(self, raw):
        self.real = _LD(raw[:16])
        self.imag = _LD(raw[16:32])


def _extended_items(a):
    """The items of a longdouble/clongdouble array as nested lists of `_LD`/`_CLD`."""
    if not a.dtype.isnative:
        a = a.astype(a.dtype.char)  # the machine's order, which `_LD` reads
    raw = a.tobytes()
    size = a.dtype.itemsize
    make = _CLD if a.dtype.char == 'G' else _LD
    flat = [make(raw[i:i + size]) for i in range(0, len(raw), size)]
    shape = tuple(a.shape)
    if not shape:
        return flat[0]

    def nest(items, dims):
        if len(dims) == 1:
            return items
        step = len(items) // dims[0] if dims[0] else 0
        return [nest(items[i * step:(i + 1) * step], dims[1:]) for i in range(dims[0])]
    return nest(flat, shape)

_LOG10_2 = 0.30102999566398119521373889472449
_POW10 = [10 ** i for i in range(400)]


def _pow10(n):
    return _POW10[n] if n < 400 else 10 ** n


def _LD_bytes(x):
    """The x87 bytes of a Python float (exact: every double is an extended value)."""
    m, e = math.frexp(abs(x))
    neg = 1 if math.copysign(1.0, x) < 0 else 0
    if x == 0:
        return (neg << 79).to_bytes(10, 'little')
    mant = int(m * (1 << 64))
    exp = e - 1 + 16383
    return ((neg << 79) | (exp << 64) | mant).to_bytes(10, 'little')


def _round_to(x, ftype):
    """Round the Python float ``x`` to the precision ``ftype`` (as a C cast)."""
    if ftype in ('d', 'g'):
        return x
    try:
        return struct.unpack(ftype, struct.pack(ftype, x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def _float_divide(a, b, ftype):
    """``a / b`` (``b != 0``) computed as numpy does for scalars of type
    ``ftype`` (Python float division returns inf on overflow)."""
    q = a / b
    if ftype == 'e':
        # numpy computes half arithmetic in float32 and rounds to half
        return _round_to(_round_to(q, 'f'), 'e')
    return _round_to(q, ftype)


def _dragon4(mantissa, exponent, mantissa_bit, unequal_margins, unique,
             total_length, cutoff_max, cutoff_min):
    """Digit generation of numpy's Dragon4().

    Returns ``(digits, print_exponent)`` where ``digits`` is a string and
    ``print_exponent`` is the base-10 exponent of the first digit.
    ``cutoff_max``/``cutoff_min`` < 0 mean "no cutoff".
    """
    if mantissa == 0:
        return '0', 0

    if unequal_margins:
        if exponent > 0:
            value = mantissa << (exponent + 2)
            scale = 4
            margin_low = 1 << exponent
            margin_high = 1 << (exponent + 1)
        else:
            value = mantissa << 2
            scale = 1 << (-exponent + 2)
            margin_low = 1
            margin_high = 2
    else:
        if exponent > 0:
            value = mantissa << (exponent + 1)
            scale = 2
            margin_low = 1 << exponent
        else:
            value = mantissa << 1
            scale = 1 << (-exponent + 1)
            margin_low = 1
        margin_high = margin_low

    digit_exponent = math.ceil(
        float(mantissa_bit + exponent) * _LOG10_2 - 0.69)

    # clamp for fractional cutoff: everything below rounds to zero anyway
    if (cutoff_max >= 0 and not total_length and
            digit_exponent <= -cutoff_max):
        digit_exponent = -cutoff_max + 1

    if digit_exponent > 0:
        scale *= _pow10(digit_exponent)
    elif digit_exponent < 0:
        pow10 = _pow10(-digit_exponent)
        value *= pow10
        margin_low *= pow10
        margin_high = margin_low * 2 if unequal_margins else margin_low

    if value >= scale:
        digit_exponent += 1
    else:
        value *= 10
        margin_low *= 10
        margin_high = margin_low * 2 if unequal_margins else margin_low

    buffer_size = 16384
    cutoff_max_exponent = digit_exponent - buffer_size
    if cutoff_max >= 0:
        if total_length:
            desired = digit_exponent - cutoff_max
        else:
            desired = -cutoff_max
        if desired > cutoff_max_exponent:
            cutoff_max_exponent = desired
    cutoff_min_exponent = digit_exponent
    if cutoff_min >= 0:
        if total_length:
            desired = digit_exponent - cutoff_min
        else:
            desired = -cutoff_min
        if desired < cutoff_min_exponent:
            cutoff_min_exponent = desired

    out_exponent = digit_exponent - 1

    if not unique:
        # Exact mode: the digit loop of dragon4.c stops at the cutoff or when
        # the remainder is zero; compute all its digits in one division.
        ndig = digit_exponent - cutoff_max_exponent
        q, r = divmod(value * _pow10(ndig - 1), scale)
        if r == 0:
            return _int_str(q).rstrip('0') or '0', out_exponent
        twice = r * 2
        if twice > scale or (twice == scale and q & 1):
            s = _int_str(q + 1)
            if len(s) > ndig:
                out_exponent += 1
            return s.rstrip('0'), out_exponent
        return _int_str(q), out_exponent

    # Unique mode (the digit loop of dragon4.c)
    digits = []
    # IEEE round-half-even on input: boundaries are inclusive when the
    # mantissa is even
    is_even = (mantissa & 1) == 0
    while True:
        digit_exponent -= 1
        output_digit, value = divmod(value, scale)
        if is_even:
            low = value <= margin_low
            high = value + margin_high >= scale
        else:
            low = value < margin_low
            high = value + margin_high > scale
        if (((low or high) and digit_exponent <= cutoff_min_exponent) or
                digit_exponent == cutoff_max_exponent):
            break
        digits.append(output_digit)
        value *= 10
        margin_low *= 10
        margin_high = margin_low * 2 if unequal_margins else margin_low

    round_down = low
    if low == high:
        twice = value * 2
        if twice < scale:
            round_down = True
        elif twice > scale:
            round_down = False
        else:
            round_down = (output_digit & 1) == 0

    if round_down:
        digits.append(output_digit)
    elif output_digit == 9:
        while True:
            if not digits:
                digits.append(1)
                out_exponent += 1
                break
            last = digits.pop()
            if last != 9:
                digits.append(last + 1)
                break
    else:
        digits.append(output_digit + 1)

    return ''.join(map(str, digits)), out_exponent


def _int_str(n):
    """str() of a non-negative int, not limited by int_max_str_digits."""
    if n.bit_length() < 10000:
        return str(n)
    k = int(n.bit_length() * _LOG10_2) // 2
    hi, lo = divmod(n, _pow10(k))
    return _int_str(hi) + _int_str(lo).zfill(k)


def _decompose(x, ftype):
    """Split a finite float into numpy Dragon4 inputs."""
    if ftype == 'g':
        # The x87 format: an explicit integer bit, 15 exponent bits (numpy's
        # Dragon4_PrintFloat_Intel_extended).
        v = int.from_bytes(x._raw if isinstance(x, _LD) else _LD_bytes(x), 'little')
        float_mantissa = v & ((1 << 63) - 1)
        float_exponent = (v >> 64) & 0x7FFF
        negative = bool(v >> 79)
        if float_exponent != 0:
            return (negative, (1 << 63) | float_mantissa, float_exponent - 16383 - 63, 63,
                    float_exponent != 1 and float_mantissa == 0)
        return (negative, float_mantissa, 1 - 16383 - 63,
                max(float_mantissa.bit_length() - 1, 0), False)
    ucode, mbits, ebits, bias = _FLOAT_INFO[ftype]
    bits = struct.unpack(ucode, struct.pack(ftype, x))[0]
    float_mantissa = bits & ((1 << mbits) - 1)
    float_exponent = (bits >> mbits) & ((1 << ebits) - 1)
    negative = bool(bits >> (mbits + ebits))
    if float_exponent != 0:
        mantissa = (1 << mbits) | float_mantissa
        exponent = float_exponent - bias - mbits
        mantissa_bit = mbits
        unequal = float_exponent != 1 and float_mantissa == 0
    else:
        mantissa = float_mantissa
        exponent = 1 - bias - mbits
        mantissa_bit = max(mantissa.bit_length() - 1, 0)
        unequal = False
    return negative, mantissa, exponent, mantissa_bit, unequal


def _inf_nan(x, sign):
    if x != x:
        return 'nan'
    if x < 0:
        return '-inf'
    return '+inf' if sign else 'inf'


def _dragon4_positional(x, ftype, precision=-1, min_digits=-1, unique=True,
                        fractional=True, trim='k', sign=False, pad_left=-1,
                        pad_right=-1):
    """Port of numpy's FormatPositional (via dragon4_positional)."""
    if _rust_positional is not None and unique and ftype in 'efd':
        return _rust_positional(x, ftype, precision, min_digits, fractional, trim, sign,
                                pad_left, pad_right)
    if not unique and precision < 0:
        raise TypeError("in non-unique mode `precision` must be supplied")
    if not math.isfinite(x):
        return _inf_nan(x, sign)
    negative, mant, exp, mbit, uneq = _decompose(x, ftype)
    signchar = '-' if negative else ('+' if sign else '')
    has_sign = 1 if signchar else 0
    total = not fractional

    digits, pexp = _dragon4(mant, exp, mbit, uneq, unique, total,
                            precision, min_digits)
    ndigits = len(digits)
    if pexp >= 0:
        nwhole = pexp + 1
        if ndigits <= nwhole:
            body = digits + '0' * (nwhole - ndigits)
            nfrac = 0
        else:
            body = digits[:nwhole] + '.' + digits[nwhole:]
            nfrac = ndigits - nwhole
    else:
        nzeros = -(pexp + 1)
        body = '0.' + '0' * nzeros + digits
        nfrac = nzeros + ndigits
        nwhole = 1

    if trim != '-' and nfrac == 0:
        body += '.'

    add_digits = min_digits if unique else precision
    desired = 0 if add_digits < 0 else add_digits
    if total:
        desired = add_digits - nwhole

    if trim == '0':
        if nfrac == 0:
            body += '0'
            nfrac += 1
    elif trim == 'k' and desired > nfrac:
        body += '0' * (desired - nfrac)
        nfrac = desired

    if trim != 'k' and nfrac > 0:
        while body[-1] == '0':
            body = body[:-1]
            nfrac -= 1
        if body[-1] == '.':
            if trim == '0':
                body += '0'
                nfrac += 1
            elif trim == '-':
                body = body[:-1]

    if pad_right >= nfrac:
        count = pad_right - nfrac
        if trim == '-' and nfrac == 0:
            body += ' '
        body += ' ' * count

    s = signchar + body
    if pad_left > nwhole + has_sign:
        s = ' ' * (pad_left - nwhole - has_sign) + s
    return s


def _dragon4_scientific(x, ftype, precision=-1, min_digits=-1, unique=True,
                        trim='k', sign=False, pad_left=-1, exp_digits=-1):
    """Port of numpy's FormatScientific (via dragon4_scientific)."""
    if _rust_scientific is not None and unique and ftype in 'efd':
        return _rust_scientific(x, ftype, precision, min_digits, trim, sign, pad_left,
                                exp_digits)
    if not unique and precision < 0:
        raise TypeError("in non-unique mode `precision` must be supplied")
    if not math.isfinite(x):
        return _inf_nan(x, sign)
    negative, mant, exp, mbit, uneq = _decompose(x, ftype)
    signchar = '-' if negative else ('+' if sign else '')

    out = []
    leftchars = 1 + (1 if signchar else 0)
    if pad_left > leftchars:
        out.append(' ' * (pad_left - leftchars))
    out.append(signchar)

    digits, pexp = _dragon4(mant, exp, mbit, uneq, unique, True,
                            -1 if precision < 0 else precision + 1,
                            -1 if min_digits < 0 else min_digits + 1)
    body = digits[0]
    nfrac = len(digits) - 1
    if nfrac > 0:
        body += '.' + digits[1:]
    if trim != '-' and nfrac == 0:
        body += '.'

    add_digits = min_digits if unique else precision
    add_digits = 0 if add_digits < 0 else add_digits
    if trim == '0':
        if nfrac == 0:
            body += '0'
            nfrac += 1
    elif trim == 'k':
        if add_digits > nfrac:
            body += '0' * (add_digits - nfrac)
            nfrac = add_digits

    if trim != 'k' and nfrac > 0:
        while body[-1] == '0':
            body = body[:-1]
            nfrac -= 1
        if trim == '0' and body[-1] == '.':
            body += '0'
            nfrac += 1

    if exp_digits > 5:
        exp_digits = 5
    if exp_digits < 0:
        exp_digits = 2
    esign = '+' if pexp >= 0 else '-'
    # like numpy's C code: exp_digits=0 prints no digits for a 0 exponent
    estr = (str(abs(pexp)) if pexp else '').zfill(exp_digits)
    out.append(body)
    out.append('e' + esign + estr)
    return ''.join(out)


def _none_or_positive_arg(x, name):
    if x is None:
        return -1
    if x < 0:
        raise ValueError(f"{name} must be >= 0")
    return x


_FTYPE_BY_NAME = {'float16': 'e', 'half': 'e', 'float32': 'f',
                  'single': 'f', 'float64': 'd', 'double': 'd',
                  'float': 'd', 'complex64': 'f', 'complex128': 'd',
                  'float128': 'g', 'longdouble': 'g', 'complex256': 'g',
                  'clongdouble': 'g'}


def _ftype_of(dtype):
    if isinstance(dtype, str):
        return _FTYPE_BY_NAME[dtype]
    return _FTYPE_BY_NAME[dtype.name]


def format_float_positional(x, precision=None, unique=True, fractional=True,
                            trim='k', sign=False, pad_left=None,
                            pad_right=None, min_digits=None, *,
                            dtype='float64'):
    """``numpy.format_float_positional`` for a value of float type ``dtype``
    ('float16', 'float32' or 'float64')."""
    precision = _none_or_positive_arg(precision, 'precision')
    pad_left = _none_or_positive_arg(pad_left, 'pad_left')
    pad_right = _none_or_positive_arg(pad_right, 'pad_right')
    min_digits = _none_or_positive_arg(min_digits, 'min_digits')
    if not fractional and precision == 0:
        raise ValueError("precision must be greater than 0 if "
                         "fractional=False")
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    ftype = _ftype_of(dtype)
    return _dragon4_positional(_round_to(float(x), ftype), ftype, precision,
                               min_digits, unique, fractional, trim, sign,
                               pad_left, pad_right)


def format_float_scientific(x, precision=None, unique=True, trim='k',
                            sign=False, pad_left=None, exp_digits=None,
                            min_digits=None, *, dtype='float64'):
    """``numpy.format_float_scientific`` for a value of float type ``dtype``
    ('float16', 'float32' or 'float64')."""
    precision = _none_or_positive_arg(precision, 'precision')
    pad_left = _none_or_positive_arg(pad_left, 'pad_left')
    exp_digits = _none_or_positive_arg(exp_digits, 'exp_digits')
    min_digits = _none_or_positive_arg(min_digits, 'min_digits')
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    ftype = _ftype_of(dtype)
    return _dragon4_scientific(_round_to(float(x), ftype), ftype, precision,
                               min_digits, unique, trim, sign, pad_left,
                               exp_digits)


# ---------------------------------------------------------------------------
# Element formatters (adapted from numpy/_core/arrayprint.py)
# ---------------------------------------------------------------------------

def _signbit(x):
    return math.copysign(1.0, x) < 0


class FloatingFormat:
    """Formatter for float elements.

    ``data`` is a flat list of Python floats holding values of type ``ftype``
    ('e', 'f' or 'd'); ``is_0d`` tells whether the array is 0-d.
    """

    def __init__(self, data, ftype, precision, floatmode, suppress_small,
                 sign=False, *, legacy=None, is_0d=False):
        if isinstance(sign, bool):
            sign = '+' if sign else '-'

        self._ftype = ftype
        self._legacy = legacy
        if self._legacy <= 113:
            if not is_0d and sign == '-':
                sign = ' '

        self.floatmode = floatmode
        if floatmode == 'unique':
            self.precision = None
        else:
            self.precision = precision

        self.precision = _none_or_positive_arg(self.precision, 'precision')

        self.suppress_small = suppress_small
        self.sign = sign
        self.exp_format = False
        self.fillFormat(data)

    def fillFormat(self, data):
        ftype = self._ftype
        finite_vals = [x for x in data if math.isfinite(x)]

        abs_non_zero = [abs(x) for x in finite_vals if x != 0]
        if abs_non_zero:
            max_val = max(abs_non_zero)
            min_val = min(abs_non_zero)
            if self._legacy <= 202:
                exp_cutoff_max = 1.e8
            else:
                exp_cutoff_max = 10. ** min(8, _FINFO_PRECISION[ftype])
            # comparisons/division happen in the precision of the dtype
            if max_val >= _round_to(exp_cutoff_max, ftype) or (
                    not self.suppress_small and
                    (min_val < _round_to(0.0001, ftype) or
                     _float_divide(max_val, min_val, ftype) > 1000.)):
                self.exp_format = True

        if len(finite_vals) == 0:
            self.pad_left = 0
            self.pad_right = 0
            self.trim = '.'
            self.exp_size = -1
            self.unique = True
            self.min_digits = None
        elif self.exp_format:
            trim, unique = '.', True
            if self.floatmode == 'fixed' or self._legacy <= 113:
                trim, unique = 'k', False
            strs = [_dragon4_scientific(x, ftype, precision=self.precision,
                                        unique=unique, trim=trim,
                                        sign=self.sign == '+')
                    for x in finite_vals]
            parts = [s.partition('e') for s in strs]
            frac_strs = [p[0] for p in parts]
            exp_strs = [p[2] for p in parts]
            split = [s.split('.') for s in frac_strs]
            int_part = [p[0] for p in split]
            frac_part = [p[1] for p in split]
            self.exp_size = max(len(s) for s in exp_strs) - 1

            self.trim = 'k'
            self.precision = max(len(s) for s in frac_part)
            self.min_digits = self.precision
            self.unique = unique

            if self._legacy <= 113:
                self.pad_left = 3
            else:
                self.pad_left = max(len(s) for s in int_part)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            trim, unique = '.', True
            if self.floatmode == 'fixed':
                trim, unique = 'k', False
            strs = [_dragon4_positional(x, ftype, precision=self.precision,
                                        fractional=True, unique=unique,
                                        trim=trim, sign=self.sign == '+')
                    for x in finite_vals]
            split = [s.split('.') for s in strs]
            int_part = [p[0] for p in split]
            frac_part = [p[1] for p in split]
            if self._legacy <= 113:
                self.pad_left = 1 + max(len(s.lstrip('-+')) for s in int_part)
            else:
                self.pad_left = max(len(s) for s in int_part)
            self.pad_right = max(len(s) for s in frac_part)
            self.exp_size = -1
            self.unique = unique

            if self.floatmode in ['fixed', 'maxprec_equal']:
                self.precision = self.min_digits = self.pad_right
                self.trim = 'k'
            else:
                self.trim = '.'
                self.min_digits = 0

        if self._legacy > 113:
            if self.sign == ' ' and not any(_signbit(x) for x in finite_vals):
                self.pad_left += 1

        if len(data) != len(finite_vals):
            neginf = self.sign != '-' or any(
                x < 0 for x in data if math.isinf(x))
            offset = self.pad_right + 1
            current_options = format_options.get()
            self.pad_left = max(
                self.pad_left, len(current_options['nanstr']) - offset,
                len(current_options['infstr']) + neginf - offset
            )

    def __call__(self, x):
        if not math.isfinite(x):
            current_options = format_options.get()
            if x != x:
                sign = '+' if self.sign == '+' else ''
                ret = sign + current_options['nanstr']
            else:
                sign = '-' if x < 0 else '+' if self.sign == '+' else ''
                ret = sign + current_options['infstr']
            return ' ' * (self.pad_left + self.pad_right + 1 - len(ret)) + ret

        min_digits = -1 if self.min_digits is None else self.min_digits
        if self.exp_format:
            return _dragon4_scientific(x, self._ftype,
                                       precision=self.precision,
                                       min_digits=min_digits,
                                       unique=self.unique,
                                       trim=self.trim,
                                       sign=self.sign == '+',
                                       pad_left=self.pad_left,
                                       exp_digits=self.exp_size)
        else:
            return _dragon4_positional(x, self._ftype,
                                       precision=self.precision,
                                       min_digits=min_digits,
                                       unique=self.unique,
                                       fractional=True,
                                       trim=self.trim,
                                       sign=self.sign == '+',
                                       pad_left=self.pad_left,
                                       pad_right=self.pad_right)


class IntegerFormat:
    def __init__(self, data, sign='-'):
        if data:
            data_max = max(data)
            data_min = min(data)
            data_max_str_len = len(str(data_max))
            if sign == ' ' and data_min < 0:
                sign = '-'
            if data_max >= 0 and sign in "+ ":
                data_max_str_len += 1
            max_str_len = max(data_max_str_len, len(str(data_min)))
        else:
            max_str_len = 0
        self.format = f'{{:{sign}{max_str_len}d}}'

    def __call__(self, x):
        return self.format.format(x)


class BoolFormat:
    def __init__(self, data, is_0d=False, **kwargs):
        # " True" and "False" have the same length, except in 0d arrays
        self.truestr = ' True' if not is_0d else 'True'

    def __call__(self, x):
        return self.truestr if x else "False"


class ComplexFloatingFormat:
    """Formatter for complex elements (flat list of Python complex)."""

    def __init__(self, data, ftype, precision, floatmode, suppress_small,
                 sign=False, *, legacy=None, is_0d=False):
        if isinstance(sign, bool):
            sign = '+' if sign else '-'

        floatmode_real = floatmode_imag = floatmode
        if legacy <= 113:
            floatmode_real = 'maxprec_equal'
            floatmode_imag = 'maxprec'

        self.real_format = FloatingFormat(
            [z.real for z in data], ftype, precision, floatmode_real,
            suppress_small, sign=sign, legacy=legacy, is_0d=is_0d)
        self.imag_format = FloatingFormat(
            [z.imag for z in data], ftype, precision, floatmode_imag,
            suppress_small, sign='+', legacy=legacy, is_0d=is_0d)

    def __call__(self, x):
        if not isinstance(x, _CLD):
            x = complex(x)
        r = self.real_format(x.real)
        i = self.imag_format(x.imag)
        # add the 'j' before the terminal whitespace in i
        sp = len(i.rstrip())
        i = i[:sp] + 'j' + i[sp:]
        return r + i


def _get_formatdict(data, ftype, is_0d, *, precision, floatmode, suppress,
                    sign, legacy, formatter, **kwargs):
    formatdict = {
        'bool': lambda: BoolFormat(data, is_0d=is_0d),
        'int': lambda: IntegerFormat(data, sign),
        'float': lambda: FloatingFormat(
            data, ftype, precision, floatmode, suppress, sign,
            legacy=legacy, is_0d=is_0d),
        'longfloat': lambda: FloatingFormat(
            data, ftype, precision, floatmode, suppress, sign,
            legacy=legacy, is_0d=is_0d),
        'complexfloat': lambda: ComplexFloatingFormat(
            data, ftype, precision, floatmode, suppress, sign,
            legacy=legacy, is_0d=is_0d),
        'longcomplexfloat': lambda: ComplexFloatingFormat(
            data, ftype, precision, floatmode, suppress, sign,
            legacy=legacy, is_0d=is_0d),
        'object': lambda: repr,
        'void': lambda: str,
        'numpystr': lambda: repr,
    }

    def indirect(x):
        return lambda: x

    if formatter is not None:
        fkeys = [k for k in formatter.keys() if formatter[k] is not None]
        if 'all' in fkeys:
            for key in formatdict.keys():
                formatdict[key] = indirect(formatter['all'])
        if 'int_kind' in fkeys:
            for key in ['int']:
                formatdict[key] = indirect(formatter['int_kind'])
        if 'float_kind' in fkeys:
            for key in ['float', 'longfloat']:
                formatdict[key] = indirect(formatter['float_kind'])
        if 'complex_kind' in fkeys:
            for key in ['complexfloat', 'longcomplexfloat']:
                formatdict[key] = indirect(formatter['complex_kind'])
        if 'str_kind' in fkeys:
            formatdict['numpystr'] = indirect(formatter['str_kind'])
        for key in formatdict.keys():
            if key in fkeys:
                formatdict[key] = indirect(formatter[key])

    return formatdict


# Which formatdict entry handles each dtype kind.
_KIND_TO_FORMAT_KEY = {'b': 'bool', 'i': 'int', 'u': 'int', 'f': 'float',
                       'c': 'complexfloat'}


def _get_format_function(data, dtype, is_0d, **options):
    """Find the formatting function for ``dtype``.

    ``data`` is the flat list of (the possibly summarised) element values.

    HOOK for future dtypes: structured dtypes (numpy's StructuredVoidFormat,
    built per field with recursive calls of this function), strings
    ('numpystr'), datetimes, ... should be dispatched here, by kind.
    """
    kind = dtype.kind
    if options.get('_time') is not None:
        key = 'datetime' if kind == 'U' else 'timedelta'
        formatter = options.get('formatter') or {}
        if key in formatter:
            return _time_scalars(formatter[key], options['_time'])
        return _TimeFormat(data, kind == 'U')
    if kind == 'V':
        if dtype.names is not None:
            return StructuredVoidFormat.from_data(data, dtype, **options)
        return _void_bytes  # unstructured void: the item's bytes
    if kind in 'UST':
        # numpy's 'numpystr': each item's repr ('a', b'a'; StringDType's missing value's)
        return repr
    if kind == 'O':
        return _object_format
    key = _KIND_TO_FORMAT_KEY.get(kind)
    if key is None:
        raise TypeError(f"printing of dtype {dtype.name!r} is not supported")
    ftype = _ftype_of(dtype) if kind in 'fc' else None
    formatdict = _get_formatdict(data, ftype, is_0d, **options)
    return formatdict[key]()


def _object_format(o):
    """numpy's format of an object item: its repr, a list marked as one."""
    if type(o) is list:
        return f"list({o!r})"
    return repr(o)


class StructuredVoidFormat:
    """Records: each field formatted with a formatter built from that field's values over
    the (possibly summarised) array; ``data`` holds the records as ``item()`` tuples."""

    def __init__(self, format_functions):
        self.format_functions = format_functions

    @classmethod
    def from_data(cls, data, dtype, **options):
        fns = []
        for i, name in enumerate(dtype.names):
            fdt = dtype.fields[name][0]
            column = [x[i] for x in data]
            if fdt.shape != ():
                values = []
                for v in column:
                    # NumPy formats from every item of a subarray; past _SUBARRAY_ALL items
                    # only the items shown are used, so a huge subarray costs no more than a
                    # large one.
                    shown = (_leading_trailing(v, options['edgeitems'])
                             if v.size > _SUBARRAY_ALL else v.tolist())
                    values.extend(_flatten(shown, len(fdt.shape)))
                fns.append(SubArrayFormat(
                    _get_format_function(values, fdt.base, False, **options), **options))
            elif fdt.kind in 'Mm':
                fns.append(_FieldTimeFormat(column, fdt))
            else:
                fns.append(_get_format_function(column, fdt, False, **options))
        return cls(fns)

    def __call__(self, x):
        fields = [f(v) for v, f in zip(x, self.format_functions)]
        if len(fields) == 1:
            return f"({fields[0]},)"
        return f"({', '.join(fields)})"


_SUBARRAY_ALL = 1 << 16


class SubArrayFormat:
    """A subarray field: nested brackets, summarised past the threshold."""

    def __init__(self, format_function, **options):
        self.format_function = format_function
        self.threshold = options['threshold']
        self.edge_items = options['edgeitems']

    def __call__(self, a):
        self.summary_insert = "..." if a.size > self.threshold else ""
        if a.size > _SUBARRAY_ALL:
            # Only the corners are read; the shape says where the "..." go.
            return self.format_array(_leading_trailing(a, self.edge_items), a.shape)
        return self.format_array(a.tolist(), a.shape)

    def format_array(self, a, shape):
        if not shape:
            return self.format_function(a)
        e = self.edge_items
        if self.summary_insert and shape[0] > 2 * e:
            formatted = ([self.format_array(x, shape[1:]) for x in a[:e]]
                         + [self.summary_insert]
                         + [self.format_array(x, shape[1:]) for x in a[-e:]])
        else:
            formatted = [self.format_array(x, shape[1:]) for x in a]
        return "[" + ", ".join(formatted) + "]"


def _void_bytes(b):
    """numpy's text of raw void bytes: every byte as a hex escape."""
    return "b'" + "".join(f"\\x{c:02x}" for c in bytes(b)) + "'"


def void_scalar_str(x, is_repr):
    """str/repr of a record scalar (numpy's _void_scalar_to_string): floats as Python prints
    them; the repr names the class and the dtype."""
    options = format_options.get().copy()
    dtype = x.dtype
    if dtype.names is None:  # unstructured: the bytes
        s = _void_bytes(x.item())
        return f"np.void({s})" if is_repr else s
    if options["legacy"] > 125:
        fmt = dict(options.get('formatter') or {})
        fmt.setdefault('float_kind', str)
        options['formatter'] = fmt
    val = StructuredVoidFormat.from_data([x.item()], dtype, **options)(x.item())
    if not is_repr or options["legacy"] <= 125:
        return val
    return f"np.void({val}, dtype={dtype!s})"


# ---------------------------------------------------------------------------
# Array layout (adapted from numpy/_core/arrayprint.py)
# ---------------------------------------------------------------------------

def _concat_lists(lead, trail, axis):
    if axis == 0:
        return lead + trail
    return [_concat_lists(x, y, axis - 1) for x, y in zip(lead, trail)]


def _leading_trailing(a, edgeitems, index=()):
    """Nested list of the N-D corners (leading and trailing edges) of a."""
    axis = len(index)
    if a.ndim == 0:
        return a.tolist()
    if axis == a.ndim:
        return a[index].tolist()

    if a.shape[axis] > 2 * edgeitems:
        return _concat_lists(
            _leading_trailing(a, edgeitems,
                              index + (slice(None, edgeitems),)),
            _leading_trailing(a, edgeitems,
                              index + (slice(-edgeitems, None),)),
            axis)
    else:
        return _leading_trailing(a, edgeitems, index + (slice(None),))


def _flatten(data, ndim):
    if ndim == 0:
        return [data]
    if ndim == 1:
        return list(data)
    out = []
    for sub in data:
        out.extend(_flatten(sub, ndim - 1))
    return out


_NAT = -(1 << 63)


class _TimeFormat:
    """numpy's DatetimeFormat and TimedeltaFormat: datetimes as their quoted ISO text,
    timedeltas as their count of ticks, NaT as 'NaT', right-aligned to the widest item."""

    def __init__(self, data, datetime):
        self.datetime = datetime
        texts = [self._text(x) for x in data]
        self.width = max((len(t) for t in texts), default=0)

    def _text(self, x):
        if self.datetime:
            return f"'{x}'"
        return "'NaT'" if x == _NAT else str(x)

    def __call__(self, x):
        return self._text(x).rjust(self.width)


def _time_scalars(f, dtype):
    """A user's datetime/timedelta formatter, handed the array's scalars (as NumPy does)
    rather than the ISO text or ticks printing works from."""
    s = dtype.str
    unit = s[s.index('[') + 1:-1] if '[' in s else None
    scalar = dtype.type

    def g(x):
        if dtype.kind == 'm' and x == _NAT:
            x = 'NaT'
        return f(scalar(x, unit) if unit else scalar(x))
    return g


def _time_display(a):
    """What a time array prints from: datetimes' ISO text, timedeltas' ticks."""
    return a.astype('U') if a.dtype.kind == 'M' else a.astype('int64')


class _FieldTimeFormat:
    """A time field of records: its items (as ``item()`` gives them, back in the field's
    dtype) formatted as a time array's."""

    def __init__(self, column, dtype):
        from . import _core
        self._array = lambda xs: _core.array(xs, dtype=dtype)
        self._fmt = _TimeFormat(_time_display(self._array(column)).tolist(), dtype.kind == 'M')

    def __call__(self, x):
        return self._fmt(_time_display(self._array([x])).tolist()[0])


def _extended_display(data):
    """Nested lists of longdouble/clongdouble scalars as `_LD`/`_CLD` values."""
    if isinstance(data, list):
        return [_extended_display(x) for x in data]
    return _extended_items(data._a)


def _array2string(a, options, separator=' ', prefix=""):
    shape = tuple(a.shape)
    if a.dtype.kind in 'Mm':
        # Datetimes print their ISO text, timedeltas their ticks (NaT as the smallest int).
        options = dict(options, _time=a.dtype)
        a = _time_display(a)
    extended = a.dtype.char in 'gG'
    if a.size > options['threshold']:
        summary_insert = "..."
        data = _leading_trailing(a, options['edgeitems'])
        if extended:
            data = _extended_display(data)
    else:
        summary_insert = ""
        # Extended items as their exact bytes, for Dragon4 (read from the array at once).
        # A subclass may show its items as its indexing gives them (chararray strips them).
        shown = getattr(a, "_rp_print_items", None)
        data = _extended_items(a) if extended else shown() if shown else a.tolist()

    flat = _flatten(data, len(shape))
    format_function = _get_format_function(flat, a.dtype, shape == (),
                                           **options)

    # skip over "["
    next_line_prefix = " "
    # skip over array(
    next_line_prefix += " " * len(prefix)

    return _formatArray(data, shape, format_function, options['linewidth'],
                        next_line_prefix, separator, options['edgeitems'],
                        summary_insert, options['legacy'])


def array2string(a, max_line_width=None, precision=None,
                 suppress_small=None, separator=' ', prefix="",
                 *, formatter=None, threshold=None,
                 edgeitems=None, sign=None, floatmode=None, suffix="",
                 legacy=None):
    """Return a string representation of an array (as numpy.array2string).

    ``legacy='1.13'`` is only honoured by the array layout code, not for
    0-d arrays (numpy then uses its C legacy scalar formatting).
    """
    overrides = _make_options_dict(precision, threshold, edgeitems,
                                   max_line_width, suppress_small, None, None,
                                   sign, formatter, floatmode, legacy)
    options = format_options.get().copy()
    options.update(overrides)

    if options['legacy'] > 113:
        options['linewidth'] -= len(suffix)

    # treat as a null array if any of shape elements == 0
    if a.size == 0:
        return "[]"

    return _array2string(a, options, separator, prefix)


def _extendLine(s, line, word, line_width, next_line_prefix, legacy):
    needs_wrap = len(line) + len(word) > line_width
    if legacy > 113:
        # don't wrap lines if it won't help
        if len(line) <= len(next_line_prefix):
            needs_wrap = False

    if needs_wrap:
        s += line.rstrip() + "\n"
        line = next_line_prefix
    line += word
    return s, line


def _extendLine_pretty(s, line, word, line_width, next_line_prefix, legacy):
    """Extends line with nicely formatted (possibly multi-line) ``word``."""
    words = word.splitlines()
    if len(words) == 1 or legacy <= 113:
        return _extendLine(s, line, word, line_width, next_line_prefix, legacy)

    max_word_length = max(len(word) for word in words)
    if (len(line) + max_word_length > line_width and
            len(line) > len(next_line_prefix)):
        s += line.rstrip() + '\n'
        line = next_line_prefix + words[0]
        indent = next_line_prefix
    else:
        indent = len(line) * ' '
        line += words[0]

    for word in words[1::]:
        s += line.rstrip() + '\n'
        line = indent + word

    suffix_length = max_word_length - len(words[-1])
    line += suffix_length * ' '

    return s, line


def _formatArray(data, shape, format_function, line_width, next_line_prefix,
                 separator, edge_items, summary_insert, legacy):
    """Lay out the nested list ``data`` (full or corner-summarised)."""
    ndim = len(shape)

    def recurser(sub, axis, hanging_indent, curr_width):
        axes_left = ndim - axis

        if axes_left == 0:
            return format_function(sub)

        next_hanging_indent = hanging_indent + ' '
        if legacy <= 113:
            next_width = curr_width
        else:
            next_width = curr_width - len(']')

        a_len = shape[axis]
        show_summary = summary_insert and 2 * edge_items < a_len
        if show_summary:
            leading_items = edge_items
            trailing_items = edge_items
        else:
            leading_items = 0
            trailing_items = a_len

        s = ''

        if axes_left == 1:
            if legacy <= 113:
                elem_width = curr_width - len(separator.rstrip())
            else:
                elem_width = curr_width - max(len(separator.rstrip()),
                                              len(']'))

            line = hanging_indent
            for i in range(leading_items):
                word = recurser(sub[i], axis + 1, next_hanging_indent,
                                next_width)
                s, line = _extendLine_pretty(
                    s, line, word, elem_width, hanging_indent, legacy)
                line += separator

            if show_summary:
                s, line = _extendLine(
                    s, line, summary_insert, elem_width, hanging_indent,
                    legacy)
                if legacy <= 113:
                    line += ", "
                else:
                    line += separator

            for i in range(trailing_items, 1, -1):
                word = recurser(sub[-i], axis + 1, next_hanging_indent,
                                next_width)
                s, line = _extendLine_pretty(
                    s, line, word, elem_width, hanging_indent, legacy)
                line += separator

            if legacy <= 113:
                elem_width = curr_width
            word = recurser(sub[-1], axis + 1, next_hanging_indent,
                            next_width)
            s, line = _extendLine_pretty(
                s, line, word, elem_width, hanging_indent, legacy)

            s += line

        else:
            s = ''
            line_sep = separator.rstrip() + '\n' * (axes_left - 1)

            for i in range(leading_items):
                nested = recurser(sub[i], axis + 1, next_hanging_indent,
                                  next_width)
                s += hanging_indent + nested + line_sep

            if show_summary:
                if legacy <= 113:
                    s += hanging_indent + summary_insert + ", \n"
                else:
                    s += hanging_indent + summary_insert + line_sep

            for i in range(trailing_items, 1, -1):
                nested = recurser(sub[-i], axis + 1, next_hanging_indent,
                                  next_width)
                s += hanging_indent + nested + line_sep

            nested = recurser(sub[-1], axis + 1, next_hanging_indent,
                              next_width)
            s += hanging_indent + nested

        # remove the hanging indent, and wrap in []
        s = '[' + s[len(hanging_indent):] + ']'
        return s

    return recurser(data, 0, next_line_prefix, line_width)


# ---------------------------------------------------------------------------
# repr / str
# ---------------------------------------------------------------------------

# dtypes whose repr is implied by the printed values (numpy's _typelessdata)
_TYPELESS = frozenset(['int64', 'float64', 'complex128', 'bool'])


def dtype_is_implied(dtype):
    if not isinstance(dtype, str) and not getattr(dtype, "isnative", True):
        return False
    name = dtype if isinstance(dtype, str) else dtype.name
    if format_options.get()['legacy'] <= 113 and name == 'bool':
        return False
    return name in _TYPELESS


def dtype_short_repr(dtype):
    if not isinstance(dtype, str) and dtype.kind == 'T':
        return repr(dtype)
    if not isinstance(dtype, str) and dtype.names is not None:
        return str(dtype)
    if not isinstance(dtype, str) and dtype.kind in 'VUS':
        return "'%s'" % str(dtype)
    if not isinstance(dtype, str) and not getattr(dtype, "isnative", True):
        return "'%s'" % str(dtype)
    typename = dtype if isinstance(dtype, str) else dtype.name
    # quote typenames which can't be represented as python variable names
    if typename and not (typename[0].isalpha() and typename.isalnum()):
        typename = repr(typename)
    return typename


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """Return the string representation of an array (numpy.array_repr)."""
    current_options = format_options.get()
    override_repr = current_options["override_repr"]
    if override_repr is not None:
        return override_repr(arr)

    if max_line_width is None:
        max_line_width = current_options['linewidth']

    # NumPy names a subclass by its class.
    name = type(arr).__name__
    prefix = ("array" if name == "ndarray" else name) + "("
    shape = tuple(arr.shape)
    if current_options['legacy'] <= 113 and shape == ():
        lst = repr(arr.item())
    else:
        lst = array2string(arr, max_line_width, precision, suppress_small,
                           ', ', prefix, suffix=")")

    extras = []
    if ((arr.size == 0 and shape != (0,))
            or (current_options['legacy'] > 210
                and arr.size > current_options['threshold'])):
        extras.append(f"shape={shape}")
    if not dtype_is_implied(arr.dtype) or arr.size == 0:
        extras.append(f"dtype={dtype_short_repr(arr.dtype)}")

    if not extras:
        return prefix + lst + ")"

    arr_str = prefix + lst + ","
    extra_str = ", ".join(extras) + ")"
    last_line_len = len(arr_str) - (arr_str.rfind('\n') + 1)
    spacer = " "
    if current_options['legacy'] <= 113:
        pass
    elif last_line_len + len(extra_str) + 1 > max_line_width:
        spacer = '\n' + ' ' * len(prefix)

    return arr_str + spacer + extra_str


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """Return a string representation of the data in an array."""
    # the str of 0d arrays is the str of the scalar value
    if tuple(a.shape) == ():
        if format_options.get()['legacy'] <= 113:
            return str(a.item())
        if a.dtype.kind in 'VMmTOSU' or a.dtype.char in 'gG':
            v = a[()]
            # bytes show their repr, as numpy's _guarded_repr_or_str
            return repr(v) if isinstance(v, bytes) else str(v)
        return scalar_str(a.tolist(), a.dtype)

    return array2string(a, max_line_width, precision, suppress_small, ' ', "")


# ---------------------------------------------------------------------------
# numpy scalar repr / str (port of scalartypes.c.src formatting)
# ---------------------------------------------------------------------------

def _float_scalar_either(val, ftype, trim_pos, trim_sci, sign):
    legacy = format_options.get()['legacy']
    if legacy <= 202:
        max_positional = 1.e16
    else:
        max_positional = _SCALAR_MAX_POSITIONAL[ftype]
    if val != val or val == 0:
        use_positional = True
    else:
        absval = abs(val)
        use_positional = max_positional > absval >= 1.e-4
    if use_positional:
        return _dragon4_positional(val, ftype, -1, -1, True, False, trim_pos,
                                   sign)
    return _dragon4_scientific(val, ftype, -1, -1, True, trim_sci, sign)


def _complex_scalar_str(val, ftype):
    re, im = val.real, val.imag
    trim = '-'
    if re == 0.0 and not _signbit(re):
        return _float_scalar_either(im, ftype, trim, trim, False) + 'j'
    if math.isfinite(re):
        rstr = _float_scalar_either(re, ftype, trim, trim, False)
    elif re != re:
        rstr = 'nan'
    elif re > 0:
        rstr = 'inf'
    else:
        rstr = '-inf'
    if math.isfinite(im):
        istr = _float_scalar_either(im, ftype, trim, trim, True)
    elif im != im:
        istr = '+nan'
    elif im > 0:
        istr = '+inf'
    else:
        istr = '-inf'
    return f"({rstr}{istr}j)"


def extended_scalar_str(a):
    """``str()`` of the longdouble/clongdouble scalar held by the 0-d array ``a``."""
    v = _extended_items(a)
    if a.dtype.char == 'G':
        return _complex_scalar_str(v, 'g')
    return _float_scalar_either(v, 'g', '0', '-', False)


def _dtype_name(dtype):
    return dtype if isinstance(dtype, str) else dtype.name


def scalar_str(value, dtype_name):
    """``str()`` of a numpy scalar of type ``dtype_name`` holding ``value``."""
    name = _dtype_name(dtype_name)
    if name == 'bool':
        return 'True' if value else 'False'
    if name.startswith('float'):
        ftype = _ftype_of(name)
        return _float_scalar_either(_round_to(float(value), ftype), ftype,
                                    '0', '-', False)
    if name.startswith('complex'):
        ftype = _ftype_of(name)
        value = complex(value)
        value = complex(_round_to(value.real, ftype),
                        _round_to(value.imag, ftype))
        return _complex_scalar_str(value, ftype)
    if name.startswith('int') or name.startswith('uint'):
        return str(int(value))
    raise TypeError(f"printing of dtype {name!r} is not supported")


def scalar_repr(value, dtype_name):
    """``repr()`` of a numpy scalar of type ``dtype_name`` holding ``value``
    (numpy 2 style, e.g. ``np.float64(1.0)``)."""
    name = _dtype_name(dtype_name)
    s = scalar_str(value, name)
    if format_options.get()['legacy'] <= 125:
        return s
    if name == 'bool':
        return 'np.True_' if value else 'np.False_'
    if name.startswith('complex') and s.startswith('('):
        s = s[1:-1]
    return f"np.{name}({s})"
