//! The float16 dtype (IEEE binary16), stored as `half::f16`.

use half::f16;

use super::{Element, Num, ScalarType};

impl Element for f16 {
    const TYPE: ScalarType = ScalarType::Float16;
    const NAME: &'static str = "float16";
    const CHAR: char = 'e';
    const NUM: i32 = 23;
    #[inline(always)]
    fn to_num(self) -> Num {
        Num::F(self.to_f64())
    }
    #[inline(always)]
    fn from_num(n: Num) -> Self {
        match n {
            Num::B(b) => f16::from_f32(b as u8 as f32),
            Num::I(i) => f16::from_f64(i as f64),
            Num::U(u) => f16::from_f64(u as f64),
            Num::F(f) => f16::from_f64(f),
            Num::C(r, _) => f16::from_f64(r),
        }
    }
    #[inline(always)]
    fn byteswap(self) -> Self {
        f16::from_bits(self.to_bits().swap_bytes())
    }
}
