//! The float32 dtype (IEEE binary32).

use super::{Element, Num, ScalarType};

impl Element for f32 {
    const TYPE: ScalarType = ScalarType::Float32;
    const NAME: &'static str = "float32";
    const CHAR: char = 'f';
    const NUM: i32 = 11;
    #[inline(always)]
    fn to_num(self) -> Num {
        Num::F(self as f64)
    }
    #[inline(always)]
    fn from_num(n: Num) -> Self {
        match n {
            Num::B(b) => b as u8 as f32,
            // Direct conversions round once (going through f64 would round twice).
            Num::I(i) => i as f32,
            Num::U(u) => u as f32,
            Num::F(f) => f as f32,
            Num::C(r, _) => r as f32,
        }
    }
    #[inline(always)]
    fn byteswap(self) -> Self {
        f32::from_bits(self.to_bits().swap_bytes())
    }
}
