//! What the two fixed-width text families share: bytes (`S<n>`, `bytes.rs`, a byte a
//! character) and str (`U<n>`, `unicode.rs`, UCS4 in either byte order). An item holds `n`
//! characters, null-padded: its text ends at its last nonzero character, inner NULs are text.
//!
//! Here: reading and writing characters; the casts between text and text (truncation,
//! padding, ASCII between bytes and str) and between text and numbers (numbers written as
//! NumPy's scalar `str` writes them, text read with the grammar of Python's `int()`,
//! `float()` and `complex()`); promotion with text and numbers; the ordering (code point by
//! code point, trailing NULs being padding); the comparison and `add` ufunc loops.

use std::cmp::Ordering;
use std::sync::Arc;

use smallvec::smallvec;

use super::bytes::{bytes, Bytes};
use super::method::{ArrayMethod, Family, FamilyLoop, MethodFlags, Resolved, StridedLoop};
use super::promote::Casting;
use super::unicode::{unicode, Unicode};
use super::{CompareFn, DType, Num, ScalarType};
use crate::error::{Error, Result};

/// How a text descriptor stores its characters.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Store {
    /// One byte a character (`S`).
    Bytes,
    /// UCS4 (`U`), byte-swapped or not.
    Ucs4 { swapped: bool },
}

/// A text descriptor's storage and length in characters.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TextDesc {
    pub store: Store,
    pub chars: usize,
}

impl TextDesc {
    /// The text descriptor `d` is, if it is one.
    pub fn of(d: &DType) -> Option<TextDesc> {
        let any = d.0.as_any();
        if let Some(b) = any.downcast_ref::<Bytes>() {
            return Some(TextDesc {
                store: Store::Bytes,
                chars: b.size,
            });
        }
        any.downcast_ref::<Unicode>().map(|u| TextDesc {
            store: Store::Ucs4 { swapped: !u.native },
            chars: u.chars,
        })
    }

    pub fn is_bytes(self) -> bool {
        self.store == Store::Bytes
    }

    /// The descriptor.
    pub fn dtype(self) -> DType {
        match self.store {
            Store::Bytes => bytes(self.chars),
            Store::Ucs4 { swapped } => unicode(self.chars, !swapped),
        }
    }

    /// The same storage with another length.
    pub fn sized(self, chars: usize) -> TextDesc {
        TextDesc { chars, ..self }
    }

    /// Character `i` of the item at `p`.
    ///
    /// # Safety
    /// `p` holds an item of this descriptor; `i < self.chars`.
    #[inline]
    pub unsafe fn get(self, p: *const u8, i: usize) -> u32 {
        // SAFETY: the caller's guarantee.
        unsafe {
            match self.store {
                Store::Bytes => *p.add(i) as u32,
                Store::Ucs4 { swapped } => {
                    let v = std::ptr::read_unaligned(p.add(4 * i) as *const u32);
                    if swapped {
                        v.swap_bytes()
                    } else {
                        v
                    }
                }
            }
        }
    }

    /// Set character `i` of the item at `p` (a byte item keeps the low byte).
    ///
    /// # Safety
    /// `p` holds a writable item of this descriptor; `i < self.chars`.
    #[inline]
    pub unsafe fn put(self, p: *mut u8, i: usize, c: u32) {
        // SAFETY: the caller's guarantee.
        unsafe {
            match self.store {
                Store::Bytes => *p.add(i) = c as u8,
                Store::Ucs4 { swapped } => {
                    let v = if swapped { c.swap_bytes() } else { c };
                    std::ptr::write_unaligned(p.add(4 * i) as *mut u32, v);
                }
            }
        }
    }

    /// The length of the item's text: up to its last nonzero character.
    ///
    /// # Safety
    /// `p` holds an item of this descriptor.
    #[inline]
    pub unsafe fn len(self, p: *const u8) -> usize {
        let mut n = self.chars;
        // SAFETY: the caller's guarantee; n - 1 < chars.
        while n > 0 && unsafe { self.get(p, n - 1) } == 0 {
            n -= 1;
        }
        n
    }

    /// The item's text, as code points.
    ///
    /// # Safety
    /// `p` holds an item of this descriptor.
    pub unsafe fn read(self, p: *const u8) -> Vec<u32> {
        // SAFETY: the caller's guarantee.
        unsafe { (0..self.len(p)).map(|i| self.get(p, i)).collect() }
    }

    /// Write `text` into the item at `p`, cut to the item's length, NULs after it. Into bytes,
    /// a character beyond ASCII is Python's UnicodeEncodeError (nothing is written then).
    ///
    /// # Safety
    /// `p` holds a writable item of this descriptor.
    pub unsafe fn write(self, p: *mut u8, text: &[u32]) -> Result<()> {
        let k = text.len().min(self.chars);
        if self.is_bytes() {
            if let Some(pos) = text.iter().position(|&c| c > 127) {
                return Err(Error::UnicodeEncode(text.to_vec(), pos));
            }
        }
        for (i, &c) in text[..k].iter().enumerate() {
            // SAFETY: the caller's guarantee; i < chars.
            unsafe { self.put(p, i, c) };
        }
        for i in k..self.chars {
            // SAFETY: as above.
            unsafe { self.put(p, i, 0) };
        }
        Ok(())
    }

    /// Write raw bytes into a bytes item (any byte value), cut and padded as [`Self::write`].
    ///
    /// # Safety
    /// As [`Self::write`]; the descriptor is a bytes one.
    pub unsafe fn write_bytes(self, p: *mut u8, data: &[u8]) {
        let k = data.len().min(self.chars);
        // SAFETY: the caller's guarantee: the item has `chars` bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(data.as_ptr(), p, k);
            std::ptr::write_bytes(p.add(k), 0, self.chars - k);
        }
    }
}

// ----- numbers as text -----

