//! Text arrays (`S<n>`, `U<n>`) and Python's str and bytes: items to Python objects (`str`,
//! `bytes`, the `rumpy.str_`/`rumpy.bytes_` scalars) and back, and arrays from nested
//! sequences holding text (NumPy's discovery: str makes `U`, bytes `S`, a number counts with
//! the width of its type, or with its own text when the dtype given is unsized text).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString};

use crate::array::{NdArray, Order};
use crate::dtype::text::{num_str, parse_number, width, Store, TextDesc};
use crate::dtype::{DType, Num, ScalarType};

use super::convert::{classify_scalar, node, seq_item, seq_len, Node, Origin, PyScalar};

/// Is `obj` a Python str or bytes (or a subclass: `rumpy.str_`, `numpy.bytes_`)?
pub fn is_text_object(obj: &Bound<'_, PyAny>) -> bool {
    obj.cast::<PyString>().is_ok() || obj.cast::<PyBytes>().is_ok()
}

/// The code points of a Python str (lone surrogates included).
pub fn str_chars(s: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    if let Ok(t) = s.to_str() {
        return Ok(t.chars().map(|c| c as u32).collect());
    }
    let b = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let raw = b.cast::<PyBytes>()?.as_bytes();
    Ok(raw
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// A Python str of code points.
pub fn py_str<'py>(py: Python<'py>, t: &[u32]) -> PyResult<Bound<'py, PyAny>> {
    if let Some(s) = t
        .iter()
        .map(|&c| char::from_u32(c))
        .collect::<Option<String>>()
    {
        return Ok(PyString::new(py, &s).into_any());
    }
    let raw: Vec<u8> = t.iter().flat_map(|c| c.to_le_bytes()).collect();
    PyBytes::new(py, &raw).call_method1("decode", ("utf-32-le", "surrogatepass"))
}

/// The item at `p` as Python's str or bytes (`item()`, `tolist()`).
///
/// # Safety
/// `p` holds an item of `d`.
pub unsafe fn item_to_py<'py>(
    py: Python<'py>,
    d: TextDesc,
    p: *const u8,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: the caller's guarantee.
    unsafe {
        let k = d.len(p);
        if d.is_bytes() {
            return Ok(super::convert::new_bytes(py, std::slice::from_raw_parts(p, k))?.into_any());
        }
        // ASCII text (the common case) goes through a buffer on the stack.
        let mut buf = [0u8; 64];
        if k <= buf.len() {
            let mut ascii = true;
            for (i, b) in buf[..k].iter_mut().enumerate() {
                let c = d.get(p, i);
                ascii &= c < 128;
                *b = c as u8;
            }
            if ascii {
                // SAFETY: ASCII bytes are UTF-8.
                let s = std::str::from_utf8_unchecked(&buf[..k]);
                return Ok(PyString::new(py, s).into_any());
            }
        }
        py_str(py, &d.read(p))
    }
}

static STR_: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static BYTES_: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `rumpy.str_` or `rumpy.bytes_` (defined in Python).
pub fn scalar_class(py: Python<'_>, bytes: bool) -> PyResult<&Bound<'_, PyAny>> {
    let (cell, name) = if bytes {
        (&BYTES_, "bytes_")
    } else {
        (&STR_, "str_")
    };
    cell.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("rumpy._text")?.getattr(name)?.unbind())
    })
    .map(|c| c.bind(py))
}

/// The item at `p` as the scalar NumPy gives (`a[i]`): a `rumpy.str_` or `rumpy.bytes_`.
///
/// # Safety
/// `p` holds an item of `d`.
pub unsafe fn scalar<'py>(
    py: Python<'py>,
    d: TextDesc,
    p: *const u8,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: the caller's guarantee.
    let v = unsafe { item_to_py(py, d, p) }?;
    scalar_class(py, d.is_bytes())?.call1((v,))
}

/// One element met in a nested sequence.
enum Leaf<'py> {
    /// A Python str, with its length in characters.
    Str(Bound<'py, PyString>, usize),
    /// Text of an array's item.
    Chars(Vec<u32>),
    Bytes(Vec<u8>),
    /// A number, the type it has (a Python number its default type) and where it came from.
    Num(Num, ScalarType, Origin),
}

