//! numpy.random's generators and distributions, bit for bit (numpy/random/src; the algorithms
//! and their checks are in plans/random-notes.md). Bit generators keep their state here; the
//! fills write into slices in memory order, as numpy's fill functions do.

/// The kept half of a 64-bit draw (numpy's `next_uint32` for 64-bit generators).
macro_rules! half_words {
    () => {
        #[inline]
        fn next_u32(&mut self) -> u32 {
            if self.has_uint32 {
                self.has_uint32 = false;
                return self.uinteger;
            }
            let v = self.next_u64();
            self.has_uint32 = true;
            self.uinteger = (v >> 32) as u32;
            v as u32
        }
    };
}

pub mod bounded;
pub mod dist;
pub mod legacy;
mod logfact;
pub mod mt19937;
pub mod multi;
pub mod pcg64;
pub mod philox;
pub mod sfc64;
mod ziggurat;

/// A bit generator: numpy's `bitgen_t`.
pub trait BitGen {
    fn next_u64(&mut self) -> u64;
    /// numpy's `next_uint32`: for a 64-bit generator the low half of a draw, its high half
    /// kept for the next call.
    fn next_u32(&mut self) -> u32;
    /// numpy's `next_raw` (the value of `random_raw`).
    fn next_raw(&mut self) -> u64 {
        self.next_u64()
    }
    /// 53 random bits as a double in [0, 1) (numpy's `uint64_to_double`).
    fn next_double(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9007199254740992.0)
    }
    /// 24 random bits as a float in [0, 1) (numpy's `next_float`).
    fn next_float(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 * (1.0 / 16777216.0)
    }
}

/// numpy's `random_raw` into `out`.
pub fn fill_raw<G: BitGen>(g: &mut G, out: &mut [u64]) {
    for x in out {
        *x = g.next_raw();
    }
}

/// `Generator.random(dtype=float64)`: numpy's `random_standard_uniform_fill`.
pub fn fill_double<G: BitGen>(g: &mut G, out: &mut [f64]) {
    for x in out {
        *x = g.next_double();
    }
}

/// `Generator.random(dtype=float32)`: numpy's `random_standard_uniform_fill_f`.
pub fn fill_float<G: BitGen>(g: &mut G, out: &mut [f32]) {
    for x in out {
        *x = g.next_float();
    }
}

/// A parameter of a sampler: one value for every item, or one per item.
#[inline]
fn at<T: Copy>(s: &[T], i: usize) -> T {
    if s.len() == 1 {
        s[0]
    } else {
        s[i]
    }
}

/// `out[i] = f(g, i)` in order.
#[inline]
fn each<G, R>(g: &mut G, out: &mut [R], mut f: impl FnMut(&mut G, usize) -> R) {
    for (i, o) in out.iter_mut().enumerate() {
        *o = f(g, i);
    }
}

/// The samplers of float64 results, named as numpy's methods; their parameters (up to three)
/// are float64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cont {
    StandardNormal,
    StandardExponential,
    StandardExponentialInv,
    StandardCauchy,
    StandardGamma,
    Normal,
    Exponential,
    Uniform,
    Gamma,
    Beta,
    Chisquare,
    F,
    NoncentralChisquare,
    NoncentralF,
    StandardT,
    Vonmises,
    Pareto,
    Weibull,
    Power,
    Laplace,
    Gumbel,
    Logistic,
    Lognormal,
    Rayleigh,
    Wald,
    Triangular,
}

impl Cont {
    pub fn from_name(name: &str) -> Option<Cont> {
        use Cont::*;
        Some(match name {
            "standard_normal" => StandardNormal,
            "standard_exponential" => StandardExponential,
            "standard_exponential_inv" => StandardExponentialInv,
            "standard_cauchy" => StandardCauchy,
            "standard_gamma" => StandardGamma,
            "normal" => Normal,
            "exponential" => Exponential,
            "uniform" => Uniform,
            "gamma" => Gamma,
            "beta" => Beta,
            "chisquare" => Chisquare,
            "f" => F,
            "noncentral_chisquare" => NoncentralChisquare,
            "noncentral_f" => NoncentralF,
            "standard_t" => StandardT,
            "vonmises" => Vonmises,
            "pareto" => Pareto,
            "weibull" => Weibull,
            "power" => Power,
            "laplace" => Laplace,
            "gumbel" => Gumbel,
            "logistic" => Logistic,
            "lognormal" => Lognormal,
            "rayleigh" => Rayleigh,
            "wald" => Wald,
            "triangular" => Triangular,
            _ => return None,
        })
    }

