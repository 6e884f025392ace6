//! Divide and conquer for the symmetric tridiagonal eigenproblem, in the shape of LAPACK's
//! dstedc (dlaed0 to dlaed4): the eigenvalues and eigenvectors of `eigh` for orders above
//! [`lapack_ref::SMALL`], after faer's reduction to tridiagonal form.
//!
//! The matrix T (diagonal `d`, off-diagonal `e`) is cut in two at the middle off-diagonal
//! item rho: T = diag(T1, T2) + |rho| v v^T with v = e_{m-1} + sign(rho) e_m, once |rho| is
//! taken from the two diagonal items beside the cut. The halves are solved recursively (on
//! both cores when allowed), leaves of at most [`LEAF`] rows by the implicit QR iteration
//! (dsteqr). With T1 = Q1 D1 Q1^T and T2 = Q2 D2 Q2^T, T = Q (D + rho' z z^T) Q^T where
//! Q = diag(Q1, Q2), z = Q^T v / sqrt(2) (of unit norm) and rho' = 2|rho|. The merge:
//! - deflation (dlaed2): a component of z below the tolerance leaves its item of D an
//!   eigenvalue and its column of Q an eigenvector; two items of D closer than the tolerance
//!   are rotated so that one of them deflates;
//! - the roots of the secular equation 1/rho' + sum z_i^2 / (d_i - x) = 0, one between each
//!   pair of remaining poles and one above the last (dlaed4: the "middle way" rational
//!   interpolation of Li, in bracketing intervals, each root kept as its distances to the
//!   poles for accuracy). Roots are independent: they are shared among threads;
//! - z recomputed from the roots (Gu and Eisenstat's Loewner formula), so that the
//!   eigenvectors (z_i / (d_i - x_j)) come out orthogonal (dlaed3);
//! - the eigenvectors of T: Q times the small eigenvector matrix, the rotations undone on it
//!   first. Q is block diagonal: the product is two half-size products, run side by side,
//!   over the columns of Q that did not deflate.
//!
//! Matrices are column-major.

use faer::linalg::matmul::matmul;
use faer::prelude::{Reborrow, ReborrowMut};
use faer::{Accum, Mat, MatMut, MatRef, Par};
use rayon::prelude::*;

use super::lapack_ref;

/// Subproblems up to this order go to the QR iteration (LAPACK's SMLSIZ).
pub(super) const LEAF: usize = lapack_ref::SMALL;
/// Merges of at least this order run their halves, roots and vectors on rayon's threads
/// (eigh of 50-1000 measured on two cores: 48-64 fastest, 15-25% faster than one thread
/// from 200; 128 slower below 300).
pub const PAR_ORDER: usize = 48;
/// Half of LAPACK's machine epsilon (dlamch('E') is 2^-53).
pub(super) const EPS: f64 = f64::EPSILON * 0.5;
/// Rational-interpolation steps for one root before the bracket is bisected to the end.
const MAXIT: usize = 30;

/// The eigenvalues (ascending, into `d`) and eigenvectors (returned: n x n, column-major,
/// column j for `d[j]`) of the symmetric tridiagonal matrix with diagonal `d` and
/// off-diagonal `e` (n - 1 items). `par`: merges of at least [`PAR_ORDER`] use rayon's
/// threads. None when a leaf's QR iteration does not converge or the input or a result is
/// not finite.
pub fn stedc(d: &mut [f64], e: &[f64], par: bool) -> Option<Mat<f64>> {
    let n = d.len();
    let mut q = Mat::<f64>::zeros(n, n);
    if n == 0 {
        return Some(q);
    }
    // Scale to the largest item, as dstedc does (the tolerances are relative to it).
    let norm = largest(d, &e[..n - 1]);
    if !norm.is_finite() {
        return None;
    }
    if norm == 0.0 {
        for j in 0..n {
            q[(j, j)] = 1.0;
        }
        return Some(q);
    }
    let mut e: Vec<f64> = e[..n - 1].iter().map(|x| x / norm).collect();
    d.iter_mut().for_each(|x| *x /= norm);
    if !solve(d, &mut e, q.as_mut(), par) {
        return None;
    }
    d.iter_mut().for_each(|x| *x *= norm);
    (d.iter().all(|x| x.is_finite()) && all_finite(q.as_ref())).then_some(q)
}

/// The largest magnitude among the diagonal and off-diagonal items (NaN if any is NaN).
pub(super) fn largest(d: &[f64], e: &[f64]) -> f64 {
    d.iter().chain(e).fold(0.0f64, |m, x| {
        if x.abs() > m || x.is_nan() {
            x.abs()
        } else {
            m
        }
    })
}

/// Whether every item of `q` is finite.
pub(super) fn all_finite(q: MatRef<'_, f64>) -> bool {
    (0..q.ncols()).all(|j| col(q, j).iter().all(|x| x.is_finite()))
}