impl Leaf<'_> {
    /// The characters it needs in unsized text: its own (a Python number as its `str`), or
    /// with `discovering`, and for any typed number, its type's width.
    fn chars(&self, discovering: bool) -> usize {
        match self {
            Leaf::Str(_, k) => *k,
            Leaf::Chars(t) => t.len(),
            Leaf::Bytes(b) => b.len(),
            Leaf::Num(n, st, Origin::Python) if !discovering => num_str(*n, *st).len(),
            Leaf::Num(_, st, _) => width(*st),
        }
    }

    /// Write it into a text item.
    ///
    /// # Safety
    /// `p` holds a writable item of `d`.
    unsafe fn write(&self, d: TextDesc, p: *mut u8) -> PyResult<()> {
        // SAFETY: the caller's guarantee.
        unsafe {
            match self {
                // Straight from the str's UTF-8 (no copy for ASCII), cut to the item; bytes
                // take ASCII only (`write` checks).
                Leaf::Str(s, k) => match s.to_str() {
                    Ok(t) if !d.is_bytes() || t.is_ascii() => {
                        let n = (*k).min(d.chars);
                        for (i, c) in t.chars().take(n).enumerate() {
                            d.put(p, i, c as u32);
                        }
                        for i in n..d.chars {
                            d.put(p, i, 0);
                        }
                    }
                    _ => d.write(p, &str_chars(s)?)?,
                },
                Leaf::Chars(t) => d.write(p, t)?,
                Leaf::Bytes(b) if d.is_bytes() => d.write_bytes(p, b),
                Leaf::Bytes(b) => {
                    if let Some(pos) = b.iter().position(|&c| c > 127) {
                        return Err(crate::Error::UnicodeDecode(b.clone(), pos, false).into());
                    }
                    d.write(p, &b.iter().map(|&c| c as u32).collect::<Vec<_>>())?
                }
                Leaf::Num(n, st, _) => {
                    let t: Vec<u32> = num_str(*n, *st).chars().map(|c| c as u32).collect();
                    d.write(p, &t)?
                }
            }
        }
        Ok(())
    }

    /// Write it into a number item of `dt` (NumPy's per-item conversion: text as Python's
    /// `int()`/`float()`/`complex()` read it, numbers as assignment converts them).
    ///
    /// # Safety
    /// `p` holds a writable item of `dt`, a numeric dtype of type `st`.
    unsafe fn write_number(
        &self,
        py: Python<'_>,
        dt: &DType,
        st: ScalarType,
        p: *mut u8,
        warned: &mut bool,
    ) -> PyResult<()> {
        let n = match self {
            Leaf::Str(s, _) => parse_number(&str_chars(s)?, false, st)?,
            Leaf::Chars(t) => parse_number(t, false, st)?,
            Leaf::Bytes(b) => {
                let t: Vec<u32> = b.iter().map(|&c| c as u32).collect();
                parse_number(&t, true, st)?
            }
            Leaf::Num(n, _, origin) => super::convert::settle_value(py, *n, *origin, st, warned)?,
        };
        // SAFETY: the caller's guarantee.
        unsafe { super::convert::cast_value(p, dt, n, false) }
    }
}

/// The leaf an object is, if it is one.
fn leaf<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<Leaf<'py>>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(Leaf::Str(s.clone(), obj.len()?)));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(Leaf::Bytes(b.as_bytes().to_vec())));
    }
    Ok(match classify_scalar(obj)? {
        Some(PyScalar::Typed(n, st)) => Some(Leaf::Num(n, st, Origin::Scalar)),
        Some(PyScalar::Weak(n, k)) => {
            let st = match n {
                Num::U(_) => ScalarType::UInt64,
                _ => k.default_type(),
            };
            Some(Leaf::Num(n, st, Origin::Python))
        }
        None => None,
    })
}

/// The items of an array as leaves, in C order.
fn array_leaves(a: &NdArray, out: &mut Vec<Leaf<'_>>) -> PyResult<()> {
    let c = a.copy(Order::C)?;
    let dt = c.dtype().clone();
    let isz = dt.itemsize();
    for i in 0..c.size() {
        let p = c.data_ptr().wrapping_add(i * isz) as *const u8;
        // SAFETY: item i of a fresh C-contiguous copy.
        out.push(unsafe {
            if let Some(d) = TextDesc::of(&dt) {
                if d.is_bytes() {
                    Leaf::Bytes(std::slice::from_raw_parts(p, d.len(p)).to_vec())
                } else {
                    Leaf::Chars(d.read(p))
                }
            } else if let Some(st) = dt.scalar_type() {
                Leaf::Num(super::convert::read_num(p, &dt), st, Origin::Array)
            } else {
                return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "cannot make text of {} items",
                    crate::array::dtype_str(&dt)
                )));
            }
        });
    }
    Ok(())
}

