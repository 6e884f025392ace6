"""Functional helpers: vectorize, frompyfunc, apply_along_axis, apply_over_axes,
piecewise, fromfunction, plus binary_repr, base_repr and vander (numpy semantics)."""

import collections.abc
import operator
import re

import rumpy as _rp

__all__ = [
    "apply_along_axis", "apply_over_axes", "base_repr", "binary_repr", "frompyfunc",
    "fromfunction", "piecewise", "vander", "vectorize",
]


_NOVALUE = object()


def _axis_error(axis, ndim):
    return _rp.exceptions.AxisError(axis, ndim)


def _normalize_axis(axis, ndim):
    if isinstance(axis, float):
        raise TypeError("integer argument expected, got float")
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise _axis_error(axis, ndim)
    return axis + ndim if axis < 0 else axis


# ---------------------------------------------------------------------------
# frompyfunc
# ---------------------------------------------------------------------------

_PLAIN = frozenset({float, int, bool, complex, str, bytes, type(None)})


def _object_array(values, shape):
    """An object array of ``shape`` holding ``values`` (a flat list) unchanged."""
    if _PLAIN.issuperset(map(type, values)):
        # no item array() would look into: stored in one conversion
        return _rp.array(values, dtype=object).reshape(shape)
    out = _rp.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out.reshape(shape)


def _asarray_any(a):
    """rp.asarray, except that Python ints beyond 64 bits give an object array as in numpy."""
    try:
        return _rp.asarray(a)
    except OverflowError:
        return _rp.asarray(a, dtype=object)


def _as_object(a):
    """``a`` as an object array the way a ufunc sees it: converted with its own dtype
    first (so ``[1.5, 2]`` holds two floats), then cast to object."""
    try:
        arr = _rp.asanyarray(a)
    except OverflowError:  # Python ints beyond 64 bits: numpy makes them objects
        return _rp.asanyarray(a, dtype=object)
    return arr if arr.dtype == object else arr.astype(object)


def _ufunc_broadcast(shapes):
    """The broadcast shape of ``shapes``, failing with the ufunc error message."""
    ndim = max((len(s) for s in shapes), default=0)
    out = [1] * ndim
    for s in shapes:
        for i, n in enumerate(s, ndim - len(s)):
            if n != out[i]:
                if out[i] != 1 and n != 1:
                    listed = " ".join(str(tuple(x)) for x in shapes)
                    raise ValueError(
                        f"operands could not be broadcast together with shapes {listed} ")
                if out[i] == 1:
                    out[i] = n
    return tuple(out)


