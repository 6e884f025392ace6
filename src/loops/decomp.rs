//! Core loops of the linear-algebra gufuncs behind `rumpy.linalg` (numpy's `_umath_linalg`):
//! LU (inv, solve, det, slogdet), Cholesky, QR, the symmetric and general eigenproblems, SVD
//! and least squares, on float64 and complex128.
//!
//! Each item of the loop dimensions is one matrix. It is copied into column-major scratch
//! (the factorizations work in place, as LAPACK's do), factored with faer (or, for small
//! matrices, an unblocked LU with LAPACK's pivot choice), and written out. A matrix that
//! cannot be factored (a zero pivot, not positive definite, no convergence) gets NaN in its
//! outputs and raises the invalid flag, and nothing else is reported: the Python front end
//! turns that flag into `LinAlgError`, as numpy's does. Floating-point conditions raised
//! inside the factorizations are dropped (LAPACK's are too).

use std::ops::{Add, AddAssign, Div, IndexMut, Mul, MulAssign, Neg, Sub, SubAssign};

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::{Mat, MatRef, Par};
use num_complex::Complex;
use smallvec::SmallVec;

use super::core_dims::CoreArgs;
use super::lapack_ref;
use super::watch;
use super::{bdsdc, blocked, getrf, stedc};
use crate::dtype::method::status;

type C64 = Complex<f64>;

/// Matrices up to this order are factored by the unblocked LU (faer's blocked one pays from
/// about here).
const SMALL_LU: usize = 48;

/// float64 or complex128: what the loops compute in.
pub trait Field:
    faer::traits::ComplexField<Real = f64>
    + Copy
    + Send
    + Sync
    + 'static
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
{
    const COMPLEX: bool;
    fn nan() -> Self;
    fn zero() -> Self;
    fn one() -> Self;
    fn from_re(x: f64) -> Self;
    fn from_parts(re: f64, im: f64) -> Self;
    fn re(self) -> f64;
    fn im(self) -> f64;
    fn cj(self) -> Self;
    /// |re| + |im|: LAPACK's measure for choosing pivots.
    fn abs1(self) -> f64;
    /// The modulus.
    fn modulus(self) -> f64;
    fn scale(self, x: f64) -> Self;
    /// self / d without the overflow and underflow of forming |d|^2 (Smith's algorithm for
    /// complex numbers, as LAPACK's ladiv avoids them).
    fn div_robust(self, d: Self) -> Self;
}

impl Field for f64 {
    const COMPLEX: bool = false;
    fn nan() -> f64 {
        f64::NAN
    }
    fn zero() -> f64 {
        0.0
    }
    fn one() -> f64 {
        1.0
    }
    fn from_re(x: f64) -> f64 {
        x
    }
    fn from_parts(re: f64, _: f64) -> f64 {
        re
    }
    fn re(self) -> f64 {
        self
    }
    fn im(self) -> f64 {
        0.0
    }
    fn cj(self) -> f64 {
        self
    }
    fn abs1(self) -> f64 {
        self.abs()
    }
    fn modulus(self) -> f64 {
        self.abs()
    }
    fn scale(self, x: f64) -> f64 {
        self * x
    }
    fn div_robust(self, d: f64) -> f64 {
        self / d
    }
}

impl Field for C64 {
    const COMPLEX: bool = true;
    fn nan() -> C64 {
        C64::new(f64::NAN, f64::NAN)
    }
    fn zero() -> C64 {
        C64::new(0.0, 0.0)
    }
    fn one() -> C64 {
        C64::new(1.0, 0.0)
    }
    fn from_re(x: f64) -> C64 {
        C64::new(x, 0.0)
    }
    fn from_parts(re: f64, im: f64) -> C64 {
        C64::new(re, im)
    }
    fn re(self) -> f64 {
        self.re
    }
    fn im(self) -> f64 {
        self.im
    }
    fn cj(self) -> C64 {
        self.conj()
    }
    fn abs1(self) -> f64 {
        self.re.abs() + self.im.abs()
    }
    fn modulus(self) -> f64 {
        self.re.hypot(self.im)
    }
    fn scale(self, x: f64) -> C64 {
        C64::new(self.re * x, self.im * x)
    }
    fn div_robust(self, d: C64) -> C64 {
        if d.re.abs() >= d.im.abs() {
            let r = d.im / d.re;
            let den = d.re + d.im * r;
            C64::new((self.re + self.im * r) / den, (self.im - self.re * r) / den)
        } else {
            let r = d.re / d.im;
            let den = d.re * r + d.im;
            C64::new((self.re * r + self.im) / den, (self.im * r - self.re) / den)
        }
    }
}

/// Columns a row-major operand is copied by at a time ([`View::visit`]).
const BLOCK: usize = 32;

/// A matrix operand of one item: its first element and byte strides.
#[derive(Clone, Copy)]
struct View {
    ptr: *mut u8,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
}

impl View {
    /// Operand `op` of `c` at `ptr`, with core dimensions `dims` (a vector has one, a scalar
    /// none).
    fn of(ptr: *mut u8, c: &CoreArgs, op: usize, dims: &[usize]) -> View {
        let size = |j: usize| dims.get(j).map_or(1, |&d| c.sizes[d]);
        let stride = |j: usize| if j < dims.len() { c.stride(op, j) } else { 0 };
        View {
            ptr,
            rows: size(0),
            cols: size(1),
            rs: stride(0),
            cs: stride(1),
        }
    }

    /// # Safety
    /// (i, j) inside the operand.
    #[inline]
    unsafe fn at<T>(&self, i: usize, j: usize) -> *mut T {
        // SAFETY: the caller's.
        unsafe {
            self.ptr
                .offset(i as isize * self.rs + j as isize * self.cs)
                .cast::<T>()
        }
    }

    /// Call `f` for every (i, j), in an order that follows the operand's memory: down the
    /// columns where they are its shorter stride, otherwise along the rows, a block of
    /// `block` columns at a time (for a copy, [`BLOCK`]: a column-major matrix on the other
    /// side is then touched within that many columns' lines, not one line a row).
    fn visit(&self, block: usize, mut f: impl FnMut(usize, usize)) {
        if self.rs.unsigned_abs() <= self.cs.unsigned_abs() {
            for j in 0..self.cols {
                for i in 0..self.rows {
                    f(i, j);
                }
            }
        } else {
            for jb in (0..self.cols).step_by(block) {
                let je = jb.saturating_add(block).min(self.cols);
                for i in 0..self.rows {
                    for j in jb..je {
                        f(i, j);
                    }
                }
            }
        }
    }

    /// The operand copied into a column-major matrix.
    ///
    /// # Safety
    /// The view describes readable memory of `T`s.
    unsafe fn load<T: Field>(&self) -> Mat<T> {
        // SAFETY: the caller's.
        unsafe { self.load_parts(1) }
    }

    /// [`View::load`] with the columns split in `parts` across the helper threads.
    ///
    /// # Safety
    /// As [`View::load`].
    unsafe fn load_parts<T: Field>(&self, parts: usize) -> Mat<T> {
        let mut m = Mat::<T>::with_capacity(self.rows, self.cols);
        // SAFETY: every element is written below before anything reads it.
        unsafe { m.set_dims(self.rows, self.cols) };
        let size = std::mem::size_of::<T>();
        let to = [size as isize, m.col_stride() * size as isize];
        // SAFETY: the operand (the caller's guarantee) and `m` hold the grid.
        unsafe {
            let dst = m.as_ptr_mut() as *mut u8;
            let from = [self.rs, self.cs];
            blocked::copy_2d_parts(self.ptr, from, dst, to, self.rows, self.cols, size, parts)
        };
        m
    }

    /// `m` copied into the operand.
    ///
    /// # Safety
    /// The view describes writable memory of `T`s, of `m`'s shape.
    unsafe fn store<T: Field>(&self, m: MatRef<'_, T>) {
        // SAFETY: the caller's.
        unsafe { self.store_parts(m, 1) }
    }

    /// [`View::store`] with the columns split in `parts` across the helper threads.
    ///
    /// # Safety
    /// As [`View::store`].
    unsafe fn store_parts<T: Field>(&self, m: MatRef<'_, T>, parts: usize) {
        let size = std::mem::size_of::<T>() as isize;
        let from = [m.row_stride() * size, m.col_stride() * size];
        // SAFETY: `m` and the operand (the caller's guarantee) hold the grid.
        unsafe {
            let src = m.as_ptr() as *const u8;
            let to = [self.rs, self.cs];
            let size = size as usize;
            blocked::copy_2d_parts(src, from, self.ptr, to, self.rows, self.cols, size, parts)
        };
    }

    /// # Safety
    /// As [`View::store`].
    unsafe fn fill<T: Field>(&self, v: T) {
        // SAFETY: inside the operand.
        self.visit(usize::MAX, |i, j| unsafe {
            self.at::<T>(i, j).write_unaligned(v)
        });
    }

    /// Does the operand hold a NaN? (numpy's det and slogdet report the invalid flag its
    /// LAPACK's pivot search raises on one.)
    ///
    /// # Safety
    /// As [`View::load`].
    unsafe fn has_nan<T: Field>(&self) -> bool {
        let mut nan = false;
        self.visit(usize::MAX, |i, j| {
            // SAFETY: inside the operand.
            let v = unsafe { self.at::<T>(i, j).read_unaligned() };
            nan |= v.re().is_nan() | v.im().is_nan();
        });
        nan
    }

    /// # Safety
    /// A one-element operand of `T`.
    unsafe fn put<T>(&self, v: T) {
        // SAFETY: the caller's.
        unsafe { self.ptr.cast::<T>().write_unaligned(v) }
    }
}

/// Run `f` on each of `count` items (operand `i` of item `t` at `p[i] + t * steps[i]`); an
/// item for which `f` returns false has failed. Returns the invalid flag if any did; the
/// floating-point conditions raised inside are dropped (LAPACK's are), and the thread's own
/// flags are left as they were.
///
/// Where faer will run in parallel (`par`), the items run inside rayon's pool
/// ([`watch::in_pool`]).
///
/// # Safety
/// The pointers and steps describe the items of each operand.
unsafe fn each(
    par: Par,
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    f: impl FnMut(&[*mut u8]) -> bool,
) -> u32 {
    if matches!(par, Par::Rayon(_)) {
        // SAFETY: the caller's guarantee; the items' pointers are valid on any thread.
        return unsafe { watch::in_pool(|| each_here(p, steps, count, f)) };
    }
    // SAFETY: the caller's guarantee.
    unsafe { each_here(p, steps, count, f) }
}

/// [`each`] on the calling thread.
///
/// # Safety
/// As [`each`].
unsafe fn each_here(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    mut f: impl FnMut(&[*mut u8]) -> bool,
) -> u32 {
    let (ok, _) = watch::fp_item(|| {
        let mut ok = true;
        let mut q: SmallVec<[*mut u8; 8]> = SmallVec::from_slice(p);
        for t in 0..count as isize {
            for (k, x) in q.iter_mut().enumerate() {
                // SAFETY: item t of operand k (the caller's guarantee).
                *x = unsafe { p[k].offset(t * steps[k]) };
            }
            ok &= f(&q);
        }
        ok
    });
    if ok {
        0
    } else {
        status::INVALID
    }
}

/// Work (multiply-adds) from which an LU, Cholesky or triangular solve gains from faer's
/// threads: their time is in large matrix products.
const PAR_BLAS3: usize = 256 * 256 * 256;
/// The same for QR and the general eigenproblem, whose parallel parts are many short regions
/// (measured on two cores, threads in the pool kept awake: eig of 200-500 and QR of 200-800
/// take 8-80% longer on two threads than on one; eig of 700 10% less).
const PAR_ITERATIVE: usize = 900 * 900 * 900;
/// The same for the reduction to tridiagonal form and back of the Hermitian eigenproblem
/// (with faer's divide and conquer, eigh of 250 took 9% longer on two threads, of 300-500
/// 8-13% less; the own divide and conquer between takes rayon's threads from
/// [`stedc::PAR_ORDER`]) ...
const PAR_EIGH: usize = 300 * 300 * 300;
/// ... and for the SVD (of 300 14% longer, 400-500 12-20% less).
const PAR_SVD: usize = 400 * 400 * 400;

