//! `ufunc.at`: `a[index] = op(a[index], b)` unbuffered, so repeated positions accumulate.
//!
//! The index is resolved to element offsets (array/fancy.rs); the loop then runs once per
//! offset, in index order. When the loop's type is not the array's, the work happens on a copy
//! in the loop's type and only the indexed elements are cast back.

use smallvec::SmallVec;

use super::resolve::{resolve, OpKind};
use super::Ufunc;
use crate::array::fancy::Fancy;
use crate::array::{NdArray, Order};
use crate::error::Result;

/// Apply `u` at `items` of `target`, with `b` (already an array; Python scalars resolved by
/// the caller) for binary ufuncs. Returns the loops' status bits.
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
    let lt = lp.ins[0].dtype();
    let native = target.dtype() == &lt && target.dtype().is_native();
    let work = if native { target.clone() } else { target.astype(&lt, Order::K)? };
    let pos = work.fancy_positions(items)?;
    let bvals = match b {
        Some(b) => {
            let bc = b.astype(&lp.ins[1].dtype(), Order::C)?;
            let bb = bc.broadcast_to(&pos.shape).map_err(|_| {
                crate::Error::Value(format!(
                    "array is not broadcastable to correct shape: values {} into {}",
                    crate::array::shape_repr(b.shape()),
                    crate::array::shape_repr(&pos.shape)
                ))
            })?;
            Some(bb.copy(Order::C)?)
        }
        None => None,
    };
    if lp.outs[0] != lp.ins[0] {
        // The loop's output type differs (logical_not of integers): each result goes through
        // a scratch element and is cast into place.
        let scratch = NdArray::empty(&[], &lp.outs[0].dtype(), Order::C)?;
        let mut status = 0;
        for (k, &off) in pos.offsets.iter().enumerate() {
            let p = work.element_view(off);
            let mut ins = vec![super::Input::Array(p.clone())];
            if let Some(bv) = &bvals {
                ins.push(super::Input::Array(bv.element_view((k * bv.itemsize()) as isize)));
            }
            let (r, st) =
                super::call(u, &ins, &[Some(scratch.clone())], crate::dtype::promote::Casting::Unsafe, None)?;
            status |= st;
            p.assign(&r[0])?;
        }
        if !native {
            write_back(target, &work, items, &pos.offsets)?;
        }
        return Ok(status);
    }
    let f = lp.f;
    let base = work.data_ptr();
    crate::loops::elementwise::fp_clear();
    let mut status = 0;
    // SAFETY: every offset addresses an element of `work` (fancy_positions checks bounds);
    // `bvals` is C-contiguous with one item per offset.
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
    status |= crate::loops::elementwise::fp_status();
    if !native {
        write_back(target, &work, items, &pos.offsets)?;
    }
    Ok(status)
}

/// Cast back from the working copy only the elements the index reached.
fn write_back(target: &NdArray, work: &NdArray, items: &[Fancy], offsets: &[isize]) -> Result<()> {
    let tpos = target.fancy_positions(items)?;
    for (&to, &wo) in tpos.offsets.iter().zip(offsets) {
        target.element_view(to).assign(&work.element_view(wo))?;
    }
    Ok(())
}
