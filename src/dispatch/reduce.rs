//! `ufunc.reduce`: fold a binary ufunc along axes.
//!
//! The accumulator is an output-shaped array seen through zero strides on the reduced axes, and
//! the n-d walk orders axes by the *input's* strides, as NumPy's iterator does. When the
//! innermost axis is a reduced one, each line folds into one accumulator (pairwise for float
//! sums, exactly as NumPy); otherwise lines accumulate elementwise (out[j] = op(out[j], a[i, j])),
//! which vectorises and is also what NumPy computes.

use smallvec::SmallVec;

use super::resolve::resolve_reduce;
use super::{Identity, ReduceKind, Ufunc};
use crate::array::{shape_repr, Dims, NdArray, Order, Strides};
use crate::dtype::{Num, ScalarType};
use crate::error::Result;

/// NumPy's default accumulation type for add/multiply reductions: the platform integer for
/// small integers and bool.
pub fn default_reduce_type(u: &Ufunc, st: ScalarType) -> ScalarType {
    use ScalarType::*;
    match (u.reduce_kind, st) {
        (ReduceKind::OnBools, _) => Bool,
        (ReduceKind::WidenSmallInts, Bool | Int8 | Int16 | Int32) => Int64,
        (ReduceKind::WidenSmallInts, UInt8 | UInt16 | UInt32) => UInt64,
        _ => st,
    }
}

/// The checks every reduction method starts with, and the type it accumulates in: `dtype=`,
/// or NumPy's default for this ufunc and the array's type.
/// The loop reducing `a` in `acc_t` (`dtype` as the caller gave it).
fn reduce_loop<'u>(
    u: &'u Ufunc,
    a: &NdArray,
    acc_t: ScalarType,
    dtype: Option<ScalarType>,
) -> Result<&'u super::Loop> {
    resolve_reduce(u, acc_t, a.dtype().scalar_type().unwrap_or(acc_t), dtype)
}

/// NumPy's check of a reduction's loop: its first input and output of one type (the
/// accumulator), and for accumulate and reduceat (`uniform`) its second input too (ldexp's
/// `(float, int) -> float` is refused there; reduce takes it).
fn compatible_loop(u: &Ufunc, lp: &super::Loop, method: &str, uniform: bool) -> Result<()> {
    ensure!(
        lp.ins[0] == lp.outs[0] && (!uniform || lp.ins[1] == lp.outs[0]),
        Casting,
        "the resolved dtypes are not compatible with {}.{}. Resolved (dtype('{}'), dtype('{}'), dtype('{}'))",
        u.name,
        method,
        lp.ins[0].dtype().name(),
        lp.ins[1].dtype().name(),
        lp.outs[0].dtype().name()
    );
    Ok(())
}

fn accumulation_type(
    u: &Ufunc,
    a: &NdArray,
    method: &str,
    dtype: Option<ScalarType>,
) -> Result<ScalarType> {
    ensure!(
        u.nin == 2 && u.nout == 1,
        Value,
        "{} only supported for binary functions",
        method
    );
    let st = a.dtype().scalar_type().ok_or_else(|| {
        if crate::dtype::method::is_extension(a.dtype()) {
            super::methods::reduce_error(u, method, a.dtype())
        } else {
            crate::Error::Type(format!("{method} needs a numeric array"))
        }
    })?;
    Ok(dtype.unwrap_or_else(|| default_reduce_type(u, st)))
}

/// Normalise an `axis=` argument (None = all axes).
pub fn normalize_axes(axes: Option<&[isize]>, ndim: usize) -> Result<Vec<usize>> {
    let mut out = Vec::new();
    match axes {
        None => out.extend(0..ndim),
        // A 0-d array accepts a single axis 0 or -1, reducing nothing (NumPy).
        Some([a]) if ndim == 0 && (*a == 0 || *a == -1) => {}
        Some(list) => {
            for &a in list {
                let k = NdArray::normalize_axis(a, ndim)?;
                ensure!(!out.contains(&k), Value, "duplicate value in 'axis'");
                out.push(k);
            }
        }
    }
    Ok(out)
}

