//! The core's string operations for `rumpy.strings` (which checks arguments, broadcasts and
//! finishes the items the core leaves to Python's Unicode rules).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use super::array::PyNdArray;
use crate::ops::strings::{self, Case, Class, Search};

fn unknown(name: &str) -> PyErr {
    PyValueError::new_err(format!("no string operation {name}"))
}

/// Case mapping (`name`: upper, lower, swapcase, capitalize, title): the mapped array and the
/// flat indices of the items left to Python.
#[pyfunction]
pub fn _strings_case(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    name: &str,
) -> PyResult<(Py<PyNdArray>, Vec<usize>)> {
    let op = Case::parse(name).ok_or_else(|| unknown(name))?;
    let arr = a.array();
    let (r, rest) = py.detach(|| strings::case(&arr, op))?;
    Ok((PyNdArray::wrap(py, r, None)?, rest))
}

/// A character class (`name`: isalpha, ...): the bool array and the flat indices of the items
/// left to Python.
#[pyfunction]
pub fn _strings_class(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    name: &str,
) -> PyResult<(Py<PyNdArray>, Vec<usize>)> {
    let class = Class::parse(name).ok_or_else(|| unknown(name))?;
    let arr = a.array();
    let (r, rest) = py.detach(|| strings::classify(&arr, class))?;
    Ok((PyNdArray::wrap(py, r, None)?, rest))
}

/// A search (`name`: find, rfind, index, rindex, count, startswith, endswith) of one
/// substring (str or bytes) within `start..end` in every item.
#[pyfunction]
pub fn _strings_search(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    sub: &Bound<'_, PyAny>,
    start: i64,
    end: i64,
    name: &str,
) -> PyResult<Py<PyNdArray>> {
    let op = Search::parse(name).ok_or_else(|| unknown(name))?;
    let sub: Vec<u32> = if let Ok(s) = sub.cast::<PyString>() {
        super::text::str_chars(s)?
    } else {
        sub.cast::<PyBytes>()?
            .as_bytes()
            .iter()
            .map(|&b| u32::from(b))
            .collect()
    };
    let arr = a.array();
    let r = py.detach(|| strings::search(&arr, &sub, start, end, op))?;
    PyNdArray::wrap(py, r, None)
}

/// The length of each item in characters.
#[pyfunction]
pub fn _strings_len(py: Python<'_>, a: PyRef<'_, PyNdArray>) -> PyResult<Py<PyNdArray>> {
    let arr = a.array();
    let r = py.detach(|| strings::str_len(&arr))?;
    PyNdArray::wrap(py, r, None)
}
