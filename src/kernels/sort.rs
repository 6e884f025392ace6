//! Sorting, on one contiguous line: a stable LSD radix sort for the built-in numbers (keys
//! that order as NumPy's sort does: NaN last, -0.0 equal to 0.0, complex by real then
//! imaginary part) and a stable merge sort of indices under any ordering, which may fail
//! (the families' compare hooks, Python's `<` on objects).
//!
//! Both are stable, so every sort kind gives NumPy's stable result: `argsort(kind='stable')`
//! index for index, and the other kinds one of the orders NumPy's own kinds may give.

use num_complex::Complex;

use crate::dtype::Bool;
use crate::error::Result;

/// A number's sort key: unsigned integers that order as NumPy's sort orders the values.
pub trait SortKey: Copy + Send + Sync + 'static {
    /// The key's width in bits (a multiple of 8, at most 64).
    const BITS: u32;
    /// Complex numbers: their imaginary part's key breaks ties of [`key`](Self::key).
    const TWO_KEYS: bool = false;
    fn key(self) -> u64;
    fn key2(self) -> u64 {
        0
    }
}

/// The key of an IEEE float's bits: order-preserving, both zeros equal, NaN above infinity.
#[inline(always)]
fn float_key(bits: u64, sign: u64, nan: bool, zero: bool) -> u64 {
    if nan {
        u64::MAX
    } else if zero {
        sign
    } else if bits & sign != 0 {
        !bits & (sign | (sign - 1))
    } else {
        bits | sign
    }
}

macro_rules! uint_key {
    ($($t:ty),*) => {$(
        impl SortKey for $t {
            const BITS: u32 = <$t>::BITS;
            #[inline(always)]
            fn key(self) -> u64 {
                self as u64
            }
        }
    )*};
}
uint_key!(u8, u16, u32, u64);

macro_rules! int_key {
    ($($t:ty => $u:ty),*) => {$(
        impl SortKey for $t {
            const BITS: u32 = <$t>::BITS;
            #[inline(always)]
            fn key(self) -> u64 {
                ((self as $u) ^ (1 << (<$t>::BITS - 1))) as u64
            }
        }
    )*};
}
int_key!(i8 => u8, i16 => u16, i32 => u32, i64 => u64);

impl SortKey for Bool {
    const BITS: u32 = 8;
    #[inline(always)]
    fn key(self) -> u64 {
        self.0 as u64
    }
}

impl SortKey for f64 {
    const BITS: u32 = 64;
    #[inline(always)]
    fn key(self) -> u64 {
        float_key(self.to_bits(), 1 << 63, self.is_nan(), self == 0.0)
    }
}

impl SortKey for f32 {
    const BITS: u32 = 32;
    #[inline(always)]
    fn key(self) -> u64 {
        float_key(self.to_bits() as u64, 1 << 31, self.is_nan(), self == 0.0) & 0xFFFF_FFFF
    }
}

impl SortKey for half::f16 {
    const BITS: u32 = 16;
    #[inline(always)]
    fn key(self) -> u64 {
        let b = self.to_bits() as u64;
        let nan = b & 0x7C00 == 0x7C00 && b & 0x03FF != 0;
        float_key(b, 1 << 15, nan, b & 0x7FFF == 0) & 0xFFFF
    }
}

impl<T: SortKey + num_traits::Float> SortKey for Complex<T> {
    const BITS: u32 = T::BITS;
    const TWO_KEYS: bool = true;
    #[inline(always)]
    fn key(self) -> u64 {
        self.re.key()
    }
    #[inline(always)]
    fn key2(self) -> u64 {
        self.im.key()
    }
}

/// Lines up to this length sort by insertion.
const SMALL: usize = 32;

