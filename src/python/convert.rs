//! Python objects to arrays and array elements to Python objects.

use num_complex::Complex;
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyComplex, PyFloat, PyInt, PyList, PyTuple};

use crate::array::{NdArray, Order};
use crate::dtype::promote::{promote_scalar, WeakKind};
use crate::dtype::{DType, Element, Num, ScalarType};

use super::array::PyNdArray;
use super::dtype::{rumpy_scalar_type, scalar_class};

/// A Python scalar, classified.
pub enum PyScalar {
    /// A Python bool/int/float/complex: weak in operations, default-typed in `array()`.
    Weak(Num, WeakKind),
    /// A rumpy or NumPy scalar with its own dtype.
    Typed(Num, ScalarType),
}

/// Classify `obj` as a scalar, if it is one.
pub fn classify_scalar(obj: &Bound<'_, PyAny>) -> PyResult<Option<PyScalar>> {
    if let Some(st) = rumpy_scalar_type(obj) {
        return Ok(Some(PyScalar::Typed(typed_scalar_num(obj, st)?, st)));
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Some(PyScalar::Weak(Num::B(b.is_true()), WeakKind::Bool)));
    }
    if let Ok(f) = obj.cast_exact::<PyFloat>() {
        return Ok(Some(PyScalar::Weak(Num::F(f.value()), WeakKind::Float)));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(Some(PyScalar::Weak(int_num(obj)?, WeakKind::Int)));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        if let Some(st) = numpy_scalar_type(obj) {
            return Ok(Some(PyScalar::Typed(Num::F(f.value()), st)));
        }
        return Ok(Some(PyScalar::Weak(Num::F(f.value()), WeakKind::Float)));
    }
    if let Ok(c) = obj.cast::<PyComplex>() {
        let n = Num::C(c.real(), c.imag());
        if let Some(st) = numpy_scalar_type(obj) {
            return Ok(Some(PyScalar::Typed(n, st)));
        }
        return Ok(Some(PyScalar::Weak(n, WeakKind::Complex)));
    }
    if let Some(st) = numpy_scalar_type(obj) {
        let item = obj.call_method0("item")?;
        let n = match classify_scalar(&item)? {
            Some(PyScalar::Weak(n, _)) | Some(PyScalar::Typed(n, _)) => n,
            None => return Ok(None),
        };
        return Ok(Some(PyScalar::Typed(n, st)));
    }
    Ok(None)
}

/// A NumPy scalar's type (`np.float32(1)` → Float32), recognised without importing NumPy.
fn numpy_scalar_type(obj: &Bound<'_, PyAny>) -> Option<ScalarType> {
    let t = obj.get_type();
    let m: String = t.getattr("__module__").ok()?.extract().ok()?;
    if m != "numpy" {
        return None;
    }
    let name: String = t.getattr("__name__").ok()?.extract().ok()?;
    crate::dtype::parse::parse_dtype(&name).ok()?.scalar_type()
}

/// Whether `obj` is a Python int beyond int64 and uint64.
pub fn is_big_int(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_instance_of::<PyInt>()
        && !obj.is_instance_of::<PyBool>()
        && obj.extract::<i64>().is_err()
        && obj.extract::<u64>().is_err()
}

/// What a value is for array discovery: [`classify_scalar`]'s answer, or `Big` for a Python
/// int beyond 64 bits (which it refuses), checked only once it has refused: numbers are
/// read once.
enum Classified {
    Scalar(Option<PyScalar>),
    Big,
}

fn classify_or_big(obj: &Bound<'_, PyAny>) -> PyResult<Classified> {
    match classify_scalar(obj) {
        Ok(s) => Ok(Classified::Scalar(s)),
        Err(_) if is_big_int(obj) => Ok(Classified::Big),
        Err(e) => Err(e),
    }
}

/// A Python int beyond both int64 and uint64, as the float NumPy 2 computes with when it meets
/// one next to a float array (`np.ones(2) * 2**64`); `None` for anything else. OverflowError
/// (Python's) when it is beyond float64 too.
pub fn big_int(obj: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    if !obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyBool>() {
        return Ok(None);
    }
    if obj.extract::<i64>().is_ok() || obj.extract::<u64>().is_ok() {
        return Ok(None);
    }
    Ok(Some(obj.extract::<f64>()?))
}

fn int_num(obj: &Bound<'_, PyAny>) -> PyResult<Num> {
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Num::I(i));
    }
    if let Ok(u) = obj.extract::<u64>() {
        return Ok(Num::U(u));
    }
    Err(PyOverflowError::new_err(
        "Python int too large to convert to C long",
    ))
}

/// The value of an instance of exactly rumpy's class for `st`.
fn typed_scalar_num(obj: &Bound<'_, PyAny>, st: ScalarType) -> PyResult<Num> {
    if let Some(off) = fast_ctors(obj.py()).and_then(|f| f.value_offset(st)) {
        // SAFETY: `obj`'s type is the class of `st` (the caller matched its type pointer),
        // whose instances hold their value at the offset `probe` verified.
        return Ok(unsafe { super::scalars::stored(obj.as_ptr(), off, st) });
    }
    Ok(match st.kind() {
        'b' => Num::B(obj.is_truthy()?),
        'i' | 'u' => int_num(&obj.call_method0("__index__")?)?,
        'f' => Num::F(obj.call_method0("__float__")?.extract::<f64>()?),
        _ => {
            let c: Complex<f64> = obj.call_method0("__complex__")?.extract()?;
            Num::C(c.re, c.im)
        }
    })
}

/// Check that a Python int fits the integer dtype it is being stored into (NumPy 2 raises).
pub fn check_int_fits(n: Num, st: ScalarType) -> PyResult<()> {
    Ok(crate::dtype::promote::check_int_fits(n, st)?)
}

