"""Small names of numpy's main namespace: formatting floats, buffer sizes, checks."""

import ctypes
import inspect
import math
import operator
import os
import pydoc
import sys
import types
import warnings

from . import _print

__all__ = [
    "format_float_positional", "format_float_scientific", "asarray_chkfinite", "isfortran",
    "getbufsize", "setbufsize", "little_endian", "info", "get_include", "mask_indices",
    "row_stack", "test", "ctypeslib",
]

little_endian = sys.byteorder == "little"


def _rumpy():
    # the package namespace, imported late: this module is loaded while rumpy initialises
    import rumpy
    return rumpy


# --- Dragon4 float formatting -----------------------------------------------------------------

_FTYPES = {"float16": "e", "float32": "f", "float64": "d", "float128": "g", "float96": "g"}


def _dragon4_input(x):
    """(value, float type code) for Dragon4: numpy's float scalars keep their own precision,
    anything else is read as a C double (as PyFloat_AsDouble does)."""
    rp = _rumpy()
    if isinstance(x, rp.floating) and x.dtype.name in _FTYPES:
        ftype = _FTYPES[x.dtype.name]
        if ftype == "g":
            return _print._extended_items(rp.asarray(x)), ftype
        return _print._round_to(float(x), ftype), ftype
    # ldexp(x, 0) is x itself, with the TypeError of PyFloat_AsDouble for non-numbers
    return math.ldexp(x, 0), "d"


def _nonneg(value, name):
    """numpy's -1 for None; negative values are refused."""
    if value is None:
        return -1
    if value < 0:
        raise ValueError(f"{name} must be >= 0")
    return value


def _check_min_digits(min_digits, precision):
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k",
                            sign=False, pad_left=None, pad_right=None, min_digits=None):
    """A float in positional notation, with Dragon4's shortest or exact digits."""
    precision = _nonneg(precision, "precision")
    pad_left = _nonneg(pad_left, "pad_left")
    pad_right = _nonneg(pad_right, "pad_right")
    min_digits = _nonneg(min_digits, "min_digits")
    if not fractional and precision == 0:
        raise ValueError("precision must be greater than 0 if fractional=False")
    _check_min_digits(min_digits, precision)
    value, ftype = _dragon4_input(x)
    return _print._dragon4_positional(value, ftype, precision, min_digits, unique, fractional,
                                      trim, sign, pad_left, pad_right)


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False,
                            pad_left=None, exp_digits=None, min_digits=None):
    """A float in scientific notation, with Dragon4's shortest or exact digits."""
    precision = _nonneg(precision, "precision")
    pad_left = _nonneg(pad_left, "pad_left")
    exp_digits = _nonneg(exp_digits, "exp_digits")
    min_digits = _nonneg(min_digits, "min_digits")
    _check_min_digits(min_digits, precision)
    value, ftype = _dragon4_input(x)
    return _print._dragon4_scientific(value, ftype, precision, min_digits, unique, trim, sign,
                                      pad_left, exp_digits)


# --- array checks -------------------------------------------------------------------------------

def asarray_chkfinite(a, dtype=None, order=None):
    """``asarray(a)``, refusing floating or complex input that holds inf or NaN."""
    rp = _rumpy()
    a = rp.asarray(a, dtype=dtype, order=order)
    if a.dtype.kind in "fc" and not rp.isfinite(a).all():
        raise ValueError("array must not contain infs or NaNs")
    return a


def isfortran(a):
    """Whether ``a`` is Fortran-contiguous and not also C-contiguous."""
    return bool(a.flags.f_contiguous and not a.flags.c_contiguous)


def mask_indices(n, mask_func, k=0):
    """The indices where ``mask_func(ones((n, n)), k)`` is non-zero (e.g. ``triu``)."""
    rp = _rumpy()
    return rp.nonzero(mask_func(rp.ones((n, n), int), k) != 0)


