//! The real matrix product C = A B for f32 and f64 on CPUs with AVX2 and FMA, in BLIS's loop
//! structure: B is packed into KC x NC panels, A into MC x KC blocks, and a register-tile
//! micro-kernel of MR x NR (6 rows by two vectors) runs over them, its twelve accumulators
//! covering the FMA units' latency. The kernels come in two families chosen at run time
//! ([`Tiles`]): 256-bit vectors (AVX2) and, where the CPU has AVX-512F, 512-bit ones, whose
//! tile is twice as wide and whose panels are shallower (B's micro-panel stays in L1). Each
//! family's blocking was measured on one CPU; where a CPU's L2 is smaller, it comes from the
//! CPU's caches ([`blocking`]).
//! Measured: on AMD Zen 3 the 256-bit kernel alone at 97% of the core's peak; on Intel's
//! server cores (two 512-bit FMA units) the 512-bit kernel alone at 99%, where the 256-bit one
//! reaches half of it. Matrix-vector products with contiguous rows have their own kernel
//! (`gemv_rows`: four rows a pass sharing the vector's loads). Other element types and CPUs
//! without FMA use faer (`linalg.rs`).
//!
//! Strides are in elements and may be anything (negative too); the output must not overlap
//! the inputs.

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

use super::helpers::wait_until;

/// The size of each piece when `len` is cut into pieces of at most `max` (a multiple of
/// `unit`): the pieces equal (to a multiple of `unit`), so the last is not a thin one.
fn piece(len: usize, max: usize, unit: usize) -> usize {
    len.div_ceil(len.div_ceil(max))
        .next_multiple_of(unit)
        .min(len)
}

/// How far ahead (in k steps) the kernel prefetches packed A.
const PREFETCH: usize = 16;
/// How far ahead (in k steps) the kernel prefetches packed B.
const PREFETCH_B: usize = 4;
/// How far ahead (in rows) packing B prefetches its source rows (6 and 24 measured 1% slower
/// at 1000^2, none 2-4%).
const PREFETCH_ROWS: usize = 12;
/// Rows of the register tile.
const MR: usize = 6;
/// Most columns of B's panels where they are read from L3 ([`blocking`]).
const NC_L3: usize = 4064;
/// Items of the edge tile: the largest register tile (MR x 32 f32).
const EDGE: usize = MR * 32;

/// A matrix operand: pointer and strides (in elements) between rows and between columns.
#[derive(Clone, Copy)]
pub struct Mat<T> {
    pub ptr: *const T,
    pub rs: isize,
    pub cs: isize,
}

/// The output operand.
#[derive(Clone, Copy)]
pub struct MatMut<T> {
    pub ptr: *mut T,
    pub rs: isize,
    pub cs: isize,
}

// SAFETY: the pointers are only dereferenced inside `gemm`, whose caller guarantees the
// operands; parallel parts write disjoint parts of the output.
unsafe impl<T> Send for Mat<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for Mat<T> {}
// SAFETY: as above.
unsafe impl<T> Send for MatMut<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for MatMut<T> {}

/// A family of register-tile kernels for `T` (one instruction set): the tile's columns, the
/// depth of a packed panel, and the kernels.
pub trait Tiles<T>: 'static {
    /// Columns of the register tile (two vectors).
    const NR: usize;
    /// Depth of a packed panel (the k extent one kernel call covers): B's micro-panel of KC x
    /// NR stays in L1 while the kernel runs over A's block.
    const KC: usize;
    /// Rows of a packed block of A (a multiple of MR).
    const MC: usize;
    /// Most columns of a packed panel of B (a multiple of NR): panels of about 1 MiB stay
    /// in L2, whose reuse across A's blocks then never waits on L3.
    const NC: usize;
    /// The level-2 cache (bytes a core) KC, MC and NC were measured on: on a CPU with less,
    /// the blocking is derived from its caches instead ([`blocking`]).
    const TUNED_L2: usize;

    /// Whether this CPU runs the kernels.
    fn usable() -> bool;

    /// Pack the first steps of a whole panel of A whose rows `r` have contiguous items into
    /// `d` (MR values a step), in vector blocks; the steps packed (the caller packs the rest).
    ///
    /// # Safety
    /// [`Tiles::usable`]; each row holds `kc` items, `d` has room for `kc * MR`.
    unsafe fn pack_rows(r: &[*const T; MR], kc: usize, d: *mut T) -> usize;

    /// [`pack_b`] with this family's micro-panel width, compiled for its instruction set.
    ///
    /// # Safety
    /// As [`pack_b`], and [`Tiles::usable`].
    unsafe fn pack_b(b: Mat<T>, kc: usize, nc: usize, dst: *mut T, negate: bool);

    /// `C[0..MR, 0..NR] (=|+=) Apanel^T Bpanel` over `kc` steps; `a`: kc groups of MR, `b`: kc
    /// groups of NR (64-byte aligned).
    ///
    /// # Safety
    /// [`Tiles::usable`]; the panels hold `kc` steps; C's tile is writable and its rows are
    /// contiguous (`c.cs == 1`).
    unsafe fn kernel(kc: usize, a: *const T, b: *const T, c: MatMut<T>, accumulate: bool);

    /// `C[0..2*MR, 0..NR/2] (=|+=) [A0; A1]^T Bpanel[.., 0..NR/2]`: two panels of A, the
    /// first half of each step of B's panel.
    ///
    /// # Safety
    /// As [`Tiles::kernel`], with both panels of A.
    unsafe fn narrow(
        kc: usize,
        a0: *const T,
        a1: *const T,
        b: *const T,
        c: MatMut<T>,
        accumulate: bool,
    );
}

/// The kernels on 256-bit vectors (AVX2 and FMA).
pub enum Avx2 {}
/// The kernels on 512-bit vectors (AVX-512F): twice the FMA width of [`Avx2`] where the CPU
/// has two 512-bit FMA units (Intel's server cores), the same work in half the instructions
/// where it splits them (AMD Zen 4).
pub enum Avx512 {}

/// An element type with register-tile kernels.
pub trait Real:
    Copy + Default + Send + Sync + std::ops::Add<Output = Self> + std::ops::Neg<Output = Self> + 'static
{
    /// `y[i] = A[i, :] . x` for `rows` rows of a row-major A (row stride `rs`), x contiguous
    /// (`avx2_dot_rows`).
    ///
    /// # Safety
    /// [`available`]; A holds the rows, x `n` items, y `rows` items at stride `incy`.
    unsafe fn dot_rows(
        rows: usize,
        n: usize,
        a: *const Self,
        rs: isize,
        x: *const Self,
        y: *mut Self,
        incy: isize,
    );

    /// `y[..rows] += A x` for `rows` rows of an A whose columns are contiguous (column stride
    /// `cs`), x `n` contiguous items (`avx2_axpy_cols`).
    ///
    /// # Safety
    /// [`available`]; A holds the columns' rows, x `n` items, y `rows` items.
    unsafe fn axpy_cols(
        rows: usize,
        n: usize,
        a: *const Self,
        cs: isize,
        x: *const Self,
        y: *mut Self,
    );
}

