//! The extended-precision families: longdouble (`g`, NumPy's `LongDoubleDType`) and
//! clongdouble (`G`, `CLongDoubleDType`). An item is C's `long double` (on x86-64 the x87
//! 80-bit format in 16 bytes) or a pair of them; the arithmetic is C's, compiled from
//! `longdouble.c` (Rust has no such type), so results are the extended ones NumPy computes,
//! not float64's.
//!
//! Casts: with every number (C's conversions, NumPy's casting levels: every real number
//! casts safely to `g`, `g` to float64 only same-kind), between the two, with text (NumPy's
//! scalar `str`: the shortest digits that read back; text read by C's `strtold` after
//! Python's float grammar), and with objects (the bindings' scalars). Ufunc loops: NumPy's
//! longdouble and clongdouble loops (arithmetic, comparisons, the math functions, NumPy's
//! pairwise sum in `add.reduce`). Other numbers meet these families through promotion
//! (`Flags::promotes`): `float64 + g` runs the `g` loop.

use std::any::Any;
use std::marker::PhantomData;
use std::os::raw::{c_char, c_int};
use std::sync::{Arc, OnceLock};

use smallvec::{smallvec, SmallVec};

use super::method::{ArrayMethod, Family, FamilyLoop, Flags, MethodFlags, Resolved, StridedLoop};
use super::promote::Casting;
use super::text::{each, layout, text_desc, Trim};
use super::{ByteOrder, CompareFn, DType, DTypeImpl, DotFn, MissingFn, ScalarType};
use crate::error::{Error, Result};

mod ffi {
    use std::os::raw::{c_char, c_int};
    extern "C" {
        /// One strided ufunc loop of kind `kind` (`Kind`) and operation `op`.
        pub fn rumpy_ld_loop(
            kind: c_int,
            op: c_int,
            p: *const *mut u8,
            s: *const isize,
            n: usize,
        ) -> u32;
        pub fn rumpy_ld_cast(
            from: c_int,
            a: *const u8,
            sa: isize,
            to: c_int,
            o: *mut u8,
            so: isize,
            n: usize,
        ) -> u32;
        pub fn rumpy_ld_shortest(p: *const u8, digits: *mut c_char, negative: *mut c_int) -> c_int;
        pub fn rumpy_ld_parse(text: *const c_char, out: *mut u8) -> usize;
        pub fn rumpy_ld_order(a: *const u8, b: *const u8) -> c_int;
        pub fn rumpy_ld_dot(
            complex: c_int,
            conj: c_int,
            a: *const u8,
            sa: isize,
            b: *const u8,
            sb: isize,
            o: *mut u8,
            n: usize,
        ) -> u32;
        pub fn rumpy_ld_size() -> usize;
        pub fn rumpy_ld_fill(p: *mut u8, n: usize, complex: c_int);
    }
}

/// NumPy's type numbers.
const NPY_LONGDOUBLE: i32 = 13;
const NPY_CLONGDOUBLE: i32 = 16;
/// The bytes of one `long double` in memory (the x87 value and its padding on x86-64).
pub const LD: usize = 16;

/// Which of the two families: the real or the complex one.
pub trait Width: Send + Sync + std::fmt::Debug + 'static {
    const COMPLEX: bool;
}
#[derive(Debug)]
pub enum Real {}
#[derive(Debug)]
pub enum Cplx {}
impl Width for Real {
    const COMPLEX: bool = false;
}
impl Width for Cplx {
    const COMPLEX: bool = true;
}

/// An extended-precision descriptor: the family `W` in either byte order.
#[derive(Debug)]
pub struct Extended<W: Width> {
    native: bool,
    width: PhantomData<W>,
}

pub type LongDouble = Extended<Real>;
pub type CLongDouble = Extended<Cplx>;

/// One extended descriptor's parameters, whichever its family.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct LdDesc {
    pub complex: bool,
    pub native: bool,
}

static INTERNED: [OnceLock<DType>; 4] = [const { OnceLock::new() }; 4];

impl LdDesc {
    pub fn of(d: &DType) -> Option<LdDesc> {
        let a = d.0.as_any();
        if let Some(x) = a.downcast_ref::<LongDouble>() {
            return Some(LdDesc {
                complex: false,
                native: x.native,
            });
        }
        a.downcast_ref::<CLongDouble>().map(|x| LdDesc {
            complex: true,
            native: x.native,
        })
    }
    pub fn dtype(self) -> DType {
        let k = 2 * self.complex as usize + !self.native as usize;
        INTERNED[k]
            .get_or_init(|| {
                if self.complex {
                    DType::new(CLongDouble {
                        native: self.native,
                        width: PhantomData,
                    })
                } else {
                    DType::new(LongDouble {
                        native: self.native,
                        width: PhantomData,
                    })
                }
            })
            .clone()
    }
    pub fn itemsize(self) -> usize {
        if self.complex {
            2 * LD
        } else {
            LD
        }
    }
}