    /// How many parameters the sampler takes.
    pub fn arity(self) -> usize {
        use Cont::*;
        match self {
            StandardNormal | StandardExponential | StandardExponentialInv | StandardCauchy => 0,
            StandardGamma | Exponential | Chisquare | StandardT | Pareto | Weibull | Power
            | Rayleigh => 1,
            NoncentralF | Triangular => 3,
            _ => 2,
        }
    }
}

/// Fill `out` with draws of `kind`; each parameter slice holds one value or one per item
/// (unused parameters: any one value).
pub fn fill_cont<G: BitGen>(g: &mut G, kind: Cont, p: [&[f64]; 3], out: &mut [f64]) {
    use dist::*;
    let [a, b, c] = p;
    match kind {
        Cont::StandardNormal => each(g, out, |g, _| standard_normal(g)),
        Cont::StandardExponential => each(g, out, |g, _| standard_exponential(g)),
        Cont::StandardExponentialInv => each(g, out, |g, _| standard_exponential_inv(g)),
        Cont::StandardCauchy => each(g, out, |g, _| standard_cauchy(g)),
        Cont::StandardGamma if a.len() == 1 => {
            let gamma = Gamma::new(a[0]);
            each(g, out, |g, _| gamma.draw(g))
        }
        Cont::StandardGamma => each(g, out, |g, i| standard_gamma(g, at(a, i))),
        Cont::Normal => each(g, out, |g, i| normal(g, at(a, i), at(b, i))),
        Cont::Exponential => each(g, out, |g, i| exponential(g, at(a, i))),
        Cont::Uniform => each(g, out, |g, i| uniform(g, at(a, i), at(b, i))),
        Cont::Gamma if a.len() == 1 && b.len() == 1 => {
            let (shape, scale) = (Gamma::new(a[0]), b[0]);
            each(g, out, |g, _| scale * shape.draw(g))
        }
        Cont::Gamma => each(g, out, |g, i| gamma(g, at(a, i), at(b, i))),
        Cont::Beta => each(g, out, |g, i| beta(g, at(a, i), at(b, i))),
        Cont::Chisquare => each(g, out, |g, i| chisquare(g, at(a, i))),
        Cont::F => each(g, out, |g, i| f(g, at(a, i), at(b, i))),
        Cont::NoncentralChisquare => {
            each(g, out, |g, i| noncentral_chisquare(g, at(a, i), at(b, i)))
        }
        Cont::NoncentralF => each(g, out, |g, i| noncentral_f(g, at(a, i), at(b, i), at(c, i))),
        Cont::StandardT => each(g, out, |g, i| standard_t(g, at(a, i))),
        Cont::Vonmises => each(g, out, |g, i| vonmises(g, at(a, i), at(b, i))),
        Cont::Pareto => each(g, out, |g, i| pareto(g, at(a, i))),
        Cont::Weibull => each(g, out, |g, i| weibull(g, at(a, i))),
        Cont::Power => each(g, out, |g, i| power(g, at(a, i))),
        Cont::Laplace => each(g, out, |g, i| laplace(g, at(a, i), at(b, i))),
        Cont::Gumbel => each(g, out, |g, i| gumbel(g, at(a, i), at(b, i))),
        Cont::Logistic => each(g, out, |g, i| logistic(g, at(a, i), at(b, i))),
        Cont::Lognormal => each(g, out, |g, i| lognormal(g, at(a, i), at(b, i))),
        Cont::Rayleigh => each(g, out, |g, i| rayleigh(g, at(a, i))),
        Cont::Wald => each(g, out, |g, i| wald(g, at(a, i), at(b, i))),
        Cont::Triangular => each(g, out, |g, i| triangular(g, at(a, i), at(b, i), at(c, i))),
    }
}

