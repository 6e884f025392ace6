//! The one error type of the core. Core code never panics on user input and never imports
//! Python; `python::errors` maps each variant to the exception class NumPy raises.

use std::fmt;

/// What went wrong, in NumPy's vocabulary. The message is the text NumPy would show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// `TypeError`
    Type(String),
    /// `ValueError`
    Value(String),
    /// `IndexError`
    Index(String),
    /// `MemoryError`
    Memory(String),
    /// `OverflowError`
    Overflow(String),
    /// `numpy.exceptions.AxisError` (a ValueError and an IndexError)
    Axis(String),
    /// `numpy.exceptions.DTypePromotionError` (a TypeError)
    Promotion(String),
    /// Casting refused under a casting rule (a TypeError in NumPy).
    Casting(String),
    /// A ufunc has no loop for its operands' dtypes: NumPy's `_UFuncNoLoopError`, shown as
    /// `UFuncTypeError` (a TypeError).
    NoLoop(String),
    /// A ufunc's resolver refuses its two operands' dtypes together (datetime arithmetic,
    /// text of two kinds): NumPy's `_UFuncBinaryResolutionError` (UFuncTypeError).
    BinaryResolution(String),
    /// An input cannot be cast to its loop's dtype under the casting rule: NumPy's
    /// `_UFuncInputCastingError` (UFuncTypeError).
    InputCasting(String),
    /// A loop's result cannot be cast to the output under the casting rule: NumPy's
    /// `_UFuncOutputCastingError` (UFuncTypeError).
    OutputCasting(String),
    /// `NotImplementedError`
    NotImplemented(String),
    /// `KeyError`
    Key(String),
    /// `RuntimeError` (a loop registered twice)
    Runtime(String),
    /// `BufferError` (memory another library cannot take: DLPack, the buffer protocol)
    Buffer(String),
    /// An exception raised by Python code an object loop called; the bindings keep it and
    /// raise it as it was.
    Raised,
    /// `UnicodeEncodeError` of the 'ascii' codec: the text (code points) and the position of
    /// the first character it cannot encode.
    UnicodeEncode(Vec<u32>, usize),
    /// `UnicodeDecodeError`: the bytes, the position of the first the codec cannot decode, and
    /// whether the codec is UTF-8 (else ASCII).
    UnicodeDecode(Vec<u8>, usize, bool),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = match self {
            Error::Type(m)
            | Error::Value(m)
            | Error::Index(m)
            | Error::Memory(m)
            | Error::Overflow(m)
            | Error::Axis(m)
            | Error::Promotion(m)
            | Error::Runtime(m)
            | Error::Buffer(m)
            | Error::Casting(m)
            | Error::NoLoop(m)
            | Error::BinaryResolution(m)
            | Error::InputCasting(m)
            | Error::OutputCasting(m)
            | Error::NotImplemented(m)
            | Error::Key(m) => m,
            Error::Raised => "an exception raised by an object's operation",
            Error::UnicodeEncode(t, i) => {
                return write!(
                    f,
                    "'ascii' codec can't encode character '\\x{:02x}' in position {i}: ordinal not in range(128)",
                    t[*i]
                )
            }
            Error::UnicodeDecode(b, i, utf8) => {
                let (codec, reason) = decode_failure(*utf8);
                return write!(
                    f,
                    "'{codec}' codec can't decode byte 0x{:02x} in position {i}: {reason}",
                    b[*i]
                );
            }
        };
        f.write_str(m)
    }
}

impl std::error::Error for Error {}

/// The codec and reason of a `UnicodeDecodeError` (UTF-8 or ASCII).
pub fn decode_failure(utf8: bool) -> (&'static str, &'static str) {
    if utf8 {
        ("utf-8", "invalid start byte")
    } else {
        ("ascii", "ordinal not in range(128)")
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// `bail!(Value, "fmt", args)` returns early with that error kind.
#[macro_export]
macro_rules! bail {
    ($kind:ident, $($arg:tt)*) => {
        return Err($crate::error::Error::$kind(format!($($arg)*)))
    };
}

/// `ensure!(cond, Value, "fmt", args)` bails unless `cond` holds.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $kind:ident, $($arg:tt)*) => {
        if !$cond {
            $crate::bail!($kind, $($arg)*);
        }
    };
}