/// An index taking `start:stop` on the given axes and everything on the others.
fn along_axes(
    ndim: usize,
    axes: &[usize],
    start: Option<isize>,
    stop: Option<isize>,
) -> SmallVec<[crate::array::IndexItem; 4]> {
    (0..ndim)
        .map(|k| {
            let (start, stop) = if axes.contains(&k) {
                (start, stop)
            } else {
                (None, None)
            };
            crate::array::IndexItem::Slice {
                start,
                stop,
                step: 1,
            }
        })
        .collect()
}

fn identity_num(id: Identity) -> Option<Num> {
    match id {
        Identity::Zero => Some(Num::I(0)),
        Identity::One => Some(Num::I(1)),
        Identity::MinusOne => Some(Num::I(-1)),
        Identity::True => Some(Num::B(true)),
        Identity::False => Some(Num::B(false)),
        Identity::NegInf => Some(Num::F(f64::NEG_INFINITY)),
        Identity::None | Identity::ReorderableNone => None,
    }
}

/// Fill the accumulator: `initial=` is a Python scalar (range-checked as NumPy 2 does), an
/// identity is a constant of the ufunc (cast as C casts: bitwise_and's -1 is all ones).
/// Fill with `n` converted with C cast semantics (as NumPy stores an identity).
fn fill_value(a: &NdArray, n: Num) -> Result<()> {
    let st = a.dtype().scalar_type().expect("numeric");
    a.assign(&super::exec::scalar_to_array(n, st)?)
}

fn fill(a: &NdArray, n: Num, checked: bool) -> Result<()> {
    let st = a.dtype().scalar_type().expect("numeric");
    let one = if checked {
        super::exec::weak_to_array(n, st)?
    } else {
        super::exec::scalar_to_array(n, st)?
    };
    a.assign(&one)
}

/// Reduce `a` with `u` over `axes`. Returns the result in the loop's type, shaped with or
/// without the reduced axes as `keepdims` says.
/// The logical ufuncs fold truth values: an array of a family other than object (datetimes,
/// text) as its items' truth, NumPy's promoter of them to bool. `None` when not needed.
fn truths(u: &Ufunc, a: &NdArray) -> Result<Option<NdArray>> {
    if crate::dtype::method::is_extension(a.dtype())
        && u.reduce_kind == super::ReduceKind::OnBools
        && a.dtype().kind() != 'O'
    {
        return Ok(Some(a.astype(&ScalarType::Bool.dtype(), Order::K)?));
    }
    Ok(None)
}

