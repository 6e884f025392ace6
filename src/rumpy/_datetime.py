"""The time scalars: ``datetime64`` and ``timedelta64`` (numpy.datetime64,
numpy.timedelta64), as indexing an ``M8`` or ``m8`` array gives them.

A scalar keeps its ticks (``_v``, an int; NaT is the smallest int64) and its dtype. Every
operation goes through a 0-d array of it, so scalars compute, compare, convert and print
exactly as the arrays' loops and casts do."""

import datetime as _pydt

from . import _core
from ._arrayscalar import install
from ._scalars import generic, signedinteger

_NAT = -(1 << 63)
_onew = object.__new__


def _unit_dtype(kind, unit):
    """The dtype of a scalar constructor's unit argument ('D', '3D', ('D', 3), None)."""
    if unit is None:
        return _core.dtype(kind)
    if isinstance(unit, tuple):
        if len(unit) != 2:
            raise TypeError(f"Tuple {unit!r} must have two elements")
        base, num = unit
        unit = f"{int(num)}{base}" if int(num) != 1 else str(base)
    if not isinstance(unit, str):
        raise TypeError(f"Invalid datetime unit {unit!r} in metadata")
    try:
        return _core.dtype(f"{kind}[{unit}]")
    except TypeError:
        raise TypeError(f'Invalid datetime unit "{unit}" in metadata') from None


class _time:
    """What the two time scalars share."""
    __slots__ = ()

    @classmethod
    def _rp_make(cls, v, dt):
        s = _onew(cls)
        s._v = v
        s._dt = dt
        return s

    @property
    def dtype(self):
        return self._dt

    @property
    def itemsize(self):
        return 8

    @property
    def nbytes(self):
        return 8

    def _array(self):
        return _core.asanyarray(self)

    def item(self, *args):
        if args and args not in ((0,), (-1,), ((),), ((0,),), ((-1,),)):
            raise IndexError("index out of bounds")
        return self._array().item()

    def tolist(self):
        return self._array().item()

    def astype(self, dtype, *args, **kwargs):
        return self._array().astype(dtype)[()]

    def __array__(self, dtype=None, copy=None):
        # Only NumPy asks for this, so NumPy is loaded.
        import numpy
        a = numpy.array(self._v, dtype="int64").view(self._dt.str)
        return a if dtype is None else a.astype(dtype, copy=False)

    def __reduce__(self):
        return (_unpickle, (type(self) is datetime64, self._v, self._dt.str))

    def __hash__(self):
        if self._v == _NAT:
            return hash(None)
        return hash(self.item())

    def __bool__(self):
        return self._v != 0

    def __int__(self):
        return int(self.item())

    def __float__(self):
        return float(self.item())

    # The array-like scalar API NumPy's scalars have.
    @property
    def real(self):
        return self

    @property
    def imag(self):
        return type(self)._rp_make(0, self._dt)

    def conjugate(self):
        return self

    def copy(self):
        return self

    def reshape(self, *shape, **kwargs):
        return self._array().reshape(*shape, **kwargs)

    def view(self, dtype):
        return self._array().view(dtype)[()]

    def tobytes(self, order="C"):
        return self._array().tobytes(order)

    @property
    def flags(self):
        # A scalar's flags: those of a read-only 0-d array of it.
        a = self._array()
        a.flags.writeable = False
        return a.flags

    def __index__(self):
        raise TypeError(f"'numpy.{type(self).__name__}' object cannot be interpreted as an "
                        "integer")

    def __round__(self, ndigits=None):
        raise TypeError("ufunc 'rint' not supported for the input types, and the inputs could "
                        "not be safely coerced to any supported types according to the casting "
                        "rule ''safe''")

    def __str__(self):
        return str(self._array().astype("U")[()])

    def __format__(self, spec):
        return format(str(self), spec)

    def _unit_text(self):
        s = self._dt.str
        return s[s.index("[") + 1:-1] if "[" in s else "generic"


def _python_time(self, other, name, op, reflected):
    """The time scalars' own answers: None is unequal, and Python's time objects meet the
    scalar's item (numpy's scalars do so)."""
    if other is None and name in ("eq", "ne"):
        return name == "ne"
    if isinstance(other, (_pydt.date, _pydt.timedelta)):
        return op(other, self.item()) if reflected else op(self.item(), other)
    return NotImplemented


