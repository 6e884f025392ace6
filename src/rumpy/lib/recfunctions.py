"""``rumpy.lib.recfunctions``: building, reshaping and joining structured arrays
(numpy.lib.recfunctions).

Fields are moved whole, one field (column) at a time, never row by row. Functions that can
return masked arrays use ``rumpy.ma``, which is imported only when they need it.
"""

import itertools
import sys

import rumpy as _rp

from .stride_tricks import as_strided

__all__ = [
    "append_fields", "apply_along_fields", "assign_fields_by_name", "drop_fields",
    "find_duplicates", "flatten_descr", "get_fieldstructure", "get_names", "get_names_flat",
    "join_by", "merge_arrays", "rec_append_fields", "rec_drop_fields", "rec_join",
    "recursive_fill_fields", "rename_fields", "repack_fields", "require_fields",
    "stack_arrays", "structured_to_unstructured", "unstructured_to_structured",
]


def _ma():
    import rumpy.ma
    return rumpy.ma


def _is_masked(arr):
    ma = sys.modules.get("rumpy.ma")
    return ma is not None and isinstance(arr, ma.MaskedArray)


def _masked_records():
    from rumpy.ma import mrecords
    return mrecords.MaskedRecords


# ---------------------------------------------------------------------------
# describing structured dtypes
# ---------------------------------------------------------------------------

def _fieldspec(dtype):
    """[(name, dtype), ...] of ``dtype``'s fields (``(title, name)`` for a titled field);
    ``[('', dtype)]`` for a dtype without fields."""
    if dtype.names is None:
        return [("", dtype)]
    spec = []
    for name in dtype.names:
        field = dtype.fields[name]
        spec.append((name if len(field) == 2 else (field[2], name), field[0]))
    return spec


def get_names(adtype):
    """The field names of ``adtype``, a nested field as ``(name, (its names...))``."""
    names = []
    for name in adtype.names:
        sub = adtype[name]
        names.append((name, get_names(sub)) if sub.names is not None else name)
    return tuple(names)


def get_names_flat(adtype):
    """Every field name of ``adtype``, nested ones following their parent, as one tuple."""
    names = []
    for name in adtype.names:
        names.append(name)
        if adtype[name].names is not None:
            names.extend(get_names_flat(adtype[name]))
    return tuple(names)


def flatten_descr(ndtype):
    """``((name, dtype), ...)`` of the leaf fields of ``ndtype``, nesting removed."""
    if ndtype.names is None:
        return (("", ndtype),)
    descr = []
    for name in ndtype.names:
        sub, _ = ndtype.fields[name]  # a titled field fails here, as in numpy
        descr.extend(flatten_descr(sub) if sub.names is not None else [(name, sub)])
    return tuple(descr)


def get_fieldstructure(adtype, lastname=None, parents=None):
    """{field name: [its ancestors' names, outermost first]} for every field of ``adtype``."""
    if parents is None:
        parents = {}
    for name in adtype.names:
        if adtype[name].names is not None:
            parents[name] = [lastname] if lastname else []
            parents.update(get_fieldstructure(adtype[name], name, parents))
        else:
            ancestors = list(parents.get(lastname, []) or [])
            if ancestors:
                ancestors.append(lastname)
            elif lastname:
                ancestors = [lastname]
            parents[name] = ancestors
    return parents


def _zip_dtype(arrays, flatten=False):
    """The dtype of ``arrays`` side by side: their leaf fields when ``flatten``, else one
    field per array (an array with a single field gives that field)."""
    spec = []
    for a in arrays:
        if flatten:
            spec.extend(flatten_descr(a.dtype))
        elif a.dtype.names is not None and len(a.dtype.names) == 1:
            spec.extend(_fieldspec(a.dtype))
        else:
            spec.append(("", a.dtype))
    return _rp.dtype(spec)


