//! Temporary elision: in `a * b + c` the sum is computed into the buffer of `a * b`, a
//! temporary no one else can see, instead of a fresh allocation (NumPy's optimisation, with
//! its guards). A large new buffer costs its page faults, and its absence lowers peak memory.
//!
//! An operand is a temporary when the interpreter's value stack holds its only reference:
//! its reference count is 1 (Python 3.14 can borrow locals onto the stack without a
//! reference, so there `PyUnstable_Object_IsUniqueReferencedTemporary` decides) and the
//! operator was called by the interpreter itself, not by C code holding the object in a
//! variable it reads again later (the native stack between here and the evaluation loop
//! holds only this module and the Python runtime; glibc's `backtrace` tells, elsewhere there
//! is no elision). The array must own its whole buffer (no views, exports or bases), be
//! large enough to pay for the check, and already have the result's dtype and shape.

use pyo3::prelude::*;
use pyo3::types::{PyComplex, PyFloat, PyInt};

use super::array::PyNdArray;

/// NumPy's threshold: below it the allocation is cheap next to the stack walk.
const MIN_BYTES: usize = 256 * 1024;

/// The operand of the operator `name` between `slf` and `other` that may receive the result.
pub(crate) fn target<'py>(
    slf: &Bound<'py, PyNdArray>,
    other: &Bound<'py, PyAny>,
    name: &str,
) -> Option<Bound<'py, PyAny>> {
    let other_arr = other
        .cast::<PyNdArray>()
        .ok()
        .filter(|o| o.is_exact_instance_of::<PyNdArray>());
    // The sizes first, without taking handles: small operands are the per-call path.
    let big = |o: &Bound<'py, PyNdArray>| o.get().with_arr_in(o.py(), |a| a.nbytes()) >= MIN_BYTES;
    if !big(slf) && !other_arr.is_some_and(big) {
        return None;
    }
    let mine = slf.get().cur();
    let st = mine.dtype().scalar_type()?;
    if !keeps_dtype(name, mine.dtype().kind()) {
        return None;
    }
    let theirs = other_arr.map(|o| o.get().cur());
    match &theirs {
        // Byte order aside, the same type (NumPy: a safe cast to the temporary's dtype).
        Some(t) if t.dtype().scalar_type() != Some(st) => return None,
        Some(_) => {}
        None if !scalar_keeps(other, mine.dtype()) => return None,
        None => {}
    }
    let cands = [
        Some((slf.as_any(), &mine, true)),
        other_arr
            .zip(theirs.as_ref())
            .map(|(o, t)| (o.as_any(), t, false)),
    ];
    for (obj, arr, left) in cands.into_iter().flatten() {
        let shape_ok = match &theirs {
            Some(t) => crate::array::broadcast_shapes(&[mine.shape(), t.shape()])
                .is_ok_and(|s| s == arr.shape()),
            None => true,
        };
        // A byte-swapped temporary keeps its byte order in the result, so it is taken only
        // where NumPy takes one (the left operand, or either of a commutative operator, next
        // to a scalar or an array of its shape), for NumPy's dtype.
        let numpy_would = (left || commutative(name))
            && theirs
                .as_ref()
                .is_none_or(|t| t.ndim() == 0 || t.shape() == mine.shape());
        if shape_ok
            && (arr.dtype().native_scalar().is_some() || numpy_would)
            && sole_owner(obj, arr, &[Some(&mine), theirs.as_ref()])
            && is_temporary(obj)
        {
            return Some(obj.clone());
        }
    }
    None
}

/// NumPy's operators that may compute into either operand.
fn commutative(name: &str) -> bool {
    matches!(
        name,
        "add" | "multiply" | "bitwise_and" | "bitwise_or" | "bitwise_xor"
    )
}

/// Whether the loop for two operands of kind `kind` (or one and a Python scalar that keeps
/// it) gives that same dtype.
fn keeps_dtype(name: &str, kind: char) -> bool {
    match name {
        "add" | "subtract" | "multiply" => matches!(kind, 'i' | 'u' | 'f' | 'c'),
        "divide" => matches!(kind, 'f' | 'c'),
        "floor_divide" => matches!(kind, 'i' | 'u' | 'f'),
        "bitwise_and" | "bitwise_or" | "bitwise_xor" | "left_shift" | "right_shift" => {
            matches!(kind, 'i' | 'u')
        }
        _ => false,
    }
}

/// A Python number (weak, NEP 50) or rumpy scalar (strong) that leaves an array of dtype `dt`
/// its dtype.
fn scalar_keeps(x: &Bound<'_, PyAny>, dt: &crate::dtype::DType) -> bool {
    let kind = dt.kind();
    if let Some(st) = super::dtype::rumpy_scalar_type(x) {
        dt.scalar_type() == Some(st)
    } else if x.is_exact_instance_of::<PyInt>() {
        // Out of range raises before the loop runs.
        true
    } else if x.is_exact_instance_of::<PyFloat>() {
        matches!(kind, 'f' | 'c')
    } else {
        x.is_exact_instance_of::<PyComplex>() && kind == 'c'
    }
}

