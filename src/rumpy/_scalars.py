"""NumPy's scalar type hierarchy in pure Python (must not import numpy).

Classes: ``generic`` > ``number`` > ``integer`` > ``signedinteger`` /
``unsignedinteger``, ``number`` > ``inexact`` > ``floating`` /
``complexfloating``, and the 14 concrete types ``bool`` (exported as
``bool``/``bool_``), ``int8`` ... ``uint64``, ``float16``, ``float32``,
``float64``, ``complex64``, ``complex128``.

As in NumPy, ``float64`` subclasses Python ``float`` and ``complex128``
subclasses Python ``complex``; every other concrete type keeps its value in
the instance (stored raw by the Rust core), seen as the ``_v`` property:
a Python ``int`` for the integer types, a Python ``float`` holding the exact
narrow value for float16/float32, a Python ``complex`` with float32 parts for
complex64, a Python ``bool`` for ``bool``.  ``x._v`` works for every type (a
property of ``float`` / ``complex`` for float64/complex128).

The Rust core registers ``SCALAR_TYPES`` and builds scalars with
``cls(python_value)``; that path is kept short.

Arithmetic follows NumPy 2 (NEP 50): two rumpy scalars promote with
``promote_types``; a Python int/float/complex is *weak* and takes the type of
the rumpy operand when its kind allows.  The values are computed by the core's
ufunc loops on one item (``rumpy._core``), with NumPy's scalar-math rules
(integer overflow checks, C's pow) and its warnings ("overflow encountered in
scalar add", ...); this module converts foreign operands, decides between
NotImplemented and NumPy's TypeError, and emulates complex products and powers
exactly where the core's complex loops do not yet raise NumPy's conditions.
"""

import builtins
import math
import operator
import struct
import sys
import warnings

__all__ = [
    "generic", "number", "integer", "signedinteger", "unsignedinteger",
    "inexact", "floating", "complexfloating",
    "bool", "bool_", "int8", "uint8", "int16", "uint16", "int32", "uint32",
    "int64", "uint64", "float16", "float32", "float64", "complex64",
    "complex128",
    "byte", "ubyte", "short", "ushort", "intc", "uintc", "int_", "intp",
    "long", "longlong", "uint", "uintp", "ulong", "ulonglong", "half",
    "single", "double", "csingle", "cdouble",
    "True_", "False_", "SCALAR_TYPES", "ComplexWarning",
    "promote_scalar_types", "PROMOTION_TABLE",
]

_pybool = builtins.bool          # this module later binds ``bool`` to rumpy's
_inf = math.inf
_nan = math.nan
_copysign = math.copysign
_floor = math.floor
_onew = object.__new__
_fnew = float.__new__
_cnew = complex.__new__


try:
    from .exceptions import ComplexWarning
except ImportError:     # pragma: no cover - loaded outside the package
    class ComplexWarning(RuntimeWarning):
        """A complex value was cast to a real type (numpy's ComplexWarning)."""

# ---------------------------------------------------------------------------
# Type numbers and per-type tables
# ---------------------------------------------------------------------------

(BOOL, INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64,
 FLOAT16, FLOAT32, FLOAT64, COMPLEX64, COMPLEX128) = range(14)

_NAMES = ('bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32',
          'int64', 'uint64', 'float16', 'float32', 'float64', 'complex64',
          'complex128')
_KIND = ('b', 'i', 'u', 'i', 'u', 'i', 'u', 'i', 'u', 'f', 'f', 'f', 'c', 'c')
_ITEMSIZE = (1, 1, 1, 2, 2, 4, 4, 8, 8, 2, 4, 8, 8, 16)
_NAME_TO_NUM = {n: i for i, n in enumerate(_NAMES)}

_BITS = tuple(8 * s for s in _ITEMSIZE)
_LO = tuple(-(1 << (b - 1)) if k == 'i' else 0
            for k, b in zip(_KIND, _BITS))
_HI = tuple((1 << (b - 1)) - 1 if k == 'i' else ((1 << b) - 1 if k == 'u' else 1)
            for k, b in zip(_KIND, _BITS))
