//! The concrete scalar classes (`rumpy.int8` … `rumpy.complex128`) as C-level types, so that
//! their arithmetic and comparisons run on the core's ufunc loops at C speed.
//!
//! The Python layer (`_scalars.py`) keeps the abstract hierarchy and every method; it asks
//! [`_scalar_type`] for each concrete class, made with `PyType_FromSpecWithBases` over its
//! Python bases (`float64` over `floating` and `float`, as NumPy's). A class other than
//! float64/complex128 stores its value in the instance as an array of its dtype holds an
//! element ([`VALUE_BYTES`] bytes of room), seen from Python as the `_v` property (a Python
//! bool, int, float or complex). Operations on two scalars of the loop's own types run the loop
//! on the values where they lie and into the result's storage ([`in_place_binary`]); results
//! come from a free list of dropped instances, which the cycle collector does not track.
//!
//! `+ - * / // % **` and the six comparisons get C slots. Operands that are rumpy scalars of
//! the 14 classes, Python bools, or Python ints, floats and complexes (weak, NEP 50) take the
//! core's scalar math (`ops::scalar_math`): the operation's loop runs on one item with NumPy's
//! scalar-math rules, and the floating-point conditions go to the Python layer's errstate
//! handler as "... encountered in scalar add". Other operands (NumPy scalars, subclasses, big
//! Python ints, operations with no loop) go to the Python code (`_binary`, `_compare`), which
//! converts them and calls back into the core ([`_scalar_op`], [`_scalar_cmp`]), or raises.

use std::cell::UnsafeCell;
use std::ffi::{c_int, c_void, CString};
use std::sync::OnceLock;

use pyo3::exceptions::{PySystemError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple, PyType};

use super::convert::{fast_ctors, float64_value, num_to_scalar, FastCtors};
use super::dtype::{rumpy_scalar_type, scalar_type_of_class_ptr};
use crate::dispatch::resolve::OpKind;
use crate::dtype::promote::WeakKind;
use crate::dtype::{Element, Num, ScalarType};
use crate::kernels::status;
use crate::ops::scalar_math::{
    self, takes_scalar_math, BinOp, CmpOp, Input, Operand, Outcome, UnOp, Who,
};

/// What the Python layer registers on its `generic` class (`_rp_math`): the class itself, the
/// fallbacks and the errstate reporter. Looked up through the operand's class, so a second
/// copy of the Python layer (loaded under another name) uses its own.
struct Hooks<'py> {
    generic: Bound<'py, PyAny>,
    binary: Bound<'py, PyAny>,
    compare: Bound<'py, PyAny>,
    emit: Bound<'py, PyAny>,
}

fn hooks<'py>(o: &Bound<'py, PyAny>) -> PyResult<Hooks<'py>> {
    let t = o.get_type().getattr("_rp_math")?;
    let (generic, binary, compare, emit) = t.extract()?;
    Ok(Hooks {
        generic,
        binary,
        compare,
        emit,
    })
}

/// Offset of the value in the classes that store one (all share it: their bases have no
/// instance data of their own).
static VALUE_OFFSET: OnceLock<usize> = OnceLock::new();

/// Room for the value: one element of the class's type, as an array of that dtype holds it
/// (so that the loops read and write it in place).
pub const VALUE_BYTES: usize = 16;

/// The value stored in a scalar of type `st`.
///
/// # Safety
/// `p` is an instance of a class made by [`_scalar_type`] for `st` with a value at `off`.
#[inline(always)]
pub unsafe fn stored(p: *mut ffi::PyObject, off: usize, st: ScalarType) -> Num {
    // SAFETY: the value lies at `off`, one element of `st` (the class's layout).
    unsafe {
        let v = (p as *const u8).add(off);
        crate::with_scalar_type!(st, T, { std::ptr::read_unaligned(v as *const T).to_num() })
    }
}

/// Store a value (already of type `st`: wrapped, rounded) in a scalar of type `st`.
///
/// # Safety
/// As [`stored`], and the instance is not yet shared (or being set by its own `_v` setter).
#[inline(always)]
pub unsafe fn store(p: *mut ffi::PyObject, off: usize, n: Num, st: ScalarType) {
    // SAFETY: as `stored`.
    unsafe {
        let v = (p as *mut u8).add(off);
        crate::with_scalar_type!(st, T, {
            std::ptr::write_unaligned(v as *mut T, T::from_num(n))
        })
    }
}

/// The offset of the stored value (once the first class with one exists).
pub fn value_offset() -> Option<usize> {
    VALUE_OFFSET.get().copied()
}

/// `x._v`: the value as a Python bool, int, float or complex.
unsafe extern "C" fn get_value(
    obj: *mut ffi::PyObject,
    closure: *mut c_void,
) -> *mut ffi::PyObject {
    let st = ScalarType::ALL[closure as usize];
    // SAFETY: CPython calls the getter with an instance of the class (its layout) and the GIL.
    unsafe {
        let Some(off) = value_offset() else {
            return std::ptr::null_mut();
        };
        match stored(obj, off, st) {
            Num::B(b) => ffi::PyBool_FromLong(b as _),
            Num::I(i) => ffi::PyLong_FromLongLong(i),
            Num::U(u) => ffi::PyLong_FromUnsignedLongLong(u),
            Num::F(f) => ffi::PyFloat_FromDouble(f),
            Num::C(re, im) => ffi::PyComplex_FromDoubles(re, im),
        }
    }
}

