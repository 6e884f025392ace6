//! Basic indexing: integers, slices, Ellipsis and newaxis. Every result is a view.

use smallvec::SmallVec;

use super::{Dims, NdArray, Strides};
use crate::error::Result;

/// One item of an index tuple, already converted from Python.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IndexItem {
    Int(isize),
    /// `start:stop:step` with Python's optional bounds; `step != 0` is checked by the parser.
    Slice {
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    },
    Ellipsis,
    NewAxis,
}

/// The result of basic indexing: a view, and whether NumPy would return a scalar for it
/// (every axis taken by an integer, no Ellipsis).
pub struct Indexed {
    pub view: NdArray,
    pub scalar: bool,
}

/// Python's `slice.indices(n)`, returning (start, step, length).
pub fn slice_indices(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    n: usize,
) -> (isize, isize, usize) {
    let n = n as isize;
    let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clamp = |v: Option<isize>, default: isize| -> isize {
        match v {
            None => default,
            Some(v) if v < 0 => (v + n).max(lo),
            Some(v) => v.min(hi),
        }
    };
    let start = clamp(start, if step < 0 { hi } else { lo });
    let stop = clamp(stop, if step < 0 { lo } else { hi });
    let len = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, step, len as usize)
}

impl NdArray {
    /// Apply a basic index.
    pub fn index(&self, items: &[IndexItem]) -> Result<Indexed> {
        let consuming = items
            .iter()
            .filter(|i| matches!(i, IndexItem::Int(_) | IndexItem::Slice { .. }))
            .count();
        let ellipses = items
            .iter()
            .filter(|i| matches!(i, IndexItem::Ellipsis))
            .count();
        ensure!(
            ellipses <= 1,
            Index,
            "an index can only have a single ellipsis ('...')"
        );
        if consuming > self.ndim() {
            bail!(
                Index,
                "too many indices for array: array is {}-dimensional, but {} were indexed",
                self.ndim(),
                consuming
            );
        }
        ensure!(
            !items
                .iter()
                .any(|i| matches!(i, IndexItem::Slice { step: 0, .. })),
            Value,
            "slice step cannot be zero"
        );
        let mut shape: Dims = SmallVec::new();
        let mut strides: Strides = SmallVec::new();
        let mut offset = self.offset() as isize;
        let mut axis = 0usize;
        let full = |axis: &mut usize, shape: &mut Dims, strides: &mut Strides| {
            shape.push(self.shape()[*axis]);
            strides.push(self.strides()[*axis]);
            *axis += 1;
        };
        for item in items {
            match *item {
                IndexItem::Int(i) => {
                    let n = self.shape()[axis];
                    let j = if i < 0 { i + n as isize } else { i };
                    if j < 0 || j >= n as isize {
                        bail!(
                            Index,
                            "index {} is out of bounds for axis {} with size {}",
                            i,
                            axis,
                            n
                        );
                    }
                    offset += j * self.strides()[axis];
                    axis += 1;
                }
                IndexItem::Slice { start, stop, step } => {
                    let n = self.shape()[axis];
                    let (s, st, len) = slice_indices(start, stop, step, n);
                    if len > 0 {
                        offset += s * self.strides()[axis];
                    }
                    shape.push(len);
                    // NumPy uses a unit step for an empty slice.
                    strides.push(self.strides()[axis] * if len == 0 { 1 } else { st });
                    axis += 1;
                }
                IndexItem::Ellipsis => {
                    for _ in 0..self.ndim() - consuming {
                        full(&mut axis, &mut shape, &mut strides);
                    }
                }
                IndexItem::NewAxis => {
                    shape.push(1);
                    strides.push(0);
                }
            }
        }
        while axis < self.ndim() {
            full(&mut axis, &mut shape, &mut strides);
        }
        ensure!(
            shape.len() <= super::MAXDIMS,
            Index,
            "number of dimensions must be within [0, {}], indexing result would have {}",
            super::MAXDIMS,
            shape.len()
        );
        let scalar = ellipses == 0 && shape.is_empty();
        // An empty result keeps the base offset, so invariant 2 holds trivially.
        let offset = if shape.contains(&0) {
            self.offset() as isize
        } else {
            offset
        };
        let view = self.view_with(offset as usize, shape, strides, self.dtype().clone())?;
        Ok(Indexed { view, scalar })
    }
}

/// An index into an axis of length `n`, negative ones counted from the end; None when out of
/// bounds.
#[inline(always)]
pub fn wrap_index(i: i64, n: i64) -> Option<usize> {
    let j = if i < 0 { i.wrapping_add(n) } else { i };
    ((j as u64) < n as u64).then_some(j as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_slice_semantics() {
        assert_eq!(slice_indices(None, None, -1, 5), (4, -1, 5));
        assert_eq!(slice_indices(Some(1), Some(-1), 2, 10), (1, 2, 4));
        assert_eq!(slice_indices(Some(10), None, 1, 3), (3, 1, 0));
        assert_eq!(slice_indices(None, Some(-100), -1, 3), (2, -1, 3));
        assert_eq!(slice_indices(Some(-100), None, -1, 3), (-1, -1, 0));
    }
}
