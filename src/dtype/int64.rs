//! The int64 dtype: its element type is `i64`.

use super::element::int_element;

int_element!(i64, Int64, "int64", 'l', 7, I as i64, f64_to_i64_c);
