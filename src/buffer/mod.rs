//! Bytes and who owns them.
//!
//! A [`Buffer`] is a raw pointer, a length in bytes and an [`Owner`] that keeps the memory alive.
//! Arrays hold an `Arc<Buffer>`; views clone the `Arc`. Aliasing follows NumPy: writes through a
//! view are seen by every other view of the same buffer (no copy-on-write). The memory is written
//! through raw pointers only, never through `&mut [u8]` spanning the buffer, so two views that
//! overlap never create aliasing Rust references.

use std::alloc::{self, Layout};
use std::any::Any;
use std::sync::Arc;

use crate::error::{Error, Result};

/// Alignment of every buffer rumpy allocates itself (a cache line, and enough for AVX-512).
pub const ALIGN: usize = 64;

/// Who frees the memory.
pub enum Owner {
    /// Allocated by rumpy with [`ALIGN`]; freed with the same layout.
    Owned(Layout),
    /// Memory belonging to some other object (a Python buffer exporter, a DLPack producer, a
    /// memory map). Dropping the box releases it. The core does not know what it is.
    Foreign(Box<dyn Any + Send + Sync>),
}

/// A span of bytes. Invariants:
/// 1. `ptr` is valid for reads of `len` bytes for the life of the `Buffer` (for writes too when
///    `writeable`).
/// 2. When `Owner::Owned`, `ptr` is aligned to [`ALIGN`].
pub struct Buffer {
    ptr: *mut u8,
    len: usize,
    writeable: bool,
    owner: Owner,
}

// SAFETY: the buffer is plain memory; synchronising writes is the caller's concern exactly as in
// NumPy, and the foreign owner is required to be Send + Sync.
unsafe impl Send for Buffer {}
// SAFETY: see above.
unsafe impl Sync for Buffer {}

impl Buffer {
    /// Allocate `len` bytes, 64-byte aligned. `zeroed` asks the allocator for zeroed pages (cheap
    /// for large buffers, as calloc).
    pub fn alloc(len: usize, zeroed: bool) -> Result<Arc<Buffer>> {
        let size = len.max(1);
        let layout = Layout::from_size_align(size, ALIGN)
            .map_err(|_| Error::Value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.".into()))?;
        // SAFETY: layout has non-zero size.
        let ptr = unsafe {
            if zeroed {
                alloc::alloc_zeroed(layout)
            } else {
                alloc::alloc(layout)
            }
        };
        if ptr.is_null() {
            return Err(Error::Memory(format!(
                "Unable to allocate {} for an array",
                human_bytes(len)
            )));
        }
        Ok(Arc::new(Buffer { ptr, len, writeable: true, owner: Owner::Owned(layout) }))
    }

    /// Wrap memory owned by something else.
    ///
    /// # Safety
    /// `ptr` must be valid for reads of `len` bytes (and writes, if `writeable`) for as long as
    /// `owner` is alive.
    pub unsafe fn foreign(
        ptr: *mut u8,
        len: usize,
        writeable: bool,
        owner: Box<dyn Any + Send + Sync>,
    ) -> Arc<Buffer> {
        Arc::new(Buffer { ptr, len, writeable, owner: Owner::Foreign(owner) })
    }

    pub fn ptr(&self) -> *mut u8 {
        self.ptr
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn writeable(&self) -> bool {
        self.writeable
    }
    pub fn is_owned(&self) -> bool {
        matches!(self.owner, Owner::Owned(_))
    }
    /// The foreign owner, for bindings that need to hand it back (e.g. as `ndarray.base`).
    pub fn foreign_owner(&self) -> Option<&(dyn Any + Send + Sync)> {
        match &self.owner {
            Owner::Foreign(b) => Some(b.as_ref()),
            Owner::Owned(_) => None,
        }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        if let Owner::Owned(layout) = self.owner {
            // SAFETY: allocated in `alloc` with this very layout (invariant 2).
            unsafe { alloc::dealloc(self.ptr, layout) }
        }
    }
}

/// NumPy's way of printing a byte count in MemoryError messages ("7.45 GiB"): three
/// significant figures in the largest binary unit (`_size_to_string` in NumPy).
pub fn human_bytes(n: usize) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bits = usize::BITS - n.leading_zeros();
    let mut i = ((bits.max(2) - 1) / 10) as usize;
    let mut v = n as f64 / (1u128 << (i * 10)) as f64;
    if v.round() == 1024.0 && i + 1 < units.len() {
        i += 1;
        v /= 1024.0;
    }
    if i == 0 {
        format!("{} bytes", n)
    } else if v < 10.0 {
        format!("{:.2} {}", v, units[i])
    } else if v < 100.0 {
        format!("{:.1} {}", v, units[i])
    } else {
        format!("{:.0} {}", v, units[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alloc_is_aligned_and_zeroed() {
        let b = Buffer::alloc(1000, true).unwrap();
        assert_eq!(b.ptr() as usize % ALIGN, 0);
        // SAFETY: 1000 bytes were allocated.
        let s = unsafe { std::slice::from_raw_parts(b.ptr(), 1000) };
        assert!(s.iter().all(|&x| x == 0));
    }

    #[test]
    fn zero_length_alloc_works() {
        let b = Buffer::alloc(0, false).unwrap();
        assert_eq!(b.len(), 0);
    }

    #[test]
    fn huge_alloc_is_memory_error() {
        let e = Buffer::alloc(isize::MAX as usize - 4096, false).err().unwrap();
        assert!(matches!(e, Error::Memory(_)));
    }
}