/// A base-class array owning all of its writeable buffer: no base, no views or exports. `held`:
/// the snapshots taken here, whose handles to the buffer are not other owners.
fn sole_owner(
    obj: &Bound<'_, PyAny>,
    arr: &crate::array::NdArray,
    held: &[Option<&crate::array::NdArray>],
) -> bool {
    let ours = held
        .iter()
        .flatten()
        .filter(|h| std::sync::Arc::ptr_eq(h.buffer(), arr.buffer()))
        .count();
    let Ok(a) = obj.cast::<PyNdArray>() else {
        return false;
    };
    let this = a.get();
    this.base_is_none()
        && this.is_writeable()
        && !this.is_exported()
        && arr.flags().owndata
        && arr.buffer().is_owned()
        && std::sync::Arc::strong_count(arr.buffer()) == 1 + ours
}

/// Whether the interpreter's stack holds the only reference to `obj` (see the module's note).
fn is_temporary(obj: &Bound<'_, PyAny>) -> bool {
    match unique_temporary_fn(obj.py()) {
        // SAFETY: reading the reference count of a live object.
        Check::RefCount => {
            (unsafe { pyo3::ffi::Py_REFCNT(obj.as_ptr()) }) == 1 && native::called_by_interpreter()
        }
        // SAFETY: the runtime's own function, called with a live object.
        Check::Runtime(f) => (unsafe { f(obj.as_ptr()) }) == 1,
        Check::Never => false,
    }
}

type UniqueFn = unsafe extern "C" fn(*mut pyo3::ffi::PyObject) -> std::os::raw::c_int;

#[derive(Copy, Clone)]
enum Check {
    RefCount,
    Runtime(UniqueFn),
    Never,
}

/// How this Python tells a temporary: by reference count before 3.14, by its own function
/// after (found at run time: the stable ABI does not name it).
fn unique_temporary_fn(py: Python<'_>) -> Check {
    static CHECK: std::sync::OnceLock<Check> = std::sync::OnceLock::new();
    *CHECK.get_or_init(|| {
        if !py.version_info().ge(&(3, 14)) {
            return if native::available() {
                Check::RefCount
            } else {
                Check::Never
            };
        }
        native::symbol(c"PyUnstable_Object_IsUniqueReferencedTemporary")
            // SAFETY: the runtime's function of this signature.
            .map_or(Check::Never, |p| {
                Check::Runtime(unsafe { std::mem::transmute::<*mut std::ffi::c_void, UniqueFn>(p) })
            })
    })
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod native {
    use std::ffi::{c_void, CStr};
    use std::sync::OnceLock;

    /// The load addresses of this module and of the Python runtime.
    fn bases() -> Option<(usize, usize)> {
        static BASES: OnceLock<Option<(usize, usize)>> = OnceLock::new();
        *BASES.get_or_init(|| {
            let ours = object_base(bases as *const c_void)?;
            let python = object_base(pyo3::ffi::PyNumber_Add as *const c_void)?;
            (ours != python).then_some((ours, python))
        })
    }

    fn object_base(p: *const c_void) -> Option<usize> {
        let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
        // SAFETY: dladdr only reads the loader's tables.
        (unsafe { libc::dladdr(p, &mut info) } != 0).then_some(info.dli_fbase as usize)
    }

    pub fn available() -> bool {
        bases().is_some()
    }

    pub fn symbol(name: &CStr) -> Option<*mut c_void> {
        // SAFETY: a lookup in the loaded objects.
        let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) };
        (!p.is_null()).then_some(p)
    }

    /// Whether every native frame from here up to the interpreter's evaluation loop belongs
    /// to this module or to the Python runtime.
    pub fn called_by_interpreter() -> bool {
        let Some((ours, python)) = bases() else {
            return false;
        };
        let mut frames = [std::ptr::null_mut::<c_void>(); 48];
        // SAFETY: backtrace fills at most the given number of entries.
        let n = unsafe { libc::backtrace(frames.as_mut_ptr(), frames.len() as libc::c_int) };
        let mut seen_ours = false;
        for &ip in &frames[..n.max(0) as usize] {
            let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
            // SAFETY: as in object_base.
            if unsafe { libc::dladdr(ip, &mut info) } == 0 {
                return false;
            }
            let base = info.dli_fbase as usize;
            if base == ours {
                seen_ours = true;
                continue;
            }
            if !seen_ours {
                // The unwinder's own frames, before this module's.
                continue;
            }
            if base != python {
                return false;
            }
            if !info.dli_sname.is_null()
                // SAFETY: dladdr's name is a NUL-terminated string of the loaded object.
                && unsafe { CStr::from_ptr(info.dli_sname) }.to_bytes() == b"_PyEval_EvalFrameDefault"
            {
                return true;
            }
        }
        false
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod native {
    use std::ffi::{c_void, CStr};

    pub fn available() -> bool {
        false
    }
    pub fn symbol(_name: &CStr) -> Option<*mut c_void> {
        None
    }
    pub fn called_by_interpreter() -> bool {
        false
    }
}
