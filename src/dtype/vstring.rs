//! StringDType (`T`, NumPy 2's variable-width strings): each item is 16 bytes naming UTF-8 text
//! of any length, or the descriptor's missing value. The descriptor's parameters are the
//! missing value (`na_object`, a Python object the bindings describe: nan-like, a string, or
//! another sentinel) and `coerce` (whether non-strings become their `str` when stored).
//!
//! An item is laid out as NumPy lays out its short strings; longer text lives outside:
//! - all zero: never written, reads as the empty string (new memory is zeroed);
//! - flags byte (the last) `0x60 | len`: up to 15 bytes of text inline;
//! - flags `0x70`: the first 8 bytes point to a shared, immutable, counted allocation
//!   (`Arc<[u8]>`), the next 7 hold its length;
//! - flags `0x80`: missing.
//!
//! Shared allocations make copies cheap (a count, not the bytes): the family declares
//! `holds_refs` (copies through its cast to itself, `clear` when memory goes, `retain` after
//! byte copies). It needs no Python, so its loops run without the GIL and across threads.

use std::any::Any;
use std::cmp::Ordering;
use std::sync::{Arc, OnceLock};

use smallvec::{smallvec, SmallVec};

use super::method::{ArrayMethod, Family, FamilyLoop, Flags, MethodFlags, Resolved, StridedLoop};
use super::promote::Casting;
use super::text::{each, num_str, par_each, parse_number, text_desc, Cmp, TextDesc};
use super::time::{self, TimeDesc};
use super::{ByteOrder, CompareFn, DType, DTypeImpl, MissingFn, ScalarType};
use crate::error::{Error, Result};

/// NumPy's type number of StringDType.
pub const NPY_VSTRING: i32 = 2056;

const ITEM: usize = 16;
const FLAGS: usize = 15;
const MISSING: u8 = 0x80;
const SHORT: u8 = 0x60;
const LONG: u8 = 0x70;
const SHORT_MAX: usize = 15;
const LEN_MASK: u64 = (1 << 56) - 1;

/// The missing value of a descriptor, as the bindings found it.
#[derive(Debug)]
pub struct Na {
    /// The object (a reference the descriptor holds through the object runtime).
    pub obj: usize,
    /// `na != na` is true or raises (NaN, `pd.NA`): missing items compare unequal and sort last.
    pub nan_like: bool,
    /// A float NaN (descriptors with NaN missing values are equal, whichever NaN).
    pub float_nan: bool,
    /// The missing value is a str: missing items act as that text in operations.
    pub string: Option<Box<[u8]>>,
    /// `str(na_object)`: what a missing item becomes in text without missing values.
    pub name: Box<[u8]>,
    /// `repr(na_object)`, for the descriptor's repr.
    pub repr: String,
}

impl Drop for Na {
    fn drop(&mut self) {
        if let Ok(rt) = super::object::runtime() {
            let obj = self.obj;
            let _ = rt.with_api(&mut || {
                // SAFETY: inside `with_api`; the descriptor's own reference.
                unsafe { rt.decref(obj) };
                Ok(0)
            });
        }
    }
}

#[derive(Debug, Clone)]
pub struct VString {
    pub na: Option<Arc<Na>>,
    pub coerce: bool,
}

/// The descriptor with missing value `na` (None for none) and `coerce`.
pub fn vstring(na: Option<Arc<Na>>, coerce: bool) -> DType {
    if na.is_none() && coerce {
        return default();
    }
    DType::new(VString { na, coerce })
}

/// `StringDType()`.
pub fn default() -> DType {
    static D: OnceLock<DType> = OnceLock::new();
    D.get_or_init(|| {
        DType::new(VString {
            na: None,
            coerce: true,
        })
    })
    .clone()
}

fn na_eq(a: &Option<Arc<Na>>, b: &Option<Arc<Na>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            Arc::ptr_eq(x, y)
                || x.obj == y.obj
                || (x.float_nan && y.float_nan)
                || (x.string.is_some() && x.string == y.string)
        }
        _ => false,
    }
}

impl VString {
    pub fn of(d: &DType) -> Option<&VString> {
        d.0.as_any().downcast_ref::<VString>()
    }

