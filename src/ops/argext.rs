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

const LANES: usize = 16;

/// Index of the first extreme (or first NaN) of a non-empty slice. Sixteen independent lanes
/// keep their own extreme and its index (a single running extreme is a chain the compiler
/// cannot vectorise); ties between lanes go to the smaller index.
fn scan<T: ArgOrd, const MAX: bool>(s: &[T]) -> usize {
    let mut lanes = [s[0]; LANES];
    let mut idx = [0usize; LANES];
    let mut nans = [false; LANES];
    let chunks = s.chunks_exact(LANES);
    let rest = chunks.remainder();
    for (k, c) in chunks.enumerate() {
        for j in 0..LANES {
            nans[j] |= T::is_nan(c[j]);
            let b = better::<T, MAX>(c[j], lanes[j]);
            lanes[j] = if b { c[j] } else { lanes[j] };
            idx[j] = if b { k * LANES + j } else { idx[j] };
        }
    }
    let base = s.len() - rest.len();
    if nans.iter().any(|&b| b) || rest.iter().any(|&x| T::is_nan(x)) {
        return s.iter().position(|&x| T::is_nan(x)).unwrap_or(0);
    }
    let (mut best, mut best_i) = (lanes[0], idx[0]);
    for j in 1..LANES {
        if better::<T, MAX>(lanes[j], best) || (lanes[j] == best && idx[j] < best_i) {
            best = lanes[j];
            best_i = idx[j];
        }
    }
    for (i, &x) in rest.iter().enumerate() {
        if better::<T, MAX>(x, best) {
            best = x;
            best_i = base + i;
        }
    }
    best_i
}

fn scan_lines<T: ArgOrd>(a: &NdArray, n: usize, out: &mut [i64], max: bool) {
    // SAFETY: `a` is C-contiguous, holds `out.len() * n` items of T and is aligned (contiguous
    // copies are made by rumpy; foreign buffers are checked by the caller).
    let all = unsafe { std::slice::from_raw_parts(a.data_ptr() as *const T, out.len() * n) };
    for (o, line) in out.iter_mut().zip(all.chunks_exact(n)) {
        *o = if max {
            scan::<T, true>(line)
        } else {
            scan::<T, false>(line)
        } as i64;
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
