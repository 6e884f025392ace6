"""Einstein summation: NumPy's ``einsum`` and ``einsum_path``.

Two engines, as in NumPy:

* ``optimize=False`` (the default) follows NumPy's compiled einsum: its subscript grammar and
  messages, a view for a single operand that sums nothing, the common dtype of the operands
  (and ``out``) checked against ``casting``. The arithmetic is done pairwise on rumpy's
  kernels: repeated labels become strided diagonal views, labels that only one term carries
  are summed with ``sum``, and each pair of terms is transposed and reshaped into a (batched)
  ``matmul``, or multiplied with broadcasting when nothing is contracted.
* any other ``optimize`` follows NumPy's Python driver: a contraction path (greedy, optimal or
  given), each two-term step done by a batched ``matmul`` (or ``multiply``), the others by the
  compiled-style engine above.
"""

import builtins
import functools
import itertools
import operator
import sys

from . import _core
from ._errstate import quiet as _quiet
from ._nditer import _best_order

__all__ = ["einsum", "einsum_path"]

# The labels of the sublist form and of the path machinery: 0..25 -> 'A'..'Z', 26..51 ->
# 'a'..'z' (upper case first, so that sorting labels sorts their numbers).
_SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SYMBOL_SET = frozenset(_SYMBOLS)
_MAXARGS = 64  # NumPy 2's NPY_MAXARGS: einsum takes fewer operands than this
_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")
_range = builtins.range
_sum = builtins.sum
_max = builtins.max
_min = builtins.min
_any = builtins.any


def _prod(values):
    r = 1
    for v in values:
        r *= v
    return r


# ---------------------------------------------------------------------------
# the compiled-style engine (optimize=False)
# ---------------------------------------------------------------------------

def _sublist_to_subscripts(sub):
    """One operand's (or the output's) sublist as subscript characters."""
    try:
        items = list(sub)
    except TypeError:
        raise TypeError("the subscripts for each operand must be a list or a tuple") from None
    chars = []
    seen_ellipsis = False
    for item in items:
        if item is Ellipsis:
            if seen_ellipsis:
                raise ValueError("each subscripts list may have only one ellipsis")
            seen_ellipsis = True
            chars.append("...")
            continue
        try:
            k = operator.index(item)
        except TypeError:
            raise TypeError("each subscript must be either an integer or an ellipsis") from None
        if not 0 <= k < 52:
            raise ValueError("subscript is not within the valid range [0, 52)")
        chars.append(_SYMBOLS[k])
    return "".join(chars)


def _subscripts_and_operands(args):
    """(subscripts, operands as rumpy arrays) from einsum's positional arguments, either
    ``(subscripts, *operands)`` or ``(op0, sublist0, op1, sublist1, ..., [sublistout])``."""
    if not args:
        raise ValueError("must specify the einstein sum subscripts string and at least one "
                         "operand, or at least one operand and its corresponding subscripts "
                         "list")
    first = args[0]
    if isinstance(first, (str, bytes)):
        if isinstance(first, str):
            first.encode("ascii")  # NumPy reads the string as ASCII
            subscripts = first
        else:
            subscripts = first.decode("latin-1")
        nop = len(args) - 1
        if nop <= 0:
            raise ValueError("must specify the einstein sum subscripts string and at least "
                             "one operand")
        if nop >= _MAXARGS:
            raise ValueError("too many operands")
        return subscripts, [_core.asanyarray(x) for x in args[1:]]
    nop = len(args) // 2
    if nop == 0:
        raise ValueError("must provide at least an operand and a subscripts list to einsum")
    if nop >= _MAXARGS:
        raise ValueError("too many operands")
    ops, parts = [], []
    for i in _range(nop):
        ops.append(_core.asanyarray(args[2 * i]))
        parts.append(_sublist_to_subscripts(args[2 * i + 1]))
    subscripts = ",".join(parts)
    if len(args) == 2 * nop + 1:
        subscripts += "->" + _sublist_to_subscripts(args[2 * nop])
    return subscripts, ops


def _operand_labels(sub, ndim, iop, counts):
    """The labels of one operand's axes: its letters, and negative numbers for the axes the
    ellipsis covers (-k for the k-th such axis from the right, so that they line up with the
    other operands' from the right). Counts each letter in ``counts``."""
    labels = []
    ellipsis = -1
    i, n = 0, len(sub)
    while i < n:
        c = sub[i]
        if c in _SYMBOL_SET:
            if len(labels) >= ndim:
                raise ValueError("einstein sum subscripts string contains too many subscripts "
                                 f"for operand {iop}")
            labels.append(c)
            counts[c] = counts.get(c, 0) + 1
        elif c == ".":
            if ellipsis != -1 or i + 2 >= n or sub[i + 1] != "." or sub[i + 2] != ".":
                raise ValueError("einstein sum subscripts string contains a '.' that is not "
                                 f"part of an ellipsis ('...') in operand {iop}")
            ellipsis = len(labels)
            i += 2
        elif c != " ":
            raise ValueError(f"invalid subscript '{c}' in einstein sum subscripts string, "
                             "subscripts must be letters")
        i += 1
    if ellipsis == -1:
        if len(labels) != ndim:
            raise ValueError("operand has more dimensions than subscripts given in einstein "
                             "sum, but no '...' ellipsis provided to broadcast the extra "
                             "dimensions.")
        return labels
    nb = ndim - len(labels)
    return labels[:ellipsis] + list(_range(-nb, 0)) + labels[ellipsis:]


def _output_labels(sub, nbroadcast, counts):
    labels = []
    ellipsis = False
    i, n = 0, len(sub)
    while i < n:
        c = sub[i]
        if c in _SYMBOL_SET:
            if c in sub[i + 1:]:
                raise ValueError("einstein sum subscripts string includes output subscript "
                                 f"'{c}' multiple times")
            if not counts.get(c):
                raise ValueError("einstein sum subscripts string included output subscript "
                                 f"'{c}' which never appeared in an input")
            labels.append(c)
        elif c == ".":
            if ellipsis or i + 2 >= n or sub[i + 1] != "." or sub[i + 2] != ".":
                raise ValueError("einstein sum subscripts string contains a '.' that is not "
                                 "part of an ellipsis ('...') in the output")
            ellipsis = True
            labels.extend(_range(-nbroadcast, 0))
            i += 2
        elif c != " ":
            raise ValueError(f"invalid subscript '{c}' in einstein sum subscripts string, "
                             "subscripts must be letters")
        i += 1
    if not ellipsis and nbroadcast > 0:
        raise ValueError("output has more dimensions than subscripts given in einstein sum, "
                         "but no '...' ellipsis provided to broadcast the extra dimensions.")
    return labels