def _parts(dtype, flatten):
    """The field paths (tuples of names) of ``dtype`` that ``_zip_dtype`` makes fields of."""
    if flatten:
        return _leaf_paths(dtype)
    if dtype.names is not None and len(dtype.names) == 1:
        return [(dtype.names[0],)]
    return [()]


def _leaf_paths(dtype, prefix=()):
    if dtype.names is None:
        return [prefix]
    paths = []
    for name in dtype.names:
        paths.extend(_leaf_paths(dtype.fields[name][0], prefix + (name,)))
    return paths


def _at(arr, path):
    for name in path:
        arr = arr[name]
    return arr


# ---------------------------------------------------------------------------
# fill values (numpy.ma's, for padding and for masked entries)
# ---------------------------------------------------------------------------

_DEFAULT_FILL = {"b": True, "i": 999999, "u": 999999, "f": 1.0e20, "c": 1.0e20 + 0j,
                 "O": "?", "S": b"N/A", "U": "N/A", "V": b"???", "M": "NaT", "m": "NaT"}


def _default_fill(dtype):
    """numpy.ma's default fill value of ``dtype`` as a 0-d array of it (cast unsafely, so
    999999 wraps in small integer types as it does in numpy)."""
    out = _rp.empty((), dtype)
    if dtype.names is None:
        out[()] = _rp.asarray(_DEFAULT_FILL[dtype.kind]).astype(dtype)
        return out
    for name in dtype.names:
        field = dtype[name]
        base = field.subdtype[0] if field.subdtype else field
        out[name] = _default_fill(base)
    return out


def _fill_for(fill_value, dtype):
    """``fill_value`` checked and converted to ``dtype`` as numpy.ma does (a 0-d array)."""
    if fill_value is None:
        return _default_fill(dtype)
    if dtype.names is not None:
        return _structured_fill(fill_value, dtype)
    if isinstance(fill_value, str) and dtype.char not in "OSTVU":
        raise TypeError(f"Cannot set fill value of string with array of dtype {dtype}")
    try:
        return _rp.asarray(fill_value, dtype=dtype)
    except (OverflowError, ValueError) as e:
        raise TypeError(f"Cannot convert fill_value {fill_value} to dtype {dtype}") from e


def _structured_fill(fill_value, dtype, nested=False):
    if isinstance(fill_value, (_rp.ndarray, _rp.void)):
        try:
            return _rp.asarray(fill_value, dtype=dtype)
        except ValueError as e:
            raise ValueError(f"Unable to transform {fill_value} to dtype {dtype}") from e
    values = fill_value if isinstance(fill_value, (tuple, list)) else [fill_value]
    out = _rp.empty((), dtype)
    # like numpy's resize: the values repeat until every field has one
    for name, value in zip(dtype.names, itertools.cycle(values)):
        field = dtype[name]
        base = field.subdtype[0] if field.subdtype else field
        if base.names:
            out[name] = _structured_fill(value, base, nested=True)
        elif nested:
            # numpy holds nested values as numpy integers, which cast unsafely (-1 wraps)
            out[name] = _rp.asarray(value).astype(base)
        else:
            out[name] = _rp.array(value, dtype=base)
    return out


# ---------------------------------------------------------------------------
# output types
# ---------------------------------------------------------------------------

def _fix_output(output, usemask=True, asrecarray=False):
    """``output`` as the requested kind: masked (records), or filled (record) array."""
    if usemask and _is_masked(output):
        return output.view(_masked_records()) if asrecarray else output
    if _is_masked(output):
        output = output.filled()
    return output.view(_rp.recarray) if asrecarray else output


def _fix_defaults(output, defaults=None):
    """Set the fill value, and the masked entries, of the fields named in ``defaults``."""
    names = output.dtype.names
    data, mask, fill_value = output.data, output.mask, output.fill_value
    for name, value in (defaults or {}).items():
        if name in names:
            fill_value[name] = value
            data[name][mask[name]] = value
    return output


