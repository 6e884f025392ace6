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
//! [`PAR_SYMV`] on, by columns of equal area: the caller takes the first columns at every
//! step and the trailing update, so that each half of the matrix tends to stay in one
//! core's cache (eigh of 500 on AMD Zen 4: this reduction 5 ms, faer's unblocked one 8).
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
/// triangle read, the strict upper one partly overwritten, never read) to tridiagonal form
/// in place. Returns the
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
    rows: Vec<f64>,
    x: Vec<f64>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        let cols = NB.max(LAST.min(n));
        Scratch {
            w: vec![0.0; n * cols],
            y: [vec![0.0; n], vec![0.0; n]],
            t: vec![0.0; 4 * cols],
            rows: vec![0.0; 2 * cols],
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
    let (rows_w, rows_v) = s.rows.split_at_mut(nb);
    for i in 0..nb {
        let c = i0 + i;
        // Column c of A - V W^T - W V^T, from row c down.
        {
            let (left, right) = a.split_at_mut(c * lda);
            for k in 0..i {
                rows_w[k] = w[k * m + i];
                rows_v[k] = left[(i0 + k) * lda + c];
            }
            gemv2(
                &mut right[c..n],
                left.get(i0 * lda + c..).unwrap_or(&[]),
                lda,
                &rows_w[..i],
                &w[i..],
                m,
                &rows_v[..i],
            );
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
        // the panel's earlier columns. The product with A and the dot products with the
        // panel's columns are split between the threads.
        let r0 = c + 1 - i0;
        let (vpart, rest) = a.split_at_mut((c + 1) * lda);
        let v = &vpart[c * lda + c + 1..c * lda + n];
        let sm = &rest[c + 1..];
        let vc = &vpart[i0 * lda + c + 1..];
        let (wdone, wcol) = w.split_at_mut(i * m);
        let wc = wdone.get(r0..).unwrap_or(&[]);
        let wcol = &mut wcol[r0..m];
        let [y0, y1] = &mut s.y;
        let (y0, y1) = (&mut y0[..p], &mut y1[..p]);
        let (ta, tb) = s.t.split_at_mut(2 * nb);
        let (tb, _) = tb.split_at_mut(2 * nb);
        if par && p >= PAR_SYMV && rayon::current_num_threads() > 1 {
            let (cut, half) = (split(p), p / 2);
            both(
                || {
                    y0.fill(0.0);
                    symv_part(sm, lda, p, v, y0, 0, cut);
                    let (tw, tv) = ta.split_at_mut(nb);
                    dots2(vc, lda, wc, m, v, 0, half, &mut tw[..i], &mut tv[..i]);
                },
                || {
                    y1.fill(0.0);
                    symv_part(sm, lda, p, v, y1, cut, p);
                    let (tw, tv) = tb.split_at_mut(nb);
                    dots2(vc, lda, wc, m, v, half, p, &mut tw[..i], &mut tv[..i]);
                },
            );
            for (a, b) in ta.iter_mut().zip(tb.iter()) {
                *a += b;
            }
            for (x, (a, b)) in wcol.iter_mut().zip(y0.iter().zip(y1.iter())) {
                *x = a + b;
            }
        } else {
            wcol.fill(0.0);
            symv_part(sm, lda, p, v, wcol, 0, p);
            let (tw, tv) = ta.split_at_mut(nb);
            dots2(vc, lda, wc, m, v, 0, p, &mut tw[..i], &mut tv[..i]);
        }
        let (wv, vv) = ta.split_at(nb);
        gemv2(wcol, vc, lda, &wv[..i], wc, m, &vv[..i]);
        wcol.iter_mut().for_each(|x| *x *= f);
        let alpha = -0.5 * f * dot(wcol, v);
        for (x, vr) in wcol.iter_mut().zip(v) {
            *x += alpha * vr;
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
    let xs = &GMat {
        ptr: x.as_ptr(),
        rs: 1,
        cs: q as isize,
    };
    let ys = &GMat {
        ptr: y.as_ptr(),
        rs: q as isize,
        cs: 1,
    };
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
                    GMat {
                        ptr: xs.ptr.add(b0),
                        ..*xs
                    },
                    GMat {
                        ptr: ys.ptr.add(b0),
                        ..*ys
                    },
                    GMatMut {
                        ptr: ts.ptr.offset(b0 as isize * (1 + ts.cs)),
                        ..*ts
                    },
                    1,
                    Update::Sub,
                )
            };
        }
    };
    if par && q >= PAR_SYMV && rayon::current_num_threads() > 1 {
        let cut = split(q);
        both(|| run(0, cut), || run(cut, q));
    } else {
        run(0, q);
    }
}