def row_stack(tup, *, dtype=None, casting="same_kind"):
    """Deprecated alias of ``vstack``."""
    warnings.warn("`row_stack` alias is deprecated. Use `np.vstack` directly.",
                  DeprecationWarning, stacklevel=2)
    return _rumpy().vstack(tup, dtype=dtype, casting=casting)


# --- ufunc buffer size --------------------------------------------------------------------------

from ._errstate import _BUFSIZE  # noqa: E402 - errstate restores it, as numpy's does


def getbufsize():
    """The size, in elements, of the buffers ufuncs use."""
    return _BUFSIZE.get()


def setbufsize(size):
    """Set the ufunc buffer size; returns the previous size."""
    if size < 0:
        raise ValueError("buffer size must be non-negative")
    if isinstance(size, bool):
        raise TypeError("an integer is required")
    size = operator.index(size)
    if size > 10_000_000:
        raise ValueError(f"Buffer size, {size}, is too big")
    if size < 5:
        raise ValueError(f"Buffer size, {size}, is too small")
    if size % 16:
        raise ValueError(f"Buffer size, {size}, is not a multiple of 16")
    old = _BUFSIZE.get()
    _BUFSIZE.set(size)
    return old


# --- get_include, test ----------------------------------------------------------------------

def get_include():
    """Refused: rumpy has no C API, so there are no headers to compile against."""
    raise RuntimeError("rumpy has no C API headers: extensions built against numpy's headers "
                       "cannot use rumpy arrays (use the buffer protocol or DLPack instead)")


class PytestTester:
    """``rumpy.test()``: run rumpy's test suite with pytest; True when it passes."""

    def __init__(self, module_name):
        self.module_name = module_name

    def _test_dir(self):
        """The repository's tests/ next to an src/ layout, else the package itself."""
        package = os.path.dirname(os.path.abspath(sys.modules[self.module_name].__file__))
        repo_tests = os.path.join(os.path.dirname(os.path.dirname(package)), "tests")
        return repo_tests if os.path.isdir(repo_tests) else package

    def __call__(self, label="fast", verbose=1, extra_argv=None, doctests=False,
                 coverage=False, durations=-1, tests=None):
        import pytest
        args = ["-l", "-q", "-W ignore:the matrix subclass is not"]
        if doctests:
            args.append("--doctest-modules")
        args += list(extra_argv or [])
        if verbose > 1:
            args.append("-" + "v" * (verbose - 1))
        if coverage:
            args.append("--cov=" + self.module_name)
        if label == "fast":
            args += ["-m", "not slow"]
        elif label != "full":
            args += ["-m", label]
        if durations >= 0:
            args.append(f"--durations={durations}")
        args += list(tests) if tests is not None else [self._test_dir()]
        try:
            code = pytest.main(args)
        except SystemExit as exc:
            code = exc.code
        return code == 0


test = PytestTester("rumpy")


# --- info -----------------------------------------------------------------------------------

def _wrap_signature(name, arguments, width):
    """``name(arguments)`` broken after commas so that lines stay within ``width``."""
    first = len(name)
    out, used = name, first
    for i, arg in enumerate(arguments.split(", ")):
        sep = "" if i == 0 else ", "
        used += len(arg) + len(sep)
        if used > width:
            used = first + 1 + len(arg)
            out += ",\n" + " " * (first + 2) + arg
        else:
            out += sep + arg
    return out


def _signature_line(obj, maxwidth):
    try:
        arguments = str(inspect.signature(obj))
    except (TypeError, ValueError):
        arguments = "()"
    if len(obj.__name__ + arguments) > maxwidth:
        return _wrap_signature(obj.__name__, arguments, maxwidth)
    return obj.__name__ + arguments