def recursive_fill_fields(input, output):
    """Copy each field of ``input`` into the field of the same name of ``output``
    (nested fields by name too); returns ``output``."""
    for name in output.dtype.names:
        try:
            current = input[name]
        except ValueError:
            continue
        if current.dtype.names is not None:
            recursive_fill_fields(current, output[name])
        else:
            output[name][:len(current)] = current
    return output


# ---------------------------------------------------------------------------
# merging, dropping, renaming, appending
# ---------------------------------------------------------------------------

def _merge_single(arr, flatten, usemask, asrecarray):
    """merge_arrays of one array: a view with named fields, or None when flattening has
    to rebuild it."""
    dtype = arr.dtype if arr.dtype.names is not None else _rp.dtype([("", arr.dtype)])
    if flatten and _zip_dtype((arr,), flatten=True) != dtype:
        return None
    if usemask:
        kind = _masked_records() if asrecarray else _ma().MaskedArray
    else:
        kind = _rp.recarray if asrecarray else _rp.ndarray
    return arr.ravel().view(dtype=dtype, type=kind)


def merge_arrays(seqarrays, fill_value=-1, flatten=False, usemask=False, asrecarray=False):
    """The arrays side by side as fields of one 1-d structured array, shorter ones padded
    with ``fill_value`` (masked when ``usemask``)."""
    if len(seqarrays) == 1:
        seqarrays = _rp.asanyarray(seqarrays[0])
    if isinstance(seqarrays, (_rp.ndarray, _rp.void)):
        merged = _merge_single(seqarrays, flatten, usemask, asrecarray)
        if merged is not None:
            return merged
        seqarrays = (seqarrays,)
    else:
        seqarrays = [_rp.asanyarray(a) for a in seqarrays]
    length = max(a.size for a in seqarrays)
    dtype = _zip_dtype(seqarrays, flatten=flatten)
    data = _rp.empty(length, dtype)
    mask = _rp.zeros(length, _ma().make_mask_descr(dtype)) if usemask else None
    fills = [_fill_for(fill_value, a.dtype) if a.size < length else None for a in seqarrays]
    _check_padding(seqarrays, fills, len(dtype.names), flatten)
    names = iter(dtype.names)
    for a, fill in zip(seqarrays, fills):
        _merge_into(a, fill, next_names=names, data=data, mask=mask, flatten=flatten)
    if not usemask:
        return data.view(_rp.recarray) if asrecarray else data
    output = _ma().array(data, mask=mask)
    return output.view(_masked_records()) if asrecarray else output


def _padded_row_values(a, fill, flatten):
    """How many values numpy's row holds for ``a`` where ``a`` is padded with ``fill``:
    flattening splits records but neither a padding record nor a padding array, and
    without flattening an array of fill values is split into its values."""
    if fill is None:
        return len(flatten_descr(a.dtype)) if flatten else 1
    if flatten or a.dtype.names is not None:
        return 1
    return fill.size


def _check_padding(arrays, fills, n_fields, flatten):
    """Raise numpy's error for padding its rows cannot hold: a fill of several values, or
    (when flattening) a fill that stays a record or a 1-element array, which only a
    boolean field accepts."""
    if all(f is None for f in fills):
        return
    n_values = sum(_padded_row_values(a, f, flatten) for a, f in zip(arrays, fills))
    if n_values != n_fields:
        raise ValueError(f"could not assign tuple of length {n_values} to structure with "
                         f"{n_fields} fields.")
    for a, fill in zip(arrays, fills):
        one_field = a.dtype.names is not None and len(a.dtype.names) == 1
        if fill is None or one_field or not (flatten or fill.size != 1):
            continue
        if a.dtype.kind == "c" and fill.size == 1:
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        if a.dtype.kind != "b" or fill.size != 1:
            raise ValueError("setting an array element with a sequence.")


