//! Generalized ufuncs (NEP 20): a signature such as `(n?,k),(k,m?)->(n?,m?)` names the core
//! dimensions each operand ends with; the dimensions before them are loop dimensions, which
//! broadcast as an elementwise ufunc's do. A core loop ([`CoreFn`]) computes one item of the
//! loop dimensions at a time, given the core sizes and each operand's core strides.
//!
//! `?` marks a flexible dimension: an operand with too few dimensions drops it (matmul of a 1-d
//! operand), and outputs drop it too. The loop then sees it as size 1 with stride 0.

use smallvec::SmallVec;

use super::exec::{broadcast_shapes, prepare, Input};
use super::Ufunc;
use crate::array::{shape_repr, NdArray, Order};
use crate::dtype::promote::Casting;
use crate::dtype::{DType, ScalarType};
use crate::error::{Error, Result};

/// One named core dimension of a signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoreDim {
    pub name: String,
    /// A literal size (`(3)`), which operands must have.
    pub size: Option<usize>,
    /// `?`: may be missing from an operand with too few dimensions.
    pub flexible: bool,
}

/// A parsed gufunc signature: the distinct dimensions, and each operand's dimensions (inputs
/// then outputs) as indices into them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoreSignature {
    pub text: String,
    pub dims: Vec<CoreDim>,
    pub ops: Vec<Vec<usize>>,
    pub nin: usize,
}

impl CoreSignature {
    /// One core dimension shared by every input and no core dimension in the outputs (what
    /// `axis=` needs: vecdot's `(n),(n)->()`).
    pub fn single_shared(&self) -> bool {
        self.ops[..self.nin].iter().all(|o| o.len() == 1)
            && self.ops[..self.nin].windows(2).all(|w| w[0] == w[1])
            && self.ops[self.nin..].iter().all(|o| o.is_empty())
    }

    /// Parse NumPy's signature syntax: `(i,j),(j)->(i)`, with `?` for flexible dimensions and
    /// integers for fixed sizes.
    pub fn parse(text: &str) -> Result<CoreSignature> {
        let bad = || Error::Value(format!("not a valid gufunc signature: {text}"));
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let (ins, outs) = compact.split_once("->").ok_or_else(bad)?;
        let mut dims: Vec<CoreDim> = Vec::new();
        let mut ops: Vec<Vec<usize>> = Vec::new();
        let mut nin = 0;
        for (side, part) in [(0, ins), (1, outs)] {
            let mut rest = part;
            loop {
                rest = rest.strip_prefix('(').ok_or_else(bad)?;
                let close = rest.find(')').ok_or_else(bad)?;
                let inner = &rest[..close];
                let mut op = Vec::new();
                for d in inner.split(',').filter(|d| !d.is_empty()) {
                    let (name, flexible) = match d.strip_suffix('?') {
                        Some(n) => (n, true),
                        None => (d, false),
                    };
                    let size = if name.chars().all(|c| c.is_ascii_digit()) {
                        Some(name.parse::<usize>().map_err(|_| bad())?)
                    } else if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        && !name.is_empty()
                    {
                        None
                    } else {
                        return Err(bad());
                    };
                    let idx = match dims.iter().position(|x| x.name == name) {
                        Some(i) => {
                            if dims[i].flexible != flexible {
                                return Err(bad());
                            }
                            i
                        }
                        None => {
                            dims.push(CoreDim {
                                name: name.to_string(),
                                size,
                                flexible,
                            });
                            dims.len() - 1
                        }
                    };
                    op.push(idx);
                }
                ops.push(op);
                if side == 0 {
                    nin += 1;
                }
                rest = &rest[close + 1..];
                if rest.is_empty() {
                    break;
                }
                rest = rest.strip_prefix(',').ok_or_else(bad)?;
            }
        }
        Ok(CoreSignature {
            text: text.to_string(),
            dims,
            ops,
            nin,
        })
    }

    /// Where each operand's core strides start in [`CoreArgs::strides`].
    fn offsets(&self) -> SmallVec<[usize; 4]> {
        let mut o = SmallVec::new();
        let mut k = 0;
        for op in &self.ops {
            o.push(k);
            k += op.len();
        }
        o
    }
}

