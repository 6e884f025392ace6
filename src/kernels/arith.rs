//! Arithmetic kernels: add, subtract, multiply, divide, floor_divide, remainder, power, maximum,
//! minimum, and the unary negative/positive/absolute/square/reciprocal/sign.
//! Integer arithmetic wraps as NumPy's does; float semantics follow NumPy's C (npy_divmod etc).

use half::f16;
use num_complex::Complex;

use super::divisor::ByScalar;
use super::status::*;
use super::{Kernel1, Kernel2};
use crate::dtype::Bool;

pub struct Add;
pub struct Subtract;
pub struct Multiply;
pub struct TrueDivide;
pub struct FloorDivide;
pub struct Remainder;
pub struct Fmod;
pub struct Power;
pub struct Maximum;
pub struct Minimum;
pub struct Fmax;
pub struct Fmin;
pub struct Negative;
pub struct Positive;
pub struct Absolute;
pub struct Square;
pub struct Reciprocal;
pub struct Sign;

type C32 = Complex<f32>;
type C64 = Complex<f64>;

// ----- integers -----
macro_rules! int_kernels {
    ($($t:ty, $signed:expr);*) => {$(
        impl Kernel2<$t, $t> for Add { #[inline(always)] fn call(a: $t, b: $t) -> $t { a.wrapping_add(b) } }
        impl Kernel2<$t, $t> for Subtract { #[inline(always)] fn call(a: $t, b: $t) -> $t { a.wrapping_sub(b) } }
        impl Kernel2<$t, $t> for Multiply { #[inline(always)] fn call(a: $t, b: $t) -> $t { a.wrapping_mul(b) } }
        impl Kernel2<$t, $t> for Maximum { #[inline(always)] fn call(a: $t, b: $t) -> $t { if a >= b { a } else { b } } }
        impl Kernel2<$t, $t> for Minimum { #[inline(always)] fn call(a: $t, b: $t) -> $t { if a <= b { a } else { b } } }
        impl Kernel2<$t, $t> for Fmax { #[inline(always)] fn call(a: $t, b: $t) -> $t { if a >= b { a } else { b } } }
        impl Kernel2<$t, $t> for Fmin { #[inline(always)] fn call(a: $t, b: $t) -> $t { if a <= b { a } else { b } } }
        impl Kernel2<$t, $t> for FloorDivide {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                if b == 0 {
                    return 0;
                }
                let q = a.wrapping_div(b);
                #[allow(unused_comparisons)]
                if $signed && a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) { q.wrapping_sub(1) } else { q }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn check(a: $t, b: $t) -> u32 {
                if b == 0 {
                    DIVIDE_BY_ZERO
                } else if $signed && a == <$t>::MIN && b == (0 as $t).wrapping_sub(1) {
                    OVERFLOW
                } else {
                    0
                }
            }
            const CHECKS: bool = true;
            #[inline(always)]
            unsafe fn line_scalar_b(a: *const $t, b: $t, o: *mut $t, n: usize) -> Option<u32> {
                // SAFETY: forwarded.
                unsafe { <$t as ByScalar>::floor_div_line(a, b, o, n) }.map(|()| 0)
            }
            #[inline(always)]
            unsafe fn line(a: *const $t, b: *const $t, o: *mut $t, n: usize) -> Option<u32> {
                // SAFETY: forwarded.
                unsafe { <$t as ByScalar>::floor_div_arrays(a, b, o, n) }
            }
        }
        impl Kernel2<$t, $t> for Remainder {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                if b == 0 {
                    return 0;
                }
                let r = a.wrapping_rem(b);
                #[allow(unused_comparisons)]
                if $signed && r != 0 && ((r < 0) != (b < 0)) { r.wrapping_add(b) } else { r }
            }
            #[inline(always)]
            fn check(_a: $t, b: $t) -> u32 { if b == 0 { DIVIDE_BY_ZERO } else { 0 } }
            const CHECKS: bool = true;
            #[inline(always)]
            unsafe fn line_scalar_b(a: *const $t, b: $t, o: *mut $t, n: usize) -> Option<u32> {
                // SAFETY: forwarded.
                unsafe { <$t as ByScalar>::remainder_line(a, b, o, n) }.map(|()| 0)
            }
        }
        impl Kernel2<$t, $t> for Fmod {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t { if b == 0 { 0 } else { a.wrapping_rem(b) } }
            #[inline(always)]
            fn check(_a: $t, b: $t) -> u32 { if b == 0 { DIVIDE_BY_ZERO } else { 0 } }
            const CHECKS: bool = true;
        }
        impl Kernel2<$t, $t> for Power {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                #[allow(unused_comparisons)]
                if b < 0 {
                    return 0;
                }
                let (mut base, mut e, mut acc): ($t, $t, $t) = (a, b, 1);
                while e > 0 {
                    if e & 1 == 1 {
                        acc = acc.wrapping_mul(base);
                    }
                    base = base.wrapping_mul(base);
                    e >>= 1;
                }
                acc
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn check(_a: $t, b: $t) -> u32 { if b < 0 { NEGATIVE_POWER } else { 0 } }
            const CHECKS: bool = true;
        }
        impl Kernel1<$t, $t> for Negative { #[inline(always)] fn call(a: $t) -> $t { (0 as $t).wrapping_sub(a) } }
        impl Kernel1<$t, $t> for Positive { #[inline(always)] fn call(a: $t) -> $t { a } }
        #[allow(unused_comparisons)]
        impl Kernel1<$t, $t> for Absolute { #[inline(always)] fn call(a: $t) -> $t { if a < 0 { (0 as $t).wrapping_sub(a) } else { a } } }
        impl Kernel1<$t, $t> for Square { #[inline(always)] fn call(a: $t) -> $t { a.wrapping_mul(a) } }
        // NumPy's loop stores the double 1.0 / a: 1 / 0 is inf (divide by zero), and inf made
        // an integer is invalid, the x86 conversion's "integer indefinite" (the type's
        // minimum for 32- and 64-bit signed types, 0 once narrowed to the others).
        #[allow(unused_comparisons)]
        impl Kernel1<$t, $t> for Reciprocal {
            #[inline(always)]
            fn call(a: $t) -> $t {
                if a != 0 {
                    (1 as $t).wrapping_div(a)
                } else if std::mem::size_of::<$t>() >= 4 && <$t>::MIN < 0 {
                    <$t>::MIN
                } else {
                    0
                }
            }
            #[inline(always)]
            fn check(a: $t) -> u32 { if a == 0 { DIVIDE_BY_ZERO | INVALID } else { 0 } }
            const CHECKS: bool = true;
        }
        #[allow(unused_comparisons)]
        impl Kernel1<$t, $t> for Sign { #[inline(always)] fn call(a: $t) -> $t { if a > 0 { 1 } else if a < 0 { (0 as $t).wrapping_sub(1) } else { 0 } } }
    )*};
}
int_kernels!(i8, true; i16, true; i32, true; i64, true; u8, false; u16, false; u32, false; u64, false);

// ----- bool -----
impl Kernel2<Bool, Bool> for Add {
    #[inline(always)]
    fn call(a: Bool, b: Bool) -> Bool {
        a | b
    }
}
impl Kernel2<Bool, Bool> for Multiply {
    #[inline(always)]
    fn call(a: Bool, b: Bool) -> Bool {
        a & b
    }
}
impl Kernel2<Bool, Bool> for Maximum {
    #[inline(always)]
    fn call(a: Bool, b: Bool) -> Bool {
        a | b
    }
}
impl Kernel2<Bool, Bool> for Minimum {
    #[inline(always)]
    fn call(a: Bool, b: Bool) -> Bool {
        a & b
    }
}
impl Kernel2<Bool, Bool> for Fmax {
    #[inline(always)]
    fn call(a: Bool, b: Bool) -> Bool {
        a | b
    }
}
impl Kernel2<Bool, Bool> for Fmin {
    #[inline(always)]
    fn call(a: Bool, b: Bool) -> Bool {
        a & b
    }
}
impl Kernel1<Bool, Bool> for Absolute {
    #[inline(always)]
    fn call(a: Bool) -> Bool {
        a.get().into()
    }
}

// ----- floats (f32, f64; f16 computes in f32 and rounds once, as NumPy) -----

/// NumPy's npy_divmod: (floor quotient, remainder with the divisor's sign). A NaN operand
/// gives NaNs quietly, as in NumPy. No ordered comparison meets a NaN: a vectorised loop
/// computes every branch on every lane, and an ordered comparison of a NaN would raise the
/// invalid flag for a lane whose result is discarded, so signs are read from their bits.
macro_rules! float_divmod {
    ($name:ident, $t:ty) => {
        #[inline(always)]
        pub fn $name(a: $t, b: $t) -> ($t, $t) {
            if a.is_nan() || b.is_nan() {
                // The NaN operand (the first if both are), as `a + b` gives it.
                let q = if a.is_nan() { a } else { b };
                return (q, q);
            }
            let m = a % b;
            if b == 0.0 {
                return (a / b, m);
            }
            let mut div = (a - m) / b;
            let mut m = m;
            if m != 0.0 {
                if b.is_sign_negative() != m.is_sign_negative() {
                    m += b;
                    div -= 1.0;
                }
            } else {
                m = (0.0 as $t).copysign(b);
            }
            let fd = if div != 0.0 {
                let f = div.floor();
                // div - f > 0.5, exactly (both subtractions are exact here).
                let e = (div - f) - 0.5;
                if !e.is_sign_negative() && e != 0.0 {
                    f + 1.0
                } else {
                    f
                }
            } else {
                (0.0 as $t).copysign(a / b)
            };
            (fd, m)
        }
    };
}

float_divmod!(divmod_f64, f64);
float_divmod!(divmod_f32, f32);

macro_rules! float_kernels {
    ($t:ty, $divmod:ident) => {
        impl Kernel2<$t, $t> for Add {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                a + b
            }
        }
        impl Kernel2<$t, $t> for Subtract {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                a - b
            }
        }
        impl Kernel2<$t, $t> for Multiply {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                a * b
            }
        }
        impl Kernel2<$t, $t> for TrueDivide {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                a / b
            }
        }
        impl Kernel2<$t, $t> for FloorDivide {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                if b == 0.0 {
                    a / b
                } else {
                    $divmod(a, b).0
                }
            }
        }
        impl Kernel2<$t, $t> for Remainder {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                if b == 0.0 {
                    a % b
                } else {
                    $divmod(a, b).1
                }
            }
        }
        impl Kernel2<$t, $t> for Fmod {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                a % b
            }
        }
        impl Kernel2<$t, $t> for Power {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                a.powf(b)
            }
        }
        impl Kernel2<$t, $t> for Maximum {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                // Ties give b, as NumPy's SIMD maximum (so maximum(-0.0, 0.0) is 0.0).
                if a > b || a.is_nan() {
                    a
                } else {
                    b
                }
            }
        }
        impl Kernel2<$t, $t> for Minimum {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                if a < b || a.is_nan() {
                    a
                } else {
                    b
                }
            }
        }
        impl Kernel2<$t, $t> for Fmax {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                if a >= b || b.is_nan() {
                    a
                } else {
                    b
                }
            }
        }
        impl Kernel2<$t, $t> for Fmin {
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                if a <= b || b.is_nan() {
                    a
                } else {
                    b
                }
            }
        }
        impl Kernel1<$t, $t> for Negative {
            #[inline(always)]
            fn call(a: $t) -> $t {
                -a
            }
        }
        impl Kernel1<$t, $t> for Positive {
            #[inline(always)]
            fn call(a: $t) -> $t {
                a
            }
        }
        impl Kernel1<$t, $t> for Absolute {
            #[inline(always)]
            fn call(a: $t) -> $t {
                a.abs()
            }
        }
        impl Kernel1<$t, $t> for Square {
            #[inline(always)]
            fn call(a: $t) -> $t {
                a * a
            }
        }
        impl Kernel1<$t, $t> for Reciprocal {
            #[inline(always)]
            fn call(a: $t) -> $t {
                1.0 / a
            }
        }
        impl Kernel1<$t, $t> for Sign {
            #[inline(always)]
            fn call(a: $t) -> $t {
                if a > 0.0 {
                    1.0
                } else if a < 0.0 {
                    -1.0
                } else if a == 0.0 {
                    0.0
                } else {
                    a
                }
            }
        }
    };
}
float_kernels!(f32, divmod_f32);
float_kernels!(f64, divmod_f64);

