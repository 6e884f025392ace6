//! The bit generators' state objects for `rumpy.random` (the Python classes are in
//! `rumpy/random/`): each holds a generator behind a lock, as numpy's do, and fills arrays
//! with the GIL released.

use std::sync::Mutex;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use super::array::PyNdArray;
use crate::dtype::ScalarType;
use crate::random::mt19937::Mt19937;
use crate::random::pcg64::{Pcg64, Pcg64Dxsm};
use crate::random::philox::Philox;
use crate::random::sfc64::Sfc64;
use crate::random::{self, BitGen, Cont, Disc};

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

/// A parameter array's items of dtype `want`, copied, so that the output (which may share
/// memory with it) can be written freely while they are read.
fn param_vec<T: Copy>(a: &Bound<'_, PyNdArray>, want: ScalarType) -> PyResult<Vec<T>> {
    let (addr, n) = in_memory(a, want)?;
    // SAFETY: checked by in_memory (aligned, contiguous, `n` items of `want`, which is `T`);
    // the array is held by the caller for the copy.
    Ok(unsafe { std::slice::from_raw_parts(addr as *const T, n) }.to_vec())
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
        let v = param_vec::<T>(a, want)?;
        if !(v.len() == 1 || v.len() == len) {
            return Err(PyValueError::new_err("parameters of the wrong size"));
        }
        out.push(v);
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

    /// `f` run on the generator with the Gaussian cache `gauss` (has, value); the cache
    /// after.
    fn with_aug<G: BitGen, R>(
        g: &mut G,
        gauss: (bool, f64),
        f: impl FnOnce(&mut random::legacy::Aug<'_, G>) -> R,
    ) -> (R, (bool, f64)) {
        let mut aug = random::legacy::Aug {
            g,
            has_gauss: gauss.0,
            gauss: gauss.1,
        };
        let r = f(&mut aug);
        (r, (aug.has_gauss, aug.gauss))
    }

    /// Fill `out` with a legacy sampler (`RandomState`): float64 (`cont`) or int64
    /// (`disc`, `dirichlet`). Returns the Gaussian cache after.
    #[allow(clippy::too_many_arguments)]
    pub fn fill_legacy<G: BitGen + Send>(
        py: Python<'_>,
        g: &Mutex<G>,
        name: &str,
        out: &Bound<'_, PyNdArray>,
        fp: &[Bound<'_, PyNdArray>],
        ip: &[Bound<'_, PyNdArray>],
        gauss: (bool, f64),
    ) -> PyResult<(bool, f64)> {
        let state = Mutex::new(gauss);
        let set = |v| *state.lock().unwrap_or_else(|e| e.into_inner()) = v;
        if name == "dirichlet" {
            let mem = out_memory(out, ScalarType::Float64)?;
            let Some(a) = fp.first() else {
                return Err(PyValueError::new_err("dirichlet: no alpha"));
            };
            let alpha = &param_vec::<f64>(a, ScalarType::Float64)?;
            if alpha.is_empty() || mem.1 % alpha.len() != 0 {
                return Err(PyValueError::new_err("dirichlet: wrong sizes"));
            }
            // SAFETY: as in the other fills.
            unsafe {
                fill_with(py, g, mem, |g, out: &mut [f64]| {
                    let ((), after) = with_aug(g, gauss, |a| {
                        random::multi::fill_dirichlet_legacy(a, alpha, out)
                    });
                    set(after)
                })
            };
        } else if let Some(kind) = Cont::from_name(name) {
            let mem = out_memory(out, ScalarType::Float64)?;
            let p = params::<f64>(fp, ScalarType::Float64, 3, mem.1)?;
            // SAFETY: as above.
            unsafe {
                fill_with(py, g, mem, |g, out: &mut [f64]| {
                    let ((), after) = with_aug(g, gauss, |a| {
                        random::fill_cont_legacy(a, kind, [&p[0], &p[1], &p[2]], out)
                    });
                    set(after)
                })
            };
        } else {
            let kind = disc_kind(name)?;
            let mem = out_memory(out, ScalarType::Int64)?;
            let f = params::<f64>(fp, ScalarType::Float64, 2, mem.1)?;
            let n = params::<i64>(ip, ScalarType::Int64, 3, mem.1)?;
            // SAFETY: as above.
            unsafe {
                fill_with(py, g, mem, |g, out: &mut [i64]| {
                    let ((), after) = with_aug(g, gauss, |a| {
                        random::fill_disc_legacy(
                            a,
                            kind,
                            [&f[0], &f[1]],
                            [&n[0], &n[1], &n[2]],
                            out,
                        )
                    });
                    set(after)
                })
            };
        }
        Ok(state.into_inner().unwrap_or_else(|e| e.into_inner()))
    }

    /// One draw of a legacy sampler: (value, has_gauss, gauss); `p` are the float
    /// parameters, `n` the integer ones.
    pub fn sample_legacy<G: BitGen>(
        g: &Mutex<G>,
        name: &str,
        p: [f64; 3],
        n: [i64; 3],
        gauss: (bool, f64),
    ) -> PyResult<(f64, i64, bool, f64)> {
        let mut g = g.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(kind) = Cont::from_name(name) {
            let mut out = [0.0];
            let ((), after) = with_aug(&mut *g, gauss, |a| {
                random::fill_cont_legacy(a, kind, [&p[0..1], &p[1..2], &p[2..3]], &mut out)
            });
            return Ok((out[0], 0, after.0, after.1));
        }
        let kind = disc_kind(name)?;
        let mut out = [0];
        let ((), after) = with_aug(&mut *g, gauss, |a| {
            random::fill_disc_legacy(
                a,
                kind,
                [&p[0..1], &p[1..2]],
                [&n[0..1], &n[1..2], &n[2..3]],
                &mut out,
            )
        });
        Ok((0.0, out[0], after.0, after.1))
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
        if !a.is_c_contiguous() {
            return Err(PyValueError::new_err("output array must be C-contiguous"));
        }
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

    /// One of the vector samplers into the zeroed array `out` (rows of `k`): `multinomial`
    /// (int64; `ints` = n per row or one, `floats` = p, one row or one per row),
    /// `dirichlet` (float64; `floats` = alpha), `mvhg_count` / `mvhg_marginals` (int64;
    /// `ints` = colors, `nsample`).
    #[allow(clippy::too_many_arguments)]
    pub fn fill_vectors<G: BitGen + Send>(
        py: Python<'_>,
        g: &Mutex<G>,
        name: &str,
        out: &Bound<'_, PyNdArray>,
        k: usize,
        ints: &Bound<'_, PyNdArray>,
        floats: &Bound<'_, PyNdArray>,
        nsample: i64,
    ) -> PyResult<()> {
        let ints = param_vec::<i64>(ints, ScalarType::Int64)?;
        let floats = param_vec::<f64>(floats, ScalarType::Float64)?;
        let rows = |len: usize| len.checked_div(k).unwrap_or(0);
        match name {
            "dirichlet" => {
                let mem = out_memory(out, ScalarType::Float64)?;
                if k != floats.len() || mem.1 % k.max(1) != 0 {
                    return Err(PyValueError::new_err("dirichlet: wrong sizes"));
                }
                // SAFETY: as in fill_with's other callers.
                unsafe {
                    fill_with(py, g, mem, |g, out: &mut [f64]| {
                        random::multi::fill_dirichlet(g, &floats, out)
                    })
                };
                Ok(())
            }
            "multinomial" => {
                let mem = out_memory(out, ScalarType::Int64)?;
                let r = rows(mem.1);
                if k == 0
                    || mem.1 % k != 0
                    || !(ints.len() == 1 || ints.len() == r)
                    || !(floats.len() == k || floats.len() == r * k)
                {
                    return Err(PyValueError::new_err("multinomial: wrong sizes"));
                }
                // SAFETY: as above.
                unsafe {
                    fill_with(py, g, mem, |g, out: &mut [i64]| {
                        random::multi::fill_multinomial(g, &ints, &floats, k, out)
                    })
                };
                Ok(())
            }
            "mvhg_count" | "mvhg_marginals" => {
                let mem = out_memory(out, ScalarType::Int64)?;
                let total = ints
                    .iter()
                    .try_fold(0i64, |s, &c| if c < 0 { None } else { s.checked_add(c) });
                if k != ints.len() || mem.1 % k.max(1) != 0 || total.is_none_or(|t| nsample > t) {
                    return Err(PyValueError::new_err(
                        "multivariate_hypergeometric: bad input",
                    ));
                }
                let count = name == "mvhg_count";
                let failed = std::sync::atomic::AtomicBool::new(false);
                // SAFETY: as above.
                unsafe {
                    fill_with(py, g, mem, |g, out: &mut [i64]| {
                        if !count {
                            random::multi::fill_mvhg_marginals(g, &ints, nsample, out)
                        } else if random::multi::fill_mvhg_count(g, &ints, nsample, out).is_err() {
                            failed.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                    })
                };
                if failed.into_inner() {
                    return Err(pyo3::exceptions::PyMemoryError::new_err(format!(
                        "Insufficient memory for multivariate_hypergeometric with \
                         method='count' and sum(colors)={}",
                        total.unwrap_or(0)
                    )));
                }
                Ok(())
            }
            _ => Err(PyValueError::new_err(format!("no sampler {name}"))),
        }
    }

    pub fn fill_floyd<G: BitGen + Send>(
        py: Python<'_>,
        g: &Mutex<G>,
        out: &Bound<'_, PyNdArray>,
        pop_size: u64,
        shuffle: bool,
    ) -> PyResult<()> {
        let mem = out_memory(out, ScalarType::Int64)?;
        if pop_size > i64::MAX as u64 {
            return Err(pyo3::exceptions::PyOverflowError::new_err(
                "population too large for int64",
            ));
        }
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

/// A bit generator's state behind its lock.
macro_rules! locked {
    ($t:ident, $g:ty) => {
        impl $t {
            fn with<R>(&self, f: impl FnOnce(&mut $g) -> R) -> R {
                f(&mut self.g.lock().unwrap_or_else(|e| e.into_inner()))
            }
        }
    };
}

/// PCG64's state (numpy's `pcg64_state`).
#[pyclass(name = "_PCG64State", module = "rumpy._core", frozen)]
pub struct PyPcg64 {
    g: Mutex<Pcg64>,
}

locked!(PyPcg64, Pcg64);

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
}

/// PCG64DXSM's state (numpy's `pcg64_state`, stepped with the cheap multiplier).
#[pyclass(name = "_PCG64DXSMState", module = "rumpy._core", frozen)]
pub struct PyPcg64Dxsm {
    g: Mutex<Pcg64Dxsm>,
}

locked!(PyPcg64Dxsm, Pcg64Dxsm);

#[pymethods]
impl PyPcg64Dxsm {
    /// Seeded as PCG64 from `SeedSequence.generate_state(4, uint64)`.
    #[new]
    fn new(words: [u64; 4]) -> Self {
        PyPcg64Dxsm {
            g: Mutex::new(Pcg64Dxsm::seeded(words)),
        }
    }

    /// (state, inc, has_uint32, uinteger).
    fn get_state(&self) -> (u128, u128, bool, u32) {
        self.with(|g| (g.state, g.inc, g.has_uint32, g.uinteger))
    }

    fn set_state(&self, state: u128, inc: u128, has_uint32: bool, uinteger: u32) {
        self.with(|g| {
            *g = Pcg64Dxsm {
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
}

/// SFC64's state (numpy's `sfc64_state`).
#[pyclass(name = "_SFC64State", module = "rumpy._core", frozen)]
pub struct PySfc64 {
    g: Mutex<Sfc64>,
}

locked!(PySfc64, Sfc64);

#[pymethods]
impl PySfc64 {
    /// Seeded from `SeedSequence.generate_state(3, uint64)`.
    #[new]
    fn new(words: [u64; 3]) -> Self {
        PySfc64 {
            g: Mutex::new(Sfc64::seeded(words)),
        }
    }

    /// (s, has_uint32, uinteger).
    fn get_state(&self) -> ([u64; 4], bool, u32) {
        self.with(|g| (g.s, g.has_uint32, g.uinteger))
    }

    fn set_state(&self, s: [u64; 4], has_uint32: bool, uinteger: u32) {
        self.with(|g| {
            *g = Sfc64 {
                s,
                has_uint32,
                uinteger,
            }
        })
    }
}

/// Philox 4x64-10's state (numpy's `philox_state`).
#[pyclass(name = "_PhiloxState", module = "rumpy._core", frozen)]
pub struct PyPhilox {
    g: Mutex<Philox>,
}

locked!(PyPhilox, Philox);

#[pymethods]
impl PyPhilox {
    /// A counter (four words, least significant first) and a key (two words).
    #[new]
    fn new(ctr: [u64; 4], key: [u64; 2]) -> Self {
        PyPhilox {
            g: Mutex::new(Philox::new(ctr, key)),
        }
    }

    /// (counter, key, buffer, buffer_pos, has_uint32, uinteger).
    #[allow(clippy::type_complexity)]
    fn get_state(&self) -> ([u64; 4], [u64; 2], [u64; 4], usize, bool, u32) {
        self.with(|g| {
            (
                g.ctr,
                g.key,
                g.buffer,
                g.buffer_pos,
                g.has_uint32,
                g.uinteger,
            )
        })
    }

    fn set_state(
        &self,
        ctr: [u64; 4],
        key: [u64; 2],
        buffer: [u64; 4],
        buffer_pos: usize,
        has_uint32: bool,
        uinteger: u32,
    ) -> PyResult<()> {
        if buffer_pos > 4 {
            return Err(PyValueError::new_err("buffer_pos must be at most 4"));
        }
        self.with(|g| {
            *g = Philox {
                ctr,
                key,
                buffer,
                buffer_pos,
                has_uint32,
                uinteger,
            }
        });
        Ok(())
    }

    /// `delta` blocks on (a 256-bit number as four words, least significant first).
    fn advance(&self, delta: [u64; 4]) {
        self.with(|g| g.advance(delta))
    }
}

/// MT19937's state (numpy's `mt19937_state`).
#[pyclass(name = "_MT19937State", module = "rumpy._core", frozen)]
pub struct PyMt19937 {
    g: Mutex<Mt19937>,
}

locked!(PyMt19937, Mt19937);

fn mt_key(words: &[u32]) -> PyResult<()> {
    if words.len() != 624 {
        return Err(PyValueError::new_err("state must be 624 words"));
    }
    Ok(())
}

#[pymethods]
impl PyMt19937 {
    /// Seeded from `SeedSequence.generate_state(624, uint32)`.
    #[new]
    fn new(words: Vec<u32>) -> PyResult<Self> {
        mt_key(&words)?;
        Ok(PyMt19937 {
            g: Mutex::new(Mt19937::seeded(&words)),
        })
    }

    /// numpy's legacy seeding from one 32-bit value.
    fn legacy_seed(&self, seed: u32) {
        self.with(|g| *g = Mt19937::legacy_seeded(seed))
    }

    /// numpy's legacy seeding from an array of 32-bit words (`init_by_array`).
    fn legacy_seed_array(&self, words: Vec<u32>) {
        self.with(|g| *g = Mt19937::legacy_seeded_by_array(&words))
    }

    /// (key, pos).
    fn get_state(&self) -> (Vec<u32>, usize) {
        self.with(|g| (g.key.to_vec(), g.pos))
    }

    fn set_state(&self, key: Vec<u32>, pos: usize) -> PyResult<()> {
        mt_key(&key)?;
        if pos > 624 {
            return Err(PyValueError::new_err("pos must be at most 624"));
        }
        self.with(|g| {
            g.key.copy_from_slice(&key);
            g.pos = pos;
        });
        Ok(())
    }

    /// `jumps` jumps of 2**128 draws.
    fn jump(&self, py: Python<'_>, jumps: u64) {
        py.detach(|| {
            self.with(|g| {
                for _ in 0..jumps {
                    g.jump()
                }
            })
        })
    }
}

/// The methods every bit generator's state object has: draws, fills and samplers.
macro_rules! common_methods {
    ($t:ty) => {
        #[pymethods]
        impl $t {
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
                unsafe { fill_with(py, &self.g, mem, |g, o| random::fill_raw(g, o)) };
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
                    unsafe { fill_with(py, &self.g, mem, |g, o| random::fill_float(g, o)) };
                } else {
                    let mem = out_memory(out, ScalarType::Float64)?;
                    // SAFETY: as above.
                    unsafe { fill_with(py, &self.g, mem, |g, o| random::fill_double(g, o)) };
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
            fn sample_disc(
                &self,
                name: &str,
                a: f64,
                b: f64,
                n0: i64,
                n1: i64,
                n2: i64,
            ) -> PyResult<i64> {
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

            /// Fill `out` with the legacy (`RandomState`) sampler `name`, given the
            /// Gaussian cache (has, value); returns the cache after.
            #[allow(clippy::too_many_arguments)]
            fn fill_legacy(
                &self,
                py: Python<'_>,
                name: &str,
                out: &Bound<'_, PyNdArray>,
                fparams: Vec<Bound<'_, PyNdArray>>,
                iparams: Vec<Bound<'_, PyNdArray>>,
                has_gauss: bool,
                gauss: f64,
            ) -> PyResult<(bool, f64)> {
                draw::fill_legacy(py, &self.g, name, out, &fparams, &iparams, (has_gauss, gauss))
            }

            /// One draw of the legacy sampler `name`: (float value, int value, has_gauss,
            /// gauss).
            #[pyo3(signature = (name, a=0.0, b=0.0, c=0.0, n0=0, n1=0, n2=0, has_gauss=false, gauss=0.0))]
            #[allow(clippy::too_many_arguments)]
            fn sample_legacy(
                &self,
                name: &str,
                a: f64,
                b: f64,
                c: f64,
                n0: i64,
                n1: i64,
                n2: i64,
                has_gauss: bool,
                gauss: f64,
            ) -> PyResult<(f64, i64, bool, f64)> {
                draw::sample_legacy(&self.g, name, [a, b, c], [n0, n1, n2], (has_gauss, gauss))
            }

            /// A vector sampler into the zeroed array `out` (see `draw::fill_vectors`).
            #[allow(clippy::too_many_arguments)]
            fn fill_vectors(
                &self,
                py: Python<'_>,
                name: &str,
                out: &Bound<'_, PyNdArray>,
                k: usize,
                ints: &Bound<'_, PyNdArray>,
                floats: &Bound<'_, PyNdArray>,
                nsample: i64,
            ) -> PyResult<()> {
                draw::fill_vectors(py, &self.g, name, out, k, ints, floats, nsample)
            }
        }
    };
}

common_methods!(PyPcg64);
common_methods!(PyPcg64Dxsm);
common_methods!(PySfc64);
common_methods!(PyPhilox);
common_methods!(PyMt19937);
