"""rumpy.random against numpy.random (NumPy 2.4), bit for bit.

Every test makes the same seed sequence, bit generator or Generator in both libraries and
compares what they give exactly: the words of ``SeedSequence.generate_state`` and its pool, the
``state`` dicts, the raw 64-bit draws, and the floats of ``Generator.random`` compared through
their bit patterns (``view(uint64)`` / ``view(uint32)``). When numpy raises, rumpy must raise an
exception of the same class. A few vectors from plans/random-notes.md (section 8) pin the
numbers independently of the installed numpy.
"""

import pickle

import numpy as np
import pytest

import rumpy as rp

SEEDS = [0, 1, 12345, 2**100]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def to_np(a):
    """A rumpy array as a numpy array with the same dtype, shape and values (through Python
    values, which hold every uint64 and every float64/float32 exactly)."""
    assert isinstance(a, rp.ndarray), type(a)
    out = np.array(a.tolist(), dtype=str(a.dtype)).reshape(tuple(a.shape))
    return out


def assert_words_equal(r, n):
    """Integer arrays: same dtype, shape and values."""
    assert isinstance(r, rp.ndarray), type(r)
    assert str(r.dtype) == str(n.dtype)
    assert tuple(r.shape) == n.shape
    np.testing.assert_array_equal(to_np(r), n)


def assert_bits_equal(r, n):
    """Float arrays: same dtype, shape and bit patterns."""
    assert isinstance(r, rp.ndarray), type(r)
    assert str(r.dtype) == str(n.dtype)
    assert tuple(r.shape) == n.shape
    word = np.uint64 if n.dtype == np.float64 else np.uint32
    np.testing.assert_array_equal(to_np(r).view(word), n.view(word))


def assert_float_equal(r, n):
    """Scalars returned as Python floats: same type and same bits."""
    assert type(r) is float, type(r)
    assert type(n) is float
    assert np.float64(r).view(np.uint64) == np.float64(n).view(np.uint64), (r, n)


def same_error(f_np, f_rp):
    """numpy raises; rumpy must raise the same class of exception."""
    with pytest.raises(Exception) as np_info:
        f_np()
    with pytest.raises(type(np_info.value)):
        f_rp()


# ---------------------------------------------------------------------------
# SeedSequence
# ---------------------------------------------------------------------------

ENTROPIES = [
    0, 1, 2**32 - 1, 2**32, 2**64 + 5, 2**128 + 5, 2**200, True,
    [], [0], [1, 2, 3], [1, 2, 3, 4, 5, 6], (1, 2**40), range(5), [2**32 - 1] * 9,
    list(range(20)), [2**70, 0, 2**32], ["0x1f", "12", 7], ["5 "],
]

ENTROPY_IDS = [repr(e)[:30] for e in ENTROPIES]

SS_KWARGS = [
    {},
    {"spawn_key": (1,)},
    {"spawn_key": (3, 2**40)},
    {"pool_size": 8},
    {"pool_size": 5, "spawn_key": (0, 7)},
    {"n_children_spawned": 3},
]


@pytest.mark.parametrize("entropy", ENTROPIES, ids=ENTROPY_IDS)
@pytest.mark.parametrize("kwargs", SS_KWARGS, ids=str)
def test_seedseq_pool_and_state(entropy, kwargs):
    n = np.random.SeedSequence(entropy, **kwargs)
    r = rp.random.SeedSequence(entropy, **kwargs)
    assert_words_equal(r.pool, n.pool)
    for n_words in (0, 1, 4, 17):
        assert_words_equal(r.generate_state(n_words), n.generate_state(n_words))
        assert_words_equal(r.generate_state(n_words, np.uint64),
                           n.generate_state(n_words, np.uint64))
    assert r.state == n.state
    assert repr(r) == repr(n)
    assert r.entropy == n.entropy
    assert r.spawn_key == n.spawn_key
    assert r.pool_size == n.pool_size
    assert r.n_children_spawned == n.n_children_spawned


@pytest.mark.parametrize("dtype", [np.uint32, rp.uint32, "uint32", "u4", "I", np.dtype("u4"),
                                   rp.dtype("uint32")], ids=str)
def test_seedseq_generate_state_uint32_spellings(dtype):
    n = np.random.SeedSequence(2**64 + 5).generate_state(17, np.uint32)
    r = rp.random.SeedSequence(2**64 + 5).generate_state(17, dtype)
    assert_words_equal(r, n)


@pytest.mark.parametrize("dtype", [np.uint64, rp.uint64, "uint64", "u8", "L", np.dtype("u8"),
                                   rp.dtype("uint64")], ids=str)
def test_seedseq_generate_state_uint64_spellings(dtype):
    n = np.random.SeedSequence(2**64 + 5).generate_state(17, np.uint64)
    r = rp.random.SeedSequence(2**64 + 5).generate_state(17, dtype)
    assert_words_equal(r, n)


def test_seedseq_generate_state_is_repeatable():
    r = rp.random.SeedSequence(99)
    a = to_np(r.generate_state(8))
    b = to_np(r.generate_state(8))
    np.testing.assert_array_equal(a, b)
    # the uint64 words are the uint32 words paired, low word first
    w64 = to_np(r.generate_state(4, "uint64"))
    np.testing.assert_array_equal(w64, a.view(np.uint64))


def test_seedseq_generate_state_numpy_int_count():
    n = np.random.SeedSequence(5).generate_state(np.int64(3))
    r = rp.random.SeedSequence(5).generate_state(np.int64(3))
    assert_words_equal(r, n)


@pytest.mark.parametrize("make", [
    lambda m: np.array([1, 2**40]),
    lambda m: np.array([1, 2], dtype=np.uint32),
    lambda m: np.array([], dtype=np.int64),
    lambda m: np.array([[1, 2], [3, 4]]),
    lambda m: np.array([2**63, 5], dtype=np.uint64),
    lambda m: np.array([7, 8], dtype=np.uint8),
    lambda m: np.array([1, 2**40], dtype=object),
    lambda m: np.uint64(2**63 + 1),
    lambda m: np.int8(3),
    lambda m: [np.int64(1), np.uint32(2)],
    lambda m: [np.array([1, 2], dtype=np.uint32), 5],
], ids=["int64", "uint32", "empty", "2d", "uint64", "uint8", "object", "np.uint64",
        "np.int8", "np-scalars", "nested-uint32"])
