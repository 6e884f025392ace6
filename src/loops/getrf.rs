//! LU factorization with partial pivoting of a float64 matrix, and the triangular solves
//! with its factors, in LAPACK's recursive shape (dgetrf2; a triangular solve split the same
//! way): nearly all the work is matrix products, which run on the own kernel (`gemm.rs`),
//! its parts on the helper threads. Row exchanges and triangular solves are split by columns
//! across the same threads.
//!
//! Matrices are column-major with a leading dimension ([`Cm`]). Pivots follow LAPACK's getrf:
//! the first entry of largest magnitude in the column, row `j` exchanged with `piv[j]`; a
//! zero pivot leaves its column unscaled and marks the matrix singular (LAPACK's info > 0),
//! and the factorization goes on.

use faer::linalg::matmul::matmul;
use faer::{Accum, Par};

use super::gemm::{self, Mat, MatMut, Update};

/// Panels at most this wide are factored column by column.
const BASE: usize = 16;
/// Triangles at most this large are solved by substitution, [`LANES`] columns at a time.
const TRI_BASE: usize = 16;
/// Columns a substitution carries at once (its inner loop runs across them).
const LANES: usize = 8;
/// Products of at least this many multiply-adds run on the own kernel (it packs its operands;
/// smaller ones are faer's, which does not) ...
const OWN_FROM: usize = 48 * 48 * 48;
/// ... and from this many, C's rows split in parts on the helper threads (each part packs
/// only its own rows of A: the tall, thin products of a panel's factorization then run on
/// every core).
const PARTS_FROM: usize = 64 * 64 * 64;
/// Cholesky factorizations at most this large run on one thread (measured at 500 and 1000:
/// sharing every step of the smaller ones cost more than it gained).
const POTRF_ALONE: usize = 128;
/// Blocks on the diagonal of a Gram update at most this large are computed whole.
const SYRK_BASE: usize = 64;
/// [`potrf`] writes above the diagonal (scratch) only within this distance of it: the whole
/// diagonal blocks of its Gram updates.
pub(super) const SCRATCH_REACH: usize = SYRK_BASE;
/// Columns (rows of a product) each part of a split row exchange, triangular solve or
/// product takes at least.
const SPLIT_FROM: usize = 64;

/// A matrix: element (i, j) at `ptr + i * rs + j * cs` (column-major where `rs` is 1; a
/// transposed view swaps the strides).
#[derive(Clone, Copy)]
pub struct Cm {
    pub ptr: *mut f64,
    pub rs: isize,
    pub cs: isize,
}

// SAFETY: a view into memory the caller owns; the parts that run on several threads write
// disjoint columns.
unsafe impl Send for Cm {}
// SAFETY: as above.
unsafe impl Sync for Cm {}

impl Cm {
    /// The column-major matrix at `ptr` with columns `ld` apart.
    pub fn cols(ptr: *mut f64, ld: isize) -> Cm {
        Cm { ptr, rs: 1, cs: ld }
    }

    /// The transposed view.
    fn t(self) -> Cm {
        Cm {
            ptr: self.ptr,
            rs: self.cs,
            cs: self.rs,
        }
    }

    /// The matrix from row `i`, column `j` on.
    ///
    /// # Safety
    /// (i, j) lies in the matrix (or one past its last row or column).
    unsafe fn at(self, i: usize, j: usize) -> Cm {
        // SAFETY: the caller's guarantee.
        let ptr = unsafe { self.e(i, j) };
        Cm { ptr, ..self }
    }

    /// Element (i, j).
    ///
    /// # Safety
    /// As [`Cm::at`], inside the matrix.
    #[inline(always)]
    unsafe fn e(self, i: usize, j: usize) -> *mut f64 {
        // SAFETY: the caller's guarantee.
        unsafe { self.ptr.offset(i as isize * self.rs + j as isize * self.cs) }
    }

    fn mat(self) -> Mat<f64> {
        Mat {
            ptr: self.ptr,
            rs: self.rs,
            cs: self.cs,
        }
    }
}

/// Where a recursion cuts order n (> 1): about half, a multiple of 8 where it can be.
fn half(n: usize) -> usize {
    (n / 2).next_multiple_of(8).min(n - 1)
}

