//! Counting, binning and sliding products on 1-d data: `bincount`, the uniform-bins path of
//! `histogram`, `interp`, `correlate`/`convolve`, `packbits`/`unpackbits`. The Python layer
//! checks arguments and picks dtypes; these loops take arrays of the dtype they name (others
//! are converted) and give NumPy's values: weighted sums add in NumPy's order, so they are
//! bit-identical; plain counts are split across threads.

use num_complex::Complex;
use rayon::prelude::*;

use crate::array::{NdArray, Order};
use crate::dtype::{Element, ScalarType};
use crate::error::Result;
use crate::loops::linalg::Dot;

/// Below this many items a loop stays on the calling thread.
const PARALLEL_ITEMS: usize = 1 << 16;

/// NumPy's block length in `histogram` (weighted sums are added block by block).
const HIST_BLOCK: usize = 65536;

/// The items of a contiguous array of `st` (converted when it is not one).
fn items(a: &NdArray, st: ScalarType) -> Result<(NdArray, usize)> {
    let c = a.contiguous_as(st)?;
    let n = c.size();
    Ok((c, n))
}

/// A slice over an aligned C-contiguous array of T.
///
/// # Safety
/// `a` must be C-contiguous, aligned, of n items of T, and outlive the slice.
unsafe fn slice<T>(a: &NdArray, n: usize) -> &[T] {
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(a.data_ptr() as *const T, n) }
}

fn new_vec_array<T: Element>(v: Vec<T>) -> Result<NdArray> {
    let n = v.len();
    NdArray::from_vec(v, &[n])
}

/// `n` zeros, or NumPy's MemoryError when they cannot be had.
fn zeroed<T: Clone + Default>(n: usize) -> Result<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| {
        crate::error::Error::Memory(format!("Unable to allocate an array of {n} items"))
    })?;
    v.resize(n, T::default());
    Ok(v)
}

/// The chunks a parallel count splits `n` items into (one per thread, at least
/// `PARALLEL_ITEMS` each).
fn chunk_len(n: usize) -> usize {
    let threads = rayon::current_num_threads().max(1);
    n.div_ceil(threads).max(PARALLEL_ITEMS)
}

/// Counts of `bins` values in `idx` (all in `0..bins`), split across threads when the counts
/// arrays are small beside the data.
fn count_indices(idx: &[i64], bins: usize) -> Result<Vec<i64>> {
    let count = |part: &[i64]| {
        let mut c = vec![0i64; bins];
        for &i in part {
            c[i as usize] += 1;
        }
        c
    };
    if idx.len() < 2 * PARALLEL_ITEMS || bins > idx.len() / 8 {
        let mut c = zeroed(bins)?;
        for &i in idx {
            c[i as usize] += 1;
        }
        return Ok(c);
    }
    Ok(idx
        .par_chunks(chunk_len(idx.len()))
        .map(count)
        .reduce_with(|mut a, b| {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
            a
        })
        .unwrap_or_else(|| vec![0; bins]))
}

/// `bincount(x, weights, minlength)` on a 1-d integer array (converted to int64): int64 counts,
/// or float64 sums of `weights` added in index order.
pub fn bincount(x: &NdArray, weights: Option<&NdArray>, minlength: usize) -> Result<NdArray> {
    ensure!(x.ndim() == 1, Value, "object too deep for desired array");
    let (xc, n) = items(x, ScalarType::Int64)?;
    if n == 0 {
        return NdArray::zeros(&[minlength], &ScalarType::Int64.dtype(), Order::C);
    }
    // SAFETY: xc is a contiguous int64 array of n items.
    let idx = unsafe { slice::<i64>(&xc, n) };
    let (lo, hi) = idx
        .iter()
        .fold((i64::MAX, i64::MIN), |(l, h), &v| (l.min(v), h.max(v)));
    ensure!(
        lo >= 0,
        Value,
        "'list' argument must have no negative elements"
    );
    let bins = (hi as usize + 1).max(minlength);
    match weights {
        None => new_vec_array(count_indices(idx, bins)?),
        Some(w) => {
            ensure!(w.ndim() == 1, Value, "object too deep for desired array");
            let (wc, wn) = items(w, ScalarType::Float64)?;
            ensure!(
                wn == n,
                Value,
                "The weights and list don't have the same length."
            );
            // SAFETY: wc is a contiguous float64 array of n items.
            let w = unsafe { slice::<f64>(&wc, n) };
            let mut sums = zeroed::<f64>(bins)?;
            for (&i, &x) in idx.iter().zip(w) {
                sums[i as usize] += x;
            }
            new_vec_array(sums)
        }
    }
}