/// The longdouble descriptor (native order).
pub fn longdouble() -> DType {
    LdDesc {
        complex: false,
        native: true,
    }
    .dtype()
}

/// The clongdouble descriptor (native order).
pub fn clongdouble() -> DType {
    LdDesc {
        complex: true,
        native: true,
    }
    .dtype()
}

/// Whether this machine's `long double` is the 16-byte item these families store.
pub fn available() -> bool {
    // SAFETY: a C function without arguments.
    unsafe { ffi::rumpy_ld_size() == LD }
}

impl<W: Width> Extended<W> {
    fn desc(&self) -> LdDesc {
        LdDesc {
            complex: W::COMPLEX,
            native: self.native,
        }
    }
}

impl<W: Width> DTypeImpl for Extended<W> {
    fn kind(&self) -> char {
        if W::COMPLEX {
            'c'
        } else {
            'f'
        }
    }
    fn char_code(&self) -> char {
        if W::COMPLEX {
            'G'
        } else {
            'g'
        }
    }
    fn num(&self) -> i32 {
        if W::COMPLEX {
            NPY_CLONGDOUBLE
        } else {
            NPY_LONGDOUBLE
        }
    }
    fn itemsize(&self) -> usize {
        self.desc().itemsize()
    }
    fn alignment(&self) -> usize {
        LD
    }
    fn name(&self) -> String {
        if W::COMPLEX {
            "complex256".into()
        } else {
            "float128".into()
        }
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::of(self.native)
    }
    fn with_native_order(&self, native: bool) -> DType {
        LdDesc {
            native,
            ..self.desc()
        }
        .dtype()
    }
    fn typestr(&self) -> String {
        format!(
            "{}{}{}",
            ByteOrder::prefix(self.native),
            self.kind(),
            self.itemsize()
        )
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other
            .as_any()
            .downcast_ref::<Extended<W>>()
            .is_some_and(|o| o.native == self.native)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn flags(&self) -> Flags {
        Flags {
            promotes: true,
            ..Flags::default()
        }
    }
    fn cast_to(&self, to: &DType) -> Option<Arc<dyn ArrayMethod>> {
        if let Some(side) = Side::of(to) {
            return Some(Arc::new(LdCast(side)));
        }
        super::text::TextDesc::of(to).map(|_| Arc::new(LdToText) as Arc<dyn ArrayMethod>)
    }
    fn cast_from(&self, from: &DType) -> Option<Arc<dyn ArrayMethod>> {
        let to = self.desc();
        if Side::of(from).is_some() {
            return Some(Arc::new(LdCast(Side::Ld(to))));
        }
        super::text::TextDesc::of(from).map(|_| Arc::new(TextToLd) as Arc<dyn ArrayMethod>)
    }
    fn common_with(&self, other: &DType) -> Option<Result<DType>> {
        if let Some(t) = super::text::TextDesc::of(other) {
            // Text long enough for the number's `str` (NumPy's 48 and 96 characters).
            let chars = text_width(W::COMPLEX).max(t.chars);
            return Some(Ok(t.sized(chars).dtype()));
        }
        let complex = match (LdDesc::of(other), other.scalar_type()) {
            (Some(o), _) => o.complex,
            (None, Some(st)) => st.is_complex(),
            _ => return None,
        };
        Some(Ok(LdDesc {
            complex: W::COMPLEX || complex,
            native: true,
        }
        .dtype()))
    }
    fn compare(&self) -> Option<CompareFn> {
        let d = self.desc();
        Some(Arc::new(move |a, b| {
            let mut x = [0u8; 2 * LD];
            let mut y = [0u8; 2 * LD];
            // SAFETY: CompareFn's contract: an item of this descriptor at each pointer.
            unsafe {
                read_native(d, a, x.as_mut_ptr());
                read_native(d, b, y.as_mut_ptr());
            }
            let order = |i: usize| {
                // SAFETY: both buffers hold native items.
                unsafe { ffi::rumpy_ld_order(x.as_ptr().add(i), y.as_ptr().add(i)) }
            };
            let c = if d.complex {
                // NumPy's complex order: real parts, then imaginary parts, NaN last in each.
                match order(0) {
                    0 => order(LD),
                    c => c,
                }
            } else {
                order(0)
            };
            c.cmp(&0)
        }))
    }
    fn dot(&self, conjugate: bool) -> Option<Result<DotFn>> {
        let d = self.desc();
        if !d.native || !available() {
            return None;
        }
        let (complex, conj) = (d.complex as c_int, (conjugate && d.complex) as c_int);
        Some(Ok(Box::new(move |[a, b], [sa, sb], o, n| {
            // SAFETY: DotFn's contract: n native items of this descriptor at a and b, one
            // writable at o.
            Ok(unsafe { ffi::rumpy_ld_dot(complex, conj, a, sa, b, sb, o, n) })
        })))
    }
    fn missing(&self) -> Option<MissingFn> {
        let d = self.desc();
        Some(Arc::new(move |p| {
            let mut x = [0u8; 2 * LD];
            // SAFETY: MissingFn's contract; the buffer holds the native item.
            unsafe {
                read_native(d, p, x.as_mut_ptr());
                predicate(d.complex, P_ISNAN, x.as_ptr())
            }
        }))
    }
    fn promoter(&self, ufunc: &str, ins: &[DType]) -> Option<SmallVec<[DType; 3]>> {
        // ldexp takes its exponent as int64 (NumPy's `gl->g` loop).
        let [a, b] = ins else { return None };
        let int = b
            .scalar_type()
            .is_some_and(|s| s.is_int() || s == ScalarType::Bool);
        (ufunc == "ldexp" && LdDesc::of(a).is_some_and(|d| !d.complex) && int)
            .then(|| smallvec![longdouble(), ScalarType::Int64.dtype()])
    }
}

/// Copy the item at `p` into `out` in the machine's byte order (each part reversed).
///
/// # Safety
/// `p` holds an item of `d`; `out` has room for one.
unsafe fn read_native(d: LdDesc, p: *const u8, out: *mut u8) {
    // SAFETY: the caller's guarantee.
    unsafe {
        std::ptr::copy_nonoverlapping(p, out, d.itemsize());
        if !d.native {
            swap_parts(out, d.itemsize(), LD);
        }
    }
}

/// Reverse the bytes of each `part`-byte part of `len` bytes at `p`.
///
/// # Safety
/// `p` is valid for `len` bytes.
unsafe fn swap_parts(p: *mut u8, len: usize, part: usize) {
    // SAFETY: the caller's guarantee.
    let s = unsafe { std::slice::from_raw_parts_mut(p, len) };
    for c in s.chunks_mut(part) {
        c.reverse();
    }
}

// ----- casts -----

/// One side of a numeric cast: a built-in number or an extended descriptor.
#[derive(Copy, Clone, Debug)]
enum Side {
    Num(ScalarType, bool),
    Ld(LdDesc),
    /// A datetime64 or timedelta64 (its int64 ticks), native or not.
    Time(bool),
}

impl Side {
    fn of(d: &DType) -> Option<Side> {
        if let Some(l) = LdDesc::of(d) {
            return Some(Side::Ld(l));
        }
        if let Some(t) = super::time::TimeDesc::of(d) {
            // A time's ticks, as NumPy casts them (unsafe both ways).
            return Some(Side::Time(t.native));
        }
        d.scalar_type().map(|st| Side::Num(st, d.is_native()))
    }
    /// The C kind code (`longdouble.c`'s K_*) of the native item a loop hands to C:
    /// float16 travels as float32 both ways (NumPy's long double to half is
    /// `npy_float_to_half((float)x)`), widened or narrowed in Rust.
    fn code(self) -> c_int {
        use ScalarType::*;
        match self {
            Side::Ld(d) => 13 + d.complex as c_int,
            Side::Time(_) => 7,
            Side::Num(st, _) => match st {
                Bool => 0,
                Int8 => 1,
                UInt8 => 2,
                Int16 => 3,
                UInt16 => 4,
                Int32 => 5,
                UInt32 => 6,
                Int64 => 7,
                UInt64 => 8,
                Float16 => 9,
                Float32 => 9,
                Float64 => 10,
                Complex64 => 11,
                Complex128 => 12,
            },
        }
    }
    fn native(self) -> bool {
        match self {
            Side::Ld(d) => d.native,
            Side::Num(_, n) | Side::Time(n) => n,
        }
    }
    fn is_half(self) -> bool {
        matches!(self, Side::Num(ScalarType::Float16, _))
    }
    fn itemsize(self) -> usize {
        match self {
            Side::Ld(d) => d.itemsize(),
            Side::Num(st, _) => st.itemsize(),
            Side::Time(_) => 8,
        }
    }
    /// The bytes of one part (a complex item's half) for byte swapping.
    fn part(self) -> usize {
        match self {
            Side::Ld(_) => LD,
            Side::Num(st, _) if st.is_complex() => st.itemsize() / 2,
            Side::Num(st, _) => st.itemsize(),
            Side::Time(_) => 8,
        }
    }
}

/// NumPy's casting level between a number and an extended descriptor (or two of these).
fn level(from: Side, to: Side) -> Casting {
    match (from, to) {
        (Side::Ld(a), Side::Ld(b)) if a.complex == b.complex => {
            if a.native == b.native {
                Casting::No
            } else {
                Casting::Equiv
            }
        }
        (Side::Ld(a), Side::Ld(_)) => {
            if a.complex {
                Casting::Unsafe
            } else {
                Casting::Safe
            }
        }
        (Side::Num(st, _), Side::Ld(d)) => {
            if st.is_complex() && !d.complex {
                Casting::Unsafe
            } else {
                Casting::Safe
            }
        }
        (Side::Ld(d), Side::Num(st, _)) => {
            if st.is_complex() || (st.is_float() && !d.complex) {
                Casting::SameKind
            } else {
                Casting::Unsafe
            }
        }
        _ => Casting::Unsafe,
    }
}

/// The items a cast converts through its buffers at a time.
const CHUNK: usize = 64;

/// Numbers and extended items to each other through C's conversions (the target's side
/// given, for its default descriptor).
struct LdCast(Side);

impl ArrayMethod for LdCast {
    fn name(&self) -> &str {
        "longdouble_cast"
    }
    fn flags(&self) -> MethodFlags {
        // The loop reports the conditions C's conversions raise itself.
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let Some(to) = outs[0].clone().or_else(|| match self.0 {
            Side::Ld(d) => Some(d.dtype()),
            Side::Num(st, _) => Some(st.dtype()),
            Side::Time(_) => None,
        }) else {
            bail!(Type, "a cast to a time needs its unit");
        };
        let (Some(a), Some(b)) = (Side::of(&ins[0]), Side::of(&to)) else {
            bail!(Type, "not a longdouble cast: {:?} to {:?}", ins[0], to);
        };
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to],
            casting: level(a, b),
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (Some(from), Some(to)) = (Side::of(&d[0]), Side::of(&d[1])) else {
            bail!(Type, "not a longdouble cast: {:?} to {:?}", d[0], d[1]);
        };
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            // SAFETY: StridedLoop's contract: n items of each descriptor at the strides.
            Ok(unsafe { convert(from, p[0], s[0], to, p[1], s[1], n) })
        }))
    }
}