pub fn reduce(
    u: &Ufunc,
    a: &NdArray,
    axes: Option<&[isize]>,
    dtype: Option<ScalarType>,
    keepdims: bool,
    initial: Option<Num>,
    mask: Option<&NdArray>,
) -> Result<NdArray> {
    if let Some(b) = truths(u, a)? {
        return reduce(u, &b, axes, dtype, keepdims, initial, mask);
    }
    if crate::dtype::method::is_extension(a.dtype()) {
        ensure!(
            dtype.is_none() && initial.is_none() && mask.is_none(),
            NotImplemented,
            "{}.reduce with dtype=, initial= or where= on {} items",
            u.name,
            a.dtype()
        );
        let axes = normalize_axes(axes, a.ndim())?;
        return super::methods::reduce_family(
            u,
            a,
            &axes,
            keepdims,
            identity_num(u.identity),
            None,
        );
    }
    let acc_t = accumulation_type(u, a, "reduce", dtype)?;
    if let Some(m) = mask {
        // Masked-out elements become a value that leaves the fold unchanged: the identity,
        // or `initial` for the ufuncs without one (the idempotent maximum/minimum family),
        // and the fold starts from `initial` or the identity.
        let fill = match (identity_num(u.identity), initial) {
            (Some(id), _) => id,
            (None, Some(i)) => i,
            (None, None) => bail!(
                Value,
                "reduction operation '{}' does not have an identity, so to use a where mask one has to specify 'initial'",
                u.name
            ),
        };
        let mb = m.broadcast_to(a.shape()).map_err(|_| {
            crate::Error::Value(format!(
                "operands could not be broadcast together with remapped shapes \
                 [original->remapped]: {} {} ",
                crate::array::shape_repr_c(a.shape()),
                crate::array::shape_repr_c(m.shape())
            ))
        })?;
        if identity_num(u.identity).is_none() && u.reduce_kind != ReduceKind::Idempotent {
            // No value leaves the fold unchanged (subtract, divide, ...): skip the masked-out
            // elements one by one.
            return masked_fold(u, a, &mb, axes, dtype, keepdims, fill);
        }
        let filled = NdArray::empty(a.shape(), a.dtype(), Order::C)?;
        fill_value(&filled, fill)?;
        filled.assign_where(a, &mb)?;
        let start = initial.or(identity_num(u.identity));
        return reduce(u, &filled, axes, dtype, keepdims, start, None);
    }
    let axes = normalize_axes(axes, a.ndim())?;
    let lp = reduce_loop(u, a, acc_t, dtype)?;
    compatible_loop(u, lp, "reduce", false)?;
    let lt = lp.ins[0].dtype();
    if matches!(u.name, "logical_or" | "logical_and")
        && lp.ins[0] == ScalarType::Bool
        && a.dtype().native_scalar() == Some(ScalarType::Bool)
        && axes.len() == a.ndim()
        && a.ndim() > 0
        && initial.is_none()
    {
        // any/all of a whole bool array: scan block by block and stop at the first deciding
        // byte.
        let any = u.name == "logical_or";
        let r = scan_bools(a, any);
        return NdArray::from_vec(vec![crate::dtype::Bool::from(r)], &whole_shape(a, keepdims));
    }
    let last = a.ndim().wrapping_sub(1);
    if matches!(u.name, "logical_or" | "logical_and")
        && lp.ins[0] == ScalarType::Bool
        && a.dtype().native_scalar() == Some(ScalarType::Bool)
        && axes == [last]
        && a.shape()[last] > 0
        && a.is_c_contiguous()
        && initial.is_none()
    {
        return bools_by_row(a, u.name == "logical_or", keepdims);
    }
    if u.name == "add"
        && lp.ins[0] == ScalarType::Int64
        && a.dtype().native_scalar() == Some(ScalarType::Bool)
        && axes.len() == a.ndim()
        && a.ndim() > 0
        && initial.is_none()
    {
        // The sum of a whole bool array is the count of its true bytes: no int64 copy.
        let count = count_true(a) as i64;
        return NdArray::from_vec(vec![count], &whole_shape(a, keepdims));
    }
    // The items fold in as the loop's second input; the first of each lane (or the
    // initial value) starts the accumulator, of its first input's type. They differ for
    // ldexp's `(float, int) -> float`.
    let it = lp.ins[1].dtype();
    let items = if lp.ins[1] == lp.ins[0] {
        None
    } else if a.dtype() == &it {
        Some(a.clone())
    } else {
        Some(a.astype(&it, Order::K)?)
    };
    let a = if a.dtype() == &lt {
        a.clone()
    } else {
        a.astype(&lt, Order::K)?
    };
    let items = items.unwrap_or_else(|| a.clone());
    if axes.is_empty() && initial.is_none() && identity_num(u.identity).is_none() {
        // Reducing over no axes leaves every element as it is; with an initial value (or an
        // identity) each element is op(initial, element), which the fold below computes.
        return a.copy(Order::C);
    }
    let idempotent = u.reduce_kind == ReduceKind::Idempotent;
    let reorderable = idempotent || u.identity != Identity::None;
    if axes.len() > 1 && !reorderable {
        bail!(
            Value,
            "reduction operation '{}' is not reorderable, so at most one axis may be specified",
            u.name
        );
    }
    // The accumulator, with the reduced axes kept as length 1.
    let kshape: Dims = (0..a.ndim())
        .map(|k| if axes.contains(&k) { 1 } else { a.shape()[k] })
        .collect();
    let r = NdArray::empty(&kshape, &lt, Order::C)?;
    let empty_reduction = axes.iter().any(|&k| a.shape()[k] == 0);
    let mut src = items.clone();
    match (initial, identity_num(u.identity)) {
        (Some(n), _) => fill(&r, n, true)?,
        (None, Some(n)) => fill(&r, n, false)?,
        (None, None) => {
            if empty_reduction && r.size() > 0 {
                bail!(
                    Value,
                    "zero-size array to reduction operation {} which has no identity",
                    u.name
                );
            }
            if a.size() > 0 {
                // Start from the first item along the reduced axes.
                r.assign(
                    &a.index(&along_axes(a.ndim(), &axes, Some(0), Some(1)))?
                        .view,
                )?;
                if !idempotent && axes.len() == 1 {
                    // Fold the rest: a[..., 1:, ...].
                    src = items
                        .index(&along_axes(a.ndim(), &axes, Some(1), None))?
                        .view;
                }
            }
        }
    }
    if src.size() > 0 {
        let rstrides: Strides = (0..a.ndim())
            .map(|k| if axes.contains(&k) { 0 } else { r.strides()[k] })
            .collect();
        let f = lp.f;
        let red = lp.reduce;
        let fold = |shape: &[usize], rp: *mut u8, sp: *mut u8| {
            crate::loops::for_each_line_n(
                shape,
                &[&rstrides, src.strides()],
                &[rp, sp],
                1,
                false,
                |p, s, n| {
                    // SAFETY: the accumulator view and the source stay inside their arrays; when the
                    // accumulator's stride is 0 the line folds into one item, else it is an
                    // elementwise in-place update of distinct items.
                    unsafe {
                        if s[0] == 0 {
                            match red {
                                Some(red) => red(p[0], p[1], s[1], n),
                                // A loop without a folding kernel (inputs of two types):
                                // one item at a time, in order.
                                None => {
                                    for i in 0..n as isize {
                                        let item = p[1].wrapping_offset(i * s[1]);
                                        f(&[p[0], item, p[0]], &[0, 0, 0], 1);
                                    }
                                }
                            }
                        } else {
                            f(&[p[0], p[1], p[0]], &[s[0], s[1], s[0]], n);
                        }
                    }
                },
            );
        };
        // When the last axis is kept and the work is large, its columns are independent:
        // split them across threads (each column still folds in the same order).
        let last = a.ndim().saturating_sub(1);
        let cols = src.shape().get(last).copied().unwrap_or(1);
        let big = src.nbytes() >= crate::loops::PAR_THRESHOLD_BYTES * 4;
        if big && !axes.contains(&last) && cols >= 64 && rayon::current_num_threads() > 1 {
            let nchunks = rayon::current_num_threads().min(cols / 32).max(1);
            let per = cols.div_ceil(nchunks);
            let (rbase, sbase) = (r.data_ptr() as usize, src.data_ptr() as usize);
            let (rs, ss) = (rstrides[last], src.strides()[last]);
            crate::loops::helpers::share(nchunks, |c| {
                let start = c * per;
                if start >= cols {
                    return;
                }
                let mut shape: Dims = src.shape().into();
                shape[last] = per.min(cols - start);
                let rp = (rbase as isize + start as isize * rs) as *mut u8;
                let sp = (sbase as isize + start as isize * ss) as *mut u8;
                fold(&shape, rp, sp);
            });
        } else if big
            && a.ndim() > 0
            && axes.contains(&last)
            && !axes.contains(&0)
            && src.shape()[0] >= 2
            && rayon::current_num_threads() > 1
        {
            // Rows of a last-axis reduction are independent: split the first axis instead.
            let rows = src.shape()[0];
            let nchunks = rayon::current_num_threads().min(rows);
            let per = rows.div_ceil(nchunks);
            let (rbase, sbase) = (r.data_ptr() as usize, src.data_ptr() as usize);
            let (rs, ss) = (rstrides[0], src.strides()[0]);
            crate::loops::helpers::share(nchunks, |c| {
                let start = c * per;
                if start >= rows {
                    return;
                }
                let mut shape: Dims = src.shape().into();
                shape[0] = per.min(rows - start);
                let rp = (rbase as isize + start as isize * rs) as *mut u8;
                let sp = (sbase as isize + start as isize * ss) as *mut u8;
                fold(&shape, rp, sp);
            });
        } else {
            fold(src.shape(), r.data_ptr(), src.data_ptr());
        }
    }
    if keepdims {
        return Ok(r);
    }
    let shape: Dims = (0..a.ndim())
        .filter(|k| !axes.contains(k))
        .map(|k| a.shape()[k])
        .collect();
    r.reshape_view(&shape).ok_or_else(|| {
        crate::Error::Value(format!(
            "cannot reshape the reduction result to {}",
            shape_repr(&shape)
        ))
    })
}