/// The characters NumPy gives a number of type `st` cast to unsized text (`astype('U')`).
pub fn width(st: ScalarType) -> usize {
    use ScalarType::*;
    match st {
        Bool => 5,
        Int8 => 4,
        UInt8 => 3,
        Int16 => 6,
        UInt16 => 5,
        Int32 => 11,
        UInt32 => 10,
        Int64 => 21,
        UInt64 => 20,
        Float16 | Float32 | Float64 => 32,
        Complex64 | Complex128 => 64,
    }
}

/// The precision a float is written in.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Prec {
    Half,
    Single,
    Double,
}

/// How a positional or scientific float ends.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum Trim {
    /// '1.0': one zero after the point.
    LeaveOneZero,
    /// '1': neither zeros nor the point.
    DptZeros,
}

/// The shortest digits that read back as `x` (finite, positive) in its precision, and the
/// decimal exponent of the first: `x = d.ddd * 10^e`.
fn shortest(x: f64, p: Prec) -> (Vec<u8>, i32) {
    let s = match p {
        Prec::Double => format!("{x:e}"),
        Prec::Single => format!("{:e}", x as f32),
        Prec::Half => (0..5)
            .map(|digits| format!("{x:.digits$e}"))
            .find(|s| {
                s.parse::<f64>()
                    .is_ok_and(|v| crate::dtype::float16::f16_from_f64(v).to_f64() == x)
            })
            .unwrap_or_else(|| format!("{x:.4e}")),
    };
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits: Vec<u8> = m.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, e.parse().unwrap_or(0))
}

/// NumPy's scalar `str` of a float (`format_float_positional` between 1e-4 and the type's
/// cutoff, `format_float_scientific` outside), `sign` forcing a '+'.
fn float_str(x: f64, p: Prec, trim: Trim, sign: bool) -> String {
    let plus = if sign { "+" } else { "" };
    if x.is_nan() {
        return format!("{plus}nan");
    }
    if x.is_infinite() {
        return if x > 0.0 {
            format!("{plus}inf")
        } else {
            "-inf".into()
        };
    }
    let neg = x.is_sign_negative();
    let lead = if neg { "-" } else { plus };
    let a = x.abs();
    if a == 0.0 {
        return match trim {
            Trim::LeaveOneZero => format!("{lead}0.0"),
            Trim::DptZeros => format!("{lead}0"),
        };
    }
    let cutoff = match p {
        Prec::Half => 1e3,
        Prec::Single => 1e6,
        Prec::Double => 1e16,
    };
    let (d, e) = shortest(a, p);
    layout(lead, &d, e, a < cutoff && a >= 1e-4, trim)
}

/// Digits `d` (`d.ddd * 10^e`) written positionally or in scientific notation, after the sign
/// `lead`, as NumPy's Dragon4 formatting writes them.
pub(crate) fn layout(lead: &str, d: &[u8], e: i32, positional: bool, trim: Trim) -> String {
    let digits = |r: &[u8]| String::from_utf8_lossy(r).into_owned();
    if positional {
        let (int, frac) = if e >= 0 {
            let e = e as usize;
            if d.len() > e + 1 {
                (digits(&d[..=e]), digits(&d[e + 1..]))
            } else {
                (digits(d) + &"0".repeat(e + 1 - d.len()), String::new())
            }
        } else {
            ("0".into(), "0".repeat((-e - 1) as usize) + &digits(d))
        };
        return match (frac.is_empty(), trim) {
            (false, _) => format!("{lead}{int}.{frac}"),
            (true, Trim::LeaveOneZero) => format!("{lead}{int}.0"),
            (true, Trim::DptZeros) => format!("{lead}{int}"),
        };
    }
    let rest = if d.len() > 1 {
        format!(".{}", digits(&d[1..]))
    } else {
        String::new()
    };
    let es = if e < 0 { '-' } else { '+' };
    format!("{lead}{}{rest}e{es}{:02}", d[0] as char, e.unsigned_abs())
}

/// NumPy's scalar `str` of a complex number: '(1+2j)', '2j', '(nan+1j)'.
fn complex_str(re: f64, im: f64, p: Prec) -> String {
    if re == 0.0 && !re.is_sign_negative() {
        return float_str(im, p, Trim::DptZeros, false) + "j";
    }
    let r = float_str(re, p, Trim::DptZeros, false);
    let i = float_str(im, p, Trim::DptZeros, true);
    format!("({r}{i}j)")
}

/// A number of type `st` as NumPy's scalar `str` writes it.
pub fn num_str(n: Num, st: ScalarType) -> String {
    let p = match st {
        ScalarType::Float16 => Prec::Half,
        ScalarType::Float32 | ScalarType::Complex64 => Prec::Single,
        _ => Prec::Double,
    };
    match n {
        Num::B(b) => if b { "True" } else { "False" }.into(),
        Num::I(i) => i.to_string(),
        Num::U(u) => u.to_string(),
        Num::F(x) => float_str(x, p, Trim::LeaveOneZero, false),
        Num::C(re, im) => complex_str(re, im, p),
    }
}

// ----- text as numbers (Python's int(), float() and complex()) -----

/// Python's repr of a text, for messages: 'abc' or b'abc'.
fn text_repr(t: &[u32], is_bytes: bool) -> String {
    let body: String = t
        .iter()
        .map(|&c| match char::from_u32(c) {
            Some('\'') => "\\'".to_string(),
            Some('\\') => "\\\\".to_string(),
            Some(ch) if !ch.is_control() && (c < 128 || !is_bytes) => ch.to_string(),
            _ if c < 256 => format!("\\x{c:02x}"),
            _ => format!("\\U{c:08x}"),
        })
        .collect();
    format!("{}'{body}'", if is_bytes { "b" } else { "" })
}

/// The text Python's number constructors read: surrounding whitespace gone, underscores
/// allowed only between digits (and then dropped). None when not valid text.
fn number_text(t: &[u32]) -> Option<String> {
    let space = |c: &u32| char::from_u32(*c).is_some_and(char::is_whitespace);
    let start = t.iter().position(|c| !space(c)).unwrap_or(t.len());
    let end = t.iter().rposition(|c| !space(c)).map_or(start, |i| i + 1);
    let t = &t[start..end];
    let digit = |i: Option<usize>| {
        i.and_then(|i| t.get(i))
            .is_some_and(|&c| (48..58).contains(&c))
    };
    let mut out = String::with_capacity(t.len());
    for (i, &c) in t.iter().enumerate() {
        if c == u32::from(b'_') {
            if !digit(i.checked_sub(1)) || !digit(Some(i + 1)) {
                return None;
            }
            continue;
        }
        out.push(char::from_u32(c)?);
    }
    Some(out)
}

