//! The complex128 dtype: two float64, real then imaginary.

use num_complex::Complex;

use super::{Element, Num, ScalarType};

impl Element for Complex<f64> {
    const TYPE: ScalarType = ScalarType::Complex128;
    const NAME: &'static str = "complex128";
    const CHAR: char = 'D';
    const NUM: i32 = 15;
    #[inline(always)]
    fn to_num(self) -> Num {
        Num::C(self.re, self.im)
    }
    #[inline(always)]
    fn from_num(n: Num) -> Self {
        match n {
            Num::C(r, i) => Complex::new(r, i),
            other => Complex::new(f64::from_num(other), 0.0),
        }
    }
    #[inline(always)]
    fn byteswap(self) -> Self {
        Complex::new(self.re.byteswap(), self.im.byteswap())
    }
}
