"""``genfromtxt``: NumPy's reader of text tables with missing values, names and inferred
types.

NumPy's steps, in its order: the header and names, the missing and filling values of each
column, a string converter per column (``lib._iotools.StringConverter``), the rows, the
converters upgraded by ``dtype=None``, the lines with the wrong number of fields reported, and
the values converted. The lines are split by the compiled core (``_core._GenRows``) when the
delimiter is a string or None; it keeps the fields, parses those the converters' functions
(``float``, ``int``, ``str2bool``, ...) would certainly give the same values for, and infers
the types of columns it can decide. Everything else is NumPy's Python logic, run here.
"""

import contextlib
import itertools
import operator
import os
import warnings

from . import _core
from ._textio import _ensure_ndmin, _open_path
from .lib._iotools import (
    ConversionWarning, ConverterError, ConverterLockError, LineSplitter, NameValidator,
    StringConverter, _decode_line, _int_of_float, _is_string_like, _renamed, asbytes,
    asunicode, easy_dtype, flatten_dtype, has_nested_fields, str2bool,
)

_CHUNK = 65536


def _rp():
    import rumpy
    return rumpy


def _kind(conv, target):
    """The core's parser for ``conv`` when it gives exactly what ``conv.func`` and a cast to
    ``target`` (a dtype) give; None for Python."""
    rp = _rp()
    func = conv.func
    if target.names is not None or target.subdtype is not None:
        return None
    if func is float:
        # float16 is parsed through Python's floats (one rounding from the text)
        return "float" if target.kind in "fc" and target.itemsize > 2 else None
    if func is str2bool:
        return "bool" if target.kind in "biufc" else None
    if func is int or func is rp.int64 or func is rp.uint64:
        return "int" if target.kind in "iu" else None
    if func is _int_of_float:
        return "intfloat" if target.kind in "iu" else None
    return None


def _range_name(conv, target):
    """The integer range the core checks: the target's, or uint64's for ``numpy.uint64``."""
    rp = _rp()
    if conv.func is rp.uint64:
        return "uint64"
    if conv.func is rp.int64 or conv.func is int:
        return "int64"
    return target.name if target.isnative else target.newbyteorder("=").name


class _Column:
    """A converted column: an array from the core with the values Python gave for the rows it
    left (``fixups``), or a list of Python values."""

    def __init__(self, array=None, fixups=(), values=None):
        self.array = array
        self.fixups = fixups
        self.values = values


def _convert(rows, i, conv, call, target, strict):
    if conv.func is asunicode:
        # str for every field (the column's items are str)
        return _Column(values=rows.column(i))
    kind = _kind(conv, target) if target is not None else None
    if kind is None:
        return _Column(values=[call(v) for v in rows.column(i)])
    array, other, empty = rows.convert(i, kind, _range_name(conv, target))
    # (in any order: _fill applies them row by row)
    fixups = [(r, call(v)) for r, v in zip(other, rows.cells(i, other))]
    if empty:
        if strict and not conv._status:
            conv._checked = False
        fixups += [(r, conv.default) for r in empty]
    return _Column(array=array, fixups=fixups)


def _fill(out_columns, columns, nrows):
    """Write ``columns`` into the views ``out_columns`` (one per column), the values Python
    gave row by row as NumPy's array constructor meets them."""
    rp = _rp()
    pending = []
    for k, (view, col) in enumerate(zip(out_columns, columns)):
        if col.values is not None:
            if nrows and view.dtype.kind in "OV":
                view[...] = _object_column(col.values, view.dtype)
            elif nrows:
                view[...] = rp.array(col.values, dtype=view.dtype)
        else:
            view[...] = col.array
            pending += [(r, k, v) for r, v in col.fixups]
    pending.sort(key=lambda p: (p[0], p[1]))
    for r, k, v in pending:
        out_columns[k][r] = v


def _object_column(values, dtype):
    rp = _rp()
    out = rp.empty(len(values), dtype=dtype)
    for r, v in enumerate(values):
        out[r] = v
    return out


