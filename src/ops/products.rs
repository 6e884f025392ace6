//! numpy's `dot` of two float vectors, the most common product, straight on the matrix
//! kernels' vector loop (`loops::linalg::vector_dot`): the gufunc machinery's resolution and
//! set-up cost more than the product below a few thousand items.

use crate::array::NdArray;
use crate::dtype::{Num, ScalarType};
use crate::kernels::status::{DIVIDE_BY_ZERO, INVALID, OVERFLOW, UNDERFLOW};
use crate::loops::linalg;

/// The dot product of the 1-d native float32 or float64 arrays `a` and `b`, of one dtype and
/// length, with its type and the floating-point conditions raised; None for other operands
/// (the caller takes the general path, which also raises its errors).
pub fn vector_dot(a: &NdArray, b: &NdArray) -> Option<(Num, ScalarType, u32)> {
    let st = a.dtype().native_scalar()?;
    if a.ndim() != 1 || b.ndim() != 1 || b.dtype().native_scalar() != Some(st) {
        return None;
    }
    let n = a.shape()[0];
    if b.shape()[0] != n {
        return None;
    }
    let (pa, sa) = (a.data_ptr() as *const u8, a.strides()[0]);
    let (pb, sb) = (b.data_ptr() as *const u8, b.strides()[0]);
    const CONDITIONS: u32 = DIVIDE_BY_ZERO | OVERFLOW | UNDERFLOW | INVALID;
    // SAFETY: each array holds n items of its dtype at its strides.
    unsafe {
        match st {
            ScalarType::Float64 => {
                let (v, fp) = linalg::vector_dot::<f64>(pa, sa, pb, sb, n);
                Some((Num::F(v), st, fp & CONDITIONS))
            }
            ScalarType::Float32 => {
                let (v, fp) = linalg::vector_dot::<f32>(pa, sa, pb, sb, n);
                Some((Num::F(v as f64), st, fp & CONDITIONS))
            }
            _ => None,
        }
    }
}
