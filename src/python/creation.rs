//! Creation functions, conversion functions and dtype functions exposed at module level.

use pyo3::exceptions::{PyTypeError, PyValueError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyList, PyTuple};

use crate::array::{NdArray, Order};
use crate::dtype::promote::{self, Casting, WeakKind};
use crate::dtype::{DType, Num, ScalarType};

use super::array::{extract_shape, parse_order, value_to_array, PyNdArray};
use super::convert::{classify_scalar, to_array, PyScalar};
use super::dtype::{to_dtype, PyDType};
use super::errors::run_detached;

fn opt_dtype(d: Option<&Bound<'_, PyAny>>) -> PyResult<Option<DType>> {
    match d {
        Some(d) if !d.is_none() => Ok(Some(to_dtype(d)?)),
        _ => Ok(None),
    }
}

const COPY_FALSE_MSG: &str = "Unable to avoid copy while creating an array as requested.\nIf using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a copy when needed (no behavior change in NumPy 1.x).\nFor more details, see https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapting-to-changes-in-the-copy-keyword.";

/// The shared core of `array`/`asarray`: convert, then cast/copy/reorder as asked.
fn array_impl<'py>(
    obj: &Bound<'py, PyAny>,
    dtype: Option<DType>,
    copy: Option<bool>,
    order: Order,
    ndmin: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let py = obj.py();
    let conv = to_array(obj, dtype.as_ref())?;
    let mut arr = conv.arr;
    // An unsized void (`V`) takes the size the items gave it.
    let dtype = dtype.filter(|d| {
        !(d.kind() == 'V' && d.itemsize() == 0 && d.fields().is_none() && arr.dtype().kind() == 'V')
    });
    let need_cast = dtype.as_ref().map(|d| d != arr.dtype()).unwrap_or(false);
    // Only 'C' and 'F' force a layout; 'A' and 'K' never copy by themselves.
    let order_ok = match order {
        Order::C => arr.is_c_contiguous(),
        Order::F => arr.is_f_contiguous(),
        Order::A | Order::K => true,
    };
    let target = dtype.unwrap_or_else(|| arr.dtype().clone());
    let copy_order = match order {
        Order::A => {
            if arr.is_f_contiguous() && !arr.is_c_contiguous() {
                Order::F
            } else {
                Order::C
            }
        }
        o => o,
    };
    let result: Bound<'py, PyAny> = if conv.fresh {
        if copy == Some(false) {
            return Err(PyValueError::new_err(COPY_FALSE_MSG));
        }
        if need_cast || !order_ok {
            arr = super::errors::run_cast(py, arr.nbytes(), || arr.astype(&target, copy_order))?;
        }
        PyNdArray::wrap(py, arr, None)?.into_bound(py).into_any()
    } else if copy == Some(true) || need_cast || !order_ok {
        if copy == Some(false) {
            return Err(PyValueError::new_err(COPY_FALSE_MSG));
        }
        let c = super::errors::run_cast(py, arr.nbytes(), || arr.astype(&target, copy_order))?;
        PyNdArray::wrap(py, c, None)?.into_bound(py).into_any()
    } else if obj.cast::<PyNdArray>().is_ok() {
        obj.clone()
    } else {
        PyNdArray::wrap(py, arr, conv.base)?
            .into_bound(py)
            .into_any()
    };
    let nd = result.cast::<PyNdArray>()?.get().raw().ndim();
    if ndmin > nd {
        let a = result.cast::<PyNdArray>()?;
        let mut shape: Vec<isize> = vec![1; ndmin - nd];
        shape.extend(a.get().raw().shape().iter().map(|&d| d as isize));
        let v = a.get().raw().reshape(&shape, Order::C)?;
        return Ok(PyNdArray::view_of(a, v)?.into_bound(py).into_any());
    }
    Ok(result)
}

/// NumPy's check of `like=`: None, or an object implementing `__array_function__` (rumpy
/// arrays are accepted as themselves).
fn check_like(like: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
    match like {
        Some(l) if !l.is_none() && l.cast::<PyNdArray>().is_err() && !l.hasattr("__array_function__")? => {
            Err(PyTypeError::new_err(
                "The `like` argument must be an array-like that implements the `__array_function__` protocol.",
            ))
        }
        _ => Ok(()),
    }
}

#[pyfunction]
#[pyo3(signature = (object, dtype=None, *, copy=Some(true), order="K", subok=false, ndmin=0, like=None))]
pub fn array<'py>(
    object: &Bound<'py, PyAny>,
    dtype: Option<&Bound<'py, PyAny>>,
    copy: Option<bool>,
    order: Option<&str>,
    subok: bool,
    ndmin: isize,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let _ = subok;
    check_like(like)?;
    let dt = opt_dtype(dtype)?;
    let o = parse_order(order, Order::K)?;
    // `copy=True` copies even arrays that need no cast.
    let r = array_impl(object, dt, copy, o, ndmin.max(0) as usize)?;
    if copy == Some(true) && r.is(object) {
        let a = r.cast::<PyNdArray>()?.get().raw().clone();
        let o2 = if o == Order::A || o == Order::K {
            Order::K
        } else {
            o
        };
        return Ok(PyNdArray::wrap(object.py(), a.copy(o2)?, None)?
            .into_bound(object.py())
            .into_any());
    }
    Ok(r)
}

