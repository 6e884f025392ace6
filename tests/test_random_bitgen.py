"""rumpy's bit generators MT19937, PCG64DXSM, Philox and SFC64 (and PCG64 where the tests
are shared) against numpy's, bit for bit: states after seeding, raw draws, the draws of a
Generator over them (uniforms, 32-bit draws through the kept half word, bounded integers,
normals), state dicts both ways, advance/jumped, pickling and bad input.
"""

import pickle

import numpy as np
import pytest

import rumpy as rp

NAMES = ["PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"]
SEEDS = [0, 1, 12345, 2**100, [1, 2, 3]]


def pair(name, *args, **kwargs):
    return getattr(np.random, name)(*args, **kwargs), getattr(rp.random, name)(*args, **kwargs)


def np_state(state):
    """A state dict with arrays turned into lists (rumpy's arrays into lists too)."""
    if isinstance(state, dict):
        return {k: np_state(v) for k, v in state.items()}
    if hasattr(state, "tolist"):
        return ("array", str(state.dtype), state.tolist())
    return state


def same_state(n, r):
    assert np_state(r.state) == np_state(n.state)


def to_np(a):
    return np.array(a.tolist(), dtype=str(a.dtype)).reshape(tuple(a.shape))


def same_bits(r, n):
    assert str(r.dtype) == str(n.dtype) and tuple(r.shape) == n.shape
    word = {8: np.uint64, 4: np.uint32}[n.dtype.itemsize]
    np.testing.assert_array_equal(to_np(r).view(word), n.view(word))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("seed", SEEDS, ids=str)
def test_state_after_seeding(name, seed):
    n, r = pair(name, seed)
    same_state(n, r)
    assert r.state["bit_generator"] == name


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("seed", SEEDS, ids=str)
def test_random_raw(name, seed):
    n, r = pair(name, seed)
    a, b = n.random_raw(), r.random_raw()
    assert type(b) is int and a == b
    for size in (0, 1, 7, 1001, (2, 3)):
        got = r.random_raw(size)
        want = n.random_raw(size)
        assert str(got.dtype) == "uint64"
        np.testing.assert_array_equal(to_np(got), want)
    same_state(n, r)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("seed", [0, 12345])
def test_generator_draws(name, seed):
    n, r = pair(name, seed)
    gn, gr = np.random.Generator(n), rp.random.Generator(r)
    same_bits(gr.random(1001), gn.random(1001))
    same_bits(gr.random(1001, dtype=rp.float32), gn.random(1001, dtype=np.float32))
    assert gr.random(dtype=rp.float32) == gn.random(dtype=np.float32)
    np.testing.assert_array_equal(to_np(gr.integers(0, 1000, 777)), gn.integers(0, 1000, 777))
    np.testing.assert_array_equal(to_np(gr.integers(0, 2**40, 77)), gn.integers(0, 2**40, 77))
    np.testing.assert_array_equal(to_np(gr.integers(0, 7, 333, dtype=rp.uint8)),
                                  gn.integers(0, 7, 333, dtype=np.uint8))
    same_bits(gr.standard_normal(5001), gn.standard_normal(5001))
    same_bits(gr.standard_normal(501, dtype=rp.float32),
              gn.standard_normal(501, dtype=np.float32))
    same_bits(gr.standard_gamma(0.4, 501), gn.standard_gamma(0.4, 501))
    np.testing.assert_array_equal(to_np(gr.poisson(30.0, 501)), gn.poisson(30.0, 501))
    np.testing.assert_array_equal(to_np(gr.permutation(100)), gn.permutation(100))
    same_state(n, r)


@pytest.mark.parametrize("name", NAMES)
def test_state_both_ways(name):
    n, r = pair(name, 5)
    gn = np.random.Generator(n)
    gn.random(3, dtype=np.float32)  # leaves a kept half word on the 64-bit generators
    r.state = n.state
    same_state(n, r)
    np.testing.assert_array_equal(to_np(r.random_raw(9)), n.random_raw(9))
    rp.random.Generator(r).random(dtype=rp.float32)
    n2 = getattr(np.random, name)(99)
    n2.state = r.state
    same_state(n2, r)
    np.testing.assert_array_equal(to_np(r.random_raw(9)), n2.random_raw(9))


