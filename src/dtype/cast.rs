//! Element casts between the built-in types: one generic strided kernel per (source, target)
//! pair, chosen once per call. The n-d walk that drives it lives in `loops`.

use std::ptr;

use super::{DType, Element, ScalarType};
use crate::error::{Error, Result};

/// Cast `n` elements from `src` (byte stride `ss`) to `dst` (byte stride `ds`).
///
/// # Safety
/// `src + i*ss` must be readable and `dst + i*ds` writable for the element sizes of the kernel,
/// for every `i < n`. Unaligned pointers are fine.
pub type CastLoop =
    unsafe fn(src: *const u8, ss: isize, dst: *mut u8, ds: isize, n: usize, swap: Swap);

/// Which sides of a cast are in non-native byte order.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Swap {
    pub src: bool,
    pub dst: bool,
}

/// Floating-point conditions of a cast that the conversion itself does not raise: C's
/// float-to-integer conversion (x86-64's `cvttsd2si`, which NumPy's casts compile to) flags an
/// invalid value outside the range of the instruction used, and NumPy's float16 conversion
/// flags overflow to infinity and underflow (a tiny, inexact result). Float32 and float64
/// results raise theirs in the hardware conversion.
#[derive(Default, Clone, Copy)]
struct CastFlags {
    invalid: bool,
    overflow: bool,
    underflow: bool,
}

impl CastFlags {
    /// Whether a cast into `to` has conditions to compute, from a float or complex value
    /// (`from_float`) or not, from float16 (`from_half`) or not.
    #[inline(always)]
    fn computed(from_float: bool, from_half: bool, to: ScalarType) -> bool {
        (to.is_int() && from_float) || (to == ScalarType::Float16 && !from_half)
    }

    /// Note the conditions of `v` (as a `Num`) cast to `out`.
    #[inline(always)]
    fn note<D: Element>(&mut self, v: super::Num, out: D) {
        use super::Num;
        let x = match v {
            Num::F(f) | Num::C(f, _) => f,
            Num::I(i) => i as f64,
            Num::U(u) => u as f64,
            Num::B(b) => b as u8 as f64,
        };
        if D::TYPE.is_int() {
            const TWO_63: f64 = 9_223_372_036_854_775_808.0;
            let ok = match D::TYPE {
                ScalarType::UInt32 | ScalarType::Int64 => (-TWO_63..TWO_63).contains(&x),
                // Below 2**63 directly, above after subtracting it.
                ScalarType::UInt64 => (-TWO_63..2.0 * TWO_63).contains(&x),
                // Through a 32-bit conversion, then narrowed.
                _ => x > -2_147_483_649.0 && x < 2_147_483_648.0,
            };
            self.invalid |= !ok;
        } else if !x.is_nan() {
            // (No ordered comparison with a NaN: it would raise 'invalid' itself.)
            let r = match out.to_num() {
                Num::F(f) => f,
                _ => x,
            };
            self.overflow |= x.is_finite() && r.is_infinite();
            // NumPy: an inexact result from below the smallest normal (even if it rounds up to it)
            self.underflow |= x != 0.0 && x.abs() < 6.103_515_625e-5 && r != x;
        }
    }

    /// Raise the noted conditions in this thread's floating-point status.
    fn raise(self) {
        use super::method::status::{INVALID, OVERFLOW, UNDERFLOW};
        let st = (self.invalid as u32 * INVALID)
            | (self.overflow as u32 * OVERFLOW)
            | (self.underflow as u32 * UNDERFLOW);
        if st != 0 {
            super::method::status::raise(st);
        }
    }
}

/// Whether casting `n` (of its own type: see [`cast_num`]) into `to` can raise a
/// floating-point condition: the computed ones, and a double's overflow or underflow in the
/// hardware conversion to single precision.
pub fn may_raise(n: super::Num, to: ScalarType) -> bool {
    let from_float = matches!(n, super::Num::F(_) | super::Num::C(..));
    CastFlags::computed(from_float, false, to)
        || (from_float && matches!(to, ScalarType::Float32 | ScalarType::Complex64))
}

/// `v` as a `D` (C's cast), noting its conditions when `computed`.
#[inline(always)]
fn convert<D: Element>(v: super::Num, flags: &mut CastFlags, computed: bool) -> D {
    let out = D::from_num(v);
    if computed {
        flags.note(v, out);
    }
    out
}

