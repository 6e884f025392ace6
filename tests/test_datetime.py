"""datetime64 (``M8``) and timedelta64 (``m8``) against numpy: dtype specs and units, scalars,
creation from ISO strings, Python datetimes and integers, casts between units and with numbers
and text, promotion, arithmetic, comparisons and ufuncs with NaT over shapes and strides,
reductions and sorting, printing and ``datetime_as_string``, interop and .npy, business days
and records holding datetimes.

NaT != NaT, so ``array_equal`` calls two equal arrays holding NaT different: arrays with
datetime items are compared by dtype, shape and bytes (:func:`same`)."""

import datetime
import io

import numpy as np
import pytest

import rumpy as rp
from conftest import Collector, assert_outcomes, assert_same, both, need, shares
from conftest import check as check_values

UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"]

# fixed data: NaT, negative epoch values, years before 0 and after 9999
DAYS = ["2020-01-01", "NaT", "1969-12-31", "1970-01-01", "-0001-03-01", "10000-12-31",
        "2000-02-29", "1900-03-01"]
HOURS = ["2020-01-01T10", "2019-12-31T23", "NaT", "1969-12-31T23", "1970-01-01T00",
         "-0001-02-28T12", "10000-01-01T00", "NaT"]
MONTHS = ["2020-01", "NaT", "1969-12", "1970-01", "-0001-03", "10000-12", "2000-02", "1900-03"]
DELTAS = [3, "NaT", -7, 0, 1, -1, 48, 1000]
DAY_DELTAS = [2, 2, -3, 1, 0, "NaT", -1, 4]
INTS = [2, 3, -2, 0, 1, -1, 5, 7]
FLOATS = [1.5, -2.0, 0.5, 3.0, float("nan"), -0.25, 2.0, 1e3]
TICKS = [-1000, -7, -1, 0, 1, 3, 59, 1000, "NaT"]  # raw counts, any unit
DATA = dict(DAYS=DAYS, HOURS=HOURS, MONTHS=MONTHS, DELTAS=DELTAS, DAY_DELTAS=DAY_DELTAS,
            INTS=INTS, FLOATS=FLOATS, TICKS=TICKS)

# operands of length 8, by name
OPERANDS = {
    "D": "m.array(DAYS, 'M8[D]')", "H": "m.array(HOURS, 'M8[h]')",
    "MO": "m.array(MONTHS, 'M8[M]')", "T": "m.array(DELTAS, 'm8[h]')",
    "TD": "m.array(DAY_DELTAS, 'm8[D]')", "TM": "m.array(DELTAS, 'm8[M]')",
    "TG": "m.array(DELTAS, 'm8')", "I": "m.array(INTS)", "F": "m.array(FLOATS)",
}


def _show(a):
    if a.dtype.kind in "Mm":
        return f"{a.dtype.str} {a.view(a.dtype.str[0] + 'i8').tolist()}"
    return f"{a.dtype} {a.tobytes().hex()}"


def same(r, n):
    """:func:`assert_same`, with arrays holding datetimes (records too) compared by dtype, shape
    and bytes, and datetime.date/datetime/timedelta items by type and value."""
    if isinstance(n, np.ndarray) and (n.dtype.kind in "Mm" or n.dtype.names):
        assert isinstance(r, rp.ndarray), f"expected a rumpy ndarray, got {type(r)!r}"
        ra = np.asarray(r)
        assert ra.dtype == n.dtype and ra.dtype.str == n.dtype.str, \
            f"dtype {ra.dtype} != numpy {n.dtype}"
        assert ra.shape == n.shape, f"shape {ra.shape} != numpy {n.shape}"
        assert ra.tobytes() == n.tobytes(), f"values differ: rumpy {_show(ra)} numpy {_show(n)}"
    elif type(n) in (tuple, list):
        assert type(r) is type(n), f"{type(r).__name__} != numpy {type(n).__name__}"
        assert len(r) == len(n), f"length {len(r)} != numpy {len(n)}"
        for x, y in zip(r, n):
            same(x, y)
    elif isinstance(n, (datetime.date, datetime.timedelta)):
        assert type(r) is type(n) and r == n, f"{r!r} != numpy {n!r}"
    elif type(n) is np.longlong:
        # timedelta // timedelta is NumPy's 'q' loop; rumpy's longlong is int64 (a known gap,
        # designs/dtypes.md).
        assert_same(r, np.int64(n))
    else:
        assert_same(r, n)


def check(expr, **names):
    """conftest's check with :func:`same`; DATA's lists and the datetime module are bound."""
    return check_values(expr, compare=same, **{**DATA, "datetime": datetime, **names})


def operand(name, view="{}"):
    return view.format(OPERANDS[name])


def check_operands(col, *names):
    """The operands themselves, so that a check numpy fails with TypeError does not pass
    because rumpy could not build its operands."""
    for name in dict.fromkeys(names):
        col(check, OPERANDS[name])


# ---------------------------------------------------------------------------
# dtypes
# ---------------------------------------------------------------------------

DT_SPECS = ["M8", "m8", "M8[s]", "datetime64[25s]", "<M8[ns]", ">m8[D]", "m8[generic]",
            "datetime64", "timedelta64[7Y]", "M8[2D]", "=m8[ms]", "M8[1000ms]", "M8[\u03bcs]",
            "M8[Y/2]", "m8[D/4]", "m8[0s]"]
BAD_DT_SPECS = ["M8[x]", "M8[B]", "M8[3]", "M16", "m8[-1s]", "M8[s", "m8[]", "M8[s/3]", "m4",
                "M8[D]x", "M8[ss]", "datetime64[]"]


def _dtype_checks(col, spec):
    for attr in ["kind", "char", "num", "itemsize", "name", "str", "byteorder", "descr",
                 "isnative", "alignment", "isbuiltin", "type.__name__"]:
        col(check, f"m.dtype(s).{attr}", s=spec)
    col(check, "repr(m.dtype(s)), str(m.dtype(s))", s=spec)
    col(check, "m.datetime_data(s), m.datetime_data(m.dtype(s))", s=spec)
    col(check, "m.dtype(s) == m.dtype('M8[s]'), m.dtype(s) == m.dtype('m8')", s=spec)


@pytest.mark.parametrize("spec", DT_SPECS + BAD_DT_SPECS)
def test_dtype_attributes(spec):
    col = Collector()
    _dtype_checks(col, spec)
    col.done()


@pytest.mark.parametrize("unit", UNITS)
def test_dtype_of_each_unit(unit):
    col = Collector()
    for spec in [f"M8[{unit}]", f"m8[{unit}]", f">datetime64[{unit}]", f"timedelta64[3{unit}]"]:
        _dtype_checks(col, spec)
    col.done()


def test_dtype_from_types_and_errors():
    col = Collector()
    for expr in ["m.dtype(m.datetime64)", "m.dtype(m.timedelta64)",
                 "m.dtype('M8[D]').type.__name__",
                 "m.dtype('M8[D]').newbyteorder('>').str", "m.datetime_data('int64')",
                 "m.datetime_data('f8')", "issubclass(m.timedelta64, m.signedinteger)",
                 "issubclass(m.datetime64, m.generic), issubclass(m.datetime64, m.number)"]:
        col(check, expr)
    col.done()