/// Python's `int(text)`, as a value or the text of one too large for 128 bits.
fn parse_int(t: &[u32], is_bytes: bool) -> Result<std::result::Result<i128, String>> {
    let bad = || {
        Error::Value(format!(
            "invalid literal for int() with base 10: {}",
            text_repr(t, is_bytes)
        ))
    };
    let s = number_text(t).ok_or_else(bad)?;
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, &s[..]),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let mut v: i128 = 0;
    for c in digits.bytes() {
        match v
            .checked_mul(10)
            .and_then(|v| v.checked_add((c - b'0') as i128))
        {
            Some(x) => v = x,
            None => {
                let text = digits.trim_start_matches('0');
                return Ok(Err(format!("{}{text}", if neg { "-" } else { "" })));
            }
        }
    }
    Ok(Ok(if neg { -v } else { v }))
}

/// Python's `float(text)`.
fn parse_float(t: &[u32], is_bytes: bool) -> Result<f64> {
    let bad = || {
        Error::Value(format!(
            "could not convert string to float: {}",
            text_repr(t, is_bytes)
        ))
    };
    let s = number_text(t).ok_or_else(bad)?;
    float_literal(&s).ok_or_else(bad)
}

/// A float literal as Python reads one (Rust's grammar plus the same special names).
fn float_literal(s: &str) -> Option<f64> {
    let body = s.trim_start_matches(['+', '-']);
    if s.len() - body.len() > 1 || body.starts_with(['+', '-']) {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    if !matches!(lower.as_str(), "inf" | "infinity" | "nan")
        && !body
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    s.parse::<f64>().ok()
}

/// Python's `complex(text)`: 'x', 'yj', 'x+yj', each part a float literal, in optional
/// parentheses.
fn parse_complex(t: &[u32]) -> Result<(f64, f64)> {
    let bad = || Error::Value("complex() arg is a malformed string".into());
    let (re, im) = complex_parts(t)?;
    let value = |x: &str| float_literal(x).ok_or_else(bad);
    Ok((value(&re)?, value(&im)?))
}

/// The real and imaginary parts of Python's `complex(text)` as float literals ('0' for a
/// missing part, '1'/'-1' for a bare 'j'), each checked by Python's float grammar.
fn complex_parts(t: &[u32]) -> Result<(String, String)> {
    let bad = || Error::Value("complex() arg is a malformed string".into());
    let s = number_text(t).ok_or_else(bad)?;
    let s = match s.strip_prefix('(') {
        Some(inner) => inner.strip_suffix(')').ok_or_else(bad)?.trim().to_string(),
        None => s,
    };
    let checked = |x: &str| float_literal(x).map(|_| x.to_string()).ok_or_else(bad);
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Ok((checked(&s)?, "0".into()));
    };
    // The imaginary part starts at the last sign that is not the first character or an
    // exponent's.
    let b = body.as_bytes();
    let split = (1..b.len())
        .rev()
        .find(|&i| matches!(b[i], b'+' | b'-') && !matches!(b[i - 1], b'e' | b'E'));
    let (re, im) = match split {
        Some(k) => (checked(&body[..k])?, &body[k..]),
        None => ("0".to_string(), body),
    };
    let im = match im {
        "" | "+" => "1".to_string(),
        "-" => "-1".to_string(),
        x => checked(x)?,
    };
    Ok((re, im))
}

/// The number a text item means as type `st` (Python's constructors, then NumPy's range check
/// of a Python int).
pub fn parse_number(t: &[u32], is_bytes: bool, st: ScalarType) -> Result<Num> {
    Ok(match st.kind() {
        'b' => Num::B(!t.is_empty()),
        'i' | 'u' => {
            let v = parse_int(t, is_bytes)?;
            let out = || {
                let text = match &v {
                    Ok(x) => x.to_string(),
                    Err(s) => s.clone(),
                };
                Error::Overflow(format!(
                    "Python integer {text} out of bounds for {}",
                    st.dtype().name()
                ))
            };
            let x = *v.as_ref().map_err(|_| out())?;
            let bits = 8 * st.itemsize() as u32;
            let (lo, hi) = if st.kind() == 'i' {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if x < lo || x > hi {
                return Err(out());
            }
            if x < 0 {
                Num::I(x as i64)
            } else {
                Num::U(x as u64)
            }
        }
        'f' => Num::F(parse_float(t, is_bytes)?),
        _ => {
            if is_bytes {
                // NumPy reads bytes as UTF-8 text before Python's complex() sees them.
                let raw: Vec<u8> = t.iter().map(|&c| c as u8).collect();
                if let Err(e) = std::str::from_utf8(&raw) {
                    return Err(Error::UnicodeDecode(raw, e.valid_up_to(), true));
                }
            }
            let (re, im) = parse_complex(t)?;
            Num::C(re, im)
        }
    })
}

// ----- casts -----

/// The casting level of text to text (the target sized).
fn text_level(from: TextDesc, to: TextDesc) -> Casting {
    match (from.is_bytes(), to.is_bytes()) {
        (false, true) => Casting::Unsafe,
        (a, b) if a == b && from.chars == to.chars => {
            if from.store == to.store {
                Casting::No
            } else {
                Casting::Equiv
            }
        }
        _ if to.chars >= from.chars => Casting::Safe,
        _ => Casting::SameKind,
    }
}

/// Call `f` on each of `n` items of a strided loop's operands.
pub(crate) fn each(
    p: &[*mut u8],
    s: &[isize],
    n: usize,
    mut f: impl FnMut(&[*mut u8]) -> Result<()>,
) -> Result<u32> {
    let mut q: smallvec::SmallVec<[*mut u8; 3]> = p.iter().copied().collect();
    for _ in 0..n {
        f(&q)?;
        for (x, &st) in q.iter_mut().zip(s) {
            *x = x.wrapping_offset(st);
        }
    }
    Ok(0)
}

/// Items from which [`par_each`] splits its work across threads.
const PAR_EACH_ITEMS: usize = 1 << 14;

/// [`each`] over many items split across threads (per-item work such as parsing and
/// formatting); the first failing item's error, in index order, is reported.
pub(crate) fn par_each(
    p: &[*mut u8],
    s: &[isize],
    n: usize,
    f: impl Fn(&[*mut u8]) -> Result<()> + Sync,
) -> Result<u32> {
    let threads = rayon::current_num_threads();
    if n < PAR_EACH_ITEMS || threads < 2 {
        return each(p, s, n, f);
    }
    use rayon::prelude::*;
    let base: smallvec::SmallVec<[usize; 3]> = p.iter().map(|&x| x as usize).collect();
    let chunk = n.div_ceil(threads * 4);
    let results: Vec<Result<u32>> = (0..n.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            let lo = c * chunk;
            let q: smallvec::SmallVec<[*mut u8; 3]> = base
                .iter()
                .zip(s)
                .map(|(&b, &st)| (b as *mut u8).wrapping_offset(lo as isize * st))
                .collect();
            each(&q, s, chunk.min(n - lo), &f)
        })
        .collect();
    results.into_iter().find(|r| r.is_err()).unwrap_or(Ok(0))
}

