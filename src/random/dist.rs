//! numpy's samplers (`numpy/random/src/distributions/distributions.c`,
//! `random_hypergeometric.c`, `logfactorial.c`), one draw each. The arithmetic follows C's
//! order and types exactly (integer subexpressions in i64, then converted), and the
//! transcendental functions are the C library's (Rust's `f64::exp`, `ln`, `ln_1p`, `powf`, …
//! call them), so a seed gives numpy's numbers bit for bit.

// NaN handling and constants follow numpy's C exactly: `!(v <= 0.0)` is C's loop test, and
// the literals are numpy's.
#![allow(clippy::neg_cmp_op_on_partial_ord, clippy::excessive_precision)]

use std::f64::consts::PI;

use super::bounded::{bounded, Pieces};
use super::ziggurat::*;
use super::BitGen;

/// numpy's `random_standard_normal`: the ziggurat with 256 layers.
pub fn standard_normal<G: BitGen>(g: &mut G) -> f64 {
    loop {
        let r = g.next_u64();
        let idx = (r & 0xff) as usize;
        let r = r >> 8;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as f64 * WI_DOUBLE[idx];
        if r & 1 == 1 {
            x = -x;
        }
        if rabs < KI_DOUBLE[idx] {
            return x;
        }
        if idx == 0 {
            loop {
                let xx = -ZIGGURAT_NOR_INV_R * (-g.next_double()).ln_1p();
                let yy = -(-g.next_double()).ln_1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 {
                        -(ZIGGURAT_NOR_R + xx)
                    } else {
                        ZIGGURAT_NOR_R + xx
                    };
                }
            }
        }
        if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * g.next_double() + FI_DOUBLE[idx]
            < (-0.5 * x * x).exp()
        {
            return x;
        }
    }
}

/// numpy's `random_standard_normal_f`: float arithmetic, but the wedge test in double.
pub fn standard_normal_f<G: BitGen>(g: &mut G) -> f32 {
    loop {
        let r = g.next_u32();
        let idx = (r & 0xff) as usize;
        let rabs = (r >> 9) & 0x007f_ffff;
        let mut x = rabs as f32 * WI_FLOAT[idx];
        if (r >> 8) & 1 == 1 {
            x = -x;
        }
        if rabs < KI_FLOAT[idx] {
            return x;
        }
        if idx == 0 {
            loop {
                let xx = -ZIGGURAT_NOR_INV_R_F * (-g.next_float()).ln_1p();
                let yy = -(-g.next_float()).ln_1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 {
                        -(ZIGGURAT_NOR_R_F + xx)
                    } else {
                        ZIGGURAT_NOR_R_F + xx
                    };
                }
            }
        }
        let left = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * g.next_float() + FI_FLOAT[idx];
        let xd = x as f64;
        if (left as f64) < (-0.5 * xd * xd).exp() {
            return x;
        }
    }
}

/// numpy's `random_standard_exponential`: the ziggurat. The first try (98.9% of draws) is
/// inlined into the fill; the rest is numpy's `standard_exponential_unlikely`, out of line.
#[inline]
pub fn standard_exponential<G: BitGen>(g: &mut G) -> f64 {
    let mut ri = g.next_u64() >> 3;
    let idx = (ri & 0xff) as usize;
    ri >>= 8;
    let x = ri as f64 * WE_DOUBLE[idx];
    if ri < KE_DOUBLE[idx] {
        return x;
    }
    standard_exponential_unlikely(g, idx, x)
}

#[cold]
#[inline(never)]
fn standard_exponential_unlikely<G: BitGen>(g: &mut G, idx: usize, x: f64) -> f64 {
    if idx == 0 {
        return ZIGGURAT_EXP_R - (-g.next_double()).ln_1p();
    }
    if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * g.next_double() + FE_DOUBLE[idx] < (-x).exp() {
        return x;
    }
    standard_exponential(g)
}