/// The float32 samplers (`dtype=float32`): standard normal, exponential (ziggurat and
/// inversion) and gamma, whose one parameter is float32.
pub fn fill_cont_f<G: BitGen>(g: &mut G, kind: Cont, shape: &[f32], out: &mut [f32]) -> bool {
    use dist::*;
    match kind {
        Cont::StandardNormal => each(g, out, |g, _| standard_normal_f(g)),
        Cont::StandardExponential => each(g, out, |g, _| standard_exponential_f(g)),
        Cont::StandardExponentialInv => each(g, out, |g, _| standard_exponential_inv_f(g)),
        Cont::StandardGamma => each(g, out, |g, i| standard_gamma_f(g, at(shape, i))),
        _ => return false,
    }
    true
}

/// The samplers of int64 results; `binomial` takes (p: f64, n: i64) and `hypergeometric`
/// three i64, the others f64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disc {
    Poisson,
    Binomial,
    NegativeBinomial,
    Geometric,
    Zipf,
    Logseries,
    Hypergeometric,
    /// `RandomState.tomaxint`: a 64-bit draw shifted right once.
    Tomaxint,
}

impl Disc {
    pub fn from_name(name: &str) -> Option<Disc> {
        use Disc::*;
        Some(match name {
            "poisson" => Poisson,
            "binomial" => Binomial,
            "negative_binomial" => NegativeBinomial,
            "geometric" => Geometric,
            "zipf" => Zipf,
            "logseries" => Logseries,
            "hypergeometric" => Hypergeometric,
            "tomaxint" => Tomaxint,
            _ => return None,
        })
    }
}

/// Fill `out` with draws of `kind` from its float parameters `f` and integer parameters `n`
/// (each one value or one per item).
pub fn fill_disc<G: BitGen>(
    g: &mut G,
    kind: Disc,
    fp: [&[f64]; 2],
    n: [&[i64]; 3],
    out: &mut [i64],
) {
    use dist::*;
    let [a, b] = fp;
    match kind {
        Disc::Poisson => fill_poisson(g, a, out),
        Disc::Binomial if a.len() == 1 && n[0].len() == 1 && a[0] != 0.0 && n[0][0] != 0 => {
            // one (n, p): the sampler set up once
            let binomial = Binomial::new(n[0][0], a[0], generator_qn);
            each(g, out, |g, _| binomial.draw(g))
        }
        Disc::Binomial => {
            let mut cache = BinomialCache::default();
            each(g, out, |g, i| {
                binomial_cached(g, at(a, i), at(n[0], i), &mut cache)
            })
        }
        Disc::NegativeBinomial => each(g, out, |g, i| negative_binomial(g, at(a, i), at(b, i))),
        Disc::Geometric => each(g, out, |g, i| geometric(g, at(a, i))),
        Disc::Zipf => each(g, out, |g, i| zipf(g, at(a, i))),
        Disc::Logseries => each(g, out, |g, i| logseries(g, at(a, i))),
        Disc::Hypergeometric
            if n.iter().all(|v| v.len() == 1) && hrua_applies(n[0][0], n[1][0], n[2][0]) =>
        {
            let hrua = Hrua::new(n[0][0], n[1][0], n[2][0]);
            each(g, out, |g, _| hrua.draw(g))
        }
        Disc::Hypergeometric => each(g, out, |g, i| {
            hypergeometric(g, at(n[0], i), at(n[1], i), at(n[2], i))
        }),
        Disc::Tomaxint => each(g, out, |g, _| (g.next_u64() >> 1) as i64),
    }
}

/// Poisson draws (Generator's and RandomState's are the same sampler): PTRS set up once when
/// one lam >= 10 serves the whole fill.
fn fill_poisson<G: BitGen>(g: &mut G, lam: &[f64], out: &mut [i64]) {
    if let [lam] = lam {
        if *lam >= 10.0 {
            let ptrs = dist::Ptrs::new(*lam);
            return each(g, out, |g, _| ptrs.draw(g));
        }
    }
    each(g, out, |g, i| dist::poisson(g, at(lam, i)))
}

