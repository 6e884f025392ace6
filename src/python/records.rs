//! Records and Python objects: record items as tuples and `rumpy.void` scalars, Python values
//! stored into records (tuples field by field, a number into every field), record arrays from
//! nested lists, and `==`/`!=` between record arrays.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple};

use crate::array::{NdArray, Order};
use crate::dtype::DType;

use super::array::{value_to_array, PyNdArray};
use super::convert::{classify_scalar, num_to_py, read_num, store_value, to_array, PyScalar};

/// The fields of a record whose fields are all plain numbers (no subarrays, no nested
/// records): (offset, dtype) pairs, read and written directly.
pub fn flat_fields(dt: &DType) -> Option<Vec<(usize, DType)>> {
    dt.fields()?
        .iter()
        .map(|f| f.dtype.scalar_type().map(|_| (f.offset, f.dtype.clone())))
        .collect()
}

static VOID_CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `rumpy.void`, the class of record scalars (made by [`_void_type`] over its Python methods).
fn void_class(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    VOID_CLASS
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("rumpy._records")?.getattr("void")?.unbind())
        })
        .map(|c| c.bind(py))
}

/// What a record scalar holds, after the instance data of its Python bases: the 0-d record
/// view it reads and writes with the object that owns that memory, or the array made of
/// them when `_a` was asked for (or set). Zeroed memory (a new instance) holds nothing.
#[repr(C)]
struct VoidSlot {
    full: bool,
    data: std::mem::MaybeUninit<VoidData>,
}

enum VoidData {
    /// The record of `dtype` (None: the owner's own, which never changes) at `offset` bytes
    /// into the memory of `owner` (a rumpy array): the 0-d view is made when asked for,
    /// checked against the owner's memory as it is then (a resize may have replaced it).
    Item {
        owner: Py<PyAny>,
        dtype: Option<DType>,
        offset: usize,
        writeable: bool,
    },
    Wrapped(Py<PyAny>),
}

/// Where [`VoidSlot`] lies in an instance (the bases' instance size, rounded up).
static VOID_OFFSET: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// `rumpy.void` itself (its instances, not its subclasses', go to a free list).
static VOID_TYPE: std::sync::atomic::AtomicPtr<pyo3::ffi::PyTypeObject> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

/// The size of an instance of `rumpy.void` when it is the object header and the slot alone
/// (no dict, no weak references, not collected): made then by `PyObject_Malloc`, without
/// zeroing. 0 otherwise.
static VOID_PLAIN_SIZE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The slot of `o`, an instance of `rumpy.void` or a subclass.
///
/// # Safety
/// `o` is such an instance and the class was made by [`_void_type`] (so the offset is set).
unsafe fn void_slot<'a>(o: *mut pyo3::ffi::PyObject) -> &'a mut VoidSlot {
    let off = *VOID_OFFSET.get().expect("the void class is made first");
    // SAFETY: the caller's guarantee: the slot lies at `off` in the instance.
    unsafe { &mut *((o as *mut u8).add(off) as *mut VoidSlot) }
}

/// Make `rumpy.void` over `bases` (its methods, in Python): instances hold the record they
/// view in place (no array object until `_a` is asked for), and are not tracked by the cycle
/// collector (as the number scalars).
#[pyfunction]
pub fn _void_type<'py>(
    py: Python<'py>,
    bases: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, pyo3::types::PyType>> {
    use super::scalars::{no_traverse, slot};
    use pyo3::ffi;
    use std::os::raw::c_void;
    let base: usize = bases.get_item(0)?.getattr("__basicsize__")?.extract()?;
    let off = *VOID_OFFSET.get_or_init(|| base.next_multiple_of(16));
    if off != base.next_multiple_of(16) {
        return Err(PyTypeError::new_err("the void class is made once"));
    }
    let getset = super::scalars::one_getset(c"_a", void_get_a, void_set_a, std::ptr::null_mut());
    let mut slots = [
        slot(ffi::Py_tp_traverse, no_traverse as *mut c_void),
        slot(ffi::Py_tp_dealloc, void_dealloc as *mut c_void),
        slot(ffi::Py_tp_free, ffi::PyObject_Free as *mut c_void),
        slot(ffi::Py_tp_getset, getset as *mut c_void),
        ffi::PyType_Slot::default(),
    ];
    let size = (off + std::mem::size_of::<VoidSlot>()) as std::os::raw::c_int;
    let cls = super::scalars::class_from_slots(py, c"rumpy.void", size, &mut slots, bases)?;
    // (Kept alive by the module, and by each instance on the free list.)
    VOID_TYPE.store(
        cls.as_ptr() as *mut ffi::PyTypeObject,
        std::sync::atomic::Ordering::Relaxed,
    );
    let offset = |name: &str| cls.getattr(name).and_then(|v| v.extract::<usize>());
    let plain = off == 2 * std::mem::size_of::<usize>()
        && offset("__dictoffset__")? == 0
        && offset("__weakrefoffset__")? == 0
        // SAFETY: a live type object.
        && unsafe { ffi::PyType_IS_GC(cls.as_ptr() as *mut ffi::PyTypeObject) } == 0;
    let plain_size = if plain { size as usize } else { 0 };
    VOID_PLAIN_SIZE.store(plain_size, std::sync::atomic::Ordering::Relaxed);
    Ok(cls)
}

