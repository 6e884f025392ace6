//! rumpy: a NumPy stand-in written in Rust.
//!
//! Layers, from the bottom: `buffer` (bytes and their owners), `dtype` (what the bytes mean),
//! `array` (buffer + offset + shape + strides + dtype), `loops` (how memory is walked), `ops`
//! (NumPy functions), and `python` (the only code that knows Python). See designs/architecture.md.

#[macro_use]
pub mod error;
pub mod array;
pub mod buffer;
pub mod dispatch;
pub mod dtype;
pub mod io;
pub mod kernels;
pub mod loops;
pub mod ops;
pub mod python;
pub mod random;

pub use error::{Error, Result};

/// The system allocator with an emergency reserve, so that running out of memory near rumpy
/// raises MemoryError instead of aborting (see `buffer::reserve`).
#[global_allocator]
static ALLOCATOR: buffer::reserve::ReserveAlloc = buffer::reserve::ReserveAlloc;

use pyo3::prelude::*;

/// The extension module `rumpy._core`.
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    buffer::reserve::arm();
    python::init(m)
}
