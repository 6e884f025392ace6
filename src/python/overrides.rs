//! NumPy's ufunc override protocol (NEP 13), both ways: rumpy arrays answer NumPy's ufuncs
//! (`__array_ufunc__`), and rumpy's ufuncs and operators hand a call to an operand that
//! overrides ufuncs (pandas, xarray, Dask), as NumPy's do. NumPy's own arrays are not
//! overrides: rumpy computes with them (views of their memory); NumPy's subclasses that keep
//! NumPy's default (masked arrays, matrices) are computed by NumPy, so that they keep their
//! meaning. The general cases are Python (`rumpy._overrides`); the common ones stay here.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyComplex, PyDict, PyFloat, PyInt, PyString, PyTuple, PyType};
use pyo3::{intern, PyTypeInfo};

use super::array::PyNdArray;
use super::vectorcall::{CallableType, VectorCall};
use crate::array::Order;
use crate::dispatch::Ufunc;

/// NumPy's module, ndarray and generic types, ndarray's default `__array_ufunc__`, and its
/// ufuncs that rumpy has (by address: NumPy's ufunc objects live as long as its module, which
/// this keeps), once NumPy is loaded.
struct NumpyRefs {
    module: Py<PyAny>,
    ndarray: Py<PyType>,
    generic: Py<PyType>,
    default: Py<PyAny>,
    /// Sorted by address.
    ufuncs: Vec<(usize, &'static Ufunc)>,
}

static NUMPY: PyOnceLock<NumpyRefs> = PyOnceLock::new();

/// NumPy's references when NumPy is loaded (rumpy never imports it here).
impl NumpyRefs {
    /// rumpy's ufunc for NumPy's ufunc at address `key`. The last one found is remembered
    /// (address and index packed in one word): a loop calls the same ufunc again and again.
    fn rumpy_ufunc(&self, key: usize) -> Option<&'static Ufunc> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static LAST: AtomicU64 = AtomicU64::new(u64::MAX);
        let last = LAST.load(Ordering::Relaxed);
        let k = if key as u64 == last >> 16 {
            (last & 0xffff) as usize
        } else {
            let k = self.ufuncs.binary_search_by_key(&key, |&(p, _)| p).ok()?;
            if (key as u64) < 1 << 48 && k < 1 << 16 {
                LAST.store((key as u64) << 16 | k as u64, Ordering::Relaxed);
            }
            k
        };
        self.ufuncs.get(k).map(|&(_, u)| u)
    }
}

fn numpy_refs(py: Python<'_>) -> PyResult<Option<&NumpyRefs>> {
    if let Some(r) = NUMPY.get(py) {
        return Ok(Some(r));
    }
    let modules = py
        .import(intern!(py, "sys"))?
        .getattr(intern!(py, "modules"))?;
    let Some(np) = modules
        .cast_into::<PyDict>()?
        .get_item(intern!(py, "numpy"))?
    else {
        return Ok(None);
    };
    let (Ok(ndarray), Ok(generic)) = (
        np.getattr(intern!(py, "ndarray")),
        np.getattr(intern!(py, "generic")),
    ) else {
        // NumPy half imported.
        return Ok(None);
    };
    let default = ndarray.getattr(intern!(py, "__array_ufunc__"))?.unbind();
    let ufunc_type = np.getattr(intern!(py, "ufunc"))?;
    let mut ufuncs = Vec::new();
    for u in crate::dispatch::table() {
        if let Some(f) = np.getattr_opt(u.name)? {
            if f.is_instance(&ufunc_type)? {
                ufuncs.push((f.as_ptr() as usize, u));
            }
        }
    }
    ufuncs.sort_unstable_by_key(|&(p, _)| p);
    ufuncs.dedup_by_key(|&mut (p, _)| p);
    let refs = NumpyRefs {
        module: np.clone().unbind(),
        ndarray: ndarray.cast_into::<PyType>()?.unbind(),
        generic: generic.cast_into::<PyType>()?.unbind(),
        default,
        ufuncs,
    };
    Ok(Some(NUMPY.get_or_init(py, || refs)))
}

