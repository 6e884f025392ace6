//! Zero-copy exchange with other Python objects: the buffer protocol (both ways),
//! `__array_interface__` (both ways) and DLPack (both ways).

use std::ffi::{c_void, CStr, CString};
use std::os::raw::{c_char, c_int};

use pyo3::exceptions::{PyBufferError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::array::dlpack::{
    dl_dtype, dtype_from_dl, DLDevice, DLManagedTensor, DLManagedTensorVersioned, DLPackVersion,
    DLTensor, DL_CPU, DL_FLAG_READ_ONLY,
};
use crate::array::pep3118::{dtype_from_format, format_of_array};
use crate::array::{byte_extent, Dims, NdArray, Strides};
use crate::buffer::Buffer;
use crate::dtype::DType;

// ---------------------------------------------------------------------------------------------
// Importing

/// Keeps a `Py_buffer` acquired from an exporter; releases it when the last view goes.
struct HeldBuffer {
    view: Box<ffi::Py_buffer>,
}
// SAFETY: the Py_buffer is only touched again in Drop, under the GIL.
unsafe impl Send for HeldBuffer {}
// SAFETY: as above; no shared access happens through it.
unsafe impl Sync for HeldBuffer {}

impl Drop for HeldBuffer {
    fn drop(&mut self) {
        Python::attach(|_py| {
            // SAFETY: the view was filled by a successful PyObject_GetBuffer and is released
            // exactly once.
            unsafe { ffi::PyBuffer_Release(&mut *self.view) }
        });
    }
}

/// Keeps a Python object alive while rumpy uses its memory.
struct HeldObject(#[allow(dead_code)] Py<PyAny>);

fn wrap_memory(
    ptr: *mut u8,
    shape: Dims,
    strides: Strides,
    dt: DType,
    writeable: bool,
    owner: Box<dyn std::any::Any + Send + Sync>,
) -> PyResult<NdArray> {
    let (lo, hi) = byte_extent(&shape, &strides, dt.itemsize()).ok_or_else(|| {
        PyValueError::new_err("the exported shape and strides describe more memory than exists")
    })?;
    let start = ptr.wrapping_offset(lo);
    let len = (hi - lo) as usize;
    // SAFETY: the exporter guarantees the memory described by (ptr, shape, strides) is valid
    // while `owner` lives; the buffer spans exactly that memory.
    let buffer = unsafe { Buffer::foreign(start, len, writeable, owner) };
    Ok(NdArray::from_parts(
        buffer,
        (-lo) as usize,
        shape,
        strides,
        dt,
        writeable,
    )?)
}

/// Take `obj`'s memory through the buffer protocol, if it exports one.
fn from_buffer_protocol(obj: &Bound<'_, PyAny>) -> PyResult<Option<NdArray>> {
    // SAFETY: Py_buffer is plain data; PyObject_GetBuffer fills it or fails.
    let mut view: Box<ffi::Py_buffer> = Box::new(unsafe { std::mem::zeroed() });
    let mut writeable = true;
    // SAFETY: obj is a valid object; view points to writable storage.
    let mut rc = unsafe { ffi::PyObject_GetBuffer(obj.as_ptr(), &mut *view, ffi::PyBUF_RECORDS) };
    if rc != 0 {
        // SAFETY: clearing the error raised by the failed request.
        unsafe { ffi::PyErr_Clear() };
        writeable = false;
        // SAFETY: as above.
        rc = unsafe { ffi::PyObject_GetBuffer(obj.as_ptr(), &mut *view, ffi::PyBUF_RECORDS_RO) };
        if rc != 0 {
            // SAFETY: as above.
            unsafe { ffi::PyErr_Clear() };
            return Ok(None);
        }
    }
    let held = HeldBuffer { view };
    let v = &*held.view;
    let itemsize = v.itemsize as usize;
    let fmt = if v.format.is_null() {
        "B".to_string()
    } else {
        // SAFETY: the exporter gives a NUL-terminated format string.
        unsafe { CStr::from_ptr(v.format) }
            .to_string_lossy()
            .into_owned()
    };
    if fmt.trim_start_matches(['@', '=', '|']) == "O" {
        // Objects come through the array interface (NumPy's), never as raw buffer bytes.
        return Ok(None);
    }
    let Some(mut dt) = dtype_from_format(&fmt, itemsize) else {
        // A format beyond the buffer protocol's reach (records holding objects): the
        // object's array interface or `__array__` says what it is, when it has one.
        if obj.hasattr("__array_interface__")? || obj.hasattr("__array__")? {
            return Ok(None);
        }
        return Err(PyTypeError::new_err(format!(
            "rumpy does not support the buffer format '{}'",
            fmt
        )));
    };
    dt = exact_record_dtype(obj, dt);
    let ndim = v.ndim as usize;
    let shape: Dims = (0..ndim)
        // SAFETY: PyBUF_STRIDES was requested: shape and strides have ndim entries.
        .map(|k| unsafe { *v.shape.add(k) } as usize)
        .collect();
    let strides: Strides = if v.strides.is_null() {
        crate::array::c_strides(&shape, itemsize)
    } else {
        // SAFETY: as above.
        (0..ndim).map(|k| unsafe { *v.strides.add(k) }).collect()
    };
    let ptr = v.buf as *mut u8;
    let writeable = writeable && v.readonly == 0;
    Ok(Some(wrap_memory(
        ptr,
        shape,
        strides,
        dt,
        writeable,
        Box::new(held),
    )?))
}

/// NumPy's own ndarray (not a subclass), straight through its buffer: the common case of
/// NumPy's arrays meeting rumpy's functions. None for everything else, and for the dtypes
/// NumPy exports no buffer for (times, StringDType), which the general path takes.
pub fn from_numpy_ndarray(
    obj: &Bound<'_, PyAny>,
) -> PyResult<Option<(NdArray, Option<Py<PyAny>>)>> {
    if !super::overrides::is_numpy_ndarray(obj) {
        return Ok(None);
    }
    Ok(from_buffer_protocol(obj)?.map(|a| (a, Some(obj.clone().unbind()))))
}

/// A record format cannot carry titles, the aligned flag or the order of out-of-order fields
/// (NumPy then describes the item as plain void): an exporter that has a structured dtype
/// (NumPy's arrays) describes it exactly.
fn exact_record_dtype(obj: &Bound<'_, PyAny>, dt: DType) -> DType {
    if dt.kind() != 'V' {
        return dt;
    }
    if let Ok(d) = obj.getattr("dtype") {
        if let Ok(exact) = super::dtype::to_dtype(&d) {
            if exact.itemsize() == dt.itemsize() && exact.fields().is_some() {
                return exact;
            }
        }
    }
    dt
}

/// NumPy's dtype for a rumpy dtype, built from its layout (names, formats, offsets, titles,
/// itemsize, alignment): exact where a buffer format or a descr is not.
pub fn numpy_dtype<'py>(py: Python<'py>, dt: &DType) -> PyResult<Bound<'py, PyAny>> {
    let np = py.import("numpy")?;
    np.getattr("dtype")?.call1((numpy_spec(py, dt)?,))
}

