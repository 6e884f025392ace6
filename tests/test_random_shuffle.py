"""Generator.choice, shuffle, permutation and permuted of rumpy.random against numpy.random
(NumPy 2.4), bit for bit.

Every case is a function of a module (``np`` or ``rp``) and a Generator of that module seeded
the same way; it runs once with each, and the results are compared exactly (arrays by dtype,
shape and values, floats through their bits, scalars by type name and value, Python objects by
type and value), and then the final ``bit_generator.state`` dicts, so that both drew the same
words. In-place cases return the array (or sequence) they shuffled, and the base an array view
belongs to. When numpy raises, rumpy must raise the same class of exception with the same
message, and end in the same state. The vectors of plans/random-notes.md (section 8) are
checked against both libraries.
"""

import warnings
from collections.abc import MutableSequence

import numpy as np
import pytest

import rumpy as rp

SEEDS = [0, 1, 12345, 2**100]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def same(r, n):
    """rumpy's result ``r`` is numpy's ``n``."""
    if isinstance(n, np.ndarray):
        assert isinstance(r, rp.ndarray), type(r)
        assert str(r.dtype) == str(n.dtype)
        assert tuple(r.shape) == n.shape
        if n.dtype.kind in "fc":
            word = f"u{n.dtype.itemsize // (2 if n.dtype.kind == 'c' else 1)}"
            got = np.array(r.tolist(), dtype=n.dtype).reshape(n.shape)
            np.testing.assert_array_equal(got.view(word), n.view(word))
        else:
            assert r.tolist() == n.tolist()
    elif isinstance(n, np.generic):
        assert isinstance(r, rp.generic), type(r)
        assert type(r).__name__ == type(n).__name__
        assert r.item() == n.item() or (r.item() != r.item() and n.item() != n.item())
    elif isinstance(n, (list, tuple)):
        assert type(r) is type(n)
        assert len(r) == len(n)
        for a, b in zip(r, n):
            same(a, b)
    else:
        assert type(r) is type(n), (type(r), type(n))
        assert r == n


def plain(state):
    """A state dict with its arrays (MT19937's key) as lists, so that dicts compare."""
    if isinstance(state, dict):
        return {k: plain(v) for k, v in state.items()}
    if hasattr(state, "tolist"):
        return state.tolist()
    return state


def same_state(r, n):
    assert plain(r.bit_generator.state) == plain(n.bit_generator.state)


def both_rngs(seed):
    return np.random.default_rng(seed), rp.random.default_rng(seed)


def run(case, seed):
    """``case`` gives the same result with both libraries and leaves the same state."""
    n, r = both_rngs(seed)
    n_res = case(np, n)
    r_res = case(rp, r)
    same(r_res, n_res)
    same_state(r, n)
    return r_res


def run_error(case, seed=3, message=True):
    """numpy raises; rumpy raises the same class, the same text, and draws as much."""
    n, r = both_rngs(seed)
    with pytest.raises(Exception) as n_info:
        case(np, n)
    with pytest.raises(type(n_info.value)) as r_info:
        case(rp, r)
    if message:
        assert str(r_info.value) == str(n_info.value)
    same_state(r, n)


def cases(table):
    """``pytest.param`` per (id, case) pair (or ``pytest.param(id, case, marks=...)``)."""
    out = []
    for item in table:
        if isinstance(item, tuple) and len(item) == 2:
            out.append(pytest.param(item[1], id=item[0]))
        else:
            out.append(pytest.param(item.values[1], id=item.values[0], marks=item.marks))
    return out


def shuffled(x, **kw):
    """A case shuffling the array ``x(m)`` in place, giving back the array."""
    def case(m, g):
        a = x(m)
        g.shuffle(a, **kw)
        return a
    return case


def shuffled_view(view, **kw):
    """A case shuffling a view of a base array in place, giving back the view and the base."""
    def case(m, g):
        base = m.arange(60).reshape(3, 4, 5)
        v = view(base)
        g.shuffle(v, **kw)
        return v, base
    return case


# ---------------------------------------------------------------------------
# the vectors of plans/random-notes.md section 8 (default_rng(12345), fresh each line)
# ---------------------------------------------------------------------------

VECTORS = [
    ("permutation(10)", lambda m, g: g.permutation(10), [4, 8, 1, 3, 7, 9, 6, 0, 2, 5]),
    ("shuffle(arange(10))", shuffled(lambda m: m.arange(10)), [4, 8, 1, 3, 7, 9, 6, 0, 2, 5]),
    ("choice(100,5)", lambda m, g: g.choice(100, 5), [69, 22, 78, 31, 20]),
    ("choice(10,3,nr)", lambda m, g: g.choice(10, 3, replace=False), [2, 7, 5]),
    ("choice(100,10,nr,noshuffle)",
     lambda m, g: g.choice(100, 10, replace=False, shuffle=False),
     [63, 20, 73, 29, 19, 76, 62, 66, 97, 39]),
    ("choice(20000,1000,nr)[:5]", lambda m, g: g.choice(20000, 1000, replace=False)[:5],
     [13223, 16636, 5134, 19485, 6098]),
    ("choice(5,4,p)", lambda m, g: g.choice(5, 4, p=[.1, .2, .3, .4, 0]), [1, 2, 3, 3]),
    ("choice(5,3,nr,p)", lambda m, g: g.choice(5, 3, replace=False, p=[.1, .2, .3, .4, 0]),
     [1, 2, 3]),
    ("permuted(axis=1)", lambda m, g: g.permuted(m.arange(12).reshape(3, 4), axis=1),
     [[2, 0, 3, 1], [6, 4, 7, 5], [11, 9, 10, 8]]),
]