#[pyfunction]
#[pyo3(signature = (a, dtype=None, order=None, *, device=None, copy=None, like=None))]
pub fn asarray<'py>(
    a: &Bound<'py, PyAny>,
    dtype: Option<&Bound<'py, PyAny>>,
    order: Option<&str>,
    device: Option<&Bound<'py, PyAny>>,
    copy: Option<bool>,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let _ = device;
    check_like(like)?;
    let dt = opt_dtype(dtype)?;
    let o = parse_order(order, Order::K)?;
    if copy == Some(true) {
        return array(a, dtype, Some(true), order, false, 0, None);
    }
    array_impl(a, dt, copy, o, 0)
}

#[pyfunction]
#[pyo3(signature = (a, dtype=None, order=None, *, device=None, copy=None, like=None))]
pub fn asanyarray<'py>(
    a: &Bound<'py, PyAny>,
    dtype: Option<&Bound<'py, PyAny>>,
    order: Option<&str>,
    device: Option<&Bound<'py, PyAny>>,
    copy: Option<bool>,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    asarray(a, dtype, order, device, copy, like)
}

#[pyfunction]
#[pyo3(signature = (a, dtype=None, *, like=None))]
pub fn ascontiguousarray<'py>(
    a: &Bound<'py, PyAny>,
    dtype: Option<&Bound<'py, PyAny>>,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    check_like(like)?;
    array_impl(a, opt_dtype(dtype)?, None, Order::C, 1)
}

#[pyfunction]
#[pyo3(signature = (a, dtype=None, *, like=None))]
pub fn asfortranarray<'py>(
    a: &Bound<'py, PyAny>,
    dtype: Option<&Bound<'py, PyAny>>,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    check_like(like)?;
    array_impl(a, opt_dtype(dtype)?, None, Order::F, 1)
}

#[pyfunction]
#[pyo3(signature = (a, order="K", subok=false))]
pub fn copy<'py>(a: &Bound<'py, PyAny>, order: &str, subok: bool) -> PyResult<Bound<'py, PyAny>> {
    let _ = subok;
    array(a, None, Some(true), Some(order), false, 0, None)
}

fn new_array(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    zeroed: bool,
) -> PyResult<Py<PyNdArray>> {
    let shape = extract_shape(shape)?;
    let dt = opt_dtype(dtype)?.unwrap_or_else(|| ScalarType::Float64.dtype());
    let o = parse_order(Some(order), Order::C)?;
    if o == Order::A || o == Order::K {
        return Err(PyValueError::new_err("only 'C' or 'F' order is permitted"));
    }
    let a = if zeroed {
        NdArray::zeros(&shape, &dt, o)?
    } else {
        NdArray::empty(&shape, &dt, o)?
    };
    if zeroed && dt.flags().needs_api {
        // NumPy's zeros of objects hold the int 0 (empty ones hold None), in records too.
        zero_objects(py, &a)?;
    }
    PyNdArray::wrap(py, a, None)
}

#[pyfunction]
#[pyo3(signature = (shape, dtype=None, order="C", *, device=None, like=None))]
pub fn empty(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    device: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = device;
    check_like(like)?;
    new_array(py, shape, dtype, order, false)
}

#[pyfunction]
#[pyo3(signature = (shape, dtype=None, order="C", *, device=None, like=None))]
pub fn zeros(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    device: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = device;
    check_like(like)?;
    new_array(py, shape, dtype, order, true)
}

/// The source array `np.copyto` makes of a value: Python ints are weak (checked against the
/// destination), Python floats and complex become float64/complex128 and are cast.
fn copyto_source(value: &Bound<'_, PyAny>, dst: &DType) -> PyResult<NdArray> {
    match classify_scalar(value)? {
        Some(PyScalar::Weak(_, WeakKind::Int | WeakKind::Bool)) => value_to_array(value, dst),
        Some(s @ PyScalar::Weak(..)) => super::convert::scalar_array(&s, None),
        _ => Ok(to_array(value, None)?.arr),
    }
}

fn fill_with(py: Python<'_>, a: &NdArray, value: &Bound<'_, PyAny>) -> PyResult<()> {
    if a.dtype().fields().is_some() {
        // A scalar fills every field (NumPy's full of a record dtype).
        if let Some(PyScalar::Weak(n, _) | PyScalar::Typed(n, _)) = classify_scalar(value)? {
            return fill_const(py, a, n);
        }
    }
    let v = copyto_source(value, a.dtype())?;
    super::errors::run_cast(py, a.nbytes(), || a.assign(&v))
}

#[pyfunction]
#[pyo3(signature = (shape, dtype=None, order="C", *, device=None, like=None))]
pub fn ones(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    device: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = device;
    check_like(like)?;
    let a = new_array(py, shape, dtype, order, false)?;
    fill_const(py, &a.bind(py).get().raw(), Num::I(1))?;
    Ok(a)
}

