//! Comparing record arrays (NumPy's `_void_compare`): `==` holds where every field is equal
//! (all elements of a subarray field), `!=` where any field differs. The records must have a
//! common dtype (`np.result_type`), and fields pair up by position.

use crate::array::NdArray;
use crate::dispatch::exec::{broadcast_shapes, call, Input};
use crate::dispatch::{find, reduce::reduce};
use crate::dtype::promote::{promote_types, Casting};
use crate::error::{Error, Result};

/// `a == b` (or `a != b` with `ne`) for record arrays, broadcast together.
pub fn compare(a: &NdArray, b: &NdArray, ne: bool) -> Result<NdArray> {
    ensure!(
        a.dtype().fields().is_some() && b.dtype().fields().is_some(),
        Type,
        "Cannot compare structured or void to non-void arrays."
    );
    promote_types(a.dtype(), b.dtype()).map_err(|_| {
        Error::Type(
            "Cannot compare structured arrays unless they have a common dtype.  I.e. `np.result_type(arr1, arr2)` must be defined."
                .into(),
        )
    })?;
    let shape = broadcast_shapes(&[a.shape(), b.shape()])?;
    let (elementwise, combine, fold) = if ne {
        ("not_equal", "logical_or", "logical_or")
    } else {
        ("equal", "logical_and", "logical_and")
    };
    let mut out = NdArray::full_bool(&shape, !ne)?;
    let n = a.dtype().fields().map_or(0, |f| f.len());
    for i in 0..n {
        let (fa, fb) = (a.field_at(i)?, b.field_at(i)?);
        let mut r = if fa.dtype().fields().is_some() {
            compare(&fa, &fb, ne)?
        } else {
            let u = find(elementwise).expect("comparison ufuncs are in the table");
            call(
                u,
                &[Input::Array(fa), Input::Array(fb)],
                &[None],
                Casting::SameKind,
                None,
                None,
            )?
            .0
            .remove(0)
        };
        if r.ndim() > shape.len() {
            // A subarray field: all (or any) of its elements.
            let axes: Vec<isize> = (shape.len() as isize..r.ndim() as isize).collect();
            r = reduce(
                find(fold).expect("logical ufuncs are in the table"),
                &r,
                Some(&axes),
                None,
                false,
                None,
                None,
            )?;
        }
        let u = find(combine).expect("logical ufuncs are in the table");
        out = call(
            u,
            &[Input::Array(out), Input::Array(r)],
            &[None],
            Casting::SameKind,
            None,
            None,
        )?
        .0
        .remove(0);
    }
    Ok(out)
}