/// faer's parallelism for one matrix: threads only when the batch is small and the matrix
/// large (`from`: [`PAR_BLAS3`], [`PAR_ITERATIVE`], [`PAR_EIGH`] or [`PAR_SVD`]).
fn par_of(c: &CoreArgs, work: usize, from: usize) -> Par {
    if c.par && work >= from {
        Par::rayon(0)
    } else {
        Par::Seq
    }
}

fn stack(req: faer::dyn_stack::StackReq) -> MemBuffer {
    MemBuffer::new(req)
}

/// A core loop that is a named case of another (`inner` with fixed trailing arguments).
macro_rules! variant {
    ($name:ident, $bound:ident, $inner:ident($($arg:expr),*), $doc:literal) => {
        #[doc = $doc]
        ///
        /// # Safety
        /// See [`super::core_dims::CoreFn`].
        pub unsafe fn $name<T: $bound>(
            p: &[*mut u8],
            steps: &[isize],
            count: usize,
            c: &CoreArgs,
        ) -> u32 {
            // SAFETY: the caller's.
            unsafe { $inner::<T>(p, steps, count, c, $($arg),*) }
        }
    };
}

// ---------------------------------------------------------------------------------------
// LU with partial pivoting

/// Column-major storage that indexes as `(row, column)`: faer's matrix, or [`Dense`].
trait Grid<T>: IndexMut<(usize, usize), Output = T> {
    fn cols(&self) -> usize;
}

impl<T: Field> Grid<T> for Mat<T> {
    fn cols(&self) -> usize {
        self.ncols()
    }
}

/// A small column-major matrix over a buffer the caller owns (see [`with_buf`]).
struct Dense<'a, T> {
    rows: usize,
    cols: usize,
    data: &'a mut [T],
}

/// Give `f` a zeroed buffer of `len` elements: on the stack when small (the factors of a
/// batch of small matrices never touch the allocator).
fn with_buf<T: Field, R>(len: usize, f: impl FnOnce(&mut [T]) -> R) -> R {
    if len <= 36 {
        let mut a = [T::zero(); 36];
        f(&mut a[..len])
    } else {
        let mut v = vec![T::zero(); len];
        f(&mut v)
    }
}

impl<'a, T: Field> Dense<'a, T> {
    /// `v`'s elements in `data` (of `v.rows * v.cols` elements).
    ///
    /// # Safety
    /// As [`View::load`].
    unsafe fn load(v: &View, data: &'a mut [T]) -> Dense<'a, T> {
        let mut k = 0;
        for j in 0..v.cols {
            for i in 0..v.rows {
                // SAFETY: inside the operand.
                data[k] = unsafe { v.at::<T>(i, j).read_unaligned() };
                k += 1;
            }
        }
        Dense {
            rows: v.rows,
            cols: v.cols,
            data,
        }
    }

    /// The identity in `data` (zeroed, n * n elements).
    fn identity(n: usize, data: &'a mut [T]) -> Dense<'a, T> {
        for j in 0..n {
            data[j * n + j] = T::one();
        }
        Dense {
            rows: n,
            cols: n,
            data,
        }
    }

    /// # Safety
    /// As [`View::store`].
    unsafe fn store(&self, v: &View) {
        for j in 0..self.cols {
            for i in 0..self.rows {
                // SAFETY: inside the operand.
                unsafe {
                    v.at::<T>(i, j)
                        .write_unaligned(self.data[j * self.rows + i])
                }
            }
        }
    }
}

impl<T> std::ops::Index<(usize, usize)> for Dense<'_, T> {
    type Output = T;
    #[inline(always)]
    fn index(&self, (i, j): (usize, usize)) -> &T {
        &self.data[j * self.rows + i]
    }
}

impl<T> IndexMut<(usize, usize)> for Dense<'_, T> {
    #[inline(always)]
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut T {
        &mut self.data[j * self.rows + i]
    }
}

impl<T: Field> Grid<T> for Dense<'_, T> {
    fn cols(&self) -> usize {
        self.cols
    }
}

/// LAPACK's getf2 on the n x n `a` in place: the first entry of largest |re| + |im| is the
/// pivot. Sets the pivots (row j exchanged with piv[j] at step j); returns the number of
/// exchanges and whether a pivot was exactly zero (LAPACK's info > 0).
#[inline(always)]
fn getf2<T: Field, M: Grid<T>>(a: &mut M, n: usize, piv: &mut [usize]) -> (usize, bool) {
    let mut swaps = 0;
    let mut singular = false;
    for j in 0..n {
        let mut p = j;
        let mut best = a[(j, j)].abs1();
        for i in j + 1..n {
            let v = a[(i, j)].abs1();
            if v > best {
                best = v;
                p = i;
            }
        }
        piv[j] = p;
        let d = a[(p, j)];
        if d.re() != 0.0 || d.im() != 0.0 {
            if p != j {
                swaps += 1;
                for k in 0..n {
                    let t = a[(j, k)];
                    a[(j, k)] = a[(p, k)];
                    a[(p, k)] = t;
                }
            }
            let r = T::one().div_robust(a[(j, j)]);
            for i in j + 1..n {
                a[(i, j)] *= r;
            }
        } else {
            singular = true;
        }
        for k in j + 1..n {
            let u = a[(j, k)];
            if u.re() != 0.0 || u.im() != 0.0 {
                for i in j + 1..n {
                    a[(i, k)] = a[(i, k)] - a[(i, j)] * u;
                }
            }
        }
    }
    (swaps, singular)
}

/// Solve with getf2's factors: B := A^-1 B (LAPACK's getrs).
#[inline(always)]
fn getrs<T: Field, M: Grid<T>, B: Grid<T>>(a: &M, n: usize, piv: &[usize], b: &mut B) {
    for j in 0..n {
        let p = piv[j];
        if p != j {
            for c in 0..b.cols() {
                let t = b[(j, c)];
                b[(j, c)] = b[(p, c)];
                b[(p, c)] = t;
            }
        }
    }
    for c in 0..b.cols() {
        for j in 0..n {
            let x = b[(j, c)];
            if x.re() != 0.0 || x.im() != 0.0 {
                for i in j + 1..n {
                    b[(i, c)] -= x * a[(i, j)];
                }
            }
        }
        for j in (0..n).rev() {
            let x = b[(j, c)];
            if x.re() != 0.0 || x.im() != 0.0 {
                let x = x.div_robust(a[(j, j)]);
                b[(j, c)] = x;
                for i in 0..j {
                    b[(i, c)] -= x * a[(i, j)];
                }
            }
        }
    }
}

/// Orders up to which an LU runs on fixed-size arrays, one loop compiled for each order
/// (its loops unrolled, no bounds checked): a batch of tiny matrices is mostly per-item cost.
const TINY: usize = 4;

/// An `N` x `K` column-major matrix held in place (`0[column][row]`).
struct Tiny<T, const N: usize, const K: usize>([[T; N]; K]);

impl<T, const N: usize, const K: usize> std::ops::Index<(usize, usize)> for Tiny<T, N, K> {
    type Output = T;
    #[inline(always)]
    fn index(&self, (i, j): (usize, usize)) -> &T {
        &self.0[j][i]
    }
}

impl<T, const N: usize, const K: usize> IndexMut<(usize, usize)> for Tiny<T, N, K> {
    #[inline(always)]
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut T {
        &mut self.0[j][i]
    }
}

impl<T: Field, const N: usize, const K: usize> Grid<T> for Tiny<T, N, K> {
    fn cols(&self) -> usize {
        K
    }
}

/// The LU factors of a tiny matrix: [`getf2`]'s, on the matrix held in place.
struct TinyLu<T, const N: usize> {
    lu: Tiny<T, N, N>,
    piv: [usize; N],
    swaps: usize,
    singular: bool,
}

impl<T: Field, const N: usize> TinyLu<T, N> {
    /// Factor the N x N operand `a`.
    ///
    /// # Safety
    /// `a` describes a readable N x N matrix of `T`.
    #[inline(always)]
    unsafe fn of(a: &View) -> Self {
        // SAFETY: inside the operand (the caller's guarantee).
        let mut lu = Tiny(std::array::from_fn(|j| {
            std::array::from_fn(|i| unsafe { a.at::<T>(i, j).read_unaligned() })
        }));
        let mut piv = [0; N];
        let (swaps, singular) = getf2(&mut lu, N, &mut piv);
        TinyLu {
            lu,
            piv,
            swaps,
            singular,
        }
    }

    /// Write A^-1 B to `o`, B read from `b` (the identity when None), a column at a time.
    ///
    /// # Safety
    /// As [`Lu::solve_to`].
    #[inline(always)]
    unsafe fn solve_to(&self, b: Option<&View>, o: &View) {
        for c in 0..o.cols {
            // SAFETY: inside the operands (the caller's guarantee).
            let mut x = Tiny::<T, N, 1>([std::array::from_fn(|i| match b {
                Some(b) => unsafe { b.at::<T>(i, c).read_unaligned() },
                None if i == c => T::one(),
                None => T::zero(),
            })]);
            getrs(&self.lu, N, &self.piv, &mut x);
            for (i, &v) in x.0[0].iter().enumerate() {
                // SAFETY: as above.
                unsafe { o.at::<T>(i, c).write_unaligned(v) };
            }
        }
    }

    fn slogdet(&self) -> (T, f64) {
        slogdet_of(&self.lu, N, self.swaps, self.singular)
    }
}

/// `$body` with `$n` (1..=[`TINY`]) as the constant `$N`.
macro_rules! tiny_order {
    ($n:expr, $N:ident => $body:expr) => {
        match $n {
            1 => {
                const $N: usize = 1;
                $body
            }
            2 => {
                const $N: usize = 2;
                $body
            }
            3 => {
                const $N: usize = 3;
                $body
            }
            _ => {
                const $N: usize = TINY;
                $body
            }
        }
    };
}

/// numpy's slogdet from LU factors: the sign (a unit complex number) and log|det|.
fn slogdet_of<T: Field, M: Grid<T>>(lu: &M, n: usize, swaps: usize, singular: bool) -> (T, f64) {
    if singular {
        return (T::zero(), f64::NEG_INFINITY);
    }
    let mut sign = if swaps % 2 == 1 { -T::one() } else { T::one() };
    let mut logdet = 0.0;
    for j in 0..n {
        let d = lu[(j, j)];
        if T::COMPLEX {
            let m = d.modulus();
            sign *= d.scale(1.0 / m);
            logdet += m.ln();
        } else {
            let mut x = d.re();
            if x < 0.0 {
                sign = -sign;
                x = -x;
            }
            logdet += x.ln();
        }
    }
    (sign, logdet)
}

/// A square matrix factored as P A = L U: inline by getf2 when small, float64 by the own
/// recursive LU ([`getrf`]) where the own matrix kernel runs, else by faer's blocked LU (with
/// its permutation and inverse). Borrowed, so that the inline factors never move.
enum Lu<'a, T: Field> {
    Small {
        lu: &'a Dense<'a, T>,
        piv: &'a [usize],
        swaps: usize,
        singular: bool,
    },
    Big {
        lu: &'a Mat<T>,
        fwd: &'a [usize],
        inv: &'a [usize],
        swaps: usize,
        singular: bool,
    },
    Own {
        lu: &'a Mat<f64>,
        piv: &'a [usize],
        swaps: usize,
        singular: bool,
        /// Parts of the solves on the helper threads.
        parts: usize,
    },
}

/// Orders from which a float64 LU is the own ([`getrf`]).
const OWN_LU: usize = 64;

/// Whether an n x n LU of `T` is the own ([`getrf`]): float64 where the own matrix kernel runs.
fn own_lu<T: Field>(n: usize) -> bool {
    std::any::TypeId::of::<T>() == std::any::TypeId::of::<f64>()
        && n >= OWN_LU
        && super::gemm::available()
}

