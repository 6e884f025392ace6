//! numpy.random's generators and distributions, bit for bit (numpy/random/src; the algorithms
//! and their checks are in plans/random-notes.md). Bit generators keep their state here; the
//! fills write into slices in memory order, as numpy's fill functions do.

pub mod bounded;
pub mod pcg64;

/// A bit generator: numpy's `bitgen_t`.
pub trait BitGen {
    fn next_u64(&mut self) -> u64;
    /// numpy's `next_uint32`: for a 64-bit generator the low half of a draw, its high half
    /// kept for the next call.
    fn next_u32(&mut self) -> u32;
    /// numpy's `next_raw` (the value of `random_raw`).
    fn next_raw(&mut self) -> u64 {
        self.next_u64()
    }
    /// 53 random bits as a double in [0, 1) (numpy's `uint64_to_double`).
    fn next_double(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9007199254740992.0)
    }
    /// 24 random bits as a float in [0, 1) (numpy's `next_float`).
    fn next_float(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 * (1.0 / 16777216.0)
    }
}

/// numpy's `random_raw` into `out`.
pub fn fill_raw<G: BitGen>(g: &mut G, out: &mut [u64]) {
    for x in out {
        *x = g.next_raw();
    }
}

/// `Generator.random(dtype=float64)`: numpy's `random_standard_uniform_fill`.
pub fn fill_double<G: BitGen>(g: &mut G, out: &mut [f64]) {
    for x in out {
        *x = g.next_double();
    }
}

/// `Generator.random(dtype=float32)`: numpy's `random_standard_uniform_fill_f`.
pub fn fill_float<G: BitGen>(g: &mut G, out: &mut [f32]) {
    for x in out {
        *x = g.next_float();
    }
}