unsafe fn cast_strided<S: Element, D: Element>(
    src: *const u8,
    ss: isize,
    dst: *mut u8,
    ds: isize,
    n: usize,
    swap: Swap,
) {
    let s_size = std::mem::size_of::<S>() as isize;
    let d_size = std::mem::size_of::<D>() as isize;
    let mut flags = CastFlags::default();
    let s = S::TYPE;
    let computed = CastFlags::computed(
        s.is_float() || s.is_complex(),
        s == ScalarType::Float16,
        D::TYPE,
    );
    if !swap.src && !swap.dst && ss == s_size && ds == d_size {
        // Contiguous: a plain loop the compiler vectorises.
        for i in 0..n as isize {
            // SAFETY: the caller guarantees element i is in bounds on both sides.
            unsafe {
                let v = ptr::read_unaligned(src.offset(i * s_size) as *const S).to_num();
                let out: D = convert(v, &mut flags, computed);
                ptr::write_unaligned(dst.offset(i * d_size) as *mut D, out);
            }
        }
    } else {
        for i in 0..n as isize {
            // SAFETY: as above.
            unsafe {
                let mut v = ptr::read_unaligned(src.offset(i * ss) as *const S);
                if swap.src {
                    v = v.byteswap();
                }
                let mut out: D = convert(v.to_num(), &mut flags, computed);
                if swap.dst {
                    out = out.byteswap();
                }
                ptr::write_unaligned(dst.offset(i * ds) as *mut D, out);
            }
        }
    }
    if computed {
        flags.raise();
    }
}

/// The kernel that casts `from` elements into `to` elements.
pub fn cast_loop(from: ScalarType, to: ScalarType) -> CastLoop {
    crate::with_scalar_type!(from, S, {
        crate::with_scalar_type!(to, D, { cast_strided::<S, D> as CastLoop })
    })
}

/// The item of type `st` at `p` (byte-swapped when `swap`) as a number.
///
/// # Safety
/// `p` holds an item of `st` (unaligned is fine).
#[inline]
pub unsafe fn read_num(p: *const u8, st: ScalarType, swap: bool) -> super::Num {
    crate::with_scalar_type!(st, T, {
        // SAFETY: the caller's guarantee.
        let mut v = unsafe { ptr::read_unaligned(p as *const T) };
        if swap {
            v = v.byteswap();
        }
        v.to_num()
    })
}

/// Write the value `n` (of its own type: bool, int64, uint64, float64 or complex128) into an
/// item of type `to` at `dst` as the cast loop does, raising the cast's floating-point
/// conditions; `swap` writes it in non-native byte order.
///
/// # Safety
/// `dst` must be writable for one item of `to` (unaligned is fine).
#[inline]
pub unsafe fn cast_num(n: super::Num, dst: *mut u8, to: ScalarType, swap: bool) {
    use super::Num;
    crate::with_scalar_type!(to, D, {
        let computed = CastFlags::computed(matches!(n, Num::F(_) | Num::C(..)), false, to);
        let mut flags = CastFlags::default();
        let mut out: D = convert(n, &mut flags, computed);
        flags.raise();
        if swap {
            out = out.byteswap();
        }
        // SAFETY: the caller's guarantee.
        unsafe { ptr::write_unaligned(dst as *mut D, out) };
    })
}

