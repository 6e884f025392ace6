//! Divide and conquer for the singular value decomposition of a real upper bidiagonal
//! matrix, in the shape of LAPACK's dbdsdc (dlasd0 to dlasd4): the SVD of `svd` for real
//! matrices above [`lapack_ref::SMALL`], after faer's reduction to bidiagonal form.
//!
//! A node is an n x (n + sqre) upper bidiagonal B, sqre 0 or 1. It is cut at its middle row
//! k (diagonal alpha, superdiagonal beta): the rows above form a k x (k + 1) bidiagonal B1
//! (sqre 1), the rows below an (n - k - 1) x (n - k - 1 + sqre) one B2. With B1 = U1 (D1 0)
//! V1^T and B2 = U2 (D2 0) V2^T (solved recursively, on both cores when allowed; leaves of at
//! most [`LEAF`] rows by dbdsqr, after rotating a sqre = 1 leaf square as dlasdq does),
//! B = diag(U1, 1, U2) M diag(V1, V2)^T where M is a broken arrow: the middle row z =
//! (alpha * the last row of V1, beta * the first row of V2), and the diagonal D1, D2 with 0
//! for the null column of B1 (the null column of B2, when sqre = 1, is rotated into it). The
//! singular values of M are the roots of 1 + sum z_i^2 / (d_i^2 - s^2), solved in s^2 by
//! `stedc`'s secular solver with its pole differences formed as (d_i - d_j)(d_i + d_j);
//! right vectors z_i / (d_i^2 - s^2), left vectors (-1, d_i z_i / (d_i^2 - s^2)), each
//! normalised, from z recomputed by the Loewner formula. Deflation as dlasd2: a component of
//! z below the tolerance (its item of D is a singular value), two items of D within the
//! tolerance (a rotation on both sides zeroes one z), an item within the tolerance of 0 (a
//! rotation of the right side into the null column).
//!
//! Matrices are column-major.

use faer::prelude::{Reborrow, ReborrowMut};
use faer::{Mat, MatMut};

use super::lapack_ref;
use super::stedc::{
    all_finite, col_mut, largest, product, secular_vectors, Poles, EPS, LEAF, PAR_ORDER,
};

/// The SVD of the n x n upper bidiagonal with diagonal `d` and superdiagonal `e` (n - 1
/// items): the singular values into `d` (descending) and (U, V), n x n each, with
/// B = U diag(d) V^T. `par`: merges of at least [`PAR_ORDER`] use rayon's threads. None when a
/// leaf's QR iteration does not converge or the input or a result is not finite.
pub fn bdsdc(d: &mut [f64], e: &[f64], par: bool) -> Option<(Mat<f64>, Mat<f64>)> {
    let n = d.len();
    let mut u = Mat::<f64>::zeros(n, n);
    let mut v = Mat::<f64>::zeros(n, n);
    if n == 0 {
        return Some((u, v));
    }
    let norm = largest(d, &e[..n - 1]);
    if !norm.is_finite() {
        return None;
    }
    if norm == 0.0 {
        for j in 0..n {
            u[(j, j)] = 1.0;
            v[(j, j)] = 1.0;
        }
        d.iter_mut().for_each(|x| *x = 0.0);
        return Some((u, v));
    }
    let mut e: Vec<f64> = e[..n - 1].iter().map(|x| x / norm).collect();
    d.iter_mut().for_each(|x| *x /= norm);
    if !solve(d, &mut e, 0, u.as_mut(), v.as_mut(), par) {
        return None;
    }
    // Ascending from the recursion; numpy's order is descending.
    d.reverse();
    d.iter_mut().for_each(|x| *x *= norm);
    let u = Mat::<f64>::from_fn(n, n, |i, j| u[(i, n - 1 - j)]);
    let v = Mat::<f64>::from_fn(n, n, |i, j| v[(i, n - 1 - j)]);
    let finite =
        d.iter().all(|x| x.is_finite()) && all_finite(u.as_ref()) && all_finite(v.as_ref());
    finite.then_some((u, v))
}

