//! Core loops of the linear-algebra gufuncs: matmul `(n?,k),(k,m?)->(n?,m?)`, matvec
//! `(m,n),(n)->(m)`, vecmat `(n),(n,m)->(m)` and vecdot `(n),(n)->()`.
//!
//! float32/float64/complex matmul calls faer's blocked, vectorised product (strides divided by
//! the itemsize, no copy) when the operands' strides and alignment allow, and otherwise the
//! native loop. Integer and bool products are native: integers wrap as in C, bools are an OR
//! of ANDs; float16 accumulates in float32 and rounds once, as NumPy's loops. vecdot and
//! vecmat conjugate their first operand.

use half::f16;
use num_complex::Complex;

use super::core_dims::CoreArgs;
use super::watch;
use crate::dtype::{Bool, Element};

/// Products of at least this many multiply-adds split across threads (below it, waking the
/// pool costs more than it saves).
const PAR_WORK: usize = 160 * 160 * 160;
/// A matrix-vector product is bound by memory: threads pay from a smaller size.
const PAR_WORK_MATVEC: usize = 1 << 18;
/// Items from which one long dot product is split across the helper threads: on AMD Zen 3
/// (two cores) 32768 float64 pairs took 7.6 µs split against 11.1 on one thread, 16384 the same
/// either way, 8192 longer split (the other core reads the vectors from this one's cache).
const DOT_SPLIT_FROM: usize = 1 << 15;

/// An element of a dot product: the accumulator type and the multiply-add.
pub trait Dot: Element {
    type Acc: Copy + Send + Sync;
    fn zero() -> Self::Acc;
    fn mul_add(acc: Self::Acc, a: Self, b: Self) -> Self::Acc;
    fn finish(acc: Self::Acc) -> Self;
    #[inline(always)]
    fn conj(self) -> Self {
        self
    }
    /// The dot product of `n` contiguous elements at `a` and `b`, vectorised, for the types
    /// numpy hands to BLAS (None: use the sequential loop).
    ///
    /// # Safety
    /// `n` elements readable at each pointer (no alignment needed).
    #[inline(always)]
    unsafe fn dot_contiguous(_a: *const u8, _b: *const u8, _n: usize) -> Option<Self> {
        None
    }
    /// [`Dot::dot_contiguous`] in `parts` pieces on the helper threads, their sums added in
    /// order.
    ///
    /// # Safety
    /// As [`Dot::dot_contiguous`].
    unsafe fn dot_contiguous_split(
        _a: *const u8,
        _b: *const u8,
        _n: usize,
        _parts: usize,
    ) -> Option<Self> {
        None
    }
}

/// Contiguous dot products of float32/float64 with sixteen partial sums, for CPUs without
/// AVX2 and FMA (`avx_dot` below is the same computation in vector registers). The partial sums
/// restart every block of 4096 elements; each block's total (its lanes combined pairwise) is
/// added to a float64 sum, which keeps float32's error near that of numpy's BLAS. The order
/// differs from the sequential loop's, as BLAS's does.
macro_rules! fast_dot {
    ($t:ty, $plain:ident) => {
        #[inline(always)]
        unsafe fn $plain(a: *const u8, b: *const u8, n: usize) -> $t {
            const BLOCK: usize = 4096;
            let (a, b) = (a as *const $t, b as *const $t);
            let mut total = 0.0f64;
            let chunks = n / 16;
            let mut c = 0;
            while c < chunks {
                let end = (c + BLOCK / 16).min(chunks);
                let mut acc = [0.0 as $t; 16];
                for c in c..end {
                    for (j, s) in acc.iter_mut().enumerate() {
                        // SAFETY: c * 16 + j < n (the caller's).
                        let (x, y) = unsafe {
                            (
                                a.add(c * 16 + j).read_unaligned(),
                                b.add(c * 16 + j).read_unaligned(),
                            )
                        };
                        *s += x * y;
                    }
                }
                let mut w = 8;
                while w > 0 {
                    for j in 0..w {
                        acc[j] += acc[j + w];
                    }
                    w /= 2;
                }
                total += acc[0] as f64;
                c = end;
            }
            let mut tail = 0.0 as $t;
            for i in chunks * 16..n {
                // SAFETY: i < n.
                let (x, y) = unsafe { (a.add(i).read_unaligned(), b.add(i).read_unaligned()) };
                tail += x * y;
            }
            (total + tail as f64) as $t
        }
    };
}
fast_dot!(f32, dot_f32);
fast_dot!(f64, dot_f64);

