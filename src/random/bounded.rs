//! Bounded integers: numpy's `random_bounded_uint{64,32,16,8}_fill`,
//! `random_buffered_bounded_*` and `random_bounded_bool_fill` (distributions.c). A value is
//! `off + v` (wrapping) for v uniform in [0, rng]: Lemire's multiply-shift rejection
//! (`Generator`) or masked rejection (`RandomState`); 64-bit ranges that fit 32 bits draw 32
//! bits; 8- and 16-bit values and bools come from 32-bit draws cut into pieces, low first, with
//! one buffer per call.

use super::BitGen;

/// The smallest all-ones mask covering `max` (numpy's `gen_mask`).
pub fn mask_of(max: u64) -> u64 {
    let mut m = max;
    for s in [1, 2, 4, 8, 16, 32] {
        m |= m >> s;
    }
    m
}

/// The 32-bit pieces left over from the last draw (numpy's `buf` / `bcnt`).
#[derive(Default)]
pub struct Pieces {
    buf: u32,
    left: u32,
}

impl Pieces {
    /// The next `bits`-bit piece (16, 8 or 1) of the buffered 32-bit draws.
    fn next<G: BitGen>(&mut self, g: &mut G, bits: u32) -> u32 {
        if self.left == 0 {
            self.buf = g.next_u32();
            self.left = 32 / bits - 1;
        } else {
            self.buf >>= bits;
            self.left -= 1;
        }
        self.buf & ((1u32 << bits) - 1)
    }
}

/// v in [0, rng] from `draw` of `B` bits by Lemire's method (`rng < 2^B - 1`).
#[inline]
fn lemire(draw: &mut impl FnMut() -> u64, rng: u64, bits: u32) -> u64 {
    let excl = rng + 1;
    let low = |m: u128| (m & ((1u128 << bits) - 1)) as u64;
    let mut m = draw() as u128 * excl as u128;
    let mut left = low(m);
    if left < excl {
        let top = if bits == 64 {
            u64::MAX
        } else {
            (1u64 << bits) - 1
        };
        let threshold = (top - rng) % excl;
        while left < threshold {
            m = draw() as u128 * excl as u128;
            left = low(m);
        }
    }
    (m >> bits) as u64
}

/// v in [0, rng] from `draw` by masked rejection.
#[inline]
fn masked(draw: &mut impl FnMut() -> u64, rng: u64) -> u64 {
    let mask = mask_of(rng);
    loop {
        let v = draw() & mask;
        if v <= rng {
            return v;
        }
    }
}

/// One value of `bits` (64, 32, 16, 8; 1 for bool) bits: off + uniform [0, rng], as numpy's
/// bounded functions of that width.
#[inline]
pub fn bounded<G: BitGen>(
    g: &mut G,
    p: &mut Pieces,
    bits: u32,
    off: u64,
    rng: u64,
    use_masked: bool,
) -> u64 {
    if rng == 0 {
        return off;
    }
    let v = match bits {
        64 if rng > 0xFFFF_FFFF => {
            if rng == u64::MAX {
                g.next_u64()
            } else if use_masked {
                masked(&mut || g.next_u64(), rng)
            } else {
                lemire(&mut || g.next_u64(), rng, 64)
            }
        }
        64 | 32 => {
            if rng == 0xFFFF_FFFF {
                g.next_u32() as u64
            } else if use_masked {
                masked(&mut || g.next_u32() as u64, rng)
            } else {
                lemire(&mut || g.next_u32() as u64, rng, 32)
            }
        }
        1 => return p.next(g, 1) as u64,
        _ => {
            let top = (1u64 << bits) - 1;
            let mut draw = || p.next(g, bits) as u64;
            if rng == top {
                draw()
            } else if use_masked {
                masked(&mut draw, rng)
            } else {
                lemire(&mut draw, rng, bits)
            }
        }
    };
    off.wrapping_add(v)
}

/// Fill `out` (items of `bits / 8` bytes, one byte for bools) with bounded values; `off` and
/// `rng` hold one value for every item or one each.
pub fn fill_bounded<G: BitGen>(
    g: &mut G,
    bits: u32,
    off: &[u64],
    rng: &[u64],
    use_masked: bool,
    out: &mut [u8],
) {
    let size = (bits as usize).div_ceil(8);
    if let ([o], [r]) = (off, rng) {
        if (out.as_ptr() as usize).is_multiple_of(size) {
            return fill_one_range(g, bits, *o, *r, use_masked, out);
        }
    }
    let mut p = Pieces::default();
    let n = out.len() / size;
    for i in 0..n {
        let o = off[if off.len() == 1 { 0 } else { i }];
        let r = rng[if rng.len() == 1 { 0 } else { i }];
        let v = bounded(g, &mut p, bits, o, r, use_masked);
        store(out, size, i, v);
    }
}

#[inline]
fn store(out: &mut [u8], size: usize, i: usize, v: u64) {
    let item = &mut out[i * size..(i + 1) * size];
    match size {
        8 => item.copy_from_slice(&v.to_ne_bytes()),
        4 => item.copy_from_slice(&(v as u32).to_ne_bytes()),
        2 => item.copy_from_slice(&(v as u16).to_ne_bytes()),
        _ => item[0] = v as u8,
    }
}

