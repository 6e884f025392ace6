//! Arithmetic and comparisons of two numeric scalars (NumPy's scalar math) on the ufunc loops.
//!
//! The operation's loop is resolved once per pair of operand kinds (cached), and runs on one
//! item. NumPy's scalar math differs from its loops in a few places, kept here:
//! - integer `+ - *` report overflow ("overflow encountered in scalar add"), which loops do not;
//! - real powers are C's `pow` in double precision, rounded to the result type once, with the
//!   conditions C reports (a pole `0 ** -inf` is quiet there, not in the loops);
//! - float16 floor division and remainder go through divmod, as `npy_half_divmod` does.
//!
//! NumPy runs its scalar math when the result type is one of the operands' own types (`int8 +
//! 1`, `int8 / int8`) and the left operand is not a bool; otherwise it defers to the ufunc,
//! whose warnings name the ufunc without "scalar" and which checks no integer overflow. The
//! caller says which (`scalar`): [`takes_scalar_math`] decides it from the operands.

use std::sync::OnceLock;

use crate::dispatch::{self, resolve::OpKind, Loop};
use crate::dtype::promote::{check_int_fits, WeakKind};
use crate::dtype::{Element, Num, ScalarType};
use crate::error::{Error, Result};
use crate::kernels::status;

/// The binary operations, in the Python layer's numbering.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Subtract,
    Multiply,
    Divide,
    FloorDivide,
    Remainder,
    DivMod,
    Power,
    LeftShift,
    RightShift,
    And,
    Or,
    Xor,
}

static BIN_OPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Subtract,
    BinOp::Multiply,
    BinOp::Divide,
    BinOp::FloorDivide,
    BinOp::Remainder,
    BinOp::DivMod,
    BinOp::Power,
    BinOp::LeftShift,
    BinOp::RightShift,
    BinOp::And,
    BinOp::Or,
    BinOp::Xor,
];

impl BinOp {
    pub fn from_index(i: usize) -> Option<BinOp> {
        BIN_OPS.get(i).copied()
    }

    /// The ufunc's name, as NumPy's warnings give it.
    pub fn name(self) -> &'static str {
        static NAMES: [&str; 13] = [
            "add",
            "subtract",
            "multiply",
            "divide",
            "floor_divide",
            "remainder",
            "divmod",
            "power",
            "left_shift",
            "right_shift",
            "bitwise_and",
            "bitwise_or",
            "bitwise_xor",
        ];
        NAMES[self as usize]
    }

    /// The name in NumPy's scalar-math warnings.
    pub fn scalar_name(self) -> &'static str {
        static NAMES: [&str; 13] = [
            "scalar add",
            "scalar subtract",
            "scalar multiply",
            "scalar divide",
            "scalar floor_divide",
            "scalar remainder",
            "scalar divmod",
            "scalar power",
            "scalar left_shift",
            "scalar right_shift",
            "scalar bitwise_and",
            "scalar bitwise_or",
            "scalar bitwise_xor",
        ];
        NAMES[self as usize]
    }
}

/// The six comparisons, in CPython's numbering (`Py_LT` … `Py_GE`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn from_index(i: usize) -> Option<CmpOp> {
        static ALL: [CmpOp; 6] = [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Gt,
            CmpOp::Ge,
        ];
        ALL.get(i).copied()
    }

    /// The ufunc's name, as NumPy's warnings give it.
    pub fn name(self) -> &'static str {
        static NAMES: [&str; 6] = [
            "less",
            "less_equal",
            "equal",
            "not_equal",
            "greater",
            "greater_equal",
        ];
        NAMES[self as usize]
    }

    fn holds<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        }
    }
}

/// The unary operations, in the Python layer's numbering.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnOp {
    Negative,
    Positive,
    Absolute,
    Invert,
}

impl UnOp {
    pub fn from_index(i: usize) -> Option<UnOp> {
        static ALL: [UnOp; 4] = [UnOp::Negative, UnOp::Positive, UnOp::Absolute, UnOp::Invert];
        ALL.get(i).copied()
    }

    fn ufunc_name(self) -> &'static str {
        static NAMES: [&str; 4] = ["negative", "positive", "absolute", "invert"];
        NAMES[self as usize]
    }

    fn scalar_name(self) -> &'static str {
        static NAMES: [&str; 4] = [
            "scalar negative",
            "scalar positive",
            "scalar absolute",
            "scalar invert",
        ];
        NAMES[self as usize]
    }
}