/// A float the uniform histogram bins in (float16 data is binned as float32, whose order it
/// keeps exactly).
trait BinFloat: Element + PartialOrd + Copy + Send + Sync {
    fn to_f64(self) -> f64;
}
impl BinFloat for f32 {
    fn to_f64(self) -> f64 {
        self as f64
    }
}
impl BinFloat for f64 {
    fn to_f64(self) -> f64 {
        self
    }
}

/// The bin of `x` among `n` equal bins of `edges` (n + 1 items), or None outside
/// `[edges[0], edges[n]]` (NaN included). A first guess from the arithmetic, then NumPy's
/// comparisons with the edges decide (the last bin includes its right edge).
#[inline(always)]
fn uniform_bin<T: BinFloat>(x: T, edges: &[T], lo: f64, scale: f64) -> Option<usize> {
    let n = edges.len() - 1;
    if !(x >= edges[0] && x <= edges[n]) {
        return None;
    }
    let g = (x.to_f64() - lo) * scale;
    let mut i = if g >= n as f64 { n - 1 } else { g as usize };
    while i > 0 && x < edges[i] {
        i -= 1;
    }
    while i + 1 < n && x >= edges[i + 1] {
        i += 1;
    }
    Some(i)
}

fn histogram_counts<T: BinFloat>(a: &[T], edges: &[T]) -> Vec<i64> {
    let n = edges.len() - 1;
    let lo = edges[0].to_f64();
    let scale = n as f64 / (edges[n].to_f64() - lo);
    let count = |part: &[T]| {
        let mut c = vec![0i64; n];
        for &x in part {
            if let Some(i) = uniform_bin(x, edges, lo, scale) {
                c[i] += 1;
            }
        }
        c
    };
    if a.len() < 2 * PARALLEL_ITEMS || n > a.len() / 8 {
        return count(a);
    }
    a.par_chunks(chunk_len(a.len()))
        .map(count)
        .reduce_with(|mut x, y| {
            x.iter_mut().zip(y).for_each(|(p, q)| *p += q);
            x
        })
        .unwrap_or_else(|| vec![0; n])
}

/// Weighted sums as NumPy forms them: each block of `HIST_BLOCK` items summed in order from
/// zero, the block sums added to the total in block order.
fn histogram_sums<T: BinFloat>(a: &[T], w: &[f64], edges: &[T]) -> Vec<f64> {
    let n = edges.len() - 1;
    let lo = edges[0].to_f64();
    let scale = n as f64 / (edges[n].to_f64() - lo);
    let block = |(xs, ws): (&[T], &[f64])| {
        let mut s = vec![0f64; n];
        for (&x, &wt) in xs.iter().zip(ws) {
            if let Some(i) = uniform_bin(x, edges, lo, scale) {
                s[i] += wt;
            }
        }
        s
    };
    let mut total = vec![0f64; n];
    let blocks = a.len().div_ceil(HIST_BLOCK);
    if blocks > 1 && blocks.saturating_mul(n) <= 1 << 22 {
        let parts: Vec<Vec<f64>> = a
            .par_chunks(HIST_BLOCK)
            .zip(w.par_chunks(HIST_BLOCK))
            .map(block)
            .collect();
        for p in parts {
            total.iter_mut().zip(p).for_each(|(t, s)| *t += s);
        }
    } else {
        for part in a.chunks(HIST_BLOCK).zip(w.chunks(HIST_BLOCK)) {
            total.iter_mut().zip(block(part)).for_each(|(t, s)| *t += s);
        }
    }
    total
}

