"""ndarray subclasses survive views, copies, ufuncs and reductions as in numpy.

Each case defines the same subclasses over numpy and over rumpy, runs one expression on both,
and compares the result's class name, the calls of ``__array_finalize__`` (with the class of
the object they received), the calls of ``__array_wrap__`` (with the context's ufunc name and
output index, and ``return_scalar``), and the values.
"""

import copy
import pickle

import numpy as np
import pytest

import rumpy as rp


def _classes(lib, log):
    class Sub(lib.ndarray):
        def __array_finalize__(self, obj):
            log.append(("finalize", None if obj is None else type(obj).__name__))

    class High(lib.ndarray):
        __array_priority__ = 20

    class Wrapped(lib.ndarray):
        def __array_wrap__(self, arr, context=None, return_scalar=False):
            ctx = None if context is None else (context[0].__name__, context[2])
            log.append(("wrap", type(arr).__name__, ctx, bool(return_scalar)))
            return "wrapped"

    class Plain(lib.ndarray):
        pass

    return Sub, High, Wrapped, Plain


EXPRS = [
    "s[0]",
    "s[:, 1:]",
    "s[0, 0]",
    "s[..., None]",
    "s.T",
    "s.reshape(3, 2)",
    "s.ravel()",
    "s.view()",
    "s.view(L.ndarray)",
    "s.view(L.float64)",
    "s.copy()",
    "s.astype(L.float32)",
    "s.astype(L.float32, subok=False)",
    "s[L.array([1, 0])]",
    "s[s > 2]",
    "s + 1",
    "1 + s",
    "-s",
    "s > 2",
    "s + a",
    "a + s",
    "L.sqrt(s)",
    "L.add(s, 1, out=L.empty((2, 3)))",
    "L.add(s[0, 0], 1)",
    "L.divmod(s, 2)",
    "s.sum()",
    "s.sum(axis=0)",
    "s.sum(axis=1, keepdims=True)",
    "L.add.reduce(s, axis=None)",
    "s.max(axis=0)",
    "L.add.accumulate(s, axis=1)",
    "L.matmul(s, s.T)",
    "s @ s.T",
    "p + s[0]",
    "s[0] + p",
    "w + 1",
    "L.add.reduce(w)",
    "L.add.reduce(w2, axis=0)",
    "q + 1",
    "q[1:]",
]


def _run(lib, expr):
    log = []
    Sub, High, Wrapped, Plain = _classes(lib, log)
    env = {
        "L": lib,
        "s": lib.arange(6.0).reshape(2, 3).view(Sub),
        "a": lib.arange(3.0),
        "p": lib.arange(3.0).view(High),
        "w": lib.arange(3.0).view(Wrapped),
        "w2": lib.arange(6.0).reshape(2, 3).view(Wrapped),
        "q": lib.arange(3).view(Plain),
    }
    log.clear()
    r = eval(expr, env)
    return r, list(log)


def _summary(r):
    if isinstance(r, tuple):
        return tuple(_summary(x) for x in r)
    if isinstance(r, str):
        return r
    return (type(r).__name__, np.asarray(r).tolist(), str(np.asarray(r).dtype))


@pytest.mark.parametrize("expr", EXPRS)
def test_subclass_results_and_hooks(expr):
    n, nlog = _run(np, expr)
    r, rlog = _run(rp, expr)
    assert _summary(r) == _summary(n)
    assert rlog == nlog


def test_array_wrap_called_directly():
    got = {}
    for lib in (np, rp):
        log = []
        Sub, _, _, Plain = _classes(lib, log)
        s = lib.arange(3.0).view(Sub)
        q = lib.arange(3.0).view(Plain)
        log.clear()
        r1 = s.__array_wrap__(q)
        r2 = lib.arange(2.0).__array_wrap__(s)
        got[lib.__name__] = (type(r1).__name__, type(r2).__name__, list(log))
    assert got["rumpy"] == got["numpy"]


def _memory_and_bases(lib):
    class Sub(lib.ndarray):
        pass

    class Other(lib.ndarray):
        pass

    a = lib.arange(6.0)
    s = a.view(Sub)
    v = s[1:]
    v[0] = 9.0
    r = s + 1
    u = a[1:]
    # Bases collapse only through arrays of the new view's class.
    bases = [v.base is s, v[1:].base is s, s.view(Other).base is s, u.view(Sub).base is u,
             s[::2].view(lib.ndarray).base is s, a[1:][1:].base is a]
    return (type(s).__name__, s.base is a, type(v).__name__, float(a[1]),
            type(r).__name__, r.base is None, bases)