/// An operand: a value of a numeric type (strong) or a Python int/float/complex (weak, NEP 50).
#[derive(Copy, Clone, Debug)]
pub struct Operand {
    pub n: Num,
    pub k: OpKind,
}

/// The result(s) of a binary operation and the conditions to report.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    /// `n` results (two for divmod) and their types.
    pub values: [Num; 2],
    pub types: [ScalarType; 2],
    pub n: usize,
    /// Floating-point conditions and [`status::NEGATIVE_POWER`].
    pub status: u32,
    /// Where the conditions happened, as NumPy's warnings say ("scalar add", "add").
    pub label: &'static str,
}

impl Outcome {
    /// The results with their types.
    pub fn results(&self) -> impl Iterator<Item = (Num, ScalarType)> + '_ {
        self.values[..self.n].iter().copied().zip(self.types)
    }
}

/// Whether NumPy runs its scalar math (rather than the ufunc) for these operands: the left
/// operand (`left_is_bool`: the scalar whose method runs) is not a bool and the common type
/// (`common`, see [`Plan`]) is one of the typed operands' own.
pub fn takes_scalar_math(x: OpKind, y: OpKind, common: ScalarType, left_is_bool: bool) -> bool {
    !left_is_bool && (x == OpKind::Strong(common) || y == OpKind::Strong(common))
}

/// Whether NumPy's scalar math runs: known, or to decide from the operands (see
/// [`takes_scalar_math`]) given whether the left operand is a bool.
#[derive(Copy, Clone, Debug)]
pub enum Who {
    Known(bool),
    LeftIsBool(bool),
}

impl Who {
    #[inline(always)]
    fn scalar(self, x: OpKind, y: OpKind, common: ScalarType) -> bool {
        match self {
            Who::Known(s) => s,
            Who::LeftIsBool(b) => takes_scalar_math(x, y, common, b),
        }
    }
}

/// An operation's loop for a pair of operand kinds and their common type (found once).
pub struct Plan {
    lp: &'static Loop,
    pub common: ScalarType,
}

const KINDS: usize = 17;

fn kind_index(k: OpKind) -> usize {
    match k {
        OpKind::Strong(st) => st as usize,
        OpKind::Weak(WeakKind::Bool) => ScalarType::Bool as usize,
        OpKind::Weak(WeakKind::Int) => 14,
        OpKind::Weak(WeakKind::Float) => 15,
        OpKind::Weak(WeakKind::Complex) => 16,
    }
}

/// The plan of ufunc `name` for operand kinds `ops` (one or two); `slot` numbers the
/// operation for the cache (binary operations, comparisons, then unary operations).
#[inline(always)]
fn plan(slot: usize, name: &'static str, ops: &[OpKind]) -> Result<&'static Plan> {
    static PLANS: [OnceLock<Option<Plan>>; 23 * KINDS * KINDS] =
        [const { OnceLock::new() }; 23 * KINDS * KINDS];
    let find = || dispatch::find(name).ok_or_else(|| Error::Runtime(format!("no ufunc {name}")));
    let second = ops.get(1).map_or(0, |&k| kind_index(k));
    let i = (slot * KINDS + kind_index(ops[0])) * KINDS + second;
    let cached = PLANS[i].get_or_init(|| {
        let lp = dispatch::resolve(find().ok()?, ops, None).ok()?;
        Some(Plan {
            lp,
            common: dispatch::resolve::common_type(ops),
        })
    });
    match cached {
        Some(p) => Ok(p),
        // The error again (error paths only).
        None => Err(dispatch::resolve(find()?, ops, None)
            .err()
            .unwrap_or_else(|| Error::Runtime(format!("no loop of {name}")))),
    }
}

/// The plan of a binary operation (its loop and the operands' common type).
#[inline(always)]
pub fn binary_plan(op: BinOp, x: OpKind, y: OpKind) -> Result<&'static Plan> {
    plan(op as usize, op.name(), &[x, y])
}

/// The plan of a comparison.
pub fn compare_plan(op: CmpOp, x: OpKind, y: OpKind) -> Result<&'static Plan> {
    plan(13 + op as usize, op.name(), &[x, y])
}