/// The int 0 in every object item of `a` (object fields of records, at any depth).
fn zero_objects(py: Python<'_>, a: &NdArray) -> PyResult<()> {
    match a.dtype().fields() {
        Some(fs) => {
            for f in fs.iter().filter(|f| f.dtype.flags().needs_api) {
                zero_objects(py, &a.field(&f.name)?)?;
            }
            Ok(())
        }
        None if a.dtype().kind() == 'O' => fill_const(py, a, Num::I(0)),
        None => Ok(()),
    }
}

/// Fill with a constant of the dtype (1 is `True` for bool), without Python objects.
fn fill_const(py: Python<'_>, a: &NdArray, n: Num) -> PyResult<()> {
    if let Some(fs) = a.dtype().fields() {
        // Records: every field (recursively) gets the constant, as NumPy's ones does.
        for f in fs {
            fill_const(py, &a.field(&f.name)?, n)?;
        }
        return Ok(());
    }
    // Text takes the constant as an int64 would write it ('1').
    let st = match a.dtype().scalar_type() {
        Some(st) => st,
        None if crate::dtype::method::is_extension(a.dtype()) => ScalarType::Int64,
        None => return Err(PyTypeError::new_err("numeric dtype needed")),
    };
    let v = crate::dispatch::exec::scalar_to_array(n, st)?;
    run_detached(py, a.nbytes(), || a.assign(&v))
}

fn dim(n: isize) -> PyResult<usize> {
    if n < 0 {
        return Err(PyValueError::new_err("negative dimensions are not allowed"));
    }
    Ok(n as usize)
}

/// The dtype NumPy gives `np.array(value)`.
fn value_dtype(value: &Bound<'_, PyAny>) -> PyResult<DType> {
    Ok(to_array(value, None)?.arr.dtype().to_native())
}

#[pyfunction]
#[pyo3(signature = (shape, fill_value, dtype=None, order="C", *, device=None, like=None))]
pub fn full(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    fill_value: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    device: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = device;
    check_like(like)?;
    let dt = match opt_dtype(dtype)? {
        Some(d) => d,
        None => value_dtype(fill_value)?,
    };
    let shape = extract_shape(shape)?;
    let o = parse_order(Some(order), Order::C)?;
    let a = NdArray::empty(&shape, &dt, o)?;
    fill_with(py, &a, fill_value)?;
    PyNdArray::wrap(py, a, None)
}

fn like_impl(
    py: Python<'_>,
    proto: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    shape: Option<&Bound<'_, PyAny>>,
) -> PyResult<NdArray> {
    let p = to_array(proto, None)?.arr;
    let dt = opt_dtype(dtype)?.unwrap_or_else(|| p.dtype().clone());
    let o = parse_order(Some(order), Order::K)?;
    let _ = py;
    match shape {
        Some(s) if !s.is_none() => {
            let shape = extract_shape(s)?;
            let o = match o {
                Order::F => Order::F,
                Order::A | Order::K
                    if p.is_f_contiguous() && !p.is_c_contiguous() && shape.len() == p.ndim() =>
                {
                    Order::F
                }
                _ => Order::C,
            };
            Ok(NdArray::empty(&shape, &dt, o)?)
        }
        _ => Ok(p.empty_like(&dt, o)?),
    }
}

#[pyfunction]
#[pyo3(signature = (prototype, dtype=None, order="K", subok=true, shape=None, *, device=None))]
pub fn empty_like(
    py: Python<'_>,
    prototype: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    subok: bool,
    shape: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = (subok, device);
    PyNdArray::wrap(py, like_impl(py, prototype, dtype, order, shape)?, None)
}

#[pyfunction]
#[pyo3(signature = (a, dtype=None, order="K", subok=true, shape=None, *, device=None))]
pub fn zeros_like(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    subok: bool,
    shape: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = (subok, device);
    let r = like_impl(py, a, dtype, order, shape)?;
    if super::text::is_text(r.dtype()) {
        // Text's zero is the empty item (NumPy's copy of a zero), not the text '0'.
        let z = NdArray::zeros(&[], r.dtype(), Order::C)?;
        run_detached(py, r.nbytes(), || r.assign(&z))?;
    } else {
        fill_const(py, &r, Num::I(0))?;
    }
    PyNdArray::wrap(py, r, None)
}

#[pyfunction]
#[pyo3(signature = (a, dtype=None, order="K", subok=true, shape=None, *, device=None))]
pub fn ones_like(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    subok: bool,
    shape: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = (subok, device);
    let r = like_impl(py, a, dtype, order, shape)?;
    fill_const(py, &r, Num::I(1))?;
    PyNdArray::wrap(py, r, None)
}

#[pyfunction]
#[pyo3(signature = (a, fill_value, dtype=None, order="K", subok=true, shape=None, *, device=None))]
#[allow(clippy::too_many_arguments)]
pub fn full_like(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    fill_value: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    subok: bool,
    shape: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = (subok, device);
    let r = like_impl(py, a, dtype, order, shape)?;
    fill_with(py, &r, fill_value)?;
    PyNdArray::wrap(py, r, None)
}