def _merge_into(a, fill, next_names, data, mask, flatten):
    """Write ``a``'s parts into their fields of ``data`` (and ``mask``), padding the rows
    past ``a``'s end with its fill value (masked)."""
    n = a.size
    values = _rp.asarray(a).ravel()
    amask = _ma().getmaskarray(a).ravel() if mask is not None else None
    for path in _parts(a.dtype, flatten):
        name = next(next_names)
        data[name][:n] = _at(values, path)
        if fill is not None:
            data[name][n:] = _at(fill, path).reshape(())
        if mask is not None:
            mask[name][:n] = _at(amask, path)
            mask[name][n:] = True


def _without(dtype, drop):
    """``dtype``'s field spec without the fields named in ``drop`` (at any depth); a nested
    field left with nothing goes too."""
    spec = []
    for name in dtype.names:
        if name in drop:
            continue
        sub = dtype[name]
        if sub.names is None:
            spec.append((name, sub))
            continue
        kept = _without(sub, drop)
        if kept:
            spec.append((name, kept))
    return spec


def drop_fields(base, drop_names, usemask=True, asrecarray=False):
    """A copy of ``base`` without the fields named in ``drop_names`` (at any depth)."""
    drop = [drop_names] if isinstance(drop_names, str) else set(drop_names)
    output = _rp.empty(base.shape, dtype=_without(base.dtype, drop))
    output = recursive_fill_fields(base, output)
    return _fix_output(output, usemask=usemask, asrecarray=asrecarray)


def _keep_fields(base, keep_names, usemask=True, asrecarray=False):
    output = _rp.empty(base.shape, dtype=[(n, base.dtype[n]) for n in keep_names])
    output = recursive_fill_fields(base, output)
    return _fix_output(output, usemask=usemask, asrecarray=asrecarray)


def rec_drop_fields(base, drop_names):
    """``drop_fields`` returning a record array (never masked)."""
    return drop_fields(base, drop_names, usemask=False, asrecarray=True)


def _renamed(dtype, namemapper):
    spec = []
    for name in dtype.names:
        sub = dtype[name]
        new = namemapper.get(name, name)
        spec.append((new, _renamed(sub, namemapper) if sub.names is not None else sub))
    return spec


def rename_fields(base, namemapper):
    """A view of ``base`` with fields renamed by ``namemapper`` ({old: new}) at any depth."""
    return base.view(_renamed(base.dtype, namemapper))


def _named_columns(names, data, dtypes):
    """``data``'s arrays as one-field structured arrays named ``names``."""
    if dtypes is None:
        data = [_rp.array(a, copy=None, subok=True) for a in data]
        return [a.view([(n, a.dtype)]) for n, a in zip(names, data)]
    if not isinstance(dtypes, (tuple, list)):
        dtypes = [dtypes]
    if len(data) != len(dtypes):
        if len(dtypes) != 1:
            raise ValueError("The dtypes argument must be None, a dtype, or a list.")
        dtypes = dtypes * len(data)
    return [_rp.array(a, copy=None, subok=True, dtype=d).view([(n, d)])
            for a, n, d in zip(data, names, dtypes)]


def append_fields(base, names, data, dtypes=None, fill_value=-1, usemask=True,
                  asrecarray=False):
    """``base`` with new fields ``names`` holding ``data``; the shorter side is padded
    (masked)."""
    if isinstance(names, (tuple, list)):
        if len(names) != len(data):
            raise ValueError("The number of arrays does not match the number of names")
    elif isinstance(names, str):
        names, data = [names], [data]
    data = _named_columns(names, data, dtypes)
    base = merge_arrays(base, usemask=usemask, fill_value=fill_value)
    if len(data) > 1:
        data = merge_arrays(data, flatten=True, usemask=usemask, fill_value=fill_value)
    else:
        data = data.pop()
    output = _ma().masked_all(max(len(base), len(data)),
                              dtype=_fieldspec(base.dtype) + _fieldspec(data.dtype))
    output = recursive_fill_fields(base, output)
    output = recursive_fill_fields(data, output)
    return _fix_output(output, usemask=usemask, asrecarray=asrecarray)