/// `x._v = value`: a Python number already of the type's range and precision (the Python
/// layer's constructors make it so); anything else is a TypeError and leaves `x` as it was.
unsafe extern "C" fn set_value(
    obj: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    let st = ScalarType::ALL[closure as usize];
    // SAFETY: as `get_value`; `value` is NULL for a deletion.
    unsafe {
        let py = Python::assume_attached();
        let Some(off) = value_offset() else {
            return -1;
        };
        if value.is_null() {
            PyTypeError::new_err("cannot delete a scalar's value").restore(py);
            return -1;
        }
        let v = Bound::from_borrowed_ptr(py, value);
        let n = if st == ScalarType::Bool {
            v.cast::<pyo3::types::PyBool>()
                .map(|b| Num::B(b.is_true()))
                .map_err(PyErr::from)
        } else if st == ScalarType::UInt64 {
            v.extract::<u64>().map(Num::U)
        } else if st.is_int() {
            v.extract::<i64>().map(Num::I)
        } else if st.is_complex() {
            v.extract::<num_complex::Complex<f64>>()
                .map(|c| Num::C(c.re, c.im))
        } else {
            v.extract::<f64>().map(Num::F)
        };
        match n {
            Ok(n) => {
                store(obj, off, n, st);
                0
            }
            Err(e) => {
                PyTypeError::new_err(format!(
                    "a {} scalar holds a number: {}",
                    st.dtype().name(),
                    e
                ))
                .restore(py);
                -1
            }
        }
    }
}

/// The reflected method's name of a slot operation (`__radd__`).
fn reflected(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__radd__",
        BinOp::Subtract => "__rsub__",
        BinOp::Multiply => "__rmul__",
        BinOp::Divide => "__rtruediv__",
        BinOp::FloorDivide => "__rfloordiv__",
        BinOp::Remainder => "__rmod__",
        _ => "__rpow__",
    }
}

/// Make one concrete scalar class over `bases`; `value_member` adds the `_v` member.
#[pyfunction]
pub fn _scalar_type<'py>(
    py: Python<'py>,
    name: &str,
    bases: &Bound<'py, PyTuple>,
    value_member: bool,
) -> PyResult<Bound<'py, PyType>> {
    // CPython keeps pointers into the spec's name: it lives as long as the class (for ever).
    let qualified: &'static CString = Box::leak(Box::new(CString::new(format!("rumpy.{name}"))?));
    let mut slots: Vec<ffi::PyType_Slot> = vec![
        slot(ffi::Py_nb_add, nb_add as *mut c_void),
        slot(ffi::Py_nb_subtract, nb_subtract as *mut c_void),
        slot(ffi::Py_nb_multiply, nb_multiply as *mut c_void),
        slot(ffi::Py_nb_true_divide, nb_true_divide as *mut c_void),
        slot(ffi::Py_nb_floor_divide, nb_floor_divide as *mut c_void),
        slot(ffi::Py_nb_remainder, nb_remainder as *mut c_void),
        slot(ffi::Py_nb_power, nb_power as *mut c_void),
        slot(ffi::Py_tp_richcompare, tp_richcompare as *mut c_void),
        slot(ffi::Py_nb_negative, nb_negative as *mut c_void),
        slot(ffi::Py_nb_positive, nb_positive as *mut c_void),
        slot(ffi::Py_nb_absolute, nb_absolute as *mut c_void),
        slot(ffi::Py_nb_invert, nb_invert as *mut c_void),
        // Instances hold no references: not tracked by the cycle collector (a tp_traverse of
        // their own keeps them from inheriting the Python bases' GC flag), freed directly.
        slot(ffi::Py_tp_traverse, no_traverse as *mut c_void),
        slot(ffi::Py_tp_dealloc, dealloc as *mut c_void),
        slot(ffi::Py_tp_free, ffi::PyObject_Free as *mut c_void),
    ];
    let mut basicsize = 0;
    if value_member {
        let st = ScalarType::ALL
            .into_iter()
            .find(|t| t.dtype().name() == name)
            .ok_or_else(|| PyTypeError::new_err(format!("no scalar type {name}")))?;
        let base: usize = bases.get_item(0)?.getattr("__basicsize__")?.extract()?;
        let off = *VALUE_OFFSET.get_or_init(|| base);
        if off != base {
            return Err(PyTypeError::new_err(
                "scalar bases must have no instance data",
            ));
        }
        let getset = one_getset(c"_v", get_value, set_value, st as usize as *mut c_void);
        slots.push(slot(ffi::Py_tp_getset, getset as *mut c_void));
        basicsize = (off + VALUE_BYTES) as c_int;
    }
    slots.push(ffi::PyType_Slot::default());
    class_from_slots(py, qualified, basicsize, &mut slots, bases)
}

/// The getset table of one attribute `name` (for a class's `Py_tp_getset` slot). CPython
/// keeps pointers to the table: it lives for ever, as the class does.
pub(crate) fn one_getset(
    name: &'static std::ffi::CStr,
    get: ffi::getter,
    set: ffi::setter,
    closure: *mut c_void,
) -> *mut ffi::PyGetSetDef {
    let table: &'static mut [ffi::PyGetSetDef; 2] = Box::leak(Box::new([
        ffi::PyGetSetDef {
            name: name.as_ptr(),
            get: Some(get),
            set: Some(set),
            doc: std::ptr::null(),
            closure,
        },
        ffi::PyGetSetDef {
            name: std::ptr::null(),
            get: None,
            set: None,
            doc: std::ptr::null(),
            closure: std::ptr::null_mut(),
        },
    ]));
    table.as_mut_ptr()
}

