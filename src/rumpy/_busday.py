"""Business days (numpy.busdaycalendar, is_busday, busday_offset, busday_count): argument
checking and broadcasting here, the day arithmetic in the core (NumPy's algorithms)."""

from . import _core

_DAYS = {"Mon": 0, "Tue": 1, "Wed": 2, "Thu": 3, "Fri": 4, "Sat": 5, "Sun": 6}


def _weekmask(weekmask):
    """NumPy's weekmask converter: '1111100', 'Mon Tue Wed', or seven truth values."""
    if isinstance(weekmask, bytes):
        weekmask = weekmask.decode()
    if isinstance(weekmask, str):
        if len(weekmask) == 7 and set(weekmask) <= {"0", "1"}:
            return [c == "1" for c in weekmask]
        mask = [False] * 7
        i, n = 0, len(weekmask)
        while i < n:
            while i < n and weekmask[i].isspace():
                i += 1
            if i == n:
                break
            day = _DAYS.get(weekmask[i:i + 3]) if i + 2 < n else None
            if day is None:
                raise ValueError(f'Invalid business day weekmask string "{weekmask}"')
            mask[day] = True
            i += 3
        return mask
    try:
        items = list(weekmask)
    except TypeError:
        raise TypeError("weekmask must be a string or a sequence") from None
    if len(items) != 7 or (isinstance(weekmask, _core.ndarray) and weekmask.ndim != 1):
        raise ValueError("A business day weekmask array must have length 7")
    return [bool(x) for x in items]


def _holidays(holidays):
    """A one-dimensional datetime64[D] array of the holidays (not yet normalised)."""
    if holidays is None:
        return []
    dates = holidays if isinstance(holidays, _core.ndarray) else _core.array(holidays, "M8[D]")
    if not _core.can_cast(dates.dtype, _core.dtype("M8[D]"), "safe"):
        raise ValueError("Cannot safely convert provided holidays input into an array of dates")
    if dates.ndim != 1:
        raise ValueError("holidays must be a provided as a one-dimensional array")
    return dates.astype("M8[D]").astype("int64").tolist()


class busdaycalendar:
    """A business day calendar (numpy.busdaycalendar): the valid days of the week and the
    holidays, normalised (sorted, no duplicates, NaT or days outside the week mask)."""

    def __init__(self, weekmask="1111100", holidays=None):
        mask = _weekmask(weekmask)
        if not any(mask):
            raise ValueError("Cannot construct a numpy busdaycal with a weekmask of all zeros")
        days = sorted({d for d in _holidays(holidays)
                       if d != -(1 << 63) and mask[(d - 4) % 7]})
        self._mask = mask
        self._days = days

    @property
    def weekmask(self):
        return _core.array(self._mask, dtype=bool)

    @property
    def holidays(self):
        return _core.array(self._days, dtype="int64").astype("M8[D]")


def _calendar(weekmask, holidays, busdaycal, name):
    if busdaycal is not None:
        if weekmask is not None or holidays is not None:
            raise ValueError("Cannot supply both the weekmask/holidays and the busdaycal "
                             f"parameters to {name}()")
        if not isinstance(busdaycal, busdaycalendar):
            raise TypeError("busdaycal must be a busdaycalendar")
        return busdaycal._mask, busdaycal._days
    mask = _weekmask("1111100" if weekmask is None else weekmask)
    return mask, _holidays(holidays)


def _dates(x, index):
    a = x if isinstance(x, _core.ndarray) else _core.array(x, dtype="M8")
    if a.dtype.kind != "M" or not _core.can_cast(a.dtype, _core.dtype("M8[D]"), "safe"):
        raise TypeError(f"Iterator operand {index} dtype could not be cast from "
                        f"{a.dtype!r} to dtype('<M8[D]') according to the rule 'safe'")
    return a.astype("M8[D]")


def _finish(r, out, name):
    if out is None:
        return r if r.ndim else r[()]
    if not isinstance(out, _core.ndarray):
        raise ValueError(f"{name}: must provide a NumPy array for 'out'")
    out[...] = r
    return out


def is_busday(dates, weekmask="1111100", holidays=None, busdaycal=None, out=None):
    """Which of the dates are business days (numpy.is_busday)."""
    mask, days = _calendar(None if busdaycal is not None and weekmask == "1111100"
                           else weekmask, holidays, busdaycal, "is_busday")
    if not any(mask):
        raise ValueError("the business day weekmask must have at least one valid business day")
    d = _dates(dates, 0)
    r = _core._busday("is", _core.ascontiguousarray(d), None, mask, days)
    return _finish(r.reshape(d.shape), out, "busday_offset")


def busday_offset(dates, offsets, roll="raise", weekmask="1111100", holidays=None,
                  busdaycal=None, out=None):
    """The dates rolled onto business days and moved by offsets of business days
    (numpy.busday_offset)."""
    mask, days = _calendar(None if busdaycal is not None and weekmask == "1111100"
                           else weekmask, holidays, busdaycal, "busday_offset")
    if not any(mask):
        raise ValueError("the business day weekmask must have at least one valid business day")
    d = _dates(dates, 0)
    o = _core.array(offsets, dtype="int64")
    d, o = _bc(d, o)
    r = _core._busday("offset", _core.ascontiguousarray(d), _core.ascontiguousarray(o),
                      mask, days, roll)
    return _finish(r.reshape(d.shape), out, "busday_offset")


def busday_count(begindates, enddates, weekmask="1111100", holidays=None, busdaycal=None,
                 out=None):
    """Business days from each begin date up to (not including) each end date
    (numpy.busday_count)."""
    mask, days = _calendar(None if busdaycal is not None and weekmask == "1111100"
                           else weekmask, holidays, busdaycal, "busday_count")
    if not any(mask):
        raise ValueError("the business day weekmask must have at least one valid business day")
    b = _dates(begindates, 0)
    e = _dates(enddates, 1)
    b, e = _bc(b, e)
    r = _core._busday("count", _core.ascontiguousarray(b), _core.ascontiguousarray(e),
                      mask, days)
    return _finish(r.reshape(b.shape), out, "busday_offset")


def _bc(a, b):
    from . import broadcast_arrays
    return broadcast_arrays(a, b)
