//! Helper threads for work split in a few long parts (the threads of the matrix product's
//! [`Team`]; through [`share`], long elementwise lines, reductions split by columns or rows,
//! and lanes): one for each of rayon's threads but the caller's (made on first use, with the
//! affinity of the thread that first needs them, as rayon's are), parked between uses,
//! spinning for a moment after each part so that work right after other work starts at once
//! (1e6-item float32 sin, exp and log: 0.49-0.76x numpy's time on rayon's threads,
//! 0.38-0.51x on these).
//!
//! Why not rayon's pool: a part handed to rayon from outside it wakes one of its threads, and
//! while the others of its idle threads look for work, the scheduler may put the woken one on
//! the core of the caller, which runs a part too: two parts then share a core, for a whole
//! time slice (4 ms measured) while the other core is idle. These threads are idle only when
//! parked. A woken thread may still be put on the caller's core (in a virtual machine, an
//! idle virtual CPU counts as busy to the scheduler, measured in one): a helper that finds
//! itself there moves to another before it starts its part.
//!
//! A part posted here may never start (a helper still busy, a process forked after the threads
//! were made): callers take over the work nobody started ([`share`]'s pieces, the [`Team`]'s
//! rows are claimed by whichever thread gets there).
//!
//! [`Team`]: super::gemm

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::Thread;
use std::time::{Duration, Instant};

/// A part of some work, run once by whichever helper takes it.
pub type Part = Box<dyn FnOnce() + Send>;

/// How long a helper spins after a part before parking: longer than the caller's time between
/// two products in a loop, short against work that follows on rayon's threads.
const SPIN: Duration = Duration::from_micros(200);

/// One helper's mailbox, on cache lines of its own (helpers spin on it).
#[repr(align(128))]
struct Helper {
    part: Mutex<Option<Part>>,
    posted: AtomicBool,
    /// The CPU the part's caller ran on when it posted it (-1: unknown).
    caller_cpu: AtomicI32,
    thread: Thread,
}

/// The helpers and the process that made them.
struct Helpers {
    pid: u32,
    each: Vec<Arc<Helper>>,
}

static HELPERS: OnceLock<Helpers> = OnceLock::new();

/// Made on first use: one helper for each of rayon's threads but one (the caller's).
fn helpers() -> &'static Helpers {
    HELPERS.get_or_init(|| {
        let count = rayon::current_num_threads().saturating_sub(1);
        let each = (0..count)
            .filter_map(|i| {
                let (tx, rx) = std::sync::mpsc::channel();
                let spawned = std::thread::Builder::new()
                    .name(format!("rumpy-helper-{i}"))
                    .spawn(move || {
                        let me = Arc::new(Helper {
                            part: Mutex::new(None),
                            posted: AtomicBool::new(false),
                            caller_cpu: AtomicI32::new(-1),
                            thread: std::thread::current(),
                        });
                        if tx.send(me.clone()).is_ok() {
                            serve(&me);
                        }
                    });
                spawned.ok().and_then(|_| rx.recv().ok())
            })
            .collect();
        Helpers {
            pid: std::process::id(),
            each,
        }
    })
}

/// A helper's loop: run what is posted; spin for [`SPIN`] after it, then park.
fn serve(me: &Helper) {
    let mut last = Instant::now();
    let mut spins = 0u32;
    loop {
        if me.posted.load(Ordering::Relaxed) && me.posted.swap(false, Ordering::Acquire) {
            let part = me.part.lock().map(|mut p| p.take()).unwrap_or(None);
            if let Some(part) = part {
                leave(me.caller_cpu.load(Ordering::Relaxed));
                // A part that panicked would leave its caller waiting for it: abort, as
                // rayon does for a panic in work it was handed.
                if std::panic::catch_unwind(std::panic::AssertUnwindSafe(part)).is_err() {
                    std::process::abort();
                }
            }
            last = Instant::now();
            spins = 0;
            continue;
        }
        spins = spins.wrapping_add(1);
        if !spins.is_multiple_of(64) || last.elapsed() < SPIN {
            std::hint::spin_loop();
        } else {
            std::thread::park();
        }
    }
}

/// How many helpers there are (none in a process forked after they were made).
pub fn count() -> usize {
    let h = helpers();
    if h.pid == std::process::id() {
        h.each.len()
    } else {
        0
    }
}

/// Hand `part` to helper `i` (below [`count`]); a part posted before to the same helper and
/// not yet started is dropped.
pub fn post(i: usize, part: Part) {
    let Some(h) = helpers().each.get(i) else {
        return;
    };
    if let Ok(mut slot) = h.part.lock() {
        *slot = Some(part);
    }
    h.caller_cpu.store(current_cpu(), Ordering::Relaxed);
    h.posted.store(true, Ordering::Release);
    h.thread.unpark();
}