/// A subclassable class named `name` over `bases`, of `basicsize` bytes (0: the bases'), with
/// `slots` (ending with the empty slot).
pub(crate) fn class_from_slots<'py>(
    py: Python<'py>,
    name: &'static std::ffi::CStr,
    basicsize: c_int,
    slots: &mut [ffi::PyType_Slot],
    bases: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyType>> {
    let mut spec = ffi::PyType_Spec {
        name: name.as_ptr(),
        basicsize,
        itemsize: 0,
        flags: (ffi::Py_TPFLAGS_DEFAULT | ffi::Py_TPFLAGS_BASETYPE) as _,
        slots: slots.as_mut_ptr(),
    };
    // SAFETY: the spec, its slots and members are valid for the call; CPython keeps the name,
    // which lives for ever.
    unsafe {
        let t = ffi::PyType_FromSpecWithBases(&mut spec, bases.as_ptr());
        Ok(Bound::from_owned_ptr_or_err(py, t)?.cast_into_unchecked())
    }
}

/// Free the memory of a dead instance of a class made here (or of a Python subclass, tracked
/// by the cycle collector), then release its class.
///
/// # Safety
/// `o` is such an instance, already finalised.
pub(crate) unsafe fn free_instance(o: *mut ffi::PyObject) {
    // SAFETY: the caller's guarantee; the class outlives the instance until released last.
    unsafe {
        let t = ffi::Py_TYPE(o);
        if ffi::PyType_IS_GC(t) != 0 {
            let free: ffi::freefunc = std::mem::transmute(ffi::PyType_GetSlot(t, ffi::Py_tp_free));
            free(o as *mut c_void);
        } else {
            ffi::PyObject_Free(o as *mut c_void);
        }
        ffi::Py_DECREF(t as *mut ffi::PyObject);
    }
}

/// The classes' instances hold no references.
pub(crate) unsafe extern "C" fn no_traverse(
    _o: *mut ffi::PyObject,
    _visit: ffi::visitproc,
    _arg: *mut c_void,
) -> c_int {
    0
}

/// Freed instances of each exact class, for [`reuse`]: scalar arithmetic makes and drops
/// one result per operation, indexing one record scalar per item. One list per number class
/// (by `ScalarType`) and one for `rumpy.void` ([`VOID_LIST`]).
struct FreeLists(UnsafeCell<[(usize, [*mut ffi::PyObject; FREE_MAX]); 15]>);

const FREE_MAX: usize = 16;

/// The free list of `rumpy.void`.
pub(crate) const VOID_LIST: usize = 14;

// SAFETY: touched only with the GIL held (deallocation and allocation of Python objects).
unsafe impl Sync for FreeLists {}

static FREE: FreeLists = FreeLists(UnsafeCell::new([(0, [std::ptr::null_mut(); FREE_MAX]); 15]));

/// A freed instance of the exact class of `st` (`t`) with a new reference (its value is
/// stale), or None.
///
/// # Safety
/// The GIL is held and `t` is the class of `st`.
#[inline]
pub unsafe fn reuse(st: ScalarType, t: *mut ffi::PyTypeObject) -> Option<*mut ffi::PyObject> {
    // SAFETY: the caller's guarantee.
    unsafe { reuse_from(st as usize, t) }
}

/// A freed instance from free list `list`, whose class is `t`, with a new reference, or None.
///
/// # Safety
/// The GIL is held and `list` holds instances of `t`.
#[inline]
pub(crate) unsafe fn reuse_from(
    list: usize,
    t: *mut ffi::PyTypeObject,
) -> Option<*mut ffi::PyObject> {
    // SAFETY: the GIL serialises access; entries are dead instances of the list's class.
    unsafe {
        let (len, items) = &mut (*FREE.0.get())[list];
        if *len == 0 {
            return None;
        }
        *len -= 1;
        let o = items[*len];
        debug_assert!(ffi::Py_TYPE(o) == t);
        // A new reference (the instance kept its reference to its class).
        std::ptr::write(o as *mut ffi::Py_ssize_t, 1);
        Some(o)
    }
}

/// A new instance of the class `t` of `size` bytes from `PyObject_Malloc`: its header set,
/// the rest for the caller to fill before anything can see it (no zeroing); NULL with
/// MemoryError set.
///
/// # Safety
/// The GIL is held; instances of `t` are `size` bytes, neither collected nor holding a dict
/// or weak references.
pub(crate) unsafe fn alloc_plain(t: *mut ffi::PyTypeObject, size: usize) -> *mut ffi::PyObject {
    // SAFETY: the caller's guarantee; PyObject_Init sets the header (and a reference to a heap
    // class).
    unsafe {
        let o = ffi::PyObject_Malloc(size) as *mut ffi::PyObject;
        if o.is_null() {
            return ffi::PyErr_NoMemory();
        }
        ffi::PyObject_Init(o, t)
    }
}

/// Keep the dead instance `o` on free list `list` while there is room (with its reference to
/// its class); false when the list is full.
///
/// # Safety
/// The GIL is held; `o` is a dead instance of the list's exact class, its contents released.
#[inline]
pub(crate) unsafe fn keep(list: usize, o: *mut ffi::PyObject) -> bool {
    // SAFETY: the GIL serialises access.
    unsafe {
        let (len, items) = &mut (*FREE.0.get())[list];
        if *len < FREE_MAX {
            items[*len] = o;
            *len += 1;
            return true;
        }
        false
    }
}