/// The register-tile kernels for one element type and vector width: `$w` items a vector,
/// target feature `$feat`, the vector intrinsics after it.
macro_rules! tile_kernels {
    ($name:ident, $narrow:ident, $feat:literal, $t:ty, $w:expr, $zero:ident, $load:ident,
     $loadu:ident, $storeu:ident, $bcast:ident, $fmadd:ident, $add:ident) => {
        /// The 6 x (2 vectors) tile product.
        ///
        /// # Safety
        /// As [`Tiles::kernel`].
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = $feat)]
        unsafe fn $name(kc: usize, a: *const $t, b: *const $t, c: MatMut<$t>, accumulate: bool) {
            const NR: usize = 2 * $w;
            debug_assert_eq!(c.cs, 1);
            let mut acc = [[$zero(); 2]; MR];
            let (mut a, mut b) = (a, b);
            // SAFETY: the caller's guarantee: the panels hold kc steps, C's tile is in bounds
            // with its rows contiguous (prefetches never fault).
            unsafe {
                for i in 0..MR as isize {
                    let row = c.ptr.offset(i * c.rs);
                    _mm_prefetch::<_MM_HINT_T0>(row as *const i8);
                    _mm_prefetch::<_MM_HINT_T0>(row.add(NR - 1) as *const i8);
                }
                macro_rules! step {
                    () => {{
                        let b0 = $load(b);
                        let b1 = $load(b.add($w));
                        for i in 0..MR {
                            let x = $bcast(*a.add(i));
                            acc[i][0] = $fmadd(x, b0, acc[i][0]);
                            acc[i][1] = $fmadd(x, b1, acc[i][1]);
                        }
                        a = a.add(MR);
                        b = b.add(NR);
                    }};
                }
                let mut p = kc;
                while p >= 4 {
                    let ahead = a.wrapping_add(PREFETCH * MR) as *const i8;
                    _mm_prefetch::<_MM_HINT_T0>(ahead);
                    _mm_prefetch::<_MM_HINT_T0>(ahead.wrapping_add(64));
                    _mm_prefetch::<_MM_HINT_T0>(ahead.wrapping_add(128));
                    // B's next four steps: its panel comes from L3 on its first tile of
                    // each block.
                    let bahead = b.wrapping_add(PREFETCH_B * NR) as *const i8;
                    for line in 0..PREFETCH_B * NR * size_of::<$t>() / 64 {
                        _mm_prefetch::<_MM_HINT_T0>(bahead.wrapping_add(64 * line));
                    }
                    step!();
                    step!();
                    step!();
                    step!();
                    p -= 4;
                }
                while p > 0 {
                    step!();
                    p -= 1;
                }
                for (i, r) in acc.iter().enumerate() {
                    let d = c.ptr.offset(i as isize * c.rs);
                    if accumulate {
                        $storeu(d, $add($loadu(d), r[0]));
                        $storeu(d.add($w), $add($loadu(d.add($w)), r[1]));
                    } else {
                        $storeu(d, r[0]);
                        $storeu(d.add($w), r[1]);
                    }
                }
            }
        }

        /// The 12 x (1 vector) tile product: two panels of A, the first vector of each step
        /// of B's panel. Twelve accumulators, as in the full tile, keep the FMA units busy
        /// where C's last columns fill only one vector.
        ///
        /// # Safety
        /// As [`Tiles::narrow`].
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = $feat)]
        unsafe fn $narrow(
            kc: usize,
            a0: *const $t,
            a1: *const $t,
            b: *const $t,
            c: MatMut<$t>,
            accumulate: bool,
        ) {
            const NR: usize = 2 * $w;
            debug_assert_eq!(c.cs, 1);
            let mut acc = [$zero(); 2 * MR];
            let (mut a0, mut a1, mut b) = (a0, a1, b);
            // SAFETY: the caller's guarantee: the panels hold kc steps, C's tile is in bounds
            // with its rows contiguous (prefetches never fault).
            unsafe {
                for p in 0..kc {
                    if p % 4 == 0 {
                        let ahead = PREFETCH * MR;
                        _mm_prefetch::<_MM_HINT_T0>(a0.wrapping_add(ahead) as *const i8);
                        _mm_prefetch::<_MM_HINT_T0>(a1.wrapping_add(ahead) as *const i8);
                    }
                    let b0 = $load(b);
                    for i in 0..MR {
                        acc[i] = $fmadd($bcast(*a0.add(i)), b0, acc[i]);
                        acc[MR + i] = $fmadd($bcast(*a1.add(i)), b0, acc[MR + i]);
                    }
                    a0 = a0.add(MR);
                    a1 = a1.add(MR);
                    b = b.add(NR);
                }
                for (i, r) in acc.iter().enumerate() {
                    let d = c.ptr.offset(i as isize * c.rs);
                    if accumulate {
                        $storeu(d, $add($loadu(d), *r));
                    } else {
                        $storeu(d, *r);
                    }
                }
            }
        }
    };
}

tile_kernels!(
    kernel_f64,
    narrow_f64,
    "avx2,fma",
    f64,
    4,
    _mm256_setzero_pd,
    _mm256_load_pd,
    _mm256_loadu_pd,
    _mm256_storeu_pd,
    _mm256_set1_pd,
    _mm256_fmadd_pd,
    _mm256_add_pd
);
tile_kernels!(
    kernel_f32,
    narrow_f32,
    "avx2,fma",
    f32,
    8,
    _mm256_setzero_ps,
    _mm256_load_ps,
    _mm256_loadu_ps,
    _mm256_storeu_ps,
    _mm256_set1_ps,
    _mm256_fmadd_ps,
    _mm256_add_ps
);
tile_kernels!(
    kernel_f64_512,
    narrow_f64_512,
    "avx512f",
    f64,
    8,
    _mm512_setzero_pd,
    _mm512_load_pd,
    _mm512_loadu_pd,
    _mm512_storeu_pd,
    _mm512_set1_pd,
    _mm512_fmadd_pd,
    _mm512_add_pd
);
tile_kernels!(
    kernel_f32_512,
    narrow_f32_512,
    "avx512f",
    f32,
    16,
    _mm512_setzero_ps,
    _mm512_load_ps,
    _mm512_loadu_ps,
    _mm512_storeu_ps,
    _mm512_set1_ps,
    _mm512_fmadd_ps,
    _mm512_add_ps
);

/// The first steps of transposing six f32 rows `r` from step `p` on, within each 128-bit
/// lane: the rows loaded (one vector each), paired, then grouped, so that lane `l` of `u[j]`
/// (j < 4) holds step `4l + j` of rows 0-3 and of `u[4 + j]` the same step of rows 4-5 (twice).
/// What is left is moving lanes, which depends on the width.
macro_rules! in_lanes {
    ($r:expr, $p:expr, $load:ident, $unpacklo:ident, $unpackhi:ident, $shuffle:ident) => {{
        let l = |i: usize| $load($r[i].add($p));
        let (r0, r1, r2, r3, r4, r5) = (l(0), l(1), l(2), l(3), l(4), l(5));
        let (t0, t1) = ($unpacklo(r0, r1), $unpackhi(r0, r1));
        let (t2, t3) = ($unpacklo(r2, r3), $unpackhi(r2, r3));
        let (t4, t5) = ($unpacklo(r4, r5), $unpackhi(r4, r5));
        [
            $shuffle::<0x44>(t0, t2),
            $shuffle::<0xEE>(t0, t2),
            $shuffle::<0x44>(t1, t3),
            $shuffle::<0xEE>(t1, t3),
            $shuffle::<0x44>(t4, t4),
            $shuffle::<0xEE>(t4, t4),
            $shuffle::<0x44>(t5, t5),
            $shuffle::<0xEE>(t5, t5),
        ]
    }};
}

/// [`Tiles::pack_rows`] for f32: eight steps at a time, the six rows (and the last once more,
/// twice) transposed as an 8 x 8 block. Each step's store writes two values past its six,
/// which the next step's store overwrites: the blocks stop while a step remains after them.
///
/// # Safety
/// As [`Tiles::pack_rows`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn pack_rows_f32(r: &[*const f32; MR], kc: usize, d: *mut f32) -> usize {
    let mut p = 0;
    // SAFETY: loads inside the rows (p + 8 <= kc); stores inside `d` (p + 8 < kc steps of MR).
    unsafe {
        while p + 8 < kc {
            let [u0, u1, u2, u3, u4, u5, u6, u7] = in_lanes!(
                r,
                p,
                _mm256_loadu_ps,
                _mm256_unpacklo_ps,
                _mm256_unpackhi_ps,
                _mm256_shuffle_ps
            );
            let cols = [
                _mm256_permute2f128_ps::<0x20>(u0, u4),
                _mm256_permute2f128_ps::<0x20>(u1, u5),
                _mm256_permute2f128_ps::<0x20>(u2, u6),
                _mm256_permute2f128_ps::<0x20>(u3, u7),
                _mm256_permute2f128_ps::<0x31>(u0, u4),
                _mm256_permute2f128_ps::<0x31>(u1, u5),
                _mm256_permute2f128_ps::<0x31>(u2, u6),
                _mm256_permute2f128_ps::<0x31>(u3, u7),
            ];
            let dp = d.add(p * MR);
            for (j, v) in cols.iter().enumerate() {
                _mm256_storeu_ps(dp.add(j * MR), *v);
            }
            p += 8;
        }
    }
    p
}

/// [`Tiles::pack_rows`] for f64: four steps at a time, the first four rows transposed as a 4 x
/// 4 block, the last two as 2 x 2 blocks.
///
/// # Safety
/// As [`Tiles::pack_rows`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn pack_rows_f64(r: &[*const f64; MR], kc: usize, d: *mut f64) -> usize {
    let mut p = 0;
    // SAFETY: loads inside the rows (p + 4 <= kc); stores inside `d` (4 steps of MR).
    unsafe {
        while p + 4 <= kc {
            let l = |i: usize| _mm256_loadu_pd(r[i].add(p));
            let (r0, r1, r2, r3, r4, r5) = (l(0), l(1), l(2), l(3), l(4), l(5));
            let t0 = _mm256_unpacklo_pd(r0, r1);
            let t1 = _mm256_unpackhi_pd(r0, r1);
            let t2 = _mm256_unpacklo_pd(r2, r3);
            let t3 = _mm256_unpackhi_pd(r2, r3);
            let u0 = _mm256_unpacklo_pd(r4, r5);
            let u1 = _mm256_unpackhi_pd(r4, r5);
            let heads = [
                _mm256_permute2f128_pd::<0x20>(t0, t2),
                _mm256_permute2f128_pd::<0x20>(t1, t3),
                _mm256_permute2f128_pd::<0x31>(t0, t2),
                _mm256_permute2f128_pd::<0x31>(t1, t3),
            ];
            let tails = [
                _mm256_castpd256_pd128(u0),
                _mm256_castpd256_pd128(u1),
                _mm256_extractf128_pd::<1>(u0),
                _mm256_extractf128_pd::<1>(u1),
            ];
            let dp = d.add(p * MR);
            for j in 0..4 {
                _mm256_storeu_pd(dp.add(j * MR), heads[j]);
                _mm_storeu_pd(dp.add(j * MR + 4), tails[j]);
            }
            p += 4;
        }
    }
    p
}

