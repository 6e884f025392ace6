//! The time families: datetime64 (`M8[unit]`, NumPy's `DateTime64DType`) and timedelta64
//! (`m8[unit]`, `TimeDelta64DType`). Both store an int64 count of the descriptor's ticks
//! (`num` units of `unit`), in either byte order, with NaT the smallest int64. The two
//! families are one generic descriptor, `Time<K>`, told apart by the marker `K`; what they
//! compute with (units, the calendar, ISO 8601 text) is `datetime.rs`.
//!
//! Casts: between units (NumPy's conversion and casting levels), with every number (integers
//! as ticks, floats through C's conversion: NaN becomes NaT), with text (ISO 8601 for
//! datetimes, "5 days" for timedeltas), datetime <-> timedelta (the ticks, unsafe).
//! Ufunc loops: the arithmetic NumPy defines (`M - M -> m`, `M + m -> M`, `m * int`,
//! `m / m -> float64`, ...), comparisons (NaT unequal to everything), maximum/minimum (NaT
//! wins) and fmax/fmin (NaT loses), isnat/isfinite/isinf/isnan. Integers and floats meet
//! times through the families' promoter (`DTypeImpl::promoter`): `M8[D] + 1` adds one day.

use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

use smallvec::{smallvec, SmallVec};

use super::datetime::{self as dt, Converter, Meta, Unit, NAT};
use super::method::{
    status, ArrayMethod, Family, FamilyLoop, Flags, MethodFlags, Resolved, StridedLoop,
};
use super::promote::Casting;
use super::text::{each, par_each, sized_target, text_desc, TextDesc};
use super::{ByteOrder, CompareFn, DType, DTypeImpl, Num, ScalarType};
use crate::error::{Error, Result};

/// NumPy's type numbers.
pub const NPY_DATETIME: i32 = 21;
pub const NPY_TIMEDELTA: i32 = 22;

/// Which of the two families.
pub trait TimeKind: Send + Sync + std::fmt::Debug + 'static {
    const DATETIME: bool;
}

/// datetime64.
#[derive(Debug)]
pub enum Dt {}
/// timedelta64.
#[derive(Debug)]
pub enum Td {}

impl TimeKind for Dt {
    const DATETIME: bool = true;
}
impl TimeKind for Td {
    const DATETIME: bool = false;
}

/// A time descriptor: its metadata and byte order.
#[derive(Debug)]
pub struct Time<K: TimeKind> {
    pub meta: Meta,
    pub native: bool,
    kind: PhantomData<K>,
}

pub type DateTime64 = Time<Dt>;
pub type TimeDelta64 = Time<Td>;

/// One time descriptor's parameters, whichever its family.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TimeDesc {
    pub datetime: bool,
    pub meta: Meta,
    pub native: bool,
}

impl TimeDesc {
    pub fn of(d: &DType) -> Option<TimeDesc> {
        let a = d.0.as_any();
        if let Some(t) = a.downcast_ref::<DateTime64>() {
            return Some(TimeDesc {
                datetime: true,
                meta: t.meta,
                native: t.native,
            });
        }
        a.downcast_ref::<TimeDelta64>().map(|t| TimeDesc {
            datetime: false,
            meta: t.meta,
            native: t.native,
        })
    }
    pub fn datetime(meta: Meta) -> TimeDesc {
        TimeDesc {
            datetime: true,
            meta,
            native: true,
        }
    }
    pub fn timedelta(meta: Meta) -> TimeDesc {
        TimeDesc {
            datetime: false,
            meta,
            native: true,
        }
    }
    pub fn dtype(self) -> DType {
        if self.datetime {
            DType::new(DateTime64::new(self.meta, self.native))
        } else {
            DType::new(TimeDelta64::new(self.meta, self.native))
        }
    }
    fn with_meta(self, meta: Meta) -> TimeDesc {
        TimeDesc { meta, ..self }
    }
    fn native(self) -> TimeDesc {
        TimeDesc {
            native: true,
            ..self
        }
    }
    /// The ticks of the item at `p`.
    ///
    /// # Safety
    /// `p` holds an item of this descriptor (unaligned is fine).
    #[inline]
    pub unsafe fn read(self, p: *const u8) -> i64 {
        // SAFETY: the caller's guarantee.
        let v = unsafe { std::ptr::read_unaligned(p as *const i64) };
        if self.native {
            v
        } else {
            v.swap_bytes()
        }
    }
    /// Write ticks into the item at `p`.
    ///
    /// # Safety
    /// `p` is writable for one item (unaligned is fine).
    #[inline]
    pub unsafe fn write(self, p: *mut u8, v: i64) {
        let v = if self.native { v } else { v.swap_bytes() };
        // SAFETY: the caller's guarantee.
        unsafe { std::ptr::write_unaligned(p as *mut i64, v) }
    }
}

/// The datetime64 descriptor of `meta`, native order.
pub fn datetime64(meta: Meta) -> DType {
    TimeDesc::datetime(meta).dtype()
}

/// The timedelta64 descriptor of `meta`, native order.
pub fn timedelta64(meta: Meta) -> DType {
    TimeDesc::timedelta(meta).dtype()
}

impl<K: TimeKind> Time<K> {
    pub fn new(meta: Meta, native: bool) -> Time<K> {
        Time {
            meta,
            native,
            kind: PhantomData,
        }
    }
    fn desc(&self) -> TimeDesc {
        TimeDesc {
            datetime: K::DATETIME,
            meta: self.meta,
            native: self.native,
        }
    }
}