/// Convert `n` items, straight through C when both sides are native C types, else through
/// buffers that put the items in native order (and float16 in a C type).
///
/// # Safety
/// `a` holds `n` items of `from` at stride `sa`; `o` has room for `n` items of `to` at `so`.
unsafe fn convert(
    from: Side,
    a: *const u8,
    sa: isize,
    to: Side,
    o: *mut u8,
    so: isize,
    n: usize,
) -> u32 {
    let (fk, tk) = (from.code(), to.code());
    if from.native() && to.native() && !from.is_half() && !to.is_half() {
        // SAFETY: the caller's guarantee.
        return unsafe { ffi::rumpy_ld_cast(fk, a, sa, tk, o, so, n) };
    }
    let mut src = [0u8; CHUNK * 2 * LD];
    let mut dst = [0u8; CHUNK * 2 * LD];
    let (fsz, tsz) = (from.itemsize(), to.itemsize());
    // What C reads and writes: float16 travels as float32 both ways (NumPy converts a long
    // double to half through float).
    let cin = if from.is_half() { 4 } else { fsz };
    let cout = if to.is_half() { 4 } else { tsz };
    let mut st = 0;
    let mut done = 0;
    while done < n {
        let m = CHUNK.min(n - done);
        for i in 0..m {
            // SAFETY: item done + i of the source, and slot i of the buffer.
            unsafe {
                let p = a.offset((done + i) as isize * sa);
                let q = src.as_mut_ptr().add(i * cin);
                if from.is_half() {
                    let mut bits = std::ptr::read_unaligned(p as *const u16);
                    if !from.native() {
                        bits = bits.swap_bytes();
                    }
                    let v = half::f16::from_bits(bits).to_f32();
                    std::ptr::write_unaligned(q as *mut f32, v);
                } else {
                    std::ptr::copy_nonoverlapping(p, q, fsz);
                    if !from.native() {
                        swap_parts(q, fsz, from.part());
                    }
                }
            }
        }
        // SAFETY: m items in each buffer.
        st |= unsafe {
            ffi::rumpy_ld_cast(
                fk,
                src.as_ptr(),
                cin as isize,
                tk,
                dst.as_mut_ptr(),
                cout as isize,
                m,
            )
        };
        for i in 0..m {
            // SAFETY: slot i of the buffer, and item done + i of the target.
            unsafe {
                let q = dst.as_mut_ptr().add(i * cout);
                let p = o.offset((done + i) as isize * so);
                if to.is_half() {
                    let v = std::ptr::read_unaligned(q as *const f32);
                    let h = crate::dtype::float16::f16_from_f32(v);
                    if h.is_infinite() && v.is_finite() {
                        st |= super::method::status::OVERFLOW;
                    }
                    let mut bits = h.to_bits();
                    if !to.native() {
                        bits = bits.swap_bytes();
                    }
                    std::ptr::write_unaligned(p as *mut u16, bits);
                } else {
                    if !to.native() {
                        swap_parts(q, tsz, to.part());
                    }
                    std::ptr::copy_nonoverlapping(q, p, tsz);
                }
            }
        }
        done += m;
    }
    st
}

