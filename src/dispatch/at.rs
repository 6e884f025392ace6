//! `ufunc.at`: `a[index] = op(a[index], b)` unbuffered, so repeated positions accumulate.
//!
//! The index is resolved to element offsets (array/fancy.rs); the loop then runs once per
//! offset, in index order. When the loop's types are not the array's, each application casts
//! the element in and the result back through a scratch item, as NumPy does.

use smallvec::SmallVec;

use super::resolve::{resolve, OpKind};
use super::Ufunc;
use crate::array::fancy::Fancy;
use crate::array::{NdArray, Order};
use crate::dtype::cast::Transfer;
use crate::error::Result;

/// Apply `u` at `items` of `target`, with `b` (an array: NumPy converts Python scalars with
/// `asarray`) for binary ufuncs. Returns the loops' status bits.
pub fn at(u: &Ufunc, target: &NdArray, items: &[Fancy], b: Option<&NdArray>) -> Result<u32> {
    target.check_writeable()?;
    ensure!(
        u.nout == 1,
        Value,
        "ufunc.at only supports ufuncs with one output"
    );
    ensure!(
        u.nin == 1 || b.is_some(),
        Value,
        "second operand needed for ufunc"
    );
    ensure!(
        u.nin == 2 || b.is_none(),
        Value,
        "second operand provided when ufunc is unary"
    );
    let tt = target
        .dtype()
        .scalar_type()
        .ok_or_else(|| crate::Error::Type("ufunc.at needs a numeric array".into()))?;
    let mut kinds: SmallVec<[OpKind; 2]> = SmallVec::new();
    kinds.push(OpKind::Strong(tt));
    if let Some(b) = b {
        kinds.push(OpKind::Strong(b.dtype().scalar_type().ok_or_else(
            || crate::Error::Type("ufunc.at needs numeric values".into()),
        )?));
    }
    let lp = resolve(u, &kinds, None)?;
    let pos = target.fancy_positions(items)?;
    // One value for every position stays one item (read with stride 0).
    let bstep = |bv: &NdArray| if bv.ndim() == 0 { 0 } else { bv.itemsize() };
    let bvals = match b {
        Some(b) if b.size() == 1 => Some(
            b.reshape_view(&[])
                .unwrap_or_else(|| b.clone())
                .astype(&lp.ins[1].dtype(), Order::C)?,
        ),
        Some(b) => {
            let bb = b.broadcast_to(&pos.shape).map_err(|_| {
                crate::Error::Value(format!(
                    "array is not broadcastable to correct shape: values {} into {}",
                    crate::array::shape_repr(b.shape()),
                    crate::array::shape_repr(&pos.shape)
                ))
            })?;
            Some(bb.astype(&lp.ins[1].dtype(), Order::C)?)
        }
        None => None,
    };
    // When the loop's types are not the array's, each element is cast into a scratch item,
    // computed there and cast back, at every application (as NumPy does), with the core's
    // cast loops: no per-element dispatch or allocation.
    let native = target.dtype().is_native() && lp.ins[0] == tt && lp.outs[0] == tt;
    let (cast_in, cast_out) = if native {
        (None, None)
    } else {
        (
            Some(Transfer::new(target.dtype(), &lp.ins[0].dtype())?),
            Some(Transfer::new(&lp.outs[0].dtype(), target.dtype())?),
        )
    };
    let mut scratch_in = [0u64; 2];
    let mut scratch_out = [0u64; 2];
    let (si, so) = (
        scratch_in.as_mut_ptr() as *mut u8,
        scratch_out.as_mut_ptr() as *mut u8,
    );
    let f = lp.f;
    let base = target.data_ptr();
    crate::loops::elementwise::fp_clear();
    let mut status = 0;
    // SAFETY: every offset addresses an element of `target` (fancy_positions checks bounds);
    // the scratch items hold any scalar (16 bytes); `bvals` is C-contiguous with one item
    // per offset, in the loop's second input type.
    unsafe {
        for (k, &off) in pos.offsets.iter().enumerate() {
            let p = base.offset(off);
            let (x, out) = match (&cast_in, &cast_out) {
                (Some(ci), Some(_)) => {
                    ci.run(p, 0, si, 0, 1)?;
                    (si, so)
                }
                _ => (p, p),
            };
            status |= match &bvals {
                Some(bv) => f(&[x, bv.data_ptr().add(k * bstep(bv)), out], &[0, 0, 0], 1),
                None => f(&[x, out], &[0, 0], 1),
            };
            if let Some(co) = &cast_out {
                co.run(so, 0, p, 0, 1)?;
            }
        }
    }
    Ok(status | crate::loops::elementwise::fp_status())
}
