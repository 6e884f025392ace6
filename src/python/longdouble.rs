//! The extended floats (`g`, `G`) and Python: `rumpy.longdouble`/`rumpy.clongdouble`
//! scalars (defined in `_longdouble.py` around a 0-d array of the item, so they compute and
//! print as the arrays do) and Python's values stored as items (floats exactly, ints through
//! their decimal text, strings by `strtold`, NumPy's extended scalars by their bytes).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyComplex, PyFloat, PyInt, PyString, PyType};

use crate::array::{NdArray, Order};
use crate::dtype::longdouble::{LdDesc, LD};
use crate::dtype::DType;

static CLASSES: PyOnceLock<[Py<PyType>; 2]> = PyOnceLock::new();

/// `rumpy.longdouble` and `rumpy.clongdouble`.
fn classes(py: Python<'_>) -> PyResult<&[Py<PyType>; 2]> {
    CLASSES.get_or_try_init(py, || {
        let m = py.import("rumpy._longdouble")?;
        Ok::<_, PyErr>([
            m.getattr("longdouble")?.cast_into::<PyType>()?.unbind(),
            m.getattr("clongdouble")?.cast_into::<PyType>()?.unbind(),
        ])
    })
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

/// The 0-d array of an extended scalar (rumpy's or NumPy's), or None for other objects.
pub fn scalar_array(obj: &Bound<'_, PyAny>) -> PyResult<Option<NdArray>> {
    let py = obj.py();
    let [g, c] = classes(py)?;
    if obj.is_instance(g.bind(py))? || obj.is_instance(c.bind(py))? {
        let a = obj.getattr("_a")?;
        let a = a.cast::<super::array::PyNdArray>()?;
        return Ok(Some(a.get().array().copy(Order::C)?));
    }
    let ty = obj.get_type();
    let name = ty.name()?;
    let name = name.to_str()?;
    if (name == "longdouble" || name == "clongdouble")
        && ty
            .getattr("__module__")
            .is_ok_and(|m| m.extract::<String>().is_ok_and(|m| m == "numpy"))
    {
        let dt = crate::dtype::parse::parse_dtype(
            &obj.getattr("dtype")?.getattr("str")?.extract::<String>()?,
        )?;
        let raw: Vec<u8> = obj.call_method0("tobytes")?.extract()?;
        let a = NdArray::empty(&[], &dt, Order::C)?;
        if raw.len() == dt.itemsize() {
            // SAFETY: one fresh item of that many bytes.
            unsafe { std::ptr::copy_nonoverlapping(raw.as_ptr(), a.data_ptr(), raw.len()) };
            return Ok(Some(a.astype(&dt.to_native(), Order::C)?));
        }
    }
    Ok(None)
}

/// Is `obj` an extended scalar (rumpy's or NumPy's)?
pub fn is_extended_object(obj: &Bound<'_, PyAny>) -> bool {
    scalar_array(obj).is_ok_and(|a| a.is_some())
}

/// Whether an extended scalar is the complex one.
pub fn scalar_is_complex(obj: &Bound<'_, PyAny>) -> bool {
    scalar_array(obj)
        .ok()
        .flatten()
        .and_then(|a| LdDesc::of(a.dtype()))
        .is_some_and(|d| d.complex)
}

/// A real value read from decimal text (exactly rounded); false when it is no number.
fn real_from_text(text: &str, out: &mut [u8; LD]) -> bool {
    crate::dtype::longdouble::parse_into(text, out)
}

/// Store a Python value as the item of `d` at `p`, as NumPy stores one (`a[i] = x`, the
/// object cast): floats exactly, ints through their text, strings and numbers' scalars
/// through their casts.
///
/// # Safety
/// `p` is writable for one item of `d`.
pub unsafe fn store(obj: &Bound<'_, PyAny>, d: LdDesc, p: *mut u8) -> PyResult<()> {
    let a = value_array(obj, d)?;
    let a = super::errors::run_cast(obj.py(), d.itemsize(), || a.astype(&d.dtype(), Order::C))?;
    // SAFETY: the caller's guarantee; `a` holds one item of `d`.
    unsafe { std::ptr::copy_nonoverlapping(a.data_ptr(), p, d.itemsize()) };
    Ok(())
}

/// A 0-d array holding a Python value on its way to `d`: an extended array for Python's
/// numbers (exact), the value's own array otherwise (cast by the caller).
fn value_array(obj: &Bound<'_, PyAny>, d: LdDesc) -> PyResult<NdArray> {
    if let Some(a) = scalar_array(obj)? {
        return Ok(a);
    }
    let real = |x: &[u8; LD]| -> PyResult<NdArray> {
        let g = crate::dtype::longdouble::longdouble();
        let a = NdArray::empty(&[], &g, Order::C)?;
        // SAFETY: one fresh item.
        unsafe { std::ptr::copy_nonoverlapping(x.as_ptr(), a.data_ptr(), LD) };
        Ok(a)
    };
    if obj.cast::<PyBool>().is_ok() {
        let mut x = [0u8; LD];
        real_from_text(if obj.is_truthy()? { "1" } else { "0" }, &mut x);
        return real(&x);
    }
    if obj.cast::<PyInt>().is_ok() && d.complex {
        // NumPy makes a complex of a Python int through Python's float.
        let f = obj.py().get_type::<PyFloat>().call1((obj,))?;
        return value_array(&f, d);
    }
    if obj.cast::<PyInt>().is_ok() {
        let text = obj.str()?.to_string();
        let mut x = [0u8; LD];
        if !real_from_text(&text, &mut x) {
            return Err(pyo3::exceptions::PyOverflowError::new_err(
                "int too large to convert to float",
            ));
        }
        return real(&x);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let v = f.value();
        let f8 = crate::dispatch::exec::scalar_to_array(
            crate::dtype::Num::F(v),
            crate::dtype::ScalarType::Float64,
        )?;
        return Ok(f8);
    }
    if obj.cast::<PyComplex>().is_ok() && !d.complex {
        // NumPy: a Python complex into a real item is a TypeError.
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "float() argument must be a string or a real number, not '{}'",
            obj.get_type().name()?
        )));
    }
    if obj.is_none() {
        // NumPy stores None as NaN in inexact arrays.
        let mut x = [0u8; LD];
        real_from_text("nan", &mut x);
        return real(&x);
    }
    if obj.cast::<PyString>().is_ok() {
        // Text is read by the text cast (Python's float grammar, then strtold).
        return super::convert::to_array(obj, None).map(|c| c.arr);
    }
    let a = super::convert::to_array(obj, None)?.arr;
    if a.dtype().kind() == 'O' {
        // Any other object: Python's float() of it (its error when it has none).
        let f = obj.py().get_type::<PyFloat>().call1((obj,))?;
        return value_array(&f, d);
    }
    if a.ndim() != 0 {
        // NumPy hands a sequence to float(), which refuses it.
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "float() argument must be a string or a real number, not '{}'",
            obj.get_type().name()?
        )));
    }
    Ok(a)
}

/// A 0-d array of `d` holding a Python value (not a sequence).
pub fn value_to_array(obj: &Bound<'_, PyAny>, d: LdDesc) -> PyResult<NdArray> {
    let out = NdArray::empty(&[], &d.dtype(), Order::C)?;
    // SAFETY: one fresh item of `d`.
    unsafe { store(obj, d, out.data_ptr()) }?;
    Ok(out)
}
