//! The concrete scalar classes (`rumpy.int8` … `rumpy.complex128`) as C-level types, so that
//! their common arithmetic and comparisons run on the core's ufunc loops at C speed.
//!
//! The Python layer (`_scalars.py`) keeps the abstract hierarchy and every method; it asks
//! [`_scalar_type`] for each concrete class, made with `PyType_FromSpecWithBases` over its
//! Python bases (`float64` over `floating` and `float`, as NumPy's). A class other than
//! float64/complex128 stores its value in one `_v` member (a Python int, float, complex or
//! bool), exactly where a `__slots__ = ('_v',)` class would.
//!
//! `+ - * /` and the six comparisons get C slots. Two scalars of one type, or one scalar and
//! a Python int or float (weak, NEP 50), of the integer types and float32/float64, take the
//! fast path: the ufunc table resolves the loop (cached per operation and operand types), the
//! loop runs on one item, integer overflow is checked as NumPy's scalar math does, and the
//! floating-point status is reported through the Python layer's errstate handler as
//! "... encountered in scalar add". Every other case calls the Python implementation
//! (`_binary`, `_compare`), which the slots replace only for speed.

use std::ffi::{c_int, c_void, CString};
use std::sync::OnceLock;

use pyo3::exceptions::{PySystemError, PyTypeError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

use super::convert::{float64_value, num_to_scalar};
use super::dtype::rumpy_scalar_type;
use crate::dispatch::resolve::OpKind;
use crate::dispatch::{Loop, Ufunc};
use crate::dtype::promote::WeakKind;
use crate::dtype::{Element, Num, ScalarType};
use crate::kernels::status;

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

/// Offset of the `_v` member in the classes that have one (all share it: their bases have no
/// instance data of their own).
static VALUE_OFFSET: OnceLock<usize> = OnceLock::new();

/// The binary operations with C slots, in the Python layer's operation numbering.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Op {
    Add = 0,
    Subtract = 1,
    Multiply = 2,
    Divide = 3,
    FloorDivide = 4,
    Remainder = 5,
    Power = 7,
}

impl Op {
    fn ufunc_name(self) -> &'static str {
        match self {
            Op::Add => "add",
            Op::Subtract => "subtract",
            Op::Multiply => "multiply",
            Op::Divide => "divide",
            Op::FloorDivide => "floor_divide",
            Op::Remainder => "remainder",
            Op::Power => "power",
        }
    }
    fn scalar_name(self) -> &'static str {
        match self {
            Op::Add => "scalar add",
            Op::Subtract => "scalar subtract",
            Op::Multiply => "scalar multiply",
            Op::Divide => "scalar divide",
            Op::FloorDivide => "scalar floor_divide",
            Op::Remainder => "scalar remainder",
            Op::Power => "scalar power",
        }
    }
    /// Operations whose fast path is taken only when the loop reports nothing: NumPy's scalar
    /// math words and checks their special cases (division by zero, `MIN // -1`, negative
    /// integer powers) its own way, which the Python implementation follows.
    /// The reflected method's name (`__radd__`).
    fn reflected(self) -> &'static str {
        match self {
            Op::Add => "__radd__",
            Op::Subtract => "__rsub__",
            Op::Multiply => "__rmul__",
            Op::Divide => "__rtruediv__",
            Op::FloorDivide => "__rfloordiv__",
            Op::Remainder => "__rmod__",
            Op::Power => "__rpow__",
        }
    }
    fn clean_only(self) -> bool {
        matches!(self, Op::FloorDivide | Op::Remainder | Op::Power)
    }
}