// ----- text -----

/// The shortest digits that read back as the native real item at `p`, NumPy's scalar `str`
/// of it: positional between 1e-4 and 1e16, scientific outside; `trim` as the caller's
/// layout ('1.0' for a real, '1' in a complex), `sign` forcing a '+'.
///
/// # Safety
/// `p` holds a native `long double`.
unsafe fn real_str(p: *const u8, trim: Trim, sign: bool) -> String {
    let plus = if sign { "+" } else { "" };
    // SAFETY: the caller's guarantee.
    if unsafe { predicate(false, P_ISNAN, p) } {
        return format!("{plus}nan");
    }
    let mut digits = [0 as c_char; 40];
    let mut neg: c_int = 0;
    // SAFETY: as above; the digits buffer holds at most 21 digits and the NUL.
    let e = unsafe { ffi::rumpy_ld_shortest(p, digits.as_mut_ptr(), &mut neg) };
    let lead = if neg != 0 { "-" } else { plus };
    // SAFETY: as above.
    if unsafe { predicate(false, P_ISINF, p) } {
        return format!("{lead}inf");
    }
    let d: Vec<u8> = digits
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    if d == b"0" {
        return match trim {
            Trim::LeaveOneZero => format!("{lead}0.0"),
            Trim::DptZeros => format!("{lead}0"),
        };
    }
    layout(lead, &d, e, (-4..16).contains(&e), trim)
}

