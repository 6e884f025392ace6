//! NumPy functions that are not ufuncs, one file per chapter of NumPy's docs.

pub mod argext;
pub mod binning;
pub mod busday;
pub mod creation;
pub mod einsum;
pub mod field;
pub mod join;
pub mod products;
pub mod records;
pub mod scalar_math;
pub mod select;
pub mod sort;
pub mod strings;
