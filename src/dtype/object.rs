//! Object (`O`, NumPy's `ObjectDType`): each item is a reference to a Python object (a pointer,
//! or 0, which reads as None). The core knows nothing of Python: every operation on the objects
//! goes through the [`ObjectRuntime`] the bindings install at import. Items hold references, so
//! the family declares `holds_refs` (new memory zeroed, copies through its cast to itself,
//! `clear` when memory goes) and `needs_api` (loops keep the GIL and run on one thread).
//!
//! An exception raised by Python inside a loop stays in the interpreter and travels as
//! [`Error::Raised`]; a loop stops at the first one, its output holding only valid references.

use std::any::Any;
use std::sync::{Arc, OnceLock};

use smallvec::smallvec;

use super::method::{ArrayMethod, Family, FamilyLoop, Flags, MethodFlags, Resolved, StridedLoop};
use super::promote::Casting;
use super::text::TextDesc;
use super::time::TimeDesc;
use super::{ByteOrder, DType, DTypeImpl, Num, ScalarType};
use crate::error::{Error, Result};

/// NumPy's type number of object.
pub const NPY_OBJECT: i32 = 17;

/// An operation on objects resolved once per loop: the inputs' references in, a new reference
/// out. Called inside [`ObjectRuntime::with_api`] only (it does not take the lock per item).
pub struct ObjectFn(pub Box<ObjectOp>);

/// The closure behind an [`ObjectFn`].
pub type ObjectOp = dyn Fn(&[usize]) -> Result<usize> + Send + Sync;

impl ObjectFn {
    /// Apply the operation.
    ///
    /// # Safety
    /// Inside [`ObjectRuntime::with_api`]; the arguments are live references (or 0).
    #[inline]
    pub unsafe fn call(&self, args: &[usize]) -> Result<usize> {
        (self.0)(args)
    }
}

/// What the core needs of the objects' language. The per-item methods marked unsafe run
/// inside [`ObjectRuntime::with_api`] (the lock is taken once a loop, not once an item); the
/// others may be called with the lock held or not (the bindings take it).
pub trait ObjectRuntime: Send + Sync + 'static {
    /// Run `f` with the language's lock held (taken once for a whole loop; the methods below
    /// then find it held).
    fn with_api(&self, f: &mut dyn FnMut() -> Result<u32>) -> Result<u32>;
    /// Take one more reference (0 is None, taken as is).
    ///
    /// # Safety
    /// Inside `with_api`; `o` is 0 or a live reference.
    unsafe fn incref(&self, o: usize);
    /// Give up a reference (0 is nothing).
    ///
    /// # Safety
    /// Inside `with_api`; `o` is 0 or a reference the caller owns.
    unsafe fn decref(&self, o: usize);
    /// The object operation of ufunc `name` (NumPy's object loop: an operator, a function, or
    /// the objects' method of that name); `.name` calls the method `name` plainly.
    fn operation(&self, name: &str, nin: usize) -> ObjectFn;
    /// The truth of `a <op> b` (`op`: one of the six comparison ufuncs' names).
    ///
    /// # Safety
    /// Inside `with_api`; `a` and `b` are 0 or live references.
    unsafe fn compare(&self, op: &str, a: usize, b: usize) -> Result<bool>;
    /// The value of an exact Python int that fits in int64 (whose `<` is then the numbers'
    /// order), or None for any other object.
    ///
    /// # Safety
    /// Inside `with_api`; `o` is 0 or a live reference.
    unsafe fn exact_int(&self, o: usize) -> Option<i64>;
    /// A new object for a number of type `st`.
    fn new_number(&self, n: Num, st: ScalarType) -> Result<usize>;
    /// The number an object means as type `st` (as NumPy stores a Python value).
    fn to_num(&self, o: usize, st: ScalarType) -> Result<Num>;
    /// A new str (or bytes, `bytes` true: each code point a byte) object.
    fn new_text(&self, t: &[u32], bytes: bool) -> Result<usize>;
    /// The text of an object as str (or bytes) stores it, and whether it is raw bytes (a
    /// bytes object into bytes, any byte value) rather than characters.
    fn to_text(&self, o: usize, bytes: bool) -> Result<(Vec<u32>, bool)>;
    /// A new object for ticks of a time descriptor (NumPy's `item()`: a date, datetime,
    /// timedelta, int or None).
    fn new_time(&self, v: i64, d: TimeDesc) -> Result<usize>;
    /// The ticks of time descriptor `d` an object means (a string, a time scalar, a date, an
    /// int, None).
    fn to_time(&self, o: usize, d: TimeDesc) -> Result<i64>;
    /// A new object for the item at `p` of `d`, a family beyond numbers, text and times
    /// (the extended floats): the scalar indexing gives.
    ///
    /// # Safety
    /// `p` holds an item of `d`.
    unsafe fn new_item(&self, d: &DType, p: *const u8) -> Result<usize>;
    /// Store an object as the item of `d` (a family beyond numbers, text and times) at `p`.
    ///
    /// # Safety
    /// `p` is writable for one item of `d`.
    unsafe fn store_item(&self, o: usize, d: &DType, p: *mut u8) -> Result<()>;
}