/// One subproblem: `d` (n), `e` (n - 1), its eigenvectors into `q` (n x n).
fn solve(d: &mut [f64], e: &mut [f64], q: MatMut<'_, f64>, par: bool) -> bool {
    let n = d.len();
    if n <= LEAF {
        let Some(z) = lapack_ref::steqr_vectors(d, e) else {
            return false;
        };
        let mut q = q;
        for j in 0..n {
            for i in 0..n {
                q[(i, j)] = z[i + j * n];
            }
        }
        return true;
    }
    let n1 = n / 2;
    let rho = e[n1 - 1];
    d[n1 - 1] -= rho.abs();
    d[n1] -= rho.abs();
    let mut q = q;
    {
        let (d1, d2) = d.split_at_mut(n1);
        let (e1, rest) = e.split_at_mut(n1 - 1);
        let e2 = &mut rest[1..];
        let (q1, _, _, q2) = q.rb_mut().split_at_mut(n1, n1);
        let (ok1, ok2) = if par && n >= PAR_ORDER {
            rayon::join(|| solve(d1, e1, q1, par), || solve(d2, e2, q2, par))
        } else {
            (solve(d1, e1, q1, par), solve(d2, e2, q2, par))
        };
        if !(ok1 && ok2) {
            return false;
        }
    }
    merge(d, q, n1, rho, par && n >= PAR_ORDER);
    true
}

/// A column of `q` as a slice.
fn col<'a>(q: MatRef<'a, f64>, j: usize) -> &'a [f64] {
    q.col(j)
        .try_as_col_major()
        .expect("column-major")
        .as_slice()
}

/// A column of `q` as a mutable slice.
pub(super) fn col_mut<'a>(q: MatMut<'a, f64>, j: usize) -> &'a mut [f64] {
    q.col_mut(j)
        .try_as_col_major_mut()
        .expect("column-major")
        .as_slice_mut()
}

