//! The ndarray's operators, each the ufunc NumPy's operator calls: `a + b` is `add(a, b)`,
//! `b + a` with `a` on the right is `add(b, a)`, `a += b` is `add(a, b, out=a)`. The plain ones
//! come from one table; `@`, `**` (NumPy's fast scalar powers) and the comparisons (records,
//! `None`) have their own bodies.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use super::array::PyNdArray;
use crate::array::{NdArray, Order};

/// Binary operators: (method, reflected, in place) => ufunc.
macro_rules! binary_operators {
    ($($op:ident, $rop:ident, $iop:ident => $ufunc:literal;)*) => {
        #[pymethods]
        impl PyNdArray {
            $(
                fn $op(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                    binop(slf, other, $ufunc, false)
                }
                fn $rop(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                    binop(slf, other, $ufunc, true)
                }
                fn $iop(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<()> {
                    inplace(slf, other, $ufunc)
                }
            )*
        }
    };
}

binary_operators! {
    __add__, __radd__, __iadd__ => "add";
    __sub__, __rsub__, __isub__ => "subtract";
    __mul__, __rmul__, __imul__ => "multiply";
    __truediv__, __rtruediv__, __itruediv__ => "divide";
    __floordiv__, __rfloordiv__, __ifloordiv__ => "floor_divide";
    __mod__, __rmod__, __imod__ => "remainder";
    __and__, __rand__, __iand__ => "bitwise_and";
    __or__, __ror__, __ior__ => "bitwise_or";
    __xor__, __rxor__, __ixor__ => "bitwise_xor";
    __lshift__, __rlshift__, __ilshift__ => "left_shift";
    __rshift__, __rrshift__, __irshift__ => "right_shift";
}

/// Unary operators => ufunc.
macro_rules! unary_operators {
    ($($op:ident => $ufunc:literal;)*) => {
        #[pymethods]
        impl PyNdArray {
            $(
                fn $op(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
                    unop(slf, $ufunc)
                }
            )*
        }
    };
}

unary_operators! {
    __neg__ => "negative";
    __pos__ => "positive";
    __abs__ => "absolute";
    __invert__ => "invert";
}

#[pymethods]
impl PyNdArray {
    fn __divmod__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        binop(slf, other, "divmod", false)
    }
    fn __rdivmod__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        binop(slf, other, "divmod", true)
    }
    fn __matmul__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        binop(slf, other, "matmul", false)
    }
    fn __rmatmul__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        binop(slf, other, "matmul", true)
    }
    /// `a @= b`, as NumPy: matmul into `a` with `a`'s last one or two axes as its core, any
    /// ValueError (the shapes) reported as NumPy words it.
    fn __imatmul__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = slf.py();
        let u = crate::dispatch::find("matmul").expect("matmul is in the table");
        let mine: Vec<isize> = if slf.get().with_arr(|a| a.ndim()) == 1 {
            vec![-1]
        } else {
            vec![-2, -1]
        };
        let placing = crate::dispatch::gufunc::CoreAxes {
            axes: Some(vec![mine.clone(), vec![-2, -1], mine]),
            ..Default::default()
        };
        let me = slf.clone().into_any();
        super::ufunc::call_gufunc(
            py,
            u,
            &[me.clone(), other.clone()],
            Some(&me),
            "same_kind",
            None,
            &placing,
        )
        .map(|_| ())
        .map_err(|e| {
            if e.is_instance_of::<PyValueError>(py) {
                PyValueError::new_err(
                    "inplace matrix multiplication requires the first operand to have at least one and the second at least two dimensions.",
                )
            } else {
                e
            }
        })
    }
    fn __pow__(
        slf: &Bound<'_, Self>,
        other: &Bound<'_, PyAny>,
        modulo: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let _ = modulo;
        // NumPy's fast scalar power: `a ** 2` with a Python int is `square(a)` (so bool ** 2
        // is int8, square's first loop); for inexact arrays `a ** -1` is reciprocal and
        // `a ** 0.5` sqrt.
        let inexact = || {
            slf.get()
                .with_arr_in(slf.py(), |a| matches!(a.dtype().kind(), 'f' | 'c'))
        };
        if other.is_exact_instance_of::<pyo3::types::PyInt>() {
            match other.extract::<i64>().ok() {
                Some(2) => return unop(slf, "square"),
                Some(-1) if inexact() => return unop(slf, "reciprocal"),
                _ => {}
            }
        }
        if other.is_exact_instance_of::<pyo3::types::PyFloat>()
            && other.extract::<f64>().ok() == Some(0.5)
            && inexact()
        {
            return unop(slf, "sqrt");
        }
        binop(slf, other, "power", false)
    }
    fn __rpow__(
        slf: &Bound<'_, Self>,
        other: &Bound<'_, PyAny>,
        modulo: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let _ = modulo;
        binop(slf, other, "power", true)
    }
    fn __ipow__(
        slf: &Bound<'_, Self>,
        other: &Bound<'_, PyAny>,
        modulo: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let _ = modulo;
        inplace(slf, other, "power")
    }
    fn __richcmp__(
        slf: &Bound<'_, Self>,
        other: &Bound<'_, PyAny>,
        op: pyo3::pyclass::CompareOp,
    ) -> PyResult<Py<PyAny>> {
        use pyo3::pyclass::CompareOp::*;
        let name = match op {
            Eq => "equal",
            Ne => "not_equal",
            Lt => "less",
            Le => "less_equal",
            Gt => "greater",
            Ge => "greater_equal",
        };
        if matches!(op, Eq | Ne) {
            if let Some(r) = super::records::compare(slf.as_any(), other, matches!(op, Ne))? {
                return Ok(r.unbind());
            }
        }
        // Comparing with None (an object NumPy holds in an object array) is elementwise
        // False for ==, True for != (objects and times compare it as objects).
        if other.is_none()
            && matches!(op, Eq | Ne)
            && !slf
                .get()
                .with_arr_in(slf.py(), |a| matches!(a.dtype().kind(), 'O' | 'M' | 'm'))
        {
            let py = slf.py();
            let a = slf.get().cur();
            let r = NdArray::empty(a.shape(), &crate::dtype::ScalarType::Bool.dtype(), Order::C)?;
            let v = NdArray::from_vec(vec![crate::dtype::Bool::from(matches!(op, Ne))], &[])?;
            r.assign(&v)?;
            return Ok(PyNdArray::wrap(py, r, None)?.into_any());
        }
        binop(slf, other, name, false)
    }
}