class _PyUfunc:
    """The object returned by :func:`frompyfunc`: calls a Python function element by
    element over broadcast inputs and returns object arrays."""

    def __init__(self, func, nin, nout, identity=None):
        self._func = func
        self.nin = nin
        self.nout = nout
        self.nargs = nin + nout
        self.ntypes = 1
        self.types = ["O" * nin + "->" + "O" * nout]
        self.identity = identity
        self.signature = None
        name = getattr(func, "__name__", None) or type(func).__name__
        self.__name__ = f"{name} (vectorized)"
        self.__doc__ = "dynamic ufunc based on a python function"

    def __repr__(self):
        return f"<ufunc {self.__name__!r}>"

    def _evaluate(self, args, where=True):
        # an array's items reach the function as its tolist() gives them (the Python objects
        # a cast to object makes); anything else is first made an object array
        arrs = [a if isinstance(a, _rp.ndarray) else _as_object(a) for a in args]
        shape = _ufunc_broadcast([a.shape for a in arrs])
        flats = [_rp.broadcast_to(a, shape).ravel() for a in arrs]
        mask = None
        if where is not True:
            mask = _rp.broadcast_to(_rp.asarray(where, dtype=bool), shape).ravel().tolist()
        size = 1
        for s in shape:
            size *= s
        # the items as Python objects, the function mapped over them at C speed
        lists = [f.tolist() for f in flats]
        func = self._func
        if mask is None:
            results = list(map(func, *lists)) if lists else [func() for _ in range(size)]
        else:
            skip = object()
            results = [func(*items) if keep else skip
                       for keep, *items in zip(mask, *lists)]
        if self.nout == 1:
            cols = [[None if r is skip else r for r in results] if mask is not None
                    else results]
            return shape, cols, mask
        cols = [[] for _ in range(self.nout)]
        for res in results:
            if isinstance(res, tuple) and len(res) == self.nout:
                for c, v in zip(cols, res):
                    c.append(v)
            else:  # numpy leaves the outputs unset (None) when the result does not fit
                for c in cols:
                    c.append(None)
        return shape, cols, mask

    def __call__(self, *args, out=None, where=True, dtype=None, casting="same_kind",
                 order="K", subok=True, **kwargs):
        if kwargs:
            bad = next(iter(kwargs))
            raise TypeError(f"{self.__name__}() got an unexpected keyword argument {bad!r}")
        if not self.nin <= len(args) <= self.nargs:
            verb = "was" if len(args) == 1 else "were"
            raise TypeError(
                f"{self.__name__}() takes from {self.nin} to {self.nargs} positional "
                f"arguments but {len(args)} {verb} given")
        if len(args) > self.nin:
            if out is not None:
                raise TypeError("cannot specify 'out' as both a positional and keyword argument")
            out = args[self.nin:]
            args = args[:self.nin]
        shape, cols, mask = self._evaluate(args, where)
        if out is None and shape == ():
            vals = tuple(c[0] for c in cols)
            return vals[0] if self.nout == 1 else vals
        results = [_object_array(c, shape) for c in cols]
        if out is not None and out is not Ellipsis:
            outs = out if isinstance(out, tuple) else (out,)
            if len(outs) != self.nout:
                raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
            sel = None if mask is None else _rp.asarray(mask, dtype=bool).reshape(shape)
            for o, r in zip(outs, results):
                if o is None:
                    continue
                if sel is None:
                    o[...] = r
                else:
                    _rp.copyto(o, r, where=sel)
            results = [r if o is None else o for o, r in zip(outs, results)]
        return results[0] if self.nout == 1 else tuple(results)

    def _binary_only(self, what):
        if self.nin != 2:
            raise ValueError(f"{what} only supported for binary functions")
        if self.nout != 1:
            raise ValueError(f"{what} only supported for functions returning a single value")

    def _fold_rows(self, arr2d, initial, accumulate=False):
        """Fold each row of a 2-d object array left to right."""
        out = []
        for row in arr2d.tolist():
            acc = []
            if initial is not _NOVALUE:
                val, items = initial, row
            else:
                val, items = row[0], row[1:]
                acc.append(val)
            for item in items:
                val = self._func(val, item)
                acc.append(val)
            out.append(acc if accumulate else val)
        return out

    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False,
               initial=_NOVALUE, where=True):
        """Reduce ``array`` along ``axis`` by applying the function cumulatively
        (left to right); ``initial`` (or the identity) starts the fold."""
        self._binary_only("reduce")
        if where is not True:
            raise NotImplementedError("reduce with 'where' is not supported for frompyfunc ufuncs")
        arr = _as_object(array)
        nd = arr.ndim
        if axis is None:
            axes = list(range(nd))
        elif isinstance(axis, tuple):
            axes = [_normalize_axis(a, nd) for a in axis]
        elif nd == 0 and axis in (0, -1):
            axes = []
        else:
            axes = [_normalize_axis(axis, nd)]
        if len(axes) > 1 and self.identity is None:
            raise ValueError(f"reduction operation '{self.__name__}' is not reorderable, "
                             "so at most one axis may be specified")
        if initial is None:
            initial = _NOVALUE
        if initial is _NOVALUE and self.identity is not None:
            initial = self.identity
        keep = [i for i in range(nd) if i not in axes]
        kept_shape = tuple(arr.shape[i] for i in keep)
        count = 1
        for i in axes:
            count *= arr.shape[i]
        outsize = 1
        for n in kept_shape:
            outsize *= n
        if count == 0 and outsize > 0 and initial is _NOVALUE:
            raise ValueError(f"zero-size array to reduction operation {self.__name__} "
                             "which has no identity")
        if not axes:
            values = arr.ravel().tolist() if nd else [arr[()]]
        else:
            moved = arr.transpose(keep + axes).reshape((outsize, count))
            values = self._fold_rows(moved, initial)
        shape = tuple(1 if i in axes else arr.shape[i] for i in range(nd)) if keepdims \
            else kept_shape
        if out is not None:
            out = out[0] if isinstance(out, tuple) else out
            out[...] = _object_array(values, shape)
            return out
        if shape == ():
            return values[0]
        return _object_array(values, shape)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """Running results of applying the function along ``axis``."""
        self._binary_only("accumulate")
        arr = _as_object(array)
        if arr.ndim == 0:
            raise TypeError("cannot accumulate on a scalar")
        if axis is None or isinstance(axis, tuple):
            raise ValueError("accumulate does not allow multiple axes")
        axis = _normalize_axis(axis, arr.ndim)
        moved = _rp.moveaxis(arr, axis, -1)
        mshape = moved.shape
        rows = moved.reshape((-1, mshape[-1])) if mshape[-1] else None
        if rows is None:
            res = _rp.empty(arr.shape, dtype=object)
        else:
            flat = [v for row in self._fold_rows(rows, _NOVALUE, accumulate=True) for v in row]
            res = _rp.moveaxis(_object_array(flat, mshape), -1, axis)
        if out is not None:
            out = out[0] if isinstance(out, tuple) else out
            out[...] = res
            return out
        return res

    def at(self, a, indices, b=None):
        """Unbuffered in-place ``a[indices] = func(a[indices], b)``: repeated indices
        are applied once per occurrence."""
        if self.nout != 1:
            raise ValueError("Only single output ufuncs supported at this time")
        if self.nin == 2 and b is None:
            raise ValueError("second operand needed for ufunc")
        if self.nin == 1 and b is not None:
            raise ValueError("second operand provided when ufunc is unary")
        if self.nin not in (1, 2):
            raise ValueError("only unary and binary ufuncs supported at this time")
        positions = _rp.arange(a.size).reshape(a.shape)[indices]
        flat_pos = _rp.asarray(positions).ravel().tolist()
        if b is not None:
            bvals = _rp.broadcast_to(_as_object(b), _rp.shape(positions)).ravel().tolist()
        is_obj = a.dtype == object
        for k, p in enumerate(flat_pos):
            idx = _rp.unravel_index(p, a.shape)
            cur = a[idx]
            if not is_obj:
                cur = cur.item()
            a[idx] = self._func(cur) if b is None else self._func(cur, bvals[k])

    def outer(self, A, B):
        """Apply the function to all pairs (a, b) with a in A and b in B."""
        if self.nin != 2:
            raise ValueError("outer product only supported for binary functions")
        A = _as_object(A)
        B = _as_object(B)
        return self(A.reshape(A.shape + (1,) * B.ndim), B)


