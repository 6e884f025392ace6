//! A test-only reference-holding family: each item is a pointer made by `Arc::into_raw` of an
//! `Arc<u64>`, or null. It proves the engine's handling of families that hold references (the
//! object dtype's needs) in `cargo test`: new memory starts zeroed, copies count references
//! through the family's cast to itself, overwritten items are released, and a freed buffer
//! releases what it holds (`DTypeImpl::clear`).

use std::any::Any;
use std::sync::Arc;

use smallvec::smallvec;

use super::method::{ArrayMethod, Flags, MethodFlags, Resolved, StridedLoop};
use super::promote::Casting;
use super::{ByteOrder, DType, DTypeImpl, ScalarType};
use crate::error::Result;

#[derive(Debug)]
pub struct Counted;

pub fn counted() -> DType {
    DType::new(Counted)
}

/// Take one more reference to the item at `p` (if any).
///
/// # Safety
/// `p` holds null or a pointer from `Arc::<u64>::into_raw` with a live count.
pub unsafe fn retain(p: *const u8) -> usize {
    // SAFETY: the caller's guarantee.
    let v = unsafe { std::ptr::read_unaligned(p as *const usize) };
    if v != 0 {
        // SAFETY: v came from Arc::into_raw and its count is at least one.
        unsafe { Arc::increment_strong_count(v as *const u64) };
    }
    v
}

/// Give up the reference an item held.
///
/// # Safety
/// `v` is 0 or a pointer from `Arc::<u64>::into_raw` whose reference the caller owns.
pub unsafe fn release(v: usize) {
    if v != 0 {
        // SAFETY: the caller's guarantee.
        unsafe { Arc::decrement_strong_count(v as *const u64) };
    }
}

impl DTypeImpl for Counted {
    fn kind(&self) -> char {
        'O'
    }
    fn char_code(&self) -> char {
        'O'
    }
    fn num(&self) -> i32 {
        -1
    }
    fn itemsize(&self) -> usize {
        8
    }
    fn alignment(&self) -> usize {
        8
    }
    fn name(&self) -> String {
        "counted".into()
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::NotApplicable
    }
    fn with_native_order(&self, _native: bool) -> DType {
        counted()
    }
    fn typestr(&self) -> String {
        "|O".into()
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other.as_any().is::<Counted>()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn flags(&self) -> Flags {
        Flags {
            holds_refs: true,
            needs_init: true,
            ..Flags::default()
        }
    }
    fn cast_to(&self, to: &DType) -> Option<Arc<dyn ArrayMethod>> {
        to.0.as_any()
            .is::<Counted>()
            .then(|| Arc::new(CopyRefs) as Arc<dyn ArrayMethod>)
    }
    unsafe fn retain(&self, p: *mut u8, stride: isize, n: usize) {
        for i in 0..n as isize {
            // SAFETY: the caller's items.
            unsafe { retain(p.wrapping_offset(i * stride)) };
        }
    }
    unsafe fn clear(&self, p: *mut u8, stride: isize, n: usize) {
        for i in 0..n as isize {
            let q = p.wrapping_offset(i * stride);
            // SAFETY: the caller's items; each reference is given up once and the slot zeroed.
            unsafe {
                release(std::ptr::read_unaligned(q as *const usize));
                std::ptr::write_unaligned(q as *mut usize, 0);
            }
        }
    }
}

/// The copy: the new item is retained before the overwritten one is released.
struct CopyRefs;

impl ArrayMethod for CopyRefs {
    fn name(&self) -> &str {
        "counted_copy"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), ins[0].clone()],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, _d: &[DType]) -> Result<StridedLoop> {
        Ok(Box::new(|p: &[*mut u8], s: &[isize], n: usize| {
            for i in 0..n as isize {
                // SAFETY: StridedLoop's contract: n initialised items on each side.
                unsafe {
                    let v = retain(p[0].offset(i * s[0]));
                    let d = p[1].offset(i * s[1]) as *mut usize;
                    let old = std::ptr::read_unaligned(d);
                    std::ptr::write_unaligned(d, v);
                    release(old);
                }
            }
            Ok(0)
        }))
    }
}
