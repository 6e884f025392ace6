//! The core's string operations for `rumpy.strings` (which checks arguments, broadcasts and
//! finishes the items the core leaves to Python's Unicode rules).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use super::array::PyNdArray;
use crate::ops::strings::{self, Case, Pad, Search, Transform};

fn unknown(name: &str) -> PyErr {
    PyValueError::new_err(format!("no string operation {name}"))
}

/// The code points of a str, or the bytes of a bytes object.
fn chars_of(x: &Bound<'_, PyAny>) -> PyResult<Vec<u32>> {
    if let Ok(s) = x.cast::<PyString>() {
        return super::text::str_chars(s);
    }
    Ok(x.cast::<PyBytes>()?
        .as_bytes()
        .iter()
        .map(|&b| u32::from(b))
        .collect())
}

/// An item-to-item transformation: `op` is strip, lstrip, rstrip (`x`: the characters or
/// None), center, ljust, rjust, zfill (`width`, `x`: the fill character) or replace (`x`,
/// `y`: old and new, `width`: the count); `chars` the result's size (None: the longest
/// result's).
#[pyfunction]
#[pyo3(signature = (a, op, x=None, y=None, width=0, chars=None))]
#[allow(clippy::too_many_arguments)]
pub fn _strings_transform(
    py: Python<'_>,
    a: PyRef<'_, PyNdArray>,
    op: &str,
    x: Option<&Bound<'_, PyAny>>,
    y: Option<&Bound<'_, PyAny>>,
    width: i64,
    chars: Option<usize>,
) -> PyResult<Py<PyNdArray>> {
    let some = |v: Option<&Bound<'_, PyAny>>| -> PyResult<Option<Vec<u32>>> {
        v.filter(|v| !v.is_none()).map(chars_of).transpose()
    };
    let w = width.max(0) as usize;
    let t = match op {
        "strip" | "lstrip" | "rstrip" => Transform::Strip {
            left: op != "rstrip",
            right: op != "lstrip",
            chars: some(x)?,
        },
        "center" | "ljust" | "rjust" | "zfill" => Transform::Pad {
            how: match op {
                "center" => Pad::Center,
                "ljust" => Pad::Left,
                "rjust" => Pad::Right,
                _ => Pad::Zeros,
            },
            width: w,
            fill: some(x)?
                .and_then(|f| f.first().copied())
                .unwrap_or(if op == "zfill" {
                    u32::from(b'0')
                } else {
                    u32::from(b' ')
                }),
        },
        "replace" => Transform::Replace {
            old: some(x)?.unwrap_or_default(),
            new: some(y)?.unwrap_or_default(),
            count: width,
        },
        _ => return Err(unknown(op)),
    };
    let arr = a.array();
    let r = py.detach(|| strings::transform(&arr, &t, chars))?;
    PyNdArray::wrap(py, r, None)
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
