//! The uint16 dtype: its element type is `u16`.

use super::element::int_element;

int_element!(u16, UInt16, "uint16", 'H', 4, U as u64, f64_to_i32_c);
