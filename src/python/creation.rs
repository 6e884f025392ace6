//! Creation functions, conversion functions and dtype functions exposed at module level.

use pyo3::exceptions::{PyTypeError, PyValueError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyList, PyTuple};

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
    subok: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let py = obj.py();
    let conv = to_array(obj, dtype.as_ref())?;
    // An instance of an ndarray subclass keeps its class only with `subok`.
    let sub = if subok {
        obj.cast::<PyNdArray>()
            .ok()
            .filter(|a| PyNdArray::subtype(a.as_any()).is_some())
    } else {
        None
    };
    let mut arr = conv.arr;
    // An unsized void (`V`) takes the size the items gave it.
    let dtype = dtype.filter(|d| {
        !(d.kind() == 'V' && d.itemsize() == 0 && d.fields().is_none() && arr.dtype().kind() == 'V')
    });
    // An unsized text or generic time target is sized from the items, as astype does.
    let dtype = match dtype {
        Some(d) if arr.dtype().kind() == 'O' || matches!(arr.dtype().kind(), 'U' | 'S') => {
            let d = if arr.dtype().kind() == 'O' {
                super::object::sized_text(py, &arr, d)?
            } else {
                d
            };
            Some(super::time::discovered(&arr, &d)?)
        }
        d => d,
    };
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
        match &sub {
            Some(a) => PyNdArray::new_like(a, c, true)?.into_bound(py).into_any(),
            None => PyNdArray::wrap(py, c, None)?.into_bound(py).into_any(),
        }
    } else if let Ok(a) = obj.cast::<PyNdArray>() {
        if subok || PyNdArray::subtype(obj).is_none() {
            obj.clone()
        } else {
            // a plain ndarray viewing the subclass instance's memory (NumPy's base collapse)
            PyNdArray::plain_view_of(a, NdArray::clone(&a.get().cur()))?
                .into_bound(py)
                .into_any()
        }
    } else {
        PyNdArray::wrap(py, arr, conv.base)?
            .into_bound(py)
            .into_any()
    };
    let nd = result.cast::<PyNdArray>()?.get().cur().ndim();
    if ndmin > nd {
        let a = result.cast::<PyNdArray>()?;
        let mut shape: Vec<isize> = vec![1; ndmin - nd];
        shape.extend(a.get().cur().shape().iter().map(|&d| d as isize));
        let v = a.get().cur().reshape(&shape, Order::C)?;
        return Ok(PyNdArray::view_of(a, v)?.into_bound(py).into_any());
    }
    Ok(result)
}

/// NumPy's check of `like=` (None, or an object implementing `__array_function__`), and the
/// object when it belongs to another library: None for None and rumpy's arrays, which make
/// rumpy's array.
fn foreign_like<'a, 'py>(
    like: Option<&'a Bound<'py, PyAny>>,
) -> PyResult<Option<&'a Bound<'py, PyAny>>> {
    match like {
        Some(l) if !l.is_none() && l.cast::<PyNdArray>().is_err() => {
            if !l.hasattr("__array_function__")? {
                return Err(PyTypeError::new_err(
                    "The `like` argument must be an array-like that implements the `__array_function__` protocol.",
                ));
            }
            Ok(Some(l))
        }
        _ => Ok(None),
    }
}

/// NEP 35 for `like=` another library's object: NumPy's function of the same name runs with
/// the positional `args`, the keywords of `kwargs` that are given (`Some`) and `like=`, and
/// NumPy hands the call to that object's `__array_function__` (a Dask array makes a Dask
/// array; NumPy's array makes NumPy's).
fn like_call<'py>(
    name: &str,
    like: &Bound<'py, PyAny>,
    args: impl pyo3::call::PyCallArgs<'py>,
    kwargs: &[(&str, Option<Bound<'py, PyAny>>)],
) -> PyResult<Bound<'py, PyAny>> {
    let py = like.py();
    let kw = PyDict::new(py);
    for (k, v) in kwargs {
        if let Some(v) = v {
            kw.set_item(k, v)?;
        }
    }
    kw.set_item("like", like)?;
    py.import("numpy")?.getattr(name)?.call(args, Some(&kw))
}

/// A keyword for [`like_call`]: the value unless it is the default (NumPy passes on only what
/// its caller gave).
fn non_default<'py, T: PartialEq + IntoPyObject<'py>>(
    py: Python<'py>,
    value: T,
    default: T,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    if value == default {
        return Ok(None);
    }
    Ok(Some(pyo3::IntoPyObjectExt::into_bound_py_any(value, py)?))
}

