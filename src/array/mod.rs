//! The n-dimensional array: a shared buffer, a byte offset, a shape, byte strides and a dtype.
//!
//! # Invariants every method relies on
//! 1. `buffer` stays alive as long as the array (it is an `Arc`).
//! 2. When `size() > 0`, for every index `i` with `i[k] < shape[k]`, the item at byte
//!    `offset + Σ i[k]*strides[k]` lies wholly inside `buffer`: `0 <= that` and
//!    `that + itemsize <= buffer.len()`. Every array is made by `from_parts`, `view_with` or
//!    a fresh allocation, and the first two check this with [`check_layout`] (overflow-checked
//!    arithmetic: offsets, strides and shapes may come straight from the user).
//! 3. `flags.writeable` implies `buffer.writeable()`.
//! 4. `flags.c_contiguous` / `f_contiguous` are what `compute_contiguity` says of shape and
//!    strides (NumPy's rules: unit axes are ignored, empty arrays are both).
//! 5. `size() * itemsize` fits in an `isize`, even for zero-stride views, so `nbytes` and any
//!    byte count derived from the shape never wraps (also checked by [`check_layout`]).
//!
//! Items need not be aligned: kernels read with unaligned loads unless `flags.aligned`.

use std::sync::Arc;

use smallvec::SmallVec;

use crate::buffer::Buffer;
use crate::dtype::cast::Transfer;
use crate::dtype::promote::{can_cast, Casting};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::loops::for_each_line2;

pub mod dlpack;
pub mod fancy;
pub mod index;
pub mod pep3118;
pub mod shape;
pub mod take;

pub use index::{IndexItem, Indexed};
pub use shape::broadcast_shapes;

pub type Dims = SmallVec<[usize; 4]>;
pub type Strides = SmallVec<[isize; 4]>;

/// NumPy's limit on dimensions.
pub const MAXDIMS: usize = 64;

/// Memory order requested for new arrays or copies.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Order {
    C,
    F,
    /// F if the source is F-contiguous and not C-contiguous, else C.
    A,
    /// Keep the source's axis order as closely as possible.
    #[default]
    K,
}

impl Order {
    pub fn parse(s: Option<&str>, default: Order) -> Result<Order> {
        Ok(match s {
            None => default,
            Some("C") | Some("c") => Order::C,
            Some("F") | Some("f") => Order::F,
            Some("A") | Some("a") => Order::A,
            Some("K") | Some("k") => Order::K,
            Some(o) => bail!(
                Value,
                "order must be one of 'C', 'F', 'A', or 'K' (got '{}')",
                o
            ),
        })
    }
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub c_contiguous: bool,
    pub f_contiguous: bool,
    pub writeable: bool,
    pub owndata: bool,
    pub aligned: bool,
}

pub struct NdArray {
    buffer: Arc<Buffer>,
    offset: usize,
    shape: Dims,
    strides: Strides,
    dtype: DType,
    flags: Flags,
}

impl Clone for NdArray {
    /// The layout copied as plain memory (a derived clone goes item by item), the buffer and
    /// dtype shared.
    fn clone(&self) -> Self {
        NdArray {
            buffer: self.buffer.clone(),
            offset: self.offset,
            shape: copy_small(&self.shape),
            strides: copy_small(&self.strides),
            dtype: self.dtype.clone(),
            flags: self.flags,
        }
    }
}

/// A copy of a shape or strides vector; up to four items by fixed-size moves (a slice copy
/// of a run-time length is a call to memcpy, the most of a view's cost).
#[inline]
fn copy_small<T: Copy + Default>(v: &SmallVec<[T; 4]>) -> SmallVec<[T; 4]> {
    let d = T::default();
    let buf = match **v {
        [] => [d; 4],
        [a] => [a, d, d, d],
        [a, b] => [a, b, d, d],
        [a, b, c] => [a, b, c, d],
        [a, b, c, e] => [a, b, c, e],
        _ => return SmallVec::from_slice(v),
    };
    SmallVec::from_buf_and_len(buf, v.len())
}

/// Number of elements, or ValueError when the product overflows.
/// NumPy checks the product of the non-zero dimensions even when one dimension is zero.
pub fn checked_size(shape: &[usize]) -> Result<usize> {
    ensure!(
        shape.len() <= MAXDIMS,
        Value,
        "maximum supported dimension for an ndarray is currently {}, found {}",
        MAXDIMS,
        shape.len()
    );
    let mut n: usize = 1;
    for &d in shape {
        if d != 0 {
            n = n.checked_mul(d).ok_or_else(too_big)?;
        }
    }
    if n > isize::MAX as usize {
        return Err(too_big());
    }
    Ok(if shape.contains(&0) { 0 } else { n })
}

fn too_big() -> Error {
    Error::Value(
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
            .into(),
    )
}

/// C-order (row-major) byte strides.
pub fn c_strides(shape: &[usize], itemsize: usize) -> Strides {
    let mut s: Strides = SmallVec::from_elem(0, shape.len());
    let mut acc = itemsize as isize;
    for k in (0..shape.len()).rev() {
        s[k] = acc;
        acc *= shape[k].max(1) as isize;
    }
    s
}

/// F-order (column-major) byte strides.
pub fn f_strides(shape: &[usize], itemsize: usize) -> Strides {
    let mut s: Strides = SmallVec::from_elem(0, shape.len());
    let mut acc = itemsize as isize;
    for k in 0..shape.len() {
        s[k] = acc;
        acc *= shape[k].max(1) as isize;
    }
    s
}

/// NumPy's contiguity rules (`_UpdateContiguousFlags`).
pub fn compute_contiguity(shape: &[usize], strides: &[isize], itemsize: usize) -> (bool, bool) {
    if shape.contains(&0) {
        return (true, true);
    }
    let mut c = true;
    let mut acc = itemsize as isize;
    for k in (0..shape.len()).rev() {
        if shape[k] != 1 {
            if strides[k] != acc {
                c = false;
                break;
            }
            acc *= shape[k] as isize;
        }
    }
    let mut f = true;
    let mut acc = itemsize as isize;
    for k in 0..shape.len() {
        if shape[k] != 1 {
            if strides[k] != acc {
                f = false;
                break;
            }
            acc *= shape[k] as isize;
        }
    }
    (c, f)
}