def _array_info(a, output):
    order = a.dtype.byteorder
    if order in "|=":
        byteorder, swapped = sys.byteorder, False
    else:
        byteorder = "big" if order == ">" else "little"
        swapped = byteorder != sys.byteorder
    lines = [
        f"class:  {type(a).__name__}", f"shape:  {a.shape}", f"strides:  {a.strides}",
        f"itemsize:  {a.itemsize}", f"aligned:  {a.flags.aligned}",
        f"contiguous:  {a.flags.c_contiguous}",
        f"fortran:  {a.flags.f_contiguous}",
        f"data pointer: {hex(a.__array_interface__['data'][0])}",
        f"byteorder:  {byteorder}", f"byteswap:  {swapped}", f"type: {a.dtype}",
    ]
    print("\n".join(lines), file=output)


def _modules_under(top):
    """{module name: namespace} for ``top`` and every module reachable from it, in the
    breadth-first order numpy's info searches them."""
    found = {top.__name__: vars(top)}
    queue = [vars(top)]
    while queue:
        for value in list(queue.pop(0).values()):
            if isinstance(value, types.ModuleType) and value.__name__ not in found:
                found[value.__name__] = vars(value)
                queue.append(vars(value))
    return found


def _info_by_name(name, maxwidth, output, toplevel):
    seen, count = [], 0
    for modname, namespace in _modules_under(__import__(toplevel)).items():
        if name not in namespace:
            continue
        obj = namespace[name]
        if id(obj) in seen:
            print(f"\n     *** Repeat reference found in {modname} *** ", file=output)
        else:
            seen.append(id(obj))
            print(f"     *** Found in {modname} ***", file=output)
            info(obj, maxwidth, output)
            print("-" * maxwidth, file=output)
        count += 1
    if count == 0:
        print(f"Help for {name} not found.", file=output)
    else:
        print(f"\n     *** Total of {count} references found. ***", file=output)


def _class_info(cls, maxwidth, output):
    print(" " + _signature_line(cls, maxwidth) + "\n", file=output)
    doc = inspect.getdoc(cls)
    if doc is None and hasattr(cls, "__init__"):
        doc = inspect.getdoc(cls.__init__)
    print(doc, file=output)
    public = [name for name in pydoc.allmethods(cls) if name[0] != "_"]
    if public:
        print("\n\nMethods:\n", file=output)
        for name in public:
            summary, _ = pydoc.splitdoc(inspect.getdoc(getattr(cls, name, None)) or "None")
            print(f"  {name}  --  {summary}", file=output)


def info(object=None, maxwidth=76, output=None, toplevel="rumpy"):  # noqa: A002 - numpy's name
    """Print help on an array, function, class, module or a name found under ``toplevel``."""
    output = sys.stdout if output is None else output
    if object is None:
        info(info, maxwidth, output)
    elif isinstance(object, _rumpy().ndarray):
        _array_info(object, output)
    elif isinstance(object, str):
        _info_by_name(object, maxwidth, output, toplevel)
    elif inspect.isfunction(object) or inspect.ismethod(object):
        print(" " + _signature_line(object, maxwidth) + "\n", file=output)
        print(inspect.getdoc(object), file=output)
    elif inspect.isclass(object):
        _class_info(object, maxwidth, output)
    elif hasattr(object, "__doc__"):
        print(inspect.getdoc(object), file=output)



# --- ctypeslib: ctypes views of arrays over the buffer protocol --------------------------------

_FLAG_BITS = {"C_CONTIGUOUS": 0x1, "F_CONTIGUOUS": 0x2, "OWNDATA": 0x4, "ALIGNED": 0x100,
              "WRITEABLE": 0x400, "WRITEBACKIFCOPY": 0x2000}
_FLAG_ATTRS = {"C_CONTIGUOUS": "c_contiguous", "F_CONTIGUOUS": "f_contiguous",
               "OWNDATA": "owndata", "ALIGNED": "aligned", "WRITEABLE": "writeable",
               "WRITEBACKIFCOPY": "writebackifcopy"}
_SCALAR_CTYPES = (ctypes.c_byte, ctypes.c_short, ctypes.c_int, ctypes.c_long, ctypes.c_longlong,
                  ctypes.c_ubyte, ctypes.c_ushort, ctypes.c_uint, ctypes.c_ulong,
                  ctypes.c_ulonglong, ctypes.c_float, ctypes.c_double, ctypes.c_bool)