/// Free an instance (of a class made here, or of a Python subclass, whose own dealloc has
/// already cleared and untracked it) and release its reference to its class. An instance of
/// an exact class goes to its free list while there is room, keeping that reference.
unsafe extern "C" fn dealloc(o: *mut ffi::PyObject) {
    // SAFETY: called by CPython with a dead instance; its class outlives this call (the
    // instance holds a reference, released last).
    unsafe {
        let t = ffi::Py_TYPE(o);
        if let Some(st) = scalar_type_of_class_ptr(t) {
            // Kept with its reference to its class (released if it is ever freed).
            if keep(st as usize, o) {
                return;
            }
        }
        free_instance(o);
    }
}

pub(crate) fn slot(id: c_int, f: *mut c_void) -> ffi::PyType_Slot {
    ffi::PyType_Slot { slot: id, pfunc: f }
}

/// Called once the Python layer's fallbacks exist.
#[pyfunction]
pub fn _register_scalar_math(
    generic: &Bound<'_, PyType>,
    binary: Bound<'_, PyAny>,
    compare: Bound<'_, PyAny>,
    emit: Bound<'_, PyAny>,
) -> PyResult<()> {
    generic.setattr("_rp_math", (generic, binary, compare, emit))
}

// ----- the slots -----

/// Run a slot body: errors become a raised exception and NULL; a panic never crosses.
///
/// # Safety
/// Called by CPython with the GIL held and valid object pointers.
unsafe fn guarded(
    f: impl FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + std::panic::UnwindSafe,
) -> *mut ffi::PyObject {
    // SAFETY: CPython calls slots with the thread attached.
    let py = unsafe { Python::assume_attached() };
    match std::panic::catch_unwind(move || f(py)) {
        Ok(Ok(o)) => o.into_ptr(),
        Ok(Err(e)) => {
            e.restore(py);
            std::ptr::null_mut()
        }
        Err(_) => {
            PySystemError::new_err("internal error in scalar arithmetic").restore(py);
            std::ptr::null_mut()
        }
    }
}

unsafe fn binary_slot(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    op: BinOp,
) -> *mut ffi::PyObject {
    // SAFETY: as `guarded`; the operands are borrowed for the call.
    unsafe {
        guarded(move |py| {
            let a = Borrowed::from_ptr(py, a);
            let b = Borrowed::from_ptr(py, b);
            binary(py, &a, &b, op)
        })
    }
}

/// The binary C slots: each is [`binary_slot`] for its operation.
macro_rules! binary_slots {
    ($($f:ident => $op:ident),* $(,)?) => {$(
        unsafe extern "C" fn $f(a: *mut ffi::PyObject, b: *mut ffi::PyObject) -> *mut ffi::PyObject {
            // SAFETY: called by CPython.
            unsafe { binary_slot(a, b, BinOp::$op) }
        }
    )*};
}

binary_slots! {
    nb_add => Add,
    nb_subtract => Subtract,
    nb_multiply => Multiply,
    nb_true_divide => Divide,
    nb_floor_divide => FloorDivide,
    nb_remainder => Remainder,
}

/// `a ** b` (three-argument `pow` goes to the Python implementation, which refuses it).
unsafe extern "C" fn nb_power(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    m: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by CPython; `m` is None for two-argument power.
    unsafe {
        if m == ffi::Py_None() {
            return binary_slot(a, b, BinOp::Power);
        }
        guarded(move |py| {
            let a = Bound::from_borrowed_ptr(py, a);
            let b = Bound::from_borrowed_ptr(py, b);
            let m = Bound::from_borrowed_ptr(py, m);
            // The Python layer's own methods (the class's `__pow__` is this slot).
            let generic = hooks(&a).or_else(|_| hooks(&b))?.generic;
            if a.is_instance(&generic)? {
                return Ok(generic.getattr("__pow__")?.call1((a, b, m))?.unbind());
            }
            Ok(generic.getattr("__rpow__")?.call1((b, a, m))?.unbind())
        })
    }
}

/// `-x`, `+x`, `abs(x)`, `~x` on the core's loops; an operand the fast path does not read (a
/// subclass instance) goes to the Python layer's method.
unsafe fn unary_slot(a: *mut ffi::PyObject, op: UnOp, method: &'static str) -> *mut ffi::PyObject {
    // SAFETY: as `guarded`; the operand is borrowed for the call.
    unsafe {
        guarded(move |py| {
            let a = Borrowed::from_ptr(py, a);
            match operand(&a) {
                Some(x) if x.rumpy => finish(py, &a, scalar_math::unary(op, x.op)?),
                _ => Ok(hooks(&a)?.generic.getattr(method)?.call1((a,))?.unbind()),
            }
        })
    }
}

/// The unary C slots: each is [`unary_slot`] for its operation.
macro_rules! unary_slots {
    ($($f:ident => $op:ident, $method:literal),* $(,)?) => {$(
        unsafe extern "C" fn $f(a: *mut ffi::PyObject) -> *mut ffi::PyObject {
            // SAFETY: called by CPython.
            unsafe { unary_slot(a, UnOp::$op, $method) }
        }
    )*};
}

unary_slots! {
    nb_negative => Negative, "__neg__",
    nb_positive => Positive, "__pos__",
    nb_absolute => Absolute, "__abs__",
    nb_invert => Invert, "__invert__",
}

