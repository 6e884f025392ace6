//! Structured dtypes: records (named fields at byte offsets, with optional titles, nested
//! records and subarray fields) and subarray dtypes (`(2, 3)f4`), as NumPy lays them out.

use std::cmp::Ordering;
use std::sync::Arc;

use super::{CompareFn, DType, DTypeImpl, Field, Flags, SubArray, MAX_ITEMSIZE};
use crate::error::{Error, Result};

use super::void::void_dtype_common;

#[derive(Debug)]
pub struct Record {
    fields: Vec<Field>,
    itemsize: usize,
    /// `align=True`: C-struct layout, alignment of the widest field.
    aligned: bool,
    /// A multi-field view of an aligned struct keeps the flag but has alignment 1 (NumPy).
    view_of_aligned: bool,
}

/// One field as given: name, title, dtype, and an explicit offset (None: after the previous
/// field, aligned when the record is).
pub struct FieldSpec {
    pub name: String,
    pub title: Option<String>,
    pub dtype: DType,
    pub offset: Option<usize>,
}

impl Record {
    /// Lay out `specs` as NumPy does. `itemsize`: an explicit total size (at least the
    /// fields' extent).
    pub fn build(specs: Vec<FieldSpec>, itemsize: Option<usize>, aligned: bool) -> Result<DType> {
        Ok(DType::new(Record::layout(specs, itemsize, aligned)?))
    }

    fn layout(specs: Vec<FieldSpec>, itemsize: Option<usize>, aligned: bool) -> Result<Record> {
        let mut fields: Vec<Field> = Vec::with_capacity(specs.len());
        let mut end = 0usize;
        let mut max_align = 1usize;
        for s in specs {
            ensure!(
                super::vstring::VString::of(&s.dtype).is_none(),
                Type,
                "StringDType is not currently supported for structured dtype fields."
            );
            ensure!(
                !fields.iter().any(|f| f.name == s.name
                    || f.title.as_deref() == Some(s.name.as_str())
                    || (s.title.is_some()
                        && (f.name == *s.title.as_ref().unwrap() || f.title == s.title))),
                Value,
                "field '{}' occurs more than once",
                s.name
            );
            let al = s.dtype.alignment().max(1);
            if aligned {
                max_align = max_align.max(al);
            }
            let offset = match s.offset {
                Some(o) => o,
                None if aligned => end.div_ceil(al) * al,
                None => end,
            };
            // Offsets and sizes are C ints in NumPy; checked here so no layout wraps.
            end = offset
                .checked_add(s.dtype.itemsize())
                .filter(|&e| offset <= MAX_ITEMSIZE && e <= MAX_ITEMSIZE)
                .ok_or_else(|| Error::Value("integer won't fit into a C int".into()))?
                .max(end);
            fields.push(Field {
                name: s.name,
                title: s.title,
                dtype: s.dtype,
                offset,
            });
        }
        // A field holding references may share no byte with another (NumPy's rule: another
        // field's bytes written over a reference would corrupt it).
        for (i, f) in fields.iter().enumerate() {
            if !f.dtype.flags().holds_refs {
                continue;
            }
            let (a, b) = (f.offset, f.offset + f.dtype.itemsize());
            let overlaps = fields.iter().enumerate().any(|(j, g)| {
                j != i
                    && g.offset < b
                    && a < g.offset + g.dtype.itemsize()
                    && g.dtype.itemsize() > 0
            });
            ensure!(
                !overlaps,
                Type,
                "Cannot create a NumPy dtype with overlapping object fields"
            );
        }
        let natural = if aligned {
            end.div_ceil(max_align) * max_align
        } else {
            end
        };
        let itemsize = match itemsize {
            Some(n) => {
                ensure!(n <= MAX_ITEMSIZE, Value, "integer won't fit into a C int");
                ensure!(
                    n >= end,
                    Value,
                    "NumPy dtype descriptor requires {} bytes, cannot override to smaller itemsize of {}",
                    end,
                    n
                );
                n
            }
            None => natural,
        };
        Ok(Record {
            fields,
            itemsize,
            aligned,
            view_of_aligned: false,
        })
    }

    pub fn is_aligned_struct(&self) -> bool {
        self.aligned
    }

    /// The dtype of a multi-field view of this record: the chosen fields at their offsets, the
    /// itemsize kept; of an aligned struct, still flagged aligned but with alignment 1.
    pub fn view_of(&self, specs: Vec<FieldSpec>) -> Result<DType> {
        let mut r = Record::layout(specs, Some(self.itemsize), self.aligned)?;
        r.view_of_aligned = self.aligned;
        Ok(DType::new(r))
    }
}

