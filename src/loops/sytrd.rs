//! Reduction of a real symmetric matrix to tridiagonal form, blocked as LAPACK's dsytrd with
//! dlatrd's panels (lower triangle): the first step of `eigh` and `eigvalsh` for real input.
//!
//! Reflector j (H_j = I - v v^T / tau_j, v = (1, a[j+2.., j]) from row j + 1 on; faer's
//! convention, so that faer's block reflectors apply the result) zeroes column j below its
//! subdiagonal. A panel of [`NB`] columns is reduced against the trailing matrix as it was at
//! the panel's start, the reflectors' effect kept aside as W (A - V W^T - W V^T is the
//! matrix reduced so far); the trailing matrix is updated once per panel, a product of depth
//! 2 NB. Each step's symmetric matrix-vector product reads the lower triangle once (every
//! item used for its row and its column) and is split between two threads from
//! [`PAR_SYMV`] on: each thread keeps the same columns from step to step, so that its half
//! of the matrix stays in its core's cache.
//!
//! Matrices are column-major (`lda`: the distance between columns).

use faer::linalg::matmul::triangular::{self, BlockStructure};
use faer::{Accum, MatMut, MatRef, Par};
use std::sync::Mutex;

/// Columns a panel reduces before the trailing matrix is updated (LAPACK's block size).
const NB: usize = 32;
/// Trailing orders up to this are reduced as one panel, with no trailing update.
const LAST: usize = 64;
/// Orders of the matrix-vector product from which it is split between two threads.
const PAR_SYMV: usize = 160;
/// Columns of the trailing matrix one product of its update covers.
const UPDATE: usize = 64;

/// Reduces the symmetric `a` (n x n, column-major with column distance `lda`; the lower
/// triangle read, the upper left as it was) to tridiagonal form in place. Returns the
/// diagonal, the subdiagonal and the reflectors' tau (n - 1 each but the diagonal); on return
/// the diagonal and subdiagonal of `a` hold them too, and column j below its subdiagonal the
/// essential part of reflector j. `par`: the products run on two threads where they are
/// large.
pub(super) fn sytrd_lower(
    a: &mut [f64],
    lda: usize,
    n: usize,
    par: bool,
) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    assert!(n >= 1 && lda >= n && a.len() >= lda * (n - 1) + n);
    let mut d = vec![0.0; n];
    let mut e = vec![0.0; n.saturating_sub(1)];
    let mut tau = vec![0.0; n.saturating_sub(1)];
    let mut s = Scratch::new(n);
    let mut i0 = 0;
    while n - i0 > LAST {
        panel(a, lda, n, i0, NB, &mut s, &mut d, &mut e, &mut tau, par);
        trailing_update(a, lda, n, i0, &mut s, par);
        for c in i0..i0 + NB {
            a[c * lda + c + 1] = e[c];
        }
        i0 += NB;
    }
    panel(a, lda, n, i0, n - i0, &mut s, &mut d, &mut e, &mut tau, par);
    for c in i0..n - 1 {
        a[c * lda + c + 1] = e[c];
    }
    (d, e, tau)
}

/// Work space: W (n x NB, or the last panel's order squared), the parts' sums, the panel's
/// dot products and the trailing update's operands.
struct Scratch {
    w: Vec<f64>,
    y: [Vec<f64>; 2],
    t: Vec<f64>,
    x: Vec<f64>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        let cols = NB.max(LAST.min(n));
        Scratch {
            w: vec![0.0; n * cols],
            y: [vec![0.0; n], vec![0.0; n]],
            t: vec![0.0; 2 * cols],
            x: vec![0.0; 2 * n * 2 * NB],
        }
    }
}

