//! The string operations of `numpy.strings` that run on text items in place: case mapping of
//! ASCII text, and searching (find, rfind, count, startswith, endswith) on code points with
//! Python's slice rules. Items a rule does not cover (non-ASCII characters under case
//! mapping) are reported back by index for the caller, which knows Unicode, to finish. The
//! character classes and `str_len` are ufuncs (`dtype::strfuncs`).

use rayon::prelude::*;

use crate::array::{NdArray, Order};
use crate::dtype::strfuncs::{is_cased_lower, is_cased_upper, is_space, with_chars};
use crate::dtype::text::{Store, TextDesc};
use crate::dtype::ScalarType;
use crate::error::{Error, Result};

/// Items per thread below which the work stays on one thread.
const PAR_ITEMS: usize = 1 << 14;

/// The case mappings of `str`/`bytes`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Case {
    Upper,
    Lower,
    SwapCase,
    Capitalize,
    Title,
}

impl Case {
    pub fn parse(s: &str) -> Option<Case> {
        Some(match s {
            "upper" => Case::Upper,
            "lower" => Case::Lower,
            "swapcase" => Case::SwapCase,
            "capitalize" => Case::Capitalize,
            "title" => Case::Title,
            _ => return None,
        })
    }
}

/// The searches of `str.find` and its siblings.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Search {
    Find,
    RFind,
    Count,
    StartsWith,
    EndsWith,
}

impl Search {
    pub fn parse(s: &str) -> Option<Search> {
        Some(match s {
            "find" | "index" => Search::Find,
            "rfind" | "rindex" => Search::RFind,
            "count" => Search::Count,
            "startswith" => Search::StartsWith,
            "endswith" => Search::EndsWith,
            _ => return None,
        })
    }
}

fn text(a: &NdArray) -> Result<TextDesc> {
    TextDesc::of(a.dtype())
        .ok_or_else(|| Error::Type("string operation on non-string array".into()))
}

/// `a` C-contiguous (a copy only when it is not).
fn contiguous(a: &NdArray) -> Result<NdArray> {
    if a.is_c_contiguous() {
        Ok(a.clone())
    } else {
        a.copy(Order::C)
    }
}

/// Run `f(i)` for every item index, across threads when there are many; `f` returns whether
/// item i needs the caller (collected in order).
fn for_items(n: usize, f: impl Fn(usize) -> bool + Sync) -> Vec<usize> {
    let threads = rayon::current_num_threads();
    if n < PAR_ITEMS || threads < 2 {
        return (0..n).filter(|&i| f(i)).collect();
    }
    let chunk = n.div_ceil(threads * 4);
    let parts: Vec<Vec<usize>> = (0..n.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            (c * chunk..((c + 1) * chunk).min(n))
                .filter(|&i| f(i))
                .collect()
        })
        .collect();
    parts.concat()
}

fn to_upper(c: u32) -> u32 {
    if is_cased_lower(c) {
        c - 32
    } else {
        c
    }
}

fn to_lower(c: u32) -> u32 {
    if is_cased_upper(c) {
        c + 32
    } else {
        c
    }
}

/// The ASCII case mapping of `a`'s items into a new array of its dtype, and the indices (C
/// order) of the `str` items holding other characters, which are left for the caller.
pub fn case(a: &NdArray, op: Case) -> Result<(NdArray, Vec<usize>)> {
    let d = text(a)?;
    let src = contiguous(a)?;
    let out = NdArray::empty(a.shape(), a.dtype(), Order::C)?;
    let isz = a.dtype().itemsize();
    let (sp, op_) = (src.data_ptr() as usize, out.data_ptr() as usize);
    let rest = for_items(a.size(), |i| {
        let (p, q) = ((sp + i * isz) as *const u8, (op_ + i * isz) as *mut u8);
        // SAFETY: item i of the C-contiguous source and output, one item of `d` each.
        unsafe {
            let len = d.len(p);
            if !d.is_bytes() && (0..len).any(|k| d.get(p, k) > 127) {
                return true;
            }
            let mut prev_cased = false;
            for k in 0..d.chars {
                let c = if k < len { d.get(p, k) } else { 0 };
                let m = match op {
                    Case::Upper => to_upper(c),
                    Case::Lower => to_lower(c),
                    Case::SwapCase => {
                        if is_cased_lower(c) {
                            to_upper(c)
                        } else {
                            to_lower(c)
                        }
                    }
                    Case::Capitalize => {
                        if k == 0 {
                            to_upper(c)
                        } else {
                            to_lower(c)
                        }
                    }
                    Case::Title => {
                        let m = if prev_cased { to_lower(c) } else { to_upper(c) };
                        prev_cased = is_cased_lower(c) || is_cased_upper(c);
                        m
                    }
                };
                d.put(q, k, m);
            }
            false
        }
    });
    Ok((out, rest))
}

