//! StringDType (`T`) in Python: descriptors from `StringDType(na_object=..., coerce=...)`,
//! items as Python `str` (a missing item as the descriptor's `na_object`), and values stored
//! as NumPy's `stringdtype_setitem` stores them.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyString};

use crate::dtype::vstring::{self, Na, VString};
use crate::dtype::DType;

/// The descriptor `StringDType(na_object=na, coerce=coerce)` (`na` None: no missing value).
pub fn descriptor(na: Option<&Bound<'_, PyAny>>, coerce: bool) -> PyResult<DType> {
    let Some(o) = na else {
        return Ok(vstring::vstring(None, coerce));
    };
    let float_nan = o.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan());
    let string = match o.cast_exact::<PyString>() {
        Ok(s) => Some(s.to_str()?.as_bytes().into()),
        Err(_) => None,
    };
    // NumPy's test: `na != na` true, or raising (pd.NA), makes it nan-like.
    let nan_like = string.is_none() && o.ne(o).unwrap_or(true);
    let name: Box<[u8]> = o.str()?.to_str()?.as_bytes().into();
    let repr = o.repr()?.to_string();
    Ok(vstring::vstring(
        Some(Arc::new(Na {
            obj: super::object::hold(o.clone()),
            nan_like,
            float_nan,
            string,
            name,
            repr,
        })),
        coerce,
    ))
}

/// `dtype.na_object`: the missing value, None when the descriptor has none.
pub fn na_object<'py>(py: Python<'py>, v: &VString) -> Option<Bound<'py, PyAny>> {
    v.na.as_ref().map(|n| {
        // SAFETY: the descriptor holds a reference to its missing value.
        unsafe { super::object::object(py, n.obj) }
    })
}

/// The item at `p` as Python sees it: a str, or the missing value.
///
/// # Safety
/// `p` holds an item of `v`.
pub unsafe fn item<'py>(py: Python<'py>, v: &VString, p: *const u8) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: the caller's guarantee.
    match unsafe { vstring::load(p) } {
        Some(s) => Ok(PyString::new(py, std::str::from_utf8(s).unwrap_or_default()).into_any()),
        None => Ok(na_object(py, v).unwrap_or_else(|| PyString::new(py, "").into_any())),
    }
}

/// NumPy's test of a value against the missing value: identity, two float NaNs, or `==`
/// (an error there counts as unequal).
fn is_na(obj: &Bound<'_, PyAny>, na: &Bound<'_, PyAny>) -> bool {
    if obj.is(na) {
        return true;
    }
    if let (Ok(a), Ok(b)) = (obj.cast::<PyFloat>(), na.cast::<PyFloat>()) {
        if a.value().is_nan() && b.value().is_nan() {
            return true;
        }
    }
    obj.eq(na).unwrap_or(false)
}

/// Store `obj` as the item of `v` at `p`: the missing value as missing, a str as its text,
/// other values as their `str` (bytes decoded as UTF-8) when the descriptor coerces, else
/// NumPy's ValueError.
///
/// # Safety
/// `p` holds a writable item of `v`.
pub unsafe fn store(obj: &Bound<'_, PyAny>, v: &VString, p: *mut u8) -> PyResult<()> {
    if let Some(na) = na_object(obj.py(), v) {
        if is_na(obj, &na) {
            // SAFETY: the caller's guarantee.
            unsafe { vstring::store_missing(p) };
            return Ok(());
        }
    }
    if let Ok(s) = obj.cast_exact::<PyString>() {
        // SAFETY: as above.
        unsafe { vstring::store(p, s.to_str()?.as_bytes()) };
        return Ok(());
    }
    if !v.coerce {
        return Err(PyValueError::new_err(
            "StringDType only allows string data when string coercion is disabled.",
        ));
    }
    let text = if let Ok(b) = obj.cast_exact::<PyBytes>() {
        PyString::from_bytes(obj.py(), b.as_bytes())?
    } else {
        obj.str()?
    };
    // SAFETY: as above.
    unsafe { vstring::store(p, text.to_str()?.as_bytes()) };
    Ok(())
}

/// `rumpy.dtypes.StringDType(...)`'s descriptor: `has_na` tells a missing value from none.
#[pyfunction]
#[pyo3(signature = (has_na, na_object, coerce))]
pub fn _string_dtype(
    py: Python<'_>,
    has_na: bool,
    na_object: &Bound<'_, PyAny>,
    coerce: bool,
) -> PyResult<Py<super::dtype::PyDType>> {
    let d = descriptor(has_na.then_some(na_object), coerce)?;
    super::dtype::PyDType::wrap(py, d)
}

/// The characters of UTF-8 text (its bytes that do not continue a character).
fn chars(s: &[u8]) -> usize {
    s.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A new C-ordered array of `st` shaped as StringDType array `a`, `f` called with each item
/// of `a` (None when missing) and the output item it lines up with.
fn per_item(
    a: &crate::array::NdArray,
    st: crate::dtype::ScalarType,
    mut f: impl FnMut(Option<&[u8]>, *mut u8),
) -> PyResult<crate::array::NdArray> {
    if VString::of(a.dtype()).is_none() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "not a StringDType array",
        ));
    }
    let out = crate::array::NdArray::zeros(a.shape(), &st.dtype(), crate::array::Order::C)?;
    crate::loops::for_each_line2(
        a.shape(),
        out.strides(),
        a.strides(),
        out.data_ptr(),
        a.data_ptr(),
        true,
        |o, p, n, so, sp| {
            for i in 0..n as isize {
                // SAFETY: the walker stays inside both arrays; `a` holds StringDType items.
                let item = unsafe { vstring::load(p.wrapping_offset(i * sp)) };
                f(item, o.wrapping_offset(i * so));
            }
        },
    );
    Ok(out)
}

