//! NumPy's datetime64/timedelta64 logic, without arrays: units and metadata, the proleptic
//! Gregorian calendar, conversions between units, and ISO 8601 parsing and formatting.
//!
//! Ported from NumPy 2.4's `datetime.c`, `datetime_strings.c` and the datetime casts of
//! `dtype_transfer.c`. Values match NumPy's bit for bit, including where NumPy's C arithmetic
//! wraps around on overflow (casts of huge values, 20-digit years): the port wraps the same way
//! where NumPy 2.4 does not check. Nothing here panics on any input.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::dtype::promote::Casting;
use crate::error::{Error, Result};

/// NumPy's Not-a-Time: the smallest int64.
pub const NAT: i64 = i64::MIN;

/// NumPy's `NPY_DATETIME_MAX_ISO8601_STRLEN`: the string size `datetime_as_string(unit='auto')`
/// allocates.
pub const ISO_MAX_STRLEN: usize = 62;

/// NumPy's datetime units, in NumPy's order (NPY_DATETIMEUNIT without the removed B).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Milli,
    Micro,
    Nano,
    Pico,
    Femto,
    Atto,
    Generic,
}

use Unit::*;

/// Days per month, in a common and in a leap year.
const DAYS_PER_MONTH: [[i32; 12]; 2] = [
    [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
];

/// Days in 400 Gregorian years.
const DAYS_PER_400_YEARS: i64 = 146_097;

impl Unit {
    pub const ALL: [Unit; 14] = [
        Year, Month, Week, Day, Hour, Minute, Second, Milli, Micro, Nano, Pico, Femto, Atto,
        Generic,
    ];

    /// 'Y', 'M', 'W', 'D', 'h', 'm', 's', 'ms', 'us', 'ns', 'ps', 'fs', 'as', 'generic'
    pub fn name(self) -> &'static str {
        match self {
            Year => "Y",
            Month => "M",
            Week => "W",
            Day => "D",
            Hour => "h",
            Minute => "m",
            Second => "s",
            Milli => "ms",
            Micro => "us",
            Nano => "ns",
            Pico => "ps",
            Femto => "fs",
            Atto => "as",
            Generic => "generic",
        }
    }

    /// From a unit's name ('us' and 'μs' as NumPy accepts); None otherwise.
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "Y" => Year,
            "M" => Month,
            "W" => Week,
            "D" => Day,
            "h" => Hour,
            "m" => Minute,
            "s" => Second,
            "ms" => Milli,
            "us" | "\u{3bc}s" => Micro,
            "ns" => Nano,
            "ps" => Pico,
            "fs" => Femto,
            "as" => Atto,
            "generic" => Generic,
            _ => return None,
        })
    }

    /// NumPy's NPY_DATETIMEUNIT value (which keeps 3 for the removed business days).
    pub fn code(self) -> i32 {
        let i = self as i32;
        if self >= Day {
            i + 1
        } else {
            i
        }
    }

    /// Years and months: the units of no fixed length.
    pub fn is_nonlinear(self) -> bool {
        matches!(self, Year | Month)
    }

    /// NumPy's `_datetime_factors`: this unit in units of the next one.
    fn step(self) -> u64 {
        match self {
            Year | Month => 1,
            Week => 7,
            Day => 24,
            Hour | Minute => 60,
            Second | Milli | Micro | Nano | Pico | Femto => 1000,
            Atto => 1,
            Generic => 0,
        }
    }

    fn at(i: usize) -> Unit {
        Unit::ALL.get(i).copied().unwrap_or(Generic)
    }
}

/// A descriptor's time metadata: `num` units of `unit` per tick ([25s] is Second, 25).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Meta {
    pub unit: Unit,
    pub num: i64,
}

impl Meta {
    pub const GENERIC: Meta = Meta {
        unit: Generic,
        num: 1,
    };

    pub fn new(unit: Unit) -> Meta {
        Meta { unit, num: 1 }
    }

    /// The text between the brackets of 'M8[25s]' ("25s", "s", "generic", "3D", "s/2"), with
    /// NumPy's errors for the bracketed metadata string (`Meta::parse_metastr` of "[inner]").
    pub fn parse(inner: &str) -> Result<Meta> {
        Meta::parse_metastr(&format!("[{inner}]"))
    }

    /// NumPy's parse_datetime_metadata_from_metastr: what follows 'M8' in a dtype string,
    /// "" (generic) or "[25s]".
    pub fn parse_metastr(s: &str) -> Result<Meta> {
        let b = s.as_bytes();
        let len = b.len();
        if len == 0 {
            return Ok(Meta::GENERIC);
        }
        let bad = |pos: usize| {
            if pos != 0 {
                Error::Type(format!(
                    "Invalid datetime metadata string \"{}\" at position {pos}",
                    shown(s)
                ))
            } else {
                Error::Type(format!("Invalid datetime metadata string \"{}\"", shown(s)))
            }
        };
        if len < 3 {
            return Err(bad(0));
        }
        if b[0] != b'[' {
            return Err(bad(1));
        }
        let mut end = 1;
        while end < len && b[end] != b']' {
            end += 1;
        }
        if end == len || end == 1 {
            return Err(bad(end));
        }
        let meta = parse_extended(b, 1, end - 1, Some(s))?;
        if end + 1 != len {
            return Err(bad(end + 1));
        }
        Ok(meta)
    }

    /// NumPy's convert_pyobject_to_datetime_metadata for a string (the unit argument of
    /// `np.datetime64(1, '25s')`): "[25s]" as a metadata string, else "25s" with the errors
    /// of a bare unit ('Invalid datetime unit "x" in metadata').
    pub fn from_unit_str(s: &str) -> Result<Meta> {
        if s.starts_with('[') {
            Meta::parse_metastr(s)
        } else {
            parse_extended(s.as_bytes(), 0, s.len(), None)
        }
    }

    /// "[25s]" / "[s]", and "" for generic (as in 'datetime64' / '<M8').
    pub fn brackets(&self) -> String {
        if self.unit == Generic {
            String::new()
        } else {
            format!("[{}]", self.inner())
        }
    }

    /// "25s" / "s" / "generic": the metadata without brackets.
    pub fn inner(&self) -> String {
        if self.unit == Generic {
            "generic".to_string()
        } else if self.num == 1 {
            self.unit.name().to_string()
        } else {
            format!("{}{}", self.num, self.unit.name())
        }
    }
}

/// A text as C's "%s" shows it: up to its first NUL.
fn shown(s: &str) -> &str {
    s.split('\0').next().unwrap_or("")
}

/// C's `isspace` in the C locale.
fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// C's `strtol(.., 10)` over `b` from `pos` (the text ends at the end of `b`): the value
/// (saturated) and the end position, which is `pos` when no digits were read.
fn strtol(b: &[u8], pos: usize) -> (i64, usize) {
    let mut p = pos;
    while p < b.len() && is_c_space(b[p]) {
        p += 1;
    }
    let neg = p < b.len() && b[p] == b'-';
    if p < b.len() && (b[p] == b'-' || b[p] == b'+') {
        p += 1;
    }
    let digits = p;
    let mut v: i64 = 0;
    let mut overflow = false;
    while p < b.len() && b[p].is_ascii_digit() {
        let d = i64::from(b[p] - b'0');
        match v.checked_mul(10).and_then(|x| {
            if neg {
                x.checked_sub(d)
            } else {
                x.checked_add(d)
            }
        }) {
            Some(x) => v = x,
            None => overflow = true,
        }
        p += 1;
    }
    if p == digits {
        return (0, pos);
    }
    if overflow {
        v = if neg { i64::MIN } else { i64::MAX };
    }
    (v, p)
}

/// NumPy's parse_datetime_extended_unit_from_string: "25s", "s/2" in `b[start..start + len]`.
/// Like NumPy, a denominator's closing ']' is looked for past `len` (in the metadata string).
/// `metastr` is the whole metadata string for error messages (then `b` is its bytes).
fn parse_extended(b: &[u8], start: usize, len: usize, metastr: Option<&str>) -> Result<Meta> {
    let whole = String::from_utf8_lossy(&b[start.min(b.len())..]).into_owned();
    let bad = |pos: usize| match metastr {
        Some(m) => Error::Type(format!(
            "Invalid datetime metadata string \"{}\" at position {pos}",
            shown(m)
        )),
        None => Error::Type(format!(
            "Invalid datetime metadata string \"{}\"",
            shown(&whole)
        )),
    };
    let end = (start + len).min(b.len());
    let mut sub = start;
    let (v, after) = strtol(b, sub);
    let num = if after == sub {
        1
    } else {
        if v > i64::from(i32::MAX) || v < 0 {
            return Err(bad(sub));
        }
        v
    };
    sub = after;
    let mut unit_end = sub;
    while unit_end < end && b[unit_end] != b'/' {
        unit_end += 1;
    }
    if sub >= unit_end {
        return Err(bad(sub));
    }
    let text = String::from_utf8_lossy(&b[sub..unit_end]);
    let Some(unit) = Unit::parse(&text) else {
        return Err(match metastr {
            Some(m) => Error::Type(format!(
                "Invalid datetime unit in metadata string \"{}\"",
                shown(m)
            )),
            None => Error::Type(format!(
                "Invalid datetime unit \"{}\" in metadata",
                shown(&String::from_utf8_lossy(&b[sub..]))
            )),
        });
    };
    sub = unit_end;
    let mut meta = Meta { unit, num };
    if sub < end && b[sub] == b'/' {
        sub += 1;
        let (d, after) = strtol(b, sub);
        if after == sub || b.get(after) != Some(&b']') {
            return Err(bad(sub));
        }
        // NumPy keeps the denominator in a C int.
        let den = d as i32;
        if den != 1 {
            divisor_to_multiple(&mut meta, den, metastr)?;
        }
    } else if sub != end {
        return Err(bad(sub));
    }
    Ok(meta)
}

/// The multiples a divisor of seconds and finer units may divide.
static SUBSECOND_TRIES: [i32; 2] = [1000, 1_000_000];

