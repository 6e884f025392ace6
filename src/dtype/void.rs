//! Unstructured void (`'V8'`): opaque bytes of a fixed size, with no fields. NumPy uses it for
//! padding entries of record descriptions and for raw byte items.

use std::any::Any;

use super::{ByteOrder, DType, DTypeImpl};

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

/// NumPy's name of a void dtype: 'void64', or 'void' for zero bytes.
pub fn void_name(itemsize: usize) -> String {
    if itemsize == 0 {
        "void".into()
    } else {
        format!("void{}", itemsize * 8)
    }
}

impl DTypeImpl for RawVoid {
    fn kind(&self) -> char {
        'V'
    }
    fn char_code(&self) -> char {
        'V'
    }
    fn num(&self) -> i32 {
        NPY_VOID
    }
    fn itemsize(&self) -> usize {
        self.itemsize
    }
    fn alignment(&self) -> usize {
        1
    }
    fn name(&self) -> String {
        void_name(self.itemsize)
    }
    fn scalar_type(&self) -> Option<super::ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::NotApplicable
    }
    fn with_native_order(&self, _native: bool) -> DType {
        RawVoid::build(self.itemsize)
    }
    fn typestr(&self) -> String {
        format!("|V{}", self.itemsize)
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other.as_any().downcast_ref::<RawVoid>().is_some_and(|o| o.itemsize == self.itemsize)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
