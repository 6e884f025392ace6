//! Watching long work. Floating-point status is collected from every thread that ran a part of
//! an operation and merged on the calling thread, so a parallel loop warns exactly as a
//! sequential one; and a request to stop (Ctrl-C, set by the bindings' signal handler) is
//! checked between parts, so a long loop ends early and its caller reports the interruption.
//!
//! A loop that stops early leaves its output partly written: every byte is still a valid item
//! (numeric and bool items accept any bytes), and the caller discards the result.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use rayon::prelude::*;

use super::elementwise::{fp_clear, fp_raise, fp_status, fp_take};

static STOP: AtomicBool = AtomicBool::new(false);

/// Ask running loops to stop at their next check (async-signal-safe: one atomic store).
pub fn request_stop() {
    STOP.store(true, Ordering::Relaxed);
}

/// Has a stop been requested (and not yet taken)?
#[inline]
pub fn stop_requested() -> bool {
    STOP.load(Ordering::Relaxed)
}

/// Take a pending stop request: true if there was one; none is pending afterwards.
pub fn take_stop() -> bool {
    STOP.swap(false, Ordering::Relaxed)
}

/// The first error a loop raised on any thread (a family's loop may fail: a bad factor, a
/// Python exception); the caller reports it.
#[derive(Default)]
pub struct FirstError(std::sync::Mutex<Option<crate::error::Error>>, AtomicBool);

