//! Choosing among kernels: the ufunc table, type resolution, and execution.
//!
//! One table ([`table`]) declares every ufunc: name, inputs, outputs, identity and its loops in
//! NumPy's order. A Python `ufunc` object is made from each row; nothing else registers them.
//! See designs/ufuncs.md.

pub mod at;
pub mod exec;
pub mod family_core;
pub mod gufunc;
pub mod methods;
pub mod reduce;
pub mod resolve;
mod table;

use smallvec::SmallVec;

use crate::dtype::ScalarType;
use crate::loops::elementwise::{LoopFn, ReduceFn};

pub use exec::{call, Input};
pub use resolve::resolve;

/// A ufunc's identity, for reductions over empty axes.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Identity {
    None,
    Zero,
    One,
    MinusOne,
    /// The logical identities, reported as Python bools.
    True,
    False,
    /// Minus infinity (logaddexp, logaddexp2).
    NegInf,
    /// No identity, but reductions may reorder (maximum/minimum).
    ReorderableNone,
}

/// How the common type of the inputs is found before the loop search.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Resolver {
    /// NumPy 2 promotion of the inputs, then the first loop they cast to safely.
    Default,
    /// Integer and bool inputs compute in float64 (true_divide).
    IntToFloat64,
    /// Bool inputs are refused with this message (NumPy's boolean subtract/negative).
    NoBool(&'static str),
    /// Each input is matched to the loop's input type on its own (loops with mixed input
    /// types, ldexp).
    PerOperand,
    /// No loop for the built-in dtypes: always a TypeError with this message (isnat).
    Unsupported(&'static str),
    /// Loops for dtype families only (`numpy.strings`' ufuncs): NumPy's no-loop error for
    /// numbers, naming their DType classes.
    Families,
}

/// One inner loop: its input and output types and the function.
#[derive(Clone)]
pub struct Loop {
    pub ins: SmallVec<[ScalarType; 3]>,
    pub outs: SmallVec<[ScalarType; 2]>,
    pub f: LoopFn,
    /// The accumulating loop for `reduce`, for same-type binary loops.
    pub reduce: Option<ReduceFn>,
    /// NumPy's duplicate `long long` entry of an int64/uint64 loop (only its type chars differ).
    pub longlong: bool,
    /// A generalized ufunc's core loop (`f` is then never called).
    pub core: Option<gufunc::CoreFn>,
}

impl Loop {
    /// NumPy's type signature string ('dd->d').
    pub fn signature(&self) -> String {
        let ll = self.longlong;
        let c = |st: &ScalarType| match (ll, st) {
            (true, ScalarType::Int64) => 'q',
            (true, ScalarType::UInt64) => 'Q',
            _ => st.dtype().char_code(),
        };
        format!(
            "{}->{}",
            self.ins.iter().map(c).collect::<String>(),
            self.outs.iter().map(c).collect::<String>()
        )
    }
}

/// One row of the ufunc table.
pub struct Ufunc {
    pub name: &'static str,
    pub nin: usize,
    pub nout: usize,
    pub identity: Identity,
    pub resolver: Resolver,
    pub loops: Vec<Loop>,
    pub doc: &'static str,
    /// How `reduce` treats this ufunc and its inputs.
    pub reduce_kind: ReduceKind,
    /// Python ints out of the loop type's range are compared by value (NumPy 2's comparisons
    /// and logical ufuncs) instead of raising OverflowError.
    pub value_based_ints: bool,
    /// Underflow is reported (NumPy's loops of the libm functions it replaces with its own
    /// SIMD code do not report it).
    pub reports_underflow: bool,
    /// Invalid operations are reported (NumPy's maximum/minimum/fmax/fmin never report the
    /// invalid flag their comparisons of NaN raise).
    pub reports_invalid: bool,
    /// A generalized ufunc's signature (None for elementwise ufuncs).
    pub core: Option<gufunc::CoreSignature>,
    /// Sets the sizes of core dimensions that only outputs have, from the inputs' (NumPy's
    /// `process_core_dims_func`): given the sizes in signature order, None where unknown.
    pub core_sizes: Option<fn(&mut [Option<usize>])>,
    /// Multiply-adds of one item given the core sizes, when not their product (which decides
    /// whether a batch is spread over threads).
    pub core_cost: Option<fn(&[usize]) -> usize>,
}

/// Reduction properties of a binary ufunc.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ReduceKind {
    Plain,
    /// op(x, x) == x: may start from any element and fold over several axes (maximum, ...).
    Idempotent,
    /// Small integers and bools accumulate in int64/uint64 (add, multiply).
    WidenSmallInts,
    /// The fold runs on truth values (logical_and/or/xor).
    OnBools,
}

/// Every ufunc, built once.
pub fn table() -> &'static [Ufunc] {
    static T: std::sync::OnceLock<Vec<Ufunc>> = std::sync::OnceLock::new();
    T.get_or_init(table::build)
}

/// FNV-1a over a ufunc's name: the operators look their ufunc up on every call, and the
/// names are short, trusted keys (no need for SipHash's resistance to chosen collisions).
#[derive(Default, Clone, Copy)]
pub struct NameHash(u64);

impl std::hash::Hasher for NameHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

impl std::hash::BuildHasher for NameHash {
    type Hasher = NameHash;
    fn build_hasher(&self) -> NameHash {
        NameHash(0)
    }
}

/// The private generalized ufuncs of `rumpy.linalg` (numpy's `_umath_linalg`), built once.
pub fn linalg_table() -> &'static [Ufunc] {
    static T: std::sync::OnceLock<Vec<Ufunc>> = std::sync::OnceLock::new();
    T.get_or_init(table::linalg_rows)
}

/// The private generalized ufuncs of `rumpy.fft` (numpy's `_pocketfft_umath`), built once.
pub fn fft_table() -> &'static [Ufunc] {
    static T: std::sync::OnceLock<Vec<Ufunc>> = std::sync::OnceLock::new();
    T.get_or_init(table::fft_rows)
}

/// A ufunc by name (a hashed lookup: the operators call this on every use).
pub fn find(name: &str) -> Option<&'static Ufunc> {
    type ByName = std::collections::HashMap<&'static str, usize, NameHash>;
    static BY_NAME: std::sync::OnceLock<ByName> = std::sync::OnceLock::new();
    let map = BY_NAME.get_or_init(|| {
        table()
            .iter()
            .enumerate()
            .map(|(k, u)| (u.name, k))
            .collect()
    });
    map.get(name).map(|&k| &table()[k])
}