/// An operand's value as the loop's input of type `st` takes it, or None when a weak value
/// does not convert cleanly (an int out of the type's range, a float that overflows a narrow
/// type: NumPy raises or warns "in cast" there, which the caller's slower path does).
#[inline(always)]
fn loop_value(o: Operand, st: ScalarType) -> Option<Num> {
    match o.k {
        OpKind::Strong(_) => Some(o.n),
        OpKind::Weak(_) => {
            check_int_fits(o.n, st).ok()?;
            let n = dispatch::exec::weak_value(o.n, st);
            let finite = |n: Num| match n {
                Num::F(f) => f.is_finite(),
                Num::C(re, im) => re.is_finite() && im.is_finite(),
                _ => true,
            };
            if finite(n) && st.is_float() | st.is_complex() {
                let back = in_type(n, st);
                if !finite(back) {
                    return None;
                }
            }
            Some(n)
        }
    }
}

/// `<op> x` for a scalar `x` (typed) with NumPy's scalar math: integer negative and absolute
/// report overflow (`-int8(-128)`, `abs(int8(-128))`, `-uint8(1)`), which the loops do not.
/// An error (NumPy's TypeError) when no loop takes the type.
pub fn unary(op: UnOp, x: Operand) -> Result<Outcome> {
    let lp = plan(19 + op as usize, op.ufunc_name(), &[x.k])?.lp;
    let out = lp.outs[0];
    let watch_fp = !out.is_int() && out != ScalarType::Bool;
    let (r, mut st) = run(lp, [x.n], watch_fp);
    let r = r[0];
    if out.is_int() && matches!(op, UnOp::Negative | UnOp::Absolute) {
        if let (Some(v), Some(got)) = (wide(x.n), wide(r)) {
            let exact = if op == UnOp::Negative { -v } else { v.abs() };
            if exact != got {
                st |= status::OVERFLOW;
            }
        }
    }
    Ok(Outcome {
        values: [r, r],
        types: [out, out],
        n: 1,
        status: st,
        label: op.scalar_name(),
    })
}