/// dlatrd: reduces columns `i0..i0 + nb` of the trailing matrix B = a[i0.., i0..] (order
/// m = n - i0), leaving B's trailing part (from column i0 + nb) as it was and W (m x nb, in
/// `s.w` with column distance m) such that B - V W^T - W V^T is the matrix reduced so far.
/// Each reflector's leading 1 is stored in place of its subdiagonal item (the subdiagonal
/// goes to `e`).
#[allow(clippy::too_many_arguments)]
fn panel(
    a: &mut [f64],
    lda: usize,
    n: usize,
    i0: usize,
    nb: usize,
    s: &mut Scratch,
    d: &mut [f64],
    e: &mut [f64],
    tau: &mut [f64],
    par: bool,
) {
    let m = n - i0;
    let w = &mut s.w[..m * nb];
    for i in 0..nb {
        let c = i0 + i;
        // Column c of A - V W^T - W V^T, from row c down.
        {
            let (left, right) = a.split_at_mut(c * lda);
            let col = &mut right[c..n];
            for k in 0..i {
                let vk = &left[(i0 + k) * lda + c..(i0 + k) * lda + n];
                let wk = &w[k * m + i..(k + 1) * m];
                let (sw, sv) = (w[k * m + i], left[(i0 + k) * lda + c]);
                axpy2(col, vk, sw, wk, sv);
            }
        }
        d[c] = a[c * lda + c];
        if c + 1 == n {
            break;
        }
        // The reflector that zeroes column c below row c + 1.
        let t = {
            let col = &mut a[c * lda + c + 1..c * lda + n];
            let (head, tail) = col.split_first_mut().expect("c + 1 < n");
            let info = faer::linalg::householder::make_householder_in_place(
                head,
                faer::ColMut::from_slice_mut(tail),
            );
            e[c] = *head;
            *head = 1.0;
            info.tau
        };
        tau[c] = t;
        let f = t.recip();
        let p = n - c - 1;
        // W[c+1.., i] = f (A v - V (W^T v) - W (V^T v)) over rows c + 1.., then
        // - f/2 (w . v) v added: the trailing matrix as at the panel's start, corrected by
        // the panel's earlier columns.
        let r0 = c + 1 - i0;
        {
            let (vpart, rest) = a.split_at_mut((c + 1) * lda);
            let v = &vpart[c * lda + c + 1..c * lda + n];
            let sub = &rest[..];
            symv(sub, lda, c + 1, p, v, &mut s.y, par);
            let (wdone, wcol) = w.split_at_mut(i * m);
            let wcol = &mut wcol[r0..m];
            let (y0, y1) = (&s.y[0], &s.y[1]);
            for (r, x) in wcol.iter_mut().enumerate() {
                *x = y0[r] + y1[r];
            }
            let (t1, t2) = s.t.split_at_mut(nb);
            for k in 0..i {
                let vk = &vpart[(i0 + k) * lda + c + 1..(i0 + k) * lda + n];
                let wk = &wdone[k * m + r0..(k + 1) * m];
                t1[k] = dot(wk, v);
                t2[k] = dot(vk, v);
            }
            for k in 0..i {
                let vk = &vpart[(i0 + k) * lda + c + 1..(i0 + k) * lda + n];
                let wk = &wdone[k * m + r0..(k + 1) * m];
                axpy2(wcol, vk, t1[k], wk, t2[k]);
            }
            wcol.iter_mut().for_each(|x| *x *= f);
            let alpha = -0.5 * f * dot(wcol, v);
            for (x, vr) in wcol.iter_mut().zip(v) {
                *x += alpha * vr;
            }
        }
    }
}

/// a[j0.., j0..] (lower triangle) -= V W^T + W V^T, j0 = i0 + NB: V the panel's reflectors
/// from row j0, W the panel's W from the same row; one product of depth 2 NB.
fn trailing_update(a: &mut [f64], lda: usize, n: usize, i0: usize, s: &mut Scratch, par: bool) {
    let m = n - i0;
    let j0 = i0 + NB;
    let q = n - j0;
    let k2 = 2 * NB;
    // X = [V W], Y = [W V] (q x 2 NB each, column-major).
    let (x, y) = s.x.split_at_mut(q * k2);
    let y = &mut y[..q * k2];
    for k in 0..NB {
        let v = &a[(i0 + k) * lda + j0..(i0 + k) * lda + n];
        let w = &s.w[k * m + NB..(k + 1) * m];
        x[k * q..(k + 1) * q].copy_from_slice(v);
        x[(NB + k) * q..(NB + k + 1) * q].copy_from_slice(w);
        y[k * q..(k + 1) * q].copy_from_slice(w);
        y[(NB + k) * q..(NB + k + 1) * q].copy_from_slice(v);
    }
    if !super::gemm::available() {
        let xm = MatRef::from_column_major_slice(&x[..], q, k2);
        let ym = MatRef::from_column_major_slice(&y[..], q, k2);
        let dst = MatMut::from_column_major_slice_with_stride_mut(
            &mut a[j0 * lda + j0..(n - 1) * lda + n],
            q,
            q,
            lda,
        );
        triangular::matmul(
            dst,
            BlockStructure::TriangularLower,
            Accum::Add,
            xm,
            BlockStructure::Rectangular,
            ym.transpose(),
            BlockStructure::Rectangular,
            -1.0,
            Par::Seq,
        );
        return;
    }
    use super::gemm::{gemm_update, Mat as GMat, MatMut as GMatMut, Update};
    let xs = &GMat { ptr: x.as_ptr(), rs: 1, cs: q as isize };
    let ys = &GMat { ptr: y.as_ptr(), rs: q as isize, cs: 1 };
    // SAFETY: the trailing matrix lies within `a` (its last column ends at (n - 1) lda + n).
    let ts = &GMatMut {
        ptr: unsafe { a.as_mut_ptr().add(j0 * lda + j0) },
        rs: 1,
        cs: lda as isize,
    };
    // Columns b0..b1 of the trailing matrix from row b0 down, in blocks of UPDATE columns
    // (the blocks' upper triangles are updated too, and never read).
    let run = |c0: usize, c1: usize| {
        for b0 in (c0..c1).step_by(UPDATE) {
            let b1 = (b0 + UPDATE).min(c1);
            // SAFETY: X rows b0.. (q x 2NB, column-major), Y's rows b0..b1 read as the
            // columns of Y^T, and the trailing matrix's block: all within their buffers;
            // parts update disjoint columns.
            unsafe {
                gemm_update(
                    q - b0,
                    b1 - b0,
                    k2,
                    GMat { ptr: xs.ptr.add(b0), ..*xs },
                    GMat { ptr: ys.ptr.add(b0), ..*ys },
                    GMatMut { ptr: ts.ptr.offset(b0 as isize * (1 + ts.cs)), ..*ts },
                    1,
                    Update::Sub,
                )
            };
        }
    };
    if par && q >= PAR_SYMV && super::helpers::count() > 0 {
        let cut = split(q);
        super::helpers::share(2, |t| if t == 0 { run(0, cut) } else { run(cut, q) });
    } else {
        run(0, q);
    }
}

