//! Types whose instances CPython calls through vectorcall (the arguments as a C array, no
//! tuple or dict made per call), as it calls NumPy's ufuncs and functions: `rumpy.ufunc` and
//! `rumpy.array_function`.
//!
//! pyo3 declares no vectorcall for its classes under the limited API, which has the protocol
//! only from Python 3.12; CPython has read it since 3.8. So each such type is made here with
//! `PyType_FromSpecWithBases`, as a subtype of the binding's class: its instances are the
//! class's storage followed by one function pointer, named by the `__vectorcalloffset__`
//! member, and the type carries the vectorcall flag. Everything else (methods, attributes,
//! `tp_call` for `f(*args, **kwargs)`) is inherited from the class.

use std::ffi::{c_int, c_uint, c_ulong, CStr};
use std::ptr::null_mut;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};

/// `Py_TPFLAGS_HAVE_VECTORCALL` (CPython 3.8 on; named in the limited API from 3.12).
const HAVE_VECTORCALL: c_ulong = 1 << 11;
/// The bit of `nargsf` that lets a callee use the slot before the arguments.
pub const ARGUMENTS_OFFSET: usize = 1 << (usize::BITS - 1);

/// The vectorcall signature as pyo3's fast-call trampoline declares it (`nargsf` as
/// `Py_ssize_t`, the same ABI as C's `size_t`).
pub type VectorCall = unsafe extern "C" fn(
    *mut ffi::PyObject,
    *const *mut ffi::PyObject,
    ffi::Py_ssize_t,
    *mut ffi::PyObject,
) -> *mut ffi::PyObject;

/// A getter through pyo3's two-pointer trampoline (the second, the closure, unused).
pub type DocGetter =
    unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject;

/// A vectorcall subtype of a binding's class.
pub struct CallableType {
    ty: Py<PyType>,
    /// Where the vectorcall pointer lies in an instance: after the class's storage.
    offset: usize,
}

impl CallableType {
    /// The subtype `name` (module and name, 'static for CPython) of `base`, whose instances'
    /// `__doc__` comes from `doc` (the new type's own `__doc__`, None, would hide the class's
    /// getter).
    pub fn new(
        py: Python<'_>,
        base: &Bound<'_, PyType>,
        name: &'static CStr,
        doc: DocGetter,
    ) -> PyResult<Self> {
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
            name: name.as_ptr(),
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
        Ok(CallableType {
            ty: ty.unbind(),
            offset: usize::try_from(base_size)?,
        })
    }

    /// The type.
    pub fn ty<'py>(&self, py: Python<'py>) -> &Bound<'py, PyType> {
        self.ty.bind(py)
    }

    /// A new instance holding `contents`, called through `call`: the class's `__new__`
    /// (which takes no arguments) takes `contents` from [`making`].
    pub fn instance<'py, T: 'static>(
        &self,
        py: Python<'py>,
        contents: T,
        call: VectorCall,
    ) -> PyResult<Bound<'py, PyAny>> {
        MAKING.set(Some(Box::new(contents)));
        let made = self.ty.bind(py).call0();
        MAKING.set(None);
        let obj = made?;
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

thread_local! {
    /// What [`CallableType::instance`] is making, for the class's `__new__` to take.
    static MAKING: std::cell::Cell<Option<Box<dyn std::any::Any>>> =
        const { std::cell::Cell::new(None) };
}

/// The contents of the instance being made, for a class's `__new__`: None in a user's call
/// (refused then, as NumPy refuses to make ufuncs and functions).
pub fn making<T: 'static>() -> Option<T> {
    MAKING
        .take()
        .and_then(|b| b.downcast::<T>().ok())
        .map(|b| *b)
}

/// A call's positional arguments.
pub type Positional<'py> = smallvec::SmallVec<[Bound<'py, PyAny>; 4]>;

/// The arguments of a vectorcall: the positional ones, and the keywords as a dict (None
/// without keywords).
///
/// # Safety
/// CPython's vectorcall contract: `args` holds the positional count in `nargsf` (without its
/// offset bit) plus one item per name in `kwnames` (a tuple of str, or null).
pub unsafe fn arguments<'py>(
    py: Python<'py>,
    args: *const *mut ffi::PyObject,
    nargsf: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> PyResult<(Positional<'py>, Option<Bound<'py, PyDict>>)> {
    // SAFETY: per the contract above.
    let items = unsafe { items(py, args, nargsf, kwnames) };
    let nargs = items.positional;
    // SAFETY: the items are live objects the caller holds.
    let item = |p: &*mut ffi::PyObject| unsafe { Bound::from_borrowed_ptr(py, *p) };
    let positional = items.all[..nargs].iter().map(item).collect();
    let kwargs = match items.names {
        Some(names) if items.all.len() > nargs => {
            let d = PyDict::new(py);
            for (name, value) in names.iter().zip(&items.all[nargs..]) {
                d.set_item(name, item(value))?;
            }
            Some(d)
        }
        _ => None,
    };
    Ok((positional, kwargs))
}

/// A vectorcall's arguments as CPython passed them.
pub struct Items<'a, 'py> {
    /// The positional arguments, then the keywords' values.
    pub all: &'a [*mut ffi::PyObject],
    /// How many are positional.
    pub positional: usize,
    /// The keywords' names.
    pub names: Option<pyo3::Borrowed<'a, 'py, PyTuple>>,
}

/// See [`arguments`].
///
/// # Safety
/// As [`arguments`].
pub unsafe fn items<'a, 'py>(
    py: Python<'py>,
    args: *const *mut ffi::PyObject,
    nargsf: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> Items<'a, 'py> {
    let positional = (nargsf as usize) & !ARGUMENTS_OFFSET;
    // SAFETY: per the contract.
    let names = unsafe { pyo3::Borrowed::from_ptr_or_opt(py, kwnames) }
        .map(|k| unsafe { k.cast_unchecked::<PyTuple>() });
    let n = positional + names.as_ref().map_or(0, |k| k.len());
    let all = if n == 0 {
        &[][..]
    } else {
        // SAFETY: per the contract.
        unsafe { std::slice::from_raw_parts(args, n) }
    };
    Items {
        all,
        positional,
        names,
    }
}

/// `PyObject_Vectorcall`: exported by CPython since 3.9, named in the limited API from 3.12.
/// Windows links the limited API's DLL, which lacks it before 3.12: a tuple and dict there.
///
/// # Safety
/// As [`arguments`]; `callable` a live object.
pub unsafe fn forward(
    py: Python<'_>,
    callable: &Bound<'_, PyAny>,
    args: *const *mut ffi::PyObject,
    nargsf: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject> {
    #[cfg(not(windows))]
    {
        extern "C" {
            fn PyObject_Vectorcall(
                callable: *mut ffi::PyObject,
                args: *const *mut ffi::PyObject,
                nargsf: usize,
                kwnames: *mut ffi::PyObject,
            ) -> *mut ffi::PyObject;
        }
        // SAFETY: per the contract; CPython's own arguments passed on as they came.
        let r = unsafe { PyObject_Vectorcall(callable.as_ptr(), args, nargsf as usize, kwnames) };
        if r.is_null() {
            Err(PyErr::fetch(py))
        } else {
            Ok(r)
        }
    }
    #[cfg(windows)]
    {
        // SAFETY: per the contract.
        let (positional, kwargs) = unsafe { arguments(py, args, nargsf, kwnames)? };
        let t = PyTuple::new(py, positional)?;
        Ok(callable.call(t, kwargs.as_ref())?.into_ptr())
    }
}
