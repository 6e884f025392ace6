"""``rumpy.ma.mrecords``, as ``numpy.ma.mrecords``: record arrays with a mask per field, whose
fields can be read and set as attributes."""

import builtins
import warnings

import rumpy as rp

from .._records import recarray
from . import core as ma

__all__ = ['MaskedRecords', 'mrecarray', 'fromarrays', 'fromrecords', 'fromtextfile', 'addfield']

ndarray = rp.ndarray
# names that are attributes of MaskedRecords, so never field names of one
reserved_fields = ['_data', '_mask', '_fieldmask', 'dtype']


def _record_mask(mask, mdtype):
    """A per-element boolean ``mask`` spread over every field of ``mdtype``."""
    return rp.array([(bool(m),) * len(mdtype) for m in mask], dtype=mdtype)


class MaskedRecords(ma.MaskedArray):
    """A masked record array: every field has its own mask; fields are attributes."""

    def __new__(cls, shape, dtype=None, buf=None, offset=0, strides=None, formats=None,
                names=None, titles=None, byteorder=None, aligned=False, mask=ma.nomask,
                hard_mask=False, fill_value=None, keep_mask=True, copy=False, **options):
        self = recarray.__new__(cls, shape, dtype=dtype, buf=buf, offset=offset,
                                strides=strides, formats=formats, names=names, titles=titles,
                                byteorder=byteorder, aligned=aligned)
        if "_mask" not in self.__dict__:
            # rumpy's ndarray.__new__ does not call __array_finalize__(None) as numpy's does
            self.__array_finalize__(None)
        mdtype = ma.make_mask_descr(self.dtype)
        if mask is ma.nomask or not rp.size(mask):
            if not keep_mask:
                # numpy stores a tuple of flags here, not an array
                self._mask = (False,) * len(mdtype)
            return self
        mask = rp.array(mask, copy=copy)
        if mask.shape != self.shape:
            nd, nm = self.size, mask.size
            if nm == 1:
                mask = rp.resize(mask, self.shape)
            elif nm == nd:
                mask = rp.reshape(mask, self.shape)
            else:
                # numpy's message has a literal "{nm}"
                raise ma.MAError(
                    f"Mask and data not compatible: data size is {nd}, mask size is {{nm}}.")
        if not keep_mask:
            self.__setmask__(mask)
            self._sharedmask = True
        else:
            self._mask = mask if mask.dtype == mdtype else _record_mask(mask, mdtype)
        return self

    def __array_finalize__(self, obj):
        # a record array always carries a full mask, one flag per field
        mask = getattr(obj, '_mask', None)
        if mask is None:
            dtype = ndarray.dtype.__get__(self)
            mask = ma.make_mask_none(self.shape, dtype=dtype)
        local = object.__getattribute__(self, '__dict__')
        local['_mask'] = mask
        self._update_from(obj)
        if local['_baseclass'] is ndarray:
            local['_baseclass'] = recarray

    @property
    def _data(self):
        """The data, as a record array."""
        return ndarray.view(self, recarray)

    @property
    def _fieldmask(self):
        """Alias of the mask (one flag per field)."""
        return self._mask

    def __len__(self):
        if self.ndim:
            return len(self._data)
        return len(self.dtype)

    def __getattribute__(self, attr):
        try:
            return object.__getattribute__(self, attr)
        except AttributeError:
            pass
        fields = ndarray.dtype.__get__(self).fields
        if not fields or attr not in fields:
            raise AttributeError(f"record array has no attribute {attr}")
        local = object.__getattribute__(self, '__dict__')
        obj = ndarray.__getitem__(ndarray.view(self, local['_baseclass']), attr)
        if obj.dtype.names is not None:
            raise NotImplementedError("MaskedRecords is currently limited tosimple records.")
        mask = local.get('_mask', None)
        hasmasked = False
        if mask is not None:
            try:
                mask = mask[attr]
            except IndexError:
                pass
            hasmasked = bool(rp.asarray(mask).any())
        if not (obj.shape or hasmasked):
            return obj.item()
        obj = ndarray.view(obj, ma.MaskedArray)
        obj._baseclass = ndarray
        obj._isfield = True
        obj._mask = mask
        fill = local.get('_fill_value', None)
        if fill is not None:
            obj._fill_value = fill[attr]
        return obj

    def __setattr__(self, attr, val):
        if attr in ('mask', 'fieldmask'):
            self.__setmask__(val)
            return
        local = object.__getattribute__(self, '__dict__')
        fields = ndarray.dtype.__get__(self).fields or {}
        if attr not in fields:
            object.__setattr__(self, attr, val)
            return
        if val is ma.masked:
            fill = local['_fill_value']
            dval = val if fill is None else fill[attr]
            mval = True
        else:
            dval = ma.filled(val)
            mval = ma.getmaskarray(val)
        ndarray.__setitem__(ndarray.view(self, ndarray), attr, dval)
        local['_mask'][attr] = mval

    def __getitem__(self, indx):
        local = self.__dict__
        mask = local['_mask']
        data = ndarray.view(self, local['_baseclass'])
        if isinstance(indx, str):
            obj = ndarray.view(data[indx], ma.MaskedArray)
            obj._mask = mask[indx]
            obj._sharedmask = True
            fill = local['_fill_value']
            if fill is not None:
                obj._fill_value = fill[indx]
            if not obj.ndim and obj._mask:
                return ma.masked
            return obj
        obj = ndarray.view(rp.asarray(data[indx]), mrecarray)
        obj._mask = ndarray.view(rp.asarray(mask[indx]), recarray)
        return obj

    def __setitem__(self, indx, value):
        ma.MaskedArray.__setitem__(self, indx, value)
        if isinstance(indx, str):
            self._mask[indx] = ma.getmaskarray(value)

    def __str__(self):
        columns = [getattr(self, f) for f in self.dtype.names]
        if self.size > 1:
            rows = [f"({','.join(str(i) for i in rec)})" for rec in zip(*columns)]
            return f"[{', '.join(rows)}]"
        return f"({', '.join(str(c) for c in columns)})"

    def __repr__(self):
        names = self.dtype.names
        width = max(len(n) for n in names) + 4
        lines = ['masked_records(']
        lines += [f"{f:>{width}} : {getattr(self, f)!s}" for f in names]
        lines += [f"{'    fill_value':>{width}} : {self.fill_value!s}", '              )']
        return '\n'.join(lines)

    def view(self, dtype=None, type=None):
        """A view of the records, with the mask seen through the new dtype."""
        if dtype is None:
            output = ndarray.view(self) if type is None else ndarray.view(self, type)
        elif type is not None:
            output = ndarray.view(self, dtype, type)
        elif isinstance(dtype, builtins.type):
            output = ndarray.view(self, dtype)
        else:
            output = self._view_as_dtype(rp.dtype(dtype))
        if getattr(output, '_mask', ma.nomask) is not ma.nomask:
            mdtype = ma.make_mask_descr(output.dtype)
            output._mask = self._mask.view(mdtype, ndarray)
            output._mask.shape = output.shape
        return output

    def _view_as_dtype(self, dtype):
        if dtype.fields is None:
            # a plain dtype: the data as an ordinary masked array
            output = ndarray.view(rp.asarray(self), dtype, ma.MaskedArray)
            output._update_from(self)
        else:
            output = ndarray.view(self, dtype)
        output._fill_value = None
        return output

    def harden_mask(self):
        """Make the mask hard: assigning to a masked entry leaves it masked."""
        self._hardmask = True

    def soften_mask(self):
        """Make the mask soft: assigning to a masked entry unmasks it."""
        self._hardmask = False

    def copy(self):
        """A copy of the data and of the mask."""
        copied = self._data.copy().view(type(self))
        copied._mask = self._mask.copy()
        return copied

    def tolist(self, fill_value=None):
        """The records as nested lists, masked fields as None (or ``fill_value``)."""
        if fill_value is not None:
            return self.filled(fill_value).tolist()
        out = rp.array(self.filled().tolist(), dtype=object)
        out[rp.array(self._mask.tolist())] = None
        return out.tolist()

    def __reduce__(self):
        return (_mrreconstruct,
                (type(self), ndarray.view(self, ndarray).copy(), rp.asarray(self._mask).copy(),
                 self._fill_value, self._hardmask))


