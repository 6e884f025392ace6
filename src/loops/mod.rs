//! How memory is walked. Operations hand a kernel for one strided line; the walkers here
//! normalise the layout (drop unit axes, order axes by stride, merge axes that are contiguous
//! together) and call the kernel once per line, so the inner loop is as long as possible.

mod bdsdc;
pub mod blocked;
pub mod core_dims;
pub mod decomp;
pub mod elementwise;
pub mod fft;
pub mod gemm;
pub mod helpers;
pub mod lanes;
mod lapack_ref;
pub mod linalg;
pub mod nd;
mod stedc;
pub mod watch;

pub use nd::{
    for_each_line1, for_each_line2, for_each_line_n, Layout2, PAR_FOOTPRINT_BYTES,
    PAR_THRESHOLD_BYTES,
};
