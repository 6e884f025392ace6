//! datetime64 and timedelta64 arrays and Python's objects: items to Python (`datetime.date`,
//! `datetime.datetime`, `datetime.timedelta`, int or None as NumPy's `item()`; the
//! `rumpy.datetime64`/`rumpy.timedelta64` scalars) and arrays from nested sequences of ISO
//! strings, time scalars (rumpy's or NumPy's), Python's datetime objects, integers and None,
//! with NumPy's unit discovery.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};

use crate::array::{NdArray, Order};
use crate::dtype::datetime::{self as dt, Converter, DateTimeStruct, Meta, Unit, NAT};
use crate::dtype::promote::Casting;
use crate::dtype::time::{parse_datetime, parse_timedelta, TimeDesc};
use crate::dtype::DType;

use super::convert::{classify_scalar, node, seq_item, seq_len, Node, PyScalar};

/// Does a dtype hold times?
pub fn is_time(d: &DType) -> bool {
    TimeDesc::of(d).is_some()
}

static CLASSES: PyOnceLock<[Py<PyType>; 2]> = PyOnceLock::new();
static PYDT: PyOnceLock<[Py<PyAny>; 4]> = PyOnceLock::new();

/// `rumpy.datetime64` and `rumpy.timedelta64` (defined in Python).
fn classes(py: Python<'_>) -> PyResult<&'static [Py<PyType>; 2]> {
    super::scalar_classes(
        py,
        &CLASSES,
        "rumpy._datetime",
        ["datetime64", "timedelta64"],
    )
}

/// `rumpy.datetime64` (`datetime`) or `rumpy.timedelta64`.
pub fn scalar_class(py: Python<'_>, datetime: bool) -> PyResult<&Bound<'_, PyType>> {
    Ok(classes(py)?[if datetime { 0 } else { 1 }].bind(py))
}

/// Python's `datetime.date`, `datetime.datetime`, `datetime.timedelta` and `timezone.utc`.
fn pydt(py: Python<'_>) -> PyResult<&[Py<PyAny>; 4]> {
    PYDT.get_or_try_init(py, || {
        let m = py.import("datetime")?;
        Ok::<_, PyErr>([
            m.getattr("date")?.unbind(),
            m.getattr("datetime")?.unbind(),
            m.getattr("timedelta")?.unbind(),
            m.getattr("timezone")?.getattr("utc")?.unbind(),
        ])
    })
}

/// The time scalar `obj` is (rumpy's or NumPy's): its ticks and descriptor.
pub fn time_scalar(obj: &Bound<'_, PyAny>) -> PyResult<Option<(i64, TimeDesc)>> {
    let py = obj.py();
    let [d, t] = classes(py)?;
    if obj.is_instance(d.bind(py))? || obj.is_instance(t.bind(py))? {
        let v: i64 = obj.getattr("_v")?.extract()?;
        let dt = super::dtype::to_dtype(&obj.getattr("dtype")?)?;
        return Ok(TimeDesc::of(&dt).map(|d| (v, d)));
    }
    let ty = obj.get_type();
    let name = ty.name()?;
    let name = name.to_str()?;
    if (name == "datetime64" || name == "timedelta64")
        && ty
            .getattr("__module__")
            .is_ok_and(|m| m.extract::<String>().is_ok_and(|m| m == "numpy"))
    {
        let dt = crate::dtype::parse::parse_dtype(
            &obj.getattr("dtype")?.getattr("str")?.extract::<String>()?,
        )?;
        let v: i64 = obj
            .call_method1("astype", ("int64",))?
            .call_method0("item")?
            .extract()?;
        return Ok(TimeDesc::of(&dt).map(|d| (v, d)));
    }
    Ok(None)
}

/// Is `obj` a time scalar (rumpy's or NumPy's)?
pub fn is_time_object(obj: &Bound<'_, PyAny>) -> bool {
    time_scalar(obj).is_ok_and(|t| t.is_some())
}

/// The item at `p` as NumPy's `item()`: None for NaT; `datetime.date` for datetimes in
/// years to days, `datetime.datetime` in hours to microseconds (while the year is 1-9999);
/// `datetime.timedelta` for timedeltas in weeks to microseconds (when it fits); otherwise
/// the int of ticks.
///
/// # Safety
/// `p` holds an item of `d`.
pub unsafe fn item_to_py<'py>(
    py: Python<'py>,
    d: TimeDesc,
    p: *const u8,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: the caller's guarantee.
    let v = unsafe { d.read(p) };
    value_to_py(py, d, v)
}

/// One value of `d` as NumPy's `item()` gives it.
pub fn value_to_py<'py>(py: Python<'py>, d: TimeDesc, v: i64) -> PyResult<Bound<'py, PyAny>> {
    if v == NAT {
        return Ok(py.None().into_bound(py));
    }
    let int = || Ok(v.into_pyobject(py)?.into_any());
    let u = d.meta.unit;
    let [date, datetime, timedelta, _] = pydt(py)?;
    if d.datetime {
        if u == Unit::Generic || u > Unit::Micro {
            return int();
        }
        let s: DateTimeStruct = dt::to_struct(v, d.meta)?;
        if !(1..=9999).contains(&s.year) {
            return int();
        }
        if u <= Unit::Day {
            return date.bind(py).call1((s.year, s.month, s.day));
        }
        return datetime
            .bind(py)
            .call1((s.year, s.month, s.day, s.hour, s.min, s.sec, s.us));
    }
    if u < Unit::Week || u > Unit::Micro {
        return int();
    }
    // Microseconds of the whole value, as Python's timedelta takes them.
    let per = match u {
        Unit::Week => 7 * 86_400_000_000i128,
        Unit::Day => 86_400_000_000,
        Unit::Hour => 3_600_000_000,
        Unit::Minute => 60_000_000,
        Unit::Second => 1_000_000,
        Unit::Milli => 1_000,
        _ => 1,
    };
    let us = v as i128 * d.meta.num as i128 * per;
    let day = 86_400_000_000i128;
    let (days, rest) = (us.div_euclid(day), us.rem_euclid(day));
    if days.abs() > 999_999_999 {
        return int();
    }
    let (secs, micros) = (rest / 1_000_000, rest % 1_000_000);
    timedelta
        .bind(py)
        .call1((days as i64, secs as i64, micros as i64))
}