static RUNTIME: OnceLock<Box<dyn ObjectRuntime>> = OnceLock::new();

/// Install the runtime (once; later calls are ignored).
pub fn install(rt: Box<dyn ObjectRuntime>) {
    let _ = RUNTIME.set(rt);
}

pub(crate) fn runtime() -> Result<&'static dyn ObjectRuntime> {
    RUNTIME
        .get()
        .map(|b| b.as_ref())
        .ok_or_else(|| Error::Runtime("no object runtime installed".into()))
}

#[derive(Debug)]
pub struct Object;

/// The object descriptor.
pub fn object() -> DType {
    static D: OnceLock<DType> = OnceLock::new();
    D.get_or_init(|| DType::new(Object)).clone()
}

/// The reference in the item at `p`.
///
/// # Safety
/// `p` holds an object item.
#[inline]
pub unsafe fn get(p: *const u8) -> usize {
    // SAFETY: the caller's guarantee.
    unsafe { std::ptr::read_unaligned(p as *const usize) }
}

/// Store the new reference `v` in the item at `p`, releasing the one it held.
///
/// # Safety
/// Inside `with_api`; `p` holds a writable object item; `v` is a reference the caller owns
/// (given to the item).
#[inline]
unsafe fn replace(rt: &dyn ObjectRuntime, p: *mut u8, v: usize) {
    // SAFETY: the caller's guarantee.
    let old = unsafe { get(p) };
    // SAFETY: as above; the caller runs inside `with_api`.
    unsafe {
        std::ptr::write_unaligned(p as *mut usize, v);
        if old != 0 {
            rt.decref(old);
        }
    }
}

