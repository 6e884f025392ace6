//! The complex64 dtype: two float32, real then imaginary.

use num_complex::Complex;

use super::{Element, Num, ScalarType};

impl Element for Complex<f32> {
    const TYPE: ScalarType = ScalarType::Complex64;
    const NAME: &'static str = "complex64";
    const CHAR: char = 'F';
    const NUM: i32 = 14;
    #[inline(always)]
    fn to_num(self) -> Num {
        Num::C(self.re as f64, self.im as f64)
    }
    #[inline(always)]
    fn from_num(n: Num) -> Self {
        match n {
            Num::C(r, i) => Complex::new(r as f32, i as f32),
            other => Complex::new(f32::from_num(other), 0.0),
        }
    }
    #[inline(always)]
    fn byteswap(self) -> Self {
        Complex::new(self.re.byteswap(), self.im.byteswap())
    }
}