/// Check invariants 2 and 5 for a layout over `buffer_len` bytes starting at byte `offset`, with
/// every sum and product overflow-checked. The one gate every view passes through.
#[inline]
pub fn check_layout(
    buffer_len: usize,
    offset: usize,
    shape: &[usize],
    strides: &[isize],
    itemsize: usize,
) -> Result<()> {
    ensure!(
        shape.len() == strides.len(),
        Value,
        "shape and strides differ in length"
    );
    if shape.len() > MAXDIMS {
        checked_size(shape)?; // its error
    }
    // One pass: the count of the non-zero dimensions (NumPy checks them even for an empty
    // array) and the extent, in i128 where |span| < 2^63 * 2^63 cannot overflow.
    let mut count: usize = 1;
    let mut fits = true;
    let mut empty = false;
    let (mut lo, mut hi) = (offset as i128, offset as i128 + itemsize as i128);
    for (&d, &st) in shape.iter().zip(strides) {
        if d == 0 {
            empty = true;
            continue;
        }
        let (c, over) = count.overflowing_mul(d);
        count = c;
        fits &= !over;
        let span = (d as i128 - 1) * st as i128;
        if span < 0 {
            lo += span;
        } else {
            hi += span;
        }
    }
    let bytes = count.checked_mul(itemsize.max(1));
    if !fits || bytes.is_none_or(|b| b > isize::MAX as usize) {
        return Err(too_big());
    }
    if !empty && (lo < 0 || hi > buffer_len as i128) {
        return Err(Error::Value(format!(
            "strides are not compatible with memory of length {buffer_len}"
        )));
    }
    Ok(())
}

/// NumPy's rule for new arrays of a subarray dtype (`zeros(2, ('u4', (3,)))`): the
/// subarray's axes are appended (C order inside each item) and the base is the dtype.
fn expand_subarray(shape: Dims, strides: Strides, dtype: DType) -> (Dims, Strides, DType) {
    let Some(sa) = dtype.subarray() else {
        return (shape, strides, dtype);
    };
    let (mut shape, mut strides) = (shape, strides);
    shape.extend(sa.shape.iter().copied());
    strides.extend(c_strides(&sa.shape, sa.base.itemsize()));
    let base = sa.base.clone();
    (shape, strides, base)
}

/// The lowest and one-past-highest byte touched by a layout, relative to element [0, …, 0];
/// None when they (or the span between them) do not fit an `isize` (a foreign exporter's shape and strides may say so;
/// for arrays, which passed [`check_layout`], it is always Some).
pub fn byte_extent(shape: &[usize], strides: &[isize], itemsize: usize) -> Option<(isize, isize)> {
    if shape.contains(&0) {
        return Some((0, 0));
    }
    let (mut lo, mut hi) = (0i128, itemsize as i128);
    for (&n, &s) in shape.iter().zip(strides) {
        // |span| < 2^63 * 2^63: exact in i128.
        let span = s as i128 * (n as i128 - 1);
        if span < 0 {
            lo += span;
        } else {
            hi += span;
        }
    }
    isize::try_from(hi - lo).ok()?;
    Some((isize::try_from(lo).ok()?, isize::try_from(hi).ok()?))
}

impl NdArray {
    /// Assemble an array from parts, checking invariant 2 against the buffer.
    pub fn from_parts(
        buffer: Arc<Buffer>,
        offset: usize,
        shape: Dims,
        strides: Strides,
        dtype: DType,
        writeable: bool,
    ) -> Result<NdArray> {
        let (shape, strides, dtype) = expand_subarray(shape, strides, dtype);
        check_layout(buffer.len(), offset, &shape, &strides, dtype.itemsize())?;
        let writeable = writeable && buffer.writeable();
        Ok(Self::assemble(
            buffer, offset, shape, strides, dtype, writeable, false,
        ))
    }

    /// A new array with explicit C strides even when empty (NumPy's unpickling and buffer
    /// paths report itemsize-based strides for empty arrays).
    pub fn empty_c_explicit(shape: &[usize], dtype: &DType) -> Result<NdArray> {
        let a = Self::empty(shape, dtype, Order::C)?;
        if a.size() > 0 {
            return Ok(a);
        }
        let mut v = a.view_with(
            0,
            shape.into(),
            c_strides(shape, dtype.itemsize()),
            dtype.clone(),
        )?;
        v.flags.owndata = true;
        Ok(v)
    }

    /// Assemble without checks; the caller guarantees the invariants.
    fn assemble(
        buffer: Arc<Buffer>,
        offset: usize,
        shape: Dims,
        strides: Strides,
        dtype: DType,
        writeable: bool,
        owndata: bool,
    ) -> NdArray {
        let (c, f) = compute_contiguity(&shape, &strides, dtype.itemsize());
        let align = dtype.alignment().max(1);
        let base = buffer.ptr() as usize + offset;
        let aligned = base.is_multiple_of(align)
            && strides
                .iter()
                .all(|s| s.unsigned_abs().is_multiple_of(align));
        NdArray {
            buffer,
            offset,
            shape,
            strides,
            dtype,
            flags: Flags {
                c_contiguous: c,
                f_contiguous: f,
                writeable,
                owndata,
                aligned,
            },
        }
    }

    pub(crate) fn alloc(
        shape: &[usize],
        dtype: &DType,
        order: Order,
        zeroed: bool,
    ) -> Result<NdArray> {
        if let Some(sa) = dtype.subarray() {
            // NumPy: an array of a subarray dtype is an array of its base with more axes.
            let mut full: Dims = shape.into();
            full.extend(sa.shape.iter().copied());
            return Self::alloc(&full, &sa.base.clone(), order, zeroed);
        }
        if let Some(t) = crate::dtype::text::TextDesc::of(dtype).filter(|t| t.chars == 0) {
            // NumPy: an array of unsized text ('U', 'S') holds one character an item.
            return Self::alloc(shape, &t.sized(1).dtype(), order, zeroed);
        }
        let n = checked_size(shape)?;
        let nonzero: usize = shape.iter().filter(|&&d| d != 0).product();
        nonzero
            .checked_mul(dtype.itemsize())
            .filter(|&b| b <= isize::MAX as usize)
            .ok_or_else(too_big)?;
        let nbytes = n * dtype.itemsize();
        let flags = dtype.flags();
        let allocated = if flags.holds_refs {
            Buffer::alloc_items(nbytes, dtype)
        } else {
            Buffer::alloc(nbytes, zeroed || flags.needs_init)
        };
        let buffer = allocated.map_err(|e| match e {
            Error::Memory(_) => Error::Memory(format!(
                "Unable to allocate {} for an array with shape {} and data type {}",
                crate::buffer::human_bytes(nbytes),
                shape_repr(shape),
                dtype
            )),
            e => e,
        })?;
        // NumPy 2 gives every new empty array zero strides.
        let strides = match order {
            _ if n == 0 => SmallVec::from_elem(0, shape.len()),
            Order::F => f_strides(shape, dtype.itemsize()),
            _ => c_strides(shape, dtype.itemsize()),
        };
        Ok(Self::assemble(
            buffer,
            0,
            shape.into(),
            strides,
            dtype.clone(),
            true,
            true,
        ))
    }

