//! The only code that knows Python.