/// The merge of two solved halves (`d[..n1]`, `q[..n1, ..n1]` and `d[n1..]`, `q[n1.., n1..]`)
/// cut at off-diagonal item `rho`: the eigenvalues and eigenvectors of the whole.
fn merge(d: &mut [f64], mut q: MatMut<'_, f64>, n1: usize, rho: f64, par: bool) {
    let n = d.len();
    // z = Q^T v / sqrt(2): the last row of Q1, sign(rho) times the first row of Q2.
    let half = std::f64::consts::FRAC_1_SQRT_2;
    let sg = if rho < 0.0 { -half } else { half };
    let mut z: Vec<f64> = (0..n)
        .map(|j| {
            if j < n1 {
                q[(n1 - 1, j)] * half
            } else {
                q[(n1, j)] * sg
            }
        })
        .collect();
    let rho = 2.0 * rho.abs();
    // The two halves' values, each ascending, merged (dlamrg).
    let mut order = Vec::with_capacity(n);
    let (mut i, mut j) = (0, n1);
    while i < n1 || j < n {
        if j == n || (i < n1 && d[i] <= d[j]) {
            order.push(i);
            i += 1;
        } else {
            order.push(j);
            j += 1;
        }
    }
    let zmax = z.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let dmax = d.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let tol = 8.0 * EPS * dmax.max(zmax);

    // Deflation (dlaed2): `kept` in ascending order of value; rotations (p, j, c, s) between
    // columns p and j of Q, in the order they were made.
    let mut kept: Vec<usize> = Vec::with_capacity(n);
    let mut deflated: Vec<usize> = Vec::new();
    let mut rotations: Vec<(usize, usize, f64, f64)> = Vec::new();
    if rho * zmax > tol {
        let mut prev: Option<usize> = None;
        for &j in &order {
            if rho * z[j].abs() <= tol {
                deflated.push(j);
                continue;
            }
            let Some(p) = prev else {
                prev = Some(j);
                continue;
            };
            let tau = z[j].hypot(z[p]);
            let t = d[j] - d[p];
            let c = z[j] / tau;
            let s = -z[p] / tau;
            if (t * c * s).abs() <= tol {
                // The rotation zeroes z[p]: d[p] is then (nearly) an eigenvalue.
                z[j] = tau;
                z[p] = 0.0;
                rotations.push((p, j, c, s));
                let dp = d[p] * c * c + d[j] * s * s;
                d[j] = d[p] * s * s + d[j] * c * c;
                d[p] = dp;
                deflated.push(p);
            } else {
                kept.push(p);
            }
            prev = Some(j);
        }
        if let Some(p) = prev {
            kept.push(p);
        }
    } else {
        deflated.extend_from_slice(&order);
    }

    // The secular equation over the kept poles: roots and their distances to the poles
    // (column j of `u` for root j), then the eigenvectors of D + rho z z^T in `u`.
    let k = kept.len();
    let poles: Vec<f64> = kept.iter().map(|&i| d[i]).collect();
    let weights: Vec<f64> = kept.iter().map(|&i| z[i]).collect();
    let mut roots = vec![0.0; k];
    let mut u = vec![0.0; k * k];
    secular_vectors(
        Poles {
            v: &poles,
            squares: false,
        },
        &weights,
        rho,
        &mut roots,
        &mut u,
        None,
        par,
    );

    // The final order: every value ascending, each either a root or a deflated item.
    #[derive(Clone, Copy)]
    enum Of {
        Root(usize),
        Item(usize),
    }
    let mut all: Vec<(f64, Of)> = Vec::with_capacity(n);
    all.extend(roots.iter().enumerate().map(|(j, &x)| (x, Of::Root(j))));
    all.extend(deflated.iter().map(|&i| (d[i], Of::Item(i))));
    all.sort_by(|a, b| a.0.total_cmp(&b.0));

    // Columns of the small matrix S (n rows, one per column of Q): a root's eigenvector
    // spread over the kept rows, a deflated item's unit vector; the rotations are undone on
    // S's rows (S <- G S, the last rotation first). A column that is a unit vector no
    // rotation touched is a column of Q: copied, not multiplied.
    let mut rotated = vec![false; n];
    for &(p, j, _, _) in &rotations {
        rotated[p] = true;
        rotated[j] = true;
    }
    let mut product_cols: Vec<usize> = Vec::with_capacity(n); // positions in `all`
    let mut copy_cols: Vec<usize> = Vec::new();
    for (f, &(_, of)) in all.iter().enumerate() {
        match of {
            Of::Item(i) if !rotated[i] => copy_cols.push(f),
            _ => product_cols.push(f),
        }
    }
    let g = product_cols.len();
    let mut s = Mat::<f64>::zeros(n, g);
    for (c, &f) in product_cols.iter().enumerate() {
        let sc = col_mut(s.as_mut(), c);
        match all[f].1 {
            Of::Root(j) => {
                for (r, &i) in kept.iter().enumerate() {
                    sc[i] = u[r + j * k];
                }
            }
            Of::Item(i) => sc[i] = 1.0,
        }
    }
    for &(p, j, c, sn) in rotations.iter().rev() {
        for col in 0..g {
            let sc = col_mut(s.as_mut(), col);
            let (a, b) = (sc[p], sc[j]);
            sc[p] = c * a - sn * b;
            sc[j] = sn * a + c * b;
        }
    }

    // The products: rows of S that are not copied columns' units, with Q's matching columns.
    let mut copied = vec![false; n];
    for &f in &copy_cols {
        if let Of::Item(i) = all[f].1 {
            copied[i] = true;
        }
    }
    let used_top: Vec<usize> = (0..n1).filter(|&i| !copied[i]).collect();
    let used_bot: Vec<usize> = (n1..n).filter(|&i| !copied[i]).collect();
    // Q's columns and S's rows in use: the blocks themselves when nothing was copied, else
    // gathered.
    drop(u);
    let qr = q.rb();
    let gather = |rows: std::ops::Range<usize>, used: &[usize]| {
        (used.len() < rows.len()).then(|| {
            let a =
                Mat::<f64>::from_fn(rows.len(), used.len(), |r, c| qr[(rows.start + r, used[c])]);
            let b = Mat::<f64>::from_fn(used.len(), g, |r, c| s[(used[r], c)]);
            (a, b)
        })
    };
    let (top_own, bot_own) = (gather(0..n1, &used_top), gather(n1..n, &used_bot));
    let n2 = n - n1;
    let (a_top, b_top) = match &top_own {
        Some((a, b)) => (a.as_ref(), b.as_ref()),
        None => (qr.submatrix(0, 0, n1, n1), s.as_ref().subrows(0, n1)),
    };
    let (a_bot, b_bot) = match &bot_own {
        Some((a, b)) => (a.as_ref(), b.as_ref()),
        None => (qr.submatrix(n1, n1, n2, n2), s.as_ref().subrows(n1, n2)),
    };
    let mut out = Mat::<f64>::zeros(n, n);
    {
        let (out_g, mut out_c) = out.as_mut().split_at_col_mut(g);
        let (top, bot) = out_g.split_at_row_mut(n1);
        if par {
            rayon::join(|| product(top, a_top, b_top), || product(bot, a_bot, b_bot));
        } else {
            product(top, a_top, b_top);
            product(bot, a_bot, b_bot);
        }
        for (c, &f) in copy_cols.iter().enumerate() {
            let Of::Item(i) = all[f].1 else {
                unreachable!()
            };
            let oc = col_mut(out_c.rb_mut(), c);
            if i < n1 {
                oc[..n1].copy_from_slice(&col(qr, i)[..n1]);
            } else {
                oc[n1..].copy_from_slice(&col(qr, i)[n1..]);
            }
        }
    }
    // Into place, in ascending order of value.
    for (c, &f) in product_cols.iter().chain(&copy_cols).enumerate() {
        col_mut(q.rb_mut(), f).copy_from_slice(col(out.as_ref(), c));
    }
    for (f, &(x, _)) in all.iter().enumerate() {
        d[f] = x;
    }
}