impl<K: TimeKind> DTypeImpl for Time<K> {
    fn kind(&self) -> char {
        if K::DATETIME {
            'M'
        } else {
            'm'
        }
    }
    fn char_code(&self) -> char {
        self.kind()
    }
    fn num(&self) -> i32 {
        if K::DATETIME {
            NPY_DATETIME
        } else {
            NPY_TIMEDELTA
        }
    }
    fn itemsize(&self) -> usize {
        8
    }
    fn alignment(&self) -> usize {
        8
    }
    fn name(&self) -> String {
        let base = if K::DATETIME {
            "datetime64"
        } else {
            "timedelta64"
        };
        format!("{base}{}", self.meta.brackets())
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::of(self.native)
    }
    fn with_native_order(&self, native: bool) -> DType {
        DType::new(Time::<K>::new(self.meta, native))
    }
    fn typestr(&self) -> String {
        format!(
            "{}{}8{}",
            ByteOrder::prefix(self.native),
            self.kind(),
            self.meta.brackets()
        )
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        // NumPy's equality: no cast between them (`M8[1000ms]` is `M8[s]`).
        other.as_any().downcast_ref::<Time<K>>().is_some_and(|o| {
            o.native == self.native
                && (o.meta == self.meta
                    || dt::cast_level(self.meta, o.meta, K::DATETIME) == Casting::No)
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn flags(&self) -> Flags {
        Flags {
            parametric: true,
            ..Flags::default()
        }
    }
    fn is_unsized(&self) -> bool {
        self.meta.unit == Unit::Generic
    }
    fn cast_to(&self, to: &DType) -> Option<Arc<dyn ArrayMethod>> {
        cast_from_time(to)
    }
    fn cast_from(&self, from: &DType) -> Option<Arc<dyn ArrayMethod>> {
        cast_to_time(from)
    }
    fn common_with(&self, other: &DType) -> Option<Result<DType>> {
        common(self.desc(), other)
    }
    fn compare(&self) -> Option<CompareFn> {
        let d = self.desc();
        // NaT sorts last.
        Some(Arc::new(move |a, b| {
            // SAFETY: CompareFn's contract: an item of this descriptor at each pointer.
            let (x, y) = unsafe { (d.read(a), d.read(b)) };
            (x == NAT, x).cmp(&(y == NAT, y))
        }))
    }
    fn sorts_as(&self) -> Option<super::SortsAs> {
        // int64 ticks, NaT (the minimum) last: the compare hook's order.
        self.desc().native.then_some(super::SortsAs::Int64MinLast)
    }
    fn missing(&self) -> Option<super::MissingFn> {
        let d = self.desc();
        // SAFETY: MissingFn's contract: an item of this descriptor at the pointer.
        Some(Arc::new(move |p| unsafe { d.read(p) } == NAT))
    }
    fn promoter(&self, ufunc: &str, ins: &[DType]) -> Option<SmallVec<[DType; 3]>> {
        promote_operands(ufunc, ins)
    }
}

// ----- promotion -----

/// The integers (and bool) a timedelta holds as ticks without loss (NumPy's safe casts).
fn safe_ticks(st: ScalarType) -> bool {
    use ScalarType::*;
    matches!(
        st,
        Bool | Int8 | Int16 | Int32 | Int64 | UInt8 | UInt16 | UInt32
    )
}

/// The metadata two time descriptors meet in: NumPy's common divisor, strict about years and
/// months only between two timedeltas (a datetime with a timedelta promotes as two datetimes).
fn common_of(a: TimeDesc, b: TimeDesc) -> Result<Meta> {
    let datetime = a.datetime || b.datetime;
    dt::common_meta(a.meta, datetime, b.meta, datetime)
}

/// The descriptor time `a` and `other` promote to: the common metadata of two times (a
/// datetime when either is), a timedelta with an integer that casts to it safely.
fn common(a: TimeDesc, other: &DType) -> Option<Result<DType>> {
    if let Some(b) = TimeDesc::of(other) {
        return Some(common_of(a, b).map(|meta| {
            TimeDesc {
                datetime: a.datetime || b.datetime,
                meta,
                native: true,
            }
            .dtype()
        }));
    }
    let st = other.scalar_type()?;
    (!a.datetime && safe_ticks(st)).then(|| Ok(a.native().dtype()))
}

/// NumPy's promoters for times with numbers: the descriptors the inputs are given to the
/// time loops, or None when no loop takes them.
fn promote_operands(ufunc: &str, ins: &[DType]) -> Option<SmallVec<[DType; 3]>> {
    let found = promote_numbers(ufunc, ins);
    // NumPy's datetime-aware resolvers of the arithmetic ufuncs take nothing else (not
    // objects either): the operands as they are, which no loop takes.
    if found.is_none()
        && matches!(
            ufunc,
            "add" | "subtract" | "multiply" | "divide" | "floor_divide" | "remainder" | "divmod"
        )
    {
        return Some(ins.iter().cloned().collect());
    }
    found
}

/// The promoters of times with numbers.
fn promote_numbers(ufunc: &str, ins: &[DType]) -> Option<SmallVec<[DType; 3]>> {
    let [a, b] = ins else { return None };
    let (ta, tb) = (TimeDesc::of(a), TimeDesc::of(b));
    let int = |d: &DType| {
        d.scalar_type()
            .is_some_and(|s| s.is_int() || s == ScalarType::Bool)
    };
    let float = |d: &DType| d.scalar_type().is_some_and(|s| s.is_float());
    let i64_ = || ScalarType::Int64.dtype();
    let f64_ = || ScalarType::Float64.dtype();
    // An integer taken as ticks of the time operand's metadata.
    let ticks = |t: TimeDesc| timedelta64(t.meta);
    match ufunc {
        "add" | "subtract" => match (ta, tb) {
            (Some(t), None) if int(b) => Some(smallvec![a.clone(), ticks(t)]),
            (None, Some(t)) if int(a) && (ufunc == "add" || !t.datetime) => {
                Some(smallvec![ticks(t), b.clone()])
            }
            _ => None,
        },
        "equal" | "not_equal" | "less" | "less_equal" | "greater" | "greater_equal" | "maximum"
        | "minimum" | "fmax" | "fmin" => {
            // Integers a timedelta holds safely, as its ticks.
            let safe = |d: &DType| d.scalar_type().is_some_and(safe_ticks);
            match (ta, tb) {
                (Some(t), None) if !t.datetime && safe(b) => Some(smallvec![a.clone(), ticks(t)]),
                (None, Some(t)) if !t.datetime && safe(a) => Some(smallvec![ticks(t), b.clone()]),
                _ => None,
            }
        }
        "multiply" | "divide" | "floor_divide" => {
            // Dividing by a bool has no loop (NumPy's).
            let boolean = |d: &DType| d.scalar_type() == Some(ScalarType::Bool);
            let factor = |d: &DType| {
                if ufunc != "multiply" && boolean(d) {
                    None
                } else if int(d) {
                    Some(i64_())
                } else if float(d) {
                    Some(f64_())
                } else {
                    None
                }
            };
            match (ta, tb) {
                (Some(t), None) if !t.datetime => Some(smallvec![a.clone(), factor(b)?]),
                (None, Some(t)) if !t.datetime && ufunc == "multiply" => {
                    Some(smallvec![factor(a)?, b.clone()])
                }
                _ => None,
            }
        }
        _ => None,
    }
}

// ----- casts -----

pub(crate) fn time_desc(d: &DType) -> Result<TimeDesc> {
    TimeDesc::of(d).ok_or_else(|| Error::Type(format!("not a time dtype: {d:?}")))
}

/// The casting level between two time descriptors (NumPy 2's: the unit rule and the
/// exactness of the conversion factor, `datetime::cast_level`).
fn time_level(from: TimeDesc, to: TimeDesc) -> Casting {
    if from.datetime != to.datetime {
        return Casting::Unsafe;
    }
    if from.meta == to.meta {
        return if from.native == to.native {
            Casting::No
        } else {
            Casting::Equiv
        };
    }
    dt::cast_level(from.meta, to.meta, from.datetime)
}

/// Time to time: the ticks converted between units (datetimes floor; a datetime and a
/// timedelta exchange their ticks).
struct TimeToTime;

impl ArrayMethod for TimeToTime {
    fn name(&self) -> &str {
        "time_to_time_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let from = time_desc(&ins[0])?;
        let mut to = match &outs[0] {
            Some(d) => time_desc(d)?,
            None => from,
        };
        // A generic target takes the source's unit and byte order (`astype('M8')`); the
        // casting level is the given target's (`can_cast('M8[D]', 'M8')` is False).
        let casting = time_level(from, to);
        if to.meta.unit == Unit::Generic {
            to = TimeDesc {
                datetime: to.datetime,
                ..from
            };
        }
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to.dtype()],
            casting,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (from, to) = (time_desc(&d[0])?, time_desc(&d[1])?);
        if to.datetime && to.meta.unit == Unit::Generic && from.meta.unit != Unit::Generic {
            // A generic datetime holds NaT only.
            return Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                each(p, s, n, |q| {
                    // SAFETY: StridedLoop's contract.
                    let v = unsafe { from.read(q[0]) };
                    ensure!(
                        v == NAT,
                        Value,
                        "Cannot create a NumPy datetime other than NaT with generic units"
                    );
                    // SAFETY: as above.
                    unsafe { to.write(q[1], NAT) };
                    Ok(())
                })
            }));
        }
        // Between a datetime and a timedelta the ticks pass unchanged, whatever the units.
        let conv = if from.datetime == to.datetime && to.meta.unit != Unit::Generic {
            Converter::new(from.meta, to.meta, from.datetime)?
        } else {
            Converter::new(from.meta, from.meta, false)?
        };
        if let (true, true, Some((num, denom))) = (from.native, to.native, conv.linear()) {
            return Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                // SAFETY: StridedLoop's contract: n items at each pointer and stride.
                unsafe { rescale(p[0], s[0], p[1], s[1], n, num, denom) };
                Ok(0)
            }));
        }
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract: an item of each descriptor at each pointer.
                unsafe { to.write(q[1], conv.apply(from.read(q[0]))) };
                Ok(())
            })
        }))
    }
}

