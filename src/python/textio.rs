//! `_core._loadtxt`: numpy's text reader for `rumpy.loadtxt` (the Python layer checks the
//! arguments, opens files and shapes the result; the characters are read in `io::text`).

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::dtype::ScalarType;
use crate::io::text::{self, Config, LoadError, Table};

use super::array::PyNdArray;

/// A control character: None or one character.
fn control(v: Option<&str>) -> PyResult<Option<char>> {
    match v {
        None => Ok(None),
        Some(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Some(c)),
                _ => Err(PyTypeError::new_err(format!(
                    "Text reading control character must be a single unicode character or None; but got: '{s}'"
                ))),
            }
        }
    }
}

/// Read `source` (the whole text, or a list of lines, each one item of a line iterator) into
/// rows of fields; then, for a built-in numeric `dtype` (its name), the (nrows, ncols) array,
/// or, for `dtype=None`, the fields as a list of str (row by row) and the column count.
/// Returns `(result, ncols, no_data_after)`: `no_data_after` is the number of data rows read
/// before the first line without data when `max_rows` was given (numpy warns), else None.
/// Errors carry numpy's messages (`label`: the dtype as numpy names it in them).
#[pyfunction]
#[pyo3(signature = (source, delimiter, comment, quote, skiprows, max_rows, usecols, dtype, label))]
#[allow(clippy::too_many_arguments)]
pub fn _loadtxt<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    delimiter: Option<&str>,
    comment: Option<&str>,
    quote: Option<&str>,
    skiprows: usize,
    max_rows: Option<usize>,
    usecols: Option<Vec<isize>>,
    dtype: Option<&str>,
    label: &str,
) -> PyResult<(Py<PyAny>, usize, Option<usize>)> {
    let cfg = Config {
        delimiter: control(delimiter)?,
        comment: control(comment)?,
        quote: control(quote)?,
        skiprows,
        max_rows,
    };
    let st = match dtype {
        None => None,
        Some(name) => Some(
            ScalarType::ALL
                .into_iter()
                .find(|st| st.dtype().name() == name && *st != ScalarType::Float16)
                .ok_or_else(|| PyTypeError::new_err(format!("no text reader for {name}")))?,
        ),
    };
    let mut table = Table::default();
    if let Ok(s) = source.cast::<PyString>() {
        let s = s.to_cow()?;
        py.detach(|| text::tokenize(&s, &cfg, &mut table, false))
            .map_err(|_| PyValueError::new_err("Found an unquoted embedded newline"))?;
    } else {
        let items = source.cast::<PyList>()?;
        let per = Config {
            skiprows: 0,
            ..cfg.clone()
        };
        for (k, item) in items.iter().enumerate() {
            if k < skiprows {
                continue;
            }
            if max_rows.is_some_and(|m| table.nrows() >= m) {
                break;
            }
            let line = item
                .cast::<PyString>()
                .map_err(|_| PyTypeError::new_err("non-string returned while reading data"))?
                .to_cow()?;
            text::tokenize(&line, &per, &mut table, true).map_err(|_| {
                PyValueError::new_err(
                    "Found an unquoted embedded newline within a single line of input.  \
                     This is currently not supported.",
                )
            })?;
        }
    }
    let cols = usecols.as_deref();
    let ncols = text::output_columns(&table, cols);
    let out: Py<PyAny> = match st {
        Some(st) => {
            let arr = py
                .detach(|| text::to_array(&table, cols, st))
                .map_err(|e| load_error(py, e, label))??;
            PyNdArray::wrap(py, arr, None)?.into_any()
        }
        None => {
            let fields = text::fields(&table, cols).map_err(|e| load_error(py, e, label))?;
            PyList::new(py, fields)?.into_any().unbind()
        }
    };
    Ok((out, ncols, table.no_data_after))
}

fn load_error(py: Python<'_>, e: LoadError, label: &str) -> PyErr {
    match e {
        LoadError::ColumnsChanged { from, to, row } => PyValueError::new_err(format!(
            "the number of columns changed from {from} to {to} at row {row}; use `usecols` to select a subset and avoid this error"
        )),
        LoadError::InvalidColumn { index, row, ncols } => PyValueError::new_err(format!(
            "invalid column index {index} at row {row} with {ncols} columns"
        )),
        LoadError::Convert { field, row, col } => {
            // C's %.100R: the repr cut to 100 characters
            let repr = PyString::new(py, &field)
                .repr()
                .map(|r| r.to_string())
                .unwrap_or_default();
            let cut: String = repr.chars().take(100).collect();
            PyValueError::new_err(format!(
                "could not convert string {cut} to {label} at row {row}, column {col}."
            ))
        }
    }
}
