//! The process-wide allocator: the system's, with an emergency reserve.
//!
//! Rust aborts the process when an allocation fails ("memory allocation of N bytes failed").
//! User sizes never reach such an allocation unchecked (buffers and index lists are allocated
//! fallibly and fail as MemoryError), but when memory runs out in Python code nearby, the small
//! allocations any error path makes (a message, a boxed error state) can fail too. So a block
//! of address space is held back: when an allocation fails, the block is freed and the
//! allocation retried, which lets the error reach Python as MemoryError. The block is taken
//! again when a large allocation is freed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicPtr, Ordering};

/// Size of the held-back block. It is never touched, so it costs address space, not memory.
const RESERVE_SIZE: usize = 8 << 20;

static RESERVE: AtomicPtr<libc::c_void> = AtomicPtr::new(std::ptr::null_mut());

/// Hold the reserve back, if it is not held already (and memory allows).
pub fn arm() {
    if !RESERVE.load(Ordering::Relaxed).is_null() {
        return;
    }
    // SAFETY: plain C allocation, checked for null; freed only through `release`.
    let p = unsafe { libc::malloc(RESERVE_SIZE) };
    if p.is_null() {
        return;
    }
    if RESERVE
        .compare_exchange(std::ptr::null_mut(), p, Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        // SAFETY: p came from malloc above and was not published.
        unsafe { libc::free(p) };
    }
}

/// Free the reserve; true when there was one to free.
fn release() -> bool {
    let p = RESERVE.swap(std::ptr::null_mut(), Ordering::AcqRel);
    if p.is_null() {
        return false;
    }
    // SAFETY: p came from malloc in `arm` and is freed once (the swap took it).
    unsafe { libc::free(p) };
    true
}

/// The system allocator, retrying once after freeing the reserve.
pub struct ReserveAlloc;

// SAFETY: every method forwards to the system allocator with the caller's arguments; the
// reserve is separate memory.
unsafe impl GlobalAlloc for ReserveAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: caller's contract, forwarded.
        let p = unsafe { System.alloc(layout) };
        if p.is_null() && release() {
            // SAFETY: as above.
            return unsafe { System.alloc(layout) };
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: caller's contract, forwarded.
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() && release() {
            // SAFETY: as above.
            return unsafe { System.alloc_zeroed(layout) };
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: caller's contract, forwarded.
        unsafe { System.dealloc(ptr, layout) };
        if layout.size() >= RESERVE_SIZE {
            arm();
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: caller's contract, forwarded.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() && release() {
            // SAFETY: as above; a failed realloc leaves `ptr` valid.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserve_is_released_once_and_rearmed() {
        arm();
        assert!(release());
        assert!(!release());
        arm();
        assert!(!RESERVE.load(Ordering::Relaxed).is_null());
    }
}
