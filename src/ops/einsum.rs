//! einsum's sums where NumPy's answer depends on their order. einsum is Python over the core's
//! gufuncs and reductions (`rumpy._einsum`); what it needs here is the whole sum of one
//! strided vector (a trace, `'ii->'`), which NumPy's einsum adds in order, one buffer of
//! items at a time, where a reduction adds pairwise.

use crate::array::NdArray;
use crate::dtype::{Num, ScalarType};

/// Items NumPy's einsum adds into its output at a time (its iterator's buffer size): each
/// part's sum starts from zero and is then added to the output.
pub const BUFFER: usize = 8192;

/// The whole sum of the 1-d vector `v`, non-contiguous, of native float32, float64,
/// complex64 or complex128, as NumPy's einsum adds it (in order within each part of
/// [`BUFFER`] items, in the item type's own precision); None for other vectors.
pub fn strided_total(v: &NdArray) -> Option<Num> {
    let st = v.dtype().native_scalar()?;
    if v.ndim() != 1 || v.strides()[0] == v.itemsize() as isize {
        return None;
    }
    // (In the view's order, a reversed axis too: NumPy's einsum does not flip it.)
    let (p, n, s) = (v.data_ptr() as *const u8, v.shape()[0], v.strides()[0]);
    // SAFETY: the array's n items lie at p + i * s, of its dtype.
    unsafe {
        Some(match st {
            ScalarType::Float64 => Num::F(in_parts::<f64>(p, n, s, 0)),
            ScalarType::Float32 => Num::F(in_parts::<f32>(p, n, s, 0) as f64),
            ScalarType::Complex128 => {
                Num::C(in_parts::<f64>(p, n, s, 0), in_parts::<f64>(p, n, s, 8))
            }
            ScalarType::Complex64 => Num::C(
                in_parts::<f32>(p, n, s, 0) as f64,
                in_parts::<f32>(p, n, s, 4) as f64,
            ),
            _ => return None,
        })
    }
}

/// A float type einsum's strided sum adds in.
trait Addend: Copy + Default + std::ops::Add<Output = Self> {}
impl Addend for f64 {}
impl Addend for f32 {}

/// The sum of the `T` at byte `at` of `n` items `stride` bytes apart from `p`, in parts of
/// [`BUFFER`] items, each summed in order from zero and then added to the total.
///
/// # Safety
/// Each item's `T` is readable (alignment not needed).
unsafe fn in_parts<T: Addend>(p: *const u8, n: usize, stride: isize, at: usize) -> T {
    let mut total = T::default();
    let mut start = 0;
    while start < n {
        let len = BUFFER.min(n - start);
        let mut acc = T::default();
        // SAFETY: the caller's guarantee, for items start..start + len.
        unsafe {
            let mut q = p.offset(start as isize * stride).add(at);
            for _ in 0..len {
                acc = acc + (q as *const T).read_unaligned();
                q = q.wrapping_offset(stride);
            }
        }
        total = acc + total;
        start += len;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items 0..n of a vector of stride 2 over `data`.
    fn every_other(data: Vec<f64>) -> NdArray {
        let n = data.len() / 2;
        let a = NdArray::from_vec(data, &[2 * n]).unwrap();
        a.strided_view(&[n], &[16], 0).unwrap()
    }

    #[test]
    fn parts_of_a_buffer_each_start_from_zero() {
        // In order, 1e16 + 1 + 1 + ... loses every 1; a new part starts again from zero and
        // keeps its own ones, which are then added to the total.
        let n = BUFFER + 4;
        let mut data = vec![0.0; 2 * n];
        data[0] = 1e16;
        for k in 1..n {
            data[2 * k] = 1.0;
        }
        let got = strided_total(&every_other(data)).unwrap();
        assert_eq!(got, Num::F(1e16 + 4.0));
    }

    #[test]
    fn a_reversed_vector_is_added_in_its_own_order() {
        // In the view's order the ones add up to 3 first (1e16 + 3 rounds to 1e16 + 4); in
        // memory order each 1e16 + 1 would round back to 1e16.
        let v = every_other(vec![1e16, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]);
        let reversed = v.strided_view(&[4], &[-16], 48).unwrap();
        assert_eq!(strided_total(&reversed).unwrap(), Num::F(1e16 + 4.0));
    }

    #[test]
    fn a_negative_zero_sum_is_positive_as_numpys() {
        let got = strided_total(&every_other(vec![-0.0; 6])).unwrap();
        let Num::F(x) = got else { panic!() };
        assert!(x == 0.0 && x.is_sign_positive());
    }

    #[test]
    fn contiguous_vectors_are_left_to_the_caller() {
        let a = NdArray::from_vec(vec![1.0f64, 2.0], &[2]).unwrap();
        assert!(strided_total(&a).is_none());
    }
}
