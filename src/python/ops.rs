//! Bindings of the core's non-ufunc operations (src/ops/).

use pyo3::prelude::*;

use super::array::PyNdArray;
use super::convert::to_array;
use super::errors::run_detached;

/// `argmax`/`argmin` along `axis` (None: flattened); keepdims and out are handled by the
/// Python layer.
#[pyfunction]
#[pyo3(signature = (a, axis, is_max))]
pub fn _arg_extreme(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    axis: Option<isize>,
    is_max: bool,
) -> PyResult<Py<PyNdArray>> {
    let arr = to_array(a, None)?.arr;
    let r = run_detached(py, arr.nbytes(), || {
        crate::ops::argext::arg_extreme(&arr, axis, is_max)
    })?;
    PyNdArray::wrap(py, r, None)
}

/// Run a sorting operation along `axis` of `a`: the axis checked, the GIL released unless the
/// dtype's items need Python (objects).
fn along_axis<T: Send>(
    py: Python<'_>,
    a: &PyNdArray,
    axis: isize,
    f: impl FnOnce(&crate::array::NdArray, usize) -> crate::Result<T> + Send,
) -> PyResult<T> {
    let arr = a.array();
    let axis = crate::array::NdArray::normalize_axis(axis, arr.ndim())?;
    let keep = arr.dtype().flags().needs_api;
    super::errors::run_detached_unless(py, keep, arr.nbytes(), || f(&arr, axis))
}

/// `ndarray.sort(axis)`: in place, stable (the Python layer checks the arguments).
#[pyfunction]
pub fn _sort(py: Python<'_>, a: PyRef<'_, PyNdArray>, axis: isize) -> PyResult<()> {
    along_axis(py, &a, axis, crate::ops::sort::sort_in_place)
}

/// `argsort(a, axis)`: the stable order along `axis`, as intp indices.
#[pyfunction]
pub fn _argsort(py: Python<'_>, a: PyRef<'_, PyNdArray>, axis: isize) -> PyResult<Py<PyNdArray>> {
    let r = along_axis(py, &a, axis, crate::ops::sort::argsort)?;
    PyNdArray::wrap(py, r, None)
}

/// `ndarray.partition(kth, axis)`: in place (`kth` checked, sorted and distinct).
#[pyfunction]
pub fn _partition(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    kth: Vec<usize>,
    axis: isize,
) -> PyResult<()> {
    along_axis(py, &a, axis, |arr, ax| {
        crate::ops::sort::partition_in_place(arr, ax, &kth)
    })
}

/// `argpartition(a, kth, axis)`: the indices that partition `a` (`kth` as for `_partition`).
#[pyfunction]
pub fn _argpartition(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    kth: Vec<usize>,
    axis: isize,
) -> PyResult<Py<PyNdArray>> {
    let r = along_axis(py, &a, axis, |arr, ax| {
        crate::ops::sort::argpartition(arr, ax, &kth)
    })?;
    PyNdArray::wrap(py, r, None)
}

/// `searchsorted(a, v, right, sorter)` on `a` and `v` of one dtype (the Python layer casts).
#[pyfunction]
#[pyo3(signature = (a, v, right, sorter=None))]
pub fn _searchsorted(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    v: PyRef<'_, PyNdArray>,
    right: bool,
    sorter: Option<PyRef<'_, PyNdArray>>,
) -> PyResult<Py<PyNdArray>> {
    let (a, v) = (a.array(), v.array());
    let sorter = sorter.map(|s| s.array());
    let keep = a.dtype().flags().needs_api;
    let r = super::errors::run_detached_unless(py, keep, v.nbytes().max(a.nbytes()), || {
        crate::ops::sort::searchsorted(&a, &v, right, sorter.as_ref())
    })?;
    PyNdArray::wrap(py, r, None)
}

/// `rp.step(field, cycles, dt)`: in place, with the GIL released.
#[pyfunction]
#[pyo3(signature = (field, cycles=1, dt=0.1))]
pub fn step(py: Python<'_>, field: &Bound<'_, PyAny>, cycles: i64, dt: f64) -> PyResult<()> {
    let arr = field_array(field)?;
    let bytes = arr.nbytes().saturating_mul(cycles.max(0) as usize);
    run_detached(py, bytes, || crate::ops::field::step(&arr, cycles, dt))
}

