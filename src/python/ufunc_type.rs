//! The type of the ufunc objects, `rumpy.ufunc`: a subtype of the binding's class that
//! CPython calls through vectorcall (the arguments as a C array, no tuple or dict made per
//! call), as it calls NumPy's ufuncs.
//!
//! pyo3 declares no vectorcall for its classes under the limited API, which has the protocol
//! only from Python 3.12; CPython has read it since 3.8. So the type is made here with
//! `PyType_FromSpecWithBases`: its instances are the class's storage followed by one function
//! pointer, named by the `__vectorcalloffset__` member, and the type carries the vectorcall
//! flag. Everything else (methods, attributes, `tp_call` for `ufunc(*args, **kwargs)`) is
//! inherited from the class.

use std::cell::Cell;
use std::ffi::{c_int, c_uint, c_ulong};
use std::ptr::null_mut;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};

use super::ufunc::PyUfunc;
use crate::dispatch::Ufunc;

/// `Py_TPFLAGS_HAVE_VECTORCALL` (CPython 3.8 on; named in the limited API from 3.12).
const HAVE_VECTORCALL: c_ulong = 1 << 11;
/// The bit of `nargsf` that lets a callee use the slot before the arguments.
const ARGUMENTS_OFFSET: usize = 1 << (usize::BITS - 1);

/// The vectorcall signature as pyo3's fast-call trampoline declares it (`nargsf` as
/// `Py_ssize_t`, the same ABI as C's `size_t`).
type VectorCall = unsafe extern "C" fn(
    *mut ffi::PyObject,
    *const *mut ffi::PyObject,
    ffi::Py_ssize_t,
    *mut ffi::PyObject,
) -> *mut ffi::PyObject;

/// A getter through pyo3's two-pointer trampoline.
type DocGetter = unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject;

thread_local! {
    /// The ufunc `make` is creating, for `ufunc.__new__` to take (None: a user's call).
    static MAKING: Cell<Option<&'static Ufunc>> = const { Cell::new(None) };
}

/// The ufunc being made, taken (None outside `Maker::make`).
pub fn making() -> Option<&'static Ufunc> {
    MAKING.take()
}

/// Makes ufunc objects of the vectorcall type.
pub struct Maker<'py> {
    ty: Bound<'py, PyType>,
    /// Where the vectorcall pointer lies in an instance: after the class's storage.
    offset: usize,
}

