"""The extended-precision scalars: ``longdouble`` and ``clongdouble`` (numpy.longdouble,
numpy.clongdouble; ``float128`` and ``complex256`` on x86-64), as indexing a ``g`` or ``G``
array gives them.

A scalar keeps a read-only 0-d array of its item (``_a``). Every operation goes through it,
so scalars compute, compare, convert and print exactly as the arrays' C loops and casts do;
the exact value (for ``int()``, ``as_integer_ratio`` and hashing) is read from the item's
x87 bytes."""

from fractions import Fraction as _Fraction

from . import _core
from ._arrayscalar import install, result
from ._scalars import complexfloating, floating, ComplexWarning, _round_to, _warn

_onew = object.__new__
_BIAS = 16383
_MANT = 63


def _exact(raw):
    """The exact value of a native x87 item's 10 bytes: a Fraction, or a float for inf/nan."""
    v = int.from_bytes(raw[:10], "little")
    mant = v & ((1 << 64) - 1)
    exp = (v >> 64) & 0x7FFF
    sign = -1 if v >> 79 else 1
    if exp == 0x7FFF:
        return float("nan") if mant & ((1 << 63) - 1) else sign * float("inf")
    e = (exp if exp else 1) - _BIAS - _MANT
    return sign * (_Fraction(mant << e) if e >= 0 else _Fraction(mant, 1 << -e))


class _extended:
    """What the two extended scalars share."""
    __slots__ = ()

    @classmethod
    def _rp_make(cls, a):
        a.flags.writeable = False
        s = _onew(cls)
        s._a = a
        return s

    @classmethod
    def _build(cls, value, code):
        if isinstance(value, (list, tuple, _core.ndarray)):
            return _core.array(value, dtype=code)
        return cls._rp_make(_core.array(value, dtype=code))

    def _array(self):
        return self._a

    @property
    def dtype(self):
        return self._a.dtype

    @property
    def itemsize(self):
        return self._a.itemsize

    @property
    def nbytes(self):
        return self._a.itemsize

    def item(self, *args):
        if args and args not in ((0,), (-1,), ((),), ((0,),), ((-1,),)):
            raise IndexError("index out of bounds")
        return self

    def tolist(self):
        return self

    def astype(self, dtype, *args, **kwargs):
        return self._a.astype(dtype)[()]

    def __array__(self, dtype=None, copy=None):
        # Only NumPy asks for this, so NumPy is loaded.
        import numpy
        a = numpy.frombuffer(self._a.tobytes(), dtype=self._a.dtype.str).reshape(())
        return a.copy() if dtype is None else a.astype(dtype)

    def __reduce__(self):
        return (_unpickle, (self._a.dtype.char, self._a.tobytes()))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __getitem__(self, key):
        if key == () or key is Ellipsis:
            return self
        raise IndexError("invalid index to scalar variable.")

    def __iter__(self):
        raise TypeError(f"'rumpy.{type(self).__name__}' object is not iterable")

    def _parts(self):
        raw = self._a.tobytes()
        if self._a.dtype.char == "G":
            return _exact(raw[:16]), _exact(raw[16:])
        return _exact(raw), 0

    def __bool__(self):
        return bool(self._a != 0)

    def __float__(self):
        if self._a.dtype.char == "G":
            _warn("Casting complex values to real discards the imaginary part", ComplexWarning)
            return float(self._a.real.astype("f8")[()])
        return float(self._a.astype("f8")[()])

    def __int__(self):
        re, _ = self._parts()
        if self._a.dtype.char == "G":
            _warn("Casting complex values to real discards the imaginary part", ComplexWarning)
        return int(re)  # a float for inf and nan: Python's own error

    def __complex__(self):
        return complex(self._a.astype("D")[()])

    def __hash__(self):
        re, im = self._parts()
        if im:
            return hash(complex(float(re), float(im)))
        return hash(re)

    @property
    def real(self):
        return self._a.real[()]

    @property
    def imag(self):
        return self._a.imag[()]

    def conjugate(self):
        return result(_core.conjugate(self._a))

    conj = conjugate

    def copy(self):
        return self

    def reshape(self, *shape, **kwargs):
        return self._a.reshape(*shape, **kwargs)

    def view(self, dtype):
        return self._a.view(dtype)[()]

    def tobytes(self, order="C"):
        return self._a.tobytes(order)

    @property
    def flags(self):
        return self._a.flags

    def __str__(self):
        # NumPy's Dragon4 on the item's x87 bytes (`_print`), as its scalar str.
        from ._print import extended_scalar_str
        return extended_scalar_str(self._a)

    def __format__(self, spec):
        if not spec:
            return str(self)
        if self._a.dtype.char == "G":
            return format(complex(self), spec)
        return format(float(self), spec)




@install
class longdouble(_extended, floating):
    """An extended-precision float scalar (numpy.longdouble)."""
    __slots__ = ("_a",)

    def __round__(self, ndigits=None):
        if ndigits is None:
            return int(_core.rint(self._a)[()])
        return _round_to(self, ndigits)

    def __new__(cls, value=0.0):
        if isinstance(value, (str, bytes)):
            try:
                return cls._build(value, "g")
            except ValueError:
                text = value.decode() if isinstance(value, bytes) else value
                raise ValueError(f"invalid literal for long double: {text}") from None
        return cls._build(value, "g")

    def __repr__(self):
        return f"np.longdouble('{self}')"

    def is_integer(self):
        re, _ = self._parts()
        return isinstance(re, _Fraction) and re.denominator == 1

    def as_integer_ratio(self):
        re, _ = self._parts()
        return re.as_integer_ratio()  # a float for inf and nan: Python's own errors


@install
class clongdouble(_extended, complexfloating):
    """An extended-precision complex scalar (numpy.clongdouble)."""
    __slots__ = ("_a",)

    def __new__(cls, real=0.0, imag=None):
        if imag is not None:
            z = _core.array(real, dtype="G") + _core.array(imag, dtype="G") * 1j
            return cls._rp_make(z)
        return cls._build(real, "G")

    def __repr__(self):
        s = str(self)
        if s.startswith("("):
            s = s[1:-1]
        return f"np.clongdouble('{s}')"


longdouble.__module__ = clongdouble.__module__ = "rumpy"
float128 = longdouble
complex256 = clongdouble


def _unpickle(char, raw):
    a = _core.frombuffer(raw, dtype=char).copy().reshape(())
    return (longdouble if char == "g" else clongdouble)._rp_make(a)
