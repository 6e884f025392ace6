//! Ufunc loops of dtype families beyond the built-in numbers: ArrayMethods registered per
//! ufunc and signature of families, and their resolution (NEP 43's dispatch and promotion).
//!
//! The built-in numeric loops keep their table (`table.rs`) and their direct path in `exec`;
//! a call takes this path when an operand's dtype is an extension family
//! (`dtype::method::is_extension`). Resolution: the method registered for the inputs'
//! families exactly; otherwise the inputs promote to one descriptor (the families'
//! `common_with` hooks) and the method for that family is used, the other inputs cast to the
//! common descriptor. The method resolves the loop's descriptors, and the casts of inputs and
//! outputs to and from them are checked under the call's casting rule.

use std::sync::{Arc, RwLock};

use smallvec::SmallVec;

use super::Ufunc;
use crate::array::{dtype_str, NdArray, Order};
use crate::dtype::method::{ArrayMethod, Family, FamilyLoop, MethodFlags, StridedLoop};
use crate::dtype::promote::{can_cast, promote_types, Casting};
use crate::dtype::DType;
use crate::error::{Error, Result};

/// The loops by ufunc name and input families.
type Registry = std::collections::HashMap<(&'static str, SmallVec<[Family; 3]>), FamilyLoop>;

static REGISTRY: std::sync::LazyLock<RwLock<Registry>> =
    std::sync::LazyLock::new(|| RwLock::new(Registry::new()));

/// Register a family's ufunc loops. A second loop for the same ufunc and input families is
/// refused (NumPy: a loop may be registered once).
pub fn register(loops: Vec<FamilyLoop>) -> Result<()> {
    let mut reg = REGISTRY.write().unwrap_or_else(|p| p.into_inner());
    for l in loops {
        ensure!(
            super::find(l.ufunc).is_some(),
            Value,
            "no ufunc named '{}' to register the loop {} on",
            l.ufunc,
            l.method.name()
        );
        let key = (l.ufunc, l.ins.clone());
        if reg.contains_key(&key) {
            bail!(
                Runtime,
                "A loop for ufunc '{}' and these DTypes has already been registered",
                l.ufunc
            );
        }
        reg.insert(key, l);
    }
    Ok(())
}

/// The loops of the families rumpy provides, registered on first use.
fn provided() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Each family's list names existing ufuncs once: registering cannot fail.
        let _ = register(crate::dtype::text::loops());
        let _ = register(crate::dtype::object::loops());
        let _ = register(crate::dtype::time::loops());
        let _ = register(crate::dtype::vstring::loops());
        let _ = register(crate::dtype::strfuncs::loops());
        let _ = register(crate::dtype::longdouble::loops(|name| {
            super::find(name).is_some()
        }));
    });
}

fn lookup(ufunc: &str, ins: &[Family]) -> Option<Arc<dyn ArrayMethod>> {
    provided();
    let reg = REGISTRY.read().unwrap_or_else(|p| p.into_inner());
    // The key's name borrows the caller's: the names registered are the ufuncs' own.
    let name = super::find(ufunc)?.name;
    reg.get(&(name, SmallVec::from_slice(ins)))
        .map(|r| r.method.clone())
}

/// The inputs' descriptors as a family's promoter gives them to its loops (NumPy's
/// promoters: `m8 * int32` runs the `(m8, int64)` loop), asked of each extension input.
fn promoted(ufunc: &str, dtypes: &[DType]) -> Option<SmallVec<[DType; 3]>> {
    dtypes
        .iter()
        .filter(|d| crate::dtype::method::is_extension(d))
        .find_map(|d| d.0.promoter(ufunc, dtypes))
}

/// A method and the descriptors its inputs are given as.
type Chosen = (Arc<dyn ArrayMethod>, SmallVec<[DType; 3]>);

