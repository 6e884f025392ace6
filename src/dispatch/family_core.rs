//! Generalized ufuncs on extension families (longdouble, complex longdouble, objects): the
//! sums of products (`matmul`, `vecdot`, `matvec`, `vecmat`), each result one call of the
//! family's `dot` hook (NumPy's `dotfunc`, which keeps the family's own order), the first
//! operand conjugated for `vecdot` and `vecmat`. An empty sum in `matmul` is 0 for every
//! family (NumPy's matmul loops); the other three leave it to the family (objects: None).
//! Nothing here names a family.

use smallvec::SmallVec;

use super::exec::{as_arrays, Input};
use super::gufunc::{CoreArgs, CorePlan};
use super::methods::no_loop;
use super::Ufunc;
use crate::array::{dtype_str, NdArray, Order};
use crate::dtype::cast::Transfer;
use crate::dtype::promote::{can_cast, promote_types, Casting};
use crate::dtype::{DType, ScalarType};
use crate::error::Result;

/// How a sum-of-products gufunc's core dimensions map onto `out[i, j] = sum_k a[i, k] b[k, j]`.
#[derive(Copy, Clone)]
enum Shape {
    /// `(n?,k),(k,m?)->(n?,m?)`
    Matmul,
    /// `(n),(n)->()`, the first operand conjugated.
    Vecdot,
    /// `(m,n),(n)->(m)`
    Matvec,
    /// `(n),(n,m)->(m)`, the vector conjugated.
    Vecmat,
}

/// Sizes (i, k, j) and strides: a's (i, k), b's (k, j), the output's (i, j).
type Walk = ([usize; 3], [isize; 2], [isize; 2], [isize; 2]);

impl Shape {
    fn of(name: &str) -> Option<Shape> {
        Some(match name {
            "matmul" => Shape::Matmul,
            "vecdot" => Shape::Vecdot,
            "matvec" => Shape::Matvec,
            "vecmat" => Shape::Vecmat,
            _ => return None,
        })
    }

    fn conjugates(self) -> bool {
        matches!(self, Shape::Vecdot | Shape::Vecmat)
    }

    /// The walk of one loop item, from the signature's dimensions (in order of appearance).
    fn walk(self, c: &CoreArgs) -> Walk {
        let s = |op, j| c.stride(op, j);
        match self {
            Shape::Matmul => (
                [c.sizes[0], c.sizes[1], c.sizes[2]],
                [s(0, 0), s(0, 1)],
                [s(1, 0), s(1, 1)],
                [s(2, 0), s(2, 1)],
            ),
            Shape::Vecdot => ([1, c.sizes[0], 1], [0, s(0, 0)], [s(1, 0), 0], [0, 0]),
            Shape::Matvec => (
                [c.sizes[0], c.sizes[1], 1],
                [s(0, 0), s(0, 1)],
                [s(1, 0), 0],
                [s(2, 0), 0],
            ),
            Shape::Vecmat => (
                [1, c.sizes[0], c.sizes[1]],
                [0, s(0, 0)],
                [s(1, 0), s(1, 1)],
                [0, s(2, 0)],
            ),
        }
    }
}

/// Resolve a sum-of-products gufunc whose operands include an extension family: the inputs
/// promote to one descriptor, whose family must have a `dot` hook.
pub(crate) fn plan(
    u: &Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
    dtype: Option<ScalarType>,
) -> Result<CorePlan> {
    let arrays = as_arrays(inputs)?;
    let dtypes: SmallVec<[DType; 3]> = arrays.iter().map(|a| a.dtype().clone()).collect();
    let no = || no_loop(u, &dtypes);
    let shape = Shape::of(u.name).ok_or_else(no)?;
    let mut d = dtypes[0].clone();
    for x in &dtypes[1..] {
        d = promote_types(&d, x).map_err(|_| no())?;
    }
    let d = d.to_native();
    let dot = d.0.dot(shape.conjugates()).ok_or_else(no)??;
    ensure!(
        dtype.is_none_or(|t| t.dtype() == d),
        NotImplemented,
        "dtype= other than the loop's output with a dtype family beyond the built-in numbers ({})",
        u.name
    );
    let mut ins: SmallVec<[NdArray; 3]> = SmallVec::new();
    for (k, a) in arrays.iter().enumerate() {
        if a.dtype() == &d {
            ins.push(a.clone());
            continue;
        }
        ensure!(
            can_cast(a.dtype(), &d, casting),
            InputCasting,
            "Cannot cast ufunc '{}' input {} from {} to {} with casting rule '{}'",
            u.name,
            k,
            dtype_str(a.dtype()),
            dtype_str(&d),
            casting.name()
        );
        ins.push(a.astype(&d, Order::K)?);
    }
    if let Some(Some(o)) = outs.first() {
        ensure!(
            o.dtype() == &d || can_cast(&d, o.dtype(), casting),
            OutputCasting,
            "Cannot cast ufunc '{}' output from {} to {} with casting rule '{}'",
            u.name,
            dtype_str(&d),
            dtype_str(o.dtype()),
            casting.name()
        );
    }
    let serial = d.flags().needs_api;
    let zero = NdArray::zeros(&[], &d, Order::C)?;
    zero.assign(&super::exec::scalar_to_array(
        crate::dtype::Num::I(0),
        ScalarType::Int64,
    )?)?;
    let copy = Transfer::new(&d, &d)?;
    let out_types = SmallVec::from_elem(d.clone(), u.nout);
    let run = move |p: &[*mut u8], s: &[isize], n: usize, c: &CoreArgs| -> Result<u32> {
        let ([ni, nk, nj], sa, sb, so) = shape.walk(c);
        let mut status = 0;
        for t in 0..n as isize {
            let (a0, b0, o0) = (
                p[0].wrapping_offset(t * s[0]),
                p[1].wrapping_offset(t * s[1]),
                p[2].wrapping_offset(t * s[2]),
            );
            for i in 0..ni as isize {
                for j in 0..nj as isize {
                    let row = a0.wrapping_offset(i * sa[0]);
                    let col = b0.wrapping_offset(j * sb[1]);
                    let out = o0.wrapping_offset(i * so[0] + j * so[1]);
                    if nk == 0 && matches!(shape, Shape::Matmul) {
                        // SAFETY: one item of `d` at each pointer; `out` is an output item.
                        unsafe { copy.run(zero.data_ptr(), 0, out, 0, 1) }?;
                    } else {
                        // The core strides keep nk items of a row and a column inside their
                        // operands (the gufunc walk's guarantee).
                        status |= dot([row, col], [sa[1], sb[0]], out, nk)?;
                    }
                }
            }
        }
        Ok(status)
    };
    Ok(CorePlan {
        ins,
        outs: out_types,
        run: Box::new(run),
        serial,
    })
}
