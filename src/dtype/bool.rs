//! The bool dtype: one byte, 0 or 1.

use super::{Element, Num, ScalarType};

impl Element for bool {
    const TYPE: ScalarType = ScalarType::Bool;
    const NAME: &'static str = "bool";
    const CHAR: char = '?';
    const NUM: i32 = 0;
    #[inline(always)]
    fn to_num(self) -> Num {
        Num::B(self)
    }
    #[inline(always)]
    fn from_num(n: Num) -> Self {
        match n {
            Num::B(b) => b,
            Num::I(i) => i != 0,
            Num::U(u) => u != 0,
            Num::F(f) => f != 0.0,
            Num::C(r, i) => r != 0.0 || i != 0.0,
        }
    }
    #[inline(always)]
    fn byteswap(self) -> Self {
        self
    }
}