/// The loop of the family the inputs promote to, the other inputs given as the common
/// descriptor (they will be cast).
fn common_loop(u: &Ufunc, dtypes: &[DType]) -> Result<Chosen> {
    let no_loop = || no_loop(u, dtypes);
    let mut common = dtypes[0].clone();
    for d in &dtypes[1..] {
        common = promote_types(&common, d).map_err(|_| no_loop())?;
    }
    if !common.flags().promotes && dtypes.iter().any(|d| d.family() != common.family()) {
        return Err(no_loop());
    }
    let fam: SmallVec<[Family; 3]> = dtypes.iter().map(|_| common.family()).collect();
    let m = lookup(u.name, &fam).ok_or_else(no_loop)?;
    let given = dtypes
        .iter()
        .map(|d| {
            if d.family() == common.family() {
                d.clone()
            } else {
                common.clone()
            }
        })
        .collect();
    Ok((m, given))
}

/// The operand mixes NumPy refuses before any loop or promoter is asked: StringDType beside
/// an object array or (for the extrema) beside other text is its no-loop error, and a
/// datetime beside a timedelta in the extrema its cast of the second input to the first's
/// type under the casting rule.
fn refused(u: &Ufunc, dtypes: &[DType], casting: Casting) -> Result<()> {
    let kinds: SmallVec<[char; 3]> = dtypes.iter().map(|d| d.kind()).collect();
    let has = |k: char| kinds.contains(&k);
    let extrema = matches!(u.name, "maximum" | "minimum" | "fmax" | "fmin");
    let logical = u.reduce_kind == super::ReduceKind::OnBools;
    let string_mix = has('T')
        && ((has('O') && !COMPARISONS.contains(&u.name) && !logical)
            || (extrema && kinds.iter().any(|k| *k != 'T')));
    if string_mix {
        return Err(no_loop(u, dtypes));
    }
    if extrema && dtypes.len() == 2 && has('M') && has('m') && casting != Casting::Unsafe {
        bail!(
            InputCasting,
            "Cannot cast ufunc '{}' input 1 from dtype('{}') to dtype('{}') with casting rule '{}'",
            u.name,
            dtypes[1].typestr(),
            dtypes[0].typestr(),
            casting.name()
        );
    }
    Ok(())
}

/// A resolved family call: the inputs in the loop's descriptors, the outputs' descriptors,
/// the loop and its flags.
pub(crate) struct Prepared {
    pub ins: SmallVec<[NdArray; 3]>,
    pub outs: SmallVec<[DType; 2]>,
    pub run: StridedLoop,
    pub flags: MethodFlags,
}

