"""Text files read as arrays: ``loadtxt``, NumPy's reader.

The characters are read by the compiled core (``_core._loadtxt``: the tokenizer, the row and
column checks, and the numbers of the built-in numeric types). Here are NumPy's argument
checks in its order, the sources (paths, open files, line iterators, read as lazily as NumPy
reads them), the types NumPy converts through Python (strings, records, float16, long
doubles, times, objects, converters), NumPy's order of errors and warnings, and the shape of
the result. The rules, checked against NumPy, are in plans/textio-notes.md.
"""

import itertools
import operator
import os
import re
import sys
import warnings

from . import _core

# The types the core parses into arrays (native byte order).
_NATIVE = frozenset((
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128",
))
# NumPy reads these dtypes as objects, 50000 rows at a time, and casts each chunk.
_CHUNK = 50000
_ZIP_OPENERS = (".bz2", ".gz", ".xz", ".lzma")
_SSIZE_MAX = sys.maxsize
_INF = float("inf")

_NO_DATA = (
    "Input line {} contained no data and will not be counted towards `max_rows={}`.  This "
    "differs from the behaviour in NumPy <=1.22 which counted lines rather than rows.  If "
    "desired, the previous behaviour can be achieved by using `itertools.islice`.\nPlease see "
    "the 1.23 release notes for an example on how to do this.  If you wish to ignore this "
    "warning, use `warnings.filterwarnings`.  This warning is expected to be removed in the "
    "future and is given only once per `loadtxt` call."
)
_NEWLINE = ("Found an unquoted embedded newline within a single line of input.  This is "
            "currently not supported.")

# The core's messages, whose numbers say where reading stopped.
_CHANGED = re.compile(r"^the number of columns changed from (\d+) to (\d+) at row (\d+);")
_INVALID = re.compile(r"^invalid column index (-?\d+) at row (\d+) with \d+ columns$")
_CONVERT = re.compile(r" at row (\d+), column (\d+)\.$")

# Quote characters for parsing single fields with the core (one absent from the fields).
_QUOTES = ('"', "'", "\ue000", "\ue001", "\ue002")


def _warn(message):
    """A UserWarning pointing at the first caller outside this module (NumPy's stacklevel)."""
    level, f = 1, sys._getframe(0)
    while f is not None and f.f_globals.get("__name__") == __name__:
        f = f.f_back
        level += 1
    warnings.warn(message, UserWarning, stacklevel=level)


def _tp_name(t):
    """A type's C name as NumPy's messages print it (``tp_name``)."""
    if t.__flags__ & (1 << 9) or t.__module__ == "builtins":   # heap type or built-in
        return t.__name__
    return f"{t.__module__}.{t.__qualname__}"


def _check_nonneg_int(value, name="argument"):
    try:
        operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an integer") from None
    if value < 0:
        raise ValueError(f"{name} must be nonnegative")


def _c_intp(value):
    """NumPy's C converter of ``skiprows`` and ``max_rows``: no bools, a C long."""
    if isinstance(value, bool):
        raise TypeError("an integer is required")
    v = operator.index(value)
    if not -_SSIZE_MAX - 1 <= v <= _SSIZE_MAX:
        raise OverflowError("Python int too large to convert to C long")
    return v


def _control(value):
    if value is None or (isinstance(value, str) and len(value) == 1):
        return value
    text = repr(value)[:100]
    raise TypeError("Text reading control character must be a single unicode character or "
                    f"None; but got: {text}")


def _check_control_characters(delimiter, quote, comment):
    """NumPy's collisions of the control characters, in its order."""
    first = second = None
    if comment is not None:
        if comment in "\r\n":
            first = "comment"
        elif comment == quote:
            first, second = "comment", "quotechar"
        elif comment == delimiter:
            first, second = "comment", "delimiter"
    if first is None and quote is not None:
        if quote in "\r\n":
            first = "quotechar"
        elif quote == delimiter:
            first, second = "quotechar", "delimiter"
    if first is None and delimiter is not None and delimiter in "\r\n":
        first = "delimiter"
    if first is None and delimiter is None:
        if comment is not None and comment.isspace():
            first, second = "delimiter", "comment"
        elif quote is not None and quote.isspace():
            first, second = "delimiter", "quotechar"
    if first is None:
        return
    if second is not None:
        raise TypeError(f"The values for control characters '{first}' and '{second}' are "
                        "incompatible")
    raise TypeError(f"control character '{first}' cannot be a newline (`\\r` or `\\n`).")