/// `RandomState`'s samplers of float64 results (numpy's `mtrand.pyx`): the legacy kernels
/// where numpy has them, Generator's otherwise. `aug` carries the Gaussian cache.
pub fn fill_cont_legacy<G: BitGen>(
    aug: &mut legacy::Aug<'_, G>,
    kind: Cont,
    p: [&[f64]; 3],
    out: &mut [f64],
) {
    use dist::{gumbel, laplace, logistic, triangular, uniform};
    let [a, b, c] = p;
    match kind {
        Cont::StandardNormal => each(aug, out, |g, _| g.gauss()),
        Cont::StandardExponential | Cont::StandardExponentialInv => {
            each(aug, out, |g, _| g.standard_exponential())
        }
        Cont::StandardCauchy => each(aug, out, |g, _| g.gauss() / g.gauss()),
        Cont::StandardGamma => each(aug, out, |g, i| g.standard_gamma(at(a, i))),
        Cont::Normal => each(aug, out, |g, i| at(a, i) + at(b, i) * g.gauss()),
        Cont::Exponential => each(aug, out, |g, i| at(a, i) * g.standard_exponential()),
        Cont::Uniform => each(aug, out, |g, i| uniform(g, at(a, i), at(b, i))),
        Cont::Gamma => each(aug, out, |g, i| at(b, i) * g.standard_gamma(at(a, i))),
        Cont::Beta => each(aug, out, |g, i| g.beta(at(a, i), at(b, i))),
        Cont::Chisquare => each(aug, out, |g, i| g.chisquare(at(a, i))),
        Cont::F => each(aug, out, |g, i| {
            let (dfnum, dfden) = (at(a, i), at(b, i));
            (g.chisquare(dfnum) * dfden) / (g.chisquare(dfden) * dfnum)
        }),
        Cont::NoncentralChisquare => {
            each(aug, out, |g, i| g.noncentral_chisquare(at(a, i), at(b, i)))
        }
        Cont::NoncentralF => each(aug, out, |g, i| {
            let (dfnum, dfden) = (at(a, i), at(b, i));
            let t = g.noncentral_chisquare(dfnum, at(c, i)) * dfden;
            t / (g.chisquare(dfden) * dfnum)
        }),
        Cont::StandardT => each(aug, out, |g, i| {
            let df = at(a, i);
            let num = g.gauss();
            let denom = g.standard_gamma(df / 2.0);
            (df / 2.0).sqrt() * num / denom.sqrt()
        }),
        Cont::Vonmises => each(aug, out, |g, i| legacy::vonmises(g, at(a, i), at(b, i))),
        Cont::Pareto => each(aug, out, |g, i| {
            (g.standard_exponential() / at(a, i)).exp() - 1.0
        }),
        Cont::Weibull => each(aug, out, |g, i| {
            let a = at(a, i);
            if a == 0.0 {
                0.0
            } else {
                g.standard_exponential().powf(1. / a)
            }
        }),
        Cont::Power => each(aug, out, |g, i| {
            (1.0 - (-g.standard_exponential()).exp()).powf(1. / at(a, i))
        }),
        Cont::Laplace => each(aug, out, |g, i| laplace(g, at(a, i), at(b, i))),
        Cont::Gumbel => each(aug, out, |g, i| gumbel(g, at(a, i), at(b, i))),
        Cont::Logistic => each(aug, out, |g, i| logistic(g, at(a, i), at(b, i))),
        Cont::Lognormal => each(aug, out, |g, i| (at(a, i) + at(b, i) * g.gauss()).exp()),
        Cont::Rayleigh => each(aug, out, |g, i| {
            at(a, i) * (-2.0 * (-g.next_double()).ln_1p()).sqrt()
        }),
        Cont::Wald => each(aug, out, |g, i| g.wald(at(a, i), at(b, i))),
        Cont::Triangular => each(aug, out, |g, i| triangular(g, at(a, i), at(b, i), at(c, i))),
    }
}

