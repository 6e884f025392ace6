//! The only code that knows Python: argument conversion, the classes, and error mapping.
//! Each function converts its arguments, calls into the core, and converts the result.

use pyo3::prelude::*;
use pyo3::types::PyType;

pub mod array;
pub mod convert;
pub mod creation;
pub mod dtype;
pub mod elide;
pub mod errors;
pub mod families;
pub mod flags;
pub mod index;
pub mod interop;
pub mod interrupt;
pub mod items;
pub mod longdouble;
pub mod object;
pub mod operators;
pub mod ops;
pub mod overrides;
pub mod random;
pub mod records;
pub mod scalars;
pub mod strings;
pub mod text;
pub mod textio;
pub mod time;
pub mod ufunc;
pub mod vectorcall;
pub mod vstring;

/// The two scalar classes a family's Python module defines (`rumpy._datetime`'s datetime64
/// and timedelta64, ...), imported on first use and kept in `cell`.
pub(crate) fn scalar_classes<'a>(
    py: Python<'_>,
    cell: &'a pyo3::sync::PyOnceLock<[Py<PyType>; 2]>,
    module: &str,
    names: [&str; 2],
) -> PyResult<&'a [Py<PyType>; 2]> {
    cell.get_or_try_init(py, || {
        let m = py.import(module)?;
        Ok::<_, PyErr>([
            m.getattr(names[0])?.cast_into::<PyType>()?.unbind(),
            m.getattr(names[1])?.cast_into::<PyType>()?.unbind(),
        ])
    })
}

/// Called by the Python layer once its scalar classes exist.
#[pyfunction]
fn _register_scalar_types(py: Python<'_>, types: Vec<Bound<'_, PyType>>) -> PyResult<()> {
    if types.len() != crate::dtype::ScalarType::ALL.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "expected one class per built-in dtype",
        ));
    }
    let _ = dtype::SCALAR_TYPES.set(py, types.into_iter().map(|t| t.unbind()).collect());
    Ok(())
}