/// `histogram` with equal bins: `a` (float32, or else float64) binned by `edges` (n + 1
/// increasing items, converted to `a`'s type); int64 counts, or float64 sums of `weights`.
pub fn histogram_uniform(
    a: &NdArray,
    edges: &NdArray,
    weights: Option<&NdArray>,
) -> Result<NdArray> {
    ensure!(edges.size() >= 2, Value, "histogram needs at least one bin");
    let st = if a.dtype().native_scalar() == Some(ScalarType::Float32) {
        ScalarType::Float32
    } else {
        ScalarType::Float64
    };
    let (ac, n) = items(a, st)?;
    let (ec, ne) = items(edges, st)?;
    let wc = match weights {
        Some(w) => {
            let (wc, wn) = items(w, ScalarType::Float64)?;
            ensure!(wn == n, Value, "weights should have the same shape as a.");
            Some(wc)
        }
        None => None,
    };
    macro_rules! run {
        ($t:ty) => {{
            // SAFETY: contiguous arrays of their stated types and sizes.
            let (xs, es) = unsafe { (slice::<$t>(&ac, n), slice::<$t>(&ec, ne)) };
            match &wc {
                None => new_vec_array(histogram_counts(xs, es)),
                // SAFETY: as above, n float64 weights.
                Some(wc) => new_vec_array(histogram_sums(xs, unsafe { slice(wc, n) }, es)),
            }
        }};
    }
    if st == ScalarType::Float32 {
        run!(f32)
    } else {
        run!(f64)
    }
}

/// NumPy's search in `interp`: the `j` with `xp[j] <= key < xp[j + 1]` (-1 below, `len`
/// above, `len - 1` at the last point), trying around `guess` first. Ported step for step so
/// that unsorted `xp` gives NumPy's (meaningless but reproducible) answers too.
fn search_with_guess(key: f64, arr: &[f64], guess: isize) -> isize {
    const NEAR: isize = 8;
    let len = arr.len() as isize;
    let at = |i: isize| arr[i as usize];
    if key > at(len - 1) {
        return len;
    } else if key < at(0) {
        return -1;
    }
    if len <= 4 {
        let mut i = 1;
        while i < len && key >= at(i) {
            i += 1;
        }
        return i - 1;
    }
    let guess = guess.min(len - 3).max(1);
    let (mut imin, mut imax) = (0, len);
    if key < at(guess) {
        if key < at(guess - 1) {
            imax = guess - 1;
            if guess > NEAR && key >= at(guess - NEAR) {
                imin = guess - NEAR;
            }
        } else {
            return guess - 1;
        }
    } else if key < at(guess + 1) {
        return guess;
    } else if key < at(guess + 2) {
        return guess + 1;
    } else {
        imin = guess + 2;
        if guess < len - NEAR - 1 && key < at(guess + NEAR) {
            imax = guess + NEAR;
        }
    }
    while imin < imax {
        let mid = imin + ((imax - imin) >> 1);
        if key >= at(mid) {
            imin = mid + 1;
        } else {
            imax = mid;
        }
    }
    imin - 1
}

/// One part (real, or one half of a complex value) of `interp`'s line through
/// `(x0, y0)`, `(x1, y1)` at `x`, as NumPy evaluates it: from the left point, from the right
/// one when that gives NaN, and `y0` when both are NaN and the ends agree.
#[inline(always)]
fn lerp_part(slope: f64, x: f64, x0: f64, y0: f64, x1: f64, y1: f64) -> f64 {
    let r = slope * (x - x0) + y0;
    if !r.is_nan() {
        return r;
    }
    let r = slope * (x - x1) + y1;
    if r.is_nan() && y0 == y1 {
        y0
    } else {
        r
    }
}