/// rumpy's own protocol methods (its arrays' and its scalars'): an operand whose class has
/// one of these is rumpy's.
struct Ours {
    ufunc: [Py<PyAny>; 2],
    function: [Py<PyAny>; 2],
}

static OURS: PyOnceLock<Ours> = PyOnceLock::new();

fn ours(py: Python<'_>) -> PyResult<&Ours> {
    OURS.get_or_try_init(py, || {
        let arrays = PyNdArray::type_object(py);
        let scalars = py
            .import(intern!(py, "rumpy._scalars"))?
            .getattr(intern!(py, "generic"))?;
        let both = |name: &Bound<'_, PyString>| -> PyResult<[Py<PyAny>; 2]> {
            Ok([
                arrays.getattr(name)?.unbind(),
                scalars.getattr(name)?.unbind(),
            ])
        };
        Ok::<_, PyErr>(Ours {
            ufunc: both(intern!(py, "__array_ufunc__"))?,
            function: both(intern!(py, "__array_function__"))?,
        })
    })
}

/// What an operand does in a ufunc call.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// rumpy computes with it: rumpy arrays, NumPy arrays, Python scalars, sequences.
    Plain,
    /// An instance of a NumPy subclass that keeps NumPy's default: NumPy computes.
    NumpySub,
    /// Its class overrides ufuncs.
    Override,
    /// Its class opts out of ufuncs (`__array_ufunc__ = None`).
    OptOut,
}

fn role(x: &Bound<'_, PyAny>) -> PyResult<Role> {
    let py = x.py();
    if x.is_exact_instance_of::<PyNdArray>()
        || is_plain_scalar(x)
        || x.is_exact_instance_of::<PyString>()
        || x.is_none()
    {
        return Ok(Role::Plain);
    }
    let ty = x.get_type();
    // NumPy looks the method up on the class, never on the instance.
    let Some(m) = ty.getattr_opt(intern!(py, "__array_ufunc__"))? else {
        return Ok(Role::Plain);
    };
    if m.is_none() {
        return Ok(Role::OptOut);
    }
    if ours(py)?.ufunc.iter().any(|o| m.is(o)) {
        return Ok(Role::Plain);
    }
    if let Some(np) = numpy_refs(py)? {
        if m.is(&np.default) {
            return Ok(if ty.is(np.ndarray.bind(py)) {
                Role::Plain
            } else {
                Role::NumpySub
            });
        }
    }
    Ok(Role::Override)
}

