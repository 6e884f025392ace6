//! `ufunc.at`: `a[index] = op(a[index], b)` unbuffered, so repeated positions accumulate.
//!
//! The index is resolved to element offsets (array/fancy.rs); the loop then runs once per
//! offset, in index order. When the loop's types are not the array's, each application goes
//! through the general call (cast in, compute, cast back), as NumPy does.

use smallvec::SmallVec;

use super::resolve::{resolve, OpKind};
use super::Ufunc;
use crate::array::fancy::Fancy;
use crate::array::{NdArray, Order};
use crate::error::Result;

/// Apply `u` at `items` of `target`, with `b` (an array: NumPy converts Python scalars with
/// `asarray`) for binary ufuncs. Returns the loops' status bits.
pub fn at(u: &Ufunc, target: &NdArray, items: &[Fancy], b: Option<&NdArray>) -> Result<u32> {
    target.check_writeable()?;
    ensure!(u.nout == 1, Value, "ufunc.at only supports ufuncs with one output");
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
        kinds.push(OpKind::Strong(b.dtype().scalar_type().ok_or_else(|| {
            crate::Error::Type("ufunc.at needs numeric values".into())
        })?));
    }
    let lp = resolve(u, &kinds, None)?;
    let pos = target.fancy_positions(items)?;
    let bvals = match b {
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
    let native = target.dtype().is_native() && lp.ins[0] == tt && lp.outs[0] == tt;
    if !native {
        // The loop's types are not the array's: NumPy casts in and out at every application,
        // so each element goes through the general call with itself as the output.
        let mut status = 0;
        for (k, &off) in pos.offsets.iter().enumerate() {
            let p = target.element_view(off);
            let mut ins = vec![super::Input::Array(p.clone())];
            if let Some(bv) = &bvals {
                ins.push(super::Input::Array(bv.element_view((k * bv.itemsize()) as isize)));
            }
            let (_, st) = super::call(
                u,
                &ins,
                &[Some(p)],
                crate::dtype::promote::Casting::Unsafe,
                None,
            )?;
            status |= st;
        }
        return Ok(status);
    }
    let f = lp.f;
    let base = target.data_ptr();
    crate::loops::elementwise::fp_clear();
    let mut status = 0;
    // SAFETY: every offset addresses an element of `target` (fancy_positions checks bounds)
    // whose type is the loop's; `bvals` is C-contiguous with one item per offset.
    unsafe {
        match &bvals {
            Some(bv) => {
                let bs = bv.itemsize();
                for (k, &off) in pos.offsets.iter().enumerate() {
                    let p = base.offset(off);
                    let q = bv.data_ptr().add(k * bs);
                    status |= f(&[p, q, p], &[0, 0, 0], 1);
                }
            }
            None => {
                for &off in &pos.offsets {
                    let p = base.offset(off);
                    status |= f(&[p, p], &[0, 0], 1);
                }
            }
        }
    }
    Ok(status | crate::loops::elementwise::fp_status())
}
