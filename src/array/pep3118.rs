//! PEP 3118 format strings, both ways: the dtype a buffer's format describes (`T{...}`
//! structs become records) and the format NumPy writes for an array's dtype (records in '@'
//! mode when every item is natively aligned in the array's memory, '=' otherwise).

use crate::array::NdArray;
use crate::dtype::{numeric, DType, ScalarType};

/// The dtype a PEP 3118 format string describes, given the item size the exporter reports
/// (a `T{...}` struct becomes a record dtype).
pub fn dtype_from_format(fmt: &str, itemsize: usize) -> Option<DType> {
    if fmt.starts_with("T{") || fmt.starts_with("@T{") || fmt.starts_with("=T{") {
        let start = fmt.find("T{")? + 2;
        let (dt, _) = parse_struct(&fmt[start..], '@')?;
        return (dt.itemsize() <= itemsize).then(|| pad_record(dt, itemsize));
    }
    scalar_from_format(fmt, itemsize)
}

/// A record with its itemsize raised to `itemsize` (trailing padding the format left out).
fn pad_record(dt: DType, itemsize: usize) -> DType {
    use crate::dtype::record::{FieldSpec, Record};
    if dt.itemsize() == itemsize {
        return dt;
    }
    let specs = dt
        .fields()
        .map(|fs| {
            fs.iter()
                .map(|f| FieldSpec {
                    name: f.name.clone(),
                    title: f.title.clone(),
                    dtype: f.dtype.clone(),
                    offset: Some(f.offset),
                })
                .collect()
        })
        .unwrap_or_default();
    Record::build(specs, Some(itemsize), false).unwrap_or(dt)
}