/// NumPy's override step for a call of `method` of `u`, given its `inputs`, the outputs
/// given after them (`outs`) and `out=` as given. `keywords` adds the other keywords the
/// caller was given; an override gets them with `out` as a tuple, as NumPy passes it. None
/// when rumpy computes the call itself (nothing is built for that case).
pub(crate) fn ufunc_override<'py>(
    py: Python<'py>,
    u: &'static Ufunc,
    method: &str,
    inputs: &[Bound<'py, PyAny>],
    outs: &[Bound<'py, PyAny>],
    out: Option<&Bound<'py, PyAny>>,
    keywords: impl FnOnce(&Bound<'py, PyDict>) -> PyResult<()>,
) -> PyResult<Option<Py<PyAny>>> {
    let out = out.filter(|o| !o.is_none());
    let out_items: smallvec::SmallVec<[Bound<'py, PyAny>; 2]> = match out {
        None => smallvec::SmallVec::new(),
        Some(o) => match o.cast::<PyTuple>() {
            Ok(t) => t.iter().filter(|x| !x.is_none()).collect(),
            Err(_) => smallvec::smallvec![o.clone()],
        },
    };
    let operands = || inputs.iter().chain(outs).chain(&out_items);
    let mut overrides: Vec<Bound<'py, PyAny>> = Vec::new();
    let mut numpy_sub = false;
    for x in operands() {
        match role(x)? {
            Role::Plain => {}
            Role::NumpySub => numpy_sub = true,
            Role::OptOut => {
                return Err(PyTypeError::new_err(format!(
                    "operand '{}' does not support ufuncs (__array_ufunc__=None)",
                    x.get_type().name()?
                )));
            }
            Role::Override => {
                let ty = x.get_type();
                if overrides.iter().any(|o| o.get_type().is(&ty)) {
                    continue;
                }
                // Subclasses before their superclasses, otherwise left to right.
                let at = overrides
                    .iter()
                    .position(|o| ty.is_subclass(&o.get_type()).unwrap_or(false))
                    .unwrap_or(overrides.len());
                overrides.insert(at, x.clone());
            }
        }
    }
    if overrides.is_empty() && !numpy_sub {
        return Ok(None);
    }
    let kwargs = PyDict::new(py);
    if !outs.is_empty() {
        kwargs.set_item(intern!(py, "out"), PyTuple::new(py, outs)?)?;
    } else if let Some(o) = out {
        let t = match o.cast::<PyTuple>() {
            Ok(t) => t.clone(),
            Err(_) => PyTuple::new(py, [o])?,
        };
        kwargs.set_item(intern!(py, "out"), t)?;
    }
    keywords(&kwargs)?;
    let overrides_py = py.import(intern!(py, "rumpy._overrides"))?;
    if overrides.is_empty() {
        // NumPy's subclasses (masked arrays): NumPy computes, on views of rumpy's arrays.
        let r = overrides_py.getattr(intern!(py, "numpy_ufunc"))?.call1((
            u.name,
            method,
            PyTuple::new(py, inputs)?,
            kwargs,
        ))?;
        return Ok(Some(r.unbind()));
    }
    let note = overrides_py.getattr(intern!(py, "note_foreign"))?;
    for o in &overrides {
        note.call1((o.get_type(),))?;
    }
    let ufunc = py.import(intern!(py, "rumpy._core"))?.getattr(u.name)?;
    let mut args: Vec<Bound<'py, PyAny>> = vec![ufunc, PyString::new(py, method).into_any()];
    args.extend(inputs.iter().cloned());
    let args = PyTuple::new(py, args)?;
    for o in &overrides {
        let r = o
            .getattr(intern!(py, "__array_ufunc__"))?
            .call(&args, Some(&kwargs))?;
        if !r.is(py.NotImplemented().bind(py)) {
            return Ok(Some(r.unbind()));
        }
    }
    let mut reprs = Vec::new();
    for a in args.iter() {
        reprs.push(a.repr()?.to_string());
    }
    let mut names = Vec::new();
    for o in operands() {
        names.push(format!("'{}'", o.get_type().name()?));
    }
    Err(PyTypeError::new_err(format!(
        "operand type(s) all returned NotImplemented from __array_ufunc__({}): {}",
        reprs.join(", "),
        names.join(", ")
    )))
}

/// Set `name` in `d` when it was given.
pub(crate) fn set_given<'py>(
    d: &Bound<'py, PyDict>,
    name: &str,
    value: Option<impl IntoPyObject<'py>>,
) -> PyResult<()> {
    match value {
        Some(v) => d.set_item(name, v),
        None => Ok(()),
    }
}

/// Is `x` exactly NumPy's ndarray (not a subclass)?
pub(crate) fn is_numpy_ndarray(x: &Bound<'_, PyAny>) -> bool {
    let py = x.py();
    match NUMPY.get(py) {
        Some(np) => x.get_type().is(np.ndarray.bind(py)),
        None => {
            x.get_type().name().is_ok_and(|n| n == "ndarray")
                && numpy_refs(py)
                    .ok()
                    .flatten()
                    .is_some_and(|np| x.get_type().is(np.ndarray.bind(py)))
        }
    }
}

/// Is `x` exactly a Python int, float, complex or bool?
/// A Python number or a scalar of rumpy's own classes: an operand with nothing to override.
pub(crate) fn is_plain_scalar(x: &Bound<'_, PyAny>) -> bool {
    is_python_number(x) || super::dtype::rumpy_scalar_type(x).is_some()
}

pub(crate) fn is_python_number(x: &Bound<'_, PyAny>) -> bool {
    x.is_exact_instance_of::<PyFloat>()
        || x.is_exact_instance_of::<PyInt>()
        || x.is_exact_instance_of::<PyBool>()
        || x.is_exact_instance_of::<PyComplex>()
}

#[pymethods]
impl PyNdArray {
    /// NumPy's ufuncs on rumpy arrays (NEP 13): rumpy's ufunc of the same name computes and
    /// returns rumpy arrays; `out=` may hold NumPy's arrays too. A ufunc rumpy lacks (another
    /// library's) runs as NumPy's code on views of the arrays, and its results come back as
    /// rumpy arrays. Operands of unknown classes that override ufuncs get NotImplemented.
    #[pyo3(signature = (*args, **kwargs))]
    fn __array_ufunc__<'py>(
        slf: &Bound<'py, Self>,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        if args.len() < 2 {
            return Err(PyTypeError::new_err(
                "__array_ufunc__() takes a ufunc, a method name and the inputs",
            ));
        }
        let ufunc = args.get_item(0)?;
        let method = args.get_item(1)?;
        let call = method.is(intern!(py, "__call__"))
            || method
                .cast::<PyString>()
                .is_ok_and(|m| m.to_str().is_ok_and(|m| m == "__call__"));
        if call && kwargs.is_none_or(|k| k.is_empty()) {
            if let Some(np) = numpy_refs(py)? {
                if let Some(u) = np.rumpy_ufunc(ufunc.as_ptr() as usize) {
                    let mut inputs: smallvec::SmallVec<[Bound<'py, PyAny>; 3]> =
                        smallvec::SmallVec::new();
                    let mut plain = true;
                    for x in args.iter().skip(2) {
                        if x.is_exact_instance_of::<PyNdArray>() || is_python_number(&x) {
                            inputs.push(x);
                        } else if x.get_type().is(np.ndarray.bind(py)) {
                            // NumPy's array as a rumpy view, for the small-array fast path.
                            match super::interop::from_numpy_ndarray(&x)? {
                                Some((a, base)) => inputs
                                    .push(PyNdArray::wrap(py, a, base)?.into_bound(py).into_any()),
                                None => inputs.push(x),
                            }
                        } else {
                            plain = false;
                            break;
                        }
                    }
                    if plain {
                        return super::ufunc::call_ufunc(
                            py,
                            u,
                            &inputs,
                            None,
                            None,
                            "same_kind",
                            None,
                            Order::K,
                        );
                    }
                }
            }
        }
        let inputs = args.get_slice(2, args.len());
        let r = py
            .import(intern!(py, "rumpy._overrides"))?
            .getattr(intern!(py, "array_ufunc"))?
            .call1((ufunc, method, inputs, kwargs))?;
        Ok(r.unbind())
    }
}

