"""The text scalars: ``str_`` and ``bytes_`` (numpy.str_, numpy.bytes_), subclasses of
Python's str and bytes, as indexing a ``U`` or ``S`` array gives them."""

from . import _core
from ._records import flexible
from ._scalars import generic


class character(flexible):
    """Base class of the text scalars (numpy.character)."""
    __slots__ = ()

    @property
    def dtype(self):
        return _core.dtype(f"{self._rp_kind}{len(self)}")

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.itemsize

    def item(self, *args):
        if args and args not in ((0,), (-1,), ((),), ((0,),), ((-1,),)):
            raise IndexError("index out of bounds")
        return self._rp_base(self)

    def tolist(self):
        return self._rp_base(self)

    def __array__(self, dtype=None, copy=None):
        # Only NumPy asks for this, so NumPy is loaded.
        import numpy
        a = numpy.array(self._rp_base(self), dtype=self.dtype.str)
        return a if dtype is None else a.astype(dtype, copy=False)

    # The number behaviour of `generic` does not apply: text converts as Python's str and
    # bytes do, and has no arithmetic beyond theirs.
    def __bool__(self):
        return len(self) > 0

    def __int__(self):
        return int(self._rp_base(self))

    def __float__(self):
        return float(self._rp_base(self))

    def __complex__(self):
        return complex(self._rp_base(self))

    def astype(self, dtype, *args, **kwargs):
        return _core.array(self._rp_base(self)).astype(dtype)[()]

    def __reduce__(self):
        return (type(self), (self._rp_base(self),))


def _no_operation(*args, **kwargs):
    return NotImplemented


def _no_unary(self):
    raise TypeError(f"bad operand type for unary operation: '{type(self).__name__}'")


for _name in ("sub", "truediv", "floordiv", "divmod", "lshift", "rshift", "and", "or",
              "xor", "pow"):
    setattr(character, f"__{_name}__", _no_operation)
    setattr(character, f"__r{_name}__", _no_operation)
character.__radd__ = _no_operation
for _name in ("neg", "pos", "abs", "invert"):
    setattr(character, f"__{_name}__", _no_unary)
del _name


class bytes_(bytes, character):
    """A bytes scalar (numpy.bytes_)."""
    __slots__ = ()
    _rp_kind = "S"
    _rp_base = bytes

    def __new__(cls, value=b"", *args):
        if isinstance(value, str):
            value = value.encode(*(args or ("ascii",)))
        elif not isinstance(value, (bytes, bytearray, memoryview)):
            value = str(value).encode("ascii")
        return bytes.__new__(cls, value)

    def __repr__(self):
        return f"np.bytes_({bytes.__repr__(self)})"

    def __str__(self):
        return bytes.__repr__(self)

    def __format__(self, spec):
        # NumPy formats the scalar's str
        return format(str(self), spec)


class str_(str, character):
    """A str scalar (numpy.str_)."""
    __slots__ = ()
    _rp_kind = "U"
    _rp_base = str

    def __new__(cls, value="", *args):
        if isinstance(value, (bytes, bytearray)) and not args:
            value = bytes(value).decode("ascii")
        return str.__new__(cls, value, *args)

    def __repr__(self):
        return f"np.str_({str.__repr__(self)})"

    def __str__(self):
        return str.__str__(self)



class object_(generic):
    """The scalar type of the object dtype (numpy.object_): calling it gives the object back,
    as numpy's does."""
    __slots__ = ()

    def __new__(cls, value=None):
        return value


def _objects(shape, items, dtype=None):
    """An array of ``shape`` holding ``items`` in C order (unpickling): objects, or the
    items of ``dtype`` (StringDType's) stored through objects."""
    a = _core.empty(len(items), dtype=object)
    for i, v in enumerate(items):
        a[i] = v
    if dtype is not None:
        a = a.astype(dtype)
    return a.reshape(shape)
