//! The `rumpy.ndarray` class: thin wrappers over `crate::array::NdArray`.

use std::os::raw::c_int;
use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::exceptions::{PyAttributeError, PyIndexError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyInt, PyList, PyTuple, PyType};

use crate::array::{Dims, NdArray, Order, Strides};
use crate::dtype::promote::Casting;
use crate::dtype::{DType, Num};

use super::convert::{
    classify_scalar, num_to_py, num_to_scalar, read_num, to_array, write_num, PyScalar,
};
use super::dtype::{to_dtype, PyDType};
use super::flags::{ArrayIter, PyFlags};
use super::items::{field_key, sequence_into_element};

#[pyclass(name = "ndarray", module = "rumpy", frozen, weakref, subclass)]
pub struct PyNdArray {
    /// The array; replaced only by `resize` and the `shape` setter (readers take a snapshot
    /// or read it in place, never across a call into Python). Its dtype never changes: record
    /// scalars of its items name it by their owner alone.
    cell: ArrayCell,
    base: Option<Py<PyAny>>,
    writeable: AtomicBool,
    dtype_obj: PyOnceLock<Py<PyDType>>,
    /// Live buffer-protocol exports (memoryviews, numpy arrays made through them): `resize`
    /// refuses while any is alive, whatever `refcheck` says.
    exports: std::sync::atomic::AtomicUsize,
    /// Set once the data pointer has left as a bare address (`__array_interface__`,
    /// `__array_struct__`), whose readers hold this object but not the buffer.
    raw_exported: AtomicBool,
    /// Arrays replaced by `resize` after a bare-address export: kept until this object dies,
    /// so the exported address stays valid as long as its reader holds this object.
    retired: std::sync::Mutex<Vec<NdArray>>,
}

/// The array of an ndarray object. It is read and replaced only by a thread that holds the
/// GIL (each access takes the token, or attaches first), which serialises every access
/// without an atomic operation; the borrow flag, not atomic, refuses a replacement while a
/// read is in progress on the same thread.
pub struct ArrayCell(std::cell::RefCell<NdArray>);

// SAFETY: every access goes through `read` and `replace`, which take a `Python` token: the
// thread holds the GIL, so no two threads touch the cell at once (abi3 extensions run only
// on interpreters with a GIL).
unsafe impl Sync for ArrayCell {}

impl ArrayCell {
    /// `f` on the array in place; `f` must not reach Python.
    #[inline]
    fn read<R>(&self, _py: Python<'_>, f: impl FnOnce(&NdArray) -> R) -> R {
        f(&self.0.borrow())
    }

    /// Put `new` in place of the array, which is returned.
    fn replace(&self, _py: Python<'_>, new: NdArray) -> PyResult<NdArray> {
        let mut cur = self
            .0
            .try_borrow_mut()
            .map_err(|_| pyo3::exceptions::PyBufferError::new_err("the array is being read"))?;
        Ok(std::mem::replace(&mut *cur, new))
    }
}

impl PyNdArray {
    /// A snapshot of the array, as it is (without the Python-level writeable flag applied):
    /// a clone sharing its buffer and dtype.
    pub fn cur(&self) -> NdArray {
        self.with_arr(NdArray::clone)
    }
    /// `f` on the array as it is, read in place under the lock (no handle cloned: the
    /// small-array paths). `f` must not reach Python (it could resize this array).
    #[inline]
    pub fn with_arr<R>(&self, f: impl FnOnce(&NdArray) -> R) -> R {
        Python::attach(|py| self.cell.read(py, f))
    }
    /// [`Self::with_arr`] with the GIL's token at hand (the per-call paths: no check of the
    /// thread's state).
    #[inline]
    pub fn with_arr_in<R>(&self, py: Python<'_>, f: impl FnOnce(&NdArray) -> R) -> R {
        self.cell.read(py, f)
    }
    /// The array with the Python-level writeable flag applied.
    pub fn array(&self) -> NdArray {
        let mut a = self.cur();
        let w = self.writeable.load(Ordering::Relaxed);
        if w != a.flags().writeable {
            let _ = a.set_writeable(w);
        }
        a
    }
    pub fn is_writeable(&self) -> bool {
        self.writeable.load(Ordering::Relaxed)
    }
    /// Whether this array has no base object (it made or adopted its memory itself).
    pub fn base_is_none(&self) -> bool {
        self.base.is_none()
    }
    /// Whether a buffer-protocol export is alive or the address has left as a bare integer.
    pub fn is_exported(&self) -> bool {
        self.exports.load(Ordering::Relaxed) != 0 || self.raw_exported.load(Ordering::Relaxed)
    }

    #[inline]
    pub fn new_obj(arr: NdArray, base: Option<Py<PyAny>>) -> PyNdArray {
        let w = arr.flags().writeable;
        PyNdArray {
            cell: ArrayCell(std::cell::RefCell::new(arr)),
            base,
            writeable: AtomicBool::new(w),
            dtype_obj: PyOnceLock::new(),
            exports: std::sync::atomic::AtomicUsize::new(0),
            raw_exported: AtomicBool::new(false),
            retired: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Wrap a new array that owns its memory (or has a foreign base).
    pub fn wrap(py: Python<'_>, arr: NdArray, base: Option<Py<PyAny>>) -> PyResult<Py<PyNdArray>> {
        Py::new(py, Self::new_obj(arr, base))
    }

    /// Wrap a view of `slf` of `slf`'s own class.
    #[inline]
    pub fn view_of(slf: &Bound<'_, PyNdArray>, arr: NdArray) -> PyResult<Py<PyNdArray>> {
        Self::view_as(slf, arr, Self::subtype(slf.as_any()).as_ref(), slf.as_any())
    }

    /// [`Self::view_of`] as a base-class ndarray, whatever `slf`'s class.
    pub fn plain_view_of(slf: &Bound<'_, PyNdArray>, arr: NdArray) -> PyResult<Py<PyNdArray>> {
        Self::view_as(slf, arr, None, slf.as_any())
    }

    /// Wrap a view of `slf` as an instance of `ty` (None: `ndarray`), finalized with `obj`.
    /// NumPy's base collapsing: the base is `slf`, or further up the chain while the array
    /// there does not own its data and its base is a rumpy array of the new view's class.
    #[inline]
    fn view_as(
        slf: &Bound<'_, PyNdArray>,
        mut arr: NdArray,
        ty: Option<&Bound<'_, PyType>>,
        obj: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyNdArray>> {
        let py = slf.py();
        if !slf.get().is_writeable() {
            let _ = arr.set_writeable(false);
        }
        let nd = py.get_type::<PyNdArray>();
        let target = ty.unwrap_or(&nd);
        let mut cand: Bound<'_, PyNdArray> = slf.clone();
        loop {
            let c = cand.get();
            // (The base first: an array without one, the usual parent, is not locked.)
            let Some(Ok(next)) = c.base.as_ref().map(|b| b.bind(py).cast::<PyNdArray>()) else {
                break;
            };
            if !next.get_type().is(target) || c.with_arr_in(py, |a| a.flags().owndata) {
                break;
            }
            let next = next.clone();
            cand = next;
        }
        let plain = Py::new(py, Self::new_obj(arr, Some(cand.into_any().unbind())))?;
        match ty {
            Some(t) if !t.is(&nd) => Ok(Self::as_subtype(t, plain, Some(obj), true)?.unbind()),
            _ => Ok(plain),
        }
    }

    /// `plain` (a fresh `ndarray`) as an instance of the ndarray subclass `ty`, with `ty`'s
    /// `__array_finalize__` called on `obj` (NumPy's way of making views and results of a
    /// subclass). `own`: `plain` is a new result and the instance takes it over (its base is
    /// `plain`'s); otherwise the instance views `plain`.
    pub fn as_subtype<'py>(
        ty: &Bound<'py, PyType>,
        plain: Py<PyNdArray>,
        obj: Option<&Bound<'py, PyAny>>,
        own: bool,
    ) -> PyResult<Bound<'py, PyNdArray>> {
        let py = ty.py();
        let kw = PyDict::new(py);
        kw.set_item("_view", plain)?;
        if own {
            kw.set_item("_own", true)?;
        }
        // ndarray's own __new__: the subclass's is not run for views (NumPy neither).
        let inst = py.get_type::<PyNdArray>().call_method(
            "__new__",
            (ty, PyTuple::empty(py)),
            Some(&kw),
        )?;
        let inst = inst.cast_into::<PyNdArray>().map_err(PyErr::from)?;
        inst.call_method1("__array_finalize__", (obj,))?;
        Ok(inst)
    }

    /// The type of `a` when it is an instance of an ndarray subclass.
    pub fn subtype<'py>(a: &Bound<'py, PyAny>) -> Option<Bound<'py, PyType>> {
        use pyo3::PyTypeInfo;
        // The common case first, by type pointer (every operator call asks).
        // SAFETY: reading the type pointer of a live object.
        if unsafe { ffi::Py_TYPE(a.as_ptr()) } == PyNdArray::type_object_raw(a.py()) {
            return None;
        }
        a.cast::<PyNdArray>().is_ok().then(|| a.get_type())
    }

    /// A new array made from `slf`, of `slf`'s subclass if any. `own`: the subclass instance
    /// owns the new memory (a copy, a cast); otherwise it views a plain array that does (an
    /// advanced-index result), as NumPy makes them.
    pub fn new_like(
        slf: &Bound<'_, PyNdArray>,
        arr: NdArray,
        own: bool,
    ) -> PyResult<Py<PyNdArray>> {
        let py = slf.py();
        let plain = Self::wrap(py, arr, None)?;
        match Self::subtype(slf.as_any()) {
            None => Ok(plain),
            Some(t) => Ok(Self::as_subtype(&t, plain, Some(slf.as_any()), own)?.unbind()),
        }
    }

    /// The scalar of the item at `p` of the snapshot `cur` (a record item: a record scalar
    /// viewing it, whose base is `owner`, so the array counts as referenced).
    pub(crate) fn scalar_at<'py>(
        py: Python<'py>,
        cur: &NdArray,
        p: *const u8,
        owner: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let dt = cur.dtype();
        // SAFETY: p points at an item of this array.
        if let Some(x) = unsafe { super::families::scalar(py, dt, p) } {
            return x;
        }
        let Some(st) = dt.scalar_type() else {
            let off = (p as isize).wrapping_sub(cur.data_ptr() as isize);
            let view = cur.element_view(off)?;
            // The scalar names its item by an offset into its owner's memory: an owner that
            // does not hold `cur`'s memory is replaced by `cur` itself.
            let same = owner.cast::<PyNdArray>().is_ok_and(|o| {
                o.get()
                    .with_arr_in(py, |a| std::sync::Arc::ptr_eq(a.buffer(), cur.buffer()))
            });
            if !same {
                let own = PyNdArray::wrap(py, cur.clone(), None)?
                    .into_bound(py)
                    .into_any();
                return super::records::void_of_view(py, &own, &view);
            }
            return super::records::void_of_view(py, owner, &view);
        };
        // SAFETY: p points at an item of this array (callers index within bounds).
        let n = unsafe { read_num(p, dt) };
        num_to_scalar(py, n, st)
    }

    /// The number at `p`, an item of the snapshot `a`.
    fn item_num(a: &NdArray, p: *const u8) -> PyResult<Num> {
        if a.dtype().scalar_type().is_none() {
            return Err(PyTypeError::new_err(format!(
                "a {} item is not a number",
                crate::array::dtype_str(a.dtype())
            )));
        }
        // SAFETY: p points at an item of this numeric array.
        Ok(unsafe { read_num(p, a.dtype()) })
    }

    pub(crate) fn check_write(&self) -> PyResult<()> {
        if !self.is_writeable() {
            return Err(PyValueError::new_err("assignment destination is read-only"));
        }
        Ok(())
    }
}