def _flags_num(a):
    return sum(bit for name, bit in _FLAG_BITS.items() if getattr(a.flags, _FLAG_ATTRS[name]))


def _flag_names(num):
    return [name for name, bit in _FLAG_BITS.items() if num & bit]


def _ctype_array(element, shape):
    """The ctypes array type of ``shape`` over ``element`` (outermost dimension first)."""
    for n in reversed(shape):
        element = n * element
        element.__module__ = None
    return element


def _scalar_ctype(dtype):
    rp = _rumpy()
    native = dtype.newbyteorder("=")
    for ctype in _SCALAR_CTYPES:
        if rp.dtype(ctype._type_) == native:
            break
    else:
        raise NotImplementedError(f"Converting {dtype!r} to a ctypes type")
    order = dtype.byteorder
    if order == "=":
        order = "<" if little_endian else ">"
    if order == ">":
        return ctype.__ctype_be__
    if order == "<":
        return ctype.__ctype_le__
    return ctype


def _struct_ctype(dtype):
    """A packed ctypes Structure (or Union, when every field sits at offset 0)."""
    fields = sorted((dtype.fields[n][1], n, as_ctypes_type(dtype.fields[n][0]))
                    for n in dtype.names)
    if len(fields) > 1 and all(off == 0 for off, _, _ in fields):
        members = [(name, ct) for _, name, ct in fields]
        size = max(ctypes.sizeof(ct) for _, ct in members)
        if size != dtype.itemsize:
            members.append(("", ctypes.c_char * dtype.itemsize))
        return type("union", (ctypes.Union,), {"_fields_": members, "_pack_": 1,
                                              "__module__": None})
    members, end = [], 0
    for off, name, ct in fields:
        if off < end:
            raise NotImplementedError("Overlapping fields")
        if off > end:
            members.append(("", ctypes.c_char * (off - end)))
        members.append((name, ct))
        end = off + ctypes.sizeof(ct)
    if dtype.itemsize > end:
        members.append(("", ctypes.c_char * (dtype.itemsize - end)))
    return type("struct", (ctypes.Structure,), {"_fields_": members, "_pack_": 1,
                                               "__module__": None})


def as_ctypes_type(dtype):
    """The ctypes type laid out like ``dtype`` (scalars, subarrays, structures)."""
    dtype = _rumpy().dtype(dtype)
    if dtype.fields is not None:
        return _struct_ctype(dtype)
    if dtype.subdtype is not None:
        base, shape = dtype.subdtype
        return _ctype_array(as_ctypes_type(base), shape)
    return _scalar_ctype(dtype)


def as_array(obj, shape=None):
    """An array sharing memory with a ctypes array, or with ``shape`` items at a pointer."""
    if isinstance(obj, ctypes._Pointer):
        if shape is None:
            raise TypeError("as_array() requires a shape argument when called on a pointer")
        target = ctypes.POINTER(_ctype_array(obj._type_, tuple(shape)))
        obj = ctypes.cast(obj, target).contents
    return _rumpy().asarray(obj)


def as_ctypes(obj):
    """A ctypes array sharing memory with a C-contiguous, writeable array."""
    info = obj.__array_interface__
    if info["strides"]:
        raise TypeError("strided arrays not supported")
    if info["version"] != 3:
        raise TypeError("only __array_interface__ version 3 supported")
    address, readonly = info["data"]
    if readonly:
        raise TypeError("readonly arrays unsupported")
    result = _ctype_array(as_ctypes_type(info["typestr"]), info["shape"]).from_address(address)
    result.__keep = obj  # the array must outlive the ctypes view of its memory
    return result


