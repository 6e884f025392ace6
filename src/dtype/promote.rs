//! NumPy 2 type promotion (NEP 50) and casting rules for the built-in numeric types.

use super::{DType, ScalarType};
use crate::error::{Error, Result};

use ScalarType::*;

/// Order in which `promote_types` looks for the smallest common type.
const PROMOTION_ORDER: [ScalarType; 14] = [
    Bool, UInt8, Int8, UInt16, Int16, UInt32, Int32, UInt64, Int64, Float16, Float32, Float64,
    Complex64, Complex128,
];

/// Bits of mantissa (significand including the hidden bit) of a float or complex part.
fn mantissa_bits(st: ScalarType) -> u32 {
    match st {
        Float16 => 11,
        Float32 | Complex64 => 24,
        Float64 | Complex128 => 53,
        _ => 0,
    }
}

fn int_bits(st: ScalarType) -> u32 {
    (st.itemsize() * 8) as u32
}

/// NumPy's "safe" cast between built-in types.
pub fn can_cast_safe(from: ScalarType, to: ScalarType) -> bool {
    if from == to || from == Bool {
        return true;
    }
    match (from.kind(), to.kind()) {
        ('u', 'u') | ('i', 'i') => int_bits(to) >= int_bits(from),
        ('u', 'i') => int_bits(to) > int_bits(from),
        ('i', 'u') => false,
        // NumPy counts 64-bit integers as safely castable to float64.
        ('u', 'f') | ('i', 'f') | ('u', 'c') | ('i', 'c') => {
            let need = int_bits(from);
            match need {
                8 => mantissa_bits(to) >= 11,
                16 => mantissa_bits(to) >= 24,
                _ => mantissa_bits(to) >= 53,
            }
        }
        ('f', 'f') | ('f', 'c') | ('c', 'c') => mantissa_bits(to) >= mantissa_bits(from),
        _ => false,
    }
}

fn kind_rank(k: char) -> u8 {
    match k {
        'b' => 0,
        'u' => 1,
        'i' => 2,
        'f' => 3,
        'c' => 4,
        _ => 5,
    }
}

/// Casts involving records (NumPy 2): records to records field by field in order of position
/// (names do not matter), under the weakest rule of the pairs; a number into a record, or a
/// one-field record to a number, only unsafely; subarrays of the same shape by their bases.
fn can_cast_void(from: &DType, to: &DType, casting: Casting) -> bool {
    if from == to || (casting != Casting::No && from.equiv(to)) {
        return true;
    }
    if matches!(casting, Casting::No | Casting::Equiv) {
        return false;
    }
    match (from.fields(), to.fields()) {
        (Some(a), Some(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(x, y)| can_cast(&x.dtype, &y.dtype, casting))
        }
        (None, Some(_)) => casting == Casting::Unsafe && from.scalar_type().is_some(),
        (Some(a), None) => casting == Casting::Unsafe && a.len() == 1 && to.scalar_type().is_some(),
        (None, None) => match (from.subarray(), to.subarray()) {
            (Some(x), Some(y)) => x.shape == y.shape && can_cast(&x.base, &y.base, casting),
            _ => false,
        },
    }
}

/// NumPy's "same_kind": safe, or a cast within the same kind, or to a higher kind.
pub fn can_cast_same_kind(from: ScalarType, to: ScalarType) -> bool {
    can_cast_safe(from, to) || kind_rank(from.kind()) <= kind_rank(to.kind())
}

/// The casting rules of `astype`, `copyto` and `can_cast`.
/// Ordered from the strictest rule to the loosest.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Casting {
    No,
    Equiv,
    Safe,
    SameKind,
    Unsafe,
}

