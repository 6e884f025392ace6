//! What the bytes mean.
//!
//! A [`DType`] is a cheap handle (`Arc`) over a [`DTypeImpl`] trait object. Every concrete
//! dtype lives in its own file and implements the trait; the numeric ones share
//! [`numeric::Numeric<T>`], parametrised by an [`Element`] type that the concrete file defines.
//! Structured (record) dtypes implement the same trait and answer [`DTypeImpl::fields`] and
//! [`DTypeImpl::subarray`]; nothing else in the core needs to special-case them.
//! See designs/dtypes.md.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

pub mod element;
pub mod numeric;

pub mod bool;
pub mod complex128;
pub mod complex64;
pub mod float16;
pub mod float32;
pub mod float64;
pub mod int16;
pub mod int32;
pub mod int64;
pub mod int8;
pub mod uint16;
pub mod uint32;
pub mod uint64;
pub mod uint8;

pub mod bytes;
pub mod cast;
#[cfg(test)]
pub mod counted;
pub mod datetime;
pub mod longdouble;
pub mod method;
pub mod object;
pub mod parse;
pub mod promote;
pub mod record;
#[cfg(test)]
pub mod scaled_float;
pub mod strfuncs;
pub mod text;
pub mod time;
pub mod unicode;
pub mod void;
pub mod vstring;

pub use self::bool::Bool;
pub use element::{Element, Num};
pub use method::{ArrayMethod, Family, Flags};

/// NumPy's sort order of two items of one descriptor (NaN last, records field by field):
/// the ordering hook sort, searchsorted, unique and max/min use. Both pointers are valid for
/// one item of the descriptor the function was made for; they need not be aligned.
pub type CompareFn =
    std::sync::Arc<dyn Fn(*const u8, *const u8) -> std::cmp::Ordering + Send + Sync>;

/// Whether an item is the family's missing value (NaT), which argmin/argmax report first, as
/// NaN for floats. The pointer is valid for one item; it need not be aligned.
pub type MissingFn = std::sync::Arc<dyn Fn(*const u8) -> bool + Send + Sync>;

/// An item's sort order as words: NumPy's order of two items is the lexicographic order of
/// their words (`word(p, k)`, `k < words`), so sorts run as radix sorts on the words instead
/// of calling the compare hook. The pointer is valid for one item; it need not be aligned.
#[derive(Clone)]
pub struct SortWords {
    pub words: usize,
    pub word: std::sync::Arc<dyn Fn(*const u8, usize) -> u64 + Send + Sync>,
}

/// NumPy's `dotfunc`: one sum of products `sum_k a[k] * b[k]` over `n` items (`a[k]`
/// conjugated when asked), written to `out`, in the family's order. Returns status bits
/// (`method::status`) or an error raised inside. Callers pass pointers valid for `n` items at
/// their byte strides and one writable item at `out`, of the descriptor the function was made
/// for; they need not be aligned.
pub type DotFn = Box<
    dyn Fn([*const u8; 2], [isize; 2], *mut u8, usize) -> crate::error::Result<u32> + Send + Sync,
>;

/// How a family's items sort when they are built-in numbers underneath: the sorts then take
/// the numbers' radix paths instead of the compare hook.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SortsAs {
    /// Native int64, its minimum (NaT) last.
    Int64MinLast,
}

/// The built-in numeric types, for dispatch. `with_scalar_type!` turns one into a type parameter.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScalarType {
    Bool,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float16,
    Float32,
    Float64,
    Complex64,
    Complex128,
}

impl ScalarType {
    pub const ALL: [ScalarType; 14] = [
        ScalarType::Bool,
        ScalarType::Int8,
        ScalarType::UInt8,
        ScalarType::Int16,
        ScalarType::UInt16,
        ScalarType::Int32,
        ScalarType::UInt32,
        ScalarType::Int64,
        ScalarType::UInt64,
        ScalarType::Float16,
        ScalarType::Float32,
        ScalarType::Float64,
        ScalarType::Complex64,
        ScalarType::Complex128,
    ];

    /// NumPy's kind character.
    pub fn kind(self) -> char {
        use ScalarType::*;
        match self {
            Bool => 'b',
            Int8 | Int16 | Int32 | Int64 => 'i',
            UInt8 | UInt16 | UInt32 | UInt64 => 'u',
            Float16 | Float32 | Float64 => 'f',
            Complex64 | Complex128 => 'c',
        }
    }

