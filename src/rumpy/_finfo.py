"""Machine limits of the rumpy scalar types: ``finfo`` and ``iinfo``.

Same attributes, repr and str as ``numpy.finfo`` / ``numpy.iinfo`` (numpy
2.4).  Every float constant is derived from the IEEE 754 parameters of the
format (significand and exponent field widths); see ``_ieee_limits``.
"""

import math
import types
import warnings

from . import _scalars as _s

__all__ = ['finfo', 'iinfo']

# IEEE 754 binary interchange formats: (p, w) = significand precision in
# bits including the implicit leading bit, width of the exponent field.
_IEEE_FORMATS = {
    _s.FLOAT16: (11, 5),     # binary16
    _s.FLOAT32: (24, 8),     # binary32
    _s.FLOAT64: (53, 11),    # binary64
}

# '%e' formats numpy's finfo repr uses for max/min (_MACHAR_PARAMS['fmt'])
_REPR_FMT = {_s.FLOAT16: '%12.5e', _s.FLOAT32: '%15.7e',
             _s.FLOAT64: '%24.16e'}


def _ieee_limits(p, w):
    """The finfo constants of an IEEE binary format, as exact Python numbers.

    With ``nmant = p - 1`` explicit significand bits and a ``w``-bit biased
    exponent field:

    * ``maxexp = 2**(w-1)``: the smallest power of 2 that overflows (C's
      ``*_MAX_EXP``); the bias is ``maxexp - 1``.
    * ``minexp = 2 - maxexp``: exponent of the smallest normal number
      (C's ``*_MIN_EXP - 1``), i.e. ``1 - bias``.
    * ``machep = -nmant``: eps = 2**machep is the gap between 1 and the next
      larger float.
    * ``negep = -(nmant + 1)``: epsneg = 2**negep, the gap below 1.
    * ``max = (2**p - 1) * 2**(maxexp - p)``: all significand bits set, largest
      exponent, i.e. (2 - 2**-nmant) * 2**(maxexp - 1).
    * ``smallest_normal = 2**minexp``, ``smallest_subnormal = 2**(minexp -
      nmant)`` (only the last significand bit set, minimum exponent).
    * ``precision``: decimal digits of precision, ``floor(nmant * log10 2)``,
      computed exactly as the largest k with 10**k <= 2**nmant.
    * ``iexp = ceil(log2(maxexp - minexp))`` and ``nexp = ceil(log2(maxexp -
      minexp + 2))`` (numpy's formulas; both equal ``w``).
    """
    nmant = p - 1
    maxexp = 2 ** (w - 1)
    minexp = 2 - maxexp
    machep = -nmant
    negep = -(nmant + 1)
    return {
        'nmant': nmant,
        'maxexp': maxexp,
        'minexp': minexp,
        'machep': machep,
        'negep': negep,
        'eps': math.ldexp(1.0, machep),
        'epsneg': math.ldexp(1.0, negep),
        'max': math.ldexp(float(2 ** p - 1), maxexp - p),
        'smallest_normal': math.ldexp(1.0, minexp),
        'smallest_subnormal': math.ldexp(1.0, minexp - nmant),
        'precision': len(str(2 ** nmant)) - 1,
        'iexp': math.ceil(math.log2(maxexp - minexp)),
        'nexp': math.ceil(math.log2(maxexp - minexp + 2)),
    }


def _describe(x):
    """(type_num or None, kind char, description) of a dtype-like."""
    tn = _s._resolve_type_num(x)
    if tn is not None:
        return tn, _s._KIND[tn], repr(_s.SCALAR_TYPES[tn])
    if isinstance(x, str):
        return None, 'U', repr(str)
    if isinstance(x, bytes):
        return None, 'S', repr(bytes)
    t = x if isinstance(x, type) else type(x)
    return None, 'O', repr(t)


