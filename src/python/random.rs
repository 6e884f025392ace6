//! The bit generators' state objects for `rumpy.random` (the Python classes are in
//! `rumpy/random/`): each holds a generator behind a lock, as numpy's do, and fills arrays
//! with the GIL released.

use std::sync::Mutex;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use super::array::PyNdArray;
use crate::dtype::ScalarType;
use crate::random::{self, pcg64::Pcg64, BitGen};

/// The writable, aligned, contiguous memory of `out` (C or F order: filled in memory order, as
/// numpy's fills) as `len` items of `T`, if its dtype is `want`.
fn out_memory(out: &Bound<'_, PyNdArray>, want: ScalarType) -> PyResult<(usize, usize)> {
    let a = out.get().array();
    if a.dtype().native_scalar() != Some(want) {
        return Err(PyTypeError::new_err("output array has the wrong dtype"));
    }
    if !a.is_writeable() {
        return Err(PyValueError::new_err("output array is read-only"));
    }
    let align = want.dtype().itemsize();
    if !(a.is_c_contiguous() || a.is_f_contiguous())
        || !(a.data_ptr() as usize).is_multiple_of(align)
    {
        return Err(PyValueError::new_err(
            "Supplied output array must be contiguous, writable, aligned, and in machine byte-order.",
        ));
    }
    Ok((a.data_ptr() as usize, a.size()))
}

/// Fill `len` items at `addr` with `f`, the GIL released when the work is large.
///
/// # Safety
/// `addr` holds `len` aligned, writable items of `T` that nothing else touches meanwhile.
unsafe fn fill_with<T, G: Send>(
    py: Python<'_>,
    g: &Mutex<G>,
    (addr, len): (usize, usize),
    f: impl Fn(&mut G, &mut [T]) + Send + Sync,
) {
    let run = || {
        // SAFETY: the caller's.
        let out = unsafe { std::slice::from_raw_parts_mut(addr as *mut T, len) };
        let mut g = g.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut g, out);
    };
    if len >= 1 << 14 {
        py.detach(run);
    } else {
        run();
    }
}

/// PCG64's state (numpy's `pcg64_state`).
#[pyclass(name = "_PCG64State", module = "rumpy._core", frozen)]
pub struct PyPcg64 {
    g: Mutex<Pcg64>,
}

impl PyPcg64 {
    fn with<R>(&self, f: impl FnOnce(&mut Pcg64) -> R) -> R {
        f(&mut self.g.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

#[pymethods]
impl PyPcg64 {
    /// Seeded from `SeedSequence.generate_state(4, uint64)`.
    #[new]
    fn new(words: [u64; 4]) -> Self {
        PyPcg64 {
            g: Mutex::new(Pcg64::seeded(words)),
        }
    }

    /// (state, inc, has_uint32, uinteger).
    fn get_state(&self) -> (u128, u128, bool, u32) {
        self.with(|g| (g.state, g.inc, g.has_uint32, g.uinteger))
    }

    fn set_state(&self, state: u128, inc: u128, has_uint32: bool, uinteger: u32) {
        self.with(|g| {
            *g = Pcg64 {
                state,
                inc,
                has_uint32,
                uinteger,
            }
        })
    }

    /// `delta` draws on, modulo 2**128.
    fn advance(&self, delta: u128) {
        self.with(|g| g.advance(delta))
    }

    fn next_raw(&self) -> u64 {
        self.with(|g| g.next_raw())
    }

    fn next_double(&self) -> f64 {
        self.with(|g| g.next_double())
    }

    fn next_float(&self) -> f32 {
        self.with(|g| g.next_float())
    }

    /// Fill a uint64 array with raw draws.
    fn fill_raw(&self, py: Python<'_>, out: &Bound<'_, PyNdArray>) -> PyResult<()> {
        let mem = out_memory(out, ScalarType::UInt64)?;
        // SAFETY: checked by out_memory; the array is held by the caller.
        unsafe { fill_with(py, &self.g, mem, random::fill_raw::<Pcg64>) };
        Ok(())
    }

    /// Fill the integer (or bool) array `out` with `off + uniform[0, rng]` of its width, by
    /// Lemire's method or (`use_masked`) masked rejection; `off` and `rng` are uint64 arrays of
    /// one value or one per item.
    fn fill_bounded(
        &self,
        py: Python<'_>,
        out: &Bound<'_, PyNdArray>,
        off: &Bound<'_, PyNdArray>,
        rng: &Bound<'_, PyNdArray>,
        use_masked: bool,
    ) -> PyResult<()> {
        let a = out.get().array();
        let st = a.dtype().native_scalar();
        let bits = match st {
            Some(ScalarType::Bool) => 1,
            Some(
                t @ (ScalarType::Int8
                | ScalarType::UInt8
                | ScalarType::Int16
                | ScalarType::UInt16
                | ScalarType::Int32
                | ScalarType::UInt32
                | ScalarType::Int64
                | ScalarType::UInt64),
            ) => 8 * t.dtype().itemsize() as u32,
            _ => return Err(PyTypeError::new_err("output array has the wrong dtype")),
        };
        let (addr, len) = out_memory(out, st.expect("an integer type"))?;
        let (oa, on) = out_memory(off, ScalarType::UInt64)?;
        let (ra, rn) = out_memory(rng, ScalarType::UInt64)?;
        if !(on == 1 || on == len) || !(rn == 1 || rn == len) {
            return Err(PyValueError::new_err("bounds of the wrong size"));
        }
        let bytes = len * (bits as usize).div_ceil(8);
        // SAFETY: checked by out_memory; the arrays are held by the caller, and the output is
        // a fresh array distinct from the bounds.
        unsafe {
            fill_with(py, &self.g, (addr, bytes), |g, out: &mut [u8]| {
                let o = std::slice::from_raw_parts(oa as *const u64, on);
                let r = std::slice::from_raw_parts(ra as *const u64, rn);
                random::bounded::fill_bounded(g, bits, o, r, use_masked, out)
            })
        };
        Ok(())
    }

    /// Fill a float64 or float32 array with uniform draws in [0, 1).
    fn fill_random(&self, py: Python<'_>, out: &Bound<'_, PyNdArray>) -> PyResult<()> {
        if out.get().array().dtype().native_scalar() == Some(ScalarType::Float32) {
            let mem = out_memory(out, ScalarType::Float32)?;
            // SAFETY: as above.
            unsafe { fill_with(py, &self.g, mem, random::fill_float::<Pcg64>) };
        } else {
            let mem = out_memory(out, ScalarType::Float64)?;
            // SAFETY: as above.
            unsafe { fill_with(py, &self.g, mem, random::fill_double::<Pcg64>) };
        }
        Ok(())
    }
}
