//! SFC64, Chris Doty-Humphrey's small fast chaotic generator (numpy's `sfc64.h`).

use super::BitGen;

/// numpy's `sfc64_state`: four words and the kept half of the last draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sfc64 {
    pub s: [u64; 4],
    pub has_uint32: bool,
    pub uinteger: u32,
}

impl Sfc64 {
    /// Seeded from three 64-bit words of a SeedSequence, the counter at 1, 12 draws dropped.
    pub fn seeded(words: [u64; 3]) -> Sfc64 {
        let mut g = Sfc64 {
            s: [words[0], words[1], words[2], 1],
            has_uint32: false,
            uinteger: 0,
        };
        for _ in 0..12 {
            g.next_u64();
        }
        g
    }
}

impl BitGen for Sfc64 {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.s;
        let tmp = s0.wrapping_add(s1).wrapping_add(s3);
        self.s = [
            s1 ^ (s1 >> 11),
            s2.wrapping_add(s2 << 3),
            s2.rotate_left(24).wrapping_add(tmp),
            s3.wrapping_add(1),
        ];
        tmp
    }

    half_words!();
}
