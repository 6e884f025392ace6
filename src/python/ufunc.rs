//! `rumpy.ufunc` objects, made from the rows of the ufunc table, and the ndarray operators that
//! call them.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::array::{NdArray, Order};
use crate::dispatch::gufunc::CoreAxes;
use crate::dispatch::{self, Identity, Input, Ufunc};
use crate::dtype::promote::{Casting, WeakKind};
use crate::dtype::ScalarType;
use crate::kernels::status;

use super::array::PyNdArray;
use super::convert::{classify_scalar, num_to_scalar, read_num, to_array, PyScalar};
use super::dtype::to_dtype;
use super::errors::{run_detached, run_detached_unless};
use super::overrides::set_given;
use super::vectorcall::{CallableType, VectorCall};

#[pyclass(name = "_ufunc", module = "rumpy._core", frozen, subclass)]
pub struct PyUfunc {
    pub u: &'static Ufunc,
}

/// Convert a ufunc argument: rumpy arrays as they are, Python scalars as weak scalars, anything
/// else through `asarray` (zero-copy for NumPy arrays).
pub fn to_input(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(a) = obj.cast::<PyNdArray>() {
        return Ok(Input::Array(a.get().array()));
    }
    if let Some((a, _)) = super::interop::from_numpy_ndarray(obj)? {
        return Ok(Input::Array(a));
    }
    let scalar = match classify_scalar(obj) {
        Ok(s) => s,
        // A weak int whose value only a float can hold: the core refuses it for integer loops.
        Err(e) => match super::convert::big_int(obj)? {
            Some(f) => {
                return Ok(Input::Weak(
                    crate::dtype::Num::F(f),
                    crate::dtype::promote::WeakKind::Int,
                ))
            }
            None => return Err(e),
        },
    };
    match scalar {
        Some(PyScalar::Weak(n, k)) => Ok(Input::Weak(n, k)),
        Some(s @ PyScalar::Typed(..)) => Ok(Input::Array(super::convert::scalar_array(&s, None)?)),
        None => Ok(Input::Array(to_array(obj, None)?.arr)),
    }
}

/// Report loop status: integer negative powers raise; floating-point conditions go through
/// `rumpy._errstate.handle`, which applies `seterr`/`errstate` (warn, raise, call, ...).
pub(super) fn warn_status(py: Python<'_>, u: &Ufunc, st: u32) -> PyResult<()> {
    warn_status_as(py, u, u.name, st)
}

/// As [`warn_status`], naming `label` in the messages (NumPy says "in reduce" for methods).
fn warn_status_as(py: Python<'_>, u: &Ufunc, label: &str, st: u32) -> PyResult<()> {
    if st & status::CAST_OVERFLOW != 0 {
        super::errors::report_fp(py, "cast", status::OVERFLOW, 3)?;
    }
    if st & status::NEGATIVE_POWER != 0 {
        return Err(PyValueError::new_err(
            "Integers to negative integer powers are not allowed.",
        ));
    }
    let st = if u.reports_underflow {
        st
    } else {
        st & !status::UNDERFLOW
    };
    let st = if u.reports_invalid {
        st
    } else {
        st & !status::INVALID
    };
    super::errors::report_fp(py, label, st, 3)
}

/// Run a reduction-like method and report the floating-point conditions its loops raised on
/// this thread (work split across threads reports what the calling thread saw).
fn with_fp_status<T: Send>(
    py: Python<'_>,
    u: &Ufunc,
    method: &str,
    bytes: usize,
    f: impl FnOnce() -> crate::Result<T> + Send,
) -> PyResult<T> {
    let (r, st) = run_detached(py, bytes, || {
        crate::loops::elementwise::fp_clear();
        let r = f()?;
        Ok((r, crate::loops::elementwise::fp_status()))
    })?;
    warn_status_as(py, u, method, st)?;
    Ok(r)
}

/// Wrap a result: 0-d results become scalars (NumPy's ufuncs return scalars for them).
fn wrap_result(py: Python<'_>, a: NdArray) -> PyResult<Py<PyAny>> {
    if a.ndim() == 0 {
        let Some(st) = a.dtype().scalar_type() else {
            // Text, records: the scalar indexing gives.
            let p = a.data_ptr();
            let owner = PyNdArray::wrap(py, a.clone(), None)?
                .into_bound(py)
                .into_any();
            return Ok(PyNdArray::scalar_at(py, &a, p, &owner)?.unbind());
        };
        // SAFETY: a 0-d array holds one item at data_ptr.
        let n = unsafe { read_num(a.data_ptr(), a.dtype()) };
        return Ok(num_to_scalar(py, n, st)?.unbind());
    }
    Ok(PyNdArray::wrap(py, a, None)?.into_any())
}

/// A Python scalar operand of the small-array path: its value and kind (NEP 50's weak scalar).
fn weak_operand(
    x: &Bound<'_, PyAny>,
    arr: &Bound<'_, PyNdArray>,
) -> Option<(crate::dtype::Num, WeakKind)> {
    match classify_scalar(x) {
        Ok(Some(PyScalar::Weak(n, w))) => Some((n, w)),
        // A scalar of the array's own type resolves as a Python number of its kind would.
        Ok(Some(PyScalar::Typed(n, st)))
            if arr
                .get()
                .with_arr_in(arr.py(), |a| a.dtype().native_scalar())
                == Some(st) =>
        {
            let w = if st == ScalarType::Bool {
                WeakKind::Bool
            } else if st.is_complex() {
                WeakKind::Complex
            } else if st.is_float() {
                WeakKind::Float
            } else {
                WeakKind::Int
            };
            // An unsigned value within int64 is the same number to the weak path.
            let n = match n {
                crate::dtype::Num::U(u) if u <= i64::MAX as u64 => crate::dtype::Num::I(u as i64),
                n => n,
            };
            Some((n, w))
        }
        _ => None,
    }
}

