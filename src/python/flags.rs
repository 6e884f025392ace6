//! Small companions of the ndarray class: its iterator and its `flags` object.

use std::sync::atomic::Ordering;

use pyo3::prelude::*;

use super::array::PyNdArray;

/// Iterator over the first axis.
#[pyclass(module = "rumpy")]
pub struct ArrayIter {
    pub(crate) arr: Py<PyNdArray>,
    pub(crate) next: std::sync::atomic::AtomicUsize,
}

#[pymethods]
impl ArrayIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        let b = self.arr.bind(py);
        if i >= b.get().cur().shape()[0] {
            return Ok(None);
        }
        let key = (i as isize).into_pyobject(py)?.into_any();
        Ok(Some(PyNdArray::__getitem__(b, &key)?))
    }
}

/// `ndarray.flags`.
#[pyclass(name = "flagsobj", module = "rumpy")]
pub struct PyFlags {
    pub(crate) arr: Py<PyNdArray>,
}

impl PyFlags {
    fn get(&self, py: Python<'_>, key: &str) -> PyResult<bool> {
        let a = self.arr.bind(py).get();
        let f = a.cur().flags();
        let w = a.is_writeable();
        Ok(match key {
            "C_CONTIGUOUS" | "C" | "CONTIGUOUS" | "c_contiguous" | "contiguous" => f.c_contiguous,
            "F_CONTIGUOUS" | "F" | "FORTRAN" | "f_contiguous" | "fortran" => f.f_contiguous,
            "WRITEABLE" | "W" | "writeable" => w,
            "OWNDATA" | "O" | "owndata" => f.owndata,
            "ALIGNED" | "A" | "aligned" => f.aligned,
            "WRITEBACKIFCOPY" | "X" | "writebackifcopy" => false,
            "BEHAVED" | "B" | "behaved" => f.aligned && w,
            "CARRAY" | "CA" | "carray" => f.aligned && w && f.c_contiguous,
            "FARRAY" | "FA" | "farray" => f.aligned && w && f.f_contiguous && !f.c_contiguous,
            "FORC" | "forc" => f.c_contiguous || f.f_contiguous,
            "FNC" | "fnc" => f.f_contiguous && !f.c_contiguous,
            _ => {
                return Err(pyo3::exceptions::PyKeyError::new_err(format!(
                    "Unknown flag {}",
                    key
                )))
            }
        })
    }
}

#[pymethods]
impl PyFlags {
    fn __getitem__(&self, py: Python<'_>, key: &str) -> PyResult<bool> {
        self.get(py, key)
    }
    fn __setitem__(&self, py: Python<'_>, key: &str, value: bool) -> PyResult<()> {
        match key {
            "WRITEABLE" | "W" | "writeable" => self.arr.bind(py).get().set_writeable_flag(value),
            _ => Err(pyo3::exceptions::PyKeyError::new_err(format!(
                "Unknown flag {}",
                key
            ))),
        }
    }
    fn __getattr__(&self, py: Python<'_>, key: &str) -> PyResult<bool> {
        self.get(py, key).map_err(|_| {
            pyo3::exceptions::PyAttributeError::new_err(format!(
                "'flagsobj' object has no attribute '{}'",
                key
            ))
        })
    }
    fn __setattr__(&self, py: Python<'_>, key: &str, value: bool) -> PyResult<()> {
        match key {
            "writeable" => self.arr.bind(py).get().set_writeable_flag(value),
            _ => Err(pyo3::exceptions::PyAttributeError::new_err(format!(
                "attribute '{}' of 'flagsobj' objects is not writable",
                key
            ))),
        }
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut s = String::new();
        for k in [
            "C_CONTIGUOUS",
            "F_CONTIGUOUS",
            "OWNDATA",
            "WRITEABLE",
            "ALIGNED",
            "WRITEBACKIFCOPY",
        ] {
            s.push_str(&format!(
                "  {} : {}\n",
                k,
                if self.get(py, k)? { "True" } else { "False" }
            ));
        }
        s.pop();
        Ok(s)
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<PyFlags>() {
            Ok(o) => {
                let o = o.borrow();
                for k in ["C", "F", "W", "O", "A"] {
                    if self.get(py, k)? != o.get(py, k)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Err(_) => Ok(false),
        }
    }
}