def test_seedseq_numpy_inputs(make):
    n = np.random.SeedSequence(make(np))
    r = rp.random.SeedSequence(make(np))
    assert_words_equal(r.pool, n.pool)
    assert_words_equal(r.generate_state(5, "u8"), n.generate_state(5, "u8"))
    n = np.random.SeedSequence(make(np), spawn_key=(2,))
    r = rp.random.SeedSequence(make(np), spawn_key=(2,))
    assert_words_equal(r.pool, n.pool)


@pytest.mark.parametrize("values,dtype", [
    ([1, 2**40], "int64"),
    ([1, 2], "uint32"),
    ([], "int64"),
    ([[1, 2], [3, 4]], "int64"),
    ([2**63, 5], "uint64"),
    ([7, 8], "uint8"),
], ids=str)
def test_seedseq_rumpy_arrays(values, dtype):
    n = np.random.SeedSequence(np.array(values, dtype=dtype))
    r = rp.random.SeedSequence(rp.asarray(values, dtype=dtype))
    assert_words_equal(r.pool, n.pool)
    assert_words_equal(r.generate_state(6), n.generate_state(6))


@pytest.mark.parametrize("value,dtype", [(5, "uint64"), (3, "int8"), (2**63, "uint64"),
                                         (7, "uint32")], ids=str)
def test_seedseq_rumpy_scalars(value, dtype):
    n = np.random.SeedSequence(np.dtype(dtype).type(value))
    r = rp.random.SeedSequence(getattr(rp, dtype)(value))
    assert_words_equal(r.pool, n.pool)


def test_seedseq_vectors():
    """plans/random-notes.md, section 8."""
    S = rp.random.SeedSequence
    assert S(12345).pool.tolist() == [4069775156, 4251353637, 4182767765, 2267058336]
    assert S(12345).generate_state(4).tolist() == [2688385916, 3048105090, 4196366895,
                                                   3152189807]
    assert S(12345).generate_state(4, np.uint64).tolist() == [
        0xb5ae6482a03d837c, 0xbbe2996ffa1f7a2f, 0x64e39a9f37158f94, 0x3ebb0f96a013fd73]
    assert S(12345, pool_size=8).generate_state(3).tolist() == [3295029255, 440007922,
                                                                866391501]
    assert S(0).generate_state(2).tolist() == [2968811710, 3677149159]
    assert S([]).generate_state(2).tolist() == [2968811710, 3677149159]
    assert S(2**128 + 5).generate_state(2).tolist() == [3767054407, 1612269649]
    assert S([1, 2, 3, 4, 5, 6]).generate_state(2).tolist() == [488360481, 3956080669]
    assert S(12345, spawn_key=(1,)).pool.tolist() == [468741208, 1912871854, 3697509789,
                                                      3397735509]
    parent = S(12345)
    assert parent.spawn(2)[1].generate_state(2).tolist() == [1457248422, 358904087]
    assert parent.n_children_spawned == 2


def test_seedseq_result_types():
    r = rp.random.SeedSequence(3)
    assert isinstance(r.pool, rp.ndarray)
    assert r.pool.dtype == rp.dtype("uint32")
    assert r.generate_state(2).dtype == rp.dtype("uint32")
    assert r.generate_state(2, rp.uint64).dtype == rp.dtype("uint64")
    assert r.generate_state(0).shape == (0,)
    assert r.generate_state(0, "u8").shape == (0,)


@pytest.mark.parametrize("entropy", [0, 12345, 2**64 + 5, [1, 2, 3]], ids=str)
@pytest.mark.parametrize("pool_size", [4, 6])
def test_seedseq_spawn(entropy, pool_size):
    n = np.random.SeedSequence(entropy, pool_size=pool_size)
    r = rp.random.SeedSequence(entropy, pool_size=pool_size)
    n_kids, r_kids = n.spawn(3), r.spawn(3)
    assert r.n_children_spawned == n.n_children_spawned == 3
    assert len(r_kids) == 3
    for nk, rk in zip(n_kids, r_kids):
        assert type(rk) is rp.random.SeedSequence
        assert rk.spawn_key == nk.spawn_key
        assert rk.pool_size == nk.pool_size
        assert rk.n_children_spawned == 0
        assert repr(rk) == repr(nk)
        assert_words_equal(rk.pool, nk.pool)
        assert_words_equal(rk.generate_state(4, "u8"), nk.generate_state(4, "u8"))
        # grandchildren
        for ng, rg in zip(nk.spawn(2), rk.spawn(2)):
            assert rg.spawn_key == ng.spawn_key
            assert_words_equal(rg.generate_state(5), ng.generate_state(5))
        assert rk.n_children_spawned == nk.n_children_spawned == 2
    # spawning again carries on the numbering
    n_more, r_more = n.spawn(2), r.spawn(2)
    assert [k.spawn_key for k in r_more] == [k.spawn_key for k in n_more] == [(3,), (4,)]
    for nk, rk in zip(n_more, r_more):
        assert_words_equal(rk.pool, nk.pool)
    assert r.n_children_spawned == n.n_children_spawned == 5
    assert r.spawn(0) == n.spawn(0) == []
    assert r.n_children_spawned == 5


def test_seedseq_spawn_after_n_children_spawned():
    n = np.random.SeedSequence(7, spawn_key=(1, 2), n_children_spawned=4)
    r = rp.random.SeedSequence(7, spawn_key=(1, 2), n_children_spawned=4)
    nk, rk = n.spawn(1)[0], r.spawn(1)[0]
    assert rk.spawn_key == nk.spawn_key == (1, 2, 4)
    assert_words_equal(rk.pool, nk.pool)
    assert r.state == n.state
    assert repr(r) == repr(n)