    /// An uninitialised array (`np.empty`).
    pub fn empty(shape: &[usize], dtype: &DType, order: Order) -> Result<NdArray> {
        Self::alloc(shape, dtype, order, false)
    }

    /// [`Self::empty`] in C order for a native numeric type, with its layout and flags
    /// written down rather than derived (the small-array paths make one per call).
    pub fn empty_numeric(shape: &[usize], st: crate::dtype::ScalarType) -> Result<NdArray> {
        let itemsize = st.itemsize();
        let n = checked_size(shape)?;
        let Some(nbytes) = n
            .checked_mul(itemsize)
            .filter(|&b| b > 0 && b <= isize::MAX as usize)
        else {
            return Self::empty(shape, &st.dtype(), Order::C);
        };
        let buffer = match Buffer::alloc(nbytes, false) {
            Ok(b) => b,
            Err(_) => return Self::empty(shape, &st.dtype(), Order::C),
        };
        let mut strides: Strides = SmallVec::from_elem(0, shape.len());
        let mut acc = itemsize as isize;
        let mut long_axes = 0;
        for k in (0..shape.len()).rev() {
            strides[k] = acc;
            acc *= shape[k] as isize;
            long_axes += (shape[k] != 1) as usize;
        }
        Ok(NdArray {
            buffer,
            offset: 0,
            shape: shape.into(),
            strides,
            dtype: st.dtype(),
            flags: Flags {
                c_contiguous: true,
                // Contiguous both ways when at most one axis is longer than 1.
                f_contiguous: long_axes <= 1,
                writeable: true,
                owndata: true,
                // Buffers are aligned to `ALIGN`, beyond any numeric item's alignment.
                aligned: true,
            },
        })
    }

    /// A zero-filled array (`np.zeros`).
    /// The field named `name` (or titled so); `missing` makes the error for an absent one.
    fn find_field(
        &self,
        name: &str,
        missing: impl FnOnce() -> Error,
    ) -> Result<&crate::dtype::Field> {
        let fs = self
            .dtype()
            .fields()
            .ok_or_else(|| Error::Index("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices".into()))?;
        fs.iter()
            .find(|f| f.name == name || f.title.as_deref() == Some(name))
            .ok_or_else(missing)
    }

    /// The view of one field of a record array (a subarray field adds its dimensions).
    pub fn field(&self, name: &str) -> Result<NdArray> {
        let f = self.find_field(name, || Error::Value(format!("no field of name {name}")))?;
        self.field_view(f)
    }

    /// The view of the `i`-th field of a record array.
    pub fn field_at(&self, i: usize) -> Result<NdArray> {
        let f = self
            .dtype()
            .fields()
            .and_then(|f| f.get(i))
            .ok_or_else(|| Error::Index(format!("field index {i} out of range")))?;
        self.field_view(f)
    }

    fn field_view(&self, f: &crate::dtype::Field) -> Result<NdArray> {
        let off = self.offset() + f.offset;
        let (shape, strides, dtype): (Dims, Strides, DType) = match f.dtype.subarray() {
            Some(sa) => {
                let mut shape: Dims = self.shape().into();
                shape.extend(sa.shape.iter().copied());
                let mut strides: Strides = self.strides().into();
                strides.extend(c_strides(&sa.shape, sa.base.itemsize()));
                (shape, strides, sa.base.clone())
            }
            None => (self.shape().into(), self.strides().into(), f.dtype.clone()),
        };
        self.view_with(off, shape, strides, dtype)
    }

    /// NumPy 2's multi-field view: the named fields at their offsets, the itemsize kept.
    pub fn fields_view(&self, names: &[String]) -> Result<NdArray> {
        use crate::dtype::record::{FieldSpec, Record};
        let mut specs = Vec::with_capacity(names.len());
        for n in names {
            let f = self.find_field(n, || Error::Key(n.clone()))?;
            specs.push(FieldSpec {
                name: f.name.clone(),
                title: f.title.clone(),
                dtype: f.dtype.clone(),
                offset: Some(f.offset),
            });
        }
        let dt = match self.dtype().0.as_any().downcast_ref::<Record>() {
            Some(r) => r.view_of(specs)?,
            None => Record::build(specs, Some(self.itemsize()), false)?,
        };
        self.view_with(
            self.offset(),
            self.shape().into(),
            self.strides().into(),
            dt,
        )
    }

    /// A C-ordered bool array filled with `value`.
    pub fn full_bool(shape: &[usize], value: bool) -> Result<NdArray> {
        let dt = crate::dtype::ScalarType::Bool.dtype();
        let a = if value {
            let a = NdArray::empty(shape, &dt, Order::C)?;
            // SAFETY: a fresh C-contiguous bool array of `size` bytes.
            unsafe { std::ptr::write_bytes(a.data_ptr(), 1, a.size()) };
            a
        } else {
            NdArray::zeros(shape, &dt, Order::C)?
        };
        Ok(a)
    }

    pub fn zeros(shape: &[usize], dtype: &DType, order: Order) -> Result<NdArray> {
        Self::alloc(shape, dtype, order, true)
    }

    /// A new C-contiguous array holding `data`.
    pub fn from_vec<T: crate::dtype::Element>(data: Vec<T>, shape: &[usize]) -> Result<NdArray> {
        let n = checked_size(shape)?;
        ensure!(
            n == data.len(),
            Value,
            "cannot build an array of shape {} from {} items",
            shape_repr(shape),
            data.len()
        );
        let out = Self::empty(shape, &T::TYPE.dtype(), Order::C)?;
        // SAFETY: `out` is a fresh C-contiguous buffer of exactly n items of T.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), out.data_ptr() as *mut T, n) };
        Ok(out)
    }