/// Must a rumpy function given `x` leave the call to NumPy's function of the same name? Yes
/// for an object whose class overrides NumPy's functions (`__array_function__`: Dask) and
/// for NumPy's subclasses (masked arrays, whose meaning NumPy's functions keep), looking one
/// level into lists and tuples; `method`: also for an object with that method (NumPy's
/// functions call it on objects that are not its arrays or scalars: pandas, xarray). Without
/// NumPy loaded nothing can go to NumPy.
fn defers_to_numpy(
    x: &Bound<'_, PyAny>,
    method: Option<&Bound<'_, PyString>>,
    depth: u32,
) -> PyResult<bool> {
    let py = x.py();
    if x.is_exact_instance_of::<PyNdArray>()
        || is_python_number(x)
        || x.is_none()
        || x.is_exact_instance_of::<PyString>()
        || x.is_exact_instance_of::<pyo3::types::PyBytes>()
    {
        return Ok(false);
    }
    if x.is_exact_instance_of::<pyo3::types::PyList>() || x.is_exact_instance_of::<PyTuple>() {
        if depth >= 2 {
            return Ok(false);
        }
        for item in x.try_iter()? {
            if defers_to_numpy(&item?, None, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Some(np) = numpy_refs(py)? else {
        return Ok(false);
    };
    let ty = x.get_type();
    if ty.is(np.ndarray.bind(py)) {
        return Ok(false);
    }
    if let Some(f) = ty.getattr_opt(intern!(py, "__array_function__"))? {
        return Ok(!f.is_none() && !ours(py)?.function.iter().any(|o| f.is(o)));
    }
    match method {
        // NumPy's scalars are computed by rumpy, as its arrays are.
        Some(m) => Ok(!ty.is_subclass(np.generic.bind(py))? && ty.getattr_opt(m)?.is_some()),
        None => Ok(false),
    }
}

// A public rumpy function that NumPy's function of the same name stands behind (NEP 18):
// called with operands NumPy's protocols give to someone else (Dask arrays, masked arrays,
// pandas and xarray objects with the method NumPy would call), it is NumPy's function that
// runs, so the call goes where it goes in NumPy; otherwise rumpy's implementation runs.
// (No doc comment: `__doc__` is the implementation's.)
#[pyclass(
    name = "_array_function_base",
    module = "rumpy._core",
    frozen,
    subclass
)]
pub struct PyArrayFunction {
    implementation: Py<PyAny>,
    name: Py<PyString>,
    /// NumPy's function calls this method on objects other than its arrays, given as the
    /// argument at this position.
    method: Option<(Py<PyString>, usize)>,
}

#[pymethods]
impl PyArrayFunction {
    /// Refused; `_array_function` makes them.
    #[new]
    fn new() -> PyResult<Self> {
        super::vectorcall::making::<PyArrayFunction>()
            .ok_or_else(|| PyTypeError::new_err("cannot create 'rumpy.array_function' instances"))
    }

    /// Calls through `tp_call` (`f(*args, **kwargs)`); a plain call comes through vectorcall
    /// (`function_vectorcall`) to the same choice.
    #[pyo3(signature = (*args, **kwargs))]
    fn __call__<'py>(
        &self,
        py: Python<'py>,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let values = kwargs.into_iter().flatten().map(|(_, v)| v);
        let f = self.target(py, args.iter(), values)?;
        Ok(f.call(args, kwargs)?.unbind())
    }

    /// rumpy's implementation (`inspect.signature` follows it).
    #[getter]
    fn __wrapped__(&self, py: Python<'_>) -> Py<PyAny> {
        self.implementation.clone_ref(py)
    }

    #[getter]
    fn __doc__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self
            .implementation
            .bind(py)
            .getattr(intern!(py, "__doc__"))?
            .unbind())
    }

    #[getter]
    fn __name__(&self, py: Python<'_>) -> Py<PyString> {
        self.name.clone_ref(py)
    }

    #[getter]
    fn __qualname__(&self, py: Python<'_>) -> Py<PyString> {
        self.name.clone_ref(py)
    }

    /// Pickled by name, as a global of `rumpy`.
    fn __reduce__(&self, py: Python<'_>) -> Py<PyString> {
        self.name.clone_ref(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("<function {}>", self.name.bind(py).to_str()?))
    }
}