/// The parallelism [`each`] runs the items of an n x n LU with: none of faer's where the LU
/// is the own (it has its helper threads; `par` still says whether to use them).
fn lu_items<T: Field>(n: usize, par: Par) -> Par {
    if own_lu::<T>(n) {
        Par::Seq
    } else {
        par
    }
}

/// Work from which the own LU and its solves use the helper threads (handing them a part
/// costs microseconds; faer's threads cost more, see [`PAR_BLAS3`]).
const PAR_OWN_LU: usize = 96 * 96 * 96;

/// The parallelism of an n x n LU (and solve) of `work` multiply-adds.
fn lu_par<T: Field>(c: &CoreArgs, n: usize, work: usize) -> Par {
    par_of(
        c,
        work,
        if own_lu::<T>(n) {
            PAR_OWN_LU
        } else {
            PAR_BLAS3
        },
    )
}

/// The helper threads' parts the own LU and Cholesky take under `par`.
fn parts_of(par: Par) -> usize {
    match par {
        Par::Rayon(_) => rayon::current_num_threads(),
        Par::Seq => 1,
    }
}

/// Factor the n x n matrix `a` and give the factors to `f`.
///
/// # Safety
/// `a` describes a readable n x n matrix of `T`.
unsafe fn with_lu<T: Field, R>(a: &View, par: Par, f: impl FnOnce(&Lu<'_, T>) -> R) -> R {
    let n = a.rows;
    if n <= SMALL_LU {
        return with_buf(n * n, |buf| {
            // SAFETY: the caller's.
            let mut lu = unsafe { Dense::load(a, buf) };
            let mut piv = [0usize; SMALL_LU];
            let (swaps, singular) = getf2(&mut lu, n, &mut piv[..n]);
            f(&Lu::Small {
                lu: &lu,
                piv: &piv[..n],
                swaps,
                singular,
            })
        });
    }
    use faer::linalg::lu::partial_pivoting::factor;
    if own_lu::<T>(n) {
        let parts = parts_of(par);
        // SAFETY: the caller's (`T` is float64).
        let mut lu = unsafe { a.load_parts::<f64>(parts) };
        let m = getrf::Cm::cols(lu.as_ptr_mut(), lu.col_stride());
        // SAFETY: an n x n matrix.
        let (piv, swaps, singular) = unsafe { getrf::getrf(m, n, parts) };
        return f(&Lu::Own {
            lu: &lu,
            piv: &piv,
            swaps,
            singular,
            parts,
        });
    }
    // SAFETY: the caller's.
    let mut lu = unsafe { a.load::<T>() };
    let mut fwd = vec![0usize; n];
    let mut inv = vec![0usize; n];
    let mut buf = stack(factor::lu_in_place_scratch::<usize, T>(
        n,
        n,
        par,
        Default::default(),
    ));
    let (info, _) = factor::lu_in_place(
        lu.as_mut(),
        &mut fwd,
        &mut inv,
        par,
        MemStack::new(&mut buf),
        Default::default(),
    );
    let singular = (0..n).any(|j| lu[(j, j)].re() == 0.0 && lu[(j, j)].im() == 0.0);
    f(&Lu::Big {
        lu: &lu,
        fwd: &fwd,
        inv: &inv,
        swaps: info.transposition_count,
        singular,
    })
}

impl<T: Field> Lu<'_, T> {
    fn singular(&self) -> bool {
        match self {
            Lu::Small { singular, .. } | Lu::Big { singular, .. } | Lu::Own { singular, .. } => {
                *singular
            }
        }
    }

    /// Write A^-1 B to `o`, B read from `b` (the identity when None).
    ///
    /// # Safety
    /// `b` (n x k) readable and `o` (n x k) writable operands of `T`.
    unsafe fn solve_to(&self, b: Option<&View>, o: &View, par: Par) {
        match self {
            Lu::Small { lu, piv, .. } => {
                let n = lu.rows;
                with_buf(o.rows * o.cols, |buf| {
                    // SAFETY: the caller's.
                    let mut x = match b {
                        Some(b) => unsafe { Dense::load(b, buf) },
                        None => Dense::identity(n, buf),
                    };
                    getrs(*lu, n, piv, &mut x);
                    // SAFETY: the caller's.
                    unsafe { x.store(o) };
                });
            }
            Lu::Big { lu, fwd, inv, .. } => {
                use faer::linalg::lu::partial_pivoting::solve;
                let n = lu.nrows();
                // SAFETY: the caller's.
                let mut x = match b {
                    Some(b) => unsafe { b.load::<T>() },
                    None => Mat::from_fn(n, n, |i, j| if i == j { T::one() } else { T::zero() }),
                };
                // SAFETY: faer built these as a permutation and its inverse.
                let perm = unsafe { faer::perm::PermRef::new_unchecked(fwd, inv, n) };
                let mut buf = stack(solve::solve_in_place_scratch::<usize, T>(n, x.ncols(), par));
                solve::solve_in_place(
                    lu.as_ref(),
                    lu.as_ref(),
                    perm,
                    x.as_mut(),
                    par,
                    MemStack::new(&mut buf),
                );
                // SAFETY: the caller's.
                unsafe { o.store(x.as_ref()) };
            }
            Lu::Own { lu, piv, parts, .. } => {
                let n = lu.nrows();
                // SAFETY: the caller's.
                let mut x = match b {
                    Some(b) => unsafe { b.load_parts::<f64>(*parts) },
                    None => Mat::from_fn(n, n, |i, j| if i == j { 1.0 } else { 0.0 }),
                };
                let m = getrf::Cm::cols;
                let f = m(lu.as_ptr() as *mut f64, lu.col_stride());
                let k = x.ncols();
                let xm = m(x.as_ptr_mut(), x.col_stride());
                // SAFETY: the factors and x, apart, of the shapes given (the factors are
                // only read; x is the identity for the inverse).
                unsafe {
                    if b.is_some() {
                        getrf::getrs(f, n, piv, xm, k, *parts)
                    } else {
                        getrf::getri(f, n, piv, xm, *parts)
                    }
                };
                // SAFETY: the caller's.
                unsafe { o.store_parts(x.as_ref(), *parts) };
            }
        }
    }

    fn slogdet(&self) -> (T, f64) {
        match self {
            Lu::Small {
                lu,
                swaps,
                singular,
                ..
            } => slogdet_of(*lu, lu.rows, *swaps, *singular),
            Lu::Big {
                lu,
                swaps,
                singular,
                ..
            } => slogdet_of(*lu, lu.nrows(), *swaps, *singular),
            Lu::Own {
                lu,
                swaps,
                singular,
                ..
            } => {
                let (s, l) = slogdet_of(*lu, lu.nrows(), *swaps, *singular);
                (T::from_re(s), l)
            }
        }
    }
}

/// Complex exp of a real: det = sign * exp(logdet), as numpy.
fn det_from<T: Field>(sign: T, logdet: f64) -> T {
    sign * T::from_re(logdet.exp())
}

/// inv `(m,m)->(m,m)`.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn inv<T: Field>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let n = c.sizes[0];
    let par = lu_par::<T>(c, n, n * n * n);
    if (1..=TINY).contains(&n) {
        // SAFETY (each item): an n x n input and output.
        return tiny_order!(n, N => unsafe {
            each(par, p, steps, count, |q| {
                let lu = TinyLu::<T, N>::of(&View::of(q[0], c, 0, &[0, 0]));
                let o = View::of(q[1], c, 1, &[0, 0]);
                if lu.singular {
                    o.fill(T::nan());
                    return false;
                }
                lu.solve_to(None, &o);
                true
            })
        });
    }
    // SAFETY (each item): an n x n input and output.
    unsafe {
        each(lu_items::<T>(n, par), p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 0]);
            let o = View::of(q[1], c, 1, &[0, 0]);
            with_lu::<T, _>(&a, par, |lu| {
                if lu.singular() {
                    o.fill(T::nan());
                    return false;
                }
                lu.solve_to(None, &o, par);
                true
            })
        })
    }
}

/// solve `(m,m),(m,n)->(m,n)` and solve1 `(m,m),(m)->(m)`.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn solve<T: Field>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let n = c.sizes[0];
    // solve1's right-hand side is a vector: one dimension.
    let vector = c.sizes.len() == 1;
    let bdims: &[usize] = if vector { &[0] } else { &[0, 1] };
    let k = if vector { 1 } else { c.sizes[1] };
    let par = lu_par::<T>(c, n, n * n * (n + k));
    if (1..=TINY).contains(&n) {
        // SAFETY (each item): the operands' shapes from the signature.
        return tiny_order!(n, N => unsafe {
            each(par, p, steps, count, |q| {
                let lu = TinyLu::<T, N>::of(&View::of(q[0], c, 0, &[0, 0]));
                let o = View::of(q[2], c, 2, bdims);
                if lu.singular {
                    o.fill(T::nan());
                    return false;
                }
                lu.solve_to(Some(&View::of(q[1], c, 1, bdims)), &o);
                true
            })
        });
    }
    // SAFETY (each item): the operands' shapes from the signature.
    unsafe {
        each(lu_items::<T>(n, par), p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 0]);
            let b = View::of(q[1], c, 1, bdims);
            let o = View::of(q[2], c, 2, bdims);
            with_lu::<T, _>(&a, par, |lu| {
                if lu.singular() {
                    o.fill(T::nan());
                    return false;
                }
                lu.solve_to(Some(&b), &o, par);
                true
            })
        })
    }
}

/// det `(m,m)->()`.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn det<T: Field>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let n = c.sizes[0];
    let par = lu_par::<T>(c, n, n * n * n);
    // numpy reports what exp(logdet) raises (overflow, underflow), not what the LU does (a
    // blocked LU divides by an exact zero pivot).
    let mut reported = 0;
    // SAFETY (each item): an n x n input, a scalar output.
    let st = unsafe {
        each(lu_items::<T>(n, par), p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 0]);
            if a.has_nan::<T>() {
                reported |= status::INVALID;
            }
            let (s, l) = if (1..=TINY).contains(&n) {
                tiny_order!(n, N => TinyLu::<T, N>::of(&a).slogdet())
            } else {
                with_lu::<T, _>(&a, par, |lu| lu.slogdet())
            };
            // black_box keeps exp inside the watched region (LLVM would sink a pure call to
            // its use, after the flags are read).
            let (d, fp) = watch::fp_item(|| std::hint::black_box(det_from(s, l)));
            reported |= fp;
            View::of(q[1], c, 1, &[]).put(d);
            true
        })
    };
    st | reported
}

/// slogdet `(m,m)->(),()`: the sign (of the input's type) and log|det| (float64).
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn slogdet<T: Field>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    let n = c.sizes[0];
    let par = lu_par::<T>(c, n, n * n * n);
    let mut reported = 0;
    // SAFETY (each item): an n x n input, two scalar outputs.
    let st = unsafe {
        each(lu_items::<T>(n, par), p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 0]);
            if a.has_nan::<T>() {
                reported |= status::INVALID;
            }
            let (s, l) = if (1..=TINY).contains(&n) {
                tiny_order!(n, N => TinyLu::<T, N>::of(&a).slogdet())
            } else {
                with_lu::<T, _>(&a, par, |lu| lu.slogdet())
            };
            View::of(q[1], c, 1, &[]).put(s);
            View::of(q[2], c, 2, &[]).put(l);
            true
        })
    };
    st | reported
}

// ---------------------------------------------------------------------------------------
// Cholesky

