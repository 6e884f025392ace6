//! LAPACK's own algorithms for the symmetric eigenproblem (dsyevd) and the SVD (dgesdd) of
//! small real matrices, step by step, so that rumpy's eigenvectors and singular vectors take
//! the signs numpy's take.
//!
//! An eigenvector or a pair of singular vectors is defined up to its sign, and which sign
//! comes out is decided by the algorithm: LAPACK reduces to tridiagonal (bidiagonal) form by
//! Householder reflectors and then iterates Givens rotations, and every reflector and
//! rotation chooses a sign. faer's algorithms choose differently, so for the orders where
//! LAPACK takes its unblocked path (up to [`SMALL`]: dsteqr and dbdsqr, not divide and
//! conquer) rumpy runs the same steps here, in the same order, with the same tests for
//! convergence: the vectors then agree with numpy's to rounding, signs included. Values are
//! compared with NumPy's in the tests; numpy.random's `multivariate_normal` depends on it.
//!
//! Matrices are column-major `Vec<f64>`s; the ports keep LAPACK's 1-based loop indices where
//! that makes them easier to check against the Fortran.

// The ports index as the Fortran does, so that each line can be checked against it.
#![allow(clippy::needless_range_loop)]

/// The largest order LAPACK solves without divide and conquer (ilaenv's SMLSIZ, 25): dstedc
/// and dbdsdc hand such problems to dsteqr and dbdsqr.
pub const SMALL: usize = 25;

/// dlamch('E'): the unit roundoff.
const EPS: f64 = f64::EPSILON * 0.5;
/// dlamch('S'): the safe minimum.
const SAFMIN: f64 = f64::MIN_POSITIVE;
/// dsteqr's iteration limit per value.
const MAXIT: usize = 30;
/// dbdsqr's.
const MAXITR: usize = 6;

/// Fortran's SIGN(a, b): |a| with the sign bit of b.
fn sign(a: f64, b: f64) -> f64 {
    a.abs().copysign(b)
}

/// dlapy2: sqrt(x^2 + y^2) without overflow.
fn lapy2(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return if y.is_nan() { y } else { x };
    }
    let (xa, ya) = (x.abs(), y.abs());
    let w = xa.max(ya);
    let z = xa.min(ya);
    if z == 0.0 || w > f64::MAX {
        w
    } else {
        w * (1.0 + (z / w) * (z / w)).sqrt()
    }
}

/// dlartg (LAPACK 3.10's): (c, s, r) with [c s; -s c] [f; g] = [r; 0].
fn lartg(f: f64, g: f64) -> (f64, f64, f64) {
    let safmax = 1.0 / SAFMIN;
    let rtmin = SAFMIN.sqrt();
    let rtmax = (safmax / 2.0).sqrt();
    let (f1, g1) = (f.abs(), g.abs());
    if g == 0.0 {
        (1.0, 0.0, f)
    } else if f == 0.0 {
        (0.0, sign(1.0, g), g1)
    } else if f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax {
        let d = (f * f + g * g).sqrt();
        let r = sign(d, f);
        (f1 / d, g / r, r)
    } else {
        let u = safmax.min(SAFMIN.max(f1).max(g1));
        let (fs, gs) = (f / u, g / u);
        let d = (fs * fs + gs * gs).sqrt();
        let r = sign(d, f);
        (fs.abs() / d, gs / r, r * u)
    }
}

/// dlaev2: the eigen decomposition of [[a, b], [b, c]]: (rt1, rt2, cs1, sn1), |rt1| >= |rt2|,
/// (cs1, sn1) the unit eigenvector of rt1.
fn laev2(a: f64, b: f64, c: f64) -> (f64, f64, f64, f64) {
    let sm = a + c;
    let df = a - c;
    let adf = df.abs();
    let tb = b + b;
    let ab = tb.abs();
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    let rt = if adf > ab {
        adf * (1.0 + (ab / adf) * (ab / adf)).sqrt()
    } else if adf < ab {
        ab * (1.0 + (adf / ab) * (adf / ab)).sqrt()
    } else {
        ab * 2f64.sqrt()
    };
    let (rt1, rt2, sgn1) = if sm < 0.0 {
        let rt1 = 0.5 * (sm - rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, -1)
    } else if sm > 0.0 {
        let rt1 = 0.5 * (sm + rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, 1)
    } else {
        (0.5 * rt, -0.5 * rt, 1)
    };
    let (cs, sgn2) = if df >= 0.0 {
        (df + rt, 1)
    } else {
        (df - rt, -1)
    };
    let (mut cs1, mut sn1);
    if cs.abs() > ab {
        let ct = -tb / cs;
        sn1 = 1.0 / (1.0 + ct * ct).sqrt();
        cs1 = ct * sn1;
    } else if ab == 0.0 {
        cs1 = 1.0;
        sn1 = 0.0;
    } else {
        let tn = -cs / tb;
        cs1 = 1.0 / (1.0 + tn * tn).sqrt();
        sn1 = tn * cs1;
    }
    if sgn1 == sgn2 {
        let tn = cs1;
        cs1 = -sn1;
        sn1 = tn;
    }
    (rt1, rt2, cs1, sn1)
}

/// dlas2: the singular values (smaller, larger) of [[f, g], [0, h]].
fn las2(f: f64, g: f64, h: f64) -> (f64, f64) {
    let (fa, ga, ha) = (f.abs(), g.abs(), h.abs());
    let fhmn = fa.min(ha);
    let fhmx = fa.max(ha);
    if fhmn == 0.0 {
        let ssmax = if fhmx == 0.0 {
            ga
        } else {
            let (lo, hi) = (fhmx.min(ga), fhmx.max(ga));
            hi * (1.0 + (lo / hi) * (lo / hi)).sqrt()
        };
        (0.0, ssmax)
    } else if ga < fhmx {
        let as_ = 1.0 + fhmn / fhmx;
        let at = (fhmx - fhmn) / fhmx;
        let au = (ga / fhmx) * (ga / fhmx);
        let c = 2.0 / ((as_ * as_ + au).sqrt() + (at * at + au).sqrt());
        (fhmn * c, fhmx / c)
    } else {
        let au = fhmx / ga;
        if au == 0.0 {
            ((fhmn * fhmx) / ga, ga)
        } else {
            let as_ = 1.0 + fhmn / fhmx;
            let at = (fhmx - fhmn) / fhmx;
            let c = 1.0
                / ((1.0 + (as_ * au) * (as_ * au)).sqrt() + (1.0 + (at * au) * (at * au)).sqrt());
            let ssmin = (fhmn * c) * au;
            (ssmin + ssmin, ga / (c + c))
        }
    }
}