def rec_append_fields(base, names, data, dtypes=None):
    """``append_fields`` returning a record array (never masked)."""
    return append_fields(base, names, data=data, dtypes=dtypes, asrecarray=True,
                         usemask=False)


def repack_fields(a, align=False, recurse=False):
    """``a`` (an array or a dtype) with its fields packed without gaps (or with the C
    compiler's padding when ``align``); nested ones too when ``recurse``."""
    if not isinstance(a, _rp.dtype):
        return a.astype(repack_fields(a.dtype, align=align, recurse=recurse), copy=False)
    if a.names is None:
        return a
    spec = []
    for name in a.names:
        field = a.fields[name]
        fmt = repack_fields(field[0], align=align, recurse=True) if recurse else field[0]
        spec.append(((field[2], name) if len(field) == 3 else name, fmt))
    return _rp.dtype((a.type, _rp.dtype(spec, align=align)))


# ---------------------------------------------------------------------------
# structured <-> unstructured
# ---------------------------------------------------------------------------

def _element_count(dtype):
    """(base dtype, number of elements) of a possibly nested subarray dtype."""
    count = 1
    while dtype.shape != ():
        for n in dtype.shape:
            count *= n
        dtype = dtype.base
    return dtype, count


def _fields_and_offsets(dtype, offset=0):
    """[(dtype of n elements, n, byte offset), ...]: the leaf fields of ``dtype``, with
    nested and subarray-of-structure fields unrolled."""
    fields = []
    for name in dtype.names:
        field_dtype, field_offset = dtype.fields[name][:2]
        base, n = _element_count(field_dtype)
        if base.names is None:
            fields.append((_rp.dtype((base, (n,))), n, field_offset + offset))
            continue
        inner = _fields_and_offsets(base, field_offset + offset)
        for i in range(n):
            fields.extend((d, c, o + i * base.itemsize) for d, c, o in inner)
    return fields


def _common_stride(offsets, counts, itemsize):
    """The byte stride that steps through every element of the fields, or None when
    they are not evenly spaced (negative when they lie in reverse order)."""
    if len(offsets) <= 1:
        return itemsize
    reverse = offsets[1] < offsets[0]
    pairs = zip(reversed(offsets), reversed(counts)) if reverse else zip(offsets, counts)
    stride = previous_end = None
    for offset, count in pairs:
        if count != 1:
            # a subarray's elements are contiguous and ascending
            if reverse or stride not in (None, itemsize):
                return None
            stride = itemsize
            end = offset + (count - 1) * itemsize
        else:
            end = offset
        if previous_end is not None:
            step = offset - previous_end
            stride = step if stride is None else stride
            if stride != step:
                return None
        previous_end = end
    return -stride if reverse else stride


def _unstructured_view(arr, offsets, counts, out_dtype, stride):
    """``arr``'s fields as a view of shape ``arr.shape + (elements,)``."""
    wrap = arr.__array_wrap__
    shape = arr.shape + (sum(counts), out_dtype.itemsize)
    strides = arr.strides + (abs(stride), 1)
    raw = arr[..., None].view("u1")[..., min(offsets):]
    out = as_strided(raw, shape, strides, subok=True).view(out_dtype)[..., 0]
    if stride < 0:
        out = out[..., ::-1]
    return out if type(out) is type(wrap.__self__) else wrap(out)


