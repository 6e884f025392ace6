//! The int32 dtype: its element type is `i32`.

use super::element::int_element;

int_element!(i32, Int32, "int32", 'i', 5, I as i64, f64_to_i32_c);