/// The Hermitian matrix a triangle of `a` stands for, in full: `upper` reads the upper
/// triangle (LAPACK's 'U'), else the lower; the diagonal's imaginary parts are ignored.
///
/// # Safety
/// `a` describes a readable square matrix of `T`.
unsafe fn hermitian_from<T: Field>(a: &View, upper: bool) -> Mat<T> {
    let n = a.rows;
    // SAFETY: the caller's.
    let mut m = unsafe { a.load::<T>() };
    // The other triangle from the one read, in blocks of BLOCK x BLOCK (the transposed
    // reads stay within a block's lines).
    for jb in (0..n).step_by(BLOCK) {
        for ib in (0..=jb).step_by(BLOCK) {
            for j in jb..(jb + BLOCK).min(n) {
                for i in ib..(ib + BLOCK).min(j) {
                    if upper {
                        m[(j, i)] = m[(i, j)].cj();
                    } else {
                        m[(i, j)] = m[(j, i)].cj();
                    }
                }
            }
        }
    }
    for i in 0..n {
        m[(i, i)] = T::from_re(m[(i, i)].re());
    }
    m
}

/// The power of two that brings the largest modulus of `m` into [small, 1 / small] (1 when it
/// is there, or when `m` is zero): LAPACK scales badly scaled input so before its SVD and
/// eigen solvers, and undoes it on the values.
fn safe_scale<T: Field>(m: MatRef<'_, T>, small: f64) -> f64 {
    // The largest modulus, NaN ignored (as f64::max does).
    let big = fold_lanes(m, |l, x| l.max(x.modulus()))
        .iter()
        .fold(0.0f64, |b, x| b.max(*x));
    let target = if big > 0.0 && big < small {
        small
    } else if big > 1.0 / small && big.is_finite() {
        1.0 / small
    } else {
        return 1.0;
    };
    2f64.powi((target / big).log2().round() as i32)
}

/// LAPACK's thresholds for scaling before an SVD or a general eigenproblem
/// (sqrt(safe minimum) / epsilon) and before a Hermitian one (sqrt(safe minimum / epsilon)).
const SCALE_SVD: f64 = 6.717_876_107_567_089e-139;
const SCALE_EIGH: f64 = 1.001_041_547_591_550_5e-146;

/// Are all of `m`'s elements finite?
fn finite<T: Field>(m: MatRef<'_, T>) -> bool {
    // x * 0 is 0 for a finite x and NaN otherwise: the sums stay 0 exactly when every item
    // is finite.
    fold_lanes(m, |l, x| l + x.re() * 0.0 + x.im() * 0.0)
        .iter()
        .all(|x| *x == 0.0)
}

/// Every item of `m` folded into eight lanes from 0 by `f`: contiguous columns in chunks of
/// eight (item i of a chunk into lane i, so that the loop vectorises), the other items
/// (a column's last few, or strided columns) into lane 0.
fn fold_lanes<T: Field>(m: MatRef<'_, T>, f: impl Fn(f64, T) -> f64) -> [f64; 8] {
    let mut lanes = [0.0f64; 8];
    for j in 0..m.ncols() {
        if let Some(col) = m.col(j).try_as_col_major() {
            let mut chunks = col.as_slice().chunks_exact(8);
            for c in &mut chunks {
                for (l, x) in lanes.iter_mut().zip(c) {
                    *l = f(*l, *x);
                }
            }
            for x in chunks.remainder() {
                lanes[0] = f(lanes[0], *x);
            }
        } else {
            for i in 0..m.nrows() {
                lanes[0] = f(lanes[0], m[(i, j)]);
            }
        }
    }
    lanes
}

/// LAPACK's unblocked Cholesky (potf2, lower) in place: false when a pivot is not positive.
/// A NaN pivot is let through, as numpy's LAPACK does (its factor comes out NaN).
fn potf2<T: Field>(a: &mut Mat<T>) -> bool {
    let n = a.nrows();
    for j in 0..n {
        let mut ajj = a[(j, j)].re();
        for k in 0..j {
            let l = a[(j, k)];
            ajj -= l.re() * l.re() + l.im() * l.im();
        }
        if ajj <= 0.0 {
            return false;
        }
        let ajj = ajj.sqrt();
        a[(j, j)] = T::from_re(ajj);
        for i in j + 1..n {
            let mut v = a[(i, j)];
            for k in 0..j {
                v -= a[(i, k)] * a[(j, k)].cj();
            }
            a[(i, j)] = v.scale(1.0 / ajj);
        }
    }
    true
}

/// cholesky `(m,m)->(m,m)`: L (lower; `upper`: U = L^H, read from the upper triangle), the
/// other triangle zero.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
unsafe fn cholesky<T: Field>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
    upper: bool,
) -> u32 {
    use faer::linalg::cholesky::llt::factor;
    let n = c.sizes[0];
    let par = lu_par::<T>(c, n, n * n * n);
    let parts = parts_of(par);
    // SAFETY (each item): n x n input and output.
    unsafe {
        each(lu_items::<T>(n, par), p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 0]);
            let o = View::of(q[1], c, 1, &[0, 0]);
            if own_lu::<T>(n) {
                if let Some(ok) = cholesky_in_output(&a, &o, upper, parts) {
                    if !ok {
                        o.fill(T::nan());
                    }
                    return ok;
                }
            }
            let mut m = hermitian_from::<T>(&a, upper);
            let ok = if n <= SMALL_LU || !finite(m.as_ref()) {
                potf2(&mut m)
            } else {
                let mut buf = stack(factor::cholesky_in_place_scratch::<T>(
                    n,
                    par,
                    Default::default(),
                ));
                let r = factor::cholesky_in_place(
                    m.as_mut(),
                    Default::default(),
                    par,
                    MemStack::new(&mut buf),
                    Default::default(),
                );
                r.is_ok() && (0..n).all(|j| m[(j, j)].re() > 0.0)
            };
            if !ok {
                o.fill(T::nan());
                return false;
            }
            // SAFETY (inside the item's block): the output is n x n.
            o.visit(BLOCK, |i, j| {
                let v = match (upper, i.cmp(&j)) {
                    (false, std::cmp::Ordering::Less) | (true, std::cmp::Ordering::Greater) => {
                        T::zero()
                    }
                    // Real, as LAPACK's square root of a real pivot (faer's complex
                    // arithmetic leaves rounding in the imaginary part).
                    (_, std::cmp::Ordering::Equal) => T::from_re(m[(i, i)].re()),
                    (false, _) => m[(i, j)],
                    (true, _) => m[(j, i)].cj(),
                };
                o.at::<T>(i, j).write_unaligned(v)
            });
            true
        })
    }
}

/// The own Cholesky of a float64 matrix, factored in the output's memory: the input copied
/// there (the triangle read only, where both are contiguous along the output's lines), L
/// computed in place in the view whose lower
/// triangle is the factor wanted (U = L^T of the upper triangle is L of the transposed view),
/// the other triangle zeroed; every step split across `parts` threads. Whether it succeeded;
/// None (nothing factored) where the output's strides are not whole elements or the triangle
/// read holds a value that is not finite (LAPACK's unblocked steps decide those).
///
/// # Safety
/// `a` and `o` describe n x n float64 matrices, `o` writable and apart from `a`.
unsafe fn cholesky_in_output(a: &View, o: &View, upper: bool, parts: usize) -> Option<bool> {
    let n = a.rows;
    let whole = |s: isize| s != 0 && s % 8 == 0;
    if !whole(o.rs) || !whole(o.cs) || !(o.ptr as usize).is_multiple_of(8) {
        return None;
    }
    let (dst, ors, ocs) = (o.ptr as usize, o.rs, o.cs);
    let split = |f: &(dyn Fn(usize, usize) + Sync)| getrf::by_columns(n, parts, f);
    // The factor's view: L(i, j) at v(i, j).
    let (vr, vc) = if upper {
        (ocs / 8, ors / 8)
    } else {
        (ors / 8, ocs / 8)
    };
    let at = move |i: usize, j: usize| {
        (dst as *mut f64).wrapping_offset(i as isize * vr + j as isize * vc)
    };
    // The view's lower triangle (`lower`) or its strictly upper one, in memory order: lines
    // `o` of the outer index, each a run of the inner one.
    let rowwise = vc.unsigned_abs() < vr.unsigned_abs();
    let run = move |o: usize, lower: bool| match (rowwise, lower) {
        (true, true) => 0..o + 1,
        (true, false) => o + 1..n,
        (false, true) => o..n,
        (false, false) => 0..o,
    };
    let item = move |o: usize, k: usize| if rowwise { at(o, k) } else { at(k, o) };
    // The inner index's stride along a run.
    let inner = if rowwise { vc } else { vr };
    // The input at the factor's (i, j), and its stride in bytes along a run.
    let (src, (ars, acs)) = (a.ptr as usize, (a.rs, a.cs));
    let input = move |o: usize, k: usize| {
        let (i, j) = if rowwise { (o, k) } else { (k, o) };
        let (r, c) = if upper { (j, i) } else { (i, j) };
        (src as *const u8).wrapping_offset(r as isize * ars + c as isize * acs)
    };
    let a_inner = if rowwise == upper { ars } else { acs };
    // Where both sides' runs are contiguous, a line at a time: the triangle read copied, the
    // other zeroed (the factorization then writes scratch there only near the diagonal);
    // otherwise the whole matrix copied in tiles, and the other triangle zeroed after.
    let by_lines = inner == 1 && a_inner == 8;
    if by_lines {
        split(&|o0, o1| {
            for o in o0..o1 {
                let (keep, zero) = (run(o, true), run(o, false));
                // SAFETY: the runs lie in the operands, contiguous (8 bytes apart), and the
                // parts write disjoint lines.
                unsafe {
                    let to = item(o, keep.start) as *mut u8;
                    std::ptr::copy_nonoverlapping(input(o, keep.start), to, 8 * keep.len());
                    if !zero.is_empty() {
                        std::ptr::write_bytes(item(o, zero.start), 0, zero.len());
                    }
                }
            }
        });
    } else {
        // SAFETY: both operands hold the n x n grid (the caller's guarantee).
        unsafe { blocked::copy_2d_parts(a.ptr, [a.rs, a.cs], o.ptr, [o.rs, o.cs], n, n, 8, parts) };
    }
    let v = getrf::Cm {
        ptr: dst as *mut f64,
        rs: vr,
        cs: vc,
    };
    // A value that is not finite in the triangle read makes a pivot not positive or a
    // diagonal entry of the factor not finite (it reaches L(i, i) through the sum of
    // L(i, k)^2); only then is the input looked at, and such input goes LAPACK's way.
    // SAFETY: the view is the n x n output; then its diagonal.
    let ok = unsafe { getrf::potrf(v, n, parts) }
        && (0..n).all(|j| {
            let d = unsafe { *at(j, j) };
            d.is_finite() && d > 0.0
        });
    if !ok && !triangle_finite(a, upper) {
        return None;
    }
    if ok {
        split(&|o0, o1| {
            for o in o0..o1 {
                let r = run(o, false);
                let reach = getrf::SCRATCH_REACH;
                let r = match (by_lines, rowwise) {
                    (false, _) => r,
                    (true, true) => r.start..r.end.min(o + reach),
                    (true, false) => r.start.max(o.saturating_sub(reach - 1))..r.end,
                };
                if r.is_empty() {
                    continue;
                }
                if inner == 1 {
                    // SAFETY: the run's items are contiguous inside the output; the parts
                    // write disjoint lines.
                    unsafe { std::ptr::write_bytes(item(o, r.start), 0, r.len()) };
                } else {
                    for k in r {
                        // SAFETY: as above.
                        unsafe { *item(o, k) = 0.0 };
                    }
                }
            }
        });
    }
    Some(ok)
}

/// Whether the triangle of the n x n float64 `a` that a Cholesky factorization reads (the
/// upper one if `upper`) holds only finite values.
///
/// # Safety
/// `a` describes an n x n float64 matrix.
unsafe fn triangle_finite(a: &View, upper: bool) -> bool {
    (0..a.rows).all(|i| {
        (0..=i).all(|j| {
            let (r, c) = if upper { (j, i) } else { (i, j) };
            // SAFETY: inside the matrix (the caller's guarantee).
            unsafe { a.at::<f64>(r, c).read_unaligned() }.is_finite()
        })
    })
}

variant!(cholesky_lo, Field, cholesky(false), "cholesky_lo.");

