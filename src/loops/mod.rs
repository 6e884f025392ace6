//! How memory is walked. Operations hand a kernel for one strided line; the walkers here
//! normalise the layout (drop unit axes, order axes by stride, merge axes that are contiguous
//! together) and call the kernel once per line, so the inner loop is as long as possible.

/// A function compiled three times, for 512-bit and 256-bit vectors and for the baseline, and
/// run on the widest this CPU has (its loops are written to vectorise).
macro_rules! on_vectors {
    ($(#[$m:meta])* unsafe fn $name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)? $body:block) => {
        $(#[$m])*
        unsafe fn $name($($arg: $ty),*) $(-> $ret)? {
            #[inline(always)]
            unsafe fn body($($arg: $ty),*) $(-> $ret)? $body
            #[cfg(target_arch = "x86_64")]
            {
                use crate::kernels::{simd_level, Simd};
                #[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vl")]
                unsafe fn wide($($arg: $ty),*) $(-> $ret)? {
                    // SAFETY: the caller's guarantee.
                    unsafe { body($($arg),*) }
                }
                #[target_feature(enable = "avx2,fma")]
                unsafe fn avx2($($arg: $ty),*) $(-> $ret)? {
                    // SAFETY: the caller's guarantee.
                    unsafe { body($($arg),*) }
                }
                match simd_level() {
                    // SAFETY: the CPU has the features (checked by `simd_level`); the rest is
                    // the caller's guarantee.
                    Simd::Avx512 => return unsafe { wide($($arg),*) },
                    // SAFETY: as above.
                    Simd::Avx2 => return unsafe { avx2($($arg),*) },
                    _ => {}
                }
            }
            // SAFETY: the caller's guarantee.
            unsafe { body($($arg),*) }
        }
    };
    ($(#[$m:meta])* fn $name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)? $body:block) => {
        $(#[$m])*
        fn $name($($arg: $ty),*) $(-> $ret)? {
            #[inline(always)]
            fn body($($arg: $ty),*) $(-> $ret)? $body
            #[cfg(target_arch = "x86_64")]
            {
                use crate::kernels::{simd_level, Simd};
                #[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vl")]
                unsafe fn wide($($arg: $ty),*) $(-> $ret)? {
                    body($($arg),*)
                }
                #[target_feature(enable = "avx2,fma")]
                unsafe fn avx2($($arg: $ty),*) $(-> $ret)? {
                    body($($arg),*)
                }
                match simd_level() {
                    // SAFETY: the CPU has the features (checked by `simd_level`).
                    Simd::Avx512 => return unsafe { wide($($arg),*) },
                    // SAFETY: as above.
                    Simd::Avx2 => return unsafe { avx2($($arg),*) },
                    _ => {}
                }
            }
            body($($arg),*)
        }
    };
}

mod bdsdc;
pub mod blocked;
pub mod core_dims;
pub mod decomp;
pub mod elementwise;
pub mod fft;
pub mod gemm;
mod getrf;
pub mod helpers;
pub mod lanes;
mod lapack_ref;
pub mod linalg;
pub mod nd;
mod stedc;
mod sytrd;
pub mod watch;

pub use nd::{
    for_each_line1, for_each_line2, for_each_line_n, Layout2, PAR_FOOTPRINT_BYTES,
    PAR_THRESHOLD_BYTES,
};