/// NumPy's convert_datetime_divisor_to_multiple: [s/2] is [500ms].
fn divisor_to_multiple(meta: &mut Meta, den: i32, metastr: Option<&str>) -> Result<()> {
    let (tries, units): (&[i32], [Unit; 4]) = match meta.unit {
        Generic => crate::bail!(Value, "Can't use 'den' divisor with generic units"),
        Year => (&[12, 52, 365], [Month, Week, Day, Year]),
        Month => (&[4, 30, 720], [Week, Day, Hour, Year]),
        // NumPy tries a fourth, zero entry for weeks, which gives [0Y] for any divisor.
        Week => (&[7, 168, 10080, 0], [Day, Hour, Minute, Year]),
        Day => (&[24, 1440, 86400], [Hour, Minute, Second, Year]),
        Hour => (&[60, 3600], [Minute, Second, Year, Year]),
        Minute => (&[60, 60000], [Second, Milli, Year, Year]),
        u => {
            let i = u as usize;
            let next = [Unit::at(i + 1), Unit::at(i + 2), Year, Year];
            let n = match u {
                Femto => 1,
                Atto => 0,
                _ => 2,
            };
            (&SUBSECOND_TRIES[..n], next)
        }
    };
    // NumPy divides by zero here (and crashes); a zero divisor is not a multiple.
    let found = tries.iter().enumerate().find_map(|(i, &t)| {
        (den != 0 && t.wrapping_rem(den) == 0).then(|| (units[i], t.wrapping_div(den)))
    });
    let Some((unit, q)) = found else {
        match metastr {
            Some(m) => crate::bail!(
                Value,
                "divisor ({den}) is not a multiple of a lower-unit in datetime metadata \"{}\"",
                shown(m)
            ),
            None => crate::bail!(
                Value,
                "divisor ({den}) is not a multiple of a lower-unit in datetime metadata"
            ),
        }
    };
    meta.unit = unit;
    meta.num = i64::from((meta.num as i32).wrapping_mul(q));
    Ok(())
}

/// NumPy's get_datetime_units_factor: `big` in units of `little` (`big <= little`), 0 when it
/// does not fit in 56 bits.
fn units_factor(big: Unit, little: Unit) -> u64 {
    let mut factor: u64 = 1;
    for i in big as usize..little as usize {
        factor = factor.wrapping_mul(Unit::at(i).step());
        if factor & 0xff00_0000_0000_0000 != 0 {
            return 0;
        }
    }
    factor
}

/// NumPy's _uint64_euclidean_gcd.
fn gcd(mut x: u64, mut y: u64) -> u64 {
    if x > y {
        std::mem::swap(&mut x, &mut y);
    }
    while x != y && y != 0 {
        let t = x % y;
        x = y;
        y = t;
    }
    x
}

/// NumPy's compute_datetime_metadata_greatest_common_divisor: the metadata both convert to.
/// `datetime_a`/`datetime_b` say whether each side is a datetime (else timedelta): years and
/// months mix with linear units for datetimes only, as NumPy's `datetime_type_promotion`
/// (NumPy promotes a datetime with a timedelta as two datetimes).
pub fn common_meta(a: Meta, datetime_a: bool, b: Meta, datetime_b: bool) -> Result<Meta> {
    if a.unit == Generic {
        return Ok(b);
    }
    if b.unit == Generic {
        return Ok(a);
    }
    let incompatible = || {
        Error::Type(format!(
            "Cannot get a common metadata divisor for Numpy datetime metadata {} and {} because \
             they have incompatible nonlinear base time units.",
            a.brackets(),
            b.brackets()
        ))
    };
    let overflow = || {
        Error::Overflow(format!(
            "Integer overflow getting a common metadata divisor for NumPy datetime metadata {} \
             and {}.",
            a.brackets(),
            b.brackets()
        ))
    };
    let (strict_a, strict_b) = (!datetime_a, !datetime_b);
    let mut num1 = a.num as u64;
    let mut num2 = b.num as u64;
    let base;
    if a.unit == b.unit {
        base = a.unit;
    } else {
        if a.unit == Year {
            if b.unit == Month {
                num1 = num1.wrapping_mul(12);
            } else if strict_a {
                return Err(incompatible());
            }
        } else if b.unit == Year {
            if a.unit == Month {
                num2 = num2.wrapping_mul(12);
            } else if strict_b {
                return Err(incompatible());
            }
        } else if (a.unit == Month && strict_a) || (a.unit != Month && b.unit == Month && strict_b)
        {
            return Err(incompatible());
        }
        if a.unit > b.unit {
            base = a.unit;
            num2 = num2.wrapping_mul(units_factor(b.unit, a.unit));
            if num2 == 0 {
                return Err(overflow());
            }
        } else {
            base = b.unit;
            num1 = num1.wrapping_mul(units_factor(a.unit, b.unit));
            if num1 == 0 {
                return Err(overflow());
            }
        }
    }
    let num = gcd(num1, num2);
    // NumPy keeps the multiplier in a C int.
    if num == 0 || num > i32::MAX as u64 {
        return Err(overflow());
    }
    Ok(Meta {
        unit: base,
        num: num as i64,
    })
}

/// NumPy's datetime_metadata_divides: whether `divisor` divides `dividend` evenly.
fn metadata_divides(dividend: Meta, divisor: Meta, strict_nonlinear: bool) -> bool {
    if dividend.unit == Generic {
        return true;
    }
    if divisor.unit == Generic {
        return false;
    }
    let mut num1 = dividend.num as u64;
    let mut num2 = divisor.num as u64;
    if dividend.unit != divisor.unit {
        if dividend.unit == Year {
            if divisor.unit == Month {
                num1 = num1.wrapping_mul(12);
            } else {
                return !strict_nonlinear;
            }
        } else if divisor.unit == Year {
            if dividend.unit == Month {
                num2 = num2.wrapping_mul(12);
            } else {
                return !strict_nonlinear;
            }
        } else if dividend.unit == Month || divisor.unit == Month {
            return !strict_nonlinear;
        }
        if dividend.unit > divisor.unit {
            num2 = num2.wrapping_mul(units_factor(divisor.unit, dividend.unit));
            if num2 == 0 {
                return false;
            }
        } else {
            num1 = num1.wrapping_mul(units_factor(dividend.unit, divisor.unit));
            if num1 == 0 {
                return false;
            }
        }
    }
    if (num1 | num2) & 0xff00_0000_0000_0000 != 0 {
        return false;
    }
    num1.checked_rem(num2) == Some(0)
}

/// NumPy's can_cast_datetime64_units (`datetime`) / can_cast_timedelta64_units: the unit rules
/// alone. Timedeltas do not cross between years/months and the linear units but unsafely.
pub fn can_cast_units(src: Unit, dst: Unit, casting: Casting, datetime: bool) -> bool {
    let same_side = datetime || (src <= Month) == (dst <= Month);
    match casting {
        Casting::Unsafe => true,
        Casting::SameKind | Casting::Safe if src == Generic || dst == Generic => src == Generic,
        Casting::SameKind => same_side,
        Casting::Safe => src <= dst && same_side,
        Casting::No | Casting::Equiv => src == dst,
    }
}

/// Whether a datetime (`datetime == true`) or timedelta cast between these metadata is allowed
/// under `casting` (NumPy's can_cast_datetime64_metadata / can_cast_timedelta64_metadata).
pub fn can_cast_meta(src: Meta, dst: Meta, casting: Casting, datetime: bool) -> bool {
    match casting {
        Casting::Unsafe => true,
        Casting::SameKind => can_cast_units(src.unit, dst.unit, casting, datetime),
        Casting::Safe => {
            can_cast_units(src.unit, dst.unit, casting, datetime)
                && metadata_divides(src, dst, !datetime)
        }
        Casting::No | Casting::Equiv => src.unit == dst.unit && src.num == dst.num,
    }
}

/// The casting level of NumPy 2's datetime-to-datetime (or timedelta-to-timedelta) cast, its
/// `time_to_time_resolve_descriptors` for descriptors of one byte order: what `np.can_cast`
/// and `astype` check. Unlike [`can_cast_meta`] it counts metric rescalings such as
/// [1000ms] -> [s] as no cast (NumPy compares `num`s by integer division, so [2001ms] -> [2s]
/// too), and generic -> unit as safe.
pub fn cast_level(src: Meta, dst: Meta, datetime: bool) -> Casting {
    let (c1, c2) = (i64::from(src.unit.code()), i64::from(dst.unit.code()));
    let ratio = src.num.checked_div(dst.num);
    let metric =
        |steps: i64, r: i64| c2 >= Second.code() as i64 && c1 - c2 == steps && ratio == Some(r);
    if src == dst || metric(1, 1000) || metric(2, 1_000_000) || metric(3, 1_000_000_000) {
        return Casting::No;
    }
    if src.unit == Generic {
        return Casting::Safe;
    }
    if dst.unit == Generic {
        return Casting::Unsafe;
    }
    if !datetime && ((src.unit <= Month) != (dst.unit <= Month)) {
        return Casting::Unsafe;
    }
    if src.unit <= dst.unit && metadata_divides(src, dst, !datetime) {
        Casting::Safe
    } else {
        Casting::SameKind
    }
}

/// NumPy's get_datetime_conversion_factor: values of `src` times `num / denom` are values of
/// `dst` (years and months by their averages over 400 years). Generic converts 1:1.
pub fn conversion_factor(src: Meta, dst: Meta) -> Result<(i64, i64)> {
    if src.unit == Generic {
        return Ok((1, 1));
    }
    if dst.unit == Generic {
        crate::bail!(
            Value,
            "Cannot convert from specific units to generic units in NumPy datetimes or timedeltas"
        );
    }
    let (lo, hi, swapped) = if src.unit <= dst.unit {
        (src.unit, dst.unit, false)
    } else {
        (dst.unit, src.unit, true)
    };
    let (mut num, mut denom): (u64, u64) = (1, 1);
    if lo != hi {
        match (lo, hi) {
            (Year, Month) => num = 12,
            (Year, Week) => (num, denom) = (DAYS_PER_400_YEARS as u64, 400 * 7),
            (Year, _) => {
                (num, denom) = (DAYS_PER_400_YEARS as u64, 400);
                num = num.wrapping_mul(units_factor(Day, hi));
            }
            (Month, Week) => (num, denom) = (DAYS_PER_400_YEARS as u64, 400 * 12 * 7),
            (Month, _) => {
                (num, denom) = (DAYS_PER_400_YEARS as u64, 400 * 12);
                num = num.wrapping_mul(units_factor(Day, hi));
            }
            _ => num = units_factor(lo, hi),
        }
    }
    if num == 0 {
        crate::bail!(
            Overflow,
            "Integer overflow while computing the conversion factor between NumPy datetime units \
             {} and {}",
            lo.name(),
            hi.name()
        );
    }
    if swapped {
        std::mem::swap(&mut num, &mut denom);
    }
    num = num.wrapping_mul(src.num as u64);
    denom = denom.wrapping_mul(dst.num as u64);
    let g = gcd(num, denom);
    match (num.checked_div(g), denom.checked_div(g)) {
        // NumPy fails without an exception here (a zero multiplier such as [0s]).
        (Some(n), Some(d)) if n != 0 && d != 0 => Ok((n as i64, d as i64)),
        _ => crate::bail!(
            Value,
            "Cannot convert between NumPy datetime metadata {} and {}",
            src.brackets(),
            dst.brackets()
        ),
    }
}

