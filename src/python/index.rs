//! Python index objects to core index items.

use pyo3::exceptions::{PyIndexError, PyNotImplementedError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyEllipsis, PyInt, PySlice, PyTuple};

use crate::array::IndexItem;

fn opt_index(obj: &Bound<'_, PyAny>) -> PyResult<Option<isize>> {
    if obj.is_none() {
        return Ok(None);
    }
    match obj.extract::<isize>() {
        Ok(v) => Ok(Some(v)),
        Err(_) => match obj.call_method0("__index__") {
            Ok(i) => Ok(Some(i.extract::<isize>().unwrap_or(if i.lt(0)? { isize::MIN } else { isize::MAX }))),
            Err(_) => Err(pyo3::exceptions::PyTypeError::new_err(
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
    }
}

fn invalid() -> PyErr {
    PyIndexError::new_err(
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
    )
}

fn item(obj: &Bound<'_, PyAny>) -> PyResult<IndexItem> {
    if obj.cast::<PyBool>().is_ok() {
        return Err(PyNotImplementedError::new_err("boolean scalar indices are advanced indexing, which rumpy does not support yet"));
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        return match i.extract::<isize>() {
            Ok(v) => Ok(IndexItem::Int(v)),
            Err(_) => Err(PyIndexError::new_err("cannot fit 'int' into an index-sized integer")),
        };
    }
    if let Ok(s) = obj.cast::<PySlice>() {
        let start = opt_index(&s.getattr("start")?)?;
        let stop = opt_index(&s.getattr("stop")?)?;
        let step = opt_index(&s.getattr("step")?)?.unwrap_or(1);
        if step == 0 {
            return Err(PyValueError::new_err("slice step cannot be zero"));
        }
        // Python clamps a step of -sys.maxsize-1 to -sys.maxsize.
        let step = step.max(-isize::MAX);
        return Ok(IndexItem::Slice { start, stop, step });
    }
    if obj.is_none() {
        return Ok(IndexItem::NewAxis);
    }
    if obj.cast::<PyEllipsis>().is_ok() {
        return Ok(IndexItem::Ellipsis);
    }
    if obj.hasattr("__index__")? && !obj.hasattr("__len__")? && !obj.hasattr("shape")? || is_integer_scalar(obj) {
        let i = obj.call_method0("__index__")?;
        return Ok(IndexItem::Int(i.extract::<isize>().map_err(|_| PyIndexError::new_err("cannot fit 'int' into an index-sized integer"))?));
    }
    if obj.hasattr("__len__")? || obj.hasattr("__array_interface__")? || obj.hasattr("shape")? {
        return Err(PyNotImplementedError::new_err("advanced (integer or boolean array) indexing is not supported yet"));
    }
    Err(invalid())
}

fn is_integer_scalar(obj: &Bound<'_, PyAny>) -> bool {
    super::dtype::rumpy_scalar_type(obj).map(|st| st.is_int()).unwrap_or(false)
}

/// Convert an index (`a[key]`) to items.
pub fn parse_index(key: &Bound<'_, PyAny>) -> PyResult<Vec<IndexItem>> {
    if let Ok(t) = key.cast::<PyTuple>() {
        let mut v = Vec::with_capacity(t.len());
        for k in t.iter() {
            v.push(item(&k)?);
        }
        return Ok(v);
    }
    Ok(vec![item(key)?])
}
