//! The dtype implementation shared by every numeric type: `Numeric<T>` for an [`Element`] `T`,
//! in native or swapped byte order. The instances are interned, so `DType` equality of built-in
//! dtypes is usually a pointer comparison.

use std::any::Any;
use std::marker::PhantomData;
use std::sync::OnceLock;

use std::cmp::Ordering;
use std::sync::Arc;

use super::{ByteOrder, CompareFn, DType, DTypeImpl, Element, Num, ScalarType};

#[derive(Debug)]
pub struct Numeric<T: Element> {
    swapped: bool,
    _t: PhantomData<T>,
}

static NATIVE: [OnceLock<DType>; 14] = [const { OnceLock::new() }; 14];
static SWAPPED: [OnceLock<DType>; 14] = [const { OnceLock::new() }; 14];

/// The interned native-order dtype of `T`.
pub fn native<T: Element>() -> DType {
    NATIVE[T::TYPE as usize]
        .get_or_init(|| {
            DType::new(Numeric::<T> {
                swapped: false,
                _t: PhantomData,
            })
        })
        .clone()
}

/// The interned byte-swapped dtype of `T` (one-byte types have no swapped form).
pub fn swapped<T: Element>() -> DType {
    if T::TYPE.itemsize() == 1 {
        return native::<T>();
    }
    SWAPPED[T::TYPE as usize]
        .get_or_init(|| {
            DType::new(Numeric::<T> {
                swapped: true,
                _t: PhantomData,
            })
        })
        .clone()
}

impl<T: Element> DTypeImpl for Numeric<T> {
    fn kind(&self) -> char {
        T::TYPE.kind()
    }
    fn char_code(&self) -> char {
        T::CHAR
    }
    fn num(&self) -> i32 {
        T::NUM
    }
    fn itemsize(&self) -> usize {
        T::TYPE.itemsize()
    }
    fn alignment(&self) -> usize {
        match T::TYPE {
            ScalarType::Complex64 => 4,
            ScalarType::Complex128 => 8,
            st => st.itemsize(),
        }
    }
    fn name(&self) -> String {
        T::NAME.to_string()
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        Some(T::TYPE)
    }
    fn byteorder(&self) -> ByteOrder {
        if T::TYPE.itemsize() == 1 {
            ByteOrder::NotApplicable
        } else if self.swapped {
            ByteOrder::Swapped
        } else {
            ByteOrder::Native
        }
    }
    fn with_native_order(&self, native_order: bool) -> DType {
        if native_order {
            native::<T>()
        } else {
            swapped::<T>()
        }
    }
    fn typestr(&self) -> String {
        let size = T::TYPE.itemsize();
        let kind = T::TYPE.kind();
        if size == 1 {
            format!("|{}{}", kind, size)
        } else {
            format!("{}{}{}", ByteOrder::prefix(!self.swapped), kind, size)
        }
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        match other.as_any().downcast_ref::<Numeric<T>>() {
            Some(o) => o.swapped == self.swapped || T::TYPE.itemsize() == 1,
            None => false,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn compare(&self) -> Option<CompareFn> {
        let swapped = self.swapped;
        Some(Arc::new(move |a: *const u8, b: *const u8| {
            // SAFETY: the caller gives one item of this dtype at each (unaligned) pointer.
            let (mut x, mut y) = unsafe {
                (
                    std::ptr::read_unaligned(a as *const T),
                    std::ptr::read_unaligned(b as *const T),
                )
            };
            if swapped {
                (x, y) = (x.byteswap(), y.byteswap());
            }
            let (x, y) = (x.to_num(), y.to_num());
            if T::TYPE == ScalarType::Float16 {
                // NumPy's float16 compare (used by records) puts NaN first.
                if let (Num::F(p), Num::F(q)) = (x, y) {
                    if p.is_nan() || q.is_nan() {
                        return q.is_nan().cmp(&p.is_nan());
                    }
                }
            }
            sort_order(x, y)
        }))
    }
}

fn kind_rank(n: Num) -> u8 {
    match n {
        Num::B(_) => 0,
        Num::I(_) | Num::U(_) => 1,
        Num::F(_) => 2,
        Num::C(..) => 3,
    }
}

/// NumPy's sort order: NaN after every number; complex numbers without a NaN first (by real
/// part, then imaginary part), then `R + nanj` by real part, `nan + Rj` by imaginary part,
/// and `nan + nanj` last.
pub fn sort_order(a: Num, b: Num) -> Ordering {
    fn float(x: f64, y: f64) -> Ordering {
        x.partial_cmp(&y)
            .unwrap_or_else(|| x.is_nan().cmp(&y.is_nan()))
    }
    match (a, b) {
        (Num::B(x), Num::B(y)) => x.cmp(&y),
        (Num::I(x), Num::I(y)) => x.cmp(&y),
        (Num::U(x), Num::U(y)) => x.cmp(&y),
        (Num::F(x), Num::F(y)) => float(x, y),
        (Num::C(xr, xi), Num::C(yr, yi)) => {
            let nan = |r: f64, i: f64| r.is_nan() || i.is_nan();
            nan(xr, xi)
                .cmp(&nan(yr, yi))
                .then(float(xr, yr))
                .then(float(xi, yi))
        }
        // Items of one dtype widen to one variant; across kinds, order by kind.
        (x, y) => kind_rank(x).cmp(&kind_rank(y)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::Bool;

    #[test]
    fn interned_and_equal() {
        let a = native::<f64>();
        let b = ScalarType::Float64.dtype();
        assert_eq!(a, b);
        assert_ne!(a, swapped::<f64>());
        assert!(a.equiv(&swapped::<f64>()));
        assert_eq!(a.typestr(), "<f8");
        assert_eq!(swapped::<f64>().typestr(), ">f8");
        assert_eq!(native::<Bool>().typestr(), "|b1");
        assert_eq!(swapped::<u8>(), native::<u8>());
    }

    #[test]
    fn sort_order_puts_nan_last_and_reads_swapped_items() {
        let cmp = native::<f64>().compare().unwrap();
        let v = [1.0f64, f64::NAN, -0.0, 0.0];
        let p = |i: usize| &v[i] as *const f64 as *const u8;
        assert_eq!(cmp(p(0), p(1)), Ordering::Less);
        assert_eq!(cmp(p(1), p(0)), Ordering::Greater);
        assert_eq!(cmp(p(1), p(1)), Ordering::Equal);
        assert_eq!(cmp(p(2), p(3)), Ordering::Equal);
        let c = |r: f64, i: f64| Num::C(r, i);
        let order = [
            c(1.0, 1.0),
            c(1.0, f64::NAN),
            c(f64::NAN, 1.0),
            c(f64::NAN, f64::NAN),
        ];
        for w in order.windows(2) {
            assert_eq!(sort_order(w[0], w[1]), Ordering::Less);
        }
        let big = [258i16.swap_bytes(), 3i16.swap_bytes()];
        let cmp = swapped::<i16>().compare().unwrap();
        let q = |i: usize| &big[i] as *const i16 as *const u8;
        assert_eq!(cmp(q(0), q(1)), Ordering::Greater);
    }
}
