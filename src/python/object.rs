//! The object runtime: what the core's object family (`dtype::object`) asks of Python, with
//! NumPy's object loops (operators through the number protocol, `max`/`min` through rich
//! comparison, the math functions as the objects' methods of the ufunc's name). Every entry
//! takes the GIL (a no-op when the thread holds it). An exception raised here is kept until
//! the error reaches the binding that raises it (`take_raised`).

use std::sync::Mutex;

use pyo3::exceptions::{PySystemError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyBytes, PyString};

use crate::dtype::object::{ObjectFn, ObjectRuntime};
use crate::dtype::{Num, ScalarType};

static PENDING: Mutex<Option<PyErr>> = Mutex::new(None);

/// The exception behind an `Error::Raised`.
pub fn take_raised() -> PyErr {
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .unwrap_or_else(|| {
            PySystemError::new_err("an object operation failed without an exception")
        })
}

/// Keep `e` for [`take_raised`] and say so in the core's terms.
fn raised(e: PyErr) -> crate::Error {
    *PENDING.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
    crate::Error::Raised
}

/// The object a reference is (0 is None), as a new handle.
///
/// # Safety
/// `o` is 0 or a live object pointer.
pub unsafe fn object<'py>(py: Python<'py>, o: usize) -> Bound<'py, PyAny> {
    if o == 0 {
        py.None().into_bound(py)
    } else {
        // SAFETY: the caller's guarantee.
        unsafe { Bound::from_borrowed_ptr(py, o as *mut ffi::PyObject) }
    }
}

/// The object pointer of a reference the core holds (0 is None).
fn raw(o: usize) -> *mut ffi::PyObject {
    if o == 0 {
        // SAFETY: the None singleton's address.
        unsafe { ffi::Py_None() }
    } else {
        o as *mut ffi::PyObject
    }
}

/// A new reference for the core to hold.
pub fn hold(o: Bound<'_, PyAny>) -> usize {
    o.into_ptr() as usize
}

/// How an object loop computes.
#[derive(Clone)]
enum Op {
    Binary(unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject),
    Unary(unsafe extern "C" fn(*mut ffi::PyObject) -> *mut ffi::PyObject),
    Power,
    Square,
    Reciprocal,
    /// The larger (`true`) or smaller of two, by rich comparison.
    Extreme(bool),
    And,
    Or,
    Not,
    Sign,
    /// `math.<name>` of the arguments (floor, ceil, trunc).
    Math(&'static str),
    /// The greatest common divisor (`math.gcd`, else Euclid's with `%`, as NumPy), or with
    /// `true` the least common multiple.
    Gcd(bool),
    /// The object's method of this name.
    Method(String),
    /// The object's method of this name called plainly (its AttributeError unchanged):
    /// NumPy's `dotc` conjugating objects.
    Call(String),
}

fn op_of(name: &str) -> Op {
    match name {
        "add" => Op::Binary(ffi::PyNumber_Add),
        "subtract" => Op::Binary(ffi::PyNumber_Subtract),
        "multiply" => Op::Binary(ffi::PyNumber_Multiply),
        "divide" => Op::Binary(ffi::PyNumber_TrueDivide),
        "floor_divide" => Op::Binary(ffi::PyNumber_FloorDivide),
        "remainder" => Op::Binary(ffi::PyNumber_Remainder),
        "left_shift" => Op::Binary(ffi::PyNumber_Lshift),
        "right_shift" => Op::Binary(ffi::PyNumber_Rshift),
        "bitwise_and" => Op::Binary(ffi::PyNumber_And),
        "bitwise_or" => Op::Binary(ffi::PyNumber_Or),
        "bitwise_xor" => Op::Binary(ffi::PyNumber_Xor),
        "negative" => Op::Unary(ffi::PyNumber_Negative),
        "positive" => Op::Unary(ffi::PyNumber_Positive),
        "absolute" => Op::Unary(ffi::PyNumber_Absolute),
        "invert" => Op::Unary(ffi::PyNumber_Invert),
        "power" => Op::Power,
        "square" => Op::Square,
        "reciprocal" => Op::Reciprocal,
        "maximum" | "fmax" => Op::Extreme(true),
        "minimum" | "fmin" => Op::Extreme(false),
        "logical_and" => Op::And,
        "logical_or" => Op::Or,

        "logical_not" => Op::Not,
        "sign" => Op::Sign,
        "gcd" => Op::Gcd(false),
        "lcm" => Op::Gcd(true),
        // NumPy's object loop calls the item's `bit_count` (Python's int has one).
        "bitwise_count" => Op::Method("bit_count".to_string()),
        "floor" | "ceil" | "trunc" => Op::Math(match name {
            "floor" => "floor",
            "ceil" => "ceil",
            _ => "trunc",
        }),
        other => match other.strip_prefix('.') {
            Some(m) => Op::Call(m.to_string()),
            None => Op::Method(other.to_string()),
        },
    }
}

fn new_ref<'py>(py: Python<'py>, p: *mut ffi::PyObject) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: `p` is a new reference or NULL with an exception set.
    unsafe { Bound::from_owned_ptr_or_err(py, p) }
}