    fn repr(&self) -> String {
        match (&self.na, self.coerce) {
            (None, true) => "StringDType()".into(),
            (None, false) => "StringDType(coerce=False)".into(),
            (Some(na), true) => format!("StringDType(na_object={})", na.repr),
            (Some(na), false) => format!("StringDType(na_object={}, coerce=False)", na.repr),
        }
    }

    /// What the operations read for a missing item: the string missing value's text, or
    /// (with no missing value) the empty string.
    fn default_text(&self) -> &[u8] {
        self.na
            .as_ref()
            .and_then(|n| n.string.as_deref())
            .unwrap_or(b"")
    }

    /// How operations treat missing items.
    fn null(&self) -> Null {
        match &self.na {
            None => Null::Text,
            Some(n) if n.nan_like => Null::Nan,
            Some(n) if n.string.is_some() => Null::Text,
            Some(_) => Null::Other,
        }
    }

    /// The common instance of two descriptors (NumPy's: their missing values must agree).
    fn common(&self, o: &VString) -> Result<DType> {
        if self.na.is_some() && o.na.is_some() && !na_eq(&self.na, &o.na) {
            return Err(Error::Type(format!(
                "Cannot find common instance for incompatible dtypes '{}' and '{}'",
                self.repr(),
                o.repr()
            )));
        }
        Ok(vstring(
            self.na.clone().or_else(|| o.na.clone()),
            self.coerce && o.coerce,
        ))
    }

    /// The item at `p` as operations read it: its text, `default_text` for a missing item
    /// when missing items act as text, None when missing and not text.
    ///
    /// # Safety
    /// `p` holds an item.
    pub(crate) unsafe fn text(&self, p: *const u8) -> Option<&[u8]> {
        // SAFETY: the caller's guarantee.
        match unsafe { load(p) } {
            Some(s) => Some(s),
            None => match self.null() {
                Null::Text => Some(self.default_text()),
                _ => None,
            },
        }
    }
}

/// How a descriptor's operations treat missing items (NumPy's `has_nan_na`,
/// `has_string_na`, and neither).
#[derive(Copy, Clone, PartialEq, Eq)]
enum Null {
    /// Missing propagates (NaN-like): comparisons false, results missing.
    Nan,
    /// Missing acts as text (a string missing value's, or "" with none).
    Text,
    /// Another sentinel (None): most operations refuse it.
    Other,
}

// ----- items -----

/// The text of the item at `p`, or None when it is missing.
///
/// # Safety
/// `p` holds an item (16 bytes, any alignment) that stays unchanged while the slice lives.
pub unsafe fn load<'a>(p: *const u8) -> Option<&'a [u8]> {
    // SAFETY: the caller's guarantee.
    unsafe {
        let f = *p.add(FLAGS);
        if f & MISSING != 0 {
            return None;
        }
        match f & 0xF0 {
            LONG => {
                let ptr = std::ptr::read_unaligned(p as *const *const u8);
                let len = (std::ptr::read_unaligned(p.add(8) as *const u64) & LEN_MASK) as usize;
                Some(std::slice::from_raw_parts(ptr, len))
            }
            SHORT => Some(std::slice::from_raw_parts(p, (f & 0x0F) as usize)),
            _ => Some(&[]),
        }
    }
}

/// The shared allocation of a long item, as its raw parts.
///
/// # Safety
/// `p` holds an item.
unsafe fn shared(p: *const u8) -> Option<*const [u8]> {
    // SAFETY: the caller's guarantee.
    unsafe {
        if *p.add(FLAGS) & 0xF0 != LONG {
            return None;
        }
        let ptr = std::ptr::read_unaligned(p as *const *const u8);
        let len = (std::ptr::read_unaligned(p.add(8) as *const u64) & LEN_MASK) as usize;
        Some(std::ptr::slice_from_raw_parts(ptr, len))
    }
}

/// Give up the item's allocation (if any) and zero it.
///
/// # Safety
/// `p` holds a writable item.
unsafe fn release(p: *mut u8) {
    // SAFETY: the caller's guarantee: a long item owns one count of its allocation.
    unsafe {
        if let Some(raw) = shared(p) {
            drop(Arc::from_raw(raw));
        }
        std::ptr::write_bytes(p, 0, ITEM);
    }
}