pub use crate::loops::core_dims::{CoreArgs, CoreFn};

/// The elementwise entry of a generalized ufunc's loop, never called (the core loop runs).
///
/// # Safety
/// None needed: it does nothing.
pub unsafe fn not_elementwise(_: &[*mut u8], _: &[isize], _: usize) -> u32 {
    0
}

/// How the caller placed core dimensions (`axes=`, `axis=`, `keepdims=`).
#[derive(Clone, Debug, Default)]
pub struct CoreAxes {
    /// Per operand (outputs may be left out), the axes holding its core dimensions, in order.
    pub axes: Option<Vec<Vec<isize>>>,
    /// `axis=`: the one shared core dimension of every input.
    pub axis: Option<isize>,
    /// `keepdims=` as given (Some(false) is still checked against the signature, as NumPy).
    pub keepdims: Option<bool>,
    /// `order=`: the memory order of new outputs. 'K' lays their loop dimensions out as the
    /// inputs' (NumPy's iterator rule, `array::k_order_of`), with core dimensions innermost in
    /// C order; 'C' and 'F' apply to the loop and core dimensions together, before `axes=`
    /// moves them.
    pub order: Order,
}

/// The permutation that moves `core` axes (in order) to the end of `ndim` axes.
fn to_end(ndim: usize, core: &[usize]) -> Vec<usize> {
    let mut p: Vec<usize> = (0..ndim).filter(|a| !core.contains(a)).collect();
    p.extend_from_slice(core);
    p
}

fn inverse(p: &[usize]) -> Vec<usize> {
    let mut inv = vec![0; p.len()];
    for (i, &x) in p.iter().enumerate() {
        inv[x] = i;
    }
    inv
}

/// A generalized ufunc's core loop with its context: [`CoreFn`]'s contract, an error raised
/// inside the loop returned (the caller stops at the first).
pub type CoreLoop =
    Box<dyn Fn(&[*mut u8], &[isize], usize, &CoreArgs) -> Result<u32> + Send + Sync>;

/// A resolved gufunc call: the inputs in the loop's descriptors, the outputs' descriptors and
/// the core loop.
pub(crate) struct CorePlan {
    pub ins: SmallVec<[NdArray; 3]>,
    pub outs: SmallVec<[DType; 2]>,
    pub run: CoreLoop,
    /// The loop calls into Python: it runs on the calling thread only.
    pub serial: bool,
}

/// The core loop for the inputs: a built-in numeric loop, or one made from an extension
/// family's `dot` hook ([`super::family_core`]).
fn plan(
    u: &Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
    dtype: Option<ScalarType>,
) -> Result<CorePlan> {
    if super::exec::has_extension(inputs, outs) {
        // StringDType has no core loops, and beside an object array NumPy does not make it
        // objects: its no-loop error.
        let arrays = super::exec::as_arrays(inputs)?;
        if arrays.iter().any(|a| a.dtype().kind() == 'T') {
            let dtypes: Vec<DType> = arrays.iter().map(|a| a.dtype().clone()).collect();
            return Err(super::methods::no_loop(u, &dtypes));
        }
        // dtype= naming a loop of the numbers: the inputs cast to its types, as the casting
        // rule allows (NumPy resolves the loop by dtype= and casts into it).
        if let Some(lp) = dtype.and_then(|t| u.loops.iter().find(|l| l.outs[0] == t)) {
            let cast = super::exec::cast_into_loop(u, &arrays, lp, casting)?;
            if !super::exec::has_extension(&cast, outs) {
                return plan(u, &cast, outs, casting, dtype);
            }
        }
        return super::family_core::plan(u, inputs, outs, casting, dtype);
    }
    let (lp, ins) = prepare(u, inputs, outs, casting, dtype)?;
    let f = lp.core.expect("generalized ufuncs have core loops");
    Ok(CorePlan {
        ins,
        outs: lp.outs.iter().map(|t| t.dtype()).collect(),
        // SAFETY: the closure forwards CoreFn's contract to its caller (`call`).
        run: Box::new(move |p, s, n, a| Ok(unsafe { f(p, s, n, a) })),
        serial: false,
    })
}