fn arg_kind(obj: &Bound<'_, PyAny>) -> PyResult<WeakKind> {
    match classify_scalar(obj)? {
        Some(PyScalar::Weak(_, k)) => Ok(k),
        Some(PyScalar::Typed(_, st)) => Ok(match st.kind() {
            'b' => WeakKind::Bool,
            'i' | 'u' => WeakKind::Int,
            'f' => WeakKind::Float,
            _ => WeakKind::Complex,
        }),
        None => Err(PyTypeError::new_err(format!(
            "unsupported type for arange: '{}'",
            obj.get_type().name()?
        ))),
    }
}

#[pyfunction]
#[pyo3(signature = (start_or_stop=None, /, stop=None, step=None, dtype=None, *, device=None, like=None, start=None))]
#[allow(clippy::too_many_arguments)]
pub fn arange<'py>(
    py: Python<'py>,
    start_or_stop: Option<&Bound<'py, PyAny>>,
    stop: Option<&Bound<'py, PyAny>>,
    step: Option<&Bound<'py, PyAny>>,
    dtype: Option<&Bound<'py, PyAny>>,
    device: Option<&Bound<'py, PyAny>>,
    like: Option<&Bound<'py, PyAny>>,
    start: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = device;
    check_like(like)?;
    let zero = 0i64.into_pyobject(py)?.into_any();
    let one = 1i64.into_pyobject(py)?.into_any();
    let given = |o: Option<&Bound<'py, PyAny>>| o.filter(|x| !x.is_none()).cloned();
    let dt_given = opt_dtype(dtype)?;
    if dt_given.as_ref().is_some_and(super::time::is_time)
        || [start_or_stop, start, stop, step]
            .into_iter()
            .flatten()
            .any(super::time::is_time_object)
    {
        let (first, last) = match (given(start_or_stop), given(start), given(stop)) {
            (Some(a), None, Some(b)) | (None, Some(a), Some(b)) => (Some(a), b),
            (Some(b), None, None) | (None, Some(b), None) | (None, None, Some(b)) => (None, b),
            _ => {
                return Err(PyTypeError::new_err(
                    "arange() requires stop to be specified.",
                ))
            }
        };
        let a = super::time::arange(first.as_ref(), &last, step, dt_given.as_ref())?;
        return PyNdArray::wrap(py, a, None);
    }
    let (start, stop) = match (given(start_or_stop), given(start), given(stop)) {
        (Some(a), None, Some(b)) | (None, Some(a), Some(b)) => (a, b),
        (Some(a), None, None) => (zero, a),
        (None, Some(a), None) => (zero, a),
        (None, None, Some(b)) => (zero, b),
        (None, None, None) => {
            return Err(PyTypeError::new_err(
                "arange() requires stop to be specified.",
            ))
        }
        (Some(_), Some(_), _) => {
            return Err(PyTypeError::new_err(
                "arange() got multiple values for argument 'start'",
            ))
        }
    };
    let step = match step {
        Some(s) if !s.is_none() => s.clone(),
        _ => one,
    };
    // Python-typed arguments decide the default dtype (NumPy: int -> int64, float -> float64).
    let kind = arg_kind(&start)?
        .max(arg_kind(&stop)?)
        .max(arg_kind(&step)?);
    let dt = match dt_given {
        Some(d) => d,
        None => (if kind == WeakKind::Bool {
            WeakKind::Int
        } else {
            kind
        })
        .default_type()
        .dtype(),
    };
    if step.eq(0)? {
        return Err(PyZeroDivisionError::new_err("division by zero"));
    }
    // length = ceil((stop - start) / step), computed with Python numbers as NumPy does.
    let span = stop.sub(&start)?.div(&step)?;
    let span = if kind == WeakKind::Complex {
        span.getattr("real")?
    } else {
        span
    };
    let span: f64 = span.extract()?;
    if !span.is_finite() {
        return Err(PyValueError::new_err("Maximum allowed size exceeded"));
    }
    let len = span.ceil();
    if len > isize::MAX as f64 {
        return Err(PyValueError::new_err("Maximum allowed size exceeded"));
    }
    let n = if len > 0.0 { len as usize } else { 0 };
    if !dt.is_native() {
        let d = PyDType::wrap(py, dt.to_native())?.into_bound(py).into_any();
        let native = arange(
            py,
            Some(&start),
            Some(&stop),
            Some(&step),
            Some(&d),
            None,
            None,
            None,
        )?;
        let c = native.bind(py).get().raw().astype(&dt, Order::C)?;
        return PyNdArray::wrap(py, c, None);
    }
    let a = NdArray::empty(&[n], &dt, Order::C)?;
    let out = PyNdArray::wrap(py, a, None)?;
    if n > 0 {
        let b = out.bind(py);
        PyNdArray::set_index(b, 0, &start)?;
        if n > 1 {
            PyNdArray::set_index(b, 1, &start.add(&step)?)?;
        }
        let arr = b.get().raw().clone();
        run_detached(py, arr.nbytes(), || crate::ops::creation::arange_fill(&arr))?;
    }
    Ok(out)
}

/// Move axis 0 of `a` to `axis` (a view).
fn move_first_axis(a: &NdArray, axis: isize) -> PyResult<NdArray> {
    let nd = a.ndim();
    let ax = NdArray::normalize_axis(axis, nd)?;
    let mut perm: Vec<usize> = (1..nd).collect();
    perm.insert(ax, 0);
    Ok(a.transpose(Some(&perm))?)
}

