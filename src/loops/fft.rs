//! The core loops of `rumpy._core._fft_umath` (numpy's `_pocketfft_umath`): discrete Fourier
//! transforms of one lane per item, on rustfft (complex) and realfft (real input or output).
//!
//! Each gufunc has numpy's signature and contract: the input lane is cropped or zero-padded to
//! the transform length, the result is multiplied by the second operand (the normalisation
//! factor, one per item), and the inverse real transform ignores the imaginary parts of the
//! zero and Nyquist terms. Plans are made once per (length, direction, precision) and shared
//! by every thread; rustfft picks its AVX, SSE or scalar kernels when the plan is made.
//!
//! Lanes that are contiguous and aligned in the output are transformed in place there. Other
//! lanes go through a scratch block holding several lanes at once, gathered in the order that
//! walks memory forwards: a transform along the first axis of a C-ordered array reads whole
//! rows instead of one element per cache line.

use std::ops::MulAssign;
use std::sync::{Arc, Mutex, OnceLock};

use num_complex::Complex;
use num_traits::{Float, Zero};
use realfft::{ComplexToReal, RealFftPlanner, RealToComplex};
use rustfft::{Fft, FftDirection, FftNum, FftPlanner};

use super::core_dims::CoreArgs;

/// The planners of one precision (each keeps the plans it made).
pub struct Planners<T: FftNum> {
    complex: FftPlanner<T>,
    real: RealFftPlanner<T>,
    half: std::collections::HashMap<usize, Arc<HalfPlan<T>>>,
}

/// A precision the transforms run in: f32 or f64.
pub trait Precision: FftNum + Float + num_traits::NumAssign {
    fn planners() -> &'static Mutex<Planners<Self>>;
}

macro_rules! precision {
    ($t:ty) => {
        impl Precision for $t {
            fn planners() -> &'static Mutex<Planners<$t>> {
                static P: OnceLock<Mutex<Planners<$t>>> = OnceLock::new();
                P.get_or_init(|| {
                    Mutex::new(Planners {
                        complex: FftPlanner::new(),
                        real: RealFftPlanner::new(),
                        half: std::collections::HashMap::new(),
                    })
                })
            }
        }
    };
}
precision!(f32);
precision!(f64);

fn with_planners<T: Precision, R>(f: impl FnOnce(&mut Planners<T>) -> R) -> R {
    // A planner left by a panicking thread still holds valid plans.
    let mut g = T::planners().lock().unwrap_or_else(|e| e.into_inner());
    f(&mut g)
}

fn complex_plan<T: Precision>(n: usize, forward: bool) -> Arc<dyn Fft<T>> {
    let dir = if forward {
        FftDirection::Forward
    } else {
        FftDirection::Inverse
    };
    with_planners::<T, _>(|p| p.complex.plan_fft(n, dir))
}

/// Multiply-adds of one item, about n log2 n, for the engine's choice of threads.
pub fn fft_cost(sizes: &[usize]) -> usize {
    let n = sizes.iter().copied().max().unwrap_or(1).max(1);
    n.saturating_mul(usize::BITS as usize - n.leading_zeros() as usize)
}

/// Scratch bytes per block of lanes: enough to keep a block in the second-level cache.
const BLOCK_BYTES: usize = 1 << 18;
const MAX_BLOCK: usize = 16;

/// How many lanes of `lane_bytes` to gather or scatter at once: one when the input and output
/// lanes are themselves contiguous (`items`: their element sizes; nothing to gain), else as
/// many as fit [`BLOCK_BYTES`].
fn block_len(
    lane_bytes: usize,
    src: &Lanes,
    dst: &Lanes,
    items: (usize, usize),
    count: usize,
) -> usize {
    if src.stride.unsigned_abs() == items.0 && dst.stride.unsigned_abs() == items.1 {
        return 1;
    }
    (BLOCK_BYTES / lane_bytes.max(1))
        .clamp(1, MAX_BLOCK)
        .min(count.max(1))
}

/// One operand's lanes: item `t`'s element `j` at `base + t * step + j * stride`.
#[derive(Clone, Copy)]
struct Lanes {
    base: *mut u8,
    step: isize,
    stride: isize,
}