/// [`Tiles::pack_rows`] for f32 on 512-bit vectors: sixteen steps at a time, as
/// [`pack_rows_f32`] does eight, each 128-bit lane transposed in place and the halves of the
/// eight results (steps `j` and `j + 8`) stored with six-lane masks.
///
/// # Safety
/// As [`Tiles::pack_rows`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn pack_rows_f32_512(r: &[*const f32; MR], kc: usize, d: *mut f32) -> usize {
    let mut p = 0;
    // Lanes 0 and 2 (or 1 and 3) of the first source with the same of the second: steps j and
    // j + 8 (or j + 4 and j + 12) of the 8 x 8 transposition.
    let lo = _mm512_setr_epi32(0, 1, 2, 3, 16, 17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27);
    let hi = _mm512_setr_epi32(4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31);
    // SAFETY: loads inside the rows (p + 16 <= kc); masked stores inside `d`.
    unsafe {
        while p + 16 <= kc {
            let [u0, u1, u2, u3, u4, u5, u6, u7] = in_lanes!(
                r,
                p,
                _mm512_loadu_ps,
                _mm512_unpacklo_ps,
                _mm512_unpackhi_ps,
                _mm512_shuffle_ps
            );
            let cols = [
                _mm512_permutex2var_ps(u0, lo, u4),
                _mm512_permutex2var_ps(u1, lo, u5),
                _mm512_permutex2var_ps(u2, lo, u6),
                _mm512_permutex2var_ps(u3, lo, u7),
                _mm512_permutex2var_ps(u0, hi, u4),
                _mm512_permutex2var_ps(u1, hi, u5),
                _mm512_permutex2var_ps(u2, hi, u6),
                _mm512_permutex2var_ps(u3, hi, u7),
            ];
            let dp = d.add(p * MR);
            for (j, v) in cols.iter().enumerate() {
                _mm512_mask_storeu_ps(dp.add(j * MR), 0x003F, *v);
                _mm512_mask_storeu_ps(dp.add((j + 8) * MR - 8), 0x3F00, *v);
            }
            p += 16;
        }
    }
    p
}

/// Whether this CPU runs the kernels (AVX2 and FMA, unless `RUMPY_NO_SIMD`).
pub fn available() -> bool {
    crate::kernels::simd_level() >= crate::kernels::Simd::Avx2
}

/// Blocking (KC, MC, NC) for kernels `K` on this CPU: the family's measured constants, or,
/// where the CPU's level-2 cache is smaller than the one they were measured on, Goto's
/// arrangement from its caches: B's micro-panel (KC x NR) in three quarters of L1, A's block
/// (MC x KC) in a little over half of L2, B's panels read from L3. On AMD Zen 4 (L1 32 KiB, L2
/// 1 MiB) the 512-bit family's constants, measured on 2 MiB of L2, kept B's 1 MiB panels in
/// L2 that could not hold them and read B from L3 once for every 36 rows of A: 3-24% slower
/// than from the caches (KC 192, MC 384 for f64, 768 for f32) at 1000-2000, and up to 1.6x
/// for shapes like 500 x 1000 x 1000, most when another tenant of the host loads L3.
fn blocking<T, K: Tiles<T>>() -> (usize, usize, usize) {
    blocking_for::<T, K>(crate::kernels::cache_sizes())
}

/// [`blocking`] for a CPU with `caches` (L1 data and L2 bytes, if known).
fn blocking_for<T, K: Tiles<T>>(caches: Option<(usize, usize)>) -> (usize, usize, usize) {
    match caches {
        Some((l1, l2)) if l2 < K::TUNED_L2 => {
            let size = std::mem::size_of::<T>();
            let kc = (l1 * 3 / 4 / (K::NR * size) / 8 * 8).clamp(128, 512);
            let mc = (l2 * 9 / 16 / (kc * size) / MR * MR).clamp(6 * MR, 1020);
            (kc, mc, NC_L3)
        }
        _ => (K::KC, K::MC, K::NC),
    }
}

/// Whether this CPU runs the 512-bit kernels ([`Avx512`]).
pub fn wide() -> bool {
    crate::kernels::simd_level() == crate::kernels::Simd::Avx512
}

/// A 64-byte aligned scratch buffer of `n` elements, not initialised: packing writes every
/// element the kernels read (padding included). Buffers are kept for the next product
/// ([`SPARE`]): one freshly mapped by the system costs a page fault per 4 KiB on first use,
/// which for a short, wide product was a third of its time.
struct Scratch<T> {
    raw: Vec<Word>,
    ptr: *mut T,
}

/// Scratch storage: 8-byte words, uninitialised.
type Word = std::mem::MaybeUninit<u64>;

/// Scratch buffers of finished products, at most [`SPARE_COUNT`] of at most [`SPARE_BYTES`].
static SPARE: std::sync::Mutex<Vec<Vec<Word>>> = std::sync::Mutex::new(Vec::new());
const SPARE_COUNT: usize = 8;
const SPARE_BYTES: usize = 32 << 20;

// SAFETY: the buffer is owned; who writes and reads which part is the driver's protocol.
unsafe impl<T: Send> Send for Scratch<T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for Scratch<T> {}

impl<T: Real> Scratch<T> {
    fn new(n: usize) -> Self {
        let words = (n * std::mem::size_of::<T>()).div_ceil(8) + 8;
        let spare = {
            let mut spare = SPARE.lock().unwrap_or_else(|e| e.into_inner());
            // The smallest that is large enough.
            let best = (0..spare.len())
                .filter(|&i| spare[i].capacity() >= words)
                .min_by_key(|&i| spare[i].capacity());
            best.map(|i| spare.swap_remove(i))
        };
        let mut raw = spare.unwrap_or_else(|| Vec::with_capacity(words));
        // SAFETY: MaybeUninit items need no initialisation.
        unsafe { raw.set_len(words) };
        let off = raw.as_ptr().align_offset(64);
        let ptr = raw[off..].as_mut_ptr() as *mut T;
        Scratch { raw, ptr }
    }
}

impl<T> Drop for Scratch<T> {
    fn drop(&mut self) {
        if self.raw.capacity() * 8 > SPARE_BYTES {
            return;
        }
        let mut spare = SPARE.lock().unwrap_or_else(|e| e.into_inner());
        if spare.len() == SPARE_COUNT {
            // Keep the larger ones.
            let (i, _) = spare
                .iter()
                .enumerate()
                .min_by_key(|(_, v)| v.capacity())
                .expect("full");
            if spare[i].capacity() >= self.raw.capacity() {
                return;
            }
            spare.swap_remove(i);
        }
        spare.push(std::mem::take(&mut self.raw));
    }
}

/// Pack rows `0..mc`, columns `0..kc` of `a` as micro-panels of MR rows (zero-padded): panel
/// `q` holds, for each `p`, the MR values `a[q*MR + i, p]`.
///
/// # Safety
/// `a` holds the block; `dst` has room for `mc.div_ceil(MR) * MR * kc` elements.
unsafe fn pack_a<T: Real, K: Tiles<T>>(a: Mat<T>, mc: usize, kc: usize, dst: *mut T) {
    let mut d = dst;
    for q in (0..mc).step_by(MR) {
        let rows = MR.min(mc - q);
        // SAFETY: the caller's guarantee.
        unsafe {
            let base = a.ptr.offset(q as isize * a.rs);
            if rows == MR {
                // A whole panel: the six rows read side by side, no padding to test for.
                let r: [*const T; MR] = std::array::from_fn(|i| base.offset(i as isize * a.rs));
                let done = if a.cs == 1 {
                    K::pack_rows(&r, kc, d)
                } else {
                    0
                };
                d = d.add(done * MR);
                for p in done as isize..kc as isize {
                    for (i, row) in r.iter().enumerate() {
                        *d.add(i) = *row.offset(p * a.cs);
                    }
                    d = d.add(MR);
                }
                continue;
            }
            for p in 0..kc {
                let s = base.offset(p as isize * a.cs);
                for i in 0..MR {
                    *d.add(i) = if i < rows {
                        *s.offset(i as isize * a.rs)
                    } else {
                        T::default()
                    };
                }
                d = d.add(MR);
            }
        }
    }
}