/// Parse an `order=` argument.
pub fn parse_order(o: Option<&str>, default: Order) -> PyResult<Order> {
    Ok(Order::parse(o, default)?)
}

/// Extract a shape argument: an int or a sequence of ints.
pub fn extract_shape(obj: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    let signed: Vec<isize> = if let Ok(i) = obj.cast::<PyInt>() {
        vec![i
            .extract::<isize>()
            .map_err(|_| PyValueError::new_err("Maximum allowed dimension exceeded"))?]
    } else if let Ok(t) = obj.cast::<PyTuple>() {
        t.iter().map(|x| index_like(&x)).collect::<PyResult<_>>()?
    } else if let Ok(l) = obj.cast::<PyList>() {
        l.iter().map(|x| index_like(&x)).collect::<PyResult<_>>()?
    } else {
        vec![index_like(obj)?]
    };
    if signed.iter().any(|&d| d < 0) {
        return Err(PyValueError::new_err("negative dimensions are not allowed"));
    }
    if signed.len() > crate::array::MAXDIMS {
        return Err(PyValueError::new_err(format!(
            "maximum supported dimension for an ndarray is currently {}, found {}",
            crate::array::MAXDIMS,
            signed.len()
        )));
    }
    Ok(signed.into_iter().map(|d| d as usize).collect())
}

/// A requested shape that may hold one -1 (`reshape`, `a.shape = `): a tuple or list of
/// integers, or one integer.
fn requested_shape(obj: &Bound<'_, PyAny>) -> PyResult<Vec<isize>> {
    if let Ok(t) = obj.cast::<PyTuple>() {
        t.iter().map(|x| index_like(&x)).collect()
    } else if let Ok(l) = obj.cast::<PyList>() {
        l.iter().map(|x| index_like(&x)).collect()
    } else {
        Ok(vec![index_like(obj)?])
    }
}

fn index_like(obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    if let Ok(i) = obj.cast::<PyInt>() {
        return i
            .extract::<isize>()
            .map_err(|_| PyValueError::new_err("Maximum allowed dimension exceeded"));
    }
    match obj.call_method0("__index__") {
        Ok(i) => i.extract::<isize>(),
        Err(_) => Err(PyTypeError::new_err(format!(
            "'{}' object cannot be interpreted as an integer",
            obj.get_type().name()?
        ))),
    }
}

fn py_print<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("rumpy._print")?.getattr(name)
}

/// `a.fill(value)` on an array of any family: every item set to the Python value.
pub fn fill_array(a: &NdArray, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let v = if a.dtype().kind() == 'O' {
        // Objects: every item takes the value itself (a list too).
        let v = NdArray::zeros(&[], a.dtype(), Order::C)?;
        // SAFETY: v is a fresh 0-d object array.
        unsafe { super::object::store(v.data_ptr(), value) };
        v
    } else {
        element_value(value, a.dtype())?
    };
    if v.ndim() != 0 {
        return Err(sequence_into_element(a.dtype()));
    }
    super::errors::run_cast(value.py(), a.nbytes(), || a.fill_from(&v))
}

/// [`value_to_array`] for a value stored into every element of a view (slice assignment,
/// `fill`): NumPy's signed integer dtypes take a NumPy scalar there as a Python value
/// (`int(x)`, range-checked) rather than casting it.
pub fn element_value(value: &Bound<'_, PyAny>, dt: &DType) -> PyResult<NdArray> {
    if dt.kind() == 'i' {
        if let Ok(Some(PyScalar::Typed(n, _))) = classify_scalar(value) {
            let st = dt.scalar_type().expect("an integer dtype");
            let n = super::convert::settle_value(
                value.py(),
                n,
                super::convert::Origin::Scalar,
                st,
                &mut false,
            )?;
            return super::convert::scalar_array(&PyScalar::Typed(n, st), Some(dt));
        }
    }
    value_to_array(value, dt)
}

/// StringDType items point into rumpy's allocations: their memory is not handed out raw
/// (the attribute is absent, so NumPy asks `__array__`, which copies).
fn no_raw_strings(a: &NdArray) -> PyResult<()> {
    if crate::dtype::vstring::VString::of(a.dtype()).is_some() {
        return Err(pyo3::exceptions::PyAttributeError::new_err(
            "StringDType arrays have no raw memory interface",
        ));
    }
    Ok(())
}