/// Create an array from an array-like object.
///
/// Accepts ndarrays, nested sequences, scalars and objects exposing the array interface.
///
/// Parameters
/// ----------
/// object : array_like
///     The data to convert.
/// dtype : data-type, optional
///     Element type of the result; by default the smallest type that holds the data.
/// copy : bool or None, optional
///     True (default) always copies, None copies only when needed, and False raises
///     ValueError when a copy cannot be avoided.
/// order : {'K', 'A', 'C', 'F'}, optional
///     Memory layout of the result; 'K' (default) keeps the layout of the input if possible.
/// subok : bool, optional
///     If True, ndarray subclasses pass through; otherwise (default) a base ndarray results.
/// ndmin : int, optional
///     Minimum number of dimensions; axes of length one are prepended as needed.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     An array with the requested dtype, layout and number of dimensions.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.array([1, 2, 3])
/// array([1, 2, 3])
/// >>> rp.array([1, 2], dtype=float, ndmin=2)
/// array([[1., 2.]])
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
    if let Some(l) = foreign_like(like)? {
        let py = object.py();
        let kw = [
            ("dtype", dtype.cloned()),
            ("copy", non_default(py, copy, Some(true))?),
            ("order", non_default(py, order, Some("K"))?),
            ("subok", non_default(py, subok, false)?),
            ("ndmin", non_default(py, ndmin, 0)?),
        ];
        return like_call("array", l, (object,), &kw);
    }
    let dt = opt_dtype(dtype)?;
    let o = parse_order(order, Order::K)?;
    // `copy=True` copies even arrays that need no cast.
    let r = array_impl(object, dt, copy, o, ndmin.max(0) as usize, subok)?;
    if copy == Some(true) && r.is(object) {
        let a = r.cast::<PyNdArray>()?.get().cur().clone();
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

/// Convert the input to an ndarray, copying only when necessary.
///
/// An ndarray that already has the requested dtype and layout is returned unchanged.
///
/// Parameters
/// ----------
/// a : array_like
///     Input data: scalars, lists, tuples, ndarrays or other array-like objects.
/// dtype : data-type, optional
///     Element type of the result; inferred from the data by default.
/// order : {'C', 'F', 'A', 'K'}, optional
///     Memory layout of the result. None (default) acts like 'K' and keeps the input layout.
/// device : str, optional
///     Array API device; only "cpu" is supported.
/// copy : bool or None, optional
///     True always copies, None (default) copies only if needed, and False raises
///     ValueError when a copy would be required.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     The input itself when no conversion is needed, otherwise a new array.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> a = rp.array([1., 2.])
/// >>> rp.asarray(a) is a
/// True
/// >>> rp.asarray([1, 2], dtype=rp.float32)
/// array([1., 2.], dtype=float32)
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
    if let Some(l) = foreign_like(like)? {
        let py = a.py();
        let kw = [
            ("dtype", dtype.cloned()),
            ("order", non_default(py, order, None)?),
            ("device", device.cloned()),
            ("copy", non_default(py, copy, None)?),
        ];
        return like_call("asarray", l, (a,), &kw);
    }
    let dt = opt_dtype(dtype)?;
    let o = parse_order(order, Order::K)?;
    if copy == Some(true) {
        return array(a, dtype, Some(true), order, false, 0, None);
    }
    array_impl(a, dt, copy, o, 0, false)
}

/// Convert the input to an ndarray, letting ndarray subclasses through unchanged.
///
/// Works like asarray, but an instance of an ndarray subclass is returned as it is.
///
/// Parameters
/// ----------
/// a : array_like
///     Input data: scalars, lists, tuples, ndarrays or other array-like objects.
/// dtype : data-type, optional
///     Element type of the result; inferred from the data by default.
/// order : {'C', 'F', 'A', 'K'}, optional
///     Memory layout of the result. None (default) acts like 'K' and keeps the input layout.
/// device : str, optional
///     Array API device; only "cpu" is supported.
/// copy : bool or None, optional
///     True always copies, None (default) copies only if needed, and False raises
///     ValueError when a copy would be required.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray or ndarray subclass
///     The input itself when it already qualifies, otherwise a new array.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.asanyarray([1, 2])
/// array([1, 2])
/// >>> a = rp.arange(3)
/// >>> rp.asanyarray(a) is a
/// True
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
    if let Some(l) = foreign_like(like)? {
        let py = a.py();
        let kw = [
            ("dtype", dtype.cloned()),
            ("order", non_default(py, order, None)?),
            ("device", device.cloned()),
            ("copy", non_default(py, copy, None)?),
        ];
        return like_call("asanyarray", l, (a,), &kw);
    }
    let _ = device;
    if copy == Some(true) {
        return array(a, dtype, Some(true), order, true, 0, None);
    }
    array_impl(
        a,
        opt_dtype(dtype)?,
        copy,
        parse_order(order, Order::K)?,
        0,
        true,
    )
}

/// Return an array with at least one dimension laid out contiguously in C (row-major) order.
///
/// The input is returned as is when it already qualifies; otherwise a copy is made.
///
/// Parameters
/// ----------
/// a : array_like
///     Input data.
/// dtype : data-type, optional
///     Element type of the result; the dtype of the input by default.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     C-contiguous array with the values of a; a scalar becomes a one-element array.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.ones((2, 3), order='F')
/// >>> rp.ascontiguousarray(x).flags['C_CONTIGUOUS']
/// True
/// >>> rp.ascontiguousarray(5)
/// array([5])
#[pyfunction]
#[pyo3(signature = (a, dtype=None, *, like=None))]
pub fn ascontiguousarray<'py>(
    a: &Bound<'py, PyAny>,
    dtype: Option<&Bound<'py, PyAny>>,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [("dtype", dtype.cloned())];
        return like_call("ascontiguousarray", l, (a,), &kw);
    }
    array_impl(a, opt_dtype(dtype)?, None, Order::C, 1, false)
}

/// Return an array with at least one dimension laid out contiguously in Fortran order.
///
/// Fortran order is column-major: the first index varies fastest in memory. The input is
/// returned as is when it already qualifies; otherwise a copy is made.
///
/// Parameters
/// ----------
/// a : array_like
///     Input data.
/// dtype : data-type, optional
///     Element type of the result; the dtype of the input by default.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     F-contiguous array with the values of a; a scalar becomes a one-element array.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.arange(6).reshape(2, 3)
/// >>> y = rp.asfortranarray(x)
/// >>> y.flags['F_CONTIGUOUS']
/// True
/// >>> y
/// array([[0, 1, 2],
///        [3, 4, 5]])
#[pyfunction]
#[pyo3(signature = (a, dtype=None, *, like=None))]
pub fn asfortranarray<'py>(
    a: &Bound<'py, PyAny>,
    dtype: Option<&Bound<'py, PyAny>>,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [("dtype", dtype.cloned())];
        return like_call("asfortranarray", l, (a,), &kw);
    }
    array_impl(a, opt_dtype(dtype)?, None, Order::F, 1, false)
}