/// The AVX2/FMA dot products: four vector accumulators, restarted every block as above.
macro_rules! avx_dot {
    ($name:ident, $t:ty, $vec:ty, $lanes:expr, $zero:ident, $load:ident, $fma:ident, $add:ident, $store:ident) => {
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2,fma")]
        unsafe fn $name(a: *const u8, b: *const u8, n: usize) -> $t {
            use std::arch::x86_64::*;
            const STEP: usize = 4 * $lanes;
            const BLOCK: usize = 4096;
            let (a, b) = (a as *const $t, b as *const $t);
            let steps = n / STEP;
            let mut total = 0.0f64;
            let mut i = 0;
            while i < steps {
                let end = (i + BLOCK / STEP).min(steps);
                let (mut s0, mut s1, mut s2, mut s3) = ($zero(), $zero(), $zero(), $zero());
                for k in i..end {
                    let base = k * STEP;
                    // SAFETY: base + STEP <= n (the caller's n elements).
                    unsafe {
                        s0 = $fma($load(a.add(base)), $load(b.add(base)), s0);
                        s1 = $fma($load(a.add(base + $lanes)), $load(b.add(base + $lanes)), s1);
                        s2 = $fma(
                            $load(a.add(base + 2 * $lanes)),
                            $load(b.add(base + 2 * $lanes)),
                            s2,
                        );
                        s3 = $fma(
                            $load(a.add(base + 3 * $lanes)),
                            $load(b.add(base + 3 * $lanes)),
                            s3,
                        );
                    }
                }
                let v = $add($add(s0, s1), $add(s2, s3));
                let mut lanes = [0.0 as $t; $lanes];
                // SAFETY: lanes holds one vector.
                unsafe { $store(lanes.as_mut_ptr(), v) };
                let mut w = $lanes / 2;
                while w > 0 {
                    for j in 0..w {
                        lanes[j] += lanes[j + w];
                    }
                    w /= 2;
                }
                total += lanes[0] as f64;
                i = end;
            }
            let mut tail = 0.0 as $t;
            for j in steps * STEP..n {
                // SAFETY: j < n.
                let (x, y) = unsafe { (a.add(j).read_unaligned(), b.add(j).read_unaligned()) };
                tail += x * y;
            }
            (total + tail as f64) as $t
        }
    };
}
avx_dot!(
    dot_f32_avx2,
    f32,
    __m256,
    8,
    _mm256_setzero_ps,
    _mm256_loadu_ps,
    _mm256_fmadd_ps,
    _mm256_add_ps,
    _mm256_storeu_ps
);
avx_dot!(
    dot_f64_avx2,
    f64,
    __m256d,
    4,
    _mm256_setzero_pd,
    _mm256_loadu_pd,
    _mm256_fmadd_pd,
    _mm256_add_pd,
    _mm256_storeu_pd
);

/// The vectorised dot product, with AVX2 and FMA when the CPU has them.
trait FastDot: Sized {
    /// # Safety
    /// `n` elements readable at each pointer.
    unsafe fn fast(a: *const u8, b: *const u8, n: usize) -> Self;
}

macro_rules! fast_dot_impl {
    ($t:ty, $plain:ident, $avx:ident) => {
        impl FastDot for $t {
            unsafe fn fast(a: *const u8, b: *const u8, n: usize) -> $t {
                #[cfg(target_arch = "x86_64")]
                {
                    if std::arch::is_x86_feature_detected!("avx2")
                        && std::arch::is_x86_feature_detected!("fma")
                    {
                        // SAFETY: the CPU has the features; the caller's pointers.
                        return unsafe { $avx(a, b, n) };
                    }
                }
                // SAFETY: the caller's pointers.
                unsafe { $plain(a, b, n) }
            }
        }
    };
}
fast_dot_impl!(f32, dot_f32, dot_f32_avx2);
fast_dot_impl!(f64, dot_f64, dot_f64_avx2);

macro_rules! int_dot {
    ($($t:ty),*) => {$(
        impl Dot for $t {
            type Acc = $t;
            #[inline(always)]
            fn zero() -> $t { 0 }
            #[inline(always)]
            fn mul_add(acc: $t, a: $t, b: $t) -> $t { acc.wrapping_add(a.wrapping_mul(b)) }
            #[inline(always)]
            fn finish(acc: $t) -> $t { acc }
        }
    )*};
}
int_dot!(i8, u8, i16, u16, i32, u32, i64, u64);