impl Lanes {
    fn of(p: &[*mut u8], steps: &[isize], c: &CoreArgs, op: usize) -> Lanes {
        Lanes {
            base: p[op],
            step: steps[op],
            stride: c.stride(op, 0),
        }
    }

    #[inline]
    fn at(&self, t: usize, j: usize) -> *mut u8 {
        self.base
            .wrapping_offset(t as isize * self.step)
            .wrapping_offset(j as isize * self.stride)
    }

    /// Items `t..t + len` as a slice, when their lane `t` is contiguous and aligned.
    ///
    /// # Safety
    /// Item `t` has `len` elements of `E` inside the operand.
    unsafe fn contiguous<'a, E>(&self, t: usize, len: usize) -> Option<&'a mut [E]> {
        let p = self.at(t, 0);
        let size = std::mem::size_of::<E>();
        if (self.stride == size as isize || len <= 1)
            && (p as usize).is_multiple_of(std::mem::align_of::<E>())
        {
            // SAFETY: the caller's guarantee; aligned and contiguous as checked.
            Some(unsafe { std::slice::from_raw_parts_mut(p.cast::<E>(), len) })
        } else {
            None
        }
    }

    /// `dst[b * n + j] = element j of item t + b` for `j < ncopy`, zero for `ncopy <= j < n`;
    /// lanes `b < nb`.
    ///
    /// # Safety
    /// Items `t..t + nb` have at least `ncopy` elements of `E` inside the operand.
    unsafe fn gather<E: Copy + Zero>(
        &self,
        t: usize,
        nb: usize,
        ncopy: usize,
        n: usize,
        dst: &mut [E],
    ) {
        let lane_major = self.stride.unsigned_abs() <= self.step.unsigned_abs() || nb == 1;
        if lane_major {
            for b in 0..nb {
                let row = &mut dst[b * n..(b + 1) * n];
                for (j, d) in row[..ncopy].iter_mut().enumerate() {
                    // SAFETY: element j of item t + b (the caller's guarantee).
                    *d = unsafe { self.at(t + b, j).cast::<E>().read_unaligned() };
                }
            }
        } else {
            for j in 0..ncopy {
                for b in 0..nb {
                    // SAFETY: as above.
                    dst[b * n + j] = unsafe { self.at(t + b, j).cast::<E>().read_unaligned() };
                }
            }
        }
        for b in 0..nb {
            dst[b * n + ncopy..(b + 1) * n].fill(E::zero());
        }
    }

    /// Element j of item t + b = `src[b * n + j]` for `j < n`, lanes `b < nb`.
    ///
    /// # Safety
    /// Items `t..t + nb` have `n` writable elements of `E` inside the operand.
    unsafe fn scatter<E: Copy>(&self, t: usize, nb: usize, n: usize, src: &[E]) {
        let lane_major = self.stride.unsigned_abs() <= self.step.unsigned_abs() || nb == 1;
        if lane_major {
            for b in 0..nb {
                for (j, &v) in src[b * n..(b + 1) * n].iter().enumerate() {
                    // SAFETY: element j of item t + b (the caller's guarantee).
                    unsafe { self.at(t + b, j).cast::<E>().write_unaligned(v) };
                }
            }
        } else {
            for j in 0..n {
                for b in 0..nb {
                    // SAFETY: as above.
                    unsafe {
                        self.at(t + b, j)
                            .cast::<E>()
                            .write_unaligned(src[b * n + j])
                    };
                }
            }
        }
    }

    /// The factor of item t (a scalar operand).
    ///
    /// # Safety
    /// Item t of the operand is a `T`.
    unsafe fn scalar<T: Copy>(&self, t: usize) -> T {
        // SAFETY: the caller's guarantee.
        unsafe { self.at(t, 0).cast::<T>().read_unaligned() }
    }
}

fn scale<T: Precision, E: Copy + MulAssign<T>>(v: &mut [E], f: T) {
    if f != T::one() {
        for x in v {
            *x *= f;
        }
    }
}