/// Below this many items a rescaling runs on one thread.
const PAR_ITEMS: usize = 1 << 16;

/// Native ticks times `num / denom`, floored, NaT kept (NumPy's linear unit conversion,
/// wrapping as its C does); contiguous runs of many items are split across threads.
///
/// # Safety
/// `src`/`dst` hold `n` int64 items at strides `ss`/`ds` (unaligned is fine).
unsafe fn rescale(
    src: *const u8,
    ss: isize,
    dst: *mut u8,
    ds: isize,
    n: usize,
    num: i64,
    denom: i64,
) {
    let one = dt::scale;
    if ss == 8 && ds == 8 && n >= PAR_ITEMS && rayon::current_num_threads() > 1 {
        use rayon::prelude::*;
        let (src, dst) = (src as usize, dst as usize);
        let chunk = n.div_ceil(rayon::current_num_threads() * 4);
        (0..n.div_ceil(chunk)).into_par_iter().for_each(|c| {
            let (lo, hi) = (c * chunk, ((c + 1) * chunk).min(n));
            for i in lo..hi {
                // SAFETY: item i of the caller's contiguous runs; chunks are disjoint.
                unsafe {
                    let v = std::ptr::read_unaligned((src as *const i64).add(i));
                    std::ptr::write_unaligned((dst as *mut i64).add(i), one(v, num, denom));
                }
            }
        });
        return;
    }
    for i in 0..n as isize {
        // SAFETY: the caller's guarantee.
        unsafe {
            let v = std::ptr::read_unaligned(src.offset(i * ss) as *const i64);
            std::ptr::write_unaligned(dst.offset(i * ds) as *mut i64, one(v, num, denom));
        }
    }
}