/// Pack rows `0..kc`, columns `0..nc` of `b` (negated if `negate`) as micro-panels of `NR`
/// columns (zero-padded).
/// Rows with contiguous items are read whole, step by step across the micro-panels (long
/// runs for the hardware's prefetcher), each full micro-panel's step a copy of constant size
/// (vector moves of the caller's width).
///
/// # Safety
/// `b` holds the panel; `dst` has room for `nc.div_ceil(NR) * NR * kc` elements.
#[inline(always)]
unsafe fn pack_b<T: Real, const NR: usize>(
    b: Mat<T>,
    kc: usize,
    nc: usize,
    dst: *mut T,
    negate: bool,
) {
    let put = |x: T| if negate { -x } else { x };
    let full = nc / NR;
    // SAFETY: the caller's guarantee.
    unsafe {
        if b.cs == 1 {
            for p in 0..kc {
                let s = b.ptr.offset(p as isize * b.rs);
                // Each step's row starts a new page, where the hardware's prefetcher stops.
                let ahead = s.wrapping_offset(PREFETCH_ROWS as isize * b.rs) as *const i8;
                for line in (0..nc * size_of::<T>()).step_by(64) {
                    _mm_prefetch::<_MM_HINT_T0>(ahead.wrapping_add(line));
                }
                for q in 0..full {
                    let d = dst.add((q * kc + p) * NR);
                    if negate {
                        for j in 0..NR {
                            *d.add(j) = -*s.add(q * NR + j);
                        }
                    } else {
                        std::ptr::copy_nonoverlapping(s.add(q * NR), d, NR);
                    }
                }
            }
        } else {
            for q in 0..full {
                let base = b.ptr.offset((q * NR) as isize * b.cs);
                let d = dst.add(q * kc * NR);
                for p in 0..kc {
                    let s = base.offset(p as isize * b.rs);
                    for j in 0..NR {
                        *d.add(p * NR + j) = put(*s.offset(j as isize * b.cs));
                    }
                }
            }
        }
        let cols = nc - full * NR;
        if cols > 0 {
            let base = b.ptr.offset((full * NR) as isize * b.cs);
            let d = dst.add(full * kc * NR);
            for p in 0..kc {
                let s = base.offset(p as isize * b.rs);
                for j in 0..NR {
                    *d.add(p * NR + j) = if j < cols {
                        put(*s.offset(j as isize * b.cs))
                    } else {
                        T::default()
                    };
                }
            }
        }
    }
}

/// C (mc x nc) (=|+=) a packed block of A (mc x kc) times a packed panel of B (kc x nc): the
/// register tile over every micro-panel pair, the narrow tile over pairs of A's panels where a
/// last panel of B is half empty.
///
/// # Safety
/// The packed operands hold the block and panel; C's rows and columns are inside C.
#[allow(clippy::too_many_arguments)]
unsafe fn macro_kernel<T: Real, K: Tiles<T>>(
    mc: usize,
    nc: usize,
    kc: usize,
    ap: *const T,
    bp: *const T,
    c: MatMut<T>,
    accumulate: bool,
    edge: &mut [T; EDGE],
) {
    let (nr, half) = (K::NR, K::NR / 2);
    for jr in (0..nc).step_by(nr) {
        let cols = nr.min(nc - jr);
        // SAFETY: the caller's guarantee.
        unsafe {
            let bp = bp.add(jr * kc);
            let mut ir = 0;
            if cols <= half {
                while ir + MR < mc {
                    let (a0, a1) = (ap.add(ir * kc), ap.add((ir + MR) * kc));
                    let used = ((2 * MR).min(mc - ir), cols);
                    tile(
                        c.at(ir, jr),
                        (2 * MR, half),
                        used,
                        accumulate,
                        edge,
                        |t, acc| K::narrow(kc, a0, a1, bp, t, acc),
                    );
                    ir += 2 * MR;
                }
            }
            for ir in (ir..mc).step_by(MR) {
                let a = ap.add(ir * kc);
                let used = (MR.min(mc - ir), cols);
                tile(c.at(ir, jr), (MR, nr), used, accumulate, edge, |t, acc| {
                    K::kernel(kc, a, bp, t, acc)
                });
            }
        }
    }
}

/// Run a register-tile kernel `f` (its output and whether to accumulate) for the tile of
/// `shape` (rows, columns) at `c` of which the `used` part lies in C: straight into C when
/// all of it does and C's rows are contiguous, otherwise into `edge` and from there into C.
///
/// # Safety
/// The used part lies in C; `edge` holds the shape.
#[inline(always)]
unsafe fn tile<T: Real>(
    c: MatMut<T>,
    shape: (usize, usize),
    used: (usize, usize),
    accumulate: bool,
    edge: &mut [T; EDGE],
    f: impl FnOnce(MatMut<T>, bool),
) {
    if used == shape && c.cs == 1 {
        return f(c, accumulate);
    }
    let e = MatMut {
        ptr: edge.as_mut_ptr(),
        rs: shape.1 as isize,
        cs: 1,
    };
    f(e, false);
    for i in 0..used.0 {
        for j in 0..used.1 {
            // SAFETY: the caller's guarantee.
            let d = unsafe { c.at(i, j).ptr };
            let v = edge[i * shape.1 + j];
            // SAFETY: as above.
            unsafe { *d = if accumulate { *d + v } else { v } };
        }
    }
}

impl<T> Mat<T> {
    /// The operand from row `i`, column `j` on.
    ///
    /// # Safety
    /// The element is inside the operand.
    unsafe fn at(self, i: usize, j: usize) -> Self {
        // SAFETY: the caller's guarantee.
        let ptr = unsafe { self.ptr.offset(i as isize * self.rs + j as isize * self.cs) };
        Mat { ptr, ..self }
    }
}

impl<T> MatMut<T> {
    /// As [`Mat::at`].
    ///
    /// # Safety
    /// As [`Mat::at`].
    unsafe fn at(self, i: usize, j: usize) -> Self {
        // SAFETY: the caller's guarantee.
        let ptr = unsafe { self.ptr.offset(i as isize * self.rs + j as isize * self.cs) };
        MatMut { ptr, ..self }
    }
}

/// Micro-panels of B packed by one claim.
const PACK_GROUP: usize = 4;

/// One KC x NC panel of B: its columns `jc..jc + nc` and rows `pc..pc + kc`, in `units`
/// claims of packing.
struct Stage {
    jc: usize,
    nc: usize,
    pc: usize,
    kc: usize,
    units: usize,
}

/// The product, stage after stage (a panel of B each), on the calling thread and whichever
/// helper threads join. Each stage's panel is packed once, into one of two buffers, its
/// micro-panels claimed a group at a time by every thread that gets there; then the threads
/// claim C's rows a block at a time, each packing its block of A and multiplying it by the
/// panel. Claims are dynamic, as the packing's: a thread that the host stops for a while holds
/// up only the block it has, and the others take the rest (a static split of the rows waits
/// for the slowest part; on a virtual machine whose CPUs are taken away for milliseconds at a
/// time, that was 2-10% of a 1000^2 product). The last stage's blocks shrink as it ends, so the
/// threads finish together.
///
/// Nobody waits for work nobody has started: a thread waits only for packing or rows claimed
/// by a running thread (a block of the next stage for the same rows of the one before, a
/// buffer for the readers of the stage two before it). So the product completes on the
/// calling thread alone when no helper comes, and a helper that starts late finds every claim
/// taken and returns without touching the operands.
struct Team<T, K> {
    kernels: std::marker::PhantomData<fn() -> K>,
    a: Mat<T>,
    b: Mat<T>,
    c: MatMut<T>,
    m: usize,
    /// Rows of a block of A.
    mc: usize,
    stages: Vec<Stage>,
    /// B's buffers, two (one for a single stage or thread): stage `s` is packed into
    /// `bufs[s % bufs.len()]`.
    bufs: Vec<Scratch<T>>,
    /// Packed A: each thread's own, one block at a time; or, where B has several panels side
    /// by side (`a_kept`), one for all, holding every row at the depth of a stage, packed in
    /// the stage of the first panel and read again in the others (packing A again for each
    /// costs more than reading it from L3). Rows packed by one thread may be read by another:
    /// a block waits for the stages before on its rows, the first panel's among them. All
    /// scratch is allocated here, on the calling thread: a worker's own allocations of this
    /// size come back from the system page by page on every call.
    apacks: Vec<Scratch<T>>,
    a_kept: bool,
    threads: usize,
    /// Per stage: packing claims handed out, claims done, rows of C claimed, rows done.
    claimed: Vec<AtomicUsize>,
    packed: Vec<AtomicUsize>,
    rows_claimed: Vec<AtomicUsize>,
    rows_done: Vec<AtomicUsize>,
    /// Per micro-panel of C's rows (MR rows): the stages done on it.
    progress: Vec<AtomicUsize>,
    /// What the product does to C.
    update: Update,
    /// Floating-point conditions the threads raised.
    flags: AtomicU32,
    /// A stop was requested: threads skip their work (their bookkeeping goes on).
    stop: AtomicBool,
}

/// A thread's own scratch: the edge tile.
struct Own<T> {
    edge: [T; EDGE],
}

impl<T: Real, K: Tiles<T>> Team<T, K> {
    /// The product on `threads` threads (the caller and `threads - 1` helpers).
    #[allow(clippy::too_many_arguments)]
    fn new(
        m: usize,
        n: usize,
        k: usize,
        a: Mat<T>,
        b: Mat<T>,
        c: MatMut<T>,
        threads: usize,
        update: Update,
    ) -> Self {
        // Panels of equal depth (a multiple of 8) and of equal width (a multiple of NR).
        let (kc_max, mc, nc_max) = blocking::<T, K>();
        let (nr, depth) = (K::NR, piece(k, kc_max, 8));
        let width = piece(n, nc_max, nr);
        // Stages in k's order, B's panels side by side within each (A's packing is kept).
        let mut stages = Vec::new();
        for pc in (0..k).step_by(depth) {
            let kc = depth.min(k - pc);
            for jc in (0..n).step_by(width) {
                let nc = width.min(n - jc);
                let units = nc.div_ceil(nr).div_ceil(PACK_GROUP);
                stages.push(Stage {
                    jc,
                    nc,
                    pc,
                    kc,
                    units,
                });
            }
        }
        let size = depth * width.next_multiple_of(nr);
        let a_kept = width < n;
        let apacks = if a_kept {
            vec![Scratch::new(depth * m.next_multiple_of(MR))]
        } else {
            (0..threads).map(|_| Scratch::new(depth * mc)).collect()
        };
        let nbufs = if threads == 1 { 1 } else { stages.len().min(2) };
        let count = stages.len();
        let counters = |len: usize| (0..len).map(|_| AtomicUsize::new(0)).collect();
        Team {
            kernels: std::marker::PhantomData,
            a,
            b,
            c,
            m,
            mc,
            bufs: (0..nbufs).map(|_| Scratch::new(size)).collect(),
            apacks,
            a_kept,
            threads,
            claimed: counters(count),
            packed: counters(count),
            rows_claimed: counters(count),
            rows_done: counters(count),
            progress: counters(m.div_ceil(MR)),
            stages,
            update,
            flags: AtomicU32::new(0),
            stop: AtomicBool::new(false),
        }
    }