/// Text to text: truncated or padded; bytes to str must be ASCII, str to bytes too.
struct TextToText;

impl ArrayMethod for TextToText {
    fn name(&self) -> &str {
        "text_to_text_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let from = text_desc(&ins[0])?;
        let to = match &outs[0] {
            Some(d) => text_desc(d)?,
            None => from,
        };
        let to = if to.chars == 0 {
            to.sized(from.chars)
        } else {
            to
        };
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to.dtype()],
            casting: text_level(from, to),
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (from, to) = (text_desc(&d[0])?, text_desc(&d[1])?);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract: an item of each descriptor at each pointer.
                unsafe {
                    if from.is_bytes() && to.is_bytes() {
                        let k = from.len(q[0]);
                        let data = std::slice::from_raw_parts(q[0] as *const u8, k);
                        to.write_bytes(q[1], data);
                        return Ok(());
                    }
                    let t = from.read(q[0]);
                    if from.is_bytes() {
                        if let Some(pos) = t.iter().position(|&c| c > 127) {
                            let raw = t.iter().map(|&c| c as u8).collect();
                            return Err(Error::UnicodeDecode(raw, pos, false));
                        }
                    }
                    to.write(q[1], &t)
                }
            })
        }))
    }
}

/// A number to text, written as NumPy's scalar `str`.
struct NumToText(ScalarType);

impl ArrayMethod for NumToText {
    fn name(&self) -> &str {
        "number_to_text_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        number_text_resolved(&ins[0], &outs[0], width(self.0))
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (st, swap, to) = (self.0, !d[0].is_native(), text_desc(&d[1])?);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract.
                let v = unsafe { super::cast::read_num(q[0], st, swap) };
                let t: Vec<u32> = num_str(v, st).chars().map(|c| c as u32).collect();
                // SAFETY: as above.
                unsafe { to.write(q[1], &t) }
            })
        }))
    }
}

/// Text to a number, read as Python's constructors read it.
struct TextToNum(ScalarType);

impl ArrayMethod for TextToNum {
    fn name(&self) -> &str {
        "text_to_number_cast"
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let to = outs[0].clone().unwrap_or_else(|| self.0.dtype());
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to],
            casting: Casting::Unsafe,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (from, st, swap) = (text_desc(&d[0])?, self.0, !d[1].is_native());
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract.
                let t = unsafe { from.read(q[0]) };
                let v = parse_number(&t, from.is_bytes(), st)?;
                // SAFETY: as above.
                unsafe { super::cast::cast_num(v, q[1], st, swap) };
                Ok(())
            })
        }))
    }
}

pub(crate) fn text_desc(d: &DType) -> Result<TextDesc> {
    TextDesc::of(d).ok_or_else(|| Error::Type(format!("not a text dtype: {d:?}")))
}

/// The text target of a cast that writes items of up to `need` characters: the given
/// output (unsized: sized to `need`), or `str` of `need` characters.
pub(crate) fn sized_target(out: &Option<DType>, need: usize) -> Result<TextDesc> {
    let to = match out {
        Some(d) => text_desc(d)?,
        None => TextDesc {
            store: Store::Ucs4 { swapped: false },
            chars: 0,
        },
    };
    Ok(if to.chars == 0 { to.sized(need) } else { to })
}

/// The resolution of a number's cast to text whose `str` takes up to `need` characters:
/// safe when the text holds them (an unsized target is sized to them), else same-kind.
pub(crate) fn number_text_resolved(
    from: &DType,
    out: &Option<DType>,
    need: usize,
) -> Result<Resolved> {
    let to = sized_target(out, need)?;
    Ok(Resolved {
        descrs: smallvec![from.clone(), to.dtype()],
        casting: if to.chars >= need {
            Casting::Safe
        } else {
            Casting::SameKind
        },
    })
}

/// The cast from text to `to`, when `to` is text or a number.
pub fn cast_from_text(to: &DType) -> Option<Arc<dyn ArrayMethod>> {
    if TextDesc::of(to).is_some() {
        return Some(Arc::new(TextToText));
    }
    to.scalar_type()
        .map(|st| Arc::new(TextToNum(st)) as Arc<dyn ArrayMethod>)
}

/// The cast from `from` (text or a number) to text.
pub fn cast_to_text(from: &DType) -> Option<Arc<dyn ArrayMethod>> {
    if TextDesc::of(from).is_some() {
        return Some(Arc::new(TextToText));
    }
    from.scalar_type()
        .map(|st| Arc::new(NumToText(st)) as Arc<dyn ArrayMethod>)
}

