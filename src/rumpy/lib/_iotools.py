"""The helpers of ``genfromtxt``, as ``numpy.lib._iotools`` has them: the line splitter, the
field-name validator, the string converters that ``dtype=None`` upgrades column by column,
and ``easy_dtype``."""

import itertools

import rumpy as _rp

__all__ = [
    "ConversionWarning", "ConverterError", "ConverterLockError", "LineSplitter",
    "NameValidator", "StringConverter", "easy_dtype", "flatten_dtype", "has_nested_fields",
    "str2bool",
]


def _decode_line(line, encoding=None):
    """A bytes line decoded (latin1 when no encoding is given); anything else as it is."""
    if type(line) is bytes:
        line = line.decode("latin1" if encoding is None else encoding)
    return line


def _is_string_like(obj):
    try:
        obj + ""
    except (TypeError, ValueError):
        return False
    return True


def _is_bytes_like(obj):
    try:
        obj + b""
    except (TypeError, ValueError):
        return False
    return True


def asbytes(s):
    return s if isinstance(s, bytes) else str(s).encode("latin1")


def asunicode(s):
    return s.decode("latin1") if isinstance(s, bytes) else str(s)


def has_nested_fields(ndtype):
    """Whether a structured dtype has a structured field."""
    return any(ndtype[name].names is not None for name in ndtype.names or ())


def flatten_dtype(ndtype, flatten_base=False):
    """The leaf dtypes of ``ndtype``, depth first; with ``flatten_base`` a subarray field
    gives its base once per element."""
    if ndtype.names is None:
        if flatten_base:
            count = 1
            for s in ndtype.shape:
                count *= s
            return [ndtype.base] * count
        return [ndtype.base]
    leaves = []
    for name in ndtype.names:
        leaves += flatten_dtype(ndtype.fields[name][0], flatten_base)
    return leaves


def _renamed(ndtype, names):
    """``ndtype`` with its fields called ``names`` (NumPy assigns ``dtype.names`` in place;
    rumpy's dtypes are immutable, so a renamed copy stands in)."""
    names = tuple(names)
    if len(names) != len(ndtype.names):
        raise ValueError("must replace all names at once with a sequence of length "
                         f"{len(ndtype.names)}")
    return _rp.dtype({
        "names": list(names),
        "formats": [ndtype.fields[n][0] for n in ndtype.names],
        "offsets": [ndtype.fields[n][1] for n in ndtype.names],
        "itemsize": ndtype.itemsize,
        "aligned": ndtype.isalignedstruct,
    })


class LineSplitter:
    """A line to its fields: cut at the comment text, then split at the delimiter (a string;
    None: runs of white space), at a fixed width (an int) or at given widths (a sequence);
    ``autostrip`` strips each field."""

    def autostrip(self, method):
        return lambda line: [field.strip() for field in method(line)]

    def __init__(self, delimiter=None, comments="#", autostrip=True, encoding=None):
        delimiter = _decode_line(delimiter)
        comments = _decode_line(comments)
        self.comments = comments
        # a string or None: the compiled core may split the lines
        self._delimited = True
        if delimiter is None or isinstance(delimiter, str):
            delimiter = delimiter or None
            method = self._delimited_splitter
        elif hasattr(delimiter, "__iter__"):
            self._delimited = False
            method = self._variablewidth_splitter
            bounds = [0]
            for width in delimiter:
                bounds.append(bounds[-1] + width)
            delimiter = [slice(i, j) for i, j in itertools.pairwise(bounds)]
        elif int(delimiter):
            self._delimited = False
            method, delimiter = self._fixedwidth_splitter, int(delimiter)
        else:
            method, delimiter = self._delimited_splitter, None
        self.delimiter = delimiter
        self._handyman = self.autostrip(method) if autostrip else method
        self.encoding = encoding

    def _delimited_splitter(self, line):
        if self.comments is not None:
            line = line.split(self.comments)[0]
        line = line.strip(" \r\n")
        if not line:
            return []
        return line.split(self.delimiter)

    def _fixedwidth_splitter(self, line):
        if self.comments is not None:
            line = line.split(self.comments)[0]
        line = line.strip("\r\n")
        if not line:
            return []
        width = self.delimiter
        return [line[i:i + width] for i in range(0, len(line), width)]

    def _variablewidth_splitter(self, line):
        if self.comments is not None:
            line = line.split(self.comments)[0]
        if not line:
            return []
        return [line[s] for s in self.delimiter]

    def __call__(self, line):
        return self._handyman(_decode_line(line, self.encoding))