/// `x._a`: the 0-d record array of the scalar (made once, on first use).
unsafe extern "C" fn void_get_a(
    o: *mut pyo3::ffi::PyObject,
    _closure: *mut std::os::raw::c_void,
) -> *mut pyo3::ffi::PyObject {
    // SAFETY: CPython calls the getter with an instance of the class and the GIL.
    unsafe {
        let py = Python::assume_attached();
        let s = void_slot(o);
        if !s.full {
            pyo3::exceptions::PyAttributeError::new_err("_a").restore(py);
            return std::ptr::null_mut();
        }
        // The handles are taken before Python runs (making the array may collect garbage,
        // whose finalizers could reach this scalar), and the slot looked at again after.
        let parts = match s.data.assume_init_ref() {
            VoidData::Item {
                owner,
                dtype,
                offset,
                writeable,
            } => Some((owner.clone_ref(py), dtype.clone(), *offset, *writeable)),
            VoidData::Wrapped(_) => None,
        };
        if let Some((owner, dtype, offset, writeable)) = parts {
            let made = match item_array(py, owner, dtype, offset, writeable) {
                Ok(a) => a,
                Err(e) => {
                    e.restore(py);
                    return std::ptr::null_mut();
                }
            };
            let s = void_slot(o);
            if s.full && matches!(s.data.assume_init_ref(), VoidData::Item { .. }) {
                let kept = VoidData::Wrapped(made.clone_ref(py));
                release(py, std::mem::replace(s.data.assume_init_mut(), kept));
            }
            return made.into_ptr();
        }
        match s.data.assume_init_ref() {
            VoidData::Wrapped(a) => a.clone_ref(py).into_ptr(),
            // (Not reached: an item was wrapped above.)
            VoidData::Item { .. } => {
                pyo3::exceptions::PyAttributeError::new_err("_a").restore(py);
                std::ptr::null_mut()
            }
        }
    }
}

/// The 0-d record array of the item of `dtype` at `offset` in `owner`'s memory, whose base
/// is `owner`.
fn item_array(
    py: Python<'_>,
    owner: Py<PyAny>,
    dtype: Option<DType>,
    offset: usize,
    writeable: bool,
) -> PyResult<Py<PyAny>> {
    let arr = {
        let bound = owner.bind(py).cast::<PyNdArray>()?;
        bound
            .get()
            .with_arr_in(py, |a| {
                let dtype = dtype.unwrap_or_else(|| a.dtype().clone());
                a.view_with(offset, Default::default(), Default::default(), dtype)
            })
            .map_err(|_| {
                PyValueError::new_err(
                    "the array this record scalar views no longer holds its item (it was resized)",
                )
            })?
    };
    let mut arr = arr;
    if !writeable {
        let _ = arr.set_writeable(false);
    }
    Ok(PyNdArray::wrap(py, arr, Some(owner))?.into_any())
}