/// Start/stop as contiguous arrays of the computation dtype, broadcast together.
fn weak_operand(obj: &Bound<'_, PyAny>) -> PyResult<(NdArray, bool)> {
    let weak = matches!(classify_scalar(obj)?, Some(PyScalar::Weak(..)));
    Ok((to_array(obj, None)?.arr, weak))
}

fn broadcast2(a: &NdArray, b: &NdArray) -> PyResult<Vec<usize>> {
    let nd = a.ndim().max(b.ndim());
    let mut out = vec![0; nd];
    #[allow(clippy::needless_range_loop)] // k also offsets into a's and b's shapes
    for k in 0..nd {
        let da = if k + a.ndim() >= nd {
            a.shape()[k + a.ndim() - nd]
        } else {
            1
        };
        let db = if k + b.ndim() >= nd {
            b.shape()[k + b.ndim() - nd]
        } else {
            1
        };
        out[k] = if da == db || db == 1 {
            da
        } else if da == 1 {
            db
        } else {
            return Err(PyValueError::new_err(format!(
                "operands could not be broadcast together with shapes {} {}",
                crate::array::shape_repr(a.shape()),
                crate::array::shape_repr(b.shape())
            )));
        };
    }
    Ok(out)
}

#[pyfunction]
#[pyo3(signature = (start, stop, num=50, endpoint=true, retstep=false, dtype=None, axis=0, *, device=None))]
#[allow(clippy::too_many_arguments)]
pub fn linspace<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    stop: &Bound<'py, PyAny>,
    num: isize,
    endpoint: bool,
    retstep: bool,
    dtype: Option<&Bound<'py, PyAny>>,
    axis: isize,
    device: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let _ = device;
    if num < 0 {
        return Err(PyValueError::new_err(format!(
            "Number of samples, {}, must be non-negative.",
            num
        )));
    }
    let num = num as usize;
    let (sa, sw) = weak_operand(start)?;
    let (ea, ew) = weak_operand(stop)?;
    let mut strong = vec![];
    let mut weak = vec![WeakKind::Float];
    for (a, w) in [(&sa, sw), (&ea, ew)] {
        if w {
            weak.push(match a.dtype().kind() {
                'c' => WeakKind::Complex,
                'f' => WeakKind::Float,
                _ => WeakKind::Int,
            });
        } else {
            strong.push(a.dtype().clone());
        }
    }
    let dt = promote::result_type(&strong, &weak)?;
    // NumPy computes in the result type, float16 included (each step rounded to it).
    let ct = dt.clone();
    let bshape = broadcast2(&sa, &ea)?;
    let s = sa.broadcast_to(&bshape)?.astype(&ct, Order::C)?;
    let e = ea.broadcast_to(&bshape)?.astype(&ct, Order::C)?;
    let (mut y, step) = crate::ops::creation::linspace(&s, &e, num, endpoint)?;
    let out_dt = opt_dtype(dtype)?.unwrap_or(dt);
    if out_dt.kind() == 'i' || out_dt.kind() == 'u' {
        // NumPy floors before casting to an integer dtype.
        if let Some(st) = ct.scalar_type() {
            if st.is_float() {
                crate::with_scalar_type!(st, T, {
                    let n = y.size();
                    // SAFETY: y is a fresh contiguous array of n items of T.
                    let sl = unsafe { std::slice::from_raw_parts_mut(y.data_ptr() as *mut T, n) };
                    for v in sl.iter_mut() {
                        *v = <T as crate::dtype::Element>::from_num(Num::F(
                            crate::dtype::Element::to_num(*v).floor_f64(),
                        ));
                    }
                });
            }
        }
    }
    if &out_dt != y.dtype() {
        y = y.astype(&out_dt, Order::C)?;
    }
    let y = if axis != 0 {
        move_first_axis(&y, axis)?
    } else {
        y
    };
    let arr = PyNdArray::wrap(py, y, None)?.into_bound(py).into_any();
    if retstep {
        let div = if endpoint { num.saturating_sub(1) } else { num };
        let stp = if div == 0 {
            // NumPy's step for a single sample is a plain Python nan.
            PyFloat::new(py, f64::NAN).into_any()
        } else {
            super::convert::num_to_scalar(
                py,
                step,
                ct.scalar_type().unwrap_or(ScalarType::Float64),
            )?
        };
        return Ok(PyTuple::new(py, [arr, stp])?.into_any());
    }
    Ok(arr)
}

trait FloorNum {
    fn floor_f64(self) -> f64;
}
impl FloorNum for Num {
    fn floor_f64(self) -> f64 {
        match self {
            Num::F(f) => f.floor(),
            Num::C(r, _) => r.floor(),
            Num::I(i) => i as f64,
            Num::U(u) => u as f64,
            Num::B(b) => b as u8 as f64,
        }
    }
}

#[pyfunction]
#[pyo3(signature = (N, M=None, k=0, dtype=None, order="C", *, device=None, like=None))]
#[allow(non_snake_case, clippy::too_many_arguments)]
pub fn eye(
    py: Python<'_>,
    N: isize,
    M: Option<isize>,
    k: isize,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    device: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    let _ = device;
    check_like(like)?;
    let dt = opt_dtype(dtype)?.unwrap_or_else(|| ScalarType::Float64.dtype());
    let o = parse_order(Some(order), Order::C)?;
    let (n, m) = (dim(N)?, dim(M.unwrap_or(N))?);
    let a = NdArray::zeros(&[n, m], &dt, o)?;
    crate::ops::creation::fill_diagonal_k(&a, k, Num::B(true))?;
    PyNdArray::wrap(py, a, None)
}