macro_rules! float_dot {
    ($($t:ty),*) => {$(
        impl Dot for $t {
            type Acc = $t;
            #[inline(always)]
            fn zero() -> $t { 0.0 }
            #[inline(always)]
            fn mul_add(acc: $t, a: $t, b: $t) -> $t { acc + a * b }
            #[inline(always)]
            fn finish(acc: $t) -> $t { acc }
            #[inline(always)]
            unsafe fn dot_contiguous(a: *const u8, b: *const u8, n: usize) -> Option<$t> {
                // SAFETY: the caller's.
                Some(unsafe { <$t as FastDot>::fast(a, b, n) })
            }
            unsafe fn dot_contiguous_split(
                a: *const u8,
                b: *const u8,
                n: usize,
                parts: usize,
            ) -> Option<$t> {
                use std::sync::atomic::{AtomicU64, Ordering};
                let (a, b) = (a as usize, b as usize);
                let size = std::mem::size_of::<$t>();
                let sums: Vec<AtomicU64> = (0..parts).map(|_| AtomicU64::new(0)).collect();
                super::helpers::share(parts, |k| {
                    let (lo, hi) = (n * k / parts, n * (k + 1) / parts);
                    // SAFETY: lo..hi inside the caller's n elements.
                    let v = unsafe {
                        <$t as FastDot>::fast(
                            (a + lo * size) as *const u8,
                            (b + lo * size) as *const u8,
                            hi - lo,
                        ) as f64
                    };
                    sums[k].store(v.to_bits(), Ordering::Relaxed);
                });
                Some(sums.iter().map(|s| f64::from_bits(s.load(Ordering::Relaxed))).sum::<f64>() as $t)
            }
        }
        impl Dot for Complex<$t> {
            type Acc = Complex<$t>;
            #[inline(always)]
            fn zero() -> Complex<$t> { Complex::new(0.0, 0.0) }
            #[inline(always)]
            fn mul_add(acc: Complex<$t>, a: Complex<$t>, b: Complex<$t>) -> Complex<$t> {
                Complex::new(acc.re + (a.re * b.re - a.im * b.im), acc.im + (a.re * b.im + a.im * b.re))
            }
            #[inline(always)]
            fn finish(acc: Complex<$t>) -> Complex<$t> { acc }
            #[inline(always)]
            fn conj(self) -> Complex<$t> { Complex::new(self.re, -self.im) }
        }
    )*};
}
float_dot!(f32, f64);

impl Dot for f16 {
    type Acc = f32;
    #[inline(always)]
    fn zero() -> f32 {
        0.0
    }
    #[inline(always)]
    fn mul_add(acc: f32, a: f16, b: f16) -> f32 {
        acc + a.to_f32() * b.to_f32()
    }
    #[inline(always)]
    fn finish(acc: f32) -> f16 {
        crate::dtype::float16::f16_from_f32(acc)
    }
}

impl Dot for Bool {
    type Acc = bool;
    #[inline(always)]
    fn zero() -> bool {
        false
    }
    #[inline(always)]
    fn mul_add(acc: bool, a: Bool, b: Bool) -> bool {
        acc | (a.get() & b.get())
    }
    #[inline(always)]
    fn finish(acc: bool) -> Bool {
        acc.into()
    }
}

#[inline(always)]
unsafe fn at<T: Copy>(p: *const u8, off: isize) -> T {
    // SAFETY: the caller's pointer arithmetic stays inside the operand.
    unsafe { (p.offset(off) as *const T).read_unaligned() }
}

/// One `n x k` by `k x m` product, native: for each row of the output, the sums over `k` run
/// in order (one accumulator per output item, so the rounding is the sequential one).
///
/// # Safety
/// Pointers and byte strides describe valid matrices; `o` does not overlap `a` or `b`.
#[allow(clippy::too_many_arguments)]
unsafe fn matmul_native<T: Dot>(
    a: *const u8,
    (a_n, a_k): (isize, isize),
    b: *const u8,
    (b_k, b_m): (isize, isize),
    o: *mut u8,
    (o_n, o_m): (isize, isize),
    (n, k, m): (usize, usize, usize),
    conj_a: bool,
) {
    let mut acc: Vec<T::Acc> = vec![T::zero(); m];
    for i in 0..n as isize {
        acc.iter_mut().for_each(|x| *x = T::zero());
        for l in 0..k as isize {
            // SAFETY: i < n, l < k inside the operands.
            let mut x: T = unsafe { at(a, i * a_n + l * a_k) };
            if conj_a {
                x = x.conj();
            }
            let brow = unsafe { b.offset(l * b_k) };
            for (j, s) in acc.iter_mut().enumerate() {
                // SAFETY: j < m.
                *s = T::mul_add(*s, x, unsafe { at(brow, j as isize * b_m) });
            }
        }
        for (j, s) in acc.iter().enumerate() {
            // SAFETY: i < n, j < m inside the output.
            unsafe {
                (o.offset(i * o_n + j as isize * o_m) as *mut T).write_unaligned(T::finish(*s))
            };
        }
    }
}