    /// How many threads the team has room for.
    fn threads(&self) -> usize {
        self.threads
    }

    /// Whether B's panels are packed negated (C -= A B).
    fn negate(&self) -> bool {
        self.update == Update::Sub
    }

    /// Where stage `s` is packed.
    fn buf(&self, s: usize) -> *mut T {
        self.bufs[s % self.bufs.len()].ptr
    }

    /// The product on this thread as thread 0, with whichever helpers join; returns once
    /// every row is done, the threads' floating-point conditions raised here.
    ///
    /// # Safety
    /// As [`gemm`].
    unsafe fn finish(&self) {
        // SAFETY: the caller's guarantee.
        unsafe { self.run(0) };
        let last = self.stages.len() - 1;
        wait_until(|| self.rows_done[last].load(Ordering::Acquire) == self.m);
        super::elementwise::fp_raise(self.flags.load(Ordering::Relaxed));
    }

    /// Work as thread `me`: every stage with rows left, its packing and then its rows, until
    /// nothing is left to claim.
    ///
    /// # Safety
    /// As [`gemm`], the operands alive until every row is done; each `me` runs once.
    unsafe fn run(&self, me: usize) {
        let mut own = Own {
            edge: [T::default(); EDGE],
        };
        let (m, last) = (self.m, self.stages.len());
        for s in 0..last {
            if self.rows_claimed[s].load(Ordering::Acquire) >= m {
                // Every row claimed, so its packing is done too.
                continue;
            }
            if s >= 2 {
                // The buffer's last readers.
                wait_until(|| self.rows_done[s - 2].load(Ordering::Acquire) == m);
            }
            self.note_stop();
            // SAFETY: the caller's guarantee; the buffer's last readers are done.
            unsafe { self.pack(s) };
            let units = self.stages[s].units;
            wait_until(|| self.packed[s].load(Ordering::Acquire) == units);
            while let Some((start, len)) = self.claim_rows(s) {
                // SAFETY: the caller's guarantee; the rows are this thread's for the stage.
                unsafe { self.multiply(me, s, start, len, &mut own) };
            }
        }
    }

    /// Claim rows of C for stage `s`: blocks of MC rows (at most a thread's share of C); in the
    /// last stage, once few are left, smaller ones (a share of what is left, at least four
    /// micro-panels), so that the threads end together.
    fn claim_rows(&self, s: usize) -> Option<(usize, usize)> {
        let (m, threads) = (self.m, self.threads());
        let tail = threads > 1 && s + 1 == self.stages.len();
        // Never more than a thread's share, so that every thread has rows to take.
        let share = m.div_ceil(threads);
        let next = &self.rows_claimed[s];
        let mut start = next.load(Ordering::Relaxed);
        loop {
            if start >= m {
                return None;
            }
            let want = if tail {
                (m - start).div_ceil(2 * threads).clamp(4 * MR, self.mc)
            } else {
                self.mc
            };
            let len = want.min(share).next_multiple_of(MR).min(m - start);
            match next.compare_exchange_weak(
                start,
                start + len,
                Ordering::AcqRel,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Some((start, len)),
                Err(now) => start = now,
            }
        }
    }

    /// Whether the product stops, a stop (Ctrl-C) requested since it began noted for every thread.
    fn note_stop(&self) -> bool {
        if super::watch::stop_requested() {
            self.stop.store(true, Ordering::Relaxed);
        }
        self.stop.load(Ordering::Relaxed)
    }

    /// Claim and pack micro-panel groups of stage `s` until none is left.
    ///
    /// # Safety
    /// As [`Team::run`]; nobody reads the stage's buffer.
    unsafe fn pack(&self, s: usize) {
        let st = &self.stages[s];
        let nr = K::NR;
        loop {
            let u = self.claimed[s].fetch_add(1, Ordering::Relaxed);
            if u >= st.units {
                return;
            }
            if !self.stop.load(Ordering::Relaxed) {
                let q = u * PACK_GROUP * nr;
                let cols = (PACK_GROUP * nr).min(st.nc - q);
                // SAFETY: the group's columns lie in B and its place in the buffer.
                unsafe {
                    let dst = self.buf(s).add(q * st.kc);
                    K::pack_b(self.b.at(st.pc, st.jc + q), st.kc, cols, dst, self.negate());
                }
            }
            self.packed[s].fetch_add(1, Ordering::Release);
        }
    }

    /// Rows `start..start + len` of C times stage `s`'s panel, by thread `me`, once the stage
    /// before is done on them.
    ///
    /// # Safety
    /// As [`Team::run`]; the stage is packed (or a stop was requested: nothing is read) and
    /// the rows are the calling thread's for the stage.
    unsafe fn multiply(&self, me: usize, s: usize, start: usize, len: usize, own: &mut Own<T>) {
        let st = &self.stages[s];
        debug_assert!(start.is_multiple_of(MR));
        let panels = start / MR..(start + len).div_ceil(MR);
        for q in panels.clone() {
            wait_until(|| self.progress[q].load(Ordering::Acquire) >= s);
        }
        if !self.stop.load(Ordering::Relaxed) {
            let ((), flags) = super::watch::fp_item(|| {
                for ic in (start..start + len).step_by(self.mc) {
                    let mc = self.mc.min(start + len - ic);
                    // SAFETY: the block lies in A and C; the buffers are sized for it, and a
                    // kept block was packed in the stage of the first panel, done on these
                    // rows (waited for above).
                    unsafe {
                        let ap = if self.a_kept {
                            self.apacks[0].ptr.add(ic * st.kc)
                        } else {
                            self.apacks[me].ptr
                        };
                        if !self.a_kept || st.jc == 0 {
                            pack_a::<T, K>(self.a.at(ic, st.pc), mc, st.kc, ap);
                        }
                        let c = self.c.at(ic, st.jc);
                        let acc = st.pc > 0 || self.update != Update::Set;
                        let edge = &mut own.edge;
                        macro_kernel::<T, K>(mc, st.nc, st.kc, ap, self.buf(s), c, acc, edge);
                    }
                }
            });
            self.flags.fetch_or(flags, Ordering::Relaxed);
        }
        for q in panels {
            self.progress[q].store(s + 1, Ordering::Release);
        }
        self.rows_done[s].fetch_add(len, Ordering::AcqRel);
    }
}

/// The team's product on the calling thread and `helpers` helper threads
/// ([`super::helpers`]), fewer if there are fewer.
///
/// # Safety
/// As [`gemm`].
unsafe fn gemm_team<T: Real, K: Tiles<T>>(team: Team<T, K>, helpers: usize) {
    let team = std::sync::Arc::new(team);
    let helpers = helpers.min(team.threads() - 1).min(super::helpers::count());
    for me in 1..=helpers {
        let t = team.clone();
        // SAFETY: a helper works only on rows it claims, and every row is done before the
        // caller returns (below); one that starts later finds nothing left to claim.
        super::helpers::post(me - 1, Box::new(move || unsafe { t.run(me) }));
    }
    // SAFETY: the caller's guarantee.
    unsafe { team.finish() };
}

/// What a product does to C.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Update {
    /// C = A B.
    Set,
    /// C += A B.
    Add,
    /// C -= A B (B's panels packed negated).
    Sub,
}

/// C (m x n) = A (m x k) B (k x n), in `parts` pieces, on the widest kernels this CPU runs.
///
/// # Safety
/// [`available`] is true; the operands hold the matrices their strides describe; C overlaps
/// neither input.
pub unsafe fn gemm<T: Real>(
    m: usize,
    n: usize,
    k: usize,
    a: Mat<T>,
    b: Mat<T>,
    c: MatMut<T>,
    parts: usize,
) where
    Avx2: Tiles<T>,
    Avx512: Tiles<T>,
{
    // SAFETY: the caller's guarantee.
    unsafe { gemm_update(m, n, k, a, b, c, parts, Update::Set) }
}