/// A number to ticks: integers as they are, floats through C's conversion (NaN and values
/// out of range become NaT, raising 'invalid').
struct NumToTime(ScalarType);

impl ArrayMethod for NumToTime {
    fn name(&self) -> &str {
        "number_to_time_cast"
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let to = time_desc(
            outs[0]
                .as_ref()
                .ok_or_else(|| Error::Type("a cast to a time dtype needs its target".into()))?,
        )?;
        let casting = match self.0 {
            _ if to.datetime => Casting::Unsafe,
            st if safe_ticks(st) => Casting::Safe,
            ScalarType::UInt64 => Casting::SameKind,
            _ => Casting::Unsafe,
        };
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to.dtype()],
            casting,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (st, swap, to) = (self.0, !d[0].is_native(), time_desc(&d[1])?);
        ensure!(
            !(to.datetime && to.meta.unit == Unit::Generic),
            Value,
            "Cannot convert a NumPy datetime value other than NaT with generic units"
        );
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract.
                unsafe {
                    let v = super::cast::read_num(q[0], st, swap);
                    if matches!(v, Num::F(x) | Num::C(x, _) if x.is_nan()) {
                        // NaN is NaT, without a condition (NumPy's).
                        to.write(q[1], NAT);
                    } else {
                        super::cast::cast_num(v, q[1], ScalarType::Int64, !to.native);
                    }
                }
                Ok(())
            })
        }))
    }
}

/// Ticks to a number, as int64 casts.
struct TimeToNum(ScalarType);

impl ArrayMethod for TimeToNum {
    fn name(&self) -> &str {
        "time_to_number_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let to = outs[0].clone().unwrap_or_else(|| self.0.dtype());
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to],
            casting: Casting::Unsafe,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (from, st, swap) = (time_desc(&d[0])?, self.0, !d[1].is_native());
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract.
                unsafe { super::cast::cast_num(Num::I(from.read(q[0])), q[1], st, swap) };
                Ok(())
            })
        }))
    }
}

/// NumPy's words for a timedelta's unit ("5 days").
fn unit_words(u: Unit) -> &'static str {
    match u {
        Unit::Year => "years",
        Unit::Month => "months",
        Unit::Week => "weeks",
        Unit::Day => "days",
        Unit::Hour => "hours",
        Unit::Minute => "minutes",
        Unit::Second => "seconds",
        Unit::Milli => "milliseconds",
        Unit::Micro => "microseconds",
        Unit::Nano => "nanoseconds",
        Unit::Pico => "picoseconds",
        Unit::Femto => "femtoseconds",
        Unit::Atto => "attoseconds",
        Unit::Generic => "generic time units",
    }
}

/// NumPy's `str` of a timedelta: "NaT", or the count of units ("10 hours" for 5 of [2h]).
pub fn timedelta_str(v: i64, meta: Meta) -> String {
    if v == NAT {
        return "NaT".into();
    }
    let count = (v as i128) * (meta.num as i128);
    format!("{count} {}", unit_words(meta.unit))
}

/// The text of one time item, as a cast to text writes it.
pub fn item_text(t: TimeDesc, v: i64) -> Result<String> {
    if t.datetime {
        dt::format_iso(v, t.meta, None, false)
    } else {
        Ok(timedelta_str(v, t.meta))
    }
}

/// Characters a cast to unsized text gives a time descriptor.
fn text_width(t: TimeDesc) -> usize {
    if t.datetime {
        dt::iso_strlen(t.meta.unit)
    } else {
        21
    }
}

/// Time to text: ISO 8601 for datetimes (an item that does not fit is NumPy's RuntimeError),
/// NumPy's `str` for timedeltas (truncated).
struct TimeToText;