/// The element types faer multiplies.
pub trait Gemm: Dot + faer::traits::ComplexField {
    /// The product by this crate's own kernel (`gemm.rs`: f32 and f64 on CPUs with AVX2 and
    /// FMA), in `parts` pieces; false (nothing done) where it does not apply. Strides in
    /// items.
    ///
    /// # Safety
    /// As [`matmul_native`], with the pointers aligned.
    #[allow(clippy::too_many_arguments)]
    unsafe fn own(
        _a: *const Self,
        _sa: (isize, isize),
        _b: *const Self,
        _sb: (isize, isize),
        _o: *mut Self,
        _so: (isize, isize),
        _nkm: (usize, usize, usize),
        _parts: usize,
    ) -> bool {
        false
    }

    /// `y = A x` by this crate's own kernel (`gemm.rs`: f32 and f64 with A's rows contiguous
    /// on CPUs with AVX2 and FMA); false (nothing done) where it does not apply. Strides in
    /// bytes.
    ///
    /// # Safety
    /// As [`matmul_native`].
    #[allow(clippy::too_many_arguments)]
    unsafe fn own_gemv(
        _a: *const u8,
        _sa: (isize, isize),
        _x: *const u8,
        _sx: isize,
        _y: *mut u8,
        _sy: isize,
        _mn: (usize, usize),
        _parts: usize,
    ) -> bool {
        false
    }
}

/// Threads for a matrix-vector product of `work` multiplications by the own kernel: all from
/// 2^18 items, its pieces shared with the helper threads, which spin between calls (rayon's
/// sleep, and waking them cost 50-100 µs a call).
fn gemv_parts(par: bool, work: usize) -> usize {
    if !par || work < PAR_WORK_MATVEC {
        1
    } else {
        rayon::current_num_threads()
    }
}

/// The work (n·k·m) from which the own kernel multiplies a product on `parts` threads. On
/// several, from [`PAR_WORK`]: on AMD Zen 3 its threads claiming C's rows beat faer's from
/// 164² (median ratios to numpy 0.93-1.04 against faer's 1.06-1.80 at orders 164-600). On one,
/// on 512-bit vectors from there too (measured there: 1.1-1.3x faster than faer's from 160³,
/// faer 5-10% faster on one thread below), on 256-bit ones from about 600³ (faer's blocking
/// as fast below; eigh's and svd's products measured alike either way).
pub(super) fn own_gemm_work(parts: usize) -> usize {
    if parts > 1 || super::gemm::wide() {
        PAR_WORK
    } else {
        600 * 600 * 600
    }
}

macro_rules! own_gemm {
    ($($t:ty),*) => {$(
        impl Gemm for $t {
            unsafe fn own(
                a: *const $t,
                (a_n, a_k): (isize, isize),
                b: *const $t,
                (b_k, b_m): (isize, isize),
                o: *mut $t,
                (o_n, o_m): (isize, isize),
                (n, k, m): (usize, usize, usize),
                parts: usize,
            ) -> bool {
                use super::gemm::{available, gemm, Mat, MatMut};
                // Products with a thin side (matrix-vector) and small ones are faer's.
                if !available() || n < 16 || m < 16 || n * k * m < own_gemm_work(parts) {
                    return false;
                }
                // SAFETY: the caller's guarantee.
                unsafe {
                    gemm(
                        n,
                        m,
                        k,
                        Mat { ptr: a, rs: a_n, cs: a_k },
                        Mat { ptr: b, rs: b_k, cs: b_m },
                        MatMut { ptr: o, rs: o_n, cs: o_m },
                        parts,
                    )
                };
                true
            }

            unsafe fn own_gemv(
                a: *const u8,
                (a_m, a_n): (isize, isize),
                x: *const u8,
                sx: isize,
                y: *mut u8,
                sy: isize,
                (m, n): (usize, usize),
                parts: usize,
            ) -> bool {
                use super::gemm::{available, gemv_cols, gemv_rows, Mat};
                let Some([a_m, a_n, sx, sy]) = in_items::<$t, 4>([a, x, y], [a_m, a_n, sx, sy])
                else {
                    return false;
                };
                if !available() || n == 0 || (a_n != 1 && a_m != 1) {
                    return false;
                }
                let (x, y) = (x as *const $t, y as *mut $t);
                // SAFETY: the caller's guarantee; strides in items.
                unsafe {
                    if a_n == 1 {
                        let a = Mat { ptr: a as *const $t, rs: a_m, cs: 1 };
                        gemv_rows(m, n, a, x, sx, y, sy, parts)
                    } else {
                        let a = Mat { ptr: a as *const $t, rs: 1, cs: a_n };
                        gemv_cols(m, n, a, x, sx, y, sy, parts)
                    }
                };
                true
            }
        }
    )*};
}
own_gemm!(f32, f64);
impl Gemm for Complex<f32> {}
impl Gemm for Complex<f64> {}