/// float16 kernels compute in f32 and round once, as NumPy's half loops do (a signalling
/// NaN stays one through the conversion, so the f32 operation raises 'invalid' as NumPy's).
macro_rules! half_via_f32 {
    (2: $($k:ident),*) => {$(
        impl Kernel2<f16, f16> for $k {
            #[inline(always)]
            fn call(a: f16, b: f16) -> f16 {
                use crate::dtype::float16::{f16_bits_to_f32, f16_from_f32};
                f16_from_f32(<$k as Kernel2<f32, f32>>::call(
                    f16_bits_to_f32(a.to_bits()),
                    f16_bits_to_f32(b.to_bits()),
                ))
            }
        }
    )*};
    (1: $($k:ident),*) => {$(
        impl Kernel1<f16, f16> for $k {
            #[inline(always)]
            fn call(a: f16) -> f16 {
                use crate::dtype::float16::{f16_bits_to_f32, f16_from_f32};
                f16_from_f32(<$k as Kernel1<f32, f32>>::call(f16_bits_to_f32(a.to_bits())))
            }
        }
    )*};
}
half_via_f32!(2: Add, Subtract, Multiply, TrueDivide, FloorDivide, Remainder, Fmod, Power);
half_via_f32!(1: Square, Reciprocal);

// float16 kernels NumPy's half loops compute on the bits: no conversion, no condition, a NaN
// passed on as it is.