def _open_path(path, encoding):
    """NumPy's ``_datasource.open(path, 'rt', encoding=encoding)`` for local files: the name,
    or the name with a compression suffix, opened by its suffix."""
    names = [path]
    if not path.endswith(_ZIP_OPENERS):
        names += [path + ext for ext in _ZIP_OPENERS]
    for name in names:
        if os.path.exists(name):
            break
    else:
        raise FileNotFoundError(f"{path} not found.")
    ext = os.path.splitext(name)[1]
    if ext == ".gz":
        import gzip
        return gzip.open(name, mode="rt", encoding=encoding, newline=None)
    if ext == ".bz2":
        import bz2
        return bz2.open(name, mode="rt", encoding=encoding, newline=None)
    if ext in (".xz", ".lzma"):
        import lzma
        return lzma.open(name, mode="rt", encoding=encoding, newline=None)
    return open(name, "rt", encoding=encoding, newline=None)


def _leaves(dt):
    """A dtype's fields in reading order, one per column (structured ones flattened depth
    first, subarrays element by element)."""
    if dt.subdtype is not None:
        base, shape = dt.subdtype
        n = 1
        for s in shape:
            n *= s
        return _leaves(base) * n
    if dt.names is not None:
        out = []
        for name in dt.names:
            out += _leaves(dt.fields[name][0])
        return out
    return [dt]


def _leaf_views(arr, dt):
    """1-D views of ``arr`` (of structured ``dt``), one per leaf, in ``_leaves`` order."""
    if dt.subdtype is not None:
        base, shape = dt.subdtype
        out = []
        for idx in itertools.product(*(range(s) for s in shape)):
            out += _leaf_views(arr[(slice(None),) + idx], base)
        return out
    if dt.names is not None:
        out = []
        for name in dt.names:
            out += _leaf_views(arr[name], dt.fields[name][0])
        return out
    return [arr]


def _native_name(dt):
    """The core's name for a built-in numeric dtype (either byte order), else None."""
    if dt.names is not None or dt.subdtype is not None or dt.kind not in "biufc":
        return None
    name = dt.name if dt.isnative else dt.newbyteorder("=").name
    return name if name in _NATIVE else None


def _parse_numbers(fields, name, dt, label):
    """``fields`` parsed by the core's rules for built-in ``name``: (1-D array of ``dt``,
    None), or (None, index of the first field that is not a number)."""
    if not fields:
        return _core.empty(0, dt), None
    joined = "".join(fields)
    q = next((c for c in _QUOTES if c not in joined), None)
    k = 0xE003
    while q is None:
        if chr(k) not in joined:
            q = chr(k)
        k += 1
    items = [q + f + q for f in fields]
    try:
        arr = _core._loadtxt(items, None, None, q, 0, None, None, name, label)[0]
    except ValueError as e:
        m = _CONVERT.search(str(e))
        if m is None:
            raise
        return None, int(m.group(1))
    arr = arr.reshape(len(fields))
    if not dt.isnative:
        arr = arr.astype(dt)
    return arr, None


def _convert_column(dt, fields, label, c_bytes):
    """Fields converted to ``dt`` as NumPy converts them without a converter:
    (1-D array, None, None), or (None, index of the first failure, its cause or None)."""
    name = _native_name(dt)
    n = len(fields)
    if name is not None:
        arr, bad = _parse_numbers(fields, name, dt, label)
        return arr, bad, None
    kind = dt.kind
    if kind == "U":
        size = dt.itemsize // 4
        if size == 0:
            return None, None, None        # a zero-length field: stays empty
        if not n:
            return _core.empty(0, dt), None, None
        return _core.array([f[:size] for f in fields], dtype=dt), None, None
    if kind == "S":
        size = dt.itemsize
        vals = []
        for i, f in enumerate(fields):
            try:
                vals.append(f[:size].encode("latin1"))
            except UnicodeEncodeError:
                return None, i, None
        if size == 0:
            return None, None, None
        if not n:
            return _core.empty(0, dt), None, None
        return _core.array(vals, dtype=dt), None, None
    if kind == "O":
        if c_bytes:
            vals = []
            for i, f in enumerate(fields):
                try:
                    vals.append(f.encode("latin1"))
                except UnicodeEncodeError as e:
                    return None, i, e
        else:
            vals = fields
        if not n:
            return _core.empty(0, dt), None, None
        return _core.array(vals, dtype=dt), None, None
    if kind == "f" and dt.itemsize == 2:
        # NumPy assigns Python's float() of the text: the same, for all at once, unless a
        # value overflows (then each one warns, as NumPy's assignments do)
        vals = []
        try:
            for f in fields:
                vals.append(float(f))
        except ValueError as e:
            return None, len(vals), e
        if not any(65520.0 <= abs(v) < _INF for v in vals):
            return _core.array(vals, dtype="float64").astype(dt), None, None
    # Everything else is NumPy's assignment of a Python str (PyArray_Pack).
    out = _core.empty(n, dt)
    for i, f in enumerate(fields):
        try:
            out[i] = f
        except Exception as e:  # noqa: BLE001 - NumPy wraps whatever packing raises
            return None, i, e
    return out, None, None


