//! Kernels behind the creation functions: arange's fill, linspace, and diagonals.

use num_complex::Complex;

use crate::array::{NdArray, Order};
use crate::dtype::{DType, Element, Num, ScalarType};
use crate::error::Result;

/// Run `body(start_index, chunk)` over `s` in parallel chunks when it is large.
fn par_chunks<T: Send>(s: &mut [T], body: impl Fn(usize, &mut [T]) + Sync) {
    use rayon::prelude::*;
    let bytes = std::mem::size_of_val(s);
    if bytes >= crate::loops::PAR_THRESHOLD_BYTES && rayon::current_num_threads() > 1 {
        let chunk =
            (crate::loops::PAR_THRESHOLD_BYTES / 4 / std::mem::size_of::<T>().max(1)).max(1024);
        s.par_chunks_mut(chunk)
            .enumerate()
            .for_each(|(c, part)| body(c * chunk, part));
    } else {
        body(0, s);
    }
}

/// NumPy's `fill`: with items 0 and 1 set, item i = item0 + i * (item1 - item0), computed in the
/// dtype's own arithmetic (float16 through float32, as NumPy does). `arr` is 1-d, contiguous.
pub fn arange_fill(arr: &NdArray) -> Result<()> {
    let n = arr.size();
    if n <= 2 {
        return Ok(());
    }
    if let Some(d) = crate::dtype::longdouble::LdDesc::of(arr.dtype()).filter(|d| d.native) {
        ensure!(
            arr.is_c_contiguous() && arr.ndim() == 1,
            Value,
            "arange_fill needs a contiguous 1-d array"
        );
        // SAFETY: a contiguous 1-d array of n native items.
        unsafe { crate::dtype::longdouble::fill(d, arr.data_ptr(), n) };
        return Ok(());
    }
    let st = arr
        .dtype()
        .native_scalar()
        .ok_or_else(|| crate::Error::Type("arange needs a native numeric dtype".into()))?;
    ensure!(
        st != ScalarType::Bool,
        Type,
        "arange() is only supported for booleans when the result has at most length 2."
    );
    ensure!(
        arr.is_c_contiguous() && arr.ndim() == 1,
        Value,
        "arange_fill needs a contiguous 1-d array"
    );
    let p = arr.data_ptr();
    macro_rules! int_fill {
        ($t:ty, $w:ty) => {{
            // SAFETY: arr is a contiguous 1-d array of n items of $t.
            let s = unsafe { std::slice::from_raw_parts_mut(p as *mut $t, n) };
            let start = s[0] as $w;
            let delta = (s[1] as $w).wrapping_sub(start);
            par_chunks(&mut s[2..], |off, part| {
                for (i, v) in part.iter_mut().enumerate() {
                    *v = start.wrapping_add(((i + off + 2) as $w).wrapping_mul(delta)) as $t;
                }
            });
        }};
    }
    match st {
        ScalarType::Int8 => int_fill!(i8, i64),
        ScalarType::Int16 => int_fill!(i16, i64),
        ScalarType::Int32 => int_fill!(i32, i64),
        ScalarType::Int64 => int_fill!(i64, i64),
        ScalarType::UInt8 => int_fill!(u8, u64),
        ScalarType::UInt16 => int_fill!(u16, u64),
        ScalarType::UInt32 => int_fill!(u32, u64),
        ScalarType::UInt64 => int_fill!(u64, u64),
        ScalarType::Float16 => {
            // SAFETY: as above.
            let s = unsafe { std::slice::from_raw_parts_mut(p as *mut half::f16, n) };
            let start = s[0].to_f32();
            let delta = s[1].to_f32() - start;
            for (i, v) in s.iter_mut().enumerate().skip(2) {
                *v = crate::dtype::float16::f16_from_f32(start + i as f32 * delta);
            }
        }
        ScalarType::Float32 => {
            // SAFETY: as above.
            let s = unsafe { std::slice::from_raw_parts_mut(p as *mut f32, n) };
            let start = s[0];
            let delta = s[1] - start;
            par_chunks(&mut s[2..], |off, part| {
                for (i, v) in part.iter_mut().enumerate() {
                    *v = start + (i + off + 2) as f32 * delta;
                }
            });
        }
        ScalarType::Float64 => {
            // SAFETY: as above.
            let s = unsafe { std::slice::from_raw_parts_mut(p as *mut f64, n) };
            let start = s[0];
            let delta = s[1] - start;
            par_chunks(&mut s[2..], |off, part| {
                for (i, v) in part.iter_mut().enumerate() {
                    *v = start + (i + off + 2) as f64 * delta;
                }
            });
        }
        ScalarType::Complex64 => {
            // SAFETY: as above.
            let s = unsafe { std::slice::from_raw_parts_mut(p as *mut Complex<f32>, n) };
            let start = s[0];
            let delta = s[1] - start;
            for (i, v) in s.iter_mut().enumerate().skip(2) {
                *v = Complex::new(
                    start.re + i as f32 * delta.re,
                    start.im + i as f32 * delta.im,
                );
            }
        }
        ScalarType::Complex128 => {
            // SAFETY: as above.
            let s = unsafe { std::slice::from_raw_parts_mut(p as *mut Complex<f64>, n) };
            let start = s[0];
            let delta = s[1] - start;
            for (i, v) in s.iter_mut().enumerate().skip(2) {
                *v = Complex::new(
                    start.re + i as f64 * delta.re,
                    start.im + i as f64 * delta.im,
                );
            }
        }
        ScalarType::Bool => unreachable!(),
    }
    Ok(())
}