variant!(cholesky_up, Field, cholesky(true), "cholesky_up.");

// ---------------------------------------------------------------------------------------
// Hermitian eigenproblem

/// eigh `(m,m)->(m),(m,m)` (`vectors`) or eigvalsh `(m,m)->(m)`: ascending eigenvalues
/// (float64) and the eigenvectors in columns.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
unsafe fn eigh<T: Field>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
    upper: bool,
    vectors: bool,
) -> u32 {
    use faer::linalg::evd::{self, ComputeEigenvectors};
    let n = c.sizes[0];
    let par = par_of(c, n * n * n, PAR_EIGH);
    let dc_par = c.par && n >= stedc::PAR_ORDER;
    let outer = if dc_par && vectors {
        Par::rayon(0)
    } else {
        par
    };
    let want = if vectors {
        ComputeEigenvectors::Yes
    } else {
        ComputeEigenvectors::No
    };
    // SAFETY (each item): n x n input; n values; n x n vectors.
    unsafe {
        each(outer, p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 0]);
            let w = View::of(q[1], c, 1, &[0]);
            let m = hermitian_from::<T>(&a, upper);
            if !finite(m.as_ref()) {
                // LAPACK returns NaN (or worse) here without reporting an error.
                w.fill(f64::NAN);
                if vectors {
                    View::of(q[2], c, 2, &[0, 0]).fill(T::nan());
                }
                return true;
            }
            let sigma = safe_scale(m.as_ref(), SCALE_EIGH);
            let m = if sigma != 1.0 {
                Mat::<T>::from_fn(n, n, |i, j| m[(i, j)].scale(sigma))
            } else {
                m
            };
            if vectors && !T::COMPLEX && n <= lapack_ref::SMALL {
                // LAPACK's own steps, so that the vectors take its signs.
                let av: Vec<f64> = (0..n * n).map(|k| m[(k % n, k / n)].re()).collect();
                let (mut wv, mut zv) = (vec![0.0; n], vec![0.0; n * n]);
                let ok = lapack_ref::syev(&av, n, upper, &mut wv, &mut zv);
                let z = View::of(q[2], c, 2, &[0, 0]);
                if !ok {
                    w.fill(f64::NAN);
                    z.fill(T::nan());
                    return false;
                }
                for (j, x) in wv.iter().enumerate() {
                    w.at::<f64>(j, 0).write_unaligned(x / sigma);
                }
                z.store(Mat::<T>::from_fn(n, n, |i, j| T::from_re(zv[i + j * n])).as_ref());
                return true;
            }
            // The own divide and conquer, or dsterf for the values alone; should either fail
            // (no convergence, or a result that is not finite), faer's eigensolver below
            // decides.
            if vectors {
                if let Some((values, u)) = eigh_vectors(m.as_ref(), par, dc_par) {
                    for (j, x) in values.iter().enumerate() {
                        w.at::<f64>(j, 0).write_unaligned(x / sigma);
                    }
                    View::of(q[2], c, 2, &[0, 0]).store(u.as_ref());
                    return true;
                }
            } else if n >= 2 {
                let values = eigh_values(m.as_ref(), par);
                if let Some(values) = values.filter(|v| v.iter().all(|x| x.is_finite())) {
                    for (j, x) in values.iter().enumerate() {
                        w.at::<f64>(j, 0).write_unaligned(x / sigma);
                    }
                    return true;
                }
            }
            let mut s = faer::diag::Diag::<T>::zeros(n);
            let mut u = if vectors {
                Some(Mat::<T>::zeros(n, n))
            } else {
                None
            };
            let mut buf = stack(evd::self_adjoint_evd_scratch::<T>(
                n,
                want,
                par,
                Default::default(),
            ));
            let r = evd::self_adjoint_evd(
                m.as_ref(),
                s.as_mut(),
                u.as_mut().map(|u| u.as_mut()),
                par,
                MemStack::new(&mut buf),
                Default::default(),
            );
            let ok = r.is_ok() && (0..n).all(|j| !s[j].re().is_nan());
            if !ok {
                w.fill(f64::NAN);
                if vectors {
                    View::of(q[2], c, 2, &[0, 0]).fill(T::nan());
                }
                return false;
            }
            for j in 0..n {
                w.at::<f64>(j, 0).write_unaligned(s[j].re() / sigma);
            }
            if let Some(u) = &u {
                View::of(q[2], c, 2, &[0, 0]).store(u.as_ref());
            }
            true
        })
    }
}

/// The reduction of the Hermitian matrix `m` (its lower triangle read, n >= 2) to real
/// tridiagonal form (real input: [`sytrd`]'s blocked reduction; complex: faer's): the reduced
/// matrix (the reflectors' vectors below its subdiagonal), the reflectors' block factors, the
/// diagonal, and the off-diagonal's moduli. Without `factors` (the values alone wanted), the
/// block factors of real input are not formed (empty).
fn tridiagonal<T: Field>(
    m: MatRef<'_, T>,
    par: Par,
    factors: bool,
) -> (Mat<T>, Mat<T>, Vec<f64>, Vec<f64>) {
    use faer::linalg::evd::tridiag;
    let n = m.nrows();
    let bs = faer::linalg::qr::no_pivoting::factor::recommended_block_size::<T>(n, n);
    if !T::COMPLEX {
        let mut t = m.to_owned();
        let lda = t.col_stride() as usize;
        // SAFETY: a real Field is f64 (its only real implementation); the owned matrix's
        // columns lie `lda` apart, the last one n long.
        let a = unsafe {
            std::slice::from_raw_parts_mut(t.as_ptr_mut() as *mut f64, lda * (n - 1) + n)
        };
        let (d, e, tau) = super::sytrd::sytrd_lower(a, lda, n, matches!(par, Par::Rayon(_)));
        if !factors {
            return (t, Mat::<T>::zeros(0, 0), d, e);
        }
        // The reflectors' block factors from their taus, as faer's reduction leaves them.
        let mut h = Mat::<T>::zeros(bs, n - 1);
        let essentials = t.as_ref().submatrix(1, 0, n - 1, n - 1);
        let mut j = 0;
        while j < n - 1 {
            let b = bs.min(n - 1 - j);
            let mut hb = h.as_mut().submatrix_mut(0, j, b, b);
            for k in 0..b {
                hb[(k, k)] = T::from_re(tau[j + k]);
            }
            faer::linalg::householder::upgrade_householder_factor(
                hb,
                essentials.submatrix(j, j, n - 1 - j, b),
                b,
                1,
                par,
            );
            j += b;
        }
        return (t, h, d, e);
    }
    let mut buf = stack(tridiag::tridiag_in_place_scratch::<T>(
        n,
        par,
        Default::default(),
    ));
    let mut t = m.to_owned();
    let mut h = Mat::<T>::zeros(bs, n - 1);
    tridiag::tridiag_in_place(
        t.as_mut(),
        h.as_mut(),
        par,
        MemStack::new(&mut buf),
        Default::default(),
    );
    let d: Vec<f64> = (0..n).map(|i| t[(i, i)].re()).collect();
    let e: Vec<f64> = (0..n - 1)
        .map(|i| {
            if T::COMPLEX {
                t[(i + 1, i)].modulus()
            } else {
                t[(i + 1, i)].re()
            }
        })
        .collect();
    (t, h, d, e)
}

/// The eigenvalues (ascending) of the Hermitian matrix `m` (its lower triangle read, n >= 2)
/// as dsyevd computes them without vectors: faer's reduction to tridiagonal form, then the
/// root-free QR iteration of LAPACK's dsterf. None when the iteration does not converge.
fn eigh_values<T: Field>(m: MatRef<'_, T>, par: Par) -> Option<Vec<f64>> {
    let (_, _, mut d, e) = tridiagonal(m, par, false);
    lapack_ref::sterf(&mut d, &e).then_some(d)
}

/// The eigenvalues (ascending) and eigenvectors of the Hermitian matrix `m` (its lower
/// triangle read): faer's reduction to real tridiagonal form, the divide and conquer of
/// [`stedc`] on it, and faer's reflectors applied to its eigenvectors (dsyevd's steps).
/// None when the iteration does not converge.
fn eigh_vectors<T: Field>(m: MatRef<'_, T>, par: Par, dc_par: bool) -> Option<(Vec<f64>, Mat<T>)> {
    use faer::linalg::householder;
    let n = m.nrows();
    if n < 2 {
        return Some((
            (0..n).map(|i| m[(i, i)].re()).collect(),
            Mat::<T>::identity(n, n),
        ));
    }
    let (t, h, mut d, e) = tridiagonal(m, par, true);
    let v = stedc::stedc(&mut d, &e, dc_par)?;
    let mut u = if std::any::TypeId::of::<T>() == std::any::TypeId::of::<f64>() {
        // SAFETY: T is f64, so Mat<T> is Mat<f64>; the original is not dropped.
        unsafe { std::mem::transmute_copy::<_, Mat<T>>(&std::mem::ManuallyDrop::new(v)) }
    } else {
        Mat::<T>::from_fn(n, n, |i, j| T::from_re(v[(i, j)]))
    };
    if T::COMPLEX {
        // The complex tridiagonal is D R D^H with R real (|e|) and D the running phases of
        // its off-diagonal: R's eigenvectors x give D x.
        let mut x = T::one();
        for i in 1..n {
            let y = t[(i, i - 1)] * x;
            let r = y.modulus();
            x = if r == 0.0 { T::one() } else { y.scale(1.0 / r) };
            for j in 0..n {
                u[(i, j)] *= x;
            }
        }
    }
    let mut buf = stack(
        householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<T>(
            n - 1,
            h.nrows(),
            n,
        ),
    );
    householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
        t.as_ref().submatrix(1, 0, n - 1, n - 1),
        h.as_ref(),
        faer::Conj::No,
        u.as_mut().subrows_mut(1, n - 1),
        par,
        MemStack::new(&mut buf),
    );
    Some((d, u))
}

variant!(
    eigh_lo,
    Field,
    eigh(false, true),
    "eigh_lo: values and vectors from the lower triangle."
);
variant!(
    eigh_up,
    Field,
    eigh(true, true),
    "eigh_up: values and vectors from the upper triangle."
);
variant!(
    eigvalsh_lo,
    Field,
    eigh(false, false),
    "eigvalsh_lo: values from the lower triangle."
);
variant!(
    eigvalsh_up,
    Field,
    eigh(true, false),
    "eigvalsh_up: values from the upper triangle."
);

// ---------------------------------------------------------------------------------------
// General eigenproblem

/// Orders whose real Schur iteration takes fewer shifts and a narrower deflation window
/// than faer's (LAPACK's) defaults: [`schur_shifts`], [`schur_window`].
const FEW_SHIFTS: std::ops::Range<usize> = 150..400;

/// Shifts a sweep of the real Schur iteration chases: faer's (LAPACK's) count, but 16 for
/// orders in [`FEW_SHIFTS`], where its 32 measured 4-6% slower on AMD Zen 4 (eig 200 and
/// 300, one thread); at 500 the fewer shifts measured slower.
extern "C" fn schur_shifts(n: usize, active: usize) -> usize {
    if FEW_SHIFTS.contains(&n) {
        16
    } else {
        (<faer::linalg::evd::SchurParams as faer::Auto<f64>>::auto().recommended_shift_count)(
            n, active,
        )
    }
}

/// The aggressive early deflation window of the real Schur iteration, with [`schur_shifts`]:
/// 24 for orders in [`FEW_SHIFTS`] (faer's n / log2(n) otherwise).
extern "C" fn schur_window(n: usize, active: usize) -> usize {
    if FEW_SHIFTS.contains(&n) {
        24
    } else {
        (<faer::linalg::evd::SchurParams as faer::Auto<f64>>::auto().recommended_deflation_window)(
            n, active,
        )
    }
}

/// faer's parameters of a real eigendecomposition, with [`schur_shifts`] and [`schur_window`].
fn eig_real_params() -> faer::Spec<faer::linalg::evd::EvdParams, f64> {
    let mut p = <faer::linalg::evd::EvdParams as faer::Auto<f64>>::auto();
    p.schur.recommended_shift_count = schur_shifts;
    p.schur.recommended_deflation_window = schur_window;
    p.into()
}