def _conversion_error(field, label, row, col, cause):
    text = repr(field)[:100]
    err = ValueError(f"could not convert string {text} to {label} at row {row}, column {col}.")
    err.__cause__ = cause
    return err


class _Lines:
    """The items of a line iterator, read as NumPy reads them: decoded, checked, with
    comments cut (several or long comments), and no further than needed for ``max_rows``.
    Reading stops at the first error, which is raised after the rows before it."""

    def __init__(self, it, encoding, comments, reader):
        self.it = it
        self.encoding = encoding
        self.comments = comments
        self.reader = reader
        self.items = []
        self.error = None
        self.checked = None

    def _prepare(self, line):
        if self.comments is not None:
            # numpy's _preprocess_comments
            if isinstance(line, bytes):
                line = line.decode(self.encoding)
            for c in self.comments:
                line = line.split(c, 1)[0]
        if isinstance(line, bytes):
            line = line.decode(self.encoding or "utf-8")
        elif not isinstance(line, str):
            raise TypeError("non-string returned while reading data")
        return line

    def read(self, skip, max_rows):
        """Read the items: ``skip`` of them, then up to ``max_rows`` rows (all if None)."""
        items = self.items
        it = self.it
        try:
            for _ in range(skip):
                try:
                    raw = next(it)
                except StopIteration:
                    return
                items.append(self._prepare(raw))
            self.checked = len(items)       # skipped items are never rows
            if max_rows is None:
                for raw in it:
                    items.append(self._prepare(raw))
                self._check_lines()
                return
            rows = 0
            while rows < max_rows:
                start = len(items)
                # an item holds one row at most: read no further than NumPy does
                for raw in itertools.islice(it, max_rows - rows):
                    items.append(self._prepare(raw))
                if len(items) == start or not self._check_lines():
                    return
                rows = self._rows(start, rows)
        except Exception as e:  # noqa: BLE001 - raised once the rows before it are read
            self.error = e
            if self.checked is not None:
                self._check_lines()

    def _rows(self, start, rows):
        """The data rows in the items read so far (``rows`` of them before ``start``)."""
        reader = self.reader
        if reader.quote is None:
            return rows + len(reader.core(self.items[start:], 0, None, [0], None, "")[0])
        # a quoted field may go on in the next item: count them all
        data = _as_text(self.items, reader.quote)
        n = len(reader.core(data, reader.skiprows, None, [0], None, "")[0])
        if isinstance(data, str) and n:
            taken = (reader.delimiter, reader.comment, reader.quote)
            mark = next(c for c in "xyz" if c not in taken)
            if len(reader.core(data + "\n" + mark + "\n", reader.skiprows, None, [0], None,
                               "")[0]) == n:
                n -= 1      # the last row's quoted field is still open
        return n

    def _check_lines(self):
        """Cut the items at the first one with an unquoted embedded newline (NumPy's error,
        raised after the rows before it); True when there is none."""
        items = self.items
        for i in range(self.checked, len(items)):
            s = items[i]
            body = s[:-2] if s.endswith("\r\n") else s[:-1] if s.endswith(("\n", "\r")) else s
            if "\n" not in body and "\r" not in body:
                continue
            try:
                self.reader.core([s], 0, None, [0], None, "")
            except ValueError:
                del items[i:]
                self.error = ValueError(_NEWLINE)
                self.checked = i
                return False
        self.checked = len(items)
        return True


def _as_text(items, quote):
    """The items for the core: one text when they are whole lines (the core reads that as
    NumPy reads the items, quoted fields going on from line to line), else the list (each
    item one line)."""
    if not items:
        return ""
    joined = "".join(items)
    ends_lf = sum(1 for s in items if s.endswith("\n"))
    ends_cr = sum(1 for s in items if s.endswith(("\r", "\r\n")))
    if joined.count("\n") == ends_lf and joined.count("\r") == ends_cr:
        # each item ends in its only line end, if it has one
        if quote is None:
            return "\n".join(s.rstrip("\r\n") for s in items) + "\n"
        # with quotes the line ends stay (a quoted field keeps them), so every item but the
        # last needs one, and "\r" then "\n" must not become one "\r\n"
        if (all(s.endswith(("\n", "\r")) for s in items[:-1]) and items[-1]
                and not any(s.endswith("\r") and t.startswith("\n")
                            for s, t in zip(items, items[1:]))):
            return joined
    # an empty item is an empty line to NumPy
    return [s if s else "\n" for s in items]


