"""Bit generators (numpy's ``numpy.random.BitGenerator`` and ``PCG64``): the state lives in
the core (``rumpy._core._PCG64State``); these classes give it numpy's seeding, ``state`` dicts
and methods, so that a seed, or a state copied from numpy, gives numpy's numbers."""

import operator
import threading

from .. import _core
from ._common import shape_of
from ._seedseq import ISeedSequence, SeedSequence

_U64 = _core.dtype("uint64")
_MASK128 = (1 << 128) - 1
# PCG64's jump: (golden ratio - 1) * 2**128 draws
_PCG64_JUMP = 0x9e3779b97f4a7c15f39cc0605cedc835


class BitGenerator:
    """Base class of the bit generators: a seed (None, an int, a sequence of ints or a
    :class:`SeedSequence`) becomes a ``SeedSequence`` whose ``generate_state`` seeds the
    generator; ``state`` is a dict as numpy's.

    Parameters
    ----------
    seed : {None, int, array_like[ints], SeedSequence}, optional
        The seed; None draws fresh entropy from the operating system.

    Attributes
    ----------
    lock : threading.Lock
        Held by each call that draws; shared by every Generator using this bit generator.
    seed_seq : SeedSequence
        The sequence the generator was seeded from.
    """

    def __init__(self, seed=None):
        self.lock = threading.Lock()
        if not isinstance(seed, ISeedSequence):
            seed = SeedSequence(seed)
        self._seed_seq = seed

    @property
    def seed_seq(self):
        """The :class:`SeedSequence` the generator was seeded from."""
        return self._seed_seq

    def spawn(self, n_children):
        """New bit generators of this type, seeded from ``n_children`` children of
        ``seed_seq``.

        Examples
        --------
        >>> import rumpy as rp
        >>> a, b = rp.random.PCG64(1).spawn(2)
        >>> first = rp.random.SeedSequence(1, spawn_key=(0,))
        >>> a.random_raw() == rp.random.PCG64(first).random_raw()
        True
        """
        if not hasattr(self._seed_seq, "spawn"):
            raise TypeError("The underlying SeedSequence does not implement spawning.")
        return [type(self)(seed=s) for s in self._seed_seq.spawn(n_children)]

    def random_raw(self, size=None, output=True):
        """Raw draws of the generator (uint64): one Python int without ``size``, else an
        array of that shape; with ``output=False`` the draws are made and dropped (numpy
        draws the *sum* of ``size``'s entries then).

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.PCG64(12345).random_raw(2).dtype
        dtype('uint64')
        """
        core = self._core
        if not output:
            n = size if size is None else int(_core.asanyarray(size).sum())
            with self.lock:
                for _ in range(1 if n is None else n):
                    core.next_raw()
            return None
        if size is None:
            with self.lock:
                return core.next_raw()
        out = _core.empty(shape_of(size), dtype=_U64)
        with self.lock:
            core.fill_raw(out)
        return out

    def __getstate__(self):
        return self.state, self._seed_seq

    def __setstate__(self, state_seed_seq):
        state, seed_seq = state_seed_seq
        self.lock = threading.Lock()
        self._seed_seq = seed_seq
        if not hasattr(self, "_core"):
            self._core = self._blank_core()
        self.state = state

    def __reduce__(self):
        return type(self).__new__, (type(self),), self.__getstate__()


