//! `rumpy.dtype` objects and the conversion of anything NumPy accepts as a dtype.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple, PyType};

use crate::dtype::parse::parse_dtype;
use crate::dtype::{ByteOrder, DType, ScalarType};

#[pyclass(name = "dtype", module = "rumpy", frozen)]
pub struct PyDType {
    pub dt: DType,
}

/// The scalar classes of the Python layer, in `ScalarType::ALL` order (registered at import).
pub static SCALAR_TYPES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

pub fn scalar_class(py: Python<'_>, st: ScalarType) -> Option<Bound<'_, PyType>> {
    SCALAR_TYPES
        .get(py)
        .map(|v| v[st as usize].bind(py).clone())
}

/// If `obj` is an instance of one of rumpy's scalar classes, its type.
pub fn rumpy_scalar_type(obj: &Bound<'_, PyAny>) -> Option<ScalarType> {
    let py = obj.py();
    let types = SCALAR_TYPES.get(py)?;
    let t = obj.get_type();
    types
        .iter()
        .position(|c| c.bind(py).is(&t))
        .map(|i| ScalarType::ALL[i])
}

fn scalar_type_of_class(t: &Bound<'_, PyType>) -> Option<ScalarType> {
    let py = t.py();
    let types = SCALAR_TYPES.get(py)?;
    if let Some(i) = types.iter().position(|c| c.bind(py).is(t)) {
        return Some(ScalarType::ALL[i]);
    }
    // Subclasses of the scalar classes (including aliases) carry the type number.
    t.getattr("_rp_type_num")
        .ok()?
        .extract::<usize>()
        .ok()
        .and_then(|i| ScalarType::ALL.get(i).copied())
}

/// Convert anything NumPy accepts as a dtype.
pub fn to_dtype(obj: &Bound<'_, PyAny>) -> PyResult<DType> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(ScalarType::Float64.dtype());
    }
    if let Ok(d) = obj.cast::<PyDType>() {
        return Ok(d.get().dt.clone());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(parse_dtype(&s.to_cow()?)?);
    }
    if let Ok(t) = obj.cast::<PyType>() {
        let builtins = py.import("builtins")?;
        for (name, st) in [
            ("bool", ScalarType::Bool),
            ("int", ScalarType::Int64),
            ("float", ScalarType::Float64),
            ("complex", ScalarType::Complex128),
        ] {
            if t.is(&builtins.getattr(name)?) {
                return Ok(st.dtype());
            }
        }
        if let Some(st) = scalar_type_of_class(t) {
            return Ok(st.dtype());
        }
        // NumPy's scalar types: their name is a dtype name.
        if let Ok(m) = t.getattr("__module__") {
            if m.extract::<String>().map(|m| m == "numpy").unwrap_or(false) {
                let name: String = t.getattr("__name__")?.extract()?;
                if let Ok(d) = parse_dtype(&name) {
                    return Ok(d);
                }
            }
        }
    } else if let (Ok(s), true) = (obj.getattr("str"), obj.hasattr("descr")?) {
        // A NumPy dtype object (or another dtype-like with `.str`).
        if let Ok(s) = s.extract::<String>() {
            if let Ok(d) = parse_dtype(&s) {
                return Ok(d);
            }
        }
    }
    Err(PyTypeError::new_err(format!(
        "Cannot interpret '{}' as a data type",
        obj.repr()?
    )))
}

impl PyDType {
    pub fn wrap(py: Python<'_>, dt: DType) -> PyResult<Py<PyDType>> {
        Py::new(py, PyDType { dt })
    }
}

#[pymethods]
impl PyDType {
    #[new]
    #[pyo3(signature = (dtype, align=false, copy=false, metadata=None))]
    fn new(
        dtype: &Bound<'_, PyAny>,
        align: bool,
        copy: bool,
        metadata: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = (align, copy, metadata);
        Ok(PyDType {
            dt: to_dtype(dtype)?,
        })
    }