/// `RandomState`'s samplers of integer results.
pub fn fill_disc_legacy<G: BitGen>(
    aug: &mut legacy::Aug<'_, G>,
    kind: Disc,
    fp: [&[f64]; 2],
    n: [&[i64]; 3],
    out: &mut [i64],
) {
    let [a, b] = fp;
    match kind {
        Disc::Poisson => fill_poisson(aug, a, out),
        Disc::Binomial => {
            let mut cache = dist::BinomialCache::default();
            each(aug, out, |g, i| {
                legacy::binomial(g, at(a, i), at(n[0], i), &mut cache)
            })
        }
        Disc::NegativeBinomial => each(aug, out, |g, i| {
            let p = at(b, i);
            let y = (1.0 - p) / p * g.standard_gamma(at(a, i));
            dist::poisson(g, y)
        }),
        Disc::Geometric => each(aug, out, |g, i| legacy::geometric(g, at(a, i))),
        Disc::Zipf => each(aug, out, |g, i| legacy::zipf(g, at(a, i))),
        Disc::Logseries => each(aug, out, |g, i| legacy::logseries(g, at(a, i))),
        Disc::Hypergeometric => each(aug, out, |g, i| {
            legacy::hypergeometric(g, at(n[0], i), at(n[1], i), at(n[2], i))
        }),
        Disc::Tomaxint => each(aug, out, |g, _| (g.next_u64() >> 1) as i64),
    }
}

/// The permutation of `0..n` (n = `out.len()`) that numpy's Fisher–Yates shuffle makes:
/// for i from n-1 down to `first`, swap i with j uniform in [0, i], drawn by masked rejection
/// (`random_interval`: shuffle, permutation, permuted) or Lemire's method (`_shuffle_int`:
/// choice).
pub fn fill_permutation<G: BitGen>(g: &mut G, first: usize, masked: bool, out: &mut [i64]) {
    for (k, o) in out.iter_mut().enumerate() {
        *o = k as i64;
    }
    shuffle_tail(g, first.max(1), masked, out);
}

/// Fisher–Yates from the end of `out` down to `lo` (>= 1): i swapped with j in [0, i]. The
/// partners are drawn [`AHEAD`] steps early, in the same order (so from the same stream), and
/// their slots prefetched: a large shuffle waits on memory otherwise.
fn shuffle_tail<G: BitGen>(g: &mut G, lo: usize, masked: bool, out: &mut [i64]) {
    const AHEAD: usize = 16;
    let n = out.len();
    if n <= lo {
        return;
    }
    let steps = n - lo;
    let mut pieces = bounded::Pieces::default();
    let mut draw =
        |g: &mut G, i: usize| bounded::bounded(g, &mut pieces, 64, 0, i as u64, masked) as usize;
    let mut ring = [0usize; AHEAD];
    for (s, slot) in ring.iter_mut().enumerate().take(steps) {
        *slot = draw(g, n - 1 - s);
        prefetch(out, *slot);
    }
    for s in 0..steps {
        let j = ring[s % AHEAD];
        if s + AHEAD < steps {
            let next = draw(g, n - 1 - (s + AHEAD));
            prefetch(out, next);
            ring[s % AHEAD] = next;
        }
        out.swap(n - 1 - s, j);
    }
}

/// A hint that `s[j]` is about to be used (nothing when `j` is out of range).
#[inline]
fn prefetch<T>(s: &[T], j: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(x) = s.get(j) {
        // SAFETY: a prefetch is only a hint to the cache; it reads nothing into the program.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                (x as *const T).cast::<i8>(),
            )
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (s, j);
}

/// `choice(pop_size, size, replace=False)` without probabilities, by Floyd's algorithm with
/// Lemire draws (the chosen values in numpy's open-addressing set), then (`shuffle`) the
/// tail shuffle of numpy's `_shuffle_int(size, 1)`.
pub fn fill_floyd<G: BitGen>(g: &mut G, pop_size: u64, shuffle: bool, out: &mut [i64]) {
    const EMPTY: u64 = u64::MAX;
    let size = out.len() as u64;
    // the smallest power of two above 1.2 size, as numpy's
    let mask = bounded::mask_of((1.2 * size as f64) as u64);
    let mut set = vec![EMPTY; mask as usize + 1];
    let mut pieces = bounded::Pieces::default();
    for j in pop_size - size..pop_size {
        let val = bounded::bounded(g, &mut pieces, 64, 0, j, false);
        let mut loc = val & mask;
        while set[loc as usize] != EMPTY && set[loc as usize] != val {
            loc = (loc + 1) & mask;
        }
        let pick = if set[loc as usize] == EMPTY {
            set[loc as usize] = val;
            val
        } else {
            let mut loc = j & mask;
            while set[loc as usize] != EMPTY {
                loc = (loc + 1) & mask;
            }
            set[loc as usize] = j;
            j
        };
        out[(j - (pop_size - size)) as usize] = pick as i64;
    }
    if shuffle {
        shuffle_tail(g, 1, false, out);
    }
}