/// Store `s` in the item at `p`, releasing what it held (`s` may point into that item's own
/// allocation: it is copied first).
///
/// # Safety
/// `p` holds a writable item.
pub unsafe fn store(p: *mut u8, s: &[u8]) {
    // SAFETY: the caller's guarantee.
    unsafe { store_with(p, s.len(), |b| b.copy_from_slice(s)) }
}

/// Store `len` bytes that `fill` writes into the item at `p`, releasing what it held. `fill`
/// may read the old item (the new one is built before the old one goes).
///
/// # Safety
/// `p` holds a writable item.
unsafe fn store_with(p: *mut u8, len: usize, fill: impl FnOnce(&mut [u8])) {
    let mut item = [0u8; ITEM];
    if len <= SHORT_MAX {
        fill(&mut item[..len]);
        item[FLAGS] = SHORT | len as u8;
    } else {
        // SAFETY: zeroed bytes are initialised `u8`s.
        let mut a = unsafe { Arc::<[u8]>::new_zeroed_slice(len).assume_init() };
        // A new allocation has one owner.
        if let Some(b) = Arc::get_mut(&mut a) {
            fill(b);
        }
        let raw = Arc::into_raw(a);
        item[..8].copy_from_slice(&(raw as *const u8 as usize as u64).to_ne_bytes());
        item[8..].copy_from_slice(&((len as u64) | (u64::from(LONG) << 56)).to_le_bytes());
    }
    // SAFETY: the caller's guarantee; the new item is built before the old one goes.
    unsafe {
        release(p);
        std::ptr::copy_nonoverlapping(item.as_ptr(), p, ITEM);
    }
}

/// Make the item at `p` missing.
///
/// # Safety
/// `p` holds a writable item.
pub unsafe fn store_missing(p: *mut u8) {
    // SAFETY: the caller's guarantee.
    unsafe {
        release(p);
        *p.add(FLAGS) = MISSING;
    }
}

/// Copy the item at `src` into `dst` (sharing a long item's allocation).
///
/// # Safety
/// `src` holds an item, `dst` a writable item; they may be the same.
unsafe fn copy_item(src: *const u8, dst: *mut u8) {
    if std::ptr::eq(src, dst) {
        return;
    }
    // SAFETY: the caller's guarantee; the count is taken before the target's old item goes.
    unsafe {
        let mut item = [0u8; ITEM];
        std::ptr::copy_nonoverlapping(src, item.as_mut_ptr(), ITEM);
        if let Some(raw) = shared(src) {
            Arc::increment_strong_count(raw);
        }
        release(dst);
        std::ptr::copy_nonoverlapping(item.as_ptr(), dst, ITEM);
    }
}