/// Convert a Python value for storing into `st` as NumPy's setitem does: integers are
/// range-checked, floats go through Python's `int()` for integer targets (NaN and infinity
/// raise), complex values cannot go into real targets.
pub fn store_value(n: Num, st: ScalarType) -> PyResult<Num> {
    match (n, st.kind()) {
        (_, 'b') | (_, 'c') => Ok(n),
        (Num::C(..), 'f') => Err(PyTypeError::new_err(
            "float() argument must be a string or a real number, not 'complex'",
        )),
        (Num::C(..), _) => Err(PyTypeError::new_err(
            "int() argument must be a string, a bytes-like object or a real number, not 'complex'",
        )),
        (_, 'f') => Ok(n),
        (Num::F(f), _) => {
            if f.is_nan() {
                return Err(PyValueError::new_err("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyOverflowError::new_err(
                    "cannot convert float infinity to integer",
                ));
            }
            let t = f.trunc();
            if t.abs() >= 9_223_372_036_854_775_808.0 {
                return Err(PyOverflowError::new_err(
                    "Python int too large to convert to C long",
                ));
            }
            let v = Num::I(t as i64);
            check_int_fits(v, st)?;
            Ok(v)
        }
        (Num::U(u), _)
            if u > i64::MAX as u64 && !matches!(st, ScalarType::UInt32 | ScalarType::UInt64) =>
        {
            // NumPy converts through a C long (an unsigned long for uint32 and uint64).
            Err(PyOverflowError::new_err(
                "Python int too large to convert to C long",
            ))
        }
        _ => {
            check_int_fits(n, st)?;
            Ok(n)
        }
    }
}

/// How a value met in a Python object was given. NumPy stores a Python number as a Python
/// value ([`store_value`]: out-of-range integers raise) and casts a NumPy scalar or an array's
/// item, except that its signed integer dtypes take NumPy scalars as Python values too
/// (`int(x)`, then the same range check).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Origin {
    Python,
    Scalar,
    Array,
}

/// `n`, given as `origin`, ready for [`cast_num`] into an item of `st`; `warned` notes that
/// the ComplexWarning of a complex value cast to a real type was given.
pub fn settle_value(
    py: Python<'_>,
    n: Num,
    origin: Origin,
    st: ScalarType,
    warned: &mut bool,
) -> PyResult<Num> {
    let mut drop_imag = |n: Num| -> PyResult<Num> {
        match n {
            Num::C(re, _) if !st.is_complex() && st != ScalarType::Bool => {
                if !*warned {
                    *warned = true;
                    let c = ScalarType::Complex128.dtype();
                    super::array::warn_complex_to_real(py, &c, &ScalarType::Float64.dtype())?;
                }
                Ok(Num::F(re))
            }
            _ => Ok(n),
        }
    };
    match origin {
        Origin::Python => store_value(n, st),
        Origin::Scalar if st.kind() == 'i' => store_value(drop_imag(n)?, st),
        _ => drop_imag(n),
    }
}

/// Write one value into the item at `p` of dtype `dt` (any byte order).
///
/// # Safety
/// `p` must point to a writable item of `dt`.
pub unsafe fn write_num(p: *mut u8, dt: &DType, n: Num) {
    let st = dt.scalar_type().expect("numeric dtype");
    let swap = !dt.is_native();
    crate::with_scalar_type!(st, T, {
        let mut v = T::from_num(n);
        if swap {
            v = v.byteswap();
        }
        // SAFETY: caller's guarantee.
        unsafe { std::ptr::write_unaligned(p as *mut T, v) };
    })
}

/// [`write_num`] as NumPy's cast from the value's own type (int64, float64, ...): the cast's
/// floating-point conditions are raised in this thread's status, for the caller to report.
///
/// # Safety
/// As [`write_num`].
pub unsafe fn cast_num(p: *mut u8, dt: &DType, n: Num) {
    let st = dt.scalar_type().expect("numeric dtype");
    // SAFETY: the caller's guarantee.
    unsafe { crate::dtype::cast::cast_num(n, p, st, !dt.is_native()) }
}

/// [`cast_num`], reporting the cast's conditions (watched only when it can raise some).
///
/// # Safety
/// As [`write_num`].
pub unsafe fn cast_value(p: *mut u8, dt: &DType, n: Num, python: bool) -> PyResult<()> {
    let st = dt.scalar_type().expect("numeric dtype");
    if crate::dtype::cast::may_raise(n, st) {
        // SAFETY: the caller's guarantee.
        let mask = if python { STORE_CONDITIONS } else { !0 };
        casting_masked(mask, || unsafe { cast_num(p, dt, n) })
    } else {
        // SAFETY: the caller's guarantee.
        unsafe { cast_num(p, dt, n) };
        Ok(())
    }
}

/// The conditions NumPy reports when it stores a Python number (not a NumPy scalar): not
/// underflow (a tiny value set into float32 or float16 flushes quietly).
const STORE_CONDITIONS: u32 = !crate::dtype::method::status::UNDERFLOW;

/// Run `f`, which casts values with [`cast_num`], and report the conditions it raised.
pub fn casting<T>(f: impl FnOnce() -> T) -> PyResult<T> {
    casting_masked(!0, f)
}

/// [`casting`], reporting only the conditions in `mask`.
fn casting_masked<T>(mask: u32, f: impl FnOnce() -> T) -> PyResult<T> {
    let (r, st) = crate::loops::watch::fp_item(f);
    let st = st & mask;
    if st != 0 {
        Python::attach(|py| super::errors::report_cast(py, st))?;
    }
    Ok(r)
}

/// [`casting`] for `f(0), ..., f(n - 1)`, each reported on its own (as NumPy's array
/// construction reports each element's conditions). `f` must be idempotent: when any
/// condition was raised, the items are cast again one by one to tell whose they were (reading
/// the status after every item would slow the common case down by half).
pub fn casting_each(n: usize, f: impl Fn(usize)) -> PyResult<()> {
    let ((), any) = crate::loops::watch::fp_item(|| (0..n).for_each(&f));
    if any & STORE_CONDITIONS == 0 {
        return Ok(());
    }
    let (raised, _) = crate::loops::watch::fp_item(|| {
        (0..n)
            .filter_map(|i| {
                f(i);
                let st = crate::loops::elementwise::fp_take() & STORE_CONDITIONS;
                (st != 0).then_some(st)
            })
            .collect::<Vec<_>>()
    });
    Python::attach(|py| {
        raised
            .into_iter()
            .try_for_each(|st| super::errors::report_cast(py, st))
    })
}