/// Resolve and prepare a call whose operands include an extension family. Nothing is written.
pub(crate) fn prepare(
    u: &Ufunc,
    inputs: &[NdArray],
    outs: &[Option<NdArray>],
    casting: Casting,
) -> Result<Prepared> {
    let dtypes: SmallVec<[DType; 3]> = inputs.iter().map(|a| a.dtype().clone()).collect();
    refused(u, &dtypes, casting)?;
    let families: SmallVec<[Family; 3]> = dtypes.iter().map(|d| d.family()).collect();
    // NumPy's divisions of a datetime or timedelta by an object array run the object loop.
    let object_first =
        matches!(u.name, "divide" | "floor_divide") && dtypes.iter().any(|d| d.kind() == 'O');
    let (method, given): (_, SmallVec<[DType; 3]>) = match lookup(u.name, &families) {
        Some(m) => (m, dtypes.clone()),
        None if object_first => common_loop(u, &dtypes)?,
        None => match promoted(u.name, &dtypes) {
            Some(given) => {
                let fam: SmallVec<[Family; 3]> = given.iter().map(|d| d.family()).collect();
                let m = lookup(u.name, &fam).ok_or_else(|| no_loop(u, &dtypes))?;
                (m, given)
            }
            None => common_loop(u, &dtypes)?,
        },
    };
    let given_outs: SmallVec<[Option<DType>; 2]> = (0..u.nout)
        .map(|k| {
            outs.get(k)
                .and_then(|o| o.as_ref())
                .map(|o| o.dtype().clone())
        })
        .collect();
    let resolved = method.resolve_descriptors(&given, &given_outs)?;
    // NumPy's loops making datetimes or text do not take an object output: their descriptor
    // resolution refuses it.
    for (k, o) in given_outs.iter().enumerate() {
        let made = resolved.descrs.get(u.nin + k);
        if let (Some(o), Some(made)) = (o, made) {
            ensure!(
                o.kind() != 'O' || !matches!(made.kind(), 'M' | 'm' | 'U' | 'S' | 'T'),
                Type,
                "cannot cast dtype object to <class 'numpy.dtypes.{}'>.",
                made.class_name()
            );
        }
    }
    ensure!(
        resolved.descrs.len() == u.nin + u.nout,
        Value,
        "the loop {} resolved {} descriptors for {} operands",
        method.name(),
        resolved.descrs.len(),
        u.nin + u.nout
    );
    // Inputs in the loop's descriptors.
    let mut ins: SmallVec<[NdArray; 3]> = SmallVec::new();
    for (k, a) in inputs.iter().enumerate() {
        let want = &resolved.descrs[k];
        if a.dtype() == want {
            ins.push(a.clone());
            continue;
        }
        ensure!(
            can_cast(a.dtype(), want, casting),
            InputCasting,
            "Cannot cast ufunc '{}' input {} from {} to {} with casting rule '{}'",
            u.name,
            k,
            dtype_str(a.dtype()),
            dtype_str(want),
            casting.name()
        );
        ins.push(a.astype(want, Order::K)?);
    }
    // Given outputs receive the loop's results under the casting rule.
    for (k, o) in outs.iter().enumerate().take(u.nout) {
        if let Some(o) = o {
            let ot = &resolved.descrs[u.nin + k];
            ensure!(
                o.dtype() == ot || can_cast(ot, o.dtype(), casting),
                OutputCasting,
                "Cannot cast ufunc '{}' output from {} to {} with casting rule '{}'",
                u.name,
                dtype_str(ot),
                dtype_str(o.dtype()),
                casting.name()
            );
        }
    }
    // The loop's own casting (a rescaling inside it) under the rule, once the operands'
    // casts have been checked.
    ensure!(
        resolved.casting <= casting,
        Casting,
        "The ufunc implementation for {} with the given dtype signature is not possible under the casting rule '{}'",
        u.name,
        casting.name()
    );
    let run = method.get_loop(&resolved.descrs)?;
    Ok(Prepared {
        ins,
        outs: resolved.descrs[u.nin..].iter().cloned().collect(),
        run,
        flags: method.flags(),
    })
}

/// The ufuncs whose NumPy type resolution reports a missing loop as its no-loop error
/// (UFuncTypeError); the others fall back to NumPy's legacy search, whose failure is a plain
/// TypeError.
const NO_LOOP_ERROR: &[&str] = &[
    "absolute",
    "add",
    "clip",
    "equal",
    "fmax",
    "fmin",
    "gcd",
    "greater",
    "greater_equal",
    "lcm",
    "less",
    "less_equal",
    "matmul",
    "matvec",
    "maximum",
    "minimum",
    "multiply",
    "negative",
    "not_equal",
    "positive",
    "sign",
    "subtract",
    "vecdot",
    "vecmat",
];

