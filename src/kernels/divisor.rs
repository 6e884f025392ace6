//! Integer division by a repeated divisor as a multiplication (Granlund and Montgomery's
//! method, in libdivide's form): for `d` not a power of two, `n / d` is the high half of
//! `n * magic`, shifted, with an extra add step for the divisors whose magic needs one bit
//! more than the word. `floor_divide` and `remainder` by a scalar use it: a hardware divide
//! costs tens of cycles per item, the multiply one, and the 32-bit form vectorises.
//!
//! Signed floor division runs on magnitudes: `floor(n / d)` is `|n| / |d|` when the signs
//! agree and `-((|n| + |d| - 1) / |d|)` when they differ (the sum fits the unsigned word).

/// Unsigned division of a word by a fixed `d >= 1`.
#[derive(Copy, Clone, Debug)]
pub struct Divisor<U> {
    magic: U,
    shift: u32,
    /// The magic is one bit wider than the word: `t = hi(n * magic)`, `((n - t) / 2 + t) >> shift`.
    add: bool,
    /// `d` is a power of two: `n >> shift`.
    pow2: bool,
}

macro_rules! divisor {
    ($u:ty, $wide:ty, $bits:expr) => {
        impl Divisor<$u> {
            pub fn new(d: $u) -> Self {
                debug_assert!(d >= 1);
                let l = $bits - 1 - d.leading_zeros();
                if d.is_power_of_two() {
                    return Divisor {
                        magic: 0,
                        shift: l,
                        add: false,
                        pow2: true,
                    };
                }
                // m = floor(2^(bits + l) / d) < 2^bits since d > 2^l.
                let num: $wide = 1 << ($bits + l);
                let m = (num / d as $wide) as $u;
                let rem = (num % d as $wide) as $u;
                if d - rem < (1 << l) {
                    Divisor {
                        magic: m + 1,
                        shift: l,
                        add: false,
                        pow2: false,
                    }
                } else {
                    // 2^(bits + l + 1) / d: one bit more than the word holds.
                    let mut m2 = m.wrapping_add(m);
                    let twice = rem.wrapping_add(rem);
                    if twice >= d || twice < rem {
                        m2 = m2.wrapping_add(1);
                    }
                    Divisor {
                        magic: m2.wrapping_add(1),
                        shift: l,
                        add: true,
                        pow2: false,
                    }
                }
            }

            /// The high word of `n * m`.
            #[inline(always)]
            pub fn hi(n: $u, m: $u) -> $u {
                ((n as $wide * m as $wide) >> $bits) as $u
            }

            /// `n / d`.
            #[inline(always)]
            pub fn div(&self, n: $u) -> $u {
                if self.pow2 {
                    return n >> self.shift;
                }
                let t = Self::hi(n, self.magic);
                if self.add {
                    (((n - t) >> 1) + t) >> self.shift
                } else {
                    t >> self.shift
                }
            }
        }
    };
}
divisor!(u32, u64, 32);
divisor!(u64, u128, 64);

/// `$body` with `$f` bound to `n -> n / d` for the divisor `$dv` of word type `$u`, one copy
/// per form of the divisor (so each loop is branch-free and vectorises).
macro_rules! with_div {
    ($dv:expr, $u:ty, |$f:ident| $body:expr) => {{
        let dv: Divisor<$u> = $dv;
        let (m, s) = (dv.magic, dv.shift);
        if dv.pow2 {
            let $f = move |n: $u| n >> s;
            $body
        } else if dv.add {
            let $f = move |n: $u| {
                let t = Divisor::<$u>::hi(n, m);
                (((n - t) >> 1) + t) >> s
            };
            $body
        } else {
            let $f = move |n: $u| Divisor::<$u>::hi(n, m) >> s;
            $body
        }
    }};
}