#[cfg(test)]
#[allow(clippy::excessive_precision)]
mod tests {
    use super::pcg64::Pcg64;
    use super::*;

    /// PCG64(12345), numpy's state after seeding (plans/random-notes.md, section 8).
    fn pcg() -> Pcg64 {
        Pcg64 {
            state: 33261208707367790463622745601869196757,
            inc: 268209174141567072605526753992732310247,
            has_uint32: false,
            uinteger: 0,
        }
    }

    fn cont(kind: Cont, p: [f64; 3], n: usize) -> Vec<f64> {
        let mut out = vec![0.0; n];
        fill_cont(&mut pcg(), kind, [&p[0..1], &p[1..2], &p[2..3]], &mut out);
        out
    }

    fn disc(kind: Disc, f: [f64; 2], i: [i64; 3], n: usize) -> Vec<i64> {
        let mut out = vec![0; n];
        let (f, i) = ([&f[0..1], &f[1..2]], [&i[0..1], &i[1..2], &i[2..3]]);
        fill_disc(&mut pcg(), kind, f, i, &mut out);
        out
    }

    /// numpy 2.4's draws from `default_rng(12345)`, each from a fresh generator.
    #[test]
    fn numpy_vectors() {
        use Cont::*;
        let z = [0.0; 3];
        assert_eq!(
            cont(StandardNormal, z, 3),
            [-1.4238250364546312, 1.2637284581291104, -0.8706617379590857]
        );
        assert_eq!(
            cont(StandardExponential, z, 3),
            [0.18413256735377503, 0.6450270693873458, 4.690218692461341]
        );
        assert_eq!(
            cont(StandardExponentialInv, z, 3),
            [0.2579110240851259, 0.38090666019027913, 1.5963512048235653]
        );
        assert_eq!(
            cont(StandardGamma, [0.3, 0.0, 0.0], 3),
            [
                0.007170688507662113,
                0.5112938805967167,
                0.04375168035034275
            ]
        );
        assert_eq!(
            cont(StandardGamma, [2.5, 0.0, 0.0], 3),
            [0.6739832058816944, 1.1211643434137482, 2.0576457647029325]
        );
        let mut f = [0f32; 3];
        fill_cont_f(&mut pcg(), StandardNormal, &[0.0], &mut f);
        assert_eq!(
            f,
            [-1.2160426378250122, -0.3693346381187439, 1.8661257028579712]
        );
        fill_cont_f(&mut pcg(), StandardGamma, &[0.3], &mut f);
        assert_eq!(
            f,
            [
                0.30341413617134094,
                0.48542529344558716,
                0.005012122448533773
            ]
        );
        use Disc::*;
        assert_eq!(disc(Poisson, [0.5, 0.0], [0; 3], 6), [0, 0, 1, 0, 0, 0]);
        assert_eq!(disc(Poisson, [57.3, 0.0], [0; 3], 3), [51, 64, 55]);
        assert_eq!(disc(Poisson, [1e6, 0.0], [0; 3], 2), [999159, 1000937]);
        assert_eq!(disc(Binomial, [0.3, 0.0], [10, 0, 0], 5), [2, 2, 4, 4, 3]);
        assert_eq!(disc(Binomial, [0.3, 0.0], [1000, 0, 0], 3), [301, 307, 320]);
        assert_eq!(disc(Binomial, [0.9, 0.0], [1000, 0, 0], 3), [898, 894, 911]);
        assert_eq!(disc(Binomial, [0.7, 0.0], [100, 0, 0], 3), [68, 78, 76]);
    }

    /// The permutation of `default_rng(12345).permutation(10)` and Floyd's sample of
    /// `choice(10, 3, replace=False)`.
    #[test]
    fn numpy_permutations() {
        let mut p = [0i64; 10];
        fill_permutation(&mut pcg(), 1, true, &mut p);
        assert_eq!(p, [4, 8, 1, 3, 7, 9, 6, 0, 2, 5]);
        let mut c = [0i64; 3];
        fill_floyd(&mut pcg(), 10, true, &mut c);
        assert_eq!(c, [2, 7, 5]);
    }

