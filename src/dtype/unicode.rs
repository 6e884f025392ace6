//! Str (`U<n>`, NumPy's `StrDType`): `n` UCS4 characters an item (4 bytes each, in either byte
//! order), null-padded. An item's text ends at its last nonzero character; inner NULs are
//! text. `U0` is the unsized descriptor (`np.dtype('U')`), which casts and array allocation
//! give a size. What both text families share (casts, ordering, promotion, ufunc loops) is in
//! `text.rs`.

use std::any::Any;
use std::sync::Arc;

use super::method::{ArrayMethod, Flags};
use super::text::{self, Store, TextDesc};
use super::{ByteOrder, CompareFn, DType, DTypeImpl, ScalarType, SortWords};

/// NumPy's type number of str.
pub const NPY_UNICODE: i32 = 19;

#[derive(Debug)]
pub struct Unicode {
    pub chars: usize,
    /// Characters in the machine's byte order.
    pub native: bool,
}

/// The descriptor of `chars`-character items, in the machine's byte order or swapped.
pub fn unicode(chars: usize, native: bool) -> DType {
    DType::new(Unicode { chars, native })
}

impl DTypeImpl for Unicode {
    fn kind(&self) -> char {
        'U'
    }
    fn char_code(&self) -> char {
        'U'
    }
    fn num(&self) -> i32 {
        NPY_UNICODE
    }
    fn itemsize(&self) -> usize {
        4 * self.chars
    }
    fn alignment(&self) -> usize {
        4
    }
    fn name(&self) -> String {
        if self.chars == 0 {
            "str".into()
        } else {
            format!("str{}", 32 * self.chars)
        }
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::of(self.native)
    }
    fn with_native_order(&self, native: bool) -> DType {
        unicode(self.chars, native)
    }
    fn typestr(&self) -> String {
        format!("{}U{}", ByteOrder::prefix(self.native), self.chars)
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other
            .as_any()
            .downcast_ref::<Unicode>()
            .is_some_and(|o| o.chars == self.chars && o.native == self.native)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn flags(&self) -> Flags {
        // Zero-filled when new, as NumPy's: any garbage would not be characters.
        Flags {
            parametric: true,
            needs_init: true,
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

impl Unicode {
    fn desc(&self) -> TextDesc {
        TextDesc {
            store: Store::Ucs4 {
                swapped: !self.native,
            },
            chars: self.chars,
        }
    }
}