class _Reader:
    """NumPy's ``read_rows`` on top of the core."""

    def __init__(self, *, delimiter, comment, quote, skiprows, max_rows, usecols, dtype,
                 homogeneous, leaves, converters, byte_converters, chunked):
        self.delimiter = delimiter
        self.comment = comment
        self.quote = quote
        self.skiprows = skiprows
        self.max_rows = max_rows
        self.usecols = usecols
        self.dtype = dtype
        self.homogeneous = homogeneous
        self.leaves = leaves
        self.converters = converters
        self.byte_converters = byte_converters
        self.chunked = chunked
        self.data = None
        self.nd = None
        self.warned = False
        self.conv_funcs = None
        self.first_len = None
        # the core's max_rows: the chunked path always warns about lines without data
        if chunked is not None and max_rows is None:
            self.core_max = _SSIZE_MAX
        else:
            self.core_max = max_rows

    def core(self, data, skip, max_rows, usecols, dtype, label):
        return _core._loadtxt(data, self.delimiter, self.comment, self.quote, skip, max_rows,
                              usecols, dtype, label)

    def call(self, max_rows, usecols, dtype, label):
        return self.core(self.data, self.skiprows, max_rows, usecols, dtype, label)

    # -- NumPy's side effects, replayed in its order ---------------------------------------

    def _no_data_after(self):
        if self.core_max is None:
            return None
        return self.call(self.core_max, [0], None, "")[2]

    def _warn_no_data(self):
        if self.warned:
            return
        self.warned = True
        nd = self.nd
        if self.chunked is None:
            _warn(_NO_DATA.format(nd + self.skiprows + 1, self.max_rows))
            return
        k = nd // _CHUNK
        line = nd - k * _CHUNK + (self.skiprows if k == 0 else 0) + 1
        size = _CHUNK if self.max_rows is None else min(_CHUNK, self.max_rows - k * _CHUNK)
        _warn(_NO_DATA.format(line, size))

    def _first_row_len(self):
        if self.first_len is None:
            self.first_len = self.call(1, None, None, "")[1]
        return self.first_len

    def _ncols(self):
        """NumPy's number of fields per row, fixed at the first data row."""
        if self.usecols is not None:
            return len(self.usecols)
        if not self.homogeneous:
            return len(self.leaves)
        return self._first_row_len()

    def _start(self, row_exists):
        """Before the first data row is converted: the warning for a line without data before
        it, then the converters' checks and the allocation of ``max_rows`` rows."""
        if self.nd == 0:
            self._warn_no_data()
        if not row_exists:
            return
        ncols = self._ncols()
        if self.converters is not None:
            self.conv_funcs = self._make_converters(ncols)
        if self.max_rows is not None and self.chunked is None:
            shape = (self.max_rows, ncols) if self.homogeneous else (self.max_rows,)
            _core.empty(shape, self.dtype)

    def _end(self, row):
        """Reading reached data row ``row`` (an error there, or the end)."""
        if self.nd is not None and 0 < self.nd <= row:
            self._warn_no_data()

    def _make_converters(self, num_fields):
        converters = self.converters
        funcs = [None] * num_fields
        if callable(converters):
            return [converters] * num_fields
        if not isinstance(converters, dict):
            raise TypeError("converters must be a dictionary mapping columns to converter "
                            "functions or a single callable.")
        usecols = self.usecols
        for key, value in converters.items():
            try:
                column = operator.index(key)
                if not -_SSIZE_MAX - 1 <= column <= _SSIZE_MAX:
                    raise IndexError
            except (TypeError, IndexError):
                text = repr(key)[:100]
                raise TypeError("keys of the converters dictionary must be integers; "
                                f"got {text}") from None
            if usecols is not None:
                for i in range(num_fields):
                    if column == usecols[i]:
                        column = i
                        break
                else:
                    continue
            else:
                if column < -num_fields or column >= num_fields:
                    raise ValueError(f"converter specified for column {column}, which is "
                                     f"invalid for the number of fields {num_fields}.")
                if column < 0:
                    column += num_fields
            if not callable(value):
                raise TypeError("values of the converters dictionary must be callable, but "
                                f"the value associated with key {key!r} is not")
            funcs[column] = value
        return funcs

    # -- reading ------------------------------------------------------------------------

    def _error_row(self, exc):
        """The 0-based data row a core error is about, or None."""
        text = str(exc)
        m = _CHANGED.match(text) or _INVALID.match(text)
        if m is not None:
            return int(m.groups()[-1]) - 1
        m = _CONVERT.search(text)
        if m is not None:
            return int(m.group(1))
        return None

    def read(self):
        """The rows as an array (2-D, or 1-D structured), before ``ndmin``."""
        dt = self.dtype
        name = _native_name(dt) if dt.isnative else None
        conv = self.converters
        if (self.homogeneous and name is not None
                and (conv is None or (isinstance(conv, dict) and not conv))):
            return self._read_numbers(name)
        return self._read_fields()

    def _read_numbers(self, name):
        dt = self.dtype
        try:
            arr, ncols, nd = self.call(self.core_max, self.usecols, name, str(dt))
        except ValueError as e:
            row = self._error_row(e)
            if row is None:
                raise
            self.nd = self._no_data_after()
            m = _CHANGED.match(str(e))
            if m is not None:
                self.first_len = int(m.group(1))
            self._start(True)
            self._end(row)
            raise
        self.nd = nd
        nrows = arr.shape[0]
        self.first_len = ncols
        self._start(nrows > 0)
        self._end(nrows)
        if nrows == 0 and self.usecols is None:
            return _core.empty((0, 1), dt)
        return arr

    def _read_fields(self):
        label = "object" if self.chunked is not None else str(self.dtype)
        try:
            fields, ncols, nd = self.call(self.core_max, self.usecols, None, label)
        except ValueError as e:
            row = self._error_row(e)
            if row is None:
                raise
            self.nd = self._no_data_after()
            text = str(e)
            m = _CHANGED.match(text)
            if m is not None:
                self.first_len = int(m.group(1))
                if not self.homogeneous and int(m.group(1)) != len(self.leaves):
                    # the first row already has the wrong count
                    row = 0
                    e = self._structured_error(int(m.group(1)), 1)
                elif not self.homogeneous:
                    e = self._structured_error(int(m.group(2)), row + 1)
            self._start(True)
            if row > 0:
                before, ncols, _ = self.call(row, self.usecols, None, label)
                self._convert(before, row, ncols)
            m = _INVALID.match(text)
            if m is not None:
                # NumPy converts the row's fields before the invalid column first
                p = self.usecols.index(int(m.group(1)))
                if p:
                    head = self.call(row + 1, self.usecols[:p], None, label)[0][-p:]
                    self._convert(head, 1, p, row0=row)
            self._end(row)
            raise e from None
        self.nd = nd
        if ncols:
            nrows = len(fields) // ncols
        elif self.usecols == []:
            # no output columns: count the rows on their own
            nrows = len(self.call(self.core_max, [0], None, "")[0])
        else:
            nrows = 0
        self.first_len = ncols
        if not self.homogeneous and self.usecols is None and nrows and ncols != len(self.leaves):
            self._start(True)
            self._end(0)
            raise self._structured_error(ncols, 1)
        self._start(nrows > 0)
        out = self._convert(fields, nrows, ncols)
        self._end(nrows)
        return out

    def _structured_error(self, found, row):
        return ValueError(f"the dtype passed requires {len(self.leaves)} columns but {found} "
                          f"were found at row {row}; use `usecols` to select a subset and "
                          "avoid this error")

    def _file_column(self, j, row):
        """The 1-based file column of output column ``j`` at data row ``row``."""
        if self.usecols is None:
            return j + 1
        c = self.usecols[j]
        if c >= 0:
            return c + 1
        return c + self._row_len(row) + 1

    def _row_len(self, row):
        """The number of fields of data row ``row``."""
        try:
            return self.call(row + 1, None, None, "")[1]      # all rows so far alike
        except ValueError as e:
            m = _CHANGED.match(str(e))
            if m is not None and int(m.group(3)) == row + 1:
                return int(m.group(2))

        def rows_after(skip):
            return len(self.core(self.data, skip, None, [0], None, "")[0])
        # the row starts on the last line that can be skipped leaving it the first row
        want = rows_after(self.skiprows) - row
        lo, hi = self.skiprows, self.skiprows + len(self.data) + 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if rows_after(mid) >= want:
                lo = mid
            else:
                hi = mid - 1
        return self.core(self.data, lo, 1, None, None, "")[1]

    def _convert(self, fields, nrows, ncols, row0=0):
        """The fields of ``nrows`` rows (data rows ``row0``...) converted, with NumPy's first
        error (row by row) raised."""
        dt = self.dtype
        chunked = self.chunked
        label = "object" if chunked is not None else None
        c_bytes = chunked is not None and chunked.kind == "S"
        leaves = [dt] * ncols if self.homogeneous else self.leaves[:ncols]
        funcs = (self.conv_funcs[:ncols] if self.conv_funcs is not None
                 else [None] * ncols)

        def fail(r, j, cause):
            row = row0 + r
            self._end(row)
            col = self._file_column(j, row)
            # the chunked path counts the rows of each chunk from 0
            shown = row % _CHUNK if chunked is not None else row
            raise _conversion_error(fields[r * ncols + j], label or str(leaves[j]), shown,
                                    col, cause)

        if self.homogeneous and not any(funcs):
            # one type for all: convert the fields at once
            vals, bad, cause = _convert_column(dt, fields, label or str(dt), c_bytes)
            if bad is not None:
                fail(bad // ncols, bad % ncols, cause)
            if nrows == 0 and self.usecols is None:
                return _core.empty((0, 1), dt)
            if vals is None:
                return _core.zeros((nrows, ncols), dt)
            return vals.reshape(nrows, ncols)

        columns = []
        bad = {}
        for j in range(ncols):
            if funcs[j] is None:
                vals, k, cause = _convert_column(leaves[j], fields[j::ncols],
                                                 label or str(leaves[j]), c_bytes)
                if k is not None:
                    bad[j] = (k, cause)
                columns.append(vals)
            else:
                columns.append(_core.empty(nrows, leaves[j]) if leaves[j].itemsize or
                               leaves[j].kind not in "SU" else None)
        if any(funcs):
            as_bytes = self.byte_converters
            for r in range(nrows):
                for j in range(ncols):
                    f = funcs[j]
                    if f is None:
                        if j in bad and bad[j][0] == r:
                            fail(r, j, bad[j][1])
                        continue
                    s = fields[r * ncols + j]
                    try:
                        v = f(s.encode("latin1") if as_bytes else s)
                        if columns[j] is not None:
                            columns[j][r] = v
                    except Exception as e:  # noqa: BLE001 - NumPy wraps what the converter raises
                        fail(r, j, e)
        elif bad:
            k, j = min((k, j) for j, (k, _) in bad.items())
            fail(k, j, bad[j][1])

        if self.homogeneous:
            out = _core.empty((nrows, ncols), dt)
            for j, col in enumerate(columns):
                if col is not None:
                    out[:, j] = col
            if nrows == 0 and self.usecols is None:
                return _core.empty((0, 1), dt)
            return out
        out = _core.zeros(nrows, dt)
        for view, col in zip(_leaf_views(out, dt), columns):
            if col is not None:
                view[...] = col
        return out


def _ensure_ndmin(a, ndmin):
    from ._shape import atleast_1d, atleast_2d, squeeze
    if a.ndim > ndmin:
        a = squeeze(a)
    if a.ndim < ndmin:
        if ndmin == 1:
            a = atleast_1d(a)
        elif ndmin == 2:
            a = atleast_2d(a).T
    return a


def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0,
            usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *,
            quotechar=None, like=None):
    r"""Load data from a text file: one row per line, fields split by ``delimiter``.

    Parameters
    ----------
    fname : file, str, pathlib.Path, list of str, generator
        A file name (``.gz``, ``.bz2`` and ``.xz`` are decompressed), or an iterable of
        lines (open files, lists, generators; bytes are decoded with ``encoding``).
    dtype : data-type, optional
        The type of the result (float64 by default). A structured dtype reads one column per
        field (nested fields and subarrays flattened) and gives a 1-D array.
    comments : str, sequence of str or None, optional
        The text that starts a comment, to the end of the line; ``'#'`` by default.
    delimiter : str, optional
        The character between fields; None (the default) splits on runs of whitespace.
    converters : dict or callable, optional
        Functions of the field's text giving the value: ``{column: function}``, or one
        function for every column.
    skiprows : int, optional
        Lines skipped first (comment and empty lines included).
    usecols : int or sequence of int, optional
        The columns to read (negative ones count from the end of each row).
    unpack : bool, optional
        Return the transposed array (a list of field arrays for a structured dtype).
    ndmin : {0, 1, 2}, optional
        The least number of dimensions of the result.
    encoding : str, optional
        The encoding of the file (``'bytes'``: converters are given latin1 bytes).
    max_rows : int, optional
        Read this many rows of data at most (lines without data do not count).
    quotechar : str, optional
        The character that quotes fields (which may then hold delimiters and comments); a
        doubled quote in a quoted field is one quote.
    like : array_like, optional
        Another library's array: the call is handed to it (NEP 35).

    Returns
    -------
    ndarray
        The data: 2-D, with length-1 axes squeezed away down to ``ndmin`` dimensions.

    Examples
    --------
    >>> import io
    >>> import rumpy as rp
    >>> rp.loadtxt(io.StringIO("0 1\n2 3"))
    array([[0., 1.],
           [2., 3.]])
    >>> rp.loadtxt(io.StringIO("1,2,3\n4,5,6"), delimiter=",", usecols=(0, 2), dtype=int)
    array([[1, 3],
           [4, 6]])
    >>> rp.loadtxt(["M 21 72", "F 35 58"], dtype=[("sex", "S1"), ("age", "i4"),
    ...                                            ("weight", "f4")])
    array([(b'M', 21, 72.), (b'F', 35, 58.)],
          dtype=[('sex', 'S1'), ('age', '<i4'), ('weight', '<f4')])
    """
    if like is not None and not isinstance(like, _core.ndarray):
        # Another library's object (NEP 35): NumPy's loadtxt hands the call to it.
        if not hasattr(like, "__array_function__"):
            raise TypeError("The `like` argument must be an array-like that implements the "
                            "`__array_function__` protocol.")
        import numpy
        return numpy.loadtxt(fname, dtype=dtype, comments=comments, delimiter=delimiter,
                             converters=converters, skiprows=skiprows, usecols=usecols,
                             unpack=unpack, ndmin=ndmin, encoding=encoding,
                             max_rows=max_rows, quotechar=quotechar, like=like)
    if dtype is None:
        dtype = "float64"
    comment = comments
    if comment is not None:
        if isinstance(comment, (str, bytes)):
            comment = [comment]
        comment = [x.decode("latin1") if isinstance(x, bytes) else x for x in comment]
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    return _read(fname, dtype=dtype, comment=comment, delimiter=delimiter,
                 converters=converters, skiplines=skiprows, usecols=usecols, unpack=unpack,
                 ndmin=ndmin, encoding=encoding, max_rows=max_rows, quote=quotechar)