def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0, skip_footer=0,
               converters=None, missing_values=None, filling_values=None, usecols=None,
               names=None, excludelist=None,
               deletechars="".join(sorted(NameValidator.defaultdeletechars)),
               replace_space="_", autostrip=False, case_sensitive=True, defaultfmt="f%i",
               unpack=None, usemask=False, loose=True, invalid_raise=True, max_rows=None,
               encoding=None, *, ndmin=0, like=None):
    r"""Load data from a text file, with missing values handled as specified.

    Each line past the first ``skip_header`` lines is split at ``delimiter`` and each field is
    converted to the type of its column.

    Parameters
    ----------
    fname : file, str, pathlib.Path, list of str, generator
        A file name (``.gz``, ``.bz2`` and ``.xz`` are decompressed), or an iterable of
        lines (bytes lines are decoded with ``encoding``, latin1 by default).
    dtype : dtype, optional
        The type of the result (float64 by default). A structured dtype reads one column per
        field (nested fields and subarrays flattened); None infers each column's type (bool,
        int, float, complex or str).
    comments : str, optional
        The text that starts a comment, to the end of the line; ``'#'`` by default.
    delimiter : str, int or sequence of int, optional
        The text between fields (None, the default: runs of white space), a field width, or
        the width of each field.
    skip_header, skip_footer : int, optional
        Lines skipped at the start, and data rows dropped at the end.
    converters : dict, optional
        ``{column: function}`` (by index or name): the function of the field's text gives the
        value.
    missing_values : str, sequence or dict, optional
        The text of missing fields (an empty field is always missing).
    filling_values : scalar, sequence or dict, optional
        The values given to missing fields.
    usecols : int, str or sequence, optional
        The columns to read, by index (negative ones count from the end of the first line)
        or by name.
    names : bool, str or sequence of str, optional
        True: the field names are the first line (after ``skip_header``); a string of
        comma-separated names, or a sequence of names.
    excludelist, deletechars, replace_space, case_sensitive, defaultfmt : optional
        How field names are made valid (``lib._iotools.NameValidator``).
    autostrip : bool, optional
        Strip white space from each field.
    unpack : bool, optional
        Return the transposed array (a list of field arrays for a structured dtype).
    usemask : bool, optional
        Return a masked array (needs ``rumpy.ma``, which rumpy does not have yet).
    loose : bool, optional
        Give invalid fields the filling value (the default) instead of raising ValueError.
    invalid_raise : bool, optional
        Raise ValueError for lines with the wrong number of fields (the default); else warn
        (ConversionWarning) and skip them.
    max_rows : int, optional
        Read this many rows at most (not with ``skip_footer``).
    encoding : str, optional
        The encoding of the file (``'bytes'``: converters are given latin1 bytes).
    ndmin : {0, 1, 2}, optional
        The least number of dimensions of the result.
    like : array_like, optional
        Another library's array: the call is handed to it (NEP 35).

    Returns
    -------
    ndarray
        The data: 2-D for a plain dtype (length-1 axes squeezed), 1-D for a structured one.

    Examples
    --------
    >>> import io
    >>> import rumpy as rp
    >>> rp.genfromtxt(io.StringIO("1,2\n3,"), delimiter=",")
    array([[ 1.,  2.],
           [ 3., nan]])
    >>> rp.genfromtxt(io.StringIO("a b\n1 x\n2 y"), dtype=None, names=True, encoding=None)
    array([(1, 'x'), (2, 'y')], dtype=[('a', '<i8'), ('b', '<U1')])
    """
    rp = _rp()
    if like is not None and not isinstance(like, _core.ndarray):
        if not hasattr(like, "__array_function__"):
            raise TypeError("The `like` argument must be an array-like that implements the "
                            "`__array_function__` protocol.")
        import numpy
        return numpy.genfromtxt(
            fname, dtype=dtype, comments=comments, delimiter=delimiter,
            skip_header=skip_header, skip_footer=skip_footer, converters=converters,
            missing_values=missing_values, filling_values=filling_values, usecols=usecols,
            names=names, excludelist=excludelist, deletechars=deletechars,
            replace_space=replace_space, autostrip=autostrip, case_sensitive=case_sensitive,
            defaultfmt=defaultfmt, unpack=unpack, usemask=usemask, loose=loose,
            invalid_raise=invalid_raise, max_rows=max_rows, encoding=encoding, ndmin=ndmin,
            like=like)
    if ndmin not in [0, 1, 2]:
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    if max_rows is not None:
        if skip_footer:
            raise ValueError("The keywords 'skip_footer' and 'max_rows' can not be specified "
                             "at the same time.")
        if max_rows < 1:
            raise ValueError("'max_rows' must be at least 1.")
    user_converters = converters or {}
    if not isinstance(user_converters, dict):
        raise TypeError("The input argument 'converter' should be a valid dictionary (got "
                        f"'{type(user_converters)}' instead)")
    byte_converters = encoding == "bytes"
    if byte_converters:
        encoding = None

    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    if isinstance(fname, str):
        fid = _open_path(fname, encoding)
        fid_ctx = contextlib.closing(fid)
    else:
        fid = fname
        fid_ctx = contextlib.nullcontext(fid)
    try:
        fhd = iter(fid)
    except TypeError as e:
        raise TypeError("fname must be a string, a filehandle, a sequence of strings,\n"
                        f"or an iterator of strings. Got {type(fname)} instead.") from e

    with fid_ctx:
        split_line = LineSplitter(delimiter=delimiter, comments=comments,
                                  autostrip=autostrip, encoding=encoding)
        validate_names = NameValidator(excludelist=excludelist, deletechars=deletechars,
                                       case_sensitive=case_sensitive,
                                       replace_space=replace_space)
        # the header, then the first line with values (its fields count the columns)
        try:
            for _ in range(skip_header):
                next(fhd)
            first_values = None
            while not first_values:
                first_line = _decode_line(next(fhd), encoding)
                if names is True and comments is not None and comments in first_line:
                    first_line = "".join(first_line.split(comments)[1:])
                first_values = split_line(first_line)
        except StopIteration:
            first_line = ""
            first_values = []
            warnings.warn(f'genfromtxt: Empty input file: "{fname}"', stacklevel=2)

        if names is True:
            first = first_values[0].strip()
            if comments is not None and first in comments:
                del first_values[0]

        if usecols is not None:
            try:
                usecols = [c.strip() for c in usecols.split(",")]
            except AttributeError:
                try:
                    usecols = list(usecols)
                except TypeError:
                    usecols = [usecols]
        nbcols = len(usecols or first_values)

        if names is True:
            names = validate_names([str(v.strip()) for v in first_values])
            first_line = ""
        elif _is_string_like(names):
            names = validate_names([n.strip() for n in names.split(",")])
        elif names:
            names = validate_names(names)
        if dtype is not None:
            dtype = easy_dtype(dtype, defaultfmt=defaultfmt, names=names,
                               excludelist=excludelist, deletechars=deletechars,
                               case_sensitive=case_sensitive, replace_space=replace_space)
        if names is not None:
            names = list(names)

        if usecols:
            for k, current in enumerate(usecols):
                if _is_string_like(current):
                    usecols[k] = names.index(current)
                elif current < 0:
                    usecols[k] = current + len(first_values)
            if dtype is not None and len(dtype) > nbcols:
                descr = dtype.descr
                dtype = rp.dtype([descr[c] for c in usecols])
                names = list(dtype.names)
            elif names is not None and len(names) > nbcols:
                names = [names[c] for c in usecols]
        elif names is not None and dtype is not None:
            names = list(dtype.names)

        missing_values = _missing_per_column(missing_values, nbcols, names, usecols)
        filling_values = _filling_per_column(filling_values, nbcols, names, usecols)

        if dtype is None:
            converters = [StringConverter(None, missing_values=miss, default=fill)
                          for miss, fill in zip(missing_values, filling_values)]
        else:
            dtype_flat = flatten_dtype(dtype, flatten_base=True)
            if len(dtype_flat) > 1:
                converters = [StringConverter(dt, locked=True, missing_values=miss,
                                              default=fill)
                              for dt, miss, fill in zip(dtype_flat, missing_values,
                                                        filling_values)]
            else:
                converters = [StringConverter(dtype, locked=True, missing_values=miss,
                                              default=fill)
                              for miss, fill in zip(missing_values, filling_values)]

        updated = []
        for j, conv in user_converters.items():
            if _is_string_like(j):
                try:
                    j = names.index(j)
                    i = j
                except ValueError:
                    continue
            elif usecols:
                try:
                    i = usecols.index(j)
                except ValueError:
                    continue
            else:
                i = j
            testing_value = first_values[j] if len(first_line) else None
            if conv is bytes:
                user_conv = asbytes
            elif byte_converters:
                def user_conv(x, conv=conv):
                    return conv(x if type(x) is bytes else x.encode("latin1"))
            else:
                user_conv = conv
            converters[i].update(user_conv, locked=True, testing_value=testing_value,
                                 default=filling_values[i], missing_values=missing_values[i])
            updated.append((i, user_conv))
        user_converters.update(updated)

        rows, invalid = _read_rows(fhd, first_line, split_line, autostrip, encoding, usecols,
                                   nbcols, max_rows)
        invalid = [(k + skip_header + 1, nb) for k, nb in invalid]

    nrows = rows.nrows
    if dtype is None:
        for i, conv in enumerate(converters):
            _upgrade(rows, i, conv, skip_header)

    if invalid:
        nbrows = nrows + len(invalid) - skip_footer
        template = f"    Line #%i (got %i columns instead of {nbcols})"
        if skip_footer > 0:
            skipped = len([1 for line, _ in invalid if line > nbrows + skip_header])
            invalid = invalid[:len(invalid) - skipped]
            skip_footer -= skipped
        lines = [template % (line, nb) for line, nb in invalid]
        if lines:
            message = "\n".join(["Some errors were detected !"] + lines)
            if invalid_raise:
                raise ValueError(message)
            warnings.warn(message, ConversionWarning, stacklevel=2)

    if skip_footer > 0:
        nrows = max(nrows - skip_footer, 0)
        rows.truncate(nrows)

    # each column's missing fields, for the mask (read before conversion, as NumPy does)
    masks = _missing_fields(rows, missing_values) if usemask else None

    strict = not loose
    # the target of each column's values, when the core may parse them
    if dtype is None:
        targets = [rp.dtype(c.type) if c.type not in (rp.str_, rp.bytes_) else None
                   for c in converters]
    elif len(dtype_flat) > 1:
        targets = list(dtype_flat)
    else:
        targets = [None if i in user_converters else dtype for i in range(len(converters))]
    columns = []
    for i, conv in enumerate(converters):
        call = conv._strict_call if strict else conv._loose_call
        columns.append(_convert(rows, i, conv, call, targets[i], strict))

    if dtype is None:
        output = _inferred_output(rows, columns, converters, names, defaultfmt,
                                  byte_converters, nrows)
    else:
        if names and dtype.names is not None:
            dtype = _renamed(dtype, names)
        if len(dtype_flat) > 1:
            if "O" in (dt.char for dt in dtype_flat):
                if has_nested_fields(dtype):
                    raise NotImplementedError(
                        "Nested fields involving objects are not supported...")
                output = rp.array(_tuples(columns), dtype=dtype)
            else:
                flat = rp.dtype([("", dt) for dt in dtype_flat])
                _check_row_length(columns, len(dtype_flat), nrows)
                output = rp.zeros(nrows, dtype=flat)
                _fill([output[n] for n in flat.names], columns, nrows)
                output = output.view(dtype)
        else:
            if user_converters:
                homogeneous = True
                descr = []
                for i, ttype in enumerate([c.type for c in converters]):
                    if i in user_converters:
                        homogeneous &= ttype == dtype.type
                        if rp.issubdtype(ttype, rp.character):
                            ttype = (ttype, max(len(v) for v in columns[i].values))
                        descr.append(("", ttype))
                    else:
                        descr.append(("", dtype))
                if not homogeneous:
                    dtype = rp.dtype(descr) if len(descr) > 1 else rp.dtype(ttype)
            output = _build(columns, dtype, nrows)

    if usemask:
        output = _masked(output, masks, converters, nrows)
    output = _ensure_ndmin(output, ndmin)
    if unpack:
        names = output.dtype.names
        if names is None:
            return output.T
        if len(names) == 1:
            return output[names[0]]
        return [output[field] for field in names]
    return output


