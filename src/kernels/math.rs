//! Floating-point math kernels on f16 (through f32), f32 and f64: exp, log, sin and cos
//! vectorised (vmath.rs), the other float32 transcendental functions vectorised in float64
//! lanes (vmath_wide.rs), the rest through the platform's libm (NumPy's own SIMD versions can
//! differ from these by an ulp; see designs/ufuncs.md).

use half::f16;

use super::Kernel1;
use super::Kernel2;
use crate::dtype::Bool;

/// `K`'s float32 block on float16 items: each block of 256 converted to float32, computed,
/// rounded back (the values and conditions of converting item by item).
///
/// # Safety
/// As [`Kernel1::block`]; `FMA`: the CPU has FMA.
#[inline(always)]
unsafe fn via_f32<K: Kernel1<f32, f32>, const FMA: bool>(a: *const f16, o: *mut f16, n: usize) {
    use crate::dtype::float16::{f16_block_from_f32, f16_block_to_f32};
    let (mut x, mut y) = ([0f32; 256], [0f32; 256]);
    let mut start = 0;
    while start < n {
        let len = 256.min(n - start);
        // SAFETY: inside the caller's ranges; the block is read whole before it is written
        // (`o` may be `a`).
        unsafe {
            f16_block_to_f32(a.add(start), &mut x[..len]);
            if FMA {
                K::block_fma(x.as_ptr(), y.as_mut_ptr(), len);
            } else {
                K::block(x.as_ptr(), y.as_mut_ptr(), len);
            }
            f16_block_from_f32(&y[..len], o.add(start));
        }
        start += len;
    }
}

/// The float16 kernel of `$k`, whose float32 kernel it runs (`call` one item at a time,
/// blocks through [`via_f32`]).
macro_rules! f16_through_f32 {
    ($k:ident) => {
        impl Kernel1<f16, f16> for $k {
            const BLOCKED: bool = true;
            #[inline(always)]
            fn call(a: f16) -> f16 {
                use crate::dtype::float16::{f16_bits_to_f32, f16_from_f32};
                f16_from_f32(<$k as Kernel1<f32, f32>>::call(f16_bits_to_f32(
                    a.to_bits(),
                )))
            }
            #[inline(always)]
            unsafe fn block(a: *const f16, o: *mut f16, n: usize) {
                // SAFETY: forwarded.
                unsafe { via_f32::<$k, false>(a, o, n) }
            }
            #[inline(always)]
            unsafe fn block_fma(a: *const f16, o: *mut f16, n: usize) {
                // SAFETY: forwarded.
                unsafe { via_f32::<$k, true>(a, o, n) }
            }
        }
    };
}