impl DTypeImpl for VString {
    fn kind(&self) -> char {
        'T'
    }
    fn char_code(&self) -> char {
        'T'
    }
    fn num(&self) -> i32 {
        NPY_VSTRING
    }
    fn itemsize(&self) -> usize {
        ITEM
    }
    fn alignment(&self) -> usize {
        8
    }
    fn name(&self) -> String {
        "StringDType128".into()
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::NotApplicable
    }
    fn with_native_order(&self, _native: bool) -> DType {
        vstring(self.na.clone(), self.coerce)
    }
    fn typestr(&self) -> String {
        self.repr()
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other
            .as_any()
            .downcast_ref::<VString>()
            .is_some_and(|o| o.coerce == self.coerce && na_eq(&self.na, &o.na))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn flags(&self) -> Flags {
        Flags {
            holds_refs: true,
            needs_api: false,
            needs_init: true,
            parametric: true,
            promotes: true,
        }
    }
    fn is_unsized(&self) -> bool {
        false
    }
    fn takes_identity(&self) -> bool {
        false
    }
    fn cast_to(&self, to: &DType) -> Option<Arc<dyn ArrayMethod>> {
        let k = if VString::of(to).is_some() {
            Kind::Copy
        } else if TextDesc::of(to).is_some() {
            Kind::ToText
        } else if TimeDesc::of(to).is_some() {
            Kind::ToTime
        } else if let Some(st) = to.scalar_type() {
            Kind::ToNum(st)
        } else {
            return None;
        };
        Some(Arc::new(Cast(k)))
    }
    fn cast_from(&self, from: &DType) -> Option<Arc<dyn ArrayMethod>> {
        let k = if TextDesc::of(from).is_some() {
            Kind::FromText
        } else if TimeDesc::of(from).is_some() {
            Kind::FromTime
        } else if let Some(st) = from.scalar_type() {
            Kind::FromNum(st)
        } else {
            return None;
        };
        Some(Arc::new(Cast(k)))
    }
    fn common_with(&self, other: &DType) -> Option<Result<DType>> {
        if let Some(o) = VString::of(other) {
            return Some(self.common(o));
        }
        TextDesc::of(other)
            .filter(|t| !t.is_bytes())
            .map(|_| Ok(vstring(self.na.clone(), self.coerce)))
    }
    fn promoter(&self, ufunc: &str, ins: &[DType]) -> Option<SmallVec<[DType; 3]>> {
        // `T * int`: the string with the integer as it is (a loop per integer type).
        if ufunc != "multiply" || ins.len() != 2 {
            return None;
        }
        let int = |d: &DType| d.scalar_type().is_some_and(|s| s.is_int());
        let v = |d: &DType| VString::of(d).is_some();
        ((v(&ins[0]) && int(&ins[1])) || (int(&ins[0]) && v(&ins[1])))
            .then(|| ins.iter().map(DType::to_native).collect())
    }
    fn compare(&self) -> Option<CompareFn> {
        let d = self.clone();
        // SAFETY: CompareFn's contract: an item at each pointer.
        Some(Arc::new(move |a, b| unsafe { d.order(a, b) }))
    }
    fn unordered(&self) -> Option<(MissingFn, &'static str)> {
        (self.null() == Null::Other).then(|| {
            // SAFETY: MissingFn's contract: an item at the pointer.
            let f = Arc::new(|p: *const u8| unsafe { load(p) }.is_none()) as MissingFn;
            (f, "Cannot compare null that is not a nan-like value")
        })
    }
    unsafe fn clear(&self, p: *mut u8, stride: isize, n: usize) {
        for i in 0..n as isize {
            // SAFETY: the caller's items.
            unsafe { release(p.wrapping_offset(i * stride)) };
        }
    }
    unsafe fn retain(&self, p: *mut u8, stride: isize, n: usize) {
        for i in 0..n as isize {
            // SAFETY: the caller's items: each long one gets the count its byte copy lacks.
            unsafe {
                if let Some(raw) = shared(p.wrapping_offset(i * stride)) {
                    Arc::increment_strong_count(raw);
                }
            }
        }
    }
}

impl VString {
    /// NumPy's order of two items: by UTF-8 bytes (code points); NaN-like missing items
    /// last, string missing values as their text, other missing values first (NumPy
    /// refuses to order them).
    ///
    /// # Safety
    /// An item at each pointer.
    unsafe fn order(&self, a: *const u8, b: *const u8) -> Ordering {
        // SAFETY: the caller's guarantee.
        let (x, y) = unsafe { (load(a), load(b)) };
        match (x, y) {
            (Some(x), Some(y)) => x.cmp(y),
            _ if self.null() == Null::Text => {
                let d = self.default_text();
                x.unwrap_or(d).cmp(y.unwrap_or(d))
            }
            (None, None) => Ordering::Equal,
            (None, _) => {
                if self.null() == Null::Nan {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (_, None) => {
                if self.null() == Null::Nan {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
        }
    }
}

/// The descriptor of a StringDType operand.
fn vdesc(d: &DType) -> Result<&VString> {
    VString::of(d).ok_or_else(|| Error::Type(format!("not a StringDType: {d:?}")))
}

fn utf8_chars(s: &[u8]) -> Vec<u32> {
    String::from_utf8_lossy(s).chars().map(u32::from).collect()
}

/// A loop's items with `nin` inputs: across threads when every output moves along (no
/// reduction into one item).
fn run(
    p: &[*mut u8],
    s: &[isize],
    n: usize,
    nin: usize,
    f: impl Fn(&[*mut u8]) -> Result<()> + Sync,
) -> Result<u32> {
    if s[nin..].iter().all(|&x| x != 0) {
        par_each(p, s, n, f)
    } else {
        each(p, s, n, f)
    }
}

// ----- casts -----

#[derive(Copy, Clone)]
enum Kind {
    Copy,
    FromText,
    ToText,
    FromNum(ScalarType),
    ToNum(ScalarType),
    FromTime,
    ToTime,
}

struct Cast(Kind);

impl ArrayMethod for Cast {
    fn name(&self) -> &str {
        "string_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags {
            needs_api: false,
            no_fp_errors: !matches!(self.0, Kind::ToNum(_)),
        }
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let to = match (&outs[0], self.0) {
            (Some(d), _) => d.clone(),
            (None, Kind::ToNum(st)) => st.dtype(),
            (None, Kind::Copy) => ins[0].clone(),
            (None, Kind::ToText) => {
                return Err(Error::Type(
                    "a cast from StringDType to text needs its target".into(),
                ))
            }
            (None, _) => default(),
        };
        let casting = match self.0 {
            Kind::Copy => {
                let (a, b) = (vdesc(&ins[0])?, vdesc(&to)?);
                if a.na.is_some() && b.na.is_none() {
                    Casting::Unsafe
                } else {
                    Casting::No
                }
            }
            Kind::FromText | Kind::ToText | Kind::ToNum(ScalarType::Bool) => Casting::SameKind,
            Kind::FromNum(_) | Kind::FromTime => Casting::Safe,
            Kind::ToNum(_) | Kind::ToTime => Casting::Unsafe,
        };
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to],
            casting,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let kind = self.0;
        Ok(match kind {
            Kind::Copy => {
                let (from, to) = (vdesc(&d[0])?.clone(), vdesc(&d[1])?.clone());
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, 1, |q| {
                        // SAFETY: StridedLoop's contract: an item at each pointer.
                        unsafe {
                            if load(q[0]).is_none() && to.na.is_none() {
                                // Into text without missing values: the missing value's str.
                                let name = from.na.as_ref().map_or(&b""[..], |n| &n.name[..]);
                                store(q[1], name);
                            } else {
                                copy_item(q[0], q[1]);
                            }
                        }
                        Ok(())
                    })
                })
            }
            Kind::FromText => {
                let from = text_desc(&d[0])?;
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, 1, |q| {
                        // SAFETY: StridedLoop's contract.
                        unsafe {
                            if from.is_bytes() {
                                let k = from.len(q[0]);
                                let raw = std::slice::from_raw_parts(q[0] as *const u8, k);
                                let text = std::str::from_utf8(raw).map_err(|e| {
                                    Error::UnicodeDecode(raw.to_vec(), e.valid_up_to(), true)
                                })?;
                                store(q[1], text.as_bytes());
                            } else {
                                // Encoded straight into the item: the length first.
                                let k = from.len(q[0]);
                                let ch = |i| char::from_u32(from.get(q[0], i));
                                let len: usize = (0..k).filter_map(ch).map(char::len_utf8).sum();
                                store_with(q[1], len, |b| {
                                    let mut o = 0;
                                    for c in (0..k).filter_map(ch) {
                                        o += c.encode_utf8(&mut b[o..]).len();
                                    }
                                });
                            }
                        }
                        Ok(())
                    })
                })
            }
            Kind::ToText => {
                let (from, to) = (vdesc(&d[0])?.clone(), text_desc(&d[1])?);
                if to.chars == 0 {
                    return Err(Error::Type(
                        "Casting from StringDType to a fixed-width dtype with an unspecified \
                         size is not currently supported, specify an explicit size for the \
                         output dtype instead."
                            .into(),
                    ));
                }
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, 1, |q| {
                        // SAFETY: StridedLoop's contract.
                        let s = unsafe { load(q[0]) }
                            .unwrap_or_else(|| from.na.as_ref().map_or(&b""[..], |n| &n.name[..]));
                        if to.is_bytes() {
                            if !s.is_ascii() {
                                let chars = utf8_chars(s);
                                let pos = chars.iter().position(|&c| c > 127).unwrap_or(0);
                                return Err(Error::UnicodeEncode(chars, pos));
                            }
                            // SAFETY: as above.
                            unsafe { to.write_bytes(q[1], s) };
                            return Ok(());
                        }
                        // Characters straight into the item, NULs after them.
                        let text = std::str::from_utf8(s).unwrap_or_default();
                        let mut i = 0;
                        for c in text.chars().take(to.chars) {
                            // SAFETY: as above; i < to.chars.
                            unsafe { to.put(q[1], i, u32::from(c)) };
                            i += 1;
                        }
                        for j in i..to.chars {
                            // SAFETY: as above.
                            unsafe { to.put(q[1], j, 0) };
                        }
                        Ok(())
                    })
                })
            }
            Kind::FromNum(st) => {
                let (swap, to) = (!d[0].is_native(), vdesc(&d[1])?.clone());
                // NumPy's float64 cast alone writes NaN as a NaN-like missing value.
                let nan_missing = to.null() == Null::Nan && st == ScalarType::Float64;
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, 1, |q| {
                        // SAFETY: StridedLoop's contract.
                        unsafe {
                            let v = super::cast::read_num(q[0], st, swap);
                            if nan_missing && matches!(v, super::Num::F(x) if x.is_nan()) {
                                store_missing(q[1]);
                            } else {
                                store(q[1], num_str(v, st).as_bytes());
                            }
                        }
                        Ok(())
                    })
                })
            }
            Kind::ToNum(st) => {
                let (from, swap) = (vdesc(&d[0])?.clone(), !d[1].is_native());
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, 1, |q| {
                        // SAFETY: StridedLoop's contract.
                        let item = unsafe { load(q[0]) };
                        let v = if st == ScalarType::Bool {
                            // Truth: nonempty text; a NaN-like missing value is true.
                            super::Num::B(match item {
                                Some(s) => !s.is_empty(),
                                None => from.null() == Null::Nan,
                            })
                        } else {
                            let s = item.ok_or_else(|| {
                                Error::Value(
                                    "Arrays with missing data cannot be converted to a \
                                     non-nullable type"
                                        .into(),
                                )
                            })?;
                            match parse_number(&utf8_chars(s), false, st)? {
                                // NumPy 2.4's cast to complex writes the real part to both
                                // parts (casts.cpp, string_to_complex_float): its answers.
                                super::Num::C(re, _) => super::Num::C(re, re),
                                v => v,
                            }
                        };
                        // SAFETY: as above.
                        unsafe { super::cast::cast_num(v, q[1], st, swap) };
                        Ok(())
                    })
                })
            }
            Kind::FromTime => {
                let from = time::time_desc(&d[0])?;
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, 1, |q| {
                        // SAFETY: StridedLoop's contract.
                        unsafe {
                            let v = from.read(q[0]);
                            // A timedelta as its count of units, NumPy's.
                            let text = if from.datetime || v == super::datetime::NAT {
                                time::item_text(from, v)?
                            } else {
                                v.to_string()
                            };
                            store(q[1], text.as_bytes());
                        }
                        Ok(())
                    })
                })
            }
            Kind::ToTime => {
                let to = time::time_desc(&d[1])?;
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, 1, |q| {
                        // SAFETY: StridedLoop's contract.
                        let text = unsafe { load(q[0]) }.unwrap_or(b"NaT");
                        let text = String::from_utf8_lossy(text);
                        let v = if to.datetime {
                            time::parse_datetime(&text, to.meta)?
                        } else {
                            time::parse_timedelta(&text)?
                        };
                        // SAFETY: as above.
                        unsafe { to.write(q[1], v) };
                        Ok(())
                    })
                })
            }
        })
    }
}

