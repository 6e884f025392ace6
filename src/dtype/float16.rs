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

/// `x` rounded to float16 (once, ties to even), with the conditions NumPy's conversion raises
/// (overflow: a finite value that becomes infinite; underflow: an inexact result below the
/// smallest normal) set in this thread's status. `half::f16::from_f32` converts one value with
/// F16C, and the compiler may leave whatever the register held in the vector's unused lanes
/// (it models the conversion lane by lane, without side effects), whose conversion raises
/// conditions of its own: here the instruction gets a vector whose other lanes are zero.
#[inline]
pub fn f16_from_f32(x: f32) -> f16 {
    #[cfg(target_arch = "x86_64")]
    if has_f16c() {
        // SAFETY: the CPU has F16C.
        return f16::from_bits(unsafe { f16c_from_f32(x) });
    }
    f16_from_f32_soft(x)
}

/// Whether this CPU converts with F16C.
#[cfg(target_arch = "x86_64")]
#[inline]
fn has_f16c() -> bool {
    static HAS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *HAS.get_or_init(|| std::is_x86_feature_detected!("f16c"))
}

/// One float32 to float16 bits with F16C, rounding to nearest even; the instruction's own
/// conditions (overflow, underflow, inexact) are raised. The assembly is opaque to the
/// compiler, which can neither fill the unused lanes with other values nor move or drop it.
///
/// # Safety
/// The CPU has F16C.
#[cfg(target_arch = "x86_64")]
#[inline]
unsafe fn f16c_from_f32(x: f32) -> u16 {
    let out: u32;
    // SAFETY: the caller's guarantee; `vmovd` zeroes the vector's other lanes.
    unsafe {
        std::arch::asm!(
            "vmovd {t}, {i:e}",
            "vcvtps2ph {t}, {t}, 0",
            "vmovd {o:e}, {t}",
            i = in(reg) x.to_bits(),
            o = lateout(reg) out,
            t = out(xmm_reg) _,
            options(nomem, nostack, preserves_flags),
        );
    }
    out as u16
}

/// The float32 value of float16 bits, exactly and raising no condition, in a form the
/// compiler vectorises: the bits shifted into place and scaled by 2**112 (one exact
/// multiplication, subnormals included), infinities and NaNs by their bits. A NaN keeps its
/// payload and stays signalling if it was, as NumPy's `npy_halfbits_to_floatbits` (so that
/// arithmetic on it raises 'invalid' as NumPy's does; `half::f16::to_f32` quiets it).
#[inline(always)]
pub fn f16_bits_to_f32(h: u16) -> f32 {
    const TWO_112: f32 = f32::from_bits(0x7780_0000);
    let h = h as u32;
    let body = (h & 0x7fff) << 13;
    let scaled = (f32::from_bits(body) * TWO_112).to_bits();
    let bits = if h & 0x7c00 == 0x7c00 {
        body | 0x7f80_0000
    } else {
        scaled
    };
    f32::from_bits(bits | ((h & 0x8000) << 16))
}

/// `src`'s float16 items as float32 into `dst` (as [`f16_bits_to_f32`]).
///
/// # Safety
/// `src` is valid for `dst.len()` items.
#[inline(always)]
pub unsafe fn f16_block_to_f32(src: *const f16, dst: &mut [f32]) {
    for (i, d) in dst.iter_mut().enumerate() {
        // SAFETY: the caller's guarantee.
        *d = f16_bits_to_f32(unsafe { (*src.add(i)).to_bits() });
    }
}

/// `src` rounded to float16 into `dst`, with [`f16_from_f32`]'s results and conditions:
/// eight at a time with F16C (the last group's unused lanes zero), else one by one.
///
/// # Safety
/// `dst` is valid for `src.len()` items.
#[inline]
pub unsafe fn f16_block_from_f32(src: &[f32], dst: *mut f16) {
    #[cfg(target_arch = "x86_64")]
    if has_f16c() {
        // SAFETY: the CPU has F16C; the caller's guarantee.
        return unsafe { f16c_block_from_f32(src, dst) };
    }
    for (i, &x) in src.iter().enumerate() {
        // SAFETY: the caller's guarantee.
        unsafe { *dst.add(i) = f16_from_f32(x) };
    }
}