/// The descriptor text `a` and `other` (text or a number) promote to: str when either is,
/// long enough for both (a number counts as its [`width`]).
pub fn common(a: TextDesc, other: &DType) -> Option<DType> {
    let (bytes_too, chars) = match (TextDesc::of(other), other.scalar_type()) {
        (Some(b), _) => (b.is_bytes(), b.chars),
        (None, Some(st)) => (a.is_bytes(), width(st)),
        _ => return None,
    };
    let chars = chars.max(a.chars);
    Some(if a.is_bytes() && bytes_too {
        bytes(chars)
    } else {
        unicode(chars, true)
    })
}

// ----- ordering and ufunc loops -----

/// How a loop reads the characters of one storage, chosen once per loop.
trait Chars {
    /// Which storage (two readers with one `ID` read the same bytes alike).
    const ID: u8;
    /// Bytes a character.
    const UNIT: usize;
    /// Character `i` of the item at `p`.
    ///
    /// # Safety
    /// `p` holds an item of more than `i` characters of this storage.
    unsafe fn at(p: *const u8, i: usize) -> u32;
}

/// Bytes (`S`).
struct B;
/// UCS4 in the machine's byte order.
struct N;
/// UCS4 byte-swapped.
struct W;

impl Chars for B {
    const ID: u8 = 0;
    const UNIT: usize = 1;
    #[inline(always)]
    unsafe fn at(p: *const u8, i: usize) -> u32 {
        // SAFETY: the caller's guarantee.
        unsafe { *p.add(i) as u32 }
    }
}
impl Chars for N {
    const ID: u8 = 1;
    const UNIT: usize = 4;
    #[inline(always)]
    unsafe fn at(p: *const u8, i: usize) -> u32 {
        // SAFETY: the caller's guarantee.
        unsafe { std::ptr::read_unaligned(p.add(4 * i) as *const u32) }
    }
}
impl Chars for W {
    const ID: u8 = 2;
    const UNIT: usize = 4;
    #[inline(always)]
    unsafe fn at(p: *const u8, i: usize) -> u32 {
        // SAFETY: the caller's guarantee.
        unsafe { std::ptr::read_unaligned(p.add(4 * i) as *const u32).swap_bytes() }
    }
}

/// Is every character of the item at `p` from `from` to `to` a NUL?
///
/// # Safety
/// `p` holds an item of `to` characters.
#[inline(always)]
unsafe fn nuls<X: Chars>(p: *const u8, from: usize, to: usize) -> bool {
    // SAFETY: the caller's guarantee: NUL is zero in every storage, so the bytes tell.
    unsafe { std::slice::from_raw_parts(p.add(from * X::UNIT), (to - from) * X::UNIT) }
        .iter()
        .all(|&b| b == 0)
}

/// Two items in NumPy's order: code point by code point, the shorter padded with NULs.
///
/// # Safety
/// `pa` holds an item of `na` characters of storage `X`, `pb` one of `nb` of `Y`.
#[inline(always)]
unsafe fn order<X: Chars, Y: Chars>(
    pa: *const u8,
    na: usize,
    pb: *const u8,
    nb: usize,
) -> Ordering {
    let k = na.min(nb);
    // SAFETY: the caller's guarantee; every index is inside its item.
    unsafe {
        if X::UNIT == 1 && Y::UNIT == 1 {
            let (x, y) = (
                std::slice::from_raw_parts(pa, k),
                std::slice::from_raw_parts(pb, k),
            );
            let o = x.cmp(y);
            if o.is_ne() {
                return o;
            }
        } else {
            for i in 0..k {
                let (x, y) = (X::at(pa, i), Y::at(pb, i));
                if x != y {
                    return x.cmp(&y);
                }
            }
        }
        if na > k && !nuls::<X>(pa, k, na) {
            Ordering::Greater
        } else if nb > k && !nuls::<Y>(pb, k, nb) {
            Ordering::Less
        } else {
            Ordering::Equal
        }
    }
}

/// Are two items of one storage equal (the longer's rest all NULs)? Their bytes tell.
///
/// # Safety
/// As [`order`], both of storage `X`.
#[inline(always)]
unsafe fn same<X: Chars>(pa: *const u8, na: usize, pb: *const u8, nb: usize) -> bool {
    let k = na.min(nb);
    // SAFETY: the caller's guarantee.
    unsafe {
        std::slice::from_raw_parts(pa, k * X::UNIT) == std::slice::from_raw_parts(pb, k * X::UNIT)
            && nuls::<X>(pa, k, na)
            && nuls::<X>(pb, k, nb)
    }
}

/// Two items of any text descriptors in NumPy's order.
///
/// # Safety
/// `pa` holds an item of `a`, `pb` one of `b`.
unsafe fn compare(a: TextDesc, pa: *const u8, b: TextDesc, pb: *const u8) -> Ordering {
    let (na, nb) = (a.chars, b.chars);
    // SAFETY: the caller's guarantee.
    unsafe {
        match (a.store, b.store) {
            (Store::Bytes, Store::Bytes) => order::<B, B>(pa, na, pb, nb),
            (Store::Bytes, _) | (_, Store::Bytes) => {
                // Mixed storage is no loop's; characters compared one by one.
                let get = |d: TextDesc, p, i| if i < d.chars { d.get(p, i) } else { 0 };
                (0..na.max(nb))
                    .map(|i| get(a, pa, i).cmp(&get(b, pb, i)))
                    .find(|o| o.is_ne())
                    .unwrap_or(Ordering::Equal)
            }
            (Store::Ucs4 { swapped: x }, Store::Ucs4 { swapped: y }) => match (x, y) {
                (false, false) => order::<N, N>(pa, na, pb, nb),
                (false, true) => order::<N, W>(pa, na, pb, nb),
                (true, false) => order::<W, N>(pa, na, pb, nb),
                (true, true) => order::<W, W>(pa, na, pb, nb),
            },
        }
    }
}