@pytest.mark.parametrize("name", NAMES)
def test_state_setter_errors(name):
    n, r = pair(name, 1)
    for bad in (1, [1, 2]):
        with pytest.raises(TypeError):
            n.state = bad
        with pytest.raises(TypeError):
            r.state = bad
    wrong = dict(n.state, bit_generator="Other")
    with pytest.raises(ValueError) as en:
        n.state = wrong
    with pytest.raises(ValueError) as er:
        r.state = wrong
    assert str(er.value) == str(en.value)


@pytest.mark.parametrize("name", ["PCG64", "PCG64DXSM", "Philox"])
@pytest.mark.parametrize("delta", [0, 1, 5, 1000, 2**70 + 3, -1, -7])
def test_advance(name, delta):
    n, r = pair(name, 3)
    n.random_raw(3)
    r.random_raw(3)
    np.random.Generator(n).random(dtype=np.float32)
    rp.random.Generator(r).random(dtype=rp.float32)
    assert r.advance(delta) is r
    n.advance(delta)
    same_state(n, r)
    assert r.random_raw() == n.random_raw()


@pytest.mark.parametrize("name", ["PCG64", "PCG64DXSM", "MT19937", "Philox"])
@pytest.mark.parametrize("jumps", [1, 2, 3])
def test_jumped(name, jumps):
    n, r = pair(name, 11)
    n.random_raw(5)
    r.random_raw(5)
    jn, jr = n.jumped(jumps), r.jumped(jumps)
    same_state(jn, jr)
    np.testing.assert_array_equal(to_np(jr.random_raw(20)), jn.random_raw(20))
    same_state(n, r)  # the parent is untouched
    assert type(jr) is type(r)
    assert jr.seed_seq.entropy != r.seed_seq.entropy


def test_mt19937_jumped_from_every_position():
    n, r = pair("MT19937", 4)
    for k in (0, 1, 622, 623, 700):
        n.random_raw(k)
        r.random_raw(k)
        same_state(n.jumped(), r.jumped())


@pytest.mark.parametrize("name", NAMES)
def test_spawn_and_pickle(name):
    n, r = pair(name, 21)
    kids_n, kids_r = n.spawn(2), r.spawn(2)
    for a, b in zip(kids_n, kids_r):
        same_state(a, b)
    r.random_raw(3)
    n.random_raw(3)
    back = pickle.loads(pickle.dumps(r))
    assert type(back) is type(r)
    same_state(n, back)
    assert back.random_raw() == n.random_raw()


def test_vectors():
    """plans/random-notes.md, section 8."""
    r = rp.random.MT19937(12345)
    st = r.state["state"]
    assert st["pos"] == 623
    assert st["key"][:4].tolist() == [2147483648, 3048105090, 4196366895, 3152189807]
    assert int(st["key"][623]) == 3854629613
    assert r.random_raw(3).tolist() == [1622936285, 3620788691, 1426156273]
    j = rp.random.MT19937(12345).jumped()
    assert j.state["state"]["pos"] == 588
    assert j.random_raw(3).tolist() == [1832417060, 4216431749, 1854820000]
    assert rp.random.PCG64DXSM(12345).random_raw(3).tolist() == [
        17193872397121361007, 6225879447261284483, 4002610872796635837]
    assert rp.random.PCG64DXSM(12345).advance(1000).state["state"]["state"] == \
        49382777736379135105361490349667942685
    assert rp.random.Philox(12345).random_raw(3).tolist() == [
        7761547988346370368, 12048877680314648833, 7990457742470656338]
    assert rp.random.Philox(counter=7, key=2**70 + 3).random_raw(3).tolist() == [
        16675723468112643462, 4404105849942800169, 896462989433453860]
    assert rp.random.SFC64(12345).state["state"]["state"].tolist() == [
        10064541703870941362, 11909270464136410499, 15701026424580518604, 13]
    assert rp.random.SFC64(12345).random_raw(3).tolist() == [
        3527068094297800258, 5648030432468382359, 9063957079744815110]