/// Read the item at `p` of dtype `dt` (any byte order).
///
/// # Safety
/// `p` must point to a readable item of `dt`.
pub unsafe fn read_num(p: *const u8, dt: &DType) -> Num {
    let st = dt.scalar_type().expect("numeric dtype");
    // SAFETY: the caller's guarantee.
    unsafe { crate::dtype::cast::read_num(p, st, !dt.is_native()) }
}

/// A Python value of the Num (bool/int/float/complex), as `item()` returns it. Made through
/// the C API with its failure checked: out of memory is MemoryError, never a panic.
pub fn num_to_py(py: Python<'_>, n: Num) -> PyResult<Bound<'_, PyAny>> {
    use pyo3::ffi;
    if let Num::B(b) = n {
        return Ok(PyBool::new(py, b).to_owned().into_any());
    }
    // SAFETY: each constructor returns a new reference or NULL with an exception set.
    unsafe {
        let p = match n {
            Num::I(i) => ffi::PyLong_FromLongLong(i),
            Num::U(u) => ffi::PyLong_FromUnsignedLongLong(u),
            Num::F(f) => ffi::PyFloat_FromDouble(f),
            Num::C(r, i) => ffi::PyComplex_FromDoubles(r, i),
            Num::B(_) => unreachable!("handled above"),
        };
        Bound::from_owned_ptr_or_err(py, p)
    }
}

/// A new bytes object holding `data`; MemoryError (never a panic) when Python has no room.
pub fn new_bytes<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    let len = pyo3::ffi::Py_ssize_t::try_from(data.len())
        .map_err(|_| pyo3::exceptions::PyMemoryError::new_err("bytes too long"))?;
    // SAFETY: copies `len` bytes from a valid slice; returns a new reference or NULL with an
    // exception set.
    let p = unsafe { pyo3::ffi::PyBytes_FromStringAndSize(data.as_ptr() as *const _, len) };
    // SAFETY: p is a new reference to a bytes object, or NULL (turned into the error).
    Ok(unsafe { Bound::from_owned_ptr_or_err(py, p)?.cast_into_unchecked() })
}

/// A new list of `n` items made by `item(i)`, with allocation failures raised as MemoryError.
pub fn list_of<'py>(
    py: Python<'py>,
    n: usize,
    mut item: impl FnMut(usize) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::ffi;
    let len = ffi::Py_ssize_t::try_from(n)
        .map_err(|_| pyo3::exceptions::PyMemoryError::new_err("list too long"))?;
    // SAFETY: PyList_New returns a new list of NULL slots or NULL with an exception set.
    let list = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyList_New(len))? };
    for i in 0..n {
        let v = item(i)?;
        // SAFETY: `list` is a list of length n and i < n; SetItem steals the new reference.
        // A list dropped with unfilled (NULL) slots is valid.
        if unsafe { ffi::PyList_SetItem(list.as_ptr(), i as ffi::Py_ssize_t, v.into_ptr()) } < 0 {
            return Err(PyErr::fetch(py));
        }
    }
    Ok(list)
}

/// Cached constructors for the scalar classes. NumPy-speed scalar creation skips the
/// Python-level `__new__` (which validates user input the core has already validated): the
/// instance is allocated with the class's `tp_alloc` and its value stored directly. The storage
/// offsets are not part of the limited API, so they are measured once on instances built the
/// slow way and used only when they check out; otherwise the slow path is kept.
pub(super) struct FastCtors {
    /// Byte offset of the double in float64 instances, if verified.
    float_offset: Option<usize>,
    /// Byte offset of the value per scalar type, if verified (float64's and complex128's
    /// too; none for bool).
    slot_offset: [Option<usize>; 14],
    true_: Py<PyAny>,
    false_: Py<PyAny>,
    /// Each class's type object and `tp_alloc`, looked up once.
    allocs: [(usize, usize); 14],
}

static FAST: PyOnceLock<Option<FastCtors>> = PyOnceLock::new();

/// Read a `T` at `off` bytes into `obj`.
///
/// # Safety
/// `off + size_of::<T>()` must lie within the object's allocation (checked by the callers
/// against `__basicsize__`).
unsafe fn peek<T: Copy>(obj: &Bound<'_, PyAny>, off: usize) -> T {
    // SAFETY: caller's guarantee.
    unsafe { std::ptr::read_unaligned((obj.as_ptr() as *const u8).add(off) as *const T) }
}

fn basicsize(t: &Bound<'_, PyAny>) -> Option<usize> {
    t.getattr("__basicsize__").ok()?.extract().ok()
}