def test_seedseq_spawn_negative():
    # numpy 2.4 raises OverflowError when the counter would go negative ...
    same_error(lambda: np.random.SeedSequence(5).spawn(-1),
               lambda: rp.random.SeedSequence(5).spawn(-1))
    # ... and otherwise lowers it, spawning nothing
    n = np.random.SeedSequence(5, n_children_spawned=3)
    r = rp.random.SeedSequence(5, n_children_spawned=3)
    assert r.spawn(-1) == n.spawn(-1) == []
    assert r.n_children_spawned == n.n_children_spawned == 2
    same_error(lambda: np.random.SeedSequence(5).spawn(2.0),
               lambda: rp.random.SeedSequence(5).spawn(2.0))


def test_seedseq_entropy_none():
    for pool_size in (4, 8):
        r = rp.random.SeedSequence(pool_size=pool_size)
        assert type(r.entropy) is int
        assert 0 <= r.entropy < 2 ** (32 * pool_size)
        n = np.random.SeedSequence(r.entropy, pool_size=pool_size)
        assert_words_equal(r.pool, n.pool)
        assert_words_equal(r.generate_state(4), n.generate_state(4))
    assert rp.random.SeedSequence().entropy != rp.random.SeedSequence().entropy


def test_seedseq_entropy_kept_as_given():
    e = [1, 2**40]
    assert rp.random.SeedSequence(e).entropy is e
    t = (1, 2)
    assert rp.random.SeedSequence(t).state == np.random.SeedSequence(t).state


@pytest.mark.parametrize("spawn_key", [[1], range(2), (np.int64(3),), "12", (2**40,)],
                         ids=str)
def test_seedseq_spawn_key_coercion(spawn_key):
    n = np.random.SeedSequence(5, spawn_key=spawn_key)
    r = rp.random.SeedSequence(5, spawn_key=spawn_key)
    assert r.spawn_key == n.spawn_key
    assert type(r.spawn_key) is tuple
    assert_words_equal(r.pool, n.pool)


BAD_ENTROPY = [-1, [1, -1], 1.5, [1.5], np.float64(5), np.array([1.0]), "12", ["abc"],
               ["12abc"], ["0xg"], [" 5"], {1: 2}, b"12", [None], [1 + 2j], np.int8(-3),
               np.array([-1]), np.array(5), np.bool_(True), [np.bool_(True)], object(),
               np.array([[1, 2]], dtype=np.uint32), np.array(3, dtype=np.uint32)]


@pytest.mark.parametrize("entropy", BAD_ENTROPY,
                         ids=[f"{i}-{type(e).__name__}" for i, e in enumerate(BAD_ENTROPY)])
def test_seedseq_bad_entropy(entropy):
    same_error(lambda: np.random.SeedSequence(entropy),
               lambda: rp.random.SeedSequence(entropy))


def test_seedseq_bad_entropy_messages():
    with pytest.raises(ValueError, match="expected non-negative integer"):
        rp.random.SeedSequence(-1)
    with pytest.raises(TypeError, match="seed must be integer"):
        rp.random.SeedSequence([1.5])
    with pytest.raises(TypeError, match="SeedSequence expects int or sequence of ints"):
        rp.random.SeedSequence(1.5)
    with pytest.raises(ValueError, match="unrecognized seed string"):
        rp.random.SeedSequence(["abc"])
    with pytest.raises(TypeError, match="seed must be integer"):
        rp.random.SeedSequence(rp.asarray([1.0]))
    with pytest.raises(ValueError, match="expected non-negative integer"):
        rp.random.SeedSequence(rp.asarray([3, -1]))


@pytest.mark.parametrize("kwargs", [
    {"pool_size": 3}, {"pool_size": 0}, {"pool_size": -4}, {"pool_size": 4.5},
    {"pool_size": None}, {"pool_size": "8"}, {"n_children_spawned": -1},
    {"n_children_spawned": 2**32}, {"n_children_spawned": "3"}, {"spawn_key": None},
    {"spawn_key": 5}, {"spawn_key": (-1,)}, {"spawn_key": (1.5,)},
], ids=str)
def test_seedseq_bad_keywords(kwargs):
    same_error(lambda: np.random.SeedSequence(5, **kwargs),
               lambda: rp.random.SeedSequence(5, **kwargs))


def test_seedseq_pool_size_message():
    with pytest.raises(ValueError, match="The size of the entropy pool should be at least 4"):
        rp.random.SeedSequence(5, pool_size=3)
    with pytest.raises(ValueError, match="at least 4"):
        rp.random.SeedSequence(pool_size=2)


def test_seedseq_n_children_spawned_truncates_floats():
    # numpy keeps the counter in a C uint32 and converts floats by truncation
    for v in (2.5, np.float64(2.7), -0.5):
        n = np.random.SeedSequence(5, n_children_spawned=v)
        r = rp.random.SeedSequence(5, n_children_spawned=v)
        assert r.n_children_spawned == n.n_children_spawned
        assert type(r.n_children_spawned) is int


@pytest.mark.parametrize("dtype", [np.int32, np.uint16, np.float64, "f8", "i8", int, float,
                                   None, ">u4", ">u8", rp.int64, rp.float32, "foo", "U3"],
                         ids=str)
def test_seedseq_bad_dtype(dtype):
    same_error(lambda: np.random.SeedSequence(5).generate_state(2, dtype),
               lambda: rp.random.SeedSequence(5).generate_state(2, dtype))


def test_seedseq_bad_dtype_message():
    with pytest.raises(ValueError, match="only support uint32 or uint64"):
        rp.random.SeedSequence(5).generate_state(2, np.int32)
    with pytest.raises(ValueError, match="only support uint32 or uint64"):
        rp.random.SeedSequence(5).generate_state(2, rp.float64)


@pytest.mark.parametrize("n_words", [-1, 2.0, True, "2", None], ids=str)
def test_seedseq_bad_n_words(n_words):
    same_error(lambda: np.random.SeedSequence(5).generate_state(n_words),
               lambda: rp.random.SeedSequence(5).generate_state(n_words))


@pytest.mark.parametrize("attr", ["entropy", "spawn_key", "pool_size", "n_children_spawned",
                                  "pool", "state"])