/// Where two threads split the columns of a lower triangle of order p: columns cut..p hold
/// half of its items.
fn split(p: usize) -> usize {
    p - ((p as f64) * std::f64::consts::FRAC_1_SQRT_2) as usize
}

/// Runs `f0` and `f1`, on two threads where there are two: inside rayon's pool (where eigh
/// runs with the pool's other threads kept looking for work) `f1` is taken by another of its
/// threads, outside it by a helper thread.
fn both(f0: impl FnOnce() + Send, f1: impl FnOnce() + Send) {
    if rayon::current_thread_index().is_some() {
        rayon::join(f0, f1);
    } else {
        let parts = [
            Mutex::new(Some(Box::new(f0) as Box<dyn FnOnce() + Send>)),
            Mutex::new(Some(Box::new(f1))),
        ];
        super::helpers::share(2, |t| {
            if let Some(f) = parts[t].lock().ok().and_then(|mut f| f.take()) {
                f();
            }
        });
    }
}

on_vectors! {
    /// y += (columns c0..c1 of S) v and their transposes' share: for each column j, y_j gets
    /// S[j.., j] . v[j..] and y_r (r > j) gets S[r, j] v_j. S's item (r, j) is
    /// s[j * lda + r]; rows and columns below p.
    fn symv_part(s: &[f64], lda: usize, p: usize, v: &[f64], y: &mut [f64], c0: usize, c1: usize) {
        const C: usize = 4;
        let mut j = c0;
        while j + C <= c1 {
            // The C x C triangle at the columns' top, then rows j + C.. of all C at once.
            let mut acc = [0.0; C];
            for k in 0..C {
                let col = &s[(j + k) * lda..];
                acc[k] += col[j + k] * v[j + k];
                for r in j + k + 1..j + C {
                    acc[k] += col[r] * v[r];
                    y[r] += col[r] * v[j + k];
                }
            }
            let lo = j + C;
            let a: [&[f64]; C] =
                std::array::from_fn(|k| &s[(j + k) * lda + lo..(j + k) * lda + p]);
            let vj: [f64; C] = std::array::from_fn(|k| v[j + k]);
            let sums = rows4(a, vj, &v[lo..p], &mut y[lo..p]);
            for k in 0..C {
                y[j + k] += acc[k] + sums[k];
            }
            j += C;
        }
        while j < c1 {
            let a0 = &s[j * lda + j..j * lda + p];
            let v0 = v[j];
            let mut acc = a0[0] * v0;
            for (r, x) in a0.iter().enumerate().skip(1) {
                y[j + r] += x * v0;
                acc += x * v[j + r];
            }
            y[j] += acc;
            j += 1;
        }
    }
}

/// Rows of four columns `a` of the symmetric product: y += a vj (the columns' share of the
/// rows), and the columns' dot products with `v`, returned.
fn rows4(a: [&[f64]; 4], vj: [f64; 4], v: &[f64], y: &mut [f64]) -> [f64; 4] {
    let len = y.len();
    assert!(v.len() == len && a.iter().all(|c| c.len() == len));
    #[cfg(target_arch = "x86_64")]
    if super::gemm::available() {
        // SAFETY: the CPU has AVX2 and FMA; every slice holds `len` items.
        return unsafe { rows4_avx2(a.map(|c| c.as_ptr()), vj, v.as_ptr(), y.as_mut_ptr(), len) };
    }
    let mut s = [0.0; 4];
    for r in 0..len {
        for k in 0..4 {
            y[r] += a[k][r] * vj[k];
            s[k] += a[k][r] * v[r];
        }
    }
    s
}

