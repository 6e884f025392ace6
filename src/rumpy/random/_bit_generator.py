"""Bit generators (numpy's ``numpy.random.BitGenerator`` and ``PCG64``): the state lives in
the core (``rumpy._core._PCG64State``); these classes give it numpy's seeding, ``state`` dicts
and methods, so that a seed, or a state copied from numpy, gives numpy's numbers."""

import operator
import threading

from .. import _core
from ._seedseq import ISeedSequence, SeedSequence

_U64 = _core.dtype("uint64")
_MASK128 = (1 << 128) - 1
# PCG64's jump: (golden ratio - 1) * 2**128 draws
_PCG64_JUMP = 0x9e3779b97f4a7c15f39cc0605cedc835


def _shape(size):
    """``size`` as a shape tuple (integers only, as numpy's ``empty``)."""
    try:
        items = list(size)
    except TypeError:
        return (operator.index(size),)
    return tuple(operator.index(s) for s in items)


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
            n = size if size is None else int(_core.asarray(size).sum())
            with self.lock:
                for _ in range(1 if n is None else n):
                    core.next_raw()
            return None
        if size is None:
            with self.lock:
                return core.next_raw()
        out = _core.empty(_shape(size), dtype=_U64)
        with self.lock:
            core.fill_raw(out)
        return out

    def __getstate__(self):
        return self.state, self._seed_seq

    def __setstate__(self, state_seed_seq):
        state, seed_seq = state_seed_seq
        self.lock = threading.Lock()
        self._seed_seq = seed_seq
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