/// The loop an elementwise ufunc with one output resolves for operands of these kinds (one
/// or two), as the array path resolves it, cached per ufunc and kinds; None where none does
/// (the array path raises NumPy's error).
fn ufunc_loop(u: &'static dispatch::Ufunc, ops: &[OpKind]) -> Option<&'static Loop> {
    type Key = (usize, usize, usize);
    type Loops = std::collections::HashMap<Key, Option<&'static Loop>>;
    static LOOPS: std::sync::RwLock<Option<Loops>> = std::sync::RwLock::new(None);
    if u.nin != ops.len() || u.nout != 1 || u.core.is_some() {
        return None;
    }
    let second = ops.get(1).map_or(KINDS, |&k| kind_index(k));
    let key = (
        u as *const dispatch::Ufunc as usize,
        kind_index(ops[0]),
        second,
    );
    let cached = LOOPS
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .and_then(|m| m.get(&key).copied());
    let lp = match cached {
        Some(lp) => lp,
        None => {
            let lp = dispatch::resolve(u, ops, None)
                .ok()
                .filter(|lp| lp.ins.len() == ops.len() && lp.outs.len() == 1);
            LOOPS
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert_with(Default::default)
                .insert(key, lp);
            lp
        }
    };
    lp
}

/// `u(x)` for a unary elementwise ufunc `u` (one input, one output) on one value `n` of type
/// `st` (NumPy makes a lone scalar a 0-d array of its type), on the loop the arrays' path
/// resolves: the result, its type and the loop's status. None where no loop takes the type.
pub fn ufunc_unary(
    u: &'static dispatch::Ufunc,
    n: Num,
    st: ScalarType,
) -> Option<(Num, ScalarType, u32)> {
    let lp = ufunc_loop(u, &[OpKind::Strong(st)])?;
    let exact = |t: ScalarType| t.is_int() || t == ScalarType::Bool;
    let (r, status) = run(lp, [n], !(exact(lp.ins[0]) && exact(lp.outs[0])));
    Some((r[0], lp.outs[0], status))
}

/// `u(x, y)` for a binary elementwise ufunc `u` with one output on two scalars, at least one
/// typed (a Python scalar beside it is weak, NEP 50), on the loop the arrays' path resolves:
/// the result, its type and the loop's status. None where this path does not take them (no
/// loop, or a weak value the loop's type does not hold as it is: the array path raises or
/// warns there).
pub fn ufunc_binary(
    u: &'static dispatch::Ufunc,
    x: Operand,
    y: Operand,
) -> Option<(Num, ScalarType, u32)> {
    if !matches!(x.k, OpKind::Strong(_)) && !matches!(y.k, OpKind::Strong(_)) {
        return None;
    }
    // A Python int past int64's range, or beside a ufunc that compares ints by value
    // (comparisons, logical ufuncs): the array path's conversions and errors decide.
    let int_apart = |o: &Operand| {
        o.k == OpKind::Weak(WeakKind::Int) && (u.value_based_ints || matches!(o.n, Num::U(_)))
    };
    if int_apart(&x) || int_apart(&y) {
        return None;
    }
    let lp = ufunc_loop(u, &[x.k, y.k])?;
    let (a, b) = (loop_value(x, lp.ins[0])?, loop_value(y, lp.ins[1])?);
    let (r, status) = run(lp, [a, b], watches_fp(lp));
    Some((r[0], lp.outs[0], status))
}

/// One item of a loop (one or two inputs, one or two outputs) on values that fit its input
/// types; `watch_fp` reads the floating-point flags.
#[inline(always)]
fn run<const NIN: usize>(lp: &Loop, ins: [Num; NIN], watch_fp: bool) -> ([Num; 2], u32) {
    let mut buf = [[0u8; 16]; 4];
    for (k, n) in ins.into_iter().enumerate() {
        crate::with_scalar_type!(lp.ins[k], T, {
            // SAFETY: 16 bytes hold any element.
            unsafe { std::ptr::write_unaligned(buf[k].as_mut_ptr() as *mut T, T::from_num(n)) };
        });
    }
    let nops = NIN + lp.outs.len();
    let [b0, b1, b2, b3] = &mut buf;
    let ptrs = [
        b0.as_mut_ptr(),
        b1.as_mut_ptr(),
        b2.as_mut_ptr(),
        b3.as_mut_ptr(),
    ];
    // SAFETY: one item of each operand in the loop's types.
    let st = unsafe { call_one(lp, &ptrs[..nops], watch_fp) };
    let mut outs = [Num::B(false); 2];
    for (k, &t) in lp.outs.iter().enumerate().take(2) {
        outs[k] = crate::with_scalar_type!(t, T, {
            // SAFETY: the loop wrote one T.
            unsafe { std::ptr::read_unaligned(ptrs[NIN + k] as *const T) }.to_num()
        });
    }
    (outs, st)
}

/// The loop on one item of each operand (at `ptrs`, stride 0); its status, with the
/// floating-point conditions it raised when `watch_fp`.
///
/// # Safety
/// `ptrs` point at one item of each of the loop's operands, in its types.
#[inline(always)]
unsafe fn call_one(lp: &Loop, ptrs: &[*mut u8], watch_fp: bool) -> u32 {
    if watch_fp {
        crate::loops::elementwise::fp_clear();
    }
    // SAFETY: the caller's guarantee.
    let st = unsafe { (lp.f)(ptrs, &[0; 4][..ptrs.len()], 1) };
    if watch_fp {
        st | crate::loops::elementwise::fp_status()
    } else {
        st
    }
}

/// `n` as a value of type `st` holds it (C's cast).
#[inline(always)]
fn in_type(n: Num, st: ScalarType) -> Num {
    crate::with_scalar_type!(st, T, { T::from_num(n).to_num() })
}

/// C's complex product, each operation on its own (a black box apart, so that the optimiser
/// cannot pack two into a vector whose spare lanes raise conditions).
#[inline(never)]
fn plain_cmul_f32(ar: f32, ai: f32, br: f32, bi: f32) -> (f32, f32) {
    use std::hint::black_box;
    let (t1, t2) = (black_box(ar * br), black_box(ai * bi));
    let (t3, t4) = (black_box(ar * bi), black_box(ai * br));
    (black_box(t1 - t2), black_box(t3 + t4))
}

/// As [`plain_cmul_f32`] in double precision.
#[inline(never)]
fn plain_cmul_f64(ar: f64, ai: f64, br: f64, bi: f64) -> (f64, f64) {
    use std::hint::black_box;
    let (t1, t2) = (black_box(ar * br), black_box(ai * bi));
    let (t3, t4) = (black_box(ar * bi), black_box(ai * br));
    (black_box(t1 - t2), black_box(t3 + t4))
}

/// Whether a binary loop can raise floating-point conditions (all-integer ones cannot; their
/// status is read without the slow MXCSR round trip).
fn watches_fp(lp: &Loop) -> bool {
    !(lp.ins[0].is_int() && lp.ins[1].is_int() && lp.outs[0].is_int())
}

/// Whether NumPy's scalar math checks this integer operation for overflow.
fn checks_overflow(op: BinOp) -> bool {
    matches!(op, BinOp::Add | BinOp::Subtract | BinOp::Multiply)
}

/// [`status::OVERFLOW`] when `got` (the wrapped result) is not `p <op> q`.
fn overflow(op: BinOp, p: i128, q: i128, got: i128) -> u32 {
    let exact = match op {
        BinOp::Add => p.checked_add(q),
        BinOp::Subtract => p.checked_sub(q),
        _ => p.checked_mul(q),
    };
    if exact == Some(got) {
        0
    } else {
        status::OVERFLOW
    }
}

fn wide(n: Num) -> Option<i128> {
    match n {
        Num::B(b) => Some(b as i128),
        Num::I(v) => Some(v as i128),
        Num::U(v) => Some(v as i128),
        _ => None,
    }
}

/// A real power as NumPy's scalar math computes it: C's `pow` in double precision, rounded
/// to `out` once, with the conditions C reports for it.
fn real_power(a: f64, b: f64, out: ScalarType) -> (Num, u32) {
    let p = a.powf(b);
    let r = in_type(Num::F(p), out);
    let rv = f64::from_num(r);
    let mut st = 0;
    if !rv.is_finite() {
        if rv.is_nan() {
            if !a.is_nan() && !b.is_nan() {
                st = status::INVALID;
            }
        } else if a == 0.0 {
            // A pole (C's pow(0, -inf) is quiet).
            if b.is_finite() {
                st = status::DIVIDE_BY_ZERO;
            }
        } else if a.is_finite() && b.is_finite() {
            st = status::OVERFLOW;
        }
    }
    (r, st)
}

/// `x <op> y` with NumPy's scalar math (`scalar`) or its ufunc's rules. Ok(None) when a weak
/// operand does not convert cleanly to the loop's type (see [`loop_value`]); an error when no
/// loop takes the operands.
pub fn binary(op: BinOp, x: Operand, y: Operand, scalar: bool) -> Result<Option<Outcome>> {
    Ok(binary_with(binary_plan(op, x.k, y.k)?, op, x, y, scalar))
}

/// [`binary`] with its plan found.
#[inline(always)]
pub fn binary_with(
    plan: &Plan,
    op: BinOp,
    x: Operand,
    y: Operand,
    scalar: bool,
) -> Option<Outcome> {
    let lp = plan.lp;
    let (a, b) = (loop_value(x, lp.ins[0])?, loop_value(y, lp.ins[1])?);
    let out = lp.outs[0];
    let label = if scalar { op.scalar_name() } else { op.name() };
    let one = |n: Num, st: u32| {
        Some(Outcome {
            values: [n, n],
            types: [out, out],
            n: 1,
            status: st,
            label,
        })
    };
    if op == BinOp::Power && out.is_float() {
        // The operands as the loop's types hold them (a weak float rounds to float32).
        let (a, b) = (in_type(a, lp.ins[0]), in_type(b, lp.ins[1]));
        let (r, st) = real_power(f64::from_num(a), f64::from_num(b), out);
        return one(r, st);
    }
    // Scalar math multiplies complex numbers with the plain products (the loop fuses them).
    if scalar && op == BinOp::Multiply && out.is_complex() {
        let (Num::C(ar, ai), Num::C(br, bi)) = (in_type(a, lp.ins[0]), in_type(b, lp.ins[1]))
        else {
            return None;
        };
        crate::loops::elementwise::fp_clear();
        let r = if out == ScalarType::Complex64 {
            let (re, im) = plain_cmul_f32(ar as f32, ai as f32, br as f32, bi as f32);
            Num::C(re as f64, im as f64)
        } else {
            let (re, im) = plain_cmul_f64(ar, ai, br, bi);
            Num::C(re, im)
        };
        return one(r, crate::loops::elementwise::fp_status());
    }
    // npy_half_divmod: float16 floor division (but by +0) and remainder take divmod's path.
    if scalar
        && out == ScalarType::Float16
        && (op == BinOp::Remainder
            || (op == BinOp::FloorDivide
                && !(f64::from_num(b) == 0.0 && f64::from_num(b).is_sign_positive())))
    {
        let dm = binary_plan(BinOp::DivMod, x.k, y.k).ok()?.lp;
        let (r, st) = run(dm, [a, b], true);
        let k = if op == BinOp::FloorDivide { 0 } else { 1 };
        return one(r[k], st);
    }
    let (r, mut st) = run(lp, [a, b], watches_fp(lp));
    if scalar && out.is_int() && checks_overflow(op) {
        if let (Some(p), Some(q), Some(got)) = (wide(a), wide(b), wide(r[0])) {
            st |= overflow(op, p, q, got);
        }
    }
    let n = lp.outs.len().min(2);
    Some(Outcome {
        values: r,
        types: [out, lp.outs[n - 1]],
        n,
        status: st,
        label,
    })
}

/// A plan's loop run on its operands where they lie and into its result's place: for typed
/// operands of the loop's own input types (and Python ints and floats, converted), when
/// NumPy's scalar math adds nothing to the loop but integer overflow checks (what it adds
/// elsewhere is in [`binary_with`]).
pub struct InPlace {
    lp: &'static Loop,
    op: BinOp,
    pub out: ScalarType,
    check_overflow: bool,
    watch_fp: bool,
    pub label: &'static str,
}

/// An operand of an in-place form.
#[derive(Copy, Clone)]
pub enum Input {
    /// A value of the loop's input type, where it lies.
    At(*mut u8),
    /// A Python int or float (weak), converted to the loop's input type.
    Weak(Num, WeakKind),
}

/// Whether the typed operand whose method runs (the left one, if typed) is a bool: see
/// [`takes_scalar_math`].
fn left_is_bool(x: OpKind, y: OpKind) -> bool {
    let left = if matches!(x, OpKind::Strong(_)) { x } else { y };
    left == OpKind::Strong(ScalarType::Bool)
}

/// Whether the loop takes a typed operand as it is (weak ones are converted).
fn takes_as_is(lp: &Loop, ops: [OpKind; 2]) -> bool {
    ops.iter()
        .zip(&lp.ins)
        .all(|(k, &t)| !matches!(*k, OpKind::Strong(s) if s != t))
}

/// The in-place form of `x <op> y` (found once), or None (no loop, a cast of a typed
/// operand, a bool result, or one of scalar math's own cases).
#[inline(always)]
pub fn in_place(op: BinOp, x: OpKind, y: OpKind) -> Option<&'static InPlace> {
    static FORMS: [OnceLock<Option<InPlace>>; 13 * KINDS * KINDS] =
        [const { OnceLock::new() }; 13 * KINDS * KINDS];
    FORMS[(op as usize * KINDS + kind_index(x)) * KINDS + kind_index(y)]
        .get_or_init(|| {
            let plan = binary_plan(op, x, y).ok()?;
            let scalar = takes_scalar_math(x, y, plan.common, left_is_bool(x, y));
            let lp = plan.lp;
            if !takes_as_is(lp, [x, y]) || lp.outs.len() != 1 {
                return None;
            }
            let out = lp.outs[0];
            let own = match op {
                BinOp::Power => out.is_float(),
                BinOp::Multiply => scalar && out.is_complex(),
                BinOp::FloorDivide | BinOp::Remainder => scalar && out == ScalarType::Float16,
                _ => false,
            };
            if own || out == ScalarType::Bool {
                return None;
            }
            Some(InPlace {
                lp,
                op,
                out,
                check_overflow: scalar && out.is_int() && checks_overflow(op),
                watch_fp: watches_fp(lp),
                label: if scalar { op.scalar_name() } else { op.name() },
            })
        })
        .as_ref()
}