/// The item at `p` as the scalar NumPy gives (`a[i]`): a `rumpy.datetime64` or
/// `rumpy.timedelta64`.
///
/// # Safety
/// `p` holds an item of `d`.
pub unsafe fn scalar<'py>(
    py: Python<'py>,
    d: TimeDesc,
    p: *const u8,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: the caller's guarantee.
    let v = unsafe { d.read(p) };
    make_scalar(py, d, v)
}

/// A `rumpy.datetime64`/`rumpy.timedelta64` of ticks `v` of `d` (in native order).
pub fn make_scalar<'py>(py: Python<'py>, d: TimeDesc, v: i64) -> PyResult<Bound<'py, PyAny>> {
    let d = TimeDesc { native: true, ..d };
    let cls = &classes(py)?[if d.datetime { 0 } else { 1 }];
    let dt = super::dtype::PyDType::wrap(py, d.dtype())?;
    cls.bind(py).call_method1("_rp_make", (v, dt))
}

/// One element met in a nested sequence bound for a time array.
enum Leaf<'py> {
    /// A Python str, read in place.
    PyStr(Bound<'py, PyString>),
    Str(String),
    Time(i64, TimeDesc),
    Int(i64),
    /// A `datetime.date` (unit days) or `datetime.datetime` (microseconds).
    Date(DateTimeStruct, Unit),
    /// A `datetime.timedelta`, in microseconds.
    Delta(i64),
    /// None.
    Nat,
}

fn not_convertible(datetime: bool) -> PyErr {
    PyValueError::new_err(if datetime {
        "Could not convert object to NumPy datetime"
    } else {
        "Could not convert object to NumPy timedelta"
    })
}