def _missing_fields(rows, missing_values):
    """Each column's list of flags: its field is one of the column's missing texts."""
    out = []
    for i, miss in enumerate(missing_values):
        miss = set(miss)
        out.append([v.strip() in miss for v in rows.column(i)])
    return out


def _masked(output, masks, converters, nrows):
    """``output`` as a masked array: masked where a field was missing, and, for named
    fields, where the value equals a converted missing value (NumPy's second pass)."""
    rp = _rp()
    from .ma import MaskedArray, make_mask_descr
    if output.dtype.names is None:
        mask = rp.array(list(zip(*masks)), dtype=bool) if nrows else rp.array([], dtype=bool)
    elif nrows == 0:
        mask = rp.zeros(0, dtype=make_mask_descr(output.dtype))
    else:
        flat = rp.zeros(nrows, dtype=rp.dtype([("", bool)] * len(masks)))
        for name, column in zip(flat.dtype.names, masks):
            flat[name] = column
        mask = flat.view(make_mask_descr(output.dtype))
    names = output.dtype.names
    if names:
        for name, conv in zip(names, converters):
            for mval in [conv(v) for v in conv.missing_values if v != ""]:
                mask[name] |= output[name] == mval
    output = output.view(MaskedArray)
    output._mask = mask
    return output