/// Where piece `t` of `pieces` of equal work starts along `0..n` (a multiple of 8; `n` for
/// `t == pieces`), `at(f)` being where the first fraction `f` of the work ends, as a fraction
/// of `n`.
fn cut(n: usize, pieces: usize, t: usize, at: impl Fn(f64) -> f64) -> usize {
    if t >= pieces {
        return n;
    }
    ((n as f64 * at(t as f64 / pieces as f64)) as usize / 8 * 8).min(n)
}

/// C (m x n) -= A (m x k) B (k x n), C's rows split in up to `parts` parts.
///
/// # Safety
/// The matrices hold those shapes; C overlaps neither A nor B.
unsafe fn sub_product(m: usize, n: usize, k: usize, a: Cm, b: Cm, c: Cm, parts: usize) {
    let pieces = parts.min(m / SPLIT_FROM).max(1);
    if pieces > 1 && m * n * k >= PARTS_FROM {
        super::helpers::share(pieces, |t| {
            let (r0, r1) = (m * t / pieces / 8 * 8, m * (t + 1) / pieces / 8 * 8);
            let r1 = if t + 1 == pieces { m } else { r1 };
            // SAFETY: the caller's guarantee; each part its own rows of C.
            unsafe { sub_product_here(r1 - r0, n, k, a.at(r0, 0), b, c.at(r0, 0)) };
        });
    } else {
        // SAFETY: the caller's guarantee.
        unsafe { sub_product_here(m, n, k, a, b, c) };
    }
}

/// [`sub_product`] on this thread.
///
/// # Safety
/// As [`sub_product`].
unsafe fn sub_product_here(m: usize, n: usize, k: usize, a: Cm, b: Cm, c: Cm) {
    if m == 0 || n == 0 || k == 0 {
        return;
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        if gemm::available() && m * n * k >= OWN_FROM && m >= 8 && n >= 8 {
            let out = MatMut {
                ptr: c.ptr,
                rs: c.rs,
                cs: c.cs,
            };
            gemm::gemm_update(m, n, k, a.mat(), b.mat(), out, 1, Update::Sub);
        } else {
            let view = |x: Cm, r, c| faer::MatRef::<f64>::from_raw_parts(x.ptr, r, c, x.rs, x.cs);
            let out = faer::MatMut::<f64>::from_raw_parts_mut(c.ptr, m, n, c.rs, c.cs);
            matmul(
                out,
                Accum::Add,
                view(a, m, k),
                view(b, k, n),
                -1.0,
                Par::Seq,
            );
        }
    }
}

/// `f(c0, c1)` over ranges that cover columns `0..n`: in parts on the helper threads when
/// `parts > 1` and each part gets at least [`SPLIT_FROM`] columns, else once on this thread.
/// Each call must touch only its own columns.
pub(super) fn by_columns(n: usize, parts: usize, f: impl Fn(usize, usize) + Sync) {
    let pieces = parts.min(n / SPLIT_FROM).max(1);
    if pieces == 1 {
        return f(0, n);
    }
    super::helpers::share(pieces, |t| f(n * t / pieces, n * (t + 1) / pieces));
}

/// Exchange rows `i` and `piv[i]` (in order, `i` from 0) in columns `0..n` of `a`.
///
/// # Safety
/// `a` holds the columns and every row named.
unsafe fn swap_rows(a: Cm, n: usize, piv: &[usize], parts: usize) {
    by_columns(n, parts, |c0, c1| {
        for j in c0..c1 {
            for (i, &p) in piv.iter().enumerate() {
                if p != i {
                    // SAFETY: the caller's guarantee.
                    unsafe { std::ptr::swap(a.e(i, j), a.e(p, j)) };
                }
            }
        }
    });
}