/// Python's adjustment of slice bounds to a length.
fn adjust(start: i64, end: i64, len: i64) -> (i64, i64) {
    let end = if end > len {
        len
    } else if end < 0 {
        (end + len).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start
    };
    (start, end)
}

/// One search on the characters `t` (Python's str methods).
fn search_one(t: &[u32], sub: &[u32], start: i64, end: i64, op: Search) -> i64 {
    let len = t.len() as i64;
    let (start, end) = adjust(start, end, len);
    let m = sub.len() as i64;
    // The first character first: most positions fail on it without a slice comparison.
    let at = |k: i64| {
        let k = k as usize;
        match sub.split_first() {
            None => true,
            Some((&c, rest)) => t[k] == c && t[k + 1..k + 1 + rest.len()] == *rest,
        }
    };
    match op {
        Search::Find | Search::RFind => {
            if start > len || end - start < m {
                return -1;
            }
            if op == Search::Find {
                (start..=end - m).find(|&k| at(k)).unwrap_or(-1)
            } else {
                (start..=end - m).rev().find(|&k| at(k)).unwrap_or(-1)
            }
        }
        Search::Count => {
            if start > len || end < start {
                return 0;
            }
            if m == 0 {
                return end - start + 1;
            }
            let (mut k, mut n) = (start, 0);
            while k + m <= end {
                if at(k) {
                    n += 1;
                    k += m;
                } else {
                    k += 1;
                }
            }
            n
        }
        Search::StartsWith | Search::EndsWith => {
            if end - m < start || start > len {
                return 0;
            }
            let k = if op == Search::StartsWith {
                start
            } else {
                end - m
            };
            at(k) as i64
        }
    }
}

/// A search over every item of `a` for `sub`, within `start..end` (Python's slice bounds):
/// int64 results for find/rfind/count, bool for startswith/endswith.
pub fn search(a: &NdArray, sub: &[u32], start: i64, end: i64, op: Search) -> Result<NdArray> {
    let d = text(a)?;
    let src = contiguous(a)?;
    let boolean = matches!(op, Search::StartsWith | Search::EndsWith);
    let st = if boolean {
        ScalarType::Bool
    } else {
        ScalarType::Int64
    };
    let out = NdArray::empty(a.shape(), &st.dtype(), Order::C)?;
    let isz = a.dtype().itemsize();
    let (sp, op_) = (src.data_ptr() as usize, out.data_ptr() as usize);
    for_items(a.size(), |i| {
        let p = (sp + i * isz) as *const u8;
        // SAFETY: item i of the C-contiguous source.
        let r = unsafe { with_chars(d, p, |chars| search_one(chars, sub, start, end, op)) };
        // SAFETY: item i of the fresh output.
        unsafe {
            if boolean {
                *((op_ + i) as *mut u8) = r as u8;
            } else {
                std::ptr::write_unaligned((op_ as *mut i64).add(i), r);
            }
        }
        false
    });
    Ok(out)
}

/// Where padding goes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Pad {
    Center,
    Left,
    Right,
    Zeros,
}

/// An item-to-item transformation of text.
#[derive(Clone, Debug)]
pub enum Transform {
    /// `strip`/`lstrip`/`rstrip`: whitespace, or the characters given.
    Strip {
        left: bool,
        right: bool,
        chars: Option<Vec<u32>>,
    },
    /// `center`/`ljust`/`rjust` (the text on the left for `Left`), `zfill`.
    Pad { how: Pad, width: usize, fill: u32 },
    /// `replace` of at most `count` occurrences (negative: all).
    Replace {
        old: Vec<u32>,
        new: Vec<u32>,
        count: i64,
    },
}