/// The field's array: rumpy arrays, and NumPy's (shared without a copy), work in place.
fn field_array(field: &Bound<'_, PyAny>) -> PyResult<crate::array::NdArray> {
    Ok(match field.cast::<PyNdArray>() {
        Ok(a) => a.get().array(),
        Err(_) => to_array(field, None)?.arr,
    })
}

/// `rp.force(field, i, value)`: value[i] = value and velocity[i] = 0.
#[pyfunction]
pub fn force(
    field: &Bound<'_, PyAny>,
    i: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    use crate::ops::field::{assign_at, Col};
    let a = field_array(field)?;
    let items = super::index::parse_fancy(i)?;
    let v = to_array(value, None)?.arr;
    Ok(assign_at(
        &a,
        &items,
        &[(0, Col::Finite, Some(&v)), (1, Col::Zero, None)],
    )?)
}

/// `rp.set_props(field, i, mass, damping)`: mass at least 1e-6, damping in [0, 1].
#[pyfunction]
pub fn set_props(
    field: &Bound<'_, PyAny>,
    i: &Bound<'_, PyAny>,
    mass: &Bound<'_, PyAny>,
    damping: &Bound<'_, PyAny>,
) -> PyResult<()> {
    use crate::ops::field::{assign_at, Col};
    let a = field_array(field)?;
    let items = super::index::parse_fancy(i)?;
    let m = to_array(mass, None)?.arr;
    let d = to_array(damping, None)?.arr;
    Ok(assign_at(
        &a,
        &items,
        &[(2, Col::MassFloor, Some(&m)), (3, Col::Unit, Some(&d))],
    )?)
}

/// `rp.set_target(field, i, target)`.
#[pyfunction]
pub fn set_target(
    field: &Bound<'_, PyAny>,
    i: &Bound<'_, PyAny>,
    target: &Bound<'_, PyAny>,
) -> PyResult<()> {
    use crate::ops::field::{assign_at, Col};
    let a = field_array(field)?;
    let items = super::index::parse_fancy(i)?;
    let t = to_array(target, None)?.arr;
    Ok(assign_at(&a, &items, &[(4, Col::Finite, Some(&t))])?)
}

/// `rp.resonate(field, i, j, strength)`.
#[pyfunction]
pub fn resonate(
    py: Python<'_>,
    field: &Bound<'_, PyAny>,
    i: &Bound<'_, PyAny>,
    j: &Bound<'_, PyAny>,
    strength: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let a = field_array(field)?;
    let (ia, ja, sa) = (
        to_array(i, None)?.arr,
        to_array(j, None)?.arr,
        to_array(strength, None)?.arr,
    );
    for x in [&ia, &ja] {
        if !x.dtype().scalar_type().is_some_and(|s| s.is_int()) {
            return Err(pyo3::exceptions::PyIndexError::new_err(
                "resonate needs integer indices",
            ));
        }
    }
    let bytes = ia.nbytes();
    run_detached(py, bytes, || crate::ops::field::resonate(&a, &ia, &ja, &sa))
}

/// `take_along_axis(arr, indices, axis)` with the axis already normalised.
#[pyfunction]
pub fn _take_along_axis(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    indices: &Bound<'_, PyAny>,
    axis: usize,
) -> PyResult<Py<PyNdArray>> {
    let arr = to_array(a, None)?.arr;
    let idx = to_array(indices, None)?.arr;
    let r = run_detached(py, idx.size() * arr.itemsize(), || {
        arr.take_along_axis(&idx, axis)
    })?;
    PyNdArray::wrap(py, r, None)
}

/// `bincount(x, weights, minlength)` on a 1-d integer array (the Python layer checks types).
#[pyfunction]
#[pyo3(signature = (x, weights, minlength))]
pub fn _bincount(
    py: Python<'_>,
    x: PyRef<'_, PyNdArray>,
    weights: Option<PyRef<'_, PyNdArray>>,
    minlength: usize,
) -> PyResult<Py<PyNdArray>> {
    let (x, w) = (x.array(), weights.map(|w| w.array()));
    let r = run_detached(py, x.nbytes(), || {
        crate::ops::binning::bincount(&x, w.as_ref(), minlength)
    })?;
    PyNdArray::wrap(py, r, None)
}

