//! ArrayMethods (NEP 43): a loop over descriptors, as a ufunc loop or a cast.
//!
//! An [`ArrayMethod`] is registered for a signature of dtype *families* ([`Family`]: float64,
//! a record, a test family carrying a scale factor, …). A call goes in two steps:
//! [`ArrayMethod::resolve_descriptors`] turns the operands' descriptors (the outputs' when the
//! caller gave them) into the descriptors the loop runs on and the casting level this implies;
//! [`ArrayMethod::get_loop`] then returns a strided loop that may carry context (the resolved
//! descriptors, a factor, a table), boxed. The walk over memory is the caller's (`loops`).
//!
//! The built-in numeric loops are the trivial case: their descriptors are fixed, their loops
//! plain function pointers, and the ufunc engine keeps a direct path for them (see
//! designs/ufuncs.md). Families beyond the built-in numbers add casts through their dtype's
//! hooks ([`super::DTypeImpl::cast_to`], [`super::DTypeImpl::cast_from`]) and ufunc loops
//! through [`FamilyLoop`] lists that the ufunc engine registers.

use std::any::{Any, TypeId};
use std::sync::Arc;

use smallvec::SmallVec;

use super::promote::Casting;
use super::DType;
use crate::error::Result;

/// A dtype family (NEP 42's DType class): every descriptor of one `DTypeImpl` type, whatever
/// its parameters (byte order, scale, unit, itemsize).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Family(TypeId);

impl Family {
    /// The family of the `DTypeImpl` type `D`.
    pub fn of<D: Any>() -> Family {
        Family(TypeId::of::<D>())
    }
}

impl DType {
    /// The family this descriptor belongs to.
    pub fn family(&self) -> Family {
        Family(Any::type_id(self.0.as_any()))
    }
}

/// What a family needs of memory and of the engine (NEP 42's flags).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// Items hold references: new memory starts zeroed, copies and fills go through the
    /// family's cast to itself (which counts references), and memory is released through
    /// [`super::DTypeImpl::clear`] when its buffer is freed.
    pub holds_refs: bool,
    /// Loops and casts on these items need the Python API (the caller keeps the GIL).
    pub needs_api: bool,
    /// New memory must be zero-filled before use.
    pub needs_init: bool,
    /// Instances carry parameters (itemsize, unit, scale): resolution computes output
    /// descriptors from the inputs'.
    pub parametric: bool,
    /// The family's ufunc loops take operands of other families, cast to its common
    /// descriptor with them (NumPy's promoters: `sfloat + float64`). Without it a family's
    /// loops take only its own operands (`'a' + 1` and `'a' + b'b'` have no loop).
    pub promotes: bool,
}

/// What a method needs at run time.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct MethodFlags {
    /// The loop calls into Python: the caller keeps the GIL and runs on one thread.
    pub needs_api: bool,
    /// The loop raises no floating-point conditions (the caller need not read the status).
    pub no_fp_errors: bool,
}

impl MethodFlags {
    /// A loop that raises no floating-point conditions.
    pub const QUIET: MethodFlags = MethodFlags {
        needs_api: false,
        no_fp_errors: true,
    };
    /// A loop that calls into Python (and raises no floating-point conditions).
    pub const API: MethodFlags = MethodFlags {
        needs_api: true,
        no_fp_errors: true,
    };
}

/// Status bits a loop reports back (NumPy's floating-point error state and integer errors).
pub mod status {
    pub const DIVIDE_BY_ZERO: u32 = 1;
    pub const OVERFLOW: u32 = 2;
    pub const INVALID: u32 = 4;
    /// An integer raised to a negative integer power.
    pub const NEGATIVE_POWER: u32 = 8;
    pub const UNDERFLOW: u32 = 16;
    /// A Python scalar overflowed on its way to the loop's type (NumPy's "overflow
    /// encountered in cast", reported before the loop's own conditions).
    pub const CAST_OVERFLOW: u32 = 32;

