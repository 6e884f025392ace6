//! Parse NumPy's dtype strings ('f8', '<i4', 'float64', 'int', '?', ...).

use super::{numeric, DType, ScalarType};
use crate::error::{Error, Result};

use ScalarType::*;

/// Names and one-character codes, exactly those NumPy 2 accepts for the built-in types.
fn by_name(s: &str) -> Option<ScalarType> {
    Some(match s {
        "bool" | "bool_" | "?" | "b1" => Bool,
        "int8" | "i1" | "byte" | "b" => Int8,
        "uint8" | "u1" | "ubyte" | "B" => UInt8,
        "int16" | "i2" | "short" | "h" => Int16,
        "uint16" | "u2" | "ushort" | "H" => UInt16,
        "int32" | "i4" | "intc" | "i" => Int32,
        "uint32" | "u4" | "uintc" | "I" => UInt32,
        "int64" | "i8" | "long" | "l" | "int_" | "intp" | "p" | "q" | "longlong" | "int" => Int64,
        "uint64" | "u8" | "ulong" | "L" | "uint" | "uintp" | "P" | "Q" | "ulonglong" => UInt64,
        "float16" | "f2" | "half" | "e" => Float16,
        "float32" | "f4" | "single" | "f" => Float32,
        "float64" | "f8" | "double" | "d" | "float" => Float64,
        "complex64" | "c8" | "csingle" | "F" => Complex64,
        "complex128" | "c16" | "cdouble" | "complex" | "D" => Complex128,
        _ => return None,
    })
}

fn not_understood(s: &str) -> Error {
    Error::Type(format!("data type {:?} not understood", s).replace('"', "'"))
}

/// Parse a dtype string.
pub fn parse_dtype(s: &str) -> Result<DType> {
    if let Some(st) = by_name(s) {
        return Ok(st.dtype());
    }
    let mut chars = s.chars();
    let (order, rest) = match chars.next() {
        Some(c @ ('<' | '>' | '=' | '|')) => (Some(c), chars.as_str()),
        _ => (None, s),
    };
    // NumPy ignores spaces between kind and size ('f 8'), not leading ones.
    let rest_clean: String = if rest.starts_with(' ') { return Err(not_understood(s)) } else { rest.chars().filter(|c| *c != ' ').collect() };
    let st = match by_name(&rest_clean) {
        Some(st) if order.is_some() || rest_clean != rest => st,
        _ => {
            if matches!(rest_clean.as_str(), "int0" | "uint0" | "bool8" | "float_" | "complex_") {
                return Err(Error::Type(format!(
                    "Alias '{}' was removed in NumPy 2.0. Use a name without a digit at the end.",
                    rest_clean
                )));
            }
            return Err(not_understood(s));
        }
    };
    let native = match order {
        Some('>') => cfg!(target_endian = "big"),
        Some('<') => cfg!(target_endian = "little"),
        _ => true,
    };
    Ok(if native {
        st.dtype()
    } else {
        crate::with_scalar_type!(st, T, { numeric::swapped::<T>() })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(parse_dtype("f8").unwrap(), Float64.dtype());
        assert_eq!(parse_dtype("<i4").unwrap(), Int32.dtype());
        assert_eq!(parse_dtype("=f8").unwrap(), Float64.dtype());
        assert_eq!(parse_dtype(">f8").unwrap().typestr(), ">f8");
        assert_eq!(parse_dtype("f 8").unwrap(), Float64.dtype());
        assert!(parse_dtype(" f8").is_err());
        assert!(parse_dtype("i3").is_err());
        assert_eq!(parse_dtype("|b1").unwrap(), Bool.dtype());
    }
}