class datetime64(_time, generic):
    """A datetime scalar (numpy.datetime64)."""
    __slots__ = ("_v", "_dt")

    def __new__(cls, value=None, unit=None):
        dt = _unit_dtype("M8", unit)
        if value is None:
            return cls._rp_make(_NAT, dt)
        if isinstance(value, (float, list, tuple)):
            raise ValueError("Could not convert object to NumPy datetime")
        return _core.array(value, dtype=dt)[()]

    def __repr__(self):
        # numpy's: the unit is left out where the text shows it (one tick of a unit other
        # than hours, or generic), except for NaT.
        text = str(self)
        unit = self._unit_text()
        if (unit == "generic" or (unit != "h" and not unit[0].isdigit())) and self._v != _NAT:
            return f"np.datetime64('{text}')"
        return f"np.datetime64('{text}','{unit}')"


class timedelta64(_time, signedinteger):
    """A timedelta scalar (numpy.timedelta64)."""
    __slots__ = ("_v", "_dt")

    def __new__(cls, value=0, unit=None):
        dt = _unit_dtype("m8", unit)
        if value is None:
            return cls._rp_make(_NAT, dt)
        if isinstance(value, (float, list, tuple)):
            raise ValueError("Could not convert object to NumPy timedelta")
        return _core.array(value, dtype=dt)[()]

    def __str__(self):
        # numpy's: the count of units ('10 hours' for 5 of [2h]), never cut short.
        if self._v == _NAT:
            return "NaT"
        unit, num = datetime_data(self._dt)
        return f"{self._v * num} {_WORDS[unit]}"

    def __repr__(self):
        v = "'NaT'" if self._v == _NAT else str(self._v)
        if "[" not in self._dt.str:
            return f"np.timedelta64({v})"
        return f"np.timedelta64({v},'{self._unit_text()}')"


_WORDS = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "h": "hours",
          "m": "minutes", "s": "seconds", "ms": "milliseconds", "us": "microseconds",
          "ns": "nanoseconds", "ps": "picoseconds", "fs": "femtoseconds", "as": "attoseconds",
          "generic": "generic time units"}

install(datetime64, _python_time)
install(timedelta64, _python_time)


def _unpickle(is_datetime, v, dtype_str):
    cls = datetime64 if is_datetime else timedelta64
    return cls._rp_make(v, _core.dtype(dtype_str))


def datetime_data(dtype, /):
    """The unit and count of a datetime or timedelta dtype: ``('s', 3)`` for ``M8[3s]``."""
    dt = _core.dtype(dtype)
    if dt.kind not in "Mm":
        raise TypeError("cannot get datetime metadata from non-datetime type")
    s = dt.str
    if "[" not in s:
        return ("generic", 1)
    inner = s[s.index("[") + 1:-1]
    digits = len(inner) - len(inner.lstrip("0123456789"))
    return (inner[digits:], int(inner[:digits]) if digits else 1)


def datetime_as_string(arr, unit=None, timezone="naive", casting="same_kind"):
    """ISO 8601 text of each datetime (numpy.datetime_as_string): in ``unit`` (the array's
    own, a unit name, or 'auto' for the coarsest exact one per item), 'Z'-suffixed when
    ``timezone='UTC'``."""
    a = _core.asanyarray(arr)
    if a.dtype.kind != "M":
        raise TypeError("input must have type NumPy datetime")
    if isinstance(timezone, str):
        if timezone not in ("naive", "UTC", "local"):
            raise ValueError(f"Unsupported timezone input string \"{timezone}\"")
    elif not hasattr(timezone, "utcoffset"):
        raise TypeError(f"Invalid timezone input {timezone!r}")
    if unit is not None and unit != "auto":
        own = datetime_data(a.dtype)[0]
        try:
            target = _core.dtype(f"M8[{unit}]")
        except TypeError:
            raise TypeError(f'Invalid datetime unit "{unit}" in metadata') from None
        if own != "generic" and not _core.can_cast(_core.dtype(f"M8[{own}]"), target, casting):
            raise TypeError(f"Cannot create a datetime string as units '{unit}' from a NumPy "
                            f"datetime with units '{own}' according to the rule '{casting}'")
    if isinstance(timezone, str):
        r = _core._datetime_strings(a, unit, timezone == "UTC")
    else:
        # A tzinfo with a fixed offset: local times in it, with the offset as +hhmm.
        offset = timezone.utcoffset(None)
        if offset is None:
            raise ValueError("timezone has no fixed offset from UTC")
        minutes = int(offset.total_seconds() // 60)
        local = a + _core.array(minutes, "m8[m]") if minutes else a
        r = _core._datetime_strings(local, unit, False)
        sign = "-" if minutes < 0 else "+"
        suffix = f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
        width = r.dtype.itemsize // 4 + 4
        r = _core.array([s if s == "NaT" else s + suffix for s in r.ravel().tolist()],
                        dtype=f"U{width}").reshape(r.shape)
    return r if r.ndim else r[()]
