//! Advanced indexing, get and set: gathering `a[index]` into a new array and scattering values
//! into `a[index] = v`, with NumPy's semantics (array/fancy.rs resolves where the elements
//! are). Fast paths walk memory directly for the common forms: a boolean mask over the whole
//! array, and one integer array on the first axis of a C-contiguous array (rows); both run on
//! all cores when large. Every index is checked before anything is written.

use rayon::prelude::*;

use super::fancy::Fancy;
use super::index::{wrap_index, IndexItem};
use super::{NdArray, Order};
use crate::dtype::ScalarType;
use crate::error::Result;

use crate::loops::blocked::{copy_item, SendPtr};
use crate::loops::PAR_THRESHOLD_BYTES;

/// The chunk length for splitting `len` items across the cores when the work (`bytes`) is
/// large enough to pay, or None to run on one core.
fn par_chunk(bytes: usize, len: usize, min: usize) -> Option<usize> {
    let t = rayon::current_num_threads();
    (bytes >= PAR_THRESHOLD_BYTES && t > 1).then(|| (len / (4 * t)).max(min))
}

/// A mask's flags as bytes (0/1) of an aligned C-contiguous bool array.
fn mask_flags(m: &NdArray) -> Result<NdArray> {
    m.contiguous_as(ScalarType::Bool)
}

impl NdArray {
    /// A view of the same buffer with another shape, strides (bytes) and start (bytes from
    /// this array's first element), checked to stay inside the buffer (NumPy's `as_strided`,
    /// made safe). The base of `diagonal`, `broadcast_to` and sliding windows.
    pub fn strided_view(
        &self,
        shape: &[usize],
        strides: &[isize],
        offset: isize,
    ) -> Result<NdArray> {
        // Element 0 must lie in the buffer (unless nothing is read); `view_with` checks the
        // rest of the layout with overflow-free arithmetic.
        let start = (self.offset() as isize)
            .checked_add(offset)
            .filter(|&s| s >= 0 || shape.contains(&0))
            .ok_or_else(|| {
                crate::Error::Value("the requested view does not fit in the array's memory".into())
            })?;
        self.view_with(
            start.max(0) as usize,
            shape.into(),
            strides.into(),
            self.dtype().clone(),
        )
    }

    /// The gathers and scatters here copy items as bytes: refused for items that hold
    /// references (they would need counting).
    fn plain_items(&self) -> Result<()> {
        ensure!(
            !self.dtype().flags().holds_refs,
            NotImplemented,
            "advanced indexing of {:?} items, which hold references",
            self.dtype()
        );
        Ok(())
    }

    /// `self[items]` for an index with integer or boolean arrays: a new C-ordered array.
    /// Items holding references are copied as bytes, then each takes its reference.
    pub fn take_fancy(&self, items: &[Fancy]) -> Result<NdArray> {
        let out = self.take_fancy_bytes(items)?;
        if self.dtype().flags().holds_refs {
            // SAFETY: `out` is a fresh C-ordered array of byte copies of our items.
            unsafe {
                out.dtype()
                    .0
                    .retain(out.data_ptr(), self.itemsize() as isize, out.size())
            };
        }
        Ok(out)
    }

    fn take_fancy_bytes(&self, items: &[Fancy]) -> Result<NdArray> {
        if let [Fancy::Mask(m)] = items {
            if m.ndim() > 0 && m.shape() == self.shape() {
                return self.take_mask(m);
            }
        }
        if let Some(idx) = self.rows_index(items) {
            return self.take_rows(&idx);
        }
        let pos = self.fancy_positions(items)?;
        let out = NdArray::empty(&pos.shape, self.dtype(), Order::C)?;
        let size = self.itemsize();
        let (src, dst) = (SendPtr(self.data_ptr()), SendPtr(out.data_ptr()));
        let body = |(k, &o): (usize, &isize)| {
            let (src, dst) = (src, dst);
            // SAFETY: fancy_positions gives offsets of elements of `self`; k < out.size().
            unsafe { copy_item(src.0.offset(o), dst.0.add(k * size), size) }
        };
        if out.nbytes() >= PAR_THRESHOLD_BYTES {
            pos.offsets
                .par_iter()
                .enumerate()
                .with_min_len(1 << 14)
                .for_each(body);
        } else {
            pos.offsets.iter().enumerate().for_each(body);
        }
        Ok(out)
    }