fn probe(py: Python<'_>) -> Option<FastCtors> {
    let m = py.import("rumpy._scalars").ok()?;
    let types = super::dtype::SCALAR_TYPES.get(py)?;
    let head = 2 * std::mem::size_of::<usize>();
    let b = py.import("builtins").ok()?;
    let float_offset = (|| {
        let cls = types[ScalarType::Float64 as usize].bind(py);
        if basicsize(cls.as_any())? != basicsize(&b.getattr("float").ok()?)? {
            return None;
        }
        let x = cls.call1((1.5f64,)).ok()?;
        // SAFETY: a float subclass instance holds a double right after the object header
        // (checked: basicsize equals float's, and the value read back must match).
        (unsafe { peek::<f64>(&x, head) } == 1.5).then_some(head)
    })();
    let complex_offset = (|| {
        let cls = types[ScalarType::Complex128 as usize].bind(py);
        if basicsize(cls.as_any())? != basicsize(&b.getattr("complex").ok()?)? {
            return None;
        }
        let x = cls.call1((PyComplex::from_doubles(py, 1.5, -2.5),)).ok()?;
        // SAFETY: as above, two doubles.
        let ok = unsafe { peek::<f64>(&x, head) == 1.5 && peek::<f64>(&x, head + 8) == -2.5 };
        ok.then_some(head)
    })();
    let mut slot_offset = [None; 14];
    for st in ScalarType::ALL {
        if matches!(
            st,
            ScalarType::Bool | ScalarType::Float64 | ScalarType::Complex128
        ) {
            continue;
        }
        slot_offset[st as usize] = (|| {
            let cls = types[st as usize].bind(py);
            let off = super::scalars::value_offset()?;
            if basicsize(cls.as_any())? != off + super::scalars::VALUE_BYTES || off < head {
                return None;
            }
            let (probe_val, want): (Bound<'_, PyAny>, Num) = match st.kind() {
                'f' => (PyFloat::new(py, 0.5).into_any(), Num::F(0.5)),
                'c' => (
                    PyComplex::from_doubles(py, 0.5, 0.25).into_any(),
                    Num::C(0.5, 0.25),
                ),
                'u' => (3i64.into_pyobject(py).ok()?.into_any(), Num::U(3)),
                _ => (3i64.into_pyobject(py).ok()?.into_any(), Num::I(3)),
            };
            let x = cls.call1((&probe_val,)).ok()?;
            // SAFETY: an instance of the class, whose value lies at `off` (basicsize checked).
            let got = unsafe { super::scalars::stored(x.as_ptr(), off, st) };
            (got == want).then_some(off)
        })();
    }
    let mut allocs = [(0usize, 0usize); 14];
    for (k, t) in types.iter().enumerate().take(14) {
        let t = t.as_ptr() as *mut ffi::PyTypeObject;
        // SAFETY: reading a slot of a live type object; every type has tp_alloc.
        let f = unsafe { ffi::PyType_GetSlot(t, ffi::Py_tp_alloc) };
        if f.is_null() {
            return None;
        }
        allocs[k] = (t as usize, f as usize);
    }
    slot_offset[ScalarType::Float64 as usize] = float_offset;
    slot_offset[ScalarType::Complex128 as usize] = complex_offset;
    Some(FastCtors {
        float_offset,
        slot_offset,
        allocs,
        true_: m.getattr("True_").ok()?.unbind(),
        false_: m.getattr("False_").ok()?.unbind(),
    })
}

#[inline]
pub(super) fn fast_ctors(py: Python<'_>) -> Option<&FastCtors> {
    FAST.get_or_init(py, || probe(py)).as_ref()
}

impl FastCtors {
    /// NumPy's bool scalar for `b` (one of the two singletons).
    #[inline(always)]
    pub(super) fn boolean(&self, py: Python<'_>, b: bool) -> Py<PyAny> {
        if b { &self.true_ } else { &self.false_ }.clone_ref(py)
    }

    /// Where an instance of the class of `st` holds its value, if verified (not for bool,
    /// whose instances are the two singletons).
    #[inline(always)]
    pub(super) fn value_offset(&self, st: ScalarType) -> Option<usize> {
        self.slot_offset[st as usize]
    }

    /// An instance of the class of `st` (a freed one reused, or a fresh one from its own
    /// `tp_alloc`); its value is for the caller to write.
    #[inline]
    pub(super) fn alloc<'py>(
        &self,
        py: Python<'py>,
        st: ScalarType,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (t, f) = self.allocs[st as usize];
        // SAFETY: the GIL is held and `t` is the class of `st`.
        if let Some(o) = unsafe { super::scalars::reuse(st, t as *mut ffi::PyTypeObject) } {
            // SAFETY: a new reference to an instance of the class.
            return Ok(unsafe { Bound::from_owned_ptr(py, o) });
        }
        // SAFETY: `f` is the class's tp_alloc (checked non-null by `probe`); it returns a new
        // reference or NULL with an exception set.
        unsafe {
            let f: ffi::allocfunc = std::mem::transmute(f);
            Bound::from_owned_ptr_or_err(py, f(t as *mut ffi::PyTypeObject, 0))
        }
    }
}

/// The value of an exact `rumpy.float64`: read at the verified offset, or through the C API.
#[inline]
pub fn float64_value(obj: &Bound<'_, PyAny>) -> f64 {
    match fast_ctors(obj.py()).and_then(|f| f.float_offset) {
        // SAFETY: a float64 instance holds its double at the offset `probe` verified.
        Some(off) => unsafe { peek::<f64>(obj, off) },
        // SAFETY: a float subclass instance with the GIL held.
        None => unsafe { ffi::PyFloat_AsDouble(obj.as_ptr()) },
    }
}

/// The rumpy scalar for an item (falls back to the Python value before registration).
#[inline]
pub fn num_to_scalar<'py>(py: Python<'py>, n: Num, st: ScalarType) -> PyResult<Bound<'py, PyAny>> {
    // bool and float64 inline: scalar arithmetic's most common results.
    if let Some(f) = fast_ctors(py) {
        match (st, n, f.float_offset) {
            (ScalarType::Bool, Num::B(b), _) => {
                return Ok(if b { &f.true_ } else { &f.false_ }.bind(py).clone());
            }
            (ScalarType::Float64, Num::F(v), Some(off)) => {
                let o = f.alloc(py, st)?;
                // SAFETY: offset verified by `probe` for this class; the object is fresh.
                unsafe {
                    std::ptr::write_unaligned((o.as_ptr() as *mut u8).add(off) as *mut f64, v)
                };
                return Ok(o);
            }
            _ => {}
        }
    }
    num_to_scalar_general(py, n, st)
}

