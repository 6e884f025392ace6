//! `rumpy.dtype` objects and the conversion of anything NumPy accepts as a dtype.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use super::text::is_text;
use pyo3::pyclass::CompareOp;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple, PyType};

use crate::dtype::parse::parse_dtype;
use crate::dtype::record::{FieldSpec, Record, SubArrayDType};
use crate::dtype::{ByteOrder, DType, ScalarType};

#[pyclass(name = "dtype", module = "rumpy", frozen)]
pub struct PyDType {
    pub dt: DType,
    /// NumPy's descriptor for this dtype, made on first request (`__numpy_dtype__`).
    numpy: PyOnceLock<Py<PyAny>>,
}

/// The scalar classes of the Python layer, in `ScalarType::ALL` order (registered at import).
pub static SCALAR_TYPES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

pub fn scalar_class(py: Python<'_>, st: ScalarType) -> Option<Bound<'_, PyType>> {
    SCALAR_TYPES
        .get(py)
        .map(|v| v[st as usize].bind(py).clone())
}

/// The 14 classes' type pointers, in [`ScalarType::ALL`]'s order.
static SCALAR_CLASS_PTRS: std::sync::OnceLock<[usize; 14]> = std::sync::OnceLock::new();

/// If `obj` is an instance of one of rumpy's scalar classes, its type.
#[inline]
pub fn rumpy_scalar_type(obj: &Bound<'_, PyAny>) -> Option<ScalarType> {
    // By type pointer, from a flat table made once the classes are registered: scalar
    // arithmetic asks this for every operand.
    let ptrs = match SCALAR_CLASS_PTRS.get() {
        Some(p) => p,
        None => {
            let types = SCALAR_TYPES.get(obj.py())?;
            let mut p = [0usize; 14];
            for (k, t) in types.iter().enumerate().take(14) {
                p[k] = t.as_ptr() as usize;
            }
            SCALAR_CLASS_PTRS.get_or_init(|| p)
        }
    };
    // SAFETY: reading the type pointer of a live object.
    let t = unsafe { pyo3::ffi::Py_TYPE(obj.as_ptr()) } as usize;
    ptrs.iter()
        .position(|&c| c == t)
        .map(|i| ScalarType::ALL[i])
}

/// The scalar type whose class is exactly `t` (once the classes are registered and have
/// been asked for through [`rumpy_scalar_type`]).
#[inline]
pub fn scalar_type_of_class_ptr(t: *mut pyo3::ffi::PyTypeObject) -> Option<ScalarType> {
    let ptrs = SCALAR_CLASS_PTRS.get()?;
    ptrs.iter()
        .position(|&c| c == t as usize)
        .map(|i| ScalarType::ALL[i])
}

/// The scalar type whose class is exactly `t`.
fn exact_scalar_class(t: &Bound<'_, PyType>) -> Option<ScalarType> {
    let py = t.py();
    let types = SCALAR_TYPES.get(py)?;
    let i = types.iter().position(|c| c.bind(py).is(t))?;
    ScalarType::ALL.get(i).copied()
}

fn scalar_type_of_class(t: &Bound<'_, PyType>) -> Option<ScalarType> {
    if let Some(st) = exact_scalar_class(t) {
        return Some(st);
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
    to_dtype_align(obj, false)
}

fn value_err(msg: impl Into<String>) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(msg.into())
}

/// A subarray shape: an int or a tuple of ints.
fn shape_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    let dims: Vec<i64> = match obj.extract::<i64>() {
        Ok(n) => vec![n],
        Err(_) => obj
            .extract::<Vec<i64>>()
            .map_err(|_| value_err("invalid shape in fixed-type tuple."))?,
    };
    if dims.iter().any(|&d| d < 0) {
        return Err(value_err(
            "invalid shape in fixed-type tuple: dimension smaller then zero.",
        ));
    }
    Ok(dims.into_iter().map(|d| d as usize).collect())
}

fn with_shape(base: DType, shape: Vec<usize>) -> PyResult<DType> {
    if shape.is_empty() {
        Ok(base)
    } else {
        Ok(SubArrayDType::build(base, shape)?)
    }
}

/// NumPy's `(base, new)` dtype: `base` (given `new`'s size when it has none) with `new`'s
/// fields; the sizes must agree. rumpy's dtypes carry fields only as records, so fields over
/// a base that is not void are refused.
fn inherit(base: DType, conv: DType, no_size: bool) -> PyResult<DType> {
    let base = if no_size {
        let size = if base.kind() == 'U' {
            conv.itemsize() / 4
        } else {
            conv.itemsize()
        };
        let ts = base.typestr();
        parse_dtype(&format!("{}{size}", ts.trim_end_matches('0')))?
    } else if base.itemsize() != conv.itemsize() {
        return Err(value_err("mismatch in size of old and new data-descriptor"));
    } else {
        base
    };
    if base.flags().holds_refs || conv.flags().holds_refs {
        return Err(value_err(
            "dtypes of the form (old_dtype, new_dtype) containing the object dtype are not supported",
        ));
    }
    if conv.fields().is_none() {
        return Ok(base);
    }
    if base.kind() == 'V' && base.fields().is_none() && base.subarray().is_none() {
        return Ok(conv);
    }
    Err(pyo3::exceptions::PyNotImplementedError::new_err(
        "rumpy has no dtypes of the form (old_dtype, new_dtype) that put fields over a \
         non-void type",
    ))
}

