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
    /// Complex numbers: 1 when a part is NaN (NumPy puts R+nanj after every number without
    /// a NaN, before nan+Rj); it ranks above [`key`](Self::key).
    fn class(self) -> u64 {
        0
    }
    /// The whole order: (class, key, key2).
    #[inline(always)]
    fn order(self) -> (u64, u64, u64) {
        (self.class(), self.key(), self.key2())
    }
    /// Sort a line through the bits' words when the type has such a path (true if done).
    fn sort_words(_v: &mut [Self]) -> bool {
        false
    }
    /// [`partition_numbers`] through the bits' words, as `sort_words` (true if done).
    fn select_words(_v: &mut [Self], _kth: &[usize]) -> bool {
        false
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
            fn sort_words(v: &mut [$t]) -> bool {
                sort_ints(v, false, None);
                true
            }
            fn select_words(v: &mut [$t], kth: &[usize]) -> bool {
                sort_ints(v, false, Some(kth));
                true
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
            fn sort_words(v: &mut [$t]) -> bool {
                // SAFETY: same size and alignment; any bits are an unsigned word.
                sort_ints(unsafe { as_words::<$t, $u>(v) }, true, None);
                true
            }
            fn select_words(v: &mut [$t], kth: &[usize]) -> bool {
                // SAFETY: as above.
                sort_ints(unsafe { as_words::<$t, $u>(v) }, true, Some(kth));
                true
            }
        }
    )*};
}
int_key!(i8 => u8, i16 => u16, i32 => u32, i64 => u64);

/// An int64 whose minimum sorts last (NaT among datetime64 ticks).
#[derive(Copy, Clone, Default, Debug, PartialEq)]
#[repr(transparent)]
pub struct MinLast(pub i64);

impl SortKey for MinLast {
    const BITS: u32 = 64;
    #[inline(always)]
    fn key(self) -> u64 {
        // The sign flipped orders the values as words; one less rotates the minimum (0) to
        // the top.
        ((self.0 as u64) ^ (1 << 63)).wrapping_sub(1)
    }
    fn sort_words(v: &mut [MinLast]) -> bool {
        // SAFETY: MinLast is a transparent i64; any bits are a u64.
        let w = unsafe { as_words::<MinLast, u64>(v) };
        w.iter_mut()
            .for_each(|x| *x = (*x ^ (1 << 63)).wrapping_sub(1));
        sort_words(w);
        w.iter_mut()
            .for_each(|x| *x = x.wrapping_add(1) ^ (1 << 63));
        true
    }
}

impl SortKey for Bool {
    const BITS: u32 = 8;
    #[inline(always)]
    fn key(self) -> u64 {
        self.0 as u64
    }
    fn sort_words(v: &mut [Bool]) -> bool {
        // SAFETY: Bool is a transparent u8.
        sort_ints(unsafe { as_words::<Bool, u8>(v) }, false, None);
        true
    }
}

impl SortKey for f64 {
    const BITS: u32 = 64;
    #[inline(always)]
    fn key(self) -> u64 {
        float_key(self.to_bits(), 1 << 63, self.is_nan(), self == 0.0)
    }
    fn sort_words(v: &mut [f64]) -> bool {
        // SAFETY: same size and alignment; any bits are a u64.
        let w = unsafe { as_words::<f64, u64>(v) };
        sort_floats(w, |b| f64::from_bits(b).is_nan(), |b| b << 1 == 0, None);
        true
    }
    fn select_words(v: &mut [f64], kth: &[usize]) -> bool {
        // SAFETY: as above.
        let w = unsafe { as_words::<f64, u64>(v) };
        sort_floats(
            w,
            |b| f64::from_bits(b).is_nan(),
            |b| b << 1 == 0,
            Some(kth),
        );
        true
    }
}

impl SortKey for f32 {
    const BITS: u32 = 32;
    #[inline(always)]
    fn key(self) -> u64 {
        float_key(self.to_bits() as u64, 1 << 31, self.is_nan(), self == 0.0) & 0xFFFF_FFFF
    }
    fn sort_words(v: &mut [f32]) -> bool {
        // SAFETY: same size and alignment; any bits are a u32.
        let w = unsafe { as_words::<f32, u32>(v) };
        sort_floats(w, |b| f32::from_bits(b).is_nan(), |b| b << 1 == 0, None);
        true
    }
    fn select_words(v: &mut [f32], kth: &[usize]) -> bool {
        // SAFETY: as above.
        let w = unsafe { as_words::<f32, u32>(v) };
        sort_floats(
            w,
            |b| f32::from_bits(b).is_nan(),
            |b| b << 1 == 0,
            Some(kth),
        );
        true
    }
}