class NameValidator:
    """Field names made valid: characters of ``deletechars`` dropped, spaces replaced, case
    converted, names of ``excludelist`` given a trailing underscore, empty names numbered by
    ``defaultfmt``, repeated names suffixed ``_1``, ``_2``, ..."""

    defaultexcludelist = ("return", "file", "print")
    defaultdeletechars = frozenset(" !#$%&'()*+,-./:;<=>?@[\\]^{|}~")

    def __init__(self, excludelist=None, deletechars=None, case_sensitive=None,
                 replace_space="_"):
        if excludelist is None:
            excludelist = []
        # NumPy extends the caller's list
        excludelist.extend(self.defaultexcludelist)
        self.excludelist = excludelist
        delete = set(self.defaultdeletechars if deletechars is None else deletechars)
        delete.add('"')
        self.deletechars = delete
        if case_sensitive is None or case_sensitive is True:
            self.case_converter = lambda x: x
        elif case_sensitive is False or case_sensitive.startswith("u"):
            self.case_converter = lambda x: x.upper()
        elif case_sensitive.startswith("l"):
            self.case_converter = lambda x: x.lower()
        else:
            raise ValueError(f"unrecognized case_sensitive value {case_sensitive}.")
        self.replace_space = replace_space

    def validate(self, names, defaultfmt="f%i", nbfields=None):
        if names is None:
            if nbfields is None:
                return None
            names = []
        if isinstance(names, str):
            names = [names]
        if nbfields is not None:
            if len(names) < nbfields:
                names = list(names) + [""] * (nbfields - len(names))
            elif len(names) > nbfields:
                names = names[:nbfields]
        out = []
        seen = {}
        nbempty = 0
        for item in names:
            item = self.case_converter(item).strip()
            if self.replace_space:
                item = item.replace(" ", self.replace_space)
            item = "".join(c for c in item if c not in self.deletechars)
            if item == "":
                item = defaultfmt % nbempty
                while item in names:
                    nbempty += 1
                    item = defaultfmt % nbempty
                nbempty += 1
            elif item in self.excludelist:
                item += "_"
            count = seen.get(item, 0)
            out.append(item + "_%d" % count if count > 0 else item)
            seen[item] = count + 1
        return tuple(out)

    def __call__(self, names, defaultfmt="f%i", nbfields=None):
        return self.validate(names, defaultfmt=defaultfmt, nbfields=nbfields)


def str2bool(value):
    """``'TRUE'`` or ``'FALSE'`` in any case to a bool; anything else is a ValueError."""
    value = value.upper()
    if value == "TRUE":
        return True
    if value == "FALSE":
        return False
    raise ValueError("Invalid boolean")


def _int_of_float(value):
    """NumPy's converter for the integer types other than int64 and uint64."""
    return int(float(value))


class ConverterError(Exception):
    """A string converter failed."""


class ConverterLockError(ConverterError):
    """A locked string converter was asked to upgrade."""


class ConversionWarning(UserWarning):
    """Lines of ``genfromtxt``'s input were dropped (``invalid_raise=False``)."""