impl Casting {
    pub fn parse(s: &str) -> Result<Casting> {
        Ok(match s {
            "no" => Casting::No,
            "equiv" => Casting::Equiv,
            "safe" => Casting::Safe,
            "same_kind" => Casting::SameKind,
            "unsafe" => Casting::Unsafe,
            _ => {
                return Err(Error::Value(
                    "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'".into(),
                ))
            }
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Casting::No => "no",
            Casting::Equiv => "equiv",
            Casting::Safe => "safe",
            Casting::SameKind => "same_kind",
            Casting::Unsafe => "unsafe",
        }
    }
}

/// `np.can_cast(from, to, casting)` for dtypes.
pub fn can_cast(from: &DType, to: &DType, casting: Casting) -> bool {
    if super::method::is_extension(from) || super::method::is_extension(to) {
        // The families' cast methods decide (an identical pair is always a no-cast).
        return from == to
            || matches!(super::method::resolve_cast(from, to), Some(Ok((_, r))) if r.casting <= casting);
    }
    if from.kind() == 'V' || to.kind() == 'V' {
        return can_cast_void(from, to, casting);
    }
    match casting {
        Casting::Unsafe => true,
        Casting::No => from == to,
        Casting::Equiv => from.equiv(to),
        Casting::Safe | Casting::SameKind => {
            if from.equiv(to) {
                return true;
            }
            match (from.scalar_type(), to.scalar_type()) {
                (Some(a), Some(b)) => {
                    if casting == Casting::Safe {
                        can_cast_safe(a, b)
                    } else {
                        can_cast_same_kind(a, b)
                    }
                }
                _ => false,
            }
        }
    }
}

/// `np.promote_types` for built-in types.
pub fn promote_scalar(a: ScalarType, b: ScalarType) -> ScalarType {
    for t in PROMOTION_ORDER {
        if can_cast_safe(a, t) && can_cast_safe(b, t) {
            return t;
        }
    }
    Complex128
}

/// `np.promote_types(a, b)`: the result is always in native byte order.
pub fn promote_types(a: &DType, b: &DType) -> Result<DType> {
    match (a.scalar_type(), b.scalar_type()) {
        (Some(x), Some(y)) => Ok(promote_scalar(x, y).dtype()),
        _ if super::method::is_extension(a) || super::method::is_extension(b) => {
            super::method::common_dtype(a, b).unwrap_or_else(|| {
                Err(Error::Promotion(format!(
                    "The DTypes <{}> and <{}> do not have a common DType.",
                    a, b
                )))
            })
        }
        _ => {
            if let (Some(_), Some(_)) = (a.fields(), b.fields()) {
                return promote_fields(a, b);
            }
            if let (Some(x), Some(y)) = (a.subarray(), b.subarray()) {
                if x.shape == y.shape {
                    let base = promote_types(&x.base, &y.base)?;
                    return super::record::SubArrayDType::build(base, x.shape.clone());
                }
            }
            let raw = |d: &DType| d.kind() == 'V' && d.fields().is_none() && d.subarray().is_none();
            if raw(a) && raw(b) {
                ensure!(
                    a.itemsize() == b.itemsize(),
                    Promotion,
                    "Invalid type promotion with void datatypes of different lengths. Use the `np.bytes_` datatype instead to pad the shorter value with trailing zero bytes."
                );
                return Ok(a.clone());
            }
            Err(Error::Promotion(format!(
                "The DTypes <{}> and <{}> do not have a common DType.",
                a, b
            )))
        }
    }
}

/// NumPy's `_promote_fields`: records with the same names (in order) and titles promote field
/// by field, into a packed record (aligned when either is). An equal pair whose fields all
/// promote to themselves keeps its layout.
fn promote_fields(a: &DType, b: &DType) -> Result<DType> {
    use super::record::{FieldSpec, Record};
    let (fa, fb) = (a.fields().unwrap_or(&[]), b.fields().unwrap_or(&[]));
    // Names as Python prints the tuple.
    let names = |fs: &[super::Field]| {
        let v: Vec<String> = fs.iter().map(|f| format!("'{}'", f.name)).collect();
        if v.len() == 1 {
            format!("({},)", v[0])
        } else {
            format!("({})", v.join(", "))
        }
    };
    ensure!(
        names(fa) == names(fb),
        Promotion,
        "field names `{}` and `{}` mismatch.",
        names(fa),
        names(fb)
    );
    let mut identical = a == b;
    let mut specs = Vec::with_capacity(fa.len());
    for (x, y) in fa.iter().zip(fb) {
        let d = promote_types(&x.dtype, &y.dtype)?;
        identical = identical && d == x.dtype && x.dtype.is_native();
        ensure!(
            x.title == y.title,
            Promotion,
            "field titles of field '{}' mismatch",
            x.name
        );
        specs.push(FieldSpec {
            name: x.name.clone(),
            title: x.title.clone(),
            dtype: d,
            offset: None,
        });
    }
    let res = Record::build(specs, None, a.is_aligned_struct() || b.is_aligned_struct())?;
    let same_layout = res.itemsize() == a.itemsize()
        && res
            .fields()
            .unwrap_or(&[])
            .iter()
            .zip(fa)
            .all(|(r, x)| r.offset == x.offset);
    Ok(if identical && same_layout {
        a.clone()
    } else {
        res
    })
}

/// The kind of a Python scalar taking part in promotion. Python scalars are weak (NEP 50):
/// they adopt the other operand's type when its kind can hold them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum WeakKind {
    Bool,
    Int,
    Float,
    Complex,
}

