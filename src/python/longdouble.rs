//! The extended floats (`g`, `G`) and Python: `rumpy.longdouble`/`rumpy.clongdouble`
//! scalars (defined in `_longdouble.py` around a 0-d array of the item, so they compute and
//! print as the arrays do) and Python's values stored as items (floats exactly, ints through
//! their decimal text, strings by `strtold`, NumPy's extended scalars by their bytes).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyComplex, PyFloat, PyInt, PyType};

use crate::array::{NdArray, Order};
use crate::dtype::longdouble::{LdDesc, LD};
use crate::dtype::DType;

static CLASSES: PyOnceLock<[Py<PyType>; 2]> = PyOnceLock::new();

/// `rumpy.longdouble` and `rumpy.clongdouble`.
fn classes(py: Python<'_>) -> PyResult<&'static [Py<PyType>; 2]> {
    super::scalar_classes(
        py,
        &CLASSES,
        "rumpy._longdouble",
        ["longdouble", "clongdouble"],
    )
}

/// `rumpy.longdouble` (`complex` false) or `rumpy.clongdouble`.
pub fn scalar_class(py: Python<'_>, complex: bool) -> PyResult<&Bound<'_, PyType>> {
    Ok(classes(py)?[complex as usize].bind(py))
}

/// Does a dtype hold extended floats?
pub fn is_extended(d: &DType) -> bool {
    LdDesc::of(d).is_some()
}

/// The item at `p` as the scalar NumPy gives for indexing, `item()` and `tolist()` alike.
///
/// # Safety
/// `p` holds an item of `d`.
pub unsafe fn scalar<'py>(py: Python<'py>, d: LdDesc, p: *const u8) -> PyResult<Bound<'py, PyAny>> {
    let native = LdDesc { native: true, ..d };
    let a = NdArray::empty(&[], &native.dtype(), Order::C)?;
    // SAFETY: the caller's guarantee; `a` holds one fresh item.
    unsafe {
        std::ptr::copy_nonoverlapping(p, a.data_ptr(), d.itemsize());
        if !d.native {
            let s = std::slice::from_raw_parts_mut(a.data_ptr(), d.itemsize());
            for part in s.chunks_mut(LD) {
                part.reverse();
            }
        }
    }
    let arr = super::array::PyNdArray::wrap(py, a, None)?;
    classes(py)?[d.complex as usize]
        .bind(py)
        .call_method1("_rp_make", (arr,))
}

/// The descriptor of an extended scalar (rumpy's or NumPy's) without touching its value, or
/// None for other objects: the cheap test creation and dtype conversion ask of any object.
pub fn scalar_desc(obj: &Bound<'_, PyAny>) -> PyResult<Option<LdDesc>> {
    let py = obj.py();
    let [g, c] = classes(py)?;
    for (complex, cls) in [(false, g), (true, c)] {
        if obj.is_instance(cls.bind(py))? {
            return Ok(Some(LdDesc {
                complex,
                native: true,
            }));
        }
    }
    let ty = obj.get_type();
    let name = ty.name()?;
    let complex = match name.to_str()? {
        "longdouble" => false,
        "clongdouble" => true,
        _ => return Ok(None),
    };
    let numpy = ty
        .getattr("__module__")
        .is_ok_and(|m| m.extract::<String>().is_ok_and(|m| m == "numpy"));
    Ok(numpy.then_some(LdDesc {
        complex,
        native: true,
    }))
}

/// A fresh 0-d array of an extended scalar (rumpy's or NumPy's), or None for other objects.
pub fn scalar_array(obj: &Bound<'_, PyAny>) -> PyResult<Option<NdArray>> {
    let Some(d) = scalar_desc(obj)? else {
        return Ok(None);
    };
    if let Ok(a) = obj.getattr("_a") {
        if let Ok(a) = a.cast::<super::array::PyNdArray>() {
            return Ok(Some(a.get().array().copy(Order::C)?));
        }
    }
    // NumPy's scalar: its native bytes.
    let raw: Vec<u8> = obj.call_method0("tobytes")?.extract()?;
    let a = NdArray::empty(&[], &d.dtype(), Order::C)?;
    if raw.len() != d.itemsize() {
        return Ok(None);
    }
    // SAFETY: one fresh item of that many bytes.
    unsafe { std::ptr::copy_nonoverlapping(raw.as_ptr(), a.data_ptr(), raw.len()) };
    Ok(Some(a))
}

/// Store a Python value as the item of `d` at `p`, as NumPy stores one (`a[i] = x`, the
/// object cast): floats exactly, ints through their text (through float for a complex
/// item), strings and other numbers through their casts.
///
/// # Safety
/// `p` is writable for one item of `d`.
pub unsafe fn store(obj: &Bound<'_, PyAny>, d: LdDesc, p: *mut u8) -> PyResult<()> {
    use crate::dtype::longdouble::{write_f64, write_text};
    let float = || obj.py().get_type::<PyFloat>().call1((obj,));
    // Python's numbers straight into the item (the common items of creation).
    // SAFETY (each write): the caller's guarantee.
    if let Ok(f) = obj.cast::<PyFloat>() {
        unsafe { write_f64(f.value(), d, p) };
        return Ok(());
    }
    if obj.cast::<PyBool>().is_ok() {
        unsafe { write_f64(if obj.is_truthy()? { 1.0 } else { 0.0 }, d, p) };
        return Ok(());
    }
    if obj.cast::<PyInt>().is_ok() {
        if d.complex {
            // NumPy makes a complex of a Python int through Python's float.
            let v: f64 = float()?.extract()?;
            unsafe { write_f64(v, d, p) };
        } else if !unsafe { write_text(&obj.str()?.to_cow()?, d, p) } {
            return Err(pyo3::exceptions::PyOverflowError::new_err(
                "int too large to convert to float",
            ));
        }
        return Ok(());
    }
    if obj.is_none() {
        // NumPy stores None as NaN in inexact arrays.
        unsafe { write_f64(f64::NAN, d, p) };
        return Ok(());
    }
    if obj.cast::<PyComplex>().is_ok() && !d.complex {
        // NumPy: a Python complex into a real item is a TypeError.
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "float() argument must be a string or a real number, not '{}'",
            obj.get_type().name()?
        )));
    }
    // Everything else through its own array and the cast: extended scalars, text (the
    // text cast's strtold), NumPy's and rumpy's number scalars, Python's complex.
    let a = match scalar_array(obj)? {
        Some(a) => a,
        None => super::convert::to_array(obj, None)?.arr,
    };
    if a.dtype().kind() == 'O' {
        // Any other object: Python's float() of it (its error when it has none).
        return unsafe { store(&float()?, d, p) };
    }
    if a.ndim() != 0 {
        // NumPy hands a sequence to float(), which refuses it.
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "float() argument must be a string or a real number, not '{}'",
            obj.get_type().name()?
        )));
    }
    let a = super::errors::run_cast(obj.py(), d.itemsize(), || a.astype(&d.dtype(), Order::C))?;
    // SAFETY: the caller's guarantee; `a` holds one item of `d`.
    unsafe { std::ptr::copy_nonoverlapping(a.data_ptr(), p, d.itemsize()) };
    Ok(())
}

/// A 0-d array of `d` holding a Python value (not a sequence).
pub fn value_to_array(obj: &Bound<'_, PyAny>, d: LdDesc) -> PyResult<NdArray> {
    let out = NdArray::empty(&[], &d.dtype(), Order::C)?;
    // SAFETY: one fresh item of `d`.
    unsafe { store(obj, d, out.data_ptr()) }?;
    Ok(out)
}