    pub fn itemsize(self) -> usize {
        use ScalarType::*;
        match self {
            Bool | Int8 | UInt8 => 1,
            Int16 | UInt16 | Float16 => 2,
            Int32 | UInt32 | Float32 => 4,
            Int64 | UInt64 | Float64 | Complex64 => 8,
            Complex128 => 16,
        }
    }

    pub fn dtype(self) -> DType {
        crate::with_scalar_type!(self, T, { numeric::native::<T>() })
    }

    /// NumPy's name of the type ('float64'), its scalar class's too.
    pub fn name(self) -> &'static str {
        crate::with_scalar_type!(self, T, { <T as Element>::NAME })
    }

    /// The name of NumPy's DType class of the type ('Float64DType').
    pub fn class_name(self) -> &'static str {
        class_name(self.kind(), self.itemsize())
    }

    pub fn is_int(self) -> bool {
        matches!(self.kind(), 'i' | 'u')
    }
    pub fn is_float(self) -> bool {
        self.kind() == 'f'
    }
    pub fn is_complex(self) -> bool {
        self.kind() == 'c'
    }
}

/// Run `$body` with `$T` bound to the Rust element type of a [`ScalarType`].
#[macro_export]
macro_rules! with_scalar_type {
    ($st:expr, $T:ident, $body:block) => {{
        use $crate::dtype::ScalarType as __St;
        match $st {
            __St::Bool => {
                type $T = $crate::dtype::Bool;
                $body
            }
            __St::Int8 => {
                type $T = i8;
                $body
            }
            __St::UInt8 => {
                type $T = u8;
                $body
            }
            __St::Int16 => {
                type $T = i16;
                $body
            }
            __St::UInt16 => {
                type $T = u16;
                $body
            }
            __St::Int32 => {
                type $T = i32;
                $body
            }
            __St::UInt32 => {
                type $T = u32;
                $body
            }
            __St::Int64 => {
                type $T = i64;
                $body
            }
            __St::UInt64 => {
                type $T = u64;
                $body
            }
            __St::Float16 => {
                type $T = half::f16;
                $body
            }
            __St::Float32 => {
                type $T = f32;
                $body
            }
            __St::Float64 => {
                type $T = f64;
                $body
            }
            __St::Complex64 => {
                type $T = num_complex::Complex<f32>;
                $body
            }
            __St::Complex128 => {
                type $T = num_complex::Complex<f64>;
                $body
            }
        }
    }};
}
pub use with_scalar_type;

/// The largest itemsize, field offset or subarray dimension: NumPy keeps them in C ints.
/// Every dtype constructor checks against it, so sizes computed from a dtype never wrap.
pub const MAX_ITEMSIZE: usize = i32::MAX as usize;

/// One field of a structured dtype (filled in by the record dtype).
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub title: Option<String>,
    pub dtype: DType,
    pub offset: usize,
}

/// A subarray dtype such as `(2, 3)f4`: `base` repeated over `shape`.
#[derive(Clone, Debug)]
pub struct SubArray {
    pub base: DType,
    pub shape: Vec<usize>,
}

/// Byte order as NumPy reports it in `dtype.byteorder`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    /// '=': the machine's order.
    Native,
    /// '>' on a little-endian machine.
    Swapped,
    /// '|': one-byte types and records.
    NotApplicable,
}

impl ByteOrder {
    /// The order of a descriptor that is in the machine's order (`native`) or not.
    pub fn of(native: bool) -> ByteOrder {
        if native {
            ByteOrder::Native
        } else {
            ByteOrder::Swapped
        }
    }

    /// The explicit prefix of a type string ('<' or '>') for data in the machine's order
    /// (`native`) or not.
    pub fn prefix(native: bool) -> char {
        if cfg!(target_endian = "little") == native {
            '<'
        } else {
            '>'
        }
    }

    /// Whether data a byte-order prefix names ('<', '>', '!' for big-endian, anything else
    /// the machine's) is in the machine's order.
    pub fn native_for(prefix: char) -> bool {
        match prefix {
            '<' => cfg!(target_endian = "little"),
            '>' | '!' => cfg!(target_endian = "big"),
            _ => true,
        }
    }

    pub fn char(self) -> char {
        match self {
            ByteOrder::Native => '=',
            ByteOrder::Swapped => {
                if cfg!(target_endian = "little") {
                    '>'
                } else {
                    '<'
                }
            }
            ByteOrder::NotApplicable => '|',
        }
    }
}