/// fft `(n),()->(m)` and ifft `(m),()->(n)`: complex to complex, unnormalised, times the
/// factor.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn c2c<T: Precision>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
    forward: bool,
) -> u32 {
    let (nin, n) = (c.sizes[0], c.sizes[1]);
    if n == 0 || count == 0 {
        return 0;
    }
    let (src, fct, dst) = (
        Lanes::of(p, steps, c, 0),
        Lanes::of(p, steps, c, 1),
        Lanes::of(p, steps, c, 2),
    );
    let plan = complex_plan::<T>(n, forward);
    let mut scratch = vec![Complex::<T>::zero(); plan.get_inplace_scratch_len()];
    let ncopy = nin.min(n);
    let item = std::mem::size_of::<Complex<T>>();
    let block = block_len(n * item, &src, &dst, (item, item), count);
    let mut buf: Vec<Complex<T>> = Vec::new();
    let mut t = 0;
    while t < count {
        // SAFETY (each access): items t.. of the operands, with the signature's lengths.
        unsafe {
            if let (1, Some(out)) = (block, dst.contiguous::<Complex<T>>(t, n)) {
                src.gather(t, 1, ncopy, n, out);
                plan.process_with_scratch(out, &mut scratch);
                scale(out, fct.scalar::<T>(t));
                t += 1;
                continue;
            }
            let nb = block.min(count - t);
            buf.resize(nb * n, Complex::zero());
            src.gather(t, nb, ncopy, n, &mut buf);
            plan.process_with_scratch(&mut buf[..nb * n], &mut scratch);
            for b in 0..nb {
                scale(&mut buf[b * n..(b + 1) * n], fct.scalar::<T>(t + b));
            }
            dst.scatter(t, nb, n, &buf);
            t += nb;
        }
    }
    0
}

/// The forward transform of n (even) real points in the memory of its own result: the points,
/// read as n/2 complex ones (even points real, odd ones imaginary), go through a complex
/// transform of n/2 points in place, and the two interleaved half-length spectra are then
/// untangled pairwise into the n/2 + 1 terms. No scratch copy of the input is needed.
pub struct HalfPlan<T: FftNum> {
    fft: Arc<dyn Fft<T>>,
    /// exp(-2 pi i k / n) for k = 0 ..= n/4.
    twiddles: Vec<Complex<T>>,
}

impl<T: Precision> HalfPlan<T> {
    fn of(n: usize) -> Arc<HalfPlan<T>> {
        with_planners::<T, _>(|p| {
            if let Some(h) = p.half.get(&n) {
                return Arc::clone(h);
            }
            let fft = p.complex.plan_fft_forward(n / 2);
            let twiddles = (0..=n / 4)
                .map(|k| {
                    let a = -2.0 * std::f64::consts::PI * k as f64 / n as f64;
                    let c = |v: f64| T::from_f64(v).unwrap_or_else(T::zero);
                    Complex::new(c(a.cos()), c(a.sin()))
                })
                .collect();
            let h = Arc::new(HalfPlan { fft, twiddles });
            p.half.insert(n, Arc::clone(&h));
            h
        })
    }

    fn scratch(&self) -> Vec<Complex<T>> {
        vec![Complex::zero(); self.fft.get_inplace_scratch_len()]
    }

    /// `x` holds the n real points as n/2 complex values followed by one free slot; on return
    /// it holds the n/2 + 1 terms.
    fn run(&self, x: &mut [Complex<T>], scratch: &mut [Complex<T>]) {
        let h = x.len() - 1;
        self.fft.process_with_scratch(&mut x[..h], scratch);
        let half = T::from_f64(0.5).unwrap_or_else(T::one);
        let z0 = x[0];
        x[0] = Complex::new(z0.re + z0.im, T::zero());
        x[h] = Complex::new(z0.re - z0.im, T::zero());
        for k in 1..h.div_ceil(2) {
            let (a, b) = (x[k], x[h - k].conj());
            // the transforms of the even and the odd points at k
            let e = (a + b) * half;
            let o = (a - b) * Complex::new(T::zero(), -half);
            let t = self.twiddles[k] * o;
            x[k] = e + t;
            x[h - k] = (e - t).conj();
        }
        if h.is_multiple_of(2) && h > 0 {
            x[h / 2] = x[h / 2].conj();
        }
    }
}