/// `[(name, format[, shape]), ...]`, names may be `(title, name)`.
fn from_list(list: &Bound<'_, PyList>, align: bool) -> PyResult<DType> {
    let mut specs = Vec::with_capacity(list.len());
    for (k, item) in list.iter().enumerate() {
        let t = item
            .cast::<PyTuple>()
            .map_err(|_| PyTypeError::new_err("data type not understood"))?;
        if t.len() < 2 || t.len() > 3 {
            return Err(PyTypeError::new_err("data type not understood"));
        }
        let n = t.get_item(0)?;
        let (name, title) = if let Ok(pair) = n.cast::<PyTuple>() {
            if pair.len() != 2 {
                return Err(PyTypeError::new_err("data type not understood"));
            }
            (
                pair.get_item(1)?.extract::<String>()?,
                Some(pair.get_item(0)?.extract::<String>()?),
            )
        } else {
            (
                n.extract::<String>()
                    .map_err(|_| PyTypeError::new_err("data type not understood"))?,
                None,
            )
        };
        if title.as_deref() == Some(name.as_str()) {
            return Err(value_err("title already used as a name or title."));
        }
        let name = if name.is_empty() {
            format!("f{k}")
        } else {
            name
        };
        let mut dt = to_dtype_align(&t.get_item(1)?, align)?;
        if t.len() == 3 {
            dt = with_shape(dt, shape_of(&t.get_item(2)?)?)?;
        }
        specs.push(FieldSpec {
            name,
            title,
            dtype: dt,
            offset: None,
        });
    }
    Ok(Record::build(specs, None, align)?)
}

/// `{'names': [...], 'formats': [...], 'offsets': [...], 'titles': [...], 'itemsize': n,
/// 'aligned': bool}`.
fn from_dict(d: &Bound<'_, pyo3::types::PyDict>, align: bool) -> PyResult<DType> {
    let get = |k: &str| d.get_item(k);
    let (Some(names), Some(formats)) = (get("names")?, get("formats")?) else {
        return Err(value_err("entry not a 2- or 3- tuple"));
    };
    let names: Vec<String> = names
        .try_iter()?
        .map(|n| {
            n?.extract::<String>()
                .map_err(|_| value_err("field names must be strings"))
        })
        .collect::<PyResult<_>>()?;
    let formats: Vec<Bound<'_, PyAny>> = formats.extract()?;
    if names.len() != formats.len() {
        return Err(value_err(
            "all items in the dictionary must have the same length.",
        ));
    }
    let offsets: Option<Vec<usize>> = match get("offsets")? {
        Some(o) if !o.is_none() => {
            let o: Vec<i64> = o.extract()?;
            if let Some(bad) = o.iter().find(|&&x| x < 0) {
                return Err(value_err(format!("offset {bad} cannot be negative")));
            }
            Some(o.into_iter().map(|x| x as usize).collect())
        }
        _ => None,
    };
    let titles: Option<Vec<Option<String>>> = match get("titles")? {
        Some(t) if !t.is_none() => Some(t.extract()?),
        _ => None,
    };
    let itemsize: Option<usize> = match get("itemsize")? {
        // A C long (OverflowError beyond), never negative (ValueError), as NumPy converts it.
        Some(i) if !i.is_none() => Some(usize::try_from(i.extract::<i64>()?).map_err(|_| {
            value_err(format!(
                "cannot override to smaller itemsize of {}",
                i.str().map(|s| s.to_string()).unwrap_or_default()
            ))
        })?),
        _ => None,
    };
    let aligned = align
        || match get("aligned")? {
            Some(a) => a.is_truthy()?,
            None => false,
        };
    if offsets.as_ref().is_some_and(|o| o.len() != names.len())
        || titles.as_ref().is_some_and(|t| t.len() != names.len())
    {
        return Err(value_err(
            "all items in the dictionary must have the same length.",
        ));
    }
    let mut specs = Vec::with_capacity(names.len());
    for (k, (name, f)) in names.into_iter().zip(formats).enumerate() {
        let dtype = to_dtype_align(&f, aligned)?;
        let offset = offsets.as_ref().map(|o| o[k]);
        if let (Some(o), true) = (offset, aligned) {
            let al = dtype.alignment().max(1);
            if o % al != 0 {
                return Err(value_err(format!(
                    "offset {o} for NumPy dtype with fields is not divisible by the field alignment {al} with align=True"
                )));
            }
        }
        specs.push(FieldSpec {
            name,
            title: titles.as_ref().and_then(|t| t[k].clone()),
            dtype,
            offset,
        });
    }
    Ok(Record::build(specs, itemsize, aligned)?)
}