def structured_to_unstructured(arr, dtype=None, copy=False, casting="unsafe"):
    """The fields of ``arr`` (nested and subarray ones unrolled) along a new last axis;
    a view when the fields share a dtype and are evenly spaced, unless ``copy``."""
    if arr.dtype.names is None:
        raise ValueError("arr must be a structured array")
    fields = _fields_and_offsets(arr.dtype)
    if not fields:
        if dtype is None:
            raise ValueError("arr has no fields. Unable to guess dtype")
        raise NotImplementedError("arr with no fields is not supported")
    dts, counts, offsets = zip(*fields)
    names = [f"f{i}" for i in range(len(fields))]
    out_dtype = _rp.result_type(*[d.base for d in dts]) if dtype is None else _rp.dtype(dtype)
    arr = arr.view(_rp.dtype({"names": names, "formats": list(dts), "offsets": list(offsets),
                              "itemsize": arr.dtype.itemsize}))
    viewable = type(arr) in (_rp.ndarray, _rp.recarray, _rp.memmap)
    if not copy and viewable and all(d.base == out_dtype for d in dts):
        stride = _common_stride(offsets, counts, out_dtype.itemsize)
        if stride is not None:
            return _unstructured_view(arr, offsets, counts, out_dtype, stride)
    packed = _rp.dtype({"names": names, "formats": [(out_dtype, d.shape) for d in dts]})
    arr = arr.astype(packed, copy=copy, casting=casting)
    return arr.view((out_dtype, (sum(counts),)))


def unstructured_to_structured(arr, dtype=None, names=None, align=False, copy=False,
                               casting="unsafe"):
    """The last axis of ``arr`` as the fields of a structured dtype (``dtype``, or one of
    ``arr``'s dtype per name)."""
    if arr.shape == ():
        raise ValueError("arr must have at least one dimension")
    n_elem = arr.shape[-1]
    if n_elem == 0:
        raise NotImplementedError("last axis with size 0 is not supported")
    if dtype is None:
        if names is None:
            names = [f"f{i}" for i in range(n_elem)]
        out_dtype = _rp.dtype([(n, arr.dtype) for n in names], align=align)
        fields = _fields_and_offsets(out_dtype)
    else:
        if names is not None:
            raise ValueError("don't supply both dtype and names")
        out_dtype = _rp.dtype(dtype)
        fields = _fields_and_offsets(out_dtype)
        if n_elem != sum(count for _, count, _ in fields):
            raise ValueError("The length of the last dimension of arr must be equal to the "
                             "number of fields in dtype")
        if align and not out_dtype.isalignedstruct:
            raise ValueError("align was True but dtype is not aligned")
    dts = [d for d, _, _ in fields]
    offsets = [o for _, _, o in fields]
    names = [f"f{i}" for i in range(len(fields))]
    packed = _rp.dtype({"names": names, "formats": [(arr.dtype, d.shape) for d in dts]})
    arr = _rp.ascontiguousarray(arr).view(packed)
    spread = _rp.dtype({"names": names, "formats": dts, "offsets": offsets,
                        "itemsize": out_dtype.itemsize})
    return arr.astype(spread, copy=copy, casting=casting).view(out_dtype)[..., 0]


def apply_along_fields(func, arr):
    """``func(fields, axis=-1)`` over ``arr``'s fields cast to their common dtype."""
    if arr.dtype.names is None:
        raise ValueError("arr must be a structured array")
    return func(structured_to_unstructured(arr), axis=-1)


def assign_fields_by_name(dst, src, zero_unassigned=True):
    """Assign ``src``'s fields to ``dst``'s fields of the same name (nested ones too);
    fields of ``dst`` that ``src`` lacks become 0 when ``zero_unassigned``."""
    if dst.dtype.names is None:
        dst[...] = src
        return
    for name in dst.dtype.names:
        if name in src.dtype.names:
            assign_fields_by_name(dst[name], src[name], zero_unassigned)
        elif zero_unassigned:
            dst[name] = 0


def require_fields(array, required_dtype):
    """A new array of ``required_dtype`` filled from ``array``'s fields by name (0 where
    ``array`` lacks a field)."""
    out = _rp.empty(array.shape, dtype=required_dtype)
    assign_fields_by_name(out, array)
    return out