impl PyArrayFunction {
    /// The function a call with these positional arguments and keyword values runs: NumPy's
    /// when an operand defers to it, else rumpy's implementation.
    fn target<'py>(
        &self,
        py: Python<'py>,
        positional: impl Iterator<Item = Bound<'py, PyAny>>,
        keywords: impl Iterator<Item = Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut defer = false;
        for (k, a) in positional.enumerate() {
            let method = match &self.method {
                Some((m, i)) if *i == k => Some(m.bind(py)),
                _ => None,
            };
            if defers_to_numpy(&a, method, 0)? {
                defer = true;
                break;
            }
        }
        if !defer {
            for v in keywords {
                if defers_to_numpy(&v, None, 0)? {
                    defer = true;
                    break;
                }
            }
        }
        if defer {
            if let Some(np) = numpy_refs(py)? {
                return np.module.bind(py).getattr(self.name.bind(py));
            }
        }
        Ok(self.implementation.bind(py).clone())
    }
}

/// The vectorcall type of the array functions, made on first use.
static FUNCTION_TYPE: PyOnceLock<CallableType> = PyOnceLock::new();

/// A function called through vectorcall: its arguments read where CPython put them, and
/// passed on to the function chosen the same way.
///
/// # Safety
/// CPython's vectorcall contract (see [`super::vectorcall::arguments`]); `slf` an array
/// function.
unsafe fn function_vectorcall(
    py: Python<'_>,
    slf: *mut pyo3::ffi::PyObject,
    args: *const *mut pyo3::ffi::PyObject,
    nargsf: pyo3::ffi::Py_ssize_t,
    kwnames: *mut pyo3::ffi::PyObject,
) -> PyResult<*mut pyo3::ffi::PyObject> {
    // SAFETY: per the contract above.
    let (f, items) = unsafe {
        (
            pyo3::Borrowed::from_ptr(py, slf).cast_unchecked::<PyArrayFunction>(),
            super::vectorcall::items(py, args, nargsf, kwnames),
        )
    };
    // SAFETY: the items are live objects the caller holds.
    let item = |p: &*mut pyo3::ffi::PyObject| unsafe { Bound::from_borrowed_ptr(py, *p) };
    let (positional, keywords) = items.all.split_at(items.positional);
    let target = f
        .get()
        .target(py, positional.iter().map(item), keywords.iter().map(item))?;
    // SAFETY: CPython's arguments passed on as they came.
    unsafe { super::vectorcall::forward(py, &target, args, nargsf, kwnames) }
}