def _parse(subscripts, ops):
    """(labels of each operand, labels of the output, letter counts)."""
    ndims = tuple(op.ndim for op in ops)
    parse = _parsed if type(subscripts) is str else _parsed.__wrapped__
    op_labels, out_labels, counts = parse(subscripts, ndims)
    return [list(labs) for labs in op_labels], list(out_labels), dict(counts)


@functools.lru_cache(maxsize=512)
def _parsed(subscripts, ndims):
    """:func:`_parse` for operands of these numbers of dimensions (remembered: a program calls
    einsum with the same subscripts over and over)."""
    nop = len(ndims)
    counts = {}
    op_labels = []
    pos, n = 0, len(subscripts)
    for iop in _range(nop):
        end = pos
        while end < n and subscripts[end] not in ",-":
            end += 1
        stop = subscripts[end] if end < n else ""
        if iop == nop - 1 and stop == ",":
            raise ValueError("more operands provided to einstein sum function than specified "
                             "in the subscripts string")
        if iop < nop - 1 and stop != ",":
            raise ValueError("fewer operands provided to einstein sum function than specified "
                             "in the subscripts string")
        op_labels.append(_operand_labels(subscripts[pos:end], ndims[iop], iop, counts))
        pos = end + 1 if iop < nop - 1 else end
    nbroadcast = _max([-_min([lab for lab in labs if type(lab) is int], default=0)
                       for labs in op_labels])
    rest = subscripts[pos:]
    if rest == "":
        out_labels = list(_range(-nbroadcast, 0)) + sorted(c for c, k in counts.items() if k == 1)
    else:
        if not rest.startswith("->"):
            raise ValueError("einstein sum subscript string does not contain proper '->' "
                             "output specified")
        out_labels = _output_labels(rest[2:], nbroadcast, counts)
    return op_labels, out_labels, counts


def _single_view(op, labels, out_labels):
    """The (dims, strides) of the view of the only operand that is einsum's answer, or None
    when an axis is summed."""
    nout = len(out_labels)
    dims, strides, seen = [0] * nout, [0] * nout, set()
    shape, op_strides = op.shape, op.strides
    for d, lab in enumerate(labels):
        if lab not in out_labels:
            return None
        k = out_labels.index(lab)
        if k in seen and dims[k] != shape[d]:
            # (NumPy lets a zero length pass here and returns a view beyond the memory)
            raise ValueError(f"dimensions in single operand for collapsing index '{lab}' "
                             f"don't match ({dims[k]} != {shape[d]})")
        seen.add(k)
        dims[k] = shape[d]
        strides[k] += op_strides[d]
    return dims, strides


def _combined(op, labels, iop):
    """The (dims, strides) of ``op`` with each repeated label's axes merged into their
    diagonal (None when no label repeats), and its labels, now unique."""
    uniq, dims, strides = [], [], []
    shape, op_strides = op.shape, op.strides
    for d, lab in enumerate(labels):
        if lab in uniq:
            k = uniq.index(lab)
            if dims[k] != shape[d]:
                raise ValueError(f"dimensions in operand {iop} for collapsing index '{lab}' "
                                 f"don't match ({dims[k]} != {shape[d]})")
            strides[k] += op_strides[d]
        else:
            uniq.append(lab)
            dims.append(shape[d])
            strides.append(op_strides[d])
    if len(uniq) == len(labels):
        return None, labels
    return (dims, strides), uniq


def _shape_text(dims, ending):
    """NumPy's shape text for its iterator's messages: leading new axes (negative entries)
    left out, the others written ``newaxis``."""
    i = 0
    while i < len(dims) and dims[i] < 0:
        i += 1
    if i == len(dims):
        return "()" + ending
    parts = [str(dims[i])] + ["newaxis" if d < 0 else str(d) for d in dims[i + 1:]]
    if len(dims) == 1:
        return f"({parts[0]},){ending}"
    return "(" + ",".join(parts) + ")" + ending


def _label_sizes(ops, op_labels, iter_labels, out, nout):
    """The length of each label, broadcasting length-1 axes the way NumPy's iterator does,
    with its errors."""
    arrays = list(ops) + ([out] if out is not None else [])
    axes = [[labs.index(lab) if lab in labs else -1 for lab in iter_labels]
            for labs in op_labels]
    if out is not None:
        axes.append([i if i < nout else -1 for i in _range(len(iter_labels))])
    sizes = {}
    for i, lab in enumerate(iter_labels):
        size = 1
        for arr, ax in zip(arrays, axes):
            if ax[i] < 0:
                continue
            d = arr.shape[ax[i]]
            if size == 1:
                size = d
            elif d != 1 and d != size:
                text = " ".join(
                    _shape_text(a.shape, "->") + _shape_text(
                        [a.shape[k] if k >= 0 else -1 for k in x], "")
                    for a, x in zip(arrays, axes))
                raise ValueError("operands could not be broadcast together with remapped "
                                 f"shapes [original->remapped]: {text} ")
        sizes[lab] = size
    if out is not None:
        for i in _range(nout):
            if out.shape[i] == 1 and sizes[iter_labels[i]] != 1:
                raise ValueError(f"output operand requires a reduction along dimension {i}, "
                                 "but the reduction is not enabled. The dimension size of 1 "
                                 "does not match the expected output shape.")
    return sizes


def _reduce(a, axes, ct):
    """Sum ``a`` over ``axes`` in the computing dtype (a logical or for bool)."""
    if not axes:
        return a
    if ct.kind == "b":
        r = _core.logical_or.reduce(a, axis=tuple(axes))
    elif ct.kind == "O":
        r = _core.add.reduce(a, axis=tuple(axes))
    else:
        r = _core.add.reduce(a, axis=tuple(axes), dtype=ct)
    return _held(r, ct)


def _held(r, ct):
    """A ufunc's result as an array: a 0-d result of an object loop is the object itself,
    which goes into a 0-d object array (``asarray`` would find it a numeric dtype)."""
    if isinstance(r, _core.ndarray):
        return r
    if ct.kind == "O":
        h = _core.empty((), dtype=ct)
        h[()] = r
        return h
    return _core.asanyarray(r)