/// Return a new array holding a copy of the given data.
///
/// Parameters
/// ----------
/// a : array_like
///     Data to copy.
/// order : {'C', 'F', 'A', 'K'}, optional
///     Layout of the copy. 'K' (default) follows the layout of a as closely as possible,
///     and 'A' means 'F' when a is Fortran contiguous and 'C' otherwise.
/// subok : bool, optional
///     If True, ndarray subclasses are kept; otherwise (default) a base ndarray results.
///
/// Returns
/// -------
/// arr : ndarray
///     A new array, independent of a, with the same values.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.array([1, 2, 3])
/// >>> y = rp.copy(x)
/// >>> x[0] = 10
/// >>> y
/// array([1, 2, 3])
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

/// Return a new array of the given shape and dtype without initializing its values.
///
/// Useful when every element is about to be written; the initial contents are arbitrary.
///
/// Parameters
/// ----------
/// shape : int or tuple of ints
///     Shape of the new array, such as 3 or (2, 3).
/// dtype : data-type, optional
///     Element type; float64 by default.
/// order : {'C', 'F'}, optional
///     Store the data in row-major ('C', default) or column-major ('F') order.
/// device : str, optional
///     Array API device; only "cpu" is supported.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     Array of the given shape, dtype and order with unspecified contents.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> a = rp.empty((2, 3), dtype=rp.int32)
/// >>> a.shape, a.dtype
/// ((2, 3), dtype('int32'))
#[pyfunction]
#[pyo3(signature = (shape, dtype=None, order="C", *, device=None, like=None))]
pub fn empty(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    device: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [
            ("dtype", dtype.cloned()),
            ("order", non_default(py, order, "C")?),
            ("device", device.cloned()),
        ];
        return like_call("empty", l, (shape,), &kw).map(Bound::unbind);
    }
    new_array(py, shape, dtype, order, false).map(Py::into_any)
}

/// Return a new array of the given shape and dtype with every element set to zero.
///
/// Parameters
/// ----------
/// shape : int or tuple of ints
///     Shape of the new array, such as 3 or (2, 3).
/// dtype : data-type, optional
///     Element type; float64 by default.
/// order : {'C', 'F'}, optional
///     Store the data in row-major ('C', default) or column-major ('F') order.
/// device : str, optional
///     Array API device; only "cpu" is supported.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     Array of zeros with the given shape, dtype and order.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.zeros(3)
/// array([0., 0., 0.])
/// >>> rp.zeros((2, 2), dtype=int)
/// array([[0, 0],
///        [0, 0]])
#[pyfunction]
#[pyo3(signature = (shape, dtype=None, order="C", *, device=None, like=None))]
pub fn zeros(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    device: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [
            ("dtype", dtype.cloned()),
            ("order", non_default(py, order, "C")?),
            ("device", device.cloned()),
        ];
        return like_call("zeros", l, (shape,), &kw).map(Bound::unbind);
    }
    new_array(py, shape, dtype, order, true).map(Py::into_any)
}

/// The source array `np.copyto` makes of a value: Python ints are weak (checked against the
/// destination), Python floats and complex become float64/complex128 and are cast.
/// `where(condition, x, y)` for a boolean rumpy array and rumpy arrays of the numbers or
/// Python scalars (weak, NEP 50): NumPy's result dtype, the items selected in one pass. None
/// where the general path must decide (other families, subclasses, other operands).
#[pyfunction]
pub fn _where3(
    py: Python<'_>,
    condition: &Bound<'_, PyAny>,
    x: &Bound<'_, PyAny>,
    y: &Bound<'_, PyAny>,
) -> PyResult<Option<Py<PyAny>>> {
    if !condition.is_exact_instance_of::<PyNdArray>() {
        return Ok(None);
    }
    let c = condition.cast::<PyNdArray>()?.get().array();
    if c.dtype().native_scalar() != Some(ScalarType::Bool) {
        return Ok(None);
    }
    // Each operand: an array of the numbers, or a Python scalar (weak) made an array of its
    // default type, cast to the result unsafely as NumPy does here (an int out of the
    // result's range wraps).
    let (mut strong, mut weak, mut arrays) = (vec![], vec![], vec![]);
    for v in [x, y] {
        if let Ok(a) = v.cast_exact::<PyNdArray>() {
            let a = a.get().array();
            if a.dtype().scalar_type().is_none() || !a.dtype().is_native() {
                return Ok(None);
            }
            strong.push(a.dtype().clone());
            arrays.push(a);
        } else if super::overrides::is_python_number(v) {
            match classify_scalar(v)? {
                Some(s @ PyScalar::Weak(_, k)) => {
                    weak.push(k);
                    arrays.push(super::convert::scalar_array(&s, None)?);
                }
                _ => return Ok(None),
            }
        } else {
            return Ok(None);
        }
    }
    let dt = promote::result_type(&strong, &weak)?;
    if dt.scalar_type().is_none() {
        return Ok(None);
    }
    let (xa, ya) = (&arrays[0], &arrays[1]);
    let bytes = c.size() * dt.itemsize();
    let r = super::errors::run_cast(py, bytes, || crate::ops::select::select(&c, xa, ya, &dt))?;
    Ok(Some(PyNdArray::wrap(py, r, None)?.into_any()))
}

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

/// Return a new array of the given shape and dtype with every element set to one.
///
/// Parameters
/// ----------
/// shape : int or tuple of ints
///     Shape of the new array, such as 3 or (2, 3).
/// dtype : data-type, optional
///     Element type; float64 by default.
/// order : {'C', 'F'}, optional
///     Store the data in row-major ('C', default) or column-major ('F') order.
/// device : str, optional
///     Array API device; only "cpu" is supported.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     Array of ones with the given shape, dtype and order.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.ones(3)
/// array([1., 1., 1.])
/// >>> rp.ones((2, 3), dtype=rp.int8)
/// array([[1, 1, 1],
///        [1, 1, 1]], dtype=int8)
#[pyfunction]
#[pyo3(signature = (shape, dtype=None, order="C", *, device=None, like=None))]
pub fn ones(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    order: &str,
    device: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [
            ("dtype", dtype.cloned()),
            ("order", non_default(py, order, "C")?),
            ("device", device.cloned()),
        ];
        return like_call("ones", l, (shape,), &kw).map(Bound::unbind);
    }
    let a = new_array(py, shape, dtype, order, false)?;
    fill_const(py, &a.bind(py).get().cur(), Num::I(1))?;
    Ok(a.into_any())
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