_MASK = tuple((1 << b) - 1 for b in _BITS)
_LONG_MIN = -(1 << 63)
_LONG_MAX = (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1

# Float16 for the inexact part of each type (float part of complex types)
_FLOAT_PART = {FLOAT16: FLOAT16, FLOAT32: FLOAT32, FLOAT64: FLOAT64,
               COMPLEX64: FLOAT32, COMPLEX128: FLOAT64}

# Floating point exception flags (numpy reports them in this order)
_DIVZ, _OVER, _UNDER, _INVAL = 1, 2, 4, 8

# ---------------------------------------------------------------------------
# Rounding to the narrow float types (struct's 'f' and 'e' round half to even)
# ---------------------------------------------------------------------------

_S32 = struct.Struct('f')
_S16 = struct.Struct('e')
_p32, _u32 = _S32.pack, _S32.unpack
_p16, _u16 = _S16.pack, _S16.unpack


def _wrap(v, tn):
    """Wrap the Python int ``v`` to the integer type ``tn`` (two's complement)."""
    v &= _MASK[tn]
    if _KIND[tn] == 'i' and v > _HI[tn]:
        v -= 1 << _BITS[tn]
    return v


# ---------------------------------------------------------------------------
# Warnings / floating point error reporting
# ---------------------------------------------------------------------------

# numpy's default error state.  The package may install its own
# ``seterr``/``errstate`` by replacing ``get_errstate`` with a callable
# returning a dict like this one (values: 'ignore', 'warn', 'raise', 'print').
_DEFAULT_ERRSTATE = {'divide': 'warn', 'over': 'warn', 'under': 'ignore',
                     'invalid': 'warn'}


def get_errstate():
    return _DEFAULT_ERRSTATE


_MODULE_GLOBALS = globals()


def _warn(msg, category=RuntimeWarning):
    """warnings.warn attributed to the first frame outside this module."""
    level = 2
    f = sys._getframe(1)
    while f is not None and f.f_globals is _MODULE_GLOBALS:
        f = f.f_back
        level += 1
    warnings.warn(msg, category, stacklevel=level)


def _emit(flags, where):
    """Report floating point flags like numpy's PyUFunc_GiveFloatingpointErrors."""
    state = get_errstate()
    for bit, key, text in ((_DIVZ, 'divide', 'divide by zero'),
                           (_OVER, 'over', 'overflow'),
                           (_UNDER, 'under', 'underflow'),
                           (_INVAL, 'invalid', 'invalid value')):
        if flags & bit:
            mode = state.get(key, 'warn')
            if mode == 'ignore':
                continue
            msg = f"{text} encountered in {where}"
            if mode == 'raise':
                raise FloatingPointError(msg)
            if mode == 'print':
                print(f"Warning: {msg}")
            else:
                _warn(msg)


def _cast_round(x, tn):
    """Round the Python float ``x`` to the float type ``tn`` as a numpy cast
    (warning "overflow encountered in cast" when a finite value overflows)."""
    return _cast(x, FLOAT64, tn)


# ---------------------------------------------------------------------------
# Promotion (NEP 50): the core's (``PROMOTION_TABLE`` and ``_WEAK_RESULT`` are
# read from it once the core is loaded, at the end of this module).
# ---------------------------------------------------------------------------

_WEAK_KIND = {int: 'i', float: 'f', complex: 'c'}


def promote_scalar_types(a, b):
    """Promote two rumpy scalar classes (or type numbers) to the result class."""
    ta = a if isinstance(a, int) else a._rp_type_num
    tb = b if isinstance(b, int) else b._rp_type_num
    return SCALAR_TYPES[PROMOTION_TABLE[ta][tb]]


# ---------------------------------------------------------------------------
# Conversions
# ---------------------------------------------------------------------------

def _check_pyint(v, tn):
    """A Python int converted to the integer type ``tn`` (numpy 2 rules)."""
    if _LO[tn] <= v <= _HI[tn]:
        return v
    # numpy reads the Python int as a C long (unsigned long for the
    # unsigned types of at least that C type's size)
    if v < _LONG_MIN or v > (_ULONG_MAX if tn >= UINT32 and _KIND[tn] == 'u'
                             else _LONG_MAX):
        raise OverflowError("Python int too large to convert to C long")
    raise OverflowError(f"Python integer {v} out of bounds for {_NAMES[tn]}")


def _cast(v, src, dst):
    """numpy's (unsafe) cast of the value ``v`` of type ``src`` to ``dst``: the
    core's cast, with its conditions reported as "... encountered in cast"."""
    if _KIND[src] == 'c' and _KIND[dst] not in 'cb':
        _warn("Casting complex values to real discards the imaginary part",
              ComplexWarning)
    r, flags = _core_cast(v, src, dst)
    if flags:
        _emit(flags, 'cast')
    return r


def _weak_value(v, wk, rt):
    """Python scalar ``v`` of weak kind ``wk`` as an operand of type ``rt``."""
    k = _KIND[rt]
    if wk == 'i':
        if k in 'iu':
            return _check_pyint(v, rt)
        v = float(v)
    elif wk == 'c':
        return complex(_cast_round(v.real, rt), _cast_round(v.imag, rt))
    if k == 'f':
        return _cast_round(float(v), rt)
    return complex(_cast_round(float(v), rt), 0.0)


# numpy scalar class names (other than the canonical ones) that may show up
_FOREIGN_NAMES = dict(_NAME_TO_NUM)
_FOREIGN_NAMES.update({'longlong': INT64, 'ulonglong': UINT64,
                       'bool_': BOOL, 'intc': INT32, 'uintc': UINT32})


def _foreign(x):
    """(type_num, value, weak_kind) for a non-rumpy operand, or None."""
    t = type(x)
    if getattr(t, '__module__', None) == 'numpy':
        tn = _FOREIGN_NAMES.get(t.__name__)
        if tn is not None:
            return tn, x.item(), None
        return None
    if isinstance(x, int):          # int subclasses (bool cannot be subclassed)
        return None, int(x), 'i'
    if isinstance(x, float):
        return None, float(x), 'f'
    if isinstance(x, complex):
        return None, complex(x), 'c'
    return None


# ---------------------------------------------------------------------------
# Result construction
# ---------------------------------------------------------------------------

def _slot_maker(cls):
    def mk(v):
        o = _onew(cls)
        o._v = v
        return o
    return mk


def _mk_bool(v):
    return True_ if v else False_


def _mk_f64(v):
    return _fnew(float64, v)


def _mk_c128(v):
    return _cnew(complex128, v)


# ---------------------------------------------------------------------------
# Operations
# ---------------------------------------------------------------------------

(_ADD, _SUB, _MUL, _TDIV, _FDIV, _MOD, _DIVMOD, _POW, _LSH, _RSH, _AND, _OR,
 _XOR) = range(13)
_OPNAMES = ('add', 'subtract', 'multiply', 'divide', 'floor_divide',
            'remainder', 'divmod', 'power', 'left_shift', 'right_shift',
            'bitwise_and', 'bitwise_or', 'bitwise_xor')


def _no_loop(name):
    return TypeError(
        f"ufunc '{name}' not supported for the input types, and the inputs "
        "could not be safely coerced to any supported types according to "
        "the casting rule ''safe''")


def _defers_to(self, other):
    """NumPy's rule for a scalar's operator meeting an object it does not know: give the
    other operand its reflected method (NotImplemented) when its class opts out of ufuncs
    (``__array_ufunc__ = None``) or, without ``__array_ufunc__``, has a higher
    ``__array_priority__`` and is not a subclass of the scalar's class."""
    t = type(other)
    au = getattr(t, '__array_ufunc__', _MISSING)
    if au is not _MISSING:
        return au is None
    if isinstance(other, type(self)):
        return False
    prio = getattr(other, '__array_priority__', _SCALAR_PRIORITY)
    return _SCALAR_PRIORITY < prio


_MISSING = object()
_MUL_OP = _OPNAMES.index('multiply')
_SCALAR_PRIORITY = -1000000.0


def _as_array_op(self, other, op, refl):
    """The operator as the array operation, as NumPy's scalars do with an operand that is
    not a number they know: ``other`` is converted by array coercion (``__array__``, a
    sequence, or an object array whose items do the arithmetic)."""
    if _defers_to(self, other):
        return NotImplemented
    if op == _MUL_OP and isinstance(other, (list, tuple, str, bytes, bytearray)):
        return NotImplemented  # the sequence's repetition, as Python's int gives
    if refl and isinstance(other, (str, bytes)):
        return NotImplemented  # the text's own operator reports the error
    from . import _core
    uf = getattr(_core, _OPNAMES[op])
    return uf(other, self) if refl else uf(self, other)


def _binary(self, other, op, refl):
    ta = self._rp_type_num
    t = type(other)
    wk = _WEAK_KIND.get(t)
    tb = None
    if wk is not None:
        rt = _WEAK_RESULT[wk][ta]
        scalar = ta != BOOL and rt == ta
    else:
        if t is _pybool:
            tb, vb = BOOL, other
        elif isinstance(other, generic):
            tb, vb = other._rp_type_num, other._v
        else:
            f = _foreign(other)
            if f is None:
                return _as_array_op(self, other, op, refl)
            tb, vb, wk = f
            if wk is not None:
                return _binary(self, vb, op, refl)
        rt = PROMOTION_TABLE[ta][tb]
        scalar = ta != BOOL and (rt == ta or rt == tb)
    k = _KIND[rt]
    if op >= _FDIV and op != _POW and (k == 'c' or (k == 'f' and op >= _LSH)):
        # no loop for the operand types (checked before any conversion)
        if scalar and op <= _DIVMOD:
            return NotImplemented
        raise _no_loop(_OPNAMES[op])
    if wk is not None:
        if (op == _TDIV and wk == 'i' and k in 'iu' and
                not _LO[rt] <= other <= _HI[rt]):
            # integer true_divide runs in float64: numpy converts an
            # out-of-range Python int straight to it
            va, vb = float(self._v), float(other)
            if refl:
                va, vb = vb, va
            return _scalar_op(self, _TDIV, FLOAT64, va, FLOAT64, vb, scalar)
        vb = _weak_value(other, wk, rt)
        tb = rt
    va = self._v
    # the core's loops, with numpy's scalar-math rules (rumpy._core)
    if refl:
        return _scalar_op(self, op, tb, vb, ta, va, scalar)
    return _scalar_op(self, op, ta, va, tb, vb, scalar)


# comparisons
_LT, _LE, _EQ, _NE, _GT, _GE = range(6)


def _cmp_values(op, a, b):
    if op == _EQ:
        return a == b
    if op == _NE:
        return a != b
    if op == _LT:
        return a < b
    if op == _LE:
        return a <= b
    if op == _GT:
        return a > b
    return a >= b


_CMP_UFUNCS = ('less', 'less_equal', 'equal', 'not_equal', 'greater', 'greater_equal')


def _as_array_cmp(self, other, op):
    """A comparison with an object the scalar does not know, as the array comparison (see
    :func:`_as_array_op`); ``==`` and ``!=`` without a loop fall back to identity."""
    if _defers_to(self, other):
        return NotImplemented
    if op in (_EQ, _NE):
        if other is None:
            return op == _NE
        if not _array_like(other):
            return NotImplemented  # Python's identity comparison
    from . import _core
    try:
        return getattr(_core, _CMP_UFUNCS[op])(self, other)
    except TypeError:
        if op in (_EQ, _NE):
            return True_ if op == _NE else False_
        raise


def _array_like(x):
    return (isinstance(x, (list, tuple, str, bytes)) or hasattr(x, '__array__')
            or hasattr(x, '__array_interface__'))


def _compare(self, other, op):
    ta = self._rp_type_num
    t = type(other)
    wk = _WEAK_KIND.get(t)
    tb = None
    if wk is not None:
        if wk == 'i' and _KIND[ta] in 'biu':
            # numpy 2 compares Python ints exactly, even out of range (but
            # a bool meets them as int64)
            if ta == BOOL:
                _check_pyint(other, INT64)
            return True_ if _cmp_values(op, self._v, other) else False_
        rt = tb = _WEAK_RESULT[wk][ta]
        vb = _weak_value(other, wk, rt)
        scalar = ta != BOOL and rt == ta
    else:
        if t is _pybool:
            tb, vb = BOOL, other
        elif isinstance(other, generic):
            tb, vb = other._rp_type_num, other._v
        else:
            f = _foreign(other)
            if f is None:
                return _as_array_cmp(self, other, op)
            tb, vb, wk = f
            if wk is not None:
                return _compare(self, vb, op)
        if _KIND[ta] in 'biu' and _KIND[tb] in 'biu':
            # exact, also for int64 vs uint64 (numpy has mixed loops)
            return True_ if _cmp_values(op, self._v, vb) else False_
        rt = PROMOTION_TABLE[ta][tb]
        scalar = ta != BOOL and (rt == ta or rt == tb)
    # the core's comparison loops (rumpy._core)
    return _scalar_cmp(self, op, ta, self._v, tb, vb, scalar)


# ---------------------------------------------------------------------------
# repr / str (formatting lives in _print.py)
# ---------------------------------------------------------------------------

try:
    from ._print import scalar_repr as _scalar_repr, scalar_str as _scalar_str
except ImportError:   # pragma: no cover - _print not there yet
    def _scalar_repr(value, dtype_name):
        from ._print import scalar_repr
        return scalar_repr(value, dtype_name)

    def _scalar_str(value, dtype_name):
        from ._print import scalar_str
        return scalar_str(value, dtype_name)


_DTYPES = {}


def _dtype_of(tn):
    d = _DTYPES.get(tn)
    if d is None:
        from . import _core
        d = _DTYPES[tn] = _core.dtype(_NAMES[tn])
    return d


def _reconstruct(tn, value):
    """Unpickling helper."""
    return SCALAR_TYPES[tn](value)


# ---------------------------------------------------------------------------
# The hierarchy
# ---------------------------------------------------------------------------

def _binop_pair(op):
    def f(self, other):
        return _binary(self, other, op, False)

    def rf(self, other):
        return _binary(self, other, op, True)
    return f, rf


def _cmpop(op):
    def f(self, other):
        return _compare(self, other, op)
    return f


class _LazyNumpyArray:
    """``numpy.array``, looked up on first use (rumpy imports without NumPy)."""

    def __call__(self, *args, **kwargs):
        import numpy
        _NUMPY_ARRAY[0] = numpy.array
        return numpy.array(*args, **kwargs)


_NUMPY_ARRAY = [_LazyNumpyArray()]


class generic:
    """Base class of the rumpy scalar types (numpy.generic)."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError(f"cannot create '{cls.__module__}.{cls.__name__}' "
                        "instances")

    # (__array_ufunc__ and __array_function__: rumpy._overrides sets them.)

    # -- array-like attributes --------------------------------------------
    ndim = 0
    shape = ()
    size = 1
    strides = ()
    base = None

    @property
    def dtype(self):
        return _dtype_of(self._rp_type_num)

    @property
    def nbytes(self):
        return self.itemsize

    @property
    def T(self):
        return self

    @property
    def real(self):
        tn = self._rp_type_num
        if _KIND[tn] == 'c':
            return _MAKE[_FLOAT_PART[tn]](self._v.real)
        return _MAKE[tn](self._v)

    @property
    def imag(self):
        tn = self._rp_type_num
        k = _KIND[tn]
        if k == 'c':
            return _MAKE[_FLOAT_PART[tn]](self._v.imag)
        return _MAKE[tn](_pybool(0) if k == 'b' else (0.0 if k == 'f' else 0))

    def conjugate(self):
        tn = self._rp_type_num
        if _KIND[tn] == 'c':
            v = self._v
            return _MAKE[tn](complex(v.real, -v.imag))
        return _MAKE[tn](self._v)

    conj = conjugate

    def item(self, *args):
        if args and args not in ((0,), (-1,), ((),), ((0,),), ((-1,),)):
            raise IndexError("index out of bounds")
        return self._v

    def tolist(self):
        return self._v

    def astype(self, dtype, *args, **kwargs):
        tn = _resolve_type_num(dtype)
        if tn is None:
            raise TypeError(f"data type {dtype!r} not understood")
        return _MAKE[tn](_cast(self._v, self._rp_type_num, tn))

    def __getitem__(self, key):
        if isinstance(key, tuple) and key == ():
            return self
        # NumPy indexes the scalar as a 0-d array (`[...]` gives a 0-d array, `[None]` a
        # 1-d one, a 0-d boolean array a mask) and names any failure so.
        from . import _core
        try:
            return _core.asanyarray(self)[key]
        except Exception:
            pass
        raise IndexError("invalid index to scalar variable.")

    def round(self, decimals=0, out=None):
        """The scalar rounded to ``decimals`` places (see ``rumpy.round``)."""
        from ._helpers import round as _round
        return _round(self, decimals, out)

    def __array__(self, dtype=None, copy=None):
        # Only NumPy asks for this, so NumPy is loaded: the value as a 0-d NumPy array of this
        # scalar's dtype (without it NumPy would see an opaque object).
        cls = type(self)
        # NumPy's descriptor of the class, made once (rumpy._interop's __numpy_dtype__).
        a = _NUMPY_ARRAY[0](self._v, dtype=cls.__numpy_dtype__)
        return a if dtype is None else a.astype(dtype, copy=False)

    # Scalars index with () but are not sequences: without this, __getitem__ would make
    # them iterable.
    def __iter__(self):
        raise TypeError(f"'rumpy.{type(self).__name__}' object is not iterable")

    def __reduce__(self):
        tn = self._rp_type_num
        if type(self) is SCALAR_TYPES[tn]:
            return (_reconstruct, (tn, self._v))
        return (type(self), (self._v,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- conversions ------------------------------------------------------
    def __bool__(self):
        return self._v != 0

    def __int__(self):
        v = self._v
        if _KIND[self._rp_type_num] == 'c':
            _warn("Casting complex values to real discards the imaginary "
                  "part", ComplexWarning)
            v = v.real
        return int(v)

    def __float__(self):
        v = self._v
        if _KIND[self._rp_type_num] == 'c':
            _warn("Casting complex values to real discards the imaginary "
                  "part", ComplexWarning)
            v = v.real
        return float(v)

    def __complex__(self):
        return complex(self._v)

    def __hash__(self):
        return hash(self._v)

    def __repr__(self):
        return _scalar_repr(self._v, self._rp_name)

    def __str__(self):
        return _scalar_str(self._v, self._rp_name)

    def __format__(self, spec):
        return format(self._v, spec)

    # -- comparisons ------------------------------------------------------
    __lt__ = _cmpop(_LT)
    __le__ = _cmpop(_LE)
    __eq__ = _cmpop(_EQ)
    __ne__ = _cmpop(_NE)
    __gt__ = _cmpop(_GT)
    __ge__ = _cmpop(_GE)

    # -- arithmetic -------------------------------------------------------
    __add__, __radd__ = _binop_pair(_ADD)
    __sub__, __rsub__ = _binop_pair(_SUB)
    __mul__, __rmul__ = _binop_pair(_MUL)
    __truediv__, __rtruediv__ = _binop_pair(_TDIV)
    __floordiv__, __rfloordiv__ = _binop_pair(_FDIV)
    __mod__, __rmod__ = _binop_pair(_MOD)
    __divmod__, __rdivmod__ = _binop_pair(_DIVMOD)
    __lshift__, __rlshift__ = _binop_pair(_LSH)
    __rshift__, __rrshift__ = _binop_pair(_RSH)
    __and__, __rand__ = _binop_pair(_AND)
    __or__, __ror__ = _binop_pair(_OR)
    __xor__, __rxor__ = _binop_pair(_XOR)

    def __pow__(self, other, mod=None):
        if mod is not None:
            return NotImplemented
        return _binary(self, other, _POW, False)

    def __rpow__(self, other, mod=None):
        if mod is not None:
            return NotImplemented
        return _binary(self, other, _POW, True)

    # -x, +x, abs(x), ~x: the core's loops with numpy's scalar math (the C
    # slots of the concrete classes go there directly; these serve subclasses)
    def __neg__(self):
        return _scalar_unary(self, 0)

    def __pos__(self):
        return _scalar_unary(self, 1)

    def __abs__(self):
        return _scalar_unary(self, 2)

    def __invert__(self):
        return _scalar_unary(self, 3)

    __class_getitem__ = classmethod(lambda cls, item: cls)


class number(generic):
    __slots__ = ()


class integer(number):
    __slots__ = ()

    def __index__(self):
        return self._v

    @property
    def numerator(self):
        return self

    @property
    def denominator(self):
        return 1

    def is_integer(self):
        return True

    def bit_count(self):
        return abs(self._v).bit_count()

    def __round__(self, ndigits=None):
        if ndigits is None:
            return self._v
        return _round_to(self, ndigits)


def _round_to(x, ndigits):
    """``round(x, ndigits)`` as NumPy: its array rounding (PyArray_Round: multiply or divide
    by 10**|ndigits|, rint, back, in the core's loops with their warnings) on the 0-d array,
    a scalar of x's type."""
    from ._helpers import _round_array
    a = getattr(x, "_a", None)  # (the extended types hold a 0-d array)
    if a is None:
        a = _core.array(x._v, dtype=_NAMES[x._rp_type_num])
    return _round_array(a, operator.index(ndigits), None)[()]


class signedinteger(integer):
    __slots__ = ()


class unsignedinteger(integer):
    __slots__ = ()


class inexact(number):
    __slots__ = ()


class floating(inexact):
    __slots__ = ()

    def is_integer(self):
        v = self._v
        return v - v == 0 and v == _floor(v)

    def as_integer_ratio(self):
        return float(self._v).as_integer_ratio()

    def __round__(self, ndigits=None):
        if ndigits is None:
            return round(self._v)
        return _round_to(self, ndigits)


class complexfloating(inexact):
    __slots__ = ()


# ---------------------------------------------------------------------------
# Concrete types
# ---------------------------------------------------------------------------

def _concrete(name, bases, value_member=True, **attrs):
    """A concrete scalar class: a C-level type made by the core over ``bases`` (its
    arithmetic and comparisons run on the core's loops), holding its value in a ``_v``
    member unless it is float64/complex128, whose value is the float/complex itself."""
    from . import _core
    cls = _core._scalar_type(name, bases, value_member)
    # A C-level rich comparison hides the inherited hash: give it back.
    cls.__hash__ = attrs.pop('__hash__', generic.__hash__)
    for k, v in attrs.items():
        setattr(cls, k, staticmethod(v) if k == '__new__' else v)
    return cls


def _bool_new(cls, value=False):
    return True_ if value else False_


bool_ = _concrete('bool', (generic,), __new__=_bool_new, __bool__=lambda self: self._v,
                  __doc__="Boolean scalar (numpy.bool); only the singletons True_ and False_.")


def _int_new(cls, value=0):
    """Constructor of the integer types (fast path: an in-range Python int)."""
    if type(value) is int and cls._lo <= value <= cls._hi:
        o = _onew(cls)
        o._v = value
        return o
    tn = cls._rp_type_num
    if isinstance(value, generic):
        v = _cast(value._v, value._rp_type_num, tn)
    else:
        f = None if isinstance(value, (str, bytes)) else _foreign(value)
        if f is not None and f[2] is None:
            v = _cast(f[1], f[0], tn)
        else:
            v = _check_pyint(int(value), tn)
    o = _onew(cls)
    o._v = v
    return o


int8 = _concrete('int8', (signedinteger,), __new__=_int_new)
uint8 = _concrete('uint8', (unsignedinteger,), __new__=_int_new)
int16 = _concrete('int16', (signedinteger,), __new__=_int_new)
uint16 = _concrete('uint16', (unsignedinteger,), __new__=_int_new)
int32 = _concrete('int32', (signedinteger,), __new__=_int_new)
uint32 = _concrete('uint32', (unsignedinteger,), __new__=_int_new)
int64 = _concrete('int64', (signedinteger,), __new__=_int_new)
uint64 = _concrete('uint64', (unsignedinteger,), __new__=_int_new)


def _to_pyfloat(value, tn):
    """Python float for the float constructors (slow path)."""
    if value is None:
        return _nan
    if isinstance(value, generic):
        if not hasattr(value, "_v"):
            # a long double: the core's cast (to float16 through float32, as NumPy's)
            from . import _core
            return float(_core.asanyarray(value).astype(_NAMES[tn]).item())
        return _cast(value._v, value._rp_type_num, tn)
    if not isinstance(value, (str, bytes)):
        f = _foreign(value)
        if f is not None and f[2] is None:
            return _cast(f[1], f[0], tn)
    return _cast_round(float(value), tn)


def _f16_new(cls, value=0.0):
    o = _onew(cls)
    if type(value) is float:
        try:
            o._v = _u16(_p16(value))[0]
        except OverflowError:
            o._v = _cast_round(value, FLOAT16)
    else:
        o._v = _to_pyfloat(value, FLOAT16)
    return o


def _f32_new(cls, value=0.0):
    o = _onew(cls)
    if type(value) is float:
        v = _u32(_p32(value))[0]        # (struct's 'f' overflows to inf)
        if v - v != 0 and value - value == 0:
            _emit(_OVER, 'cast')
        o._v = v
    else:
        o._v = _to_pyfloat(value, FLOAT32)
    return o


def _f64_new(cls, value=0.0):
    if type(value) is float:
        return _fnew(cls, value)
    return _fnew(cls, _to_pyfloat(value, FLOAT64))


float16 = _concrete('float16', (floating,), __new__=_f16_new)
float32 = _concrete('float32', (floating,), __new__=_f32_new)
float64 = _concrete('float64', (floating, float), False, __new__=_f64_new,
                    _v=property(float.__float__), __hash__=float.__hash__,
                    __bool__=float.__bool__)


def _to_pycomplex(cls, real, imag):
    tn = cls._rp_type_num
    if imag is not None:
        if not all(isinstance(x, (int, float, generic)) and
                   not isinstance(x, complexfloating)
                   for x in (real, imag)):
            raise TypeError("Could not convert arguments into a complex "
                            f"scalar. '{(real, imag)!r}' given.")
        return complex(_cast_round(float(real), tn),
                       _cast_round(float(imag), tn))
    value = real
    if value is None:
        return complex(_nan, _nan)
    if isinstance(value, generic):
        return _cast(value._v, value._rp_type_num, tn)
    if isinstance(value, bytes):
        value = value.decode()
    elif not isinstance(value, str):
        f = _foreign(value)
        if f is not None and f[2] is None:
            return _cast(f[1], f[0], tn)
    c = complex(value)
    return complex(_cast_round(c.real, tn), _cast_round(c.imag, tn))


def _c64_new(cls, real=0.0, imag=None):
    o = _onew(cls)
    if type(real) is complex and imag is None:
        re, im = real.real, real.imag
        r, i = _u32(_p32(re))[0], _u32(_p32(im))[0]
        if (r - r != 0 and re - re == 0) or (i - i != 0 and im - im == 0):
            _emit(_OVER, 'cast')
        o._v = complex(r, i)
    else:
        o._v = _to_pycomplex(cls, real, imag)
    return o


def _c128_new(cls, real=0.0, imag=None):
    if type(real) is complex and imag is None:
        return _cnew(cls, real)
    return _cnew(cls, _to_pycomplex(cls, real, imag))


complex64 = _concrete('complex64', (complexfloating,), __new__=_c64_new)
complex128 = _concrete('complex128', (complexfloating, complex), False, __new__=_c128_new,
                       _v=property(complex.__complex__), __hash__=complex.__hash__,
                       __bool__=complex.__bool__)


SCALAR_TYPES = [bool_, int8, uint8, int16, uint16, int32, uint32, int64,
                uint64, float16, float32, float64, complex64, complex128]

for _tn, _cls in enumerate(SCALAR_TYPES):
    _cls._rp_type_num = _tn
    _cls._rp_name = _NAMES[_tn]
    _cls.itemsize = _ITEMSIZE[_tn]
    _cls._lo = _LO[_tn]
    _cls._hi = _HI[_tn]

for _cls in [generic, number, integer, signedinteger, unsignedinteger,
             inexact, floating, complexfloating] + SCALAR_TYPES:
    _cls.__module__ = 'rumpy'
del _tn, _cls

True_ = _onew(bool_)
True_._v = True
False_ = _onew(bool_)
False_._v = False

from . import _core  # noqa: E402  (the core makes the concrete classes above)
_core._register_scalar_math(generic, _binary, _compare, _emit)
_core_cast = _core._scalar_cast
_table, _weak = _core._promotion_tables()
PROMOTION_TABLE = tuple(tuple(row) for row in _table)
# the type a weak Python int ('i'), float ('f') or complex ('c') meets each type as
_WEAK_RESULT = {k: tuple(w) for k, w in zip('ifc', _weak)}
del _table, _weak
_core_op = _core._scalar_op
_core_cmp = _core._scalar_cmp


def _scalar_op(me, op, ta, va, tb, vb, scalar):
    """``va <op> vb`` on the core's loops, as this module's scalars."""
    r = _core_op(me, op, ta, va, tb, vb, scalar)
    if len(r) == 1:
        t, v = r[0]
        return _MAKE[t](v)
    return tuple(_MAKE[t](v) for t, v in r)


def _scalar_unary(me, op):
    """``<op> me`` (negative, positive, absolute, invert) on the core's loops."""
    ((t, v),) = _core._scalar_unary(me, op, me._rp_type_num, me._v)
    return _MAKE[t](v)


def _scalar_cmp(me, op, ta, va, tb, vb, scalar):
    return True_ if _core_cmp(me, op, ta, va, tb, vb, scalar) else False_

_MAKE = ([_mk_bool] + [_slot_maker(c) for c in SCALAR_TYPES[1:11]] +
         [_mk_f64, _slot_maker(complex64), _mk_c128])

# ---------------------------------------------------------------------------
# Aliases (numpy 2 names on 64-bit Linux)
# ---------------------------------------------------------------------------

globals()['bool'] = bool_
byte = int8
ubyte = uint8
short = int16
ushort = uint16
intc = int32
uintc = uint32
int_ = intp = long = longlong = int64
uint = uintp = ulong = ulonglong = uint64
half = float16
single = float32
double = float64
csingle = complex64
cdouble = complex128

# ---------------------------------------------------------------------------
# dtype-like -> type number (used by astype and _finfo)
# ---------------------------------------------------------------------------

_DTYPE_STRINGS = {}
for _tn, _names in enumerate((
        ('bool', 'bool_', '?', 'b1'),
        ('int8', 'i1', 'b', 'byte'),
        ('uint8', 'u1', 'B', 'ubyte'),
        ('int16', 'i2', 'h', 'short'),
        ('uint16', 'u2', 'H', 'ushort'),
        ('int32', 'i4', 'i', 'intc'),
        ('uint32', 'u4', 'I', 'uintc'),
        ('int64', 'i8', 'l', 'q', 'long', 'longlong', 'int', 'int_', 'intp',
         'p'),
        ('uint64', 'u8', 'L', 'Q', 'ulong', 'ulonglong', 'uint', 'uintp',
         'P'),
        ('float16', 'f2', 'e', 'half'),
        ('float32', 'f4', 'f', 'single'),
        ('float64', 'f8', 'd', 'double', 'float'),
        ('complex64', 'c8', 'F', 'csingle'),
        ('complex128', 'c16', 'D', 'cdouble', 'complex'))):
    for _n in _names:
        _DTYPE_STRINGS[_n] = _tn
del _tn, _names, _n

_PY_TYPES = {builtins.bool: BOOL, int: INT64, float: FLOAT64,
             complex: COMPLEX128}


def _type_num_from_string(s):
    tn = _DTYPE_STRINGS.get(s)
    if tn is None and len(s) > 1 and s[0] in '<>=|':
        tn = _DTYPE_STRINGS.get(s[1:])
    if tn is None:
        try:
            from . import _core
            tn = _NAME_TO_NUM.get(_core.dtype(s).name)
        except Exception:
            tn = None
    return tn


def _resolve_type_num(x):
    """Type number of a dtype-like (name, scalar class, Python type, numpy or
    rumpy dtype, scalar instance), or None."""
    if isinstance(x, str):
        return _type_num_from_string(x)
    if isinstance(x, type):
        if issubclass(x, generic):
            return getattr(x, '_rp_type_num', None)
        tn = _PY_TYPES.get(x)
        if tn is not None:
            return tn
        if getattr(x, '__module__', None) == 'numpy':
            return _FOREIGN_NAMES.get(x.__name__)
        return None
    if isinstance(x, generic):
        return x._rp_type_num
    tn = _PY_TYPES.get(type(x))
    if tn is not None:
        return tn
    name = getattr(x, 'name', None)        # numpy / rumpy dtype objects
    if isinstance(name, str):
        return _NAME_TO_NUM.get(name)
    dt = getattr(x, 'dtype', None)         # numpy scalars, arrays
    name = getattr(dt, 'name', None)
    if isinstance(name, str):
        return _NAME_TO_NUM.get(name)
    return None