fn num_to_scalar_general<'py>(
    py: Python<'py>,
    n: Num,
    st: ScalarType,
) -> PyResult<Bound<'py, PyAny>> {
    // The class's own constructor (before registration: the Python value).
    let slow = || -> PyResult<Bound<'py, PyAny>> {
        match scalar_class(py, st) {
            Some(cls) => cls.call1((num_to_py(py, n)?,)),
            None => num_to_py(py, n),
        }
    };
    let Some(f) = fast_ctors(py) else {
        return slow();
    };
    match st {
        ScalarType::Bool => Ok(if matches!(n, Num::B(true)) {
            f.true_.bind(py).clone()
        } else {
            f.false_.bind(py).clone()
        }),
        _ => match f.slot_offset[st as usize] {
            Some(off) => {
                let o = f.alloc(py, st)?;
                // SAFETY: the value's offset was verified by `probe`; the instance is fresh.
                unsafe { super::scalars::store(o.as_ptr(), off, n, st) };
                Ok(o)
            }
            None => slow(),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Nested sequences

/// Python's sequence protocol (a dict, with `__len__` and `__getitem__`, is no sequence).
fn is_sequence(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: a live object; PySequence_Check cannot fail.
    unsafe { pyo3::ffi::PySequence_Check(obj.as_ptr()) == 1 }
}

fn is_sequence_like(obj: &Bound<'_, PyAny>) -> bool {
    obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok()
}

pub(super) enum Node<'py> {
    Seq(Bound<'py, PyAny>),
    Arr(NdArray),
    Scalar,
}

pub(super) fn node<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Node<'py>> {
    if is_sequence_like(obj) {
        return Ok(Node::Seq(obj.clone()));
    }
    if let Ok(a) = obj.cast::<PyNdArray>() {
        return Ok(Node::Arr(a.get().array()));
    }
    if super::text::is_text_object(obj)
        || !matches!(classify_or_big(obj)?, Classified::Scalar(None))
        || super::time::is_time_object(obj)
        || super::longdouble::scalar_desc(obj)?.is_some()
    {
        return Ok(Node::Scalar);
    }
    if obj.hasattr("__array_interface__")? || obj.hasattr("__array__")? || is_sequence(obj) {
        if let Some((a, _)) = super::interop::from_foreign(obj)? {
            return Ok(Node::Arr(a));
        }
        if is_sequence(obj) {
            return Ok(Node::Seq(obj.clone()));
        }
    }
    // Any other object is an item of an object array.
    Ok(Node::Scalar)
}

pub(super) fn seq_len(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    obj.len()
}

pub(super) fn seq_item<'py>(obj: &Bound<'py, PyAny>, i: usize) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(l) = obj.cast::<PyList>() {
        return l.get_item(i);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t.get_item(i);
    }
    obj.get_item(i)
}

/// The shape suggested by following first elements.
fn probe_shape(obj: &Bound<'_, PyAny>, shape: &mut Vec<usize>) -> PyResult<()> {
    let mut cur = obj.clone();
    loop {
        match node(&cur)? {
            Node::Seq(s) => {
                let n = seq_len(&s)?;
                shape.push(n);
                if n == 0 || shape.len() > crate::array::MAXDIMS {
                    return Ok(());
                }
                cur = seq_item(&s, 0)?;
            }
            Node::Arr(a) => {
                shape.extend_from_slice(a.shape());
                return Ok(());
            }
            Node::Scalar => return Ok(()),
        }
    }
}

struct Collector {
    values: Vec<Num>,
    /// Where each value came from, once one is not a Python number (empty before).
    origins: Vec<Origin>,
    strong: Option<ScalarType>,
    weak: Option<WeakKind>,
    ndim: usize,
    /// Text was met (str, bytes or a text array): the array is built as text instead.
    text: bool,
    /// An object that is no number, text or array was met: the array holds objects.
    object: bool,
    /// A time scalar or array was met: the array is a time array or holds objects.
    time: bool,
    /// An extended float scalar or array was met (`Some(true)` for a complex one): the
    /// array is built through objects and cast to the extended dtype.
    extended: Option<bool>,
}

impl Collector {
    fn push(&mut self, n: Num, origin: Origin) {
        if origin != Origin::Python && self.origins.is_empty() {
            self.origins.resize(self.values.len(), Origin::Python);
        }
        if origin != Origin::Python || !self.origins.is_empty() {
            self.origins.push(origin);
        }
        self.values.push(n);
    }

    fn origin(&self, i: usize) -> Origin {
        self.origins.get(i).copied().unwrap_or(Origin::Python)
    }
}

pub fn inhomogeneous(depth: usize, shape: &[usize]) -> PyErr {
    PyValueError::new_err(format!(
        "setting an array element with a sequence. The requested array has an inhomogeneous shape after {} dimensions. The detected shape was {} + inhomogeneous part.",
        depth,
        crate::array::shape_repr(&shape[..depth])
    ))
}

fn collect(
    obj: &Bound<'_, PyAny>,
    depth: usize,
    shape: &[usize],
    c: &mut Collector,
) -> PyResult<()> {
    // After text, the walk goes on: a leaf that is neither text nor a number (None, any
    // other object) makes the array one of objects, as NumPy's discovery does.
    if c.object {
        return Ok(());
    }
    if depth == c.ndim {
        // A leaf.
        if super::text::is_text_object(obj) {
            c.text = true;
            return Ok(());
        }
        let scalar = match classify_or_big(obj)? {
            Classified::Scalar(s) => s,
            Classified::Big => {
                // beyond 64 bits: objects (NumPy's), cast to a dtype given
                c.object = true;
                return Ok(());
            }
        };
        match scalar {
            Some(PyScalar::Weak(n, k)) => {
                c.weak = Some(c.weak.map_or(k, |w| w.max(k)));
                if let Num::U(_) = n {
                    c.strong = Some(c.strong.map_or(ScalarType::UInt64, |s| {
                        promote_scalar(s, ScalarType::UInt64)
                    }));
                }
                c.push(n, Origin::Python);
            }
            Some(PyScalar::Typed(n, st)) => {
                c.strong = Some(c.strong.map_or(st, |s| promote_scalar(s, st)));
                c.push(n, Origin::Scalar);
            }
            None => {
                if let Ok(a) = obj.cast::<PyNdArray>() {
                    let a = a.get().array();
                    if a.ndim() == 0 {
                        return push_array(&a, c);
                    }
                }
                if is_sequence_like(obj) || obj.cast::<PyNdArray>().is_ok() {
                    return Err(inhomogeneous(depth, shape));
                }
                if super::time::is_time_object(obj) {
                    c.time = true;
                    return Ok(());
                }
                if let Some(d) = super::longdouble::scalar_desc(obj)? {
                    c.extended = Some(c.extended.unwrap_or(false) || d.complex);
                    return Ok(());
                }
                match node(obj)? {
                    Node::Arr(a) if a.ndim() == 0 => return push_array(&a, c),
                    Node::Scalar => {
                        c.object = true;
                        return Ok(());
                    }
                    _ => return Err(inhomogeneous(depth, shape)),
                }
            }
        }
        return Ok(());
    }
    match node(obj)? {
        Node::Seq(s) => {
            let n = seq_len(&s)?;
            if n != shape[depth] {
                return Err(inhomogeneous(depth, shape));
            }
            for i in 0..n {
                collect(&seq_item(&s, i)?, depth + 1, shape, c)?;
            }
            Ok(())
        }
        Node::Arr(a) => {
            if a.shape() != &shape[depth..] {
                return Err(inhomogeneous(depth, shape));
            }
            push_array(&a, c)
        }
        Node::Scalar => Err(inhomogeneous(depth, shape)),
    }
}