/// NumPy's scalar `str` of the native item at `p`: '0.1', '1e+16', '(1+2j)', '2j'.
///
/// # Safety
/// `p` holds a native item of `complex` width.
pub unsafe fn item_str(p: *const u8, complex: bool) -> String {
    // SAFETY: the caller's guarantee.
    unsafe {
        if !complex {
            return real_str(p, Trim::LeaveOneZero, false);
        }
        let im = p.add(LD);
        let re = real_str(p, Trim::DptZeros, false);
        if re == "0" {
            return real_str(im, Trim::DptZeros, false) + "j";
        }
        format!("({re}{}j)", real_str(im, Trim::DptZeros, true))
    }
}

/// The characters NumPy gives an extended number cast to unsized text.
fn text_width(complex: bool) -> usize {
    if complex {
        96
    } else {
        48
    }
}

/// An extended number to text, as its scalar `str`.
struct LdToText;

impl ArrayMethod for LdToText {
    fn name(&self) -> &str {
        "longdouble_to_text_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let d = ld_desc(&ins[0])?;
        super::text::number_text_resolved(&ins[0], &outs[0], text_width(d.complex))
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (from, to) = (ld_desc(&d[0])?, text_desc(&d[1])?);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                let mut x = [0u8; 2 * LD];
                // SAFETY: StridedLoop's contract: an item of each descriptor at each pointer.
                unsafe {
                    read_native(from, q[0], x.as_mut_ptr());
                    let t: Vec<u32> = item_str(x.as_ptr(), from.complex)
                        .chars()
                        .map(|c| c as u32)
                        .collect();
                    to.write(q[1], &t)
                }
            })
        }))
    }
}

/// Text read as a `long double` by C's `strtold`, which must read all of it (NumPy's:
/// leading spaces are skipped, nothing may follow).
fn parse_real(t: &[u32], out: &mut [u8; LD]) -> Result<()> {
    let s: String = t.iter().filter_map(|&c| char::from_u32(c)).collect();
    if !parse_into(&s, out) {
        bail!(Value, "invalid literal for long double: {s}");
    }
    Ok(())
}

/// Text to an extended number: a real item by `strtold`; a complex item by Python's
/// `complex()` (float64 parts, NumPy's).
struct TextToLd;

impl ArrayMethod for TextToLd {
    fn name(&self) -> &str {
        "text_to_longdouble_cast"
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let to = outs[0].clone().unwrap_or_else(longdouble);
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to],
            casting: Casting::Unsafe,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (from, to) = (text_desc(&d[0])?, ld_desc(&d[1])?);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            each(p, s, n, |q| {
                // SAFETY: StridedLoop's contract.
                let t = unsafe { from.read(q[0]) };
                let mut x = [0u8; 2 * LD];
                if to.complex {
                    // NumPy reads complex text as Python's complex() does: two float64.
                    let n = super::text::parse_number(&t, from.is_bytes(), ScalarType::Complex128)?;
                    let super::Num::C(re, im) = n else {
                        bail!(Value, "complex() arg is a malformed string");
                    };
                    let pair = [re, im];
                    // SAFETY: one complex128 in, one complex item out.
                    unsafe {
                        ffi::rumpy_ld_cast(
                            12,
                            pair.as_ptr() as *const u8,
                            0,
                            14,
                            x.as_mut_ptr(),
                            0,
                            1,
                        )
                    };
                } else {
                    let mut r = [0u8; LD];
                    parse_real(&t, &mut r)?;
                    x[..LD].copy_from_slice(&r);
                }
                // SAFETY: the buffer holds a native item; q[1] has room for one.
                unsafe { write_native(to, &mut x, q[1]) };
                Ok(())
            })
        }))
    }
}