#[derive(Copy, Clone, Debug)]
enum Conversion {
    Identity,
    Linear { num: i64, denom: i64 },
    Calendar,
}

/// A prepared conversion of values between metadata (NumPy's datetime casts): NaT stays NaT,
/// results round toward negative infinity (datetimes and timedeltas alike), datetimes to or
/// from years and months go through the calendar, timedeltas use the 400-year average of years
/// and months. Products that overflow wrap around as in NumPy 2.4.
pub struct Converter {
    src: Meta,
    dst: Meta,
    how: Conversion,
}

impl Converter {
    /// NumPy's errors: ValueError from specific units to generic, OverflowError when the
    /// factor does not fit (e.g. [D] -> [ps]).
    pub fn new(src: Meta, dst: Meta, datetime: bool) -> Result<Converter> {
        if src == dst {
            return Ok(Converter {
                src,
                dst,
                how: Conversion::Identity,
            });
        }
        let (num, denom) = conversion_factor(src, dst)?;
        let how = if datetime && (src.unit.is_nonlinear() || dst.unit.is_nonlinear()) {
            Conversion::Calendar
        } else if num == 1 && denom == 1 {
            Conversion::Identity
        } else {
            Conversion::Linear { num, denom }
        };
        Ok(Converter { src, dst, how })
    }

    /// One value; NaT stays NaT. A value NumPy refuses (a datetime of generic units other
    /// than NaT going to years or months) gives NaT; [`Converter::try_apply`] reports it.
    pub fn apply(&self, v: i64) -> i64 {
        self.try_apply(v).unwrap_or(NAT)
    }

    /// One value, with NumPy's error for a generic datetime other than NaT converted through
    /// the calendar.
    pub fn try_apply(&self, v: i64) -> Result<i64> {
        match self.how {
            Conversion::Identity => Ok(v),
            Conversion::Linear { num, denom } => Ok(scale(v, num, denom)),
            Conversion::Calendar => from_struct(&to_struct(v, self.src)?, self.dst),
        }
    }

    /// True when values are unchanged (same metadata, or a factor of 1 such as [7D] -> [W]).
    pub fn is_identity(&self) -> bool {
        matches!(self.how, Conversion::Identity)
    }

    /// `(num, denom)` when values convert as `v * num / denom` floored (NaT kept); None for
    /// the calendar conversions.
    pub fn linear(&self) -> Option<(i64, i64)> {
        match self.how {
            Conversion::Identity => Some((1, 1)),
            Conversion::Linear { num, denom } => Some((num, denom)),
            Conversion::Calendar => None,
        }
    }

    /// The source and destination metadata.
    pub fn metas(&self) -> (Meta, Meta) {
        (self.src, self.dst)
    }
}

/// `v * num / denom` rounded toward negative infinity, wrapping as NumPy's C does.
#[inline]
pub fn scale(v: i64, num: i64, denom: i64) -> i64 {
    if v == NAT {
        return NAT;
    }
    if v < 0 {
        v.wrapping_mul(num)
            .wrapping_sub(denom.wrapping_sub(1))
            .checked_div(denom)
            .unwrap_or(NAT)
    } else {
        v.wrapping_mul(num).checked_div(denom).unwrap_or(NAT)
    }
}

/// A broken-down datetime (NumPy's npy_datetimestruct).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct DateTimeStruct {
    pub year: i64,
    pub month: i32,
    pub day: i32,
    pub hour: i32,
    pub min: i32,
    pub sec: i32,
    pub us: i32,
    pub ps: i32,
    pub as_: i32,
}

/// Python's `divmod(*d, unit)` for `unit > 0`: returns the quotient, leaves the remainder.
fn extract(d: &mut i64, unit: i64) -> i64 {
    let mut q = *d / unit;
    let mut r = *d % unit;
    if r < 0 {
        r += unit;
        q -= 1;
    }
    *d = r;
    q
}

fn extract32(d: &mut i32, unit: i32) -> i32 {
    let mut q = *d / unit;
    let mut r = *d % unit;
    if r < 0 {
        r += unit;
        q -= 1;
    }
    *d = r;
    q
}

/// Whether a (proleptic Gregorian) year is a leap year.
pub fn is_leap_year(year: i64) -> bool {
    year & 3 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn month_lengths(year: i64) -> &'static [i32; 12] {
    &DAYS_PER_MONTH[usize::from(is_leap_year(year))]
}

/// The days in a month (1..=12) of a year; 0 for a month out of range.
pub fn days_in_month(year: i64, month: i32) -> i32 {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| month_lengths(year).get(i).copied())
        .unwrap_or(0)
}

/// Days since 1970-01-01 of a date (proleptic Gregorian), and back.
pub fn days_from_ymd(year: i64, month: i32, day: i32) -> i64 {
    let mut y = year.wrapping_sub(1970);
    let mut days = y.wrapping_mul(365);
    if days >= 0 {
        // Leap days since 1968, less centuries since 1900, plus 400s since 1600. NumPy's
        // build assumes the year is not negative here (it is, when `y * 365` wrapped) and
        // divides by 4 flooring and by 400 unsigned: the same for every year that fits.
        y = y.wrapping_add(1);
        days = days.wrapping_add(y >> 2);
        y = y.wrapping_add(68);
        days = days.wrapping_sub(y / 100);
        y = y.wrapping_add(300);
        days = days.wrapping_add((y as u64 / 400) as i64);
    } else {
        // The same counted back from 1972 and 2000.
        y = y.wrapping_sub(2);
        days = days.wrapping_add(y / 4);
        y = y.wrapping_sub(28);
        days = days.wrapping_sub(y / 100);
        days = days.wrapping_add(y / 400);
    }
    let months = usize::try_from(month.wrapping_sub(1)).unwrap_or(0).min(12);
    for len in &month_lengths(year)[..months] {
        days = days.wrapping_add(i64::from(*len));
    }
    days.wrapping_add(i64::from(day.wrapping_sub(1)))
}

/// NumPy's days_to_yearsdays: the year of a day count, leaving the day of that year.
fn days_to_year(days: &mut i64) -> i64 {
    // Relative to 2000-01-01, which starts a 400-year cycle.
    let mut d = days.wrapping_sub(365 * 30 + 7);
    let mut year = 400 * extract(&mut d, DAYS_PER_400_YEARS);
    if d >= 366 {
        year += 100 * ((d - 1) / (100 * 365 + 25 - 1));
        d = (d - 1) % (100 * 365 + 25 - 1);
        if d >= 365 {
            year += 4 * ((d + 1) / (4 * 365 + 1));
            d = (d + 1) % (4 * 365 + 1);
            if d >= 366 {
                year += (d - 1) / 365;
                d = (d - 1) % 365;
            }
        }
    }
    *days = d;
    year + 2000
}

/// Days since 1970-01-01 of a date (proleptic Gregorian), and back.
pub fn ymd_from_days(days: i64) -> (i64, i32, i32) {
    let mut d = days;
    let year = days_to_year(&mut d);
    for (i, len) in month_lengths(year).iter().enumerate() {
        let len = i64::from(*len);
        if d < len {
            return (year, i as i32 + 1, d as i32 + 1);
        }
        d -= len;
    }
    (year, 1, 1)
}

fn set_days(days: i64, out: &mut DateTimeStruct) {
    let (y, m, d) = ymd_from_days(days);
    out.year = y;
    out.month = m;
    out.day = d;
}

/// NumPy's convert_datetime_to_datetimestruct (NaT gives year NAT as NumPy).
pub fn to_struct(v: i64, meta: Meta) -> Result<DateTimeStruct> {
    let mut out = DateTimeStruct {
        year: 1970,
        month: 1,
        day: 1,
        ..Default::default()
    };
    if v == NAT {
        out.year = NAT;
        return Ok(out);
    }
    if meta.unit == Generic {
        crate::bail!(
            Value,
            "Cannot convert a NumPy datetime value other than NaT with generic units"
        );
    }
    let mut dt = v.wrapping_mul(meta.num);
    // Splits off the day count and the hour, minute and second of the day, given the ticks
    // per second; leaves the ticks within the second.
    let clock = |dt: &mut i64, per_sec: i64, out: &mut DateTimeStruct| {
        set_days(extract(dt, per_sec * 86_400), out);
        out.hour = extract(dt, per_sec * 3600) as i32;
        out.min = extract(dt, per_sec * 60) as i32;
        out.sec = extract(dt, per_sec) as i32;
    };
    match meta.unit {
        Year => out.year = 1970i64.wrapping_add(dt),
        Month => {
            out.year = 1970i64.wrapping_add(extract(&mut dt, 12));
            out.month = dt as i32 + 1;
        }
        Week => set_days(dt.wrapping_mul(7), &mut out),
        Day => set_days(dt, &mut out),
        Hour => {
            set_days(extract(&mut dt, 24), &mut out);
            out.hour = dt as i32;
        }
        Minute => {
            set_days(extract(&mut dt, 1440), &mut out);
            out.hour = extract(&mut dt, 60) as i32;
            out.min = dt as i32;
        }
        Second => clock(&mut dt, 1, &mut out),
        Milli => {
            clock(&mut dt, 1000, &mut out);
            out.us = (dt * 1000) as i32;
        }
        Micro => {
            clock(&mut dt, 1_000_000, &mut out);
            out.us = dt as i32;
        }
        Nano => {
            clock(&mut dt, 1_000_000_000, &mut out);
            out.us = extract(&mut dt, 1000) as i32;
            out.ps = (dt * 1000) as i32;
        }
        Pico => {
            clock(&mut dt, 1_000_000_000_000, &mut out);
            out.us = extract(&mut dt, 1_000_000) as i32;
            out.ps = dt as i32;
        }
        Femto => {
            // The whole range is about +-2.6 hours around the epoch.
            out.hour = extract(&mut dt, 3_600_000_000_000_000_000) as i32;
            if out.hour < 0 {
                (out.year, out.month, out.day) = (1969, 12, 31);
                out.hour += 24;
            }
            out.min = extract(&mut dt, 60_000_000_000_000_000) as i32;
            out.sec = extract(&mut dt, 1_000_000_000_000_000) as i32;
            out.us = extract(&mut dt, 1_000_000_000) as i32;
            out.ps = extract(&mut dt, 1000) as i32;
            out.as_ = (dt * 1000) as i32;
        }
        Atto => {
            // The whole range is about +-9.2 seconds around the epoch.
            out.sec = extract(&mut dt, 1_000_000_000_000_000_000) as i32;
            if out.sec < 0 {
                (out.year, out.month, out.day, out.hour, out.min) = (1969, 12, 31, 23, 59);
                out.sec += 60;
            }
            out.us = extract(&mut dt, 1_000_000_000_000) as i32;
            out.ps = extract(&mut dt, 1_000_000) as i32;
            out.as_ = dt as i32;
        }
        Generic => {}
    }
    Ok(out)
}