/// The small same-layout case goes straight to the dispatcher's contiguous path: arrays of
/// one dtype and shape, or one array and one Python scalar (`a * 2.0`). The arrays are read
/// in place under their locks (no handle cloned).
fn fast_same_layout(
    py: Python<'_>,
    u: &'static Ufunc,
    args: &[Bound<'_, PyAny>],
) -> PyResult<Option<Py<PyAny>>> {
    use dispatch::exec::{call_contiguous, call_contiguous_weak};
    let done = match args {
        [a] => match a.cast::<PyNdArray>() {
            Ok(x) => x.get().with_arr_in(py, |x| call_contiguous(u, &[x]))?,
            Err(_) => return Ok(None),
        },
        [a, b] => match (a.cast::<PyNdArray>(), b.cast::<PyNdArray>()) {
            (Ok(x), Ok(y)) if x.is(y) => {
                x.get().with_arr_in(py, |x| call_contiguous(u, &[x, x]))?
            }
            (Ok(x), Ok(y)) => x.get().with_arr_in(py, |x| {
                y.get().with_arr_in(py, |y| call_contiguous(u, &[x, y]))
            })?,
            (Ok(x), Err(_)) => match weak_operand(b, x) {
                Some((n, w)) => x
                    .get()
                    .with_arr_in(py, |x| call_contiguous_weak(u, x, n, w, false))?,
                None => return Ok(None),
            },
            (Err(_), Ok(y)) => match weak_operand(a, y) {
                Some((n, w)) => y
                    .get()
                    .with_arr_in(py, |y| call_contiguous_weak(u, y, n, w, true))?,
                None => return Ok(None),
            },
            _ => return Ok(None),
        },
        _ => {
            let mut arrs: smallvec::SmallVec<[NdArray; 3]> = smallvec::SmallVec::new();
            for a in args {
                match a.cast::<PyNdArray>() {
                    Ok(x) => arrs.push(x.get().cur()),
                    Err(_) => return Ok(None),
                }
            }
            let refs: smallvec::SmallVec<[&NdArray; 3]> = arrs.iter().collect();
            call_contiguous(u, &refs)?
        }
    };
    match done {
        Some((out, status)) => {
            warn_status(py, u, status)?;
            Ok(Some(PyNdArray::wrap(py, out, None)?.into_any()))
        }
        None => Ok(None),
    }
}

/// Does `d` name a family's loops beyond the numbers (object, the extended floats), which
/// `dtype=` and `signature=` select by casting the inputs to it?
fn names_family_loop(d: &crate::dtype::DType) -> bool {
    d.kind() == 'O' || super::longdouble::is_extended(d)
}

/// A `dtype=` naming a family's loop beyond the numbers, or None.
fn family_dtype_arg(dtype: Option<&Bound<'_, PyAny>>) -> PyResult<Option<crate::dtype::DType>> {
    let Some(d) = dtype.filter(|d| !d.is_none()) else {
        return Ok(None);
    };
    let dt = to_dtype(d)?;
    Ok(names_family_loop(&dt).then_some(dt))
}

/// A call whose `dtype=` names a family's loop (NumPy's `OO->O`, `gg->g`): the inputs cast to
/// that dtype, the loop the family has for them; a comparison of objects gives objects.
#[allow(clippy::too_many_arguments)]
fn call_in_family<'py>(
    py: Python<'py>,
    u: &'static Ufunc,
    args: &[Bound<'py, PyAny>],
    out: Option<&Bound<'py, PyAny>>,
    where_: Option<&Bound<'py, PyAny>>,
    casting: &str,
    d: &crate::dtype::DType,
    order: Order,
) -> PyResult<Py<PyAny>> {
    let mut ins: Vec<NdArray> = Vec::with_capacity(u.nin);
    for a in &args[..u.nin] {
        let arr = to_array(a, None)?.arr;
        ins.push(super::errors::run_cast(py, arr.nbytes(), || {
            arr.astype(d, Order::K)
        })?);
    }
    if d.kind() != 'O' {
        // `dtype=` names the outputs: the family's loop for these inputs must give `d`
        // (comparisons of extended floats give bools: NumPy finds no loop).
        let p = crate::dispatch::methods::prepare(u, &ins, &[], Casting::Unsafe)?;
        if p.outs.iter().any(|o| o != d) {
            return Err(PyTypeError::new_err(format!(
                "No loop matching the specified signature and casting was found for ufunc {}",
                u.name
            )));
        }
    }
    let mut cast: Vec<Bound<'py, PyAny>> = Vec::with_capacity(args.len());
    for a in ins {
        cast.push(PyNdArray::wrap(py, a, None)?.into_bound(py).into_any());
    }
    cast.extend(args[u.nin..].iter().cloned());
    let r = call_ufunc(py, u, &cast, out, where_, casting, None, order)?;
    let given_out = out.is_some_and(|o| !o.is_none() && !is_ellipsis(o)) || args.len() > u.nin;
    if d.kind() == 'O' && !given_out && u.nout == 1 {
        // NumPy's object loop: every result an object (comparisons too).
        let r = r.into_bound(py);
        if let Ok(a) = r.cast::<PyNdArray>() {
            let arr = a.get().array();
            if arr.dtype().kind() != 'O' {
                let c = arr.astype(d, Order::K)?;
                return Ok(PyNdArray::wrap(py, c, None)?.into_any());
            }
        } else if r.hasattr("item")? {
            // A 0-d result: the object itself (a Python bool, not a NumPy one).
            return Ok(r.call_method0("item")?.unbind());
        }
        return Ok(r.unbind());
    }
    Ok(r)
}

/// The items a reduction (reduce, accumulate, reduceat) folds and the numeric loop type its
/// `dtype=` names. A dtype naming a family's loop (object, the extended floats), or any
/// dtype beside such items, has the items cast to it first (unsafely, as NumPy casts a
/// reduction's input).
fn reduction_input(
    py: Python<'_>,
    a: NdArray,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<(NdArray, Option<ScalarType>)> {
    let cast =
        |d: &crate::dtype::DType| super::errors::run_cast(py, a.nbytes(), || a.astype(d, Order::K));
    if let Some(d) = family_dtype_arg(dtype)? {
        return Ok((cast(&d)?, None));
    }
    let dt = numeric_dtype_arg(dtype)?;
    match dt {
        Some(st) if names_family_loop(a.dtype()) => Ok((cast(&st.dtype())?, dt)),
        _ => Ok((a, dt)),
    }
}

/// A `dtype=` argument of a ufunc call: None, or a numeric dtype.
fn numeric_dtype_arg(dtype: Option<&Bound<'_, PyAny>>) -> PyResult<Option<ScalarType>> {
    match dtype {
        Some(d) if !d.is_none() => {
            let dt = to_dtype(d)?;
            if let Some(t) = crate::dtype::time::TimeDesc::of(&dt) {
                // A time family is chosen by the operands; only its generic descriptor names
                // it without details.
                if t.meta.unit == crate::dtype::datetime::Unit::Generic {
                    return Ok(None);
                }
                return Err(PyTypeError::new_err("The `dtype` and `signature` arguments to ufuncs only select the general DType and not details such as the byte order or time unit. You can avoid this error by using the scalar types `np.float64` or the dtype string notation."));
            }
            Ok(Some(dt.scalar_type().ok_or_else(|| {
                PyTypeError::new_err("dtype must be numeric")
            })?))
        }
        _ => Ok(None),
    }
}

/// A `signature=` naming one family beyond the numbers for its inputs (`'OO->O'`, `'gg->g'`,
/// or a tuple whose dtypes are all that one), or None.
fn family_signature(
    u: &Ufunc,
    sig: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<crate::dtype::DType>> {
    let Some(sig) = sig.filter(|s| !s.is_none()) else {
        return Ok(None);
    };
    let dts: Vec<crate::dtype::DType> = if let Ok(s) = sig.cast::<pyo3::types::PyString>() {
        let s = s.to_cow()?;
        let Some((l, _)) = s.split_once("->") else {
            return Ok(None);
        };
        if l.chars().count() != u.nin {
            return Ok(None);
        }
        let mut v = Vec::new();
        for c in l.chars() {
            match crate::dtype::parse::parse_dtype(&c.to_string()) {
                Ok(d) => v.push(d),
                Err(_) => return Ok(None),
            }
        }
        v
    } else if let Ok(t) = sig.cast::<PyTuple>() {
        let mut v = Vec::new();
        for x in t.iter().take(u.nin).filter(|x| !x.is_none()) {
            match to_dtype(&x) {
                Ok(d) => v.push(d),
                Err(_) => return Ok(None),
            }
        }
        v
    } else {
        return Ok(None);
    };
    Ok(match dts.first() {
        Some(d) if names_family_loop(d) && dts.iter().all(|x| x == d) => Some(d.clone()),
        _ => None,
    })
}

/// A ufunc's `signature=` ('dd->d', or a tuple with one dtype or None per operand), checked
/// as NumPy checks it; the loop it names is chosen through its output type.
fn signature_dtype(u: &Ufunc, sig: Option<&Bound<'_, PyAny>>) -> PyResult<Option<ScalarType>> {
    let Some(sig) = sig.filter(|s| !s.is_none()) else {
        return Ok(None);
    };
    let nargs = u.nin + u.nout;
    let types: Vec<Option<ScalarType>> = if let Ok(s) = sig.cast::<pyo3::types::PyString>() {
        let s = s.to_cow()?;
        if s.chars().count() == 1 {
            return Err(PyTypeError::new_err(
                "Use `dtype` or  fill the tuple with more than one 'None'.",
            ));
        }
        let bad = || {
            PyValueError::new_err(format!(
                "a type-string for {}, {} typecode(s) before and {} after the -> sign",
                u.name, u.nin, u.nout
            ))
        };
        let (l, r) = s.split_once("->").ok_or_else(bad)?;
        if l.chars().count() != u.nin || r.chars().count() != u.nout {
            return Err(bad());
        }
        l.chars()
            .chain(r.chars())
            .map(|c| {
                // An unknown type code: NumPy's ValueError.
                let st = crate::dtype::parse::parse_dtype(&c.to_string())
                    .map_err(|_| PyValueError::new_err("Invalid data-type for array"))?
                    .scalar_type();
                Ok(Some(st.ok_or_else(|| {
                    PyTypeError::new_err("dtype must be numeric")
                })?))
            })
            .collect::<PyResult<_>>()?
    } else if let Ok(t) = sig.cast::<PyTuple>() {
        if t.len() == 1 {
            return Err(PyTypeError::new_err(
                "Use `dtype` or  fill the tuple with more than one 'None'.",
            ));
        }
        if t.len() != nargs {
            return Err(PyValueError::new_err(format!(
                "a type-tuple must be specified of length {} for ufunc '{}'",
                nargs, u.name
            )));
        }
        t.iter()
            .map(|d| numeric_dtype_arg(Some(&d)))
            .collect::<PyResult<_>>()?
    } else {
        return Err(PyTypeError::new_err(
            "the signature object to ufunc must be a string or a tuple.",
        ));
    };
    let fits = |l: &crate::dispatch::Loop| {
        l.ins
            .iter()
            .chain(l.outs.iter())
            .zip(&types)
            .all(|(a, b)| b.is_none_or(|b| *a == b))
    };
    match u.loops.iter().find(|l| fits(l)) {
        Some(l) if types.iter().any(|t| t.is_some()) => Ok(Some(l.outs[0])),
        Some(_) => Ok(None),
        None => Err(PyTypeError::new_err(format!(
            "No loop matching the specified signature and casting was found for ufunc {}",
            u.name
        ))),
    }
}

fn input_bytes(ins: &[Input]) -> usize {
    ins.iter()
        .map(|i| {
            if let Input::Array(a) = i {
                a.nbytes()
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// The core of `ufunc.__call__`, shared by the operators.
#[allow(clippy::too_many_arguments)]
pub fn call_ufunc<'py>(
    py: Python<'py>,
    u: &'static Ufunc,
    args: &[Bound<'py, PyAny>],
    out: Option<&Bound<'py, PyAny>>,
    where_: Option<&Bound<'py, PyAny>>,
    casting: &str,
    dtype: Option<&Bound<'py, PyAny>>,
    order: Order,
) -> PyResult<Py<PyAny>> {
    check_nargs(u, args.len())?;
    // `out=...`: no output given, and a 0-d result stays an array.
    let keep_array = out.is_some_and(is_ellipsis);
    if u.core.is_some() {
        if where_.is_some() {
            return Err(PyTypeError::new_err(format!(
                "{}() got an unexpected keyword argument 'where'",
                u.name
            )));
        }
        let placing = CoreAxes {
            order,
            ..Default::default()
        };
        return call_gufunc(py, u, args, out, casting, dtype, &placing);
    }
    let given_out = out;
    let out = if keep_array { None } else { out };
    if out.is_none()
        && !keep_array
        && order != Order::F
        && where_.is_none()
        && dtype.is_none()
        && casting == "same_kind"
        && args.iter().all(|a| PyNdArray::subtype(a).is_none())
    {
        if let Some(r) = fast_same_layout(py, u, args)? {
            return Ok(r);
        }
    }
    if let Some(d) = family_dtype_arg(dtype)? {
        return call_in_family(py, u, args, given_out, where_, casting, &d, order);
    }
    let ins: Vec<Input> = args[..u.nin]
        .iter()
        .map(to_input)
        .collect::<PyResult<_>>()?;
    let ins = python_numbers_as_objects(&args[..u.nin], ins)?;
    let (out_objs, outs) = parse_outs(u, args, out)?;
    let casting = Casting::parse(casting)?;
    let dt = numeric_dtype_arg(dtype)?;
    let mask = where_mask(where_)?;
    if mask.is_some() && out.is_none() && out_objs.iter().all(|o| o.is_none()) {
        let msg = c"'where' used without 'out', expect unitialized memory in output. If this is intentional, use out=None.";
        PyErr::warn(
            py,
            &py.get_type::<pyo3::exceptions::PyUserWarning>(),
            msg,
            1,
        )?;
    }
    let bytes = input_bytes(&ins);
    let keep = dispatch::methods::needs_api(&ins, &outs);
    let (results, st) = run_detached_unless(py, keep, bytes, || {
        dispatch::exec::call_ordered(u, &ins, &outs, casting, dt, mask.as_ref(), order)
    })?;
    warn_status(py, u, st)?;
    call_results(py, u, args, results, &out_objs, keep_array)
}

/// Next to an object array, a Python number is an object as it is (NumPy's object loop gets
/// the int itself, of any size), not a weak number for the numeric loops.
fn python_numbers_as_objects(args: &[Bound<'_, PyAny>], ins: Vec<Input>) -> PyResult<Vec<Input>> {
    let objects = ins
        .iter()
        .any(|i| matches!(i, Input::Array(a) if a.dtype().kind() == 'O'));
    if !objects {
        return Ok(ins);
    }
    let object = crate::dtype::object::object();
    ins.into_iter()
        .zip(args)
        .map(|(i, a)| match i {
            Input::Weak(..) => Ok(Input::Array(to_array(a, Some(&object))?.arr)),
            other => Ok(other),
        })
        .collect()
}

/// NumPy's TypeError for a call with too few or too many positional arguments.
fn check_nargs(u: &Ufunc, n: usize) -> PyResult<()> {
    if n < u.nin || n > u.nin + u.nout {
        return Err(PyTypeError::new_err(format!(
            "{}() takes from {} to {} positional arguments but {} were given",
            u.name,
            u.nin,
            u.nin + u.nout,
            n
        )));
    }
    Ok(())
}

/// What a call returns: the caller's own output objects where given, new arrays (0-d ones as
/// scalars) otherwise; a tuple for several outputs.
/// The input whose type the results take: NumPy's choice among the inputs that are instances
/// of an ndarray subclass, the one with the highest `__array_priority__` (the first on a tie).
/// The flag tells whether its class overrides `__array_wrap__`.
pub(crate) fn wrap_source<'py>(
    args: &[Bound<'py, PyAny>],
) -> PyResult<Option<(Bound<'py, PyAny>, bool)>> {
    let mut best: Option<(Bound<'py, PyAny>, f64)> = None;
    for a in args {
        if PyNdArray::subtype(a).is_some() {
            // NumPy ignores a priority it cannot read.
            let p: f64 = a
                .getattr("__array_priority__")
                .and_then(|p| p.extract())
                .unwrap_or(0.0);
            if best.as_ref().is_none_or(|(_, b)| p > *b) {
                best = Some((a.clone(), p));
            }
        }
    }
    let Some((a, _)) = best else {
        return Ok(None);
    };
    let base = a.py().get_type::<PyNdArray>().getattr("__array_wrap__")?;
    let custom = !a.get_type().getattr("__array_wrap__")?.is(&base);
    Ok(Some((a, custom)))
}

/// A result for the wrap source: its own `__array_wrap__(result, context, return_scalar)`
/// when its class overrides it, otherwise a view of the result as an instance of its class
/// (finalized with the source), as NumPy's default wrapping makes it.
pub(crate) fn wrap_for<'py>(
    src: &(Bound<'py, PyAny>, bool),
    r: NdArray,
    scalar_ok: bool,
    context: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let py = src.0.py();
    let zero_d = scalar_ok && r.ndim() == 0;
    let plain = PyNdArray::wrap(py, r, None)?;
    if src.1 {
        let ctx = context()?;
        return Ok(src
            .0
            .call_method1("__array_wrap__", (plain, ctx, zero_d))?
            .unbind());
    }
    let ty = src.0.get_type();
    // NumPy's subclass result views the plain result (its base).
    Ok(PyNdArray::as_subtype(&ty, plain, Some(&src.0), false)?
        .into_any()
        .unbind())
}

/// `out=...` (NumPy 2): no output given, and a 0-d result returned as an array.
fn is_ellipsis(o: &Bound<'_, PyAny>) -> bool {
    o.is(pyo3::types::PyEllipsis::get(o.py()))
}

/// The ufunc object of a table row, for `__array_wrap__`'s context.
fn ufunc_object<'py>(py: Python<'py>, u: &Ufunc) -> PyResult<Bound<'py, PyAny>> {
    py.import("rumpy._core")?.getattr(u.name)
}

fn call_results(
    py: Python<'_>,
    u: &Ufunc,
    args: &[Bound<'_, PyAny>],
    results: Vec<NdArray>,
    out_objs: &[Option<Bound<'_, PyAny>>],
    keep_array: bool,
) -> PyResult<Py<PyAny>> {
    let src = wrap_source(&args[..u.nin.min(args.len())])?;
    let mut py_results: Vec<Py<PyAny>> = Vec::new();
    for (k, r) in results.into_iter().enumerate() {
        match (out_objs.get(k).and_then(|o| o.clone()), &src) {
            (Some(o), _) => py_results.push(o.unbind()),
            (None, None) if keep_array => py_results.push(PyNdArray::wrap(py, r, None)?.into_any()),
            (None, None) => py_results.push(wrap_result(py, r)?),
            (None, Some(w)) => py_results.push(wrap_for(w, r, !keep_array, || {
                let ctx = (ufunc_object(py, u)?, PyTuple::new(py, args)?, k);
                Ok(ctx.into_pyobject(py)?.into_any())
            })?),
        }
    }
    if py_results.len() == 1 {
        Ok(py_results.pop().expect("one result"))
    } else {
        Ok(PyTuple::new(py, py_results)?.into_any().unbind())
    }
}

/// An output operand: a rumpy array, or another library's array (NumPy's) written in place
/// through a view of its memory. Anything else is a TypeError with `msg`.
pub(crate) fn out_array(o: &Bound<'_, PyAny>, msg: &'static str) -> PyResult<NdArray> {
    if let Ok(a) = o.cast::<PyNdArray>() {
        return Ok(a.get().array());
    }
    if o.hasattr(pyo3::intern!(o.py(), "__array_interface__"))? {
        if let Some((a, _)) = super::interop::from_foreign(o)? {
            if crate::dtype::vstring::VString::of(a.dtype()).is_none() {
                return Ok(a);
            }
        }
    }
    Err(PyTypeError::new_err(msg))
}

/// The outputs of a call: positional after the inputs, or out= (an array or a tuple of them).
#[allow(clippy::type_complexity)]
fn parse_outs<'py>(
    u: &Ufunc,
    args: &[Bound<'py, PyAny>],
    out: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Vec<Option<Bound<'py, PyAny>>>, Vec<Option<NdArray>>)> {
    // A positional None asks for a new output, as `out=None` does.
    let mut out_objs: Vec<Option<Bound<'py, PyAny>>> = args[u.nin..]
        .iter()
        .map(|o| (!o.is_none()).then(|| o.clone()))
        .collect();
    if let Some(o) = out {
        if !o.is_none() {
            if !out_objs.is_empty() {
                return Err(PyTypeError::new_err(
                    "cannot specify 'out' as both a positional and keyword argument",
                ));
            }
            if let Ok(t) = o.cast::<PyTuple>() {
                if t.len() != u.nout {
                    return Err(PyValueError::new_err(
                        "The 'out' tuple must have exactly one entry per ufunc output",
                    ));
                }
                out_objs = t
                    .iter()
                    .map(|x| if x.is_none() { None } else { Some(x) })
                    .collect();
            } else if u.nout > 1 {
                return Err(PyTypeError::new_err("'out' must be a tuple of arrays"));
            } else {
                out_objs = vec![Some(o.clone())];
            }
        }
    }
    let mut outs: Vec<Option<NdArray>> = Vec::new();
    for o in &out_objs {
        match o {
            None => outs.push(None),
            Some(o) => outs.push(Some(out_array(o, "return arrays must be of ArrayType")?)),
        }
    }
    Ok((out_objs, outs))
}

/// Call a generalized ufunc (core dimensions; `dispatch::gufunc`).
pub fn call_gufunc<'py>(
    py: Python<'py>,
    u: &'static Ufunc,
    args: &[Bound<'py, PyAny>],
    out: Option<&Bound<'py, PyAny>>,
    casting: &str,
    dtype: Option<&Bound<'py, PyAny>>,
    placing: &CoreAxes,
) -> PyResult<Py<PyAny>> {
    check_nargs(u, args.len())?;
    let keep_array = out.is_some_and(is_ellipsis);
    let out = if keep_array { None } else { out };
    let mut ins: Vec<Input> = args[..u.nin]
        .iter()
        .map(to_input)
        .collect::<PyResult<_>>()?;
    let (out_objs, outs) = parse_outs(u, args, out)?;
    let casting = Casting::parse(casting)?;
    let dt = match family_dtype_arg(dtype)? {
        // `dtype=` naming a family's loop: the inputs cast to it (NumPy's `OO->O`).
        Some(d) => {
            let arrays = dispatch::exec::as_arrays(&ins)?;
            for (i, a) in ins.iter_mut().zip(arrays) {
                *i = Input::Array(super::errors::run_cast(py, a.nbytes(), || {
                    a.astype(&d, Order::K)
                })?);
            }
            None
        }
        None => numeric_dtype_arg(dtype)?,
    };
    let bytes = input_bytes(&ins);
    let keep = dispatch::methods::needs_api(&ins, &outs);
    let (results, st) = run_detached_unless(py, keep, bytes, || {
        dispatch::gufunc::call(u, &ins, &outs, casting, dt, placing)
    })?;
    warn_status(py, u, st)?;
    call_results(py, u, args, results, &out_objs, keep_array)
}

/// `axes=`: a list with one entry per operand, each a tuple of axes or one int.
fn parse_axes(axes: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<Vec<isize>>>> {
    let Some(a) = axes else { return Ok(None) };
    if a.is_none() {
        return Ok(None);
    }
    let list = a
        .cast::<PyList>()
        .map_err(|_| PyTypeError::new_err("axes should be a list."))?;
    let mut v = Vec::new();
    for item in list.iter() {
        if let Ok(t) = item.cast::<PyTuple>() {
            v.push(
                t.iter()
                    .map(|x| x.extract::<isize>())
                    .collect::<PyResult<Vec<_>>>()?,
            );
        } else if let Ok(i) = item.extract::<isize>() {
            v.push(vec![i]);
        } else {
            return Err(PyTypeError::new_err(
                "axes item should be a tuple or an integer",
            ));
        }
    }
    Ok(Some(v))
}

/// A ufunc's `where=`: None when it is True everywhere. Arrays must hold bools (the core says
/// so, as NumPy's safe cast does); Python scalars, strings and lists are taken for their truth
/// values, as NumPy converts them.
fn where_mask(where_: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NdArray>> {
    let Some(w) = where_ else { return Ok(None) };
    if w.is_instance_of::<pyo3::types::PyBool>() && w.is_truthy()? {
        return Ok(None);
    }
    if w.cast::<PyNdArray>().is_ok() || w.hasattr("__array_interface__")? || w.hasattr("dtype")? {
        return Ok(Some(to_array(w, None)?.arr));
    }
    if w.cast::<pyo3::types::PyList>().is_ok() || w.cast::<PyTuple>().is_ok() {
        let a = to_array(w, None)?.arr;
        return Ok(Some(
            a.astype(&ScalarType::Bool.dtype(), crate::array::Order::C)?,
        ));
    }
    // Any other object: its truth value.
    let b = pyo3::types::PyBool::new(w.py(), w.is_truthy()?)
        .to_owned()
        .into_any();
    Ok(Some(to_array(&b, None)?.arr))
}

/// An `axis=` argument: omitted, None (all axes), or an int or tuple of ints.
pub enum AxisArg {
    Default,
    All,
    Axes(Vec<isize>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for AxisArg {
    type Error = PyErr;
    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if obj.is_none() {
            return Ok(AxisArg::All);
        }
        if let Ok(i) = obj.extract::<isize>() {
            return Ok(AxisArg::Axes(vec![i]));
        }
        match obj.extract::<Vec<isize>>() {
            Ok(v) => Ok(AxisArg::Axes(v)),
            Err(_) => Err(PyTypeError::new_err(format!(
                "'{}' object cannot be interpreted as an integer",
                obj.get_type().name()?
            ))),
        }
    }
}

/// The keywords of `__call__` and `outer`, as given: read from `kwargs` here rather than by the
/// binding's argument parser, so that a call with operands only skips them altogether and an
/// explicit None is told apart where NumPy tells it apart (`where=`, `axes=`, `axis=`,
/// `keepdims=`).
#[derive(Default)]
struct CallKeywords<'py> {
    out: Option<Bound<'py, PyAny>>,
    casting: Option<Bound<'py, PyAny>>,
    order: Option<Bound<'py, PyAny>>,
    dtype: Option<Bound<'py, PyAny>>,
    subok: Option<Bound<'py, PyAny>>,
    signature: Option<Bound<'py, PyAny>>,
    r#where: Option<Bound<'py, PyAny>>,
    axes: Option<Bound<'py, PyAny>>,
    axis: Option<Bound<'py, PyAny>>,
    keepdims: Option<Bound<'py, PyAny>>,
}

impl<'py> CallKeywords<'py> {
    fn parse(u: &Ufunc, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Self> {
        let mut k = Self::default();
        for (name, v) in kwargs.into_iter().flatten() {
            let name = name.cast_into::<pyo3::types::PyString>()?;
            let slot = match name.to_str()? {
                "out" => &mut k.out,
                "casting" => &mut k.casting,
                "order" => &mut k.order,
                "dtype" => &mut k.dtype,
                "subok" => &mut k.subok,
                "signature" => &mut k.signature,
                "where" => &mut k.r#where,
                "axes" => &mut k.axes,
                "axis" => &mut k.axis,
                "keepdims" => &mut k.keepdims,
                other => {
                    return Err(PyTypeError::new_err(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        u.name, other
                    )))
                }
            };
            *slot = Some(v);
        }
        Ok(k)
    }

    /// Every keyword given but `out=` (which the override step passes on as a tuple).
    fn set(&self, d: &Bound<'py, PyDict>) -> PyResult<()> {
        for (name, v) in [
            ("casting", &self.casting),
            ("order", &self.order),
            ("dtype", &self.dtype),
            ("subok", &self.subok),
            ("signature", &self.signature),
            ("where", &self.r#where),
            ("axes", &self.axes),
            ("axis", &self.axis),
            ("keepdims", &self.keepdims),
        ] {
            set_given(d, name, v.as_ref())?;
        }
        Ok(())
    }

    /// `out=`, `dtype=`, `signature=` and `order=` given as None are absent.
    fn out(&self) -> Option<&Bound<'py, PyAny>> {
        self.out.as_ref().filter(|v| !v.is_none())
    }
    fn dtype(&self) -> Option<&Bound<'py, PyAny>> {
        self.dtype.as_ref().filter(|v| !v.is_none())
    }
    fn signature(&self) -> Option<&Bound<'py, PyAny>> {
        self.signature.as_ref().filter(|v| !v.is_none())
    }
}

/// A keyword NumPy wants as a string: its TypeError otherwise.
fn str_keyword(name: &str, v: &Bound<'_, PyAny>) -> PyResult<String> {
    v.extract::<String>().map_err(|_| {
        let t = v
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!("{name} must be str, not {t}"))
    })
}

/// An axis argument as NumPy would have been given it (None for the default).
fn axis_object<'py>(py: Python<'py>, axis: &AxisArg) -> PyResult<Option<Bound<'py, PyAny>>> {
    Ok(match axis {
        AxisArg::Default => None,
        AxisArg::All => Some(py.None().into_bound(py)),
        AxisArg::Axes(v) if v.len() == 1 => Some(v[0].into_pyobject(py)?.into_any()),
        AxisArg::Axes(v) => Some(PyTuple::new(py, v)?.into_any()),
    })
}

/// `ufunc.reduce` (also used by sum/prod/max/min).
#[allow(clippy::too_many_arguments)]
pub fn reduce_impl<'py>(
    py: Python<'py>,
    u: &'static Ufunc,
    array: &Bound<'py, PyAny>,
    axis: Option<Vec<isize>>,
    dtype: Option<&Bound<'py, PyAny>>,
    out: Option<&Bound<'py, PyAny>>,
    keepdims: bool,
    initial: Option<&Bound<'py, PyAny>>,
    mask: Option<&NdArray>,
) -> PyResult<Py<PyAny>> {
    let (a, dt) = reduction_input(py, to_array(array, None)?.arr, dtype)?;
    let keep_array = out.is_some_and(is_ellipsis);
    let out = if keep_array { None } else { out };
    // A family's items with an initial value: the fold starts from it (NumPy's order).
    let family_init = match initial {
        Some(i) if !i.is_none() && crate::dtype::method::is_extension(a.dtype()) => {
            Some(to_array(i, Some(a.dtype()))?.arr)
        }
        _ => None,
    };
    let init = match initial {
        _ if family_init.is_some() => None,
        Some(i) if !i.is_none() => match classify_scalar(i)? {
            Some(PyScalar::Weak(n, _)) | Some(PyScalar::Typed(n, _)) => Some(n),
            None => return Err(PyTypeError::new_err("initial must be a scalar")),
        },
        _ => None,
    };
    let out_arr = match out {
        Some(o) if !o.is_none() => {
            let o = if let Ok(t) = o.cast::<PyTuple>() {
                t.get_item(0)?
            } else {
                o.clone()
            };
            Some((out_array(&o, "output must be an array")?, o))
        }
        _ => None,
    };
    let r = match &family_init {
        Some(start) => {
            let axes = dispatch::reduce::normalize_axes(axis.as_deref(), a.ndim())?;
            dispatch::methods::reduce_family(u, &a, &axes, keepdims, None, Some(start))?
        }
        None => with_fp_status(py, u, "reduce", a.nbytes(), || {
            dispatch::reduce::reduce(u, &a, axis.as_deref(), dt, keepdims, init, mask)
        })?,
    };
    if let Some((o, obj)) = out_arr {
        check_method_out(u, &o, r.shape())?;
        o.assign(&r)?;
        return Ok(obj.unbind());
    }
    match wrap_source(std::slice::from_ref(array))? {
        // NumPy gives reductions no context.
        Some(src) => wrap_for(&src, r, !keep_array, || Ok(py.None().into_bound(py))),
        None if keep_array => Ok(PyNdArray::wrap(py, r, None)?.into_any()),
        None => wrap_result(py, r),
    }
}

#[pymethods]
impl PyUfunc {
    /// Refused as NumPy refuses it; the module makes its ufuncs in `add_ufuncs`.
    #[new]
    fn new() -> PyResult<Self> {
        super::vectorcall::making::<PyUfunc>()
            .ok_or_else(|| PyTypeError::new_err("cannot create 'rumpy.ufunc' instances"))
    }

    /// Calls through `tp_call` (`ufunc(*args, **kwargs)`, `PyObject_Call`); a plain call
    /// comes through vectorcall (`ufunc_vectorcall`) to the same place.
    #[pyo3(signature = (*args, **kwargs))]
    fn __call__<'py>(
        &self,
        py: Python<'py>,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        self.call(py, args.iter().collect(), kwargs)
    }
}

impl PyUfunc {
    /// The keywords are read from `kwargs` here rather than by the binding's argument parser:
    /// a call with operands only (`add(a, b)`, the common case) goes straight to the computing
    /// path, and `where=`, `axes=`, `axis=` and `keepdims=` tell an explicit None apart from
    /// an absent argument (NumPy refuses some explicit Nones).
    pub(super) fn call<'py>(
        &self,
        py: Python<'py>,
        args: smallvec::SmallVec<[Bound<'py, PyAny>; 4]>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let no_keywords = kwargs.is_none_or(|k| k.is_empty());
        if no_keywords
            && args.len() == self.u.nin
            && self.u.core.is_none()
            && args.iter().all(|a| {
                a.is_exact_instance_of::<PyNdArray>() || super::overrides::is_plain_scalar(a)
            })
        {
            // Nothing to override, no keyword: the computing path; scalars straight on the
            // ufunc's loop.
            if self.u.nout == 1 && !args.iter().any(|a| a.is_exact_instance_of::<PyNdArray>()) {
                if let Some(r) = super::scalars::ufunc_on_scalars(py, self.u, &args)? {
                    return Ok(r);
                }
            }
            return call_ufunc(py, self.u, &args, None, None, "same_kind", None, Order::K);
        }
        let k = CallKeywords::parse(self.u, kwargs)?;
        if k.out.is_some() && args.len() > self.u.nin {
            return Err(PyTypeError::new_err(
                "cannot specify 'out' as both a positional and keyword argument",
            ));
        }
        let (ins, outs) = args.split_at(self.u.nin.min(args.len()));
        if let Some(r) =
            super::overrides::ufunc_override(py, self.u, "__call__", ins, outs, k.out(), |d| {
                k.set(d)
            })?
        {
            return Ok(r);
        }
        self.call_given(py, &args, &k)
    }

    /// A call after the override step: the keywords checked and applied.
    fn call_given<'py>(
        &self,
        py: Python<'py>,
        args: &[Bound<'py, PyAny>],
        k: &CallKeywords<'py>,
    ) -> PyResult<Py<PyAny>> {
        let casting = match &k.casting {
            Some(c) => str_keyword("casting", c)?,
            None => "same_kind".to_string(),
        };
        let order = match k.order.as_ref().filter(|o| !o.is_none()) {
            Some(o) => Some(str_keyword("order", o)?),
            None => None,
        };
        if let Some(s) = &k.subok {
            if !s.is_instance_of::<pyo3::types::PyBool>() {
                return Err(PyTypeError::new_err("'subok' must be a boolean"));
            }
        }
        let (out, dtype, signature) = (k.out(), k.dtype(), k.signature());
        let casting = casting.as_str();
        let order = Order::parse(order.as_deref(), Order::K)?;
        let (r#where, axes, axis, keepdims) = (
            k.r#where.as_ref(),
            k.axes.as_ref(),
            k.axis.as_ref(),
            k.keepdims.as_ref(),
        );
        if self.u.core.is_none() {
            for (name, v) in [("axes", axes), ("axis", axis), ("keepdims", keepdims)] {
                if v.is_some() {
                    return Err(PyTypeError::new_err(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        self.u.name, name
                    )));
                }
            }
        } else {
            if r#where.is_some() {
                return Err(PyTypeError::new_err(format!(
                    "{}() got an unexpected keyword argument 'where'",
                    self.u.name
                )));
            }
            if axes.is_some_and(|a| a.is_none()) {
                return Err(PyTypeError::new_err("axes should be a list."));
            }
            let one_core_dim = self.u.core.as_ref().is_some_and(|c| c.single_shared());
            let placing = CoreAxes {
                axes: parse_axes(axes)?,
                axis: match axis {
                    // An explicit None: NumPy's signature check, or its integer conversion.
                    Some(a) if a.is_none() && !one_core_dim => Some(0),
                    Some(a) => Some(a.extract::<isize>()?),
                    None => None,
                },
                keepdims: match keepdims {
                    Some(k) if k.is_instance_of::<pyo3::types::PyBool>() => Some(k.is_truthy()?),
                    Some(_) => {
                        return Err(PyTypeError::new_err("'keepdims' must be a boolean"));
                    }
                    None => None,
                },
                order,
            };
            let dtype = match signature_dtype(self.u, signature)? {
                Some(st) if dtype.is_none_or(|d| d.is_none()) => Some(
                    super::dtype::PyDType::wrap(py, st.dtype())?
                        .into_bound(py)
                        .into_any(),
                ),
                _ => dtype.cloned(),
            };
            return call_gufunc(py, self.u, args, out, casting, dtype.as_ref(), &placing);
        }
        if let Some(d) = family_signature(self.u, signature)? {
            let d = super::dtype::PyDType::wrap(py, d)?;
            let d = d.bind(py).as_any();
            return call_ufunc(py, self.u, args, out, r#where, casting, Some(d), order);
        }
        match signature_dtype(self.u, signature)? {
            Some(st) if dtype.is_none_or(|d| d.is_none()) => {
                let d = super::dtype::PyDType::wrap(py, st.dtype())?;
                call_ufunc(
                    py,
                    self.u,
                    args,
                    out,
                    r#where,
                    casting,
                    Some(d.bind(py).as_any()),
                    order,
                )
            }
            _ => call_ufunc(py, self.u, args, out, r#where, casting, dtype, order),
        }
    }
}

#[pymethods]
impl PyUfunc {
    #[pyo3(signature = (array, axis=AxisArg::Default, dtype=None, out=None, keepdims=false, initial=None, r#where=None))]
    #[allow(clippy::too_many_arguments)]
    fn reduce<'py>(
        &self,
        py: Python<'py>,
        array: &Bound<'py, PyAny>,
        axis: AxisArg,
        dtype: Option<&Bound<'py, PyAny>>,
        out: Option<&Bound<'py, PyAny>>,
        keepdims: bool,
        initial: Option<&Bound<'py, PyAny>>,
        r#where: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let ins = std::slice::from_ref(array);
        if let Some(r) =
            super::overrides::ufunc_override(py, self.u, "reduce", ins, &[], out, |d| {
                set_given(d, "axis", axis_object(py, &axis)?)?;
                set_given(d, "dtype", dtype)?;
                set_given(d, "keepdims", keepdims.then_some(true))?;
                set_given(d, "initial", initial)?;
                set_given(d, "where", r#where)
            })?
        {
            return Ok(r);
        }
        self.no_core("reduce")?;
        let mask = match r#where {
            Some(w) if !(w.is_instance_of::<pyo3::types::PyBool>() && w.is_truthy()?) => {
                let m = to_array(w, None)?.arr;
                if m.dtype().native_scalar() != Some(ScalarType::Bool) {
                    return Err(PyTypeError::new_err(format!(
                        "Cannot cast array data from dtype('{}') to dtype('bool') according to the rule 'safe'",
                        crate::array::dtype_str(m.dtype())
                    )));
                }
                Some(m)
            }
            _ => None,
        };
        // NumPy's reduce defaults to axis=0 (axis=None means all axes).
        let ax = match axis {
            AxisArg::Default => Some(vec![0]),
            AxisArg::All => None,
            AxisArg::Axes(v) => Some(v),
        };
        reduce_impl(
            py,
            self.u,
            array,
            ax,
            dtype,
            out,
            keepdims,
            initial,
            mask.as_ref(),
        )
    }

    #[pyo3(signature = (array, axis=AxisArg::Default, dtype=None, out=None))]
    fn accumulate<'py>(
        &self,
        py: Python<'py>,
        array: &Bound<'py, PyAny>,
        axis: AxisArg,
        dtype: Option<&Bound<'py, PyAny>>,
        out: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let ins = std::slice::from_ref(array);
        if let Some(r) =
            super::overrides::ufunc_override(py, self.u, "accumulate", ins, &[], out, |d| {
                set_given(d, "axis", axis_object(py, &axis)?)?;
                set_given(d, "dtype", dtype)
            })?
        {
            return Ok(r);
        }
        self.no_core("accumulate")?;
        let a = to_array(array, None)?.arr;
        let axis = match axis {
            AxisArg::Default => 0,
            AxisArg::All => {
                if a.ndim() != 1 {
                    return Err(PyValueError::new_err(
                        "accumulate does not allow multiple axes",
                    ));
                }
                0
            }
            AxisArg::Axes(v) => {
                if v.len() != 1 {
                    return Err(PyValueError::new_err(
                        "accumulate does not allow multiple axes",
                    ));
                }
                v[0]
            }
        };
        let r = self.accumulate_axis(py, &a, axis, dtype, out)?;
        match wrap_source(std::slice::from_ref(array))? {
            Some(src) if out.is_none_or(|o| o.is_none()) => {
                let plain = r
                    .bind(py)
                    .cast::<PyNdArray>()
                    .map_err(PyErr::from)?
                    .get()
                    .cur();
                wrap_for(&src, plain, true, || Ok(py.None().into_bound(py)))
            }
            _ => Ok(r),
        }
    }

    #[pyo3(signature = (array, indices, axis=0, dtype=None, out=None))]
    fn reduceat<'py>(
        &self,
        py: Python<'py>,
        array: &Bound<'py, PyAny>,
        indices: &Bound<'py, PyAny>,
        axis: isize,
        dtype: Option<&Bound<'py, PyAny>>,
        out: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let ins = [array.clone(), indices.clone()];
        if let Some(r) =
            super::overrides::ufunc_override(py, self.u, "reduceat", &ins, &[], out, |d| {
                set_given(d, "axis", (axis != 0).then_some(axis))?;
                set_given(d, "dtype", dtype)
            })?
        {
            return Ok(r);
        }
        self.no_core("reduceat")?;
        let a = to_array(array, None)?.arr;
        let idx = to_array(indices, None)?.arr;
        if !idx.dtype().scalar_type().is_some_and(|s| s.is_int()) && idx.size() > 0 {
            return Err(PyTypeError::new_err(
                "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
            ));
        }
        let idx = idx.astype(&ScalarType::Int64.dtype(), crate::array::Order::C)?;
        // SAFETY: a fresh C-contiguous int64 array.
        let ids: Vec<i64> =
            unsafe { std::slice::from_raw_parts(idx.data_ptr() as *const i64, idx.size()) }
                .to_vec();
        let (a, dt) = reduction_input(py, a, dtype)?;
        if a.ndim() == 0 {
            return Err(PyTypeError::new_err("cannot reduceat on a scalar"));
        }
        let r = with_fp_status(py, self.u, "reduceat", a.nbytes(), || {
            dispatch::reduce::reduceat(self.u, &a, &ids, axis, dt)
        })?;
        finish_out(py, self.u, r, out)
    }

    /// Unbuffered in-place operation: `a[indices] = op(a[indices], b)`, repeated indices applied
    /// once each, in order.
    #[pyo3(signature = (a, indices, b=None))]
    fn at<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        indices: &Bound<'py, PyAny>,
        b: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let mut ins = vec![a.clone(), indices.clone()];
        ins.extend(b.cloned());
        if super::overrides::ufunc_override(py, self.u, "at", &ins, &[], None, |_| Ok(()))?
            .is_some()
        {
            return Ok(());
        }
        self.no_core("at")?;
        let target = a
            .cast::<PyNdArray>()
            .map_err(|_| PyTypeError::new_err("first operand must be an array"))?
            .get()
            .array();
        let items = super::index::parse_fancy(indices)?;
        // NumPy converts b with asarray: Python scalars are not weak here.
        let bvals: Option<NdArray> = match b {
            Some(b) if !b.is_none() => Some(to_array(b, None)?.arr),
            _ => None,
        };
        let st = run_detached(py, target.nbytes(), || {
            dispatch::at::at(self.u, &target, &items, bvals.as_ref())
        })?;
        warn_status(py, self.u, st)
    }

    #[pyo3(signature = (a, b, /, **kwargs))]
    fn outer<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        b: &Bound<'py, PyAny>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let k = CallKeywords::parse(self.u, kwargs)?;
        let ins = [a.clone(), b.clone()];
        if let Some(r) =
            super::overrides::ufunc_override(py, self.u, "outer", &ins, &[], k.out(), |d| k.set(d))?
        {
            return Ok(r);
        }
        self.no_core("outer")?;
        if self.u.nin != 2 {
            return Err(PyValueError::new_err(
                "outer product only supported for binary functions",
            ));
        }
        let x = to_array(a, None)?.arr;
        let y = to_array(b, None)?.arr;
        let mut shape: Vec<isize> = x.shape().iter().map(|&d| d as isize).collect();
        shape.extend(std::iter::repeat_n(1, y.ndim()));
        let xr = x.reshape(&shape, crate::array::Order::C)?;
        let xo = PyNdArray::wrap(py, xr, None)?.into_bound(py).into_any();
        let yo = PyNdArray::wrap(py, y, None)?.into_bound(py).into_any();
        self.call_given(py, &[xo, yo], &k)
    }

    /// The core signature of a generalized ufunc (None for elementwise ones).
    #[getter]
    fn signature(&self) -> Option<String> {
        self.u.core.as_ref().map(|c| c.text.clone())
    }
    #[getter]
    fn nin(&self) -> usize {
        self.u.nin
    }
    #[getter]
    fn nout(&self) -> usize {
        self.u.nout
    }
    #[getter]
    fn nargs(&self) -> usize {
        self.u.nin + self.u.nout
    }
    #[getter]
    fn ntypes(&self) -> usize {
        self.u.loops.len()
    }
    #[getter]
    fn types<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.u.loops.iter().map(|l| l.signature()))
    }
    #[getter]
    fn identity(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(match self.u.identity {
            Identity::Zero => 0i64.into_pyobject(py)?.into_any().unbind(),
            Identity::One => 1i64.into_pyobject(py)?.into_any().unbind(),
            Identity::MinusOne => (-1i64).into_pyobject(py)?.into_any().unbind(),
            Identity::True => true.into_pyobject(py)?.to_owned().into_any().unbind(),
            Identity::False => false.into_pyobject(py)?.to_owned().into_any().unbind(),
            Identity::NegInf => f64::NEG_INFINITY.into_pyobject(py)?.into_any().unbind(),
            Identity::None | Identity::ReorderableNone => py.None(),
        })
    }
    #[getter]
    fn __name__(&self) -> &'static str {
        self.u.name
    }
    #[getter]
    fn __doc__(&self) -> String {
        self.doc()
    }
    fn __repr__(&self) -> String {
        format!("<ufunc '{}'>", self.u.name)
    }
    /// Pickled by name, as a global of `rumpy` (so Dask's workers and multiprocessing get
    /// the same ufunc).
    fn __reduce__(&self) -> &'static str {
        self.u.name
    }
}