/// faer's product when every operand's strides are whole items and its pointer is aligned;
/// false (nothing done) otherwise. `par`: faer may use rayon's threads, whose floating-point
/// conditions are then collected here when `collect`.
///
/// # Safety
/// As [`matmul_native`].
#[allow(clippy::too_many_arguments)]
unsafe fn matmul_faer<T: Gemm>(
    a: *const u8,
    (a_n, a_k): (isize, isize),
    b: *const u8,
    (b_k, b_m): (isize, isize),
    o: *mut u8,
    (o_n, o_m): (isize, isize),
    (n, k, m): (usize, usize, usize),
    par: bool,
    collect: bool,
) -> bool {
    let Some([a_n, a_k, b_k, b_m, o_n, o_m]) =
        in_items::<T, 6>([a, b, o], [a_n, a_k, b_k, b_m, o_n, o_m])
    else {
        return false;
    };
    let parts = if par { rayon::current_num_threads() } else { 1 };
    // SAFETY: as below.
    if unsafe {
        T::own(
            a as *const T,
            (a_n, a_k),
            b as *const T,
            (b_k, b_m),
            o as *mut T,
            (o_n, o_m),
            (n, k, m),
            parts,
        )
    } {
        return true;
    }
    let threads = par && collect;
    let par = if par {
        faer::Par::rayon(0)
    } else {
        faer::Par::Seq
    };
    // SAFETY: the views describe the operands (strides in items); the output is written only
    // through its own view and overlaps neither input.
    let product = || unsafe {
        let av = faer::MatRef::<T>::from_raw_parts(a as *const T, n, k, a_n, a_k);
        let bv = faer::MatRef::<T>::from_raw_parts(b as *const T, k, m, b_k, b_m);
        let ov = faer::MatMut::<T>::from_raw_parts_mut(o as *mut T, n, m, o_n, o_m);
        if m > 1 && n > 1 && o_m.unsigned_abs() < o_n.unsigned_abs() {
            // A row-major output: compute the transposed product (C^T = B^T A^T), whose output
            // is column-major, the layout faer's kernels write.
            faer::linalg::matmul::matmul(
                ov.transpose_mut(),
                faer::Accum::Replace,
                bv.transpose(),
                av.transpose(),
                T::one_impl(),
                par,
            );
        } else {
            faer::linalg::matmul::matmul(ov, faer::Accum::Replace, av, bv, T::one_impl(), par);
        }
    };
    if threads {
        // faer's threads raise their conditions on their own: collect them here (waking
        // every pool thread, so only where faer runs on them).
        // SAFETY: the operands' pointers are valid on any thread.
        let ((), st) = unsafe { watch::pool_fp_item(product) };
        super::elementwise::fp_raise(st);
    } else {
        product();
    }
    true
}

/// Byte strides as strides in items of `T`, when each is a whole number of items and each
/// pointer is aligned for `T` (what the BLAS-like kernels take); None otherwise.
fn in_items<T, const N: usize>(ptrs: [*const u8; 3], strides: [isize; N]) -> Option<[isize; N]> {
    let sz = std::mem::size_of::<T>() as isize;
    let aligned = ptrs
        .iter()
        .all(|&p| (p as usize).is_multiple_of(std::mem::align_of::<T>()));
    (aligned && strides.iter().all(|s| s % sz == 0)).then(|| strides.map(|s| s / sz))
}

/// Fill an `n x m` output with zeros (a product over an empty `k`).
unsafe fn zero_out<T: Dot>(o: *mut u8, (o_n, o_m): (isize, isize), n: usize, m: usize) {
    for i in 0..n as isize {
        for j in 0..m as isize {
            // SAFETY: inside the output.
            unsafe {
                (o.offset(i * o_n + j * o_m) as *mut T).write_unaligned(T::finish(T::zero()))
            };
        }
    }
}

/// Run `f(a, b, o)` on each of `count` items of three operands (item `t` of operand `i` at
/// `p[i] + t * steps[i]`), returning the floating-point conditions raised: on every pool thread
/// when `threads` (the items hand work to rayon's threads), else on this one.
///
/// # Safety
/// The pointers and steps describe `count` items inside each operand.
unsafe fn each_item(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    threads: bool,
    f: impl Fn(*mut u8, *mut u8, *mut u8),
) -> u32 {
    let run = || {
        for t in 0..count as isize {
            // SAFETY: item t of each operand (the caller's guarantee).
            unsafe {
                f(
                    p[0].offset(t * steps[0]),
                    p[1].offset(t * steps[1]),
                    p[2].offset(t * steps[2]),
                )
            }
        }
    };
    let ((), st) = if threads {
        // SAFETY: the operands' pointers are valid on any thread.
        unsafe { watch::pool_fp_item(run) }
    } else {
        watch::fp_item(run)
    };
    st
}