# ---------------------------------------------------------------------------
# stacking, duplicates, joins
# ---------------------------------------------------------------------------

def _stacked_spec(dtypes, autoconvert):
    """The union of the fields of ``dtypes``, in order of appearance."""
    spec = _fieldspec(dtypes[0])
    names = [n for n, _ in spec]
    for dtype in dtypes[1:]:
        for name, field in _fieldspec(dtype):
            if name not in names:
                spec.append((name, field))
                names.append(name)
                continue
            index = names.index(name)
            current = spec[index][1]
            if autoconvert:
                spec[index] = (name, max(field, current))
            elif field != current:
                raise TypeError(f"Incompatible type '{current}' <> '{field}'")
    return spec


def stack_arrays(arrays, defaults=None, usemask=True, asrecarray=False, autoconvert=False):
    """The records of ``arrays`` one after another, over the union of their fields
    (fields an array lacks are masked, or ``defaults``)."""
    if isinstance(arrays, _rp.ndarray):
        return arrays
    if len(arrays) == 1:
        return arrays[0]
    ma = _ma()
    arrays = [_rp.asanyarray(a).ravel() for a in arrays]
    spec = _stacked_spec([a.dtype for a in arrays], autoconvert)
    if len(spec) == 1:
        output = ma.concatenate(arrays)
    else:
        output = ma.masked_all((sum(len(a) for a in arrays),), spec)
        starts = list(itertools.accumulate([len(a) for a in arrays], initial=0))
        seen = []
        for a, i, j in zip(arrays, starts, starts[1:]):
            if a.dtype.names is None:
                # an array without fields fills the field named after the count so far
                output[f"f{len(seen)}"][i:j] = a
                continue
            for name in a.dtype.names:
                output[name][i:j] = a[name]
                if name not in seen:
                    seen.append(name)
    return _fix_output(_fix_defaults(output, defaults), usemask=usemask,
                       asrecarray=asrecarray)



def find_duplicates(a, key=None, ignoremask=True, return_index=False):
    """The records of ``a`` whose ``key`` field (or whole record) occurs more than once,
    sorted; with their indices when ``return_index``."""
    a = _rp.asanyarray(a).ravel()
    parents = get_fieldstructure(a.dtype)
    base = a
    if key:
        for parent in parents[key]:
            base = base[parent]
        base = base[key]
    order = base.argsort()
    ordered = base[order]
    values = ordered.filled()
    repeated = values[:-1] == values[1:]
    if ignoremask:
        repeated[ordered.recordmask[1:]] = False
    repeated = _rp.concatenate(([False], repeated))
    # both members of each equal neighbouring pair are duplicates
    repeated[:-1] = repeated[:-1] + repeated[1:]
    duplicates = a[order][repeated]
    return (duplicates, order[repeated]) if return_index else duplicates


def _check_join(key, r1, r2, jointype, r1postfix, r2postfix):
    if jointype not in ("inner", "outer", "leftouter"):
        raise ValueError("The 'jointype' argument should be in 'inner', 'outer' or "
                         f"'leftouter' (got '{jointype}' instead)")
    if len(set(key)) != len(key):
        duplicate = next(k for i, k in enumerate(key) if k in key[i + 1:])
        raise ValueError(f"duplicate join key {duplicate!r}")
    for name in key:
        if name not in r1.dtype.names:
            raise ValueError(f"r1 does not have key field {name!r}")
        if name not in r2.dtype.names:
            raise ValueError(f"r2 does not have key field {name!r}")
    common = (set(r1.dtype.names) & set(r2.dtype.names)) - set(key)
    if common and not (r1postfix or r2postfix):
        raise ValueError("r1 and r2 contain common names, r1postfix and r2postfix "
                         "can't both be empty")