/// The trait every dtype implements. Its shape admits records: a record answers `fields`, a
/// subarray dtype answers `subarray`, and `scalar_type` is `None` for both.
pub trait DTypeImpl: Send + Sync + fmt::Debug + 'static {
    /// 'b', 'i', 'u', 'f', 'c', 'V'
    fn kind(&self) -> char;
    /// NumPy's one-character code ('d' for float64).
    fn char_code(&self) -> char;
    /// NumPy's type number.
    fn num(&self) -> i32;
    fn itemsize(&self) -> usize;
    fn alignment(&self) -> usize;
    /// 'float64', 'int32', 'void320' …
    fn name(&self) -> String;
    /// The built-in numeric type this is, whatever its byte order.
    fn scalar_type(&self) -> Option<ScalarType>;
    fn byteorder(&self) -> ByteOrder;
    /// The same dtype in the given order; `native == true` for the machine's order.
    fn with_native_order(&self, native: bool) -> DType;
    /// The array-interface type string ('<f8', '|b1', '|V40').
    fn typestr(&self) -> String;
    /// Fields of a structured dtype, in order.
    fn fields(&self) -> Option<&[Field]> {
        None
    }
    fn subarray(&self) -> Option<&SubArray> {
        None
    }
    /// True when both describe the same bytes with the same meaning (byte order included).
    fn same_as(&self, other: &dyn DTypeImpl) -> bool;
    fn as_any(&self) -> &dyn Any;

    // ----- family hooks (NEP 42); the built-in numbers and records answer through the
    // engine's own tables, so these defaults serve them -----

    /// What the family needs of memory and of the engine.
    fn flags(&self) -> Flags {
        Flags::default()
    }
    /// The cast from this descriptor to `to`, when this family knows it.
    fn cast_to(&self, _to: &DType) -> Option<std::sync::Arc<dyn ArrayMethod>> {
        None
    }
    /// The cast from `from` to this descriptor, when this family knows it.
    fn cast_from(&self, _from: &DType) -> Option<std::sync::Arc<dyn ArrayMethod>> {
        None
    }
    /// The descriptor this one and `other` promote to (NEP 42's `__common_dtype__` with the
    /// common instance), when this family knows it.
    /// An error when both belong to families that know each other but the descriptors do
    /// not meet (`m8[Y]` and `m8[D]`).
    fn common_with(&self, _other: &DType) -> Option<crate::error::Result<DType>> {
        None
    }
    /// An unsized descriptor (`U`, `S`, generic `M8`): a cast to it takes its parameters
    /// from the source (`method::cast_target`).
    fn is_unsized(&self) -> bool {
        self.itemsize() == 0
    }
    /// NumPy's promoters: for a ufunc this family has loops for and inputs that include it
    /// with another family's (`m8 * int32`), the descriptors the inputs are given to the
    /// family's loops (`[m8, int64]`), or None.
    fn promoter(&self, _ufunc: &str, _ins: &[DType]) -> Option<smallvec::SmallVec<[DType; 3]>> {
        None
    }
    /// Whether a ufunc's identity (a number: 0 for `add`) is an item of this family, which
    /// reductions start from and give over empty axes (strings: no, as NumPy's).
    fn takes_identity(&self) -> bool {
        true
    }
    /// The ordering of two items, when the family has one.
    fn compare(&self) -> Option<CompareFn> {
        None
    }
    /// The sum of products of two lines (NumPy's `dotfunc`; `conjugate`: the first line's
    /// items conjugated), which matmul, vecdot, matvec and vecmat run on; None when the family
    /// has none.
    fn dot(&self, conjugate: bool) -> Option<crate::error::Result<DotFn>> {
        let _ = conjugate;
        None
    }
    /// The items as built-in numbers for sorting (native descriptors only), when they are.
    fn sorts_as(&self) -> Option<SortsAs> {
        None
    }
    /// The items' sort order as words (agreeing with `compare`), when the family has them.
    fn sort_words(&self) -> Option<SortWords> {
        None
    }
    /// The test for the family's missing value (NaT), when it has one.
    fn missing(&self) -> Option<MissingFn> {
        None
    }
    /// Items the family cannot order (StringDType's missing values that are neither NaN-like
    /// nor strings), with the ValueError message sort and argmax/argmin refuse them with.
    fn unordered(&self) -> Option<(MissingFn, &'static str)> {
        None
    }
    /// Release `n` items at `p` (stride `stride`) before their memory is freed or overwritten
    /// without a read: the hook of reference-holding families.
    ///
    /// # Safety
    /// `p + i * stride` holds an initialised item of this descriptor for each `i < n`.
    unsafe fn clear(&self, _p: *mut u8, _stride: isize, _n: usize) {}
    /// Take one more reference for each of `n` items at `p` (stride `stride`) that a byte
    /// copy made (gathers): the hook `clear` undoes.
    ///
    /// # Safety
    /// As [`DTypeImpl::clear`].
    unsafe fn retain(&self, _p: *mut u8, _stride: isize, _n: usize) {}
}