def test_seedseq_attributes_read_only(attr):
    same_error(lambda: setattr(np.random.SeedSequence(5), attr, 1),
               lambda: setattr(rp.random.SeedSequence(5), attr, 1))


def test_seedseq_repr():
    cases = [((5,), {}), ((2**64 + 5,), {"spawn_key": (1, 2)}), (([1, 2],), {"pool_size": 8}),
             ((0,), {"n_children_spawned": 3}),
             ((7,), {"spawn_key": (0,), "pool_size": 5, "n_children_spawned": 1})]
    for args, kwargs in cases:
        assert repr(rp.random.SeedSequence(*args, **kwargs)) == \
            repr(np.random.SeedSequence(*args, **kwargs))
    assert repr(rp.random.SeedSequence(5)) == "SeedSequence(\n    entropy=5,\n)"


def test_seedseq_state_dict():
    n = np.random.SeedSequence(2**64 + 5, spawn_key=(1, 2), pool_size=8, n_children_spawned=3)
    r = rp.random.SeedSequence(2**64 + 5, spawn_key=(1, 2), pool_size=8, n_children_spawned=3)
    assert r.state == n.state == {"entropy": 2**64 + 5, "spawn_key": (1, 2), "pool_size": 8,
                                  "n_children_spawned": 3}
    # the state recreates the sequence
    again = rp.random.SeedSequence(**r.state)
    assert_words_equal(again.pool, n.pool)
    assert again.n_children_spawned == 3


def test_seedseq_pickle():
    r = rp.random.SeedSequence(12345, spawn_key=(3,))
    r.spawn(2)
    back = pickle.loads(pickle.dumps(r))
    assert back.state == r.state
    np.testing.assert_array_equal(to_np(back.pool), to_np(r.pool))


def test_seedseq_abstract_classes():
    R = rp.random
    assert isinstance(R.SeedSequence(1), R.ISeedSequence)
    assert isinstance(R.SeedSequence(1), R.ISpawnableSeedSequence)
    assert isinstance(R.SeedlessSeedSequence(), R.ISpawnableSeedSequence)
    assert isinstance(R.SeedlessSeedSequence(), R.ISeedSequence)
    assert issubclass(R.ISpawnableSeedSequence, R.ISeedSequence)
    assert not isinstance(5, R.ISeedSequence)
    with pytest.raises(TypeError):
        R.ISeedSequence()
    with pytest.raises(TypeError):
        R.ISpawnableSeedSequence()

    class Words(R.ISeedSequence):
        def generate_state(self, n_words, dtype=np.uint32):
            return rp.zeros(n_words, dtype=dtype)

    assert isinstance(Words(), R.ISeedSequence)
    assert not isinstance(Words(), R.ISpawnableSeedSequence)


def test_seedless_seed_sequence():
    s = rp.random.SeedlessSeedSequence()
    n = np.random.bit_generator.SeedlessSeedSequence()
    kids = s.spawn(3)
    assert len(kids) == 3 and all(k is s for k in kids)
    assert s.spawn(0) == []
    assert len(n.spawn(-1)) == len(s.spawn(-1)) == 0
    same_error(lambda: n.generate_state(4), lambda: s.generate_state(4))
    with pytest.raises(NotImplementedError, match="seedless SeedSequences cannot generate"):
        s.generate_state(1, np.uint64)


# ---------------------------------------------------------------------------
# PCG64
# ---------------------------------------------------------------------------

PCG_SEEDS = SEEDS + [[1, 2, 3], 2**64 + 5]


@pytest.mark.parametrize("seed", PCG_SEEDS, ids=str)
def test_pcg64_state_from_seed(seed):
    n, r = np.random.PCG64(seed), rp.random.PCG64(seed)
    assert r.state == n.state
    assert r.state["bit_generator"] == "PCG64"
    assert isinstance(r.seed_seq, rp.random.SeedSequence)
    assert r.seed_seq.state == n.seed_seq.state


@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_from_seed_sequence(seed):
    for kwargs in ({}, {"spawn_key": (2,)}, {"pool_size": 8}):
        n = np.random.PCG64(np.random.SeedSequence(seed, **kwargs))
        ss = rp.random.SeedSequence(seed, **kwargs)
        r = rp.random.PCG64(ss)
        assert r.seed_seq is ss
        assert r.state == n.state
        assert r.random_raw(5).tolist() == n.random_raw(5).tolist()


def test_pcg64_from_numpy_array_seed():
    n = np.random.PCG64(np.array([5, 2**40]))
    r = rp.random.PCG64(rp.asarray([5, 2**40]))
    assert r.state == n.state


def test_pcg64_seed_none():
    r = rp.random.PCG64()
    ent = r.seed_seq.entropy
    assert type(ent) is int
    assert r.state == np.random.PCG64(ent).state
    r2 = rp.random.PCG64(None)
    assert r2.state != r.state


@pytest.mark.parametrize("seed", [-1, 1.5, [1, -2], "5", np.float64(3)], ids=str)
def test_pcg64_bad_seed(seed):
    same_error(lambda: np.random.PCG64(seed), lambda: rp.random.PCG64(seed))


def test_pcg64_vectors():
    """plans/random-notes.md, section 8."""
    r = rp.random.PCG64(12345)
    st = r.state["state"]
    assert st["state"] == 33261208707367790463622745601869196757
    assert st["inc"] == 268209174141567072605526753992732310247
    assert r.random_raw(3).tolist() == [4193609425186963869, 5843160025838961886,
                                        14708796524633321433]
    r = rp.random.PCG64(12345)
    assert r.advance(1000).state["state"]["state"] == 335590505462460962864632944448918809309
    j = rp.random.PCG64(12345).jumped()
    assert j.state["state"]["state"] == 63298222240876967549872805451387961668
    assert j.state["state"]["inc"] == 268209174141567072605526753992732310247


@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_random_raw(seed):
    n, r = np.random.PCG64(seed), rp.random.PCG64(seed)
    a, b = n.random_raw(), r.random_raw()
    assert type(b) is int
    assert a == b
    for size in (0, 1, 10, (2, 3), (3, 0), ()):
        assert_words_equal(r.random_raw(size), n.random_raw(size))
    assert r.state == n.state