fn walk<'py>(
    obj: &Bound<'py, PyAny>,
    depth: usize,
    shape: &[usize],
    out: &mut Vec<Leaf<'py>>,
) -> PyResult<()> {
    if depth == shape.len() {
        if let Some(l) = leaf(obj)? {
            out.push(l);
            return Ok(());
        }
        return match node(obj)? {
            Node::Arr(a) if a.ndim() == 0 => array_leaves(&a, out),
            _ => Err(super::convert::inhomogeneous(depth, shape)),
        };
    }
    match node(obj)? {
        Node::Seq(s) => {
            let n = seq_len(&s)?;
            if n != shape[depth] {
                return Err(super::convert::inhomogeneous(depth, shape));
            }
            for i in 0..n {
                walk(&seq_item(&s, i)?, depth + 1, shape, out)?;
            }
            Ok(())
        }
        Node::Arr(a) if a.shape() == &shape[depth..] => array_leaves(&a, out),
        _ => Err(super::convert::inhomogeneous(depth, shape)),
    }
}

/// Does a dtype hold text?
pub fn is_text(dt: &DType) -> bool {
    TextDesc::of(dt).is_some()
}

/// An array of `shape` from nested sequences holding text (or numbers into a text dtype):
/// `dtype` text (sized, or unsized and sized here by the longest text), or None (discovered:
/// `U` when any str, else `S`), or another dtype (the text is cast to it, as NumPy parses
/// `np.array(['1', 2], dtype=int)`).
pub fn from_nested(
    obj: &Bound<'_, PyAny>,
    shape: &[usize],
    dtype: Option<&DType>,
) -> PyResult<NdArray> {
    let mut leaves = Vec::new();
    walk(obj, 0, shape, &mut leaves)?;
    if let Some(d) = dtype.filter(|d| !is_text(d)) {
        return numbers(obj.py(), &leaves, shape, d);
    }
    let longest = |discovering| {
        leaves
            .iter()
            .map(|l| l.chars(discovering))
            .max()
            .unwrap_or(0)
            .max(1)
    };
    let desc = match dtype.and_then(TextDesc::of) {
        Some(d) if d.chars > 0 => d,
        Some(d) => d.sized(longest(false)),
        None => TextDesc {
            store: if leaves
                .iter()
                .any(|l| matches!(l, Leaf::Str(..) | Leaf::Chars(_)))
            {
                Store::Ucs4 { swapped: false }
            } else {
                Store::Bytes
            },
            chars: longest(true),
        },
    };
    let out = NdArray::empty(shape, &desc.dtype(), Order::C)?;
    let isz = desc.dtype().itemsize();
    for (i, l) in leaves.iter().enumerate() {
        // SAFETY: item i of the fresh C-contiguous array.
        unsafe { l.write(desc, out.data_ptr().add(i * isz)) }?;
    }
    Ok(out)
}

/// A number array of `dt` from leaves holding text.
fn numbers(py: Python<'_>, leaves: &[Leaf<'_>], shape: &[usize], dt: &DType) -> PyResult<NdArray> {
    let st = dt.scalar_type().ok_or_else(|| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "cannot make {} items of text",
            crate::array::dtype_str(dt)
        ))
    })?;
    let out = NdArray::empty(shape, dt, Order::C)?;
    let isz = dt.itemsize();
    let mut warned = false;
    for (i, l) in leaves.iter().enumerate() {
        // SAFETY: item i of the fresh C-contiguous array.
        unsafe { l.write_number(py, dt, st, out.data_ptr().add(i * isz), &mut warned) }?;
    }
    Ok(out)
}

/// `format_float_positional`'s unique mode for float16/32/64 (`ftype` 'e', 'f', 'd'); None
/// leaves the value to Python's exact mode and long double.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn _dragon4_positional(
    x: f64,
    ftype: char,
    precision: i32,
    min_digits: i32,
    fractional: bool,
    trim: char,
    sign: bool,
    pad_left: i32,
    pad_right: i32,
) -> Option<String> {
    crate::io::dragon4::positional(
        x, ftype, precision, min_digits, fractional, trim, sign, pad_left, pad_right,
    )
}

/// `format_float_scientific`'s unique mode, as [`_dragon4_positional`].
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn _dragon4_scientific(
    x: f64,
    ftype: char,
    precision: i32,
    min_digits: i32,
    trim: char,
    sign: bool,
    pad_left: i32,
    exp_digits: i32,
) -> Option<String> {
    crate::io::dragon4::scientific(
        x, ftype, precision, min_digits, trim, sign, pad_left, exp_digits,
    )
}