/// One node: `d` (n), `e` (n - 1 + sqre); the singular values into `d` (ascending), the left
/// vectors into `u` (n x n), the right ones into `v` ((n + sqre) x (n + sqre); with sqre, the
/// last column spans the null space).
fn solve(
    d: &mut [f64],
    e: &mut [f64],
    sqre: usize,
    u: MatMut<'_, f64>,
    v: MatMut<'_, f64>,
    par: bool,
) -> bool {
    let n = d.len();
    if n <= LEAF {
        return leaf(d, e, sqre, u, v);
    }
    let k = n / 2;
    let (alpha, beta) = (d[k], e[k]);
    let mut u = u;
    let mut v = v;
    {
        let (d1, rest) = d.split_at_mut(k);
        let d2 = &mut rest[1..];
        let (e1, rest) = e.split_at_mut(k);
        let e2 = &mut rest[1..];
        let (u1, _, _, rest) = u.rb_mut().split_at_mut(k, k);
        let (_, _, _, u2) = rest.split_at_mut(1, 1);
        let (v1, _, _, v2) = v.rb_mut().split_at_mut(k + 1, k + 1);
        let (ok1, ok2) = if par && n >= PAR_ORDER {
            rayon::join(
                || solve(d1, e1, 1, u1, v1, par),
                || solve(d2, e2, sqre, u2, v2, par),
            )
        } else {
            (
                solve(d1, e1, 1, u1, v1, par),
                solve(d2, e2, sqre, u2, v2, par),
            )
        };
        if !(ok1 && ok2) {
            return false;
        }
    }
    merge(d, sqre, k, alpha, beta, u, v, par && n >= PAR_ORDER);
    true
}

/// A leaf: the extra column (sqre = 1) rotated away from the right, then dbdsqr.
fn leaf(d: &mut [f64], e: &[f64], sqre: usize, u: MatMut<'_, f64>, v: MatMut<'_, f64>) -> bool {
    let n = d.len();
    let m = n + sqre;
    let mut e: Vec<f64> = e.to_vec();
    // The right rotations, accumulated: B G = (B' 0) with B' square.
    let mut g = Mat::<f64>::identity(m, m);
    if sqre == 1 {
        let mut f = e[n - 1];
        for j in (0..n).rev() {
            let r = d[j].hypot(f);
            let (c, s) = if r == 0.0 {
                (1.0, 0.0)
            } else {
                (d[j] / r, f / r)
            };
            d[j] = r;
            if j > 0 {
                f = -s * e[j - 1];
                e[j - 1] *= c;
            }
            for i in 0..m {
                let (a, b) = (g[(i, j)], g[(i, n)]);
                g[(i, j)] = c * a + s * b;
                g[(i, n)] = c * b - s * a;
            }
        }
    }
    let Some((ub, vt)) = lapack_ref::bdsqr_vectors(d, &e[..n.saturating_sub(1)]) else {
        return false;
    };
    // Descending from dbdsqr: column c of the node is dbdsqr's n - 1 - c.
    d.reverse();
    let (mut u, mut v) = (u, v);
    for c in 0..n {
        let src = n - 1 - c;
        for i in 0..n {
            u[(i, c)] = ub[i + src * n];
        }
        // V = G diag(W, 1), W = VT^T: column c is G[:, ..n] times row `src` of VT.
        for i in 0..m {
            let mut x = 0.0;
            for t in 0..n {
                x += g[(i, t)] * vt[src + t * n];
            }
            v[(i, c)] = x;
        }
    }
    if sqre == 1 {
        for i in 0..m {
            v[(i, n)] = g[(i, n)];
        }
    }
    true
}

