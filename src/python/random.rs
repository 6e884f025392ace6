//! The bit generators' state objects for `rumpy.random` (the Python classes are in
//! `rumpy/random/`): each holds a generator behind a lock, as numpy's do, and fills arrays
//! with the GIL released.

use std::sync::Mutex;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use super::array::PyNdArray;
use crate::dtype::ScalarType;
use crate::random::{self, pcg64::Pcg64, BitGen, Cont, Disc};

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

/// The aligned, contiguous memory of a parameter array of dtype `want`: (address, items).
fn in_memory(a: &Bound<'_, PyNdArray>, want: ScalarType) -> PyResult<(usize, usize)> {
    let a = a.get().array();
    let align = want.dtype().itemsize();
    if a.dtype().native_scalar() != Some(want)
        || !(a.is_c_contiguous() || a.is_f_contiguous())
        || !(a.data_ptr() as usize).is_multiple_of(align)
    {
        return Err(PyTypeError::new_err(
            "parameters must be aligned contiguous arrays",
        ));
    }
    Ok((a.data_ptr() as usize, a.size()))
}

/// Parameter arrays (`want` items, one or `len` each) copied out of the output's memory
/// `(addr, bytes)`, up to `k` of them (missing ones are one zero).
fn params<T: Copy + Default>(
    arrays: &[Bound<'_, PyNdArray>],
    want: ScalarType,
    k: usize,
    len: usize,
) -> PyResult<Vec<Vec<T>>> {
    if arrays.len() > k {
        return Err(PyValueError::new_err("too many parameters"));
    }
    let mut out = Vec::with_capacity(k);
    for a in arrays {
        let (addr, n) = in_memory(a, want)?;
        if !(n == 1 || n == len) {
            return Err(PyValueError::new_err("parameters of the wrong size"));
        }
        // SAFETY: checked by in_memory; the array is held by the caller. Copied, so the
        // output (which may share memory with it) can be written freely.
        out.push(unsafe { std::slice::from_raw_parts(addr as *const T, n) }.to_vec());
    }
    out.resize(k, vec![T::default()]);
    Ok(out)
}

fn cont_kind(name: &str) -> PyResult<Cont> {
    Cont::from_name(name).ok_or_else(|| PyValueError::new_err(format!("no sampler {name}")))
}

fn disc_kind(name: &str) -> PyResult<Disc> {
    Disc::from_name(name).ok_or_else(|| PyValueError::new_err(format!("no sampler {name}")))
}

/// The samplers, shared by every bit generator's state object.
mod draw {
    use super::*;

    pub fn fill_cont<G: BitGen + Send>(
        py: Python<'_>,
        g: &Mutex<G>,
        name: &str,
        out: &Bound<'_, PyNdArray>,
        p: &[Bound<'_, PyNdArray>],
    ) -> PyResult<()> {
        let kind = cont_kind(name)?;
        if out.get().array().dtype().native_scalar() == Some(ScalarType::Float32) {
            let mem = out_memory(out, ScalarType::Float32)?;
            let p = params::<f32>(p, ScalarType::Float32, 1, mem.1)?;
            if !matches!(
                kind,
                Cont::StandardNormal
                    | Cont::StandardExponential
                    | Cont::StandardExponentialInv
                    | Cont::StandardGamma
            ) {
                return Err(PyTypeError::new_err("no float32 sampler"));
            }
            // SAFETY: checked by out_memory; the array is held by the caller.
            unsafe {
                fill_with(py, g, mem, |g, out: &mut [f32]| {
                    random::fill_cont_f(g, kind, &p[0], out);
                })
            };
            return Ok(());
        }
        let mem = out_memory(out, ScalarType::Float64)?;
        let p = params::<f64>(p, ScalarType::Float64, 3, mem.1)?;
        // SAFETY: as above.
        unsafe {
            fill_with(py, g, mem, |g, out: &mut [f64]| {
                random::fill_cont(g, kind, [&p[0], &p[1], &p[2]], out)
            })
        };
        Ok(())
    }

    pub fn fill_disc<G: BitGen + Send>(
        py: Python<'_>,
        g: &Mutex<G>,
        name: &str,
        out: &Bound<'_, PyNdArray>,
        fp: &[Bound<'_, PyNdArray>],
        ip: &[Bound<'_, PyNdArray>],
    ) -> PyResult<()> {
        let kind = disc_kind(name)?;
        let mem = out_memory(out, ScalarType::Int64)?;
        let f = params::<f64>(fp, ScalarType::Float64, 2, mem.1)?;
        let n = params::<i64>(ip, ScalarType::Int64, 3, mem.1)?;
        // SAFETY: as above.
        unsafe {
            fill_with(py, g, mem, |g, out: &mut [i64]| {
                random::fill_disc(g, kind, [&f[0], &f[1]], [&n[0], &n[1], &n[2]], out)
            })
        };
        Ok(())
    }

    pub fn sample_cont<G: BitGen>(g: &Mutex<G>, name: &str, p: [f64; 3]) -> PyResult<f64> {
        let kind = cont_kind(name)?;
        let mut out = [0.0];
        let mut g = g.lock().unwrap_or_else(|e| e.into_inner());
        random::fill_cont(&mut *g, kind, [&p[0..1], &p[1..2], &p[2..3]], &mut out);
        Ok(out[0])
    }

    pub fn sample_cont_f<G: BitGen>(g: &Mutex<G>, name: &str, shape: f32) -> PyResult<f32> {
        let kind = cont_kind(name)?;
        let mut out = [0.0];
        let mut g = g.lock().unwrap_or_else(|e| e.into_inner());
        if !random::fill_cont_f(&mut *g, kind, &[shape], &mut out) {
            return Err(PyTypeError::new_err("no float32 sampler"));
        }
        Ok(out[0])
    }

    pub fn sample_disc<G: BitGen>(
        g: &Mutex<G>,
        name: &str,
        f: [f64; 2],
        n: [i64; 3],
    ) -> PyResult<i64> {
        let kind = disc_kind(name)?;
        let mut out = [0];
        let mut g = g.lock().unwrap_or_else(|e| e.into_inner());
        random::fill_disc(
            &mut *g,
            kind,
            [&f[0..1], &f[1..2]],
            [&n[0..1], &n[1..2], &n[2..3]],
            &mut out,
        );
        Ok(out[0])
    }

    /// Permutations of `0..n` (each row of the int64 array `out`), numpy's shuffles.
    pub fn fill_permutation<G: BitGen + Send>(
        py: Python<'_>,
        g: &Mutex<G>,
        out: &Bound<'_, PyNdArray>,
        first: usize,
        masked: bool,
    ) -> PyResult<()> {
        let a = out.get().array();
        let n = a.shape().last().copied().unwrap_or(1);
        let mem = out_memory(out, ScalarType::Int64)?;
        // SAFETY: as above.
        unsafe {
            fill_with(py, g, mem, |g, out: &mut [i64]| {
                if n > 0 {
                    for row in out.chunks_mut(n) {
                        random::fill_permutation(g, first, masked, row)
                    }
                }
            })
        };
        Ok(())
    }

    pub fn fill_floyd<G: BitGen + Send>(
        py: Python<'_>,
        g: &Mutex<G>,
        out: &Bound<'_, PyNdArray>,
        pop_size: u64,
        shuffle: bool,
    ) -> PyResult<()> {
        let mem = out_memory(out, ScalarType::Int64)?;
        if mem.1 as u64 > pop_size {
            return Err(PyValueError::new_err("sample larger than the population"));
        }
        // SAFETY: as above.
        unsafe {
            fill_with(py, g, mem, |g, out: &mut [i64]| {
                random::fill_floyd(g, pop_size, shuffle, out)
            })
        };
        Ok(())
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

    /// Fill a float64 (or, for the standard samplers, float32) array with draws of the
    /// sampler `name`; `params` are float arrays of one item or one per item.
    fn fill_cont(
        &self,
        py: Python<'_>,
        name: &str,
        out: &Bound<'_, PyNdArray>,
        params: Vec<Bound<'_, PyNdArray>>,
    ) -> PyResult<()> {
        draw::fill_cont(py, &self.g, name, out, &params)
    }

    /// Fill an int64 array with draws of the discrete sampler `name`.
    fn fill_disc(
        &self,
        py: Python<'_>,
        name: &str,
        out: &Bound<'_, PyNdArray>,
        fparams: Vec<Bound<'_, PyNdArray>>,
        iparams: Vec<Bound<'_, PyNdArray>>,
    ) -> PyResult<()> {
        draw::fill_disc(py, &self.g, name, out, &fparams, &iparams)
    }

    /// One draw of the sampler `name`.
    #[pyo3(signature = (name, a=0.0, b=0.0, c=0.0))]
    fn sample_cont(&self, name: &str, a: f64, b: f64, c: f64) -> PyResult<f64> {
        draw::sample_cont(&self.g, name, [a, b, c])
    }

    /// One float32 draw of the sampler `name`.
    #[pyo3(signature = (name, shape=0.0))]
    fn sample_cont_f(&self, name: &str, shape: f32) -> PyResult<f32> {
        draw::sample_cont_f(&self.g, name, shape)
    }

    /// One draw of the discrete sampler `name`.
    #[pyo3(signature = (name, a=0.0, b=0.0, n0=0, n1=0, n2=0))]
    fn sample_disc(&self, name: &str, a: f64, b: f64, n0: i64, n1: i64, n2: i64) -> PyResult<i64> {
        draw::sample_disc(&self.g, name, [a, b], [n0, n1, n2])
    }

    /// Each row of the int64 array `out` becomes the permutation numpy's shuffle makes.
    fn fill_permutation(
        &self,
        py: Python<'_>,
        out: &Bound<'_, PyNdArray>,
        first: usize,
        masked: bool,
    ) -> PyResult<()> {
        draw::fill_permutation(py, &self.g, out, first, masked)
    }

    /// `out` (int64) becomes a sample without replacement of `0..pop_size` (Floyd).
    fn fill_floyd(
        &self,
        py: Python<'_>,
        out: &Bound<'_, PyNdArray>,
        pop_size: u64,
        shuffle: bool,
    ) -> PyResult<()> {
        draw::fill_floyd(py, &self.g, out, pop_size, shuffle)
    }
}