/// Where two threads split the columns of a lower triangle of order p: columns cut..p hold
/// half of its items.
fn split(p: usize) -> usize {
    p - ((p as f64) * std::f64::consts::FRAC_1_SQRT_2) as usize
}

/// y = S v for the symmetric S = a[o.., o..] of order p (its lower triangle read), as the sum
/// of `y[0]` and `y[1]` over their first p items: the columns split between two threads by
/// the triangle's area where p is large, else all in `y[0]` (`y[1]` zeroed).
fn symv(a: &[f64], lda: usize, o: usize, p: usize, v: &[f64], y: &mut [Vec<f64>; 2], par: bool) {
    // `a` starts at column o; S's item (r, j) is a[j * lda + o + r].
    let s = &a[o..];
    if !par || p < PAR_SYMV || super::helpers::count() == 0 {
        y[0][..p].fill(0.0);
        y[1][..p].fill(0.0);
        symv_part(s, lda, p, v, &mut y[0][..p], 0, p);
        return;
    }
    let cut = split(p);
    let [y0, y1] = y;
    let parts = [Mutex::new(&mut y0[..p]), Mutex::new(&mut y1[..p])];
    super::helpers::share(2, |t| {
        let (c0, c1) = if t == 0 { (0, cut) } else { (cut, p) };
        if let Ok(mut yt) = parts[t].lock() {
            yt.fill(0.0);
            symv_part(s, lda, p, v, &mut yt[..], c0, c1);
        }
    });
}

on_vectors! {
    /// y += (columns c0..c1 of S) v and their transposes' share: for each column j, y_j gets
    /// S[j.., j] . v[j..] and y_r (r > j) gets S[r, j] v_j. S's item (r, j) is
    /// s[j * lda + r]; rows and columns below p.
    fn symv_part(s: &[f64], lda: usize, p: usize, v: &[f64], y: &mut [f64], c0: usize, c1: usize) {
        let mut j = c0;
        while j + 2 <= c1 {
            let a0 = &s[j * lda + j..j * lda + p];
            let a1 = &s[(j + 1) * lda + j + 1..(j + 1) * lda + p];
            let (v0, v1) = (v[j], v[j + 1]);
            let mut acc0 = a0[0] * v0 + a0[1] * v1;
            let mut acc1 = a1[0] * v1;
            y[j + 1] += a0[1] * v0;
            let (x0, x1) = (&a0[2..], &a1[1..]);
            let vv = &v[j + 2..p];
            let yy = &mut y[j + 2..p];
            let (mut s0, mut s1) = ([0.0; L], [0.0; L]);
            let mut c0 = x0.chunks_exact(L);
            let mut c1 = x1.chunks_exact(L);
            let mut cv = vv.chunks_exact(L);
            let mut cy = yy.chunks_exact_mut(L);
            for (((p0, p1), vr), yr) in (&mut c0).zip(&mut c1).zip(&mut cv).zip(&mut cy) {
                let (p0, p1, vr): (&[f64; L], &[f64; L], &[f64; L]) = (
                    p0.try_into().expect("L items"),
                    p1.try_into().expect("L items"),
                    vr.try_into().expect("L items"),
                );
                let yr: &mut [f64; L] = yr.try_into().expect("L items");
                for l in 0..L {
                    yr[l] = p1[l].mul_add(v1, p0[l].mul_add(v0, yr[l]));
                    s0[l] = p0[l].mul_add(vr[l], s0[l]);
                    s1[l] = p1[l].mul_add(vr[l], s1[l]);
                }
            }
            let rest = c0.remainder().iter().zip(c1.remainder()).zip(cv.remainder());
            for (((p0, p1), vr), yr) in rest.zip(cy.into_remainder()) {
                *yr += p0 * v0 + p1 * v1;
                acc0 += p0 * vr;
                acc1 += p1 * vr;
            }
            y[j] += acc0 + s0.iter().sum::<f64>();
            y[j + 1] += acc1 + s1.iter().sum::<f64>();
            j += 2;
        }
        if j < c1 {
            let a0 = &s[j * lda + j..j * lda + p];
            let v0 = v[j];
            let mut acc = a0[0] * v0;
            for (r, x) in a0.iter().enumerate().skip(1) {
                y[j + r] += x * v0;
                acc += x * v[j + r];
            }
            y[j] += acc;
        }
    }
}

