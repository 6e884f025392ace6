//! Parse NumPy's dtype strings ('f8', '<i4', 'float64', 'int', '?', ...).

use super::{numeric, DType, ScalarType};
use crate::error::{Error, Result};

use ScalarType::*;

/// One-character codes and kind+size codes: the forms allowed after a byte-order prefix.
fn by_code(s: &str) -> Option<ScalarType> {
    Some(match s {
        "?" | "b1" => Bool,
        "b" | "i1" => Int8,
        "B" | "u1" => UInt8,
        "h" | "i2" => Int16,
        "H" | "u2" => UInt16,
        "i" | "i4" => Int32,
        "I" | "u4" => UInt32,
        "l" | "q" | "p" | "n" | "i8" => Int64,
        "L" | "Q" | "P" | "N" | "u8" => UInt64,
        "e" | "f2" => Float16,
        "f" | "f4" => Float32,
        "d" | "f8" => Float64,
        "F" | "c8" => Complex64,
        "D" | "c16" => Complex128,
        _ => return None,
    })
}

/// Codes and names, exactly those NumPy 2 accepts for the built-in types.
fn by_name(s: &str) -> Option<ScalarType> {
    if let Some(st) = by_code(s) {
        return Some(st);
    }
    Some(match s {
        "bool" | "bool_" => Bool,
        "int8" | "byte" => Int8,
        "uint8" | "ubyte" => UInt8,
        "int16" | "short" => Int16,
        "uint16" | "ushort" => UInt16,
        "int32" | "intc" => Int32,
        "uint32" | "uintc" => UInt32,
        "int64" | "long" | "int_" | "intp" | "longlong" | "int" => Int64,
        "uint64" | "ulong" | "uint" | "uintp" | "ulonglong" => UInt64,
        "float16" | "half" => Float16,
        "float32" | "single" => Float32,
        "float64" | "double" | "float" => Float64,
        "complex64" | "csingle" => Complex64,
        "complex128" | "cdouble" | "complex" => Complex128,
        _ => return None,
    })
}

fn not_understood(s: &str) -> Error {
    Error::Type(format!("data type {:?} not understood", s).replace('"', "'"))
}

/// The text descriptors: 'S5', 'U5' (and the deprecated 'a5'), unsized 'S'/'U', 'c' (one
/// byte), with the byte order a `U` may carry; None when `rest` is not one.
fn text(order: Option<char>, rest: &str) -> Option<Result<DType>> {
    use super::bytes::bytes;
    use super::unicode::unicode;
    if rest == "c" {
        return Some(Ok(super::bytes::char_c()));
    }
    let mut cs = rest.chars();
    let kind = cs.next().filter(|c| matches!(c, 'S' | 'U' | 'a'))?;
    let digits = cs.as_str();
    let n = if digits.is_empty() {
        0
    } else if digits.bytes().all(|b| b.is_ascii_digit()) {
        match digits.parse::<usize>() {
            Ok(n) => n,
            Err(_) => return Some(Err(not_understood(&format!("{kind}{digits}")))),
        }
    } else {
        return None;
    };
    let unit = if kind == 'U' { 4 } else { 1 };
    if n > super::MAX_ITEMSIZE / unit {
        return Some(Err(not_understood(&format!("{kind}{digits}"))));
    }
    Some(Ok(if kind == 'U' {
        let native = order.is_none_or(super::ByteOrder::native_for);
        unicode(n, native)
    } else {
        bytes(n)
    }))
}

/// The time descriptors: 'M8', 'm8', 'M8[25s]', 'datetime64[D]', 'timedelta64' (generic
/// without brackets), with a byte order; None when `rest` is not one.
fn time(order: Option<char>, rest: &str) -> Option<Result<DType>> {
    use super::datetime::Meta;
    use super::time::TimeDesc;
    let (datetime, tail) = if let Some(t) = rest.strip_prefix("datetime64") {
        (true, t)
    } else if let Some(t) = rest.strip_prefix("timedelta64") {
        (false, t)
    } else if let Some(t) = rest.strip_prefix("M8").or(rest.strip_prefix('M')) {
        (true, t)
    } else if let Some(t) = rest.strip_prefix("m8").or(rest.strip_prefix('m')) {
        (false, t)
    } else {
        return None;
    };
    if !tail.is_empty() && !tail.starts_with('[') {
        return None;
    }
    let meta = match Meta::parse_metastr(tail) {
        Ok(m) => m,
        Err(e) => return Some(Err(e)),
    };
    let native = order.is_none_or(super::ByteOrder::native_for);
    Some(Ok(TimeDesc {
        datetime,
        meta,
        native,
    }
    .dtype()))
}