/// The family's ordering hook.
pub fn ordering(d: TextDesc) -> CompareFn {
    // SAFETY: CompareFn's contract: one item of the descriptor at each pointer.
    Arc::new(move |a: *const u8, b: *const u8| unsafe { compare(d, a, d, b) })
}

/// The family's order as words: bytes eight to a word, UCS4 code units two to a word, big
/// end first and the item's end padded with zeros (NumPy compares the units unsigned, the
/// shorter item as if padded with NULs).
pub fn sort_words(d: TextDesc) -> super::SortWords {
    let per = match d.store {
        Store::Bytes => 8,
        Store::Ucs4 { .. } => 2,
    };
    let bits = 64 / per;
    super::SortWords {
        words: d.chars.div_ceil(per),
        // SAFETY: SortWords' contract: one item of the descriptor at `p`.
        word: Arc::new(move |p: *const u8, k: usize| {
            let (start, end) = (k * per, ((k + 1) * per).min(d.chars));
            let mut w = 0u64;
            for i in start..end {
                // SAFETY: i < chars: a unit of the item.
                w |= (unsafe { d.get(p, i) } as u64) << (bits * (per - 1 - (i - start)));
            }
            w
        }),
    }
}

/// The six comparison ufuncs (every family's comparison loops).
#[derive(Copy, Clone)]
pub(crate) enum Cmp {
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}

impl Cmp {
    pub(crate) const ALL: [(&'static str, Cmp); 6] = [
        ("equal", Cmp::Equal),
        ("not_equal", Cmp::NotEqual),
        ("less", Cmp::Less),
        ("less_equal", Cmp::LessEqual),
        ("greater", Cmp::Greater),
        ("greater_equal", Cmp::GreaterEqual),
    ];

    /// Whether the comparison holds for two items in ordering `o`.
    #[inline(always)]
    pub(crate) fn holds(self, o: Ordering) -> bool {
        match self {
            Cmp::Equal => o.is_eq(),
            Cmp::NotEqual => o.is_ne(),
            Cmp::Less => o.is_lt(),
            Cmp::LessEqual => o.is_le(),
            Cmp::Greater => o.is_gt(),
            Cmp::GreaterEqual => o.is_ge(),
        }
    }
}

/// The strided comparison loop of items of `na` characters of `X` and `nb` of `Y`.
fn compare_loop<X: Chars, Y: Chars>(na: usize, nb: usize, op: Cmp) -> StridedLoop {
    Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
        let (mut a, mut b, mut o) = (p[0] as *const u8, p[1] as *const u8, p[2]);
        for _ in 0..n {
            // SAFETY: StridedLoop's contract: an item of each operand at each step.
            unsafe {
                let r = match op {
                    Cmp::Equal if X::ID == Y::ID => same::<X>(a, na, b, nb),
                    Cmp::NotEqual if X::ID == Y::ID => !same::<X>(a, na, b, nb),
                    _ => op.holds(order::<X, Y>(a, na, b, nb)),
                };
                *o = r as u8;
            }
            a = a.wrapping_offset(s[0]);
            b = b.wrapping_offset(s[1]);
            o = o.wrapping_offset(s[2]);
        }
        Ok(0)
    })
}

/// A comparison of two text items of one family, any lengths: a bool.
struct Compare(Cmp);

impl ArrayMethod for Compare {
    fn name(&self) -> &str {
        "text_comparison"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), ins[1].clone(), ScalarType::Bool.dtype()],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (a, b, op) = (text_desc(&d[0])?, text_desc(&d[1])?, self.0);
        let (na, nb) = (a.chars, b.chars);
        Ok(match (a.store, b.store) {
            (Store::Bytes, Store::Bytes) => compare_loop::<B, B>(na, nb, op),
            (Store::Ucs4 { swapped: false }, Store::Ucs4 { swapped: false }) => {
                compare_loop::<N, N>(na, nb, op)
            }
            (Store::Ucs4 { swapped: false }, Store::Ucs4 { swapped: true }) => {
                compare_loop::<N, W>(na, nb, op)
            }
            (Store::Ucs4 { swapped: true }, Store::Ucs4 { swapped: false }) => {
                compare_loop::<W, N>(na, nb, op)
            }
            (Store::Ucs4 { swapped: true }, Store::Ucs4 { swapped: true }) => {
                compare_loop::<W, W>(na, nb, op)
            }
            _ => bail!(Type, "no comparison loop for {:?} and {:?}", d[0], d[1]),
        })
    }
}

/// The length of the item at `p` of `n` characters of `X`: up to its last nonzero character.
///
/// # Safety
/// `p` holds an item of `n` characters of `X`.
#[inline(always)]
unsafe fn text_len<X: Chars>(p: *const u8, n: usize) -> usize {
    // SAFETY: the caller's guarantee.
    let bytes = unsafe { std::slice::from_raw_parts(p, n * X::UNIT) };
    bytes
        .iter()
        .rposition(|&b| b != 0)
        .map_or(0, |i| i / X::UNIT + 1)
}

/// The strided `add` loop for one storage `X` on both sides and the output: the texts one
/// after the other, NULs after them.
fn concat_loop<X: Chars>(na: usize, nb: usize, no: usize) -> StridedLoop {
    Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
        let (mut a, mut b, mut o) = (p[0] as *const u8, p[1] as *const u8, p[2]);
        let u = X::UNIT;
        for _ in 0..n {
            // SAFETY: StridedLoop's contract; ka + kb <= na + nb == no characters.
            unsafe {
                let (ka, kb) = (text_len::<X>(a, na), text_len::<X>(b, nb));
                std::ptr::copy_nonoverlapping(a, o, ka * u);
                std::ptr::copy_nonoverlapping(b, o.add(ka * u), kb * u);
                std::ptr::write_bytes(o.add((ka + kb) * u), 0, (no - ka - kb) * u);
            }
            a = a.wrapping_offset(s[0]);
            b = b.wrapping_offset(s[1]);
            o = o.wrapping_offset(s[2]);
        }
        Ok(0)
    })
}

/// `add` of two text items of one family: the concatenation, as long as both together.
struct Concat;