unsafe extern "C" fn tp_richcompare(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject {
    // SAFETY: as `guarded`.
    unsafe {
        guarded(move |py| {
            let a = Borrowed::from_ptr(py, a);
            let b = Borrowed::from_ptr(py, b);
            if let Some(r) = fast_compare(py, &a, &b, op)? {
                return Ok(r);
            }
            Ok(hooks(&a)?.compare.call1((a, b, op))?.unbind())
        })
    }
}

/// The Python implementation, called as the former `__add__`/`__radd__` pair would be.
fn binary(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    op: BinOp,
) -> PyResult<Py<PyAny>> {
    if let Some(r) = fast_binary(py, a, b, op)? {
        return Ok(r);
    }
    // One operand is an instance of the class this slot belongs to.
    let hooks = hooks(a).or_else(|_| hooks(b))?;
    let (generic, f) = (&hooks.generic, &hooks.binary);
    if a.is_instance(generic)? {
        // A scalar of another class that overrides this operation in Python (a subclass's
        // `__radd__`) gets its turn, as NumPy's scalars defer to it.
        if b.is_instance(generic)? && !b.get_type().is(a.get_type()) {
            // Written in Python (a function has a code object; the C slots' wrappers do not).
            let overridden = b
                .get_type()
                .getattr(reflected(op))
                .is_ok_and(|m| m.hasattr("__code__").unwrap_or(false));
            if overridden {
                return Ok(py.NotImplemented());
            }
        }
        let r = f.call1((a, b, op as i32, false))?;
        if r.is(py.NotImplemented()) && b.is_instance(generic)? && !b.get_type().is(a.get_type()) {
            return Ok(f.call1((b, a, op as i32, true))?.unbind());
        }
        return Ok(r.unbind());
    }
    Ok(f.call1((b, a, op as i32, true))?.unbind())
}

// ----- the core's scalar math -----

/// An operand the core takes: its value and kind, and whether it is a rumpy scalar.
#[derive(Copy, Clone)]
struct Arg {
    op: Operand,
    rumpy: bool,
}

/// The value of a rumpy scalar of exactly one of the 14 classes, a Python bool (a typed bool,
/// as NumPy), or a Python int/float/complex (weak, NEP 50). None for anything else, a Python
/// int beyond 64 bits, or a `_v` that is not of its class's kind (the Python code judges).
#[inline(always)]
fn operand(o: &Bound<'_, PyAny>) -> Option<Arg> {
    let weak = |n, w| Arg {
        op: Operand {
            n,
            k: OpKind::Weak(w),
        },
        rumpy: false,
    };
    // SAFETY: type checks and value reads on a live object with the GIL held; the member is
    // read only from instances of the classes made above (their layout).
    unsafe {
        let p = o.as_ptr();
        if ffi::PyFloat_CheckExact(p) != 0 {
            return Some(weak(Num::F(ffi::PyFloat_AsDouble(p)), WeakKind::Float));
        }
        if ffi::PyLong_CheckExact(p) != 0 {
            return small_int(p).map(|n| weak(n, WeakKind::Int));
        }
        if ffi::PyBool_Check(p) != 0 {
            return Some(Arg {
                op: Operand {
                    n: Num::B(p == ffi::Py_True()),
                    k: OpKind::Strong(ScalarType::Bool),
                },
                rumpy: false,
            });
        }
        if ffi::PyComplex_CheckExact(p) != 0 {
            let n = Num::C(
                ffi::PyComplex_RealAsDouble(p),
                ffi::PyComplex_ImagAsDouble(p),
            );
            return Some(weak(n, WeakKind::Complex));
        }
        let st = rumpy_scalar_type(o)?;
        let n = match st {
            ScalarType::Float64 => Num::F(float64_value(o)),
            ScalarType::Complex128 => Num::C(
                ffi::PyComplex_RealAsDouble(p),
                ffi::PyComplex_ImagAsDouble(p),
            ),
            _ => stored(p, *VALUE_OFFSET.get()?, st),
        };
        Some(Arg {
            op: Operand {
                n,
                k: OpKind::Strong(st),
            },
            rumpy: true,
        })
    }
}

/// A value of type `st` held as the Python object `v` (bool, int, float or complex: exactly
/// that type), or None.
///
/// # Safety
/// `v` is a live object and the GIL is held.
unsafe fn value_of(v: *mut ffi::PyObject, st: ScalarType) -> Option<Num> {
    // SAFETY: caller's guarantee.
    unsafe {
        if st == ScalarType::Bool {
            return (ffi::PyBool_Check(v) != 0).then(|| Num::B(v == ffi::Py_True()));
        }
        if st.is_int() {
            return (ffi::PyLong_CheckExact(v) != 0)
                .then(|| small_int(v))
                .flatten();
        }
        if st.is_float() {
            return (ffi::PyFloat_CheckExact(v) != 0).then(|| Num::F(ffi::PyFloat_AsDouble(v)));
        }
        (ffi::PyComplex_CheckExact(v) != 0).then(|| {
            Num::C(
                ffi::PyComplex_RealAsDouble(v),
                ffi::PyComplex_ImagAsDouble(v),
            )
        })
    }
}

/// A Python int held in 64 bits (an error from the conversion is cleared).
///
/// # Safety
/// `p` is a live Python int and the GIL is held.
unsafe fn small_int(p: *mut ffi::PyObject) -> Option<Num> {
    // SAFETY: caller's guarantee.
    unsafe {
        let mut overflow: c_int = 0;
        let v = ffi::PyLong_AsLongLongAndOverflow(p, &mut overflow);
        if overflow == 0 && (v != -1 || ffi::PyErr_Occurred().is_null()) {
            return Some(Num::I(v));
        }
        ffi::PyErr_Clear();
        if overflow > 0 {
            let u = ffi::PyLong_AsUnsignedLongLong(p);
            if !ffi::PyErr_Occurred().is_null() {
                ffi::PyErr_Clear();
                return None;
            }
            return Some(Num::U(u));
        }
        None
    }
}

/// The two operands of a slot, and whether NumPy's scalar math (rather than the ufunc) runs
/// for them: decided by the rumpy scalar whose method runs first (the left one, if rumpy).
#[inline(always)]
fn pair<'a, 'py>(
    a: &'a Bound<'py, PyAny>,
    b: &'a Bound<'py, PyAny>,
) -> Option<(Operand, Operand, bool, &'a Bound<'py, PyAny>)> {
    let (x, y) = (operand(a)?, operand(b)?);
    let (left, me) = if x.rumpy { (x, a) } else { (y, b) };
    if !left.rumpy {
        return None;
    }
    let left_bool = left.op.k == OpKind::Strong(ScalarType::Bool);
    Some((x.op, y.op, left_bool, me))
}

/// An operand an in-place form takes: a rumpy scalar of the 14 exact classes (its value where
/// it lies) or a Python int (in 64 bits) or float.
#[inline(always)]
fn in_place_operand(f: &FastCtors, o: *mut ffi::PyObject) -> Option<InPlaceArg> {
    // SAFETY: type checks and reads of a live object with the GIL held; a rumpy scalar's value
    // lies at its class's verified offset.
    unsafe {
        let t = ffi::Py_TYPE(o);
        if let Some(st) = scalar_type_of_class_ptr(t) {
            let at = (o as *mut u8).add(f.value_offset(st)?);
            return Some((OpKind::Strong(st), Input::At(at)));
        }
        if ffi::PyFloat_CheckExact(o) != 0 {
            let v = Num::F(ffi::PyFloat_AsDouble(o));
            return Some((
                OpKind::Weak(WeakKind::Float),
                Input::Weak(v, WeakKind::Float),
            ));
        }
        if ffi::PyLong_CheckExact(o) != 0 {
            let v = small_int(o)?;
            return Some((OpKind::Weak(WeakKind::Int), Input::Weak(v, WeakKind::Int)));
        }
        None
    }
}

/// An operand of an in-place form: its kind and where its value is.
type InPlaceArg = (OpKind, Input);

/// Both operands of an in-place form (see [`in_place_operand`]), with the classes' layout.
#[inline(always)]
fn in_place_operands<'a>(
    py: Python<'a>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> Option<(&'a FastCtors, InPlaceArg, InPlaceArg)> {
    let f = fast_ctors(py)?;
    Some((
        f,
        in_place_operand(f, a.as_ptr())?,
        in_place_operand(f, b.as_ptr())?,
    ))
}