/// NumPy's deferral of a binary operator to the other operand: one that opts out of ufuncs
/// (`__array_ufunc__ = None`), or, without `__array_ufunc__`, one of higher
/// `__array_priority__` than ours.
fn defers(slf: &Bound<'_, PyNdArray>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
    if other.is_instance_of::<PyNdArray>()
        || super::convert::classify_scalar(other).is_ok_and(|s| s.is_some())
        || super::text::is_text_object(other)
    {
        return Ok(false);
    }
    // Looked up on the class, as NumPy does.
    if let Some(au) = other.get_type().getattr_opt("__array_ufunc__")? {
        return Ok(au.is_none());
    }
    // A subclass of ours has had its reflected method tried already.
    if other.get_type().is_subclass(&slf.get_type())? {
        return Ok(false);
    }
    let Some(theirs) = other.getattr_opt("__array_priority__")? else {
        return Ok(false);
    };
    let ours = match slf.getattr_opt("__array_priority__")? {
        Some(p) => p.extract::<f64>().unwrap_or(0.0),
        None => 0.0,
    };
    Ok(theirs.extract::<f64>().unwrap_or(0.0) > ours)
}

/// `a <op> b` through the ufunc; objects that cannot be arrays give NotImplemented.
fn binop(
    slf: &Bound<'_, PyNdArray>,
    other: &Bound<'_, PyAny>,
    name: &str,
    reflected: bool,
) -> PyResult<Py<PyAny>> {
    let py = slf.py();
    let u = crate::dispatch::find(name).expect("operator ufuncs are in the table");
    // A rumpy array (not a subclass) against another or a Python number, the common case, has
    // nothing to defer to or override.
    let plain = slf.is_exact_instance_of::<PyNdArray>()
        && (other.is_exact_instance_of::<PyNdArray>() || super::overrides::is_plain_scalar(other));
    // Before any reference of ours is taken: the operands' counts are the caller's.
    let elided = if plain {
        super::elide::target(slf, other, name)
    } else {
        None
    };
    let mut other = other.clone();
    if !plain {
        if let Some((a, base)) = super::interop::from_numpy_ndarray(&other)? {
            // NumPy's array as a rumpy view: the small-array fast path takes it.
            other = PyNdArray::wrap(py, a, base)?.into_bound(py).into_any();
        }
        if defers(slf, &other)? {
            return Ok(py.NotImplemented());
        }

        let me = slf.clone().into_any();
        let pair = if reflected {
            [other.clone(), me]
        } else {
            [me, other.clone()]
        };
        if let Some(r) =
            super::overrides::ufunc_override(py, u, "__call__", &pair, &[], None, |_| Ok(()))?
        {
            return Ok(r);
        }
    }
    if !other.is_instance_of::<PyNdArray>() && super::ufunc::to_input(&other).is_err() {
        // An int beyond float64 too: Python's OverflowError, as NumPy raises it.
        super::convert::big_int(&other)?;
        let is_int = other.is_instance_of::<pyo3::types::PyInt>()
            && !other.is_instance_of::<pyo3::types::PyBool>();
        if u.value_based_ints && is_int {
            // An int beyond 64 bits compares by value: as a float, exact enough to order it
            // against every array element.
            other = pyo3::types::PyFloat::new(py, other.extract::<f64>()?).into_any();
        } else if matches!(name, "equal" | "not_equal")
            && other.is_none()
            && slf
                .get()
                .with_arr_in(py, |a| matches!(a.dtype().kind(), 'M' | 'm'))
        {
            // Times meet None as their objects do (NaT's item is None).
            let objects = slf
                .get()
                .cur()
                .astype(&crate::dtype::object::object(), Order::K)?;
            let me = PyNdArray::wrap(py, objects, None)?
                .into_bound(py)
                .into_any();
            return super::ufunc::call_ufunc(
                py,
                u,
                &[me, other.clone()],
                None,
                None,
                "same_kind",
                None,
                Order::K,
            );
        } else if matches!(name, "equal" | "not_equal")
            && !other
                .getattr_opt("__array_ufunc__")?
                .is_some_and(|a| a.is_none())
        {
            // Objects that cannot be arrays are unequal to every element (NumPy 2).
            let arr = slf.get().cur();
            let r = NdArray::full_bool(arr.shape(), name == "not_equal")?;
            return Ok(PyNdArray::wrap(py, r, None)?.into_any());
        } else {
            return Ok(py.NotImplemented());
        }
    }
    let me = slf.clone().into_any();
    let args = if reflected {
        [other.clone(), me]
    } else {
        [me, other.clone()]
    };
    let r = super::ufunc::call_ufunc(
        py,
        u,
        &args,
        elided.as_ref(),
        None,
        "same_kind",
        None,
        Order::K,
    );
    match r {
        // Operands without a comparison loop ('a' == 1, str against bytes) are unequal
        // elementwise (NumPy 2), in their broadcast shape.
        Err(e) if matches!(name, "equal" | "not_equal") && no_loop(py, &e) => {
            let a = slf.get().cur();
            let b = super::convert::to_array(&other, None)?.arr;
            let Ok(shape) = crate::array::broadcast_shapes(&[a.shape(), b.shape()]) else {
                return Err(e);
            };
            let r = NdArray::full_bool(&shape, name == "not_equal")?;
            if r.ndim() == 0 {
                // As a ufunc's 0-d result: a scalar.
                return Ok(PyNdArray::scalar_at(py, &r, r.data_ptr(), slf.as_any())?.unbind());
            }
            Ok(PyNdArray::wrap(py, r, None)?.into_any())
        }
        r => r,
    }
}