/// The merge of node (n rows, n + sqre columns) cut at row k with diagonal `alpha` and
/// superdiagonal `beta`, its halves solved into `d[..k]`, `u[..k, ..k]`, `v[..=k, ..=k]` and
/// `d[k + 1..]`, `u[k + 1.., k + 1..]`, `v[k + 1.., k + 1..]`.
#[allow(clippy::too_many_arguments)]
fn merge(
    d: &mut [f64],
    sqre: usize,
    k: usize,
    alpha: f64,
    beta: f64,
    mut u: MatMut<'_, f64>,
    mut v: MatMut<'_, f64>,
    par: bool,
) {
    let n = d.len();
    let m = n + sqre;
    // Pole p (0..n) is column p of the blocks of U and V: the halves' singular vectors, and at
    // p = k the middle row (U) and B1's null column (V), value 0.
    let vals: Vec<f64> = (0..n).map(|p| if p == k { 0.0 } else { d[p] }).collect();
    let mut z: Vec<f64> = (0..n)
        .map(|p| {
            if p <= k {
                alpha * v[(k, p)]
            } else {
                beta * v[(k + 1, p)]
            }
        })
        .collect();
    let dmax = vals.iter().fold(0.0f64, |a, x| a.max(x.abs()));
    let tol = 8.0 * EPS * dmax.max(alpha.abs()).max(beta.abs());
    // Rotations (a, b, c, s, both sides) of columns a and b, zeroing z[a]; column n of V is
    // B2's null column when sqre = 1.
    let mut rotations: Vec<(usize, usize, f64, f64, bool)> = Vec::new();
    let mut zeroing = |z: &mut [f64], za: f64, a: usize, b: usize, both: bool| {
        let tau = z[b].hypot(za);
        if tau > 0.0 {
            rotations.push((a, b, z[b] / tau, -za / tau, both));
        }
        z[b] = tau;
    };
    if sqre == 1 {
        let zx = beta * v[(k + 1, n)];
        zeroing(&mut z, zx, n, k, false);
    }
    if z[k].abs() <= tol {
        z[k] = tol;
    }
    let mut order: Vec<usize> = (0..n).filter(|&p| p != k).collect();
    order.sort_by(|&a, &b| vals[a].total_cmp(&vals[b]));
    let mut kept: Vec<usize> = Vec::with_capacity(n);
    let mut deflated: Vec<usize> = Vec::new();
    let mut prev = k;
    for &j in &order {
        if z[j].abs() <= tol {
            deflated.push(j);
            continue;
        }
        if vals[j] - vals[prev] <= tol {
            if prev == k {
                // Within the tolerance of 0: rotated into the null column (the right side).
                let zj = z[j];
                z[j] = 0.0;
                zeroing(&mut z, zj, j, k, false);
                deflated.push(j);
            } else {
                let zp = z[prev];
                z[prev] = 0.0;
                zeroing(&mut z, zp, prev, j, true);
                deflated.push(prev);
                prev = j;
            }
            continue;
        }
        kept.push(prev);
        prev = j;
    }
    kept.push(prev);

    // The secular equation in s^2 over the kept poles (the first is the pole at 0).
    let kk = kept.len();
    let poles: Vec<f64> = kept.iter().map(|&p| vals[p]).collect();
    let weights: Vec<f64> = kept.iter().map(|&p| z[p]).collect();
    let mut roots = vec![0.0; kk];
    let mut rv = vec![0.0; kk * kk];
    let mut norms = vec![0.0; kk];
    secular_vectors(
        Poles {
            v: &poles,
            squares: true,
        },
        &weights,
        1.0,
        &mut roots,
        &mut rv,
        Some(&mut norms),
        par,
    );
    // Left vectors: (-1 / norm_j at the pole at 0, d_i v_ij), normalised.
    let mut lv = vec![0.0; kk * kk];
    for j in 0..kk {
        let c = &mut lv[j * kk..(j + 1) * kk];
        let mut ss = 0.0;
        for (r, x) in c.iter_mut().enumerate() {
            *x = if r == 0 {
                -1.0 / norms[j]
            } else {
                poles[r] * rv[r + j * kk]
            };
            ss += *x * *x;
        }
        let inv = 1.0 / ss.sqrt();
        c.iter_mut().for_each(|x| *x *= inv);
    }

    // Every singular value, ascending: a root or a deflated pole.
    #[derive(Clone, Copy)]
    enum Of {
        Root(usize),
        Pole(usize),
    }
    let mut all: Vec<(f64, Of)> = Vec::with_capacity(n);
    all.extend(
        roots
            .iter()
            .enumerate()
            .map(|(j, &x)| (x.max(0.0).sqrt(), Of::Root(j))),
    );
    all.extend(deflated.iter().map(|&p| (vals[p], Of::Pole(p))));
    all.sort_by(|a, b| a.0.total_cmp(&b.0));

    // The small matrices in the blocks' columns, the rotations undone on their rows.
    let mut su = Mat::<f64>::zeros(n, n);
    let mut sv = Mat::<f64>::zeros(m, m);
    for (c, &(_, of)) in all.iter().enumerate() {
        match of {
            Of::Root(j) => {
                let (cu, cv) = (col_mut(su.as_mut(), c), col_mut(sv.as_mut(), c));
                for (r, &p) in kept.iter().enumerate() {
                    cu[p] = lv[r + j * kk];
                    cv[p] = rv[r + j * kk];
                }
            }
            Of::Pole(p) => {
                su[(p, c)] = 1.0;
                sv[(p, c)] = 1.0;
            }
        }
    }
    if sqre == 1 {
        sv[(n, n)] = 1.0;
    }
    for &(a, b, c, s, both) in rotations.iter().rev() {
        for j in 0..m {
            let cv = col_mut(sv.as_mut(), j);
            let (x, y) = (cv[a], cv[b]);
            cv[a] = c * x - s * y;
            cv[b] = s * x + c * y;
        }
        if both {
            for j in 0..n {
                let cu = col_mut(su.as_mut(), j);
                let (x, y) = (cu[a], cu[b]);
                cu[a] = c * x - s * y;
                cu[b] = s * x + c * y;
            }
        }
    }

    // U = diag(U1, 1, U2) su and V = diag(V1, V2) sv.
    let n2 = n - k - 1;
    let mut uo = Mat::<f64>::zeros(n, n);
    let mut vo = Mat::<f64>::zeros(m, m);
    {
        let (ut, rest) = uo.as_mut().split_at_row_mut(k);
        let (mut um, ub) = rest.split_at_row_mut(1);
        let (vt, vb) = vo.as_mut().split_at_row_mut(k + 1);
        let (u_r, v_r) = (u.rb(), v.rb());
        let (su_r, sv_r) = (su.as_ref(), sv.as_ref());
        let top = || {
            product(ut, u_r.submatrix(0, 0, k, k), su_r.subrows(0, k));
            product(
                vt,
                v_r.submatrix(0, 0, k + 1, k + 1),
                sv_r.subrows(0, k + 1),
            );
        };
        let bottom = || {
            product(
                ub,
                u_r.submatrix(k + 1, k + 1, n2, n2),
                su_r.subrows(k + 1, n2),
            );
            product(
                vb,
                v_r.submatrix(k + 1, k + 1, m - k - 1, m - k - 1),
                sv_r.subrows(k + 1, m - k - 1),
            );
        };
        if par {
            rayon::join(top, bottom);
        } else {
            top();
            bottom();
        }
        for j in 0..n {
            um[(0, j)] = su[(k, j)];
        }
    }
    u.copy_from(uo.as_ref());
    v.copy_from(vo.as_ref());
    for (c, &(x, _)) in all.iter().enumerate() {
        d[c] = x;
    }
}