/// The leaf an object is.
fn leaf<'py>(obj: &Bound<'py, PyAny>, datetime: bool) -> PyResult<Leaf<'py>> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Leaf::Nat);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Leaf::PyStr(s.clone()));
    }
    if let Ok(b) = obj.cast::<pyo3::types::PyBytes>() {
        return Ok(Leaf::Str(
            String::from_utf8_lossy(b.as_bytes()).into_owned(),
        ));
    }
    if let Some((v, d)) = time_scalar(obj)? {
        return Ok(Leaf::Time(v, d));
    }
    let [date, datetime_cls, timedelta, utc] = pydt(py)?;
    if obj.is_instance(datetime_cls.bind(py))? {
        let mut o = obj.clone();
        if !o.getattr("tzinfo")?.is_none() {
            PyErr::warn(
                py,
                &py.get_type::<pyo3::exceptions::PyUserWarning>(),
                c"no explicit representation of timezones available for np.datetime64",
                1,
            )?;
            let kw = pyo3::types::PyDict::new(py);
            kw.set_item("tzinfo", py.None())?;
            o = o.call_method1("astimezone", (utc.bind(py),))?.call_method(
                "replace",
                (),
                Some(&kw),
            )?;
        }
        let g = |k: &str| -> PyResult<i32> { o.getattr(k)?.extract() };
        let s = DateTimeStruct {
            year: o.getattr("year")?.extract()?,
            month: g("month")?,
            day: g("day")?,
            hour: g("hour")?,
            min: g("minute")?,
            sec: g("second")?,
            us: g("microsecond")?,
            ..DateTimeStruct::default()
        };
        return Ok(Leaf::Date(s, Unit::Micro));
    }
    if obj.is_instance(date.bind(py))? {
        let s = DateTimeStruct {
            year: obj.getattr("year")?.extract()?,
            month: obj.getattr("month")?.extract()?,
            day: obj.getattr("day")?.extract()?,
            ..DateTimeStruct::default()
        };
        return Ok(Leaf::Date(s, Unit::Day));
    }
    if obj.is_instance(timedelta.bind(py))? {
        let days: i64 = obj.getattr("days")?.extract()?;
        let secs: i64 = obj.getattr("seconds")?.extract()?;
        let us: i64 = obj.getattr("microseconds")?.extract()?;
        return Ok(Leaf::Delta(days * 86_400_000_000 + secs * 1_000_000 + us));
    }
    match classify_scalar(obj)? {
        Some(PyScalar::Weak(n, _)) | Some(PyScalar::Typed(n, _)) => match n {
            crate::dtype::Num::I(i) => Ok(Leaf::Int(i)),
            crate::dtype::Num::B(b) => Ok(Leaf::Int(b as i64)),
            crate::dtype::Num::U(u) => i64::try_from(u)
                .map(Leaf::Int)
                .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("int too big to convert")),
            _ => Err(not_convertible(datetime)),
        },
        None => Err(not_convertible(datetime)),
    }
}

fn walk<'py>(
    obj: &Bound<'py, PyAny>,
    depth: usize,
    shape: &[usize],
    datetime: bool,
    out: &mut Vec<Leaf<'py>>,
) -> PyResult<()> {
    if depth == shape.len() {
        if let Ok(s) = obj.cast::<PyString>() {
            out.push(Leaf::PyStr(s.clone()));
            return Ok(());
        }
        return match node(obj)? {
            Node::Arr(a) if a.ndim() == 0 => array_leaves(&a, datetime, out),
            Node::Seq(_) => Err(super::convert::inhomogeneous(depth, shape)),
            _ => {
                out.push(leaf(obj, datetime)?);
                Ok(())
            }
        };
    }
    match node(obj)? {
        Node::Seq(s) => {
            let n = seq_len(&s)?;
            if n != shape[depth] {
                return Err(super::convert::inhomogeneous(depth, shape));
            }
            for i in 0..n {
                walk(&seq_item(&s, i)?, depth + 1, shape, datetime, out)?;
            }
            Ok(())
        }
        Node::Arr(a) if a.shape() == &shape[depth..] => array_leaves(&a, datetime, out),
        _ => Err(super::convert::inhomogeneous(depth, shape)),
    }
}

