//! The particle field's physics on record arrays: any array whose dtype has float64 fields
//! `value`, `velocity`, `mass`, `damping` and `target` (other fields are left alone), of any
//! shape and layout.
//!
//! `step` is a kernel over the record view: atoms are independent, so each cache-sized block
//! of atoms is gathered into field columns, all cycles run on it (a loop the compiler
//! vectorises), and it is scattered back; blocks run on all cores. The arithmetic is exactly
//! NumPy's float64 sequence (no fused multiply-add, no reciprocal), so results are
//! bit-identical to evaluating the formulas with NumPy arrays.

use std::sync::Mutex;

use crate::array::NdArray;
use crate::dtype::ScalarType;
use crate::error::Result;

pub const FIELD_NAMES: [&str; 5] = ["value", "velocity", "mass", "damping", "target"];

/// Field operations on the same memory from several threads run one at a time.
static FIELD_LOCK: Mutex<()> = Mutex::new(());

/// Byte offsets of the five float64 fields, or NumPy-style errors.
pub fn field_offsets(a: &NdArray) -> Result<[usize; 5]> {
    let fs = a.dtype().fields().ok_or_else(|| {
        crate::Error::Type(format!(
            "a field array needs a record dtype with float64 fields {}; got {}",
            FIELD_NAMES.join(", "),
            a.dtype()
        ))
    })?;
    let f64t = ScalarType::Float64.dtype();
    let mut out = [0usize; 5];
    let mut missing = Vec::new();
    for (k, name) in FIELD_NAMES.iter().enumerate() {
        match fs.iter().find(|f| f.name == *name) {
            Some(f) if f.dtype == f64t => out[k] = f.offset,
            _ => missing.push(*name),
        }
    }
    ensure!(
        missing.is_empty(),
        Type,
        "the dtype lacks native float64 field(s): {}",
        missing.join(", ")
    );
    Ok(out)
}

const BLOCK: usize = 1024;

/// Run `cycles` steps of `dt` on `n` atoms (records `stride` bytes apart from `p`).
///
/// # Safety
/// `p` and the strides address `n` writable records holding the fields at `off`.
unsafe fn step_line(p: *mut u8, n: usize, stride: isize, off: &[usize; 5], cycles: u64, dt: f64) {
    let mut v = [0f64; BLOCK];
    let mut vel = [0f64; BLOCK];
    let mut m = [0f64; BLOCK];
    let mut d = [0f64; BLOCK];
    let mut t = [0f64; BLOCK];
    let mut start = 0;
    while start < n {
        let len = BLOCK.min(n - start);
        // SAFETY: inside the caller's records; fields may be unaligned in packed records.
        unsafe {
            let rec = |i: usize, k: usize| p.offset((start + i) as isize * stride).add(off[k]);
            for i in 0..len {
                v[i] = std::ptr::read_unaligned(rec(i, 0) as *const f64);
                vel[i] = std::ptr::read_unaligned(rec(i, 1) as *const f64);
                m[i] = std::ptr::read_unaligned(rec(i, 2) as *const f64);
                d[i] = std::ptr::read_unaligned(rec(i, 3) as *const f64);
                t[i] = std::ptr::read_unaligned(rec(i, 4) as *const f64);
            }
            step_block(
                &mut v[..len],
                &mut vel[..len],
                &m[..len],
                &d[..len],
                &t[..len],
                cycles,
                dt,
            );
            for i in 0..len {
                std::ptr::write_unaligned(rec(i, 0) as *mut f64, v[i]);
                std::ptr::write_unaligned(rec(i, 1) as *mut f64, vel[i]);
            }
        }
        start += len;
    }
}