def _arranged(a, labels, order):
    """``a`` with its axes in the label order ``order`` (a view)."""
    if labels == order:
        return a
    return a.transpose(tuple(labels.index(lab) for lab in order))


def _contract_pair(a, la, b, lb, keep, sizes, ct):
    """Sum over the labels of ``a`` and ``b`` not in ``keep`` of their product: a batched
    ``matmul`` over the shared kept labels, or a broadcast ``multiply`` when no label is
    contracted. Returns (array, labels)."""
    # a label that only one side has and nothing later needs is summed first
    only_a = [lab for lab in la if lab not in lb and lab not in keep]
    if only_a:
        a = _reduce(a, [la.index(lab) for lab in only_a], ct)
        la = [lab for lab in la if lab not in only_a]
    only_b = [lab for lab in lb if lab not in la and lab not in keep]
    if only_b:
        b = _reduce(b, [lb.index(lab) for lab in only_b], ct)
        lb = [lab for lab in lb if lab not in only_b]
    batch = [lab for lab in la if lab in lb and lab in keep]
    con = [lab for lab in la if lab in lb and lab not in keep]
    ka = [lab for lab in la if lab not in lb]
    kb = [lab for lab in lb if lab not in la]
    sb = [sizes[lab] for lab in batch]
    sa = [sizes[lab] for lab in ka]
    sbb = [sizes[lab] for lab in kb]
    if not con:
        a2 = _arranged(a, la, batch + ka).reshape(tuple(sb + sa + [1] * len(kb)))
        b2 = _arranged(b, lb, batch + kb).reshape(tuple(sb + [1] * len(ka) + sbb))
        r = _core.multiply(a2, b2)
    elif not ka and not kb and ct.kind != "O":
        # dot products along the contracted labels ('ij,ij->i'): vecdot, which conjugates
        # its first operand, so a complex one is conjugated beforehand
        k = _prod(sizes[lab] for lab in con)
        a2 = _arranged(a, la, batch + con).reshape(tuple(sb + [k]))
        b2 = _arranged(b, lb, batch + con).reshape(tuple(sb + [k]))
        if ct.kind == "c":
            a2 = _core.conjugate(a2)
        r = _core.vecdot(a2, b2)
    else:
        m, k, n = _prod(sa), _prod(sizes[lab] for lab in con), _prod(sbb)
        a2 = _arranged(a, la, batch + ka + con).reshape(tuple(sb + [m, k]))
        b2 = _arranged(b, lb, batch + con + kb).reshape(tuple(sb + [k, n]))
        r = _core.matmul(a2, b2).reshape(tuple(sb + sa + sbb))
    return _held(r, ct), batch + ka + kb


def _pick_pair(terms, out_set, sizes):
    """The next two terms to contract: the pair with the smallest result (then the fewest
    products), so that chains of matrix products go the cheap way round."""
    best, best_key = None, None
    for i, j in itertools.combinations(_range(len(terms)), 2):
        li, lj = terms[i][1], terms[j][1]
        keep = set(out_set)
        for t, (_, labs) in enumerate(terms):
            if t != i and t != j:
                keep.update(labs)
        union = set(li) | set(lj)
        key = (_prod(sizes[lab] for lab in union if lab in keep),
               _prod(sizes[lab] for lab in union))
        if best_key is None or key < best_key:
            best, best_key = (i, j), key
    return best


def _compute(ops, op_labels, out_labels, sizes, ct):
    """The einsum of ``ops`` (unique labels each) in dtype ``ct``, axes in ``out_labels``."""
    out_set = set(out_labels)
    terms = []
    for op, labs in zip(ops, op_labels):
        if op.dtype != ct:
            op = op.astype(ct)
        full = tuple(sizes[lab] for lab in labs)
        if op.shape != full:
            # a length-1 axis against a longer one: NumPy multiplies its one value into
            # every product, so it is repeated (a stride-0 view)
            from ._shape import broadcast_to
            op = broadcast_to(op, full)
        terms.append((op, list(labs)))
    while len(terms) > 1:
        i, j = _pick_pair(terms, out_set, sizes) if len(terms) > 2 else (0, 1)
        keep = set(out_set)
        for t, (_, labs) in enumerate(terms):
            if t != i and t != j:
                keep.update(labs)
        (a, la), (b, lb) = terms[i], terms[j]
        r = _contract_pair(a, la, b, lb, keep, sizes, ct)
        terms = [t for k, t in enumerate(terms) if k != i and k != j] + [r]
    a, la = terms[0]
    gone = [la.index(lab) for lab in la if lab not in out_set]
    if gone:
        a = _reduce(a, gone, ct)
        la = [lab for lab in la if lab in out_set]
    return _arranged(a, la, out_labels)


def _order_arg(order):
    if order is None:
        return "K"
    if not isinstance(order, str):
        raise TypeError(f"order must be str, not {type(order).__name__}")
    if len(order) != 1 or order.upper() not in "CFAK":
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    return order.upper()


def _casting_arg(casting):
    if not isinstance(casting, str):
        raise TypeError(f"casting must be str, not {type(casting).__name__}")
    if casting not in _CASTINGS:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', "
                         f"'unsafe' (got {casting!r})")
    return casting


def _cast_error(iop, src, dst, casting):
    return TypeError(f"Iterator operand {iop} dtype could not be cast from {src!r} to "
                     f"{dst!r} according to the rule '{casting}'")


def _numpy_out(out):
    """A rumpy view of NumPy array ``out`` (NumPy's einsum given rumpy operands and a NumPy
    output), or NumPy's TypeError for anything else."""
    np = sys.modules.get("numpy")
    if np is not None and type(out) is np.ndarray:
        view = _core.asanyarray(out)
        if np.shares_memory(np.asarray(view), out):
            return view
    raise TypeError("keyword parameter out must be an array for einsum")


# What the checks and the label analysis found for recent calls without keywords, by
# subscripts and operand shapes, strides and dtypes: a repeated call (a program calls einsum
# with the same arguments over and over) goes straight to the arithmetic.
_PLANS = {}
_PLANS_MAX = 256


def _plan_key(subscripts, ops):
    """What a remembered plan depends on."""
    return (subscripts, *[(op.shape, op.strides, op.dtype) for op in ops])