impl ArrayMethod for Concat {
    fn name(&self) -> &str {
        "text_add"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        let (a, b) = (text_desc(&ins[0])?, text_desc(&ins[1])?);
        let chars = a.chars + b.chars;
        ensure!(
            chars <= super::MAX_ITEMSIZE / 4,
            Overflow,
            "Overflow encountered in string add"
        );
        let out = if a.is_bytes() {
            bytes(chars)
        } else {
            unicode(chars, true)
        };
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), ins[1].clone(), out],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (a, b, o) = (text_desc(&d[0])?, text_desc(&d[1])?, text_desc(&d[2])?);
        let fast = a.store == b.store && b.store == o.store && o.chars >= a.chars + b.chars;
        if fast {
            return Ok(match o.store {
                Store::Bytes => concat_loop::<B>(a.chars, b.chars, o.chars),
                Store::Ucs4 { swapped: false } => concat_loop::<N>(a.chars, b.chars, o.chars),
                Store::Ucs4 { swapped: true } => concat_loop::<W>(a.chars, b.chars, o.chars),
            });
        }
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract.
                unsafe {
                    let mut t = a.read(q[0]);
                    t.extend(b.read(q[1]));
                    o.write(q[2], &t)
                }
            })
        }))
    }
}

/// `logical_and`, `logical_or`, `logical_xor`.
#[derive(Copy, Clone)]
enum Logic {
    And,
    Or,
    Xor,
}

/// Whether the item at a pointer is true: text that is not empty, a nonzero number.
type Truth = Box<dyn Fn(*const u8) -> bool + Send + Sync>;

fn truth(d: &DType) -> Result<Truth> {
    if let Some(t) = TextDesc::of(d) {
        let bytes = t.chars * if t.is_bytes() { 1 } else { 4 };
        // SAFETY: (when called) an item of `d` at the pointer: NUL bytes only means empty.
        return Ok(Box::new(move |p| unsafe { !nuls::<B>(p, 0, bytes) }));
    }
    let st = d
        .scalar_type()
        .ok_or_else(|| Error::Type(format!("no truth value for {d:?}")))?;
    let swap = !d.is_native();
    // SAFETY: (when called) an item of `st` at the pointer.
    Ok(Box::new(move |p| {
        match unsafe { super::cast::read_num(p, st, swap) } {
            Num::B(b) => b,
            Num::I(i) => i != 0,
            Num::U(u) => u != 0,
            Num::F(x) => x != 0.0,
            Num::C(re, im) => re != 0.0 || im != 0.0,
        }
    }))
}

/// The logical ufuncs on text (NumPy 2 has them): each operand's truth, text with text or
/// with a number.
struct Logical(Logic);

impl ArrayMethod for Logical {
    fn name(&self) -> &str {
        "text_logical"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), ins[1].clone(), ScalarType::Bool.dtype()],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (x, y, op) = (truth(&d[0])?, truth(&d[1])?, self.0);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                let (a, b) = (x(q[0]), y(q[1]));
                let r = match op {
                    Logic::And => a && b,
                    Logic::Or => a || b,
                    Logic::Xor => a != b,
                };
                // SAFETY: StridedLoop's contract: a bool item at the output pointer.
                unsafe { *q[2] = r as u8 };
                Ok(())
            })
        }))
    }
}

