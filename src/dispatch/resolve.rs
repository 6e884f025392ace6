//! Type resolution: from the operands' dtypes (and Python scalars, which are weak under NEP 50)
//! to one loop of a ufunc, as NumPy's promotion plus its linear loop search.

use super::{Loop, Resolver, Ufunc};
use crate::dtype::promote::{can_cast_safe, promote_scalar, promote_weak, WeakKind};
use crate::dtype::ScalarType;
use crate::error::{Error, Result};

/// What resolution needs to know of an operand.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OpKind {
    Strong(ScalarType),
    Weak(WeakKind),
}

/// The common type of the operands (NumPy 2 promotion, weak Python scalars).
pub fn common_type(ops: &[OpKind]) -> ScalarType {
    let mut strong: Option<ScalarType> = None;
    for o in ops {
        if let OpKind::Strong(st) = o {
            strong = Some(strong.map_or(*st, |s| promote_scalar(s, *st)));
        }
    }
    let weak_max = ops
        .iter()
        .filter_map(|o| {
            if let OpKind::Weak(w) = o {
                Some(*w)
            } else {
                None
            }
        })
        .max();
    match (strong, weak_max) {
        (Some(s), None) => s,
        (Some(s), Some(_)) => {
            let mut st = s;
            for o in ops {
                if let OpKind::Weak(w) = o {
                    st = promote_weak(st, *w);
                }
            }
            st
        }
        (None, Some(w)) => w.default_type(),
        (None, None) => ScalarType::Float64,
    }
}

/// Pick the loop for these operands. `dtype` forces the loop's output type.
pub fn resolve<'u>(u: &'u Ufunc, ops: &[OpKind], dtype: Option<ScalarType>) -> Result<&'u Loop> {
    if let Resolver::NoBool(msg) = u.resolver {
        let all_bool = ops.iter().all(|o| {
            matches!(
                o,
                OpKind::Strong(ScalarType::Bool) | OpKind::Weak(WeakKind::Bool)
            )
        });
        if all_bool {
            // NumPy's own message for `-` on bools is a plain TypeError; the others are its
            // no-loop error.
            return Err(if msg.contains("did not contain a loop") {
                Error::NoLoop(msg.to_string())
            } else {
                Error::Type(msg.to_string())
            });
        }
    }
    if let Resolver::Unsupported(msg) = u.resolver {
        return Err(Error::Type(msg.to_string()));
    }
    if u.resolver == Resolver::Families {
        let dtypes: Vec<crate::dtype::DType> = ops
            .iter()
            .map(|o| match o {
                OpKind::Strong(st) => st.dtype(),
                OpKind::Weak(w) => w.default_type().dtype(),
            })
            .collect();
        return Err(super::methods::no_loop(u, &dtypes));
    }
    if u.resolver == Resolver::PerOperand {
        // NumPy's legacy linear search: when the arrays' highest kind (bool < int < float <
        // complex) reaches the Python scalars' one, a Python int may become any number type and
        // a Python float any inexact type (values are checked later); otherwise Python scalars
        // count as their default types.
        let kind = |st: ScalarType| match st.kind() {
            'b' => 0,
            'i' | 'u' => 1,
            'f' => 2,
            _ => 3,
        };
        let weak_kind = |w: WeakKind| kind(w.default_type());
        let max_array = ops
            .iter()
            .filter_map(|o| match o {
                OpKind::Strong(st) => Some(kind(*st)),
                OpKind::Weak(WeakKind::Bool) => Some(0),
                OpKind::Weak(_) => None,
            })
            .max();
        let max_scalar = ops
            .iter()
            .filter_map(|o| match o {
                OpKind::Weak(w) if *w != WeakKind::Bool => Some(weak_kind(*w)),
                _ => None,
            })
            .max()
            .unwrap_or(-1);
        let min_scalar = max_array.is_some_and(|m| m >= max_scalar);
        let fits = |o: &OpKind, t: ScalarType| match o {
            OpKind::Strong(st) => can_cast_safe(*st, t),
            OpKind::Weak(WeakKind::Bool) => can_cast_safe(ScalarType::Bool, t),
            OpKind::Weak(w) if min_scalar => kind(t) >= weak_kind(*w),
            OpKind::Weak(w) => can_cast_safe(w.default_type(), t),
        };
        if let Some(l) = u
            .loops
            .iter()
            .find(|l| ops.iter().zip(l.ins.iter()).all(|(o, t)| fits(o, *t)))
        {
            return Ok(l);
        }
        return Err(no_loop(u, ops));
    }
    if let Some(dt) = dtype {
        // `dtype=` fixes the output type; the inputs must reach the loop's inputs safely.
        let common = common_type(ops);
        if let Some(l) = u
            .loops
            .iter()
            .find(|l| l.outs[0] == dt && l.ins.iter().all(|t| can_cast_safe(common, *t)))
        {
            return Ok(l);
        }
        if let Some(l) = u.loops.iter().find(|l| l.outs[0] == dt) {
            return Ok(l);
        }
        if UNIFORM.contains(&u.name) {
            let ins: Vec<Option<OpKind>> = ops.iter().copied().map(Some).collect();
            return Err(no_loop_classes(u, &ins, Some(dt)));
        }
        bail!(
            Casting,
            "No loop matching the specified signature and casting was found for ufunc {}",
            u.name
        );
    }
    if u.reduce_kind == super::ReduceKind::OnBools && ops.windows(2).any(|w| w[0] != w[1]) {
        // NumPy's logical ufuncs have loops for equal input types only; other inputs (a
        // Python scalar among them) go to the bool loop, each cast to bool on its own.
        if let Some(l) = u
            .loops
            .iter()
            .find(|l| l.ins.iter().all(|t| *t == ScalarType::Bool))
        {
            return Ok(l);
        }
    }
    let common = match u.resolver {
        Resolver::IntToFloat64
            if ops.iter().all(|o| match o {
                OpKind::Strong(st) => matches!(st.kind(), 'b' | 'i' | 'u'),
                OpKind::Weak(w) => *w <= WeakKind::Int,
            }) =>
        {
            ScalarType::Float64
        }
        _ => common_type(ops),
    };
    // Arrays of different types are matched one by one, as NumPy's legacy search does (int8
    // and uint8 both reach a float16 loop, though their common type int16 does not; int64
    // and uint64 meet in the comparisons' exact mixed loops).
    let mixed = ops.windows(2).any(|w| w[0] != w[1]);
    if mixed
        && u.resolver == Resolver::Default
        && ops.iter().all(|o| matches!(o, OpKind::Strong(_)))
    {
        let found = u.loops.iter().find(|l| {
            ops.iter().zip(l.ins.iter()).all(|(o, t)| match o {
                OpKind::Strong(st) => can_cast_safe(*st, *t),
                OpKind::Weak(_) => false,
            })
        });
        if let Some(l) = found {
            return Ok(l);
        }
    }
    // The loops are in NumPy's (increasing) type order, so a loop of exactly the common type is
    // the first one it casts to safely: look for it directly, then search.
    if let Some(l) = u.loops.iter().find(|l| l.ins.iter().all(|t| *t == common)) {
        return Ok(l);
    }
    for l in &u.loops {
        if l.ins.iter().all(|t| can_cast_safe(common, *t)) {
            return Ok(l);
        }
    }
    Err(no_loop(u, ops))
}