class PCG64(BitGenerator):
    """The PCG64 bit generator (a 128-bit LCG with the XSL-RR output), numpy's default.

    Parameters
    ----------
    seed : {None, int, array_like[ints], SeedSequence}, optional
        The seed; the same seed gives numpy's PCG64 numbers.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.PCG64(7).random_raw() == np.random.PCG64(7).random_raw()
    True
    """

    def __init__(self, seed=None):
        super().__init__(seed)
        words = self._seed_seq.generate_state(4, _U64).tolist()
        self._core = _core._PCG64State(words)

    @staticmethod
    def _blank_core():
        return _core._PCG64State([0, 0, 0, 0])

    @property
    def state(self):
        """The state as numpy's dict: ``{'bit_generator': 'PCG64', 'state': {'state': int,
        'inc': int}, 'has_uint32': int, 'uinteger': int}``; settable from such a dict (numpy's
        too)."""
        state, inc, has32, uint = self._core.get_state()
        return {"bit_generator": type(self).__name__,
                "state": {"state": state, "inc": inc},
                "has_uint32": int(has32), "uinteger": uint}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator") != type(self).__name__:
            raise ValueError(f"state must be for a {type(self).__name__} RNG")
        s = value["state"]
        state, inc = int(s["state"]), int(s["inc"])
        for v in (state, inc):
            if not 0 <= v < 1 << 128:
                raise OverflowError("int too big to convert")
        self._core.set_state(state, inc, bool(value["has_uint32"]), int(value["uinteger"]))

    def advance(self, delta):
        """Move the stream on as if ``delta`` draws had been made (a negative ``delta`` goes
        back, modulo 2**128); the kept half of the last draw is dropped. Returns ``self``.

        Examples
        --------
        >>> import rumpy as rp
        >>> a, b = rp.random.PCG64(3), rp.random.PCG64(3)
        >>> _ = a.random_raw(5)
        >>> b.advance(5).random_raw() == a.random_raw()
        True
        """
        self._core.advance(int(delta) & _MASK128)
        return self

    def jumped(self, jumps=1):
        """A new generator whose state is this one's moved on by ``jumps`` times
        (golden ratio - 1) * 2**128 draws; its ``seed_seq`` is fresh, as numpy's.

        Examples
        --------
        >>> import rumpy as rp
        >>> g = rp.random.PCG64(1)
        >>> g.jumped().state != g.state
        True
        """
        new = type(self)()
        new.state = self.state
        new.advance(_PCG64_JUMP * int(jumps))
        return new


class PCG64DXSM(PCG64):
    """The PCG64DXSM bit generator: PCG64's state and seeding, a cheaper multiplier and the
    DXSM output (numpy's recommended upgrade of PCG64).

    Parameters
    ----------
    seed : {None, int, array_like[ints], SeedSequence}, optional
        The seed; the same seed gives numpy's PCG64DXSM numbers.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.PCG64DXSM(7).random_raw() == np.random.PCG64DXSM(7).random_raw()
    True
    """

    def __init__(self, seed=None):
        BitGenerator.__init__(self, seed)
        words = self._seed_seq.generate_state(4, _U64).tolist()
        self._core = _core._PCG64DXSMState(words)

    @staticmethod
    def _blank_core():
        return _core._PCG64DXSMState([0, 0, 0, 0])


def _state_check(value, cls, word="RNG"):
    """numpy's checks of a ``state`` dict given to a setter."""
    if not isinstance(value, dict):
        raise TypeError("state must be a dict")
    if value.get("bit_generator", "") != cls.__name__:
        raise ValueError(f"state must be for a {cls.__name__} {word}")


def _words(values, n, name="state"):
    """``n`` uint64 words as Python ints (numpy casts them to uint64)."""
    out = [int(v) & 0xFFFFFFFFFFFFFFFF for v in _core.asanyarray(values).reshape(-1).tolist()]
    if len(out) != n:
        raise ValueError(f"{name} must have {n} elements")
    return out


def _int_to_words(value, name, bits):
    """numpy's ``int_to_array`` into 64-bit words (least significant first)."""
    n = bits // 64
    arr = _core.asanyarray(value) if not isinstance(value, int) else None
    if arr is None or arr.shape == ():
        v = int(value)
        if v < 0 or v >= 1 << bits:
            raise ValueError(f"{name} must be positive and less than 2**{bits}.")
        return [(v >> (64 * i)) & 0xFFFFFFFFFFFFFFFF for i in range(n)]
    out = arr.astype(_U64)
    if out.shape != (n,):
        raise ValueError(f"{name} must have {n} elements when using array form")
    return [int(x) for x in out.tolist()]