/// [`rows4`] on 256-bit vectors, eight rows a step (two sums a column, so that the sums'
/// additions do not wait on each other).
///
/// # Safety
/// The CPU has AVX2 and FMA; `a`'s columns, `v` and `y` hold `len` items.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(clippy::needless_range_loop)]
unsafe fn rows4_avx2(
    a: [*const f64; 4],
    vj: [f64; 4],
    v: *const f64,
    y: *mut f64,
    len: usize,
) -> [f64; 4] {
    use std::arch::x86_64::*;
    let vb = vj.map(|x| _mm256_set1_pd(x));
    let mut s = [[_mm256_setzero_pd(); 2]; 4];
    let mut r = 0;
    // SAFETY (the block): rows below `len` of each operand.
    unsafe {
        while r + 8 <= len {
            for h in 0..2 {
                let o = r + 4 * h;
                let vr = _mm256_loadu_pd(v.add(o));
                let mut yr = _mm256_loadu_pd(y.add(o));
                for k in 0..4 {
                    let ar = _mm256_loadu_pd(a[k].add(o));
                    yr = _mm256_fmadd_pd(ar, vb[k], yr);
                    s[k][h] = _mm256_fmadd_pd(ar, vr, s[k][h]);
                }
                _mm256_storeu_pd(y.add(o), yr);
            }
            r += 8;
        }
        let mut out = [0.0; 4];
        for k in 0..4 {
            let mut lanes = [0.0; 4];
            _mm256_storeu_pd(lanes.as_mut_ptr(), _mm256_add_pd(s[k][0], s[k][1]));
            out[k] = lanes.iter().sum();
        }
        while r < len {
            let vr = *v.add(r);
            let yr = &mut *y.add(r);
            for k in 0..4 {
                let x = *a[k].add(r);
                *yr += x * vj[k];
                out[k] += x * vr;
            }
            r += 1;
        }
        out
    }
}

/// Lanes of the vectorised sums.
const L: usize = 8;

on_vectors! {
    /// y -= X s + Z t over y's rows, X and Z with s.len() columns (X's item (r, k) is
    /// x[k * dx + r], Z's z[k * dz + r]).
    fn gemv2(y: &mut [f64], x: &[f64], dx: usize, s: &[f64], z: &[f64], dz: usize, t: &[f64]) {
        let p = y.len();
        let body = p / L * L;
        for r in (0..body).step_by(L) {
            let yr: &mut [f64; L] = (&mut y[r..r + L]).try_into().expect("L items");
            let mut acc = *yr;
            for (k, (sk, tk)) in s.iter().zip(t).enumerate() {
                let xr: &[f64; L] = x[k * dx + r..k * dx + r + L].try_into().expect("L items");
                let zr: &[f64; L] = z[k * dz + r..k * dz + r + L].try_into().expect("L items");
                for l in 0..L {
                    acc[l] = xr[l].mul_add(-sk, acc[l]);
                    acc[l] = zr[l].mul_add(-tk, acc[l]);
                }
            }
            *yr = acc;
        }
        for (r, yr) in y.iter_mut().enumerate().skip(body) {
            for (k, (sk, tk)) in s.iter().zip(t).enumerate() {
                *yr -= x[k * dx + r] * sk + z[k * dz + r] * tk;
            }
        }
    }
}

on_vectors! {
    /// Over rows r0..r1: oz[k] = Z[:, k] . v and ox[k] = X[:, k] . v for k below ox's length
    /// (X's item (r, k) is x[k * dx + r], Z's z[k * dz + r]).
    #[allow(clippy::too_many_arguments)]
    fn dots2(x: &[f64], dx: usize, z: &[f64], dz: usize, v: &[f64], r0: usize, r1: usize, oz: &mut [f64], ox: &mut [f64]) {
        let v = &v[r0..r1];
        for k in 0..ox.len() {
            let xk = &x[k * dx + r0..k * dx + r1];
            let zk = &z[k * dz + r0..k * dz + r1];
            let (mut sx, mut sz) = ([0.0; L], [0.0; L]);
            let (mut cx, mut cz, mut cv) = (xk.chunks_exact(L), zk.chunks_exact(L), v.chunks_exact(L));
            for ((a, b), c) in (&mut cx).zip(&mut cz).zip(&mut cv) {
                let (a, b, c): (&[f64; L], &[f64; L], &[f64; L]) = (
                    a.try_into().expect("L items"),
                    b.try_into().expect("L items"),
                    c.try_into().expect("L items"),
                );
                for l in 0..L {
                    sx[l] = a[l].mul_add(c[l], sx[l]);
                    sz[l] = b[l].mul_add(c[l], sz[l]);
                }
            }
            let (mut tx, mut tz) = (0.0, 0.0);
            for ((a, b), c) in cx.remainder().iter().zip(cz.remainder()).zip(cv.remainder()) {
                tx += a * c;
                tz += b * c;
            }
            oz[k] = tz + sz.iter().sum::<f64>();
            ox[k] = tx + sx.iter().sum::<f64>();
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