/// `x._a = array`: the scalar views the 0-d record array given.
unsafe extern "C" fn void_set_a(
    o: *mut pyo3::ffi::PyObject,
    value: *mut pyo3::ffi::PyObject,
    _closure: *mut std::os::raw::c_void,
) -> std::os::raw::c_int {
    // SAFETY: as `void_get_a`; `value` is NULL for a deletion.
    unsafe {
        let py = Python::assume_attached();
        if value.is_null()
            || Bound::from_borrowed_ptr(py, value)
                .cast::<PyNdArray>()
                .is_err()
        {
            PyTypeError::new_err("a record scalar views a rumpy array").restore(py);
            return -1;
        }
        let s = void_slot(o);
        let new = VoidData::Wrapped(Bound::from_borrowed_ptr(py, value).unbind());
        if s.full {
            release(py, std::mem::replace(s.data.assume_init_mut(), new));
        } else {
            s.data.write(new);
            s.full = true;
        }
        0
    }
}

/// Release a slot's references now. The slot's entry points (dealloc, the `_a` getter and
/// setter) are called by CPython with the GIL held but outside pyo3's bookkeeping, where
/// dropping a `Py` would only queue it in pyo3's shared pool, drained by the next call into
/// any pyo3 function.
fn release(py: Python<'_>, data: VoidData) {
    match data {
        VoidData::Item { owner, dtype, .. } => {
            drop(dtype);
            owner.drop_ref(py);
        }
        VoidData::Wrapped(a) => a.drop_ref(py),
    }
}

/// Release what the scalar holds, then keep the instance on the free list (`rumpy.void`
/// itself) or free it (as the number scalars' classes do).
unsafe extern "C" fn void_dealloc(o: *mut pyo3::ffi::PyObject) {
    use super::scalars::{free_instance, keep, VOID_LIST};
    // SAFETY: called by CPython with a dead instance; its class outlives this call (the
    // instance holds a reference, released last).
    unsafe {
        let s = void_slot(o);
        if s.full {
            s.full = false;
            release(Python::assume_attached(), s.data.assume_init_read());
        }
        let exact = pyo3::ffi::Py_TYPE(o) == VOID_TYPE.load(std::sync::atomic::Ordering::Relaxed);
        if !(exact && keep(VOID_LIST, o)) {
            free_instance(o);
        }
    }
}

/// The record scalar of the record of `dtype` (None: `owner`'s own) at `offset` bytes into
/// the memory of `owner`, a rumpy array: reads and writes go through to the array.
pub fn void_scalar<'py>(
    py: Python<'py>,
    owner: &Bound<'py, PyAny>,
    dtype: Option<DType>,
    offset: usize,
    writeable: bool,
) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::ffi;
    let cls = void_class(py)?;
    // Read-only when the array is, by its memory or by its Python-level flag.
    let writeable = writeable
        && owner
            .cast::<PyNdArray>()
            .is_ok_and(|a| a.get().is_writeable());
    // SAFETY: allocating an instance of `rumpy.void` (made by `_void_type`, so the slot's
    // offset is set), zeroed by its own allocator or, where it is plain, left for the slot's
    // filling below (nothing runs in between).
    unsafe {
        let t = cls.as_ptr() as *mut ffi::PyTypeObject;
        // A dead instance from the free list has an empty slot (released by its dealloc).
        let o = match super::scalars::reuse_from(super::scalars::VOID_LIST, t) {
            Some(o) => o,
            None => match VOID_PLAIN_SIZE.load(std::sync::atomic::Ordering::Relaxed) {
                0 => ffi::PyType_GenericAlloc(t, 0),
                size => super::scalars::alloc_plain(t, size),
            },
        };
        let o = Bound::from_owned_ptr_or_err(py, o)?;
        let s = void_slot(o.as_ptr());
        s.data.write(VoidData::Item {
            owner: owner.clone().unbind(),
            dtype,
            offset,
            writeable,
        });
        s.full = true;
        Ok(o)
    }
}

/// The record scalar of the 0-d view `v` of `owner`'s memory.
pub fn void_of_view<'py>(
    py: Python<'py>,
    owner: &Bound<'py, PyAny>,
    v: &NdArray,
) -> PyResult<Bound<'py, PyAny>> {
    debug_assert_eq!(v.ndim(), 0);
    void_scalar(
        py,
        owner,
        Some(v.dtype().clone()),
        v.offset(),
        v.flags().writeable,
    )
}

/// A record array inside a `rumpy.void`, or None.
fn void_array(obj: &Bound<'_, PyAny>) -> PyResult<Option<NdArray>> {
    let py = obj.py();
    if obj.is_instance(void_class(py)?)? {
        let a = obj.getattr("_a")?;
        return Ok(Some(a.cast::<PyNdArray>()?.get().array()));
    }
    Ok(None)
}