def _mrreconstruct(cls, data, mask, fill_value, hardmask):
    """Rebuild a pickled MaskedRecords."""
    out = data.view(cls)
    out._mask = mask
    out._fill_value = fill_value
    out._hardmask = hardmask
    return out


mrecarray = MaskedRecords


def fromarrays(arraylist, dtype=None, shape=None, formats=None, names=None, titles=None,
               aligned=False, byteorder=None, fill_value=None):
    """A masked record array with one field per (masked) array of ``arraylist``."""
    datalist = [ma.getdata(x) for x in arraylist]
    masklist = [rp.atleast_1d(ma.getmaskarray(x)) for x in arraylist]
    out = rp.rec.fromarrays(datalist, dtype=dtype, shape=shape, formats=formats, names=names,
                            titles=titles, aligned=aligned,
                            byteorder=byteorder).view(mrecarray)
    out._mask.flat[:] = list(zip(*masklist))
    if fill_value is not None:
        out.fill_value = fill_value
    return out


def fromrecords(reclist, dtype=None, shape=None, formats=None, names=None, titles=None,
                aligned=False, byteorder=None, fill_value=None, mask=ma.nomask):
    """A masked record array from a list of records (tuples) or a record array."""
    old_mask = getattr(reclist, '_mask', None)
    if isinstance(reclist, ndarray):
        if isinstance(reclist, ma.MaskedArray):
            reclist = reclist.filled().view(ndarray)
        if dtype is None:
            dtype = reclist.dtype
        reclist = reclist.tolist()
    out = rp.rec.fromrecords(reclist, dtype=dtype, shape=shape, formats=formats, names=names,
                             titles=titles, aligned=aligned,
                             byteorder=byteorder).view(mrecarray)
    if fill_value is not None:
        out.fill_value = fill_value
    if mask is not ma.nomask:
        mask = rp.asarray(mask)
        if len(mask.dtype):
            out._mask.flat[:] = mask
        elif mask.ndim == 2:
            out._mask.flat[:] = [tuple(m) for m in mask]
        else:
            out.__setmask__(mask)
    if old_mask is not None:
        out._mask[:] = old_mask
    return out