/// The common case of scalar arithmetic: two rumpy scalars of the loop's own types, or one
/// and a Python int or float. The loop reads the values where they lie and writes the result
/// into the new scalar.
#[inline(always)]
fn in_place_binary(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    op: BinOp,
) -> PyResult<Option<Py<PyAny>>> {
    let Some((f, (kx, ia), (ky, ib))) = in_place_operands(py, a, b) else {
        return Ok(None);
    };
    let Some(ip) = scalar_math::in_place(op, kx, ky) else {
        return Ok(None);
    };
    let Some(oo) = f.value_offset(ip.out) else {
        return Ok(None);
    };
    let r = f.alloc(py, ip.out)?;
    // SAFETY: the inputs are as `in_place_operand` found them; the result is fresh.
    let Some(st) = (unsafe { ip.run(ia, ib, (r.as_ptr() as *mut u8).add(oo)) }) else {
        return Ok(None);
    };
    if st != 0 {
        let me = if matches!(kx, OpKind::Strong(_)) {
            a
        } else {
            b
        };
        settle(me, st, ip.label)?;
    }
    Ok(Some(r.unbind()))
}

/// [`in_place_binary`] for comparisons.
#[inline(always)]
fn in_place_compare(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    op: CmpOp,
) -> Option<Py<PyAny>> {
    let (f, (kx, ia), (ky, ib)) = in_place_operands(py, a, b)?;
    let lp = scalar_math::compare_in_place(op, kx, ky)?;
    // SAFETY: the inputs are as `in_place_operand` found them.
    let r = unsafe { scalar_math::compare_run(lp, ia, ib) }?;
    Some(f.boolean(py, r))
}

#[inline(never)]
fn fast_binary(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    op: BinOp,
) -> PyResult<Option<Py<PyAny>>> {
    if let Some(r) = in_place_binary(py, a, b, op)? {
        return Ok(Some(r));
    }
    let Some((x, y, left_bool, me)) = pair(a, b) else {
        return Ok(None);
    };
    // No loop: the Python code decides between NotImplemented and NumPy's TypeError.
    let Ok(plan) = scalar_math::binary_plan(op, x.k, y.k) else {
        return Ok(None);
    };
    let scalar = takes_scalar_math(x.k, y.k, plan.common, left_bool);
    let Some(outcome) = scalar_math::binary_with(plan, op, x, y, scalar) else {
        return Ok(None);
    };
    finish(py, me, outcome).map(Some)
}

/// Raise or report an outcome's conditions: an integer's negative power is NumPy's
/// ValueError; floating-point conditions go to the errstate handler of `typed`'s layer.
fn settle(typed: &Bound<'_, PyAny>, st: u32, label: &str) -> PyResult<()> {
    if st & status::NEGATIVE_POWER != 0 {
        return Err(PyValueError::new_err(
            "Integers to negative integer powers are not allowed.",
        ));
    }
    report(typed, st, label)
}