impl DTypeImpl for Object {
    fn kind(&self) -> char {
        'O'
    }
    fn char_code(&self) -> char {
        'O'
    }
    fn num(&self) -> i32 {
        NPY_OBJECT
    }
    fn itemsize(&self) -> usize {
        std::mem::size_of::<usize>()
    }
    fn alignment(&self) -> usize {
        std::mem::align_of::<usize>()
    }
    fn name(&self) -> String {
        "object".into()
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::NotApplicable
    }
    fn with_native_order(&self, _native: bool) -> DType {
        object()
    }
    fn typestr(&self) -> String {
        "|O".into()
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other.as_any().is::<Object>()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn flags(&self) -> Flags {
        Flags {
            holds_refs: true,
            needs_api: true,
            needs_init: true,
            parametric: false,
            promotes: true,
        }
    }
    fn cast_to(&self, to: &DType) -> Option<Arc<dyn ArrayMethod>> {
        if to.0.as_any().is::<Object>() {
            return Some(Arc::new(Cast(Kind::Copy)));
        }
        if TextDesc::of(to).is_some() {
            return Some(Arc::new(Cast(Kind::ToText)));
        }
        if TimeDesc::of(to).is_some() {
            return Some(Arc::new(Cast(Kind::ToTime)));
        }
        if let Some(st) = to.scalar_type() {
            return Some(Arc::new(Cast(Kind::ToNum(st))));
        }
        super::method::is_extension(to)
            .then(|| Arc::new(Cast(Kind::ToItem)) as Arc<dyn ArrayMethod>)
    }
    fn cast_from(&self, from: &DType) -> Option<Arc<dyn ArrayMethod>> {
        if let Some(t) = TextDesc::of(from) {
            return Some(Arc::new(Cast(Kind::FromText(t))));
        }
        if let Some(t) = TimeDesc::of(from) {
            return Some(Arc::new(Cast(Kind::FromTime(t))));
        }
        if let Some(st) = from.scalar_type() {
            return Some(Arc::new(Cast(Kind::FromNum(st))));
        }
        super::method::is_extension(from)
            .then(|| Arc::new(Cast(Kind::FromItem)) as Arc<dyn ArrayMethod>)
    }
    /// Everything a ufunc or a promotion meets with objects becomes an object.
    fn dot(&self, conjugate: bool) -> Option<Result<super::DotFn>> {
        let rt = match runtime() {
            Ok(rt) => rt,
            Err(e) => return Some(Err(e)),
        };
        let (mul, add) = (rt.operation("multiply", 2), rt.operation("add", 2));
        let conj = conjugate.then(|| rt.operation(".conjugate", 1));
        // NumPy's OBJECT_dot/_dotc: the first product, then `+` in index order; an empty sum
        // is the blank item (None).
        Some(Ok(Box::new(move |[a, b], [sa, sb], o, n| {
            rt.with_api(&mut || {
                let mut sum = 0usize;
                for i in 0..n as isize {
                    // SAFETY: DotFn's contract (object items at a, b and o); inside with_api;
                    // every new reference is given up or stored once.
                    unsafe {
                        let (x, y) = (get(a.offset(i * sa)), get(b.offset(i * sb)));
                        let product = match &conj {
                            Some(c) => c.call(&[x]).and_then(|cx| {
                                let p = mul.call(&[cx, y]);
                                rt.decref(cx);
                                p
                            }),
                            None => mul.call(&[x, y]),
                        };
                        let product = product.inspect_err(|_| rt.decref(sum))?;
                        if i == 0 {
                            sum = product;
                        } else {
                            let next = add.call(&[sum, product]);
                            rt.decref(sum);
                            rt.decref(product);
                            sum = next?;
                        }
                    }
                }
                // SAFETY: `o` holds a writable object item; `sum` is ours (0: None).
                unsafe { replace(rt, o, sum) };
                Ok(0)
            })
        })))
    }
    fn common_with(&self, other: &DType) -> Option<crate::error::Result<DType>> {
        (other.scalar_type().is_some() || super::method::is_extension(other)).then(|| Ok(object()))
    }
    unsafe fn retain(&self, p: *mut u8, stride: isize, n: usize) {
        let Ok(rt) = runtime() else { return };
        let _ = rt.with_api(&mut || {
            for i in 0..n as isize {
                // SAFETY: the caller's items.
                unsafe { rt.incref(get(p.wrapping_offset(i * stride))) };
            }
            Ok(0)
        });
    }
    unsafe fn clear(&self, p: *mut u8, stride: isize, n: usize) {
        let Ok(rt) = runtime() else { return };
        let _ = rt.with_api(&mut || {
            for i in 0..n as isize {
                let q = p.wrapping_offset(i * stride);
                // SAFETY: the caller's items; each reference is given up once and the slot
                // zeroed.
                unsafe {
                    rt.decref(get(q));
                    std::ptr::write_unaligned(q as *mut usize, 0);
                }
            }
            Ok(0)
        });
    }
}

/// What a cast does.
#[derive(Copy, Clone)]
enum Kind {
    /// Object to object: a new reference to the same object.
    Copy,
    FromNum(ScalarType),
    ToNum(ScalarType),
    FromText(TextDesc),
    ToText,
    FromTime(TimeDesc),
    ToTime,
    /// From or to the items of another family (the extended floats), through the runtime's
    /// scalars.
    FromItem,
    ToItem,
}

struct Cast(Kind);

impl ArrayMethod for Cast {
    fn name(&self) -> &str {
        "object_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags {
            needs_api: true,
            no_fp_errors: !matches!(self.0, Kind::ToNum(_)),
        }
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let to = match (&outs[0], self.0) {
            (Some(d), _) => d.clone(),
            (None, Kind::ToNum(st)) => st.dtype(),
            _ => object(),
        };
        let to = match (self.0, TextDesc::of(&to)) {
            // Unsized text from objects: NumPy sizes it by the items; one character here.
            (Kind::ToText, Some(t)) if t.chars == 0 => t.sized(1).dtype(),
            _ => to,
        };
        let casting = match self.0 {
            Kind::Copy => Casting::No,
            Kind::FromNum(_) | Kind::FromText(_) | Kind::FromTime(_) | Kind::FromItem => {
                Casting::Safe
            }
            Kind::ToNum(_) | Kind::ToText | Kind::ToTime | Kind::ToItem => Casting::Unsafe,
        };
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), to],
            casting,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let rt = runtime()?;
        let (kind, swap_in, swap_out) = (self.0, !d[0].is_native(), !d[1].is_native());
        let to_text = TextDesc::of(&d[1]);
        let to_time = TimeDesc::of(&d[1]);
        let (from_d, to_d) = (d[0].clone(), d[1].clone());
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            rt.with_api(&mut || {
                for i in 0..n as isize {
                    let (src, dst) = (
                        p[0].wrapping_offset(i * s[0]),
                        p[1].wrapping_offset(i * s[1]),
                    );
                    // SAFETY: StridedLoop's contract: an item of each descriptor at each pointer.
                    unsafe {
                        match kind {
                            Kind::Copy => {
                                let v = get(src);
                                rt.incref(v);
                                replace(rt, dst, v);
                            }
                            Kind::FromNum(st) => {
                                let v =
                                    rt.new_number(super::cast::read_num(src, st, swap_in), st)?;
                                replace(rt, dst, v);
                            }
                            Kind::ToNum(st) => {
                                let v = rt.to_num(get(src), st)?;
                                super::cast::cast_num(v, dst, st, swap_out);
                            }
                            Kind::FromText(t) => {
                                let v = rt.new_text(&t.read(src), t.is_bytes())?;
                                replace(rt, dst, v);
                            }
                            Kind::ToText => {
                                let t = to_text.ok_or_else(|| Error::Type("not text".into()))?;
                                let (chars, raw) = rt.to_text(get(src), t.is_bytes())?;
                                if raw {
                                    let raw: Vec<u8> = chars.iter().map(|&c| c as u8).collect();
                                    t.write_bytes(dst, &raw);
                                } else {
                                    t.write(dst, &chars)?;
                                }
                            }
                            Kind::FromTime(t) => {
                                let v = rt.new_time(t.read(src), t)?;
                                replace(rt, dst, v);
                            }
                            Kind::ToTime => {
                                let t = to_time.ok_or_else(|| Error::Type("not a time".into()))?;
                                t.write(dst, rt.to_time(get(src), t)?);
                            }
                            Kind::FromItem => {
                                let v = rt.new_item(&from_d, src)?;
                                replace(rt, dst, v);
                            }
                            Kind::ToItem => rt.store_item(get(src), &to_d, dst)?,
                        }
                    }
                }
                Ok(0)
            })
        }))
    }
}