class StringConverter:
    """A field's text to a value: a function, the value given for missing or (when loose)
    invalid text, and, unless locked, the next function of the mapper to try when the text
    does not convert (bool, int, float, complex, ..., str)."""

    _mapper = [
        (_rp.bool, str2bool, False),
        (_rp.int_, int, -1),
        (_rp.float64, float, float("nan")),
        (_rp.complex128, complex, complex(float("nan"), 0.0)),
        (_rp.longdouble, _rp.longdouble, float("nan")),
        (_rp.integer, int, -1),
        (_rp.floating, float, float("nan")),
        (_rp.complexfloating, complex, complex(float("nan"), 0.0)),
        (_rp.str_, asunicode, "???"),
        (_rp.bytes_, asbytes, "???"),
    ]

    @classmethod
    def _getdtype(cls, val):
        return _rp.array(val).dtype

    @classmethod
    def _getsubdtype(cls, val):
        return _rp.array(val).dtype.type

    @classmethod
    def _dtypeortype(cls, dtype):
        if dtype.type == _rp.datetime64:
            return dtype
        return dtype.type

    @classmethod
    def upgrade_mapper(cls, func, default=None):
        """Add converters (before the last, bytes) to the class's mapper."""
        if callable(func):
            cls._mapper.insert(-1, (cls._getsubdtype(default), func, default))
            return
        if hasattr(func, "__iter__"):
            if isinstance(func[0], (tuple, list)):
                for entry in func:
                    cls._mapper.insert(-1, entry)
                return
            if default is None:
                default = [None] * len(func)
            else:
                default = list(default)
                default.append([None] * (len(func) - len(default)))
            for fct, dft in zip(func, default):
                cls._mapper.insert(-1, (cls._getsubdtype(dft), fct, dft))

    @classmethod
    def _find_map_entry(cls, dtype):
        for i, entry in enumerate(cls._mapper):
            if dtype.type == entry[0]:
                return i, entry
        for i, entry in enumerate(cls._mapper):
            if _rp.issubdtype(dtype.type, entry[0]):
                return i, entry
        raise LookupError

    def __init__(self, dtype_or_func=None, default=None, missing_values=None, locked=False):
        self._locked = bool(locked)
        if dtype_or_func is None:
            self.func = str2bool
            self._status = 0
            self.default = default or False
            dtype = _rp.dtype("bool")
        else:
            try:
                self.func = None
                dtype = _rp.dtype(dtype_or_func)
            except TypeError:
                if not callable(dtype_or_func):
                    raise TypeError("The input argument `dtype` is neither a function nor a "
                                    f"dtype (got '{type(dtype_or_func)}' instead)") from None
                self.func = dtype_or_func
                if default is None:
                    try:
                        default = self.func("0")
                    except ValueError:
                        default = None
                dtype = self._getdtype(default)
            try:
                self._status, (_, func, default_def) = self._find_map_entry(dtype)
            except LookupError:
                self.default = default
                func = self._mapper[-1][1]
                self._status = 0
            else:
                self.default = default_def if default is None else default
            if self.func is None:
                self.func = func
            if self.func == self._mapper[1][1]:
                if issubclass(dtype.type, _rp.uint64):
                    self.func = _rp.uint64
                elif issubclass(dtype.type, _rp.int64):
                    self.func = _rp.int64
                else:
                    self.func = _int_of_float
        if missing_values is None:
            self.missing_values = {""}
        else:
            if isinstance(missing_values, str):
                missing_values = missing_values.split(",")
            self.missing_values = set(list(missing_values) + [""])
        self._callingfunction = self._strict_call
        self.type = self._dtypeortype(dtype)
        self._checked = False
        self._initial_default = default

    def _loose_call(self, value):
        try:
            return self.func(value)
        except ValueError:
            return self.default

    def _strict_call(self, value):
        try:
            new_value = self.func(value)
            if self.func is int:
                # NumPy also refuses integers its type cannot hold
                try:
                    _rp.array(value, dtype=self.type)
                except OverflowError:
                    raise ValueError from None
            return new_value
        except ValueError:
            if value.strip() in self.missing_values:
                if not self._status:
                    self._checked = False
                return self.default
            raise ValueError(f"Cannot convert string '{value}'") from None

    def __call__(self, value):
        return self._callingfunction(value)

    def _do_upgrade(self):
        if self._locked:
            raise ConverterLockError("Converter is locked and cannot be upgraded")
        last = len(self._mapper)
        status = self._status
        if status == last:
            raise ConverterError("Could not find a valid conversion function")
        if status < last - 1:
            status += 1
        self.type, self.func, default = self._mapper[status]
        self._status = status
        self.default = default if self._initial_default is None else self._initial_default

    def upgrade(self, value):
        """Convert ``value``, upgrading the converter until it can."""
        self._checked = True
        try:
            return self._strict_call(value)
        except ValueError:
            self._do_upgrade()
            return self.upgrade(value)

    def iterupgrade(self, value):
        """Upgrade the converter until it converts every value of ``value``."""
        if not hasattr(value, "__iter__"):
            value = (value,)
        while True:
            self._checked = True
            try:
                for item in value:
                    self._strict_call(item)
                return
            except ValueError:
                self._do_upgrade()

    def update(self, func, default=None, testing_value=None, missing_values="",
               locked=False):
        """Use ``func`` (a user's function); the type is that of ``default`` or, without
        one, of ``func`` applied to ``testing_value``."""
        self.func = func
        self._locked = locked
        if default is not None:
            self.default = default
            self.type = self._dtypeortype(self._getdtype(default))
        else:
            try:
                tester = func(testing_value or "1")
            except (TypeError, ValueError):
                tester = None
            self.type = self._dtypeortype(self._getdtype(tester))
        if missing_values is None:
            self.missing_values = set()
        else:
            if not _rp.iterable(missing_values):
                missing_values = [missing_values]
            if not all(isinstance(v, str) for v in missing_values):
                raise TypeError("missing_values must be strings or unicode")
            self.missing_values.update(missing_values)


def easy_dtype(ndtype, names=None, defaultfmt="f%i", **validationargs):
    """A dtype from ``ndtype`` (a dtype, or a sequence of formats) with fields named by
    ``names`` (validated), or numbered by ``defaultfmt``."""
    try:
        ndtype = _rp.dtype(ndtype)
    except TypeError:
        validate = NameValidator(**validationargs)
        if names is None:
            names = [""] * len(ndtype)
        elif isinstance(names, str):
            names = names.split(",")
        names = validate(names, nbfields=len(ndtype), defaultfmt=defaultfmt)
        return _rp.dtype({"formats": ndtype, "names": names})
    if names is not None:
        validate = NameValidator(**validationargs)
        if isinstance(names, str):
            names = names.split(",")
        if ndtype.names is None:
            formats = tuple([ndtype.type] * len(names))
            names = validate(names, defaultfmt=defaultfmt)
            return _rp.dtype(list(zip(names, formats)))
        return _renamed(ndtype, validate(names, nbfields=len(ndtype.names),
                                         defaultfmt=defaultfmt))
    if ndtype.names is not None:
        validate = NameValidator(**validationargs)
        numbered = tuple(f"f{i}" for i in range(len(ndtype.names)))
        if ndtype.names == numbered and defaultfmt != "f%i":
            return _renamed(ndtype, validate([""] * len(ndtype.names), defaultfmt=defaultfmt))
        return _renamed(ndtype, validate(ndtype.names, defaultfmt=defaultfmt))
    return ndtype