/// An outcome's results as `[(type number, plain value), ...]`, for the Python layer to make
/// its own classes' scalars (a second copy of it, loaded under another name, keeps its
/// classes).
fn plain_results(py: Python<'_>, o: &Outcome) -> PyResult<Py<PyAny>> {
    let items = o
        .results()
        .map(|(n, st)| Ok((st as usize, plain(py, n)?)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, items)?.into_any().unbind())
}

/// `u(a)` (or `u(a, b)`) for an elementwise ufunc with one output on scalar operands (rumpy
/// scalars, or Python bool, int, float or complex: alone, taken as NumPy's default type of
/// its kind; beside a rumpy scalar, weak), straight on the ufunc's loop without making
/// arrays: the result scalar, or None where this path does not take the operands (the array
/// path then decides).
pub(super) fn ufunc_on_scalars(
    py: Python<'_>,
    u: &'static crate::dispatch::Ufunc,
    args: &[Bound<'_, PyAny>],
) -> PyResult<Option<Py<PyAny>>> {
    let r = match args {
        [a] => {
            let Some(x) = operand(a) else {
                return Ok(None);
            };
            let st = match (x.op.k, x.op.n) {
                (OpKind::Strong(st), _) => st,
                (OpKind::Weak(WeakKind::Int), Num::U(_)) => ScalarType::UInt64,
                (OpKind::Weak(WeakKind::Int), _) => ScalarType::Int64,
                (OpKind::Weak(WeakKind::Float), _) => ScalarType::Float64,
                (OpKind::Weak(WeakKind::Complex), _) => ScalarType::Complex128,
                (OpKind::Weak(WeakKind::Bool), _) => ScalarType::Bool,
            };
            scalar_math::ufunc_unary(u, x.op.n, st)
        }
        [a, b] => {
            let (Some(x), Some(y)) = (operand(a), operand(b)) else {
                return Ok(None);
            };
            scalar_math::ufunc_binary(u, x.op, y.op)
        }
        _ => None,
    };
    let Some((n, out, status)) = r else {
        return Ok(None);
    };
    super::ufunc::warn_status(py, u, status)?;
    Ok(Some(num_to_scalar(py, n, out)?.unbind()))
}

/// Report an outcome's conditions and make its result (a tuple for divmod).
#[inline(always)]
fn finish(py: Python<'_>, typed: &Bound<'_, PyAny>, o: Outcome) -> PyResult<Py<PyAny>> {
    settle(typed, o.status, o.label)?;
    if o.n == 1 {
        return Ok(num_to_scalar(py, o.values[0], o.types[0])?.unbind());
    }
    let items = o
        .results()
        .map(|(n, st)| num_to_scalar(py, n, st))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyTuple::new(py, items)?.into_any().unbind())
}

#[inline(never)]
fn fast_compare(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    op: c_int,
) -> PyResult<Option<Py<PyAny>>> {
    let Some(cmp) = usize::try_from(op).ok().and_then(CmpOp::from_index) else {
        return Ok(None);
    };
    if let Some(r) = in_place_compare(py, a, b, cmp) {
        return Ok(Some(r));
    }
    let Some((x, y, left_bool, me)) = pair(a, b) else {
        return Ok(None);
    };
    let Ok(Some((r, st))) = scalar_math::compare(cmp, x, y, Who::LeftIsBool(left_bool)) else {
        return Ok(None);
    };
    if st != 0 {
        report(me, st, cmp.name())?;
    }
    Ok(Some(
        num_to_scalar(py, Num::B(r), ScalarType::Bool)?.unbind(),
    ))
}

/// The Python layer's entry to the core's scalar math, once it has converted the operands
/// (foreign scalars, weak values checked and cast): `x <op> y` for values `va` of type number
/// `ta` and `vb` of type number `tb`; `me` is the rumpy scalar whose method runs (its
/// errstate handler reports the conditions). Returns `[(type number, value), ...]`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn _scalar_op(
    py: Python<'_>,
    me: &Bound<'_, PyAny>,
    op: usize,
    ta: usize,
    va: &Bound<'_, PyAny>,
    tb: usize,
    vb: &Bound<'_, PyAny>,
    scalar: bool,
) -> PyResult<Py<PyAny>> {
    let op = BinOp::from_index(op).ok_or_else(|| PyValueError::new_err("unknown operation"))?;
    let (x, y) = (typed(ta, va)?, typed(tb, vb)?);
    let Some(o) = scalar_math::binary(op, x, y, scalar)? else {
        return Err(PyValueError::new_err(
            "scalar operands out of their types' range",
        ));
    };
    settle(me, o.status, o.label)?;
    plain_results(py, &o)
}

/// A value as the Python bool, int, float or complex holding it.
fn plain(py: Python<'_>, n: Num) -> PyResult<Py<PyAny>> {
    Ok(match n {
        Num::B(b) => pyo3::types::PyBool::new(py, b)
            .to_owned()
            .into_any()
            .unbind(),
        Num::I(v) => v.into_pyobject(py)?.into_any().unbind(),
        Num::U(v) => v.into_pyobject(py)?.into_any().unbind(),
        Num::F(v) => v.into_pyobject(py)?.into_any().unbind(),
        Num::C(re, im) => pyo3::types::PyComplex::from_doubles(py, re, im)
            .into_any()
            .unbind(),
    })
}