/// A float16's place in numeric order (its NaN-ness aside): -0 and +0 equal.
#[inline(always)]
fn half_key(h: u16) -> i32 {
    let mag = (h & 0x7fff) as i32;
    if h & 0x8000 != 0 {
        -mag
    } else {
        mag
    }
}

#[inline(always)]
fn half_is_nan(h: u16) -> bool {
    h & 0x7fff > 0x7c00
}

/// NumPy's `npy_half_ge` (false with a NaN).
#[inline(always)]
fn half_ge(a: u16, b: u16) -> bool {
    !half_is_nan(a) && !half_is_nan(b) && half_key(a) >= half_key(b)
}

/// NumPy's `npy_half_le` (false with a NaN).
#[inline(always)]
fn half_le(a: u16, b: u16) -> bool {
    !half_is_nan(a) && !half_is_nan(b) && half_key(a) <= half_key(b)
}

macro_rules! half_bits2 {
    ($($k:ident => |$a:ident, $b:ident| $e:expr),* $(,)?) => {$(
        impl Kernel2<f16, f16> for $k {
            #[inline(always)]
            fn call(x: f16, y: f16) -> f16 {
                let ($a, $b) = (x.to_bits(), y.to_bits());
                f16::from_bits($e)
            }
        }
    )*};
}
half_bits2! {
    Maximum => |a, b| if half_ge(a, b) || half_is_nan(a) { a } else { b },
    Minimum => |a, b| if half_le(a, b) || half_is_nan(a) { a } else { b },
    Fmax => |a, b| if half_ge(a, b) || half_is_nan(b) { a } else { b },
    Fmin => |a, b| if half_le(a, b) || half_is_nan(b) { a } else { b },
}