/// [`gemm`] that sets C, adds A B to it or subtracts A B from it (`update`).
///
/// # Safety
/// As [`gemm`]; where C is updated, it holds values.
#[allow(clippy::too_many_arguments)]
pub unsafe fn gemm_update<T: Real>(
    m: usize,
    n: usize,
    k: usize,
    a: Mat<T>,
    b: Mat<T>,
    c: MatMut<T>,
    parts: usize,
    update: Update,
) where
    Avx2: Tiles<T>,
    Avx512: Tiles<T>,
{
    // SAFETY: the caller's guarantee; each kernel family only where the CPU runs it.
    unsafe {
        if <Avx512 as Tiles<T>>::usable() {
            gemm_on::<T, Avx512>(m, n, k, a, b, c, parts, update)
        } else {
            gemm_on::<T, Avx2>(m, n, k, a, b, c, parts, update)
        }
    }
}

/// C (m x n) = A (m x k) B (k x n) on kernels `K`, on `parts` threads: rows of C claimed by the
/// threads of a [`Team`], or, for a short wide C, columns split across rayon's threads (a
/// one-thread team each).
///
/// # Safety
/// As [`gemm_update`], and `K::usable()`.
#[allow(clippy::too_many_arguments)]
unsafe fn gemm_on<T: Real, K: Tiles<T>>(
    m: usize,
    n: usize,
    k: usize,
    a: Mat<T>,
    b: Mat<T>,
    c: MatMut<T>,
    parts: usize,
    update: Update,
) {
    if m == 0 || n == 0 || (k == 0 && update != Update::Set) {
        return;
    }
    if k == 0 {
        for i in 0..m as isize {
            for j in 0..n as isize {
                // SAFETY: inside C.
                unsafe { *c.ptr.offset(i * c.rs + j * c.cs) = T::default() };
            }
        }
        return;
    }
    // The kernel's vectors run along C's rows: make those C's unit-stride direction.
    if c.rs.unsigned_abs() < c.cs.unsigned_abs() {
        let t = |x: Mat<T>| Mat {
            ptr: x.ptr,
            rs: x.cs,
            cs: x.rs,
        };
        let ct = MatMut {
            ptr: c.ptr,
            rs: c.cs,
            cs: c.rs,
        };
        // SAFETY: the same product, transposed.
        return unsafe { gemm_on::<T, K>(n, m, k, t(b), t(a), ct, parts, update) };
    }
    let by_rows = m >= n || m >= parts * blocking::<T, K>().1;
    let (len, unit) = if by_rows { (m, MR) } else { (n, K::NR) };
    let parts = parts.min(len / unit).max(1);
    if parts == 1 {
        // SAFETY: the caller's guarantee.
        return unsafe { Team::<T, K>::new(m, n, k, a, b, c, 1, update).finish() };
    }
    if by_rows {
        let team = Team::<T, K>::new(m, n, k, a, b, c, parts, update);
        // SAFETY: the caller's guarantee.
        return unsafe { gemm_team(team, parts - 1) };
    }
    let chunk = n.div_ceil(parts).div_ceil(unit) * unit;
    // SAFETY: piece `t` is the columns `start..start + size` of C, disjoint from the other
    // pieces, with the matching columns of B.
    let pieces: Vec<_> = (0..n)
        .step_by(chunk)
        .map(|start| unsafe {
            let size = chunk.min(n - start);
            Team::<T, K>::new(m, size, k, a, b.at(0, start), c.at(0, start), 1, update)
        })
        .collect();
    // SAFETY: the caller's guarantee.
    super::watch::par_for_each(pieces.len(), |t| unsafe { pieces[t].finish() });
}

macro_rules! avx2_dot_rows {
    ($name:ident, $t:ty, $w:expr, $zero:ident, $loadu:ident, $storeu:ident, $fmadd:ident,
     $add:ident) => {
        /// `y[i] = A[i, :] . x` for `rows` rows of a row-major A (row stride `rs`), x
        /// contiguous: four rows at a time, each with two accumulators, x loaded once for the
        /// four.
        ///
        /// # Safety
        /// The CPU has AVX2 and FMA; A holds the rows, x `n` items, y `rows` items at stride
        /// `incy`.
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2,fma")]
        unsafe fn $name(
            rows: usize,
            n: usize,
            a: *const $t,
            rs: isize,
            x: *const $t,
            y: *mut $t,
            incy: isize,
        ) {
            let lanes = |v| {
                let mut o = [0 as $t; $w];
                // SAFETY: `o` holds one vector.
                unsafe { $storeu(o.as_mut_ptr(), v) };
                o.iter().fold(0 as $t, |s, &e| s + e)
            };
            let body = n / (2 * $w) * (2 * $w);
            let mut i = 0;
            // SAFETY: the caller's guarantee; every read is inside a row of A or inside x.
            unsafe {
                while i < rows {
                    let g = (rows - i).min(4);
                    let r: [*const $t; 4] =
                        std::array::from_fn(|q| a.offset((i + q.min(g - 1)) as isize * rs));
                    let mut acc = [[$zero(); 2]; 4];
                    let mut j = 0;
                    while j < body {
                        let x0 = $loadu(x.add(j));
                        let x1 = $loadu(x.add(j + $w));
                        for q in 0..4 {
                            acc[q][0] = $fmadd($loadu(r[q].add(j)), x0, acc[q][0]);
                            acc[q][1] = $fmadd($loadu(r[q].add(j + $w)), x1, acc[q][1]);
                        }
                        j += 2 * $w;
                    }
                    for q in 0..g {
                        let mut s = lanes($add(acc[q][0], acc[q][1]));
                        for l in body..n {
                            s += *r[q].add(l) * *x.add(l);
                        }
                        *y.offset((i + q) as isize * incy) = s;
                    }
                    i += g;
                }
            }
        }
    };
}

avx2_dot_rows!(
    dot_rows_f64,
    f64,
    4,
    _mm256_setzero_pd,
    _mm256_loadu_pd,
    _mm256_storeu_pd,
    _mm256_fmadd_pd,
    _mm256_add_pd
);
avx2_dot_rows!(
    dot_rows_f32,
    f32,
    8,
    _mm256_setzero_ps,
    _mm256_loadu_ps,
    _mm256_storeu_ps,
    _mm256_fmadd_ps,
    _mm256_add_ps
);

macro_rules! avx2_axpy_cols {
    ($name:ident, $t:ty, $w:expr, $loadu:ident, $storeu:ident, $set1:ident, $fmadd:ident) => {
        /// `y[..rows] += A x` for A's columns contiguous: four columns a pass over y (each
        /// y vector loaded and stored once for the four), then the columns left one at a time.
        ///
        /// # Safety
        /// The CPU has AVX2 and FMA; A holds the columns' rows, x `n` items, y `rows` items.
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2,fma")]
        unsafe fn $name(rows: usize, n: usize, a: *const $t, cs: isize, x: *const $t, y: *mut $t) {
            let body = rows / $w * $w;
            // SAFETY: the caller's guarantee; every access is inside a column of A, x or y.
            unsafe {
                let mut j = 0;
                while j + 4 <= n {
                    let c: [*const $t; 4] =
                        std::array::from_fn(|q| a.offset((j + q) as isize * cs));
                    let xs: [$t; 4] = std::array::from_fn(|q| *x.add(j + q));
                    let xb = xs.map(|v| $set1(v));
                    let mut i = 0;
                    while i < body {
                        let mut yv = $loadu(y.add(i));
                        for q in 0..4 {
                            yv = $fmadd($loadu(c[q].add(i)), xb[q], yv);
                        }
                        $storeu(y.add(i), yv);
                        i += $w;
                    }
                    for i in body..rows {
                        let mut v = *y.add(i);
                        for q in 0..4 {
                            v = (*c[q].add(i)).mul_add(xs[q], v);
                        }
                        *y.add(i) = v;
                    }
                    j += 4;
                }
                while j < n {
                    let c = a.offset(j as isize * cs);
                    let (xs, xb) = (*x.add(j), $set1(*x.add(j)));
                    let mut i = 0;
                    while i < body {
                        $storeu(y.add(i), $fmadd($loadu(c.add(i)), xb, $loadu(y.add(i))));
                        i += $w;
                    }
                    for i in body..rows {
                        *y.add(i) = (*c.add(i)).mul_add(xs, *y.add(i));
                    }
                    j += 1;
                }
            }
        }
    };
}

avx2_axpy_cols!(
    axpy_cols_f64,
    f64,
    4,
    _mm256_loadu_pd,
    _mm256_storeu_pd,
    _mm256_set1_pd,
    _mm256_fmadd_pd
);
avx2_axpy_cols!(
    axpy_cols_f32,
    f32,
    8,
    _mm256_loadu_ps,
    _mm256_storeu_ps,
    _mm256_set1_ps,
    _mm256_fmadd_ps
);

