//! argmin / argmax: the index of the first extreme element along an axis (NaN counts as the
//! extreme, the first NaN wins, as in NumPy).
//!
//! As NumPy does, the axis is moved last and the array made contiguous, so every line is a
//! slice; lines are scanned block-wise: a branch-free pass finds each block's extreme (it
//! vectorises), and only a block that improves on the best so far is searched for the index.

use std::cmp::Ordering;

use half::f16;
use num_complex::Complex;

use crate::array::{NdArray, Order};
use crate::dtype::{Element, ScalarType};
use crate::error::Result;

/// Ordering for argmin/argmax: strict comparisons and NaN detection.
trait ArgOrd: Element {
    fn gt(a: Self, b: Self) -> bool;
    fn lt(a: Self, b: Self) -> bool;
    #[inline(always)]
    fn is_nan(_a: Self) -> bool {
        false
    }
}

macro_rules! arg_ord_plain {
    ($($t:ty),*) => {$(
        impl ArgOrd for $t {
            #[inline(always)]
            fn gt(a: Self, b: Self) -> bool { a > b }
            #[inline(always)]
            fn lt(a: Self, b: Self) -> bool { a < b }
        }
    )*};
}
arg_ord_plain!(crate::dtype::Bool, i8, u8, i16, u16, i32, u32, i64, u64);

macro_rules! arg_ord_float {
    ($($t:ty),*) => {$(
        impl ArgOrd for $t {
            #[inline(always)]
            fn gt(a: Self, b: Self) -> bool { a > b }
            #[inline(always)]
            fn lt(a: Self, b: Self) -> bool { a < b }
            #[inline(always)]
            #[allow(clippy::eq_op)]
            fn is_nan(a: Self) -> bool { a != a }
        }
    )*};
}
arg_ord_float!(f16, f32, f64);

macro_rules! arg_ord_complex {
    ($($t:ty),*) => {$(
        impl ArgOrd for Complex<$t> {
            #[inline(always)]
            fn gt(a: Self, b: Self) -> bool { a.re > b.re || (a.re == b.re && a.im > b.im) }
            #[inline(always)]
            fn lt(a: Self, b: Self) -> bool { a.re < b.re || (a.re == b.re && a.im < b.im) }
            #[inline(always)]
            fn is_nan(a: Self) -> bool { a.re.is_nan() || a.im.is_nan() }
        }
    )*};
}
arg_ord_complex!(f32, f64);

#[inline(always)]
fn better<T: ArgOrd, const MAX: bool>(a: T, b: T) -> bool {
    if MAX {
        T::gt(a, b)
    } else {
        T::lt(a, b)
    }
}

const BLOCK: usize = 512;
const LANES: usize = 16;

/// The first index of `m` in a block: vectorised compares, sixteen at a time.
#[inline(always)]
fn first_eq<T: ArgOrd>(block: &[T], m: T) -> usize {
    for (ci, c) in block.chunks(LANES).enumerate() {
        if c.iter().fold(false, |acc, &x| acc | (x == m)) {
            return ci * LANES + c.iter().position(|&x| x == m).unwrap_or(0);
        }
    }
    0
}

/// Index of the first extreme (or first NaN) of a non-empty slice, block by block: each
/// block's extreme in sixteen independent lanes (a single running extreme is a chain the
/// compiler cannot vectorise), and only a block that improves on the best so far searched
/// for its index (ties keep the earlier block's).
#[inline(always)]
fn scan<T: ArgOrd, const MAX: bool>(s: &[T]) -> usize {
    let mut best = s[0];
    if T::is_nan(best) {
        return 0;
    }
    let mut best_i = 0;
    let mut i0 = 0;
    while i0 < s.len() {
        let block = &s[i0..(i0 + BLOCK).min(s.len())];
        let mut lanes = [block[0]; LANES];
        let mut nans = [false; LANES];
        let chunks = block.chunks_exact(LANES);
        let rest = chunks.remainder();
        for c in chunks {
            for j in 0..LANES {
                nans[j] |= T::is_nan(c[j]);
                lanes[j] = if better::<T, MAX>(c[j], lanes[j]) {
                    c[j]
                } else {
                    lanes[j]
                };
            }
        }
        let mut nan = nans.iter().any(|&b| b);
        let mut m = lanes[0];
        for &x in lanes[1..].iter().chain(rest) {
            nan |= T::is_nan(x);
            m = if better::<T, MAX>(x, m) { x } else { m };
        }
        if nan {
            return i0 + block.iter().position(|&x| T::is_nan(x)).unwrap_or(0);
        }
        if better::<T, MAX>(m, best) {
            best = m;
            best_i = i0 + first_eq(block, m);
        }
        i0 += BLOCK;
    }
    best_i
}