def _c_einsum(*args, **kwargs):
    """NumPy's compiled einsum (``optimize=False``), computed with rumpy's kernels."""
    subscripts, ops = _subscripts_and_operands(args)
    key = None
    if not kwargs:
        key = _plan_key(subscripts, ops)
        plan = _PLANS.get(key)
        if plan is not None:
            return _run(plan, ops, None, None, "K")
    out = kwargs.pop("out", None)
    order = kwargs.pop("order", "K")
    casting = kwargs.pop("casting", "safe")
    dtype = kwargs.pop("dtype", None)
    for k in kwargs:
        raise TypeError(f"einsum() got an unexpected keyword argument '{k}'")
    order = _order_arg(order)
    casting = _casting_arg(casting)
    if dtype is not None:
        dtype = _core.dtype(dtype)
    given_out = out
    if out is not None and not isinstance(out, _core.ndarray):
        out = _numpy_out(out)
    plan = _plan(subscripts, ops, out, dtype, casting)
    if key is not None:
        if len(_PLANS) >= _PLANS_MAX:
            _PLANS.clear()
        _PLANS[key] = plan
        total = plan[-1]
        if total is not None and type(args[0]) is str and type(ops[0]) is _core.ndarray:
            _core._einsum_remember(args[0], ops[0], total[0], total[1])
    return _run(plan, ops, out, given_out, order)


def _plan(subscripts, ops, out, dtype, casting):
    """The checks and label analysis of a call: ``(single, views, op_labels, out_labels,
    sizes, ct, dt, summed, total)``, where ``single`` is the (dims, strides) of the view that
    is the answer of a single operand summing nothing (else None), ``views`` each operand's
    (dims, strides) with its repeated labels merged (None where it has none), ``ct`` the
    computing dtype, ``dt`` the result's, ``summed``, for a single operand that only needs
    summing, the axes summed and the transposition after (None if none), and ``total``,
    where that sum is all of one float vector, the vector's (dims, strides) (its sum then
    needs no keywords)."""
    op_labels, out_labels, counts = _parse(subscripts, ops)
    nout = len(out_labels)
    if out is not None and out.ndim != nout:
        raise ValueError("out parameter does not have the correct number of dimensions, has "
                         f"{out.ndim} but should have {nout}")
    if len(ops) == 1 and out is None:
        single = _single_view(ops[0], op_labels[0], out_labels)
        if single is not None:
            return single, None, None, None, None, None, None, None, None, None

    combined = [_combined(op, labs, iop) for iop, (op, labs)
                in enumerate(zip(ops, op_labels))]
    views = [c[0] for c in combined]
    ops = [op if v is None else _core._strided_view(op, v[0], v[1], 0, False)
           for op, v in zip(ops, views)]
    op_labels = [c[1] for c in combined]
    if out is not None and not out.flags.writeable:
        raise ValueError("operand array with iterator write flag set is read-only")
    iter_labels = out_labels + sorted(c for c, k in counts.items() if k and c not in out_labels)
    sizes = _label_sizes(ops, op_labels, iter_labels, out, nout)

    if dtype is None:
        dt = _core.result_type(*ops, *([out] if out is not None else []))
    else:
        dt = dtype
    for iop, op in enumerate(ops):
        if not _core.can_cast(op.dtype, dt, casting):
            raise _cast_error(iop, op.dtype, dt, casting)
    if out is not None:
        if not _core.can_cast(out.dtype, dt, casting):
            raise _cast_error(len(ops), out.dtype, dt, casting)
        if not _core.can_cast(dt, out.dtype, casting):
            raise TypeError(f"Iterator requested dtype could not be cast from {dt!r} to "
                            f"{out.dtype!r}, the operand {len(ops)} dtype, according to the "
                            f"rule '{casting}'")
    if dt.kind in "SU":
        # NumPy fails filling the output with zeros
        raise TypeError(f"Cannot cast scalar from dtype('bool') to {dt!r} according to the "
                        "rule 'safe'")
    if dt.kind not in "biufcO":
        raise TypeError("invalid data type for einsum")
    # float16 products and sums are carried in float32, as NumPy's half loops do
    ct = _core.dtype("float32") if dt.char == "e" else dt
    summed = None
    if len(ops) == 1 and ops[0].dtype == dt and ct is dt and dt.kind in "iufc":
        # one numeric operand of the result's dtype: a sum over the axes not kept, whose
        # remaining axes are then put in the output's order
        labs = op_labels[0]
        axes = tuple(d for d, lab in enumerate(labs) if lab not in out_labels)
        kept = [lab for lab in labs if lab in out_labels]
        if axes:
            summed = axes, None if kept == out_labels else tuple(
                kept.index(lab) for lab in out_labels)
    total = None
    if summed is not None and ops[0].ndim == 1 and dt.kind in "fc":
        # the whole sum of one float vector (a trace, say): its dims and strides
        total = list(ops[0].shape), list(ops[0].strides)
    return (None, views, op_labels, out_labels, sizes, ct, dt, summed,
            _k_order(ops, op_labels, out_labels), total)


def _run(plan, ops, out, given_out, order):
    """The arithmetic of a call whose :func:`_plan` is ``plan``."""
    single, views, op_labels, out_labels, sizes, ct, dt, summed, k_order, total = plan
    if total is not None and out is None:
        # a strided vector is added in order, a buffer at a time, as NumPy's einsum does
        r = _core._einsum_total(ops[0], total[0], total[1])
        if r is not None:
            return r
        with _quiet():
            return _core.add.reduce(_core._strided_view(ops[0], total[0], total[1], 0, False))
    if single is not None:
        op = ops[0]
        view = _core._strided_view(op, single[0], single[1], 0, builtins.bool(op.flags.writeable))
        return view[()] if view.ndim == 0 else view
    ops = [op if v is None else _core._strided_view(op, v[0], v[1], 0, False)
           for op, v in zip(ops, views)]
    # NumPy's C einsum checks no floating-point flags
    with _quiet():
        if summed is None:
            r = _compute(ops, op_labels, out_labels, sizes, ct)
        else:
            r = _core.add.reduce(ops[0], axis=summed[0], dtype=ct)
    if summed is not None:
        if not isinstance(r, _core.ndarray):
            if out is None:
                return r
            r = _core.asanyarray(r)
        elif summed[1] is not None:
            r = r.transpose(summed[1])
    if dt.kind == "O":
        # NumPy adds every product to an output filled with the int 0
        r = _core.add(0, r, out=_core.empty(r.shape, dtype=dt))
    if r.dtype != dt:
        r = r.astype(dt)
    if out is not None:
        if _core.may_share_memory(r, out):
            r = r.copy()
        _core.copyto(out, r, casting="unsafe")
        return given_out
    if r.ndim == 0:
        return r[()]
    if order == "A":
        order = "F" if all(op.flags.f_contiguous for op in ops) else "C"
    if order == "F":
        r = _core.asfortranarray(r)
    elif order == "C":
        r = _core.ascontiguousarray(r)
    else:
        r = _k_layout(r, k_order)
    if len(ops) == 1 and _core.may_share_memory(r, ops[0]):
        r = r.copy()
    return r