macro_rules! half_bits1 {
    ($($k:ident => |$a:ident| $e:expr),* $(,)?) => {$(
        impl Kernel1<f16, f16> for $k {
            #[inline(always)]
            fn call(x: f16) -> f16 {
                let $a = x.to_bits();
                f16::from_bits($e)
            }
        }
    )*};
}
half_bits1! {
    Negative => |a| a ^ 0x8000,
    Positive => |a| a,
    Absolute => |a| a & 0x7fff,
    // NaN as it is, zeros to +0, else +-1
    Sign => |a| if half_is_nan(a) {
        a
    } else if a & 0x7fff == 0 {
        0
    } else if a & 0x8000 == 0 {
        0x3c00
    } else {
        0xbc00
    },
}

// ----- complex -----

/// NumPy's CGE/CLE: lexicographic order, where a NaN imaginary part spoils the real comparison.
#[inline(always)]
fn cge<F: num_traits::Float>(x: Complex<F>, y: Complex<F>) -> bool {
    (x.re > y.re && !x.im.is_nan() && !y.im.is_nan()) || (x.re == y.re && x.im >= y.im)
}
#[inline(always)]
fn cle<F: num_traits::Float>(x: Complex<F>, y: Complex<F>) -> bool {
    (x.re < y.re && !x.im.is_nan() && !y.im.is_nan()) || (x.re == y.re && x.im <= y.im)
}

