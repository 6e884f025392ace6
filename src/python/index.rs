//! Python index objects to core index items.

use pyo3::exceptions::{PyIndexError, PyNotImplementedError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyEllipsis, PyInt, PySlice, PyTuple};

use crate::array::IndexItem;

fn invalid() -> PyErr {
    PyIndexError::new_err(
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
    )
}

fn item(obj: &Bound<'_, PyAny>) -> PyResult<IndexItem> {
    if obj.cast::<PyBool>().is_ok() {
        return Err(PyNotImplementedError::new_err(
            "boolean scalar indices are advanced indexing, which rumpy does not support yet",
        ));
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        return match i.extract::<isize>() {
            Ok(v) => Ok(IndexItem::Int(v)),
            // NumPy 2: an int in [2**63, 2**64) overflows its C conversion; any other int
            // outside the index range is not a valid index.
            Err(_) if i.extract::<u64>().is_ok() => {
                Err(pyo3::exceptions::PyOverflowError::new_err(
                    "Python int too large to convert to C long",
                ))
            }
            Err(_) => Err(invalid()),
        };
    }
    if obj.cast::<PySlice>().is_ok() {
        let (mut start, mut stop, mut step): (isize, isize, isize) = (0, 0, 0);
        // SAFETY: obj is a slice object; the out-pointers are valid. PySlice_Unpack clamps
        // huge values and gives Python's defaults for None (which `slice_indices` accepts).
        // A zero step is reported by the core after the dimension checks, as NumPy orders them.
        let rc =
            unsafe { pyo3::ffi::PySlice_Unpack(obj.as_ptr(), &mut start, &mut stop, &mut step) };
        if rc < 0 {
            let e = PyErr::fetch(obj.py());
            if e.is_instance_of::<pyo3::exceptions::PyValueError>(obj.py()) {
                return Ok(IndexItem::Slice {
                    start: None,
                    stop: None,
                    step: 0,
                });
            }
            return Err(e);
        }
        return Ok(IndexItem::Slice {
            start: Some(start),
            stop: Some(stop),
            step,
        });
    }
    if obj.is_none() {
        return Ok(IndexItem::NewAxis);
    }
    if obj.cast::<PyEllipsis>().is_ok() {
        return Ok(IndexItem::Ellipsis);
    }
    if obj.cast::<pyo3::types::PyString>().is_ok()
        || obj.cast::<pyo3::types::PyBytes>().is_ok()
        || obj.cast::<pyo3::types::PyFloat>().is_ok()
    {
        return Err(invalid());
    }
    if is_integer_scalar(obj) {
        return int_of(obj);
    }
    // 0-d integer arrays and NumPy integer scalars index like integers.
    if let Ok(nd) = obj.getattr("ndim") {
        if nd.extract::<usize>().ok() == Some(0) && obj.hasattr("__index__")? {
            let kind: Option<String> = obj
                .getattr("dtype")
                .and_then(|d| d.getattr("kind"))
                .and_then(|k| k.extract())
                .ok();
            if matches!(kind.as_deref(), Some("i") | Some("u")) {
                return int_of(obj);
            }
            if matches!(kind.as_deref(), Some("b")) {
                return Err(PyNotImplementedError::new_err("boolean scalar indices are advanced indexing, which rumpy does not support yet"));
            }
            return Err(invalid());
        }
    }
    if obj.hasattr("__index__")? && !obj.hasattr("__len__")? {
        return int_of(obj);
    }
    if obj.cast::<pyo3::types::PyList>().is_ok()
        || obj.cast::<PyTuple>().is_ok()
        || obj.hasattr("__array_interface__")?
        || obj.hasattr("shape")?
    {
        return Err(PyNotImplementedError::new_err(
            "advanced (integer or boolean array) indexing is not supported yet",
        ));
    }
    Err(invalid())
}

fn int_of(obj: &Bound<'_, PyAny>) -> PyResult<IndexItem> {
    let i = obj.call_method0("__index__").map_err(|_| invalid())?;
    Ok(IndexItem::Int(i.extract::<isize>().map_err(|_| {
        PyIndexError::new_err("cannot fit 'int' into an index-sized integer")
    })?))
}

fn is_integer_scalar(obj: &Bound<'_, PyAny>) -> bool {
    super::dtype::rumpy_scalar_type(obj)
        .map(|st| st.is_int())
        .unwrap_or(false)
}