/// Floor division and NumPy's remainder (the sign of the divisor) of a contiguous line by a
/// scalar divisor, for integer types. `None` for the divisors the generic loop must see
/// (zero: the warning and zeros; -1: the overflow of the most negative value).
pub trait ByScalar: Copy {
    /// # Safety
    /// `a` and `o` are valid for `n` items; `o` may alias `a` exactly.
    unsafe fn floor_div_line(a: *const Self, d: Self, o: *mut Self, n: usize) -> Option<()>;
    /// # Safety
    /// As [`ByScalar::floor_div_line`].
    unsafe fn remainder_line(a: *const Self, d: Self, o: *mut Self, n: usize) -> Option<()>;
    /// Floor division of a contiguous line by another (NumPy's: zero and a divide-by-zero
    /// report for a zero divisor, the most negative value over -1 wrapping with an overflow
    /// report); `None` leaves it to the generic loop. Returns the status bits.
    ///
    /// # Safety
    /// `a`, `b` and `o` are valid for `n` items; `o` may alias `a` or `b` exactly.
    #[inline(always)]
    unsafe fn floor_div_arrays(
        _a: *const Self,
        _b: *const Self,
        _o: *mut Self,
        _n: usize,
    ) -> Option<u32> {
        None
    }
    /// `x - q * d`, wrapping: the remainder of `x` by `d` given its floor quotient `q`.
    fn rem_of(x: Self, q: Self, d: Self) -> Self;
    /// `r[i] = a[i] - q[i] * d` for `n` items (the remainders once the quotients are known:
    /// a multiplication a lane, which vectorises where a 64-bit division's high product
    /// does not).
    ///
    /// # Safety
    /// `a`, `q` and `r` are valid for `n` items; `r` may alias `a` or `q` exactly.
    #[inline(always)]
    unsafe fn rem_line(a: *const Self, q: *const Self, d: Self, r: *mut Self, n: usize) {
        for i in 0..n {
            // SAFETY: the caller's guarantee; each item is read before it is written.
            unsafe { *r.add(i) = Self::rem_of(*a.add(i), *q.add(i), d) };
        }
    }
    /// Quotient and remainder (divmod) in two passes, each of which vectorises, the one that
    /// writes over `a` last; `None` (nothing written) where the single lines do not apply or
    /// both outputs are one.
    ///
    /// # Safety
    /// `a`, `q` and `r` are valid for `n` items; `q` or `r` may alias `a` exactly.
    #[inline(always)]
    unsafe fn divmod_line(
        a: *const Self,
        d: Self,
        q: *mut Self,
        r: *mut Self,
        n: usize,
    ) -> Option<()> {
        if std::ptr::eq(q, r) {
            return None;
        }
        // SAFETY: the caller's guarantee; a pass that declines (the divisor) writes nothing,
        // and the first pass declines exactly when the second would.
        unsafe {
            if std::ptr::eq(q as *const Self, a) {
                remainder_pass(a, d, r, n)?;
                floor_pass(a, d, q, n)
            } else {
                floor_pass(a, d, q, n)?;
                rem_pass(a, q, d, r, n);
                Some(())
            }
        }
    }
}

/// A pass of a [`ByScalar`] line compiled on its own for the CPU's vectors (as the ufunc
/// loops' contiguous lines are): small functions, so the division is inlined into the loop,
/// which then vectorises.
macro_rules! pass {
    ($name:ident, $line:ident, ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        /// [`ByScalar`]'s line of the same name, compiled for the widest vectors this CPU has.
        ///
        /// # Safety
        /// As the line's.
        unsafe fn $name<T: ByScalar>($($arg: $ty),*) -> $ret {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx2,fma")]
                #[inline(never)]
                unsafe fn avx2<T: ByScalar>($($arg: $ty),*) -> $ret {
                    // SAFETY: the caller's guarantee.
                    unsafe { T::$line($($arg),*) }
                }
                #[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vl")]
                #[inline(never)]
                unsafe fn avx512<T: ByScalar>($($arg: $ty),*) -> $ret {
                    // SAFETY: the caller's guarantee.
                    unsafe { T::$line($($arg),*) }
                }
                // SAFETY: each variant only on a CPU with its features.
                match super::simd_level() {
                    super::Simd::Avx512 => return unsafe { avx512($($arg),*) },
                    super::Simd::Avx2 => return unsafe { avx2($($arg),*) },
                    _ => {}
                }
            }
            // SAFETY: the caller's guarantee.
            unsafe { T::$line($($arg),*) }
        }
    };
}
pass!(floor_pass, floor_div_line, (a: *const T, d: T, o: *mut T, n: usize) -> Option<()>);
pass!(remainder_pass, remainder_line, (a: *const T, d: T, o: *mut T, n: usize) -> Option<()>);
pass!(rem_pass, rem_line, (a: *const T, q: *const T, d: T, r: *mut T, n: usize) -> ());