_DROPPED = object()


def _column_key(key, names, usecols):
    """A key of the missing or filling values (a name, a column number, or None for every
    column) as NumPy resolves it: the index among the columns read, or ``_DROPPED`` for a
    name that is not among them."""
    if _is_string_like(key):
        try:
            key = names.index(key)
        except ValueError:
            return _DROPPED
    if usecols:
        with contextlib.suppress(ValueError):
            key = usecols.index(key)
    return key


def _missing_per_column(user, nbcols, names, usecols):
    """Each column's list of missing texts ('' and the user's)."""
    user = user or ()
    if isinstance(user, bytes):
        user = user.decode("latin1")
    out = [[""] for _ in range(nbcols)]
    if isinstance(user, dict):
        for key, val in user.items():
            key = _column_key(key, names, usecols)
            if key is _DROPPED:
                continue
            val = [str(v) for v in val] if isinstance(val, (list, tuple)) else [str(val)]
            if key is None:
                for miss in out:
                    miss.extend(val)
            else:
                out[key].extend(val)
    elif isinstance(user, (list, tuple)):
        for value, entry in zip(user, out):
            value = str(value)
            if value not in entry:
                entry.append(value)
    elif isinstance(user, str):
        values = user.split(",")
        for entry in out:
            entry.extend(values)
    else:
        for entry in out:
            entry.extend([str(user)])
    return out


