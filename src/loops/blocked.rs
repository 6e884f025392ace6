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
/// (byte strides `ds`): line by line where both sides' rows (or both sides' columns) are
/// contiguous, otherwise tile by tile.
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
    let unit = size as isize;
    let rows_whole = ss[1] == unit && ds[1] == unit;
    if !rows_whole && ss[0] == unit && ds[0] == unit {
        // Both sides' columns are contiguous: the transposed grid's rows.
        let (ts, td) = ([ss[1], ss[0]], [ds[1], ds[0]]);
        // SAFETY: the same items, indexed the other way round.
        return unsafe { copy_2d_tiled(src, ts, dst, td, n1, n0, size, parallel) };
    }
    let (s, d) = (SendPtr(src as *mut u8), SendPtr(dst));
    let band = move |b: usize| {
        let rows = b * TILE..((b + 1) * TILE).min(n0);
        // SAFETY (each arm): the caller's guarantee. The item's width is chosen here, once a
        // band (a choice per item costs more than the copy): `copy_item` with a constant
        // width is a single load and store.
        unsafe {
            if rows_whole {
                for i in rows {
                    let i = i as isize;
                    let (from, to) = (s.0.offset(i * ss[0]), d.0.offset(i * ds[0]));
                    std::ptr::copy_nonoverlapping(from, to, n1 * size);
                }
                return;
            }
            match size {
                1 => tiles(s, ss, d, ds, rows, n1, |f, t| copy_item(f, t, 1)),
                2 => tiles(s, ss, d, ds, rows, n1, |f, t| copy_item(f, t, 2)),
                4 => tiles(s, ss, d, ds, rows, n1, |f, t| copy_item(f, t, 4)),
                8 => tiles(s, ss, d, ds, rows, n1, |f, t| copy_item(f, t, 8)),
                16 => tiles(s, ss, d, ds, rows, n1, |f, t| copy_item(f, t, 16)),
                _ => tiles(s, ss, d, ds, rows, n1, |f, t| copy_item(f, t, size)),
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

/// [`copy_2d_tiled`] with the columns split in `parts` across the helper threads (one part:
/// on this thread).
///
/// # Safety
/// As [`copy_2d_tiled`].
#[allow(clippy::too_many_arguments)]
pub unsafe fn copy_2d_parts(
    src: *const u8,
    ss: [isize; 2],
    dst: *mut u8,
    ds: [isize; 2],
    n0: usize,
    n1: usize,
    size: usize,
    parts: usize,
) {
    if n0 == 0 || n1 == 0 {
        return;
    }
    let (s, d) = (SendPtr(src as *mut u8), SendPtr(dst));
    let part = move |c0: usize, c1: usize| {
        let (s, d) = (s, d);
        // SAFETY: columns c0..c1 of both grids (the caller's guarantee); the parts write
        // disjoint columns.
        unsafe {
            let (from, to) = (
                s.0.offset(c0 as isize * ss[1]),
                d.0.offset(c0 as isize * ds[1]),
            );
            copy_2d_tiled(from, ss, to, ds, n0, c1 - c0, size, false)
        }
    };
    if parts > 1 && n1 >= 2 * parts {
        super::helpers::share(parts, |t| part(n1 * t / parts, n1 * (t + 1) / parts));
    } else {
        part(0, n1);
    }
}

/// Rows `rows` of a tiled copy (columns `0..n1`), tile by tile, each item copied by `copy`.
///
/// # Safety
/// As [`copy_2d_tiled`]; `copy` copies one item.
#[inline(always)]
unsafe fn tiles(
    s: SendPtr,
    ss: [isize; 2],
    d: SendPtr,
    ds: [isize; 2],
    rows: std::ops::Range<usize>,
    n1: usize,
    copy: impl Fn(*const u8, *mut u8),
) {
    for j0 in (0..n1).step_by(TILE) {
        for i in rows.clone() {
            for j in j0..(j0 + TILE).min(n1) {
                let (i, j) = (i as isize, j as isize);
                // SAFETY: i < n0, j < n1: inside both grids (the caller's guarantee).
                unsafe {
                    copy(
                        s.0.offset(i * ss[0] + j * ss[1]),
                        d.0.offset(i * ds[0] + j * ds[1]),
                    )
                };
            }
        }
    }
}