on_vectors! {
    /// LAPACK's getf2 on the m x n panel `a` (n <= m): pivots into `piv` (rows of the panel).
    ///
    /// # Safety
    /// `a` holds the panel, column-major (`rs` 1).
    unsafe fn panel(a: Cm, m: usize, n: usize, piv: &mut [usize], singular: &mut bool) {
        for j in 0..n {
            // SAFETY (the block): every index below is inside the panel.
            unsafe {
                let col = std::slice::from_raw_parts_mut(a.e(0, j), m);
                let p = pivot(&col[j..]) + j;
                piv[j] = p;
                let d = col[p];
                if d != 0.0 {
                    if p != j {
                        for k in 0..n {
                            std::ptr::swap(a.e(j, k), a.e(p, k));
                        }
                    }
                    let below = &mut col[j + 1..];
                    if d.abs() >= f64::MIN_POSITIVE {
                        let r = 1.0 / d;
                        below.iter_mut().for_each(|x| *x *= r);
                    } else {
                        below.iter_mut().for_each(|x| *x /= d);
                    }
                } else {
                    *singular = true;
                }
                let l = std::slice::from_raw_parts(a.e(j + 1, j), m - j - 1);
                for k in j + 1..n {
                    let u = *a.e(j, k);
                    if u != 0.0 {
                        let t = std::slice::from_raw_parts_mut(a.e(j + 1, k), m - j - 1);
                        for (y, &x) in t.iter_mut().zip(l) {
                            *y -= x * u;
                        }
                    }
                }
            }
        }
    }
}

/// The first index of largest |x| (LAPACK's idamax: a NaN is never larger, so it is chosen
/// only in the first place), the maximum found in vector lanes first.
#[inline(always)]
fn pivot(x: &[f64]) -> usize {
    const W: usize = 8;
    let first = x[0].abs();
    if first.is_nan() {
        return 0;
    }
    let mut lanes = [first; W];
    let chunks = x.chunks_exact(W);
    let tail = chunks.remainder();
    for c in chunks {
        for q in 0..W {
            let v = c[q].abs();
            lanes[q] = if v > lanes[q] { v } else { lanes[q] };
        }
    }
    let mut best = lanes.iter().fold(first, |m, &v| if v > m { v } else { m });
    for &v in tail {
        if v.abs() > best {
            best = v.abs();
        }
    }
    if best > first {
        x.iter().position(|v| v.abs() == best).unwrap_or(0)
    } else {
        0
    }
}

/// Factor the m x n matrix `a` (n <= m) in place as P A = L U, the pivots into `piv` (n
/// entries, rows of `a`); sets `singular` if a pivot was zero.
///
/// # Safety
/// `a` holds the matrix; `piv` has n entries.
unsafe fn factor(a: Cm, m: usize, n: usize, piv: &mut [usize], parts: usize, singular: &mut bool) {
    if n <= BASE {
        // SAFETY: the caller's guarantee.
        return unsafe { panel(a, m, n, piv, singular) };
    }
    let n1 = half(n);
    let n2 = n - n1;
    // SAFETY (the block): the blocks named lie in `a`.
    unsafe {
        factor(a, m, n1, &mut piv[..n1], parts, singular);
        let right = a.at(0, n1);
        let (top, rest) = piv.split_at_mut(n1);
        let top = &*top;
        // The left half's exchanges on the right half, then U12 = L11^-1 A12, column by column.
        by_columns(n2, parts, |c0, c1| {
            let cols = right.at(0, c0);
            swap_rows(cols, c1 - c0, top, 1);
            solve_lower(a, n1, cols, c1 - c0, true, 1);
        });
        sub_product(m - n1, n2, n1, a.at(n1, 0), right, a.at(n1, n1), parts);
        factor(a.at(n1, n1), m - n1, n2, rest, parts, singular);
        // The right half's exchanges (rows of A22) on the left half's rows below the first n1.
        swap_rows(a.at(n1, 0), n1, rest, parts);
        for p in rest.iter_mut() {
            *p += n1;
        }
    }
}

/// Factor the n x n matrix `a` in place as P A = L U (`parts` at most on the helper threads):
/// returns the pivots (row j exchanged with piv[j] at step j), the number of exchanges, and
/// whether a pivot was exactly zero.
///
/// # Safety
/// `a` holds an n x n matrix.
pub unsafe fn getrf(a: Cm, n: usize, parts: usize) -> (Vec<usize>, usize, bool) {
    let mut piv = vec![0; n];
    let mut singular = false;
    // SAFETY: the caller's guarantee.
    unsafe { factor(a, n, n, &mut piv, parts, &mut singular) };
    let swaps = piv.iter().enumerate().filter(|&(i, &p)| i != p).count();
    (piv, swaps, singular)
}