/// Every line's extreme: `lines` holds `out.len()` lines of `n` items.
#[inline(always)]
fn scan_all<T: ArgOrd, const MAX: bool>(lines: &[T], n: usize, out: &mut [i64]) {
    for (o, line) in out.iter_mut().zip(lines.chunks_exact(n)) {
        *o = scan::<T, MAX>(line) as i64;
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn scan_all_avx2<T: ArgOrd, const MAX: bool>(lines: &[T], n: usize, out: &mut [i64]) {
    scan_all::<T, MAX>(lines, n, out)
}

/// [`scan_all`] in AVX2 code where the CPU has it (64-bit compares are not in the baseline;
/// the AVX-512 build of these lanes measured slower than AVX2's).
fn scan_dispatch<T: ArgOrd, const MAX: bool>(lines: &[T], n: usize, out: &mut [i64]) {
    #[cfg(target_arch = "x86_64")]
    if crate::kernels::simd_level() >= crate::kernels::Simd::Avx2 {
        // SAFETY: the CPU has AVX2.
        return unsafe { scan_all_avx2::<T, MAX>(lines, n, out) };
    }
    scan_all::<T, MAX>(lines, n, out)
}

fn scan_lines<T: ArgOrd>(a: &NdArray, n: usize, out: &mut [i64], max: bool) {
    // SAFETY: `a` is C-contiguous, holds `out.len() * n` items of T and is aligned (contiguous
    // copies are made by rumpy; foreign buffers are checked by the caller).
    let all = unsafe { std::slice::from_raw_parts(a.data_ptr() as *const T, out.len() * n) };
    if max {
        scan_dispatch::<T, true>(all, n, out)
    } else {
        scan_dispatch::<T, false>(all, n, out)
    }
}

/// argmax (`max`) or argmin over `axis` (None: the flattened array). Returns an int64 array of
/// the input's shape without that axis (0-d for None).
pub fn arg_extreme(a: &NdArray, axis: Option<isize>, max: bool) -> Result<NdArray> {
    let name = if max { "argmax" } else { "argmin" };
    let st = a.dtype().scalar_type();
    let cmp = a.dtype().compare().filter(|_| st.is_none());
    let (lines, out_shape): (NdArray, Vec<usize>) = match axis {
        None => (a.reshape(&[a.size() as isize], Order::C)?, vec![]),
        Some(ax) => {
            let k = NdArray::normalize_axis(ax, a.ndim().max(1))?;
            if a.ndim() == 0 {
                (a.reshape(&[1], Order::C)?, vec![])
            } else {
                let mut perm: Vec<usize> = (0..a.ndim()).filter(|&j| j != k).collect();
                let out_shape: Vec<usize> = perm.iter().map(|&j| a.shape()[j]).collect();
                perm.push(k);
                (a.transpose(Some(&perm))?, out_shape)
            }
        }
    };
    let n = *lines.shape().last().unwrap_or(&1);
    ensure!(n > 0, Value, "attempt to get {name} of an empty sequence");
    let Some(st) = st else {
        // A family's ordering hook (text, records): the first extreme item of each line.
        let Some(cmp) = cmp else {
            bail!(Type, "{name} is not supported for dtype {}", a.dtype());
        };
        let lines = lines.copy(Order::C)?;
        let isz = lines.dtype().itemsize();
        let out = NdArray::empty(&out_shape, &ScalarType::Int64.dtype(), Order::C)?;
        let want = if max {
            Ordering::Greater
        } else {
            Ordering::Less
        };
        let missing = a.dtype().0.missing();
        let unordered = a.dtype().0.unordered();
        for k in 0..out.size() {
            let at = |i: usize| lines.data_ptr().wrapping_add((k * n + i) * isz) as *const u8;
            if let Some((u, msg)) = &unordered {
                ensure!(!(0..n).any(|i| u(at(i))), Value, "{msg}");
            }
            // The first missing item (NaT) wins, as NaN does for floats.
            let first_missing = missing.as_ref().and_then(|m| (0..n).find(|&i| m(at(i))));
            let best = first_missing.unwrap_or_else(|| {
                (1..n).fold(0, |b, i| if cmp(at(i), at(b)) == want { i } else { b })
            });
            // SAFETY: item k of the fresh int64 array.
            unsafe { *(out.data_ptr() as *mut i64).add(k) = best as i64 };
        }
        return Ok(out);
    };
    let native = st.dtype();
    let aligned = (lines.data_ptr() as usize).is_multiple_of(native.alignment());
    let lines = if lines.is_c_contiguous() && lines.dtype() == &native && aligned {
        lines
    } else {
        lines.astype(&native, Order::C)?
    };
    let out = NdArray::empty(&out_shape, &ScalarType::Int64.dtype(), Order::C)?;
    // SAFETY: a fresh C-contiguous int64 array of out_shape.
    let o = unsafe { std::slice::from_raw_parts_mut(out.data_ptr() as *mut i64, out.size()) };
    crate::with_scalar_type!(st, T, { scan_lines::<T>(&lines, n, o, max) });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_extreme_and_nan_across_blocks() {
        let mut v: Vec<f64> = (0..2000).map(|i| ((i * 37) % 101) as f64).collect();
        let m = v.iter().cloned().fold(f64::MIN, f64::max);
        let first = v.iter().position(|&x| x == m).unwrap();
        assert_eq!(scan::<f64, true>(&v), first);
        v[1500] = f64::NAN;
        v[1700] = f64::NAN;
        assert_eq!(scan::<f64, true>(&v), 1500);
        assert_eq!(scan::<f64, false>(&v), 1500);
        let w = [3i32, 1, 1, 5, 5, 0, 0];
        assert_eq!(scan::<i32, true>(&w), 3);
        assert_eq!(scan::<i32, false>(&w), 5);
    }
}