/// Where the loop reads input `k`: in place, or a weak value converted into `buf`. None when
/// the weak value does not convert cleanly (see [`loop_value`]).
#[inline(always)]
fn place(lp: &Loop, k: usize, i: Input, buf: &mut [u8; 16]) -> Option<*mut u8> {
    match i {
        Input::At(p) => Some(p),
        Input::Weak(n, w) => {
            let st = lp.ins[k];
            let v = loop_value(
                Operand {
                    n,
                    k: OpKind::Weak(w),
                },
                st,
            )?;
            crate::with_scalar_type!(st, T, {
                // SAFETY: 16 bytes hold any element.
                unsafe { std::ptr::write_unaligned(buf.as_mut_ptr() as *mut T, T::from_num(v)) }
            });
            Some(buf.as_mut_ptr())
        }
    }
}

impl InPlace {
    /// Run the loop on one item into `o`; the conditions it raised, or None when a weak
    /// operand does not convert cleanly (`o` is then untouched).
    ///
    /// # Safety
    /// An `Input::At` points at a value of the loop's input type; `o` at room for one of
    /// [`InPlace::out`], overlapping neither input.
    #[inline(always)]
    pub unsafe fn run(&self, a: Input, b: Input, o: *mut u8) -> Option<u32> {
        let mut bufs = [[0u8; 16]; 2];
        let [ba, bb] = &mut bufs;
        let (a, b) = (place(self.lp, 0, a, ba)?, place(self.lp, 1, b, bb)?);
        // SAFETY: the caller's guarantee: one item of each operand.
        let mut st = unsafe { call_one(self.lp, &[a, b, o], self.watch_fp) };
        if self.check_overflow {
            // SAFETY: as above; the output was written.
            let (p, q, got) = unsafe {
                (
                    int_at(a, self.lp.ins[0]),
                    int_at(b, self.lp.ins[1]),
                    int_at(o, self.out),
                )
            };
            st |= overflow(self.op, p, q, got);
        }
        Some(st)
    }
}