/// C = A B, on the own kernel where it pays and faer's otherwise, on this thread.
pub(super) fn product(c: MatMut<'_, f64>, a: MatRef<'_, f64>, b: MatRef<'_, f64>) {
    let (m, n, k) = (c.nrows(), c.ncols(), a.ncols());
    let mut c = c;
    if k == 0 {
        c.fill(0.0);
        return;
    }
    if super::gemm::available()
        && m >= 16
        && n >= 16
        && m * n * k >= super::linalg::own_gemm_work(1)
    {
        use super::gemm::{gemm, Mat as GMat, MatMut as GMatMut};
        // SAFETY: the operands are faer matrices of the sizes given, C overlaps neither.
        unsafe {
            gemm(
                m,
                n,
                k,
                GMat {
                    ptr: a.as_ptr(),
                    rs: a.row_stride(),
                    cs: a.col_stride(),
                },
                GMat {
                    ptr: b.as_ptr(),
                    rs: b.row_stride(),
                    cs: b.col_stride(),
                },
                GMatMut {
                    ptr: c.as_ptr_mut(),
                    rs: c.row_stride(),
                    cs: c.col_stride(),
                },
                1,
            )
        };
    } else {
        matmul(c, Accum::Replace, a, b, 1.0, Par::Seq);
    }
}

/// Lanes of the vectorised sums.
const L: usize = 8;

/// Over one side of the origin: sum w_i^2 / delta_i, sum (w_i / delta_i)^2, and the sum of
/// the running partial sums of the first in the order LAPACK adds them (every term of a side
/// has one sign, so that is sum c_i w_i^2 / delta_i, c_i the number of partial sums holding
/// term i: `c0 + dc * i`). Each sum in [`L`] lanes (term i in lane i mod L), the lanes added
/// last; the vector version does exactly the same operations (no fused multiply-adds), so the
/// sums are the same bits on every CPU.
fn side_sums(w: &[f64], delta: &[f64], c0: f64, dc: f64) -> (f64, f64, f64) {
    let n = w.len().min(delta.len());
    let (w, delta) = (&w[..n], &delta[..n]);
    let (mut a, mut b, mut e) = ([0.0; L], [0.0; L], [0.0; L]);
    let mut c = [0.0; L];
    for (l, x) in c.iter_mut().enumerate() {
        *x = c0 + dc * l as f64;
    }
    let step = dc * L as f64;
    let body = n / L * L;
    #[cfg(target_arch = "x86_64")]
    let vectors = super::gemm::available();
    #[cfg(not(target_arch = "x86_64"))]
    let vectors = false;
    if vectors {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the CPU has AVX2; both slices hold `body` items.
        unsafe {
            side_sums_avx2(
                w.as_ptr(),
                delta.as_ptr(),
                body,
                step,
                [&mut a, &mut b, &mut e, &mut c],
            )
        };
    } else {
        for (wl, dl) in w[..body].chunks_exact(L).zip(delta[..body].chunks_exact(L)) {
            for l in 0..L {
                let t = wl[l] / dl[l];
                let x = wl[l] * t;
                a[l] += x;
                b[l] += t * t;
                e[l] += c[l] * x;
                c[l] += step;
            }
        }
    }
    for (l, (wi, di)) in w[body..].iter().zip(&delta[body..]).enumerate() {
        let t = wi / di;
        let x = wi * t;
        a[l] += x;
        b[l] += t * t;
        e[l] += c[l] * x;
    }
    (a.iter().sum(), b.iter().sum(), e.iter().sum())
}

