//! Running a resolved ufunc: cast inputs to the loop's types, broadcast, allocate or check the
//! outputs, and walk memory with the loop.

use std::sync::atomic::{AtomicU32, Ordering};

use smallvec::SmallVec;

use super::resolve::{resolve, OpKind};
use super::Ufunc;
use crate::array::{dtype_str, shape_repr, NdArray, Order};
use crate::dtype::method::is_extension;
use crate::dtype::promote::{can_cast, Casting, WeakKind};
use crate::dtype::{DType, Element, Num, ScalarType};
use crate::error::{Error, Result};
use crate::loops::elementwise::LoopFn;

/// One input of a ufunc call.
#[derive(Clone)]
pub enum Input {
    Array(NdArray),
    /// A Python scalar (weak under NEP 50).
    Weak(Num, WeakKind),
}

impl Input {
    fn kind(&self) -> Result<OpKind> {
        match self {
            Input::Array(a) => Ok(OpKind::Strong(a.dtype().scalar_type().ok_or_else(
                || Error::Type(format!("ufunc inputs must be numeric, not {}", a.dtype())),
            )?)),
            Input::Weak(_, w) => Ok(OpKind::Weak(*w)),
        }
    }
}

pub use crate::array::broadcast_shapes;

/// The inputs cast to the types of loop `lp` (the loop of the numbers a `dtype=` names
/// beside operands of other families), as the casting rule allows: NumPy's resolution by
/// `dtype=`.
pub(crate) fn cast_into_loop(
    u: &Ufunc,
    arrays: &[NdArray],
    lp: &super::Loop,
    casting: Casting,
) -> Result<SmallVec<[Input; 3]>> {
    let mut cast = SmallVec::new();
    for (k, (a, t)) in arrays.iter().zip(lp.ins.iter()).enumerate() {
        let want = t.dtype();
        ensure!(
            can_cast(a.dtype(), &want, casting),
            InputCasting,
            "Cannot cast ufunc '{}' input {} from {} to {} with casting rule '{}'",
            u.name,
            k,
            dtype_str(a.dtype()),
            dtype_str(&want),
            casting.name()
        );
        cast.push(Input::Array(a.astype(&want, Order::K)?));
    }
    Ok(cast)
}

/// Does any operand belong to a family beyond the built-in numbers (so the families' loops
/// decide)?
pub fn has_extension(inputs: &[Input], outs: &[Option<NdArray>]) -> bool {
    inputs
        .iter()
        .any(|i| matches!(i, Input::Array(a) if is_extension(a.dtype())))
        || outs.iter().flatten().any(|o| is_extension(o.dtype()))
}

/// The inputs as arrays, Python scalars in their default types.
pub fn as_arrays(inputs: &[Input]) -> Result<SmallVec<[NdArray; 3]>> {
    inputs
        .iter()
        .map(|i| match i {
            Input::Array(a) => Ok(a.clone()),
            Input::Weak(n, w) => weak_to_array(*n, w.default_type()),
        })
        .collect()
}

/// A 0-d array of `st` holding `n` converted with C cast semantics (no range check).
pub fn scalar_to_array(n: Num, st: ScalarType) -> Result<NdArray> {
    let a = NdArray::empty(&[], &st.dtype(), Order::C)?;
    crate::with_scalar_type!(st, T, {
        // SAFETY: a fresh 0-d array holds one T.
        unsafe { std::ptr::write_unaligned(a.data_ptr() as *mut T, T::from_num(n)) };
    });
    Ok(a)
}

/// A 0-d array of `st` holding a Python scalar, with NumPy 2's range check for integers.
pub fn weak_to_array(n: Num, st: ScalarType) -> Result<NdArray> {
    crate::dtype::promote::check_int_fits(n, st)?;
    scalar_to_array(weak_value(n, st), st)
}

/// A Python scalar's value as NumPy hands it to a loop of type `st`: a Python int bound for an
/// inexact type becomes a Python float first (two roundings for float32, as NumPy's
/// conversion through `PyFloat`).
pub fn weak_value(n: Num, st: ScalarType) -> Num {
    match n {
        Num::I(v) if st.is_float() || st.is_complex() => Num::F(v as f64),
        Num::U(v) if st.is_float() || st.is_complex() => Num::F(v as f64),
        n => n,
    }
}