/// A ufunc's object loop: the runtime's operation on each item, a new object out.
struct Apply {
    ufunc: &'static str,
    nin: usize,
}

impl ArrayMethod for Apply {
    fn name(&self) -> &str {
        "object_loop"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::API
    }
    fn resolve_descriptors(&self, _ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: (0..=self.nin).map(|_| object()).collect(),
            casting: Casting::No,
        })
    }
    fn get_loop(&self, _d: &[DType]) -> Result<StridedLoop> {
        let rt = runtime()?;
        let op = rt.operation(self.ufunc, self.nin);
        let nin = self.nin;
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            rt.with_api(&mut || {
                let mut args = [0usize; 2];
                for i in 0..n as isize {
                    // SAFETY: StridedLoop's contract: an object item at each pointer.
                    unsafe {
                        for (k, a) in args.iter_mut().enumerate().take(nin) {
                            *a = get(p[k].wrapping_offset(i * s[k]));
                        }
                        let v = op.call(&args[..nin])?;
                        replace(rt, p[nin].wrapping_offset(i * s[nin]), v);
                    }
                }
                Ok(0)
            })
        }))
    }
}

/// A comparison of objects: bool out (NumPy's `OO->?` loop).
struct Compare(&'static str);

impl ArrayMethod for Compare {
    fn name(&self) -> &str {
        "object_comparison"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::API
    }
    fn resolve_descriptors(&self, _ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: smallvec![object(), object(), ScalarType::Bool.dtype()],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, _d: &[DType]) -> Result<StridedLoop> {
        let (rt, op) = (runtime()?, self.0);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            rt.with_api(&mut || {
                for i in 0..n as isize {
                    // SAFETY: StridedLoop's contract.
                    unsafe {
                        let (a, b) = (
                            get(p[0].wrapping_offset(i * s[0])),
                            get(p[1].wrapping_offset(i * s[1])),
                        );
                        *p[2].wrapping_offset(i * s[2]) = rt.compare(op, a, b)? as u8;
                    }
                }
                Ok(0)
            })
        }))
    }
}

