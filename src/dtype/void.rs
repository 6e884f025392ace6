//! Unstructured void (`'V8'`): opaque bytes of a fixed size, with no fields. NumPy uses it for
//! padding entries of record descriptions and for raw byte items.

use super::{DType, DTypeImpl};

/// NumPy's type number of void.
pub const NPY_VOID: i32 = 20;

#[derive(Debug)]
pub struct RawVoid {
    itemsize: usize,
}

impl RawVoid {
    pub fn build(itemsize: usize) -> DType {
        DType::new(RawVoid { itemsize })
    }
}

/// The `DTypeImpl` methods every void dtype (raw bytes, records, subarrays) answers alike:
/// kind and code 'V', NumPy's void type number, no byte order, no scalar type, 'void<bits>',
/// '|V<n>' (from the type's `itemsize`).
macro_rules! void_dtype_common {
    () => {
        fn kind(&self) -> char {
            'V'
        }
        fn char_code(&self) -> char {
            'V'
        }
        fn num(&self) -> i32 {
            $crate::dtype::void::NPY_VOID
        }
        fn name(&self) -> String {
            $crate::dtype::void::void_name(self.itemsize())
        }
        fn scalar_type(&self) -> Option<$crate::dtype::ScalarType> {
            None
        }
        fn byteorder(&self) -> $crate::dtype::ByteOrder {
            $crate::dtype::ByteOrder::NotApplicable
        }
        fn typestr(&self) -> String {
            format!("|V{}", self.itemsize())
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    };
}
pub(crate) use void_dtype_common;

/// NumPy's name of a void dtype: 'void64', or 'void' for zero bytes.
pub fn void_name(itemsize: usize) -> String {
    if itemsize == 0 {
        "void".into()
    } else {
        format!("void{}", itemsize * 8)
    }
}

impl DTypeImpl for RawVoid {
    void_dtype_common!();
    fn itemsize(&self) -> usize {
        self.itemsize
    }
    fn alignment(&self) -> usize {
        1
    }
    fn with_native_order(&self, _native: bool) -> DType {
        RawVoid::build(self.itemsize)
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other
            .as_any()
            .downcast_ref::<RawVoid>()
            .is_some_and(|o| o.itemsize == self.itemsize)
    }
}