def _guessvartypes(arr):
    """The dtype each column of a row of strings looks like: int, float, complex or the
    strings' own."""
    arr = rp.asarray(arr)
    if arr.ndim == 2:
        arr = arr[0]
    elif arr.ndim > 2:
        raise ValueError("The array should be 2D at most!")
    return [_guess_type(item, arr.dtype) for item in arr]


def _guess_type(item, default):
    for kind in (int, float, complex):
        try:
            kind(item)
        except (ValueError, TypeError):
            continue
        return rp.dtype(kind)
    return default


def openfile(fname):
    """``fname`` opened for reading (a file object is returned as is)."""
    if hasattr(fname, 'readline'):
        return fname
    try:
        f = open(fname)
    except FileNotFoundError as e:
        raise FileNotFoundError(f"No such file: '{fname}'") from e
    if f.readline()[:2] != "\\x":
        f.seek(0, 0)
        return f
    f.close()
    raise NotImplementedError("Wow, binary file")


def fromtextfile(fname, delimiter=None, commentchar='#', missingchar='', varnames=None,
                 vartypes=None):
    """A masked record array read from a text file: the first line with several words names
    the fields; entries equal to ``missingchar`` are masked."""
    ftext = openfile(fname)
    while True:
        line = ftext.readline()
        header = line[:line.find(commentchar)].strip().split(delimiter)
        if len(header) > 1:
            break
    if varnames is None:
        varnames = header
    rows = [ln.strip().split(delimiter) for ln in ftext
            if ln[0] != commentchar and len(ln) > 1]
    variables = ma.masked_array(rows)
    _, nfields = variables.shape
    ftext.close()
    if vartypes is None:
        vartypes = _guessvartypes(variables[0])
    else:
        vartypes = [rp.dtype(v) for v in vartypes]
        if len(vartypes) != nfields:
            warnings.warn(f"Attempting to {len(vartypes)} dtypes for {nfields} fields! "
                          "Reverting to default.", stacklevel=2)
            vartypes = _guessvartypes(variables[0])
    descr = list(zip(varnames, vartypes))
    fills = [ma.default_fill_value(t) for t in vartypes]
    missing = variables.T == missingchar
    columns = [ma.masked_array(a, mask=m, dtype=t, fill_value=f)
               for a, m, t, f in zip(variables.T, missing, vartypes, fills)]
    return fromarrays(columns, dtype=descr)


def addfield(mrecord, newfield, newfieldname=None):
    """A copy of ``mrecord`` with the (masked) array ``newfield`` added as a new field."""
    data = mrecord._data
    mask = mrecord._mask
    if newfieldname is None or newfieldname in reserved_fields:
        newfieldname = f"f{len(data.dtype)}"
    newfield = ma.array(newfield)
    newdtype = rp.dtype(data.dtype.descr + [(newfieldname, newfield.dtype)])
    newdata = rp.empty(data.shape, newdtype)
    for name in data.dtype.names:
        newdata[name] = ndarray.view(data, ndarray)[name]
    newdata[newfieldname] = newfield._data
    newdata = newdata.view(recarray).view(MaskedRecords)
    newmask = rp.empty(data.shape, [(n, rp.bool_) for n in newdtype.names])
    for name in mask.dtype.names:
        newmask[name] = rp.asarray(mask)[name]
    newmask[newfieldname] = ma.getmaskarray(newfield)
    newdata._mask = newmask.view(recarray)
    return newdata