/// # Safety
/// The CPU has F16C (and AVX); `dst` is valid for `src.len()` items.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx,f16c")]
unsafe fn f16c_block_from_f32(src: &[f32], dst: *mut f16) {
    use std::arch::x86_64::*;
    let mut groups = src.chunks_exact(8);
    let mut d = dst as *mut u8;
    for g in &mut groups {
        // SAFETY: eight items read from `g`, eight written inside `dst`.
        unsafe {
            let v = _mm256_loadu_ps(g.as_ptr());
            _mm_storeu_si128(
                d as *mut __m128i,
                _mm256_cvtps_ph::<_MM_FROUND_TO_NEAREST_INT>(v),
            );
            d = d.add(16);
        }
    }
    let rest = groups.remainder();
    if !rest.is_empty() {
        let mut buf = [0f32; 8];
        buf[..rest.len()].copy_from_slice(rest);
        let mut out = [0u16; 8];
        // SAFETY: a full group from the zero-padded buffer; the used items copied out.
        unsafe {
            let v = _mm256_loadu_ps(buf.as_ptr());
            _mm_storeu_si128(
                out.as_mut_ptr() as *mut __m128i,
                _mm256_cvtps_ph::<_MM_FROUND_TO_NEAREST_INT>(v),
            );
            std::ptr::copy_nonoverlapping(out.as_ptr(), d as *mut u16, rest.len());
        }
    }
}

/// [`f16_from_f32`] in integer arithmetic, its conditions raised explicitly (CPUs without
/// F16C).
fn f16_from_f32_soft(x: f32) -> f16 {
    /// 2**-14, float16's smallest normal number.
    const F16_MIN_NORMAL: f32 = f32::from_bits(0x3880_0000);
    let h = f16_from_f64(x as f64);
    if x.is_finite() {
        let r = f16_bits_to_f32(h.to_bits());
        let mut st = 0;
        if r.is_infinite() {
            st |= super::method::status::OVERFLOW;
        }
        if x != 0.0 && x.abs() < F16_MIN_NORMAL && r != x {
            st |= super::method::status::UNDERFLOW;
        }
        if st != 0 {
            super::method::status::raise(st);
        }
    }
    h
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
            Num::B(b) => [f16::ZERO, f16::ONE][b as usize],
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
    fn from_f32_exact_bits_and_conditions() {
        for b in (0..0x7c00u16).chain(0x8000..0xfc00) {
            let v = f16::from_bits(b);
            assert_eq!(f16_bits_to_f32(b), v.to_f32(), "{b:#x}");
            assert_eq!(f16_from_f32(v.to_f32()).to_bits(), b);
            assert_eq!(f16_from_f32_soft(v.to_f32()).to_bits(), b);
            let mid = (v.to_f32() + f16::from_bits(b + 1).to_f32()) / 2.0;
            assert_eq!(f16_from_f32(mid), f16_from_f32_soft(mid), "{b:#x}");
        }
    }

    #[test]
    fn blocks_convert_as_single_values() {
        let all: Vec<f16> = (0..=u16::MAX).map(f16::from_bits).collect();
        let mut wide = vec![0f32; all.len()];
        // SAFETY: `all` holds `wide.len()` items.
        unsafe { f16_block_to_f32(all.as_ptr(), &mut wide) };
        for (h, w) in all.iter().zip(&wide) {
            let b = h.to_bits() as u32;
            let want = if h.is_nan() {
                // the payload kept, signalling or not
                f32::from_bits(((b & 0x8000) << 16) | 0x7f80_0000 | ((b & 0x3ff) << 13))
            } else {
                h.to_f32()
            };
            assert!(
                want.to_bits() == w.to_bits(),
                "{:#x}: {} != {}",
                h.to_bits(),
                w,
                want
            );
        }
        // Values between and around the float16 grid, in a length that leaves a tail.
        let xs: Vec<f32> = (0..70001u32)
            .map(|k| f32::from_bits(k.wrapping_mul(61_379)))
            .collect();
        let mut back = vec![f16::ZERO; xs.len()];
        // SAFETY: `back` holds `xs.len()` items.
        unsafe { f16_block_from_f32(&xs, back.as_mut_ptr()) };
        for (x, b) in xs.iter().zip(&back) {
            let want = f16_from_f32(*x);
            assert!(
                want.to_bits() == b.to_bits() || (want.is_nan() && b.is_nan()),
                "{x}"
            );
        }
    }

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