/// Parse the inside of `T{...}` up to its closing brace: the record and the bytes consumed.
fn parse_struct(s: &str, outer_order: char) -> Option<(DType, usize)> {
    use crate::dtype::record::{FieldSpec, Record, SubArrayDType};
    let b = s.as_bytes();
    let mut i = 0;
    let mut order = outer_order;
    let mut offset = 0usize;
    let mut specs: Vec<FieldSpec> = Vec::new();
    while i < b.len() {
        let c = b[i] as char;
        match c {
            '}' => {
                let dt = Record::build(specs, Some(offset), false).ok()?;
                return Some((dt, i + 1));
            }
            '@' | '=' | '<' | '>' | '!' | '^' => {
                order = c;
                i += 1;
                continue;
            }
            ' ' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        // Optional shape "(2,3)" or repeat count.
        let mut shape: Vec<usize> = Vec::new();
        if c == '(' {
            let close = s[i..].find(')')? + i;
            shape = s[i + 1..close]
                .split(',')
                .filter(|x| !x.trim().is_empty())
                .map(|x| x.trim().parse().ok())
                .collect::<Option<_>>()?;
            i = close + 1;
            while let Some(&o @ (b'@' | b'=' | b'<' | b'>' | b'!' | b'^')) = b.get(i) {
                order = o as char;
                i += 1;
            }
        }
        let digits: String = s[i..].chars().take_while(|c| c.is_ascii_digit()).collect();
        let count: usize = if digits.is_empty() {
            1
        } else {
            digits.parse().ok()?
        };
        i += digits.len();
        let code = *b.get(i)? as char;
        if code == 'x' {
            offset += count;
            i += 1;
            continue;
        }
        let mut count = count;
        let dt = if matches!(code, 's' | 'w') {
            // Text: the count is the length ('5s' bytes, '5w' UCS4), not a repeat.
            i += 1;
            let d = text_format(order, code, count)?;
            count = 1;
            d
        } else if code == 'T' && b.get(i + 1) == Some(&b'{') {
            let (d, used) = parse_struct(&s[i + 2..], order)?;
            i += 2 + used;
            d
        } else {
            let mut code_s = String::new();
            if code == 'Z' {
                code_s.push('Z');
                i += 1;
            }
            code_s.push(*b.get(i)? as char);
            i += 1;
            let size = match code_s.as_str() {
                "?" | "b" | "B" | "c" => 1,
                "h" | "H" | "e" => 2,
                "i" | "I" | "f" => 4,
                "q" | "Q" | "d" | "Zf" => 8,
                "l" | "L" | "n" | "N" => {
                    if order == '@' || order == '^' {
                        std::mem::size_of::<std::ffi::c_long>()
                    } else {
                        4
                    }
                }
                "Zd" | "g" => 16,
                "Zg" => 32,
                _ => return None,
            };
            let prefixed = format!("{}{}", if order == '^' { '@' } else { order }, code_s);
            let d = scalar_from_format(&prefixed, size)?;
            if order == '@' {
                // Native mode aligns each item to its size.
                let al = d.alignment().max(1);
                offset = offset.div_ceil(al) * al;
            }
            d
        };
        let mut dims = shape;
        if count > 1 {
            dims.push(count);
        }
        let dt = if dims.is_empty() {
            dt
        } else {
            SubArrayDType::build(dt, dims).ok()?
        };
        // ":name:"
        let mut name = String::new();
        if b.get(i) == Some(&b':') {
            let end = s[i + 1..].find(':')? + i + 1;
            name = s[i + 1..end].to_string();
            i = end + 1;
        }
        let size = dt.itemsize();
        specs.push(FieldSpec {
            name: if name.is_empty() {
                format!("f{}", specs.len())
            } else {
                name
            },
            title: None,
            dtype: dt,
            offset: Some(offset),
        });
        offset += size;
    }
    None
}

/// The text dtype of `count` characters of code 's' (bytes) or 'w' (UCS4) in byte order
/// `order`.
fn text_format(order: char, code: char, count: usize) -> Option<DType> {
    if code == 's' {
        return Some(crate::dtype::bytes::bytes(count));
    }
    let native = crate::dtype::ByteOrder::native_for(order);
    (count <= crate::dtype::MAX_ITEMSIZE / 4).then(|| crate::dtype::unicode::unicode(count, native))
}

/// The dtype of a non-struct PEP 3118 format.
fn scalar_from_format(fmt: &str, itemsize: usize) -> Option<DType> {
    let (order, rest) = match fmt.chars().next() {
        Some(c @ ('@' | '=' | '<' | '>' | '!')) => (c, &fmt[1..]),
        _ => ('@', fmt),
    };
    if let Some(code) = rest.chars().last().filter(|c| matches!(c, 's' | 'w')) {
        let digits = &rest[..rest.len() - 1];
        let count = if digits.is_empty() {
            1
        } else {
            digits.parse().ok()?
        };
        return text_format(order, code, count).filter(|d| d.itemsize() == itemsize);
    }
    let (complex, code) = match rest.strip_prefix('Z') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if code.chars().count() != 1 {
        return None;
    }
    let c = code.chars().next()?;
    if c == 'g' && itemsize == if complex { 32 } else { 16 } {
        let native = crate::dtype::ByteOrder::native_for(order);
        return Some(crate::dtype::longdouble::LdDesc { complex, native }.dtype());
    }
    use ScalarType::*;
    let st = if complex {
        match (c, itemsize) {
            ('f', 8) => Complex64,
            ('d', 16) => Complex128,
            _ => return None,
        }
    } else {
        match (c, itemsize) {
            ('?', 1) => Bool,
            ('b' | 'h' | 'i' | 'l' | 'q' | 'n', n) => match n {
                1 => Int8,
                2 => Int16,
                4 => Int32,
                8 => Int64,
                _ => return None,
            },
            ('B' | 'H' | 'I' | 'L' | 'Q' | 'N' | 'c', n) => match n {
                1 => UInt8,
                2 => UInt16,
                4 => UInt32,
                8 => UInt64,
                _ => return None,
            },
            ('e', 2) => Float16,
            ('f', 4) => Float32,
            ('d', 8) => Float64,
            _ => return None,
        }
    };
    let native = crate::dtype::ByteOrder::native_for(order);
    Some(if native || st.itemsize() == 1 {
        st.dtype()
    } else {
        crate::with_scalar_type!(st, T, { numeric::swapped::<T>() })
    })
}

/// The PEP 3118 format of an array's dtype, as NumPy writes it: records as `T{...}` with
/// native-aligned items in '@' mode and the others in '=' (standard sizes, no alignment).
pub fn format_of_array(arr: &NdArray) -> Option<String> {
    if arr.dtype().fields().is_none() {
        return format_of(arr.dtype());
    }
    let mut active = '@';
    let mut out = String::new();
    struct_format(arr, arr.dtype(), 0, &mut active, &mut out, false)?;
    // NumPy's own format can describe a size its reader does not get back (native mode pads
    // the struct to its widest aligned item): then every item is written in standard mode.
    let itemsize = arr.dtype().itemsize();
    if dtype_from_format(&out, itemsize).map(|d| d.itemsize()) != Some(itemsize)
        || native_padding(&out, itemsize)
    {
        let mut active = '@';
        out.clear();
        struct_format(arr, arr.dtype(), 0, &mut active, &mut out, true)?;
    }
    // Trailing padding NumPy's format leaves out makes the format unreadable to NumPy's own
    // reader (it compares the sizes): it is written out.
    if let Some(short) = parse_struct(&out[2..], '@').map(|(d, _)| d.itemsize()) {
        let short = short.next_multiple_of(native_alignment(&out));
        if short < itemsize {
            out.pop();
            out.push_str(&"x".repeat(itemsize - short));
            out.push('}');
        }
    }
    Some(out)
}

/// Whether a '@'-mode struct format would be padded past `itemsize` by a reader that aligns
/// the struct to its widest native item (as NumPy's does).
fn native_padding(fmt: &str, itemsize: usize) -> bool {
    !itemsize.is_multiple_of(native_alignment(fmt))
}

/// The alignment a reader gives a struct format: that of its widest native ('@') item, when
/// the format ends in native mode (NumPy's reader).
fn native_alignment(fmt: &str) -> usize {
    let mut max_al = 1usize;
    let mut mode = '@';
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        match c {
            '@' | '=' | '<' | '>' | '!' => mode = c,
            ':' => {
                // skip the name
                if let Some(end) = fmt[i + 1..].find(':') {
                    i += end + 2;
                    continue;
                }
            }
            'd' | 'q' | 'Q' | 'l' | 'L' if mode == '@' => max_al = max_al.max(8),
            'i' | 'I' | 'f' if mode == '@' => max_al = max_al.max(4),
            'h' | 'H' | 'e' if mode == '@' => max_al = max_al.max(2),
            _ => {}
        }
        i += 1;
    }
    // The reader pads the struct's end only when the format ends in native mode.
    if mode == '@' {
        max_al
    } else {
        1
    }
}