/// The items of an index, kept inline for the usual few.
pub type Items = smallvec::SmallVec<[IndexItem; 4]>;

/// Convert an index (`a[key]`) to items. The flag says whether a 0-d integer array took part
/// (NumPy then treats the index as advanced and returns a copy).
pub fn parse_index(key: &Bound<'_, PyAny>) -> PyResult<(Items, bool)> {
    let mut has_array = false;
    let mut one = |k: &Bound<'_, PyAny>| -> PyResult<IndexItem> {
        let it = item(k)?;
        if !has_array
            && matches!(it, IndexItem::Int(_))
            && k.cast::<PyInt>().is_err()
            && k.hasattr("shape")?
            && (k.cast::<super::array::PyNdArray>().is_ok()
                || k.get_type().name()?.to_cow()? == "ndarray")
        {
            has_array = true;
        }
        Ok(it)
    };
    let items = if let Ok(t) = key.cast::<PyTuple>() {
        let mut v = Items::with_capacity(t.len());
        for k in t.iter() {
            v.push(one(&k)?);
        }
        v
    } else {
        let mut v = Items::new();
        v.push(one(key)?);
        v
    };
    Ok((items, has_array))
}

/// Convert an index that may hold integer or boolean arrays (lists count as arrays) to core
/// fancy items.
pub fn parse_fancy(key: &Bound<'_, PyAny>) -> PyResult<Vec<crate::array::fancy::Fancy>> {
    use crate::array::fancy::Fancy;
    let one = |k: &Bound<'_, PyAny>| -> PyResult<Fancy> {
        let is_seq = k.cast::<pyo3::types::PyList>().is_ok()
            || k.cast::<PyTuple>().is_ok()
            || (k.hasattr("shape")? && k.cast::<PyInt>().is_err());
        if !is_seq && k.cast::<PyBool>().is_err() {
            return Ok(Fancy::Basic(item(k)?));
        }
        let a = match super::convert::to_array(k, None) {
            Ok(c) => c.arr,
            // A list of things that are not numbers is not an index (NumPy's message).
            Err(e)
                if k.cast::<pyo3::types::PyList>().is_ok()
                    && e.is_instance_of::<pyo3::exceptions::PyTypeError>(k.py()) =>
            {
                return Err(invalid())
            }
            Err(e) => return Err(e),
        };
        match a.dtype().scalar_type() {
            Some(crate::dtype::ScalarType::Bool) => Ok(Fancy::Mask(a)),
            Some(st) if st.is_int() => Ok(Fancy::Indices(a)),
            // An empty list indexes nothing (NumPy makes it an integer array).
            _ if a.size() == 0 => Ok(Fancy::Indices(a.astype(
                &crate::dtype::ScalarType::Int64.dtype(),
                crate::array::Order::C,
            )?)),
            // A list of non-integers is not an index at all (NumPy's message).
            _ if k.cast::<pyo3::types::PyList>().is_ok() => Err(invalid()),
            _ => Err(PyIndexError::new_err(
                "arrays used as indices must be of integer (or boolean) type",
            )),
        }
    };
    if let Ok(t) = key.cast::<PyTuple>() {
        t.iter().map(|k| one(&k)).collect()
    } else {
        Ok(vec![one(key)?])
    }
}

/// Whether an index takes the advanced path: integer or boolean arrays, lists, Python bools
/// (0-d integer arrays index like integers).
pub fn is_fancy(key: &Bound<'_, PyAny>) -> PyResult<bool> {
    let one = |k: &Bound<'_, PyAny>| -> PyResult<bool> {
        if k.cast::<PyBool>().is_ok() || k.cast::<pyo3::types::PyList>().is_ok() {
            return Ok(true);
        }
        if k.cast::<PyInt>().is_ok()
            || k.cast::<PySlice>().is_ok()
            || k.is_none()
            || k.is(k.py().Ellipsis())
        {
            return Ok(false);
        }
        if let Ok(nd) = k.getattr("ndim") {
            if nd.extract::<usize>().ok() != Some(0) {
                return Ok(true);
            }
            // A 0-d boolean array is a mask.
            let kind: Option<String> = k
                .getattr("dtype")
                .and_then(|d| d.getattr("kind"))
                .and_then(|k| k.extract())
                .ok();
            return Ok(kind.as_deref() == Some("b"));
        }
        Ok(false)
    };
    if let Ok(t) = key.cast::<PyTuple>() {
        for k in t.iter() {
            if one(&k)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    one(key)
}