impl SortKey for half::f16 {
    const BITS: u32 = 16;
    #[inline(always)]
    fn key(self) -> u64 {
        let b = self.to_bits() as u64;
        float_key(b, 1 << 15, f16_nan(b as u16), b & 0x7FFF == 0) & 0xFFFF
    }
    fn sort_words(v: &mut [half::f16]) -> bool {
        // SAFETY: f16 is a transparent u16.
        let w = unsafe { as_words::<half::f16, u16>(v) };
        sort_floats(w, f16_nan, |b| b << 1 == 0, None);
        true
    }
}

fn f16_nan(b: u16) -> bool {
    b & 0x7C00 == 0x7C00 && b & 0x03FF != 0
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
    #[inline(always)]
    fn class(self) -> u64 {
        (self.re.is_nan() || self.im.is_nan()) as u64
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

/// Lines from this length sort on every core when their keys' high bits split them evenly.
const PARALLEL: usize = 1 << 17;
/// Lines from this length sort on every core through sampled splitters, when their keys
/// take six digits or more.
const SPLITTERS: usize = 1 << 21;

/// Stable radix sort of `v` by the low `bits` bits of `key`. Long lines split first into 256
/// parts by splitters sampled from the keys (each thread scattering its chunk, in chunk
/// order, so the split is stable), then sort the parts on every core; others run
/// [`radix_line`]. `tmp` is scratch (resized as needed).
fn radix<T: Copy + Default + Send + Sync>(
    v: &mut [T],
    tmp: &mut Vec<T>,
    bits: u32,
    key: impl Fn(&T) -> u64 + Sync,
) {
    use rayon::prelude::*;
    let n = v.len();
    let threads = rayon::current_num_threads();
    if n < PARALLEL || threads < 2 {
        return radix_line(v, tmp, bits, key);
    }
    let mask = if bits >= 64 {
        u64::MAX
    } else {
        (1 << bits) - 1
    };
    let key = |x: &T| key(x) & mask;
    let first = key(&v[0]);
    let varying = v
        .par_iter()
        .map(|x| key(x) ^ first)
        .reduce(|| 0, |a, b| a | b);
    if varying == 0 {
        return;
    }
    let chunk = n.div_ceil(4 * threads);
    // Parts by the eight highest bits that vary, when that balances them (no part above a
    // quarter of the items); else, for long lines of wide keys, by 255 splitters from a
    // sorted sample: an item's part is the count of splitters at or below its key, so equal
    // keys share a part and the parts hold like numbers of items. Other lines sort on one
    // thread (the split would cost more than it saves).
    let shift = (64 - varying.leading_zeros()).saturating_sub(8);
    let by_bits = |_: usize, x: &T| ((key(x) >> shift) & 0xFF) as usize;
    let counts = chunk_counts(v, chunk, by_bits);
    let largest = (0..256)
        .map(|b| counts.iter().map(|k| k[b]).sum::<usize>())
        .max();
    // The passes one thread would make (digits that vary).
    let passes = (0..8).filter(|d| (varying >> (8 * d)) & 0xFF != 0).count();
    let (starts, below) = if largest.unwrap_or(0) <= n / 4 {
        (scatter(v, tmp, chunk, &counts, by_bits), shift)
    } else if passes >= 6 && n >= SPLITTERS {
        let mut sample: Vec<u64> = (0..4096).map(|i| key(&v[i * (n / 4096)])).collect();
        sample.sort_unstable();
        let split: Vec<u64> = (1..256).map(|j| sample[j * 16]).collect();
        let part: Vec<u8> = v
            .par_iter()
            .map(|x| {
                let k = key(x);
                let mut b = 0;
                for step in [128, 64, 32, 16, 8, 4, 2, 1] {
                    // Arithmetic, not a branch: the comparisons are unpredictable.
                    b += step * (split[b + step - 1] <= k) as usize;
                }
                b as u8
            })
            .collect();
        let by_split = |i: usize, _: &T| part[i] as usize;
        let counts = chunk_counts(v, chunk, by_split);
        (scatter(v, tmp, chunk, &counts, by_split), bits)
    } else {
        return radix_line(v, tmp, bits, key);
    };
    let mut parts = Vec::with_capacity(256);
    let mut rest = &mut tmp[..n];
    for b in 0..256 {
        let (part, tail) = rest.split_at_mut(starts[b + 1] - starts[b]);
        parts.push(part);
        rest = tail;
    }
    parts.into_par_iter().for_each(|part| {
        if part.len() > 1 && below > 0 {
            radix_line(part, &mut Vec::new(), below, key);
        }
    });
    v.par_chunks_mut(chunk)
        .zip(tmp[..n].par_chunks(chunk))
        .for_each(|(d, s)| d.copy_from_slice(s));
}

/// Each chunk's count of items in each part (`digit`).
fn chunk_counts<T: Sync>(
    v: &[T],
    chunk: usize,
    digit: impl Fn(usize, &T) -> usize + Sync,
) -> Vec<[usize; 256]> {
    use rayon::prelude::*;
    v.par_chunks(chunk)
        .enumerate()
        .map(|(j, c)| {
            let mut k = [0usize; 256];
            c.iter()
                .enumerate()
                .for_each(|(i, x)| k[digit(j * chunk + i, x)] += 1);
            k
        })
        .collect()
}

/// Scatter `v` into `tmp` by part (`digit`, `counts` from [`chunk_counts`]), chunks on every
/// core in chunk order, each keeping its items' order: stable. Returns where each part starts.
fn scatter<T: Copy + Default + Send + Sync>(
    v: &[T],
    tmp: &mut Vec<T>,
    chunk: usize,
    counts: &[[usize; 256]],
    digit: impl Fn(usize, &T) -> usize + Sync,
) -> [usize; 257] {
    use rayon::prelude::*;
    // Where each part starts, and where each chunk's items of each part go.
    let mut starts = [0usize; 257];
    for b in 0..256 {
        starts[b + 1] = starts[b] + counts.iter().map(|k| k[b]).sum::<usize>();
    }
    let mut at = starts;
    let mut offsets: Vec<[usize; 256]> = counts
        .iter()
        .map(|k| {
            let o: [usize; 256] = std::array::from_fn(|b| at[b]);
            at.iter_mut().zip(k).for_each(|(a, c)| *a += c);
            o
        })
        .collect();
    if tmp.len() < v.len() {
        tmp.resize(v.len(), T::default());
    }
    let out = SharedOut(tmp.as_mut_ptr());
    v.par_chunks(chunk)
        .zip(offsets.par_iter_mut())
        .enumerate()
        .for_each(|(j, (c, o))| {
            let out = &out;
            for (i, x) in c.iter().enumerate() {
                let d = digit(j * chunk + i, x);
                // SAFETY: each chunk writes its own positions of part d (its offsets run
                // over its count there), all below the length; no two chunks share one.
                unsafe { out.0.add(o[d]).write(*x) };
                o[d] += 1;
            }
        });
    starts
}

/// A pointer the scattering threads write through, each to its own positions.
struct SharedOut<T>(*mut T);
// SAFETY: the threads write disjoint positions (see `radix`).
unsafe impl<T> Sync for SharedOut<T> {}

/// Stable LSD radix sort of `v` by the low `bits` bits of `key`, digits of 8 bits, skipping
/// the digits every key shares. `tmp` is scratch (resized as needed).
fn radix_line<T: Copy + Default>(
    v: &mut [T],
    tmp: &mut Vec<T>,
    bits: u32,
    key: impl Fn(&T) -> u64,
) {
    let n = v.len();
    if n <= SMALL {
        insertion(v, key);
        return;
    }
    let digit = 8;
    let buckets = 1usize << digit;
    let mask = (buckets - 1) as u64;
    let passes = bits.div_ceil(digit) as usize;
    let mut counts = vec![0usize; passes * buckets];
    for x in v.iter() {
        let k = key(x);
        for p in 0..passes {
            counts[p * buckets + ((k >> (digit as usize * p)) & mask) as usize] += 1;
        }
    }
    if tmp.len() < n {
        tmp.resize(n, T::default());
    }
    let (mut src, mut dst): (&mut [T], &mut [T]) = (v, &mut tmp[..n]);
    let mut in_tmp = false;
    let mut offsets = vec![0usize; buckets];
    for p in 0..passes {
        let c = &counts[p * buckets..(p + 1) * buckets];
        if c.contains(&n) {
            continue;
        }
        let mut sum = 0;
        for (o, &x) in offsets.iter_mut().zip(c) {
            *o = sum;
            sum += x;
        }
        let shift = digit as usize * p;
        let out = dst.as_mut_ptr();
        for x in src.iter() {
            let d = ((key(x) >> shift) & mask) as usize;
            // SAFETY: d < buckets; bucket d's offsets run from its start to its end, below n
            // (each bucket receives exactly its count of items).
            unsafe {
                let o = offsets.get_unchecked_mut(d);
                out.add(*o).write(*x);
                *o += 1;
            }
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
    if T::sort_words(v) {
        return;
    }
    if T::TWO_KEYS {
        radix(v, tmp, T::BITS, |x| x.key2());
    }
    radix(v, tmp, T::BITS, |x| x.key());
    if T::TWO_KEYS && v.iter().any(|x| x.class() != 0) {
        radix(v, tmp, 8, |x| x.class());
    }
}

/// The unsigned word of a number's bits.
trait Word: Copy + Default + Send + Sync + Ord + 'static {
    const BITS: u32;
    const SIGN: Self;
    fn wide(self) -> u64;
    fn flip(self) -> Self;
    fn xor(self, o: Self) -> Self;
    fn top(self) -> bool;
}

macro_rules! word {
    ($($t:ty),*) => {$(
        impl Word for $t {
            const BITS: u32 = <$t>::BITS;
            const SIGN: $t = 1 << (<$t>::BITS - 1);
            #[inline(always)]
            fn wide(self) -> u64 {
                self as u64
            }
            #[inline(always)]
            fn flip(self) -> $t {
                !self
            }
            #[inline(always)]
            fn xor(self, o: $t) -> $t {
                self ^ o
            }
            #[inline(always)]
            fn top(self) -> bool {
                self & Self::SIGN != 0
            }
        }
    )*};
}
word!(u8, u16, u32, u64);

/// Sort words in place in their own order.
fn sort_words<U: Word>(w: &mut [U]) {
    if w.windows(2).all(|p| p[0] <= p[1]) {
        return;
    }
    radix(w, &mut Vec::new(), U::BITS, |x| x.wide());
}

/// Select words in place at each index of `kth` (sorted, distinct; those past the end are
/// skipped).
fn select_words<U: Word>(w: &mut [U], kth: &[usize]) {
    let (mut lo, n) = (0, w.len());
    for &k in kth.iter().filter(|&&k| k < n) {
        w[lo..].select_nth_unstable(k - lo);
        lo = k + 1;
    }
}

/// Integers as words: the sign bit flipped orders signed values as unsigned words. `kth`:
/// select there instead of sorting.
fn sort_ints<U: Word>(w: &mut [U], signed: bool, kth: Option<&[usize]>) {
    let flip = |w: &mut [U]| {
        if signed {
            w.iter_mut().for_each(|x| *x = x.xor(U::SIGN));
        }
    };
    flip(w);
    match kth {
        Some(k) => select_words(w, k),
        None => sort_words(w),
    }
    flip(w);
}

/// IEEE floats as words, NumPy's order: NaNs last in their order, both zeros equal (their
/// signs kept in their order), the others by the order-preserving flip of their bits.
fn sort_floats<U: Word>(
    w: &mut [U],
    is_nan: impl Fn(U) -> bool,
    is_zero: impl Fn(U) -> bool,
    kth: Option<&[usize]>,
) {
    // NaNs to the end, in order.
    let mut nans = Vec::new();
    let mut k = 0;
    for i in 0..w.len() {
        let x = w[i];
        if is_nan(x) {
            nans.push(x);
        } else {
            w[k] = x;
            k += 1;
        }
    }
    w[k..].copy_from_slice(&nans);
    let w = &mut w[..k];
    let enc = |x: U| if x.top() { x.flip() } else { x.xor(U::SIGN) };
    let dec = |x: U| if x.top() { x.xor(U::SIGN) } else { x.flip() };
    if let Some(kth) = kth {
        // A partition: -0.0 may land before 0.0 (NumPy finds them equal; either is right).
        w.iter_mut().for_each(|x| *x = enc(*x));
        select_words(w, kth);
        w.iter_mut().for_each(|x| *x = dec(*x));
        return;
    }
    // The zeros' signs in order, when both occur.
    let zeros: Vec<bool> = w.iter().filter(|&&x| is_zero(x)).map(|x| x.top()).collect();
    let mixed = zeros.iter().any(|&z| z) && zeros.iter().any(|&z| !z);
    w.iter_mut().for_each(|x| *x = enc(*x));
    sort_words(w);
    w.iter_mut().for_each(|x| *x = dec(*x));
    if mixed {
        // The zeros sit together: give them back their signs in their first order.
        if let Some(start) = w.iter().position(|&x| is_zero(x)) {
            for (x, &neg) in w[start..].iter_mut().zip(&zeros) {
                *x = if neg { U::SIGN } else { U::default() };
            }
        }
    }
}

/// `v` as a slice of its bits' words.
///
/// # Safety
/// `T` and `U` have the same size and `U`'s alignment is no larger than `T`'s; every bit
/// pattern is a `U`.
unsafe fn as_words<T, U>(v: &mut [T]) -> &mut [U] {
    // SAFETY: the caller's guarantee.
    unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr() as *mut U, v.len()) }
}

/// The stable order of a line of numbers: `out[k]` is the index of the k-th smallest.
pub fn argsort_numbers<T: SortKey>(v: &[T], out: &mut [i64]) {
    let n = v.len();
    if !T::TWO_KEYS {
        // Lines already in order, or in strictly reverse order, need no sort.
        if v.windows(2).all(|p| p[0].key() <= p[1].key()) {
            out.iter_mut().enumerate().for_each(|(i, o)| *o = i as i64);
            return;
        }
        if v.windows(2).all(|p| p[0].key() > p[1].key()) {
            out.iter_mut()
                .enumerate()
                .for_each(|(i, o)| *o = (n - 1 - i) as i64);
            return;
        }
    }
    if T::BITS <= 32 && !T::TWO_KEYS && n <= u32::MAX as usize {
        // Key and index in one word; the index breaks no ties (the sort is stable).
        let mut w: Vec<u64> = v
            .iter()
            .enumerate()
            .map(|(i, x)| (x.key() << 32) | i as u64)
            .collect();
        radix(&mut w, &mut Vec::new(), 64, |&x| x >> 32);
        for (o, x) in out.iter_mut().zip(&w) {
            *o = (x & 0xFFFF_FFFF) as i64;
        }
        return;
    }
    if !T::TWO_KEYS {
        let mut w: Vec<(u64, u64)> = v
            .iter()
            .enumerate()
            .map(|(i, x)| (x.key(), i as u64))
            .collect();
        radix(&mut w, &mut Vec::new(), T::BITS, |x| x.0);
        for (o, x) in out.iter_mut().zip(&w) {
            *o = x.1 as i64;
        }
        return;
    }
    let mut w: Vec<(u64, u64, i64)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (x.key(), x.key2(), i as i64))
        .collect();
    let mut tmp = Vec::new();
    radix(&mut w, &mut tmp, T::BITS, |x| x.1);
    radix(&mut w, &mut tmp, T::BITS, |x| x.0);
    if v.iter().any(|x| x.class() != 0) {
        radix(&mut w, &mut tmp, 8, |x| v[x.2 as usize].class());
    }
    for (o, x) in out.iter_mut().zip(&w) {
        *o = x.2;
    }
}

