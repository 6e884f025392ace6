//! A test-only dtype family, after NumPy's `_ScaledFloatTestDType`: a float64 stored divided by
//! a scale factor the descriptor carries (the value of an item is `raw * scaling`). It proves
//! the recipe of designs/dtypes.md in `cargo test`: one file declares the family (a parametric
//! descriptor), its casts (to itself with another scale, from and to float64, to bool), its
//! promotion with float64, its ordering, and two ufunc loops as ArrayMethods (`multiply`,
//! which computes the output's scale, and `add`, which rescales inside the loop and may fail).
//! `dispatch::methods` registers the loops; its tests run them through the ufunc engine.

use std::any::Any;
use std::cmp::Ordering;
use std::sync::Arc;

use smallvec::smallvec;

use super::method::{ArrayMethod, Family, FamilyLoop, Flags, MethodFlags, Resolved, StridedLoop};
use super::promote::Casting;
use super::{ByteOrder, CompareFn, DType, DTypeImpl, ScalarType};
use crate::error::{Error, Result};

/// `_ScaledFloatTestDType(scaling=s)`.
#[derive(Debug)]
pub struct ScaledFloat {
    pub scaling: f64,
}

/// The descriptor with scale `s`.
pub fn sfloat(s: f64) -> DType {
    DType::new(ScaledFloat { scaling: s })
}

fn scaling(d: &DType) -> Option<f64> {
    d.0.as_any()
        .downcast_ref::<ScaledFloat>()
        .map(|s| s.scaling)
}

fn is_f64(d: &DType) -> bool {
    d.native_scalar() == Some(ScalarType::Float64)
}

impl DTypeImpl for ScaledFloat {
    fn kind(&self) -> char {
        'f'
    }
    fn char_code(&self) -> char {
        'd'
    }
    fn num(&self) -> i32 {
        -1
    }
    fn itemsize(&self) -> usize {
        8
    }
    fn alignment(&self) -> usize {
        8
    }
    fn name(&self) -> String {
        format!("_ScaledFloatTestDType(scaling={:?})", self.scaling)
    }
    fn scalar_type(&self) -> Option<ScalarType> {
        None
    }
    fn byteorder(&self) -> ByteOrder {
        ByteOrder::Native
    }
    fn with_native_order(&self, _native: bool) -> DType {
        sfloat(self.scaling)
    }
    fn typestr(&self) -> String {
        "|V8".into()
    }
    fn same_as(&self, other: &dyn DTypeImpl) -> bool {
        other
            .as_any()
            .downcast_ref::<ScaledFloat>()
            .is_some_and(|o| o.scaling == self.scaling)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn flags(&self) -> Flags {
        Flags {
            parametric: true,
            promotes: true,
            ..Flags::default()
        }
    }
    /// With float64 and with itself: the larger scale (NumPy's common instance).
    fn common_with(&self, other: &DType) -> Option<crate::error::Result<DType>> {
        let o = if is_f64(other) { 1.0 } else { scaling(other)? };
        Some(Ok(sfloat(if self.scaling >= o { self.scaling } else { o })))
    }
    fn cast_to(&self, to: &DType) -> Option<Arc<dyn ArrayMethod>> {
        if scaling(to).is_some() {
            return Some(Arc::new(Rescale("sfloat_to_sfloat_cast")));
        }
        if is_f64(to) {
            return Some(Arc::new(Rescale("sfloat_to_float_cast")));
        }
        if to.native_scalar() == Some(ScalarType::Bool) {
            return Some(Arc::new(ToBool));
        }
        None
    }
    fn cast_from(&self, from: &DType) -> Option<Arc<dyn ArrayMethod>> {
        is_f64(from).then(|| Arc::new(Rescale("float_to_sfloat_cast")) as Arc<dyn ArrayMethod>)
    }
    fn compare(&self) -> Option<CompareFn> {
        let s = self.scaling;
        Some(Arc::new(move |a: *const u8, b: *const u8| {
            // SAFETY: one (unaligned) item at each pointer.
            let (x, y) = unsafe {
                (
                    std::ptr::read_unaligned(a as *const f64) * s,
                    std::ptr::read_unaligned(b as *const f64) * s,
                )
            };
            x.partial_cmp(&y)
                .unwrap_or_else(|| x.is_nan().cmp(&y.is_nan()))
        }))
    }
}

/// The scale of a descriptor of the family or of float64 (1).
fn scale_of(d: &DType) -> Result<f64> {
    if is_f64(d) {
        return Ok(1.0);
    }
    scaling(d).ok_or_else(|| Error::Type(format!("not a scaled float: {d:?}")))
}

/// NumPy's check inside the loops: a rescaling factor must be finite and nonzero.
fn check_factor(f: f64) -> Result<f64> {
    if f.is_finite() && f != 0.0 {
        Ok(f)
    } else {
        Err(Error::Type(
            "error raised inside the core-loop: non-finite factor!".into(),
        ))
    }
}

/// A strided loop `out = in * factor` over one input and one output.
fn scaled_copy(factor: f64) -> StridedLoop {
    Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
        let factor = check_factor(factor)?;
        for i in 0..n as isize {
            // SAFETY: the caller gives n items at each stride (StridedLoop's contract).
            unsafe {
                let v = std::ptr::read_unaligned(p[0].offset(i * s[0]) as *const f64);
                std::ptr::write_unaligned(p[1].offset(i * s[1]) as *mut f64, v * factor);
            }
        }
        Ok(0)
    })
}