/// Wait for `done`: spinning at first (the wait is short when the parts are even), then
/// yielding the CPU.
pub fn wait_until(done: impl Fn() -> bool) {
    let mut spins = 0u32;
    while !done() {
        if spins < 1 << 12 {
            spins += 1;
            std::hint::spin_loop();
        } else {
            std::thread::yield_now();
        }
    }
}

/// Pieces of work shared by the caller of [`share`] and the helpers.
struct Shared {
    pieces: usize,
    /// The next piece to claim, and the pieces done.
    next: AtomicUsize,
    done: AtomicUsize,
    flags: AtomicU32,
    /// The caller's work, its lifetime erased: called only for a claimed piece, and the caller
    /// returns only once every piece is done, so never after it returned.
    f: *const (dyn Fn(usize) + Sync),
}

// SAFETY: `f` is Sync and called only while the caller waits (see `Shared::f`).
unsafe impl Send for Shared {}
// SAFETY: as above.
unsafe impl Sync for Shared {}

impl Shared {
    /// Claim and run pieces until none is left.
    fn work(&self) {
        loop {
            let t = self.next.fetch_add(1, Ordering::AcqRel);
            if t >= self.pieces {
                return;
            }
            if !super::watch::stop_requested() {
                // SAFETY: the piece is claimed, so the caller is still waiting (`Shared::f`).
                let ((), st) = super::watch::fp_item(|| unsafe { (*self.f)(t) });
                self.flags.fetch_or(st, Ordering::Relaxed);
            }
            self.done.fetch_add(1, Ordering::Release);
        }
    }
}

/// Run `f` for each of `pieces` pieces, on this thread and on the helpers that are free, each
/// piece once; returns once all are done, their floating-point conditions raised here. A stop
/// request (Ctrl-C) skips the pieces not yet started.
pub fn share(pieces: usize, f: impl Fn(usize) + Sync) {
    let f: &(dyn Fn(usize) + Sync) = &f;
    // SAFETY: only the lifetime changes; see `Shared::f` for why it is never outlived.
    let f: *const (dyn Fn(usize) + Sync + 'static) = unsafe { std::mem::transmute(f) };
    let shared = Arc::new(Shared {
        pieces,
        next: AtomicUsize::new(0),
        done: AtomicUsize::new(0),
        flags: AtomicU32::new(0),
        f,
    });
    for i in 0..count().min(pieces.saturating_sub(1)) {
        let s = shared.clone();
        post(i, Box::new(move || s.work()));
    }
    shared.work();
    wait_until(|| shared.done.load(Ordering::Acquire) == pieces);
    super::elementwise::fp_raise(shared.flags.load(Ordering::Relaxed));
}

/// The CPU this thread runs on, or -1.
fn current_cpu() -> i32 {
    #[cfg(target_os = "linux")]
    // SAFETY: no arguments; returns -1 on failure.
    return unsafe { libc::sched_getcpu() };
    #[cfg(not(target_os = "linux"))]
    return -1;
}

/// Move this thread off CPU `cpu` if it runs there (its affinity without that CPU, which
/// migrates it, then its affinity as it was). Nothing happens where the thread may run on
/// that CPU alone; should restoring fail, the thread keeps off that CPU.
fn leave(cpu: i32) {
    #[cfg(target_os = "linux")]
    if cpu >= 0 && current_cpu() == cpu {
        // SAFETY: the sets are plain bit sets of the size the calls are given; pid 0 is this
        // thread.
        unsafe {
            let size = std::mem::size_of::<libc::cpu_set_t>();
            let mut was: libc::cpu_set_t = std::mem::zeroed();
            if libc::sched_getaffinity(0, size, &mut was) != 0 {
                return;
            }
            let mut away = was;
            libc::CPU_CLR(cpu as usize, &mut away);
            if libc::CPU_COUNT(&away) > 0 && libc::sched_setaffinity(0, size, &away) == 0 {
                libc::sched_setaffinity(0, size, &was);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = cpu;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_piece_runs_once() {
        for pieces in [0, 1, 2, 7, 100] {
            let hits: Vec<AtomicUsize> = (0..pieces).map(|_| AtomicUsize::new(0)).collect();
            share(pieces, |t| {
                hits[t].fetch_add(1, Ordering::Relaxed);
            });
            assert!(
                hits.iter().all(|h| h.load(Ordering::Relaxed) == 1),
                "{pieces}"
            );
        }
    }

    #[test]
    fn pieces_raise_their_conditions_on_the_caller() {
        use crate::kernels::status::OVERFLOW;
        let ((), st) = crate::loops::watch::fp_item(|| {
            share(4, |t| {
                if t == 3 {
                    std::hint::black_box(std::hint::black_box(f64::MAX) * 2.0);
                }
            })
        });
        assert_ne!(st & OVERFLOW, 0);
    }
}