/// Convert anything NumPy accepts as a dtype; `align` asks for C-struct layout of records.
pub fn to_dtype_align(obj: &Bound<'_, PyAny>, align: bool) -> PyResult<DType> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(ScalarType::Float64.dtype());
    }
    if let Ok(d) = obj.cast::<PyDType>() {
        return Ok(d.get().dt.clone());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        // NumPy 2's deprecated alias of 'S'
        let t = s.trim_start_matches(['<', '>', '=', '|']);
        if t.starts_with('a') && t[1..].bytes().all(|c| c.is_ascii_digit()) {
            let msg =
                c"Data type alias 'a' was deprecated in NumPy 2.0. Use the 'S' alias instead.";
            PyErr::warn(
                py,
                &py.get_type::<pyo3::exceptions::PyDeprecationWarning>(),
                msg,
                1,
            )?;
        }
        if s.contains(',') || s.starts_with('(') || s.starts_with(|c: char| c.is_ascii_digit()) {
            return Ok(crate::dtype::parse::parse_comma_dtype(&s, align)?);
        }
        return Ok(parse_dtype(&s)?);
    }
    if let Ok(t) = obj.cast::<PyType>() {
        // The common classes (Python's number types, rumpy's scalar classes) before the
        // attribute probes below, each of which raises and catches an AttributeError on a
        // class (3 µs in all).
        let st = if t.is(py.get_type::<pyo3::types::PyBool>()) {
            Some(ScalarType::Bool)
        } else if t.is(py.get_type::<pyo3::types::PyInt>()) {
            Some(ScalarType::Int64)
        } else if t.is(py.get_type::<pyo3::types::PyFloat>()) {
            Some(ScalarType::Float64)
        } else if t.is(py.get_type::<pyo3::types::PyComplex>()) {
            Some(ScalarType::Complex128)
        } else {
            exact_scalar_class(t)
        };
        if let Some(st) = st {
            return Ok(st.dtype());
        }
        for (class, text) in [
            (py.get_type::<PyString>(), "U"),
            (py.get_type::<pyo3::types::PyBytes>(), "S"),
            (py.get_type::<PyAny>(), "O"),
        ] {
            if t.is(class) {
                return Ok(parse_dtype(text)?);
            }
        }
        // NumPy's numeric scalar classes: their name is the dtype's.
        let module = t.getattr(pyo3::intern!(py, "__module__"));
        if module.and_then(|m| m.eq("numpy")).unwrap_or(false) {
            let name = t.name()?;
            if let Some(st) = ScalarType::ALL.into_iter().find(|st| name == st.name()) {
                return Ok(st.dtype());
            }
        }
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return from_list(l, align);
    }
    if let Ok(d) = obj.cast::<pyo3::types::PyDict>() {
        return from_dict(d, align);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(PyTypeError::new_err(format!(
                "Tuple must have size 2, but has size {}",
                t.len()
            )));
        }
        {
            let base = to_dtype_align(&t.get_item(0)?, align)?;
            let second = t.get_item(1)?;
            let no_size = base.itemsize() == 0
                && base.fields().is_none()
                && base.subarray().is_none()
                && matches!(base.kind(), 'S' | 'U' | 'V');
            // (base, new dtype): NumPy's "inherit" form, tried first when the second item is
            // neither an integer nor a tuple of integers
            let integer = |o: &Bound<'_, PyAny>| {
                !o.is_instance_of::<pyo3::types::PyFloat>() && o.extract::<i64>().is_ok()
            };
            let int_like = integer(&second)
                || second
                    .cast::<PyTuple>()
                    .is_ok_and(|s| s.iter().all(|x| integer(&x)));
            if !int_like {
                if let Ok(conv) = to_dtype_align(&second, false) {
                    return inherit(base, conv, no_size);
                }
            }
            // (flexible type without a size, n): the type of n characters or bytes
            if no_size {
                let n = second
                    .extract::<i64>()
                    .ok()
                    .filter(|&n| n >= 0 && !second.is_instance_of::<pyo3::types::PyBool>())
                    .ok_or_else(|| value_err("invalid itemsize in generic type tuple"))?;
                if n == 0 {
                    return Ok(base);
                }
                let ts = base.typestr();
                return Ok(parse_dtype(&format!("{}{n}", ts.trim_end_matches('0')))?);
            }
            return with_shape(base, shape_of(&second)?);
        }
    }
    // NumPy's dtype objects of the numeric types: their `str` (byte order included), before
    // the probes for structured and subarray dtypes.
    let ty = obj.get_type();
    if ty.module().is_ok_and(|m| m == "numpy.dtypes")
        && ty
            .name()
            .is_ok_and(|n| ScalarType::ALL.into_iter().any(|st| n == st.class_name()))
    {
        if let Ok(text) = obj.getattr(pyo3::intern!(py, "str")) {
            return Ok(parse_dtype(&text.extract::<String>()?)?);
        }
    }
    // A NumPy structured dtype: names, fields, itemsize and the alignment flag describe it.
    if obj.hasattr("fields")? && obj.hasattr("names")? && !obj.getattr("names")?.is_none() {
        let aligned = obj.getattr("isalignedstruct")?.is_truthy()?;
        // descr has '' padding entries; rebuild with NumPy's exact offsets through the dict form.
        let names = obj.getattr("names")?;
        let fields = obj.getattr("fields")?;
        let formats = PyList::empty(py);
        let offsets = PyList::empty(py);
        let titles = PyList::empty(py);
        for n in names.try_iter()? {
            let f = fields.get_item(n?)?;
            formats.append(f.get_item(0)?)?;
            offsets.append(f.get_item(1)?)?;
            titles.append(if f.len()? > 2 {
                f.get_item(2)?
            } else {
                py.None().into_bound(py)
            })?;
        }
        let d = pyo3::types::PyDict::new(py);
        d.set_item("names", names)?;
        d.set_item("formats", formats)?;
        d.set_item("offsets", offsets)?;
        d.set_item("titles", titles)?;
        d.set_item("itemsize", obj.getattr("itemsize")?)?;
        d.set_item("aligned", aligned)?;
        return from_dict(&d, aligned);
    }
    if obj.hasattr("subdtype")? && !obj.getattr("subdtype")?.is_none() {
        let sd = obj.getattr("subdtype")?;
        let base = to_dtype_align(&sd.get_item(0)?, align)?;
        return with_shape(base, shape_of(&sd.get_item(1)?)?);
    }
    if let Some(d) = super::vstring::from_numpy_dtype(obj)? {
        return Ok(d);
    }
    if let Some(d) = super::longdouble::scalar_desc(obj)? {
        // An extended scalar names its own dtype (NumPy takes a scalar's).
        return Ok(d.dtype());
    }
    if let Ok(t) = obj.cast::<PyType>() {
        let builtins = py.import("builtins")?;
        for (name, text) in [("str", "U"), ("bytes", "S"), ("object", "O")] {
            if t.is(&builtins.getattr(name)?) {
                return Ok(parse_dtype(text)?);
            }
        }
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
        for (bytes, text) in [(false, "U"), (true, "S")] {
            if t.is(super::text::scalar_class(py, bytes)?) {
                return Ok(parse_dtype(text)?);
            }
        }
        for (datetime, code) in [(true, "M8"), (false, "m8")] {
            if t.is(super::time::scalar_class(py, datetime)?) {
                return Ok(parse_dtype(code)?);
            }
        }
        for (complex, code) in [(false, "g"), (true, "G")] {
            if t.is(super::longdouble::scalar_class(py, complex)?) {
                return Ok(parse_dtype(code)?);
            }
        }
        // rumpy's object and void scalar types.
        if let (Ok(m), Ok(n)) = (
            t.getattr("__module__")?.extract::<String>(),
            t.getattr("__name__")?.extract::<String>(),
        ) {
            if m.starts_with("rumpy") || m == "numpy" {
                match n.as_str() {
                    "object_" if m != "numpy" => return Ok(parse_dtype("O")?),
                    "void" if m != "numpy" => return Ok(parse_dtype("V")?),
                    _ => {}
                }
                // the abstract classes, with NumPy's messages
                let refused = match n.as_str() {
                    "integer" | "signedinteger" => {
                        "Converting 'np.integer' or 'np.signedinteger' to a dtype is not allowed"
                    }
                    "unsignedinteger" => {
                        "Converting `np.unsignedinteger` to a dtype is not allowed"
                    }
                    "inexact" | "floating" | "number" => {
                        "Converting `np.inexact` or `np.floating` to a dtype not allowed"
                    }
                    "generic" | "flexible" => "Converting `np.generic` to a dtype is not allowed.",
                    "complexfloating" => "Converting `np.complex` to a dtype is not allowed.",
                    "character" => "Converting `np.character` to a dtype is not allowed",
                    _ => "",
                };
                if !refused.is_empty() {
                    return Err(PyTypeError::new_err(refused));
                }
            }
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
        if t.is(py.get_type::<pyo3::types::PyMemoryView>()) {
            return Ok(parse_dtype("V")?);
        }
        // Any other class: its `dtype` attribute when that is a dtype, else objects (NumPy).
        if let Ok(d) = t.getattr("dtype") {
            if let Ok(d) = d.cast::<PyDType>() {
                return Ok(d.get().dt.clone());
            }
        }
        return Ok(parse_dtype("O")?);
    } else if let (Ok(s), true) = (obj.getattr("str"), obj.hasattr("isnative")?) {
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
    pub fn of(dt: DType) -> PyDType {
        PyDType {
            dt,
            numpy: PyOnceLock::new(),
        }
    }
    pub fn wrap(py: Python<'_>, dt: DType) -> PyResult<Py<PyDType>> {
        Py::new(py, PyDType::of(dt))
    }
}

#[pymethods]
impl PyDType {
    #[new]
    #[pyo3(signature = (dtype, align=None, copy=None, metadata=None))]
    fn new(
        dtype: &Bound<'_, PyAny>,
        align: Option<&Bound<'_, PyAny>>,
        copy: Option<&Bound<'_, PyAny>>,
        metadata: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = (copy, metadata);
        let align = match align {
            None => false,
            Some(a) => {
                // NumPy 2.4 takes the truth of anything else, with a warning
                let is_bool = a.is_instance_of::<pyo3::types::PyBool>()
                    || a.get_type()
                        .name()
                        .is_ok_and(|n| n == "bool" || n == "bool_");
                if !is_bool {
                    let py = a.py();
                    let category = py
                        .import("rumpy.exceptions")?
                        .getattr("VisibleDeprecationWarning")?;
                    let msg = std::ffi::CString::new(format!(
                        "dtype(): align should be passed as Python or NumPy boolean but got \
                         `align={}`. Did you mean to pass a tuple to create a subarray type? \
                         (Deprecated NumPy 2.4)",
                        a.repr()?
                    ))?;
                    PyErr::warn(py, &category, &msg, 1)?;
                }
                a.is_truthy()?
            }
        };
        Ok(PyDType::of(to_dtype_align(dtype, align)?))
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
        fn native(dt: &DType) -> bool {
            match (dt.fields(), dt.subarray()) {
                (Some(fs), _) => fs.iter().all(|f| native(&f.dtype)),
                // NumPy: a subarray's byte order is '|', native whatever its base.
                (_, Some(_)) => true,
                _ => dt.is_native(),
            }
        }
        native(&self.dt)
    }
    #[getter]
    fn isbuiltin(&self) -> i32 {
        if self.dt.fields().is_some()
            || is_text(&self.dt) && self.dt.itemsize() > 0
            || matches!(self.dt.kind(), 'M' | 'm' | 'T')
            || !self.dt.is_native()
        {
            0
        } else {
            1
        }
    }
    #[getter]
    fn descr<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        match descr_of(py, &self.dt)? {
            Some(l) => Ok(l),
            None => PyList::new(py, [PyTuple::new(py, ["".to_string(), self.dt.typestr()])?]),
        }
    }
    #[getter]
    #[pyo3(name = "type")]
    fn type_<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(d) = crate::dtype::text::TextDesc::of(&self.dt) {
            return Ok(super::text::scalar_class(py, d.is_bytes())?.clone());
        }
        if self.dt.kind() == 'O' {
            return py.import("rumpy")?.getattr("object_");
        }
        if crate::dtype::vstring::VString::of(&self.dt).is_some() {
            return Ok(py.get_type::<pyo3::types::PyString>().into_any());
        }
        if let Some(d) = crate::dtype::time::TimeDesc::of(&self.dt) {
            return Ok(super::time::scalar_class(py, d.datetime)?
                .clone()
                .into_any());
        }
        if let Some(d) = crate::dtype::longdouble::LdDesc::of(&self.dt) {
            return Ok(super::longdouble::scalar_class(py, d.complex)?
                .clone()
                .into_any());
        }
        match self.dt.scalar_type().and_then(|st| scalar_class(py, st)) {
            Some(t) => Ok(t.into_any()),
            None => match py.import("rumpy").and_then(|m| m.getattr("void")) {
                Ok(v) => Ok(v),
                Err(_) => Ok(py.None().into_bound(py)),
            },
        }
    }
    #[getter]
    fn names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.dt.fields() {
            Some(f) => Ok(PyTuple::new(py, f.iter().map(|x| x.name.clone()))?.into_any()),
            None => Ok(py.None().into_bound(py)),
        }
    }
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let Some(fs) = self.dt.fields() else {
            return Ok(py.None().into_bound(py));
        };
        let d = pyo3::types::PyDict::new(py);
        for f in fs {
            let dt = PyDType::wrap(py, f.dtype.clone())?;
            let v = match &f.title {
                Some(t) => PyTuple::new(
                    py,
                    [
                        dt.into_any(),
                        f.offset.into_pyobject(py)?.into_any().unbind(),
                        t.into_pyobject(py)?.into_any().unbind(),
                    ],
                )?,
                None => PyTuple::new(
                    py,
                    [
                        dt.into_any(),
                        f.offset.into_pyobject(py)?.into_any().unbind(),
                    ],
                )?,
            };
            d.set_item(&f.name, &v)?;
            if let Some(t) = &f.title {
                d.set_item(t, &v)?;
            }
        }
        Ok(pyo3::types::PyMappingProxy::new(py, d.as_mapping()).into_any())
    }
    #[getter]
    fn subdtype<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.dt.subarray() {
            Some(sa) => Ok(PyTuple::new(
                py,
                [
                    PyDType::wrap(py, sa.base.clone())?.into_any(),
                    PyTuple::new(py, &sa.shape)?.into_any().unbind(),
                ],
            )?
            .into_any()),
            None => Ok(py.None().into_bound(py)),
        }
    }
    #[getter]
    fn shape<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        match self.dt.subarray() {
            Some(sa) => PyTuple::new(py, &sa.shape),
            None => Ok(PyTuple::empty(py)),
        }
    }
    #[getter]
    fn ndim(&self) -> usize {
        self.dt.subarray().map_or(0, |sa| sa.shape.len())
    }
    #[getter]
    fn base(slf: &Bound<'_, Self>) -> PyResult<Py<PyDType>> {
        match slf.get().dt.subarray() {
            Some(sa) => PyDType::wrap(slf.py(), sa.base.clone()),
            None => Ok(slf.clone().unbind()),
        }
    }
    /// StringDType's missing value (an AttributeError when it has none, as NumPy's).
    #[getter]
    fn na_object<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::dtype::vstring::VString::of(&self.dt)
            .and_then(|v| super::vstring::na_object(py, v))
            .ok_or_else(|| {
                pyo3::exceptions::PyAttributeError::new_err(
                    "'StringDType' object has no attribute 'na_object'",
                )
            })
    }
    /// StringDType's coercion of non-strings.
    #[getter]
    fn coerce(&self) -> PyResult<bool> {
        crate::dtype::vstring::VString::of(&self.dt)
            .map(|v| v.coerce)
            .ok_or_else(|| {
                pyo3::exceptions::PyAttributeError::new_err(
                    "'numpy.dtype' object has no attribute 'coerce'",
                )
            })
    }
    #[getter]
    fn hasobject(&self) -> bool {
        self.dt.flags().holds_refs
    }
    #[getter]
    fn metadata(&self, py: Python<'_>) -> Py<PyAny> {
        py.None()
    }
    #[getter]
    fn isalignedstruct(&self) -> bool {
        // A subarray of records reports its base's flag.
        self.dt
            .subarray()
            .map_or(&self.dt, |sa| &sa.base)
            .is_aligned_struct()
    }

    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Py<PyDType>> {
        let Some(fs) = self.dt.fields() else {
            return Err(pyo3::exceptions::PyKeyError::new_err(format!(
                "There are no fields in dtype {}.",
                self.__str__()
            )));
        };
        let f = if let Ok(i) = key.extract::<isize>() {
            let n = fs.len() as isize;
            let k = if i < 0 { i + n } else { i };
            if k < 0 || k >= n {
                return Err(pyo3::exceptions::PyIndexError::new_err(format!(
                    "Field index {i} out of range."
                )));
            }
            &fs[k as usize]
        } else {
            let name: String = key.extract()?;
            fs.iter()
                .find(|f| f.name == name || f.title.as_deref() == Some(name.as_str()))
                .ok_or_else(|| {
                    pyo3::exceptions::PyKeyError::new_err(format!(
                        "Field named '{name}' not found."
                    ))
                })?
        };
        PyDType::wrap(py, f.dtype.clone())
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
        let swap = matches!(new_order, "S" | "s" | "swap");
        Ok(PyDType::of(with_order(&self.dt, swap, native)?))
    }

    fn __repr__(&self) -> String {
        if crate::dtype::vstring::VString::of(&self.dt).is_some() {
            return self.dt.typestr();
        }
        if self.dt.fields().is_some() || self.dt.subarray().is_some() {
            let s = struct_str(&self.dt);
            if self.isalignedstruct() {
                return format!("dtype({s}, align=True)");
            }
            return format!("dtype({s})");
        }
        if self.dt.kind() == 'V' {
            // Unstructured void: dtype('V8'), dtype('V') for zero bytes.
            let n = self.dt.itemsize();
            return if n == 0 {
                "dtype('V')".into()
            } else {
                format!("dtype('V{n}')")
            };
        }
        if self.dt.kind() == 'O' {
            return "dtype('O')".into();
        }
        if matches!(self.dt.kind(), 'M' | 'm') {
            return format!("dtype('{}')", self.dt.typestr());
        }
        if is_text(&self.dt) {
            // dtype('<U5'), dtype('S5'); unsized: dtype('<U'), dtype('S').
            let t = self.dt.typestr();
            let t = t.strip_prefix('|').unwrap_or(&t);
            let t = t
                .strip_suffix('0')
                .filter(|r| r.ends_with(['U', 'S']))
                .unwrap_or(t);
            return format!("dtype('{t}')");
        }
        if self.dt.is_native() {
            format!("dtype('{}')", self.dt.name())
        } else {
            format!("dtype('{}')", self.dt.typestr())
        }
    }
    fn __str__(&self) -> String {
        if crate::dtype::vstring::VString::of(&self.dt).is_some() {
            return self.dt.typestr();
        }
        if self.dt.fields().is_some() || self.dt.subarray().is_some() {
            return struct_str_align(&self.dt, true);
        }
        if self.dt.is_native() && self.dt.kind() != 'V' && !is_text(&self.dt) {
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
    /// NumPy's descriptor for this dtype (NumPy's `__numpy_dtype__` protocol: `np.dtype(d)`,
    /// `np.zeros(3, dtype=d)`).
    #[getter]
    fn __numpy_dtype__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let d = slf.get().numpy.get_or_try_init(py, || {
            let f = py.import("rumpy._interop")?.getattr("numpy_dtype")?;
            f.call1((slf,)).map(Bound::unbind)
        })?;
        Ok(d.bind(py).clone())
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let dt = &slf.get().dt;
        if dt.fields().is_some() || dt.subarray().is_some() {
            // Rebuilt from its parts: fields, titles, offsets and alignment survive.
            let f = py.import("rumpy._interop")?.getattr("dtype_reduce")?;
            return f.call1((slf,));
        }
        if let Some(v) = crate::dtype::vstring::VString::of(&slf.get().dt) {
            let na = super::vstring::na_object(py, v);
            let f = py.import("rumpy._core")?.getattr("_string_dtype")?;
            let args = (
                na.is_some(),
                na.unwrap_or_else(|| py.None().into_bound(py)),
                v.coerce,
            );
            return (f, args).into_pyobject(py).map(|t| t.into_any());
        }
        (slf.get_type().into_any(), (slf.get().dt.typestr(),))
            .into_pyobject(py)
            .map(|t| t.into_any())
    }
    fn __len__(&self) -> usize {
        self.dt.fields().map_or(0, |f| f.len())
    }
}

