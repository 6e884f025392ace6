//! Advanced ("fancy") indexing resolved to element positions: the shape NumPy gives
//! `a[index]` and the byte offset of each of its elements in `a`, in C order. Gathering,
//! scattering and `ufunc.at` are walks over these offsets.
//!
//! NumPy's rules: integer arrays (and integers, once an array is present) broadcast together;
//! their dimensions replace the indexed ones where they stand when they are adjacent, and go
//! first otherwise; boolean arrays stand for the integer arrays of their nonzero positions.

use super::index::{slice_indices, IndexItem};
use super::{NdArray, Order};
use crate::dtype::ScalarType;
use crate::error::{Error, Result};

/// One item of an index.
#[derive(Clone)]
pub enum Fancy {
    Basic(IndexItem),
    /// Integer positions (any integer dtype).
    Indices(NdArray),
    /// A boolean mask over as many axes as it has dimensions.
    Mask(NdArray),
}

/// Where the elements of `a[index]` are.
pub struct Positions {
    pub shape: Vec<usize>,
    /// Byte offsets from `a.data_ptr()`, one per element of `shape` in C order.
    pub offsets: Vec<isize>,
    /// The first index out of bounds, when the positions were resolved with the bounds error
    /// deferred (the offsets are then not to be used).
    pub out_of_bounds: Option<crate::Error>,
}

/// One advanced index: its int64 values, the stride and length of the axis it indexes.
struct AdvIndex {
    vals: NdArray,
    stride: isize,
    axis: usize,
    n: i64,
}

/// One output axis: `len` steps of `stride` bytes, or the broadcast advanced indices.
enum Axis {
    Plain { len: usize, stride: isize },
    Advanced,
}

/// Room for `n` offsets, or MemoryError (an index can describe more elements than fit).
fn offsets_vec(v: &mut Vec<isize>, n: usize) -> Result<()> {
    v.try_reserve_exact(n).map_err(|_| {
        crate::Error::Memory(format!(
            "Unable to allocate {} bytes for the positions of an index",
            n.saturating_mul(std::mem::size_of::<isize>())
        ))
    })
}

impl NdArray {
    /// The shape and element offsets of `self[items]`; an index out of bounds is an error.
    pub fn fancy_positions(&self, items: &[Fancy]) -> Result<Positions> {
        let mut p = self.fancy_positions_deferred(items)?;
        match p.out_of_bounds.take() {
            Some(e) => Err(e),
            None => Ok(p),
        }
    }

