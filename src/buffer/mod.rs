//! Bytes and who owns them.
//!
//! A [`Buffer`] is a raw pointer, a length in bytes and an [`Owner`] that keeps the memory alive.
//! Arrays hold an `Arc<Buffer>`; views clone the `Arc`. Aliasing follows NumPy: writes through a
//! view are seen by every other view of the same buffer (no copy-on-write). The memory is written
//! through raw pointers only, never through `&mut [u8]` spanning the buffer, so two views that
//! overlap never create aliasing Rust references.

use std::any::Any;
use std::sync::Arc;

use crate::dtype::DType;
use crate::error::{Error, Result};

pub mod reserve;

/// Alignment of every buffer rumpy allocates itself (a cache line, and enough for AVX-512).
pub const ALIGN: usize = 64;

/// Who frees the memory.
pub enum Owner {
    /// Allocated by rumpy with the C allocator; `base` is what to hand back to `free` (the data
    /// pointer is `base` rounded up to [`ALIGN`]) and `cap` the usable bytes from the data pointer
    /// (at least `len`; more when the buffer was reused from the cache).
    Owned { base: *mut u8, cap: usize },
    /// Memory belonging to some other object (a Python buffer exporter, a DLPack producer, a
    /// memory map). Dropping the box releases it. The core does not know what it is.
    Foreign(Box<dyn Any + Send + Sync>),
}

/// Freed buffers kept for reuse: temporaries of expression evaluation (`a*b + c`) and the
/// results of a loop's previous round are freed and re-requested at once, and getting fresh
/// pages from the kernel each time (mmap, page faults and zeroing, munmap) costs more than the
/// arithmetic: for an array of 1e7 float64, several times the cost of an addition. Only
/// uninitialised requests reuse them, only buffers of `CACHE_MIN..=CACHE_MAX` bytes are kept,
/// and at most `CACHE_TOTAL` bytes overall (the memory a working set of a few large arrays
/// holds; beyond it, freed memory goes back to the system as NumPy's does).
const CACHE_MIN: usize = 1 << 20;
const CACHE_MAX: usize = 1 << 27;
const CACHE_TOTAL: usize = 1 << 28;

struct Cached {
    base: usize,
    ptr: usize,
    len: usize,
}

static CACHE: std::sync::Mutex<Vec<Cached>> = std::sync::Mutex::new(Vec::new());

fn cache_take(len: usize) -> Option<(*mut u8, *mut u8, usize)> {
    if !(CACHE_MIN..=CACHE_MAX).contains(&len) {
        return None;
    }
    let mut c = CACHE.lock().ok()?;
    // A kept buffer fits when it is at least as large and not more than a quarter larger.
    let i = c
        .iter()
        .position(|b| b.len >= len && b.len - len <= len / 4)?;
    let b = c.swap_remove(i);
    Some((b.base as *mut u8, b.ptr as *mut u8, b.len))
}

/// Give every kept buffer back to the system; true when there was one.
fn cache_flush() -> bool {
    let kept = match CACHE.lock() {
        Ok(mut c) => std::mem::take(&mut *c),
        Err(_) => return false,
    };
    for b in &kept {
        // SAFETY: each kept base came from malloc in `alloc` and left the cache just now.
        unsafe { libc::free(b.base as *mut libc::c_void) };
    }
    !kept.is_empty()
}

/// Keep a freed buffer; false when the cache is full or the size is out of range.
fn cache_put(base: *mut u8, ptr: *mut u8, len: usize) -> bool {
    if !(CACHE_MIN..=CACHE_MAX).contains(&len) {
        return false;
    }
    let Ok(mut c) = CACHE.lock() else {
        return false;
    };
    let total: usize = c.iter().map(|b| b.len).sum();
    if total + len > CACHE_TOTAL {
        return false;
    }
    c.push(Cached {
        base: base as usize,
        ptr: ptr as usize,
        len,
    });
    true
}

/// Buffers at least this large ask the kernel for transparent huge pages, as NumPy does: far
/// fewer page faults when a large array is first written.
const HUGEPAGE_THRESHOLD: usize = 1 << 22;

/// A span of bytes. Invariants:
/// 1. `ptr` is valid for reads of `len` bytes for the life of the `Buffer` (for writes too when
///    `writeable`).
/// 2. When `Owner::Owned { base, cap }`, `ptr` is aligned to [`ALIGN`], lies less than `ALIGN`
///    bytes after `base`, and `cap >= len` bytes from `ptr` belong to that one C allocation.
/// 3. When `items` is set, the buffer holds `len / itemsize` initialised items of that dtype
///    from `ptr` (zero bytes count as initialised), released through its `clear` hook on drop.
pub struct Buffer {
    ptr: *mut u8,
    len: usize,
    writeable: bool,
    owner: Owner,
    items: Option<DType>,
}

// SAFETY: the buffer is plain memory; synchronising writes is the caller's concern exactly as in
// NumPy, and the foreign owner is required to be Send + Sync.
unsafe impl Send for Buffer {}
// SAFETY: see above.
unsafe impl Sync for Buffer {}

