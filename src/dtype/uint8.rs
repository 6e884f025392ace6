//! The uint8 dtype: its element type is `u8`.

use super::element::int_element;

int_element!(u8, UInt8, "uint8", 'B', 2, U as u64, f64_to_i32_c);