/// What `interp` interpolates: float64, or complex128 part by part.
trait InterpValue: Element + Copy + Send + Sync {
    fn nan_of(x: f64) -> Self;
    /// The slope between two points, as NumPy computes it for this type.
    fn slope(y0: Self, y1: Self, dx: f64) -> Self;
    fn line(slope: Self, x: f64, x0: f64, y0: Self, x1: f64, y1: Self) -> Self;
}

impl InterpValue for f64 {
    fn nan_of(x: f64) -> Self {
        x
    }
    fn slope(y0: f64, y1: f64, dx: f64) -> f64 {
        (y1 - y0) / dx
    }
    fn line(s: f64, x: f64, x0: f64, y0: f64, x1: f64, y1: f64) -> f64 {
        lerp_part(s, x, x0, y0, x1, y1)
    }
}

impl InterpValue for Complex<f64> {
    fn nan_of(x: f64) -> Self {
        Complex::new(x, 0.0)
    }
    fn slope(y0: Self, y1: Self, dx: f64) -> Self {
        let inv = 1.0 / dx;
        Complex::new((y1.re - y0.re) * inv, (y1.im - y0.im) * inv)
    }
    fn line(s: Self, x: f64, x0: f64, y0: Self, x1: f64, y1: Self) -> Self {
        Complex::new(
            lerp_part(s.re, x, x0, y0.re, x1, y1.re),
            lerp_part(s.im, x, x0, y0.im, x1, y1.im),
        )
    }
}

fn interp_into<V: InterpValue>(x: &[f64], xp: &[f64], fp: &[V], left: V, right: V, out: &mut [V]) {
    let n = xp.len();
    if n == 1 {
        for (o, &v) in out.iter_mut().zip(x) {
            *o = if v < xp[0] {
                left
            } else if v > xp[0] {
                right
            } else {
                fp[0]
            };
        }
        return;
    }
    // Slopes are computed once when there are fewer of them than queries.
    let slopes: Option<Vec<V>> = (n <= x.len()).then(|| {
        (0..n - 1)
            .map(|i| V::slope(fp[i], fp[i + 1], xp[i + 1] - xp[i]))
            .collect()
    });
    let run = |(xs, os): (&[f64], &mut [V])| {
        let mut j: isize = 0;
        for (o, &v) in os.iter_mut().zip(xs) {
            if v.is_nan() {
                *o = V::nan_of(v);
                continue;
            }
            j = search_with_guess(v, xp, j);
            *o = if j == -1 {
                left
            } else if j == n as isize {
                right
            } else {
                let k = j as usize;
                if k == n - 1 || xp[k] == v {
                    fp[k]
                } else {
                    let s = match &slopes {
                        Some(s) => s[k],
                        None => V::slope(fp[k], fp[k + 1], xp[k + 1] - xp[k]),
                    };
                    V::line(s, v, xp[k], fp[k], xp[k + 1], fp[k + 1])
                }
            };
        }
    };
    if x.len() < 2 * PARALLEL_ITEMS {
        run((x, out));
    } else {
        let c = chunk_len(x.len());
        x.par_chunks(c).zip(out.par_chunks_mut(c)).for_each(run);
    }
}

