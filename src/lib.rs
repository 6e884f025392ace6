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
pub mod kernels;
pub mod loops;
pub mod ops;
pub mod python;

pub use error::{Error, Result};

use pyo3::prelude::*;

/// The extension module `rumpy._core`.
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    python::init(m)
}