class finfo:
    """Machine limits for floating point types (numpy.finfo).

    Accepts float16/float32/float64 and complex64/complex128 (complex types
    give the limits of their float parts) as rumpy scalar classes or
    instances, dtype names, Python ``float``/``complex``, numpy dtypes and
    types, and rumpy dtype objects.
    """

    _finfo_cache = {}       # dtype-like (str or type) -> finfo
    _by_type_num = {}       # float type number -> finfo

    __class_getitem__ = classmethod(types.GenericAlias)

    def __new__(cls, dtype):
        # only strings and types are cache keys: instances such as 1.0 and
        # numpy.complex64(1) compare (and hash) equal
        cacheable = isinstance(dtype, (str, type))
        if cacheable:
            obj = cls._finfo_cache.get(dtype)
            if obj is not None:
                return obj
        if dtype is None:
            warnings.warn(
                "finfo() dtype cannot be None. This behavior will "
                "raise an error in the future. (Deprecated in NumPy 1.25)",
                DeprecationWarning, stacklevel=2)
            dtype = float
        if _extended_char(dtype):
            obj = cls._by_type_num.get('g')
            if obj is None:
                obj = object.__new__(_ExtendedFinfo)._init_extended()
                cls._by_type_num['g'] = obj
            if cacheable:
                cls._finfo_cache[dtype] = obj
            return obj
        tn, kind, descr = _describe(dtype)
        if kind not in 'fc':
            raise ValueError(f"data type {descr} not inexact")
        ft = _s._FLOAT_PART[tn]
        obj = cls._by_type_num.get(ft)
        if obj is None:
            obj = object.__new__(cls)._init(ft)
            cls._by_type_num[ft] = obj
        if cacheable:
            cls._finfo_cache[dtype] = obj
        return obj

    def _init(self, ft):
        self._type_num = ft
        self._fmt = None
        self._repr = None
        ftype = _s.SCALAR_TYPES[ft]
        lim = _ieee_limits(*_IEEE_FORMATS[ft])
        self.bits = _s._ITEMSIZE[ft] * 8
        for name in ('nmant', 'maxexp', 'minexp', 'machep', 'negep',
                     'precision', 'iexp', 'nexp'):
            setattr(self, name, lim[name])
        for name in ('eps', 'epsneg', 'max', 'smallest_normal',
                     'smallest_subnormal'):
            setattr(self, name, ftype(lim[name]))
        self.min = ftype(-lim['max'])
        self.tiny = self.smallest_normal
        # as numpy: dtype.type(10) ** -precision, in the float type
        self.resolution = ftype(10) ** -self.precision
        return self

    @property
    def dtype(self):
        return _s._dtype_of(self._type_num)

    @property
    def _dtype_name(self):
        return _s._NAMES[self._type_num]

    def __str__(self):
        if self._fmt is not None:
            return self._fmt
        min_ = "-max" if -self.min == self.max else str(self.min)
        fmt = (
            f'Machine parameters for {self._dtype_name}\n'
            f'---------------------------------------------------------------\n'
            f'precision = {self.precision}   resolution = {self.resolution!s}\n'
            f'machep = {self.machep}   eps =        {self.eps!s}\n'
            f'negep =  {self.negep}   epsneg =     {self.epsneg!s}\n'
            f'minexp = {self.minexp}   tiny =       {self.tiny!s}\n'
            f'maxexp = {self.maxexp}   max =        {self.max!s}\n'
            f'nexp =   {self.nexp}   min =        {min_}\n'
            f'smallest_normal = {self.smallest_normal!s}   '
            f'smallest_subnormal = {self.smallest_subnormal!s}\n'
            f'---------------------------------------------------------------\n'
        )
        self._fmt = fmt
        return fmt

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        fmt = _REPR_FMT.get(self._type_num)
        if fmt is None:
            max_str, min_str = str(self.max), str(self.min)
        else:
            max_str = (fmt % float(self.max)).strip()
            min_str = (fmt % float(self.min)).strip()
        self._repr = (f"finfo(resolution={self.resolution!s}"
                      f", min={min_str}, max={max_str}, "
                      f"dtype={self._dtype_name})")
        return self._repr


finfo.__module__ = 'rumpy'


def _extended_char(x):
    """'g' or 'G' when `x` names the longdouble or clongdouble type, else None."""
    from . import _core
    from ._longdouble import clongdouble, longdouble
    if isinstance(x, (longdouble, clongdouble)):
        return x.dtype.char
    if isinstance(x, (str, type)) or hasattr(x, 'char'):
        try:
            c = _core.dtype(x).char
        except Exception:
            return None
        return c if c in 'gG' else None
    return None


class _ExtendedFinfo(finfo):
    """finfo of the x87 extended format (numpy's longdouble on x86-64): 64 significand
    bits with an explicit integer bit, 15 exponent bits."""

    def _init_extended(self):
        from . import _core
        from ._longdouble import longdouble
        self._type_num = 'g'
        self._fmt = None
        self._repr = None
        self.bits = 128
        self.nmant, self.maxexp, self.minexp = 63, 16384, -16382
        self.machep, self.negep = -63, -64
        self.precision, self.iexp, self.nexp = 18, 15, 15

        def two(k, mant=1):
            return _core.ldexp(longdouble(mant), k)[()]
        self.eps = two(-63)
        self.epsneg = two(-64)
        self.max = two(16384 - 64, 2 ** 64 - 1)
        self.min = -self.max
        self.smallest_normal = two(-16382)
        self.smallest_subnormal = two(-16382 - 63)
        self.tiny = self.smallest_normal
        self.resolution = longdouble(10) ** -18
        return self

    @property
    def dtype(self):
        from . import _core
        return _core.dtype('g')

    @property
    def _dtype_name(self):
        return 'float128'


class iinfo:
    """Machine limits for integer types (numpy.iinfo)."""

    __class_getitem__ = classmethod(types.GenericAlias)

    def __init__(self, int_type):
        tn, kind, _ = _describe(int_type)
        if tn is None and int_type is None:
            kind = 'f'          # numpy: dtype(None) is float64
        if kind not in 'iu':
            raise ValueError(f"Invalid integer data type {kind!r}.")
        self._type_num = tn
        self.kind = kind
        self.bits = _s._ITEMSIZE[tn] * 8
        self.key = "%s%d" % (self.kind, self.bits)

    @property
    def min(self):
        """Minimum value of given dtype."""
        return 0 if self.kind == 'u' else -(1 << (self.bits - 1))

    @property
    def max(self):
        """Maximum value of given dtype."""
        if self.kind == 'u':
            return (1 << self.bits) - 1
        return (1 << (self.bits - 1)) - 1

    @property
    def dtype(self):
        return _s._dtype_of(self._type_num)

    def __str__(self):
        return (
            f'Machine parameters for {_s._NAMES[self._type_num]}\n'
            '---------------------------------------------------------------\n'
            f'min = {self.min}\n'
            f'max = {self.max}\n'
            '---------------------------------------------------------------\n'
        )

    def __repr__(self):
        return "%s(min=%s, max=%s, dtype=%s)" % (
            self.__class__.__name__, self.min, self.max,
            _s._NAMES[self._type_num])


iinfo.__module__ = 'rumpy'
