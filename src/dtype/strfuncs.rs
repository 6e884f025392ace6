//! The ufuncs of `numpy.strings` that are ufuncs in NumPy: the character classes (`isalpha`,
//! `isdigit`, `isspace`, `isalnum`, `islower`, `isupper`, `istitle`, `isdecimal`,
//! `isnumeric`) and `str_len`, on `S`, `U` and StringDType items.
//!
//! ASCII text is classified here with Python's rules (bytes always are: their methods know
//! ASCII only). Text holding other characters asks Python's own `str` method through the
//! object runtime, so Unicode's tables are Python's. A StringDType missing item gives False
//! when its missing value is NaN-like, acts as the missing value's text when that is a
//! string, and is NumPy's ValueError otherwise; `str_len` refuses every missing item that is
//! not text.

use std::sync::Arc;

use smallvec::smallvec;

use super::method::{ArrayMethod, Family, FamilyLoop, MethodFlags, Resolved, StridedLoop};
use super::promote::Casting;
use super::text::{each, par_each, Store, TextDesc};
use super::vstring::VString;
use super::{DType, Num, ScalarType};
use crate::error::{Error, Result};

/// The character classes of `str.isalpha` and its siblings.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Class {
    Alpha,
    Digit,
    Space,
    Alnum,
    Lower,
    Upper,
    Title,
    Decimal,
    Numeric,
}

impl Class {
    /// Each class by its ufunc's name.
    pub const ALL: [(&'static str, Class); 9] = [
        ("isalpha", Class::Alpha),
        ("isdigit", Class::Digit),
        ("isspace", Class::Space),
        ("isalnum", Class::Alnum),
        ("islower", Class::Lower),
        ("isupper", Class::Upper),
        ("istitle", Class::Title),
        ("isdecimal", Class::Decimal),
        ("isnumeric", Class::Numeric),
    ];

    fn name(self) -> &'static str {
        Class::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("", |(n, _)| n)
    }

    /// `str` has the method, `bytes` not (isdecimal, isnumeric).
    fn str_only(self) -> bool {
        matches!(self, Class::Decimal | Class::Numeric)
    }
}

thread_local! {
    static BUF: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Run `f` on the characters of the item at `p`: in place for native aligned UCS4, else
/// through a buffer of this thread.
///
/// # Safety
/// `p` holds an item of `d`.
pub(crate) unsafe fn with_chars<R>(d: TextDesc, p: *const u8, f: impl FnOnce(&[u32]) -> R) -> R {
    if d.store == (Store::Ucs4 { swapped: false }) && (p as usize).is_multiple_of(4) {
        // SAFETY: the item's native, aligned UCS4 characters.
        let all = unsafe { std::slice::from_raw_parts(p as *const u32, d.chars) };
        let len = all.iter().rposition(|&c| c != 0).map_or(0, |k| k + 1);
        return f(&all[..len]);
    }
    // SAFETY: the caller's guarantee.
    let len = unsafe { d.len(p) };
    BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        // SAFETY: the caller's guarantee; k < len <= chars.
        b.extend((0..len).map(|k| unsafe { d.get(p, k) }));
        f(&b)
    })
}

pub(crate) fn is_cased_lower(c: u32) -> bool {
    (b'a' as u32..=b'z' as u32).contains(&c)
}

pub(crate) fn is_cased_upper(c: u32) -> bool {
    (b'A' as u32..=b'Z' as u32).contains(&c)
}