    /// Raise the floating-point conditions of `st` (divide by zero, overflow, invalid,
    /// underflow) in this thread's status. On x86-64 the sticky flags are set in MXCSR
    /// directly: an arithmetic operation that raises them could be moved by the compiler
    /// (it assumes floating-point operations have no side effects), even out of the branch
    /// that decides whether to raise, and raise a condition nothing had.
    pub fn raise(st: u32) {
        #[cfg(target_arch = "x86_64")]
        {
            let bits = [
                (INVALID, 0x01),
                (DIVIDE_BY_ZERO, 0x04),
                (OVERFLOW, 0x08),
                (UNDERFLOW, 0x10),
            ]
            .iter()
            .filter(|&&(s, _)| st & s != 0)
            .fold(0u32, |c, &(_, b)| c | b);
            if bits != 0 {
                // SAFETY: setting sticky exception flags (the exceptions stay masked) changes
                // only what this thread's later status reads report.
                #[allow(deprecated)]
                unsafe {
                    use std::arch::x86_64::{_mm_getcsr, _mm_setcsr};
                    _mm_setcsr(_mm_getcsr() | bits);
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            use std::hint::black_box;
            if st & INVALID != 0 {
                black_box(black_box(f64::INFINITY) - black_box(f64::INFINITY));
            }
            if st & DIVIDE_BY_ZERO != 0 {
                black_box(black_box(1.0f64) / black_box(0.0));
            }
            if st & OVERFLOW != 0 {
                black_box(black_box(f64::MAX) * black_box(2.0));
            }
            if st & UNDERFLOW != 0 {
                black_box(black_box(1e-300f64) * black_box(1e-300));
            }
        }
    }
}

/// A strided loop with its context: `ptrs`/`strides` hold one entry per operand (inputs,
/// then outputs), `n` items each. Returns status bits ([`status`]) or an error raised
/// inside the loop (the caller stops and reports it).
///
/// Callers guarantee that each pointer is valid for `n` items at its stride, for the
/// descriptors the loop was made for, and that outputs do not overlap inputs unless equal.
pub type StridedLoop = Box<dyn Fn(&[*mut u8], &[isize], usize) -> Result<u32> + Send + Sync>;

/// The result of descriptor resolution.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// One descriptor per operand, inputs then outputs: the loop runs on these.
    pub descrs: SmallVec<[DType; 4]>,
    /// The weakest casting rule under which the operands reach `descrs` (and, for a cast,
    /// under which the cast itself is allowed).
    pub casting: Casting,
}

/// A loop over descriptors: a ufunc loop or a cast (one input, one output).
pub trait ArrayMethod: Send + Sync + 'static {
    /// For error messages ('sfloat_add', 'float64_to_sfloat').
    fn name(&self) -> &str;
    fn flags(&self) -> MethodFlags {
        MethodFlags::default()
    }
    /// From the inputs' descriptors and the outputs' (`None` for an output the caller did not
    /// give; a cast's target is always given) to the loop's descriptors and the casting level.
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved>;
    /// The loop for resolved descriptors.
    fn get_loop(&self, descrs: &[DType]) -> Result<StridedLoop>;
}

/// One ufunc loop a family provides: the ufunc's name, the input families it takes and the
/// method. The ufunc engine registers these (`dispatch::methods`).
#[derive(Clone)]
pub struct FamilyLoop {
    pub ufunc: &'static str,
    pub ins: SmallVec<[Family; 3]>,
    pub method: Arc<dyn ArrayMethod>,
}

/// The casting level at which inputs of descriptors `ins` reach a loop's descriptors `descrs`
/// (their first `ins.len()`): no cast, a byte-order change, or a safe cast.
pub fn inputs_casting(ins: &[DType], descrs: &[DType]) -> Casting {
    ins.iter()
        .zip(descrs)
        .filter(|(d, want)| d != want)
        .map(|(d, want)| {
            if d.equiv(want) {
                Casting::Equiv
            } else {
                Casting::Safe
            }
        })
        .max()
        .unwrap_or(Casting::No)
}

/// The cast from `from` to `to`, asked of both families (the source first).
pub fn find_cast(from: &DType, to: &DType) -> Option<Arc<dyn ArrayMethod>> {
    from.0.cast_to(to).or_else(|| to.0.cast_from(from))
}

/// Resolve a cast between descriptors; `None` when no family knows it.
pub fn resolve_cast(from: &DType, to: &DType) -> Option<Result<(Arc<dyn ArrayMethod>, Resolved)>> {
    let m = find_cast(from, to)?;
    Some(
        m.resolve_descriptors(std::slice::from_ref(from), &[Some(to.clone())])
            .map(|r| (m, r)),
    )
}

/// The descriptor a cast from `from` to `to` writes: `to` itself, or for an unsized
/// parametric target (`U`, `S`) the one the cast resolves (`astype('U')` of int64 is `<U21`).
/// A cast that cannot size the target (StringDType to `U`) is NumPy's TypeError.
pub fn cast_target(from: &DType, to: &DType) -> Result<DType> {
    if to.flags().parametric && to.0.is_unsized() {
        if let Some(Ok((_, r))) = resolve_cast(from, to) {
            let got = &r.descrs[1];
            // Text left unsized (a generic time unit is a unit).
            let text = matches!(to.kind(), 'U' | 'S');
            if text && got.0.is_unsized() && !from.0.is_unsized() && from.family() != to.family() {
                let class = if to.kind() == 'U' {
                    "StrDType"
                } else {
                    "BytesDType"
                };
                return Err(crate::error::Error::Type(format!(
                    "cannot cast dtype {} to <class 'numpy.dtypes.{class}'>.",
                    from.typestr()
                )));
            }
            return Ok(got.clone());
        }
    }
    Ok(to.clone())
}

/// The descriptor both promote to (NEP 42's common DType and common instance), asked of both;
/// an error when their families meet but the descriptors cannot.
pub fn common_dtype(a: &DType, b: &DType) -> Option<Result<DType>> {
    a.0.common_with(b).or_else(|| b.0.common_with(a))
}

/// Does a family beyond the built-in numbers and records take part (so its hooks decide)?
pub fn is_extension(d: &DType) -> bool {
    d.scalar_type().is_none() && d.kind() != 'V'
}