fn ld_desc(d: &DType) -> Result<LdDesc> {
    LdDesc::of(d).ok_or_else(|| Error::Type(format!("not an extended float dtype: {d:?}")))
}

/// Write the native real value read from `text` into `out` (C's `strtold`, which must read
/// all of it): false when it is no number.
pub fn parse_into(text: &str, out: &mut [u8; LD]) -> bool {
    let Ok(c) = std::ffi::CString::new(text) else {
        return false;
    };
    // SAFETY: a NUL-terminated string and room for one item.
    unsafe { ffi::rumpy_ld_parse(c.as_ptr(), out.as_mut_ptr()) == text.len() && !text.is_empty() }
}

/// Copy the native item `x` to `p` as an item of `d` (its byte order).
///
/// # Safety
/// `p` is writable for one item of `d`.
unsafe fn write_native(d: LdDesc, x: &mut [u8; 2 * LD], p: *mut u8) {
    // SAFETY: the caller's guarantee; `x` holds one item of `d`'s width.
    unsafe {
        if !d.native {
            swap_parts(x.as_mut_ptr(), d.itemsize(), LD);
        }
        std::ptr::copy_nonoverlapping(x.as_ptr(), p, d.itemsize());
    }
}

/// Write float64 `v` (exactly: every double is an extended value) as an item of `d` at `p`.
///
/// # Safety
/// `p` is writable for one item of `d`.
pub unsafe fn write_f64(v: f64, d: LdDesc, p: *mut u8) {
    let mut x = [0u8; 2 * LD];
    let to = Side::Ld(LdDesc { native: true, ..d }).code();
    // SAFETY: one float64 in, one native item out; then the caller's guarantee.
    unsafe {
        ffi::rumpy_ld_cast(
            10,
            &v as *const f64 as *const u8,
            0,
            to,
            x.as_mut_ptr(),
            0,
            1,
        );
        write_native(d, &mut x, p);
    }
}

/// Write the real value of decimal `text` (C's `strtold`, all of it) as an item of `d` at
/// `p`: false, writing nothing, when it is no number.
///
/// # Safety
/// `p` is writable for one item of `d`.
pub unsafe fn write_text(text: &str, d: LdDesc, p: *mut u8) -> bool {
    let mut x = [0u8; 2 * LD];
    let mut r = [0u8; LD];
    if !parse_into(text, &mut r) {
        return false;
    }
    x[..LD].copy_from_slice(&r);
    // SAFETY: the caller's guarantee.
    unsafe { write_native(d, &mut x, p) };
    true
}

/// NumPy's `fill` of `n` native items at `p` (contiguous) from the first two.
///
/// # Safety
/// `p` holds `n` contiguous native items of `d`.
pub unsafe fn fill(d: LdDesc, p: *mut u8, n: usize) {
    // SAFETY: the caller's guarantee.
    unsafe { ffi::rumpy_ld_fill(p, n, d.complex as c_int) }
}

// ----- ufunc loops -----

/// The kinds of C loop (`longdouble.c`'s `L_*`, in its order); each takes an operation code
/// of its own (`R_*`, `B_*`, `C_*`, `P_*`, `CU_*`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Kind {
    /// real -> real
    Unary,
    /// real, real -> real
    Binary,
    /// real, real -> bool
    Compare,
    /// real -> bool
    Predicate,
    Modf,
    Frexp,
    /// real, int64 -> real
    Ldexp,
    DivMod,
    /// complex -> complex
    CUnary,
    /// complex -> real
    CAbsolute,
    /// complex, complex -> complex
    CBinary,
    /// complex, complex -> bool
    CCompare,
    /// complex -> bool
    CPredicate,
}

const P_ISNAN: c_int = 0;
const P_ISINF: c_int = 1;

/// Predicate `op` (`P_*`) of the native item at `p`.
///
/// # Safety
/// `p` holds a native item of `complex` width.
unsafe fn predicate(complex: bool, op: c_int, p: *const u8) -> bool {
    let kind = if complex {
        Kind::CPredicate
    } else {
        Kind::Predicate
    };
    let mut out = 0u8;
    let ptrs = [p as *mut u8, &mut out as *mut u8];
    // SAFETY: the caller's guarantee; one item in, one bool out.
    unsafe { ffi::rumpy_ld_loop(kind as c_int, op, ptrs.as_ptr(), [0isize, 0].as_ptr(), 1) };
    out != 0
}

