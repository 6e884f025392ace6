//! Item access on the ndarray: `a[key]` and `a[key] = value` (basic and advanced indices,
//! fields, NumPy's errors), over `crate::array`'s index resolution.

use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyList, PySlice, PyTuple};

use super::array::{element_value, value_to_array, warn_complex_to_real, PyNdArray};
use super::index::parse_index;
use crate::array::{NdArray, Order};
use crate::dtype::{DType, Num, ScalarType};

use super::convert::{
    cast_value, classify_scalar, read_num, settle_value, write_num, Origin, PyScalar,
};

#[pymethods]
impl PyNdArray {
    pub(crate) fn __getitem__<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let this = slf.get();
        // The fast paths read the array in place (no snapshot): a number of a 1-d array, one
        // slice on the first axis.
        if key.is_exact_instance_of::<PyInt>() {
            match item_on_1d(py, this, key)? {
                Some(Item::Number(n, st)) => return super::convert::num_to_scalar(py, n, st),
                Some(Item::Record(offset, writeable)) => {
                    return super::records::void_scalar(py, slf.as_any(), None, offset, writeable);
                }
                None => {}
            }
        } else if let Ok(sl) = key.cast_exact::<PySlice>() {
            // The slice's members are read first (`__index__` may run Python), then resolved
            // against the length under the lock.
            let (mut start, mut stop, mut step) = (0, 0, 0);
            // SAFETY: sl is a slice object; the outputs are valid.
            let unpacked =
                unsafe { ffi::PySlice_Unpack(sl.as_ptr(), &mut start, &mut stop, &mut step) } == 0;
            if !unpacked {
                // (A zero step: the general path raises NumPy's error for this array.)
                drop(PyErr::fetch(py));
            }
            let v = unpacked.then(|| {
                this.with_arr_in(py, |a| {
                    let n0 = *a.shape().first()?;
                    // SAFETY: plain arithmetic on the unpacked members.
                    let len = unsafe {
                        ffi::PySlice_AdjustIndices(n0 as isize, &mut start, &mut stop, step)
                    };
                    (len > 0).then(|| a.slice_first(start, step, len as usize))
                })
            });
            if let Some(Some(v)) = v {
                return Ok(Self::view_of(slf, v?)?.into_bound(py).into_any());
            }
        }
        let a = &this.cur();
        if let Some(p) = int_on_1d(a, key)? {
            return Self::scalar_at(py, a, p, slf.as_any());
        }
        if let Some(v) = field_key(a, key)? {
            return Ok(Self::view_of(slf, v)?.into_bound(py).into_any());
        }
        if super::index::is_fancy(key)? {
            let items = super::index::parse_fancy(key)?;
            let out = super::errors::run_detached(py, a.nbytes(), || a.take_fancy(&items))?;
            return Ok(Self::new_like(slf, out, false)?.into_bound(py).into_any());
        }
        let (items, has_array) = parse_index(key)?;
        let r = a.index(&items)?;
        if r.scalar {
            return Self::scalar_at(py, a, r.view.data_ptr(), slf.as_any());
        }
        if has_array {
            // A 0-d integer array is an advanced index: NumPy returns a copy.
            return Ok(Self::new_like(slf, r.view.copy(Order::C)?, false)?
                .into_bound(py)
                .into_any());
        }
        Ok(Self::view_of(slf, r.view)?.into_bound(py).into_any())
    }

    fn __setitem__(
        slf: &Bound<'_, Self>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let py = slf.py();
        let this = slf.get();
        this.check_write()?;
        if key.is_exact_instance_of::<PyInt>() && set_number_on_1d(py, this, key, value)? {
            return Ok(());
        }
        let a = &this.cur();
        let dt = a.dtype();
        if field_key(a, key)?.is_none() && super::index::is_fancy(key)? {
            let items = super::index::parse_fancy(key)?;
            let src = value_to_array(value, dt)?;
            warn_complex_to_real(py, src.dtype(), dt)?;
            let mut a: NdArray = a.clone();
            a.set_writeable(true)?;
            return super::errors::run_cast(py, a.nbytes(), || a.put_fancy(&items, &src));
        }
        let target = int_on_1d(a, key)?;
        let view = match target {
            Some(_) => None,
            None => match field_key(a, key)? {
                Some(v) => Some(v),
                None => Some(a.index(&parse_index(key)?.0)?.view),
            },
        };
        let dest = view.as_ref().map_or(dt, |v| v.dtype());
        if dest.kind() == 'O' {
            let one = target.or_else(|| {
                view.as_ref()
                    .filter(|v| v.ndim() == 0 && !key_has_ellipsis(key))
                    .map(|v| v.data_ptr())
            });
            if let Some(p) = one {
                // One item takes the value itself, whatever it is (a list too).
                // SAFETY: p is an object item of this writeable array.
                unsafe { super::object::store(p, value) };
                return Ok(());
            }
        }
        // The destination as a writeable view (the one item an int on a 1-d array names).
        let dest_view = |view: Option<NdArray>| -> PyResult<NdArray> {
            let mut v = match (target, view) {
                (Some(p), _) => a.element_view((p as usize - a.data_ptr() as usize) as isize)?,
                (None, Some(v)) => v,
                (None, None) => unreachable!("a target or a view"),
            };
            v.set_writeable(true)?;
            Ok(v)
        };
        if crate::dtype::method::is_extension(dest) {
            let v = dest_view(view)?;
            let src = super::array::value_to_array(value, v.dtype())?;
            if v.ndim() == 0 && src.ndim() > 0 && !key_has_ellipsis(key) {
                return Err(sequence_into_element(v.dtype()));
            }
            return super::errors::run_cast(py, v.nbytes(), || v.assign(&src));
        }
        if dt.scalar_type().is_none()
            || view
                .as_ref()
                .is_some_and(|v| v.dtype().scalar_type().is_none())
        {
            // Records (and raw void): Python values converted field by field.
            return super::records::assign_value(&dest_view(view)?, value);
        }
        // A field view has the field's dtype.
        let view_dt: Option<DType> = view.as_ref().map(|v| v.dtype().clone());
        let dt = view_dt.as_ref().unwrap_or(dt);
        // Fast path: a Python scalar into one element.
        let one = target.or_else(|| {
            view.as_ref()
                .filter(|v| v.ndim() == 0)
                .map(|v| v.data_ptr())
        });
        if let Some(p) = one {
            let scalar = match classify_scalar(value) {
                Ok(s) => s,
                // An int beyond 64 bits: converted (or refused) as value_to_array does.
                Err(_) if super::convert::big_int(value)?.is_some() => {
                    let arr = value_to_array(value, dt)?;
                    // SAFETY: p is an item of this writeable array; arr is a 0-d numeric array.
                    unsafe { cast_value(p, dt, read_num(arr.data_ptr(), arr.dtype()), true) }?;
                    return Ok(());
                }
                Err(e) => return Err(e),
            };
            if let Some(s) = scalar {
                let st = dt
                    .scalar_type()
                    .ok_or_else(|| PyTypeError::new_err("unsupported dtype"))?;
                let (n, python) = settled(py, s, st)?;
                // SAFETY: p is an item of this writeable array.
                unsafe { cast_value(p, dt, n, python) }?;
                return Ok(());
            }
        }
        if one.is_some() && (value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok()) {
            let scalar_target = target.is_some() || view.is_some() && !key_has_ellipsis(key);
            if !scalar_target {
                return Err(PyValueError::new_err("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 0."));
            }
            let tname = value.get_type().name()?;
            let p = one.unwrap_or(std::ptr::null_mut());
            return match dt.kind() {
                'b' => {
                    // SAFETY: p is an item of this writeable array.
                    unsafe { write_num(p, dt, Num::B(value.is_truthy()?)) };
                    Ok(())
                }
                'f' => Err(PyValueError::new_err("setting an array element with a sequence.")),
                'c' => Err(PyTypeError::new_err(format!("must be real number, not {}", tname))),
                _ => Err(PyTypeError::new_err(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", tname))),
            };
        }
        let view = match view {
            Some(v) => v,
            None => a.index(&parse_index(key)?.0)?.view,
        };
        let mut view = view;
        view.set_writeable(true)?;
        let src = element_value(value, dt)?;
        if view.ndim() == 0 && src.ndim() > 0 && !key_has_ellipsis(key) {
            return Err(sequence_into_element(dt));
        }
        warn_complex_to_real(py, src.dtype(), dt)?;
        super::errors::run_cast(py, view.nbytes(), || view.assign(&src))
    }
}

impl PyNdArray {
    /// `a[i] = value` for an integer index (used by creation functions).
    pub fn set_index(slf: &Bound<'_, Self>, i: isize, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let key = i.into_pyobject(slf.py())?.into_any();
        Self::__setitem__(slf, &key, value)
    }
}

/// The error for an array stored into one element (NumPy's message differs by kind).
pub(crate) fn sequence_into_element(dt: &DType) -> PyErr {
    if let Some(l) = crate::dtype::longdouble::LdDesc::of(dt) {
        // NumPy hands the sequence to float() (or its complex conversion), which refuses it.
        let what = "list";
        return PyTypeError::new_err(if l.complex {
            format!("must be real number, not {what}")
        } else {
            format!("float() argument must be a string or a real number, not '{what}'")
        });
    }
    if dt.kind() == 'c' {
        PyTypeError::new_err("only 0-dimensional arrays can be converted to Python scalars")
    } else {
        PyValueError::new_err("setting an array element with a sequence.")
    }
}

fn key_has_ellipsis(key: &Bound<'_, PyAny>) -> bool {
    let is_ell = |k: &Bound<'_, PyAny>| k.cast::<pyo3::types::PyEllipsis>().is_ok();
    match key.cast::<PyTuple>() {
        Ok(t) => t.iter().any(|k| is_ell(&k)),
        Err(_) => is_ell(key),
    }
}

/// A field name or a list of field names on a record array: its view.
pub(crate) fn field_key(a: &NdArray, key: &Bound<'_, PyAny>) -> PyResult<Option<NdArray>> {
    if a.dtype().fields().is_none() {
        return Ok(None);
    }
    if let Ok(s) = key.cast::<pyo3::types::PyString>() {
        return Ok(Some(a.field(&s.to_cow()?)?));
    }
    if let Ok(l) = key.cast::<PyList>() {
        if !l.is_empty() && l.iter().all(|x| x.cast::<pyo3::types::PyString>().is_ok()) {
            let names: Vec<String> = l.extract()?;
            return Ok(Some(a.fields_view(&names)?));
        }
    }
    Ok(None)
}

/// The fast path of item access: the item a single int addresses in a 1-d array (exactly an
/// int: a bool is a mask, not the index 0 or 1), with NumPy's IndexError out of bounds.
/// The scalar type of a 1-d array of plain numbers (the fast paths of `a[i]`), or None.
/// (Only the number family has a scalar type.)
fn plain_number_1d(a: &NdArray) -> Option<ScalarType> {
    if a.ndim() != 1 {
        return None;
    }
    a.dtype().scalar_type()
}

/// An item of a 1-d array read in place: a number with its scalar type, or the 0-d view of
/// a record (or raw void item).
enum Item {
    Number(Num, ScalarType),
    /// A record of the array's dtype: its byte offset in the array's memory, writeability.
    Record(usize, bool),
}

/// `a[i]` with a Python int on a 1-d array of numbers or records, read in place under the
/// array's lock (no Python runs there); None for other arrays.
fn item_on_1d(py: Python<'_>, this: &PyNdArray, key: &Bound<'_, PyAny>) -> PyResult<Option<Item>> {
    this.with_arr_in(py, |a| {
        if a.ndim() != 1 {
            return Ok(None);
        }
        let dt = a.dtype();
        let st = dt.scalar_type();
        if st.is_none() && dt.kind() != 'V' {
            return Ok(None);
        }
        let Some(p) = int_on_1d(a, key)? else {
            return Ok(None);
        };
        Ok(Some(match st {
            // SAFETY: p points at an item of this array, in bounds (int_on_1d checked).
            Some(st) => Item::Number(unsafe { read_num(p, dt) }, st),
            None => Item::Record(
                a.offset() + (p as usize - a.data_ptr() as usize),
                a.flags().writeable,
            ),
        }))
    })
}

/// A scalar to be stored into an item of type `st`: its value as the store takes it (NumPy's
/// warnings given), and whether it was a Python number.
fn settled(py: Python<'_>, s: PyScalar, st: ScalarType) -> PyResult<(Num, bool)> {
    let (n, origin) = match s {
        PyScalar::Weak(n, _) => (n, Origin::Python),
        PyScalar::Typed(n, _) => (n, Origin::Scalar),
    };
    Ok((
        settle_value(py, n, origin, st, &mut false)?,
        matches!(origin, Origin::Python),
    ))
}

/// `a[i] = x` with a Python int `i` on a 1-d array of plain numbers and a scalar `x`, written
/// in place (no snapshot). False when this path does not apply (the general one decides).
fn set_number_on_1d(
    py: Python<'_>,
    this: &PyNdArray,
    key: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    // The index is checked first, as the general path does.
    let Some(st) = this.with_arr_in(py, |a| -> PyResult<Option<ScalarType>> {
        let st = plain_number_1d(a);
        Ok(if st.is_some() && int_on_1d(a, key)?.is_some() {
            st
        } else {
            None
        })
    })?
    else {
        return Ok(false);
    };
    let Ok(Some(s)) = classify_scalar(value) else {
        return Ok(false);
    };
    let (n, python) = settled(py, s, st)?;
    // Python may have run (a warning): the array is looked at again.
    this.with_arr_in(py, |a| {
        if plain_number_1d(a) != Some(st) {
            return Ok(false);
        }
        let Some(p) = int_on_1d(a, key)? else {
            return Ok(false);
        };
        // SAFETY: p is an item of this array, in bounds; the caller checked it is writeable.
        unsafe { cast_value(p, a.dtype(), n, python) }?;
        Ok(true)
    })
}

fn int_on_1d(a: &NdArray, key: &Bound<'_, PyAny>) -> PyResult<Option<*mut u8>> {
    if a.ndim() != 1 {
        return Ok(None);
    }
    let Some(i) = key
        .cast_exact::<PyInt>()
        .ok()
        .and_then(|i| i.extract::<isize>().ok())
    else {
        return Ok(None);
    };
    let n = a.shape()[0] as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyIndexError::new_err(format!(
            "index {} is out of bounds for axis 0 with size {}",
            i, n
        )));
    }
    Ok(Some(a.data_ptr().wrapping_offset(j * a.strides()[0])))
}