/// The items of an array met inside a sequence, as leaves.
fn array_leaves<'py>(a: &NdArray, datetime: bool, out: &mut Vec<Leaf<'py>>) -> PyResult<()> {
    let c = a.copy(Order::C)?;
    if let Some(d) = TimeDesc::of(c.dtype()) {
        for i in 0..c.size() {
            // SAFETY: item i of a fresh C-contiguous copy.
            out.push(Leaf::Time(unsafe { d.read(c.data_ptr().add(i * 8)) }, d));
        }
        return Ok(());
    }
    let dt = c.dtype().clone();
    let isz = dt.itemsize();
    for i in 0..c.size() {
        let p = c.data_ptr().wrapping_add(i * isz) as *const u8;
        // SAFETY: item i of a fresh C-contiguous copy.
        out.push(unsafe {
            if let Some(t) = crate::dtype::text::TextDesc::of(&dt) {
                Leaf::Str(
                    t.read(p)
                        .iter()
                        .filter_map(|&c| char::from_u32(c))
                        .collect(),
                )
            } else if dt.kind() == 'O' {
                let py = Python::assume_attached();
                leaf(&super::object::item(py, p), datetime)?
            } else if dt.scalar_type().is_some() {
                match super::convert::read_num(p, &dt) {
                    crate::dtype::Num::I(i) => Leaf::Int(i),
                    crate::dtype::Num::B(b) => Leaf::Int(b as i64),
                    crate::dtype::Num::U(u) => {
                        Leaf::Int(i64::try_from(u).map_err(|_| not_convertible(datetime))?)
                    }
                    _ => return Err(not_convertible(datetime)),
                }
            } else {
                return Err(not_convertible(datetime));
            }
        });
    }
    Ok(())
}

/// The metadata a leaf asks for when the unit is discovered (None: it adds nothing).
fn leaf_meta(l: &Leaf<'_>, datetime: bool) -> PyResult<Option<Meta>> {
    if let Leaf::PyStr(s) = l {
        return leaf_meta(&Leaf::Str(s.to_str()?.to_owned()), datetime);
    }
    Ok(match l {
        Leaf::Str(s) if datetime => {
            let p = dt::parse_iso(s, None, Casting::Unsafe)?;
            (p.value != NAT || p.unit != Unit::Generic).then(|| Meta::new(p.unit))
        }
        Leaf::Str(_) | Leaf::PyStr(_) | Leaf::Nat => None,
        Leaf::Time(_, d) => Some(d.meta),
        Leaf::Int(_) if datetime => {
            return Err(PyValueError::new_err(
                "Converting an integer to a NumPy datetime requires a specified unit",
            ))
        }
        Leaf::Int(_) => Some(Meta::GENERIC),
        Leaf::Date(_, u) if datetime => Some(Meta::new(*u)),
        Leaf::Date(..) => return Err(not_convertible(false)),
        Leaf::Delta(_) if datetime => return Err(not_convertible(true)),
        Leaf::Delta(_) => Some(Meta::new(Unit::Micro)),
    })
}