/// Return a new array of the given shape with every element set to fill_value.
///
/// Parameters
/// ----------
/// shape : int or tuple of ints
///     Shape of the new array, such as 3 or (2, 3).
/// fill_value : scalar or array_like
///     Value to store; an array is broadcast to the shape.
/// dtype : data-type, optional
///     Element type; by default the dtype that array(fill_value) would have.
/// order : {'C', 'F'}, optional
///     Store the data in row-major ('C', default) or column-major ('F') order.
/// device : str, optional
///     Array API device; only "cpu" is supported.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     Array of fill_value with the given shape, dtype and order.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.full(3, 7)
/// array([7, 7, 7])
/// >>> rp.full((2, 2), [1.5, 2.5])
/// array([[1.5, 2.5],
///        [1.5, 2.5]])
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
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [
            ("dtype", dtype.cloned()),
            ("order", non_default(py, order, "C")?),
            ("device", device.cloned()),
        ];
        return like_call("full", l, (shape, fill_value), &kw).map(Bound::unbind);
    }
    let dt = match opt_dtype(dtype)? {
        Some(d) => d,
        None => value_dtype(fill_value)?,
    };
    let shape = extract_shape(shape)?;
    let o = parse_order(Some(order), Order::C)?;
    let a = NdArray::empty(&shape, &dt, o)?;
    fill_with(py, &a, fill_value)?;
    Ok(PyNdArray::wrap(py, a, None)?.into_any())
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

/// Return a new array, with unspecified contents, shaped and typed like the given array.
///
/// Parameters
/// ----------
/// prototype : array_like
///     Array whose shape, dtype and layout the result takes by default.
/// dtype : data-type, optional
///     Element type of the result instead of the dtype of prototype.
/// order : {'C', 'F', 'A', 'K'}, optional
///     Layout of the result. 'K' (default) follows the layout of prototype as closely as
///     possible; 'A' means 'F' when prototype is Fortran contiguous and 'C' otherwise.
/// subok : bool, optional
///     If True (default), the result has the ndarray subclass of prototype; else a base ndarray.
/// shape : int or tuple of ints, optional
///     Shape of the result instead of the shape of prototype.
/// device : str, optional
///     Array API device; only "cpu" is supported.
///
/// Returns
/// -------
/// out : ndarray
///     Array with arbitrary contents and the shape and dtype of prototype.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> a = rp.empty_like(rp.zeros((2, 3), dtype=rp.int16))
/// >>> a.shape, a.dtype
/// ((2, 3), dtype('int16'))
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

/// Return an array of zeros with the same shape and dtype as the given array.
///
/// Parameters
/// ----------
/// a : array_like
///     Array whose shape, dtype and layout the result takes by default.
/// dtype : data-type, optional
///     Element type of the result instead of the dtype of a.
/// order : {'C', 'F', 'A', 'K'}, optional
///     Layout of the result. 'K' (default) follows the layout of a as closely as
///     possible; 'A' means 'F' when a is Fortran contiguous and 'C' otherwise.
/// subok : bool, optional
///     If True (default), the result has the ndarray subclass of a; else a base ndarray.
/// shape : int or tuple of ints, optional
///     Shape of the result instead of the shape of a.
/// device : str, optional
///     Array API device; only "cpu" is supported.
///
/// Returns
/// -------
/// out : ndarray
///     Array of zeros with the shape and dtype of a.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.arange(6).reshape(2, 3)
/// >>> rp.zeros_like(x)
/// array([[0, 0, 0],
///        [0, 0, 0]])
/// >>> rp.zeros_like([1., 2.])
/// array([0., 0.])
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

/// Return an array of ones with the same shape and dtype as the given array.
///
/// Parameters
/// ----------
/// a : array_like
///     Array whose shape, dtype and layout the result takes by default.
/// dtype : data-type, optional
///     Element type of the result instead of the dtype of a.
/// order : {'C', 'F', 'A', 'K'}, optional
///     Layout of the result. 'K' (default) follows the layout of a as closely as
///     possible; 'A' means 'F' when a is Fortran contiguous and 'C' otherwise.
/// subok : bool, optional
///     If True (default), the result has the ndarray subclass of a; else a base ndarray.
/// shape : int or tuple of ints, optional
///     Shape of the result instead of the shape of a.
/// device : str, optional
///     Array API device; only "cpu" is supported.
///
/// Returns
/// -------
/// out : ndarray
///     Array of ones with the shape and dtype of a.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.arange(3, dtype=float)
/// >>> rp.ones_like(x)
/// array([1., 1., 1.])
/// >>> rp.ones_like([[1, 2]], dtype=bool)
/// array([[ True,  True]])
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