/// A field's format as NumPy prints it in a record: '<f8', 'u1' for one-byte types, a nested
/// record's list, or the base of a subarray.
fn field_format(dt: &DType) -> String {
    if dt.fields().is_some() {
        return struct_str(dt);
    }
    if dt.kind() == 'b' {
        return "?".into(); // NumPy's short name of bool
    }
    let t = dt.typestr();
    match t.strip_prefix('|') {
        Some(rest) if dt.scalar_type().is_some() || matches!(dt.kind(), 'V' | 'S' | 'O') => {
            rest.to_string()
        }
        _ => t,
    }
}

/// A dtype as written inside a record's str: a record as its field list or dict, anything
/// else as a quoted type string.
fn spec_str(dt: &DType) -> String {
    if dt.fields().is_some() {
        struct_str(dt)
    } else {
        py_str_repr(&field_format(dt))
    }
}

fn py_str_repr(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// NumPy's str of a structured dtype: the list form when the fields are packed in order (or
/// laid out as `align=True` would), the dict form otherwise.
fn struct_str(dt: &DType) -> String {
    struct_str_align(dt, false)
}

/// NumPy's `_struct_str`: with `include_align`, an aligned struct needs the dict form (the
/// list form cannot say align=True).
fn struct_str_align(dt: &DType, include_align: bool) -> String {
    if let Some(sa) = dt.subarray() {
        let shape = crate::array::shape_repr(&sa.shape);
        return format!("({}, {})", spec_str(&sa.base), shape);
    }
    let fs = dt.fields().expect("a record");
    let aligned = dt.is_aligned_struct();
    // Would the list form rebuild exactly these offsets and this itemsize?
    let mut end = 0usize;
    let mut max_al = 1usize;
    let mut listable = true;
    for f in fs {
        let al = if aligned {
            f.dtype.alignment().max(1)
        } else {
            1
        };
        max_al = max_al.max(al);
        let want = end.div_ceil(al) * al;
        if f.offset != want {
            listable = false;
        }
        end = f.offset + f.dtype.itemsize();
    }
    if end.div_ceil(max_al) * max_al != dt.itemsize() {
        listable = false;
    }
    let one = |f: &crate::dtype::Field| -> String {
        let name = match &f.title {
            Some(t) => format!("({}, {})", py_str_repr(t), py_str_repr(&f.name)),
            None => py_str_repr(&f.name),
        };
        match f.dtype.subarray() {
            Some(sa) => {
                let shape = crate::array::shape_repr(&sa.shape);
                format!("({}, {}, {})", name, spec_str(&sa.base), shape)
            }
            None => format!("({}, {})", name, spec_str(&f.dtype)),
        }
    };
    if listable && !(include_align && aligned) {
        return format!("[{}]", fs.iter().map(one).collect::<Vec<_>>().join(", "));
    }
    let names: Vec<String> = fs.iter().map(|f| py_str_repr(&f.name)).collect();
    let formats: Vec<String> = fs
        .iter()
        .map(|f| match f.dtype.subarray() {
            Some(_) => struct_str(&f.dtype),
            None => spec_str(&f.dtype),
        })
        .collect();
    let offsets: Vec<String> = fs.iter().map(|f| f.offset.to_string()).collect();
    let mut out = format!(
        "{{'names': [{}], 'formats': [{}], 'offsets': [{}]",
        names.join(", "),
        formats.join(", "),
        offsets.join(", ")
    );
    if fs.iter().any(|f| f.title.is_some()) {
        let titles: Vec<String> = fs
            .iter()
            .map(|f| f.title.as_deref().map_or("None".to_string(), py_str_repr))
            .collect();
        out.push_str(&format!(", 'titles': [{}]", titles.join(", ")));
    }
    out.push_str(&format!(", 'itemsize': {}", dt.itemsize()));
    if aligned && include_align {
        out.push_str(", 'aligned': True");
    }
    out.push('}');
    out
}

/// NumPy's `descr` of a structured dtype: fields in offset order, with ('', '|Vn') padding.
pub fn descr_of<'py>(py: Python<'py>, dt: &DType) -> PyResult<Option<Bound<'py, PyList>>> {
    let Some(fs) = dt.fields() else {
        return Ok(None);
    };
    let mut end = 0usize;
    for f in fs {
        if f.offset < end {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "dtype.descr is not defined for types with overlapping or out-of-order fields",
            ));
        }
        end = f.offset + f.dtype.itemsize();
    }
    let order: Vec<&crate::dtype::Field> = fs.iter().collect();
    let out = PyList::empty(py);
    let mut end = 0usize;
    let pad = |n: usize| PyTuple::new(py, ["".to_string(), format!("|V{n}")]);
    for f in order {
        if f.offset > end {
            out.append(pad(f.offset - end)?)?;
        }
        let name: Bound<'py, PyAny> = match &f.title {
            Some(t) => PyTuple::new(py, [t.clone(), f.name.clone()])?.into_any(),
            None => f.name.clone().into_pyobject(py)?.into_any(),
        };
        let item = if let Some(sa) = f.dtype.subarray() {
            let base: Bound<'py, PyAny> = match descr_of(py, &sa.base)? {
                Some(l) => l.into_any(),
                None => sa.base.typestr().into_pyobject(py)?.into_any(),
            };
            PyTuple::new(py, [name, base, PyTuple::new(py, &sa.shape)?.into_any()])?
        } else {
            let fmt: Bound<'py, PyAny> = match descr_of(py, &f.dtype)? {
                Some(l) => l.into_any(),
                None => f.dtype.typestr().into_pyobject(py)?.into_any(),
            };
            PyTuple::new(py, [name, fmt])?
        };
        out.append(item)?;
        end = end.max(f.offset + f.dtype.itemsize());
    }
    if dt.itemsize() > end {
        out.append(pad(dt.itemsize() - end)?)?;
    }
    Ok(Some(out))
}