/// `histogram` with equal bins: counts (or float64 weighted sums) of `a` between `edges`.
#[pyfunction]
#[pyo3(signature = (a, edges, weights))]
pub fn _histogram_uniform(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    edges: PyRef<'_, PyNdArray>,
    weights: Option<PyRef<'_, PyNdArray>>,
) -> PyResult<Py<PyNdArray>> {
    let (a, e, w) = (a.array(), edges.array(), weights.map(|w| w.array()));
    let r = run_detached(py, a.nbytes(), || {
        crate::ops::binning::histogram_uniform(&a, &e, w.as_ref())
    })?;
    PyNdArray::wrap(py, r, None)
}

/// `interp(x, xp, fp, left, right)`: float64 or complex128 results as `fp`'s dtype.
#[pyfunction]
#[pyo3(signature = (x, xp, fp, left, right))]
pub fn _interp(
    py: Python<'_>,
    x: PyRef<'_, PyNdArray>,
    xp: PyRef<'_, PyNdArray>,
    fp: PyRef<'_, PyNdArray>,
    left: Option<num_complex::Complex<f64>>,
    right: Option<num_complex::Complex<f64>>,
) -> PyResult<Py<PyNdArray>> {
    let (x, xp, fp) = (x.array(), xp.array(), fp.array());
    let r = run_detached(py, x.nbytes(), || {
        crate::ops::binning::interp(&x, &xp, &fp, left, right)
    })?;
    PyNdArray::wrap(py, r, None)
}

/// `correlate(a, v, mode, conj)` on 1-d arrays of one numeric dtype.
#[pyfunction]
pub fn _correlate(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    v: PyRef<'_, PyNdArray>,
    mode: u8,
    conj: bool,
) -> PyResult<Py<PyNdArray>> {
    let (a, v) = (a.array(), v.array());
    let work = a.nbytes().saturating_mul(v.size());
    let r = run_detached(py, work, || {
        crate::ops::binning::correlate(&a, &v, mode, conj)
    })?;
    PyNdArray::wrap(py, r, None)
}

/// `packbits` along the middle axis of `bits` seen as (outer, len, inner).
#[pyfunction]
pub fn _packbits(
    py: Python<'_>,
    bits: PyRef<'_, PyNdArray>,
    outer: usize,
    len: usize,
    inner: usize,
    little: bool,
) -> PyResult<Py<PyNdArray>> {
    let b = bits.array();
    let r = run_detached(py, b.nbytes(), || {
        crate::ops::binning::packbits(&b, outer, len, inner, little)
    })?;
    PyNdArray::wrap(py, r, None)
}

/// `unpackbits` along the middle axis of `bytes` seen as (outer, len, inner).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn _unpackbits(
    py: Python<'_>,
    bytes: PyRef<'_, PyNdArray>,
    outer: usize,
    len: usize,
    inner: usize,
    out_len: usize,
    little: bool,
) -> PyResult<Py<PyNdArray>> {
    let b = bytes.array();
    let r = run_detached(py, b.nbytes().saturating_mul(8), || {
        crate::ops::binning::unpackbits(&b, outer, len, inner, out_len, little)
    })?;
    PyNdArray::wrap(py, r, None)
}

/// What a remembered trace depends on: einsum's subscripts and its one operand's shape,
/// strides and (native) scalar type.
type TraceKey = (String, Vec<usize>, Vec<isize>, crate::dtype::ScalarType);

/// A remembered trace's vector: its shape and strides over the operand's first item.
type TraceVector = (Vec<usize>, Vec<isize>);

/// einsum's remembered traces: for each key, the vector (a view of the operand) whose whole
/// sum is the answer. Cleared when full.
static TRACES: std::sync::Mutex<Option<std::collections::HashMap<TraceKey, TraceVector>>> =
    std::sync::Mutex::new(None);
const TRACES_MAX: usize = 256;