fn push_array(a: &NdArray, c: &mut Collector) -> PyResult<()> {
    if super::text::is_text(a.dtype()) {
        c.text = true;
        return Ok(());
    }
    if super::time::is_time(a.dtype()) {
        c.time = true;
        return Ok(());
    }
    if a.dtype().kind() == 'O' {
        c.object = true;
        return Ok(());
    }
    if let Some(d) = crate::dtype::longdouble::LdDesc::of(a.dtype()) {
        c.extended = Some(c.extended.unwrap_or(false) || d.complex);
        return Ok(());
    }
    let st = a
        .dtype()
        .scalar_type()
        .ok_or_else(|| PyTypeError::new_err("unsupported dtype in sequence"))?;
    c.strong = Some(c.strong.map_or(st, |s| promote_scalar(s, st)));
    let dt = a.dtype().clone();
    crate::loops::for_each_line2(
        a.shape(),
        a.strides(),
        a.strides(),
        a.data_ptr(),
        a.data_ptr(),
        true,
        |p, _, n, s, _| {
            for i in 0..n {
                // SAFETY: the walker stays inside the array.
                c.push(
                    unsafe { read_num(p.wrapping_offset(i as isize * s), &dt) },
                    Origin::Array,
                );
            }
        },
    );
    Ok(())
}

/// Build a new array from nested sequences (and scalars, and arrays inside sequences).
pub fn from_nested(obj: &Bound<'_, PyAny>, dtype: Option<&DType>) -> PyResult<NdArray> {
    if dtype.is_some_and(|d| d.kind() == 'O') {
        return super::object::from_nested(obj);
    }
    let text_dtype = dtype.is_some_and(super::text::is_text);
    if let Some(a) = dtype.and_then(|d| super::vstring::from_str_list(obj, d).transpose()) {
        return a;
    }
    if let Some(d) = dtype.filter(|d| {
        super::longdouble::is_extended(d) || crate::dtype::vstring::VString::of(d).is_some()
    }) {
        // Each item as NumPy stores one (exact floats, ints through their text; strings by
        // their setitem): through objects and their cast, once the nesting is found regular.
        let a = super::object::from_nested(obj)?;
        let mut shape = Vec::new();
        if probe_shape(obj, &mut shape).is_ok() && a.shape() != shape.as_slice() {
            return Err(inhomogeneous(a.ndim().min(shape.len()), &shape));
        }
        return super::errors::run_cast(obj.py(), a.nbytes(), || a.astype(d, Order::C));
    }
    if let Some(d) = dtype.filter(|d| super::time::is_time(d)) {
        let mut shape = Vec::new();
        probe_shape(obj, &mut shape)?;
        return super::time::from_nested(obj, &shape, d);
    }
    if let Some(d) =
        dtype.filter(|d| d.kind() == 'V' && d.fields().is_none() && d.subarray().is_none())
    {
        return super::records::raw_void_from_nested(obj, d);
    }
    if dtype.is_some_and(|d| d.scalar_type().is_none()) && !text_dtype {
        return Err(pyo3::exceptions::PyNotImplementedError::new_err(
            "record arrays from Python sequences are not supported yet",
        ));
    }
    let mut shape = Vec::new();
    probe_shape(obj, &mut shape)?;
    if shape.len() > crate::array::MAXDIMS {
        return Err(PyValueError::new_err(format!(
            "maximum supported dimension for an ndarray is currently {}",
            crate::array::MAXDIMS
        )));
    }
    // A trailing nested array in `probe_shape` contributes its dims; collect() expects leaves
    // at depth ndim, but arrays met earlier are handled as whole nodes.
    if text_dtype {
        return super::text::from_nested(obj, &shape, dtype);
    }
    let ndim = shape.len();
    let mut c = Collector {
        values: Vec::new(),
        origins: Vec::new(),
        strong: None,
        weak: None,
        ndim,
        text: false,
        object: false,
        time: false,
        extended: None,
    };
    collect(obj, 0, &shape, &mut c)?;
    if c.time && !c.object {
        // Time scalars alone (timedeltas with integers) make a time array; with anything
        // else, objects (NumPy's).
        if let Some(d) = super::time::discover(obj, &shape)? {
            let a = super::time::from_nested(obj, &shape, &d)?;
            return match dtype {
                Some(t) => super::errors::run_cast(obj.py(), a.nbytes(), || a.astype(t, Order::C)),
                None => Ok(a),
            };
        }
        c.object = true;
    }
    if c.text && !c.object {
        return super::text::from_nested(obj, &shape, dtype);
    }
    if let (Some(complex), false) = (c.extended, c.object) {
        // Extended floats with numbers: the extended dtype (complex when anything is).
        let complex = complex
            || c.strong.is_some_and(|s| s.is_complex())
            || c.weak == Some(WeakKind::Complex);
        let d = dtype.cloned().unwrap_or_else(|| {
            crate::dtype::longdouble::LdDesc {
                complex,
                native: true,
            }
            .dtype()
        });
        let a = super::object::from_nested(obj)?;
        return super::errors::run_cast(obj.py(), a.nbytes(), || a.astype(&d, Order::C));
    }
    if c.object {
        let a = super::object::from_nested(obj)?;
        return match dtype {
            Some(d) => super::errors::run_cast(obj.py(), a.nbytes(), || a.astype(d, Order::C)),
            None => Ok(a),
        };
    }
    // Each Python int is discovered as NumPy's: int64 when it fits, else uint64 (already
    // strong); only the ones that fit make the weak int count (uint64 with int64: float64).
    let fits_int64 = (0..c.values.len())
        .any(|i| c.origin(i) == Origin::Python && matches!(c.values[i], Num::I(_)));
    if !fits_int64 && c.weak == Some(WeakKind::Int) {
        c.weak = None;
    }
    let discovered = match (c.strong, c.weak) {
        (Some(s), Some(w)) => promote_scalar(s, w.default_type()),
        (Some(s), None) => s,
        (None, Some(w)) => w.default_type(),
        (None, None) => ScalarType::Float64,
    };
    let dt = match dtype {
        Some(d) => d.clone(),
        None => discovered.dtype(),
    };
    let st = dt
        .scalar_type()
        .ok_or_else(|| PyTypeError::new_err("unsupported dtype"))?;
    if dtype.is_some() {
        let py = obj.py();
        let mut warned = false;
        for i in 0..c.values.len() {
            c.values[i] = settle_value(py, c.values[i], c.origin(i), st, &mut warned)?;
        }
    }
    if discovered == ScalarType::UInt64
        && c.values.iter().any(|v| matches!(v, Num::I(i) if *i < 0))
        && dtype.is_none()
    {
        return Err(PyOverflowError::new_err(
            "Python int too large to convert to C long",
        ));
    }
    let out = NdArray::empty(&shape, &dt, Order::C).map_err(PyErr::from)?;
    let p = out.data_ptr();
    let isz = dt.itemsize();
    // SAFETY: `out` is a fresh C-contiguous array with exactly values.len() items.
    casting_each(c.values.len(), |i| unsafe {
        cast_num(p.add(i * isz), &dt, c.values[i])
    })?;
    Ok(out)
}