/// The Python object of one item (NumPy's `item()`): a tuple for a record (subarray fields as
/// arrays, nested records as tuples), bytes for unstructured void, a number otherwise.
pub fn item_to_py<'py>(py: Python<'py>, a: &NdArray) -> PyResult<Bound<'py, PyAny>> {
    let dt = a.dtype();
    if let Some(flat) = flat_fields(dt) {
        // SAFETY: an array's first item is a whole record of its dtype.
        return unsafe { flat_item(py, a.data_ptr(), &flat) };
    }
    if let Some(fs) = dt.fields() {
        let mut items = Vec::with_capacity(fs.len());
        for i in 0..fs.len() {
            let f = a.field_at(i)?;
            items.push(if f.ndim() > a.ndim() {
                PyNdArray::wrap(py, f.copy(Order::C)?, None)?
                    .into_bound(py)
                    .into_any()
            } else {
                item_to_py(py, &f)?
            });
        }
        return Ok(PyTuple::new(py, items)?.into_any());
    }
    // SAFETY: an item of `dt` at data_ptr.
    if let Some(x) = unsafe { super::families::item(py, dt, a.data_ptr()) } {
        return x;
    }
    if dt.scalar_type().is_none() {
        // SAFETY: the item has itemsize bytes at data_ptr.
        let bytes = unsafe { std::slice::from_raw_parts(a.data_ptr(), dt.itemsize()) };
        return Ok(super::convert::new_bytes(py, bytes)?.into_any());
    }
    // SAFETY: a numeric item at data_ptr.
    num_to_py(py, unsafe { read_num(a.data_ptr(), dt) })
}

/// The tuple of a record of plain number fields at `p`.
///
/// # Safety
/// `p` points to a whole record whose fields are `flat`.
pub unsafe fn flat_item<'py>(
    py: Python<'py>,
    p: *const u8,
    flat: &[(usize, DType)],
) -> PyResult<Bound<'py, PyAny>> {
    let mut items = Vec::with_capacity(flat.len());
    for (off, d) in flat {
        // SAFETY: p is a record of this dtype; the field lies inside it.
        items.push(num_to_py(py, unsafe { read_num(p.add(*off), d) })?);
    }
    Ok(PyTuple::new(py, items)?.into_any())
}

/// Store a tuple of Python numbers into a record of plain number fields at `p`; false when
/// the tuple is not that simple (the general path then handles it). Nothing is written
/// unless every item converts.
fn store_flat(p: *mut u8, flat: &[(usize, DType)], t: &Bound<'_, PyTuple>) -> PyResult<bool> {
    if t.len() != flat.len() || flat.len() > 16 {
        return Ok(false);
    }
    let mut vals = [crate::dtype::Num::B(false); 16];
    for (k, ((_, d), item)) in flat.iter().zip(t.iter()).enumerate() {
        let st = d.scalar_type().expect("flat fields are numbers");
        if matches!(st.kind(), 'b' | 'c') {
            return Ok(false);
        }
        vals[k] = match classify_scalar(&item)? {
            Some(PyScalar::Weak(n, _)) => store_value(n, st)?,
            Some(PyScalar::Typed(n, _)) => n,
            None => return Ok(false),
        };
    }
    super::convert::casting(|| {
        for (k, (off, d)) in flat.iter().enumerate() {
            // SAFETY: p is a writeable record of this dtype; the field lies inside it.
            unsafe { super::convert::cast_num(p.add(*off), d, vals[k]) };
        }
    })?;
    Ok(true)
}

/// Store a Python value into every element of `view` (numeric or record), NumPy's rules.
pub fn assign_value(view: &NdArray, value: &Bound<'_, PyAny>) -> PyResult<()> {
    if view.dtype().fields().is_some() {
        return assign_record(view, value);
    }
    let arr = value_to_array(value, view.dtype())?;
    Ok(view.assign(&arr)?)
}