class SFC64(BitGenerator):
    """The SFC64 bit generator (Chris Doty-Humphrey's small fast chaotic generator).

    Parameters
    ----------
    seed : {None, int, array_like[ints], SeedSequence}, optional
        The seed; the same seed gives numpy's SFC64 numbers.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.SFC64(7).random_raw() == np.random.SFC64(7).random_raw()
    True
    """

    def __init__(self, seed=None):
        super().__init__(seed)
        words = self._seed_seq.generate_state(3, _U64).tolist()
        self._core = _core._SFC64State(words)

    @staticmethod
    def _blank_core():
        return _core._SFC64State([0, 0, 0])

    @property
    def state(self):
        """The state as numpy's dict: ``{'bit_generator': 'SFC64', 'state': {'state': uint64
        array (4,)}, 'has_uint32': int, 'uinteger': int}``; settable from such a dict."""
        s, has32, uint = self._core.get_state()
        return {"bit_generator": type(self).__name__,
                "state": {"state": _core.asanyarray(s, dtype=_U64)},
                "has_uint32": int(has32), "uinteger": uint}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator", "") != type(self).__name__:
            # numpy's message here is not an f-string
            raise ValueError("state must be for a {self.__class__.__name__} RNG")
        s = _words(value["state"]["state"], 4)
        self._core.set_state(s, bool(value["has_uint32"]), int(value["uinteger"]))


class Philox(BitGenerator):
    """The Philox 4x64-10 counter-based bit generator.

    Parameters
    ----------
    seed : {None, int, array_like[ints], SeedSequence}, optional
        The seed (not with ``key``).
    counter : {None, int, array_like}, optional
        The 256-bit counter (an int, or four uint64 words, least significant first).
    key : {None, int, array_like}, optional
        The 128-bit key (an int, or two uint64 words); replaces seeding.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.Philox(7).random_raw() == np.random.Philox(7).random_raw()
    True
    """

    def __init__(self, seed=None, counter=None, key=None):
        if seed is not None and key is not None:
            raise ValueError("seed and key cannot be both used")
        super().__init__(seed)
        if key is not None:
            key = _int_to_words(key, "key", 128)
            self._seed_seq = None
        else:
            key = self._seed_seq.generate_state(2, _U64).tolist()
        counter = _int_to_words(0 if counter is None else counter, "counter", 256)
        self._core = _core._PhiloxState(counter, key)

    @staticmethod
    def _blank_core():
        return _core._PhiloxState([0, 0, 0, 0], [0, 0])

    @property
    def state(self):
        """The state as numpy's dict: ``{'bit_generator': 'Philox', 'state': {'counter':
        uint64 (4,), 'key': uint64 (2,)}, 'buffer': uint64 (4,), 'buffer_pos': int,
        'has_uint32': int, 'uinteger': int}``; settable from such a dict."""
        ctr, key, buf, pos, has32, uint = self._core.get_state()
        return {"bit_generator": type(self).__name__,
                "state": {"counter": _core.asanyarray(ctr, dtype=_U64),
                          "key": _core.asanyarray(key, dtype=_U64)},
                "buffer": _core.asanyarray(buf, dtype=_U64), "buffer_pos": pos,
                "has_uint32": int(has32), "uinteger": uint}

    @state.setter
    def state(self, value):
        _state_check(value, type(self), "PRNG")
        s = value["state"]
        self._core.set_state(_words(s["counter"], 4, "counter"), _words(s["key"], 2, "key"),
                             _words(value["buffer"], 4, "buffer"), int(value["buffer_pos"]),
                             bool(value["has_uint32"]), int(value["uinteger"]))

    def advance(self, delta):
        """Move the counter ``delta`` blocks (of four draws) on, modulo 2**256; the current
        block and the kept half word are dropped. Returns ``self``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> a = rp.random.Philox(3).advance(5).random_raw()
        >>> a == np.random.Philox(3).advance(5).random_raw()
        True
        """
        delta = int(delta) & ((1 << 256) - 1)
        self._core.advance(_int_to_words(delta, "step", 256))
        return self

    def jumped(self, jumps=1):
        """A new generator moved ``jumps * 2**128`` blocks on; its ``seed_seq`` is fresh.

        Examples
        --------
        >>> import rumpy as rp
        >>> g = rp.random.Philox(1)
        >>> g.jumped().state["state"]["counter"].tolist()
        [0, 0, 1, 0]
        """
        new = type(self)()
        new.state = self.state
        new.advance(int(jumps) * (1 << 128))
        return new