/// Copy `n` items of `size` bytes between strided places, byte-swapping each item when `swap`.
///
/// # Safety
/// As for [`CastLoop`], with items of `size` bytes.
pub unsafe fn copy_strided(
    src: *const u8,
    ss: isize,
    dst: *mut u8,
    ds: isize,
    n: usize,
    size: usize,
    swap_unit: usize,
) {
    let size_i = size as isize;
    if swap_unit == 0 && ss == size_i && ds == size_i {
        // SAFETY: the caller guarantees both ranges; `ptr::copy` allows overlap.
        unsafe { ptr::copy(src, dst, n * size) };
        return;
    }
    if swap_unit == 0 && ss == 0 && ds == size_i {
        // Broadcasting one item over a contiguous line (fill): a plain slice fill.
        macro_rules! splat {
            ($t:ty) => {{
                // SAFETY: src holds one item; dst holds n contiguous items (caller's guarantee).
                unsafe {
                    let v = ptr::read_unaligned(src as *const $t);
                    if dst as usize % std::mem::align_of::<$t>() == 0 {
                        std::slice::from_raw_parts_mut(dst as *mut $t, n).fill(v);
                    } else {
                        for i in 0..n {
                            ptr::write_unaligned((dst as *mut $t).add(i), v);
                        }
                    }
                }
                return;
            }};
        }
        match size {
            1 => splat!(u8),
            2 => splat!(u16),
            4 => splat!(u32),
            8 => splat!(u64),
            16 => splat!(u128),
            _ => {}
        }
    }
    macro_rules! fixed {
        ($t:ty) => {
            for i in 0..n as isize {
                // SAFETY: caller's guarantee.
                unsafe {
                    let v = ptr::read_unaligned(src.offset(i * ss) as *const $t);
                    ptr::write_unaligned(dst.offset(i * ds) as *mut $t, v);
                }
            }
        };
    }
    if swap_unit == 0 {
        match size {
            1 => fixed!(u8),
            2 => fixed!(u16),
            4 => fixed!(u32),
            8 => fixed!(u64),
            16 => fixed!(u128),
            _ => {
                for i in 0..n as isize {
                    // SAFETY: caller's guarantee.
                    unsafe { ptr::copy(src.offset(i * ss), dst.offset(i * ds), size) };
                }
            }
        }
        return;
    }
    // Byte-swap every `swap_unit`-byte part of each item.
    for i in 0..n as isize {
        for part in (0..size).step_by(swap_unit) {
            for b in 0..swap_unit {
                // SAFETY: caller's guarantee; part + b < size.
                unsafe {
                    *dst.offset(i * ds + (part + b) as isize) =
                        *src.offset(i * ss + (part + swap_unit - 1 - b) as isize);
                }
            }
        }
    }
}

/// A resolved plan for moving elements of one dtype into another.
#[derive(Clone)]
pub enum Transfer {
    /// Same bytes: copy items of this size.
    Copy { size: usize },
    /// Same type, other byte order: swap each `unit`-byte part of `size`-byte items.
    SwapCopy { size: usize, unit: usize },
    /// A value conversion.
    Cast { f: CastLoop, swap: Swap },
    /// A family's cast method (`super::method`), with its context; it may fail.
    Method(std::sync::Arc<super::method::StridedLoop>),
}