/// [`crate::dtype::method::status::CAST_OVERFLOW`] when the Python scalar `n` is finite but
/// becomes infinite in the loop's type `st` (NumPy warns of the cast), else 0.
pub fn weak_cast_status(n: Num, st: ScalarType) -> u32 {
    let parts = match weak_value(n, st) {
        Num::F(x) => [x, 0.0],
        Num::C(re, im) => [re, im],
        _ => return 0,
    };
    let overflows = |x: f64| {
        x.is_finite()
            && match st {
                ScalarType::Float16 => crate::dtype::float16::f16_from_f64(x).is_infinite(),
                ScalarType::Float32 | ScalarType::Complex64 => (x as f32).is_infinite(),
                _ => false,
            }
    };
    if parts.iter().any(|&x| overflows(x)) {
        crate::dtype::method::status::CAST_OVERFLOW
    } else {
        0
    }
}

/// Run one line of a loop and report its status, floating-point flags included.
///
/// Callers pass pointers and strides valid for `n` items of each operand (the walker keeps
/// them inside their operands; outputs are writable, parallel chunks disjoint): the contract
/// of [`LoopFn`] and of `StridedLoop`, which `f` forwards to.
#[inline]
fn run_line<F: Fn(&[*mut u8], &[isize], usize) -> u32>(
    f: &F,
    p: &[*mut u8],
    s: &[isize],
    n: usize,
) -> u32 {
    crate::loops::elementwise::fp_clear();
    f(p, s, n) | crate::loops::elementwise::fp_status()
}

/// Run a line only where the mask is true: each run of consecutive true mask bytes is one
/// call of the loop, so masked-out items are neither read into a result nor written, and
/// report no floating-point conditions.
///
/// # Safety
/// As [`run_line`] for the operands; `m` must point to `n` bools at stride `ms`.
unsafe fn run_masked<F: Fn(&[*mut u8], &[isize], usize) -> u32>(
    f: &F,
    p: &[*mut u8],
    s: &[isize],
    m: *const u8,
    ms: isize,
    n: usize,
) -> u32 {
    let mut status = 0;
    let mut q: SmallVec<[*mut u8; 5]> = SmallVec::from_slice(p);
    let mut i = 0;
    while i < n {
        // SAFETY: i < n mask bytes (caller's guarantee).
        while i < n && unsafe { *m.offset(i as isize * ms) } == 0 {
            i += 1;
        }
        let start = i;
        // SAFETY: as above.
        while i < n && unsafe { *m.offset(i as isize * ms) } != 0 {
            i += 1;
        }
        if i > start {
            for (o, qo) in q.iter_mut().enumerate() {
                *qo = p[o].wrapping_offset(start as isize * s[o]);
            }
            status |= run_line(f, &q, s, i - start);
        }
    }
    status
}

/// One line of a resolved loop, as the walker calls it: pointers, strides, length -> status.
type LineFn<'a> = dyn Fn(&[*mut u8], &[isize], usize) -> u32 + Sync + 'a;

/// A resolved loop: a built-in one (a function pointer) or a family's method with context.
enum Kernel {
    Fn(LoopFn),
    Method(crate::dtype::method::StridedLoop),
}

/// A loop `resolve` picked, remembered per table ufunc and operand pattern (`key` below
/// `patterns`): the small-array paths ask on every call. Slots hold the loop's index + 1.
fn cached_loop<'u>(
    u: &'u Ufunc,
    cache: &std::sync::OnceLock<Vec<std::sync::atomic::AtomicU16>>,
    patterns: usize,
    key: usize,
    kinds: impl FnOnce() -> SmallVec<[OpKind; 3]>,
) -> Result<&'u super::Loop> {
    use std::sync::atomic::AtomicU16;
    let table = super::table();
    let size = std::mem::size_of::<Ufunc>();
    let idx = (u as *const Ufunc as usize).wrapping_sub(table.as_ptr() as usize) / size;
    if idx >= table.len() || !std::ptr::eq(&table[idx], u) || key >= patterns {
        return resolve(u, &kinds(), None);
    }
    let cache = cache.get_or_init(|| {
        (0..table.len() * patterns)
            .map(|_| AtomicU16::new(0))
            .collect()
    });
    let slot = &cache[idx * patterns + key];
    let k = slot.load(Ordering::Relaxed);
    if k != 0 {
        return Ok(&u.loops[k as usize - 1]);
    }
    let lp = resolve(u, &kinds(), None)?;
    if let Some(k) = u.loops.iter().position(|l| std::ptr::eq(l, lp)) {
        if k < u16::MAX as usize {
            slot.store(k as u16 + 1, Ordering::Relaxed);
        }
    }
    Ok(lp)
}

/// The loop `resolve` picks for `u.nin` arrays of the one native type `st`.
fn homogeneous_loop(u: &Ufunc, st: ScalarType) -> Result<&super::Loop> {
    static CACHE: std::sync::OnceLock<Vec<std::sync::atomic::AtomicU16>> =
        std::sync::OnceLock::new();
    cached_loop(u, &CACHE, ScalarType::ALL.len(), st as usize, || {
        (0..u.nin).map(|_| OpKind::Strong(st)).collect()
    })
}