/// The comparison loop for operands `x`, `y` taken in place (found once), or None (no loop,
/// a cast of a typed operand, or a condition scalar math would report).
#[inline(always)]
pub fn compare_in_place(op: CmpOp, x: OpKind, y: OpKind) -> Option<&'static Loop> {
    static FORMS: [OnceLock<Option<&'static Loop>>; 6 * KINDS * KINDS] =
        [const { OnceLock::new() }; 6 * KINDS * KINDS];
    *FORMS[(op as usize * KINDS + kind_index(x)) * KINDS + kind_index(y)].get_or_init(|| {
        let plan = compare_plan(op, x, y).ok()?;
        let scalar = takes_scalar_math(x, y, plan.common, left_is_bool(x, y));
        let lp = plan.lp;
        // Complex ordering outside scalar math flags NaN: see [`compare`].
        let flags = !scalar && lp.ins[0].is_complex();
        (takes_as_is(lp, [x, y]) && lp.outs[..] == [ScalarType::Bool] && !flags).then_some(lp)
    })
}

/// `x <op> y` by [`compare_in_place`]'s loop, or None when a weak operand does not convert
/// cleanly.
///
/// # Safety
/// As [`InPlace::run`].
#[inline(always)]
pub unsafe fn compare_run(lp: &Loop, a: Input, b: Input) -> Option<bool> {
    let mut bufs = [[0u8; 16]; 2];
    let [ba, bb] = &mut bufs;
    let (a, b) = (place(lp, 0, a, ba)?, place(lp, 1, b, bb)?);
    let mut r = 0u8;
    // SAFETY: the caller's guarantee; one bool byte out.
    unsafe { call_one(lp, &[a, b, &mut r], false) };
    Some(r != 0)
}