def _k_order(ops, op_labels, out_labels):
    """The output's axes, outermost first, as NumPy's iterator allocates einsum's output
    under ``order='K'``: the iteration axes (the output's labels, then the summed ones in
    code order) sorted by the operands' strides as NpyIter sorts them
    (``_nditer._best_order``; a broadcast or length-1 axis has no say). Part of the
    remembered plan: computed once per subscripts and operand layout."""
    labels = list(out_labels) + sorted({lab for labs in op_labels for lab in labs}
                                       - set(out_labels))
    strides = [[0] * len(labels) for _ in ops]
    for row, op, labs in zip(strides, ops, op_labels):
        for lab, n, st in zip(labs, op.shape, op.strides):
            if n != 1:
                row[labels.index(lab)] = abs(st)
    nout = len(out_labels)
    return [j for j in _best_order(strides, len(labels)) if j < nout]


def _k_layout(r, outer_first):
    """``r`` with its axes laid out contiguously in the order ``outer_first`` (from
    :func:`_k_order`); ``r`` itself when it already is so."""
    nout = r.ndim
    if r.flags.c_contiguous and outer_first == list(_range(nout)):
        return r
    res = _core.empty(tuple(r.shape[j] for j in outer_first), dtype=r.dtype)
    res = res.transpose(tuple(outer_first.index(j) for j in _range(nout)))
    _core.copyto(res, r)
    return res


# ---------------------------------------------------------------------------
# contraction paths (NumPy's cost model, greedy and optimal searches)
# ---------------------------------------------------------------------------

def _size_of(labels, sizes):
    """The number of elements spanned by ``labels`` (with repeats)."""
    n = 1
    for lab in labels:
        n *= sizes[lab]
    return n


def _flops(labels, inner, nterms, sizes):
    """NumPy's operation count of one contraction over ``labels`` of ``nterms`` terms: one
    multiplication per extra term, plus one addition when something is summed."""
    factor = _max(1, nterms - 1)
    if inner:
        factor += 1
    return _size_of(labels, sizes) * factor


def _contraction(positions, input_sets, output_set):
    """Contract the terms at ``positions``: (the result's labels, the term list after it
    with the result last, the labels summed away, every label involved)."""
    involved = set()
    kept = output_set.copy()
    rest = []
    for i, labels in enumerate(input_sets):
        if i in positions:
            involved |= labels
        else:
            rest.append(labels)
            kept |= labels
    result = kept & involved
    rest.append(result)
    return result, rest, involved - result, involved


def _optimal_path(input_sets, output_set, sizes, memory_limit):
    """Every order of pairwise contractions, breadth first, intermediates above
    ``memory_limit`` elements pruned; the cheapest. Factorial in the number of terms."""
    states = [(0, [], input_sets)]
    n = len(input_sets)
    for step in _range(n - 1):
        nxt = []
        for cost, path, terms in states:
            for pair in itertools.combinations(_range(n - step), 2):
                result, rest, removed, involved = _contraction(pair, terms, output_set)
                if _size_of(result, sizes) > memory_limit:
                    continue
                nxt.append((cost + _flops(involved, removed, len(pair), sizes),
                            path + [pair], rest))
        if not nxt:
            best = _min(states, key=lambda s: s[0])[1]
            return best + [tuple(_range(n - step))]
        states = nxt
    if not states:
        return [tuple(_range(n))]
    return _min(states, key=lambda s: s[0])[1]


def _candidate(pair, input_sets, output_set, sizes, memory_limit, path_cost, naive_cost):
    """A greedy step's candidate: ((-(elements removed), flops), pair, terms after), or None
    when its intermediate is too big or it would cost more than the naive sum."""
    result, rest, removed, involved = _contraction(pair, input_sets, output_set)
    new_size = _size_of(result, sizes)
    if new_size > memory_limit:
        return None
    removed_size = _sum(_size_of(input_sets[p], sizes) for p in pair) - new_size
    cost = _flops(involved, removed, len(pair), sizes)
    if path_cost + cost > naive_cost:
        return None
    return [(-removed_size, cost), pair, rest]


def _carry_over(candidates, best):
    """The candidates that do not touch the two terms ``best`` contracted, renumbered for
    the term list after it."""
    bx, by = best[1]
    kept = []
    for key, (x, y), terms in candidates:
        if x in best[1] or y in best[1]:
            continue
        del terms[by - (by > x) - (by > y)]
        del terms[bx - (bx > x) - (bx > y)]
        terms.insert(-1, best[2][-1])
        kept.append((key, (x - (x > bx) - (x > by), y - (y > bx) - (y > by)), terms))
    return kept


def _greedy_path(input_sets, output_set, sizes, memory_limit):
    """At each step the pair that removes the most elements (then costs least): inner
    products first, then Hadamard products, outer products only when nothing else is left."""
    if len(input_sets) == 1:
        return [(0,)]
    if len(input_sets) == 2:
        return [(0, 1)]
    _, _, removed, involved = _contraction(_range(len(input_sets)), input_sets, output_set)
    naive_cost = _flops(involved, removed, len(input_sets), sizes)
    pairs = itertools.combinations(_range(len(input_sets)), 2)
    known = []
    path_cost = 0
    path = []
    for _ in _range(len(input_sets) - 1):
        for pair in pairs:
            if input_sets[pair[0]].isdisjoint(input_sets[pair[1]]):
                continue  # outer products wait
            c = _candidate(pair, input_sets, output_set, sizes, memory_limit, path_cost,
                           naive_cost)
            if c is not None:
                known.append(c)
        if not known:
            for pair in itertools.combinations(_range(len(input_sets)), 2):
                c = _candidate(pair, input_sets, output_set, sizes, memory_limit, path_cost,
                               naive_cost)
                if c is not None:
                    known.append(c)
            if not known:
                path.append(tuple(_range(len(input_sets))))
                break
        best = _min(known, key=lambda c: c[0])
        known = _carry_over(known, best)
        input_sets = best[2]
        last = len(input_sets) - 1
        pairs = ((i, last) for i in _range(last))
        path.append(best[1])
        path_cost += best[0][1]
    return path