// ----- ufunc loops -----

/// Two strings in, as they are (their missing values must agree; the loops follow the first
/// one's rules, as NumPy's); `out` the output's descriptor (None: their common one).
fn binary_resolved(ins: &[DType], out: Option<DType>) -> Result<Resolved> {
    let c = vdesc(&ins[0])?.common(vdesc(&ins[1])?)?;
    Ok(Resolved {
        descrs: smallvec![ins[0].clone(), ins[1].clone(), out.unwrap_or(c)],
        casting: Casting::No,
    })
}

struct Compare(&'static str, Cmp);

impl ArrayMethod for Compare {
    fn name(&self) -> &str {
        self.0
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        binary_resolved(ins, Some(ScalarType::Bool.dtype()))
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (name, c, v) = (self.0, self.1, vdesc(&d[0])?.clone());
        let eq_or_ne = matches!(c, Cmp::Equal | Cmp::NotEqual);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            run(p, s, n, 2, |q| {
                // SAFETY: StridedLoop's contract.
                let (x, y) = unsafe { (load(q[0]), load(q[1])) };
                let r = match (x, y) {
                    (Some(x), Some(y)) => c.holds(x.cmp(y)),
                    _ => match v.null() {
                        Null::Nan => false,
                        // Other missing values equal each other only.
                        Null::Other if eq_or_ne => c.holds(if x.is_none() && y.is_none() {
                            Ordering::Equal
                        } else {
                            Ordering::Less
                        }),
                        Null::Other => {
                            return Err(Error::Value(format!(
                                "'{name}' not supported for null values that are not nan-like \
                                 or strings."
                            )))
                        }
                        Null::Text => {
                            let t = v.default_text();
                            c.holds(x.unwrap_or(t).cmp(y.unwrap_or(t)))
                        }
                    },
                };
                // SAFETY: as above: a bool output.
                unsafe { *q[2] = r as u8 };
                Ok(())
            })
        }))
    }
}