/// any (`any`) or all along the last axis of a C-contiguous bool array (rows not empty): each
/// row's true bytes counted in byte lanes.
fn bools_by_row(a: &NdArray, any: bool, keepdims: bool) -> Result<NdArray> {
    let n = a.shape()[a.ndim() - 1];
    // SAFETY: a C-contiguous array of a.size() bool bytes.
    let bytes = unsafe { std::slice::from_raw_parts(a.data_ptr(), a.size()) };
    let out: Vec<crate::dtype::Bool> = bytes
        .chunks_exact(n)
        .map(|row| {
            let c = crate::kernels::count_nonzero_bytes(row);
            crate::dtype::Bool::from(if any { c > 0 } else { c == n })
        })
        .collect();
    let mut shape: Dims = a.shape()[..a.ndim() - 1].iter().copied().collect();
    if keepdims {
        shape.push(1);
    }
    NdArray::from_vec(out, &shape)
}

/// The shape of a reduction over every axis: `()`, or all ones with `keepdims`.
fn whole_shape(a: &NdArray, keepdims: bool) -> Dims {
    if keepdims {
        (0..a.ndim()).map(|_| 1).collect()
    } else {
        Dims::new()
    }
}

/// The number of non-zero bytes of a bool array (any layout); lines of a large array are
/// counted on several threads.
fn count_true(a: &NdArray) -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total = AtomicUsize::new(0);
    crate::loops::for_each_line_n(
        a.shape(),
        &[a.strides()],
        &[a.data_ptr()],
        1,
        true,
        |p, s, n| {
            let c = if s[0] == 1 {
                // SAFETY: a contiguous line of n bool bytes inside the array.
                let line = unsafe { std::slice::from_raw_parts(p[0] as *const u8, n) };
                crate::kernels::count_nonzero_bytes(line)
            } else {
                (0..n as isize)
                    // SAFETY: item i of the line, inside the array.
                    .map(|i| unsafe { (*p[0].offset(i * s[0]) != 0) as usize })
                    .sum()
            };
            total.fetch_add(c, Ordering::Relaxed);
        },
    );
    total.into_inner()
}