macro_rules! by_scalar_unsigned {
    ($($t:ty => $u:ty),*) => {$(
        impl ByScalar for $t {
            #[inline(always)]
            fn rem_of(x: $t, q: $t, d: $t) -> $t {
                x.wrapping_sub(q.wrapping_mul(d))
            }
            #[inline(always)]
            unsafe fn floor_div_line(a: *const $t, d: $t, o: *mut $t, n: usize) -> Option<()> {
                if d == 0 {
                    return None;
                }
                with_div!(Divisor::<$u>::new(d as $u), $u, |div| {
                    for i in 0..n {
                        // SAFETY: the caller's guarantee; each item is read before it is written.
                        unsafe { *o.add(i) = div(*a.add(i) as $u) as $t };
                    }
                });
                Some(())
            }
            #[inline(always)]
            unsafe fn remainder_line(a: *const $t, d: $t, o: *mut $t, n: usize) -> Option<()> {
                if d == 0 {
                    return None;
                }
                with_div!(Divisor::<$u>::new(d as $u), $u, |div| {
                    for i in 0..n {
                        // SAFETY: as above.
                        unsafe {
                            let x = *a.add(i);
                            *o.add(i) = x - (div(x as $u) as $t) * d;
                        }
                    }
                });
                Some(())
            }
        }
    )*};
}
by_scalar_unsigned!(u8 => u32, u16 => u32, u32 => u32, u64 => u64);

/// `$body` with `$q` bound to signed floor division by `$d` on magnitudes (see the module's
/// note), in one copy per form of the divisor.
macro_rules! with_floor {
    ($t:ty, $u:ty, $d:expr, |$q:ident| $body:expr) => {{
        let d: $t = $d;
        let da = d.unsigned_abs() as $u;
        with_div!(Divisor::<$u>::new(da), $u, |div| {
            let $q = move |x: $t| -> $t {
                let neg = (x ^ d) < 0;
                let m = x.unsigned_abs() as $u + if neg { da - 1 } else { 0 };
                let q = div(m) as $t;
                if neg {
                    q.wrapping_neg()
                } else {
                    q
                }
            };
            $body
        })
    }};
}

macro_rules! by_scalar_signed {
    ($($t:ty => $u:ty),*) => {$(
        impl ByScalar for $t {
            #[inline(always)]
            fn rem_of(x: $t, q: $t, d: $t) -> $t {
                x.wrapping_sub(q.wrapping_mul(d))
            }
            #[inline(always)]
            unsafe fn floor_div_arrays(a: *const $t, b: *const $t, o: *mut $t, n: usize) -> Option<u32> {
                #[cfg(target_arch = "x86_64")]
                if <$t>::BITS == 64 && super::simd_level() == super::Simd::Avx512 {
                    // SAFETY: the CPU has AVX-512; the caller's guarantee is forwarded.
                    return Some(unsafe {
                        avx512::floor_div_arrays_i64(a as *const i64, b as *const i64, o as *mut i64, n)
                    });
                }
                let _ = (a, b, o, n);
                None
            }
            #[inline(always)]
            unsafe fn floor_div_line(a: *const $t, d: $t, o: *mut $t, n: usize) -> Option<()> {
                if d == 0 || d == -1 {
                    return None;
                }
                #[cfg(target_arch = "x86_64")]
                if <$t>::BITS == 64 && super::simd_level() == super::Simd::Avx512 {
                    // SAFETY: the CPU has AVX-512; the caller's guarantee is forwarded.
                    unsafe { avx512::floor_div_i64(a as *const i64, d as i64, o as *mut i64, n) };
                    return Some(());
                }
                with_floor!($t, $u, d, |q| {
                    for i in 0..n {
                        // SAFETY: the caller's guarantee; each item is read before it is written.
                        unsafe { *o.add(i) = q(*a.add(i)) };
                    }
                });
                Some(())
            }
            #[inline(always)]
            unsafe fn remainder_line(a: *const $t, d: $t, o: *mut $t, n: usize) -> Option<()> {
                if d == 0 || d == -1 {
                    return None;
                }
                with_floor!($t, $u, d, |q| {
                    for i in 0..n {
                        // SAFETY: as above.
                        unsafe {
                            let x = *a.add(i);
                            *o.add(i) = x.wrapping_sub(q(x).wrapping_mul(d));
                        }
                    }
                });
                Some(())
            }
        }
    )*};
}
by_scalar_signed!(i8 => u32, i16 => u32, i32 => u32, i64 => u64);