impl PyUfunc {
    /// The docstring, NumPy's signature line first.
    pub(super) fn doc(&self) -> String {
        format!(
            "{}(x{}, /, out=None, *, where=True, casting='same_kind', order='K', dtype=None)\n\n{}",
            self.u.name,
            if self.u.nin == 2 { "1, x2" } else { "" },
            self.u.doc
        )
    }

    /// NumPy's refusal of the elementwise methods on a generalized ufunc.
    fn no_core(&self, method: &str) -> PyResult<()> {
        let Some(c) = &self.u.core else { return Ok(()) };
        Err(match method {
            "outer" => PyTypeError::new_err(
                "method outer is not allowed in ufunc with non-trivial signature",
            ),
            "at" => PyTypeError::new_err(format!(
                "{}.at does not support ufunc with non-trivial signature: {} has signature {}.",
                self.u.name, self.u.name, c.text
            )),
            _ => pyo3::exceptions::PyRuntimeError::new_err(
                "Reduction not defined on ufunc with signature",
            ),
        })
    }

    fn accumulate_axis<'py>(
        &self,
        py: Python<'py>,
        a: &NdArray,
        axis: isize,
        dtype: Option<&Bound<'py, PyAny>>,
        out: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let (a, dt) = reduction_input(py, a.clone(), dtype)?;
        let r = with_fp_status(py, self.u, "accumulate", a.nbytes(), || {
            dispatch::reduce::accumulate(self.u, &a, axis, dt)
        })?;
        finish_out(py, self.u, r, out)
    }
}