/// Partition a line of numbers in place (NumPy's `partition`): each index of `kth` (sorted,
/// distinct, below the length) holds the item a sort would put there, with no larger item
/// before it and no smaller item after it. Introselect on the sort keys (a total order).
pub fn partition_numbers<T: SortKey>(v: &mut [T], kth: &[usize]) {
    if T::select_words(v, kth) {
        return;
    }
    let mut lo = 0;
    for &k in kth {
        v[lo..].select_nth_unstable_by_key(k - lo, |x| x.order());
        lo = k + 1;
    }
}

/// The indices that partition a line of numbers at `kth` (NumPy's `argpartition`).
pub fn argpartition_numbers<T: SortKey>(v: &[T], kth: &[usize], out: &mut [i64]) {
    let mut w: Vec<(u64, u64, i64)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (x.key(), x.key2(), i as i64))
        .collect();
    let mut lo = 0;
    for &k in kth {
        w[lo..].select_nth_unstable_by_key(k - lo, |x| (v[x.2 as usize].class(), x.0, x.1));
        lo = k + 1;
    }
    for (o, x) in out.iter_mut().zip(&w) {
        *o = x.2;
    }
}

/// Stable sort of `idx` (items, in their order) by the items' words (`word(i, k)`: word
/// `k < words` of item `i`), lexicographically: the items sort by their first word, then each
/// run of equal words by the next word, and so on (most significant word first).
pub fn sort_by_words(idx: &mut [usize], words: usize, word: &dyn Fn(usize, usize) -> u64) {
    let mut pairs: Vec<(u64, usize)> = Vec::new();
    let mut tmp = Vec::new();
    // Ranges of `idx` still to sort, with the word they sort by.
    let mut todo = vec![(0, idx.len(), 0)];
    while let Some((start, end, k)) = todo.pop() {
        if end - start < 2 || k >= words {
            continue;
        }
        let part = &mut idx[start..end];
        pairs.clear();
        pairs.extend(part.iter().map(|&i| (word(i, k), i)));
        if pairs.len() > 1024 {
            radix(&mut pairs, &mut tmp, 64, |x| x.0);
        } else {
            pairs.sort_by_key(|x| x.0);
        }
        let mut run = 0;
        for j in 0..pairs.len() {
            part[j] = pairs[j].1;
            if j + 1 == pairs.len() || pairs[j + 1].0 != pairs[j].0 {
                if j > run {
                    todo.push((start + run, start + j + 1, k + 1));
                }
                run = j + 1;
            }
        }
    }
}

