//! Items of the dtype families beyond the built-in numbers and records (text, object, time,
//! extended floats):
//! each family's conversion of one item to Python, in one place for every caller (indexing,
//! `item()`, `tolist()`, record fields).

use pyo3::prelude::*;

use crate::dtype::text::TextDesc;
use crate::dtype::time::TimeDesc;
use crate::dtype::DType;

/// The item at `p` as the scalar NumPy's indexing gives (`a[i]`: `rumpy.str_`,
/// `rumpy.datetime64`, the object itself), or with `plain` as `item()` and `tolist()` give it
/// (Python's str, bytes, datetime objects); None when `dt` is a number or a record.
///
/// # Safety
/// `p` holds an item of `dt`.
unsafe fn convert<'py>(
    py: Python<'py>,
    dt: &DType,
    p: *const u8,
    plain: bool,
) -> Option<PyResult<Bound<'py, PyAny>>> {
    // SAFETY: the caller's guarantee.
    unsafe {
        if dt.kind() == 'O' {
            return Some(Ok(super::object::item(py, p)));
        }
        if let Some(d) = TextDesc::of(dt) {
            return Some(if plain {
                super::text::item_to_py(py, d, p)
            } else {
                super::text::scalar(py, d, p)
            });
        }
        if let Some(v) = crate::dtype::vstring::VString::of(dt) {
            return Some(super::vstring::item(py, v, p));
        }
        if let Some(d) = crate::dtype::longdouble::LdDesc::of(dt) {
            // NumPy's item() keeps the extended scalar (a Python float would lose digits).
            return Some(super::longdouble::scalar(py, d, p));
        }
        TimeDesc::of(dt).map(|d| {
            if plain {
                super::time::item_to_py(py, d, p)
            } else {
                super::time::scalar(py, d, p)
            }
        })
    }
}

/// The item at `p` as the scalar NumPy's indexing gives (`a[i]`).
///
/// # Safety
/// `p` holds an item of `dt`.
pub unsafe fn scalar<'py>(
    py: Python<'py>,
    dt: &DType,
    p: *const u8,
) -> Option<PyResult<Bound<'py, PyAny>>> {
    // SAFETY: the caller's guarantee.
    unsafe { convert(py, dt, p, false) }
}

/// The item at `p` as `item()` and `tolist()` give it.
///
/// # Safety
/// `p` holds an item of `dt`.
pub unsafe fn item<'py>(
    py: Python<'py>,
    dt: &DType,
    p: *const u8,
) -> Option<PyResult<Bound<'py, PyAny>>> {
    // SAFETY: the caller's guarantee.
    unsafe { convert(py, dt, p, true) }
}
