//! PCG64 and PCG64DXSM: a 128-bit LCG with the XSL-RR output, or (DXSM) a cheaper multiplier
//! and the double-xorshift-multiply output (numpy's `pcg64.h`).

use super::BitGen;

/// The 128-bit LCG multiplier.
pub const MULT: u128 = (2549297995355413924u128 << 64) + 4865540595714422341u128;

/// PCG64DXSM's 64-bit multiplier (its seeding still uses `MULT`).
pub const CHEAP_MULT: u64 = 0xda942042e4dd58b5;

/// Brown's algorithm: the LCG `state * mult + inc` stepped `delta` times.
fn advance_lcg(state: u128, delta: u128, mult: u128, inc: u128) -> u128 {
    let (mut mult, mut plus, mut delta) = (mult, inc, delta);
    let (mut acc_mult, mut acc_plus) = (1u128, 0u128);
    while delta != 0 {
        if delta & 1 == 1 {
            acc_mult = acc_mult.wrapping_mul(mult);
            acc_plus = acc_plus.wrapping_mul(mult).wrapping_add(plus);
        }
        plus = mult.wrapping_add(1).wrapping_mul(plus);
        mult = mult.wrapping_mul(mult);
        delta >>= 1;
    }
    acc_mult.wrapping_mul(state).wrapping_add(acc_plus)
}

/// numpy's `pcg64_state`: the LCG and the kept high half of the last 64-bit draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg64 {
    pub state: u128,
    pub inc: u128,
    pub has_uint32: bool,
    pub uinteger: u32,
}

impl Pcg64 {
    /// Seeded from four 64-bit words of a SeedSequence (`generate_state(4, uint64)`): the
    /// first two the initial state (high word first), the last two the stream.
    pub fn seeded(words: [u64; 4]) -> Pcg64 {
        let initstate = ((words[0] as u128) << 64) | words[1] as u128;
        let initseq = ((words[2] as u128) << 64) | words[3] as u128;
        let mut g = Pcg64 {
            state: 0,
            inc: (initseq << 1) | 1,
            has_uint32: false,
            uinteger: 0,
        };
        g.step();
        g.state = g.state.wrapping_add(initstate);
        g.step();
        g
    }

    #[inline]
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(MULT).wrapping_add(self.inc);
    }

    /// Move the stream `delta` draws on (mod 2^128: a negative step, wrapped, goes back), by
    /// Brown's algorithm; the kept half word is dropped.
    pub fn advance(&mut self, delta: u128) {
        self.state = advance_lcg(self.state, delta, MULT, self.inc);
        self.has_uint32 = false;
        self.uinteger = 0;
    }
}

impl BitGen for Pcg64 {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        self.step();
        let s = self.state;
        let xored = ((s >> 64) as u64) ^ (s as u64);
        xored.rotate_right((s >> 122) as u32)
    }

    half_words!();
}

/// PCG64DXSM: PCG64's state and seeding, the cheap multiplier and the DXSM output taken
/// from the state before the step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg64Dxsm {
    pub state: u128,
    pub inc: u128,
    pub has_uint32: bool,
    pub uinteger: u32,
}

impl Pcg64Dxsm {
    pub fn seeded(words: [u64; 4]) -> Pcg64Dxsm {
        let g = Pcg64::seeded(words);
        Pcg64Dxsm {
            state: g.state,
            inc: g.inc,
            has_uint32: false,
            uinteger: 0,
        }
    }

    /// As `Pcg64::advance`, with the cheap multiplier.
    pub fn advance(&mut self, delta: u128) {
        self.state = advance_lcg(self.state, delta, CHEAP_MULT as u128, self.inc);
        self.has_uint32 = false;
        self.uinteger = 0;
    }
}

impl BitGen for Pcg64Dxsm {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        let s = self.state;
        let mut hi = (s >> 64) as u64;
        let lo = (s as u64) | 1;
        hi ^= hi >> 32;
        hi = hi.wrapping_mul(CHEAP_MULT);
        hi ^= hi >> 48;
        hi = hi.wrapping_mul(lo);
        self.state = s.wrapping_mul(CHEAP_MULT as u128).wrapping_add(self.inc);
        hi
    }

    half_words!();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stepping one at a time and advancing agree, also backwards (mod 2^128).
    #[test]
    fn advance_is_stepping() {
        let mut a = Pcg64::seeded([1, 2, 3, 4]);
        let mut b = a.clone();
        for _ in 0..1000 {
            a.next_u64();
        }
        b.advance(1000);
        assert_eq!(a.state, b.state);
        b.advance(u128::MAX - 999);
        let c = Pcg64::seeded([1, 2, 3, 4]);
        assert_eq!(b.state, c.state);
    }

    /// The XSL-RR output: the state's high and low words xored, rotated right by its top six
    /// bits; then the 32-bit halves of a draw, low first.
    #[test]
    fn output_is_xsl_rr() {
        let mut g = Pcg64 {
            state: 7,
            inc: 11,
            has_uint32: false,
            uinteger: 0,
        };
        let s = 7u128.wrapping_mul(MULT).wrapping_add(11);
        let want = (((s >> 64) as u64) ^ s as u64).rotate_right((s >> 122) as u32);
        assert_eq!(g.next_u64(), want);
        let v = g.clone().next_u64();
        assert_eq!(g.next_u32(), v as u32);
        assert_eq!(g.next_u32(), (v >> 32) as u32);
    }
}
