//! Complex math kernels. The C99 functions NumPy calls (csqrt, cexp, clog, the trigonometric
//! and hyperbolic functions and their inverses, cpow) come from the platform's libm, as in
//! NumPy; exp2, expm1, log2, log10, log1p, rint, sign and integer powers use NumPy's own
//! formulas (numpy/_core/src/umath/funcs.inc.src), so results and special values agree.

use num_complex::Complex;

use super::arith::{Power, Reciprocal, Sign, TrueDivide};
use super::math::*;
use super::{Kernel1, Kernel2};

type C32 = Complex<f32>;
type C64 = Complex<f64>;

macro_rules! libm_complex {
    ($($k:ident => $d:ident, $f:ident);* $(;)?) => {
        // Complex arguments and results are passed as the C ABI passes `double _Complex`,
        // which is the ABI of a `repr(C)` pair of floats on the supported platforms.
        #[allow(improper_ctypes)]
        #[link(name = "m")]
        extern "C" {
            $( fn $d(z: C64) -> C64; fn $f(z: C32) -> C32; )*
        }
        $(
            impl Kernel1<C64, C64> for $k {
                #[inline(always)]
                fn call(z: C64) -> C64 {
                    // SAFETY: a pure libm function of its argument.
                    unsafe { $d(z) }
                }
            }
            impl Kernel1<C32, C32> for $k {
                #[inline(always)]
                fn call(z: C32) -> C32 {
                    // SAFETY: as above.
                    unsafe { $f(z) }
                }
            }
        )*
    };
}

libm_complex! {
    Sqrt => csqrt, csqrtf;
    Exp => cexp, cexpf;
    Log => clog, clogf;
    Sin => csin, csinf;
    Cos => ccos, ccosf;
    Tan => ctan, ctanf;
    Arcsin => casin, casinf;
    Arccos => cacos, cacosf;
    Arctan => catan, catanf;
    Sinh => csinh, csinhf;
    Cosh => ccosh, ccoshf;
    Tanh => ctanh, ctanhf;
    Arcsinh => casinh, casinhf;
    Arccosh => cacosh, cacoshf;
    Arctanh => catanh, catanhf;
}

#[allow(improper_ctypes)]
#[link(name = "m")]
extern "C" {
    fn cpow(a: C64, b: C64) -> C64;
    fn cpowf(a: C32, b: C32) -> C32;
}