def _filling_per_column(user, nbcols, names, usecols):
    """Each column's filling value (None: the converter's default)."""
    if user is None:
        user = []
    out = [None] * nbcols
    if isinstance(user, dict):
        for key, val in user.items():
            key = _column_key(key, names, usecols)
            if key is not _DROPPED:
                out[key] = val
    elif isinstance(user, (list, tuple)):
        n = len(user)
        if n <= nbcols:
            out[:n] = user
        else:
            out = user[:nbcols]
    else:
        out = [user] * nbcols
    return out


def _row_limit(max_rows):
    """The row count at which NumPy stops (it stops when the count equals ``max_rows``: a
    fraction never does)."""
    if max_rows is None:
        return None
    try:
        return operator.index(max_rows)
    except TypeError:
        whole = int(max_rows)
        return whole if whole == max_rows else None


def _read_rows(fhd, first_line, split_line, autostrip, encoding, usecols, nbcols, max_rows):
    """The data rows of ``first_line`` and the lines after it, and the lines without the
    right number of fields: [(line index counted from ``first_line``, fields found)]."""
    max_rows = _row_limit(max_rows)
    comments = split_line.comments
    in_core = (split_line._delimited
               and (comments is None or (isinstance(comments, str) and comments != "")))
    rows = _core._GenRows(split_line.delimiter if in_core else None,
                          comments if in_core else None, bool(autostrip),
                          list(usecols) if usecols else None, nbcols, max_rows)
    invalid = []
    lines = itertools.chain([first_line], fhd)
    index = 0
    while True:
        want = _CHUNK if max_rows is None else min(_CHUNK, max_rows - rows.nrows)
        chunk = [_decode_line(line, encoding) for line in itertools.islice(lines, want)]
        if not chunk:
            break
        if in_core and all(type(line) is str for line in chunk):
            more = rows.read(chunk, index)
        else:
            more = _split_in_python(chunk, index, split_line, usecols, nbcols, max_rows,
                                    rows, invalid)
        index += len(chunk)
        if not more:
            break
    return rows, sorted(invalid + rows.invalid)


def _split_in_python(chunk, index, split_line, usecols, nbcols, max_rows, rows, invalid):
    for k, line in enumerate(chunk):
        values = split_line(line)
        nbvalues = len(values)
        if nbvalues == 0:
            continue
        if usecols:
            try:
                values = [values[c] for c in usecols]
            except IndexError:
                invalid.append((index + k, nbvalues))
                continue
        elif nbvalues != nbcols:
            invalid.append((index + k, nbvalues))
            continue
        rows.push([str(v) for v in values])
        if rows.nrows == max_rows:
            return False
    return True