/// NumPy's convert_datetimestruct_to_datetime.
pub fn from_struct(s: &DateTimeStruct, meta: Meta) -> Result<i64> {
    if s.year == NAT {
        return Ok(NAT);
    }
    if meta.unit == Generic {
        crate::bail!(
            Value,
            "Cannot create a NumPy datetime other than NaT with generic units"
        );
    }
    // a * m + b, wrapping as NumPy's C does.
    let mul_add = |a: i64, m: i64, b: i32| a.wrapping_mul(m).wrapping_add(i64::from(b));
    let ret = match meta.unit {
        Year => s.year.wrapping_sub(1970),
        Month => 12i64
            .wrapping_mul(s.year.wrapping_sub(1970))
            .wrapping_add(i64::from(s.month.wrapping_sub(1))),
        unit => {
            let days = days_from_ymd(s.year, s.month, s.day);
            let hours = || mul_add(days, 24, s.hour);
            let minutes = || mul_add(hours(), 60, s.min);
            let seconds = || mul_add(minutes(), 60, s.sec);
            let micros = || mul_add(seconds(), 1_000_000, s.us);
            let picos = || mul_add(micros(), 1_000_000, s.ps);
            match unit {
                Week if days >= 0 => days / 7,
                Week => days.wrapping_sub(6) / 7,
                Day => days,
                Hour => hours(),
                Minute => minutes(),
                Second => seconds(),
                Milli => mul_add(seconds(), 1000, s.us / 1000),
                Micro => micros(),
                Nano => mul_add(micros(), 1000, s.ps / 1000),
                Pico => picos(),
                Femto => mul_add(picos(), 1000, s.as_ / 1000),
                _ => mul_add(picos(), 1_000_000, s.as_),
            }
        }
    };
    let num = meta.num;
    Ok(if num > 1 {
        if ret >= 0 {
            ret / num
        } else {
            ret.wrapping_sub(num).wrapping_add(1) / num
        }
    } else {
        ret
    })
}

/// NumPy's add_minutes_to_datetimestruct: shifts a valid struct by at most a day.
fn add_minutes(d: &mut DateTimeStruct, minutes: i32) {
    d.min = d.min.wrapping_add(minutes);
    d.hour = d.hour.wrapping_add(extract32(&mut d.min, 60));
    d.day = d.day.wrapping_add(extract32(&mut d.hour, 24));
    if d.day < 1 {
        d.month -= 1;
        if d.month < 1 {
            d.year = d.year.wrapping_sub(1);
            d.month = 12;
        }
        d.day += days_in_month(d.year, d.month);
    } else if d.day > 28 {
        let len = days_in_month(d.year, d.month);
        if d.day > len {
            d.day -= len;
            d.month += 1;
            if d.month > 12 {
                d.year = d.year.wrapping_add(1);
                d.month = 1;
            }
        }
    }
}

/// The result of [`parse_iso`]: the value in `unit` (the unit asked for, or the one the text
/// has), and whether the text had a time zone (NumPy warns "no explicit representation of
/// timezones available for np.datetime64", a UserWarning).
pub struct Parsed {
    pub value: i64,
    pub unit: Unit,
    pub tz_warning: bool,
}

/// The broken-down result of [`parse_iso_struct`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ParsedStruct {
    pub dts: DateTimeStruct,
    /// The unit the text resolves (NumPy's `bestunit`): Generic for NaT, Day for 'today',
    /// Second for 'now'.
    pub best_unit: Unit,
    /// 'NaT', '', 'today' or 'now'.
    pub special: bool,
    pub tz_warning: bool,
}

/// `'same_kind'` as NumPy's npy_casting_to_string writes it.
fn casting_text(c: Casting) -> String {
    format!("'{}'", c.name())
}

/// Seconds since the epoch now (C's `time()`).
fn now_seconds() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => {
            let d = e.duration();
            let s = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
            // time() floors.
            -s - i64::from(d.subsec_nanos() > 0)
        }
    }
}

/// NumPy's parse_iso_8601_datetime (no local time zones: 'now' and 'today' are UTC; 'NaT'
/// any case and '' are NaT; 'Z' and +hh:mm offsets accepted as NumPy, which warns "no explicit
/// representation of timezones available for np.datetime64": the value says so, for the
/// caller to warn). `unit`: the unit wanted, or None to take the unit of the text (NumPy's
/// `bestunit`). `casting`: whether the text's unit may be cast to `unit` (NumPy's scalar
/// constructor and string casts use same_kind, which allows any unit: '2020-01-01T10' as 'D'
/// truncates). Returns the value in `unit` (or the detected unit) and that unit.
pub fn parse_iso(text: &str, unit: Option<Unit>, casting: Casting) -> Result<Parsed> {
    let p = parse_iso_struct(text, unit, casting)?;
    let unit = unit.unwrap_or(p.best_unit);
    Ok(Parsed {
        value: from_struct(&p.dts, Meta::new(unit))?,
        unit,
        tz_warning: p.tz_warning,
    })
}

/// [`parse_iso`] without the final conversion: the broken-down datetime (convert it with
/// [`from_struct`] into metadata with a multiplier, as NumPy does).
pub fn parse_iso_struct(text: &str, unit: Option<Unit>, casting: Casting) -> Result<ParsedStruct> {
    let b = text.as_bytes();
    let len = b.len();
    let shown = shown(text);
    let mut out = DateTimeStruct {
        month: 1,
        day: 1,
        ..Default::default()
    };
    let done = |dts: DateTimeStruct, best: Unit, special: bool, tz: bool| -> Result<ParsedStruct> {
        if let Some(u) = unit {
            crate::ensure!(
                can_cast_units(best, u, casting, true),
                Type,
                "Cannot parse \"{shown}\" as unit '{}' using casting rule {}",
                u.name(),
                casting_text(casting)
            );
        }
        Ok(ParsedStruct {
            dts,
            best_unit: best,
            special,
            tz_warning: tz,
        })
    };
    if len == 0 || b.eq_ignore_ascii_case(b"nat") {
        out.year = NAT;
        return Ok(ParsedStruct {
            dts: out,
            best_unit: Generic,
            special: true,
            tz_warning: false,
        });
    }
    if unit == Some(Generic) {
        crate::bail!(
            Value,
            "Cannot create a NumPy datetime other than NaT with generic units"
        );
    }
    if b.eq_ignore_ascii_case(b"today") {
        set_days(now_seconds().div_euclid(86_400), &mut out);
        return done(out, Day, true, false);
    }
    if b.eq_ignore_ascii_case(b"now") {
        let p = done(out, Second, true, false)?;
        return Ok(ParsedStruct {
            dts: to_struct(now_seconds(), Meta::new(Second))?,
            ..p
        });
    }

    let perr = |pos: usize| {
        Error::Value(format!(
            "Error parsing datetime string \"{shown}\" at position {pos}"
        ))
    };
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let digit = |i: usize| at(i).is_ascii_digit();
    let two = |i: usize| i32::from(at(i) - b'0') * 10 + i32::from(at(i + 1) - b'0');
    let has_two = |i: usize| i + 2 <= len && digit(i) && digit(i + 1);

    let mut p = 0;
    while p < len && is_c_space(b[p]) {
        p += 1;
    }
    if at(p) == b'-' || at(p) == b'+' {
        p += 1;
    }
    if p >= len {
        return Err(perr(p));
    }
    // The year: any number of digits, negative when the text (not the trimmed text) starts
    // with '-', as NumPy.
    let mut year: i64 = 0;
    while p < len && digit(p) {
        year = year.wrapping_mul(10).wrapping_add(i64::from(b[p] - b'0'));
        p += 1;
    }
    if b[0] == b'-' {
        year = year.wrapping_neg();
    }
    out.year = year;
    if p == len {
        return done(out, Year, false, false);
    }
    if b[p] != b'-' {
        return Err(perr(p));
    }
    p += 1;
    if p == len || !has_two(p) {
        return Err(perr(p));
    }
    out.month = two(p);
    crate::ensure!(
        (1..=12).contains(&out.month),
        Value,
        "Month out of range in datetime string \"{shown}\""
    );
    p += 2;
    if p == len {
        return done(out, Month, false, false);
    }
    if b[p] != b'-' {
        return Err(perr(p));
    }
    p += 1;
    if p == len || !has_two(p) {
        return Err(perr(p));
    }
    out.day = two(p);
    crate::ensure!(
        out.day >= 1 && out.day <= days_in_month(out.year, out.month),
        Value,
        "Day out of range in datetime string \"{shown}\""
    );
    p += 2;
    if p == len {
        return done(out, Day, false, false);
    }
    if b[p] != b'T' && b[p] != b' ' {
        return Err(perr(p));
    }
    p += 1;
    if !has_two(p) {
        return Err(perr(p));
    }
    out.hour = two(p);
    crate::ensure!(
        out.hour < 24,
        Value,
        "Hours out of range in datetime string \"{shown}\""
    );
    p += 2;
    let best = 'time: {
        if at(p) != b':' {
            break 'time Hour;
        }
        p += 1;
        if !has_two(p) {
            return Err(perr(p));
        }
        out.min = two(p);
        crate::ensure!(
            out.min < 60,
            Value,
            "Minutes out of range in datetime string \"{shown}\""
        );
        p += 2;
        if at(p) != b':' {
            break 'time Minute;
        }
        p += 1;
        if !has_two(p) {
            return Err(perr(p));
        }
        out.sec = two(p);
        crate::ensure!(
            out.sec < 60,
            Value,
            "Seconds out of range in datetime string \"{shown}\""
        );
        p += 2;
        if at(p) != b'.' {
            break 'time Second;
        }
        p += 1;
        // Up to six digits each of micro-, pico- and attoseconds.
        let six = |p: &mut usize| {
            let (mut v, mut n) = (0i32, 0);
            for _ in 0..6 {
                v *= 10;
                if *p < len && digit(*p) {
                    v += i32::from(b[*p] - b'0');
                    *p += 1;
                    n += 1;
                }
            }
            (v, n)
        };
        let (us, n) = six(&mut p);
        out.us = us;
        if p >= len || !digit(p) {
            break 'time if n > 3 { Micro } else { Milli };
        }
        let (ps, n) = six(&mut p);
        out.ps = ps;
        if p >= len || !digit(p) {
            break 'time if n > 3 { Pico } else { Nano };
        }
        let (as_, n) = six(&mut p);
        out.as_ = as_;
        if n > 3 {
            Atto
        } else {
            Femto
        }
    };
    if p >= len {
        return done(out, best, false, false);
    }
    // Anything after the time is a time zone (or trailing space), which NumPy warns about.
    if b[p] == b'Z' {
        if len - p == 1 {
            return done(out, best, false, true);
        }
        p += 1;
    } else if b[p] == b'-' || b[p] == b'+' {
        let neg = b[p] == b'-';
        p += 1;
        if !has_two(p) {
            return Err(perr(p));
        }
        let mut hours = two(p);
        p += 2;
        crate::ensure!(
            hours < 24,
            Value,
            "Timezone hours offset out of range in datetime string \"{shown}\""
        );
        let mut minutes = 0;
        if p < len {
            if b[p] == b':' {
                p += 1;
            }
            if !has_two(p) {
                return Err(perr(p));
            }
            minutes = two(p);
            p += 2;
            crate::ensure!(
                minutes < 60,
                Value,
                "Timezone minutes offset out of range in datetime string \"{shown}\""
            );
        }
        if neg {
            hours = -hours;
            minutes = -minutes;
        }
        add_minutes(&mut out, -60 * hours - minutes);
    }
    while p < len && is_c_space(b[p]) {
        p += 1;
    }
    if p != len {
        return Err(perr(p));
    }
    done(out, best, false, true)
}