/// Stable insertion sort of `v` by `key`.
fn insertion<T: Copy>(v: &mut [T], key: impl Fn(&T) -> u64) {
    for i in 1..v.len() {
        let x = v[i];
        let k = key(&x);
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > k {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// Stable LSD radix sort of `v` by the low `bits` bits of `key`, bytes at a time, skipping the
/// bytes every key shares. `tmp` is scratch (resized as needed).
fn radix<T: Copy + Default>(v: &mut [T], tmp: &mut Vec<T>, bits: u32, key: impl Fn(&T) -> u64) {
    let n = v.len();
    if n <= SMALL {
        insertion(v, key);
        return;
    }
    let passes = (bits / 8) as usize;
    let mut counts = vec![[0usize; 256]; passes];
    for x in v.iter() {
        let k = key(x);
        for (p, c) in counts.iter_mut().enumerate() {
            c[((k >> (8 * p)) & 0xFF) as usize] += 1;
        }
    }
    tmp.clear();
    tmp.resize(n, T::default());
    let (mut src, mut dst): (&mut [T], &mut [T]) = (v, &mut tmp[..]);
    let mut in_tmp = false;
    for (p, c) in counts.iter().enumerate() {
        if c.iter().any(|&x| x == n) {
            continue;
        }
        let mut offsets = [0usize; 256];
        let mut sum = 0;
        for (o, &x) in offsets.iter_mut().zip(c.iter()) {
            *o = sum;
            sum += x;
        }
        let shift = 8 * p;
        for x in src.iter() {
            let d = ((key(x) >> shift) & 0xFF) as usize;
            // The offsets stay below n: each bucket receives exactly its count.
            dst[offsets[d]] = *x;
            offsets[d] += 1;
        }
        std::mem::swap(&mut src, &mut dst);
        in_tmp = !in_tmp;
    }
    if in_tmp {
        // The sorted items are in the scratch (`src`); `dst` is the caller's line.
        dst.copy_from_slice(src);
    }
}

/// Sort a line of numbers in NumPy's order, stably.
pub fn sort_numbers<T: SortKey + Default>(v: &mut [T], tmp: &mut Vec<T>) {
    if T::TWO_KEYS {
        radix(v, tmp, T::BITS, |x| x.key2());
    }
    radix(v, tmp, T::BITS, |x| x.key());
}

/// The stable order of a line of numbers: `out[k]` is the index of the k-th smallest.
pub fn argsort_numbers<T: SortKey>(v: &[T], out: &mut [i64]) {
    let n = v.len();
    if T::BITS <= 32 && !T::TWO_KEYS && n <= u32::MAX as usize {
        // Key and index in one word; the index breaks no ties (the sort is stable).
        let mut w: Vec<u64> = v
            .iter()
            .enumerate()
            .map(|(i, x)| (x.key() << 32) | i as u64)
            .collect();
        let mut tmp = Vec::new();
        radix(&mut w, &mut tmp, 64, |&x| x >> 32);
        for (o, x) in out.iter_mut().zip(&w) {
            *o = (x & 0xFFFF_FFFF) as i64;
        }
        return;
    }
    let mut w: Vec<(u64, u64, i64)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (x.key(), x.key2(), i as i64))
        .collect();
    let mut tmp = Vec::new();
    if T::TWO_KEYS {
        radix(&mut w, &mut tmp, T::BITS, |x| x.1);
    }
    radix(&mut w, &mut tmp, T::BITS, |x| x.0);
    for (o, x) in out.iter_mut().zip(&w) {
        *o = x.2;
    }
}

/// Stable merge sort of `idx` under `less(a, b)` (is item `a` before item `b`?), which may
/// fail: the first error stops the sort (`idx` then holds a permutation of its items). A merge
/// takes the right item only when it is strictly less than the left one, as NumPy's stable
/// sorts do.
pub fn merge_sort(idx: &mut [usize], less: &mut impl FnMut(usize, usize) -> Result<bool>) -> Result<()> {
    let n = idx.len();
    // Runs of SMALL by insertion.
    for run in idx.chunks_mut(SMALL) {
        for i in 1..run.len() {
            let x = run[i];
            let mut j = i;
            while j > 0 && less(x, run[j - 1])? {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = x;
        }
    }
    let mut buf = vec![0usize; n];
    let mut width = SMALL;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            if mid >= end || !less(idx[mid], idx[mid - 1])? {
                // Already in order.
                continue;
            }
            buf[start..mid].copy_from_slice(&idx[start..mid]);
            let (mut l, mut r, mut k) = (start, mid, start);
            while l < mid && r < end {
                if less(idx[r], buf[l])? {
                    idx[k] = idx[r];
                    r += 1;
                } else {
                    idx[k] = buf[l];
                    l += 1;
                }
                k += 1;
            }
            idx[k..k + (mid - l)].copy_from_slice(&buf[l..mid]);
        }
        width *= 2;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_follow_numpys_order() {
        // NumPy: sort([nan, inf, 1.5, -0.0, 0.0, -inf, -2.0]) is
        // [-inf, -2., -0., 0., 1.5, inf, nan], the zeros equal.
        let v = [f64::NAN, f64::INFINITY, 1.5, -0.0, 0.0, f64::NEG_INFINITY, -2.0];
        let keys: Vec<u64> = v.iter().map(|x| x.key()).collect();
        let order = [5, 6, 3, 2, 1, 0];
        for w in order.windows(2) {
            assert!(keys[w[0]] < keys[w[1]], "{:?} !< {:?}", v[w[0]], v[w[1]]);
        }
        assert_eq!(keys[3], keys[4]);
        assert!(f32::NAN.key() > f32::INFINITY.key());
        assert_eq!((-0.0f32).key(), 0.0f32.key());
        assert!((-1i8).key() < 0i8.key());
    }

    #[test]
    fn radix_is_stable_and_sorts() {
        let v: Vec<f64> = (0..1000).map(|i| ((i * 7919) % 1000) as f64 - 500.0).collect();
        let mut s = v.clone();
        sort_numbers(&mut s, &mut Vec::new());
        let mut want = v.clone();
        want.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert_eq!(s, want);
        // Equal keys keep their order: indices of a line of repeated values.
        let r: Vec<i32> = (0..100).map(|i| i % 3).collect();
        let mut idx = vec![0i64; 100];
        argsort_numbers(&r, &mut idx);
        let mut want: Vec<i64> = (0..100).collect();
        want.sort_by_key(|&i| r[i as usize]);
        assert_eq!(idx, want);
    }

    #[test]
    fn merge_sort_is_stable_and_stops_at_errors() {
        let keys: Vec<i32> = (0..200).map(|i| (i * 37) % 11).collect();
        let mut idx: Vec<usize> = (0..200).collect();
        merge_sort(&mut idx, &mut |a, b| Ok(keys[a] < keys[b])).unwrap();
        let mut want: Vec<usize> = (0..200).collect();
        want.sort_by_key(|&i| keys[i]);
        assert_eq!(idx, want);
        let mut idx: Vec<usize> = (0..200).collect();
        let r = merge_sort(&mut idx, &mut |_, _| Err(crate::error::Error::Type("x".into())));
        assert!(r.is_err());
        idx.sort();
        assert_eq!(idx, (0..200).collect::<Vec<_>>());
    }
}