/// The dtype an `__array_interface__` descr describes: fields in order, ('', '|Vn') entries
/// are padding.
pub fn dtype_from_descr(descr: &Bound<'_, PyAny>) -> PyResult<DType> {
    let Ok(list) = descr.cast::<PyList>() else {
        // Another dtype spec (a dict for fields out of offset order).
        return to_dtype(descr);
    };
    let mut specs = Vec::new();
    let mut offset = 0usize;
    for item in list.iter() {
        let t = item
            .cast::<PyTuple>()
            .map_err(|_| PyTypeError::new_err("descr entries must be tuples"))?;
        let name = t.get_item(0)?;
        let fmt = t.get_item(1)?;
        if name.extract::<String>().is_ok_and(|n| n.is_empty()) {
            if let Ok(f) = fmt.extract::<String>() {
                if let Some(n) = f
                    .trim_start_matches('|')
                    .strip_prefix('V')
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    // Padding; a sum past a C int is refused by Record::build below.
                    offset = offset.saturating_add(n);
                    continue;
                }
            }
        }
        let mut dt = if fmt.cast::<PyList>().is_ok() {
            dtype_from_descr(&fmt)?
        } else {
            to_dtype(&fmt)?
        };
        if t.len() > 2 {
            dt = with_shape(dt, shape_of(&t.get_item(2)?)?)?;
        }
        let size = dt.itemsize();
        let (name, title) = if let Ok(pair) = name.cast::<PyTuple>() {
            (
                pair.get_item(1)?.extract::<String>()?,
                Some(pair.get_item(0)?.extract::<String>()?),
            )
        } else {
            (name.extract::<String>()?, None)
        };
        specs.push(FieldSpec {
            name,
            title,
            dtype: dt,
            offset: Some(offset),
        });
        offset = offset.saturating_add(size);
    }
    if specs.is_empty() {
        // [('', '|V8')]: the description of unstructured void.
        if offset > crate::dtype::MAX_ITEMSIZE {
            return Err(value_err("integer won't fit into a C int"));
        }
        return Ok(crate::dtype::void::RawVoid::build(offset));
    }
    Ok(Record::build(specs, Some(offset), false)?)
}

/// `dt` in the byte order NumPy's `newbyteorder` gives: each field of a record and the base of
/// a subarray in turn; `swap` reverses each one's own order, else native or not as `native`.
fn with_order(dt: &DType, swap: bool, native: bool) -> crate::error::Result<DType> {
    if let Some(fs) = dt.fields() {
        let specs = fs
            .iter()
            .map(|f| {
                Ok(FieldSpec {
                    name: f.name.clone(),
                    title: f.title.clone(),
                    dtype: with_order(&f.dtype, swap, native)?,
                    offset: Some(f.offset),
                })
            })
            .collect::<crate::error::Result<Vec<_>>>()?;
        return Record::build(specs, Some(dt.itemsize()), dt.is_aligned_struct());
    }
    if let Some(sa) = dt.subarray() {
        return SubArrayDType::build(with_order(&sa.base, swap, native)?, sa.shape.clone());
    }
    if dt.byteorder() == ByteOrder::NotApplicable {
        return Ok(dt.clone());
    }
    let native = if swap { !dt.is_native() } else { native };
    Ok(if native {
        dt.to_native()
    } else {
        dt.to_native().0.with_native_order(false)
    })
}