/// B (n x k) := L^-1 B, L the lower triangle of `l` (n x n), unit if `unit`.
///
/// # Safety
/// The matrices hold those shapes; B overlaps no part of L read.
unsafe fn solve_lower(l: Cm, n: usize, b: Cm, k: usize, unit: bool, parts: usize) {
    if n <= TRI_BASE {
        // SAFETY: the caller's guarantee.
        return unsafe { substitute(l, n, b, k, false, unit) };
    }
    let n1 = half(n);
    // SAFETY: the blocks named lie in the matrices.
    unsafe {
        solve_lower(l, n1, b, k, unit, parts);
        sub_product(n - n1, k, n1, l.at(n1, 0), b, b.at(n1, 0), parts);
        solve_lower(l.at(n1, n1), n - n1, b.at(n1, 0), k, unit, parts);
    }
}

/// B (n x k) := U^-1 B, U the upper triangle of `u` (n x n).
///
/// # Safety
/// As [`solve_lower`].
unsafe fn solve_upper(u: Cm, n: usize, b: Cm, k: usize, parts: usize) {
    if n <= TRI_BASE {
        // SAFETY: the caller's guarantee.
        return unsafe { substitute(u, n, b, k, true, false) };
    }
    let n1 = half(n);
    // SAFETY: the blocks named lie in the matrices.
    unsafe {
        solve_upper(u.at(n1, n1), n - n1, b.at(n1, 0), k, parts);
        sub_product(n1, k, n - n1, u.at(0, n1), b.at(n1, 0), b, parts);
        solve_upper(u, n1, b, k, parts);
    }
}

on_vectors! {
    /// Substitution with a small triangle `t` (n <= [`TRI_BASE`]) on B (n x k): forward with the
    /// lower triangle (taken as unit if `unit`), or (`upper`) backward with the upper one
    /// (dividing by the diagonal as a multiplication by its reciprocal, as OpenBLAS's kernels
    /// do), [`LANES`] columns of B at a time held in rows so that each step runs across them
    /// (fused multiply-adds: the callers run only where the CPU has them).
    ///
    /// # Safety
    /// As [`solve_lower`].
    unsafe fn substitute(t: Cm, n: usize, b: Cm, k: usize, upper: bool, unit: bool) {
        // The triangle's columns, and the diagonal's reciprocals, read once.
        let mut tri = [[0.0f64; TRI_BASE]; TRI_BASE];
        let mut recip = [1.0f64; TRI_BASE];
        for (j, col) in tri.iter_mut().enumerate().take(n) {
            for (i, v) in col.iter_mut().enumerate().take(n) {
                // SAFETY: inside the triangle.
                *v = unsafe { *t.e(i, j) };
            }
            recip[j] = 1.0 / col[j];
        }
        let mut x = [[0.0f64; LANES]; TRI_BASE];
        for c0 in (0..k).step_by(LANES) {
            let w = LANES.min(k - c0);
            for (i, row) in x.iter_mut().enumerate().take(n) {
                for (q, v) in row.iter_mut().enumerate().take(w) {
                    // SAFETY: row i, column c0 + q of B.
                    *v = unsafe { *b.e(i, c0 + q) };
                }
            }
            if upper {
                for j in (0..n).rev() {
                    let xj = x[j].map(|v| v * recip[j]);
                    x[j] = xj;
                    for (row, &f) in x[..j].iter_mut().zip(&tri[j][..j]) {
                        for q in 0..LANES {
                            row[q] = (-f).mul_add(xj[q], row[q]);
                        }
                    }
                }
            } else {
                for j in 0..n {
                    if !unit {
                        x[j] = x[j].map(|v| v * recip[j]);
                    }
                    let xj = x[j];
                    for (row, &f) in x[j + 1..n].iter_mut().zip(&tri[j][j + 1..n]) {
                        for q in 0..LANES {
                            row[q] = (-f).mul_add(xj[q], row[q]);
                        }
                    }
                }
            }
            for (i, row) in x.iter().enumerate().take(n) {
                for (q, v) in row.iter().enumerate().take(w) {
                    // SAFETY: as above.
                    unsafe { *b.e(i, c0 + q) = *v };
                }
            }
        }
    }
}

