//! What to compute, one element at a time. A kernel is a zero-sized type implementing
//! [`Kernel1`] or [`Kernel2`] for each element type it supports; the loops in `loops/` walk the
//! memory and call it, and `dispatch/` picks the instance. Kernels never see strides.

pub mod arith;
pub mod cmath;
pub mod compare;
pub mod divisor;
pub mod math;
pub mod sort;
pub mod vmath;
pub mod vmath_wide;

use std::sync::OnceLock;

use crate::dtype::Element;

/// The number of non-zero bytes (the true items of a bool line). Counts in byte lanes (at most
/// 255 rounds before they are widened), which vectorises on any x86-64; compiled for the
/// widest vectors this CPU has (with 16-byte vectors a count ran at half NumPy's speed).
pub fn count_nonzero_bytes(line: &[u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    match simd_level() {
        // SAFETY: the level says the CPU has the features.
        Simd::Avx512 => return unsafe { count_avx512(line) },
        // SAFETY: as above.
        Simd::Avx2 => return unsafe { count_avx2(line) },
        Simd::Baseline => {}
    }
    count_in_lanes(line)
}

/// [`count_nonzero_bytes`] on 512-bit vectors.
///
/// # Safety
/// The CPU has AVX-512BW.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn count_avx512(line: &[u8]) -> usize {
    count_in_lanes(line)
}

/// [`count_nonzero_bytes`] on 256-bit vectors.
///
/// # Safety
/// The CPU has AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn count_avx2(line: &[u8]) -> usize {
    count_in_lanes(line)
}

#[inline(always)]
fn count_in_lanes(line: &[u8]) -> usize {
    const LANES: usize = 64;
    let mut total = 0usize;
    for block in line.chunks(255 * LANES) {
        let mut acc = [0u8; LANES];
        let full = block.len() / LANES;
        for i in 0..full {
            // zip over a fixed-size array: the form the compiler turns into byte-lane adds
            for (a, &b) in acc.iter_mut().zip(&block[i * LANES..(i + 1) * LANES]) {
                *a += (b != 0) as u8;
            }
        }
        total += acc.iter().map(|&x| x as usize).sum::<usize>();
        total += block[full * LANES..].iter().filter(|&&b| b != 0).count();
    }
    total
}

pub use crate::dtype::method::status;

/// Raise these conditions ('invalid', 'divide by zero') in the floating-point status as the
/// operations NumPy's C code runs would (for a kernel that gets the result without running them). Rare paths only.
#[inline(never)]
pub fn raise(st: u32) {
    status::raise(st & (status::INVALID | status::DIVIDE_BY_ZERO));
}

/// A one-input kernel from `T` to `O`.
pub trait Kernel1<T: Element, O: Element>: Send + Sync + 'static {
    fn call(a: T) -> O;
    /// `n` contiguous items (`o` may alias `a` exactly). Kernels with a vectorised block form
    /// override this; it must give the same values as `call`.
    ///
    /// # Safety
    /// `a` and `o` are valid for `n` items.
    #[inline(always)]
    unsafe fn block(a: *const T, o: *mut O, n: usize) {
        for i in 0..n {
            // SAFETY: the caller's guarantee.
            unsafe { *o.add(i) = Self::call(*a.add(i)) };
        }
    }
    /// [`Kernel1::block`] on a CPU with FMA (called from code compiled for it).
    ///
    /// # Safety
    /// As `block`, and the CPU has FMA.
    #[inline(always)]
    unsafe fn block_fma(a: *const T, o: *mut O, n: usize) {
        // SAFETY: forwarded.
        unsafe { Self::block(a, o, n) }
    }
    /// Whether `block` is a vectorised form worth gathering strided items for.
    const BLOCKED: bool = false;
    /// Errors found on this element (integer kernels only; see [`status`]).
    #[inline(always)]
    fn check(_a: T) -> u32 {
        0
    }
    /// Whether `check` can ever report something for this type (lets loops skip it).
    const CHECKS: bool = false;
}

/// A two-input kernel over one input type `T`, producing `O`.
pub trait Kernel2<T: Element, O: Element>: Send + Sync + 'static {
    fn call(a: T, b: T) -> O;
    /// [`Kernel2::call`] in code compiled for a CPU with fused multiply-add: kernels whose
    /// NumPy loop fuses (complex multiply) override it.
    #[inline(always)]
    fn call_fma(a: T, b: T) -> O {
        Self::call(a, b)
    }
    #[inline(always)]
    fn check(_a: T, _b: T) -> u32 {
        0
    }
    /// Whether `check` can ever report something for this type (lets loops skip it).
    const CHECKS: bool = false;
    /// A contiguous line whose second operand is one repeated value, for kernels with a faster
    /// form then (integer division by a scalar: [`divisor`]); `None` leaves it to the generic
    /// loop. Returns the status bits as the loop would.
    ///
    /// # Safety
    /// `a` and `o` are valid for `n` items; `o` may alias `a` exactly.
    #[inline(always)]
    unsafe fn line_scalar_b(_a: *const T, _b: T, _o: *mut O, _n: usize) -> Option<u32> {
        None
    }
    /// A contiguous line of two arrays, for kernels with a faster form there (int64 floor
    /// division through float64: [`divisor`]); `None` leaves it to the generic loop. Returns
    /// the status bits as the loop would.
    ///
    /// # Safety
    /// `a`, `b` and `o` are valid for `n` items; `o` may alias `a` or `b` exactly.
    #[inline(always)]
    unsafe fn line(_a: *const T, _b: *const T, _o: *mut O, _n: usize) -> Option<u32> {
        None
    }
}