#[pyfunction]
#[pyo3(signature = (n, dtype=None, *, like=None))]
pub fn identity(
    py: Python<'_>,
    n: isize,
    dtype: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    eye(py, n, None, 0, dtype, "C", None, like)
}

#[pyfunction]
#[pyo3(signature = (N, M=None, k=0, dtype=None, *, like=None))]
#[allow(non_snake_case)]
pub fn tri(
    py: Python<'_>,
    N: isize,
    M: Option<isize>,
    k: isize,
    dtype: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    check_like(like)?;
    let dt = opt_dtype(dtype)?.unwrap_or_else(|| ScalarType::Float64.dtype());
    // NumPy's tri treats negative sizes as empty.
    PyNdArray::wrap(
        py,
        crate::ops::creation::tri(N.max(0) as usize, M.unwrap_or(N).max(0) as usize, k, &dt)?,
        None,
    )
}

#[pyfunction]
#[pyo3(signature = (buffer, dtype=None, count=-1, offset=0, *, like=None))]
pub fn frombuffer(
    py: Python<'_>,
    buffer: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    count: isize,
    offset: isize,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    check_like(like)?;
    let dt = opt_dtype(dtype)?.unwrap_or_else(|| ScalarType::Float64.dtype());
    super::object::refuse_from_bytes(&dt)?;
    let raw = super::interop::from_foreign(buffer)?
        .ok_or_else(|| PyTypeError::new_err("a bytes-like object is required"))?
        .0;
    if !raw.is_c_contiguous() {
        return Err(PyValueError::new_err(
            "frombuffer requires a contiguous buffer",
        ));
    }
    let bytes = raw.nbytes() as isize;
    if offset < 0 || offset > bytes {
        return Err(PyValueError::new_err(format!(
            "offset must be non-negative and no greater than buffer length ({})",
            bytes
        )));
    }
    let isz = dt.itemsize() as isize;
    if isz == 0 {
        return Err(PyValueError::new_err(
            "cannot determine count if itemsize is 0",
        ));
    }
    let avail = bytes - offset;
    let n = if count < 0 {
        if avail % isz != 0 {
            return Err(PyValueError::new_err(
                "buffer size must be a multiple of element size",
            ));
        }
        avail / isz
    } else {
        let wanted = count.checked_mul(isz).ok_or_else(|| {
            PyValueError::new_err(
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
            )
        })?;
        if wanted > avail {
            return Err(PyValueError::new_err(
                "buffer is smaller than requested size",
            ));
        }
        count
    };
    let arr = NdArray::from_parts(
        raw.buffer().clone(),
        raw.offset() + offset as usize,
        [n as usize].into_iter().collect(),
        [isz].into_iter().collect(),
        dt,
        raw.is_writeable(),
    )?;
    PyNdArray::wrap(py, arr, Some(buffer.clone().unbind()))
}

#[pyfunction]
#[pyo3(signature = (iter, dtype, count=-1, *, like=None))]
pub fn fromiter<'py>(
    py: Python<'py>,
    iter: &Bound<'py, PyAny>,
    dtype: &Bound<'py, PyAny>,
    count: isize,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyNdArray>> {
    check_like(like)?;
    let dt = to_dtype(dtype)?;
    let mut it = iter.try_iter()?;
    // Items are stored one by one with setitem's conversion, as NumPy does.
    let mut cap: usize = if count >= 0 { count as usize } else { 16 };
    let mut arr = PyNdArray::wrap(py, NdArray::empty(&[cap], &dt, Order::C)?, None)?;
    let mut n = 0usize;
    while count < 0 || (n as isize) < count {
        let Some(x) = it.next() else { break };
        let x = x?;
        if n == cap {
            cap *= 2;
            let bigger = NdArray::empty(&[cap], &dt, Order::C)?;
            let old = arr.bind(py).get().raw().clone();
            let head = bigger
                .index(&[crate::array::IndexItem::Slice {
                    start: Some(0),
                    stop: Some(n as isize),
                    step: 1,
                }])?
                .view;
            head.assign(&old)?;
            arr = PyNdArray::wrap(py, bigger, None)?;
        }
        PyNdArray::set_index(arr.bind(py), n as isize, &x)?;
        n += 1;
    }
    if count >= 0 && (n as isize) < count {
        return Err(PyValueError::new_err(format!(
            "iterator too short: Expected {} but iterator had only {} items.",
            count, n
        )));
    }
    let full = arr.bind(py).get().raw().clone();
    let out = full
        .index(&[crate::array::IndexItem::Slice {
            start: Some(0),
            stop: Some(n as isize),
            step: 1,
        }])?
        .view
        .copy(Order::C)?;
    PyNdArray::wrap(py, out, None)
}

