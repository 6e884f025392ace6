//! The int16 dtype: its element type is `i16`.

use super::element::int_element;

int_element!(i16, Int16, "int16", 'h', 3, I as i64, f64_to_i32_c);
