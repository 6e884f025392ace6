//! Comparison, logical and bitwise kernels.

use half::f16;
use num_complex::Complex;

use super::{Kernel1, Kernel2};
use crate::dtype::Bool;

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
        impl super::KernelMixed<i64, u64, Bool> for $k {
            #[inline(always)]
            fn call(a: i64, b: u64) -> Bool { ((a as i128) $op (b as i128)).into() }
        }
        impl super::KernelMixed<u64, i64, Bool> for $k {
            #[inline(always)]
            fn call(a: u64, b: i64) -> Bool { ((a as i128) $op (b as i128)).into() }
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
        impl Kernel2<$t, Bool> for Equal { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a == b).into() } }
        impl Kernel2<$t, Bool> for NotEqual { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a != b).into() } }
        impl Kernel2<$t, Bool> for Less { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a < b).into() } }
        impl Kernel2<$t, Bool> for LessEqual { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a <= b).into() } }
        impl Kernel2<$t, Bool> for Greater { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a > b).into() } }
        impl Kernel2<$t, Bool> for GreaterEqual { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a >= b).into() } }
    )*};
}
real_cmp!(Bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, f16);

macro_rules! complex_cmp {
    ($($t:ty),*) => {$(
        impl Kernel2<Complex<$t>, Bool> for Equal { #[inline(always)] fn call(a: Complex<$t>, b: Complex<$t>) -> Bool { (a.re == b.re && a.im == b.im).into() } }
        impl Kernel2<Complex<$t>, Bool> for NotEqual { #[inline(always)] fn call(a: Complex<$t>, b: Complex<$t>) -> Bool { (!(a.re == b.re && a.im == b.im)).into() } }
        // NumPy orders complex numbers lexicographically; any NaN makes the comparison false.
        impl Kernel2<Complex<$t>, Bool> for Less {
            #[inline(always)]
            fn call(a: Complex<$t>, b: Complex<$t>) -> Bool {
                ((a.re < b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im < b.im)).into()
            }
        }
        impl Kernel2<Complex<$t>, Bool> for LessEqual {
            #[inline(always)]
            fn call(a: Complex<$t>, b: Complex<$t>) -> Bool {
                ((a.re < b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im <= b.im)).into()
            }
        }
        impl Kernel2<Complex<$t>, Bool> for Greater {
            #[inline(always)]
            fn call(a: Complex<$t>, b: Complex<$t>) -> Bool {
                ((a.re > b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im > b.im)).into()
            }
        }
        impl Kernel2<Complex<$t>, Bool> for GreaterEqual {
            #[inline(always)]
            fn call(a: Complex<$t>, b: Complex<$t>) -> Bool {
                ((a.re > b.re && a.im == a.im && b.im == b.im) || (a.re == b.re && a.im >= b.im)).into()
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
impl Truth for Bool {
    #[inline(always)]
    fn truth(self) -> bool {
        self.get()
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
        impl Kernel2<$t, Bool> for LogicalAnd { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a.truth() && b.truth()).into() } }
        impl Kernel2<$t, Bool> for LogicalOr { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a.truth() || b.truth()).into() } }
        impl Kernel2<$t, Bool> for LogicalXor { #[inline(always)] fn call(a: $t, b: $t) -> Bool { (a.truth() != b.truth()).into() } }
        impl Kernel1<$t, Bool> for LogicalNot { #[inline(always)] fn call(a: $t) -> Bool { (!a.truth()).into() } }
    )*};
}
logical!(
    Bool,
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
bitwise!(Bool, i8, i16, i32, i64, u8, u16, u32, u64);

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