/// Python's `str.replace` of one item into `out`.
fn replace_into(t: &[u32], old: &[u32], new: &[u32], count: i64, out: &mut Vec<u32>) {
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        // Before every character and at the end.
        for &c in t {
            if left > 0 {
                out.extend_from_slice(new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.extend_from_slice(new);
        }
        return;
    }
    let mut k = 0;
    while k < t.len() {
        if left > 0 && t[k..].starts_with(old) {
            out.extend_from_slice(new);
            k += old.len();
            left -= 1;
        } else {
            out.push(t[k]);
            k += 1;
        }
    }
}

impl Transform {
    /// The transformed text of one item.
    fn apply(&self, t: &[u32], bytes: bool, out: &mut Vec<u32>) {
        out.clear();
        match self {
            Transform::Strip { left, right, chars } => {
                let strip = |c: u32| match chars {
                    Some(cs) => cs.contains(&c),
                    None => is_space(c, bytes),
                };
                let mut lo = 0;
                let mut hi = t.len();
                if *left {
                    while lo < hi && strip(t[lo]) {
                        lo += 1;
                    }
                }
                if *right {
                    while hi > lo && strip(t[hi - 1]) {
                        hi -= 1;
                    }
                }
                out.extend_from_slice(&t[lo..hi]);
            }
            Transform::Pad { how, width, fill } => {
                let width = *width;
                let marg = width.saturating_sub(t.len());
                let (l, r) = match how {
                    Pad::Left => (0, marg),
                    Pad::Right | Pad::Zeros => (marg, 0),
                    // CPython's split of the margin.
                    Pad::Center => {
                        let l = marg / 2 + (marg & width & 1);
                        (l, marg - l)
                    }
                };
                out.extend(std::iter::repeat_n(*fill, l));
                out.extend_from_slice(t);
                out.extend(std::iter::repeat_n(*fill, r));
                if *how == Pad::Zeros
                    && l > 0
                    && matches!(out.get(l), Some(&c) if c == '+' as u32 || c == '-' as u32)
                {
                    out.swap(0, l);
                }
            }
            Transform::Replace { old, new, count } => replace_into(t, old, new, *count, out),
        }
    }
}

/// `t` applied to every item of `a`, into text of `a`'s kind `chars` characters long (None:
/// the longest result's, at least 1).
pub fn transform(a: &NdArray, t: &Transform, chars: Option<usize>) -> Result<NdArray> {
    let d = text(a)?;
    if let (Transform::Pad { width, .. }, Some(c)) = (t, chars) {
        ensure!(
            *width <= c,
            Value,
            "a padded width of {width} does not fit the result's {c} characters"
        );
    }
    let src = contiguous(a)?;
    let isz = a.dtype().itemsize();
    let sp = src.data_ptr() as usize;
    let n = a.size();
    let bytes = d.is_bytes();
    let chars = match chars {
        Some(c) => {
            ensure!(
                c <= crate::dtype::MAX_ITEMSIZE / 4,
                Type,
                "data type '{}{c}' not understood",
                if bytes { 'S' } else { 'U' }
            );
            c
        }
        None => {
            let longest = std::sync::atomic::AtomicUsize::new(0);
            for_items(n, |i| {
                BUF_OUT.with(|o| {
                    let mut o = o.borrow_mut();
                    // SAFETY: item i of the C-contiguous source.
                    unsafe {
                        with_chars(d, (sp + i * isz) as *const u8, |c| {
                            t.apply(c, bytes, &mut o)
                        })
                    };
                    longest.fetch_max(o.len(), std::sync::atomic::Ordering::Relaxed);
                });
                false
            });
            longest.into_inner().max(1)
        }
    };
    // Results are in the machine's byte order.
    let od = TextDesc {
        store: if bytes {
            Store::Bytes
        } else {
            Store::Ucs4 { swapped: false }
        },
        chars,
    };
    let out = NdArray::empty(a.shape(), &od.dtype(), Order::C)?;
    let (op_, osz) = (out.data_ptr() as usize, od.dtype().itemsize());
    for_items(n, |i| {
        BUF_OUT.with(|o| {
            let mut o = o.borrow_mut();
            // SAFETY: item i of the C-contiguous source and of the fresh output.
            unsafe {
                with_chars(d, (sp + i * isz) as *const u8, |c| {
                    t.apply(c, bytes, &mut o)
                });
                let q = (op_ + i * osz) as *mut u8;
                let k = o.len().min(chars);
                if bytes {
                    for (j, &c) in o[..k].iter().enumerate() {
                        *q.add(j) = c as u8;
                    }
                    std::ptr::write_bytes(q.add(k), 0, chars - k);
                } else {
                    // Native UCS4: the characters, then NULs to the item's end.
                    std::ptr::copy_nonoverlapping(o.as_ptr() as *const u8, q, 4 * k);
                    std::ptr::write_bytes(q.add(4 * k), 0, 4 * (chars - k));
                }
            }
        });
        false
    });
    Ok(out)
}

thread_local! {
    static BUF_OUT: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn searches_follow_python() {
        // Python: 'Hello World'.find('l') == 2, .rfind('l') == 9, .count('l') == 3,
        // .find('l', 3, 9) == 3, .find('', 20) == -1, 'aaa'.count('') == 4,
        // 'abc'.startswith('', 5) is False, 'abc'.endswith('bc', -2) is True.
        let h = t("Hello World");
        assert_eq!(search_one(&h, &t("l"), 0, i64::MAX, Search::Find), 2);
        assert_eq!(search_one(&h, &t("l"), 0, i64::MAX, Search::RFind), 9);
        assert_eq!(search_one(&h, &t("l"), 0, i64::MAX, Search::Count), 3);
        assert_eq!(search_one(&h, &t("l"), 3, 9, Search::Find), 3);
        assert_eq!(search_one(&h, &t(""), 20, i64::MAX, Search::Find), -1);
        assert_eq!(search_one(&t("aaa"), &t(""), 0, i64::MAX, Search::Count), 4);
        assert_eq!(
            search_one(&t("abc"), &t(""), 5, i64::MAX, Search::StartsWith),
            0
        );
        assert_eq!(
            search_one(&t("abc"), &t("bc"), -2, i64::MAX, Search::EndsWith),
            1
        );
    }
}