/// matmul `(n?,k),(k,m?)->(n?,m?)` with the native loop.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn matmul<T: Dot>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let (n, k, m) = (c.sizes[0], c.sizes[1], c.sizes[2]);
    let sa = (c.stride(0, 0), c.stride(0, 1));
    let sb = (c.stride(1, 0), c.stride(1, 1));
    let so = (c.stride(2, 0), c.stride(2, 1));
    // SAFETY (each item): an n x k by k x m product inside the operands.
    unsafe {
        each_item(p, steps, count, false, |a, b, o| {
            if k == 0 {
                zero_out::<T>(o, so, n, m);
            } else {
                matmul_native::<T>(a, sa, b, sb, o, so, (n, k, m), false);
            }
        })
    }
}

/// matmul with faer where the layout allows.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn matmul_gemm<T: Gemm>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
) -> u32 {
    let (n, k, m) = (c.sizes[0], c.sizes[1], c.sizes[2]);
    let sa = (c.stride(0, 0), c.stride(0, 1));
    let sb = (c.stride(1, 0), c.stride(1, 1));
    let so = (c.stride(2, 0), c.stride(2, 1));
    let par = c.par && n * k * m >= PAR_WORK;
    // A batch's pool-wide conditions are collected once; a single product's only where faer
    // runs on the pool (the own kernels collect their own).
    let pool = par && count > 1;
    // SAFETY (each item): an n x k by k x m product inside the operands.
    unsafe {
        each_item(p, steps, count, pool, |a, b, o| {
            if n == 0 || m == 0 {
            } else if k == 0 {
                zero_out::<T>(o, so, n, m);
            } else if n == 1 && m == 1 && long_dot::<T>(a, sa.1, b, sb.0, o, k, c.par) {
                // A vector times a vector.
            } else if !matrix_vector::<T>(a, sa, b, sb, o, so, (n, k, m), c.par)
                && (n * k * m < 8 * 8 * 8
                    || !matmul_faer::<T>(a, sa, b, sb, o, so, (n, k, m), par, !pool))
            {
                matmul_native::<T>(a, sa, b, sb, o, so, (n, k, m), false);
            }
        })
    }
}

/// A matmul item with one column (or one row) on the own matrix-vector kernels, where they
/// take it: false (nothing done) otherwise.
///
/// # Safety
/// As [`matmul_native`].
#[allow(clippy::too_many_arguments)]
unsafe fn matrix_vector<T: Gemm>(
    a: *const u8,
    sa: (isize, isize),
    b: *const u8,
    sb: (isize, isize),
    o: *mut u8,
    so: (isize, isize),
    (n, k, m): (usize, usize, usize),
    par: bool,
) -> bool {
    // SAFETY: the caller's guarantee; a row times B is B^T times the row.
    unsafe {
        (m == 1
            && n * k >= 8 * 8 * 8
            && T::own_gemv(a, sa, b, sb.0, o, so.0, (n, k), gemv_parts(par, n * k)))
            || (n == 1
                && k * m >= 8 * 8 * 8
                && T::own_gemv(
                    b,
                    (sb.1, sb.0),
                    a,
                    sa.1,
                    o,
                    so.1,
                    (m, k),
                    gemv_parts(par, k * m),
                ))
    }
}

/// matvec through faer (a matrix-vector product is a product with one column).
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn matvec_gemm<T: Gemm>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
) -> u32 {
    let (m, n) = (c.sizes[0], c.sizes[1]);
    let sa = (c.stride(0, 0), c.stride(0, 1));
    let (sb, so) = ((c.stride(1, 0), 0), (c.stride(2, 0), 0));
    let par = c.par && m * n >= PAR_WORK_MATVEC;
    let pool = par && count > 1;
    let parts = gemv_parts(c.par, m * n);
    // SAFETY (each item): an m x n by n x 1 product inside the operands.
    unsafe {
        each_item(p, steps, count, pool, |a, b, o| {
            if n == 0 {
                zero_out::<T>(o, so, m, 1);
            } else if m * n >= 8 * 8 * 8 && T::own_gemv(a, sa, b, sb.0, o, so.0, (m, n), parts) {
            } else if m * n < 8 * 8 * 8
                || !matmul_faer::<T>(a, sa, b, sb, o, so, (m, n, 1), par, !pool)
            {
                matmul_native::<T>(a, sa, b, sb, o, so, (m, n, 1), false);
            }
        })
    }
}