def _list_subscripts(sub):
    text = ""
    for s in sub:
        if s is Ellipsis:
            text += "..."
            continue
        try:
            s = operator.index(s)
        except TypeError as e:
            raise TypeError("For this input type lists must contain either int or "
                            "Ellipsis") from e
        text += _SYMBOLS[s]
    return text


def _parse_path_input(operands):
    """The Python driver's reading of einsum's arguments: (input subscripts, output
    subscripts, operands), ellipses replaced by unused letters."""
    if len(operands) == 0:
        raise ValueError("No input operands")
    if isinstance(operands[0], str):
        subscripts = operands[0].replace(" ", "")
        operands = [_core.asanyarray(v) for v in operands[1:]]
        for s in subscripts:
            if s in ".,->":
                continue
            if s not in _SYMBOL_SET:
                raise ValueError(f"Character {s} is not a valid symbol.")
    else:
        rest = list(operands)
        ops, subs = [], []
        for _ in _range(len(operands) // 2):
            ops.append(rest.pop(0))
            subs.append(rest.pop(0))
        output = rest[-1] if rest else None
        operands = [_core.asanyarray(v) for v in ops]
        subscripts = ",".join(_list_subscripts(s) for s in subs)
        if output is not None:
            subscripts += "->" + _list_subscripts(output)

    if "-" in subscripts or ">" in subscripts:
        if (subscripts.count("-") > 1 or subscripts.count(">") > 1
                or subscripts.count("->") != 1):
            raise ValueError("Subscripts can only contain one '->'.")

    if "." in subscripts:
        used = subscripts.replace(".", "").replace(",", "").replace("->", "")
        # the letters no term uses stand for the ellipsis axes, taken from the right
        free = "".join(_SYMBOL_SET - set(used))
        longest = 0
        if "->" in subscripts:
            lhs, out_sub = subscripts.split("->")
            terms = lhs.split(",")
            explicit = True
        else:
            terms = subscripts.split(",")
            explicit = False
        for num, term in enumerate(terms):
            if "." not in term:
                continue
            if term.count(".") != 3 or term.count("...") != 1:
                raise ValueError("Invalid Ellipses.")
            if operands[num].shape == ():
                nell = 0
            else:
                nell = _max(operands[num].ndim, 1) - (len(term) - 3)
            longest = _max(longest, nell)
            if nell < 0:
                raise ValueError("Ellipses lengths do not match.")
            terms[num] = term.replace("...", free[-nell:] if nell else "")
        subscripts = ",".join(terms)
        out_ell = free[-longest:] if longest else ""
        if explicit:
            subscripts += "->" + out_sub.replace("...", out_ell)
        else:
            flat = subscripts.replace(",", "")
            once = ""
            for s in sorted(set(flat)):
                if s not in _SYMBOL_SET:
                    raise ValueError(f"Character {s} is not a valid symbol.")
                if flat.count(s) == 1:
                    once += s
            subscripts += "->" + out_ell + "".join(sorted(set(once) - set(out_ell)))

    if "->" in subscripts:
        input_subscripts, output_subscript = subscripts.split("->")
    else:
        input_subscripts = subscripts
        flat = subscripts.replace(",", "")
        output_subscript = ""
        for s in sorted(set(flat)):
            if s not in _SYMBOL_SET:
                raise ValueError(f"Character {s} is not a valid symbol.")
            if flat.count(s) == 1:
                output_subscript += s

    for c in output_subscript:
        if output_subscript.count(c) != 1:
            raise ValueError(f"Output character {c} appeared more than once in the output.")
        if c not in input_subscripts:
            raise ValueError(f"Output character {c} did not appear in the input")
    if len(input_subscripts.split(",")) != len(operands):
        raise ValueError("Number of einsum subscripts must be equal to the number of "
                         "operands.")
    return input_subscripts, output_subscript, operands


def _einsum_path(operands, optimize, einsum_call):
    path_type = optimize
    if path_type is True:
        path_type = "greedy"
    if path_type is None:
        path_type = False
    explicit = False
    memory_limit = None
    if path_type is False or isinstance(path_type, str):
        pass
    elif len(path_type) and path_type[0] == "einsum_path":
        explicit = True
    elif (len(path_type) == 2 and isinstance(path_type[0], str)
          and isinstance(path_type[1], (int, float))):
        memory_limit = int(path_type[1])
        path_type = path_type[0]
    else:
        raise TypeError(f"Did not understand the path: {path_type!s}")

    input_subscripts, output_subscript, operands = _parse_path_input(operands)
    input_list = input_subscripts.split(",")
    input_sets = [set(x) for x in input_list]
    output_set = set(output_subscript)
    indices = set(input_subscripts.replace(",", ""))

    sizes = {}
    for tnum, term in enumerate(input_list):
        shape = operands[tnum].shape
        if len(shape) != len(term):
            raise ValueError(f"Einstein sum subscript {input_subscripts[tnum]} does not "
                             f"contain the correct number of indices for operand {tnum}.")
        for c, dim in zip(term, shape):
            if c in sizes:
                if sizes[c] == 1:
                    sizes[c] = dim
                elif dim not in (1, sizes[c]):
                    raise ValueError(f"Size of label '{c}' for operand {tnum} ({sizes[c]}) "
                                     f"does not match previous terms ({dim}).")
            else:
                sizes[c] = dim

    max_size = _max(_size_of(term, sizes) for term in input_list + [output_subscript])
    memory_arg = max_size if memory_limit is None else memory_limit

    if explicit:
        path = path_type[1:]
    elif path_type is False or len(input_list) in (1, 2) or indices == output_set:
        path = [tuple(_range(len(input_list)))]
    elif path_type == "greedy":
        path = _greedy_path(input_sets, output_set, sizes, memory_arg)
    elif path_type == "optimal":
        path = _optimal_path(input_sets, output_set, sizes, memory_arg)
    else:
        raise KeyError("Path name %s not found", path_type)

    costs, scales, inter_sizes, steps = [], [], [], []
    for cnum, inds in enumerate(path):
        inds = tuple(sorted(inds, reverse=True))
        result, input_sets, removed, involved = _contraction(inds, input_sets, output_set)
        if not einsum_call:
            costs.append(_flops(involved, removed, len(inds), sizes))
            scales.append(len(involved))
            inter_sizes.append(_size_of(result, sizes))
        taken = [input_list.pop(x) for x in inds]
        if cnum == len(path) - 1:
            res = output_subscript
        else:
            res = "".join(lab for _, lab in sorted((sizes[lab], lab) for lab in result))
        input_list.append(res)
        steps.append((inds, ",".join(taken) + "->" + res, input_list[:]))

    if len(input_list) != 1:
        raise RuntimeError(f"Invalid einsum_path is specified: {len(input_list) - 1} more "
                           "operands has to be contracted.")
    if einsum_call:
        return operands, steps

    overall = input_subscripts + "->" + output_subscript
    inner = (_sum(len(set(x)) for x in input_subscripts.split(",")) - len(indices)) > 0
    naive_cost = _flops(indices, inner, len(input_subscripts.split(",")), sizes)
    opt_cost = _sum(costs) + 1
    lines = [
        f"  Complete contraction:  {overall}",
        f"         Naive scaling:  {len(indices)}",
        "     Optimized scaling:  %d" % _max(scales),
        f"      Naive FLOP count:  {naive_cost:.3e}",
        f"  Optimized FLOP count:  {opt_cost:.3e}",
        f"   Theoretical speedup:  {naive_cost / opt_cost:3.3f}",
        f"  Largest intermediate:  {_max(inter_sizes):.3e} elements",
        "-" * 74,
        "%6s %24s %40s" % ("scaling", "current", "remaining"),
        "-" * 74,
    ]
    text = "\n".join(lines)
    for n, (_, eq, remaining) in enumerate(steps):
        text += "\n%4d    %24s %40s" % (scales[n], eq, ",".join(remaining) + "->"
                                       + output_subscript)
    return ["einsum_path"] + list(path), text


def einsum_path(*operands, optimize="greedy", einsum_call=False):
    """
    einsum_path(subscripts, *operands, optimize='greedy')

    Find a cheap order in which to contract the terms of an einsum expression.

    Parameters
    ----------
    subscripts : str
        The einsum subscripts (see `einsum`); the sublist form works too.
    *operands : array_like
        The arrays of the expression; only their shapes matter.
    optimize : {'greedy', 'optimal', True, False, list, tuple}, optional
        How to search:

        * ``'greedy'`` (also ``True``): at each step contract the pair of terms that removes
          the most elements, preferring inner products, then element-wise products, then
          outer products; cubic in the number of terms.
        * ``'optimal'``: try every order of pairwise contractions; factorial in the number
          of terms.
        * ``False``: contract every term at once.
        * a list starting with ``'einsum_path'``: that path, as given.
        * a pair ``(name, limit)``: search ``name`` with intermediates of at most ``limit``
          elements (by default the largest operand or output).

    Returns
    -------
    path : list
        ``['einsum_path', (i, j), ...]``: each tuple names the terms contracted next; their
        result goes to the end of the list of terms.
    string_repr : str
        A report: the naive and optimized scaling and operation counts, the theoretical
        speedup, the largest intermediate and one line per contraction.

    See Also
    --------
    einsum

    Examples
    --------
    >>> import rumpy as rp
    >>> a, b, c = rp.ones((2, 2)), rp.ones((2, 5)), rp.ones((5, 2))
    >>> rp.einsum_path('ij,jk,kl->il', a, b, c)[0]
    ['einsum_path', (1, 2), (0, 1)]
    """
    return _einsum_path(operands, optimize, einsum_call)


# ---------------------------------------------------------------------------
# pairwise steps of the Python driver (NumPy's bmm_einsum)
# ---------------------------------------------------------------------------

def _pure_product_plan(a_term, shape_a, b_term, shape_b, out):
    want_a, want_b, shape_a2, shape_b2 = "", "", [], []
    for ix in out:
        if ix in a_term:
            want_a += ix
            shape_a2.append(shape_a[a_term.index(ix)])
        else:
            shape_a2.append(1)
        if ix in b_term:
            want_b += ix
            shape_b2.append(shape_b[b_term.index(ix)])
        else:
            shape_b2.append(1)
    eq_a = f"{a_term}->{want_a}" if want_a != a_term else None
    eq_b = f"{b_term}->{want_b}" if want_b != b_term else None
    return eq_a, eq_b, shape_a2, shape_b2, None, None, True


@functools.lru_cache(2 ** 12)
def _matmul_plan(eq, shape_a, shape_b):
    """How to do the two-term einsum ``eq`` as one batched matmul: (prep of a, prep of b,
    their 3-d shapes, the shape and axis order after the matmul, is-it-a-plain-product)."""
    lhs, out = eq.split("->")
    a_term, b_term = lhs.split(",")
    if len(a_term) != len(shape_a):
        raise ValueError(f"Term '{a_term}' does not match shape {shape_a}.")
    if len(b_term) != len(shape_b):
        raise ValueError(f"Term '{b_term}' does not match shape {shape_b}.")
    sizes = {}
    singletons = set()
    left = {}
    for ix, d in zip(a_term, shape_a):
        if d == 1:
            singletons.add(ix)
            continue
        if sizes.setdefault(ix, d) != d:
            raise ValueError(f"Index {ix} has mismatched sizes {sizes[ix]} and {d}.")
        left[ix] = True
    right = {}
    for ix, d in zip(b_term, shape_b):
        if d == 1:
            if ix not in left:
                singletons.add(ix)
            continue
        singletons.discard(ix)
        if sizes.setdefault(ix, d) != d:
            raise ValueError(f"Index {ix} has mismatched sizes {sizes[ix]} and {d}.")
        right[ix] = True

    batch, con, keep_a, keep_b = [], [], [], []
    for ix in left:
        if right.pop(ix, False):
            (batch if ix in out else con).append(ix)
        elif ix in out:
            keep_a.append(ix)
    for ix in right:
        if ix in out:
            keep_b.append(ix)
    if not con:
        return _pure_product_plan(a_term, shape_a, b_term, shape_b, out)

    singletons = [ix for ix in out if ix in singletons]
    want_a = "".join(batch + keep_a + con)
    want_b = "".join(batch + con + keep_b)
    eq_a = f"{a_term}->{want_a}" if a_term != want_a else None
    eq_b = f"{b_term}->{want_b}" if b_term != want_b else None
    if batch:
        lg, rg, og = (batch, keep_a, con), (batch, con, keep_b), (batch, keep_a, keep_b)
    else:
        lg, rg, og = (keep_a, con), (con, keep_b), (keep_a, keep_b)

    def fused(groups):
        return tuple(_prod(sizes[ix] for ix in g) for g in groups)

    new_a = fused(lg) if _any(len(g) != 1 for g in lg) else None
    new_b = fused(rg) if _any(len(g) != 1 for g in rg) else None
    if _any(len(g) != 1 for g in og) or singletons:
        new_ab = (1,) * len(singletons) + tuple(sizes[ix] for g in og for ix in g)
    else:
        new_ab = None
    produced = "".join(singletons + batch + keep_a + keep_b)
    perm = tuple(produced.index(ix) for ix in out) if produced != out else None
    return eq_a, eq_b, new_a, new_b, new_ab, perm, False


def _output_order(order, a_f, b_f):
    order = order.upper()
    if order == "K":
        return None
    if order in "CF":
        return order
    if order == "A":
        return "F" if a_f and b_f else "C"
    raise ValueError(f"ValueError: order must be one of 'C', 'F', 'A', or 'K' (got '{order}')")


def _bmm_einsum(eq, a, b, out=None, **kwargs):
    """The two-term einsum ``eq`` by single-term preparation, reshapes and one ``matmul``
    (or ``multiply`` when nothing is contracted)."""
    eq_a, eq_b, new_a, new_b, new_ab, perm, pure = _matmul_plan(eq, a.shape, b.shape)
    order = _output_order(kwargs.pop("order", "K"), _core.asanyarray(a).flags.f_contiguous,
                          _core.asanyarray(b).flags.f_contiguous)
    if eq_a is not None:
        a = _c_einsum(eq_a, a)
    if new_a is not None:
        a = _core.asanyarray(a).reshape(new_a)
    if eq_b is not None:
        b = _c_einsum(eq_b, b)
    if new_b is not None:
        b = _core.asanyarray(b).reshape(new_b)
    if pure:
        if order is not None:
            kwargs["order"] = order
        return _core.multiply(a, b, out=out, **kwargs)
    direct = new_ab is None and perm is None
    if direct:
        kwargs["out"] = out
    ab = _core.matmul(a, b, **kwargs)
    if new_ab is not None:
        ab = _core.asanyarray(ab).reshape(new_ab)
    if perm is not None:
        ab = ab.transpose(perm)
    if out is not None and not direct:
        out[...] = ab
        ab = out
    elif order is not None:
        ab = _core.asanyarray(ab, order=order)
    return ab


def einsum(*operands, out=None, optimize=False, **kwargs):
    """
    einsum(subscripts, *operands, out=None, dtype=None, order='K', casting='safe', optimize=False)

    Sum products of array elements over labelled axes (Einstein summation).

    Each operand's axes get a letter; the result keeps the letters of the output and sums
    over the others. ``'ij,jk->ik'`` is a matrix product, ``'ii->'`` a trace, ``'ii->i'``
    a diagonal, ``'ij->ji'`` a transpose, ``'i,j->ij'`` an outer product, ``'ij,ij->i'``
    row-wise dot products.

    Parameters
    ----------
    subscripts : str
        Comma-separated labels for each operand, optionally followed by ``'->'`` and the
        output's labels. Without ``'->'`` (implicit mode) the output has, in alphabetical
        order, the labels that appear exactly once. A label repeated within one operand
        takes a diagonal; ``'...'`` stands for the axes not labelled, which broadcast
        against each other as in NumPy (right-aligned) and go first in implicit mode.
        The form ``einsum(op0, sublist0, op1, sublist1, ..., [sublistout])`` with integer
        labels 0-51 (and ``Ellipsis``) is also accepted.
    *operands : array_like
        The arrays.
    out : ndarray, optional
        Where to put the result; it must have the result's shape.
    dtype : dtype, optional
        Compute in this dtype (the operands are cast to it under ``casting``). By default
        the common dtype of the operands (and of ``out``) is used; bool operands give a
        bool result (logical and/or).
    order : {'C', 'F', 'A', 'K'}, optional
        Memory layout of the result.
    casting : {'no', 'equiv', 'safe', 'same_kind', 'unsafe'}, optional
        Which casts of the operands (and into ``out``) are allowed; ``'safe'`` by default.
    optimize : {False, True, 'greedy', 'optimal', list}, optional
        ``False`` computes everything in one go; the others first choose an order of
        pairwise contractions (see `einsum_path`), or take a path it returned.

    Returns
    -------
    ndarray or scalar
        The sums. With one operand and nothing summed (and no ``out``), a view of the
        operand.

    See Also
    --------
    einsum_path, matmul, dot, tensordot

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.arange(6).reshape(2, 3)
    >>> rp.einsum('ij,kj->ik', a, a)
    array([[ 5, 14],
           [14, 50]])
    >>> rp.einsum('ii', rp.eye(3))
    np.float64(3.0)
    >>> rp.einsum(a, [0, 1], [1])
    array([3, 5, 7])
    """
    if optimize is False and out is None and not kwargs and operands:
        # a remembered trace of one strided vector: summed in the core, NumPy's order
        r = _core._einsum_remembered(operands)
        if r is not None:
            return r
        ops = operands[1:]
        if type(operands[0]) is str and all(type(op) is _core.ndarray for op in ops):
            plan = _PLANS.get(_plan_key(operands[0], ops))
            if plan is not None:
                return _run(plan, ops, None, None, "K")
    specified_out = out is not None
    if optimize is False:
        if specified_out:
            kwargs["out"] = out
        return _c_einsum(*operands, **kwargs)

    unknown = [k for k in kwargs if k not in ("dtype", "order", "casting")]
    if unknown:
        raise TypeError(f"Did not understand the following kwargs: {unknown}")
    ops, steps = _einsum_path(operands, optimize, True)
    for num, (inds, eq, _) in enumerate(steps):
        taken = [ops.pop(x) for x in inds]
        if specified_out and num + 1 == len(steps):
            kwargs["out"] = out
        if len(taken) == 2:
            new = _bmm_einsum(eq, *taken, **kwargs)
        else:
            new = _c_einsum(eq, *taken, **kwargs)
        ops.append(new)
        del taken, new
    return out if specified_out else ops[0]