/// NumPy's lossless_unit_from_datetimestruct: the coarsest unit that keeps all of a struct.
pub fn struct_lossless_unit(d: &DateTimeStruct) -> Unit {
    if d.as_ % 1000 != 0 {
        Atto
    } else if d.as_ != 0 {
        Femto
    } else if d.ps % 1000 != 0 {
        Pico
    } else if d.ps != 0 {
        Nano
    } else if d.us % 1000 != 0 {
        Micro
    } else if d.us != 0 {
        Milli
    } else if d.sec != 0 {
        Second
    } else if d.min != 0 {
        Minute
    } else if d.hour != 0 {
        Hour
    } else if d.day != 1 {
        Day
    } else if d.month != 1 {
        Month
    } else {
        Year
    }
}

/// The unit `datetime_as_string(unit='auto')` prints a value in: the coarsest lossless unit,
/// but never hours without minutes and never less than a whole date (NumPy's
/// make_iso_8601_datetime with base -1, UTC). Pass it to [`format_iso`] as `display`.
pub fn lossless_unit(v: i64, meta: Meta) -> Result<Unit> {
    let u = struct_lossless_unit(&to_struct(v, meta)?);
    Ok(match u {
        Hour => Minute,
        Year | Month => Day,
        u => u,
    })
}

/// NumPy's make_iso_8601_datetime (UTC) of a struct in unit `unit` (weeks print as days; a
/// NaT struct or generic unit prints "NaT"), with a trailing 'Z' after times when `utc_z`.
pub fn make_iso(d: &DateTimeStruct, unit: Unit, utc_z: bool) -> String {
    if d.year == NAT || unit == Generic {
        return "NaT".to_string();
    }
    let unit = if unit == Week { Day } else { unit };
    let digit = |x: i32| char::from(b'0'.wrapping_add(x as u8));
    let mut s = format!("{:04}", d.year);
    let field = |s: &mut String, sep: char, x: i32| {
        s.push(sep);
        s.push(digit(x / 10));
        s.push(digit(x % 10));
    };
    let parts = [
        (Month, '-', d.month),
        (Day, '-', d.day),
        (Hour, 'T', d.hour),
        (Minute, ':', d.min),
        (Second, ':', d.sec),
    ];
    for (u, sep, x) in parts {
        if unit < u {
            break;
        }
        field(&mut s, sep, x);
    }
    let thirds = [
        (Milli, d.us / 1000),
        (Micro, d.us),
        (Nano, d.ps / 1000),
        (Pico, d.ps),
        (Femto, d.as_ / 1000),
        (Atto, d.as_),
    ];
    for (u, x) in thirds {
        if unit < u {
            break;
        }
        if u == Milli {
            s.push('.');
        }
        s.push(digit((x / 100) % 10));
        s.push(digit((x / 10) % 10));
        s.push(digit(x % 10));
    }
    if utc_z && unit >= Hour {
        s.push('Z');
    }
    s
}

/// NumPy's make_iso_8601_datetime via datetime_as_string's defaults: the text of one datetime
/// value of metadata `meta`, printed in unit `display` (None: the value's own unit), UTC with
/// no offset suffix when `utc_z` is false, with a trailing 'Z' (after times only) when true.
/// NaT prints "NaT". A coarser `display` truncates (floors) as NumPy.
pub fn format_iso(v: i64, meta: Meta, display: Option<Unit>, utc_z: bool) -> Result<String> {
    if let Some(u) = display {
        crate::ensure!(
            can_cast_units(meta.unit, u, Casting::SameKind, true),
            Type,
            "Cannot create a datetime string as units '{}' from a NumPy datetime with units '{}' \
             according to the rule {}",
            u.name(),
            meta.unit.name(),
            casting_text(Casting::SameKind)
        );
    }
    let d = to_struct(v, meta)?;
    Ok(make_iso(&d, display.unwrap_or(meta.unit), utc_z))
}

/// A datetime cast to a string of `width` characters ('U<width>'/'S<width>'): the text of
/// [`format_iso`] in the value's own unit, or NumPy's RuntimeError when it does not fit.
pub fn format_iso_fixed(v: i64, meta: Meta, width: usize) -> Result<String> {
    let s = format_iso(v, meta, None, false)?;
    crate::ensure!(
        s.len() <= width,
        Runtime,
        "The string provided for NumPy ISO datetime formatting was too short, with length {width}"
    );
    Ok(s)
}

/// NumPy's get_datetime_iso_8601_strlen(local=0, unit): the characters an ISO string of this
/// unit may need, with room for a 'Z' and a NUL (the size of casts to 'U'/'S').
pub fn iso_strlen(unit: Unit) -> usize {
    // The characters each unit adds to the one above it.
    let add = |u: Unit| match u {
        Year => 21,
        Month | Day | Hour | Minute | Second => 3,
        Week => 0,
        Milli => 4,
        _ => 3,
    };
    let unit = match unit {
        Generic => return 4,
        Week => Day,
        u => u,
    };
    let mut len: usize = Unit::ALL
        .iter()
        .filter(|&&u| u <= unit && u != Week)
        .map(|&u| add(u))
        .sum();
    if unit >= Hour {
        len += 1;
    }
    len + 1
}

#[cfg(test)]
mod tests {
    //! Expected values are numpy 2.4's (2.4.6), taken from its REPL.
    use super::*;

    fn m(s: &str) -> Meta {
        Meta::parse(s).unwrap()
    }

    fn err_text(e: Error) -> String {
        e.to_string()
    }

    #[test]
    fn unit_names_round_trip() {
        for u in Unit::ALL {
            assert_eq!(Unit::parse(u.name()), Some(u));
        }
        assert_eq!(Unit::parse("μs"), Some(Micro));
        assert_eq!(Unit::parse("x"), None);
        assert_eq!(Unit::parse("B"), None);
        assert_eq!(Unit::parse(""), None);
        assert_eq!(Day.code(), 4);
        assert_eq!(Generic.code(), 14);
    }

