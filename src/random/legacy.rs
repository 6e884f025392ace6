//! numpy's legacy samplers (`RandomState`, `legacy-distributions.c`): the polar Gaussian with
//! its cached second value, the exponential by `-log(1 - u)`, and the older binomial,
//! hypergeometric, zipf, geometric, vonmises and logseries. `Aug` is numpy's `aug_bitgen_t`:
//! a generator and the Gaussian cache, which lives in the `RandomState`.

// NaN handling and constants follow numpy's C exactly: `!(v <= 0.0)` is C's loop test, and
// the literals are numpy's.
#![allow(clippy::neg_cmp_op_on_partial_ord, clippy::excessive_precision)]

use std::f64::consts::PI;

use super::dist::{self, c_i64, ceil, floor, floor_i64, loggam, poisson};
use super::BitGen;

/// A bit generator with the cached second Gaussian of the polar method.
pub struct Aug<'a, G: BitGen> {
    pub g: &'a mut G,
    pub has_gauss: bool,
    pub gauss: f64,
}

impl<G: BitGen> BitGen for Aug<'_, G> {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        self.g.next_u64()
    }
    #[inline]
    fn next_u32(&mut self) -> u32 {
        self.g.next_u32()
    }
    #[inline]
    fn next_raw(&mut self) -> u64 {
        self.g.next_raw()
    }
    #[inline]
    fn next_double(&mut self) -> f64 {
        self.g.next_double()
    }
    #[inline]
    fn next_float(&mut self) -> f32 {
        self.g.next_float()
    }
}

impl<G: BitGen> Aug<'_, G> {
    /// numpy's `legacy_gauss`: Marsaglia's polar method, the second value kept.
    pub fn gauss(&mut self) -> f64 {
        if self.has_gauss {
            let t = self.gauss;
            self.has_gauss = false;
            self.gauss = 0.0;
            return t;
        }
        let (x1, x2, r2) = loop {
            let x1 = 2.0 * self.next_double() - 1.0;
            let x2 = 2.0 * self.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if !(r2 >= 1.0 || r2 == 0.0) {
                break (x1, x2, r2);
            }
        };
        let f = (-2.0 * r2.ln() / r2).sqrt();
        self.gauss = f * x1;
        self.has_gauss = true;
        f * x2
    }

    pub fn standard_exponential(&mut self) -> f64 {
        -(1.0 - self.next_double()).ln()
    }

    pub fn standard_gamma(&mut self, shape: f64) -> f64 {
        if shape == 1.0 {
            self.standard_exponential()
        } else if shape == 0.0 {
            0.0
        } else if shape < 1.0 {
            loop {
                let u = self.next_double();
                let v = self.standard_exponential();
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
            }
        } else {
            let b = shape - 1. / 3.;
            let c = 1. / (9.0 * b).sqrt();
            loop {
                let (mut x, mut v);
                loop {
                    x = self.gauss();
                    v = 1.0 + c * x;
                    // numpy's `do {..} while (V <= 0.0)`: a NaN ends it
                    if !(v <= 0.0) {
                        break;
                    }
                }
                v = v * v * v;
                let u = self.next_double();
                if u < 1.0 - 0.0331 * (x * x) * (x * x) {
                    return b * v;
                }
                if u.ln() < 0.5 * x * x + b * (1. - v + v.ln()) {
                    return b * v;
                }
            }
        }
    }

    pub fn chisquare(&mut self, df: f64) -> f64 {
        2.0 * self.standard_gamma(df / 2.0)
    }

    pub fn noncentral_chisquare(&mut self, df: f64, nonc: f64) -> f64 {
        if nonc == 0.0 {
            return self.chisquare(df);
        }
        if 1.0 < df {
            let chi2 = self.chisquare(df - 1.0);
            let n = self.gauss() + nonc.sqrt();
            chi2 + n * n
        } else {
            let i = poisson(self, nonc / 2.0);
            let out = self.chisquare(df + i.wrapping_mul(2) as f64);
            if nonc.is_nan() {
                f64::NAN
            } else {
                out
            }
        }
    }

    pub fn beta(&mut self, a: f64, b: f64) -> f64 {
        if a <= 1.0 && b <= 1.0 {
            loop {
                let u = self.next_double();
                let v = self.next_double();
                let x = u.powf(1.0 / a);
                let y = v.powf(1.0 / b);
                if x + y <= 1.0 {
                    if x + y > 0.0 {
                        return x / (x + y);
                    }
                    let mut log_x = u.ln() / a;
                    let mut log_y = v.ln() / b;
                    let log_m = if log_x > log_y { log_x } else { log_y };
                    log_x -= log_m;
                    log_y -= log_m;
                    return (log_x - (log_x.exp() + log_y.exp()).ln()).exp();
                }
            }
        }
        let ga = self.standard_gamma(a);
        let gb = self.standard_gamma(b);
        ga / (ga + gb)
    }

    pub fn wald(&mut self, mean: f64, scale: f64) -> f64 {
        let mu_2l = mean / (2.0 * scale);
        let mut y = self.gauss();
        y = mean * y * y;
        let x = mean + mu_2l * (y - (4.0 * scale * y + y * y).sqrt());
        let u = self.next_double();
        if u <= mean / (mean + x) {
            x
        } else {
            mean * mean / x
        }
    }
}