# ---------------------------------------------------------------------------
# scalars
# ---------------------------------------------------------------------------

SCALARS = [
    "m.datetime64('2020-01-01')", "m.datetime64('2020-01-01', 's')", "m.datetime64('NaT')",
    "m.datetime64('nat', 'D')", "m.datetime64(5, 'D')", "m.datetime64(-1, 'Y')",
    "m.datetime64(-1, 'W')", "m.datetime64(10, 'ns')", "m.datetime64()", "m.datetime64('2020')",
    "m.datetime64('2020-01')", "m.datetime64('2020-01-01T10')",
    "m.datetime64('2020-01-01T10:20:30.123456789')", "m.datetime64('-0001-01-01')",
    "m.datetime64('10000-01-01')", "m.datetime64('2020-01-15', 'M')",
    "m.datetime64('2020-01-01T10:00:00', 'D')", "m.datetime64('2020-01-01', '25s')",
    "m.datetime64(m.datetime64('2020-01-01'), 's')", "m.datetime64(datetime.date(2020, 1, 1))",
    "m.datetime64(datetime.datetime(2020, 1, 1, 10, 0, 0, 5))", "m.datetime64(-2**63, 's')",
    "m.datetime64('2020-01-01T10:00', 'ns')", "m.datetime64('', 'D')",
    "m.timedelta64(5, 'D')", "m.timedelta64(5)", "m.timedelta64('NaT')", "m.timedelta64('5')",
    "m.timedelta64(-3, 'h')", "m.timedelta64(5, 'Y')", "m.timedelta64(5, 'M')",
    "m.timedelta64(5, 'us')", "m.timedelta64(5, 'ns')", "m.timedelta64(2**63 - 1, 's')",
    "m.timedelta64(datetime.timedelta(days=1, microseconds=3))",
    "m.timedelta64(m.timedelta64(1, 'D'), 'h')", "m.timedelta64(m.timedelta64(1, 'h'), 'D')",
    # errors
    "m.datetime64(5)", "m.datetime64('garbage')", "m.datetime64('2020-13-01')",
    "m.datetime64('2019-02-29')", "m.datetime64(1.5, 's')", "m.timedelta64(1.5, 'D')",
    "m.timedelta64(2**63, 's')", "m.datetime64('2020', 'x')", "m.timedelta64(1, 'D', 3)",
    "m.timedelta64(m.timedelta64(1, 'Y'), 'D')",
]


@pytest.mark.parametrize("s", SCALARS)
def test_scalar(s):
    col = Collector()
    for expr in ["{}", "repr({}), str({})", "{}.dtype", "type({}).__name__", "{}.item()",
                 "type({}.item()).__name__", "{}.tolist()", "m.isnat({})", "bool({})",
                 "{}.astype('i8')"]:
        col(check, expr.format(s, s))
    col.done()


SCALAR_ARITH = [
    "m.datetime64('2020-01-01') - m.datetime64('2019-12-31')",
    "m.datetime64('2020-01-01') + m.timedelta64(1, 'h')",
    "m.datetime64('2020-01') + m.timedelta64(1, 'D')",
    "m.datetime64('2020') + m.timedelta64(1, 'M')", "m.datetime64('2020-01-01') + 1",
    "m.datetime64('2020-01-01') + m.datetime64('2020-01-01')",
    "m.datetime64('2020-01-31') + m.timedelta64(1, 'M')",
    "m.datetime64('NaT') - m.datetime64('2020-01-01')",
    "m.datetime64('NaT') + m.timedelta64(1, 'h')",
    "m.datetime64('2020-01-01') < m.datetime64('2020-01-02')",
    "m.datetime64('2020-01-01') < m.datetime64('NaT')",
    "m.datetime64('NaT') == m.datetime64('NaT'), m.datetime64('NaT') != m.datetime64('NaT')",
    "m.datetime64('2020') == m.datetime64('2020-01-01')",
    "m.datetime64('2020-01-01T10') > m.datetime64('2020-01-01')",
    "m.datetime64('2020-01-01') == '2020-01-01'", "m.datetime64('2020-01-01') < '2020-01-02'",
    "m.timedelta64(1, 'D') == m.timedelta64(24, 'h')",
    "m.timedelta64(1, 'Y') == m.timedelta64(365, 'D')", "m.timedelta64(1, 'D') == 1",
    "m.timedelta64(1, 'D') < 2", "m.timedelta64(1, 'D') < 2.5",
    "m.timedelta64(1, 'D') / m.timedelta64(1, 'h')",
    "m.timedelta64(7, 'D') // m.timedelta64(2, 'D')",
    "m.timedelta64(7, 'D') % m.timedelta64(2, 'D')", "m.timedelta64(7, 'D') * 2",
    "m.timedelta64(7, 'D') * 1.5", "m.timedelta64(7, 'D') / 2", "m.timedelta64(7, 'D') // 0",
    "m.timedelta64(7, 'D') % m.timedelta64(0, 'D')",
    "m.timedelta64(7, 'D') / m.timedelta64(0, 'D')", "m.timedelta64(5, 'D') * m.int8(3)",
    "m.timedelta64(1, 'M') + m.timedelta64(1, 'Y')",
    "m.timedelta64(1, 'M') + m.timedelta64(1, 'D')",
    "m.timedelta64(1, 'D') * m.timedelta64(1, 'D')", "-m.timedelta64(3, 'D')",
    "abs(m.timedelta64(-3, 'D'))", "m.datetime64('2020-01-01').astype('M8[s]')",
    "m.datetime64('2020-01-01').astype(int)", "m.timedelta64(3, 'D').astype('m8[h]')",
    "m.timedelta64(5, 'D').astype('U')", "int(m.timedelta64(3, 'D'))",
    "int(m.timedelta64(3, 'ns'))", "float(m.timedelta64(3, 'ns'))",
    "hash(m.timedelta64(1, 'D')) == hash(m.timedelta64(24, 'h'))",
    "m.timedelta64(1, 'D') + datetime.timedelta(hours=1)",
    "m.datetime64('2020-01-01') - datetime.date(2019, 1, 1)",
    "divmod(m.timedelta64(7, 'D'), m.timedelta64(-2, 'D'))",
]


@pytest.mark.parametrize("expr", SCALAR_ARITH)
def test_scalar_arithmetic(expr):
    check(expr)


# ---------------------------------------------------------------------------
# creation
# ---------------------------------------------------------------------------

ISO = [["2020", "-0001", "10000", "1969", "NaT"], ["2020-02", "-0001-12", "1969-12", "nat"],
       ["2020-02-29", "1969-12-31", "-0001-03-01", "10000-01-01", "NAT"],
       ["2020-02-29T13", "1969-12-31T23"], ["2020-02-29T13:45", "1969-12-31T23:59"],
       ["2020-02-29T13:45:59", "1969-12-31T23:59:59", "NaT"],
       ["1969-12-31T23:59:59.5", "2020-01-01T00:00:00.123"],
       ["1969-12-31T23:59:59.999999", "2020-01-01T00:00:00.000001"],
       ["1969-12-31T23:59:59.999999999", "2020-01-01T00:00:00.000000001"],
       ["1970-01-01T00:00:00.000000000001", "1969-12-31T23:59:59.999999999999999999"],
       ["2020-01-01 10:00", " 2020-01-01", "+2020-01-01", "0000-01-01", "-2020-01-01"],
       [b"2020-01-01", b"NaT"], ["20200101"], ["", "NaT"]]