impl Transfer {
    pub fn new(from: &DType, to: &DType) -> Result<Transfer> {
        let refs = from.flags().holds_refs || to.flags().holds_refs;
        if from == to && !refs {
            return Ok(Transfer::Copy {
                size: from.itemsize(),
            });
        }
        if super::method::is_extension(from) || super::method::is_extension(to) {
            if let Some(r) = super::method::resolve_cast(from, to) {
                let (m, res) = r?;
                // The method runs on its resolved descriptors; they must be the operands'.
                if res.descrs.len() == 2 && res.descrs[0] == *from && res.descrs[1] == *to {
                    return Ok(Transfer::Method(std::sync::Arc::new(
                        m.get_loop(&res.descrs)?,
                    )));
                }
                // Into items of an unsized descriptor that has a size (a generic datetime):
                // the loop for the descriptor itself (which refuses what it cannot hold).
                if to.0.is_unsized() && to.itemsize() > 0 && res.descrs[0] == *from {
                    let descrs = [from.clone(), to.clone()];
                    return Ok(Transfer::Method(std::sync::Arc::new(m.get_loop(&descrs)?)));
                }
            }
            return Err(Error::Type(format!(
                "Cannot cast array data from {:?} to {:?}",
                from, to
            )));
        }
        if refs && from == to {
            // Records holding references, copied whole: the bytes, the target's old references
            // given up before and the new ones taken after (the family's clear and retain).
            let d = to.clone();
            let size = d.itemsize();
            let copy: super::method::StridedLoop =
                Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
                    if n == 0 || (p[0] == p[1] && s[0] == s[1]) {
                        return Ok(0);
                    }
                    let at = |k: usize, i: isize| p[k].wrapping_offset(i * s[k]);
                    // Whole runs when source and target lie apart (one release and one take
                    // of references for the run); item by item otherwise, each item's own
                    // references taken before its target's old ones go.
                    let span = |k: usize| {
                        let (a, b) = (at(k, 0) as usize, at(k, n as isize - 1) as usize);
                        (a.min(b), a.max(b) + size)
                    };
                    let ((s0, s1), (d0, d1)) = (span(0), span(1));
                    // SAFETY: StridedLoop's contract: an item of `d` at each pointer.
                    unsafe {
                        if s1 <= d0 || d1 <= s0 {
                            d.0.clear(p[1], s[1], n);
                            for i in 0..n as isize {
                                std::ptr::copy_nonoverlapping(at(0, i), at(1, i), size);
                            }
                            d.0.retain(p[1], s[1], n);
                        } else {
                            for i in 0..n as isize {
                                let (src, dst) = (at(0, i), at(1, i));
                                if !std::ptr::eq(src, dst) {
                                    d.0.retain(src, 0, 1);
                                    d.0.clear(dst, 0, 1);
                                    std::ptr::copy_nonoverlapping(src, dst, size);
                                }
                            }
                        }
                    }
                    Ok(0)
                });
            return Ok(Transfer::Method(std::sync::Arc::new(copy)));
        }
        if refs {
            // Records holding references into other records would need a field-wise cast.
            return Err(Error::NotImplemented(format!(
                "copying {:?} items that hold references",
                from
            )));
        }
        match (from.scalar_type(), to.scalar_type()) {
            (Some(a), Some(b)) => {
                if a == b {
                    let unit = if a.is_complex() {
                        a.itemsize() / 2
                    } else {
                        a.itemsize()
                    };
                    Ok(Transfer::SwapCopy {
                        size: a.itemsize(),
                        unit,
                    })
                } else {
                    Ok(Transfer::Cast {
                        f: cast_loop(a, b),
                        swap: Swap {
                            src: !from.is_native(),
                            dst: !to.is_native(),
                        },
                    })
                }
            }
            _ => Err(Error::Type(format!(
                "Cannot cast array data from dtype('{}') to dtype('{}')",
                from.typestr(),
                to.typestr()
            ))),
        }
    }

    /// Run on one strided line; only a family's cast method can fail.
    ///
    /// # Safety
    /// As for [`CastLoop`].
    #[inline]
    pub unsafe fn run(
        &self,
        src: *const u8,
        ss: isize,
        dst: *mut u8,
        ds: isize,
        n: usize,
    ) -> Result<()> {
        // SAFETY: forwarded from the caller.
        unsafe {
            match self {
                Transfer::Copy { size } => copy_strided(src, ss, dst, ds, n, *size, 0),
                Transfer::SwapCopy { size, unit } => {
                    copy_strided(src, ss, dst, ds, n, *size, *unit)
                }
                Transfer::Cast { f, swap } => f(src, ss, dst, ds, n, *swap),
                Transfer::Method(f) => {
                    // A family's cast reports its conditions (those C computed out of the
                    // hardware's view): raised here, where the caller reads them.
                    super::method::status::raise(f(&[src as *mut u8, dst], &[ss, ds], n)?);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_to_int_truncates_and_wraps() {
        let src = [1.7f64, -1.7, 300.0, f64::NAN];
        let mut dst = [0i8; 4];
        let f = cast_loop(ScalarType::Float64, ScalarType::Int8);
        // SAFETY: 4 elements on both sides, contiguous.
        unsafe {
            f(
                src.as_ptr() as _,
                8,
                dst.as_mut_ptr() as _,
                1,
                4,
                Swap::default(),
            )
        };
        assert_eq!(dst, [1, -1, 44, 0]);
    }

    #[test]
    fn swapped_copy() {
        let src = [1.5f64.to_bits().swap_bytes()];
        let mut dst = [0f64];
        let t = Transfer::new(
            &super::super::numeric::swapped::<f64>(),
            &ScalarType::Float64.dtype(),
        )
        .unwrap();
        // SAFETY: one element each side.
        unsafe { t.run(src.as_ptr() as _, 8, dst.as_mut_ptr() as _, 8, 1) }.unwrap();
        assert_eq!(dst[0], 1.5);
    }
}