/// [`side_sums`]'s lanes over the first `body` items (a multiple of [`L`]), each lane's
/// operations in the scalar loop's order: the sums `s` (a, b, e) and the counts `c` updated.
///
/// # Safety
/// The CPU has AVX2; `w` and `delta` hold `body` items.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn side_sums_avx2(
    w: *const f64,
    delta: *const f64,
    body: usize,
    step: f64,
    s: [&mut [f64; L]; 4],
) {
    use std::arch::x86_64::*;
    const H: usize = L / 2;
    let [a, b, e, c] = s;
    // SAFETY (the block): the arrays hold L items, the slices `body`.
    unsafe {
        let ld = |x: &[f64; L], h: usize| _mm256_loadu_pd(x.as_ptr().add(h * H));
        let (mut av, mut bv, mut ev, mut cv) = (
            [ld(a, 0), ld(a, 1)],
            [ld(b, 0), ld(b, 1)],
            [ld(e, 0), ld(e, 1)],
            [ld(c, 0), ld(c, 1)],
        );
        let sv = _mm256_set1_pd(step);
        let mut i = 0;
        while i < body {
            for h in 0..2 {
                let wv = _mm256_loadu_pd(w.add(i + h * H));
                let t = _mm256_div_pd(wv, _mm256_loadu_pd(delta.add(i + h * H)));
                let x = _mm256_mul_pd(wv, t);
                av[h] = _mm256_add_pd(av[h], x);
                bv[h] = _mm256_add_pd(bv[h], _mm256_mul_pd(t, t));
                ev[h] = _mm256_add_pd(ev[h], _mm256_mul_pd(cv[h], x));
                cv[h] = _mm256_add_pd(cv[h], sv);
            }
            i += L;
        }
        for h in 0..2 {
            _mm256_storeu_pd(a.as_mut_ptr().add(h * H), av[h]);
            _mm256_storeu_pd(b.as_mut_ptr().add(h * H), bv[h]);
            _mm256_storeu_pd(e.as_mut_ptr().add(h * H), ev[h]);
            _mm256_storeu_pd(c.as_mut_ptr().add(h * H), cv[h]);
        }
    }
}

on_vectors! {
    /// delta_i -= eta.
    fn shift(delta: &mut [f64], eta: f64) {
        for x in delta.iter_mut() {
            *x -= eta;
        }
    }
}

on_vectors! {
    /// z_i *= (p_i - x_j) / (p_i - p_j) over rows `lo..lo + z.len()`, for every column j
    /// (`u`: k x k, column j holding p - x_j) but the row's own; with `squares`, the poles
    /// are the squares of `p` and p_i - p_j is formed as (p_i - p_j)(p_i + p_j).
    fn loewner_rows(z: &mut [f64], lo: usize, u: &[f64], p: &[f64], squares: bool) {
        let k = p.len();
        let hi = lo + z.len();
        for j in 0..k {
            let cj = &u[j * k..(j + 1) * k];
            let pj = p[j];
            let mut run = |from: usize, to: usize| {
                if from >= to {
                    return;
                }
                let rows = z[from - lo..to - lo].iter_mut().zip(&cj[from..to]).zip(&p[from..to]);
                if squares {
                    for ((zr, ci), pi) in rows {
                        *zr *= ci / ((pi - pj) * (pi + pj));
                    }
                } else {
                    for ((zr, ci), pi) in rows {
                        *zr *= ci / (pi - pj);
                    }
                }
            };
            run(lo, hi.min(j));
            run(lo.max(j + 1), hi);
        }
    }
}

on_vectors! {
    /// A unit eigenvector from its distances to the poles: u_i = z_i / (p_i - x), normalised;
    /// returns the norm before normalising.
    fn unit_vector(u: &mut [f64], z: &[f64]) -> f64 {
        let mut ss = [0.0; L];
        let mut uc = u.chunks_exact_mut(L);
        let mut zc = z.chunks_exact(L);
        for (ul, zl) in (&mut uc).zip(&mut zc) {
            for l in 0..L {
                let x = zl[l] / ul[l];
                ul[l] = x;
                ss[l] += x * x;
            }
        }
        for (l, (x, zi)) in uc.into_remainder().iter_mut().zip(zc.remainder()).enumerate() {
            *x = zi / *x;
            ss[l] += *x * *x;
        }
        let norm = ss.iter().sum::<f64>().sqrt();
        let inv = 1.0 / norm;
        for x in u.iter_mut() {
            *x *= inv;
        }
        norm
    }
}

/// The poles of a secular equation, ascending: the values themselves, or (`squares`) the
/// squares of the values, whose differences are then formed as (a - b)(a + b) so that they
/// keep their relative accuracy (the SVD's equation in s^2).
#[derive(Clone, Copy)]
pub(super) struct Poles<'a> {
    pub v: &'a [f64],
    pub squares: bool,
}

impl Poles<'_> {
    /// Pole i minus pole j.
    #[inline]
    fn diff(&self, i: usize, j: usize) -> f64 {
        let (a, b) = (self.v[i], self.v[j]);
        if self.squares {
            (a - b) * (a + b)
        } else {
            a - b
        }
    }

    /// Pole i.
    #[inline]
    fn at(&self, i: usize) -> f64 {
        if self.squares {
            self.v[i] * self.v[i]
        } else {
            self.v[i]
        }
    }
}