/// any (`any` true) or all (false) of a bool array's items, stopping at the first line block
/// that decides.
fn scan_bools(a: &NdArray, any: bool) -> bool {
    let mut decided = false;
    crate::loops::for_each_line1(a.shape(), a.strides(), a.data_ptr(), false, |p, n, s| {
        if decided {
            return;
        }
        if s == 1 {
            // SAFETY: a contiguous line of n bool bytes inside the array.
            let line = unsafe { std::slice::from_raw_parts(p as *const u8, n) };
            for block in line.chunks(4096) {
                let c = crate::kernels::count_nonzero_bytes(block);
                if (any && c > 0) || (!any && c < block.len()) {
                    decided = true;
                    return;
                }
            }
        } else {
            for i in 0..n as isize {
                // SAFETY: item i of the line, inside the array.
                let t = unsafe { *p.offset(i * s) != 0 };
                if t == any {
                    decided = true;
                    return;
                }
            }
        }
    });
    // any: decided means a true item was found; all: decided means a false one was.
    if any {
        decided
    } else {
        !decided
    }
}

/// `ufunc.accumulate`: out[0] = a[0], out[i] = op(out[i-1], a[i]) along `axis`.
pub fn accumulate(
    u: &Ufunc,
    a: &NdArray,
    axis: isize,
    dtype: Option<ScalarType>,
) -> Result<NdArray> {
    if let Some(b) = truths(u, a)? {
        return accumulate(u, &b, axis, dtype);
    }
    if crate::dtype::method::is_extension(a.dtype()) && dtype.is_none() {
        ensure!(a.ndim() > 0, Type, "cannot accumulate on a scalar");
        let ax = NdArray::normalize_axis(axis, a.ndim())?;
        return super::methods::accumulate_family(u, a, ax);
    }
    let acc_t = accumulation_type(u, a, "accumulate", dtype)?;
    ensure!(a.ndim() > 0, Type, "cannot accumulate on a scalar");
    let ax = NdArray::normalize_axis(axis, a.ndim())?;
    let lp = reduce_loop(u, a, acc_t, dtype)?;
    compatible_loop(u, lp, "accumulate", true)?;
    let lt = lp.ins[0].dtype();
    let a = if a.dtype() == &lt {
        a.clone()
    } else {
        a.astype(&lt, Order::K)?
    };
    let r = NdArray::empty(a.shape(), &lt, Order::C)?;
    if a.size() == 0 {
        return Ok(r);
    }
    // Each lane along `axis`: the first item copied, then out[i] = op(out[i-1], a[i]) in order.
    let isz = lt.itemsize();
    let f = lp.f;
    crate::loops::lanes::for_each_lane(
        a.shape(),
        ax,
        &[r.strides(), a.strides()],
        &[r.data_ptr(), a.data_ptr()],
        isz,
        |p, s, n| {
            let (o, x, so, sa) = (p[0], p[1], s[0], s[1]);
            // SAFETY: o and x start lanes of n items at strides so/sa inside r and a. The loop
            // reads out[i-1] (written by its previous step: the elementwise loops run in index
            // order through raw pointers) and a[i].
            unsafe {
                std::ptr::copy(x, o, isz);
                if n > 1 {
                    f(
                        &[o, x.wrapping_offset(sa), o.wrapping_offset(so)],
                        &[so, sa, so],
                        n - 1,
                    );
                }
            }
        },
    );
    Ok(r)
}