/// dlasv2: the SVD of [[f, g], [0, h]]: (ssmin, ssmax, snr, csr, snl, csl).
fn lasv2(f: f64, g: f64, h: f64) -> (f64, f64, f64, f64, f64, f64) {
    let mut ft = f;
    let mut fa = ft.abs();
    let mut ht = h;
    let mut ha = h.abs();
    let mut pmax = 1;
    let swap = ha > fa;
    if swap {
        pmax = 3;
        std::mem::swap(&mut ft, &mut ht);
        std::mem::swap(&mut fa, &mut ha);
    }
    let gt = g;
    let ga = gt.abs();
    let (mut ssmin, mut ssmax, clt, crt, slt, srt);
    if ga == 0.0 {
        ssmin = ha;
        ssmax = fa;
        clt = 1.0;
        crt = 1.0;
        slt = 0.0;
        srt = 0.0;
    } else {
        let mut gasmal = true;
        let (mut c1, mut c2, mut s1, mut s2) = (0.0, 0.0, 0.0, 0.0);
        ssmin = 0.0;
        ssmax = 0.0;
        if ga > fa {
            pmax = 2;
            if fa / ga < EPS {
                gasmal = false;
                ssmax = ga;
                ssmin = if ha > 1.0 {
                    fa / (ga / ha)
                } else {
                    (fa / ga) * ha
                };
                c1 = 1.0;
                s1 = ht / gt;
                s2 = 1.0;
                c2 = ft / gt;
            }
        }
        if gasmal {
            let d = fa - ha;
            let mut l = if d == fa { 1.0 } else { d / fa };
            let m = gt / ft;
            let mut t = 2.0 - l;
            let mm = m * m;
            let tt = t * t;
            let s = (tt + mm).sqrt();
            let r = if l == 0.0 {
                m.abs()
            } else {
                (l * l + mm).sqrt()
            };
            let a = 0.5 * (s + r);
            ssmin = ha / a;
            ssmax = fa * a;
            t = if mm == 0.0 {
                if l == 0.0 {
                    sign(2.0, ft) * sign(1.0, gt)
                } else {
                    gt / sign(d, ft) + m / t
                }
            } else {
                (m / (s + t) + m / (r + l)) * (1.0 + a)
            };
            l = (t * t + 4.0).sqrt();
            c2 = 2.0 / l;
            s2 = t / l;
            c1 = (c2 + s2 * m) / a;
            s1 = (ht / ft) * s2 / a;
        }
        clt = c1;
        slt = s1;
        crt = c2;
        srt = s2;
    }
    let (csl, snl, csr, snr) = if swap {
        (srt, crt, slt, clt)
    } else {
        (clt, slt, crt, srt)
    };
    let tsign = match pmax {
        1 => sign(1.0, csr) * sign(1.0, csl) * sign(1.0, f),
        2 => sign(1.0, snr) * sign(1.0, csl) * sign(1.0, g),
        _ => sign(1.0, snr) * sign(1.0, snl) * sign(1.0, h),
    };
    ssmax = sign(ssmax, tsign);
    ssmin = sign(ssmin, tsign * sign(1.0, f) * sign(1.0, h));
    (ssmin, ssmax, snr, csr, snl, csl)
}

/// dlarfg on (alpha, x): the reflector H = I - tau v v^T with H (alpha, x) = (beta, 0) and
/// v = (1, x') (x is overwritten by x'). Returns (beta, tau).
fn larfg(alpha: f64, x: &mut [f64]) -> (f64, f64) {
    let norm = |x: &[f64]| x.iter().fold(0.0f64, |acc, &v| acc.hypot(v));
    let mut xnorm = norm(x);
    if xnorm == 0.0 {
        return (alpha, 0.0);
    }
    let mut alpha = alpha;
    let mut beta = -sign(lapy2(alpha, xnorm), alpha);
    let safmin = SAFMIN / EPS;
    let mut knt = 0;
    if beta.abs() < safmin {
        let rsafmn = 1.0 / safmin;
        loop {
            knt += 1;
            x.iter_mut().for_each(|v| *v *= rsafmn);
            beta *= rsafmn;
            alpha *= rsafmn;
            if beta.abs() >= safmin || knt >= 20 {
                break;
            }
        }
        xnorm = norm(x);
        beta = -sign(lapy2(alpha, xnorm), alpha);
    }
    let tau = (beta - alpha) / beta;
    let scale = 1.0 / (alpha - beta);
    x.iter_mut().for_each(|v| *v *= scale);
    for _ in 0..knt {
        beta *= safmin;
    }
    (beta, tau)
}

/// A column-major matrix with 1-based (Fortran) indexing.
struct Fm {
    v: Vec<f64>,
    ld: usize,
}

impl Fm {
    fn zeros(rows: usize, cols: usize) -> Fm {
        Fm {
            v: vec![0.0; rows * cols],
            ld: rows,
        }
    }

    fn eye(rows: usize, cols: usize) -> Fm {
        let mut m = Fm::zeros(rows, cols);
        for i in 1..=rows.min(cols) {
            m[(i, i)] = 1.0;
        }
        m
    }
}

impl std::ops::Index<(usize, usize)> for Fm {
    type Output = f64;
    #[inline]
    fn index(&self, (i, j): (usize, usize)) -> &f64 {
        &self.v[(i - 1) + (j - 1) * self.ld]
    }
}

impl std::ops::IndexMut<(usize, usize)> for Fm {
    #[inline]
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut f64 {
        &mut self.v[(i - 1) + (j - 1) * self.ld]
    }
}

/// dlasr with PIVOT = 'V' on the block of `a` at rows `r0..`, columns `c0..` (1-based) of
/// `rows` x `cols`: the plane rotations (c[k], s[k]) between adjacent columns (side 'R') or
/// rows (side 'L'), forward or backward.
#[allow(clippy::too_many_arguments)]
fn lasr(
    right: bool,
    forward: bool,
    a: &mut Fm,
    r0: usize,
    c0: usize,
    rows: usize,
    cols: usize,
    c: &[f64],
    s: &[f64],
) {
    let planes = if right { cols } else { rows };
    if planes < 2 {
        return;
    }
    let order: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(1..planes)
    } else {
        Box::new((1..planes).rev())
    };
    for j in order {
        let (ct, st) = (c[j - 1], s[j - 1]);
        if ct == 1.0 && st == 0.0 {
            continue;
        }
        if right {
            for i in r0..r0 + rows {
                let (p, q) = (c0 + j - 1, c0 + j);
                let temp = a[(i, q)];
                a[(i, q)] = ct * temp - st * a[(i, p)];
                a[(i, p)] = st * temp + ct * a[(i, p)];
            }
        } else {
            for i in c0..c0 + cols {
                let (p, q) = (r0 + j - 1, r0 + j);
                let temp = a[(q, i)];
                a[(q, i)] = ct * temp - st * a[(p, i)];
                a[(p, i)] = st * temp + ct * a[(p, i)];
            }
        }
    }
}

/// dlascl on a slice: multiply by cto / cfrom without overflow or underflow on the way.
fn lascl(cfrom: f64, cto: f64, x: &mut [f64]) {
    let smlnum = SAFMIN;
    let bignum = 1.0 / smlnum;
    let (mut cfromc, mut ctoc) = (cfrom, cto);
    loop {
        let cfrom1 = cfromc * smlnum;
        let (mul, done);
        if cfrom1 == cfromc {
            mul = ctoc / cfromc;
            done = true;
        } else {
            let cto1 = ctoc / bignum;
            if cto1 == ctoc {
                mul = ctoc;
                done = true;
                cfromc = 1.0;
            } else if cfrom1.abs() > ctoc.abs() && ctoc != 0.0 {
                mul = smlnum;
                done = false;
                cfromc = cfrom1;
            } else if cto1.abs() > cfromc.abs() {
                mul = bignum;
                done = false;
                ctoc = cto1;
            } else {
                mul = ctoc / cfromc;
                done = true;
                if mul == 1.0 {
                    return;
                }
            }
        }
        x.iter_mut().for_each(|v| *v *= mul);
        if done {
            return;
        }
    }
}

/// dlanst('M'): the largest modulus of d and e (NaN if any is NaN).
fn lanst(d: &[f64], e: &[f64]) -> f64 {
    let mut m = 0.0f64;
    for &x in d.iter().chain(e) {
        let a = x.abs();
        if m < a || a.is_nan() {
            m = a;
        }
    }
    m
}