/// The first `2 * len` reals of a complex slice.
fn as_reals<T>(x: &mut [Complex<T>]) -> &mut [T] {
    // SAFETY: Complex<T> is repr(C): its real and imaginary parts, in that order.
    unsafe { std::slice::from_raw_parts_mut(x.as_mut_ptr().cast::<T>(), 2 * x.len()) }
}

/// rfft_n_even / rfft_n_odd `(n),()->(m)`: a real lane of `npts` points (2m - 2 or 2m - 1) to
/// its m non-negative frequency terms, times the factor.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn r2c<T: Precision>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
    odd: bool,
) -> u32 {
    let (nin, m) = (c.sizes[0], c.sizes[1]);
    let npts = if odd {
        (2 * m).saturating_sub(1)
    } else {
        (2 * m).saturating_sub(2)
    };
    if npts == 0 || count == 0 {
        return 0;
    }
    let (src, fct, dst) = (
        Lanes::of(p, steps, c, 0),
        Lanes::of(p, steps, c, 1),
        Lanes::of(p, steps, c, 2),
    );
    if !odd {
        // SAFETY: the caller's.
        return unsafe { r2c_even::<T>(src, fct, dst, count, nin, m) };
    }
    let plan: Arc<dyn RealToComplex<T>> =
        with_planners::<T, _>(|pl| pl.real.plan_fft_forward(npts));
    let mut scratch = plan.make_scratch_vec();
    let item = std::mem::size_of::<T>();
    let block = block_len(npts * item, &src, &dst, (item, 2 * item), count);
    // SAFETY: the caller's; the lengths are the plan's, so it reports no error.
    unsafe {
        lanes_through::<T, T, Complex<T>>(
            (src, fct, dst),
            count,
            (nin.min(npts), npts, m),
            block,
            |_| {},
            |lane, spec| {
                let _ = plan.process_with_scratch(lane, spec, &mut scratch);
            },
        )
    }
}

/// Lanes of `len_in` elements `I` to lanes of `len_out` elements `O`, times each item's
/// factor: the input gathered a block of lanes at a time (cropped to `ncopy`, zero-padded),
/// `prep` run on each gathered lane, then `transform` into the output lane itself when it is
/// contiguous and the block one lane long, else into a block of outputs scattered together.
///
/// # Safety
/// The lanes are the operands' items (`count` of them), of the stated lengths.
unsafe fn lanes_through<T: Precision, I: Copy + Zero, O: Copy + Zero + MulAssign<T>>(
    (src, fct, dst): (Lanes, Lanes, Lanes),
    count: usize,
    (ncopy, len_in, len_out): (usize, usize, usize),
    block: usize,
    mut prep: impl FnMut(&mut [I]),
    mut transform: impl FnMut(&mut [I], &mut [O]),
) -> u32 {
    let mut input: Vec<I> = vec![I::zero(); block * len_in];
    let mut outs: Vec<O> = Vec::new();
    let mut t = 0;
    while t < count {
        let nb = block.min(count - t);
        // SAFETY (each access): items t.. of the operands, with the stated lengths.
        unsafe {
            src.gather(t, nb, ncopy, len_in, &mut input);
            input[..nb * len_in].chunks_mut(len_in).for_each(&mut prep);
            if let (1, Some(out)) = (nb, dst.contiguous::<O>(t, len_out)) {
                transform(&mut input[..len_in], out);
                scale(out, fct.scalar::<T>(t));
            } else {
                outs.resize(nb * len_out, O::zero());
                for b in 0..nb {
                    let lane = &mut input[b * len_in..(b + 1) * len_in];
                    let out = &mut outs[b * len_out..(b + 1) * len_out];
                    transform(lane, out);
                    scale(out, fct.scalar::<T>(t + b));
                }
                dst.scatter(t, nb, len_out, &outs);
            }
        }
        t += nb;
    }
    0
}