/// Convert a value for storing into an array of dtype `dt` (NumPy's setitem conversion).
pub fn value_to_array(value: &Bound<'_, PyAny>, dt: &DType) -> PyResult<NdArray> {
    if dt.kind() == 'O' {
        // Objects: arrays as they are (cast on assignment), anything else as its objects.
        if let Ok(a) = value.cast::<PyNdArray>() {
            return Ok(a.get().array());
        }
        return super::object::from_nested(value);
    }
    if super::time::is_time(dt)
        || super::longdouble::is_extended(dt)
        || crate::dtype::vstring::VString::of(dt).is_some()
    {
        // Times, extended floats and StringDType take what such an array is made of; a list
        // is made in the target's dtype.
        return Ok(to_array(value, Some(dt))?.arr);
    }
    if super::text::is_text(dt) {
        // Text takes str, bytes and numbers as they are (the assignment casts them); a list
        // is made in the target's dtype.
        let list = value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok();
        if value.is_none() {
            // NumPy writes other objects as their str ('None').
            return Ok(to_array(value.str()?.as_any(), None)?.arr);
        }
        return Ok(to_array(value, list.then_some(dt))?.arr);
    }
    if dt.scalar_type().is_none() {
        // Records: arrays as they are, Python values converted field by field.
        if let Ok(a) = value.cast::<PyNdArray>() {
            return Ok(a.get().array());
        }
        if value.is_instance_of::<PyList>() {
            return super::records::records_from_nested(value, dt);
        }
        let tmp = NdArray::zeros(&[], dt, Order::C)?;
        super::records::assign_record(&tmp, value)?;
        return Ok(tmp);
    }
    if value.is_none() {
        // NumPy stores None as NaN in inexact arrays and False in bool arrays.
        let n = match dt.kind() {
            'f' | 'c' => Num::F(f64::NAN),
            'b' => Num::B(false),
            _ => return Err(PyTypeError::new_err("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")),
        };
        let a = NdArray::empty(&[], dt, Order::C)?;
        // SAFETY: one fresh item of dt.
        unsafe { write_num(a.data_ptr(), dt, n) };
        return Ok(a);
    }
    if value.cast::<pyo3::types::PyString>().is_ok() {
        let parsed = parse_string_value(value, dt)?;
        return value_to_array(&parsed, dt);
    }
    if value.cast::<PyNdArray>().is_ok() {
        return Ok(to_array(value, None)?.arr);
    }
    match classify_scalar(value) {
        Ok(Some(s)) => {
            return match s {
                PyScalar::Weak(..) => super::convert::scalar_array(&s, Some(dt)),
                PyScalar::Typed(..) => super::convert::scalar_array(&s, None),
            };
        }
        Ok(None) => {}
        // An int beyond 64 bits: a float for float targets, OverflowError for integers.
        Err(e) => {
            let Some(f) = super::convert::big_int(value)? else {
                return Err(e);
            };
            if dt.kind() == 'i' || dt.kind() == 'u' {
                // NumPy converts through a C long first.
                return Err(pyo3::exceptions::PyOverflowError::new_err(
                    "Python int too large to convert to C long",
                ));
            }
            let s = PyScalar::Weak(
                crate::dtype::Num::F(f),
                crate::dtype::promote::WeakKind::Float,
            );
            return super::convert::scalar_array(&s, Some(dt));
        }
    }
    let hint = if value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok() {
        Some(dt)
    } else {
        None
    };
    Ok(to_array(value, hint)?.arr)
}

/// A string stored into a numeric array goes through Python's own parser for the kind, as in
/// NumPy (`a[0] = '1.5'` on a float array).
pub fn parse_string_value<'py>(
    value: &Bound<'py, PyAny>,
    dt: &DType,
) -> PyResult<Bound<'py, PyAny>> {
    let b = value.py().import("builtins")?;
    let f = match dt.kind() {
        'b' => "bool",
        'i' | 'u' => "int",
        'c' => "complex",
        _ => "float",
    };
    b.getattr(f)?.call1((value,))
}

fn tolist_rec<'py>(
    py: Python<'py>,
    a: &NdArray,
    p: *const u8,
    axis: usize,
    flat: Option<&[(usize, DType)]>,
) -> PyResult<Bound<'py, PyAny>> {
    if axis + 1 == a.ndim() && flat.is_none() {
        if a.dtype().kind() == 'O' {
            // The last axis of objects: the references themselves, one loop.
            let s = a.strides()[axis];
            return super::convert::list_of(py, a.shape()[axis], |i| {
                // SAFETY: item i of the line lies inside the array.
                Ok(unsafe { super::object::item(py, p.wrapping_offset(i as isize * s)) })
            });
        }
        if a.dtype().scalar_type().is_some() {
            // The last axis of numbers: one loop, no per-item look at the dtype's family.
            let (s, dt) = (a.strides()[axis], a.dtype());
            return super::convert::list_of(py, a.shape()[axis], |i| {
                // SAFETY: item i of the line lies inside the array, a numeric one.
                num_to_py(py, unsafe {
                    read_num(p.wrapping_offset(i as isize * s), dt)
                })
            });
        }
        if let Some(d) = crate::dtype::text::TextDesc::of(a.dtype()) {
            // The last axis of text: one loop, the descriptor read once.
            let s = a.strides()[axis];
            return super::convert::list_of(py, a.shape()[axis], |i| {
                // SAFETY: item i of the line lies inside the array.
                unsafe { super::text::item_to_py(py, d, p.wrapping_offset(i as isize * s)) }
            });
        }
    }
    if axis == a.ndim() {
        if let Some(flat) = flat {
            // SAFETY: the walk hands whole items of the array's (record) dtype.
            return unsafe { super::records::flat_item(py, p, flat) };
        }
        // SAFETY: p is an item of `a`.
        if let Some(x) = unsafe { super::families::item(py, a.dtype(), p) } {
            return x;
        }
        if a.dtype().scalar_type().is_none() {
            let off = (p as usize).wrapping_sub(a.data_ptr() as usize) as isize;
            return super::records::item_to_py(py, &a.element_view(off)?);
        }
        // SAFETY: p is an item of `a`, a numeric array.
        return num_to_py(py, unsafe { read_num(p, a.dtype()) });
    }
    let s = a.strides()[axis];
    super::convert::list_of(py, a.shape()[axis], |i| {
        tolist_rec(py, a, p.wrapping_offset(i as isize * s), axis + 1, flat)
    })
}