/// The loop `resolve` picks for a binary ufunc of an array of native type `st` and a Python
/// scalar of kind `w`, the scalar first or second.
fn weak_loop(u: &Ufunc, st: ScalarType, w: WeakKind, scalar_first: bool) -> Result<&super::Loop> {
    static CACHE: std::sync::OnceLock<Vec<std::sync::atomic::AtomicU16>> =
        std::sync::OnceLock::new();
    let kind = match w {
        WeakKind::Bool => 0,
        WeakKind::Int => 1,
        WeakKind::Float => 2,
        WeakKind::Complex => 3,
    };
    let key = (st as usize * 4 + kind) * 2 + scalar_first as usize;
    cached_loop(u, &CACHE, ScalarType::ALL.len() * 8, key, || {
        let (a, s) = (OpKind::Strong(st), OpKind::Weak(w));
        let mut k = SmallVec::new();
        k.extend(if scalar_first { [s, a] } else { [a, s] });
        k
    })
}

/// The common small case, without broadcasting, casting or the n-d walk: arrays of one native
/// dtype and one shape, all C-contiguous, below the parallel threshold, whose resolved loop
/// takes exactly that dtype. `None` when the call needs the general path.
pub fn call_contiguous(u: &Ufunc, ins: &[&NdArray]) -> Result<Option<(NdArray, u32)>> {
    if ins.len() != u.nin || u.nout != 1 || u.core.is_some() {
        return Ok(None);
    }
    let first = ins[0];
    let Some(st) = first.dtype().native_scalar() else {
        return Ok(None);
    };
    if first.ndim() == 0 || !first.is_c_contiguous() {
        return Ok(None);
    }
    if !ins
        .iter()
        .all(|a| a.shape() == first.shape() && a.is_c_contiguous() && a.dtype() == first.dtype())
    {
        return Ok(None);
    }
    let lp = homogeneous_loop(u, st)?;
    if lp.ins.iter().any(|t| *t != st) || parallel_size(first.size(), &lp.ins, lp.outs[0]) {
        return Ok(None);
    }
    let ptrs = ins.iter().map(|a| a.data_ptr()).collect();
    let strides = ins.iter().map(|a| a.itemsize() as isize).collect();
    // SAFETY: the caller's contiguous arrays of `first.size()` items in the loop's types.
    unsafe { run_small(lp, first.shape(), ptrs, strides) }.map(Some)
}

/// Whether `n` items of a loop with inputs `ins` and output `out` touch enough bytes to be
/// split across threads (the general path's walk).
fn parallel_size(n: usize, ins: &[ScalarType], out: ScalarType) -> bool {
    let item: usize = ins.iter().map(|t| t.itemsize()).sum::<usize>() + out.itemsize();
    n.saturating_mul(item) >= crate::loops::PAR_FOOTPRINT_BYTES
}

/// The small-array paths' common end: a new C-ordered output of the loop's type and `shape`,
/// and the loop run once over its items, the inputs at `ptrs` with `strides`.
///
/// # Safety
/// Each input pointer must be valid for reads of as many items of the loop's input type as
/// `shape` holds, at its stride.
#[inline]
unsafe fn run_small(
    lp: &super::Loop,
    shape: &[usize],
    mut ptrs: SmallVec<[*mut u8; 3]>,
    mut strides: SmallVec<[isize; 3]>,
) -> Result<(NdArray, u32)> {
    let out = NdArray::empty_numeric(shape, lp.outs[0])?;
    ptrs.push(out.data_ptr());
    strides.push(out.itemsize() as isize);
    let f = lp.f;
    // SAFETY: the caller's inputs and a fresh output of `out.size()` items.
    let status = run_line(
        &|p: &[*mut u8], s: &[isize], n| unsafe { f(p, s, n) },
        &ptrs,
        &strides,
        out.size(),
    );
    Ok((out, status))
}