/// Arithmetic linspace needs, in the computation dtype.
trait Lin:
    Element
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
    + std::ops::Div<Output = Self>
{
    fn from_usize(i: usize) -> Self;
    fn is_zero(self) -> bool;
}
impl Lin for half::f16 {
    fn from_usize(i: usize) -> Self {
        half::f16::from_f64(i as f64)
    }
    fn is_zero(self) -> bool {
        self.to_f32() == 0.0
    }
}
impl Lin for f32 {
    fn from_usize(i: usize) -> Self {
        i as f32
    }
    fn is_zero(self) -> bool {
        self == 0.0
    }
}
impl Lin for f64 {
    fn from_usize(i: usize) -> Self {
        i as f64
    }
    fn is_zero(self) -> bool {
        self == 0.0
    }
}
impl Lin for Complex<f32> {
    fn from_usize(i: usize) -> Self {
        Complex::new(i as f32, 0.0)
    }
    fn is_zero(self) -> bool {
        self.re == 0.0 && self.im == 0.0
    }
}
impl Lin for Complex<f64> {
    fn from_usize(i: usize) -> Self {
        Complex::new(i as f64, 0.0)
    }
    fn is_zero(self) -> bool {
        self.re == 0.0 && self.im == 0.0
    }
}

fn linspace_t<T: Lin>(start: &[T], stop: &[T], num: usize, endpoint: bool, out: &mut [T]) -> T {
    let m = start.len();
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let divt = T::from_usize(div);
    let mut last_step = T::default();
    for j in 0..m {
        let delta = stop[j] - start[j];
        let step = delta / divt;
        // NumPy: when any step is zero, scale i/div by delta instead.
        let zero = step.is_zero();
        for i in 0..num {
            let y = T::from_usize(i);
            out[i * m + j] = if div > 0 && zero {
                (y / divt) * delta + start[j]
            } else if div > 0 {
                y * step + start[j]
            } else {
                y * delta + start[j]
            };
        }
        if endpoint && num > 1 {
            out[(num - 1) * m + j] = stop[j];
        }
        last_step = if div > 0 {
            step
        } else {
            T::from_num(Num::F(f64::NAN))
        };
    }
    last_step
}

