//! Ctrl-C during work that runs with the GIL released. Python's SIGINT handler only notes the
//! signal for the interpreter to act on between bytecodes, which never happens while a loop
//! runs detached. Around such work on the main thread a chaining handler is installed: it asks
//! the core's walkers to stop (`loops::watch::request_stop`) and calls Python's handler; the
//! interrupted call then raises KeyboardInterrupt. Only Python's default handler is chained:
//! with a handler of the program's own (or SIGINT ignored) loops run to the end, as in NumPy,
//! and the handler runs when the interpreter next checks for signals.

#[cfg(target_os = "linux")]
mod imp {
    use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
    use std::sync::Mutex;

    /// Python's handler while ours is installed, and its flags.
    static PREV_HANDLER: AtomicUsize = AtomicUsize::new(0);
    static PREV_FLAGS: AtomicI32 = AtomicI32::new(0);
    /// How many armed calls are running, and the action to restore when none is.
    static ARMED: Mutex<(usize, Option<libc::sigaction>)> = Mutex::new((0, None));

    extern "C" fn on_sigint(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
        crate::loops::watch::request_stop();
        let h = PREV_HANDLER.load(Ordering::Relaxed);
        if h == libc::SIG_DFL || h == libc::SIG_IGN || h == libc::SIG_ERR {
            return;
        }
        // SAFETY: `h` is the handler the previous action installed, called as its flags say;
        // Python's handler is async-signal-safe.
        unsafe {
            if PREV_FLAGS.load(Ordering::Relaxed) & libc::SA_SIGINFO != 0 {
                let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                    std::mem::transmute(h);
                f(sig, info, ctx);
            } else {
                let f: extern "C" fn(libc::c_int) = std::mem::transmute(h);
                f(sig);
            }
        }
    }

    /// Is this the process's main thread (where Python runs signal handlers)?
    fn on_main_thread() -> bool {
        // SAFETY: plain system calls without arguments.
        unsafe { libc::syscall(libc::SYS_gettid) as libc::pid_t == libc::getpid() }
    }

    pub struct Armed(bool);

    /// Install the chaining handler if this is the main thread and SIGINT has Python's default
    /// handler (the one that raises KeyboardInterrupt).
    pub fn arm(py: pyo3::Python<'_>) -> Armed {
        if !on_main_thread() || !super::default_handler(py) {
            return Armed(false);
        }
        let mut st = ARMED.lock().unwrap_or_else(|e| e.into_inner());
        if st.0 == 0 {
            // SAFETY: sigaction with valid pointers; the struct is plain data.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) != 0 {
                    return Armed(false);
                }
                let h = old.sa_sigaction;
                if h == libc::SIG_DFL || h == libc::SIG_IGN || h == on_sigint as *const () as usize
                {
                    return Armed(false);
                }
                PREV_HANDLER.store(h, Ordering::Relaxed);
                PREV_FLAGS.store(old.sa_flags, Ordering::Relaxed);
                let mut new: libc::sigaction = std::mem::zeroed();
                new.sa_sigaction = on_sigint as *const () as usize;
                new.sa_mask = old.sa_mask;
                new.sa_flags = (old.sa_flags | libc::SA_SIGINFO) & !libc::SA_RESETHAND;
                if libc::sigaction(libc::SIGINT, &new, std::ptr::null_mut()) != 0 {
                    return Armed(false);
                }
                st.1 = Some(old);
            }
        }
        st.0 += 1;
        Armed(true)
    }

    impl Drop for Armed {
        fn drop(&mut self) {
            if !self.0 {
                return;
            }
            let mut st = ARMED.lock().unwrap_or_else(|e| e.into_inner());
            st.0 -= 1;
            if st.0 == 0 {
                if let Some(old) = st.1.take() {
                    // SAFETY: restoring the action saved by `arm`.
                    unsafe { libc::sigaction(libc::SIGINT, &old, std::ptr::null_mut()) };
                }
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    pub struct Armed;
    pub fn arm(_py: pyo3::Python<'_>) -> Armed {
        Armed
    }
}

pub use imp::arm;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// Does SIGINT have Python's default handler? (`signal.getsignal(SIGINT) is
/// signal.default_int_handler`; false if that cannot be told.)
#[allow(dead_code)]
fn default_handler(py: Python<'_>) -> bool {
    static FNS: PyOnceLock<(Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();
    let fns = FNS.get_or_try_init(py, || -> PyResult<_> {
        let m = py.import("signal")?;
        Ok((
            m.getattr("getsignal")?.unbind(),
            m.getattr("default_int_handler")?.unbind(),
        ))
    });
    let Ok((get, default)) = fns else {
        return false;
    };
    match get.call1(py, (libc::SIGINT,)) {
        Ok(h) => h.is(default),
        Err(_) => false,
    }
}