/// B (n x k) := A^-1 B with `getrf`'s factors `lu` and pivots: the exchanges, then the two
/// triangular solves, B's columns split across the helper threads.
///
/// # Safety
/// `lu` holds the n x n factors, `b` an n x k matrix apart from them.
pub unsafe fn getrs(lu: Cm, n: usize, piv: &[usize], b: Cm, k: usize, parts: usize) {
    by_columns(k, parts, |c0, c1| {
        // SAFETY: the caller's guarantee; each part its own columns.
        unsafe {
            let cols = b.at(0, c0);
            swap_rows(cols, c1 - c0, piv, 1);
            solve_lower(lu, n, cols, c1 - c0, true, 1);
            solve_upper(lu, n, cols, c1 - c0, 1);
        }
    });
}

/// A^-1 into `x` (n x n, the identity on entry) from `getrf`'s factors `lu` and pivots, as
/// LAPACK's getri orders it: L^-1 (lower triangular, so the columns from c on are solved
/// from row c down), U^-1 times that, then the exchanges undone on the columns in reverse
/// order. n^3 multiply-adds, against 4/3 n^3 for `getrs` on the identity.
///
/// # Safety
/// `lu` holds the n x n factors, `x` an n x n identity apart from them.
pub unsafe fn getri(lu: Cm, n: usize, piv: &[usize], x: Cm, parts: usize) {
    // Column c of L^-1 costs (n - c)^2 / 2: pieces of equal work, two a thread.
    let pieces = (2 * parts).min(n / SPLIT_FROM).max(1);
    let edge = |t| cut(n, pieces, t, |f| 1.0 - (1.0 - f).cbrt());
    super::helpers::share(pieces, |t| {
        let (c0, c1) = (edge(t), edge(t + 1));
        // SAFETY: the caller's guarantee; each piece its own columns, zero above row c0.
        unsafe { solve_lower(lu.at(c0, c0), n - c0, x.at(c0, c0), c1 - c0, true, 1) };
    });
    by_columns(n, parts, |c0, c1| {
        // SAFETY: as above.
        unsafe { solve_upper(lu, n, x.at(0, c0), c1 - c0, 1) };
    });
    // X P: the exchanges on the columns, last first; the rows split across the threads.
    by_columns(n, parts, |r0, r1| {
        for k in (0..n).rev() {
            let p = piv[k];
            if p != k {
                for i in r0..r1 {
                    // SAFETY: rows and columns inside x; each part its own rows.
                    unsafe { std::ptr::swap(x.e(i, k), x.e(i, p)) };
                }
            }
        }
    });
}

/// LAPACK's potf2 (lower, left-looking) on the n x n `a`: false at the first pivot that is
/// not positive (a NaN one goes through, its factor NaN).
///
/// # Safety
/// `a` holds the matrix.
unsafe fn potf2(a: Cm, n: usize) -> bool {
    for j in 0..n {
        // SAFETY (the block): every index is inside the matrix.
        unsafe {
            let mut d = *a.e(j, j);
            for k in 0..j {
                let l = *a.e(j, k);
                d -= l * l;
            }
            if d <= 0.0 {
                return false;
            }
            let d = d.sqrt();
            *a.e(j, j) = d;
            let r = 1.0 / d;
            for i in j + 1..n {
                let mut v = *a.e(i, j);
                for k in 0..j {
                    v -= *a.e(i, k) * *a.e(j, k);
                }
                *a.e(i, j) = v * r;
            }
        }
    }
    true
}

/// C (n x n) -= A A^T on and below the diagonal (A n x k), in bands of C's rows of equal
/// area shared across up to `parts` threads (two bands a thread, claimed as threads get
/// free): each band a rectangle left of the diagonal, one product, and its triangle on it.
///
/// # Safety
/// The matrices hold those shapes, apart.
unsafe fn sub_gram(c: Cm, n: usize, a: Cm, k: usize, parts: usize) {
    let pieces = (2 * parts).min(n / SPLIT_FROM);
    if parts < 2 || pieces < 2 || n * n * k < 2 * PARTS_FROM {
        // SAFETY: the caller's guarantee.
        return unsafe { sub_gram_here(c, n, a, k) };
    }
    // Band t ends at row n sqrt((t + 1) / pieces): the triangle above it holds (t + 1) /
    // pieces of the whole.
    let edge = |t| cut(n, pieces, t, f64::sqrt);
    super::helpers::share(pieces, |t| {
        let (r0, r1) = (edge(t), edge(t + 1));
        // SAFETY: the caller's guarantee; each band its own rows of C.
        unsafe {
            sub_product_here(r1 - r0, r0, k, a.at(r0, 0), a.t(), c.at(r0, 0));
            sub_gram_here(c.at(r0, r0), r1 - r0, a.at(r0, 0), k);
        }
    });
}