const COMPARE_NAMES: [&str; 6] = [
    "less",
    "less_equal",
    "equal",
    "not_equal",
    "greater",
    "greater_equal",
];

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
    ];
    let mut basicsize = 0;
    // The member table is copied by CPython; it only has to outlive the call.
    let v_name = c"_v";
    let mut members = [ffi::PyMemberDef::default(), ffi::PyMemberDef::default()];
    if value_member {
        let base: usize = bases.get_item(0)?.getattr("__basicsize__")?.extract()?;
        let off = *VALUE_OFFSET.get_or_init(|| base);
        if off != base {
            return Err(PyTypeError::new_err(
                "scalar bases must have no instance data",
            ));
        }
        members[0] = ffi::PyMemberDef {
            name: v_name.as_ptr(),
            type_code: ffi::Py_T_OBJECT_EX,
            offset: off as ffi::Py_ssize_t,
            flags: 0,
            doc: std::ptr::null(),
        };
        slots.push(slot(
            ffi::Py_tp_members,
            members.as_mut_ptr() as *mut c_void,
        ));
        basicsize = (off + std::mem::size_of::<*mut ffi::PyObject>()) as c_int;
    }
    slots.push(ffi::PyType_Slot::default());
    let mut spec = ffi::PyType_Spec {
        name: qualified.as_ptr(),
        basicsize,
        itemsize: 0,
        flags: (ffi::Py_TPFLAGS_DEFAULT | ffi::Py_TPFLAGS_BASETYPE) as _,
        slots: slots.as_mut_ptr(),
    };
    // SAFETY: the spec, its slots and members are valid for the call; the name for ever.
    unsafe {
        let t = ffi::PyType_FromSpecWithBases(&mut spec, bases.as_ptr());
        Ok(Bound::from_owned_ptr_or_err(py, t)?.cast_into_unchecked())
    }
}