    // ----- accessors -----
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }
    pub fn dtype(&self) -> &DType {
        &self.dtype
    }
    pub fn itemsize(&self) -> usize {
        self.dtype.itemsize()
    }
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }
    pub fn flags(&self) -> Flags {
        self.flags
    }
    pub fn buffer(&self) -> &Arc<Buffer> {
        &self.buffer
    }
    pub fn offset(&self) -> usize {
        self.offset
    }
    pub fn is_c_contiguous(&self) -> bool {
        self.flags.c_contiguous
    }
    pub fn is_f_contiguous(&self) -> bool {
        self.flags.f_contiguous
    }
    pub fn is_writeable(&self) -> bool {
        self.flags.writeable
    }
    /// Address of element [0, …, 0].
    pub fn data_ptr(&self) -> *mut u8 {
        self.buffer.ptr().wrapping_add(self.offset)
    }

    pub fn set_writeable(&mut self, w: bool) -> Result<()> {
        ensure!(
            !w || self.buffer.writeable(),
            Value,
            "cannot set WRITEABLE flag to True of this array"
        );
        self.flags.writeable = w;
        Ok(())
    }

    /// Raise NumPy's error when writing is not allowed.
    pub fn check_writeable(&self) -> Result<()> {
        ensure!(
            self.flags.writeable,
            Value,
            "assignment destination is read-only"
        );
        Ok(())
    }

    /// A view sharing this array's buffer with a new layout, checked to lie inside the buffer
    /// (invariants 2 and 5): a bug in the caller's arithmetic, or a size from a hostile input
    /// that slipped through, becomes a ValueError instead of a read outside the buffer.
    #[inline]
    pub fn view_with(
        &self,
        offset: usize,
        shape: Dims,
        strides: Strides,
        dtype: DType,
    ) -> Result<NdArray> {
        check_layout(
            self.buffer.len(),
            offset,
            &shape,
            &strides,
            dtype.itemsize(),
        )?;
        Ok(Self::assemble(
            self.buffer.clone(),
            offset,
            shape,
            strides,
            dtype,
            self.flags.writeable,
            false,
        ))
    }

    /// The view `a[start::step]` keeping `len` items of the first axis (`start` and `step`
    /// resolved as Python's `slice.indices` does, `len` > 0). Its items are items of this
    /// array, so the view is built in place of passing the layout gate again.
    #[inline]
    pub fn slice_first(&self, start: isize, step: isize, len: usize) -> Result<NdArray> {
        let n = self.shape.first().copied().unwrap_or(0) as isize;
        let last = (len as isize - 1)
            .checked_mul(step)
            .and_then(|s| s.checked_add(start));
        ensure!(
            len > 0 && (0..n).contains(&start) && last.is_some_and(|l| (0..n).contains(&l)),
            Index,
            "slice outside the array"
        );
        let mut v = self.clone();
        v.offset = (self.offset as isize + start * self.strides[0]) as usize;
        v.shape[0] = len;
        v.strides[0] *= step;
        v.refresh_view_flags(self.flags.aligned);
        debug_assert!(v.layout_ok());
        Ok(v)
    }

    /// The view with the axes reversed (`a.T`): the same items, so no layout gate.
    pub fn reversed_axes(&self) -> NdArray {
        let mut v = self.clone();
        v.shape.reverse();
        v.strides.reverse();
        v.flags.c_contiguous = self.flags.f_contiguous;
        v.flags.f_contiguous = self.flags.c_contiguous;
        v.flags.owndata = false;
        v
    }

    /// A view of the whole array as it is (`a.view()`, `a[...]`).
    pub fn same_view(&self) -> NdArray {
        let mut v = self.clone();
        v.flags.owndata = false;
        v
    }

    /// Flags of a view made in place from this array's clone: no own data, contiguity
    /// recomputed; alignment kept when the parent's was (the view's addresses and strides are
    /// multiples of the parent's), else recomputed.
    fn refresh_view_flags(&mut self, parent_aligned: bool) {
        let (c, f) = compute_contiguity(&self.shape, &self.strides, self.dtype.itemsize());
        self.flags.c_contiguous = c;
        self.flags.f_contiguous = f;
        self.flags.owndata = false;
        if !parent_aligned {
            let align = self.dtype.alignment().max(1);
            self.flags.aligned = (self.data_ptr() as usize).is_multiple_of(align)
                && self
                    .strides
                    .iter()
                    .all(|s| s.unsigned_abs().is_multiple_of(align));
        }
    }

    /// The layout gate's verdict on this array (debug checks of views built in place).
    fn layout_ok(&self) -> bool {
        check_layout(
            self.buffer.len(),
            self.offset,
            &self.shape,
            &self.strides,
            self.itemsize(),
        )
        .is_ok()
    }

    /// The byte span this array touches, as absolute addresses [lo, hi).
    pub fn memory_bounds(&self) -> (usize, usize) {
        // Invariant 2: an array's extent fits its buffer, so it is always Some.
        let (lo, hi) = byte_extent(&self.shape, &self.strides, self.itemsize()).unwrap_or((0, 0));
        let base = self.data_ptr() as isize;
        ((base + lo) as usize, (base + hi) as usize)
    }

    /// `np.may_share_memory`: do the byte spans overlap?
    pub fn may_share_memory(&self, other: &NdArray) -> bool {
        if self.size() == 0 || other.size() == 0 {
            return false;
        }
        let (a0, a1) = self.memory_bounds();
        let (b0, b1) = other.memory_bounds();
        a0 < b1 && b0 < a1
    }

    /// `np.shares_memory`: exact answer (bounded search; falls back to the extent test when the
    /// problem is too large to decide exactly, which numpy would also refuse).
    pub fn shares_memory(&self, other: &NdArray) -> bool {
        if !self.may_share_memory(other) {
            return false;
        }
        // Exact test by enumerating the smaller operand's element addresses.
        let (small, large) = if self.size() <= other.size() {
            (self, other)
        } else {
            (other, self)
        };
        if small.size() > 1 << 22 {
            return true;
        }
        let mut addrs: Vec<(usize, usize)> = Vec::with_capacity(small.size());
        let isz = small.itemsize();
        for_each_line2(
            small.shape(),
            small.strides(),
            small.strides(),
            small.data_ptr(),
            small.data_ptr(),
            false,
            |p, _, n, s, _| {
                for i in 0..n {
                    let a = (p as isize + i as isize * s) as usize;
                    addrs.push((a, a + isz));
                }
            },
        );
        addrs.sort_unstable();
        let lsz = large.itemsize();
        let mut hit = false;
        for_each_line2(
            large.shape(),
            large.strides(),
            large.strides(),
            large.data_ptr(),
            large.data_ptr(),
            false,
            |p, _, n, s, _| {
                if hit {
                    return;
                }
                for i in 0..n {
                    let a = (p as isize + i as isize * s) as usize;
                    let b = a + lsz;
                    // Any small interval [x0, x1) with x0 < b and x1 > a?
                    let k = addrs.partition_point(|&(x0, _)| x0 < b);
                    if k > 0 && addrs[..k].iter().rev().take(64).any(|&(_, x1)| x1 > a) {
                        hit = true;
                        return;
                    }
                }
            },
        );
        hit
    }

    // ----- copying and casting -----

    /// Axis permutation that `order='K'` keeps: outermost = largest |stride|.
    fn k_order_perm(&self) -> Vec<usize> {
        let mut perm: Vec<usize> = (0..self.ndim()).collect();
        perm.sort_by(|&a, &b| {
            self.strides[b]
                .unsigned_abs()
                .cmp(&self.strides[a].unsigned_abs())
        });
        perm
    }

    /// NumPy's 'A' order for a new array made from `operands`: Fortran when every one is
    /// Fortran-contiguous and one is not C-contiguous, else C.
    pub fn any_order(operands: &[&NdArray]) -> Order {
        if !operands.is_empty()
            && operands.iter().all(|a| a.is_f_contiguous())
            && operands.iter().any(|a| !a.is_c_contiguous())
        {
            Order::F
        } else {
            Order::C
        }
    }

    /// A new array whose axes lie in memory in the order `perm`, outermost first (NumPy's
    /// 'K' allocations); zero-filled when `zeroed`, else uninitialised.
    pub fn new_permuted(
        shape: &[usize],
        dtype: &DType,
        perm: &[usize],
        zeroed: bool,
    ) -> Result<NdArray> {
        let pshape: Dims = perm.iter().map(|&k| shape[k]).collect();
        let base = Self::alloc(&pshape, dtype, Order::C, zeroed)?;
        if perm.iter().enumerate().all(|(i, &k)| i == k) {
            return Ok(base);
        }
        let pstr = c_strides(&pshape, dtype.itemsize());
        let mut strides: Strides = SmallVec::from_elem(0, shape.len());
        for (i, &k) in perm.iter().enumerate() {
            strides[k] = pstr[i];
        }
        let mut out = base.view_with(0, shape.into(), strides, dtype.clone())?;
        out.flags.owndata = true;
        Ok(out)
    }

    /// A new array with this array's shape, the given dtype and the memory order `order`
    /// resolves to for this array (uninitialised).
    pub fn empty_like(&self, dtype: &DType, order: Order) -> Result<NdArray> {
        match order {
            Order::C => Self::empty(&self.shape, dtype, Order::C),
            Order::F => Self::empty(&self.shape, dtype, Order::F),
            Order::A => {
                let o = if self.is_f_contiguous() && !self.is_c_contiguous() {
                    Order::F
                } else {
                    Order::C
                };
                Self::empty(&self.shape, dtype, o)
            }
            Order::K => {
                // Empty results get a fresh array's zero strides, as NumPy 2's copies do.
                if self.is_c_contiguous() || self.size() == 0 {
                    return Self::empty(&self.shape, dtype, Order::C);
                }
                if self.is_f_contiguous() {
                    return Self::empty(&self.shape, dtype, Order::F);
                }
                Self::new_permuted(&self.shape, dtype, &self.k_order_perm(), false)
            }
        }
    }

    /// `arr.copy(order)`.
    pub fn copy(&self, order: Order) -> Result<NdArray> {
        self.astype(&self.dtype.clone(), order)
    }

    /// `arr.astype(dtype, order)` (always copies; casting checks are the caller's).
    pub fn astype(&self, dtype: &DType, order: Order) -> Result<NdArray> {
        let dtype = &crate::dtype::method::cast_target(&self.dtype, dtype)?;
        let out = self.empty_like(dtype, order)?;
        out.assign_unchecked(self)?;
        Ok(out)
    }

    /// The items as `T` values in C order (cast as `astype` does), for tests.
    #[cfg(test)]
    pub fn to_vec<T: crate::dtype::Element>(&self) -> Vec<T> {
        let c = self.astype(&T::TYPE.dtype(), Order::C).unwrap();
        // SAFETY: a fresh C-contiguous array of `c.size()` items of T.
        unsafe { std::slice::from_raw_parts(c.data_ptr() as *const T, c.size()) }.to_vec()
    }

    /// Check a cast under a casting rule, with NumPy's message.
    pub fn check_cast(from: &DType, to: &DType, casting: Casting) -> Result<()> {
        if !can_cast(from, to, casting) {
            bail!(
                Casting,
                "Cannot cast array data from dtype('{}') to dtype('{}') according to the rule '{}'",
                dtype_str(from),
                dtype_str(to),
                casting.name()
            );
        }
        Ok(())
    }

    /// `other` seen with this array's shape (NumPy's setitem rules: extra leading unit axes are
    /// dropped), or NumPy's broadcast error naming `what`.
    fn broadcast_into(&self, other: &NdArray, what: &str) -> Result<NdArray> {
        other
            .drop_leading_units(self.ndim())
            .broadcast_to(&self.shape)
            .map_err(|_| {
                Error::Value(format!(
                    "could not broadcast {} from shape {} into shape {}",
                    what,
                    shape_repr_c(other.shape()),
                    shape_repr_c(self.shape())
                ))
            })
    }

    /// Copy `src` into `self`, broadcasting `src` to `self`'s shape and casting unsafely.
    /// Handles overlap by copying the source first. Checks writeability.
    pub fn assign(&self, src: &NdArray) -> Result<()> {
        self.check_writeable()?;
        let src = self.broadcast_into(src, "input array")?;
        if self.size() == 0 {
            return Ok(());
        }
        if self.may_share_memory(&src)
            && !(self.data_ptr() == src.data_ptr()
                && self.strides == src.strides
                && self.dtype == src.dtype)
        {
            let tmp = src.copy(Order::K)?;
            return self.assign_unchecked(&tmp);
        }
        self.assign_unchecked(&src)
    }

    /// `np.copyto(self, src, where=mask)`: copy where the bool `mask` is true; both broadcast
    /// to `self`'s shape.
    pub fn assign_where(&self, src: &NdArray, mask: &NdArray) -> Result<()> {
        self.check_writeable()?;
        ensure!(
            mask.dtype().native_scalar() == Some(crate::dtype::ScalarType::Bool),
            Type,
            "where= must be a boolean array"
        );
        let src = self.broadcast_into(src, "input array")?;
        let mask = self.broadcast_into(mask, "where mask")?;
        let src = if self.may_share_memory(&src) {
            src.copy(Order::K)?
        } else {
            src
        };
        let t = Transfer::new(&src.dtype, &self.dtype)?;
        let err = crate::loops::watch::FirstError::default();
        crate::loops::for_each_line_n(
            &self.shape,
            &[&src.strides, &mask.strides, &self.strides],
            &[src.data_ptr(), mask.data_ptr(), self.data_ptr()],
            1,
            false,
            |q, s, n| {
                for i in 0..n as isize {
                    if err.failed() {
                        return;
                    }
                    // SAFETY: the walk stays inside the three arrays (invariant 2); the mask
                    // holds bools.
                    unsafe {
                        if *q[1].offset(i * s[1]) != 0 {
                            let r = t.run(q[0].offset(i * s[0]), 0, q[2].offset(i * s[2]), 0, 1);
                            if err.keep(r).is_none() {
                                return;
                            }
                        }
                    }
                }
            },
        );
        err.into_result()
    }

    /// Copy with the shapes already equal (or `src` broadcast to ours), no overlap, no checks
    /// of writeability.
    fn assign_unchecked(&self, src: &NdArray) -> Result<()> {
        let src = if src.shape() == self.shape() {
            src.clone()
        } else {
            src.broadcast_to(&self.shape)?
        };
        if src.dtype != self.dtype
            && (src.dtype.fields().is_some() || self.dtype.fields().is_some())
        {
            return self.assign_fields(&src);
        }
        let t = Transfer::new(&src.dtype, &self.dtype)?;
        if let Transfer::Copy { size } = t {
            if self.transpose_like(&src) {
                // SAFETY: both are 2-d arrays of this shape; `self` is writable and does not
                // overlap `src` (assign copies an overlapping source first).
                unsafe {
                    crate::loops::blocked::copy_2d_tiled(
                        src.data_ptr(),
                        [src.strides[0], src.strides[1]],
                        self.data_ptr(),
                        [self.strides[0], self.strides[1]],
                        self.shape[0],
                        self.shape[1],
                        size,
                        self.nbytes() >= crate::loops::PAR_THRESHOLD_BYTES,
                    )
                };
                return Ok(());
            }
        }
        let bytes = self.itemsize().max(src.itemsize());
        let err = crate::loops::watch::FirstError::default();
        // Items that need the Python API (objects, records holding them) are cast on this
        // thread, in index order: their loops take the GIL, which the caller may hold (a pool
        // thread would wait for it forever), and NumPy converts the objects in order.
        let parallel = !(src.dtype.flags().needs_api || self.dtype.flags().needs_api);
        // The destination goes last: it orders the walk.
        crate::loops::for_each_line_n(
            &self.shape,
            &[&src.strides, &self.strides],
            &[src.data_ptr(), self.data_ptr()],
            bytes,
            parallel,
            |p, st, n| {
                // SAFETY: the walker keeps both pointers inside their arrays (invariant 2), and
                // the destination is writable memory (its buffer is writeable or freshly owned).
                // Parallel chunks write disjoint parts of the destination.
                if !err.failed() {
                    err.keep(unsafe { t.run(p[0], st[0], p[1], st[1], n) });
                }
            },
        );
        err.into_result()
    }

    /// A cast involving records of another dtype (NumPy 2): records to records field by field
    /// in order of position, a number into every field, a one-field record to a number.
    /// `src` already has `self`'s shape.
    fn assign_fields(&self, src: &NdArray) -> Result<()> {
        let n = |d: &DType| d.fields().map(|f| f.len());
        let fail = || {
            Error::Type(format!(
                "Cannot cast array data from {:?} to {:?} according to the rule 'unsafe'",
                src.dtype, self.dtype
            ))
        };
        match (n(&src.dtype), n(&self.dtype)) {
            (Some(a), Some(b)) if a == b => {
                for i in 0..a {
                    self.field_at(i)?.assign_unchecked(&src.field_at(i)?)?;
                }
                Ok(())
            }
            (None, Some(b)) if src.dtype.scalar_type().is_some() => {
                for i in 0..b {
                    let f = self.field_at(i)?;
                    // A subarray field repeats the value over its dimensions.
                    let extra = f.ndim() - src.ndim();
                    let mut shape: Dims = src.shape().into();
                    shape.extend(std::iter::repeat_n(1, extra));
                    let mut strides: Strides = src.strides().into();
                    strides.extend(std::iter::repeat_n(0, extra));
                    f.assign_unchecked(&src.view_with(
                        src.offset(),
                        shape,
                        strides,
                        src.dtype.clone(),
                    )?)?;
                }
                Ok(())
            }
            (Some(1), None) => {
                let f = src.field_at(0)?;
                ensure!(f.ndim() == self.ndim(), Type, "{}", fail());
                self.assign_unchecked(&f)
            }
            _ => Err(fail()),
        }
    }

    /// Byte offset from `data_ptr()` of the item at flat (C-order) index `k`.
    pub fn flat_offset(&self, mut k: usize) -> isize {
        let mut off = 0isize;
        for d in (0..self.ndim()).rev() {
            let n = self.shape()[d];
            off += (k % n) as isize * self.strides()[d];
            k /= n;
        }
        off
    }

    /// This array as an aligned C-contiguous array of `st` (itself when it already is one).
    pub fn contiguous_as(&self, st: crate::dtype::ScalarType) -> Result<NdArray> {
        if self.dtype().native_scalar() == Some(st)
            && self.is_c_contiguous()
            && (self.data_ptr() as usize).is_multiple_of(st.itemsize())
        {
            Ok(self.clone())
        } else {
            self.astype(&st.dtype(), Order::C)
        }
    }

    /// A 2-d copy where the source runs along the other axis (a transpose) and is large
    /// enough for tiles to pay.
    fn transpose_like(&self, src: &NdArray) -> bool {
        let isz = self.itemsize() as isize;
        self.ndim() == 2
            && self.shape[0] >= 64
            && self.shape[1] >= 64
            && self.strides[1] == isz
            && self.strides[0] >= self.shape[1] as isize * isz
            && src.strides[0] == isz
            && src.strides[1].unsigned_abs() > 4 * isz.unsigned_abs()
    }

    /// Set every element to the single item stored at `item` (which has dtype `item_dtype`).
    pub fn fill_from(&self, item: &NdArray) -> Result<()> {
        self.check_writeable()?;
        ensure!(
            item.size() == 1,
            Value,
            "fill value must be a single element"
        );
        let one = item.reshape_view(&[]).unwrap_or_else(|| item.clone());
        self.assign_unchecked(&one.broadcast_to(&self.shape)?)
    }

    /// Drop leading axes of length 1 until at most `ndim` remain (NumPy's setitem allows a
    /// value with extra leading unit axes).
    pub fn drop_leading_units(&self, ndim: usize) -> NdArray {
        let mut k = 0;
        while self.ndim() - k > ndim && self.shape[k] == 1 {
            k += 1;
        }
        let mut v = self.clone();
        // Dropping unit axes keeps every element where it was: the layout stays valid.
        v.shape.drain(..k);
        v.strides.drain(..k);
        v
    }

    /// `np.broadcast_to(self, shape)` as a view (zero strides on broadcast axes).
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<NdArray> {
        if shape == self.shape() {
            return Ok(self.clone());
        }
        let nd = shape.len();
        ensure!(
            nd >= self.ndim(),
            Value,
            "input operand has more dimensions than allowed by the axis remapping"
        );
        let mut strides: Strides = SmallVec::from_elem(0, nd);
        let lead = nd - self.ndim();
        for k in 0..self.ndim() {
            let (have, want) = (self.shape[k], shape[lead + k]);
            if have == want {
                strides[lead + k] = self.strides[k];
            } else if have == 1 {
                strides[lead + k] = 0;
            } else {
                bail!(
                    Value,
                    "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
                    shape_repr(self.shape()),
                    shape_repr(shape)
                );
            }
        }
        self.view_with(self.offset, shape.into(), strides, self.dtype.clone())
    }

    /// Reinterpret the bytes as another dtype (`arr.view(dtype)`), NumPy's rules for a change in
    /// item size along the last axis.
    pub fn view_dtype(&self, dtype: &DType) -> Result<NdArray> {
        // Items that hold references cannot be reinterpreted (NumPy's object arrays neither).
        ensure!(
            dtype == &self.dtype || !(self.dtype.flags().holds_refs || dtype.flags().holds_refs),
            Type,
            "Cannot change data-type for array of references."
        );
        let (old, new) = (self.itemsize(), dtype.itemsize());
        if old == new {
            // a subarray dtype's axes are appended, as for new arrays
            let (shape, strides, dt) =
                expand_subarray(self.shape.clone(), self.strides.clone(), dtype.clone());
            return self.view_with(self.offset, shape, strides, dt);
        }
        ensure!(
            self.ndim() > 0,
            Value,
            "Changing the dtype of a 0d array is only supported if the itemsize is unchanged"
        );
        ensure!(
            dtype.subarray().is_none(),
            Value,
            "Changing the dtype to a subarray type is only supported if the total itemsize is unchanged"
        );
        let last = self.ndim() - 1;
        ensure!(
            self.shape[last] == 1 || self.strides[last] == old as isize || self.size() == 0,
            Value,
            "To change to a dtype of a different size, the last axis must be contiguous"
        );
        let total = self.shape[last] * old;
        ensure!(
            new > 0 && total.is_multiple_of(new),
            Value,
            "When changing to a {} dtype, its size must be a divisor of the size of original dtype",
            if new > old { "larger" } else { "smaller" }
        );
        let mut shape = self.shape.clone();
        let mut strides = self.strides.clone();
        shape[last] = total / new;
        strides[last] = new as isize;
        let (shape, strides, dt) = expand_subarray(shape, strides, dtype.clone());
        self.view_with(self.offset, shape, strides, dt)
    }
}