    /// `self[items] = values`: `values` (already of `self`'s dtype or castable) broadcast to
    /// the shape of `self[items]`, written in index order (a repeated position keeps the last
    /// value). Nothing is written unless every index is valid.
    pub fn put_fancy(&self, items: &[Fancy], values: &NdArray) -> Result<()> {
        self.check_writeable()?;
        // Items holding references go one by one through the family's counting copy.
        let refs = self.dtype().flags().holds_refs;
        if let (false, [Fancy::Mask(m)]) = (refs, items) {
            // One mask over the whole array: NumPy's boolean assignment, 0-d or 1-d values.
            if m.shape() == self.shape() {
                ensure!(
                    values.ndim() <= 1,
                    Type,
                    "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has {} dimensions",
                    values.ndim()
                );
                if m.ndim() > 0 {
                    return self.put_mask(m, values);
                }
            }
        }
        if let Some(idx) = self.rows_index(items).filter(|_| !refs) {
            return self.put_rows(&idx, values);
        }
        let mut pos = self.fancy_positions_deferred(items)?;
        // One value for every position is written as it is, not broadcast out first.
        let single = values.size() == 1;
        let vals = if single {
            self.values_for(values, &[])?
        } else {
            self.values_for(values, &pos.shape)?
        };
        if let Some(e) = pos.out_of_bounds.take() {
            return Err(e);
        }
        let size = self.itemsize();
        let (dst, src) = (self.data_ptr(), vals.data_ptr());
        let step = if single { 0 } else { size };
        if refs {
            let copy = crate::dtype::cast::Transfer::new(self.dtype(), self.dtype())?;
            for (k, &o) in pos.offsets.iter().enumerate() {
                // SAFETY: as below; the copy counts the references it writes and drops.
                unsafe { copy.run(src.add(k * step), 0, dst.offset(o), 0, 1) }?;
            }
            return Ok(());
        }
        for (k, &o) in pos.offsets.iter().enumerate() {
            // SAFETY: offsets address elements of `self`; `vals` is a fresh C-ordered array of
            // pos.offsets.len() items (or one item, read at every k).
            unsafe { copy_item(src.add(k * step), dst.offset(o), size) };
        }
        Ok(())
    }

    /// `values` cast to our dtype and broadcast to `shape` (NumPy's setitem rule), as a fresh
    /// C-ordered array (so it cannot alias `self`).
    fn values_for(&self, values: &NdArray, shape: &[usize]) -> Result<NdArray> {
        let v = values.drop_leading_units(shape.len()).broadcast_to(shape).map_err(|_| {
            crate::Error::Value(format!(
                "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
                tight_shape(values.shape()),
                tight_shape(shape)
            ))
        })?;
        let out = NdArray::empty(shape, self.dtype(), Order::C)?;
        out.assign(&v)?;
        Ok(out)
    }

    /// One integer array on the first axis, the rest whole, of a C-contiguous array.
    fn rows_index(&self, items: &[Fancy]) -> Option<NdArray> {
        let (first, rest) = items.split_first()?;
        let Fancy::Indices(idx) = first else {
            return None;
        };
        if self.ndim() == 0 || !self.is_c_contiguous() || rest.len() >= self.ndim() {
            return None;
        }
        let mut ellipses = 0;
        for (k, it) in rest.iter().enumerate() {
            match it {
                Fancy::Basic(IndexItem::Ellipsis) => ellipses += 1,
                Fancy::Basic(IndexItem::Slice {
                    start,
                    stop,
                    step: 1,
                }) if matches!(start, None | Some(0))
                    && stop.is_none_or(|s| s >= self.shape()[k + 1] as isize) => {}
                _ => return None,
            }
        }
        (ellipses <= 1).then(|| idx.clone())
    }