/// Parse a dtype string.
pub fn parse_dtype(s: &str) -> Result<DType> {
    if let Some(st) = by_name(s) {
        return Ok(st.dtype());
    }
    match s {
        "longdouble" | "float128" => return Ok(super::longdouble::longdouble()),
        "clongdouble" | "complex256" => return Ok(super::longdouble::clongdouble()),
        "object" | "object_" => return Ok(super::object::object()),
        "T" => return Ok(super::vstring::default()),
        "str" | "str_" | "unicode" => return Ok(super::unicode::unicode(0, true)),
        "bytes" | "bytes_" => return Ok(super::bytes::bytes(0)),
        _ => {}
    }
    let mut chars = s.chars();
    let (order, rest) = match chars.next() {
        Some(c @ ('<' | '>' | '=' | '|')) => (Some(c), chars.as_str()),
        _ => (None, s),
    };
    // NumPy ignores spaces between kind and size ('f 8'), not leading ones.
    let rest_clean: String = if rest.starts_with(' ') {
        return Err(not_understood(s));
    } else {
        rest.chars().filter(|c| *c != ' ').collect()
    };
    // Unstructured void: 'V8', '|V8', 'V' (zero bytes).
    if rest_clean == "void" || rest_clean == "V" {
        return Ok(super::void::RawVoid::build(0));
    }
    if let Some(k) = rest_clean
        .strip_prefix('V')
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&k| k <= super::MAX_ITEMSIZE)
    {
        return Ok(super::void::RawVoid::build(k));
    }
    // Object: 'O', with any byte order and a size NumPy ignores ('O8').
    if rest_clean
        .strip_prefix('O')
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Ok(super::object::object());
    }
    if let Some(d) = time(order, &rest_clean) {
        return d;
    }
    // The extended floats: 'g', 'G', 'f16', 'c32' (with a byte order: '<f16').
    if let Some(complex) = match rest_clean.as_str() {
        "g" | "f16" => Some(false),
        "G" | "c32" => Some(true),
        _ => None,
    } {
        let native = order.is_none_or(super::ByteOrder::native_for);
        return Ok(super::longdouble::LdDesc { complex, native }.dtype());
    }
    if let Some(d) = text(order, &rest_clean) {
        return d.map_err(|_| not_understood(s));
    }
    let st = match by_code(&rest_clean) {
        Some(st) if order.is_some() || rest_clean != rest => st,
        _ => {
            if matches!(
                rest_clean.as_str(),
                "int0" | "uint0" | "bool8" | "float_" | "complex_"
            ) {
                return Err(Error::Type(format!(
                    "Alias '{}' was removed in NumPy 2.0. Use a name without a digit at the end.",
                    rest_clean
                )));
            }
            return Err(not_understood(s));
        }
    };
    let native = order.is_none_or(super::ByteOrder::native_for);
    Ok(if native {
        st.dtype()
    } else {
        crate::with_scalar_type!(st, T, { numeric::swapped::<T>() })
    })
}

/// A comma string 'f8,i4,(2,3)f4' (a record with fields f0, f1, ...), or one subarray
/// '(2,3)f4' / '3f8'. TypeError (NumPy's "data type not understood") for a malformed one.
pub fn parse_comma_dtype(s: &str, align: bool) -> Result<DType> {
    use super::record::{FieldSpec, Record, SubArrayDType};
    let not_understood = || Error::Type(format!("data type '{s}' not understood"));
    let with_shape = |base: DType, shape: Vec<usize>| -> Result<DType> {
        if shape.is_empty() {
            Ok(base)
        } else {
            SubArrayDType::build(base, shape)
        }
    };
    let mut parts: Vec<String> = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for ch in s.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if ch == ',' && depth == 0 {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    parts.push(cur);
    let one = |p: &str| -> Result<DType> {
        let p = p.trim();
        if let Some(rest) = p.strip_prefix('(') {
            let close = rest.find(')').ok_or_else(not_understood)?;
            let dims: Vec<usize> = rest[..close]
                .split(',')
                .filter(|x| !x.trim().is_empty())
                .map(|x| x.trim().parse::<usize>())
                .collect::<std::result::Result<_, _>>()
                .map_err(|_| not_understood())?;
            return with_shape(parse_dtype(rest[close + 1..].trim())?, dims);
        }
        // A leading count is a 1-d subarray: '3f8'.
        let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !digits.is_empty() && digits.len() < p.len() {
            let n: usize = digits.parse().map_err(|_| not_understood())?;
            return with_shape(parse_dtype(&p[digits.len()..])?, vec![n]);
        }
        parse_dtype(p)
    };
    if parts.len() == 1 {
        return one(&parts[0]);
    }
    let specs = parts
        .iter()
        .enumerate()
        .map(|(k, p)| {
            Ok(FieldSpec {
                name: format!("f{k}"),
                title: None,
                dtype: one(p)?,
                offset: None,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Record::build(specs, None, align)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_strings() {
        let r = parse_comma_dtype("f8, i4,(2,3)f4", false).unwrap();
        let f = r.fields().unwrap();
        assert_eq!(f.len(), 3);
        assert_eq!((f[1].name.as_str(), f[1].offset), ("f1", 8));
        assert_eq!(f[2].dtype.subarray().unwrap().shape, vec![2, 3]);
        assert_eq!(r.itemsize(), 8 + 4 + 24);
        assert_eq!(parse_comma_dtype("3f8", false).unwrap().itemsize(), 24);
        assert_eq!(parse_comma_dtype("i1,f8", true).unwrap().itemsize(), 16);
        assert!(matches!(
            parse_comma_dtype("(2,x)f4", false),
            Err(Error::Type(_))
        ));
    }

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

    #[test]
    fn text_forms() {
        use crate::dtype::{bytes::bytes, unicode::unicode};
        assert_eq!(parse_dtype("S5").unwrap(), bytes(5));
        assert_eq!(parse_dtype(">S05").unwrap(), bytes(5));
        assert_eq!(parse_dtype("c").unwrap(), bytes(1));
        assert_eq!(parse_dtype("bytes").unwrap(), bytes(0));
        assert_eq!(parse_dtype("U 5").unwrap(), unicode(5, true));
        assert_eq!(parse_dtype("|U5").unwrap(), unicode(5, true));
        assert_eq!(parse_dtype(">U5").unwrap().typestr(), ">U5");
        assert_eq!(parse_dtype("str").unwrap(), unicode(0, true));
        for bad in ["S-1", "Sx", "U1.5", "c2", "U2147483647", "S2147483648"] {
            assert!(parse_dtype(bad).is_err(), "{bad}");
        }
    }
}