BAD_ISO = [["2020-13-01"], ["2020-02-30"], ["2019-02-29"], ["2020-1-1"], ["2020-01-01T24:00"],
           ["2020-01-01T23:60"], ["2020-01-01T23:59:60"], ["2020-01-01 "], ["2020-W01"],
           ["garbage"], ["2020-01-01", "x"], ["1 day"]]


@pytest.mark.parametrize("dt", ["M8", "M8[Y]", "M8[M]", "M8[W]", "M8[D]", "M8[h]", "M8[m]",
                                "M8[s]", "M8[ms]", "M8[us]", "M8[ns]", "M8[as]", "M8[2D]",
                                ">M8[s]", "m8[D]", None])
def test_array_from_iso_strings(dt):
    col = Collector()
    for vals in ISO + BAD_ISO:
        col(check, "m.array(v, dtype=dt)", v=vals, dt=dt)
    col.done()


CREATION = [
    "m.array(['2020', '2020-01-01T10'], 'M8')", "m.array(['2020', '2020-01'], 'M8')",
    "m.array(['2020', 'NaT', 'nat', 'NAT', 'NaT'], 'M8')", "m.array(['NaT'], 'M8')",
    "m.array(['2020-01-15'], 'M8[M]')", "m.array(['2020-01-02'], 'M8[2D]')",
    "m.array([1, 2, -3], 'M8[D]')", "m.array([1, 2, -3], 'M8')", "m.array([1.5], 'M8[D]')",
    "m.array([1.0], 'M8[D]')", "m.array([True], 'M8[D]')", "m.array([None], 'M8[D]')",
    "m.array([None, 1], 'm8[D]')", "m.array([1, 2], 'm8')", "m.array(['5', '7'], 'm8[D]')",
    "m.array(['NaT', '7'], 'm8[D]')", "m.array([-2**63, 2**63 - 1], 'm8[s]')",
    "m.array([2**63], 'M8[s]')", "m.array(5, 'm8[D]')", "m.array('2020', 'M8[D]')",
    "m.array([[1, 2], [3, 'NaT']], 'm8[h]')", "m.array([], 'M8[D]')", "m.array([], 'M8')",
    "m.array([datetime.date(2020, 1, 1)], 'M8[s]')",
    "m.array([datetime.datetime(2020, 1, 1, 10, 0, 0, 5)], 'M8')",
    "m.array([datetime.datetime(2020, 1, 1, 10)], 'M8[D]')",
    "m.array([datetime.date(2020, 1, 1), datetime.datetime(2020, 1, 1, 1)], 'M8')",
    "m.array([datetime.date(2020, 1, 1), None], 'M8')",
    "m.array([datetime.timedelta(days=1, microseconds=3)], 'm8')",
    "m.array([datetime.timedelta(days=1)], 'm8[s]')",
    "m.array([datetime.date(2020, 1, 1)], 'm8[D]')", "m.array([datetime.timedelta(1)], 'M8[D]')",
    "m.array([m.datetime64('2020-01-01'), m.datetime64('2020-01-01T10')])",
    "m.array([m.datetime64('NaT'), m.datetime64('2020')])",
    "m.array([m.datetime64('2020'), '2021-01-01'], 'M8')",
    "m.array([m.timedelta64(1, 'D'), m.timedelta64(2, 'h')])",
    "m.array([m.timedelta64(1, 'D'), 3])", "m.array(m.datetime64('2020-01-01'))",
    "m.array(m.timedelta64(5, 'h'), 'm8[m]')", "m.array([m.timedelta64(1, 'D')], 'M8[D]')",
    "m.array([m.datetime64(1, 'D')], 'm8[D]')", "m.array([m.timedelta64(1, 'h')], 'm8[D]')",
    "m.asarray(['2020-01-01', 'NaT'], dtype='M8[s]')",
]


@pytest.mark.parametrize("expr", CREATION)
def test_creation(expr):
    check(expr)


CONSTRUCTORS = [
    "m.arange('2020-01-01', '2020-02-01', dtype='M8[D]')",
    "m.arange('2020-01-01', '2020-01-10', 3, dtype='M8[D]')",
    "m.arange('2020-01', '2020-05', dtype='M8[M]')",
    "m.arange('2020-01-01', '2020-01-03', dtype='M8')",
    "m.arange(m.datetime64('2020-01-01'), m.datetime64('2020-01-03'), m.timedelta64(12, 'h'))",
    "m.arange(m.datetime64('2020-01-01'), m.datetime64('2020-01-05'))",
    "m.arange(m.datetime64('2020-01-01'), 5)", "m.arange(0, 5, dtype='m8[s]')",
    "m.arange(m.timedelta64(0, 's'), m.timedelta64(5, 's'), 2)",
    "m.arange(m.timedelta64(5, 's'))", "m.arange(-3, 4, 2, dtype='m8[D]')",
    "m.arange('2020-01-03', '2020-01-01', dtype='M8[D]')",
    "m.arange('2020-01-01', '2020-01-10', -1, dtype='M8[D]')",
    "m.arange('2020-01-01', '2020-01-03')", "m.arange('2020-01-01', 'NaT', dtype='M8[D]')",
    "m.arange('2020-01-01', '2020-01-10', m.timedelta64(2, 'D'))",
    "m.arange(m.datetime64('2020-01-01'), m.datetime64('2020-01-02'), m.timedelta64(1, 'M'))",
    "m.zeros(3, 'M8[s]')", "m.zeros((2, 2), 'm8')", "m.ones(2, 'M8[D]')", "m.ones(2, 'm8[D]')",
    "m.zeros((), '>M8[h]')", "m.empty(0, 'M8[D]')", "m.empty((2, 0), 'm8')",
    "m.empty((2, 3), 'M8[ns]').dtype, m.empty((2, 3), 'M8[ns]').shape",
    "m.full(2, '2020-01-01', 'M8[D]')", "m.full(2, m.datetime64('2020-01-01'))",
    "m.full(2, 'NaT', 'm8[s]')", "m.full(2, 5, 'm8[s]')",
    "m.full(2, m.timedelta64(5, 'h'), 'm8[D]')", "m.full(2, m.timedelta64(5, 'h'))",
    "m.full((2, 1), m.datetime64('NaT'))", "m.zeros_like(m.array(['2020'], 'M8[Y]'))",
    "m.ones_like(m.array([5], 'm8[us]'))", "m.full_like(m.zeros(2, 'M8[D]'), '2020-03-01')",
]


@pytest.mark.parametrize("expr", CONSTRUCTORS)
def test_constructors(expr):
    check(expr)