macro_rules! complex_kernels {
    ($c:ty, $f:ty) => {
        impl Kernel2<$c, $c> for Add {
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                Complex::new(a.re + b.re, a.im + b.im)
            }
        }
        impl Kernel2<$c, $c> for Subtract {
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                Complex::new(a.re - b.re, a.im - b.im)
            }
        }
        impl Kernel2<$c, $c> for Multiply {
            /// C's complex product (NumPy's loop on a CPU without fused multiply-add).
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                Complex::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
            }
            /// NumPy's loop with fused multiply-add: `re = fma(ar, br, -(ai bi))`, `im =
            /// fma(ar, bi, ai br)`, bit for bit, and with its conditions (an `inf * 0` fused
            /// with a NaN is quiet).
            #[inline(always)]
            fn call_fma(a: $c, b: $c) -> $c {
                Complex::new(
                    a.re.mul_add(b.re, -(a.im * b.im)),
                    a.re.mul_add(b.im, a.im * b.re),
                )
            }
        }
        impl Kernel2<$c, $c> for TrueDivide {
            /// Smith's algorithm, as NumPy's complex division, with NumPy's floating-point
            /// conditions. Every division divides values chosen before it (an operand the
            /// compiler computes for a lane or branch not taken is harmless there), a complex
            /// zero divisor is handled without dividing, and what NumPy's C code raises
            /// without computing it (a zero divisor; a NaN in the divisor, which C's ordered
            /// `>=` flags) comes from `check`.
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                let (ar, ai, br, bi) = (a.re, a.im, b.re, b.im);
                let (abr, abi) = (br.abs(), bi.abs());
                let zero = abr == 0.0 && abi == 0.0;
                let ge = abr >= abi;
                // For a zero divisor the general path runs on (1, 0, 0, 0), written with the
                // divisor's own zeros so that no arm is a constant the optimiser could fold
                // into the division.
                let (d1, d2, gr, gi) = if zero {
                    (abr + 1.0, abi, abr, abi)
                } else if ge {
                    (br, bi, ar, ai)
                } else {
                    (bi, br, ar, ai)
                };
                // The divisor's parts pass through their bits, so that the division is not
                // split into one per arm (each arm's own division, computed for a loop-invariant
                // divisor, would raise 'divide by zero' from the arm not taken).
                let (d1, d2) = (
                    <$f>::from_bits(std::hint::black_box(d1.to_bits())),
                    <$f>::from_bits(std::hint::black_box(d2.to_bits())),
                );
                let rat = d2 / d1;
                let scl = 1.0 / (d1 + d2 * rat);
                let (pr, pi) = (gr * rat, gi * rat);
                // ge: (ar + ai rat, ai - ar rat); else: (ar rat + ai, ai rat - ar).
                let (u1, v1, u2, v2) = if ge {
                    (gr, pi, gi, pr)
                } else {
                    (pr, gi, pi, gr)
                };
                let (n1, n2) = (u1 + v1, u2 - v2);
                // Each part over a zero: +-inf, or NaN for 0/0 and NaN (the divisor is +0).
                let over_zero = |x: $f| {
                    if x.is_nan() || x == 0.0 {
                        <$f>::NAN
                    } else {
                        <$f>::INFINITY.copysign(x)
                    }
                };
                if zero {
                    Complex::new(over_zero(ar), over_zero(ai))
                } else {
                    Complex::new(n1 * scl, n2 * scl)
                }
            }
            /// A zero divisor: 'divide by zero' for a finite nonzero part over it, 'invalid'
            /// for 0/0; a NaN in the divisor: 'invalid'.
            #[inline(always)]
            fn check(a: $c, b: $c) -> u32 {
                if b.re.is_nan() || b.im.is_nan() {
                    return INVALID;
                }
                if b.re != 0.0 || b.im != 0.0 {
                    return 0;
                }
                let part = |x: $f| {
                    if x == 0.0 {
                        INVALID
                    } else if x.is_finite() {
                        DIVIDE_BY_ZERO
                    } else {
                        0
                    }
                };
                part(a.re) | part(a.im)
            }
            const CHECKS: bool = true;
        }
        impl Kernel2<$c, $c> for Maximum {
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                let a_nan = a.re.is_nan() || a.im.is_nan();
                if a_nan || cge(a, b) {
                    a
                } else {
                    b
                }
            }
        }
        impl Kernel2<$c, $c> for Minimum {
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                let a_nan = a.re.is_nan() || a.im.is_nan();
                if a_nan || cle(a, b) {
                    a
                } else {
                    b
                }
            }
        }
        impl Kernel2<$c, $c> for Fmax {
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                let b_nan = b.re.is_nan() || b.im.is_nan();
                if b_nan || cge(a, b) {
                    a
                } else {
                    b
                }
            }
        }
        impl Kernel2<$c, $c> for Fmin {
            #[inline(always)]
            fn call(a: $c, b: $c) -> $c {
                let b_nan = b.re.is_nan() || b.im.is_nan();
                if b_nan || cle(a, b) {
                    a
                } else {
                    b
                }
            }
        }
        impl Kernel1<$c, $c> for Negative {
            #[inline(always)]
            fn call(a: $c) -> $c {
                Complex::new(-a.re, -a.im)
            }
        }
        impl Kernel1<$c, $c> for Positive {
            #[inline(always)]
            fn call(a: $c) -> $c {
                a
            }
        }
        impl Kernel1<$c, $f> for Absolute {
            #[inline(always)]
            fn call(a: $c) -> $f {
                a.re.hypot(a.im)
            }
        }
        impl Kernel1<$c, $c> for Square {
            #[inline(always)]
            fn call(a: $c) -> $c {
                <Multiply as Kernel2<$c, $c>>::call(a, a)
            }
        }
    };
}
complex_kernels!(C32, f32);
complex_kernels!(C64, f64);