@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_random_raw_no_output(seed):
    # numpy draws the *sum* of size's entries when output=False
    n, r = np.random.PCG64(seed), rp.random.PCG64(seed)
    assert r.random_raw((2, 3), output=False) is None
    n.random_raw((2, 3), output=False)
    assert r.state == n.state
    assert r.random_raw(output=False) is None
    n.random_raw(output=False)
    assert r.random_raw() == n.random_raw()


@pytest.mark.parametrize("size", [-1, (2, -1), 2.0, 2.5, [2.0, 1]], ids=str)
def test_pcg64_random_raw_bad_size(size):
    n, r = np.random.PCG64(1), rp.random.PCG64(1)
    same_error(lambda: n.random_raw(size), lambda: r.random_raw(size))
    assert r.state == n.state


@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_state_numpy_to_rumpy(seed):
    n = np.random.PCG64(seed)
    n.random_raw(7)
    r = rp.random.PCG64(999)
    r.state = n.state
    assert r.state == n.state
    assert_words_equal(r.random_raw(10), n.random_raw(10))


@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_state_rumpy_to_numpy(seed):
    r = rp.random.PCG64(seed)
    r.random_raw(3)
    n = np.random.PCG64(999)
    n.state = r.state
    assert n.state == r.state
    assert_words_equal(r.random_raw(10), n.random_raw(10))


@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_state_with_kept_half_word(seed):
    """A float32 draw leaves the high half of a 64-bit draw in the state (has_uint32=1); the
    state dicts carry it both ways."""
    ng = np.random.Generator(np.random.PCG64(seed))
    ng.random(dtype=np.float32)
    assert ng.bit_generator.state["has_uint32"] == 1
    rg = rp.random.Generator(rp.random.PCG64(0))
    rg.bit_generator.state = ng.bit_generator.state
    assert rg.bit_generator.state == ng.bit_generator.state
    assert_float_equal(rg.random(dtype=np.float32), ng.random(dtype=np.float32))
    # five float32 draws take three 64-bit draws and keep the last one's high half
    assert_bits_equal(rg.random(5, np.float32), ng.random(5, np.float32))
    assert rg.bit_generator.state["has_uint32"] == 1
    # and back: rumpy's kept half goes to numpy
    ng2 = np.random.Generator(np.random.PCG64(0))
    ng2.bit_generator.state = rg.bit_generator.state
    assert ng2.bit_generator.state["has_uint32"] == 1
    assert_float_equal(rg.random(dtype=np.float32), ng2.random(dtype=np.float32))
    assert_bits_equal(rg.random(3), ng2.random(3))


def test_pcg64_state_setter_errors():
    n, r = np.random.PCG64(1), rp.random.PCG64(1)
    good = n.state
    bad_states = [5, None, [good], dict(good, bit_generator="MT19937"),
                  {"bit_generator": "PCG64",
                   "state": {"state": 2**128, "inc": 1}, "has_uint32": 0, "uinteger": 0}]
    for bad in bad_states:
        same_error(lambda: setattr(n, "state", bad), lambda: setattr(r, "state", bad))
    with pytest.raises(TypeError, match="state must be a dict"):
        r.state = 5
    with pytest.raises(ValueError, match="state must be for a PCG64 RNG"):
        r.state = dict(good, bit_generator="MT19937")
    assert r.state == good


DELTAS = [0, 1, 5, 1000, 2**64 + 3, 2**100 + 7, 2**128 - 1, 2**128 + 3, 2**200, -1, -1000]


@pytest.mark.parametrize("delta", DELTAS, ids=str)
@pytest.mark.parametrize("seed", [0, 12345])
def test_pcg64_advance(seed, delta):
    n, r = np.random.PCG64(seed), rp.random.PCG64(seed)
    n.random_raw(3)
    r.random_raw(3)
    assert r.advance(delta) is r
    n.advance(delta)
    assert r.state == n.state
    assert_words_equal(r.random_raw(6), n.random_raw(6))


def test_pcg64_advance_matches_draws():
    r, s = rp.random.PCG64(3), rp.random.PCG64(3)
    drawn = r.random_raw(20).tolist()
    assert s.advance(13).random_raw(7).tolist() == drawn[13:]
    # back again
    assert s.advance(-20).random_raw(20).tolist() == drawn


@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_advance_drops_kept_half(seed):
    ng = np.random.Generator(np.random.PCG64(seed))
    rg = rp.random.Generator(rp.random.PCG64(seed))
    ng.random(dtype=np.float32)
    rg.random(dtype=np.float32)
    ng.bit_generator.advance(2)
    rg.bit_generator.advance(2)
    assert rg.bit_generator.state == ng.bit_generator.state
    assert rg.bit_generator.state["has_uint32"] == 0
    assert_bits_equal(rg.random(5, np.float32), ng.random(5, np.float32))


@pytest.mark.parametrize("jumps", [1, 2, 3, 2**70, 0, -1], ids=str)
@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_jumped(seed, jumps):
    n, r = np.random.PCG64(seed), rp.random.PCG64(seed)
    n.random_raw(2)
    r.random_raw(2)
    before = r.state
    nj, rj = n.jumped(jumps), r.jumped(jumps)
    assert type(rj) is rp.random.PCG64
    assert rj is not r
    assert r.state == before
    assert rj.state == nj.state
    assert_words_equal(rj.random_raw(8), nj.random_raw(8))
    # the jumped generator has a fresh seed sequence, as numpy's
    assert isinstance(rj.seed_seq, rp.random.SeedSequence)


def test_pcg64_jumped_default_and_half_word():
    ng = np.random.Generator(np.random.PCG64(5))
    rg = rp.random.Generator(rp.random.PCG64(5))
    ng.random(dtype=np.float32)
    rg.random(dtype=np.float32)
    nj, rj = ng.bit_generator.jumped(), rg.bit_generator.jumped()
    assert rj.state == nj.state
    assert rj.state["has_uint32"] == 0
    assert rp.random.PCG64(5).jumped(2).state == \
        rp.random.PCG64(5).jumped().jumped().state