/// [`call_contiguous`] for a binary ufunc of one array and one Python scalar (`a * 2.0`): the
/// scalar converted to the loop's type once and read with stride 0. `None` when the call
/// needs the general path: the array would be cast, the scalar does not fit the loop's type
/// (the general path raises or widens as NumPy does), or the array is 0-d, strided or large.
pub fn call_contiguous_weak(
    u: &Ufunc,
    arr: &NdArray,
    n: Num,
    w: WeakKind,
    scalar_first: bool,
) -> Result<Option<(NdArray, u32)>> {
    if u.nin != 2 || u.nout != 1 || u.core.is_some() {
        return Ok(None);
    }
    let Some(st) = arr.dtype().native_scalar() else {
        return Ok(None);
    };
    if arr.ndim() == 0
        || !arr.is_c_contiguous()
        || matches!(n, Num::U(_))
        || matches!((n, w), (Num::F(_), WeakKind::Int))
    {
        return Ok(None);
    }
    let lp = weak_loop(u, st, w, scalar_first)?;
    let (ai, si) = if scalar_first { (1, 0) } else { (0, 1) };
    if parallel_size(arr.size(), &lp.ins[ai..ai + 1], lp.outs[0]) {
        return Ok(None);
    }
    let t = lp.ins[si];
    if crate::dtype::promote::check_int_fits(n, t).is_err() {
        return Ok(None);
    }
    // An integer or bool array meeting a Python float or complex computes in float64 or
    // complex128 (NEP 50): a safe cast of the array first.
    let cast;
    let arr = if lp.ins[ai] == st {
        arr
    } else if matches!(lp.ins[ai], ScalarType::Float64 | ScalarType::Complex128)
        && (st.is_int() || st == ScalarType::Bool)
    {
        cast = arr.astype(&lp.ins[ai].dtype(), Order::C)?;
        &cast
    } else {
        return Ok(None);
    };
    // Room for one item of any numeric type, aligned for all of them.
    let mut item = [0u128; 2];
    crate::with_scalar_type!(t, T, {
        // SAFETY: `item` has 32 bytes, more than any numeric item.
        unsafe {
            std::ptr::write_unaligned(item.as_mut_ptr() as *mut T, T::from_num(weak_value(n, t)))
        };
    });
    let (a, x) = (arr.data_ptr(), item.as_mut_ptr() as *mut u8);
    let s = arr.itemsize() as isize;
    let (ptrs, strides) = if scalar_first {
        ([x, a], [0, s])
    } else {
        ([a, x], [s, 0])
    };
    // SAFETY: the caller's contiguous array in the loop's type, and the scalar read in place
    // (stride 0).
    let (out, status) = unsafe {
        run_small(
            lp,
            arr.shape(),
            ptrs.into_iter().collect(),
            strides.into_iter().collect(),
        )
    }?;
    Ok(Some((out, status | weak_cast_status(n, t))))
}