/// `out` as items of `T` (the caller checked its alignment).
fn items<T>(out: &mut [u8]) -> &mut [T] {
    let n = out.len() / std::mem::size_of::<T>();
    debug_assert!((out.as_ptr() as usize).is_multiple_of(std::mem::align_of::<T>()));
    // SAFETY: aligned (the caller's check), inside `out`, and any bytes are a valid integer.
    unsafe { std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<T>(), n) }
}

/// One range for every item: the branch numpy's fill takes is chosen once, and Lemire's
/// method runs in the narrowest arithmetic that holds it.
fn fill_one_range<G: BitGen>(
    g: &mut G,
    bits: u32,
    off: u64,
    rng: u64,
    masked_: bool,
    out: &mut [u8],
) {
    let size = (bits as usize).div_ceil(8);
    if masked_ && bits >= 32 && rng != 0 {
        return fill_masked(g, bits, off, rng, out);
    }
    if rng == 0 || masked_ || bits < 32 {
        let mut p = Pieces::default();
        for i in 0..out.len() / size {
            let v = bounded(g, &mut p, bits, off, rng, masked_);
            store(out, size, i, v);
        }
        return;
    }
    if bits == 64 && rng > 0xFFFF_FFFF {
        let out = items::<u64>(out);
        if rng == u64::MAX {
            out.iter_mut()
                .for_each(|x| *x = off.wrapping_add(g.next_u64()));
            return;
        }
        let excl = rng + 1;
        let threshold = (u64::MAX - rng) % excl;
        for x in out {
            let mut m = g.next_u64() as u128 * excl as u128;
            if (m as u64) < excl {
                while (m as u64) < threshold {
                    m = g.next_u64() as u128 * excl as u128;
                }
            }
            *x = off.wrapping_add((m >> 64) as u64);
        }
        return;
    }
    // 32-bit draws (a 32-bit type, or a 64-bit one whose range fits 32 bits)
    let excl = rng + 1;
    let threshold = (0xFFFF_FFFF - rng) % excl.max(1);
    let draw32 = |g: &mut G| -> u64 {
        if rng == 0xFFFF_FFFF {
            return g.next_u32() as u64;
        }
        let mut m = g.next_u32() as u64 * excl;
        if (m as u32 as u64) < excl {
            while (m as u32 as u64) < threshold {
                m = g.next_u32() as u64 * excl;
            }
        }
        m >> 32
    };
    if bits == 64 {
        items::<u64>(out)
            .iter_mut()
            .for_each(|x| *x = off.wrapping_add(draw32(g)));
    } else {
        let off = off as u32;
        items::<u32>(out)
            .iter_mut()
            .for_each(|x| *x = off.wrapping_add(draw32(g) as u32));
    }
}

/// [`fill_one_range`]'s masked rejection (`RandomState`) for 32- and 64-bit items.
fn fill_masked<G: BitGen>(g: &mut G, bits: u32, off: u64, rng: u64, out: &mut [u8]) {
    let mask = mask_of(rng);
    if bits == 64 && rng > 0xFFFF_FFFF {
        let out = items::<u64>(out);
        if rng == u64::MAX {
            out.iter_mut()
                .for_each(|x| *x = off.wrapping_add(g.next_u64()));
            return;
        }
        for x in out {
            let v = loop {
                let v = g.next_u64() & mask;
                if v <= rng {
                    break v;
                }
            };
            *x = off.wrapping_add(v);
        }
        return;
    }
    let (rng, mask) = (rng as u32, mask as u32);
    let draw32 = |g: &mut G| -> u32 {
        if rng == u32::MAX {
            return g.next_u32();
        }
        loop {
            let v = g.next_u32() & mask;
            if v <= rng {
                return v;
            }
        }
    };
    if bits == 64 {
        items::<u64>(out)
            .iter_mut()
            .for_each(|x| *x = off.wrapping_add(draw32(g) as u64));
    } else {
        let off = off as u32;
        items::<u32>(out)
            .iter_mut()
            .for_each(|x| *x = off.wrapping_add(draw32(g)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::pcg64::Pcg64;

    /// The one-range fast paths give the values, and leave the stream, as the per-item path.
    #[test]
    fn one_range_is_per_item() {
        for (bits, off, rng) in [
            (64, 5, 99),
            (64, 0, 0xFFFF_FFFF),
            (64, 1 << 63, (1 << 40) + 7),
            (64, 0, u64::MAX),
            (32, 3, 1000),
            (32, 0, 0xFFFF_FFFF),
            (16, 2, 300),
            (8, 0, 200),
            (1, 0, 1),
        ] {
            let size = (bits as usize).div_ceil(8);
            let mut fast = vec![0u64; 37];
            let fast_bytes = &mut bytes(&mut fast)[..37 * size];
            let (mut g1, mut g2) = (Pcg64::seeded([1, 2, 3, 4]), Pcg64::seeded([1, 2, 3, 4]));
            fill_bounded(&mut g1, bits, &[off], &[rng], false, fast_bytes);
            let mut slow = vec![0u64; 37];
            let slow_bytes = &mut bytes(&mut slow)[..37 * size];
            let (offs, rngs) = (vec![off; 37], vec![rng; 37]);
            fill_bounded(&mut g2, bits, &offs, &rngs, false, slow_bytes);
            assert_eq!(fast, slow, "{bits} {off} {rng}");
            assert_eq!(g1, g2);
        }
    }

    fn bytes(v: &mut [u64]) -> &mut [u8] {
        // SAFETY: plain integers viewed as bytes.
        unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast(), v.len() * 8) }
    }
}