fn numpy_spec<'py>(py: Python<'py>, dt: &DType) -> PyResult<Bound<'py, PyAny>> {
    if let Some(sa) = dt.subarray() {
        return Ok(PyTuple::new(
            py,
            [
                numpy_spec(py, &sa.base)?,
                PyTuple::new(py, &sa.shape)?.into_any(),
            ],
        )?
        .into_any());
    }
    let Some(fs) = dt.fields() else {
        return Ok(dt.typestr().into_pyobject(py)?.into_any());
    };
    let d = PyDict::new(py);
    d.set_item(
        "names",
        fs.iter().map(|f| f.name.clone()).collect::<Vec<_>>(),
    )?;
    let formats = PyList::empty(py);
    for f in fs {
        formats.append(numpy_spec(py, &f.dtype)?)?;
    }
    d.set_item("formats", formats)?;
    d.set_item("offsets", fs.iter().map(|f| f.offset).collect::<Vec<_>>())?;
    d.set_item(
        "titles",
        fs.iter().map(|f| f.title.clone()).collect::<Vec<_>>(),
    )?;
    d.set_item("itemsize", dt.itemsize())?;
    d.set_item("aligned", dt.is_aligned_struct())?;
    Ok(d.into_any())
}

fn from_array_interface(obj: &Bound<'_, PyAny>) -> PyResult<Option<NdArray>> {
    let Ok(ai) = obj.getattr("__array_interface__") else {
        return Ok(None);
    };
    let ai = ai
        .cast_into::<PyDict>()
        .map_err(|_| PyValueError::new_err("__array_interface__ is not a dict"))?;
    let shape: Vec<usize> = ai
        .get_item("shape")?
        .ok_or_else(|| PyValueError::new_err("missing shape"))?
        .extract()?;
    let typestr: String = ai
        .get_item("typestr")?
        .ok_or_else(|| PyValueError::new_err("missing typestr"))?
        .extract()?;
    let dt = match ai.get_item("descr")? {
        Some(descr) if typestr.starts_with("|V") => super::dtype::dtype_from_descr(&descr)?,
        _ => crate::dtype::parse::parse_dtype(&typestr)?,
    };
    let dt = exact_record_dtype(obj, dt);
    let data = ai
        .get_item("data")?
        .ok_or_else(|| PyValueError::new_err("missing data"))?;
    let (ptr, readonly): (usize, bool) = match data.extract::<(usize, bool)>() {
        Ok(x) => x,
        Err(_) => return Ok(None),
    };
    let strides: Strides = match ai.get_item("strides")? {
        Some(s) if !s.is_none() => s.extract::<Vec<isize>>()?.into_iter().collect(),
        _ => crate::array::c_strides(&shape, dt.itemsize()),
    };
    let shape: Dims = shape.into_iter().collect();
    let owner = HeldObject(obj.clone().unbind());
    Ok(Some(wrap_memory(
        ptr as *mut u8,
        shape,
        strides,
        dt,
        !readonly,
        Box::new(owner),
    )?))
}

