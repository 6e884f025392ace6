//! Copies whose source and destination disagree on which axis is contiguous (a transpose):
//! walked in square tiles so that both sides stay in cache, tiles spread over all cores.

use rayon::prelude::*;

/// Copy one item of `size` bytes; sizes of the built-in types copy as one load and store.
///
/// # Safety
/// `src` and `dst` are valid for `size` bytes and do not overlap.
#[inline(always)]
pub unsafe fn copy_item(src: *const u8, dst: *mut u8, size: usize) {
    // SAFETY: forwarded from the caller; unaligned reads and writes of the item's width.
    unsafe {
        match size {
            1 => *dst = *src,
            2 => (dst as *mut u16).write_unaligned((src as *const u16).read_unaligned()),
            4 => (dst as *mut u32).write_unaligned((src as *const u32).read_unaligned()),
            8 => (dst as *mut u64).write_unaligned((src as *const u64).read_unaligned()),
            16 => (dst as *mut u128).write_unaligned((src as *const u128).read_unaligned()),
            _ => std::ptr::copy_nonoverlapping(src, dst, size),
        }
    }
}

/// A raw pointer that may cross into rayon's workers (each touches a disjoint part).
#[derive(Copy, Clone)]
pub struct SendPtr(pub *mut u8);
// SAFETY: used only for disjoint writes (or shared reads) while the owning array is alive.
unsafe impl Send for SendPtr {}
unsafe impl Sync for SendPtr {}

const TILE: usize = 64;

/// Copy an `n0` x `n1` grid of `size`-byte items from `src` (byte strides `ss`) to `dst`
/// (byte strides `ds`) tile by tile.
///
/// # Safety
/// Both grids are valid for every index (`i * s[0] + j * s[1]`), the destination is writable
/// and does not overlap the source, and distinct destination indices are distinct bytes.
#[allow(clippy::too_many_arguments)]
pub unsafe fn copy_2d_tiled(
    src: *const u8,
    ss: [isize; 2],
    dst: *mut u8,
    ds: [isize; 2],
    n0: usize,
    n1: usize,
    size: usize,
    parallel: bool,
) {
    let (s, d) = (SendPtr(src as *mut u8), SendPtr(dst));
    let size_i = size as isize;
    if ss[1] == size_i && ds[1] == size_i {
        // Both sides' rows are contiguous: a copy of each row.
        let rows = move |r: std::ops::Range<usize>| {
            let (s, d) = (s, d);
            for i in r {
                let i = i as isize;
                // SAFETY: row i lies in both grids (the caller's guarantee), apart.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        s.0.offset(i * ss[0]),
                        d.0.offset(i * ds[0]),
                        n1 * size,
                    )
                };
            }
        };
        if parallel && rayon::current_num_threads() > 1 {
            (0..n0.div_ceil(TILE))
                .into_par_iter()
                .for_each(|b| rows(b * TILE..((b + 1) * TILE).min(n0)));
        } else {
            rows(0..n0);
        }
        return;
    }
    // The item's width chosen once, outside the loops (a choice per item costs more than
    // the copy).
    let band = move |b: usize| {
        // SAFETY: the caller's guarantee.
        unsafe {
            match size {
                1 => band_of::<u8>(s, ss, d, ds, b, n0, n1),
                2 => band_of::<u16>(s, ss, d, ds, b, n0, n1),
                4 => band_of::<u32>(s, ss, d, ds, b, n0, n1),
                8 => band_of::<u64>(s, ss, d, ds, b, n0, n1),
                16 => band_of::<u128>(s, ss, d, ds, b, n0, n1),
                _ => {
                    let i1 = ((b + 1) * TILE).min(n0);
                    for j0 in (0..n1).step_by(TILE) {
                        for i in b * TILE..i1 {
                            for j in j0..(j0 + TILE).min(n1) {
                                let (i, j) = (i as isize, j as isize);
                                copy_item(
                                    s.0.offset(i * ss[0] + j * ss[1]),
                                    d.0.offset(i * ds[0] + j * ds[1]),
                                    size,
                                );
                            }
                        }
                    }
                }
            }
        }
    };
    let bands = n0.div_ceil(TILE);
    if parallel && rayon::current_num_threads() > 1 {
        (0..bands).into_par_iter().for_each(band);
    } else {
        (0..bands).for_each(band);
    }
}

/// Band `b` (rows `b * TILE..`) of [`copy_2d_tiled`] for items of type `W`, tile by tile.
///
/// # Safety
/// As [`copy_2d_tiled`], with items of `W`'s size.
#[inline(always)]
unsafe fn band_of<W: Copy>(
    s: SendPtr,
    ss: [isize; 2],
    d: SendPtr,
    ds: [isize; 2],
    b: usize,
    n0: usize,
    n1: usize,
) {
    let i1 = ((b + 1) * TILE).min(n0);
    for j0 in (0..n1).step_by(TILE) {
        let j1 = (j0 + TILE).min(n1);
        for i in b * TILE..i1 {
            for j in j0..j1 {
                let (i, j) = (i as isize, j as isize);
                // SAFETY: i < n0, j < n1: inside both grids (the caller's guarantee).
                unsafe {
                    let v =
                        s.0.offset(i * ss[0] + j * ss[1])
                            .cast::<W>()
                            .read_unaligned();
                    d.0.offset(i * ds[0] + j * ds[1])
                        .cast::<W>()
                        .write_unaligned(v);
                }
            }
        }
    }
}