fn apply<'py>(py: Python<'py>, op: &Op, a: &[Bound<'py, PyAny>]) -> PyResult<Bound<'py, PyAny>> {
    Ok(match op {
        // SAFETY: both are live objects; the function returns a new reference or NULL.
        Op::Binary(f) => new_ref(py, unsafe { f(a[0].as_ptr(), a[1].as_ptr()) })?,
        // SAFETY: as above.
        Op::Unary(f) => new_ref(py, unsafe { f(a[0].as_ptr()) })?,
        Op::Power => a[0].pow(&a[1], py.None())?,
        Op::Square => a[0].mul(&a[0])?,
        Op::Reciprocal => 1i64.into_pyobject(py)?.into_any().div(&a[0])?,
        Op::Extreme(max) => {
            let op = if *max { CompareOp::Ge } else { CompareOp::Le };
            if a[0].rich_compare(&a[1], op)?.is_truthy()? {
                a[0].clone()
            } else {
                a[1].clone()
            }
        }
        Op::And => {
            if a[0].is_truthy()? {
                a[1].clone()
            } else {
                a[0].clone()
            }
        }
        Op::Or => {
            if a[0].is_truthy()? {
                a[0].clone()
            } else {
                a[1].clone()
            }
        }
        Op::Not => pyo3::types::PyBool::new(py, !a[0].is_truthy()?)
            .to_owned()
            .into_any(),
        Op::Sign => {
            let zero = 0i64.into_pyobject(py)?.into_any();
            let s: i64 = if a[0].gt(&zero)? {
                1
            } else if a[0].lt(&zero)? {
                -1
            } else {
                0
            };
            s.into_pyobject(py)?.into_any()
        }
        Op::Math(f) => py
            .import("math")?
            .getattr(*f)?
            .call1(pyo3::types::PyTuple::new(py, a)?)?,
        Op::Gcd(lcm) => {
            // NumPy's npy_ObjectGCD: math.gcd, else (any failure) Euclid's algorithm on finite
            // values, made positive; npy_ObjectLCM: abs(a // gcd * b) (gcd 0 divides by zero).
            let math = py.import("math")?;
            let g = match math.getattr("gcd")?.call1((&a[0], &a[1])) {
                Ok(g) => g,
                Err(_) => {
                    let finite = |x: &Bound<'py, PyAny>| -> PyResult<bool> {
                        math.getattr("isfinite")?.call1((x,))?.is_truthy()
                    };
                    if !(finite(&a[0])? && finite(&a[1])?) {
                        return Err(pyo3::exceptions::PyValueError::new_err(format!(
                            "Can only find greatest common divisor of finite arguments, found \"{}\" and \"{}\"",
                            a[0].str()?,
                            a[1].str()?
                        )));
                    }
                    let (mut x, mut y) = (a[0].clone(), a[1].clone());
                    while y.is_truthy()? {
                        let r = x.rem(&y)?;
                        x = y;
                        y = r;
                    }
                    x.abs()?
                }
            };
            if *lcm {
                a[0].floor_div(&g)?.mul(&a[1])?.abs()?
            } else {
                g
            }
        }
        Op::Call(name) => a[0].call_method0(name.as_str())?,
        Op::Method(name) if a.len() > 1 => a[0].call_method1(name.as_str(), (&a[1],))?,
        Op::Method(name) => {
            let m = a[0].getattr_opt(name.as_str())?.filter(|m| m.is_callable());
            let Some(m) = m else {
                return Err(PyTypeError::new_err(format!(
                    "loop of ufunc does not support argument 0 of type {} which has no callable {} method",
                    a[0].get_type().name()?,
                    name
                )));
            };
            m.call1(pyo3::types::PyTuple::new(py, &a[1..])?)?
        }
    })
}