/// rfft_n_even's lanes through [`HalfPlan`]: each lane's points are loaded into its output
/// (or a lane of scratch when the output is strided), straight from the input or from a
/// block of gathered lanes when the input lanes are strided.
///
/// # Safety
/// As [`r2c`]: the lanes are the operands' items, `m` terms long in the output.
unsafe fn r2c_even<T: Precision>(
    src: Lanes,
    fct: Lanes,
    dst: Lanes,
    count: usize,
    nin: usize,
    m: usize,
) -> u32 {
    let npts = 2 * m - 2;
    let plan = HalfPlan::<T>::of(npts);
    let mut scratch = plan.scratch();
    let ncopy = nin.min(npts);
    let item = std::mem::size_of::<T>();
    let block = block_len(npts * item, &src, &dst, (item, 2 * item), count);
    let mut input: Vec<T> = Vec::new();
    let mut spectra: Vec<Complex<T>> = Vec::new();
    let mut t = 0;
    while t < count {
        let nb = block.min(count - t);
        // SAFETY (each access): items t.. of the operands, with the signature's lengths.
        unsafe {
            if let (1, Some(out)) = (nb, dst.contiguous::<Complex<T>>(t, m)) {
                src.gather(t, 1, ncopy, npts, &mut as_reals(out)[..npts]);
                plan.run(out, &mut scratch);
                scale(out, fct.scalar::<T>(t));
                t += 1;
                continue;
            }
            // a block of lanes: gathered together, each loaded into its lane of the block's
            // spectra and transformed there, and the block scattered together
            input.resize(nb * npts, T::zero());
            spectra.resize(nb * m, Complex::zero());
            src.gather(t, nb, ncopy, npts, &mut input);
            for b in 0..nb {
                let lane = &mut spectra[b * m..(b + 1) * m];
                as_reals(lane)[..npts].copy_from_slice(&input[b * npts..(b + 1) * npts]);
                plan.run(lane, &mut scratch);
                scale(lane, fct.scalar::<T>(t + b));
            }
            dst.scatter(t, nb, m, &spectra);
        }
        t += nb;
    }
    0
}

/// irfft `(m),()->(n)`: the n-point real signal whose non-negative frequency terms are the
/// lane's first n / 2 + 1 (zero-padded), the imaginary parts of the zero and (n even) Nyquist
/// terms ignored; times the factor.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn c2r<T: Precision>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let (nin, n) = (c.sizes[0], c.sizes[1]);
    if n == 0 || count == 0 {
        return 0;
    }
    let (src, fct, dst) = (
        Lanes::of(p, steps, c, 0),
        Lanes::of(p, steps, c, 1),
        Lanes::of(p, steps, c, 2),
    );
    let plan: Arc<dyn ComplexToReal<T>> = with_planners::<T, _>(|pl| pl.real.plan_fft_inverse(n));
    let mut scratch = plan.make_scratch_vec();
    let m = n / 2 + 1;
    let item = std::mem::size_of::<Complex<T>>();
    let block = block_len(m * item, &src, &dst, (item, item / 2), count);
    // SAFETY: the caller's; the lengths are the plan's and the ignored imaginary parts are
    // zeroed, so it reports no error.
    unsafe {
        lanes_through::<T, Complex<T>, T>(
            (src, fct, dst),
            count,
            (nin.min(m), m, n),
            block,
            |lane| {
                lane[0].im = T::zero();
                if n % 2 == 0 {
                    lane[m - 1].im = T::zero();
                }
            },
            |lane, sig| {
                let _ = plan.process_with_scratch(lane, sig, &mut scratch);
            },
        )
    }
}