pub(crate) fn no_loop(u: &Ufunc, dtypes: &[DType]) -> Error {
    let kinds: Vec<char> = dtypes.iter().map(|d| d.kind()).collect();
    let text = kinds.iter().any(|k| matches!(k, 'U' | 'S'));
    let has = |k: char| kinds.contains(&k);
    if u.name == "multiply" && text && kinds.iter().any(|k| matches!(k, 'i' | 'u' | 'M' | 'm')) {
        return Error::Type("The 'out' kwarg is necessary when using the string multiply ufunc directly. Use numpy.strings.multiply to multiply strings without specifying 'out'.".into());
    }
    let classes = u.resolver == super::Resolver::Families;
    if has('T') || classes {
        // StringDType and `numpy.strings`' ufuncs are new-style: NumPy names DType classes.
        let names: Vec<String> = dtypes
            .iter()
            .map(|d| format!("<class 'numpy.dtypes.{}'>", d.class_name()))
            .collect();
        let types = if names.len() == 1 {
            names[0].clone()
        } else {
            format!("({})", names.join(", "))
        };
        return Error::NoLoop(format!(
            "ufunc '{}' did not contain a loop with signature matching types {types} -> None",
            u.name
        ));
    }
    // NumPy's datetime-aware resolvers of the arithmetic ufuncs and the comparisons of a
    // datetime with a timedelta, and its resolver of `add` for text of the two kinds, name
    // the operands.
    let time = has('M') || has('m');
    let refused = dtypes.len() == 2
        && ((time && TIME_ARITHMETIC.contains(&u.name))
            || (has('M') && has('m') && COMPARISONS.contains(&u.name))
            || (u.name == "add" && has('U') && has('S')));
    if refused {
        let repr = dtype_repr;
        return Error::BinaryResolution(format!(
            "ufunc '{}' cannot use operands with types {} and {}",
            u.name,
            repr(&dtypes[0]),
            repr(&dtypes[1])
        ));
    }
    if !NO_LOOP_ERROR.contains(&u.name) {
        return Error::Type(format!(
            "ufunc '{}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
            u.name
        ));
    }
    let names: Vec<String> = dtypes
        .iter()
        .map(|d| format!("dtype('{}')", dtype_str(d)))
        .collect();
    Error::NoLoop(format!(
        "ufunc '{}' did not contain a loop with signature matching types ({}) -> None",
        u.name,
        names.join(", ")
    ))
}

/// A dtype as NumPy's messages show it (`repr`): `dtype('<M8[s]')`, `dtype('O')`.
pub(crate) fn dtype_repr(d: &DType) -> String {
    match d.kind() {
        'M' | 'm' => format!("dtype('{}')", d.typestr()),
        'O' => "dtype('O')".to_string(),
        _ => format!("dtype('{}')", dtype_str(d)),
    }
}

/// The comparison ufuncs.
const COMPARISONS: &[&str] = &[
    "equal",
    "not_equal",
    "less",
    "less_equal",
    "greater",
    "greater_equal",
];

/// The ufuncs NumPy resolves with its datetime-aware binary resolvers.
const TIME_ARITHMETIC: &[&str] = &[
    "add",
    "subtract",
    "multiply",
    "divide",
    "floor_divide",
    "remainder",
    "divmod",
];

/// NumPy's error for `ufunc.reduce`/`accumulate` on an array of an extension family: the
/// family's loop resolves to descriptors a reduction cannot use (`add` of text makes longer
/// text), or there is no loop.
pub(crate) fn reduce_error(u: &Ufunc, method: &str, d: &DType) -> Error {
    let fam = d.family();
    let Some(m) = lookup(u.name, &[fam, fam]) else {
        return no_loop(u, &[d.clone(), d.clone()]);
    };
    match m.resolve_descriptors(&[d.clone(), d.clone()], &[None]) {
        Ok(r) => {
            let names: Vec<String> = r
                .descrs
                .iter()
                .map(|d| format!("dtype('{}')", dtype_str(d)))
                .collect();
            Error::Type(format!(
                "the resolved dtypes are not compatible with {}.{}. Resolved ({})",
                u.name,
                method,
                names.join(", ")
            ))
        }
        Err(e) => e,
    }
}