/// [`sub_gram`] on this thread: blocks on the diagonal of at most [`SYRK_BASE`] computed
/// whole (their upper part is scratch).
///
/// # Safety
/// As [`sub_gram`].
unsafe fn sub_gram_here(c: Cm, n: usize, a: Cm, k: usize) {
    // SAFETY: the blocks named lie in the matrices.
    unsafe {
        if n <= SYRK_BASE {
            return sub_product_here(n, n, k, a, a.t(), c);
        }
        let n1 = half(n);
        sub_gram_here(c, n1, a, k);
        sub_product_here(n - n1, n1, k, a.at(n1, 0), a.t(), c.at(n1, 0));
        sub_gram_here(c.at(n1, n1), n - n1, a.at(n1, 0), k);
    }
}

/// Cholesky factor L (A = L L^T) of the n x n matrix `a` in place, in its lower triangle
/// (the upper is scratch), recursive as LAPACK's dpotrf2: false when a pivot is not positive.
///
/// # Safety
/// `a` holds an n x n column-major matrix.
pub unsafe fn potrf(a: Cm, n: usize, parts: usize) -> bool {
    // Small factorizations on one thread: their steps are too short to share.
    let parts = if n <= POTRF_ALONE { 1 } else { parts };
    if n <= BASE {
        // SAFETY: the caller's guarantee.
        return unsafe { potf2(a, n) };
    }
    let n1 = half(n);
    let n2 = n - n1;
    // SAFETY: the blocks named lie in the matrix.
    unsafe {
        if !potrf(a, n1, parts) {
            return false;
        }
        // L21 = A21 L11^-T: L11 L21^T = A21^T, solved on A21^T's columns (A21's rows).
        let a21t = a.at(n1, 0).t();
        by_columns(n2, parts, |c0, c1| {
            solve_lower(a, n1, a21t.at(0, c0), c1 - c0, false, 1);
        });
        sub_gram(a.at(n1, n1), n2, a.at(n1, 0), n1, parts);
        potrf(a.at(n1, n1), n2, parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::loops::stedc::tests::noise;

    /// An n x n matrix of items in [-1, 1).
    fn matrix(n: usize, seed: u64) -> Vec<f64> {
        noise(seed, n * n)
    }

    /// max |P A - L U| over the entries, and max |A X - B|, for orders across the recursion's
    /// cut points, sequential and in parts.
    #[test]
    fn factors_and_solutions_reproduce_the_matrix() {
        for n in [1, 2, 7, 16, 17, 33, 64, 100, 161, 300] {
            for parts in [1, 2] {
                let a = matrix(n, n as u64);
                let mut lu = a.clone();
                let m = Cm::cols(lu.as_mut_ptr(), n as isize);
                // SAFETY: an n x n matrix.
                let (piv, _, singular) = unsafe { getrf(m, n, parts) };
                assert!(!singular);
                // P A: the exchanges applied in order.
                let mut pa = a.clone();
                for (i, &p) in piv.iter().enumerate() {
                    for j in 0..n {
                        pa.swap(i + j * n, p + j * n);
                    }
                }
                let mut worst: f64 = 0.0;
                for i in 0..n {
                    for j in 0..n {
                        let mut s = 0.0;
                        for q in 0..=i.min(j) {
                            let l = if q == i { 1.0 } else { lu[i + q * n] };
                            s += l * lu[q + j * n];
                        }
                        worst = worst.max((s - pa[i + j * n]).abs());
                    }
                }
                assert!(worst < 1e-12 * n as f64, "n={n}: |PA - LU| = {worst}");
                let k = n + 3;
                let bm: Vec<f64> = matrix(n.max(k), 7)[..n * k].to_vec();
                let mut x = bm.clone();
                let xb = Cm::cols(x.as_mut_ptr(), n as isize);
                // SAFETY: the factors and an n x k right-hand side.
                unsafe { getrs(m, n, &piv, xb, k, parts) };
                let mut res: f64 = 0.0;
                for i in 0..n {
                    for j in 0..k {
                        let s: f64 = (0..n).map(|q| a[i + q * n] * x[q + j * n]).sum();
                        res = res.max((s - bm[i + j * n]).abs());
                    }
                }
                assert!(res < 1e-9 * n as f64, "n={n}: |AX - B| = {res}");
                // The inverse: getri's agrees with getrs's on the identity, and A A^-1 = I.
                let identity = |v: &mut Vec<f64>| {
                    *v = vec![0.0; n * n];
                    (0..n).for_each(|i| v[i * (n + 1)] = 1.0);
                };
                let (mut by_rs, mut by_ri) = (Vec::new(), Vec::new());
                identity(&mut by_rs);
                identity(&mut by_ri);
                // SAFETY: the factors and n x n identities.
                unsafe {
                    getrs(
                        m,
                        n,
                        &piv,
                        Cm::cols(by_rs.as_mut_ptr(), n as isize),
                        n,
                        parts,
                    );
                    getri(m, n, &piv, Cm::cols(by_ri.as_mut_ptr(), n as isize), parts);
                }
                let scale = by_rs.iter().fold(0.0f64, |w, v| w.max(v.abs()));
                let diff = by_rs
                    .iter()
                    .zip(&by_ri)
                    .fold(0.0f64, |w, (p, q)| w.max((p - q).abs()));
                assert!(
                    diff < 1e-10 * scale * n as f64,
                    "n={n}: |getri - getrs| = {diff}"
                );
                let mut res: f64 = 0.0;
                for i in 0..n {
                    for j in 0..n {
                        let s: f64 = (0..n).map(|q| a[i + q * n] * by_ri[q + j * n]).sum();
                        res = res.max((s - if i == j { 1.0 } else { 0.0 }).abs());
                    }
                }
                assert!(res < 1e-9 * n as f64, "n={n}: |A inv(A) - I| = {res}");
            }
        }
    }

    /// max |L L^T - A| for orders across the recursion's cut points, sequential and in parts;
    /// a matrix that is not positive definite fails.
    #[test]
    fn cholesky_factors_reproduce_the_matrix() {
        for n in [1, 5, 16, 17, 40, 65, 100, 161, 300] {
            for parts in [1, 2] {
                let g = matrix(n, n as u64 + 11);
                let mut a = vec![0.0; n * n];
                for i in 0..n {
                    for j in 0..n {
                        let s: f64 = (0..n).map(|q| g[i + q * n] * g[j + q * n]).sum();
                        a[i + j * n] = s + if i == j { n as f64 } else { 0.0 };
                    }
                }
                let mut l = a.clone();
                // SAFETY: an n x n matrix.
                assert!(unsafe { potrf(Cm::cols(l.as_mut_ptr(), n as isize), n, parts) });
                let mut worst: f64 = 0.0;
                for i in 0..n {
                    for j in 0..=i {
                        let s: f64 = (0..=j).map(|q| l[i + q * n] * l[j + q * n]).sum();
                        worst = worst.max((s - a[i + j * n]).abs());
                    }
                }
                assert!(
                    worst < 1e-12 * (n * n) as f64,
                    "n={n}: |LL^T - A| = {worst}"
                );
                let mut bad = a.clone();
                bad[(n - 1) * (n + 1)] = -1.0;
                // SAFETY: as above.
                assert!(!unsafe { potrf(Cm::cols(bad.as_mut_ptr(), n as isize), n, parts) });
            }
        }
    }

    #[test]
    fn a_zero_column_marks_the_matrix_singular() {
        let n = 40;
        let mut a = matrix(n, 3);
        for i in 0..n {
            a[i + 20 * n] = 0.0;
        }
        let m = Cm::cols(a.as_mut_ptr(), n as isize);
        // SAFETY: an n x n matrix.
        let (_, _, singular) = unsafe { getrf(m, n, 1) };
        assert!(singular);
    }
}