/// int64 floor division eight lanes at a time: the 64-bit high product from four 32-bit
/// products (`vpmuludq`), which compilers do not form from scalar code.
#[cfg(target_arch = "x86_64")]
mod avx512 {
    use super::Divisor;
    use std::arch::x86_64::*;

    /// High 64 bits of each lane's unsigned 128-bit product.
    #[inline(always)]
    unsafe fn mulhi(a: __m512i, b: __m512i) -> __m512i {
        // SAFETY: register arithmetic; the caller runs on a CPU with AVX-512F.
        unsafe {
            let lo = _mm512_set1_epi64(0xffff_ffff);
            let (a1, b1) = (_mm512_srli_epi64(a, 32), _mm512_srli_epi64(b, 32));
            let p00 = _mm512_mul_epu32(a, b);
            let p01 = _mm512_mul_epu32(a, b1);
            let p10 = _mm512_mul_epu32(a1, b);
            let p11 = _mm512_mul_epu32(a1, b1);
            let mid = _mm512_add_epi64(
                _mm512_srli_epi64(p00, 32),
                _mm512_add_epi64(_mm512_and_si512(p01, lo), _mm512_and_si512(p10, lo)),
            );
            _mm512_add_epi64(
                _mm512_add_epi64(p11, _mm512_srli_epi64(mid, 32)),
                _mm512_add_epi64(_mm512_srli_epi64(p01, 32), _mm512_srli_epi64(p10, 32)),
            )
        }
    }

    /// The floor division kernel on one int64 pair: its quotient and status bits.
    #[inline(always)]
    fn floor_div_one(x: i64, y: i64) -> (i64, u32) {
        use crate::kernels::{arith::FloorDivide, Kernel2};
        (
            <FloorDivide as Kernel2<i64, i64>>::call(x, y),
            <FloorDivide as Kernel2<i64, i64>>::check(x, y),
        )
    }

    /// `o = a // b` for int64 lines: blocks of eight whose operands all lie within +-2^53
    /// through float64, eight divisions in one instruction (the operands are exact there,
    /// and the floor of the rounded quotient is the floor of the exact one: its rounding
    /// error, below |a / b| 2^-53 < 1 / |b|, is smaller than the distance from a fraction
    /// a / b to the next integer, at least 1 / |b|); other blocks by the integer division.
    /// Zero divisors give 0 and a divide-by-zero report (their lanes masked out of the float
    /// division, which then raises nothing, and left zero). Returns the status bits.
    ///
    /// # Safety
    /// The CPU has AVX-512F/DQ; `a`, `b` and `o` are valid for `n` items (`o` may alias
    /// either exactly).
    #[target_feature(enable = "avx512f,avx512dq,avx512vl,avx512bw")]
    pub unsafe fn floor_div_arrays_i64(a: *const i64, b: *const i64, o: *mut i64, n: usize) -> u32 {
        let full = n - n % 8;
        let mut status = 0;
        // SAFETY: the caller's guarantee; loads and stores stay inside [0, n), each block
        // read before it is written.
        unsafe {
            let lim = _mm512_set1_epi64(1 << 53);
            let mut i = 0;
            while i < full {
                let x = _mm512_loadu_si512(a.add(i) as *const _);
                let y = _mm512_loadu_si512(b.add(i) as *const _);
                let exact = _mm512_cmplt_epu64_mask(_mm512_abs_epi64(x), lim)
                    & _mm512_cmplt_epu64_mask(_mm512_abs_epi64(y), lim);
                if exact == 0xff {
                    let nonzero = _mm512_test_epi64_mask(y, y);
                    let q =
                        _mm512_maskz_div_pd(nonzero, _mm512_cvtepi64_pd(x), _mm512_cvtepi64_pd(y));
                    let q =
                        _mm512_roundscale_pd::<{ _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC }>(q);
                    _mm512_storeu_si512(o.add(i) as *mut _, _mm512_cvtpd_epi64(q));
                    if nonzero != 0xff {
                        status |= crate::kernels::status::DIVIDE_BY_ZERO;
                    }
                } else {
                    for j in i..i + 8 {
                        let (q, st) = floor_div_one(*a.add(j), *b.add(j));
                        *o.add(j) = q;
                        status |= st;
                    }
                }
                i += 8;
            }
            for j in full..n {
                let (q, st) = floor_div_one(*a.add(j), *b.add(j));
                *o.add(j) = q;
                status |= st;
            }
        }
        status
    }

