//! The uint32 dtype: its element type is `u32`.

use super::element::int_element;

int_element!(u32, UInt32, "uint32", 'I', 6, U as u64, f64_to_i64_c);