/// The array in the machine's byte order (the family's loops resolve native descriptors)
/// and the family's loop for folding it, which must keep its descriptor (`add` of text
/// makes longer text: NumPy's error for `method`).
fn folding_loop(u: &Ufunc, a: &NdArray, method: &str) -> Result<(NdArray, StridedLoop)> {
    ensure!(
        u.nin == 2 && u.nout == 1,
        Value,
        "{method} only supported for binary functions"
    );
    let a = if a.dtype().is_native() {
        a.clone()
    } else {
        a.astype(&a.dtype().to_native(), Order::K)?
    };
    let d = a.dtype().clone();
    let fam = d.family();
    let m = lookup(u.name, &[fam, fam]).ok_or_else(|| no_loop(u, &[d.clone(), d.clone()]))?;
    let r = m.resolve_descriptors(&[d.clone(), d.clone()], &[None])?;
    if r.descrs.iter().any(|x| x != &d) {
        if d.kind() == 'T' && COMPARISONS.contains(&u.name) {
            // NumPy's StringDType comparison promoter meets the bool result as an input.
            return Err(Error::NoLoop(format!(
                "ufunc '{}' did not contain a loop with signature matching types (<class 'numpy.dtypes.BoolDType'>, <class 'numpy.dtypes.StringDType'>) -> None",
                u.name
            )));
        }
        return Err(reduce_error(u, method, &d));
    }
    Ok((a, m.get_loop(&r.descrs)?))
}

/// `ufunc.reduce` over `axes` of an array of an extension family whose loop keeps its
/// descriptor (object `add`, `maximum`, ...). NumPy's order: a ufunc with an identity starts
/// every result from it and folds the items in memory order (a line along the accumulator
/// in one call of the loop, which may sum it pairwise; other axes item by item), except on
/// objects, whose results start from the first item and fold the others in, in order;
/// `identity` also fills results over empty axes.
pub(crate) fn reduce_family(
    u: &Ufunc,
    a: &NdArray,
    axes: &[usize],
    keepdims: bool,
    identity: Option<crate::dtype::Num>,
    initial: Option<&NdArray>,
) -> Result<NdArray> {
    let (a, run) = folding_loop(u, a, "reduce")?;
    let a = &a;
    let d = a.dtype().clone();
    let kept: Vec<usize> = (0..a.ndim()).filter(|k| !axes.contains(k)).collect();
    let out_shape: Vec<usize> = kept.iter().map(|&k| a.shape()[k]).collect();
    let len: usize = axes.iter().map(|&k| a.shape()[k]).product();
    let identity = identity.filter(|_| d.0.takes_identity());
    let by_identity = identity.filter(|_| !d.flags().needs_api && len > 0);
    let out = if let Some(id) = by_identity {
        let st = match id {
            crate::dtype::Num::B(_) => crate::dtype::ScalarType::Bool,
            _ => crate::dtype::ScalarType::Int64,
        };
        let kshape: Vec<usize> = (0..a.ndim())
            .map(|k| if axes.contains(&k) { 1 } else { a.shape()[k] })
            .collect();
        let acc = NdArray::zeros(&kshape, &d, Order::C)?;
        acc.assign(&super::exec::scalar_to_array(id, st)?)?;
        let rstrides: Vec<isize> = (0..a.ndim())
            .map(|k| {
                if axes.contains(&k) {
                    0
                } else {
                    acc.strides()[k]
                }
            })
            .collect();
        let failed = std::sync::Mutex::new(None);
        crate::loops::for_each_line_n(
            a.shape(),
            &[&rstrides, a.strides()],
            &[acc.data_ptr(), a.data_ptr()],
            1,
            false,
            |p, s, n| {
                if failed.lock().is_ok_and(|f| f.is_some()) {
                    return;
                }
                // The accumulator is input and output (stride 0 along a folded line).
                match run(&[p[0], p[1], p[0]], &[s[0], s[1], s[0]], n) {
                    Ok(st) => crate::dtype::method::status::raise(st),
                    Err(e) => {
                        if let Ok(mut f) = failed.lock() {
                            *f = Some(e);
                        }
                    }
                }
            },
        );
        if let Some(e) = failed.into_inner().ok().flatten() {
            return Err(e);
        }
        acc.reshape(
            &out_shape.iter().map(|&x| x as isize).collect::<Vec<_>>(),
            Order::C,
        )?
    } else if let Some(start) = initial {
        // Every result starts from the initial value and folds its line in order.
        let out = NdArray::zeros(&out_shape, &d, Order::C)?;
        out.assign(start)?;
        if len > 0 {
            let mut perm = kept.clone();
            perm.extend_from_slice(axes);
            let lines = a.transpose(Some(&perm))?.copy(Order::C)?;
            let isz = d.itemsize() as isize;
            for i in 0..out.size() {
                let acc = out.data_ptr().wrapping_add(i * isz as usize);
                let line = lines.data_ptr().wrapping_add(i * len * isz as usize);
                run(&[acc, line, acc], &[0, isz, 0], len)?;
            }
        }
        out
    } else if len == 0 {
        let Some(id) = identity else {
            bail!(
                Value,
                "zero-size array to reduction operation {} which has no identity",
                u.name
            );
        };
        let st = match id {
            crate::dtype::Num::B(_) => crate::dtype::ScalarType::Bool,
            _ => crate::dtype::ScalarType::Int64,
        };
        let v = super::exec::scalar_to_array(id, st)?;
        let out = NdArray::zeros(&out_shape, &d, Order::C)?;
        out.assign(&v)?;
        out
    } else {
        // The reduced axes last, each line one result's items, in a copy of its own.
        let mut perm = kept.clone();
        perm.extend_from_slice(axes);
        let lines = a.transpose(Some(&perm))?;
        let lines = if lines.is_c_contiguous() {
            lines
        } else {
            lines.copy(Order::C)?
        };
        let out = NdArray::zeros(&out_shape, &d, Order::C)?;
        let copy = crate::dtype::cast::Transfer::new(&d, &d)?;
        let isz = d.itemsize();
        for i in 0..out.size() {
            let acc = out.data_ptr().wrapping_add(i * isz);
            let line = lines.data_ptr().wrapping_add(i * len * isz);
            // SAFETY: item i of `out` and line i of `lines` (len items), both C-contiguous.
            unsafe { copy.run(line, 0, acc, 0, 1) }?;
            // One call folds the line: the accumulator is input and output at stride 0 (the
            // loops run in index order, reading an item's inputs before writing it).
            if len > 1 {
                let step = isz as isize;
                run(&[acc, line.wrapping_add(isz), acc], &[0, step, 0], len - 1)?;
            }
        }
        out
    };
    if keepdims {
        let shape: Vec<isize> = (0..a.ndim())
            .map(|k| {
                if axes.contains(&k) {
                    1
                } else {
                    a.shape()[k] as isize
                }
            })
            .collect();
        return out.reshape(&shape, Order::C);
    }
    Ok(out)
}