impl WeakKind {
    /// The dtype a Python scalar gets on its own.
    pub fn default_type(self) -> ScalarType {
        match self {
            WeakKind::Bool => Bool,
            WeakKind::Int => Int64,
            WeakKind::Float => Float64,
            WeakKind::Complex => Complex128,
        }
    }
}

/// NumPy 2's check that a Python int fits the integer type it is stored as.
pub fn check_int_fits(n: crate::dtype::Num, st: ScalarType) -> Result<()> {
    use crate::dtype::Num;
    let (lo, hi): (i128, i128) = match st {
        Int8 => (i8::MIN as i128, i8::MAX as i128),
        UInt8 => (0, u8::MAX as i128),
        Int16 => (i16::MIN as i128, i16::MAX as i128),
        UInt16 => (0, u16::MAX as i128),
        Int32 => (i32::MIN as i128, i32::MAX as i128),
        UInt32 => (0, u32::MAX as i128),
        Int64 => (i64::MIN as i128, i64::MAX as i128),
        UInt64 => (0, u64::MAX as i128),
        _ => return Ok(()),
    };
    let v: i128 = match n {
        Num::I(i) => i as i128,
        Num::U(u) => u as i128,
        _ => return Ok(()),
    };
    if v < lo || v > hi {
        return Err(Error::Overflow(format!(
            "Python integer {} out of bounds for {}",
            v,
            st.dtype().name()
        )));
    }
    Ok(())
}

/// Combine a (strong) dtype with a weak Python scalar kind, as NumPy 2 does.
pub fn promote_weak(strong: ScalarType, weak: WeakKind) -> ScalarType {
    match weak {
        WeakKind::Bool => strong,
        WeakKind::Int => {
            if strong == Bool {
                Int64
            } else {
                strong
            }
        }
        WeakKind::Float => match strong.kind() {
            'f' | 'c' => strong,
            _ => Float64,
        },
        WeakKind::Complex => match strong {
            Complex64 | Complex128 => strong,
            Float16 | Float32 => Complex64,
            Float64 => Complex128,
            _ => Complex128,
        },
    }
}