/// `__doc__`: the implementation's.
///
/// # Safety
/// `slf` is an array function.
unsafe fn function_doc(
    py: Python<'_>,
    slf: *mut pyo3::ffi::PyObject,
    _closure: *mut pyo3::ffi::PyObject,
) -> PyResult<*mut pyo3::ffi::PyObject> {
    // SAFETY: per the contract above.
    let f = unsafe { pyo3::Borrowed::from_ptr(py, slf).cast_unchecked::<PyArrayFunction>() };
    Ok(f.get().__doc__(py)?.into_ptr())
}

/// The type of the array functions, `rumpy.array_function`.
pub fn function_type(py: Python<'_>) -> PyResult<&CallableType> {
    FUNCTION_TYPE.get_or_try_init(py, || {
        CallableType::new(
            py,
            &py.get_type::<PyArrayFunction>(),
            c"rumpy.array_function",
            pyo3::get_trampoline_function!(getattrofunc, function_doc),
        )
    })
}

/// rumpy's function `implementation` standing for NumPy's function `name`: see
/// [`PyArrayFunction`]. (A function, not a constructor, so that the class keeps the
/// implementation's docstring.)
#[pyfunction]
#[pyo3(signature = (implementation, name, method=None, index=0))]
pub fn _array_function<'py>(
    py: Python<'py>,
    implementation: Py<PyAny>,
    name: Py<PyString>,
    method: Option<Py<PyString>>,
    index: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let call: VectorCall =
        pyo3::get_trampoline_function!(fastcall_cfunction_with_keywords, function_vectorcall);
    let f = PyArrayFunction {
        implementation,
        name,
        method: method.map(|m| (m, index)),
    };
    function_type(py)?.instance(py, f, call)
}
