//! Inner loops for elementwise kernels: one strided line of `n` elements per call.
//!
//! Each loop recognises the layouts worth specialising — all contiguous, one operand a
//! broadcast scalar (stride 0) — and otherwise walks the strides. Contiguous loops are compiled
//! three times (baseline, AVX2, AVX-512) and the best one for this CPU is chosen at run time, so
//! the wheel runs on any x86-64 and still vectorises where it can. Operands may alias exactly
//! (in-place operations), so the loops use raw pointers, never overlapping slices.

use std::ptr;

use crate::dtype::Element;
use crate::kernels::{Kernel1, Kernel1x2, Kernel2, Kernel2x2, KernelMixed};

/// Clear the CPU's floating-point exception flags (before a loop). MXCSR is written only when
/// one of the four reported flags is set: the write is slow (microcoded), and the inexact and
/// denormal flags, which nearly every float operation sets, are never reported.
#[inline]
pub fn fp_clear() {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: reading and writing MXCSR only changes this thread's sticky exception flags.
    #[allow(deprecated)]
    unsafe {
        use std::arch::x86_64::{_mm_getcsr, _mm_setcsr};
        let c = _mm_getcsr();
        if c & 0x1d != 0 {
            _mm_setcsr(c & !0x3f);
        }
    }
}

/// MXCSR's exception flags and the status bits (NumPy's errstate categories) they stand for.
#[cfg(target_arch = "x86_64")]
const MXCSR_FLAGS: [(u32, u32); 4] = {
    use crate::kernels::status::*;
    [
        (0x01, INVALID),
        (0x04, DIVIDE_BY_ZERO),
        (0x08, OVERFLOW),
        (0x10, UNDERFLOW),
    ]
};

/// The status bits of MXCSR value `c`.
#[cfg(target_arch = "x86_64")]
#[inline]
fn status_of(c: u32) -> u32 {
    MXCSR_FLAGS
        .iter()
        .filter(|&&(bit, _)| c & bit != 0)
        .fold(0, |s, &(_, st)| s | st)
}

/// The floating-point exceptions raised since `fp_clear`, as status bits (NumPy's errstate
/// categories: division by zero, overflow, underflow, invalid).
#[inline]
pub fn fp_status() -> u32 {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: reading MXCSR has no side effects.
    #[allow(deprecated)]
    return status_of(unsafe { std::arch::x86_64::_mm_getcsr() });
    #[allow(unreachable_code)]
    0
}

/// [`fp_status`], then [`fp_clear`], reading MXCSR once (it is slow to read too).
#[inline]
pub fn fp_take() -> u32 {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: as `fp_clear`.
    #[allow(deprecated)]
    unsafe {
        use std::arch::x86_64::{_mm_getcsr, _mm_setcsr};
        let c = _mm_getcsr();
        if c & 0x1d == 0 {
            return 0;
        }
        _mm_setcsr(c & !0x3f);
        return status_of(c);
    }
    #[allow(unreachable_code)]
    0
}

/// Raise floating-point exception flags on this thread (status bits as from `fp_status`): how
/// conditions seen on worker threads reach the thread that reports them.
#[inline]
pub fn fp_raise(bits: u32) {
    #[cfg(target_arch = "x86_64")]
    if bits != 0 {
        let c = MXCSR_FLAGS
            .iter()
            .filter(|&&(_, st)| bits & st != 0)
            .fold(0, |c, &(bit, _)| c | bit);
        // SAFETY: setting MXCSR's sticky exception flags (the exceptions stay masked) only
        // changes what this thread's later status reads report.
        #[allow(deprecated)]
        unsafe {
            use std::arch::x86_64::{_mm_getcsr, _mm_setcsr};
            _mm_setcsr(_mm_getcsr() | c);
        }
    }
}

/// A resolved inner loop: pointers and byte strides for inputs then outputs; returns status bits.
pub type LoopFn = unsafe fn(ptrs: &[*mut u8], strides: &[isize], n: usize) -> u32;

pub use crate::kernels::{simd_level, Simd};

// ----- two inputs -----

/// The kernel on one pair, in its fused form in code compiled for FMA.
#[inline(always)]
fn apply<T: Element, O: Element, K: Kernel2<T, O>, const FMA: bool>(x: T, y: T) -> O {
    if FMA {
        K::call_fma(x, y)
    } else {
        K::call(x, y)
    }
}

/// Contiguous a, b, out. `b_scalar`/`a_scalar` read one value for the whole line.
#[inline(always)]
unsafe fn contig2<
    T: Element,
    O: Element,
    K: Kernel2<T, O>,
    const SA: bool,
    const SB: bool,
    const FMA: bool,