fn slot(id: c_int, f: *mut c_void) -> ffi::PyType_Slot {
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

unsafe fn binary_slot(a: *mut ffi::PyObject, b: *mut ffi::PyObject, op: Op) -> *mut ffi::PyObject {
    // SAFETY: as `guarded`; the operands are borrowed for the call.
    unsafe {
        guarded(move |py| {
            let a = Bound::from_borrowed_ptr(py, a);
            let b = Bound::from_borrowed_ptr(py, b);
            binary(py, &a, &b, op)
        })
    }
}

/// The binary C slots: each is [`binary_slot`] for its operation.
macro_rules! binary_slots {
    ($($f:ident => $op:ident),* $(,)?) => {$(
        unsafe extern "C" fn $f(a: *mut ffi::PyObject, b: *mut ffi::PyObject) -> *mut ffi::PyObject {
            // SAFETY: called by CPython.
            unsafe { binary_slot(a, b, Op::$op) }
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
            return binary_slot(a, b, Op::Power);
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

unsafe extern "C" fn tp_richcompare(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject {
    // SAFETY: as `guarded`.
    unsafe {
        guarded(move |py| {
            let a = Bound::from_borrowed_ptr(py, a);
            let b = Bound::from_borrowed_ptr(py, b);
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
    op: Op,
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
                .getattr(op.reflected())
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

// ----- the fast path -----

/// An operand of the fast path: a scalar of one of the eligible types, or a weak Python
/// int/float.
#[derive(Copy, Clone)]
struct Operand {
    n: Num,
    /// `Strong` for a scalar of one of the eligible types, `Weak` for a Python int/float.
    k: OpKind,
}

fn eligible(st: ScalarType) -> bool {
    st.is_int() || matches!(st, ScalarType::Float32 | ScalarType::Float64)
}

/// The value of an exact instance of a fast-path scalar type or a weak Python int/float.
#[inline(always)]
fn operand(o: &Bound<'_, PyAny>) -> Option<Operand> {
    // SAFETY: type checks and value reads on a live object with the GIL held; the member is
    // read only from instances of the classes made above (their layout).
    unsafe {
        let p = o.as_ptr();
        if ffi::PyFloat_CheckExact(p) != 0 {
            return Some(Operand {
                n: Num::F(ffi::PyFloat_AsDouble(p)),
                k: OpKind::Weak(WeakKind::Float),
            });
        }
        if ffi::PyLong_CheckExact(p) != 0 {
            return small_int(p).map(|n| Operand {
                n,
                k: OpKind::Weak(WeakKind::Int),
            });
        }
        let st = rumpy_scalar_type(o).filter(|st| eligible(*st))?;
        if st == ScalarType::Float64 {
            return Some(Operand {
                n: Num::F(float64_value(o)),
                k: OpKind::Strong(st),
            });
        }
        let off = *VALUE_OFFSET.get()?;
        let v = *((p as *const u8).add(off) as *const *mut ffi::PyObject);
        if v.is_null() {
            return None;
        }
        // `_v` is writable from Python: anything but the exact type goes to the Python code.
        let n = if st.is_int() {
            if ffi::PyLong_CheckExact(v) == 0 {
                return None;
            }
            small_int(v)?
        } else {
            if ffi::PyFloat_CheckExact(v) == 0 {
                return None;
            }
            Num::F(ffi::PyFloat_AsDouble(v))
        };
        Some(Operand {
            n,
            k: OpKind::Strong(st),
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

/// An operand's value as the loop of input type `st` receives it (a Python int for a float
/// loop goes through a Python float, as in NumPy).
#[inline(always)]
fn loop_value(o: Operand, st: ScalarType) -> Num {
    match o.k {
        OpKind::Strong(_) => o.n,
        OpKind::Weak(_) => crate::dispatch::exec::weak_value(o.n, st),
    }
}

/// Operands the fast path takes: two scalars of one type, or one scalar and a weak value.
#[inline(always)]
fn pair(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> Option<(Operand, Operand)> {
    let (x, y) = (operand(a)?, operand(b)?);
    match (x.k, y.k) {
        (OpKind::Strong(s), OpKind::Strong(t)) if s == t => Some((x, y)),
        (OpKind::Strong(_), OpKind::Weak(_)) | (OpKind::Weak(_), OpKind::Strong(_)) => Some((x, y)),
        _ => None,
    }
}

/// The ufunc row of a slot operation, found once.
fn ufunc(name: &'static str) -> Option<&'static Ufunc> {
    crate::dispatch::find(name)
}

/// The resolved loop per (operation, left operand, right operand): types 0..14, then the weak
/// kinds int and float as 14 and 15.
const KINDS: usize = 16;
static LOOPS: [OnceLock<Option<(&'static Loop, ScalarType)>>; 14 * KINDS * KINDS] =
    [const { OnceLock::new() }; 14 * KINDS * KINDS];

#[inline(always)]
fn kind_index(k: OpKind) -> usize {
    match k {
        OpKind::Strong(st) => st as usize,
        OpKind::Weak(WeakKind::Int) => 14,
        OpKind::Weak(_) => 15,
    }
}

#[inline(always)]
fn resolved(
    slot_op: usize,
    name: &'static str,
    ka: OpKind,
    kb: OpKind,
) -> Option<(&'static Loop, ScalarType)> {
    let i = (slot_op * KINDS + kind_index(ka)) * KINDS + kind_index(kb);
    *LOOPS[i].get_or_init(|| {
        let u = ufunc(name)?;
        let lp = crate::dispatch::resolve(u, &[ka, kb], None).ok()?;
        Some((lp, crate::dispatch::resolve::common_type(&[ka, kb])))
    })
}

/// One item of a loop on Num operands already checked to fit its input types; `watch_fp`
/// reads the floating-point flags (integer loops and comparisons report through their status
/// or not at all, and reading MXCSR is slow).
#[inline(always)]
fn run_one(lp: &Loop, x: Num, y: Num, watch_fp: bool) -> (Num, u32) {
    let mut buf = [[0u8; 16]; 3];
    for (k, n) in [x, y].into_iter().enumerate() {
        crate::with_scalar_type!(lp.ins[k], T, {
            // SAFETY: 16 bytes hold any element.
            unsafe { std::ptr::write_unaligned(buf[k].as_mut_ptr() as *mut T, T::from_num(n)) };
        });
    }
    let [b0, b1, b2] = &mut buf;
    let ptrs = [b0.as_mut_ptr(), b1.as_mut_ptr(), b2.as_mut_ptr()];
    if watch_fp {
        crate::loops::elementwise::fp_clear();
    }
    // SAFETY: one item of each operand in the loop's types, at stride 0.
    let mut st = unsafe { (lp.f)(&ptrs, &[0, 0, 0], 1) };
    if watch_fp {
        st |= crate::loops::elementwise::fp_status();
    }
    let out = crate::with_scalar_type!(lp.outs[0], T, {
        // SAFETY: the loop wrote one T.
        unsafe { std::ptr::read_unaligned(ptrs[2] as *const T) }.to_num()
    });
    (out, st)
}

/// Does a weak operand fit the loop's input type (else NumPy raises, or compares by value:
/// the Python implementation handles both)?
#[inline(always)]
fn fits(o: Operand, st: ScalarType) -> bool {
    match o.k {
        OpKind::Strong(_) => true,
        OpKind::Weak(_) => crate::dtype::promote::check_int_fits(o.n, st).is_ok(),
    }
}

fn fast_binary(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    op: Op,
) -> PyResult<Option<Py<PyAny>>> {
    let Some((x, y)) = pair(a, b) else {
        return Ok(None);
    };
    let Some((lp, common)) = resolved(op as usize, op.ufunc_name(), x.k, y.k) else {
        return Ok(None);
    };
    if !fits(x, lp.ins[0]) || !fits(y, lp.ins[1]) || !eligible(lp.outs[0]) {
        return Ok(None);
    }
    // float32 power: NumPy's scalar and loop results may differ in the last place.
    if op == Op::Power && lp.outs[0] == ScalarType::Float32 {
        return Ok(None);
    }
    let watch_fp = !(lp.ins[0].is_int() && lp.ins[1].is_int());
    let (r, mut st) = run_one(
        lp,
        loop_value(x, lp.ins[0]),
        loop_value(y, lp.ins[1]),
        watch_fp,
    );
    if op.clean_only() && st != 0 {
        return Ok(None);
    }
    let out = lp.outs[0];
    // NumPy's scalar math runs when the operands' common type is a scalar's own (`int8 + 1`,
    // `int8 / int8`); otherwise (`int8 + 1.5`) it defers to the ufunc, which words its
    // warnings without "scalar" and does not check integer overflow.
    let scalar = [x, y].iter().any(|o| o.k == OpKind::Strong(common));
    if scalar && out.is_int() && matches!(op, Op::Add | Op::Subtract | Op::Multiply) {
        let wide = |n: Num| match n {
            Num::I(v) => v as i128,
            Num::U(v) => v as i128,
            _ => 0,
        };
        let (p, q) = (wide(x.n), wide(y.n));
        let exact = match op {
            Op::Add => p.checked_add(q),
            Op::Subtract => p.checked_sub(q),
            _ => p.checked_mul(q),
        };
        if exact != Some(wide(r)) {
            st |= status::OVERFLOW;
        }
    }
    let where_ = if scalar {
        op.scalar_name()
    } else {
        op.ufunc_name()
    };
    let typed = if matches!(x.k, OpKind::Strong(_)) {
        a
    } else {
        b
    };
    report(typed, st, where_)?;
    Ok(Some(num_to_scalar(py, r, out)?.unbind()))
}

fn fast_compare(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    op: c_int,
) -> PyResult<Option<Py<PyAny>>> {
    let Some(name) = usize::try_from(op).ok().and_then(|i| COMPARE_NAMES.get(i)) else {
        return Ok(None);
    };
    let Some((x, y)) = pair(a, b) else {
        return Ok(None);
    };
    let Some((lp, _)) = resolved(8 + op as usize, name, x.k, y.k) else {
        return Ok(None);
    };
    if !fits(x, lp.ins[0]) || !fits(y, lp.ins[1]) {
        return Ok(None);
    }
    // Comparisons report nothing (NumPy's neither).
    let (r, _) = run_one(
        lp,
        loop_value(x, lp.ins[0]),
        loop_value(y, lp.ins[1]),
        false,
    );
    Ok(Some(num_to_scalar(py, r, ScalarType::Bool)?.unbind()))
}

/// Hand floating-point conditions to the Python layer's errstate handler (its bits: divide,
/// over, under, invalid = 1, 2, 4, 8).
fn report(typed: &Bound<'_, PyAny>, st: u32, where_: &str) -> PyResult<()> {
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
    if flags != 0 {
        hooks(typed)?.emit.call1((flags, where_))?;
    }
    Ok(())
}