def _read(fname, *, dtype, comment, delimiter, converters, skiplines, usecols, unpack, ndmin,
          encoding, max_rows, quote):
    """NumPy's ``_read`` and ``_load_from_filelike``: the checks in NumPy's order, then the
    rows."""
    byte_converters = False
    if encoding == "bytes":
        encoding = None
        byte_converters = True
    dtype = _core.dtype(dtype)
    chunked = None
    if dtype.kind in "SUM" and any(dtype == _core.dtype(s) for s in ("S0", "U0", "M8", "m8")):
        chunked = dtype
        dtype = _core.dtype("O")
    if usecols is not None:
        try:
            usecols = list(usecols)
        except TypeError:
            usecols = [usecols]
    if ndmin not in [0, 1, 2]:
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")

    comments = None
    if comment is not None:
        if "" in comment:
            raise ValueError("comments cannot be an empty string. Use comments=None to "
                             "disable comments.")
        comments = tuple(comment)
        comment = None
        if len(comments) == 0:
            comments = None
        elif len(comments) == 1:
            if isinstance(comments[0], str) and len(comments[0]) == 1:
                comment = comments[0]
                comments = None
        elif delimiter in comments:
            raise TypeError(f"Comment characters '{comments}' cannot include the delimiter "
                            f"'{delimiter}'")
    if comments is not None and quote is not None:
        raise ValueError("when multiple comments or a multi-character comment is given, "
                         "quotes are not supported.  In this case quotechar must be set to "
                         "None.")

    _check_nonneg_int(skiplines)
    if max_rows is not None:
        _check_nonneg_int(max_rows)

    fh = None
    try:
        if isinstance(fname, os.PathLike):
            fname = os.fspath(fname)
        if isinstance(fname, str):
            fh = _open_path(fname, encoding)
            if encoding is None:
                encoding = getattr(fh, "encoding", "latin1")
            data = None
        else:
            if encoding is None:
                encoding = getattr(fname, "encoding", "latin1")
            data = iter(fname)
    except TypeError as e:
        raise ValueError(f"fname must be a string, filehandle, list of strings,\n"
                         f"or generator. Got {type(fname)} instead.") from e

    try:
        arr = _load(fh, data, dtype=dtype, chunked=chunked, comment=comment,
                    comments=comments, delimiter=delimiter, quote=quote, usecols=usecols,
                    skiplines=skiplines, max_rows=max_rows, converters=converters,
                    encoding=encoding, byte_converters=byte_converters)
    finally:
        if fh is not None:
            fh.close()

    arr = _ensure_ndmin(arr, ndmin)
    if arr.shape and arr.shape[0] == 0:
        _warn(f'loadtxt: input contained no data: "{fname}"')
    if unpack:
        if arr.dtype.names is not None:
            return [arr[field] for field in arr.dtype.names]
        return arr.T
    return arr