/// Is `e` the ufunc's no-loop error, or its binary resolution error (a subclass), not
/// another TypeError raised while resolving?
fn no_loop(py: Python<'_>, e: &PyErr) -> bool {
    py.import("rumpy.exceptions")
        .and_then(|m| m.getattr("_UFuncNoLoopError"))
        .is_ok_and(|c| e.get_type(py).is_subclass(&c).unwrap_or(false))
}

/// `a <op>= b`: the ufunc with `out=a` (same_kind casting, as NumPy).
fn inplace(slf: &Bound<'_, PyNdArray>, other: &Bound<'_, PyAny>, name: &str) -> PyResult<()> {
    let py = slf.py();
    let u = crate::dispatch::find(name).expect("operator ufuncs are in the table");
    let me = slf.clone().into_any();
    let ins = [me.clone(), other.clone()];
    let outs = std::slice::from_ref(&me);
    let over = super::overrides::ufunc_override(py, u, "__call__", &ins, outs, None, |_| Ok(()))?;
    if over.is_some() {
        return Ok(());
    }
    super::ufunc::call_ufunc(
        py,
        u,
        &[me.clone(), other.clone()],
        Some(&me),
        None,
        "same_kind",
        None,
        Order::K,
    )?;
    Ok(())
}

fn unop(slf: &Bound<'_, PyNdArray>, name: &str) -> PyResult<Py<PyAny>> {
    let u = crate::dispatch::find(name).expect("operator ufuncs are in the table");
    let py = slf.py();
    let me = [slf.clone().into_any()];
    if let Some(r) =
        super::overrides::ufunc_override(py, u, "__call__", &me, &[], None, |_| Ok(()))?
    {
        return Ok(r);
    }
    super::ufunc::call_ufunc(
        slf.py(),
        u,
        &[slf.clone().into_any()],
        None,
        None,
        "same_kind",
        None,
        Order::K,
    )
}
