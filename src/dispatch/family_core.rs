//! Generalized ufuncs on extension families (longdouble, complex longdouble, objects): the
//! sums of products (`matmul`, `vecdot`, `matvec`, `vecmat`) made from the family's own
//! elementwise `multiply` and `add` loops, and `conjugate` for the conjugated operand of
//! `vecdot` and `vecmat`. A family takes part by having those loops on its own descriptor;
//! nothing here names a family.
//!
//! NumPy's order: each result starts from add's identity and adds the products one by one in
//! index order (`longdouble` and `clongdouble`). A family whose loops call into Python
//! (objects) starts from the first product instead; its empty sums are `0` for `matmul` and
//! the blank item (None) for the others, as NumPy's object loops give.

use smallvec::SmallVec;

use super::exec::{weak_to_array, Input};
use super::gufunc::{CoreArgs, CorePlan};
use super::methods::{lookup, no_loop};
use super::Ufunc;
use crate::array::{dtype_str, NdArray, Order};
use crate::dtype::cast::Transfer;
use crate::dtype::method::{Family, StridedLoop};
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

/// The family's loop for `ufunc` on `d` alone, which must keep `d` for every operand.
fn own_loop(ufunc: &str, nin: usize, d: &DType) -> Option<Result<StridedLoop>> {
    let fam: SmallVec<[Family; 3]> = (0..nin).map(|_| d.family()).collect();
    let m = lookup(ufunc, &fam)?;
    let ins: SmallVec<[DType; 3]> = (0..nin).map(|_| d.clone()).collect();
    let r = m.resolve_descriptors(&ins, &[None]).ok()?;
    if r.descrs.iter().any(|x| x != d) {
        return None;
    }
    Some(m.get_loop(&r.descrs))
}

/// Resolve a sum-of-products gufunc whose operands include an extension family: the inputs
/// promote to one descriptor, whose family must have `multiply` and `add` keeping it.
pub(crate) fn plan(
    u: &Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
    dtype: Option<ScalarType>,
) -> Result<CorePlan> {
    let arrays = inputs
        .iter()
        .map(|i| match i {
            Input::Array(a) => Ok(a.clone()),
            Input::Weak(n, w) => weak_to_array(*n, w.default_type()),
        })
        .collect::<Result<SmallVec<[NdArray; 3]>>>()?;
    let dtypes: SmallVec<[DType; 3]> = arrays.iter().map(|a| a.dtype().clone()).collect();
    let no = || no_loop(u, &dtypes);
    let shape = Shape::of(u.name).ok_or_else(no)?;
    let mut d = dtypes[0].clone();
    for x in &dtypes[1..] {
        d = promote_types(&d, x).map_err(|_| no())?;
    }
    let d = d.to_native();
    let mul = own_loop("multiply", 2, &d).ok_or_else(no)??;
    let add = own_loop("add", 2, &d).ok_or_else(no)??;
    let conj = match shape.conjugates() {
        true => own_loop("conjugate", 1, &d).transpose()?,
        false => None,
    };
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
            UfuncCasting,
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
            UfuncCasting,
            "Cannot cast ufunc '{}' output from {} to {} with casting rule '{}'",
            u.name,
            dtype_str(&d),
            dtype_str(o.dtype()),
            casting.name()
        );
    }
    let serial = d.flags().needs_api;
    // Results start from add's identity, except where the loops call into Python.
    let from_zero = d.0.takes_identity() && !serial;
    let zero = NdArray::zeros(&[], &d, Order::C)?;
    let empty_sum = if from_zero || matches!(shape, Shape::Matmul) {
        zero.clone()
    } else {
        NdArray::empty(&[], &d, Order::C)?
    };
    let copy = Transfer::new(&d, &d)?;
    let isz = d.itemsize() as isize;
    let out_types = SmallVec::from_elem(d.clone(), u.nout);
    let run = move |p: &[*mut u8], s: &[isize], n: usize, c: &CoreArgs| -> Result<u32> {
        let ([ni, nk, nj], sa, sb, so) = shape.walk(c);
        // One result's products, and the conjugated row.
        let prods = NdArray::zeros(&[nk], &d, Order::C)?;
        let conjs = match conj {
            Some(_) => Some(NdArray::zeros(&[nk], &d, Order::C)?),
            None => None,
        };
        let at = |q: *mut u8, k: usize| q.wrapping_offset(k as isize * isz);
        let mut status = 0;
        for t in 0..n as isize {
            let (a0, b0, o0) = (
                p[0].wrapping_offset(t * s[0]),
                p[1].wrapping_offset(t * s[1]),
                p[2].wrapping_offset(t * s[2]),
            );
            for i in 0..ni as isize {
                for j in 0..nj as isize {
                    let (mut row, mut step) = (a0.wrapping_offset(i * sa[0]), sa[1]);
                    let col = b0.wrapping_offset(j * sb[1]);
                    let out = o0.wrapping_offset(i * so[0] + j * so[1]);
                    if let (Some(f), Some(buf)) = (&conj, &conjs) {
                        status |= f(&[row, buf.data_ptr()], &[step, isz], nk)?;
                        (row, step) = (buf.data_ptr(), isz);
                    }
                    status |= mul(&[row, col, prods.data_ptr()], &[step, sb[0], isz], nk)?;
                    let first = if nk == 0 {
                        (empty_sum.data_ptr(), nk)
                    } else if from_zero {
                        (zero.data_ptr(), 0)
                    } else {
                        (prods.data_ptr(), 1)
                    };
                    // SAFETY: one item of `d` at each pointer; `out` is the loop's output item.
                    unsafe { copy.run(first.0, 0, out, 0, 1) }?;
                    for k in first.1..nk {
                        status |= add(&[out, at(prods.data_ptr(), k), out], &[0, 0, 0], 1)?;
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