/// The integer (or bool) at `p`, of type `st`, widened.
///
/// # Safety
/// `p` points at a value of type `st`.
#[inline(always)]
unsafe fn int_at(p: *const u8, st: ScalarType) -> i128 {
    // SAFETY: the caller's guarantee.
    let n = crate::with_scalar_type!(st, T, {
        unsafe { std::ptr::read_unaligned(p as *const T) }.to_num()
    });
    wide(n).unwrap_or(0)
}

/// Is `o` integer-valued (a bool, an integer type or a Python int)?
fn integral(o: Operand) -> bool {
    match o.k {
        OpKind::Strong(st) => st == ScalarType::Bool || st.is_int(),
        OpKind::Weak(w) => matches!(w, WeakKind::Int | WeakKind::Bool),
    }
}

/// `x <op> y`, and the conditions to report (under the comparison ufunc's name). Integers and
/// bools compare exactly, whatever their types (NumPy 2 compares Python ints by value); a bool
/// against a Python int beyond int64 gives None (NumPy raises OverflowError converting it).
#[inline(always)]
pub fn compare(op: CmpOp, x: Operand, y: Operand, who: Who) -> Result<Option<(bool, u32)>> {
    if integral(x) && integral(y) {
        let bool_vs_big = |p: Operand, q: Operand| {
            p.k == OpKind::Strong(ScalarType::Bool)
                && matches!(q.n, Num::U(v) if v > i64::MAX as u64)
        };
        if bool_vs_big(x, y) || bool_vs_big(y, x) {
            return Ok(None);
        }
        let (Some(p), Some(q)) = (wide(x.n), wide(y.n)) else {
            return Ok(None);
        };
        return Ok(Some((op.holds(p, q), 0)));
    }
    let plan = compare_plan(op, x.k, y.k)?;
    let lp = plan.lp;
    let (Some(a), Some(b)) = (loop_value(x, lp.ins[0]), loop_value(y, lp.ins[1])) else {
        return Ok(None);
    };
    let (r, _) = run(lp, [a, b], false);
    let scalar = who.scalar(x.k, y.k, plan.common);
    let mut st = 0;
    // The complex loops' ordered C comparisons flag NaN (scalar math's do not).
    if let (Num::C(xr, xi), Num::C(yr, yi)) = (in_type(a, lp.ins[0]), in_type(b, lp.ins[1])) {
        let ordering = !matches!(op, CmpOp::Eq | CmpOp::Ne);
        if !scalar
            && ordering
            && (xr.is_nan() || yr.is_nan() || (xr == yr && (xi.is_nan() || yi.is_nan())))
        {
            st = status::INVALID;
        }
    }
    Ok(Some((matches!(r[0], Num::B(true)), st)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strong(n: Num, st: ScalarType) -> Operand {
        Operand {
            n,
            k: OpKind::Strong(st),
        }
    }

    #[test]
    fn integer_overflow_is_reported_only_by_scalar_math() {
        let x = strong(Num::I(100), ScalarType::Int8);
        for (scalar, want) in [(true, status::OVERFLOW), (false, 0)] {
            let o = binary(BinOp::Add, x, x, scalar).unwrap().unwrap();
            assert_eq!((o.values[0], o.types[0]), (Num::I(-56), ScalarType::Int8));
            assert_eq!(o.status, want);
        }
    }

    #[test]
    fn mixed_types_promote_and_weak_operands_take_the_typed_ones_type() {
        let i = strong(Num::I(3), ScalarType::Int16);
        let f = strong(Num::F(0.5), ScalarType::Float32);
        let o = binary(BinOp::Multiply, i, f, false).unwrap().unwrap();
        assert_eq!(
            (o.values[0], o.types[0]),
            (Num::F(1.5), ScalarType::Float32)
        );
        let w = Operand {
            n: Num::I(2),
            k: OpKind::Weak(WeakKind::Int),
        };
        let o = binary(BinOp::Power, i, w, true).unwrap().unwrap();
        assert_eq!((o.values[0], o.types[0]), (Num::I(9), ScalarType::Int16));
        // A weak int beyond int16 is left to the caller (NumPy raises OverflowError).
        let big = Operand {
            n: Num::I(70000),
            k: OpKind::Weak(WeakKind::Int),
        };
        assert!(binary(BinOp::Add, i, big, true).unwrap().is_none());
    }

    #[test]
    fn divmod_gives_two_results_and_integers_compare_exactly() {
        let a = strong(Num::I(-7), ScalarType::Int64);
        let b = strong(Num::I(2), ScalarType::Int64);
        let o = binary(BinOp::DivMod, a, b, true).unwrap().unwrap();
        let v: Vec<Num> = o.results().map(|p| p.0).collect();
        assert_eq!(v, vec![Num::I(-4), Num::I(1)]);
        let big = strong(Num::U(u64::MAX), ScalarType::UInt64);
        let m1 = strong(Num::I(-1), ScalarType::Int64);
        assert_eq!(
            compare(CmpOp::Gt, big, m1, Who::Known(true)).unwrap(),
            Some((true, 0))
        );
    }

    #[test]
    fn pow_of_zero_to_minus_infinity_is_quiet_but_to_a_finite_negative_power_divides() {
        let z = strong(Num::F(0.0), ScalarType::Float64);
        let ninf = strong(Num::F(f64::NEG_INFINITY), ScalarType::Float64);
        let m1 = strong(Num::F(-1.0), ScalarType::Float64);
        let s = binary(BinOp::Power, z, ninf, true).unwrap().unwrap();
        let u = binary(BinOp::Power, z, m1, false).unwrap().unwrap();
        assert_eq!((s.status, u.status), (0, status::DIVIDE_BY_ZERO));
    }
}