/// The roots of 1/rho + sum_i w_i^2 / (p_i - x) = 0 (`p` strictly ascending, rho > 0) into
/// `roots`, and the matching unit eigenvectors of diag(p) + rho w w^T into the columns of `u`
/// (k x k), from z recomputed by the Loewner formula; `norms` (if given) receives each
/// vector's norm before normalising (sum of (z_i / (p_i - x_j))^2, square-rooted).
pub(super) fn secular_vectors(
    p: Poles<'_>,
    w: &[f64],
    rho: f64,
    roots: &mut [f64],
    u: &mut [f64],
    norms: Option<&mut [f64]>,
    par: bool,
) {
    let k = p.v.len();
    if k == 0 {
        return;
    }
    if k == 1 {
        // x = p_0 + rho w_0^2; the vector w_0 / (p_0 - x), normalised, as for k > 1.
        roots[0] = p.at(0) + rho * w[0] * w[0];
        u[0] = -w[0].signum();
        if let Some(n) = norms {
            n[0] = 1.0 / (rho * w[0].abs());
        }
        return;
    }
    // Column j of `u`: p_i - x_j.
    let one =
        |(j, (x, delta)): (usize, (&mut f64, &mut [f64]))| *x = secular_root(j, p, w, rho, delta);
    if par {
        roots
            .par_iter_mut()
            .zip(u.par_chunks_mut(k))
            .enumerate()
            .for_each(one);
    } else {
        roots
            .iter_mut()
            .zip(u.chunks_mut(k))
            .enumerate()
            .for_each(one);
    }
    // z_i^2 ~ -(p_i - x_i) prod_{j != i} (p_i - x_j) / (p_i - p_j), with w's signs.
    let mut zhat: Vec<f64> = (0..k).map(|i| u[i + i * k]).collect();
    let rows = |(lo, zs): (usize, &mut [f64])| {
        loewner_rows(zs, lo, u, p.v, p.squares);
        for (r, zr) in zs.iter_mut().enumerate() {
            *zr = (-*zr).sqrt().copysign(w[lo + r]);
        }
    };
    const ROWS: usize = 64;
    if par {
        zhat.par_chunks_mut(ROWS)
            .enumerate()
            .for_each(|(b, zs)| rows((b * ROWS, zs)));
    } else {
        zhat.chunks_mut(ROWS)
            .enumerate()
            .for_each(|(b, zs)| rows((b * ROWS, zs)));
    }
    let mut scratch;
    let norms = match norms {
        Some(n) => n,
        None => {
            scratch = vec![0.0; k];
            &mut scratch[..]
        }
    };
    let vector = |(cj, nj): (&mut [f64], &mut f64)| *nj = unit_vector(cj, &zhat);
    if par {
        u.par_chunks_mut(k)
            .zip(norms.par_iter_mut())
            .for_each(vector);
    } else {
        u.chunks_mut(k).zip(norms.iter_mut()).for_each(vector);
    }
}