/// Use another object's memory: buffer protocol, then `__array_interface__`, then `__array__`.
/// Returns the array and the object that owns the memory.
pub fn from_foreign(obj: &Bound<'_, PyAny>) -> PyResult<Option<(NdArray, Option<Py<PyAny>>)>> {
    if let Some(a) = from_numpy_ndarray(obj)? {
        return Ok(Some(a));
    }
    if let Some(a) = super::vstring::from_numpy_array(obj)? {
        // StringDType items point into NumPy's allocator: copied, never shared.
        return Ok(Some((a, None)));
    }
    if let Some(a) = from_buffer_protocol(obj)? {
        return Ok(Some((a, Some(obj.clone().unbind()))));
    }
    if let Some(a) = from_array_interface(obj)? {
        return Ok(Some((a, Some(obj.clone().unbind()))));
    }
    if obj.hasattr("__array__")? {
        let inner = obj.call_method0("__array__")?;
        if inner.is(obj) {
            return Ok(None);
        }
        if let Ok(a) = inner.cast::<super::array::PyNdArray>() {
            return Ok(Some((a.get().cur(), Some(inner.clone().unbind()))));
        }
        return from_foreign(&inner);
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Exporting: buffer protocol

struct ExportInfo {
    format: CString,
    shape: Vec<ffi::Py_ssize_t>,
    strides: Vec<ffi::Py_ssize_t>,
}

/// Fill a `Py_buffer` for `arr`, owned by `owner`.
///
/// # Safety
/// `view` must be a valid pointer to a Py_buffer to fill.
pub unsafe fn fill_buffer(
    owner: Bound<'_, PyAny>,
    arr: &NdArray,
    writeable: bool,
    view: *mut ffi::Py_buffer,
    flags: c_int,
) -> PyResult<()> {
    if view.is_null() {
        return Err(PyBufferError::new_err("View is null"));
    }
    if flags & ffi::PyBUF_WRITABLE == ffi::PyBUF_WRITABLE && !writeable {
        return Err(PyBufferError::new_err("buffer source array is read-only"));
    }
    let c_req = flags & ffi::PyBUF_C_CONTIGUOUS == ffi::PyBUF_C_CONTIGUOUS;
    let f_req = flags & ffi::PyBUF_F_CONTIGUOUS == ffi::PyBUF_F_CONTIGUOUS;
    let any_req = flags & ffi::PyBUF_ANY_CONTIGUOUS == ffi::PyBUF_ANY_CONTIGUOUS;
    if (c_req && !arr.is_c_contiguous())
        || (f_req && !arr.is_f_contiguous())
        || (any_req && !arr.is_c_contiguous() && !arr.is_f_contiguous())
    {
        return Err(PyBufferError::new_err("ndarray is not contiguous"));
    }
    if flags & ffi::PyBUF_STRIDES != ffi::PyBUF_STRIDES && !arr.is_c_contiguous() {
        return Err(PyBufferError::new_err("ndarray is not C-contiguous"));
    }
    let format = format_of_array(arr).ok_or_else(|| {
        if arr.dtype().fields().is_some() {
            PyValueError::new_err("dtypes with overlapping or out-of-order fields are not representable as buffers. Consider reordering the fields.")
        } else if arr.dtype().kind() == 'T' {
            PyValueError::new_err("cannot include dtype 'StringDType' in a buffer")
        } else if matches!(arr.dtype().kind(), 'M' | 'm') {
            PyValueError::new_err(format!(
                "cannot include dtype '{}' in a buffer",
                arr.dtype().kind()
            ))
        } else {
            PyBufferError::new_err("dtype has no buffer format")
        }
    })?;
    let info = Box::new(ExportInfo {
        format: CString::new(format)
            .map_err(|_| PyBufferError::new_err("a field name holds a NUL character"))?,
        shape: arr.shape().iter().map(|&d| d as ffi::Py_ssize_t).collect(),
        strides: if arr.size() == 0 {
            crate::array::c_strides(arr.shape(), arr.itemsize())
                .iter()
                .map(|&s| s as ffi::Py_ssize_t)
                .collect()
        } else {
            arr.strides()
                .iter()
                .map(|&s| s as ffi::Py_ssize_t)
                .collect()
        },
    });
    // SAFETY: view is valid (checked non-null above, caller's guarantee).
    unsafe {
        (*view).obj = owner.into_ptr();
        (*view).buf = arr.data_ptr() as *mut c_void;
        (*view).len = arr.nbytes() as ffi::Py_ssize_t;
        (*view).readonly = (!writeable) as c_int;
        (*view).itemsize = arr.itemsize() as ffi::Py_ssize_t;
        (*view).format = if flags & ffi::PyBUF_FORMAT == ffi::PyBUF_FORMAT {
            info.format.as_ptr() as *mut _
        } else {
            std::ptr::null_mut()
        };
        (*view).ndim = arr.ndim() as c_int;
        (*view).shape = if flags & ffi::PyBUF_ND == ffi::PyBUF_ND {
            info.shape.as_ptr() as *mut _
        } else {
            std::ptr::null_mut()
        };
        (*view).strides = if flags & ffi::PyBUF_STRIDES == ffi::PyBUF_STRIDES {
            info.strides.as_ptr() as *mut _
        } else {
            std::ptr::null_mut()
        };
        (*view).suboffsets = std::ptr::null_mut();
        (*view).internal = Box::into_raw(info) as *mut c_void;
    }
    Ok(())
}

/// Free what `fill_buffer` allocated.
///
/// # Safety
/// `view` must have been filled by `fill_buffer`.
pub unsafe fn release_buffer(view: *mut ffi::Py_buffer) {
    // SAFETY: internal was set from Box::into_raw in fill_buffer and is freed once.
    unsafe {
        if !(*view).internal.is_null() {
            drop(Box::from_raw((*view).internal as *mut ExportInfo));
            (*view).internal = std::ptr::null_mut();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Exporting: __array_interface__

pub fn array_interface<'py>(
    py: Python<'py>,
    arr: &NdArray,
    writeable: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("data", (arr.data_ptr() as usize, !writeable))?;
    d.set_item(
        "strides",
        if arr.is_c_contiguous() {
            py.None().into_bound(py)
        } else {
            PyTuple::new(py, arr.strides())?.into_any()
        },
    )?;
    match super::dtype::descr_of(py, arr.dtype()) {
        Ok(Some(descr)) => d.set_item("descr", descr)?,
        // Fields out of offset order have no list form: plain void, as NumPy writes it.
        _ => d.set_item("descr", vec![("".to_string(), arr.dtype().typestr())])?,
    }
    d.set_item("typestr", arr.dtype().typestr())?;
    d.set_item("shape", PyTuple::new(py, arr.shape())?)?;
    d.set_item("version", 3)?;
    Ok(d)
}

// ---------------------------------------------------------------------------------------------
// DLPack

/// What a DLPack capsule exported by rumpy keeps alive.
struct DlContext {
    _arr: NdArray,
    shape: Vec<i64>,
    strides: Vec<i64>,
}

unsafe extern "C" fn dl_deleter(m: *mut DLManagedTensor) {
    if m.is_null() {
        return;
    }
    // SAFETY: m and its context were created by `to_dlpack` with Box::into_raw.
    unsafe {
        drop(Box::from_raw((*m).manager_ctx as *mut DlContext));
        drop(Box::from_raw(m));
    }
}

unsafe extern "C" fn dl_deleter_versioned(m: *mut DLManagedTensorVersioned) {
    if m.is_null() {
        return;
    }
    // SAFETY: as above.
    unsafe {
        drop(Box::from_raw((*m).manager_ctx as *mut DlContext));
        drop(Box::from_raw(m));
    }
}

const NAME_V0: &CStr = c"dltensor";
const NAME_V1: &CStr = c"dltensor_versioned";
const USED_V0: &CStr = c"used_dltensor";
const USED_V1: &CStr = c"used_dltensor_versioned";

unsafe extern "C" fn capsule_destructor_v0(cap: *mut ffi::PyObject) {
    // SAFETY: called by Python with our capsule; only an unconsumed capsule owns the tensor.
    unsafe {
        if ffi::PyCapsule_IsValid(cap, NAME_V0.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(cap, NAME_V0.as_ptr()) as *mut DLManagedTensor;
            if let Some(d) = (*m).deleter {
                d(m);
            }
        }
    }
}

unsafe extern "C" fn capsule_destructor_v1(cap: *mut ffi::PyObject) {
    // SAFETY: as above.
    unsafe {
        if ffi::PyCapsule_IsValid(cap, NAME_V1.as_ptr()) == 1 {
            let m =
                ffi::PyCapsule_GetPointer(cap, NAME_V1.as_ptr()) as *mut DLManagedTensorVersioned;
            if let Some(d) = (*m).deleter {
                d(m);
            }
        }
    }
}

fn make_tensor(arr: &NdArray, ctx: &mut DlContext) -> PyResult<DLTensor> {
    let isz = arr.itemsize() as isize;
    for &s in arr.strides() {
        if s % isz != 0 {
            return Err(PyBufferError::new_err(
                "DLPack only supports strides which are a multiple of itemsize.",
            ));
        }
    }
    ctx.shape = arr.shape().iter().map(|&d| d as i64).collect();
    ctx.strides = arr.strides().iter().map(|&s| (s / isz) as i64).collect();
    Ok(DLTensor {
        data: arr.data_ptr() as *mut c_void,
        device: DLDevice {
            device_type: DL_CPU,
            device_id: 0,
        },
        ndim: arr.ndim() as i32,
        dtype: dl_dtype(arr.dtype())?,
        shape: ctx.shape.as_mut_ptr(),
        strides: ctx.strides.as_mut_ptr(),
        byte_offset: 0,
    })
}

/// Build a DLPack capsule for `arr` (versioned when the consumer accepts version 1).
pub fn to_dlpack(
    py: Python<'_>,
    arr: &NdArray,
    writeable: bool,
    versioned: bool,
) -> PyResult<Py<PyAny>> {
    let mut ctx = Box::new(DlContext {
        _arr: arr.clone(),
        shape: vec![],
        strides: vec![],
    });
    let tensor = make_tensor(arr, &mut ctx)?;
    let ctx_ptr = Box::into_raw(ctx) as *mut c_void;
    // SAFETY: the capsule takes ownership of the managed tensor; its destructor frees it unless
    // a consumer renamed the capsule, in which case the consumer calls the deleter.
    unsafe {
        let cap = if versioned {
            let m = Box::into_raw(Box::new(DLManagedTensorVersioned {
                version: DLPackVersion { major: 1, minor: 0 },
                manager_ctx: ctx_ptr,
                deleter: Some(dl_deleter_versioned),
                flags: if writeable { 0 } else { DL_FLAG_READ_ONLY },
                dl_tensor: tensor,
            }));
            ffi::PyCapsule_New(
                m as *mut c_void,
                NAME_V1.as_ptr(),
                Some(capsule_destructor_v1),
            )
        } else {
            if !writeable {
                drop(Box::from_raw(ctx_ptr as *mut DlContext));
                return Err(PyBufferError::new_err("Cannot export readonly array since signalling readonly is unsupported by DLPack."));
            }
            let m = Box::into_raw(Box::new(DLManagedTensor {
                dl_tensor: tensor,
                manager_ctx: ctx_ptr,
                deleter: Some(dl_deleter),
            }));
            ffi::PyCapsule_New(
                m as *mut c_void,
                NAME_V0.as_ptr(),
                Some(capsule_destructor_v0),
            )
        };
        Ok(Bound::from_owned_ptr_or_err(py, cap)?.unbind())
    }
}

/// Owns a consumed DLPack tensor; calls the producer's deleter when rumpy is done with it.
enum DlOwner {
    V0(*mut DLManagedTensor),
    V1(*mut DLManagedTensorVersioned),
}
// SAFETY: DLPack deleters may be called from any thread.
unsafe impl Send for DlOwner {}
// SAFETY: nothing is accessed through a shared reference.
unsafe impl Sync for DlOwner {}

impl Drop for DlOwner {
    fn drop(&mut self) {
        // The producer may need the GIL (NumPy's deleter does).
        Python::attach(|_py| {
            // SAFETY: each pointer came from a consumed capsule and is released once.
            unsafe {
                match *self {
                    DlOwner::V0(m) => {
                        if let Some(d) = (*m).deleter {
                            d(m)
                        }
                    }
                    DlOwner::V1(m) => {
                        if let Some(d) = (*m).deleter {
                            d(m)
                        }
                    }
                }
            }
        });
    }
}

/// `rumpy.from_dlpack(x)`.
pub fn from_dlpack(obj: &Bound<'_, PyAny>) -> PyResult<NdArray> {
    let py = obj.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("max_version", (1, 0))?;
    let cap = match obj.call_method("__dlpack__", (), Some(&kwargs)) {
        Ok(c) => c,
        Err(e) if e.is_instance_of::<PyTypeError>(py) => obj.call_method0("__dlpack__")?,
        Err(e) => return Err(e),
    };
    let capp = cap.as_ptr();
    // SAFETY: capp is a live object; the capsule API checks names.
    unsafe {
        if ffi::PyCapsule_IsValid(capp, NAME_V1.as_ptr()) == 1 {
            let m =
                ffi::PyCapsule_GetPointer(capp, NAME_V1.as_ptr()) as *mut DLManagedTensorVersioned;
            if (*m).version.major > 1 {
                return Err(PyBufferError::new_err("DLPack version is not supported"));
            }
            let t = &(*m).dl_tensor;
            let ro = (*m).flags & DL_FLAG_READ_ONLY != 0;
            let mut consumed = false;
            let arr = tensor_to_array(t, !ro, || {
                consumed = true;
                DlOwner::V1(m)
            });
            if consumed {
                ffi::PyCapsule_SetName(capp, USED_V1.as_ptr());
            }
            arr
        } else if ffi::PyCapsule_IsValid(capp, NAME_V0.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(capp, NAME_V0.as_ptr()) as *mut DLManagedTensor;
            let t = &(*m).dl_tensor;
            let mut consumed = false;
            let arr = tensor_to_array(t, true, || {
                consumed = true;
                DlOwner::V0(m)
            });
            if consumed {
                ffi::PyCapsule_SetName(capp, USED_V0.as_ptr());
            }
            arr
        } else {
            ffi::PyErr_Clear();
            Err(PyValueError::new_err(
                "__dlpack__ did not return a DLPack capsule",
            ))
        }
    }
}

/// # Safety
/// `t` must describe valid memory that stays valid while the owner lives.
unsafe fn tensor_to_array(
    t: &DLTensor,
    writeable: bool,
    owner: impl FnOnce() -> DlOwner,
) -> PyResult<NdArray> {
    if t.device.device_type != DL_CPU {
        return Err(PyBufferError::new_err("Unsupported device in DLTensor."));
    }
    let dt = dtype_from_dl(t.dtype)?;
    let nd = t.ndim as usize;
    // SAFETY: shape has ndim entries per the DLPack contract.
    let shape: Dims = (0..nd)
        .map(|k| unsafe { *t.shape.add(k) } as usize)
        .collect();
    let strides: Strides = if t.strides.is_null() {
        crate::array::c_strides(&shape, dt.itemsize())
    } else {
        // SAFETY: strides has ndim entries when not null.
        (0..nd)
            .map(|k| unsafe { *t.strides.add(k) } as isize * dt.itemsize() as isize)
            .collect()
    };
    let ptr = (t.data as *mut u8).wrapping_add(t.byte_offset as usize);
    wrap_memory(ptr, shape, strides, dt, writeable, Box::new(owner()))
}

// ---------------------------------------------------------------------------
// Exporting: __array_struct__ (records whose fields are out of offset order)
// ---------------------------------------------------------------------------

/// NumPy's `PyArrayInterface` (the `__array_struct__` capsule's contents).
#[repr(C)]
struct ArrayInterfaceStruct {
    two: c_int,
    nd: c_int,
    typekind: c_char,
    itemsize: c_int,
    flags: c_int,
    shape: *mut isize,
    strides: *mut isize,
    data: *mut c_void,
    descr: *mut ffi::PyObject,
}

/// The capsule's allocation: the struct first, then what it points to.
#[repr(C)]
struct ArrayStructOwned {
    iface: ArrayInterfaceStruct,
    dims: Vec<isize>,
}

const NPY_ARRAY_C_CONTIGUOUS: c_int = 0x1;
const NPY_ARRAY_F_CONTIGUOUS: c_int = 0x2;
const NPY_ARRAY_NOTSWAPPED: c_int = 0x200;
const NPY_ARRAY_WRITEABLE: c_int = 0x400;
const NPY_ARR_HAS_DESCR: c_int = 0x800;

unsafe extern "C" fn array_struct_destructor(cap: *mut ffi::PyObject) {
    // SAFETY: the capsule was made by `array_struct` with a null name and owns the box; the
    // destructor runs with the GIL held.
    unsafe {
        let p = ffi::PyCapsule_GetPointer(cap, std::ptr::null()) as *mut ArrayStructOwned;
        if !p.is_null() {
            let b = Box::from_raw(p);
            ffi::Py_DECREF(b.iface.descr);
        }
    }
}

/// `__array_struct__` for a record array whose fields are out of offset order: the buffer
/// format and the array interface's descr cannot describe it, the struct's descr (any dtype
/// spec NumPy reads) can. Other arrays have none (AttributeError).
pub fn array_struct(py: Python<'_>, arr: &NdArray, writeable: bool) -> PyResult<Py<PyAny>> {
    if arr.dtype().fields().is_none() || super::dtype::descr_of(py, arr.dtype()).is_ok() {
        return Err(pyo3::exceptions::PyAttributeError::new_err(
            "__array_struct__",
        ));
    }
    let descr = numpy_spec(py, arr.dtype())?;
    let nd = arr.ndim();
    let mut dims: Vec<isize> = arr.shape().iter().map(|&d| d as isize).collect();
    dims.extend(arr.strides().iter().copied());
    let mut flags = NPY_ARRAY_NOTSWAPPED | NPY_ARR_HAS_DESCR;
    if arr.is_c_contiguous() {
        flags |= NPY_ARRAY_C_CONTIGUOUS;
    }
    if arr.is_f_contiguous() {
        flags |= NPY_ARRAY_F_CONTIGUOUS;
    }
    if writeable {
        flags |= NPY_ARRAY_WRITEABLE;
    }
    let mut owned = Box::new(ArrayStructOwned {
        iface: ArrayInterfaceStruct {
            two: 2,
            nd: nd as c_int,
            typekind: b'V' as c_char,
            itemsize: arr.itemsize() as c_int,
            flags,
            shape: std::ptr::null_mut(),
            strides: std::ptr::null_mut(),
            data: arr.data_ptr() as *mut c_void,
            descr: descr.into_ptr(),
        },
        dims,
    });
    let base = owned.dims.as_mut_ptr();
    owned.iface.shape = base;
    // SAFETY: dims holds nd shape entries followed by nd strides.
    owned.iface.strides = unsafe { base.add(nd) };
    let p = Box::into_raw(owned);
    // SAFETY: the capsule owns the box (freed by the destructor); NumPy reads the struct with
    // a null capsule name and keeps the exporting array alive as the base.
    unsafe {
        let cap = ffi::PyCapsule_New(
            p as *mut c_void,
            std::ptr::null(),
            Some(array_struct_destructor),
        );
        if cap.is_null() {
            let b = Box::from_raw(p);
            ffi::Py_DECREF(b.iface.descr);
        }
        Ok(Bound::from_owned_ptr_or_err(py, cap)?.unbind())
    }
}