/// Return an array filled with a value, with the same shape and dtype as the given array.
///
/// Parameters
/// ----------
/// a : array_like
///     Array whose shape, dtype and layout the result takes by default.
/// fill_value : scalar or array_like
///     Value to store, cast to the result dtype; an array is broadcast to the shape.
/// dtype : data-type, optional
///     Element type of the result instead of the dtype of a.
/// order : {'C', 'F', 'A', 'K'}, optional
///     Layout of the result. 'K' (default) follows the layout of a as closely as
///     possible; 'A' means 'F' when a is Fortran contiguous and 'C' otherwise.
/// subok : bool, optional
///     If True (default), the result has the ndarray subclass of a; else a base ndarray.
/// shape : int or tuple of ints, optional
///     Shape of the result instead of the shape of a.
/// device : str, optional
///     Array API device; only "cpu" is supported.
///
/// Returns
/// -------
/// out : ndarray
///     Array of fill_value with the shape and dtype of a.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.arange(4)
/// >>> rp.full_like(x, 0.7)
/// array([0, 0, 0, 0])
/// >>> rp.full_like(x, 0.7, dtype=float)
/// array([0.7, 0.7, 0.7, 0.7])
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
            // NumPy promotes the arguments with int64: uint64 makes float64
            'u' if st == ScalarType::UInt64 => WeakKind::Float,
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

/// Return evenly spaced values from start up to, but not including, stop.
///
/// With one positional argument, that argument is stop and start is 0. For a fractional
/// step the length may suffer from rounding; linspace is usually better there. Values of
/// datetime64 and timedelta64 give time ranges.
///
/// Parameters
/// ----------
/// start : number, optional
///     First value, 0 by default; given positionally or as the keyword start.
/// stop : number
///     End of the interval; it is not included (except by floating-point rounding).
/// step : number, optional
///     Spacing between consecutive values, 1 by default; must not be zero.
/// dtype : data-type, optional
///     Element type; inferred from start, stop and step when omitted.
/// device : str, optional
///     Array API device; only "cpu" is supported.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// arange : ndarray
///     One-dimensional array of ceil((stop - start) / step) values.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.arange(4)
/// array([0, 1, 2, 3])
/// >>> rp.arange(1, 2, 0.25)
/// array([1.  , 1.25, 1.5 , 1.75])
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
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        // The bounds as positional arguments while they come in order (as usually written).
        let mut pos: Vec<&Bound<'py, PyAny>> = start_or_stop.into_iter().collect();
        let mut in_order = !pos.is_empty();
        let mut kw = vec![("dtype", dtype.cloned()), ("device", device.cloned())];
        kw.push(("start", start.cloned()));
        for (k, v) in [("stop", stop), ("step", step)] {
            match v {
                Some(v) if in_order => pos.push(v),
                v => {
                    in_order = false;
                    kw.push((k, v.cloned()));
                }
            }
        }
        return like_call("arange", l, PyTuple::new(py, pos)?, &kw).map(Bound::unbind);
    }
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
        return Ok(PyNdArray::wrap(py, a, None)?.into_any());
    }
    let (start, stop) = match (given(start_or_stop), given(start), given(stop)) {
        (Some(a), None, Some(b)) | (None, Some(a), Some(b)) => (a, b),
        (Some(a), None, None) => (zero, a),
        (None, Some(_), None) => {
            return Err(PyTypeError::new_err(
                "arange() requires stop to be specified.",
            ))
        }
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
    if dt_given.as_ref().is_some_and(|d| d.kind() == 'O') {
        return arange_objects(py, &start, &stop, &step);
    }
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
    let diff = stop.sub(&start).map_err(|e| too_large(py, e))?;
    // a complex range takes no zero-quotient rule (NumPy's)
    let moved = kind != WeakKind::Complex && !diff.eq(0)?;
    let span = diff.div(&step)?;
    let span = if kind == WeakKind::Complex {
        span.getattr("real")?
    } else {
        span
    };

    let span: f64 = span.extract()?;
    if !span.is_finite() {
        return Err(PyValueError::new_err("Maximum allowed size exceeded"));
    }
    let len = steps_of(span, moved);
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
        let c = native
            .bind(py)
            .cast::<PyNdArray>()?
            .get()
            .cur()
            .astype(&dt, Order::C)?;
        return Ok(PyNdArray::wrap(py, c, None)?.into_any());
    }
    let a = NdArray::empty(&[n], &dt, Order::C)?;
    let out = PyNdArray::wrap(py, a, None)?;
    if n > 0 {
        let b = out.bind(py);
        PyNdArray::set_index(b, 0, &start)?;
        if n > 1 {
            PyNdArray::set_index(b, 1, &start.add(&step)?)?;
        }
        let arr = b.get().cur().clone();
        run_detached(py, arr.nbytes(), || crate::ops::creation::arange_fill(&arr))?;
    }
    Ok(out.into_any())
}

/// NumPy's error for an arange whose bounds overflow their type: the size is too large.
fn too_large(py: Python<'_>, e: PyErr) -> PyErr {
    if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py) {
        PyValueError::new_err("Maximum allowed size exceeded")
    } else {
        e
    }
}

/// The length of an arange from (stop - start) / step = `span`: its ceiling, except that a
/// quotient that is zero while the range is not (an infinite or huge step) counts one step
/// forwards or none backwards, as NumPy's.
fn steps_of(span: f64, moved: bool) -> f64 {
    if span == 0.0 && moved {
        if span.is_sign_negative() {
            0.0
        } else {
            1.0
        }
    } else {
        span.ceil()
    }
}

/// `arange(..., dtype=object)`: Python's own arithmetic, as NumPy's object fill: the first
/// item is `start`, the second `start + step`, each next one the previous plus their
/// difference; the length is ceil((stop - start) / step).
fn arange_objects<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    stop: &Bound<'py, PyAny>,
    step: &Bound<'py, PyAny>,
) -> PyResult<Py<PyAny>> {
    if step.eq(0)? {
        return Err(PyZeroDivisionError::new_err("division by zero"));
    }
    let diff = stop.sub(start)?;
    let moved = !diff.eq(0)?;
    let span: f64 = diff.div(step)?.extract()?;
    let len = steps_of(span, moved);
    if !span.is_finite() || len > isize::MAX as f64 {
        return Err(PyValueError::new_err("Maximum allowed size exceeded"));
    }
    let n = if len > 0.0 { len as usize } else { 0 };
    let dt = crate::dtype::object::object();
    let out = PyNdArray::wrap(py, NdArray::empty(&[n], &dt, Order::C)?, None)?;
    let b = out.bind(py);
    if n > 0 {
        PyNdArray::set_index(b, 0, start)?;
    }
    if n > 1 {
        let mut cur = start.add(step)?;
        PyNdArray::set_index(b, 1, &cur)?;
        let delta = cur.sub(start)?;
        for i in 2..n {
            cur = cur.add(&delta)?;
            PyNdArray::set_index(b, i as isize, &cur)?;
        }
    }
    Ok(out.into_any())
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
                "operands could not be broadcast together with shapes {} {} ",
                crate::array::shape_repr_c(a.shape()),
                crate::array::shape_repr_c(b.shape())
            )));
        };
    }
    Ok(out)
}