/// Root `j` of 1/rho + sum_i w_i^2 / (p_i - x) = 0 (k >= 2 poles): in (p_j, p_{j+1}), or
/// (p_{k-1}, p_{k-1} + rho |w|^2] for the last. Writes p_i - x to `delta` and returns x.
/// The root is found as a distance tau from the nearer pole (the origin), with the
/// distances to every pole updated step by step, so that those to the nearest poles keep
/// their relative accuracy (dlaed4).
fn secular_root(j: usize, p: Poles<'_>, w: &[f64], rho: f64, delta: &mut [f64]) -> f64 {
    let k = p.v.len();
    let rhoinv = 1.0 / rho;
    let last = j == k - 1;
    // The origin and the bracket of tau.
    let (origin, mut lb, mut ub, mut tau);
    if last {
        let mid = rho / 2.0;
        for (i, dl) in delta.iter_mut().enumerate() {
            *dl = p.diff(i, j) - mid;
        }
        let psi = side_sums(&w[..k - 2], &delta[..k - 2], 0.0, 0.0).0;
        let c = rhoinv + psi;
        let f = c + w[k - 2] * w[k - 2] / delta[k - 2] + w[k - 1] * w[k - 1] / delta[k - 1];
        let del = p.diff(k - 1, k - 2);
        let a = -c * del + w[k - 2] * w[k - 2] + w[k - 1] * w[k - 1];
        let b = w[k - 1] * w[k - 1] * del;
        let quad = || {
            let r = (a * a + 4.0 * b * c).abs().sqrt();
            if a < 0.0 {
                2.0 * b / (r - a)
            } else {
                (a + r) / (2.0 * c)
            }
        };
        if f <= 0.0 {
            let t = w[k - 2] * w[k - 2] / (del + rho) + w[k - 1] * w[k - 1] / rho;
            tau = if c <= t { rho } else { quad() };
            lb = mid;
            ub = rho;
        } else {
            tau = quad();
            lb = 0.0;
            ub = mid;
        }
        origin = j;
    } else {
        let del = p.diff(j + 1, j);
        let mid = del / 2.0;
        for (i, dl) in delta.iter_mut().enumerate() {
            *dl = p.diff(i, j) - mid;
        }
        let c = rhoinv
            + side_sums(&w[..j], &delta[..j], 0.0, 0.0).0
            + side_sums(&w[j + 2..], &delta[j + 2..], 0.0, 0.0).0;
        let (wj, wj1) = (w[j] * w[j], w[j + 1] * w[j + 1]);
        let f = c + wj / delta[j] + wj1 / delta[j + 1];
        if f > 0.0 {
            // Nearer p_j.
            let a = c * del + wj + wj1;
            let b = wj * del;
            let r = (a * a - 4.0 * b * c).abs().sqrt();
            tau = if a > 0.0 {
                2.0 * b / (a + r)
            } else {
                (a - r) / (2.0 * c)
            };
            lb = 0.0;
            ub = mid;
            origin = j;
        } else {
            let a = c * del - wj - wj1;
            let b = wj1 * del;
            let r = (a * a + 4.0 * b * c).abs().sqrt();
            tau = if a < 0.0 {
                2.0 * b / (a - r)
            } else {
                -(a + r) / (2.0 * c)
            };
            lb = -mid;
            ub = 0.0;
            origin = j + 1;
        }
    }
    if !(tau > lb && tau < ub || last && tau == ub) {
        tau = 0.5 * (lb + ub);
    }
    for (i, dl) in delta.iter_mut().enumerate() {
        *dl = p.diff(i, origin);
    }
    shift(delta, tau);
    // The two poles the interpolation uses.
    let (a_i, b_i) = if last { (k - 2, k - 1) } else { (j, j + 1) };
    for it in 0..MAXIT + 200 {
        // f(tau) split at the origin: psi over the poles below it, phi over those above, and
        // LAPACK's running bound on the rounding error of the sums.
        let (psi, dpsi, err_lo) = side_sums(&w[..origin], &delta[..origin], origin as f64, -1.0);
        let (phi, dphi, err_hi) = side_sums(&w[origin + 1..], &delta[origin + 1..], 1.0, 1.0);
        let err = err_hi - err_lo;
        let t = w[origin] / delta[origin];
        let t2 = t * t;
        let to = w[origin] * t;
        let f = rhoinv + psi + phi + to;
        let dw = dpsi + dphi + t2;
        let bound = 8.0 * (phi - psi).abs() + err + 2.0 * rhoinv + 3.0 * to.abs() + tau.abs() * dw;
        if f.abs() <= EPS * bound || f == 0.0 {
            break;
        }
        if f <= 0.0 {
            lb = lb.max(tau);
        } else {
            ub = ub.min(tau);
        }
        let mut eta;
        if it < MAXIT {
            // The middle way: the sums below and above the interval, each as one pole of
            // matching value and slope, and the resulting quadratic's root.
            let (dlo, dhi) = if origin == a_i {
                (dpsi + t2, dphi)
            } else {
                (dpsi, dphi + t2)
            };
            let (da, db) = (delta[a_i], delta[b_i]);
            let mut c = f - da * dlo - db * dhi;
            let a = (da + db) * f - da * db * dw;
            let b = da * db * f;
            if last {
                c = c.abs();
                eta = if c == 0.0 {
                    ub - tau
                } else if a >= 0.0 {
                    (a + (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
                } else {
                    2.0 * b / (a - (a * a - 4.0 * b * c).abs().sqrt())
                };
            } else {
                eta = if c == 0.0 {
                    if a == 0.0 {
                        -f / dw
                    } else {
                        b / a
                    }
                } else if a <= 0.0 {
                    (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
                } else {
                    2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
                };
            }
            if f * eta >= 0.0 || !eta.is_finite() {
                eta = -f / dw;
            }
            let next = tau + eta;
            if !(next > lb && next < ub) {
                eta = if f < 0.0 {
                    (ub - tau) / 2.0
                } else {
                    (lb - tau) / 2.0
                };
            }
        } else {
            // Bisection to the end of the bracket.
            eta = 0.5 * (lb + ub) - tau;
        }
        if eta == 0.0 || (ub - lb) <= 2.0 * EPS * lb.abs().max(ub.abs()) {
            break;
        }
        tau += eta;
        shift(delta, eta);
    }
    p.at(origin) + tau
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// max |T V - V diag(w)| and max |V^T V - I| for the tridiagonal (d, e).
    fn residuals(d: &[f64], e: &[f64], w: &[f64], v: &Mat<f64>) -> (f64, f64) {
        let n = d.len();
        let mut r: f64 = 0.0;
        for j in 0..n {
            for i in 0..n {
                let mut tv = d[i] * v[(i, j)];
                if i > 0 {
                    tv += e[i - 1] * v[(i - 1, j)];
                }
                if i + 1 < n {
                    tv += e[i] * v[(i + 1, j)];
                }
                r = r.max((tv - w[j] * v[(i, j)]).abs());
            }
        }
        (r, off_orthogonal(v))
    }

    /// max |Q^T Q - I|.
    pub(in crate::loops) fn off_orthogonal(q: &Mat<f64>) -> f64 {
        let n = q.ncols();
        let mut o: f64 = 0.0;
        for a in 0..n {
            for b in 0..n {
                let dot: f64 = (0..q.nrows()).map(|i| q[(i, a)] * q[(i, b)]).sum();
                o = o.max((dot - if a == b { 1.0 } else { 0.0 }).abs());
            }
        }
        o
    }

    fn check(d: Vec<f64>, e: Vec<f64>, par: bool) {
        let n = d.len();
        let scale = d
            .iter()
            .chain(&e)
            .fold(0.0f64, |m, x| m.max(x.abs()))
            .max(1e-300);
        let mut w = d.clone();
        let v = stedc(&mut w, &e, par).expect("converges");
        assert!(w.windows(2).all(|p| p[0] <= p[1]), "ascending");
        let (r, o) = residuals(&d, &e, &w, &v);
        let tol = 50.0 * n as f64 * f64::EPSILON;
        assert!(r <= tol * scale, "residual {r} (n = {n})");
        assert!(o <= tol, "orthogonality {o} (n = {n})");
    }

    /// A reproducible pseudo-random sequence in [-1, 1).
    pub(in crate::loops) fn noise(seed: u64, n: usize) -> Vec<f64> {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn random_tridiagonals() {
        for (n, seed) in [
            (1, 1),
            (2, 2),
            (26, 3),
            (27, 4),
            (60, 5),
            (130, 6),
            (160, 7),
        ] {
            let d = noise(seed, n);
            let e = noise(seed + 100, n.saturating_sub(1));
            check(d.clone(), e.clone(), false);
            check(d, e, true);
        }
    }

    #[test]
    fn deflating_tridiagonals() {
        // Wilkinson's W+ (pairs of nearly equal eigenvalues), a constant diagonal (every z
        // rotates away), glued blocks with tiny couplings and an all-zero off-diagonal.
        let n = 121;
        let d: Vec<f64> = (0..n).map(|i| (i as f64 - 60.0).abs()).collect();
        check(d, vec![1.0; n - 1], true);
        check(vec![2.0; 150], vec![1.0; 149], true);
        let mut e = noise(9, 199);
        for i in (19..199).step_by(20) {
            e[i] = 1e-15;
        }
        check(noise(8, 200), e, true);
        check(noise(10, 80), vec![0.0; 79], false);
        let mut d = vec![0.0; 100];
        d[50] = 1.0;
        check(d, vec![0.0; 99], false);
    }

    /// The vector lanes of `side_sums` give the scalar loop's bits (term i in lane i mod L,
    /// the counts stepped after each group of L), on either side's counts.
    #[test]
    fn side_sums_are_the_scalar_lanes_bits() {
        for n in [0, 1, 7, 8, 9, 33, 100] {
            let w = noise(n as u64 + 1, n);
            let delta: Vec<f64> = noise(n as u64 + 2, n).iter().map(|x| x + 3.0).collect();
            for (c0, dc) in [(n as f64, -1.0), (1.0, 1.0), (0.0, 0.0)] {
                let (mut a, mut b, mut e) = ([0.0; L], [0.0; L], [0.0; L]);
                let mut c: [f64; L] = std::array::from_fn(|l| c0 + dc * l as f64);
                for (i, (wi, di)) in w.iter().zip(&delta).enumerate() {
                    let (l, t) = (i % L, wi / di);
                    let x = wi * t;
                    a[l] += x;
                    b[l] += t * t;
                    e[l] += c[l] * x;
                    if i < n / L * L {
                        c[l] += dc * L as f64;
                    }
                }
                let want = (
                    a.iter().sum::<f64>(),
                    b.iter().sum::<f64>(),
                    e.iter().sum::<f64>(),
                );
                let got = side_sums(&w, &delta, c0, dc);
                let bits = |x: (f64, f64, f64)| [x.0.to_bits(), x.1.to_bits(), x.2.to_bits()];
                assert_eq!(bits(got), bits(want), "n {n} c0 {c0} dc {dc}");
            }
        }
    }

    #[test]
    fn graded_tridiagonal() {
        let n: usize = 100;
        let d: Vec<f64> = (0..n).map(|i| 10f64.powi(-(i as i32) / 8)).collect();
        let e: Vec<f64> = (0..n - 1)
            .map(|i| 10f64.powi(-(i as i32) / 8) * 0.5)
            .collect();
        check(d, e, false);
    }
}