/// `ufunc.reduceat`: out[i] = reduce(a[idx[i]:idx[i+1]]) along `axis` (to the end for the
/// last index), or a[idx[i]] itself when idx[i] >= idx[i+1].
pub fn reduceat(
    u: &Ufunc,
    a: &NdArray,
    indices: &[i64],
    axis: isize,
    dtype: Option<ScalarType>,
) -> Result<NdArray> {
    if let Some(b) = truths(u, a)? {
        return reduceat(u, &b, indices, axis, dtype);
    }
    let family = crate::dtype::method::is_extension(a.dtype()) && dtype.is_none();
    let acc_t = if family {
        ensure!(
            u.nin == 2 && u.nout == 1,
            Value,
            "reduceat only supported for binary functions"
        );
        None
    } else {
        Some(accumulation_type(u, a, "reduceat", dtype)?)
    };
    let ax = NdArray::normalize_axis(axis, a.ndim())?;
    let n = a.shape()[ax] as i64;
    for &i in indices {
        ensure!(
            i >= 0 && i < n,
            Index,
            "index {} out-of-bounds in {}.reduceat [0, {})",
            i,
            u.name,
            n
        );
    }
    let out_t = match acc_t {
        Some(acc_t) => {
            let lp = reduce_loop(u, a, acc_t, dtype)?;
            compatible_loop(u, lp, "reduceat", true)?;
            lp.outs[0].dtype()
        }
        // A family's loop folds in its own descriptor (refused by reduce otherwise): the
        // segments reduce through it below.
        None => {
            let one = NdArray::empty(&[1], a.dtype(), Order::C)?;
            let t = super::methods::reduce_family(u, &one, &[0], false, None, None)?
                .dtype()
                .clone();
            // (after the indices and the loop, as NumPy checks them)
            ensure!(
                !a.dtype().flags().holds_refs || a.dtype().kind() == 'O',
                Type,
                "reduceat currently only supports `object` dtype with references"
            );
            t
        }
    };
    let mut oshape: Dims = a.shape().into();
    oshape[ax] = indices.len();
    let out = NdArray::empty(&oshape, &out_t, Order::C)?;
    let take = |arr: &NdArray, start: isize, stop: Option<isize>| -> Result<NdArray> {
        let items: SmallVec<[crate::array::IndexItem; 4]> = (0..arr.ndim())
            .map(|k| {
                if k == ax {
                    crate::array::IndexItem::Slice {
                        start: Some(start),
                        stop,
                        step: 1,
                    }
                } else {
                    crate::array::IndexItem::Slice {
                        start: None,
                        stop: None,
                        step: 1,
                    }
                }
            })
            .collect();
        Ok(arr.index(&items)?.view)
    };
    for (k, &i) in indices.iter().enumerate() {
        let next = indices.get(k + 1).copied().unwrap_or(n);
        let dst = take(&out, k as isize, Some(k as isize + 1))?;
        if i < next {
            let part = take(a, i as isize, Some(next as isize))?;
            let r = reduce(u, &part, Some(&[ax as isize]), acc_t, true, None, None)?;
            dst.assign(&r)?;
        } else {
            dst.assign(&take(a, i as isize, Some(i as isize + 1))?)?;
        }
    }
    Ok(out)
}