/// The runtime the core's object family calls.
pub struct Runtime;

impl ObjectRuntime for Runtime {
    fn with_api(&self, f: &mut dyn FnMut() -> crate::Result<u32>) -> crate::Result<u32> {
        Python::attach(|_| f())
    }
    unsafe fn incref(&self, o: usize) {
        if o != 0 {
            // SAFETY: a live object; the caller holds the GIL (inside `with_api`).
            unsafe { ffi::Py_IncRef(o as *mut ffi::PyObject) };
        }
    }
    unsafe fn decref(&self, o: usize) {
        if o != 0 {
            // SAFETY: a reference the caller owns; the caller holds the GIL.
            unsafe { ffi::Py_DecRef(o as *mut ffi::PyObject) };
        }
    }
    fn operation(&self, name: &str, nin: usize) -> ObjectFn {
        let op = op_of(name);
        if let (Op::Binary(f), 2) = (&op, nin) {
            // The number protocol straight on the references (no handles per item).
            let f = *f;
            return ObjectFn(Box::new(move |args: &[usize]| {
                // SAFETY: `ObjectFn::call`'s contract: inside `with_api`, the GIL held.
                let py = unsafe { Python::assume_attached() };
                // SAFETY: the core passes live references (0 is None); `f` returns a new
                // reference or NULL with an exception set.
                let r = unsafe { f(raw(args[0]), raw(args[1])) };
                if r.is_null() {
                    return Err(raised(PyErr::fetch(py)));
                }
                Ok(r as usize)
            }));
        }
        if let (Op::Extreme(max), 2) = (&op, nin) {
            // NumPy's npy_ObjectMax/Min: the first when it compares >= (<=), else the second.
            let cmp = if *max { ffi::Py_GE } else { ffi::Py_LE };
            return ObjectFn(Box::new(move |args: &[usize]| {
                // SAFETY: `ObjectFn::call`'s contract: inside `with_api`, the GIL held.
                let py = unsafe { Python::assume_attached() };
                // SAFETY: live references (0 is None).
                unsafe {
                    let (a, b) = (raw(args[0]), raw(args[1]));
                    let r = ffi::PyObject_RichCompareBool(a, b, cmp);
                    if r < 0 {
                        return Err(raised(PyErr::fetch(py)));
                    }
                    let keep = if r == 1 { a } else { b };
                    ffi::Py_IncRef(keep);
                    Ok(keep as usize)
                }
            }));
        }
        ObjectFn(Box::new(move |args: &[usize]| {
            // SAFETY: `ObjectFn::call`'s contract: inside `with_api`, the GIL held.
            let py = unsafe { Python::assume_attached() };
            // SAFETY: the core passes live references (or 0 for None).
            let a: Vec<_> = args
                .iter()
                .take(nin)
                .map(|&o| unsafe { object(py, o) })
                .collect();
            apply(py, &op, &a).map(hold).map_err(raised)
        }))
    }
    unsafe fn compare(&self, op: &str, a: usize, b: usize) -> crate::Result<bool> {
        let op = match op {
            "equal" => ffi::Py_EQ,
            "not_equal" => ffi::Py_NE,
            "less" => ffi::Py_LT,
            "less_equal" => ffi::Py_LE,
            "greater" => ffi::Py_GT,
            _ => ffi::Py_GE,
        };
        // SAFETY: the caller runs inside `with_api` (the GIL held).
        let py = unsafe { Python::assume_attached() };
        // NumPy's object comparison: the rich comparison's result, then its truth (no
        // identity shortcut: NaN is unequal to itself).
        if op != ffi::Py_EQ && op != ffi::Py_NE {
            // The order comparisons have no identity shortcut: the truth in one call.
            // SAFETY: live references.
            let t = unsafe { ffi::PyObject_RichCompareBool(raw(a), raw(b), op) };
            if t < 0 {
                return Err(raised(PyErr::fetch(py)));
            }
            return Ok(t == 1);
        }
        // SAFETY: live references; the result is a new reference or NULL.
        unsafe {
            let r = ffi::PyObject_RichCompare(raw(a), raw(b), op);
            if r.is_null() {
                return Err(raised(PyErr::fetch(py)));
            }
            let t = ffi::PyObject_IsTrue(r);
            ffi::Py_DecRef(r);
            if t < 0 {
                return Err(raised(PyErr::fetch(py)));
            }
            Ok(t == 1)
        }
    }
    unsafe fn exact_int(&self, o: usize) -> Option<i64> {
        // SAFETY: the caller's guarantee (the GIL held; 0 or a live reference).
        unsafe {
            if o == 0 || ffi::PyLong_CheckExact(raw(o)) == 0 {
                return None;
            }
            let mut overflow = 0;
            let v = ffi::PyLong_AsLongLongAndOverflow(raw(o), &mut overflow);
            (overflow == 0 && (v != -1 || ffi::PyErr_Occurred().is_null())).then_some(v)
        }
    }
    fn new_number(&self, n: Num, _st: ScalarType) -> crate::Result<usize> {
        Python::attach(|py| super::convert::num_to_py(py, n).map(hold).map_err(raised))
    }
    fn to_num(&self, o: usize, st: ScalarType) -> crate::Result<Num> {
        Python::attach(|py| {
            // SAFETY: a live reference (or 0 for None).
            let v = unsafe { object(py, o) };
            if v.cast::<pyo3::types::PyList>().is_ok() || v.cast::<pyo3::types::PyTuple>().is_ok() {
                let t = v
                    .get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                if st.kind() == 'b' {
                    return Ok(Num::B(v.is_truthy().map_err(raised)?));
                }
                return Err(raised(match st.kind() {
                    'f' => PyValueError::new_err(
                        "setting an array element with a sequence.",
                    ),
                    'c' => PyTypeError::new_err(format!("must be real number, not {t}")),
                    _ => PyTypeError::new_err(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
                    )),
                }));
            }
            // Python's numbers of a kind the type takes as they are: stored by value, as
            // an array of them would store each.
            // (a subclass of float or int may convert itself otherwise: NumPy asks it)
            let exact = v.is_exact_instance_of::<pyo3::types::PyFloat>()
                || v.is_exact_instance_of::<pyo3::types::PyInt>();
            if let (true, Ok(Some(super::convert::PyScalar::Weak(n, _)))) =
                (exact, super::convert::classify_scalar(&v))
            {
                let direct = matches!(
                    (n, st.kind()),
                    (Num::F(_), 'f' | 'c') | (Num::I(_) | Num::U(_), 'i' | 'u' | 'f' | 'c')
                );
                if direct {
                    return super::convert::store_value(n, st).map_err(raised);
                }
            }
            let a = super::array::value_to_array(&v, &st.dtype()).map_err(raised)?;
            let a = if super::text::is_text(a.dtype()) {
                super::errors::run_cast(py, a.nbytes(), || {
                    a.astype(&st.dtype(), crate::array::Order::C)
                })
                .map_err(raised)?
            } else {
                a
            };
            if a.size() == 1 && a.dtype().kind() == 'O' {
                // Any other object converts itself, as NumPy's casts ask it: float(),
                // int(), complex() or its truth.
                return by_protocol(py, &v, st).map_err(raised);
            }
            if a.ndim() > 0 {
                if st.kind() == 'b' && a.size() == 1 {
                    return Ok(Num::B(v.is_truthy().map_err(raised)?)); // the item's truth
                }
                // NumPy: complex() of an array refuses it; other casts refuse the sequence.
                if st.kind() == 'c' && v.hasattr("__array_interface__").unwrap_or(false) {
                    return Err(raised(PyTypeError::new_err(
                        "only 0-dimensional arrays can be converted to Python scalars",
                    )));
                }
                return Err(raised(PyValueError::new_err(
                    "setting an array element with a sequence.",
                )));
            }
            if a.dtype().scalar_type().is_none() {
                return Err(raised(PyTypeError::new_err(format!(
                    "cannot store an object of type '{}' as {}",
                    v.get_type()
                        .name()
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    st.dtype().name()
                ))));
            }
            // SAFETY: one numeric item.
            Ok(unsafe { super::convert::read_num(a.data_ptr(), a.dtype()) })
        })
    }
    fn new_text(&self, t: &[u32], bytes: bool) -> crate::Result<usize> {
        Python::attach(|py| {
            if bytes {
                let raw: Vec<u8> = t.iter().map(|&c| c as u8).collect();
                return Ok(hold(PyBytes::new(py, &raw).into_any()));
            }
            super::text::py_str(py, t).map(hold).map_err(raised)
        })
    }
    fn to_text(&self, o: usize, bytes: bool) -> crate::Result<(Vec<u32>, bool)> {
        Python::attach(|py| {
            // SAFETY: a live reference (or 0 for None).
            let v = unsafe { object(py, o) };
            if v.cast::<pyo3::types::PyList>().is_ok() || v.cast::<pyo3::types::PyTuple>().is_ok() {
                return Err(raised(PyValueError::new_err(
                    "setting an array element with a sequence",
                )));
            }
            if let Ok(b) = v.cast::<PyBytes>() {
                // Bytes are their bytes into bytes, and read as text into str (NumPy's).
                return Ok((b.as_bytes().iter().map(|&c| c as u32).collect(), bytes));
            }
            let s = match v.cast::<PyString>() {
                Ok(s) => s.clone(),
                Err(_) => v.str().map_err(raised)?,
            };
            Ok((super::text::str_chars(&s).map_err(raised)?, false))
        })
    }
    fn new_time(&self, v: i64, d: crate::dtype::time::TimeDesc) -> crate::Result<usize> {
        Python::attach(|py| super::time::value_to_py(py, d, v).map(hold).map_err(raised))
    }
    unsafe fn new_item(&self, d: &crate::dtype::DType, p: *const u8) -> crate::Result<usize> {
        Python::attach(|py| {
            // SAFETY: the cast's contract: an item of `d` at `p`.
            match unsafe { super::families::scalar(py, d, p) } {
                Some(r) => r.map(hold).map_err(raised),
                None => Err(crate::Error::Type(format!("no scalar for {d:?}"))),
            }
        })
    }
    unsafe fn store_item(
        &self,
        o: usize,
        d: &crate::dtype::DType,
        p: *mut u8,
    ) -> crate::Result<()> {
        Python::attach(|py| {
            // SAFETY: a live reference (or 0 for None).
            let v = unsafe { object(py, o) };
            if let Some(s) = crate::dtype::vstring::VString::of(d) {
                // SAFETY: the cast's contract: room for an item of `d` at `p`.
                return unsafe { super::vstring::store(&v, s, p) }.map_err(raised);
            }
            let Some(l) = crate::dtype::longdouble::LdDesc::of(d) else {
                return Err(crate::Error::Type(format!("cannot store objects as {d:?}")));
            };
            // SAFETY: the cast's contract: room for an item of `d` at `p`.
            unsafe { super::longdouble::store(&v, l, p) }.map_err(raised)
        })
    }
    fn to_time(&self, o: usize, d: crate::dtype::time::TimeDesc) -> crate::Result<i64> {
        Python::attach(|py| {
            // SAFETY: a live reference (or 0 for None).
            let v = unsafe { object(py, o) };
            super::time::object_ticks(&v, d).map_err(raised)
        })
    }
}