/// `np.result_type` over strong dtypes and weak Python scalars.
pub fn result_type(strong: &[DType], weak: &[WeakKind]) -> Result<DType> {
    if strong.is_empty() {
        match weak.iter().max() {
            Some(w) => return Ok(w.default_type().dtype()),
            None => {
                return Err(Error::Type(
                    "at least one array or dtype is required".into(),
                ))
            }
        }
    }
    let mut acc = strong[0].to_native();
    for d in &strong[1..] {
        acc = promote_types(&acc, d)?;
    }
    if let Some(mut st) = acc.scalar_type() {
        for w in weak {
            st = promote_weak(st, *w);
        }
        return Ok(st.dtype());
    }
    // A family whose common descriptor with each Python scalar's default type is itself
    // takes it (objects; timedeltas with Python ints); an inexact family meets a Python
    // number of its kind or below as its common descriptor with that number's type
    // (`longdouble` and a Python complex: `clongdouble`).
    let common = |w: &WeakKind| super::method::common_dtype(&acc, &w.default_type().dtype());
    let keeps = |w: &WeakKind| matches!(common(w), Some(Ok(d)) if d == acc);
    if weak.iter().all(keeps) {
        Ok(acc)
    } else if matches!(acc.kind(), 'f' | 'c')
        && weak.iter().all(|w| matches!(common(w), Some(Ok(_))))
    {
        let mut out = acc.clone();
        for w in weak {
            if let Some(Ok(d)) = super::method::common_dtype(&out, &w.default_type().dtype()) {
                out = d;
            }
        }
        Ok(out)
    } else {
        Err(Error::Promotion(format!(
            "The DType <{}> could not be promoted by a Python scalar.",
            acc
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_samples() {
        assert_eq!(promote_scalar(Int8, UInt8), Int16);
        assert_eq!(promote_scalar(UInt64, Int8), Float64);
        assert_eq!(promote_scalar(Float16, Int16), Float32);
        assert_eq!(promote_scalar(Float16, Int8), Float16);
        assert_eq!(promote_scalar(Float32, Complex64), Complex64);
        assert_eq!(promote_scalar(Float64, Complex64), Complex128);
        assert_eq!(promote_scalar(Int64, Complex64), Complex128);
        assert_eq!(promote_scalar(Bool, Bool), Bool);
    }

    fn rec(fields: &[(&str, ScalarType)], aligned: bool) -> DType {
        use crate::dtype::record::{FieldSpec, Record};
        let specs = fields
            .iter()
            .map(|(n, st)| FieldSpec {
                name: n.to_string(),
                title: None,
                dtype: st.dtype(),
                offset: None,
            })
            .collect();
        Record::build(specs, None, aligned).unwrap()
    }

    #[test]
    fn records_promote_field_by_field() {
        // NumPy: result_type([('a','i1'),('b','f4')], [('a','f8'),('b','i4')]) is
        // [('a','<f8'),('b','<f8')], aligned when either is; other names do not promote.
        let a = rec(&[("a", Int8), ("b", Float32)], false);
        let b = rec(&[("a", Float64), ("b", Int32)], true);
        let p = promote_types(&a, &b).unwrap();
        assert_eq!(p, rec(&[("a", Float64), ("b", Float64)], true));
        assert_eq!(p.itemsize(), 16);
        assert!(promote_types(&a, &rec(&[("x", Int8), ("y", Float32)], false)).is_err());
        assert!(promote_types(&a, &Float64.dtype()).is_err());
    }

    #[test]
    fn record_casts_go_by_position() {
        // NumPy: can_cast([('a','f8'),('b','i4')], [('x','f8'),('y','i8')], 'safe') is True,
        // f8 -> i1 only unsafely, a number into a record only unsafely.
        let a = rec(&[("a", Float64), ("b", Int32)], false);
        let c = rec(&[("x", Float64), ("y", Int64)], false);
        let d = rec(&[("a", Int8), ("b", Float32)], false);
        assert!(can_cast(&a, &c, Casting::Safe));
        assert!(!can_cast(&a, &d, Casting::SameKind));
        assert!(can_cast(&a, &d, Casting::Unsafe));
        assert!(!can_cast(&Float64.dtype(), &a, Casting::SameKind));
        assert!(can_cast(&Float64.dtype(), &a, Casting::Unsafe));
        assert!(!can_cast(&a, &Float64.dtype(), Casting::Unsafe));
    }

    #[test]
    fn weak_scalars() {
        assert_eq!(promote_weak(Int8, WeakKind::Int), Int8);
        assert_eq!(promote_weak(Int8, WeakKind::Float), Float64);
        assert_eq!(promote_weak(Float16, WeakKind::Complex), Complex64);
        assert_eq!(promote_weak(Bool, WeakKind::Int), Int64);
    }

    #[test]
    fn casting_kinds() {
        assert!(can_cast_same_kind(Float64, Float32));
        assert!(!can_cast_safe(Float64, Float32));
        assert!(!can_cast_same_kind(Float64, Int64));
        assert!(can_cast_same_kind(UInt8, Int8));
        assert!(!can_cast_same_kind(Int8, UInt8));
    }
}
