//! Philox 4x64-10, the counter-based generator of Salmon et al. (numpy's `philox.h`): each
//! 256-bit counter value gives a block of four draws under a 128-bit key.

use super::BitGen;

const M0: u64 = 0xD2E7470EE14C6C93;
const M1: u64 = 0xCA5A826395121157;
const W0: u64 = 0x9E3779B97F4A7C15;
const W1: u64 = 0xBB67AE8584CAA73B;

/// numpy's `philox_state`: counter (least significant word first), key, the current block
/// and the position in it (4: empty), and the kept half of the last draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Philox {
    pub ctr: [u64; 4],
    pub key: [u64; 2],
    pub buffer: [u64; 4],
    pub buffer_pos: usize,
    pub has_uint32: bool,
    pub uinteger: u32,
}

#[inline]
fn mul128(a: u64, b: u64) -> (u64, u64) {
    let p = a as u128 * b as u128;
    ((p >> 64) as u64, p as u64)
}

#[inline]
fn round(c: [u64; 4], k: [u64; 2]) -> [u64; 4] {
    let (hi0, lo0) = mul128(M0, c[0]);
    let (hi1, lo1) = mul128(M1, c[2]);
    [hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0]
}

/// Ten rounds, the key bumped between them.
fn block(ctr: [u64; 4], key: [u64; 2]) -> [u64; 4] {
    let mut c = round(ctr, key);
    let mut k = key;
    for _ in 0..9 {
        k = [k[0].wrapping_add(W0), k[1].wrapping_add(W1)];
        c = round(c, k);
    }
    c
}

/// `ctr += add` over 256 bits.
fn add256(ctr: &mut [u64; 4], add: [u64; 4]) {
    let mut carry = 0u64;
    for (c, a) in ctr.iter_mut().zip(add) {
        let (s1, o1) = c.overflowing_add(a);
        let (s2, o2) = s1.overflowing_add(carry);
        *c = s2;
        carry = (o1 || o2) as u64;
    }
}

impl Philox {
    pub fn new(ctr: [u64; 4], key: [u64; 2]) -> Philox {
        Philox {
            ctr,
            key,
            buffer: [0; 4],
            buffer_pos: 4,
            has_uint32: false,
            uinteger: 0,
        }
    }

    /// Move the counter `delta` blocks on (mod 2^256); the current block and the kept half
    /// are dropped.
    pub fn advance(&mut self, delta: [u64; 4]) {
        add256(&mut self.ctr, delta);
        self.buffer = [0; 4];
        self.buffer_pos = 4;
        self.has_uint32 = false;
        self.uinteger = 0;
    }
}

impl BitGen for Philox {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        if self.buffer_pos < 4 {
            let v = self.buffer[self.buffer_pos];
            self.buffer_pos += 1;
            return v;
        }
        add256(&mut self.ctr, [1, 0, 0, 0]);
        self.buffer = block(self.ctr, self.key);
        self.buffer_pos = 1;
        self.buffer[0]
    }

    half_words!();
}