#[cfg(test)]
mod tests {
    use super::super::stedc::tests::{noise, off_orthogonal};
    use super::*;

    fn check(d: Vec<f64>, e: Vec<f64>, par: bool) {
        let n = d.len();
        let scale = d
            .iter()
            .chain(&e)
            .fold(0.0f64, |m, x| m.max(x.abs()))
            .max(1e-300);
        let mut s = d.clone();
        let (u, v) = bdsdc(&mut s, &e, par).expect("converges");
        assert!(s.windows(2).all(|p| p[0] >= p[1]), "descending");
        assert!(s.iter().all(|&x| x >= 0.0), "non-negative");
        let tol = 50.0 * n as f64 * f64::EPSILON;
        // B = U S V^T and orthogonality.
        let mut r: f64 = 0.0;
        for i in 0..n {
            for j in 0..n {
                let b = if i == j {
                    d[i]
                } else if j == i + 1 {
                    e[i]
                } else {
                    0.0
                };
                let x: f64 = (0..n).map(|t| u[(i, t)] * s[t] * v[(j, t)]).sum();
                r = r.max((x - b).abs());
            }
        }
        assert!(r <= tol * scale, "residual {r} (n = {n})");
        for q in [&u, &v] {
            let o = off_orthogonal(q);
            assert!(o <= tol, "orthogonality {o} (n = {n})");
        }
    }

    #[test]
    fn random_bidiagonals() {
        for (n, seed) in [(1, 1), (2, 2), (26, 3), (27, 4), (60, 5), (131, 6)] {
            let d = noise(seed, n);
            let e = noise(seed + 100, n.saturating_sub(1));
            check(d.clone(), e.clone(), false);
            check(d, e, true);
        }
    }

    #[test]
    fn deflating_bidiagonals() {
        check(vec![1.0; 90], vec![1.0; 89], true);
        check(vec![1.0; 90], vec![0.0; 89], false);
        let mut d = noise(7, 100);
        for i in (0..100).step_by(3) {
            d[i] = 0.0;
        }
        check(d, noise(8, 99), true);
        let mut e = noise(9, 119);
        for i in (10..119).step_by(13) {
            e[i] = 1e-17;
        }
        check(noise(10, 120), e, false);
        let d: Vec<f64> = (0..80).map(|i| 10f64.powi(-(i / 6))).collect();
        check(d.clone(), d[1..].to_vec(), false);
    }
}