class MT19937(BitGenerator):
    """The MT19937 bit generator (the Mersenne Twister), seeded by a SeedSequence, or by
    numpy's legacy seeding through :class:`RandomState`.

    Parameters
    ----------
    seed : {None, int, array_like[ints], SeedSequence}, optional
        The seed; the same seed gives numpy's MT19937 numbers.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.MT19937(7).random_raw() == np.random.MT19937(7).random_raw()
    True
    """

    def __init__(self, seed=None):
        super().__init__(seed)
        words = self._seed_seq.generate_state(624, _core.dtype("uint32")).tolist()
        self._core = _core._MT19937State(words)

    @staticmethod
    def _blank_core():
        return _core._MT19937State([0] * 624)

    def _legacy_seeding(self, seed):
        """numpy's legacy seeding (``RandomState.seed``): None (fresh entropy, the position
        kept), an int in [0, 2**32), or a 1-d array of such ints."""
        with self.lock:
            try:
                if seed is None:
                    words = SeedSequence().generate_state(624).tolist()
                    words[0] = 0x80000000
                    _key, pos = self._core.get_state()
                    self._core.set_state(words, pos)
                else:
                    if hasattr(seed, "squeeze"):
                        seed = seed.squeeze()
                    idx = operator.index(seed)
                    if idx > 2**32 - 1 or idx < 0:
                        raise ValueError("Seed must be between 0 and 2**32 - 1")
                    self._core.legacy_seed(idx)
            except TypeError:
                obj = _core.asanyarray(seed)
                if obj.size == 0:
                    raise ValueError("Seed must be non-empty") from None
                if not _core.can_cast(obj.dtype, _core.dtype("int64")):
                    what = "scalar" if obj.ndim == 0 else "array data"
                    raise TypeError(f"Cannot cast {what} from {obj.dtype!r} to "
                                    "dtype('int64') according to the rule 'safe'") from None
                obj = obj.astype("int64")
                if obj.ndim != 1:
                    raise ValueError("Seed array must be 1-d") from None
                values = obj.tolist()
                if any(v > 2**32 - 1 or v < 0 for v in values):
                    raise ValueError("Seed must be between 0 and 2**32 - 1") from None
                self._core.legacy_seed_array(values)
        self._seed_seq = None

    @property
    def state(self):
        """The state as numpy's dict: ``{'bit_generator': 'MT19937', 'state': {'key': uint32
        array (624,), 'pos': int}}``; settable from such a dict or numpy's legacy tuple
        ``('MT19937', key, pos[, has_gauss, gauss])``."""
        key, pos = self._core.get_state()
        return {"bit_generator": type(self).__name__,
                "state": {"key": _core.asanyarray(key, dtype=_core.dtype("uint32")), "pos": pos}}

    @state.setter
    def state(self, value):
        if isinstance(value, tuple):
            if value[0] != "MT19937" or len(value) not in (3, 5):
                raise ValueError("state is not a legacy MT19937 state")
            value = {"bit_generator": "MT19937", "state": {"key": value[1], "pos": value[2]}}
        _state_check(value, type(self), "PRNG")
        key = [int(v) & 0xFFFFFFFF for v in
               _core.asanyarray(value["state"]["key"]).reshape(-1).tolist()[:624]]
        if len(key) < 624:
            raise IndexError("index out of bounds")
        self._core.set_state(key, int(value["state"]["pos"]))

    def jumped(self, jumps=1):
        """A new generator moved ``jumps * 2**128`` draws on (Horner's rule on numpy's jump
        polynomial); its ``seed_seq`` is fresh.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> a = rp.random.MT19937(5).jumped().random_raw()
        >>> a == np.random.MT19937(5).jumped().random_raw()
        True
        """
        new = type(self)()
        new.state = self.state
        new._core.jump(operator.index(jumps))
        return new