// ----- divmod, gcd/lcm, bitwise_count, conjugate -----

pub struct Divmod;
pub struct Gcd;
pub struct Lcm;
pub struct BitwiseCount;
pub struct Conjugate;

/// divmod is (floor_divide, remainder), with their error reports.
impl<T: crate::dtype::Element> super::Kernel2x2<T, T, T> for Divmod
where
    FloorDivide: Kernel2<T, T>,
    Remainder: Kernel2<T, T>,
{
    #[inline(always)]
    fn call(a: T, b: T) -> (T, T) {
        (
            <FloorDivide as Kernel2<T, T>>::call(a, b),
            <Remainder as Kernel2<T, T>>::call(a, b),
        )
    }
    #[inline(always)]
    fn check(a: T, b: T) -> u32 {
        <FloorDivide as Kernel2<T, T>>::check(a, b)
    }
    #[inline(always)]
    unsafe fn line_scalar_b(a: *const T, b: T, q: *mut T, r: *mut T, n: usize) -> Option<u32> {
        use super::divisor::ByScalar;
        use std::any::TypeId;
        macro_rules! integers {
            ($($t:ty),*) => {$(
                if TypeId::of::<T>() == TypeId::of::<$t>() {
                    // SAFETY: T is $t (same type id); the caller's guarantee is forwarded.
                    return unsafe {
                        let d: $t = std::mem::transmute_copy(&b);
                        <$t as ByScalar>::divmod_line(a as *const $t, d, q as *mut $t, r as *mut $t, n)
                    }
                    .map(|()| 0);
                }
            )*};
        }
        integers!(i8, u8, i16, u16, i32, u32, i64, u64);
        None
    }
}