/// Stable merge sort of `idx` under `less(a, b)` (is item `a` before item `b`?), which may
/// fail: the first error stops the sort (`idx` then holds a permutation of its items). A merge
/// takes the right item only when it is strictly less than the left one, as NumPy's stable
/// sorts do.
pub fn merge_sort<T: Copy + Default>(
    idx: &mut [T],
    less: &mut impl FnMut(T, T) -> Result<bool>,
) -> Result<()> {
    let n = idx.len();
    // Runs of SMALL by binary insertion (few calls of `less`): each item goes after every
    // item it is not less than.
    for run in idx.chunks_mut(SMALL) {
        for i in 1..run.len() {
            let x = run[i];
            let (mut lo, mut hi) = (0, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if less(x, run[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            run.copy_within(lo..i, lo + 1);
            run[lo] = x;
        }
    }
    let mut buf = vec![T::default(); n];
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
        let v = [
            f64::NAN,
            f64::INFINITY,
            1.5,
            -0.0,
            0.0,
            f64::NEG_INFINITY,
            -2.0,
        ];
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
        let v: Vec<f64> = (0..1000)
            .map(|i| ((i * 7919) % 1000) as f64 - 500.0)
            .collect();
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
        let r = merge_sort(&mut idx, &mut |_, _| {
            Err(crate::error::Error::Type("x".into()))
        });
        assert!(r.is_err());
        idx.sort();
        assert_eq!(idx, (0..200).collect::<Vec<_>>());
    }

    #[test]
    fn words_sort_lexicographically_and_stably() {
        // Items of two words; ties (equal in both words) keep their order.
        let items: Vec<[u64; 2]> = (0..3000u64)
            .map(|i| [(i * 7919) % 5, (i * 104729) % 3])
            .collect();
        let mut idx: Vec<usize> = (0..items.len()).collect();
        sort_by_words(&mut idx, 2, &|i, k| items[i][k]);
        let mut want: Vec<usize> = (0..items.len()).collect();
        want.sort_by_key(|&i| items[i]);
        assert_eq!(idx, want);
        let mut few: Vec<usize> = (0..5).collect();
        sort_by_words(&mut few, 2, &|i, k| items[i][k]);
        let mut want: Vec<usize> = (0..5).collect();
        want.sort_by_key(|&i| items[i]);
        assert_eq!(few, want);
    }

    #[test]
    fn long_lines_split_across_threads_stably() {
        // Wide keys (splitters), narrow keys (high bits), skewed keys; pairs carry their
        // index, so a stable sort is checked exactly.
        let mut x = 88172645463325252u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let n = SPLITTERS + 3;
        let wide: Vec<u64> = (0..n).map(|_| next()).collect();
        let narrow: Vec<u64> = (0..PARALLEL * 2).map(|_| next() % 1000).collect();
        let skewed: Vec<u64> = (0..n)
            .map(|i| if i % 3 == 0 { next() >> 9 } else { 7 })
            .collect();
        for keys in [wide, narrow, skewed] {
            let mut v: Vec<(u64, u64)> = keys
                .iter()
                .enumerate()
                .map(|(i, &k)| (k, i as u64))
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            radix(&mut v, &mut Vec::new(), 64, |p| p.0);
            assert!(v == want);
        }
    }
}