@pytest.mark.parametrize("kwargs", [
    {"key": 5}, {"key": 2**70 + 3, "counter": 9}, {"key": [1, 2]}, {"counter": [1, 2, 3, 4]},
    {"counter": 2**255}, {"key": np.array([3, 4], dtype=np.uint64)},
], ids=str)
def test_philox_key_and_counter(kwargs):
    if "key" not in kwargs:
        kwargs = dict(kwargs, seed=5)
    n, r = pair("Philox", **kwargs)
    same_state(n, r)
    np.testing.assert_array_equal(to_np(r.random_raw(10)), n.random_raw(10))
    if "key" in kwargs:
        assert r.seed_seq is None
        with pytest.raises(TypeError):
            r.spawn(1)


@pytest.mark.parametrize("kwargs", [
    {"seed": 1, "key": 2}, {"key": -1}, {"key": 2**128}, {"key": [1, 2, 3]},
    {"counter": -1}, {"counter": 2**256}, {"counter": [1, 2]},
], ids=str)
def test_philox_bad_arguments(kwargs):
    with pytest.raises(Exception) as en:
        np.random.Philox(**kwargs)
    with pytest.raises(type(en.value)) as er:
        rp.random.Philox(**kwargs)
    assert str(er.value) == str(en.value)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("seed", [-1, 1.5, "5"], ids=str)
def test_bad_seeds(name, seed):
    with pytest.raises(Exception) as en:
        getattr(np.random, name)(seed)
    with pytest.raises(type(en.value)):
        getattr(rp.random, name)(seed)


def test_mt19937_legacy_tuple_state():
    n, r = pair("MT19937", 8)
    n.random_raw(100)
    key, pos = n.state["state"]["key"], n.state["state"]["pos"]
    r.state = ("MT19937", rp.asarray(key), pos)
    same_state(n, r)
    r.state = ("MT19937", key, pos, 0, 0.0)
    same_state(n, r)
    with pytest.raises(ValueError):
        r.state = ("PCG64", key, pos)
    with pytest.raises(ValueError):
        n.state = ("PCG64", key, pos)


@pytest.mark.parametrize("seed", [0, 1, 2**32 - 1, np.uint32(7), rp.asarray(5),
                                  [1, 2, 3], [0], np.arange(700), [2**32 - 1] * 3],
                         ids=lambda s: repr(s)[:20])
def test_mt19937_legacy_seeding(seed):
    n, r = pair("MT19937", 1)
    n._legacy_seeding(np.asarray(seed) if isinstance(seed, rp.ndarray) else seed)
    r._legacy_seeding(rp.asarray(seed) if isinstance(seed, np.ndarray) else seed)
    same_state(n, r)
    assert r.seed_seq is None
    np.testing.assert_array_equal(to_np(r.random_raw(700)), n.random_raw(700))


@pytest.mark.parametrize("seed", [-1, 2**32, [], [1, -1], [[1, 2]], 1.5, [1.5]],
                         ids=str)
def test_mt19937_legacy_seeding_errors(seed):
    n, r = pair("MT19937", 1)
    with pytest.raises(Exception) as en:
        n._legacy_seeding(seed)
    with pytest.raises(type(en.value)) as er:
        r._legacy_seeding(seed)
    assert str(er.value) == str(en.value)


def test_mt19937_legacy_seeding_none_keeps_position():
    n, r = pair("MT19937", 1)
    n.random_raw(6)
    r.random_raw(6)
    r._legacy_seeding(None)
    assert r.state["state"]["pos"] == n.state["state"]["pos"]
    assert r.state["state"]["key"][0] == 0x80000000


@pytest.mark.parametrize("name", NAMES)
def test_threads_share_one_stream(name):
    """Draws from several threads on one generator consume exactly as many words as the
    same draws made in one thread (each call holds the lock)."""
    import threading

    n, r = pair(name, 2)
    gr = rp.random.Generator(r)

    def work():
        for _ in range(50):
            gr.random(1000)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    np.random.Generator(n).random(200 * 1000)
    same_state(n, r)