/// `(3, 4)`, `(5,)`, `()` as Python prints shape tuples.
pub fn shape_repr(shape: &[usize]) -> String {
    shape_joined(shape, ", ")
}

/// A shape as NumPy's C code prints it in broadcast errors: `(3,4)`, `(2,)`, `()`.
pub fn shape_repr_c(shape: &[usize]) -> String {
    shape_joined(shape, ",")
}

fn shape_joined(shape: &[usize], sep: &str) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(sep)
        ),
    }
}

/// The dtype as NumPy writes it inside `dtype('...')` messages.
pub fn dtype_str(d: &DType) -> String {
    if matches!(d.kind(), 'U' | 'S') {
        // Text as NumPy writes it: '<U5', 'S5'.
        let t = d.typestr();
        return t.strip_prefix('|').unwrap_or(&t).to_string();
    }
    if d.is_native() {
        d.name()
    } else {
        d.typestr()
    }
}

/// The memory order NumPy's iterator gives new arrays under `order='K'` from several operands'
/// strides over `shape`: an axis goes outside another when the operands that move along both
/// (nonzero strides; an axis of length 1 moves nowhere) agree that its stride is larger; where
/// they disagree, C order wins. Returns the permutation, outermost axis first.
pub fn k_order_of(shape: &[usize], strides: &[&[isize]]) -> Vec<usize> {
    let ndim = shape.len();
    // Insertion sort from the innermost axis outwards, as NumPy's axis ordering.
    let mut inner_first: Vec<usize> = (0..ndim).rev().collect();
    for i0 in 1..ndim {
        let ax0 = inner_first[i0];
        let mut pos = i0;
        for i1 in (0..i0).rev() {
            let ax1 = inner_first[i1];
            let (mut ambiguous, mut swap) = (true, false);
            for s in strides {
                let (s0, s1) = (s[ax0], s[ax1]);
                if s0 != 0 && s1 != 0 && shape[ax0] != 1 && shape[ax1] != 1 {
                    if s1.unsigned_abs() <= s0.unsigned_abs() {
                        swap = false;
                    } else if ambiguous {
                        swap = true;
                    }
                    ambiguous = false;
                }
            }
            if !ambiguous {
                if swap {
                    pos = i1;
                } else {
                    break;
                }
            }
        }
        if pos != i0 {
            inner_first.remove(i0);
            inner_first.insert(pos, ax0);
        }
    }
    inner_first.reverse();
    inner_first
}