def _load(fh, data, *, dtype, chunked, comment, comments, delimiter, quote, usecols, skiplines,
          max_rows, converters, encoding, byte_converters):
    if chunked is not None and max_rows == 0:
        # NumPy reads no chunk at all, and has none to concatenate
        raise ValueError("need at least one array to concatenate")
    # NumPy's C layer: its argument conversions, then its checks
    delimiter = _control(delimiter)
    comment = _control(comment)
    quote = _control(quote)
    skiplines = _c_intp(skiplines)
    if max_rows is not None:
        max_rows = _c_intp(max_rows)
    _check_control_characters(delimiter, quote, comment)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("encoding must be a unicode string.")
    if usecols is not None:
        cols = []
        for x in usecols:
            try:
                v = operator.index(x)
            except TypeError:
                raise TypeError("usecols must be an int or a sequence of ints but it contains "
                                "at least one element of type "
                                f"'{_tp_name(type(x))}'") from None
            if not -_SSIZE_MAX - 1 <= v <= _SSIZE_MAX:
                raise OverflowError(f"cannot fit '{_tp_name(type(x))}' into an index-sized "
                                    "integer")
            cols.append(v)
        usecols = cols
    if dtype.subdtype is not None:
        raise TypeError("file reader does not support subarray dtypes.  You canput the dtype "
                        "into a structured one using `np.dtype(('name', dtype))` to avoid "
                        "this limitation.")
    homogeneous = dtype.names is None
    leaves = [dtype] if homogeneous else _leaves(dtype)
    if not homogeneous and usecols is not None and len(usecols) != len(leaves):
        raise TypeError("If a structured dtype is used, the number of columns in `usecols` "
                        "must match the effective number of fields. But "
                        f"{len(usecols)} usecols were given and the number of fields is "
                        f"{len(leaves)}.")

    reader = _Reader(delimiter=delimiter, comment=comment, quote=quote, skiprows=skiplines,
                     max_rows=max_rows, usecols=usecols, dtype=dtype,
                     homogeneous=homogeneous, leaves=leaves, converters=converters,
                     byte_converters=byte_converters, chunked=chunked)
    error = None
    if fh is not None:
        # NumPy reads the file 16384 characters at a time (so the decoder raises what it
        # raises for a stream); an error comes after the lines read before it
        chunks = []
        try:
            for chunk in iter(lambda: fh.read(16384), ""):
                chunks.append(chunk)
        except Exception as e:  # noqa: BLE001 - raised once the rows before it are read
            error = e
        text = "".join(chunks)
        if error is not None:
            text = text[:text.rfind("\n") + 1]
        if comments is None:
            reader.data = text
        else:
            # NumPy iterates over the file's lines to cut their comments
            pieces = text.split("\n")
            lines = [p + "\n" for p in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
            lines = _Lines(iter(lines), encoding, comments, reader)
            lines.read(skiplines, None)
            reader.data = _as_text(lines.items, quote)
            error = lines.error or error
    else:
        lines = _Lines(data, encoding, comments, reader)
        lines.read(skiplines, max_rows)
        reader.data = _as_text(lines.items, quote)
        error = lines.error

    arr = reader.read()
    if error is not None:
        raise error
    if chunked is not None:
        arr = _cast_in_blocks(arr, chunked)
    return arr


def _cast_in_blocks(arr, dt):
    """``arr.astype(dt)`` (a length or a unit to discover), a block of values at a time as
    NumPy casts its chunks: rumpy's cast of 2**17 objects or more at once stalls."""
    block = 65536
    if arr.size <= block:
        return arr.astype(dt)
    flat = arr.reshape(-1)
    parts = [flat[i:i + block].astype(dt) for i in range(0, flat.shape[0], block)]
    return _core.concatenate(parts).reshape(arr.shape)