macro_rules! unary_math {
    ($($name:ident => |$x:ident| $e:expr),* $(,)?) => {$(
        pub struct $name;
        impl Kernel1<f64, f64> for $name { #[inline(always)] fn call($x: f64) -> f64 { $e } }
        impl Kernel1<f32, f32> for $name { #[inline(always)] fn call($x: f32) -> f32 { $e } }
        f16_through_f32!($name);
    )*};
}

unary_math! {
    Sqrt => |x| x.sqrt(),
    Floor => |x| x.floor(),
    Ceil => |x| x.ceil(),
    Trunc => |x| x.trunc(),
    Rint => |x| x.round_ties_even(),
}

/// NumPy's npy_spacing: `nextafter(x, ±inf) - x`, towards +inf when x >= 0 (so -0.0 too);
/// NaN for ±inf, without the invalid flag that inf - inf would raise.
trait AwayFromZero {
    fn next_up_abs(self) -> Self;
}
impl AwayFromZero for f64 {
    fn next_up_abs(self) -> f64 {
        let to = if self >= 0.0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
        // SAFETY: a pure libm function.
        unsafe { nextafter(self, to) - self }
    }
}
impl AwayFromZero for f32 {
    fn next_up_abs(self) -> f32 {
        let to = if self >= 0.0 {
            f32::INFINITY
        } else {
            f32::NEG_INFINITY
        };
        // SAFETY: a pure libm function.
        unsafe { nextafterf(self, to) - self }
    }
}
#[inline(always)]
fn spacing<T: AwayFromZero + num_traits::Float>(x: T) -> T {
    if x.is_infinite() {
        T::nan()
    } else {
        x.next_up_abs()
    }
}

/// NumPy's npy_half_spacing, on the bits (its result is never negative).
impl Kernel1<f16, f16> for Spacing {
    #[inline(always)]
    fn call(x: f16) -> f16 {
        let h = x.to_bits();
        let (h_exp, h_sig) = (h & 0x7c00, h & 0x03ff);
        let r: u16 = if h_exp == 0x7c00 {
            0x7e00
        } else if h == 0x7bff {
            0x7c00
        } else if h & 0x8000 != 0 && h_sig == 0 {
            if h_exp > 0x2c00 {
                h_exp - 0x2c00
            } else if h_exp > 0x0400 {
                1 << ((h_exp >> 10) - 2)
            } else {
                1
            }
        } else if h_exp > 0x2800 {
            h_exp - 0x2800
        } else if h_exp > 0x0400 {
            1 << ((h_exp >> 10) - 1)
        } else {
            1
        };
        f16::from_bits(r)
    }
    #[inline(always)]
    fn check(x: f16) -> u32 {
        let h = x.to_bits();
        if h & 0x7c00 == 0x7c00 {
            super::status::INVALID
        } else if h == 0x7bff {
            super::status::OVERFLOW
        } else {
            0
        }
    }
    const CHECKS: bool = true;
}

/// deg2rad/rad2deg multiply by a folded constant, as NumPy's C does.
pub struct Spacing;
impl Kernel1<f64, f64> for Spacing {
    #[inline(always)]
    fn call(x: f64) -> f64 {
        spacing(x)
    }
}
impl Kernel1<f32, f32> for Spacing {
    #[inline(always)]
    fn call(x: f32) -> f32 {
        spacing(x)
    }
}

pub struct Deg2rad;
pub struct Rad2deg;
impl Kernel1<f64, f64> for Deg2rad {
    #[inline(always)]
    fn call(x: f64) -> f64 {
        x * (std::f64::consts::PI / 180.0)
    }
}
impl Kernel1<f32, f32> for Deg2rad {
    #[inline(always)]
    fn call(x: f32) -> f32 {
        x * (std::f32::consts::PI / 180.0)
    }
}
impl Kernel1<f16, f16> for Deg2rad {
    #[inline(always)]
    fn call(x: f16) -> f16 {
        crate::dtype::float16::f16_from_f32(<Deg2rad as Kernel1<f32, f32>>::call(x.to_f32()))
    }
}
impl Kernel1<f64, f64> for Rad2deg {
    #[inline(always)]
    fn call(x: f64) -> f64 {
        x * (180.0 / std::f64::consts::PI)
    }
}
impl Kernel1<f32, f32> for Rad2deg {
    #[inline(always)]
    fn call(x: f32) -> f32 {
        x * (180.0 / std::f32::consts::PI)
    }
}
impl Kernel1<f16, f16> for Rad2deg {
    #[inline(always)]
    fn call(x: f16) -> f16 {
        crate::dtype::float16::f16_from_f32(<Rad2deg as Kernel1<f32, f32>>::call(x.to_f32()))
    }
}

macro_rules! predicate {
    ($($name:ident => |$x:ident| $e:expr),* $(,)?) => {$(
        pub struct $name;
        impl Kernel1<f64, Bool> for $name { #[inline(always)] fn call($x: f64) -> Bool { ($e).into() } }
        impl Kernel1<f32, Bool> for $name { #[inline(always)] fn call($x: f32) -> Bool { ($e).into() } }
        // (half's tests read the bits: a signalling NaN raises nothing, as in NumPy)
        impl Kernel1<f16, Bool> for $name { #[inline(always)] fn call($x: f16) -> Bool { ($e).into() } }
    )*};
}

predicate! {
    Isnan => |x| x.is_nan(),
    Isinf => |x| x.is_infinite(),
    Isfinite => |x| x.is_finite(),
    Signbit => |x| x.is_sign_negative(),
}

macro_rules! binary_math {
    ($($name:ident => |$a:ident, $b:ident| $e:expr),* $(,)?) => {$(
        pub struct $name;
        impl Kernel2<f64, f64> for $name { #[inline(always)] fn call($a: f64, $b: f64) -> f64 { $e } }
        impl Kernel2<f32, f32> for $name { #[inline(always)] fn call($a: f32, $b: f32) -> f32 { $e } }
        impl Kernel2<f16, f16> for $name {
            #[inline(always)]
            fn call(a: f16, b: f16) -> f16 { crate::dtype::float16::f16_from_f32(<$name as Kernel2<f32, f32>>::call(a.to_f32(), b.to_f32())) }
        }
    )*};
}

binary_math! {
    Hypot => |a, b| a.hypot(b),
    Copysign => |a, b| a.copysign(b),
    Heaviside => |a, b| if a.is_nan() { a } else if a == 0.0 { b } else if a < 0.0 { 0.0 } else { 1.0 },
    Logaddexp => |a, b| logaddexp(a, b),
    Logaddexp2 => |a, b| logaddexp2(a, b),
}

/// NumPy's npy_logaddexp.
#[inline(always)]
fn logaddexp<T: num_traits::Float + num_traits::FloatConst>(a: T, b: T) -> T {
    if a == b {
        // Handles infinities of the same sign without warnings.
        a + T::LN_2()
    } else {
        let d = a - b;
        if d > T::zero() {
            a + (-d).exp().ln_1p()
        } else if d <= T::zero() {
            b + d.exp().ln_1p()
        } else {
            d
        }
    }
}

/// NumPy's npy_logaddexp2.
#[inline(always)]
fn logaddexp2<T: num_traits::Float + num_traits::FloatConst>(a: T, b: T) -> T {
    if a == b {
        a + T::one()
    } else {
        let d = a - b;
        if d > T::zero() {
            a + (-d).exp2().ln_1p() * T::LOG2_E()
        } else if d <= T::zero() {
            b + d.exp2().ln_1p() * T::LOG2_E()
        } else {
            d
        }
    }
}

/// floor/ceil/trunc of integers and bools: the value itself (NumPy 2 keeps the type).
pub struct IntegerIdentity;
/// isnan/isinf of integers: never; isfinite: always.
pub struct Never;
pub struct Always;

macro_rules! int_predicates {
    ($($t:ty),*) => {$(
        impl Kernel1<$t, Bool> for Never { #[inline(always)] fn call(_a: $t) -> Bool { (false).into() } }
        impl Kernel1<$t, Bool> for Always { #[inline(always)] fn call(_a: $t) -> Bool { (true).into() } }
    )*};
}
macro_rules! integer_identity {
    ($($t:ty),*) => {$(
        impl Kernel1<$t, $t> for IntegerIdentity { #[inline(always)] fn call(a: $t) -> $t { a } }
    )*};
}
integer_identity!(i8, u8, i16, u16, i32, u32, i64, u64);
/// A bool's value is its truth, written as 0 or 1.
impl Kernel1<Bool, Bool> for IntegerIdentity {
    #[inline(always)]
    fn call(a: Bool) -> Bool {
        a.get().into()
    }
}
int_predicates!(Bool, i8, u8, i16, u16, i32, u32, i64, u64);

macro_rules! complex_predicates {
    ($($t:ty),*) => {$(
        impl Kernel1<num_complex::Complex<$t>, Bool> for Isnan { #[inline(always)] fn call(a: num_complex::Complex<$t>) -> Bool { (a.re.is_nan() || a.im.is_nan()).into() } }
        impl Kernel1<num_complex::Complex<$t>, Bool> for Isinf { #[inline(always)] fn call(a: num_complex::Complex<$t>) -> Bool { (a.re.is_infinite() || a.im.is_infinite()).into() } }
        impl Kernel1<num_complex::Complex<$t>, Bool> for Isfinite { #[inline(always)] fn call(a: num_complex::Complex<$t>) -> Bool { (a.re.is_finite() && a.im.is_finite()).into() } }
    )*};
}
complex_predicates!(f32, f64);

// ----- modf, frexp, ldexp, nextafter: libm, as NumPy -----

#[link(name = "m")]
extern "C" {
    fn modf(x: f64, ip: *mut f64) -> f64;
    fn modff(x: f32, ip: *mut f32) -> f32;
    fn frexp(x: f64, e: *mut i32) -> f64;
    fn frexpf(x: f32, e: *mut i32) -> f32;
    fn ldexp(x: f64, e: i32) -> f64;
    fn ldexpf(x: f32, e: i32) -> f32;
    fn nextafter(x: f64, y: f64) -> f64;
    fn nextafterf(x: f32, y: f32) -> f32;
}

pub struct Modf;
pub struct Frexp;
pub struct Ldexp;
pub struct Nextafter;

impl super::Kernel1x2<f64, f64, f64> for Modf {
    #[inline(always)]
    fn call(x: f64) -> (f64, f64) {
        let mut i = 0.0;
        // SAFETY: libm writes one f64 through the pointer.
        let f = unsafe { modf(x, &mut i) };
        (f, i)
    }
}
impl super::Kernel1x2<f32, f32, f32> for Modf {
    #[inline(always)]
    fn call(x: f32) -> (f32, f32) {
        let mut i = 0.0;
        // SAFETY: as above.
        let f = unsafe { modff(x, &mut i) };
        (f, i)
    }
}
impl super::Kernel1x2<f16, f16, f16> for Modf {
    #[inline(always)]
    fn call(x: f16) -> (f16, f16) {
        let (f, i) = <Modf as super::Kernel1x2<f32, f32, f32>>::call(x.to_f32());
        (
            crate::dtype::float16::f16_from_f32(f),
            crate::dtype::float16::f16_from_f32(i),
        )
    }
}
impl super::Kernel1x2<f64, f64, i32> for Frexp {
    #[inline(always)]
    fn call(x: f64) -> (f64, i32) {
        let mut e = 0;
        // SAFETY: libm writes one int through the pointer.
        let m = unsafe { frexp(x, &mut e) };
        (m, e)
    }
}
impl super::Kernel1x2<f32, f32, i32> for Frexp {
    #[inline(always)]
    fn call(x: f32) -> (f32, i32) {
        let mut e = 0;
        // SAFETY: as above.
        let m = unsafe { frexpf(x, &mut e) };
        (m, e)
    }
}
impl super::Kernel1x2<f16, f16, i32> for Frexp {
    #[inline(always)]
    fn call(x: f16) -> (f16, i32) {
        let (m, e) = <Frexp as super::Kernel1x2<f32, f32, i32>>::call(x.to_f32());
        (crate::dtype::float16::f16_from_f32(m), e)
    }
}

/// An exponent of any integer type, clamped to C's int as NumPy's ldexp loops do.
fn clamp_exp<E: Into<i64>>(e: E) -> i32 {
    e.into().clamp(i32::MIN as i64, i32::MAX as i64) as i32
}
macro_rules! ldexp_for {
    ($($e:ty),*) => {$(
        impl super::KernelMixed<f64, $e, f64> for Ldexp {
            #[inline(always)]
            fn call(x: f64, e: $e) -> f64 {
                // SAFETY: a pure libm function.
                unsafe { ldexp(x, clamp_exp(e)) }
            }
        }
        impl super::KernelMixed<f32, $e, f32> for Ldexp {
            #[inline(always)]
            fn call(x: f32, e: $e) -> f32 {
                // SAFETY: a pure libm function.
                unsafe { ldexpf(x, clamp_exp(e)) }
            }
        }
        impl super::KernelMixed<f16, $e, f16> for Ldexp {
            #[inline(always)]
            fn call(x: f16, e: $e) -> f16 {
                crate::dtype::float16::f16_from_f32(<Ldexp as super::KernelMixed<f32, $e, f32>>::call(x.to_f32(), e))
            }
        }
    )*};
}
ldexp_for!(i32, i64);

impl Kernel2<f64, f64> for Nextafter {
    #[inline(always)]
    fn call(x: f64, y: f64) -> f64 {
        // SAFETY: a pure libm function.
        unsafe { nextafter(x, y) }
    }
}
impl Kernel2<f32, f32> for Nextafter {
    #[inline(always)]
    fn call(x: f32, y: f32) -> f32 {
        // SAFETY: a pure libm function.
        unsafe { nextafterf(x, y) }
    }
}
impl Kernel2<f16, f16> for Nextafter {
    /// NumPy's npy_half_nextafter, on the bits.
    #[inline(always)]
    fn call(x: f16, y: f16) -> f16 {
        if x.is_nan() || y.is_nan() {
            return f16::NAN;
        }
        if x == y {
            return x;
        }
        let bx = x.to_bits();
        let by = y.to_bits();
        let r = if bx & 0x7fff == 0 {
            (by & 0x8000) + 1
        } else if bx & 0x8000 == 0 {
            // x > 0
            if (by as i16) < (bx as i16) {
                bx - 1
            } else {
                bx + 1
            }
        } else if by & 0x8000 == 0 || (by & 0x7fff) < (bx & 0x7fff) {
            bx - 1
        } else {
            bx + 1
        };
        f16::from_bits(r)
    }
}

// exp, log, sin, cos: vectorised fast paths with a libm fallback (vmath.rs).
/// `Kernel1<$t, $t>` for `$k` on the vectorised path `$path` (`vmath::FastPath`).
macro_rules! vmath_kernel {
    ($k:ident, $t:ty, $path:ty) => {
        impl Kernel1<$t, $t> for $k {
            const BLOCKED: bool = true;
            #[inline(always)]
            fn call(x: $t) -> $t {
                <$path as super::vmath::FastPath>::one(x)
            }
            #[inline(always)]
            unsafe fn block(a: *const $t, o: *mut $t, n: usize) {
                // SAFETY: forwarded.
                unsafe { super::vmath::block::<$path, false>(a, o, n) }
            }
            #[inline(always)]
            unsafe fn block_fma(a: *const $t, o: *mut $t, n: usize) {
                // SAFETY: forwarded.
                unsafe { super::vmath::block::<$path, true>(a, o, n) }
            }
        }
    };
}

macro_rules! fast_unary {
    ($($k:ident => $f64:ty, $f32:ty);* $(;)?) => {$(
        pub struct $k;
        vmath_kernel!($k, f64, $f64);
        vmath_kernel!($k, f32, $f32);
        f16_through_f32!($k);
    )*};
}
fast_unary! {
    Exp => super::vmath::ExpF, super::vmath::ExpF32;
    Log => super::vmath::LogF, super::vmath::LogF32;
    Sin => super::vmath::SinF, super::vmath::SinF32;
    Cos => super::vmath::CosF, super::vmath::CosF32;
    Exp2 => super::vmath::Exp2F, super::vmath_wide::Exp2F32;
    Log2 => super::vmath::Log2F, super::vmath_wide::Log2F32;
    Log10 => super::vmath::Log10F, super::vmath_wide::Log10F32;
    Log1p => super::vmath::Log1pF, super::vmath_wide::Log1pF32;
    Expm1 => super::vmath::Expm1F, super::vmath_wide::Expm1F32;
    Sinh => super::vmath::SinhF, super::vmath_wide::SinhF32;
    Cosh => super::vmath::CoshF, super::vmath_wide::CoshF32;
    Tanh => super::vmath::TanhF, super::vmath_wide::TanhF32;
    Arctan => super::vmath::AtanF, super::vmath_wide::ArctanF32;
}

/// `tan`: float64 through libm, float32 on its vectorised path (computed in float64 lanes,
/// `vmath::TanF32`), float16 through float32 blocks.
pub struct Tan;
impl Kernel1<f64, f64> for Tan {
    #[inline(always)]
    fn call(x: f64) -> f64 {
        x.tan()
    }
}
vmath_kernel!(Tan, f32, super::vmath::TanF32);
f16_through_f32!(Tan);

/// float64 through libm, float32 on its vectorised path computed in float64 lanes
/// (`vmath_wide`), float16 through float32 blocks.
macro_rules! wide_unary {
    ($($k:ident => |$x:ident| $e:expr, $f32:ty);* $(;)?) => {$(
        pub struct $k;
        impl Kernel1<f64, f64> for $k {
            #[inline(always)]
            fn call($x: f64) -> f64 {
                $e
            }
        }
        vmath_kernel!($k, f32, $f32);
        f16_through_f32!($k);
    )*};
}
wide_unary! {
    Cbrt => |x| x.cbrt(), super::vmath_wide::CbrtF32;
    Arcsin => |x| x.asin(), super::vmath_wide::ArcsinF32;
    Arccos => |x| x.acos(), super::vmath_wide::ArccosF32;
    Arcsinh => |x| super::vmath_wide::libm::asinh(x), super::vmath_wide::ArcsinhF32;
    Arccosh => |x| super::vmath_wide::libm::acosh(x), super::vmath_wide::ArccoshF32;
    Arctanh => |x| super::vmath_wide::libm::atanh(x), super::vmath_wide::ArctanhF32;
}

/// `arctan2`: float64 through libm, float32 computed in float64 lanes without branches
/// (`vmath_wide::atan2_f32`, so the binary loops vectorise), float16 through float32.
pub struct Arctan2;
impl Kernel2<f64, f64> for Arctan2 {
    #[inline(always)]
    fn call(a: f64, b: f64) -> f64 {
        a.atan2(b)
    }
}
impl Kernel2<f32, f32> for Arctan2 {
    #[inline(always)]
    fn call(a: f32, b: f32) -> f32 {
        if super::vmath::has_fma() {
            // SAFETY: the CPU has FMA.
            unsafe { atan2_fma(a, b) }
        } else {
            super::vmath_wide::atan2_f32::<false>(a, b)
        }
    }
    #[inline(always)]
    fn call_fma(a: f32, b: f32) -> f32 {
        super::vmath_wide::atan2_f32::<true>(a, b)
    }
}
#[cfg_attr(target_arch = "x86_64", target_feature(enable = "fma"))]
unsafe fn atan2_fma(a: f32, b: f32) -> f32 {
    super::vmath_wide::atan2_f32::<true>(a, b)
}
impl Kernel2<f16, f16> for Arctan2 {
    #[inline(always)]
    fn call(a: f16, b: f16) -> f16 {
        crate::dtype::float16::f16_from_f32(<Arctan2 as Kernel2<f32, f32>>::call(
            a.to_f32(),
            b.to_f32(),
        ))
    }
}
