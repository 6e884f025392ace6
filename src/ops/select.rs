//! `where(condition, x, y)`: items of `x` where the condition holds, else of `y`.

use crate::array::{NdArray, Order};
use crate::dtype::{DType, ScalarType};
use crate::error::Result;

/// A new array of `dtype` (numbers only, native order) and the broadcast shape of the three,
/// holding `x` where `cond` (bool) is true and `y` elsewhere; `x` and `y` are cast to
/// `dtype` first (unsafely: the caller has resolved it as their common type).
pub fn select(cond: &NdArray, x: &NdArray, y: &NdArray, dtype: &DType) -> Result<NdArray> {
    crate::ensure!(
        cond.dtype().native_scalar() == Some(ScalarType::Bool),
        Type,
        "where's condition must be boolean"
    );
    crate::ensure!(
        dtype.scalar_type().is_some() && dtype.is_native(),
        Type,
        "where's fast path takes native numbers"
    );
    let shape = crate::array::broadcast_shapes(&[cond.shape(), x.shape(), y.shape()])?;
    let cast = |a: &NdArray| -> Result<NdArray> {
        let a = if a.dtype() == dtype {
            a.clone()
        } else {
            a.astype(dtype, Order::K)?
        };
        a.broadcast_to(&shape)
    };
    let (x, y, cond) = (cast(x)?, cast(y)?, cond.broadcast_to(&shape)?);
    let out = NdArray::empty(&shape, dtype, Order::C)?;
    let w = dtype.itemsize();
    let parallel = out.size() * w >= crate::loops::PAR_THRESHOLD_BYTES;
    crate::loops::for_each_line_n(
        &shape,
        &[cond.strides(), x.strides(), y.strides(), out.strides()],
        &[cond.data_ptr(), x.data_ptr(), y.data_ptr(), out.data_ptr()],
        w,
        parallel,
        // SAFETY (each line): n items along each operand's stride, the output's fresh.
        |q, s, n| unsafe {
            match w {
                1 => line::<u8>(q, s, n),
                2 => line::<u16>(q, s, n),
                4 => line::<u32>(q, s, n),
                8 => line::<u64>(q, s, n),
                _ => line::<[u64; 2]>(q, s, n),
            }
        },
    );
    Ok(out)
}

/// One line of the selection: condition bytes at `q[0]`, items of `T` at `q[1]` and `q[2]`
/// into `q[3]` (byte strides `s`); contiguous lines and a broadcast `x` or `y` as slices.
///
/// # Safety
/// `n` items readable (writable for the output) along each stride.
unsafe fn line<T: Copy>(q: &[*mut u8], s: &[isize], n: usize) {
    let w = std::mem::size_of::<T>() as isize;
    let aligned = q[1..]
        .iter()
        .all(|p| (*p as usize).is_multiple_of(std::mem::align_of::<T>()));
    let pick = |c: u8, a: T, b: T| if c != 0 { a } else { b };
    if aligned && s[0] == 1 && s[3] == w && (s[1] == w || s[1] == 0) && (s[2] == w || s[2] == 0) {
        // SAFETY: contiguous (or a single item repeated), aligned, n long; the output apart.
        unsafe {
            let c = std::slice::from_raw_parts(q[0], n);
            let o = std::slice::from_raw_parts_mut(q[3] as *mut T, n);
            match (s[1] == w, s[2] == w) {
                (true, true) => {
                    let x = std::slice::from_raw_parts(q[1] as *const T, n);
                    let y = std::slice::from_raw_parts(q[2] as *const T, n);
                    for i in 0..n {
                        o[i] = pick(c[i], x[i], y[i]);
                    }
                }
                (true, false) => {
                    let x = std::slice::from_raw_parts(q[1] as *const T, n);
                    let y = *(q[2] as *const T);
                    for i in 0..n {
                        o[i] = pick(c[i], x[i], y);
                    }
                }
                (false, true) => {
                    let x = *(q[1] as *const T);
                    let y = std::slice::from_raw_parts(q[2] as *const T, n);
                    for i in 0..n {
                        o[i] = pick(c[i], x, y[i]);
                    }
                }
                (false, false) => {
                    let (x, y) = (*(q[1] as *const T), *(q[2] as *const T));
                    for i in 0..n {
                        o[i] = pick(c[i], x, y);
                    }
                }
            }
        }
        return;
    }
    for i in 0..n as isize {
        // SAFETY: inside the operands along their strides.
        unsafe {
            let v = if *q[0].offset(i * s[0]) != 0 {
                (q[1].offset(i * s[1]) as *const T).read_unaligned()
            } else {
                (q[2].offset(i * s[2]) as *const T).read_unaligned()
            };
            (q[3].offset(i * s[3]) as *mut T).write_unaligned(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f64s(v: &[f64]) -> NdArray {
        NdArray::from_vec(v.to_vec(), &[v.len()]).unwrap()
    }

    #[test]
    fn selects_and_broadcasts() {
        let b = crate::dtype::Bool;
        let c = NdArray::from_vec(vec![b(1), b(0), b(7)], &[3]).unwrap();
        let x = f64s(&[1.0, 2.0, 3.0]);
        let y = f64s(&[-1.0]);
        let r = select(&c, &x, &y, &ScalarType::Float64.dtype()).unwrap();
        assert_eq!(r.to_vec::<f64>(), vec![1.0, -1.0, 3.0]);
        // a strided condition: the general walk
        let c2 = NdArray::from_vec(vec![b(0), b(9), b(1), b(0), b(0), b(1)], &[3, 2]).unwrap();
        let r = select(&c2, &f64s(&[5.0, 6.0]), &y, &ScalarType::Float32.dtype()).unwrap();
        assert_eq!(r.to_vec::<f32>(), vec![-1.0, 6.0, 5.0, -1.0, -1.0, 6.0]);
    }
}