/// A real matrix's eigen decomposition as complex values and vectors (LAPACK's layout of
/// conjugate pairs: columns j and j+1 hold the real and imaginary parts of vector j).
fn eig_real(a: MatRef<'_, f64>, vectors: bool, par: Par) -> Option<(Vec<C64>, Mat<C64>)> {
    use faer::linalg::evd::{self, ComputeEigenvectors};
    let n = a.nrows();
    let mut re = faer::diag::Diag::<f64>::zeros(n);
    let mut im = faer::diag::Diag::<f64>::zeros(n);
    let mut u = vectors.then(|| Mat::<f64>::zeros(n, n));
    let want = if vectors {
        ComputeEigenvectors::Yes
    } else {
        ComputeEigenvectors::No
    };
    let mut buf = stack(evd::evd_scratch::<f64>(
        n,
        ComputeEigenvectors::No,
        want,
        par,
        eig_real_params(),
    ));
    evd::evd_real(
        a,
        re.as_mut(),
        im.as_mut(),
        None,
        u.as_mut().map(|u| u.as_mut()),
        par,
        MemStack::new(&mut buf),
        eig_real_params(),
    )
    .ok()?;
    let w: Vec<C64> = (0..n).map(|j| C64::new(re[j], im[j])).collect();
    let mut v = Mat::<C64>::zeros(n, if vectors { n } else { 0 });
    if let Some(u) = &u {
        let mut j = 0;
        while j < n {
            if im[j] == 0.0 || j + 1 == n {
                for i in 0..n {
                    v[(i, j)] = C64::new(u[(i, j)], 0.0);
                }
                j += 1;
            } else {
                for i in 0..n {
                    v[(i, j)] = C64::new(u[(i, j)], u[(i, j + 1)]);
                    v[(i, j + 1)] = C64::new(u[(i, j)], -u[(i, j + 1)]);
                }
                j += 2;
            }
        }
    }
    Some((w, v))
}

fn eig_complex(a: MatRef<'_, C64>, vectors: bool, par: Par) -> Option<(Vec<C64>, Mat<C64>)> {
    use faer::linalg::evd::{self, ComputeEigenvectors};
    let n = a.nrows();
    let mut s = faer::diag::Diag::<C64>::zeros(n);
    let mut u = vectors.then(|| Mat::<C64>::zeros(n, n));
    let want = if vectors {
        ComputeEigenvectors::Yes
    } else {
        ComputeEigenvectors::No
    };
    let mut buf = stack(evd::evd_scratch::<C64>(
        n,
        ComputeEigenvectors::No,
        want,
        par,
        Default::default(),
    ));
    evd::evd_cplx(
        a,
        s.as_mut(),
        None,
        u.as_mut().map(|u| u.as_mut()),
        par,
        MemStack::new(&mut buf),
        Default::default(),
    )
    .ok()?;
    let w: Vec<C64> = (0..n).map(|j| s[j]).collect();
    Some((w, u.unwrap_or_else(|| Mat::zeros(n, 0))))
}

/// LAPACK's normalisation of eigenvectors: unit Euclidean norm, and the component of largest
/// modulus made real (positive for complex input; for real input its real part keeps its
/// sign).
fn normalize_vectors(v: &mut Mat<C64>, complex_input: bool) {
    let n = v.nrows();
    for j in 0..v.ncols() {
        let norm = (0..n).map(|i| v[(i, j)].norm_sqr()).sum::<f64>().sqrt();
        if norm == 0.0 || !norm.is_finite() {
            continue;
        }
        let mut k = 0;
        let mut best = -1.0;
        for i in 0..n {
            let m = v[(i, j)].norm_sqr();
            if m > best {
                best = m;
                k = i;
            }
        }
        let z = v[(k, j)];
        let m = z.norm();
        let mut rot = if m == 0.0 {
            C64::new(1.0, 0.0)
        } else {
            z.conj() / m
        };
        if !complex_input && z.re < 0.0 {
            rot = -rot;
        }
        let f = rot / norm;
        for i in 0..n {
            v[(i, j)] *= f;
        }
        v[(k, j)].im = 0.0;
    }
}

/// A matrix type's general eigen decomposition.
pub trait Eig: Field {
    fn eig(a: MatRef<'_, Self>, vectors: bool, par: Par) -> Option<(Vec<C64>, Mat<C64>)>;
}
impl Eig for f64 {
    fn eig(a: MatRef<'_, f64>, vectors: bool, par: Par) -> Option<(Vec<C64>, Mat<C64>)> {
        eig_real(a, vectors, par)
    }
}
impl Eig for C64 {
    fn eig(a: MatRef<'_, C64>, vectors: bool, par: Par) -> Option<(Vec<C64>, Mat<C64>)> {
        eig_complex(a, vectors, par)
    }
}

/// eig `(m,m)->(m),(m,m)` / eigvals `(m,m)->(m)`: complex values (and right vectors).
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
unsafe fn eig_any<T: Eig>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
    vectors: bool,
) -> u32 {
    let n = c.sizes[0];
    let par = par_of(c, n * n * n, PAR_ITERATIVE);
    // SAFETY (each item): n x n input; n values; n x n vectors.
    unsafe {
        each(par, p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 0]).load::<T>();
            let w = View::of(q[1], c, 1, &[0]);
            let finite = finite(a.as_ref());
            let sigma = safe_scale(a.as_ref(), SCALE_SVD);
            let a = if sigma != 1.0 {
                Mat::<T>::from_fn(n, n, |i, j| a[(i, j)].scale(sigma))
            } else {
                a
            };
            let got = if finite {
                T::eig(a.as_ref(), vectors, par)
            } else {
                None
            };
            match got {
                Some((vals, mut vecs)) => {
                    for (j, x) in vals.iter().enumerate() {
                        w.at::<C64>(j, 0).write_unaligned(x.scale(1.0 / sigma));
                    }
                    if vectors {
                        normalize_vectors(&mut vecs, T::COMPLEX);
                        View::of(q[2], c, 2, &[0, 0]).store(vecs.as_ref());
                    }
                    true
                }
                None => {
                    w.fill(C64::nan());
                    if vectors {
                        View::of(q[2], c, 2, &[0, 0]).fill(C64::nan());
                    }
                    false
                }
            }
        })
    }
}

variant!(eig, Eig, eig_any(true), "eig.");

variant!(eigvals, Eig, eig_any(false), "eigvals.");

// ---------------------------------------------------------------------------------------
// SVD

/// Which factors an SVD loop writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SvdMode {
    Values,
    Reduced,
    Full,
}

/// The SVD of `a` (m x n): singular values (descending) and, unless `Values`, U and V
/// (A = U S V^H). None when it does not converge or the input is not finite.
fn svd_of<T: Field>(
    a: MatRef<'_, T>,
    mode: SvdMode,
    par: Par,
    dc_par: bool,
) -> Option<(Vec<f64>, Mat<T>, Mat<T>)> {
    use faer::linalg::svd::{self, ComputeSvdVectors};
    let (m, n) = a.shape();
    let k = m.min(n);
    if !finite(a) {
        return None;
    }
    let (cu, cv, ucols, vcols) = match mode {
        SvdMode::Values => (ComputeSvdVectors::No, ComputeSvdVectors::No, 0, 0),
        SvdMode::Reduced => (ComputeSvdVectors::Thin, ComputeSvdVectors::Thin, k, k),
        SvdMode::Full => (ComputeSvdVectors::Full, ComputeSvdVectors::Full, m, n),
    };
    let mut s = faer::diag::Diag::<T>::zeros(k);
    let mut u = Mat::<T>::zeros(m, ucols);
    let mut v = Mat::<T>::zeros(n, vcols);
    let sigma = safe_scale(a, SCALE_SVD);
    let scaled;
    let a = if sigma != 1.0 {
        scaled = Mat::<T>::from_fn(m, n, |i, j| a[(i, j)].scale(sigma));
        scaled.as_ref()
    } else {
        a
    };
    if mode != SvdMode::Values && !T::COMPLEX && lapack_ref::svd_ported(m, n) {
        // LAPACK's own steps, so that the vectors take its signs.
        let av: Vec<f64> = (0..m * n).map(|k| a[(k % m, k / m)].re()).collect();
        let (mut sv, mut uv, mut vt) = (vec![0.0; n], vec![0.0; m * ucols], vec![0.0; n * n]);
        if !lapack_ref::gesdd(&av, m, n, mode == SvdMode::Full, &mut sv, &mut uv, &mut vt) {
            return None;
        }
        let u = Mat::<T>::from_fn(m, ucols, |i, j| T::from_re(uv[i + j * m]));
        let v = Mat::<T>::from_fn(n, n, |i, j| T::from_re(vt[j + i * n]));
        return Some((sv.iter().map(|x| x / sigma).collect(), u, v));
    }
    // Real matrices that faer reduces to bidiagonal form directly (no QR first): the own
    // bidiagonal divide and conquer; should it fail, faer's SVD below decides.
    if mode != SvdMode::Values && !T::COMPLEX && k >= 2 && 6 * m.max(n) <= 11 * k {
        let (tall, wide) = (m >= n, m < n);
        let at = Mat::<f64>::from_fn(m.max(n), k, |i, j| {
            if tall {
                a[(i, j)].re()
            } else {
                a[(j, i)].re()
            }
        });
        if let Some((sv, ub, vb)) = svd_bidiagonal(at, mode == SvdMode::Full, par, dc_par) {
            let (u, v) = if wide { (vb, ub) } else { (ub, vb) };
            let u = Mat::<T>::from_fn(m, ucols, |i, j| T::from_re(u[(i, j)]));
            let v = Mat::<T>::from_fn(n, vcols, |i, j| T::from_re(v[(i, j)]));
            return Some((sv.iter().map(|x| x / sigma).collect(), u, v));
        }
    }
    if k > 0 {
        let mut buf = stack(svd::svd_scratch::<T>(m, n, cu, cv, par, Default::default()));
        svd::svd(
            a,
            s.as_mut(),
            (mode != SvdMode::Values).then(|| u.as_mut()),
            (mode != SvdMode::Values).then(|| v.as_mut()),
            par,
            MemStack::new(&mut buf),
            Default::default(),
        )
        .ok()?;
    } else if mode == SvdMode::Full {
        u = Mat::from_fn(m, m, |i, j| if i == j { T::one() } else { T::zero() });
        v = Mat::from_fn(n, n, |i, j| if i == j { T::one() } else { T::zero() });
    }
    let sv: Vec<f64> = (0..k).map(|j| s[j].re() / sigma).collect();
    if sv.iter().any(|x| x.is_nan()) {
        return None;
    }
    Some((sv, u, v))
}

