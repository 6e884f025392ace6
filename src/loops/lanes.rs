//! Lanes: the 1-d lines along one axis of an n-d array of any strides, each visited once.
//! The base of everything that works along an axis (accumulate/cumsum/cumprod, and sort,
//! partition, diff, FFT and apply-along-axis functions as they come).
//!
//! Lanes are independent, so large walks spread them over threads (the order inside a lane is
//! the caller's business and never changes). A caller that needs a lane contiguous (a sort,
//! an FFT) takes a [`Scratch`] copy, works on it, and writes it back.

use super::watch;
use super::PAR_THRESHOLD_BYTES;

/// Call `f(ptrs, steps, len)` for every lane along `axis` of arrays of `shape`: `ptrs[i]` is
/// operand `i`'s first item of the lane, `steps[i]` its byte stride along `axis`, `len` the
/// axis length. `strides` are each operand's byte strides (one per axis of `shape`). Above
/// [`PAR_THRESHOLD_BYTES`] of work (lanes x len x `bytes_per_item`) lanes run on several
/// threads; a requested stop ends the walk between lanes.
pub fn for_each_lane(
    shape: &[usize],
    axis: usize,
    strides: &[&[isize]],
    ptrs: &[*mut u8],
    bytes_per_item: usize,
    f: impl Fn(&[*mut u8], &[isize], usize) + Sync,
) {
    assert!(axis < shape.len() && strides.len() == ptrs.len());
    if shape.contains(&0) {
        return;
    }
    let k = ptrs.len();
    let len = shape[axis];
    let steps: smallvec::SmallVec<[isize; 4]> = strides.iter().map(|s| s[axis]).collect();
    // The other axes, innermost last.
    let outer: smallvec::SmallVec<[(usize, usize); 6]> = (0..shape.len())
        .filter(|&d| d != axis && shape[d] > 1)
        .map(|d| (d, shape[d]))
        .collect();
    let lanes: usize = outer.iter().map(|&(_, n)| n).product();
    let base: smallvec::SmallVec<[usize; 4]> = ptrs.iter().map(|&p| p as usize).collect();
    // Lanes `start..end` in C order of the outer axes.
    let run = |start: usize, end: usize| {
        let mut idx: smallvec::SmallVec<[usize; 6]> = smallvec::smallvec![0; outer.len()];
        let mut rem = start;
        for j in (0..outer.len()).rev() {
            idx[j] = rem % outer[j].1;
            rem /= outer[j].1;
        }
        let mut p: smallvec::SmallVec<[*mut u8; 4]> = smallvec::SmallVec::new();
        for _ in start..end {
            if watch::stop_requested() {
                return;
            }
            p.clear();
            for o in 0..k {
                let mut off = 0isize;
                for (j, &(d, _)) in outer.iter().enumerate() {
                    off += idx[j] as isize * strides[o][d];
                }
                p.push((base[o] as isize).wrapping_add(off) as *mut u8);
            }
            f(&p, &steps, len);
            for j in (0..outer.len()).rev() {
                idx[j] += 1;
                if idx[j] < outer[j].1 {
                    break;
                }
                idx[j] = 0;
            }
        }
    };
    let work = lanes.saturating_mul(len).saturating_mul(bytes_per_item);
    let threads = rayon::current_num_threads();
    if work >= PAR_THRESHOLD_BYTES && lanes > 1 && threads > 1 {
        let parts = (threads * 4).min(lanes);
        let per = lanes.div_ceil(parts);
        super::helpers::share(parts, |c| {
            let start = c * per;
            if start < lanes {
                run(start, (start + per).min(lanes));
            }
        });
    } else {
        run(0, lanes);
    }
}

/// A contiguous copy of one lane: filled from strided memory, worked on, written back.
pub struct Scratch {
    buf: Vec<u8>,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch { buf: Vec::new() }
    }

    /// Copy `len` items of `itemsize` bytes at `ptr` (stride `step`) into the scratch and return
    /// it as bytes.
    ///
    /// # Safety
    /// `ptr`, `step` and `len` describe readable items.
    pub unsafe fn load(
        &mut self,
        ptr: *const u8,
        step: isize,
        len: usize,
        itemsize: usize,
    ) -> &mut [u8] {
        self.buf.clear();
        self.buf.resize(len * itemsize, 0);
        for i in 0..len {
            // SAFETY: item i of the lane; the scratch holds len items.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    ptr.offset(i as isize * step),
                    self.buf.as_mut_ptr().add(i * itemsize),
                    itemsize,
                )
            };
        }
        &mut self.buf
    }

    /// Write the scratch's items back to `len` items at `ptr` (stride `step`).
    ///
    /// # Safety
    /// `ptr`, `step` and `len` describe writable items; the scratch holds `len` items.
    pub unsafe fn store(&self, ptr: *mut u8, step: isize, len: usize, itemsize: usize) {
        for i in 0..len {
            // SAFETY: as above.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    self.buf.as_ptr().add(i * itemsize),
                    ptr.offset(i as isize * step),
                    itemsize,
                )
            };
        }
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Every lane is visited once, with the right start and step, for each axis of a
    /// non-contiguous layout; and a scratch round trip through a reversed lane.
    #[test]
    fn visits_every_lane_once() {
        let shape = [3usize, 4, 5];
        // A transposed-like layout over 60 f64 items: strides in bytes.
        let strides: [isize; 3] = [8, 3 * 8, 12 * 8];
        let data: Vec<f64> = (0..60).map(|i| i as f64).collect();
        let p = data.as_ptr() as *mut u8;
        let p0 = p as usize;
        for axis in 0..3 {
            let seen = Mutex::new(Vec::new());
            for_each_lane(&shape, axis, &[&strides], &[p], 8, |q, s, n| {
                assert_eq!(s[0], strides[axis]);
                assert_eq!(n, shape[axis]);
                seen.lock().unwrap().push((q[0] as usize - p0) / 8);
            });
            let mut v = seen.into_inner().unwrap();
            v.sort();
            let lanes = 60 / shape[axis];
            assert_eq!(v.len(), lanes);
            v.dedup();
            assert_eq!(v.len(), lanes, "each lane once");
        }
        let mut s = Scratch::new();
        let mut back = vec![0.0f64; 5];
        unsafe {
            let b = s.load((data.as_ptr() as *const u8).add(4 * 8), -8, 5, 8);
            assert_eq!(b.len(), 40);
            s.store(back.as_mut_ptr() as *mut u8, 8, 5, 8);
        }
        assert_eq!(back, vec![4.0, 3.0, 2.0, 1.0, 0.0]);
    }

    #[test]
    fn large_walks_split_across_threads_and_cover_everything() {
        let shape = [4096usize, 64];
        let strides: [isize; 2] = [64 * 8, 8];
        let mut data = vec![1.0f64; 4096 * 64];
        let p = data.as_mut_ptr() as *mut u8;
        for_each_lane(&shape, 1, &[&strides], &[p], 8, |q, s, n| {
            // running sum along the lane
            let mut acc = 0.0;
            for i in 0..n as isize {
                unsafe {
                    let x = q[0].offset(i * s[0]) as *mut f64;
                    acc += *x;
                    *x = acc;
                }
            }
        });
        assert!(data.chunks(64).all(|c| c[63] == 64.0 && c[0] == 1.0));
    }
}