/// `add`: concatenation.
struct Concat;

impl ArrayMethod for Concat {
    fn name(&self) -> &str {
        "add"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        binary_resolved(ins, outs.first().cloned().flatten())
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let v = vdesc(&d[0])?.clone();
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            run(p, s, n, 2, |q| {
                // SAFETY: StridedLoop's contract.
                unsafe {
                    match (v.text(q[0]), v.text(q[1])) {
                        (Some(x), Some(y)) => store_with(q[2], x.len() + y.len(), |b| {
                            b[..x.len()].copy_from_slice(x);
                            b[x.len()..].copy_from_slice(y);
                        }),
                        _ if v.null() == Null::Nan => store_missing(q[2]),
                        _ => {
                            return Err(Error::Value(
                                "Cannot add null that is not a nan-like value".into(),
                            ))
                        }
                    }
                }
                Ok(())
            })
        }))
    }
}

/// `multiply` by an integer: repetition (`string_first` for `T * int`).
struct Repeat {
    string_first: bool,
}

impl ArrayMethod for Repeat {
    fn name(&self) -> &str {
        "multiply"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let k = usize::from(!self.string_first);
        let o = match outs.first().cloned().flatten() {
            Some(o) => o,
            None => ins[k].to_native(),
        };
        let descrs: SmallVec<[DType; 4]> = smallvec![ins[0].to_native(), ins[1].to_native(), o];
        Ok(Resolved {
            casting: super::method::inputs_casting(ins, &descrs),
            descrs,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (si, ii) = if self.string_first { (0, 1) } else { (1, 0) };
        let v = vdesc(&d[si])?.clone();
        let st = d[ii]
            .scalar_type()
            .ok_or_else(|| Error::Type("multiply needs an integer".into()))?;
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            run(p, s, n, 2, |q| {
                // SAFETY: StridedLoop's contract.
                unsafe {
                    let k: i128 = match super::cast::read_num(q[ii], st, false) {
                        super::Num::I(i) => i.into(),
                        super::Num::U(u) => u.into(),
                        super::Num::B(b) => b.into(),
                        _ => 0,
                    };
                    let Some(x) = v.text(q[si]) else {
                        if v.null() == Null::Nan {
                            store_missing(q[2]);
                            return Ok(());
                        }
                        return Err(Error::Type(
                            "Cannot multiply null that is not a nan-like value".into(),
                        ));
                    };
                    let total = usize::try_from(k)
                        .ok()
                        .and_then(|k| k.checked_mul(x.len()).map(|t| (k, t)))
                        .filter(|&(_, t)| t <= isize::MAX as usize);
                    let Some((k, total)) = total else {
                        return Err(Error::Overflow(
                            "Overflow encountered in string multiply".into(),
                        ));
                    };
                    if k > 0 && !x.is_empty() {
                        store_with(q[2], total, |b| {
                            for c in b.chunks_exact_mut(x.len()) {
                                c.copy_from_slice(x);
                            }
                        });
                    } else {
                        store(q[2], b"");
                    }
                }
                Ok(())
            })
        }))
    }
}