/// Python's whitespace: `str.isspace`'s characters for str, ASCII whitespace for bytes.
pub(crate) fn is_space(c: u32, bytes: bool) -> bool {
    if bytes {
        return matches!(c, 9..=13 | 32);
    }
    matches!(
        c,
        9..=13
            | 28..=32
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// Python's rules for ASCII text, and for bytes (whose methods know ASCII only).
fn ascii_class(t: &[u32], class: Class, bytes: bool) -> bool {
    let alpha = |c: u32| is_cased_lower(c) || is_cased_upper(c);
    let digit = |c: u32| (b'0' as u32..=b'9' as u32).contains(&c);
    let space = |c: u32| is_space(c, bytes);
    if t.is_empty() {
        return false;
    }
    match class {
        Class::Alpha => t.iter().all(|&c| alpha(c)),
        Class::Digit | Class::Decimal | Class::Numeric => t.iter().all(|&c| digit(c)),
        Class::Space => t.iter().all(|&c| space(c)),
        Class::Alnum => t.iter().all(|&c| alpha(c) || digit(c)),
        Class::Lower => {
            t.iter().any(|&c| is_cased_lower(c)) && !t.iter().any(|&c| is_cased_upper(c))
        }
        Class::Upper => {
            t.iter().any(|&c| is_cased_upper(c)) && !t.iter().any(|&c| is_cased_lower(c))
        }
        Class::Title => {
            // Uppercase only after uncased characters, lowercase only after cased ones, and
            // at least one cased character.
            let (mut prev_cased, mut any) = (false, false);
            for &c in t {
                if is_cased_upper(c) {
                    if prev_cased {
                        return false;
                    }
                    prev_cased = true;
                    any = true;
                } else if is_cased_lower(c) {
                    if !prev_cased {
                        return false;
                    }
                    prev_cased = true;
                    any = true;
                } else {
                    prev_cased = false;
                }
            }
            any
        }
    }
}

/// Python's own `str` method of a class, resolved once a loop, for text holding characters
/// beyond ASCII.
struct PyClass {
    rt: &'static dyn super::object::ObjectRuntime,
    op: super::object::ObjectFn,
}

impl PyClass {
    fn new(class: Class) -> Result<PyClass> {
        let rt = super::object::runtime()?;
        let op = rt.operation(&format!(".{}", class.name()), 1);
        Ok(PyClass { rt, op })
    }

    fn of(&self, t: &[u32]) -> Result<bool> {
        let rt = self.rt;
        let mut out = false;
        rt.with_api(&mut || {
            // SAFETY: inside with_api; each new reference is given up once.
            unsafe {
                let s = rt.new_text(t, false)?;
                let r = self.op.call(&[s]);
                rt.decref(s);
                let r = r?;
                let v = rt.to_num(r, ScalarType::Bool);
                rt.decref(r);
                out = matches!(v?, Num::B(true));
            }
            Ok(0)
        })?;
        Ok(out)
    }
}

/// Which family a loop reads.
#[derive(Copy, Clone)]
enum Src {
    Text,
    VString,
}

/// A loop's items, across threads when the output moves along.
fn run(
    p: &[*mut u8],
    s: &[isize],
    n: usize,
    f: impl Fn(&[*mut u8]) -> Result<()> + Sync,
) -> Result<u32> {
    if s[1] != 0 {
        par_each(p, s, n, f)
    } else {
        each(p, s, n, f)
    }
}

/// A StringDType missing item that is not text, in function `what`: an error unless a
/// class meets a NaN-like missing value (NumPy's messages).
fn refuse_missing(v: &VString, what: &str) -> Result<()> {
    if what == "str_len" || !v.na.as_ref().is_some_and(|na| na.nan_like) {
        return Err(Error::Value(match what {
            "str_len" => "The length of a null string is undefined".to_string(),
            name => {
                format!("Cannot use the {name} function with a null that is not a nan-like value")
            }
        }));
    }
    Ok(())
}

/// A character class: bool out. Bytes (`bytes` true) never ask Python. `str` text may: its
/// loop keeps the GIL and is called on the thread holding it; the items Python's tables are
/// not needed for are classified across threads first, the others after, on that thread.
struct Classify(Class, Src, bool);

/// Not yet known: the item needs Python (a value no bool has).
const LATER: u8 = 2;

/// Run `fast` on every item (across threads when the output moves along), writing its answer
/// or [`LATER`]; then `slow` on this thread for the items left.
fn two_pass(
    p: &[*mut u8],
    s: &[isize],
    n: usize,
    fast: &(impl Fn(*const u8) -> Result<Option<bool>> + Sync),
    slow: &impl Fn(*const u8) -> Result<bool>,
) -> Result<u32> {
    let put = |q: &[*mut u8], v: u8| {
        // SAFETY: StridedLoop's contract: a bool output item.
        unsafe { *q[1] = v }
    };
    if s[1] == 0 {
        // Every item lands in one output: one pass, in order.
        return each(p, s, n, |q| {
            let v = match fast(q[0])? {
                Some(v) => v,
                None => slow(q[0])?,
            };
            put(q, v as u8);
            Ok(())
        });
    }
    par_each(p, s, n, |q| {
        put(q, fast(q[0])?.map_or(LATER, u8::from));
        Ok(())
    })?;
    each(p, s, n, |q| {
        // SAFETY: as above; the first pass wrote every output item.
        if unsafe { *q[1] } == LATER {
            put(q, slow(q[0])? as u8);
        }
        Ok(())
    })
}

impl ArrayMethod for Classify {
    fn name(&self) -> &str {
        self.0.name()
    }
    fn flags(&self) -> MethodFlags {
        match self.2 {
            true => MethodFlags::QUIET,
            false => MethodFlags::API,
        }
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), ScalarType::Bool.dtype()],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let class = self.0;
        Ok(match self.1 {
            Src::Text => {
                let t = TextDesc::of(&d[0]).ok_or_else(|| Error::Type("not text".into()))?;
                let bytes = t.is_bytes();
                // SAFETY (both): StridedLoop's contract: a text item at each input pointer.
                let fast = move |x: *const u8| {
                    Ok(unsafe {
                        with_chars(t, x, |c| {
                            (bytes || c.iter().all(|&c| c < 128))
                                .then(|| ascii_class(c, class, bytes))
                        })
                    })
                };
                // Bytes never reach it.
                let py = if bytes {
                    None
                } else {
                    Some(PyClass::new(class)?)
                };
                let slow = move |x: *const u8| match &py {
                    Some(py) => unsafe { with_chars(t, x, |c| py.of(c)) },
                    None => Ok(false),
                };
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    two_pass(p, s, n, &fast, &slow)
                })
            }
            Src::VString => {
                let v = VString::of(&d[0])
                    .ok_or_else(|| Error::Type("not a StringDType".into()))?
                    .clone();
                let v2 = v.clone();
                // SAFETY (both): StridedLoop's contract: a StringDType item at each input
                // pointer.
                let fast = move |x: *const u8| -> Result<Option<bool>> {
                    match unsafe { v.text(x) } {
                        Some(b) if b.is_ascii() => {
                            let t: smallvec::SmallVec<[u32; 32]> =
                                b.iter().map(|&c| u32::from(c)).collect();
                            Ok(Some(ascii_class(&t, class, false)))
                        }
                        Some(_) => Ok(None),
                        None => refuse_missing(&v, class.name()).map(|()| Some(false)),
                    }
                };
                let py = PyClass::new(class)?;
                let slow = move |x: *const u8| match unsafe { v2.text(x) } {
                    Some(b) => {
                        let t: Vec<u32> =
                            String::from_utf8_lossy(b).chars().map(u32::from).collect();
                        py.of(&t)
                    }
                    None => Ok(false),
                };
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    two_pass(p, s, n, &fast, &slow)
                })
            }
        })
    }
}