fn struct_format(
    arr: &NdArray,
    dt: &DType,
    base: usize,
    active: &mut char,
    out: &mut String,
    standard: bool,
) -> Option<()> {
    let fs = dt.fields()?;
    out.push_str("T{");
    let mut pos = 0usize;
    // Fields in declaration order; out-of-order or overlapping fields have no format.
    for f in fs {
        if f.offset < pos {
            return None;
        }
        while pos < f.offset {
            out.push('x');
            pos += 1;
        }
        let (item, shape) = match f.dtype.subarray() {
            Some(sa) => (sa.base.clone(), Some(sa.shape.clone())),
            None => (f.dtype.clone(), None),
        };
        let shape_s = shape.as_ref().map(|sh| {
            format!(
                "({})",
                sh.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            )
        });
        if item.fields().is_some() {
            if let Some(sh) = &shape_s {
                out.push_str(sh);
            }
            struct_format(arr, &item, base + f.offset, active, out, standard)?;
        } else {
            let text = crate::dtype::text::TextDesc::of(&item);
            // A character's size for text ('5w' is 4-byte items, '5s' 1-byte ones).
            let unit = match text {
                Some(t) if t.is_bytes() => 1,
                Some(_) => 4,
                None => item.scalar_type()?.itemsize(),
            };
            let al = item.alignment().max(1);
            let aligned = (arr.data_ptr() as usize + base + f.offset).is_multiple_of(al)
                && (arr.strides().iter().zip(arr.shape()))
                    .all(|(s, &d)| d <= 1 || s.rem_euclid(al as isize) == 0);
            let swapped = !item.is_native() && unit > 1;
            let want = if swapped {
                if cfg!(target_endian = "little") {
                    '>'
                } else {
                    '<'
                }
            } else if aligned && !standard {
                '@'
            } else {
                '='
            };
            if let Some(sh) = &shape_s {
                out.push_str(sh);
            }
            // One-byte items have no byte order: NumPy keeps the active mode for them.
            if *active != want && unit > 1 {
                out.push(want);
                *active = want;
            }
            let code = match (text, item.scalar_type()) {
                (Some(t), _) => format!("{}{}", t.chars, if t.is_bytes() { 's' } else { 'w' }),
                // Standard sizes: 'l' is 4 bytes there, so int64 is 'q'.
                (None, Some(ScalarType::Int64)) if want != '@' => "q".to_string(),
                (None, Some(ScalarType::UInt64)) if want != '@' => "Q".to_string(),
                (None, Some(st)) => format_of(&st.dtype())?,
                (None, None) => return None,
            };
            out.push_str(&code);
        }
        out.push_str(&format!(":{}:", f.name));
        pos = f.offset + f.dtype.itemsize();
    }
    // Trailing padding is left to the itemsize, as NumPy does.
    out.push('}');
    Some(())
}

