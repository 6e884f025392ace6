"""``pad``: NumPy's implementation (numpy/lib/_arraypad_impl.py) on rumpy's arrays. The pad
areas are filled with slices, broadcast assignments and reductions of the core; the loops
here run once per axis (and per reflection of a pad wider than the array)."""

import builtins

from . import _core
from ._helpers import round as _round
from ._indexing import ndindex
from ._reductions import amax, amin, mean
from ._shape import broadcast_to, moveaxis

asarray = _core.asanyarray


def _round_if_needed(arr, dtype):
    if dtype.kind in 'iub':
        return _round(arr)
    return arr


def _slice_at_axis(sl, axis):
    return (slice(None),) * axis + (sl,) + (...,)


def _view_roi(array, original_area_slice, axis):
    axis += 1
    sl = (slice(None),) * axis + original_area_slice[axis:]
    return array[sl]


def _pad_simple(array, pad_width, fill_value=None):
    new_shape = tuple(left + size + right for size, (left, right) in zip(array.shape, pad_width))
    order = 'F' if (array.flags.f_contiguous and not array.flags.c_contiguous) else 'C'
    padded = _core.empty(new_shape, dtype=array.dtype, order=order)
    if fill_value is not None:
        padded.fill(fill_value)
    original_area_slice = tuple(slice(left, left + size)
                                for size, (left, right) in zip(array.shape, pad_width))
    padded[original_area_slice] = array
    return padded, original_area_slice


def _set_pad_area(padded, axis, width_pair, value_pair):
    padded[_slice_at_axis(slice(None, width_pair[0]), axis)] = value_pair[0]
    padded[_slice_at_axis(slice(padded.shape[axis] - width_pair[1], None), axis)] = value_pair[1]


def _get_edges(padded, axis, width_pair):
    left_index = width_pair[0]
    left_edge = padded[_slice_at_axis(slice(left_index, left_index + 1), axis)]
    right_index = padded.shape[axis] - width_pair[1]
    right_edge = padded[_slice_at_axis(slice(right_index - 1, right_index), axis)]
    return left_edge, right_edge


def _ramp(start, stop, num, dtype, axis):
    """``np.linspace(start, stop, num, endpoint=False, dtype=dtype, axis=axis)`` for an
    array ``stop``: ``k * ((stop - start) / num) + start``, floored for integer dtypes."""
    stop = asarray(stop).astype('float64')
    delta = asarray(stop - start)
    k = _core.arange(num, dtype='float64')
    k = k.reshape((1,) * axis + (num,) + (1,) * (stop.ndim - axis))
    d = delta.reshape(delta.shape[:axis] + (1,) + delta.shape[axis:])
    if num:
        step = d / num
        if bool((step == 0).any()):
            y = k / num * d + start
        else:
            y = k * step + start
    else:
        y = k * d
    if dtype.kind in 'iu':
        y = _core.floor(y)
    return y.astype(dtype)


def _get_linear_ramps(padded, axis, width_pair, end_value_pair):
    edge_pair = _get_edges(padded, axis, width_pair)
    left_ramp, right_ramp = (
        _ramp(end_value, edge.squeeze(axis), width, padded.dtype, axis)
        for end_value, edge, width in zip(end_value_pair, edge_pair, width_pair))
    right_ramp = right_ramp[_slice_at_axis(slice(None, None, -1), axis)]
    return left_ramp, right_ramp


def _median(a, axis, keepdims=True):
    """Median along one axis (the mean of the two middle values for an even count)."""
    m = moveaxis(a, axis, -1)
    lead = m.shape[:-1]
    rows = m.reshape(-1, m.shape[-1]).tolist() if m.size else []
    out = []
    for r in rows:
        s = sorted(r)
        n = len(s)
        out.append(s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2)
    res = asarray(out, dtype='float64' if a.dtype.kind in 'iub' else a.dtype).reshape(lead)
    if not m.shape[-1]:
        res = mean(m, axis=-1)
    return _core.asanyarray(res).reshape(lead[:axis] + (1,) + lead[axis:]) if keepdims else res


def _get_stats(padded, axis, width_pair, length_pair, stat_func, is_extreme):
    left_index = width_pair[0]
    right_index = padded.shape[axis] - width_pair[1]
    max_length = right_index - left_index
    left_length, right_length = length_pair
    if left_length is None or max_length < left_length:
        left_length = max_length
    if right_length is None or max_length < right_length:
        right_length = max_length
    if (left_length == 0 or right_length == 0) and is_extreme:
        raise ValueError("stat_length of 0 yields no value for padding")
    left_chunk = padded[_slice_at_axis(slice(left_index, left_index + left_length), axis)]
    left_stat = _round_if_needed(stat_func(left_chunk, axis=axis, keepdims=True), padded.dtype)
    if left_length == right_length == max_length:
        return left_stat, left_stat
    right_chunk = padded[_slice_at_axis(slice(right_index - right_length, right_index), axis)]
    right_stat = _round_if_needed(stat_func(right_chunk, axis=axis, keepdims=True),
                                  padded.dtype)
    return left_stat, right_stat