/// Store a method's result in `out=` (an array or a 1-tuple) and return it, or return the
/// result itself.
fn finish_out(
    py: Python<'_>,
    u: &Ufunc,
    r: NdArray,
    out: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    if let Some(o) = out {
        if !o.is_none() && !is_ellipsis(o) {
            let o = if let Ok(t) = o.cast::<PyTuple>() {
                t.get_item(0)?
            } else {
                o.clone()
            };
            let arr = out_array(&o, "output must be an array")?;
            check_method_out(u, &arr, r.shape())?;
            arr.assign(&r)?;
            return Ok(o.unbind());
        }
    }
    Ok(PyNdArray::wrap(py, r, None)?.into_any())
}

/// The `out=` of reduce, accumulate and reduceat has exactly the result's shape (NumPy's
/// iterator never broadcasts into an output).
fn check_method_out(u: &Ufunc, out: &NdArray, want: &[usize]) -> PyResult<()> {
    if out.shape() == want {
        return Ok(());
    }
    Err(PyValueError::new_err(if out.ndim() != want.len() {
        format!(
            "output parameter for reduction operation {} has the wrong number of dimensions: Found {} but expected {}",
            u.name,
            out.ndim(),
            want.len()
        )
    } else {
        format!(
            "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
            crate::array::shape_repr(out.shape()),
            crate::array::shape_repr(want)
        )
    }))
}

