//! The float16 dtype (IEEE binary16), stored as `half::f16`.

use half::f16;

use super::{Element, Num, ScalarType};

/// `x` rounded to the nearest float16 in one step (ties to even), as NumPy's
/// `npy_doublebits_to_halfbits`, in integer arithmetic: no hardware floating-point condition
/// is raised (the casts compute theirs). (`half::f16::from_f64` rounds twice: with F16C it
/// converts `x as f32` first, and its software path drops the low mantissa bits first.)
pub fn f16_from_f64(x: f64) -> f16 {
    let d = x.to_bits();
    let sign = ((d >> 48) & 0x8000) as u16;
    let abs = d & 0x7fff_ffff_ffff_ffff;
    let exp = (abs >> 52) as i32;
    let frac = abs & 0x000f_ffff_ffff_ffff;
    if exp == 0x7ff {
        // infinity, or NaN with the top of its payload (never the infinity pattern)
        let payload = (frac >> 42) as u16;
        let nan = if frac != 0 && payload == 0 {
            1
        } else {
            payload
        };
        return f16::from_bits(sign | 0x7c00 | nan);
    }
    // 65520 and above round to infinity
    if abs >= 0x40ef_fe00_0000_0000 {
        return f16::from_bits(sign | 0x7c00);
    }
    // below 2**-25 (float64 subnormals included) the result is zero
    let e = exp - 1023;
    if e < -25 {
        return f16::from_bits(sign);
    }
    let m = frac | (1 << 52);
    // round m to the float16 grid: 2**(e-10) for normal results, 2**-24 for subnormal ones
    let shift = if e >= -14 { 42 } else { (28 - e) as u32 };
    let mut q = m >> shift;
    let rem = m & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rem > half || (rem == half && q & 1 == 1) {
        q += 1;
    }
    let bits = if e >= -14 {
        // a carry out of the mantissa moves into the exponent
        (((e + 15) as u64) << 10) + q - 1024
    } else {
        q
    };
    f16::from_bits(sign | bits as u16)
}

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
            Num::I(i) => f16_from_f64(i as f64),
            Num::U(u) => f16_from_f64(u as f64),
            Num::F(f) => f16_from_f64(f),
            Num::C(r, _) => f16_from_f64(r),
        }
    }
    #[inline(always)]
    fn byteswap(self) -> Self {
        f16::from_bits(self.to_bits().swap_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rounding_from_f64() {
        // just above a float16 half-way point, which float32 rounds onto it
        let x = 1.0 + 2f64.powi(-11) + 2f64.powi(-40);
        assert_eq!(f16_from_f64(x).to_f64(), 1.0 + 2f64.powi(-10));
        assert_eq!(f16_from_f64(1.0 + 2f64.powi(-11)).to_f64(), 1.0);
        assert_eq!(f16_from_f64(65519.99999).to_f64(), 65504.0);
        assert!(f16_from_f64(65520.0).is_infinite());
        assert_eq!(
            f16_from_f64(-(2f64.powi(-25) + 2f64.powi(-60))).to_f64(),
            -(2f64.powi(-24))
        );
        assert_eq!(f16_from_f64(1e-300).to_f64(), 0.0);
        assert!(f16_from_f64(f64::NAN).is_nan());
        assert_eq!(f16_from_f64(f64::NAN).to_bits(), 0x7e00);
        assert_eq!(f16_from_f64(2f64.powi(-25)).to_bits(), 0);
        assert_eq!(f16_from_f64(2f64.powi(-25) * 1.5).to_bits(), 1);
        assert_eq!(f16_from_f64(2f64.powi(-24) * 1023.5).to_bits(), 0x400);
        assert_eq!(f16_from_f64(-0.0).to_bits(), 0x8000);
        assert_eq!(f16_from_f64(f64::NEG_INFINITY).to_bits(), 0xfc00);
        // every float16 and every midpoint between neighbours, against float32's rounding
        for b in 0..0x7bffu16 {
            let v = f16::from_bits(b).to_f64();
            assert_eq!(f16_from_f64(v).to_bits(), b);
            let next = f16::from_bits(b + 1).to_f64();
            let mid = (v + next) / 2.0;
            assert_eq!(f16_from_f64(mid), f16::from_f32(mid as f32), "{b:#x}");
            let above = f64::from_bits(mid.to_bits() + 1);
            assert_eq!(f16_from_f64(above).to_bits(), b + 1, "{b:#x}");
        }
    }
}