@pytest.mark.parametrize("seed", SEEDS)
def test_pcg64_spawn(seed):
    n, r = np.random.PCG64(seed), rp.random.PCG64(seed)
    n_kids, r_kids = n.spawn(3), r.spawn(3)
    assert len(r_kids) == 3
    for nk, rk in zip(n_kids, r_kids):
        assert type(rk) is rp.random.PCG64
        assert rk.state == nk.state
        assert rk.seed_seq.spawn_key == nk.seed_seq.spawn_key
        assert_words_equal(rk.random_raw(4), nk.random_raw(4))
    assert r.seed_seq.n_children_spawned == 3
    # spawning does not draw from the parent
    assert r.state == n.state
    assert [k.state for k in r.spawn(1)] == [k.state for k in n.spawn(1)]


# ---------------------------------------------------------------------------
# Generator.random
# ---------------------------------------------------------------------------

def both_rngs(seed, how):
    if how == "default_rng":
        return np.random.default_rng(seed), rp.random.default_rng(seed)
    return (np.random.Generator(np.random.PCG64(seed)),
            rp.random.Generator(rp.random.PCG64(seed)))


HOWS = ["default_rng", "Generator"]
SIZES = [0, 1, 7, (3, 4), (), (2, 0, 3), [2, 1], np.int64(3)]
F64 = [None, np.float64, "d", "float64", rp.float64, "f8", float]
F32 = [np.float32, "f", "float32", rp.float32, "f4", np.dtype(np.float32)]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("seed", SEEDS)
def test_random_scalar(seed, how):
    n, r = both_rngs(seed, how)
    for _ in range(3):
        assert_float_equal(r.random(), n.random())
    assert r.bit_generator.state == n.bit_generator.state


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("seed", SEEDS)
def test_random_sizes_float64(seed, how):
    n, r = both_rngs(seed, how)
    for size in SIZES:
        assert_bits_equal(r.random(size), n.random(size))
    assert r.bit_generator.state == n.bit_generator.state


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("seed", SEEDS)
def test_random_sizes_float32(seed, how):
    n, r = both_rngs(seed, how)
    for size in SIZES:
        assert_bits_equal(r.random(size, dtype=np.float32), n.random(size, dtype=np.float32))
        assert r.bit_generator.state == n.bit_generator.state
    assert_float_equal(r.random(dtype=np.float32), n.random(dtype=np.float32))
    assert r.bit_generator.state == n.bit_generator.state


@pytest.mark.parametrize("dtype", F64, ids=str)
def test_random_float64_spellings(dtype):
    n, r = both_rngs(12345, "default_rng")
    if dtype is None:
        assert_bits_equal(r.random(5), n.random(5))
    else:
        assert_bits_equal(r.random(5, dtype=dtype), n.random(5, dtype=np.float64))
        assert_float_equal(r.random(dtype=dtype), n.random())


@pytest.mark.parametrize("dtype", F32, ids=str)
def test_random_float32_spellings(dtype):
    n, r = both_rngs(12345, "default_rng")
    assert_bits_equal(r.random(5, dtype=dtype), n.random(5, dtype=np.float32))
    assert_float_equal(r.random(dtype=dtype), n.random(dtype=np.float32))
    assert_bits_equal(r.random((2, 2), dtype), n.random((2, 2), np.float32))


def test_random_vectors():
    """plans/random-notes.md, section 8."""
    r = rp.random.default_rng(12345)
    assert r.random(3).tolist() == [0.22733602246716966, 0.31675833970975287,
                                    0.7973654573327341]
    r = rp.random.default_rng(12345)
    assert r.random(3, np.float32).tolist() == [0.6992149949073792, 0.22733598947525024,
                                                0.788646936416626]


@pytest.mark.parametrize("seed", SEEDS)
def test_random_interleaved(seed):
    """float32 draws use the half-word buffer (low half first, the high half kept for the next
    float32); float64 and raw draws neither use nor clear it."""
    n, r = both_rngs(seed, "default_rng")
    ops = [("f32", None), ("f64", None), ("f32", None), ("f32", 3), ("f64", 2), ("raw", None),
           ("f32", 1), ("f32", None), ("f64", (2, 2)), ("f32", 5), ("raw", 2), ("f32", 0),
           ("f32", None), ("f64", 0), ("f32", (3, 3)), ("f64", None), ("f32", 2)]
    for kind, size in ops:
        if kind == "raw":
            a, b = n.bit_generator.random_raw(size), r.bit_generator.random_raw(size)
            if size is None:
                assert a == b
            else:
                assert_words_equal(b, a)
        else:
            dt = np.float32 if kind == "f32" else np.float64
            a, b = n.random(size, dtype=dt), r.random(size, dtype=dt)
            if size is None:
                assert_float_equal(b, a)
            else:
                assert_bits_equal(b, a)
        assert r.bit_generator.state == n.bit_generator.state, (kind, size)


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=str)
@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("seed", SEEDS)
def test_random_out(seed, order, dtype):
    n, r = both_rngs(seed, "default_rng")
    n_out = np.empty((3, 4), dtype=dtype, order=order)
    r_out = rp.empty((3, 4), dtype=str(np.dtype(dtype)), order=order)
    a = n.random(out=n_out, dtype=dtype)
    b = r.random(out=r_out, dtype=dtype)
    assert a is n_out
    assert b is r_out
    assert_bits_equal(r_out, n_out)
    # with size too
    n_out = np.empty((2, 5), dtype=dtype, order=order)
    r_out = rp.empty((2, 5), dtype=str(np.dtype(dtype)), order=order)
    n.random((2, 5), out=n_out, dtype=dtype)
    assert r.random((2, 5), out=r_out, dtype=dtype) is r_out
    assert_bits_equal(r_out, n_out)
    assert r.bit_generator.state == n.bit_generator.state


def test_random_out_3d_f_order_fills_memory_order():
    n, r = both_rngs(7, "default_rng")
    n_out = np.empty((2, 3, 4), order="F")
    r_out = rp.empty((2, 3, 4), order="F")
    n.random(out=n_out)
    r.random(out=r_out)
    assert_bits_equal(r_out, n_out)
    # memory order equals the stream
    ref = np.random.default_rng(7).random(24)
    np.testing.assert_array_equal(to_np(r_out).ravel(order="F"), ref)