/// Resolve the loop for these inputs and bring the inputs to its types (casting rule checked),
/// then check that each given output can receive the loop's output type. Nothing is written.
pub(crate) fn prepare<'u>(
    u: &'u Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
    dtype: Option<ScalarType>,
) -> Result<(&'u super::Loop, SmallVec<[NdArray; 3]>)> {
    let kinds: SmallVec<[OpKind; 3]> = inputs.iter().map(|i| i.kind()).collect::<Result<_>>()?;
    let mut lp = resolve(u, &kinds, dtype)?;
    // NumPy 2 compares (and tests the truth of) Python ints out of the array's range exactly
    // instead of raising: use a loop wide enough to hold them.
    let value_based = u.value_based_ints;
    if value_based && dtype.is_none() {
        // NumPy converts a Python int to a C long first for the logical ufuncs and next to
        // bool arrays.
        let logical = u.reduce_kind == super::ReduceKind::OnBools;
        let bools = kinds
            .iter()
            .all(|o| matches!(o, OpKind::Strong(ScalarType::Bool) | OpKind::Weak(_)));
        if logical || bools {
            ensure!(
                !inputs.iter().any(|i| matches!(
                    i,
                    Input::Weak(Num::U(_), _) | Input::Weak(Num::F(_), WeakKind::Int)
                )),
                Overflow,
                "Python int too large to convert to C long"
            );
        }
        let mut wide: Option<ScalarType> = None;
        for (k, inp) in inputs.iter().enumerate() {
            if let Input::Weak(Num::F(_), WeakKind::Int) = inp {
                // Beyond 64 bits: compared as a float.
                if lp.ins[k].is_int() {
                    wide = Some(ScalarType::Float64);
                }
            }
            if let Input::Weak(n @ (Num::I(_) | Num::U(_)), _) = inp {
                if lp.ins[k].is_int() && weak_to_array(*n, lp.ins[k]).is_err() {
                    let any_u64 = kinds.contains(&OpKind::Strong(ScalarType::UInt64));
                    let fits_i64 = matches!(n, Num::I(_));
                    wide = Some(if fits_i64 && !any_u64 {
                        ScalarType::Int64
                    } else {
                        ScalarType::Float64
                    });
                }
            }
        }
        if let Some(w) = wide {
            let forced: SmallVec<[OpKind; 3]> = kinds.iter().map(|_| OpKind::Strong(w)).collect();
            lp = resolve(u, &forced, None)?;
        }
    }
    // NumPy's conversion of Python scalars under 'equiv' (not under 'no'): to their own
    // default type only, checked before the arrays' casts.
    if casting == Casting::Equiv {
        for (k, inp) in inputs.iter().enumerate() {
            if let Input::Weak(_, w @ (WeakKind::Int | WeakKind::Float | WeakKind::Complex)) = inp {
                if lp.ins[k] != w.default_type() {
                    let what = match w {
                        WeakKind::Int => "int",
                        WeakKind::Float => "float",
                        _ => "complex",
                    };
                    bail!(
                        Type,
                        "cannot cast Python {} to {} under the casting rule 'equiv'",
                        what,
                        lp.ins[k].dtype().name()
                    );
                }
            }
        }
    }
    // Inputs in the loop's types.
    let mut ins: SmallVec<[NdArray; 3]> = SmallVec::new();
    for (k, inp) in inputs.iter().enumerate() {
        let want = lp.ins[k];
        let a = match inp {
            // A Python int beyond 64 bits (held as its float) fits no integer loop.
            Input::Weak(Num::F(f), WeakKind::Int) if want.is_int() || want == ScalarType::Bool => {
                bail!(
                    Overflow,
                    "Python integer {:.0} out of bounds for {}",
                    f,
                    want.dtype().name()
                )
            }
            Input::Weak(n, _) => weak_to_array(*n, want)?,
            Input::Array(a) => {
                let wd = want.dtype();
                // The logical ufuncs' bool loop takes any numbers (NumPy's promoter for them).
                let to_truth = u.reduce_kind == super::ReduceKind::OnBools
                    && want == ScalarType::Bool
                    && matches!(casting, Casting::SameKind | Casting::Unsafe);
                if a.dtype() == &wd {
                    a.clone()
                } else {
                    if !to_truth && !can_cast(a.dtype(), &wd, casting) {
                        bail!(
                            InputCasting,
                            "Cannot cast ufunc '{}' input {} from dtype('{}') to dtype('{}') with casting rule '{}'",
                            u.name,
                            k,
                            dtype_str(a.dtype()),
                            wd.name(),
                            casting.name()
                        );
                    }
                    a.astype(&wd, Order::K)?
                }
            }
        };
        ins.push(a);
    }
    // NumPy checks the output casting before the shapes.
    for (k, o) in outs.iter().enumerate().take(u.nout) {
        if let Some(o) = o {
            let ot = lp.outs[k].dtype();
            if !can_cast(&ot, o.dtype(), casting) {
                bail!(
                    OutputCasting,
                    "Cannot cast ufunc '{}' output from dtype('{}') to dtype('{}') with casting rule '{}'",
                    u.name,
                    ot.name(),
                    dtype_str(o.dtype()),
                    casting.name()
                );
            }
        }
    }
    Ok((lp, ins))
}