/// vecmat of real operands through faer (no conjugation to do).
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn vecmat_gemm<T: Gemm>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
) -> u32 {
    let (n, m) = (c.sizes[0], c.sizes[1]);
    let (sa, sb, so) = (
        (0, c.stride(0, 0)),
        (c.stride(1, 0), c.stride(1, 1)),
        (0, c.stride(2, 0)),
    );
    let par = c.par && m * n >= PAR_WORK_MATVEC;
    let pool = par && count > 1;
    // SAFETY (each item): a 1 x n by n x m product inside the operands.
    unsafe {
        each_item(p, steps, count, pool, |a, b, o| {
            if n == 0 {
                zero_out::<T>(o, so, 1, m);
            } else if m * n >= 8 * 8 * 8
                && T::own_gemv(
                    b,
                    (sb.1, sb.0),
                    a,
                    sa.1,
                    o,
                    so.1,
                    (m, n),
                    gemv_parts(c.par, m * n),
                )
            {
            } else if m * n < 8 * 8 * 8
                || !matmul_faer::<T>(a, sa, b, sb, o, so, (1, n, m), par, !pool)
            {
                matmul_native::<T>(a, sa, b, sb, o, so, (1, n, m), true);
            }
        })
    }
}

/// The dot product of `n` items at `a` and `b` (byte strides `sa` and `sb`) into `o` by the
/// vectorised contiguous kernels (real types, where conjugation changes nothing), one long
/// product split across the helper threads from [`DOT_SPLIT_FROM`] items when `par` (its
/// memory is the cost): false, nothing written, where they do not apply.
///
/// # Safety
/// `n` items readable along each stride, one writable at `o`.
unsafe fn long_dot<T: Dot>(
    a: *const u8,
    sa: isize,
    b: *const u8,
    sb: isize,
    o: *mut u8,
    n: usize,
    par: bool,
) -> bool {
    let unit = std::mem::size_of::<T>() as isize;
    if n < 32 || sa != unit || sb != unit {
        return false;
    }
    // SAFETY: the caller's guarantee.
    let v = unsafe {
        if par && n >= DOT_SPLIT_FROM {
            T::dot_contiguous_split(a, b, n, 2 * (super::helpers::count() + 1))
        } else {
            T::dot_contiguous(a, b, n)
        }
    };
    match v {
        Some(v) => {
            // SAFETY: the caller's guarantee.
            unsafe { (o as *mut T).write_unaligned(v) };
            true
        }
        None => false,
    }
}

/// The dot product (no conjugation) of `n` items at `a` and `b` (byte strides `sa` and `sb`),
/// as vecdot's loop computes it, with the floating-point conditions it raised: numpy's `dot`
/// of two vectors, without the gufunc machinery.
///
/// # Safety
/// `n` items readable along each stride.
pub unsafe fn vector_dot<T: Dot>(
    a: *const u8,
    sa: isize,
    b: *const u8,
    sb: isize,
    n: usize,
) -> (T, u32) {
    let mut out = std::mem::MaybeUninit::<T>::uninit();
    let o = out.as_mut_ptr() as *mut u8;
    // SAFETY (the block): the caller's guarantee; `out` takes one item.
    let ((), st) = watch::fp_item(|| unsafe {
        if long_dot::<T>(a, sa, b, sb, o, n, true) {
            return;
        }
        if let Some(v) = gathered_dot::<T>(a, sa, b, sb, n) {
            (o as *mut T).write_unaligned(v);
        } else {
            let mut acc = T::zero();
            for l in 0..n as isize {
                acc = T::mul_add(acc, at::<T>(a, l * sa), at::<T>(b, l * sb));
            }
            (o as *mut T).write_unaligned(T::finish(acc));
        }
    });
    // SAFETY: written above, by one branch or the other.
    (unsafe { out.assume_init() }, st)
}

/// The dot product of `n` items at `a` and `b` along byte strides by the contiguous kernels,
/// copied a block of [`GATHER`] items at a time (numpy's BLAS takes strided vectors with the
/// same partial sums: a float32 sum in order drifts far more), the blocks' sums added in
/// float64; None for short vectors and types without those kernels.
///
/// # Safety
/// `n` items readable along each stride.
unsafe fn gathered_dot<T: Dot>(
    a: *const u8,
    sa: isize,
    b: *const u8,
    sb: isize,
    n: usize,
) -> Option<T> {
    const GATHER: usize = 4096;
    if n < 32 {
        return None;
    }
    let block = GATHER.min(n);
    let (mut xa, mut xb) = (
        Vec::<T>::with_capacity(block),
        Vec::<T>::with_capacity(block),
    );
    let mut total = 0.0f64;
    for start in (0..n).step_by(GATHER) {
        let len = GATHER.min(n - start);
        xa.clear();
        xb.clear();
        for i in start..start + len {
            // SAFETY: item i of each vector (the caller's guarantee).
            unsafe {
                xa.push(at::<T>(a, i as isize * sa));
                xb.push(at::<T>(b, i as isize * sb));
            }
        }
        // SAFETY: len items in each buffer.
        let v =
            unsafe { T::dot_contiguous(xa.as_ptr() as *const u8, xb.as_ptr() as *const u8, len) }?;
        match v.to_num() {
            crate::dtype::Num::F(f) => total += f,
            _ => return None,
        }
    }
    Some(T::from_num(crate::dtype::Num::F(total)))
}