impl<'py> Maker<'py> {
    /// Creates the type `rumpy.ufunc` over the binding's class.
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        let base = py.get_type::<PyUfunc>();
        let base_size: ffi::Py_ssize_t = base.getattr("__basicsize__")?.extract()?;
        let size = std::mem::size_of::<Option<VectorCall>>() as ffi::Py_ssize_t;
        // CPython keeps pointers into these for the type's lifetime: made once, never freed.
        let members: &'static mut [ffi::PyMemberDef; 2] = Box::leak(Box::new([
            ffi::PyMemberDef {
                name: c"__vectorcalloffset__".as_ptr(),
                type_code: ffi::Py_T_PYSSIZET,
                offset: base_size,
                flags: ffi::Py_READONLY,
                doc: std::ptr::null(),
            },
            ffi::PyMemberDef::default(),
        ]));
        let doc: DocGetter = pyo3::get_trampoline_function!(getattrofunc, doc);
        let getset: &'static mut [ffi::PyGetSetDef; 2] = Box::leak(Box::new([
            ffi::PyGetSetDef {
                name: c"__doc__".as_ptr(),
                // SAFETY: the same ABI (two pointers in, one out); the second is unused.
                get: Some(unsafe { std::mem::transmute::<DocGetter, ffi::getter>(doc) }),
                set: None,
                doc: std::ptr::null(),
                closure: null_mut(),
            },
            ffi::PyGetSetDef::default(),
        ]));
        let slots: &'static mut [ffi::PyType_Slot; 3] = Box::leak(Box::new([
            ffi::PyType_Slot {
                slot: ffi::Py_tp_members,
                pfunc: members.as_mut_ptr().cast(),
            },
            // Each ufunc's docstring: without it the type's `__doc__` (None) would hide the
            // class's getter.
            ffi::PyType_Slot {
                slot: ffi::Py_tp_getset,
                pfunc: getset.as_mut_ptr().cast(),
            },
            ffi::PyType_Slot {
                slot: 0,
                pfunc: null_mut(),
            },
        ]));
        let spec: &'static mut ffi::PyType_Spec = Box::leak(Box::new(ffi::PyType_Spec {
            name: c"rumpy.ufunc".as_ptr(),
            basicsize: c_int::try_from(base_size + size)?,
            itemsize: 0,
            flags: (ffi::Py_TPFLAGS_DEFAULT | HAVE_VECTORCALL) as c_uint,
            slots: slots.as_mut_ptr(),
        }));
        let bases = PyTuple::new(py, [base])?;
        // SAFETY: the spec and its arrays live for the program; `bases` is a tuple of types.
        let ty = unsafe {
            Bound::from_owned_ptr_or_err(py, ffi::PyType_FromSpecWithBases(spec, bases.as_ptr()))?
        }
        .cast_into::<PyType>()?;
        Ok(Maker {
            ty,
            offset: usize::try_from(base_size)?,
        })
    }

    /// The type, exported as `rumpy.ufunc`.
    pub fn ty(&self) -> &Bound<'py, PyType> {
        &self.ty
    }

    /// A ufunc object for a row of the table.
    pub fn make(&self, u: &'static Ufunc) -> PyResult<Bound<'py, PyAny>> {
        MAKING.set(Some(u));
        let made = self.ty.call0();
        MAKING.set(None);
        let obj = made?;
        let call: VectorCall =
            pyo3::get_trampoline_function!(fastcall_cfunction_with_keywords, vectorcall);
        // SAFETY: the instance was allocated with the type's size, `offset` bytes of the
        // class's storage and then room for this pointer (zeroed by the allocator).
        unsafe {
            obj.as_ptr()
                .cast::<u8>()
                .add(self.offset)
                .cast::<Option<VectorCall>>()
                .write(Some(call));
        }
        Ok(obj)
    }
}

/// A ufunc called with its arguments in a C array: the positional ones, then the values of
/// the keywords named in `kwnames`.
///
/// # Safety
/// CPython's vectorcall contract: `slf` is a ufunc object, `args` holds the positional count
/// in `nargsf` (without its offset bit) plus one item per name in `kwnames`.
unsafe fn vectorcall(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargsf: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject> {
    let nargs = (nargsf as usize) & !ARGUMENTS_OFFSET;
    // SAFETY: per the contract above.
    let (ufunc, names) = unsafe {
        (
            pyo3::Borrowed::from_ptr(py, slf).cast_unchecked::<PyUfunc>(),
            pyo3::Borrowed::from_ptr_or_opt(py, kwnames).map(|k| k.cast_unchecked::<PyTuple>()),
        )
    };
    let nkw = names.as_ref().map_or(0, |k| k.len());
    let items = if nargs + nkw == 0 {
        &[][..]
    } else {
        // SAFETY: per the contract above.
        unsafe { std::slice::from_raw_parts(args, nargs + nkw) }
    };
    // SAFETY: the items are live objects the caller holds.
    let item = |p: &*mut ffi::PyObject| unsafe { Bound::from_borrowed_ptr(py, *p) };
    let positional = items[..nargs].iter().map(item).collect();
    let kwargs = match names {
        Some(names) if nkw > 0 => {
            let d = PyDict::new(py);
            for (name, value) in names.iter().zip(&items[nargs..]) {
                d.set_item(name, item(value))?;
            }
            Some(d)
        }
        _ => None,
    };
    let r = ufunc.get().call(py, positional, kwargs.as_ref())?;
    Ok(r.into_ptr())
}

/// `ufunc.__doc__`: the ufunc's own docstring.
///
/// # Safety
/// `slf` is a ufunc object.
unsafe fn doc(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    _closure: *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject> {
    // SAFETY: per the contract above.
    let ufunc = unsafe { pyo3::Borrowed::from_ptr(py, slf).cast_unchecked::<PyUfunc>() };
    Ok(pyo3::types::PyString::new(py, &ufunc.get().doc()).into_ptr())
}