def test_random_out_empty():
    n, r = both_rngs(1, "default_rng")
    n.random(out=np.empty((0, 3)))
    r.random(out=rp.empty((0, 3)))
    assert r.bit_generator.state == n.bit_generator.state


OUT_ERRORS = [
    # each called with (numpy Generator, numpy) and (rumpy Generator, rumpy)
    (lambda g, m: g.random(out=m.empty(3, dtype="float32"))),
    (lambda g, m: g.random(out=m.empty(3), dtype="float32")),
    (lambda g, m: g.random(out=m.empty(3, dtype="float32"), dtype="float64")),
    (lambda g, m: g.random(out=m.empty(3, dtype="int64"))),
    (lambda g, m: g.random(4, out=m.empty(3))),
    (lambda g, m: g.random((3, 1), out=m.empty(3))),
    (lambda g, m: g.random((4, 3), out=m.empty((3, 4)))),
    (lambda g, m: g.random(out=m.empty((4, 4))[:, ::2])),
    (lambda g, m: g.random(out=m.empty(6, dtype="float32")[::2], dtype="float32")),
    (lambda g, m: g.random(out=m.empty(3, dtype=">f8"))),
    (lambda g, m: g.random(out=[0.0, 0.0])),
    (lambda g, m: g.random(3, dtype="int64")),
    (lambda g, m: g.random(3, dtype="float16")),
    (lambda g, m: g.random(dtype="complex128")),
    (lambda g, m: g.random(-1)),
    (lambda g, m: g.random(2.0)),
    (lambda g, m: g.random(2.5)),
    (lambda g, m: g.random([2.0, 1])),
    (lambda g, m: g.random((2, -1))),
]


@pytest.mark.parametrize("call", OUT_ERRORS, ids=range(len(OUT_ERRORS)))
def test_random_errors(call):
    n, r = both_rngs(3, "default_rng")
    same_error(lambda: call(n, np), lambda: call(r, rp))
    # nothing was drawn
    assert r.bit_generator.state == n.bit_generator.state


def test_random_out_messages():
    r = rp.random.default_rng(3)
    with pytest.raises(TypeError, match="Supplied output array has the wrong type"):
        r.random(out=rp.empty(3, dtype="float32"))
    with pytest.raises(ValueError, match="size must match out.shape when used together"):
        r.random(4, out=rp.empty(3))
    with pytest.raises(ValueError, match="Supplied output array must be contiguous"):
        r.random(out=rp.empty((4, 4))[:, ::2])
    with pytest.raises(TypeError, match="Unsupported dtype"):
        r.random(dtype="int64")


def test_random_out_read_only():
    n_out = np.empty(3)
    n_out.flags.writeable = False
    r_out = rp.empty(3)
    r_out.flags.writeable = False
    n, r = both_rngs(3, "default_rng")
    same_error(lambda: n.random(out=n_out), lambda: r.random(out=r_out))


# ---------------------------------------------------------------------------
# Generator: construction, bit_generator, spawn
# ---------------------------------------------------------------------------

def test_generator_bit_generator_attribute():
    bg = rp.random.PCG64(5)
    g = rp.random.Generator(bg)
    assert g.bit_generator is bg
    assert type(rp.random.default_rng(5).bit_generator) is rp.random.PCG64
    assert rp.random.default_rng(5).bit_generator.state == np.random.PCG64(5).state
    # a shared bit generator: both Generators draw from one stream
    g2 = rp.random.Generator(bg)
    ng = np.random.Generator(np.random.PCG64(5))
    assert_float_equal(g.random(), ng.random())
    assert_float_equal(g2.random(), ng.random())
    assert_float_equal(g.random(), ng.random())


def test_default_rng_passthrough():
    g = rp.random.default_rng(5)
    assert rp.random.default_rng(g) is g
    bg = rp.random.PCG64(6)
    g2 = rp.random.default_rng(bg)
    assert isinstance(g2, rp.random.Generator)
    assert g2.bit_generator is bg


@pytest.mark.parametrize("seed", SEEDS)
def test_default_rng_seed_sequence(seed):
    n = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(4,)))
    r = rp.random.default_rng(rp.random.SeedSequence(seed, spawn_key=(4,)))
    assert r.bit_generator.state == n.bit_generator.state
    assert_bits_equal(r.random(6), n.random(6))


@pytest.mark.parametrize("seed", [[1, 2, 3], 2**64 + 5, np.uint32(8)], ids=str)
def test_default_rng_other_seeds(seed):
    n, r = np.random.default_rng(seed), rp.random.default_rng(seed)
    assert_bits_equal(r.random(4), n.random(4))


def test_default_rng_none():
    r = rp.random.default_rng()
    ent = r.bit_generator.seed_seq.entropy
    n = np.random.default_rng(ent)
    assert_bits_equal(r.random(4), n.random(4))


@pytest.mark.parametrize("seed", [-1, 1.5, "5"], ids=str)
def test_default_rng_bad_seed(seed):
    same_error(lambda: np.random.default_rng(seed), lambda: rp.random.default_rng(seed))


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("seed", SEEDS)
def test_generator_spawn(seed, how):
    n, r = both_rngs(seed, how)
    n_kids, r_kids = n.spawn(3), r.spawn(3)
    assert len(r_kids) == 3
    for nk, rk in zip(n_kids, r_kids):
        assert type(rk) is rp.random.Generator
        assert type(rk.bit_generator) is rp.random.PCG64
        assert rk.bit_generator.state == nk.bit_generator.state
        assert_bits_equal(rk.random(5), nk.random(5))
        assert_bits_equal(rk.random(3, np.float32), nk.random(3, np.float32))
        # grandchildren
        for ng, rg in zip(nk.spawn(2), rk.spawn(2)):
            assert_bits_equal(rg.random(2), ng.random(2))
    # the parent's stream is untouched, and further children carry on the numbering
    assert r.bit_generator.state == n.bit_generator.state
    assert_bits_equal(r.spawn(1)[0].random(3), n.spawn(1)[0].random(3))
    assert r.bit_generator.seed_seq.n_children_spawned == 4