/// The ufuncs NumPy resolves with its uniform-operation type resolver: the operands' common
/// type is taken without looking at the loops, so a missing loop is its no-loop error
/// (UFuncTypeError) naming the operands' DType classes, not the legacy search's TypeError.
const UNIFORM: &[&str] = &[
    "clip", "fmax", "fmin", "gcd", "lcm", "matmul", "matvec", "maximum", "minimum", "positive",
    "vecdot", "vecmat",
];

/// NumPy's name of an operand's DType class in its no-loop error: a Python scalar is its
/// abstract DType.
fn class_of(o: &OpKind) -> String {
    let name = match o {
        OpKind::Strong(st) => st.class_name(),
        OpKind::Weak(WeakKind::Bool) => "BoolDType",
        OpKind::Weak(WeakKind::Int) => "_PyLongDType",
        OpKind::Weak(WeakKind::Float) => "_PyFloatDType",
        OpKind::Weak(WeakKind::Complex) => "_PyComplexDType",
    };
    format!("<class 'numpy.dtypes.{name}'>")
}

/// NumPy's no-loop error: "ufunc 'lcm' did not contain a loop with signature matching types
/// (A, B) -> C", the inputs' classes (`None` for one not given) and the fixed output's.
fn no_loop_classes(u: &Ufunc, ins: &[Option<OpKind>], out: Option<ScalarType>) -> Error {
    let name = |o: &Option<OpKind>| o.as_ref().map_or("None".to_string(), class_of);
    let ins = if ins.len() == 1 {
        name(&ins[0])
    } else {
        format!("({})", ins.iter().map(name).collect::<Vec<_>>().join(", "))
    };
    let out = out.map_or("None".to_string(), |t| class_of(&OpKind::Strong(t)));
    Error::NoLoop(format!(
        "ufunc '{}' did not contain a loop with signature matching types {ins} -> {out}",
        u.name
    ))
}

