//! The Rust types behind the numeric dtypes, and the per-element conversions that casting uses.

use std::fmt::Debug;

use super::ScalarType;

/// A value in the widest form of its kind, the meeting point of every cast.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Num {
    B(bool),
    I(i64),
    U(u64),
    F(f64),
    C(f64, f64),
}

/// A Rust type that is the element of a numeric dtype. Each concrete dtype file implements it.
pub trait Element: Copy + Send + Sync + Default + Debug + PartialEq + 'static {
    const TYPE: ScalarType;
    /// The dtype's name ('float64').
    const NAME: &'static str;
    /// NumPy's type character ('d').
    const CHAR: char;
    /// NumPy's type number.
    const NUM: i32;
    fn to_num(self) -> Num;
    /// Convert with C cast semantics as NumPy does on x86-64 (wrap-around for integers,
    /// truncation toward zero for float -> int, real part for complex -> real).
    fn from_num(n: Num) -> Self;
    fn byteswap(self) -> Self;
}

// Float -> integer conversions with the results x86-64 gives NumPy (cvttsd2si: out-of-range and
// NaN give the "integer indefinite" value), narrowed as C narrows.
#[inline(always)]
pub fn f64_to_i32_c(f: f64) -> i32 {
    if f > -2147483649.0 && f < 2147483648.0 {
        f as i32
    } else {
        i32::MIN
    }
}
/// 2**63 as an f64.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

#[inline(always)]
pub fn f64_to_i64_c(f: f64) -> i64 {
    if (-TWO_63..TWO_63).contains(&f) {
        f as i64
    } else {
        i64::MIN
    }
}
#[inline(always)]
pub fn f64_to_u64_c(f: f64) -> u64 {
    if f.is_nan() {
        return 1u64 << 63;
    }
    if f < TWO_63 {
        f64_to_i64_c(f) as u64
    } else {
        (f64_to_i64_c(f - TWO_63) as u64) ^ (1u64 << 63)
    }
}

/// Implements `Element` for an integer type. `$wide` is how the value widens into a `Num`
/// (`I` as i64 for signed, `U` as u64 for unsigned); `$via` names how a float reaches it.
macro_rules! int_element {
    ($t:ty, $st:ident, $name:expr, $ch:expr, $num:expr, $wide:ident as $w:ty, $via:ident) => {
        impl $crate::dtype::Element for $t {
            const TYPE: $crate::dtype::ScalarType = $crate::dtype::ScalarType::$st;
            const NAME: &'static str = $name;
            const CHAR: char = $ch;
            const NUM: i32 = $num;
            #[inline(always)]
            fn to_num(self) -> $crate::dtype::Num {
                $crate::dtype::Num::$wide(self as $w)
            }
            #[inline(always)]
            fn from_num(n: $crate::dtype::Num) -> Self {
                use $crate::dtype::Num;
                match n {
                    Num::B(b) => b as $t,
                    Num::I(i) => i as $t,
                    Num::U(u) => u as $t,
                    Num::F(f) => $crate::dtype::element::$via(f) as $t,
                    Num::C(r, _) => $crate::dtype::element::$via(r) as $t,
                }
            }
            #[inline(always)]
            fn byteswap(self) -> Self {
                self.swap_bytes()
            }
        }
    };
}
pub(crate) use int_element;