/// A two-input, two-output kernel (divmod).
pub trait Kernel2x2<T: Element, O1: Element, O2: Element>: Send + Sync + 'static {
    fn call(a: T, b: T) -> (O1, O2);
    #[inline(always)]
    fn check(_a: T, _b: T) -> u32 {
        0
    }
    /// A contiguous line whose second operand is one repeated value (integer divmod by a
    /// scalar: [`divisor`]); `None` leaves it to the generic loop. Returns the status bits as
    /// the loop would.
    ///
    /// # Safety
    /// `a`, `o1` and `o2` are valid for `n` aligned items; an output may alias `a` exactly.
    #[inline(always)]
    unsafe fn line_scalar_b(
        _a: *const T,
        _b: T,
        _o1: *mut O1,
        _o2: *mut O2,
        _n: usize,
    ) -> Option<u32> {
        None
    }
}

/// A one-input, two-output kernel (modf, frexp).
pub trait Kernel1x2<T: Element, O1: Element, O2: Element>: Send + Sync + 'static {
    fn call(a: T) -> (O1, O2);
}

/// A two-input kernel whose inputs differ in type (ldexp).
pub trait KernelMixed<A: Element, B: Element, O: Element>: Send + Sync + 'static {
    fn call(a: A, b: B) -> O;
}

/// The vector instruction level of this CPU.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Simd {
    Baseline,
    Avx2,
    Avx512,
}

/// The vector instruction level the loops use (`RUMPY_NO_SIMD` forces the baseline); each
/// level has the features of the one below.
pub fn simd_level() -> Simd {
    static LEVEL: OnceLock<Simd> = OnceLock::new();
    *LEVEL.get_or_init(|| {
        #[cfg(target_arch = "x86_64")]
        {
            if std::env::var_os("RUMPY_NO_SIMD").is_some()
                || !(is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma"))
            {
                Simd::Baseline
            } else if is_x86_feature_detected!("avx512f")
                && is_x86_feature_detected!("avx512bw")
                && is_x86_feature_detected!("avx512dq")
                && is_x86_feature_detected!("avx512vl")
            {
                Simd::Avx512
            } else {
                Simd::Avx2
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        Simd::Baseline
    })
}

/// The sizes in bytes of a core's level-1 data cache and level-2 cache, as the CPU reports
/// them (CPUID: Intel's deterministic cache leaf, AMD's extended leaves); `None` where it does
/// not say. A virtual machine reports its host's caches.
pub fn cache_sizes() -> Option<(usize, usize)> {
    static SIZES: OnceLock<Option<(usize, usize)>> = OnceLock::new();
    *SIZES.get_or_init(|| {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::__cpuid_count;
            // Leaves above the maximum the CPU reports are not asked.
            let max = __cpuid_count(0, 0);
            let vendor = [max.ebx, max.edx, max.ecx];
            let is = |name: &[u8; 12]| {
                vendor
                    .iter()
                    .flat_map(|w| w.to_le_bytes())
                    .eq(name.iter().copied())
            };
            if is(b"GenuineIntel") && max.eax >= 4 {
                let (mut l1, mut l2) = (None, None);
                for sub in 0..16 {
                    let r = __cpuid_count(4, sub);
                    let (kind, level) = (r.eax & 31, (r.eax >> 5) & 7);
                    if kind == 0 {
                        break;
                    }
                    let size = (((r.ebx >> 22) + 1)
                        * (((r.ebx >> 12) & 0x3ff) + 1)
                        * ((r.ebx & 0xfff) + 1)) as usize
                        * (r.ecx as usize + 1);
                    match (level, kind) {
                        (1, 1) => l1 = Some(size),
                        (2, 2..=3) => l2 = Some(size),
                        _ => {}
                    }
                }
                return l1.zip(l2);
            }
            let amd = is(b"AuthenticAMD") || is(b"HygonGenuine");
            if !amd || __cpuid_count(0x8000_0000, 0).eax < 0x8000_0006 {
                return None;
            }
            let l1 = __cpuid_count(0x8000_0005, 0).ecx >> 24;
            let l2 = __cpuid_count(0x8000_0006, 0).ecx >> 16;
            (l1 > 0 && l2 > 0).then(|| (l1 as usize * 1024, l2 as usize * 1024))
        }
        #[cfg(not(target_arch = "x86_64"))]
        None
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn cache_sizes_are_plausible() {
        if let Some((l1, l2)) = super::cache_sizes() {
            assert!((8 << 10..=1 << 20).contains(&l1), "L1 {l1}");
            assert!(l2 > l1 && l2 <= 64 << 20, "L2 {l2}");
        }
    }

    #[test]
    fn counts_nonzero_bytes_across_block_edges() {
        for n in [
            0usize,
            1,
            31,
            32,
            33,
            255 * 32 - 1,
            255 * 32,
            255 * 32 + 1,
            20000,
        ] {
            let v: Vec<u8> = (0..n).map(|i| [0u8, 1, 2, 255, 0, 0, 7][i % 7]).collect();
            let want = v.iter().filter(|&&b| b != 0).count();
            assert_eq!(super::count_nonzero_bytes(&v), want, "n = {n}");
            assert_eq!(super::count_in_lanes(&v), want, "n = {n}");
            #[cfg(target_arch = "x86_64")]
            {
                if is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU has the feature.
                    assert_eq!(unsafe { super::count_avx2(&v) }, want, "n = {n}");
                }
                if is_x86_feature_detected!("avx512bw") {
                    // SAFETY: as above.
                    assert_eq!(unsafe { super::count_avx512(&v) }, want, "n = {n}");
                }
            }
        }
    }
}