    /// Gather whole rows (items along the first axis) of a C-contiguous array.
    fn take_rows(&self, idx: &NdArray) -> Result<NdArray> {
        let idx = idx.contiguous_as(ScalarType::Int64)?;
        // SAFETY: a C-contiguous int64 array.
        let ix = unsafe { std::slice::from_raw_parts(idx.data_ptr() as *const i64, idx.size()) };
        let n = self.shape()[0] as i64;
        let mut shape = idx.shape().to_vec();
        shape.extend_from_slice(&self.shape()[1..]);
        let out = NdArray::empty(&shape, self.dtype(), Order::C)?;
        let row = self.itemsize() * self.shape()[1..].iter().product::<usize>();
        let bad = |i: i64| {
            crate::Error::Index(format!(
                "index {i} is out of bounds for axis 0 with size {n}"
            ))
        };
        let (src, dst) = (SendPtr(self.data_ptr()), SendPtr(out.data_ptr()));
        let gather = |k0: usize, part: &[i64]| -> std::result::Result<(), i64> {
            let (src, dst) = (src, dst);
            // SAFETY: gather_rows checks every index against n rows of `self`; `out` holds
            // idx.size() rows from k0 on.
            unsafe {
                match row {
                    8 => gather_rows::<u64>(src.0, dst.0, k0, part, n),
                    4 => gather_rows::<u32>(src.0, dst.0, k0, part, n),
                    _ => gather_rows_bytes(src.0, dst.0, k0, part, n, row),
                }
            }
        };
        let r = match par_chunk(out.nbytes(), ix.len(), 1 << 12) {
            Some(chunk) => ix
                .par_chunks(chunk)
                .enumerate()
                .try_for_each(|(c, part)| gather(c * chunk, part)),
            None => gather(0, ix),
        };
        r.map_err(bad)?;
        Ok(out)
    }

    /// `self[idx] = values` for whole rows of a C-contiguous array: every index checked
    /// first, then the rows written in index order (a repeated row keeps the last value).
    fn put_rows(&self, idx: &NdArray, values: &NdArray) -> Result<()> {
        let mut idx = idx.contiguous_as(ScalarType::Int64)?;
        if idx.may_share_memory(self) {
            // `a[a] = v`: the writes must not change the indices still to be read.
            idx = idx.copy(Order::C)?;
        }
        // SAFETY: a C-contiguous int64 array.
        let ix = unsafe { std::slice::from_raw_parts(idx.data_ptr() as *const i64, idx.size()) };
        let n = self.shape()[0] as i64;
        let mut shape = idx.shape().to_vec();
        shape.extend_from_slice(&self.shape()[1..]);
        let row = self.itemsize() * self.shape()[1..].iter().product::<usize>();
        // One value for everything is broadcast to one row, copied to each indexed row.
        let single = values.size() == 1;
        let vals = self.values_for(values, if single { &self.shape()[1..] } else { &shape })?;
        if let Some(&bad) = ix.iter().find(|&&i| wrap_index(i, n).is_none()) {
            bail!(
                Index,
                "index {} is out of bounds for axis 0 with size {}",
                bad,
                n
            );
        }
        let (dst, src) = (self.data_ptr(), vals.data_ptr());
        let step = if single { 0 } else { row };
        for (k, &i) in ix.iter().enumerate() {
            // Every index was checked above and `ix` cannot change (it was copied if it shared
            // memory with `self`); the fallback keeps the loop panic-free and in bounds.
            let j = wrap_index(i, n).unwrap_or(0);
            // SAFETY: 0 <= j < n rows of `self`; `vals` holds one row or idx.size() rows.
            unsafe {
                let (s, d) = (src.add(k * step), dst.add(j * row));
                if row <= 16 {
                    copy_item(s, d, row)
                } else {
                    std::ptr::copy_nonoverlapping(s, d, row)
                }
            }
        }
        Ok(())
    }