/// The absolute value of a signed integer as its unsigned type (MIN becomes 2^(bits-1)).
macro_rules! abs_bits {
    ($x:expr, $t:ty, $u:ty) => {{
        #[allow(unused_comparisons)]
        let neg = $x < 0;
        if neg {
            (0 as $u).wrapping_sub($x as $u)
        } else {
            $x as $u
        }
    }};
}

macro_rules! int_number_theory {
    ($($t:ty => $u:ty),*) => {$(
        impl Kernel2<$t, $t> for Gcd {
            /// Euclid on the absolute values in the unsigned type (NumPy's npy_gcd).
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                let (mut a, mut b) = (abs_bits!(a, $t, $u), abs_bits!(b, $t, $u));
                while a != 0 {
                    let c = a;
                    a = b % a;
                    b = c;
                }
                b as $t
            }
        }
        impl Kernel2<$t, $t> for Lcm {
            /// |a| / gcd * |b|, wrapping in the unsigned type (NumPy's npy_lcm).
            #[inline(always)]
            fn call(a: $t, b: $t) -> $t {
                let g = <Gcd as Kernel2<$t, $t>>::call(a, b) as $u;
                if g == 0 {
                    return 0;
                }
                ((abs_bits!(a, $t, $u) / g).wrapping_mul(abs_bits!(b, $t, $u))) as $t
            }
        }
        impl Kernel1<$t, u8> for BitwiseCount {
            /// Ones in the absolute value.
            #[inline(always)]
            fn call(a: $t) -> u8 {
                #[allow(unused_comparisons)]
                let v = if a < 0 { (0 as $t).wrapping_sub(a) } else { a };
                v.count_ones() as u8
            }
        }
        impl Kernel1<$t, $t> for Conjugate { #[inline(always)] fn call(a: $t) -> $t { a } }
    )*};
}
int_number_theory!(i8 => u8, u8 => u8, i16 => u16, u16 => u16, i32 => u32, u32 => u32, i64 => u64, u64 => u64);

macro_rules! real_conjugate {
    ($($t:ty),*) => {$(
        impl Kernel1<$t, $t> for Conjugate { #[inline(always)] fn call(a: $t) -> $t { a } }
    )*};
}
real_conjugate!(half::f16, f32, f64);
impl Kernel1<C32, C32> for Conjugate {
    #[inline(always)]
    fn call(a: C32) -> C32 {
        a.conj()
    }
}
impl Kernel1<C64, C64> for Conjugate {
    #[inline(always)]
    fn call(a: C64) -> C64 {
        a.conj()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_style_integer_division() {
        assert_eq!(<FloorDivide as Kernel2<i32, i32>>::call(-7, 2), -4);
        assert_eq!(<Remainder as Kernel2<i32, i32>>::call(-7, 2), 1);
        assert_eq!(<Remainder as Kernel2<i32, i32>>::call(7, -2), -1);
        assert_eq!(<FloorDivide as Kernel2<i8, i8>>::call(i8::MIN, -1), i8::MIN);
        assert_eq!(<FloorDivide as Kernel2<u8, u8>>::call(7, 0), 0);
    }

    #[test]
    fn float_divmod_matches_python() {
        // Python: divmod(-7.5, 2.0) == (-4.0, 0.5); divmod(7.5, -2.0) == (-4.0, -0.5)
        assert_eq!(divmod_f64(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(divmod_f64(7.5, -2.0), (-4.0, -0.5));
    }

    #[test]
    fn nan_propagation() {
        assert!(<Maximum as Kernel2<f64, f64>>::call(f64::NAN, 1.0).is_nan());
        assert!(<Maximum as Kernel2<f64, f64>>::call(1.0, f64::NAN).is_nan());
        assert_eq!(<Fmax as Kernel2<f64, f64>>::call(1.0, f64::NAN), 1.0);
    }
}