def frompyfunc(func, /, nin, nout, *, identity=None):
    """Wrap an arbitrary Python function as a ufunc-like object working on object
    arrays; ``nout > 1`` gives a tuple of arrays."""
    if not callable(func):
        raise TypeError("function must be callable")
    nin = operator.index(nin)
    nout = operator.index(nout)
    if nin < 0 or nout < 0:
        raise ValueError("nin and nout must be non-negative")
    return _PyUfunc(func, nin, nout, identity)


# ---------------------------------------------------------------------------
# vectorize
# ---------------------------------------------------------------------------

_DIM = r"\w+"
_CORE_LIST = f"(?:{_DIM}(?:,{_DIM})*)?"
_ARG = rf"\({_CORE_LIST}\)"
_ARG_LIST = f"{_ARG}(?:,{_ARG})*"
_SIGNATURE_RE = f"^{_ARG_LIST}->{_ARG_LIST}$"


def _parse_signature(signature):
    """'(m,n),(n)->(m)' -> ([('m', 'n'), ('n',)], [('m',)])."""
    signature = re.sub(r"\s+", "", signature)
    if not re.match(_SIGNATURE_RE, signature):
        raise ValueError(f"not a valid gufunc signature: {signature}")
    return tuple([tuple(re.findall(_DIM, arg)) for arg in re.findall(_ARG, side)]
                 for side in signature.split("->"))


def _update_dim_sizes(dim_sizes, arg, core_dims):
    if not core_dims:
        return
    ncore = len(core_dims)
    if arg.ndim < ncore:
        raise ValueError(
            "%d-dimensional argument does not have enough dimensions for all core "
            "dimensions %r" % (arg.ndim, core_dims))
    for dim, size in zip(core_dims, arg.shape[-ncore:]):
        if dim in dim_sizes:
            if size != dim_sizes[dim]:
                raise ValueError("inconsistent size for core dimension %r: %r vs %r"
                                 % (dim, size, dim_sizes[dim]))
        else:
            dim_sizes[dim] = size


def _core_shapes(loop_shape, dim_sizes, core_dims_list):
    return [loop_shape + tuple(dim_sizes[d] for d in dims) for dims in core_dims_list]