    /// `np.take_along_axis(self, idx, axis)`: `idx` and `self` broadcast in the other axes.
    pub fn take_along_axis(&self, idx: &NdArray, axis: usize) -> Result<NdArray> {
        self.plain_items()?;
        ensure!(
            idx.ndim() == self.ndim(),
            Value,
            "`indices` and `arr` must have the same number of dimensions"
        );
        let nd = self.ndim();
        ensure!(
            axis < nd,
            Axis,
            "axis {} is out of bounds for array of dimension {}",
            axis,
            nd
        );
        let mut shape = vec![0usize; nd];
        #[allow(clippy::needless_range_loop)] // d also indexes both operands' shapes
        for d in 0..nd {
            let (a, b) = (self.shape()[d], idx.shape()[d]);
            shape[d] = if d == axis {
                b
            } else if a == b || b == 1 {
                a
            } else if a == 1 {
                b
            } else {
                bail!(
                    Index,
                    "shape mismatch: indexing arrays could not be broadcast together with shapes {} {} ",
                    super::shape_repr_c(self.shape()),
                    super::shape_repr_c(idx.shape())
                );
            };
        }
        let ix = idx.contiguous_as(ScalarType::Int64)?;
        let ix = ix.broadcast_to(&shape)?;
        let out = NdArray::empty(&shape, self.dtype(), Order::C)?;
        if out.size() == 0 {
            return Ok(out);
        }
        let n = self.shape()[axis] as i64;
        // Source strides in the broadcast shape (0 along broadcast axes), and the axis stride.
        let sst: Vec<isize> = (0..nd)
            .map(|d| {
                if d == axis || self.shape()[d] == 1 {
                    0
                } else {
                    self.strides()[d]
                }
            })
            .collect();
        let ast = self.strides()[axis];
        let size = self.itemsize();
        let inner = shape[nd - 1];
        let outer = out.size() / inner;
        let (src, dst, ip) = (
            SendPtr(self.data_ptr()),
            SendPtr(out.data_ptr()),
            SendPtr(ix.data_ptr()),
        );
        let ist: Vec<isize> = ix.strides().to_vec();
        let line = |o: usize| -> std::result::Result<(), i64> {
            let (src, dst, ip) = (src, dst, ip);
            // The coordinates of line o (all axes but the last).
            let mut rem = o;
            let (mut so, mut io) = (0isize, 0isize);
            for d in (0..nd - 1).rev() {
                let c = rem % shape[d];
                rem /= shape[d];
                so += c as isize * sst[d];
                io += c as isize * ist[d];
            }
            let (s_last, i_last) = (sst[nd - 1], ist[nd - 1]);
            for k in 0..inner {
                // SAFETY: io walks the broadcast index array; so stays within `self` once the
                // index is in bounds; o * inner + k < out.size().
                unsafe {
                    let i = *(ip.0.offset(io + k as isize * i_last) as *const i64);
                    let j = wrap_index(i, n).ok_or(i)?;
                    let p = src.0.offset(so + k as isize * s_last + j as isize * ast);
                    copy_item(p, dst.0.add((o * inner + k) * size), size);
                }
            }
            Ok(())
        };
        let r = match par_chunk(out.nbytes(), outer, 64) {
            Some(_) => (0..outer)
                .into_par_iter()
                .with_min_len(64)
                .try_for_each(line),
            None => (0..outer).try_for_each(line),
        };
        r.map_err(|i| {
            crate::Error::Index(format!(
                "index {i} is out of bounds for axis {axis} with size {n}"
            ))
        })?;
        Ok(out)
    }

    /// `self[mask]` with a mask of `self`'s shape: the chosen items in C order.
    fn take_mask(&self, m: &NdArray) -> Result<NdArray> {
        let m = mask_flags(m)?;
        // SAFETY: a C-contiguous bool array (bytes 0/1).
        let flags = unsafe { std::slice::from_raw_parts(m.data_ptr() as *const u8, m.size()) };
        let src = if self.is_c_contiguous() {
            self.clone()
        } else {
            self.copy(Order::C)?
        };
        let size = self.itemsize();
        let par_at = par_chunk(self.nbytes(), flags.len(), 1 << 14);
        let par = par_at.is_some();
        let chunk = par_at.unwrap_or(flags.len().max(1));
        // Count per chunk, then each chunk copies to its own place.
        let counts: Vec<usize> = if par {
            flags.par_chunks(chunk).map(count_true).collect()
        } else {
            flags.chunks(chunk).map(count_true).collect()
        };
        let total: usize = counts.iter().sum();
        let out = NdArray::empty(&[total], self.dtype(), Order::C)?;
        let mut starts = Vec::with_capacity(counts.len());
        let mut acc = 0usize;
        for c in &counts {
            starts.push(acc);
            acc += c;
        }
        let (s, d) = (SendPtr(src.data_ptr()), SendPtr(out.data_ptr()));
        let body = |(c, part): (usize, &[u8])| {
            let (s, d) = (s, d);
            let w = starts[c];
            let base = c * chunk;
            // SAFETY: base + k < size of `src` for k in `part`; this chunk writes exactly its
            // own counts[c] items from starts[c] on.
            unsafe {
                let (src, dst) = (s.0.add(base * size), d.0.add(w * size));
                match size {
                    8 => compress_masked::<u64>(src, part, dst),
                    4 => compress_masked::<u32>(src, part, dst),
                    2 => compress_masked::<u16>(src, part, dst),
                    1 => compress_masked::<u8>(src, part, dst),
                    _ => {
                        let mut w = 0usize;
                        for (k, &f) in part.iter().enumerate() {
                            if f != 0 {
                                copy_item(src.add(k * size), dst.add(w * size), size);
                                w += 1;
                            }
                        }
                    }
                }
            }
        };
        if par {
            flags.par_chunks(chunk).enumerate().for_each(body);
        } else {
            flags.chunks(chunk).enumerate().for_each(body);
        }
        Ok(out)
    }