/// `interp(x, xp, fp, left, right)` (NumPy's compiled core): `x` of any shape as float64,
/// `xp` 1-d float64, `fp` 1-d float64 or complex128 (its type decides the result's).
pub fn interp(
    x: &NdArray,
    xp: &NdArray,
    fp: &NdArray,
    left: Option<Complex<f64>>,
    right: Option<Complex<f64>>,
) -> Result<NdArray> {
    ensure!(
        xp.ndim() == 1 && fp.ndim() == 1,
        Value,
        "object of too small depth for desired array"
    );
    let n = xp.size();
    ensure!(n > 0, Value, "array of sample points is empty");
    ensure!(
        fp.size() == n,
        Value,
        "fp and xp are not of the same length."
    );
    let (xc, nx) = items(x, ScalarType::Float64)?;
    let (xpc, _) = items(xp, ScalarType::Float64)?;
    // SAFETY: contiguous float64 arrays of their sizes.
    let (xs, xps) = unsafe { (slice::<f64>(&xc, nx), slice::<f64>(&xpc, n)) };
    macro_rules! run {
        ($t:ty, $st:expr, $conv:expr) => {{
            let (fpc, _) = items(fp, $st)?;
            // SAFETY: a contiguous array of n items of the type.
            let fps = unsafe { slice::<$t>(&fpc, n) };
            let conv = $conv;
            let l = left.map(conv).unwrap_or(fps[0]);
            let r = right.map(conv).unwrap_or(fps[n - 1]);
            let out = NdArray::empty(x.shape(), &$st.dtype(), Order::C)?;
            // SAFETY: a fresh C-contiguous array of nx items of the type.
            let os = unsafe { std::slice::from_raw_parts_mut(out.data_ptr() as *mut $t, nx) };
            interp_into(xs, xps, fps, l, r, os);
            Ok(out)
        }};
    }
    if fp.dtype().kind() == 'c' {
        run!(Complex<f64>, ScalarType::Complex128, |c: Complex<f64>| c)
    } else {
        run!(f64, ScalarType::Float64, |c: Complex<f64>| c.re)
    }
}

/// Outputs computed together: each one's products are added in increasing window order from
/// zero, as NumPy's dot does, while the loop over outputs vectorises.
const CORR_BLOCK: usize = 512;

/// `out[t] = sum_k a[s + k] * v[k]` over the k where `a[s + k]` exists, for the shifts
/// `s = first + t`.
fn correlate_into<T: Dot>(a: &[T], v: &[T], first: isize, out: &mut [T]) {
    let n1 = a.len() as isize;
    let run = |(b, os): (usize, &mut [T])| {
        let s0 = first + (b * CORR_BLOCK) as isize;
        let mut acc = [T::zero(); CORR_BLOCK];
        let acc = &mut acc[..os.len()];
        for (k, &vk) in v.iter().enumerate() {
            let k = k as isize;
            // Outputs t of this block whose a[s0 + t + k] exists.
            let t_lo = (-k - s0).max(0) as usize;
            let t_hi = ((n1 - k - s0).max(0) as usize).min(acc.len());
            if t_lo >= t_hi {
                continue;
            }
            let base = (s0 + k + t_lo as isize) as usize;
            let src = &a[base..base + (t_hi - t_lo)];
            for (c, &x) in acc[t_lo..t_hi].iter_mut().zip(src) {
                *c = T::mul_add(*c, x, vk);
            }
        }
        for (o, &c) in os.iter_mut().zip(acc.iter()) {
            *o = T::finish(c);
        }
    };
    if out.len().saturating_mul(v.len()) < 1 << 18 {
        out.chunks_mut(CORR_BLOCK).enumerate().for_each(run);
    } else {
        out.par_chunks_mut(CORR_BLOCK).enumerate().for_each(run);
    }
}

/// NumPy's `correlate(a, v, mode)` (mode 0 valid, 1 same, 2 full) on two non-empty 1-d
/// arrays of one numeric dtype; `conj` conjugates `v` first (`correlate`; `convolve` passes
/// a reversed `v` without it). When `v` is the longer, the two swap and the result is
/// reversed, as in NumPy.
pub fn correlate(a: &NdArray, v: &NdArray, mode: u8, conj: bool) -> Result<NdArray> {
    ensure!(a.size() > 0, Value, "first array argument cannot be empty");
    ensure!(v.size() > 0, Value, "second array argument cannot be empty");
    ensure!(mode <= 2, Value, "mode must be 0, 1, or 2");
    let Some(st) = a.dtype().scalar_type() else {
        bail!(Value, "function not available for this data type");
    };
    crate::with_scalar_type!(st, T, {
        correlate_typed::<T>(a, v, st, mode, conj && st.is_complex())
    })
}