/// Implements [`Tiles`] for `$t` on instruction set `$set`, with its kernels: its sizes are
/// (NR, KC, MC, NC).
macro_rules! tiles {
    ($set:ty, $t:ty, ($nr:expr, $kc:expr, $mc:expr, $nc:expr, $l2:expr), $usable:expr,
     $feat:literal, $kernel:ident, $narrow:ident, $pack_rows:ident) => {
        impl Tiles<$t> for $set {
            const NR: usize = $nr;
            const KC: usize = $kc;
            const MC: usize = $mc;
            const NC: usize = $nc;
            const TUNED_L2: usize = $l2;
            #[inline(always)]
            fn usable() -> bool {
                $usable
            }
            #[inline(always)]
            unsafe fn pack_rows(r: &[*const $t; MR], kc: usize, d: *mut $t) -> usize {
                // SAFETY: the caller's guarantee.
                unsafe { $pack_rows(r, kc, d) }
            }
            #[inline(always)]
            unsafe fn pack_b(b: Mat<$t>, kc: usize, nc: usize, dst: *mut $t, negate: bool) {
                /// [`pack_b`] compiled for the family's vectors.
                ///
                /// # Safety
                /// As [`Tiles::pack_b`].
                #[target_feature(enable = $feat)]
                unsafe fn packed(b: Mat<$t>, kc: usize, nc: usize, dst: *mut $t, negate: bool) {
                    // SAFETY: the caller's guarantee.
                    unsafe { pack_b::<$t, $nr>(b, kc, nc, dst, negate) }
                }
                // SAFETY: the caller's guarantee.
                unsafe { packed(b, kc, nc, dst, negate) }
            }
            #[inline(always)]
            unsafe fn kernel(
                kc: usize,
                a: *const $t,
                b: *const $t,
                c: MatMut<$t>,
                accumulate: bool,
            ) {
                // SAFETY: the caller's guarantee.
                unsafe { $kernel(kc, a, b, c, accumulate) }
            }
            #[inline(always)]
            unsafe fn narrow(
                kc: usize,
                a0: *const $t,
                a1: *const $t,
                b: *const $t,
                c: MatMut<$t>,
                accumulate: bool,
            ) {
                // SAFETY: the caller's guarantee.
                unsafe { $narrow(kc, a0, a1, b, c, accumulate) }
            }
        }
    };
}

// On 512-bit vectors B's micro-panel has twice the bytes a step: a shallower panel keeps it
// in L1 (48 KiB on the cores with two 512-bit FMA units). There B's panels are kept to 1 MiB
// (L2 holds 2 MiB): wider ones, read from L3, cost 5-10% at 2000^2; A's blocks are smaller
// than on the 256-bit family (best measured from 12 to 36 rows, 72 a few percent slower).
// float64's A is packed with the 256-bit transposition on both: a 512-bit one measured no
// faster (A's source comes from memory), where for float32 it takes a third less time.
tiles! { Avx2, f64, (8, 384, 72, 4064, 512 << 10), available(), "avx2,fma",
kernel_f64, narrow_f64, pack_rows_f64 }
tiles! { Avx2, f32, (16, 384, 72, 4064, 512 << 10), available(), "avx2,fma",
kernel_f32, narrow_f32, pack_rows_f32 }
tiles! { Avx512, f64, (16, 256, 36, 512, 2 << 20), wide(), "avx512f",
kernel_f64_512, narrow_f64_512, pack_rows_f64 }
tiles! { Avx512, f32, (32, 256, 36, 1024, 2 << 20), wide(), "avx512f",
kernel_f32_512, narrow_f32_512, pack_rows_f32_512 }

/// Implements [`Real`] for `$t` with its kernels.
macro_rules! real {
    ($t:ty, $dot:ident, $axpy:ident) => {
        impl Real for $t {
            #[inline(always)]
            unsafe fn dot_rows(
                rows: usize,
                n: usize,
                a: *const $t,
                rs: isize,
                x: *const $t,
                y: *mut $t,
                incy: isize,
            ) {
                // SAFETY: the caller's guarantee.
                unsafe { $dot(rows, n, a, rs, x, y, incy) }
            }

            #[inline(always)]
            unsafe fn axpy_cols(
                rows: usize,
                n: usize,
                a: *const $t,
                cs: isize,
                x: *const $t,
                y: *mut $t,
            ) {
                // SAFETY: the caller's guarantee.
                unsafe { $axpy(rows, n, a, cs, x, y) }
            }
        }
    };
}

real!(f64, dot_rows_f64, axpy_cols_f64);
real!(f32, dot_rows_f32, axpy_cols_f32);

/// The vector x (n items at stride `incx`) with its items contiguous: x itself when they are,
/// else gathered once into `store`.
///
/// # Safety
/// x holds n items at stride `incx`.
unsafe fn contiguous<T: Copy>(x: *const T, n: usize, incx: isize, store: &mut Vec<T>) -> *const T {
    if incx == 1 {
        return x;
    }
    // SAFETY: the caller's guarantee.
    *store = (0..n as isize)
        .map(|j| unsafe { *x.offset(j * incx) })
        .collect();
    store.as_ptr()
}

/// Rows of y a block of [`gemv_cols`] takes: its part of y stays in the first-level cache
/// while every column passes over it.
const COLS_BLOCK: usize = 1024;

/// y (m) = A (m x n, columns contiguous: `a.rs == 1`) x (n, stride `incx`): y's items split
/// in `parts` pieces shared with the helper threads, each summing its rows of the columns
/// (`T::axpy_cols`) a block of [`COLS_BLOCK`] rows at a time; `n > 0`.
///
/// # Safety
/// As [`gemv_rows`], with `a.rs == 1`.
#[allow(clippy::too_many_arguments)]
pub unsafe fn gemv_cols<T: Real>(
    m: usize,
    n: usize,
    a: Mat<T>,
    x: *const T,
    incx: isize,
    y: *mut T,
    incy: isize,
    parts: usize,
) {
    debug_assert_eq!(a.rs, 1);
    let mut gathered = Vec::new();
    // SAFETY: the caller's guarantee.
    let x = unsafe { contiguous(x, n, incx, &mut gathered) };
    let y = MatMut {
        ptr: y,
        rs: incy,
        cs: 0,
    };
    let chunk = m.div_ceil(parts.max(1)).next_multiple_of(8);
    let pieces = m.div_ceil(chunk.max(1));
    let xp = x as usize;
    super::helpers::share(pieces, |t| {
        let (a, y) = (a, y);
        let (lo, hi) = (t * chunk, ((t + 1) * chunk).min(m));
        let mut acc = vec![T::default(); COLS_BLOCK.min(hi - lo)];
        for b0 in (lo..hi).step_by(COLS_BLOCK) {
            let rows = COLS_BLOCK.min(hi - b0);
            acc[..rows].fill(T::default());
            // SAFETY: rows b0..b0 + rows of A's columns and of y, this piece's alone.
            unsafe {
                T::axpy_cols(
                    rows,
                    n,
                    a.ptr.add(b0),
                    a.cs,
                    xp as *const T,
                    acc.as_mut_ptr(),
                );
                for (i, v) in acc[..rows].iter().enumerate() {
                    *y.ptr.offset((b0 + i) as isize * y.rs) = *v;
                }
            }
        }
    });
}