impl ArrayMethod for TimeToText {
    fn name(&self) -> &str {
        "time_to_text_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let from = time_desc(&ins[0])?;
        let to = sized_target(&outs[0], text_width(from))?;
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to.dtype()],
            casting: Casting::Unsafe,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (from, to) = (time_desc(&d[0])?, text_desc(&d[1])?);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            par_each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract.
                let v = unsafe { from.read(q[0]) };
                let text = item_text(from, v)?;
                // NumPy writes a timedelta's text into 21 characters first.
                let len = if from.datetime {
                    text.len()
                } else {
                    text.len().min(21)
                };
                ensure!(
                    !from.datetime || len <= to.chars,
                    Runtime,
                    "The string provided for NumPy ISO datetime formatting was too short, with length {}",
                    to.chars
                );
                // The text is ASCII: its bytes are its characters, cut and padded to the item.
                let chars = text
                    .bytes()
                    .take(len)
                    .map(u32::from)
                    .chain(std::iter::repeat(0));
                for (i, c) in chars.take(to.chars).enumerate() {
                    // SAFETY: as above; i is within the item.
                    unsafe { to.put(q[1], i, c) };
                }
                Ok(())
            })
        }))
    }
}

/// Parse one datetime's text into ticks of `meta` (the unit's own ticks converted, so a
/// multiple such as [3D] floors).
pub fn parse_datetime(text: &str, meta: Meta) -> Result<i64> {
    let unit = (meta.unit != Unit::Generic).then_some(meta.unit);
    let parsed = dt::parse_iso(text, unit, Casting::Unsafe)?;
    if parsed.value == NAT {
        return Ok(NAT);
    }
    ensure!(
        meta.unit != Unit::Generic || parsed.unit == Unit::Generic,
        Value,
        "Cannot convert a NumPy datetime value other than NaT with generic units"
    );
    let own = Meta::new(parsed.unit);
    if own == meta {
        return Ok(parsed.value);
    }
    Ok(Converter::new(own, meta, true)?.apply(parsed.value))
}

/// Parse one timedelta's text as NumPy does: empty or 'NaT' (any case) is NaT, else C's
/// `strtol` (leading whitespace, a sign, digits; out of range saturates) that must use the
/// whole text.
pub fn parse_timedelta(text: &str) -> Result<i64> {
    if text.is_empty() || text.eq_ignore_ascii_case("nat") {
        return Ok(NAT);
    }
    let t = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    ensure!(
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
        Value,
        "Could not convert object to NumPy timedelta"
    );
    let mut v: i128 = 0;
    for b in digits.bytes() {
        v = (v * 10 + i128::from(b - b'0')).min(i128::from(i64::MAX) + 1);
    }
    let v = if negative { -v } else { v };
    Ok(v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
}

/// Text to time: ISO 8601 for datetimes, an integer for timedeltas.
struct TextToTime;

impl ArrayMethod for TextToTime {
    fn name(&self) -> &str {
        "text_to_time_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let to = outs[0]
            .clone()
            .ok_or_else(|| Error::Type("a cast to a time dtype needs its target".into()))?;
        time_desc(&to)?;
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to],
            casting: Casting::Unsafe,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (from, to) = (text_desc(&d[0])?, time_desc(&d[1])?);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            par_each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract.
                let t = unsafe { from.read(q[0]) };
                let text: String = t.iter().filter_map(|&c| char::from_u32(c)).collect();
                let v = if to.datetime {
                    parse_datetime(&text, to.meta)?
                } else {
                    parse_timedelta(&text)?
                };
                // SAFETY: as above.
                unsafe { to.write(q[1], v) };
                Ok(())
            })
        }))
    }
}

/// The cast from a time descriptor to `to`, when `to` is a time, a number or text.
fn cast_from_time(to: &DType) -> Option<Arc<dyn ArrayMethod>> {
    if TimeDesc::of(to).is_some() {
        return Some(Arc::new(TimeToTime));
    }
    if TextDesc::of(to).is_some() {
        return Some(Arc::new(TimeToText));
    }
    to.scalar_type()
        .map(|st| Arc::new(TimeToNum(st)) as Arc<dyn ArrayMethod>)
}

/// The cast from `from` (a time, a number or text) to a time descriptor.
fn cast_to_time(from: &DType) -> Option<Arc<dyn ArrayMethod>> {
    if TimeDesc::of(from).is_some() {
        return Some(Arc::new(TimeToTime));
    }
    if TextDesc::of(from).is_some() {
        return Some(Arc::new(TextToTime));
    }
    from.scalar_type()
        .map(|st| Arc::new(NumToTime(st)) as Arc<dyn ArrayMethod>)
}

// ----- ufunc loops -----

/// An 8-byte or bool item a time loop reads or writes (native order: the loops resolve
/// native descriptors, and the engine casts other orders to them).
trait Item: Copy {
    /// # Safety
    /// `p` holds an item of this type.
    unsafe fn get(p: *const u8) -> Self;
    /// # Safety
    /// `p` is writable for one item of this type.
    unsafe fn put(p: *mut u8, v: Self);
}

impl Item for i64 {
    #[inline(always)]
    unsafe fn get(p: *const u8) -> i64 {
        // SAFETY: the caller's guarantee.
        unsafe { std::ptr::read_unaligned(p as *const i64) }
    }
    #[inline(always)]
    unsafe fn put(p: *mut u8, v: i64) {
        // SAFETY: the caller's guarantee.
        unsafe { std::ptr::write_unaligned(p as *mut i64, v) }
    }
}