/// NumPy's promoter of the binary logical ufuncs: inputs of any dtype family but object
/// (datetimes, text) are cast to bool (their truth: non-zero, non-empty), whatever the
/// casting rule, and the bool loop runs. `None` when no input needs it.
fn logical_inputs(
    u: &Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
) -> Result<Option<Vec<Input>>> {
    if u.reduce_kind != super::ReduceKind::OnBools
        || !has_extension(inputs, &[])
        || inputs
            .iter()
            .any(|i| matches!(i, Input::Array(a) if a.dtype().kind() == 'O'))
    {
        return Ok(None);
    }
    let bool_t = ScalarType::Bool.dtype();
    for o in outs.iter().flatten() {
        ensure!(
            can_cast(&bool_t, o.dtype(), casting),
            OutputCasting,
            "Cannot cast ufunc '{}' output from dtype('bool') to {} with casting rule '{}'",
            u.name,
            super::methods::dtype_repr(o.dtype()),
            casting.name()
        );
    }
    inputs
        .iter()
        .map(|i| match i {
            Input::Array(a) if is_extension(a.dtype()) => {
                Ok(Input::Array(a.astype(&bool_t, Order::K)?))
            }
            other => Ok(other.clone()),
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

/// NumPy's masked loop reads an output too, in the loop's type `t`: an item it cannot
/// convert (text that is not a number) fails the call there, before anything is written.
fn read_as(o: &NdArray, t: &DType) -> Result<()> {
    if o.dtype() != t {
        o.astype(t, Order::K)?;
    }
    Ok(())
}

/// A numeric loop whose outputs include an array of an extension family (object, datetime,
/// text): the loop writes new arrays of its own types, which are then cast into those
/// outputs where the casting rule allows (NumPy's output cast), under the mask.
fn numbers_into_family(
    u: &Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
    dtype: Option<ScalarType>,
    mask: Option<&NdArray>,
    order: Order,
) -> Result<(Vec<NdArray>, u32)> {
    let numeric: Vec<Option<NdArray>> = outs
        .iter()
        .map(|o| o.as_ref().filter(|o| !is_extension(o.dtype())).cloned())
        .collect();
    let (mut res, st) = call_ordered(u, inputs, &numeric, casting, dtype, mask, order)?;
    for (k, o) in outs.iter().enumerate() {
        let (Some(o), Some(r)) = (o.as_ref().filter(|o| is_extension(o.dtype())), res.get(k))
        else {
            continue;
        };
        ensure!(
            can_cast(r.dtype(), o.dtype(), casting),
            OutputCasting,
            "Cannot cast ufunc '{}' output from {} to {} with casting rule '{}'",
            u.name,
            super::methods::dtype_repr(r.dtype()),
            super::methods::dtype_repr(o.dtype()),
            casting.name()
        );
        match mask {
            Some(m) => {
                read_as(o, r.dtype())?;
                o.assign_where(r, m)?
            }
            None => o.assign(r)?,
        }
        res[k] = o.clone();
    }
    Ok((res, st))
}

/// Call a ufunc. `outs` holds one optional output array per ufunc output; `mask` (a bool
/// array, NumPy's `where=`) broadcasts with the inputs, and the loop runs only where it is
/// true: elsewhere the outputs keep what they held (new outputs hold zeros). Returns the
/// outputs and the status bits the loops reported (division by zero and the like).
pub fn call(
    u: &Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
    dtype: Option<ScalarType>,
    mask: Option<&NdArray>,
) -> Result<(Vec<NdArray>, u32)> {
    call_ordered(u, inputs, outs, casting, dtype, mask, Order::K)
}

/// [`call`] with `order=`: the memory order of new outputs (see [`super::gufunc::CoreAxes`]
/// for generalized ufuncs).
pub fn call_ordered(
    u: &Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
    dtype: Option<ScalarType>,
    mask: Option<&NdArray>,
    order: Order,
) -> Result<(Vec<NdArray>, u32)> {
    if u.core.is_some() {
        ensure!(
            mask.is_none(),
            Type,
            "{}() got an unexpected keyword argument 'where'",
            u.name
        );
        let placing = super::gufunc::CoreAxes {
            order,
            ..Default::default()
        };
        return super::gufunc::call(u, inputs, outs, casting, dtype, &placing);
    }
    if let Some(bools) = logical_inputs(u, inputs, outs, casting)? {
        return call_ordered(u, &bools, outs, casting, dtype, mask, order);
    }
    if !has_extension(inputs, &[]) && has_extension(&[], outs) {
        return numbers_into_family(u, inputs, outs, casting, dtype, mask, order);
    }
    if let Some(m) = mask {
        ensure!(
            m.dtype().native_scalar() == Some(ScalarType::Bool),
            Type,
            "Cannot cast array data from dtype('{}') to dtype('bool') according to the rule 'safe'",
            dtype_str(m.dtype())
        );
    }
    ensure!(
        inputs.len() == u.nin,
        Type,
        "{}() takes from {} to {} positional arguments but {} were given",
        u.name,
        u.nin,
        u.nin + u.nout,
        inputs.len()
    );
    let mut cast_status = 0;
    let (out_types, kernel, mut ins, parallel): (SmallVec<[DType; 2]>, Kernel, _, bool) =
        if has_extension(inputs, outs) {
            let arrays = as_arrays(inputs)?;
            let p = super::methods::prepare(u, &arrays, outs, casting)?;
            if mask.is_some() {
                for (o, t) in outs.iter().zip(p.outs.iter()) {
                    if let Some(o) = o {
                        read_as(o, t)?;
                    }
                }
            }
            // dtype= names the loop's output type: it must be the one the loop makes.
            if let Some(d) = dtype.filter(|d| p.outs.iter().any(|o| o != &d.dtype())) {
                let class = |t: &DType| format!("<class 'numpy.dtypes.{}'>", t.class_name());
                ensure!(
                    u.resolver != super::Resolver::Families,
                    NoLoop,
                    "ufunc '{}' did not contain a loop with signature matching types {} -> {}",
                    u.name,
                    class(arrays[0].dtype()),
                    class(&d.dtype())
                );
                // NumPy's loop for the numbers dtype= names: the inputs cast to it, as the
                // casting rule allows.
                let lp = u.loops.iter().find(|l| l.outs[0] == d);
                // (inputs already of the loop's types: the outputs are the family's)
                let fits = lp.is_some_and(|l| {
                    arrays
                        .iter()
                        .zip(l.ins.iter())
                        .all(|(a, t)| a.dtype() == &t.dtype())
                });
                let Some(lp) = lp.filter(|_| !fits) else {
                    bail!(
                        NotImplemented,
                        "dtype= other than the loop's output with a dtype family beyond the built-in numbers ({})",
                        u.name
                    );
                };
                let cast = cast_into_loop(u, &arrays, lp, casting)?;
                return call_ordered(u, &cast, outs, casting, dtype, mask, order);
            }
            (p.outs, Kernel::Method(p.run), p.ins, !p.flags.needs_api)
        } else {
            let (lp, ins) = prepare(u, inputs, outs, casting, dtype)?;
            for (k, inp) in inputs.iter().enumerate() {
                if let Input::Weak(n, _) = inp {
                    cast_status |= weak_cast_status(*n, lp.ins[k]);
                }
            }
            let outs = lp.outs.iter().map(|t| t.dtype()).collect();
            (outs, Kernel::Fn(lp.f), ins, true)
        };
    // 'A' looks at the operands as given (a 1-d operand is Fortran-contiguous).
    let order = match order {
        Order::A => {
            let mut ops: SmallVec<[&NdArray; 4]> = ins.iter().collect();
            ops.extend(mask);
            NdArray::any_order(&ops)
        }
        o => o,
    };
    let mut bshape = if ins.iter().all(|a| a.shape() == ins[0].shape())
        && mask.is_none_or(|m| m.shape() == ins[0].shape())
    {
        ins[0].shape().to_vec()
    } else {
        let mut shapes: SmallVec<[&[usize]; 4]> = ins.iter().map(|a| a.shape()).collect();
        shapes.extend(mask.map(|m| m.shape()));
        broadcast_shapes(&shapes)?
    };
    // Inputs also broadcast up to a larger output (the output itself never broadcasts; that
    // is checked below).
    for o in outs.iter().flatten() {
        if o.shape() != bshape.as_slice() {
            if let Ok(b) = broadcast_shapes(&[&bshape, o.shape()]) {
                bshape = b;
            }
        }
    }
    for a in ins.iter_mut() {
        if a.shape() != bshape.as_slice() {
            *a = a.broadcast_to(&bshape)?;
        }
    }
    let mask = match mask {
        Some(m) if m.shape() != bshape.as_slice() => Some(m.broadcast_to(&bshape)?),
        m => m.cloned(),
    };

    // Outputs: the caller's (checked before any work) or new ones.
    let mut results: SmallVec<[NdArray; 2]> = SmallVec::new();
    let mut write_back: SmallVec<[Option<NdArray>; 2]> = SmallVec::new();
    for k in 0..u.nout {
        let ot: DType = out_types[k].clone();
        match outs.get(k).and_then(|o| o.as_ref()) {
            Some(o) => {
                if o.shape() != bshape.as_slice() {
                    bail!(
                        Value,
                        "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
                        shape_repr(o.shape()),
                        shape_repr(&bshape)
                    );
                }
                o.check_writeable()?;
                let overlaps = ins.iter().any(|a| {
                    a.may_share_memory(o)
                        && !(a.data_ptr() == o.data_ptr()
                            && a.strides() == o.strides()
                            && a.dtype().itemsize() == o.dtype().itemsize())
                });
                if o.dtype() != &ot || overlaps {
                    results.push(o.empty_like(&ot, Order::K)?);
                    write_back.push(Some(o.clone()));
                } else {
                    results.push(o.clone());
                    write_back.push(None);
                }
            }
            None => {
                let zeroed = mask.is_some();
                let r = match order {
                    Order::K if bshape.iter().product::<usize>() > 0 => {
                        let mut st: SmallVec<[&[isize]; 4]> =
                            ins.iter().map(|a| a.strides()).collect();
                        st.extend(mask.as_ref().map(|m| m.strides()));
                        let perm = crate::array::k_order_of(&bshape, &st);
                        NdArray::new_permuted(&bshape, &ot, &perm, zeroed)?
                    }
                    Order::K => NdArray::alloc(&bshape, &ot, Order::C, zeroed)?,
                    o => NdArray::alloc(&bshape, &ot, o, zeroed)?,
                };
                results.push(r);
                write_back.push(None);
            }
        }
    }

    let status = AtomicU32::new(0);
    {
        let mut strides: SmallVec<[&[isize]; 5]> = ins.iter().map(|a| a.strides()).collect();
        strides.extend(results.iter().map(|a| a.strides()));
        let mut ptrs: SmallVec<[*mut u8; 5]> = ins.iter().map(|a| a.data_ptr()).collect();
        ptrs.extend(results.iter().map(|a| a.data_ptr()));
        if let Some(m) = &mask {
            strides.push(m.strides());
            ptrs.push(m.data_ptr());
        }
        // A single line is split across threads from PAR_FOOTPRINT_BYTES touched in all
        // operands; the walker sizes its pieces by the largest item, here at least the size
        // that makes the line reach its threshold (so the line is split, in about four pieces
        // where it is short).
        let sizes = || {
            ins.iter()
                .map(|a| a.itemsize())
                .chain(results.iter().map(|a| a.itemsize()))
        };
        let size: usize = bshape.iter().product();
        let footprint = size.saturating_mul(sizes().sum::<usize>() + usize::from(mask.is_some()));
        let parallel = parallel && footprint >= crate::loops::PAR_FOOTPRINT_BYTES;
        let mut item = sizes().max().unwrap_or(1);
        if parallel {
            item = item.max(crate::loops::PAR_THRESHOLD_BYTES.div_ceil(size.max(1)));
        }
        let masked = mask.is_some();
        let walk = |f: &LineFn| {
            crate::loops::for_each_line_n(&bshape, &strides, &ptrs, item, parallel, |p, s, n| {
                let st = if masked {
                    let k = p.len() - 1;
                    // SAFETY: the walk gives n mask bytes at stride s[k] (invariant 2).
                    unsafe { run_masked(&f, &p[..k], &s[..k], p[k], s[k], n) }
                } else {
                    run_line(&f, p, s, n)
                };
                if st != 0 {
                    status.fetch_or(st, Ordering::Relaxed);
                }
            })
        };
        match &kernel {
            Kernel::Fn(f) => {
                let f = *f;
                // SAFETY: the walker gives each line pointers and strides inside the operands
                // in the loop's types (invariant 2); outputs are fresh or checked writable.
                walk(&|p: &[*mut u8], s: &[isize], n| unsafe { f(p, s, n) })
            }
            Kernel::Method(m) => {
                let err = crate::loops::watch::FirstError::default();
                walk(&|p: &[*mut u8], s: &[isize], n| {
                    if err.failed() {
                        return 0;
                    }
                    err.keep(m(p, s, n)).unwrap_or(0)
                });
                err.into_result()?;
            }
        }
    }
    let mut final_outs = Vec::with_capacity(u.nout);
    for (r, wb) in results.into_iter().zip(write_back) {
        match wb {
            Some(o) => {
                match &mask {
                    Some(m) => o.assign_where(&r, m)?,
                    None => o.assign(&r)?,
                }
                final_outs.push(o);
            }
            None => final_outs.push(r),
        }
    }
    Ok((final_outs, status.into_inner() | cast_status))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::Bool;

    #[test]
    fn masked_calls_write_only_where_true_and_broadcast_the_mask() {
        let add = super::super::find("add").unwrap();
        let a = NdArray::from_vec(vec![1.0f64, 2.0, 3.0, 4.0], &[4]).unwrap();
        let out = NdArray::from_vec(vec![-1.0f64; 4], &[4]).unwrap();
        let mask = NdArray::from_vec(vec![Bool(7), Bool(0), Bool(0), Bool(1)], &[4]).unwrap();
        let ins = [Input::Array(a.clone()), Input::Array(a.clone())];
        call(
            add,
            &ins,
            &[Some(out.clone())],
            Casting::SameKind,
            None,
            Some(&mask),
        )
        .unwrap();
        assert_eq!(out.to_vec::<f64>(), vec![2.0, -1.0, -1.0, 8.0]);
        // A (2, 1) mask broadcasts the result to (2, 4); new outputs are zero where false.
        let m2 = NdArray::from_vec(vec![Bool(0), Bool(0x80)], &[2, 1]).unwrap();
        let (r, _) = call(add, &ins, &[None], Casting::SameKind, None, Some(&m2)).unwrap();
        assert_eq!(r[0].shape(), &[2, 4]);
        assert_eq!(
            r[0].to_vec::<f64>(),
            vec![0.0, 0.0, 0.0, 0.0, 2.0, 4.0, 6.0, 8.0]
        );
        // The casting rule holds with a mask: float64 results do not go into int64.
        let i = NdArray::zeros(&[4], &ScalarType::Int64.dtype(), Order::C).unwrap();
        let r = call(add, &ins, &[Some(i)], Casting::SameKind, None, Some(&mask));
        assert!(matches!(r, Err(Error::OutputCasting(_))));
    }
}