def _upgrade(rows, i, conv, skip_header):
    """Upgrade column ``i``'s converter as NumPy's ``dtype=None`` does."""
    if conv.func is str2bool and conv._status == 0 and not conv._locked:
        got = rows.infer(i, list(conv.missing_values))
        if got is not None:
            status, unchecked = got
            conv._checked = True
            while conv._status < status:
                conv._do_upgrade()
            if unchecked:
                conv._checked = False
            return
    column = rows.column(i)
    try:
        conv.iterupgrade(column)
    except ConverterLockError:
        message = f"Converter #{i} is locked and cannot be upgraded: "
        for j, value in enumerate(column):
            try:
                conv.upgrade(value)
            except (ConverterError, ValueError):
                message += (f"(occurred line #{j + 1 + skip_header} for value "
                            f"'{value}')")
                raise ConverterError(message) from None


def _values(col):
    """A column's Python values (the core's array read back, fixups applied)."""
    if col.values is not None:
        return col.values
    values = col.array.tolist()
    for r, v in col.fixups:
        values[r] = v
    return values


def _tuples(columns):
    lists = [_values(c) for c in columns]
    return list(zip(*lists))


def _check_row_length(columns, nfields, nrows):
    """NumPy's error for rows of fewer values than the record has fields."""
    if nrows and len(columns) != nfields:
        raise ValueError(f"could not assign tuple of length {len(columns)} to structure with "
                         f"{nfields} fields.")


def _build(columns, dtype, nrows):
    """NumPy's ``array(rows, dtype)``: (nrows, ncols) for a plain dtype, (nrows,) for a
    structured one, (0,) without rows."""
    rp = _rp()
    if nrows == 0 or not columns:
        return rp.array([], dtype=dtype)
    if dtype.names is not None:
        _check_row_length(columns, len(dtype.names), nrows)
        if all(dtype[n].names is None and
                                                    dtype[n].subdtype is None
                                                    for n in dtype.names):
            out = rp.zeros(nrows, dtype=dtype)
            _fill([out[n] for n in dtype.names], columns, nrows)
            return out
        return rp.array(_tuples(columns), dtype=dtype)
    if dtype.kind in "SU" and dtype.itemsize == 0 or dtype.kind in "OV":
        return rp.array(_tuples(columns), dtype=dtype)
    out = rp.empty((nrows, len(columns)), dtype=dtype)
    _fill([out[:, k] for k in range(len(columns))], columns, nrows)
    return out


def _inferred_output(rows, columns, converters, names, defaultfmt, byte_converters, nrows):
    """The result of ``dtype=None``: one type for all columns when they agree (and no names),
    else a structured dtype of each column's type, strings sized to their longest value."""
    rp = _rp()
    column_types = [c.type for c in converters]
    strcols = [i for i, t in enumerate(column_types) if t == rp.str_]
    if byte_converters and strcols:
        warnings.warn("Reading unicode strings without specifying the encoding argument is "
                      "deprecated. Set the encoding, use None for the system default.",
                      rp.exceptions.VisibleDeprecationWarning, stacklevel=3)
        try:
            encoded = {i: [v.encode("latin1") for v in columns[i].values] for i in strcols}
        except UnicodeEncodeError:
            pass
        else:
            for i in strcols:
                columns[i].values = encoded[i]
                column_types[i] = rp.bytes_
    sized = list(column_types)
    for i, t in enumerate(column_types):
        if rp.issubdtype(t, rp.character):
            sized[i] = (t, max((len(v) for v in columns[i].values), default=0))
    if names is None:
        base = {t for c, t in zip(converters, column_types) if c._checked}
        if len(base) == 1:
            (uniform,) = base
            if uniform is rp.str_ and nrows and all(c.func is asunicode for c in converters):
                # every column str: sized to the longest field
                size = max(max(map(len, c.values)) for c in columns)
                return _build(columns, rp.dtype((rp.str_, max(size, 1))), nrows)
            if rp.issubdtype(uniform, rp.character):
                return rp.array(_tuples(columns), dtype=uniform)
            return _build(columns, rp.dtype(uniform), nrows)
        ddtype = [(defaultfmt % i, t) for i, t in enumerate(sized)]
    else:
        ddtype = list(zip(names, sized))
    return _build(columns, rp.dtype(ddtype), nrows)