    /// numpy 2.4's raw draws of the other bit generators, from their seeded states.
    #[test]
    fn other_generators() {
        let mut s = sfc64::Sfc64 {
            s: [
                10064541703870941362,
                11909270464136410499,
                15701026424580518604,
                13,
            ],
            has_uint32: false,
            uinteger: 0,
        };
        let raw: Vec<u64> = (0..3).map(|_| s.next_raw()).collect();
        assert_eq!(
            raw,
            [
                3527068094297800258,
                5648030432468382359,
                9063957079744815110
            ]
        );
        let mut p = philox::Philox::new([7, 0, 0, 0], [3, 64]);
        let raw: Vec<u64> = (0..3).map(|_| p.next_raw()).collect();
        assert_eq!(
            raw,
            [
                16675723468112643462,
                4404105849942800169,
                896462989433453860
            ]
        );
        let pcg = pcg();
        let mut d = pcg64::Pcg64Dxsm {
            state: pcg.state,
            inc: pcg.inc,
            has_uint32: false,
            uinteger: 0,
        };
        let raw: Vec<u64> = (0..3).map(|_| d.next_raw()).collect();
        assert_eq!(
            raw,
            [
                17193872397121361007,
                6225879447261284483,
                4002610872796635837
            ]
        );
    }

    /// `RandomState(12345)`: numpy's legacy seeding, uniforms, and the polar Gaussian with
    /// its cached second value.
    #[test]
    fn legacy_vectors() {
        let mut mt = mt19937::Mt19937::legacy_seeded(12345);
        assert_eq!(mt.key[..4], [12345, 2003863422, 2690739229, 1915043646]);
        assert_eq!(mt.pos, 624);
        let u: Vec<f64> = (0..3).map(|_| mt.next_double()).collect();
        assert_eq!(
            u,
            [0.9296160928171479, 0.3163755545817859, 0.18391881167709445]
        );
        let mut mt = mt19937::Mt19937::legacy_seeded(12345);
        let mut aug = legacy::Aug {
            g: &mut mt,
            has_gauss: false,
            gauss: 0.0,
        };
        let mut out = [0.0; 3];
        fill_cont_legacy(
            &mut aug,
            Cont::StandardNormal,
            [&[0.0], &[0.0], &[0.0]],
            &mut out,
        );
        assert_eq!(
            out,
            [
                -0.20470765948471295,
                0.47894333805754824,
                -0.5194387150567381
            ]
        );
        assert!(aug.has_gauss);
        assert_eq!(aug.gauss, -0.55573030434749);
        let mut mt = mt19937::Mt19937::legacy_seeded_by_array(&[1, 2, 3]);
        assert_eq!(mt.key[..3], [2147483648, 188977461, 1294596893]);
        let u: Vec<f64> = (0..2).map(|_| mt.next_double()).collect();
        assert_eq!(u, [0.6098612722867289, 0.8866970434146851]);
    }

    /// C's cast of a double to int64 on x86-64: INT64_MIN out of range.
    #[test]
    fn c_casts() {
        assert_eq!(dist::c_i64(-3.7), -3);
        assert_eq!(dist::c_i64(1e300), i64::MIN);
        assert_eq!(dist::c_i64(f64::NAN), i64::MIN);
        assert_eq!(dist::c_i64(-9.223372036854775808e18), i64::MIN);
    }

    /// log(k!) from the table and from Stirling's series agree where they meet; loggam
    /// matches log(k!) at integers.
    #[test]
    fn log_factorials() {
        let sum: f64 = (1..=125).map(|k| (k as f64).ln()).sum();
        assert!((dist::logfactorial(125) - sum).abs() < 1e-9 * sum);
        let sum126 = sum + 126f64.ln();
        assert!((dist::logfactorial(126) - sum126).abs() < 1e-9 * sum126);
        for k in [3i64, 10, 50, 200] {
            assert!((dist::loggam(k as f64 + 1.0) - dist::logfactorial(k)).abs() < 1e-9);
        }
    }
}