/// dsteqr's and dsterf's scaling of an unreduced block (its diagonal `d` and off-diagonal
/// `e`) whose largest modulus `anorm` lies outside [ssfmin, ssfmax] (as their Fortran sets
/// those): scaled to that bound, which is returned (undone by `lascl(bound, anorm, ..)`);
/// None, nothing scaled, inside the range.
fn scale_block(d: &mut [f64], e: &mut [f64], anorm: f64) -> Option<f64> {
    let ssfmax = (1.0 / SAFMIN).sqrt() / 3.0;
    let ssfmin = SAFMIN.sqrt() / (EPS * EPS);
    let bound = if anorm > ssfmax {
        ssfmax
    } else if anorm < ssfmin {
        ssfmin
    } else {
        return None;
    };
    lascl(anorm, bound, d);
    lascl(anorm, bound, e);
    Some(bound)
}

// ---------------------------------------------------------------------------------------
// The symmetric eigenproblem: dsytd2, dsteqr, dorm2r / dorm2l, as dsyevd runs them

/// dsteqr with COMPZ = 'I': the eigenvalues (`d`, ascending) and eigenvectors (columns of
/// `z`, n x n) of the symmetric tridiagonal matrix with diagonal `d` and off-diagonal `e`
/// (both 1-based: `d[1..=n]`, `e[1..n]`). False when it does not converge.
fn steqr(n: usize, d: &mut [f64], e: &mut [f64], z: &mut Fm) -> bool {
    *z = Fm::eye(n, n);
    if n <= 1 {
        return true;
    }
    let eps2 = EPS * EPS;
    let mut work = vec![0.0; 2 * n];
    let nmaxit = n * MAXIT;
    let mut jtot = 0;
    let mut l1 = 1;
    let nm1 = n - 1;
    while l1 <= n {
        if l1 > 1 {
            e[l1 - 1] = 0.0;
        }
        let mut m = n;
        for mm in l1..=nm1 {
            let tst = e[mm].abs();
            if tst == 0.0 {
                m = mm;
                break;
            }
            if tst <= (d[mm].abs().sqrt() * d[mm + 1].abs().sqrt()) * EPS {
                e[mm] = 0.0;
                m = mm;
                break;
            }
        }
        let mut l = l1;
        let lsv = l;
        let mut lend = m;
        let lendsv = lend;
        l1 = m + 1;
        if lend == l {
            continue;
        }
        let anorm = lanst(&d[l..=lend], &e[l..lend]);
        if anorm == 0.0 {
            continue;
        }
        let scaled = scale_block(&mut d[l..=lend], &mut e[l..lend], anorm);
        if d[lend].abs() < d[l].abs() {
            lend = lsv;
            l = lendsv;
        }
        if lend > l {
            // QL iteration: look for a small subdiagonal element from the top.
            loop {
                let mut m = lend;
                if l != lend {
                    for mm in l..lend {
                        let tst = e[mm].abs() * e[mm].abs();
                        if tst <= (eps2 * d[mm].abs()) * d[mm + 1].abs() + SAFMIN {
                            m = mm;
                            break;
                        }
                    }
                }
                if m < lend {
                    e[m] = 0.0;
                }
                let mut p = d[l];
                if m == l {
                    d[l] = p;
                    l += 1;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if m == l + 1 {
                    let (rt1, rt2, c, s) = laev2(d[l], e[l], d[l + 1]);
                    work[l] = c;
                    work[n - 1 + l] = s;
                    lasr(true, false, z, 1, l, n, 2, &work[l..], &work[n - 1 + l..]);
                    d[l] = rt1;
                    d[l + 1] = rt2;
                    e[l] = 0.0;
                    l += 2;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                let mut g = (d[l + 1] - p) / (2.0 * e[l]);
                let mut r = lapy2(g, 1.0);
                g = d[m] - p + (e[l] / (g + sign(r, g)));
                let (mut s, mut c) = (1.0, 1.0);
                p = 0.0;
                for i in (l..m).rev() {
                    let f = s * e[i];
                    let b = c * e[i];
                    (c, s, r) = lartg(g, f);
                    if i != m - 1 {
                        e[i + 1] = r;
                    }
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    work[i] = c;
                    work[n - 1 + i] = -s;
                }
                let mm = m - l + 1;
                lasr(true, false, z, 1, l, n, mm, &work[l..], &work[n - 1 + l..]);
                d[l] -= p;
                e[l] = g;
            }
        } else {
            // QR iteration: look for a small superdiagonal element from the bottom.
            loop {
                let mut m = lend;
                if l != lend {
                    for mm in (lend + 1..=l).rev() {
                        let tst = e[mm - 1].abs() * e[mm - 1].abs();
                        if tst <= (eps2 * d[mm].abs()) * d[mm - 1].abs() + SAFMIN {
                            m = mm;
                            break;
                        }
                    }
                }
                if m > lend {
                    e[m - 1] = 0.0;
                }
                let mut p = d[l];
                if m == l {
                    d[l] = p;
                    if l == lend {
                        break;
                    }
                    l -= 1;
                    continue;
                }
                if m + 1 == l {
                    let (rt1, rt2, c, s) = laev2(d[l - 1], e[l - 1], d[l]);
                    work[m] = c;
                    work[n - 1 + m] = s;
                    lasr(
                        true,
                        true,
                        z,
                        1,
                        l - 1,
                        n,
                        2,
                        &work[m..],
                        &work[n - 1 + m..],
                    );
                    d[l - 1] = rt1;
                    d[l] = rt2;
                    e[l - 1] = 0.0;
                    if l < lend + 2 {
                        break;
                    }
                    l -= 2;
                    continue;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                let mut g = (d[l - 1] - p) / (2.0 * e[l - 1]);
                let mut r = lapy2(g, 1.0);
                g = d[m] - p + (e[l - 1] / (g + sign(r, g)));
                let (mut s, mut c) = (1.0, 1.0);
                p = 0.0;
                for i in m..l {
                    let f = s * e[i];
                    let b = c * e[i];
                    (c, s, r) = lartg(g, f);
                    if i != m {
                        e[i - 1] = r;
                    }
                    g = d[i] - p;
                    r = (d[i + 1] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i] = g + p;
                    g = c * r - b;
                    work[i] = c;
                    work[n - 1 + i] = s;
                }
                let mm = l - m + 1;
                lasr(true, true, z, 1, m, n, mm, &work[m..], &work[n - 1 + m..]);
                d[l] -= p;
                e[l - 1] = g;
            }
        }
        // Undo the scaling.
        if let Some(bound) = scaled {
            lascl(bound, anorm, &mut d[lsv..=lendsv]);
            lascl(bound, anorm, &mut e[lsv..lendsv]);
        }
        if jtot >= nmaxit {
            return false;
        }
    }
    // Selection sort into ascending order, swapping the vectors with the values.
    for ii in 2..=n {
        let i = ii - 1;
        let mut k = i;
        let mut p = d[i];
        for (j, &dj) in d.iter().enumerate().take(n + 1).skip(ii) {
            if dj < p {
                k = j;
                p = dj;
            }
        }
        if k != i {
            d[k] = d[i];
            d[i] = p;
            for r in 1..=n {
                let t = z[(r, i)];
                z[(r, i)] = z[(r, k)];
                z[(r, k)] = t;
            }
        }
    }
    true
}

/// A bidiagonal's or tridiagonal's 0-based diagonal (n) and off-diagonal (n - 1) as the
/// 1-based arrays of the ports (d[1..=n], e[1..n], each n + 1 long).
fn one_based(d: &[f64], e: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = d.len();
    let mut d1 = Vec::with_capacity(n + 1);
    d1.push(0.0);
    d1.extend_from_slice(d);
    let mut e1 = vec![0.0; n + 1];
    e1[1..n].copy_from_slice(&e[..n.saturating_sub(1)]);
    (d1, e1)
}

/// dsteqr with COMPZ = 'I' on 0-based arrays: the ascending eigenvalues (in `d`, n of them)
/// and the eigenvectors (returned, n x n column-major) of the symmetric tridiagonal matrix
/// with diagonal `d` and off-diagonal `e` (n - 1 items). None when it does not converge. The
/// leaves of the divide and conquer ([`super::stedc`]), as LAPACK's dlaed0 solves them.
pub fn steqr_vectors(d: &mut [f64], e: &[f64]) -> Option<Vec<f64>> {
    let n = d.len();
    let (mut d1, mut e1) = one_based(d, e);
    let mut z = Fm::zeros(n, n);
    if !steqr(n, &mut d1, &mut e1, &mut z) {
        return None;
    }
    d.copy_from_slice(&d1[1..]);
    Some(z.v)
}

/// dsterf: the eigenvalues of the symmetric tridiagonal matrix with diagonal `d` and
/// off-diagonal `e` (both 1-based: `d[1..=n]`, `e[1..n]`) by the Pal-Walker-Kahan (root-free)
/// variant of the QL or QR iteration, into `d` in ascending order; `e` is destroyed. False
/// when it does not converge.
fn sterf_one_based(n: usize, d: &mut [f64], e: &mut [f64]) -> bool {
    if n <= 1 {
        return true;
    }
    let eps2 = EPS * EPS;
    let nmaxit = n * MAXIT;
    let mut jtot = 0;
    let mut l1 = 1;
    while l1 <= n {
        if l1 > 1 {
            e[l1 - 1] = 0.0;
        }
        let mut m = n;
        for mm in l1..n {
            if e[mm].abs() <= (d[mm].abs().sqrt() * d[mm + 1].abs().sqrt()) * EPS {
                e[mm] = 0.0;
                m = mm;
                break;
            }
        }
        let mut l = l1;
        let lsv = l;
        let mut lend = m;
        let lendsv = lend;
        l1 = m + 1;
        if lend == l {
            continue;
        }
        let anorm = lanst(&d[l..=lend], &e[l..lend]);
        if anorm == 0.0 {
            continue;
        }
        let scaled = scale_block(&mut d[l..=lend], &mut e[l..lend], anorm);
        for x in &mut e[l..lend] {
            *x *= *x;
        }
        if d[lend].abs() < d[l].abs() {
            lend = lsv;
            l = lendsv;
        }
        if lend >= l {
            // QL iteration: look for a small subdiagonal element from the top.
            loop {
                let mut m = lend;
                if l != lend {
                    for mm in l..lend {
                        if e[mm].abs() <= eps2 * (d[mm] * d[mm + 1]).abs() {
                            m = mm;
                            break;
                        }
                    }
                }
                if m < lend {
                    e[m] = 0.0;
                }
                let p = d[l];
                if m == l {
                    // An eigenvalue found.
                    d[l] = p;
                    l += 1;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if m == l + 1 {
                    let (rt1, rt2, _, _) = laev2(d[l], e[l].sqrt(), d[l + 1]);
                    d[l] = rt1;
                    d[l + 1] = rt2;
                    e[l] = 0.0;
                    l += 2;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                // The shift.
                let rte = e[l].sqrt();
                let mut sigma = (d[l + 1] - p) / (2.0 * rte);
                let r = lapy2(sigma, 1.0);
                sigma = p - (rte / (sigma + sign(r, sigma)));
                let (mut c, mut s) = (1.0, 0.0);
                let mut gamma = d[m] - sigma;
                let mut p = gamma * gamma;
                for i in (l..m).rev() {
                    let bb = e[i];
                    let r = p + bb;
                    if i != m - 1 {
                        e[i + 1] = s * r;
                    }
                    let oldc = c;
                    c = p / r;
                    s = bb / r;
                    let oldgam = gamma;
                    let alpha = d[i];
                    gamma = c * (alpha - sigma) - s * oldgam;
                    d[i + 1] = oldgam + (alpha - gamma);
                    p = if c != 0.0 {
                        (gamma * gamma) / c
                    } else {
                        oldc * bb
                    };
                }
                e[l] = s * p;
                d[l] = sigma + gamma;
            }
        } else {
            // QR iteration: look for a small superdiagonal element from the bottom.
            loop {
                let mut m = lend;
                for mm in (lend + 1..=l).rev() {
                    if e[mm - 1].abs() <= eps2 * (d[mm] * d[mm - 1]).abs() {
                        m = mm;
                        break;
                    }
                }
                if m > lend {
                    e[m - 1] = 0.0;
                }
                let p = d[l];
                if m == l {
                    // An eigenvalue found.
                    d[l] = p;
                    if l == lend {
                        break;
                    }
                    l -= 1;
                    continue;
                }
                if m + 1 == l {
                    let (rt1, rt2, _, _) = laev2(d[l], e[l - 1].sqrt(), d[l - 1]);
                    d[l] = rt1;
                    d[l - 1] = rt2;
                    e[l - 1] = 0.0;
                    if l < lend + 2 {
                        break;
                    }
                    l -= 2;
                    continue;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                // The shift.
                let rte = e[l - 1].sqrt();
                let mut sigma = (d[l - 1] - p) / (2.0 * rte);
                let r = lapy2(sigma, 1.0);
                sigma = p - (rte / (sigma + sign(r, sigma)));
                let (mut c, mut s) = (1.0, 0.0);
                let mut gamma = d[m] - sigma;
                let mut p = gamma * gamma;
                for i in m..l {
                    let bb = e[i];
                    let r = p + bb;
                    if i != m {
                        e[i - 1] = s * r;
                    }
                    let oldc = c;
                    c = p / r;
                    s = bb / r;
                    let oldgam = gamma;
                    let alpha = d[i + 1];
                    gamma = c * (alpha - sigma) - s * oldgam;
                    d[i] = oldgam + (alpha - gamma);
                    p = if c != 0.0 {
                        (gamma * gamma) / c
                    } else {
                        oldc * bb
                    };
                }
                e[l - 1] = s * p;
                d[l] = sigma + gamma;
            }
        }
        // Undo the scaling (of the values: e is spent).
        if let Some(bound) = scaled {
            lascl(bound, anorm, &mut d[lsv..=lendsv]);
        }
        if jtot >= nmaxit {
            // LAPACK's info: the off-diagonal items that did not converge to zero.
            return e[1..n].iter().all(|&x| x == 0.0);
        }
    }
    d[1..=n].sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    true
}

/// dsterf on 0-based arrays: the ascending eigenvalues (in `d`, n of them) of the symmetric
/// tridiagonal matrix with diagonal `d` and off-diagonal `e` (n - 1 items), as dsyevd
/// computes them without vectors. False when the iteration does not converge.
pub fn sterf(d: &mut [f64], e: &[f64]) -> bool {
    let n = d.len();
    let (mut d1, mut e1) = one_based(d, e);
    if !sterf_one_based(n, &mut d1, &mut e1) {
        return false;
    }
    d.copy_from_slice(&d1[1..]);
    true
}

/// dsyevd with JOBZ = 'V' for n <= [`SMALL`]: `a` is the full symmetric matrix (n x n,
/// column-major; LAPACK reads one triangle, `upper` says which it was given, and the
/// reduction runs from that side). Writes the ascending eigenvalues to `w` and the
/// eigenvectors (columns) to `z`. False when the iteration does not converge.
pub fn syev(a: &[f64], n: usize, upper: bool, w: &mut [f64], z: &mut [f64]) -> bool {
    debug_assert!(n <= SMALL && a.len() == n * n && w.len() == n && z.len() == n * n);
    if n == 0 {
        return true;
    }
    let mut a = Fm {
        v: a.to_vec(),
        ld: n,
    };
    // dsytd2: A = Q T Q^T, the reflectors kept in `a`, tau in `tau`.
    let mut d = vec![0.0; n + 1];
    let mut e = vec![0.0; n + 1];
    let mut tau = vec![0.0; n + 1];
    let mut x = Vec::with_capacity(n);
    let mut wv = vec![0.0; n];
    // One reflector step on the leading/trailing block `lo..=hi` with vector v (v stored in
    // column `col` of `a`, rows lo..=hi, its unit element at `unit`).
    let update =
        |a: &mut Fm, lo: usize, hi: usize, col: usize, unit: usize, t: f64, wv: &mut [f64]| {
            let v = |a: &Fm, k: usize| if k == unit { 1.0 } else { a[(k, col)] };
            // w = t A v; alpha = -t/2 (w . v); w += alpha v; A -= v w^T + w v^T.
            for k in lo..=hi {
                let mut s = 0.0;
                for l in lo..=hi {
                    s += a[(k, l)] * v(a, l);
                }
                wv[k - lo] = t * s;
            }
            let mut dot = 0.0;
            for k in lo..=hi {
                dot += wv[k - lo] * v(a, k);
            }
            let alpha = -0.5 * t * dot;
            for k in lo..=hi {
                wv[k - lo] += alpha * v(a, k);
            }
            for l in lo..=hi {
                for k in lo..=hi {
                    let upd = v(a, k) * wv[l - lo] + wv[k - lo] * v(a, l);
                    a[(k, l)] -= upd;
                }
            }
        };
    if upper {
        for i in (1..n).rev() {
            // The reflector annihilates A(1:i-1, i+1); its unit element is row i.
            x.clear();
            x.extend((1..i).map(|r| a[(r, i + 1)]));
            let (beta, t) = larfg(a[(i, i + 1)], &mut x);
            for (r, &xv) in (1..i).zip(&x) {
                a[(r, i + 1)] = xv;
            }
            e[i] = beta;
            if t != 0.0 {
                update(&mut a, 1, i, i + 1, i, t, &mut wv);
            }
            a[(i, i + 1)] = beta;
            d[i + 1] = a[(i + 1, i + 1)];
            tau[i] = t;
        }
        d[1] = a[(1, 1)];
    } else {
        for i in 1..n {
            // The reflector annihilates A(i+2:n, i); its unit element is row i+1.
            x.clear();
            x.extend((i + 2..=n).map(|r| a[(r, i)]));
            let (beta, t) = larfg(a[(i + 1, i)], &mut x);
            for (r, &xv) in (i + 2..=n).zip(&x) {
                a[(r, i)] = xv;
            }
            e[i] = beta;
            if t != 0.0 {
                update(&mut a, i + 1, n, i, i + 1, t, &mut wv);
            }
            a[(i + 1, i)] = beta;
            d[i] = a[(i, i)];
            tau[i] = t;
        }
        d[n] = a[(n, n)];
    }
    // dstedc -> dsteqr: the tridiagonal problem.
    let mut zt = Fm::zeros(n, n);
    if !steqr(n, &mut d, &mut e, &mut zt) {
        return false;
    }
    // dormtr: Z = Q Zt, the reflectors applied from the last to act first.
    let apply = |zt: &mut Fm,
                 rows: std::ops::RangeInclusive<usize>,
                 col: usize,
                 unit: usize,
                 t: f64,
                 a: &Fm| {
        if t == 0.0 {
            return;
        }
        let v = |k: usize| if k == unit { 1.0 } else { a[(k, col)] };
        for j in 1..=n {
            let mut s = 0.0;
            for k in rows.clone() {
                s += v(k) * zt[(k, j)];
            }
            let f = t * s;
            for k in rows.clone() {
                zt[(k, j)] -= v(k) * f;
            }
        }
    };
    if upper {
        // dorm2l: H(1) first (it acts on rows 1..=1), H(n-1) last.
        for i in 1..n {
            apply(&mut zt, 1..=i, i + 1, i, tau[i], &a);
        }
    } else {
        // dorm2r: H(n-1) first, H(1) (rows 2..=n) last.
        for i in (1..n).rev() {
            apply(&mut zt, i + 1..=n, i, i + 1, tau[i], &a);
        }
    }
    w.copy_from_slice(&d[1..=n]);
    z.copy_from_slice(&zt.v);
    true
}

// ---------------------------------------------------------------------------------------
// The SVD: dgebd2, dbdsqr (through dbdsdc and dlasdq), dormbr, as dgesdd runs them

/// dbdsqr on 0-based arrays: the singular values of the n x n upper bidiagonal with diagonal
/// `d` and superdiagonal `e` (n - 1 items) into `d`, descending, and the singular vectors
/// (returned: U and V^T, n x n column-major each). None when it does not converge. The leaves
/// of the divide and conquer ([`super::bdsdc`]).
pub fn bdsqr_vectors(d: &mut [f64], e: &[f64]) -> Option<(Vec<f64>, Vec<f64>)> {
    let n = d.len();
    let (mut d1, mut e1) = one_based(d, e);
    let mut vt = Fm::eye(n, n);
    let mut u = Fm::eye(n, n);
    if !bdsqr(n, &mut d1, &mut e1, &mut vt, &mut u) {
        return None;
    }
    d.copy_from_slice(&d1[1..]);
    Some((u.v, vt.v))
}

/// dbdsqr on the upper bidiagonal (d[1..=n], e[1..n]), accumulating the right rotations into
/// `vt` (n x n, rows) and the left ones into `u` (n x n, columns). False when it does not
/// converge.
fn bdsqr(n: usize, d: &mut [f64], e: &mut [f64], vt: &mut Fm, u: &mut Fm) -> bool {
    if n == 0 {
        return true;
    }
    if n > 1 {
        let nm1 = n - 1;
        let nm12 = 2 * nm1;
        let nm13 = nm12 + nm1;
        let mut work = vec![0.0; 4 * n];
        let mut idir = 0;
        let tolmul = 10f64.max(100f64.min(EPS.powf(-0.125)));
        let tol = tolmul * EPS;
        let unfl = SAFMIN;
        let mut smax = 0.0f64;
        for i in 1..=n {
            smax = smax.max(d[i].abs());
        }
        for i in 1..n {
            smax = smax.max(e[i].abs());
        }
        let mut sminoa = d[1].abs();
        if sminoa != 0.0 {
            let mut mu = sminoa;
            for i in 2..=n {
                mu = d[i].abs() * (mu / (mu + e[i - 1].abs()));
                sminoa = sminoa.min(mu);
                if sminoa == 0.0 {
                    break;
                }
            }
        }
        sminoa /= (n as f64).sqrt();
        let thresh = (tol * sminoa).max(MAXITR as f64 * (n as f64 * (n as f64 * unfl)));
        let maxitdivn = MAXITR * n;
        let mut iterdivn = 0;
        let mut iter: isize = -1;
        let mut oldll: isize = -1;
        let mut oldm: isize = -1;
        let mut m = n;
        'main: while m > 1 {
            if iter >= n as isize {
                iter -= n as isize;
                iterdivn += 1;
                if iterdivn >= maxitdivn {
                    return false;
                }
            }
            // Find the diagonal block to work on.
            smax = d[m].abs();
            let mut ll = 0;
            let mut split = false;
            for lll in 1..m {
                ll = m - lll;
                let abss = d[ll].abs();
                let abse = e[ll].abs();
                if abse <= thresh {
                    split = true;
                    break;
                }
                smax = smax.max(abss).max(abse);
            }
            if split {
                e[ll] = 0.0;
                if ll == m - 1 {
                    m -= 1;
                    continue 'main;
                }
            } else {
                ll = 0;
            }
            ll += 1;
            if ll == m - 1 {
                // A 2 x 2 block.
                let (sigmn, sigmx, sinr, cosr, sinl, cosl) = lasv2(d[m - 1], e[m - 1], d[m]);
                d[m - 1] = sigmx;
                e[m - 1] = 0.0;
                d[m] = sigmn;
                for j in 1..=n {
                    let (x, y) = (vt[(m - 1, j)], vt[(m, j)]);
                    vt[(m - 1, j)] = cosr * x + sinr * y;
                    vt[(m, j)] = cosr * y - sinr * x;
                }
                for j in 1..=n {
                    let (x, y) = (u[(j, m - 1)], u[(j, m)]);
                    u[(j, m - 1)] = cosl * x + sinl * y;
                    u[(j, m)] = cosl * y - sinl * x;
                }
                m -= 2;
                continue 'main;
            }
            // Choose the direction of the sweep (from the larger end).
            if ll as isize > oldm || (m as isize) < oldll {
                idir = if d[ll].abs() >= d[m].abs() { 1 } else { 2 };
            }
            // Convergence tests.
            let smin = if idir == 1 {
                if e[m - 1].abs() <= tol.abs() * d[m].abs() {
                    e[m - 1] = 0.0;
                    continue 'main;
                }
                let mut mu = d[ll].abs();
                let mut smin = mu;
                for lll in ll..m {
                    if e[lll].abs() <= tol * mu {
                        e[lll] = 0.0;
                        continue 'main;
                    }
                    mu = d[lll + 1].abs() * (mu / (mu + e[lll].abs()));
                    smin = f64::min(smin, mu);
                }
                smin
            } else {
                if e[ll].abs() <= tol.abs() * d[ll].abs() {
                    e[ll] = 0.0;
                    continue 'main;
                }
                let mut mu = d[m].abs();
                let mut smin = mu;
                for lll in (ll..m).rev() {
                    if e[lll].abs() <= tol * mu {
                        e[lll] = 0.0;
                        continue 'main;
                    }
                    mu = d[lll].abs() * (mu / (mu + e[lll].abs()));
                    smin = f64::min(smin, mu);
                }
                smin
            };
            oldll = ll as isize;
            oldm = m as isize;
            // The shift.
            let mut shift;
            if n as f64 * tol * (smin / smax) <= EPS.max(0.01 * tol) {
                shift = 0.0;
            } else {
                let sll;
                if idir == 1 {
                    sll = d[ll].abs();
                    (shift, _) = las2(d[m - 1], e[m - 1], d[m]);
                } else {
                    sll = d[m].abs();
                    (shift, _) = las2(d[ll], e[ll], d[ll + 1]);
                }
                if sll > 0.0 && (shift / sll) * (shift / sll) < EPS {
                    shift = 0.0;
                }
            }
            iter += (m - ll) as isize;
            let nr = m - ll + 1;
            if shift == 0.0 {
                if idir == 1 {
                    let (mut cs, mut oldcs) = (1.0, 1.0);
                    let mut sn;
                    let mut oldsn = 0.0;
                    for i in ll..m {
                        let r;
                        (cs, sn, r) = lartg(d[i] * cs, e[i]);
                        if i > ll {
                            e[i - 1] = oldsn * r;
                        }
                        let di;
                        (oldcs, oldsn, di) = lartg(oldcs * r, d[i + 1] * sn);
                        d[i] = di;
                        work[i - ll + 1] = cs;
                        work[i - ll + 1 + nm1] = sn;
                        work[i - ll + 1 + nm12] = oldcs;
                        work[i - ll + 1 + nm13] = oldsn;
                    }
                    let h = d[m] * cs;
                    d[m] = h * oldcs;
                    e[m - 1] = h * oldsn;
                    lasr(false, true, vt, ll, 1, nr, n, &work[1..], &work[n..]);
                    lasr(
                        true,
                        true,
                        u,
                        1,
                        ll,
                        n,
                        nr,
                        &work[nm12 + 1..],
                        &work[nm13 + 1..],
                    );
                    if e[m - 1].abs() <= thresh {
                        e[m - 1] = 0.0;
                    }
                } else {
                    let (mut cs, mut oldcs) = (1.0, 1.0);
                    let mut sn;
                    let mut oldsn = 0.0;
                    for i in (ll + 1..=m).rev() {
                        let r;
                        (cs, sn, r) = lartg(d[i] * cs, e[i - 1]);
                        if i < m {
                            e[i] = oldsn * r;
                        }
                        let di;
                        (oldcs, oldsn, di) = lartg(oldcs * r, d[i - 1] * sn);
                        d[i] = di;
                        work[i - ll] = cs;
                        work[i - ll + nm1] = -sn;
                        work[i - ll + nm12] = oldcs;
                        work[i - ll + nm13] = -oldsn;
                    }
                    let h = d[ll] * cs;
                    d[ll] = h * oldcs;
                    e[ll] = h * oldsn;
                    lasr(
                        false,
                        false,
                        vt,
                        ll,
                        1,
                        nr,
                        n,
                        &work[nm12 + 1..],
                        &work[nm13 + 1..],
                    );
                    lasr(true, false, u, 1, ll, n, nr, &work[1..], &work[n..]);
                    if e[ll].abs() <= thresh {
                        e[ll] = 0.0;
                    }
                }
            } else if idir == 1 {
                // Chase the bulge from top to bottom.
                let mut f = (d[ll].abs() - shift) * (sign(1.0, d[ll]) + shift / d[ll]);
                let mut g = e[ll];
                for i in ll..m {
                    let (cosr, sinr, r) = lartg(f, g);
                    if i > ll {
                        e[i - 1] = r;
                    }
                    f = cosr * d[i] + sinr * e[i];
                    e[i] = cosr * e[i] - sinr * d[i];
                    g = sinr * d[i + 1];
                    d[i + 1] *= cosr;
                    let (cosl, sinl, r) = lartg(f, g);
                    d[i] = r;
                    f = cosl * e[i] + sinl * d[i + 1];
                    d[i + 1] = cosl * d[i + 1] - sinl * e[i];
                    if i < m - 1 {
                        g = sinl * e[i + 1];
                        e[i + 1] *= cosl;
                    }
                    work[i - ll + 1] = cosr;
                    work[i - ll + 1 + nm1] = sinr;
                    work[i - ll + 1 + nm12] = cosl;
                    work[i - ll + 1 + nm13] = sinl;
                }
                e[m - 1] = f;
                lasr(false, true, vt, ll, 1, nr, n, &work[1..], &work[n..]);
                lasr(
                    true,
                    true,
                    u,
                    1,
                    ll,
                    n,
                    nr,
                    &work[nm12 + 1..],
                    &work[nm13 + 1..],
                );
                if e[m - 1].abs() <= thresh {
                    e[m - 1] = 0.0;
                }
            } else {
                // Chase the bulge from bottom to top.
                let mut f = (d[m].abs() - shift) * (sign(1.0, d[m]) + shift / d[m]);
                let mut g = e[m - 1];
                for i in (ll + 1..=m).rev() {
                    let (cosr, sinr, r) = lartg(f, g);
                    if i < m {
                        e[i] = r;
                    }
                    f = cosr * d[i] + sinr * e[i - 1];
                    e[i - 1] = cosr * e[i - 1] - sinr * d[i];
                    g = sinr * d[i - 1];
                    d[i - 1] *= cosr;
                    let (cosl, sinl, r) = lartg(f, g);
                    d[i] = r;
                    f = cosl * e[i - 1] + sinl * d[i - 1];
                    d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
                    if i > ll + 1 {
                        g = sinl * e[i - 2];
                        e[i - 2] *= cosl;
                    }
                    work[i - ll] = cosr;
                    work[i - ll + nm1] = -sinr;
                    work[i - ll + nm12] = cosl;
                    work[i - ll + nm13] = -sinl;
                }
                e[ll] = f;
                if e[ll].abs() <= thresh {
                    e[ll] = 0.0;
                }
                lasr(
                    false,
                    false,
                    vt,
                    ll,
                    1,
                    nr,
                    n,
                    &work[nm12 + 1..],
                    &work[nm13 + 1..],
                );
                lasr(true, false, u, 1, ll, n, nr, &work[1..], &work[n..]);
            }
        }
    }
    // Make the values positive (flipping rows of VT), then sort them into decreasing order.
    for i in 1..=n {
        if d[i] == 0.0 {
            d[i] = 0.0;
        }
        if d[i] < 0.0 {
            d[i] = -d[i];
            for j in 1..=n {
                vt[(i, j)] = -vt[(i, j)];
            }
        }
    }
    for i in 1..n {
        let mut isub = 1;
        let mut smin = d[1];
        for j in 2..=n + 1 - i {
            if d[j] <= smin {
                isub = j;
                smin = d[j];
            }
        }
        let last = n + 1 - i;
        if isub != last {
            d[isub] = d[last];
            d[last] = smin;
            swap_rows(vt, isub, last, n);
            swap_cols(u, isub, last, n);
        }
    }
    true
}

fn swap_rows(a: &mut Fm, p: usize, q: usize, cols: usize) {
    for j in 1..=cols {
        let t = a[(p, j)];
        a[(p, j)] = a[(q, j)];
        a[(q, j)] = t;
    }
}

fn swap_cols(a: &mut Fm, p: usize, q: usize, rows: usize) {
    for i in 1..=rows {
        let t = a[(i, p)];
        a[(i, p)] = a[(i, q)];
        a[(i, q)] = t;
    }
}

/// Does dgesdd take its plain path (bidiagonalize A itself, dbdsqr) for an m x n matrix?
/// (For m >= 11n/6 it factors A = QR first; for n > [`SMALL`] it divides and conquers; m < n
/// runs on the transposed layout. None of those are ported.)
pub fn svd_ported(m: usize, n: usize) -> bool {
    (1..=SMALL).contains(&n) && m >= n && (m == 1 || m < n * 11 / 6)
}

/// dgesdd with JOBZ = 'A' (`full`) or 'S' on `a` (m x n column-major, [`svd_ported`]):
/// singular values (descending) into `s`, U into `u` (m x m, or m x n) and V^T into `vt`
/// (n x n), column-major. False when the iteration does not converge.
pub fn gesdd(
    a: &[f64],
    m: usize,
    n: usize,
    full: bool,
    s: &mut [f64],
    u: &mut [f64],
    vt: &mut [f64],
) -> bool {
    debug_assert!(svd_ported(m, n) && a.len() == m * n && s.len() == n);
    if n == 0 {
        return true;
    }
    let ucols = if full { m } else { n };
    if m == 1 {
        // 1 x 1: dgesdd factors A = QR (Q = 1), and dbdsdc gives U = sign(a), V^T = 1.
        s[0] = a[0].abs();
        u[0] = sign(1.0, a[0]);
        vt[0] = 1.0;
        return true;
    }
    let mut a = Fm {
        v: a.to_vec(),
        ld: m,
    };
    // dgebd2 (m >= n): A = Q B P^T with B upper bidiagonal.
    let mut d = vec![0.0; n + 1];
    let mut e = vec![0.0; n + 1];
    let mut tauq = vec![0.0; n + 1];
    let mut taup = vec![0.0; n + 1];
    let mut x = Vec::with_capacity(m);
    for i in 1..=n {
        // H(i) annihilates A(i+1:m, i).
        x.clear();
        x.extend((i + 1..=m).map(|r| a[(r, i)]));
        let (beta, t) = larfg(a[(i, i)], &mut x);
        for (r, &xv) in (i + 1..=m).zip(&x) {
            a[(r, i)] = xv;
        }
        d[i] = beta;
        tauq[i] = t;
        if i < n && t != 0.0 {
            // Apply H(i) from the left to A(i:m, i+1:n).
            for j in i + 1..=n {
                let mut w = a[(i, j)];
                for r in i + 1..=m {
                    w += a[(r, i)] * a[(r, j)];
                }
                let f = t * w;
                a[(i, j)] -= f;
                for r in i + 1..=m {
                    let vr = a[(r, i)];
                    a[(r, j)] -= vr * f;
                }
            }
        }
        a[(i, i)] = beta;
        if i < n {
            // G(i) annihilates A(i, i+2:n).
            x.clear();
            x.extend((i + 2..=n).map(|c| a[(i, c)]));
            let (beta, t) = larfg(a[(i, i + 1)], &mut x);
            for (c, &xv) in (i + 2..=n).zip(&x) {
                a[(i, c)] = xv;
            }
            e[i] = beta;
            taup[i] = t;
            if t != 0.0 {
                // Apply G(i) from the right to A(i+1:m, i+1:n).
                for r in i + 1..=m {
                    let mut w = a[(r, i + 1)];
                    for c in i + 2..=n {
                        w += a[(r, c)] * a[(i, c)];
                    }
                    let f = t * w;
                    a[(r, i + 1)] -= f;
                    for c in i + 2..=n {
                        let vc = a[(i, c)];
                        a[(r, c)] -= f * vc;
                    }
                }
            }
            a[(i, i + 1)] = beta;
        }
    }
    // dbdsdc -> dlasdq -> dbdsqr: B = Ub S VTb.
    let mut ub = Fm::eye(n, n);
    let mut vtb = Fm::eye(n, n);
    if !bdsqr(n, &mut d, &mut e, &mut vtb, &mut ub) {
        return false;
    }
    // dlasdq sorts into ascending order, then dbdsdc into descending order, each by
    // selection with one swap per position (only ties make the two differ from none).
    for i in 1..=n {
        let mut isub = i;
        let mut smin = d[i];
        for j in i + 1..=n {
            if d[j] < smin {
                isub = j;
                smin = d[j];
            }
        }
        if isub != i {
            d[isub] = d[i];
            d[i] = smin;
            swap_rows(&mut vtb, isub, i, n);
            swap_cols(&mut ub, isub, i, n);
        }
    }
    for ii in 2..=n {
        let i = ii - 1;
        let mut kk = i;
        let mut p = d[i];
        for j in ii..=n {
            if d[j] > p {
                kk = j;
                p = d[j];
            }
        }
        if kk != i {
            d[kk] = d[i];
            d[i] = p;
            swap_cols(&mut ub, i, kk, n);
            swap_rows(&mut vtb, i, kk, n);
        }
    }
    // dormbr 'Q': U = Q [Ub 0; 0 I], the reflectors H(n) .. H(1) applied in turn.
    let mut uf = Fm::zeros(m, ucols);
    for j in 1..=n {
        for i in 1..=n {
            uf[(i, j)] = ub[(i, j)];
        }
    }
    for j in n + 1..=ucols {
        uf[(j, j)] = 1.0;
    }
    for i in (1..=n).rev() {
        let t = tauq[i];
        if t == 0.0 {
            continue;
        }
        for j in 1..=ucols {
            let mut w = uf[(i, j)];
            for r in i + 1..=m {
                w += a[(r, i)] * uf[(r, j)];
            }
            let f = t * w;
            uf[(i, j)] -= f;
            for r in i + 1..=m {
                uf[(r, j)] -= a[(r, i)] * f;
            }
        }
    }
    // dormbr 'P': V^T = VTb P^T, G(n-1) .. G(1) applied from the right in turn.
    for i in (1..n).rev() {
        let t = taup[i];
        if t == 0.0 {
            continue;
        }
        for r in 1..=n {
            let mut w = vtb[(r, i + 1)];
            for c in i + 2..=n {
                w += vtb[(r, c)] * a[(i, c)];
            }
            let f = t * w;
            vtb[(r, i + 1)] -= f;
            for c in i + 2..=n {
                vtb[(r, c)] -= f * a[(i, c)];
            }
        }
    }
    s.copy_from_slice(&d[1..=n]);
    u.copy_from_slice(&uf.v);
    vt.copy_from_slice(&vtb.v);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: &[f64], y: &[f64], tol: f64) {
        assert_eq!(x.len(), y.len());
        for (a, b) in x.iter().zip(y) {
            assert!((a - b).abs() <= tol, "{x:?} != {y:?}");
        }
    }

    /// dsterf's values are dsteqr's (the same tridiagonal, two iterations) to rounding, in
    /// ascending order: random, graded (QL and QR both taken), split (zero off-diagonal
    /// items), 2 x 2 blocks, and tiny or huge scales (the scaled branches).
    #[test]
    fn sterf_values_are_steqrs() {
        let mut seed = 12345u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        for n in [1usize, 2, 3, 4, 7, 25, 60] {
            for case in 0..6 {
                let mut d: Vec<f64> = (0..n).map(|_| next()).collect();
                let mut e: Vec<f64> = (0..n.saturating_sub(1)).map(|_| next()).collect();
                match case {
                    1 => d
                        .iter_mut()
                        .enumerate()
                        .for_each(|(i, x)| *x *= 10f64.powi(i as i32)),
                    2 => d
                        .iter_mut()
                        .rev()
                        .enumerate()
                        .for_each(|(i, x)| *x *= 4f64.powi(i as i32)),
                    3 => e.iter_mut().step_by(3).for_each(|x| *x = 0.0),
                    4 => {
                        d.iter_mut().for_each(|x| *x *= 1e-160);
                        e.iter_mut().for_each(|x| *x *= 1e-160);
                    }
                    5 => {
                        d.iter_mut().for_each(|x| *x *= 1e160);
                        e.iter_mut().for_each(|x| *x *= 1e160);
                    }
                    _ => {}
                }
                let scale = d.iter().chain(&e).fold(0.0f64, |m, x| m.max(x.abs()));
                let mut want = d.clone();
                steqr_vectors(&mut want, &e).expect("steqr converges");
                let mut got = d.clone();
                assert!(sterf(&mut got, &e), "n {n} case {case}");
                assert!(
                    got.windows(2).all(|w| w[0] <= w[1]),
                    "n {n} case {case}: {got:?}"
                );
                close(&got, &want, 1e-13 * scale * n as f64);
            }
        }
    }

    /// numpy 2.4 (OpenBLAS's LAPACK) on the same matrix: `np.linalg.eigh(a, UPLO)`; the two
    /// triangles reduce from opposite ends and give opposite signs here.
    #[test]
    fn syev_gives_lapacks_signs() {
        let a = [4.0, 1.0, 2.0, 1.0, 3.0, 0.5, 2.0, 0.5, 5.0];
        let want_w = [2.09652162, 3.07222395, 6.83125443];
        // columns, UPLO='L'; 'U' gives each negated
        let want_z = [
            -0.71674307,
            0.57487262,
            0.39471615,
            -0.32576727,
            -0.77650188,
            0.53937048,
            -0.61656716,
            -0.25800444,
            -0.74382703,
        ];
        for (upper, sign) in [(false, 1.0), (true, -1.0)] {
            let (mut w, mut z) = ([0.0; 3], [0.0; 9]);
            assert!(syev(&a, 3, upper, &mut w, &mut z));
            close(&w, &want_w, 1e-8);
            let want: Vec<f64> = want_z.iter().map(|v| sign * v).collect();
            close(&z, &want, 1e-8);
        }
    }

    /// numpy 2.4: `np.linalg.svd(b)` of b = [[1, 2, 3], [4, 5, 6], [7, 8, 10]].
    #[test]
    fn gesdd_gives_lapacks_signs() {
        let b = [1.0, 4.0, 7.0, 2.0, 5.0, 8.0, 3.0, 6.0, 10.0];
        let want_s = [17.41250517, 0.87516135, 0.19686652];
        let want_u = [
            -0.20933734,
            -0.50384851,
            -0.8380421,
            0.96438514,
            0.03532145,
            -0.26213299,
            0.16167618,
            -0.86306956,
            0.47850992,
        ];
        let want_vt = [
            -0.46466755,
            -0.83328635,
            0.2995295,
            -0.55375455,
            0.00949949,
            -0.83262576,
            -0.69097031,
            0.55275999,
            0.46585022,
        ];
        for full in [true, false] {
            let (mut s, mut u, mut vt) = ([0.0; 3], [0.0; 9], [0.0; 9]);
            assert!(gesdd(&b, 3, 3, full, &mut s, &mut u, &mut vt));
            close(&s, &want_s, 1e-7);
            close(&u, &want_u, 1e-8);
            close(&vt, &want_vt, 1e-8);
        }
    }

    /// U S V^T = A and orthonormal factors, for a tall matrix on the ported path.
    #[test]
    fn gesdd_reconstructs() {
        let (m, n) = (7, 5);
        let a: Vec<f64> = (0..m * n)
            .map(|k| ((k * 37 % 11) as f64 - 5.0) / 3.0)
            .collect();
        assert!(svd_ported(m, n));
        let (mut s, mut u, mut vt) = (vec![0.0; n], vec![0.0; m * m], vec![0.0; n * n]);
        assert!(gesdd(&a, m, n, true, &mut s, &mut u, &mut vt));
        assert!(s.windows(2).all(|p| p[0] >= p[1]));
        for i in 0..m {
            for j in 0..n {
                let r: f64 = (0..n).map(|k| u[i + k * m] * s[k] * vt[k + j * n]).sum();
                assert!((r - a[i + j * m]).abs() < 1e-12, "({i}, {j})");
            }
        }
        for p in 0..m {
            for q in 0..m {
                let d: f64 = (0..m).map(|k| u[k + p * m] * u[k + q * m]).sum();
                assert!((d - f64::from(p == q)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn ported_shapes() {
        assert!(svd_ported(1, 1) && svd_ported(2, 2) && svd_ported(4, 3) && svd_ported(25, 25));
        // dgesdd's QR path (m >= 11n/6), divide and conquer (n > 25), wide matrices: not ported
        assert!(!svd_ported(3, 2) && !svd_ported(2, 1) && !svd_ported(26, 26) && !svd_ported(2, 3));
    }
}