/// `np.linspace` over already broadcast, C-contiguous start/stop of the computation dtype.
/// Returns the samples with shape (num, *start.shape) and the step of the last element.
pub fn linspace(
    start: &NdArray,
    stop: &NdArray,
    num: usize,
    endpoint: bool,
) -> Result<(NdArray, Num)> {
    let dt: DType = start.dtype().clone();
    let st = dt
        .native_scalar()
        .ok_or_else(|| crate::Error::Type("linspace needs a native dtype".into()))?;
    let mut shape = vec![num];
    shape.extend_from_slice(start.shape());
    let out = NdArray::empty(&shape, &dt, Order::C)?;
    let m = start.size();
    macro_rules! go {
        ($t:ty) => {{
            // SAFETY: start/stop are contiguous with m items; out has num*m items.
            let (a, b, o) = unsafe {
                (
                    std::slice::from_raw_parts(start.data_ptr() as *const $t, m),
                    std::slice::from_raw_parts(stop.data_ptr() as *const $t, m),
                    std::slice::from_raw_parts_mut(out.data_ptr() as *mut $t, num * m),
                )
            };
            linspace_t::<$t>(a, b, num, endpoint, o).to_num()
        }};
    }
    let step = match st {
        ScalarType::Float16 => go!(half::f16),
        ScalarType::Float32 => go!(f32),
        ScalarType::Float64 => go!(f64),
        ScalarType::Complex64 => go!(Complex<f32>),
        ScalarType::Complex128 => go!(Complex<f64>),
        _ => bail!(
            Type,
            "linspace computes in float16, float32, float64, complex64 or complex128"
        ),
    };
    Ok((out, step))
}

/// Write `value` on diagonal `k` of a 2-d array.
pub fn fill_diagonal_k(arr: &NdArray, k: isize, value: Num) -> Result<()> {
    ensure!(arr.ndim() == 2, Value, "array must be 2-d");
    let (n, m) = (arr.shape()[0] as isize, arr.shape()[1] as isize);
    let (s0, s1) = (arr.strides()[0], arr.strides()[1]);
    let st = arr
        .dtype()
        .scalar_type()
        .ok_or_else(|| crate::Error::Type("numeric dtype needed".into()))?;
    let swap = !arr.dtype().is_native();
    crate::with_scalar_type!(st, T, {
        let mut v = T::from_num(value);
        if swap {
            v = v.byteswap();
        }
        let (i0, j0) = if k >= 0 { (0, k) } else { (-k, 0) };
        let mut i = i0;
        let mut j = j0;
        while i < n && j < m {
            // SAFETY: (i, j) is inside the array.
            unsafe {
                std::ptr::write_unaligned(arr.data_ptr().offset(i * s0 + j * s1) as *mut T, v)
            };
            i += 1;
            j += 1;
        }
    });
    Ok(())
}

/// `np.tri`: ones at and below diagonal k of an (n, m) array.
pub fn tri(n: usize, m: usize, k: isize, dtype: &DType) -> Result<NdArray> {
    let out = NdArray::zeros(&[n, m], dtype, Order::C)?;
    let st = dtype
        .scalar_type()
        .ok_or_else(|| crate::Error::Type("numeric dtype needed".into()))?;
    let swap = !dtype.is_native();
    crate::with_scalar_type!(st, T, {
        let mut one = T::from_num(Num::B(true));
        if swap {
            one = one.byteswap();
        }
        // SAFETY: out is a fresh C-contiguous (n, m) array of T.
        let s = unsafe { std::slice::from_raw_parts_mut(out.data_ptr() as *mut T, n * m) };
        for i in 0..n {
            let lim = (i as isize + k + 1).clamp(0, m as isize) as usize;
            for v in &mut s[i * m..i * m + lim] {
                *v = one;
            }
        }
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arange_float_matches_numpy_rule() {
        let a = NdArray::from_vec(vec![0.0f64, 0.1, 0.0, 0.0, 0.0], &[5]).unwrap();
        arange_fill(&a).unwrap();
        // SAFETY: 5 contiguous f64.
        let s = unsafe { std::slice::from_raw_parts(a.data_ptr() as *const f64, 5) };
        assert_eq!(s[3], 0.0 + 3.0 * (0.1 - 0.0));
    }

    #[test]
    fn tri_lower() {
        let t = tri(3, 3, 0, &ScalarType::Int64.dtype()).unwrap();
        // SAFETY: 9 contiguous i64.
        let s = unsafe { std::slice::from_raw_parts(t.data_ptr() as *const i64, 9) };
        assert_eq!(s, &[1, 0, 0, 1, 1, 0, 1, 1, 1]);
    }
}