/// The SVD of a real m x n matrix `b` (overwritten), m >= n >= 2: faer's reduction to bidiagonal form, the
/// divide and conquer of [`bdsdc`] on it, and faer's reflectors applied to its vectors
/// (dgesdd's steps). Returns the singular values (descending), U (m x n, or m x m when
/// `full`) and V (n x n). None when the divide and conquer fails.
fn svd_bidiagonal(
    mut b: Mat<f64>,
    full: bool,
    par: Par,
    dc_par: bool,
) -> Option<(Vec<f64>, Mat<f64>, Mat<f64>)> {
    use faer::dyn_stack::StackReq;
    use faer::linalg::householder;
    use faer::linalg::svd::bidiag;
    let (m, n) = b.shape();
    let ucols = if full { m } else { n };
    let bs = faer::linalg::qr::no_pivoting::factor::recommended_block_size::<f64>(m, n);
    let mut buf = stack(StackReq::any_of(&[
        bidiag::bidiag_in_place_scratch::<f64>(m, n, par, Default::default()),
        householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<f64>(
            m, bs, ucols,
        ),
        householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<f64>(
            n - 1,
            bs,
            n,
        ),
    ]));
    let mut hl = Mat::<f64>::zeros(bs, n);
    let mut hr = Mat::<f64>::zeros(bs, n - 1);
    bidiag::bidiag_in_place(
        b.as_mut(),
        hl.as_mut(),
        hr.as_mut(),
        par,
        MemStack::new(&mut buf),
        Default::default(),
    );
    let mut d: Vec<f64> = (0..n).map(|i| b[(i, i)]).collect();
    let e: Vec<f64> = (0..n - 1).map(|i| b[(i, i + 1)]).collect();
    let (ub, vb) = bdsdc::bdsdc(&mut d, &e, dc_par)?;
    let mut u = Mat::<f64>::from_fn(m, ucols, |i, j| {
        if i < n && j < n {
            ub[(i, j)]
        } else if i == j {
            1.0
        } else {
            0.0
        }
    });
    householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
        b.as_ref(),
        hl.as_ref(),
        faer::Conj::No,
        u.as_mut(),
        par,
        MemStack::new(&mut buf),
    );
    let mut v = vb;
    // The right reflectors are stored in B's rows above the superdiagonal: as columns.
    for j in 1..n {
        for i in 0..j {
            b[(j, i)] = b[(i, j)];
        }
    }
    householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
        b.as_ref().submatrix(1, 0, n - 1, n - 1),
        hr.as_ref(),
        faer::Conj::Yes,
        v.as_mut().subrows_mut(1, n - 1),
        par,
        MemStack::new(&mut buf),
    );
    Some((d, u, v))
}

/// svd `(m,n)->(p)`, svd_s `(m,n)->(m,p),(p),(p,n)`, svd_f `(m,n)->(m,m),(p),(n,n)`.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
unsafe fn svd_any<T: Field>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
    mode: SvdMode,
) -> u32 {
    let (m, n) = (c.sizes[0], c.sizes[1]);
    let par = par_of(c, m * n * m.min(n), PAR_SVD);
    let dc_par = c.par && mode != SvdMode::Values && m.min(n) >= stedc::PAR_ORDER;
    let outer = if dc_par { Par::rayon(0) } else { par };
    // SAFETY (each item): the shapes of the signature (dims m=0, n=1, p=2).
    unsafe {
        each(outer, p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 1]).load::<T>();
            let (uo, so, vo) = match mode {
                SvdMode::Values => (None, View::of(q[1], c, 1, &[2]), None),
                SvdMode::Reduced => (
                    Some(View::of(q[1], c, 1, &[0, 2])),
                    View::of(q[2], c, 2, &[2]),
                    Some(View::of(q[3], c, 3, &[2, 1])),
                ),
                SvdMode::Full => (
                    Some(View::of(q[1], c, 1, &[0, 0])),
                    View::of(q[2], c, 2, &[2]),
                    Some(View::of(q[3], c, 3, &[1, 1])),
                ),
            };
            let has_nan =
                (0..n).any(|j| (0..m).any(|i| a[(i, j)].re().is_nan() || a[(i, j)].im().is_nan()));
            if !has_nan && !finite(a.as_ref()) {
                // Infinities without NaN: LAPACK's gesdd returns NaN values without an error.
                so.fill(f64::NAN);
                if let (Some(uo), Some(vo)) = (uo, vo) {
                    uo.fill(T::nan());
                    vo.fill(T::nan());
                }
                return true;
            }
            match svd_of(a.as_ref(), mode, par, dc_par) {
                Some((s, u, v)) => {
                    for (j, x) in s.iter().enumerate() {
                        so.at::<f64>(j, 0).write_unaligned(*x);
                    }
                    if let (Some(uo), Some(vo)) = (uo, vo) {
                        uo.store(u.as_ref());
                        let vh = Mat::<T>::from_fn(v.ncols(), v.nrows(), |i, j| v[(j, i)].cj());
                        vo.store(vh.as_ref());
                    }
                    true
                }
                None => {
                    so.fill(f64::NAN);
                    if let (Some(uo), Some(vo)) = (uo, vo) {
                        uo.fill(T::nan());
                        vo.fill(T::nan());
                    }
                    false
                }
            }
        })
    }
}

variant!(svd_n, Field, svd_any(SvdMode::Values), "svd (values only).");

variant!(
    svd_s,
    Field,
    svd_any(SvdMode::Reduced),
    "svd_s (reduced factors)."
);

variant!(
    svd_f,
    Field,
    svd_any(SvdMode::Full),
    "svd_f (full factors)."
);

/// Multiply-adds of one item of a square-matrix gufunc (dims[0] = m): about m^3.
pub fn cubic_cost(sizes: &[usize]) -> usize {
    sizes[0].saturating_pow(3)
}

/// Multiply-adds of one item of an (m, n) gufunc (SVD, QR, lstsq): about m n min(m, n).
pub fn rect_cost(sizes: &[usize]) -> usize {
    sizes[0]
        .saturating_mul(sizes[1])
        .saturating_mul(sizes[0].min(sizes[1]))
}

/// The size of p = min(m, n) for the SVD, QR and lstsq signatures: `sizes` in signature
/// order, `m` and `n` the indices of the two dimensions and `p` the one to set.
pub fn min_dim(sizes: &mut [Option<usize>], m: usize, n: usize, p: usize) {
    if let (Some(a), Some(b)) = (sizes[m], sizes[n]) {
        sizes[p] = Some(a.min(b));
    }
}

// ---------------------------------------------------------------------------------------
// QR

fn is_zero<T: Field>(x: T) -> bool {
    x.re() == 0.0 && x.im() == 0.0
}

/// LAPACK's larf from the left: columns `c0..c1` of `a` (rows `r0..`) times H = I - tau v v^H,
/// where v = (1, a[r0+1.., vc]). As LAPACK, the trailing zeros of v and the trailing zero
/// columns are skipped (which decides where NaN and inf spread).
fn larf_left<T: Field>(a: &mut Mat<T>, r0: usize, vc: usize, c0: usize, c1: usize, tau: T) {
    if is_zero(tau) {
        return;
    }
    let mut lastv = a.nrows() - 1;
    while lastv > r0 && is_zero(a[(lastv, vc)]) {
        lastv -= 1;
    }
    let mut lastc = c1;
    while lastc > c0 && (r0..=lastv).all(|i| is_zero(a[(i, lastc - 1)])) {
        lastc -= 1;
    }
    for col in c0..lastc {
        let mut w = a[(r0, col)];
        for i in r0 + 1..=lastv {
            w += a[(i, vc)].cj() * a[(i, col)];
        }
        let f = tau * w;
        a[(r0, col)] -= f;
        for i in r0 + 1..=lastv {
            a[(i, col)] = a[(i, col)] - a[(i, vc)] * f;
        }
    }
}

/// LAPACK's geqr2 on `a` (m x n, column-major) in place: R on and above the diagonal, the
/// Householder vectors (v_0 = 1 implied) below, and tau, with LAPACK's sign conventions
/// (beta = -sign(Re alpha) * norm, real; H_j = I - tau_j v v^H applied as H_j^H).
fn geqr2<T: Field>(a: &mut Mat<T>) -> Vec<T> {
    let (m, n) = a.shape();
    let k = m.min(n);
    let mut tau = vec![T::zero(); k];
    for j in 0..k {
        // Generate the reflector for column j (LAPACK's larfg).
        let alpha = a[(j, j)];
        let xnorm = (j + 1..m)
            .map(|i| a[(i, j)].modulus())
            .fold(0.0, f64::hypot);
        if xnorm == 0.0 && alpha.im() == 0.0 {
            tau[j] = T::zero();
        } else {
            let norm = alpha.re().hypot(alpha.im()).hypot(xnorm);
            // Fortran's SIGN(norm, alpha): the sign bit of alpha, -0.0 included.
            let beta = if alpha.re().is_sign_negative() {
                norm
            } else {
                -norm
            };
            tau[j] = T::from_parts((beta - alpha.re()) / beta, -alpha.im() / beta);
            let s = T::one().div_robust(alpha - T::from_re(beta));
            for i in j + 1..m {
                a[(i, j)] *= s;
            }
            a[(j, j)] = T::from_re(beta);
        }
        // H_j^H on the columns to the right.
        larf_left(a, j, j, j + 1, n, tau[j].cj());
    }
    tau
}

/// Q (m x qcols) and R of `a` by LAPACK's unblocked algorithms (geqr2, then ung2r on the
/// reflectors in place): complex reflectors of LAPACK's form (a complex tau, a real beta)
/// cannot be expressed in faer's block form, and NaN and inf spread as in LAPACK.
fn qr_lapack<T: Field>(mut a: Mat<T>, qcols: usize) -> (Mat<T>, Mat<T>) {
    let (m, n) = a.shape();
    let tau = geqr2(&mut a);
    let k = tau.len();
    let r = Mat::<T>::from_fn(
        qcols.min(m),
        n,
        |i, j| if i <= j { a[(i, j)] } else { T::zero() },
    );
    // ung2r: the reflectors in the first k columns, the identity's beyond.
    let mut q = Mat::<T>::from_fn(m, qcols, |i, j| {
        if j < k {
            if i > j {
                a[(i, j)]
            } else {
                T::zero()
            }
        } else if i == j {
            T::one()
        } else {
            T::zero()
        }
    });
    for i in (0..k).rev() {
        if i + 1 < qcols {
            q[(i, i)] = T::one();
            larf_left(&mut q, i, i, i + 1, qcols, tau[i]);
        }
        for l in i + 1..m {
            q[(l, i)] = -(tau[i] * q[(l, i)]);
        }
        q[(i, i)] = T::one() - tau[i];
        for l in 0..i {
            q[(l, i)] = T::zero();
        }
    }
    (q, r)
}

/// qr_r_raw `(m,n)->(m,n),(p)`: LAPACK geqrf's factored matrix and tau.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn qr_r_raw<T: Field>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
) -> u32 {
    let (m, n) = (c.sizes[0], c.sizes[1]);
    let par = par_of(c, m * n * m.min(n), PAR_ITERATIVE);
    // SAFETY (each item): m x n input and output, p values.
    unsafe {
        each(par, p, steps, count, |q| {
            let mut a = View::of(q[0], c, 0, &[0, 1]).load::<T>();
            // faer's blocked QR where its steps are LAPACK's (real, finite input that it
            // factors without skipping a column; its factors are the inverses of LAPACK's tau:
            // I - v v^T / t), else LAPACK's own unblocked steps (complex reflectors of
            // LAPACK's form, NaN and inf spread, every column a reflector).
            let faer = !T::COMPLEX && finite(a.as_ref());
            let tau = match faer.then(|| qr_factor_lapack(&mut a, par)).flatten() {
                Some(h) => {
                    let bs = h.nrows();
                    (0..m.min(n))
                        .map(|j| T::one().div_robust(h[(j % bs, j)]))
                        .collect()
                }
                None => {
                    // faer's attempt left `a` scratch: the input again (a rare, rank-deficient
                    // case; the common one copies it once).
                    if faer {
                        a = View::of(q[0], c, 0, &[0, 1]).load::<T>();
                    }
                    geqr2(&mut a)
                }
            };
            View::of(q[1], c, 1, &[0, 1]).store(a.as_ref());
            let t = View::of(q[2], c, 2, &[2]);
            for (j, x) in tau.iter().enumerate() {
                t.at::<T>(j, 0).write_unaligned(*x);
            }
            true
        })
    }
}

/// faer's blocked Householder QR of `a` in place (R above the diagonal, the reflectors
/// below); returns the block factors (block size x min(m, n)).
fn qr_factor<T: Field>(a: &mut Mat<T>, par: Par) -> Mat<T> {
    use faer::linalg::qr::no_pivoting::factor;
    let (m, n) = a.shape();
    let bs = factor::recommended_block_size::<T>(m, n);
    let mut h = Mat::<T>::zeros(bs, m.min(n));
    let mut buf = stack(factor::qr_in_place_scratch::<T>(
        m,
        n,
        bs,
        par,
        Default::default(),
    ));
    factor::qr_in_place(
        a.as_mut(),
        h.as_mut(),
        par,
        MemStack::new(&mut buf),
        Default::default(),
    );
    h
}