/// `maximum`/`minimum`: the larger or smaller item (NumPy's tie rule: maximum keeps the first,
/// minimum the second).
struct Extreme {
    max: bool,
}

impl ArrayMethod for Extreme {
    fn name(&self) -> &str {
        if self.max {
            "maximum"
        } else {
            "minimum"
        }
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        binary_resolved(ins, outs.first().cloned().flatten())
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let (v, max) = (vdesc(&d[0])?.clone(), self.max);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            run(p, s, n, 2, |q| {
                // SAFETY: StridedLoop's contract.
                unsafe {
                    if v.null() == Null::Other && (load(q[0]).is_none() || load(q[1]).is_none()) {
                        return Err(Error::Value(
                            "Cannot compare null that is not a nan-like value".into(),
                        ));
                    }
                    let o = v.order(q[0], q[1]);
                    if o == Ordering::Equal && (q[0] == q[2] || q[1] == q[2]) {
                        return Ok(());
                    }
                    // Maximum keeps the first unless it is less, minimum only when it is less;
                    // a NaN-like missing item orders last.
                    let first = if max {
                        o != Ordering::Less
                    } else {
                        o == Ordering::Less
                    };
                    copy_item(if first { q[0] } else { q[1] }, q[2]);
                }
                Ok(())
            })
        }))
    }
}