/// Lanes of the vectorised sums.
const L: usize = 8;

on_vectors! {
    /// y -= x1 s1 + x2 s2 over y's length.
    fn axpy2(y: &mut [f64], x1: &[f64], s1: f64, x2: &[f64], s2: f64) {
        let n = y.len();
        for ((y, a), b) in y.iter_mut().zip(&x1[..n]).zip(&x2[..n]) {
            *y -= a * s1 + b * s2;
        }
    }
}

on_vectors! {
    /// x . y over x's length.
    fn dot(x: &[f64], y: &[f64]) -> f64 {
        let n = x.len();
        let y = &y[..n];
        let mut s = [0.0; L];
        let (mut cx, mut cy) = (x.chunks_exact(L), y.chunks_exact(L));
        for (a, b) in (&mut cx).zip(&mut cy) {
            let (a, b): (&[f64; L], &[f64; L]) =
                (a.try_into().expect("L items"), b.try_into().expect("L items"));
            for l in 0..L {
                s[l] = a[l].mul_add(b[l], s[l]);
            }
        }
        let mut t = 0.0;
        for (a, b) in cx.remainder().iter().zip(cy.remainder()) {
            t += a * b;
        }
        t + s.iter().sum::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use faer::Mat;

    /// Q^T A Q (Q the product of the reflectors, formed from the identity) against the
    /// tridiagonal matrix of d and e, and Q's orthogonality.
    fn check(n: usize, par: bool) {
        let noise = super::super::stedc::tests::noise(7 + n as u64, n * n);
        let a0 = Mat::<f64>::from_fn(n, n, |i, j| {
            let (r, c) = (i.max(j), i.min(j));
            noise[r * n + c]
        });
        let lda = n + 3;
        let mut a = vec![f64::NAN; lda * n];
        for j in 0..n {
            for i in j..n {
                a[j * lda + i] = a0[(i, j)];
            }
        }
        let (d, e, tau) = sytrd_lower(&mut a, lda, n, par);
        // Q = H_0 H_1 ... H_{n-2}, applied to the identity from the right end.
        let mut q = Mat::<f64>::identity(n, n);
        for j in (0..n.saturating_sub(1)).rev() {
            let mut v = vec![0.0; n];
            v[j + 1] = 1.0;
            for r in j + 2..n {
                v[r] = a[j * lda + r];
            }
            for col in 0..n {
                let s: f64 = (0..n).map(|r| v[r] * q[(r, col)]).sum::<f64>() / tau[j];
                for r in 0..n {
                    q[(r, col)] -= s * v[r];
                }
            }
        }
        let t = q.transpose() * &a0 * &q;
        let scale = a0.norm_max() * n as f64;
        for i in 0..n {
            for j in 0..n {
                let want = if i == j {
                    d[i]
                } else if i == j + 1 {
                    e[j]
                } else if j == i + 1 {
                    e[i]
                } else {
                    0.0
                };
                assert!((t[(i, j)] - want).abs() < 1e-13 * scale, "{n} ({i}, {j})");
            }
        }
        let qtq = q.transpose() * &q - Mat::<f64>::identity(n, n);
        assert!(qtq.norm_max() < 1e-13 * n as f64, "{n}");
        for c in 0..n.saturating_sub(1) {
            assert_eq!(a[c * lda + c], d[c]);
            assert_eq!(a[c * lda + c + 1], e[c]);
        }
    }

    #[test]
    fn reduces_to_tridiagonal() {
        for n in [1, 2, 3, 5, 33, 64, 65, 97, 130, 200] {
            check(n, false);
        }
        for n in [161, 230] {
            check(n, true);
        }
    }
}