/// y (m) = A (m x n, rows contiguous: `a.cs == 1`) x (n, stride `incx`), y's items split in
/// `parts` pieces shared with the helper threads ([`super::helpers::share`]); `n > 0`.
///
/// # Safety
/// [`available`] is true; the operands hold what their strides describe; y overlaps neither
/// input.
#[allow(clippy::too_many_arguments)]
pub unsafe fn gemv_rows<T: Real>(
    m: usize,
    n: usize,
    a: Mat<T>,
    x: *const T,
    incx: isize,
    y: *mut T,
    incy: isize,
    parts: usize,
) {
    debug_assert_eq!(a.cs, 1);
    let mut gathered = Vec::new();
    // SAFETY: the caller's guarantee.
    let x = unsafe { contiguous(x, n, incx, &mut gathered) };
    let x = Mat {
        ptr: x,
        rs: 0,
        cs: 1,
    };
    let y = MatMut {
        ptr: y,
        rs: incy,
        cs: 0,
    };
    let chunk = m.div_ceil(parts.max(1)).div_ceil(4) * 4;
    let pieces = m.div_ceil(chunk.max(1));
    super::helpers::share(pieces, |t| {
        let (a, x, y) = (a, x, y);
        let lo = t * chunk;
        let rows = chunk.min(m - lo);
        // SAFETY: rows lo..lo + rows of A and y, this piece's alone.
        unsafe {
            T::dot_rows(
                rows,
                n,
                a.ptr.offset(lo as isize * a.rs),
                a.rs,
                x.ptr,
                y.ptr.offset(lo as isize * y.rs),
                y.rs,
            )
        };
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Integer-valued A (m x k) and B (k x n), and their product by the definition: every
    /// order of summation gives it exactly.
    fn operands(m: usize, n: usize, k: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let a: Vec<f64> = (0..m * k).map(|i| (i % 13) as f64 - 6.0).collect();
        let b: Vec<f64> = (0..k * n).map(|i| (i % 7) as f64 - 3.0).collect();
        let want = naive(m, n, k, &a, &b);
        (a, b, want)
    }

    /// A row-major operand with `ld` items a row.
    fn rows<T>(v: &[T], ld: usize) -> Mat<T> {
        Mat {
            ptr: v.as_ptr(),
            rs: ld as isize,
            cs: 1,
        }
    }

    fn naive(m: usize, n: usize, k: usize, a: &[f64], b: &[f64]) -> Vec<f64> {
        let mut c = vec![0.0; m * n];
        for i in 0..m {
            for p in 0..k {
                for j in 0..n {
                    c[i * n + j] += a[i * k + p] * b[p * n + j];
                }
            }
        }
        c
    }

    /// `check::<K>()` for each kernel family this CPU runs for element type `$t`.
    macro_rules! on_each_family {
        ($check:ident, $t:ty) => {
            if <Avx2 as Tiles<$t>>::usable() {
                $check::<Avx2>();
            }
            if <Avx512 as Tiles<$t>>::usable() {
                $check::<Avx512>();
            }
        };
    }

    #[test]
    fn blocking_fits_the_caches() {
        fn check<T, K: Tiles<T>>() {
            let size = std::mem::size_of::<T>();
            // Intel's server cores (48 KiB, 2 MiB), AMD Zen 4 (32 KiB, 1 MiB), Zen 3 (32 KiB,
            // 512 KiB), Skylake client (32 KiB, 256 KiB), unknown.
            for caches in [
                Some((48 << 10, 2 << 20)),
                Some((32 << 10, 1 << 20)),
                Some((32 << 10, 512 << 10)),
                Some((32 << 10, 256 << 10)),
                None,
            ] {
                let (kc, mc, nc) = blocking_for::<T, K>(caches);
                assert!(kc.is_multiple_of(8) && mc.is_multiple_of(MR) && nc >= K::NR);
                match caches {
                    Some((l1, l2)) if l2 < K::TUNED_L2 => {
                        assert!(kc * K::NR * size <= l1 && mc * kc * size <= l2);
                        assert_eq!(nc, NC_L3);
                    }
                    _ => assert_eq!((kc, mc, nc), (K::KC, K::MC, K::NC)),
                }
            }
        }
        check::<f64, Avx2>();
        check::<f32, Avx2>();
        check::<f64, Avx512>();
        check::<f32, Avx512>();
        // Zen 4's measured best on 512-bit vectors.
        assert_eq!(
            blocking_for::<f64, Avx512>(Some((32 << 10, 1 << 20))),
            (192, 384, NC_L3)
        );
        assert_eq!(
            blocking_for::<f32, Avx512>(Some((32 << 10, 1 << 20))),
            (192, 768, NC_L3)
        );
    }

    #[test]
    fn odd_sizes_and_layouts_match_the_naive_product() {
        on_each_family!(odd_sizes_and_layouts, f64);
    }

    fn odd_sizes_and_layouts<K: Tiles<f64>>() {
        for &(m, n, k) in &[
            (1, 1, 1),
            (7, 9, 5),
            (13, 17, 300),
            (50, 3, 600),
            (3, 50, 2),
            (100, 101, 257),
            (6, 8, 256),
            (40, 24, 300),
            (30, 12, 50),
            (25, 20, 700),
            (50, 40, 300),
            (70, 33, 520),
            (13, 100, 9),
            // B's panels: several, of equal widths, on either family.
            (20, 1100, 30),
            (9, 4100, 3),
            (0, 4, 3),
            (4, 5, 0),
        ] {
            let (a, b, want) = operands(m, n, k);
            for layout in 0..3 {
                let mut c = vec![f64::NAN; m * n];
                let cm = match layout {
                    0 => MatMut {
                        ptr: c.as_mut_ptr(),
                        rs: n as isize,
                        cs: 1,
                    },
                    1 => MatMut {
                        ptr: c.as_mut_ptr(),
                        rs: 1,
                        cs: m as isize,
                    },
                    _ => MatMut {
                        ptr: c.as_mut_ptr().wrapping_add((m * n).saturating_sub(1)),
                        rs: -(n as isize),
                        cs: -1,
                    },
                };
                let updates = [
                    (Update::Set, f64::NAN, 1.0),
                    (Update::Add, 3.0, 1.0),
                    (Update::Sub, 3.0, -1.0),
                ];
                let runs = [1, 2, 3].into_iter().flat_map(|p| updates.map(|u| (p, u)));
                for (parts, (update, start, sign)) in runs {
                    c.fill(start);
                    // SAFETY: the operands hold the matrices; C is separate.
                    unsafe {
                        gemm_on::<f64, K>(m, n, k, rows(&a, k), rows(&b, n), cm, parts, update)
                    };
                    let got: Vec<f64> = match layout {
                        0 => c.clone(),
                        1 => (0..m * n).map(|x| c[(x % n) * m + x / n]).collect(),
                        _ => c.iter().rev().cloned().collect(),
                    };
                    let base = if update == Update::Set { 0.0 } else { start };
                    let want: Vec<f64> = want.iter().map(|w| base + sign * w).collect();
                    let name = std::any::type_name::<K>();
                    assert_eq!(
                        got, want,
                        "{m}x{n}x{k} layout {layout} parts {parts} {update:?} {name}"
                    );
                }
            }
        }
    }

    #[test]
    fn parts_agree_when_helpers_start_late_or_never() {
        on_each_family!(parts_agree, f64);
    }

    fn parts_agree<K: Tiles<f64>>() {
        // Stages: 1 (k = 200), 2 (k = 400), 3 and more (k = 700, 1300, or n = 1100, 4100), on
        // 2 to 4 threads of which none, one or all but the caller come; C's rows claimed in
        // blocks (shrinking in the last stage) by whichever thread gets there.
        for &(m, n, k) in &[
            (150, 40, 200),
            (97, 33, 400),
            (200, 30, 700),
            (61, 50, 1300),
            // B's panels side by side (A's packing kept across them, shared by the threads),
            // on either family.
            (100, 1100, 300),
            (30, 4100, 20),
        ] {
            let (a, b, want) = operands(m, n, k);
            for parts in [2, 3, 4] {
                for helpers in [0, 1, parts - 1] {
                    let mut c = vec![f64::NAN; m * n];
                    let cm = MatMut {
                        ptr: c.as_mut_ptr(),
                        rs: n as isize,
                        cs: 1,
                    };
                    let team = Team::<f64, K>::new(
                        m,
                        n,
                        k,
                        rows(&a, k),
                        rows(&b, n),
                        cm,
                        parts,
                        Update::Set,
                    );
                    if helpers == 0 {
                        // SAFETY: as below; then a helper that starts after the product
                        // ended, which must find nothing to do (C would change: later stages
                        // add to it).
                        unsafe {
                            team.finish();
                            team.run(1);
                        }
                    } else {
                        // SAFETY: the operands hold the matrices; C is separate. Rows no
                        // helper claims are claimed by the threads that run.
                        unsafe { gemm_team(team, helpers) };
                    }
                    assert_eq!(c, want, "{m}x{n}x{k} parts {parts} helpers {helpers}");
                }
            }
        }
    }

    #[test]
    fn matrix_vector_products_match_the_naive_product() {
        if !available() {
            return;
        }
        for &(m, n) in &[(1, 1), (5, 3), (7, 19), (33, 64), (130, 257), (2100, 6)] {
            let a: Vec<f64> = (0..m * n).map(|i| (i % 11) as f64 - 5.0).collect();
            let x: Vec<f64> = (0..2 * n).map(|i| (i % 5) as f64 - 2.0).collect();
            let want: Vec<f64> = (0..m)
                .map(|i| (0..n).map(|j| a[i * n + j] * x[2 * j]).sum())
                .collect();
            // The same matrix with its columns contiguous.
            let at: Vec<f64> = (0..m * n).map(|q| a[(q % m) * n + q / m]).collect();
            let cols = Mat {
                ptr: at.as_ptr(),
                rs: 1,
                cs: m as isize,
            };
            for parts in [1, 2, 3] {
                for by_cols in [false, true] {
                    let mut y = vec![f64::NAN; 2 * m];
                    // SAFETY: the operands hold the matrix and vectors; y is separate.
                    unsafe {
                        let (xp, yp) = (x.as_ptr(), y.as_mut_ptr());
                        if by_cols {
                            gemv_cols(m, n, cols, xp, 2, yp, 2, parts)
                        } else {
                            gemv_rows(m, n, rows(&a, n), xp, 2, yp, 2, parts)
                        }
                    };
                    let got: Vec<f64> = y.iter().step_by(2).cloned().collect();
                    assert_eq!(got, want, "{m}x{n} parts {parts} columns {by_cols}");
                }
            }
        }
    }

    #[test]
    fn f32_agrees_with_f64() {
        on_each_family!(f32_product, f32);
    }

    fn f32_product<K: Tiles<f32>>() {
        let (m, n, k) = (37, 70, 300);
        let a: Vec<f32> = (0..m * k).map(|i| (i % 5) as f32 - 2.0).collect();
        let b: Vec<f32> = (0..k * n).map(|i| (i % 3) as f32 - 1.0).collect();
        let want = naive(
            m,
            n,
            k,
            &a.iter().map(|&x| x as f64).collect::<Vec<_>>(),
            &b.iter().map(|&x| x as f64).collect::<Vec<_>>(),
        );
        let mut c = vec![0f32; m * n];
        // SAFETY: as above.
        unsafe {
            gemm_on::<f32, K>(
                m,
                n,
                k,
                rows(&a, k),
                rows(&b, n),
                MatMut {
                    ptr: c.as_mut_ptr(),
                    rs: n as isize,
                    cs: 1,
                },
                2,
                Update::Set,
            )
        };
        assert_eq!(c.iter().map(|&x| x as f64).collect::<Vec<_>>(), want);
    }
}