fn correlate_typed<T: Dot>(
    a: &NdArray,
    v: &NdArray,
    st: ScalarType,
    mode: u8,
    conj: bool,
) -> Result<NdArray> {
    let (ac, na) = items(a, st)?;
    let (vc, nv) = items(v, st)?;
    // SAFETY: contiguous arrays of their sizes.
    let (xa, xv) = unsafe { (slice::<T>(&ac, na), slice::<T>(&vc, nv)) };
    // Only a conjugated operand is copied (conj is the identity for real types).
    let vv: std::borrow::Cow<[T]> = if conj {
        xv.iter().map(|&x| x.conj()).collect::<Vec<T>>().into()
    } else {
        xv.into()
    };
    let inverted = na < nv;
    let (long, short): (&[T], &[T]) = if inverted { (&vv, xa) } else { (xa, &vv) };
    let (n1, n2) = (long.len() as isize, short.len() as isize);
    let (len, first) = match mode {
        0 => (n1 - n2 + 1, 0),
        1 => (n1, -(n2 / 2)),
        _ => (n1 + n2 - 1, -(n2 - 1)),
    };
    let mut out = vec![T::finish(T::zero()); len as usize];
    correlate_into(long, short, first, &mut out);
    if inverted {
        out.reverse();
    }
    new_vec_array(out)
}

/// `packbits` on a C-contiguous bool array seen as (outer, len, inner), packing along the
/// middle axis: bytes of 8 items (big: the first item is the high bit), the last one padded
/// with zeros. Returns (outer, ceil(len / 8), inner) uint8 as a flat vector.
pub fn packbits(
    bits: &NdArray,
    outer: usize,
    len: usize,
    inner: usize,
    little: bool,
) -> Result<NdArray> {
    let b = bits.contiguous_as(ScalarType::Bool)?;
    ensure!(
        b.size() == outer * len * inner,
        Value,
        "packbits: shape mismatch"
    );
    // SAFETY: a contiguous bool array of outer * len * inner bytes.
    let src = unsafe { slice::<u8>(&b, b.size()) };
    let nb = len.div_ceil(8);
    let arr = NdArray::zeros(&[outer, nb, inner], &ScalarType::UInt8.dtype(), Order::C)?;
    // SAFETY: a fresh C-contiguous uint8 array of outer * nb * inner bytes, ours alone.
    let out = unsafe { std::slice::from_raw_parts_mut(arr.data_ptr(), arr.size()) };
    if inner == 1 {
        // Lines in memory: eight items a word, each byte made 0/1, gathered by a multiply.
        let m = if little {
            0x0102_0408_1020_4080u64
        } else {
            0x8040_2010_0804_0201u64
        };
        let (lo7, hi1) = (0x7f7f_7f7f_7f7f_7f7fu64, 0x8080_8080_8080_8080u64);
        let pack_run = |(row, dst): (&[u8], &mut [u8])| {
            let done = pack_sixteens(row, dst, little);
            for (c, d) in row[done * 8..].chunks(8).zip(dst[done..].iter_mut()) {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                let x = u64::from_le_bytes(w);
                let bits = ((((x & lo7) + lo7) | x) & hi1) >> 7;
                *d = (bits.wrapping_mul(m) >> 56) as u8;
            }
        };
        if outer == 1 && len >= 1 << 20 {
            // One long line: runs of 2^18 items (whole bytes) across threads.
            const RUN: usize = 1 << 18;
            src.par_chunks(RUN)
                .zip(out.par_chunks_mut(RUN / 8))
                .for_each(pack_run);
        } else {
            src.chunks(len.max(1))
                .zip(out.chunks_mut(nb.max(1)))
                .for_each(pack_run);
        }
        return Ok(arr);
    }
    for o in 0..outer {
        for k in 0..len {
            let shift = if little { k % 8 } else { 7 - k % 8 };
            let s = &src[(o * len + k) * inner..][..inner];
            let d = &mut out[(o * nb + k / 8) * inner..][..inner];
            for (d, &s) in d.iter_mut().zip(s) {
                *d |= ((s != 0) as u8) << shift;
            }
        }
    }
    Ok(arr)
}

