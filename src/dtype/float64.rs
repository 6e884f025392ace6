//! The float64 dtype (IEEE binary64).

use super::{Element, Num, ScalarType};

impl Element for f64 {
    const TYPE: ScalarType = ScalarType::Float64;
    const NAME: &'static str = "float64";
    const CHAR: char = 'd';
    const NUM: i32 = 12;
    #[inline(always)]
    fn to_num(self) -> Num {
        Num::F(self)
    }
    #[inline(always)]
    fn from_num(n: Num) -> Self {
        match n {
            Num::B(b) => b as u8 as f64,
            Num::I(i) => i as f64,
            Num::U(u) => u as f64,
            Num::F(f) => f,
            Num::C(r, _) => r,
        }
    }
    #[inline(always)]
    fn byteswap(self) -> Self {
        f64::from_bits(self.to_bits().swap_bytes())
    }
}