def _new_outputs(loop_shape, dim_sizes, core_dims_list, dtypes, results=None):
    shapes = _core_shapes(loop_shape, dim_sizes, core_dims_list)
    if dtypes is None:
        dtypes = [None] * len(shapes)
    if results is None:
        return tuple(_rp.empty(shape=s, dtype=d) for s, d in zip(shapes, dtypes))
    return tuple(_rp.empty_like(r, shape=s, dtype=d) for r, s, d in zip(results, shapes, dtypes))


def _otype(dt):
    return dt.char if dt.char in "SU" else dt




def _cast(arr, dtype):
    arr = _rp.asanyarray(arr)
    return arr.astype(dtype, copy=False) if isinstance(arr, _rp.ndarray) else arr


class vectorize:
    """Turn a Python function on scalars into one that broadcasts over arrays.

    ``otypes`` fixes output dtypes (a string of type codes or a list of dtypes);
    ``excluded`` names positional indices / keyword names passed through unchanged;
    ``cache`` reuses the first call's result (made to learn the output types);
    ``signature`` (e.g. ``'(n),(n)->()'``) gives generalized-ufunc core dimensions.
    Also usable as a decorator with keyword arguments only.
    """

    def __init__(self, pyfunc=_NOVALUE, otypes=None, doc=None, excluded=None,
                 cache=False, signature=None):
        if pyfunc is not _NOVALUE and not callable(pyfunc):
            raise TypeError("When used as a decorator, only accepts keyword arguments.")
        self.pyfunc = pyfunc
        self.cache = cache
        self.signature = signature
        if pyfunc is not _NOVALUE and hasattr(pyfunc, "__name__"):
            self.__name__ = pyfunc.__name__
        self._ufunc = {}
        self._doc = None
        self.__doc__ = doc
        if doc is None and hasattr(pyfunc, "__doc__"):
            self.__doc__ = pyfunc.__doc__
        else:
            self._doc = doc
        if isinstance(otypes, str):
            for ch in otypes:
                if ch not in _rp.typecodes["All"]:
                    raise ValueError(f"Invalid otype specified: {ch}")
        elif otypes is not None:
            try:
                items = list(otypes)
            except TypeError:
                raise ValueError("Invalid otype specification") from None
            otypes = [_otype(_rp.dtype(x)) for x in items]
        self.otypes = otypes
        self.excluded = set() if excluded is None else set(excluded)
        self._core = None if signature is None else _parse_signature(signature)

    def _init_stage_2(self, pyfunc, *args, **kwargs):
        self.__name__ = pyfunc.__name__
        self.pyfunc = pyfunc
        self.__doc__ = pyfunc.__doc__ if self._doc is None else self._doc

    def __call__(self, *args, **kwargs):
        if self.pyfunc is _NOVALUE:
            self._init_stage_2(*args, **kwargs)
            return self
        return self._call_as_normal(*args, **kwargs)

    def _call_as_normal(self, *args, **kwargs):
        excluded = self.excluded
        if not kwargs and not excluded:
            func = self.pyfunc
            vargs = args
        else:
            names = [k for k in kwargs if k not in excluded]
            inds = [i for i in range(len(args)) if i not in excluded]
            the_args = list(args)

            def func(*vals):
                for j, i in enumerate(inds):
                    the_args[i] = vals[j]
                kwargs.update(zip(names, vals[len(inds):]))
                return self.pyfunc(*the_args, **kwargs)

            vargs = [args[i] for i in inds] + [kwargs[k] for k in names]
        return self._vectorize_call(func, vargs)

    def _get_ufunc_and_otypes(self, func, args):
        if not args:
            raise ValueError("args can not be empty")
        if self.otypes is not None:
            otypes = self.otypes
            nin = len(args)
            if func is not self.pyfunc or nin not in self._ufunc:
                ufunc = frompyfunc(func, nin, len(otypes))
            else:
                ufunc = None
            if func is self.pyfunc:
                ufunc = self._ufunc.setdefault(nin, ufunc)
            return ufunc, otypes
        args = [_asarray_any(a) for a in args]
        if any(a.size == 0 for a in args):
            raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
        outputs = func(*[a.flat[0] for a in args])
        if self.cache:
            first = [outputs]

            def _func(*vals):
                return first.pop() if first else func(*vals)
        else:
            _func = func
        if isinstance(outputs, tuple):
            nout = len(outputs)
        else:
            nout = 1
            outputs = (outputs,)
        otypes = "".join(_asarray_any(o).dtype.char for o in outputs)
        return frompyfunc(_func, len(args), nout), otypes

    def _vectorize_call(self, func, args):
        if self.signature is not None:
            return self._call_with_signature(func, args)
        if not args:
            return func()
        ufunc, otypes = self._get_ufunc_and_otypes(func, args)
        args = [a if isinstance(a, _rp.ndarray) else _rp.asanyarray(a, dtype=object)
                for a in args]
        if ufunc.nout == 1 and _rp.dtype(otypes[0]).kind in "iufc":
            # numbers: the results converted once to the output type (numpy goes through an
            # object array, whose cast gives the same values)
            shape, cols, _ = ufunc._evaluate(args)
            try:
                out = _rp.array(cols[0], dtype=otypes[0])
            except (TypeError, ValueError, OverflowError):
                out = None
            if out is not None and out.shape == (len(cols[0]),):
                return out.reshape(shape)
            return _cast(_object_array(cols[0], shape), otypes[0])
        outputs = ufunc(*args, out=...)
        if ufunc.nout == 1:
            return _cast(outputs, otypes[0])
        return tuple(_cast(x, t) for x, t in zip(outputs, otypes))

    def _call_with_signature(self, func, args):
        in_core, out_core = self._core
        if len(args) != len(in_core):
            raise TypeError("wrong number of positional arguments: expected %r, got %r"
                            % (len(in_core), len(args)))
        args = tuple(_rp.asanyarray(a) for a in args)
        dim_sizes = {}
        loop_shapes = []
        for arg, dims in zip(args, in_core):
            _update_dim_sizes(dim_sizes, arg, dims)
            loop_shapes.append(arg.shape[:arg.ndim - len(dims)])
        loop_shape = _rp.broadcast_shapes(*loop_shapes)
        in_shapes = _core_shapes(loop_shape, dim_sizes, in_core)
        args = [_rp.broadcast_to(a, s, subok=True) for a, s in zip(args, in_shapes)]
        outputs = None
        otypes = self.otypes
        nout = len(out_core)
        for index in _rp.ndindex(*loop_shape):
            results = func(*(a[index] for a in args))
            n_results = len(results) if isinstance(results, tuple) else 1
            if nout != n_results:
                raise ValueError("wrong number of outputs from pyfunc: expected %r, got %r"
                                 % (nout, n_results))
            if nout == 1:
                results = (results,)
            if outputs is None:
                for res, dims in zip(results, out_core):
                    _update_dim_sizes(dim_sizes, _rp.asanyarray(res), dims)
                outputs = _new_outputs(loop_shape, dim_sizes, out_core, otypes, results)
            for o, res in zip(outputs, results):
                o[index] = res
        if outputs is None:
            if otypes is None:
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
            if any(d not in dim_sizes for dims in out_core for d in dims):
                raise ValueError("cannot call `vectorize` with a signature including new "
                                 "output dimensions on size 0 inputs")
            outputs = _new_outputs(loop_shape, dim_sizes, out_core, otypes)
        return outputs[0] if nout == 1 else outputs