/// A 0-d array holding one scalar.
pub fn scalar_array(s: &PyScalar, dtype: Option<&DType>) -> PyResult<NdArray> {
    if dtype.is_some_and(|d| d.scalar_type().is_none()) {
        return Err(pyo3::exceptions::PyNotImplementedError::new_err(
            "record arrays from Python scalars are not supported yet",
        ));
    }
    let (n, dt) = match s {
        PyScalar::Weak(n, k) => {
            let dt = match dtype {
                Some(d) => d.clone(),
                None => match (n, k) {
                    (Num::U(_), _) => ScalarType::UInt64.dtype(),
                    _ => k.default_type().dtype(),
                },
            };
            let n = match dt.scalar_type() {
                Some(st) => store_value(*n, st)?,
                None => *n,
            };
            (n, dt)
        }
        PyScalar::Typed(n, st) => (*n, dtype.cloned().unwrap_or_else(|| st.dtype())),
    };
    let out = NdArray::empty(&[], &dt, Order::C).map_err(PyErr::from)?;
    let python = matches!(s, PyScalar::Weak(..));
    // SAFETY: one fresh item.
    unsafe { cast_value(out.data_ptr(), &dt, n, python) }?;
    Ok(out)
}

/// How an object became an array.
pub struct Converted {
    pub arr: NdArray,
    /// The object whose memory the array uses, when no copy was made.
    pub base: Option<Py<PyAny>>,
    /// True when the array was freshly built (no one else sees its memory).
    pub fresh: bool,
}

/// `obj` with each str replaced by the list of its characters (lists and tuples walked).
fn split_chars<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<pyo3::types::PyString>() {
        let chars: Vec<String> = s.to_cow()?.chars().map(String::from).collect();
        return Ok(PyList::new(py, chars)?.into_any());
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let items: Vec<Bound<'py, PyAny>> = obj
            .try_iter()?
            .map(|x| split_chars(&x?))
            .collect::<PyResult<_>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    Ok(obj.clone())
}

/// A list of Python floats (or of ints that fit int64), the common case, read in one loop
/// into float64 (int64), when that is the dtype asked for or the one discovery would pick.
/// None for anything else (a mixed list, a big int, another dtype): the general path.
fn flat_numbers(obj: &Bound<'_, PyAny>, dtype: Option<&DType>) -> PyResult<Option<NdArray>> {
    use pyo3::ffi;
    use pyo3::types::PyList;
    if !obj.is_exact_instance_of::<PyList>() {
        return Ok(None);
    }
    let want =
        |st: ScalarType| dtype.is_none_or(|d| d.native_scalar() == Some(st) && d == &st.dtype());
    let p = obj.as_ptr();
    // SAFETY: `p` is a list; its items are read borrowed with the GIL held and no Python code
    // running between the reads (only type checks and number reads), so it cannot change.
    unsafe {
        let n = ffi::PyList_Size(p);
        if n <= 0 {
            return Ok(None);
        }
        let first = ffi::PyList_GetItem(p, 0);
        if ffi::PyFloat_CheckExact(first) != 0 && want(ScalarType::Float64) {
            return read_list(p, n, |x| {
                (ffi::PyFloat_CheckExact(x) != 0).then(|| ffi::PyFloat_AsDouble(x))
            });
        }
        if ffi::PyLong_CheckExact(first) != 0 && want(ScalarType::Int64) {
            return read_list(p, n, |x| {
                let mut overflow = 0;
                let k = (ffi::PyLong_CheckExact(x) != 0)
                    .then(|| ffi::PyLong_AsLongLongAndOverflow(x, &mut overflow))?;
                (overflow == 0).then_some(k)
            });
        }
    }
    Ok(None)
}

/// The `n` items of the list `p` read by `item` into a 1-d array; None when one is refused.
///
/// # Safety
/// `p` is a list of at least `n` items, read with the GIL held.
unsafe fn read_list<T: crate::dtype::Element>(
    p: *mut pyo3::ffi::PyObject,
    n: pyo3::ffi::Py_ssize_t,
    item: impl Fn(*mut pyo3::ffi::PyObject) -> Option<T>,
) -> PyResult<Option<NdArray>> {
    let mut v = Vec::with_capacity(n as usize);
    for i in 0..n {
        // SAFETY: i < n, a borrowed item of the caller's list.
        match item(unsafe { pyo3::ffi::PyList_GetItem(p, i) }) {
            Some(x) => v.push(x),
            None => return Ok(None),
        }
    }
    Ok(Some(NdArray::from_vec(v, &[n as usize])?))
}