/// Call a generalized ufunc. `outs` as for [`super::call`]; returns the outputs and status.
pub fn call(
    u: &Ufunc,
    inputs: &[Input],
    outs: &[Option<NdArray>],
    casting: Casting,
    dtype: Option<ScalarType>,
    placing: &CoreAxes,
) -> Result<(Vec<NdArray>, u32)> {
    let sig = u.core.as_ref().expect("a generalized ufunc");
    let nops = u.nin + u.nout;
    let plan = plan(u, inputs, outs, casting, dtype)?;
    let (ins, core_fn) = (&plan.ins, &plan.run);

    // Which axes hold each operand's core dimensions.
    let mut axes_arg: Option<Vec<Vec<isize>>> = placing.axes.clone();
    if let Some(ax) = placing.axis {
        if axes_arg.is_some() {
            return Err(Error::Type(
                "cannot specify both 'axis' and 'axes'".to_string(),
            ));
        }
        if !sig.single_shared() {
            return Err(Error::Type(format!(
                "{}: axis can only be used with a single shared core dimension, not with the {} signature {}",
                u.name,
                sig.ops.len(),
                sig.text
            )));
        }
        // With keepdims the outputs keep the shared dimension, at the same axis.
        let out_entry = if placing.keepdims == Some(true) {
            vec![ax]
        } else {
            Vec::new()
        };
        let mut v = vec![vec![ax]; u.nin];
        v.extend((0..u.nout).map(|_| out_entry.clone()));
        axes_arg = Some(v);
    }
    let keepdims = placing.keepdims == Some(true);
    if placing.keepdims.is_some() {
        let same_in = sig.ops[..u.nin]
            .windows(2)
            .all(|w| w[0].len() == w[1].len());
        if let Some(k) = (0..u.nout).find(|&k| !sig.ops[u.nin + k].is_empty()) {
            return Err(Error::Type(format!(
                "{} does not support keepdims: its signature {} requires output {} to have {} core dimensions, but keepdims can only be used when all inputs have the same number of core dimensions and all outputs have no core dimensions.",
                u.name,
                sig.text,
                k,
                sig.ops[u.nin + k].len()
            )));
        }
        if !same_in {
            return Err(Error::Type(format!(
                "{} does not support keepdims: its signature {} requires that all inputs have the same number of core dimensions.",
                u.name, sig.text
            )));
        }
    }
    if let Some(a) = &axes_arg {
        let outs_have_core = sig.ops[u.nin..].iter().any(|o| !o.is_empty());
        if a.len() != nops && (a.len() != u.nin || outs_have_core) {
            return Err(Error::Value(format!(
                "axes should be a list with an entry for all {nops} inputs and outputs; entries for outputs can only be omitted if none of them has core axes."
            )));
        }
    }
    // The number of core axes an output has in the caller's layout (keepdims adds the
    // inputs' core dimensions as size 1).
    let keep_n = if keepdims { sig.ops[0].len() } else { 0 };
    // Where a kept output's size-1 axes are, for an output of `nd` dimensions.
    let keep_at = |k: usize, nd: usize| -> Result<Vec<usize>> {
        match axes_arg.as_ref().and_then(|v| v.get(u.nin + k)) {
            Some(ax) if !ax.is_empty() => {
                ax.iter().map(|&x| NdArray::normalize_axis(x, nd)).collect()
            }
            _ => Ok((nd - keep_n..nd).collect()),
        }
    };

    // Inputs with their core axes moved to the end; flexible dimensions dropped where an
    // operand has too few dimensions.
    let mut dropped = vec![false; sig.dims.len()];
    let mut work_ins: SmallVec<[NdArray; 3]> = SmallVec::new();
    for (i, a) in ins.iter().enumerate() {
        let core = &sig.ops[i];
        let mut a = a.clone();
        let mut ncore = core.len();
        if a.ndim() < ncore {
            let nflex = core.iter().filter(|&&d| sig.dims[d].flexible).count();
            if a.ndim() + nflex < ncore || nflex == 0 {
                return Err(Error::Value(format!(
                    "{}: Input operand {} does not have enough dimensions (has {}, gufunc core with signature {} requires {})",
                    u.name,
                    i,
                    a.ndim(),
                    sig.text,
                    ncore - nflex
                )));
            }
            for &d in core {
                if sig.dims[d].flexible {
                    dropped[d] = true;
                }
            }
            ncore -= nflex;
        }
        if let Some(ax) = axes_arg.as_ref().map(|v| &v[i]) {
            if ax.len() != ncore {
                return Err(Error::Axis(format!(
                    "{}: operand {} has {} core dimensions, but axes item {} has {} entries",
                    u.name,
                    i,
                    ncore,
                    i,
                    ax.len()
                )));
            }
            let norm: Vec<usize> = ax
                .iter()
                .map(|&x| NdArray::normalize_axis(x, a.ndim()))
                .collect::<Result<_>>()?;
            if norm.iter().enumerate().any(|(j, x)| norm[..j].contains(x)) {
                return Err(Error::Value(format!(
                    "{}: repeated axis in axes item {}",
                    u.name, i
                )));
            }
            let p = to_end(a.ndim(), &norm);
            a = a.transpose(Some(&p))?;
        }
        work_ins.push(a);
    }

    // An output's axes entry names as many axes as it has core dimensions.
    if !keepdims {
        for k in 0..u.nout {
            let op = u.nin + k;
            if let Some(ax) = axes_arg.as_ref().and_then(|v| v.get(op)) {
                let n = sig.ops[op].iter().filter(|&&d| !dropped[d]).count();
                if ax.len() != n {
                    return Err(Error::Axis(format!(
                        "{}: operand {} has {} core dimensions, but axes item {} has {} entries",
                        u.name,
                        op,
                        n,
                        op,
                        ax.len()
                    )));
                }
            }
        }
    }

    // Core sizes, from the inputs.
    let mut sizes: Vec<Option<usize>> = sig
        .dims
        .iter()
        .enumerate()
        .map(|(d, cd)| if dropped[d] { Some(1) } else { cd.size })
        .collect();
    let kept = |op: usize| -> Vec<usize> {
        sig.ops[op]
            .iter()
            .copied()
            .filter(|&d| !dropped[d])
            .collect()
    };
    for (i, a) in work_ins.iter().enumerate() {
        let k = kept(i);
        let lead = a.ndim() - k.len();
        for (j, &d) in k.iter().enumerate() {
            let got = a.shape()[lead + j];
            match sizes[d] {
                Some(want) if want != got => {
                    return Err(Error::Value(format!(
                        "{}: Input operand {} has a mismatch in its core dimension {}, with gufunc signature {} (size {} is different from {})",
                        u.name, i, j, sig.text, got, want
                    )))
                }
                _ => sizes[d] = Some(got),
            }
        }
    }

    if let Some(f) = u.core_sizes {
        f(&mut sizes);
    }

    // Outputs the caller gave, in working layout (core axes last).
    // The working view of each given output (core axes last).
    let mut work_outs: SmallVec<[Option<NdArray>; 2]> = SmallVec::new();
    for k in 0..u.nout {
        let op = u.nin + k;
        match outs.get(k).and_then(|o| o.as_ref()) {
            Some(o) => {
                let kc = kept(op);
                // keepdims: the caller's output has the kept size-1 axes; work without them.
                let o = &if keepdims {
                    let at = keep_at(k, o.ndim())?;
                    if at.iter().any(|&a| o.shape()[a] != 1) || o.ndim() < keep_n {
                        return Err(Error::Value(format!(
                            "{}: Output operand {} has a mismatch in its core dimension 0, with gufunc signature {} (size {} is different from 1)",
                            u.name, k, sig.text, at.iter().map(|&a| o.shape()[a]).max().unwrap_or(0)
                        )));
                    }
                    let shape: Vec<usize> = (0..o.ndim())
                        .filter(|d| !at.contains(d))
                        .map(|d| o.shape()[d])
                        .collect();
                    o.reshape_view(&shape).ok_or_else(|| {
                        Error::Value("cannot drop the kept dimensions of the output".into())
                    })?
                } else {
                    o.clone()
                };
                let entry = if keepdims {
                    None
                } else {
                    axes_arg.as_ref().and_then(|v| v.get(op))
                };
                let p = match entry {
                    Some(ax) if !ax.is_empty() || !kc.is_empty() => {
                        if ax.len() != kc.len() {
                            return Err(Error::Axis(format!(
                                "{}: operand {} has {} core dimensions, but axes item {} has {} entries",
                                u.name,
                                op,
                                kc.len(),
                                op,
                                ax.len()
                            )));
                        }
                        let norm: Vec<usize> = ax
                            .iter()
                            .map(|&x| NdArray::normalize_axis(x, o.ndim()))
                            .collect::<Result<_>>()?;
                        to_end(o.ndim(), &norm)
                    }
                    _ => (0..o.ndim()).collect(),
                };
                let w = o.transpose(Some(&p))?;
                if w.ndim() < kc.len() {
                    // NumPy first compares the dimensions there are with the leading core
                    // dimensions, and reports a mismatch among them as such.
                    for (j, (&d, &got)) in kc.iter().zip(w.shape()).enumerate() {
                        if let Some(want) = sizes[d].filter(|&want| want != got) {
                            return Err(Error::Value(format!(
                                "{}: Output operand {} has a mismatch in its core dimension {}, with gufunc signature {} (size {} is different from {})",
                                u.name, k, j, sig.text, got, want
                            )));
                        }
                    }
                    return Err(Error::Value(format!(
                        "{}: Output operand {} does not have enough dimensions (has {}, gufunc core with signature {} requires {})",
                        u.name,
                        k,
                        w.ndim(),
                        sig.text,
                        kc.len()
                    )));
                }
                let lead = w.ndim() - kc.len();
                for (j, &d) in kc.iter().enumerate() {
                    let got = w.shape()[lead + j];
                    match sizes[d] {
                        Some(want) if want != got => {
                            return Err(Error::Value(format!(
                                "{}: Output operand {} has a mismatch in its core dimension {}, with gufunc signature {} (size {} is different from {})",
                                u.name, k, j, sig.text, got, want
                            )))
                        }
                        _ => sizes[d] = Some(got),
                    }
                }
                work_outs.push(Some(w));
            }
            None => work_outs.push(None),
        }
    }
    let sizes: Vec<usize> = sizes
        .iter()
        .enumerate()
        .map(|(d, s)| {
            s.ok_or_else(|| {
                Error::Value(format!(
                    "{}: Output operand has core dimension {} unspecified, with gufunc signature {}",
                    u.name, sig.dims[d].name, sig.text
                ))
            })
        })
        .collect::<Result<_>>()?;

    // Loop dimensions: the inputs' leading dimensions broadcast, up to a given output's.
    let lead_of = |a: &NdArray, op: usize| a.shape()[..a.ndim() - kept(op).len()].to_vec();
    let in_leads: Vec<Vec<usize>> = work_ins
        .iter()
        .enumerate()
        .map(|(i, a)| lead_of(a, i))
        .collect();
    let refs: Vec<&[usize]> = in_leads.iter().map(|v| v.as_slice()).collect();
    let mut loop_shape = broadcast_shapes(&refs)?;
    for (k, o) in work_outs.iter().enumerate() {
        if let Some(w) = o {
            let ol = lead_of(w, u.nin + k);
            if ol != loop_shape {
                // NumPy's iterator words these in its own terms.
                let tight = |v: &[usize]| {
                    let parts: Vec<String> = v.iter().map(|d| d.to_string()).collect();
                    format!("({})", parts.join(","))
                };
                match broadcast_shapes(&[&loop_shape, &ol]) {
                    Ok(b) if b == ol => loop_shape = b,
                    _ if ol.len() < loop_shape.len() => {
                        return Err(Error::Value(
                            "output operand requires a reduction along dimension -1, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.".into(),
                        ))
                    }
                    Ok(_) => {
                        let mut full = loop_shape.clone();
                        full.extend(&w.shape()[ol.len()..]);
                        let remapped: Vec<usize> = w.shape().iter().rev().copied().collect();
                        return Err(Error::Value(format!(
                            "non-broadcastable output operand with shape {} [remapped to {}] doesn't match the broadcast shape {}",
                            tight(w.shape()),
                            tight(&remapped),
                            tight(&full)
                        )));
                    }
                    _ => {
                        return Err(Error::Value(format!(
                            "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
                            shape_repr(w.shape()),
                            shape_repr(&loop_shape)
                        )))
                    }
                }
            }
        }
    }
    let core_shape = |op: usize| -> Vec<usize> { kept(op).iter().map(|&d| sizes[d]).collect() };

    // Operands in full working shape (loop + kept core dims), with strides for the walk.
    let full_in: Vec<NdArray> = work_ins
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut shape = loop_shape.clone();
            shape.extend(core_shape(i));
            a.broadcast_to(&shape)
        })
        .collect::<Result<_>>()?;
    let order = match placing.order {
        Order::A => NdArray::any_order(&ins.iter().collect::<Vec<_>>()),
        o => o,
    };
    // 'K': the loop dimensions in the inputs' memory order.
    let nloop = loop_shape.len();
    let k_loop = {
        // The broadcast inputs' strides along the loop dimensions (broadcast ones are 0).
        let st: SmallVec<[&[isize]; 4]> = full_in.iter().map(|a| &a.strides()[..nloop]).collect();
        crate::array::k_order_of(&loop_shape, &st)
    };
    let mut results: SmallVec<[NdArray; 2]> = SmallVec::new();
    let mut write_back: SmallVec<[Option<NdArray>; 2]> = SmallVec::new();
    for k in 0..u.nout {
        let op = u.nin + k;
        let ot = plan.outs[k].clone();
        let mut shape = loop_shape.clone();
        shape.extend(core_shape(op));
        match &work_outs[k] {
            Some(w) => {
                w.check_writeable()?;
                let overlaps = full_in.iter().any(|a| a.may_share_memory(w));
                if w.dtype() != &ot || overlaps {
                    results.push(NdArray::empty(&shape, &ot, Order::C)?);
                    write_back.push(Some(w.clone()));
                } else {
                    results.push(w.clone());
                    write_back.push(None);
                }
            }
            None => {
                results.push(match order {
                    Order::K if shape.iter().product::<usize>() > 0 => {
                        let perm: Vec<usize> =
                            k_loop.iter().copied().chain(nloop..shape.len()).collect();
                        NdArray::new_permuted(&shape, &ot, &perm, false)?
                    }
                    Order::K => NdArray::empty(&shape, &ot, Order::C)?,
                    o => NdArray::empty(&shape, &ot, o)?,
                });
                write_back.push(None);
            }
        }
    }

    // Core strides per operand in signature order (0 for dropped dimensions).
    let mut core_strides: Vec<isize> = Vec::new();
    let mut loop_strides: Vec<Vec<isize>> = Vec::new();
    let mut ptrs: SmallVec<[*mut u8; 4]> = SmallVec::new();
    for (op, a) in full_in.iter().chain(results.iter()).enumerate() {
        let mut j = nloop;
        for &d in &sig.ops[op] {
            if dropped[d] {
                core_strides.push(0);
            } else {
                core_strides.push(a.strides()[j]);
                j += 1;
            }
        }
        loop_strides.push(a.strides()[..nloop].to_vec());
        ptrs.push(a.data_ptr());
    }
    let offsets = sig.offsets();
    let items: usize = loop_shape.iter().product();
    let cost = match u.core_cost {
        Some(f) => f(&sizes),
        None => sizes.iter().product::<usize>(),
    };
    let work: usize = cost.max(1) * ins[0].dtype().itemsize();
    let threads = rayon::current_num_threads();
    let par = items < 2 * threads && !plan.serial;
    let args = CoreArgs {
        sizes: &sizes,
        strides: &core_strides,
        offsets: &offsets,
        par,
    };
    let status = std::sync::atomic::AtomicU32::new(0);
    let failed = crate::loops::watch::FirstError::default();
    if items > 0 {
        let strides_ref: SmallVec<[&[isize]; 4]> =
            loop_strides.iter().map(|v| v.as_slice()).collect();
        let record = |st: Result<u32>| {
            if let Some(st) = failed.keep(st).filter(|&st| st != 0) {
                status.fetch_or(st, std::sync::atomic::Ordering::Relaxed);
            }
        };
        // The walk runs on this thread; each run of items heavy enough is split into parts
        // for rayon's threads (the core loops then run single-threaded).
        crate::loops::for_each_line_n(&loop_shape, &strides_ref, &ptrs, work, false, |p, s, n| {
            if failed.failed() {
                return;
            }
            let heavy = n.saturating_mul(work) >= crate::loops::PAR_THRESHOLD_BYTES;
            if !par && !plan.serial && n > 1 && heavy {
                let parts = n.min(4 * threads);
                let per = n.div_ceil(parts);
                let base: SmallVec<[usize; 4]> = p.iter().map(|&q| q as usize).collect();
                crate::loops::watch::par_for_each(parts, |c| {
                    let start = c * per;
                    if start >= n || failed.failed() {
                        return;
                    }
                    let q: SmallVec<[*mut u8; 4]> = base
                        .iter()
                        .zip(s)
                        .map(|(&b, &st)| (b as isize + start as isize * st) as *mut u8)
                        .collect();
                    // Items start..start+len of this run, inside every operand (the walk's
                    // guarantee); parts are disjoint in the outputs.
                    record(core_fn(&q, s, per.min(n - start), &args));
                });
            } else {
                // The walk keeps each item inside its operand; the core strides and sizes
                // come from the operands' own layouts; outputs are fresh or checked not to
                // overlap.
                record(core_fn(p, s, n, &args));
            }
        });
    }
    failed.into_result()?;

    // Back to the caller's layout.
    let mut final_outs = Vec::with_capacity(u.nout);
    for (k, (r, wb)) in results.into_iter().zip(write_back).enumerate() {
        let out = match wb {
            Some(o) => {
                o.assign(&r)?;
                o
            }
            None => r,
        };
        let out = match &work_outs[k] {
            // The caller's own array (its layout is the caller's).
            Some(_) => outs[k].clone().expect("given"),
            None => {
                let op = u.nin + k;
                let mut o = out;
                let entry = if keepdims {
                    None
                } else {
                    axes_arg.as_ref().and_then(|v| v.get(op))
                };
                if let Some(ax) = entry {
                    if !ax.is_empty() {
                        let norm: Vec<usize> = ax
                            .iter()
                            .map(|&x| NdArray::normalize_axis(x, o.ndim()))
                            .collect::<Result<_>>()?;
                        o = o.transpose(Some(&inverse(&to_end(o.ndim(), &norm))))?;
                    }
                }
                if keepdims {
                    let nd = o.ndim() + keep_n;
                    let at = keep_at(k, nd)?;
                    let mut shape = Vec::with_capacity(nd);
                    let mut src = o.shape().iter();
                    for ax in 0..nd {
                        if at.contains(&ax) {
                            shape.push(1);
                        } else {
                            shape.push(*src.next().expect("rank"));
                        }
                    }
                    o = o
                        .reshape_view(&shape)
                        .ok_or_else(|| Error::Value("cannot keep the reduced dimensions".into()))?;
                }
                o
            }
        };
        final_outs.push(out);
    }
    Ok((final_outs, status.into_inner()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numpys_signatures() {
        let s = CoreSignature::parse("(n?,k),(k,m?)->(n?,m?)").unwrap();
        assert_eq!(s.nin, 2);
        assert_eq!(s.ops, vec![vec![0, 1], vec![1, 2], vec![0, 2]]);
        assert!(s.dims[0].flexible && !s.dims[1].flexible && s.dims[2].flexible);
        let v = CoreSignature::parse("(n),(n)->()").unwrap();
        assert_eq!(v.ops, vec![vec![0], vec![0], vec![]]);
        let f = CoreSignature::parse("(3),(3)->(3)").unwrap();
        assert_eq!(f.dims[0].size, Some(3));
        let two = CoreSignature::parse("(i,j)->(),(j)").unwrap();
        assert_eq!(two.nin, 1);
        assert_eq!(two.ops.len(), 3);
        for bad in ["(n", "n->m", "(n)->", "(n?),(n)->()", "(n-1)->()"] {
            assert!(CoreSignature::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn permutations() {
        assert_eq!(to_end(4, &[1, 0]), vec![2, 3, 1, 0]);
        assert_eq!(inverse(&[2, 3, 1, 0]), vec![3, 2, 0, 1]);
    }
}