impl Item for f64 {
    #[inline(always)]
    unsafe fn get(p: *const u8) -> f64 {
        // SAFETY: the caller's guarantee.
        unsafe { std::ptr::read_unaligned(p as *const f64) }
    }
    #[inline(always)]
    unsafe fn put(p: *mut u8, v: f64) {
        // SAFETY: the caller's guarantee.
        unsafe { std::ptr::write_unaligned(p as *mut f64, v) }
    }
}

impl Item for bool {
    #[inline(always)]
    unsafe fn get(p: *const u8) -> bool {
        // SAFETY: the caller's guarantee (a bool item is 0 or 1).
        unsafe { *p != 0 }
    }
    #[inline(always)]
    unsafe fn put(p: *mut u8, v: bool) {
        // SAFETY: the caller's guarantee.
        unsafe { *p = v as u8 }
    }
}

/// A one-input loop: `f` gives the output and status bits.
fn unary<A: Item, O: Item>(f: impl Fn(A) -> (O, u32) + Send + Sync + 'static) -> StridedLoop {
    Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
        let (a, o) = (p[0], p[1]);
        let (sa, so) = (s[0], s[1]);
        let mut st = 0;
        for i in 0..n as isize {
            // SAFETY: StridedLoop's contract: item i of each operand is in bounds.
            unsafe {
                let (r, k) = f(A::get(a.offset(i * sa)));
                st |= k;
                O::put(o.offset(i * so), r);
            }
        }
        Ok(st)
    })
}

/// A two-input loop: `f` gives the output and status bits.
fn binary<A: Item, B: Item, O: Item>(
    f: impl Fn(A, B) -> (O, u32) + Send + Sync + 'static,
) -> StridedLoop {
    Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
        let (a, b, o) = (p[0], p[1], p[2]);
        let (sa, sb, so) = (s[0], s[1], s[2]);
        let mut st = 0;
        if sa == 8 && sb == 8 && so == std::mem::size_of::<O>() as isize {
            // Contiguous: constant strides let the compiler unroll and vectorise.
            for i in 0..n {
                // SAFETY: as below, with the strides just checked.
                unsafe {
                    let (r, k) = f(A::get(a.add(i * 8)), B::get(b.add(i * 8)));
                    st |= k;
                    O::put(o.add(i * std::mem::size_of::<O>()), r);
                }
            }
            return Ok(st);
        }
        for i in 0..n as isize {
            // SAFETY: StridedLoop's contract: item i of each operand is in bounds.
            unsafe {
                let (r, k) = f(A::get(a.offset(i * sa)), B::get(b.offset(i * sb)));
                st |= k;
                O::put(o.offset(i * so), r);
            }
        }
        Ok(st)
    })
}

/// A float to ticks as C converts (NaN and out of range give NaT and 'invalid').
#[inline(always)]
fn float_ticks(x: f64) -> (i64, u32) {
    // C's conversion is defined on (-2^63 - 1, 2^63); x86-64 gives i64::MIN (NaT) elsewhere.
    if x > -9.223_372_036_854_777e18 && x < 9.223_372_036_854_776e18 {
        (x as i64, 0)
    } else {
        (NAT, status::INVALID)
    }
}

/// A product or quotient to ticks as NumPy's loops convert it: NaT when it is not finite
/// (the operation raised its own conditions), else C's conversion.
#[inline(always)]
fn finite_ticks(x: f64) -> (i64, u32) {
    if x.is_finite() {
        float_ticks(x)
    } else {
        (NAT, 0)
    }
}

/// Python's floor division and modulo of ticks (`b != 0`, neither NaT).
#[inline(always)]
fn floor_divmod(a: i64, b: i64) -> (i64, i64) {
    let (q, r) = (a.wrapping_div(b), a.wrapping_rem(b));
    if r != 0 && ((r < 0) != (b < 0)) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// The arithmetic and comparison operations, each a (ufunc, input families) loop.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Op {
    // comparisons (two times of one family -> bool)
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    // two times of one family, common metadata, same family out
    Max,
    Min,
    FMax,
    FMin,
    /// datetime + timedelta, timedelta + datetime, timedelta + timedelta
    Add,
    /// datetime - timedelta, timedelta - timedelta
    Sub,
    /// datetime - datetime -> timedelta
    DiffDates,
    /// timedelta * int64 (either side)
    MulInt,
    /// timedelta * float64 (either side)
    MulFloat,
    /// timedelta / int64, timedelta // int64 (C's truncation)
    DivInt,
    /// timedelta / float64, timedelta // float64
    DivFloat,
    /// timedelta / timedelta -> float64
    Ratio,
    /// timedelta // timedelta -> int64
    FloorDiv,
    /// timedelta % timedelta
    Rem,
    /// divmod(timedelta, timedelta) -> (int64, timedelta)
    DivMod,
    // one input
    Neg,
    Pos,
    Abs,
    Sign,
    IsNat,
    IsFinite,
    IsInf,
}

/// One time loop: resolution (common metadata, output descriptors) and the loop.
struct TimeLoop {
    op: Op,
    name: &'static str,
}