def _result_bases(lib):
    class Sub(lib.ndarray):
        pass

    s = lib.arange(6.0).reshape(2, 3).view(Sub)
    made = [s + 1, s.sum(axis=0), s.sum(), s.copy(), s.astype("f4"), s[[0, 1]],
            lib.add.accumulate(s), lib.matmul(s, s.T), s.cumsum(axis=1)]
    return [None if r.base is None else type(r.base).__name__ for r in made]


def test_subclass_results_own_or_view_their_memory_as_numpy():
    assert _result_bases(rp) == _result_bases(np)


def test_views_of_subclasses_share_memory_and_base():
    assert _memory_and_bases(rp) == _memory_and_bases(np)


@pytest.mark.parametrize("bad", [int, float, "x"])
def test_view_type_must_be_an_ndarray_subclass(bad):
    with pytest.raises(Exception) as n:
        np.arange(3.0).view(type=bad)
    with pytest.raises(n.type):
        rp.arange(3.0).view(type=bad)


def _new_calls(lib):
    calls = []

    class Sub(lib.ndarray):
        def __new__(cls, *args, **kwargs):
            calls.append(args)
            return super().__new__(cls, *args, **kwargs)

    s = lib.arange(4.0).view(Sub)
    s[1:], s + 1, s.sum(), s.copy(), s.T
    return calls


def test_subclass_new_is_not_called_for_views():
    assert _new_calls(rp) == _new_calls(np)


# ------------------------------------------- conversions, copies and pickles of a subclass


class _NpS(np.ndarray):
    pass


class _RpS(rp.ndarray):
    pass


# the same class name on both sides; pickle finds each by its own qualified name
_NpS.__name__ = _RpS.__name__ = "S"

CONVERSIONS = {
    "asarray": lambda L, s: L.asarray(s),
    "asanyarray": lambda L, s: L.asanyarray(s),
    "ascontiguousarray": lambda L, s: L.ascontiguousarray(s),
    "array": lambda L, s: L.array(s),
    "array_copy_false": lambda L, s: L.array(s, copy=False),
    "array_subok": lambda L, s: L.array(s, subok=True),
    "array_copy_false_subok": lambda L, s: L.array(s, copy=False, subok=True),
    "asanyarray_dtype": lambda L, s: L.asanyarray(s, dtype="f4"),
    "asanyarray_same_dtype": lambda L, s: L.asanyarray(s, dtype="f8"),
    "asanyarray_copy": lambda L, s: L.asanyarray(s, copy=True),
    "flatten": lambda L, s: s.flatten(),
    "copy": lambda L, s: s.copy(),
    "copy.copy": lambda L, s: copy.copy(s),
    "copy.deepcopy": lambda L, s: copy.deepcopy(s),
    "pickle2": lambda L, s: pickle.loads(pickle.dumps(s, protocol=2)),
    "pickle5": lambda L, s: pickle.loads(pickle.dumps(s, protocol=5)),
    "reshape_squeeze": lambda L, s: s.reshape(1, -1).squeeze(),
    "strided_ravel": lambda L, s: s[::2].ravel(),
    "ravel": lambda L, s: s.ravel(),
    "asarray_strided": lambda L, s: L.asarray(s[::2]),
    "ascontiguousarray_strided": lambda L, s: L.ascontiguousarray(s[::2]),
}


def _converted(L, how, source):
    S = _NpS if L is np else _RpS
    plain = L.arange(6.0)
    # "owner": s owns its memory; "view": s views a plain array (bases collapse to it)
    s = plain.view(S).copy() if source == "owner" else plain.view(S)
    r = CONVERSIONS[how](L, s)
    before = r.tolist()
    s[0] = 99.0  # does r see writes to s?
    return (type(r).__name__, r.dtype.str, r.shape, before, r.tolist() != before,
            r is s, r.base is s, r.base is None, r.base is plain,
            None if r.base is None else type(r.base).__name__)


@pytest.mark.parametrize("source", ["owner", "view"])
@pytest.mark.parametrize("how", list(CONVERSIONS))
def test_subclass_conversions_copies_and_pickles(how, source):
    """(class name, dtype, shape, values, shares memory with s, is s, base is s, base is
    None, base is the plain array, base's class name) as numpy's."""
    assert _converted(rp, how, source) == _converted(np, how, source)