/// The families' ufunc loops, for `dispatch::methods::register`.
pub fn loops() -> Vec<FamilyLoop> {
    let mut v = Vec::new();
    for fam in [Family::of::<Bytes>(), Family::of::<Unicode>()] {
        for (name, op) in Cmp::ALL {
            v.push(FamilyLoop {
                ufunc: name,
                ins: smallvec![fam, fam],
                method: Arc::new(Compare(op)),
            });
        }
        v.push(FamilyLoop {
            ufunc: "add",
            ins: smallvec![fam, fam],
            method: Arc::new(Concat),
        });
    }
    // The logical ufuncs take text with text of either family and with every number.
    let text = [Family::of::<Bytes>(), Family::of::<Unicode>()];
    let mut pairs = Vec::new();
    for a in text {
        for b in text {
            pairs.push((a, b));
        }
        for st in ScalarType::ALL {
            pairs.push((a, st.dtype().family()));
            pairs.push((st.dtype().family(), a));
        }
    }
    for (name, op) in [
        ("logical_and", Logic::And),
        ("logical_or", Logic::Or),
        ("logical_xor", Logic::Xor),
    ] {
        for &(a, b) in &pairs {
            v.push(FamilyLoop {
                ufunc: name,
                ins: smallvec![a, b],
                method: Arc::new(Logical(op)),
            });
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::method::resolve_cast;
    use crate::dtype::promote::{can_cast, promote_types};

    fn u(n: usize) -> DType {
        unicode(n, true)
    }

    #[test]
    fn floats_as_numpy_writes_them() {
        let d = |x: f64| num_str(Num::F(x), ScalarType::Float64);
        let f = |x: f32| num_str(Num::F(x as f64), ScalarType::Float32);
        let h = |x: f64| num_str(Num::F(half::f16::from_f64(x).to_f64()), ScalarType::Float16);
        assert_eq!(d(1e16), "1e+16");
        assert_eq!(d(1e15), "1000000000000000.0");
        assert_eq!(d(0.1), "0.1");
        assert_eq!(d(-0.0), "-0.0");
        assert_eq!(d(1e-5), "1e-05");
        assert_eq!(d(123456789.123), "123456789.123");
        assert_eq!(d(f64::NAN), "nan");
        assert_eq!(d(f64::NEG_INFINITY), "-inf");
        assert_eq!(f(1.0 / 3.0), "0.33333334");
        assert_eq!(f(1e6), "1e+06");
        assert_eq!(f(999999.0), "999999.0");
        assert_eq!(f(1234567.0), "1.234567e+06");
        assert_eq!(f(1e-4), "1e-04");
        assert_eq!(h(1.0 / 3.0), "0.3333");
        assert_eq!(h(65504.0), "6.55e+04");
        assert_eq!(h(999.0), "999.0");
        assert_eq!(h(1e-4), "0.0001");
        let c = |re: f64, im: f64| num_str(Num::C(re, im), ScalarType::Complex128);
        assert_eq!(c(1.0, 2.0), "(1+2j)");
        assert_eq!(c(-0.0, -0.5), "(-0-0.5j)");
        assert_eq!(c(f64::NAN, 1.0), "(nan+1j)");
        assert_eq!(c(1e20, 0.0), "(1e+20+0j)");
        assert_eq!(c(0.0, 2.0), "2j");
    }

    fn t(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn text_read_as_python_reads_numbers() {
        assert_eq!(parse_int(&t(" 1_0 "), false).unwrap(), Ok(10));
        assert!(parse_int(&t("1.5"), false).is_err());
        assert!(parse_int(&t("1__0"), false).is_err());
        assert!(parse_int(&t("_1"), false).is_err());
        assert!(matches!(
            parse_number(&t("300"), false, ScalarType::Int8),
            Err(Error::Overflow(_))
        ));
        assert!(matches!(
            parse_number(
                &t("99999999999999999999999999999999999999999"),
                false,
                ScalarType::UInt64
            ),
            Err(Error::Overflow(_))
        ));
        assert_eq!(parse_float(&t(" 2e3 "), false).unwrap(), 2000.0);
        assert!(parse_float(&t("-Infinity"), false).unwrap().is_infinite());
        assert!(parse_float(&t("x"), false).is_err());
        assert!(parse_float(&t("--1"), false).is_err());
        assert_eq!(parse_complex(&t("1+2j")).unwrap(), (1.0, 2.0));
        assert_eq!(parse_complex(&t("(1e-3-j)")).unwrap(), (1e-3, -1.0));
        assert_eq!(parse_complex(&t("2J")).unwrap(), (0.0, 2.0));
        assert_eq!(parse_complex(&t("1e+2")).unwrap(), (100.0, 0.0));
        assert!(parse_complex(&t("1+")).is_err());
    }

    #[test]
    fn casting_levels_and_promotion_as_numpy() {
        let (s5, u5) = (bytes(5), u(5));
        assert!(!can_cast(&u5, &s5, Casting::SameKind));
        assert!(can_cast(&s5, &u5, Casting::Safe));
        assert!(!can_cast(&s5, &u(4), Casting::Safe));
        assert!(can_cast(&s5, &u(4), Casting::SameKind));
        assert!(can_cast(&u5, &unicode(5, false), Casting::Equiv));
        assert!(!can_cast(&u5, &unicode(5, false), Casting::No));
        let i8 = ScalarType::Int64.dtype();
        assert!(!can_cast(&i8, &u(20), Casting::Safe));
        assert!(can_cast(&i8, &u(20), Casting::SameKind));
        assert!(can_cast(&i8, &u(21), Casting::Safe));
        assert!(can_cast(&i8, &u(0), Casting::Safe));
        assert!(!can_cast(&u5, &i8, Casting::SameKind));
        assert_eq!(promote_types(&u5, &bytes(7)).unwrap(), u(7));
        assert_eq!(
            promote_types(&u(0), &ScalarType::Int8.dtype()).unwrap(),
            u(4)
        );
        assert_eq!(
            promote_types(&ScalarType::Float64.dtype(), &bytes(3)).unwrap(),
            bytes(32)
        );
        let (_, r) = resolve_cast(&ScalarType::Bool.dtype(), &bytes(0))
            .unwrap()
            .unwrap();
        assert_eq!(r.descrs[1], bytes(5));
    }

    #[test]
    fn casts_truncate_pad_and_check_ascii() {
        let run = |from: &DType, to: &DType, src: &[u8]| -> Result<Vec<u8>> {
            let (m, r) = resolve_cast(from, to).unwrap()?;
            let f = m.get_loop(&r.descrs)?;
            let mut dst = vec![0xAAu8; r.descrs[1].itemsize()];
            f(&[src.as_ptr() as *mut u8, dst.as_mut_ptr()], &[0, 0], 1)?;
            Ok(dst)
        };
        assert_eq!(run(&bytes(3), &bytes(5), b"ab\0").unwrap(), b"ab\0\0\0");
        assert_eq!(run(&bytes(3), &bytes(2), b"abc").unwrap(), b"ab");
        let w = run(&bytes(2), &u(2), b"a\0").unwrap();
        assert_eq!(w, [b'a', 0, 0, 0, 0, 0, 0, 0]);
        assert!(matches!(
            run(&bytes(1), &u(1), &[0xff]),
            Err(Error::UnicodeDecode(..))
        ));
        let e = 0xe9u32.to_ne_bytes();
        assert!(matches!(
            run(&u(1), &bytes(1), &e),
            Err(Error::UnicodeEncode(..))
        ));
        let big = 0x41u32.to_be_bytes();
        assert_eq!(run(&unicode(1, false), &bytes(1), &big).unwrap(), b"A");
        let x = 1.5f64.to_ne_bytes();
        assert_eq!(
            run(&ScalarType::Float64.dtype(), &bytes(2), &x).unwrap(),
            b"1."
        );
        let v = run(&bytes(4), &ScalarType::Int16.dtype(), b" -7 ").unwrap();
        assert_eq!(i16::from_ne_bytes([v[0], v[1]]), -7);
    }

    #[test]
    fn ordering_pads_with_nuls() {
        let (a, b) = (
            TextDesc::of(&bytes(2)).unwrap(),
            TextDesc::of(&bytes(3)).unwrap(),
        );
        // SAFETY: items of the right sizes.
        unsafe {
            assert_eq!(
                compare(a, [b'a', 0].as_ptr(), b, [b'a', 0, 0].as_ptr()),
                Ordering::Equal
            );
            assert_eq!(
                compare(a, [b'a', 0].as_ptr(), b, [b'a', 0, 1].as_ptr()),
                Ordering::Less
            );
            assert_eq!(
                compare(a, [b'b', 0].as_ptr(), b, [b'a', b'b', 0].as_ptr()),
                Ordering::Greater
            );
        }
    }
}