/// Ticks of `d` for one leaf.
fn ticks(l: &Leaf<'_>, d: TimeDesc) -> PyResult<i64> {
    Ok(match l {
        Leaf::Nat => NAT,
        Leaf::PyStr(s) if d.datetime => parse_datetime(s.to_str()?, d.meta)?,
        Leaf::PyStr(s) => parse_timedelta(s.to_str()?)?,
        Leaf::Str(s) if d.datetime => parse_datetime(s, d.meta)?,
        Leaf::Str(s) => parse_timedelta(s)?,
        Leaf::Time(v, from) => {
            if from.datetime != d.datetime || from.meta == d.meta {
                // Between a datetime and a timedelta the ticks pass as they are.
                *v
            } else {
                // NumPy converts a time object under 'same_kind'.
                if dt::cast_level(from.meta, d.meta, d.datetime) > Casting::SameKind {
                    return Err(PyTypeError::new_err(format!(
                        "Cannot cast NumPy {} scalar from metadata {} to {} according to the rule 'same_kind'",
                        if d.datetime { "datetime64" } else { "timedelta64" },
                        from.meta.brackets(),
                        d.meta.brackets()
                    )));
                }
                if *v == NAT {
                    NAT
                } else {
                    Converter::new(from.meta, d.meta, d.datetime)?.apply(*v)
                }
            }
        }
        Leaf::Int(i) => *i,
        Leaf::Date(..) if !d.datetime => return Err(not_convertible(false)),
        Leaf::Delta(_) if d.datetime => return Err(not_convertible(true)),
        Leaf::Date(s, u) => {
            let v = dt::from_struct(s, Meta::new(*u))?;
            if Meta::new(*u) == d.meta {
                v
            } else {
                Converter::new(Meta::new(*u), d.meta, true)?.apply(v)
            }
        }
        Leaf::Delta(us) => Converter::new(Meta::new(Unit::Micro), d.meta, false)?.apply(*us),
    })
}

/// The ticks of `d` one Python object means (an object array's item cast to a time).
pub fn object_ticks(obj: &Bound<'_, PyAny>, d: TimeDesc) -> PyResult<i64> {
    ticks(&leaf(obj, d.datetime)?, d)
}

/// The descriptor a sequence of time scalars (and, with timedeltas, integers) makes when no
/// dtype is given; None when NumPy makes an object array of it.
pub fn discover(obj: &Bound<'_, PyAny>, shape: &[usize]) -> PyResult<Option<DType>> {
    let mut leaves = Vec::new();
    // Leaves are gathered as timedeltas: a string or a datetime object stops discovery.
    if walk(obj, 0, shape, false, &mut leaves).is_err() {
        return Ok(None);
    }
    let datetime = leaves
        .iter()
        .any(|l| matches!(l, Leaf::Time(_, d) if d.datetime));
    let mut meta: Option<Meta> = None;
    for l in &leaves {
        let m = match l {
            Leaf::Time(_, d) => d.meta,
            Leaf::Int(_) if !datetime => Meta::GENERIC,
            _ => return Ok(None),
        };
        meta = Some(match meta {
            None => m,
            Some(x) => match dt::common_meta(x, datetime, m, datetime) {
                Ok(c) => c,
                // Units that do not meet (years and days of timedeltas): objects.
                Err(_) => return Ok(None),
            },
        });
    }
    Ok(meta.map(|m| {
        TimeDesc {
            datetime,
            meta: m,
            native: true,
        }
        .dtype()
    }))
}