struct LdLoop {
    kind: Kind,
    op: c_int,
    name: &'static str,
}

impl LdLoop {
    fn descrs(&self) -> SmallVec<[DType; 4]> {
        let (g, c, b) = (longdouble(), clongdouble(), ScalarType::Bool.dtype());
        match self.kind {
            Kind::Unary => smallvec![g.clone(), g],
            Kind::Binary => smallvec![g.clone(), g.clone(), g],
            Kind::Compare => smallvec![g.clone(), g, b],
            Kind::Predicate => smallvec![g, b],
            Kind::Modf => smallvec![g.clone(), g.clone(), g],
            Kind::Frexp => smallvec![g.clone(), g, ScalarType::Int32.dtype()],
            Kind::Ldexp => smallvec![g.clone(), ScalarType::Int64.dtype(), g],
            Kind::DivMod => smallvec![g.clone(), g.clone(), g.clone(), g],
            Kind::CUnary => smallvec![c.clone(), c],
            Kind::CAbsolute => smallvec![c, g],
            Kind::CBinary => smallvec![c.clone(), c.clone(), c],
            Kind::CCompare => smallvec![c.clone(), c, b],
            Kind::CPredicate => smallvec![c, b],
        }
    }
}

impl ArrayMethod for LdLoop {
    fn name(&self) -> &str {
        self.name
    }
    fn flags(&self) -> MethodFlags {
        // The C loops report their floating-point conditions themselves.
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        let descrs = self.descrs();
        let casting = super::method::inputs_casting(ins, &descrs);
        Ok(Resolved { descrs, casting })
    }
    fn get_loop(&self, _descrs: &[DType]) -> Result<StridedLoop> {
        let (kind, op) = (self.kind as c_int, self.op);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            // SAFETY: StridedLoop's contract: n items of the resolved (native) descriptors,
            // one pointer and stride per operand of the kind.
            Ok(unsafe { ffi::rumpy_ld_loop(kind, op, p.as_ptr(), s.as_ptr(), n) })
        }))
    }
}

/// The real unary ufuncs and their `R_*` codes, in `longdouble.c`'s order.
const REAL_UNARY: &[&[&str]] = &[
    &["negative"],
    &["positive"],
    &["absolute", "fabs"],
    &["sqrt"],
    &["cbrt"],
    &["exp"],
    &["exp2"],
    &["expm1"],
    &["log"],
    &["log2"],
    &["log10"],
    &["log1p"],
    &["sin"],
    &["cos"],
    &["tan"],
    &["arcsin"],
    &["arccos"],
    &["arctan"],
    &["sinh"],
    &["cosh"],
    &["tanh"],
    &["arcsinh"],
    &["arccosh"],
    &["arctanh"],
    &["floor"],
    &["ceil"],
    &["trunc"],
    &["rint"],
    &["square"],
    &["reciprocal"],
    &["sign"],
    &["deg2rad", "radians"],
    &["rad2deg", "degrees"],
    &["spacing"],
    &["conjugate"],
];

/// The binary ufuncs and their `B_*` codes (the complex loops take the first five and the
/// four extrema).
const BINARY: &[&[&str]] = &[
    &["add"],
    &["subtract"],
    &["multiply"],
    &["divide"],
    &["power", "float_power"],
    &["arctan2"],
    &["hypot"],
    &["copysign"],
    &["nextafter"],
    &["fmod"],
    &["remainder"],
    &["floor_divide"],
    &["maximum"],
    &["minimum"],
    &["fmax"],
    &["fmin"],
    &["logaddexp"],
    &["logaddexp2"],
    &["heaviside"],
];

const COMPARE: &[&str] = &[
    "equal",
    "not_equal",
    "less",
    "less_equal",
    "greater",
    "greater_equal",
    "logical_and",
    "logical_or",
    "logical_xor",
];

/// The complex unary ufuncs and their `CU_*` codes.
const COMPLEX_UNARY: &[&str] = &[
    "negative",
    "positive",
    "conjugate",
    "square",
    "reciprocal",
    "sign",
    "sqrt",
    "exp",
    "exp2",
    "expm1",
    "log",
    "log2",
    "log10",
    "log1p",
    "sin",
    "cos",
    "tan",
    "arcsin",
    "arccos",
    "arctan",
    "sinh",
    "cosh",
    "tanh",
    "arcsinh",
    "arccosh",
    "arctanh",
    "rint",
];