/// The loop a reduction (reduce, accumulate, reduceat) of `input` runs in `acc`, its
/// accumulation type; `dtype` as given. A missing loop of a uniform-resolver ufunc is NumPy's
/// no-loop error in its reduction form, `(dtype, input) -> dtype`.
pub fn resolve_reduce(
    u: &Ufunc,
    acc: ScalarType,
    input: ScalarType,
    dtype: Option<ScalarType>,
) -> Result<&Loop> {
    resolve(u, &[OpKind::Strong(acc), OpKind::Strong(acc)], None).map_err(|e| {
        if UNIFORM.contains(&u.name) {
            let given = dtype.map(OpKind::Strong);
            no_loop_classes(u, &[given, Some(OpKind::Strong(input))], dtype)
        } else {
            e
        }
    })
}

fn no_loop(u: &Ufunc, ops: &[OpKind]) -> Error {
    if UNIFORM.contains(&u.name) {
        let ins: Vec<Option<OpKind>> = ops.iter().copied().map(Some).collect();
        return no_loop_classes(u, &ins, None);
    }
    Error::Casting(format!(
        "ufunc '{}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
        u.name
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::find;

    #[test]
    fn nep50_and_linear_search() {
        let add = find("add").unwrap();
        let l = resolve(
            add,
            &[
                OpKind::Strong(ScalarType::Int8),
                OpKind::Weak(WeakKind::Int),
            ],
            None,
        )
        .unwrap();
        assert_eq!(l.signature(), "bb->b");
        let l = resolve(
            add,
            &[
                OpKind::Strong(ScalarType::Int8),
                OpKind::Weak(WeakKind::Float),
            ],
            None,
        )
        .unwrap();
        assert_eq!(l.signature(), "dd->d");
        let sqrt = find("sqrt").unwrap();
        let l = resolve(sqrt, &[OpKind::Strong(ScalarType::Int8)], None).unwrap();
        assert_eq!(l.signature(), "e->e");
        let div = find("divide").unwrap();
        let l = resolve(
            div,
            &[
                OpKind::Strong(ScalarType::Int8),
                OpKind::Strong(ScalarType::Int8),
            ],
            None,
        )
        .unwrap();
        assert_eq!(l.signature(), "dd->d");
        let band = find("bitwise_and").unwrap();
        assert!(resolve(
            band,
            &[
                OpKind::Strong(ScalarType::Float64),
                OpKind::Strong(ScalarType::Float64)
            ],
            None
        )
        .is_err());
    }

    #[test]
    fn missing_loops_by_numpy_resolver() {
        let f64_int = [
            OpKind::Strong(ScalarType::Float64),
            OpKind::Weak(WeakKind::Int),
        ];
        // The legacy search (bitwise_and): a plain TypeError.
        let band = find("bitwise_and").unwrap();
        assert!(matches!(
            resolve(band, &f64_int, None),
            Err(Error::Casting(_))
        ));
        // The uniform-operation resolver (lcm): the no-loop error naming DType classes, a
        // Python int as NumPy's abstract one.
        let lcm = find("lcm").unwrap();
        let Err(Error::NoLoop(m)) = resolve(lcm, &f64_int, None) else {
            panic!("lcm(float64, int) must be the no-loop error");
        };
        assert_eq!(
            m,
            "ufunc 'lcm' did not contain a loop with signature matching types (<class 'numpy.dtypes.Float64DType'>, <class 'numpy.dtypes._PyLongDType'>) -> None"
        );
        let Err(Error::NoLoop(m)) =
            resolve_reduce(lcm, ScalarType::Float64, ScalarType::Float64, None)
        else {
            panic!("lcm.reduce(float64) must be the no-loop error");
        };
        assert!(
            m.ends_with("(None, <class 'numpy.dtypes.Float64DType'>) -> None"),
            "{m}"
        );
        let Err(Error::NoLoop(m)) = resolve(
            lcm,
            &[
                OpKind::Strong(ScalarType::Int64),
                OpKind::Weak(WeakKind::Int),
            ],
            Some(ScalarType::Float32),
        ) else {
            panic!("lcm(int64, int, dtype=float32) must be the no-loop error");
        };
        assert!(m.ends_with("-> <class 'numpy.dtypes.Float32DType'>"), "{m}");
        // An integer loop still resolves.
        let l = resolve(lcm, &[OpKind::Strong(ScalarType::Int8); 2], None).unwrap();
        assert_eq!(l.signature(), "bb->b");
    }
}