/// numpy's `legacy_random_binomial`: no shortcut for `n == 0` or `p == 0` (a draw is made),
/// and the inversion's `exp(n * log(q))`.
pub fn binomial<G: BitGen>(g: &mut G, p: f64, n: i64, cache: &mut dist::BinomialCache) -> i64 {
    dist::binomial_by(g, p, n, |n, p| (n as f64 * (1.0 - p).ln()).exp(), cache)
}

fn hypergeometric_hyp<G: BitGen>(g: &mut G, good: i64, bad: i64, sample: i64) -> i64 {
    let d1 = bad + good - sample;
    let d2 = bad.min(good) as f64;
    let mut y = d2;
    let mut k = sample;
    while y > 0.0 {
        let u = g.next_double();
        y -= floor_i64(u + y / (d1 + k) as f64) as f64;
        k -= 1;
        if k == 0 {
            break;
        }
    }
    let mut z = (d2 - y) as i64;
    if good > bad {
        z = sample - z;
    }
    z
}

fn hypergeometric_hrua<G: BitGen>(g: &mut G, good: i64, bad: i64, sample: i64) -> i64 {
    const D1: f64 = 1.7155277699214135;
    const D2: f64 = 0.8989161620588988;
    let mingb = good.min(bad);
    let popsize = good + bad;
    let maxgb = good.max(bad);
    let m = sample.min(popsize - sample);
    let d4 = mingb as f64 / popsize as f64;
    let d5 = 1.0 - d4;
    let d6 = m as f64 * d4 + 0.5;
    let d7 = ((popsize - m) as f64 * sample as f64 * d4 * d5 / (popsize - 1) as f64 + 0.5).sqrt();
    let d8 = D1 * d7 + D2;
    let d9 = floor_i64((m + 1) as f64 * (mingb + 1) as f64 / (popsize + 2) as f64);
    let lg = |z: i64| {
        loggam((z + 1) as f64)
            + loggam((mingb - z + 1) as f64)
            + loggam((m - z + 1) as f64)
            + loggam((maxgb - m + z + 1) as f64)
    };
    let d10 = lg(d9);
    let d11 = (m.min(mingb) as f64 + 1.0).min(floor(d6 + 16.0 * d7));
    let mut z = loop {
        let x = g.next_double();
        let y = g.next_double();
        let w = d6 + d8 * (y - 0.5) / x;
        if w < 0.0 || w >= d11 {
            continue;
        }
        let z = floor_i64(w);
        let t = d10 - lg(z);
        if x * (4.0 - x) - 3.0 <= t {
            break z;
        }
        if x * (x - t) >= 1.0 {
            continue;
        }
        if 2.0 * x.ln() <= t {
            break z;
        }
    };
    if good > bad {
        z = m - z;
    }
    if m < sample {
        z = good - z;
    }
    z
}

pub fn hypergeometric<G: BitGen>(g: &mut G, good: i64, bad: i64, sample: i64) -> i64 {
    if sample > 10 {
        hypergeometric_hrua(g, good, bad, sample)
    } else if sample > 0 {
        hypergeometric_hyp(g, good, bad, sample)
    } else {
        0
    }
}

pub fn zipf<G: BitGen>(g: &mut G, a: f64) -> i64 {
    let am1 = a - 1.0;
    let b = 2.0f64.powf(am1);
    loop {
        let u = 1.0 - g.next_double();
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

pub fn geometric<G: BitGen>(g: &mut G, p: f64) -> i64 {
    if p >= 0.333333333333333333333333 {
        dist::geometric(g, p)
    } else {
        c_i64(ceil((-g.next_double()).ln_1p() / (1.0 - p).ln()))
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
    } else {
        let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
        let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
        (1.0 + rho * rho) / (2.0 * rho)
    };
    dist::vonmises_tail(g, mu, kappa, s)
}

pub fn logseries<G: BitGen>(g: &mut G, p: f64) -> i64 {
    let r = (1.0 - p).ln();
    loop {
        let v = g.next_double();
        if v >= p {
            return 1;
        }
        let u = g.next_double();
        let q = 1.0 - (r * u).exp();
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