/// Return num evenly spaced samples between start and stop, stop included by default.
///
/// Parameters
/// ----------
/// start, stop : array_like
///     End points; arrays broadcast together and give one sequence per element.
/// num : int, optional
///     Number of samples, 50 by default; must be non-negative.
/// endpoint : bool, optional
///     If True (default), stop is the last sample; otherwise it is left out.
/// retstep : bool, optional
///     If True, also return the spacing between samples.
/// dtype : data-type, optional
///     Element type; by default inferred from start and stop, and at least floating.
/// axis : int, optional
///     Axis of the result that holds the samples when start or stop are arrays.
/// device : str, optional
///     Array API device; only "cpu" is supported.
///
/// Returns
/// -------
/// samples : ndarray
///     The num samples.
/// step : float, optional
///     The spacing between samples; returned only when retstep is True.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.linspace(0, 1, 5)
/// array([0.  , 0.25, 0.5 , 0.75, 1.  ])
/// >>> rp.linspace(2, 3, 4, endpoint=False)
/// array([2.  , 2.25, 2.5 , 2.75])
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

/// Return a 2-D array with ones on one diagonal and zeros everywhere else.
///
/// Parameters
/// ----------
/// N : int
///     Number of rows.
/// M : int, optional
///     Number of columns; equal to N by default.
/// k : int, optional
///     Diagonal of the ones: 0 (default) is the main one, positive above it, negative below.
/// dtype : data-type, optional
///     Element type; float64 by default.
/// order : {'C', 'F'}, optional
///     Store the data in row-major ('C', default) or column-major ('F') order.
/// device : str, optional
///     Array API device; only "cpu" is supported.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// I : ndarray of shape (N, M)
///     Array that is one on the k-th diagonal and zero elsewhere.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.eye(2)
/// array([[1., 0.],
///        [0., 1.]])
/// >>> rp.eye(2, 3, k=1, dtype=int)
/// array([[0, 1, 0],
///        [0, 0, 1]])
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
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [
            ("M", non_default(py, M, None)?),
            ("k", non_default(py, k, 0)?),
            ("dtype", dtype.cloned()),
            ("order", non_default(py, order, "C")?),
            ("device", device.cloned()),
        ];
        return like_call("eye", l, (N,), &kw).map(Bound::unbind);
    }
    let dt = opt_dtype(dtype)?.unwrap_or_else(|| ScalarType::Float64.dtype());
    let o = parse_order(Some(order), Order::C)?;
    let (n, m) = (dim(N)?, dim(M.unwrap_or(N))?);
    let a = NdArray::zeros(&[n, m], &dt, o)?;
    if dt.scalar_type().is_some() {
        crate::ops::creation::fill_diagonal_k(&a, k, Num::B(true))?;
    } else if n > 0 && m > 0 {
        // Other families as NumPy's `m[...] = 1` on the diagonal: b'1', one time unit,
        // a record of ones, the int 1 for objects.
        if dt.kind() == 'O' {
            // NumPy's zeros of objects hold the int 0.
            super::array::fill_array(&a, &0i64.into_pyobject(py)?.into_any())?;
        }
        let one = 1i64.into_pyobject(py)?.into_any();
        super::array::fill_array(&a.diagonal(k, 0, 1)?, &one)?;
    }
    Ok(PyNdArray::wrap(py, a, None)?.into_any())
}

/// Return the n-by-n identity matrix as a square array.
///
/// Parameters
/// ----------
/// n : int
///     Number of rows and columns.
/// dtype : data-type, optional
///     Element type; float64 by default.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray of shape (n, n)
///     Array with ones on the main diagonal and zeros elsewhere.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.identity(3)
/// array([[1., 0., 0.],
///        [0., 1., 0.],
///        [0., 0., 1.]])
#[pyfunction]
#[pyo3(signature = (n, dtype=None, *, like=None))]
pub fn identity(
    py: Python<'_>,
    n: isize,
    dtype: Option<&Bound<'_, PyAny>>,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [("dtype", dtype.cloned())];
        return like_call("identity", l, (n,), &kw).map(Bound::unbind);
    }
    eye(py, n, None, 0, dtype, "C", None, like)
}

/// Return an array that is one at and below a given diagonal and zero above it.
///
/// Parameters
/// ----------
/// N : int
///     Number of rows.
/// M : int, optional
///     Number of columns; equal to N by default.
/// k : int, optional
///     Diagonal up to which the array is filled: 0 (default) is the main diagonal, a
///     positive k lies above it and a negative k below it.
/// dtype : data-type, optional
///     Element type; float64 by default.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// tri : ndarray of shape (N, M)
///     Array whose element (i, j) is one when j is at most i + k, and zero otherwise.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.tri(3, 4, k=1, dtype=int)
/// array([[1, 1, 0, 0],
///        [1, 1, 1, 0],
///        [1, 1, 1, 1]])
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
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [
            ("M", non_default(py, M, None)?),
            ("k", non_default(py, k, 0)?),
            ("dtype", dtype.cloned()),
        ];
        return like_call("tri", l, (N,), &kw).map(Bound::unbind);
    }
    let dt = opt_dtype(dtype)?.unwrap_or_else(|| ScalarType::Float64.dtype());
    // NumPy's tri treats negative sizes as empty.
    let (n, m) = (N.max(0) as usize, M.unwrap_or(N).max(0) as usize);
    let t = if dt.scalar_type().is_some() {
        crate::ops::creation::tri(n, m, k, &dt)?
    } else {
        // Other families as NumPy: its boolean mask cast to the dtype.
        let mask = crate::ops::creation::tri(n, m, k, &ScalarType::Bool.dtype())?;
        super::errors::run_cast(py, mask.nbytes(), || mask.astype(&dt, Order::C))?
    };
    PyNdArray::wrap(py, t, None).map(Py::into_any)
}