@pytest.mark.parametrize("case,expected", [pytest.param(f, e, id=i) for i, f, e in VECTORS])
def test_vectors(case, expected):
    assert case(rp, rp.random.default_rng(12345)).tolist() == expected
    assert case(np, np.random.default_rng(12345)).tolist() == expected
    run(case, 12345)


# ---------------------------------------------------------------------------
# shuffle
# ---------------------------------------------------------------------------

DTYPES = ["int64", "int8", "uint16", "int32", "float64", "float32", "bool", "complex128",
          "float16"]


def _records(m):
    a = m.zeros(7, dtype=[("a", "i4"), ("b", "f8"), ("c", "U3")])
    a["a"] = m.arange(7)
    a["b"] = m.arange(7) * 0.5
    a["c"] = ["x", "yy", "zzz", "w", "v", "u", "t"]
    return a


SHUFFLE_CASES = [
    *[(f"1d-{dt}", shuffled(lambda m, dt=dt: m.arange(23).astype(dt))) for dt in DTYPES],
    ("1d-n1", shuffled(lambda m: m.arange(1))),
    ("1d-n2", shuffled(lambda m: m.arange(2))),
    ("1d-n1000", shuffled(lambda m: m.arange(1000))),
    ("1d-empty", shuffled(lambda m: m.arange(0))),
    ("1d-object", shuffled(lambda m: m.asarray([1, "a", None, 2.5, (1, 2), 10**30],
                                               dtype=object))),
    ("1d-str", shuffled(lambda m: m.asarray(["a", "bb", "ccc", "d", "ee"]))),
    ("1d-bytes", shuffled(lambda m: m.asarray([b"a", b"bb", b"ccc", b"d"]))),
    ("1d-records", shuffled(_records)),
    ("1d-datetime", shuffled(lambda m: m.arange(10).astype("datetime64[D]"))),
    ("2d", shuffled(lambda m: m.arange(20).reshape(5, 4))),
    ("2d-axis1", shuffled(lambda m: m.arange(20).reshape(5, 4), axis=1)),
    ("2d-axis-1", shuffled(lambda m: m.arange(20).reshape(5, 4), axis=-1)),
    ("2d-axis-2", shuffled(lambda m: m.arange(20).reshape(5, 4), axis=-2)),
    ("3d-axis0", shuffled(lambda m: m.arange(60.0).reshape(3, 4, 5))),
    ("3d-axis1", shuffled(lambda m: m.arange(60.0).reshape(3, 4, 5), axis=1)),
    ("3d-axis2", shuffled(lambda m: m.arange(60.0).reshape(3, 4, 5), axis=2)),
    ("2d-object", shuffled(lambda m: m.asarray([[1, "a"], [None, 2.5], [3, 4]], dtype=object))),
    ("2d-object-axis1", shuffled(lambda m: m.asarray([[1, "a", 3], [None, 2.5, 4]],
                                                     dtype=object), axis=1)),
    ("2d-fortran", shuffled(lambda m: m.asfortranarray(m.arange(20).reshape(4, 5)))),
    ("2d-fortran-axis1", shuffled(lambda m: m.asfortranarray(m.arange(20).reshape(4, 5)),
                                  axis=1)),
    ("2d-empty-rows", shuffled(lambda m: m.zeros((0, 3)))),
    ("2d-empty-cols", shuffled(lambda m: m.zeros((3, 0)))),
    ("2d-empty-cols-axis1", shuffled(lambda m: m.zeros((3, 0)), axis=1)),
    ("2d-one-row", shuffled(lambda m: m.arange(5).reshape(1, 5))),
    ("view-reversed", shuffled_view(lambda b: b.reshape(-1)[::-3])),
    ("view-step", shuffled_view(lambda b: b[:, 1, ::2])),
    ("view-step-axis1", shuffled_view(lambda b: b[:, 1, ::2], axis=1)),
    ("view-transposed", shuffled_view(lambda b: b.transpose(2, 0, 1))),
    ("view-transposed-axis2", shuffled_view(lambda b: b.transpose(2, 0, 1)[::-1], axis=2)),
    ("view-column", shuffled_view(lambda b: b[1, :, 3])),
    ("view-negative-2d", shuffled_view(lambda b: b[::-1, ::-2, 2], axis=1)),
    ("list", shuffled(lambda m: list(range(30)))),
    ("list-objects", shuffled(lambda m: [None, "a", 3, [1], 2.5, (7,)])),
    ("list-1", shuffled(lambda m: [5])),
    ("list-empty", shuffled(lambda m: [])),
    ("list-of-lists", shuffled(lambda m: [[1, 2], [3, 4], [5, 6], [7, 8]])),
    ("bytearray", shuffled(lambda m: bytearray(b"abcdefghij"))),
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case", cases(SHUFFLE_CASES))
def test_shuffle(case, seed):
    run(case, seed)


class Seq(MutableSequence):
    """A user sequence (no slicing), failing on assignment from call ``fail_at`` on."""

    def __init__(self, items, fail_at=None):
        self.items = list(items)
        self.fail_at = fail_at
        self.calls = 0

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.calls += 1
        if self.fail_at is not None and self.calls >= self.fail_at:
            raise RuntimeError("no more writes")
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def insert(self, i, v):
        self.items.insert(i, v)


class NotSeq:
    """Indexable, sized, but not a ``Sequence``: shuffled with numpy's warning."""

    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n", [0, 1, 2, 17, 300])
def test_shuffle_user_sequence(seed, n):
    def case(m, g):
        s = Seq(range(n))
        g.shuffle(s)
        return s.items
    run(case, seed)


@pytest.mark.parametrize("fail_at", [1, 2, 5, 12, 40])
def test_shuffle_user_sequence_failing_midway(fail_at):
    """numpy draws step by step and stops at the failing swap: the same state afterwards."""
    for seed in SEEDS:
        def case(m, g):
            s = Seq(range(30), fail_at=fail_at)
            g.shuffle(s)
        run_error(case, seed)

        def items(m, g):
            s = Seq(range(30), fail_at=fail_at)
            try:
                g.shuffle(s)
            except RuntimeError:
                pass
            return s.items
        run(items, seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_shuffle_not_a_sequence_warns(seed):
    def case(m, g):
        s = NotSeq(range(25))
        with pytest.warns(UserWarning) as rec:
            g.shuffle(s)
        assert len(rec) == 1
        return s.items, str(rec[0].message)
    run(case, seed)


def test_shuffle_dict_warns():
    def case(m, g):
        d = {0: "a"}
        with pytest.warns(UserWarning, match="you are shuffling a 'dict' object"):
            g.shuffle(d)
        return d
    run(case, 5)


def _readonly(m, shape=(5,)):
    a = m.zeros(shape)
    a.flags.writeable = False
    return a


def _shuffle_with(x, **kw):
    return lambda m, g: g.shuffle(x(m), **kw)


def _shuffle_warned(x, **kw):
    def case(m, g):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            g.shuffle(x(m), **kw)
    return case


SHUFFLE_ERRORS = [
    ("int", _shuffle_with(lambda m: 5)),
    ("0-d", _shuffle_with(lambda m: m.asarray(5))),
    ("read-only", _shuffle_with(_readonly)),
    ("read-only-0d", _shuffle_with(lambda m: _readonly(m, ()))),
    ("read-only-empty", _shuffle_with(lambda m: _readonly(m, (0,)))),
    ("read-only-2d-axis", _shuffle_with(lambda m: _readonly(m, (2, 3)), axis=5)),
    ("axis-1d", _shuffle_with(lambda m: m.arange(5), axis=1)),
    ("axis-2d", _shuffle_with(lambda m: m.arange(6).reshape(2, 3), axis=-3)),
    ("axis-float", _shuffle_with(lambda m: m.arange(6).reshape(2, 3), axis=1.0)),
    ("axis-huge", _shuffle_with(lambda m: m.arange(6), axis=2**40)),
    ("axis-huger", _shuffle_with(lambda m: m.arange(6), axis=-2**70)),
    ("axis-str", _shuffle_with(lambda m: m.arange(6), axis="0")),
    ("list-axis", _shuffle_with(lambda m: [1, 2, 3], axis=1)),
    ("tuple", _shuffle_with(lambda m: (1, 2, 3))),
    ("str", _shuffle_with(lambda m: "abcdef")),
    ("range", _shuffle_with(lambda m: range(10))),
    ("notseq-axis", _shuffle_warned(lambda m: NotSeq([1, 2]), axis=1)),
    ("dict-keys", _shuffle_warned(lambda m: {"a": 1, "b": 2})),
    ("none", _shuffle_with(lambda m: None)),
]


@pytest.mark.parametrize("case", cases(SHUFFLE_ERRORS))
def test_shuffle_errors(case):
    for seed in (3, 12345):
        run_error(case, seed)


# ---------------------------------------------------------------------------
# permutation
# ---------------------------------------------------------------------------

PERMUTATION_CASES = [
    ("int", lambda m, g: g.permutation(10)),
    ("int-0", lambda m, g: g.permutation(0)),
    ("int-1", lambda m, g: g.permutation(1)),
    ("int-negative", lambda m, g: g.permutation(-3)),
    ("int-big", lambda m, g: g.permutation(5000)),
    ("bool", lambda m, g: g.permutation(True)),
    ("int8-scalar", lambda m, g: g.permutation(m.int8(7))),
    ("uint64-scalar", lambda m, g: g.permutation(m.uint64(7))),
    ("numpy-int-scalar", lambda m, g: g.permutation(np.int32(6))),
    ("list", lambda m, g: g.permutation([3, 1, 4, 1, 5, 9, 2, 6])),
    ("list-floats", lambda m, g: g.permutation([0.5, 1.5, 2.5, -1.0])),
    ("list-str", lambda m, g: g.permutation(["a", "bb", "c"])),
    ("list-big-ints", lambda m, g: g.permutation([2**70, 1, -2**65, 3])),
    ("tuple", lambda m, g: g.permutation((1, 2, 3, 4))),
    ("empty-list", lambda m, g: g.permutation([])),
    ("array-f32", lambda m, g: g.permutation(m.arange(11, dtype="float32"))),
    ("array-object", lambda m, g: g.permutation(m.asarray([1, "x", None, 2.0], dtype=object))),
    ("array-records", lambda m, g: g.permutation(_records(m))),
    ("array-view", lambda m, g: g.permutation(m.arange(20)[::-3])),
    ("2d", lambda m, g: g.permutation(m.arange(20).reshape(5, 4))),
    ("2d-axis1", lambda m, g: g.permutation(m.arange(20).reshape(5, 4), axis=1)),
    ("2d-axis-1", lambda m, g: g.permutation(m.arange(20).reshape(5, 4), axis=-1)),
    ("3d-axis2", lambda m, g: g.permutation(m.arange(60).reshape(3, 4, 5), axis=2)),
    ("2d-list", lambda m, g: g.permutation([[1, 2], [3, 4], [5, 6]])),
    ("2d-empty-cols", lambda m, g: g.permutation(m.zeros((3, 0)))),
    ("2d-empty-rows-axis1", lambda m, g: g.permutation(m.zeros((0, 4)), axis=1)),
    ("2d-transposed", lambda m, g: g.permutation(m.arange(12).reshape(3, 4).T)),
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case", cases(PERMUTATION_CASES))
def test_permutation(case, seed):
    run(case, seed)


def test_permutation_copies():
    """An array is never shuffled in place, a view neither."""
    for m, g in ((np, np.random.default_rng(2)), (rp, rp.random.default_rng(2))):
        base = m.arange(20)
        out = g.permutation(base)
        assert base.tolist() == list(range(20))
        assert sorted(out.tolist()) == list(range(20))
        v = base[::2]
        g.permutation(v)
        assert base.tolist() == list(range(20))
        b2 = m.arange(12).reshape(3, 4)
        g.permutation(b2, axis=1)
        assert b2.tolist() == m.arange(12).reshape(3, 4).tolist()
    run(lambda m, g: (lambda a: (g.permutation(a), a))(m.arange(9)), 2)


PERMUTATION_ERRORS = [
    ("float", lambda m, g: g.permutation(5.0)),
    ("0-d", lambda m, g: g.permutation(m.asarray(5))),
    ("str", lambda m, g: g.permutation("abc")),
    ("axis", lambda m, g: g.permutation([1, 2, 3], axis=1)),
    ("axis-2d", lambda m, g: g.permutation(m.zeros((2, 3)), axis=2)),
    ("axis-negative", lambda m, g: g.permutation(m.zeros((2, 3)), axis=-3)),
]


@pytest.mark.parametrize("case", cases(PERMUTATION_ERRORS))
def test_permutation_errors(case):
    run_error(case)


# ---------------------------------------------------------------------------
# permuted
# ---------------------------------------------------------------------------

def _permuted(x, **kw):
    return lambda m, g: g.permuted(x(m), **kw)


def _permuted_out(x, out, **kw):
    """``permuted`` into ``out(m)``: gives back the result, ``out`` and whether they are the
    same object."""
    def case(m, g):
        o = out(m)
        r = g.permuted(x(m), out=o, **kw)
        return r, o, r is o
    return case


def _permuted_view_out(view, **kw):
    """``permuted`` into a view of a base array: gives back the view and the base."""
    def case(m, g):
        base = m.zeros((4, 6, 5), dtype="int64")
        o = view(base)
        g.permuted(m.arange(o.size).reshape(o.shape), out=o, **kw)
        return o, base
    return case


PERMUTED_CASES = [
    ("1d", _permuted(lambda m: m.arange(20))),
    ("1d-axis0", _permuted(lambda m: m.arange(20), axis=0)),
    ("1d-list", _permuted(lambda m: [1.5, 2.5, 3.5, 4.5])),
    ("1d-big-ints", _permuted(lambda m: [2**70, 1, -2**65, 3, 4])),
    ("1d-empty", _permuted(lambda m: m.arange(0))),
    ("1d-one", _permuted(lambda m: m.arange(1))),
    ("1d-object", _permuted(lambda m: m.asarray([1, "a", None, 2.5], dtype=object))),
    ("1d-records", _permuted(_records)),
    ("1d-view", _permuted(lambda m: m.arange(30)[::-4])),
    ("2d", _permuted(lambda m: m.arange(12).reshape(3, 4))),
    ("2d-axis0", _permuted(lambda m: m.arange(12).reshape(3, 4), axis=0)),
    ("2d-axis1", _permuted(lambda m: m.arange(12).reshape(3, 4), axis=1)),
    ("2d-axis-1", _permuted(lambda m: m.arange(12).reshape(3, 4), axis=-1)),
    ("2d-fortran", _permuted(lambda m: m.asfortranarray(m.arange(12).reshape(3, 4)))),
    ("2d-fortran-axis0", _permuted(lambda m: m.asfortranarray(m.arange(12).reshape(3, 4)),
                                   axis=0)),
    ("2d-transposed", _permuted(lambda m: m.arange(12).reshape(3, 4).T)),
    ("2d-one-row", _permuted(lambda m: m.arange(6).reshape(1, 6))),
    ("2d-one-col", _permuted(lambda m: m.arange(6).reshape(6, 1))),
    ("2d-empty", _permuted(lambda m: m.zeros((3, 0)))),
    ("2d-empty-axis0", _permuted(lambda m: m.zeros((3, 0)), axis=0)),
    ("2d-empty-axis1", _permuted(lambda m: m.zeros((0, 3)), axis=1)),
    ("2d-object-axis1", _permuted(lambda m: m.asarray([[1, "a", 3], [None, 2.5, 4]],
                                                      dtype=object), axis=1)),
    ("3d", _permuted(lambda m: m.arange(60.0).reshape(3, 4, 5))),
    ("3d-axis0", _permuted(lambda m: m.arange(60.0).reshape(3, 4, 5), axis=0)),
    ("3d-axis1", _permuted(lambda m: m.arange(60.0).reshape(3, 4, 5), axis=1)),
    ("3d-axis2", _permuted(lambda m: m.arange(60.0).reshape(3, 4, 5), axis=2)),
    ("3d-transposed", _permuted(lambda m: m.arange(60).reshape(3, 4, 5).transpose(1, 0, 2))),
    ("3d-transposed-axis1", _permuted(lambda m: m.arange(60).reshape(3, 4, 5)
                                      .transpose(1, 0, 2), axis=1)),
    ("3d-sliced", _permuted(lambda m: m.arange(120).reshape(4, 6, 5)[::2, 1::2, ::-1])),
    ("4d-axis2", _permuted(lambda m: m.arange(120, dtype="int8").reshape(2, 3, 4, 5),
                           axis=2)),
    ("out-1d", _permuted_out(lambda m: m.arange(10), lambda m: m.zeros(10, dtype="int64"))),
    ("out-cast", _permuted_out(lambda m: m.arange(10, dtype="int16"),
                               lambda m: m.zeros(10))),
    ("out-2d-axis1", _permuted_out(lambda m: m.arange(12).reshape(3, 4),
                                   lambda m: m.zeros((3, 4)), axis=1)),
    ("out-fortran", _permuted_out(lambda m: m.arange(12).reshape(3, 4),
                                  lambda m: m.asfortranarray(m.zeros((3, 4), dtype="int64")))),
    ("out-self", lambda m, g: (lambda a: (g.permuted(a, out=a), a))(m.arange(12.0)
                                                                     .reshape(4, 3))),
    ("out-view", _permuted_view_out(lambda b: b[::2, 1::2, ::-1])),
    ("out-view-axis1", _permuted_view_out(lambda b: b[::2, 1::2, ::-1], axis=1)),
    ("out-view-transposed", _permuted_view_out(lambda b: b.transpose(2, 0, 1))),
    ("out-view-1d", _permuted_view_out(lambda b: b[1, ::-1, 2])),
    ("out-view-1d-axis0", _permuted_view_out(lambda b: b[1, ::-1, 2], axis=0)),
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case", cases(PERMUTED_CASES))
def test_permuted(case, seed):
    run(case, seed)


def test_permuted_leaves_input():
    for m, g in ((np, np.random.default_rng(2)), (rp, rp.random.default_rng(2))):
        a = m.arange(12).reshape(3, 4)
        g.permuted(a)
        g.permuted(a, axis=1)
        assert a.tolist() == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]


def _readonly_out(m):
    a = m.zeros(5, dtype="int64")
    a.flags.writeable = False
    return a


PERMUTED_ERRORS = [
    ("0-d", _permuted(lambda m: m.asarray(5))),
    ("scalar", _permuted(lambda m: 5)),
    ("0-d-axis", _permuted(lambda m: m.asarray(5), axis=0)),
    ("axis", _permuted(lambda m: [1, 2, 3], axis=1)),
    ("axis-negative", _permuted(lambda m: m.zeros((2, 3)), axis=-3)),
    ("axis-float", _permuted(lambda m: [1, 2, 3], axis=1.0)),
    ("out-list", _permuted(lambda m: [1, 2, 3], out=[0, 0, 0])),
    ("out-shape", lambda m, g: g.permuted([1, 2, 3], out=m.zeros(4))),
    ("out-cast", lambda m, g: g.permuted([1.5, 2, 3], out=m.zeros(3, dtype="int64"))),
    ("out-readonly", lambda m, g: g.permuted(m.arange(5), out=_readonly_out(m))),
    ("out-0d", lambda m, g: g.permuted(m.asarray(5), out=m.asarray(1))),
]


@pytest.mark.parametrize("case", cases(PERMUTED_ERRORS))
def test_permuted_errors(case):
    run_error(case)


def test_permuted_keyword_only():
    run_error(lambda m, g: g.permuted([1, 2, 3], 0), message=False)


# ---------------------------------------------------------------------------
# choice
# ---------------------------------------------------------------------------

P5 = [0.1, 0.2, 0.3, 0.4, 0.0]
P_ODD = [0.13, 0.07, 0.21, 0.011, 0.029, 0.15, 0.2, 0.2]


def _ch(*args, **kw):
    return lambda m, g: g.choice(*args, **kw)


def _ch_a(a, *args, **kw):
    """``choice`` on the array ``a(m)``."""
    return lambda m, g: g.choice(a(m), *args, **kw)


def _ch_p(a, p, *args, dtype=None, **kw):
    """``choice`` with ``p`` as an array of ``dtype`` (a list when dtype is None)."""
    def case(m, g):
        pp = p if dtype is None else m.asarray(p, dtype=dtype)
        return g.choice(a, *args, p=pp, **kw)
    return case


def _p_random(n, seed=9):
    w = np.random.default_rng(seed).random(n)
    return (w / w.sum()).tolist()


def _ch_many(a, size, **kw):
    """Several calls on one generator (the state carries over)."""
    def case(m, g):
        return [g.choice(a, size, **kw) for _ in range(5)]
    return case


CHOICE_CASES = [
    # an int population, with replacement, no p
    ("int", _ch(10)),
    ("int-size", _ch(10, 7)),
    ("int-size-tuple", _ch(10, (2, 3))),
    ("int-size-0", _ch(10, 0)),
    ("int-size-empty-tuple", _ch(10, ())),
    ("int-size-list", _ch(10, [2, 2])),
    ("int-size-2d-zero", _ch(10, (3, 0))),
    ("int-1", _ch(1, 4)),
    ("int-big", _ch(2**40, 5)),
    ("int-bool", _ch(True, 3)),
    ("int-0-size-0", _ch(0, 0)),
    ("int-negative-size-0", _ch(-2, 0)),
    ("int-rumpy-scalar", lambda m, g: g.choice(m.int16(9), 4)),
    ("int-0d-array", lambda m, g: g.choice(m.asarray(9), 4)),
    ("int-many", _ch_many(100, 3)),
    # arrays
    ("list", _ch([3, 5, 7, 9])),
    ("list-size", _ch([3, 5, 7, 9], 6)),
    ("list-size-empty-tuple", _ch([3, 5, 7, 9], ())),
    ("list-floats", _ch([0.5, 1.5, 2.5])),
    ("list-str", _ch(["a", "bb", "ccc"])),
    ("list-str-size", _ch(["a", "bb", "ccc"], 4)),
    ("list-bool", _ch([True, False], 4)),
    ("list-big-ints", _ch([2**70, 1, -2**65], 4)),
    ("list-big-ints-scalar", _ch([2**70, 1, -2**65])),
    ("array-f32", _ch_a(lambda m: m.arange(7, dtype="float32"))),
    ("array-f32-size", _ch_a(lambda m: m.arange(7, dtype="float32"), (2, 2))),
    ("array-f32-0d", _ch_a(lambda m: m.arange(7, dtype="float32"), ())),
    ("array-u8", _ch_a(lambda m: m.arange(7, dtype="uint8"))),
    ("array-object", _ch_a(lambda m: m.asarray([1, "x", None, 2.5], dtype=object))),
    ("array-object-size", _ch_a(lambda m: m.asarray([1, "x", None, 2.5], dtype=object), 5)),
    ("array-object-0d", _ch_a(lambda m: m.asarray([1, "x", None, 2.5], dtype=object), ())),
    ("array-records", _ch_a(_records, 3)),
    ("array-view", _ch_a(lambda m: m.arange(30)[::-3], 4)),
    ("array-empty-size-0", _ch_a(lambda m: m.arange(0), 0)),
    ("array-empty-size-2d-0", _ch_a(lambda m: m.arange(0), (2, 0))),
    ("2d", _ch_a(lambda m: m.arange(12).reshape(3, 4))),
    ("2d-size", _ch_a(lambda m: m.arange(12).reshape(3, 4), 5)),
    ("2d-axis1", _ch_a(lambda m: m.arange(12).reshape(3, 4), 5, axis=1)),
    ("2d-axis1-scalar", _ch_a(lambda m: m.arange(12).reshape(3, 4), axis=1)),
    ("2d-axis-1", _ch_a(lambda m: m.arange(12).reshape(3, 4), (2, 2), axis=-1)),
    ("2d-axis1-nr", _ch_a(lambda m: m.arange(12).reshape(3, 4), 3, replace=False, axis=1)),
    ("2d-axis0-p", _ch_a(lambda m: m.arange(12).reshape(3, 4), 4, p=[0.5, 0.25, 0.25])),
    ("2d-size-0d", _ch_a(lambda m: m.arange(12).reshape(3, 4), ())),
    ("3d-axis2", _ch_a(lambda m: m.arange(60).reshape(3, 4, 5), (2, 3), axis=2)),
    ("2d-list", _ch([[1, 2], [3, 4], [5, 6]], 4)),
    # p, with replacement
    ("p", _ch(5, 4, p=P5)),
    ("p-scalar", _ch(5, p=P5)),
    ("p-0d", _ch(5, (), p=P5)),
    ("p-size-2d", _ch(8, (3, 5), p=P_ODD)),
    ("p-size-0", _ch(8, 0, p=P_ODD)),
    ("p-array", _ch_p(8, P_ODD, 6, dtype="float64")),
    ("p-float32", _ch_p(8, P_ODD, 6, dtype="float32")),
    ("p-float16", _ch_p(8, P_ODD, 6, dtype="float16")),
    ("p-int", _ch(3, 5, p=[0, 1, 0])),
    ("p-int-array", _ch_p(3, [0, 1, 0], 5, dtype="int64")),
    ("p-tuple", _ch(3, 5, p=(0.5, 0.25, 0.25))),
    ("p-list-a", _ch(["a", "b", "c"], 5, p=[0.5, 0.25, 0.25])),
    ("p-random-1000", _ch(1000, 50, p=_p_random(1000))),
    ("p-random-100000", _ch(100000, 20, p=_p_random(100000))),
    ("p-near-1-ok", _ch(2, 4, p=[0.5, 0.5 + 1e-8])),
    ("p-float32-slack", _ch_p(2, [0.5, 0.5003], 4, dtype="float32")),
    ("p-float16-slack", _ch_p(2, [0.5, 0.52], 4, dtype="float16")),
    ("p-many", _ch_many(8, 3, p=P_ODD)),
    ("p-numpy-float32", lambda m, g: g.choice(2, 4, p=np.asarray([0.5, 0.5003], "float32"))),
    # without replacement
    ("nr-int", _ch(10, 3, replace=False)),
    ("nr-int-scalar", _ch(10, replace=False)),
    ("nr-int-0d", _ch(10, (), replace=False)),
    ("nr-all", _ch(10, 10, replace=False)),
    ("nr-size-0", _ch(10, 0, replace=False)),
    ("nr-size-tuple", _ch(50, (3, 4), replace=False)),
    ("nr-noshuffle", _ch(100, 10, replace=False, shuffle=False)),
    ("nr-noshuffle-all", _ch(10, 10, replace=False, shuffle=False)),
    ("nr-big-pop", _ch(2**40, 7, replace=False)),
    ("nr-big-pop-noshuffle", _ch(2**33 + 5, 7, replace=False, shuffle=False)),
    ("nr-pop-int64-max", _ch(2**63 - 1, 5, replace=False)),
    ("pop-2**63", _ch(2**63, 5)),
    ("nr-floyd-10000", _ch(10000, 5000, replace=False)),
    ("nr-floyd-edge", _ch(20000, 400, replace=False)),
    ("nr-tail-edge", _ch(20000, 401, replace=False)),
    ("nr-floyd-edge-noshuffle", _ch(20000, 1000, replace=False, shuffle=False)),
    ("nr-tail-edge-noshuffle", _ch(20000, 1001, replace=False, shuffle=False)),
    ("nr-tail", _ch(20000, 1000, replace=False)),
    ("nr-tail-all", _ch(12000, 12000, replace=False)),
    ("nr-tail-tuple", _ch(12000, (30, 40), replace=False)),
    ("nr-tail-all-but-one", _ch(12000, 11999, replace=False, shuffle=False)),
    ("nr-array", _ch_a(lambda m: m.arange(10.0) * 1.5, 4, replace=False)),
    ("nr-array-scalar", _ch_a(lambda m: m.arange(10.0) * 1.5, replace=False)),
    ("nr-array-0d", _ch_a(lambda m: m.arange(10.0) * 1.5, (), replace=False)),
    ("nr-many", _ch_many(30, 4, replace=False)),
    ("nr-shuffle-none", _ch(30, 5, replace=False, shuffle=None)),
    # p without replacement
    ("nr-p", _ch(5, 3, replace=False, p=P5)),
    ("nr-p-scalar", _ch(5, replace=False, p=P5)),
    ("nr-p-0d", _ch(5, (), replace=False, p=P5)),
    ("nr-p-all-nonzero", _ch(5, 4, replace=False, p=P5)),
    ("nr-p-size-0", _ch(5, 0, replace=False, p=P5)),
    ("nr-p-tuple", _ch(8, (2, 3), replace=False, p=P_ODD)),
    ("nr-p-skewed", _ch(6, 5, replace=False, p=[0.9, 0.05, 0.02, 0.01, 0.01, 0.01])),
    ("nr-p-random", _ch(1000, 300, replace=False, p=_p_random(1000))),
    ("nr-p-array-a", _ch(["a", "b", "c", "d"], 3, replace=False, p=[0.1, 0.6, 0.2, 0.1])),
    ("nr-p-many", _ch_many(8, 3, replace=False, p=P_ODD)),
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case", cases(CHOICE_CASES))
def test_choice(case, seed):
    run(case, seed)


def test_choice_scalar_types():
    """size=None gives a Python int for an int population, else a scalar of a's dtype; size=()
    gives 0-d arrays."""
    g = rp.random.default_rng(0)
    assert type(g.choice(10)) is int
    assert type(g.choice(10, p=[0.1] * 10)) is int
    assert type(g.choice(10, replace=False)) is int
    assert type(g.choice([1, 2, 3])) is rp.int64
    assert type(g.choice(rp.arange(3, dtype="float32"))) is rp.float32
    assert isinstance(g.choice(10, ()), rp.ndarray) and g.choice(10, ()).ndim == 0
    assert isinstance(g.choice([1, 2], ()), rp.ndarray) and g.choice([1, 2], ()).ndim == 0


def _p_arr(p, dtype):
    return lambda m, g: g.choice(len(p), 3, p=m.asarray(p, dtype=dtype))


CHOICE_ERRORS = [
    ("a-float", _ch(2.5)),
    ("a-str", _ch("abc")),
    ("a-none", _ch(None)),
    ("a-0", _ch(0)),
    ("a-0-size", _ch(0, 3)),
    ("a-negative", _ch(-3, 2)),
    ("a-0-size-0d", _ch(0, ())),
    ("a-empty", _ch([])),
    ("a-empty-size", _ch([], 3)),
    ("a-empty-p", _ch([], 0, p=[])),
    ("axis-out-of-range", _ch_a(lambda m: m.arange(6).reshape(2, 3), axis=5)),
    ("axis-negative-out-of-range", _ch_a(lambda m: m.arange(6).reshape(2, 3), axis=-3)),
    ("p-2d", _ch(3, p=[[0.5, 0.5, 0]])),
    ("p-short", _ch(3, p=[0.5, 0.5])),
    ("p-long", _ch(3, p=[0.5, 0.5, 0, 0])),
    ("p-scalar", _ch(3, p=5)),
    ("p-0d", lambda m, g: g.choice(3, p=m.asarray(1.0))),
    ("p-nan", _ch(3, p=[0.5, 0.5, float("nan")])),
    ("p-nan-first", _ch(3, p=[float("nan"), 0.5, 0.5])),
    ("p-inf", _ch(3, p=[0.5, float("inf"), 0.5])),
    ("p-inf-last", _ch(3, p=[0.5, 0.5, float("inf")])),
    ("p-negative", _ch(3, p=[0.5, 0.6, -0.1])),
    ("p-sum", _ch(3, p=[0.5, 0.6, 0.1])),
    ("p-sum-small", _ch(3, p=[0.2, 0.2, 0.1])),
    ("p-sum-just-off", _ch(2, p=[0.5, 0.5 + 2e-8])),
    ("p-sum-large-n", _ch(1000, p=[0.001001] * 1000)),
    ("p-negative-large-n", _ch(1000, p=[-0.001] + [0.001] * 999)),
    ("p-nan-large-n", _ch(1000, p=[float("nan")] + [0.001] * 999)),
    ("p-huge-large-n", _ch(100, p=[1e308] * 100)),
    ("p-float32-off", _p_arr([0.5, 0.501], "float32")),
    ("p-complex-list", _ch(3, p=[1j, 0, 0])),
    ("p-complex-array", _p_arr([1, 0, 0], "complex128")),
    ("p-str", _ch(2, p=["a", "b"])),
    ("nr-too-many", _ch(3, 4, replace=False)),
    ("nr-too-many-tuple", _ch(3, (2, 2), replace=False)),
    ("nr-negative", _ch(3, -1, replace=False)),
    ("negative", _ch(3, -1)),
    ("nr-p-too-few", _ch(3, 3, replace=False, p=[0.5, 0.5, 0])),
    ("nr-p-too-many", _ch(3, 4, replace=False, p=[0.5, 0.25, 0.25])),
    ("nr-a-empty", _ch([], 1, replace=False)),
    ("nr-pop-2**63", _ch(2**63, 3, replace=False)),
    ("nr-pop-2**64", _ch(2**64 + 1, 3, replace=False, shuffle=False)),
    ("pop-2**64", _ch(2**64 + 1, 3)),
]


@pytest.mark.parametrize("case", cases(CHOICE_ERRORS))
def test_choice_errors(case):
    run_error(case)


@pytest.mark.parametrize("case", cases([
    ("size-float", _ch(3, 2.0)),
    ("size-float-nr", _ch(3, 2.0, replace=False)),
    ("size-float-p", _ch(3, 2.0, p=[0.5, 0.25, 0.25])),
]))
def test_choice_bad_size(case):
    """A float size fails as numpy's does (the class; the message is the shape's)."""
    run_error(case, message=False)


@pytest.mark.parametrize("seed", SEEDS)
def test_choice_large_p_sum_boundary(seed):
    """Large p near the tolerance: the sum check gives numpy's answer (Kahan's sum)."""
    n = 10000
    for delta in (1.4e-8, 1.49e-8, 1.4901161193847656e-08, 1.5e-8, -1.49e-8, -1.5e-8):
        p = np.full(n, 1.0 / n)
        p[0] += delta

        def case(m, g, p=p):
            try:
                return g.choice(n, 3, p=m.asarray(p.tolist()))
            except ValueError as e:
                return str(e)
        run(case, seed)


# ---------------------------------------------------------------------------
# the other bit generators (skipped while rumpy lacks one)
# ---------------------------------------------------------------------------

BIT_GENERATORS = ["PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"]

OTHER_BG_CASES = [
    ("permutation", lambda m, g: g.permutation(50)),
    ("shuffle-3d-axis1", shuffled(lambda m: m.arange(60.0).reshape(3, 4, 5), axis=1)),
    ("permuted-axis1", lambda m, g: g.permuted(m.arange(60).reshape(6, 10), axis=1)),
    ("choice", _ch(100, 7)),
    ("choice-p", _ch(8, 9, p=P_ODD)),
    ("choice-floyd", _ch(1000, 30, replace=False)),
    ("choice-tail", _ch(20000, 1000, replace=False)),
    ("choice-p-nr", _ch(8, 5, replace=False, p=P_ODD)),
    ("user-sequence", lambda m, g: (lambda s: (g.shuffle(s), s.items)[1])(Seq(range(40)))),
]


@pytest.mark.parametrize("bitgen", BIT_GENERATORS)
@pytest.mark.parametrize("case", cases(OTHER_BG_CASES))
def test_other_bit_generators(bitgen, case):
    for seed in (0, 12345):
        try:
            r = rp.random.Generator(getattr(rp.random, bitgen)(seed))
            r.bit_generator._core.fill_permutation  # noqa: B018
        except (AttributeError, NotImplementedError):
            pytest.skip(f"rumpy has no {bitgen} yet")
        n = np.random.Generator(getattr(np.random, bitgen)(seed))
        same(case(rp, r), case(np, n))
        same_state(r, n)


@pytest.mark.parametrize("bitgen", BIT_GENERATORS)
def test_other_bit_generators_failing_sequence(bitgen):
    """The rewind after a failing swap works through any generator's ``state``."""
    try:
        r = rp.random.Generator(getattr(rp.random, bitgen)(7))
        r.bit_generator._core.fill_permutation  # noqa: B018
    except (AttributeError, NotImplementedError):
        pytest.skip(f"rumpy has no {bitgen} yet")
    n = np.random.Generator(getattr(np.random, bitgen)(7))
    for g in (r, n):
        with pytest.raises(RuntimeError):
            g.shuffle(Seq(range(50), fail_at=9))
    same_state(r, n)


# ---------------------------------------------------------------------------
# many random configurations (the configuration comes from a fixed numpy generator)
# ---------------------------------------------------------------------------

def _config(k):
    c = np.random.default_rng(1000 + k)
    pop = int(c.choice([1, 2, 5, 33, 1000, 10001, 30000, 2**31 + 3, 2**40]))
    replace = bool(c.integers(2))
    use_p = pop <= 30000 and bool(c.integers(2))
    most = pop if not replace else 3000
    if use_p:
        w = c.random(pop) * (c.random(pop) < 0.7)
        if not w.any():
            w[0] = 1.0
        w = (w / w.sum()).tolist()
        if not replace:
            most = sum(v > 0 for v in w)
    size = int(c.integers(0, min(most, 3000) + 1))
    shape = size if c.integers(2) else (1, size)
    return pop, shape, replace, (w if use_p else None), bool(c.integers(2))


@pytest.mark.parametrize("k", range(60))
def test_choice_random_configurations(k):
    pop, shape, replace, p, shuf = _config(k)
    run(lambda m, g: g.choice(pop, shape, replace=replace, p=p, shuffle=shuf), k)


@pytest.mark.parametrize("k", range(20))
def test_shuffle_random_shapes(k):
    c = np.random.default_rng(2000 + k)
    shape = tuple(int(v) for v in c.integers(1, 7, size=int(c.integers(1, 4))))
    axis = int(c.integers(-len(shape), len(shape)))
    n = int(np.prod(shape))
    run(shuffled(lambda m: m.arange(n).reshape(shape), axis=axis), k)
    run(lambda m, g: g.permutation(m.arange(n).reshape(shape), axis=axis), k)
    run(lambda m, g: g.permuted(m.arange(n).reshape(shape), axis=axis), k)
    run(lambda m, g: g.permuted(m.arange(n).reshape(shape)), k)


@pytest.mark.parametrize("n", [10**5, 3 * 10**5 + 7])
def test_long_shuffles(n):
    run(lambda m, g: g.permutation(n), 11)
    run(shuffled(lambda m: m.arange(n, dtype="float32")), 11)
    run(lambda m, g: g.permuted(m.arange(n).reshape(-1, 1 if n % 2 else 2), axis=0), 11)