/// The finest metadata the leaves ask for (generic when none does).
fn discover_meta(leaves: &[Leaf<'_>], datetime: bool) -> PyResult<Meta> {
    let mut meta = Meta::GENERIC;
    for l in leaves {
        if let Some(m) = leaf_meta(l, datetime)? {
            meta = dt::common_meta(meta, datetime, m, datetime)?;
        }
    }
    Ok(meta)
}

/// The descriptor a cast of `a` (text or objects) to the generic time descriptor `d` gives:
/// the unit its items ask for (`astype('M8')` of ISO strings).
pub fn discovered(a: &NdArray, d: &DType) -> PyResult<DType> {
    let Some(mut desc) = TimeDesc::of(d).filter(|t| t.meta.unit == Unit::Generic) else {
        return Ok(d.clone());
    };
    let mut leaves = Vec::new();
    array_leaves(a, desc.datetime, &mut leaves)?;
    desc.meta = discover_meta(&leaves, desc.datetime)?;
    Ok(desc.dtype())
}

/// An array of `shape` from nested sequences bound for time descriptor `d` (generic: the
/// unit discovered from the items).
pub fn from_nested(obj: &Bound<'_, PyAny>, shape: &[usize], d: &DType) -> PyResult<NdArray> {
    let mut desc = TimeDesc::of(d).ok_or_else(|| PyTypeError::new_err("not a time dtype"))?;
    let mut leaves = Vec::new();
    walk(obj, 0, shape, desc.datetime, &mut leaves)?;
    if desc.meta.unit == Unit::Generic {
        // A discovered descriptor is in the machine's order (NumPy's).
        desc.meta = discover_meta(&leaves, desc.datetime)?;
        desc.native = true;
    }
    let out = NdArray::empty(shape, &desc.dtype(), Order::C)?;
    let p = out.data_ptr();
    if leaves.len() >= 4096 && desc.datetime && leaves.iter().all(|l| matches!(l, Leaf::PyStr(_))) {
        // Many ISO strings: their text read in place, parsed across threads (no Python).
        let texts = leaves
            .iter()
            .map(|l| match l {
                Leaf::PyStr(s) => s.to_str(),
                _ => Ok(""),
            })
            .collect::<PyResult<Vec<&str>>>()?;
        let values = parse_many(&texts, desc.meta)?;
        for (i, v) in values.into_iter().enumerate() {
            // SAFETY: item i of the fresh C-contiguous array.
            unsafe { desc.write(p.add(i * 8), v) };
        }
        return Ok(out);
    }
    for (i, l) in leaves.iter().enumerate() {
        let v = ticks(l, desc)?;
        // SAFETY: item i of the fresh C-contiguous array.
        unsafe { desc.write(p.add(i * 8), v) };
    }
    Ok(out)
}

/// ISO strings parsed into ticks of `meta`, in chunks across threads; the first failing
/// string's error, in order.
fn parse_many(texts: &[&str], meta: Meta) -> crate::Result<Vec<i64>> {
    use rayon::prelude::*;
    let chunk = texts
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(1);
    let parts: Vec<crate::Result<Vec<i64>>> = texts
        .par_chunks(chunk)
        .map(|c| c.iter().map(|t| parse_datetime(t, meta)).collect())
        .collect();
    let mut out = Vec::with_capacity(texts.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// The ISO 8601 text of each datetime of `arr` (NumPy's `datetime_as_string` after its
/// arguments are checked in Python): in `unit` (None: the array's own; "auto": the
/// coarsest that loses nothing, per item), with a trailing 'Z' when `utc`.
#[pyfunction]
pub fn _datetime_strings(
    py: Python<'_>,
    arr: &Bound<'_, PyAny>,
    unit: Option<&str>,
    utc: bool,
) -> PyResult<Py<super::array::PyNdArray>> {
    let a = super::convert::to_array(arr, None)?.arr;
    let d = TimeDesc::of(a.dtype())
        .filter(|d| d.datetime)
        .ok_or_else(|| PyTypeError::new_err("input must have type NumPy datetime"))?;
    let auto = unit == Some("auto");
    let display = match unit {
        None | Some("auto") => None,
        Some(u) => Some(Unit::parse(u).ok_or_else(|| {
            PyTypeError::new_err(format!("Invalid datetime unit \"{u}\" in metadata"))
        })?),
    };
    let c = a.copy(Order::C)?;
    let chars = if auto {
        dt::ISO_MAX_STRLEN
    } else {
        dt::iso_strlen(display.unwrap_or(d.meta.unit))
    };
    let desc = crate::dtype::text::TextDesc {
        store: crate::dtype::text::Store::Ucs4 { swapped: false },
        chars,
    };
    let out = NdArray::empty(c.shape(), &desc.dtype(), Order::C)?;
    for i in 0..c.size() {
        // SAFETY: item i of the fresh C-contiguous copy.
        let v = unsafe { d.read(c.data_ptr().add(i * 8)) };
        let shown = if auto {
            Some(dt::lossless_unit(v, d.meta)?)
        } else {
            display
        };
        let text = dt::format_iso(v, d.meta, shown, utc)?;
        let t: Vec<u32> = text.chars().map(|c| c as u32).collect();
        // SAFETY: item i of the fresh C-contiguous result.
        unsafe { desc.write(out.data_ptr().add(i * desc.dtype().itemsize()), &t)? };
    }
    super::array::PyNdArray::wrap(py, out, None)
}

/// The business-day functions on prepared operands (`rumpy._busday` checks and broadcasts
/// them): `op` is "is" (dates -> bool), "offset" (dates, int64 offsets -> dates) or "count"
/// (dates, dates -> int64); dates are C-contiguous datetime64[D] of one shape.
#[pyfunction]
#[pyo3(signature = (op, a, b, weekmask, holidays, roll="raise"))]
pub fn _busday(
    py: Python<'_>,
    op: &str,
    a: &Bound<'_, PyAny>,
    b: Option<&Bound<'_, PyAny>>,
    weekmask: [bool; 7],
    holidays: Vec<i64>,
    roll: &str,
) -> PyResult<Py<super::array::PyNdArray>> {
    use crate::ops::busday::{Calendar, Roll};
    let cal = Calendar::new(weekmask, holidays);
    let days = |x: &Bound<'_, PyAny>| -> PyResult<NdArray> {
        let arr = super::convert::to_array(x, None)?.arr;
        let want = crate::dtype::ScalarType::Int64.dtype();
        let arr = arr
            .view_dtype(&want)
            .or_else(|_| arr.astype(&want, Order::C))?;
        Ok(arr.copy(Order::C)?)
    };
    let a = days(a)?;
    let read = |x: &NdArray, i: usize| -> i64 {
        // SAFETY: item i of a C-contiguous int64 copy.
        unsafe { std::ptr::read_unaligned((x.data_ptr() as *const i64).add(i)) }
    };
    let n = a.size();
    let (out_dt, vals): (DType, Vec<i64>) = match op {
        "is" => (
            crate::dtype::ScalarType::Bool.dtype(),
            (0..n).map(|i| cal.is_busday(read(&a, i)) as i64).collect(),
        ),
        "offset" | "count" => {
            let b = days(b.ok_or_else(|| PyValueError::new_err("a second operand"))?)?;
            if b.size() != n {
                return Err(PyValueError::new_err(
                    "business-day operands must have one size (broadcast them first)",
                ));
            }
            let roll = Roll::parse(roll)?;
            let v = py.detach(|| {
                (0..n)
                    .map(|i| {
                        let (x, y) = (read(&a, i), read(&b, i));
                        if op == "offset" {
                            cal.offset(x, y, roll)
                        } else {
                            cal.count(x, y)
                        }
                    })
                    .collect::<crate::error::Result<Vec<i64>>>()
            })?;
            let dt = if op == "offset" {
                crate::dtype::time::datetime64(Meta::new(Unit::Day))
            } else {
                crate::dtype::ScalarType::Int64.dtype()
            };
            (dt, v)
        }
        _ => {
            return Err(PyValueError::new_err(format!(
                "no business-day operation {op}"
            )))
        }
    };
    let out = NdArray::empty(a.shape(), &out_dt, Order::C)?;
    let isz = out_dt.itemsize();
    for (i, v) in vals.into_iter().enumerate() {
        // SAFETY: item i of the fresh C-contiguous result.
        unsafe {
            let p = out.data_ptr().add(i * isz);
            if isz == 1 {
                *p = v as u8;
            } else {
                std::ptr::write_unaligned(p as *mut i64, v);
            }
        }
    }
    super::array::PyNdArray::wrap(py, out, None)
}

/// NumPy's `arange` of times: datetimes from `start` up to `stop` (an integer `stop` counts
/// from `start`), or timedeltas, by `step` (a timedelta or an integer of ticks), in the unit
/// of `dtype` or the finest of the arguments'.
pub fn arange(
    start: Option<&Bound<'_, PyAny>>,
    stop: &Bound<'_, PyAny>,
    step: Option<&Bound<'_, PyAny>>,
    dtype: Option<&DType>,
) -> PyResult<NdArray> {
    let given = dtype.and_then(TimeDesc::of);
    // Without a dtype the time scalars given decide (a string is parsed as their kind).
    let is_datetime = |o: &Bound<'_, PyAny>| -> PyResult<bool> {
        Ok(matches!(time_scalar(o)?, Some((_, d)) if d.datetime))
    };
    let datetime = match given {
        Some(d) => d.datetime,
        None => start.map_or(Ok(false), is_datetime)? || is_datetime(stop)?,
    };
    let int = |o: &Bound<'_, PyAny>| {
        matches!(
            classify_scalar(o),
            Ok(Some(PyScalar::Weak(crate::dtype::Num::I(_), _)))
        ) || matches!(
            classify_scalar(o),
            Ok(Some(PyScalar::Typed(crate::dtype::Num::I(_), _)))
        )
    };
    let unit_meta = given.map_or(Meta::GENERIC, |d| d.meta);
    // One argument as (ticks, metadata) of the given kind.
    let one = |o: &Bound<'_, PyAny>, dtime: bool| -> PyResult<(i64, Meta)> {
        let d = TimeDesc {
            datetime: dtime,
            meta: unit_meta,
            native: true,
        };
        let a = from_nested(o, &[], &d.dtype())?;
        let t = TimeDesc::of(a.dtype()).ok_or_else(|| PyTypeError::new_err("a time"))?;
        // SAFETY: the one item of a fresh array.
        Ok((unsafe { t.read(a.data_ptr()) }, t.meta))
    };
    let (start, relative_stop) = match start {
        Some(s) => (Some(one(s, datetime)?), datetime && int(stop)),
        None if datetime => {
            return Err(PyValueError::new_err(
                "arange requires both a start and a stop for NumPy datetime64 ranges",
            ))
        }
        None => (None, false),
    };
    let stop = one(stop, datetime && !relative_stop)?;
    let step = match step.filter(|s| !s.is_none()) {
        Some(s) => one(s, false)?,
        None => (1, Meta::GENERIC),
    };
    let mut meta = unit_meta;
    if meta.unit == Unit::Generic {
        for (m, dtime) in [
            (start.map(|s| s.1), datetime),
            (Some(stop.1), datetime && !relative_stop),
            (Some(step.1), false),
        ] {
            if let Some(m) = m {
                meta = dt::common_meta(meta, datetime, m, dtime)?;
            }
        }
    }
    let to = |(v, m): (i64, Meta), dtime: bool| -> PyResult<i64> {
        if v == NAT {
            return Err(PyValueError::new_err(
                "arange: cannot use NaT (not-a-time) datetime values",
            ));
        }
        if m == meta || m.unit == Unit::Generic {
            return Ok(v);
        }
        Ok(Converter::new(m, meta, dtime)?.apply(v))
    };
    let first = match start {
        Some(s) => to(s, datetime)?,
        None => 0,
    };
    let last = to(stop, datetime && !relative_stop)?;
    let last = if relative_stop { first + last } else { last };
    let step = to(step, false)?;
    if step == 0 {
        return Err(PyValueError::new_err("arange: step cannot be zero"));
    }
    let span = last as i128 - first as i128;
    let n = if (span > 0) == (step > 0) && span != 0 {
        ((span.abs() + step.unsigned_abs() as i128 - 1) / step.unsigned_abs() as i128) as usize
    } else {
        0
    };
    let desc = TimeDesc {
        datetime,
        meta,
        native: true,
    };
    let out = NdArray::empty(&[n], &desc.dtype(), Order::C)?;
    for i in 0..n {
        // SAFETY: item i of the fresh array.
        unsafe { desc.write(out.data_ptr().add(i * 8), first + i as i64 * step) };
    }
    Ok(out)
}
