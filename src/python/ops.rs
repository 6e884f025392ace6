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

/// `rp.step(field, cycles, dt)`: in place, with the GIL released.
#[pyfunction]
#[pyo3(signature = (field, cycles=1, dt=0.1))]
pub fn step(py: Python<'_>, field: &Bound<'_, PyAny>, cycles: i64, dt: f64) -> PyResult<()> {
    // rumpy arrays, and NumPy's (shared without a copy), are stepped in place.
    let arr = match field.cast::<PyNdArray>() {
        Ok(a) => a.get().array(),
        Err(_) => to_array(field, None)?.arr,
    };
    let bytes = arr.nbytes().saturating_mul(cycles.max(0) as usize);
    run_detached(py, bytes, || crate::ops::field::step(&arr, cycles, dt))
}