class _ndptr(ctypes.c_void_p):
    """Base of ndpointer classes: argtypes entries that check the arrays passed."""

    @classmethod
    def from_param(cls, obj):
        if not isinstance(obj, _rumpy().ndarray):
            raise TypeError("argument must be an ndarray")
        if cls._dtype_ is not None and obj.dtype != cls._dtype_:
            raise TypeError(f"array must have data type {cls._dtype_}")
        if cls._ndim_ is not None and obj.ndim != cls._ndim_:
            raise TypeError(f"array must have {cls._ndim_} dimension(s)")
        if cls._shape_ is not None and obj.shape != cls._shape_:
            raise TypeError(f"array must have shape {cls._shape_}")
        if cls._flags_ is not None and _flags_num(obj) & cls._flags_ != cls._flags_:
            raise TypeError(f"array must have flags {_flag_names(cls._flags_)}")
        return obj.ctypes


_NDPOINTERS = {}


def _flag_spec(flags):
    """(flag names, their bits) of ndpointer's flags argument."""
    if isinstance(flags, int):
        return _flag_names(flags), flags
    if isinstance(flags, str):
        flags = flags.split(",")
    try:
        names = [f.strip().upper() for f in flags]
    except Exception as e:
        raise TypeError("invalid flags specification") from e
    aliases = {"C": "C_CONTIGUOUS", "CONTIGUOUS": "C_CONTIGUOUS", "F": "F_CONTIGUOUS",
               "FORTRAN": "F_CONTIGUOUS", "A": "ALIGNED", "W": "WRITEABLE", "O": "OWNDATA",
               "X": "WRITEBACKIFCOPY"}
    try:
        return names, sum(_FLAG_BITS[aliases.get(n, n)] for n in names)
    except KeyError as e:
        raise KeyError(e.args[0]) from None


def ndpointer(dtype=None, ndim=None, shape=None, flags=None):
    """A ctypes argtypes class accepting arrays of the given dtype, ndim, shape and flags."""
    dtype = None if dtype is None else _rumpy().dtype(dtype)
    names, num = (None, None) if flags is None else _flag_spec(flags)
    if shape is not None:
        shape = tuple(shape) if hasattr(shape, "__iter__") else (shape,)
    key = (dtype, ndim, shape, num)
    if key not in _NDPOINTERS:
        name = "any" if dtype is None else str(id(dtype)) if dtype.names else dtype.str
        if ndim is not None:
            name += f"_{ndim}d"
        if shape is not None:
            name += "_" + "x".join(str(n) for n in shape)
        if names is not None:
            name += "_" + "_".join(names)
        _NDPOINTERS[key] = type(f"ndpointer_{name}", (_ndptr,), {
            "_dtype_": dtype, "_shape_": shape, "_ndim_": ndim, "_flags_": num})
    return _NDPOINTERS[key]


def load_library(libname, loader_path):
    """Load the shared library ``libname`` (extension added when missing) from a directory."""
    import sysconfig
    ext = os.path.splitext(libname)[1]
    if ext:
        candidates = [libname]
    else:
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        candidates = [libname + e for e in (suffix, ".so", ".dylib", ".dll") if e]
    directory = loader_path if os.path.isdir(loader_path) else os.path.dirname(loader_path)
    for candidate in candidates:
        path = os.path.join(os.path.abspath(directory), candidate)
        if os.path.exists(path):
            return ctypes.cdll[path]
    raise OSError("no file with expected extension")


def _ctypeslib_module():
    """``rumpy.ctypeslib``, registered so that ``import rumpy.ctypeslib`` works."""
    module = types.ModuleType("rumpy.ctypeslib", "ctypes views of rumpy arrays.")
    for func in (as_array, as_ctypes, as_ctypes_type, ndpointer, load_library):
        func.__module__ = "rumpy.ctypeslib"
        setattr(module, func.__name__, func)
    module.c_intp = ctypes.c_ssize_t
    module.__all__ = ["load_library", "ndpointer", "c_intp", "as_ctypes", "as_array",
                      "as_ctypes_type"]
    sys.modules[module.__name__] = module
    return module


ctypeslib = _ctypeslib_module()

for _name in __all__:
    if isinstance(globals()[_name], types.FunctionType):
        globals()[_name].__module__ = "rumpy"
del _name