/// `ufunc.accumulate` along `axis` of an array of an extension family whose loop keeps its
/// descriptor (timedelta `add`, object `maximum`, ...): out[0] = a[0], then
/// out[i] = op(out[i-1], a[i]) in order along each lane.
pub(crate) fn accumulate_family(u: &Ufunc, a: &NdArray, axis: usize) -> Result<NdArray> {
    let (a, run) = folding_loop(u, a, "accumulate")?;
    let a = &a;
    let d = a.dtype().clone();
    // The axis last, each lane a line of a copy of its own; one thread (object loops hold
    // the GIL).
    let mut perm: Vec<usize> = (0..a.ndim()).filter(|&k| k != axis).collect();
    perm.push(axis);
    let lines = a.transpose(Some(&perm))?.copy(Order::C)?;
    let out = NdArray::zeros(lines.shape(), &d, Order::C)?;
    let len = a.shape()[axis];
    if let Some(count) = lines.size().checked_div(len) {
        let copy = crate::dtype::cast::Transfer::new(&d, &d)?;
        let isz = d.itemsize();
        for l in 0..count {
            let x = lines.data_ptr().wrapping_add(l * len * isz);
            let o = out.data_ptr().wrapping_add(l * len * isz);
            // SAFETY: line l of `lines` and of `out` (len items each, C-contiguous).
            unsafe { copy.run(x, 0, o, 0, 1) }?;
            for i in 1..len {
                let at = |p: *mut u8, k: usize| p.wrapping_add(k * isz);
                run(&[at(o, i - 1), at(x, i), at(o, i)], &[0, 0, 0], 1)?;
            }
        }
    }
    let mut inverse = vec![0; a.ndim()];
    for (k, &p) in perm.iter().enumerate() {
        inverse[p] = k;
    }
    out.transpose(Some(&inverse))?.copy(Order::C)
}