/// vecdot `(n),(n)->()`: sum of conj(a) * b.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn vecdot<T: Dot>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let n = c.sizes[0];
    let (sa, sb) = (c.stride(0, 0), c.stride(1, 0));
    // SAFETY (each item): n items along the core strides of a and b, one of o.
    unsafe {
        each_item(p, steps, count, false, |a, b, o| {
            if long_dot::<T>(a, sa, b, sb, o, n, c.par) {
                return;
            }
            let mut acc = T::zero();
            for l in 0..n as isize {
                acc = T::mul_add(acc, at::<T>(a, l * sa).conj(), at::<T>(b, l * sb));
            }
            (o as *mut T).write_unaligned(T::finish(acc));
        })
    }
}

/// matvec `(m,n),(n)->(m)`: the matrix times the vector (no conjugation).
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn matvec<T: Dot>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let (m, n) = (c.sizes[0], c.sizes[1]);
    let (sa_m, sa_n, sb, so) = (
        c.stride(0, 0),
        c.stride(0, 1),
        c.stride(1, 0),
        c.stride(2, 0),
    );
    // SAFETY (each item): an m x n by n product inside the operands.
    unsafe {
        each_item(p, steps, count, false, |a, b, o| {
            for i in 0..m as isize {
                let mut acc = T::zero();
                for l in 0..n as isize {
                    acc = T::mul_add(acc, at::<T>(a, i * sa_m + l * sa_n), at::<T>(b, l * sb));
                }
                (o.offset(i * so) as *mut T).write_unaligned(T::finish(acc));
            }
        })
    }
}

/// vecmat `(n),(n,m)->(m)`: conj(vector) times the matrix.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn vecmat<T: Dot>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let (n, m) = (c.sizes[0], c.sizes[1]);
    let (sa, sb_n, sb_m, so) = (
        c.stride(0, 0),
        c.stride(1, 0),
        c.stride(1, 1),
        c.stride(2, 0),
    );
    // SAFETY (each item): a 1 x n by n x m product inside the operands.
    unsafe {
        each_item(p, steps, count, false, |a, b, o| {
            if n == 0 {
                zero_out::<T>(o, (0, so), 1, m);
            } else {
                matmul_native::<T>(a, (0, sa), b, (sb_n, sb_m), o, (0, so), (1, n, m), true);
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_product_matches_the_definition() {
        // 2x3 by 3x2, row-major, byte strides
        let a: [i8; 6] = [1, 2, 3, 4, 5, 6];
        let b: [i8; 6] = [7, 8, 9, 10, 11, 12];
        let mut o = [0i8; 4];
        unsafe {
            matmul_native::<i8>(
                a.as_ptr() as _,
                (3, 1),
                b.as_ptr() as _,
                (2, 1),
                o.as_mut_ptr() as _,
                (2, 1),
                (2, 3, 2),
                false,
            )
        };
        // 58, 64, 139, 154 wrap in int8
        assert_eq!(o, [58, 64, 139u8 as i8, 154u8 as i8]);
        let x = [Bool(2), Bool(0)];
        let y = [Bool(0), Bool(9)];
        let mut r = [Bool(7)];
        unsafe {
            matmul_native::<Bool>(
                x.as_ptr() as _,
                (0, 1),
                y.as_ptr() as _,
                (1, 0),
                r.as_mut_ptr() as _,
                (0, 0),
                (1, 2, 1),
                false,
            )
        };
        assert_eq!(r[0].0, 0);
    }

    #[test]
    fn faer_and_native_agree() {
        let (n, k, m) = (37usize, 29usize, 41usize);
        let a: Vec<f64> = (0..n * k).map(|i| (i % 7) as f64 - 3.0).collect();
        let b: Vec<f64> = (0..k * m).map(|i| (i % 5) as f64 * 0.5).collect();
        let mut o1 = vec![0.0f64; n * m];
        let mut o2 = vec![0.0f64; n * m];
        let s = 8isize;
        unsafe {
            assert!(matmul_faer::<f64>(
                a.as_ptr() as _,
                (k as isize * s, s),
                b.as_ptr() as _,
                (m as isize * s, s),
                o1.as_mut_ptr() as _,
                (m as isize * s, s),
                (n, k, m),
                false,
                false
            ));
            matmul_native::<f64>(
                a.as_ptr() as _,
                (k as isize * s, s),
                b.as_ptr() as _,
                (m as isize * s, s),
                o2.as_mut_ptr() as _,
                (m as isize * s, s),
                (n, k, m),
                false,
            );
        }
        // small integers: exact in any order
        assert_eq!(o1, o2);
    }
}