#[cfg(test)]
mod tests {
    #[test]
    fn k_order_follows_agreeing_operands_and_falls_back_to_c() {
        use super::k_order_of;
        // Fortran strides of a 4x6 float64 array, alone or with a broadcast operand.
        assert_eq!(k_order_of(&[4, 6], &[&[8, 32]]), vec![1, 0]);
        assert_eq!(k_order_of(&[4, 6], &[&[8, 32], &[0, 8]]), vec![1, 0]);
        // Fortran against C: C wins.
        assert_eq!(k_order_of(&[4, 6], &[&[8, 32], &[48, 8]]), vec![0, 1]);
        // Nothing moves: C order.
        assert_eq!(k_order_of(&[2, 3, 4], &[&[0, 0, 0]]), vec![0, 1, 2]);
        // A 3-d permutation; an axis of length 1 does not count.
        assert_eq!(k_order_of(&[4, 3, 2], &[&[8, 96, 32]]), vec![1, 2, 0]);
        assert_eq!(k_order_of(&[4, 1], &[&[8, 32]]), vec![0, 1]);
    }

    use super::*;

    #[test]
    fn reference_holding_items_are_counted_and_released() {
        use crate::dtype::counted::{counted, retain};
        let owner = std::sync::Arc::new(7u64);
        let count = || std::sync::Arc::strong_count(&owner);
        let a = NdArray::empty(&[4], &counted(), Order::C).unwrap();
        let item = std::sync::Arc::into_raw(owner.clone()) as usize;
        // SAFETY: a holds 4 zeroed pointer items; the first takes the reference made above, the
        // third one more.
        unsafe {
            assert_eq!(std::ptr::read(a.data_ptr() as *const [usize; 4]), [0; 4]);
            std::ptr::write(a.data_ptr() as *mut usize, item);
            std::ptr::write(a.data_ptr().add(16) as *mut usize, retain(a.data_ptr()));
        }
        assert_eq!(count(), 3);
        let b = a.copy(Order::C).unwrap();
        assert_eq!(count(), 5);
        // Overwriting releases what the destination held; a strided view copies its items.
        let c = a.copy(Order::C).unwrap();
        c.assign(&NdArray::empty(&[4], &counted(), Order::C).unwrap())
            .unwrap();
        assert_eq!(count(), 5);
        let v = a
            .view_with(
                a.offset(),
                smallvec::smallvec![2],
                smallvec::smallvec![16],
                counted(),
            )
            .unwrap();
        let w = v.copy(Order::C).unwrap();
        assert_eq!(count(), 7);
        drop((a, w));
        assert_eq!(count(), 5, "a view keeps its buffer's items alive");
        drop((v, b, c));
        assert_eq!(count(), 1);
        // Raw byte copies refuse items that hold references.
        let r = NdArray::empty(&[1], &counted(), Order::C).unwrap();
        assert!(r.astype(&ScalarType::Int64.dtype(), Order::C).is_err());
    }
    use crate::dtype::ScalarType;