/// Convert anything array-like, sharing memory where possible.
pub fn to_array(obj: &Bound<'_, PyAny>, dtype: Option<&DType>) -> PyResult<Converted> {
    if let Ok(a) = obj.cast::<PyNdArray>() {
        return Ok(Converted {
            arr: a.get().array(),
            base: Some(obj.clone().unbind()),
            fresh: false,
        });
    }
    if let Some(arr) = flat_numbers(obj, dtype)? {
        return Ok(Converted {
            arr,
            base: None,
            fresh: true,
        });
    }
    if dtype.is_none() {
        if let Some((arr, base)) = super::interop::from_numpy_ndarray(obj)? {
            return Ok(Converted {
                arr,
                base,
                fresh: false,
            });
        }
    }
    if dtype.is_some_and(crate::dtype::bytes::is_char_c) {
        // NumPy's 'c': a str is a sequence of one-character items.
        let split = split_chars(obj)?;
        let a = to_array(&split, Some(&crate::dtype::bytes::bytes(1)))?.arr;
        let a = if a.dtype().kind() == 'S' && a.itemsize() == 1 {
            a.view_dtype(&crate::dtype::bytes::char_c())?
        } else {
            a
        };
        return Ok(Converted {
            arr: a,
            base: None,
            fresh: true,
        });
    }
    if let Some(d) = dtype.filter(|d| d.fields().is_some()) {
        // Records from Python values: lists are dimensions, tuples and numbers are records.
        if is_sequence_like(obj) || classify_scalar(obj)?.is_some() {
            return Ok(Converted {
                arr: super::records::records_from_nested(obj, d)?,
                base: None,
                fresh: true,
            });
        }
    }
    if dtype.is_some_and(|d| d.kind() == 'O') && obj.cast::<PyNdArray>().is_err() {
        return Ok(Converted {
            arr: super::object::from_nested(obj)?,
            base: None,
            fresh: true,
        });
    }
    if dtype.is_some_and(|d| crate::dtype::vstring::VString::of(d).is_some()) {
        // Each value stored as StringDType's setitem stores it (missing values, coercion).
        return Ok(Converted {
            arr: from_nested(obj, dtype)?,
            base: None,
            fresh: true,
        });
    }
    if let Some(d) = dtype.filter(|d| super::time::is_time(d)) {
        if !is_sequence_like(obj) && node(obj).is_ok_and(|n| matches!(n, Node::Scalar)) {
            return Ok(Converted {
                arr: super::time::from_nested(obj, &[], d)?,
                base: None,
                fresh: true,
            });
        }
    }
    if let Some(d) = dtype.and_then(crate::dtype::longdouble::LdDesc::of) {
        // A scalar (an int beyond 64 bits too, which `node` refuses) is stored as NumPy
        // stores it.
        if !matches!(node(obj), Ok(Node::Seq(_)) | Ok(Node::Arr(_))) {
            return Ok(Converted {
                arr: super::longdouble::value_to_array(obj, d)?,
                base: None,
                fresh: true,
            });
        }
    }
    if let Some(a) = super::longdouble::scalar_array(obj)? {
        let a = match dtype {
            Some(d) => super::errors::run_cast(obj.py(), a.nbytes(), || a.astype(d, Order::C))?,
            None => a,
        };
        return Ok(Converted {
            arr: a,
            base: None,
            fresh: true,
        });
    }
    if let Some((v, t)) = super::time::time_scalar(obj)? {
        let a = NdArray::empty(&[], &t.dtype(), Order::C)?;
        // SAFETY: one fresh item of `t`.
        unsafe { t.write(a.data_ptr(), v) };
        let a = match dtype {
            Some(d) => super::errors::run_cast(obj.py(), 8, || a.astype(d, Order::C))?,
            None => a,
        };
        return Ok(Converted {
            arr: a,
            base: None,
            fresh: true,
        });
    }
    if super::text::is_text_object(obj)
        || dtype.is_some_and(super::text::is_text) && classify_scalar(obj)?.is_some()
    {
        return Ok(Converted {
            arr: super::text::from_nested(obj, &[], dtype)?,
            base: None,
            fresh: true,
        });
    }
    let arr = match classify_or_big(obj)? {
        Classified::Scalar(Some(s)) => Some(scalar_array(&s, dtype)?),
        Classified::Scalar(None) => None,
        // An int beyond 64 bits: an object when no dtype is given (NumPy's), its float value
        // for an inexact dtype (beyond float64's range Python's OverflowError, as NumPy's)
        Classified::Big => match dtype {
            None => Some(super::object::from_nested(obj)?),
            Some(d) if matches!(d.kind(), 'f' | 'c') => {
                let f: f64 = obj.extract()?;
                Some(scalar_array(
                    &PyScalar::Weak(Num::F(f), WeakKind::Float),
                    dtype,
                )?)
            }
            // integer dtypes refuse it, as classify_scalar did
            Some(_) => {
                classify_scalar(obj)?;
                None
            }
        },
    };
    if let Some(arr) = arr {
        return Ok(Converted {
            arr,
            base: None,
            fresh: true,
        });
    }
    if is_sequence_like(obj) {
        return Ok(Converted {
            arr: from_nested(obj, dtype)?,
            base: None,
            fresh: true,
        });
    }
    if let Some((arr, base)) = super::interop::from_foreign(obj)? {
        return Ok(Converted {
            arr,
            base,
            fresh: false,
        });
    }
    if is_sequence(obj) {
        return Ok(Converted {
            arr: from_nested(obj, dtype)?,
            base: None,
            fresh: true,
        });
    }
    // Any other object: a 0-d object array holding it (NumPy's).
    Ok(Converted {
        arr: super::object::from_nested(obj)?,
        base: None,
        fresh: true,
    })
}