impl Buffer {
    /// Allocate `len` bytes, 64-byte aligned. `zeroed` uses calloc, which gets large buffers
    /// as fresh zero pages from the kernel without touching them (NumPy's `zeros` does the same).
    pub fn alloc(len: usize, zeroed: bool) -> Result<Arc<Buffer>> {
        if !zeroed {
            if let Some((base, ptr, cap)) = cache_take(len) {
                return Ok(Arc::new(Buffer {
                    ptr,
                    len,
                    writeable: true,
                    owner: Owner::Owned { base, cap },
                    items: None,
                }));
            }
        }
        let size = len
            .checked_add(ALIGN)
            .filter(|&s| s <= isize::MAX as usize)
            .ok_or_else(|| Error::Value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.".into()))?;
        // SAFETY: plain C allocation of `size` bytes; checked for null below.
        let raw = || unsafe {
            if zeroed {
                libc::calloc(1, size)
            } else {
                libc::malloc(size)
            }
        } as *mut u8;
        let mut base = raw();
        if base.is_null() && cache_flush() {
            // The kept buffers were in the way: once more without them.
            base = raw();
        }
        if base.is_null() {
            return Err(Error::Memory(format!(
                "Unable to allocate {} for an array",
                human_bytes(len)
            )));
        }
        let ptr = base.wrapping_add(base.align_offset(ALIGN));
        if len >= HUGEPAGE_THRESHOLD {
            advise_hugepages(ptr, len);
        }
        Ok(Arc::new(Buffer {
            ptr,
            len,
            writeable: true,
            owner: Owner::Owned { base, cap: len },
            items: None,
        }))
    }

    /// Zeroed memory for `len` bytes of items of a reference-holding dtype: the items are
    /// released through the dtype's `clear` hook when the buffer is freed.
    pub fn alloc_items(len: usize, dtype: &DType) -> Result<Arc<Buffer>> {
        let b = Self::alloc(len, true)?;
        match Arc::try_unwrap(b) {
            Ok(mut b) => {
                b.items = Some(dtype.clone());
                Ok(Arc::new(b))
            }
            // A fresh Arc has no other owner.
            Err(b) => Ok(b),
        }
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
        Arc::new(Buffer {
            ptr,
            len,
            writeable,
            owner: Owner::Foreign(owner),
            items: None,
        })
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
        matches!(self.owner, Owner::Owned { .. })
    }
    /// The foreign owner, for bindings that need to hand it back (e.g. as `ndarray.base`).
    pub fn foreign_owner(&self) -> Option<&(dyn Any + Send + Sync)> {
        match &self.owner {
            Owner::Foreign(b) => Some(b.as_ref()),
            Owner::Owned { .. } => None,
        }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        if let Some(d) = self.items.take() {
            let size = d.itemsize();
            if size > 0 {
                // SAFETY: invariant 3: len / size initialised items from ptr.
                unsafe { d.0.clear(self.ptr, size as isize, self.len / size) };
            }
        }
        if let Owner::Owned { base, cap } = self.owner {
            if cache_put(base, self.ptr, cap) {
                return;
            }
            // SAFETY: `base` came from malloc/calloc in `alloc` and is freed once.
            unsafe { libc::free(base as *mut libc::c_void) }
            if cap >= 1 << 23 {
                reserve::arm();
            }
        }
    }
}

/// `madvise(MADV_HUGEPAGE)` over the whole pages inside [ptr, ptr + len). Advice only: failure
/// changes nothing.
#[cfg(target_os = "linux")]
fn advise_hugepages(ptr: *mut u8, len: usize) {
    let page = 4096usize;
    let start = (ptr as usize).div_ceil(page) * page;
    let end = (ptr as usize + len) / page * page;
    if end > start {
        // SAFETY: the range lies inside our own allocation; madvise only changes paging advice.
        unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_hugepages(_ptr: *mut u8, _len: usize) {}

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
    fn freed_temporaries_are_reused() {
        // The cache is the process's: a test running beside this one may take the freed
        // buffer first, or leave buffers of its own that fit, so reuse of any buffer freed
        // here must be seen in one of a few tries, the cache emptied first.
        let len = (3 << 20) + 4040;
        cache_flush();
        let mut freed = Vec::new();
        let reused = (0..5).any(|_| {
            let b = Buffer::alloc(len, false).unwrap();
            freed.push(b.ptr());
            drop(b);
            freed.contains(&Buffer::alloc(len, false).unwrap().ptr())
        });
        assert!(reused);
        // Zeroed requests never take a used buffer.
        drop(Buffer::alloc(3 << 20, false).unwrap());
        let z = Buffer::alloc(3 << 20, true).unwrap();
        // SAFETY: 3 MiB were allocated.
        let s = unsafe { std::slice::from_raw_parts(z.ptr(), 3 << 20) };
        assert!(s.iter().all(|&x| x == 0));
    }

    #[test]
    fn huge_alloc_is_memory_error() {
        let e = Buffer::alloc(isize::MAX as usize - 4096, false)
            .err()
            .unwrap();
        assert!(matches!(e, Error::Memory(_)));
    }
}