impl DTypeImpl for Record {
    void_dtype_common!();
    fn itemsize(&self) -> usize {
        self.itemsize
    }
    fn alignment(&self) -> usize {
        if self.aligned && !self.view_of_aligned {
            self.fields
                .iter()
                .map(|f| f.dtype.alignment())
                .max()
                .unwrap_or(1)
        } else {
            1
        }
    }
    fn with_native_order(&self, native: bool) -> DType {
        DType::new(Record {
            fields: self
                .fields
                .iter()
                .map(|f| Field {
                    dtype: if native {
                        f.dtype.to_native()
                    } else {
                        f.dtype.to_native().0.with_native_order(false)
                    },
                    ..f.clone()
                })
                .collect(),
            itemsize: self.itemsize,
            aligned: self.aligned,
            view_of_aligned: self.view_of_aligned,
        })
    }
    fn fields(&self) -> Option<&[Field]> {
        Some(&self.fields)
    }
    /// A record holds references, needs the Python API or initialisation when a field does.
    fn flags(&self) -> Flags {
        self.fields.iter().fold(Flags::default(), |acc, f| {
            let g = f.dtype.flags();
            Flags {
                holds_refs: acc.holds_refs || g.holds_refs,
                needs_api: acc.needs_api || g.needs_api,
                needs_init: acc.needs_init || g.needs_init,
                parametric: true,
                promotes: false,
            }
        })
    }
    unsafe fn clear(&self, p: *mut u8, stride: isize, n: usize) {
        for f in &self.fields {
            if f.dtype.flags().holds_refs {
                // SAFETY: each record's field lies inside the record (the caller's items).
                unsafe { f.dtype.0.clear(p.wrapping_add(f.offset), stride, n) };
            }
        }
    }
    unsafe fn retain(&self, p: *mut u8, stride: isize, n: usize) {
        for f in &self.fields {
            if f.dtype.flags().holds_refs {
                // SAFETY: as `clear`.
                unsafe { f.dtype.0.retain(p.wrapping_add(f.offset), stride, n) };
            }
        }
    }
    /// Records order field by field, in field order (NumPy's structured sort).
    fn compare(&self) -> Option<CompareFn> {
        let parts = self
            .fields
            .iter()
            .map(|f| Some((f.offset, f.dtype.compare()?)))
            .collect::<Option<Vec<_>>>()?;
        Some(Arc::new(move |a: *const u8, b: *const u8| {
            for (off, cmp) in &parts {
                // SAFETY: a and b hold one record each, and each field lies inside it.
                let o = cmp(unsafe { a.add(*off) }, unsafe { b.add(*off) });
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }))
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        match other.as_any().downcast_ref::<Record>() {
            Some(o) => {
                o.itemsize == self.itemsize
                    && o.fields.len() == self.fields.len()
                    && o.fields.iter().zip(&self.fields).all(|(a, b)| {
                        a.name == b.name
                            && a.offset == b.offset
                            && a.title == b.title
                            && a.dtype == b.dtype
                    })
            }
            None => false,
        }
    }
}

/// A subarray dtype: `base` repeated over `shape` (C order).
#[derive(Debug)]
pub struct SubArrayDType {
    sub: SubArray,
}

impl SubArrayDType {
    /// `base` over `shape`; ValueError (NumPy's) when a dimension or the total size in bytes
    /// does not fit a C int, so an itemsize never wraps.
    pub fn build(base: DType, shape: Vec<usize>) -> Result<DType> {
        // NumPy refuses a base without size (`V0`, `('f8', (0,))`), except an empty record.
        ensure!(
            base.itemsize() > 0 || base.fields().is_some(),
            Value,
            "invalid itemsize in generic type tuple"
        );
        // A subarray of a subarray flattens into one (NumPy: dtype(('(2,)f8', (3,))) is (3, 2)f8).
        let (base, shape) = match base.subarray() {
            Some(inner) => {
                let mut s = shape;
                s.extend(&inner.shape);
                (inner.base.clone(), s)
            }
            None => (base, shape),
        };
        ensure!(
            shape.iter().all(|&d| d <= MAX_ITEMSIZE),
            Value,
            "invalid shape in fixed-type tuple: dimension does not fit into a C int."
        );
        shape
            .iter()
            .try_fold(base.itemsize(), |n, &d| n.checked_mul(d))
            .filter(|&n| n <= MAX_ITEMSIZE)
            .ok_or_else(|| {
                Error::Value(
                    "invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int."
                        .into(),
                )
            })?;
        Ok(DType::new(SubArrayDType {
            sub: SubArray { base, shape },
        }))
    }
}

impl DTypeImpl for SubArrayDType {
    void_dtype_common!();
    fn itemsize(&self) -> usize {
        self.sub.base.itemsize() * self.sub.shape.iter().product::<usize>()
    }
    fn alignment(&self) -> usize {
        self.sub.base.alignment()
    }
    fn with_native_order(&self, native: bool) -> DType {
        let b = self.sub.base.to_native();
        let base = if native {
            b
        } else {
            b.0.with_native_order(false)
        };
        // Same sizes as `self`, which passed the checks of `build`.
        DType::new(SubArrayDType {
            sub: SubArray {
                base,
                shape: self.sub.shape.clone(),
            },
        })
    }
    fn subarray(&self) -> Option<&SubArray> {
        Some(&self.sub)
    }
    fn flags(&self) -> Flags {
        self.sub.base.flags()
    }
    unsafe fn clear(&self, p: *mut u8, stride: isize, n: usize) {
        let size = self.sub.base.itemsize();
        let count: usize = self.sub.shape.iter().product();
        for i in 0..n as isize {
            // SAFETY: each of the caller's items holds `count` contiguous base items.
            unsafe {
                self.sub
                    .base
                    .0
                    .clear(p.wrapping_offset(i * stride), size as isize, count)
            };
        }
    }
    unsafe fn retain(&self, p: *mut u8, stride: isize, n: usize) {
        let size = self.sub.base.itemsize();
        let count: usize = self.sub.shape.iter().product();
        for i in 0..n as isize {
            // SAFETY: as `clear`.
            unsafe {
                self.sub
                    .base
                    .0
                    .retain(p.wrapping_offset(i * stride), size as isize, count)
            };
        }
    }
    /// Subarrays order item by item (C order).
    fn compare(&self) -> Option<CompareFn> {
        let cmp = self.sub.base.compare()?;
        let size = self.sub.base.itemsize();
        let count: usize = self.sub.shape.iter().product();
        Some(Arc::new(move |a: *const u8, b: *const u8| {
            for i in 0..count {
                // SAFETY: a and b hold `count` base items each.
                let o = cmp(unsafe { a.add(i * size) }, unsafe { b.add(i * size) });
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }))
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        match other.as_any().downcast_ref::<SubArrayDType>() {
            Some(o) => o.sub.shape == self.sub.shape && o.sub.base == self.sub.base,
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::ScalarType;

    fn spec(name: &str, st: ScalarType) -> FieldSpec {
        FieldSpec {
            name: name.into(),
            title: None,
            dtype: st.dtype(),
            offset: None,
        }
    }

    #[test]
    fn packed_and_aligned_layouts() {
        // [('a', 'u1'), ('b', 'f8')]: packed 9 bytes; aligned b at 8, 16 bytes.
        let p = Record::build(
            vec![spec("a", ScalarType::UInt8), spec("b", ScalarType::Float64)],
            None,
            false,
        )
        .unwrap();
        assert_eq!(p.itemsize(), 9);
        assert_eq!(p.fields().unwrap()[1].offset, 1);
        let a = Record::build(
            vec![spec("a", ScalarType::UInt8), spec("b", ScalarType::Float64)],
            None,
            true,
        )
        .unwrap();
        assert_eq!(
            (a.itemsize(), a.fields().unwrap()[1].offset, a.alignment()),
            (16, 8, 8)
        );
        assert!(Record::build(
            vec![spec("a", ScalarType::UInt8), spec("a", ScalarType::UInt8)],
            None,
            false
        )
        .is_err());
    }

    #[test]
    fn sizes_must_fit_a_c_int() {
        let f8 = ScalarType::Float64.dtype();
        // (2**61 + 1) * 8 wraps to 8 in 64 bits; (2**31, 2**31) * 8 wraps to 0.
        assert!(SubArrayDType::build(f8.clone(), vec![(1 << 61) + 1]).is_err());
        assert!(SubArrayDType::build(f8.clone(), vec![1 << 31, 1 << 31]).is_err());
        assert!(SubArrayDType::build(f8.clone(), vec![1 << 28]).is_err());
        assert_eq!(
            SubArrayDType::build(f8.clone(), vec![1 << 26, 2])
                .unwrap()
                .itemsize(),
            1 << 30
        );
        assert!(SubArrayDType::build(f8.clone(), vec![1 << 27, 2]).is_err());
        // A sizeless base (V0, or a subarray with a zero axis) is refused, as NumPy does.
        assert!(SubArrayDType::build(crate::dtype::void::RawVoid::build(0), vec![3]).is_err());
        // Field offsets and the itemsize.
        let at = |o: usize| FieldSpec {
            name: "a".into(),
            title: None,
            dtype: f8.clone(),
            offset: Some(o),
        };
        assert!(Record::build(vec![at(1 << 40)], None, false).is_err());
        assert!(Record::build(vec![at(MAX_ITEMSIZE - 4)], None, false).is_err());
        assert!(Record::build(vec![at(0)], Some(1 << 40), false).is_err());
        assert_eq!(
            Record::build(vec![at(8)], None, false).unwrap().itemsize(),
            16
        );
    }
}
