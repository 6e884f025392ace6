//! Bounded integers: numpy's `random_bounded_uint{64,32,16,8}_fill`,
//! `random_buffered_bounded_*` and `random_bounded_bool_fill` (distributions.c). A value is
//! `off + v` (wrapping) for v uniform in [0, rng]: Lemire's multiply-shift rejection
//! (`Generator`) or masked rejection (`RandomState`); 64-bit ranges that fit 32 bits draw 32
//! bits; 8- and 16-bit values and bools come from 32-bit draws cut into pieces, low first, with
//! one buffer per call.

use super::BitGen;

/// The smallest all-ones mask covering `max` (numpy's `gen_mask`).
fn mask_of(max: u64) -> u64 {
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
    let mut p = Pieces::default();
    let size = (bits as usize).div_ceil(8);
    let n = out.len() / size;
    for i in 0..n {
        let o = off[if off.len() == 1 { 0 } else { i }];
        let r = rng[if rng.len() == 1 { 0 } else { i }];
        let v = bounded(g, &mut p, bits, o, r, use_masked);
        let item = &mut out[i * size..(i + 1) * size];
        match size {
            8 => item.copy_from_slice(&v.to_ne_bytes()),
            4 => item.copy_from_slice(&(v as u32).to_ne_bytes()),
            2 => item.copy_from_slice(&(v as u16).to_ne_bytes()),
            _ => item[0] = v as u8,
        }
    }
}
