"""rumpy: a NumPy stand-in written in Rust.

``import rumpy as rp`` where you wrote ``import numpy as np``.
"""

import math as _math

from . import _core
from ._core import (
    ndarray,
    dtype,
    array,
    asarray,
    asanyarray,
    ascontiguousarray,
    asfortranarray,
    copy,
    empty,
    zeros,
    ones,
    full,
    empty_like,
    zeros_like,
    ones_like,
    full_like,
    arange,
    linspace,
    eye,
    identity,
    tri,
    frombuffer,
    fromiter,
    copyto,
    shares_memory,
    may_share_memory,
    result_type,
    promote_types,
    can_cast,
    from_dlpack,
)
from . import exceptions
from .exceptions import AxisError, ComplexWarning, DTypePromotionError
from . import _scalars
from ._scalars import (
    generic,
    number,
    integer,
    signedinteger,
    unsignedinteger,
    inexact,
    floating,
    complexfloating,
    bool,
    bool_,
    int8,
    uint8,
    int16,
    uint16,
    int32,
    uint32,
    int64,
    uint64,
    float16,
    float32,
    float64,
    complex64,
    complex128,
    byte,
    ubyte,
    short,
    ushort,
    intc,
    uintc,
    int_,
    intp,
    uint,
    uintp,
    long,
    ulong,
    longlong,
    ulonglong,
    half,
    single,
    double,
    csingle,
    cdouble,
    True_,
    False_,
)

_core._register_scalar_types(list(_scalars.SCALAR_TYPES))

from . import _interop  # NumPy's dtype protocol, the numbers ABCs
from . import _overrides  # noqa: F401  (__array_function__; NumPy's functions return rumpy arrays)
from ._array_api import __array_api_version__, __array_namespace_info__
from ._runtime import show_config, show_runtime

from ._print import (
    set_printoptions,
    get_printoptions,
    printoptions,
    array2string,
    array_repr,
    array_str,
)
from ._finfo import finfo, iinfo

# Every ufunc of the core's table, under its NumPy name, plus NumPy's aliases.
ufunc = _core.ufunc
# numpy.strings' own ufuncs live in rumpy.strings only.
_STRINGS_ONLY = {"isalpha", "isdigit", "isspace", "isalnum", "islower", "isupper", "istitle",
                 "isdecimal", "isnumeric", "str_len"}
for _name in dir(_core):
    _obj = getattr(_core, _name)
    if isinstance(_obj, ufunc) and _name not in _STRINGS_ONLY:
        globals()[_name] = _obj
_ALIASES = {
    "true_divide": "divide", "mod": "remainder", "abs": "absolute", "pow": "power",
    "bitwise_not": "invert", "asin": "arcsin", "acos": "arccos", "atan": "arctan",
    "asinh": "arcsinh", "acosh": "arccosh", "atanh": "arctanh", "atan2": "arctan2",
    "conj": "conjugate",
    "bitwise_invert": "invert", "bitwise_left_shift": "left_shift",
    "bitwise_right_shift": "right_shift",
}
for _alias, _target in _ALIASES.items():
    if hasattr(_core, _target):
        globals()[_alias] = getattr(_core, _target)
del _name, _obj, _alias, _target

from ._reductions import sum, prod, amax, amin, max, min, mean, any, all, cumsum, cumprod  # noqa: E402
from ._reductions import (  # noqa: E402
    var, std, ptp, count_nonzero, nansum, nanprod, nanmin, nanmax, nanmean, nanvar, nanstd,
    nancumsum, nancumprod, nanargmin, nanargmax,
)
from ._helpers import (  # noqa: E402
    where, nonzero, clip, around, round, fix, isclose, allclose, array_equal, array_equiv,
    nan_to_num, real, imag, angle, real_if_close, sinc, i0, isreal, iscomplex, isrealobj,
    iscomplexobj, isneginf, isposinf, isscalar,
)
if not hasattr(_core, "conjugate"):  # until the core has the conjugate ufunc
    from ._helpers import conjugate, conj  # noqa: E402