/// `str_len`: int64 out.
struct StrLen(Src);

impl ArrayMethod for StrLen {
    fn name(&self) -> &str {
        "str_len"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), ScalarType::Int64.dtype()],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let put = |q: *mut u8, n: usize| {
            // SAFETY: the caller's output item, an int64.
            unsafe { std::ptr::write_unaligned(q as *mut i64, n as i64) }
        };
        Ok(match self.0 {
            Src::Text => {
                let t = TextDesc::of(&d[0]).ok_or_else(|| Error::Type("not text".into()))?;
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, |q| {
                        // SAFETY: StridedLoop's contract: a text item in.
                        put(q[1], unsafe { t.len(q[0]) });
                        Ok(())
                    })
                })
            }
            Src::VString => {
                let v = VString::of(&d[0])
                    .ok_or_else(|| Error::Type("not a StringDType".into()))?
                    .clone();
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    run(p, s, n, |q| {
                        // SAFETY: StridedLoop's contract: a StringDType item in.
                        let b = match unsafe { v.text(q[0]) } {
                            Some(b) => b,
                            None => {
                                refuse_missing(&v, "str_len")?;
                                b""
                            }
                        };
                        put(q[1], utf8_len(b));
                        Ok(())
                    })
                })
            }
        })
    }
}

/// Code points in UTF-8 text: every byte that does not continue a character.
fn utf8_len(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c as i8) >= -0x40).count()
}

/// The loops of `numpy.strings`' ufuncs, for `S`, `U` and StringDType.
pub fn loops() -> Vec<FamilyLoop> {
    let (u, s, t) = (
        super::unicode::unicode(0, true).family(),
        super::bytes::bytes(0).family(),
        Family::of::<VString>(),
    );
    let mut v = Vec::new();
    for (name, class) in Class::ALL {
        for (fam, src) in [(u, Src::Text), (s, Src::Text), (t, Src::VString)] {
            if fam == s && class.str_only() {
                continue;
            }
            v.push(FamilyLoop {
                ufunc: name,
                ins: smallvec![fam],
                method: Arc::new(Classify(class, src, fam == s)),
            });
        }
    }
    for (fam, src) in [(u, Src::Text), (s, Src::Text), (t, Src::VString)] {
        v.push(FamilyLoop {
            ufunc: "str_len",
            ins: smallvec![fam],
            method: Arc::new(StrLen(src)),
        });
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn ascii_classes_follow_python() {
        // Python: 'Hello World'.istitle() is True, 'Hello world'.istitle() is False,
        // 'abc1'.islower() is True, ''.isalpha() is False, ' \t'.isspace() is True;
        // b'\x1c'.isspace() is False but '\x1c'.isspace() is True.
        assert!(ascii_class(&t("Hello World"), Class::Title, false));
        assert!(!ascii_class(&t("Hello world"), Class::Title, false));
        assert!(ascii_class(&t("abc1"), Class::Lower, false));
        assert!(!ascii_class(&t(""), Class::Alpha, false));
        assert!(ascii_class(&t(" \t"), Class::Space, false));
        assert!(!ascii_class(&[0x1c], Class::Space, true));
        assert!(ascii_class(&[0x1c], Class::Space, false));
    }

    #[test]
    fn utf8_lengths_count_code_points() {
        // Python: len('aé€😀') == 4.
        assert_eq!(utf8_len("aé€😀".as_bytes()), 4);
        assert_eq!(utf8_len(b""), 0);
    }
}