/// The PEP 3118 format of a dtype.
pub fn format_of(dt: &DType) -> Option<String> {
    if let Some(t) = crate::dtype::text::TextDesc::of(dt) {
        return Some(match t.store {
            crate::dtype::text::Store::Bytes => format!("{}s", t.chars),
            _ if dt.is_native() => format!("{}w", t.chars),
            _ => format!(
                "{}{}w",
                if cfg!(target_endian = "little") {
                    '>'
                } else {
                    '<'
                },
                t.chars
            ),
        });
    }
    if let Some(l) = crate::dtype::longdouble::LdDesc::of(dt) {
        // NumPy exposes the native-only 'g' in native order only.
        return l
            .native
            .then(|| if l.complex { "Zg" } else { "g" }.to_string());
    }
    let st = dt.scalar_type()?;
    let code = match st {
        ScalarType::Bool => "?",
        ScalarType::Int8 => "b",
        ScalarType::UInt8 => "B",
        ScalarType::Int16 => "h",
        ScalarType::UInt16 => "H",
        ScalarType::Int32 => "i",
        ScalarType::UInt32 => "I",
        ScalarType::Int64 => "q",
        ScalarType::UInt64 => "Q",
        ScalarType::Float16 => "e",
        ScalarType::Float32 => "f",
        ScalarType::Float64 => "d",
        ScalarType::Complex64 => "Zf",
        ScalarType::Complex128 => "Zd",
    };
    if dt.is_native() {
        // Native mode with native sizes, as NumPy writes it ('l' for int64 on LP64).
        let code = match st {
            ScalarType::Int64 => "l",
            ScalarType::UInt64 => "L",
            _ => code,
        };
        Some(code.to_string())
    } else {
        let prefix = if cfg!(target_endian = "little") {
            '>'
        } else {
            '<'
        };
        Some(format!("{}{}", prefix, code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::Order;

    #[test]
    fn scalar_formats_round_trip() {
        for st in ScalarType::ALL {
            let dt = st.dtype();
            let f = format_of(&dt).unwrap();
            assert_eq!(
                dtype_from_format(&f, dt.itemsize()),
                Some(dt.clone()),
                "{f}"
            );
        }
        let swapped = numeric::swapped::<i32>();
        let f = format_of(&swapped).unwrap();
        assert_eq!(dtype_from_format(&f, 4), Some(swapped), "{f}");
        assert_eq!(dtype_from_format("d", 4), None);
    }

    #[test]
    fn text_formats_round_trip() {
        use crate::dtype::{bytes::bytes, unicode::unicode};
        for dt in [bytes(3), bytes(1), unicode(2, true), unicode(2, false)] {
            let f = format_of(&dt).unwrap();
            assert_eq!(
                dtype_from_format(&f, dt.itemsize()),
                Some(dt.clone()),
                "{f}"
            );
        }
        assert_eq!(dtype_from_format("s", 1), Some(bytes(1)));
        assert_eq!(dtype_from_format("2w", 4), None);
        let r = dtype_from_format("T{3s:a:<2w:b:}", 11).unwrap();
        let f = r.fields().unwrap();
        assert_eq!((f[0].dtype.clone(), f[1].offset), (bytes(3), 3));
        assert_eq!(f[1].dtype, unicode(2, true));
    }

    #[test]
    fn struct_formats_become_records() {
        let dt = dtype_from_format("T{<i:a:d:b:}", 12).unwrap();
        let names: Vec<_> = dt
            .fields()
            .unwrap()
            .iter()
            .map(|f| f.name.clone())
            .collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(dt.itemsize(), 12);
        let arr = NdArray::zeros(&[2], &dt, Order::C).unwrap();
        let f = format_of_array(&arr).unwrap();
        assert_eq!(dtype_from_format(&f, 12), Some(dt));
    }
}
