//! Comparison, logical and bitwise kernels.

use half::f16;
use num_complex::Complex;

use super::{Kernel1, Kernel2};

pub struct Equal;
pub struct NotEqual;
pub struct Less;
pub struct LessEqual;
pub struct Greater;
pub struct GreaterEqual;
pub struct LogicalAnd;
pub struct LogicalOr;
pub struct LogicalXor;
pub struct LogicalNot;
pub struct BitwiseAnd;
pub struct BitwiseOr;
pub struct BitwiseXor;
pub struct Invert;
pub struct LeftShift;
pub struct RightShift;

/// Exact comparisons of int64 with uint64 (NumPy's 'qQ->?' and 'Qq->?' loops).
macro_rules! mixed_sign_cmp {
    ($($k:ident => $op:tt),*) => {$(
        impl super::KernelMixed<i64, u64, bool> for $k {
            #[inline(always)]
            fn call(a: i64, b: u64) -> bool { (a as i128) $op (b as i128) }
        }
        impl super::KernelMixed<u64, i64, bool> for $k {
            #[inline(always)]
            fn call(a: u64, b: i64) -> bool { (a as i128) $op (b as i128) }
        }
    )*};
}
mixed_sign_cmp!(Equal => ==, NotEqual => !=, Less => <, LessEqual => <=, Greater => >, GreaterEqual => >=);

/// "Is nonzero", the truth value logical kernels use.
pub trait Truth: Copy {
    fn truth(self) -> bool;
}

macro_rules! real_cmp {
    ($($t:ty),*) => {$(
        impl Kernel2<$t, bool> for Equal { #[inline(always)] fn call(a: $t, b: $t) -> bool { a == b } }
        impl Kernel2<$t, bool> for NotEqual { #[inline(always)] fn call(a: $t, b: $t) -> bool { a != b } }
        impl Kernel2<$t, bool> for Less { #[inline(always)] fn call(a: $t, b: $t) -> bool { a < b } }
        impl Kernel2<$t, bool> for LessEqual { #[inline(always)] fn call(a: $t, b: $t) -> bool { a <= b } }
        impl Kernel2<$t, bool> for Greater { #[inline(always)] fn call(a: $t, b: $t) -> bool { a > b } }
        impl Kernel2<$t, bool> for GreaterEqual { #[inline(always)] fn call(a: $t, b: $t) -> bool { a >= b } }
    )*};
}
real_cmp!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, f16);

macro_rules! complex_cmp {
    ($($t:ty),*) => {$(
        impl Kernel2<Complex<$t>, bool> for Equal { #[inline(always)] fn call(a: Complex<$t>, b: Complex<$t>) -> bool { a.re == b.re && a.im == b.im } }
        impl Kernel2<Complex<$t>, bool> for NotEqual { #[inline(always)] fn call(a: Complex<$t>, b: Complex<$t>) -> bool { !(a.re == b.re && a.im == b.im) } }
        // NumPy orders complex numbers lexicographically; any NaN makes the comparison false.
        impl Kernel2<Complex<$t>, bool> for Less {
            #[inline(always)]
            fn call(a: Complex<$t>, b: Complex<$t>) -> bool {
                (a.re < b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im < b.im)
            }
        }
        impl Kernel2<Complex<$t>, bool> for LessEqual {
            #[inline(always)]
            fn call(a: Complex<$t>, b: Complex<$t>) -> bool {
                (a.re < b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im <= b.im)
            }
        }
        impl Kernel2<Complex<$t>, bool> for Greater {
            #[inline(always)]
            fn call(a: Complex<$t>, b: Complex<$t>) -> bool {
                (a.re > b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im > b.im)
            }
        }
        impl Kernel2<Complex<$t>, bool> for GreaterEqual {
            #[inline(always)]
            fn call(a: Complex<$t>, b: Complex<$t>) -> bool {
                (a.re > b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im >= b.im)
            }
        }
        impl Truth for Complex<$t> { #[inline(always)] fn truth(self) -> bool { self.re != 0.0 || self.im != 0.0 } }
    )*};
}
complex_cmp!(f32, f64);

macro_rules! truth_num {
    ($($t:ty),*) => {$( impl Truth for $t { #[inline(always)] fn truth(self) -> bool { self != (0 as $t) } } )*};
}
truth_num!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
impl Truth for bool {
    #[inline(always)]
    fn truth(self) -> bool {
        self
    }
}
impl Truth for f16 {
    #[inline(always)]
    fn truth(self) -> bool {
        self.to_f32() != 0.0
    }
}

macro_rules! logical {
    ($($t:ty),*) => {$(
        impl Kernel2<$t, bool> for LogicalAnd { #[inline(always)] fn call(a: $t, b: $t) -> bool { a.truth() && b.truth() } }
        impl Kernel2<$t, bool> for LogicalOr { #[inline(always)] fn call(a: $t, b: $t) -> bool { a.truth() || b.truth() } }
        impl Kernel2<$t, bool> for LogicalXor { #[inline(always)] fn call(a: $t, b: $t) -> bool { a.truth() != b.truth() } }
        impl Kernel1<$t, bool> for LogicalNot { #[inline(always)] fn call(a: $t) -> bool { !a.truth() } }
    )*};
}
logical!(
    bool,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    f16,
    f32,
    f64,
    Complex<f32>,
    Complex<f64>
);

macro_rules! bitwise {
    ($($t:ty),*) => {$(
        impl Kernel2<$t, $t> for BitwiseAnd { #[inline(always)] fn call(a: $t, b: $t) -> $t { a & b } }
        impl Kernel2<$t, $t> for BitwiseOr { #[inline(always)] fn call(a: $t, b: $t) -> $t { a | b } }
        impl Kernel2<$t, $t> for BitwiseXor { #[inline(always)] fn call(a: $t, b: $t) -> $t { a ^ b } }
        impl Kernel1<$t, $t> for Invert { #[inline(always)] fn call(a: $t) -> $t { !a } }
    )*};
}
bitwise!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

/// Shifts by at least the bit width give 0 (or -1 for negative values shifted right), as NumPy.
macro_rules! shifts {
    ($($t:ty, $bits:expr);*) => {$(
        impl Kernel2<$t, $t> for LeftShift {
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn call(a: $t, b: $t) -> $t { if b < 0 || b as u64 >= $bits { 0 } else { a << b } }
        }
        impl Kernel2<$t, $t> for RightShift {
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn call(a: $t, b: $t) -> $t {
                if b < 0 || b as u64 >= $bits { if a < 0 { (0 as $t).wrapping_sub(1) } else { 0 } } else { a >> b }
            }
        }
    )*};
}
shifts!(i8, 8; i16, 16; i32, 32; i64, 64; u8, 8; u16, 16; u32, 32; u64, 64);