    /// `self[mask] = values` with a mask of `self`'s shape: one value for all, or one per
    /// chosen item in C order.
    fn put_mask(&self, m: &NdArray, values: &NdArray) -> Result<()> {
        let m = mask_flags(m)?;
        // SAFETY: a C-contiguous bool array.
        let flags = unsafe { std::slice::from_raw_parts(m.data_ptr() as *const u8, m.size()) };
        let total = count_true(flags);
        // One value for all is kept as one item, not broadcast to every chosen position.
        let one = values.size() == 1;
        let n_vals = [total];
        let vals = self.values_for(values, if one { &[] } else { &n_vals })?;
        let size = self.itemsize();
        if self.is_c_contiguous() {
            let (dst, src) = (SendPtr(self.data_ptr()), SendPtr(vals.data_ptr()));
            if one && total > 0 {
                let body = |(c, part): (usize, &[u8]), chunk: usize| {
                    let (dst, src) = (dst, src);
                    // SAFETY: c * chunk + k < size of `self` for every k of `part`; vals
                    // holds an item.
                    unsafe {
                        let d = dst.0.add(c * chunk * size);
                        match size {
                            8 => fill_masked::<u64>(d, part, src.0),
                            4 => fill_masked::<u32>(d, part, src.0),
                            2 => fill_masked::<u16>(d, part, src.0),
                            1 => fill_masked::<u8>(d, part, src.0),
                            _ => {
                                for (k, &f) in part.iter().enumerate() {
                                    if f != 0 {
                                        copy_item(src.0, d.add(k * size), size);
                                    }
                                }
                            }
                        }
                    }
                };
                match par_chunk(self.nbytes(), flags.len(), 1 << 14) {
                    Some(chunk) => flags
                        .par_chunks(chunk)
                        .enumerate()
                        .for_each(|x| body(x, chunk)),
                    None => body((0, flags), flags.len()),
                }
                return Ok(());
            }
            let step = if one { 0 } else { size };
            let mut w = 0usize;
            for (k, &f) in flags.iter().enumerate() {
                if f != 0 {
                    // SAFETY: k < size of `self`; w < total items of `vals` (or one item).
                    unsafe { copy_item(src.0.add(w * step), dst.0.add(k * size), size) };
                    w += 1;
                }
            }
            return Ok(());
        }
        // Any layout: walk our elements in C order alongside the flags.
        let mut k = 0usize;
        let mut w = 0usize;
        let (dst, src) = (self.data_ptr(), vals.data_ptr());
        let step = if one { 0 } else { size };
        crate::loops::for_each_line1(self.shape(), self.strides(), dst, true, |p, n, s| {
            for i in 0..n {
                if flags[k + i] != 0 {
                    // SAFETY: the walker stays inside `self`; w < total (or one item).
                    unsafe { copy_item(src.add(w * step), p.offset(i as isize * s), size) };
                    w += 1;
                }
            }
            k += n;
        });
        Ok(())
    }
}

/// Gather rows of one `T` each: `dst[k0 + k] = src[part[k]]` (negative indices from the end).
/// Returns the first index out of `0..n` (nothing after it is written).
///
/// # Safety
/// `src` holds `n` items of `T`, `dst` at least `k0 + part.len()`.
#[inline]
unsafe fn gather_rows<T: Copy>(
    src: *const u8,
    dst: *mut u8,
    k0: usize,
    part: &[i64],
    n: i64,
) -> std::result::Result<(), i64> {
    let (s, d) = (src as *const T, dst as *mut T);
    for (k, &i) in part.iter().enumerate() {
        let j = wrap_index(i, n).ok_or(i)?;
        // SAFETY: 0 <= j < n; k0 + k is inside `dst` (the caller's guarantee).
        unsafe { d.add(k0 + k).write_unaligned(s.add(j).read_unaligned()) };
    }
    Ok(())
}