# ---------------------------------------------------------------------------
# apply_along_axis / apply_over_axes / piecewise / fromfunction
# ---------------------------------------------------------------------------

def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """Apply ``func1d`` to 1-d slices of ``arr`` along ``axis``; the result's shape
    has the slices' result shape in place of that axis."""
    arr = _rp.asanyarray(arr)
    nd = arr.ndim
    axis = _normalize_axis(axis, nd)
    dims = list(range(nd))
    view = arr.transpose(dims[:axis] + dims[axis + 1:] + [axis])
    inds = (ind + (Ellipsis,) for ind in _rp.ndindex(view.shape[:-1]))
    try:
        first = next(inds)
    except StopIteration:
        raise ValueError(
            "Cannot apply_along_axis when any iteration dimensions are 0") from None
    res = _rp.asanyarray(func1d(view[first], *args, **kwargs))
    if res.ndim == 0 and view.ndim == 2 and type(res) is _rp.ndarray:
        # one value per row: the rows' results gathered, then stored at once
        vals = [res] + [func1d(view[i], *args, **kwargs) for i in range(1, view.shape[0])]
        buff = _rp.zeros(view.shape[:-1], res.dtype)
        try:
            values = _rp.asarray(vals)
        except (TypeError, ValueError):
            values = None
        if values is None or values.shape != buff.shape:
            for i, v in enumerate(vals):
                buff[i] = v
        else:
            buff[...] = values
        return buff
    buff = _rp.zeros(view.shape[:-1] + res.shape, res.dtype)
    bdims = list(range(buff.ndim))
    split = buff.ndim - res.ndim
    permute = bdims[0:axis] + bdims[split:] + bdims[axis:split]
    buff[first] = res
    for ind in inds:
        buff[ind] = _rp.asanyarray(func1d(view[ind], *args, **kwargs))
    return buff.transpose(permute)


