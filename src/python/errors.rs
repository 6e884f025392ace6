//! The one conversion from core errors to Python exceptions, and the GIL helper.

use pyo3::exceptions::{
    PyBufferError, PyIndexError, PyMemoryError, PyNotImplementedError, PyOverflowError,
    PyRuntimeError, PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::error::Error;

static AXIS_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PROMOTION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NO_LOOP_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static BINARY_RESOLUTION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INPUT_CASTING_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static OUTPUT_CASTING_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn exc_class(
    py: Python<'_>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> Option<Py<PyType>> {
    if let Some(t) = cell.get(py) {
        return Some(t.clone_ref(py));
    }
    let m = py.import("rumpy.exceptions").ok()?;
    let t = m.getattr(name).ok()?.cast_into::<PyType>().ok()?.unbind();
    let _ = cell.set(py, t.clone_ref(py));
    Some(t)
}

fn raise_custom(
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
    msg: String,
    fallback: fn(String) -> PyErr,
) -> PyErr {
    Python::attach(|py| match exc_class(py, cell, name) {
        Some(t) => PyErr::from_type(t.into_bound(py), msg),
        None => fallback(msg),
    })
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        match e {
            Error::Type(m) | Error::Casting(m) => PyTypeError::new_err(m),
            Error::Value(m) => PyValueError::new_err(m),
            Error::Index(m) => PyIndexError::new_err(m),
            Error::Memory(m) => PyMemoryError::new_err(m),
            Error::Overflow(m) => PyOverflowError::new_err(m),
            Error::NotImplemented(m) => PyNotImplementedError::new_err(m),
            Error::Runtime(m) => PyRuntimeError::new_err(m),
            Error::Buffer(m) => PyBufferError::new_err(m),
            Error::Raised => super::object::take_raised(),
            Error::UnicodeEncode(t, i) => {
                let s: String = t
                    .iter()
                    .map(|&c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect();
                pyo3::exceptions::PyUnicodeEncodeError::new_err((
                    "ascii",
                    s,
                    i,
                    i + 1,
                    "ordinal not in range(128)",
                ))
            }
            Error::UnicodeDecode(b, i, utf8) => Python::attach(|py| {
                let (codec, reason) = crate::error::decode_failure(utf8);
                let c = |s: &str| std::ffi::CString::new(s).unwrap_or_default();
                match pyo3::exceptions::PyUnicodeDecodeError::new(
                    py,
                    &c(codec),
                    &b,
                    i..i + 1,
                    &c(reason),
                ) {
                    Ok(e) => PyErr::from_value(e.into_any()),
                    Err(e) => e,
                }
            }),
            Error::Key(m) => pyo3::exceptions::PyKeyError::new_err(m),
            Error::Axis(m) => raise_custom(&AXIS_ERROR, "AxisError", m, PyValueError::new_err),
            // NumPy's private UFuncTypeError classes.
            Error::BinaryResolution(m) => raise_custom(
                &BINARY_RESOLUTION_ERROR,
                "_UFuncBinaryResolutionError",
                m,
                PyTypeError::new_err,
            ),
            Error::NoLoop(m) => {
                raise_custom(&NO_LOOP_ERROR, "_UFuncNoLoopError", m, PyTypeError::new_err)
            }
            Error::OutputCasting(m) => raise_custom(
                &OUTPUT_CASTING_ERROR,
                "_UFuncOutputCastingError",
                m,
                PyTypeError::new_err,
            ),
            Error::InputCasting(m) => raise_custom(
                &INPUT_CASTING_ERROR,
                "_UFuncInputCastingError",
                m,
                PyTypeError::new_err,
            ),
            Error::Promotion(m) => raise_custom(&PROMOTION_ERROR, "DTypePromotionError", m, |m| {
                PyTypeError::new_err(m)
            }),
        }
    }
}

/// Run heavy core work with the GIL released, converting its error. Work below `threshold`
/// bytes runs attached: releasing the GIL costs more than small work.
pub fn run_detached<T: Send>(
    py: Python<'_>,
    bytes: usize,
    f: impl FnOnce() -> crate::Result<T> + Send,
) -> PyResult<T> {
    run_detached_unless(py, false, bytes, f)
}

/// [`run_detached`] for work that casts values: the floating-point conditions the casts raise
/// (on any thread) are reported as NumPy reports them, "... encountered in cast", through
/// `errstate`.
pub fn run_cast<T: Send>(
    py: Python<'_>,
    bytes: usize,
    f: impl FnOnce() -> crate::Result<T> + Send,
) -> PyResult<T> {
    let (r, st) = run_detached(py, bytes, || {
        let (r, st) = crate::loops::watch::fp_item(f);
        r.map(|r| (r, st))
    })?;
    report_cast(py, st)?;
    Ok(r)
}

/// Report a cast's floating-point conditions (see [`run_cast`]); a warning points at the
/// Python code that called the core.
pub fn report_cast(py: Python<'_>, st: u32) -> PyResult<()> {
    report_fp(py, "cast", st, 2)
}

/// Hand the floating-point conditions in `st` (the core's status bits) to
/// `rumpy._errstate.handle`, which applies `seterr`/`errstate` (warn, raise, call, ...) and
/// words them "... encountered in `label`"; a warning points `stacklevel` frames up.
pub fn report_fp(py: Python<'_>, label: &str, st: u32, stacklevel: u32) -> PyResult<()> {
    use crate::kernels::status::*;
    let fp = st & (DIVIDE_BY_ZERO | OVERFLOW | UNDERFLOW | INVALID);
    if fp != 0 {
        py.import("rumpy._errstate")?
            .getattr("handle")?
            .call1((label, fp, stacklevel))?;
    }
    Ok(())
}

/// [`run_detached`], except that work on items needing the Python API (`keep_gil`, from the
/// dtypes' flags) runs with the GIL held.
pub fn run_detached_unless<T: Send>(
    py: Python<'_>,
    keep_gil: bool,
    bytes: usize,
    f: impl FnOnce() -> crate::Result<T> + Send,
) -> PyResult<T> {
    const THRESHOLD: usize = 1 << 16;
    if keep_gil || bytes < THRESHOLD {
        return f().map_err(PyErr::from);
    }
    // Long work: Ctrl-C stops the core's loops (see `interrupt`); an interrupted result is
    // partial and is dropped for the exception Python's handler raises. Arming costs a
    // Python call and two system calls, so only work that may run for a while is armed.
    const ARM_THRESHOLD: usize = 1 << 20;
    let armed = (bytes >= ARM_THRESHOLD).then(|| super::interrupt::arm(py));
    let r = py.detach(f);
    drop(armed);
    if crate::loops::watch::take_stop() {
        // Python's default handler has noted the signal: raising it here is what it would do.
        py.check_signals()?;
        return Err(pyo3::exceptions::PyKeyboardInterrupt::new_err(()));
    }
    r.map_err(PyErr::from)
}