/// The key of `subscripts` with operand `a`, when `a`'s dtype is a native number.
fn trace_key(subscripts: &str, a: &crate::array::NdArray) -> Option<TraceKey> {
    let st = a.dtype().native_scalar()?;
    Some((
        subscripts.to_owned(),
        a.shape().to_vec(),
        a.strides().to_vec(),
        st,
    ))
}

/// Remember that einsum of `subscripts` on one operand like `a` (its shape, strides and dtype)
/// is the whole sum of the strided vector of `shape` and `strides` over `a`'s first item.
#[pyfunction]
pub fn _einsum_remember(
    py: Python<'_>,
    subscripts: &str,
    a: &Bound<'_, PyNdArray>,
    shape: Vec<usize>,
    strides: Vec<isize>,
) {
    let Some(key) = a.get().with_arr_in(py, |arr| trace_key(subscripts, arr)) else {
        return;
    };
    let mut traces = TRACES.lock().unwrap_or_else(|e| e.into_inner());
    let traces = traces.get_or_insert_with(Default::default);
    if traces.len() >= TRACES_MAX {
        traces.clear();
    }
    traces.insert(key, (shape, strides));
}

/// einsum of `operands` (subscripts, then one exact rumpy array) when it is a remembered trace:
/// the strided vector's sum in NumPy's einsum order ([`crate::ops::einsum::strided_total`]);
/// None otherwise.
#[pyfunction]
pub fn _einsum_remembered<'py>(
    py: Python<'py>,
    operands: &Bound<'py, pyo3::types::PyTuple>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    if operands.len() != 2 {
        return Ok(None);
    }
    let (s, op) = (operands.get_item(0)?, operands.get_item(1)?);
    let (Ok(s), Ok(op)) = (
        s.cast_exact::<pyo3::types::PyString>(),
        op.cast_exact::<PyNdArray>(),
    ) else {
        return Ok(None);
    };
    let subscripts = s.to_str()?;
    let sum = op.get().with_arr_in(py, |arr| -> crate::Result<_> {
        let Some(key) = trace_key(subscripts, arr) else {
            return Ok(None);
        };
        let traces = TRACES.lock().unwrap_or_else(|e| e.into_inner());
        let Some((shape, strides)) = traces.as_ref().and_then(|t| t.get(&key)) else {
            return Ok(None);
        };
        let v = arr.strided_view(shape, strides, 0)?;
        Ok(crate::ops::einsum::strided_total(&v).map(|n| (n, key.3)))
    })?;
    match sum {
        Some((n, st)) => super::convert::num_to_scalar(py, n, st).map(Some),
        None => Ok(None),
    }
}

/// `dot` of two 1-d float32 or float64 arrays of one dtype and length: the product and the
/// floating-point conditions it raised (the core's bits, for the caller to report as "dot"),
/// or None for other operands, which take the general path.
#[pyfunction]
pub fn _dot_vectors<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
) -> PyResult<Option<(Bound<'py, PyAny>, u32)>> {
    let (Ok(a), Ok(b)) = (a.cast_exact::<PyNdArray>(), b.cast_exact::<PyNdArray>()) else {
        return Ok(None);
    };
    let (x, y) = (a.get().array(), b.get().array());
    let bytes = x.shape().first().copied().unwrap_or(0) * x.itemsize() * 2;
    let dot = super::errors::run_detached_unless(py, false, bytes, || {
        Ok(crate::ops::products::vector_dot(&x, &y))
    })?;
    match dot {
        Some((n, st, fp)) => Ok(Some((super::convert::num_to_scalar(py, n, st)?, fp))),
        None => Ok(None),
    }
}

/// The whole sum of `a`'s strided vector of `shape` and `strides` (einsum's trace) in NumPy's
/// einsum order, or None when it is not such a vector (the caller reduces it).
#[pyfunction]
pub fn _einsum_total<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyNdArray>,
    shape: Vec<usize>,
    strides: Vec<isize>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let sum = a.get().with_arr_in(py, |arr| -> crate::Result<_> {
        let v = arr.strided_view(&shape, &strides, 0)?;
        let st = v.dtype().native_scalar();
        Ok(crate::ops::einsum::strided_total(&v).zip(st))
    })?;
    match sum {
        Some((n, st)) => super::convert::num_to_scalar(py, n, st).map(Some),
        None => Ok(None),
    }
}