def _join_spec(key_dtype, r1, r2, key, r1postfix, r2postfix):
    """The joined fields: the keys, r1's others, r2's others (common names postfixed)."""
    spec = _fieldspec(key_dtype)
    spec.extend((n, d) for n, d in _fieldspec(r1.dtype) if n not in key)
    for name, dtype in _fieldspec(r2.dtype):
        names = [n for n, _ in spec]
        if name not in names:
            spec.append((name, dtype))
            continue
        index = names.index(name)
        current = spec[index][1]
        if name in key:
            spec[index] = (name, max(dtype, current))
        else:
            spec[index:index + 1] = [(name + r1postfix, current), (name + r2postfix, dtype)]
    return spec


def _join_indices(r1, r2, key, jointype):
    """(rows of r1, rows of r2, r1 rows in common, r2 rows in common): the rows that match
    on ``key`` first, then the unmatched ones the join type keeps."""
    ma = _ma()
    n1 = len(r1)
    keys = [n for n in r1.dtype.names if n in key]
    merged = ma.concatenate((_keep_fields(r1, keys), _keep_fields(r2, keys)))
    order = merged.argsort(order=key)
    merged = merged[order]
    matched = ma.concatenate(([False], merged[1:] == merged[:-1]))
    matched[:-1] = matched[1:] + matched[:-1]
    inside = order[matched]
    rows1, rows2 = inside[inside < n1], inside[inside >= n1] - n1
    common1, common2 = len(rows1), len(rows2)
    if jointype != "inner":
        outside = order[~matched]
        rows1 = _rp.concatenate((rows1, outside[outside < n1]))
        if jointype == "outer":
            rows2 = _rp.concatenate((rows2, outside[outside >= n1] - n1))
    return rows1, rows2, common1, common2


def join_by(key, r1, r2, jointype="inner", r1postfix="1", r2postfix="2", defaults=None,
            usemask=True, asrecarray=False):
    """Join ``r1`` and ``r2`` on the fields ``key`` (``inner``, ``outer`` or ``leftouter``),
    sorted by key; fields with the same name get ``r1postfix``/``r2postfix``."""
    key = (key,) if isinstance(key, str) else key
    _check_join(key, r1, r2, jointype, r1postfix, r2postfix)
    r1, r2 = r1.ravel(), r2.ravel()
    rows1, rows2, common1, common2 = _join_indices(r1, r2, key, jointype)
    only1, only2 = len(rows1) - common1, len(rows2) - common2
    s1, s2 = r1[rows1], r2[rows2]
    key_dtype = _rp.dtype([(n, r1.dtype[n]) for n in r1.dtype.names if n in key])
    dtype = _rp.dtype(_join_spec(key_dtype, r1, r2, key, r1postfix, r2postfix))
    common = max(common1, common2)
    output = _ma().masked_all((common + only1 + only2,), dtype=dtype)
    names = output.dtype.names
    for f in r1.dtype.names:
        target = f
        if f not in names or (f in r2.dtype.names and not r2postfix and f not in key):
            target = f + r1postfix
        column = output[target]
        column[:common1] = s1[f][:common1]
        if jointype in ("outer", "leftouter"):
            column[common:common + only1] = s1[f][common1:]
    for f in r2.dtype.names:
        target = f
        if f not in names or (f in r1.dtype.names and not r1postfix and f not in key):
            target = f + r2postfix
        column = output[target]
        column[:common2] = s2[f][:common2]
        if jointype == "outer" and only2:
            column[-only2:] = s2[f][common2:]
    # sorted through its filled data: the key fields are never masked
    output = output[output.filled().argsort(order=key)]
    return _fix_output(_fix_defaults(output, defaults), usemask=usemask,
                       asrecarray=asrecarray)


def rec_join(key, r1, r2, jointype="inner", r1postfix="1", r2postfix="2", defaults=None):
    """``join_by`` returning a record array (never masked)."""
    return join_by(key, r1, r2, jointype=jointype, r1postfix=r1postfix, r2postfix=r2postfix,
                   defaults=defaults, usemask=False, asrecarray=True)
