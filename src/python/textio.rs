//! `_core._loadtxt`: numpy's text reader for `rumpy.loadtxt` (the Python layer checks the
//! arguments, opens files and shapes the result; the characters are read in `io::text`), and
//! `_core._close_later` for the files `save` replaces.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::array::NdArray;
use crate::dtype::{Bool, ScalarType};
use crate::io::gentext::{convert_column, infer_column, Kind, Number, Rows, SplitConfig};
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

/// `genfromtxt`'s rows: lines split by numpy's `LineSplitter` (delimiter a string or None),
/// kept in the core; columns handed to Python as strings, or parsed where a converter's
/// function would certainly give the same values.
#[pyclass(module = "rumpy._core", name = "_GenRows")]
pub struct PyGenRows {
    rows: Rows,
    cfg: SplitConfig,
}

#[pymethods]
impl PyGenRows {
    #[new]
    #[pyo3(signature = (delimiter, comment, autostrip, usecols, nbcols, max_rows))]
    fn new(
        delimiter: Option<String>,
        comment: Option<String>,
        autostrip: bool,
        usecols: Option<Vec<isize>>,
        nbcols: usize,
        max_rows: Option<usize>,
    ) -> Self {
        PyGenRows {
            rows: Rows::default(),
            cfg: SplitConfig {
                delimiter,
                comment,
                autostrip,
                usecols,
                nbcols,
                max_rows,
            },
        }
    }

    /// Split `lines` (a list of str; `first`: the index of the first line); False once
    /// `max_rows` rows are held.
    fn read(&mut self, py: Python<'_>, lines: &Bound<'_, PyList>, first: usize) -> PyResult<bool> {
        let items: Vec<Bound<'_, PyString>> = lines
            .iter()
            .map(|l| l.cast_into::<PyString>().map_err(PyErr::from))
            .collect::<PyResult<_>>()?;
        let texts: Vec<std::borrow::Cow<'_, str>> =
            items.iter().map(|s| s.to_cow()).collect::<PyResult<_>>()?;
        let (rows, cfg) = (&mut self.rows, &self.cfg);
        Ok(py.detach(|| rows.read(texts.iter().map(|t| t.as_ref()), first, cfg)))
    }

    /// Append one row split in Python.
    fn push(&mut self, fields: Vec<String>) {
        let f: Vec<&str> = fields.iter().map(String::as_str).collect();
        self.rows.push(&f);
    }

    /// Keep the first `n` rows.
    fn truncate(&mut self, n: usize) {
        self.rows.truncate(n);
    }

    #[getter]
    fn nrows(&self) -> usize {
        self.rows.table.nrows()
    }

    /// The lines that gave no row: (line index, fields found).
    #[getter]
    fn invalid(&self) -> Vec<(usize, usize)> {
        self.rows.invalid.clone()
    }

    /// Column `col` as a list of str.
    fn column<'py>(&self, py: Python<'py>, col: usize) -> PyResult<Bound<'py, PyList>> {
        let t = &self.rows.table;
        PyList::new(py, (0..t.nrows()).map(|r| t.field(r, col)))
    }

    /// Column `col` parsed by `kind` ('bool', 'float', 'int' or 'intfloat', the integers in
    /// the range of `dtype`): (array of bool, float64, int64 or uint64; the rows left to
    /// Python; the rows of white space only).
    fn convert(
        &self,
        py: Python<'_>,
        col: usize,
        kind: &str,
        dtype: &str,
    ) -> PyResult<(Py<PyAny>, Vec<usize>, Vec<usize>)> {
        let (min, max): (i128, i128) = match dtype {
            "int8" => (i8::MIN.into(), i8::MAX.into()),
            "int16" => (i16::MIN.into(), i16::MAX.into()),
            "int32" => (i32::MIN.into(), i32::MAX.into()),
            "uint8" => (0, u8::MAX.into()),
            "uint16" => (0, u16::MAX.into()),
            "uint32" => (0, u32::MAX.into()),
            "uint64" => (0, u64::MAX.into()),
            _ => (i64::MIN.into(), i64::MAX.into()),
        };
        let t = &self.rows.table;
        let int = |x: Number| if let Number::Int(i) = x { i } else { 0 };
        let (arr, other, empty) = match kind {
            "bool" => parsed(py, t, col, Kind::Bool, |x| {
                Bool(matches!(x, Number::Bool(true)) as u8)
            })?,
            "float" => parsed(py, t, col, Kind::Float, |x| {
                if let Number::Float(f) = x {
                    f
                } else {
                    0.0
                }
            })?,
            "int" | "intfloat" => {
                let k = if kind == "int" {
                    Kind::Int { min, max }
                } else {
                    Kind::IntOfFloat { min, max }
                };
                if dtype == "uint64" {
                    parsed(py, t, col, k, |x| int(x) as u64)?
                } else {
                    parsed(py, t, col, k, |x| int(x) as i64)?
                }
            }
            _ => return Err(PyValueError::new_err(format!("no parser of kind {kind}"))),
        };
        Ok((PyNdArray::wrap(py, arr, None)?.into_any(), other, empty))
    }

    /// Fields `rows` of column `col`, as str.
    fn cells<'py>(
        &self,
        py: Python<'py>,
        col: usize,
        rows: Vec<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let t = &self.rows.table;
        PyList::new(py, rows.into_iter().map(|r| t.field(r, col)))
    }

    /// The status `dtype=None` settles on for column `col` (see `gentext::infer_column`), or
    /// None when Python must decide.
    fn infer(&self, col: usize, missing: Vec<String>) -> Option<(u8, bool)> {
        infer_column(&self.rows.table, col, &missing)
    }
}

/// Column `col` of `t` parsed by `kind` into an array of `T` (`cast` takes each number to its
/// item): the array, the rows left to Python, the rows of white space only.
fn parsed<T: crate::dtype::Element + Default + Copy + Send>(
    py: Python<'_>,
    t: &Table,
    col: usize,
    kind: Kind,
    cast: impl Fn(Number) -> T + Send,
) -> PyResult<(NdArray, Vec<usize>, Vec<usize>)> {
    let (v, other, empty) = py.detach(|| convert_column(t, col, kind, cast));
    let n = v.len();
    Ok((NdArray::from_vec(v, &[n])?, other, empty))
}

/// `fromstring`'s bulk: the values of the longest run of `item separator` pairs at the start
/// of `data` (`item`: 'float', 'signed' or 'unsigned'; `sep` as `_swab_separator` made it):
/// (float64 or int64 array, the byte where the run ends).
#[pyfunction]
pub fn _fromstr_prefix(
    py: Python<'_>,
    data: &[u8],
    sep: &[u8],
    item: &str,
) -> PyResult<(Py<PyAny>, usize)> {
    use crate::io::fromstr::{prefix, Item};
    let it = match item {
        "float" => Item::Float,
        "signed" => Item::Signed,
        "unsigned" => Item::Unsigned,
        _ => return Err(PyValueError::new_err(format!("no item kind {item}"))),
    };
    let (floats, ints, stop) = py.detach(|| prefix(data, sep, it));
    let arr = if it == Item::Float {
        let n = floats.len();
        NdArray::from_vec(floats, &[n])?
    } else {
        let n = ints.len();
        NdArray::from_vec(ints, &[n])?
    };
    Ok((PyNdArray::wrap(py, arr, None)?.into_any(), stop))
}

/// Close the descriptor `fd` (given up by the caller) on a background thread: the old file a
/// save replaced, unlinked, is freed there.
#[pyfunction]
pub fn _close_later(fd: i32) {
    crate::io::files::close_later(fd);
}
