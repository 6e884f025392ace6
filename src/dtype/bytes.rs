//! Bytes (`S<n>`, NumPy's `BytesDType`): `n` bytes an item, null-padded. An item's text ends
//! at its last nonzero byte; inner NULs are text. `S0` is the unsized descriptor (`np.dtype('S')`),
//! which casts and array allocation give a size. What both text families share (casts,
//! ordering, promotion, ufunc loops) is in `text.rs`.

use std::any::Any;
use std::sync::Arc;

use super::method::{ArrayMethod, Flags};
use super::text::{self, Store, TextDesc};
use super::{ByteOrder, CompareFn, DType, DTypeImpl, ScalarType, SortWords};

/// NumPy's type number of bytes.
pub const NPY_STRING: i32 = 18;

#[derive(Debug)]
pub struct Bytes {
    pub size: usize,
    /// NumPy's `'c'`: one byte, which keeps its own char (and, in array creation, makes a
    /// str one item per character). Equal to `S1` otherwise.
    pub char_c: bool,
}

/// The descriptor of `size`-byte items.
pub fn bytes(size: usize) -> DType {
    DType::new(Bytes {
        size,
        char_c: false,
    })
}

/// NumPy's `dtype('c')`.
pub fn char_c() -> DType {
    DType::new(Bytes {
        size: 1,
        char_c: true,
    })
}

/// Is `d` NumPy's `dtype('c')`?
pub fn is_char_c(d: &DType) -> bool {
    d.0.as_any()
        .downcast_ref::<Bytes>()
        .is_some_and(|b| b.char_c)
}

impl DTypeImpl for Bytes {
    fn kind(&self) -> char {
        'S'
    }
    fn char_code(&self) -> char {
        if self.char_c {
            'c'
        } else {
            'S'
        }
    }
    fn num(&self) -> i32 {
        NPY_STRING
    }
    fn itemsize(&self) -> usize {
        self.size
    }
    fn alignment(&self) -> usize {
        1
    }
    fn name(&self) -> String {
        if self.size == 0 {
            "bytes".into()
        } else {
            format!("bytes{}", 8 * self.size)
        }
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::NotApplicable
    }
    fn with_native_order(&self, _native: bool) -> DType {
        if self.char_c {
            char_c()
        } else {
            bytes(self.size)
        }
    }
    fn typestr(&self) -> String {
        format!("|S{}", self.size)
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other
            .as_any()
            .downcast_ref::<Bytes>()
            .is_some_and(|o| o.size == self.size)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn flags(&self) -> Flags {
        Flags {
            parametric: true,
            ..Flags::default()
        }
    }
    fn cast_to(&self, to: &DType) -> Option<Arc<dyn ArrayMethod>> {
        text::cast_from_text(to)
    }
    fn cast_from(&self, from: &DType) -> Option<Arc<dyn ArrayMethod>> {
        text::cast_to_text(from)
    }
    fn common_with(&self, other: &DType) -> Option<crate::error::Result<DType>> {
        text::common(self.desc(), other).map(Ok)
    }
    fn compare(&self) -> Option<CompareFn> {
        Some(text::ordering(self.desc()))
    }
    fn sort_words(&self) -> Option<SortWords> {
        Some(text::sort_words(self.desc()))
    }
}

impl Bytes {
    fn desc(&self) -> TextDesc {
        TextDesc {
            store: Store::Bytes,
            chars: self.size,
        }
    }
}