/// numpy's `random_standard_exponential_f`, all in float.
pub fn standard_exponential_f<G: BitGen>(g: &mut G) -> f32 {
    loop {
        let mut ri = g.next_u32() >> 1;
        let idx = (ri & 0xff) as usize;
        ri >>= 8;
        let x = ri as f32 * WE_FLOAT[idx];
        if ri < KE_FLOAT[idx] {
            return x;
        }
        if idx == 0 {
            return ZIGGURAT_EXP_R_F - (-g.next_float()).ln_1p();
        }
        if (FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * g.next_float() + FE_FLOAT[idx] < (-x).exp() {
            return x;
        }
    }
}

/// `standard_exponential(method='inv')`.
pub fn standard_exponential_inv<G: BitGen>(g: &mut G) -> f64 {
    -(-g.next_double()).ln_1p()
}

/// `standard_exponential(method='inv', dtype=float32)`: the double log1p of the float.
pub fn standard_exponential_inv_f<G: BitGen>(g: &mut G) -> f32 {
    (-(-(g.next_float() as f64)).ln_1p()) as f32
}

/// numpy's `random_standard_gamma` (Marsaglia and Tsang above 1, Johnk-like below).
pub fn standard_gamma<G: BitGen>(g: &mut G, shape: f64) -> f64 {
    Gamma::new(shape).draw(g)
}

/// `random_standard_gamma` for one shape, its constants made once: numpy recomputes them on
/// every draw, and a fill whose shape repeats (or a Dirichlet row) need not (the same
/// values, so the same draws).
#[derive(Clone, Copy, Debug)]
pub enum Gamma {
    Exponential,
    Zero,
    Small(f64),
    Marsaglia { b: f64, c: f64 },
}

impl Gamma {
    pub fn new(shape: f64) -> Gamma {
        if shape == 1.0 {
            Gamma::Exponential
        } else if shape == 0.0 {
            Gamma::Zero
        } else if shape < 1.0 {
            Gamma::Small(shape)
        } else {
            // (a NaN shape lands here, and draws NaN as numpy's)
            let b = shape - 1. / 3.;
            Gamma::Marsaglia {
                b,
                c: 1. / (9.0 * b).sqrt(),
            }
        }
    }

    #[inline]
    pub fn draw<G: BitGen>(&self, g: &mut G) -> f64 {
        match *self {
            Gamma::Exponential => standard_exponential(g),
            Gamma::Zero => 0.0,
            Gamma::Small(shape) => loop {
                let u = g.next_double();
                let v = standard_exponential(g);
                if u <= 1.0 - shape {
                    let x = u.powf(1. / shape);
                    if x <= v {
                        return x;
                    }
                } else {
                    let y = -((1.0 - u) / shape).ln();
                    let x = (1.0 - shape + shape * y).powf(1. / shape);
                    if x <= v + y {
                        return x;
                    }
                }
            },
            Gamma::Marsaglia { b, c } => loop {
                let (mut x, mut v);
                loop {
                    x = standard_normal(g);
                    v = 1.0 + c * x;
                    // numpy's `do {..} while (V <= 0.0)`: a NaN ends it
                    if !(v <= 0.0) {
                        break;
                    }
                }
                v = v * v * v;
                let u = g.next_double();
                if u < 1.0 - 0.0331 * (x * x) * (x * x) {
                    return b * v;
                }
                if u.ln() < 0.5 * x * x + b * (1. - v + v.ln()) {
                    return b * v;
                }
            },
        }
    }
}

/// numpy's `random_standard_gamma_f`, all in float with the float libm functions.
pub fn standard_gamma_f<G: BitGen>(g: &mut G, shape: f32) -> f32 {
    if shape == 1.0 {
        standard_exponential_f(g)
    } else if shape == 0.0 {
        0.0
    } else if shape < 1.0 {
        loop {
            let u = g.next_float();
            let v = standard_exponential_f(g);
            if u <= 1.0 - shape {
                let x = u.powf(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).ln();
                let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    } else {
        let b = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * b).sqrt();
        loop {
            let (mut x, mut v);
            loop {
                x = standard_normal_f(g);
                v = 1.0 + c * x;
                // numpy's `do {..} while (V <= 0.0)`: a NaN ends it
                if !(v <= 0.0) {
                    break;
                }
            }
            v = v * v * v;
            let u = g.next_float();
            if u < 1.0 - 0.0331 * (x * x) * (x * x) {
                return b * v;
            }
            if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
                return b * v;
            }
        }
    }
}

/// numpy's `random_beta` (Johnk's algorithm when both parameters are at most 1).
pub fn beta<G: BitGen>(g: &mut G, a: f64, b: f64) -> f64 {
    const TINY: f64 = 3e-103;
    if a <= 1.0 && b <= 1.0 {
        if a < TINY && b < TINY {
            let u = g.next_double();
            return if (a + b) * u < a { 1.0 } else { 0.0 };
        }
        loop {
            let u = g.next_double();
            let v = g.next_double();
            let x = u.powf(1.0 / a);
            let y = v.powf(1.0 / b);
            let xpy = x + y;
            if xpy <= 1.0 && u + v > 0.0 {
                if x > 0.0 && y > 0.0 {
                    return x / xpy;
                }
                let delta = u.ln() / a - v.ln() / b;
                return if delta > 0.0 {
                    (-(-delta).exp().ln_1p()).exp()
                } else {
                    (delta - delta.exp().ln_1p()).exp()
                };
            }
        }
    }
    let ga = standard_gamma(g, a);
    let gb = standard_gamma(g, b);
    ga / (ga + gb)
}

pub fn chisquare<G: BitGen>(g: &mut G, df: f64) -> f64 {
    2.0 * standard_gamma(g, df / 2.0)
}

pub fn f<G: BitGen>(g: &mut G, dfnum: f64, dfden: f64) -> f64 {
    let s1 = chisquare(g, dfnum) * dfden;
    let s2 = chisquare(g, dfden) * dfnum;
    s1 / s2
}

pub fn standard_cauchy<G: BitGen>(g: &mut G) -> f64 {
    let s1 = standard_normal(g);
    let s2 = standard_normal(g);
    s1 / s2
}

pub fn pareto<G: BitGen>(g: &mut G, a: f64) -> f64 {
    (standard_exponential(g) / a).exp_m1()
}

pub fn weibull<G: BitGen>(g: &mut G, a: f64) -> f64 {
    if a == 0.0 {
        return 0.0;
    }
    standard_exponential(g).powf(1. / a)
}

pub fn power<G: BitGen>(g: &mut G, a: f64) -> f64 {
    (-(-standard_exponential(g)).exp_m1()).powf(1. / a)
}

pub fn laplace<G: BitGen>(g: &mut G, loc: f64, scale: f64) -> f64 {
    loop {
        let u = g.next_double();
        if u >= 0.5 {
            return loc - scale * (2.0 - u - u).ln();
        }
        if u > 0.0 {
            return loc + scale * (u + u).ln();
        }
    }
}

pub fn gumbel<G: BitGen>(g: &mut G, loc: f64, scale: f64) -> f64 {
    loop {
        let u = 1.0 - g.next_double();
        if u < 1.0 {
            return loc - scale * (-u.ln()).ln();
        }
    }
}

pub fn logistic<G: BitGen>(g: &mut G, loc: f64, scale: f64) -> f64 {
    loop {
        let u = g.next_double();
        if u > 0.0 {
            return loc + scale * (u / (1.0 - u)).ln();
        }
    }
}

pub fn lognormal<G: BitGen>(g: &mut G, mean: f64, sigma: f64) -> f64 {
    (mean + sigma * standard_normal(g)).exp()
}

pub fn rayleigh<G: BitGen>(g: &mut G, mode: f64) -> f64 {
    mode * (2.0 * standard_exponential(g)).sqrt()
}

pub fn standard_t<G: BitGen>(g: &mut G, df: f64) -> f64 {
    let num = standard_normal(g);
    let denom = standard_gamma(g, df / 2.0);
    (df / 2.0).sqrt() * num / denom.sqrt()
}

pub fn noncentral_chisquare<G: BitGen>(g: &mut G, df: f64, nonc: f64) -> f64 {
    if nonc.is_nan() {
        return f64::NAN;
    }
    if nonc == 0.0 {
        return chisquare(g, df);
    }
    if 1.0 < df {
        let chi2 = chisquare(g, df - 1.0);
        let n = standard_normal(g) + nonc.sqrt();
        chi2 + n * n
    } else {
        let i = poisson(g, nonc / 2.0);
        chisquare(g, df + i.wrapping_mul(2) as f64)
    }
}

pub fn noncentral_f<G: BitGen>(g: &mut G, dfnum: f64, dfden: f64, nonc: f64) -> f64 {
    let t = noncentral_chisquare(g, dfnum, nonc) * dfden;
    t / (chisquare(g, dfden) * dfnum)
}

pub fn wald<G: BitGen>(g: &mut G, mean: f64, scale: f64) -> f64 {
    let mut y = standard_normal(g);
    y = mean * y * y;
    let d = 1.0 + (1.0 + 4.0 * scale / y).sqrt();
    let x = mean * (1.0 - 2.0 / d);
    let u = g.next_double();
    if u <= mean / (mean + x) {
        x
    } else {
        mean * mean / x
    }
}

pub fn vonmises<G: BitGen>(g: &mut G, mu: f64, kappa: f64) -> f64 {
    if kappa.is_nan() {
        return f64::NAN;
    }
    if kappa < 1e-8 {
        return PI * (2.0 * g.next_double() - 1.0);
    }
    let s = if kappa < 1e-5 {
        1. / kappa + kappa
    } else if kappa <= 1e6 {
        let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
        let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
        (1.0 + rho * rho) / (2.0 * rho)
    } else {
        let mut result = mu + (1. / kappa).sqrt() * standard_normal(g);
        if result < -PI {
            result += 2.0 * PI;
        }
        if result > PI {
            result -= 2.0 * PI;
        }
        return result;
    };
    vonmises_tail(g, mu, kappa, s)
}

/// The rejection loop and wrapping of the von Mises sampler, shared with the legacy one.
pub fn vonmises_tail<G: BitGen>(g: &mut G, mu: f64, kappa: f64, s: f64) -> f64 {
    let w = loop {
        let u = g.next_double();
        let z = (PI * u).cos();
        let w = (1.0 + s * z) / (s + z);
        let y = kappa * (s - w);
        let v = g.next_double();
        if y * (2.0 - y) - v >= 0.0 || (y / v).ln() + 1.0 - y >= 0.0 {
            break w;
        }
    };
    let u = g.next_double();
    let mut result = w.acos();
    if u < 0.5 {
        result = -result;
    }
    result += mu;
    let neg = result < 0.0;
    let mut m = result.abs();
    m = (m + PI) % (2.0 * PI) - PI;
    if neg {
        m *= -1.0;
    }
    m
}

pub fn triangular<G: BitGen>(g: &mut G, left: f64, mode: f64, right: f64) -> f64 {
    let base = right - left;
    let leftbase = mode - left;
    let ratio = leftbase / base;
    let leftprod = leftbase * base;
    let rightprod = (right - mode) * base;
    let u = g.next_double();
    if u <= ratio {
        left + (u * leftprod).sqrt()
    } else {
        right - ((1.0 - u) * rightprod).sqrt()
    }
}

// ---------------------------------------------------------------------------------------
// discrete

/// C's `(int64_t)x` as x86-64 computes it: truncation toward zero, and INT64_MIN for NaN or a
/// value out of range (numpy's samplers reach that with huge parameters, and return it).
#[inline]
pub fn c_i64(x: f64) -> i64 {
    if (-9.223372036854775808e18..9.223372036854775808e18).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

/// C's `floor`, exactly, without a call: Rust's x86-64 baseline has no `roundsd` (SSE4.1),
/// so `f64::floor` is a libm call there, where numpy's baseline inlines one instruction;
/// PTRS, BTPE, HRUA and others floor on every try. Below 2^52 truncation through i64 is
/// exact; at and above it (and for NaN and infinities) every double is its own floor.
#[inline]
pub fn floor(x: f64) -> f64 {
    if x.abs() < 4503599627370496.0 {
        let t = x as i64 as f64;
        // copysign keeps floor(-0.0) = -0.0
        (if t > x { t - 1.0 } else { t }).copysign(x)
    } else {
        x
    }
}

/// `c_i64(floor(x))` in fewer steps: below 2^52 the truncation is the floor or one above it.
#[inline]
pub fn floor_i64(x: f64) -> i64 {
    if x.abs() < 4503599627370496.0 {
        let t = x as i64;
        if t as f64 > x {
            t - 1
        } else {
            t
        }
    } else {
        c_i64(x)
    }
}

/// C's `ceil`, exactly, as [`floor`].
#[inline]
pub fn ceil(x: f64) -> f64 {
    if x.abs() < 4503599627370496.0 {
        let t = x as i64 as f64;
        // copysign gives ceil(-0.5) = -0.0
        (if t < x { t + 1.0 } else { t }).copysign(x)
    } else {
        x
    }
}

/// numpy's `random_loggam` (SPECFUN's series).
pub fn loggam(x: f64) -> f64 {
    const A: [f64; 10] = [
        8.333333333333333e-02,
        -2.777777777777778e-03,
        7.936507936507937e-04,
        -5.952380952380952e-04,
        8.417508417508418e-04,
        -1.917526917526918e-03,
        6.410256410256410e-03,
        -2.955065359477124e-02,
        1.796443723688307e-01,
        -1.39243221690590e+00,
    ];
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let n = if x < 7.0 { (7.0 - x) as i64 } else { 0 };
    let mut x0 = x + n as f64;
    let x2 = (1.0 / x0) * (1.0 / x0);
    let lg2pi = 1.8378770664093453e+00;
    let mut gl0 = A[9];
    for k in (0..9).rev() {
        gl0 *= x2;
        gl0 += A[k];
    }
    let mut gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * x0.ln() - x0;
    if x < 7.0 {
        for _ in 0..n {
            gl -= (x0 - 1.0).ln();
            x0 -= 1.0;
        }
    }
    gl
}

/// numpy's `random_poisson`: PTRS (Hörmann) from 10 on, multiplication below.
pub fn poisson<G: BitGen>(g: &mut G, lam: f64) -> i64 {
    if lam >= 10.0 {
        Ptrs::new(lam).draw(g)
    } else if lam == 0.0 {
        0
    } else {
        let enlam = (-lam).exp();
        let mut x = 0;
        let mut prod = 1.0;
        loop {
            prod *= g.next_double();
            if prod > enlam {
                x += 1;
            } else {
                return x;
            }
        }
    }
}

/// PTRS's constants for one lam (>= 10), which numpy recomputes on every draw: a fill whose
/// lam repeats makes them once (the same values, so the same draws).
#[derive(Clone, Copy, Debug)]
pub struct Ptrs {
    lam: f64,
    loglam: f64,
    b: f64,
    a: f64,
    log_invalpha: f64,
    vr: f64,
}

impl Ptrs {
    pub fn new(lam: f64) -> Ptrs {
        let slam = lam.sqrt();
        let loglam = lam.ln();
        let b = 0.931 + 2.53 * slam;
        let a = -0.059 + 0.02483 * b;
        let invalpha = 1.1239 + 1.1328 / (b - 3.4);
        let vr = 0.9277 - 3.6224 / (b - 2.0);
        Ptrs {
            lam,
            loglam,
            b,
            a,
            log_invalpha: invalpha.ln(),
            vr,
        }
    }

    /// numpy's `random_poisson_ptrs`.
    #[inline]
    pub fn draw<G: BitGen>(&self, g: &mut G) -> i64 {
        let Ptrs {
            lam,
            loglam,
            b,
            a,
            log_invalpha,
            vr,
        } = *self;
        loop {
            let u = g.next_double() - 0.5;
            let v = g.next_double();
            let us = 0.5 - u.abs();
            let k = floor_i64((2.0 * a / us + b) * u + lam + 0.43);
            if us >= 0.07 && v <= vr {
                return k;
            }
            if k < 0 || (us < 0.013 && v > us) {
                continue;
            }
            if v.ln() + log_invalpha - (a / (us * us) + b).ln()
                <= -lam + k as f64 * loglam - loggam(k as f64 + 1.0)
            {
                return k;
            }
        }
    }
}

/// Inversion's constants for one (n, p), `qn` = (1 - p)^n as the caller computes it
/// (Generator's `exp(n * log1p(-p))`, the legacy `exp(n * log(1 - p))`).
#[derive(Clone, Copy, Debug)]
pub struct Inversion {
    n: i64,
    p: f64,
    q: f64,
    qn: f64,
    bound: i64,
}

impl Inversion {
    pub fn new(n: i64, p: f64, qn: f64) -> Inversion {
        let q = 1.0 - p;
        let np = n as f64 * p;
        let bound = (n as f64).min(np + 10.0 * (np * q + 1.0).sqrt()) as i64;
        Inversion { n, p, q, qn, bound }
    }

    pub fn draw<G: BitGen>(&self, g: &mut G) -> i64 {
        let Inversion { n, p, q, qn, bound } = *self;
        let mut x = 0i64;
        let mut px = qn;
        let mut u = g.next_double();
        while u > px {
            x += 1;
            if x > bound {
                x = 0;
                px = qn;
                u = g.next_double();
            } else {
                u -= px;
                px = ((n - x + 1) as f64 * p * px) / (x as f64 * q);
            }
        }
        x
    }
}

/// Kachitvichyanukul and Schmeiser's BTPE, as numpy's `random_binomial_btpe` (`p <= 0.5`):
/// its constants for one (n, p) (numpy's `binomial_t`) and the draw.
#[derive(Clone, Copy, Debug)]
pub struct Btpe {
    n: i64,
    nf: f64,
    r: f64,
    q: f64,
    m: i64,
    mf: f64,
    p1: f64,
    xm: f64,
    xl: f64,
    xr: f64,
    c: f64,
    laml: f64,
    lamr: f64,
    p2: f64,
    p3: f64,
    p4: f64,
}

impl Btpe {
    pub fn new(n: i64, p: f64) -> Btpe {
        let r = p.min(1.0 - p);
        let q = 1.0 - r;
        let nf = n as f64;
        let fm = nf * r + r;
        let m = floor_i64(fm);
        let mf = m as f64;
        let p1 = floor(2.195 * (nf * r * q).sqrt() - 4.6 * q) + 0.5;
        let xm = mf + 0.5;
        let xl = xm - p1;
        let xr = xm + p1;
        let c = 0.134 + 20.5 / (15.3 + mf);
        let a = (fm - xl) / (fm - xl * r);
        let laml = a * (1.0 + a / 2.0);
        let a = (xr - fm) / (xr * q);
        let lamr = a * (1.0 + a / 2.0);
        let p2 = p1 * (1.0 + 2.0 * c);
        let p3 = p2 + c / laml;
        let p4 = p3 + c / lamr;
        Btpe {
            n,
            nf,
            r,
            q,
            m,
            mf,
            p1,
            xm,
            xl,
            xr,
            c,
            laml,
            lamr,
            p2,
            p3,
            p4,
        }
    }

    /// One draw (numpy's is called with `p <= 0.5` only, so its final flip never applies).
    /// The triangle region (most draws) is inlined into the fill; the other regions and the
    /// acceptance tests are out of line.
    #[inline]
    pub fn draw<G: BitGen>(&self, g: &mut G) -> i64 {
        loop {
            let u = g.next_double() * self.p4;
            let v = g.next_double();
            if u <= self.p1 {
                return floor_i64(self.xm - self.p1 * v + u);
            }
            if let Some(y) = self.outside_triangle(u, v) {
                return y;
            }
        }
    }

    /// The rest of one try from (u, v) past the triangle: `Some` the draw, `None` rejected.
    #[inline(never)]
    fn outside_triangle(&self, u: f64, v: f64) -> Option<i64> {
        let Btpe {
            n,
            nf,
            r,
            q,
            m,
            mf,
            p1,
            xm,
            xl,
            xr,
            c,
            laml,
            lamr,
            p2,
            p3,
            p4: _,
        } = *self;
        let nrq = nf * r * q;
        let mut v = v;
        let y;
        if u <= p2 {
            let x = xl + (u - p1) / c;
            v = v * c + 1.0 - (mf - x + 0.5).abs() / p1;
            if v > 1.0 {
                return None;
            }
            y = floor_i64(x);
        } else if u <= p3 {
            y = floor_i64(xl + v.ln() / laml);
            if y < 0 || v == 0.0 {
                return None;
            }
            v = v * (u - p2) * laml;
        } else {
            y = floor_i64(xr - v.ln() / lamr);
            if y > n || v == 0.0 {
                return None;
            }
            v = v * (u - p3) * lamr;
        }
        // Step50
        let k = (y - m).abs();
        if !(k > 20 && (k as f64) < nrq / 2.0 - 1.0) {
            let s = r / q;
            let a = s * (n + 1) as f64;
            let mut ff = 1.0;
            if m < y {
                for i in m + 1..=y {
                    ff *= a / i as f64 - s;
                }
            } else if m > y {
                for i in y + 1..=m {
                    ff /= a / i as f64 - s;
                }
            }
            if v > ff {
                return None;
            }
            return Some(y);
        }
        // Step52
        let kf = k as f64;
        let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        let t = (-k * k) as f64 / (2.0 * nrq);
        let big_a = v.ln();
        if big_a < t - rho {
            return Some(y);
        }
        if big_a > t + rho {
            return None;
        }
        let x1 = y as f64 + 1.0;
        let f1 = mf + 1.0;
        let z = nf + 1.0 - mf;
        let w = nf - y as f64 + 1.0;
        let (x2, f2, z2, w2) = (x1 * x1, f1 * f1, z * z, w * w);
        let corr = |sq: f64, v: f64| {
            (13680. - (462. - (132. - (99. - 140. / sq) / sq) / sq) / sq) / v / 166320.
        };
        let bound = xm * (f1 / x1).ln()
            + ((n - m) as f64 + 0.5) * (z / w).ln()
            + (y - m) as f64 * (w * r / (x1 * q)).ln()
            + corr(f2, f1)
            + corr(z2, z)
            + corr(x2, x1)
            + corr(w2, w);
        if big_a > bound {
            return None;
        }
        Some(y)
    }
}

/// numpy's binomial sampler for one (n, p): inversion or BTPE on the smaller of p and 1 - p,
/// set up once (numpy keeps it in `binomial_t`); `qn` gives (1 - p)^n for the inversion.
#[derive(Clone, Copy, Debug)]
pub struct Binomial {
    n: i64,
    flip: bool,
    method: Result<Inversion, Btpe>,
}

impl Binomial {
    pub fn new(n: i64, p: f64, qn: impl Fn(i64, f64) -> f64) -> Binomial {
        let (flip, pp) = if p <= 0.5 {
            (false, p)
        } else {
            (true, 1.0 - p)
        };
        let method = if pp * n as f64 <= 30.0 {
            Ok(Inversion::new(n, pp, qn(n, pp)))
        } else {
            Err(Btpe::new(n, pp))
        };
        Binomial { n, flip, method }
    }

    #[inline]
    pub fn draw<G: BitGen>(&self, g: &mut G) -> i64 {
        let x = match &self.method {
            Ok(inv) => inv.draw(g),
            Err(btpe) => btpe.draw(g),
        };
        if self.flip {
            self.n - x
        } else {
            x
        }
    }
}

/// The binomial sampler for the last (n, p), kept while a fill repeats them; the numbers do
/// not depend on it.
#[derive(Default)]
pub struct BinomialCache {
    key: Option<(i64, u64)>,
    setup: Option<Binomial>,
}

/// One binomial draw through `cache` (see [`Binomial`]).
pub fn binomial_by<G: BitGen>(
    g: &mut G,
    p: f64,
    n: i64,
    qn: impl Fn(i64, f64) -> f64,
    cache: &mut BinomialCache,
) -> i64 {
    let key = Some((n, p.to_bits()));
    match &cache.setup {
        Some(b) if cache.key == key => b.draw(g),
        _ => {
            let b = Binomial::new(n, p, qn);
            cache.key = key;
            cache.setup = Some(b);
            b.draw(g)
        }
    }
}

/// numpy's `random_binomial` (`Generator.binomial`: no draw for `n == 0` or `p == 0`).
pub fn binomial<G: BitGen>(g: &mut G, p: f64, n: i64) -> i64 {
    if n == 0 || p == 0.0 {
        return 0;
    }
    binomial_by(g, p, n, generator_qn, &mut BinomialCache::default())
}

/// Generator's (1 - p)^n for the inversion.
pub fn generator_qn(n: i64, p: f64) -> f64 {
    (n as f64 * (-p).ln_1p()).exp()
}

/// `Generator.binomial` with the setup kept across draws of the same (n, p).
pub fn binomial_cached<G: BitGen>(g: &mut G, p: f64, n: i64, cache: &mut BinomialCache) -> i64 {
    if n == 0 || p == 0.0 {
        return 0;
    }
    binomial_by(g, p, n, generator_qn, cache)
}

pub fn negative_binomial<G: BitGen>(g: &mut G, n: f64, p: f64) -> i64 {
    let y = standard_gamma(g, n) * ((1.0 - p) / p);
    poisson(g, y)
}

/// numpy's `random_geometric`: search from 1/3 on, inversion below.
pub fn geometric<G: BitGen>(g: &mut G, p: f64) -> i64 {
    if p >= 0.333333333333333333333333 {
        let mut x = 1;
        let mut sum = p;
        let mut prod = p;
        let q = 1.0 - p;
        let u = g.next_double();
        while u > sum {
            prod *= q;
            sum += prod;
            x += 1;
        }
        x
    } else {
        let z = ceil(-standard_exponential(g) / (-p).ln_1p());
        if z >= 9.223372036854776e+18 {
            i64::MAX
        } else {
            z as i64
        }
    }
}

pub fn zipf<G: BitGen>(g: &mut G, a: f64) -> i64 {
    if a >= 1025.0 {
        return 1;
    }
    let am1 = a - 1.0;
    let b = 2.0f64.powf(am1);
    let umin = (i64::MAX as f64).powf(-am1);
    loop {
        let u01 = g.next_double();
        let u = u01 * umin + (1.0 - u01);
        let v = g.next_double();
        let x = floor(u.powf(-1.0 / am1));
        if x > i64::MAX as f64 || x < 1.0 {
            continue;
        }
        let t = (1.0 + 1.0 / x).powf(am1);
        if v * x * (t - 1.0) / (b - 1.0) <= t / b {
            return x as i64;
        }
    }
}

pub fn logseries<G: BitGen>(g: &mut G, p: f64) -> i64 {
    let r = (-p).ln_1p();
    loop {
        let v = g.next_double();
        if v >= p {
            return 1;
        }
        let u = g.next_double();
        let q = -(r * u).exp_m1();
        if v <= q * q {
            let result = floor_i64(1.0 + v.ln() / q.ln());
            if result < 1 || v == 0.0 {
                continue;
            }
            return result;
        }
        if v >= q {
            return 1;
        }
        return 2;
    }
}

use super::logfact::LOGFACT;

/// log(k!) (numpy's `logfactorial`): the table, then Stirling's series.
pub fn logfactorial(k: i64) -> f64 {
    if (k as u64) < LOGFACT.len() as u64 {
        return LOGFACT[k as usize];
    }
    let kf = k as f64;
    let halfln2pi = 0.9189385332046728;
    (kf + 0.5) * kf.ln() - kf + (halfln2pi + (1.0 / kf) * (1.0 / 12.0 - 1.0 / (360.0 * kf * kf)))
}

/// numpy's `random_interval`: uniform in [0, max] by masked rejection.
pub fn interval<G: BitGen>(g: &mut G, max: u64) -> u64 {
    bounded(g, &mut Pieces::default(), 64, 0, max, true)
}

fn hypergeometric_sample<G: BitGen>(g: &mut G, good: i64, bad: i64, sample: i64) -> i64 {
    let total = good + bad;
    let flip = sample > total / 2;
    let mut left = if flip { total - sample } else { sample };
    let mut remaining_total = total;
    let mut remaining_good = good;
    while left > 0 && remaining_good > 0 && remaining_total > remaining_good {
        remaining_total -= 1;
        if (interval(g, remaining_total as u64) as i64) < remaining_good {
            remaining_good -= 1;
        }
        left -= 1;
    }
    if remaining_total == remaining_good {
        remaining_good -= left;
    }
    if flip {
        remaining_good
    } else {
        good - remaining_good
    }
}

/// HRUA's constants for one (good, bad, sample), which numpy recomputes on every draw: a fill
/// whose parameters repeat makes them once (the same values, so the same draws).
#[derive(Clone, Copy, Debug)]
pub struct Hrua {
    good: i64,
    bad: i64,
    sample: i64,
    cs: i64,
    mingb: i64,
    maxgb: i64,
    a: f64,
    h: f64,
    gg: f64,
    b: f64,
}

impl Hrua {
    pub fn new(good: i64, bad: i64, sample: i64) -> Hrua {
        const D1: f64 = 1.7155277699214135;
        const D2: f64 = 0.8989161620588988;
        let popsize = good + bad;
        let cs = sample.min(popsize - sample);
        let mingb = good.min(bad);
        let maxgb = good.max(bad);
        let p = mingb as f64 / popsize as f64;
        let q = maxgb as f64 / popsize as f64;
        let mu = cs as f64 * p;
        let a = mu + 0.5;
        let var = (popsize - cs) as f64 * cs as f64 * p * q / (popsize - 1) as f64;
        let c = (var + 0.5).sqrt();
        let h = D1 * c + D2;
        let m = floor_i64((cs + 1) as f64 * (mingb + 1) as f64 / (popsize + 2) as f64);
        let gg = logfactorial(m)
            + logfactorial(mingb - m)
            + logfactorial(cs - m)
            + logfactorial(maxgb - cs + m);
        let b = ((cs.min(mingb) + 1) as f64).min(floor(a + 16.0 * c));
        Hrua {
            good,
            bad,
            sample,
            cs,
            mingb,
            maxgb,
            a,
            h,
            gg,
            b,
        }
    }

    /// numpy's `hypergeometric_hrua` (Stadlober's ratio of uniforms).
    #[inline]
    pub fn draw<G: BitGen>(&self, g: &mut G) -> i64 {
        let Hrua {
            good,
            bad,
            sample,
            cs,
            mingb,
            maxgb,
            a,
            h,
            gg,
            b,
        } = *self;
        let mut k = loop {
            let u = g.next_double();
            let v = g.next_double();
            let x = a + h * (v - 0.5) / u;
            if x < 0.0 || x >= b {
                continue;
            }
            let k = floor_i64(x);
            let gp = logfactorial(k)
                + logfactorial(mingb - k)
                + logfactorial(cs - k)
                + logfactorial(maxgb - cs + k);
            let t = gg - gp;
            if u * (4.0 - u) - 3.0 <= t {
                break k;
            }
            if u * (u - t) >= 1.0 {
                continue;
            }
            if 2.0 * u.ln() <= t {
                break k;
            }
        };
        if good > bad {
            k = cs - k;
        }
        if cs < sample {
            k = good - k;
        }
        k
    }
}

/// Does numpy's hypergeometric take HRUA (rather than drawing the sample one by one)?
pub fn hrua_applies(good: i64, bad: i64, sample: i64) -> bool {
    sample >= 10 && sample <= good + bad - 10
}

pub fn hypergeometric<G: BitGen>(g: &mut G, good: i64, bad: i64, sample: i64) -> i64 {
    if hrua_applies(good, bad, sample) {
        Hrua::new(good, bad, sample).draw(g)
    } else {
        hypergeometric_sample(g, good, bad, sample)
    }
}

pub fn normal<G: BitGen>(g: &mut G, loc: f64, scale: f64) -> f64 {
    loc + scale * standard_normal(g)
}

pub fn exponential<G: BitGen>(g: &mut G, scale: f64) -> f64 {
    scale * standard_exponential(g)
}

pub fn uniform<G: BitGen>(g: &mut G, low: f64, range: f64) -> f64 {
    low + range * g.next_double()
}

pub fn gamma<G: BitGen>(g: &mut G, shape: f64, scale: f64) -> f64 {
    scale * standard_gamma(g, shape)
}

#[cfg(test)]
mod floor_tests {
    use super::{c_i64, ceil, floor, floor_i64};

    /// The same doubles as libm's floor and ceil, sign of zero included.
    #[test]
    fn floor_and_ceil_are_cs() {
        let mut xs = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            -1.0,
            1.5,
            -1.5,
            2.0f64.powi(52) - 0.5,
            -(2.0f64.powi(52) - 0.5),
            2.0f64.powi(52),
            -(2.0f64.powi(52)),
            2.0f64.powi(53) + 2.0,
            1e300,
            -1e300,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..100_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let x = f64::from_bits(s);
            xs.push(x);
            xs.push((s >> 11) as f64 / 2048.0 - 2.0f64.powi(41));
        }
        for x in xs {
            if x.is_nan() {
                assert!(floor(x).is_nan() && ceil(x).is_nan() && floor_i64(x) == i64::MIN);
                continue;
            }
            assert_eq!(floor(x).to_bits(), x.floor().to_bits(), "floor({x:e})");
            assert_eq!(floor_i64(x), c_i64(x.floor()), "floor_i64({x:e})");
            assert_eq!(ceil(x).to_bits(), x.ceil().to_bits(), "ceil({x:e})");
        }
    }
}