# ---------------------------------------------------------------------------
# casts
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["M8", "m8"])
@pytest.mark.parametrize("src", UNITS + ["generic"])
def test_cast_between_units(kind, src):
    """Every unit to every unit: floor rounding of negative values, NaT kept, Y/M against the
    linear units, OverflowError for a conversion factor that does not fit in 64 bits."""
    col = Collector()
    vals = TICKS if kind == "m8" or src != "generic" else ["NaT", "NaT"]
    a = f"m.array(v, '{kind}[{src}]')"
    for dst in UNITS + ["generic"]:
        col(check, f"{a}.astype('{kind}[{dst}]')", v=vals)
        col(check, f"{a}[::-2].astype('>{kind}[{dst}]')", v=vals)
    col(check, f"{a}.astype('{kind}[2D]')", v=vals)
    col(check, f"{a}.astype('{kind}[25s]')", v=vals)
    other = "m8" if kind == "M8" else "M8"
    col(check, f"{a}.astype('{other}[{src}]')", v=vals)
    col(check, f"{a}.astype('{other}[D]')", v=vals)
    col(check, f"{a}.astype('{kind}[D]', casting='safe')", v=vals)
    col(check, f"{a}.astype('{kind}[D]', casting='same_kind')", v=vals)
    col.done()


NUMBER_VALUES = {"int64": [-1000, -7, -1, 0, 1, 3, 2**40], "int32": [-7, 0, 1, 2**31 - 1],
                 "int8": [-128, -1, 0, 5, 127], "uint8": [0, 1, 255], "bool": [True, False],
                 "float64": [-1.5, -0.0, 0.0, 1.7, 1e10, float("nan")],
                 "float16": [-1.5, 0.0, 2.5, float("nan")], "complex128": [1 + 2j, -3.5 + 0j]}


@pytest.mark.parametrize("num", list(NUMBER_VALUES))
def test_cast_with_numbers(num):
    col = Collector()
    for dt in ["M8[D]", "m8[s]", "m8", ">M8[ns]"]:
        _number_casts(col, dt, num)
    col.done()


def _number_casts(col, dt, num):
    col(check, "m.array(v, dt).astype(n)", v=TICKS, dt=dt, n=num)
    col(check, "m.array(v, dt)[::-1].astype(n, casting='unsafe')", v=TICKS, dt=dt, n=num)
    col(check, "m.array(v, n).astype(dt)", v=NUMBER_VALUES[num], dt=dt, n=num)
    col(check, "m.array(v, n).astype(dt, casting='unsafe')", v=NUMBER_VALUES[num], dt=dt, n=num)
    for rule in ["safe", "same_kind"]:
        col(check, "m.array(v, dt).astype(n, casting=r)", v=TICKS, dt=dt, n=num, r=rule)
        col(check, "m.array(v, n).astype(dt, casting=r)", v=NUMBER_VALUES[num], dt=dt, n=num,
            r=rule)


@pytest.mark.parametrize("dt", ["M8[Y]", "M8[M]", "M8[W]", "M8[D]", "M8[h]", "M8[s]", "M8[ms]",
                                "M8[ns]", "M8[as]", "M8[25s]", "m8[D]", "m8[s]", "m8[M]", "m8"])
def test_cast_to_and_from_text(dt):
    col = Collector()
    for t in ["U", "S", "U5", "S40", ">U40"]:
        col(check, "m.array(v, dt).astype(t)", v=TICKS, dt=dt, t=t)
    col(check, "m.array(v, dt).astype('U', casting='safe')", v=TICKS, dt=dt)
    col(check, "m.array(v, dt).astype('U').astype(dt)", v=TICKS, dt=dt)
    col(check, "m.array(v, dt).astype('S').astype(dt)", v=TICKS, dt=dt)
    col(check, "m.array(['2020-01-01', 'NaT']).astype(dt)", dt=dt)
    col(check, "m.array([b'1969-12-31T23', b'NaT']).astype(dt)", dt=dt)
    col(check, "m.array(['5', 'NaT', '-3']).astype(dt)", dt=dt)
    col(check, "m.array(['x']).astype(dt)", dt=dt)
    col.done()


def test_cast_to_object():
    col = Collector()
    for expr in ["m.array(v, 'M8[D]').astype('O').tolist()",
                 "m.array(v, 'm8[D]').astype('O').tolist()",
                 "m.array(v, 'M8[ns]').astype('O').tolist()",
                 "m.array(v, 'M8[Y]').astype('O').tolist()",
                 "m.array(['2020-01-01', 'NaT']).astype('M8')"]:
        col(check, expr, v=TICKS)
    col.done()


CAST_SPECS = ["M8", "m8", "M8[D]", "M8[s]", "M8[Y]", "M8[M]", "m8[D]", "m8[h]", "m8[Y]",
              "m8[M]", "M8[2D]", "m8[3s]", ">M8[ns]", "<m8[ns]"]
OTHER_SPECS = ["bool", "int8", "int64", "uint8", "uint64", "float16", "float64", "complex64",
               "U", "S5", "U30", "O"]


@pytest.mark.parametrize("rule", ["no", "equiv", "safe", "same_kind", "unsafe"])
def test_can_cast(rule):
    col = Collector()
    for a in CAST_SPECS:
        for b in CAST_SPECS + OTHER_SPECS:
            col(check, "m.can_cast(a, b, r), m.can_cast(b, a, r)", a=a, b=b, r=rule)
    col.done()


def test_promotion():
    col = Collector()
    for a in CAST_SPECS:
        for b in CAST_SPECS + OTHER_SPECS:
            col(check, "m.promote_types(a, b)", a=a, b=b)
            col(check, "m.result_type(a, b)", a=a, b=b)
    col(check, "m.result_type(m.array([1], 'm8[D]'), 1)")
    col(check, "m.result_type(m.array([1], 'M8[D]'), m.timedelta64(1, 'h'))")
    col(check, "m.result_type(m.array([1], 'm8[s]'), 1.5)")
    col.done()


# ---------------------------------------------------------------------------
# arithmetic, comparisons and ufuncs
# ---------------------------------------------------------------------------

# (left, right) views of two length-8 operands: same shape, 0-d, empty, strided, reversed,
# broadcast, and a numpy-style scalar on either side
BINARY_VIEWS = [("{}", "{}"), ("{}[1:2].reshape(())", "{}[2:3].reshape(())"),
                ("{}[:0]", "{}[:0]"), ("{}[::2]", "{}[1::2]"), ("{}[::-1]", "{}"),
                ("{}.reshape(2, 4)", "{}[4:]"), ("{}.reshape(4, 2)[:, :1]", "{}[::-4]"),
                ("{}", "{}[3]"), ("{}[5]", "{}")]
UNARY_VIEWS = ["{}", "{}[1:2].reshape(())", "{}[:0]", "{}[::2]", "{}[::-1]",
               "{}.reshape(2, 4).T", "{}[3]"]