/// What the `strings` functions need of a StringDType array: the most characters an item
/// has, and where its missing items are (None when there are none).
#[pyfunction]
pub fn _string_info(
    py: Python<'_>,
    a: PyRef<'_, super::array::PyNdArray>,
) -> PyResult<(usize, Option<Py<PyAny>>)> {
    let a = a.cur();
    let (mut longest, mut any) = (0usize, false);
    let mask = per_item(&a, crate::dtype::ScalarType::Bool, |item, m| match item {
        Some(s) => longest = longest.max(chars(s)),
        None => {
            any = true;
            // SAFETY: `per_item`'s output item: a bool.
            unsafe { *m = 1 };
        }
    })?;
    let mask = if any {
        Some(super::array::PyNdArray::wrap(py, mask, None)?.into_any())
    } else {
        None
    };
    Ok((longest, mask))
}

/// The descriptor of a NumPy StringDType (or any object with its `char`, `coerce` and
/// optional `na_object`), or None for other objects.
pub fn from_numpy_dtype(obj: &Bound<'_, PyAny>) -> PyResult<Option<DType>> {
    let is_t = obj
        .getattr("char")
        .ok()
        .and_then(|c| c.extract::<String>().ok())
        .is_some_and(|c| c == "T");
    if !is_t || !obj.hasattr("coerce")? {
        return Ok(None);
    }
    let coerce = obj.getattr("coerce")?.is_truthy()?;
    let na = obj.getattr("na_object").ok();
    descriptor(na.as_ref(), coerce).map(Some)
}

/// A NumPy StringDType array as a rumpy one: its items copied (the two libraries keep the
/// text in different allocators, so no memory is shared). None for other objects.
pub fn from_numpy_array(obj: &Bound<'_, PyAny>) -> PyResult<Option<crate::array::NdArray>> {
    let Ok(dt) = obj.getattr("dtype") else {
        return Ok(None);
    };
    if !obj.hasattr("__array_interface__")? {
        return Ok(None);
    }
    let Some(d) = from_numpy_dtype(&dt)? else {
        return Ok(None);
    };
    let shape: Vec<isize> = obj.getattr("shape")?.extract()?;
    let flat = obj.call_method1("reshape", (-1,))?.call_method0("tolist")?;
    let objects = super::object::from_nested(&flat)?;
    let a = objects.astype(&d, crate::array::Order::C)?;
    Ok(Some(a.reshape(&shape, crate::array::Order::C)?))
}

/// A rumpy StringDType array as a NumPy one (items copied), with the same missing value
/// and coercion.
pub fn to_numpy_array<'py>(
    py: Python<'py>,
    a: &crate::array::NdArray,
    v: &VString,
) -> PyResult<Bound<'py, PyAny>> {
    let np = py.import("numpy")?;
    let kw = pyo3::types::PyDict::new(py);
    if let Some(na) = na_object(py, v) {
        kw.set_item("na_object", na)?;
    }
    kw.set_item("coerce", v.coerce)?;
    let nd = np
        .getattr("dtypes")?
        .getattr("StringDType")?
        .call((), Some(&kw))?;
    let flat = a.reshape(&[-1], crate::array::Order::C)?;
    let list = pyo3::types::PyList::empty(py);
    for i in 0..flat.shape()[0] as isize {
        let p = flat.data_ptr().wrapping_offset(i * flat.strides()[0]);
        // SAFETY: item i of the flat array.
        list.append(unsafe { item(py, v, p) }?)?;
    }
    let kw = pyo3::types::PyDict::new(py);
    kw.set_item("dtype", nd)?;
    let out = np.getattr("array")?.call((list,), Some(&kw))?;
    out.call_method1("reshape", (pyo3::types::PyTuple::new(py, a.shape())?,))
}

/// The fast path of creation: a flat list of exact `str` into StringDType `d` (whose missing
/// value, if any, is not a string, so no item can be it). None for anything else.
pub fn from_str_list(obj: &Bound<'_, PyAny>, d: &DType) -> PyResult<Option<crate::array::NdArray>> {
    let Some(v) = VString::of(d) else {
        return Ok(None);
    };
    let Ok(list) = obj.cast::<pyo3::types::PyList>() else {
        return Ok(None);
    };
    if v.na.as_ref().is_some_and(|n| n.string.is_some()) {
        return Ok(None);
    }
    let n = list.len();
    let mut texts: Vec<Bound<'_, PyString>> = Vec::with_capacity(n);
    for x in list.iter() {
        match x.cast_into_exact::<PyString>() {
            Ok(s) => texts.push(s),
            Err(_) => return Ok(None),
        }
    }
    let out = crate::array::NdArray::zeros(&[n], d, crate::array::Order::C)?;
    for (i, s) in texts.iter().enumerate() {
        // SAFETY: item i of the fresh C-ordered StringDType array.
        unsafe { vstring::store(out.data_ptr().add(i * d.itemsize()), s.to_str()?.as_bytes()) };
    }
    Ok(Some(out))
}