/// The families' ufunc loops, for `dispatch::methods::register`; `exists` filters the names
/// to the ufuncs the engine has.
pub fn loops(exists: impl Fn(&str) -> bool) -> Vec<FamilyLoop> {
    if !available() {
        return Vec::new();
    }
    let g = Family::of::<LongDouble>();
    let c = Family::of::<CLongDouble>();
    let i = ScalarType::Int64.dtype().family();
    let mut v = Vec::new();
    let mut add = |ufunc: &'static str, ins: SmallVec<[Family; 3]>, kind: Kind, op: usize| {
        if exists(ufunc) {
            v.push(FamilyLoop {
                ufunc,
                ins,
                method: Arc::new(LdLoop {
                    kind,
                    op: op as c_int,
                    name: ufunc,
                }),
            });
        }
    };
    for (k, names) in REAL_UNARY.iter().enumerate() {
        for &name in names.iter() {
            add(name, smallvec![g], Kind::Unary, k);
        }
    }
    for (k, names) in BINARY.iter().enumerate() {
        for &name in names.iter() {
            add(name, smallvec![g, g], Kind::Binary, k);
            if k <= 4 || (12..=15).contains(&k) {
                add(name, smallvec![c, c], Kind::CBinary, k);
            }
        }
    }
    for (k, &name) in COMPARE.iter().enumerate() {
        add(name, smallvec![g, g], Kind::Compare, k);
        add(name, smallvec![c, c], Kind::CCompare, k);
    }
    for (k, &name) in ["isnan", "isinf", "isfinite", "signbit", "logical_not"]
        .iter()
        .enumerate()
    {
        add(name, smallvec![g], Kind::Predicate, k);
        if name != "signbit" {
            add(name, smallvec![c], Kind::CPredicate, k);
        }
    }
    for (k, &name) in COMPLEX_UNARY.iter().enumerate() {
        add(name, smallvec![c], Kind::CUnary, k);
    }
    add("absolute", smallvec![c], Kind::CAbsolute, 0);
    add("modf", smallvec![g], Kind::Modf, 0);
    add("frexp", smallvec![g], Kind::Frexp, 0);
    add("ldexp", smallvec![g, i], Kind::Ldexp, 0);
    add("divmod", smallvec![g, g], Kind::DivMod, 0);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(text: &str) -> [u8; LD] {
        let mut x = [0u8; LD];
        assert!(parse_into(text, &mut x), "{text}");
        x
    }

    #[test]
    fn descriptors_are_numpys() {
        let g = longdouble();
        assert_eq!(
            (g.kind(), g.char_code(), g.num(), g.itemsize()),
            ('f', 'g', 13, 16)
        );
        assert_eq!(g.typestr(), "<f16");
        assert_eq!(clongdouble().typestr(), "<c32");
        assert_eq!(g.name(), "float128");
        assert_eq!(g, longdouble());
        assert!(g.equiv(&g.0.with_native_order(false)));
    }

    fn str_of(x: &[u8; LD], complex: bool) -> String {
        // SAFETY: a native real item (complex false).
        assert!(!complex);
        unsafe { item_str(x.as_ptr(), false) }
    }

    // The expected texts are numpy's `str` of the same values.
    #[test]
    fn text_is_the_shortest_that_reads_back() {
        assert_eq!(str_of(&ld("0.1"), false), "0.1");
        assert_eq!(str_of(&ld("1e16"), false), "1e+16");
        assert_eq!(str_of(&ld("1e-5"), false), "1e-05");
        assert_eq!(str_of(&ld("-0"), false), "-0.0");
        assert_eq!(str_of(&ld("1e4000"), false), "1e+4000");
        assert_eq!(str_of(&ld("inf"), false), "inf");
        // Doubles are written exactly: 0.5 is 0.5, the double nearest 0.1 is not 0.1.
        let d = LdDesc {
            complex: false,
            native: true,
        };
        let mut x = [0u8; LD];
        // SAFETY: room for one item.
        unsafe { write_f64(0.5, d, x.as_mut_ptr()) };
        assert_eq!(x, ld("0.5"));
        unsafe { write_f64(0.1, d, x.as_mut_ptr()) };
        assert_ne!(x, ld("0.1"));
    }

    #[test]
    fn arithmetic_is_extended() {
        let (a, b) = (ld("1"), ld("3"));
        let mut q = [0u8; LD];
        let ptrs = [a.as_ptr() as *mut u8, b.as_ptr() as *mut u8, q.as_mut_ptr()];
        // SAFETY: one item each; operation 3 is B_DIVIDE.
        unsafe {
            ffi::rumpy_ld_loop(
                Kind::Binary as c_int,
                3,
                ptrs.as_ptr(),
                [0isize; 3].as_ptr(),
                1,
            )
        };
        assert_eq!(str_of(&q, false), "0.33333333333333333334");
    }
}