BINARY = [
    ("{a} - {b}", "D", "H"), ("{a} - {b}", "D", "D"), ("{a} - {b}", "MO", "D"),
    ("{a} + {b}", "D", "T"), ("{a} + {b}", "T", "D"), ("{a} - {b}", "H", "TD"),
    ("{a} + {b}", "MO", "TM"), ("{a} + {b}", "MO", "TD"), ("{a} + {b}", "D", "TM"),
    ("{a} + {b}", "T", "TD"), ("{a} - {b}", "T", "T"), ("{a} + {b}", "TG", "TD"),
    ("{a} + {b}", "TM", "TG"), ("{a} + {b}", "D", "I"), ("{a} - {b}", "D", "I"),
    ("{a} + {b}", "T", "I"), ("{a} - {b}", "I", "T"), ("{a} * {b}", "T", "I"),
    ("{a} * {b}", "I", "T"), ("{a} * {b}", "T", "F"), ("{a} * {b}", "F", "TD"),
    ("{a} / {b}", "T", "TD"), ("{a} / {b}", "T", "T"), ("{a} // {b}", "T", "TD"),
    ("{a} % {b}", "T", "TD"), ("m.divmod({a}, {b})", "T", "TD"), ("{a} / {b}", "T", "I"),
    ("{a} / {b}", "TD", "F"), ("{a} // {b}", "T", "I"), ("{a} // {b}", "TD", "F"),
    ("m.maximum({a}, {b})", "T", "TD"), ("m.minimum({a}, {b})", "D", "H"),
    ("m.fmax({a}, {b})", "T", "TD"), ("m.fmin({a}, {b})", "D", "H"),
    ("m.subtract({a}, {b})", "H", "D"), ("m.add({a}, {b}, dtype='M8')", "D", "T"),
    ("{a} == {b}", "MO", "D"), ("{a} != {b}", "T", "D"), ("{a} == {b}", "D", "I"),
    ("{a} == {b}", "T", "F"),
    # errors
    ("{a} + {b}", "D", "D"), ("{a} * {b}", "D", "I"), ("{a} + {b}", "T", "F"),
    ("{a} + {b}", "TD", "TM"), ("{a} * {b}", "T", "T"), ("{a} - {b}", "T", "D"),
    ("{a} / {b}", "I", "T"), ("{a} % {b}", "T", "I"), ("{a} < {b}", "T", "D"),
    ("{a} < {b}", "TM", "TD"), ("m.divmod({a}, {b})", "T", "I"), ("{a} + {b}", "D", "F"),
    ("{a} < {b}", "D", "I"), ("{a} ** {b}", "T", "I"),
] + [(f"{{a}} {op} {{b}}", a, b) for op in ["==", "!=", "<", "<=", ">", ">="]
     for a, b in [("D", "H"), ("T", "TD"), ("T", "I")]]


@pytest.mark.parametrize("template,a,b", BINARY)
def test_binary(template, a, b):
    col = Collector()
    check_operands(col, a, b)
    for va, vb in BINARY_VIEWS:
        col(check, template.format(a=operand(a, va), b=operand(b, vb)))
    col.done()


WITH_SCALARS = [
    "{a} + 1", "1 + {a}", "{a} - 1", "{a} + True", "{a} * 2", "2 * {a}", "{a} * 1.5",
    "{a} / 2", "{a} / 2.5", "{a} // 3", "{a} / 0", "{a} / -0.0", "{a} * math.nan",
    "{a} + 1.5", "{a} == 3", "{a} == 3.5", "{a} < 3.5", "{a} < 5", "{a} == None",
    "{a} == 'NaT'", "{a} == '2020-01-01'", "{a} + m.timedelta64(3, 'h')",
    "{a} - m.datetime64('2020-01-01')", "{a} + m.timedelta64(1, 'Y')",
    "{a} + m.timedelta64('NaT')", "{a} - m.datetime64('NaT')",
    "m.datetime64('2020-01-01') + {a}", "{a} * 1j", "{a} ** 2", "2 / {a}", "{a} + m.int8(3)",
    "{a} * m.float32(0.5)", "{a} + m.uint64(3)", "{a} + datetime.timedelta(hours=5)",
    "{a} - datetime.datetime(2020, 1, 1)", "{a} == datetime.date(2020, 1, 1)",
    "{a} < datetime.date(2020, 1, 1)", "{a} == m.datetime64('2020-01-01T00:00:00')",
    "{a} < m.timedelta64(2, 'D')", "{a} % m.timedelta64(5, 'h')",
    "{a} // m.timedelta64(5, 'h')", "{a} / m.timedelta64(30, 'm')",
    "m.divmod({a}, m.timedelta64(-5, 'h'))", "{a} * 2**62",
]


@pytest.mark.parametrize("template", WITH_SCALARS)
def test_with_python_and_numpy_scalars(template):
    col = Collector()
    check_operands(col, "D", "T", "TD", "MO")
    for a in ["D", "T", "TD", "MO"]:
        for view in UNARY_VIEWS:
            col(check, template.format(a=operand(a, view)))
    col.done()


UNARY = ["-{a}", "+{a}", "abs({a})", "m.negative({a})", "m.positive({a})", "m.absolute({a})",
         "m.sign({a})", "m.isnat({a})", "m.isfinite({a})", "m.isinf({a})", "m.isnan({a})",
         "m.square({a})", "m.signbit({a})", "m.fabs({a})", "m.logical_not({a})"]


@pytest.mark.parametrize("template", UNARY)
def test_unary(template):
    col = Collector()
    check_operands(col, "D", "H", "T", "TD", "TM", "TG")
    for a in ["D", "H", "T", "TD", "TM", "TG", "I"]:
        for view in UNARY_VIEWS:
            col(check, template.format(a=operand(a, view)))
    col.done()


def test_overflow_and_out():
    col = Collector()
    for expr in ["m.array([2**62], 'm8[D]') * 4",
                 "m.array([2**62], 'm8[D]') + m.array([2**62], 'm8[D]')",
                 "m.array([2**63 - 1], 'm8[s]') + m.array([1], 'm8[s]')",
                 "m.add(m.array([1, 2], 'm8[D]'), 1, out=m.zeros(2, 'm8[h]'))",
                 "m.add(m.array([1, 2], 'm8[h]'), 1, out=m.zeros(2, 'm8[D]'))",
                 "m.subtract(m.array(['2020-01-01'], 'M8[D]'), m.array(['2019-01-01'], "
                 "'M8[D]'), out=m.zeros(1, 'm8[s]'))",
                 "m.multiply(m.array([3], 'm8[D]'), 2, dtype='m8[h]')"]:
        col(check, expr)
    col.done()


# ---------------------------------------------------------------------------
# reductions and sorting
# ---------------------------------------------------------------------------

REDUCTIONS = [
    "{a}.min()", "{a}.max()", "{a}[~m.isnat({a})].min()", "{a}[~m.isnat({a})].max()",
    "m.ptp({a})", "m.ptp({a}[~m.isnat({a})])", "{a}.sum()", "{a}[~m.isnat({a})].sum()",
    "{a}[~m.isnat({a})].mean()", "{a}.mean()", "{a}.argmin()", "{a}.argmax()",
    "{a}[~m.isnat({a})].argmax()", "{a}.prod()", "{a}.std()", "{a}.any()", "{a}.all()",
    "{a}[:0].min()", "{a}[:0].sum()", "{a}[:0].mean()", "{a}[:0].argmax()",
    "{a}.reshape(2, 4).max(axis=1)", "{a}.reshape(2, 4).min(axis=0)",
    "{a}.reshape(2, 4).sum(axis=1)", "{a}.reshape(2, 4)[:, ::-1].argmin(axis=1)",
    "m.maximum.reduce({a})", "m.fmax.reduce({a})", "m.fmin.reduce({a}[::-1])",
    "m.add.accumulate({a})", "{a}.cumsum()", "m.minimum.accumulate({a})",
    "m.amax({a}[2:4], keepdims=True)", "m.max({a}, initial=m.timedelta64(5, 'D'))",
]


