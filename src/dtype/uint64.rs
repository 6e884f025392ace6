//! The uint64 dtype: its element type is `u64`.

use super::element::int_element;

int_element!(u64, UInt64, "uint64", 'L', 8, U as u64, f64_to_u64_c);