/// As [`_scalar_op`] for a unary operation (`op`: negative, positive, absolute, invert).
#[pyfunction]
pub fn _scalar_unary(
    py: Python<'_>,
    me: &Bound<'_, PyAny>,
    op: usize,
    ta: usize,
    va: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let op = UnOp::from_index(op).ok_or_else(|| PyValueError::new_err("unknown operation"))?;
    let o = scalar_math::unary(op, typed(ta, va)?)?;
    settle(me, o.status, o.label)?;
    plain_results(py, &o)
}

/// As [`_scalar_op`] for a comparison (`op` in CPython's numbering); returns a Python bool.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn _scalar_cmp(
    py: Python<'_>,
    me: &Bound<'_, PyAny>,
    op: usize,
    ta: usize,
    va: &Bound<'_, PyAny>,
    tb: usize,
    vb: &Bound<'_, PyAny>,
    scalar: bool,
) -> PyResult<Py<PyAny>> {
    let cmp = CmpOp::from_index(op).ok_or_else(|| PyValueError::new_err("unknown comparison"))?;
    let (x, y) = (typed(ta, va)?, typed(tb, vb)?);
    match scalar_math::compare(cmp, x, y, Who::Known(scalar))? {
        Some((r, st)) => {
            if st != 0 {
                report(me, st, cmp.name())?;
            }
            Ok(pyo3::types::PyBool::new(py, r)
                .to_owned()
                .into_any()
                .unbind())
        }
        None => Err(PyValueError::new_err(
            "scalar operands out of their types' range",
        )),
    }
}

/// A typed operand from a type number and a Python value of its kind.
fn typed(t: usize, v: &Bound<'_, PyAny>) -> PyResult<Operand> {
    let st = *ScalarType::ALL
        .get(t)
        .ok_or_else(|| PyValueError::new_err("unknown type number"))?;
    // SAFETY: a live object with the GIL held.
    let n = unsafe { value_of(v.as_ptr(), st) }.or_else(|| {
        // A value of another kind (an int for a float type): through the type's own rules.
        let n = if let Ok(b) = v.cast::<pyo3::types::PyBool>() {
            Num::B(b.is_true())
        } else if let Ok(i) = v.extract::<i64>() {
            Num::I(i)
        } else if let Ok(u) = v.extract::<u64>() {
            Num::U(u)
        } else if let Ok(f) = v.extract::<f64>() {
            Num::F(f)
        } else {
            let c = v.extract::<num_complex::Complex<f64>>().ok()?;
            Num::C(c.re, c.im)
        };
        Some(n)
    });
    let n = n.ok_or_else(|| PyTypeError::new_err("not a number"))?;
    Ok(Operand {
        n,
        k: OpKind::Strong(st),
    })
}

/// The Python layer's bits for floating-point conditions: divide, over, under, invalid = 1,
/// 2, 4, 8.
fn layer_flags(st: u32) -> u32 {
    let mut flags = 0u32;
    for (core, bit) in [
        (status::DIVIDE_BY_ZERO, 1),
        (status::OVERFLOW, 2),
        (status::UNDERFLOW, 4),
        (status::INVALID, 8),
    ] {
        if st & core != 0 {
            flags |= bit;
        }
    }
    flags
}

/// The core's cast of the value `v` of type number `src` to type number `dst` (the Python
/// layer's scalar casts: `astype`, the constructors): the result as a plain Python value and
/// the floating-point conditions the cast raised, in the Python layer's bits. A complex value
/// cast to a real type loses its imaginary part (the caller gives NumPy's ComplexWarning).
#[pyfunction]
pub fn _scalar_cast(v: &Bound<'_, PyAny>, src: usize, dst: usize) -> PyResult<(Py<PyAny>, u32)> {
    let n = typed(src, v)?.n;
    let to = *ScalarType::ALL
        .get(dst)
        .ok_or_else(|| PyValueError::new_err("unknown type number"))?;
    let mut buf = [0u8; 16];
    let ((), st) = crate::loops::watch::fp_item(|| {
        // SAFETY: 16 bytes hold one item of any type.
        unsafe { crate::dtype::cast::cast_num(n, buf.as_mut_ptr(), to, false) }
    });
    let r = crate::with_scalar_type!(to, T, {
        // SAFETY: the cast wrote one item of `to`.
        unsafe { std::ptr::read_unaligned(buf.as_ptr() as *const T) }.to_num()
    });
    Ok((plain(v.py(), r)?, layer_flags(st)))
}

/// The core's promotion for the Python layer's scalar code: the table of two types' common
/// type (type numbers), and the type a weak Python int, float and complex meets each type as
/// (NEP 50).
#[pyfunction]
pub fn _promotion_tables() -> (Vec<Vec<usize>>, [Vec<usize>; 3]) {
    use crate::dtype::promote::{promote_scalar, promote_weak};
    let all = ScalarType::ALL;
    let table = all
        .iter()
        .map(|&a| all.iter().map(|&b| promote_scalar(a, b) as usize).collect())
        .collect();
    let weak = |w| all.iter().map(|&t| promote_weak(t, w) as usize).collect();
    (
        table,
        [
            weak(WeakKind::Int),
            weak(WeakKind::Float),
            weak(WeakKind::Complex),
        ],
    )
}

/// Hand floating-point conditions to the Python layer's errstate handler.
fn report(typed: &Bound<'_, PyAny>, st: u32, where_: &str) -> PyResult<()> {
    let flags = layer_flags(st);
    if flags != 0 {
        hooks(typed)?.emit.call1((flags, where_))?;
    }
    Ok(())
}
