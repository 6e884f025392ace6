//! The dtype implementation shared by every numeric type: `Numeric<T>` for an [`Element`] `T`,
//! in native or swapped byte order. The instances are interned, so `DType` equality of built-in
//! dtypes is usually a pointer comparison.

use std::any::Any;
use std::marker::PhantomData;
use std::sync::OnceLock;

use super::{ByteOrder, DType, DTypeImpl, Element, ScalarType};

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

fn endian_char(swapped: bool) -> char {
    if cfg!(target_endian = "little") != swapped {
        '<'
    } else {
        '>'
    }
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
            format!("{}{}{}", endian_char(self.swapped), kind, size)
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
}