    #[test]
    fn metadata_parsing() {
        assert_eq!(
            m("25s"),
            Meta {
                unit: Second,
                num: 25
            }
        );
        assert_eq!(
            m(" 5s"),
            Meta {
                unit: Second,
                num: 5
            }
        );
        assert_eq!(
            m("+5s"),
            Meta {
                unit: Second,
                num: 5
            }
        );
        assert_eq!(
            m("0s"),
            Meta {
                unit: Second,
                num: 0
            }
        );
        assert_eq!(m("μs"), Meta::new(Micro));
        assert_eq!(m("generic"), Meta::GENERIC);
        assert_eq!(
            m("2generic"),
            Meta {
                unit: Generic,
                num: 2
            }
        );
        assert_eq!(
            m("s/2"),
            Meta {
                unit: Milli,
                num: 500
            }
        );
        assert_eq!(m("s/1000"), Meta::new(Milli));
        assert_eq!(m("W/11"), Meta { unit: Year, num: 0 });
        assert_eq!(
            m("W/5"),
            Meta {
                unit: Minute,
                num: 2016
            }
        );
        assert_eq!(
            m("s/-2"),
            Meta {
                unit: Milli,
                num: -500
            }
        );
        assert_eq!(m("3M/2"), Meta { unit: Week, num: 6 });
        assert_eq!(m("Y/13"), Meta { unit: Week, num: 4 });
        assert_eq!(
            m("fs/10"),
            Meta {
                unit: Atto,
                num: 100
            }
        );
        assert_eq!(m("ps/1000000"), Meta::new(Atto));
        assert_eq!(
            m("2000000000s/2"),
            Meta {
                unit: Milli,
                num: -727379968
            }
        );
        assert_eq!(Meta::parse_metastr("").unwrap(), Meta::GENERIC);
        assert_eq!(
            Meta::from_unit_str("25s").unwrap(),
            Meta {
                unit: Second,
                num: 25
            }
        );
        assert_eq!(
            Meta::from_unit_str("[s/2]").unwrap(),
            Meta {
                unit: Milli,
                num: 500
            }
        );
        assert_eq!(
            Meta::from_unit_str(" 3s").unwrap(),
            Meta {
                unit: Second,
                num: 3
            }
        );

        let e = |s: &str| err_text(Meta::parse(s).unwrap_err());
        assert_eq!(e("x"), "Invalid datetime unit in metadata string \"[x]\"");
        assert_eq!(e("5x"), "Invalid datetime unit in metadata string \"[5x]\"");
        assert_eq!(
            e("-5s"),
            "Invalid datetime metadata string \"[-5s]\" at position 1"
        );
        assert_eq!(
            e("3000000000s"),
            "Invalid datetime metadata string \"[3000000000s]\" at position 1"
        );
        assert_eq!(e(""), "Invalid datetime metadata string \"[]\"");
        assert_eq!(
            e("s]x"),
            "Invalid datetime metadata string \"[s]x]\" at position 3"
        );
        assert_eq!(
            e("s/"),
            "Invalid datetime metadata string \"[s/]\" at position 3"
        );
        assert_eq!(
            e("s/2x"),
            "Invalid datetime metadata string \"[s/2x]\" at position 3"
        );
        assert_eq!(
            e("/2"),
            "Invalid datetime metadata string \"[/2]\" at position 1"
        );
        assert_eq!(
            e("5"),
            "Invalid datetime metadata string \"[5]\" at position 2"
        );
        assert_eq!(
            e("s/3"),
            "divisor (3) is not a multiple of a lower-unit in datetime metadata \"[s/3]\""
        );
        assert_eq!(
            e("as/2"),
            "divisor (2) is not a multiple of a lower-unit in datetime metadata \"[as/2]\""
        );
        assert_eq!(e("generic/2"), "Can't use 'den' divisor with generic units");
        assert!(matches!(Meta::parse("s/3"), Err(Error::Value(_))));
        assert!(matches!(Meta::parse("x"), Err(Error::Type(_))));

        let p = |s: &str| err_text(Meta::parse_metastr(s).unwrap_err());
        assert_eq!(p("[s"), "Invalid datetime metadata string \"[s\"");
        assert_eq!(p("s"), "Invalid datetime metadata string \"s\"");
        assert_eq!(
            p("x[s]"),
            "Invalid datetime metadata string \"x[s]\" at position 1"
        );
        assert_eq!(
            p("[s]x"),
            "Invalid datetime metadata string \"[s]x\" at position 3"
        );

        let u = |s: &str| err_text(Meta::from_unit_str(s).unwrap_err());
        assert_eq!(u("x"), "Invalid datetime unit \"x\" in metadata");
        assert_eq!(u("5x"), "Invalid datetime unit \"x\" in metadata");
        assert_eq!(u("x/2"), "Invalid datetime unit \"x/2\" in metadata");
        assert_eq!(u("3 s"), "Invalid datetime unit \" s\" in metadata");
        assert_eq!(u("M8[s]"), "Invalid datetime unit \"M8[s]\" in metadata");
        assert_eq!(u("s/2"), "Invalid datetime metadata string \"s/2\"");
        assert_eq!(u(""), "Invalid datetime metadata string \"\"");
        assert_eq!(u("-3s"), "Invalid datetime metadata string \"-3s\"");
        assert_eq!(
            u("[3]"),
            "Invalid datetime metadata string \"[3]\" at position 2"
        );
        assert_eq!(
            u("[ s/2 ]"),
            "Invalid datetime unit in metadata string \"[ s/2 ]\""
        );
    }

    #[test]
    fn metadata_text() {
        assert_eq!(m("25s").brackets(), "[25s]");
        assert_eq!(Meta::new(Day).brackets(), "[D]");
        assert_eq!(Meta::GENERIC.brackets(), "");
        assert_eq!(m("7D").inner(), "7D");
        assert_eq!(Meta::GENERIC.inner(), "generic");
    }

    #[test]
    fn common_metadata() {
        let c = |a: &str, da: bool, b: &str, db: bool| common_meta(m(a), da, m(b), db);
        assert_eq!(c("Y", true, "D", true).unwrap(), m("D"));
        assert_eq!(c("Y", true, "7D", true).unwrap(), m("7D"));
        assert_eq!(c("Y", true, "14D", true).unwrap(), m("7D"));
        assert_eq!(c("Y", true, "M", true).unwrap(), m("M"));
        assert_eq!(c("3Y", true, "2M", true).unwrap(), m("2M"));
        assert_eq!(c("W", true, "M", true).unwrap(), m("W"));
        assert_eq!(c("M", true, "h", true).unwrap(), m("h"));
        assert_eq!(c("6h", true, "4m", true).unwrap(), m("4m"));
        assert_eq!(c("2000000000s", true, "3ms", true).unwrap(), m("ms"));
        assert_eq!(c("25s", false, "10s", false).unwrap(), m("5s"));
        assert_eq!(c("s", true, "generic", true).unwrap(), m("s"));
        assert_eq!(c("generic", true, "s", false).unwrap(), m("s"));
        assert_eq!(c("Y", false, "M", false).unwrap(), m("M"));
        let e = c("Y", false, "D", false).unwrap_err();
        assert!(matches!(e, Error::Type(_)));
        assert_eq!(
            err_text(e),
            "Cannot get a common metadata divisor for Numpy datetime metadata [Y] and [D] \
             because they have incompatible nonlinear base time units."
        );
        assert_eq!(
            err_text(c("M", false, "D", false).unwrap_err()),
            "Cannot get a common metadata divisor for Numpy datetime metadata [M] and [D] \
             because they have incompatible nonlinear base time units."
        );
        let e = c("1999999999s", true, "as", true).unwrap_err();
        assert!(matches!(e, Error::Overflow(_)));
        assert_eq!(
            err_text(e),
            "Integer overflow getting a common metadata divisor for NumPy datetime metadata \
             [1999999999s] and [as]."
        );
        assert_eq!(
            err_text(c("D", true, "as", true).unwrap_err()),
            "Integer overflow getting a common metadata divisor for NumPy datetime metadata [D] \
             and [as]."
        );
    }

    #[test]
    fn casting_rules() {
        use Casting::*;
        let dt = |a: &str, b: &str, c: Casting| can_cast_meta(m(a), m(b), c, true);
        let td = |a: &str, b: &str, c: Casting| can_cast_meta(m(a), m(b), c, false);
        assert!(dt("s", "ms", Safe));
        assert!(!dt("ms", "s", Safe));
        assert!(dt("ms", "s", SameKind));
        assert!(dt("Y", "D", Safe));
        assert!(!td("Y", "D", Safe));
        assert!(!td("Y", "D", SameKind));
        assert!(td("Y", "D", Unsafe));
        assert!(td("Y", "M", Safe));
        assert!(dt("generic", "s", Safe));
        assert!(!dt("s", "generic", SameKind));
        assert!(dt("s", "generic", Unsafe));
        assert!(!dt("2s", "3s", Safe));
        assert!(dt("2s", "3s", SameKind));
        assert!(dt("3s", "s", Safe));
        assert!(dt("Y", "W", Safe));
        assert!(dt("M", "7D", Safe));
        assert!(!td("M", "7D", Safe));
        assert!(!td("D", "h", Equiv));
        assert!(dt("D", "D", No));
        // np.can_cast answers with the cast's level.
        let lv = |a: &str, b: &str, d: bool| cast_level(m(a), m(b), d);
        assert_eq!(lv("s", "ms", true), Safe);
        assert_eq!(lv("ms", "s", true), SameKind);
        assert_eq!(lv("1000ms", "s", true), No);
        assert_eq!(lv("2001ms", "2s", true), No);
        assert_eq!(lv("Y", "D", true), Safe);
        assert_eq!(lv("Y", "D", false), Unsafe);
        assert_eq!(lv("Y", "M", false), Safe);
        assert_eq!(lv("generic", "s", true), Safe);
        assert_eq!(lv("s", "generic", true), Unsafe);
        assert_eq!(lv("2s", "3s", true), SameKind);
        assert_eq!(lv("3s", "s", true), Safe);
        assert_eq!(lv("M", "7D", false), Unsafe);
        assert_eq!(lv("D", "h", false), Safe);
    }

    fn convert(vals: &[i64], a: &str, b: &str, datetime: bool) -> Vec<i64> {
        let c = Converter::new(m(a), m(b), datetime).unwrap();
        vals.iter().map(|&v| c.apply(v)).collect()
    }

    #[test]
    fn conversions() {
        let v = [-1500, 1500, -1000, -1, 0, 999];
        assert_eq!(convert(&v, "ms", "s", false), [-2, 1, -1, -1, 0, 0]);
        assert_eq!(convert(&v, "ms", "s", true), [-2, 1, -1, -1, 0, 0]);
        let v = [-1, 1, 11, -13, -12];
        assert_eq!(convert(&v, "M", "Y", true), [-1, 0, 0, -2, -1]);
        assert_eq!(convert(&v, "M", "D", true), [-31, 31, 334, -396, -365]);
        let v = [-1, 1, 2, -2, 100];
        assert_eq!(convert(&v, "Y", "D", true), [-365, 365, 730, -731, 36525]);
        assert_eq!(convert(&v, "Y", "W", true), [-53, 52, 104, -105, 5217]);
        assert_eq!(convert(&v, "W", "Y", true), [-1, 0, 0, -1, 1]);
        assert_eq!(convert(&v, "Y", "D", false), [-366, 365, 730, -731, 36524]);
        assert_eq!(convert(&v, "Y", "M", false), [-12, 12, 24, -24, 1200]);
        assert_eq!(convert(&v, "M", "D", false), [-31, 30, 60, -61, 3043]);
        assert_eq!(convert(&v, "M", "W", false), [-5, 4, 8, -9, 434]);
        assert_eq!(convert(&v, "D", "M", false), [-1, 0, 0, -1, 3]);
        assert_eq!(convert(&v, "h", "Y", false), [-1, 0, 0, -1, 0]);
        assert_eq!(convert(&v, "h", "Y", true), [-1, 0, 0, -1, 0]);
        assert_eq!(convert(&v, "7D", "W", true), v);
        assert_eq!(convert(&v, "3D", "2D", true), [-2, 1, 3, -3, 150]);
        assert_eq!(convert(&v, "3D", "2D", false), [-2, 1, 3, -3, 150]);
        assert_eq!(convert(&v, "3M", "2Y", true), [-1, 0, 0, -1, 12]);
        assert_eq!(
            convert(&v, "D", "ns", true),
            [
                -86400000000000,
                86400000000000,
                172800000000000,
                -172800000000000,
                8640000000000000
            ]
        );
        assert_eq!(convert(&[NAT, 5], "M", "Y", true), [NAT, 0]);
        assert_eq!(convert(&[NAT, 5], "ms", "s", false), [NAT, 0]);
        // NumPy 2.4 wraps around instead of raising.
        assert_eq!(convert(&[1 << 62], "s", "ms", false), [0]);
        assert_eq!(convert(&[-(1 << 62)], "s", "ms", true), [0]);
        assert_eq!(convert(&[1 << 62], "Y", "M", true), [0]);
        // Years whose day count wraps follow the divisions of NumPy's build.
        assert_eq!(
            convert(&[-(1 << 55), -100_000_000_000_000_000], "Y", "D", true),
            [5333613038694878412, 415355007603377110]
        );
        assert_eq!(
            convert(&[1 << 62, 100_000_000_000_000_000], "Y", "D", true),
            [5730019877896029471, -369238147419103233]
        );
        assert!(Converter::new(m("7D"), m("W"), true).unwrap().is_identity());
        assert!(Converter::new(m("s"), m("s"), true).unwrap().is_identity());
        assert!(!Converter::new(m("s"), m("ms"), true).unwrap().is_identity());

        let e = |a: &str, b: &str| err_text(Converter::new(m(a), m(b), true).err().unwrap());
        assert_eq!(
            e("D", "ps"),
            "Integer overflow while computing the conversion factor between NumPy datetime \
             units D and ps"
        );
        assert_eq!(
            e("as", "Y"),
            "Integer overflow while computing the conversion factor between NumPy datetime \
             units Y and as"
        );
        assert_eq!(
            e("s", "generic"),
            "Cannot convert from specific units to generic units in NumPy datetimes or timedeltas"
        );
        // Generic datetimes convert linearly, but not through the calendar.
        assert_eq!(convert(&[0, 5], "generic", "D", true), [0, 5]);
        let c = Converter::new(Meta::GENERIC, m("Y"), true).unwrap();
        assert_eq!(c.try_apply(NAT).unwrap(), NAT);
        assert_eq!(
            err_text(c.try_apply(0).unwrap_err()),
            "Cannot convert a NumPy datetime value other than NaT with generic units"
        );
    }