@pytest.mark.parametrize("expr", REDUCTIONS)
def test_reductions(expr):
    col = Collector()
    check_operands(col, "D", "H", "T", "TD", "TM")
    for a in ["D", "H", "T", "TD", "TM"]:
        col(check, expr.format(a=OPERANDS[a]))
    col.done()


SORTS = ["m.sort({a})", "m.sort({a}, kind='stable')", "m.argsort({a}, kind='stable')",
         "m.sort({a}.reshape(2, 4), axis=0)", "m.sort({a}[::-1].reshape(2, 4))",
         "m.argsort({a}.reshape(4, 2), axis=0, kind='stable')", "m.sort({a}[:0])"]


@pytest.mark.parametrize("expr", SORTS)
def test_sort_puts_nat_last(expr):
    need("sort", "argsort")
    col = Collector()
    for a in ["D", "H", "T", "TD", "TM"]:
        col(check, expr.format(a=OPERANDS[a]))
    col.done()


def test_sort_methods():
    need("sort", "argsort", owner=rp.ndarray)

    def run(m):
        a = m.array(HOURS, "M8[h]")
        a.sort()
        b = m.array(DELTAS, "m8[h]").reshape(2, 4)
        b.sort(axis=0)
        return a, b, m.array(DAY_DELTAS, "m8[D]").argsort(kind="stable")
    check(run)


# ---------------------------------------------------------------------------
# printing
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("unit", UNITS + ["generic", "25s", "2D"])
def test_printing(unit):
    col = Collector()
    for dt in [f"M8[{unit}]", f"m8[{unit}]"]:
        _printing_checks(col, dt)
    col.done()


def _printing_checks(col, dt):
    v = ["NaT"] * 6 if dt == "M8[generic]" else [0, -1, 1, 1000003, -1000003, "NaT"]
    for expr in ["repr(m.array(v, dt))", "str(m.array(v, dt))",
                 "repr(m.array(v, dt)[::-1].reshape(2, 3))", "str(m.array(v, dt).reshape(3, 2))",
                 "repr(m.array(v[0], dt)), str(m.array(v[0], dt))",
                 "repr(m.array('NaT', dt)), str(m.array('NaT', dt))",
                 "repr(m.array(['NaT', 'NaT'], dt))", "repr(m.array([], dt))",
                 "repr(m.array(v, '>' + dt))", "repr(m.array(v, dt)[0]), str(m.array(v, dt)[0])",
                 "repr(m.array(v, dt)[-1]), str(m.array(v, dt)[-1])", "m.array(v, dt).tolist()",
                 "[type(x).__name__ for x in m.array(v, dt).tolist()]"]:
        col(check, expr, v=v, dt=dt)


@pytest.mark.parametrize("expr", [
    "repr(m.arange(2000, dtype='m8[s]'))", "repr(m.arange(2000).astype('M8[D]'))",
    "str(m.arange(2000).astype('M8[h]'))", "repr(m.arange(2000, dtype='M8[D]'))",
    "repr(m.array(DAYS, 'M8[D]'))",
    "repr(m.array(HOURS, 'M8[h]').reshape(2, 2, 2))", "repr(m.array(MONTHS, 'M8[M]'))",
    "repr(m.array(['2020-01-01T10:00:00.5', 'NaT'], 'M8[ms]'))",
    "repr(m.array(DAYS, 'M8[D]').astype('M8[ns]'))",
    "m.array2string(m.array(DELTAS, 'm8[h]'), separator=', ')",
    "m.array2string(m.array(DAYS, 'M8[D]'), max_line_width=30)",
])
def test_printing_misc(expr):
    check(expr)


@pytest.mark.parametrize("dt", ["M8[Y]", "M8[M]", "M8[W]", "M8[D]", "M8[h]", "M8[m]", "M8[s]",
                                "M8[ms]", "M8[us]", "M8[ns]", "M8[as]", "M8[25s]", "M8"])
def test_datetime_as_string(dt):
    v = ["NaT"] if dt == "M8" else [0, -1, 1, 1000003, -1000003, "NaT"]
    a = "m.array(v, dt)"
    col = Collector()
    col(check, f"m.datetime_as_string({a})", v=v, dt=dt)
    for unit in ["auto", "Y", "M", "W", "D", "h", "m", "s", "ms", "ns", "as", "x", "generic"]:
        col(check, f"m.datetime_as_string({a}, unit=u)", v=v, dt=dt, u=unit)
    for rule in ["safe", "same_kind", "unsafe"]:
        col(check, f"m.datetime_as_string({a}, unit='M', casting=c)", v=v, dt=dt, c=rule)
    for tz in ["naive", "UTC", "bad"]:
        col(check, f"m.datetime_as_string({a}, timezone=tz)", v=v, dt=dt, tz=tz)
        col(check, f"m.datetime_as_string({a}[::-1], unit='m', timezone=tz)", v=v, dt=dt, tz=tz)
    col(check, f"m.datetime_as_string({a}[0])", v=v, dt=dt)
    col(check, f"m.datetime_as_string({a}.reshape(-1, 1))", v=v, dt=dt)
    col.done()


def test_datetime_as_string_errors_and_scalars():
    col = Collector()
    for expr in ["m.datetime_as_string(m.array([0, -1], 'm8[h]'))",
                 "m.datetime_as_string(m.array([0, -1]))",
                 "m.datetime_as_string(m.datetime64('2020-01-01T10:00'))",
                 "m.datetime_as_string(m.datetime64('NaT'))",
                 "m.datetime_as_string(['2020-01-01', '2020-01-02T03'])",
                 "m.datetime_as_string(m.array(0, 'M8[ns]'))",
                 "m.datetime_as_string(m.array([0], 'M8[s]'), timezone=datetime.timezone.utc)"]:
        col(check, expr)
    col.done()


# ---------------------------------------------------------------------------
# interop and .npy
# ---------------------------------------------------------------------------

INTEROP_DTYPES = ["M8[D]", "m8[s]", ">M8[ns]", "m8", "M8[25s]", "<m8[Y]", "M8[as]", ">m8[W]"]