impl TimeLoop {
    /// Descriptors of every operand for the inputs' descriptors.
    fn resolve(&self, ins: &[DType]) -> Result<SmallVec<[DType; 4]>> {
        use Op::*;
        let t = |k: usize| time_desc(&ins[k]);
        let bool_ = || ScalarType::Bool.dtype();
        let common = common_of;
        Ok(match self.op {
            Eq | Ne | Lt | Le | Gt | Ge => {
                let (a, b) = (t(0)?, t(1)?);
                let m = common(a, b)?;
                smallvec![
                    a.native().with_meta(m).dtype(),
                    b.native().with_meta(m).dtype(),
                    bool_()
                ]
            }
            Max | Min | FMax | FMin | Add | Sub | DiffDates | Rem => {
                let (a, b) = (t(0)?, t(1)?);
                let m = common(a, b)?;
                let (a, b) = (a.native().with_meta(m), b.native().with_meta(m));
                let out = match self.op {
                    DiffDates => TimeDesc::timedelta(m),
                    Add | Sub => TimeDesc {
                        datetime: a.datetime || b.datetime,
                        ..a
                    },
                    _ => a,
                };
                smallvec![a.dtype(), b.dtype(), out.dtype()]
            }
            Ratio | FloorDiv | DivMod => {
                let (a, b) = (t(0)?, t(1)?);
                let m = common(a, b)?;
                let (a, b) = (a.native().with_meta(m), b.native().with_meta(m));
                let q = if self.op == Ratio {
                    ScalarType::Float64
                } else {
                    ScalarType::Int64
                };
                let mut v: SmallVec<[DType; 4]> = smallvec![a.dtype(), b.dtype(), q.dtype()];
                if self.op == DivMod {
                    v.push(a.dtype());
                }
                v
            }
            MulInt | MulFloat => {
                let (k, other) = if TimeDesc::of(&ins[0]).is_some() {
                    (0, 1)
                } else {
                    (1, 0)
                };
                let a = t(k)?.native();
                let f = ins[other].to_native();
                let mut v: SmallVec<[DType; 4]> = smallvec![f.clone(), f];
                v[k] = a.dtype();
                v.push(a.dtype());
                v
            }
            DivInt | DivFloat => {
                let a = t(0)?.native();
                smallvec![a.dtype(), ins[1].to_native(), a.dtype()]
            }
            Neg | Pos | Abs | Sign => {
                let a = t(0)?.native();
                smallvec![a.dtype(), a.dtype()]
            }
            IsNat | IsFinite | IsInf => smallvec![t(0)?.native().dtype(), bool_()],
        })
    }

    fn make(&self, descrs: &[DType]) -> Result<StridedLoop> {
        use Op::*;
        let nat2 = |a: i64, b: i64| a == NAT || b == NAT;
        Ok(match self.op {
            Eq => binary(move |a: i64, b: i64| (a == b && a != NAT, 0)),
            Ne => binary(move |a: i64, b: i64| (a != b || a == NAT, 0)),
            Lt => binary(move |a: i64, b: i64| (!nat2(a, b) && a < b, 0)),
            Le => binary(move |a: i64, b: i64| (!nat2(a, b) && a <= b, 0)),
            Gt => binary(move |a: i64, b: i64| (!nat2(a, b) && a > b, 0)),
            Ge => binary(move |a: i64, b: i64| (!nat2(a, b) && a >= b, 0)),
            Max => binary(move |a: i64, b: i64| (if nat2(a, b) { NAT } else { a.max(b) }, 0)),
            Min => binary(move |a: i64, b: i64| (if nat2(a, b) { NAT } else { a.min(b) }, 0)),
            FMax => binary(move |a: i64, b: i64| {
                (
                    match (a == NAT, b == NAT) {
                        (true, _) => b,
                        (_, true) => a,
                        _ => a.max(b),
                    },
                    0,
                )
            }),
            FMin => binary(move |a: i64, b: i64| {
                (
                    match (a == NAT, b == NAT) {
                        (true, _) => b,
                        (_, true) => a,
                        _ => a.min(b),
                    },
                    0,
                )
            }),
            Add => {
                binary(move |a: i64, b: i64| (if nat2(a, b) { NAT } else { a.wrapping_add(b) }, 0))
            }
            Sub | DiffDates => {
                binary(move |a: i64, b: i64| (if nat2(a, b) { NAT } else { a.wrapping_sub(b) }, 0))
            }
            MulInt => {
                let f = move |t: i64, k: i64| (if t == NAT { NAT } else { t.wrapping_mul(k) }, 0);
                if TimeDesc::of(&descrs[0]).is_some() {
                    binary(f)
                } else {
                    binary(move |k: i64, t: i64| f(t, k))
                }
            }
            MulFloat => {
                let f = move |t: i64, x: f64| {
                    if t == NAT || x.is_nan() {
                        (NAT, 0)
                    } else {
                        finite_ticks(t as f64 * x)
                    }
                };
                if TimeDesc::of(&descrs[0]).is_some() {
                    binary(f)
                } else {
                    binary(move |x: f64, t: i64| f(t, x))
                }
            }
            DivInt => binary(move |t: i64, k: i64| {
                if k == 0 {
                    (NAT, status::DIVIDE_BY_ZERO)
                } else if t == NAT {
                    (NAT, 0)
                } else {
                    (t.wrapping_div(k), 0)
                }
            }),
            DivFloat => binary(move |t: i64, x: f64| {
                // NumPy's: the division's own conditions; a result that is not finite is NaT
                // without one more.
                if t == NAT || x.is_nan() {
                    (NAT, 0)
                } else {
                    finite_ticks(t as f64 / x)
                }
            }),
            Ratio => binary(move |a: i64, b: i64| {
                if nat2(a, b) {
                    (f64::NAN, 0)
                } else {
                    (a as f64 / b as f64, 0)
                }
            }),
            FloorDiv => binary(move |a: i64, b: i64| {
                if nat2(a, b) {
                    (0, status::INVALID)
                } else if b == 0 {
                    (0, status::DIVIDE_BY_ZERO)
                } else {
                    (floor_divmod(a, b).0, 0)
                }
            }),
            Rem => binary(move |a: i64, b: i64| {
                if nat2(a, b) {
                    (NAT, 0)
                } else if b == 0 {
                    (NAT, status::DIVIDE_BY_ZERO)
                } else {
                    (floor_divmod(a, b).1, 0)
                }
            }),
            DivMod => Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                let mut st = 0;
                for i in 0..n as isize {
                    // SAFETY: StridedLoop's contract: item i of each operand is in bounds.
                    unsafe {
                        let a = i64::get(p[0].offset(i * s[0]));
                        let b = i64::get(p[1].offset(i * s[1]));
                        let (q, r) = if nat2(a, b) {
                            st |= status::INVALID;
                            (0, NAT)
                        } else if b == 0 {
                            st |= status::DIVIDE_BY_ZERO;
                            (0, NAT)
                        } else {
                            floor_divmod(a, b)
                        };
                        i64::put(p[2].offset(i * s[2]), q);
                        i64::put(p[3].offset(i * s[3]), r);
                    }
                }
                Ok(st)
            }),
            Neg => unary(move |a: i64| (a.wrapping_neg(), 0)),
            Pos => unary(move |a: i64| (a, 0)),
            Abs => unary(move |a: i64| (a.wrapping_abs(), 0)),
            Sign => unary(move |a: i64| (a.signum(), 0)),
            IsNat => unary(move |a: i64| (a == NAT, 0)),
            IsFinite => unary(move |a: i64| (a != NAT, 0)),
            IsInf => unary(move |_: i64| (false, 0)),
        })
    }
}

