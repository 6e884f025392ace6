//! What to compute, one element at a time. A kernel is a zero-sized type implementing
//! [`Kernel1`] or [`Kernel2`] for each element type it supports; the loops in `loops/` walk the
//! memory and call it, and `dispatch/` picks the instance. Kernels never see strides.

pub mod arith;
pub mod cmath;
pub mod compare;
pub mod math;
pub mod vmath;

use std::sync::OnceLock;

use crate::dtype::Element;

/// Status bits a loop reports back (NumPy's floating-point error state and integer errors).
pub mod status {
    pub const DIVIDE_BY_ZERO: u32 = 1;
    pub const OVERFLOW: u32 = 2;
    pub const INVALID: u32 = 4;
    /// An integer raised to a negative integer power.
    pub const NEGATIVE_POWER: u32 = 8;
    pub const UNDERFLOW: u32 = 16;
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
    #[inline(always)]
    fn check(_a: T, _b: T) -> u32 {
        0
    }
    /// Whether `check` can ever report something for this type (lets loops skip it).
    const CHECKS: bool = false;
}

/// A two-input, two-output kernel (divmod).
pub trait Kernel2x2<T: Element, O1: Element, O2: Element>: Send + Sync + 'static {
    fn call(a: T, b: T) -> (O1, O2);
    #[inline(always)]
    fn check(_a: T, _b: T) -> u32 {
        0
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

pub fn simd_level() -> Simd {
    static LEVEL: OnceLock<Simd> = OnceLock::new();
    *LEVEL.get_or_init(|| {
        #[cfg(target_arch = "x86_64")]
        {
            if std::env::var_os("RUMPY_NO_SIMD").is_some() {
                return Simd::Baseline;
            }
            if is_x86_feature_detected!("avx512f")
                && is_x86_feature_detected!("avx512bw")
                && is_x86_feature_detected!("avx512dq")
                && is_x86_feature_detected!("avx512vl")
            {
                return Simd::Avx512;
            }
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                return Simd::Avx2;
            }
        }
        Simd::Baseline
    })
}