    /// As [`Self::fancy_positions`], with an index out of bounds reported in
    /// `out_of_bounds` instead (NumPy checks the value's shape against the result's first).
    pub fn fancy_positions_deferred(&self, items: &[Fancy]) -> Result<Positions> {
        let mut oob: Option<crate::Error> = None;
        // How many axes each item takes (a mask as many as it has dimensions), so that an
        // Ellipsis can be expanded first.
        let takes = |it: &Fancy| match it {
            Fancy::Basic(IndexItem::NewAxis) | Fancy::Basic(IndexItem::Ellipsis) => 0,
            Fancy::Mask(m) => m.ndim(),
            _ => 1,
        };
        let consumed: usize = items.iter().map(takes).sum();
        ensure!(
            consumed <= self.ndim(),
            Index,
            "too many indices for array: array is {}-dimensional, but {} were indexed",
            self.ndim(),
            consumed
        );
        let ell = items
            .iter()
            .filter(|i| matches!(i, Fancy::Basic(IndexItem::Ellipsis)))
            .count();
        ensure!(
            ell <= 1,
            Index,
            "an index can only have a single ellipsis ('...')"
        );
        let full = || {
            Fancy::Basic(IndexItem::Slice {
                start: None,
                stop: None,
                step: 1,
            })
        };
        let mut with_axes: Vec<Fancy> = Vec::new();
        for it in items {
            if matches!(it, Fancy::Basic(IndexItem::Ellipsis)) {
                with_axes.extend((0..self.ndim() - consumed).map(|_| full()));
            } else {
                with_axes.push(it.clone());
            }
        }
        if ell == 0 {
            with_axes.extend((0..self.ndim() - consumed).map(|_| full()));
        }
        // Masks become the integer arrays of their nonzero positions (a 0-d mask stays: it
        // adds an axis of length 1 or 0 and takes none).
        let mut flat: Vec<Fancy> = Vec::with_capacity(with_axes.len());
        let mut dim = 0usize;
        for it in with_axes {
            match it {
                Fancy::Mask(ref m) if m.ndim() > 0 => {
                    for j in 0..m.ndim() {
                        let have = self.shape()[dim + j];
                        ensure!(
                            m.shape()[j] == have,
                            Index,
                            "boolean index did not match indexed array along axis {}; size of axis is {} but size of corresponding boolean axis is {}",
                            dim + j,
                            have,
                            m.shape()[j]
                        );
                    }
                    let bools = m.astype(&ScalarType::Bool.dtype(), Order::C)?;
                    // SAFETY: a fresh C-contiguous bool array.
                    let flags = unsafe {
                        std::slice::from_raw_parts(bools.data_ptr() as *const u8, bools.size())
                    };
                    // Counted first, so the coordinates are allocated once and fallibly.
                    let count = flags.iter().filter(|&&f| f != 0).count();
                    let mut coords: Vec<Vec<i64>> = Vec::with_capacity(m.ndim());
                    for _ in 0..m.ndim() {
                        let mut c = Vec::new();
                        c.try_reserve_exact(count).map_err(|_| {
                            Error::Memory(format!(
                                "Unable to allocate {} bytes for the positions of a mask",
                                count.saturating_mul(8)
                            ))
                        })?;
                        coords.push(c);
                    }
                    let mut idx = vec![0usize; m.ndim()];
                    for &f in flags {
                        if f != 0 {
                            for (c, &i) in coords.iter_mut().zip(idx.iter()) {
                                c.push(i as i64);
                            }
                        }
                        for j in (0..m.ndim()).rev() {
                            idx[j] += 1;
                            if idx[j] < m.shape()[j] {
                                break;
                            }
                            idx[j] = 0;
                        }
                    }
                    for c in coords {
                        let n = c.len();
                        flat.push(Fancy::Indices(NdArray::from_vec(c, &[n])?));
                    }
                    dim += m.ndim();
                }
                Fancy::Basic(IndexItem::Slice { step: 0, .. }) => {
                    bail!(Value, "slice step cannot be zero")
                }
                other => {
                    dim += takes(&other);
                    flat.push(other);
                }
            }
        }
        let any_array = flat
            .iter()
            .any(|i| matches!(i, Fancy::Indices(_) | Fancy::Mask(_)));

        // Walk the items: plain axes, a base offset, and the advanced indices.
        let mut base: isize = 0;
        let mut axes: Vec<Axis> = Vec::new();
        let mut adv: Vec<AdvIndex> = Vec::new();
        let mut adv_at: Vec<usize> = Vec::new(); // item positions of advanced indices
        let mut d = 0usize;
        for (pos, it) in flat.iter().enumerate() {
            match it {
                Fancy::Basic(IndexItem::NewAxis) => axes.push(Axis::Plain { len: 1, stride: 0 }),
                Fancy::Basic(IndexItem::Slice { start, stop, step }) => {
                    let (s0, st, len) = slice_indices(*start, *stop, *step, self.shape()[d]);
                    base += s0 * self.strides()[d];
                    axes.push(Axis::Plain {
                        len,
                        stride: st * self.strides()[d],
                    });
                    d += 1;
                }
                Fancy::Basic(IndexItem::Int(i)) if !any_array => {
                    let n = self.shape()[d] as isize;
                    let k = if *i < 0 { i + n } else { *i };
                    ensure!(
                        k >= 0 && k < n,
                        Index,
                        "index {} is out of bounds for axis {} with size {}",
                        i,
                        d,
                        n
                    );
                    base += k * self.strides()[d];
                    d += 1;
                }
                Fancy::Basic(IndexItem::Int(i)) => {
                    let vals = NdArray::from_vec(vec![*i as i64], &[])?;
                    adv.push(AdvIndex {
                        vals,
                        stride: self.strides()[d],
                        axis: d,
                        n: self.shape()[d] as i64,
                    });
                    adv_at.push(pos);
                    d += 1;
                }
                Fancy::Indices(a) => {
                    let vals = a.contiguous_as(ScalarType::Int64)?;
                    adv.push(AdvIndex {
                        vals,
                        stride: self.strides()[d],
                        axis: d,
                        n: self.shape()[d] as i64,
                    });
                    adv_at.push(pos);
                    d += 1;
                }
                Fancy::Mask(m) => {
                    // 0-d: a new axis of length 1 (True) or 0 (False), taking no axis.
                    let t = m.astype(&ScalarType::Bool.dtype(), Order::C)?;
                    // SAFETY: a fresh one-item bool array.
                    let len = usize::from(unsafe { *t.data_ptr() } != 0);
                    let vals = NdArray::from_vec(vec![0i64; len], &[len])?;
                    adv.push(AdvIndex {
                        vals,
                        stride: 0,
                        axis: d,
                        n: 1,
                    });
                    adv_at.push(pos);
                }
                Fancy::Basic(IndexItem::Ellipsis) => unreachable!("expanded above"),
            }
            if let Some(p) = adv_at.last() {
                if *p == pos && adv_at.len() == 1 {
                    axes.push(Axis::Advanced);
                }
            }
        }
        // The advanced indices broadcast together; their offsets, in C order.
        let shapes: Vec<&[usize]> = adv.iter().map(|a| a.vals.shape()).collect();
        let bshape = super::broadcast_shapes(&shapes).map_err(|_| {
            let list: Vec<String> = shapes.iter().map(|s| super::shape_repr_c(s)).collect();
            crate::Error::Index(format!(
                "shape mismatch: indexing arrays could not be broadcast together with shapes {} ",
                list.join(" ")
            ))
        })?;
        let nadv = super::checked_size(&bshape)?;
        let mut adv_off: Vec<isize> = Vec::new();
        if !adv.is_empty() {
            offsets_vec(&mut adv_off, nadv)?;
            adv_off.resize(nadv, 0);
        }
        for a in &adv {
            // SAFETY: contiguous_as gives an aligned C-contiguous int64 array.
            let vals = unsafe {
                std::slice::from_raw_parts(a.vals.data_ptr() as *const i64, a.vals.size())
            };
            let (n, stride) = (a.n, a.stride);
            // An index counted from the end, or the first one out of bounds recorded (and 0).
            let mut place = |v: i64| -> isize {
                if let Some(j) = super::index::wrap_index(v, n) {
                    j as isize * stride
                } else {
                    if oob.is_none() {
                        oob = Some(crate::Error::Index(format!(
                            "index {} is out of bounds for axis {} with size {}",
                            v, a.axis, n
                        )));
                    }
                    0
                }
            };
            if vals.len() == nadv {
                // Not broadcast (the common case): element k of the index is element k here.
                for (o, &v) in adv_off.iter_mut().zip(vals) {
                    *o += place(v);
                }
                continue;
            }
            // Broadcast strides (in elements) of this index array within bshape.
            let shape = a.vals.shape();
            let nd = bshape.len();
            let mut es = vec![0usize; nd];
            let mut acc = 1usize;
            for j in (0..shape.len()).rev() {
                let bj = nd - shape.len() + j;
                es[bj] = if shape[j] == 1 { 0 } else { acc };
                acc *= shape[j];
            }
            let mut idx = vec![0usize; nd];
            for o in adv_off.iter_mut() {
                let src: usize = idx.iter().zip(&es).map(|(i, s)| i * s).sum();
                *o += place(vals[src]);
                for j in (0..nd).rev() {
                    idx[j] += 1;
                    if idx[j] < bshape[j] {
                        break;
                    }
                    idx[j] = 0;
                }
            }
        }
        // Where the advanced dimensions go: in place when adjacent, else first.
        let adjacent = adv_at.windows(2).all(|w| w[1] == w[0] + 1);
        if !adv.is_empty() && !adjacent {
            axes.retain(|a| !matches!(a, Axis::Advanced));
            axes.insert(0, Axis::Advanced);
        }
        let mut shape: Vec<usize> = Vec::new();
        for a in &axes {
            match a {
                Axis::Plain { len, .. } => shape.push(*len),
                Axis::Advanced => shape.extend(&bshape),
            }
        }
        // Offsets in C order: expand axis by axis (the advanced ones as one), so each step is
        // a flat loop over the offsets so far.
        let lens: Vec<usize> = axes
            .iter()
            .map(|a| match a {
                Axis::Plain { len, .. } => *len,
                Axis::Advanced => nadv,
            })
            .collect();
        super::checked_size(&lens)?;
        if let [Axis::Advanced] = axes.as_slice() {
            // Only the advanced axes: their offsets are the positions.
            for o in adv_off.iter_mut() {
                *o += base;
            }
            return Ok(Positions {
                shape,
                offsets: adv_off,
                out_of_bounds: oob,
            });
        }
        let mut offsets: Vec<isize> = vec![base];
        for (a, &len) in axes.iter().zip(&lens) {
            let mut next = Vec::new();
            offsets_vec(&mut next, offsets.len() * len)?;
            match a {
                Axis::Plain { stride, .. } => {
                    for &o in &offsets {
                        next.extend((0..len as isize).map(|i| o + i * stride));
                    }
                }
                Axis::Advanced => {
                    for &o in &offsets {
                        next.extend(adv_off.iter().map(|&x| o + x));
                    }
                }
            }
            offsets = next;
        }
        Ok(Positions {
            shape,
            offsets,
            out_of_bounds: oob,
        })
    }

    /// The 0-d view of the element at byte offset `off` from `data_ptr()`.
    pub fn element_view(&self, off: isize) -> Result<NdArray> {
        let start = usize::try_from(self.offset() as isize + off)
            .map_err(|_| Error::Index("element outside the array".into()))?;
        self.view_with(
            start,
            Default::default(),
            Default::default(),
            self.dtype().clone(),
        )
    }
}