    #[test]
    fn layouts_outside_the_buffer_or_overflowing_are_refused() {
        // In bounds, with a negative stride starting at the end.
        assert!(check_layout(80, 72, &[10], &[-8], 8).is_ok());
        // One item past the end; before the start.
        assert!(check_layout(80, 8, &[10], &[8], 8).is_err());
        assert!(check_layout(80, 64, &[10], &[-8], 8).is_err());
        // Strides whose span wraps 64 bits (`ndarray((2**61+1,), 'u4', strides=(2**62,))`).
        assert!(check_layout(64, 8, &[(1 << 61) + 1], &[1 << 62], 4).is_err());
        assert!(check_layout(64, 0, &[3, 1 << 40], &[isize::MAX, 0], 1).is_err());
        // size * itemsize beyond isize, even with zero strides (a broadcast view).
        assert!(check_layout(8, 0, &[1 << 61], &[0], 8).is_err());
        // Empty layouts touch nothing, but their size must still fit.
        assert!(check_layout(0, 0, &[0, 5], &[8, 8], 8).is_ok());
        assert!(check_layout(0, 0, &[0, 1 << 62, 1 << 62], &[0, 0, 0], 8).is_err());
    }

    #[test]
    fn views_pass_the_layout_check() {
        let a = NdArray::zeros(&[4], &ScalarType::Float64.dtype(), Order::C).unwrap();
        assert!(a
            .view_with(
                0,
                [4].into_iter().collect(),
                [8].into_iter().collect(),
                a.dtype().clone()
            )
            .is_ok());
        assert!(a
            .view_with(
                8,
                [4].into_iter().collect(),
                [8].into_iter().collect(),
                a.dtype().clone()
            )
            .is_err());
        assert!(a.strided_view(&[2], &[isize::MAX], 0).is_err());
    }