/// As [`gather_rows`] for rows of `row` bytes.
///
/// # Safety
/// `src` holds `n` rows, `dst` at least `k0 + part.len()`.
unsafe fn gather_rows_bytes(
    src: *const u8,
    dst: *mut u8,
    k0: usize,
    part: &[i64],
    n: i64,
    row: usize,
) -> std::result::Result<(), i64> {
    for (k, &i) in part.iter().enumerate() {
        let j = wrap_index(i, n).ok_or(i)?;
        // SAFETY: 0 <= j < n rows; k0 + k rows of `dst` (the caller's guarantee).
        unsafe {
            let (s, d) = (src.add(j * row), dst.add((k0 + k) * row));
            if row <= 16 {
                copy_item(s, d, row)
            } else {
                std::ptr::copy_nonoverlapping(s, d, row)
            }
        }
    }
    Ok(())
}

/// `dst[k] = v` where `flags[k]`, branch-free (a select per item, which vectorises; random
/// masks would otherwise mispredict half the time).
///
/// # Safety
/// `dst` holds `flags.len()` items of `T` (any alignment); `v` points at one `T`.
#[inline]
unsafe fn fill_masked<T: Copy>(dst: *mut u8, flags: &[u8], v: *const u8) {
    let d = dst as *mut T;
    // SAFETY: the caller's guarantees.
    unsafe {
        let v = (v as *const T).read_unaligned();
        for (k, &f) in flags.iter().enumerate() {
            let p = d.add(k);
            let old = p.read_unaligned();
            p.write_unaligned(if f != 0 { v } else { old });
        }
    }
}

/// `dst[..] = src[k]` for the `k` where `flags[k]`, in order, branch-free: every item up to
/// the last chosen one is written at the current end and the end advances by the flag.
///
/// # Safety
/// `src` holds `flags.len()` items of `T`, `dst` as many as `flags` has true ones; items may
/// be unaligned.
#[inline]
unsafe fn compress_masked<T: Copy>(src: *const u8, flags: &[u8], dst: *mut u8) {
    let (s, d) = (src as *const T, dst as *mut T);
    // Past the last chosen item nothing is written (the write at the end would overrun).
    let last = match flags.iter().rposition(|&f| f != 0) {
        Some(l) => l,
        None => return,
    };
    let mut w = 0usize;
    for (k, &f) in flags[..=last].iter().enumerate() {
        // SAFETY: w < number of true flags up to `last` (one more true one is still to come
        // when f is false), so the write stays inside `dst`.
        unsafe { d.add(w).write_unaligned(s.add(k).read_unaligned()) };
        w += (f != 0) as usize;
    }
}

fn count_true(f: &[u8]) -> usize {
    crate::kernels::count_nonzero_bytes(f)
}

/// A shape as NumPy prints it in indexing messages: `(2,1)`, `(3,)`, `()`.
fn tight_shape(s: &[usize]) -> String {
    match s {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            s.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_compress_and_fill() {
        // Chosen items in order; nothing written past the chosen count.
        let src: Vec<u64> = (10..18).collect();
        let flags = [0u8, 1, 1, 0, 0, 1, 0, 0];
        let mut dst = [0u64; 4];
        // SAFETY: 8 source items, 3 chosen, room for 4.
        unsafe { compress_masked::<u64>(src.as_ptr() as _, &flags, dst.as_mut_ptr() as _) };
        assert_eq!(dst, [11, 12, 15, 0]);
        let mut a: Vec<u32> = (0..8).collect();
        let v = 99u32;
        // SAFETY: 8 items, one value.
        unsafe { fill_masked::<u32>(a.as_mut_ptr() as _, &flags, &v as *const u32 as _) };
        assert_eq!(a, [0, 99, 99, 3, 4, 99, 6, 7]);
    }

    #[test]
    fn rows_gather_and_bounds() {
        let a = NdArray::from_vec((0..6i64).collect(), &[3, 2]).unwrap();
        let idx = NdArray::from_vec(vec![2i64, -3, 1], &[3]).unwrap();
        let r = a.take_fancy(&[Fancy::Indices(idx)]).unwrap();
        assert_eq!(r.shape(), &[3, 2]);
        // SAFETY: a fresh C-contiguous int64 array of 6 items.
        let v = unsafe { std::slice::from_raw_parts(r.data_ptr() as *const i64, 6) };
        assert_eq!(v, &[4, 5, 0, 1, 2, 3]);
        let bad = NdArray::from_vec(vec![3i64], &[1]).unwrap();
        assert!(a.take_fancy(&[Fancy::Indices(bad)]).is_err());
    }
}