/// A handle to a dtype. Cloning is an `Arc` clone.
#[derive(Clone)]
pub struct DType(pub Arc<dyn DTypeImpl>);

impl DType {
    pub fn new<D: DTypeImpl>(d: D) -> DType {
        DType(Arc::new(d))
    }
    pub fn of(st: ScalarType) -> DType {
        st.dtype()
    }
    pub fn kind(&self) -> char {
        self.0.kind()
    }
    pub fn char_code(&self) -> char {
        self.0.char_code()
    }
    pub fn num(&self) -> i32 {
        self.0.num()
    }
    pub fn itemsize(&self) -> usize {
        self.0.itemsize()
    }
    pub fn alignment(&self) -> usize {
        self.0.alignment()
    }
    pub fn name(&self) -> String {
        self.0.name()
    }
    pub fn scalar_type(&self) -> Option<ScalarType> {
        self.0.scalar_type()
    }
    /// The scalar type when the data is in the machine's byte order (the fast paths).
    pub fn native_scalar(&self) -> Option<ScalarType> {
        if self.is_native() {
            self.0.scalar_type()
        } else {
            None
        }
    }
    pub fn byteorder(&self) -> ByteOrder {
        self.0.byteorder()
    }
    pub fn is_native(&self) -> bool {
        self.0.byteorder() != ByteOrder::Swapped
    }
    pub fn to_native(&self) -> DType {
        if self.is_native() {
            self.clone()
        } else {
            self.0.with_native_order(true)
        }
    }
    pub fn typestr(&self) -> String {
        self.0.typestr()
    }
    pub fn fields(&self) -> Option<&[Field]> {
        self.0.fields()
    }
    pub fn subarray(&self) -> Option<&SubArray> {
        self.0.subarray()
    }
    /// A record laid out with `align=True` (C-struct alignment).
    pub fn is_aligned_struct(&self) -> bool {
        self.0
            .as_any()
            .downcast_ref::<record::Record>()
            .is_some_and(|r| r.is_aligned_struct())
    }
    pub fn flags(&self) -> Flags {
        self.0.flags()
    }
    /// The name of NumPy's DType class of this descriptor ('Float64DType', 'StrDType').
    pub fn class_name(&self) -> &'static str {
        class_name(self.kind(), self.itemsize())
    }
    /// The ordering of two items (NumPy's sort order), when the family has one.
    pub fn compare(&self) -> Option<CompareFn> {
        self.0.compare()
    }
    /// Same meaning ignoring byte order ("equiv" casting).
    pub fn equiv(&self, other: &DType) -> bool {
        self.to_native() == other.to_native()
    }
}

impl PartialEq for DType {
    fn eq(&self, other: &DType) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.same_as(other.0.as_ref())
    }
}
impl Eq for DType {}

impl fmt::Debug for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "dtype('{}')", self.typestr())
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NumPy's str of a dtype: the name, or the type string for other byte orders and text.
        if self.is_native() && !matches!(self.kind(), 'U' | 'S') {
            f.write_str(&self.name())
        } else {
            f.write_str(&self.typestr())
        }
    }
}

impl From<ScalarType> for DType {
    fn from(st: ScalarType) -> DType {
        st.dtype()
    }
}

/// The name of NumPy's DType class of a descriptor of `kind` and `itemsize`.
fn class_name(kind: char, itemsize: usize) -> &'static str {
    match (kind, itemsize) {
        ('b', _) => "BoolDType",
        ('i', 1) => "Int8DType",
        ('i', 2) => "Int16DType",
        ('i', 4) => "Int32DType",
        ('i', _) => "Int64DType",
        ('u', 1) => "UInt8DType",
        ('u', 2) => "UInt16DType",
        ('u', 4) => "UInt32DType",
        ('u', _) => "UInt64DType",
        ('f', 2) => "Float16DType",
        ('f', 4) => "Float32DType",
        ('f', 8) => "Float64DType",
        ('f', _) => "LongDoubleDType",
        ('c', 8) => "Complex64DType",
        ('c', 16) => "Complex128DType",
        ('c', _) => "CLongDoubleDType",
        ('O', _) => "ObjectDType",
        ('U', _) => "StrDType",
        ('S', _) => "BytesDType",
        ('T', _) => "StringDType",
        ('M', _) => "DateTime64DType",
        ('m', _) => "TimeDelta64DType",
        _ => "VoidDType",
    }
}