@pytest.mark.parametrize("dt", INTEROP_DTYPES)
def test_interop_shares_memory(dt):
    n = np.array(TICKS, dtype=dt)
    r = rp.asarray(n)
    same(r, n)
    assert shares(r, n), "rp.asarray copied numpy's datetime array"
    n[0] = n[3]
    assert np.asarray(r)[0] == n[3], "rumpy's view of numpy's array missed a write"
    same(rp.asarray(n[::-2]), n[::-2])
    assert shares(rp.asarray(n[::-2]), n)

    r2 = rp.array(TICKS, dtype=dt)
    back = np.asarray(r2)
    assert back.dtype.str == n.dtype.str, f"{back.dtype.str} != {n.dtype.str}"
    assert shares(back, r2), "np.asarray copied rumpy's datetime array"
    r2[1] = r2[3]
    assert back[1] == back[3], "numpy's view of rumpy's array missed a write"
    strided = np.asarray(r2[::-3])
    assert shares(strided, r2) and strided.strides == np.array(TICKS, dt)[::-3].strides
    assert r2.__array_interface__["typestr"] == n.__array_interface__["typestr"]
    assert rp.array(["NaT"], "M8").__array_interface__["typestr"] == \
        np.array(["NaT"], "M8").__array_interface__["typestr"]


@pytest.mark.parametrize("dt", INTEROP_DTYPES)
def test_npy_round_trip(dt):
    n = np.array(TICKS[1:], dtype=dt).reshape(2, 4)
    buf = io.BytesIO()
    rp.save(buf, rp.array(TICKS[1:], dtype=dt).reshape(2, 4))
    loaded = np.load(io.BytesIO(buf.getvalue()))
    assert loaded.dtype.str == n.dtype.str and loaded.tobytes() == n.tobytes()
    same(rp.load(io.BytesIO(buf.getvalue())), n)
    for a in [n, n[:, ::-1], n.T, n[:0]]:
        nbuf = io.BytesIO()
        np.save(nbuf, a)
        same(rp.load(io.BytesIO(nbuf.getvalue())), np.load(io.BytesIO(nbuf.getvalue())))


# ---------------------------------------------------------------------------
# business days
# ---------------------------------------------------------------------------

ROLLS = ["raise", "nat", "forward", "following", "backward", "preceding", "modifiedfollowing",
         "modifiedpreceding", "bogus"]


@pytest.mark.parametrize("roll", ROLLS)
def test_busday_roll(roll):
    col = Collector()
    week = "m.arange('2020-02-22', '2020-03-03', dtype='M8[D]')"
    for offset in ["0", "1", "-1", "3", "m.array([[0], [-7]])"]:
        col(check, f"m.busday_offset({week}, {offset}, roll=r)", r=roll)
        for d in ["2020-02-29", "2020-02-01", "2020-01-04", "2020-01-06", "2020-05-31"]:
            col(check, f"m.busday_offset(d, {offset}, roll=r)", d=d, r=roll)
        col(check, f"m.busday_offset('2020-01-04', {offset}, roll=r, weekmask='Sat Sun')",
            r=roll)
        col(check, f"m.busday_offset('2020-01-03', {offset}, roll=r, holidays=['2020-01-03'])",
            r=roll)
    col(check, "m.busday_offset(['2020-01-01', 'NaT'], 1, roll=r)", r=roll)
    col.done()


BUSDAY = [
    "m.busday_offset('2020-01-01', 2, weekmask='1111100')",
    "m.busday_offset('2020-01-01', 2, weekmask='Mon Wed')",
    "m.busday_offset('2020-01-01', 2, weekmask='MonTueWed')",
    "m.busday_offset('2020-01-01', 2, weekmask=[1, 0, 1, 0, 1, 0, 0])",
    "m.busday_offset('2020-01-01', 2, weekmask='0000000')",
    "m.busday_offset('2020-01-01', 2, weekmask='111')",
    "m.busday_offset('2020-01-01', 2, weekmask='Foo')",
    "m.busday_offset('2020-01-01', 2, holidays=['2020-01-02', '2020-01-03'])",
    "m.busday_offset('2020-01-01', 2, holidays=['2020-01-02', 'NaT', '2020-01-02'])",
    "m.busday_offset('2020-01-01', 2, holidays=['bad'])",
    "m.busday_offset('2020-01-01', -1, holidays=['2019-12-31'])",
    "m.busday_offset('2020-01-01', 1.5)", "m.busday_offset('2020-01-01', m.array([[1], [2]]))",
    "m.busday_offset(m.array(['2020-01-01', 'NaT'], 'M8[D]'), 2)",
    "m.busday_offset(m.array(['2020-01-01'], 'M8[s]'), 2)",
    "m.busday_offset(m.array(['2020-01-01'], 'M8[D]'), m.array([1, 2]))",
    "m.busday_offset(m.array(DAYS, 'M8[D]'), -2, roll='forward')",
    "m.busday_offset(m.array(DAYS, 'M8[D]')[::-3], 4, roll='backward')",
    "m.busday_offset('2020-01-01', 2, out=m.empty((), 'M8[D]'))",
    "m.busday_offset('2020-01', 2)", "m.busday_offset('2020-01-01T10', 2)",
    "m.busday_offset('2020-01-01', 10**18)",
    "m.busday_count('2020-01-01', '2020-02-01')", "m.busday_count('2020-02-01', '2020-01-01')",
    "m.busday_count(['2020-01-01', 'NaT'], '2020-02-01')",
    "m.busday_count('2020-01-01', '2020-02-01', weekmask='Sat Sun')",
    "m.busday_count('2020-01-01', '2020-02-01', holidays=['2020-01-01', '2020-01-20', "
    "'2020-01-25'])",
    "m.busday_count(m.array(DAYS, 'M8[D]')[[0, 2, 3, 6]], m.array([['2020-06-01'], "
    "['1900-01-01']], 'M8[D]'))",
    "m.busday_count(m.array([], 'M8[D]'), m.array([], 'M8[D]'))",
    "m.is_busday(['2020-01-01', '2020-01-04', 'NaT'])",
    "m.is_busday(m.arange('2020-01-01', '2020-01-08', dtype='M8[D]'), weekmask='1010101')",
    "m.is_busday('2020-01-01', holidays=['2020-01-01'])", "m.is_busday(m.array(DAYS, 'M8[D]'))",
    "m.is_busday(m.array([1.5]))", "m.is_busday(m.array([1]))",
    "m.is_busday(m.array(DAYS, 'M8[D]')[::-2], out=m.zeros(4, bool))",
    "m.busdaycalendar(weekmask='1111100', holidays=['2020-01-01', '2019-12-25', 'NaT', "
    "'2020-01-01', '2020-01-04']).holidays",
    "m.busdaycalendar(weekmask='Mon Tue').weekmask", "m.busdaycalendar().weekmask",
    "m.busdaycalendar().holidays", "m.busdaycalendar(weekmask='0000000')",
    "m.busdaycalendar(weekmask='11111000')", "type(m.busdaycalendar()).__name__",
    "m.busday_offset('2020-01-01', 3, busdaycal=m.busdaycalendar(holidays=['2020-01-02']))",
    "m.busday_offset('2020-01-01', 3, busdaycal=m.busdaycalendar(), weekmask='1111111')",
    "m.busday_count('2020-01-01', '2020-01-31', "
    "busdaycal=m.busdaycalendar(weekmask='1111111', holidays=['2020-01-02']))",
    "m.is_busday('2020-01-02', busdaycal=m.busdaycalendar(holidays=['2020-01-02']))",
]