# ---------------------------------------------------------------------------
# Generator.integers and bytes (numpy's bounded algorithms, bit for bit)
# ---------------------------------------------------------------------------

INT_RANGES = {
    "bool": [(0, 2), (0, 1), (1, 2)],
    "int8": [(-128, 128), (0, 10), (-5, 5), (3, 4)],
    "uint8": [(0, 256), (0, 10), (200, 256), (5, 6)],
    "int16": [(-2**15, 2**15), (0, 1000), (-3, 7)],
    "uint16": [(0, 2**16), (0, 1000), (7, 9)],
    "int32": [(-2**31, 2**31), (0, 10**6), (-3, 7)],
    "uint32": [(0, 2**32), (0, 10**9), (5, 17)],
    "int64": [(-2**63, 2**63), (0, 10), (0, 2**40), (-2**40, 2**33), (0, 2**32),
              (0, 2**32 + 1)],
    "uint64": [(0, 2**64), (0, 10), (0, 2**40), (2**63, 2**64), (0, 2**32)],
}
INT_CASES = [(dt, lo, hi) for dt, rs in INT_RANGES.items() for lo, hi in rs]


def same_values(r, n):
    """An integers result: same type, dtype, shape and values."""
    assert type(r).__name__ == type(n).__name__, (type(r), type(n))
    ra, na = np.asarray(r), np.asarray(n)
    assert ra.dtype == na.dtype and ra.shape == na.shape
    assert ra.tolist() == na.tolist()


@pytest.mark.parametrize("seed", [0, 12345])
@pytest.mark.parametrize("endpoint", [False, True])
@pytest.mark.parametrize("dtype,low,high", INT_CASES, ids=str)
def test_integers_scalar_bounds(seed, endpoint, dtype, low, high):
    g, n = rp.random.default_rng(seed), np.random.default_rng(seed)
    h = high - 1 if endpoint else high
    for size in [None, 1, 7, (3, 5), 1000]:
        same_values(g.integers(low, h, size=size, dtype=dtype, endpoint=endpoint),
                    n.integers(low, h, size=size, dtype=dtype, endpoint=endpoint))
    # the stream goes on where numpy's does (half words and 8/16-bit pieces included)
    assert g.random() == n.random()
    assert g.bit_generator.state == n.bit_generator.state


@pytest.mark.parametrize("dtype", list(INT_RANGES)[1:])
def test_integers_array_bounds(dtype):
    g, n = rp.random.default_rng(7), np.random.default_rng(7)
    lo, hi = np.array([0, 1, 2, 3]), np.array([[5], [10], [100]])
    same_values(g.integers(rp.asarray(lo), rp.asarray(hi), dtype=dtype),
                n.integers(lo, hi, dtype=dtype))
    same_values(g.integers(lo, 50, size=(2, 4), dtype=dtype),
                n.integers(lo, 50, size=(2, 4), dtype=dtype))
    # numpy fills size items of the broadcast bounds when size is smaller
    same_values(g.integers(np.zeros((2, 3), int), 10, size=3, dtype=dtype),
                n.integers(np.zeros((2, 3), int), 10, size=3, dtype=dtype))
    same_values(g.integers(0, [3, 127, 5], endpoint=True, dtype=dtype),
                n.integers(0, [3, 127, 5], endpoint=True, dtype=dtype))
    assert g.random() == n.random()


def test_integers_python_types_and_bool_bounds():
    g, n = rp.random.default_rng(7), np.random.default_rng(7)
    for args, kw in [((10,), {}), ((10,), {"dtype": int}), ((2,), {"dtype": bool}),
                     ((5.7,), {}), (([0, 0, 1], [True, True, 2]), {"dtype": bool}),
                     ((0, 5), {"size": 0}), (([0, 1], 5), {"size": 0}),
                     ((0, [2**63]), {"dtype": "i8"}), (([2**63], 2**64), {"dtype": "u8"})]:
        same_values(g.integers(*args, **kw), n.integers(*args, **kw))


@pytest.mark.parametrize("expr", [
    "X.integers(0)", "X.integers(5, 3)", "X.integers(0, 300, dtype='u1')",
    "X.integers(-1, 3, dtype='u1')", "X.integers(0, 3, dtype='f8')", "X.integers([5, 1], 3)",
    "X.integers(0, [300], dtype='u1')", "X.integers(0, 2, dtype='>i4')",
    "X.integers([0, 0], [0, 5])", "X.integers([-1], 5, dtype='u4')",
    "X.integers(0, [2**32 + 1], dtype='u4')",
])
def test_integers_errors(expr):
    same_error(lambda: eval(expr, {"X": np.random.default_rng(1)}),
               lambda: eval(expr, {"X": rp.random.default_rng(1)}))


@pytest.mark.parametrize("length", [0, 1, 3, 4, 5, 10, 33])
def test_bytes(length):
    g, n = rp.random.default_rng(3), np.random.default_rng(3)
    assert g.bytes(length) == n.bytes(length)
    assert g.random() == n.random()


@pytest.mark.parametrize("low,high,size", [([0, 5], 10, 3), (0, [5, 6], 3),
                                           ([[0], [1]], [5, 6, 7], 4)], ids=str)
def test_integers_bounds_against_size_message(low, high, size):
    """numpy broadcasts (low, high, out): its message names them arg 0, 1 and 2."""
    with pytest.raises(ValueError) as en:
        np.random.default_rng(1).integers(np.asarray(low), np.asarray(high), size=size)
    with pytest.raises(ValueError) as er:
        rp.random.default_rng(1).integers(rp.asarray(low), rp.asarray(high), size=size)
    assert str(er.value) == str(en.value)


def test_generator_str_and_repr():
    n = np.random.Generator(np.random.PCG64(1))
    r = rp.random.Generator(rp.random.PCG64(1))
    assert str(r) == str(n)
    assert repr(r).startswith(str(n) + " at 0x")