/// Interpret a buffer as a one-dimensional array, without copying.
///
/// The result shares memory with the buffer and is read-only if the buffer is.
///
/// Parameters
/// ----------
/// buffer : buffer_like
///     Object exposing the buffer protocol, such as bytes, bytearray or memoryview.
/// dtype : data-type, optional
///     Element type of the data in the buffer; float64 by default.
/// count : int, optional
///     Number of items to read; -1 (default) reads everything after offset.
/// offset : int, optional
///     Number of bytes to skip at the start of the buffer; 0 by default.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     One-dimensional view of the buffer contents.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.frombuffer(b'ABCD', dtype=rp.uint8)
/// array([65, 66, 67, 68], dtype=uint8)
/// >>> rp.frombuffer(b'ABCD', dtype=rp.uint8, count=2, offset=1)
/// array([66, 67], dtype=uint8)
#[pyfunction]
#[pyo3(signature = (buffer, dtype=None, count=-1, offset=0, *, like=None))]
pub fn frombuffer(
    py: Python<'_>,
    buffer: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    count: isize,
    offset: isize,
    like: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [
            ("dtype", dtype.cloned()),
            ("count", non_default(py, count, -1)?),
            ("offset", non_default(py, offset, 0)?),
        ];
        return like_call("frombuffer", l, (buffer,), &kw).map(Bound::unbind);
    }
    let dt = opt_dtype(dtype)?.unwrap_or_else(|| ScalarType::Float64.dtype());
    super::object::refuse_from_bytes(&dt)?;
    let raw = contiguous_memory(buffer)?;
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
    Ok(PyNdArray::wrap(py, arr, Some(buffer.clone().unbind()))?.into_any())
}

/// The memory of a bytes-like object, as an array over it (NumPy asks for a C-contiguous
/// buffer, which the exporter refuses otherwise).
fn contiguous_memory(buffer: &Bound<'_, PyAny>) -> PyResult<NdArray> {
    let raw = super::interop::from_foreign(buffer)?
        .ok_or_else(|| PyTypeError::new_err("a bytes-like object is required"))?
        .0;
    if !raw.is_c_contiguous() {
        return Err(pyo3::exceptions::PyBufferError::new_err(format!(
            "{}: underlying buffer is not C-contiguous",
            buffer.get_type().name()?
        )));
    }
    Ok(raw)
}

/// An array of `shape` in `order` ('C' or 'F') over the whole of `buffer`'s memory: an array
/// unpickled from protocol 5 (`ndarray.__reduce_ex__`; `rumpy._interop._frombuffer` names it
/// in earlier pickles).
#[pyfunction]
pub fn _frombuffer(
    py: Python<'_>,
    buffer: &Bound<'_, PyAny>,
    dtype: &Bound<'_, PyAny>,
    shape: &Bound<'_, PyAny>,
    order: &str,
) -> PyResult<Py<PyAny>> {
    let dt = to_dtype(dtype)?;
    let shape = extract_shape(shape)?;
    let raw = contiguous_memory(buffer)?;
    let n = shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d));
    if n.and_then(|n| n.checked_mul(dt.itemsize())) != Some(raw.nbytes()) {
        return Err(PyValueError::new_err(format!(
            "a buffer of {} bytes does not hold an array of shape {:?} and dtype {}",
            raw.nbytes(),
            shape,
            dt
        )));
    }
    let strides = match order {
        "C" => crate::array::c_strides(&shape, dt.itemsize()),
        "F" => crate::array::f_strides(&shape, dt.itemsize()),
        _ => return Err(PyValueError::new_err("order must be 'C' or 'F'")),
    };
    let arr = NdArray::from_parts(
        raw.buffer().clone(),
        raw.offset(),
        shape.iter().copied().collect(),
        strides,
        dt,
        raw.is_writeable(),
    )?;
    Ok(PyNdArray::wrap(py, arr, Some(buffer.clone().unbind()))?.into_any())
}

/// Build a new one-dimensional array from the items of an iterable.
///
/// Parameters
/// ----------
/// iter : iterable
///     Object yielding the elements of the array.
/// dtype : data-type
///     Element type of the result; required.
/// count : int, optional
///     Number of items to take; -1 (default) consumes the whole iterable. Giving it lets the
///     memory be allocated once, and ValueError is raised if the iterable is shorter.
/// like : array_like, optional
///     Object implementing the array-function protocol that decides the result type.
///
/// Returns
/// -------
/// out : ndarray
///     One-dimensional array of the items.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.fromiter((x * x for x in range(4)), dtype=int)
/// array([0, 1, 4, 9])
/// >>> rp.fromiter(range(10), dtype=float, count=3)
/// array([0., 1., 2.])
#[pyfunction]
#[pyo3(signature = (iter, dtype, count=-1, *, like=None))]
pub fn fromiter<'py>(
    py: Python<'py>,
    iter: &Bound<'py, PyAny>,
    dtype: &Bound<'py, PyAny>,
    count: isize,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    if let Some(l) = foreign_like(like)? {
        let kw = [("count", non_default(py, count, -1)?)];
        return like_call("fromiter", l, (iter, dtype), &kw).map(Bound::unbind);
    }
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
            let old = arr.bind(py).get().cur().clone();
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
    let full = arr.bind(py).get().cur().clone();
    let out = full
        .index(&[crate::array::IndexItem::Slice {
            start: Some(0),
            stop: Some(n as isize),
            step: 1,
        }])?
        .view
        .copy(Order::C)?;
    Ok(PyNdArray::wrap(py, out, None)?.into_any())
}

