//! Joining arrays: `concatenate` copies each input into its slab of the result (the copies run
//! through the core's assignment loops, on all cores when large). The other joining functions
//! (stack, vstack, hstack, block, append, ...) are compositions of it with reshapes.

use crate::array::{shape_repr, NdArray, Order};
use crate::dtype::promote::Casting;
use crate::dtype::DType;
use crate::error::Result;

/// `np.concatenate(arrays, axis, out=, dtype=, casting=)`; `axis=None` joins the flattened
/// arrays. `dtype` is the result type the caller resolved (NumPy's `result_type`).
pub fn concatenate(
    arrays: &[NdArray],
    axis: Option<isize>,
    dtype: &DType,
    out: Option<&NdArray>,
    casting: Casting,
) -> Result<NdArray> {
    ensure!(
        !arrays.is_empty(),
        Value,
        "need at least one array to concatenate"
    );
    let flat: Vec<NdArray>;
    let (arrays, axis) = match axis {
        None => {
            flat = arrays
                .iter()
                .map(|a| {
                    a.reshape_view(&[a.size()]).map_or_else(
                        || {
                            a.copy(Order::C)
                                .map(|c| c.reshape_view(&[a.size()]).expect("contiguous"))
                        },
                        Ok,
                    )
                })
                .collect::<Result<_>>()?;
            (&flat[..], 0usize)
        }
        Some(ax) => {
            let nd = arrays[0].ndim();
            ensure!(
                nd > 0,
                Value,
                "zero-dimensional arrays cannot be concatenated"
            );
            (arrays, NdArray::normalize_axis(ax, nd)?)
        }
    };
    let first = &arrays[0];
    let nd = first.ndim();
    let mut shape = first.shape().to_vec();
    shape[axis] = 0;
    for (i, a) in arrays.iter().enumerate() {
        ensure!(
            a.ndim() == nd,
            Value,
            "all the input arrays must have same number of dimensions, but the array at index 0 has {} dimension(s) and the array at index {} has {} dimension(s)",
            nd,
            i,
            a.ndim()
        );
        for d in 0..nd {
            ensure!(
                d == axis || a.shape()[d] == first.shape()[d],
                Value,
                "all the input array dimensions except for the concatenation axis must match exactly, but along dimension {}, the array at index 0 has size {} and the array at index {} has size {}",
                d,
                first.shape()[d],
                i,
                a.shape()[d]
            );
        }
        shape[axis] += a.shape()[axis];
        NdArray::check_cast(a.dtype(), dtype, casting)?;
    }
    let result = match out {
        Some(o) => {
            ensure!(
                o.shape() == shape.as_slice(),
                Value,
                "Output array is the wrong shape: {} is not {}",
                shape_repr(o.shape()),
                shape_repr(&shape)
            );
            o.check_writeable()?;
            o.clone()
        }
        None => NdArray::empty(&shape, dtype, Order::C)?,
    };
    let mut start = 0usize;
    for a in arrays {
        let len = a.shape()[axis];
        let slab = result.slab(axis, start, len)?;
        slab.assign(a)?;
        start += len;
    }
    Ok(result)
}

impl NdArray {
    /// The view of `len` entries from `start` along `axis`.
    pub fn slab(&self, axis: usize, start: usize, len: usize) -> Result<NdArray> {
        let mut shape: crate::array::Dims = self.shape().into();
        shape[axis] = len;
        let off = if len == 0 {
            0
        } else {
            start as isize * self.strides()[axis]
        };
        self.view_with(
            (self.offset() as isize + off) as usize,
            shape,
            self.strides().into(),
            self.dtype().clone(),
        )
    }
}