macro_rules! numpy_formulas {
    ($c:ty, $f:ident, $cpow:ident) => {
        impl Kernel1<$c, $c> for Exp2 {
            #[inline(always)]
            fn call(z: $c) -> $c {
                let ln2 = std::$f::consts::LN_2;
                <Exp as Kernel1<$c, $c>>::call(Complex::new(z.re * ln2, z.im * ln2))
            }
        }
        impl Kernel1<$c, $c> for Expm1 {
            #[inline(always)]
            fn call(z: $c) -> $c {
                let a = (z.im / 2.0).sin();
                Complex::new(
                    z.re.exp_m1() * z.im.cos() - 2.0 * a * a,
                    z.re.exp() * z.im.sin(),
                )
            }
        }
        impl Kernel1<$c, $c> for Log2 {
            #[inline(always)]
            fn call(z: $c) -> $c {
                let r = <Log as Kernel1<$c, $c>>::call(z);
                let k = std::$f::consts::LOG2_E;
                Complex::new(r.re * k, r.im * k)
            }
        }
        impl Kernel1<$c, $c> for Log10 {
            #[inline(always)]
            fn call(z: $c) -> $c {
                let r = <Log as Kernel1<$c, $c>>::call(z);
                let k = std::$f::consts::LOG10_E;
                Complex::new(r.re * k, r.im * k)
            }
        }
        impl Kernel1<$c, $c> for Log1p {
            #[inline(always)]
            fn call(z: $c) -> $c {
                let l = (z.re + 1.0).hypot(z.im);
                Complex::new(l.ln(), z.im.atan2(z.re + 1.0))
            }
        }
        impl Kernel1<$c, $c> for Rint {
            #[inline(always)]
            fn call(z: $c) -> $c {
                Complex::new(z.re.round_ties_even(), z.im.round_ties_even())
            }
        }
        impl Kernel1<$c, $c> for Sign {
            /// z / |z|, with NumPy's handling of zeros, infinities and NaN.
            #[inline(always)]
            fn call(z: $c) -> $c {
                let abs = z.re.hypot(z.im);
                if abs.is_nan() {
                    Complex::new($f::NAN, $f::NAN)
                } else if abs.is_infinite() {
                    if z.re.is_infinite() {
                        if z.im.is_infinite() {
                            Complex::new($f::NAN, $f::NAN)
                        } else {
                            Complex::new(if z.re > 0.0 { 1.0 } else { -1.0 }, 0.0)
                        }
                    } else {
                        Complex::new(0.0, if z.im > 0.0 { 1.0 } else { -1.0 })
                    }
                } else if abs == 0.0 {
                    Complex::new(0.0, 0.0)
                } else {
                    Complex::new(z.re / abs, z.im / abs)
                }
            }
        }
        impl Kernel1<$c, $c> for Reciprocal {
            #[inline(always)]
            fn call(z: $c) -> $c {
                if z.im.abs() <= z.re.abs() {
                    let r = z.im / z.re;
                    let d = z.re + z.im * r;
                    Complex::new(1.0 / d, -r / d)
                } else {
                    let r = z.re / z.im;
                    let d = z.re * r + z.im;
                    Complex::new(r / d, -1.0 / d)
                }
            }
            /// NumPy's C compares |im| <= |re| with a signalling comparison: a NaN part
            /// raises 'invalid' there (Rust's comparison is quiet).
            #[inline(always)]
            fn check(z: $c) -> u32 {
                if z.re.is_nan() || z.im.is_nan() {
                    super::status::INVALID
                } else {
                    0
                }
            }
            const CHECKS: bool = true;
        }
        impl Kernel2<$c, $c> for Power {
            /// NumPy's npy_cpow: exact products for small integer exponents, else cpow.
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                // npy_cpow multiplies with the plain formula (C's complex product).
                let mul = |x: $c, y: $c| {
                    Complex::new(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re)
                };
                let (ar, ai, br, bi) = (a.re, a.im, b.re, b.im);
                if br == 0.0 && bi == 0.0 {
                    return Complex::new(1.0, 0.0);
                }
                if ar == 0.0 && ai == 0.0 {
                    if br > 0.0 {
                        return Complex::new(0.0, 0.0);
                    }
                    // NumPy raises 'invalid' here (inf - inf).
                    let inf = std::hint::black_box($f::INFINITY);
                    std::hint::black_box(inf - inf);
                    return Complex::new($f::NAN, $f::NAN);
                }
                // NumPy tests the range with C's ordered comparisons, which raise 'invalid'
                // for a NaN exponent; the range first (converting an infinite exponent
                // would raise it too).
                if bi == 0.0 && br.is_nan() {
                    super::raise(super::status::INVALID);
                }
                if bi == 0.0 && br > -100.0 && br < 100.0 && (br as i64) as $f == br {
                    let mut n = br as i64;
                    match n {
                        1 => return a,
                        2 => return mul(a, a),
                        3 => return mul(a, mul(a, a)),
                        _ => {
                            n = n.abs();
                            let mut aa = Complex::new(1.0, 0.0);
                            let mut p = a;
                            let mut mask = 1i64;
                            loop {
                                if n & mask != 0 {
                                    aa = mul(aa, p);
                                }
                                mask <<= 1;
                                if n < mask || mask <= 0 {
                                    break;
                                }
                                p = mul(p, p);
                            }
                            if br < 0.0 {
                                let one = Complex::new(1.0, 0.0);
                                // The division's conditions its `check` reports.
                                super::raise(<TrueDivide as Kernel2<$c, $c>>::check(one, aa));
                                return <TrueDivide as Kernel2<$c, $c>>::call(one, aa);
                            }
                            return aa;
                        }
                    }
                }
                // SAFETY: a pure libm function of its arguments.
                unsafe { $cpow(a, b) }
            }
        }
    };
}
numpy_formulas!(C32, f32, cpowf);
numpy_formulas!(C64, f64, cpow);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libm_abi_round_trips() {
        // sqrt(-4) = 2i; exp(i*pi) = -1; checks the complex calling convention.
        let r = <Sqrt as Kernel1<C64, C64>>::call(Complex::new(-4.0, 0.0));
        assert_eq!((r.re, r.im), (0.0, 2.0));
        let r = <Sqrt as Kernel1<C32, C32>>::call(Complex::new(-4.0, 0.0));
        assert_eq!((r.re, r.im), (0.0, 2.0));
        let r = <Exp as Kernel1<C64, C64>>::call(Complex::new(0.0, std::f64::consts::PI));
        assert!((r.re + 1.0).abs() < 1e-15 && r.im.abs() < 1e-15);
    }

    #[test]
    fn integer_powers_by_products() {
        // (1+2i)^3 = -11 - 2i; (1+1i)^-2 = 1/(2i) = -0.5i
        let r = <Power as Kernel2<C64, C64>>::call(Complex::new(1.0, 2.0), Complex::new(3.0, 0.0));
        assert_eq!((r.re, r.im), (-11.0, -2.0));
        let r = <Power as Kernel2<C64, C64>>::call(Complex::new(1.0, 1.0), Complex::new(-2.0, 0.0));
        assert_eq!((r.re, r.im), (0.0, -0.5));
    }
}