pub fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
    crate::dtype::object::install(Box::new(object::Runtime));
    m.add_class::<array::PyNdArray>()?;
    m.add_class::<flags::PyFlags>()?;
    m.add(
        "array_function",
        overrides::function_type(m.py())?.ty(m.py()),
    )?;
    m.add_class::<dtype::PyDType>()?;
    m.add_class::<random::PyPcg64>()?;
    m.add_class::<random::PyPcg64Dxsm>()?;
    m.add_class::<random::PySfc64>()?;
    m.add_class::<random::PyPhilox>()?;
    m.add_class::<random::PyMt19937>()?;
    m.add_function(wrap_pyfunction!(_register_scalar_types, m)?)?;
    m.add_function(wrap_pyfunction!(textio::_loadtxt, m)?)?;
    m.add_class::<textio::PyGenRows>()?;
    m.add_function(wrap_pyfunction!(textio::_fromstr_prefix, m)?)?;
    m.add_function(wrap_pyfunction!(textio::_close_later, m)?)?;
    m.add_function(wrap_pyfunction!(ops::_einsum_remember, m)?)?;
    m.add_function(wrap_pyfunction!(ops::_einsum_remembered, m)?)?;
    m.add_function(wrap_pyfunction!(ops::_einsum_total, m)?)?;
    m.add_function(wrap_pyfunction!(ops::_dot_vectors, m)?)?;
    m.add_function(wrap_pyfunction!(text::_dragon4_positional, m)?)?;
    m.add_function(wrap_pyfunction!(text::_dragon4_scientific, m)?)?;
    m.add_function(wrap_pyfunction!(overrides::_array_function, m)?)?;
    m.add_function(wrap_pyfunction!(vstring::_string_dtype, m)?)?;
    m.add_function(wrap_pyfunction!(vstring::_string_info, m)?)?;
    m.add_function(wrap_pyfunction!(scalars::_scalar_type, m)?)?;
    m.add_function(wrap_pyfunction!(records::_void_type, m)?)?;
    m.add_function(wrap_pyfunction!(scalars::_register_scalar_math, m)?)?;
    m.add_function(wrap_pyfunction!(scalars::_scalar_op, m)?)?;
    m.add_function(wrap_pyfunction!(scalars::_scalar_cmp, m)?)?;
    m.add_function(wrap_pyfunction!(scalars::_scalar_unary, m)?)?;
    m.add_function(wrap_pyfunction!(scalars::_scalar_cast, m)?)?;
    m.add_function(wrap_pyfunction!(scalars::_promotion_tables, m)?)?;
    ufunc::add_ufuncs(m)?;
    for f in [
        wrap_pyfunction!(creation::array, m)?,
        wrap_pyfunction!(creation::asarray, m)?,
        wrap_pyfunction!(creation::concatenate, m)?,
        wrap_pyfunction!(creation::_strided_view, m)?,
        wrap_pyfunction!(creation::asanyarray, m)?,
        wrap_pyfunction!(creation::ascontiguousarray, m)?,
        wrap_pyfunction!(creation::asfortranarray, m)?,
        wrap_pyfunction!(creation::copy, m)?,
        wrap_pyfunction!(creation::empty, m)?,
        wrap_pyfunction!(creation::zeros, m)?,
        wrap_pyfunction!(creation::ones, m)?,
        wrap_pyfunction!(creation::full, m)?,
        wrap_pyfunction!(creation::empty_like, m)?,
        wrap_pyfunction!(creation::zeros_like, m)?,
        wrap_pyfunction!(creation::ones_like, m)?,
        wrap_pyfunction!(creation::full_like, m)?,
        wrap_pyfunction!(creation::arange, m)?,
        wrap_pyfunction!(creation::linspace, m)?,
        wrap_pyfunction!(creation::eye, m)?,
        wrap_pyfunction!(creation::identity, m)?,
        wrap_pyfunction!(creation::tri, m)?,
        wrap_pyfunction!(creation::frombuffer, m)?,
        wrap_pyfunction!(creation::_frombuffer, m)?,
        wrap_pyfunction!(creation::fromiter, m)?,
        wrap_pyfunction!(creation::copyto, m)?,
        wrap_pyfunction!(creation::_where3, m)?,
        wrap_pyfunction!(creation::shares_memory, m)?,
        wrap_pyfunction!(creation::may_share_memory, m)?,
        wrap_pyfunction!(creation::result_type, m)?,
        wrap_pyfunction!(creation::promote_types, m)?,
        wrap_pyfunction!(creation::can_cast, m)?,
        wrap_pyfunction!(creation::from_dlpack, m)?,
        wrap_pyfunction!(creation::_reconstruct, m)?,
        wrap_pyfunction!(_runtime, m)?,
        wrap_pyfunction!(ops::_arg_extreme, m)?,
        wrap_pyfunction!(ops::_sort, m)?,
        wrap_pyfunction!(ops::_argsort, m)?,
        wrap_pyfunction!(ops::_searchsorted, m)?,
        wrap_pyfunction!(ops::_partition, m)?,
        wrap_pyfunction!(ops::_argpartition, m)?,
        wrap_pyfunction!(ops::_take_along_axis, m)?,
        wrap_pyfunction!(ops::_bincount, m)?,
        wrap_pyfunction!(ops::_histogram_uniform, m)?,
        wrap_pyfunction!(ops::_interp, m)?,
        wrap_pyfunction!(ops::_correlate, m)?,
        wrap_pyfunction!(ops::_packbits, m)?,
        wrap_pyfunction!(ops::_unpackbits, m)?,
        wrap_pyfunction!(ops::step, m)?,
        wrap_pyfunction!(ops::force, m)?,
        wrap_pyfunction!(ops::set_props, m)?,
        wrap_pyfunction!(ops::set_target, m)?,
        wrap_pyfunction!(ops::resonate, m)?,
        wrap_pyfunction!(time::_datetime_strings, m)?,
        wrap_pyfunction!(time::_busday, m)?,
        wrap_pyfunction!(strings::_strings_case, m)?,
        wrap_pyfunction!(strings::_strings_search, m)?,
        wrap_pyfunction!(strings::_strings_transform, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}

/// What the core runs with: its version, the vector instruction level its loops use, the
/// worker threads, the target architecture (`rumpy.show_runtime`).
#[pyfunction]
fn _runtime(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyDict>> {
    use crate::kernels::{simd_level, Simd};
    let d = pyo3::types::PyDict::new(py);
    d.set_item("version", env!("CARGO_PKG_VERSION"))?;
    let simd = match simd_level() {
        Simd::Avx512 => "AVX512 (F, BW, DQ, VL)",
        Simd::Avx2 => "AVX2 + FMA",
        Simd::Baseline => "baseline",
    };
    d.set_item("simd", simd)?;
    d.set_item("threads", rayon::current_num_threads())?;
    d.set_item("arch", std::env::consts::ARCH)?;
    d.set_item("os", std::env::consts::OS)?;
    d.set_item("debug", cfg!(debug_assertions))?;
    Ok(d)
}