/// Does any operand of a call need the Python API (so the call keeps the GIL)?
pub fn needs_api(inputs: &[super::Input], outs: &[Option<NdArray>]) -> bool {
    let needs = |a: &NdArray| a.dtype().flags().needs_api;
    inputs
        .iter()
        .any(|i| matches!(i, super::Input::Array(a) if needs(a)))
        || outs.iter().flatten().any(needs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::{call, find, Input};
    use crate::dtype::scaled_float::{self, sfloat};
    use crate::dtype::{Bool, ScalarType};

    fn registered() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| register(scaled_float::loops()).unwrap());
    }

    /// An array of the family holding these raw (stored) values.
    fn sf(raw: &[f64], s: f64) -> NdArray {
        let a = NdArray::from_vec(raw.to_vec(), &[raw.len()]).unwrap();
        a.view_with(a.offset(), a.shape().into(), a.strides().into(), sfloat(s))
            .unwrap()
    }

    fn raw(a: &NdArray) -> Vec<f64> {
        let as_f8 = a
            .view_with(
                a.offset(),
                a.shape().into(),
                a.strides().into(),
                ScalarType::Float64.dtype(),
            )
            .unwrap();
        as_f8.to_vec::<f64>()
    }

    fn run(
        name: &str,
        ins: &[NdArray],
        outs: &[Option<NdArray>],
        casting: Casting,
    ) -> Result<NdArray> {
        let ins: Vec<Input> = ins.iter().cloned().map(Input::Array).collect();
        call(find(name).unwrap(), &ins, outs, casting, None, None).map(|(mut r, _)| r.remove(0))
    }

    #[test]
    fn provided_loops_name_existing_ufuncs() {
        for list in [
            crate::dtype::text::loops(),
            crate::dtype::object::loops(),
            crate::dtype::time::loops(),
        ] {
            for l in list {
                assert!(find(l.ufunc).is_some(), "no ufunc {}", l.ufunc);
            }
        }
    }

    #[test]
    fn multiply_computes_the_output_scale() {
        registered();
        let r = run(
            "multiply",
            &[sf(&[1.0, 2.0], 2.0), sf(&[3.0, 4.0], 3.0)],
            &[None],
            Casting::SameKind,
        )
        .unwrap();
        assert_eq!(r.dtype(), &sfloat(6.0));
        assert_eq!(raw(&r), vec![3.0, 8.0]);
    }

    #[test]
    fn add_uses_the_common_instance_and_casting_rules() {
        registered();
        let (a, b) = (sf(&[1.0, 2.0], 1.0), sf(&[1.0, 1.0], 2.0));
        let r = run("add", &[a.clone(), b.clone()], &[None], Casting::SameKind).unwrap();
        assert_eq!(r.dtype(), &sfloat(2.0));
        assert_eq!(raw(&r), vec![1.5, 2.0]);
        // Different scales rescale inside the loop: not allowed under 'safe'.
        let e = run("add", &[a.clone(), b.clone()], &[None], Casting::Safe);
        assert!(matches!(e, Err(Error::Casting(_))));
        assert!(run("add", &[a.clone(), a.clone()], &[None], Casting::No).is_ok());
        // A given output: the loop writes in its scale.
        let out = sf(&[0.0, 0.0], 4.0);
        run(
            "add",
            &[a.clone(), b],
            &[Some(out.clone())],
            Casting::SameKind,
        )
        .unwrap();
        assert_eq!(raw(&out), vec![0.75, 1.0]);
    }

    #[test]
    fn float64_promotes_into_the_family() {
        registered();
        let f = NdArray::from_vec(vec![4.0f64, 8.0], &[2]).unwrap();
        let r = run(
            "add",
            &[sf(&[1.0, 1.0], 2.0), f.clone()],
            &[None],
            Casting::SameKind,
        )
        .unwrap();
        assert_eq!(r.dtype(), &sfloat(2.0));
        assert_eq!(raw(&r), vec![3.0, 5.0]);
        // A Python float is a float64 here.
        let ins = [
            Input::Array(sf(&[1.0], 2.0)),
            Input::Weak(
                crate::dtype::Num::F(2.0),
                crate::dtype::promote::WeakKind::Float,
            ),
        ];
        let (r, _) = call(
            find("add").unwrap(),
            &ins,
            &[None],
            Casting::SameKind,
            None,
            None,
        )
        .unwrap();
        assert_eq!(raw(&r[0]), vec![2.0]);
        // No common descriptor with int8, and no subtract loop at all.
        let i = NdArray::from_vec(vec![1i8, 2], &[2]).unwrap();
        assert!(matches!(
            run(
                "add",
                &[sf(&[1.0, 1.0], 2.0), i],
                &[None],
                Casting::SameKind
            ),
            Err(Error::NoLoop(_))
        ));
        assert!(matches!(
            run(
                "subtract",
                &[sf(&[1.0], 2.0), sf(&[1.0], 2.0)],
                &[None],
                Casting::SameKind
            ),
            Err(Error::NoLoop(_))
        ));
    }

    #[test]
    fn errors_inside_a_loop_reach_the_caller() {
        registered();
        let zero = sf(&[1.0; 3], 0.0);
        let e = run(
            "add",
            &[zero.clone(), sf(&[1.0; 3], 1.0)],
            &[Some(sf(&[0.0; 3], 1.0))],
            Casting::Unsafe,
        );
        assert_eq!(
            e.err(),
            Some(Error::Type(
                "error raised inside the core-loop: non-finite factor!".into()
            ))
        );
        // In a cast too (astype goes through the family's cast method).
        assert!(matches!(
            zero.astype(&sfloat(1.0), Order::K),
            Err(Error::Type(_))
        ));
    }

    #[test]
    fn casts_through_the_family_hooks() {
        registered();
        let a = sf(&[1.0, -2.5, 0.0], 2.0);
        let f = a.astype(&ScalarType::Float64.dtype(), Order::K).unwrap();
        assert_eq!(raw(&f), vec![2.0, -5.0, 0.0]);
        let b = a.astype(&ScalarType::Bool.dtype(), Order::K).unwrap();
        // SAFETY: a fresh contiguous bool array of 3 items.
        let bytes = unsafe { std::slice::from_raw_parts(b.data_ptr(), 3) }.to_vec();
        assert_eq!(bytes, vec![1, 1, 0]);
        assert!(matches!(
            a.astype(&ScalarType::Int64.dtype(), Order::K),
            Err(Error::Type(_))
        ));
        let back = f.astype(&sfloat(4.0), Order::K).unwrap();
        assert_eq!(raw(&back), vec![0.5, -1.25, 0.0]);
    }

    #[test]
    fn masks_and_broadcasting_apply_to_family_loops() {
        registered();
        let a = sf(&[1.0, 2.0, 3.0], 1.0);
        let out = sf(&[-1.0; 3], 1.0);
        let mask = NdArray::from_vec(vec![Bool(1), Bool(0), Bool(9)], &[3]).unwrap();
        let ins = [Input::Array(a.clone()), Input::Array(a.clone())];
        call(
            find("multiply").unwrap(),
            &ins,
            &[Some(out.clone())],
            Casting::SameKind,
            None,
            Some(&mask),
        )
        .unwrap();
        assert_eq!(raw(&out), vec![1.0, -1.0, 9.0]);
        let col = sf(&[1.0, 10.0], 1.0).reshape(&[2, 1], Order::C).unwrap();
        let r = run("add", &[col, a], &[None], Casting::SameKind).unwrap();
        assert_eq!(r.shape(), &[2, 3]);
        assert_eq!(raw(&r), vec![2.0, 3.0, 4.0, 11.0, 12.0, 13.0]);
    }

    #[test]
    fn a_loop_registers_once() {
        registered();
        let e = register(scaled_float::loops());
        assert!(matches!(e, Err(Error::Runtime(_))));
    }
}