#[pymethods]
impl PyNdArray {
    #[new]
    #[pyo3(signature = (shape, dtype=None, buffer=None, offset=0, strides=None, order=None, *, _view=None, _own=false))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        py: Python<'_>,
        shape: &Bound<'_, PyAny>,
        dtype: Option<&Bound<'_, PyAny>>,
        buffer: Option<&Bound<'_, PyAny>>,
        offset: usize,
        strides: Option<&Bound<'_, PyAny>>,
        order: Option<&str>,
        _view: Option<&Bound<'_, PyNdArray>>,
        _own: bool,
    ) -> PyResult<PyNdArray> {
        let strides: Option<Vec<isize>> = match strides {
            Some(s) if !s.is_none() => Some(
                s.try_iter()?
                    .map(|x| index_like(&x?))
                    .collect::<PyResult<_>>()?,
            ),
            _ => None,
        };
        if let Some(v) = _view {
            // An instance of a subclass (`recarray`) viewing the same memory as `v`; with
            // `_own`, taking over `v`'s array and base (`v` is a fresh result, dropped after).
            let this = v.get();
            let base = if _own {
                this.base.as_ref().map(|b| b.clone_ref(py))
            } else {
                Some(v.clone().into_any().unbind())
            };
            let o = Self::new_obj(this.cur(), base);
            o.writeable.store(this.is_writeable(), Ordering::Relaxed);
            return Ok(o);
        }
        let shape = extract_shape(shape)?;
        let dt = match dtype {
            Some(d) => to_dtype(d)?,
            None => crate::dtype::ScalarType::Float64.dtype(),
        };
        let order = parse_order(order, Order::C)?;
        match buffer {
            None => {
                let a = NdArray::empty(&shape, &dt, order)?;
                Ok(Self::new_obj(a, None))
            }
            Some(b) => {
                super::object::refuse_from_bytes(&dt)?;
                // The object's memory: its buffer (bytes too, not as a text scalar).
                let mem = match b.cast::<PyNdArray>() {
                    Ok(_) => to_array(b, None)?.arr,
                    Err(_) => match super::interop::from_foreign(b)? {
                        Some((a, _)) => a,
                        None => to_array(b, None)?.arr,
                    },
                };
                let flat = mem.view_dtype(&crate::dtype::ScalarType::UInt8.dtype())?;
                if strides.is_none() {
                    let nbytes = shape
                        .iter()
                        .try_fold(dt.itemsize(), |acc, &n| acc.checked_mul(n))
                        .filter(|&n| n <= isize::MAX as usize)
                        .ok_or_else(|| {
                            PyValueError::new_err(
                                "array is too big; `arr.size * arr.dtype.itemsize` is larger \
                                 than the maximum possible size.",
                            )
                        })?;
                    if nbytes
                        .checked_add(offset)
                        .is_none_or(|end| end > flat.size())
                    {
                        return Err(PyTypeError::new_err(
                            "buffer is too small for requested array",
                        ));
                    }
                }
                let strides = match strides {
                    Some(s) => s.into_iter().collect(),
                    None => match order {
                        Order::F => crate::array::f_strides(&shape, dt.itemsize()),
                        _ => crate::array::c_strides(&shape, dt.itemsize()),
                    },
                };
                let start = flat.offset().checked_add(offset).ok_or_else(|| {
                    PyValueError::new_err("offset is out of bounds for the buffer")
                })?;
                let arr = NdArray::from_parts(
                    flat.buffer().clone(),
                    start,
                    shape.into_iter().collect(),
                    strides,
                    dt,
                    flat.is_writeable(),
                )?;
                let _ = py;
                Ok(Self::new_obj(arr, Some(b.clone().unbind())))
            }
        }
    }

    // ----- attributes -----
    #[getter]
    fn shape<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.with_arr_in(py, |a| Dims::from_slice(a.shape())))
    }

    /// `a.shape = new`: reshape in place when the memory allows a view (NumPy's rule), else
    /// AttributeError. Views taken before keep their own shape.
    #[setter]
    /// (Deleting the attribute is pyo3's AttributeError.)
    fn set_shape(&self, v: &Bound<'_, PyAny>) -> PyResult<()> {
        if v.is_none() {
            return Err(PyTypeError::new_err("Use () not None as shape arguments"));
        }
        let cur = self.cur();
        let new = crate::array::shape::resolve_shape(&requested_shape(v)?, cur.size())?;
        let view = cur.reshaped_in_place(&new).ok_or_else(|| {
            PyAttributeError::new_err(
                "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.",
            )
        })?;
        Python::attach(|py| self.cell.replace(py, view))?;
        Ok(())
    }
    #[getter]
    fn ndim(&self, py: Python<'_>) -> usize {
        self.with_arr_in(py, |a| a.ndim())
    }
    #[getter]
    fn size(&self, py: Python<'_>) -> usize {
        self.with_arr_in(py, |a| a.size())
    }
    #[getter]
    fn dtype(&self, py: Python<'_>) -> PyResult<Py<PyDType>> {
        if let Some(d) = self.dtype_obj.get(py) {
            return Ok(d.clone_ref(py));
        }
        let d = PyDType::wrap(py, self.cur().dtype().clone())?;
        let _ = self.dtype_obj.set(py, d.clone_ref(py));
        Ok(d)
    }
    #[getter]
    fn strides<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(
            py,
            self.with_arr_in(py, |a| Strides::from_slice(a.strides())),
        )
    }
    #[getter]
    fn itemsize(&self, py: Python<'_>) -> usize {
        self.with_arr_in(py, |a| a.itemsize())
    }
    #[getter]
    fn nbytes(&self, py: Python<'_>) -> usize {
        self.with_arr_in(py, |a| a.nbytes())
    }
    #[getter]
    fn flags(slf: &Bound<'_, Self>) -> PyFlags {
        PyFlags {
            arr: slf.clone().unbind(),
        }
    }
    #[getter]
    fn base(&self, py: Python<'_>) -> Py<PyAny> {
        match &self.base {
            Some(b) => b.clone_ref(py),
            None => py.None(),
        }
    }
    #[getter(T)]
    fn t(slf: &Bound<'_, Self>) -> PyResult<Py<PyNdArray>> {
        let v = slf.get().with_arr_in(slf.py(), NdArray::reversed_axes);
        Self::view_of(slf, v)
    }
    #[getter(mT)]
    fn m_t(slf: &Bound<'_, Self>) -> PyResult<Py<PyNdArray>> {
        let nd = slf.get().with_arr(|a| a.ndim());
        if nd < 2 {
            return Err(PyValueError::new_err(
                "matrix transpose with ndim < 2 is undefined",
            ));
        }
        let v = slf.get().cur().swapaxes(-1, -2)?;
        Self::view_of(slf, v)
    }
    #[getter]
    fn real(slf: &Bound<'_, Self>) -> PyResult<Py<PyNdArray>> {
        let a = &slf.get().cur();
        match complex_part(a.dtype()) {
            Some(pdt) => {
                let v = a.view_with(a.offset(), a.shape().into(), a.strides().into(), pdt)?;
                Self::view_of(slf, v)
            }
            None => Ok(slf.clone().unbind()),
        }
    }
    #[getter]
    fn imag(slf: &Bound<'_, Self>) -> PyResult<Py<PyNdArray>> {
        let py = slf.py();
        let a = &slf.get().cur();
        match complex_part(a.dtype()) {
            Some(pdt) => {
                let off = a.offset() + pdt.itemsize();
                let v = a.view_with(off, a.shape().into(), a.strides().into(), pdt)?;
                Self::view_of(slf, v)
            }
            None => {
                let mut z = a.empty_like(a.dtype(), Order::K)?;
                // Zero of the dtype: an int 0 for objects and text ('0'), NumPy's.
                let zero = if a.dtype().scalar_type().is_some() || a.dtype().fields().is_some() {
                    NdArray::zeros(&[], a.dtype(), Order::C)?
                } else {
                    crate::dispatch::exec::scalar_to_array(
                        crate::dtype::Num::I(0),
                        crate::dtype::ScalarType::Int64,
                    )?
                };
                z.assign(&zero)?;
                z.set_writeable(false)?;
                Self::wrap(py, z, None)
            }
        }
    }
    /// `a.real = v`: assigns through the real view (the whole array when not complex).
    #[setter]
    fn set_real(slf: &Bound<'_, Self>, v: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = slf.py();
        Self::real(slf)?
            .bind(py)
            .set_item(pyo3::types::PyEllipsis::get(py), v)
    }
    /// `a.imag = v`: assigns through the imaginary view; NumPy's TypeError when not complex.
    #[setter]
    fn set_imag(slf: &Bound<'_, Self>, v: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = slf.py();
        if complex_part(slf.get().cur().dtype()).is_none() {
            return Err(PyTypeError::new_err(
                "array does not have imaginary part to set",
            ));
        }
        Self::imag(slf)?
            .bind(py)
            .set_item(pyo3::types::PyEllipsis::get(py), v)
    }
    #[getter]
    fn __array_interface__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        no_raw_strings(&self.cur())?;
        self.raw_exported.store(true, Ordering::Relaxed);
        super::interop::array_interface(py, &self.cur(), self.is_writeable())
    }
    #[getter]
    fn __array_struct__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        no_raw_strings(&self.cur())?;
        self.raw_exported.store(true, Ordering::Relaxed);
        super::interop::array_struct(py, &self.cur(), self.is_writeable())
    }
    #[getter]
    fn __array_priority__(&self) -> f64 {
        0.0
    }
    #[getter]
    fn data<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("builtins")?
            .getattr("memoryview")?
            .call1((slf,))
    }

    // ----- copies and conversions -----
    /// Return a copy of the array with its own data.
    ///
    /// Parameters
    /// ----------
    /// order : {'C', 'F', 'A', 'K'}, optional
    ///     Memory layout of the copy: row-major ('C', the default), column-major ('F'),
    ///     'F' only when the array is Fortran contiguous ('A'), or as close to the
    ///     array's own layout as possible ('K').
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A new array with the same shape, dtype and values.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.array([[1, 2, 3], [4, 5, 6]])
    /// >>> b = a.copy()
    /// >>> b[0, 0] = 9
    /// >>> a
    /// array([[1, 2, 3],
    ///        [4, 5, 6]])
    #[pyo3(signature = (order="C"))]
    fn copy(slf: &Bound<'_, Self>, order: &str) -> PyResult<Py<PyNdArray>> {
        let o = parse_order(Some(order), Order::C)?;
        let a = &slf.get().cur();
        let c = super::errors::run_detached(slf.py(), a.nbytes(), || a.copy(o))?;
        Self::new_like(slf, c, true)
    }

    /// Called on every new view or result of a subclass with the array it came from (NumPy's
    /// hook; the base class does nothing).
    fn __array_finalize__(&self, obj: Option<&Bound<'_, PyAny>>) {
        let _ = obj;
    }

    /// A view of `array` with the type of `self` (NumPy's default); a 0-d result of a plain
    /// ndarray is returned as a scalar when `return_scalar`.
    #[pyo3(signature = (array, context=None, return_scalar=false))]
    fn __array_wrap__<'py>(
        slf: &Bound<'py, Self>,
        array: &Bound<'py, PyAny>,
        context: Option<&Bound<'py, PyAny>>,
        return_scalar: bool,
    ) -> PyResult<Py<PyAny>> {
        let _ = context;
        let py = slf.py();
        let Ok(array) = array.cast::<PyNdArray>() else {
            // Another library's result (NumPy wrapping its own ufunc's output): as it is.
            let zero_d = array
                .getattr("ndim")
                .is_ok_and(|d| d.eq(0).unwrap_or(false));
            if return_scalar && zero_d {
                return Ok(array.get_item(PyTuple::empty(py))?.unbind());
            }
            return Ok(array.clone().unbind());
        };
        match Self::subtype(slf.as_any()) {
            Some(t) if !array.get_type().is(&t) => {
                // NumPy finalizes the new view with `self`.
                let v = Self::view_as(array, array.get().cur(), Some(&t), slf.as_any())?;
                Ok(v.into_any())
            }
            Some(_) => Ok(array.clone().into_any().unbind()),
            None if return_scalar && array.get().with_arr(|a| a.ndim()) == 0 => {
                Ok(array.as_any().get_item(PyTuple::empty(py))?.unbind())
            }
            // A base-class ndarray, whatever the class of `array`.
            None if Self::subtype(array.as_any()).is_some() => {
                Ok(Self::plain_view_of(array, array.get().cur())?.into_any())
            }
            None => Ok(array.clone().into_any().unbind()),
        }
    }

    /// Return the array cast to another data type.
    ///
    /// Parameters
    /// ----------
    /// dtype : str or dtype
    ///     Data type of the result.
    /// order : {'C', 'F', 'A', 'K'}, optional
    ///     Memory layout of the result; the default 'K' follows the array's own layout.
    /// casting : {'no', 'equiv', 'safe', 'same_kind', 'unsafe'}, optional
    ///     Which conversions are allowed; the default 'unsafe' permits any of them.
    /// subok : bool, optional
    ///     If True (the default), a subclass instance keeps its class; otherwise the
    ///     result is a base-class ndarray.
    /// copy : bool, optional
    ///     If False, the array itself is returned when dtype and order already match.
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     The converted array.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> rp.array([1.5, 2.7, -3.2]).astype(int)
    /// array([ 1,  2, -3])
    #[pyo3(signature = (dtype, order="K", casting="unsafe", subok=true, copy=true))]
    fn astype(
        slf: &Bound<'_, Self>,
        dtype: &Bound<'_, PyAny>,
        order: &str,
        casting: &str,
        subok: bool,
        copy: bool,
    ) -> PyResult<Py<PyNdArray>> {
        let py = slf.py();
        let this = slf.get();
        let mut dt = to_dtype(dtype)?;
        let casting = Casting::parse(casting)?;
        NdArray::check_cast(this.cur().dtype(), &dt, casting)?;
        if this.cur().dtype().kind() == 'O' {
            dt = super::object::sized_text(py, &this.cur(), dt)?;
        }
        if matches!(this.cur().dtype().kind(), 'U' | 'S' | 'O') {
            dt = super::time::discovered(&this.cur(), &dt)?;
        }
        let o = parse_order(Some(order), Order::K)?;
        if !copy && this.cur().dtype() == &dt {
            let ok = match o {
                Order::C => this.with_arr(|a| a.is_c_contiguous()),
                Order::F => this.with_arr(|a| a.is_f_contiguous()),
                Order::A => this.with_arr(|a| a.is_c_contiguous() || a.is_f_contiguous()),
                Order::K => true,
            };
            if ok {
                return Ok(slf.clone().unbind());
            }
        }
        let a = &this.cur();
        warn_complex_to_real(py, a.dtype(), &dt)?;
        let c = super::errors::run_cast(py, a.nbytes(), || a.astype(&dt, o))?;
        if subok {
            Self::new_like(slf, c, true)
        } else {
            Self::wrap(py, c, None)
        }
    }

    /// Return the same data arranged in a new shape.
    ///
    /// Parameters
    /// ----------
    /// *shape : int or tuple of ints
    ///     The new shape, as one tuple or as separate integers; one entry may be -1,
    ///     which is inferred from the array's size.
    /// order : {'C', 'F', 'A'}, optional
    ///     Order in which elements are read and placed; 'C' (the default) is row-major.
    /// copy : bool, optional
    ///     True always copies; False raises ValueError if a view is impossible; None (the
    ///     default) copies only when needed.
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A view of the array when possible, otherwise a copy.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> rp.arange(6).reshape(2, 3)
    /// array([[0, 1, 2],
    ///        [3, 4, 5]])
    #[pyo3(signature = (*shape, order="C", copy=None))]
    fn reshape(
        slf: &Bound<'_, Self>,
        shape: &Bound<'_, PyTuple>,
        order: &str,
        copy: Option<bool>,
    ) -> PyResult<Py<PyNdArray>> {
        let py = slf.py();
        let req = if shape.len() == 1 {
            requested_shape(&shape.get_item(0)?)?
        } else {
            requested_shape(shape.as_any())?
        };
        let o = parse_order(Some(order), Order::C)?;
        let this = slf.get();
        let cur = this.cur();
        let r = cur.reshape(&req, o)?;
        let shares = std::sync::Arc::ptr_eq(r.buffer(), cur.buffer());
        if shares {
            if copy == Some(true) {
                return Self::wrap(py, r.copy(o)?, None);
            }
            Self::view_of(slf, r)
        } else {
            if copy == Some(false) {
                return Err(PyValueError::new_err(
                    "Unable to avoid creating a copy while reshaping.",
                ));
            }
            Self::wrap(py, r, None)
        }
    }

    /// Return the array as one dimension, as a view when possible.
    ///
    /// Parameters
    /// ----------
    /// order : {'C', 'F', 'A', 'K'}, optional
    ///     Order in which elements are read; 'C' (the default) is row-major, 'F' is
    ///     column-major.
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A 1-d array holding all the elements; it shares memory with the array when
    ///     the layout allows.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.array([[1, 2, 3], [4, 5, 6]])
    /// >>> a.ravel()
    /// array([1, 2, 3, 4, 5, 6])
    /// >>> a.ravel(order='F')
    /// array([1, 4, 2, 5, 3, 6])
    #[pyo3(signature = (order="C"))]
    fn ravel(slf: &Bound<'_, Self>, order: &str) -> PyResult<Py<PyNdArray>> {
        let o = parse_order(Some(order), Order::C)?;
        let this = slf.get();
        let r = this.cur().ravel(o)?;
        if std::sync::Arc::ptr_eq(r.buffer(), this.cur().buffer()) {
            Self::view_of(slf, r)
        } else {
            // a copy keeps a subclass's class, as NumPy's
            Self::new_like(slf, r, true)
        }
    }

    /// Return a one-dimensional copy of the array.
    ///
    /// Parameters
    /// ----------
    /// order : {'C', 'F', 'A', 'K'}, optional
    ///     Order in which elements are read; 'C' (the default) is row-major, 'F' is
    ///     column-major.
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A new 1-d array; unlike ``ravel``, it never shares memory with the array.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.array([[1, 2, 3], [4, 5, 6]])
    /// >>> a.flatten()
    /// array([1, 2, 3, 4, 5, 6])
    /// >>> a.flatten(order='F')
    /// array([1, 4, 2, 5, 3, 6])
    #[pyo3(signature = (order="C"))]
    fn flatten(slf: &Bound<'_, Self>, order: &str) -> PyResult<Py<PyNdArray>> {
        let o = parse_order(Some(order), Order::C)?;
        Self::new_like(slf, slf.get().cur().flatten(o)?, true)
    }

    /// Return a view of the array with its axes permuted.
    ///
    /// Parameters
    /// ----------
    /// *axes : None, tuple of ints, or ints, optional
    ///     The new order of the axes, as one tuple or as separate integers. With no
    ///     argument or None, the axes are reversed.
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A view of the array with the axes rearranged.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.array([[1, 2, 3], [4, 5, 6]])
    /// >>> a.transpose()
    /// array([[1, 4],
    ///        [2, 5],
    ///        [3, 6]])
    /// >>> rp.zeros((2, 3, 4)).transpose(2, 0, 1).shape
    /// (4, 2, 3)
    #[pyo3(signature = (*axes))]
    fn transpose(slf: &Bound<'_, Self>, axes: &Bound<'_, PyTuple>) -> PyResult<Py<PyNdArray>> {
        let this = slf.get();
        let nd = this.with_arr(|a| a.ndim());
        let list: Option<Vec<isize>> = if axes.is_empty() {
            None
        } else if axes.len() == 1 {
            let a = axes.get_item(0)?;
            if a.is_none() {
                None
            } else if let Ok(i) = a.extract::<isize>() {
                Some(vec![i])
            } else {
                Some(a.extract::<Vec<isize>>()?)
            }
        } else {
            Some(axes.extract::<Vec<isize>>()?)
        };
        let v = match list {
            None => this.cur().transpose(None)?,
            Some(l) => {
                if l.len() != nd {
                    return Err(PyValueError::new_err("axes don't match array"));
                }
                let norm: Vec<usize> = l
                    .iter()
                    .map(|&a| NdArray::normalize_axis(a, nd))
                    .collect::<crate::Result<_>>()?;
                this.cur().transpose(Some(&norm))?
            }
        };
        Self::view_of(slf, v)
    }

    /// Return a view of the array with two axes exchanged.
    ///
    /// Parameters
    /// ----------
    /// axis1, axis2 : int
    ///     The two axes to swap; negative values count from the end.
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A view of the array.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.array([[1, 2, 3], [4, 5, 6]])
    /// >>> a.swapaxes(0, 1)
    /// array([[1, 4],
    ///        [2, 5],
    ///        [3, 6]])
    fn swapaxes(slf: &Bound<'_, Self>, axis1: isize, axis2: isize) -> PyResult<Py<PyNdArray>> {
        let v = slf.get().cur().swapaxes(axis1, axis2)?;
        Self::view_of(slf, v)
    }

    /// Return specified diagonals.
    ///
    /// Parameters
    /// ----------
    /// offset : int, optional
    ///     Offset of the diagonal from the main one: positive above it, negative below.
    ///     Default 0.
    /// axis1, axis2 : int, optional
    ///     The axes of the 2-d sections whose diagonals are taken (default 0 and 1).
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A read-only view: ``axis1`` and ``axis2`` are removed and a last axis, along the
    ///     diagonal, is appended.
    ///
    /// See Also
    /// --------
    /// rumpy.diagonal : equivalent function
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> rp.arange(9).reshape(3, 3).diagonal()
    /// array([0, 4, 8])
    /// >>> rp.arange(9).reshape(3, 3).diagonal(1)
    /// array([1, 5])
    // (C ints, as NumPy parses them: larger values raise OverflowError.)
    #[pyo3(signature = (offset=0, axis1=0, axis2=1))]
    fn diagonal(
        slf: &Bound<'_, Self>,
        offset: i32,
        axis1: i32,
        axis2: i32,
    ) -> PyResult<Py<PyNdArray>> {
        let mut v = slf
            .get()
            .cur()
            .diagonal(offset as isize, axis1 as isize, axis2 as isize)?;
        v.set_writeable(false)?;
        Self::view_of(slf, v)
    }

    /// Return a view of the array without axes of length one.
    ///
    /// Parameters
    /// ----------
    /// axis : None or int or tuple of ints, optional
    ///     Only the given axes are removed; each must have length one. None (the default)
    ///     removes every axis of length one.
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A view of the array with fewer dimensions.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.zeros((1, 3, 1))
    /// >>> a.squeeze().shape
    /// (3,)
    /// >>> a.squeeze(axis=0).shape
    /// (3, 1)
    #[pyo3(signature = (axis=None))]
    fn squeeze(slf: &Bound<'_, Self>, axis: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyNdArray>> {
        let axes: Option<Vec<isize>> = match axis {
            None => None,
            Some(a) if a.is_none() => None,
            Some(a) => Some(if let Ok(i) = a.extract::<isize>() {
                vec![i]
            } else {
                a.extract()?
            }),
        };
        let v = slf.get().cur().squeeze(axes.as_deref())?;
        Self::view_of(slf, v)
    }

    /// Return a new array object that looks at the same memory.
    ///
    /// Parameters
    /// ----------
    /// dtype : dtype or ndarray subclass, optional
    ///     Data type through which the memory is read; the same bytes are reinterpreted,
    ///     not converted. A subclass of ndarray given here is taken as ``type``.
    /// type : ndarray subclass, optional
    ///     Class of the returned view; by default the array's own class.
    ///
    /// Returns
    /// -------
    /// ndarray
    ///     A view sharing the array's data.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.array([1, 2, 3])
    /// >>> v = a.view()
    /// >>> v[0] = 9
    /// >>> a
    /// array([9, 2, 3])
    /// >>> rp.array([-1, 2], dtype='int8').view('uint8')
    /// array([255,   2], dtype=uint8)
    #[pyo3(signature = (dtype=None, r#type=None))]
    fn view(
        slf: &Bound<'_, Self>,
        dtype: Option<&Bound<'_, PyAny>>,
        r#type: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let this = slf.get();
        let (dtype, r#type) = match dtype {
            Some(d)
                if d.cast::<PyType>()
                    .is_ok_and(|t| t.is_subclass_of::<PyNdArray>().unwrap_or(false)) =>
            {
                (None, Some(d))
            }
            _ => (dtype, r#type),
        };
        let v = match dtype {
            None => this.with_arr_in(py, NdArray::same_view),
            Some(d) => this.cur().view_dtype(&to_dtype(d)?)?,
        };
        match r#type {
            None => Ok(Self::view_of(slf, v)?.into_any()),
            Some(t) if t.is(py.get_type::<PyNdArray>()) => {
                Ok(Self::plain_view_of(slf, v)?.into_any())
            }
            Some(t) => {
                let bad = || PyValueError::new_err("Type must be a sub-type of ndarray type");
                let t = t.cast::<PyType>().map_err(|_| bad())?;
                if !t.is_subclass_of::<PyNdArray>()? {
                    return Err(bad());
                }
                Ok(Self::view_as(slf, v, Some(t), slf.as_any())?.into_any())
            }
        }
    }

    /// Set every element of the array to one value, in place.
    ///
    /// Parameters
    /// ----------
    /// value : scalar
    ///     The value to store; it is converted to the array's dtype.
    ///
    /// Returns
    /// -------
    /// None
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.zeros(3)
    /// >>> a.fill(7)
    /// >>> a
    /// array([7., 7., 7.])
    fn fill(&self, value: &Bound<'_, PyAny>) -> PyResult<()> {
        self.check_write()?;
        fill_array(&self.array(), value)
    }

    /// Return one element of the array as a Python scalar.
    ///
    /// Parameters
    /// ----------
    /// *args : int or tuple of ints, optional
    ///     No argument: the array must have exactly one element. One integer: a position
    ///     in the flattened array. A tuple or several integers: an index per dimension.
    ///
    /// Returns
    /// -------
    /// scalar
    ///     The element as a built-in Python object (int, float, complex, ...).
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.array([[1, 2, 3], [4, 5, 6]])
    /// >>> a.item(4)
    /// 5
    /// >>> a.item(1, 0)
    /// 4
    /// >>> rp.array([2.5]).item()
    /// 2.5
    #[pyo3(signature = (*args))]
    fn item<'py>(
        &self,
        py: Python<'py>,
        args: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let a = &self.cur();
        let p = if args.is_empty() {
            if a.size() != 1 {
                return Err(PyValueError::new_err(
                    "can only convert an array of size 1 to a Python scalar",
                ));
            }
            a.data_ptr() as *const u8
        } else if args.len() == 1 && args.get_item(0)?.cast::<PyTuple>().is_err() {
            let i: isize = args.get_item(0)?.extract()?;
            let n = a.size() as isize;
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(PyIndexError::new_err(format!(
                    "index {} is out of bounds for size {}",
                    i, n
                )));
            }
            a.data_ptr().wrapping_offset(a.flat_offset(j as usize)) as *const u8
        } else {
            let idx: Vec<isize> = if args.len() == 1 {
                args.get_item(0)?.extract()?
            } else {
                args.extract()?
            };
            if idx.len() != a.ndim() {
                return Err(PyValueError::new_err(
                    "incorrect number of indices for array",
                ));
            }
            let items: Vec<crate::array::IndexItem> =
                idx.into_iter().map(crate::array::IndexItem::Int).collect();
            a.index(&items)?.view.data_ptr()
        };
        if a.dtype().scalar_type().is_none() {
            let off = (p as usize).wrapping_sub(a.data_ptr() as usize) as isize;
            return super::records::item_to_py(py, &a.element_view(off)?);
        }
        num_to_py(py, Self::item_num(a, p)?)
    }

    /// Return the array as nested Python lists.
    ///
    /// Elements are converted to the nearest built-in Python type. A 0-d array gives a
    /// bare Python scalar.
    ///
    /// Returns
    /// -------
    /// list or scalar
    ///     Lists nested as deep as the array has dimensions.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> rp.array([[1, 2, 3], [4, 5, 6]]).tolist()
    /// [[1, 2, 3], [4, 5, 6]]
    /// >>> rp.array(5).tolist()
    /// 5
    fn tolist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let a = self.cur();
        let flat = super::records::flat_fields(a.dtype());
        tolist_rec(py, &a, a.data_ptr(), 0, flat.as_deref())
    }

    /// Return the raw bytes of the array's data.
    ///
    /// Parameters
    /// ----------
    /// order : {'C', 'F'}, optional
    ///     Order in which the elements are laid out in the result: row-major ('C', the
    ///     default) or column-major ('F').
    ///
    /// Returns
    /// -------
    /// bytes
    ///     The elements' memory, one after another, in the array's dtype.
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> rp.array([65, 66, 67], dtype='uint8').tobytes()
    /// b'ABC'
    /// >>> rp.array([[65, 66], [67, 68]], dtype='uint8').tobytes(order='F')
    /// b'ACBD'
    #[pyo3(signature = (order="C"))]
    fn tobytes<'py>(&self, py: Python<'py>, order: &str) -> PyResult<Bound<'py, PyBytes>> {
        let o = parse_order(Some(order), Order::C)?;
        let c = if (o == Order::C && self.with_arr(|a| a.is_c_contiguous()))
            || (o == Order::F && self.with_arr(|a| a.is_f_contiguous()))
        {
            self.cur()
        } else {
            self.cur()
                .copy(if o == Order::F { Order::F } else { Order::C })?
        };
        // SAFETY: c is contiguous with nbytes bytes starting at data_ptr.
        let bytes = unsafe { std::slice::from_raw_parts(c.data_ptr(), c.nbytes()) };
        super::convert::new_bytes(py, bytes)
    }

    /// A field of a 0-d record array as a record scalar's `__getitem__` gives it: a number
    /// for a number field, a record scalar for a nested record, an array view for a subarray.
    fn _item_field<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let this = slf.get();
        let cur = this.cur();
        let Some(v) = field_key(&cur, key)? else {
            return Err(PyIndexError::new_err("invalid index"));
        };
        if v.ndim() == 0 {
            // SAFETY: v is one item of the field inside this array.
            if let Some(x) = unsafe { super::families::scalar(py, v.dtype(), v.data_ptr()) } {
                return x;
            }
            if let Some(st) = v.dtype().scalar_type() {
                // SAFETY: v is one item of the field's dtype inside this array.
                let n = unsafe { read_num(v.data_ptr(), v.dtype()) };
                return num_to_scalar(py, n, st);
            }
            if v.dtype().fields().is_some() {
                let mut v = v;
                if !this.is_writeable() {
                    let _ = v.set_writeable(false);
                }
                return super::records::void_of_view(py, slf.as_any(), &v);
            }
        }
        Ok(Self::view_of(slf, v)?.into_bound(py).into_any())
    }

    /// `a.resize(new_shape, refcheck=True)`: in place, for an array that owns its memory and
    /// is one segment; the items keep their memory order, new ones are zero.
    #[pyo3(signature = (*new_shape, refcheck=true))]
    fn resize(
        slf: &Bound<'_, Self>,
        new_shape: &Bound<'_, PyTuple>,
        refcheck: bool,
    ) -> PyResult<()> {
        let shape = match new_shape.len() {
            0 => return Ok(()),
            1 if new_shape.get_item(0)?.is_none() => return Ok(()),
            1 => extract_shape(&new_shape.get_item(0)?),
            _ => extract_shape(new_shape.as_any()),
        }
        .map_err(|e| {
            if e.to_string().contains("negative dimensions") {
                PyValueError::new_err("negative dimensions not allowed")
            } else {
                e
            }
        })?;
        let this = slf.get();
        let cur = this.cur();
        if this.base.is_some() || !cur.flags().owndata {
            return Err(PyValueError::new_err(
                "cannot resize this array: it does not own its data",
            ));
        }
        if !(cur.is_c_contiguous() || cur.is_f_contiguous()) {
            return Err(PyValueError::new_err(
                "resize only works on single-segment arrays",
            ));
        }
        // The caller's reference and the method call's own: any more is another holder.
        // SAFETY: slf is a live object.
        if this.exports.load(Ordering::Acquire) > 0 {
            return Err(pyo3::exceptions::PyBufferError::new_err(
                "cannot resize an array that is exporting its buffer (a memoryview or an array made from one is alive)",
            ));
        }
        if refcheck && unsafe { ffi::Py_REFCNT(slf.as_ptr()) } > 2 {
            return Err(PyValueError::new_err(
                "cannot resize an array that references or is referenced\nby another object in this way.\nUse the np.resize function to get a new resized copy or\n set refcheck=False to disable this check",
            ));
        }
        let order = if cur.is_f_contiguous() && !cur.is_c_contiguous() {
            Order::F
        } else {
            Order::C
        };
        if cur.dtype().flags().holds_refs {
            return Err(pyo3::exceptions::PyNotImplementedError::new_err(
                "resize of an array whose items hold references",
            ));
        }
        let new = NdArray::zeros(&shape, cur.dtype(), order)?;
        let n = cur.nbytes().min(new.nbytes());
        // SAFETY: both are single segments of at least n bytes, in different buffers.
        unsafe { std::ptr::copy_nonoverlapping(cur.data_ptr(), new.data_ptr(), n) };
        let old = Python::attach(|py| this.cell.replace(py, new))?;
        if this.raw_exported.load(Ordering::Relaxed) {
            this.retired
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(old);
        }
        Ok(())
    }

    /// Change the array's flags in place.
    ///
    /// Parameters
    /// ----------
    /// write : bool, optional
    ///     Whether the array may be written to. Setting it back to True fails when the
    ///     data cannot be made writeable.
    /// align : bool, optional
    ///     Accepted for compatibility; it has no effect.
    /// uic : bool, optional
    ///     Accepted for compatibility; it has no effect.
    ///
    /// Returns
    /// -------
    /// None
    ///
    /// Examples
    /// --------
    /// >>> import rumpy as rp
    /// >>> a = rp.array([1, 2, 3])
    /// >>> a.setflags(write=False)
    /// >>> a.flags.writeable
    /// False
    #[pyo3(signature = (write=None, align=None, uic=None))]
    fn setflags(
        &self,
        write: Option<bool>,
        align: Option<bool>,
        uic: Option<bool>,
    ) -> PyResult<()> {
        let _ = (align, uic);
        if let Some(w) = write {
            self.set_writeable_flag(w)?;
        }
        Ok(())
    }

    // ----- protocol methods -----
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        match self.with_arr_in(py, |a| a.shape().first().copied()) {
            Some(n) => Ok(n),
            None => Err(PyTypeError::new_err("len() of unsized object")),
        }
    }

    fn __iter__(slf: &Bound<'_, Self>) -> PyResult<ArrayIter> {
        if slf.get().with_arr(|a| a.ndim()) == 0 {
            return Err(PyTypeError::new_err("iteration over a 0-d array"));
        }
        Ok(ArrayIter {
            arr: slf.clone().unbind(),
            next: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    fn __bool__(&self) -> PyResult<bool> {
        let a = self.cur();
        match a.size() {
            1 => Ok(match Self::item_num(&a, a.data_ptr())? {
                Num::B(b) => b,
                Num::I(i) => i != 0,
                Num::U(u) => u != 0,
                Num::F(f) => f != 0.0,
                Num::C(r, i) => r != 0.0 || i != 0.0,
            }),
            0 => Err(PyValueError::new_err("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.")),
            _ => Err(PyValueError::new_err("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")),
        }
    }

    fn __int__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self.single("int")?;
        let f = num_to_py(py, v)?;
        py.import("builtins")?.getattr("int")?.call1((f,))
    }
    fn __float__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self.single("float")?;
        let f = num_to_py(py, v)?;
        py.import("builtins")?.getattr("float")?.call1((f,))
    }
    fn __complex__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self.single("complex")?;
        let f = num_to_py(py, v)?;
        py.import("builtins")?.getattr("complex")?.call1((f,))
    }
    fn __index__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let a = self.cur();
        if a.ndim() != 0 || !a.dtype().scalar_type().is_some_and(|s| s.is_int()) {
            return Err(PyTypeError::new_err(
                "only integer scalar arrays can be converted to a scalar index",
            ));
        }
        num_to_py(py, Self::item_num(&a, a.data_ptr())?)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_print(slf.py(), "array_repr")?.call1((slf,))?.extract()
    }
    fn __str__(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_print(slf.py(), "array_str")?.call1((slf,))?.extract()
    }
    fn __format__(slf: &Bound<'_, Self>, spec: &str) -> PyResult<String> {
        if spec.is_empty() {
            return Self::__str__(slf);
        }
        if slf.get().with_arr(|a| a.ndim()) == 0 {
            let item = slf.get().item(slf.py(), &PyTuple::empty(slf.py()))?;
            return item.call_method1("__format__", (spec,))?.extract();
        }
        Err(PyTypeError::new_err(
            "unsupported format string passed to rumpy.ndarray.__format__",
        ))
    }

    fn __copy__(slf: &Bound<'_, Self>) -> PyResult<Py<PyNdArray>> {
        Self::new_like(slf, slf.get().cur().copy(Order::K)?, true)
    }
    fn __deepcopy__(slf: &Bound<'_, Self>, _memo: &Bound<'_, PyAny>) -> PyResult<Py<PyNdArray>> {
        Self::new_like(slf, slf.get().cur().copy(Order::K)?, true)
    }
    /// From protocol 5, a C- or F-contiguous array of plain items travels as a `PickleBuffer`
    /// over its own memory (out of band when the pickler takes buffers, else one copy into
    /// the stream, as NumPy's); `rumpy._interop.array_reduce_ex` takes the other cases (a
    /// subclass, older protocols, objects, other layouts).
    fn __reduce_ex__<'py>(slf: &Bound<'py, Self>, protocol: i64) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        if protocol >= 5 && slf.is_exact_instance_of::<Self>() {
            let layout = slf.get().with_arr_in(py, |a| {
                let c = a.is_c_contiguous();
                let plain = (c || a.is_f_contiguous()) && !a.dtype().flags().holds_refs;
                (plain, c, PyTuple::new(py, a.shape()))
            });
            if let (true, c, shape) = layout {
                static PICKLED: PyOnceLock<(Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();
                let (rebuild, pickle_buffer) = PICKLED.get_or_try_init(py, || {
                    PyResult::Ok((
                        py.import("rumpy._core")?.getattr("_frombuffer")?.unbind(),
                        py.import("pickle")?.getattr("PickleBuffer")?.unbind(),
                    ))
                })?;
                // A PickleBuffer reads C order: an F-ordered array as its transpose.
                let view = if c {
                    slf.clone().into_any()
                } else {
                    slf.getattr(pyo3::intern!(py, "T"))?
                };
                // Items no buffer format describes (times inside records) fall through.
                if let Ok(buf) = pickle_buffer.bind(py).call1((view,)) {
                    let rebuild = rebuild.bind(py).clone();
                    let order = if c { "C" } else { "F" };
                    let args = (buf, slf.get().dtype(py)?, shape?, order);
                    return (rebuild, args).into_pyobject(py).map(|t| t.into_any());
                }
            }
        }
        let f = py.import("rumpy._interop")?.getattr("array_reduce_ex")?;
        f.call1((slf, protocol))
    }
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let this = slf.get();
        if this.cur().dtype().flags().holds_refs {
            // The items themselves, not their pointers: rebuilt by `rumpy._text._objects`.
            let items = this.cur().flatten(Order::C)?;
            let dt = items.dtype().clone();
            let list = super::convert::list_of(py, items.size(), |i| {
                let p = items.data_ptr().wrapping_add(i * items.itemsize());
                // SAFETY: item i of the C-ordered copy.
                Ok(match unsafe { super::families::item(py, &dt, p) } {
                    Some(r) => r?,
                    None => unsafe { super::object::item(py, p) },
                })
            })?;
            let recon = py.import("rumpy._text")?.getattr("_objects")?;
            let dtype = if dt.kind() == 'O' {
                py.None().into_bound(py)
            } else {
                super::dtype::PyDType::wrap(py, dt)?
                    .into_bound(py)
                    .into_any()
            };
            let args = (PyTuple::new(py, this.cur().shape())?, list, dtype).into_pyobject(py)?;
            return Ok((recon, args));
        }
        let f_order =
            this.with_arr(|a| a.is_f_contiguous()) && !this.with_arr(|a| a.is_c_contiguous());
        let bytes = this.tobytes(py, if f_order { "F" } else { "C" })?;
        let recon = py.import("rumpy._core")?.getattr("_reconstruct")?;
        let args = (
            bytes,
            super::dtype::PyDType::wrap(py, this.cur().dtype().clone())?,
            PyTuple::new(py, this.cur().shape())?,
            f_order,
        )
            .into_pyobject(py)?;
        Ok((recon, args))
    }

    #[pyo3(signature = (dtype=None, copy=None))]
    fn __array__<'py>(
        slf: &Bound<'py, Self>,
        dtype: Option<&Bound<'py, PyAny>>,
        copy: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let np = py.import("numpy")?;
        let cur = slf.get().cur();
        let mut a = if let Some(v) = crate::dtype::vstring::VString::of(cur.dtype()) {
            // StringDType: the items copied into NumPy's allocator.
            super::vstring::to_numpy_array(py, &cur, v)?
        } else if slf.get().cur().dtype().fields().is_some() {
            // Records go through the array interface (a buffer format cannot describe fields
            // out of offset order) and are viewed with NumPy's exact dtype.
            let holder = py.import("types")?.getattr("SimpleNamespace")?.call0()?;
            holder.setattr("__array_interface__", slf.get().__array_interface__(py)?)?;
            holder.setattr("owner", slf)?;
            let a = np.getattr("asarray")?.call1((holder,))?;
            let exact = super::interop::numpy_dtype(py, slf.get().cur().dtype())?;
            if a.getattr("dtype")?.eq(&exact)? {
                a
            } else {
                a.call_method1("view", (exact,))?
            }
        } else {
            let mv = py
                .import("builtins")?
                .getattr("memoryview")?
                .call1((slf,))?;
            np.getattr("asarray")?.call1((mv,))?
        };
        if let Some(d) = dtype {
            if !d.is_none() {
                let kw = PyDict::new(py);
                kw.set_item("copy", copy != Some(false))?;
                let nd = np.getattr("dtype")?.call1((d,))?;
                if !a.getattr("dtype")?.eq(&nd)? {
                    if copy == Some(false) {
                        return Err(PyValueError::new_err(
                            "Unable to avoid copy while creating an array as requested.",
                        ));
                    }
                    return a.call_method("astype", (nd,), Some(&kw));
                }
            }
        }
        if copy == Some(true) {
            a = a.call_method0("copy")?;
        }
        Ok(a)
    }

    #[pyo3(signature = (*, stream=None, max_version=None, dl_device=None, copy=None))]
    fn __dlpack__(
        &self,
        py: Python<'_>,
        stream: Option<&Bound<'_, PyAny>>,
        max_version: Option<(u32, u32)>,
        dl_device: Option<(i32, i32)>,
        copy: Option<bool>,
    ) -> PyResult<Py<PyAny>> {
        if let Some(s) = stream {
            if !s.is_none() {
                return Err(PyValueError::new_err("stream must be None on CPU"));
            }
        }
        if let Some(d) = dl_device {
            if d.0 != 1 {
                return Err(pyo3::exceptions::PyBufferError::new_err(
                    "unsupported device requested",
                ));
            }
        }
        let versioned = matches!(max_version, Some((m, _)) if m >= 1);
        let (arr, w) = if copy == Some(true) {
            (self.cur().copy(Order::C)?, true)
        } else {
            (self.cur(), self.is_writeable())
        };
        super::interop::to_dlpack(py, &arr, w, versioned)
    }

    fn __dlpack_device__(&self) -> (i32, i32) {
        (1, 0)
    }

    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut ffi::Py_buffer,
        flags: c_int,
    ) -> PyResult<()> {
        let this = slf.get();
        let arr = this.cur();
        let w = this.is_writeable();
        // Counted before filling: the count is only ever an over-estimate while filling.
        this.exports.fetch_add(1, Ordering::AcqRel);
        // SAFETY: Python passes a valid view to fill.
        let r =
            unsafe { super::interop::fill_buffer(slf.clone().into_any(), &arr, w, view, flags) };
        if r.is_err() {
            this.exports.fetch_sub(1, Ordering::AcqRel);
        }
        r
    }

    unsafe fn __releasebuffer__(&self, view: *mut ffi::Py_buffer) {
        self.exports.fetch_sub(1, Ordering::AcqRel);
        // SAFETY: the view was filled by __getbuffer__.
        unsafe { super::interop::release_buffer(view) }
    }
}