#[pyfunction]
#[pyo3(signature = (dst, src, casting="same_kind", r#where=None))]
pub fn copyto(
    py: Python<'_>,
    dst: &Bound<'_, PyAny>,
    src: &Bound<'_, PyAny>,
    casting: &str,
    r#where: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    let d = dst
        .cast::<PyNdArray>()
        .map_err(|_| PyTypeError::new_err("copyto() argument 1 must be rumpy.ndarray"))?;
    let darr = d.get().array();
    darr.check_writeable()?;
    let casting = Casting::parse(casting)?;
    let s = copyto_source(src, darr.dtype())?;
    match classify_scalar(src)? {
        Some(PyScalar::Weak(_, k)) => {
            // NEP 50: a Python scalar casts like its default dtype unless the destination's
            // kind can hold it.
            let st = darr.dtype().scalar_type().unwrap_or(ScalarType::Float64);
            if promote::promote_weak(st, k) != st
                && !promote::can_cast(&k.default_type().dtype(), darr.dtype(), casting)
            {
                return Err(PyTypeError::new_err(format!(
                    "Cannot cast scalar from dtype('{}') to dtype('{}') according to the rule '{}'",
                    k.default_type().dtype().name(),
                    crate::array::dtype_str(darr.dtype()),
                    casting.name()
                )));
            }
        }
        _ => NdArray::check_cast(s.dtype(), darr.dtype(), casting)?,
    }
    super::array::warn_complex_to_real(py, s.dtype(), darr.dtype())?;
    if let Some(w) = r#where {
        let m = to_array(w, None)?.arr;
        NdArray::check_cast(m.dtype(), &ScalarType::Bool.dtype(), Casting::Safe)?;
        let m = if m.dtype().native_scalar() == Some(ScalarType::Bool) {
            m
        } else {
            m.astype(&ScalarType::Bool.dtype(), Order::C)?
        };
        return super::errors::run_cast(py, darr.nbytes(), || darr.assign_where(&s, &m));
    }
    super::errors::run_cast(py, darr.nbytes(), || darr.assign(&s))
}

fn as_arr(obj: &Bound<'_, PyAny>) -> PyResult<NdArray> {
    Ok(to_array(obj, None)?.arr)
}

#[pyfunction]
#[pyo3(signature = (a, b, max_work=None))]
pub fn shares_memory(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    max_work: Option<i64>,
) -> PyResult<bool> {
    let _ = max_work;
    Ok(as_arr(a)?.shares_memory(&as_arr(b)?))
}

#[pyfunction]
#[pyo3(signature = (a, b, max_work=None))]
pub fn may_share_memory(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    max_work: Option<i64>,
) -> PyResult<bool> {
    let _ = max_work;
    Ok(as_arr(a)?.may_share_memory(&as_arr(b)?))
}

/// A dtype from an argument of result_type/can_cast: dtype-likes, arrays and scalars.
enum Operand {
    Strong(DType),
    Weak(WeakKind),
}

fn operand(obj: &Bound<'_, PyAny>) -> PyResult<Operand> {
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "Cannot interpret '{}' as a data type",
            obj.repr()?
        )));
    }
    if let Ok(a) = obj.cast::<PyNdArray>() {
        return Ok(Operand::Strong(a.get().raw().dtype().clone()));
    }
    if obj.cast::<pyo3::types::PyString>().is_ok() {
        // A string is a dtype here, never a value.
        return Ok(Operand::Strong(to_dtype(obj)?));
    }
    match classify_scalar(obj)? {
        Some(PyScalar::Weak(_, k)) => return Ok(Operand::Weak(k)),
        Some(PyScalar::Typed(_, st)) => return Ok(Operand::Strong(st.dtype())),
        None => {}
    }
    if let Ok(d) = to_dtype(obj) {
        return Ok(Operand::Strong(d));
    }
    if !(obj.hasattr("__array_interface__")? || obj.hasattr("__array__")?) {
        return Err(PyTypeError::new_err(format!(
            "Cannot interpret '{}' as a data type",
            obj.repr()?
        )));
    }
    Ok(Operand::Strong(as_arr(obj)?.dtype().clone()))
}

#[pyfunction]
#[pyo3(signature = (*arrays_and_dtypes))]
pub fn result_type(
    py: Python<'_>,
    arrays_and_dtypes: &Bound<'_, PyTuple>,
) -> PyResult<Py<PyDType>> {
    let mut strong = vec![];
    let mut weak = vec![];
    let mut big_int = false;
    for x in arrays_and_dtypes.iter() {
        if let Some(PyScalar::Weak(Num::U(_), _)) = classify_scalar(&x)? {
            big_int = true;
        }
        match operand(&x)? {
            Operand::Strong(d) => strong.push(d),
            Operand::Weak(k) => weak.push(k),
        }
    }
    let any_negative = arrays_and_dtypes
        .iter()
        .any(|x| x.extract::<i64>().map(|v| v < 0).unwrap_or(false));
    if strong.is_empty() && big_int && !any_negative && weak.iter().all(|k| *k <= WeakKind::Int) {
        // A Python int beyond int64 on its own is uint64, as NumPy's value-based default.
        return PyDType::wrap(py, ScalarType::UInt64.dtype());
    }
    if strong.is_empty() && weak.is_empty() {
        return Err(PyValueError::new_err(
            "at least one array or dtype is required",
        ));
    }
    PyDType::wrap(py, promote::result_type(&strong, &weak)?)
}