/// faer's blocked QR of `a` in place (as [`qr_factor`]) where it is LAPACK's: None, `a`
/// then scratch, where faer skipped a column. faer does not form a reflector from a column
/// whose part on and below the diagonal is zero, or at rounding level (at most eps 16 m times
/// the column's norm), and takes the next column's at the same row, where LAPACK's geqrf
/// forms one from whatever is there and moves on: a rank-deficient input then gets another,
/// equally valid, factorization. Such a column leaves an item of R's diagonal that small
/// (zero, or the rounding-level norm), which is what is checked here, against the column's
/// largest item times sqrt(m) (at least its norm); the callers then take LAPACK's own steps.
fn qr_factor_lapack<T: Field>(a: &mut Mat<T>, par: Par) -> Option<Mat<T>> {
    let (m, n) = a.shape();
    let tol = f64::EPSILON * 16.0 * m as f64 * (m as f64).sqrt();
    let bound: Vec<f64> = (0..m.min(n))
        .map(|j| tol * (0..m).fold(0.0f64, |x, i| x.max(a[(i, j)].modulus())))
        .collect();
    let h = qr_factor(a, par);
    bound
        .iter()
        .enumerate()
        .all(|(j, &b)| a[(j, j)].modulus() > b)
        .then_some(h)
}

/// R (n x n) and Q^H b (n x k) of a real `a` (m x n, m >= n) through faer's blocked QR,
/// the reflectors applied to `b` without forming Q (LAPACK's gelsd reduces a tall matrix so).
fn qr_r_and_qtb<T: Field>(a: Mat<T>, b: Mat<T>, par: Par) -> (Mat<T>, Mat<T>) {
    use faer::linalg::householder;
    let (mut a, mut b) = (a, b);
    let (m, n) = a.shape();
    let k = b.ncols();
    let h = qr_factor(&mut a, par);
    let bs = h.nrows();
    {
        let mut buf = stack(
            householder::apply_block_householder_sequence_transpose_on_the_left_in_place_scratch::<T>(
                m, bs, k,
            ),
        );
        householder::apply_block_householder_sequence_transpose_on_the_left_in_place_with_conj(
            a.as_ref(),
            h.as_ref(),
            faer::Conj::Yes,
            b.as_mut(),
            par,
            MemStack::new(&mut buf),
        );
    }
    let r = Mat::<T>::from_fn(n, n, |i, j| if j >= i { a[(i, j)] } else { T::zero() });
    let qtb = Mat::<T>::from_fn(n, k, |i, j| b[(i, j)]);
    (r, qtb)
}

/// Q (m x qcols) and R (min(qcols, m) x n) of a real `a` through faer's blocked QR (its
/// Householder reflectors are LAPACK's for real matrices: beta = -sign(alpha) * norm); None
/// where faer's steps are not LAPACK's ([`qr_factor_lapack`]).
fn qr_of<T: Field>(a: Mat<T>, qcols: usize, par: Par) -> Option<(Mat<T>, Mat<T>)> {
    use faer::linalg::householder;
    let mut a = a;
    let (m, n) = a.shape();
    let k = m.min(n);
    let mut r = Mat::<T>::zeros(qcols.min(m), n);
    let mut q = Mat::<T>::from_fn(m, qcols, |i, j| if i == j { T::one() } else { T::zero() });
    if k == 0 {
        return Some((q, r));
    }
    let h = qr_factor_lapack(&mut a, par)?;
    let bs = h.nrows();
    {
        // Q = H_1 ... H_k I, the blocks of reflectors applied from the last (LAPACK's orgqr):
        // a block starting at column j leaves the columns before j of what it is applied to
        // as they are (columns of I, zero from row j on), so it is applied to Q[j.., j..]
        // only (about a third less work than applying the sequence to all of I).
        let mut buf = stack(
            householder::apply_block_householder_on_the_left_in_place_scratch::<T>(m, bs, qcols),
        );
        let mut j = k;
        let mut block = if k % bs == 0 { bs } else { k % bs };
        while j > 0 {
            let start = j - block;
            block = bs;
            householder::apply_block_householder_on_the_left_in_place_with_conj(
                a.as_ref().get(start.., start..j),
                h.as_ref().get(.., start..j).subrows(0, j - start),
                faer::Conj::No,
                q.as_mut().get_mut(start.., start..),
                par,
                MemStack::new(&mut buf),
            );
            j = start;
        }
    }
    for i in 0..r.nrows() {
        for j in i..n {
            r[(i, j)] = a[(i, j)];
        }
    }
    Some((q, r))
}

/// qr_reduced `(m,n)->(m,p),(p,n)` and qr_complete `(m,n)->(m,m),(m,n)`.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
unsafe fn qr_any<T: Field>(
    p: &[*mut u8],
    steps: &[isize],
    count: usize,
    c: &CoreArgs,
    complete: bool,
) -> u32 {
    let (m, n) = (c.sizes[0], c.sizes[1]);
    let k = m.min(n);
    let qcols = if complete { m } else { k };
    let par = par_of(c, m * n * k, PAR_ITERATIVE);
    // SAFETY (each item): the signature's shapes (dims m=0, n=1, p=2 for the reduced one).
    unsafe {
        each(par, p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 1]).load::<T>();
            let finite = finite(a.as_ref());
            let (qo, ro) = if complete {
                (View::of(q[1], c, 1, &[0, 0]), View::of(q[2], c, 2, &[0, 1]))
            } else {
                (View::of(q[1], c, 1, &[0, 2]), View::of(q[2], c, 2, &[2, 1]))
            };
            // LAPACK's algorithm lets NaN and inf spread as numpy's does.
            let (qm, rm) = if T::COMPLEX || !finite {
                qr_lapack(a, qcols)
            } else {
                // Where faer's steps are not LAPACK's, the input again (`a` went to faer).
                qr_of(a, qcols, par)
                    .unwrap_or_else(|| qr_lapack(View::of(q[0], c, 0, &[0, 1]).load::<T>(), qcols))
            };
            qo.store(qm.as_ref());
            ro.store(rm.as_ref());
            true
        })
    }
}

variant!(qr_reduced, Field, qr_any(false), "qr_reduced.");

variant!(qr_complete, Field, qr_any(true), "qr_complete.");

// ---------------------------------------------------------------------------------------
// Least squares

/// lstsq `(m,n),(m,k),()->(n,k),(k),(),(p)`: x minimising |b - a x| through the SVD (LAPACK
/// gelsd's answer: singular values at most rcond * s_max count as zero; a negative rcond
/// means machine epsilon), the squared residual norms per column when rank == n < m (else
/// NaN), the rank (int32) and the singular values.
///
/// # Safety
/// See [`super::core_dims::CoreFn`].
pub unsafe fn lstsq<T: Field>(p: &[*mut u8], steps: &[isize], count: usize, c: &CoreArgs) -> u32 {
    // dims: m=0, n=1, k=2, p=3
    let (m, n, k) = (c.sizes[0], c.sizes[1], c.sizes[2]);
    let par = par_of(c, m * n * m.min(n), PAR_ITERATIVE);
    // SAFETY (each item): the signature's shapes.
    unsafe {
        each(par, p, steps, count, |q| {
            let a = View::of(q[0], c, 0, &[0, 1]).load::<T>();
            let b = View::of(q[1], c, 1, &[0, 2]).load::<T>();
            let rcond: f64 = q[2].cast::<f64>().read_unaligned();
            let xo = View::of(q[3], c, 3, &[1, 2]);
            let ro = View::of(q[4], c, 4, &[2]);
            let rank_o = View::of(q[5], c, 5, &[]);
            let so = View::of(q[6], c, 6, &[3]);
            // A tall matrix is reduced first, as LAPACK's gelsd does: A = QR, the SVD of the
            // small R, and Q^H b in place of b (the m-row U is never formed).
            let tall = !T::COMPLEX && m >= 2 * n && n > 0 && finite(a.as_ref());
            let (svd, rhs) = if tall {
                let (rm, qtb) = qr_r_and_qtb(a.clone(), b.clone(), par);
                (svd_of(rm.as_ref(), SvdMode::Reduced, par, false), qtb)
            } else {
                (svd_of(a.as_ref(), SvdMode::Reduced, par, false), b.clone())
            };
            let Some((s, u, v)) = svd else {
                xo.fill(T::nan());
                ro.fill(f64::NAN);
                rank_o.put(0i32);
                so.fill(f64::NAN);
                return false;
            };
            let eps = if rcond < 0.0 { f64::EPSILON } else { rcond };
            let smax = s.first().copied().unwrap_or(0.0);
            let rank = s.iter().take_while(|&&x| x > eps * smax).count();
            // x = V_r diag(1/s_r) U_r^H rhs
            let mut x = Mat::<T>::zeros(n, k);
            for col in 0..k {
                for l in 0..rank {
                    let mut d = T::zero();
                    for i in 0..rhs.nrows() {
                        d += u[(i, l)].cj() * rhs[(i, col)];
                    }
                    let d = d.scale(1.0 / s[l]);
                    for i in 0..n {
                        x[(i, col)] += v[(i, l)] * d;
                    }
                }
            }
            xo.store(x.as_ref());
            for col in 0..k {
                let r = if rank == n && m > n {
                    let mut acc = 0.0;
                    for i in 0..m {
                        let mut ax = T::zero();
                        for l in 0..n {
                            ax += a[(i, l)] * x[(l, col)];
                        }
                        let d = b[(i, col)] - ax;
                        acc += d.re() * d.re() + d.im() * d.im();
                    }
                    acc
                } else {
                    f64::NAN
                };
                ro.at::<f64>(col, 0).write_unaligned(r);
            }
            rank_o.put(rank as i32);
            for (j, x) in s.iter().enumerate() {
                so.at::<f64>(j, 0).write_unaligned(*x);
            }
            true
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mat(rows: &[&[f64]]) -> Mat<f64> {
        Mat::from_fn(rows.len(), rows[0].len(), |i, j| rows[i][j])
    }

    #[test]
    fn lu_solves_and_reports_singular() {
        let mut a = mat(&[&[2.0, 1.0], &[4.0, 3.0]]);
        let mut piv = [0; 2];
        let (swaps, singular) = getf2(&mut a, 2, &mut piv);
        assert!(!singular && swaps == 1);
        let mut b = mat(&[&[3.0], &[7.0]]);
        getrs(&a, 2, &piv, &mut b);
        assert!((b[(0, 0)] - 1.0).abs() < 1e-15 && (b[(1, 0)] - 1.0).abs() < 1e-15);
        let (s, l) = slogdet_of(&a, 2, swaps, singular);
        assert_eq!(s, 1.0);
        assert!((l - 2f64.ln()).abs() < 1e-15);
        let mut z = mat(&[&[1.0, 2.0], &[2.0, 4.0]]);
        let (sw, sing) = getf2(&mut z, 2, &mut piv);
        assert!(sing);
        assert_eq!(slogdet_of(&z, 2, sw, sing), (0.0, f64::NEG_INFINITY));
    }

    #[test]
    fn householder_qr_has_lapacks_signs() {
        let mut a = mat(&[&[3.0, 1.0], &[4.0, 2.0]]);
        let tau = geqr2(&mut a);
        // alpha = 3 > 0: beta = -5, tau = (beta - alpha) / beta = 1.6
        assert!((a[(0, 0)] + 5.0).abs() < 1e-15);
        assert!((tau[0] - 1.6).abs() < 1e-15);
        let (q, r) = qr_of(mat(&[&[3.0, 1.0], &[4.0, 2.0]]), 2, Par::Seq).unwrap();
        assert!((r[(0, 0)] + 5.0).abs() < 1e-14);
        let back = &q * &r;
        assert!((back[(1, 0)] - 4.0).abs() < 1e-14 && (back[(1, 1)] - 2.0).abs() < 1e-14);
    }
}