>(
    a: *const T,
    b: *const T,
    o: *mut O,
    n: usize,
) -> u32 {
    // SAFETY (whole body): the caller guarantees n valid, aligned items behind each non-scalar
    // pointer and one behind each scalar pointer; out may alias an input exactly, which is
    // fine for elementwise work done in order.
    let mut status = 0;
    unsafe {
        if SB && !SA {
            if let Some(st) = K::line_scalar_b(a, *b, o, n) {
                return st;
            }
        }
        if !SA && !SB {
            if let Some(st) = K::line(a, b, o, n) {
                return st;
            }
        }
        // A broadcast scalar is read once, before any output is written.
        let (xs, ys) = (
            if SA { *a } else { T::default() },
            if SB { *b } else { T::default() },
        );
        let (ou, au, bu) = (o as *const u8, a as *const u8, b as *const u8);
        if (!SA && std::ptr::eq(ou, au)) || (!SB && std::ptr::eq(ou, bu)) {
            // In place: whole blocks are read before they are written, so the block loop
            // vectorises (the plain loop's overlap check would send it to scalar code).
            const B: usize = 16;
            let full = n - n % B;
            let mut i = 0;
            while i < full {
                let mut ob = [O::default(); B];
                for (j, r) in ob.iter_mut().enumerate() {
                    let x = if SA { xs } else { *a.add(i + j) };
                    let y = if SB { ys } else { *b.add(i + j) };
                    if K::CHECKS {
                        status |= K::check(x, y);
                    }
                    *r = apply::<T, O, K, FMA>(x, y);
                }
                std::ptr::copy_nonoverlapping(ob.as_ptr(), o.add(i), B);
                i += B;
            }
            for i in full..n {
                let x = if SA { xs } else { *a.add(i) };
                let y = if SB { ys } else { *b.add(i) };
                if K::CHECKS {
                    status |= K::check(x, y);
                }
                *o.add(i) = apply::<T, O, K, FMA>(x, y);
            }
            return status;
        }
        for i in 0..n {
            let x = if SA { xs } else { *a.add(i) };
            let y = if SB { ys } else { *b.add(i) };
            if K::CHECKS {
                status |= K::check(x, y);
            }
            *o.add(i) = apply::<T, O, K, FMA>(x, y);
        }
    }
    status
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn contig2_avx2<T: Element, O: Element, K: Kernel2<T, O>, const SA: bool, const SB: bool>(
    a: *const T,
    b: *const T,
    o: *mut O,
    n: usize,
) -> u32 {
    // SAFETY: forwarded.
    unsafe { contig2::<T, O, K, SA, SB, true>(a, b, o, n) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vl")]
unsafe fn contig2_avx512<
    T: Element,
    O: Element,
    K: Kernel2<T, O>,
    const SA: bool,
    const SB: bool,
>(
    a: *const T,
    b: *const T,
    o: *mut O,
    n: usize,
) -> u32 {
    // SAFETY: forwarded.
    unsafe { contig2::<T, O, K, SA, SB, true>(a, b, o, n) }
}

#[inline(always)]
unsafe fn contig2_dispatch<
    T: Element,
    O: Element,
    K: Kernel2<T, O>,
    const SA: bool,
    const SB: bool,
>(
    a: *const T,
    b: *const T,
    o: *mut O,
    n: usize,
) -> u32 {
    // SAFETY: the feature-specific versions run only when the CPU has the features.
    unsafe {
        #[cfg(target_arch = "x86_64")]
        match simd_level() {
            Simd::Avx512 => return contig2_avx512::<T, O, K, SA, SB>(a, b, o, n),
            Simd::Avx2 => return contig2_avx2::<T, O, K, SA, SB>(a, b, o, n),
            Simd::Baseline => {}
        }
        contig2::<T, O, K, SA, SB, false>(a, b, o, n)
    }
}

/// Strided a, b, out (any byte steps, unaligned).
#[inline(always)]
unsafe fn strided2<T: Element, O: Element, K: Kernel2<T, O>, const FMA: bool>(
    ptrs: &[*mut u8],
    strides: &[isize],
    n: usize,
) -> u32 {
    let (a, b, o) = (ptrs[0], ptrs[1], ptrs[2]);
    let (sa, sb, so) = (strides[0], strides[1], strides[2]);
    let mut status = 0;
    // SAFETY: the caller's guarantee: n items of each operand at its stride.
    unsafe {
        for i in 0..n as isize {
            let x = ptr::read_unaligned(a.offset(i * sa) as *const T);
            let y = ptr::read_unaligned(b.offset(i * sb) as *const T);
            if K::CHECKS {
                status |= K::check(x, y);
            }
            ptr::write_unaligned(o.offset(i * so) as *mut O, apply::<T, O, K, FMA>(x, y));
        }
    }
    status
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn strided2_avx2<T: Element, O: Element, K: Kernel2<T, O>>(
    ptrs: &[*mut u8],
    strides: &[isize],
    n: usize,
) -> u32 {
    // SAFETY: forwarded.
    unsafe { strided2::<T, O, K, true>(ptrs, strides, n) }
}

/// Do `n` items at `p` (step `s`, size `sz`) and `n` at `o` (step `so`, size `osz`) share
/// bytes without being the same items?
#[allow(clippy::too_many_arguments)]
fn partly_overlaps(
    p: *mut u8,
    s: isize,
    sz: isize,
    o: *mut u8,
    so: isize,
    osz: isize,
    n: usize,
) -> bool {
    if p == o && s == so {
        return false;
    }
    let span = |q: *mut u8, st: isize, size: isize| {
        let start = q as isize;
        let end = start + st * (n as isize - 1);
        (start.min(end), start.max(end) + size)
    };
    let (lo, hi) = span(p, s, sz);
    let (olo, ohi) = span(o, so, osz);
    lo < ohi && olo < hi
}

fn aligned<T>(p: *const u8) -> bool {
    (p as usize).is_multiple_of(std::mem::align_of::<T>())
}

/// The elementwise loop of a two-input kernel.
///
/// # Safety
/// `ptrs` = [a, b, out] with `strides`, each valid for `n` items of its type at its stride.
pub unsafe fn binary<T: Element, O: Element, K: Kernel2<T, O>>(
    ptrs: &[*mut u8],
    strides: &[isize],
    n: usize,
) -> u32 {
    let (a, b, o) = (ptrs[0], ptrs[1], ptrs[2]);
    if n == 1 {
        // One item (scalar arithmetic): no loop to set up; the fused form as NumPy's loops
        // (one item cannot partly overlap another of its own type).
        // SAFETY: caller's guarantee: one item of each operand.
        unsafe {
            let x = ptr::read_unaligned(a as *const T);
            let y = ptr::read_unaligned(b as *const T);
            let status = if K::CHECKS { K::check(x, y) } else { 0 };
            let r = if simd_level() != Simd::Baseline {
                apply::<T, O, K, true>(x, y)
            } else {
                apply::<T, O, K, false>(x, y)
            };
            ptr::write_unaligned(o as *mut O, r);
            return status;
        }
    }
    let (sa, sb, so) = (strides[0], strides[1], strides[2]);
    let ts = std::mem::size_of::<T>() as isize;
    let os = std::mem::size_of::<O>() as isize;
    let al = aligned::<T>(a) && aligned::<T>(b) && aligned::<O>(o);
    // NumPy runs its fused (SIMD) loops only when the output does not partly overlap an input
    // (accumulations do): the plain ones otherwise.
    let fuse = n == 0
        || !(partly_overlaps(a, sa, ts, o, so, os, n) || partly_overlaps(b, sb, ts, o, so, os, n));
    // SAFETY: caller's guarantee; the contiguous versions need aligned pointers (checked).
    unsafe {
        if !fuse {
            return strided2::<T, O, K, false>(ptrs, strides, n);
        }
        if al && so == os {
            if sa == ts && sb == ts {
                return contig2_dispatch::<T, O, K, false, false>(a as _, b as _, o as _, n);
            }
            if sa == 0 && sb == ts {
                return contig2_dispatch::<T, O, K, true, false>(a as _, b as _, o as _, n);
            }
            if sa == ts && sb == 0 {
                return contig2_dispatch::<T, O, K, false, true>(a as _, b as _, o as _, n);
            }
        }
        #[cfg(target_arch = "x86_64")]
        if simd_level() != Simd::Baseline {
            return strided2_avx2::<T, O, K>(ptrs, strides, n);
        }
        strided2::<T, O, K, false>(ptrs, strides, n)
    }
}

// ----- one input -----

#[inline(always)]
unsafe fn contig1<T: Element, O: Element, K: Kernel1<T, O>, const FMA: bool>(
    a: *const T,
    o: *mut O,
    n: usize,
) -> u32 {
    let mut status = 0;
    // SAFETY: as contig2 (FMA is set only by the callers compiled for it).
    unsafe {
        if !K::CHECKS {
            if FMA {
                K::block_fma(a, o, n);
            } else {
                K::block(a, o, n);
            }
            return 0;
        }
        for i in 0..n {
            let x = *a.add(i);
            status |= K::check(x);
            *o.add(i) = K::call(x);
        }
    }
    status
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn contig1_avx2<T: Element, O: Element, K: Kernel1<T, O>>(
    a: *const T,
    o: *mut O,
    n: usize,
) -> u32 {
    // SAFETY: forwarded.
    unsafe { contig1::<T, O, K, true>(a, o, n) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vl")]
unsafe fn contig1_avx512<T: Element, O: Element, K: Kernel1<T, O>>(
    a: *const T,
    o: *mut O,
    n: usize,
) -> u32 {
    // SAFETY: forwarded.
    unsafe { contig1::<T, O, K, true>(a, o, n) }
}

/// Contiguous, aligned a and out, in the code for this CPU.
///
/// # Safety
/// As [`contig1`].
#[inline(always)]
unsafe fn contig1_dispatch<T: Element, O: Element, K: Kernel1<T, O>>(
    a: *const T,
    o: *mut O,
    n: usize,
) -> u32 {
    // SAFETY: the feature-specific versions run only when the CPU has the features.
    unsafe {
        #[cfg(target_arch = "x86_64")]
        match simd_level() {
            Simd::Avx512 => return contig1_avx512::<T, O, K>(a, o, n),
            Simd::Avx2 => return contig1_avx2::<T, O, K>(a, o, n),
            Simd::Baseline => {}
        }
        contig1::<T, O, K, false>(a, o, n)
    }
}

/// The elementwise loop of a one-input kernel.
///
/// # Safety
/// As [`binary`], with `ptrs` = [a, out].
pub unsafe fn unary<T: Element, O: Element, K: Kernel1<T, O>>(
    ptrs: &[*mut u8],
    strides: &[isize],
    n: usize,
) -> u32 {
    let (a, o) = (ptrs[0], ptrs[1]);
    let (sa, so) = (strides[0], strides[1]);
    let mut status = 0;
    // SAFETY: caller's guarantee.
    unsafe {
        if aligned::<T>(a)
            && aligned::<O>(o)
            && sa == std::mem::size_of::<T>() as isize
            && so == std::mem::size_of::<O>() as isize
        {
            return contig1_dispatch::<T, O, K>(a as _, o as _, n);
        }
        if K::BLOCKED && !K::CHECKS {
            // Strided items through small contiguous buffers, so the vectorised block runs.
            const B: usize = 256;
            let (mut ib, mut ob) = ([T::default(); B], [O::default(); B]);
            let mut i = 0;
            while i < n {
                let len = B.min(n - i);
                for (j, x) in ib[..len].iter_mut().enumerate() {
                    *x = ptr::read_unaligned(a.offset((i + j) as isize * sa) as *const T);
                }
                contig1_dispatch::<T, O, K>(ib.as_ptr(), ob.as_mut_ptr(), len);
                for (j, y) in ob[..len].iter().enumerate() {
                    ptr::write_unaligned(o.offset((i + j) as isize * so) as *mut O, *y);
                }
                i += len;
            }
            return 0;
        }
        for i in 0..n as isize {
            let x = ptr::read_unaligned(a.offset(i * sa) as *const T);
            if K::CHECKS {
                status |= K::check(x);
            }
            ptr::write_unaligned(o.offset(i * so) as *mut O, K::call(x));
        }
    }
    status
}

// ----- mixed inputs and two outputs (strided only: these kernels call libm per element) -----

/// The loop of a kernel with inputs of two types.
///
/// # Safety
/// As [`binary`].
pub unsafe fn binary_mixed<A: Element, B: Element, O: Element, K: KernelMixed<A, B, O>>(
    ptrs: &[*mut u8],
    strides: &[isize],
    n: usize,
) -> u32 {
    // SAFETY: caller's guarantee.
    unsafe {
        for i in 0..n as isize {
            let x = ptr::read_unaligned(ptrs[0].offset(i * strides[0]) as *const A);
            let y = ptr::read_unaligned(ptrs[1].offset(i * strides[1]) as *const B);
            ptr::write_unaligned(ptrs[2].offset(i * strides[2]) as *mut O, K::call(x, y));
        }
    }
    0
}

/// The loop of a one-input, two-output kernel; `ptrs` = [a, out1, out2].
///
/// # Safety
/// As [`binary`].
pub unsafe fn unary_2out<T: Element, O1: Element, O2: Element, K: Kernel1x2<T, O1, O2>>(
    ptrs: &[*mut u8],
    strides: &[isize],
    n: usize,
) -> u32 {
    // SAFETY: caller's guarantee.
    unsafe {
        for i in 0..n as isize {
            let x = ptr::read_unaligned(ptrs[0].offset(i * strides[0]) as *const T);
            let (r1, r2) = K::call(x);
            ptr::write_unaligned(ptrs[1].offset(i * strides[1]) as *mut O1, r1);
            ptr::write_unaligned(ptrs[2].offset(i * strides[2]) as *mut O2, r2);
        }
    }
    0
}

/// The loop of a two-input, two-output kernel; `ptrs` = [a, b, out1, out2].
///
/// # Safety
/// As [`binary`].
pub unsafe fn binary_2out<T: Element, O1: Element, O2: Element, K: Kernel2x2<T, O1, O2>>(
    ptrs: &[*mut u8],
    strides: &[isize],
    n: usize,
) -> u32 {
    let mut status = 0;
    // A contiguous line by one repeated value, aligned, may have its kernel's own form.
    let aligned = |p: *mut u8, a: usize| (p as usize).is_multiple_of(a);
    if n > 0
        && strides[1] == 0
        && strides[0] == size_of::<T>() as isize
        && strides[2] == size_of::<O1>() as isize
        && strides[3] == size_of::<O2>() as isize
        && aligned(ptrs[0], align_of::<T>())
        && aligned(ptrs[2], align_of::<O1>())
        && aligned(ptrs[3], align_of::<O2>())
    {
        // SAFETY: caller's guarantee: n contiguous items behind a and each output (checked
        // aligned), one behind b.
        let done = unsafe {
            let y = ptr::read_unaligned(ptrs[1] as *const T);
            K::line_scalar_b(
                ptrs[0] as *const T,
                y,
                ptrs[2] as *mut O1,
                ptrs[3] as *mut O2,
                n,
            )
        };
        if let Some(st) = done {
            return st;
        }
    }
    // SAFETY: caller's guarantee.
    unsafe {
        for i in 0..n as isize {
            let x = ptr::read_unaligned(ptrs[0].offset(i * strides[0]) as *const T);
            let y = ptr::read_unaligned(ptrs[1].offset(i * strides[1]) as *const T);
            status |= K::check(x, y);
            let (r1, r2) = K::call(x, y);
            ptr::write_unaligned(ptrs[2].offset(i * strides[2]) as *mut O1, r1);
            ptr::write_unaligned(ptrs[3].offset(i * strides[3]) as *mut O2, r2);
        }
    }
    status
}

// ----- reductions along one line -----

/// Fold `n` items at `a` (byte stride `s`) into the accumulator item at `acc`.
pub type ReduceFn = unsafe fn(acc: *mut u8, a: *const u8, s: isize, n: usize);

/// The reduce loop of a same-type kernel, when the kernel's output type is its input type.
pub fn reduce_of<T: Element, O: Element, K: Kernel2<T, O>>() -> Option<ReduceFn> {
    if T::TYPE != O::TYPE {
        return None;
    }
    let is = |id: std::any::TypeId| std::any::TypeId::of::<K>() == id;
    if is(std::any::TypeId::of::<crate::kernels::arith::Add>()) {
        match T::TYPE {
            crate::dtype::ScalarType::Float64 => return Some(pairwise_add_f64),
            crate::dtype::ScalarType::Float32 => return Some(pairwise_add_f32),
            crate::dtype::ScalarType::Float16 => return Some(pairwise_add_f16),
            crate::dtype::ScalarType::Complex128 => return Some(pairwise_add_c128),
            crate::dtype::ScalarType::Complex64 => return Some(pairwise_add_c64),
            _ => {}
        }
    }
    if is(std::any::TypeId::of::<crate::kernels::arith::Multiply>())
        && T::TYPE == crate::dtype::ScalarType::Float16
    {
        return Some(multiply_f16_in_f32);
    }
    use crate::dtype::ScalarType::{Float32, Float64};
    use crate::kernels::arith::{Fmax, Fmin, Maximum, Minimum};
    let minmax = |f64v: ReduceFn, f32v: ReduceFn| match T::TYPE {
        Float64 => Some(f64v),
        Float32 => Some(f32v),
        _ => None,
    };
    let special = if is(std::any::TypeId::of::<Maximum>()) {
        minmax(
            minmax_dispatch::<f64, true, true>,
            minmax_dispatch::<f32, true, true>,
        )
    } else if is(std::any::TypeId::of::<Minimum>()) {
        minmax(
            minmax_dispatch::<f64, false, true>,
            minmax_dispatch::<f32, false, true>,
        )
    } else if is(std::any::TypeId::of::<Fmax>()) {
        minmax(
            minmax_dispatch::<f64, true, false>,
            minmax_dispatch::<f32, true, false>,
        )
    } else if is(std::any::TypeId::of::<Fmin>()) {
        minmax(
            minmax_dispatch::<f64, false, false>,
            minmax_dispatch::<f32, false, false>,
        )
    } else {
        None
    };
    special.or(Some(reduce_seq::<T, O, K>))
}

/// maximum/minimum (NaN-propagating, `PROPAGATE`) and fmax/fmin folds of a float line: eight
/// independent lanes (they vectorise) combined at the end. The value is the one a sequential
/// fold gives, except for which zero (+0.0 or -0.0) wins a tie.
#[inline(always)]
unsafe fn minmax_fold<T: Element + num_traits::Float, const MAX: bool, const PROPAGATE: bool>(
    acc: *mut u8,
    a: *const u8,
    s: isize,
    n: usize,
) {
    #[inline(always)]
    fn pick<T: num_traits::Float, const MAX: bool, const PROPAGATE: bool>(l: T, x: T) -> T {
        if PROPAGATE {
            // maximum/minimum: ties take the new item, as NumPy (NaN is tracked apart).
            let keep = if MAX { l > x } else { l < x };
            if keep {
                l
            } else {
                x
            }
        } else {
            // fmax/fmin: ties keep the accumulator (C's fmax), a NaN lane takes any number.
            let better = if MAX { x > l } else { x < l };
            if better || l.is_nan() {
                x
            } else {
                l
            }
        }
    }
    // SAFETY: acc holds one T; a holds n items at stride s (caller's guarantee).
    unsafe {
        let init: T = ptr::read_unaligned(acc as *const T);
        if s != std::mem::size_of::<T>() as isize || !aligned::<T>(a) || n < 16 {
            let mut r = init;
            for i in 0..n as isize {
                let x: T = ptr::read_unaligned(a.offset(i * s) as *const T);
                r = if PROPAGATE && (r.is_nan() || x.is_nan()) {
                    if r.is_nan() {
                        r
                    } else {
                        x
                    }
                } else {
                    pick::<T, MAX, PROPAGATE>(r, x)
                };
            }
            ptr::write_unaligned(acc as *mut T, r);
            return;
        }
        let line = std::slice::from_raw_parts(a as *const T, n);
        let mut lanes = [init; 8];
        let mut nan = false;
        let chunks = line.chunks_exact(8);
        let rest = chunks.remainder();
        for c in chunks {
            for j in 0..8 {
                if PROPAGATE {
                    nan |= c[j].is_nan();
                }
                lanes[j] = pick::<T, MAX, PROPAGATE>(lanes[j], c[j]);
            }
        }
        for &x in rest {
            if PROPAGATE {
                nan |= x.is_nan();
            }
            lanes[0] = pick::<T, MAX, PROPAGATE>(lanes[0], x);
        }
        let mut r = lanes[0];
        for &l in &lanes[1..] {
            r = pick::<T, MAX, PROPAGATE>(r, l);
        }
        if PROPAGATE && (nan || init.is_nan()) {
            r = if init.is_nan() {
                init
            } else {
                *line.iter().find(|x| x.is_nan()).unwrap_or(&r)
            };
        }
        ptr::write_unaligned(acc as *mut T, r);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn minmax_avx2<T: Element + num_traits::Float, const MAX: bool, const PROPAGATE: bool>(
    acc: *mut u8,
    a: *const u8,
    s: isize,
    n: usize,
) {
    // SAFETY: forwarded.
    unsafe { minmax_fold::<T, MAX, PROPAGATE>(acc, a, s, n) }
}

unsafe fn minmax_dispatch<
    T: Element + num_traits::Float,
    const MAX: bool,
    const PROPAGATE: bool,
>(
    acc: *mut u8,
    a: *const u8,
    s: isize,
    n: usize,
) {
    // SAFETY: the AVX2 version runs only when the CPU has AVX2.
    unsafe {
        #[cfg(target_arch = "x86_64")]
        if simd_level() >= Simd::Avx2 {
            return minmax_avx2::<T, MAX, PROPAGATE>(acc, a, s, n);
        }
        minmax_fold::<T, MAX, PROPAGATE>(acc, a, s, n)
    }
}

unsafe fn reduce_seq<T: Element, O: Element, K: Kernel2<T, O>>(
    acc: *mut u8,
    a: *const u8,
    s: isize,
    n: usize,
) {
    // SAFETY: acc holds one T; a holds n items at stride s (caller's guarantee). T and O are
    // the same type (checked in `reduce_of`), so the copy between them is exact.
    unsafe {
        let mut x: T = ptr::read_unaligned(acc as *const T);
        for i in 0..n as isize {
            let y = ptr::read_unaligned(a.offset(i * s) as *const T);
            let r: O = K::call(x, y);
            x = std::mem::transmute_copy(&r);
        }
        ptr::write_unaligned(acc as *mut T, x);
    }
}

macro_rules! pairwise {
    ($name:ident, $add:ident, $contig:ident, $contig_avx2:ident, $par:ident, $t:ty) => {
        /// NumPy's pairwise summation (blocks of 128 with eight accumulators), so float sums
        /// round exactly as NumPy's do.
        ///
        /// # Safety
        /// `a` holds `n` items of the type at byte stride `s`.
        pub unsafe fn $name(a: *const u8, n: usize, s: isize) -> $t {
            // SAFETY: caller's guarantee for every read.
            unsafe {
                let at = |i: usize| ptr::read_unaligned(a.offset(i as isize * s) as *const $t);
                if n < 8 {
                    let mut res: $t = 0.0;
                    for i in 0..n {
                        res += at(i);
                    }
                    res
                } else if n <= 128 {
                    let mut r = [0.0 as $t; 8];
                    for (j, x) in r.iter_mut().enumerate() {
                        *x = at(j);
                    }
                    let mut i = 8;
                    while i < n - (n % 8) {
                        for (j, x) in r.iter_mut().enumerate() {
                            *x += at(i + j);
                        }
                        i += 8;
                    }
                    let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                    while i < n {
                        res += at(i);
                        i += 1;
                    }
                    res
                } else {
                    let mut n2 = n / 2;
                    n2 -= n2 % 8;
                    $name(a, n2, s) + $name(a.offset(n2 as isize * s), n - n2, s)
                }
            }
        }

        /// The same summation over a contiguous slice (the eight accumulators become vector
        /// lanes; each lane adds in the same order, so the result is unchanged).
        #[inline(always)]
        fn $contig(a: &[$t]) -> $t {
            let n = a.len();
            if n < 8 {
                let mut res: $t = 0.0;
                for &x in a {
                    res += x;
                }
                res
            } else if n <= 128 {
                let mut r = [0.0 as $t; 8];
                r.copy_from_slice(&a[..8]);
                let full = n - (n % 8);
                for chunk in a[8..full].chunks_exact(8) {
                    for j in 0..8 {
                        r[j] += chunk[j];
                    }
                }
                let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for &x in &a[full..] {
                    res += x;
                }
                res
            } else {
                let mut n2 = n / 2;
                n2 -= n2 % 8;
                $contig(&a[..n2]) + $contig(&a[n2..])
            }
        }

        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2,fma")]
        fn $contig_avx2(a: &[$t]) -> $t {
            $contig(a)
        }

        /// Contiguous pairwise sum; the top of the recursion tree runs its halves on two
        /// threads (the tree, and so the rounding, is the same as the sequential one).
        fn $par(a: &[$t]) -> $t {
            let n = a.len();
            if n > (1 << 16) && rayon::current_num_threads() > 1 {
                let mut n2 = n / 2;
                n2 -= n2 % 8;
                let (x, y) = super::watch::join(|| $par(&a[..n2]), || $par(&a[n2..]));
                return x + y;
            }
            #[cfg(target_arch = "x86_64")]
            if simd_level() >= Simd::Avx2 {
                // SAFETY: the CPU has AVX2 and FMA (checked by simd_level).
                return unsafe { $contig_avx2(a) };
            }
            $contig(a)
        }

        unsafe fn $add(acc: *mut u8, a: *const u8, s: isize, n: usize) {
            // SAFETY: acc holds one item; forwarded guarantee for a. When contiguous and
            // aligned, the n items form a valid slice.
            unsafe {
                let x = ptr::read_unaligned(acc as *const $t);
                let sum = if s == std::mem::size_of::<$t>() as isize
                    && (a as usize) % std::mem::align_of::<$t>() == 0
                {
                    $par(std::slice::from_raw_parts(a as *const $t, n))
                } else {
                    $name(a, n, s)
                };
                ptr::write_unaligned(acc as *mut $t, x + sum);
            }
        }
    };
}
pairwise!(
    pairwise_sum_f64,
    pairwise_add_f64,
    pw_contig_f64,
    pw_contig_f64_avx2,
    pw_par_f64,
    f64
);
pairwise!(
    pairwise_sum_f32,
    pairwise_add_f32,
    pw_contig_f32,
    pw_contig_f32_avx2,
    pw_par_f32,
    f32
);

macro_rules! complex_pairwise {
    ($name:ident, $add:ident, $t:ty) => {
        /// NumPy's pairwise summation of complex numbers: `n` counts scalars (twice the
        /// items; scalar `i`, even, is item `i / 2`'s real part, at byte stride `s` between
        /// items); four items' parts in eight accumulators per block of 128 scalars.
        ///
        /// # Safety
        /// `a` holds `n / 2` complex items at byte stride `s`.
        unsafe fn $name(a: *const u8, n: usize, s: isize) -> ($t, $t) {
            // SAFETY: caller's guarantee for every read (i even: an item's start).
            unsafe {
                let re =
                    |i: usize| ptr::read_unaligned(a.offset((i / 2) as isize * s) as *const $t);
                let im = |i: usize| {
                    ptr::read_unaligned(
                        a.offset((i / 2) as isize * s + std::mem::size_of::<$t>() as isize)
                            as *const $t,
                    )
                };
                if n < 8 {
                    let (mut rr, mut ri): ($t, $t) = (-0.0, -0.0);
                    for i in (0..n).step_by(2) {
                        rr += re(i);
                        ri += im(i);
                    }
                    (rr, ri)
                } else if n <= 128 {
                    let mut r = [0.0 as $t; 8];
                    for j in 0..4 {
                        r[2 * j] = re(2 * j);
                        r[2 * j + 1] = im(2 * j);
                    }
                    let mut i = 8;
                    while i < n - (n % 8) {
                        for j in 0..4 {
                            r[2 * j] += re(i + 2 * j);
                            r[2 * j + 1] += im(i + 2 * j);
                        }
                        i += 8;
                    }
                    let mut rr = (r[0] + r[2]) + (r[4] + r[6]);
                    let mut ri = (r[1] + r[3]) + (r[5] + r[7]);
                    while i < n {
                        rr += re(i);
                        ri += im(i);
                        i += 2;
                    }
                    (rr, ri)
                } else {
                    let mut n2 = n / 2;
                    n2 -= n2 % 8;
                    let (r1, i1) = $name(a, n2, s);
                    let (r2, i2) = $name(a.offset((n2 / 2) as isize * s), n - n2, s);
                    (r1 + r2, i1 + i2)
                }
            }
        }

        unsafe fn $add(acc: *mut u8, a: *const u8, s: isize, n: usize) {
            // SAFETY: acc holds one complex item; a holds n items at byte stride s (the
            // caller's guarantee).
            unsafe {
                let (rr, ri) = $name(a, 2 * n, s);
                let p = acc as *mut $t;
                ptr::write_unaligned(p, ptr::read_unaligned(p) + rr);
                let q = p.add(1);
                ptr::write_unaligned(q, ptr::read_unaligned(q) + ri);
            }
        }
    };
}
complex_pairwise!(complex_pairwise_c128, pairwise_add_c128, f64);
complex_pairwise!(complex_pairwise_c64, pairwise_add_c64, f32);

/// float16 sums accumulate in float32 (pairwise) and round once, as NumPy's half loops.
unsafe fn pairwise_add_f16(acc: *mut u8, a: *const u8, s: isize, n: usize) {
    // SAFETY: acc holds one f16; a holds n f16 at stride s (caller's guarantee).
    unsafe {
        let conv: Vec<f32> = (0..n as isize)
            .map(|i| ptr::read_unaligned(a.offset(i * s) as *const half::f16).to_f32())
            .collect();
        let x = ptr::read_unaligned(acc as *const half::f16).to_f32();
        let sum = pairwise_sum_f32(conv.as_ptr() as *const u8, n, 4);
        ptr::write_unaligned(
            acc as *mut half::f16,
            crate::dtype::float16::f16_from_f32(x + sum),
        );
    }
}

/// float16 products accumulate in float32 and round once, as NumPy's half loops.
unsafe fn multiply_f16_in_f32(acc: *mut u8, a: *const u8, s: isize, n: usize) {
    // SAFETY: as above.
    unsafe {
        let mut x = ptr::read_unaligned(acc as *const half::f16).to_f32();
        for i in 0..n as isize {
            x *= ptr::read_unaligned(a.offset(i * s) as *const half::f16).to_f32();
        }
        ptr::write_unaligned(
            acc as *mut half::f16,
            crate::dtype::float16::f16_from_f32(x),
        );
    }
}