    #[test]
    fn arrays_of_subarray_dtypes_get_its_axes() {
        use crate::dtype::record::SubArrayDType;
        let d = SubArrayDType::build(ScalarType::UInt32.dtype(), vec![2, 3]).unwrap();
        let a = NdArray::zeros(&[5], &d, Order::C).unwrap();
        assert_eq!(
            (a.shape(), a.dtype().scalar_type()),
            (&[5usize, 2, 3][..], Some(ScalarType::UInt32))
        );
    }

    #[test]
    fn contiguity() {
        assert_eq!(compute_contiguity(&[3, 4], &[32, 8], 8), (true, false));
        assert_eq!(compute_contiguity(&[3, 4], &[8, 24], 8), (false, true));
        assert_eq!(compute_contiguity(&[1, 4], &[999, 8], 8), (true, true));
        assert_eq!(compute_contiguity(&[0, 4], &[3, 1], 8), (true, true));
    }

    #[test]
    fn astype_and_assign_broadcast() {
        let a = NdArray::from_vec(vec![1.5f64, 2.5, -3.5], &[3]).unwrap();
        let b = a.astype(&ScalarType::Int32.dtype(), Order::C).unwrap();
        // SAFETY: b has 3 contiguous i32.
        let v = unsafe { std::slice::from_raw_parts(b.data_ptr() as *const i32, 3) };
        assert_eq!(v, &[1, 2, -3]);
        let z = NdArray::zeros(&[2, 3], &ScalarType::Float64.dtype(), Order::C).unwrap();
        z.assign(&a).unwrap();
        // SAFETY: z has 6 contiguous f64.
        let v = unsafe { std::slice::from_raw_parts(z.data_ptr() as *const f64, 6) };
        assert_eq!(v, &[1.5, 2.5, -3.5, 1.5, 2.5, -3.5]);
    }

    #[test]
    fn too_big_is_value_error() {
        let e = NdArray::empty(&[usize::MAX / 2, 4], &ScalarType::Float64.dtype(), Order::C)
            .err()
            .unwrap();
        assert!(matches!(e, Error::Value(_)));
    }
}