    /// # Safety
    /// The CPU has AVX-512F/DQ; `a` and `o` are valid for `n` items (`o` may alias `a`).
    #[target_feature(enable = "avx512f,avx512dq,avx512vl,avx512bw")]
    pub unsafe fn floor_div_i64(a: *const i64, d: i64, o: *mut i64, n: usize) {
        let da = d.unsigned_abs();
        let dv = Divisor::<u64>::new(da);
        let full = n - n % 8;
        // SAFETY: the caller's guarantee; loads and stores stay inside [0, full).
        unsafe {
            let magic = _mm512_set1_epi64(dv.magic as i64);
            let shift = _mm_set_epi64x(0, dv.shift as i64);
            let dm1 = _mm512_set1_epi64((da - 1) as i64);
            let dv_sign = _mm512_set1_epi64(d);
            let zero = _mm512_setzero_si512();
            let mut i = 0;
            while i < full {
                let x = _mm512_loadu_si512(a.add(i) as *const _);
                let neg = _mm512_cmplt_epi64_mask(_mm512_xor_si512(x, dv_sign), zero);
                let m = _mm512_mask_add_epi64(_mm512_abs_epi64(x), neg, _mm512_abs_epi64(x), dm1);
                let q = if dv.pow2 {
                    _mm512_srl_epi64(m, shift)
                } else {
                    let t = mulhi(m, magic);
                    let t = if dv.add {
                        _mm512_add_epi64(_mm512_srli_epi64(_mm512_sub_epi64(m, t), 1), t)
                    } else {
                        t
                    };
                    _mm512_srl_epi64(t, shift)
                };
                let q = _mm512_mask_sub_epi64(q, neg, zero, q);
                _mm512_storeu_si512(o.add(i) as *mut _, q);
                i += 8;
            }
            for i in full..n {
                let x = *a.add(i);
                let neg = (x ^ d) < 0;
                let m = if neg {
                    x.unsigned_abs() + (da - 1)
                } else {
                    x.unsigned_abs()
                };
                let q = dv.div(m) as i64;
                *o.add(i) = if neg { q.wrapping_neg() } else { q };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numpy_floor_div(a: i64, b: i64) -> i64 {
        let q = a.wrapping_div(b);
        if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) {
            q - 1
        } else {
            q
        }
    }

    fn samples() -> Vec<i64> {
        let mut v: Vec<i64> = vec![
            0,
            1,
            -1,
            2,
            -2,
            3,
            7,
            -7,
            1000,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
        ];
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        for k in 0..4000 {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            v.push((s as i64) >> (k % 63));
        }
        for e in 1..63 {
            for d in [-1i64, 0, 1] {
                v.push((1i64 << e) + d);
                v.push(-(1i64 << e) + d);
            }
        }
        v
    }

    #[test]
    fn unsigned_matches_hardware() {
        let xs = samples();
        for &d in &xs {
            let d = d as u64;
            if d == 0 {
                continue;
            }
            let dv = Divisor::<u64>::new(d);
            for &x in &xs {
                assert_eq!(dv.div(x as u64), x as u64 / d, "{x} / {d}");
            }
            let d32 = d as u32;
            if d32 != 0 {
                let dv = Divisor::<u32>::new(d32);
                for &x in &xs {
                    assert_eq!(dv.div(x as u32), x as u32 / d32, "{x} / {d32}");
                }
            }
        }
    }

    fn line<T: ByScalar + Default>(xs: &[T], d: T, rem: bool) -> Option<Vec<T>> {
        let mut o = vec![T::default(); xs.len()];
        // SAFETY: equal lengths.
        unsafe {
            if rem {
                T::remainder_line(xs.as_ptr(), d, o.as_mut_ptr(), xs.len())?;
            } else {
                T::floor_div_line(xs.as_ptr(), d, o.as_mut_ptr(), xs.len())?;
            }
        }
        Some(o)
    }

    #[test]
    #[cfg(target_arch = "x86_64")]
    fn int64_lines_by_lines_match_numpy() {
        use crate::kernels::status::{DIVIDE_BY_ZERO, OVERFLOW};
        if crate::kernels::simd_level() != crate::kernels::Simd::Avx512 {
            return;
        }
        let mut xs = samples();
        let e = 1i64 << 53;
        xs.extend([
            e - 1,
            e,
            e + 1,
            1 - e,
            -e,
            -e - 1,
            3 * (e - 1) / 7,
            (e - 1) / 3,
        ]);
        xs.extend((-300..300).map(|k| k * 7919 % 1001));
        for shift in [0, 1, 5, 8, 13, 64, 333] {
            let ds: Vec<i64> = (0..xs.len()).map(|k| xs[(k + shift) % xs.len()]).collect();
            for n in [xs.len(), xs.len() - 3, 8, 7] {
                let mut o = vec![0i64; n];
                // SAFETY: the CPU has AVX-512; every line holds n items.
                let st = unsafe {
                    avx512::floor_div_arrays_i64(xs.as_ptr(), ds.as_ptr(), o.as_mut_ptr(), n)
                };
                let mut want_st = 0;
                for k in 0..n {
                    let (x, d) = (xs[k], ds[k]);
                    if d == 0 {
                        assert_eq!(o[k], 0, "{x} // 0");
                        want_st |= DIVIDE_BY_ZERO;
                        continue;
                    }
                    if x == i64::MIN && d == -1 {
                        want_st |= OVERFLOW;
                    }
                    assert_eq!(o[k], numpy_floor_div(x, d), "{x} // {d}");
                }
                assert_eq!(st, want_st);
                // In place, over the dividend.
                let mut io = xs[..n].to_vec();
                // SAFETY: as above; the output is the first input exactly.
                unsafe {
                    avx512::floor_div_arrays_i64(io.as_ptr(), ds.as_ptr(), io.as_mut_ptr(), n)
                };
                assert_eq!(io, o);
            }
        }
    }

    #[test]
    fn signed_lines_match_numpy() {
        let xs = samples();
        for &d in &xs {
            let q = line(&xs, d, false);
            let r = line(&xs, d, true);
            if d == 0 || d == -1 {
                assert!(q.is_none() && r.is_none());
                continue;
            }
            let (q, r) = (q.unwrap(), r.unwrap());
            for (k, &x) in xs.iter().enumerate() {
                let want = numpy_floor_div(x, d);
                assert_eq!(q[k], want, "{x} // {d}");
                assert_eq!(r[k], x.wrapping_sub(want.wrapping_mul(d)), "{x} % {d}");
            }
            let xs8: Vec<i8> = xs.iter().map(|&x| x as i8).collect();
            let d8 = d as i8;
            if d8 != 0 && d8 != -1 {
                let q = line(&xs8, d8, false).unwrap();
                for (k, &x) in xs8.iter().enumerate() {
                    assert_eq!(
                        q[k] as i64,
                        numpy_floor_div(x as i64, d8 as i64),
                        "{x} // {d8}"
                    );
                }
            }
        }
    }
}