/// The item at `p` of an object array: the object itself (None for an empty slot).
///
/// # Safety
/// `p` holds an object item.
pub unsafe fn item<'py>(py: Python<'py>, p: *const u8) -> Bound<'py, PyAny> {
    // SAFETY: the caller's guarantee: the item holds a live reference or 0.
    unsafe { object(py, crate::dtype::object::get(p)) }
}

/// Is `obj` a sequence `dtype=object` descends into (lists, tuples, arrays)?
fn is_seq(obj: &Bound<'_, PyAny>) -> bool {
    // Python's own scalars first: no attribute lookup for the common items.
    if obj.is_none()
        || obj.is_exact_instance_of::<pyo3::types::PyInt>()
        || obj.is_exact_instance_of::<pyo3::types::PyFloat>()
        || obj.is_exact_instance_of::<PyString>()
        || obj.is_exact_instance_of::<PyBytes>()
        || obj.is_exact_instance_of::<pyo3::types::PyBool>()
    {
        return false;
    }
    obj.cast::<pyo3::types::PyList>().is_ok()
        || obj.cast::<pyo3::types::PyTuple>().is_ok()
        || obj.cast::<super::array::PyNdArray>().is_ok()
        || foreign_shape(obj).is_some()
}

/// The shape of another library's array (NumPy's), which `dtype=object` descends into too.
fn foreign_shape(obj: &Bound<'_, PyAny>) -> Option<Vec<usize>> {
    let iface = obj.getattr_opt("__array_interface__").ok()??;
    iface.get_item("shape").ok()?.extract().ok()
}