/// The casts between the family and float64 (a float64 is a scaled float of scale 1).
struct Rescale(&'static str);

impl ArrayMethod for Rescale {
    fn name(&self) -> &str {
        self.0
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let from = ins[0].clone();
        let to = outs[0].clone().unwrap_or_else(|| from.clone());
        let (a, b) = (scale_of(&from)?, scale_of(&to)?);
        let casting = if a == b {
            Casting::No
        } else if a == -b {
            Casting::Equiv
        } else {
            Casting::SameKind
        };
        Ok(Resolved {
            descrs: smallvec![from, to],
            casting,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        Ok(scaled_copy(scale_of(&d[0])? / scale_of(&d[1])?))
    }
}

/// Scaled float to bool: nonzero is true (unsafe, as NumPy's).
struct ToBool;

impl ArrayMethod for ToBool {
    fn name(&self) -> &str {
        "sfloat_to_bool_cast"
    }
    fn flags(&self) -> MethodFlags {
        MethodFlags::QUIET
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        Ok(Resolved {
            descrs: smallvec![ins[0].clone(), ScalarType::Bool.dtype()],
            casting: Casting::Unsafe,
        })
    }
    fn get_loop(&self, _d: &[DType]) -> Result<StridedLoop> {
        Ok(Box::new(|p: &[*mut u8], s: &[isize], n: usize| {
            for i in 0..n as isize {
                // SAFETY: StridedLoop's contract.
                unsafe {
                    let v = std::ptr::read_unaligned(p[0].offset(i * s[0]) as *const f64);
                    *p[1].offset(i * s[1]) = (v != 0.0) as u8;
                }
            }
            Ok(0)
        }))
    }
}

/// `multiply`: raw values multiply, scales multiply (an output given is cast to afterwards).
struct Multiply;

impl ArrayMethod for Multiply {
    fn name(&self) -> &str {
        "sfloat_multiply"
    }
    fn resolve_descriptors(&self, ins: &[DType], _outs: &[Option<DType>]) -> Result<Resolved> {
        let (a, b) = (ins[0].clone(), ins[1].clone());
        let out = sfloat(scale_of(&a)? * scale_of(&b)?);
        Ok(Resolved {
            descrs: smallvec![a, b, out],
            casting: Casting::No,
        })
    }
    fn get_loop(&self, _d: &[DType]) -> Result<StridedLoop> {
        Ok(Box::new(|p: &[*mut u8], s: &[isize], n: usize| {
            for i in 0..n as isize {
                // SAFETY: StridedLoop's contract.
                unsafe {
                    let x = std::ptr::read_unaligned(p[0].offset(i * s[0]) as *const f64);
                    let y = std::ptr::read_unaligned(p[1].offset(i * s[1]) as *const f64);
                    std::ptr::write_unaligned(p[2].offset(i * s[2]) as *mut f64, x * y);
                }
            }
            Ok(0)
        }))
    }
}

/// `add`: the output is the one given or the common instance; the loop rescales each input to
/// the output's scale, so the resolution reports the casting this implies.
struct Add;

impl ArrayMethod for Add {
    fn name(&self) -> &str {
        "sfloat_add"
    }
    fn resolve_descriptors(&self, ins: &[DType], outs: &[Option<DType>]) -> Result<Resolved> {
        let (a, b) = (ins[0].clone(), ins[1].clone());
        let out = match outs[0].clone() {
            Some(o) => o,
            None => {
                a.0.common_with(&b)
                    .ok_or_else(|| Error::Type("no common".into()))??
            }
        };
        let (x, y, o) = (scale_of(&a)?, scale_of(&b)?, scale_of(&out)?);
        let casting = if x == o && y == o {
            Casting::No
        } else if x.abs() == o.abs() && y.abs() == o.abs() {
            Casting::Equiv
        } else {
            Casting::SameKind
        };
        Ok(Resolved {
            descrs: smallvec![a, b, out],
            casting,
        })
    }
    fn get_loop(&self, d: &[DType]) -> Result<StridedLoop> {
        let o = scale_of(&d[2])?;
        let (f1, f2) = (scale_of(&d[0])? / o, scale_of(&d[1])? / o);
        Ok(Box::new(move |p: &[*mut u8], s: &[isize], n: usize| {
            let (f1, f2) = (check_factor(f1)?, check_factor(f2)?);
            for i in 0..n as isize {
                // SAFETY: StridedLoop's contract.
                unsafe {
                    let x = std::ptr::read_unaligned(p[0].offset(i * s[0]) as *const f64);
                    let y = std::ptr::read_unaligned(p[1].offset(i * s[1]) as *const f64);
                    std::ptr::write_unaligned(p[2].offset(i * s[2]) as *mut f64, x * f1 + y * f2);
                }
            }
            Ok(0)
        }))
    }
}

/// The family's ufunc loops, for `dispatch::methods::register`.
pub fn loops() -> Vec<FamilyLoop> {
    let f = Family::of::<ScaledFloat>();
    vec![
        FamilyLoop {
            ufunc: "multiply",
            ins: smallvec![f, f],
            method: Arc::new(Multiply),
        },
        FamilyLoop {
            ufunc: "add",
            ins: smallvec![f, f],
            method: Arc::new(Add),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::method::{common_dtype, resolve_cast};
    use crate::dtype::promote::{can_cast, promote_types};

    #[test]
    fn descriptors_promotion_and_cast_levels() {
        let (s1, s2, f8) = (sfloat(1.0), sfloat(2.0), ScalarType::Float64.dtype());
        assert_eq!(s1.family(), s2.family());
        assert_ne!(s1.family(), f8.family());
        assert_ne!(s1, s2);
        assert_eq!(common_dtype(&f8, &s2), Some(Ok(s2.clone())));
        assert_eq!(promote_types(&s1, &s2).unwrap(), s2);
        assert!(promote_types(&s1, &ScalarType::Int8.dtype()).is_err());
        // Casting levels come from the resolved cast method.
        assert!(can_cast(&f8, &s1, Casting::No));
        assert!(can_cast(&s2, &sfloat(-2.0), Casting::Equiv));
        assert!(!can_cast(&s2, &s1, Casting::Safe));
        assert!(can_cast(&s2, &s1, Casting::SameKind));
        assert!(!can_cast(&s1, &ScalarType::Bool.dtype(), Casting::SameKind));
        assert!(can_cast(&s1, &ScalarType::Bool.dtype(), Casting::Unsafe));
        assert!(!can_cast(&s1, &ScalarType::Int64.dtype(), Casting::Unsafe));
        let (_, r) = resolve_cast(&s2, &f8).unwrap().unwrap();
        assert_eq!(r.casting, Casting::SameKind);
    }

    #[test]
    fn cast_loops_rescale_and_fail_on_a_zero_factor() {
        let (m, r) = resolve_cast(&sfloat(2.0), &sfloat(0.5)).unwrap().unwrap();
        let f = m.get_loop(&r.descrs).unwrap();
        let src = [1.0f64, -3.0];
        let mut dst = [0.0f64; 2];
        let p = [src.as_ptr() as *mut u8, dst.as_mut_ptr() as *mut u8];
        f(&p, &[8, 8], 2).unwrap();
        assert_eq!(dst, [4.0, -12.0]);
        let (m, r) = resolve_cast(&sfloat(0.0), &sfloat(1.0)).unwrap().unwrap();
        let f = m.get_loop(&r.descrs).unwrap();
        assert!(matches!(f(&p, &[8, 8], 2), Err(Error::Type(_))));
    }

    #[test]
    fn ordering_uses_the_scale() {
        let cmp = sfloat(-1.0).compare().unwrap();
        let v = [1.0f64, 2.0];
        let p = |i: usize| &v[i] as *const f64 as *const u8;
        assert_eq!(cmp(p(0), p(1)), Ordering::Greater);
    }
}