macro_rules! named {
    ($($(#[$doc:meta])* $name:ident => $call:ident($($arg:expr),*);)*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// See [`super::core_dims::CoreFn`].
        pub unsafe fn $name<T: Precision>(
            p: &[*mut u8],
            steps: &[isize],
            count: usize,
            c: &CoreArgs,
        ) -> u32 {
            // SAFETY: the caller's.
            unsafe { $call::<T>(p, steps, count, c, $($arg),*) }
        }
    )*};
}

named! {
    /// fft: the forward complex transform.
    forward => c2c(true);
    /// ifft: the backward complex transform (unnormalised).
    backward => c2c(false);
    /// rfft_n_even: a real lane of 2m - 2 points.
    rfft_even => r2c(false);
    /// rfft_n_odd: a real lane of 2m - 1 points.
    rfft_odd => r2c(true);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The O(n^2) definition, in f64.
    fn dft(x: &[Complex<f64>], forward: bool) -> Vec<Complex<f64>> {
        let n = x.len();
        let sign = if forward { -1.0 } else { 1.0 };
        (0..n)
            .map(|k| {
                x.iter()
                    .enumerate()
                    .map(|(j, &v)| {
                        let a = sign * 2.0 * std::f64::consts::PI * (j * k % n) as f64 / n as f64;
                        v * Complex::new(a.cos(), a.sin())
                    })
                    .sum()
            })
            .collect()
    }

    /// Run loop `f` on `count` contiguous items: `(bytes, core length, itemsize)` of the
    /// input and of the output, the factor `fct`.
    fn run(
        f: crate::loops::core_dims::CoreFn,
        (ins, insz, isz): (&mut [u8], usize, usize),
        (outs, outsz, osz): (&mut [u8], usize, usize),
        fct: f64,
        count: usize,
    ) {
        let mut fct = fct;
        let p = [
            ins.as_mut_ptr(),
            (&mut fct as *mut f64).cast::<u8>(),
            outs.as_mut_ptr(),
        ];
        let steps = [(insz * isz) as isize, 0, (outsz * osz) as isize];
        let strides = [isz as isize, osz as isize];
        let c = CoreArgs {
            sizes: &[insz, outsz],
            strides: &strides,
            offsets: &[0, 1, 1],
            par: false,
        };
        // SAFETY: count items of the stated lengths in each buffer.
        unsafe { f(&p, &steps, count, &c) };
    }

    fn bytes<E>(v: &mut [E]) -> &mut [u8] {
        // SAFETY: plain numbers viewed as bytes.
        unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast(), std::mem::size_of_val(v)) }
    }

    #[test]
    fn complex_matches_the_definition_padded_and_cropped() {
        for (nin, n) in [(8, 8), (5, 8), (9, 7), (13, 13), (1, 1)] {
            let mut x: Vec<Complex<f64>> = (0..2 * nin)
                .map(|i| Complex::new((i as f64).sin(), (i * i) as f64 * 0.01))
                .collect();
            let mut y = vec![Complex::<f64>::zero(); 2 * n];
            run(
                forward::<f64>,
                (bytes(&mut x), nin, 16),
                (bytes(&mut y), n, 16),
                0.5,
                2,
            );
            for item in 0..2 {
                let mut lane: Vec<_> = x[item * nin..item * nin + nin.min(n)].to_vec();
                lane.resize(n, Complex::zero());
                let want = dft(&lane, true);
                for k in 0..n {
                    assert!(
                        (y[item * n + k] - want[k] * 0.5).norm() < 1e-12,
                        "{nin} {n} {k}"
                    );
                }
            }
        }
    }

    #[test]
    fn real_transforms_match_the_definition() {
        for n in [1usize, 2, 4, 5, 6, 8, 10, 12, 16, 17, 30, 100, 128] {
            let m = n / 2 + 1;
            let mut x: Vec<f64> = (0..n)
                .map(|i| (i as f64 * 0.7).cos() + 0.1 * i as f64)
                .collect();
            let mut y = vec![Complex::<f64>::zero(); m];
            let f: crate::loops::core_dims::CoreFn = if n % 2 == 1 {
                rfft_odd::<f64>
            } else {
                rfft_even::<f64>
            };
            run(f, (bytes(&mut x), n, 8), (bytes(&mut y), m, 16), 1.0, 1);
            let want = dft(
                &x.iter().map(|&v| Complex::new(v, 0.0)).collect::<Vec<_>>(),
                true,
            );
            for k in 0..m {
                assert!((y[k] - want[k]).norm() < 1e-12, "rfft {n} {k}");
            }
            // Back again, with junk in the imaginary parts numpy ignores.
            y[0].im = 3.0;
            if n % 2 == 0 {
                y[m - 1].im = -2.0;
            }
            let mut z = vec![0.0f64; n];
            run(
                c2r::<f64>,
                (bytes(&mut y), m, 16),
                (bytes(&mut z), n, 8),
                1.0 / n as f64,
                1,
            );
            for j in 0..n {
                assert!((z[j] - x[j]).abs() < 1e-12, "irfft {n} {j}");
            }
        }
    }
}