impl ArrayMethod for TimeLoop {
    fn name(&self) -> &str {
        self.name
    }
    fn flags(&self) -> MethodFlags {
        // These compute in floating point: the caller reads the hardware's conditions.
        let quiet = !matches!(self.op, Op::Ratio | Op::MulFloat | Op::DivFloat);
        MethodFlags {
            needs_api: false,
            no_fp_errors: quiet,
        }
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let descrs = self.resolve(ins)?;
        let _ = outs;
        let casting = super::method::inputs_casting(ins, &descrs);
        Ok(Resolved { descrs, casting })
    }
    fn get_loop(&self, descrs: &[DType]) -> Result<StridedLoop> {
        self.make(descrs)
    }
}

/// The families' ufunc loops, for `dispatch::methods::register`.
pub fn loops() -> Vec<FamilyLoop> {
    use Op::*;
    let m = Family::of::<DateTime64>();
    let d = Family::of::<TimeDelta64>();
    let i = ScalarType::Int64.dtype().family();
    let f = ScalarType::Float64.dtype().family();
    let mut v = Vec::new();
    let mut add = |ufunc: &'static str, ins: SmallVec<[Family; 3]>, op: Op| {
        v.push(FamilyLoop {
            ufunc,
            ins,
            method: Arc::new(TimeLoop { op, name: ufunc }),
        })
    };
    for fam in [m, d] {
        for (name, op) in [
            ("equal", Eq),
            ("not_equal", Ne),
            ("less", Lt),
            ("less_equal", Le),
            ("greater", Gt),
            ("greater_equal", Ge),
            ("maximum", Max),
            ("minimum", Min),
            ("fmax", FMax),
            ("fmin", FMin),
        ] {
            add(name, smallvec![fam, fam], op);
        }
        for (name, op) in [
            ("isnat", IsNat),
            ("isfinite", IsFinite),
            ("isinf", IsInf),
            ("isnan", IsNat),
        ] {
            add(name, smallvec![fam], op);
        }
    }
    add("add", smallvec![m, d], Add);
    add("add", smallvec![d, m], Add);
    add("add", smallvec![d, d], Add);
    add("subtract", smallvec![m, d], Sub);
    add("subtract", smallvec![d, d], Sub);
    add("subtract", smallvec![m, m], DiffDates);
    add("multiply", smallvec![d, i], MulInt);
    add("multiply", smallvec![i, d], MulInt);
    add("multiply", smallvec![d, f], MulFloat);
    add("multiply", smallvec![f, d], MulFloat);
    add("divide", smallvec![d, i], DivInt);
    add("divide", smallvec![d, f], DivFloat);
    add("divide", smallvec![d, d], Ratio);
    add("floor_divide", smallvec![d, i], DivInt);
    add("floor_divide", smallvec![d, f], DivFloat);
    add("floor_divide", smallvec![d, d], FloorDiv);
    add("remainder", smallvec![d, d], Rem);
    add("divmod", smallvec![d, d], DivMod);
    add("negative", smallvec![d], Neg);
    add("positive", smallvec![d], Pos);
    add("absolute", smallvec![d], Abs);
    add("sign", smallvec![d], Sign);
    v
}