/// Copy values from src into the existing array dst, broadcasting as necessary.
///
/// Parameters
/// ----------
/// dst : ndarray
///     Writable array that receives the values.
/// src : array_like
///     Values to copy; broadcast to the shape of dst.
/// casting : {'no', 'equiv', 'safe', 'same_kind', 'unsafe'}, optional
///     Which casts from src to the dtype of dst are allowed; 'same_kind' by default.
/// where : array_like of bool, optional
///     Broadcast mask; only elements where it is True are written.
///
/// Returns
/// -------
/// None
///     The values are written into dst in place.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> a = rp.zeros(3)
/// >>> rp.copyto(a, [1, 2, 3])
/// >>> rp.copyto(a, 9, where=[True, False, True])
/// >>> a
/// array([9., 2., 9.])
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

/// Determine exactly whether two arrays share memory.
///
/// Unlike may_share_memory, the answer is not just a comparison of memory bounds: the
/// element addresses of the two arrays are checked for a real overlap.
///
/// Parameters
/// ----------
/// a, b : ndarray
///     Arrays to compare.
/// max_work : int, optional
///     Limit on the effort spent solving the overlap problem; accepted for compatibility.
///
/// Returns
/// -------
/// out : bool
///     True if some element of a and some element of b use the same memory.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.arange(6)
/// >>> rp.shares_memory(x, x[::2])
/// True
/// >>> rp.shares_memory(x[::2], x[1::2])
/// False
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

/// Determine whether two arrays might share memory, by comparing their memory bounds.
///
/// A False answer is certain; True only means that the address ranges overlap, which can
/// happen without any element in common.
///
/// Parameters
/// ----------
/// a, b : ndarray
///     Arrays to compare.
/// max_work : int, optional
///     Effort allowed for an exact answer; accepted for compatibility.
///
/// Returns
/// -------
/// out : bool
///     False if the arrays certainly do not overlap, True otherwise.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.arange(6)
/// >>> rp.may_share_memory(x, rp.arange(6))
/// False
/// >>> rp.may_share_memory(x[::2], x[1::2])
/// True
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
        return Ok(Operand::Strong(a.get().cur().dtype().clone()));
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

/// Return the dtype that results from applying type promotion to the arguments.
///
/// Python int, float and complex values count only weakly: they adapt to the dtypes of the
/// other operands where the kinds allow it.
///
/// Parameters
/// ----------
/// *arrays_and_dtypes : arrays, scalars and dtypes
///     Operands whose dtypes take part in the promotion; at least one is required.
///
/// Returns
/// -------
/// out : dtype
///     The promoted dtype.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.result_type(rp.int8, rp.uint8)
/// dtype('int16')
/// >>> rp.result_type(rp.arange(3, dtype=rp.float32), 2.0)
/// dtype('float32')
/// >>> rp.result_type(3, rp.int8)
/// dtype('int8')
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

/// Return the smallest dtype to which both given dtypes can be cast safely.
///
/// The result does not depend on the order of the arguments.
///
/// Parameters
/// ----------
/// type1, type2 : dtype or dtype specifier
///     The two data types to combine.
///
/// Returns
/// -------
/// out : dtype
///     The promoted data type.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.promote_types('f4', 'f8')
/// dtype('float64')
/// >>> rp.promote_types(rp.int8, rp.uint8)
/// dtype('int16')
/// >>> rp.promote_types('i8', 'u8')
/// dtype('float64')
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

/// Return True if a cast from one data type to another is allowed by a casting rule.
///
/// Parameters
/// ----------
/// from_ : dtype, dtype specifier, NumPy scalar or array
///     Source type; for an array or scalar its dtype is used. Python int, float and
///     complex values are rejected with TypeError.
/// to : dtype or dtype specifier
///     Target data type.
/// casting : {'no', 'equiv', 'safe', 'same_kind', 'unsafe'}, optional
///     Rule to check against; 'safe' (default) allows only casts that preserve every value.
///
/// Returns
/// -------
/// out : bool
///     True if the cast is permitted under the rule.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> rp.can_cast(rp.int32, rp.int64)
/// True
/// >>> rp.can_cast(rp.float64, rp.int32)
/// False
/// >>> rp.can_cast('f8', 'i4', casting='unsafe')
/// True
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

/// Create an array from an object that supports the DLPack exchange protocol.
///
/// By default the result is a view of the producer's memory, with no copy.
///
/// Parameters
/// ----------
/// x : object
///     Producer implementing the __dlpack__ and __dlpack_device__ methods.
/// device : device, optional
///     Device for the result; only "cpu" is supported.
/// copy : bool or None, optional
///     True always copies, False never copies, and None (default) copies only if needed.
///
/// Returns
/// -------
/// out : ndarray
///     Array holding the data exported by x.
///
/// Examples
/// --------
/// >>> import rumpy as rp
/// >>> x = rp.arange(4)
/// >>> y = rp.from_dlpack(x)
/// >>> y
/// array([0, 1, 2, 3])
/// >>> rp.shares_memory(x, y)
/// True
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
        (None, Some(o)) => o.get().cur().dtype().clone(),
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
    let mut v = a.get().cur().strided_view(&shape, &strides, offset)?;
    if !writeable {
        v.set_writeable(false)?;
    }
    Ok(PyNdArray::view_of(a, v)?.into_bound(a.py()).into_any())
}