/// `isnan`: a NaN-like missing item.
struct IsNan;

impl ArrayMethod for IsNan {
    fn name(&self) -> &str {
        "isnan"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), ScalarType::Bool.dtype()],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let nan = vdesc(&d[0])?.null() == Null::Nan;
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            run(p, s, n, 1, |q| {
                // SAFETY: StridedLoop's contract.
                unsafe { *q[1] = (nan && load(q[0]).is_none()) as u8 };
                Ok(())
            })
        }))
    }
}

/// The loops StringDType provides.
pub fn loops() -> Vec<FamilyLoop> {
    let t = Family::of::<VString>();
    let mut v = Vec::new();
    for (name, c) in Cmp::ALL {
        v.push(FamilyLoop {
            ufunc: name,
            ins: smallvec![t, t],
            method: Arc::new(Compare(name, c)),
        });
    }
    v.push(FamilyLoop {
        ufunc: "add",
        ins: smallvec![t, t],
        method: Arc::new(Concat),
    });
    for (name, max) in [("maximum", true), ("minimum", false)] {
        v.push(FamilyLoop {
            ufunc: name,
            ins: smallvec![t, t],
            method: Arc::new(Extreme { max }),
        });
    }
    v.push(FamilyLoop {
        ufunc: "isnan",
        ins: smallvec![t],
        method: Arc::new(IsNan),
    });
    for st in ScalarType::ALL.into_iter().filter(|s| s.is_int()) {
        let i = st.dtype().family();
        v.push(FamilyLoop {
            ufunc: "multiply",
            ins: smallvec![t, i],
            method: Arc::new(Repeat { string_first: true }),
        });
        v.push(FamilyLoop {
            ufunc: "multiply",
            ins: smallvec![i, t],
            method: Arc::new(Repeat {
                string_first: false,
            }),
        });
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_short_long_missing_and_shared() {
        let mut a = [0u8; 32];
        let p = a.as_mut_ptr();
        // SAFETY: two items of writable memory.
        unsafe {
            assert_eq!(load(p), Some(&b""[..]));
            store(p, b"short");
            assert_eq!(load(p), Some(&b"short"[..]));
            let long = b"a string longer than fifteen bytes";
            store(p, long);
            assert_eq!(load(p), Some(&long[..]));
            copy_item(p, p.add(16));
            assert_eq!(load(p.add(16)), Some(&long[..]));
            let raw = shared(p).unwrap();
            let arc = Arc::from_raw(raw);
            assert_eq!(Arc::strong_count(&arc), 2);
            std::mem::forget(arc);
            store_missing(p);
            assert_eq!(load(p), None);
            assert_eq!(load(p.add(16)), Some(&long[..]));
            release(p.add(16));
            assert_eq!(load(p.add(16)), Some(&b""[..]));
        }
    }

    #[test]
    fn store_from_own_allocation() {
        let mut a = [0u8; 16];
        let p = a.as_mut_ptr();
        // SAFETY: one item of writable memory; the slice is copied before the item changes.
        unsafe {
            store(p, b"0123456789abcdefghij");
            let s = load(p).unwrap();
            store(p, &s[2..18]);
            assert_eq!(load(p), Some(&b"23456789abcdefgh"[..]));
            release(p);
        }
    }
}