impl FirstError {
    /// Keep `r`'s error if it is the first.
    pub fn keep<T>(&self, r: crate::error::Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.1.store(true, Ordering::Relaxed);
                let mut slot = self.0.lock().unwrap_or_else(|p| p.into_inner());
                slot.get_or_insert(e);
                None
            }
        }
    }
    /// Has a loop failed? Callers skip the lines not yet started (NumPy stops at the first
    /// error; a loop that calls user code must not run on after it).
    pub fn failed(&self) -> bool {
        self.1.load(Ordering::Relaxed)
    }
    /// `Err` with the first error kept, if any.
    pub fn into_result(self) -> crate::error::Result<()> {
        match self.0.into_inner().unwrap_or_else(|p| p.into_inner()) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// Run `f` as one work item on whatever thread this is: returns its result and the
/// floating-point conditions it raised, and leaves the thread's own flags as they were.
#[inline]
pub fn fp_item<R>(f: impl FnOnce() -> R) -> (R, u32) {
    let before = fp_take();
    let r = f();
    let st = fp_take();
    fp_raise(before);
    (r, st)
}

/// `f(0), ..., f(n - 1)` across rayon's threads. The floating-point conditions every item
/// raised are raised on the calling thread once all are done; items not yet started when a
/// stop is requested are skipped.
pub fn par_for_each(n: usize, f: impl Fn(usize) + Sync + Send) {
    par_for_each_until(&STOP, n, f)
}

/// [`par_for_each`], skipping the items not yet started once `stop` is set.
fn par_for_each_until(stop: &AtomicBool, n: usize, f: impl Fn(usize) + Sync + Send) {
    let st = AtomicU32::new(0);
    (0..n).into_par_iter().for_each(|c| {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let ((), s) = fp_item(|| f(c));
        st.fetch_or(s, Ordering::Relaxed);
    });
    fp_raise(st.into_inner());
}

/// `rayon::join`, with both halves' floating-point conditions raised on the calling thread.
pub fn join<RA: Send, RB: Send>(
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB + Send,
) -> (RA, RB) {
    let ((ra, sa), (rb, sb)) = rayon::join(|| fp_item(a), || fp_item(b));
    fp_raise(sa | sb);
    (ra, rb)
}

/// Run `f`, which hands work to rayon's threads in ways this crate does not see (a library's
/// own parallel loops), inside the pool ([`in_pool`]): the floating-point conditions raised on
/// every pool thread and on this one while it ran are returned, and each thread's flags are
/// left clear.
///
/// # Safety
/// As [`in_pool`].
pub unsafe fn pool_fp_item<R>(f: impl FnOnce() -> R) -> (R, u32) {
    rayon::broadcast(|_| fp_clear());
    // SAFETY: the caller's guarantee.
    let (r, mine) = fp_item(|| unsafe { in_pool(f) });
    let theirs = AtomicU32::new(0);
    rayon::broadcast(|_| {
        theirs.fetch_or(fp_status(), Ordering::Relaxed);
        fp_clear();
    });
    (r, mine | theirs.into_inner())
}

/// Run `f` on one of rayon's threads while the caller waits, the pool's other threads looking
/// for work without sleeping until `f` returns (on a pool thread already, `f` runs here).
///
/// For work that forks many short parallel regions (faer's factorizations and products).
/// Forked from outside the pool, each region hands its work to the pool and puts the caller
/// to sleep until it is done, and between regions the other threads fall asleep and must be
/// woken again. Measured on two cores at 500 x 500: SVD 1.49x numpy's time forked from
/// outside, 1.17 on one thread, 0.98-1.0 inside the pool with the threads kept awake; eigh
/// 1.36, 1.58 and 1.23; QR at 1000 x 1000 1.06 and 0.72-0.87.
///
/// # Safety
/// `f` and its result may move to another thread (the caller waits until `f` is done, so
/// whatever `f` borrows outlives it): what they hold must allow that, as raw pointers into
/// operands the caller keeps do.
pub unsafe fn in_pool<R>(f: impl FnOnce() -> R) -> R {
    if rayon::current_thread_index().is_some() {
        return f();
    }
    /// A value moved to the pool thread and back.
    struct Sent<T>(T);
    // SAFETY: the caller's guarantee; one thread at a time holds the value.
    unsafe impl<T> Send for Sent<T> {}
    impl<T> Sent<T> {
        fn take(self) -> T {
            self.0
        }
    }
    /// Releases the waiting threads when `f` is done, or has panicked.
    struct Release<'a>(&'a AtomicBool);
    impl Drop for Release<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Release);
        }
    }
    let job = Sent(f);
    let done = AtomicBool::new(false);
    rayon::scope(|s| {
        let owner = rayon::current_thread_index();
        if rayon::current_num_threads() > 1 {
            let done = &done;
            s.spawn_broadcast(move |_, ctx| {
                if Some(ctx.index()) == owner {
                    return;
                }
                while !done.load(Ordering::Acquire) {
                    if rayon::yield_now() != Some(rayon::Yield::Executed) {
                        std::hint::spin_loop();
                    }
                }
            });
        }
        let _release = Release(&done);
        Sent(job.take()())
    })
    .take()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_pool_runs_on_a_pool_thread() {
        // SAFETY: the closures hold nothing tied to this thread.
        let (on, v) = unsafe { in_pool(|| (rayon::current_thread_index(), 7)) };
        assert!(on.is_some());
        assert_eq!(v, 7);
        // SAFETY: as above.
        let sum = unsafe { in_pool(|| (0..1000u64).into_par_iter().sum::<u64>()) };
        assert_eq!(sum, 499_500);
    }

    #[test]
    fn a_panic_in_the_pool_reaches_the_caller_and_frees_the_pool() {
        // The threads kept looking for work must be released by the panic, or the scope never
        // ends and the call hangs.
        let r = std::panic::catch_unwind(|| {
            // SAFETY: the closure holds nothing tied to this thread.
            unsafe { in_pool(|| -> u32 { panic!("in the pool") }) }
        });
        assert!(r.is_err());
        // SAFETY: as above.
        assert_eq!(unsafe { in_pool(|| 1) }, 1);
    }
    use crate::kernels::status::OVERFLOW;

    #[test]
    fn float16_rounding_raises_only_its_own_conditions() {
        use crate::dtype::float16::f16_from_f32;
        let ((), st) = fp_item(|| {
            std::hint::black_box(f16_from_f32(std::hint::black_box(1.0)));
            std::hint::black_box(f16_from_f32(std::hint::black_box(-2.5)));
        });
        assert_eq!(st, 0);
        let ((), st) = fp_item(|| {
            std::hint::black_box(f16_from_f32(std::hint::black_box(70000.0)));
        });
        assert_eq!(st, OVERFLOW);
        let ((), st) = fp_item(|| {
            std::hint::black_box(f16_from_f32(std::hint::black_box(1e-7)));
        });
        assert_eq!(st, crate::kernels::status::UNDERFLOW);
        // Values converted one by one after others left garbage in the vector registers.
        let junk: Vec<f32> = (0..64).map(|i| 1e30 * i as f32).collect();
        let ((), st) = fp_item(|| {
            let mut acc = 0.0f32;
            for (i, &j) in junk.iter().enumerate() {
                acc += std::hint::black_box(j) * 0.0;
                let h = f16_from_f32(std::hint::black_box((i % 7) as f32 + acc));
                std::hint::black_box(h);
            }
        });
        assert_eq!(st, 0);
    }

    #[test]
    fn worker_flags_reach_the_caller() {
        fp_clear();
        par_for_each(64, |c| {
            let x = std::hint::black_box(3e38f32 + c as f32);
            std::hint::black_box(x * 10.0);
        });
        assert_ne!(fp_status() & OVERFLOW, 0);
        fp_clear();
        let (_, _) = join(
            || std::hint::black_box(1.0f64) + 1.0,
            || std::hint::black_box(f64::MAX) * 2.0,
        );
        assert_ne!(fp_status() & OVERFLOW, 0);
        fp_clear();
        let ((), st) = fp_item(|| {
            std::hint::black_box(f64::MAX * std::hint::black_box(2.0));
        });
        assert_ne!(st & OVERFLOW, 0);
        assert_eq!(
            fp_status(),
            0,
            "fp_item leaves the thread's flags as they were"
        );
    }

    /// With a local flag: the process-wide one would stop other tests' walks running beside
    /// this one.
    #[test]
    fn stop_requests_skip_items() {
        let stop = AtomicBool::new(true);
        let n = AtomicU32::new(0);
        par_for_each_until(&stop, 1000, |_| {
            n.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(n.into_inner(), 0);
        stop.store(false, Ordering::Relaxed);
        let m = AtomicU32::new(0);
        par_for_each_until(&stop, 1000, |_| {
            m.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(m.into_inner(), 1000);
    }
}