/// All ufunc objects, for module assembly.
pub fn add_ufuncs(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let ty = CallableType::new(
        py,
        &py.get_type::<PyUfunc>(),
        c"rumpy.ufunc",
        pyo3::get_trampoline_function!(getattrofunc, ufunc_doc),
    )?;
    m.add("ufunc", ty.ty(py))?;
    let call: VectorCall =
        pyo3::get_trampoline_function!(fastcall_cfunction_with_keywords, ufunc_vectorcall);
    let make = |u: &'static Ufunc| ty.instance(py, PyUfunc { u }, call);
    for u in dispatch::table() {
        m.add(u.name, make(u)?)?;
    }
    let la = PyModule::new(py, "_umath_linalg")?;
    for u in dispatch::linalg_table() {
        la.add(u.name, make(u)?)?;
    }
    m.add("_umath_linalg", la)?;
    let ft = PyModule::new(py, "_fft_umath")?;
    for u in dispatch::fft_table() {
        ft.add(u.name, make(u)?)?;
    }
    m.add("_fft_umath", ft)?;
    Ok(())
}

/// A ufunc called through vectorcall.
///
/// # Safety
/// CPython's vectorcall contract (see [`super::vectorcall::arguments`]); `slf` a ufunc.
unsafe fn ufunc_vectorcall(
    py: Python<'_>,
    slf: *mut pyo3::ffi::PyObject,
    args: *const *mut pyo3::ffi::PyObject,
    nargsf: pyo3::ffi::Py_ssize_t,
    kwnames: *mut pyo3::ffi::PyObject,
) -> PyResult<*mut pyo3::ffi::PyObject> {
    // SAFETY: per the contract above.
    let (ufunc, (positional, kwargs)) = unsafe {
        (
            pyo3::Borrowed::from_ptr(py, slf).cast_unchecked::<PyUfunc>(),
            super::vectorcall::arguments(py, args, nargsf, kwnames)?,
        )
    };
    Ok(ufunc
        .get()
        .call(py, positional, kwargs.as_ref())?
        .into_ptr())
}

/// `ufunc.__doc__`.
///
/// # Safety
/// `slf` is a ufunc.
unsafe fn ufunc_doc(
    py: Python<'_>,
    slf: *mut pyo3::ffi::PyObject,
    _closure: *mut pyo3::ffi::PyObject,
) -> PyResult<*mut pyo3::ffi::PyObject> {
    // SAFETY: per the contract above.
    let ufunc = unsafe { pyo3::Borrowed::from_ptr(py, slf).cast_unchecked::<PyUfunc>() };
    Ok(pyo3::types::PyString::new(py, &ufunc.get().doc()).into_ptr())
}