def apply_over_axes(func, a, axes):
    """Apply ``func(a, axis)`` repeatedly over ``axes``, keeping the number of
    dimensions (a reduced axis is re-inserted with length 1)."""
    val = _rp.asarray(a)
    N = a.ndim
    if _rp.array(axes).ndim == 0:
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = N + axis
        res = func(val, axis)
        if res.ndim != val.ndim:
            res = _rp.expand_dims(res, axis)
            if res.ndim != val.ndim:
                raise ValueError("function is not returning an array of the correct shape")
        val = res
    return val


def piecewise(x, condlist, funclist, *args, **kw):
    """Evaluate a piecewise-defined function: where ``condlist[i]`` holds, use
    ``funclist[i]`` (a callable applied to those values, or a constant); one extra
    function is the default where no condition holds."""
    x = _rp.asanyarray(x)
    n2 = len(funclist)
    if _rp.isscalar(condlist) or (
            not isinstance(condlist[0], (list, _rp.ndarray)) and x.ndim != 0):
        condlist = [condlist]
    condlist = _rp.asarray(condlist, dtype=bool)
    n = len(condlist)
    if n == n2 - 1:
        rest = ~_rp.any(condlist, axis=0, keepdims=True)
        condlist = _rp.concatenate([condlist, rest], axis=0)
        n += 1
    elif n != n2:
        raise ValueError(
            f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    y = _rp.zeros_like(x)
    for cond, func in zip(condlist, funclist):
        if not isinstance(func, collections.abc.Callable):
            y[cond] = func
        else:
            vals = x[cond]
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y


def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    """Call ``function`` with one coordinate array per dimension of ``shape``."""
    return function(*_rp.indices(shape, dtype=dtype), **kwargs)


# ---------------------------------------------------------------------------
# binary_repr / base_repr / vander
# ---------------------------------------------------------------------------

def binary_repr(num, width=None):
    """Binary string of an integer; with ``width``, negative numbers are given in
    two's complement of that width."""
    def check(binwidth):
        if width is not None and width < binwidth:
            raise ValueError(f"Insufficient bit width={width} provided for binwidth={binwidth}")

    num = operator.index(num)
    if num == 0:
        return "0" * (width or 1)
    if num > 0:
        bits = format(num, "b")
        check(len(bits))
        return bits.zfill(len(bits) if width is None else max(len(bits), width))
    if width is None:
        return "-" + format(-num, "b")
    poswidth = len(format(-num, "b"))
    if 2 ** (poswidth - 1) == -num:
        poswidth -= 1
    bits = format(2 ** (poswidth + 1) + num, "b")
    check(len(bits))
    return "1" * (max(len(bits), width) - len(bits)) + bits


_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def base_repr(number, base=2, padding=0):
    """String of ``number`` in ``base`` (2..36), with ``padding`` zeros prepended."""
    if base > len(_DIGITS):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    if base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    num = abs(int(number))
    chars = []
    while num:
        chars.append(_DIGITS[num % base])
        num //= base
    if padding:
        chars.append("0" * padding)
    if number < 0:
        chars.append("-")
    return "".join(reversed(chars or "0"))


def vander(x, N=None, increasing=False):
    """Vandermonde matrix: columns are powers of ``x`` (decreasing unless ``increasing``)."""
    x = _rp.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    if N is None:
        N = len(x)
    v = _rp.empty((len(x), N), dtype=_rp.promote_types(x.dtype, int))
    tmp = v if increasing else v[:, ::-1]
    if N > 0:
        tmp[:, 0] = 1
    if N > 1:
        tmp[:, 1:] = x[:, None]
        _rp.multiply.accumulate(tmp[:, 1:], out=tmp[:, 1:], axis=1)
    return v