@pytest.mark.parametrize("expr", BUSDAY)
def test_busday(expr):
    check(expr)


# ---------------------------------------------------------------------------
# records holding datetimes
# ---------------------------------------------------------------------------

RECORD_DT = [("n", "U3"), ("t", "M8[s]"), ("d", ">m8[h]")]
ROWS = [("a", "2020-01-01", 5), ("bc", "NaT", "NaT"), ("", "-0001-12-31T23:59:59", -3)]


@pytest.mark.parametrize("expr", [
    "m.array(rows, dtype=dt)", "m.array(rows, dtype=dt)['t']", "m.array(rows, dtype=dt)['d']",
    "m.array(rows, dtype=dt)[0]", "m.array(rows, dtype=dt)[0]['t']",
    "m.array(rows, dtype=dt)[1]['d']", "repr(m.array(rows, dtype=dt))",
    "str(m.array(rows, dtype=dt))", "repr(m.array(rows, dtype=dt)[1])",
    "m.array(rows, dtype=dt).tolist()", "m.array(rows, dtype=dt)[0].item()",
    "m.array(rows, dtype=dt)[['t', 'n']]", "m.array(rows, dtype=dt)[::-1]['t']",
    "m.array(rows, dtype=dt)['t'] == m.datetime64('2020-01-01')",
    "m.array(rows, dtype=dt)['t'].astype('M8[D]')", "m.dtype(dt).descr", "repr(m.dtype(dt))",
    "m.dtype(dt).itemsize", "m.zeros(2, dtype=dt)", "repr(m.zeros(2, dtype=dt))",
    "m.array([('a', '2020-01-01')], dtype=[('n', 'U3'), ('t', 'M8')])",
    "m.array([('a', 'x', 1)], dtype=dt)", "m.array([(1, 2)], dtype=[('t', 'M8[D]'), "
    "('d', 'm8[h]')])",
])
def test_record_with_datetime_fields(expr):
    check(expr, dt=RECORD_DT, rows=ROWS)


def test_record_with_datetime_fields_assignment():
    def run(m):
        a = m.zeros(3, dtype=RECORD_DT)
        a["t"] = ["2020-01-01T10", "NaT", "1969-12-31"]
        a[1] = ("zz", "2021-06-01", "NaT")
        a[2]["d"] = m.timedelta64(2, "D")
        return a
    check(run)


def test_review_cases():
    """Cases a review found: byte-swapped reductions, initial= order, time zones, integers
    meeting timedeltas in max/min/comparisons, strtol's reading of timedelta text."""
    col = Collector()
    for expr in ["m.add.reduce(m.array([1, 2, 3], '>m8[s]'))",
                 "m.add.accumulate(m.array([1, 2, 3], '>m8[s]'))",
                 "m.subtract.reduce(m.array([5, 2], 'm8[s]'), initial=m.timedelta64(10, 's'))",
                 "m.add.reduce(m.array(['a', 'b'], dtype=object), initial='x')",
                 "m.max(m.array([], 'M8[s]'), initial=m.datetime64(3, 's'))",
                 "m.datetime_as_string(m.array(['2020-01-01T10:00'], 'M8[s]'), "
                 "timezone=datetime.timezone(datetime.timedelta(hours=1)))",
                 "m.maximum(m.array([1, 5], 'm8[D]'), 2)", "m.fmin(m.array([1, 5], 'm8[D]'), 2)",
                 "m.clip(m.array([1, 5], 'm8[D]'), m.timedelta64(2, 'D'), "
                 "m.timedelta64(4, 'D'))",
                 "m.array([10], 'm8[s]') < m.array([11], 'u8')",
                 "m.array([10], 'm8[s]') == m.array([10], 'u8')",
                 "m.timedelta64(10, 's') / True", "m.timedelta64(10, 's') // True",
                 "m.array([' nat'], 'U').astype('m8[s]')", "m.array([' 12'], 'U').astype('m8[s]')",
                 "m.array(['12 '], 'U').astype('m8[s]')",
                 "m.array(['99999999999999999999'], 'U').astype('m8[s]')",
                 "m.array([m.timedelta64(1, 's'), m.timedelta64(1, 'Y')])",
                 "m.add(m.array([10], '>m8[s]'), m.array([5], '>m8[s]'), casting='no')",
                 "m.is_busday('2020-01-01', weekmask='0000000')",
                 "m.busday_count('2020-01-01', '2020-02-01', weekmask=[1, 1, 1, 1, 1, 0, 2])"]:
        col(check, expr)
    col.done()


def test_scalar_api():
    col = Collector()
    for expr in ["m.timedelta64(5, 's').real", "m.timedelta64(5, 's').imag",
                 "m.datetime64('2020-01-01').real", "m.timedelta64(5, 's').copy()",
                 "m.timedelta64(5, 's').reshape(1)", "m.timedelta64(5, 's').view('i8')",
                 "m.timedelta64(5, 's').tobytes()", "m.timedelta64(5, 's').flags.writeable",
                 "operator.index(m.timedelta64(5, 's'))", "round(m.timedelta64(5, 's'))",
                 "m.timedelta64([1, 2], 'D')",
                 "m.array2string(m.array(['2020-01-01'], 'M8[D]'), "
                 "formatter={'datetime': lambda x: 'X'})",
                 "m.array2string(m.array([1], 'm8[D]'), formatter={'timedelta': lambda x: 'T'})"]:
        col(check, expr, operator=__import__("operator"))
    col.done()


@pytest.mark.parametrize("expr", ["N // Z", "N % Z", "m.divmod(N, Z)", "F // Z", "F % Z",
                                  "F / 0.0", "Z / 0.0", "N / 0.0", "F * m.inf", "Z * m.inf",
                                  "N * m.inf", "F * 1e300", "N // F", "F / 1e-320",
                                  "m.array([m.nan]).astype('m8[s]')",
                                  "m.array([1e300]).astype('m8[s]')",
                                  "m.array([m.inf]).astype('M8[s]')"])
def test_floating_point_conditions(expr):
    """NumPy's conditions of time loops and casts, checked as errors under errstate."""
    def run(m):
        names = {"m": m, "N": m.array(["NaT"], "m8[s]"), "F": m.array([5], "m8[s]"),
                 "Z": m.array([0], "m8[s]")}
        with m.errstate(all="raise"):
            return eval(expr, names)
    r, n = both(run)
    assert_outcomes(r, n, compare=same, msg=expr)


@pytest.mark.parametrize("expr", [
    "m.array2string(m.array(['2020-01-01', 'NaT'], 'M8[D]'), "
    "formatter={'datetime': lambda x: f'<{type(x).__name__} {x!r}>'})",
    "m.array2string(m.array([3, 'NaT'], 'm8[25s]'), "
    "formatter={'timedelta': lambda x: f'<{type(x).__name__} {x!r}>'})",
    "m.array2string(m.array(['2020-01-01T10:30'], 'M8'), "
    "formatter={'datetime': lambda x: str(x.dtype)})",
    "m.array2string(m.array([[1, 2]], 'm8[h]'), formatter={'timedelta': lambda x: str(x + x)})",
])
def test_formatters_get_scalars(expr):
    check(expr)