/// The cycles on one block of columns, in NumPy's order of operations.
#[inline(always)]
fn step_cycles(
    v: &mut [f64],
    vel: &mut [f64],
    m: &[f64],
    d: &[f64],
    t: &[f64],
    cycles: u64,
    dt: f64,
) {
    for _ in 0..cycles {
        for i in 0..v.len() {
            let force = t[i] - v[i];
            let acc = force / m[i];
            let mut w = vel[i] + acc * dt;
            w *= 1.0 - d[i];
            let x = v[i] + w * dt;
            let ok = x.is_finite();
            v[i] = if ok { x } else { 0.0 };
            vel[i] = if ok { w } else { 0.0 };
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vl")]
unsafe fn step_avx512(
    v: &mut [f64],
    vel: &mut [f64],
    m: &[f64],
    d: &[f64],
    t: &[f64],
    cycles: u64,
    dt: f64,
) {
    step_cycles(v, vel, m, d, t, cycles, dt)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn step_avx2(
    v: &mut [f64],
    vel: &mut [f64],
    m: &[f64],
    d: &[f64],
    t: &[f64],
    cycles: u64,
    dt: f64,
) {
    step_cycles(v, vel, m, d, t, cycles, dt)
}

/// One block, with the widest vector instructions this CPU has (no FMA is enabled, so every
/// level gives the same bits).
fn step_block(
    v: &mut [f64],
    vel: &mut [f64],
    m: &[f64],
    d: &[f64],
    t: &[f64],
    cycles: u64,
    dt: f64,
) {
    use crate::loops::elementwise::{simd_level, Simd};
    #[cfg(target_arch = "x86_64")]
    // SAFETY: each version runs only on a CPU with its features.
    unsafe {
        match simd_level() {
            Simd::Avx512 => return step_avx512(v, vel, m, d, t, cycles, dt),
            Simd::Avx2 => return step_avx2(v, vel, m, d, t, cycles, dt),
            Simd::Baseline => {}
        }
    }
    step_cycles(v, vel, m, d, t, cycles, dt)
}

/// `rp.step`: `cycles` steps of `dt` on every atom of `a`, in place.
pub fn step(a: &NdArray, cycles: i64, dt: f64) -> Result<()> {
    let off = field_offsets(a)?;
    a.check_writeable()?;
    ensure!(
        dt.is_finite() && dt > 0.0,
        Value,
        "dt must be finite and positive, got {}",
        dt
    );
    ensure!(
        cycles >= 0,
        Value,
        "cycles must be non-negative, got {}",
        cycles
    );
    if cycles == 0 || a.size() == 0 {
        return Ok(());
    }
    let _guard = FIELD_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut lines: Vec<(usize, usize, isize)> = Vec::new();
    crate::loops::for_each_line1(a.shape(), a.strides(), a.data_ptr(), false, |p, n, s| {
        lines.push((p as usize, n, s))
    });
    // Split long lines into blocks so that every core gets work.
    let threads = rayon::current_num_threads().max(1);
    let per_task = (a.size() / (threads * 4)).clamp(BLOCK, 16 * BLOCK);
    let mut tasks: Vec<(usize, usize, isize)> = Vec::new();
    for (p, n, s) in lines {
        let mut k = 0;
        while k < n {
            let len = per_task.min(n - k);
            tasks.push(((p as isize + k as isize * s) as usize, len, s));
            k += len;
        }
    }
    let run = |&(p, n, s): &(usize, usize, isize)| {
        // SAFETY: the walker's lines cover the array's records, each once; tasks are disjoint.
        unsafe { step_line(p as *mut u8, n, s, &off, cycles as u64, dt) }
    };
    if tasks.len() > 1 && (a.size() as u64) * (cycles as u64) >= 1 << 16 {
        use rayon::prelude::*;
        tasks.par_iter().for_each(run);
    } else {
        tasks.iter().for_each(run);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_cycle_by_hand() {
        // value 0, velocity 0, mass 2, damping 0.5, target 1, dt 0.1:
        // force 1, acc 0.5, velocity 0.05 then 0.025, value 0.0025.
        let (mut v, mut w) = ([0.0], [0.0]);
        super::step_block(&mut v, &mut w, &[2.0], &[0.5], &[1.0], 1, 0.1);
        assert_eq!(w[0], (0.0 + 0.5 * 0.1) * (1.0 - 0.5));
        assert_eq!(v[0], 0.0 + w[0] * 0.1);
    }
}

/// How a written column is checked and shaped.
#[derive(Copy, Clone)]
pub enum Col {
    /// Must be finite (value, target).
    Finite,
    /// Clamped to at least 1e-6 (mass).
    MassFloor,
    /// Clamped to [0, 1] (damping).
    Unit,
    /// Set to zero (velocity, after a force).
    Zero,
}

/// `force` / `set_props` / `set_target`: write field columns (by index into FIELD_NAMES) at
/// `items`, values broadcast to the indexed shape. Everything is checked before anything is
/// written.
pub fn assign_at(
    a: &NdArray,
    items: &[crate::array::fancy::Fancy],
    cols: &[(usize, Col, Option<&NdArray>)],
) -> Result<()> {
    let off = field_offsets(a)?;
    a.check_writeable()?;
    let pos = a.fancy_positions(items)?;
    let f64t = ScalarType::Float64.dtype();
    let mut prepared: Vec<(usize, Col, Option<NdArray>)> = Vec::with_capacity(cols.len());
    for &(k, col, vals) in cols {
        let v = match vals {
            Some(v) => {
                let b = v.broadcast_to(&pos.shape).map_err(|_| {
                    crate::Error::Value(format!(
                        "could not broadcast {} values of shape {} to the {} indexed atoms",
                        FIELD_NAMES[k],
                        crate::array::shape_repr(v.shape()),
                        crate::array::shape_repr(&pos.shape)
                    ))
                })?;
                let c = b.astype(&f64t, crate::array::Order::C)?;
                // SAFETY: a fresh C-contiguous float64 array.
                let xs =
                    unsafe { std::slice::from_raw_parts(c.data_ptr() as *const f64, c.size()) };
                match col {
                    Col::Finite => ensure!(
                        xs.iter().all(|x| x.is_finite()),
                        Value,
                        "{} values must be finite",
                        FIELD_NAMES[k]
                    ),
                    Col::MassFloor | Col::Unit => ensure!(
                        xs.iter().all(|x| !x.is_nan()),
                        Value,
                        "{} values must not be NaN",
                        FIELD_NAMES[k]
                    ),
                    Col::Zero => {}
                }
                Some(c)
            }
            None => None,
        };
        prepared.push((k, col, v));
    }
    let _guard = FIELD_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let base = a.data_ptr();
    for (k, col, v) in &prepared {
        for (i, &o) in pos.offsets.iter().enumerate() {
            let x = match (col, v) {
                (Col::Zero, _) | (_, None) => 0.0,
                // SAFETY: i < size of the broadcast copy.
                (_, Some(v)) => unsafe { *(v.data_ptr() as *const f64).add(i) },
            };
            let x = match col {
                Col::MassFloor => x.max(1e-6),
                Col::Unit => x.clamp(0.0, 1.0),
                _ => x,
            };
            // SAFETY: o addresses a record of `a` (bounds checked by fancy_positions).
            unsafe { std::ptr::write_unaligned(base.offset(o).add(off[*k]) as *mut f64, x) };
        }
    }
    Ok(())
}

/// `rp.resonate`: pairs (i, j) of flat indices (broadcast with `strength`), applied in order,
/// unbuffered: delta = value[j] - value[i]; f = delta * strength;
/// velocity[i] += f / mass[i] * 0.1; velocity[j] -= f / mass[j] * 0.1; i == j is skipped.
pub fn resonate(a: &NdArray, i: &NdArray, j: &NdArray, strength: &NdArray) -> Result<()> {
    let off = field_offsets(a)?;
    a.check_writeable()?;
    let shape = crate::array::broadcast_shapes(&[i.shape(), j.shape(), strength.shape()])?;
    let i64t = ScalarType::Int64.dtype();
    let f64t = ScalarType::Float64.dtype();
    let ic = i
        .broadcast_to(&shape)?
        .astype(&i64t, crate::array::Order::C)?;
    let jc = j
        .broadcast_to(&shape)?
        .astype(&i64t, crate::array::Order::C)?;
    let sc = strength
        .broadcast_to(&shape)?
        .astype(&f64t, crate::array::Order::C)?;
    let n = ic.size();
    // SAFETY: fresh C-contiguous arrays of n items.
    let (is, js, ss) = unsafe {
        (
            std::slice::from_raw_parts(ic.data_ptr() as *const i64, n),
            std::slice::from_raw_parts(jc.data_ptr() as *const i64, n),
            std::slice::from_raw_parts(sc.data_ptr() as *const f64, n),
        )
    };
    let size = a.size() as i64;
    let norm = |x: i64| -> Result<usize> {
        crate::array::index::wrap_index(x, size).ok_or_else(|| {
            crate::Error::Index(format!(
                "index {x} is out of bounds for a field of size {size}"
            ))
        })
    };
    // Byte offsets of the records, computed once (a 1-d field needs no unravelling).
    let one_d = a.ndim() == 1;
    let stride0 = a.strides().first().copied().unwrap_or(0);
    let rec = |idx: usize| {
        if one_d {
            idx as isize * stride0
        } else {
            a.flat_offset(idx)
        }
    };
    let mut pairs = Vec::with_capacity(n);
    for k in 0..n {
        let (pi, pj) = (norm(is[k])?, norm(js[k])?);
        pairs.push((pi == pj, rec(pi), rec(pj), ss[k]));
    }
    let _guard = FIELD_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let base = a.data_ptr();
    // SAFETY: every index was checked against the field's size; fields are read and written
    // unaligned (packed records).
    unsafe {
        let fld = |rec: isize, k: usize| base.offset(rec).add(off[k]) as *mut f64;
        for (same, pi, pj, s) in pairs {
            if same {
                continue;
            }
            let vi = std::ptr::read_unaligned(fld(pi, 0));
            let vj = std::ptr::read_unaligned(fld(pj, 0));
            let f = (vj - vi) * s;
            let mi = std::ptr::read_unaligned(fld(pi, 2));
            let mj = std::ptr::read_unaligned(fld(pj, 2));
            let wi = std::ptr::read_unaligned(fld(pi, 1));
            std::ptr::write_unaligned(fld(pi, 1), wi + f / mi * 0.1);
            let wj = std::ptr::read_unaligned(fld(pj, 1));
            std::ptr::write_unaligned(fld(pj, 1), wj - f / mj * 0.1);
        }
    }
    Ok(())
}