def _set_reflect_both(padded, axis, width_pair, method, original_period, include_edge=False):
    left_pad, right_pad = width_pair
    old_length = padded.shape[axis] - right_pad - left_pad
    if include_edge:
        old_length = old_length // original_period * original_period
        edge_offset = 1
    else:
        old_length = ((old_length - 1) // (original_period - 1) * (original_period - 1) + 1)
        edge_offset = 0
        old_length -= 1
    if left_pad > 0:
        chunk_length = builtins.min(old_length, left_pad)
        stop = left_pad - edge_offset
        start = stop + chunk_length
        left_chunk = padded[_slice_at_axis(slice(start, stop, -1), axis)]
        if method == "odd":
            edge = padded[_slice_at_axis(slice(left_pad, left_pad + 1), axis)]
            left_chunk = 2 * edge - left_chunk
        padded[_slice_at_axis(slice(left_pad - chunk_length, left_pad), axis)] = left_chunk
        left_pad -= chunk_length
    if right_pad > 0:
        chunk_length = builtins.min(old_length, right_pad)
        start = -right_pad + edge_offset - 2
        stop = start - chunk_length
        right_chunk = padded[_slice_at_axis(slice(start, stop, -1), axis)]
        if method == "odd":
            edge = padded[_slice_at_axis(slice(-right_pad - 1, -right_pad), axis)]
            right_chunk = 2 * edge - right_chunk
        start = padded.shape[axis] - right_pad
        padded[_slice_at_axis(slice(start, start + chunk_length), axis)] = right_chunk
        right_pad -= chunk_length
    return left_pad, right_pad


def _set_wrap_both(padded, axis, width_pair, original_period):
    left_pad, right_pad = width_pair
    period = padded.shape[axis] - right_pad - left_pad
    period = period // original_period * original_period
    new_left_pad = 0
    new_right_pad = 0
    if left_pad > 0:
        slice_end = left_pad + period
        slice_start = slice_end - builtins.min(period, left_pad)
        right_chunk = padded[_slice_at_axis(slice(slice_start, slice_end), axis)]
        if left_pad > period:
            pad_area = _slice_at_axis(slice(left_pad - period, left_pad), axis)
            new_left_pad = left_pad - period
        else:
            pad_area = _slice_at_axis(slice(None, left_pad), axis)
        padded[pad_area] = right_chunk
    if right_pad > 0:
        slice_start = -right_pad - period
        slice_end = slice_start + builtins.min(period, right_pad)
        left_chunk = padded[_slice_at_axis(slice(slice_start, slice_end), axis)]
        if right_pad > period:
            pad_area = _slice_at_axis(slice(-right_pad, -right_pad + period), axis)
            new_right_pad = right_pad - period
        else:
            pad_area = _slice_at_axis(slice(-right_pad, None), axis)
        padded[pad_area] = left_chunk
    return new_left_pad, new_right_pad


def _as_pairs(x, ndim, as_index=False):
    if x is None:
        return ((None, None),) * ndim
    x = _core.array(x)
    if as_index:
        x = asarray(_round(x)).astype("int64")
    if x.ndim < 3:
        if x.size == 1:
            x = x.ravel()
            if as_index and x[0] < 0:
                raise ValueError("index can't contain negative values")
            return ((x[0].item(), x[0].item()),) * ndim
        if x.size == 2 and x.shape != (2, 1):
            x = x.ravel()
            if as_index and (x[0] < 0 or x[1] < 0):
                raise ValueError("index can't contain negative values")
            return ((x[0].item(), x[1].item()),) * ndim
    if as_index and x.size and x.min() < 0:
        raise ValueError("index can't contain negative values")
    return broadcast_to(x, (ndim, 2)).tolist()


def pad(array, pad_width, mode='constant', **kwargs):
    """Pad an array: widen each axis by ``pad_width`` values before and after, filled as
    ``mode`` says.

    Parameters
    ----------
    array : array_like
        The array to pad.
    pad_width : int, sequence or dict
        Values added before and after each axis: one int for all, ``(before, after)``,
        one pair per axis, or a dict from axis to pair.
    mode : str or callable, optional
        ``'constant'`` (the default), ``'edge'``, ``'linear_ramp'``, ``'maximum'``,
        ``'mean'``, ``'median'``, ``'minimum'``, ``'reflect'``, ``'symmetric'``, ``'wrap'``,
        ``'empty'``, or a function filling each padded line.
    **kwargs
        The mode's options: ``constant_values``, ``end_values``, ``stat_length``,
        ``reflect_type``.

    Returns
    -------
    ndarray
        The padded array, of the input's dtype.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.pad(rp.array([1, 2, 3]), (2, 1), mode='edge')
    array([1, 1, 1, 2, 3, 3])
    """
    array = asarray(array)
    if isinstance(pad_width, dict):
        seq = [(0, 0)] * array.ndim
        for axis, width in pad_width.items():
            if isinstance(width, int):
                seq[axis] = width, width
            elif isinstance(width, tuple) and len(width) == 2:
                seq[axis] = width
            else:
                raise TypeError(f"invalid pad width {width!r}")
        pad_width = seq
    pad_width = asarray(pad_width)
    if not pad_width.dtype.kind == 'i':
        raise TypeError('`pad_width` must be of integral type.')
    pad_width = _as_pairs(pad_width, array.ndim, as_index=True)

    if callable(mode):
        function = mode
        padded, _ = _pad_simple(array, pad_width, fill_value=0)
        for axis in range(padded.ndim):
            view = moveaxis(padded, axis, -1)
            for ind in ndindex(view.shape[:-1]):
                function(view[ind + (Ellipsis,)], pad_width[axis], axis, kwargs)
        return padded

    allowed_kwargs = {
        'empty': [], 'edge': [], 'wrap': [], 'constant': ['constant_values'],
        'linear_ramp': ['end_values'], 'maximum': ['stat_length'], 'mean': ['stat_length'],
        'median': ['stat_length'], 'minimum': ['stat_length'], 'reflect': ['reflect_type'],
        'symmetric': ['reflect_type'],
    }
    try:
        unsupported_kwargs = set(kwargs) - set(allowed_kwargs[mode])
    except (KeyError, TypeError):
        raise ValueError(f"mode '{mode}' is not supported") from None
    if unsupported_kwargs:
        raise ValueError("unsupported keyword arguments for mode "
                         f"'{mode}': {unsupported_kwargs}")
    stat_functions = {"maximum": amax, "minimum": amin, "mean": mean, "median": _median}

    padded, original_area_slice = _pad_simple(array, pad_width)
    axes = range(padded.ndim)

    if mode == "constant":
        values = _as_pairs(kwargs.get("constant_values", 0), padded.ndim)
        for axis, width_pair, value_pair in zip(axes, pad_width, values):
            roi = _view_roi(padded, original_area_slice, axis)
            _set_pad_area(roi, axis, width_pair, value_pair)
    elif mode == "empty":
        pass
    elif array.size == 0:
        for axis, width_pair in zip(axes, pad_width):
            if array.shape[axis] == 0 and any(width_pair):
                raise ValueError(f"can't extend empty axis {axis} using modes other than "
                                 "'constant' or 'empty'")
    elif mode == "edge":
        for axis, width_pair in zip(axes, pad_width):
            roi = _view_roi(padded, original_area_slice, axis)
            _set_pad_area(roi, axis, width_pair, _get_edges(roi, axis, width_pair))
    elif mode == "linear_ramp":
        end_values = _as_pairs(kwargs.get("end_values", 0), padded.ndim)
        for axis, width_pair, value_pair in zip(axes, pad_width, end_values):
            roi = _view_roi(padded, original_area_slice, axis)
            _set_pad_area(roi, axis, width_pair,
                          _get_linear_ramps(roi, axis, width_pair, value_pair))
    elif mode in stat_functions:
        func = stat_functions[mode]
        length = _as_pairs(kwargs.get("stat_length"), padded.ndim, as_index=True)
        for axis, width_pair, length_pair in zip(axes, pad_width, length):
            roi = _view_roi(padded, original_area_slice, axis)
            stat_pair = _get_stats(roi, axis, width_pair, length_pair, func,
                                   mode in ("maximum", "minimum"))
            _set_pad_area(roi, axis, width_pair, stat_pair)
    elif mode in {"reflect", "symmetric"}:
        method = kwargs.get("reflect_type", "even")
        include_edge = mode == "symmetric"
        for axis, (left_index, right_index) in zip(axes, pad_width):
            if array.shape[axis] == 1 and (left_index > 0 or right_index > 0):
                edge_pair = _get_edges(padded, axis, (left_index, right_index))
                _set_pad_area(padded, axis, (left_index, right_index), edge_pair)
                continue
            roi = _view_roi(padded, original_area_slice, axis)
            while left_index > 0 or right_index > 0:
                left_index, right_index = _set_reflect_both(
                    roi, axis, (left_index, right_index), method, array.shape[axis],
                    include_edge)
    elif mode == "wrap":
        for axis, (left_index, right_index) in zip(axes, pad_width):
            roi = _view_roi(padded, original_area_slice, axis)
            original_period = padded.shape[axis] - right_index - left_index
            while left_index > 0 or right_index > 0:
                left_index, right_index = _set_wrap_both(
                    roi, axis, (left_index, right_index), original_period)
    return padded