/// Pack the whole groups of 16 items of `row` into `dst` (two bytes each) with SSE2's byte
/// mask; returns the number of bytes written.
fn pack_sixteens(row: &[u8], dst: &mut [u8], little: bool) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_setzero_si128,
        };
        let mut n = 0;
        for (c, d) in row.chunks_exact(16).zip(dst.chunks_exact_mut(2)) {
            // SAFETY: SSE2 is part of x86_64; `c` holds 16 readable bytes (unaligned load).
            let m = unsafe {
                let v = _mm_loadu_si128(c.as_ptr() as *const __m128i);
                !(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())) as u32)
            };
            // Bit i of the mask is item i: little order as it is, big order reversed per byte.
            let (b0, b1) = (m as u8, (m >> 8) as u8);
            if little {
                (d[0], d[1]) = (b0, b1);
            } else {
                (d[0], d[1]) = (b0.reverse_bits(), b1.reverse_bits());
            }
            n += 2;
        }
        n
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (row, dst, little);
        0
    }
}

/// `unpackbits` on a C-contiguous uint8 array seen as (outer, len, inner): `out_len` bits
/// along the middle axis (zeros past the `8 * len` the bytes hold).
pub fn unpackbits(
    bytes: &NdArray,
    outer: usize,
    len: usize,
    inner: usize,
    out_len: usize,
    little: bool,
) -> Result<NdArray> {
    let b = bytes.contiguous_as(ScalarType::UInt8)?;
    ensure!(
        b.size() == outer * len * inner,
        Value,
        "unpackbits: shape mismatch"
    );
    // SAFETY: a contiguous uint8 array of outer * len * inner bytes.
    let src = unsafe { slice::<u8>(&b, b.size()) };
    let arr = NdArray::zeros(
        &[outer, out_len, inner],
        &ScalarType::UInt8.dtype(),
        Order::C,
    )?;
    // SAFETY: a fresh C-contiguous uint8 array of outer * out_len * inner bytes, ours alone.
    let out = unsafe { std::slice::from_raw_parts_mut(arr.data_ptr(), arr.size()) };
    let have = out_len.min(8 * len);
    if inner == 1 {
        // Lines in memory: each byte spreads into eight through a table of words.
        let table: Vec<[u8; 8]> = (0..256u32)
            .map(|b| {
                std::array::from_fn(|k| {
                    let shift = if little { k } else { 7 - k };
                    ((b >> shift) & 1) as u8
                })
            })
            .collect();
        let spread = |row: &[u8], dst: &mut [u8]| {
            let whole = dst.len() / 8;
            let mut chunks = dst.chunks_exact_mut(8);
            for (d, &b) in (&mut chunks).zip(row) {
                d.copy_from_slice(&table[b as usize]);
            }
            let rest = chunks.into_remainder();
            if !rest.is_empty() {
                let b = row[whole];
                rest.copy_from_slice(&table[b as usize][..rest.len()]);
            }
        };
        if outer == 1 && have >= 1 << 20 {
            // One long line: runs of 2^15 bytes across threads.
            const RUN: usize = 1 << 15;
            src.par_chunks(RUN)
                .zip(out[..have].par_chunks_mut(RUN * 8))
                .for_each(|(row, dst)| spread(row, dst));
        } else {
            for o in 0..outer {
                let row = &src[o * len..(o + 1) * len];
                spread(row, &mut out[o * out_len..o * out_len + have]);
            }
        }
        return Ok(arr);
    }
    for o in 0..outer {
        for k in 0..have {
            let shift = if little { k % 8 } else { 7 - k % 8 };
            let s = &src[(o * len + k / 8) * inner..][..inner];
            let d = &mut out[(o * out_len + k) * inner..][..inner];
            for (d, &s) in d.iter_mut().zip(s) {
                *d = (s >> shift) & 1;
            }
        }
    }
    Ok(arr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guess_search_matches_bisection_on_sorted_points() {
        let xp: Vec<f64> = (0..50).map(|i| (i / 2) as f64).collect();
        for g in [0isize, 3, 17, 48, 60] {
            for k in -3..60 {
                let key = k as f64 * 0.5;
                let want = xp.iter().filter(|&&p| p <= key).count() as isize - 1;
                let want = if key > xp[49] { 50 } else { want };
                assert_eq!(search_with_guess(key, &xp, g), want, "key {key} guess {g}");
            }
        }
    }

    #[test]
    fn correlate_sums_in_window_order() {
        let a = [1i64, 2, 3, 4, 5];
        let v = [1i64, 10, 100];
        let mut full = vec![0i64; 7];
        correlate_into(&a, &v, -2, &mut full);
        assert_eq!(full, vec![100, 210, 321, 432, 543, 54, 5]);
        let mut valid = vec![0i64; 3];
        correlate_into(&a, &v, 0, &mut valid);
        assert_eq!(valid, vec![321, 432, 543]);
    }

    #[test]
    fn bits_pack_and_unpack_in_both_orders() {
        let items: Vec<crate::dtype::Bool> = [1u8, 0, 7, 1, 0, 0, 1, 1, 255, 0, 1]
            .iter()
            .map(|&b| crate::dtype::Bool(b))
            .collect();
        let a = NdArray::from_vec(items, &[11]).unwrap();
        let big = packbits(&a, 1, 11, 1, false).unwrap().to_vec::<u8>();
        assert_eq!(big, vec![0b1011_0011, 0b1010_0000]);
        let little = packbits(&a, 1, 11, 1, true).unwrap().to_vec::<u8>();
        assert_eq!(little, vec![0b1100_1101, 0b0000_0101]);
        let p = NdArray::from_vec(big, &[2]).unwrap();
        let u = unpackbits(&p, 1, 2, 1, 11, false).unwrap().to_vec::<u8>();
        assert_eq!(u, vec![1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1]);
    }

    #[test]
    fn long_lines_pack_as_item_by_item() {
        let bytes: Vec<u8> = (0..77u32).map(|i| ((i * 37 + i / 5) % 5) as u8).collect();
        for little in [false, true] {
            let want: Vec<u8> = bytes
                .chunks(8)
                .map(|c| {
                    c.iter().enumerate().fold(0u8, |b, (k, &x)| {
                        b | (((x != 0) as u8) << if little { k } else { 7 - k })
                    })
                })
                .collect();
            let items = bytes.iter().map(|&b| crate::dtype::Bool(b)).collect();
            let a = NdArray::from_vec(items, &[77]).unwrap();
            assert_eq!(packbits(&a, 1, 77, 1, little).unwrap().to_vec::<u8>(), want);
        }
    }

    #[test]
    fn uniform_bins_follow_the_edges() {
        let edges = [0.0f64, 0.1, 0.2, 0.30000000000000004, 0.4];
        let lo = 0.0;
        let scale = 4.0 / 0.4;
        assert_eq!(uniform_bin(0.3f64, &edges, lo, scale), Some(2));
        assert_eq!(uniform_bin(0.4f64, &edges, lo, scale), Some(3));
        assert_eq!(uniform_bin(0.0f64, &edges, lo, scale), Some(0));
        assert_eq!(uniform_bin(f64::NAN, &edges, lo, scale), None);
        assert_eq!(uniform_bin(0.41f64, &edges, lo, scale), None);
    }
}