/// Store a Python value into a record view: an array or record scalar field by field, a
/// tuple item by item, a list as an array of records, anything else into every field.
pub fn assign_record(view: &NdArray, value: &Bound<'_, PyAny>) -> PyResult<()> {
    view.check_writeable()?;
    if let Some(a) = void_array(value)? {
        return Ok(view.assign(&a)?);
    }
    // Arrays (ours or another library's) cast field by field; Python numbers never are one.
    let array_like = || -> PyResult<bool> {
        Ok(!value.is_instance_of::<PyList>()
            && !value.is_instance_of::<PyTuple>()
            && classify_scalar(value)?.is_none()
            && value.hasattr("__array_interface__")?)
    };
    if value.cast::<PyNdArray>().is_ok() || array_like()? {
        return Ok(view.assign(&to_array(value, None)?.arr)?);
    }
    let n = view.dtype().fields().map_or(0, |f| f.len());
    if let Ok(t) = value.cast::<PyTuple>() {
        if t.len() != n {
            return Err(PyValueError::new_err(format!(
                "could not assign tuple of length {} to structure with {} fields.",
                t.len(),
                n
            )));
        }
        // Convert every item first: a bad item leaves the record unchanged.
        let mut staged = Vec::with_capacity(n);
        for (i, item) in t.iter().enumerate() {
            let f = view.field_at(i)?;
            let tmp = NdArray::zeros(&f.shape()[view.ndim()..], f.dtype(), Order::C)?;
            if f.dtype().kind() == 'O' && tmp.ndim() == 0 {
                // An object field holds the item itself, whatever it is (a list too).
                // SAFETY: the one object item of the fresh zeroed `tmp`.
                unsafe { super::object::store(tmp.data_ptr(), &item) };
                staged.push((f, tmp));
                continue;
            }
            if f.ndim() == view.ndim()
                && (item.is_instance_of::<PyList>() || item.is_instance_of::<PyTuple>())
                && f.dtype().fields().is_none()
            {
                return Err(sequence_into_number(&item, f.dtype()));
            }
            assign_value(&tmp, &item)?;
            staged.push((f, tmp));
        }
        for (f, tmp) in staged {
            f.assign(&tmp)?;
        }
        return Ok(());
    }
    if value.is_instance_of::<PyList>() {
        if view.ndim() == 0 {
            return Err(PyValueError::new_err(
                "setting an array element with a sequence.",
            ));
        }
        let arr = records_from_nested(value, view.dtype())?;
        return Ok(view.assign(&arr)?);
    }
    for i in 0..n {
        let f = view.field_at(i)?;
        assign_value(&f, value)?;
    }
    Ok(())
}

/// NumPy's error for a sequence stored into a number.
fn sequence_into_number(item: &Bound<'_, PyAny>, dt: &DType) -> PyErr {
    let tn = item
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(match dt.kind() {
        'f' => format!("float() argument must be a string or a real number, not '{tn}'"),
        'c' => format!("complex() first argument must be a string or a number, not '{tn}'"),
        _ => format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
        ),
    })
}

/// A record array from nested lists whose leaves (tuples, numbers, record scalars) are records.
pub fn records_from_nested(obj: &Bound<'_, PyAny>, dt: &DType) -> PyResult<NdArray> {
    let mut shape: Vec<usize> = Vec::new();
    probe(obj, 0, &mut shape, &mut true)?;
    let out = NdArray::zeros(&shape, dt, Order::C)?;
    let mut k = 0usize;
    let flat = flat_fields(dt);
    fill(obj, &out, shape.len(), &mut k, flat.as_deref())?;
    Ok(out)
}

/// The shape of nested lists (tuples are records, not dimensions).
fn probe(
    obj: &Bound<'_, PyAny>,
    depth: usize,
    shape: &mut Vec<usize>,
    first: &mut bool,
) -> PyResult<()> {
    use super::convert::inhomogeneous;
    match obj.cast::<PyList>() {
        Ok(l) => {
            if *first && depth == shape.len() {
                shape.push(l.len());
            } else if depth >= shape.len() || shape[depth] != l.len() {
                return Err(inhomogeneous(depth.min(shape.len()), shape));
            }
            if l.is_empty() {
                *first = false;
            }
            for item in l.iter() {
                probe(&item, depth + 1, shape, first)?;
            }
            Ok(())
        }
        Err(_) => {
            if *first {
                *first = false;
            } else if depth != shape.len() {
                return Err(inhomogeneous(depth, shape));
            }
            Ok(())
        }
    }
}