/// NumPy's shape for `np.array(obj, dtype=object)`: sequences are dimensions as deep as all
/// siblings agree on their lengths; below that, whatever is there is an item.
fn shape_of(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Vec<usize>> {
    if !is_seq(obj) || depth >= crate::array::MAXDIMS {
        return Ok(vec![]);
    }
    if let Ok(a) = obj.cast::<super::array::PyNdArray>() {
        return Ok(a.get().array().shape().to_vec());
    }
    if let Some(s) = foreign_shape(obj) {
        return Ok(s);
    }
    let n = obj.len()?;
    let mut common: Option<Vec<usize>> = None;
    for i in 0..n {
        let item = match (
            obj.cast::<pyo3::types::PyList>(),
            obj.cast::<pyo3::types::PyTuple>(),
        ) {
            (Ok(l), _) => l.get_item(i)?,
            (_, Ok(t)) => t.get_item(i)?,
            _ => obj.get_item(i)?,
        };
        let s = shape_of(&item, depth + 1)?;
        common = Some(match common {
            None => s,
            Some(c) => c
                .iter()
                .zip(&s)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
        if common.as_ref().is_some_and(|c| c.is_empty()) {
            // The common part can only shrink: nothing below this level is common.
            break;
        }
    }
    let mut out = vec![n];
    out.extend(common.unwrap_or_default());
    Ok(out)
}

/// `np.array(obj, dtype=object)`: an object array of NumPy's shape for it.
pub fn from_nested(obj: &Bound<'_, PyAny>) -> PyResult<crate::array::NdArray> {
    let shape = shape_of(obj, 0)?;
    let dt = crate::dtype::object::object();
    let out = crate::array::NdArray::zeros(&shape, &dt, crate::array::Order::C)?;
    // Items in C order, in one walk; on an error the array (zeroed where not yet written)
    // releases what it took.
    let mut next = out.data_ptr() as *mut usize;
    fill(obj, 0, &shape, &mut next)?;
    Ok(out)
}

/// Write the items below `cur` (its dimensions `shape[depth..]`) at `*next` onwards, each a
/// new reference, advancing `*next`.
fn fill(
    cur: &Bound<'_, PyAny>,
    depth: usize,
    shape: &[usize],
    next: &mut *mut usize,
) -> PyResult<()> {
    if depth == shape.len() {
        // SAFETY: `*next` is the next item of the fresh zeroed object array `from_nested`
        // made; the walk writes exactly its size items.
        unsafe {
            std::ptr::write_unaligned(*next, hold(cur.clone()));
            *next = next.add(1);
        }
        return Ok(());
    }
    if let Ok(l) = cur.cast::<pyo3::types::PyList>() {
        for i in 0..shape[depth] {
            fill(&l.get_item(i)?, depth + 1, shape, next)?;
        }
        return Ok(());
    }
    if let Ok(t) = cur.cast::<pyo3::types::PyTuple>() {
        for i in 0..shape[depth] {
            fill(&t.get_item(i)?, depth + 1, shape, next)?;
        }
        return Ok(());
    }
    let array = cur.cast::<super::array::PyNdArray>().is_ok() || foreign_shape(cur).is_some();
    for i in 0..shape[depth] {
        let child = if array && depth + 1 == shape.len() {
            // An array's item as the Python object `item()` gives (NumPy's).
            cur.call_method1("item", (i,))?
        } else {
            cur.get_item(i)?
        };
        fill(&child, depth + 1, shape, next)?;
    }
    Ok(())
}

/// Store `value` itself in the object item at `p`, releasing what it held.
///
/// # Safety
/// `p` holds a writable object item.
pub unsafe fn store(p: *mut u8, value: &Bound<'_, PyAny>) {
    let v = hold(value.clone());
    // SAFETY: the caller's guarantee.
    let old = unsafe { crate::dtype::object::get(p) };
    // SAFETY: as above; the item takes the new reference, the old one is released.
    unsafe {
        std::ptr::write_unaligned(p as *mut usize, v);
        if old != 0 {
            ffi::Py_DecRef(old as *mut ffi::PyObject);
        }
    }
}

/// For unsized text from objects (`astype('U')`), the text dtype as long as the longest
/// item's text (NumPy's); any other dtype as it is.
pub fn sized_text(
    py: Python<'_>,
    a: &crate::array::NdArray,
    dt: crate::dtype::DType,
) -> PyResult<crate::dtype::DType> {
    let Some(t) = crate::dtype::text::TextDesc::of(&dt).filter(|t| t.chars == 0) else {
        return Ok(dt);
    };
    let c = a.copy(crate::array::Order::C)?;
    let isz = c.dtype().itemsize();
    let mut longest = 1;
    for i in 0..c.size() {
        // SAFETY: item i of the C-contiguous copy.
        let o = unsafe { item(py, c.data_ptr().add(i * isz)) };
        let n = match o.cast::<PyBytes>() {
            Ok(b) => b.as_bytes().len(),
            _ => o.str()?.len()?,
        };
        longest = longest.max(n);
    }
    Ok(t.sized(longest).dtype())
}

/// Items that hold references are never made from raw bytes (NumPy's ValueError).
pub fn refuse_from_bytes(dt: &crate::dtype::DType) -> PyResult<()> {
    if dt.flags().holds_refs {
        return Err(PyValueError::new_err(if dt.kind() == 'T' {
            "cannot create a StringDType array from memory buffer"
        } else {
            "cannot create an OBJECT array from memory buffer"
        }));
    }
    Ok(())
}

/// An object's value as an item of `st` through Python's number protocols, as NumPy's casts
/// from objects: `float(o)` for floats, `int(o)` for integers (OverflowError outside int64
/// and uint64), `complex(o)` for complex, `bool(o)` for bool.
fn by_protocol(py: Python<'_>, v: &Bound<'_, PyAny>, st: ScalarType) -> PyResult<Num> {
    let builtins = py.import("builtins")?;
    let n = match st.kind() {
        'b' => Num::B(v.is_truthy()?),
        'f' => Num::F(builtins.getattr("float")?.call1((v,))?.extract::<f64>()?),
        'c' => {
            let c = builtins.getattr("complex")?.call1((v,))?;
            let c = c.cast::<pyo3::types::PyComplex>()?;
            Num::C(c.real(), c.imag())
        }
        _ => {
            let i = builtins.getattr("int")?.call1((v,))?;
            if let Ok(x) = i.extract::<i64>() {
                Num::I(x)
            } else if let Ok(x) = i.extract::<u64>() {
                Num::U(x)
            } else {
                return Err(pyo3::exceptions::PyOverflowError::new_err(
                    "Python int too large to convert to C long",
                ));
            }
        }
    };
    super::convert::store_value(n, st)
}