#[pyfunction]
pub fn promote_types(
    py: Python<'_>,
    type1: &Bound<'_, PyAny>,
    type2: &Bound<'_, PyAny>,
) -> PyResult<Py<PyDType>> {
    PyDType::wrap(
        py,
        promote::promote_types(&to_dtype(type1)?, &to_dtype(type2)?)?,
    )
}

#[pyfunction]
#[pyo3(signature = (from_, to, casting="safe"))]
pub fn can_cast(from_: &Bound<'_, PyAny>, to: &Bound<'_, PyAny>, casting: &str) -> PyResult<bool> {
    let casting = Casting::parse(casting)?;
    let to = to_dtype(to)?;
    let from = match operand(from_)? {
        Operand::Strong(d) => d,
        Operand::Weak(_) => {
            return Err(PyTypeError::new_err(
                "can_cast() does not support Python ints, floats, and complex because the result used to depend on the value.\nThis change was part of adopting NEP 50, we may explicitly allow them again in the future.",
            ))
        }
    };
    Ok(promote::can_cast(&from, &to, casting))
}

#[pyfunction]
#[pyo3(signature = (x, /, *, device=None, copy=None))]
pub fn from_dlpack(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    device: Option<&Bound<'_, PyAny>>,
    copy: Option<bool>,
) -> PyResult<Py<PyNdArray>> {
    let _ = device;
    let a = super::interop::from_dlpack(x)?;
    if copy == Some(true) {
        return PyNdArray::wrap(py, a.copy(Order::K)?, None);
    }
    PyNdArray::wrap(py, a, Some(x.clone().unbind()))
}

/// Unpickling support.
#[pyfunction]
pub fn _reconstruct(
    py: Python<'_>,
    data: &Bound<'_, PyBytes>,
    dtype: &Bound<'_, PyAny>,
    shape: Vec<usize>,
    f_order: bool,
) -> PyResult<Py<PyNdArray>> {
    let dt = super::dtype::to_dtype(dtype)?;
    super::object::refuse_from_bytes(&dt)?;
    let a = if f_order {
        NdArray::empty(&shape, &dt, Order::F)?
    } else {
        NdArray::empty_c_explicit(&shape, &dt)?
    };
    let bytes = data.as_bytes();
    if bytes.len() != a.nbytes() {
        return Err(PyValueError::new_err(
            "pickled data does not match the array size",
        ));
    }
    // SAFETY: a is a fresh contiguous buffer of exactly nbytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), a.data_ptr(), bytes.len()) };
    PyNdArray::wrap(py, a, None)
}

/// `np.concatenate(arrays, axis=0, out=None, *, dtype=None, casting="same_kind")`.
#[pyfunction]
#[pyo3(signature = (arrays, axis=Some(0), out=None, *, dtype=None, casting="same_kind"))]
pub fn concatenate<'py>(
    py: Python<'py>,
    arrays: &Bound<'py, PyAny>,
    axis: Option<isize>,
    out: Option<&Bound<'py, PyNdArray>>,
    dtype: Option<&Bound<'py, PyAny>>,
    casting: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let casting = Casting::parse(casting)?;
    let mut arrs = Vec::new();
    for a in arrays.try_iter()? {
        arrs.push(to_array(&a?, None)?.arr);
    }
    if arrs.is_empty() {
        return Err(PyValueError::new_err(
            "need at least one array to concatenate",
        ));
    }
    if out.is_some() && dtype.is_some() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "concatenate() only takes `out` or `dtype` as an argument, but both were provided.",
        ));
    }
    let dt = match (dtype, out) {
        (Some(d), _) => to_dtype(d)?,
        (None, Some(o)) => o.get().raw().dtype().clone(),
        (None, None) => {
            let mut d = arrs[0].dtype().clone();
            for a in &arrs[1..] {
                d = promote::promote_types(&d, a.dtype())?;
            }
            d
        }
    };
    let o = out.map(|o| o.get().array());
    let total: usize = arrs.iter().map(|a| a.nbytes()).sum();
    let r = super::errors::run_detached(py, total, || {
        crate::ops::join::concatenate(&arrs, axis, &dt, o.as_ref(), casting)
    })?;
    match out {
        Some(o) => Ok(o.clone().into_any()),
        None => Ok(PyNdArray::wrap(py, r, None)?.into_bound(py).into_any()),
    }
}

/// A checked view with another shape, byte strides and byte offset from the first element
/// (the base of diagonal, broadcast_to and sliding windows). `writeable=False` makes it
/// read-only.
#[pyfunction]
#[pyo3(signature = (a, shape, strides, offset=0, writeable=true))]
pub fn _strided_view<'py>(
    a: &Bound<'py, PyNdArray>,
    shape: Vec<usize>,
    strides: Vec<isize>,
    offset: isize,
    writeable: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let mut v = a.get().raw().strided_view(&shape, &strides, offset)?;
    if !writeable {
        v.set_writeable(false)?;
    }
    Ok(PyNdArray::view_of(a, v)?.into_bound(a.py()).into_any())
}