/// The ufuncs NumPy has object loops for (the gufuncs apart), by their number of inputs.
const UNARY: &[&str] = &[
    "absolute",
    "arccos",
    "arccosh",
    "arcsin",
    "arcsinh",
    "arctan",
    "arctanh",
    "bitwise_count",
    "cbrt",
    "ceil",
    "conjugate",
    "cos",
    "cosh",
    "deg2rad",
    "degrees",
    "exp",
    "exp2",
    "expm1",
    "fabs",
    "floor",
    "invert",
    "log",
    "log10",
    "log1p",
    "log2",
    "logical_not",
    "negative",
    "positive",
    "rad2deg",
    "radians",
    "reciprocal",
    "rint",
    "sign",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "tan",
    "tanh",
    "trunc",
];
const BINARY: &[&str] = &[
    "add",
    "arctan2",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "divide",
    "floor_divide",
    "fmax",
    "fmin",
    "fmod",
    "gcd",
    "hypot",
    "lcm",
    "left_shift",
    "logical_and",
    "logical_or",
    "logical_xor",
    "maximum",
    "minimum",
    "multiply",
    "power",
    "remainder",
    "right_shift",
    "subtract",
];

/// The family's ufunc loops, for `dispatch::methods::register`.
pub fn loops() -> Vec<FamilyLoop> {
    let o = Family::of::<Object>();
    let mut v = Vec::new();
    for &name in UNARY {
        v.push(FamilyLoop {
            ufunc: name,
            ins: smallvec![o],
            method: Arc::new(Apply {
                ufunc: name,
                nin: 1,
            }),
        });
    }
    for &name in BINARY {
        v.push(FamilyLoop {
            ufunc: name,
            ins: smallvec![o, o],
            method: Arc::new(Apply {
                ufunc: name,
                nin: 2,
            }),
        });
    }
    for (name, _) in super::text::Cmp::ALL {
        v.push(FamilyLoop {
            ufunc: name,
            ins: smallvec![o, o],
            method: Arc::new(Compare(name)),
        });
    }
    v
}