from . import _methods  # noqa: E402,F401  (attaches var, std, round, clip, conj... to ndarray)
from ._argext import argmax, argmin  # noqa: E402
from ._sort import (  # noqa: E402
    sort, argsort, lexsort, sort_complex, searchsorted, partition, argpartition,
)
from ._npyio import save, load, savez, savez_compressed, fromfile, savetxt  # noqa: E402
from ._textio import loadtxt  # noqa: E402
from ._npyio import fromstring, fromregex  # noqa: E402
from ._field import FIELD_DTYPE, create_field, step, resonate, force, set_props, set_target  # noqa: E402
from ._shape import (  # noqa: E402
    reshape, ravel, transpose, permute_dims, matrix_transpose, swapaxes, moveaxis, rollaxis,
    expand_dims, squeeze, atleast_1d, atleast_2d, atleast_3d, broadcast_shapes, broadcast_to,
    broadcast_arrays, flip, fliplr, flipud, rot90, roll, resize, require, tile, repeat,
    trim_zeros, stack, vstack, hstack, dstack, column_stack, append, unstack, block, insert,
    delete, array_split, split, hsplit, vsplit, dsplit, ndim, shape, size, iterable,
)
from ._core import concatenate  # noqa: E402
concat = concatenate  # NumPy 2 and the Array API name it so too
from ._pad import pad  # noqa: E402
from ._indexing import (  # noqa: E402
    take, put, take_along_axis, put_along_axis, compress, extract, place, putmask, choose,
    select, diagonal, diag, diagflat, tril, triu, tril_indices, triu_indices,
    tril_indices_from, triu_indices_from, diag_indices, diag_indices_from, fill_diagonal,
    indices, ix_, meshgrid, mgrid, ogrid, unravel_index, ravel_multi_index, argwhere,
    flatnonzero, ndindex, ndenumerate, flatiter,
)
from ._records import void, flexible, record, recarray, rec  # noqa: E402
from ._text import character, str_, bytes_, object_  # noqa: E402
from ._datetime import datetime64, timedelta64, datetime_data, datetime_as_string  # noqa: E402,E501
from ._longdouble import longdouble, clongdouble, float128, complex256  # noqa: E402
from ._busday import busdaycalendar, is_busday, busday_offset, busday_count  # noqa: E402
from . import strings  # noqa: E402
from . import char  # noqa: E402
from . import linalg  # noqa: E402
from . import fft  # noqa: E402
from . import random  # noqa: E402
from . import lib  # noqa: E402
from ._memmap import memmap  # noqa: E402
from ._dtype_names import (  # noqa: E402
    typecodes, sctypeDict, ScalarType, typename, issubdtype, isdtype, common_type, mintypecode,
    min_scalar_type, astype, dtypes,
)
from ._errstate import seterr, geterr, errstate, seterrcall, geterrcall  # noqa: E402
from ._creation import logspace, geomspace
from ._setops import *  # noqa: E402,F401,F403
from ._statistics import *  # noqa: E402,F401,F403
from ._numerical import *  # noqa: E402,F401,F403
from ._histograms import *  # noqa: E402,F401,F403
from ._einsum import *  # noqa: E402,F401,F403
from ._products import *  # noqa: E402,F401,F403

newaxis = None
pi = _math.pi
e = _math.e
inf = float("inf")
nan = float("nan")
euler_gamma = 0.5772156649015329  # the Euler-Mascheroni constant, as numpy.euler_gamma

__version__ = "0.1.0"

# genfromtxt's converters name the scalar types: imported once they all exist
from ._genfromtxt import genfromtxt  # noqa: E402
from ._functional import *  # noqa: E402,F401,F403
from ._index_tricks import *  # noqa: E402,F401,F403
from ._window import *  # noqa: E402,F401,F403
from ._polynomial_legacy import *  # noqa: E402,F401,F403
from . import emath, testing  # noqa: E402,F401
from ._nditer import *  # noqa: E402,F401,F403
from ._misc_names import *  # noqa: E402,F401,F403
from .matrixlib import *  # noqa: E402,F401,F403
from . import _scalar_docs  # noqa: E402
_scalar_docs.install(__import__("sys").modules[__name__])
from . import _dispatch  # noqa: E402
_dispatch.install(globals())


# Submodules NumPy also loads on first use.
_LAZY_SUBMODULES = {"ma", "polynomial"}


def __dir__():
    return sorted(set(globals()) | _LAZY_SUBMODULES)


def __getattr__(name):
    """Lazily loaded submodules; NumPy names rumpy does not have yet get an error that says
    so."""
    if name in _LAZY_SUBMODULES:
        import importlib
        return importlib.import_module(f"{__name__}.{name}")
    from ._numpy_names import NUMPY_NAMES
    if name in NUMPY_NAMES:
        raise AttributeError(f"module 'rumpy' has no attribute '{name}': numpy.{name} is "
                             "not implemented in rumpy yet")
    raise AttributeError(f"module 'rumpy' has no attribute '{name}'")