    #[test]
    fn calendar() {
        assert_eq!(days_from_ymd(1970, 1, 1), 0);
        assert_eq!(days_from_ymd(1969, 12, 31), -1);
        assert_eq!(days_from_ymd(2000, 3, 1), 11017);
        assert_eq!(days_from_ymd(1900, 3, 1), -25508);
        assert_eq!(days_from_ymd(0, 1, 1), -719528);
        assert_eq!(days_from_ymd(-1, 12, 31), -719529);
        assert_eq!(days_from_ymd(10000, 1, 1), 2932897);
        for days in (-800_000..800_000).step_by(97) {
            let (y, mo, d) = ymd_from_days(days);
            assert_eq!(days_from_ymd(y, mo, d), days);
        }
        assert_eq!(ymd_from_days(-1), (1969, 12, 31));
        assert_eq!(ymd_from_days(11016), (2000, 2, 29));
        assert_eq!(ymd_from_days(-25509), (1900, 2, 28));
        assert!(is_leap_year(2000) && is_leap_year(-4) && is_leap_year(0));
        assert!(!is_leap_year(1900) && !is_leap_year(-1) && !is_leap_year(2100));
        // Extremes wrap as NumPy's.
        assert_eq!(ymd_from_days(i64::MAX), (25252734927768524, 7, 27));
        assert_eq!(ymd_from_days(i64::MIN + 1), (25252734927768524, 7, 29));
        assert_eq!(ymd_from_days(1 << 62), (12626367463885247, 4, 15));
        assert_eq!(ymd_from_days(-(1 << 62)), (-12626367463881308, 9, 18));
    }

    #[test]
    fn structs_round_trip() {
        let s = to_struct(-1, m("ms")).unwrap();
        assert_eq!(
            s,
            DateTimeStruct {
                year: 1969,
                month: 12,
                day: 31,
                hour: 23,
                min: 59,
                sec: 59,
                us: 999000,
                ..Default::default()
            }
        );
        assert_eq!(to_struct(NAT, m("s")).unwrap().year, NAT);
        assert_eq!(to_struct(NAT, Meta::GENERIC).unwrap().year, NAT);
        assert_eq!(
            from_struct(&to_struct(NAT, m("s")).unwrap(), m("D")).unwrap(),
            NAT
        );
        assert!(to_struct(0, Meta::GENERIC).is_err());
        assert_eq!(
            err_text(from_struct(&DateTimeStruct::default(), Meta::GENERIC).unwrap_err()),
            "Cannot create a NumPy datetime other than NaT with generic units"
        );
        for unit in Unit::ALL.into_iter().filter(|&u| u != Generic) {
            for v in [
                -1_000_001i64,
                -86401,
                -3600,
                -61,
                -1,
                0,
                1,
                59,
                86_399,
                1_000_000_007,
            ] {
                let s = to_struct(v, Meta::new(unit)).unwrap();
                assert_eq!(from_struct(&s, Meta::new(unit)).unwrap(), v, "{unit:?} {v}");
            }
        }
        // [3D]: floors to its multiple.
        let s = to_struct(-1, m("3D")).unwrap();
        assert_eq!((s.year, s.month, s.day), (1969, 12, 29));
        assert_eq!(
            from_struct(&to_struct(-1, m("D")).unwrap(), m("3D")).unwrap(),
            -1
        );
        let fs = to_struct(-9_000_000_000_000_000_000, m("fs")).unwrap();
        assert_eq!((fs.day, fs.hour, fs.min, fs.sec), (31, 21, 30, 0));
        let at = to_struct(-9_000_000_000_000_000_000, m("as")).unwrap();
        assert_eq!((at.day, at.hour, at.min, at.sec), (31, 23, 59, 51));
    }

    fn parse(s: &str) -> (i64, Unit) {
        let p = parse_iso(s, None, Casting::SameKind).unwrap();
        (p.value, p.unit)
    }

    fn perr(s: &str) -> String {
        err_text(parse_iso(s, None, Casting::SameKind).err().unwrap())
    }

    #[test]
    fn parse_forms() {
        assert_eq!(parse("2020"), (50, Year));
        assert_eq!(parse("2020-02"), (601, Month));
        assert_eq!(parse("2020-02-29"), (18321, Day));
        assert_eq!(parse("2020-01-01T10"), (438298, Hour));
        assert_eq!(parse("2020-01-01 10:20"), (26297900, Minute));
        assert_eq!(parse("2020-01-01T10:20:30"), (1577874030, Second));
        assert_eq!(parse("2020-01-01T10:20:30."), (1577874030000, Milli));
        assert_eq!(parse("2020-01-01T10:20:30.1"), (1577874030100, Milli));
        assert_eq!(parse("2020-01-01T10:20:30.1234"), (1577874030123400, Micro));
        assert_eq!(
            parse("2020-01-01T10:20:30.123456789"),
            (1577874030123456789, Nano)
        );
        assert_eq!(
            parse("2020-01-01T10:20:30.123456789012345678"),
            (-7961328710019648690, Atto)
        );
        assert_eq!(parse("NaT"), (NAT, Generic));
        assert_eq!(parse("nAt"), (NAT, Generic));
        assert_eq!(parse(""), (NAT, Generic));
        assert_eq!(parse("-2020"), (-3990, Year));
        assert_eq!(parse("+2020"), (50, Year));
        // The sign counts only at the very start of the text.
        assert_eq!(parse(" -2020"), (50, Year));
        assert_eq!(parse("-0001-12-31"), (-719529, Day));
        assert_eq!(parse("--01"), (-23640, Month));
        assert_eq!(parse("20200101"), (20198131, Year));
        assert_eq!(parse("10000-01-01"), (2932897, Day));
        assert_eq!(parse(" 2020-01-01"), (18262, Day));
        assert_eq!(parse("9999999999999999999"), (-8446744073709553587, Year));
        assert_eq!(parse("99999999999999999999"), (7766279631452239949, Year));
        assert_eq!(parse("-9223372036854775808"), (NAT, Year));
        assert_eq!(
            parse_iso("now", None, Casting::SameKind).unwrap().unit,
            Second
        );
        assert_eq!(
            parse_iso("Today", None, Casting::SameKind).unwrap().unit,
            Day
        );

        // Time zones: accepted, applied, flagged for NumPy's warning.
        let tz = |s: &str| {
            let p = parse_iso(s, None, Casting::SameKind).unwrap();
            (p.value, p.unit, p.tz_warning)
        };
        assert_eq!(tz("2020-01-01T10Z"), (438298, Hour, true));
        assert_eq!(tz("2020-01-01T10Z "), (438298, Hour, true));
        assert_eq!(tz("2020-01-01T10 "), (438298, Hour, true));
        assert_eq!(tz("2020-01-01T10+0130"), (438296, Hour, true));
        assert_eq!(tz("2020-01-01T10-01:30"), (438299, Hour, true));
        assert_eq!(tz("2020-01-01T00:10+01"), (26297230, Minute, true));
        assert_eq!(tz("2020-01-01T10"), (438298, Hour, false));

        // In a given unit.
        let at = |s: &str, u: Unit| parse_iso(s, Some(u), Casting::SameKind).unwrap().value;
        assert_eq!(at("2020-01-01T10", Day), 18262);
        assert_eq!(at("2020-01-01", Hour), 438288);
        assert_eq!(at("2020-01-01T10:20", Year), 50);
        assert_eq!(at("2020-07-01", Week), 2634);
        assert_eq!(at("2020-01-01T10:20:30.5", Second), 1577874030);
        assert_eq!(at("NaT", Day), NAT);
        assert_eq!(
            err_text(
                parse_iso("2020-01-01T10", Some(Day), Casting::Safe)
                    .err()
                    .unwrap()
            ),
            "Cannot parse \"2020-01-01T10\" as unit 'D' using casting rule 'safe'"
        );
        assert_eq!(
            err_text(
                parse_iso("2020-01-01", Some(Generic), Casting::SameKind)
                    .err()
                    .unwrap()
            ),
            "Cannot create a NumPy datetime other than NaT with generic units"
        );
        assert_eq!(
            parse_iso("NaT", Some(Generic), Casting::SameKind)
                .unwrap()
                .value,
            NAT
        );
    }