    #[getter]
    fn name(&self) -> String {
        self.dt.name()
    }
    #[getter]
    fn kind(&self) -> String {
        self.dt.kind().to_string()
    }
    #[getter]
    fn char(&self) -> String {
        self.dt.char_code().to_string()
    }
    #[getter]
    fn num(&self) -> i32 {
        self.dt.num()
    }
    #[getter]
    fn itemsize(&self) -> usize {
        self.dt.itemsize()
    }
    #[getter]
    fn alignment(&self) -> usize {
        self.dt.alignment()
    }
    #[getter]
    fn str(&self) -> String {
        self.dt.typestr()
    }
    #[getter]
    fn byteorder(&self) -> String {
        self.dt.byteorder().char().to_string()
    }
    #[getter]
    fn isnative(&self) -> bool {
        self.dt.is_native()
    }
    #[getter]
    fn isbuiltin(&self) -> i32 {
        if self.dt.fields().is_some() {
            0
        } else {
            1
        }
    }
    #[getter]
    fn descr<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, [PyTuple::new(py, ["".to_string(), self.dt.typestr()])?])
    }
    #[getter]
    #[pyo3(name = "type")]
    fn type_<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.dt.scalar_type().and_then(|st| scalar_class(py, st)) {
            Some(t) => Ok(t.into_any()),
            None => Ok(py.None().into_bound(py)),
        }
    }
    #[getter]
    fn names(&self, py: Python<'_>) -> Py<PyAny> {
        py.None()
    }
    #[getter]
    fn fields(&self, py: Python<'_>) -> Py<PyAny> {
        py.None()
    }
    #[getter]
    fn subdtype(&self, py: Python<'_>) -> Py<PyAny> {
        py.None()
    }
    #[getter]
    fn shape<'py>(&self, py: Python<'py>) -> Bound<'py, PyTuple> {
        PyTuple::empty(py)
    }
    #[getter]
    fn ndim(&self) -> usize {
        0
    }
    #[getter]
    fn base(slf: &Bound<'_, Self>) -> Py<PyDType> {
        slf.clone().unbind()
    }
    #[getter]
    fn hasobject(&self) -> bool {
        false
    }
    #[getter]
    fn metadata(&self, py: Python<'_>) -> Py<PyAny> {
        py.None()
    }
    #[getter]
    fn isalignedstruct(&self) -> bool {
        false
    }

    #[pyo3(signature = (new_order="S"))]
    fn newbyteorder(&self, new_order: &str) -> PyResult<PyDType> {
        let native_little = cfg!(target_endian = "little");
        let native = match new_order {
            "S" | "s" | "swap" => !self.dt.is_native(),
            "=" | "N" | "n" | "native" | "|" | "I" | "i" => true,
            "<" | "L" | "l" | "little" => native_little,
            ">" | "B" | "b" | "big" => !native_little,
            _ => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "{} is an unrecognized byteorder",
                    new_order
                )))
            }
        };
        if self.dt.byteorder() == ByteOrder::NotApplicable {
            return Ok(PyDType {
                dt: self.dt.clone(),
            });
        }
        let dt = if native {
            self.dt.to_native()
        } else {
            self.dt.to_native().0.with_native_order(false)
        };
        Ok(PyDType { dt })
    }

    fn __repr__(&self) -> String {
        if self.dt.is_native() {
            format!("dtype('{}')", self.dt.name())
        } else {
            format!("dtype('{}')", self.dt.typestr())
        }
    }
    fn __str__(&self) -> String {
        if self.dt.is_native() {
            self.dt.name()
        } else {
            self.dt.typestr()
        }
    }
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.dt.typestr().hash(&mut h);
        h.finish()
    }
    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let od = match to_dtype(other) {
            Ok(d) => d,
            _ => {
                return Ok(match op {
                    CompareOp::Eq => false.into_pyobject(py)?.to_owned().into_any().unbind(),
                    CompareOp::Ne => true.into_pyobject(py)?.to_owned().into_any().unbind(),
                    _ => py.NotImplemented(),
                })
            }
        };
        use crate::dtype::promote::{can_cast, Casting};
        let r = match op {
            CompareOp::Eq => self.dt == od,
            CompareOp::Ne => self.dt != od,
            CompareOp::Le => can_cast(&self.dt, &od, Casting::Safe),
            CompareOp::Lt => self.dt != od && can_cast(&self.dt, &od, Casting::Safe),
            CompareOp::Ge => can_cast(&od, &self.dt, Casting::Safe),
            CompareOp::Gt => self.dt != od && can_cast(&od, &self.dt, Casting::Safe),
        };
        Ok(r.into_pyobject(py)?.to_owned().into_any().unbind())
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().into_any(), (slf.get().dt.typestr(),)))
    }
    fn __len__(&self) -> usize {
        0
    }
}