/// The dtype of a complex dtype's real and imaginary parts (in its byte order).
fn complex_part(d: &DType) -> Option<DType> {
    use crate::dtype::ScalarType;
    let part = match d.scalar_type() {
        Some(ScalarType::Complex64) => ScalarType::Float32.dtype(),
        Some(ScalarType::Complex128) => ScalarType::Float64.dtype(),
        _ => match crate::dtype::longdouble::LdDesc::of(d) {
            Some(l) if l.complex => crate::dtype::longdouble::longdouble(),
            _ => return None,
        },
    };
    Some(part.0.with_native_order(d.is_native()))
}

/// NumPy's ComplexWarning when a cast drops imaginary parts.
pub fn warn_complex_to_real(py: Python<'_>, from: &DType, to: &DType) -> PyResult<()> {
    if from.kind() == 'c' && !matches!(to.kind(), 'c' | 'b' | 'O') {
        let cls = py.import("rumpy.exceptions")?.getattr("ComplexWarning")?;
        PyErr::warn(
            py,
            &cls,
            c"Casting complex values to real discards the imaginary part",
            1,
        )?;
    }
    Ok(())
}

impl PyNdArray {
    fn single(&self, what: &str) -> PyResult<Num> {
        let _ = what;
        let a = self.cur();
        if a.ndim() != 0 {
            return Err(PyTypeError::new_err(
                "only 0-dimensional arrays can be converted to Python scalars",
            ));
        }
        Self::item_num(&a, a.data_ptr())
    }

    pub(crate) fn set_writeable_flag(&self, w: bool) -> PyResult<()> {
        let base_locked = Python::attach(|py| match &self.base {
            Some(b) => b
                .bind(py)
                .cast::<PyNdArray>()
                .map(|a| !a.get().is_writeable())
                .unwrap_or(false),
            None => false,
        });
        if w && (!self.cur().buffer().writeable() || base_locked) {
            return Err(PyValueError::new_err(
                "cannot set WRITEABLE flag to True of this array",
            ));
        }
        self.writeable.store(w, Ordering::Relaxed);
        Ok(())
    }
}