    #[test]
    fn parse_errors() {
        assert_eq!(
            perr("2020-13-01"),
            "Month out of range in datetime string \"2020-13-01\""
        );
        assert_eq!(
            perr("2020-02-30"),
            "Day out of range in datetime string \"2020-02-30\""
        );
        assert_eq!(
            perr("2019-02-29"),
            "Day out of range in datetime string \"2019-02-29\""
        );
        assert_eq!(
            perr(" "),
            "Error parsing datetime string \" \" at position 1"
        );
        assert_eq!(
            perr("   "),
            "Error parsing datetime string \"   \" at position 3"
        );
        assert_eq!(
            perr("2020-01-01 "),
            "Error parsing datetime string \"2020-01-01 \" at position 11"
        );
        assert_eq!(
            perr("2020-01-01T10+24"),
            "Timezone hours offset out of range in datetime string \"2020-01-01T10+24\""
        );
        assert_eq!(
            perr("2020-01-01T10+0160"),
            "Timezone minutes offset out of range in datetime string \"2020-01-01T10+0160\""
        );
        assert_eq!(
            perr("2020-01-01T10+01:3"),
            "Error parsing datetime string \"2020-01-01T10+01:3\" at position 17"
        );
        assert_eq!(
            perr("2020-01-01T10x"),
            "Error parsing datetime string \"2020-01-01T10x\" at position 13"
        );
        assert_eq!(
            perr("2020-01-01T10:20:30.1234567890123456789"),
            "Error parsing datetime string \"2020-01-01T10:20:30.1234567890123456789\" at \
             position 38"
        );
        assert_eq!(
            perr("2020-01-01T10:"),
            "Error parsing datetime string \"2020-01-01T10:\" at position 14"
        );
        assert_eq!(
            perr("2020-01-01T1"),
            "Error parsing datetime string \"2020-01-01T1\" at position 11"
        );
        assert_eq!(
            perr("2020-01-01T24"),
            "Hours out of range in datetime string \"2020-01-01T24\""
        );
        assert_eq!(
            perr("2020-01-01T23:60"),
            "Minutes out of range in datetime string \"2020-01-01T23:60\""
        );
        assert_eq!(
            perr("2020-01-01T23:59:60"),
            "Seconds out of range in datetime string \"2020-01-01T23:59:60\""
        );
        assert_eq!(
            perr("-"),
            "Error parsing datetime string \"-\" at position 1"
        );
        assert_eq!(
            perr("2020-"),
            "Error parsing datetime string \"2020-\" at position 5"
        );
        assert_eq!(
            perr("2020-1"),
            "Error parsing datetime string \"2020-1\" at position 5"
        );
        assert_eq!(
            perr("2020-01-"),
            "Error parsing datetime string \"2020-01-\" at position 8"
        );
        assert_eq!(
            perr("2020-01-1"),
            "Error parsing datetime string \"2020-01-1\" at position 8"
        );
        assert_eq!(
            perr("2020x"),
            "Error parsing datetime string \"2020x\" at position 4"
        );
        assert_eq!(
            perr("2020-01-01\u{e9}"),
            "Error parsing datetime string \"2020-01-01\u{e9}\" at position 10"
        );
        assert_eq!(
            perr("2020-01-01T10\u{e9}"),
            "Error parsing datetime string \"2020-01-01T10\u{e9}\" at position 13"
        );
        assert!(matches!(
            parse_iso("2020-13-01", None, Casting::SameKind),
            Err(Error::Value(_))
        ));
    }

    fn fmt(v: i64, meta: &str, display: Option<Unit>, z: bool) -> String {
        format_iso(v, m(meta), display, z).unwrap()
    }

    #[test]
    fn formatting() {
        assert_eq!(
            fmt(-1, "fs", None, false),
            "1969-12-31T23:59:59.999999999999999"
        );
        assert_eq!(
            fmt(5_000_000_000, "fs", None, false),
            "1970-01-01T00:00:00.000005000000000"
        );
        assert_eq!(
            fmt(-9_000_000_000_000_000_000, "as", None, false),
            "1969-12-31T23:59:51.000000000000000000"
        );
        assert_eq!(fmt(-1, "W", None, false), "1969-12-25");
        assert_eq!(fmt(100, "3W", None, false), "1975-10-02");
        assert_eq!(fmt(-1, "7M", None, false), "1969-06");
        assert_eq!(fmt(-3000, "Y", None, false), "-1030");
        assert_eq!(fmt(-1970, "Y", None, false), "0000");
        assert_eq!(fmt(-1971, "Y", None, false), "-001");
        assert_eq!(fmt(8030, "Y", None, false), "10000");
        assert_eq!(fmt(1234567, "s", Some(Day), false), "1970-01-15");
        assert_eq!(fmt(-1234567, "s", Some(Month), false), "1969-12");
        assert_eq!(
            fmt(-1234567, "s", Some(Nano), false),
            "1969-12-17T17:03:53.000000000"
        );
        assert_eq!(fmt(-1234567, "s", Some(Week), false), "1969-12-17");
        assert_eq!(fmt(-1234567, "s", None, true), "1969-12-17T17:03:53Z");
        assert_eq!(fmt(-1234567, "D", None, true), "-1411-11-14");
        assert_eq!(fmt(-1234567, "h", None, true), "1829-02-28T17Z");
        assert_eq!(fmt(NAT, "h", None, true), "NaT");
        assert_eq!(format_iso(NAT, Meta::GENERIC, None, false).unwrap(), "NaT");
        assert_eq!(
            format_iso(NAT, Meta::GENERIC, Some(Day), false).unwrap(),
            "NaT"
        );
        assert_eq!(fmt(1 << 62, "D", None, false), "12626367463885247-04-15");
        assert_eq!(fmt(i64::MAX, "W", None, false), "25252734927768524-07-21");
        assert_eq!(
            fmt(i64::MIN + 1, "W", None, false),
            "25252734927768524-08-04"
        );
        assert_eq!(fmt(i64::MAX, "M", None, false), "768614336404566620-08");
        assert_eq!(
            fmt(i64::MIN + 1, "M", None, false),
            "-768614336404562681-06"
        );
        assert_eq!(fmt(i64::MAX, "Y", None, false), "-9223372036854773839");
        assert_eq!(
            fmt(i64::MAX, "s", None, false),
            "292277026596-12-04T15:30:07"
        );
        assert_eq!(
            fmt(i64::MIN + 1, "s", None, false),
            "-292277022657-01-27T08:29:53"
        );
        assert_eq!(fmt(i64::MAX, "h", None, false), "1052197288658909-10-10T07");
        assert_eq!(
            fmt(i64::MAX, "ns", None, false),
            "2262-04-11T23:47:16.854775807"
        );
        assert_eq!(
            fmt(i64::MIN + 1, "ns", None, false),
            "1677-09-21T00:12:43.145224193"
        );
        assert_eq!(fmt(1 << 62, "3D", None, false), "-12626367463881308-09-18");
        assert_eq!(fmt(1 << 62, "1000Y", None, false), "1970");
        assert_eq!(fmt(5, "0s", None, false), "1970-01-01T00:00:00");

        assert_eq!(
            err_text(format_iso(-1234567, m("s"), Some(Generic), false).unwrap_err()),
            "Cannot create a datetime string as units 'generic' from a NumPy datetime with \
             units 's' according to the rule 'same_kind'"
        );
        assert_eq!(
            err_text(format_iso(0, Meta::GENERIC, Some(Day), false).unwrap_err()),
            "Cannot convert a NumPy datetime value other than NaT with generic units"
        );
        assert_eq!(format_iso_fixed(18262, m("D"), 10).unwrap(), "2020-01-01");
        let e = format_iso_fixed(18262, m("D"), 5).unwrap_err();
        assert!(matches!(e, Error::Runtime(_)));
        assert_eq!(
            err_text(e),
            "The string provided for NumPy ISO datetime formatting was too short, with length 5"
        );
        assert!(format_iso_fixed(NAT, m("D"), 2).is_err());
    }

    #[test]
    fn auto_unit() {
        let auto = |v: i64, meta: &str| {
            let u = lossless_unit(v, m(meta)).unwrap();
            format_iso(v, m(meta), Some(u), false).unwrap()
        };
        assert_eq!(auto(-1, "ms"), "1969-12-31T23:59:59.999");
        assert_eq!(auto(0, "ms"), "1970-01-01");
        assert_eq!(auto(1, "ms"), "1970-01-01T00:00:00.001");
        assert_eq!(auto(12345678901, "ms"), "1970-05-23T21:21:18.901");
        assert_eq!(auto(3_600_000, "ms"), "1970-01-01T01:00");
        assert_eq!(auto(60_000, "ms"), "1970-01-01T00:01");
        assert_eq!(auto(86_400_000 * 31, "ms"), "1970-02-01");
        assert_eq!(auto(12, "M"), "1971-01-01");
        assert_eq!(auto(12, "Y"), "1982-01-01");
        assert_eq!(auto(3, "W"), "1970-01-22");
        assert_eq!(auto(NAT, "W"), "NaT");
        assert_eq!(
            format_iso(
                -1234567,
                m("s"),
                Some(lossless_unit(-1234567, m("s")).unwrap()),
                true
            )
            .unwrap(),
            "1969-12-17T17:03:53Z"
        );
    }

    #[test]
    fn round_trips() {
        for (meta, vals) in [
            ("Y", &[-5000i64, -1, 0, 1, 8030][..]),
            ("M", &[-25, -1, 0, 1, 11, 12_000][..]),
            ("D", &[-800_000, -1, 0, 1, 2_932_897][..]),
            ("h", &[-100_001, -1, 0, 23, 1_000_000][..]),
            ("m", &[-100_001, -1, 0, 59, 1_000_000][..]),
            ("s", &[-1_000_000_001, -1, 0, 59, 1_577_874_030][..]),
            ("ms", &[-1_500, -1, 0, 999, 1_577_874_030_123][..]),
            ("us", &[-1_500, -1, 0, 999_999][..]),
            ("ns", &[-1_500, -1, 0, i64::MAX][..]),
            ("ps", &[-1_500, -1, 0, 1_000_000_000_007][..]),
            ("fs", &[-1_500, -1, 0, 9_000_000_000_000_000_000][..]),
            ("as", &[-1_500, -1, 0, -9_000_000_000_000_000_000][..]),
        ] {
            let u = m(meta).unit;
            for &v in vals {
                let s = fmt(v, meta, None, false);
                assert_eq!(
                    parse_iso(&s, Some(u), Casting::SameKind).unwrap().value,
                    v,
                    "{s}"
                );
                assert_eq!(parse(&s), (v, u), "{s}");
            }
        }
    }

    #[test]
    fn string_lengths() {
        let lens: Vec<usize> = Unit::ALL.iter().map(|&u| iso_strlen(u)).collect();
        // The sizes of numpy's datetime_as_string results ('<U22', ..) per unit.
        assert_eq!(
            lens,
            [22, 25, 28, 28, 32, 35, 38, 42, 45, 48, 51, 54, 57, 4]
        );
    }
}