/// Store the leaves in C order into the fresh C-contiguous `out`.
fn fill(
    obj: &Bound<'_, PyAny>,
    out: &NdArray,
    ndim: usize,
    k: &mut usize,
    flat: Option<&[(usize, DType)]>,
) -> PyResult<()> {
    if let Ok(l) = obj.cast::<PyList>() {
        if ndim > 0 {
            for item in l.iter() {
                fill(&item, out, ndim - 1, k, flat)?;
            }
            return Ok(());
        }
    }
    let off = *k * out.itemsize();
    *k += 1;
    if let (Some(flat), Ok(t)) = (flat, obj.cast::<PyTuple>()) {
        // SAFETY: `out` is a fresh C-contiguous array and k counts its items.
        if store_flat(unsafe { out.data_ptr().add(off) }, flat, t)? {
            return Ok(());
        }
    }
    assign_record(&out.element_view(off as isize)?, obj)
}

/// `a == b` / `a != b` where either is a record array or record scalar; None when neither is.
pub fn compare<'py>(
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    ne: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = a.py();
    // Cheap test first: this runs for every `==` on an array.
    let record_operand = |o: &Bound<'py, PyAny>| -> PyResult<bool> {
        match o.cast::<PyNdArray>() {
            Ok(x) => Ok(x.get().cur().dtype().fields().is_some()),
            Err(_) => o.is_instance(void_class(py)?),
        }
    };
    if !record_operand(a)? && !record_operand(b)? {
        return Ok(None);
    }
    let as_rec = |o: &Bound<'py, PyAny>| -> PyResult<Option<NdArray>> {
        if let Some(v) = void_array(o)? {
            return Ok(Some(v));
        }
        Ok(o.cast::<PyNdArray>().ok().map(|x| x.get().array()))
    };
    let (x, y) = (as_rec(a)?, as_rec(b)?);
    let (Some(x), Some(y)) = (x, y) else {
        return Err(PyTypeError::new_err(
            "Cannot compare structured or void to non-void arrays.",
        ));
    };
    let r = crate::ops::records::compare(&x, &y, ne)?;
    // Two record scalars compare to a bool scalar.
    if r.ndim() == 0 {
        let a = PyNdArray::wrap(py, r, None)?.into_bound(py);
        return a.get_item(PyTuple::empty(py)).map(Some);
    }
    Ok(Some(
        PyNdArray::wrap(py, r, None)?.into_bound(py).into_any(),
    ))
}

/// An unstructured void array (`V<n>`, `V` sized by the longest) from nested sequences of
/// bytes: each item the bytes, cut or zero-padded to the item size (NumPy's TypeError for
/// anything that is not bytes).
pub fn raw_void_from_nested(obj: &Bound<'_, PyAny>, dt: &DType) -> PyResult<NdArray> {
    let py = obj.py();
    let objs = super::object::from_nested(obj)?;
    let flat = objs.reshape(&[-1], Order::C)?;
    let mut items: Vec<Vec<u8>> = Vec::with_capacity(flat.size());
    for i in 0..flat.size() as isize {
        let p = flat.data_ptr().wrapping_offset(i * flat.strides()[0]);
        // SAFETY: item i of the object array.
        let v = unsafe { super::object::item(py, p) };
        let b = v.cast::<pyo3::types::PyBytes>().map_err(|_| {
            PyTypeError::new_err(format!(
                "a bytes-like object is required, not '{}'",
                v.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        items.push(b.as_bytes().to_vec());
    }
    let size = match dt.itemsize() {
        0 => {
            let first = items.first().map_or(1, Vec::len);
            if items.iter().any(|b| b.len() != first) {
                return Err(crate::Error::Promotion(
                    "Invalid type promotion with void datatypes of different lengths. Use the \
                     `np.bytes_` datatype instead to pad the shorter value with trailing zero \
                     bytes."
                        .into(),
                )
                .into());
            }
            first.max(1)
        }
        n => n,
    };
    let out = NdArray::zeros(
        objs.shape(),
        &crate::dtype::void::RawVoid::build(size),
        Order::C,
    )?;
    for (i, b) in items.iter().enumerate() {
        let k = b.len().min(size);
        // SAFETY: item i of the fresh C-ordered array, `size` bytes.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), out.data_ptr().add(i * size), k) };
    }
    Ok(out)
}