/// A reduction along one axis that folds only the elements where `mask` is true, starting from
/// `initial`, in order (for ufuncs without an identity that are not idempotent).
fn masked_fold(
    u: &Ufunc,
    a: &NdArray,
    mask: &NdArray,
    axes: Option<&[isize]>,
    dtype: Option<ScalarType>,
    keepdims: bool,
    initial: Num,
) -> Result<NdArray> {
    let axes = normalize_axes(axes, a.ndim())?;
    ensure!(
        axes.len() == 1,
        Value,
        "reduction operation '{}' is not reorderable, so at most one axis may be specified",
        u.name
    );
    let k = axes[0];
    let acc_t = accumulation_type(u, a, "reduce", dtype)?;
    let lp = reduce_loop(u, a, acc_t, dtype)?;
    compatible_loop(u, lp, "reduce", false)?;
    let lt = lp.ins[0].dtype();
    let it = lp.ins[1].dtype();
    let mut perm: Vec<usize> = (0..a.ndim()).filter(|&j| j != k).collect();
    let outer: Vec<usize> = perm.iter().map(|&j| a.shape()[j]).collect();
    perm.push(k);
    // The items as the loop's second input (ldexp's is an integer).
    let vals = a.transpose(Some(&perm))?.astype(&it, Order::C)?;
    let bools = mask
        .transpose(Some(&perm))?
        .astype(&ScalarType::Bool.dtype(), Order::C)?;
    let r = NdArray::empty(&outer, &lt, Order::C)?;
    fill(&r, initial, true)?;
    let n = a.shape()[k];
    let (isz, vsz, f) = (lt.itemsize(), it.itemsize(), lp.f);
    // SAFETY: vals/bools are C-contiguous with r.size() lines of n items; r holds one item
    // per line; the loop runs on one item at a time with zero strides.
    unsafe {
        for o in 0..r.size() {
            let acc = r.data_ptr().add(o * isz);
            for j in 0..n {
                if *bools.data_ptr().add(o * n + j) != 0 {
                    let x = vals.data_ptr().add((o * n + j) * vsz);
                    f(&[acc, x, acc], &[0, 0, 0], 1);
                }
            }
        }
    }
    if !keepdims {
        return Ok(r);
    }
    let kshape: Vec<isize> = (0..a.ndim())
        .map(|j| if j == k { 1 } else { a.shape()[j] as isize })
        .collect();
    r.reshape(&kshape, Order::C)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::find;
    use crate::error::Error;
    use half::f16;

    #[test]
    fn reduce_folds_a_loop_of_two_input_types() {
        // ldexp's loops are (float, int) -> float: an int8 array reduces in the float16 loop,
        // its items folding in as int32 exponents: ldexp(ldexp(1, 2), 3) = 32 (NumPy's).
        let ldexp = find("ldexp").unwrap();
        let a = NdArray::from_vec(vec![1i8, 2, 3], &[3]).unwrap();
        let r = reduce(ldexp, &a, None, None, false, None, None).unwrap();
        assert_eq!(r.dtype(), &ScalarType::Float16.dtype());
        assert_eq!(r.to_vec::<f16>(), vec![f16::from_f32(32.0)]);
        // Along one axis of a 2-d array, each row folds on its own.
        let a = NdArray::from_vec(vec![1i64, 1, 2, 3, 1, 0], &[2, 3]).unwrap();
        let r = reduce(ldexp, &a, Some(&[1]), None, false, None, None).unwrap();
        assert_eq!(r.to_vec::<f64>(), vec![8.0, 6.0]);
        // accumulate and reduceat need one type throughout (NumPy's refusal).
        assert!(matches!(
            accumulate(ldexp, &a, 1, None),
            Err(Error::Casting(_))
        ));
        assert!(matches!(
            reduceat(ldexp, &a, &[0], 1, None),
            Err(Error::Casting(_))
        ));
    }
}
