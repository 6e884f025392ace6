//! The int8 dtype: its element type is `i8`.

use super::element::int_element;

int_element!(i8, Int8, "int8", 'b', 1, I as i64, f64_to_i32_c);
